// `renderTemplate` through the built package, in both entries that export it: rows as a
// spreadsheet gives them (strings, numbers), hostile rows never thrown, French sentences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as full from "../../pkg/index.js";
import * as compose from "../../pkg/compose.js";

const wasm = (name) => readFileSync(new URL(`../../pkg/${name}_bg.wasm`, import.meta.url));
full.initSync({ module: wasm("smspartner_wasm") });
compose.initSync({ module: wasm("smspartner_compose") });

test("renderTemplate fills each row, and says why a row cannot be made", () => {
  for (const sms of [full, compose]) {
    const template = "Bonjour {prenom}, -20 % avec le code {code}";
    const ok = sms.renderTemplate(template, { numero: "0612345678", prenom: "Marie", code: "ETE20" });
    assert.deepEqual(ok, {
      message: "Bonjour Marie, -20 % avec le code ETE20",
      fields: [{ name: "prenom", index: 8 }, { name: "code", index: 37 }],
      issues: [],
    });
    assert.equal(sms.renderTemplate("{n} SMS", { n: 3 }).message, "3 SMS");
    const missing = sms.renderTemplate(template, { numero: "06", prenom: "" }, { lang: "fr" });
    assert.equal(missing.message, null);
    assert.deepEqual(missing.issues.map((i) => [i.field, i.code]), [["message", "merge_field_empty"], ["message", "merge_field_unknown"]]);
    assert.match(missing.issues[1].message, /les colonnes sont numero, prenom/);
    assert.equal(sms.renderTemplate("Bonjour {prenom", {}).issues[0].code, "merge_field_unclosed");
  }
});

test("renderTemplate never throws on hostile values", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = { get prenom() { throw new Error("no"); } };
  for (const row of [null, undefined, 42, "text", [], revoked.proxy, throwing, { prenom: { nested: 1 } }, { prenom: Symbol("s") }]) {
    for (const template of ["Bonjour {prenom}", 12, null, undefined]) {
      const out = full.renderTemplate(template, row);
      assert.ok(Array.isArray(out.issues));
      assert.ok(out.message === null || typeof out.message === "string");
    }
  }
  assert.equal(full.renderTemplate("Bonjour {prenom}", throwing).issues[0].code, "merge_field_empty");
  assert.equal(full.renderTemplate("Bonjour", null).message, "Bonjour");
});
