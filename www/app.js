// The compose page: reads the form on every input, shows the length read-out, the checks of
// each field and the phone preview, and sends through the edge worker (never with an API key).

import init, { analyzeMessage, splitMessageParts, splitPhoneList, parsePhoneNumbers, validateSendRequest } from '/pkg/index.js';
import { LANGS, t, langFromTag, formatParisTime, formatMoney } from './i18n.js';
import { escapeHtml, mirrorHtml, sentAsHtml, previewParts } from './message-view.js';
import { createTracker } from './after-send.js';

/** How long a send may take before the page gives up waiting (the worker has its own timeout). */
const SEND_TIMEOUT_MS = 30_000;
/** At most this many invalid numbers are listed one by one; the rest are counted. */
const MAX_LISTED_INVALID = 50;
/** Validation codes that have a richer display of their own, so their sentence is not repeated. */
const SHOWN_ELSEWHERE = new Set([
  'phone_number_invalid', // the invalid list under the recipients, one line per number
  'duplicate_phone_numbers', // the duplicates line under the recipients
  'characters_replaced', // the "sent as" copy under the message
  'characters_unsupported', // the Unicode hint under the message
]);
/** Where an issue is shown: a field with its own list, else the list above the send button. */
const FIELDS_WITH_LIST = new Set([
  'phoneNumbers', 'message', 'gamme', 'sender', 'tag', 'isUnicode', 'isStopSms', 'sandbox',
  'scheduledDeliveryDate', 'time', 'minute', 'request',
]);
/** Fields named in words when their issue lands in the general list (the others by wire name). */
const FIELD_LABEL_KEYS = Object.fromEntries(
  [...FIELDS_WITH_LIST].filter((f) => f !== 'request').map((f) => [f, `field.${f}`]),
);
/** The wire fields of the schedule. */
const SCHEDULE_FIELDS = ['scheduledDeliveryDate', 'time', 'minute'];
/** Timing entries kept before the oldest are dropped (one per update). */
const MAX_TIMINGS = 500;

const $ = (id) => document.getElementById(id);
const el = {
  form: $('compose'),
  pageError: $('page-error'),
  mode: $('mode'),
  recipients: $('recipients'),
  recipientsCount: $('recipients-count'),
  recipientsInvalidCount: $('recipients-invalid-count'),
  recipientsInvalid: $('recipients-invalid'),
  recipientsDuplicates: $('recipients-duplicates'),
  message: $('message'),
  mirror: $('message-mirror'),
  encoding: $('readout-encoding'),
  characters: $('readout-characters'),
  sms: $('readout-sms'),
  remaining: $('readout-remaining'),
  total: $('readout-total'),
  sentas: $('sentas'),
  sentasText: $('sentas-text'),
  unsupported: $('unsupported'),
  unsupportedText: $('unsupported-text'),
  enableUnicode: $('enable-unicode'),
  previewSender: $('preview-sender'),
  previewParts: $('preview-parts'),
  gammeLowCost: $('gamme-lowcost'),
  sender: $('sender'),
  tag: $('tag'),
  unicode: $('unicode'),
  stop: $('stop'),
  commercial: $('commercial'),
  sandbox: $('sandbox'),
  date: $('schedule-date'),
  hour: $('schedule-hour'),
  minute: $('schedule-minute'),
  clearDate: $('schedule-clear'),
  delivery: $('delivery-time'),
  send: $('send'),
  sendHint: $('send-hint'),
  result: $('result'),
  resultTitle: $('result-title'),
  resultDetails: $('result-details'),
  resultMessageId: $('result-message-id'),
  resultNbSms: $('result-nb-sms'),
  resultCost: $('result-cost'),
  resultError: $('result-error'),
};

