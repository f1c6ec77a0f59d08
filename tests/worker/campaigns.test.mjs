// Campaigns through the edge worker in workerd, on its Queue and Durable Objects, against the
// stand-in: 100,000 recipients through faults sent exactly once, a consumer killed mid-call,
// a STOP reply mid-campaign, delivery reports into the ledger, the checks and reports of POST
// /api/campaigns, stopping.
// Run: node --test tests/worker/campaigns.test.mjs

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startStandin } from '../../tools/standin/server.mjs';
import { deployedOptions } from '../../tools/demo/worker-runtime.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { CANARY_KEY, assertNothingLeaked, call, seen, signedHeaders, startCapturedWorker } from './helpers.mjs';

const TIMEOUT = { timeout: 240_000 };
/** The worker's settings in these tests: short timeouts so that faults settle in seconds. */
const FAST = Object.freeze({
  SMSPARTNER_API_KEY: CANARY_KEY,
  SEND_TIMEOUT_MS: '2000',
  CAMPAIGN_SETTLE_SECONDS: '1',
  CAMPAIGN_SWEEP_SECONDS: '60',
  // 100,000 recipients in one campaign: the daily limits are not what these tests are about.
  DAILY_SMS_LIMIT_PER_CALLER: '10000000',
  DAILY_SMS_LIMIT: '10000000',
});
const POLL_MS = 250;

/** A distinct valid French mobile number for each `i` (E.164). */
const mobile = (i) => `+3361${String(i).padStart(7, '0')}`;

/** Starts a worker whose log lines are kept (and checked for the key at the end); `access` keeps an earlier one's. */
const startCampaignWorker = (bindings, persist = false, access = null) =>
  startCapturedWorker({ ...FAST, ...bindings }, { persist, access });

const postCampaign = (worker, body) => call(worker.url, '/api/campaigns', { body });
const progressOf = async (worker, id) => (await call(worker.url, `/api/campaigns/${id}?chunks=1`, { method: 'GET' })).body;

/** Polls the campaign until `done(progress)`; fails with the last progress after `timeoutMs`. */
async function waitForCampaign(worker, id, done, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let progress;
  while (Date.now() < deadline) {
    progress = await progressOf(worker, id);
    if (done(progress)) return progress;
    await sleep(POLL_MS);
  }
  const { list, ...summary } = progress ?? {};
  assert.fail(`campaign ${id} did not settle: ${JSON.stringify(summary)}`);
}

const settled = (p) => p?.state === 'done' || (p?.state === 'stopped' && p.chunks.unknown === 0);

/** The stand-in's bulk sends of campaign `id` (their tags start with it). */
const bulkSendsOf = (standin, id) => standin.state.messages.filter((m) => m.kind === 'bulk' && String(m.body.tag).startsWith(`${id}-`));

/** How often each number reached the stand-in in campaign `id` (every number of each stored SMSList). */
function countAtStandin(standin, id) {
  const counts = new Map();
  for (const message of bulkSendsOf(standin, id)) {
    for (const item of message.body.SMSList) counts.set(item.phoneNumber, (counts.get(item.phoneNumber) ?? 0) + 1);
  }
  return counts;
}

/** `{ missing, doubled }` of `numbers` in `counts`. */
function exactness(numbers, counts) {
  let missing = 0;
  let doubled = 0;
  for (const number of numbers) {
    const n = counts.get(number) ?? 0;
    if (n === 0) missing += 1;
    if (n > 1) doubled += 1;
  }
  return { missing, doubled };
}

