// Minifies every JavaScript module of the built package in place (esbuild: whitespace, syntax,
// local names; exports, imports and `import.meta.url` kept), as the package ships: the sources
// with their comments stay in src/js/ and in wasm-bindgen's output. Usage: node scripts/minify-pkg.mjs <pkg dir>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

/** Every `.js` and `.cjs` file under `dir`, recursively. */
function scripts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return /\.c?js$/.test(entry.name) ? [path] : [];
  });
}

const [dir] = process.argv.slice(2);
if (!dir) throw new Error("usage: node scripts/minify-pkg.mjs <pkg dir>");
for (const file of scripts(dir)) {
  const format = file.endsWith(".cjs") ? "cjs" : "esm";
  const { code } = transformSync(readFileSync(file, "utf8"), { minify: true, format, target: "es2020", legalComments: "none", charset: "utf8" });
  writeFileSync(file, code);
}
