// Calls an attacker would make, many times over, against the package's entry (pkg/index.js):
// JavaScript exceptions that would unwind through wasm (fake and hostile Dates, freed clients,
// an exhausted stack), giant messages, huge arrays, odd keys. After each kind, the instance has
// lost nothing: the shadow stack pointer is where it was, the externref table and the memory
// have not grown, and the module answers right. Then a seeded random sequence of all of them.
// Run: node --test tests/node/   (after scripts/build)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as sms from '../../pkg/index.js';
import * as glue from '../../pkg/smspartner_wasm.js';

const wasm = sms.initSync({
  module: readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url)),
});

const KEY = 'sk-LEAK-CANARY-1234';
const NOW = new Date('2026-11-30T10:00:00.000Z');
const REQUEST = Object.freeze({ apiKey: KEY, phoneNumbers: '0612345678', message: 'Bonjour [ok]' });
const ROUNDS = 20_000;
const MiB = 1 << 20;

/** What a healthy instance looks like: to compare with after each kind of hostile call. */
function health() {
  return {
    stackPointer: wasm.__wbindgen_add_to_stack_pointer(0),
    table: wasm.__wbindgen_externrefs.length,
    memory: wasm.memory.buffer.byteLength,
    // The buffers of analyzeMessage's keystroke path are not left borrowed.
    analysisBuffers: glue.__analysisInput(0) !== 0,
  };
}

/** The module answers right, through every door. */
function assertAnswers() {
  const analysis = sms.analyzeMessage('Bonjour :br:€ [x]');
  assert.equal(analysis.characters, 16);
  assert.equal(analysis.preview, 'Bonjour \n€ (x)');
  assert.equal(analysis.truncated, false);
  assert.deepEqual(sms.parsePhoneNumbers('06 12 34 56 78').numbers, ['+33612345678']);
  const report = sms.validateSendRequest(REQUEST, { now: NOW });
  assert.equal(report.valid, true, JSON.stringify(report.errors));
  assert.equal(sms.effectiveSendTime(NOW).getTime(), NOW.getTime());
  assert.equal(sms.isFrenchPublicHoliday('2026-12-25'), true);
  const client = new sms.SmsPartnerClient({ apiKey: KEY });
  assert.equal(client.timeoutMs, 30000);
  client.free();
}

/** Runs `round` ROUNDS times, then checks that the instance lost nothing and still answers. */
function survives(round) {
  assertAnswers();
  const before = health();
  for (let i = 0; i < ROUNDS; i += 1) round(i);
  assert.deepEqual(health(), before);
  assertAnswers();
}

class ThrowingDate extends Date {
  getTime() {
    throw new Error('hostile getTime');
  }
  valueOf() {
    throw new Error('hostile valueOf');
  }
}
const fakeDate = () => Object.setPrototypeOf({}, Date.prototype);
const proxiedDate = () => new Proxy(new Date(NOW), {});
const revokedDate = () => {
  const { proxy, revoke } = Proxy.revocable(new Date(NOW), {});
  revoke();
  return proxy;
};

/** `fn()` throws a TypeError made by the package, never a wasm trap. */
function throwsTypeError(fn) {
  assert.throws(fn, (error) => error instanceof TypeError && !(error instanceof WebAssembly.RuntimeError));
}

