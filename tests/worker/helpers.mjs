// Shared pieces of the edge worker tests: workers with captured output behind their own Access
// stand-in, HTTP calls that record everything they see (for the key-leak checks) and carry a
// valid Access assertion unless told otherwise, stand-in shortcuts.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { startWorker } from '../../tools/demo/worker-runtime.mjs';
import { startAccess } from '../../tools/demo/access.mjs';

/** Recognizable keys: the tests assert that neither ever comes back or gets logged. */
export const CANARY_KEY = 'sk-LEAK-CANARY-1234';
export const WRONG_KEY = 'sk-LEAK-WRONG-5678';
export const SECRETS = [CANARY_KEY, WRONG_KEY];

export const ALLOWED_ORIGIN = 'http://allowed.test';
export const OTHER_ORIGIN = 'http://elsewhere.test';
export const MAX_BODY = 64 * 1024;
const CALL_TIMEOUT_MS = 10_000;

/** A valid request: one French mobile, a short message. */
export const VALID_REQUEST = Object.freeze({ phoneNumbers: '06 12 34 56 78', message: 'Bonjour' });

/** Everything a test saw: response texts and headers, and every worker log line. */
export const seen = { responses: [], logs: [] };

/** The identity the tests' calls are signed for. */
export const TEST_USER = Object.freeze({ email: 'tester@example.org' });

/** The Access stand-in in front of each worker started here, by worker address. */
const ACCESS_OF = new Map();

/** Requests a minute per caller the tests' workers allow unless told: high enough never to be met by accident. */
const TEST_RATE_LIMIT = 1_000_000;

/**
 * Starts a worker whose every output line is kept in `worker.logs` and in `seen.logs`, with an
 * Access stand-in of its own (`worker.access`) whose team domain and audience are its
 * ACCESS_TEAM_DOMAIN and ACCESS_AUD unless `bindings` names them (null leaves one out).
 * `rateLimit`: CALLER_RATE_LIMIT's requests a minute; `persist`: a folder keeping the Durable
 * Objects across restarts; `access`: the stand-in of an earlier worker to keep (a restart);
 * `miniflareOptions`: more Miniflare options (bindings of the runtime replaced).
 */
export async function startCapturedWorker(bindings, { rateLimit = TEST_RATE_LIMIT, persist = false, access: kept = null, miniflareOptions = {} } = {}) {
  const logs = [];
  const access = kept ?? (await startAccess({ user: TEST_USER }));
  const settings = { ACCESS_TEAM_DOMAIN: access.url, ACCESS_AUD: access.aud, ...bindings };
  for (const [name, value] of Object.entries(settings)) if (value === null) delete settings[name];
  let worker;
  try {
    worker = await startWorker({
      bindings: settings,
      persist,
      log: (line) => {
        logs.push(line);
        seen.logs.push(line);
      },
      miniflare: { ratelimits: { CALLER_RATE_LIMIT: { simple: { limit: rateLimit, period: 60 } } }, ...miniflareOptions },
    });
  } catch (error) {
    if (kept === null) await access.close();
    throw error;
  }
  access.setTarget(worker.url);
  ACCESS_OF.set(worker.url, access);
  return {
    ...worker,
    logs,
    access,
    /** Stops the worker and, unless `keepAccess` (for a restart), its Access stand-in. */
    async close({ keepAccess = false } = {}) {
      ACCESS_OF.delete(worker.url);
      await worker.close();
      if (!keepAccess) await access.close();
    },
  };
}

/** The Access stand-in of the worker at `base`, or null. */
export const accessOf = (base) => ACCESS_OF.get(base) ?? null;

/** `{ 'cf-access-jwt-assertion': … }` for a call to the worker at `base` as `claims` (TEST_USER by default). */
export async function signedHeaders(base, claims = {}) {
  const access = accessOf(base);
  return access === null ? {} : { 'cf-access-jwt-assertion': await access.token(claims) };
}

/**
 * One HTTP call; resolves to `{ status, headers, text, body }` (`body`: parsed JSON or undefined).
 * `body` is sent as JSON unless `raw` (a string or bytes) is given. A call to a worker started
 * here carries an assertion of its Access stand-in for `as` (TEST_USER's claims by default),
 * unless `as` is false or `headers` brings one.
 */
