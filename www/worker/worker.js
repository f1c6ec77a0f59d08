// An edge worker (Cloudflare module syntax) that checks and sends SMS through SMS Partner for a
// web page, keeping the API key on the server.
//
// Bindings:
//   SMSPARTNER_API_KEY   secret: the SMS Partner key; never read from a request, never answered
//   SMSPARTNER_BASE_URL  var: the API address (default https://api.smspartner.fr)
//   ALLOWED_ORIGINS      var: comma-separated origins that may call the worker from a browser
//   FORCE_SANDBOX        var: "1" adds sandbox: 1 to every request (nothing is delivered or billed)
//   SEND_TIMEOUT_MS      var, optional: how long a send waits for SMS Partner (default: the
//                        client's, 30000)
//
// Routes (both POST, body Content-Type: application/json, at most 64 KiB):
//   POST /api/validate  body { request, options? }
//     200 with the ValidationReport of validateSendRequest(request, { ...options,
//     requireApiKey: false }), valid or not. options: commercial, lang, now.
//   POST /api/send      body { request, options? }
//     200 { ok: true, result, warnings, sandbox }: SMS Partner accepted the send. options:
//     commercial, lang (the worker's clock decides what "now" is).
//   The calls after the send (/api/bulk, /api/status, /api/cancel, /api/credits, /api/replies,
//   /webhooks/replies) are described in lifecycle.js.
//
// `request` is a SendRequest with SMS Partner's wire names, without apiKey.
// Every failure answers { ok: false, error: { kind, message, status, code, errors, ... } }:
//   kind "request"    400 invalid_json, body_invalid, options_invalid, option_not_accepted,
//                         api_key_not_accepted (a request or body carrying apiKey)
//                     403 origin_not_allowed, 404 not_found, 405 method_not_allowed (+ Allow),
//                     413 body_too_large, 415 unsupported_media_type
//   kind "validation" 422 with the per-field errors (and the warnings) of the report
//   kind "api"        SMS Partner refused, with its code, `reason` and `field` (smsPartnerCode):
//                     what the request's author can fix (2, 9, 14, 42–52, 992…) → 422, code 11
//                     → 402, SMS Partner's own failures (4, 90, 500) and unknown codes → 502
//   kind "config"     500: no SMSPARTNER_API_KEY secret, bad settings, or SMS Partner refused the
//                     key or the account (codes 1, 10, 13, 20, 30, 40, 96, reported without details)
//   kind "http"       502 unexpected answer (status, body), 503 when SMS Partner answered 429
//   kind "network"    502, kind "timeout" 504, kind "internal" 500 (anything unexpected)
// `error.status` and `error.code` are SMS Partner's HTTP status and code when it answered, else
// null (kind "request" carries the worker's own snake_case code). For sends, `mayHaveBeenSent`
// says whether the message may have left despite the error: the worker never resends.
//
// CORS: an Origin listed in ALLOWED_ORIGINS (or the worker's own) gets
// Access-Control-Allow-Origin and its preflight answered; any other Origin gets no CORS header
// and a 403, on the preflight and on the request. Requests without Origin (servers, curl) pass.
// One log line per request: method, path, status, duration, and a key-free note on failures.

import wasm from '../../pkg/smspartner_wasm_bg.wasm';
import { initSync, SmsPartnerClient, smsPartnerCode, validateSendRequest } from '../../pkg/index.js';
import { sendFailure } from './upstream.js';
import { lifecycleRoutes } from './lifecycle.js';

// Once per isolate: the module is compiled by the runtime, instantiated here synchronously.
initSync({ module: wasm });

/** Largest accepted body, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;

const METHODS = 'POST, OPTIONS';
const PREFLIGHT_MAX_AGE = '600';
/** Shorter secrets are not searched for in answers and logs: blanking a few characters would mangle them. */
const MIN_REDACTED_LENGTH = 6;

/** Option names a client may give, per route. `now` is refused on sends: the worker's clock rules. */
const ROUTES = Object.freeze({
  '/api/validate': { handle: handleValidate, options: ['commercial', 'lang', 'now'] },
  '/api/send': { handle: handleSend, options: ['commercial', 'lang'] },
});

/** A failure answered to the client as { ok: false, error }. */
class Refusal {
  constructor(status, error, { headers = {}, note = error.code ?? error.kind, extra = {} } = {}) {
    this.status = status;
    this.error = { status: null, code: null, errors: [], ...error };
    this.headers = headers;
    this.note = note;
    this.extra = extra;
  }
}

/** Every route: the send's above, then those after the send (lifecycle.js). */
const ALL_ROUTES = Object.freeze({
  ...ROUTES,
  ...lifecycleRoutes({ Refusal, json, withClient, applySandbox, isPlainObject: (value) => isPlainObject(value) }),
});