describe('exceptions never unwind through wasm', () => {
  for (const [name, make] of [
    ['a fake Date', fakeDate],
    ['a Date subclass whose getTime throws', () => new ThrowingDate(NOW)],
    ['a Proxy over a Date', proxiedDate],
    ['a revoked Proxy over a Date', revokedDate],
  ]) {
    it(`validateSendRequest with now: ${name}, ${ROUNDS} times`, () => {
      const real = name.startsWith('a Date subclass');
      survives(() => {
        const report = sms.validateSendRequest(REQUEST, { now: make() });
        // A real Date (a subclass) is read by its time value, whatever its methods do.
        if (real) assert.equal(report.valid, true);
        else assert.deepEqual(report.errors.map((e) => e.code), ['option_invalid']);
      });
    });

    it(`effectiveSendTime, isFrenchPublicHoliday, frenchPublicHoliday and cancelDeadline of ${name}, ${ROUNDS} times`, () => {
      const real = name.startsWith('a Date subclass');
      survives((i) => {
        const value = make();
        if (real) {
          if (i % 4 === 0) assert.equal(sms.effectiveSendTime(value).getTime(), NOW.getTime());
          else if (i % 4 === 1) assert.equal(sms.isFrenchPublicHoliday(value), false);
          else if (i % 4 === 2) assert.equal(sms.frenchPublicHoliday(value), null);
          else assert.equal(sms.cancelDeadline(value).getTime(), NOW.getTime() - 300_000);
        } else if (i % 4 === 0) throwsTypeError(() => sms.effectiveSendTime(value, { commercial: true }));
        else if (i % 4 === 1) throwsTypeError(() => sms.isFrenchPublicHoliday(value));
        else if (i % 4 === 2) throwsTypeError(() => sms.frenchPublicHoliday(value));
        else throwsTypeError(() => sms.cancelDeadline(value));
      });
    });
  }

  it(`methods of a freed SmsPartnerClient, ${ROUNDS} times: getters throw, send rejects`, async () => {
    const rejections = [];
    survives((i) => {
      const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
      client.free();
      client.free(); // twice: nothing happens
      if (i % 2 === 0) {
        assert.throws(() => client.baseUrl, (e) => e.name === 'SmsPartnerError' && /freed/.test(e.message));
      } else {
        let promise;
        assert.doesNotThrow(() => {
          promise = client.send(REQUEST);
        });
        if (i % 100 === 1) rejections.push(promise);
        else promise.catch(() => {});
      }
    });
    for (const promise of rejections) {
      await assert.rejects(promise, (e) => e.name === 'SmsPartnerError' && e.kind === 'validation' && /freed/.test(e.message));
    }
    // A method borrowed onto something that is not a client rejects too.
    await assert.rejects(sms.SmsPartnerClient.prototype.send.call({}, REQUEST), /freed/);
    await assert.rejects(sms.SmsPartnerClient.prototype.send.call(null, REQUEST), /freed/);
  });

  it('every function the package exports is guarded (none is the bare glue)', () => {
    const bare = Object.entries(sms).filter(
      ([name, value]) => typeof value === 'function' && !['default', 'initSync'].includes(name) && value === glue[name],
    );
    assert.deepEqual(bare.map(([name]) => name), []);
  });
});

