// Section 6: a campaign through the edge worker in workerd (Miniflare), its Queue and Durable
// Objects, against the local stand-in: recipients per second from POST /api/campaigns to the
// last chunk settled, and workerd's CPU to check and record the campaign and per chunk sent.
// Prints JSON rows on stdout. Run alone: node bench/campaign.mjs [recipients]
import { setTimeout as sleep } from 'node:timers/promises';
import { startStandin } from '../tools/standin/server.mjs';
import { startSignedWorker } from './lib/signed-worker.mjs';
import { workerdCpuMs } from './lib/workerd-cpu.mjs';

const KEY = 'bench-key';
const RECIPIENTS = Number(process.argv[2] ?? 100_000);
const MAX_SECONDS = 170;
const rows = [];
const row = (what, kase, value, note = '') => rows.push({ what, case: kase, value, note });
const mobile = (i) => `+3361${String(i).padStart(7, '0')}`;

const standin = await startStandin({ port: 0, apiKeys: [KEY], logger: false, credits: { creditSms: 1e9, creditSmsECO: 1e9, creditHlr: 0, balance: 1e9 } });
const worker = await startSignedWorker({ SMSPARTNER_API_KEY: KEY, SMSPARTNER_BASE_URL: standin.url, FORCE_SANDBOX: '0' });

/** Runs one campaign; `{ createMs, totalMs, createCpuMs, sendCpuMs, chunks }`. */
async function campaign(recipients) {
  const cpu0 = workerdCpuMs();
  const t0 = performance.now();
  const res = await fetch(`${worker.url}/api/campaigns`, {
    method: 'POST',
    headers: { ...worker.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ request: { message: 'Les soldes commencent demain, -30 % sur tout le magasin', sender: 'Boutique' }, recipients }),
  });
  const created = await res.json();
  if (res.status !== 202) throw new Error(`POST /api/campaigns answered ${res.status}: ${JSON.stringify(created).slice(0, 300)}`);
  const t1 = performance.now();
  const cpu1 = workerdCpuMs();
  const deadline = Date.now() + MAX_SECONDS * 1000;
  let progress;
  for (;;) {
    progress = await (await fetch(`${worker.url}/api/campaigns/${created.id}`, { headers: worker.headers })).json();
    if (progress.state === 'done') break;
    if (Date.now() > deadline) throw new Error(`not done after ${MAX_SECONDS} s: ${JSON.stringify(progress)}`);
    await sleep(50);
  }
  const t2 = performance.now();
  if (progress.chunks.sent !== created.chunks || progress.accepted !== recipients.length) {
    throw new Error(`incomplete: ${JSON.stringify(progress)}`);
  }
  return { createMs: t1 - t0, totalMs: t2 - t0, createCpuMs: cpu1 - cpu0, sendCpuMs: workerdCpuMs() - cpu1, chunks: created.chunks };
}

try {
  await campaign(Array.from({ length: 1000 }, (_, i) => mobile(900_000 + i))); // warm-up
  const numbers = Array.from({ length: RECIPIENTS }, (_, i) => mobile(i));
  const run = await campaign(numbers);
  const kase = `${RECIPIENTS.toLocaleString('en')} recipients, ${run.chunks} chunks of 500, no fault`;
  row('campaign end to end: POST /api/campaigns → every chunk sent', kase, `${Math.round(RECIPIENTS / (run.totalMs / 1000)).toLocaleString('en')} recipients/s`, `${(run.totalMs / 1000).toFixed(1)} s in all`);
  row('… POST /api/campaigns (every number and message checked, ledger written, chunks enqueued)', kase, `${run.createMs.toFixed(0)} ms`, `workerd CPU ${run.createCpuMs.toFixed(0)} ms (${((run.createCpuMs * 1000) / RECIPIENTS).toFixed(1)} µs a recipient)`);
  row('workerd CPU per chunk sent (consumer, ledger, STOP list, Miniflare\'s queue)', kase, `${(run.sendCpuMs / run.chunks).toFixed(1)} ms`, `${run.sendCpuMs.toFixed(0)} ms for ${run.chunks} chunks, progress polled every 50 ms included`);
} finally {
  await worker.close();
  await standin.close();
}
process.stdout.write(JSON.stringify(rows));
