// The worker on the open internet, tried as an attacker would: every route without an assertion
// or with each kind of forged one (10,000 requests, none reaching SMS Partner or reading a
// reply, none changing the STOP list), Access's key rotation, the keys' address down or slow,
// the settings missing, service tokens.
// Run: node --test tests/worker/access.test.mjs

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT, UnsecuredJWT, exportSPKI, generateKeyPair } from 'jose';
import { freePort, startStandin } from '../../tools/standin/server.mjs';
import { CANARY_KEY, TEST_USER, assertNothingLeaked, call, errorOf, post, standinControl, startCapturedWorker } from './helpers.mjs';

const TIMEOUT = { timeout: 240_000 };
const HOOK = 'hook-secret-access';
const FORGED_REQUESTS = 10_000;
const AT_ONCE = 32;
const STOP_FORM = new URLSearchParams({ type: 'response', phone_number: '+33655555555', text: 'STOP', message_id: '1' }).toString();

/** Every route, as an attacker would call it (the worker's own id pattern for a campaign). */
const ROUTES = [
  ['GET', '/api/session'],
  ['POST', '/api/validate', { request: { phoneNumbers: '0612345678', message: 'x' } }],
  ['POST', '/api/send', { request: { phoneNumbers: '+882351234567', message: 'Gagnez' } }],
  ['POST', '/api/send', { request: { phoneNumbers: '0612345678', message: 'Gagnez' } }],
  ['POST', '/api/bulk', { request: { messages: [{ phoneNumber: '0612345678', message: 'x' }] } }],
  ['POST', '/api/status', { request: { tag: 'abc' } }],
  ['POST', '/api/cancel', { request: { messageId: 1 } }],
  ['GET', '/api/credits'],
  ['GET', '/api/replies'],
  ['POST', '/api/campaigns', { request: { message: 'x' }, recipients: ['0612345678'] }],
  ['GET', '/api/campaigns/abcdefghijkl'],
  ['POST', '/api/campaigns/abcdefghijkl/stop', {}],
  ['GET', '/api/nothing-here'],
];

/** Seconds since the epoch. */
const now = () => Math.floor(Date.now() / 1000);

