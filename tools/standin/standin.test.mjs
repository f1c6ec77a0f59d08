// Tests of the SMS Partner stand-in: counting oracle, codes, credits, faults, CORS, control endpoints.
// Run: node --test tools/standin/

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { freePort, startStandin } from './server.mjs';
import { countMessage, isGsmSupported, STOP_MENTION } from './sms-count.mjs';
import { parisToInstant } from './validate.mjs';

const KEY = 'test-key';
const SECRET = 'sk-live-7f3a9c1e5b';
const TIMEOUT = AbortSignal.timeout.bind(AbortSignal);
const a = (n) => 'a'.repeat(n);

/** POSTs JSON (or a raw string) and returns { status, headers, body, text }. */
async function post(base, path, body, { raw = false, timeoutMs = 5000 } = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? body : JSON.stringify(body),
    signal: TIMEOUT(timeoutMs),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, body: json, text };
}

async function get(base, path) {
  const res = await fetch(base + path, { signal: TIMEOUT(5000) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const send = (base, fields) => post(base, '/v1/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'Hello', ...fields });

/** The code 9 errors of a send, as [field, message] pairs. */
async function fieldErrors(base, fields) {
  const { status, body } = await send(base, fields);
  assert.equal(status, 400);
  assert.equal(body.code, 9);
  assert.equal(body.success, false);
  return body.errors.map((e) => [e.elementId.replace(/^children\[(.*)\]\.data$/, '$1'), e.message]);
}

describe('counting oracle', () => {
  const sms = (message, options) => countMessage(message, options).smsCount;

  it('bills 160 septets as one SMS and 153 per part beyond', () => {
    assert.equal(sms(a(160)), 1);
    assert.equal(sms(a(161)), 2);
    assert.equal(sms(a(306)), 2);
    assert.equal(sms(a(307)), 3);
    assert.equal(sms(''), 0);
    assert.deepEqual(countMessage(a(161)), { encoding: 'GSM-7', characters: 161, smsCount: 2, perSms: 153, stopMention: null });
  });

  it('counts € and the form feed as 2 and never splits them', () => {
    assert.equal(sms(a(158) + '€'), 1);
    assert.equal(sms(a(159) + '€'), 2);
    assert.equal(sms(a(159) + '\f'), 2);
    assert.equal(countMessage(a(152) + '€' + a(152)).characters, 306);
    assert.equal(sms(a(152) + '€' + a(152)), 3); // the € opens part 2
    assert.equal(sms(a(151) + '€' + a(153)), 2);
  });

  it('applies the replacement table before counting', () => {
    assert.equal(sms(a(159) + '['), 1); // sent as (
    assert.equal(countMessage('[]{}').characters, 4);
    assert.equal(countMessage('^~|\\¨§').characters, 0); // removed
    assert.equal(sms(a(160) + '^'), 1);
    assert.equal(countMessage('œ').characters, 2); // oe
    assert.equal(sms(a(159) + 'œ'), 2);
    assert.equal(countMessage('ÄÀçê’“«°ąµ').characters, 10);
  });

  it('counts :br: as 2 and never splits it', () => {
    assert.equal(countMessage('a:br:b').characters, 4);
    assert.equal(sms(a(158) + ':br:'), 1);
    assert.equal(sms(a(159) + ':br:'), 2);
    assert.equal(sms(a(152) + ':br:' + a(152)), 3);
    assert.equal(countMessage(':br:', { isUnicode: 1 }).characters, 2);
  });

  it('counts :euro: as the € it stands for and never splits it', () => {
    assert.equal(countMessage('5:euro:').characters, 3);
    assert.equal(countMessage('5:euro:', { isUnicode: 1 }).characters, 2);
    assert.equal(sms(a(158) + ':euro:'), 1);
    assert.equal(sms(a(152) + ':euro:' + a(152)), 3);
    assert.equal(countMessage(':Euro:').characters, 6);
  });

  it('counts UTF-16 units in Unicode mode, 70 then 67, surrogate pairs whole', () => {
    const u = { isUnicode: 1 };
    assert.equal(sms(a(70), u), 1);
    assert.equal(sms(a(71), u), 2);
    assert.equal(sms(a(134), u), 2);
    assert.equal(sms(a(135), u), 3);
    assert.equal(sms(a(68) + '😀', u), 1);
    assert.equal(sms(a(69) + '😀', u), 2);
    assert.equal(sms(a(66) + '😀' + a(66), u), 3); // the emoji cannot sit on units 67–68
    assert.equal(sms(a(65) + '😀' + a(67), u), 2);
    assert.equal(countMessage('€[\ud800', u).characters, 3); // lone surrogate: one unit
    assert.equal(countMessage('x', u).encoding, 'UCS-2');
    assert.equal(countMessage(a(71), u).perSms, 67);
  });

  it('appends the STOP mention in the premium range only', () => {
    assert.equal(STOP_MENTION, ' STOP au 36180');
    assert.equal(sms(a(146), { isStopSms: 1 }), 1);
    assert.equal(sms(a(147), { isStopSms: 1 }), 2);
    assert.equal(sms(a(147), { isStopSms: 1, gamme: 2 }), 1);
    assert.equal(countMessage('x', { isStopSms: true }).stopMention, STOP_MENTION);
    assert.equal(countMessage('x', { isStopSms: 1, gamme: 2 }).stopMention, null);
    assert.equal(sms(a(56), { isStopSms: 1, isUnicode: 1 }), 1);
    assert.equal(sms(a(57), { isStopSms: 1, isUnicode: 1 }), 2);
  });

  it('bills a character outside GSM and the table as one septet', () => {
    assert.equal(isGsmSupported('😀'), false);
    assert.equal(isGsmSupported('€'), true);
    assert.equal(countMessage('😀Ж').characters, 2);
  });
});

describe('Europe/Paris conversion', () => {
  it('follows winter and summer time', () => {
    assert.equal(parisToInstant(2026, 1, 15, 9, 0).toISOString(), '2026-01-15T08:00:00.000Z');
    assert.equal(parisToInstant(2026, 7, 1, 12, 5).toISOString(), '2026-07-01T10:05:00.000Z');
    assert.equal(parisToInstant(2026, 3, 29, 3, 0).toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(parisToInstant(2026, 10, 25, 12, 0).toISOString(), '2026-10-25T11:00:00.000Z');
  });
});

describe('POST /v1/send', { timeout: 30_000 }, () => {
  // Fixed clock: 1 July 2026, 12:02 in Paris (10:02 UTC).
  const NOW = new Date('2026-07-01T10:02:00Z');
  let standin;
  let base;
  before(async () => {
    standin = await startStandin({ apiKeys: [KEY], now: () => NOW });
    base = standin.url;
  });
  after(() => standin.close());
  beforeEach(() => post(base, '/__standin/reset', {}));

  it('answers code 1 when the key is missing, before anything else', async () => {
    for (const body of [{}, { apiKey: '', phoneNumbers: 'x' }, { apiKey: null }]) {
      const res = await post(base, '/v1/send', body);
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { success: false, code: 1, message: 'The API Key is required' });
    }
  });

  it('answers code 10 with 401 for a wrong key, before a missing number', async () => {
    const res = await post(base, '/v1/send', { apiKey: 'nope' });
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 10);
    assert.equal(res.body.success, false);
    assert.equal((await post(base, '/v1/send', { apiKey: 42 })).body.code, 10);
  });

  it('answers code 2 when phoneNumbers is missing, before the constraints', async () => {
    const res = await post(base, '/v1/send', { apiKey: KEY, sender: 'x' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { success: false, code: 2, message: 'The phone number is required' });
    assert.equal((await send(base, { phoneNumbers: '' })).body.code, 2);
  });

  it('gathers the documented example into one code 9 answer', async () => {
    const res = await post(base, '/v1/send', {
      apiKey: KEY,
      phoneNumbers: '922264',
      sender: 'mycompanyname',
      scheduledDeliveryDate: '21/11/2014',
    });
    assert.deepEqual(res.body, {
      success: false,
      code: 9,
      errors: [
        { elementId: 'children[message].data', message: 'The message is required' },
        { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
        { elementId: 'children[sender].data', message: 'The sender cannot be longer than 11 characters' },
        { elementId: 'children[scheduledDeliveryDate].data', message: 'The date (21/11/2014 at :) is earlier than the current date.' },
        { elementId: 'children[minute].data', message: 'The minute is required' },
        { elementId: 'children[time].data', message: 'The time is required' },
      ],
    });
  });

  it('checks each phone number', async () => {
    const ok = await send(base, { phoneNumbers: '0612345678, +33612345678,0033612345678,+4915112345678,+12345678' });
    assert.equal(ok.body.success, true);
    const errors = await fieldErrors(base, { phoneNumbers: '061234,06123456789,+1234567,+1234567890123456,0012345678,06 12 34 56 78,' });
    assert.deepEqual(errors, [
      ['phoneNumbers', 'This phone number is not valid (061234)'],
      ['phoneNumbers', 'This phone number is not valid (06123456789)'],
      ['phoneNumbers', 'This phone number is not valid (+1234567)'],
      ['phoneNumbers', 'This phone number is not valid (+1234567890123456)'],
      ['phoneNumbers', 'This phone number is not valid (06 12 34 56 78)'],
      ['phoneNumbers', 'This phone number is not valid ()'],
    ]);
    assert.deepEqual(await fieldErrors(base, { phoneNumbers: ['0612345678'] }), [
      ['phoneNumbers', 'The phone numbers must be a string of numbers separated by commas'],
    ]);
  });

  it('accepts 500 numbers and refuses 501', async () => {
    const numbers = (n) => Array.from({ length: n }, (_, i) => `06${String(i).padStart(8, '0')}`).join(',');
    const ok = await send(base, { phoneNumbers: numbers(500) });
    assert.equal(ok.body.nb_sms, 500);
    assert.deepEqual(await fieldErrors(base, { phoneNumbers: numbers(501) }), [
      ['phoneNumbers', 'You cannot send to more than 500 phone numbers in one request'],
    ]);
  });

  it('checks message, gamme, sender and tag', async () => {
    assert.deepEqual(await fieldErrors(base, { message: '' }), [['message', 'The message is required']]);
    assert.deepEqual(await fieldErrors(base, { message: 5 }), [['message', 'The message must be a string']]);
    assert.deepEqual(await fieldErrors(base, { gamme: 3 }), [['gamme', 'The gamme must be 1 (premium) or 2 (low cost)']]);
    assert.deepEqual(await fieldErrors(base, { sender: 'ab' }), [['sender', 'The sender must be at least 3 characters long']]);
    assert.deepEqual(await fieldErrors(base, { sender: 'abcdefghijkl' }), [['sender', 'The sender cannot be longer than 11 characters']]);
    assert.deepEqual(await fieldErrors(base, { sender: 'my shop' }), [['sender', 'The sender can only contain letters and digits']]);
    assert.deepEqual(await fieldErrors(base, { tag: a(21) }), [['tag', 'The tag cannot be longer than 20 characters']]);
    assert.deepEqual(await fieldErrors(base, { tag: 'a b' }), [['tag', 'The tag cannot contain spaces']]);
    const ok = await send(base, { sender: 'Shop42', tag: a(20), gamme: '2' });
    assert.equal(ok.body.success, true);
    assert.equal((await send(base, { sender: '' })).body.success, true); // operator shortcode
  });

  it('checks the schedule in Europe/Paris time', async () => {
    const at = (date, time, minute) => fieldErrors(base, { scheduledDeliveryDate: date, time, minute });
    assert.deepEqual(await at('01/07/2026', 12, 0), [
      ['scheduledDeliveryDate', 'The date (01/07/2026 at 12:0) is earlier than the current date.'],
    ]);
    assert.equal((await send(base, { scheduledDeliveryDate: '01/07/2026', time: 12, minute: 5 })).body.success, true);
    assert.equal((await send(base, { scheduledDeliveryDate: '01/07/2026', time: '13', minute: '00' })).body.success, true);
    assert.deepEqual(await at('31/02/2027', 9, 0), [['scheduledDeliveryDate', 'The date must be a valid date in the format dd/MM/yyyy']]);
    assert.deepEqual(await at('2027-01-01', 9, 0), [['scheduledDeliveryDate', 'The date must be a valid date in the format dd/MM/yyyy']]);
    assert.deepEqual(await at('02/07/2026', 9, undefined), [['minute', 'The minute is required']]);
    assert.deepEqual(await at('02/07/2026', undefined, 0), [['time', 'The time is required']]);
    assert.deepEqual(await at('02/07/2026', 9, 7), [['minute', 'The minute must be a multiple of 5 between 0 and 55']]);
    assert.deepEqual(await at('02/07/2026', 9, 60), [['minute', 'The minute must be a multiple of 5 between 0 and 55']]);
    assert.deepEqual(await at('02/07/2026', 24, 0), [['time', 'The time must be an hour between 0 and 23']]);
    assert.deepEqual(await at('02/07/2026', 9.5, 0), [['time', 'The time must be an hour between 0 and 23']]);
    // A day already gone, without a time: both the date and the missing time are reported.
    assert.deepEqual(await at('30/06/2026', undefined, 0), [
      ['scheduledDeliveryDate', 'The date (30/06/2026 at :0) is earlier than the current date.'],
      ['time', 'The time is required'],
    ]);
  });

  it('checks URLs, flags and _format', async () => {
    assert.deepEqual(await fieldErrors(base, { urlResponse: 'ftp://x.fr', urlDlr: 'not a url' }), [
      ['urlResponse', 'This value is not a valid URL.'],
      ['urlDlr', 'This value is not a valid URL.'],
    ]);
    assert.deepEqual(await fieldErrors(base, { isStopSms: 2, isUnicode: 'yes', sandbox: 5 }), [
      ['isStopSms', 'The isStopSms value must be 0 or 1'],
      ['isUnicode', 'The isUnicode value must be 0 or 1'],
      ['sandbox', 'The sandbox value must be 0 or 1'],
    ]);
    assert.deepEqual(await fieldErrors(base, { _format: 'xml' }), [['_format', 'Only the json format is supported']]);
    const ok = await send(base, { urlResponse: 'https://example.com/r', urlDlr: 'http://127.0.0.1:9/d', isStopSms: '0', isUnicode: false, _format: 'json' });
    assert.equal(ok.body.success, true);
  });

  it('answers a body that is not a JSON object with 400 code 400', async () => {
    for (const raw of ['{"apiKey": "test-key", "message": "say "hi""}', '', '[1]', 'null']) {
      const res = await post(base, '/v1/send', raw, { raw: true });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { success: false, code: 400, message: 'Invalid JSON' });
    }
  });

  it('answers success with nb_sms × recipients, cost and increasing ids', async () => {
    const first = await send(base, { message: a(161), phoneNumbers: '0612345678,0698765432,+32470123456' });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { success: true, code: 200, message_id: 1, nb_sms: 6, cost: 0.228, currency: 'EUR' });
    // Low cost is one SMS (code 42): three recipients, three SMS.
    const low = await send(base, { message: a(160), phoneNumbers: '0612345678,0698765432,+32470123456', gamme: 2 });
    assert.deepEqual(low.body, { success: true, code: 200, message_id: 2, nb_sms: 3, cost: 0.078, currency: 'EUR' });
  });

  it('bills the boundary messages as the oracle counts them', async () => {
    const cases = [
      [{ message: a(160) }, 1],
      [{ message: a(161) }, 2],
      [{ message: a(306) }, 2],
      [{ message: a(307) }, 3],
      [{ message: a(159) + '€' }, 2],
      [{ message: a(152) + '€' + a(152) }, 3],
      [{ message: a(159) + '[' }, 1],
      [{ message: a(160) + '^' }, 1],
      [{ message: a(158) + ':br:' }, 1],
      [{ message: a(159) + ':br:' }, 2],
      [{ message: a(70), isUnicode: 1 }, 1],
      [{ message: a(71), isUnicode: 1 }, 2],
      [{ message: a(66) + '😀' + a(66), isUnicode: 1 }, 3],
      [{ message: a(146), isStopSms: 1 }, 1],
      [{ message: a(147), isStopSms: 1 }, 2],
      [{ message: a(147), isStopSms: 1, gamme: 2 }, 1],
      [{ message: '^' }, 1], // empty after replacement: still one SMS
    ];
    for (const [fields, expected] of cases) {
      const { body } = await send(base, fields);
      assert.equal(body.nb_sms, expected, JSON.stringify(fields).slice(0, 80));
    }
  });

  it('stores accepted sends without the API key', async () => {
    await send(base, { message: 'kept', sandbox: 1 });
    await send(base, { message: 'refused', sender: 'x' });
    const { body } = await get(base, '/__standin/messages');
    assert.equal(body.length, 1);
    const [stored] = body;
    assert.equal(stored.messageId, 1);
    assert.equal(stored.sandbox, true);
    assert.equal(stored.nbSms, 1);
    assert.deepEqual(stored.body, { phoneNumbers: '0612345678', message: 'kept', sandbox: 1 });
    assert.match(stored.apiKeyHash, /^[0-9a-f]{12}$/);
    assert.ok(!JSON.stringify(body).includes(KEY));
  });
});

describe('credits and sandbox', { timeout: 30_000 }, () => {
  let standin;
  let base;
  before(async () => {
    standin = await startStandin({ credits: { creditSms: 3, creditSmsECO: 1, balance: 10 } });
    base = standin.url;
  });
  after(() => standin.close());
  beforeEach(() => post(base, '/__standin/reset', {}));

  it('deducts premium and low-cost SMS and the balance', async () => {
    await send(base, { message: a(161) });
    await send(base, { gamme: 2 });
    const { status, body } = await get(base, `/v1/me?apiKey=${KEY}`);
    assert.equal(status, 200);
    assert.deepEqual(body, {
      success: true,
      code: 200,
      user: { username: 'standin', firstname: 'Stand', lastname: 'In' },
      credits: { creditSms: 1, creditSmsECO: 0, creditHlr: 0, toSend: 0, balance: '9.898', currency: 'EUR' },
    });
  });

  it('answers code 11 with 402 when credits would go negative, and deducts nothing', async () => {
    const res = await send(base, { phoneNumbers: '0612345678,0612345679,0612345670,0612345671' });
    assert.equal(res.status, 402);
    assert.deepEqual(res.body, { success: false, code: 11, message: 'Not enough credits' });
    assert.equal((await send(base, { gamme: 2, phoneNumbers: '0612345678,0612345679' })).body.code, 11);
    assert.equal(standin.state.credits.creditSms, 3);
    assert.equal(standin.state.credits.creditSmsECO, 1);
    assert.deepEqual((await get(base, '/__standin/messages')).body, []);
  });

  it('bills nothing in sandbox mode, even without credits', async () => {
    const res = await send(base, { phoneNumbers: '0612345678,0612345679,0612345670,0612345671', sandbox: 1 });
    assert.deepEqual(res.body, { success: true, code: 200, message_id: 1, nb_sms: 4, cost: 0.152, currency: 'EUR' });
    assert.equal(standin.state.credits.creditSms, 3);
    assert.equal(standin.state.credits.balance, 10);
  });

  it('lets a test set the credits', async () => {
    await post(base, '/__standin/credits', { creditSms: 0 });
    assert.equal((await send(base, {})).body.code, 11);
  });

  it('enforces 10 SMS (52), one low-cost SMS (42), lowercase tags and the STOP list (14)', async () => {
    assert.equal((await send(base, { sandbox: 1, message: a(1530) })).status, 200);
    assert.deepEqual((await send(base, { sandbox: 1, message: a(1531) })).body.code, 52);
    assert.equal((await send(base, { sandbox: 1, message: a(1528) + ':euro:' })).status, 200);
    assert.equal((await send(base, { sandbox: 1, message: a(1529) + ':euro:' })).body.code, 52);
    assert.equal((await send(base, { sandbox: 1, message: a(160), gamme: 2 })).status, 200);
    assert.equal((await send(base, { sandbox: 1, message: a(161), gamme: 2 })).body.code, 42);
    assert.equal((await send(base, { sandbox: 1, message: 'é'.repeat(71), gamme: 2, isUnicode: 1 })).body.code, 42);
    assert.deepEqual(await fieldErrors(base, { sandbox: 1, tag: 'Promo' }), [['tag', 'The tag must be lowercase']]);
    assert.equal((await send(base, { sandbox: 1, tag: 'promo' })).status, 200);
    await post(base, '/v1/stop-sms/add', { apiKey: KEY, phoneNumber: '0612345679' });
    const stopped = await send(base, { sandbox: 1, phoneNumbers: '0612345678,+33612345679' });
    assert.deepEqual(stopped.body, { success: false, code: 14, message: 'This number is on the STOP list' });
    assert.equal((await send(base, { sandbox: 1, phoneNumbers: '0612345678' })).status, 200);
  });

  it('answers /v1/me with code 1 or 10', async () => {
    assert.deepEqual((await get(base, '/v1/me')).body, { success: false, code: 1, message: 'The API Key is required' });
    const wrong = await get(base, '/v1/me?apiKey=nope');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.code, 10);
  });
});

describe('faults', { timeout: 30_000 }, () => {
  let standin;
  let base;
  before(async () => {
    standin = await startStandin();
    base = standin.url;
  });
  after(() => standin.close());
  beforeEach(() => post(base, '/__standin/reset', {}));
  const arm = (spec) => post(base, '/__standin/fault', spec);
  const stored = async () => (await get(base, '/__standin/messages')).body.length;

  it('code answers any of SMS Partner\'s codes, and processes nothing', async () => {
    for (const code of [1, 2, 4, 9, 10, 11, 13, 14, 15, 20, 22, 23, 30, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 55, 90, 96, 500, 992]) {
      await arm({ kind: 'code', code });
      const res = await send(base, {});
      assert.equal(res.body.success, false);
      assert.equal(res.body.code, code);
      assert.equal(typeof res.body.message, 'string');
      assert.ok(res.status >= 400, `${code}: ${res.status}`);
    }
    await arm({ kind: 'code', code: 992, asString: true, message: 'Sender non autorisé' });
    assert.deepEqual((await send(base, {})).body, { success: false, code: '992', message: 'Sender non autorisé' });
    assert.equal(await stored(), 0);
  });

  it('status500 answers 500 with a JSON body that is not SMS Partner-shaped, or an empty one', async () => {
    await arm({ kind: 'status500' });
    const res = await send(base, {});
    assert.equal(res.status, 500);
    assert.deepEqual(res.body, { code: 500, message: 'Internal Server Error' });
    await arm({ kind: 'status500', emptyBody: true });
    assert.equal((await send(base, {})).text, '');
    assert.equal(await stored(), 0);
  });

  it('html502 answers an HTML page', async () => {
    await arm({ kind: 'html502' });
    const res = await send(base, {});
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(res.text, /<h1>502 Bad Gateway<\/h1>/);
  });

  it('brokenJson answers 200 with truncated JSON after accepting the send', async () => {
    await arm({ kind: 'brokenJson' });
    const res = await send(base, {});
    assert.equal(res.status, 200);
    assert.equal(res.body, undefined);
    assert.ok(res.text.startsWith('{"success":true'));
    assert.equal(await stored(), 1);
  });

  it('unexpected200 answers valid JSON of another shape', async () => {
    await arm({ kind: 'unexpected200' });
    const res = await send(base, {});
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { hello: 'world' });
    assert.equal(await stored(), 0);
  });

  it('status429 answers 429 with Retry-After, readable across origins', async () => {
    await arm({ kind: 'status429', retryAfter: 7 });
    const res = await send(base, {});
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
    assert.equal(res.headers.get('access-control-expose-headers'), 'Retry-After');
  });

  it('slow answers late, and the send is accepted even when the client gives up', async () => {
    await arm({ kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const res = await send(base, {});
    assert.ok(performance.now() - started >= 290);
    assert.equal(res.body.success, true);
    await arm({ kind: 'slow', delayMs: 2000 });
    await assert.rejects(post(base, '/v1/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'x' }, { timeoutMs: 100 }), {
      name: 'TimeoutError',
    });
    assert.equal(await stored(), 2);
  });

  it('reset cuts the connection in the middle of the body', async () => {
    await arm({ kind: 'reset' });
    await assert.rejects(send(base, {}));
    assert.equal(await stored(), 1);
    assert.equal((await get(base, '/__standin/requests')).body.byPath['/v1/send'], 1);
  });

  it('serves `times` faulted calls, 1 by default, and `none` disarms', async () => {
    await arm({ kind: 'unexpected200', times: 2 });
    assert.deepEqual((await send(base, {})).body, { hello: 'world' });
    assert.deepEqual((await send(base, {})).body, { hello: 'world' });
    assert.equal((await send(base, {})).body.success, true);
    await arm({ kind: 'html502' });
    assert.equal((await send(base, {})).status, 502);
    assert.equal((await send(base, {})).status, 200);
    await arm({ kind: 'html502', times: 5 });
    await arm({ kind: 'none' });
    assert.equal((await send(base, {})).status, 200);
    // /v1/me is never faulted
    await arm({ kind: 'html502' });
    assert.equal((await get(base, `/v1/me?apiKey=${KEY}`)).status, 200);
  });

  it('refuses an unknown fault kind', async () => {
    const res = await arm({ kind: 'explode' });
    assert.equal(res.status, 400);
  });
});

describe('CORS, counting and reset', { timeout: 30_000 }, () => {
  let standin;
  let base;
  before(async () => {
    standin = await startStandin();
    base = standin.url;
  });
  after(() => standin.close());

  it('answers preflights and marks every answer with Access-Control-Allow-Origin', async () => {
    const res = await fetch(`${base}/v1/send`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8080',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
      signal: TIMEOUT(5000),
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('access-control-allow-headers'), 'content-type');
    assert.equal(res.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');
    assert.equal((await send(base, {})).headers.get('access-control-allow-origin'), '*');
    assert.equal((await send(base, { apiKey: 'x' })).headers.get('access-control-allow-origin'), '*');
  });

  it('counts every request per path, rejected and faulted ones too, and reset clears all', async () => {
    await post(base, '/__standin/reset', {});
    await send(base, {});
    await send(base, { apiKey: 'wrong' });
    await post(base, '/v1/send', 'not json', { raw: true });
    await post(base, '/__standin/fault', { kind: 'status500' });
    await send(base, {});
    await get(base, `/v1/me?apiKey=${KEY}`);
    await fetch(`${base}/v1/send`, { method: 'OPTIONS', signal: TIMEOUT(5000) });
    await fetch(`${base}/nowhere`, { signal: TIMEOUT(5000) });
    assert.deepEqual((await get(base, '/__standin/requests')).body, {
      total: 6,
      byPath: { '/v1/send': 4, '/v1/me': 1, '/nowhere': 1 },
      preflights: { '/v1/send': 1 },
    });
    await post(base, '/__standin/fault', { kind: 'html502' });
    await post(base, '/__standin/reset', {});
    assert.deepEqual((await get(base, '/__standin/requests')).body, { total: 0, byPath: {}, preflights: {} });
    assert.deepEqual((await get(base, '/__standin/messages')).body, []);
    const fresh = await send(base, {});
    assert.equal(fresh.body.message_id, 1); // fault cleared, ids restart
  });
});

describe('logs and keys', { timeout: 30_000 }, () => {
  it('never writes the API key in a log line or a stored message', async () => {
    const lines = [];
    const standin = await startStandin({ apiKeys: [SECRET], logger: (line) => lines.push(line) });
    try {
      const base = standin.url;
      await post(base, '/v1/send', { apiKey: SECRET, phoneNumbers: '0612345678', message: 'hi', sandbox: 1 });
      await post(base, '/v1/send', { apiKey: `${SECRET}x`, phoneNumbers: '0612345678', message: 'hi' });
      await get(base, `/v1/me?apiKey=${SECRET}`);
      await post(base, '/__standin/fault', { kind: 'brokenJson' });
      await post(base, '/v1/send', { apiKey: SECRET, phoneNumbers: '0612345678', message: 'hi' });
      const messages = await get(base, '/__standin/messages');
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the last 'close' events fire
      assert.ok(lines.length >= 6);
      assert.ok(lines.some((l) => l.includes('POST /v1/send 200') && l.includes('sandbox')));
      assert.ok(lines.some((l) => l.includes('fault=brokenJson')));
      assert.ok(lines.some((l) => l.startsWith('standin GET /v1/me 200')));
      for (const line of lines) assert.ok(!line.includes(SECRET), line);
      assert.ok(!JSON.stringify(messages.body).includes(SECRET));
      assert.ok(!JSON.stringify(standin.state).includes(SECRET));
    } finally {
      await standin.close();
    }
  });
});

describe('start and stop', { timeout: 30_000 }, () => {
  it('freePort gives a port where nothing listens', async () => {
    const port = await freePort();
    assert.ok(port > 0);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/v1/send`, { method: 'POST', signal: TIMEOUT(2000) }), TypeError);
  });

  it('binds 127.0.0.1 only, on the port asked for, and closes twice safely', async () => {
    await assert.rejects(startStandin({ host: '0.0.0.0' }), /only binds 127.0.0.1/);
    const port = await freePort();
    const standin = await startStandin({ port });
    assert.equal(standin.url, `http://127.0.0.1:${port}`);
    assert.equal(standin.port, port);
    await Promise.all([standin.close(), standin.close()]);
    await assert.rejects(fetch(`${standin.url}/__standin/health`, { signal: TIMEOUT(2000) }), TypeError);
  });

  it('closes promptly with a slow answer in flight', async () => {
    const standin = await startStandin();
    await post(standin.url, '/__standin/fault', { kind: 'slow', delayMs: 20_000 });
    const pending = send(standin.url, {}).catch((error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await standin.close();
    assert.ok(performance.now() - started < 2000);
    assert.ok((await pending) instanceof Error);
  });

  it('runs as a CLI and stops cleanly on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./server.mjs', import.meta.url));
    const child = spawn(process.execPath, [script, '--port', '0', '--key', 'cli-key', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    try {
      const [chunk] = await once(child.stdout, 'data');
      const match = /^standin listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(chunk.toString());
      assert.ok(match, chunk.toString());
      const res = await post(match[1], '/v1/send', { apiKey: 'cli-key', phoneNumbers: '0612345678', message: 'hi' });
      assert.equal(res.body.success, true);
      child.kill('SIGTERM');
      const [code, signal] = await once(child, 'exit');
      assert.equal(signal, null);
      assert.equal(code, 0);
    } finally {
      clearTimeout(killer);
    }
  });
});
