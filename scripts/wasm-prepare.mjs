// Prepares the release wasm for wasm-bindgen: every panic starter made a trap
// (wasm-panic-traps.mjs), then what `strip = true` would do but keeping the `target_features`
// section that wasm-bindgen reads: the other custom sections dropped but wasm-bindgen's own
// (names would become export names, DWARF changes its output), and multivalue marked unused
// (wasm-bindgen's return-pointer glue is smaller once gzipped than its multi-value transform).
// Usage: node scripts/wasm-prepare.mjs <in.wasm> <out.wasm>
import { readFileSync, writeFileSync } from 'node:fs';
import { leb, customSections } from './wasm-sections.mjs';
import { trapPanics } from './wasm-panic-traps.mjs';

/** The features of a `target_features` section: `{ prefixAt, name }`. */
export function features(bytes, section) {
  const text = new TextDecoder();
  let [count, at] = leb(bytes, section.payload);
  const list = [];
  while (count-- > 0) {
    const [length, nameAt] = leb(bytes, at + 1);
    list.push({ prefixAt: at, name: text.decode(bytes.subarray(nameAt, nameAt + length)) });
    at = nameAt + length;
  }
  return list;
}

const [file, out] = process.argv.slice(2);
if (file && out) {
  let { bytes } = trapPanics(readFileSync(file));
  const sections = customSections(bytes);
  const target = sections.find((s) => s.name === 'target_features');
  if (!target) throw new Error(`${file}: no target_features section (is the release profile stripping it?)`);
  const multivalue = features(bytes, target).find((f) => f.name === 'multivalue');
  if (multivalue) bytes[multivalue.prefixAt] = '-'.charCodeAt(0);
  const kept = new Set(['target_features', '__wasm_bindgen_unstable']);
  for (const section of sections.filter((s) => !kept.has(s.name)).reverse()) {
    bytes = Buffer.concat([bytes.subarray(0, section.start), bytes.subarray(section.end)]);
  }
  writeFileSync(out, bytes);
}
