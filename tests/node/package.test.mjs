// The built package in Node: loads with initSync, exposes the contract's names, answers in shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

import * as sms from "../../pkg/index.js";
import * as glue from "../../pkg/smspartner_wasm.js";

const wasm = readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url));
sms.initSync({ module: wasm });

test("pkg/package.json describes an ES module package with types", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8"));
  assert.equal(manifest.name, "smspartner-wasm");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.types, "index.d.ts");
  assert.equal(manifest.main, "index.node.js");
  for (const file of manifest.files) {
    const path = new URL(`../../pkg/${file}`, import.meta.url);
    if (file.endsWith("/")) assert.ok(readdirSync(path).length > 0, file);
    else assert.ok(readFileSync(path).length > 0, file);
  }
});

test("every name of the contract is exported", () => {
  for (const name of [
    "analyzeMessage", "splitMessage", "parsePhoneNumbers", "validateSendRequest",
    "effectiveSendTime", "isFrenchPublicHoliday", "SmsPartnerClient", "default", "initSync",
    "normalizeMessage", "smsPartnerCode",
  ]) {
    assert.equal(typeof sms[name], "function", name);
  }
});

test("analyzeMessage: 160/161 and 70/71", () => {
  assert.deepEqual(
    [160, 161].map((n) => sms.analyzeMessage("a".repeat(n)).smsCount),
    [1, 2],
  );
  assert.deepEqual(
    [70, 71].map((n) => sms.analyzeMessage("é".repeat(n), { isUnicode: 1 }).smsCount),
    [1, 2],
  );
  const analysis = sms.analyzeMessage("Prix : 10€ {promo}", { isStopSms: true });
  assert.deepEqual(analysis, {
    encoding: "GSM-7",
    characters: 19 + 14,
    smsCount: 1,
    perSms: 160,
    remaining: 160 - 33,
    replacements: [
      { index: 11, char: "{", replacement: "(" },
      { index: 17, char: "}", replacement: ")" },
    ],
    unsupported: [],
    truncated: false,
    stopMention: " STOP au 36180",
    preview: "Prix : 10€ (promo) STOP au 36180",
  });
});

test("normalizeMessage: French copy from a word processor, and lone surrogates kept", () => {
  const copy = "Livraison\u202F: demain\u00A0– entre 9\u00A0h et 12\u00A0h\u2026 Merci\u202F!";
  const before = sms.analyzeMessage(copy);
  assert.deepEqual(before.unsupported.map((u) => [u.codePoint, u.name]), [
    ["U+202F", "NARROW NO-BREAK SPACE"], ["U+00A0", "NO-BREAK SPACE"], ["U+2013", "EN DASH"],
    ["U+00A0", "NO-BREAK SPACE"], ["U+00A0", "NO-BREAK SPACE"], ["U+2026", "HORIZONTAL ELLIPSIS"],
    ["U+202F", "NARROW NO-BREAK SPACE"],
  ]);
  const { message, changes } = sms.normalizeMessage(copy);
  assert.equal(message, "Livraison : demain - entre 9 h et 12 h... Merci !");
  assert.deepEqual(changes[0], { index: 9, char: "\u202F", replacement: " " });
  assert.equal(sms.analyzeMessage(message).unsupported.length, 0);
  assert.deepEqual(sms.normalizeMessage(copy, { isUnicode: 1 }), { message: copy, changes: [] });
  const lone = sms.normalizeMessage("a\uD800\u00A0b");
  assert.equal(lone.message, "a\uD800 b");
  for (const value of [undefined, null, 42, {}, Symbol("s")]) {
    assert.deepEqual(sms.normalizeMessage(value, value), { message: "", changes: [] });
  }
});

test("smsPartnerCode describes each documented code", () => {
  assert.deepEqual(sms.smsPartnerCode(14, { lang: "fr" }), {
    code: 14, reason: "number_in_stop_list", field: "phoneNumbers", class: "request",
    message: "le numéro est dans la liste STOP",
  });
  assert.equal(sms.smsPartnerCode("992").reason, "sender_not_allowed");
  for (const value of [3, "x", null, undefined, 1.5, {}]) assert.equal(sms.smsPartnerCode(value), null);
});

