// A page that changes JavaScript's built-ins after loading the package (pkg/index.js): throwing
// setters on Object.prototype for every name the answers use, Array.prototype.push, the Error
// constructors, Object.assign and Object.entries replaced, a global fetch or setTimeout that
// throws. Each export answers as it did before, none throws, and after thousands of such calls
// the instance has lost nothing (the glue's imports use the built-ins captured at load:
// scripts/package-glue.mjs).
// Run: node --test tests/node/   (after scripts/build)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as sms from '../../pkg/index.js';
import * as glue from '../../pkg/smspartner_wasm.js';
import * as compose from '../../pkg/compose.js';
import * as length from '../../pkg/length.js';

const wasm = sms.initSync({ module: readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url)) });
compose.initSync({ module: readFileSync(new URL('../../pkg/smspartner_compose_bg.wasm', import.meta.url)) });
length.initSync({ module: readFileSync(new URL('../../pkg/smspartner_length_bg.wasm', import.meta.url)) });

const KEY = 'sk-builtins-1234';
const NOW = new Date('2026-11-30T10:00:00.000Z');
const ROUNDS = 5_000;

/** One call of each pure export, answers that fill every kind of list. */
const CALLS = [
  () => sms.analyzeMessage('Promo « été » ’ok’ … 5 € [x] 😀', { isStopSms: true }),
  () => sms.analyzeMessage('Bonjour ✓ ça va', { isUnicode: true }),
  () => sms.splitMessage('x'.repeat(200)),
  () => sms.splitMessageParts('Promo « été » '.repeat(20)),
  () => sms.normalizeMessage('Promo « été » ’ok’ … ✓'),
  () => sms.splitPhoneList('06 12 34 56 78; 0033 6 12 34 56 79\n12'),
  () => sms.parsePhoneNumbers('06 12 34 56 78, 01 40 00 00 00, 12, 06 12 34 56 78', { lang: 'fr' }),
  () => sms.validateSendRequest({ apiKey: KEY, phoneNumbers: '0612345678, 0140000000, x', message: 'Soldes « -20 % »', sender: 'a', tag: 'Promo' }, { now: NOW, commercial: true }),
  () => sms.validateSendRequest(null, { now: NOW }),
  () => sms.smsPartnerCode(14),
  () => sms.parseReplyWebhook({ msisdn: '+33612345678', message: 'STOP', messageId: '42' }),
  () => sms.parseDeliveryReport({ messageId: '42', phoneNumber: '+33612345678', stat: 'DELIVRD', date: '2026-12-01 10:00:00' }),
  () => sms.redactApiKey(`key=${KEY}`, KEY),
  () => sms.effectiveSendTime(NOW, { commercial: true }).getTime(),
  () => sms.cancelDeadline(NOW).getTime(),
  () => sms.frenchPublicHoliday('2026-12-25', { lang: 'fr' }),
];

/** Every property name in `value`, nested. */
function names(value, out = new Set()) {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      out.add(key);
      names(inner, out);
    }
  }
  return out;
}

const clean = CALLS.map((call) => call());
const SETTERS = [...new Set([...names(clean), ...'0123456789', 'name', 'message', 'kind', 'reason', 'field', 'status', 'error'])];

/** What a healthy instance looks like. */
const health = () => ({
  stackPointer: wasm.__wbindgen_add_to_stack_pointer(0),
  table: wasm.__wbindgen_externrefs.length,
  memory: wasm.memory.buffer.byteLength,
});

/** Runs `work` with the built-ins changed as a careless or hostile page would, then restores them. */
function withChangedBuiltins(work) {
  const saved = {
    push: Array.prototype.push,
    Error: globalThis.Error,
    TypeError: globalThis.TypeError,
    assign: Object.assign,
    entries: Object.entries,
    of: Array.of,
  };
  const thrower = (what) => function () { throw new saved.Error(`${what} replaced by the page`); };
  for (const key of SETTERS) {
    Object.defineProperty(Object.prototype, key, { set: thrower(`setter ${key}`), get: () => undefined, configurable: true });
  }
  Array.prototype.push = thrower('push');
  globalThis.Error = thrower('Error');
  globalThis.TypeError = thrower('TypeError');
  Object.assign = thrower('Object.assign');
  Object.entries = thrower('Object.entries');
  Array.of = thrower('Array.of');
  try {
    return work();
  } finally {
    for (const key of SETTERS) delete Object.prototype[key];
    Array.prototype.push = saved.push;
    globalThis.Error = saved.Error;
    globalThis.TypeError = saved.TypeError;
    Object.assign = saved.assign;
    Object.entries = saved.entries;
    Array.of = saved.of;
  }
}

