// The mapping of SmsPartnerError to the worker's answers (www/worker/upstream.js), including the
// SMS Partner codes the stand-in cannot be made to give through the client.
// Run: node --test tests/worker/

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { initSync, smsPartnerCode } from '../../pkg/index.js';
import { MISCONFIGURED, sendFailure as mapFailure } from '../../www/worker/upstream.js';

initSync({ module: readFileSync(new URL('../../pkg/smspartner_wasm_bg.wasm', import.meta.url)) });

/** The mapping with the package's table of codes, as the worker calls it. */
const sendFailure = (failure) => mapFailure(failure, smsPartnerCode);

/** An error shaped as the client rejects with (`mayHaveBeenSent` as the package sets it). */
function failure(kind, { status = null, code = null, errors = [], message = `a ${kind} error`, mayHaveBeenSent } = {}) {
  const sent = mayHaveBeenSent ?? (kind === 'network' || kind === 'timeout' || (kind === 'http' && !(status >= 400 && status < 500)));
  return Object.assign(new Error(message), { name: 'SmsPartnerError', kind, status, code, errors, mayHaveBeenSent: sent });
}

describe('sendFailure', () => {
  const table = [
    // [error, status, kind, mayHaveBeenSent]
    [failure('validation', { errors: [{ field: 'message', code: 'message_required', message: 'm' }] }), 422, 'validation', false],
    [failure('api', { status: 400, code: 9, errors: [{ field: 'sender', code: 'api_9', message: 'm' }] }), 422, 'api', false],
    [failure('api', { status: 400, code: 2 }), 422, 'api', false],
    [failure('api', { status: 400, code: 1 }), 500, 'config', false],
    [failure('api', { status: 401, code: 10 }), 500, 'config', false],
    [failure('api', { status: 402, code: 11 }), 402, 'api', false],
    [failure('api', { status: 400, code: 42 }), 422, 'api', false],
    [failure('api', { status: 403, code: 96 }), 500, 'config', false],
    [failure('api', { status: 500, code: 500 }), 502, 'api', false],
    [failure('api', { status: 400, code: 777 }), 502, 'api', false],
    [failure('http', { status: 500 }), 502, 'http', true],
    [failure('http', { status: 200 }), 502, 'http', true],
    [failure('http', { status: 404 }), 502, 'http', false],
    [failure('http', { status: 429 }), 503, 'http', false],
    [failure('network'), 502, 'network', true],
    [failure('network', { status: 200 }), 502, 'network', true],
    [failure('timeout'), 504, 'timeout', true],
  ];
  for (const [error, status, kind, mayHaveBeenSent] of table) {
    it(`${error.kind} status=${error.status} code=${error.code} → ${status} ${kind}`, () => {
      const mapped = sendFailure(error);
      assert.equal(mapped.status, status);
      assert.equal(mapped.error.kind, kind);
      assert.equal(mapped.error.mayHaveBeenSent, mayHaveBeenSent);
      assert.deepEqual(Object.keys(mapped.error).sort(), ['code', 'errors', 'field', 'kind', 'mayHaveBeenSent', 'message', 'reason', 'status']);
      assert.equal(typeof mapped.note, 'string');
    });
  }

  it('keeps the per-field errors of code 9', () => {
    const errors = [{ field: 'scheduledDeliveryDate', code: 'api_constraint', message: 'past' }];
    assert.deepEqual(sendFailure(failure('api', { status: 400, code: 9, errors })).error.errors, errors);
  });

  it("hides SMS Partner's words and code when it refuses the key", () => {
    for (const code of [1, 10, 20, 30, 40, 96]) {
      const { error } = sendFailure(failure('api', { status: 401, code, message: 'Wrong API key' }));
      assert.equal(error.message, MISCONFIGURED.message);
      assert.equal(error.code, null);
      assert.equal(error.status, null);
      assert.deepEqual(error.errors, []);
    }
  });

  it('answers 500 internal to anything that is not an SmsPartnerError', () => {
    for (const thrown of [new TypeError('boom'), 'text', null, undefined, { kind: 'other' }]) {
      const mapped = sendFailure(thrown);
      assert.equal(mapped.status, 500);
      assert.equal(mapped.error.kind, 'internal');
    }
  });
});
