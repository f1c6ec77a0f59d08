// The demo page's Campaign tab: a spreadsheet pasted or uploaded (campaign-reading.js), a message or
// template (campaign-template.js), checked by the worker, sent in sandbox, its chunks drawn as a bar.

import { t } from './i18n.js';
import { escapeHtml } from './message-view.js';
import { callWorker, workerUrl } from './worker-client.js';
import { ENCODINGS } from './campaign-file.js';
import { createReader } from './campaign-reading.js';
import { isTemplate, renderRows, summaryHtml } from './campaign-template.js';

/** How long the message rests before its rows are rendered again. */
const RENDER_DELAY_MS = 200;

/** How often the progress is read while a campaign runs. */
const POLL_MS = 500;
/** How often, and how long, a sent campaign's delivery counts are read. */
const DELIVERY_POLL_MS = 2_000;
const WATCH_DELIVERY_MS = 10 * 60_000;
/** How long one call to the worker may take before the tab gives up on it. */
const CALL_TIMEOUT_MS = 60_000;

const lang = () => (document.documentElement.lang === 'fr' ? 'fr' : 'en');
const text = (key, vars) => t(lang(), `campaign.${key}`, vars);

/** Builds the tab bar and the panel, and wires them. */
function mount(root, config) {
  const main = document.querySelector('main');
  root.innerHTML = `
    <nav class="campaign-tabs" role="tablist" aria-label="Mode">
      <button type="button" role="tab" id="tab-compose" data-testid="tab-compose" aria-selected="true" aria-controls="compose" data-text="tabCompose"></button>
      <button type="button" role="tab" id="tab-campaign" data-testid="tab-campaign" aria-selected="false" aria-controls="campaign" data-text="tabCampaign"></button>
    </nav>
    <section id="campaign" class="campaign card" data-testid="campaign" role="tabpanel" aria-labelledby="tab-campaign" hidden>
      <h2 data-text="title"></h2>
      <p class="hint" data-text="intro"></p>
      <label for="campaign-csv" data-text="csv"></label>
      <textarea id="campaign-csv" data-testid="campaign-csv" rows="8" spellcheck="false" autocomplete="off"
        placeholder="06 12 34 56 78, Bonjour Marie&#10;+33 6 98 76 54 32"></textarea>
      <div class="campaign-row">
        <div class="field"><label for="campaign-file" data-text="file"></label>
          <input type="file" id="campaign-file" data-testid="campaign-file" accept=".csv,text/csv,text/plain"></div>
        <div class="field"><label for="campaign-encoding" data-text="encoding"></label>
          <select id="campaign-encoding" data-testid="campaign-encoding">${ENCODINGS.map((e) => `<option value="${e}" data-text="encoding.${e}"></option>`).join('')}</select></div>
        <div class="field"><label for="campaign-chunk-size" data-text="chunkSize"></label>
          <input type="number" id="campaign-chunk-size" data-testid="campaign-chunk-size" min="1"></div>
      </div>
      <label for="campaign-message" data-text="message"></label>
      <textarea id="campaign-message" data-testid="campaign-message" rows="3"></textarea>
      <p class="hint" data-text="templateHint"></p>
      <div id="campaign-template" class="campaign-template" data-testid="campaign-template" aria-live="polite"></div>
      <div class="campaign-row">
        <div class="field"><label for="campaign-sender" data-text="sender"></label>
          <input id="campaign-sender" data-testid="campaign-sender" autocomplete="off" spellcheck="false" maxlength="40"></div>
      </div>
      <p id="campaign-file-note" class="campaign-note" data-testid="campaign-file-note" role="status"></p>
      <div id="campaign-reading" class="campaign-reading" hidden>
        <label for="campaign-read-progress" id="campaign-reading-text"></label>
        <progress id="campaign-read-progress" data-testid="campaign-read-progress" max="1" value="0"></progress>
      </div>
      <p id="campaign-rows" class="hint" data-testid="campaign-rows" aria-live="polite"></p>
      <div id="campaign-preview" data-testid="campaign-preview"></div>
      <div id="campaign-read-report" data-testid="campaign-read-report"></div>
      <div class="campaign-actions">
        <button type="button" id="campaign-check" class="secondary" data-testid="campaign-check" data-text="check"></button>
        <button type="button" id="campaign-send" class="primary" data-testid="campaign-send" data-text="send"></button>
        <button type="button" id="campaign-stop" class="secondary" data-testid="campaign-stop" data-text="stop" disabled></button>
      </div>
      <p id="campaign-note" class="campaign-note" data-testid="campaign-note" role="status" aria-live="polite"></p>
      <div id="campaign-report" data-testid="campaign-report"></div>
      <div id="campaign-progress" class="campaign-progress" data-testid="campaign-progress" hidden>
        <p id="campaign-progress-text" data-testid="campaign-progress-text" aria-live="polite"></p>
        <div id="campaign-chunks" class="campaign-chunks" data-testid="campaign-chunks" role="img" aria-labelledby="campaign-progress-text"></div>
        <p id="campaign-delivery" data-testid="campaign-delivery" aria-live="polite" hidden></p>
        <button type="button" id="campaign-report-csv" class="secondary" data-testid="campaign-report-csv" data-text="reportCsv" hidden></button>
      </div>
    </section>`;
  main.before(root.firstElementChild);
  main.after(root.lastElementChild);
  root.remove();
  main.id ||= 'compose-main';
  document.getElementById('tab-compose').setAttribute('aria-controls', main.id);

  const $ = (id) => document.getElementById(id);
  const panel = $('campaign');
  const state = { rows: [], sentRows: [], summary: null, rendering: null, renderTimer: null, reading: false, sending: false, running: null, timer: null, lastReport: null, lastProgress: null, watching: null, watchUntil: 0 };

  /** Check and Send wait for the rows to be read; Send, for a campaign to settle too. */
  const syncButtons = () => {
    const noWorker = !config.workerUrl;
    const busy = state.reading || state.rendering !== null;
    $('campaign-check').disabled = noWorker || busy;
    $('campaign-send').disabled = noWorker || busy || state.sending || state.running !== null;
  };

  const reader = createReader({
    $,
    text,
    onBusy: (reading) => {
      state.reading = reading;
      syncButtons();
    },
    onRead: ({ rows }) => {
      state.rows = rows;
      state.lastReport = null;
      $('campaign-report').innerHTML = '';
      renderTemplateRows();
    },
  });

  /** The rows made from the message when it is a template (the last rendering given up); Check and Send wait. */
  async function renderTemplateRows() {
    clearTimeout(state.renderTimer);
    state.rendering?.abort();
    state.rendering = null;
    state.summary = null;
    const template = $('campaign-message').value;
    if (!isTemplate(template) || state.rows.length === 0) {
      $('campaign-template').innerHTML = '';
      syncButtons();
      return;
    }
    const rendering = new AbortController();
    state.rendering = rendering;
    syncButtons();
    $('campaign-template').textContent = text('template.rendering');
    const summary = await renderRows(template, state.rows, { lang: lang(), signal: rendering.signal });
    if (state.rendering !== rendering) return;
    state.rendering = null;
    state.summary = summary;
    $('campaign-template').innerHTML = summaryHtml(summary, text);
    syncButtons();
  }
  $('campaign-message').addEventListener('input', () => {
    clearTimeout(state.renderTimer);
    state.rendering?.abort();
    state.rendering = new AbortController(); // Check and Send wait from the first keystroke
    syncButtons();
    state.renderTimer = setTimeout(renderTemplateRows, RENDER_DELAY_MS);
  });
  // A value's faithful GSM form, written into every row that holds that value, on the user's word.
  $('campaign-template').addEventListener('click', (event) => {
    const button = event.target.closest('[data-smart-value]');
    if (!button) return;
    for (const row of state.rows) {
      for (const [column, value] of Object.entries(row.values)) {
        if (value === button.dataset.smartValue) row.values[column] = button.dataset.smart;
      }
    }
    renderTemplateRows();
  });

  const renderTexts = () => {
    for (const node of document.querySelectorAll('[data-text]')) node.textContent = text(node.dataset.text);
    reader.render();
    if (state.summary) renderTemplateRows(); // the package's sentences, in the new language
    if (state.lastReport) renderReport(state.lastReport);
    if (state.lastProgress) renderProgress(state.lastProgress);
  };

  const show = (campaign) => {
    panel.hidden = !campaign;
    main.hidden = campaign;
    $('tab-compose').setAttribute('aria-selected', String(!campaign));
    $('tab-campaign').setAttribute('aria-selected', String(campaign));
  };
  $('tab-compose').addEventListener('click', () => show(false));
  $('tab-campaign').addEventListener('click', () => show(true));

  $('campaign-csv').addEventListener('input', () => reader.readText());
  $('campaign-file').addEventListener('change', () => {
    const file = $('campaign-file').files?.[0];
    if (file) reader.readFile(file).catch((error) => note(text('readFailed', { detail: String(error?.message ?? error) }), 'error'));
  });
  $('campaign-encoding').addEventListener('change', () => reader.reread());

  const note = (message, kind = 'info') => {
    $('campaign-note').textContent = message;
    $('campaign-note').dataset.kind = kind;
  };

  const body = (dryRun) => {
    const request = { sandbox: 1 };
    const message = $('campaign-message').value;
    // A template's rows are made here, each with its message; the rows it cannot make are listed, not sent.
    const summary = isTemplate(message) ? state.summary : null;
    if (message !== '' && summary === null) request.message = message;
    const sender = $('campaign-sender').value.trim();
    if (sender !== '') request.sender = sender;
    // Replies (a STOP among them) come back to the worker, which keeps the STOP list.
    if (typeof config.replyUrl === 'string' && config.replyUrl !== '') request.urlResponse = config.replyUrl;
    state.sentRows = summary ? state.rows.filter((_, i) => summary.messages[i] !== null) : state.rows;
    const recipients = summary
      ? state.rows.flatMap((row, i) => (summary.messages[i] === null ? [] : [{ phoneNumber: row.phoneNumber, message: summary.messages[i] }]))
      : state.rows.map((row) => (row.message === null ? row.phoneNumber : { phoneNumber: row.phoneNumber, message: row.message }));
    // Left empty, the chunk size is the worker's: one SMS Partner request, as the package says.
    const chunkSize = Number($('campaign-chunk-size').value);
    const options = { ...(chunkSize > 0 ? { chunkSize } : {}), lang: lang(), ...(dryRun ? { dryRun: true } : {}) };
    return { request, recipients, options };
  };

  /** A call to the worker, read into `{ status, body }` (a GET without `value`, else a JSON POST). */
  const call = async (path, value) => {
    const { response, answer } = await callWorker(config.workerUrl, path, { body: value, timeoutMs: CALL_TIMEOUT_MS });
    return { status: response.status, body: answer };
  };

  /** Shows a refusal of the worker: its sentence and the package's errors. */
  const refusal = (answer) => {
    const error = answer.body?.error;
    const details = (error?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
    note(`${text('failed')} (${answer.status}): ${error?.message ?? 'no answer'}${details ? ` — ${details}` : ''}`, 'error');
    if (answer.body?.invalid) renderReport({ recipients: 0, chunks: 0, warnings: [], ...answer.body });
  };

  function renderReport(report) {
    state.lastReport = report;
    const lineOf = (index) => state.sentRows[index]?.line ?? index + 1;
    const list = (title, items, describe, testid) =>
      items.length === 0
        ? ''
        : `<h3>${title}</h3><ul class="campaign-list" data-testid="${testid}">${items.map((item) => `<li>${describe(item)}</li>`).join('')}</ul>`;
    const esc = (value) => escapeHtml(String(value ?? ''));
    $('campaign-report').innerHTML = [
      `<p data-testid="campaign-summary">${esc(text('report', report))}</p>`,
      list(text('invalid'), report.invalid ?? [], (r) => `${esc(text('row', { line: lineOf(r.index) }))}: <code>${esc(r.input)}</code> — ${esc(r.reason)}`, 'campaign-invalid'),
      list(text('stopRows'), report.skippedStop ?? [], (r) => `${esc(text('row', { line: lineOf(r.index) }))}: <code>${esc(r.phoneNumber)}</code>`, 'campaign-stop-rows'),
      list(text('duplicates'), report.duplicates ?? [], (r) => `${esc(text('row', { line: lineOf(r.index) }))}: <code>${esc(r.input)}</code>`, 'campaign-duplicates'),
    ].join('');
  }

  function renderProgress(progress) {
    state.lastProgress = progress;
    $('campaign-progress').hidden = false;
    $('campaign-progress-text').textContent = text('progress', progress);
    const bar = $('campaign-chunks');
    bar.dataset.state = progress.state;
    const list = progress.list ?? [];
    while (bar.children.length < list.length) bar.append(document.createElement('span'));
    list.forEach((chunk, i) => {
      const cell = bar.children[i];
      cell.dataset.state = chunk.state;
      cell.title = `#${chunk.index} · ${chunk.state} · ${chunk.recipients} · ${chunk.attempts}×`;
    });
    const delivery = $('campaign-delivery');
    delivery.hidden = !progress.delivery || progress.chunks.sent === 0;
    if (!delivery.hidden) delivery.textContent = text('delivery', { ...progress.delivery, stopReceived: progress.stopReceived ?? 0 });
    $('campaign-report-csv').hidden = progress.chunks.sent === 0;
  }

  // The ledger says when no chunk will change any more (its states are its own to name).
  const finished = (progress) => progress.settled === true;

  const poll = async () => {
    if (state.running === null) return;
    const answer = await call(`/api/campaigns/${state.running}?chunks=1`).catch(() => null);
    if (answer?.status === 200) {
      renderProgress(answer.body);
      if (finished(answer.body)) {
        // Sent: its delivery reports still come in, read for a while at a slower pace.
        state.watching = state.running;
        state.watchUntil = Date.now() + WATCH_DELIVERY_MS;
        state.running = null;
        $('campaign-stop').disabled = true;
        syncButtons();
        state.timer = setTimeout(watchDelivery, DELIVERY_POLL_MS);
        return;
      }
    }
    state.timer = setTimeout(poll, POLL_MS);
  };

  /** Reads a sent campaign's delivery counts until none is pending, for WATCH_DELIVERY_MS at most. */
  const watchDelivery = async () => {
    const id = state.watching;
    if (id === null || state.running !== null) return;
    const answer = await call(`/api/campaigns/${id}?stops=1`).catch(() => null);
    if (state.watching !== id) return;
    if (answer?.status === 200) {
      renderProgress({ ...answer.body, list: state.lastProgress?.list ?? [] });
      if (answer.body.delivery?.pending === 0) return;
    }
    if (Date.now() < state.watchUntil) state.timer = setTimeout(watchDelivery, DELIVERY_POLL_MS);
  };

  /** Downloads the campaign's report (every recipient's outcome) as the worker writes it. */
  $('campaign-report-csv').addEventListener('click', async () => {
    const id = state.running ?? state.watching;
    if (id === null) return;
    try {
      const response = await fetch(workerUrl(config.workerUrl, `/api/campaigns/${id}/report.csv?lang=${lang()}`), { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `campaign-${id}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      note(`${text('reportFailed')}: ${error?.message ?? error}`, 'error');
    }
  });

  $('campaign-check').addEventListener('click', async () => {
    const answer = await call('/api/campaigns', body(true)).catch(() => ({ status: 0, body: null }));
    if (answer.status === 200) {
      note('');
      renderReport(answer.body);
    } else refusal(answer);
  });

  $('campaign-send').addEventListener('click', async () => {
    state.sending = true;
    syncButtons();
    const answer = await call('/api/campaigns', body(false)).catch(() => ({ status: 0, body: null }));
    state.sending = false;
    if (answer.status !== 202) {
      refusal(answer);
      syncButtons();
      return;
    }
    note('');
    renderReport(answer.body);
    state.running = answer.body.id;
    state.watching = null;
    syncButtons();
    $('campaign-chunks').replaceChildren();
    $('campaign-stop').disabled = false;
    poll();
  });

  $('campaign-stop').addEventListener('click', async () => {
    if (state.running === null) return;
    const answer = await call(`/api/campaigns/${state.running}/stop`, {}).catch(() => ({ status: 0, body: null }));
    if (answer.status !== 200) refusal(answer);
  });

  syncButtons();
  if (!config.workerUrl) note(text('noWorker'), 'error');
  new MutationObserver(renderTexts).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  renderTexts();
  panel.dataset.ready = 'true';
}

async function start() {
  const root = document.getElementById('campaign-root');
  if (root === null) return;
  let config = { workerUrl: null };
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (response.ok) config = await response.json();
  } catch {
    // No configuration: the tab says the worker is missing.
  }
  mount(root, config);
}

if (typeof document !== 'undefined') start();
