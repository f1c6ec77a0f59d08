// Every code of SMS Partner's send table through the edge worker in workerd: each answered with
// its status, reason and field, never resent; the rules the stand-in enforces; the limits checked
// before anything is sent.
// Run: node --test tests/worker/

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startStandin } from '../../tools/standin/server.mjs';
import { CANARY_KEY, VALID_REQUEST, assertNothingLeaked, errorOf, post, standinControl, startCapturedWorker } from './helpers.mjs';

describe("SMS Partner's codes through the edge worker", { timeout: 180_000 }, () => {
  let standin;
  let worker;

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY] });
    worker = await startCapturedWorker({ SMSPARTNER_BASE_URL: standin.url, SMSPARTNER_API_KEY: CANARY_KEY });
  });

  after(async () => {
    await worker?.close();
    await standin?.close();
  });

  beforeEach(() => standinControl.reset(standin));

  const send = (target, request = VALID_REQUEST) => post(target.url, '/api/send', { request });

  describe("every code of SMS Partner's send table", () => {
    // [code, worker status, kind, reason, field]: the request's author can fix 422, the
    // operator 500 (details hidden), 402 credits, 502 SMS Partner's own failures.
    const account = [500, 'config', null, null];
    const cases = [
      [1, ...account], [10, ...account], [13, ...account], [20, ...account], [30, ...account],
      [40, ...account], [96, ...account],
      [2, 422, 'api', 'phone_numbers_required', 'phoneNumbers'],
      [4, 502, 'api', 'message_not_found', null],
      [9, 422, 'api', 'constraints_failed', null],
      [11, 402, 'api', 'not_enough_credits', null],
      [14, 422, 'api', 'number_in_stop_list', 'phoneNumbers'],
      [15, 422, 'api', 'number_already_listed', 'phoneNumbers'],
      [22, 422, 'api', 'outside_marketing_hours', 'time'],
      [23, 422, 'api', 'marketing_day_not_allowed', 'scheduledDeliveryDate'],
      [42, 422, 'api', 'low_cost_too_long', 'message'],
      [43, 422, 'api', 'message_required', 'message'],
      [44, 422, 'api', 'sender_invalid', 'sender'],
      [45, 422, 'api', 'schedule_date_required', 'scheduledDeliveryDate'],
      [46, 422, 'api', 'time_required', 'time'],
      [47, 422, 'api', 'minute_invalid', 'minute'],
      [48, 422, 'api', 'minute_out_of_range', 'minute'],
      [49, 422, 'api', 'schedule_date_invalid', 'scheduledDeliveryDate'],
      [50, 422, 'api', 'too_many_phone_numbers', 'phoneNumbers'],
      [51, 422, 'api', 'low_cost_not_allowed', 'gamme'],
      [52, 422, 'api', 'too_many_sms', 'message'],
      [55, 422, 'api', 'no_phone_number', 'phoneNumbers'],
      [90, 502, 'api', 'json_malformed', null],
      [500, 502, 'api', 'queue_failed', null],
      [992, 422, 'api', 'sender_not_allowed', 'sender'],
    ];
    for (const [code, status, kind, reason, field] of cases) {
      it(`code ${code} → ${status} kind ${kind}, reason and field, once upstream and never resent`, async () => {
        await standinControl.fault(standin, { kind: 'code', code, asString: code === 992, times: 5 });
        const res = await send(worker);
        const error = errorOf(res, status, kind);
        assert.equal(error.mayHaveBeenSent, false, `${code}: ${res.text}`);
        assert.equal(error.reason, reason, `${code}: ${res.text}`);
        assert.equal(error.field, field, `${code}`);
        assert.equal(error.code, kind === 'config' ? null : code, `${code}`);
        assert.equal(await standinControl.sends(standin), 1, `${code}`);
      });
    }

    it('the stand-in enforcing 14 (a STOP-listed number) comes back on phoneNumbers', async () => {
      await fetch(`${standin.url}/v1/stop-sms/add`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: CANARY_KEY, phoneNumber: '0612345678' }),
      });
      const error = errorOf(await send(worker), 422, 'api');
      assert.deepEqual([error.code, error.reason, error.field], [14, 'number_in_stop_list', 'phoneNumbers']);
    });

    it('the limits are checked before anything is sent', async () => {
      for (const [request, code] of [
        [{ ...VALID_REQUEST, message: 'a'.repeat(1531) }, 'message_too_long'],
        [{ ...VALID_REQUEST, message: 'a'.repeat(161), gamme: 2 }, 'low_cost_too_long'],
        [{ ...VALID_REQUEST, tag: 'Promo' }, 'tag_not_lowercase'],
      ]) {
        const error = errorOf(await send(worker, request), 422, 'validation');
        assert.deepEqual(error.errors.map((e) => e.code), [code]);
      }
      const report = await post(worker.url, '/api/validate', { request: { ...VALID_REQUEST, message: 'a'.repeat(1530) } });
      assert.equal(report.body.valid, true, report.text);
      assert.equal(report.body.message.smsCount, 10);
      assert.equal(await standinControl.sends(standin), 0);
    });
  });

  it('never showed the key in any answer or log line of this file', () => {
    assertNothingLeaked();
  });
});
