// Hostile JavaScript input against the package in pkg/ (loaded with initSync): every export and
// every argument position gets values of the wrong type, throwing getters, proxies (revoked
// too), lone surrogates, huge and deep values, prototype-pollution keys, symbols and BigInts.
// The functions that never throw never throw; the others throw a proper Error (never a
// WebAssembly RuntimeError); a wrong value is a validation error on its own field; and the
// module keeps answering correctly after each case.
// Run: node --test tests/node/   (after scripts/build)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as sms from '../../pkg/smspartner_wasm.js';

const wasm = sms.initSync({
  module: readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url)),
});

const NOW = '2026-11-30T10:00:00.000Z'; // a Monday, inside the commercial window
const VALID = Object.freeze({ apiKey: 'test-key', phoneNumbers: '0612345678', message: 'Bonjour' });
// A schedule that is valid at NOW, so that time and minute are checked.
const SCHEDULED = Object.freeze({ ...VALID, scheduledDeliveryDate: '01/12/2026', time: 9, minute: 30 });
const WIRE_FIELDS = [
  'apiKey', 'phoneNumbers', 'message', 'gamme', 'sender', 'tag', 'scheduledDeliveryDate', 'time',
  'minute', 'urlResponse', 'urlDlr', 'isStopSms', 'isUnicode', 'sandbox', '_format',
];
const MB = 1 << 20;

/** The valid request to put a hostile value in: time and minute are read only with a date. */
const baseFor = (field) => (['time', 'minute', 'scheduledDeliveryDate'].includes(field) ? SCHEDULED : VALID);

/** The module still answers, and answers right. */
function assertStillWorks() {
  const analysis = sms.analyzeMessage('Bonjour :br:€');
  assert.equal(analysis.encoding, 'GSM-7');
  assert.equal(analysis.characters, 12);
  assert.equal(analysis.smsCount, 1);
  assert.equal(analysis.preview, 'Bonjour \n€');
  assert.deepEqual(sms.parsePhoneNumbers('06 12 34 56 78').numbers, ['+33612345678']);
}

/** A thrown value is an Error of our making, not a trap of the wasm instance. */
function assertProperError(error, name) {
  assert.ok(error instanceof Error, `not an Error: ${String(error)}`);
  assert.ok(!(error instanceof WebAssembly.RuntimeError), `wasm trap: ${error.message}`);
  assert.doesNotMatch(String(error), /unreachable|RuntimeError|panicked/);
  assert.equal(typeof error.message, 'string');
  if (name) assert.equal(error.name, name);
}

function neverThrows(label, fn) {
  try {
    return fn();
  } catch (error) {
    assert.fail(`${label} threw ${error?.name}: ${error?.message}`);
  }
}

/** Calls `fn`; returns ['ok', value] or ['threw', error] after checking the error is proper. */
function outcome(fn, errorName) {
  try {
    return ['ok', fn()];
  } catch (error) {
    assertProperError(error, errorName);
    return ['threw', error];
  }
}

const thrower = (what) => () => {
  throw new Error(`hostile ${what}`);
};

