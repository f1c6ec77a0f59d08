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
import * as glue from "./smspartner_wasm.js";

/** Stack a call into wasm may need, in 8-byte slots: 8 KiB, four times the deepest measured. */
const ROOM = new Array(1024).fill(0);
const noop = () => 0;
const apply = Reflect.apply;

/** Throws the engine's RangeError when less stack is left than a call into wasm may take. */
export function roomToRun() {
  apply(noop, undefined, ROOM);
}

/** `fn` behind `roomToRun()`. */
function guarded(fn) {
  return function (a, b) {
    roomToRun();
    return fn(a, b);
  };
}

export const __analysisTables = guarded(glue.__analysisTables);
export const analyzeMessage = guarded(glue.analyzeMessage);
export const splitMessage = guarded(glue.splitMessage);
export const splitMessageParts = guarded(glue.splitMessageParts);
export const normalizeMessage = guarded(glue.normalizeMessage);
export const splitPhoneList = guarded(glue.splitPhoneList);
export const parsePhoneNumbers = guarded(glue.parsePhoneNumbers);
export const smsPartnerCode = guarded(glue.smsPartnerCode);
export const parseReplyWebhook = guarded(glue.parseReplyWebhook);
export const validateSendRequest = guarded(glue.validateSendRequest);
export const effectiveSendTime = guarded(glue.effectiveSendTime);
export const isFrenchPublicHoliday = guarded(glue.isFrenchPublicHoliday);
export const frenchPublicHoliday = guarded(glue.frenchPublicHoliday);
export const redactApiKey = guarded(glue.redactApiKey);

/** Whether `target` is a client whose Rust side is still there. */
function alive(target) {
  try {
    return target instanceof glue.SmsPartnerClient && typeof target.__wbg_ptr === "number" && target.__wbg_ptr !== 0;
  } catch {
    return false;
  }
}

const freedError = guarded(glue.__freedClientError);

/** `SmsPartnerClient`: the constructor behind `roomToRun()`; methods and getters guarded below. */
export class SmsPartnerClient extends glue.SmsPartnerClient {
  constructor(options) {
    roomToRun();
    super(options);
  }
}

// Every method and getter of the glue's class (those added later too), patched in place so that
// instances made by the glue itself are guarded as well. Methods answer promises: a dead client
// rejects. `free` (and `Symbol.dispose`) on a freed client does nothing, as in the glue.
const proto = glue.SmsPartnerClient.prototype;
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
  } else if (typeof descriptor.value === "function") {
    const method = descriptor.value;
    if (method === free) {
      descriptor.value = function () {
        roomToRun();
        if (alive(this)) apply(method, this, []);
      };
    } else {
      descriptor.value = function (...args) {
        try {
          if (!alive(this)) return Promise.reject(freedError());
          roomToRun();
          return apply(method, this, args);
        } catch (error) {
          return Promise.reject(error);
        }
      };
    }
  } else {
    continue;
  }
  Object.defineProperty(proto, name, descriptor);
}
