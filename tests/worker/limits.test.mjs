// The daily SMS limits per caller and per account, exact under concurrency (64 sends at once
// near a limit never go over it by one SMS), given back when SMS Partner sent nothing, kept when
// it may have sent; campaigns and bulk sends counted as sends; the per-caller request rate.
// Run: node --test tests/worker/limits.test.mjs

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startStandin } from '../../tools/standin/server.mjs';
import { deployedOptions } from '../../tools/demo/worker-runtime.mjs';
import { CANARY_KEY, assertNothingLeaked, call, errorOf, post, standinControl, startCapturedWorker } from './helpers.mjs';

const TIMEOUT = { timeout: 180_000 };
const AT_ONCE = 64;

/** A distinct valid French mobile number for each `i`. */
const mobile = (i) => `+3361${String(i).padStart(7, '0')}`;
/** A GSM message of exactly two SMS. */
const TWO_SMS = 'a'.repeat(200);

const PARIS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** Checks a 429 limit_reached answer: Retry-After is the start of the next Paris day. */
function assertLimitReached(res, scope) {
  const error = errorOf(res, 429, 'request');
  assert.equal(error.code, 'limit_reached');
  assert.equal(error.mayHaveBeenSent, false);
  assert.equal(res.body.limit.scope, scope);
  const retryAfter = Number(res.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 25 * 3600, `Retry-After ${retryAfter}`);
  assert.equal(res.body.limit.retryAfter, retryAfter);
  const midnight = PARIS.format(new Date(Date.now() + retryAfter * 1000));
  assert.ok(['00:00:00', '00:00:01', '00:00:02', '23:59:59'].includes(midnight), `Retry-After ends at ${midnight} in Paris`);
  return res.body.limit;
}

