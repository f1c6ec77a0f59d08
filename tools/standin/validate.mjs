// Checks a /v1/send body the way SMS Partner does, in its order, and answers with its codes.
//
// Source: SMS Partner "Envoi unitaire" (docs envoyer-des-sms/envois_smsp1) and its English
// page (control codes 1, 2, 9, 10, 11 and the code 9 body); the wording of the code 9 messages that
// the documentation prints is kept word for word, the others follow the same style.

import { flagOn } from './sms-count.mjs';

/** Documented limit of numbers in one request. */
export const MAX_NUMBERS = 500;

/** Code 52: a concatenated message cannot exceed 10 SMS. */
export const MAX_SMS = 10;

/** SMS Partner's send codes and their meaning (error-code table, the send pages' code 9 and the
 * loose 992), for the answers it gives without per-field errors. */
export const CODE_MESSAGES = Object.freeze({
  1: 'The API Key is required',
  2: 'The phone number is required',
  4: 'Message not found',
  9: 'At least one constraint failed',
  10: 'Wrong API key',
  11: 'Not enough credits',
  13: 'No default price for these numbers',
  14: 'This number is on the STOP list',
  15: 'This number is already in the list',
  20: 'Your account is disabled',
  22: 'A marketing SMS must be sent between 8:00 and 22:00',
  23: 'No marketing SMS on Sundays and public holidays',
  30: 'Your account is blocked',
  40: 'API access denied',
  42: 'A Low Cost SMS is limited to 160 characters',
  43: 'The message is required',
  44: 'The sender is not valid',
  45: 'The date is required',
  46: 'The hour is required',
  47: 'The minute is not valid',
  48: 'The minutes must be between 5 and 55, in steps of 5',
  49: 'The date is not valid',
  50: 'You cannot send to more than 500 numbers',
  51: 'The Low Cost range is not allowed on your account',
  52: 'A concatenated message cannot exceed 10 SMS',
  55: 'No number to send to',
  90: 'Malformed JSON',
  96: 'Your IP address is not allowed',
  500: 'The SMS could not be queued',
  992: 'Sender not allowed',
});


// National French form 0[1-9] + 8 digits; international form `+` or `00` then 8 to 15 digits
// (E.164 allows at most 15 digits; 8 is the shortest national significant number we accept).
const NATIONAL_FR = /^0[1-9]\d{8}$/;
const INTERNATIONAL = /^(?:\+|00)\d{8,15}$/;
const SENDER = /^[A-Za-z0-9]{3,11}$/;
const DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** An absent value: missing, null or the empty string (SMS Partner's forms treat them alike). */
export function isBlank(value) {
  return value === undefined || value === null || value === '';
}

/** A phone number as SMS Partner accepts it, after trimming. */
export function isValidPhoneNumber(number) {
  return NATIONAL_FR.test(number) || INTERNATIONAL.test(number);
}

/** Splits the comma-separated `phoneNumbers` field, trimming spaces around each entry. */
export function splitNumbers(phoneNumbers) {
  return phoneNumbers.split(',').map((n) => n.trim());
}

/** Reads `time`/`minute`: an integer or a string of digits; anything else is NaN. */
function integerField(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : NaN;
  if (typeof value === 'string' && /^\d{1,2}$/.test(value)) return Number(value);
  return NaN;
}

// Wall-clock fields in Europe/Paris (24-hour clock), built once.
const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Wall-clock fields of an instant in Europe/Paris, as numbers. */
export function parisParts(date) {
  return Object.fromEntries(PARIS.formatToParts(date).map((p) => [p.type, Number(p.value)]));
}

/** The UTC instant of a Europe/Paris wall-clock time (two passes settle the DST offset). */
export function parisToInstant(year, month, day, hour, minute) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall;
  for (let pass = 0; pass < 2; pass++) {
    const p = parisParts(new Date(instant));
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    instant = wall - (seen - instant);
  }
  return new Date(instant);
}

/** Today's calendar date in Europe/Paris as a comparable number yyyymmdd. */
function parisDay(date) {
  const p = parisParts(date);
  return p.year * 10000 + p.month * 100 + p.day;
}

/** Checks the schedule fields; pushes errors in the order of SMS Partner's documented example. */
function checkSchedule(body, now, add) {
  const { scheduledDeliveryDate: date, time, minute } = body;
  const hour = integerField(time);
  const min = integerField(minute);
  const hourOk = hour >= 0 && hour <= 23; // page: "format 0-24"; a clock hour is 0–23
  const minOk = min >= 0 && min <= 55 && min % 5 === 0;
  if (!isBlank(date)) {
    const m = typeof date === 'string' ? DATE.exec(date) : null;
    const [d, mo, y] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [];
    const real = m && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (!real) {
      add('scheduledDeliveryDate', 'The date must be a valid date in the format dd/MM/yyyy');
    } else {
      // With hour and minute, compare the instant; without them, the calendar day (the
      // documented message then prints them empty: "The date (21/11/2014 at :) is earlier…").
      const past =
        hourOk && minOk
          ? parisToInstant(y, mo, d, hour, min).getTime() < now.getTime()
          : y * 10000 + mo * 100 + d < parisDay(now);
      if (past) {
        const shown = (v) => (isBlank(v) ? '' : String(v));
        add(
          'scheduledDeliveryDate',
          `The date (${date} at ${shown(time)}:${shown(minute)}) is earlier than the current date.`,
        );
      }
    }
  }
  // Documented order: minute before time.
  if (isBlank(minute)) {
    if (!isBlank(date)) add('minute', 'The minute is required');
  } else if (!minOk) {
    add('minute', 'The minute must be a multiple of 5 between 0 and 55');
  }
  if (isBlank(time)) {
    if (!isBlank(date)) add('time', 'The time is required');
  } else if (!hourOk) {
    add('time', 'The time must be an hour between 0 and 23');
  }
}

