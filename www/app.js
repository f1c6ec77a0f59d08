// The compose page: reads the form on every input, shows the length read-out, the checks of
// each field and the phone preview, and sends through the edge worker (never with an API key).

import init, * as sms from '/pkg/compose.js';
import { LANGS, t, hasText, langFromTag, formatParisTime, formatMoney, charName } from './i18n.js';
import { escapeHtml, mirrorHtml, sentAsHtml, previewParts } from './message-view.js';
import { charLabel, segmentStrips, segmentsHtml } from './segment-view.js';
import { fromPickerDate, toPickerDate, typedDate } from './date-field.js';
import { createTracker } from './after-send.js';
import { createSession } from './session.js';

const { analyzeMessage, splitMessageParts, splitPhoneList, parsePhoneNumbers, validateSendRequest, normalizeMessage } = sms;

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
/** Codes that mean "this field is still empty": the send hint asks for them by name. */
const REQUIRED_CODES = new Set(['phone_numbers_required', 'message_required']);
/**
 * Recipients one send takes (SMS Partner's limit, which the package checks as
 * too_many_phone_numbers): here to cut a bulk send into the worker's calls, one SMS Partner call each.
 */
const MAX_PER_SEND = 500;

const $ = (id) => document.getElementById(id);
const el = {
  form: $('compose'),
  pageError: $('page-error'),
  mode: $('mode'),
  recipients: $('recipients'),
  recipientsCount: $('recipients-count'),
  recipientsInvalidCount: $('recipients-invalid-count'),
  recipientsUnreachableCount: $('recipients-unreachable-count'),
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
  unsupportedList: $('unsupported-list'),
  unicodeCost: $('unicode-cost'),
  smart: $('smart'),
  smartText: $('smart-text'),
  applySmart: $('apply-smart'),
  enableUnicode: $('enable-unicode'),
  segments: $('segments'),
  segmentsStrips: $('segments-strips'),
  removeInvalid: $('remove-invalid'),
  bulkOffer: $('bulk-offer'),
  bulkText: $('bulk-text'),
  sendBulk: $('send-bulk'),
  mobileCount: $('mobile-count'),
  confirm: $('confirm'),
  confirmTitle: $('confirm-title'),
  confirmText: $('confirm-text'),
  confirmOk: $('confirm-ok'),
  picker: $('schedule-picker'),
  pick: $('schedule-pick'),
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
  resultNbSmsLabel: $('result-nb-sms-label'),
  resultCost: $('result-cost'),
  resultCostLabel: $('result-cost-label'),
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
  /** The last request that left or may have left: `{ fingerprint, outcome }`, to warn before a repeat. */
  lastSent: null,
  /** The invalid entries of the recipients list, for the one-click removal. */
  invalidEntries: new Set(),
  /** The numbers the package says cannot receive an SMS, for the one-click removal. */
  notMobile: new Set(),
  /** The valid numbers, for a bulk send. */
  numbers: [],
  /** Smart encoding's answer for the current message, or null. */
  normalized: null,
  /** The bulk send under way or done last (see sendInBulk), or null. */
  bulk: null,
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
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(lang, node.dataset.i18nLabel));
    node.title = t(lang, node.dataset.i18nLabel);
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
  else if (state.bulk) renderBulk();
  tracker.render();
  session.render();
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

/** The date as typed (dd/mm/yyyy, SMS Partner's own format): the package checks it. */
function scheduleDate() {
  return el.date.value.trim();
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
  const date = scheduleDate();
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
    allowedRegions: session.allowedRegions(),
  });
  state.report = report;
  renderTotal(report);
  renderBulkOffer(report);
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
  const report = parsePhoneNumbers(entries, { lang, allowedRegions: session.allowedRegions() });
  state.notMobile = notMobileNumbers(report);
  const unreachable = state.notMobile.size;
  // Valid: numbers that can receive an SMS; the fixed lines and the like are counted apart.
  const valid = report.numbers.length - unreachable;
  const invalid = report.invalid.length;
  el.recipientsCount.textContent = entries.length === 0 ? '' : t(lang, 'recipients.valid', { n: valid });
  el.recipientsCount.dataset.count = String(valid);
  el.recipientsInvalidCount.textContent = invalid === 0 ? '' : t(lang, 'recipients.invalid', { n: invalid });
  el.recipientsInvalidCount.dataset.count = String(invalid);
  el.recipientsUnreachableCount.textContent = unreachable === 0 ? '' : t(lang, 'recipients.unreachable', { n: unreachable });
  el.recipientsUnreachableCount.dataset.count = String(unreachable);
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
  state.invalidEntries = new Set(report.invalid.map((item) => item.input));
  state.numbers = report.numbers;
  el.removeInvalid.hidden = invalid + unreachable === 0;
  el.removeInvalid.textContent =
    invalid + unreachable === 0
      ? ''
      : unreachable === 0
        ? t(lang, 'recipients.removeInvalid', { n: invalid })
        : t(lang, 'recipients.removeUnreachable', { n: invalid, m: unreachable });
  el.removeInvalid.dataset.notMobile = String(unreachable);
}

