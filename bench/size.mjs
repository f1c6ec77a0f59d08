// Section 4: each entry's size against its budget, the main entry's files (raw, gzip -9,
// brotli) and what each crate adds to the wasm,
// from `twiggy top` on a build with names kept. Prints JSON on stdout.
//
// Usage: node bench/size.mjs <pkg dir> <wasm with names>
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { groupItems } from './lib/wasm-groups.mjs';
import { entryFiles, entrySizes } from '../scripts/package-size.mjs';

const [pkgDir, namedWasm] = process.argv.slice(2);

/** gzip -9 with the gzip program when there is one, else zlib at level 9. */
function gzipSize(file) {
  try {
    return execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 }).length;
  } catch {
    return gzipSync(readFileSync(file), { level: 9 }).length;
  }
}

function brotliSize(file) {
  try {
    return execFileSync('brotli', ['-c', '-q', '11', file], { maxBuffer: 1 << 26 }).length;
  } catch {
    return brotliCompressSync(readFileSync(file), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: readFileSync(file).length },
    }).length;
  }
}

// What the main entry loads in a browser, as scripts/build counts it (scripts/package-size.mjs).
const files = entryFiles(pkgDir, 'index', 'smspartner_wasm')
  .filter((name) => existsSync(`${pkgDir}/${name}`))
  .map((name) => {
    const path = `${pkgDir}/${name}`;
    return { name, raw: readFileSync(path).length, gzip: gzipSize(path), brotli: brotliSize(path) };
  });

const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', namedWasm], { maxBuffer: 1 << 28 }).toString());
const groups = groupItems(items.filter((i) => !/^custom section|subsection$/.test(i.name)));
const top = items
  .filter((i) => !/^custom section|subsection$/.test(i.name))
  .slice(0, 12)
  .map((i) => ({ name: i.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, ''), bytes: i.shallow_size }));
const namedTotal = groups.reduce((n, [, b]) => n + b, 0);
/** The JavaScript counters, each bundled and minified by esbuild for a browser, gzip -9. */
const COUNTERPARTS = ['sms-segments-calculator', 'split-sms', 'sms-counter'];
const counterparts = COUNTERPARTS.map((name) => {
  const { outputFiles } = buildSync({ stdin: { contents: `export * from ${JSON.stringify(name)};`, resolveDir: process.cwd() }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  return { name, gzip: gzipSync(outputFiles[0].contents, { level: 9 }).length };
});

process.stdout.write(JSON.stringify({ entries: entrySizes(pkgDir), counterparts, files, groups, top, namedTotal }));
