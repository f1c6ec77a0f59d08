// The Campaign tab's reading of its rows: the file decoded as its encoding says, the text parsed
// with a progress bar, the first rows previewed, refused and nine-digit rows listed, the 0 offered back.

import init, { parsePhoneNumbers } from '/pkg/compose.js';
import { decodeBytes, readRows, zeroOffers } from './campaign-file.js';
import { escapeHtml } from './message-view.js';

/** How many rows the preview shows. */
const PREVIEW_ROWS = 3;

const esc = (value) => escapeHtml(String(value ?? ''));

/**
 * The reading of the tab whose elements `$(id)` finds, its texts by `text(key, vars)`;
 * `onRead({ rows, header })` after each reading, `onBusy(reading)` when a reading starts and ends.
 * Returns `{ readText(), readFile(file), reread(), render(), rows() }`.
 */
export function createReader({ $, text, onRead, onBusy }) {
  const state = { file: null, note: null, progressLabel: null, result: null, offers: [], zeroAdded: false, generation: 0, abort: null };

  /** What the tab says of the file: `{ key, vars, kind }` kept, so that a change of language says it again. */
  const setNote = (note) => {
    state.note = note;
    renderNote();
  };
  const renderNote = () => {
    const node = $('campaign-file-note');
    node.textContent = state.note ? text(state.note.key, state.note.vars) : '';
    node.dataset.kind = state.note?.kind ?? 'info';
    const label = state.progressLabel;
    $('campaign-reading-text').textContent = label ? text(label.key, label.vars) : '';
  };

  /** A file's reading shows its progress, kept at its end once read; the textarea's shows none. */
  const busy = (reading, name) => {
    if (reading) {
      $('campaign-reading').hidden = name === undefined;
      $('campaign-read-progress').value = 0;
    }
    state.progressLabel = name === undefined ? null : { key: reading ? 'reading' : 'readDone', vars: { name } };
    renderNote();
    onBusy(reading);
  };

  /** Reads `source` (the textarea's text unless a file's), the last reading given up. */
  async function read(source, name) {
    state.abort?.abort();
    const abort = new AbortController();
    state.abort = abort;
    const generation = ++state.generation;
    busy(true, name);
    let result = null;
    let failure = null;
    try {
      result = await readRows(source, { signal: abort.signal, onProgress: (f) => { $('campaign-read-progress').value = f; } });
    } catch (error) {
      failure = error;
    }
    if (generation !== state.generation || (failure === null && result === null)) return;
    state.abort = null;
    if (failure !== null) {
      busy(false, name);
      state.result = null;
      setNote({ key: 'readFailed', vars: { detail: String(failure?.message ?? failure) }, kind: 'error' });
      render();
      onRead({ rows: [], header: null });
      return;
    }
    state.result = result;
    state.offers = [];
    if (result.lostZero.length > 0) {
      let loaded = true;
      try {
        await init();
      } catch (error) {
        loaded = false;
        // Without the package no 0 is offered; the rows stay as read, the reason said.
        setNote({ key: 'readFailed', vars: { detail: String(error?.message ?? error) }, kind: 'error' });
      }
      if (generation !== state.generation) return;
      if (loaded) state.offers = zeroOffers(result.lostZero, parsePhoneNumbers);
      if (state.zeroAdded) addZero();
    }
    $('campaign-read-progress').value = 1;
    busy(false, name);
    render();
    onRead({ rows: result.rows, header: result.header });
  }

  /** The file's bytes decoded as the encoding control says, then read. */
  function decodeFile() {
    const { name, bytes } = state.file;
    const decoded = decodeBytes(bytes, $('campaign-encoding').value);
    if (!decoded.ok) {
      state.abort?.abort();
      state.generation += 1;
      state.result = null;
      $('campaign-reading').hidden = true;
      busy(false);
      setNote({ key: `decode.${decoded.code}`, vars: { name, offset: decoded.offset }, kind: 'error' });
      $('campaign-csv').value = '';
      render();
      onRead({ rows: [], header: null });
      return Promise.resolve();
    }
    // The rows are the file's now; a large text in a textarea would take seconds to lay out.
    $('campaign-csv').value = '';
    const key = decoded.guessed ? 'readAsGuessed' : decoded.alsoUtf8 ? 'readAsAlsoUtf8' : 'readAs';
    setNote({ key, vars: { name, encoding: decoded.encoding }, kind: decoded.alsoUtf8 ? 'warning' : 'info' });
    return read(decoded.text, name);
  }

  /** The 0 put back where the package reads the number, with it, as a mobile. */
  function addZero() {
    state.zeroAdded = true;
    const byLine = new Map(state.offers.map((offer) => [offer.line, offer]));
    for (const row of state.result?.rows ?? []) {
      if (byLine.has(row.line)) row.phoneNumber = `0${byLine.get(row.line).digits}`;
    }
  }

  function render() {
    const result = state.result;
    renderNote();
    $('campaign-rows').textContent = result && (result.rows.length || result.refused.length)
      ? text('rows', { n: result.rows.length, refused: result.refused.length })
      : '';
    $('campaign-preview').innerHTML = result ? previewHtml(result) : '';
    $('campaign-read-report').innerHTML = result ? reportHtml(result) : '';
    $('campaign-add-zero')?.addEventListener('click', () => {
      addZero();
      render();
      onRead({ rows: state.result.rows, header: state.result.header });
    });
  }

  function previewHtml({ header, rows }) {
    if (rows.length === 0) return '';
    const names = header ?? [text('number'), text('ownMessage')];
    const cells = (row) => (header ? header.map((name) => row.values[name] ?? '') : [row.phoneNumber, row.message ?? '']);
    return `<table class="campaign-preview-table"><caption>${esc(text('preview'))}</caption>
      <thead><tr><th>${esc(text('line'))}</th>${names.map((name) => `<th>${esc(name)}</th>`).join('')}</tr></thead>
      <tbody>${rows.slice(0, PREVIEW_ROWS).map((row) => `<tr><td>${row.line}</td>${cells(row).map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }

  function reportHtml({ refused, lostZero }) {
    const row = (line) => esc(text('row', { line }));
    const parts = [];
    if (refused.length > 0) {
      parts.push(`<h3>${esc(text('refused'))}</h3><ul class="campaign-list" data-testid="campaign-refused">${refused
        .map((r) => `<li>${row(r.line)}: <code>${esc(r.input)}</code> — ${esc(text(`refused.${r.code}`))}</li>`).join('')}</ul>`);
    }
    if (lostZero.length > 0) {
      const offered = new Map(state.offers.map((offer) => [offer.line, offer]));
      parts.push(`<h3>${esc(text('lostZero'))}</h3><ul class="campaign-list" data-testid="campaign-lost-zero">${lostZero
        .map((r) => {
          const offer = offered.get(r.line);
          const said = offer ? text('lostZero.mobile', { number: offer.number, region: offer.region }) : text('lostZero.notMobile', { digits: r.digits });
          return `<li${offer ? ' data-offer="true"' : ''}>${row(r.line)}: <code>${esc(r.digits)}</code> — ${esc(said)}</li>`;
        }).join('')}</ul>`);
      parts.push(state.zeroAdded
        ? `<p data-testid="campaign-zero-added">${esc(text('zeroAdded', { n: state.offers.length }))}</p>`
        : state.offers.length > 0
          ? `<button type="button" id="campaign-add-zero" class="secondary" data-testid="campaign-add-zero">${esc(text('addZero', { n: state.offers.length }))}</button>`
          : '');
    }
    return parts.join('');
  }

  return {
    /** The textarea's text read (the file, if one was chosen, is no longer what the rows are). */
    readText() {
      state.file = null;
      $('campaign-file').value = '';
      state.zeroAdded = false;
      setNote(null);
      return read($('campaign-csv').value);
    },
    /** A chosen file: its bytes kept, decoded and read. */
    async readFile(file) {
      state.file = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      state.zeroAdded = false;
      return decodeFile();
    },
    /** The file read again after the encoding was changed. */
    reread: () => (state.file === null ? Promise.resolve() : decodeFile()),
    render,
    rows: () => state.result?.rows ?? [],
  };
}
