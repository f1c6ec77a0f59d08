// Prints what each entry of the package weighs once gzipped (-9): its wasm and every JS module
// it loads as shipped, and its wasm with the one JS file a production bundler makes of the
// entry (esbuild, bundled and minified). Usage: node scripts/package-size.mjs <pkg dir> [--json]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

/** The files an entry loads in a browser: its module, the shared ones, its glue, its wasm. */
export function entryFiles(dir, name, glue) {
  const snippets = existsSync(`${dir}/snippets`)
    ? readdirSync(`${dir}/snippets`, { recursive: true }).filter((f) => String(f).endsWith(".js")).map((f) => `snippets/${f}`)
    : [];
  // wasm-bindgen names each crate's snippets by crate; both wasm come from the same crate, but
  // only the module with the client imports them.
  const used = snippets.filter((file) => readFileSync(`${dir}/${glue}.js`, "utf8").includes(file.split("/").pop()));
  const shared = ["analysis.js", "guard.js"].filter((file) => existsSync(`${dir}/${file}`));
  return [`${name}.js`, ...shared, `${glue}.js`, ...used, `${glue}_bg.wasm`];
}

/** gzip -9 size of one file. */
export const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** gzip -9 size of the entry module `file` bundled and minified by esbuild (its wasm apart). */
export function bundledJs(file) {
  const { outputFiles } = buildSync({ entryPoints: [file], bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  return gzipSync(outputFiles[0].contents, { level: 9 }).length;
}

const [dir, flag] = process.argv.slice(2);
if (dir && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entries = [
    { entry: "smspartner-wasm", name: "index", glue: "smspartner_wasm" },
    { entry: "smspartner-wasm/compose", name: "compose", glue: "smspartner_compose" },
  ].map(({ entry, name, glue }) => {
    const files = entryFiles(dir, name, glue);
    const wasm = gzipped(`${dir}/${glue}_bg.wasm`);
    const total = files.reduce((sum, file) => sum + gzipped(`${dir}/${file}`), 0);
    const bundled = wasm + bundledJs(`${dir}/${name}.js`);
    return { entry, wasm, js: total - wasm, total, bundled };
  });
  if (flag === "--json") console.log(JSON.stringify(entries));
  else for (const { entry, wasm, js, total, bundled } of entries) {
    console.error(`\x1b[1m==> ${entry}: ${(total / 1000).toFixed(1)} KB gzipped (wasm ${wasm} B + JS ${js} B); ${(bundled / 1000).toFixed(1)} KB in a minified bundle\x1b[0m`);
  }
}
