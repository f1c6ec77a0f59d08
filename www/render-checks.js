// The checks around the send button: each error and warning next to its field, the total, when
// the message will really leave, the bulk offer, and the send button with why it is off.

import { t, formatParisTime } from './i18n.js';
import { escapeHtml } from './message-view.js';
import { el } from './elements.js';
import { state } from './state.js';
import { SCHEDULE_FIELDS, scheduleDate } from './form.js';
import { bulkBatches, bulkFits, maxPerSend } from './bulk.js';

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

/** Codes that mean "this field is still empty": the send hint asks for them by name. */
const REQUIRED_CODES = new Set(['phone_numbers_required', 'message_required']);

/** The total of SMS billed for every recipient, from the report. */
export function renderTotal(report) {
  el.total.textContent = t(state.lang, 'readout.total.value', { total: report.totalSms, n: report.recipients });
  el.total.dataset.total = String(report.totalSms);
}

/** The offer of a bulk send when only the number of recipients stands in the way. */
export function renderBulkOffer(report) {
  const { lang } = state;
  const fits = bulkFits(report);
  el.bulkOffer.hidden = !fits;
  if (!fits) return;
  const n = state.numbers.length;
  const sends = bulkBatches(state.numbers, el.message.value).length;
  el.bulkText.textContent = t(lang, 'bulk.offer', { n, sends, max: maxPerSend(), total: report.totalSms });
  el.sendBulk.textContent = t(lang, el.sandbox.checked ? 'bulk.buttonSandbox' : 'bulk.button', { n });
  el.sendBulk.disabled = state.sending || !state.config?.workerUrl;
}

/** Each error and warning next to its field, with the per-field errors of the last failed send. */
export function renderIssues(report) {
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
export function renderDelivery(report) {
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

/** The send button, on only for a valid form with a worker, and the hint under it. */
export function renderSendButton() {
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
