// Tests of the stand-in's calls after the send: bulk send, statuses, cancel, credits, STOP list,
// the clock, the delivery rule, faults on bulk sends and replies posted to urlResponse.
// Run: node --test tools/standin/

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { startStandin } from './server.mjs';

const KEY = 'test-key';
/** Monday 2030-06-03 10:00 Paris time (08:00 UTC). */
const NOW = new Date('2030-06-03T08:00:00Z');

let standin;
let base;

async function call(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text };
}
const get = (path) => call('GET', path);
const post = (path, body) => call('POST', path, body);
const bulk = (list, options = {}) => post('/v1/bulk-send', { apiKey: KEY, SMSList: list, ...options });
const two = [
  { phoneNumber: '0611111111', message: 'Bonjour Zoé' },
  { phoneNumber: '+33622222222', message: 'Bonjour Léo' },
];

before(async () => {
  standin = await startStandin({ apiKeys: [KEY], now: () => NOW });
  base = standin.url;
});
after(() => standin.close());
beforeEach(() => post('/__standin/reset', {}));

describe('bulk send', () => {
  it('answers one item per number, bills each and stores the recipients', async () => {
    const res = await bulk(two, { sender: 'Boutique', tag: 'soldes' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      success: true, code: 200, message_id: 1, currency: 'EUR', cost: 0.076, nbSMS: 2,
      SMSResponse_List: [
        { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33611111111' },
        { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33622222222' },
      ],
    });
    const [stored] = (await get('/__standin/messages')).body;
    assert.equal(stored.kind, 'bulk');
    assert.deepEqual(stored.recipients.map((r) => [r.phoneNumber, r.message]), [
      ['+33611111111', 'Bonjour Zoé'],
      ['+33622222222', 'Bonjour Léo'],
    ]);
    assert.equal(stored.apiKeyHash.length, 12);
    assert.equal(JSON.stringify(stored).includes(KEY), false);
    const { credits } = (await get(`/v1/me?apiKey=${KEY}`)).body;
    assert.equal(credits.creditSms, 9998);
  });

  it('refuses as a send does: key, empty list, constraints, over 500, credits', async () => {
    assert.equal((await post('/v1/bulk-send', { SMSList: two })).body.code, 1);
    assert.equal((await post('/v1/bulk-send', { apiKey: 'nope', SMSList: two })).body.code, 10);
    assert.equal((await bulk([])).body.code, 2);
    const bad = await bulk([{ phoneNumber: '12', message: '' }], { sender: 'AB' });
    assert.equal(bad.body.code, 9);
    const ids = bad.body.errors.map((e) => e.elementId);
    assert.deepEqual(ids, ['children[message].data', 'children[phoneNumber].data', 'children[sender].data']);
    const many = Array.from({ length: 501 }, (_, i) => ({ phoneNumber: `+336${String(i).padStart(8, '0')}`, message: 'x' }));
    assert.equal((await bulk(many)).body.code, 9);
    await post('/__standin/credits', { creditSms: 1 });
    assert.equal((await bulk(two)).body.code, 11);
    assert.equal((await get('/__standin/messages')).body.length, 0);
  });

  it('faults apply to bulk sends as to single sends', async () => {
    await post('/__standin/fault', { kind: 'unexpected200' });
    assert.deepEqual((await bulk(two)).body, { hello: 'world' });
    await post('/__standin/fault', { kind: 'brokenJson' });
    const broken = await bulk(two);
    assert.equal(broken.body, undefined);
    assert.equal((await get('/__standin/messages')).body.length, 1, 'processed before the answer was spoiled');
    assert.equal((await get('/__standin/requests')).body.byPath['/v1/bulk-send'], 2);
  });

  it('a number on the STOP list is refused with code 14 and not billed', async () => {
    await post('/v1/stop-sms/add', { apiKey: KEY, phoneNumber: '0622222222' });
    const res = await bulk(two);
    assert.deepEqual(res.body.SMSResponse_List[1], { success: false, code: 14, nbSms: 0, cost: 0, phoneNumber: '+33622222222' });
    assert.equal(res.body.nbSMS, 1);
  });
});

describe('statuses', () => {
  it('move from Waiting to the rule\'s outcome on the clock, in each call\'s shape', async () => {
    await post('/__standin/delivery', { outcome: 'Delivered', afterMs: 60_000, numbers: { '0622222222': 'Not delivered' } });
    await bulk(two, { tag: 'soldes' });
    const waiting = (await get(`/v1/bulk-status?apiKey=${KEY}&messageId=1`)).body;
    assert.equal(waiting.message_id, '1');
    assert.deepEqual(waiting.StatutResponse_List.map((i) => i.status), ['Waiting', 'Waiting']);
    await post('/__standin/clock', { advanceMs: 60_000 });
    const done = (await get(`/v1/bulk-status?apiKey=${KEY}&messageId=1`)).body.StatutResponse_List;
    assert.deepEqual(done.map((i) => [i.phoneNumber, i.status, i.stopSMS]), [
      ['+33611111111', 'Delivered', false],
      ['+33622222222', 'Not delivered', false],
    ]);
    assert.match(done[0].date, /^\d{10}$/);
    const one = (await get(`/v1/message-status?apiKey=${KEY}&messageId=1&phoneNumber=%2B33611111111`)).body;
    assert.deepEqual(
      [one.number, one.messageId, one.statut, one.stopSms, one.date],
      ['0611111111', '1', 'Delivered', false, '2030-06-03 10:01:00'],
    );
    const multi = (await post('/v1/multi-status', { apiKey: KEY, SMSStatus_List: [
      { phoneNumber: '+33622222222', messageId: '1' },
      { phoneNumber: '+33699999999', messageId: '1' },
    ] })).body.StatutResponse_List;
    assert.deepEqual(multi[0], { success: true, code: 200, phoneNumber: '+33622222222', messageId: 1, status: 'Not delivered', date: String(Date.parse('2030-06-03T08:01:00Z') / 1000), stopSms: '0', isSpam: '0' });
    assert.deepEqual(multi[1], { success: false, code: 4, phoneNumber: '+33699999999', messageId: 1, status: 'Numéro introuvable' });
    const tagged = (await get(`/v1/bulk-status-by-tag?apiKey=${KEY}&tag=soldes`)).body;
    assert.equal(tagged.total, 2);
    assert.equal((await get(`/v1/bulk-status-by-tag?apiKey=${KEY}&tag=rien`)).body.total, 0);
    assert.equal((await get(`/v1/message-status?apiKey=${KEY}&messageId=9&phoneNumber=0611111111`)).body.code, 4);
    assert.equal((await get(`/v1/bulk-status?apiKey=${KEY}&messageId=9`)).body.code, 4);
  });
});

describe('scheduled sends and cancel', () => {
  const at1030 = { scheduledDeliveryDate: '03/06/2030', time: 10, minute: 30 };

  it('holds a scheduled send, counts it in toSend, and cancels it with the page\'s rules', async () => {
    const sent = await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Plus tard', ...at1030 });
    assert.equal(sent.body.success, true);
    assert.equal((await get(`/v1/me?apiKey=${KEY}`)).body.credits.toSend, 1);
    assert.equal((await get(`/v1/bulk-status?apiKey=${KEY}&messageId=1`)).body.StatutResponse_List[0].status, 'Waiting');
    assert.deepEqual((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=1`)).body, { success: true, code: 200, message: "L'envoi du SMS a été annulé." });
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=1`)).body.code, 5);
    const { credits } = (await get(`/v1/me?apiKey=${KEY}`)).body;
    assert.deepEqual([credits.toSend, credits.creditSms], [0, 10000]);
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=99`)).body.code, 4);
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}`)).body.code, 3);
  });

  it('is too late inside the last 5 minutes and already sent after the time', async () => {
    await bulk(two, at1030);
    await post('/__standin/clock', { now: '2030-06-03T08:25:00.001Z' });
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=1`)).body.code, 6);
    await post('/__standin/clock', { now: '2030-06-03T08:30:00Z' });
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=1`)).body.code, 7);
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Tout de suite' });
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=2`)).body.code, 7);
  });

  it('exactly 5 minutes before is still in time', async () => {
    await bulk(two, at1030);
    await post('/__standin/clock', { now: '2030-06-03T08:25:00Z' });
    assert.equal((await get(`/v1/message-cancel?apiKey=${KEY}&messageId=1`)).body.code, 200);
  });
});

describe('STOP list', () => {
  it('adds, lists, refuses a duplicate, deletes', async () => {
    assert.deepEqual((await post('/v1/stop-sms/add', { apiKey: KEY, phoneNumber: '0611111111' })).body, { success: true, code: 200, stopId: 1 });
    assert.equal((await post('/v1/stop-sms/add', { apiKey: KEY, phoneNumbers: '+33611111111' })).body.code, 3);
    assert.equal((await post('/v1/stop-sms/add', { apiKey: KEY, phoneNumber: '12' })).body.code, 9);
    assert.equal((await post('/v1/stop-sms/add', { apiKey: KEY })).body.code, 2);
    const list = (await get(`/v1/stop-sms/list?apiKey=${KEY}`)).body;
    assert.deepEqual(list, { success: true, code: 200, nbData: 1, data: [{ id: 1, phoneNumber: '+33611111111', createdAt: '2030-06-03 10:00:00' }] });
    assert.equal((await get(`/v1/stop-sms/delete?apiKey=${KEY}&id=2`)).body.code, 4);
    assert.deepEqual((await get(`/v1/stop-sms/delete?apiKey=${KEY}&id=1`)).body, { success: true, code: 200 });
    assert.equal((await get(`/v1/stop-sms/list?apiKey=${KEY}`)).body.nbData, 0);
    assert.equal((await get('/v1/stop-sms/list?apiKey=wrong')).body.code, 10);
  });
});

describe('replies posted to urlResponse', () => {
  let receiver;
  let received;
  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ type: req.headers['content-type'], body });
        res.end('ok');
      });
    });
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise((resolve) => receiver.close(resolve)));
  beforeEach(() => {
    received = [];
  });
  afterEach(() => post('/__standin/clock', { now: null }));

  const urlResponse = () => `http://127.0.0.1:${receiver.address().port}/webhooks/replies`;

  it('posts a short-number reply as form fields', async () => {
    await bulk(two, { urlResponse: urlResponse() });
    const res = await post('/__standin/reply', { messageId: 1, phoneNumber: '0611111111', text: 'Oui merci', via: 'short' });
    assert.equal(res.body.posted[0].status, 200);
    assert.equal(received.length, 1);
    assert.equal(received[0].type, 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(received[0].body)), {
      type: 'response', phone_number: '+33611111111', text: 'Oui merci', message_id: '1',
    });
  });

  it('posts a long reply to a long number in parts, and a STOP joins the STOP list', async () => {
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Question ?', urlResponse: urlResponse() });
    const text = 'STOP '.concat('a'.repeat(200));
    await post('/__standin/reply', { messageId: 1, phoneNumber: '0611111111', text, via: 'long' });
    assert.equal(received.length, 2);
    const parts = received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    assert.deepEqual(parts.map((p) => [p.msisdn, p.to, p.concat, p['concat-ref'], p['concat-total'], p['concat-part'], p.keyword]), [
      ['33611111111', '33700000000', 'true', '1', '2', '1', 'STOP'],
      ['33611111111', '33700000000', 'true', '1', '2', '2', 'STOP'],
    ]);
    assert.equal(parts[0].text + parts[1].text, text);
    assert.equal(parts[0]['message-timestamp'], '2030-06-03 10:00:00');
    assert.notEqual(parts[0].messageId, parts[1].messageId);
    assert.equal((await get(`/v1/stop-sms/list?apiKey=${KEY}`)).body.data[0].phoneNumber, '+33611111111');
  });

  it('posts JSON when asked, and only to this machine', async () => {
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'x', urlResponse: urlResponse() });
    await post('/__standin/reply', { messageId: 1, phoneNumber: '0611111111', text: 'Oui', via: 'long', encoding: 'json' });
    assert.equal(received[0].type, 'application/json');
    assert.equal(JSON.parse(received[0].body).text, 'Oui');
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'x', urlResponse: 'https://example.com/hook' });
    assert.equal((await post('/__standin/reply', { messageId: 2, phoneNumber: '0611111111', text: 'Oui' })).status, 400);
    assert.equal((await post('/__standin/reply', { messageId: 42, phoneNumber: '0611111111', text: 'Oui' })).status, 404);
  });
});
