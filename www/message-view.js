// Turns a message, its analysis and its SMS parts into the HTML of the highlight mirror, the
// "sent as" copy and the phone preview. Pure functions of strings: no DOM access here.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** SMS Partner's line break tag (documented: it counts 2 characters and arrives as a new line). */
export const BR_TAG = ':br:';

/** How a character that GSM-7 cannot carry arrives when Unicode is off. */
export const UNSUPPORTED_ARRIVES_AS = '?';

/**
 * Indexes the analysis by UTF-16 offset: `replacements` (offset → replacement) and `unsupported`
 * (offsets of characters that cannot travel without Unicode).
 */
export function indexAnalysis(analysis) {
  const replacements = new Map();
  for (const r of analysis.replacements) replacements.set(r.index, r.replacement);
  const unsupported = new Set();
  for (const u of analysis.unsupported) unsupported.add(u.index);
  return { replacements, unsupported };
}

/** UTF-16 length of the code point starting at `i` (2 for a surrogate pair, else 1). */
function unitLength(text, i) {
  return text.codePointAt(i) > 0xffff ? 2 : 1;
}

/**
 * Walks `text` from `start` to `end` (UTF-16 offsets into the whole message), calling `visit`
 * with `(kind, slice, index, replacement)` where kind is `"br"`, `"replaced"`, `"unsupported"`
 * or `"plain"`. Plain runs are passed whole so the callers build few strings.
 */
export function walk(text, start, end, index, visit) {
  let i = start;
  let plainFrom = start;
  const flush = () => {
    if (i > plainFrom) visit('plain', text.slice(plainFrom, i), plainFrom);
  };
  while (i < end) {
    let kind = null;
    let len = 1;
    if (text.charCodeAt(i) === 58 /* ':' */ && text.startsWith(BR_TAG, i)) {
      kind = 'br';
      len = BR_TAG.length;
    } else if (index.replacements.has(i)) {
      kind = 'replaced';
      len = unitLength(text, i);
    } else if (index.unsupported.has(i)) {
      kind = 'unsupported';
      len = unitLength(text, i);
    }
    if (kind === null) {
      i += 1;
      continue;
    }
    flush();
    visit(kind, text.slice(i, i + len), i, index.replacements.get(i));
    i += len;
    plainFrom = i;
  }
  flush();
}

/** UTF-16 offsets where each part starts, from `splitMessage`'s answer. */
export function partStarts(parts) {
  const starts = [];
  let at = 0;
  for (const part of parts) {
    starts.push(at);
    at += part.length;
  }
  return starts;
}

/**
 * HTML of the mirror laid under the textarea: same text (transparent), each SMS part in its own
 * tinted span (the start of parts 2, 3… marked by a bar), replaced characters and characters
 * that cannot travel highlighted in place, `:br:` tags outlined. The text itself is unchanged so
 * that it lines up with the textarea character for character.
 */
export function mirrorHtml(message, analysis, parts) {
  const index = indexAnalysis(analysis);
  const starts = partStarts(parts);
  const out = [];
  starts.forEach((start, k) => {
    const end = start + parts[k].length;
    out.push(`<span class="part part-${k % 2}${k > 0 ? ' cut' : ''}" data-part="${k + 1}">`);
    walk(message, start, end, index, (kind, slice, i, replacement) => {
      const text = escapeHtml(slice);
      if (kind === 'plain') out.push(text);
      else if (kind === 'br') out.push(`<mark class="br">${text}</mark>`);
      else if (kind === 'replaced') {
        out.push(`<mark class="rep" data-index="${i}" data-replacement="${escapeHtml(replacement)}">${text}</mark>`);
      } else out.push(`<mark class="bad" data-index="${i}">${text}</mark>`);
    });
    out.push('</span>');
  });
  // A trailing line break needs something after it to take up its line, as in the textarea.
  out.push('\u200b');
  return out.join('');
}

/**
 * HTML of the "sent as" copy: the message with every replaced character shown struck out next
 * to what SMS Partner sends instead, and characters that cannot travel flagged.
 */
export function sentAsHtml(message, analysis, removedLabel) {
  const index = indexAnalysis(analysis);
  const out = [];
  walk(message, 0, message.length, index, (kind, slice, i, replacement) => {
    const text = escapeHtml(slice);
    if (kind === 'plain' || kind === 'br') out.push(text);
    else if (kind === 'replaced') {
      const title = replacement === '' ? `${slice} → ${removedLabel}` : `${slice} → ${replacement}`;
      out.push(
        `<span class="rep" data-index="${i}" title="${escapeHtml(title)}"><del>${text}</del>` +
          (replacement === '' ? '' : `<ins>${escapeHtml(replacement)}</ins>`) +
          '</span>',
      );
    } else out.push(`<mark class="bad" data-index="${i}">${text}</mark>`);
  });
  return out.join('');
}

/**
 * The text of each SMS as the recipient reads it: replacements applied, `:br:` as a line break,
 * characters GSM-7 cannot carry as `?` (Unicode off), the STOP mention at the end.
 *
 * `parts` are the input cut by `splitMessage`, one per SMS billed; the last one is `""` when the
 * STOP mention alone spills into one more SMS. Then the mention is cut where that SMS starts: the
 * previous SMS holds `perSms` minus the billed length of its own text (the mention's characters
 * cost one each), which `billedLength(text)` gives (an `analyzeMessage(text).characters`).
 */
export function previewParts(message, analysis, parts, billedLength) {
  const index = indexAnalysis(analysis);
  const starts = partStarts(parts);
  const texts = starts.map((start, k) => {
    let text = '';
    walk(message, start, start + parts[k].length, index, (kind, slice, _i, replacement) => {
      // A lone surrogate cannot be sent as such: it arrives as U+FFFD, as the package previews it.
      if (kind === 'plain') text += slice.toWellFormed();
      else if (kind === 'br') text += '\n';
      else if (kind === 'replaced') text += replacement;
      else text += UNSUPPORTED_ARRIVES_AS;
    });
    return text;
  });
  stopMentionPieces(analysis, parts, billedLength).forEach((piece, k) => {
    texts[k] += piece;
  });
  return texts;
}

/**
 * The STOP mention as the SMS carry it: one piece per part (mostly `""`), all of it at the end
 * of the last part, or cut where the last SMS starts when the mention alone spills into it (the
 * last part of `splitMessage` is then `""`). `billedLength(text)` is the billed length of a text
 * without the mention.
 */
export function stopMentionPieces(analysis, parts, billedLength) {
  const pieces = parts.map(() => '');
  const mention = analysis.stopMention;
  const last = parts.length - 1;
  if (!mention || last < 0) return pieces;
  if (parts[last] !== '' || last === 0) {
    pieces[last] = mention;
    return pieces;
  }
  const room = Math.max(0, analysis.perSms - billedLength(parts[last - 1]));
  pieces[last - 1] = mention.slice(0, room);
  pieces[last] = mention.slice(room);
  return pieces;
}
