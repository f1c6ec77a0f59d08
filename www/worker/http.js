// The worker's HTTP pieces: its refusals (every failure is { ok: false, error }), JSON answers,
// and the body read with its size, time and encoding limits.

import { redactValues } from './redact.js';

/** Largest accepted body, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;
/** How long the body may take to arrive when BODY_TIMEOUT_MS is not set. */
const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** A failure answered to the client as { ok: false, error }. */
export class Refusal {
  constructor(status, error, { headers = {}, note = error.code ?? error.kind, extra = {} } = {}) {
    this.status = status;
    this.error = { status: null, code: null, errors: [], ...error };
    this.headers = headers;
    this.note = note;
    this.extra = extra;
  }
}

/** A failure of the client's HTTP request itself (kind "request"). */
export const refuse = (status, code, message, headers) =>
  new Refusal(status, { kind: 'request', message, code }, { headers });

/** Whether `value` is an object and not an array (what JSON bodies and requests must be). */
export const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A whole number of seconds from a var, or `fallback`. */
export function seconds(value, fallback) {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Kinds of refusal made of what the client sent alone. */
export const CLIENT_KINDS = new Set(['request', 'validation']);

/**
 * A JSON answer. With `key`, `value` is what SMS Partner answered and is redacted first
 * (redactValues); without, it is the worker's own or made of what the client sent.
 */
export function json(status, value, key, headers = {}) {
  const shown = key === undefined ? value : redactValues(value, key);
  return new Response(JSON.stringify(shown), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** 422: the request is not valid; `extra` goes beside the error in the body. */
export function validationRefusal(errors, warnings, extra = {}) {
  const count = errors.length;
  const error = {
    kind: 'validation',
    message: `the request is not valid (${count} error${count === 1 ? '' : 's'})`,
    errors,
    mayHaveBeenSent: false,
  };
  return new Refusal(422, error, { note: 'validation', extra: { warnings, ...extra } });
}


/** BODY_TIMEOUT_MS, or the default when it is not a positive whole number. */
function bodyTimeout(env) {
  const ms = Number(env.BODY_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_BODY_TIMEOUT_MS;
}

/** Reads the body as JSON: Content-Type, size (declared and streamed), UTF-8, syntax. */
export async function readJson(request, env, limit = MAX_BODY_BYTES) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw refuse(415, 'unsupported_media_type', 'the body must be JSON, sent with Content-Type: application/json');
  }
  const text = await readText(request, limit, bodyTimeout(env));
  if (text.trim() === '') throw refuse(400, 'invalid_json', 'the body is empty: send { "request": { ... } }');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refuse(400, 'invalid_json', `the body is not valid JSON (${error.message})`);
  }
}

/** Strict UTF-8: a body that is not text is refused, not patched with U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8 text of at most `limit` bytes (declared and streamed), within `timeoutMs`. */
async function readText(request, limit, timeoutMs) {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const bytes =
    declared === null ? await readLimited(request.body, limit, timeoutMs) : await readDeclared(request, limit, timeoutMs);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw refuse(400, 'invalid_json', 'the body is not valid UTF-8');
  }
}

function tooLarge(limit) {
  return refuse(413, 'body_too_large', `the body is larger than ${limit} bytes`);
}

/**
 * A body of a declared length (at most `limit`: the runtime ends the body there) in one read;
 * throws 408 when it has not arrived whole within `timeoutMs`.
 */
async function readDeclared(request, limit, timeoutMs) {
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const read = request.arrayBuffer();
  read.catch(() => {});
  let body;
  try {
    body = await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
  if (body === null) throw refuse(408, 'body_timeout', `the body did not arrive within ${timeoutMs} ms`);
  if (body.byteLength > limit) throw tooLarge(limit);
  return new Uint8Array(body);
}

/**
 * The stream's bytes; throws 413 as soon as more than `limit` arrive (the length header may lie
 * or be absent), and 408 when the whole body has not arrived within `timeoutMs`.
 */
async function readLimited(stream, limit, timeoutMs) {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  let timer;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  for (;;) {
    const next = await Promise.race([reader.read(), deadline]);
    if (next === null) {
      await reader.cancel().catch(() => {});
      throw refuse(408, 'body_timeout', `the body did not arrive within ${timeoutMs} ms`);
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      clearTimeout(timer);
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  clearTimeout(timer);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
