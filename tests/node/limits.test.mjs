// `smsPartnerLimits()` is the limits the package checks, not a copy: each one is the boundary
// where validateSendRequest starts refusing, in both entries that export it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as full from "../../pkg/index.js";
import * as compose from "../../pkg/compose.js";

const wasm = (name) => readFileSync(new URL(`../../pkg/${name}_bg.wasm`, import.meta.url));
full.initSync({ module: wasm("smspartner_wasm") });
compose.initSync({ module: wasm("smspartner_compose") });

const now = "2026-12-01T10:00:00Z";
const codes = (sms, request) =>
  sms.validateSendRequest({ phoneNumbers: "0612345678", message: "Bonjour", ...request }, { now, requireApiKey: false }).errors.map((e) => e.code);
const mobiles = (n) => Array.from({ length: n }, (_, i) => `+3361${String(i).padStart(7, "0")}`).join(",");

test("smsPartnerLimits: each limit is where validateSendRequest starts refusing", () => {
  for (const sms of [full, compose]) {
    const limits = sms.smsPartnerLimits();
    assert.deepEqual(Object.keys(limits).sort(), [
      "maxLowCostSms", "maxPhoneNumbers", "maxSenderLength", "maxSmsPerMessage", "maxTagLength", "maxUrlLength", "minSenderLength", "minuteStep",
    ]);
    assert.deepEqual(codes(sms, { phoneNumbers: mobiles(limits.maxPhoneNumbers) }), []);
    assert.deepEqual(codes(sms, { phoneNumbers: mobiles(limits.maxPhoneNumbers + 1) }), ["too_many_phone_numbers"]);
    const perSms = sms.analyzeMessage("", {}).perSms; // 153 in a long GSM message
    assert.deepEqual(codes(sms, { message: "a".repeat(limits.maxSmsPerMessage * 153) }), []);
    assert.deepEqual(codes(sms, { message: "a".repeat(limits.maxSmsPerMessage * 153 + 1) }), ["message_too_long"]);
    assert.ok(perSms >= 153);
    assert.deepEqual(codes(sms, { gamme: 2, message: "a".repeat(160 * limits.maxLowCostSms) }), []);
    assert.deepEqual(codes(sms, { gamme: 2, message: "a".repeat(160 * limits.maxLowCostSms + 1) }), ["low_cost_too_long"]);
    assert.deepEqual(codes(sms, { sender: "A".repeat(limits.minSenderLength) }), []);
    assert.deepEqual(codes(sms, { sender: "A".repeat(limits.minSenderLength - 1) }), ["sender_too_short"]);
    assert.deepEqual(codes(sms, { sender: "A".repeat(limits.maxSenderLength) }), []);
    assert.notDeepEqual(codes(sms, { sender: "A".repeat(limits.maxSenderLength + 1) }), []);
    assert.deepEqual(codes(sms, { tag: "a".repeat(limits.maxTagLength) }), []);
    assert.notDeepEqual(codes(sms, { tag: "a".repeat(limits.maxTagLength + 1) }), []);
    // A new object each call: changing one changes nothing.
    limits.maxPhoneNumbers = 1;
    assert.equal(sms.smsPartnerLimits().maxPhoneNumbers, 500);
  }
});