describe('the worker refuses every caller Access did not sign in', TIMEOUT, () => {
  let standin;
  let worker;
  let forged;

  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY] });
    worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: standin.url, FORCE_SANDBOX: '0', REPLY_WEBHOOK_TOKEN: HOOK });
    const { access } = worker;
    const [{ kid }] = JSON.parse(await (await fetch(`${access.url}/cdn-cgi/access/certs`)).text()).keys;
    const other = await generateKeyPair('RS256');
    const publicPem = await exportSPKI((await generateKeyPair('RS256', { extractable: true })).publicKey);
    const claims = { aud: [access.aud], iss: access.url, email: 'mallory@example.org', iat: now(), exp: now() + 600 };
    forged = {
      'no assertion': null,
      empty: '',
      garbage: 'not.a.jwt',
      'three dots of base64': 'e30.e30.e30',
      'alg none': new UnsecuredJWT(claims).encode(),
      'HS256 signed with a public key': await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(publicPem)),
      'another key under the real kid': await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(other.privateKey),
      expired: await access.token({ email: 'mallory@example.org', iat: now() - 7200, exp: now() - 3600 }),
      'not yet valid': await access.token({ email: 'mallory@example.org', nbf: now() + 3600 }),
      'wrong aud': await access.token({ email: 'mallory@example.org', aud: ['another-application'] }),
      'wrong iss': await access.token({ email: 'mallory@example.org', iss: 'https://evil.cloudflareaccess.com' }),
      'unknown kid': await access.token({ email: 'mallory@example.org', kid: 'no-such-key' }),
      'no exp': await access.token({ email: 'mallory@example.org', exp: null }),
      'no identity': await access.token({ email: null }),
      huge: `${await access.token({ email: 'mallory@example.org' })}${'A'.repeat(20_000)}`,
      'valid signature, tampered payload': await tampered(access),
    };
  });
  after(async () => {
    assertNothingLeaked();
    await worker?.close();
    await standin?.close();
  });

  it(`answers ${FORGED_REQUESTS} forged or missing assertions on every route with 401, and reaches nothing`, async () => {
    const before = (await (await fetch(`${standin.url}/__standin/requests`)).json()).total;
    const cases = [];
    for (const [kind, assertion] of Object.entries(forged)) for (const route of ROUTES) cases.push({ kind, assertion, route });
    const statuses = new Map();
    let next = 0;
    const runOne = async (n) => {
      const { kind, assertion, route } = cases[n % cases.length];
      const [method, path, body] = route;
      const headers = assertion === null ? {} : { 'cf-access-jwt-assertion': assertion };
      const res = await call(worker.url, path, { method, body, headers, as: false });
      const label = `${kind} ${method} ${path}`;
      if (res.status !== 401) assert.fail(`${label}: ${res.status} ${res.text}`);
      const expected = assertion === null || assertion === '' ? 'auth_required' : 'auth_invalid';
      assert.equal(res.body.error.code, expected, label);
      // Which check failed is never said: one sentence per code.
      statuses.set(expected, new Set([...(statuses.get(expected) ?? []), res.body.error.message]));
    };
    const workers = Array.from({ length: AT_ONCE }, async () => {
      for (let n = next++; n < FORGED_REQUESTS; n = next++) await runOne(n);
    });
    await Promise.all(workers);
    for (const messages of statuses.values()) assert.equal(messages.size, 1, [...messages].join(' | '));
    const after = await (await fetch(`${standin.url}/__standin/requests`)).json();
    assert.equal(after.total - before, 0, `SMS Partner was called: ${JSON.stringify(after.byPath)}`);
  });

  it('takes no reply and changes no STOP list without the webhook token', async () => {
    for (const query of ['', '?token=', '?token=wrong', `?token=${HOOK}x`, `?token=${HOOK.slice(0, -1)}`, `?Token=${HOOK}`]) {
      const res = await call(worker.url, `/webhooks/replies${query}`, { raw: STOP_FORM, contentType: 'application/x-www-form-urlencoded', as: false });
      errorOf(res, 404, 'request');
    }
    const replies = await call(worker.url, '/api/replies', { method: 'GET' });
    assert.deepEqual(replies.body.replies, []);
    const check = await post(worker.url, '/api/campaigns', { request: { message: 'x' }, recipients: ['+33655555555'], options: { dryRun: true } });
    assert.deepEqual(check.body.skippedStop, [], check.text);
    // With the token, the same STOP is taken.
    const taken = await call(worker.url, `/webhooks/replies?token=${HOOK}`, { raw: STOP_FORM, contentType: 'application/x-www-form-urlencoded', as: false });
    assert.equal(taken.status, 200, taken.text);
    assert.equal(taken.body.stopListed, true);
  });

  it('a service token (common_name, no email) is a caller of its own', async () => {
    const res = await call(worker.url, '/api/session', { method: 'GET', as: { email: null, common_name: 'a1b2c3.access' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.caller, { identity: 'a1b2c3.access', kind: 'service' });
    assert.equal(res.body.sandbox, false);
  });

  it('a signed-in caller sends, and the audit line names them without the number or the text', async () => {
    const res = await post(worker.url, '/api/send', { request: { phoneNumbers: '06 12 34 56 78', message: 'Texte secret de la promo' } });
    assert.equal(res.status, 200, res.text);
    const line = await waitForLine(worker, /^worker audit send /);
    assert.match(line, new RegExp(`caller=${TEST_USER.email} kind=user recipients=1 sms=1 sandbox=false outcome=sent cost=[0-9.]+ currency=EUR messageId=${res.body.result.messageId}$`));
    for (const secret of ['612345678', 'secret', 'Texte']) assert.ok(!worker.logs.some((l) => l.includes(secret)), `a log line holds ${secret}`);
  });

  it('refuses destinations outside the allowed regions before anything is sent', async () => {
    await standinControl.reset(standin);
    for (const number of ['+882351234567', '+2250701234567', '+447400123456']) {
      const res = await post(worker.url, '/api/send', { request: { phoneNumbers: number, message: 'Gagnez' } });
      const error = errorOf(res, 422, 'validation');
      assert.deepEqual(error.errors.map((issue) => [issue.field, issue.code]), [['phoneNumbers', 'destination_not_allowed']], res.text);
    }
    const report = await post(worker.url, '/api/validate', { request: { phoneNumbers: '+2250701234567', message: 'x' }, options: { lang: 'fr' } });
    assert.match(report.body.errors[0].message, /CI/);
    assert.equal(await standinControl.sends(standin), 0);
    for (const number of ['0612345678', '+590690123456', '+262692123456']) {
      const res = await post(worker.url, '/api/send', { request: { phoneNumbers: number, message: 'Bonjour' } });
      assert.equal(res.status, 200, `${number}: ${res.text}`);
    }
    // A campaign's rows: the refused ones listed with their line and reason, the rest kept.
    const campaign = await post(worker.url, '/api/campaigns', {
      request: { message: 'Promo' },
      recipients: ['+882351234567', '0612345678', '+2250701234567'],
      options: { dryRun: true },
    });
    assert.equal(campaign.status, 200, campaign.text);
    assert.deepEqual(campaign.body.invalid.map((row) => [row.index, row.code]), [[0, 'destination_not_allowed'], [2, 'destination_not_allowed']]);
    assert.equal(campaign.body.recipients, 1);
    // ALLOWED_COUNTRIES widens the list: Côte d'Ivoire allowed, still not +882.
    const wider = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: standin.url, ALLOWED_COUNTRIES: 'fr, CI' });
    try {
      assert.equal((await post(wider.url, '/api/send', { request: { phoneNumbers: '+2250701234567', message: 'x' } })).status, 200);
      errorOf(await post(wider.url, '/api/send', { request: { phoneNumbers: '+882351234567', message: 'x' } }), 422, 'validation');
      const session = await call(wider.url, '/api/session', { method: 'GET' });
      assert.deepEqual(session.body.allowedRegions, ['FR', 'CI']);
    } finally {
      await wider.close();
    }
  });
});

