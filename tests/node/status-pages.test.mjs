// statusByTag reads every page of bulk-status-by-tag (its answer has currentPage and total):
// against the stand-in's pages of 500, to the end; against a server that ignores the page asked
// for, once more and no further, nothing counted twice; an error on a later page rejects.
// Run: node --test tests/node/status-pages.test.mjs

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import * as sms from "../../pkg/index.js";
import { startStandin } from "../../tools/standin/server.mjs";
import { STATUS_PAGE_SIZE } from "../../tools/standin/lifecycle.mjs";

sms.initSync({ module: readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url)) });

const KEY = "pages-key";
let standin;
before(async () => {
  standin = await startStandin({ apiKeys: [KEY], logger: false, credits: { creditSms: 1e6, creditSmsECO: 1e6, creditHlr: 0, balance: 1e6 } });
});
after(() => standin.close());

const mobile = (i) => `+3361${String(i).padStart(7, "0")}`;

test("every page of a tag's statuses, in order, each once", async () => {
  const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: standin.url });
  try {
    // 1,200 SMS under one tag: three sends, so three pages of 500, 500 and 200.
    const numbers = Array.from({ length: 1200 }, (_, i) => mobile(i));
    for (let from = 0; from < numbers.length; from += 500) {
      const messages = numbers.slice(from, from + 500).map((phoneNumber) => ({ phoneNumber, message: "Bonjour" }));
      const result = await client.sendBulk({ messages, tag: "pages" });
      assert.equal(result.complete, true);
    }
    const statuses = await client.statusByTag("pages");
    assert.equal(STATUS_PAGE_SIZE, 500);
    assert.deepEqual(statuses.map((s) => s.phoneNumber), numbers);
    assert.ok(statuses.every((s) => s.status === "delivered"));
    assert.deepEqual(await client.statusByTag("nothing-sent"), []);
  } finally {
    client.free();
  }
});

/** A server answering bulk-status-by-tag with `answer(page)`; `asked` lists the pages asked. */
async function pagedServer(answer) {
  const asked = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const page = url.searchParams.get("page");
    asked.push(page === null ? 1 : Number(page));
    const [status, body] = answer(asked.at(-1));
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, asked, close: () => new Promise((resolve) => server.close(resolve)) };
}

const item = (i) => ({ phoneNumber: mobile(i), status: "Delivered", stopSMS: false, date: "1741945327" });

test("a server that ignores the page asked for is read once more, then no further, nothing twice", async () => {
  const server = await pagedServer(() => [200, { success: true, code: 200, currentPage: 1, total: 4, StatutResponse_List: [item(0), item(1)] }]);
  const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: server.url });
  try {
    const statuses = await client.statusByTag("loop");
    assert.deepEqual(statuses.map((s) => s.phoneNumber), [mobile(0), mobile(1)]);
    assert.deepEqual(server.asked, [1, 2]);
  } finally {
    client.free();
    await server.close();
  }
});

test("an answer without currentPage or total is one page; an error on a later page rejects", async () => {
  const single = await pagedServer(() => [200, { success: true, code: 200, StatutResponse_List: [item(0)] }]);
  const failing = await pagedServer((page) =>
    page === 1 ? [200, { success: true, code: 200, currentPage: 1, total: 3, StatutResponse_List: [item(0), item(1)] }] : [500, { success: false }],
  );
  const one = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: single.url });
  const two = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: failing.url });
  try {
    assert.equal((await one.statusByTag("single")).length, 1);
    assert.deepEqual(single.asked, [1]);
    await assert.rejects(two.statusByTag("failing"), (error) => error instanceof sms.SmsPartnerError && error.kind === "http" && error.status === 500);
    assert.deepEqual(failing.asked, [1, 2]);
  } finally {
    one.free();
    two.free();
    await single.close();
    await failing.close();
  }
});
