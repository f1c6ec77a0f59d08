// The installed package in Node, imported by name as a user would: no init, ESM and require.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandin } from '../../tools/standin/server.mjs';
import { FIXTURES, NOT_INITIALIZED, SAMPLE, installed, run } from './helpers.mjs';

const requireFromFixtures = createRequire(join(FIXTURES, 'node-cjs', 'main.cjs'));

describe('the package in Node, imported by name', () => {
  let standin;
  before(async () => {
    standin = await startStandin({ apiKeys: ['fixture-key'] });
  });
  after(() => standin?.close());

  it('analyzes and sends with no init (import, ES module)', async () => {
    const out = await run('node', ['main.mjs'], join(FIXTURES, 'node'), {
      SMSPARTNER_API_KEY: 'fixture-key',
      SMSPARTNER_BASE_URL: standin.url,
    });
    assert.deepEqual(out.trim().split('\n'), ['1', '1 1']);
    assert.equal(standin.state.messages.length, 1);
  });

  it('refuses out loud without its key (the snippet checks it)', async () => {
    await assert.rejects(
      run('node', ['main.mjs'], join(FIXTURES, 'node'), { SMSPARTNER_API_KEY: '' }),
      /SMSPARTNER_API_KEY is not set/,
    );
  });

  const [major, minor] = process.versions.node.split('.').map(Number);
  const requireEsm = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  it('answers through require() on Node 20.19, 22.12 or later', { skip: !requireEsm && 'require(esm) needs Node 20.19 or 22.12' }, async () => {
    const out = await run('node', ['main.cjs'], join(FIXTURES, 'node-cjs'));
    const sms = await installed();
    assert.deepEqual(JSON.parse(out), sms.analyzeMessage(SAMPLE, { isStopSms: true }));
  });

  it('its ./compose entry initializes itself too and answers as the main entry, without the client', async () => {
    const probe = `const compose = await import("smspartner-wasm/compose");
      console.log(JSON.stringify({ analysis: compose.analyzeMessage(${JSON.stringify(SAMPLE)}, { isStopSms: true }),
        client: typeof compose.SmsPartnerClient }));`;
    const out = JSON.parse(await run('node', ['--input-type=module', '-e', probe], FIXTURES));
    const sms = await installed();
    assert.deepEqual(out.analysis, sms.analyzeMessage(SAMPLE, { isStopSms: true }));
    assert.equal(out.client, 'undefined');
  });

  it('its ./length entry initializes itself too, by import and by require(), with the message functions only', async () => {
    const probe = `const length = await import("smspartner-wasm/length");
      console.log(JSON.stringify({ analysis: length.analyzeMessage(${JSON.stringify(SAMPLE)}, { isStopSms: true }),
        parts: length.splitMessage("x".repeat(200)).length, validate: typeof length.validateSendRequest }));`;
    const out = JSON.parse(await run('node', ['--input-type=module', '-e', probe], FIXTURES));
    const sms = await installed();
    const expected = sms.analyzeMessage(SAMPLE, { isStopSms: true });
    assert.deepEqual(out, { analysis: expected, parts: 2, validate: 'undefined' });
    if (requireEsm) assert.deepEqual(requireFromFixtures('smspartner-wasm/length').analyzeMessage(SAMPLE, { isStopSms: true }), expected);
  });

  it('require() and import give one and the same module', async () => {
    const sms = await installed();
    assert.equal(requireFromFixtures('smspartner-wasm').SmsPartnerClient, sms.SmsPartnerClient);
  });

  it('its browser entry, used before init(), throws an Error that says to call it', async () => {
    const entry = join(FIXTURES, 'node_modules', 'smspartner-wasm', 'index.js');
    const probe = `const sms = await import(${JSON.stringify(entry)});
      const messages = [];
      for (const call of [() => sms.analyzeMessage("x"), () => sms.splitMessage("x"), () => new sms.SmsPartnerClient({ apiKey: "k" })]) {
        try { call(); messages.push("no error"); } catch (error) { messages.push(error instanceof Error && error.message); }
      }
      console.log(JSON.stringify(messages));`;
    const messages = JSON.parse(await run('node', ['--input-type=module', '-e', probe], FIXTURES));
    assert.equal(messages.length, 3);
    for (const message of messages) assert.ok(String(message).startsWith(NOT_INITIALIZED), message);
  });

  it('exports its package.json and its wasm file', () => {
    const manifest = requireFromFixtures('smspartner-wasm/package.json');
    assert.equal(manifest.name, 'smspartner-wasm');
    for (const key of ['repository', 'homepage', 'bugs', 'engines']) assert.ok(manifest[key], key);
    assert.match(requireFromFixtures.resolve('smspartner-wasm/smspartner_wasm_bg.wasm'), /smspartner_wasm_bg\.wasm$/);
  });

  it('ships its README, CHANGELOG and LICENSE, and no source of the repository', async () => {
    const root = join(FIXTURES, 'node_modules', 'smspartner-wasm');
    const files = (await run('find', ['.', '-type', 'f'], root)).trim().split('\n').map((f) => f.slice(2)).sort();
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) assert.ok(files.includes(file), file);
    assert.deepEqual(files.filter((f) => !/^(snippets\/.*\.js|[\w.-]+\.(js|cjs|d\.ts|d\.cts|wasm|md|json)|LICENSE)$/.test(f)), []);
  });
});
