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
//   ALLOWED_HOSTS        var, optional: comma-separated host names (or host:port) the worker
//                        answers for; any other Host header gets 421 (against DNS rebinding)
//   BODY_TIMEOUT_MS      var, optional: how long the body may take to arrive (default 10000)
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
//                     408 body_timeout, 413 body_too_large, 415 unsupported_media_type,
//                     421 host_not_allowed
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
// Campaigns (POST /api/campaigns, GET /api/campaigns/:id, POST /api/campaigns/:id/stop): see
// campaigns.js; their chunks are sent by the queue consumer of consumer.js, recorded in the
// Durable Objects of ledger.js and stop-list.js (bindings CAMPAIGNS, STOP_LIST, CAMPAIGN_CHUNKS;
// wrangler.toml). A STOP received on /webhooks/replies goes on that STOP list.
//
// CORS: an Origin listed in ALLOWED_ORIGINS gets Access-Control-Allow-Origin and its preflight
// answered; any other Origin gets no CORS header and a 403, on the preflight and on the request.
// The Host header is never taken for the worker's own origin (a rebound DNS name would pass).
// Requests without Origin (servers, curl) pass.
// The key: what SMS Partner answers is redacted value by value with the core's rule
// (redactApiKey) before it is serialized; what the client sent (the validation report, the
// warnings) is never redacted, so that where "[redacted]" appears tells nothing of the key.
// One log line per request: method, path, status, duration, and a key-free note on failures.

import wasm from '../../pkg/smspartner_wasm_bg.wasm';
import { initSync, redactApiKey, SmsPartnerClient, smsPartnerCode, validateSendRequest } from '../../pkg/index.js';
import { sendFailure } from './upstream.js';
import { lifecycleRoutes } from './lifecycle.js';
import { campaignRoute, recordReply } from './campaigns.js';
import { consumeChunks } from './consumer.js';

export { CampaignLedger } from './ledger.js';
export { StopList } from './stop-list.js';

// Once per isolate: the module is compiled by the runtime, instantiated here synchronously.
initSync({ module: wasm });

/** Largest accepted body, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;

const METHODS = 'POST, OPTIONS';
const PREFLIGHT_MAX_AGE = '600';
/** Shorter secrets are not searched for in answers and logs: blanking a few characters would mangle them. */
const MIN_REDACTED_LENGTH = 6;
/** How long the body may take to arrive when BODY_TIMEOUT_MS is not set. */
const DEFAULT_BODY_TIMEOUT_MS = 10_000;

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
  ...lifecycleRoutes({
    Refusal,
    json,
    withClient,
    applySandbox,
    isPlainObject: (value) => isPlainObject(value),
    onReply: (reply, env, request) => recordReply(reply, env, request, SHARED),
  }),
});

/** A failure of the client's HTTP request itself (kind "request"). */
const refuse = (status, code, message, headers) =>
  new Refusal(status, { kind: 'request', message, code }, { headers });

export default {
  async fetch(request, env) {
    const started = Date.now();
    const url = new URL(request.url);
    const key = typeof env.SMSPARTNER_API_KEY === 'string' ? env.SMSPARTNER_API_KEY : '';
    const cors = corsOf(request, env);
    let response;
    let note = '';
    try {
      response = await route(request, env, url, cors);
    } catch (thrown) {
      const refusal =
        thrown instanceof Refusal
          ? thrown
          : new Refusal(500, { kind: 'internal', message: 'internal error' }, { note: `internal=${thrown?.name}` });
      note = refusal.note;
      // What SMS Partner said is redacted; a refusal of the worker's own or a validation is made
      // of what the client sent, never redacted (where "[redacted]" appears would tell the key).
      const error = CLIENT_KINDS.has(refusal.error.kind) ? refusal.error : redactValues(refusal.error, key);
      response = json(refusal.status, { ok: false, error, ...refusal.extra }, undefined, refusal.headers);
    }
    const out = withCors(response, cors);
    logLine(request.method, url.pathname, out.status, Date.now() - started, redactNote(note, key), key);
    return out;
  },

  /** Campaign chunks, one SMS Partner call each. */
  async queue(batch, env) {
    await consumeChunks(batch, env, SHARED);
  },
};

