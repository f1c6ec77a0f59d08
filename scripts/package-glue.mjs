// Adapts wasm-bindgen's glue for the package: a clear Error before initialization, imports
// that a page's changes to the built-ins cannot make throw through wasm, and declarations
// without the DOM-only init types (the package's own .d.ts declares `init`).
import { readFileSync, writeFileSync } from "node:fs";

/** The Error every function of the module throws until the wasm is instantiated. */
const NOT_INITIALIZED = `const NOT_INITIALIZED = new Proxy({}, {
    get() {
        throw new Error("smspartner-wasm is not initialized: call \`await init()\` (or \`initSync({ module })\`) first; in Node and workerd, import the package by name and it initializes itself");
    },
});
`;

/** The wasm-bindgen the glue is written by: the version `Cargo.lock` pins, said in every refusal. */
const WASM_BINDGEN = (() => {
  try {
    const lock = readFileSync(new URL("../Cargo.lock", import.meta.url), "utf8");
    return /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1] ?? "of unknown version";
  } catch {
    return "of unknown version";
  }
})();

/** Stops the build: wasm-bindgen's output is not what these patches were written for. */
function changed(file, what) {
  return new Error(`${file}: ${what} (the output of wasm-bindgen ${WASM_BINDGEN} changed: update scripts/package-glue.mjs)`);
}

