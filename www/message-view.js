// Turns a message and its SMS parts (the package's `splitMessageParts`) into the HTML of the
// highlight mirror and the "sent as" copy. Pure functions of strings: no DOM access here, and no
// rule of SMS Partner's: where each SMS starts, what is replaced, what `:br:` is and what the
// recipient reads all come from the package.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Walks one part of `message`, calling `visit(kind, slice, index, shown)` for each run of
 * plain text (`kind` `"plain"`) and each edit of the part (`"replaced"`, `"unsupported"`,
 * `"lineBreak"`, `"euro"`), in order.
 */
export function walk(message, part, visit) {
  let from = part.index;
  for (const edit of part.edits) {
    if (edit.index > from) visit('plain', message.slice(from, edit.index), from);
    visit(edit.kind, message.slice(edit.index, edit.index + edit.length), edit.index, edit.shown);
    from = edit.index + edit.length;
  }
  const end = part.index + part.text.length;
  if (end > from) visit('plain', message.slice(from, end), from);
}

/**
 * HTML of the mirror laid under the textarea: same text (transparent), each SMS part in its own
 * tinted span (the start of parts 2, 3… marked by a bar), replaced characters and characters
 * that cannot travel highlighted in place, tags (`:br:`, `:euro:`) outlined. The text itself is
 * unchanged so that it lines up with the textarea character for character.
 */
export function mirrorHtml(message, parts) {
  const out = [];
  parts.forEach((part, k) => {
    out.push(`<span class="part part-${k % 2}${k > 0 ? ' cut' : ''}" data-part="${k + 1}">`);
    walk(message, part, (kind, slice, i, shown) => {
      const text = escapeHtml(slice);
      if (kind === 'plain') out.push(text);
      else if (kind === 'replaced') {
        out.push(`<mark class="rep" data-index="${i}" data-replacement="${escapeHtml(shown)}">${text}</mark>`);
      } else if (kind === 'unsupported') out.push(`<mark class="bad" data-index="${i}">${text}</mark>`);
      else out.push(`<mark class="br">${text}</mark>`);
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
export function sentAsHtml(message, parts, removedLabel) {
  const out = [];
  for (const part of parts) {
    walk(message, part, (kind, slice, i, shown) => {
      const text = escapeHtml(slice);
      if (kind === 'replaced') {
        const title = shown === '' ? `${slice} → ${removedLabel}` : `${slice} → ${shown}`;
        out.push(
          `<span class="rep" data-index="${i}" title="${escapeHtml(title)}"><del>${text}</del>` +
            (shown === '' ? '' : `<ins>${escapeHtml(shown)}</ins>`) +
            '</span>',
        );
      } else if (kind === 'unsupported') out.push(`<mark class="bad" data-index="${i}">${text}</mark>`);
      else out.push(text);
    });
  }
  return out.join('');
}

/** The text of each SMS as the recipient reads it (the package's previews, one per SMS). */
export function previewParts(parts) {
  return parts.map((part) => part.preview);
}
