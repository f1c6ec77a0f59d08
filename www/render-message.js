// The message's read-out: the count as SMS Partner bills it, the highlights, the "sent as" copy,
// what cannot travel without Unicode and smart encoding's offer, the segment view and the preview.

import * as sms from '/pkg/compose.js';
import { t, charName } from './i18n.js';
import { escapeHtml, mirrorHtml, sentAsHtml, previewParts } from './message-view.js';
import { charLabel, segmentStrips, stripHtml, stripPieces } from './segment-view.js';
import { $, el } from './elements.js';
import { patchChildren, rememberChildren } from './patch.js';
import { state } from './state.js';
import { messageOptions } from './form.js';

const { analyzeMessage, splitMessageParts, normalizeMessage } = sms;

/** The read-out, the highlights and the preview: one analyzeMessage and one splitMessageParts. */
export function renderMessage() {
  const message = el.message.value;
  const options = messageOptions();
  const key = `${options.isUnicode}${options.isStopSms}${options.gamme}${state.lang}\u0000${message}`;
  if (key === state.messageKey) return;
  state.messageKey = key;
  const { lang } = state;
  const analysis = analyzeMessage(message, options);
  const parts = splitMessageParts(message, options);

  el.encoding.textContent = analysis.encoding;
  el.characters.textContent = `${analysis.characters} / ${analysis.perSms * Math.max(analysis.smsCount, 1)}`;
  el.characters.dataset.characters = String(analysis.characters);
  el.sms.textContent = String(analysis.smsCount);
  el.remaining.textContent = String(analysis.remaining);
  el.mirror.innerHTML = mirrorHtml(message, parts);
  el.mirror.dataset.replacements = String(analysis.replacements.length);
  el.mirror.dataset.unsupported = String(analysis.unsupported.length);

  const replaced = analysis.replacements.length > 0;
  el.sentas.hidden = !replaced;
  el.sentasText.innerHTML = replaced ? sentAsHtml(message, parts, t(lang, 'sentas.removed')) : '';
  renderUnsupported(message, analysis, options);
  renderSegments(message, analysis, parts, options);
  renderPreview(parts);
  el.mobileCount.textContent = t(lang, 'mobile.count', {
    sms: analysis.smsCount,
    characters: el.characters.textContent,
  });
}

/**
 * What cannot travel without Unicode, each character named ("no-break space, U+00A0" when the
 * package knows the name), what Unicode would cost, and smart encoding's offer when it helps.
 */
function renderUnsupported(message, analysis, options) {
  const { lang } = state;
  const unsupported = analysis.unsupported.length > 0;
  el.unsupported.hidden = !unsupported;
  state.normalized = null;
  if (!unsupported) return;
  const seen = new Map();
  for (const u of analysis.unsupported) if (!seen.has(u.char)) seen.set(u.char, u);
  const nameOf = (u) => charName(lang, u.codePoint, u.name);
  const labels = [...seen.values()].map((u) => charLabel(u.char, nameOf(u)));
  el.unsupportedText.textContent = t(lang, 'unsupported.text', { chars: labels.join(', '), n: seen.size });
  el.unsupportedList.innerHTML = [...seen.values()]
    .map((u) => {
      const count = analysis.unsupported.filter((v) => v.char === u.char).length;
      return (
        `<li data-code-point="${escapeHtml(u.codePoint ?? '')}"><span class="char">${escapeHtml(u.char)}</span> ` +
        `${escapeHtml(nameOf(u) ? `${nameOf(u)}, ${u.codePoint}` : (u.codePoint ?? charLabel(u.char)))}` +
        `${count > 1 ? ` ×${count}` : ''}</li>`
      );
    })
    .join('');
  const inUnicode = analyzeMessage(message, { ...options, isUnicode: true });
  el.unicodeCost.textContent = t(lang, 'unicode.cost', { after: inUnicode.smsCount, before: analysis.smsCount });
  el.unicodeCost.dataset.after = String(inUnicode.smsCount);

  const normalized = normalizeMessage ? normalizeMessage(message, options) : null;
  const helps = Boolean(normalized && normalized.changes.length > 0);
  el.smart.hidden = !helps;
  if (!helps) return;
  state.normalized = normalized;
  const after = analyzeMessage(normalized.message, options);
  el.smartText.textContent = t(lang, 'smart.text', {
    n: normalized.changes.length,
    before: analysis.smsCount,
    after: after.smsCount,
    left: after.unsupported.length,
  });
  el.smartText.dataset.after = String(after.smsCount);
}

