// The messages and options the entries are compared over (compose.test.mjs, length.test.mjs):
// each path of the analysis (plain, replaced, extension, Unicode, STOP, lone surrogates, the
// options that need reading) and its boundaries, and the bench's texts.
import { TEXTS } from "../../bench/texts.mjs";

/** Messages that cover each path: plain, replaced, extension, Unicode, STOP, invalid. */
export const MESSAGES = [
  "", "Bonjour !", "Promo d’été « -20 % » sur [tout] … à 9,99 € :br: STOP", "😀 emoji", "\ud800 lone",
  "x".repeat(161), "€".repeat(80), "Ça coûte 5 € ^^", "tab\there\u00a0nbsp\u202f!",
];

/** Messages at the boundaries of one SMS and of a part, in GSM-7 and UCS-2. */
export const BOUNDARIES = [
  ...[153, 159, 160, 161, 306, 307].map((n) => "a".repeat(n)),
  ...[66, 67, 70, 71, 134, 135].map((n) => "ж".repeat(n)),
  "a".repeat(159) + "€", "a".repeat(152) + "€" + "a".repeat(10), "a".repeat(158) + ":br:", "a".repeat(159) + "œ",
  "a".repeat(152) + "😀" + "a".repeat(20), "a".repeat(66) + "😀", "a".repeat(69) + "😀", "a".repeat(146) + " STOP",
  "a".repeat(150) + ":euro:", "a".repeat(153) + "\ud83d",
];

/**
 * Messages past the keystroke path's limits: more edits than the lists take (2,000), more code
 * units than its buffer takes (4,096).
 */
export const LARGE = ["’".repeat(2_500), "✓".repeat(2_500), TEXTS.at(-1).text.repeat(3)];

/** The bench's texts (bench/texts.mjs): 150 to 1,600 characters of French, replaced ones, emoji. */
export const BENCH = TEXTS.map(({ text }) => text);

/** Options on the keystroke path and options that need reading (`"02"`, `"yes"`). */
export const OPTIONS = [undefined, { isUnicode: true }, { isStopSms: 1 }, { gamme: 2 }, { gamme: "02", isStopSms: 1 }, { isUnicode: "yes" }];
