// The package's `./compose` entry, for pages: analysis, splitting, smart encoding, phone
// numbers, validation and schedule over a wasm built without the client (it never sends).
import * as glue from "./smspartner_compose.js";
import { entryOver } from "./analysis.js";

export {
  splitMessage,
  splitMessageParts,
  normalizeMessage,
  splitPhoneList,
  parsePhoneNumbers,
  validateSendRequest,
  effectiveSendTime,
  isFrenchPublicHoliday,
  frenchPublicHoliday,
  smsPartnerCode,
} from "./smspartner_compose.js";

const entry = entryOver(glue);

/** Instantiates the module (see wasm-bindgen's `init`). */
export default entry.init;
/** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
export const initSync = entry.initSync;
/** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
export const analyzeMessage = entry.analyzeMessage;
