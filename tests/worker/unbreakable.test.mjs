// The edge worker against an attacker: keys that would defeat a search of the serialized answer,
// an upstream that hands the key back encoded or cut in two, guesses sent to find where
// "[redacted]" appears, a rebound DNS name, a body that never ends, a body built to make a
// huge answer.

import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { post, signedHeaders, startCapturedWorker } from './helpers.mjs';

const TIMEOUT = { timeout: 120_000 };
const KEY = 'sk-LEAK-CANARY-1234';

/** Every way a reader could turn a text back into `key`. */
function spells(text, key) {
  const forms = [text];
  try {
    forms.push(decodeURIComponent(text));
  } catch {}
  forms.push(text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
  const half = Math.floor(key.length / 2);
  return forms.some((form) => form.includes(key) || form.includes(key.slice(0, half)) || form.includes(key.slice(-half)));
}

/** An upstream that answers each send with `answer(key)`. */
async function startUpstream(answer) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { status, body } = answer();
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** A request through node:http with any Host header. */
async function withHost(base, path, host, headers = {}) {
  const signed = await signedHeaders(base);
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const body = JSON.stringify({ request: { phoneNumbers: '0612345678', message: 'Bonjour' } });
    const all = { host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...signed, ...headers };
    const req = httpRequest(url, { method: 'POST', headers: all, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    // The worker may answer before it reads the body: the upload cut after the answer is no error.
    req.on('error', (error) => (req.res ? undefined : reject(error)));
    req.end(body);
  });
}

describe('the worker keeps the key and its answers bounded', TIMEOUT, () => {
  const workers = {};
  const upstreams = [];
  const encoded = encodeURIComponent(KEY).replace('s', '%73');
  const escaped = `\\u0073${KEY.slice(1)}`;
  const halves = [KEY.slice(0, 9), KEY.slice(9)];

  before(async () => {
    const echo = await startUpstream(() => ({
      status: 200,
      body: JSON.stringify({
        success: false,
        code: 9,
        message: `bad key ${encoded}`,
        errors: [
          { elementId: 'sender', message: `first ${halves[0]}` },
          { elementId: 'message', message: `then ${halves[1]}` },
          { elementId: 'tag', message: `escaped ${escaped}` },
        ],
      }),
    }));
    const numeric = await startUpstream(() => ({ status: 200, body: '{"success":false,"code":12345678,"message":"no"}' }));
    upstreams.push(echo, numeric);
    const common = { ALLOWED_ORIGINS: 'http://allowed.test', BODY_TIMEOUT_MS: '500' };
    const entries = await Promise.all(
      Object.entries({
        echo: { SMSPARTNER_API_KEY: KEY, SMSPARTNER_BASE_URL: echo.url },
        numeric: { SMSPARTNER_API_KEY: '12345678', SMSPARTNER_BASE_URL: numeric.url },
        marker: { SMSPARTNER_API_KEY: 'd]xxxxxxxxxx', SMSPARTNER_BASE_URL: echo.url },
        quote: { SMSPARTNER_API_KEY: 'k"\\ey-12345', SMSPARTNER_BASE_URL: echo.url },
        word: { SMSPARTNER_API_KEY: 'errors', SMSPARTNER_BASE_URL: echo.url },
        other: { SMSPARTNER_API_KEY: 'sk-OTHER-KEY-0000', SMSPARTNER_BASE_URL: echo.url },
        hosts: { SMSPARTNER_API_KEY: KEY, SMSPARTNER_BASE_URL: echo.url, ALLOWED_HOSTS: '127.0.0.1, localhost' },
      }).map(async ([name, bindings]) => [name, await startCapturedWorker({ ...common, ...bindings })]),
    );
    Object.assign(workers, Object.fromEntries(entries));
  });

  after(async () => {
    await Promise.all(Object.values(workers).map((w) => w.close()));
    await Promise.all(upstreams.map((u) => u.close()));
  });

  it('an upstream answer with the key percent-encoded, \\u-escaped or cut in two: none of it comes back', async () => {
    const res = await post(workers.echo.url, '/api/send', { request: { phoneNumbers: '0612345678', message: 'Bonjour' } });
    assert.equal(res.status, 422, res.text);
    assert.equal(res.body.error.kind, 'api');
    for (const text of [res.text, JSON.stringify(res.body)]) assert.ok(!spells(text, KEY), text);
    assert.ok(!workers.echo.logs.some((line) => spells(line, KEY)));
  });

  it('a numeric key: the code that spells it is null, the JSON valid, the log line clean', async () => {
    const res = await post(workers.numeric.url, '/api/send', { request: { phoneNumbers: '0612345678', message: 'Bonjour' } });
    assert.equal(res.status, 502, res.text);
    assert.ok(res.body, `not JSON: ${res.text}`);
    assert.equal(res.body.error.code, null);
    assert.ok(!res.text.includes('12345678'), res.text);
    assert.ok(!workers.numeric.logs.some((line) => line.includes('12345678')), workers.numeric.logs.join('\n'));
  });

  it('keys holding a quote or a backslash, or equal to a word of the answer, leave its shape whole', async () => {
    for (const name of ['quote', 'word', 'marker']) {
      const validate = await post(workers[name].url, '/api/validate', { request: { phoneNumbers: '0612345678', message: 'Bonjour' } });
      assert.equal(validate.status, 200, validate.text);
      assert.ok(Array.isArray(validate.body.errors) && Array.isArray(validate.body.warnings), validate.text);
      const send = await post(workers[name].url, '/api/send', { request: { phoneNumbers: '0612345678', message: 'Bonjour' } });
      assert.ok(send.body && Array.isArray(send.body.error.errors), send.text);
    }
  });

  it('what the client sent is never redacted: the same answer whatever the key (no oracle)', async () => {
    const guesses = Array.from({ length: 2000 }, (_, i) => `sk-LEAK-CANARY-${String(i).padStart(4, '0')}`);
    const envelope = {
      request: { phoneNumbers: '0612345678', message: guesses.join(' '), tag: 'd]xxxxxxxxxxxxxxxxxxxx' },
      options: { now: '2026-11-30T10:00:00Z' },
    };
    const mine = await post(workers.echo.url, '/api/validate', envelope);
    const theirs = await post(workers.other.url, '/api/validate', envelope);
    assert.equal(mine.status, 200);
    assert.ok(mine.text === theirs.text, 'the answers differ with the key');
    assert.ok(!mine.text.includes('[redacted]'));
    const marker = await post(workers.marker.url, '/api/validate', { request: { phoneNumbers: '0612345678', message: 'd]xxxxxxxxxxxxxxxxxxxx' } });
    assert.equal(marker.body.message.preview, 'd)xxxxxxxxxxxxxxxxxxxx');
  });

  it('a rebound DNS name gets no CORS and cannot send; with ALLOWED_HOSTS it gets 421', async () => {
    const port = new URL(workers.echo.url).port;
    const rebound = await withHost(workers.echo.url, '/api/send', `rebind.example:${port}`, { origin: `http://rebind.example:${port}` });
    assert.equal(rebound.status, 403, rebound.text);
    assert.equal(rebound.headers['access-control-allow-origin'], undefined);
    const hosted = await withHost(workers.hosts.url, '/api/validate', `rebind.example:${port}`);
    assert.equal(hosted.status, 421, hosted.text);
    assert.equal(JSON.parse(hosted.text).error.code, 'host_not_allowed');
    const local = await withHost(workers.hosts.url, '/api/validate', `localhost:${new URL(workers.hosts.url).port}`);
    assert.equal(local.status, 200, local.text);
  });

  it('a body that never ends is answered 408 at the deadline', async () => {
    const url = new URL('/api/validate', workers.echo.url);
    const signed = await signedHeaders(workers.echo.url);
    const answer = await new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() });
        });
      });
      req.on('error', (error) => (req.res ? undefined : reject(error)));
      req.write('{"request": {"message": "never ends'); // chunked, never finished
    });
    assert.equal(answer.status, 408, answer.text);
    assert.equal(JSON.parse(answer.text).error.code, 'body_timeout');
  });

  it('65 KB built to make a huge answer gets a bounded one', async () => {
    const brackets = { request: { phoneNumbers: '0612345678', message: '['.repeat(65_000) } };
    const a = await post(workers.echo.url, '/api/validate', brackets);
    assert.equal(a.status, 200);
    assert.equal(a.body.message.truncated, true);
    const numbers = { request: { phoneNumbers: new Array(21_000).fill(1), message: 'x' } };
    const b = await post(workers.echo.url, '/api/validate', numbers);
    assert.equal(b.status, 200);
    assert.ok(b.body.errors.length <= 30, `${b.body.errors.length} errors`);
    const fields = { request: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`f${i}`, 1])) };
    const c = await post(workers.echo.url, '/api/validate', fields);
    assert.ok(c.body.warnings.length <= 30, `${c.body.warnings.length} warnings`);
    for (const res of [a, b, c]) assert.ok(res.text.length < 4 * 65_536, `${res.text.length} bytes answered`);
  });
});
