// Prepares the release wasm for wasm-bindgen as `strip = true` would, but keeps the
// `target_features` section that wasm-bindgen reads: drops the other custom sections but
// wasm-bindgen's own (names would become export names, DWARF changes its output) and marks
// multivalue as unused (wasm-bindgen's return-pointer glue is smaller once gzipped than its
// multi-value transform). Usage: node scripts/wasm-features.mjs <in.wasm> <out.wasm>
import { readFileSync, writeFileSync } from 'node:fs';

/** Reads an unsigned LEB128 at `at`: `[value, next offset]`. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

/** The module's custom sections: `{ name, start, end, payload }` (byte offsets). */
export function customSections(bytes) {
  const text = new TextDecoder();
  const sections = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const [size, body] = leb(bytes, at + 1);
    if (bytes[at] === 0) {
      const [nameLength, nameAt] = leb(bytes, body);
      const name = text.decode(bytes.subarray(nameAt, nameAt + nameLength));
      sections.push({ name, start: at, end: body + size, payload: nameAt + nameLength });
    }
    at = body + size;
  }
  return sections;
}

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
  let bytes = readFileSync(file);
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
