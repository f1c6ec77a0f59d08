// The API key never comes back: every error path of SmsPartnerClient (validation, SMS Partner's
// refusals, each fault of the stand-in, a timeout, a closed port) is driven with a recognizable
// key, and every error (message, JSON, String(), stack, inspection), every result, the client
// itself and everything written to the console are searched for it. Each send reaches the
// stand-in at most once.
// Run: node --test tests/node/   (after scripts/build)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';
import * as sms from '../../pkg/smspartner_wasm.js';
import { freePort, startStandin } from '../../tools/standin/server.mjs';

sms.initSync({ module: readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url)) });

const KEY = 'sk-LEAK-CANARY-7f3a9c1e5b2d4086';
const WRONG_KEY = 'sk-LEAK-CANARY-wrong-0a1b2c3d4e';
const OTHER_KEY = 'sk-LEAK-CANARY-other-9f8e7d6c5b';
// What is searched for: the part every key above shares, so that a cut key is caught too.
const MARK = 'LEAK-CANARY';
const REQUEST = Object.freeze({ phoneNumbers: '06 12 34 56 78', message: 'Bonjour', sandbox: 1 });
const SEND = '/v1/send';

/** Everything that could show the key, gathered as text. */
const seen = [];
const consoleLines = [];
const standinLines = [];

/** The ways a program or a person can look at a value. */
function exposures(value) {
  const texts = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: null, showHidden: true, getters: true }),
  ];
  if (value instanceof Error) {
    texts.push(value.message, value.stack ?? '', value.name, JSON.stringify(value.errors) ?? '');
    for (const name of Object.getOwnPropertyNames(value)) texts.push(inspect(value[name], { depth: null }));
  }
  return texts;
}

/** Records a value, and writes it to the console as an application would. */
function look(label, value) {
  seen.push(...exposures(value).map((text) => `${label}: ${text}`));
  if (value instanceof Error) console.error(label, value);
  else console.log(label, value);
}

/** Wraps every console method, keeping what they are given (as the console would print it). */
function spyOnConsole() {
  const originals = {};
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir']) {
    originals[method] = console[method];
    console[method] = (...args) => {
      consoleLines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: null }))).join(' '));
    };
  }
  return () => Object.assign(console, originals);
}

