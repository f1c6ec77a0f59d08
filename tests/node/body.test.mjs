// The body the package posts, byte for byte: the wasm writes it with serde-wasm-bindgen and
// JSON.stringify, the native tests with serde_json (tests/wire.rs), both against one fixture.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

import * as sms from "../../pkg/index.js";

sms.initSync({ module: readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url)) });
const fixture = JSON.parse(readFileSync(new URL("../fixtures/send-body.json", import.meta.url), "utf8"));

test("the posted body is the fixture's, byte for byte", async () => {
  const received = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ path: req.url, type: req.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ success: true, code: 200, message_id: 1, nb_sms: 2, cost: 0, currency: "EUR" }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const client = new sms.SmsPartnerClient({ apiKey: fixture.apiKey, baseUrl: `http://127.0.0.1:${server.address().port}`, timeoutMs: 10_000 });
  try {
    const result = await client.send(fixture.request);
    assert.equal(result.messageId, 1);
  } finally {
    client.free();
    await new Promise((resolve) => server.close(resolve));
  }
  assert.equal(received.length, 1);
  assert.equal(received[0].path, "/v1/send");
  assert.equal(received[0].type, "application/json");
  assert.equal(received[0].body, fixture.body);
});
