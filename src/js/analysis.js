// What every entry of the package builds over its wasm-bindgen module: initialization and
// `analyzeMessage` on its keystroke path.
//
// `analyzeMessage` asks wasm for the analysis as numbers in wasm memory and builds the answer
// object here, which costs a fraction of setting its properties from wasm. The message crosses
// as UTF-8 written straight into a buffer of wasm's (`__analysisInput`, then `__analyzeInput`).
// The layout of those numbers comes from wasm (`__analysisTables().layout`). Options go on this
// path only when each is a plain value whose meaning needs no reading (a boolean, 0 or 1, a range
// of 1 or 2, or nothing); anything else (`"02"`, a hostile object), and a message longer than the
// buffer takes (more than twice what SMS Partner accepts), goes to the wasm-built answer,
// which reads it as every other export does and is identical.

/** Writes a message as UTF-8 into wasm memory (lone surrogates as U+FFFD, as wasm-bindgen). */
const encoder = new TextEncoder();

/** A flag whose meaning needs no reading, as a bit; `-1` for anything else. */
function plainFlag(value, bit) {
  if (value === undefined || value === null || value === false || value === 0) return 0;
  return value === true || value === 1 ? bit : -1;
}

/**
 * The functions an entry of the package defines over its wasm-bindgen module `glue`:
 * `init` and `initSync` (which call `ready()` once the module is instantiated) and
 * `analyzeMessage` on the keystroke path.
 */
export function entryOver(glue, ready = () => {}) {
  let exports = null;
  /** The keystroke path, made at the first call once the module is there. */
  let analyzeFast = null;

  const started = (instance) => {
    exports = instance;
    ready();
    return instance;
  };

  /** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
  function analyzeMessage(message, options) {
    if (exports === null) return glue.analyzeMessage(message, options);
    if (analyzeFast === null) analyzeFast = keystrokePath(glue, exports.memory, glue.__analysisTables());
    return analyzeFast(message, options);
  }

  return {
    /** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
    initSync: (module) => started(glue.initSync(module)),
    /** Instantiates the module (see wasm-bindgen's `init`). */
    init: async (module) => started(await glue.default(module)),
    analyzeMessage,
  };
}

/**
 * `analyzeMessage` over the module `glue`, its `memory` and the `tables` wasm gives once: the
 * layout read into constants, the views of wasm memory made again only when it has grown (a
 * view of the old memory then has length 0).
 */
function keystrokePath(glue, memory, tables) {
  const {
    headerWords, encoding, characters, smsCount, perSms, remaining, flags: flagsAt, editCount,
    editWords, editIndex, editUnits, editChar, editKind, ucs2, stopMentionApplies,
    stopMentionAppended, hasReplacementCharacter, editsCut, unsupported: unsupportedKind,
    lineBreak, euro, firstSentAs, unicodeBit, stopSmsBit, lowCostBit, inputUnits, inputBytes,
  } = tables.layout;
  const { sentAs, stopMention, unsupportedShownAs, lineBreakShownAs, euroShownAs } = tables;
  const names = new Map(tables.names);
  /** A view of the buffer a message is written into as UTF-8 (`__analysisInput`). */
  let input = new Uint8Array(0);
  /** The longest message wasm's buffers take without growing (`__analysisInput`). */
  let room = 0;
  let words = new Uint32Array(0);

  /** The options as bits when each is plain; `-1` otherwise. Throws on hostile objects. */
  function optionBits(options) {
    if (options === undefined || options === null) return 0;
    if (typeof options !== "object") return -1;
    const { gamme } = options;
    const range = gamme === undefined || gamme === null || gamme === 1 ? 0 : gamme === 2 ? lowCostBit : -1;
    const unicode = plainFlag(options.isUnicode, unicodeBit);
    const stop = plainFlag(options.isStopSms, stopSmsBit);
    return range < 0 || unicode < 0 || stop < 0 ? -1 : range | unicode | stop;
  }

  /**
   * The address of the packed analysis of `text` written as UTF-8 into wasm's input buffer
   * (no allocation, no copy but the encoding's; the buffers are grown first, behind the full
   * probe, when `text` may not fit them); 0 if the buffer cannot be had.
   */
  function packedFromInput(text, bits) {
    if (input.length === 0 || text.length > room) {
      const address = glue.__analysisInput(inputBytes, text.length);
      if (address === 0) return 0;
      input = new Uint8Array(memory.buffer, address, inputBytes);
      room = Math.max(room, text.length);
    }
    return glue.__analyzeInput(encoder.encodeInto(text, input).written, bits);
  }

  /**
   * The answer from the packed analysis at word `at` of wasm memory, for `message`; `null` when
   * the wasm-built answer must be asked instead. Throws if the page has replaced a built-in
   * it uses (`Array.prototype.push`, `String.prototype.slice`…): nothing of wasm's is on the
   * stack then, and the caller asks the wasm-built answer, whose glue does not use them.
   */
  function fromPacked(at, message) {
    let text = message;
    if (words.length === 0) words = new Uint32Array(memory.buffer);
    const w = words;
    const flags = w[at + flagsAt];
    // More edits than the lists take: the wasm-built answer caps them and writes the preview.
    if (flags & editsCut) return null;
    // Lone surrogates reached wasm as U+FFFD: the preview shows them so, like the core's.
    if (flags & hasReplacementCharacter && typeof text.toWellFormed === "function") text = text.toWellFormed();
    const replacements = [];
    const unsupported = [];
    let preview = "";
    let from = 0;
    for (let e = at + headerWords, end = e + editWords * w[at + editCount]; e < end; e += editWords) {
      const index = w[e + editIndex];
      const kind = w[e + editKind];
      const char = w[e + editChar];
      let shown;
      if (kind === unsupportedKind) {
        shown = unsupportedShownAs;
        const codePoint = `U+${char.toString(16).toUpperCase().padStart(4, "0")}`;
        unsupported.push({ index, char: String.fromCodePoint(char), codePoint, name: names.get(char) ?? null });
      } else if (kind === lineBreak) {
        shown = lineBreakShownAs;
      } else if (kind === euro) {
        shown = euroShownAs;
      } else {
        shown = sentAs[kind - firstSentAs];
        replacements.push({ index, char: char < 0x10000 ? String.fromCharCode(char) : String.fromCodePoint(char), replacement: shown });
      }
      preview += text.slice(from, index) + shown;
      from = index + w[e + editUnits];
    }
    preview = from === 0 ? text : preview + text.slice(from);
    if (flags & stopMentionAppended) preview += stopMention;
    return {
      encoding: w[at + encoding] === ucs2 ? "UCS-2" : "GSM-7",
      characters: w[at + characters],
      smsCount: w[at + smsCount],
      perSms: w[at + perSms],
      remaining: w[at + remaining],
      replacements,
      unsupported,
      truncated: false,
      stopMention: flags & stopMentionApplies ? stopMention : null,
      preview,
    };
  }

  return function analyzeMessage(message, options) {
    let bits;
    try {
      bits = optionBits(options);
    } catch {
      bits = -1;
    }
    if (bits < 0) return glue.analyzeMessage(message, options);
    const text = typeof message === "string" ? message : "";
    let answer = null;
    try {
      const at = text.length <= inputUnits ? packedFromInput(text, bits) >>> 2 : 0;
      if (at !== 0) answer = fromPacked(at, text);
    } catch {
      // A built-in replaced by the page (or the stack guard's RangeError, which the
      // wasm-built answer then meets again): nothing of wasm's was on the stack.
    }
    return answer ?? glue.analyzeMessage(message, options);
  };
}
