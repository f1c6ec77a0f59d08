// Sends through the edge worker in workerd to the stand-in: the key from the secret, the sandbox,
// SMS Partner's refusals, every upstream fault mapped to its status, and never a second send.
// Run: node --test tests/worker/

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { freePort, keyHash, startStandin } from '../../tools/standin/server.mjs';
import {
  CANARY_KEY,
  VALID_REQUEST,
  WRONG_KEY,
  assertNothingLeaked,
  errorOf,
  post,
  standinControl,
  startCapturedWorker,
  waitForLog,
} from './helpers.mjs';

const TIMEOUT = { timeout: 90_000 };
const SEND_TIMEOUT_MS = 1000;
/** How late the stand-in answers in the `slow` fault. */
const SLOW_MS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** dd/MM/yyyy of the Paris calendar day `days` from now. */
function parisDate(days) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(Date.now() + days * DAY_MS));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('day')}/${part('month')}/${part('year')}`;
}

describe('sends through the edge worker', TIMEOUT, () => {
  let standin;
  let standinSkewMs = 0; // moves the stand-in's clock, to make it refuse a date the worker accepts
  let worker; // the key as its secret, SEND_TIMEOUT_MS 1000
  let sandboxed; // FORCE_SANDBOX=1
  let wrongKey; // a key the stand-in does not know
  let unreachable; // SMSPARTNER_BASE_URL on a port nothing listens on

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY], now: () => new Date(Date.now() + standinSkewMs) });
    const base = { SMSPARTNER_BASE_URL: standin.url, SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS) };
    const closedUrl = `http://127.0.0.1:${await freePort()}`;
    [worker, sandboxed, wrongKey, unreachable] = await Promise.all([
      startCapturedWorker({ ...base, SMSPARTNER_API_KEY: CANARY_KEY }),
      startCapturedWorker({ ...base, SMSPARTNER_API_KEY: CANARY_KEY, FORCE_SANDBOX: '1' }),
      startCapturedWorker({ ...base, SMSPARTNER_API_KEY: WRONG_KEY }),
      startCapturedWorker({ ...base, SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: closedUrl }),
    ]);
  });

  after(async () => {
    await Promise.all([worker, sandboxed, wrongKey, unreachable].filter(Boolean).map((w) => w.close()));
    await standin?.close();
  });

  beforeEach(async () => {
    standinSkewMs = 0;
    await standinControl.reset(standin);
  });

  const send = (target, request = VALID_REQUEST, options) =>
    post(target.url, '/api/send', options ? { request, options } : { request });

  describe('accepted sends', () => {
    it('sends once with the key from the secret and answers the messageId', async () => {
      const res = await send(worker, { ...VALID_REQUEST, message: 'Bonjour [Marie]' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.ok, true);
      assert.equal(res.body.result.success, true);
      assert.equal(res.body.result.messageId, 1);
      assert.equal(res.body.result.nbSms, 1);
      assert.equal(res.body.sandbox, false);
      assert.ok(res.body.warnings.some((w) => w.code === 'characters_replaced'), res.text);
      const messages = await standinControl.messages(standin);
      assert.equal(messages.length, 1);
      assert.equal(messages[0].apiKeyHash, keyHash(CANARY_KEY));
      assert.equal(messages[0].sandbox, false);
      assert.equal(messages[0].body.phoneNumbers, '+33612345678');
      assert.equal(await standinControl.sends(standin), 1);
    });

    it('bills every recipient', async () => {
      const request = { phoneNumbers: ['06 12 34 56 78', '+33 7 56 00 00 01'], message: 'x'.repeat(161) };
      const res = await send(worker, request, { commercial: false, lang: 'fr' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.result.nbSms, 4);
    });

    it('answers in the language of options.lang', async () => {
      const request = { phoneNumbers: '06 12 34 56 78', message: '' };
      const english = errorOf(await send(worker, request), 422, 'validation').errors[0].message;
      const french = errorOf(await send(worker, request, { lang: 'fr' }), 422, 'validation').errors[0].message;
      assert.notEqual(french, english);
      assert.equal(await standinControl.sends(standin), 0);
    });

    it('forces sandbox: 1 when FORCE_SANDBOX is "1", whatever the request says', async () => {
      const res = await send(sandboxed, { ...VALID_REQUEST, sandbox: 0 });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.sandbox, true);
      const [message] = await standinControl.messages(standin);
      assert.equal(message.sandbox, true);
      const report = await post(sandboxed.url, '/api/validate', { request: VALID_REQUEST });
      assert.equal(report.body.request.sandbox, 1);
    });
  });

  describe("SMS Partner's refusals", () => {
    it('code 9 → 422 kind api with its per-field errors', async () => {
      standinSkewMs = 3 * DAY_MS; // the stand-in lives three days ahead: tomorrow is past for it
      const request = { ...VALID_REQUEST, scheduledDeliveryDate: parisDate(1), time: 12, minute: 0 };
      const res = await send(worker, request);
      const error = errorOf(res, 422, 'api');
      assert.equal(error.code, 9);
      assert.equal(error.status, 400);
      assert.equal(error.mayHaveBeenSent, false);
      assert.ok(error.errors.some((e) => e.field === 'scheduledDeliveryDate'), res.text);
      assert.equal(await standinControl.sends(standin), 1);
    });

    it('code 11 → 402 kind api', async () => {
      await standinControl.credits(standin, { creditSms: 0, balance: 0 });
      const error = errorOf(await send(worker), 402, 'api');
      assert.equal(error.code, 11);
      assert.equal(error.mayHaveBeenSent, false);
      assert.equal(await standinControl.sends(standin), 1);
    });

    it('code 10 (a key SMS Partner refuses) → 500 config without a word about the key', async () => {
      const res = await send(wrongKey);
      const error = errorOf(res, 500, 'config');
      assert.equal(error.code, null);
      assert.equal(error.status, null);
      assert.doesNotMatch(res.text, /wrong|api ?key/i);
      assert.equal(await standinControl.sends(standin), 1);
      await waitForLog(wrongKey, /^worker POST \/api\/send 500 \d+ms api=10$/);
    });
  });

  describe('upstream faults: mapped, never retried', () => {
    // [fault, worker status, kind, SMS Partner status in the error, may have been sent]
    const cases = [
      [{ kind: 'status500' }, 502, 'http', 500, true],
      [{ kind: 'status500', emptyBody: true }, 502, 'http', 500, true],
      [{ kind: 'html502' }, 502, 'http', 502, true],
      [{ kind: 'unexpected200' }, 502, 'http', 200, true],
      [{ kind: 'brokenJson' }, 502, 'http', 200, true],
      [{ kind: 'status429', retryAfter: 30 }, 503, 'http', 429, false],
      [{ kind: 'reset' }, 502, 'network', 200, true],
      [{ kind: 'slow', delayMs: SLOW_MS }, 504, 'timeout', null, true],
    ];
    for (const [fault, status, kind, upstreamStatus, mayHaveBeenSent] of cases) {
      const label = fault.emptyBody ? `${fault.kind} (empty body)` : fault.kind;
      it(`${label} → ${status} kind ${kind}, one request upstream`, async () => {
        // Armed for several calls: a retry would hit the fault again and be counted.
        await standinControl.fault(standin, { ...fault, times: 5 });
        const started = Date.now();
        const res = await send(worker);
        const error = errorOf(res, status, kind);
        assert.equal(error.status, upstreamStatus, res.text);
        assert.equal(error.mayHaveBeenSent, mayHaveBeenSent);
        assert.equal(await standinControl.sends(standin), 1);
        if (kind === 'timeout') {
          const elapsed = Date.now() - started;
          // Answered when the worker gave up, well before the stand-in's late answer.
          assert.ok(elapsed >= SEND_TIMEOUT_MS - 50 && elapsed < SLOW_MS - 1000, `answered after ${elapsed} ms`);
        }
        const processed = ['slow', 'brokenJson', 'reset'].includes(fault.kind);
        assert.equal((await standinControl.messages(standin)).length, processed ? 1 : 0);
      });
    }

    it('a closed port → 502 kind network', async () => {
      const error = errorOf(await send(unreachable), 502, 'network');
      assert.equal(error.status, null);
      assert.equal(error.mayHaveBeenSent, true);
      assert.equal(await standinControl.sends(standin), 0);
    });
  });

  describe('the key stays inside', () => {
    it('logs key-free notes on failures', async () => {
      await waitForLog(worker, /^worker POST \/api\/send 504 \d+ms timeout$/);
      await waitForLog(worker, /^worker POST \/api\/send 503 \d+ms http=429$/);
      await waitForLog(unreachable, /^worker POST \/api\/send 502 \d+ms network$/);
    });

    it('never showed the key in any answer or log line of this file', () => {
      assertNothingLeaked();
    });
  });
});