/**
 * The numbers that cannot receive an SMS (fixed lines, premium rate…), as the package's
 * numbering plans say (`canReceiveSms` of `details`, the rule of its phone_number_not_mobile
 * warning). Empty when the package gives no details.
 */
function notMobileNumbers(report) {
  if (!Array.isArray(report.details)) return new Set();
  return new Set(report.details.filter((d) => d.canReceiveSms === false).map((d) => d.number));
}

/** One click: the list without the entries that are invalid or cannot receive an SMS, one a line. */
function removeInvalidNumbers() {
  const reaches = (entry) => {
    if (state.notMobile.size === 0) return true;
    const number = parsePhoneNumbers([entry]).numbers[0];
    return number === undefined || !state.notMobile.has(number);
  };
  const kept = recipientEntries().filter((entry) => !state.invalidEntries.has(entry) && reaches(entry));
  el.recipients.value = kept.join('\n');
  el.recipients.dispatchEvent(new Event('input', { bubbles: true }));
  el.recipients.focus();
}

/**
 * More numbers than one send takes, and nothing else wrong: the offer to send them as a
 * bulk send (in sends of at most 500) instead of a dead end.
 */
function bulkFits(report) {
  return report.errors.length > 0 && report.errors.every((e) => e.code === 'too_many_phone_numbers');
}

function renderBulkOffer(report) {
  const { lang } = state;
  const fits = bulkFits(report);
  el.bulkOffer.hidden = !fits;
  if (!fits) return;
  const n = state.numbers.length;
  const sends = bulkBatches(state.numbers, el.message.value).length;
  el.bulkText.textContent = t(lang, 'bulk.offer', { n, sends, max: MAX_PER_SEND, total: report.totalSms });
  el.sendBulk.textContent = t(lang, el.sandbox.checked ? 'bulk.buttonSandbox' : 'bulk.button', { n });
  el.sendBulk.disabled = state.sending || !state.config?.workerUrl;
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
function applySmartEncoding() {
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
    el.segmentsStrips.innerHTML = '';
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
  el.segmentsStrips.innerHTML = segmentsHtml(strips, (key, vars) => t(lang, key, vars), names);
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
    if (isShown(issue.field)) add(issue.field, 'error', issue);
  }
  // A schedule that cannot be kept has no quiet hours to explain: its error alone is shown.
  const badSchedule = report.errors.some((e) => SCHEDULE_FIELDS.includes(e.field));
  for (const issue of report.warnings) {
    if (SHOWN_ELSEWHERE.has(issue.code)) continue;
    if (badSchedule && issue.code === 'quiet_hours_delay') continue;
    add(issue.field, 'warning', issue);
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
          `${escapeHtml(prefix + issueText(issue))}</li>`
        );
      })
      .join('');
  }
  for (const control of el.form.querySelectorAll('[data-field]')) {
    const field = control.dataset.field;
    const shown = isShown(field) || state.serverIssues.has(field);
    control.setAttribute('aria-invalid', String(shown && invalidFields.has(field)));
  }
}

/** Whether the errors of a field are shown (in red) yet: once changed, or all after a send. */
function isShown(field) {
  return state.showAllErrors || state.touched.has(field);
}

/**
 * An issue's sentence. The package writes for API users, naming wire fields (isStopSms); where
 * the page has its own sentence for the code, with the labels it shows, that one is used.
 */
function issueText(issue) {
  const key = `issue.${issue.code}`;
  const text = typeof issue.code === 'string' ? t(state.lang, key) : key;
  return text === key ? issue.message : text;
}

