// The edge worker's pieces one by one in workerd: each run N times inside one request of a
// worker of its own (bench/lib/pieces-worker.js), workerd's CPU read from /proc around it, the
// empty loop taken off. In workerd the clocks stop while JavaScript runs, so CPU time is the
// only measure from inside. Not part of the run. Usage: node bench/worker-pieces.mjs [N]
import { fileURLToPath } from 'node:url';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { deployedOptions } from '../tools/demo/worker-runtime.mjs';
import { TEXTS } from './texts.mjs';
import { workerdCpuMs } from './lib/workerd-cpu.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.argv[2] ?? 2000);
const ROUNDS = 5;
const body = JSON.stringify({ request: { phoneNumbers: '06 12 34 56 78', message: TEXTS[0].text, isUnicode: 1 } });
const { compatibilityDate, compatibilityFlags } = await deployedOptions();
const mf = new Miniflare({
  compatibilityDate,
  compatibilityFlags,
  modules: true,
  scriptPath: `${ROOT}bench/lib/pieces-worker.js`,
  modulesRoot: ROOT,
  modulesRules: [
    { type: 'ESModule', include: ['**/*.js'] },
    { type: 'CompiledWasm', include: ['**/*.wasm'] },
  ],
  host: '127.0.0.1',
  port: 0,
  cf: false,
  log: new Log(LogLevel.NONE),
  handleRuntimeStdio(stdout, stderr) {
    stdout.resume();
    stderr.resume();
  },
});
const { origin } = await mf.ready;
const names = ['nothing', 'validateSendRequest', 'validateSendRequest + JSON.stringify of the report', 'client.send over an answering fetch',
  'the same in JavaScript: JSON.stringify, fetch, text, JSON.parse', 'new SmsPartnerClient + free', 'redactApiKey of a short text',
  'console.log of one line', 'a JSON Response with two headers', 'setTimeout + clearTimeout',
  'a Response copied with new Headers (the CORS step before)', 'a Response with Vary appended in place (the CORS step now)',
  'new TextDecoder (fatal)'];

/** workerd CPU (ms) of one request running `piece` `n` times. */
async function run(piece, n) {
  const before = workerdCpuMs();
  const res = await fetch(`${origin}/?piece=${encodeURIComponent(piece)}&n=${n}`, { method: 'POST', body });
  if ((await res.text()) !== 'done') throw new Error(`${piece}: ${res.status}`);
  return workerdCpuMs() - before;
}

try {
  for (const name of names) await run(name, 200); // warm-up
  const cpu = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) for (const name of names) cpu[name].push(await run(name, N));
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const empty = median(cpu.nothing);
  const rows = names.slice(1).map((name) => ({ piece: name, us: ((median(cpu[name]) - empty) * 1000) / N }));
  process.stdout.write(`${JSON.stringify({ iterations: N, rounds: ROUNDS, emptyLoopMs: empty, rows })}\n`);
} finally {
  await mf.dispose();
}
