// Keeps JavaScript exceptions out of wasm frames at the package's doors.
//
// An exception that unwinds through wasm skips the Rust code that would have restored the
// shadow stack, released a borrow or freed memory: enough of them and every later call traps.
// Foreign values are read inside wasm through catching helpers (src/bindings/convert.rs); what
// is left is caught here, before wasm is entered:
// - a call made with the JavaScript stack nearly exhausted: `roomToRun()` first takes as much
//   stack as the deepest call into wasm needs, many times over, and the engine's RangeError
//   then comes from here, with wasm untouched;
// - a method of a freed (or never built) `SmsPartnerClient`: wasm-bindgen's glue would throw
//   from inside wasm; here a promise-returning method rejects with an `SmsPartnerError` and a
//   getter throws it.

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
function guarded(fn) {
  return function (...args) {
    roomToRun();
    return apply(fn, undefined, args);
  };
}

/**
 * The exports of a wasm-bindgen module `glue` with every function behind `roomToRun()` and its
 * `SmsPartnerClient` (when it has one) guarded; initialization as it is. What an entry exports
 * and builds its keystroke path over (analysis.js).
 */
export function guardOver(glue) {
  const doors = {};
  for (const [name, value] of Object.entries(glue)) {
    const plain = typeof value !== "function" || /^[A-Z]/.test(name) || name === "initSync" || name === "default";
    doors[name] = plain ? value : LIGHT.has(name) ? guardedLightly(value) : guarded(value);
  }
  if (typeof glue.SmsPartnerClient === "function") doors.SmsPartnerClient = guardClient(glue);
  return Object.freeze(doors);
}

/** `SmsPartnerClient`: the constructor behind `roomToRun()`, every method and getter guarded. */
function guardClient(glue) {
  const Client = glue.SmsPartnerClient;
  const freedError = guarded(glue.__freedClientError);
  /** Whether `target` is a client whose Rust side is still there. */
  const alive = (target) => {
    try {
      return target instanceof Client && typeof target.__wbg_ptr === "number" && target.__wbg_ptr !== 0;
    } catch {
      return false;
    }
  };
  // Every method and getter of the glue's class (those added later too), patched in place so
  // that instances made by the glue itself are guarded as well. Methods answer promises: a dead
  // client rejects. `free` (and `Symbol.dispose`) on a freed client does nothing, as in the glue.
  const proto = Client.prototype;
  const free = proto.free;
  for (const name of Reflect.ownKeys(proto)) {
    if (name === "constructor" || name === "__destroy_into_raw") continue;
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof descriptor.get === "function") {
      const get = descriptor.get;
      descriptor.get = function () {
        if (!alive(this)) throw freedError();
        roomToRun();
        return apply(get, this, []);
      };
    } else if (typeof descriptor.value === "function" && descriptor.value === free) {
      descriptor.value = function () {
        roomToRun();
        if (alive(this)) apply(free, this, []);
      };
    } else if (typeof descriptor.value === "function") {
      const method = descriptor.value;
      descriptor.value = function (...args) {
        try {
          if (!alive(this)) return Promise.reject(freedError());
          roomToRun();
          return apply(method, this, args);
        } catch (error) {
          return Promise.reject(error);
        }
      };
    } else {
      continue;
    }
    Object.defineProperty(proto, name, descriptor);
  }
  return class SmsPartnerClient extends Client {
    constructor(options) {
      roomToRun();
      super(options);
    }
  };
}
