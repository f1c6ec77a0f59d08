// Turns the body of every function that starts a panic into a single `unreachable`, so that
// the release wasm traps at once where it would have trapped after formatting a message that
// wasm32-unknown-unknown has nowhere to print: what nightly's `panic_immediate_abort` does,
// on the stable toolchain. wasm-opt then drops the panic machinery (hook, payloads, `Location`
// and message formatting) that only those bodies reached.
//
// With `panic = "abort"` a panic already ends in `unreachable` (the trap, a `RuntimeError` in
// JavaScript); only the work done before it goes. The functions are found by name in the
// module's `name` section, so this runs before the custom sections are stripped; a module in
// which one of them is missing is an error (a toolchain that renamed them would otherwise
// quietly ship the machinery again).
import { leb } from './wasm-sections.mjs';

/**
 * The panic starters, as the path segments that end their v0-mangled names (`4core9panicking9
 * panic_fmt`) or their demangled names (`core::panicking::panic_fmt`). `required`: every build
 * has it.
 */
const STARTERS = [
  { path: ['core', 'panicking', 'panic_fmt'], required: true },
  { path: ['core', 'panicking', 'panic_bounds_check'] },
  { path: ['core', 'panicking', 'panic'] },
  { path: ['core', 'panicking', 'panic_nounwind'] },
  { path: ['core', 'panicking', 'panic_const'] },
  { path: ['core', 'str', 'slice_error_fail'] },
  { path: ['core', 'str', 'slice_error_fail_rt'] },
  { path: ['core', 'result', 'unwrap_failed'] },
  { path: ['core', 'option', 'unwrap_failed'] },
  { path: ['core', 'option', 'expect_failed'] },
  { path: ['core', 'cell', 'panic_already_borrowed'] },
  { path: ['core', 'cell', 'panic_already_mutably_borrowed'] },
  { path: ['std', 'panicking', 'panic_with_hook'] },
  { path: ['std', 'panicking', 'rust_panic_with_hook'] },
  { path: ['__rustc', 'rust_begin_unwind'], required: true },
];

/**
 * Whether `name` is the function at `path`: v0-mangled (`_R…Cs<crate hash>_4core9panicking9
 * panic_fmt`, the crate root's hash ending in `_`) or demangled (`core[…]::panicking::…`).
 */
function names(name, path) {
  // v0 writes an identifier as its length, then `_` when it starts with `_` or a digit.
  const mangled = path.map((part) => `${part.length}${/^[_0-9]/.test(part) ? '_' : ''}${part}`).join('');
  if (name.startsWith('_R')) return name.endsWith(`_${mangled}`);
  return name.replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '') === path.join('::');
}

/** Function index → name, from the `name` section's function names. */
function functionNames(bytes) {
  const text = new TextDecoder();
  const out = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    if (id === 0) {
      const [length, nameAt] = leb(bytes, body);
      if (text.decode(bytes.subarray(nameAt, nameAt + length)) === 'name') {
        let p = nameAt + length;
        while (p < end) {
          const sub = bytes[p];
          const [subSize, subAt] = leb(bytes, p + 1);
          if (sub === 1) {
            let [count, q] = leb(bytes, subAt);
            while (count-- > 0) {
              const [index, lengthAt] = leb(bytes, q);
              const [nameLength, strAt] = leb(bytes, lengthAt);
              out.set(index, text.decode(bytes.subarray(strAt, strAt + nameLength)));
              q = strAt + nameLength;
            }
          }
          p = subAt + subSize;
        }
      }
    }
    at = end;
  }
  return out;
}

/** How many functions the module imports (they come first in the function index space). */
function importedFunctions(bytes) {
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    if (id === 2) {
      let [count, p] = leb(bytes, body);
      let functions = 0;
      while (count-- > 0) {
        for (let field = 0; field < 2; field++) {
          const [length, strAt] = leb(bytes, p);
          p = strAt + length;
        }
        const kind = bytes[p++];
        if (kind === 0) {
          functions++;
          [, p] = leb(bytes, p);
        } else if (kind === 1) {
          p += 1; // element type
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) {
          p += 2; // value type, mutability
        } else if (kind === 4) {
          p += 1;
          [, p] = leb(bytes, p);
        } else {
          throw new Error(`unknown import kind ${kind}`);
        }
      }
      return functions;
    }
    at = body + size;
  }
  return 0;
}

/** An unsigned LEB128 of `value`. */
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** No locals, `unreachable`, `end`. */
const TRAP_BODY = [0x00, 0x00, 0x0b];

/**
 * `bytes` with the body of every panic starter replaced by `unreachable`; `{ bytes, stubbed }`
 * (`stubbed`: the names). Throws when a required starter is missing.
 */
export function trapPanics(bytes) {
  const byIndex = functionNames(bytes);
  const imported = importedFunctions(bytes);
  const targets = new Map();
  for (const starter of STARTERS) {
    const found = [...byIndex].filter(([index, name]) => index >= imported && names(name, starter.path));
    if (found.length === 0 && starter.required) throw new Error(`no function ${starter.path.join('::')} in the module`);
    for (const [index, name] of found) targets.set(index - imported, name);
  }
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(bytes, at + 1);
    const end = body + size;
    if (id === 10) {
      let [count, p] = leb(bytes, body);
      const head = encodeLeb(count);
      const parts = [];
      for (let i = 0; i < count; i++) {
        const [length, codeAt] = leb(bytes, p);
        if (targets.has(i)) parts.push(Uint8Array.from([...encodeLeb(TRAP_BODY.length), ...TRAP_BODY]));
        else parts.push(bytes.subarray(p, codeAt + length));
        p = codeAt + length;
      }
      const payload = Buffer.concat([Uint8Array.from(head), ...parts]);
      const section = Buffer.concat([Uint8Array.from([10, ...encodeLeb(payload.length)]), payload]);
      return {
        bytes: Buffer.concat([bytes.subarray(0, at), section, bytes.subarray(end)]),
        stubbed: [...targets.values()],
      };
    }
    at = end;
  }
  throw new Error('no code section');
}
