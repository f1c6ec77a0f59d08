// Hostile JavaScript values in every argument of the lifecycle methods and the two webhook readers:
// nothing throws synchronously, nothing traps the wasm instance, a wrong value is a validation
// rejection without any call (the client points at a closed port), and the module keeps working.
// Run: node --test tests/node/   (after scripts/build)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as sms from '../../pkg/index.js';

sms.initSync({ module: readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url)) });

const boom = () => {
  throw new Error('hostile');
};

/** Values no argument of these methods accepts, made fresh for each use. */
function wrongValues() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const traps = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
  const getters = {};
  for (const name of ['messages', 'messageId', 'phoneNumber', 'scheduledAt', 'now', 'onProgress', 'length', 'text', 'msisdn']) {
    Object.defineProperty(getters, name, { get: boom, enumerable: true });
  }
  const sparse = [];
  sparse.length = 2 ** 32 - 1;
  return [
    ['NaN', NaN],
    ['symbol', Symbol('x')],
    ['bigint', 10n],
    ['function', () => 1],
    ['revoked proxy', revoked.proxy],
    ['proxy with throwing traps', traps],
    ['throwing getters', getters],
    ['huge sparse array', sparse],
    ['nested arrays', [[['0612345678']]]],
    ['toPrimitive that throws', { [Symbol.toPrimitive]: boom, toString: boom, valueOf: boom }],
  ];
}

const client = () => new sms.SmsPartnerClient({ apiKey: 'sk-LEAK-CANARY-hostile', baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });

/** The call's rejection, checked: an SmsPartnerError of one of `kinds`, the key never in it. */
async function rejection(label, call, kinds = ['validation']) {
  let promise;
  try {
    promise = call();
  } catch (error) {
    assert.fail(`${label} threw synchronously: ${error?.name} ${error?.message}`);
  }
  const error = await promise.then(
    (value) => assert.fail(`${label} resolved: ${JSON.stringify(value)}`),
    (e) => e,
  );
  assert.ok(error instanceof Error && !(error instanceof WebAssembly.RuntimeError), `${label}: ${error}`);
  assert.equal(error.name, 'SmsPartnerError', label);
  assert.ok(kinds.includes(error.kind), `${label}: kind ${error.kind} (${error.message})`);
  assert.doesNotMatch(JSON.stringify({ ...error, message: error.message }), /LEAK-CANARY|unreachable|panicked/, label);
  return error;
}

function stillWorks() {
  assert.equal(sms.analyzeMessage('Bonjour').smsCount, 1);
  assert.equal(sms.parseReplyWebhook('type=response&phone_number=%2B33611111111&text=Oui').kind, 'reply');
}

describe('lifecycle methods under hostile values', () => {
  const methods = [
    ['sendBulk', (c, v) => c.sendBulk(v)],
    ['sendBulk messages', (c, v) => c.sendBulk({ messages: v })],
    ['sendBulk message element', (c, v) => c.sendBulk({ messages: [v] })],
    ['sendBulk phoneNumber', (c, v) => c.sendBulk({ messages: [{ phoneNumber: v, message: 'x' }] })],
    ['sendBulk onProgress', (c, v) => c.sendBulk({ messages: [] }, { onProgress: v })],
    ['messageStatus', (c, v) => c.messageStatus(v)],
    ['messageStatus messageId', (c, v) => c.messageStatus({ messageId: v, phoneNumber: '0611111111' })],
    ['multiStatus', (c, v) => c.multiStatus(v)],
    ['multiStatus element', (c, v) => c.multiStatus([v])],
    ['bulkStatus', (c, v) => c.bulkStatus(v)],
    ['statusByTag', (c, v) => c.statusByTag(v)],
    ['cancel', (c, v) => c.cancel(v)],
    ['cancel scheduledAt', (c, v) => c.cancel(1, { scheduledAt: v })],
    ['addToStopList', (c, v) => c.addToStopList(v)],
    ['removeFromStopList', (c, v) => c.removeFromStopList(v)],
    ['statistics interval', (c, v) => c.statistics({ interval: v })],
    ['statistics from', (c, v) => c.statistics({ interval: 'custom', from: v, to: '2026-01-01' })],
  ];
  for (const [method, call] of methods) {
    it(`${method}: each wrong value is a validation rejection, no call`, async () => {
      const c = client();
      for (const [name, value] of wrongValues()) {
        // The huge sparse array is refused for its length; as an element it is an array.
        await rejection(`${method}(${name})`, () => call(c, value));
      }
      c.free();
      stillWorks();
    });
  }

  it('options of the wrong shape never throw: refused, or the call tried once', async () => {
    const c = client();
    for (const [name, value] of wrongValues()) {
      // Options that are not an object are no options: the one chunk is tried, and its
      // outcome is unknown (the port is closed), or the options are refused.
      const label = `sendBulk options ${name}`;
      let promise;
      try {
        promise = c.sendBulk({ messages: [{ phoneNumber: '0611111111', message: 'x' }] }, value);
      } catch (error) {
        assert.fail(`${label} threw synchronously: ${error?.message}`);
      }
      const settled = await promise.then((result) => ({ result }), (error) => ({ error }));
      if (settled.error) {
        assert.equal(settled.error.name, 'SmsPartnerError', label);
        assert.equal(settled.error.kind, 'validation', label);
      } else {
        assert.deepEqual(settled.result.chunks.map((chunk) => [chunk.state, chunk.error?.kind]), [['unknown', 'network']], label);
        assert.ok(settled.result.chunks[0].error instanceof sms.SmsPartnerError, label);
      }
      await rejection(`cancel options ${name}`, () => c.cancel(1, value), ['validation', 'network']);
    }
    c.free();
    stillWorks();
  });

  for (const parse of ['parseReplyWebhook', 'parseDeliveryReport']) {
    it(`${parse} answers invalid for each, and never throws`, () => {
      for (const [name, value] of [...wrongValues(), ['null', null], ['number', 3], ['array', []], ['JSON array text', '[1,2]']]) {
        let answer;
        try {
          answer = sms[parse](value);
        } catch (error) {
          assert.fail(`${parse}(${name}) threw ${error?.message}`);
        }
        assert.equal(answer.kind, 'invalid', `${name}: ${JSON.stringify(answer)}`);
        assert.equal(typeof answer.reason, 'string');
      }
      stillWorks();
    });
  }
});
