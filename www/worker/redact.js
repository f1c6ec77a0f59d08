// The API key kept out of what the worker answers and logs: every string of SMS Partner's
// answers redacted with the core's rule (redactApiKey), log notes and paths hidden when they
// hold it.

import { redactApiKey } from 'smspartner-wasm';

/** Shorter secrets are not searched for in answers and logs: blanking a few characters would mangle them. */
const MIN_REDACTED_LENGTH = 6;

export const redacting = (key) => typeof key === 'string' && key.length >= MIN_REDACTED_LENGTH;

/**
 * redactApiKey's answers for short texts, kept for the key they were given with: the same
 * texts come back on every request (a route's path, a currency, a code, a log note), and the
 * answer is a function of the text and the key alone.
 */
const REMEMBERED = { key: null, texts: new Map() };
const MAX_REMEMBERED = 512;
const MAX_REMEMBERED_LENGTH = 64;

/** `redactApiKey(text, key)`, from REMEMBERED when it is there. */
export function redactText(text, key) {
  if (text.length > MAX_REMEMBERED_LENGTH) return redactApiKey(text, key);
  if (REMEMBERED.key !== key) {
    REMEMBERED.key = key;
    REMEMBERED.texts.clear();
  }
  let redacted = REMEMBERED.texts.get(text);
  if (redacted === undefined) {
    redacted = redactApiKey(text, key);
    if (REMEMBERED.texts.size >= MAX_REMEMBERED) REMEMBERED.texts.clear();
    REMEMBERED.texts.set(text, redacted);
  }
  return redacted;
}

/**
 * A copy of what SMS Partner answered (a result, an error) with the key taken out of every
 * string by the core's rule (redactApiKey), and every number that spells it made null; the
 * property names, the worker's own, are left alone.
 */
export function redactValues(value, key, depth = 0) {
  if (!redacting(key)) return value;
  if (typeof value === 'string') return redactText(value, key);
  if (typeof value === 'number') return redactText(String(value), key) === String(value) ? value : null;
  if (value === null || typeof value !== 'object' || depth > 32) return typeof value === 'object' ? null : value;
  if (Array.isArray(value)) return value.map((item) => redactValues(item, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactValues(item, key, depth + 1)]));
}

/** The log note (which may quote SMS Partner's code) without the key. */
export function redactNote(note, key) {
  return note !== '' && redacting(key) && redactText(note, key) !== note ? '[note hidden]' : note;
}

/** The one log line of a request; never the query string, never a body, never the key. */
export function logLine(method, path, status, ms, note, key) {
  console.log(`worker ${method} ${loggablePath(path, key)} ${status} ${ms}ms${note ? ` ${note}` : ''}`);
}

/** The path for the log: hidden when it holds the key (raw or percent-encoded), else cut at 80 characters. */
function loggablePath(path, key) {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: the raw path is checked alone.
  }
  if (redacting(key) && (redactText(path, key) !== path || redactText(decoded, key) !== decoded)) return '[path hidden]';
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}