/** An http(s) URL. */
function isHttpUrl(value) {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A 0/1 flag: 0, 1, "0", "1" or a boolean (undocumented; PHP forms read `true` as "1"). */
function isFlag(value) {
  return flagOn(value) || value === 0 || value === '0' || value === false;
}

/** The code 9 checks: every failed constraint, as `{ elementId, message }`. */
export function constraintErrors(body, now) {
  const errors = [];
  const add = (field, message) => errors.push({ elementId: `children[${field}].data`, message });

  const { message, phoneNumbers, gamme, sender, tag } = body;
  if (isBlank(message)) add('message', 'The message is required');
  else if (typeof message !== 'string') add('message', 'The message must be a string');

  if (typeof phoneNumbers !== 'string') {
    add('phoneNumbers', 'The phone numbers must be a string of numbers separated by commas');
  } else {
    const numbers = splitNumbers(phoneNumbers);
    for (const n of numbers) {
      if (!isValidPhoneNumber(n)) add('phoneNumbers', `This phone number is not valid (${n})`);
    }
    if (numbers.length > MAX_NUMBERS) {
      add('phoneNumbers', `You cannot send to more than ${MAX_NUMBERS} phone numbers in one request`);
    }
  }

  if (!isBlank(gamme) && gamme !== 1 && gamme !== 2 && gamme !== '1' && gamme !== '2') {
    add('gamme', 'The gamme must be 1 (premium) or 2 (low cost)');
  }

  // An empty sender is allowed: an operator shortcode (36xxx) is then used.
  if (!isBlank(sender)) {
    if (typeof sender !== 'string') add('sender', 'The sender must be a string');
    else if (sender.length > 11) add('sender', 'The sender cannot be longer than 11 characters');
    else if (sender.length < 3) add('sender', 'The sender must be at least 3 characters long');
    else if (!SENDER.test(sender)) add('sender', 'The sender can only contain letters and digits');
  }

  if (!isBlank(tag)) {
    if (typeof tag !== 'string') add('tag', 'The tag must be a string');
    else {
      // Characters, not UTF-16 units: SMS Partner's PHP counts with mb_strlen.
      if ([...tag].length > 20) add('tag', 'The tag cannot be longer than 20 characters');
      if (/\s/.test(tag)) add('tag', 'The tag cannot contain spaces');
      // SMS Partner's current page: "lowercase only".
      if (tag !== tag.toLowerCase()) add('tag', 'The tag must be lowercase');
    }
  }

  checkSchedule(body, now, add);

  for (const field of ['urlResponse', 'urlDlr']) {
    if (!isBlank(body[field]) && !isHttpUrl(body[field])) add(field, 'This value is not a valid URL.');
  }
  for (const field of ['isStopSms', 'isUnicode', 'sandbox']) {
    if (!isBlank(body[field]) && !isFlag(body[field])) add(field, `The ${field} value must be 0 or 1`);
  }
  // The real API also speaks XML; the stand-in answers JSON only and says so.
  if (!isBlank(body._format) && body._format !== 'json') {
    add('_format', 'Only the json format is supported');
  }
  return errors;
}

/**
 * The checks of /v1/send before billing, in SMS Partner's order: apiKey present (1), apiKey known
 * (10), phoneNumbers present (2), every constraint (9), then the rules of its error table: a low-
 * cost message of one SMS (42), at most 10 SMS (52), no number on the STOP list (14). Returns null
 * when the body passes, else `{ status, body }`. `smsCount` counts the message; `isStopped` tells
 * whether a number (as given) is on the STOP list.
 */
export function checkSend(body, { isKnownKey, now, smsCount, isStopped = () => false }) {
  if (isBlank(body.apiKey)) return apiError(1);
  if (!isKnownKey(body.apiKey)) return apiError(10);
  if (isBlank(body.phoneNumbers)) return apiError(2);
  const errors = constraintErrors(body, now);
  if (errors.length > 0) return { status: 400, body: { success: false, code: 9, errors } };
  const count = smsCount(body);
  if (Number(body.gamme) === 2 && count > 1) return apiError(42);
  if (count > MAX_SMS) return apiError(52);
  if (splitNumbers(body.phoneNumbers).some(isStopped)) return apiError(14);
  return null;
}

/** HTTP status of each API error code (undocumented: our choice, see the README). */
const STATUS_OF_CODE = { 10: 401, 11: 402, 20: 403, 30: 403, 40: 403, 96: 403, 500: 500 };

/** An SMS Partner error answer without per-field details; `message` defaults to the table's. */
export function apiError(code, message = CODE_MESSAGES[code] ?? 'Error') {
  return { status: STATUS_OF_CODE[code] ?? 400, body: { success: false, code, message } };
}
