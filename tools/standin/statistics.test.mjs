// Tests of the stand-in's spending statistics: the billed sends by Paris month, in the page's
// shapes, each interval, and the limit of 5 calls a minute. Run: node --test tools/standin/

import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import { startStandin } from './server.mjs';

const KEY = 'test-key';
let now = new Date('2030-06-03T08:00:00Z');
let standin;

const post = (path, body) =>
  fetch(standin.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const stats = async (query) => {
  const res = await fetch(`${standin.url}/v1/statistics/cost-resume?${new URLSearchParams({ apiKey: KEY, ...query })}`);
  return { status: res.status, body: await res.json() };
};

before(async () => {
  standin = await startStandin({ apiKeys: [KEY], now: () => now });
});
after(() => standin.close());
beforeEach(() => post('/__standin/reset', {}));

it('sums the billed sends by month, as strings, and refuses the sixth call of a minute', async () => {
  now = new Date('2030-05-10T08:00:00Z');
  await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111, 0622222222', message: 'Mai' });
  now = new Date('2030-06-03T08:00:00Z');
  await post('/v1/send', { apiKey: KEY, phoneNumbers: '0611111111', message: 'Juin' });
  await post('/v1/send', { apiKey: KEY, phoneNumbers: '0633333333', message: 'Bac à sable', sandbox: 1 });
  const last = await stats({ interval: 'last_month' });
  assert.equal(last.status, 200);
  assert.equal(last.body.success, true);
  assert.equal(last.body.datas.length, 1);
  const [may] = last.body.datas;
  assert.deepEqual({ ...may, cost: typeof may.cost }, { month: 'may', year: '2030', m: '5', date: Date.parse('2030-04-30T22:00:00Z') / 1000, type: 'month', cost: 'string', nb_send: '2' });
  const year = await stats({ interval: 'last_twelve_months' });
  assert.deepEqual(year.body.datas.map((m) => [m.m, m.nb_send]), [['5', '2'], ['6', '1']]);
  const custom = await stats({ interval: 'custom', from: '01-06-2030', to: '30-06-2030' });
  assert.deepEqual(custom.body.datas.map((m) => [m.m, m.nb_send]), [['6', '1']]);
  assert.equal((await stats({ interval: 'custom', from: '2030-06-01', to: '30-06-2030' })).status, 400);
  assert.equal((await stats({})).status, 400);
  // Six calls so far this minute: refused until the minute has passed.
  assert.equal((await stats({ interval: 'last_month' })).status, 429);
  now = new Date(now.getTime() + 60_000);
  assert.equal((await stats({ interval: 'last_month' })).status, 200);
});
