// Keeps JavaScript exceptions out of wasm frames in `SmsPartnerClient` (the main entry's only):
// a method of a freed (or never built) client would throw from inside wasm in wasm-bindgen's
// glue; here a promise-returning method rejects with an `SmsPartnerError` and a getter throws
// it, and every call first takes its stack room (./guard.js).
import { guarded, roomToRun } from "./guard.js";

const apply = Reflect.apply;

/** `SmsPartnerClient`: the constructor behind `roomToRun()`, every method and getter guarded. */
export function guardClient(glue) {
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