describe('Access keys: rotation, the keys address down or slow', TIMEOUT, () => {
  const closers = [];
  after(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('an old kid is refused once the keys change and the cache is over; a new one is taken at once', async () => {
    const worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, ACCESS_JWKS_CACHE_SECONDS: '1', ACCESS_JWKS_COOLDOWN_SECONDS: '0' });
    closers.push(() => worker.close());
    const old = await worker.access.token();
    assert.equal((await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': old } })).status, 200);
    await worker.access.rotate();
    const fresh = await worker.access.token();
    // A kid the worker does not know makes jose fetch the keys again (no cooldown here).
    assert.equal((await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': fresh } })).status, 200);
    const refused = await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': old } });
    assert.equal(refused.status, 401, refused.text);
    assert.equal(refused.body.error.code, 'auth_invalid');
  });

  it('with both keys served during a rotation, both are taken; after, the old one is not', async () => {
    const worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, ACCESS_JWKS_CACHE_SECONDS: '1', ACCESS_JWKS_COOLDOWN_SECONDS: '0' });
    closers.push(() => worker.close());
    const [oldKid] = worker.access.keyIds();
    await worker.access.rotate({ keepOld: true });
    const byOld = await worker.access.token({ kid: oldKid });
    const byNew = await worker.access.token();
    for (const token of [byOld, byNew]) {
      assert.equal((await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': token } })).status, 200);
    }
    await worker.access.rotate();
    await sleep(1200); // jose's cache of the keys (ACCESS_JWKS_CACHE_SECONDS) runs out
    for (const token of [byOld, byNew]) {
      assert.equal((await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': token } })).status, 401);
    }
  });

  it('the keys address refusing connections: 503 auth_unavailable, nobody let through', async () => {
    const port = await freePort();
    const worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, ACCESS_TEAM_DOMAIN: `http://127.0.0.1:${port}` });
    closers.push(() => worker.close());
    const res = await call(worker.url, '/api/send', { body: { request: { phoneNumbers: '0612345678', message: 'x' } } });
    errorOf(res, 503, 'request');
    assert.equal(res.body.error.code, 'auth_unavailable');
  });

  it('the keys address answering garbage or never answering: 503, within the fetch timeout', async () => {
    let mode = 'garbage';
    const held = [];
    const keys = createServer((req, res) => {
      if (mode === 'garbage') res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": "nope"');
      else held.push(res);
    });
    await new Promise((resolve) => keys.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => keys.close(resolve)), () => held.forEach((res) => res.destroy()));
    const worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, ACCESS_TEAM_DOMAIN: `http://127.0.0.1:${keys.address().port}`, ACCESS_JWKS_COOLDOWN_SECONDS: '0' });
    closers.push(() => worker.close());
    const token = await worker.access.token({ iss: `http://127.0.0.1:${keys.address().port}` });
    const garbage = await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': token } });
    assert.equal(garbage.status, 503, garbage.text);
    mode = 'slow';
    // jose's own fetch timeout (5 s) answers before the call's own bound (helpers.mjs, 10 s).
    const slow = await call(worker.url, '/api/session', { method: 'GET', headers: { 'cf-access-jwt-assertion': token } });
    assert.equal(slow.status, 503, slow.text);
    assert.equal(slow.body.error.code, 'auth_unavailable');
  });

  it('the Access address must be HTTPS (plain HTTP only on loopback)', async () => {
    const worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, ACCESS_TEAM_DOMAIN: 'http://team.cloudflareaccess.com' });
    closers.push(() => worker.close());
    const res = await call(worker.url, '/api/session', { method: 'GET' });
    errorOf(res, 500, 'config');
  });
});

