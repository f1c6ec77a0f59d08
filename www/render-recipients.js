// The recipients' read-out: how many numbers are valid, invalid or cannot receive an SMS, each
// invalid one with its reason, the duplicates, and the one click that removes what cannot be sent.

import * as sms from '/pkg/compose.js';
import { t } from './i18n.js';
import { escapeHtml } from './message-view.js';
import { el } from './elements.js';
import { state } from './state.js';
import { recipientEntries } from './form.js';

const { parsePhoneNumbers } = sms;

/** At most this many invalid numbers are listed one by one; the rest are counted. */
const MAX_LISTED_INVALID = 50;

/**
 * The read-out of the recipients `entries`, checked against the destinations the worker allows
 * (`allowedRegions`); recomputed only when the entries or the language changed.
 */
export function renderRecipients(entries, allowedRegions) {
  const key = `${state.lang}\u0000${entries.join('\u0000')}`;
  if (key === state.recipientsKey) return;
  state.recipientsKey = key;
  const { lang } = state;
  const report = parsePhoneNumbers(entries, { lang, allowedRegions });
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
export function removeInvalidNumbers() {
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