test("splitMessage gives the text back and never cuts an escape", () => {
  const text = "a".repeat(152) + "€" + "b".repeat(10);
  const parts = sms.splitMessage(text);
  assert.deepEqual(parts.map((p) => p.length), [152, 11]);
  assert.equal(parts.join(""), text);
});

test("validateSendRequest with a Date for now", () => {
  const report = sms.validateSendRequest(
    { apiKey: "k", phoneNumbers: "06 12 34 56 78", message: "Bonjour" },
    { now: new Date("2026-11-29T21:05:00Z"), commercial: true },
  );
  assert.equal(report.valid, true);
  assert.equal(report.deliveryTime, "2026-11-30T07:00:00.000Z");
  assert.deepEqual(report.warnings.map((w) => w.code), ["stop_mention_missing", "quiet_hours_delay"]);
});

test("cancelDeadline: 5 minutes before the send, the rule cancel checks", () => {
  const scheduled = new Date("2026-12-24T09:00:00Z");
  const deadline = sms.cancelDeadline(scheduled);
  assert.ok(deadline instanceof Date);
  assert.equal(deadline.toISOString(), "2026-12-24T08:55:00.000Z");
  assert.equal(sms.cancelDeadline("2026-12-24T10:00:00+01:00").getTime(), deadline.getTime());
  assert.equal(sms.cancelDeadline(scheduled.getTime()).getTime(), deadline.getTime());
  for (const wrong of ["tomorrow", NaN, {}, null, undefined, new Date(NaN), -8.64e15]) {
    assert.throws(() => sms.cancelDeadline(wrong), TypeError, String(wrong));
  }
});

test("effectiveSendTime returns a Date", () => {
  const at = sms.effectiveSendTime("2026-12-24T19:30:00Z", { commercial: true });
  assert.ok(at instanceof Date);
  // 20:30 in Paris on Christmas Eve → 26 December 08:00 (25 is a holiday).
  assert.equal(at.toISOString(), "2026-12-26T07:00:00.000Z");
  assert.equal(sms.isFrenchPublicHoliday(new Date("2026-12-25T12:00:00Z")), true);
});

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  "a", "Z", " ", "é", "à", "ç", "Ç", "ê", "â", "œ", "[", "]", "{", "}", "^", "~", "|", "\\", "€", "\f",
  "\n", "\r\n", ":br:", ":br", ":euro:", ":euro", "\u00A0", "\u202F", "\u200B", "…", "’", "«", "°", "§", "😀", "👍🏽", "ú", "ł", "Ж", "\uD800", "\uDC00", "\uFFFD", "'", '"',
];
const OPTION_VALUES = [undefined, null, true, false, 0, 1, 2, "0", "1", "01", "2", "yes", 1.5, NaN, {}, []];

test("the keystroke path gives exactly the wasm-built answer", () => {
  const random = generator(20261129);
  const pick = (list) => list[Math.floor(random() * list.length)];
  for (let round = 0; round < 5000; round += 1) {
    const length = Math.floor(random() * (round % 50 === 0 ? 400 : 60));
    let text = "";
    for (let i = 0; i < length; i += 1) text += random() < 0.6 ? "x" : pick(PIECES);
    const options = random() < 0.2 ? pick(OPTION_VALUES) : {
      isUnicode: pick(OPTION_VALUES), isStopSms: pick(OPTION_VALUES), gamme: pick(OPTION_VALUES),
    };
    assert.deepEqual(sms.analyzeMessage(text, options), glue.analyzeMessage(text, options), JSON.stringify({ text, options }));
  }
});

test("the keystroke path falls back on hostile options and non-strings", () => {
  const throwing = Object.defineProperty({}, "isUnicode", { get() { throw new Error("boom"); } });
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  for (const [message, options] of [["é[", throwing], ["é[", proxy], [42, undefined], [null, { isUnicode: 1 }], [Symbol("s"), undefined]]) {
    assert.deepEqual(sms.analyzeMessage(message, options), glue.analyzeMessage(message, options));
  }
  assert.equal(sms.analyzeMessage("a".repeat(1 << 20)).smsCount, Math.ceil((1 << 20) / 153));
});

test("effectiveSendTime at the end of a Date's range throws instead of an invalid Date", () => {
  const last = new Date(8.64e15);
  assert.throws(() => sms.effectiveSendTime(last, { commercial: true }), TypeError);
  assert.equal(sms.effectiveSendTime(last).getTime(), 8.64e15);
});