export async function call(base, path, { method = 'POST', headers = {}, body, raw, contentType = 'application/json', as = {} } = {}) {
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) };
  const access = accessOf(base);
  const brought = Object.keys(headers).some((name) => name.toLowerCase() === 'cf-access-jwt-assertion');
  if (access !== null && as !== false && !brought) init.headers['cf-access-jwt-assertion'] = await access.token(as);
  if (raw !== undefined || body !== undefined) {
    init.body = raw ?? JSON.stringify(body);
    if (contentType !== null) init.headers['content-type'] = contentType;
  }
  const res = await fetch(base + path, init);
  return record(res.status, res.headers, await res.text());
}

/** `{ request, options }` POSTed to the worker. */
export const post = (base, path, envelope, headers = {}) => call(base, path, { body: envelope, headers });

/**
 * A POST through node:http, for what fetch will not send: a chunked body of `size` bytes
 * (`chunked: true`) or a Content-Length header with the body. The server may answer before
 * reading it all; a socket closed under the upload then counts as the answer's end.
 */
export async function rawPost(base, path, { size, chunked = false, contentType = 'application/json' }) {
  const access = accessOf(base);
  const assertion = access === null ? null : await access.token();
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const headers = { 'content-type': contentType };
    if (assertion !== null) headers['cf-access-jwt-assertion'] = assertion;
    if (!chunked) headers['content-length'] = String(size);
    // A connection of its own (agent: false): after a refused upload workerd may reset the
    // connection, which must not take the next request with it.
    const req = httpRequest(url, { method: 'POST', headers, timeout: CALL_TIMEOUT_MS, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      const done = () => resolve(record(res.statusCode, new Headers(res.headers), Buffer.concat(chunks).toString()));
      res.once('end', done);
      res.once('close', () => (res.complete ? undefined : reject(new Error('the answer broke off'))));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => {
      if (!req.res) reject(error); // an error after the answer arrived is the upload being cut
    });
    // A JSON string of `size` bytes in 4 KiB chunks: valid JSON, so only the size can refuse it.
    const chunk = 4096;
    const body = Buffer.alloc(size, 0x20);
    body.write('{"request":{}}', 0);
    for (let offset = 0; offset < size; offset += chunk) req.write(body.subarray(offset, Math.min(size, offset + chunk)));
    req.end();
  });
}

function record(status, headers, text) {
  const headerList = [...headers.entries()];
  seen.responses.push({ status, headers: headerList, text });
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status, headers, text, body };
}

/** The worker's failure body, checked for its common shape. */
export function errorOf(res, status, kind) {
  assert.equal(res.status, status, `status of ${res.text}`);
  assert.equal(res.body?.ok, false, res.text);
  assert.equal(res.body.error.kind, kind, res.text);
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(Array.isArray(res.body.error.errors));
  return res.body.error;
}

/** Stand-in control calls. */
export const standinControl = {
  reset: (standin) => fetch(`${standin.url}/__standin/reset`, { method: 'POST' }),
  fault: (standin, spec) =>
    fetch(`${standin.url}/__standin/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    }).then((res) => assert.equal(res.status, 200)),
  credits: (standin, spec) =>
    fetch(`${standin.url}/__standin/credits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    }),
  sends: async (standin) => (await (await fetch(`${standin.url}/__standin/requests`)).json()).byPath['/v1/send'] ?? 0,
  messages: async (standin) => (await fetch(`${standin.url}/__standin/messages`)).json(),
};

/** Waits until `check()` is true; fails with `describe()` after `timeoutMs`. */
export async function waitUntil(check, describe, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await sleep(20);
  }
  assert.fail(describe());
}

/** Waits until `worker.logs` has a line matching `pattern` (log lines arrive through a pipe). */
export function waitForLog(worker, pattern, timeoutMs = 3000) {
  return waitUntil(
    () => worker.logs.some((line) => pattern.test(line)),
    () => `no log line matches ${pattern}; got:\n${worker.logs.join('\n')}`,
    timeoutMs,
  );
}

/** Fails if any recorded response (body or header) or log line holds one of the secrets. */
export function assertNothingLeaked() {
  assert.ok(seen.responses.length > 0, 'no response was recorded');
  for (const secret of SECRETS) {
    for (const { status, headers, text } of seen.responses) {
      assert.ok(!text.includes(secret), `a ${status} body holds the key: ${text}`);
      for (const [name, value] of headers) assert.ok(!value.includes(secret), `header ${name} holds the key`);
    }
    for (const line of seen.logs) assert.ok(!line.includes(secret), `a log line holds the key: ${line}`);
  }
}