/**
 * The answer with `Vary: Origin`, and the allowed Origin when it has none: its own headers when
 * they may be changed (the worker's answers), else a copy (an answer fetched as it is).
 */
function withCors(response, cors) {
  let out = response;
  try {
    addCors(out.headers, cors);
  } catch {
    out = new Response(response.body, { status: response.status, headers: new Headers(response.headers) });
    addCors(out.headers, cors);
  }
  return out;
}

/** Adds `Vary: Origin`, and the allowed Origin unless the answer names one already. */
function addCors(headers, cors) {
  headers.append('vary', 'Origin');
  if (cors.allowed && !headers.has('access-control-allow-origin')) {
    headers.set('access-control-allow-origin', cors.origin);
  }
}

/** Dispatches by path and method; throws a Refusal for what it will not serve. */
async function route(request, env, url, cors) {
  if (!hostAllowed(url, env)) {
    throw refuse(421, 'host_not_allowed', 'this worker does not answer for this host name');
  }
  const campaign = campaignRoute(url.pathname);
  if (campaign !== null) return routeCampaign(campaign, request, env, url, cors);
  const target = Object.hasOwn(ALL_ROUTES, url.pathname) ? ALL_ROUTES[url.pathname] : null;
  if (target === null) throw refuse(404, 'not_found', 'no such route: use POST /api/validate or POST /api/send');
  const method = target.method ?? 'POST';
  if (request.method === 'OPTIONS') return preflight(cors, `${method}, OPTIONS`);
  if (request.method !== method) {
    throw refuse(405, 'method_not_allowed', `${url.pathname} only accepts ${method}`, { allow: `${method}, OPTIONS` });
  }
  if (cors.origin !== null && !cors.allowed) throw originRefused();
  if (target.raw) return target.handle(request, env);
  if (method === 'GET') return target.handle({}, env);
  const body = await readJson(request, env);
  const envelope = readEnvelope(body, target.options);
  return target.handle(envelope, env);
}

