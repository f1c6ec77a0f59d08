// The package's exports against the API table of docs/api.md, the internals kept out, the
// `SmsPartnerError` class, and the readings that every export must share.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as sms from "../../pkg/index.js";
import * as glue from "../../pkg/smspartner_wasm.js";

const wasm = readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url));
sms.initSync({ module: wasm });

/** Loading the module, described by the README's prose rather than its table. */
const LOADERS = ["default", "initSync"];

/** The names in the first column of a README's table under `## API`. */
function readmeApiNames(path) {
  const readme = readFileSync(new URL(path, import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("\n## API\n"));
  const table = section.slice(section.indexOf("\n| function |"));
  const rows = table.split("\n").slice(3);
  const names = [];
  for (const row of rows) {
    if (!row.startsWith("|")) break;
    const first = row.split("|")[1];
    for (const [, name] of first.matchAll(/`(?:new )?([A-Za-z]+)[(`]/g)) names.push(name);
  }
  return names;
}

test("the READMEs' API tables (repository and package) name exactly the package's exports", () => {
  const exported = Object.keys(sms).filter((name) => !LOADERS.includes(name)).sort();
  for (const path of ["../../docs/api.md", "../../src/js/README.md"]) {
    assert.deepEqual(readmeApiNames(path).sort(), exported, path);
  }
  for (const name of LOADERS) assert.equal(typeof sms[name], "function", name);
});

test("every public export of the wasm module is an export of the package, no internal is", () => {
  const inner = Object.keys(glue).filter((name) => !name.startsWith("__"));
  for (const name of inner) assert.ok(name in sms, `${name} is not re-exported by index.js`);
  for (const name of Object.keys(sms)) assert.ok(!name.startsWith("__"), name);
  assert.ok(Object.keys(glue).some((name) => name.startsWith("__")), "the module's internals are named __…");
});

test("every rejection of the client is an SmsPartnerError", async () => {
  const thrown = [];
  for (const options of [undefined, {}, { apiKey: "" }, { apiKey: "k", baseUrl: "ftp://x" }, { apiKey: "k", timeoutMs: -1 }]) {
    try {
      new sms.SmsPartnerClient(options);
      assert.fail(JSON.stringify(options));
    } catch (error) {
      thrown.push(error);
    }
  }
  const client = new sms.SmsPartnerClient({ apiKey: "k3y-0123456789", baseUrl: "http://127.0.0.1:9", timeoutMs: 5000 });
  for (const request of [null, {}, { phoneNumbers: "0612345678", message: "x", apiKey: "other-key" }, { phoneNumbers: "0612345678", message: "x" }]) {
    thrown.push(await client.send(request).then(() => assert.fail("resolved"), (error) => error));
  }
  client.free();
  const kinds = [];
  for (const error of thrown) {
    assert.ok(error instanceof sms.SmsPartnerError, String(error));
    assert.ok(error instanceof Error);
    assert.equal(error.name, "SmsPartnerError");
    assert.equal(typeof error.message, "string");
    assert.ok(Array.isArray(error.errors));
    kinds.push(error.kind);
  }
  assert.deepEqual([...new Set(kinds)], ["validation", "network"]);
  const conflict = thrown.at(-2);
  assert.deepEqual(conflict.errors.map((e) => e.code), ["api_key_conflict"]);
});

test("the class can be built by hand with the same fields", () => {
  const error = new sms.SmsPartnerError("no", { kind: "api", code: 10 });
  assert.deepEqual(
    { ...error },
    { name: "SmsPartnerError", kind: "api", status: null, code: 10, reason: null, field: null, errors: [], mayHaveBeenSent: false },
  );
  assert.ok(error instanceof Error);
});

test("gamme is read alike by analyzeMessage and validateSendRequest (\"02\" is low cost)", () => {
  for (const gamme of ["02", "2", 2, "002"]) {
    const options = { gamme, isStopSms: 1 };
    const analysis = sms.analyzeMessage("Bonjour", options);
    const report = sms.validateSendRequest({ phoneNumbers: "0612345678", message: "Bonjour", ...options }, { requireApiKey: false });
    assert.equal(analysis.characters, 7, String(gamme));
    assert.equal(analysis.stopMention, null, String(gamme));
    assert.deepEqual(report.message, analysis, String(gamme));
    assert.equal(report.request.gamme, 2);
    assert.deepEqual(sms.splitMessageParts("Bonjour", options).map((p) => p.preview), ["Bonjour"]);
  }
  const premium = sms.analyzeMessage("Bonjour", { gamme: "01", isStopSms: "1" });
  assert.equal(premium.characters, 21);
});

test("the page's helpers: phone lists and SMS parts", () => {
  assert.deepEqual(sms.splitPhoneList(" 06 12 34 56 78 ;\n+33700000001,,\r\n"), ["06 12 34 56 78", "+33700000001"]);
  assert.deepEqual(sms.splitPhoneList(42), []);
  const parts = sms.splitMessageParts("a".repeat(153) + "[:br:", { isStopSms: true });
  assert.deepEqual(parts.map((p) => p.text), sms.splitMessage("a".repeat(153) + "[:br:", { isStopSms: true }));
  assert.deepEqual(parts.map((p) => p.index), [0, 153]);
  assert.deepEqual(parts[1], {
    index: 153,
    text: "[:br:",
    preview: "(\n STOP au 36180",
    edits: [
      { index: 153, length: 1, kind: "replaced", shown: "(" },
      { index: 154, length: 4, kind: "lineBreak", shown: "\n" },
    ],
  });
  const lone = "a\ud800b";
  assert.equal(sms.splitMessageParts(lone)[0].text, lone);
  assert.equal(sms.splitMessageParts(lone)[0].preview, sms.analyzeMessage(lone).preview);
});
