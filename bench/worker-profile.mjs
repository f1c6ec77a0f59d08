// A CPU profile of the edge worker in workerd, taken through the V8 inspector while the load of
// section 5 runs: where a request's time goes, by file and by function, self and inclusive.
//
// Usage: node bench/worker-profile.mjs [send|validate] [requests] [in flight] [--save FILE]
// Prints a text report on stdout; `--save` also writes the .cpuprofile (Chrome DevTools opens it).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startStandin, freePort } from '../tools/standin/server.mjs';
import { startSignedWorker } from './lib/signed-worker.mjs';
import { TEXTS } from './texts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = 'bench-key';
const args = process.argv.slice(2);
const saveAt = args.indexOf('--save');
const save = saveAt >= 0 ? args.splice(saveAt, 2)[1] : null;
const [route = 'send', countText = '3000', inFlightText = '16'] = args;
const SAMPLING_US = 50;

/** Runs the load generator of section 5 in its own process. */
function load(url, count, body, inFlight, headers = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bench/lib/load.mjs`, url, String(count), String(inFlight), '120', JSON.stringify(body), JSON.stringify(headers)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

/** A Chrome DevTools protocol session over `url`: `send(method, params)` resolves to the result. */
async function devtools(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let id = 0;
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    send(method, params = {}) {
      const messageId = ++id;
      socket.send(JSON.stringify({ id: messageId, method, params }));
      return new Promise((resolve, reject) => pending.set(messageId, { resolve, reject }));
    },
    close: () => socket.close(),
  };
}

/** The piece of the worker a frame belongs to. */
function pieceOf(frame) {
  const { url, functionName } = frame;
  if (url === '') return `(${functionName || 'native'})`;
  if (url.startsWith('wasm://')) return 'wasm';
  const file = url.replace(/^.*\/(pkg|www\/worker|src)\//, '$1/').replace(/^file:\/\//, '');
  return file.split('?')[0];
}

/** Self and inclusive time per piece and per function, in ms, from a V8 CPU profile. */
function breakdown(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  const pieceSelf = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const leaf = byId.get(profile.samples[i]);
    const name = (frame) => `${frame.functionName || '(anonymous)'} ${pieceOf(frame)}:${frame.lineNumber + 1}`;
    if (leaf.callFrame.functionName === '(idle)') continue;
    total += ms;
    add(self, name(leaf.callFrame), ms);
    add(pieceSelf, pieceOf(leaf.callFrame), ms);
    const seenHere = new Set();
    for (let at = leaf.id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at).callFrame);
      if (seenHere.has(key)) continue;
      seenHere.add(key);
      add(inclusive, key, ms);
    }
  }
  return { total, self, inclusive, pieceSelf };
}

const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

const standin = await startStandin({ port: 0, apiKeys: [KEY], logger: false, credits: { creditSms: 1e9, creditSmsECO: 1e9, creditHlr: 0, balance: 1e9 } });
const inspectorPort = await freePort();
const bindings = { SMSPARTNER_API_KEY: KEY, SMSPARTNER_BASE_URL: standin.url, ALLOWED_ORIGINS: 'http://127.0.0.1', FORCE_SANDBOX: '0' };
const worker = await startSignedWorker(bindings, { miniflare: { inspectorPort } });
const body = { request: { phoneNumbers: '06 12 34 56 78', message: TEXTS[0].text, isUnicode: 1 }, options: {} };
const path = route === 'validate' ? '/api/validate' : '/api/send';
try {
  await load(`${worker.url}${path}`, 300, body, Number(inFlightText), worker.headers);
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const target = targets.find((t) => !/internal|proxy|entry/i.test(t.title ?? t.id)) ?? targets[0];
  const session = await devtools(target.webSocketDebuggerUrl);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await session.send('Profiler.start');
  const result = await load(`${worker.url}${path}`, Number(countText), body, Number(inFlightText), worker.headers);
  const { profile } = await session.send('Profiler.stop');
  session.close();
  if (save) writeFileSync(save, JSON.stringify(profile));
  const { total, self, inclusive, pieceSelf } = breakdown(profile);
  const per = (ms) => `${((ms * 1000) / result.done).toFixed(1).padStart(7)} µs`;
  const lines = [
    `POST ${path}, ${result.done} requests, ${inFlightText} in flight; target "${target.title}"; sampled every ${SAMPLING_US} µs`,
    `busy in the isolate (not idle): ${per(total)} a request`,
    '',
    'self time by piece:',
    ...top(pieceSelf, 20).map(([k, v]) => `${per(v)}  ${k}`),
    '',
    'self time by function:',
    ...top(self, 40).map(([k, v]) => `${per(v)}  ${k}`),
    '',
    'inclusive time by function:',
    ...top(inclusive, 50).map(([k, v]) => `${per(v)}  ${k}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await worker.close();
  await standin.close();
}
