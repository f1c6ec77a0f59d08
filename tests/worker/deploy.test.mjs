// `wrangler deploy --dry-run` bundles the worker as deployed: the wasm module, the Durable
// Object classes exported, every binding of wrangler.toml (nothing is uploaded).
// Run: node --test tests/worker/deploy.test.mjs

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { it } from 'node:test';
import { REPO_ROOT, WRANGLER_CONFIG } from '../../tools/demo/worker-runtime.mjs';

const WRANGLER = fileURLToPath(new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url));

it('wrangler deploy --dry-run bundles the worker with its queue and Durable Objects', { timeout: 120_000 }, async () => {
  const outdir = await mkdtemp(join(tmpdir(), 'wrangler-dry-run-'));
  const workDir = await mkdtemp(join(tmpdir(), 'wrangler-home-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [WRANGLER, 'deploy', '--dry-run', '--outdir', outdir, '--config', WRANGLER_CONFIG],
      {
        cwd: REPO_ROOT,
        // No metrics, no prompt, wrangler's own files outside the repository.
        env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', XDG_CONFIG_HOME: workDir, HOME: workDir },
        timeout: 110_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    for (const binding of ['env.CAMPAIGNS (CampaignLedger)', 'env.STOP_LIST (StopList)', 'env.CAMPAIGN_CHUNKS (smspartner-campaign-chunks)']) {
      assert.ok(stdout.includes(binding), `no ${binding} in:\n${stdout}`);
    }
    assert.match(stdout, /--dry-run: exiting now/);
    const files = await readdir(outdir);
    assert.ok(files.some((name) => name.endsWith('smspartner_wasm_bg.wasm')), files.join(', '));
    const bundle = await readFile(join(outdir, 'worker.js'), 'utf8');
    const exported = /export \{([^}]*)\};\s*(\/\/.*\s*)*$/m.exec(bundle.slice(bundle.lastIndexOf('export {')))?.[1] ?? '';
    for (const name of ['CampaignLedger', 'StopList', 'as default']) assert.ok(exported.includes(name), `the bundle does not export ${name}`);
    assert.ok(bundle.includes('async queue('), 'the bundle has no queue handler');
  } finally {
    await rm(outdir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  }
});