/** When the message will really leave: now, at the schedule, or later for the quiet hours. */
function renderDelivery(report) {
  const { lang } = state;
  const scheduled = scheduleDate() !== '';
  // The delivery time holds whatever the other fields say, as long as the schedule itself is right.
  const scheduleOk = !report.errors.some((e) => SCHEDULE_FIELDS.includes(e.field));
  const delayed = scheduleOk && report.warnings.some((w) => w.code === 'quiet_hours_delay');
  const when = report.deliveryTime ? formatParisTime(lang, new Date(report.deliveryTime)) : '';
  let text;
  if (scheduled && !scheduleOk) text = '';
  else if (delayed) text = t(lang, scheduled ? 'delivery.delayed' : 'delivery.nowDelayed', { when });
  else if (scheduled) text = t(lang, 'delivery.at', { when });
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
  } else if (report) el.sendHint.textContent = blockedHint(report);
  else el.sendHint.textContent = '';
  el.sendHint.dataset.valid = String(Boolean(report?.valid));
}

/**
 * Why the send button is off, in words that match the screen: the fields marked in red if any,
 * and by name the fields still to fill in or to check whose errors are not shown yet.
 */
function blockedHint(report) {
  const { lang } = state;
  if (bulkFits(report)) return t(lang, 'send.bulk');
  const red = report.errors.some((e) => isShown(e.field));
  const pending = [];
  for (const e of report.errors) {
    if (isShown(e.field)) continue;
    const name = e.field in FIELD_LABEL_KEYS ? t(lang, FIELD_LABEL_KEYS[e.field]) : e.field;
    if (!pending.includes(name)) pending.push(name);
  }
  const missing = report.errors.every((e) => isShown(e.field) || REQUIRED_CODES.has(e.code));
  const parts = [];
  if (red) parts.push(t(lang, 'send.blocked'));
  if (pending.length > 0) parts.push(t(lang, missing ? 'send.missing' : 'send.check', { fields: pending.join(', ') }));
  return parts.join(' ');
}

// ---------------------------------------------------------------- sending

/** Error kinds the worker answers with, each with its own sentence. */
const ERROR_KINDS = ['validation', 'api', 'http', 'network', 'timeout', 'request', 'config', 'internal'];

/**
 * Sends the validated request through the worker: `{ request, options: { commercial, lang } }`,
 * the request being the normalized one from validateSendRequest (it never holds an API key).
 * A real send (sandbox off) is confirmed first; so is a request identical to one that has just
 * left or may have left.
 */
