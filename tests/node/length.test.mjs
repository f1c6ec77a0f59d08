// The `./length` entry (the wasm built with the message functions only) against the main
// entry: its four functions, and the same answers, every field, over the bench's texts, the
// boundaries, the texts past the keystroke path's limits and random texts, with each option.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inspect } from "node:util";

import * as full from "../../pkg/index.js";
import * as length from "../../pkg/length.js";
import { BENCH, BOUNDARIES, LARGE, MESSAGES, OPTIONS } from "./messages.mjs";

const wasm = (name) => readFileSync(new URL(`../../pkg/${name}_bg.wasm`, import.meta.url));
full.initSync({ module: wasm("smspartner_wasm") });
const exports = length.initSync({ module: wasm("smspartner_length") });

/** The functions of the entry: what a length check needs. */
const FUNCTIONS = ["analyzeMessage", "splitMessage", "splitMessageParts", "normalizeMessage"];

test("length exports the message functions of the main entry and initialization, nothing else", () => {
  assert.deepEqual(Object.keys(length).sort(), [...FUNCTIONS, "default", "initSync"].sort());
  for (const name of FUNCTIONS) assert.equal(typeof full[name], "function", name);
});

test("its wasm has no phone numbers, validation, schedule or client", () => {
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm("smspartner_length"))).map((e) => e.name);
  const ours = names.filter((name) => !name.startsWith("__wbindgen") && name !== "memory");
  assert.deepEqual(ours.filter((name) => !name.startsWith("__")).sort(), [...FUNCTIONS].sort());
  const text = wasm("smspartner_length").toString("latin1");
  // Words of the validation's and the phone numbers' sentences and of a holiday's name: in the
  // compose wasm, not in this one.
  const compose = wasm("smspartner_compose").toString("latin1");
  for (const needle of ["must be", "phone number", "Ascension"]) {
    assert.ok(compose.includes(needle), `the compose wasm holds ${needle}`);
    assert.ok(!text.includes(needle), needle);
  }
  const glue = readFileSync(new URL("../../pkg/smspartner_length.js", import.meta.url), "utf8");
  for (const name of ["validateSendRequest", "parsePhoneNumbers", "__wbg_fetch", "SmsPartnerClient"]) assert.ok(!glue.includes(name), name);
});

/** Asserts that the four functions answer alike in both entries, every field. */
function sameAnswers(message, options) {
  const shown = typeof message === "string" && message.length > 80 ? `${message.slice(0, 80)}… (${message.length})` : message;
  const at = inspect({ message: shown, options });
  for (const name of FUNCTIONS) assert.deepEqual(length[name](message, options), full[name](message, options), `${name} ${at}`);
}

test("the bench's texts, the boundaries and the compose test's messages answer as in the main entry", () => {
  for (const message of [...BENCH, ...BOUNDARIES, ...MESSAGES]) {
    for (const options of OPTIONS) sameAnswers(message, options);
  }
});

test("messages past the keystroke path's limits answer as in the main entry", () => {
  for (const message of LARGE) {
    for (const options of OPTIONS) sameAnswers(message, options);
  }
});

test("a message of megabytes, which grows the memory many times, answers as in the main entry", () => {
  const message = "Promo « été » :br: 😀 ✓ œ ".repeat(50_000);
  for (const options of [undefined, { isUnicode: true }]) sameAnswers(message, options);
});

test("values that are not strings or options objects answer as in the main entry", () => {
  for (const message of [undefined, null, 42, {}, ["a"]]) sameAnswers(message, undefined);
  for (const options of [null, 0, "x", { gamme: 3 }, { isStopSms: [1] }, { get isUnicode() { throw new Error("boom"); } }]) {
    sameAnswers("Promo « été » ✓", options);
  }
});

/** A seeded generator (mulberry32), so that a failure names a text that can be run again. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces of text of every kind the analysis tells apart. */
const PIECES = ["a", "Z", " ", "\n", "\r\n", "é", "€", "[", "^", "{", "’", "«", "œ", "…", "\u00a0", "\u200b", "ﬁ", "ж", "✓", "😀", "🇫🇷", ":br:", ":euro:", ":", "\ud800", "\udc00", "STOP"];

test("random texts answer as in the main entry (seeded)", () => {
  const next = random(23);
  for (let round = 0; round < 400; round += 1) {
    const size = Math.floor(next() * (round % 10 === 0 ? 1200 : 200));
    let message = "";
    while (message.length < size) message += PIECES[Math.floor(next() * PIECES.length)];
    sameAnswers(message, OPTIONS[round % OPTIONS.length]);
  }
});

test("its memory stops growing once warm: the allocator reuses what is freed", () => {
  const calls = () => {
    for (const message of [...BENCH, ...LARGE]) {
      for (const name of FUNCTIONS) length[name](message, { isStopSms: true });
    }
  };
  calls();
  const warm = exports.memory.buffer.byteLength;
  for (let round = 0; round < 50; round += 1) calls();
  assert.equal(exports.memory.buffer.byteLength, warm);
});
