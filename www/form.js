// Reading the compose form: the recipients as the package cuts them, the schedule's date, the
// message options, and the SendRequest the form states, checked by the package.

import * as sms from '/pkg/compose.js';
import { el } from './elements.js';
import { state } from './state.js';

const { splitPhoneList, validateSendRequest } = sms;

/** The wire fields of the schedule. */
export const SCHEDULE_FIELDS = ['scheduledDeliveryDate', 'time', 'minute'];

/** The person's list as entries, cut as the package cuts it (lines, commas, semicolons). */
export function recipientEntries() {
  return splitPhoneList(el.recipients.value);
}

/** The date as typed (dd/mm/yyyy, SMS Partner's own format): the package checks it. */
export function scheduleDate() {
  return el.date.value.trim();
}

/** The options of the message's analysis: Unicode, the STOP mention, the range. */
export function messageOptions() {
  return {
    isUnicode: el.unicode.checked,
    isStopSms: el.stop.checked,
    gamme: el.gammeLowCost.checked ? 2 : 1,
  };
}

/** The SendRequest as the form states it, with SMS Partner's wire names and no API key. */
export function readRequest(entries) {
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

/**
 * The package's report on the form sent to `entries`, in the page's language, with the
 * destinations the worker allows (`allowedRegions`, undefined until known).
 */
export function checkRequest(entries, allowedRegions) {
  return validateSendRequest(readRequest(entries), {
    requireApiKey: false,
    commercial: el.commercial.checked,
    lang: state.lang,
    allowedRegions,
  });
}
