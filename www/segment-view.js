// The segment view: each SMS as a strip of character cells, with what each cell costs, GSM
// escapes, removed characters, the STOP mention and the concatenation header shown.
//
// Where each SMS starts, what is replaced and what the recipient reads come from the package's
// `splitMessageParts`; every cost from `costOf(text)`, `analyzeMessage(text).characters` for one
// cell (without the STOP mention); the header is the single-SMS capacity minus `perSms`. Pure
// functions of strings: no DOM access here.

import { escapeHtml, walk } from './message-view.js';

/** The text shown in a cell for a character that has no visible shape of its own. */
const SHOWN = { ' ': '␣', '\n': '↵', '\r': '␍', '\t': '⇥', '\f': '␌' };

/** Space, format, combining and variation-selector characters: named by code point, not drawn. */
const INVISIBLE = /^(?:\p{White_Space}|\p{Cf}|\p{M}|[\uFE00-\uFE0F])$/u;

/** "U+00A0" for the first code point of `char`. */
export function codePointOf(char) {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether `char` is a blank, an invisible or a combining character, better named than drawn. */
export function isInvisible(char) {
  return INVISIBLE.test(char);
}

/** The cell kind of each edit kind of `splitMessageParts`. */
const EDIT_CELLS = { lineBreak: 'br', euro: 'euro', unsupported: 'unsupported' };

/**
 * The cells of each SMS: `[{ cells, used, capacity }]`, one per part of `splitMessageParts`, each
 * cell `{ kind, char, shown, cost, index, replacement }`. `kind` is `header`, `plain`, `space`,
 * `escape` (GSM extension: escape + character), `pair` (a surrogate pair in Unicode), `newline`,
 * `br` (the `:br:` tag), `euro` (the `:euro:` tag), `replaced`, `removed`, `unsupported` or
 * `stop` (the STOP mention, what the part's preview holds after its own text). `used` is the sum
 * of the costs of the cells after the header, at most `capacity` (= `analysis.perSms`).
 *
 * `costOf(text)` gives the billed length of a text without the STOP mention; `headerCost` the
 * characters each SMS of a long message gives to its concatenation header.
 */
export function segmentStrips(message, analysis, parts, { costOf, headerCost }) {
  const unicode = analysis.encoding === 'UCS-2';
  return parts.map((part) => {
    const cells = [];
    if (parts.length > 1 && headerCost > 0) {
      cells.push({ kind: 'header', char: '', shown: 'UDH', cost: headerCost, index: -1 });
    }
    let read = 0; // UTF-16 length of what the recipient reads of the part's own text
    const plain = (char, i) => {
      const cost = costOf(char);
      let kind = 'plain';
      if (char === ' ') kind = 'space';
      else if (char === '\n' || char === '\r') kind = 'newline';
      else if (cost === 2) kind = unicode ? 'pair' : 'escape';
      cells.push({ kind, char, shown: SHOWN[char] ?? char, cost, index: i });
    };
    walk(message, part, (kind, slice, i, shown) => {
      if (kind === 'plain') {
        let at = i;
        for (const char of slice) {
          plain(char, at);
          at += char.length;
        }
        read += slice.length;
        return;
      }
      read += shown.length;
      const cell = EDIT_CELLS[kind] ?? (shown === '' ? 'removed' : 'replaced');
      cells.push({ kind: cell, char: slice, shown: shown === '\n' ? '↵' : shown, cost: costOf(slice), index: i, replacement: shown });
    });
    for (const char of part.preview.slice(read)) {
      cells.push({ kind: 'stop', char, shown: SHOWN[char] ?? char, cost: costOf(char), index: -1 });
    }
    const used = cells.reduce((sum, cell) => sum + (cell.kind === 'header' ? 0 : cell.cost), 0);
    return { cells, used, capacity: analysis.perSms };
  });
}

/** How a character is named in a sentence: its Unicode name when known, its code point when invisible. */
export function charLabel(char, name) {
  if (name) return `${name}, ${codePointOf(char)}`;
  if (isInvisible(char)) return codePointOf(char);
  return `“${char}”`;
}

/**
 * The strips as HTML pieces: `[{ part, used, capacity, heading, cells }]`, `cells` the HTML of
 * each cell. `label(key, vars)` gives the page's sentences: `segments.part` ({ i, n, used,
 * capacity }) and `cell.<kind>` ({ char, replacement, cost }) for each cell's hover text; `names`
 * maps an index of `analysis.unsupported` to its Unicode name, if known. `cells` (a Map) keeps
 * each distinct cell's HTML across calls with the same `label`: a message repeats its letters,
 * and each keystroke draws the same cells again.
 */
export function stripPieces(strips, label, names = new Map(), cells = new Map()) {
  const n = strips.length;
  return strips.map((strip, k) => ({
    part: k + 1,
    used: strip.used,
    capacity: strip.capacity,
    heading: label('segments.part', { i: k + 1, n, used: strip.used, capacity: strip.capacity }),
    cells: strip.cells.map((cell) => {
      const name = names.get(cell.index) ?? '';
      const key = `${cell.kind}\u0000${cell.char}\u0000${cell.shown}\u0000${cell.cost}\u0000${cell.replacement ?? ''}\u0000${name}`;
      let drawn = cells.get(key);
      if (drawn === undefined) {
        drawn = cellHtml(cell, label, name);
        if (cells.size >= MAX_REMEMBERED_CELLS) cells.clear();
        cells.set(key, drawn);
      }
      return drawn;
    }),
  }));
}

/** The HTML of one strip of `stripPieces`. */
export function stripHtml(piece) {
  return (
    `<div class="strip" data-part="${piece.part}" data-used="${piece.used}" data-capacity="${piece.capacity}">` +
    `<p class="strip-title">${escapeHtml(piece.heading)}</p><div class="cells">${piece.cells.join('')}</div></div>`
  );
}

/** Distinct cells remembered by `stripPieces` before it starts afresh. */
const MAX_REMEMBERED_CELLS = 10_000;

/** One cell: what it shows, its cost, and its hover text. */
function cellHtml(cell, label, name) {
  const tag = cell.kind === 'br' || cell.kind === 'euro';
  const char = tag ? cell.char : charLabel(cell.char, name || undefined);
  const title = label(`cell.${cell.kind}`, {
    char,
    replacement: cell.replacement ?? '',
    cost: cell.cost,
  });
  const shown =
    cell.kind === 'escape'
      ? `<span class="esc">ESC</span>${escapeHtml(cell.shown)}`
      : cell.kind === 'replaced' || cell.kind === 'removed' || cell.kind === 'unsupported'
        ? `<del>${escapeHtml(isInvisible(cell.char) ? '·' : cell.char)}</del>` +
          (cell.kind === 'removed' ? '' : escapeHtml(cell.shown))
        : escapeHtml(isInvisible(cell.shown) ? '·' : cell.shown);
  return (
    `<span class="cell k-${cell.kind}" data-kind="${cell.kind}" data-cost="${cell.cost}" title="${escapeHtml(title)}">` +
    `<span class="ch">${shown}</span><span class="cost">${cell.cost}</span></span>`
  );
}

/** HTML of the strips, as one string (see `stripPieces`). */
export function segmentsHtml(strips, label, names = new Map()) {
  return stripPieces(strips, label, names).map(stripHtml).join('');
}
