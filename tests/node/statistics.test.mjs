// client.statistics against the stand-in: months as numbers, each interval, its checks in the
// package's codes, and SMS Partner's limit of 5 calls a minute kept by the client (a sixth
// refused before any call, never retried). Run: node --test tests/node/statistics.test.mjs

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import * as sms from "../../pkg/index.js";
import { startStandin } from "../../tools/standin/server.mjs";

sms.initSync({ module: readFileSync(new URL("../../pkg/smspartner_wasm_bg.wasm", import.meta.url)) });

const KEY = "statistics-key";
let standin;
before(async () => {
  standin = await startStandin({ apiKeys: [KEY], logger: false });
});
after(() => standin.close());

const callsAtStandin = () => Object.values(standin.state.statisticsCalls).flat().length;

test("months read as numbers; the sixth call of a minute refused by the client, nothing asked", async () => {
  const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: standin.url });
  try {
    await client.send({ phoneNumbers: "06 11 11 11 11, 06 22 22 22 22", message: "Bonjour" });
    const months = await client.statistics({ interval: "last_twelve_months" });
    assert.equal(months.length, 1);
    const [month] = months;
    assert.equal(month.nbSend, 2);
    assert.equal(typeof month.cost, "number");
    assert.ok(month.cost > 0);
    assert.equal(typeof month.year, "number");
    assert.ok(month.month >= 1 && month.month <= 12);
    assert.match(month.date, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(month.kind, "month");
    assert.deepEqual(await client.statistics(), []);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await client.statistics({ interval: "custom", from: "2020-01-01", to: today })).length, 1);
    await client.statistics({ interval: "last_month" });
    await client.statistics({ interval: "last_month" });
    assert.equal(callsAtStandin(), 5);
    await assert.rejects(client.statistics(), (error) => {
      assert.ok(error instanceof sms.SmsPartnerError);
      assert.deepEqual([error.kind, error.status, error.reason, error.mayHaveBeenSent], ["http", 429, "rate_limited", false]);
      assert.match(error.message, /5 statistics calls a minute/);
      return true;
    });
    assert.equal(callsAtStandin(), 5, "the sixth call reached SMS Partner");
  } finally {
    client.free();
  }
});

test("the period is checked before any call, in the package's codes", async () => {
  const client = new sms.SmsPartnerClient({ apiKey: KEY, baseUrl: standin.url });
  const codes = async (query) => {
    try {
      await client.statistics(query);
      return null;
    } catch (error) {
      assert.equal(error.kind, "validation");
      return error.errors.map((issue) => [issue.field, issue.code]);
    }
  };
  try {
    const before = callsAtStandin();
    assert.deepEqual(await codes({ interval: "yesterday" }), [["interval", "interval_invalid"]]);
    assert.deepEqual(await codes({ interval: "last_month", from: "2026-01-01" }), [["interval", "interval_invalid"]]);
    assert.deepEqual(await codes({ interval: "custom", from: "2026-01-01" }), [["from", "date_range_required"]]);
    assert.deepEqual(await codes({ interval: "custom", from: "2026-02-30", to: "31/12/2026" }), [["from", "date_invalid"], ["to", "date_invalid"]]);
    assert.deepEqual(await codes({ interval: "custom", from: "2026-12-31", to: "01-01-2026" }), [["from", "date_range_reversed"]]);
    assert.deepEqual(await codes(42), [["interval", "interval_invalid"]]);
    assert.equal(callsAtStandin(), before);
  } finally {
    client.free();
  }
});
