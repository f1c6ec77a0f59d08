// `allowedRegions` and `defaultAllowedRegions()` through the built package: the destination
// check of validateSendRequest, the client's send and sendBulk, wrong options reported and
// never thrown, and the `./compose` entry answering the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as full from "../../pkg/index.js";
import * as compose from "../../pkg/compose.js";

const wasm = (name) => readFileSync(new URL(`../../pkg/${name}_bg.wasm`, import.meta.url));
full.initSync({ module: wasm("smspartner_wasm") });
compose.initSync({ module: wasm("smspartner_compose") });

const FRENCH = ["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC"];
const LISTED = "BL, FR, GF, GP, MF, MQ, NC, PF, PM, RE, WF, YT";

const now = "2026-12-01T10:00:00Z";

/** `validateSendRequest` of `phoneNumbers` with `allowedRegions`, without a key. */
const check = (sms, phoneNumbers, allowedRegions, lang) =>
  sms.validateSendRequest({ phoneNumbers, message: "Bonjour" }, { now, requireApiKey: false, allowedRegions, lang });

test("defaultAllowedRegions: France and its overseas regions, a new array each call", () => {
  for (const sms of [full, compose]) {
    const regions = sms.defaultAllowedRegions();
    assert.deepEqual(regions, FRENCH);
    assert.ok(!regions.includes("001"));
    regions.push("CI");
    assert.notEqual(sms.defaultAllowedRegions(), regions);
    assert.deepEqual(sms.defaultAllowedRegions(), FRENCH);
  }
});

test("the default list allows French and overseas mobiles and refuses the rest, each on phoneNumbers", () => {
  const allowed = full.defaultAllowedRegions();
  for (const number of ["06 12 34 56 78", "07 56 12 34 56", "0690 12 34 56", "0692 12 34 56", "0639 01 23 45", "+687 75 12 34"]) {
    const report = check(full, number, allowed);
    assert.equal(report.valid, true, `${number}: ${JSON.stringify(report.errors)}`);
  }
  const report = check(full, "+2250701234567, 0612345678, +882351234567, +2250701234567", allowed);
  assert.equal(report.valid, false);
  assert.equal(report.request, null);
  assert.deepEqual(report.errors, [
    {
      field: "phoneNumbers",
      code: "destination_not_allowed",
      message: `+2250701234567 is in region CI, outside the allowed destinations (${LISTED})`,
    },
    {
      field: "phoneNumbers",
      code: "destination_not_allowed",
      message:
        "+882351234567 is in region 001 (international networks, non-geographic numbers and country codes shared by " +
        `several regions: list "001" to allow them), outside the allowed destinations (${LISTED})`,
    },
  ]);
  const french = check(full, "+2250701234567", Object.freeze(allowed), "fr");
  assert.equal(french.errors[0].message, `+2250701234567 est dans la région CI, hors des destinations autorisées (${LISTED})`);
});

test("lower case, 001, an empty list, and no option at all", () => {
  assert.equal(check(full, "+2250701234567", ["ci"]).valid, true);
  assert.equal(check(full, "+882351234567, +79123456789", ["fr", "001"]).valid, true);
  assert.equal(check(full, "+2250701234567", ["001"]).valid, false);
  const none = check(full, "0612345678", []);
  assert.equal(none.errors[0].message, "+33612345678 is in region FR, outside the allowed destinations (none)");
  for (const absent of [undefined, null]) assert.equal(check(full, "+2250701234567, +882351234567", absent).valid, true);
});