function nested(depth, wrap) {
  let value = 'bottom';
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

/**
 * Fresh hostile values: [name, value, wrongEverywhere]. `wrongEverywhere` marks values that no
 * field and no argument accepts (the others, such as null or a number, are fine in some places).
 */
function hostileValues() {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  const revokedArray = Proxy.revocable([], {});
  revokedArray.revoke();
  const trapAll = new Proxy(
    {},
    {
      get: thrower('get trap'),
      has: thrower('has trap'),
      ownKeys: thrower('ownKeys trap'),
      getOwnPropertyDescriptor: thrower('descriptor trap'),
      getPrototypeOf: thrower('getPrototypeOf trap'),
    },
  );
  const getters = {};
  for (const name of [...WIRE_FIELDS, 'length', 'now', 'lang', 'commercial', 'requireApiKey']) {
    Object.defineProperty(getters, name, { get: thrower(`getter ${name}`), enumerable: true });
  }
  const badPrimitive = {
    toString: thrower('toString'),
    valueOf: thrower('valueOf'),
    [Symbol.toPrimitive]: thrower('toPrimitive'),
    toJSON: thrower('toJSON'),
  };
  const hugeSparse = [];
  hugeSparse.length = 2 ** 32 - 1;
  const lyingArray = new Proxy(['0612345678'], {
    get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : Reflect.get(target, key)),
  });
  return [
    ['undefined', undefined, false],
    ['null', null, false],
    ['true', true, false],
    ['0', 0, false],
    ['-0', -0, false],
    ['NaN', NaN, true],
    ['Infinity', Infinity, true],
    ['-1e308', -1e308, false],
    ['1.5', 1.5, false],
    ['2**53', 2 ** 53, false],
    ['empty string', '', false],
    ['blank string', ' \t\n', false],
    ['lone high surrogate', '\uD800', false],
    ['lone low surrogate inside', 'a\uDC00b', false],
    ['reversed pair', '\uDE00\uD83D', false],
    ['symbol', Symbol('hostile'), true],
    ['bigint', 10n, true],
    ['huge bigint', -(2n ** 200n), true],
    ['plain object', {}, true],
    ['null-prototype object', Object.create(null), true],
    ['empty array', [], false],
    ['nested array', [[['0612345678']]], true],
    ['array with holes and junk', [, null, 5, {}, '0612345678', Symbol('x')], true],
    ['huge sparse array', hugeSparse, true],
    ['array proxy lying about its length', lyingArray, true],
    ['invalid Date', new Date(NaN), true],
    ['RegExp', /0612345678/, true],
    ['Map', new Map([['message', 'x']]), true],
    ['boxed string', new String('0612345678'), true],
    ['boxed number', new Number(1), true],
    ['Promise', Promise.resolve('x'), true],
    ['function', () => 'x', true],
    ['class', class Hostile {}, true],
    ['throwing getters', getters, true],
    ['proxy with throwing traps', trapAll, true],
    ['revoked proxy', revocable.proxy, true],
    ['revoked array proxy', revokedArray.proxy, true],
    ['throwing toString/valueOf/toPrimitive', badPrimitive, true],
    ['frozen object', Object.freeze({ message: 'x', apiKey: ['k'] }), true],
    ['sealed array', Object.seal(['0612345678']), false],
    ['deep object', nested(10_000, (inner) => ({ message: inner, a: inner })), true],
    ['deep array', nested(10_000, (inner) => [inner]), true],
    [
      'JSON prototype-pollution keys',
      JSON.parse('{"__proto__":{"polluted":1,"message":"x"},"constructor":{"prototype":{"polluted":1}}}'),
      true,
    ],
  ];
}

/** Object.prototype and friends as they are now, to check that nothing was added. */
function prototypeSnapshot() {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) =>
    Reflect.ownKeys(p).map(String).sort().join(','),
  );
}

