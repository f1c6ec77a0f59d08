// An edge worker (Cloudflare module syntax) that checks and sends SMS through SMS Partner for a
// web page, keeping the API key on the server and letting through only the callers Cloudflare
// Access signed in.
//
// Bindings:
//   SMSPARTNER_API_KEY   secret: the SMS Partner key; never read from a request, never answered
//   SMSPARTNER_BASE_URL  var: the API address (default https://api.smspartner.fr)
//   ACCESS_TEAM_DOMAIN, ACCESS_AUD  vars: the Cloudflare Access application every caller comes
//                        through (access.js); without them the worker answers 500 `config` to
//                        everything, unless ALLOW_UNAUTHENTICATED = "sandbox-only" (local trials:
//                        anyone passes, every call in sandbox mode)
//   ALLOWED_COUNTRIES    var: comma-separated region codes numbers may be sent to (default: the
//                        package's defaultAllowedRegions(), metropolitan France and overseas)
//   DAILY_SMS_LIMIT_PER_CALLER, DAILY_SMS_LIMIT  vars: SMS a day per caller and for the account
//                        (quota.js; defaults 2,000 and 10,000)
//   CALLER_RATE_LIMIT    the Workers rate-limiting binding (wrangler.toml): requests a minute per caller
//   SEND_QUOTA           the Durable Object counting the day's SMS (quota.js)
//   ALLOWED_ORIGINS      var: comma-separated origins that may call the worker from a browser
//   FORCE_SANDBOX        var: "1" adds sandbox: 1 to every request (nothing is delivered or billed)
//   SEND_TIMEOUT_MS      var, optional: how long a send waits for SMS Partner (default: the
//                        client's, 30000)
//   ALLOWED_HOSTS        var, optional: comma-separated host names (or host:port) the worker
//                        answers for; any other Host header gets 421 (against DNS rebinding)
//   BODY_TIMEOUT_MS      var, optional: how long the body may take to arrive (default 10000)
//   REPLY_WEBHOOK_TOKEN  secret, optional: the token SMS Partner's webhooks carry (?token=);
//                        without it the webhook routes do not exist (404)
//
// Every route but OPTIONS and the webhooks needs a valid Cf-Access-Jwt-Assertion (access.js):
//   401 auth_required / auth_invalid, 503 auth_unavailable, 429 rate_limited (Retry-After).
//
// Routes (POST bodies: Content-Type application/json, at most 64 KiB):
//   GET  /api/session   200 { ok, caller: { identity, kind }, sandbox, allowedRegions,
//                       limits, left, resetsIn }: who is signed in and what is left of the day
//   POST /api/validate  body { request, options? }
//     200 with the ValidationReport of validateSendRequest(request, { ...options,
//     allowedRegions, requireApiKey: false }), valid or not. options: commercial, lang, now.
//   POST /api/send      body { request, options? }
//     200 { ok: true, result, warnings, sandbox }: SMS Partner accepted the send. options:
//     commercial, lang (the worker's clock decides what "now" is).
//     429 limit_reached { limit: { scope, needed, left, limits, retryAfter } } (Retry-After):
//     the day's SMS would pass the caller's or the account's limit; nothing was sent.
//   The calls after the send (/api/bulk, /api/status, /api/cancel, /api/credits, /api/replies,
//   /webhooks/replies, /webhooks/dlr) are described in lifecycle.js.
//
// `request` is a SendRequest with SMS Partner's wire names, without apiKey.
// Every failure answers { ok: false, error: { kind, message, status, code, errors, ... } }:
//   kind "request"    400 invalid_json, body_invalid, options_invalid, option_not_accepted,
//                         api_key_not_accepted (a request or body carrying apiKey)
//                     401 auth_required, auth_invalid, 403 origin_not_allowed, identity_required
//                     (an unidentified caller of a sandbox-only worker reading the account), 404 not_found,
//                     405 method_not_allowed (+ Allow), 408 body_timeout, 413 body_too_large,
//                     415 unsupported_media_type, 421 host_not_allowed, 429 limit_reached,
//                     rate_limited, 503 auth_unavailable, limit_unavailable
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
// Requests without Origin (servers, curl) pass CORS; they need an assertion all the same.
// The key: what SMS Partner answers is redacted value by value with the core's rule
// (redactApiKey) before it is serialized; what the client sent (the validation report, the
// warnings) is never redacted, so that where "[redacted]" appears tells nothing of the key.
// One log line per request: method, path, status, duration, and a key-free note on failures; one
// audit line per send, bulk send and campaign (audit.js).

