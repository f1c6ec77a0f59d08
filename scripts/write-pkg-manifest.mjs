// Completes pkg/ into the npm package: its entries for Node and workerd, package.json, README.
//
// Each entry of ENTRIES (./entries.mjs) is one import path of the package over one wasm-bindgen
// output (its `glue`): the hand-written browser module and its types (in src/js/), and two
// generated modules that initialize themselves at import, one reading the wasm file (Node), one
// importing it as a compiled module (workerd). Adding an entry is a line in ENTRIES, its
// src/js/NAME.js and .d.ts, and its wasm-bindgen run in scripts/build.
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { ENTRIES } from "./entries.mjs";
import { guardGlue, hardenGlue, trimGlueTypes, writeWasmTypes } from "./package-glue.mjs";

const ROOT = new URL("../", import.meta.url);
const PKG = new URL("pkg/", ROOT).pathname;

/** The modules the entries import, copied from src/js/. */
const SHARED = ["analysis.js", "guard.js", "client-guard.js"];

const cargo = readFileSync(new URL("Cargo.toml", ROOT), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1];
const repository = field("repository");

/** The Node module of an entry: the wasm read from the package's own file at import. */
const nodeModule = ({ name, glue }) => `// The package in Node: the wasm read from its file and instantiated at import.
import { readFileSync } from "node:fs";
import { initSync } from "./${name}.js";

initSync({ module: readFileSync(new URL("./${glue}_bg.wasm", import.meta.url)) });

export * from "./${name}.js";
export { default } from "./${name}.js";
`;

/** The workerd module of an entry: the wasm imported as a compiled module (wrangler, Miniflare). */
const workerdModule = ({ name, glue }) => `// The package in workerd: the wasm bundled as a compiled module and instantiated at import.
import wasm from "./${glue}_bg.wasm";
import { initSync } from "./${name}.js";

initSync({ module: wasm });

export * from "./${name}.js";
export { default } from "./${name}.js";
`;

/** The CommonJS face of an ES module of the package: the same module, for \`require\`. */
const requireModule = (module) => `// require() of ./${module}: the same module as its import (in Node 20.19, 22.12 or later).
module.exports = require("./${module}");
`;

/** The types of `requireModule`: those of the ES module, as one CommonJS export. */
const requireTypes = ({ name }) => `// The types of this entry's require(): those of the ES module ./${name}.js.
declare const entry: typeof import("./${name}.js", { with: { "resolution-mode": "import" } });
export = entry;
`;

const exportsMap = {};
const files = ["snippets/", "README.md", "CHANGELOG.md", "LICENSE", ...SHARED];
for (const name of SHARED) copyFileSync(new URL(`src/js/${name}`, ROOT), `${PKG}${name}`);
/** The self-initializing modules: a bundler that drops them as unused would skip their init. */
const sideEffects = [];
for (const entry of ENTRIES) {
  const { subpath, name, glue } = entry;
  guardGlue(PKG, glue);
  hardenGlue(PKG, glue);
  trimGlueTypes(PKG, glue);
  writeWasmTypes(PKG, glue, name);
  for (const ext of ["js", "d.ts"]) copyFileSync(new URL(`src/js/${name}.${ext}`, ROOT), `${PKG}${name}.${ext}`);
  writeFileSync(`${PKG}${name}.node.js`, nodeModule(entry));
  writeFileSync(`${PKG}${name}.workerd.js`, workerdModule(entry));
  writeFileSync(`${PKG}${name}.node.cjs`, requireModule(`${name}.node.js`));
  writeFileSync(`${PKG}${name}.cjs`, requireModule(`${name}.js`));
  writeFileSync(`${PKG}${name}.d.cts`, requireTypes(entry));
  // Conditions in order of precedence: a runtime's own before the browser's `default`.
  exportsMap[subpath] = {
    import: { types: `./${name}.d.ts`, workerd: `./${name}.workerd.js`, node: `./${name}.node.js`, default: `./${name}.js` },
    require: { types: `./${name}.d.cts`, node: `./${name}.node.cjs`, default: `./${name}.cjs` },
  };
  exportsMap[`./${glue}_bg.wasm`] = {
    import: { types: `./${glue}_bg.wasm.d.ts`, default: `./${glue}_bg.wasm` },
    require: { types: `./${glue}_bg.wasm.d.cts`, default: `./${glue}_bg.wasm` },
  };
  files.push(
    `${name}.js`, `${name}.cjs`, `${name}.node.js`, `${name}.node.cjs`, `${name}.workerd.js`, `${name}.d.ts`, `${name}.d.cts`,
    `${glue}.js`, `${glue}.d.ts`, `${glue}_bg.wasm`, `${glue}_bg.wasm.d.ts`, `${glue}_bg.wasm.d.cts`,
  );
  sideEffects.push(`./${name}.node.js`, `./${name}.workerd.js`);
}
exportsMap["./package.json"] = "./package.json";

const main = ENTRIES[0];
const manifest = {
  name: "smspartner-wasm",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  engines: { node: ">=20" },
  type: "module",
  main: `${main.name}.node.js`,
  module: `${main.name}.js`,
  types: `${main.name}.d.ts`,
  exports: exportsMap,
  files,
  sideEffects,
  keywords: ["sms", "smspartner", "gsm-03-38", "wasm", "cloudflare-workers"],
};
writeFileSync(`${PKG}package.json`, JSON.stringify(manifest, null, 2) + "\n");
for (const [from, to] of [["src/js/README.md", "README.md"], ["CHANGELOG.md", "CHANGELOG.md"], ["LICENSE", "LICENSE"]]) {
  copyFileSync(new URL(from, ROOT), `${PKG}${to}`);
}