describe('a nearly exhausted JavaScript stack', () => {
  const calls = {
    validateSendRequest: () => sms.validateSendRequest(REQUEST, { now: NOW, commercial: true }),
    analyzeMessage: () => sms.analyzeMessage('Bonjour [ok] ^ 😀', { isStopSms: 1 }),
    'analyzeMessage (wasm-built)': () => sms.analyzeMessage('Bonjour [ok]', new Proxy({}, {})),
    splitMessage: () => sms.splitMessage('x€'.repeat(200)),
    parsePhoneNumbers: () => sms.parsePhoneNumbers(['06 12 34 56 78', '+33 6 12 34 56 79', 'nope']),
    effectiveSendTime: () => sms.effectiveSendTime(NOW, { commercial: true }),
    frenchPublicHoliday: () => sms.frenchPublicHoliday('25/12/2026', { lang: 'fr' }),
    'new SmsPartnerClient': () => {
      const client = new sms.SmsPartnerClient({ apiKey: KEY, timeoutMs: 1000 });
      const answer = client.timeoutMs;
      client.free();
      return answer;
    },
  };
  // About ROUNDS calls in all (whole passes), shared by the doors; one leak would show in the
  // health check.
  const rounds = ROUNDS / Object.keys(calls).length;
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} at every depth of the last 24 KiB of stack, at least ${rounds} times: the right answer or a RangeError`, (t) => {
      const expected = JSON.stringify(call());
      let entered = false;
      let outcome = null;
      const target = () => {
        entered = true;
        try {
          outcome = JSON.stringify(call()) === expected ? 'right' : 'wrong';
        } catch (error) {
          outcome = error instanceof RangeError ? 'range' : `threw ${error?.name}: ${error?.message}`;
        }
      };
      // `down(k, n)` enters `target` below k frames of recursion and n slots of arguments: the
      // deepest k that still enters it with SPAN slots, then every n from SPAN down, 8 bytes
      // apart (measured again at each pass, the engine's frames change as it optimizes).
      const SPAN = 3072;
      const fill = (n) => Reflect.apply(target, null, new Array(n));
      const down = (k, n) => (k > 0 ? down(k - 1, n) + 0 : fill(n));
      const deepest = () => {
        let lo = 0;
        let hi = 1 << 17;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          entered = false;
          try {
            down(mid, SPAN);
          } catch {}
          if (entered) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      };
      assertAnswers();
      const before = health();
      const seen = { right: 0, range: 0 };
      // Whole passes (the first measure warms the recursion up, the second is the one used).
      for (let made = 0, passes = 0; (made < rounds || !seen.range || !seen.right) && passes < 40; passes += 1) {
        deepest();
        const k = deepest();
        for (let n = SPAN + 256; n >= 0; n -= 1) {
          outcome = null;
          try {
            down(k, n);
          } catch {}
          if (outcome === null) continue; // `target` itself could not be entered
          made += 1;
          assert.ok(outcome === 'right' || outcome === 'range', `${n} slots above the deepest: ${outcome}`);
          seen[outcome] += 1;
        }
      }
      t.diagnostic(`${seen.right} right answers, ${seen.range} RangeErrors thrown before wasm`);
      assert.ok(seen.range > 0 && seen.right > 0, JSON.stringify(seen));
      assert.deepEqual(health(), before);
      assertAnswers();
    });
  }
});

describe('giant messages', () => {
  const cases = [
    ['40 MiB of [', () => '['.repeat(40 * MiB), { smsCount: 274_138, replacements: 2000, unsupported: 0 }],
    ['20 MiB of lone surrogates', () => '\ud800'.repeat(10 * MiB), { smsCount: 68_535, replacements: 0, unsupported: 2000 }],
  ];
  for (const [name, make, expected] of cases) {
    it(`${name}: counted, lists capped with truncated, no trap, memory reused`, () => {
      const text = make();
      const first = sms.analyzeMessage(text);
      assert.equal(first.smsCount, expected.smsCount);
      assert.equal(first.replacements.length, expected.replacements);
      assert.equal(first.unsupported.length, expected.unsupported);
      assert.equal(first.truncated, true);
      assert.equal(first.preview.length, text.length);
      const memory = wasm.memory.buffer.byteLength;
      const report = sms.validateSendRequest({ ...REQUEST, message: text }, { now: NOW });
      assert.equal(report.valid, false);
      assert.ok(report.errors.some((e) => e.code === 'message_too_long'));
      assert.equal(report.message.truncated, true);
      assert.equal(report.message.smsCount, expected.smsCount);
      // The second giant call fits in the memory the first one grew; nothing is pinned.
      sms.analyzeMessage(text);
      assert.equal(wasm.memory.buffer.byteLength, memory);
      assert.ok(memory < 512 * MiB, `${memory >> 20} MiB of wasm memory`);
      assertAnswers();
    });
  }
});

describe('huge arrays are read whole or refused out loud', () => {
  for (const count of [150_000, 1_000_000]) {
    it(`${count} phone numbers`, () => {
      const numbers = Array.from({ length: count }, (_, i) => `+3361${String(i).padStart(7, '0')}`);
      const report = sms.parsePhoneNumbers(numbers);
      assert.equal(report.numbers.length, 100_000);
      assert.deepEqual(report.invalid, [
        {
          input: `<${count - 100_000} entries not read>`,
          code: 'entries_not_read',
          reason: `${count - 100_000} more entries were not read: at most 100000 are read at once`,
        },
      ]);
      const validation = sms.validateSendRequest({ ...REQUEST, phoneNumbers: numbers }, { now: NOW });
      const tooMany = validation.errors.filter((e) => e.code === 'too_many_phone_numbers');
      assert.equal(tooMany.length, 1);
      assert.match(tooMany[0].message, new RegExp(`^${count} phone numbers given`));
    });
  }
  it('a sparse array of length 2^32 - 1: its length is told, not 100,000', () => {
    const report = sms.parsePhoneNumbers(new Array(2 ** 32 - 1));
    assert.equal(report.invalid.at(-1).code, 'entries_not_read');
    assert.equal(report.invalid.at(-1).input, `<${2 ** 32 - 1 - 100_000} entries not read>`);
  });
});

describe('keys no one could have meant', () => {
  it('a key with a lone surrogate is refused as not valid text', () => {
    for (const apiKey of ['sk-abc\ud800def-123', 'sk-abc\udc00', '\ud83d']) {
      assert.throws(() => new sms.SmsPartnerClient({ apiKey }), (e) => e.name === 'SmsPartnerError' && /not valid text/.test(e.message));
      const report = sms.validateSendRequest({ ...REQUEST, apiKey }, { now: NOW });
      assert.deepEqual(report.errors.map((e) => [e.field, e.code]), [['apiKey', 'api_key_invalid']]);
      assert.match(report.errors[0].message, /not valid text/);
    }
  });
  it('a 50 MB key is refused as too long', () => {
    const apiKey = 'k'.repeat(50_000_000);
    assert.throws(() => new sms.SmsPartnerClient({ apiKey }), (e) => /too long/.test(e.message) && !/spaces/.test(e.message));
    const report = sms.validateSendRequest({ ...REQUEST, apiKey }, { now: NOW });
    assert.match(report.errors[0].message, /too long/);
  });
});

describe('redactApiKey, the core rule for JavaScript', () => {
  it('blanks the key in every form, and gives back the same string otherwise', () => {
    assert.equal(sms.redactApiKey(`key ${KEY} here`, KEY), 'key [redacted] here');
    for (const text of [
      `key ${encodeURIComponent(KEY).replace('s', '%73')} here`,
      `key \\u0073${KEY.slice(1)} here`,
      `half ${KEY.slice(0, 10)}`,
      `half ${KEY.slice(9)}`,
      `${'d]xxxxxxxxxx'.slice(0, 2)}[redacted]`,
    ]) {
      if (!text.includes('d]')) assert.equal(sms.redactApiKey(text, KEY), '[redacted]', text);
    }
    assert.equal(sms.redactApiKey('d]xxxxxxxxxxxxxxxxxxxx', 'd]xxxxxxxxxx'), '[redacted]');
    const lone = 'text \ud800 kept';
    assert.equal(sms.redactApiKey(lone, KEY), lone);
    assert.equal(sms.redactApiKey(42, KEY), 42);
    assert.equal(sms.redactApiKey('x', ''), 'x');
  });
});

describe('after any sequence of hostile calls the module still answers', () => {
  /** A small seeded generator (mulberry32): the same sequence on every run. */
  function random(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const throwingGetter = () => ({
    get message() {
      throw new Error('hostile getter');
    },
  });
  const values = [
    fakeDate, proxiedDate, revokedDate, () => new ThrowingDate(NOW), throwingGetter, () => null, () => '\ud800'.repeat(64),
    () => '['.repeat(2100), () => Symbol('s'), () => 10n, () => new Array(150_001), () => ({ __proto__: null }),
    () => new Proxy({}, { get() { throw new Error('trap'); } }), () => NOW, () => 'x'.repeat(5000),
  ];
  const deep = (n, fn) => (n === 0 ? fn() : deep(n - 1, fn));
  const actions = [
    (v) => sms.analyzeMessage(v(), v()),
    (v) => sms.splitMessage(v(), v()),
    (v) => sms.parsePhoneNumbers(v(), v()),
    (v) => sms.validateSendRequest(v(), v()),
    (v) => sms.validateSendRequest({ ...REQUEST, message: v(), phoneNumbers: v() }, { now: v() }),
    (v) => sms.effectiveSendTime(v(), v()),
    (v) => sms.isFrenchPublicHoliday(v()),
    (v) => sms.frenchPublicHoliday(v(), v()),
    (v) => sms.redactApiKey(v(), v()),
    (v) => new sms.SmsPartnerClient(v()),
    (v) => {
      const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9' });
      client.free();
      client.send(v()).catch(() => {});
      return client.timeoutMs;
    },
    // The same calls from deep down the stack.
    (v, r) => {
      try {
        return deep(2000 + Math.floor(r() * 9000), () => sms.validateSendRequest(REQUEST, { now: v() }));
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        return null;
      }
    },
  ];
  it('3 seeds × 2,000 random calls: no trap, nothing lost', () => {
    let made = 0;
    for (const seed of [1, 2, 3]) {
      const r = random(seed);
      const v = () => values[Math.floor(r() * values.length)]();
      const before = health();
      for (let i = 0; i < 2000; i += 1) {
        const action = actions[Math.floor(r() * actions.length)];
        try {
          action(v, r);
        } catch (error) {
          assert.ok(!(error instanceof WebAssembly.RuntimeError), `seed ${seed} call ${i}: ${error.message}`);
          assert.ok(error instanceof TypeError || error.name === 'SmsPartnerError', `seed ${seed} call ${i}: ${error}`);
        }
        made += 1;
        if (i % 250 === 0) assertAnswers();
      }
      const after = health();
      assert.equal(after.stackPointer, before.stackPointer, `seed ${seed}`);
      assert.ok(after.table <= before.table + 64, `seed ${seed}: table ${before.table} → ${after.table}`);
      assertAnswers();
    }
    assert.equal(made, 6000);
  });
});
