// Runs every benchmark section, each in its own Node process, and prints one Markdown table
// (also written to bench/results.md) headed by the machine and the date.
//
// Expects what scripts/bench builds first: pkg/, the crossing module in target/bench-crossing
// and the wasm with names kept in target/bench-names.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatNs } from './lib/measure.mjs';
import { analyzeTable, keystrokeTable, refreshBlock, sizeTable, workerRatios, workerTable } from './lib/doc-tables.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const loadBefore = loadavg();

/** Runs `node bench/<script>` and returns its JSON output (or the error, as a string). */
function section(script, ...args) {
  const run = spawnSync(process.execPath, [`${ROOT}bench/${script}`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 180_000,
  });
  if (run.status !== 0) return `failed (${run.error?.message ?? `exit ${run.status}`})`;
  return JSON.parse(run.stdout);
}

const rows = [];
const row = (sectionName, what, kase, value, note = '') => rows.push([sectionName, what, kase, value, note]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const times = (x) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));

// 1. analyzeMessage in Node against the JavaScript counters.
const s1 = section('analyze.mjs');
if (typeof s1 === 'string') row('1 analyzeMessage, Node', s1, '', '');
else {
  for (const r of s1) {
    const ours = s1.find((o) => o.text === r.text && o.contender.includes('index.js), isUnicode'));
    let note = `${r.sms} SMS`;
    if (r.contender.startsWith('smspartner-wasm')) {
      if (r !== ours) note += `; ${times(r.ns / ours.ns)}× the isUnicode call`;
    } else {
      const ratio = r.ns / ours.ns;
      note += `; ours ${ratio >= 1 ? `${times(ratio)}× faster` : `${times(1 / ratio)}× slower`}`;
    }
    row('1 analyzeMessage, Node', r.contender, r.text, formatNs(r.ns), `${note}; best batch ${formatNs(r.min)}`);
  }
}

// 2. How the answer crosses into JavaScript.
const s2 = existsSync(`${ROOT}target/bench-crossing/pkg/crossing.js`) ? section('crossing.mjs') : 'crossing module not built';
if (typeof s2 === 'string') row('2 answer crossing into JS', s2, '', '');
else {
  for (const r of s2) {
    const base = s2.find((o) => o.case === r.case && o.key === 'base');
    const a = s2.find((o) => o.case === r.case && o.key === 'a');
    if (r.key.startsWith('split-')) {
      const shipped = s2.find((o) => o.case === r.case && o.key === 'split-package');
      const rel = r === shipped ? '' : `${(r.ns / shipped.ns).toFixed(2)}× the package's; `;
      row('2 answer crossing into JS', r.variant, r.case, formatNs(r.ns), `${rel}best batch ${formatNs(r.min)}`);
      continue;
    }
    if (a === undefined || base === undefined) continue;
    const note = (r.key === 'base' ? 'no answer object' : `${r.ns >= base.ns ? '+' : '−'}${formatNs(Math.abs(r.ns - base.ns))} over baseline; ${(r.ns / a.ns).toFixed(2)}× (a)`) + `; best batch ${formatNs(r.min)}`;
    row('2 answer crossing into JS', r.variant, r.case, formatNs(r.ns), note);
  }
}

// 3. A keystroke in the page.
const s3 = section('keystroke.mjs');
let chromiumVersion = null;
if (typeof s3 === 'string') row('3 keystroke in Chromium', s3, '', '');
else {
  chromiumVersion = s3.version;
  const where = s3.page;
  for (const r of s3.runs) {
    const cpu = r.throttle === 1 ? '' : `, CPU ${r.throttle}× slower (mid-tier phone)`;
    const kase = `${r.messageLength}–${r.messageLength + 1} characters, ${r.mode} mode${cpu}, ${r.keystrokes} keystrokes`;
    const goal = r.throttle === 1 ? '' : `; goal ≤ 16 ms (${r.toReadout <= 16 ? 'met' : 'not met'})`;
    row('3 keystroke in Chromium', `input event → read-out written (${where})`, kase, `${r.toReadout.toFixed(1)} ms`, `median; slowest ${r.toReadoutMax.toFixed(1)} ms; timer resolution 0.1 ms${goal}`);
    if (r.update !== null) row('3 keystroke in Chromium', "the page's update() (its 'compose-update' measure)", kase, `${r.update.toFixed(1)} ms`, 'median');
    row('3 keystroke in Chromium', 'input event → next animation frame', kase, `${r.toFrame.toFixed(1)} ms`, 'includes waiting for the frame clock (16.7 ms)');
    row('3 keystroke in Chromium', 'input event → task after that frame (painted)', kase, `${r.toPainted.toFixed(1)} ms`, `style, layout and paint ${(r.toPainted - r.toFrame).toFixed(1)} ms`);
    if (r.throttle !== 1) continue;
    const w = s3.wasm[r.mode];
    row('3 keystroke in Chromium', 'analyzeMessage alone, in the page', `1,600 characters, ${r.mode} mode`, formatNs(w.analyze.ns), `median of 31 batches of ${w.analyze.calls}`);
    row('3 keystroke in Chromium', "the package's calls of one update: analyzeMessage + splitMessage + validateSendRequest", `1,600 characters, ${r.mode} mode`, formatNs(w.update.ns), `${((100 * w.update.ns) / 1e6 / r.toReadout).toFixed(1)} % of input → read-out; batches of ${w.update.calls}`);
  }
}

