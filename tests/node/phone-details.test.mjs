// parsePhoneNumbers' numbering-plan answers through the built package: details parallel to
// numbers, regions of the overseas departments, types, null regions, and the not-mobile warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as sms from "../../pkg/index.js";

sms.initSync({ module: readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url)) });

test("details: one per number, in order, with region, type and whether an SMS reaches it", () => {
  const report = sms.parsePhoneNumbers(
    "06 12 34 56 78, 0690 12 34 56, 0709 21 22 33, 01 40 00 00 00, 0899 12 34 56, +1 415 555 2671, +7 912 345 67 89, +33 06 12 34 56 78",
  );
  assert.deepEqual(report.numbers, [
    "+33612345678", "+590690123456", "+262709212233", "+33140000000", "+33899123456", "+14155552671", "+79123456789",
  ]);
  assert.deepEqual(report.duplicates, ["+33612345678"]);
  assert.deepEqual(report.details, [
    { number: "+33612345678", region: "FR", type: "mobile", canReceiveSms: true },
    { number: "+590690123456", region: "GP", type: "mobile", canReceiveSms: true },
    { number: "+262709212233", region: "RE", type: "mobile", canReceiveSms: true },
    { number: "+33140000000", region: "FR", type: "fixedLine", canReceiveSms: false },
    { number: "+33899123456", region: "FR", type: "premiumRate", canReceiveSms: false },
    { number: "+14155552671", region: "US", type: "fixedLineOrMobile", canReceiveSms: true },
    { number: "+79123456789", region: null, type: "unknown", canReceiveSms: true },
  ]);
});

test("numbers outside the plans are refused with their reason", () => {
  const report = sms.parsePhoneNumbers(["04 00 32 24 45", "+1 201 217 0"], { lang: "fr" });
  assert.deepEqual(report.numbers, []);
  assert.deepEqual(report.invalid.map((i) => i.code), ["not_in_numbering_plan", "not_in_numbering_plan"]);
  assert.match(report.invalid[1].reason, /\+1 /);
});

test("validateSendRequest warns about numbers that cannot receive an SMS", () => {
  const report = sms.validateSendRequest(
    { phoneNumbers: ["0612345678", "0805 12 34 56"], message: "Bonjour" },
    { requireApiKey: false },
  );
  assert.equal(report.valid, true);
  const warning = report.warnings.find((w) => w.code === "phone_number_not_mobile");
  assert.equal(warning.field, "phoneNumbers");
  assert.match(warning.message, /\+33805123456 \(toll-free number\)/);
  assert.equal(report.recipients, 2);
});
