// The worker's routes after the send in workerd, against the stand-in: bulk send, statuses,
// cancel, credits, the reply webhook; the key never leaves the worker.
// Run: node --test tests/worker/

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startStandin } from '../../tools/standin/server.mjs';
import { CANARY_KEY, assertNothingLeaked, call, errorOf, post, standinControl, startCapturedWorker } from './helpers.mjs';

const control = (standin, path, body) =>
  fetch(`${standin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

const two = [
  { phoneNumber: '06 11 11 11 11', message: 'Bonjour Zoé' },
  { phoneNumber: '+33 6 22 22 22 22', message: 'Bonjour Léo' },
];

const HOOK_TOKEN = 'hook-token-lifecycle';

describe('edge worker after the send', { timeout: 60_000 }, () => {
  let standin;
  let worker;

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY] });
    worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: standin.url, REPLY_WEBHOOK_TOKEN: HOOK_TOKEN });
  });
  after(async () => {
    assertNothingLeaked();
    await worker?.close();
    await standin?.close();
  });
  beforeEach(() => standinControl.reset(standin));

  it('POST /api/bulk sends the messages and answers the chunks', async () => {
    const res = await post(worker.url, '/api/bulk', { request: { messages: two, sender: 'Boutique', sandbox: 1 } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.result.complete, true);
    assert.deepEqual(res.body.result.chunks.map((c) => c.state), ['sent']);
    const [stored] = await standinControl.messages(standin);
    assert.equal(stored.kind, 'bulk');
    assert.equal(stored.sandbox, true);
    assert.deepEqual(stored.recipients.map((r) => r.phoneNumber), ['+33611111111', '+33622222222']);
  });

  it('POST /api/bulk refuses an invalid message with 422 and sends nothing', async () => {
    const res = await post(worker.url, '/api/bulk', { request: { messages: [{ phoneNumber: '12', message: 'x' }] } });
    const error = errorOf(res, 422, 'validation');
    assert.equal(error.errors[0].field, 'messages[0].phoneNumber');
    assert.equal(error.mayHaveBeenSent, false);
    assert.equal((await standinControl.messages(standin)).length, 0);
    errorOf(await post(worker.url, '/api/bulk', { request: 'x' }), 400, 'request');
  });

  it('POST /api/status answers each shape as a list of DeliveryStatus', async () => {
    await control(standin, '/__standin/delivery', { outcome: 'Delivered', numbers: { '+33622222222': 'Not delivered' } });
    const sent = await post(worker.url, '/api/bulk', { request: { messages: two, tag: 'rentree' } });
    const messageId = sent.body.result.chunks[0].messageId;
    const one = await post(worker.url, '/api/status', { request: { messageId, phoneNumber: '0611111111' } });
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body.statuses.map((s) => [s.phoneNumber, s.status]), [['+33611111111', 'delivered']]);
    const all = await post(worker.url, '/api/status', { request: { messageId } });
    assert.deepEqual(all.body.statuses.map((s) => s.status), ['delivered', 'notDelivered']);
    const tagged = await post(worker.url, '/api/status', { request: { tag: 'rentree' } });
    assert.equal(tagged.body.statuses.length, 2);
    const many = await post(worker.url, '/api/status', { request: { queries: [{ messageId, phoneNumber: '+33622222222' }] } });
    assert.equal(many.body.statuses[0].status, 'notDelivered');
    const missing = errorOf(await post(worker.url, '/api/status', { request: { messageId: 999 } }), 404, 'api');
    assert.equal(missing.reason, 'message_not_found');
    errorOf(await post(worker.url, '/api/status', { request: {} }), 400, 'request');
    errorOf(await post(worker.url, '/api/status', { request: { messageId: 'a b' } }), 422, 'validation');
  });

  it('POST /api/cancel cancels a scheduled send and says why it cannot', async () => {
    await control(standin, '/__standin/clock', { now: '2030-06-03T08:00:00Z' });
    const request = { phoneNumbers: '0611111111', message: 'Plus tard', scheduledDeliveryDate: '03/06/2030', time: 10, minute: 30 };
    const sent = await post(worker.url, '/api/send', { request });
    assert.equal(sent.status, 200, sent.text);
    const messageId = sent.body.result.messageId;
    const late = errorOf(await post(worker.url, '/api/cancel', { request: { messageId, scheduledAt: new Date(Date.now() + 60_000).toISOString() } }), 409, 'validation');
    assert.equal(late.reason, 'too_late');
    const done = await post(worker.url, '/api/cancel', { request: { messageId } });
    assert.equal(done.status, 200, done.text);
    assert.deepEqual(done.body, { ok: true, result: { cancelled: true } });
    assert.equal(errorOf(await post(worker.url, '/api/cancel', { request: { messageId } }), 409, 'api').reason, 'already_cancelled');
    assert.equal(errorOf(await post(worker.url, '/api/cancel', { request: { messageId: 4242 } }), 404, 'api').reason, 'message_not_found');
  });

  it('GET /api/credits answers the credits, the balance a number', async () => {
    const res = await call(worker.url, '/api/credits', { method: 'GET' });
    assert.equal(res.status, 200, res.text);
    assert.equal(typeof res.body.credits.balance, 'number');
    assert.equal(res.body.credits.creditSms, 10000);
    const wrong = await call(worker.url, '/api/credits', { method: 'POST', body: {} });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, OPTIONS');
  });

  it('POST /api/statistics answers the spending by month, checks the period, and keeps SMS Partner\'s 5 calls a minute', async () => {
    const res = await post(worker.url, '/api/statistics', { request: { interval: 'last_twelve_months' } });
    assert.equal(res.status, 200, res.text);
    assert.ok(Array.isArray(res.body.statistics));
    assert.ok(res.body.statistics.every((m) => typeof m.nbSend === 'number' && typeof m.cost === 'number'));
    const refused = errorOf(await post(worker.url, '/api/statistics', { request: { interval: 'custom', from: '2026-02-01' } }), 422, 'validation');
    assert.equal(refused.errors[0].code, 'date_range_required');
    // Calls made so far this minute, this one included: 1 (the refused one asked nothing).
    for (let i = 0; i < 4; i += 1) assert.equal((await post(worker.url, '/api/statistics', { request: {} })).status, 200);
    const limited = errorOf(await post(worker.url, '/api/statistics', { request: {} }), 429, 'http');
    assert.equal(limited.reason, 'rate_limited');
  });

  it('POST /webhooks/replies keeps the replies SMS Partner posts, in parts or whole', async () => {
    const urlResponse = `${worker.url}/webhooks/replies?token=${HOOK_TOKEN}`;
    const sent = await post(worker.url, '/api/send', { request: { phoneNumbers: '0611111111', message: 'Venez-vous ?', urlResponse } });
    const messageId = sent.body.result.messageId;
    const long = await control(standin, '/__standin/reply', { messageId, phoneNumber: '0611111111', text: `Oui ${'a'.repeat(200)}`, via: 'long' });
    assert.deepEqual(long.posted.map((p) => p.status), [200, 200]);
    const short = await control(standin, '/__standin/reply', { messageId, phoneNumber: '0611111111', text: 'STOP', via: 'short', encoding: 'json' });
    assert.deepEqual(short.posted.map((p) => p.status), [200]);
    const res = await call(worker.url, '/api/replies', { method: 'GET' });
    const latest = res.body.replies.slice(-3);
    assert.deepEqual(latest.map((r) => [r.kind, r.from, r.part?.index ?? null]), [
      ['reply', '+33611111111', 1],
      ['reply', '+33611111111', 2],
      ['stop', '+33611111111', null],
    ]);
    assert.equal(latest[2].messageId, messageId);
    const bad = await call(worker.url, `/webhooks/replies?token=${HOOK_TOKEN}`, { raw: 'hello=world', contentType: 'application/x-www-form-urlencoded' });
    errorOf(bad, 400, 'request');
  });
});