/** Array.isArray, which throws on a revoked proxy. */
function isArray(value) {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Whether validation must answer `request_not_object` for this request. */
function nonObjectRequest(value) {
  try {
    return value === null || typeof value !== 'object' || Array.isArray(value);
  } catch {
    return true; // a revoked proxy
  }
}

describe('hostile arguments', () => {
  const prototypesBefore = prototypeSnapshot();

  for (const [name, value, wrong] of hostileValues()) {
    it(`analyzeMessage and splitMessage: ${name}`, () => {
      for (const [label, args] of [
        ['message', [value]],
        ['options', ['Bonjour', value]],
        ['both', [value, value]],
      ]) {
        const analysis = neverThrows(`analyzeMessage(${label})`, () => sms.analyzeMessage(...args));
        const parts = neverThrows(`splitMessage(${label})`, () => sms.splitMessage(...args));
        assert.ok(Array.isArray(parts));
        assert.equal(parts.length, analysis.smsCount);
        if (typeof args[0] !== 'string') {
          assert.equal(analysis.characters, 0, 'a non-string is an empty message');
          assert.deepEqual(parts, []);
        }
        if (label === 'options') {
          assert.equal(analysis.smsCount, 1);
          assert.equal(analysis.preview, 'Bonjour');
        }
      }
      assertStillWorks();
    });

    it(`parsePhoneNumbers: ${name}`, () => {
      const report = neverThrows('parsePhoneNumbers(input)', () => sms.parsePhoneNumbers(value));
      assert.ok(Array.isArray(report.numbers) && Array.isArray(report.invalid));
      if (typeof value !== 'string' && !isArray(value)) {
        assert.deepEqual(report, { numbers: [], details: [], invalid: [], duplicates: [] });
      }
      const mixed = neverThrows('parsePhoneNumbers([…, value])', () =>
        sms.parsePhoneNumbers(['0612345678', value]),
      );
      assert.deepEqual(mixed.numbers, ['+33612345678']);
      if (typeof value !== 'string') assert.equal(mixed.invalid.length, 1);
      const withOptions = neverThrows('parsePhoneNumbers(…, options)', () =>
        sms.parsePhoneNumbers('0612345678', value),
      );
      // Options whose allowedRegions cannot be read allow no number, and say so; any other
      // options leave the number as it is.
      const unreadable = withOptions.invalid.some((entry) => entry.code === 'option_invalid');
      assert.deepEqual(withOptions.numbers, unreadable ? [] : ['+33612345678']);
      if (unreadable) assert.deepEqual(withOptions.invalid.map((entry) => entry.code), ['destination_not_allowed', 'option_invalid']);
      assertStillWorks();
    });

    it(`validateSendRequest, as the request: ${name}`, () => {
      const report = neverThrows('validateSendRequest', () =>
        sms.validateSendRequest(value, { now: NOW }),
      );
      assert.equal(report.valid, false);
      assert.equal(report.request, null);
      if (nonObjectRequest(value)) {
        assert.deepEqual(
          report.errors.map((e) => [e.field, e.code]),
          [['request', 'request_not_object']],
        );
      } else {
        assert.ok(report.errors.length > 0);
        assert.ok(report.errors.every((e) => WIRE_FIELDS.includes(e.field)), JSON.stringify(report.errors));
      }
      assertStillWorks();
    });

    it(`validateSendRequest, in each field: ${name}`, () => {
      for (const field of WIRE_FIELDS) {
        const base = baseFor(field);
        const request = { ...base, [field]: value };
        const report = neverThrows(`validateSendRequest(${field})`, () =>
          sms.validateSendRequest(request, { now: NOW }),
        );
        const elsewhere = report.errors.filter((e) => e.field !== field);
        assert.deepEqual(elsewhere, [], `${field}: errors on other fields`);
        if (wrong) {
          assert.ok(report.errors.length > 0, `${field} accepted ${name}`);
          assert.equal(report.valid, false);
        }
        assert.equal(report.valid, report.errors.length === 0);
        // The same value behind a throwing getter is an error on that field too.
        const behindGetter = { ...base };
        Object.defineProperty(behindGetter, field, { get: thrower(field), enumerable: true });
        const unreadable = neverThrows(`validateSendRequest(getter ${field})`, () =>
          sms.validateSendRequest(behindGetter, { now: NOW }),
        );
        assert.ok(unreadable.errors.length > 0 && unreadable.errors.every((e) => e.field === field));
      }
      assertStillWorks();
    });

    it(`validateSendRequest, as the options: ${name}`, () => {
      const report = neverThrows('validateSendRequest(…, options)', () =>
        sms.validateSendRequest(VALID, value),
      );
      assert.ok(report.errors.every((e) => e.field === 'options'), JSON.stringify(report.errors));
      for (const option of ['now', 'commercial', 'lang', 'requireApiKey']) {
        const r = neverThrows(`validateSendRequest(…, { ${option} })`, () =>
          sms.validateSendRequest(VALID, { now: NOW, [option]: value }),
        );
        assert.ok(r.errors.every((e) => e.field === 'options' && e.code === 'option_invalid'));
        if (wrong) assert.equal(r.valid, false, `options.${option} accepted ${name}`);
      }
      assertStillWorks();
    });

    it(`effectiveSendTime, isFrenchPublicHoliday, frenchPublicHoliday: ${name}`, () => {
      const [kind, answer] = outcome(() => sms.effectiveSendTime(value), 'TypeError');
      if (kind === 'ok') assert.ok(answer instanceof Date && !Number.isNaN(answer.getTime()));
      if (wrong) assert.equal(kind, 'threw', `effectiveSendTime accepted ${name}`);
      const withOptions = neverThrows('effectiveSendTime(date, options)', () =>
        sms.effectiveSendTime(new Date(NOW), value),
      );
      assert.ok(withOptions instanceof Date);
      const [deadlineKind, deadline] = outcome(() => sms.cancelDeadline(value), 'TypeError');
      if (deadlineKind === 'ok') assert.ok(deadline instanceof Date && !Number.isNaN(deadline.getTime()));
      if (wrong) assert.equal(deadlineKind, 'threw', `cancelDeadline accepted ${name}`);
      const [holidayKind, holiday] = outcome(() => sms.isFrenchPublicHoliday(value), 'TypeError');
      if (holidayKind === 'ok') assert.equal(typeof holiday, 'boolean');
      if (wrong) assert.equal(holidayKind, 'threw', `isFrenchPublicHoliday accepted ${name}`);
      const [nameKind] = outcome(() => sms.frenchPublicHoliday(value, value), 'TypeError');
      assert.equal(nameKind, holidayKind);
      assert.equal(sms.frenchPublicHoliday('2026-12-25', value) !== null, true);
      assertStillWorks();
    });

    it(`new SmsPartnerClient and client.send: ${name}`, async () => {
      for (const options of [
        value,
        { apiKey: value },
        { apiKey: 'test-key', baseUrl: value },
        { apiKey: 'test-key', timeoutMs: value },
      ]) {
        const [kind, client] = outcome(() => new sms.SmsPartnerClient(options), 'SmsPartnerError');
        if (kind === 'threw') assert.equal(client.kind, 'validation');
        else client.free();
        if (wrong) assert.equal(kind, 'threw', `the constructor accepted ${name}`);
      }
      // A closed port: should a request be wrongly accepted, the send fails fast.
      const client = new sms.SmsPartnerClient({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9' });
      try {
        const requests = [[value, 'request']];
        if (wrong) for (const field of WIRE_FIELDS) requests.push([{ ...baseFor(field), [field]: value }, field]);
        for (const [request, field] of requests) {
          const promise = neverThrows('client.send', () => client.send(request, { now: NOW }));
          assert.ok(promise instanceof Promise);
          const error = await promise.then(
            () => assert.fail(`send resolved for ${field}`),
            (e) => e,
          );
          assertProperError(error, 'SmsPartnerError');
          assert.equal(error.kind, 'validation', `${field}: ${error.message}`);
          if (field === 'request' && nonObjectRequest(value)) {
            assert.deepEqual(error.errors.map((e) => e.field), ['request']);
          } else if (field !== 'request') {
            assert.ok(error.errors.length > 0);
            assert.ok(error.errors.every((e) => e.field === field), JSON.stringify(error.errors));
          }
        }
        // Hostile send options: only option errors, or (if all is well) the closed port.
        const error = await client.send(VALID, value).then(
          () => assert.fail('send resolved'),
          (e) => e,
        );
        assertProperError(error, 'SmsPartnerError');
        if (error.kind === 'validation') assert.ok(error.errors.every((e) => e.field === 'options'));
        else assert.equal(error.kind, 'network');
      } finally {
        client.free();
      }
      assertStillWorks();
    });
  }

  it('leaves Object.prototype and the other built-in prototypes untouched', () => {
    assert.deepEqual(prototypeSnapshot(), prototypesBefore);
    assert.equal({}.polluted, undefined);
  });
});

describe('hostile values, one by one', () => {
  it('reads JSON __proto__ and constructor keys as unknown fields, not as a prototype', () => {
    const request = JSON.parse(
      '{"__proto__":{"phoneNumbers":"0612345678","isUnicode":1},"constructor":{"prototype":{"x":1}},' +
        '"apiKey":"test-key","message":"Bonjour"}',
    );
    const report = sms.validateSendRequest(request, { now: NOW });
    assert.deepEqual(
      report.errors.map((e) => [e.field, e.code]),
      [['phoneNumbers', 'phone_numbers_required']],
    );
    assert.deepEqual(
      report.warnings.map((w) => [w.field, w.code]),
      [
        ['__proto__', 'unknown_field'],
        ['constructor', 'unknown_field'],
      ],
    );
    assert.equal(report.message.encoding, 'GSM-7');
    assert.equal({}.phoneNumbers, undefined);
    assertStillWorks();
  });

  // Every other option behind a throwing getter is an option error; `now` was read as absent,
  // so the request was checked against the current time without a word.
  it('a throwing now getter is an option error, not the current time', () => {
    const options = Object.defineProperty({}, 'now', { get: thrower('now'), enumerable: true });
    const report = sms.validateSendRequest(VALID, options);
    assert.deepEqual(
      report.errors.map((e) => [e.field, e.code]),
      [['options', 'option_invalid']],
    );
    assert.equal(report.valid, false);
  });

  it('keeps the length of a string with lone surrogates (one code unit each)', () => {
    const text = 'a\uD800b\uDC00c';
    const analysis = sms.analyzeMessage(text, { isUnicode: true });
    assert.equal(analysis.characters, text.length);
    const gsm = sms.analyzeMessage(text);
    assert.deepEqual(
      gsm.unsupported.map((u) => u.index),
      [1, 3],
    );
  });

  // splitMessage promises parts.join('') === message; the string crosses into Rust with each
  // lone surrogate replaced by U+FFFD, and the parts are cut from that copy.
  it('splitMessage gives back a message with lone surrogates unchanged (join === input)', () => {
    for (const text of ['\uD800', 'a\uDC00b', `${'a'.repeat(200)}\uD83D`, '\uDE00\uD83D']) {
      assert.equal(sms.splitMessage(text).join(''), text);
      assert.equal(sms.splitMessage(text, { isUnicode: true }).join(''), text);
    }
  });

  it('survives a getter that calls the module again while it reads the request', () => {
    const request = {
      get message() {
        return sms.analyzeMessage('x').preview + sms.validateSendRequest({}).errors.length;
      },
      phoneNumbers: '0612345678',
      apiKey: 'test-key',
    };
    const report = sms.validateSendRequest(request, { now: NOW });
    assert.equal(report.valid, true);
    assert.equal(report.request.message, 'x3');
    assertStillWorks();
  });

  it('survives client.free() called from a getter during client.send', async () => {
    const client = new sms.SmsPartnerClient({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9' });
    const request = {
      get message() {
        client.free(); // refused while send holds the client: the getter throws
        return 'x';
      },
      phoneNumbers: '0612345678',
    };
    const error = await client.send(request).then(assert.fail, (e) => e);
    assertProperError(error, 'SmsPartnerError');
    assert.equal(error.kind, 'validation');
    assert.deepEqual(error.errors.map((e) => e.field), ['message']);
    // The JavaScript handle was cleared; using it again is a plain Error, not a trap.
    const [kind, after] = outcome(() => client.send(VALID));
    if (kind === 'ok') await after.catch((e) => assertProperError(e));
    assertStillWorks();
  });

  it('throws a proper Error when a freed client is used', () => {
    const client = new sms.SmsPartnerClient({ apiKey: 'test-key' });
    client.free();
    const [kind, error] = outcome(() => client.send(VALID));
    assert.equal(kind, 'threw');
    assertProperError(error);
    assert.throws(() => client.baseUrl, (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
    assertStillWorks();
  });
});

describe('large inputs', () => {
  /** Runs fn, returns [result, milliseconds]. */
  function timed(fn) {
    const start = performance.now();
    const result = fn();
    return [result, performance.now() - start];
  }

  it('analyzes and splits a 1 MB message (the time in the diagnostics; speed is measured by scripts/bench)', (t) => {
    const text = 'Bonjour à tous, rendez-vous à 18h € :br: '.repeat(MB / 40).slice(0, MB);
    const [analysis, analyzeMs] = timed(() => sms.analyzeMessage(text));
    const [parts, splitMs] = timed(() => sms.splitMessage(text));
    const [unicode, unicodeMs] = timed(() => sms.analyzeMessage(text, { isUnicode: true }));
    t.diagnostic(`analyze ${analyzeMs.toFixed(0)} ms, split ${splitMs.toFixed(0)} ms, unicode ${unicodeMs.toFixed(0)} ms`);
    assert.equal(parts.join(''), text);
    assert.equal(parts.length, analysis.smsCount);
    assert.ok(unicode.smsCount > 0);
    assertStillWorks();
  });

  it('validates a request with a 1 MB message (the time in the diagnostics; speed is measured by scripts/bench)', (t) => {
    const [report, ms] = timed(() =>
      sms.validateSendRequest({ ...VALID, message: '😀'.repeat(MB / 2) }, { now: NOW }),
    );
    t.diagnostic(`${ms.toFixed(0)} ms`);
    assert.deepEqual(report.errors.map((e) => e.code), ['message_too_long']);
  });

  // Every character of this message is replaced: the list stops at 2,000 and says so; the
  // count and the preview stay whole.
  it('analyzes a 1 MB message of replaced characters (the time in the diagnostics)', (t) => {
    const [analysis, ms] = timed(() => sms.analyzeMessage('['.repeat(MB)));
    t.diagnostic(`${ms.toFixed(0)} ms for ${analysis.replacements.length} replacements`);
    assert.equal(analysis.replacements.length, 2000);
    assert.equal(analysis.truncated, true);
    assert.equal(analysis.preview, '('.repeat(MB));
  });

  it('parses and validates 10,000 phone numbers (the time in the diagnostics; speed is measured by scripts/bench)', (t) => {
    const numbers = Array.from({ length: 10_000 }, (_, i) => `06${String(i).padStart(8, '0')}`);
    const [asArray, arrayMs] = timed(() => sms.parsePhoneNumbers(numbers));
    const [asText, textMs] = timed(() => sms.parsePhoneNumbers(numbers.join(', ')));
    const [invalid, invalidMs] = timed(() => sms.parsePhoneNumbers(numbers.map((n) => `${n}x`)));
    const [report, validateMs] = timed(() =>
      sms.validateSendRequest({ ...VALID, phoneNumbers: numbers }, { now: NOW }),
    );
    const [repeated, repeatedMs] = timed(() =>
      sms.validateSendRequest({ ...VALID, phoneNumbers: Array(10_000).fill('0612345678') }, { now: NOW }),
    );
    t.diagnostic(
      `array ${arrayMs.toFixed(0)} ms, text ${textMs.toFixed(0)} ms, invalid ${invalidMs.toFixed(0)} ms, ` +
        `validate ${validateMs.toFixed(0)} ms, repeated ${repeatedMs.toFixed(0)} ms`,
    );
    assert.equal(asArray.numbers.length, 10_000);
    assert.equal(asText.numbers.length, 10_000);
    assert.equal(invalid.invalid.length, 10_000);
    assert.deepEqual(report.errors.map((e) => e.code), ['too_many_phone_numbers']);
    assert.equal(repeated.recipients, 1);
    assert.deepEqual(repeated.warnings.map((w) => w.code), ['duplicate_phone_numbers']);
  });

  it('reads at most 100,000 entries of an array that claims 2^32 - 1', (t) => {
    const sparse = [];
    sparse.length = 2 ** 32 - 1;
    const [report, ms] = timed(() => sms.parsePhoneNumbers(sparse));
    t.diagnostic(`${ms.toFixed(0)} ms`);
    // The rest is said out loud, never dropped in silence.
    assert.equal(report.invalid.length, 100_001);
    assert.equal(report.invalid.at(-1).code, 'entries_not_read');
  });
});

describe('no leak', () => {
  const wasmBytes = () => readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url));

  // Fresh instances of the module, so that memory and table reflect one test alone. Wasm memory
  // and the externref table only grow: 100 rounds leaking 700 bytes, or 20,000 calls leaking
  // one table slot each, cannot go unseen.
  async function freshModule(tag) {
    const fresh = await import(`../../pkg/smspartner_wasm.js?${tag}`);
    const exports = fresh.initSync({ module: wasmBytes() });
    return [fresh, () => [exports.memory.buffer.byteLength, exports.__wbindgen_externrefs.length]];
  }

  it('keeps the wasm memory and the externref table flat over repeated hostile calls', async () => {
    const [fresh, size] = await freshModule('no-leak');
    const round = async () => {
      const client = new fresh.SmsPartnerClient({ apiKey: 'test-key', baseUrl: 'http://127.0.0.1:9' });
      for (const [name, value] of hostileValues()) {
        if (isArray(value) && value.length > 1000) continue; // the sparse giants: slow, not leaky
        // Property reads that throw (getters, traps, revoked proxies): see the test below.
        if (/throwing (getters|traps)|revoked/.test(name)) continue;
        fresh.analyzeMessage(value, value);
        fresh.splitMessage(value, value);
        fresh.parsePhoneNumbers(value, value);
        fresh.validateSendRequest(value, value);
        fresh.validateSendRequest({ ...VALID, message: value, phoneNumbers: [value] }, value);
        for (const fn of [fresh.effectiveSendTime, fresh.isFrenchPublicHoliday]) {
          try {
            fn(value);
          } catch {}
        }
        try {
          new fresh.SmsPartnerClient(value).free();
        } catch {}
        await client.send(value, value).catch(() => {});
        await client.send({ ...VALID, sender: value }).catch(() => {});
      }
      client.free();
    };
    await round(); // the allocator's high-water mark for these inputs
    await round();
    const before = size();
    for (let i = 0; i < 100; i += 1) await round();
    assert.deepEqual(size(), before, '[memory bytes, externref table length] grew');
    assert.equal(fresh.analyzeMessage('Bonjour').characters, 7);
  });

  // Each property read that throws (a throwing getter, a proxy trap) goes through a `catch`
  // import that returns a value (Reflect.get); when it throws, wasm-bindgen's generated code
  // returns the exception early and never frees the externref slot allocated for the
  // (undefined) return value. One slot, and a word of wasm memory, leak per caught exception.
  it('a throwing getter or a revoked proxy leaks no externref table slot', async () => {
    const [fresh, size] = await freshModule('getter-leak');
    const options = Object.defineProperty({}, 'lang', { get: thrower('lang') });
    const request = Object.defineProperty({ ...VALID }, 'message', { get: thrower('message') });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const calls = () => {
      fresh.validateSendRequest(request, options);
      fresh.analyzeMessage('x', revoked);
    };
    for (let i = 0; i < 1000; i += 1) calls();
    const before = size();
    for (let i = 0; i < 20_000; i += 1) calls();
    const after = size();
    assert.deepEqual(after, before, `[memory bytes, externref table length] ${before} -> ${after}`);
  });
});
