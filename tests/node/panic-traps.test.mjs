// The build's panic traps (scripts/wasm-panic-traps.mjs) over the release wasm that
// `scripts/build` linked: every panic starter found by name and made a lone `unreachable`, the
// module still valid, a module without them refused, and what they save still saved.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

import binaryen from "binaryen";

import { trapPanics } from "../../scripts/wasm-panic-traps.mjs";

const linked = ["pkg-build", "pkg-build-compose", "pkg-build-length"]
  .map((dir) => new URL(`../../target/${dir}/wasm32-unknown-unknown/release/smspartner_wasm.wasm`, import.meta.url))
  .filter((url) => existsSync(url));

test("scripts/build has linked the three wasm", () => assert.equal(linked.length, 3));

for (const url of linked) {
  test(`every panic starter of ${url.pathname.split("/target/")[1]} traps at once`, () => {
    const bytes = readFileSync(url);
    const { bytes: trapped, stubbed } = trapPanics(bytes);
    // The ends of their v0-mangled names; the length build has no `&str[a..b]` that can panic.
    const sliced = !url.pathname.includes("pkg-build-length") ? ["16slice_error_fail"] : [];
    for (const name of ["9panicking9panic_fmt", "17rust_begin_unwind", "18panic_bounds_check", ...sliced]) {
      assert.ok(stubbed.some((s) => s.endsWith(name)), `${name} among ${stubbed.join(", ")}`);
    }
    assert.ok(WebAssembly.validate(trapped), "the trapped module is valid");
    assert.ok(trapped.length < bytes.length, "the starters' bodies are gone");
    // Idempotent: the second pass finds the same functions, already a single trap.
    assert.deepEqual(trapPanics(trapped).bytes, trapped);
  });
}

test("a module without panic_fmt is refused, not passed through", () => {
  // The smallest module with a name section and no functions.
  const empty = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, 5, 4, 0x6e, 0x61, 0x6d, 0x65]);
  assert.throws(() => trapPanics(Buffer.from(empty)), /no function core::panicking::panic_fmt/);
});

/** The size of `bytes` once binaryen has optimized it for size (wasm-opt -Oz, as the build does). */
function optimizedSize(bytes) {
  const module = binaryen.readBinary(bytes);
  try {
    binaryen.setOptimizeLevel(2);
    binaryen.setShrinkLevel(2);
    module.optimize();
    return module.emitBinary().length;
  } finally {
    module.dispose();
  }
}

for (const url of linked.filter((u) => !u.pathname.includes("/pkg-build/"))) {
  test(`the traps still save the panic machinery in ${url.pathname.split("/target/")[1]}`, { timeout: 120_000 }, () => {
    // With the starters a lone trap, the optimizer drops the formatting they reached: about a
    // kilobyte a build. Less means a starter was not found or its code is reached another way.
    const bytes = readFileSync(url);
    const saved = optimizedSize(bytes) - optimizedSize(trapPanics(bytes).bytes);
    assert.ok(saved >= 800, `the traps save ${saved} bytes once optimized`);
  });
}