// The package by its name, as a deployed worker imports it from node_modules: its workerd entry
// instantiates the wasm as it loads (here wrangler.toml's [alias] points the name at pkg/).
import { smsPartnerCode, validateSendRequest } from 'smspartner-wasm';
import { Refusal, CLIENT_KINDS, json, readJson, refuse, validationRefusal, isPlainObject } from './http.js';
import { logLine, redactNote, redactValues } from './redact.js';
import { allowedRegionsOf, applySandbox, apiKeyOf, clientSettings, forcedSandbox, withClient } from './smspartner.js';
import { AccessRefusal, accessSettings, authenticate } from './access.js';
import { releaseSms, reserveSms, usageOf } from './quota.js';
import { audit } from './audit.js';
import { sendFailure } from './upstream.js';
import { lifecycleRoutes, webhookAllowed } from './lifecycle.js';
import { campaignRoute } from './campaigns.js';
import { consumeChunks } from './consumer.js';

export { CampaignLedger } from './ledger.js';
export { StopList } from './stop-list.js';
export { SendQuota } from './quota.js';

const METHODS = 'POST, OPTIONS';
const PREFLIGHT_MAX_AGE = '600';
/** The period of CALLER_RATE_LIMIT (wrangler.toml), for Retry-After. */
const RATE_PERIOD_SECONDS = 60;

/** Option names a client may give, per route. `now` is refused on sends: the worker's clock rules. */
const ROUTES = Object.freeze({
  '/api/validate': { handle: handleValidate, options: ['commercial', 'lang', 'now'] },
  '/api/send': { handle: handleSend, options: ['commercial', 'lang'] },
  '/api/session': { handle: handleSession, method: 'GET' },
});

/** Every route: the send's above, then those after the send (lifecycle.js). */
const ALL_ROUTES = Object.freeze({ ...ROUTES, ...lifecycleRoutes() });

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
      const refusal = refusalOf(thrown);
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
    await consumeChunks(batch, env);
  },
};

/** What the worker answers for something thrown: a Refusal as it is, anything else a 500. */
function refusalOf(thrown) {
  if (thrown instanceof Refusal) return thrown;
  if (thrown instanceof AccessRefusal) {
    const kind = thrown.code === 'config' ? 'config' : 'request';
    const error = { kind, code: thrown.code, message: thrown.message, ...(thrown.missing.length > 0 ? { missing: thrown.missing } : {}) };
    return new Refusal(thrown.status, error, { note: thrown.code });
  }
  return new Refusal(500, { kind: 'internal', message: 'internal error' }, { note: `internal=${thrown?.name}` });
}

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


/**
 * Dispatches by path and method; throws a Refusal for what it will not serve. Nothing but a
 * preflight and a webhook carrying its token is served before the caller is authenticated.
 */
async function route(request, env, url, cors) {
  if (!hostAllowed(url, env)) {
    throw refuse(421, 'host_not_allowed', 'this worker does not answer for this host name');
  }
  const campaign = campaignRoute(url.pathname);
  const target = campaign ?? (Object.hasOwn(ALL_ROUTES, url.pathname) ? ALL_ROUTES[url.pathname] : null);
  if (request.method === 'OPTIONS' && target !== null) return preflight(cors, target.methods ?? `${target.method ?? 'POST'}, OPTIONS`);
  if (target?.webhook) {
    if (!(await webhookAllowed(request, env))) throw notFound();
    if (request.method !== 'POST') throw refuse(405, 'method_not_allowed', `${url.pathname} only accepts POST`, { allow: 'POST' });
    return target.handle(request, env);
  }
  const caller = await authenticate(request, accessSettings(env));
  await limitRate(env, caller);
  if (target === null) throw notFound();
  if (target.identified && caller.kind === 'anonymous') {
    throw refuse(403, 'identity_required', 'unidentified callers may only send in sandbox mode: reading or changing the account needs Cloudflare Access');
  }
  if (campaign !== null) return routeCampaign(campaign, request, env, url, cors, caller);
  const method = target.method ?? 'POST';
  if (request.method !== method) {
    throw refuse(405, 'method_not_allowed', `${url.pathname} only accepts ${method}`, { allow: `${method}, OPTIONS` });
  }
  if (cors.origin !== null && !cors.allowed) throw originRefused();
  if (method === 'GET') return target.handle({}, env, caller);
  const body = await readJson(request, env);
  const envelope = readEnvelope(body, target.options);
  return target.handle(envelope, env, caller);
}