/** A campaign route: its own methods, the same CORS rule. */
function routeCampaign(campaign, request, env, url, cors) {
  if (request.method === 'OPTIONS') return preflight(cors, campaign.methods);
  if (!campaign.methods.split(', ').includes(request.method)) {
    throw refuse(405, 'method_not_allowed', `${url.pathname} accepts ${campaign.methods}`, { allow: campaign.methods });
  }
  if (cors.origin !== null && !cors.allowed) throw originRefused();
  return campaign.serve(request, env, url, SHARED);
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
function corsOf(request, env) {
  const origin = request.headers.get('origin');
  if (origin === null) return { origin, allowed: false };
  return { origin, allowed: listed(env.ALLOWED_ORIGINS).has(origin) };
}

/** The sets `listed` made, by binding text: the bindings stay the same for an isolate's life. */
const LISTS = new Map();
const MAX_LISTS = 16;

/** A comma-separated binding as a set; entries are trimmed and lose a trailing slash. */
function listed(binding) {
  const list = typeof binding === 'string' ? binding : '';
  let set = LISTS.get(list);
  if (set === undefined) {
    set = new Set(
      list
        .split(',')
        .map((entry) => entry.trim().replace(/\/$/, ''))
        .filter((entry) => entry !== ''),
    );
    if (LISTS.size >= MAX_LISTS) LISTS.clear();
    LISTS.set(list, set);
  }
  return set;
}

/** Whether the Host is one of ALLOWED_HOSTS (a name alone allows any port); any host without it. */
function hostAllowed(url, env) {
  const hosts = listed(typeof env.ALLOWED_HOSTS === 'string' ? env.ALLOWED_HOSTS.toLowerCase() : '');
  return hosts.size === 0 || hosts.has(url.host) || hosts.has(url.hostname);
}

/** BODY_TIMEOUT_MS, or the default when it is not a positive whole number. */
function bodyTimeout(env) {
  const ms = Number(env.BODY_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_BODY_TIMEOUT_MS;
}

/** Reads the body as JSON: Content-Type, size (declared and streamed), UTF-8, syntax. */
async function readJson(request, env, limit = MAX_BODY_BYTES) {
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

/** POST /api/validate: the report, whatever it says; made of what the client sent, never redacted. */
function handleValidate({ request, options }, env) {
  const report = validateSendRequest(applySandbox(request, env), { ...options, requireApiKey: false });
  return json(200, report);
}

/**
 * The isolate's client, made by the first call that needs one and again only when the key or
 * the settings change; the one it replaces is freed by the package's finalizer once unused.
 */
let cachedClient = null;

/** Runs `use(client)` with a client holding the worker's key and settings. */
async function withClient(env, use) {
  const key = env.SMSPARTNER_API_KEY;
  if (typeof key !== 'string' || key === '') {
    throw new Refusal(500, { kind: 'config', message: 'the worker has no SMSPARTNER_API_KEY secret' });
  }
  const { baseUrl, timeoutMs } = clientSettings(env);
  const cached = cachedClient;
  if (cached === null || cached.key !== key || cached.baseUrl !== baseUrl || cached.timeoutMs !== timeoutMs) {
    let client;
    try {
      client = new SmsPartnerClient({ apiKey: key, baseUrl, timeoutMs });
    } catch {
      throw new Refusal(500, { kind: 'config', message: "the worker's SMS Partner settings are not valid" }, { note: 'config=client' });
    }
    cachedClient = { key, baseUrl, timeoutMs, client };
  }
  return use(cachedClient.client);
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
  if (!report.valid) throw validationRefusal(report.errors, report.warnings);
  return withClient(env, async (client) => {
    try {
      // The result is SMS Partner's, the warnings the client's own: only the first is redacted.
      const result = redactValues(await client.send(request, options), key);
      const body = { ok: true, result, warnings: report.warnings, sandbox: report.request?.sandbox === 1 };
      return json(200, body);
    } catch (failure) {
      const { status, error, note } = sendFailure(failure, smsPartnerCode);
      throw new Refusal(status, error, { note });
    }
  });
}

/** 422: the request is not valid; `extra` goes beside the error in the body. */
function validationRefusal(errors, warnings, extra = {}) {
  const count = errors.length;
  const error = {
    kind: 'validation',
    message: `the request is not valid (${count} error${count === 1 ? '' : 's'})`,
    errors,
    mayHaveBeenSent: false,
  };
  return new Refusal(422, error, { note: 'validation', extra: { warnings, ...extra } });
}

/** What the campaign routes and the queue consumer share with the routes above. */
const SHARED = Object.freeze({
  refuse,
  readJson,
  json,
  applySandbox,
  validationRefusal,
  withClient,
  log: (line) => console.log(`worker ${line}`),
});

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

/** Kinds of refusal made of what the client sent alone. */
const CLIENT_KINDS = new Set(['request', 'validation']);

/**
 * A JSON answer. With `key`, `value` is what SMS Partner answered and is redacted first
 * (redactValues); without, it is the worker's own or made of what the client sent.
 */
function json(status, value, key, headers = {}) {
  const shown = key === undefined ? value : redactValues(value, key);
  return new Response(JSON.stringify(shown), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

const redacting = (key) => typeof key === 'string' && key.length >= MIN_REDACTED_LENGTH;

/**
 * redactApiKey's answers for short texts, kept for the key they were given with: the same
 * texts come back on every request (a route's path, a currency, a code, a log note), and the
 * answer is a function of the text and the key alone.
 */
const REMEMBERED = { key: null, texts: new Map() };
const MAX_REMEMBERED = 512;
const MAX_REMEMBERED_LENGTH = 64;

/** `redactApiKey(text, key)`, from REMEMBERED when it is there. */
function redactText(text, key) {
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
function redactValues(value, key, depth = 0) {
  if (!redacting(key)) return value;
  if (typeof value === 'string') return redactText(value, key);
  if (typeof value === 'number') return redactText(String(value), key) === String(value) ? value : null;
  if (value === null || typeof value !== 'object' || depth > 32) return typeof value === 'object' ? null : value;
  if (Array.isArray(value)) return value.map((item) => redactValues(item, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redactValues(item, key, depth + 1)]));
}

/** The log note (which may quote SMS Partner's code) without the key. */
function redactNote(note, key) {
  return note !== '' && redacting(key) && redactText(note, key) !== note ? '[note hidden]' : note;
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
  if (redacting(key) && (redactText(path, key) !== path || redactText(decoded, key) !== decoded)) return '[path hidden]';
  return path.length > 80 ? `${path.slice(0, 80)}…` : path;
}
