// The installed package bundled for the browser as a user would, each bundler with the setup the
// package README gives: a production build of a page that imports the main entry and
// `smspartner-wasm/length`, served and loaded in headless Chromium, must answer from both as the
// package does in Node, and say to call init() when used before it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, STEP_TIMEOUT_MS } from '../e2e/browser.mjs';
import { freePort } from '../../tools/standin/server.mjs';
import { FIXTURES, NOT_INITIALIZED, SAMPLE, env, installed, npm, serve } from './helpers.mjs';

/** Each bundler's fixture, and where its build puts the page (Vite writes its own index.html). */
const BUNDLERS = ['vite', 'webpack', 'esbuild', 'rollup'];

describe('the package bundled for the browser', () => {
  let browser;
  let expected;
  before(async () => {
    browser = await launchChromium();
    expected = (await installed()).analyzeMessage(SAMPLE, { isStopSms: true });
  });
  after(() => browser?.close());

  /** Opens `url` and checks what the page wrote: the error before init, then the answer. */
  async function checkPage(url) {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    try {
      await page.goto(url);
      await page.locator('body[data-outcome]').waitFor({ state: 'attached', timeout: STEP_TIMEOUT_MS });
      const outcome = JSON.parse(await page.locator('body').getAttribute('data-outcome'));
      assert.equal(outcome.error, undefined, outcome.error);
      assert.ok(outcome.beforeInit?.startsWith(NOT_INITIALIZED), outcome.beforeInit);
      assert.ok(outcome.lengthBeforeInit?.startsWith(NOT_INITIALIZED), outcome.lengthBeforeInit);
      assert.deepEqual(outcome.analysis, expected);
      assert.deepEqual(outcome.length, expected);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }

  for (const bundler of BUNDLERS) {
    it(`${bundler}: the production build loads both entries' wasm, and both answer`, async () => {
      const dir = join(FIXTURES, bundler);
      const dist = join(dir, 'dist');
      rmSync(dist, { recursive: true, force: true });
      await npm(['run', 'build', '--silent'], dir);
      if (!existsSync(join(dist, 'index.html'))) copyFileSync(join(dir, 'index.html'), join(dist, 'index.html'));
      const server = await serve(dist);
      try {
        await checkPage(server.url);
      } finally {
        await server.close();
      }
    });
  }

  it('vite: the dev server, with the same (empty) configuration, loads both wasm and both answer', async () => {
    const port = await freePort();
    const vite = spawn('vite', ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: join(FIXTURES, 'vite'),
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`vite did not start:\n${output}`)), STEP_TIMEOUT_MS);
        const read = (chunk) => {
          output += chunk;
          if (output.includes(`127.0.0.1:${port}`)) {
            clearTimeout(timer);
            resolve();
          }
        };
        vite.stdout.on('data', read);
        vite.stderr.on('data', read);
        vite.once('exit', (code) => reject(new Error(`vite exited (${code}):\n${output}`)));
      });
      await checkPage(`http://127.0.0.1:${port}/`);
    } finally {
      vite.kill();
    }
  });
});
