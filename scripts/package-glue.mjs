// Adapts wasm-bindgen's glue for the package: a clear Error before initialization, and
// declarations without the DOM-only init types (the package's own .d.ts declares `init`).
import { readFileSync, writeFileSync } from "node:fs";

/** The Error every function of the module throws until the wasm is instantiated. */
const NOT_INITIALIZED = `const NOT_INITIALIZED = new Proxy({}, {
    get() {
        throw new Error("smspartner-wasm is not initialized: call \`await init()\` (or \`initSync({ module })\`) first; in Node and workerd, import the package by name and it initializes itself");
    },
});
`;

/** Replaces `from` by `to` exactly `count` times in `text`, or throws: the glue changed shape. */
function replaceExactly(text, from, to, count, file) {
  const found = text.split(from).length - 1;
  if (found !== count) {
    throw new Error(`${file}: expected ${count} × ${JSON.stringify(from)}, found ${found} (wasm-bindgen's output changed)`);
  }
  return text.split(from).join(to);
}

/**
 * Makes the glue `${dir}/${name}.js` throw a clear Error when used before `init`/`initSync`,
 * instead of "Cannot read properties of undefined": the module's `wasm` starts as a Proxy that
 * throws on any read, and the init functions test for it instead of `undefined`. Idempotent.
 */
export function guardGlue(dir, name) {
  const file = `${dir}/${name}.js`;
  let js = readFileSync(file, "utf8");
  if (js.includes("wasm = NOT_INITIALIZED;")) return;
  js = replaceExactly(js, "let wasmModule, wasmInstance, wasm;\n", `${NOT_INITIALIZED}let wasmModule, wasmInstance, wasm = NOT_INITIALIZED;\n`, 1, file);
  js = replaceExactly(js, "if (wasm !== undefined) return wasm;", "if (wasm !== NOT_INITIALIZED) return wasm;", 2, file);
  writeFileSync(file, js);
}

/**
 * Cuts wasm-bindgen's init section (`InitInput`, `InitOutput`, `initSync`, `init`) out of
 * `${dir}/${name}.d.ts`: it names DOM types (`RequestInfo`, `BufferSource`) that a Node or
 * worker project does not have, and the wasm's raw exports. The entry's .d.ts declares them.
 * Idempotent.
 */
export function trimGlueTypes(dir, name) {
  const file = `${dir}/${name}.d.ts`;
  const dts = readFileSync(file, "utf8");
  if (!dts.includes("__wbg_init")) return;
  const cut = dts.indexOf("\nexport type InitInput =");
  if (cut < 0 || !dts.includes("export default function __wbg_init", cut)) {
    throw new Error(`${file}: wasm-bindgen's init section not found (its output changed)`);
  }
  writeFileSync(file, dts.slice(0, cut).trimEnd() + "\n");
}

/** The declarations of the wasm file imported by name (ES module and CommonJS). */
export function writeWasmTypes(dir, name, entry) {
  const types = (kind) => `// The wasm file imported by name: a compiled module in workerd and wrangler (\`CompiledWasm\`),
// its URL with a bundler's file or asset loader (esbuild \`--loader:.wasm=file\`, Rollup's url plugin).
// Either one can be given to \`init({ module_or_path })\`.
import type { WasmModule } from "./${entry}.js"${kind === "cjs" ? ' with { "resolution-mode": "import" }' : ""};

declare const wasm: WasmModule | string;
${kind === "cjs" ? "export = wasm;" : "export default wasm;"}
`;
  writeFileSync(`${dir}/${name}_bg.wasm.d.ts`, types("esm"));
  writeFileSync(`${dir}/${name}_bg.wasm.d.cts`, types("cjs"));
}
