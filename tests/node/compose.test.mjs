// The `./compose` entry (the wasm built without the client) against the main entry: the same
// functions but the client's, and the same answers to the same calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as full from "../../pkg/index.js";
import * as compose from "../../pkg/compose.js";
import { MESSAGES, OPTIONS } from "./messages.mjs";

const wasm = (name) => readFileSync(new URL(`../../pkg/${name}_bg.wasm`, import.meta.url));
full.initSync({ module: wasm("smspartner_wasm") });
compose.initSync({ module: wasm("smspartner_compose") });

/** What only the main entry has: sending and the replies a worker receives. */
const CLIENT_ONLY = ["SmsPartnerClient", "SmsPartnerError", "parseReplyWebhook", "parseDeliveryReport", "redactApiKey"];

test("compose exports every function of the main entry but the client's", () => {
  const expected = Object.keys(full).filter((name) => !CLIENT_ONLY.includes(name)).sort();
  assert.deepEqual(Object.keys(compose).sort(), expected);
});

test("its wasm has no client: no fetch, no AbortController, no SmsPartnerClient", () => {
  const glue = readFileSync(new URL("../../pkg/smspartner_compose.js", import.meta.url), "utf8");
  for (const name of ["__wbg_fetch", "AbortController", "smspartnerclient_new"]) assert.ok(!glue.includes(name), name);
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm("smspartner_compose"))).map((e) => e.name);
  assert.ok(!names.some((name) => name.startsWith("smspartnerclient")), names.join(" "));
});


test("analysis, splitting and smart encoding answer as the main entry does", () => {
  for (const message of MESSAGES) {
    for (const options of OPTIONS) {
      const at = JSON.stringify({ message, options });
      assert.deepEqual(compose.analyzeMessage(message, options), full.analyzeMessage(message, options), at);
      assert.deepEqual(compose.splitMessage(message, options), full.splitMessage(message, options), at);
      assert.deepEqual(compose.splitMessageParts(message, options), full.splitMessageParts(message, options), at);
      assert.deepEqual(compose.normalizeMessage(message, options), full.normalizeMessage(message, options), at);
    }
  }
});

test("phone numbers, validation, schedule and codes answer as the main entry does", () => {
  const now = "2026-12-01T10:00:00Z";
  const requests = [
    { phoneNumbers: "06 12 34 56 78, +33 6 12 34 56 78, 12", message: "Bonjour", sender: "Boutique" },
    { phoneNumbers: ["0612345678"], message: "x".repeat(1600), tag: "Promo", scheduledDeliveryDate: "24/12/2026", time: 21, minute: 7 },
    { apiKey: "key", phoneNumbers: "+4915112345678", message: "Soldes", urlResponse: "http://x:99999/" },
    null, 42, {},
  ];
  for (const request of requests) {
    for (const options of [{ now }, { now, commercial: true, lang: "fr" }, { now, commercial: "yes", lang: "xx" }]) {
      const at = JSON.stringify({ request, options });
      assert.deepEqual(compose.validateSendRequest(request, options), full.validateSendRequest(request, options), at);
    }
  }
  const input = "06 12 34 56 78; 0033 6 12 34 56 78\n+1 202 555 0143, abc";
  assert.deepEqual(compose.parsePhoneNumbers(input), full.parsePhoneNumbers(input));
  assert.deepEqual(compose.splitPhoneList(input), full.splitPhoneList(input));
  for (const at of ["2026-12-25T09:00:00+01:00", "2026-12-05T21:30:00+01:00"]) {
    assert.equal(compose.effectiveSendTime(at, { commercial: true }).toISOString(), full.effectiveSendTime(at, { commercial: true }).toISOString());
  }
  for (const at of ["2026-12-25T09:00:00+01:00", 0, new Date(Date.UTC(2027, 0, 1))]) {
    assert.equal(compose.cancelDeadline(at).getTime(), full.cancelDeadline(at).getTime());
  }
  for (const day of ["2026-12-25", "14/07/2027", "2026-12-01"]) {
    assert.equal(compose.isFrenchPublicHoliday(day), full.isFrenchPublicHoliday(day));
    assert.equal(compose.frenchPublicHoliday(day, { lang: "fr" }), full.frenchPublicHoliday(day, { lang: "fr" }));
  }
  for (const code of [14, "992", 52, 7, "x"]) assert.deepEqual(compose.smsPartnerCode(code), full.smsPartnerCode(code));
});
