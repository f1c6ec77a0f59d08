// Counts the SMS that SMS Partner bills for one message: the reference oracle of the stand-in.
//
// Sources:
// - GSM 03.38 (3GPP TS 23.038 §6.2.1): the 7-bit default alphabet (one septet per character) and
//   its extension table (escape + character: two septets).
// - SMS Partner, "Liste des caractères remplacés" (docs envoyer-des-sms/envois_smsp4): in GSM mode
//   the text is replaced first, then counted.
// - SMS Partner's current pages: `:euro:` is the tag for `€`, billed as the `€` it stands for.
// - SMS Partner, "Envoi unitaire": 160 characters per SMS, then one SMS per 153; 70 in Unicode
//   mode; the `:br:` tag counts two characters; `isStopSms` appends the STOP mention (premium only).
// - 3GPP TS 23.040 §9.2.3.24.1 (concatenation header): 153 septets / 67 UCS-2 units per part, and
//   handsets never split an escape pair or a surrogate pair across two parts.

/** Text appended for `isStopSms` in the premium range (undocumented text: the French opt-out
 * shortcode 36180 with the usual wording, after one separating space). */
export const STOP_MENTION = ' STOP au 36180';

/** The line break tag of SMS Partner; it counts two characters. */
export const BR_TAG = ':br:';

/** SMS Partner's tag for `€` (its current pages: "€ symbol → :euro:"). */
export const EURO_TAG = ':euro:';

/** Billed length of `:euro:`: what `€` costs, 2 septets (escape + code) or 1 UTF-16 unit. */
const EURO_WEIGHT = Object.freeze({ gsm: 2, unicode: 1 });

/** Billed length of `:br:`. Undocumented beyond "counts two characters": we read it as CR LF and
 * keep it as one unit that is never split across two SMS, like an escape pair. */
const BR_WEIGHT = 2;

/** SMS capacities: [single SMS, each part of a multipart SMS]. */
export const GSM_LIMITS = Object.freeze({ single: 160, part: 153 });
export const UCS2_LIMITS = Object.freeze({ single: 70, part: 67 });

// GSM 03.38 default alphabet, in code order 0x00..0x7F, without 0x1B (escape): one septet each.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

// GSM 03.38 extension table: two septets each. SMS Partner replaces or removes every one of them
// except these two (see REPLACED below), so only `€` and the form feed still cost 2.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

// SMS Partner's replacement table (GSM mode only). Quote rows read as intended: typographic
// quotes become ASCII ones (the published table is garbled there; the count is 1 under any reading).
const REPLACED = new Map([
  ...[...'ÄÀÁÂÃ'].map((c) => [c, 'A']),
  ...[...'äáâã'].map((c) => [c, 'a']),
  ['ą', 'à'],
  ...[...'ÈÊË'].map((c) => [c, 'E']),
  ...[...'ëê'].map((c) => [c, 'e']),
  ['Î', 'I'],
  ...[...'ïî'].map((c) => [c, 'i']),
  ...[...'ÖÔ'].map((c) => [c, 'O']),
  ...[...'ôöó'].map((c) => [c, 'o']),
  ...[...'ÜÙÚÛ'].map((c) => [c, 'U']),
  ...[...'ûüµ'].map((c) => [c, 'u']),
  ['Ý', 'Y'],
  ['ÿ', 'y'],
  ['Ñ', 'N'],
  ['ñ', 'n'],
  ['ç', 'Ç'],
  ['œ', 'oe'],
  ...[...'[{'].map((c) => [c, '(']),
  ...[...']}'].map((c) => [c, ')']),
  ['°', '.'],
  ...[...'^~|\\¨§'].map((c) => [c, '']),
  ...[...'’‘`'].map((c) => [c, "'"]),
  ...[...'“”«»'].map((c) => [c, '"']),
]);

/** Septets of one code point in GSM mode, after SMS Partner's replacements. */
export function gsmWeight(char) {
  const replacement = REPLACED.get(char);
  if (replacement !== undefined) return replacement.length; // every replacement is basic GSM
  if (GSM_BASIC.has(char)) return 1;
  if (GSM_EXTENSION.has(char)) return 2;
  // Undocumented: a character outside GSM and outside the table (emoji, Cyrillic…). We bill it
  // as one septet, as if sent as `?`, the usual gateway substitute; the client flags it.
  return 1;
}

/** True when a code point travels in GSM mode (as itself or through the replacement table). */
export function isGsmSupported(char) {
  return REPLACED.has(char) || GSM_BASIC.has(char) || GSM_EXTENSION.has(char);
}

/**
 * Cuts a message into billing units: `:br:` tags and code points (a lone surrogate is a unit of
 * its own). Each unit carries its weight: septets in GSM mode, UTF-16 code units in Unicode mode.
 */
export function units(text, unicode) {
  const out = [];
  for (let i = 0; i < text.length; ) {
    if (text.startsWith(BR_TAG, i)) {
      out.push({ text: BR_TAG, weight: BR_WEIGHT });
      i += BR_TAG.length;
      continue;
    }
    if (text.startsWith(EURO_TAG, i)) {
      out.push({ text: EURO_TAG, weight: unicode ? EURO_WEIGHT.unicode : EURO_WEIGHT.gsm });
      i += EURO_TAG.length;
      continue;
    }
    const cp = text.codePointAt(i);
    const char = String.fromCodePoint(cp);
    out.push({ text: char, weight: unicode ? char.length : gsmWeight(char) });
    i += char.length;
  }
  return out;
}

/**
 * Number of SMS for a list of unit weights: one SMS up to `single`, otherwise parts of `part`
 * filled greedily, a unit that does not fit whole opening the next part (no split escape pair,
 * surrogate pair or `:br:`). Zero for a zero length.
 */
export function countParts(weights, { single, part }) {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return 0;
  if (total <= single) return 1;
  let parts = 1;
  let used = 0;
  for (const w of weights) {
    if (used + w > part) {
      parts += 1;
      used = 0;
    }
    used += w;
  }
  return parts;
}

/** Normalizes a 0/1 flag as the stand-in accepts it (1, "1", true). */
export function flagOn(value) {
  return value === 1 || value === '1' || value === true;
}

/**
 * Counts a message as SMS Partner bills it.
 * `options`: `isUnicode`, `isStopSms` (0/1, "0"/"1" or booleans),
 * `gamme` (1 premium, default; 2 low cost).
 * Returns `{ encoding, characters, smsCount, perSms, stopMention }`.
 */
export function countMessage(message, options = {}) {
  const unicode = flagOn(options.isUnicode);
  const lowCost = Number(options.gamme) === 2;
  // The STOP mention applies to the premium range only
  // ("Gamme ÉCO : ce paramètre n'est pas applicable pour cette gamme").
  const stopMention = flagOn(options.isStopSms) && !lowCost ? STOP_MENTION : null;
  const weights = units(message + (stopMention ?? ''), unicode).map((u) => u.weight);
  const limits = unicode ? UCS2_LIMITS : GSM_LIMITS;
  const characters = weights.reduce((sum, w) => sum + w, 0);
  const smsCount = countParts(weights, limits);
  return {
    encoding: unicode ? 'UCS-2' : 'GSM-7',
    characters,
    smsCount,
    perSms: smsCount > 1 ? limits.part : limits.single,
    stopMention,
  };
}