describe('daily SMS limits', TIMEOUT, () => {
  let standin;
  const closers = [];

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY] });
  });
  beforeEach(() => standinControl.reset(standin));
  after(async () => {
    assertNothingLeaked();
    for (const close of closers.reverse()) await close();
    await standin?.close();
  });

  async function worker(bindings, options) {
    const started = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: standin.url, FORCE_SANDBOX: '0', ...bindings }, options);
    closers.push(() => started.close());
    return started;
  }

  it(`${AT_ONCE} sends at once against a caller's limit of 50 SMS: exactly 50 sent, the rest 429`, async () => {
    const w = await worker({ DAILY_SMS_LIMIT_PER_CALLER: '50' });
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) => post(w.url, '/api/send', { request: { phoneNumbers: mobile(i), message: 'Bonjour' } })),
    );
    const sent = answers.filter((res) => res.status === 200);
    assert.equal(sent.length, 50, answers.map((res) => res.status).join(' '));
    for (const res of answers.filter((r) => r.status !== 200)) assert.deepEqual(assertLimitReached(res, 'caller').left, { caller: 0, account: 10_000 - 50 });
    assert.equal(await standinControl.sends(standin), 50);
    const session = await call(w.url, '/api/session', { method: 'GET' });
    assert.deepEqual(session.body.left, { caller: 0, account: 10_000 - 50 });
    // Another caller has a day of its own.
    const other = await post(w.url, '/api/send', { request: { phoneNumbers: mobile(99), message: 'Bonjour' } }, {}).then(() =>
      call(w.url, '/api/send', { body: { request: { phoneNumbers: mobile(98), message: 'Bonjour' } }, as: { email: 'other@example.org' } }),
    );
    assert.equal(other.status, 200, other.text);
  });

  it(`${AT_ONCE} sends of 2 SMS at once from four callers against the account's 61: exactly 30 sent`, async () => {
    const w = await worker({ DAILY_SMS_LIMIT_PER_CALLER: '1000', DAILY_SMS_LIMIT: '61' });
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        call(w.url, '/api/send', { body: { request: { phoneNumbers: mobile(i), message: TWO_SMS } }, as: { email: `caller${i % 4}@example.org` } }),
      ),
    );
    assert.equal(answers.filter((res) => res.status === 200).length, 30);
    for (const res of answers.filter((r) => r.status !== 200)) assert.equal(assertLimitReached(res, 'account').left.account, 1);
    const stored = await standinControl.messages(standin);
    assert.equal(stored.reduce((sum, message) => sum + message.nbSms, 0), 60);
  });

  it('counts recipients × SMS, gives back what SMS Partner refused, keeps what may have been sent', async () => {
    const w = await worker({ DAILY_SMS_LIMIT_PER_CALLER: '10' });
    const three = [mobile(1), mobile(2), mobile(3)].join(',');
    assert.equal((await post(w.url, '/api/send', { request: { phoneNumbers: three, message: TWO_SMS } })).status, 200);
    const refused = await post(w.url, '/api/send', { request: { phoneNumbers: three, message: TWO_SMS } });
    assert.deepEqual(assertLimitReached(refused, 'caller'), { scope: 'caller', needed: 6, left: { caller: 4, account: 9994 }, limits: { caller: 10, account: 10_000 }, retryAfter: refused.body.limit.retryAfter });
    // SMS Partner refuses (code 9): nothing was sent, the SMS come back.
    await standinControl.fault(standin, { kind: 'reject' });
    errorOf(await post(w.url, '/api/send', { request: { phoneNumbers: mobile(4), message: TWO_SMS } }), 422, 'api');
    assert.equal((await call(w.url, '/api/session', { method: 'GET' })).body.left.caller, 4);
    // The answer is lost after SMS Partner took it: it may have been sent, the SMS stay counted.
    await standinControl.fault(standin, { kind: 'reset' });
    const lost = await post(w.url, '/api/send', { request: { phoneNumbers: mobile(5), message: TWO_SMS } });
    assert.equal(lost.body.error.mayHaveBeenSent, true, lost.text);
    assert.equal((await call(w.url, '/api/session', { method: 'GET' })).body.left.caller, 2);
    // Sandbox sends are not billed and not counted.
    const sandboxed = await post(w.url, '/api/send', { request: { phoneNumbers: three, message: TWO_SMS, sandbox: 1 } });
    assert.equal(sandboxed.status, 200, sandboxed.text);
    assert.equal((await call(w.url, '/api/session', { method: 'GET' })).body.left.caller, 2);
  });

  it('counts bulk sends and campaigns, and gives back what a stopped campaign never sent', async () => {
    const w = await worker({ DAILY_SMS_LIMIT_PER_CALLER: '20' });
    const messages = Array.from({ length: 5 }, (_, i) => ({ phoneNumber: mobile(10 + i), message: i === 0 ? TWO_SMS : 'Bonjour' }));
    const bulk = await post(w.url, '/api/bulk', { request: { messages } });
    assert.equal(bulk.status, 200, bulk.text);
    assert.equal((await call(w.url, '/api/session', { method: 'GET' })).body.left.caller, 14);
    const tooBig = await call(w.url, '/api/campaigns', { body: { request: { message: 'Promo' }, recipients: Array.from({ length: 15 }, (_, i) => mobile(100 + i)) } });
    assertLimitReached(tooBig, 'caller');
    const dry = await call(w.url, '/api/campaigns', { body: { request: { message: 'Promo' }, recipients: Array.from({ length: 15 }, (_, i) => mobile(100 + i)), options: { dryRun: true } } });
    assert.equal(dry.status, 200, dry.text);
    assert.equal(dry.body.sms, 15);
    const campaign = await call(w.url, '/api/campaigns', { body: { request: { message: 'Promo' }, recipients: Array.from({ length: 14 }, (_, i) => mobile(100 + i)) } });
    assert.equal(campaign.status, 202, campaign.text);
    assert.equal(campaign.body.sms, 14);
    assert.equal((await call(w.url, '/api/session', { method: 'GET' })).body.left.caller, 0);
    const audit = await waitFor(() => w.logs.find((line) => line.startsWith('worker audit campaign ')));
    assert.match(audit, new RegExp(`campaign=${campaign.body.id} recipients=14 chunks=1 sms=14 sandbox=false$`));
  });

  it('a campaign stopped before its chunks leave gives their SMS back', async () => {
    const w = await worker({ DAILY_SMS_LIMIT_PER_CALLER: '100' });
    await standinControl.fault(standin, { kind: 'slow', delayMs: 3000, times: 1 });
    const campaign = await call(w.url, '/api/campaigns', {
      body: { request: { message: 'Promo' }, recipients: Array.from({ length: 60 }, (_, i) => mobile(200 + i)), options: { chunkSize: 1 } },
    });
    assert.equal(campaign.status, 202, campaign.text);
    const stopped = await call(w.url, `/api/campaigns/${campaign.body.id}/stop`, { body: {} });
    assert.equal(stopped.status, 200, stopped.text);
    const progress = await waitFor(async () => {
      const p = (await call(w.url, `/api/campaigns/${campaign.body.id}`, { method: 'GET' })).body;
      return p.chunks.unknown === 0 && p.chunks.pending === 0 ? p : undefined;
    }, 30_000);
    const left = (await call(w.url, '/api/session', { method: 'GET' })).body.left.caller;
    assert.equal(left, 100 - progress.chunks.sent, JSON.stringify(progress.chunks));
    assert.ok(progress.chunks.stopped > 0, JSON.stringify(progress.chunks));
  });

  it('a bad limit setting is a config error; the limits object failing refuses the send', async () => {
    const bad = await worker({ DAILY_SMS_LIMIT: 'lots' });
    errorOf(await post(bad.url, '/api/send', { request: { phoneNumbers: mobile(1), message: 'x' } }), 500, 'config');
    // SEND_QUOTA bound to an object that has no such calls: every reservation throws.
    const { durableObjects } = await deployedOptions();
    const broken = await worker({}, { miniflareOptions: { durableObjects: { ...durableObjects, SEND_QUOTA: durableObjects.STOP_LIST } } });
    const res = await post(broken.url, '/api/send', { request: { phoneNumbers: mobile(1), message: 'x' } });
    errorOf(res, 503, 'request');
    assert.equal(res.body.error.code, 'limit_unavailable');
    assert.equal(await standinControl.sends(standin), 0);
  });

  it('CALLER_RATE_LIMIT: past its requests a minute a caller gets 429 rate_limited; others do not', async () => {
    const w = await worker({}, { rateLimit: 5 });
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await call(w.url, '/api/session', { method: 'GET' })).status);
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    const limited = await call(w.url, '/api/session', { method: 'GET' });
    errorOf(limited, 429, 'request');
    assert.equal(limited.body.error.code, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal((await call(w.url, '/api/session', { method: 'GET', as: { email: 'someone-else@example.org' } })).status, 200);
  });
});

/** Resolves to the first truthy `check()` (may be async), polling; fails after `timeoutMs`. */
async function waitFor(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