async function send(event) {
  event.preventDefault();
  state.showAllErrors = true;
  const report = state.report;
  if (state.sending || !report?.valid || !state.config?.workerUrl) {
    update();
    return;
  }
  const request = report.request;
  const fingerprint = JSON.stringify([request, el.commercial.checked]);
  if (!(await confirmSend(report, fingerprint))) return;
  state.sending = true;
  state.serverIssues.clear();
  el.result.hidden = true;
  el.result.dataset.state = 'sending';
  renderSendButton();
  state.bulk = null;
  const outcome = await post('/api/send', {
    request,
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
  if (outcome.ok || outcome.error.mayHaveBeenSent === true) {
    state.lastSent = { fingerprint, outcome, at: new Date() };
  }
  state.lastResult = outcome;
  renderResult(outcome);
  session.refresh();
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

/**
 * Asks before a real send (it is billed) and before sending again what has just left or may
 * have left. Sandbox sends that repeat nothing go without a question. Resolves to true to send.
 */
function confirmSend(report, fingerprint) {
  const { lang } = state;
  const real = report.request.sandbox !== 1;
  const repeat = real && state.lastSent?.fingerprint === fingerprint;
  if (!real) return Promise.resolve(true);
  const n = t(lang, 'send.readyRecipients', { n: report.recipients });
  if (repeat) {
    const maybe = !state.lastSent.outcome.ok;
    return ask({
      title: t(lang, maybe ? 'confirm.maybeTitle' : 'confirm.againTitle'),
      text: t(lang, maybe ? 'confirm.maybeText' : 'confirm.againText', {
        total: report.totalSms,
        n,
        when: formatParisTime(lang, state.lastSent.at),
      }),
      ok: t(lang, 'confirm.againOk'),
      kind: 'again',
    });
  }
  return ask({
    title: t(lang, 'confirm.realTitle'),
    text: t(lang, 'confirm.realText', { total: report.totalSms, n }),
    ok: t(lang, 'confirm.realOk', { total: report.totalSms }),
    kind: 'real',
  });
}

/** A modal question with Cancel (focused first) and one button to go on; resolves to the answer. */
function ask({ title, text, ok, kind }) {
  // A second click while the question is open asks nothing more and sends nothing.
  if (el.confirm.open) return Promise.resolve(false);
  return new Promise((resolve) => {
    el.confirmTitle.textContent = title;
    el.confirmText.textContent = text;
    el.confirmOk.textContent = ok;
    el.confirm.dataset.kind = kind;
    el.confirm.returnValue = '';
    el.confirm.addEventListener('close', () => resolve(el.confirm.returnValue === 'ok'), { once: true });
    el.confirm.showModal();
  });
}

/**
 * More than 500 recipients: a bulk send through the worker's `POST /api/bulk` (the client's
 * `sendBulk`), the rest of the request checked by the package with one of the numbers. The
 * numbers go in batches of at most 500 whose bodies fit the worker's limit, one after the other;
 * the first batch that is not wholly sent stops the rest (never a resend behind the person's back).
 */
async function sendInBulk() {
  const { lang } = state;
  state.showAllErrors = true;
  if (state.sending || !bulkFits(state.report) || !state.config?.workerUrl) {
    update();
    return;
  }
  const numbers = state.numbers;
  const commercial = el.commercial.checked;
  const head = validateSendRequest(readRequest(numbers.slice(0, 1)), { requireApiKey: false, commercial, lang, allowedRegions: session.allowedRegions() });
  if (!head.valid) {
    update();
    return;
  }
  const { phoneNumbers: _one, message, ...options } = head.request;
  const batches = bulkBatches(numbers, message);
  const fingerprint = JSON.stringify(['bulk', numbers, message, options, commercial]);
  const repeat = state.lastSent?.fingerprint === fingerprint;
  const proceed = await ask({
    title: t(lang, repeat ? 'confirm.againTitle' : options.sandbox === 1 ? 'confirm.bulkTitleSandbox' : 'confirm.bulkTitle'),
    text: t(lang, repeat ? 'confirm.againText' : 'confirm.bulkText', {
      n: numbers.length,
      sends: batches.length,
      total: state.report.totalSms,
      when: repeat ? formatParisTime(lang, state.lastSent.at) : '',
    }),
    ok: t(lang, repeat ? 'confirm.againOk' : 'confirm.bulkOk', { n: numbers.length }),
    kind: repeat ? 'again' : 'bulk',
  });
  if (!proceed) return;
  state.sending = true;
  state.serverIssues.clear();
  state.lastResult = null;
  const bulk = { total: numbers.length, sends: batches.length, done: 0, sent: 0, nbSms: 0, cost: 0, currency: null, sandbox: options.sandbox === 1, stop: null };
  state.bulk = bulk;
  renderSendButton();
  renderBulkOffer(state.report);
  renderBulk();
  for (const batch of batches) {
    const outcome = await post('/api/bulk', {
      request: { ...options, messages: batch.map((phoneNumber) => ({ phoneNumber, message })) },
      options: { commercial, lang },
    });
    if (!outcome.ok) {
      bulk.stop = { maybe: outcome.error.mayHaveBeenSent === true, error: outcome.error };
      break;
    }
    const r = outcome.result;
    for (const chunk of r.chunks ?? []) if (chunk.state === 'sent') bulk.sent += chunk.count;
    bulk.nbSms += Number(r.nbSms) || 0;
    bulk.cost += Number(r.cost) || 0;
    bulk.currency = r.currency ?? bulk.currency;
    bulk.done += 1;
    if (r.complete !== true) {
      const stopped = (r.chunks ?? []).find((chunk) => chunk.state !== 'sent');
      bulk.stop = { maybe: stopped?.state === 'unknown', error: stopped?.error ?? null };
      break;
    }
    renderBulk();
  }
  state.sending = false;
  if (bulk.sent > 0 || bulk.stop?.maybe) {
    state.lastSent = { fingerprint, outcome: { ok: bulk.stop === null }, at: new Date() };
  }
  renderBulk();
  session.refresh();
  update();
}

/** Largest body sent to the worker for a bulk batch (its limit is 64 KiB), in UTF-16 units. */
const BULK_BODY_BUDGET = 56 * 1024;

/** The numbers in batches of at most 500 whose JSON bodies stay under the worker's limit. */
function bulkBatches(numbers, message) {
  const perMessage = JSON.stringify({ phoneNumber: '+000000000000000', message }).length + 1;
  const size = Math.max(1, Math.min(MAX_PER_SEND, Math.floor(BULK_BODY_BUDGET / perMessage)));
  const batches = [];
  for (let i = 0; i < numbers.length; i += size) batches.push(numbers.slice(i, i + size));
  return batches;
}

/** The bulk send's state: under way, done, or stopped (and then whether the last batch may have left). */
function renderBulk() {
  const { lang } = state;
  const bulk = state.bulk;
  if (!bulk) return;
  const finished = bulk.stop === null && bulk.done === bulk.sends;
  el.result.hidden = false;
  el.result.dataset.state = bulk.stop ? 'error' : 'ok';
  el.result.dataset.outcome = bulk.stop ? (bulk.stop.maybe ? 'maybe' : 'notSent') : finished ? 'sent' : 'sending';
  const vars = { sent: bulk.sent, total: bulk.total, done: bulk.done, sends: bulk.sends };
  let title;
  if (bulk.stop) title = t(lang, bulk.stop.maybe ? 'bulk.maybe' : 'bulk.stopped', vars);
  else if (finished) title = t(lang, bulk.sandbox ? 'bulk.doneSandbox' : 'bulk.done', vars);
  else title = t(lang, 'bulk.progress', vars);
  el.resultTitle.textContent = title;
  el.resultDetails.hidden = bulk.done === 0;
  el.resultNbSmsLabel.textContent = t(lang, bulk.sandbox ? 'result.nbSmsSandbox' : 'result.nbSms');
  el.resultCostLabel.textContent = t(lang, bulk.sandbox ? 'result.costSandbox' : 'result.cost');
  el.resultMessageId.textContent = '—';
  el.resultNbSms.textContent = String(bulk.nbSms);
  el.resultCost.textContent = formatMoney(lang, bulk.cost, bulk.currency);
  const error = bulk.stop?.error;
  el.resultError.hidden = !error;
  el.resultError.textContent = '';
  if (error) {
    const kind = ERROR_KINDS.includes(error.kind) ? error.kind : 'internal';
    el.resultError.dataset.kind = kind;
    el.resultError.textContent = t(lang, `result.kind.${kind}`);
  }
}

function workerUrl(path) {
  return `${String(state.config.workerUrl).replace(/\/+$/, '')}${path}`;
}

/** One POST to the worker, read into `{ ok: true, result, sandbox }` or `{ ok: false, error }`. */
function post(path, body) {
  return exchange(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }, body);
}

async function exchange(path, init, body) {
  let response;
  try {
    response = await fetch(workerUrl(path), { ...init, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
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
    return { ok: true, result: answer.result, sandbox: answer.sandbox === true || body?.request?.sandbox === 1 };
  }
  if (answer?.ok === false && answer.error && typeof answer.error === 'object') {
    return { ok: false, status: response.status, error: { errors: [], ...answer.error } };
  }
  return {
    ok: false,
    status: response.status,
    error: { kind: 'http', message: '', status: response.status, code: null, errors: [], mayHaveBeenSent: true },
  };
}

/** What happened to the message, first: sent, not sent, or may have been sent. */
function renderResult(outcome) {
  const { lang } = state;
  el.result.hidden = false;
  el.result.dataset.state = outcome.ok ? 'ok' : 'error';
  el.resultDetails.hidden = !outcome.ok;
  el.resultError.hidden = outcome.ok;
  if (outcome.ok) {
    const r = outcome.result;
    el.result.dataset.outcome = outcome.sandbox ? 'sandbox' : 'sent';
    el.resultTitle.textContent = t(lang, outcome.sandbox ? 'result.okSandbox' : 'result.ok');
    // In sandbox SMS Partner bills nothing: its figures are what a real send would cost.
    el.resultNbSmsLabel.textContent = t(lang, outcome.sandbox ? 'result.nbSmsSandbox' : 'result.nbSms');
    el.resultCostLabel.textContent = t(lang, outcome.sandbox ? 'result.costSandbox' : 'result.cost');
    el.resultMessageId.textContent = String(r.messageId ?? '—');
    el.resultNbSms.textContent = String(r.nbSms ?? '—');
    el.resultCost.textContent = formatMoney(lang, r.cost, r.currency);
    el.resultError.textContent = '';
    return;
  }
  const e = outcome.error;
  const kind = ERROR_KINDS.includes(e.kind) ? e.kind : 'internal';
  const maybe = e.mayHaveBeenSent === true;
  el.result.dataset.outcome = maybe ? 'maybe' : 'notSent';
  el.resultTitle.textContent = t(lang, maybe ? 'result.maybe' : 'result.failed');
  el.resultError.dataset.kind = kind;
  el.resultError.dataset.mayHaveBeenSent = String(maybe);
  // The worker's and SMS Partner's sentences are in English: shown as such in English only.
  const detail = typeof e.message === 'string' ? e.message : '';
  el.resultError.dataset.detail = detail;
  const details = [
    lang === 'en' ? detail : '',
    Number.isInteger(e.code) ? t(lang, 'result.code', { code: e.code }) : '',
    Number.isInteger(e.status) ? t(lang, 'result.status', { status: e.status }) : '',
  ].filter(Boolean);
  const refused = typeof e.code === 'string' ? `result.refused.${e.code}` : null; // the worker's own refusals
  const sentence =
    kind === 'http' && e.status === 429
      ? t(lang, 'result.rateLimited')
      : refused !== null && hasText(refused)
        ? t(lang, refused)
        : t(lang, `result.kind.${kind}`);
  el.resultError.textContent =
    sentence + (details.length ? ` (${details.join(' · ')})` : '') + (maybe ? ` ${t(lang, 'result.mayHaveBeenSent')}` : '');
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
  const none = scheduleDate() === '';
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
  if (event.target === el.date) {
    if (event.type === 'input') {
      const typed = typedDate(el.date.value, event.inputType ?? '', el.date.selectionStart === el.date.value.length);
      if (typed !== el.date.value) el.date.value = typed;
    }
    syncScheduleControls();
  }
  update();
}

/** The calendar: the browser's date picker, its yyyy-mm-dd written back as dd/mm/yyyy. */
function openPicker() {
  el.picker.value = toPickerDate(scheduleDate());
  try {
    el.picker.showPicker();
  } catch {
    // No picker here (or not allowed now): typing the date stays possible.
    el.date.focus();
  }
}

function pickerChanged(event) {
  event.stopPropagation();
  const date = fromPickerDate(el.picker.value);
  if (date === '') return;
  el.date.value = date;
  el.date.dispatchEvent(new Event('change', { bubbles: true }));
  el.date.focus();
}

/** Enter in a one-line field does not send: only the send button does, and it asks first. */
function noImplicitSubmit(event) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement && !event.isComposing) {
    event.preventDefault();
  }
}

function wire() {
  el.form.addEventListener('input', onFieldChange);
  el.form.addEventListener('change', onFieldChange);
  el.form.addEventListener('submit', send);
  el.form.addEventListener('keydown', noImplicitSubmit);
  el.picker.addEventListener('change', pickerChanged);
  el.picker.addEventListener('input', (event) => event.stopPropagation());
  el.pick.addEventListener('click', openPicker);
  el.removeInvalid.addEventListener('click', removeInvalidNumbers);
  el.applySmart.addEventListener('click', applySmartEncoding);
  // A tap on a cell says what a hover says, for touch screens.
  el.segmentsStrips.addEventListener('click', (event) => {
    const cell = event.target.closest('.cell');
    if (!cell) return;
    el.segmentsStrips.querySelector('.cell.picked')?.classList.remove('picked');
    cell.classList.add('picked');
    $('segments-detail').textContent = cell.title;
  });
  el.sendBulk.addEventListener('click', sendInBulk);
  // On a phone the preview sits below the form: one tap there and back, the caret kept.
  $('to-preview').addEventListener('click', (event) => {
    event.preventDefault();
    $('preview-label').scrollIntoView({ block: 'start' });
  });
  $('back-to-message').addEventListener('click', (event) => {
    event.preventDefault();
    el.message.focus({ preventScroll: true });
    el.message.scrollIntoView({ block: 'center' });
  });
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

/** Who is signed in, what is left of their day, where numbers may go (session.js). */
const session = createSession({
  getLang: () => state.lang,
  workerUrl: () => state.config?.workerUrl ?? null,
  onChange: () => {
    state.recipientsKey = null; // the destinations allowed decide which numbers are valid
    if (session.forcedSandbox()) forceSandbox();
    update();
  },
});

/** The worker adds sandbox: 1 to every send: the box says so and stays on. */
function forceSandbox() {
  el.sandbox.checked = true;
  el.sandbox.disabled = true;
  $('sandbox-forced').hidden = false;
}

/** Delivery, cancel, credits and replies after a send (after-send.js). */
const tracker = createTracker({
  getLang: () => state.lang,
  workerUrl: () => state.config?.workerUrl ?? null,
  cancelDeadline: sms.cancelDeadline,
});

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
  if (config.sandbox === true) forceSandbox(); // FORCE_SANDBOX
  renderMode();
  tracker.refreshCredits();
  await session.refresh();
  state.ready = true;
  update();
  el.form.dataset.ready = 'true';
}

start().catch(() => {
  el.form.dataset.ready = 'error';
});