describe('a worker without its Access settings', TIMEOUT, () => {
  const closers = [];
  let standin;
  before(async () => {
    standin = await startStandin({ apiKeys: [CANARY_KEY] });
  });
  after(async () => {
    for (const close of closers.reverse()) await close();
    await standin?.close();
  });

  it('serves nothing but a 500 config error naming what is missing', async () => {
    const worker = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_BASE_URL: standin.url, ACCESS_TEAM_DOMAIN: null, ACCESS_AUD: null });
    closers.push(() => worker.close());
    for (const [method, path, body] of ROUTES) {
      const res = await call(worker.url, path, { method, body });
      const error = errorOf(res, 500, 'config');
      assert.deepEqual(error.missing, ['ACCESS_TEAM_DOMAIN', 'ACCESS_AUD'], `${method} ${path}`);
      assert.match(error.message, /ACCESS_TEAM_DOMAIN and ACCESS_AUD/);
    }
    const half = await startCapturedWorker({ SMSPARTNER_API_KEY: CANARY_KEY, ACCESS_AUD: null });
    closers.push(() => half.close());
    assert.deepEqual(errorOf(await call(half.url, '/api/session', { method: 'GET' }), 500, 'config').missing, ['ACCESS_AUD']);
    assert.equal(await standinControl.sends(standin), 0);
  });

  it('with ALLOW_UNAUTHENTICATED = "sandbox-only", lets anyone send, every SMS in sandbox mode whatever FORCE_SANDBOX says, and read nothing of the account', async () => {
    const worker = await startCapturedWorker({
      SMSPARTNER_API_KEY: CANARY_KEY,
      SMSPARTNER_BASE_URL: standin.url,
      ACCESS_TEAM_DOMAIN: null,
      ACCESS_AUD: null,
      ALLOW_UNAUTHENTICATED: 'sandbox-only',
      FORCE_SANDBOX: '0',
    });
    closers.push(() => worker.close());
    await standinControl.reset(standin);
    const res = await call(worker.url, '/api/send', { body: { request: { phoneNumbers: '0612345678', message: 'x', sandbox: 0 } }, as: false });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.sandbox, true);
    const [stored] = await standinControl.messages(standin);
    assert.equal(stored.sandbox, true);
    const session = await call(worker.url, '/api/session', { method: 'GET', as: false });
    assert.deepEqual([session.body.caller.kind, session.body.sandbox], ['anonymous', true]);
    // The account itself (credits, replies, statuses, cancels) stays closed to them.
    for (const [method, path, body] of [['GET', '/api/credits'], ['GET', '/api/replies'], ['POST', '/api/status', { request: { tag: 'x' } }], ['POST', '/api/cancel', { request: { messageId: 1 } }]]) {
      const refused = await call(worker.url, path, { method, body, as: false });
      assert.equal(errorOf(refused, 403, 'request').code, 'identity_required', `${method} ${path}`);
    }
  });
});

/** The first log line of `worker` matching `pattern`, waited for (lines arrive through a pipe). */
async function waitForLine(worker, pattern) {
  const deadline = Date.now() + 3000;
  for (;;) {
    const line = worker.logs.find((l) => pattern.test(l));
    if (line !== undefined) return line;
    if (Date.now() > deadline) assert.fail(`no log line matches ${pattern}:\n${worker.logs.join('\n')}`);
    await sleep(20);
  }
}

/** A real assertion whose payload was changed after signing (the email swapped). */
async function tampered(access) {
  const [header, payload, signature] = (await access.token({ email: 'someone@example.org' })).split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  claims.email = 'admin@example.org';
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}