/** Replaces `from` by `to` exactly `count` times in `text`, or throws: the glue changed shape. */
function replaceExactly(text, from, to, count, file) {
  const found = text.split(from).length - 1;
  if (found !== count) throw changed(file, `expected ${count} × ${JSON.stringify(from)}, found ${found}`);
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
    throw changed(file, "wasm-bindgen's init section not found");
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

/**
 * What the glue's imports use, captured when the module loads: a page that later replaces a
 * built-in (`Array.prototype.push`, `String.prototype.slice`, `Error`) or puts a throwing setter
 * on `Object.prototype` cannot make an import throw through wasm. Answers are built with own
 * data properties (what `JSON.parse` and object literals make), never with `[[Set]]`.
 */
const INTRINSICS = `// The built-ins the imports below use, as they were when this module loaded (scripts/package-glue.mjs).
const INTRINSIC = Object.freeze({
    apply: Reflect.apply,
    defineProperty: Object.defineProperty,
    keys: Object.keys,
    entries: Object.entries,
    isArray: Array.isArray,
    Error,
    TypeError,
    reject: Promise.reject.bind(Promise),
    stringSlice: String.prototype.slice,
    arraySlice: Array.prototype.slice,
    stringConcat: String.prototype.concat,
    arrayConcat: Array.prototype.concat,
    charCodeAt: String.prototype.charCodeAt,
});
/**
 * \`target[key] = value\` as an own data property: no setter of a prototype runs. A plain
 * assignment when no prototype has \`key\` (\`in\` on an ordinary object runs no code of the
 * page's), which is as fast; \`defineProperty\` when one has.
 */
function defineOwn(target, key, value) {
    if (key in target) INTRINSIC.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    else target[key] = value;
}
/** \`array.push(value)\` by an own data property. */
function pushOwn(array, value) {
    const at = array.length;
    defineOwn(array, at, value);
    return at + 1;
}
/** \`Object.assign(target, source)\` by own data properties. */
function assignOwn(target, source) {
    const keys = INTRINSIC.keys(source);
    for (let i = 0; i < keys.length; i++) defineOwn(target, keys[i], source[keys[i]]);
    return target;
}
/** A string's or an array's method as it was, for \`value\`. */
function method(value, forString, forArray, args) {
    return INTRINSIC.apply(typeof value === "string" ? forString : forArray, value, args);
}
`;

/**
 * The imports rewritten over INTRINSICS: `[body as wasm-bindgen writes it, body here, required]`.
 * A required one (every build's glue has it) missing from a glue (wasm-bindgen changed its
 * output) stops the build; the others are in some builds only (`TypeError`: with `compose`).
 */
const HARDENED_IMPORTS = [
  ["arg0[arg1] = arg2;", "defineOwn(arg0, arg1, arg2);", true],
  ["arg0[arg1 >>> 0] = arg2;", "defineOwn(arg0, arg1 >>> 0, arg2);", true],
  ["const ret = arg0.push(arg1);", "const ret = pushOwn(arg0, arg1);", true],
  ["const ret = new Object();", "const ret = {};", true],
  ["const ret = new Array();", "const ret = [];", true],
  ["const ret = new TypeError(getStringFromWasm0(arg0, arg1));", "const ret = new INTRINSIC.TypeError(getStringFromWasm0(arg0, arg1));", false],
  ["const ret = new Error(getStringFromWasm0(arg0, arg1));", "const ret = new INTRINSIC.Error(getStringFromWasm0(arg0, arg1));", false],
  ["const ret = Error(getStringFromWasm0(arg0, arg1));", "const ret = INTRINSIC.Error(getStringFromWasm0(arg0, arg1));", false],
  ["const ret = Object.assign(arg0, arg1);", "const ret = assignOwn(arg0, arg1);", false],
  ["const ret = Object.entries(arg0);", "const ret = INTRINSIC.entries(arg0);", false],
  ["const ret = Array.isArray(arg0);", "const ret = INTRINSIC.isArray(arg0);", false],
  ["const ret = Array.of(arg0, arg1);", "const ret = [arg0, arg1];", false],
  ["const ret = arg0.charCodeAt(arg1 >>> 0);", "const ret = INTRINSIC.apply(INTRINSIC.charCodeAt, arg0, [arg1 >>> 0]);", false],
  ["const ret = arg0.concat(arg1);", "const ret = method(arg0, INTRINSIC.stringConcat, INTRINSIC.arrayConcat, [arg1]);", false],
  ["const ret = arg0.slice(arg1 >>> 0, arg2 >>> 0);", "const ret = method(arg0, INTRINSIC.stringSlice, INTRINSIC.arraySlice, [arg1 >>> 0, arg2 >>> 0]);", false],
  // A fetch that throws at once (a page's replacement) fails as a fetch fails: a rejection.
  ["const ret = fetch(arg0);", "let ret;\n            try { ret = fetch(arg0); } catch (error) { ret = INTRINSIC.reject(error); }", false],
];

/**
 * Rewrites the imports of the glue `${dir}/${name}.js` that build answers and errors or call a
 * global, over the built-ins captured when it loads (INTRINSICS, HARDENED_IMPORTS). Idempotent.
 */
export function hardenGlue(dir, name) {
  const file = `${dir}/${name}.js`;
  let js = readFileSync(file, "utf8");
  if (js.includes("const INTRINSIC = Object.freeze(")) return;
  js = replaceExactly(js, "let wasmModule, wasmInstance, wasm", `${INTRINSICS}let wasmModule, wasmInstance, wasm`, 1, file);
  for (const [from, to, required] of HARDENED_IMPORTS) {
    const found = js.split(from).length - 1;
    if (found === 0 && !required) continue;
    js = replaceExactly(js, from, to, 1, file);
  }
  assertNothingLeftUnhardened(js, file);
  writeFileSync(file, js);
}

/**
 * A built-in call the imports would make unhardened: what each patch of HARDENED_IMPORTS
 * replaces, in any spelling wasm-bindgen may come to write it in. A patch that no longer
 * matches (and so was skipped as absent from this build) leaves one of these behind.
 */
const UNHARDENED = [
  /(?<![\w.])Object\.(?:assign|entries)\(/,
  /(?<![\w.])Array\.(?:isArray|of)\(/,
  /\barg\d+\.(?:push|concat|slice|charCodeAt)\(/,
  /(?<![\w.])new (?:Object|Array)\(\)/,
  /(?<![\w.])(?:new )?(?:Type)?Error\(getStringFromWasm0/,
  /(?<![\w.])fetch\(/,
  /\barg\d+\[[^\]]+\] = /,
];

/**
 * Stops the build when the imports of the glue still hold a built-in call that a page could
 * replace (UNHARDENED), once the patches' own bodies and wasm-bindgen's throw are set aside.
 */
function assertNothingLeftUnhardened(js, file) {
  const start = js.indexOf("function __wbg_get_imports()");
  const end = js.indexOf("\nfunction ", start + 1);
  if (start < 0 || end < 0) throw changed(file, "the imports function __wbg_get_imports was not found");
  let imports = js.slice(start, end);
  for (const [, to] of HARDENED_IMPORTS) imports = imports.split(to).join("");
  // wasm-bindgen's own throw (throw_str): an Error made to be thrown, not an answer.
  imports = imports.split("throw new Error(getStringFromWasm0(arg0, arg1));").join("");
  for (const pattern of UNHARDENED) {
    const found = pattern.exec(imports);
    if (found !== null) {
      const line = imports.slice(imports.lastIndexOf("\n", found.index) + 1, imports.indexOf("\n", found.index)).trim();
      throw changed(file, `an import still calls a built-in a page could replace: ${line}`);
    }
  }
}
