// Picks at most N inputs of a corpus covering as many edges as possible (greedy set cover),
// from the control file of a libFuzzer merge run with -use_counters=0, and copies them.
// Usage: node fuzz/trim-corpus.mjs CONTROL_FILE OUT_DIR N
// Prints "kept K of M inputs, E of T edges".

import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const [control, outDir, limitText] = process.argv.slice(2);
const limit = Number(limitText);
const lines = readFileSync(control, 'utf8').split('\n');
const count = Number(lines[0]);
const files = lines.slice(2, 2 + count);
const edges = new Map(); // input index -> Set of edges
for (const line of lines.slice(2 + count)) {
  const [tag, index, ...rest] = line.split(' ');
  if (tag === 'COV') edges.set(Number(index), new Set(rest.filter(Boolean).map(Number)));
}
const size = (i) => statSync(files[i]).size;
const total = new Set([...edges.values()].flatMap((s) => [...s]));
const covered = new Set();
const kept = [];
while (kept.length < limit) {
  let best = -1;
  let bestGain = 0;
  for (const [i, set] of edges) {
    let gain = 0;
    for (const e of set) if (!covered.has(e)) gain += 1;
    if (gain > bestGain || (gain === bestGain && gain > 0 && size(i) < size(best))) {
      best = i;
      bestGain = gain;
    }
  }
  if (best < 0) break;
  for (const e of edges.get(best)) covered.add(e);
  edges.delete(best);
  kept.push(best);
}
mkdirSync(outDir, { recursive: true });
for (const i of kept) copyFileSync(files[i], join(outDir, basename(files[i])));
console.log(`kept ${kept.length} of ${count} inputs, ${covered.size} of ${total.size} edges`);
