// Tests of the stand-in's delivery reports: one POST per recipient to `urlDlr` once its fate is
// final on the stand-in's clock, in the vocabularies parseDeliveryReport reads; none before.
// Run: node --test tools/standin/

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startStandin } from './server.mjs';

const KEY = 'test-key';
/** Monday 2030-06-03 10:00 Paris time (08:00 UTC). */
const NOW = new Date('2030-06-03T08:00:00Z');

let standin;
let receiver;
let received;
let answerWith = 200;

const post = async (path, body) => {
  const res = await fetch(standin.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
  return res.json();
};
const flush = () => post('/__standin/delivery-reports/flush', {});

before(async () => {
  standin = await startStandin({ apiKeys: [KEY], now: () => NOW });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url, type: req.headers['content-type'], fields: Object.fromEntries(new URLSearchParams(body)) });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await standin.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  received = [];
  answerWith = 200;
  await post('/__standin/reset', {});
});

const urlDlr = () => `http://127.0.0.1:${receiver.address().port}/dlr?campaign=c1`;

describe('delivery reports', () => {
  it('posts one report per recipient when the fate is final, none before', async () => {
    await post('/__standin/delivery', { outcome: 'Delivered', afterMs: 60_000, numbers: { '0622222222': 'Not delivered' } });
    const sent = await post('/v1/bulk-send', {
      apiKey: KEY,
      urlDlr: urlDlr(),
      tag: 'soldes',
      SMSList: [
        { phoneNumber: '0611111111', message: 'Bonjour Zoé' },
        { phoneNumber: '0622222222', message: 'Bonjour Léo' },
      ],
    });
    await flush();
    assert.deepEqual(received, [], 'nothing is final before the rule says so');
    await post('/__standin/clock', { advanceMs: 60_000 });
    await flush();
    assert.equal(received.length, 2);
    const byNumber = Object.fromEntries(received.map((r) => [r.fields.phoneNumber, r]));
    assert.equal(byNumber['+33611111111'].url, '/dlr?campaign=c1');
    assert.equal(byNumber['+33611111111'].type, 'application/x-www-form-urlencoded');
    assert.deepEqual(byNumber['+33611111111'].fields, {
      messageId: String(sent.message_id),
      phoneNumber: '+33611111111',
      status: 'Delivered',
      stat: 'DELIVRD',
      statusGrpId: '3',
      statusId: '5',
      date: '2030-06-03 10:01:00',
      tag: 'soldes',
    });
    assert.equal(byNumber['+33622222222'].fields.stat, 'UNDELIV');
    assert.equal(byNumber['+33622222222'].fields.statusGrpId, '2');
    // Once posted, a report is not posted again.
    await flush();
    assert.equal(received.length, 2);
    const listed = await (await fetch(`${standin.url}/__standin/delivery-reports`)).json();
    assert.equal(listed.length, 2);
  });

  it('posts right after a single send when delivery is immediate, never for a send without urlDlr', async () => {
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Bonjour', urlDlr: urlDlr() });
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0633333333', message: 'Bonjour' });
    await flush();
    assert.deepEqual(received.map((r) => r.fields.phoneNumber), ['+33611111111']);
  });

  it('tries a refused report again by itself, three times at most, then stops', async () => {
    answerWith = 500;
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Bonjour', urlDlr: urlDlr() });
    // Retried a second apart without anything asking: bounded wait for the three attempts.
    for (let i = 0; i < 50 && received.length < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(received.length, 3);
    for (let i = 0; i < 5; i += 1) await flush();
    assert.equal(received.length, 3);
  });

  it('a report refused once is posted again a second later, without another send', async () => {
    answerWith = 503;
    await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Bonjour', urlDlr: urlDlr() });
    for (let i = 0; i < 30 && received.length < 1; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    answerWith = 200;
    for (let i = 0; i < 50 && received.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(received.length, 2);
    const listed = await (await fetch(`${standin.url}/__standin/delivery-reports`)).json();
    assert.equal(listed.length, 1);
  });
});
