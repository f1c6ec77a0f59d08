// What every entry of the package builds over its wasm-bindgen module: initialization and
// `analyzeMessage` on its keystroke path.
//
// `analyzeMessage` asks wasm for the analysis as numbers in wasm memory (`__analyzePacked`) and
// builds the answer object here, which costs a fraction of setting its properties from wasm. The
// layout of those numbers comes from wasm (`__analysisTables().layout`). Options go on this path
// only when each is a plain value whose meaning needs no reading (a boolean, 0 or 1, a range of
// 1 or 2, or nothing); anything else (`"02"`, a hostile object) goes to the wasm-built answer,
// which reads it as every other export does and is identical.


/** A flag whose meaning needs no reading, as a bit; `-1` for anything else. */
function plainFlag(value, bit) {
  if (value === undefined || value === null || value === false || value === 0) return 0;
  return value === true || value === 1 ? bit : -1;
}

/** The options as bits when each is plain; `-1` otherwise. Throws on hostile objects. */
function optionBits(options, layout) {
  if (options === undefined || options === null) return 0;
  if (typeof options !== "object") return -1;
  const { gamme } = options;
  const range = gamme === undefined || gamme === null || gamme === 1 ? 0 : gamme === 2 ? layout.lowCostBit : -1;
  const unicode = plainFlag(options.isUnicode, layout.unicodeBit);
  const stop = plainFlag(options.isStopSms, layout.stopSmsBit);
  return range < 0 || unicode < 0 || stop < 0 ? -1 : range | unicode | stop;
}

/**
 * The functions an entry of the package defines over its wasm-bindgen module `glue`:
 * `init` and `initSync` (which call `ready()` once the module is instantiated) and
 * `analyzeMessage` on the keystroke path.
 */
export function entryOver(glue, ready = () => {}) {
  let exports = null;
  let words = null;
  let tables = null;
  let names = null;

  const started = (instance) => {
    exports = instance;
    ready();
    return instance;
  };

  /** Length, encoding, SMS count, replacements and preview of a message. Never throws. */
  function analyzeMessage(message, options) {
    if (exports === null) return glue.analyzeMessage(message, options);
    if (tables === null) {
      tables = glue.__analysisTables();
      names = new Map(tables.names);
    }
    const layout = tables.layout;
    let bits;
    try {
      bits = optionBits(options, layout);
    } catch {
      bits = -1;
    }
    if (bits < 0) return glue.analyzeMessage(message, options);
    let text = typeof message === "string" ? message : "";
    const at = glue.__analyzePacked(text, bits) >>> 2;
    if (at === 0) return glue.analyzeMessage(message, options);
    if (words === null || words.buffer !== exports.memory.buffer) words = new Uint32Array(exports.memory.buffer);
    const w = words;
    const flags = w[at + layout.flags];
    // Lone surrogates reached wasm as U+FFFD: the preview shows them so, like the core's.
    if (flags & layout.hasReplacementCharacter && typeof text.toWellFormed === "function") text = text.toWellFormed();
    const replacements = [];
    const unsupported = [];
    let preview = "";
    let from = 0;
    const step = layout.editWords;
    for (let e = at + layout.headerWords, end = e + step * w[at + layout.editCount]; e < end; e += step) {
      const index = w[e + layout.editIndex];
      const kind = w[e + layout.editKind];
      const char = w[e + layout.editChar];
      let shown;
      if (kind === layout.unsupported) {
        shown = tables.unsupportedShownAs;
        const codePoint = `U+${char.toString(16).toUpperCase().padStart(4, "0")}`;
        unsupported.push({ index, char: String.fromCodePoint(char), codePoint, name: names.get(char) ?? null });
      } else if (kind === layout.lineBreak) {
        shown = tables.lineBreakShownAs;
      } else if (kind === layout.euro) {
        shown = tables.euroShownAs;
      } else {
        shown = tables.sentAs[kind - layout.firstSentAs];
        replacements.push({ index, char: String.fromCodePoint(char), replacement: shown });
      }
      preview += text.slice(from, index) + shown;
      from = index + w[e + layout.editUnits];
    }
    preview = from === 0 ? text : preview + text.slice(from);
    if (flags & layout.stopMentionAppended) preview += tables.stopMention;
    return {
      encoding: w[at + layout.encoding] === layout.ucs2 ? "UCS-2" : "GSM-7",
      characters: w[at + layout.characters],
      smsCount: w[at + layout.smsCount],
      perSms: w[at + layout.perSms],
      remaining: w[at + layout.remaining],
      replacements,
      unsupported,
      stopMention: flags & layout.stopMentionApplies ? tables.stopMention : null,
      preview,
    };
  }

  return {
    /** Instantiates the module synchronously (see wasm-bindgen's `initSync`). */
    initSync: (module) => started(glue.initSync(module)),
    /** Instantiates the module (see wasm-bindgen's `init`). */
    init: async (module) => started(await glue.default(module)),
    analyzeMessage,
  };
}
