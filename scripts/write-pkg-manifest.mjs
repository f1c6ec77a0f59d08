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
  main: "index.js",
  module: "index.js",
  types: "index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", default: "./index.js" },
    "./smspartner_wasm_bg.wasm": "./smspartner_wasm_bg.wasm",
  },
  files: ["index.js", "guard.js", "index.d.ts", "snippets/", "smspartner_wasm.js", "smspartner_wasm.d.ts", "smspartner_wasm_bg.wasm", "smspartner_wasm_bg.wasm.d.ts", "README.md", "LICENSE"],
  sideEffects: false,
  keywords: ["sms", "smspartner", "gsm-03-38", "wasm", "cloudflare-workers"],
};
writeFileSync(new URL("../pkg/package.json", import.meta.url), JSON.stringify(manifest, null, 2) + "\n");
for (const file of ["README.md", "LICENSE", "src/js/index.js", "src/js/guard.js", "src/js/index.d.ts"]) {
  const name = file.split("/").pop();
  copyFileSync(new URL(`../${file}`, import.meta.url), new URL(`../pkg/${name}`, import.meta.url));
}