const state = {
  lang: initialLang(),
  config: null,
  ready: false,
  sending: false,
  /** Fields the person has changed: their errors show from then on (all of them after a send). */
  touched: new Set(),
  showAllErrors: false,
  /** Per-field errors of the last failed send, `field → { source, issues }`, until that field changes. */
  serverIssues: new Map(),
  /** The last validation report, read by the send button. */
  report: null,
  /** Cache keys, so that each input recomputes only what it changed. */
  recipientsKey: null,
  messageKey: null,
  /** The last answer shown, re-rendered on a language switch. */
  lastResult: null,
  /** Updates so far, to bound the timing entries. */
  updates: 0,
};

function initialLang() {
  try {
    const saved = localStorage.getItem('lang');
    if (LANGS.includes(saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode, file://): the browser language decides.
  }
  return langFromTag(navigator.language);
}

// ---------------------------------------------------------------- static texts and language

function applyStaticTexts() {
  const { lang } = state;
  document.documentElement.lang = lang;
  document.title = t(lang, 'doc.title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(lang, node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(lang, node.dataset.i18nPlaceholder);
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  renderMode();
}

function setLang(lang) {
  if (!LANGS.includes(lang) || lang === state.lang) return;
  state.lang = lang;
  try {
    localStorage.setItem('lang', lang);
  } catch {
    // Not remembered; the switch still applies to this visit.
  }
  applyStaticTexts();
  state.recipientsKey = null; // the reasons are written in the language
  update();
  if (state.lastResult) renderResult(state.lastResult);
  tracker.render();
}

function renderMode() {
  const mode = state.config?.mode;
  const known = mode === 'standin' || mode === 'live';
  el.mode.dataset.mode = known ? mode : 'unknown';
  el.mode.textContent = t(state.lang, known ? `mode.${mode}` : 'mode.unknown');
  el.mode.title = known ? t(state.lang, `mode.${mode}.title`) : '';
}

// ---------------------------------------------------------------- reading the form

/** The person's list as entries, cut as the package cuts it (lines, commas, semicolons). */
function recipientEntries() {
  return splitPhoneList(el.recipients.value);
}

/** The date input's yyyy-mm-dd as SMS Partner's dd/MM/yyyy, or "" when empty. */
function toWireDate(isoDate) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

function messageOptions() {
  return {
    isUnicode: el.unicode.checked,
    isStopSms: el.stop.checked,
    gamme: el.gammeLowCost.checked ? 2 : 1,
  };
}

/** The SendRequest as the form states it, with SMS Partner's wire names and no API key. */
function readRequest(entries) {
  const request = { phoneNumbers: entries, message: el.message.value };
  if (el.gammeLowCost.checked) request.gamme = 2;
  const sender = el.sender.value.trim();
  if (sender !== '') request.sender = sender;
  const tag = el.tag.value;
  if (tag !== '') request.tag = tag;
  const date = toWireDate(el.date.value);
  if (date !== '') {
    request.scheduledDeliveryDate = date;
    request.time = Number(el.hour.value);
    request.minute = Number(el.minute.value);
  }
  if (el.stop.checked) request.isStopSms = 1;
  if (el.unicode.checked) request.isUnicode = 1;
  if (el.sandbox.checked) request.sandbox = 1;
  // Replies come back to the worker's webhook when the page knows it (the demo's stand-in).
  if (state.config?.replyUrl) request.urlResponse = state.config.replyUrl;
  return request;
}

// ---------------------------------------------------------------- rendering

/** Recomputes everything the form shows. Writes to the DOM only, never reads layout. */
function update() {
  if (!state.ready) return;
  performance.mark('compose-update-start');
  const { lang } = state;
  const entries = recipientEntries();
  renderRecipients(entries);
  renderMessage();
  const report = validateSendRequest(readRequest(entries), {
    requireApiKey: false,
    commercial: el.commercial.checked,
    lang,
  });
  state.report = report;
  renderTotal(report);
  renderIssues(report);
  renderDelivery(report);
  renderPreviewSender();
  renderSendButton();
  performance.measure('compose-update', 'compose-update-start');
  performance.clearMarks('compose-update-start');
  if (++state.updates % MAX_TIMINGS === 0) performance.clearMeasures('compose-update');
}

function renderRecipients(entries) {
  const key = `${state.lang}\u0000${entries.join('\u0000')}`;
  if (key === state.recipientsKey) return;
  state.recipientsKey = key;
  const { lang } = state;
  const report = parsePhoneNumbers(entries, { lang });
  const valid = report.numbers.length;
  const invalid = report.invalid.length;
  el.recipientsCount.textContent = entries.length === 0 ? '' : t(lang, 'recipients.valid', { n: valid });
  el.recipientsCount.dataset.count = String(valid);
  el.recipientsInvalidCount.textContent = invalid === 0 ? '' : t(lang, 'recipients.invalid', { n: invalid });
  el.recipientsInvalidCount.dataset.count = String(invalid);
  el.recipientsInvalid.innerHTML = report.invalid
    .slice(0, MAX_LISTED_INVALID)
    .map(
      (item) =>
        `<li data-code="${escapeHtml(item.code ?? '')}" data-input="${escapeHtml(item.input)}">` +
        `<span class="bad-number">${escapeHtml(item.input)}</span> ` +
        `<span class="reason">${escapeHtml(item.reason)}</span></li>`,
    )
    .join('');
  if (invalid > MAX_LISTED_INVALID) {
    el.recipientsInvalid.insertAdjacentHTML('beforeend', `<li class="more">+${invalid - MAX_LISTED_INVALID}</li>`);
  }
  el.recipientsDuplicates.hidden = report.duplicates.length === 0;
  el.recipientsDuplicates.textContent =
    report.duplicates.length === 0 ? '' : t(lang, 'recipients.duplicates', { list: report.duplicates.join(', ') });
}

/** The read-out, the highlights and the preview: one analyzeMessage and one splitMessageParts. */
function renderMessage() {
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
  const unsupported = analysis.unsupported.length > 0;
  el.sentas.hidden = !replaced && !unsupported;
  el.sentasText.innerHTML = replaced || unsupported ? sentAsHtml(message, parts, t(lang, 'sentas.removed')) : '';
  el.unsupported.hidden = !unsupported;
  if (unsupported) {
    const chars = [...new Set(analysis.unsupported.map((u) => u.char))];
    el.unsupportedText.textContent = t(lang, 'unsupported.text', { chars: chars.join(' '), n: chars.length });
  }
  renderPreview(parts);
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
  el.previewParts.innerHTML =
    '<div class="bubble">' +
    texts
      .map(
        (text, k) =>
          `<div class="segment" data-part="${k + 1}">` +
          (many ? `<span class="segment-label">${escapeHtml(t(lang, 'preview.part', { i: k + 1, n: texts.length }))}</span>` : '') +
          `<span class="segment-text">${escapeHtml(text)}</span></div>`,
      )
      .join('') +
    '</div>';
}

function renderTotal(report) {
  el.total.textContent = t(state.lang, 'readout.total.value', { total: report.totalSms, n: report.recipients });
  el.total.dataset.total = String(report.totalSms);
}

function renderPreviewSender() {
  const sender = el.sender.value.trim();
  el.previewSender.textContent = sender === '' ? t(state.lang, 'preview.shortcode') : sender;
}

/** Each error and warning next to its field, with the per-field errors of the last failed send. */
function renderIssues(report) {
  const byField = new Map();
  const add = (field, kind, issue, source) => {
    const target = FIELDS_WITH_LIST.has(field) ? field : 'request';
    if (!byField.has(target)) byField.set(target, []);
    byField.get(target).push({ kind, issue, field, source });
  };
  const invalidFields = new Set();
  for (const issue of report.errors) {
    invalidFields.add(issue.field);
    if (SHOWN_ELSEWHERE.has(issue.code)) continue;
    if (state.showAllErrors || state.touched.has(issue.field)) add(issue.field, 'error', issue);
  }
  for (const issue of report.warnings) {
    if (!SHOWN_ELSEWHERE.has(issue.code)) add(issue.field, 'warning', issue);
  }
  for (const [field, { source, issues }] of state.serverIssues) {
    invalidFields.add(field);
    for (const issue of issues) add(field, 'server', issue, source);
  }
  const { lang } = state;
  for (const list of el.form.querySelectorAll('[data-issues]')) {
    const items = byField.get(list.dataset.issues) ?? [];
    list.innerHTML = items
      .map(({ kind, issue, field, source }) => {
        const named = list.dataset.issues === 'request' && field !== 'request';
        const prefix =
          (kind === 'server' ? `${t(lang, source === 'api' ? 'result.byApi' : 'result.byServer')} ` : '') +
          (named ? `${field in FIELD_LABEL_KEYS ? t(lang, FIELD_LABEL_KEYS[field]) : field}: ` : '');
        return (
          `<li class="${kind}" data-code="${escapeHtml(issue.code ?? '')}" data-field="${escapeHtml(field)}"` +
          `${source ? ` data-source="${source}"` : ''}>` +
          `${escapeHtml(prefix + issue.message)}</li>`
        );
      })
      .join('');
  }
  for (const control of el.form.querySelectorAll('[data-field]')) {
    const field = control.dataset.field;
    const shown = state.showAllErrors || state.touched.has(field) || state.serverIssues.has(field);
    control.setAttribute('aria-invalid', String(shown && invalidFields.has(field)));
  }
}

/** When the message will really leave: now, at the schedule, or later for the quiet hours. */
function renderDelivery(report) {
  const { lang } = state;
  const delayed = report.warnings.some((w) => w.code === 'quiet_hours_delay');
  const scheduled = el.date.value !== '';
  // The delivery time holds whatever the other fields say, as long as the schedule itself is right.
  const scheduleOk = !report.errors.some((e) => SCHEDULE_FIELDS.includes(e.field));
  const when = report.deliveryTime ? formatParisTime(lang, new Date(report.deliveryTime)) : '';
  let text;
  if (delayed) text = t(lang, scheduled ? 'delivery.delayed' : 'delivery.nowDelayed', { when });
  else if (scheduled && scheduleOk) text = t(lang, 'delivery.at', { when });
  else if (scheduled) text = '';
  else text = t(lang, 'delivery.now');
  el.delivery.textContent = text;
  el.delivery.dataset.delayed = String(delayed);
  el.delivery.dataset.deliveryTime = report.deliveryTime ?? '';
}

function renderSendButton() {
  const { lang, report } = state;
  const canSend = Boolean(state.ready && report?.valid && state.config?.workerUrl && !state.sending);
  el.send.disabled = !canSend;
  el.send.textContent = state.sending
    ? t(lang, 'send.sending')
    : t(lang, el.sandbox.checked ? 'send.buttonSandbox' : 'send.button');
  el.send.setAttribute('aria-busy', String(state.sending));
  if (!state.config?.workerUrl) el.sendHint.textContent = state.config ? t(lang, 'send.noWorker') : '';
  else if (state.sending) el.sendHint.textContent = '';
  else if (report?.valid) {
    el.sendHint.textContent = t(lang, 'send.ready', {
      total: report.totalSms,
      n: t(lang, 'send.readyRecipients', { n: report.recipients }),
    });
  } else el.sendHint.textContent = t(lang, 'send.blocked');
  el.sendHint.dataset.valid = String(Boolean(report?.valid));
}

// ---------------------------------------------------------------- sending

function workerEndpoint() {
  return `${String(state.config.workerUrl).replace(/\/+$/, '')}/api/send`;
}

/** Error kinds the worker answers with, each with its own sentence. */
const ERROR_KINDS = ['validation', 'api', 'http', 'network', 'timeout', 'request', 'config', 'internal'];

/**
 * Sends the validated request through the worker: `{ request, options: { commercial, lang } }`,
 * the request being the normalized one from validateSendRequest (it never holds an API key).
 */
async function send(event) {
  event.preventDefault();
  state.showAllErrors = true;
  const report = state.report;
  if (state.sending || !report?.valid || !state.config?.workerUrl) {
    update();
    return;
  }
  state.sending = true;
  state.serverIssues.clear();
  el.result.hidden = true;
  el.result.dataset.state = 'sending';
  renderSendButton();
  const outcome = await post({
    request: report.request,
    options: { commercial: el.commercial.checked, lang: state.lang },
  });
  state.sending = false;
  if (!outcome.ok) {
    // "api": SMS Partner's own verdict; otherwise the worker's checks before it.
    const source = outcome.error.kind === 'api' ? 'api' : 'server';
    for (const issue of outcome.error.errors ?? []) {
      const field = typeof issue.field === 'string' && issue.field !== '' ? issue.field : 'request';
      if (!state.serverIssues.has(field)) state.serverIssues.set(field, { source, issues: [] });
      state.serverIssues.get(field).issues.push(issue);
    }
  }
  state.lastResult = outcome;
  renderResult(outcome);
  if (outcome.ok) {
    const scheduled = report.request.scheduledDeliveryDate !== undefined;
    tracker.track({
      messageId: outcome.result.messageId,
      numbers: report.request.phoneNumbers.split(','),
      scheduledAt: scheduled ? Date.parse(report.deliveryTime) : null,
    });
  }
  update();
}

/** One POST to the worker, read into `{ ok: true, result, sandbox }` or `{ ok: false, error }`. */
async function post(body) {
  let response;
  try {
    response = await fetch(workerEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    // No answer: unreachable, or no answer in time (then the message may have left).
    const timeout = err?.name === 'TimeoutError';
    return {
      ok: false,
      error: { kind: timeout ? 'timeout' : 'network', message: '', status: null, code: null, errors: [], mayHaveBeenSent: timeout },
    };
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // Not JSON: an unexpected answer, below.
  }
  if (response.ok && answer?.ok === true && answer.result) {
    return { ok: true, result: answer.result, sandbox: answer.sandbox === true || body.request.sandbox === 1 };
  }
  if (answer?.ok === false && answer.error && typeof answer.error === 'object') {
    return { ok: false, error: { errors: [], ...answer.error } };
  }
  return {
    ok: false,
    error: { kind: 'http', message: '', status: response.status, code: null, errors: [], mayHaveBeenSent: true },
  };
}

function renderResult(outcome) {
  const { lang } = state;
  el.result.hidden = false;
  el.result.dataset.state = outcome.ok ? 'ok' : 'error';
  el.resultDetails.hidden = !outcome.ok;
  el.resultError.hidden = outcome.ok;
  if (outcome.ok) {
    const r = outcome.result;
    el.resultTitle.textContent = t(lang, outcome.sandbox ? 'result.okSandbox' : 'result.ok');
    el.resultMessageId.textContent = String(r.messageId ?? '—');
    el.resultNbSms.textContent = String(r.nbSms ?? '—');
    el.resultCost.textContent = formatMoney(lang, r.cost, r.currency);
    el.resultError.textContent = '';
    return;
  }
  const e = outcome.error;
  const kind = ERROR_KINDS.includes(e.kind) ? e.kind : 'internal';
  el.resultTitle.textContent = t(lang, 'result.failed');
  el.resultError.dataset.kind = kind;
  el.resultError.dataset.mayHaveBeenSent = String(e.mayHaveBeenSent === true);
  const details = [
    typeof e.message === 'string' ? e.message : '',
    Number.isInteger(e.code) ? t(lang, 'result.code', { code: e.code }) : '',
    Number.isInteger(e.status) ? t(lang, 'result.status', { status: e.status }) : '',
  ].filter(Boolean);
  el.resultError.textContent =
    t(lang, `result.kind.${kind}`) +
    (details.length ? ` (${details.join(' · ')})` : '') +
    (e.mayHaveBeenSent === true ? ` ${t(lang, 'result.mayHaveBeenSent')}` : '');
}

// ---------------------------------------------------------------- wiring

function fillScheduleSelects() {
  const two = (n) => String(n).padStart(2, '0');
  el.hour.innerHTML = Array.from({ length: 24 }, (_, h) => `<option value="${h}">${two(h)}</option>`).join('');
  el.minute.innerHTML = Array.from({ length: 12 }, (_, i) => `<option value="${i * 5}">${two(i * 5)}</option>`).join('');
  el.hour.value = '9';
  el.minute.value = '0';
}

function syncScheduleControls() {
  const none = el.date.value === '';
  el.hour.disabled = none;
  el.minute.disabled = none;
  el.clearDate.disabled = none;
}

/** A change to a control: it is now "touched", and SMS Partner's old verdict on it is dropped. */
function onFieldChange(event) {
  const field = event.target.closest('[data-field]')?.dataset.field;
  if (field) {
    state.touched.add(field);
    state.serverIssues.delete(field);
    if (SCHEDULE_FIELDS.includes(field)) {
      for (const f of SCHEDULE_FIELDS) state.serverIssues.delete(f);
    }
  }
  if (event.target === el.date) syncScheduleControls();
  update();
}

function wire() {
  el.form.addEventListener('input', onFieldChange);
  el.form.addEventListener('change', onFieldChange);
  el.form.addEventListener('submit', send);
  el.message.addEventListener('scroll', () => {
    el.mirror.scrollTop = el.message.scrollTop;
  }, { passive: true });
  el.enableUnicode.addEventListener('click', () => {
    el.unicode.checked = true;
    el.unicode.dispatchEvent(new Event('change', { bubbles: true }));
    el.message.focus();
  });
  el.clearDate.addEventListener('click', () => {
    el.date.value = '';
    el.date.dispatchEvent(new Event('change', { bubbles: true }));
    el.date.focus();
  });
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLang(button.dataset.lang));
  }
}

async function loadConfig() {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const config = await response.json();
    return {
      workerUrl: typeof config.workerUrl === 'string' && config.workerUrl !== '' ? config.workerUrl : null,
      mode: config.mode,
      sandbox: config.sandbox,
      replyUrl: typeof config.replyUrl === 'string' && config.replyUrl !== '' ? config.replyUrl : null,
    };
  } catch {
    showPageError(t(state.lang, 'config.error'));
    return { workerUrl: null, mode: null, sandbox: undefined };
  }
}

function showPageError(text) {
  el.pageError.hidden = false;
  el.pageError.textContent = text;
}

/** Delivery, cancel, credits and replies after a send (after-send.js). */
const tracker = createTracker({ getLang: () => state.lang, workerUrl: () => state.config?.workerUrl ?? null });

async function start() {
  applyStaticTexts();
  fillScheduleSelects();
  syncScheduleControls();
  wire();
  const [config] = await Promise.all([
    loadConfig(),
    init().catch((err) => {
      showPageError(t(state.lang, 'wasm.error', { detail: String(err?.message ?? err) }));
      throw err;
    }),
  ]);
  state.config = config;
  if (config.sandbox === true) {
    // The worker adds sandbox: 1 to every send (FORCE_SANDBOX): the box says so and stays on.
    el.sandbox.checked = true;
    el.sandbox.disabled = true;
    $('sandbox-forced').hidden = false;
  }
  renderMode();
  tracker.refreshCredits();
  state.ready = true;
  update();
  el.form.dataset.ready = 'true';
}

start().catch(() => {
  el.form.dataset.ready = 'error';
});