test("a wrong allowedRegions is option_invalid on options, never an exception", () => {
  const revoked = Proxy.revocable([], {});
  revoked.revoke();
  const throwing = new Proxy(["FR"], { get: () => { throw new Error("trap"); } });
  const getter = {};
  Object.defineProperty(getter, "allowedRegions", { get: () => { throw new Error("getter"); } });
  const huge = [];
  huge.length = 2 ** 32 - 1;
  const wrong = ["FR", [33], ["FRA"], [["FR"]], ["FR", null], [, "FR"], [""], ["F1"], { 0: "FR", length: 1 }, true, 33, 10n, Symbol("x"), new String("FR"), [new String("FR")], revoked.proxy, throwing, huge];
  for (const value of wrong) {
    for (const sms of [full, compose]) {
      const report = check(sms, "0612345678", value);
      assert.equal(report.valid, false, String(typeof value));
      assert.deepEqual(report.errors.map((e) => [e.field, e.code]), [["options", "option_invalid"]]);
      assert.equal(report.errors[0].message, 'options.allowedRegions must be an array of region codes, two letters each ("FR", "GP"…) or "001"');
      const french = check(sms, "0612345678", value, "fr");
      assert.equal(french.errors[0].message, "options.allowedRegions doit être un tableau de codes de région de deux lettres chacun (« FR », « GP »…) ou « 001 »");
    }
  }
  const behindGetter = full.validateSendRequest({ phoneNumbers: "0612345678", message: "x" }, Object.assign(getter, { requireApiKey: false }));
  assert.deepEqual(behindGetter.errors.map((e) => [e.field, e.code]), [["options", "option_invalid"]]);
  assert.equal(check(full, "0612345678", ["FR"]).valid, true, "the module still works");
});

test("the client's send and sendBulk check the same regions before anything leaves", async () => {
  const client = new full.SmsPartnerClient({ apiKey: "k3y-0123456789", baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
  const options = { allowedRegions: full.defaultAllowedRegions() };
  const sent = await client.send({ phoneNumbers: "+2250701234567", message: "Bonjour" }, options).then(
    () => assert.fail("resolved"),
    (error) => error,
  );
  assert.ok(sent instanceof full.SmsPartnerError);
  assert.equal(sent.kind, "validation");
  assert.deepEqual(sent.errors.map((e) => [e.field, e.code]), [["phoneNumbers", "destination_not_allowed"]]);
  const bulk = await client
    .sendBulk({ messages: [{ phoneNumber: "0612345678", message: "a" }, { phoneNumber: "+2250701234567", message: "b" }] }, options)
    .then(() => assert.fail("resolved"), (error) => error);
  assert.equal(bulk.kind, "validation");
  assert.deepEqual(bulk.errors.map((e) => [e.field, e.code]), [["messages[1].phoneNumber", "destination_not_allowed"]]);
  const wrong = await client.send({ phoneNumbers: "0612345678", message: "x" }, { allowedRegions: "FR" }).then(
    () => assert.fail("resolved"),
    (error) => error,
  );
  assert.deepEqual(wrong.errors.map((e) => [e.field, e.code]), [["options", "option_invalid"]]);
  client.free();
});

test("the compose entry answers as the main entry does", () => {
  const numbers = "06 12 34 56 78, +2250701234567, +882351234567, +1 415 555 2671, 0690 12 34 56, 12";
  for (const allowed of [undefined, full.defaultAllowedRegions(), ["us", "001"], [], ["FRA"], "FR"]) {
    for (const lang of ["en", "fr"]) {
      assert.deepEqual(check(compose, numbers, allowed, lang), check(full, numbers, allowed, lang), JSON.stringify({ allowed, lang }));
    }
  }
});

test("parsePhoneNumbers with allowedRegions: refused numbers are invalid entries with validateSendRequest's sentence, in both entries", () => {
  const typed = ["+882351234567", "06 12 34 56 78", "+225 07 01 23 45 67", "12", "+590 690 12 34 56"];
  for (const sms of [full, compose]) {
    for (const lang of ["en", "fr"]) {
      const report = sms.parsePhoneNumbers(typed, { lang, allowedRegions: sms.defaultAllowedRegions() });
      assert.deepEqual(report.numbers, ["+33612345678", "+590690123456"]);
      assert.deepEqual(report.invalid.map((entry) => [entry.input, entry.code]), [
        ["+882351234567", "destination_not_allowed"],
        ["+225 07 01 23 45 67", "destination_not_allowed"],
        ["12", "national_format_not_french"],
      ]);
      const validated = check(sms, "+2250701234567", sms.defaultAllowedRegions(), lang);
      assert.equal(report.invalid[1].reason, validated.errors[0].message);
    }
    // Not given: every destination, as before.
    assert.equal(sms.parsePhoneNumbers(typed).numbers.length, 4);
    // Unreadable: nothing allowed, and said.
    const bad = sms.parsePhoneNumbers(typed, { allowedRegions: "FR" });
    assert.deepEqual(bad.numbers, []);
    assert.equal(bad.invalid.at(-1).code, "option_invalid");
    assert.match(bad.invalid.at(-1).reason, /allowedRegions must be an array/);
  }
});
