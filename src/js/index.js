// The package's entry point: wasm-bindgen's module with the client, `analyzeMessage` on its
// keystroke path (analysis.js) and `SmsPartnerError` as a class.
import * as glue from "./smspartner_wasm.js";
import { entryOver } from "./analysis.js";
import { guardOver } from "./guard.js";
import { guardClient } from "./client-guard.js";

// Every export of the glue behind the guard that keeps exceptions out of wasm (./guard.js).
const doors = guardOver(glue);
export const {
  splitMessage,
  splitMessageParts,
  normalizeMessage,
  splitPhoneList,
  parsePhoneNumbers,
  validateSendRequest,
  defaultAllowedRegions,
  smsPartnerLimits,
  renderTemplate,
  effectiveSendTime,
  cancelDeadline,
  isFrenchPublicHoliday,
  frenchPublicHoliday,
  smsPartnerCode,
  parseReplyWebhook,
  parseDeliveryReport,
  redactApiKey,
} = doors;

/** A client of the SMS Partner API, its methods guarded (./client-guard.js). */
export const SmsPartnerClient = guardClient(glue);

/**
 * What a send rejects with, and a client's construction throws: `kind`, `status`, `code`,
 * `reason`, `field`, `errors`, `mayHaveBeenSent` (and any other field the module gives).
 */
export class SmsPartnerError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = "SmsPartnerError";
    const defaults = { kind: undefined, status: null, code: null, reason: null, field: null, errors: [], mayHaveBeenSent: false };
    Object.assign(this, defaults, fields);
  }
}

const entry = entryOver(doors, () => glue.__useErrorClass(SmsPartnerError));

/** Instantiates the module (see wasm-bindgen's `init`). */
export default entry.init;
/** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
export const initSync = entry.initSync;
/** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
export const analyzeMessage = entry.analyzeMessage;
