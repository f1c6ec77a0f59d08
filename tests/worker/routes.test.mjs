// The edge worker's HTTP surface in workerd: routes, methods, body checks, CORS, validation,
// configuration errors, and the key never leaving the worker.
// Run: node --test tests/worker/

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startStandin } from '../../tools/standin/server.mjs';
import {
  ALLOWED_ORIGIN,
  CANARY_KEY,
  MAX_BODY,
  OTHER_ORIGIN,
  VALID_REQUEST,
  assertNothingLeaked,
  call,
  errorOf,
  post,
  rawPost,
  standinControl,
  startCapturedWorker,
  waitForLog,
  waitUntil,
} from './helpers.mjs';

const TIMEOUT = { timeout: 60_000 };

describe('edge worker routes', TIMEOUT, () => {
  let standin;
  let worker; // the key as its secret, one allowed origin
  let keyless; // no SMSPARTNER_API_KEY
  let badTimeout; // SEND_TIMEOUT_MS that is not a number
  let badBaseUrl; // SMSPARTNER_BASE_URL that is not an http(s) address

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY] });
    const common = { SMSPARTNER_BASE_URL: standin.url, ALLOWED_ORIGINS: ` ${ALLOWED_ORIGIN}/ , http://second.test` };
    [worker, keyless, badTimeout, badBaseUrl] = await Promise.all([
      startCapturedWorker({ ...common, SMSPARTNER_API_KEY: CANARY_KEY }),
      startCapturedWorker({ ...common }),
      startCapturedWorker({ ...common, SMSPARTNER_API_KEY: CANARY_KEY, SEND_TIMEOUT_MS: 'soon' }),
      startCapturedWorker({ ...common, SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: 'ftp://127.0.0.1/' }),
    ]);
  });

  after(async () => {
    await Promise.all([worker, keyless, badTimeout, badBaseUrl].filter(Boolean).map((w) => w.close()));
    await standin?.close();
  });

  beforeEach(() => standinControl.reset(standin));

  describe('POST /api/validate', () => {
    it('answers 200 with the ValidationReport of a valid request, without needing a key', async () => {
      const res = await post(worker.url, '/api/validate', { request: VALID_REQUEST });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      assert.equal(res.body.valid, true);
      assert.deepEqual(res.body.errors, []);
      assert.deepEqual(res.body.request, { phoneNumbers: '+33612345678', message: 'Bonjour' });
      assert.equal(res.body.recipients, 1);
      assert.equal(res.body.totalSms, 1);
      assert.equal(res.body.message.smsCount, 1);
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('answers 200 with the per-field errors of an invalid request', async () => {
      const res = await post(worker.url, '/api/validate', { request: { phoneNumbers: '12', message: '', sender: 'ab' } });
      assert.equal(res.status, 200);
      assert.equal(res.body.valid, false);
      assert.equal(res.body.request, null);
      const fields = res.body.errors.map((e) => `${e.field}:${e.code}`).sort();
      assert.deepEqual(fields, ['message:message_required', 'phoneNumbers:phone_number_invalid', 'sender:sender_too_short']);
    });

    it('passes commercial, lang and now to the validation', async () => {
      // Sunday 12 July 2026, 10:00 Paris: a commercial send waits for Monday 08:00.
      const options = { commercial: true, lang: 'fr', now: '2026-07-12T08:00:00Z' };
      const res = await post(worker.url, '/api/validate', { request: { ...VALID_REQUEST, isStopSms: 1 }, options });
      assert.equal(res.status, 200);
      assert.equal(res.body.deliveryTime, '2026-07-13T06:00:00.000Z');
      assert.ok(res.body.warnings.some((w) => w.code === 'quiet_hours_delay'), res.text);
    });

    it('reports a wrong option value in the report', async () => {
      const res = await post(worker.url, '/api/validate', { request: VALID_REQUEST, options: { lang: 'de' } });
      assert.equal(res.status, 200);
      assert.equal(res.body.valid, false);
      assert.ok(res.body.errors.some((e) => e.field === 'options' && e.code === 'option_invalid'), res.text);
    });

    it('works without the secret', async () => {
      const res = await post(keyless.url, '/api/validate', { request: VALID_REQUEST });
      assert.equal(res.status, 200);
      assert.equal(res.body.valid, true);
    });
  });

  describe('POST /api/send refusals before any send', () => {
    it('answers 422 with the per-field errors of an invalid request and sends nothing', async () => {
      const res = await post(worker.url, '/api/send', { request: { phoneNumbers: 'abc', message: '' } });
      const error = errorOf(res, 422, 'validation');
      assert.equal(error.status, null);
      assert.equal(error.code, null);
      assert.equal(error.mayHaveBeenSent, false);
      const fields = error.errors.map((e) => `${e.field}:${e.code}`).sort();
      assert.deepEqual(fields, ['message:message_required', 'phoneNumbers:phone_number_invalid']);
      assert.ok(Array.isArray(res.body.warnings));
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('answers 422 request_not_object when request is not an object', async () => {
      const res = await post(worker.url, '/api/send', { request: 'hello' });
      const error = errorOf(res, 422, 'validation');
      assert.deepEqual(error.errors.map((e) => e.code), ['request_not_object']);
    });

    for (const [label, envelope] of [
      ['in the request', { request: { ...VALID_REQUEST, apiKey: CANARY_KEY } }],
      ['in the request, even empty', { request: { ...VALID_REQUEST, apiKey: '' } }],
      ['next to the request', { request: VALID_REQUEST, apiKey: 'sk-client-own-key' }],
    ]) {
      for (const path of ['/api/send', '/api/validate']) {
        it(`refuses an apiKey ${label} on ${path} with 400 api_key_not_accepted`, async () => {
          const res = await post(worker.url, path, envelope);
          const error = errorOf(res, 400, 'request');
          assert.equal(error.code, 'api_key_not_accepted');
          assert.equal(await standinControl.sends(standin), 0);
        });
      }
    }

    it('refuses options.now on a send (the worker keeps its own clock)', async () => {
      const res = await post(worker.url, '/api/send', { request: VALID_REQUEST, options: { now: '2030-01-01T00:00:00Z' } });
      assert.equal(errorOf(res, 400, 'request').code, 'option_not_accepted');
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('refuses options that are not an object, and unknown body properties', async () => {
      assert.equal(errorOf(await post(worker.url, '/api/send', { request: VALID_REQUEST, options: 3 }), 400, 'request').code, 'options_invalid');
      assert.equal(errorOf(await post(worker.url, '/api/send', { request: VALID_REQUEST, extra: 1 }), 400, 'request').code, 'body_invalid');
      assert.equal(errorOf(await post(worker.url, '/api/send', VALID_REQUEST), 400, 'request').code, 'body_invalid');
      assert.equal(errorOf(await post(worker.url, '/api/send', [VALID_REQUEST]), 400, 'request').code, 'body_invalid');
      assert.equal(await standinControl.sends(standin), 0);
    });
  });

  describe('body checks', () => {
    for (const [label, raw] of [
      ['broken JSON', '{"request": {"message": "Hi"'],
      ['a trailing comma', '{"request": {},}'],
      ['an empty body', ''],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ]) {
      it(`answers 400 invalid_json to ${label}`, async () => {
        const res = await call(worker.url, '/api/send', { raw });
        const error = errorOf(res, 400, 'request');
        assert.equal(error.code, 'invalid_json');
        assert.ok(error.message.length > 10, error.message);
        assert.equal(await standinControl.sends(standin), 0);
      });
    }

    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      it(`answers 415 to Content-Type ${contentType ?? '(none)'}`, async () => {
        const res = await call(worker.url, '/api/send', { body: { request: VALID_REQUEST }, contentType });
        assert.equal(errorOf(res, 415, 'request').code, 'unsupported_media_type');
        assert.equal(await standinControl.sends(standin), 0);
      });
    }

    it('accepts application/json with a charset, in any case', async () => {
      const res = await call(worker.url, '/api/validate', { body: { request: VALID_REQUEST }, contentType: 'Application/JSON; charset=UTF-8' });
      assert.equal(res.status, 200);
    });

    it('answers 413 to a declared Content-Length over 64 KiB', async () => {
      const res = await rawPost(worker.url, '/api/send', { size: MAX_BODY + 1 });
      assert.equal(errorOf(res, 413, 'request').code, 'body_too_large');
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('answers 413 to a chunked body that grows over 64 KiB', async () => {
      const refusals = () => worker.logs.filter((line) => / \/api\/send 413 /.test(line)).length;
      const before = refusals();
      try {
        const res = await rawPost(worker.url, '/api/send', { size: 3 * MAX_BODY, chunked: true });
        assert.equal(errorOf(res, 413, 'request').code, 'body_too_large');
      } catch (error) {
        // workerd may reset a connection whose upload it stopped reading, before the answer is
        // read: then the worker's log line is the witness of its 413.
        if (!['ECONNRESET', 'EPIPE'].includes(error.code)) throw error;
      }
      await waitUntil(() => refusals() > before, () => 'no 413 in the log');
      assert.equal(refusals(), before + 1);
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('reads a body of exactly 64 KiB, chunked or not', async () => {
      for (const chunked of [false, true]) {
        const res = await rawPost(worker.url, '/api/send', { size: MAX_BODY, chunked });
        assert.equal(res.status, 422, res.text); // {"request":{}} padded: read, then invalid
      }
    });
  });

  describe('routes and methods', () => {
    for (const path of ['/', '/api', '/api/sendd', '/api/send/', '/API/SEND', '/v1/send']) {
      it(`answers 404 to POST ${path}`, async () => {
        const res = await post(worker.url, path, { request: VALID_REQUEST });
        assert.equal(errorOf(res, 404, 'request').code, 'not_found');
      });
    }

    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
      it(`answers 405 with Allow to ${method} /api/send`, async () => {
        const res = await call(worker.url, '/api/send', { method });
        assert.equal(res.status, 405);
        assert.equal(res.headers.get('allow'), 'POST, OPTIONS');
        if (method !== 'HEAD') assert.equal(res.body.error.code, 'method_not_allowed');
      });
    }
  });

  describe('CORS', () => {
    const preflight = (base, origin, path = '/api/send') =>
      call(base, path, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

    it('answers the preflight of an allowed origin', async () => {
      for (const path of ['/api/send', '/api/validate']) {
        const res = await preflight(worker.url, ALLOWED_ORIGIN, path);
        assert.equal(res.status, 204);
        assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.match(res.headers.get('access-control-allow-methods'), /POST/);
        assert.match(res.headers.get('access-control-allow-headers'), /content-type/i);
        assert.match(res.headers.get('vary'), /Origin/);
      }
      const second = await preflight(worker.url, 'http://second.test');
      assert.equal(second.headers.get('access-control-allow-origin'), 'http://second.test');
    });

    it('refuses the preflight of any other origin with 403 and no CORS header', async () => {
      for (const origin of [OTHER_ORIGIN, 'http://allowed.test.evil', 'https://allowed.test', 'null']) {
        const res = await preflight(worker.url, origin);
        assert.equal(res.status, 403, origin);
        assert.equal(res.headers.get('access-control-allow-origin'), null);
        assert.equal(res.headers.get('access-control-allow-methods'), null);
      }
    });

    it('adds Access-Control-Allow-Origin to the answers of an allowed origin, errors included', async () => {
      const ok = await post(worker.url, '/api/validate', { request: VALID_REQUEST }, { origin: ALLOWED_ORIGIN });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      const bad = await post(worker.url, '/api/send', { request: {} }, { origin: ALLOWED_ORIGIN });
      assert.equal(bad.status, 422);
      assert.equal(bad.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    });

    it('refuses a request from another origin with 403, no CORS header and no send', async () => {
      const res = await post(worker.url, '/api/send', { request: VALID_REQUEST }, { origin: OTHER_ORIGIN });
      assert.equal(errorOf(res, 403, 'request').code, 'origin_not_allowed');
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('serves requests without Origin, with no CORS header', async () => {
      const res = await post(worker.url, '/api/validate', { request: VALID_REQUEST });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('configuration', () => {
    it('answers 500 config when the secret is missing, and sends nothing', async () => {
      const res = await post(keyless.url, '/api/send', { request: VALID_REQUEST });
      const error = errorOf(res, 500, 'config');
      assert.equal(error.message, 'the worker has no SMSPARTNER_API_KEY secret');
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('answers 500 config when SEND_TIMEOUT_MS is not a number', async () => {
      const res = await post(badTimeout.url, '/api/send', { request: VALID_REQUEST });
      assert.match(errorOf(res, 500, 'config').message, /SEND_TIMEOUT_MS/);
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('answers 500 config when SMSPARTNER_BASE_URL is not an http(s) address', async () => {
      const res = await post(badBaseUrl.url, '/api/send', { request: VALID_REQUEST });
      assert.match(errorOf(res, 500, 'config').message, /settings are not valid/);
    });
  });

  describe('the key stays inside', () => {
    it('hides a key sent in the path or the query from the answer and the log', async () => {
      const inPath = await post(worker.url, `/${CANARY_KEY}`, { request: VALID_REQUEST });
      assert.equal(inPath.status, 404);
      const encoded = await post(worker.url, `/api/${encodeURIComponent(CANARY_KEY).replace('-', '%2D')}`, { request: VALID_REQUEST });
      assert.equal(encoded.status, 404);
      const inQuery = await post(worker.url, `/api/validate?apiKey=${CANARY_KEY}`, { request: VALID_REQUEST });
      assert.equal(inQuery.status, 200);
      await waitForLog(worker, /\/api\/validate 200/);
      await waitForLog(worker, /\[path hidden\] 404/);
    });

    it('logs one line per request: method, path, status, duration', async () => {
      await post(worker.url, '/api/validate', { request: VALID_REQUEST });
      await waitForLog(worker, /^worker POST \/api\/validate 200 \d+ms$/);
      await waitForLog(keyless, /^worker POST \/api\/send 500 \d+ms config$/);
    });

    it('never showed the key in any answer or log line of this file', async () => {
      await waitForLog(worker, /POST \/api\/send 413/);
      assertNothingLeaked();
    });
  });
});
