// The package's `./length` entry, for length checks: analysis, splitting and smart encoding
// over a wasm built with the message functions only (no phone numbers, validation or client).
import * as glue from "./smspartner_length.js";
import { entryOver } from "./analysis.js";
import { guardOver } from "./guard.js";

// Every export of the glue behind the guard that keeps exceptions out of wasm (./guard.js).
const doors = guardOver(glue);
export const { splitMessage, splitMessageParts, normalizeMessage } = doors;

const entry = entryOver(doors);

/** Instantiates the module (see wasm-bindgen's `init`). */
export default entry.init;
/** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
export const initSync = entry.initSync;
/** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
export const analyzeMessage = entry.analyzeMessage;