// 4. Package size.
const s4 = section('size.mjs', `${ROOT}pkg`, `${ROOT}target/bench-names/named.wasm`);
if (typeof s4 === 'string') row('4 package size', s4, '', '');
else {
  const k = (n) => `${(n / 1000).toFixed(1)} KB`;
  for (const { entry, budget, wasm, js, total, bundled } of s4.entries) {
    const verdict = (limit) => (total <= limit ? 'met' : `${k(total - limit)} over`);
    row('4 package size', `\`${entry}\` (wasm + every JS module it loads, as shipped), gzip -9`, `must reach ≤ ${k(budget.must)}, goal ≤ ${k(budget.goal)}`, k(total), `wasm ${wasm} B + JS ${js} B; must: ${verdict(budget.must)}; goal: ${verdict(budget.goal)}; ${k(bundled)} in a minified bundle`);
  }
  for (const { name, gzip } of s4.counterparts) {
    row('4 package size', `${name}, bundled and minified by esbuild`, 'gzip -9', k(gzip), 'a JavaScript counter, for comparison with `smspartner-wasm/length`');
  }
  for (const f of s4.files) {
    row('4 package size', f.name, 'raw / gzip -9 / brotli', `${kb(f.raw)} / ${kb(f.gzip)} / ${kb(f.brotli)}`, `${f.raw} / ${f.gzip} / ${f.brotli} bytes`);
  }
  for (const [group, bytes] of s4.groups) {
    row('4 wasm by crate (twiggy, names kept)', group, 'raw bytes', `${kb(bytes)}`, `${((100 * bytes) / s4.namedTotal).toFixed(1)} %`);
  }
  for (const { name, bytes } of s4.top) row('4 largest wasm items', `\`${name.replace(/\|/g, '\\|').slice(0, 110)}\``, 'raw bytes', `${bytes}`, '');
}

// 5. The edge worker.
const workerReady = existsSync(`${ROOT}tools/demo/stack.mjs`) && existsSync(`${ROOT}www/worker/worker.js`);
const s5 = workerReady ? section('worker.mjs') : 'not measured: www/worker/worker.js and tools/demo/stack.mjs are not in this tree yet';
if (typeof s5 === 'string') row('5 edge worker (workerd)', s5, '', '');
else {
  for (const r of s5) row('5 edge worker (workerd)', r.what, r.case, r.value, r.note ?? '');
  for (const r of workerRatios(s5)) {
    row('5 edge worker (workerd)', `POST ${r.route}: workerd CPU against the floor of the same shape`, r.case, `${r.ratio.toFixed(2)}×`, `${r.ours.toFixed(2)} ms against ${r.floor.toFixed(2)} ms; goal ≤ 1.5× (${r.ratio <= 1.5 ? 'met' : 'not met'})`);
  }
}

// 6. A campaign on the worker's Queue and Durable Objects.
const s6 = workerReady ? section('campaign.mjs') : 'not measured: the edge worker is not in this tree';
if (typeof s6 === 'string') row('6 campaign (Queue, Durable Objects)', s6, '', '');
else for (const r of s6) row('6 campaign (Queue, Durable Objects)', r.what, r.case, r.value, r.note ?? '');

const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? 'unknown CPU';
if (chromiumVersion === null) {
  try {
    chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromiumVersion = 'not found';
  }
}
const loadAfter = loadavg();
const header = [
  '# smspartner-wasm benchmarks',
  '',
  `- Date: ${new Date(started).toISOString().replace(/\.\d+Z$/, 'Z')}, run took ${Math.round((Date.now() - started) / 1000)} s (builds excluded)`,
  `- Machine: ${cpu}, ${cpus().length} cores; load average ${loadBefore[0].toFixed(1)} at start, ${loadAfter[0].toFixed(1)} at end (the machine is shared: compare rows of one section, measured together)`,
  `- Node ${process.version}, Chromium ${chromiumVersion}`,
  '- Times are medians of ≥ 30 batches after a warm-up (process.hrtime.bigint); every answer is read whole. "Best batch" is the fastest batch: under load it is the steadier figure.',
  '',
];
const escape = (cell) => String(cell).replace(/\n/g, ' ');
const table = [
  '| Section | What | Case | Result | Note |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
];
const markdown = `${[...header, ...table].join('\n')}\n`;
writeFileSync(`${ROOT}bench/results.md`, markdown);

// The docs' tables, from this run: a section that failed leaves its table as it was.
const run = `${header[2].slice(2)}; ${header[3].slice(2)}; ${header[4].slice(2)}`;
const docs = `${ROOT}docs/speed-and-size.md`;
refreshBlock(docs, 'run', run);
if (typeof s1 !== 'string') refreshBlock(docs, 'analyze', analyzeTable(s1));
if (typeof s3 !== 'string') refreshBlock(docs, 'keystroke', keystrokeTable(s3));
if (typeof s4 !== 'string') {
  refreshBlock(docs, 'size', sizeTable(s4));
  refreshBlock(`${ROOT}src/js/README.md`, 'size', sizeTable(s4));
}
if (typeof s5 !== 'string') refreshBlock(docs, 'worker', workerTable(s5));
process.stdout.write(markdown);
