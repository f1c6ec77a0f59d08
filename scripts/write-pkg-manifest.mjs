// Writes pkg/package.json (and copies README and LICENSE) so that pkg/ is a publishable npm package.
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";

const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, "m"))?.[1];

const manifest = {
  name: "smspartner-wasm",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "smspartner_wasm.js",
  module: "smspartner_wasm.js",
  types: "smspartner_wasm.d.ts",
  exports: {
    ".": { types: "./smspartner_wasm.d.ts", default: "./smspartner_wasm.js" },
    "./smspartner_wasm_bg.wasm": "./smspartner_wasm_bg.wasm",
  },
  files: ["smspartner_wasm.js", "smspartner_wasm.d.ts", "smspartner_wasm_bg.wasm", "smspartner_wasm_bg.wasm.d.ts", "README.md", "LICENSE"],
  sideEffects: false,
  keywords: ["sms", "smspartner", "gsm-03-38", "wasm", "cloudflare-workers"],
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(manifest, null, 2) + "\n");
for (const file of ["README.md", "LICENSE"]) {
  copyFileSync(new URL(`../${file}`, import.meta.url), new URL(`../pkg/${file}`, import.meta.url));
}
