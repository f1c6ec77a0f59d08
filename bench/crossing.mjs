// Section 2: the ways analyzeMessage's answer can cross into JavaScript, timed in one wasm
// instance built from bench/crossing. Prints JSON rows on stdout.
import { readFileSync } from 'node:fs';
import * as x from '../target/bench-crossing/pkg/crossing.js';
import { TEXTS } from './texts.mjs';
import { measureTogether } from './lib/measure.mjs';
import { readAnalysis } from './lib/read.mjs';

const wasm = x.initSync({ module: readFileSync(new URL('../target/bench-crossing/pkg/crossing_bg.wasm', import.meta.url)) });
// The package as shipped (its own wasm instance): index.js reads the figures from wasm memory.
const pkg = await import('../pkg/index.js');
pkg.initSync({ module: readFileSync(new URL('../pkg/smspartner_wasm_bg.wasm', import.meta.url)) });

/** (d) The answer over a copy of the numbers buffer; arrays are built on first read. */
class PackedAnalysis {
  constructor(numbers, preview) {
    this.n = numbers;
    this.preview = preview;
    this.r = null;
    this.u = null;
  }
  get encoding() { return this.n[0] ? 'UCS-2' : 'GSM-7'; }
  get characters() { return this.n[1]; }
  get smsCount() { return this.n[2]; }
  get perSms() { return this.n[3]; }
  get remaining() { return this.n[4]; }
  get stopMention() { return this.n[5] ? ' STOP au 36180' : null; }
  get replacements() {
    if (this.r === null) {
      const n = this.n;
      const out = new Array(n[6]);
      for (let i = 0, at = 8; i < out.length; i++, at += 4) {
        const replacement = n[at + 2] === 0 ? '' : n[at + 3] === 0 ? String.fromCodePoint(n[at + 2]) : String.fromCodePoint(n[at + 2], n[at + 3]);
        out[i] = { index: n[at], char: String.fromCodePoint(n[at + 1]), replacement };
      }
      this.r = out;
    }
    return this.r;
  }
  get unsupported() {
    if (this.u === null) {
      const n = this.n;
      const out = new Array(n[7]);
      for (let i = 0, at = 8 + 4 * n[6]; i < out.length; i++, at += 2) {
        out[i] = { index: n[at], char: String.fromCodePoint(n[at + 1]) };
      }
      this.u = out;
    }
    return this.u;
  }
}

function viaNumbers(text, unicode) {
  const preview = x.viaNumbers(text, unicode);
  const view = new Uint32Array(wasm.memory.buffer, x.numbersPtr(), x.numbersLen());
  return new PackedAnalysis(view.slice(), preview);
}

export const VARIANTS = [
  { key: 'base', name: 'baseline: analysis only, the SMS count returned', run: (t, u) => x.analyzeOnly(t, u) },
  { key: 'package', name: 'the package: analyzeMessage of index.js (numbers in wasm memory, object built in JS)', run: (t, u) => readAnalysis(pkg.analyzeMessage(t, u ? { isUnicode: true } : undefined)) },
  { key: 'shipped', name: 'analyzeMessage of the inner module (options by `Reflect::get`, serde-wasm-bindgen)', run: (t, u) => readAnalysis(x.analyzeMessage(t, u ? { isUnicode: true } : undefined)) },
  { key: 'typed', name: 'analyzeMessage with options read by wasm-bindgen getters, not `Reflect::get`', run: (t, u) => readAnalysis(x.analyzeTypedOptions(t, u ? { isUnicode: true } : undefined)) },
  { key: 'a', name: '(a) serde-wasm-bindgen `json_compatible()` object', run: (t, u) => readAnalysis(x.viaSerde(t, u)) },
  { key: "a'", name: "(a') object built with `Reflect::set`, no serde", run: (t, u) => readAnalysis(x.viaObject(t, u)) },
  { key: 'b', name: '(b) JSON string from serde_json + `JSON.parse`', run: (t, u) => readAnalysis(JSON.parse(x.viaJson(t, u))) },
  {
    key: 'c', name: '(c) wasm-bindgen class with getters, then `free()`',
    run: (t, u) => {
      const h = x.viaClass(t, u);
      const n = readAnalysis(h);
      h.free();
      return n;
    },
  },
  { key: 'd', name: '(d) `Uint32Array` of numbers + preview string, arrays built lazily', run: (t, u) => readAnalysis(viaNumbers(t, u)) },
];

// Every variant must give the same answer as the shipped function.
for (const { text } of TEXTS) {
  for (const unicode of [true, false]) {
    const want = readAnalysis(x.analyzeMessage(text, unicode ? { isUnicode: true } : undefined));
    for (const v of VARIANTS.slice(1)) {
      const got = v.run(text, unicode);
      if (got !== want) throw new Error(`${v.key} reads ${got}, not ${want}`);
    }
  }
}

const CASES = [
  ...TEXTS.map(({ name, text }) => ({ name: `${name}, isUnicode`, text, unicode: true })),
  { name: `${TEXTS[2].name}, GSM mode`, text: TEXTS[2].text, unicode: false },
];
const rows = [];
for (const c of CASES) {
  const results = measureTogether(VARIANTS.map((v) => () => v.run(c.text, c.unicode)));
  VARIANTS.forEach((v, i) => {
    const m = results[i];
    rows.push({ case: c.name, key: v.key, variant: v.name, ns: m.median, min: m.min, max: m.max });
  });
}
// splitMessage: the package's, the core's split through a `&str` with its parts made into
// strings in wasm, and the same cut as UTF-16 offsets for JavaScript to slice the message.
function splitBySlices(text, unicode) {
  if (text === '') return [];
  const offsets = x.splitOffsets(text, unicode);
  const parts = new Array(offsets.length + 1);
  let from = 0;
  for (let i = 0; i < offsets.length; i++) {
    parts[i] = text.slice(from, offsets[i]);
    from = offsets[i];
  }
  parts[offsets.length] = text.slice(from);
  return parts;
}
const readParts = (parts) => parts.reduce((n, p) => n + p.length, parts.length);
const SPLITS = [
  { key: 'split-package', name: 'splitMessage of the package', run: (t, u) => readParts(pkg.splitMessage(t, u ? { isUnicode: true } : undefined)) },
  { key: 'split-serde', name: 'the core split, `&str` in, parts as strings made in wasm (serde-wasm-bindgen)', run: (t, u) => readParts(x.splitSerde(t, u)) },
  { key: 'split-offsets', name: 'the core split, `&str` in, UTF-16 offsets out, parts sliced in JS', run: (t, u) => readParts(splitBySlices(t, u)) },
];
for (const { text } of TEXTS) {
  const want = JSON.stringify(pkg.splitMessage(text, { isUnicode: true }));
  for (const v of SPLITS.slice(1)) {
    const got = JSON.stringify(v.key === 'split-serde' ? x.splitSerde(text, true) : splitBySlices(text, true));
    if (got !== want) throw new Error(`${v.key} cuts differently`);
  }
}
const splitCase = `${TEXTS[2].name}, isUnicode, splitMessage`;
const splitResults = measureTogether(SPLITS.map((v) => () => v.run(TEXTS[2].text, true)));
SPLITS.forEach((v, i) => {
  const m = splitResults[i];
  rows.push({ case: splitCase, key: v.key, variant: v.name, ns: m.median, min: m.min, max: m.max });
});
process.stdout.write(JSON.stringify(rows));