/** A failure of the client's HTTP request itself (kind "request"). */
const refuse = (status, code, message, headers) =>
  new Refusal(status, { kind: 'request', message, code }, { headers });

export default {
  async fetch(request, env) {
    const started = Date.now();
    const url = new URL(request.url);
    const key = typeof env.SMSPARTNER_API_KEY === 'string' ? env.SMSPARTNER_API_KEY : '';
    let response;
    let note = '';
    try {
      response = await route(request, env, url);
    } catch (thrown) {
      const refusal =
        thrown instanceof Refusal
          ? thrown
          : new Refusal(500, { kind: 'internal', message: 'internal error' }, { note: `internal=${thrown?.name}` });
      note = refusal.note;
      response = json(refusal.status, { ok: false, error: refusal.error, ...refusal.extra }, key, refusal.headers);
    }
    const cors = corsOf(request, env, url);
    const headers = new Headers(response.headers);
    headers.append('vary', 'Origin');
    if (cors.allowed && !headers.has('access-control-allow-origin')) {
      headers.set('access-control-allow-origin', cors.origin);
    }
    const out = new Response(response.body, { status: response.status, headers });
    logLine(request.method, url.pathname, out.status, Date.now() - started, note, key);
    return out;
  },
};

/** Dispatches by path and method; throws a Refusal for what it will not serve. */
async function route(request, env, url) {
  const target = Object.hasOwn(ALL_ROUTES, url.pathname) ? ALL_ROUTES[url.pathname] : null;
  if (target === null) throw refuse(404, 'not_found', 'no such route: use POST /api/validate or POST /api/send');
  const cors = corsOf(request, env, url);
  const method = target.method ?? 'POST';
  if (request.method === 'OPTIONS') return preflight(cors, `${method}, OPTIONS`);
  if (request.method !== method) {
    throw refuse(405, 'method_not_allowed', `${url.pathname} only accepts ${method}`, { allow: `${method}, OPTIONS` });
  }
  if (cors.origin !== null && !cors.allowed) throw originRefused();
  if (target.raw) return target.handle(request, env);
  if (method === 'GET') return target.handle({}, env);
  const body = await readJson(request);
  const envelope = readEnvelope(body, target.options);
  return target.handle(envelope, env);
}

function originRefused() {
  return refuse(403, 'origin_not_allowed', 'this origin may not call the worker');
}

/** Answers a CORS preflight (or a plain OPTIONS without Origin). */
function preflight(cors, methods = METHODS) {
  if (cors.origin === null) return new Response(null, { status: 204, headers: { allow: methods } });
  if (!cors.allowed) throw originRefused();
  const headers = {
    allow: methods,
    'access-control-allow-origin': cors.origin,
    'access-control-allow-methods': methods,
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': PREFLIGHT_MAX_AGE,
  };
  return new Response(null, { status: 204, headers });
}

/** `{ origin, allowed }`: the request's Origin (or null) and whether it may read the answer. */
function corsOf(request, env, url) {
  const origin = request.headers.get('origin');
  if (origin === null) return { origin, allowed: false };
  return { origin, allowed: origin === url.origin || allowedOrigins(env).has(origin) };
}

/** ALLOWED_ORIGINS as a set; entries are trimmed and lose a trailing slash. */
function allowedOrigins(env) {
  const list = typeof env.ALLOWED_ORIGINS === 'string' ? env.ALLOWED_ORIGINS : '';
  return new Set(
    list
      .split(',')
      .map((entry) => entry.trim().replace(/\/$/, ''))
      .filter((entry) => entry !== ''),
  );
}

/** Reads the body as JSON: Content-Type, size (declared and streamed), UTF-8, syntax. */
async function readJson(request) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw refuse(415, 'unsupported_media_type', 'the body must be JSON, sent with Content-Type: application/json');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readLimited(request.body, MAX_BODY_BYTES);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(400, 'invalid_json', 'the body is not valid UTF-8');
  }
  if (text.trim() === '') throw refuse(400, 'invalid_json', 'the body is empty: send { "request": { ... } }');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw refuse(400, 'invalid_json', `the body is not valid JSON (${error.message})`);
  }
}

