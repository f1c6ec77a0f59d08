// Section 5: the edge worker (www/worker/worker.js) in workerd through Miniflare, against the
// local SMS Partner stand-in: cold start, the wasm's compile and instantiation, and latency and
// CPU per request under a load sent by a second process. Prints JSON rows on stdout.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStandin } from '../tools/standin/server.mjs';
import { Miniflare } from 'miniflare';
import { deployedOptions } from '../tools/demo/worker-runtime.mjs';
import { startSignedWorker } from './lib/signed-worker.mjs';
import { TEXTS } from './texts.mjs';
import { workerdCpuMs } from './lib/workerd-cpu.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = 'bench-key';
const SEND_COUNT = 3000;
const VALIDATE_COUNT = 1000;
const SEQUENTIAL_COUNT = 300;
const CONCURRENCY = 16;
const MAX_SECONDS = 60;
const COLD_STARTS = 3;
/** `node bench/worker.mjs load`: the load rows alone (floors and worker), no cold starts. */
const LOAD_ONLY = process.argv.includes('load');
const rows = [];
const row = (what, kase, value, note = '') => rows.push({ what, case: kase, value, note });
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** Runs the load generator in its own process. */
function load(url, count, body, inFlight = CONCURRENCY, headers = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bench/lib/load.mjs`, url, String(count), String(inFlight), String(MAX_SECONDS), JSON.stringify(body), JSON.stringify(headers)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

/**
 * The floor: workers that do the least a request of ours must do, in the same workerd and
 * Miniflare set-up (compatibility date and flags of wrangler.toml). `echo` reads the JSON body
 * and answers a small JSON object; `fetch` also posts a send to the stand-in and answers what
 * it said. What the worker spends above them is its own code and the package.
 */
const FLOORS = {
  echo: `export default {
    async fetch(request) {
      const body = await request.json();
      return new Response(JSON.stringify({ ok: true, valid: typeof body.request === 'object' }), {
        headers: { 'content-type': 'application/json' },
      });
    },
  };`,
  fetch: `export default {
    async fetch(request, env) {
      const { request: sms } = await request.json();
      const wire = { apiKey: env.KEY, phoneNumbers: '+33612345678', message: sms.message, isUnicode: 1 };
      const upstream = await fetch(env.BASE_URL + '/v1/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(wire),
      });
      const result = await upstream.json();
      return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } });
    },
  };`,
};

/** Starts one floor worker; resolves to `{ url, close() }`. */
async function startFloor(script, baseUrl) {
  const { compatibilityDate, compatibilityFlags } = await deployedOptions();
  const mf = new Miniflare({
    compatibilityDate,
    compatibilityFlags,
    modules: true,
    script,
    bindings: { KEY, BASE_URL: baseUrl },
    host: '127.0.0.1',
    port: 0,
    cf: false,
  });
  const ready = await mf.ready;
  return { url: ready.origin, close: () => mf.dispose() };
}

/** Load rows of `path` on a running worker at `url`, under the name `label`. */
async function measureLoad(label, url, path, count, body, inFlight, headers = {}) {
  const cpuBefore = workerdCpuMs();
  const standinCpu = process.cpuUsage();
  const result = await load(`${url}${path}`, count, body, inFlight, headers);
  const workerdCpu = workerdCpuMs() - cpuBefore;
  const u = process.cpuUsage(standinCpu);
  const standinCpuMs = (u.user + u.system) / 1000;
  const kase = `${result.done} requests, ${inFlight} in flight`;
  const statuses = Object.entries(result.statuses).map(([s, n]) => `${n}× ${s}`).join(', ');
  row(`${label}: latency p50 / p90 / p99`, kase, `${ms(result.p50)} / ${ms(result.p90)} / ${ms(result.p99)}`, `max ${ms(result.max)}; ${statuses}${result.failures ? `; ${result.failures} failed` : ''}`);
  row(`${label}: throughput`, kase, `${((result.done * 1000) / result.wallMs).toFixed(0)} requests/s`, `${(result.wallMs / 1000).toFixed(1)} s`);
  row(`${label}: workerd CPU per request`, kase, ms(workerdCpu / result.done), `workerd ${workerdCpu.toFixed(0)} ms in all; stand-in (this process) ${(standinCpuMs / result.done).toFixed(2)} ms/request; load generator ${(result.clientCpuMs / result.done).toFixed(2)} ms/request`);
}

const sendBody = { request: { phoneNumbers: '06 12 34 56 78', message: TEXTS[0].text, isUnicode: 1 }, options: {} };
const standin = await startStandin({ port: 0, apiKeys: [KEY], logger: false, credits: { creditSms: 1e9, creditSmsECO: 1e9, creditHlr: 0, balance: 1e9 } });
const bindings = { SMSPARTNER_API_KEY: KEY, SMSPARTNER_BASE_URL: standin.url, ALLOWED_ORIGINS: 'http://127.0.0.1', FORCE_SANDBOX: '0' };
try {
  // Cold start: a new Miniflare and workerd each time, until the first answer to /api/send.
  if (!LOAD_ONLY) await coldStarts();

  // The floors, then the worker, each loaded from a second process.
  for (const [name, path, count, inFlight] of [
    ['echo', '/api/validate', VALIDATE_COUNT, CONCURRENCY],
    ['fetch', '/api/send', SEND_COUNT, CONCURRENCY],
    ['fetch', '/api/send', SEQUENTIAL_COUNT, 1],
  ]) {
    const floor = await startFloor(FLOORS[name], standin.url);
    try {
      await load(`${floor.url}${path}`, 200, sendBody); // warm-up
      const what = name === 'echo' ? 'reads the JSON body, answers JSON' : 'reads the JSON body, one fetch to the stand-in, answers JSON';
      await measureLoad(`floor: a trivial worker that ${what}`, floor.url, path, count, sendBody, inFlight);
    } finally {
      await floor.close();
    }
  }
  // The worker as deployed: each request's Access assertion checked (jose, RS256), its SMS
  // counted in the SendQuota Durable Object, the rate limit asked.
  const worker = await startSignedWorker(bindings);
  try {
    await load(`${worker.url}/api/send`, 200, sendBody, CONCURRENCY, worker.headers); // warm-up
    for (const [path, count, inFlight] of [
      ['/api/send', SEND_COUNT, CONCURRENCY],
      ['/api/send', SEQUENTIAL_COUNT, 1],
      ['/api/validate', VALIDATE_COUNT, CONCURRENCY],
    ]) {
      await measureLoad(`POST ${path}`, worker.url, path, count, sendBody, inFlight, worker.headers);
    }
  } finally {
    await worker.close();
  }
} finally {
  await standin.close();
}
process.stdout.write(JSON.stringify(rows));

/** Cold start rows, and the wasm's compile and instantiation in V8. */
async function coldStarts() {
  const ready = [];
  const first = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const start = performance.now();
    const worker = await startSignedWorker(bindings);
    const up = performance.now();
    const response = await fetch(`${worker.url}/api/send`, { method: 'POST', headers: { ...worker.headers, 'content-type': 'application/json' }, body: JSON.stringify(sendBody) });
    await response.arrayBuffer();
    const answered = performance.now();
    if (response.status !== 200) throw new Error(`/api/send answered ${response.status}`);
    ready.push(up - start);
    first.push(answered - up);
    await worker.close();
  }
  const total = ready.map((r, i) => r + first[i]);
  row('cold start: new Miniflare + workerd → first /api/send answer', `median of ${COLD_STARTS}`, ms(median(total)), `${total.map((x) => x.toFixed(0)).join(', ')} ms`);
  row('… of which Miniflare and workerd starting', `median of ${COLD_STARTS}`, ms(median(ready)), `${ready.map((x) => x.toFixed(0)).join(', ')} ms`);
  row('… of which the first request (isolate, worker module and wasm loaded, one send)', `median of ${COLD_STARTS}`, ms(median(first)), `${first.map((x) => x.toFixed(0)).join(', ')} ms`);

  // The wasm itself in V8 (the engine of workerd): a fresh Node process each time.
  for (const [flags, label] of [[[], 'lazy (V8 default)'], [['--no-wasm-lazy-compilation'], 'every function up front']]) {
    const runs = [];
    for (let i = 0; i < 5; i++) {
      runs.push(JSON.parse(execFileSync(process.execPath, [...flags, `${ROOT}bench/lib/wasm-compile.mjs`]).toString()));
    }
    const m = (k) => median(runs.map((r) => r[k]));
    const size = `${(readFileSync(`${ROOT}pkg/smspartner_wasm_bg.wasm`).length / 1024).toFixed(0)} KB`;
    row(`new WebAssembly.Module(bytes), compile ${label}`, `${size} wasm, fresh Node process, median of 5`, ms(m('compile')), `then initSync instantiation ${ms(m('instantiate'))}`);
    row(`first validateSendRequest after instantiation, compile ${label}`, 'median of 5', ms(m('firstCall')), `second call ${ms(m('secondCall'))}`);
  }

}