async function control(base, path, body) {
  const res = await fetch(base + path, body === undefined ? {} : {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

describe('the API key never comes back', () => {
  let standin;
  let client;
  let restoreConsole;
  const sends = async () => (await control(standin.url, '/__standin/requests')).byPath[SEND] ?? 0;
  const stored = async () => (await control(standin.url, '/__standin/messages')).length;

  /** Sends, expects a rejection; returns the error after looking at it from every side. */
  async function failing(label, promise) {
    const error = await promise.then(
      (result) => {
        look(`${label} (result)`, result);
        assert.fail(`${label}: resolved`);
      },
      (e) => e,
    );
    assert.ok(error instanceof Error && !(error instanceof WebAssembly.RuntimeError));
    assert.equal(error.name, 'SmsPartnerError');
    look(label, error);
    return error;
  }

  /** Sends made through `reaching`, which the stand-in must have counted exactly. */
  let sent = 0;

  /** Runs `fn`, then checks that the stand-in received `expected` sends (0 or 1) meanwhile. */
  async function reaching(expected, fn) {
    const before = await sends();
    const value = await fn();
    assert.equal((await sends()) - before, expected, `the stand-in received ${SEND} more than expected`);
    sent += expected;
    return value;
  }

  before(async () => {
    restoreConsole = spyOnConsole();
    standin = await startStandin({ port: 0, apiKeys: [KEY], logger: (line) => standinLines.push(line) });
    client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: standin.url, timeoutMs: 5000 });
    look('client', client);
  });

  after(async () => {
    client?.free();
    await standin?.close();
    restoreConsole?.();
  });

  it('a send that succeeds', async () => {
    const result = await reaching(1, () => client.send(REQUEST));
    assert.equal(result.success, true);
    look('result', result);
    const again = await reaching(1, () => client.send({ ...REQUEST, apiKey: KEY }));
    assert.equal(again.success, true);
    look('result with the key repeated in the request', again);
  });

  it('validation errors', async () => {
    const cases = [
      ['bad number', { ...REQUEST, phoneNumbers: '12' }, 'phone_number_invalid'],
      ['another key in the request', { ...REQUEST, apiKey: OTHER_KEY }, 'api_key_conflict'],
      ['a key that is not a string', { ...REQUEST, apiKey: 42 }, 'invalid_type'],
      ['not an object', KEY, 'request_not_object'],
      ['bad sender', { ...REQUEST, sender: KEY }, 'sender_invalid_characters'],
      ['bad tag', { ...REQUEST, tag: `${KEY} ${KEY}` }, 'tag_invalid_characters'],
      ['bad url', { ...REQUEST, urlDlr: KEY }, 'url_invalid'],
    ];
    for (const [label, request, code] of cases) {
      const error = await reaching(0, () => failing(label, client.send(request)));
      assert.equal(error.kind, 'validation');
      assert.ok(error.errors.some((e) => e.code === code), `${label}: ${JSON.stringify(error.errors)}`);
    }
    const options = await reaching(0, () => failing('bad options', client.send(REQUEST, { lang: KEY, now: KEY })));
    assert.ok(options.errors.every((e) => e.field === 'options'));
  });

  // Validation quotes the entries it refuses (a phone number, a date): the client's key, pasted
  // into one of those fields by mistake, came back in the error.
  it('a validation error never quotes the client key pasted into another field', async () => {
    for (const [label, request] of [
      ['key as phone number', { ...REQUEST, phoneNumbers: KEY }],
      ['key among phone numbers', { ...REQUEST, phoneNumbers: ['0612345678', KEY] }],
      ['key as schedule date', { ...REQUEST, scheduledDeliveryDate: KEY, time: 9, minute: 0 }],
    ]) {
      const error = await reaching(0, () => client.send(request).then(assert.fail, (e) => e));
      assert.equal(error.kind, 'validation');
      const shown = exposures(error).filter((text) => text.includes(MARK));
      assert.deepEqual(shown, [], `${label}: the key shows ${shown.length} times`);
      look(label, error);
    }
  });

  it('SmsPartner refuses a wrong key (code 10)', async () => {
    const wrong = new sms.SmsPartnerClient({ apiKey: WRONG_KEY, baseUrl: standin.url });
    try {
      const error = await reaching(1, () => failing('wrong key', wrong.send(REQUEST)));
      assert.equal(error.kind, 'api');
      assert.equal(error.code, 10);
    } finally {
      wrong.free();
    }
  });

  it('SmsPartner refuses for want of credits (code 11)', async () => {
    const credits = await control(standin.url, '/__standin/credits', {});
    await control(standin.url, '/__standin/credits', { creditSms: 0, balance: 0 });
    try {
      const error = await reaching(1, () => failing('no credits', client.send({ ...REQUEST, sandbox: 0 })));
      assert.equal(error.kind, 'api');
      assert.equal(error.code, 11);
    } finally {
      await control(standin.url, '/__standin/credits', credits);
    }
  });

  const faults = [
    [{ kind: 'status500' }, ['http'], 500],
    [{ kind: 'status500', emptyBody: true }, ['http'], 500],
    [{ kind: 'html502' }, ['http'], 502],
    [{ kind: 'brokenJson' }, ['http'], 200],
    [{ kind: 'unexpected200' }, ['http'], 200],
    [{ kind: 'status429', retryAfter: 7 }, ['http'], 429],
    [{ kind: 'reset' }, ['network', 'http'], 200],
  ];
  for (const [fault, kinds, status] of faults) {
    it(`fault ${JSON.stringify(fault)}`, async () => {
      await control(standin.url, '/__standin/fault', fault);
      const storedBefore = await stored();
      const error = await reaching(1, () => failing(fault.kind, client.send(REQUEST)));
      assert.ok(kinds.includes(error.kind), `${error.kind}: ${error.message}`);
      assert.equal(error.status, status);
      // brokenJson and reset model an answer lost after the send was accepted: stored once.
      assert.ok((await stored()) - storedBefore <= 1);
    });
  }

  it('fault slow, past the timeout', async () => {
    const hasty = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: standin.url, timeoutMs: 300 });
    try {
      await control(standin.url, '/__standin/fault', { kind: 'slow', delayMs: 1500 });
      const storedBefore = await stored();
      const error = await reaching(1, () => failing('slow', hasty.send(REQUEST)));
      assert.equal(error.kind, 'timeout');
      // Let the stand-in finish the request it is sitting on: stored once, never sent again.
      const sendsBefore = await sends();
      await new Promise((resolve) => setTimeout(resolve, 1800));
      assert.equal((await stored()) - storedBefore, 1);
      assert.equal(await sends(), sendsBefore);
    } finally {
      hasty.free();
    }
  });

  it('a closed port', async () => {
    const port = await freePort();
    const nowhere = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}` });
    try {
      const error = await reaching(0, () => failing('closed port', nowhere.send(REQUEST)));
      assert.equal(error.kind, 'network');
    } finally {
      nowhere.free();
    }
  });

  it('constructor errors', () => {
    for (const options of [
      { apiKey: KEY, baseUrl: `ftp://${KEY}` },
      { apiKey: KEY, baseUrl: `https://x/?k=${KEY}` },
      { apiKey: KEY, timeoutMs: -1 },
      { apiKey: `${KEY} ` },
      { apiKey: `${KEY}\n${KEY}` },
      { apiKey: KEY.repeat(20) },
    ]) {
      let thrown;
      try {
        new sms.SmsPartnerClient(options).free();
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown instanceof Error, `accepted ${Object.keys(options)}`);
      assert.equal(thrown.name, 'SmsPartnerError');
      look('constructor', thrown);
    }
  });

  it('each send reached the stand-in at most once', async () => {
    const requests = await control(standin.url, '/__standin/requests');
    look('stand-in requests', requests);
    assert.equal(requests.byPath[SEND], sent, 'sends counted by the stand-in');
    const messages = await control(standin.url, '/__standin/messages');
    for (const m of messages) assert.ok(!JSON.stringify(m.body).includes(MARK), 'key in a stored body');
  });

  it('finds the key zero times', (t) => {
    const everything = [...seen, ...consoleLines, ...standinLines];
    t.diagnostic(
      `searched ${seen.length} renderings, ${consoleLines.length} console lines, ` +
        `${standinLines.length} stand-in log lines; ${sent} sends reached the stand-in`,
    );
    assert.ok(seen.length > 100 && consoleLines.length > 10, 'too little was looked at');
    const found = everything.filter((text) => text.includes(MARK));
    assert.equal(found.length, 0, `the key shows ${found.length} times:\n${found.slice(0, 3).join('\n')}`);
  });
});
