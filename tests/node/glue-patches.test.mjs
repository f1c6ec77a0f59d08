// The build's edits of wasm-bindgen's glue fail loudly: an import that a patch no longer
// matches (wasm-bindgen writing it another way) stops the build with a message naming
// wasm-bindgen's version, instead of shipping a built-in call a page could replace.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { hardenGlue } from "../../scripts/package-glue.mjs";

/** A glue of the shape wasm-bindgen writes, with the imports every build has and `extra`. */
const glue = (extra) => `let wasmModule, wasmInstance, wasm;
function __wbg_get_imports() {
    const import0 = {
        __wbg_set_1: function(arg0, arg1, arg2) {
            arg0[arg1] = arg2;
        },
        __wbg_set_2: function(arg0, arg1, arg2) {
            arg0[arg1 >>> 0] = arg2;
        },
        __wbg_push_3: function(arg0, arg1) {
            const ret = arg0.push(arg1);
            return ret;
        },
        __wbg_new_4: function() {
            const ret = new Object();
            return ret;
        },
        __wbg_new_5: function() {
            const ret = new Array();
            return ret;
        },
        __wbg_throw_6: function(arg0, arg1) {
            throw new Error(getStringFromWasm0(arg0, arg1));
        },${extra}
    };
    return { "./smspartner_wasm_bg.js": import0 };
}
function getStringFromWasm0(ptr, len) { return ""; }
`;

function harden(text) {
  const dir = mkdtempSync(join(tmpdir(), "glue-"));
  try {
    writeFileSync(join(dir, "g.js"), text);
    hardenGlue(dir, "g");
    return readFileSync(join(dir, "g.js"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a glue as wasm-bindgen writes it is hardened", () => {
  const out = harden(glue(`
        __wbg_entries_7: function(arg0) {
            const ret = Object.entries(arg0);
            return ret;
        },`));
  assert.match(out, /defineOwn\(arg0, arg1, arg2\)/);
  assert.match(out, /INTRINSIC\.entries\(arg0\)/);
  assert.doesNotMatch(out, /Object\.entries\(arg0\)/);
});

test("an import written another way stops the build, naming wasm-bindgen's version", () => {
  const lock = readFileSync(new URL("../../Cargo.lock", import.meta.url), "utf8");
  const version = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)[1];
  for (const drifted of [
    "const ret = Object.entries(arg0)", // no semicolon: the patch does not match
    "return Array.isArray(arg0);",
    "const ret = arg1.slice(arg0 >>> 0);",
    "const ret = new TypeError(getStringFromWasm0(arg0, arg1)), x = 1;",
    "const ret = fetch(arg0, arg1);",
  ]) {
    const text = glue(`
        __wbg_drifted_7: function(arg0, arg1) {
            ${drifted}
            return ret;
        },`);
    assert.throws(() => harden(text), (error) => {
      assert.match(error.message, new RegExp(`wasm-bindgen ${version.replaceAll(".", "\\.")} changed`));
      assert.match(error.message, /an import still calls a built-in/);
      return true;
    }, drifted);
  }
});

test("a required patch missing stops the build too", () => {
  assert.throws(() => harden(glue("").replace("const ret = new Array();", "const ret = [];")), /expected 1 × .*new Array\(\).*wasm-bindgen \S+ changed/);
});
