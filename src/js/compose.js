// The package's `./compose` entry, for pages: analysis, splitting, smart encoding, phone
// numbers, validation and schedule over a wasm built without the client (it never sends).
import * as glue from "./smspartner_compose.js";
import { entryOver } from "./analysis.js";
import { guardOver } from "./guard.js";

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
} = doors;

const entry = entryOver(doors);

/** Instantiates the module (see wasm-bindgen's `init`). */
export default entry.init;
/** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
export const initSync = entry.initSync;
/** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
export const analyzeMessage = entry.analyzeMessage;
