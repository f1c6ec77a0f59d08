// The tables of the docs that come from a benchmark run: built from the run's sections and
// written between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` in the files that show them.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatNs } from './measure.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const times = (x) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));

/** The texts of section 1, in the order of the columns. */
const TEXTS = ['150 characters', '650 characters', '1,600 characters', '150 characters, replaced ones', '160 code units, emoji'];

/** The contenders of section 1 shown in the docs, with the name they have there. */
const CONTENDERS = [
  ['smspartner-wasm analyzeMessage (package entry index.js), isUnicode', '**smspartner-wasm**, Unicode mode'],
  ['smspartner-wasm analyzeMessage (index.js), GSM mode (replacements, `?`)', 'smspartner-wasm, GSM mode (replacements, preview, indices)'],
  ['sms-segments-calculator (Twilio)', 'sms-segments-calculator (Twilio)'],
  ['split-sms', 'split-sms'],
  ['sms-counter', 'sms-counter (a count only: no replacements, no preview, no indices)'],
];

/** `analyzeMessage` against the JavaScript counters: one row per library, one column per text. */
export function analyzeTable(s1) {
  const ours = (text) => s1.find((r) => r.text === text && r.contender === CONTENDERS[0][0]);
  const lines = ['| library | 150 characters | 650 | 1,600 | 150, replaced characters | 160, emoji |', '| --- | --- | --- | --- | --- | --- |'];
  for (const [contender, shown] of CONTENDERS) {
    const cells = TEXTS.map((text) => {
      const r = s1.find((o) => o.text === text && o.contender === contender);
      if (!r) return '—';
      if (contender === CONTENDERS[0][0]) return `**${formatNs(r.ns)}**`;
      if (contender.startsWith('smspartner-wasm')) return formatNs(r.ns);
      const ratio = r.ns / ours(text).ns;
      return `${formatNs(r.ns)} — ours ${ratio >= 1 ? `${times(ratio)}× faster` : `${times(1 / ratio)}× slower`}`;
    });
    lines.push(`| ${shown} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The keystroke in the page: input event to read-out written, per length and CPU speed. */
export function keystrokeTable(s3) {
  const lines = ['| message, CPU | Unicode mode | GSM mode | goal ≤ 16 ms at 4× |', '| --- | --- | --- | --- |'];
  const cases = [...new Set(s3.runs.map((r) => `${r.messageLength}|${r.throttle}`))];
  for (const kase of cases) {
    const [length, throttle] = kase.split('|').map(Number);
    const of = (mode) => s3.runs.find((r) => r.messageLength === length && r.throttle === throttle && r.mode === mode);
    const [unicode, gsm] = [of('Unicode'), of('GSM')];
    const ms = (r) => (r ? `${r.toReadout.toFixed(1)} ms` : '—');
    const cpu = throttle === 1 ? 'full speed' : `${throttle}× slower (mid-tier phone)`;
    const goal = throttle === 1 ? '' : [unicode, gsm].every((r) => r && r.toReadout <= 16) ? 'met' : 'not met';
    lines.push(`| ${(length + 1).toLocaleString('en-US')} characters, ${cpu} | ${ms(unicode)} | ${ms(gsm)} | ${goal} |`);
  }
  return lines.join('\n');
}

/** Each entry's size against its budget, and the JavaScript counters bundled for a browser. */
export function sizeTable(s4) {
  const lines = ['| entry | gzip -9, as shipped | wasm + JS | must reach | goal | minified bundle |', '| --- | --- | --- | --- | --- | --- |'];
  for (const { entry, budget, wasm, js, total, bundled } of s4.entries) {
    const verdict = (limit) => `≤ ${kb(limit)} (${total <= limit ? 'met' : `${kb(total - limit)} over`})`;
    lines.push(`| \`${entry}\` | **${kb(total)}** | ${wasm} B + ${js} B | ${verdict(budget.must)} | ${verdict(budget.goal)} | ${kb(bundled)} |`);
  }
  for (const { name, gzip } of s4.counterparts) lines.push(`| ${name} (JavaScript, for comparison) | ${kb(gzip)} | — | — | — | ${kb(gzip)} |`);
  return lines.join('\n');
}

/** workerd CPU per request of each route against the floor of the same shape, same run. */
export function workerRatios(s5) {
  const cpu = (what, kase) => {
    const r = s5.find((o) => o.what === `${what}: workerd CPU per request` && o.case === kase);
    return r ? Number.parseFloat(r.value) : null;
  };
  const floors = {
    '/api/validate': 'floor: a trivial worker that reads the JSON body, answers JSON',
    '/api/send': 'floor: a trivial worker that reads the JSON body, one fetch to the stand-in, answers JSON',
  };
  const ratios = [];
  for (const r of s5.filter((o) => o.what.endsWith(': workerd CPU per request') && o.what.startsWith('POST '))) {
    const route = r.what.slice('POST '.length).split(':')[0];
    const floor = cpu(floors[route], r.case);
    if (floor === null) continue;
    const ours = Number.parseFloat(r.value);
    ratios.push({ route, case: r.case, ours, floor, ratio: ours / floor });
  }
  return ratios;
}

/** The worker's routes against their floors, as a table. */
export function workerTable(s5) {
  const lines = ['| route | case | workerd CPU per request | floor, same run | ratio (goal ≤ 1.5×) |', '| --- | --- | --- | --- | --- |'];
  for (const r of workerRatios(s5)) lines.push(`| \`${r.route}\` | ${r.case} | ${r.ours.toFixed(2)} ms | ${r.floor.toFixed(2)} ms | ${r.ratio.toFixed(2)}× (${r.ratio <= 1.5 ? 'met' : 'not met'}) |`);
  return lines.join('\n');
}

/** Replaces the block `name` of `file` with `markdown`; a file without the block is an error. */
export function refreshBlock(file, name, markdown) {
  const text = readFileSync(file, 'utf8');
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
}
