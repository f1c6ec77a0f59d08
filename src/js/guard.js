// Keeps JavaScript exceptions out of wasm frames at the package's doors.
//
// An exception that unwinds through wasm skips the Rust code that would have restored the
// shadow stack, released a borrow or freed memory: enough of them and every later call traps.
// Foreign values are read inside wasm through catching helpers (src/bindings/convert.rs); what
// is left is caught before wasm is entered: a call made with the JavaScript stack nearly
// exhausted. `roomToRun()` first takes as much stack as the deepest call into wasm needs, many
// times over, and the engine's RangeError then comes from here, with wasm untouched. The
// client's methods are guarded by ./client-guard.js.

/** Stack a call into wasm may need, in 8-byte slots: 8 KiB, four times the deepest measured. */
const ROOM = new Array(1024).fill(0);
/**
 * Stack the call of `analyzeMessage`'s keystroke path (LIGHT, which never allocates: analysis.js
 * grows its buffers first through `__analysisInput`) may need: 3.5 KiB, four times the deepest
 * measured (112 slots in Node 20, under Liftoff and TurboFan alike; 152 for a call that would
 * grow them). The probe costs about 0.3 ns a slot: 0.13 µs here, 0.33 µs with ROOM.
 */
const ANALYSIS_ROOM = new Array(448).fill(0);
const LIGHT = new Set(["__analyzeInput"]);
const noop = () => 0;
const apply = Reflect.apply;

/** Throws the engine's RangeError when less stack is left than a call into wasm may take. */
export function roomToRun() {
  apply(noop, undefined, ROOM);
}

/** `fn` (of two arguments at most) behind the probe of `analyzeMessage`'s keystroke path. */
function guardedLightly(fn) {
  return (a, b) => {
    apply(noop, undefined, ANALYSIS_ROOM);
    return fn(a, b);
  };
}

/** `fn` behind `roomToRun()`. */
export function guarded(fn) {
  return function (...args) {
    roomToRun();
    return apply(fn, undefined, args);
  };
}

/**
 * The exports of a wasm-bindgen module `glue` with every function behind `roomToRun()`; classes
 * (`SmsPartnerClient`, guarded by ./client-guard.js) and initialization as they are. What an
 * entry exports and builds its keystroke path over (analysis.js).
 */
export function guardOver(glue) {
  const doors = {};
  for (const [name, value] of Object.entries(glue)) {
    const plain = typeof value !== "function" || /^[A-Z]/.test(name) || name === "initSync" || name === "default";
    doors[name] = plain ? value : LIGHT.has(name) ? guardedLightly(value) : guarded(value);
  }
  return Object.freeze(doors);
}
