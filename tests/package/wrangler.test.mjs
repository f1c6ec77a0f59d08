// The installed package in a Cloudflare worker as a user would deploy it: `wrangler deploy
// --dry-run` bundles a worker that imports it by name (no init), and one that imports
// `smspartner-wasm/length`, and each bundle, run in workerd, answers as the package does in Node.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import { deployedOptions } from '../../tools/demo/worker-runtime.mjs';
import { FIXTURES, SAMPLE, installed, npm } from './helpers.mjs';

describe('the package in a worker bundled by wrangler', () => {
  const dir = join(FIXTURES, 'wrangler');
  /** Each worker's bundle: the main entry's (wrangler.toml), the length entry's (inside it). */
  const bundles = [join(dir, 'dist'), join(dir, 'dist', 'length')];
  // wrangler's own settings and logs, kept out of the user's home.
  const home = mkdtempSync(join(tmpdir(), 'smspartner-wrangler-'));
  const runtimes = [];
  after(async () => {
    for (const mf of runtimes) await mf.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  it('bundles both with `wrangler deploy --dry-run`, one wasm each, with no network', async () => {
    rmSync(bundles[0], { recursive: true, force: true });
    // A proxy that refuses everything: the dry run must not need the network.
    const offline = { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };
    const out = await npm(['run', 'build', '--silent'], dir, { XDG_CONFIG_HOME: home, WRANGLER_LOG_PATH: home, ...offline });
    assert.equal(out.match(/--dry-run: exiting now/g)?.length, 2, out);
    const wasm = bundles.map((dist) => readdirSync(dist).filter((f) => f.endsWith('.wasm')));
    assert.deepEqual(wasm.map((files) => files.length), [1, 1]);
    // The length worker carries the small wasm, not the main entry's.
    assert.ok(statSync(join(bundles[1], wasm[1][0])).size * 4 < statSync(join(bundles[0], wasm[0][0])).size, wasm.join(' '));
  });

  for (const [i, script] of [[0, 'worker.js'], [1, 'length.js']]) {
    it(`answers in workerd with no init (${script})`, async () => {
      const mf = new Miniflare({
        modules: true,
        scriptPath: join(bundles[i], script),
        modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
        compatibilityDate: (await deployedOptions()).compatibilityDate,
      });
      runtimes.push(mf);
      const response = await mf.dispatchFetch('http://localhost/', { method: 'POST', body: SAMPLE });
      assert.equal(response.status, 200);
      const sms = await installed();
      assert.deepEqual(await response.json(), sms.analyzeMessage(SAMPLE, { isStopSms: true }));
    });
  }
});
