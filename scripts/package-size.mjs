// Prints what each entry of the package weighs once gzipped (-9): its wasm and every JS module
// it loads as shipped, and its wasm with the one JS file a production bundler makes of the
// entry (esbuild, bundled and minified). Usage: node scripts/package-size.mjs <pkg dir> [--json]
import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { ENTRIES, importPath } from "./entries.mjs";

/**
 * The files an entry loads in a browser: its module and every module it imports, transitively
 * (the shared ones, its glue, the glue's snippets), as esbuild resolves them, then its wasm.
 */
export function entryFiles(dir, name, glue) {
  const { metafile } = buildSync({ entryPoints: [`${dir}/${name}.js`], bundle: true, metafile: true, format: "esm", platform: "browser", write: false, logLevel: "silent", external: ["*.wasm"] });
  const files = Object.keys(metafile.inputs).map((path) => posix.relative(dir, path));
  return [...files, `${glue}_bg.wasm`];
}

/** gzip -9 size of one file. */
export const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** gzip -9 size of the entry module `file` bundled and minified by esbuild (its wasm apart). */
export function bundledJs(file) {
  const { outputFiles } = buildSync({ entryPoints: [file], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  return gzipSync(outputFiles[0].contents, { level: 9 }).length;
}

/**
 * What each entry weighs in `dir`: `{ entry, budget, wasm, js, total, bundled }` in gzipped
 * bytes (`bundled`: its wasm and the minified bundle of its JS).
 */
export function entrySizes(dir) {
  return ENTRIES.map((described) => {
    const { name, glue, budget } = described;
    const files = entryFiles(dir, name, glue);
    const wasm = gzipped(`${dir}/${glue}_bg.wasm`);
    const total = files.reduce((sum, file) => sum + gzipped(`${dir}/${file}`), 0);
    const bundled = wasm + bundledJs(`${dir}/${name}.js`);
    return { entry: importPath(described), budget, wasm, js: total - wasm, total, bundled };
  });
}

const [dir, flag] = process.argv.slice(2);
if (dir && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entries = entrySizes(dir);
  if (flag === "--json") console.log(JSON.stringify(entries));
  else for (const { entry, wasm, js, total, bundled } of entries) {
    console.error(`\x1b[1m==> ${entry}: ${(total / 1000).toFixed(1)} KB gzipped (wasm ${wasm} B + JS ${js} B); ${(bundled / 1000).toFixed(1)} KB in a minified bundle\x1b[0m`);
  }
}