describe('campaigns on the Queue and Durable Objects', TIMEOUT, () => {
  let standin;
  const closers = [];

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY], credits: { creditSms: 1_000_000 } });
  });

  after(async () => {
    for (const close of closers.reverse()) await close();
    await standin?.close();
  });

  /** A proxy and a worker sending through it; both closed after the tests. */
  async function stack(plan, bindings = {}, persist = false) {
    const proxy = await startFaultProxy(standin, plan);
    const worker = await startCampaignWorker({ SMSPARTNER_BASE_URL: proxy.url, ...bindings }, persist);
    closers.push(() => proxy.close(), () => worker.close());
    return { proxy, worker };
  }

  it('sends 100,000 recipients exactly once through faults on 2% of the chunks', async () => {
    const faults = new Map([
      [13, { kind: 'status500' }],
      [77, { kind: 'reset' }],
      [131, { kind: 'slow', delayMs: 4000 }],
      [188, { kind: 'refused' }],
    ]);
    // The statuses asked as soon as the chunks settle: no report comes to this worker.
    const { proxy, worker } = await stack((tag, before) => (before === 0 ? faults.get(Number(tag.split('-')[1])) ?? null : null), { CAMPAIGN_DELIVERY_CHECK_SECONDS: '0' });
    const numbers = Array.from({ length: 100_000 }, (_, i) => mobile(i));
    const recipients = numbers.map((phoneNumber, i) => ({ phoneNumber, fields: { prenom: `Client ${i}` } }));
    const created = await postCampaign(worker, { request: { message: '{prenom}, les soldes commencent demain', sender: 'Boutique' }, recipients });
    assert.equal(created.status, 202, created.text.slice(0, 500));
    assert.equal(created.body.recipients, 100_000);
    assert.equal(created.body.chunks, 200);
    assert.deepEqual([created.body.invalid, created.body.skippedStop, created.body.duplicates], [[], [], []]);
    const { id } = created.body;
    assert.match(id, /^[a-z0-9]{12}$/);

    const progress = await waitForCampaign(worker, id, settled, 180_000);
    assert.equal(progress.state, 'done');
    assert.deepEqual(progress.chunks, { total: 200, sent: 200, failed: 0, unknown: 0, pending: 0, skipped: 0, stopped: 0 });
    assert.equal(progress.accepted, 100_000);
    assert.equal(progress.nbSms, 100_000);

    const counts = countAtStandin(standin, id);
    assert.deepEqual(exactness(numbers, counts), { missing: 0, doubled: 0 });
    assert.equal([...counts.values()].reduce((a, b) => a + b, 0), 100_000, 'a number outside the campaign was sent');
    // Each one got its own rendering of the template.
    const rendered = bulkSendsOf(standin, id).flatMap((m) => m.body.SMSList);
    assert.ok(rendered.every((item) => item.message === `Client ${Number(item.phoneNumber.slice(5))}, les soldes commencent demain`));

    // Every recipient's outcome, from the statuses the ledger asked: they add up, none twice.
    const delivered = await waitForCampaign(worker, id, (p) => p.delivery.pending === 0, 120_000);
    assert.deepEqual(delivered.delivery, { delivered: 100_000, failed: 0, pending: 0, failedBy: {} });
    const report = await call(worker.url, `/api/campaigns/${id}/report.csv`, { method: 'GET' });
    const lines = report.text.split('\r\n').slice(1, -1);
    assert.equal(lines.length, 100_000);
    assert.equal(new Set(lines.map((line) => line.split(';')[0])).size, 100_000);
    assert.ok(lines.every((line) => line.split(';').slice(1, 3).join(';') === 'sent;delivered'));
    const accepted = bulkSendsOf(standin, id).flatMap((m) => m.recipients.map((r) => r.phoneNumber));
    assert.equal(new Set(accepted).size, 100_000);
    assert.equal(accepted.length, 100_000);

    // Each faulted chunk: its first call failed, the ledger says how it was settled.
    const byIndex = new Map(progress.list.map((chunk) => [chunk.index, chunk]));
    for (const [index, fault] of faults) {
      assert.ok(proxy.log.some((entry) => entry.tag === `${id}-${index}` && entry.fault === fault.kind), `chunk ${index} was not faulted`);
    }
    const lost = (index) => byIndex.get(index).history.find((event) => event.event === 'unknown')?.error;
    assert.equal(lost(13).status, 500);
    assert.equal(lost(77).kind, 'network');
    assert.equal(lost(131).kind, 'timeout');
    assert.equal(lost(188).kind, 'network');
    // Not stored by the stand-in (500, refused): sent again after the tag showed no trace.
    // Stored (reset, timeout): found by tag, never sent again.
    assert.deepEqual(
      [13, 77, 131, 188].map((i) => byIndex.get(i).resolvedBy),
      ['send', 'trace', 'trace', 'send'],
    );
    for (const chunk of progress.list) {
      assert.equal(chunk.tag, `${id}-${chunk.index}`);
      if (chunk.attempts > 1) {
        assert.ok(chunk.history.some((event) => event.event === 'unknown'), `chunk ${chunk.index} was retried without a lost answer`);
      }
      if (!faults.has(chunk.index) && chunk.attempts === 1) assert.equal(chunk.resolvedBy, 'send');
    }
  });

  it('a consumer killed between "sending" and "sent" and restarted does not send again', async () => {
    const persist = await mkdtemp(join(tmpdir(), 'campaign-ledger-'));
    closers.push(() => rm(persist, { recursive: true, force: true }));
    const bindings = { CAMPAIGN_SWEEP_SECONDS: '1' };
    const { proxy, worker } = await stack((tag, before) => (tag.endsWith('-1') && before === 0 ? { kind: 'hold' } : null), bindings, persist);
    const numbers = Array.from({ length: 30 }, (_, i) => mobile(200_000 + i));
    const created = await postCampaign(worker, { request: { message: 'Votre colis arrive' }, recipients: numbers, options: { chunkSize: 10 } });
    assert.equal(created.status, 202, created.text);
    const { id } = created.body;

    // Chunk 1 reached SMS Partner, its answer is held: the ledger says "sending".
    const deadline = Date.now() + 30_000;
    while (proxy.held.length === 0 && Date.now() < deadline) await sleep(20);
    assert.equal(proxy.held.length, 1, 'chunk 1 never reached the stand-in');
    const during = await progressOf(worker, id);
    assert.equal(during.list[1].state, 'sending');
    assert.equal(bulkSendsOf(standin, id).filter((m) => m.body.tag === `${id}-1`).length, 1);

    // Killed mid-call: workerd goes away with the consumer, its queue message with it.
    await worker.close({ keepAccess: true });
    for (const { res } of proxy.held) res.socket?.destroy();

    const restarted = await startCampaignWorker({ SMSPARTNER_BASE_URL: proxy.url, ...bindings }, persist, worker.access);
    closers.push(() => restarted.close());
    const progress = await waitForCampaign(restarted, id, settled, 60_000);
    assert.deepEqual(progress.chunks, { total: 3, sent: 3, failed: 0, unknown: 0, pending: 0, skipped: 0, stopped: 0 });
    assert.equal(progress.list[1].resolvedBy, 'trace');
    assert.deepEqual(exactness(numbers, countAtStandin(standin, id)), { missing: 0, doubled: 0 });
    assert.equal(bulkSendsOf(standin, id).length, 3);
  });

  it('a STOP reply received mid-campaign keeps the number out of later chunks and campaigns', async () => {
    const { maxBatchSize } = Object.values((await deployedOptions()).queueConsumers)[0];
    const { proxy, worker } = await stack(() => null, { SEND_TIMEOUT_MS: '10000', REPLY_WEBHOOK_TOKEN: 'hook-secret-2' });
    const webhook = `${worker.url}/webhooks/replies?token=hook-secret-2`;
    const stopper = mobile(300_000);

    // A first campaign reaches the number: its reply will come back to the webhook.
    const first = await postCampaign(worker, { request: { message: 'Bienvenue', urlResponse: webhook }, recipients: [stopper] });
    assert.equal(first.status, 202, first.text);
    await waitForCampaign(worker, first.body.id, settled, 30_000);
    const [firstSend] = bulkSendsOf(standin, first.body.id);

    // The second: more chunks than a batch, the number in the last one; the first batch is
    // held at the gate while the STOP arrives, so the last chunk is read after it (workerd's
    // queue, as Miniflare runs it, hands the consumer one batch at a time).
    const chunkSize = 5;
    const chunkCount = maxBatchSize + 2;
    const numbers = Array.from({ length: chunkSize * chunkCount - 1 }, (_, i) => mobile(300_001 + i));
    numbers.push(stopper);
    proxy.gate();
    const second = await postCampaign(worker, { request: { message: 'Promo', urlResponse: webhook }, recipients: numbers, options: { chunkSize } });
    assert.equal(second.status, 202, second.text);
    assert.equal(second.body.chunks, chunkCount);
    const deadline = Date.now() + 30_000;
    while (proxy.waiting === 0 && Date.now() < deadline) await sleep(20);
    assert.ok(proxy.waiting > 0, 'no chunk reached the gate');

    const posted = await fetch(`${standin.url}/__standin/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: firstSend.messageId, phoneNumber: stopper, text: 'STOP' }),
    }).then((r) => r.json());
    assert.ok(posted.ok, JSON.stringify(posted));
    assert.deepEqual(posted.posted.map((p) => p.status), [200]);
    proxy.open();

    const progress = await waitForCampaign(worker, second.body.id, settled, 60_000);
    assert.equal(progress.chunks.sent, chunkCount);
    const last = progress.list[chunkCount - 1];
    assert.deepEqual(last.skippedStop, [stopper]);
    assert.equal(progress.skippedStop, 1);
    const counts = countAtStandin(standin, second.body.id);
    assert.equal(counts.get(stopper), undefined, 'the STOP number was sent');
    assert.deepEqual(exactness(numbers.slice(0, -1), counts), { missing: 0, doubled: 0 });

    // A later campaign leaves it out from the start and says so.
    const third = await postCampaign(worker, { request: { message: 'Encore' }, recipients: [stopper, mobile(300_500)] });
    assert.equal(third.status, 202, third.text);
    assert.equal(third.body.recipients, 1);
    assert.deepEqual(third.body.skippedStop, [{ index: 0, phoneNumber: stopper, reason: 'stop_list' }]);
    await waitForCampaign(worker, third.body.id, settled, 30_000);
    assert.deepEqual(bulkSendsOf(standin, third.body.id).flatMap((m) => m.body.SMSList.map((item) => item.phoneNumber)), [mobile(300_500)]);
  });

  it('delivery reports come back through the webhook into the campaign ledger, by outcome', async () => {
    const control = (path, body) =>
      fetch(`${standin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    const { worker } = await stack(() => null, { REPLY_WEBHOOK_TOKEN: 'hook-secret-3' });
    const numbers = Array.from({ length: 6 }, (_, i) => mobile(400_000 + i));
    await control('/__standin/delivery', { outcome: 'Delivered', afterMs: 60_000, numbers: { [numbers[1]]: 'Not delivered', [numbers[4]]: 'ko' } });
    try {
      const created = await postCampaign(worker, { request: { message: 'Livraison' }, recipients: numbers, options: { chunkSize: 2 } });
      assert.equal(created.status, 202, created.text);
      const { id } = created.body;
      const sent = await waitForCampaign(worker, id, settled, 30_000);
      // Sent, nothing final yet on the stand-in's clock: every recipient pending.
      assert.deepEqual(sent.delivery, { delivered: 0, failed: 0, pending: 6, failedBy: {} });
      const [send] = bulkSendsOf(standin, id);
      assert.match(send.body.urlDlr, new RegExp(`/webhooks/dlr\\?token=hook-secret-3&campaign=${id}$`));

      await control('/__standin/clock', { advanceMs: 60_000 });
      const reported = await waitForCampaign(worker, id, (p) => p.delivery.pending === 0, 30_000);
      assert.deepEqual(reported.delivery, { delivered: 4, failed: 2, pending: 0, failedBy: { undeliverable: 1, rejected: 1 } });

      // The webhook's refusals: a wrong token is no route, a body that is no report is 400, a
      // report of a send the campaign did not make is answered and not kept.
      const hook = (query, body) =>
        fetch(`${worker.url}/webhooks/dlr?${query}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      assert.equal((await hook(`token=wrong&campaign=${id}`, 'messageId=1&status=Delivered')).status, 404);
      const invalid = await hook(`token=hook-secret-3&campaign=${id}`, 'status=Delivered');
      assert.equal(invalid.status, 400);
      assert.equal((await invalid.json()).error.code, 'report_invalid');
      const stranger = await hook(`token=hook-secret-3&campaign=${id}`, `messageId=999999&phoneNumber=${encodeURIComponent(numbers[0])}&status=Not%20delivered`);
      assert.equal(stranger.status, 200);
      assert.deepEqual(await stranger.json(), { ok: true, recorded: false, reason: 'unknown_message', status: 'notDelivered' });
      // A late pending report never undoes a final one.
      const late = await hook(`token=hook-secret-3&campaign=${id}`, `messageId=${send.messageId}&phoneNumber=${encodeURIComponent(send.body.SMSList[0].phoneNumber)}&stat=ENROUTE`);
      assert.deepEqual(await late.json(), { ok: true, recorded: false, reason: 'already_final', status: 'waiting' });
      assert.deepEqual((await progressOf(worker, id)).delivery, reported.delivery);

      // A STOP answered by one recipient after the campaign: counted on request, and in the report.
      const stop = await fetch(`${worker.url}/webhooks/replies?token=hook-secret-3`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ type: 'response', phone_number: numbers[0], text: 'STOP', message_id: String(send.messageId) }).toString(),
      });
      assert.equal(stop.status, 200);
      const withStops = (await call(worker.url, `/api/campaigns/${id}?stops=1`, { method: 'GET' })).body;
      assert.equal(withStops.stopReceived, 1);
      assert.equal((await progressOf(worker, id)).stopReceived, undefined);

      // The report as a spreadsheet: UTF-8 with a BOM, `;`, CRLF, one line per recipient.
      const csv = await fetch(`${worker.url}/api/campaigns/${id}/report.csv?lang=fr`, { headers: await signedHeaders(worker.url) });
      assert.equal(csv.status, 200);
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines[0], 'numéro;état;remise;groupe de remise;signalé le (UTC);motif;a répondu STOP;identifiant du message;tag');
      const byNumber = new Map(lines.slice(1).map((line) => line.split(';')).map((cells) => [cells[0], cells]));
      assert.equal(byNumber.size, numbers.length);
      // A number starts with `+`, which a spreadsheet would read as a formula: written `'+33…`.
      const cells = (number) => byNumber.get(`'${number}`);
      assert.deepEqual(cells(numbers[0]).slice(1, 4), ['sent', 'delivered', 'delivered']);
      assert.deepEqual(cells(numbers[1]).slice(1, 4), ['sent', 'notDelivered', 'undeliverable']);
      // The stand-in reports `ko` with the group of a platform rejection: the group decides.
      assert.deepEqual(cells(numbers[4]).slice(1, 4), ['sent', 'notDelivered', 'rejected']);
      assert.match(cells(numbers[0])[4], /^\d{4}-\d{2}-\d{2}T/);
      assert.equal(cells(numbers[0])[8], `${id}-0`);
      assert.equal(cells(numbers[0])[6], 'STOP');
      assert.equal(cells(numbers[1])[6], '');
      const english = await call(worker.url, `/api/campaigns/${id}/report.csv`, { method: 'GET' });
      assert.match(english.text, /^phone number;state;delivery;/);
      assert.equal((await call(worker.url, '/api/campaigns/aaaaaaaaaaaa/report.csv', { method: 'GET' })).status, 404);
    } finally {
      await control('/__standin/delivery', { outcome: 'Delivered', afterMs: 0, numbers: {} });
      await control('/__standin/clock', { now: null });
    }
  });

  it('a delivery report that comes before its chunk\'s answer is recorded waits for it', async () => {
    // The stand-in answers (and reports) at once; the proxy holds the answer back a second.
    const { worker } = await stack((tag, before) => (before === 0 ? { kind: 'slow', delayMs: 1000 } : null), { REPLY_WEBHOOK_TOKEN: 'hook-secret-4' });
    const numbers = [mobile(800_000), mobile(800_001)];
    const created = await postCampaign(worker, { request: { message: 'Rapide' }, recipients: numbers });
    assert.equal(created.status, 202, created.text);
    const progress = await waitForCampaign(worker, created.body.id, (p) => settled(p) && p.delivery.pending === 0, 30_000);
    assert.deepEqual(progress.delivery, { delivered: 2, failed: 0, pending: 0, failedBy: {} });
  });

  it('without delivery reports, the ledger asks the statuses of each sent chunk after the check time', async () => {
    const control = (path, body) =>
      fetch(`${standin.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    // No REPLY_WEBHOOK_TOKEN: no urlDlr, so no report ever comes.
    const { worker } = await stack(() => null, { CAMPAIGN_SWEEP_SECONDS: '1', CAMPAIGN_DELIVERY_CHECK_SECONDS: '1' });
    const numbers = Array.from({ length: 4 }, (_, i) => mobile(600_000 + i));
    await control('/__standin/delivery', { outcome: 'Delivered', afterMs: 0, numbers: { [numbers[2]]: 'Not delivered' } });
    try {
      const created = await postCampaign(worker, { request: { message: 'Sans accusé' }, recipients: numbers, options: { chunkSize: 2 } });
      assert.equal(created.status, 202, created.text);
      const { id } = created.body;
      assert.equal(bulkSendsOf(standin, id)[0]?.body.urlDlr, undefined);
      const progress = await waitForCampaign(worker, id, (p) => settled(p) && p.delivery.pending === 0, 30_000);
      assert.deepEqual(progress.delivery, { delivered: 3, failed: 1, pending: 0, failedBy: { notDelivered: 1 } });
    } finally {
      await control('/__standin/delivery', { outcome: 'Delivered', afterMs: 0, numbers: {} });
    }
  });

  it('fills a template from each row, checked at creation and rendered again from the ledger at send time', async () => {
    const { worker } = await stack(() => null);
    const numbers = Array.from({ length: 5 }, (_, i) => mobile(700_000 + i));
    const recipients = [
      { phoneNumber: numbers[0], fields: { prenom: 'Anne', code: 'A20' } },
      { phoneNumber: numbers[1], fields: { Prenom: 'Łukasz', code: 'B20' } },
      { phoneNumber: numbers[2], fields: { prenom: '  ', code: 'C20' } },
      { phoneNumber: numbers[3], fields: { nom: 'Durand' } },
      { phoneNumber: numbers[4], fields: { prenom: 'Zoé', code: 7 } },
      { phoneNumber: mobile(700_009), message: 'à part', fields: { prenom: 'X' } },
    ];
    const created = await postCampaign(worker, { request: { message: 'Bonjour {prenom}, -20 % avec le code {code}' }, recipients, options: { chunkSize: 2, lang: 'fr' } });
    assert.equal(created.status, 202, created.text);
    assert.deepEqual(created.body.invalid.map((r) => [r.index, r.code]), [[2, 'merge_field_empty'], [3, 'merge_field_unknown'], [5, 'invalid_type']]);
    assert.match(created.body.invalid[1].reason, /prenom/);
    assert.equal(created.body.recipients, 3);
    // Łukasz takes the message into Unicode: still one SMS, counted as such.
    assert.equal(created.body.sms, 3);
    await waitForCampaign(worker, created.body.id, settled, 30_000);
    const sent = new Map(bulkSendsOf(standin, created.body.id).flatMap((m) => m.body.SMSList.map((item) => [item.phoneNumber, item.message])));
    assert.deepEqual(Object.fromEntries(sent), {
      [numbers[0]]: 'Bonjour Anne, -20 % avec le code A20',
      [numbers[1]]: 'Bonjour Łukasz, -20 % avec le code B20',
      [numbers[4]]: 'Bonjour Zoé, -20 % avec le code 7',
    });
  });

  it('stops at the spending ceiling: no chunk begins once SMS Partner has billed maxCost', async () => {
    const { maxBatchSize } = Object.values((await deployedOptions()).queueConsumers)[0];
    const { worker } = await stack(() => null);
    const numbers = Array.from({ length: maxBatchSize * 3 }, (_, i) => mobile(500_000 + i));
    // Below one SMS's price: the first chunks answered reach it.
    const created = await postCampaign(worker, { request: { message: 'Plafond' }, recipients: numbers, options: { chunkSize: 1, maxCost: 0.001 } });
    assert.equal(created.status, 202, created.text);
    const { id } = created.body;
    const progress = await waitForCampaign(worker, id, settled, 60_000);
    assert.equal(progress.state, 'stopped');
    assert.equal(progress.stopReason, 'max_cost');
    assert.equal(progress.maxCost, 0.001);
    assert.ok(progress.chunks.sent >= 1 && progress.chunks.sent < numbers.length, JSON.stringify(progress.chunks));
    assert.equal(progress.chunks.sent + progress.chunks.stopped, numbers.length);
    assert.ok(progress.cost >= 0.001);
    // What reached SMS Partner is exactly the chunks the ledger says were sent.
    const counts = countAtStandin(standin, id);
    assert.equal(counts.size, progress.chunks.sent);
    assert.ok([...counts.values()].every((n) => n === 1));
    const refused = await postCampaign(worker, { request: { message: 'Plafond' }, recipients: numbers.slice(0, 1), options: { maxCost: -1 } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'options_invalid');
  });

  describe('checks, reports and stopping', () => {
    let proxy;
    let worker;
    before(async () => {
      ({ proxy, worker } = await stack(() => null, { REPLY_WEBHOOK_TOKEN: 'hook-secret-1' }));
    });

    it('reports invalid rows, repeated numbers and per-row messages the package refuses, and sends the rest', async () => {
      const recipients = [
        '06 12 34 56 78',
        'not a number',
        '+33612345678',
        { phoneNumber: '06 98 76 54 32', message: 'x'.repeat(2000) },
        { phoneNumber: '06 11 11 11 11', message: 'Bonjour Paul' },
        12345,
      ];
      const before = standin.state.messages.length;
      const check = await postCampaign(worker, { request: { message: 'Bonjour', sender: 'Boutique' }, recipients, options: { dryRun: true } });
      assert.equal(check.status, 200, check.text);
      assert.deepEqual([check.body.dryRun, check.body.id, check.body.recipients, check.body.invalid.length], [true, undefined, 2, 3]);
      await sleep(300);
      assert.equal(standin.state.messages.length, before, 'a dry run sent something');
      const res = await postCampaign(worker, { request: { message: 'Bonjour', sender: 'Boutique' }, recipients });
      assert.equal(res.status, 202, res.text);
      assert.equal(res.headers.get('location'), `/api/campaigns/${res.body.id}`);
      assert.equal(res.body.recipients, 2);
      assert.deepEqual(res.body.invalid.map((row) => [row.index, row.field, row.code]), [
        [1, 'phoneNumber', 'invalid_characters'],
        [3, 'message', 'message_too_long'],
        [5, 'phoneNumber', 'invalid_type'],
      ]);
      assert.deepEqual(res.body.duplicates, [{ index: 2, input: '+33612345678', phoneNumber: '+33612345678' }]);
      await waitForCampaign(worker, res.body.id, settled, 30_000);
      const [send] = bulkSendsOf(standin, res.body.id);
      assert.deepEqual(send.body.SMSList, [
        { phoneNumber: '+33612345678', message: 'Bonjour' },
        { phoneNumber: '+33611111111', message: 'Bonjour Paul' },
      ]);
      assert.equal(send.body.sender, 'Boutique');
      assert.equal(send.body.tag, `${res.body.id}-0`);
    });

    it('cuts chunks of long personal messages smaller than 500, so that each fits its ledger row', async () => {
      const message = 'é'.repeat(1500); // 10 SMS, 3,000 bytes of UTF-8
      const recipients = Array.from({ length: 600 }, (_, i) => ({ phoneNumber: mobile(500_000 + i), message }));
      const res = await postCampaign(worker, { request: {}, recipients, options: { dryRun: true } });
      assert.equal(res.status, 200, res.text.slice(0, 300));
      assert.deepEqual([res.body.recipients, res.body.chunks], [600, 2]);
    });

    it('refuses a campaign whose shared fields are invalid, with the package’s errors, and sends nothing', async () => {
      const before = standin.state.messages.length;
      const res = await postCampaign(worker, { request: { message: 'Bonjour', sender: 'x' }, recipients: ['0612345678'] });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.error.kind, 'validation');
      assert.deepEqual(res.body.error.errors.map((e) => e.code), ['sender_too_short']);
      const none = await postCampaign(worker, { request: { message: 'Bonjour' }, recipients: ['nope'] });
      assert.equal(none.status, 422, none.text);
      assert.equal(none.body.invalid.length, 1);
      assert.equal(standin.state.messages.length, before);
    });

    it('refuses bodies it will not read', async () => {
      const cases = [
        [{ request: { message: 'a', tag: 'mine' }, recipients: ['0612345678'] }, 'body_invalid'],
        [{ request: { message: 'a', phoneNumbers: '0612345678' }, recipients: ['0612345678'] }, 'body_invalid'],
        [{ request: { message: 'a', apiKey: 'x' }, recipients: ['0612345678'] }, 'api_key_not_accepted'],
        [{ request: { message: 'a' }, recipients: [] }, 'body_invalid'],
        [{ request: { message: 'a' }, recipients: ['0612345678'], options: { chunkSize: 501 } }, 'options_invalid'],
        [{ request: { message: 'a' }, recipients: ['0612345678'], options: { now: '2030-01-01' } }, 'option_not_accepted'],
        [{ request: { message: 'a' }, recipients: Array(100_001).fill('0612345678') }, 'too_many_recipients'],
      ];
      for (const [body, code] of cases) {
        const res = await postCampaign(worker, body);
        assert.equal(res.status, 400, res.text.slice(0, 300));
        assert.equal(res.body.error.code, code);
      }
      const missing = await call(worker.url, '/api/campaigns/aaaaaaaaaaaa', { method: 'GET' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'campaign_not_found');
      const wrongMethod = await call(worker.url, '/api/campaigns', { method: 'GET' });
      assert.equal(wrongMethod.status, 405);
    });

    it('stops a campaign: chunks not begun are never sent', async () => {
      proxy.gate();
      const numbers = Array.from({ length: 60 }, (_, i) => mobile(400_000 + i));
      const res = await postCampaign(worker, { request: { message: 'Stop me' }, recipients: numbers, options: { chunkSize: 1 } });
      assert.equal(res.status, 202, res.text);
      const deadline = Date.now() + 30_000;
      while (proxy.waiting === 0 && Date.now() < deadline) await sleep(20);
      const stopped = await call(worker.url, `/api/campaigns/${res.body.id}/stop`, { body: {} });
      assert.equal(stopped.status, 200, stopped.text);
      assert.equal(stopped.body.state, 'stopped');
      proxy.open();
      const progress = await waitForCampaign(worker, res.body.id, settled, 60_000);
      const sent = bulkSendsOf(standin, res.body.id).length;
      assert.equal(progress.chunks.sent, sent);
      assert.ok(sent < 60, 'every chunk was sent despite the stop');
      assert.equal(progress.chunks.stopped, 60 - sent);
      for (const count of countAtStandin(standin, res.body.id).values()) assert.equal(count, 1);
    });

    it('takes replies only with the webhook token, and a plain reply stops nothing', async () => {
      const form = new URLSearchParams({ type: 'response', phone_number: '+33655555555', text: 'STOP', message_id: '1' }).toString();
      const post = (query) => call(worker.url, `/webhooks/replies${query}`, { raw: form, contentType: 'application/x-www-form-urlencoded' });
      // Without its token the route does not exist, whatever the body says.
      assert.equal((await post('')).status, 404);
      assert.equal((await post('?token=wrong')).status, 404);
      assert.equal((await post('?token=hook-secret-1x')).status, 404);
      const ok = await post('?token=hook-secret-1');
      assert.equal(ok.status, 200, ok.text);
      assert.deepEqual([ok.body.kind, ok.body.stopListed, ok.body.added], ['stop', true, true]);
      const again = await post('?token=hook-secret-1');
      assert.equal(again.body.added, false);
      const reply = await call(worker.url, '/webhooks/replies?token=hook-secret-1', {
        raw: new URLSearchParams({ type: 'response', phone_number: '+33666666666', text: 'Oui merci', message_id: '1' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
      assert.deepEqual([reply.body.kind, reply.body.stopListed], ['reply', false]);
      const bad = await call(worker.url, '/webhooks/replies?token=hook-secret-1', { raw: '{"nope":', contentType: 'application/json' });
      assert.equal(bad.status, 400);
      const res = await postCampaign(worker, { request: { message: 'x' }, recipients: ['+33655555555', '+33666666666'] });
      assert.deepEqual(res.body.skippedStop, [{ index: 0, phoneNumber: '+33655555555', reason: 'stop_list' }]);
      assert.equal(res.body.recipients, 1);
    });
  });

  it('never shows the key', () => {
    assertNothingLeaked();
    for (const line of seen.logs) assert.ok(!line.includes('hook-secret-1'), `a log line holds the webhook token: ${line}`);
  });
});