describe('a page that changes the built-ins after loading the package', () => {
  it(`every pure export answers as before, ${ROUNDS} rounds, and nothing is lost`, () => {
    const before = health();
    // Filled by index into slots that already exist: no setter of the page runs for them.
    const answers = new Array(CALLS.length).fill(null);
    const thrown = new Array(CALLS.length).fill(null);
    withChangedBuiltins(() => {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let i = 0; i < CALLS.length; i += 1) {
          try {
            answers[i] = CALLS[i]();
          } catch (error) {
            thrown[i] = String(error);
          }
        }
      }
    });
    assert.deepEqual(thrown, new Array(CALLS.length).fill(null));
    for (let i = 0; i < CALLS.length; i += 1) assert.deepEqual(answers[i], clean[i], CALLS[i].toString());
    assert.deepEqual(health(), before);
    assert.deepEqual(CALLS.map((call) => call()), clean);
  });

  it('the compose and length entries answer as before too', () => {
    const calls = [
      () => compose.analyzeMessage('Promo « été » ’ok’ … 5 € [x] 😀', { isStopSms: true }),
      () => compose.normalizeMessage('Promo « été » ’ok’ … ✓'),
      () => compose.parsePhoneNumbers('06 12 34 56 78, 01 40 00 00 00, 12', { lang: 'fr' }),
      () => compose.validateSendRequest({ phoneNumbers: '0612345678, x', message: 'Soldes « -20 % »', tag: 'Promo' }, { now: NOW, requireApiKey: false }),
      () => length.analyzeMessage('Promo « été » ’ok’ … 5 € [x] 😀', { isStopSms: true }),
      () => length.analyzeMessage('Bonjour ✓ ça va', { isUnicode: 'yes' }),
      () => length.splitMessage('x'.repeat(200)),
      () => length.splitMessageParts('Promo « été » '.repeat(20)),
      () => length.normalizeMessage('Promo « été » ’ok’ … ✓'),
    ];
    const expected = calls.map((call) => call());
    const answers = new Array(calls.length).fill(null);
    withChangedBuiltins(() => {
      for (let round = 0; round < ROUNDS / 10; round += 1) {
        for (let i = 0; i < calls.length; i += 1) answers[i] = calls[i]();
      }
    });
    assert.deepEqual(answers, expected);
  });

  it('a client built and a send refused while the built-ins are changed', async () => {
    const refused = withChangedBuiltins(() => {
      const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
      const promise = client.send({ phoneNumbers: '12', message: '' });
      client.free();
      return promise;
    });
    const error = await refused.then(() => assert.fail('resolved'), (e) => e);
    assert.ok(error instanceof sms.SmsPartnerError, String(error));
    assert.equal(error.kind, 'validation');
    assert.ok(error.errors.some((e) => e.field === 'phoneNumbers'));
  });

  for (const [name, replace] of [
    ['fetch throws at once', () => { globalThis.fetch = () => { throw new Error('no fetch here'); }; }],
    ['setTimeout throws', () => { globalThis.setTimeout = () => { throw new Error('no timers here'); }; }],
  ]) {
    it(`${name}: each send rejects with a network error, ${ROUNDS / 5} times, and nothing is lost`, async () => {
      const saved = { fetch: globalThis.fetch, setTimeout: globalThis.setTimeout };
      const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
      const sendAll = () => {
        const sends = [];
        for (let i = 0; i < ROUNDS / 5; i += 1) sends.push(client.send({ phoneNumbers: '0612345678', message: 'Bonjour' }).then(() => null, (e) => e));
        return Promise.all(sends);
      };
      // As many sends in flight with the real fetch first (nothing listens on port 9): the
      // externref table and memory grow to what that many pending sends hold, then stay.
      await sendAll();
      const before = health();
      replace();
      let outcomes;
      try {
        outcomes = await sendAll();
      } finally {
        globalThis.fetch = saved.fetch;
        globalThis.setTimeout = saved.setTimeout;
      }
      for (const error of outcomes) {
        assert.ok(error instanceof sms.SmsPartnerError, String(error));
        assert.equal(error.kind, 'network');
        assert.ok(!error.message.includes(KEY));
      }
      client.free();
      assert.deepEqual(health(), before);
      assert.equal(glue.__analysisInput(0) !== 0, true);
    });
  }
});