/** Smart encoding applied to the message, as one edit the person can undo. */
export function applySmartEncoding() {
  if (!state.normalized) return;
  el.message.focus();
  el.message.select();
  // execCommand keeps the browser's undo history; the plain assignment is the fallback.
  if (!document.execCommand('insertText', false, state.normalized.message)) {
    el.message.value = state.normalized.message;
    el.message.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** The billed length of one cell's text, from the package, remembered per encoding. */
const cellCosts = new Map();
function cellCost(text, options) {
  const key = `${options.isUnicode ? 'u' : 'g'}${text}`;
  let cost = cellCosts.get(key);
  if (cost === undefined) {
    cost = analyzeMessage(text, { isUnicode: options.isUnicode, gamme: options.gamme }).characters;
    if (cellCosts.size > 5_000) cellCosts.clear();
    cellCosts.set(key, cost);
  }
  return cost;
}

function renderSegments(message, analysis, parts, options) {
  const { lang } = state;
  el.segments.hidden = parts.length === 0;
  $('segments-detail').textContent = '';
  if (parts.length === 0) {
    patchStrips(el.segmentsStrips, []);
    return;
  }
  // One SMS holds analyzeMessage('').perSms; each SMS of a long one gives the rest to its header.
  const single = analyzeMessage('', { isUnicode: options.isUnicode }).perSms;
  const strips = segmentStrips(message, analysis, parts, {
    costOf: (text) => cellCost(text, options),
    headerCost: parts.length > 1 ? single - analysis.perSms : 0,
  });
  const names = new Map(
    analysis.unsupported.filter((u) => u.name).map((u) => [u.index, charName(lang, u.codePoint, u.name)]),
  );
  if (drawnCells.lang !== lang) drawnCells = { lang, cells: new Map() };
  patchStrips(el.segmentsStrips, stripPieces(strips, (key, vars) => t(lang, key, vars), names, drawnCells.cells));
}

/** Each distinct cell's HTML in the page's language, kept from one keystroke to the next. */
let drawnCells = { lang: null, cells: new Map() };
/** The strips as last written: their pieces (segment-view.js `stripPieces`). */
let shownStrips = [];

/**
 * Writes the strips, changing only what changed: a strip's title and counts, and its cells
 * (patch.js); all of them when their number changes. A picked cell is unpicked, as a full
 * redraw would.
 */
function patchStrips(container, pieces) {
  container.querySelector('.cell.picked')?.classList.remove('picked');
  const strips = container.children;
  if (strips.length !== shownStrips.length || pieces.length !== shownStrips.length) {
    container.innerHTML = pieces.map(stripHtml).join('');
    pieces.forEach((piece, i) => rememberChildren(strips[i].lastElementChild, piece.cells));
    shownStrips = pieces;
    return;
  }
  pieces.forEach((piece, i) => {
    const strip = strips[i];
    const before = shownStrips[i];
    if (before.used !== piece.used) strip.dataset.used = String(piece.used);
    if (before.capacity !== piece.capacity) strip.dataset.capacity = String(piece.capacity);
    if (before.heading !== piece.heading) strip.firstElementChild.textContent = piece.heading;
    patchChildren(strip.lastElementChild, piece.cells);
  });
  shownStrips = pieces;
}

function renderPreview(parts) {
  const { lang } = state;
  const texts = previewParts(parts);
  el.previewParts.dataset.parts = String(texts.length);
  if (texts.length === 0) {
    el.previewParts.innerHTML = `<p class="preview-empty">${escapeHtml(t(lang, 'preview.empty'))}</p>`;
    return;
  }
  const many = texts.length > 1;
  let bubble = el.previewParts.firstElementChild;
  if (bubble === null || !bubble.classList.contains('bubble')) {
    el.previewParts.innerHTML = '<div class="bubble"></div>';
    bubble = el.previewParts.firstElementChild;
  }
  patchChildren(
    bubble,
    texts.map(
      (text, k) =>
        `<div class="segment" data-part="${k + 1}">` +
        (many ? `<span class="segment-label">${escapeHtml(t(lang, 'preview.part', { i: k + 1, n: texts.length }))}</span>` : '') +
        `<span class="segment-text">${escapeHtml(text)}</span></div>`,
    ),
  );
}

/** The sender the phone preview shows: the one typed, else SMS Partner's short code. */
export function renderPreviewSender() {
  const sender = el.sender.value.trim();
  el.previewSender.textContent = sender === '' ? t(state.lang, 'preview.shortcode') : sender;
}
