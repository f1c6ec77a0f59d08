// The installed package in a Cloudflare worker as a user would deploy it: `wrangler deploy
// --dry-run` bundles a worker that imports it by name (no init), and the bundle, run in
// workerd, answers as the package does in Node.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import { deployedOptions } from '../../tools/demo/worker-runtime.mjs';
import { FIXTURES, SAMPLE, installed, npm } from './helpers.mjs';

describe('the package in a worker bundled by wrangler', () => {
  const dir = join(FIXTURES, 'wrangler');
  const dist = join(dir, 'dist');
  // wrangler's own settings and logs, kept out of the user's home.
  const home = mkdtempSync(join(tmpdir(), 'smspartner-wrangler-'));
  let mf;
  after(async () => {
    await mf?.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  it('bundles with `wrangler deploy --dry-run`, wasm included, with no network', async () => {
    rmSync(dist, { recursive: true, force: true });
    // A proxy that refuses everything: the dry run must not need the network.
    const offline = { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };
    const out = await npm(['run', 'build', '--silent'], dir, { XDG_CONFIG_HOME: home, WRANGLER_LOG_PATH: home, ...offline });
    assert.match(out, /--dry-run: exiting now/);
    assert.deepEqual(readdirSync(dist).filter((f) => f.endsWith('.wasm')).length, 1);
  });

  it('answers in workerd with no init', async () => {
    mf = new Miniflare({
      modules: true,
      scriptPath: join(dist, 'worker.js'),
      modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
      compatibilityDate: (await deployedOptions()).compatibilityDate,
    });
    const response = await mf.dispatchFetch('http://localhost/', { method: 'POST', body: SAMPLE });
    assert.equal(response.status, 200);
    const sms = await installed();
    assert.deepEqual(await response.json(), sms.analyzeMessage(SAMPLE, { isStopSms: true }));
  });
});