function tooLarge() {
  return refuse(413, 'body_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
}

/** The stream's bytes; throws 413 as soon as more than `limit` arrive (the length header may lie or be absent). */
async function readLimited(stream, limit) {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks `{ request, options? }`; refuses any apiKey in it. */
function readEnvelope(body, allowedOptions) {
  if (!isPlainObject(body)) {
    throw refuse(400, 'body_invalid', 'the body must be a JSON object { "request": { ... }, "options": { ... } }');
  }
  if (Object.hasOwn(body, 'apiKey') || (isPlainObject(body.request) && Object.hasOwn(body.request, 'apiKey'))) {
    throw refuse(400, 'api_key_not_accepted', 'leave apiKey out: the worker sends with its own key');
  }
  for (const name of Object.keys(body)) {
    if (name !== 'request' && name !== 'options') {
      throw refuse(400, 'body_invalid', `unknown property "${name}" in the body: only "request" and "options" are read`);
    }
  }
  if (!Object.hasOwn(body, 'request')) {
    throw refuse(400, 'body_invalid', 'the body has no "request": send { "request": { ... } }');
  }
  const options = body.options ?? {};
  if (!isPlainObject(options)) throw refuse(400, 'options_invalid', '"options" must be an object');
  for (const name of Object.keys(options)) {
    if (!allowedOptions.includes(name)) {
      throw refuse(400, 'option_not_accepted', `options.${name} is not accepted here (accepted: ${allowedOptions.join(', ')})`);
    }
  }
  return { request: body.request, options };
}

/** The request with sandbox: 1 when the worker forces the sandbox. */
function applySandbox(request, env) {
  return forcedSandbox(env) && isPlainObject(request) ? { ...request, sandbox: 1 } : request;
}

const forcedSandbox = (env) => env.FORCE_SANDBOX === '1' || env.FORCE_SANDBOX === 1 || env.FORCE_SANDBOX === true;

/** POST /api/validate: the report, whatever it says. */
function handleValidate({ request, options }, env) {
  const report = validateSendRequest(applySandbox(request, env), { ...options, requireApiKey: false });
  return json(200, report, env.SMSPARTNER_API_KEY);
}

/** Runs `use(client)` with a client holding the worker's key and settings, freed after. */
async function withClient(env, use) {
  const key = env.SMSPARTNER_API_KEY;
  if (typeof key !== 'string' || key === '') {
    throw new Refusal(500, { kind: 'config', message: 'the worker has no SMSPARTNER_API_KEY secret' });
  }
  const settings = clientSettings(env);
  let client;
  try {
    client = new SmsPartnerClient({ apiKey: key, ...settings });
  } catch {
    throw new Refusal(500, { kind: 'config', message: "the worker's SMS Partner settings are not valid" }, { note: 'config=client' });
  }
  try {
    return await use(client);
  } finally {
    client.free();
  }
}

/** POST /api/send: validate, then one send through the client. */
async function handleSend({ request: given, options }, env) {
  const key = env.SMSPARTNER_API_KEY;
  if (typeof key !== 'string' || key === '') {
    throw new Refusal(500, { kind: 'config', message: 'the worker has no SMSPARTNER_API_KEY secret' });
  }
  clientSettings(env);
  const request = applySandbox(given, env);
  const report = validateSendRequest(request, { ...options, requireApiKey: false });
  if (!report.valid) {
    const count = report.errors.length;
    const error = {
      kind: 'validation',
      message: `the request is not valid (${count} error${count === 1 ? '' : 's'})`,
      errors: report.errors,
      mayHaveBeenSent: false,
    };
    throw new Refusal(422, error, { note: 'validation', extra: { warnings: report.warnings } });
  }
  return withClient(env, async (client) => {
    try {
      const result = await client.send(request, options);
      const body = { ok: true, result, warnings: report.warnings, sandbox: report.request?.sandbox === 1 };
      return json(200, body, key);
    } catch (failure) {
      const { status, error, note } = sendFailure(failure, smsPartnerCode);
      throw new Refusal(status, error, { note });
    }
  });
}

/**
 * `{ baseUrl?, timeoutMs? }` from the bindings (the client's own defaults otherwise); a bad
 * SEND_TIMEOUT_MS is a configuration error.
 */
function clientSettings(env) {
  const given = typeof env.SMSPARTNER_BASE_URL === 'string' ? env.SMSPARTNER_BASE_URL.trim() : '';
  const baseUrl = given === '' ? undefined : given;
  const raw = env.SEND_TIMEOUT_MS;
  if (raw === undefined || raw === null || raw === '') return { baseUrl };
  const timeoutMs = Number(raw);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Refusal(500, { kind: 'config', message: 'SEND_TIMEOUT_MS must be a positive whole number of milliseconds' }, { note: 'config=timeout' });
  }
  return { baseUrl, timeoutMs };
}

/** A JSON answer; the key, should it ever slip into a body, is blanked out. */
function json(status, value, key, headers = {}) {
  const text = redact(JSON.stringify(value), key);
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** The text with every occurrence of the key blanked out. */
function redact(text, key) {
  return typeof key === 'string' && key.length >= MIN_REDACTED_LENGTH ? text.split(key).join('[redacted]') : text;
}

/** The one log line of a request; never the query string, never a body, never the key. */
function logLine(method, path, status, ms, note, key) {
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
  if (key.length >= MIN_REDACTED_LENGTH && (path.includes(key) || decoded.includes(key))) return '[path hidden]';
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}
