// The TypeScript declarations against what the package really answers: every answer type's
// real answers (the pure functions', and the client's against the stand-in) written as object
// literals typed with their declared type and compiled with TypeScript, which refuses a field
// the declaration lacks (excess property check), a required one the answer lacks, and any value
// of another type. The declarations are hand-written beside the Rust structs: this is what
// keeps them equal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

import * as sms from "../../pkg/index.js";
import { startStandin } from "../../tools/standin/server.mjs";

const wasm = readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url));
sms.initSync({ module: wasm });

const PKG = fileURLToPath(new URL("../../pkg/index.js", import.meta.url));
const now = "2026-12-01T10:00:00Z";

/** Answers of the pure exports, each with the type it is declared to be. */
function pureAnswers() {
  const out = [];
  const add = (type, value) => out.push([type, value]);
  for (const message of ["Bonjour", "Prix 15€ [promo] {code} ~", "Émoji 🙂 et ł", "a".repeat(400), "No\u00a0break\u200b"]) {
    for (const options of [{}, { isUnicode: true }, { isStopSms: true }, { gamme: 2 }]) {
      add("MessageAnalysis", sms.analyzeMessage(message, options));
      add("MessagePart[]", sms.splitMessageParts(message, options));
      add("NormalizedMessage", sms.normalizeMessage(message, options));
    }
  }
  add("PhoneNumberReport", sms.parsePhoneNumbers(["06 12 34 56 78", "12", "+33612345678", "+882351234567", "01 40 00 00 00"], { allowedRegions: ["FR"] }));
  add("PhoneNumberReport", sms.parsePhoneNumbers("0612345678", { allowedRegions: "FR" }));
  for (const request of [
    { phoneNumbers: "0612345678", message: "Bonjour", sender: "Boutique", tag: "promo", isStopSms: 1 },
    { phoneNumbers: "0612345678, 12", message: "", sender: "x", scheduledDeliveryDate: "07/12/2026", time: 25 },
    { phoneNumbers: "01 40 00 00 00", message: "Soldes", scheduledDeliveryDate: "13/12/2026", time: 10, minute: 0 },
  ]) {
    add("ValidationReport", sms.validateSendRequest(request, { now, requireApiKey: false, commercial: true }));
  }
  add("SmsPartnerCode", sms.smsPartnerCode(14));
  add("SmsPartnerCode", sms.smsPartnerCode("992", { lang: "fr" }));
  add("SmsPartnerLimits", sms.smsPartnerLimits());
  add("RenderedTemplate", sms.renderTemplate("Bonjour {prenom}, code {code}", { prenom: "Marie", code: 20 }));
  add("RenderedTemplate", sms.renderTemplate("Bonjour {nom} {prenom", { prenom: "" }, { lang: "fr" }));
  add("ReplyWebhook | InvalidReplyWebhook", sms.parseReplyWebhook("type=response&phone_number=%2B33612345678&text=STOP&message_id=1"));
  add("ReplyWebhook | InvalidReplyWebhook", sms.parseReplyWebhook({ msisdn: "33612345678", to: "33700000000", text: "Oui", messageId: "9", type: "text", "message-timestamp": "2026-12-01 10:00:00", concat: "true", "concat-ref": "1", "concat-total": "2", "concat-part": "1" }));
  add("ReplyWebhook | InvalidReplyWebhook", sms.parseReplyWebhook("nothing=here"));
  add("DeliveryReportWebhook | InvalidDeliveryReport", sms.parseDeliveryReport("messageId=7&phoneNumber=%2B33612345678&stat=DELIVRD&statusGrpId=3&statusId=5&date=2026-12-01%2010%3A00%3A00&tag=t"));
  add("DeliveryReportWebhook | InvalidDeliveryReport", sms.parseDeliveryReport({ message_id: 8, status: "Waiting" }));
  add("DeliveryReportWebhook | InvalidDeliveryReport", sms.parseDeliveryReport("status=Delivered"));
  return out;
}

/** Answers of the client against the stand-in. */
async function clientAnswers() {
  const standin = await startStandin({ apiKeys: ["types-key"], logger: false });
  const out = [];
  try {
    const client = new sms.SmsPartnerClient({ apiKey: "types-key", baseUrl: standin.url });
    const sent = await client.send({ phoneNumbers: "0612345678", message: "Bonjour", tag: "typecheck" });
    out.push(["SendResult", sent]);
    out.push(["BulkResult", await client.sendBulk({ messages: [{ phoneNumber: "0612345678", message: "a" }, { phoneNumber: "0698765432", message: "b" }] })]);
    out.push(["DeliveryStatus", await client.messageStatus({ messageId: sent.messageId, phoneNumber: "0612345678" })]);
    out.push(["DeliveryStatus[]", await client.bulkStatus(sent.messageId)]);
    out.push(["DeliveryStatus[]", await client.statusByTag("typecheck")]);
    out.push(["Credits", await client.credits()]);
    out.push(["StatisticsMonth[]", await client.statistics({ interval: "last_twelve_months" })]);
    out.push(["{ id: number | string }", await client.addToStopList("0611111111")]);
    out.push(["StopEntry[]", await client.stopList()]);
    try {
      await client.send({ phoneNumbers: "12", message: "" });
    } catch (error) {
      out.push(["ErrorFields", { ...error }]);
    }
    client.free?.();
  } finally {
    await standin.close();
  }
  return out;
}

/** TypeScript's errors for `answers` assigned to their declared types, as "type: message". */
function typeErrors(answers) {
  const dir = mkdtempSync(join(tmpdir(), "types-match-"));
  try {
    const file = join(dir, "answers.ts");
    const lines = [
      `import type * as T from ${JSON.stringify(PKG)};`,
      // The plain fields of an error (its own enumerable ones, as `{ ...error }` copies them).
      `type ErrorFields = Omit<T.SmsPartnerError, "message" | "stack">;`,
      ...answers.map(([type, value], i) => {
        const qualified = type.replace(/\b([A-Z]\w+)\b/g, (name) => (name === "ErrorFields" ? name : `T.${name}`));
        return `export const a${i}: ${qualified} = ${JSON.stringify(value)};`;
      }),
    ];
    writeFileSync(file, lines.join("\n"));
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
      const answer = answers[line - 2];
      return `${answer ? answer[0] : "?"}: ${text}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("every answer has exactly the fields and types its declaration says", { timeout: 120_000 }, async () => {
  const answers = [...pureAnswers(), ...(await clientAnswers())];
  assert.ok(answers.length >= 80, `${answers.length} answers`);
  assert.deepEqual(typeErrors(answers), []);
});

test("the check refuses a field the declaration lacks, a missing one and a wrong type", () => {
  const analysis = sms.analyzeMessage("Bonjour");
  const { smsCount, ...missing } = analysis;
  assert.equal(typeof smsCount, "number");
  const errors = typeErrors([
    ["MessageAnalysis", { ...analysis, extraField: 1 }],
    ["MessageAnalysis", missing],
    ["MessageAnalysis", { ...analysis, characters: "7" }],
  ]);
  assert.equal(errors.length, 3, errors.join("\n"));
  assert.match(errors[0], /extraField/);
  assert.match(errors[1], /smsCount/);
  assert.match(errors[2], /characters|string/);
});
