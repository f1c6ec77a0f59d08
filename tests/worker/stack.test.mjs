// The demo stack (tools/demo/stack.mjs): page server, worker in workerd and stand-in together.
// Run: node --test tests/worker/

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { keyHash, startStandin } from '../../tools/standin/server.mjs';
import { CANARY_KEY } from './helpers.mjs';
import { DEMO_USER, STANDIN_KEY, startStack } from '../../tools/demo/stack.mjs';

const TIMEOUT = { timeout: 60_000 };
const get = (url, init = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });

describe('startStack with the repository www/', TIMEOUT, () => {
  let stack;
  const logs = [];

  before(async () => {
    stack = await startStack({ log: (line) => logs.push(line) });
  });
  after(() => stack?.close());

  it('listens on 127.0.0.1 only, on free ports', () => {
    for (const url of [stack.pageUrl, stack.workerUrl, stack.standinUrl, stack.access.url]) {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/?$/);
    }
    assert.ok(stack.standin && typeof stack.standin.close === 'function');
  });

  it('serves /config.json with the worker address (through Access), the mode and the sandbox flag', async () => {
    const res = await get(`${stack.pageUrl}config.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.deepEqual(await res.json(), {
      workerUrl: stack.access.url,
      mode: 'standin',
      sandbox: false,
      // The stand-in posts replies to the worker's webhook, with its token.
      replyUrl: `${stack.workerUrl}/webhooks/replies?token=${stack.replyToken}`,
    });
  });

  it('the worker itself answers nobody without an assertion; through Access the demo user is signed in', async () => {
    const bare = await get(`${stack.workerUrl}/api/session`);
    assert.equal(bare.status, 401);
    assert.equal((await bare.json()).error.code, 'auth_required');
    const through = await get(`${stack.access.url}/api/session`);
    assert.equal(through.status, 200);
    const session = await through.json();
    assert.deepEqual(session.caller, { identity: DEMO_USER.email, kind: 'user' });
    assert.equal(session.left.caller, session.limits.caller);
    const signed = await get(`${stack.workerUrl}/api/session`, { headers: { 'cf-access-jwt-assertion': await stack.access.token({ email: 'other@example.org' }) } });
    assert.equal((await signed.json()).caller.identity, 'other@example.org');
  });

  it('serves the package at /pkg/ with application/wasm and text/javascript', async () => {
    const wasm = await get(`${stack.pageUrl}pkg/smspartner_wasm_bg.wasm`);
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
    await WebAssembly.compile(bytes);
    const js = await get(`${stack.pageUrl}pkg/smspartner_wasm.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type'), /^text\/javascript/);
    await js.arrayBuffer();
  });

  it('serves / from www/index.html', { skip: !existsSync(new URL('../../www/index.html', import.meta.url)) && 'www/index.html is not there' }, async () => {
    const res = await get(stack.pageUrl);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    await res.arrayBuffer();
  });

  it('does not serve the worker source, nor anything outside www/ and pkg/', async () => {
    for (const path of [
      'worker/worker.js',
      'worker/upstream.js',
      'worker/',
      'worker',
      'WORKER/worker.js',
      '%2e%2e/package.json',
      'pkg/%2e%2e/package.json',
      'pkg/..%2fpackage.json',
      '..%2f..%2fpackage.json',
      '.git',
      'pkg/%00',
    ]) {
      const res = await get(`${stack.pageUrl}${path}`);
      assert.equal(res.status, 404, path);
      const text = await res.text();
      assert.doesNotMatch(text, /SMSPARTNER_API_KEY|"devDependencies"/, path);
    }
  });

  it('serves a file only under its own name: /index.html/ is not the page', async () => {
    for (const path of ['index.html/', 'app.js/', 'pkg/index.js/']) {
      const res = await get(`${stack.pageUrl}${path}`);
      assert.equal(res.status, 404, path);
      await res.arrayBuffer();
    }
  });

  it('answers only for 127.0.0.1 and localhost: a rebound DNS name gets 421 from the page server and the worker', async () => {
    const assertion = await stack.access.token();
    const withHost = (base, path, host, method = 'GET') =>
      new Promise((resolve, reject) => {
        const headers = { host, 'content-type': 'application/json', 'cf-access-jwt-assertion': assertion };
        const req = httpRequest(new URL(path, base), { method, headers, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', (error) => (req.res ? undefined : reject(error)));
        req.end(method === 'POST' ? '{"request":{}}' : undefined);
      });
    const page = new URL(stack.pageUrl);
    const worker = new URL(stack.workerUrl);
    assert.equal(await withHost(stack.pageUrl, '/', `rebind.example:${page.port}`), 421);
    assert.equal(await withHost(stack.pageUrl, '/', `localhost:${page.port}`), 200);
    assert.equal(await withHost(stack.workerUrl, '/api/validate', `rebind.example:${worker.port}`, 'POST'), 421);
    assert.equal(await withHost(stack.workerUrl, '/api/validate', `localhost:${worker.port}`, 'POST'), 200);
  });

  it('answers 405 to a POST to the page server', async () => {
    const res = await get(`${stack.pageUrl}config.json`, { method: 'POST' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  });

  it("lets the page's origin call the worker, and sends through the stand-in", async () => {
    const origin = new URL(stack.pageUrl).origin;
    const preflight = await get(`${stack.workerUrl}/api/send`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    const localhost = origin.replace('127.0.0.1', 'localhost');
    const viaLocalhost = await get(`${stack.workerUrl}/api/send`, {
      method: 'OPTIONS',
      headers: { origin: localhost, 'access-control-request-method': 'POST' },
    });
    assert.equal(viaLocalhost.headers.get('access-control-allow-origin'), localhost);

    const res = await get(`${stack.access.url}/api/send`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ request: { phoneNumbers: '06 12 34 56 78', message: 'Hello from the stack' } }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    const body = await res.json();
    assert.equal(body.ok, true);
    const [message] = stack.standin.state.messages;
    assert.equal(message.messageId, body.result.messageId);
    assert.equal(message.apiKeyHash, keyHash(STANDIN_KEY));
  });

  it('sends every server log line to `log`', async () => {
    const deadline = Date.now() + 3000;
    while (!logs.some((line) => line.startsWith('worker POST /api/send 200')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(logs.some((line) => line.startsWith('worker POST /api/send 200')), logs.join('\n'));
    assert.ok(logs.some((line) => line.startsWith('standin POST /v1/send 200')), logs.join('\n'));
    assert.ok(logs.some((line) => line.startsWith('page GET /config.json 200')), logs.join('\n'));
  });
});

describe('startStack with a web root of its own', TIMEOUT, () => {
  let stack;
  let root;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'demo-root-'));
    await mkdir(join(root, 'worker'));
    await mkdir(join(root, 'css'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(root, 'app.js'), 'export const app = 1;\n');
    await writeFile(join(root, 'css', 'site.css'), 'body { margin: 0 }\n');
    await writeFile(join(root, 'worker', 'worker.js'), '// SMSPARTNER_API_KEY\n');
    await writeFile(join(root, '.env'), 'SMSPARTNER_API_KEY=x\n');
    stack = await startStack({ webRoot: root, sandbox: true, log: () => {} });
  });
  after(async () => {
    await stack?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('serves / as index.html and each file with its content type', async () => {
    for (const [path, type] of [
      ['', 'text/html; charset=utf-8'],
      ['index.html', 'text/html; charset=utf-8'],
      ['app.js', 'text/javascript; charset=utf-8'],
      ['css/site.css', 'text/css; charset=utf-8'],
    ]) {
      const res = await get(`${stack.pageUrl}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), type, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      await res.arrayBuffer();
    }
    const head = await get(stack.pageUrl, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('leaves out worker/ and dotfiles', async () => {
    for (const path of ['worker/worker.js', 'worker/', '.env', 'css/../worker/worker.js']) {
      const res = await get(`${stack.pageUrl}${path}`);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /SMSPARTNER_API_KEY/);
    }
  });

  it('tells the page about the sandbox in /config.json', async () => {
    const config = await (await get(`${stack.pageUrl}config.json`)).json();
    assert.equal(config.sandbox, true);
  });

  it('close() stops all three servers', async () => {
    const urls = [stack.pageUrl, `${stack.workerUrl}/api/send`, `${stack.standinUrl}/__standin/health`];
    await stack.close();
    await stack.close(); // a second call is harmless
    for (const url of urls) {
      await assert.rejects(get(url), TypeError, url);
    }
  });
});

describe('startStack without the stand-in', TIMEOUT, () => {
  it('needs an apiKey', async () => {
    await assert.rejects(startStack({ standin: false, log: () => {} }), /apiKey/);
  });

  it('sends to baseUrl with the key as the secret, in sandbox mode by default', async () => {
    const upstream = await startStandin({ apiKeys: [CANARY_KEY] });
    const logs = [];
    const stack = await startStack({ standin: false, apiKey: CANARY_KEY, baseUrl: upstream.url, log: (line) => logs.push(line) });
    try {
      assert.equal(stack.standin, null);
      assert.equal(stack.standinUrl, null);
      const config = await (await get(`${stack.pageUrl}config.json`)).json();
      assert.deepEqual(config, { workerUrl: stack.access.url, mode: 'live', sandbox: true });
      const res = await get(`${stack.access.url}/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ request: { phoneNumbers: '06 12 34 56 78', message: 'Hello' } }),
      });
      const text = await res.text();
      assert.equal(res.status, 200, text);
      assert.ok(!text.includes(CANARY_KEY));
      const [message] = upstream.state.messages;
      assert.equal(message.sandbox, true);
      assert.equal(message.apiKeyHash, keyHash(CANARY_KEY));
    } finally {
      await stack.close();
      await upstream.close();
    }
    assert.ok(!logs.some((line) => line.includes(CANARY_KEY)), logs.join('\n'));
  });
});

describe('tools/demo/run.mjs', TIMEOUT, () => {
  /** Starts run.mjs with `env`; resolves when it is ready, with its output so far and the process. */
  async function startRun(env) {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../tools/demo/run.mjs', import.meta.url))], {
      env: { ...process.env, DEMO_PAGE_PORT: '0', DEMO_WORKER_PORT: '0', DEMO_STANDIN_PORT: '0', DEMO_ACCESS_PORT: '0', SMSPARTNER_API_KEY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 20_000;
    while (!output.includes('Access stand-in') && child.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { child, output: () => output };
  }

  for (const [label, env, expected] of [
    ['the stand-in by default', {}, /Demo ready: open http:\/\/127\.0\.0\.1:\d+\/ \(worker http:\/\/127\.0\.0\.1:\d+, SMS Partner stand-in http:\/\/127\.0\.0\.1:\d+\)\nCloudflare Access stand-in: http:\/\/127\.0\.0\.1:\d+ \(calls the worker as marie\.dupont@example\.org/],
    ['SMS Partner in sandbox mode with a key, never printing it', { SMSPARTNER_API_KEY: CANARY_KEY }, /SMS Partner itself, in sandbox mode/],
    ['the stand-in when SMSPARTNER_STANDIN=1', { SMSPARTNER_API_KEY: CANARY_KEY, SMSPARTNER_STANDIN: '1' }, /SMS Partner stand-in/],
  ]) {
    it(`starts ${label}, and stops cleanly on SIGTERM`, async () => {
      const { child, output } = await startRun(env);
      try {
        assert.match(output(), expected, output());
        child.kill('SIGTERM');
        const [code] = await once(child, 'exit');
        assert.equal(code, 0, output());
        assert.ok(!output().includes(CANARY_KEY), output());
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  }

  it('refuses a bad port with a clear message', async () => {
    const { child, output } = await startRun({ DEMO_PAGE_PORT: 'eighty' });
    const [code] = child.exitCode === null ? await once(child, 'exit') : [child.exitCode];
    assert.equal(code, 1);
    assert.match(output(), /DEMO_PAGE_PORT must be a port number/);
  });
});
