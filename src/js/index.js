// The package's entry point: wasm-bindgen's module, with `analyzeMessage` on its keystroke path.
//
// `analyzeMessage` asks wasm for the analysis as numbers in wasm memory (`__analyzePacked`) and
// builds the answer object here, which costs a fraction of setting its properties from wasm.
// Whatever it cannot read plainly (options that are not a plain object of plain values, a module
// initialized through the inner file) goes to the wasm-built answer, which is identical.
import * as glue from "./smspartner_wasm.js";

export * from "./smspartner_wasm.js";

let exports = null;
let words = null;
let tables = null;

/** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
export function initSync(module) {
  exports = glue.initSync(module);
  return exports;
}

/** Instantiates the module (see wasm-bindgen's `init`). */
export default async function init(module) {
  exports = await glue.default(module);
  return exports;
}

/** A flag as the core reads it: `true`, or the whole number 1 as a number or digits. */
function on(value) {
  if (value === true || value === 1) return true;
  return typeof value === "string" && value.length <= 15 && /^[0-9]+$/.test(value) && Number(value) === 1;
}

/** The options as bits: 1 isUnicode, 2 isStopSms, 4 low cost. Throws on hostile objects. */
function optionBits(options) {
  if (options === null || typeof options !== "object") return 0;
  const gamme = options.gamme;
  return (on(options.isUnicode) ? 1 : 0) | (on(options.isStopSms) ? 2 : 0) | (gamme === 2 || gamme === "2" ? 4 : 0);
}

/** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
export function analyzeMessage(message, options) {
  if (exports === null) return glue.analyzeMessage(message, options);
  let bits;
  try {
    bits = optionBits(options);
  } catch {
    return glue.analyzeMessage(message, options);
  }
  let text = typeof message === "string" ? message : "";
  const at = glue.__analyzePacked(text, bits) >>> 2;
  if (at === 0) return glue.analyzeMessage(message, options);
  if (words === null || words.buffer !== exports.memory.buffer) words = new Uint32Array(exports.memory.buffer);
  if (tables === null) tables = glue.__analysisTables();
  const w = words;
  const flags = w[at + 5];
  // Lone surrogates reached wasm as U+FFFD: the preview shows them so, like the core's.
  if (flags & 4 && typeof text.toWellFormed === "function") text = text.toWellFormed();
  const replacements = [];
  const unsupported = [];
  let preview = "";
  let from = 0;
  for (let e = at + 7, end = e + 4 * w[at + 6]; e < end; e += 4) {
    const index = w[e];
    const kind = w[e + 3];
    let shown;
    if (kind === 0) {
      shown = tables.unsupportedShownAs;
      unsupported.push({ index, char: String.fromCodePoint(w[e + 2]) });
    } else if (kind === 1) {
      shown = tables.lineBreakShownAs;
    } else if (kind === 2) {
      shown = tables.euroShownAs;
    } else {
      shown = tables.sentAs[kind - tables.firstSentAs];
      replacements.push({ index, char: String.fromCodePoint(w[e + 2]), replacement: shown });
    }
    preview += text.slice(from, index) + shown;
    from = index + w[e + 1];
  }
  preview = from === 0 ? text : preview + text.slice(from);
  if (flags & 2) preview += tables.stopMention;
  return {
    encoding: w[at] === 1 ? "UCS-2" : "GSM-7",
    characters: w[at + 1],
    smsCount: w[at + 2],
    perSms: w[at + 3],
    remaining: w[at + 4],
    replacements,
    unsupported,
    stopMention: flags & 1 ? tables.stopMention : null,
    preview,
  };
}