const notFound = () => refuse(404, 'not_found', 'no such route');

/** CALLER_RATE_LIMIT for this caller: 429 `rate_limited` past it; no binding, no limit. */
async function limitRate(env, caller) {
  const limiter = env.CALLER_RATE_LIMIT;
  if (limiter === undefined || limiter === null) return;
  let outcome;
  try {
    outcome = await limiter.limit({ key: caller.identity });
  } catch {
    throw refuse(503, 'rate_limit_unavailable', 'the request rate cannot be checked right now: try again shortly');
  }
  if (!outcome?.success) {
    throw refuse(429, 'rate_limited', 'too many requests: slow down', { 'retry-after': String(RATE_PERIOD_SECONDS) });
  }
}

/** A campaign route: its own methods, the same CORS rule. */
function routeCampaign(campaign, request, env, url, cors, caller) {
  if (!campaign.methods.split(', ').includes(request.method)) {
    throw refuse(405, 'method_not_allowed', `${url.pathname} accepts ${campaign.methods}`, { allow: campaign.methods });
  }
  if (cors.origin !== null && !cors.allowed) throw originRefused();
  return campaign.serve(request, env, url, caller);
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


/** POST /api/validate: the report, whatever it says; made of what the client sent, never redacted. */
function handleValidate({ request, options }, env) {
  const report = validateSendRequest(applySandbox(request, env), { ...options, allowedRegions: allowedRegionsOf(env), requireApiKey: false });
  return json(200, report);
}

/** GET /api/session: who is calling, what the worker allows them and what is left of their day. */
async function handleSession(_envelope, env, caller) {
  let usage;
  try {
    usage = await usageOf(env, caller);
  } catch {
    usage = { day: null, limits: null, left: null, resetsIn: null };
  }
  return json(200, { ok: true, caller, sandbox: forcedSandbox(env), allowedRegions: allowedRegionsOf(env), ...usage });
}

/** POST /api/send: validate, count against the day's limits, then one send through the client. */
async function handleSend({ request: given, options }, env, caller) {
  const key = apiKeyOf(env);
  clientSettings(env);
  const request = applySandbox(given, env);
  const report = validateSendRequest(request, { ...options, allowedRegions: allowedRegionsOf(env), requireApiKey: false });
  if (!report.valid) throw validationRefusal(report.errors, report.warnings);
  const sandbox = report.request?.sandbox === 1;
  const reservation = await reserveSms(env, caller, report.totalSms, sandbox);
  return withClient(env, async (client) => {
    let result;
    try {
      // The result is SMS Partner's, the warnings the client's own: only the first is redacted.
      result = redactValues(await client.send(request, options), key);
    } catch (failure) {
      if (failure?.mayHaveBeenSent === false) await releaseSms(env, reservation);
      const { status, error, note } = sendFailure(failure, smsPartnerCode);
      audit(env, 'send', caller, { recipients: report.recipients, sms: report.totalSms, sandbox, outcome: error.mayHaveBeenSent ? 'unknown' : 'refused', code: error.code });
      throw new Refusal(status, error, { note });
    }
    audit(env, 'send', caller, { recipients: report.recipients, sms: report.totalSms, sandbox, outcome: 'sent', cost: result?.cost, currency: result?.currency, messageId: result?.messageId });
    return json(200, { ok: true, result, warnings: report.warnings, sandbox });
  });
}
