// The ledger of one campaign: a Durable Object recording every chunk before and after its SMS
// Partner call, so that no chunk is ever sent twice, and re-enqueuing chunks whose queue
// message was lost.
//
// A chunk's states: `pending` (never begun, or refused without being sent, e.g. a 429),
// `sending` (its call may be in flight: leased to one consumer), `unknown` (its answer was lost:
// it may have been sent), then one of `sent`, `failed` (SMS Partner refused it: nothing left),
// `skipped` (every number on the STOP list) or `stopped` (the campaign was stopped first).
// Every transition happens inside this object, one at a time, so two consumers can never both
// be told to send the same chunk.

import { DurableObject } from 'cloudflare:workers';
import { renderTemplate } from 'smspartner-wasm';
import { smsOfRows } from './quota.js';

/** States after which a chunk never changes. */
const FINAL = new Set(['sent', 'failed', 'skipped', 'stopped']);

/** Messages in one `sendBatch` (Cloudflare Queues' limit). */
const SEND_BATCH = 100;

/** Events kept per chunk. */
const HISTORY_LIMIT = 20;

/**
 * How long after a campaign's creation its missing delivery reports are still asked for: SMS
 * Partner's validity is 48 h by default (its error-code page), after which no report changes.
 */
const DELIVERY_CHECK_HORIZON_MS = 72 * 3600 * 1000;

/** The ledger of campaign `id`. */
export function ledgerOf(env, id) {
  return env.CAMPAIGNS.get(env.CAMPAIGNS.idFromName(id));
}

/** The lowercase tag of a chunk, unique to it: SMS Partner lists the chunk's SMS under it. */
export const chunkTag = (id, index) => `${id}-${index}`;

/** Whether a chunk's kept message is a template's row (`{ fields }`) rather than a text. */
const isRow = (kept) => kept !== null && typeof kept === 'object' && !Array.isArray(kept) && typeof kept.fields === 'object';

const parse = (text, fallback) => (text === null || text === undefined ? fallback : JSON.parse(text));

export class CampaignLedger extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS campaign (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      stopped_at TEXT,
      request TEXT NOT NULL,
      message TEXT,
      recipients INTEGER NOT NULL,
      chunk_count INTEGER NOT NULL,
      sweep_ms INTEGER NOT NULL
    )`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS chunks (
      idx INTEGER PRIMARY KEY,
      state TEXT NOT NULL,
      numbers TEXT NOT NULL,
      messages TEXT,
      recipients INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      lease_until INTEGER NOT NULL DEFAULT 0,
      enqueued_at INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL,
      message_id TEXT,
      nb_sms REAL NOT NULL DEFAULT 0,
      cost REAL NOT NULL DEFAULT 0,
      currency TEXT,
      accepted INTEGER NOT NULL DEFAULT 0,
      refused TEXT,
      skipped_stop TEXT,
      resolved_by TEXT,
      last_error TEXT,
      history TEXT NOT NULL DEFAULT '[]'
    )`);
    // One row per recipient with a delivery report: the last report, a final one never
    // replaced by a later pending one.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS deliveries (
      chunk INTEGER NOT NULL,
      phone_number TEXT NOT NULL,
      status TEXT NOT NULL,
      grp TEXT,
      final INTEGER NOT NULL,
      at TEXT,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (chunk, phone_number)
    )`);
    // When each sent chunk's statuses were last asked of SMS Partner (no report came for some).
    this.sql.exec('CREATE TABLE IF NOT EXISTS delivery_checks (idx INTEGER PRIMARY KEY, checked_at INTEGER NOT NULL)');
    // Reports that came before their chunk's answer was recorded (SMS Partner can deliver and
    // report faster than the consumer writes down the send): applied when it is.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS early_reports (
      message_id TEXT NOT NULL,
      phone_number TEXT NOT NULL,
      report TEXT NOT NULL,
      PRIMARY KEY (message_id, phone_number)
    )`);
    // Facts of the campaign added after its first table: `stop_reason`.
    this.sql.exec('CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, value TEXT)');
  }

  #fact(key) {
    return this.sql.exec('SELECT value FROM facts WHERE key = ?', key).toArray()[0]?.value ?? null;
  }

  /** Stops the campaign for `reason` (`request`, `max_cost`), once: the first reason stays. */
  #markStopped(reason) {
    this.sql.exec('UPDATE campaign SET stopped_at = ? WHERE stopped_at IS NULL', new Date().toISOString());
    this.sql.exec('INSERT OR IGNORE INTO facts (key, value) VALUES (?, ?)', 'stop_reason', reason);
  }

  /** Whether a chunk's call may be in flight (its answer not recorded yet). */
  #inFlight() {
    return this.sql.exec("SELECT count(*) AS n FROM chunks WHERE state IN ('sending', 'unknown')").one().n > 0;
  }

  /** Applies the reports that came before chunk `index`'s send (`messageId`) was recorded. */
  #applyEarlyReports(messageId) {
    const held = this.sql.exec('SELECT report FROM early_reports WHERE message_id = ?', messageId).toArray();
    if (held.length === 0) return;
    this.sql.exec('DELETE FROM early_reports WHERE message_id = ?', messageId);
    this.recordDelivery(held.map((row) => parse(row.report, null)).filter((report) => report !== null));
  }

  /** What SMS Partner billed for the chunks it answered. */
  #spent() {
    return this.sql.exec("SELECT coalesce(sum(cost), 0) AS spent FROM chunks WHERE state = 'sent'").one().spent;
  }

  #campaign() {
    return this.sql.exec('SELECT * FROM campaign').toArray()[0] ?? null;
  }

  #chunk(index) {
    return this.sql.exec('SELECT * FROM chunks WHERE idx = ?', index).toArray()[0] ?? null;
  }

  /** Appends an event to the chunk's history (the last HISTORY_LIMIT are kept). */
  #event(row, event) {
    const history = parse(row.history, []);
    history.push({ at: new Date().toISOString(), ...event });
    return JSON.stringify(history.slice(-HISTORY_LIMIT));
  }

  /**
   * Records a new campaign and enqueues its chunks. `request`: the batch's options (a send
   * request without numbers, message and tag); `sendOptions`: `{ commercial, lang }`. `chunks`: `[{ numbers, messages }]`,
   * `messages` null when every recipient gets `message`. `quota`: the reservation of its SMS
   * (quota.js), given back chunk by chunk for what is never sent; `maxCost`: the spending
   * ceiling, or null (no chunk begins once SMS Partner has billed that much); `deliveryCheckMs`:
   * how long a sent chunk waits for its delivery reports before its statuses are asked of SMS
   * Partner (`bulkStatus`), and again while some are missing; null: never asked. Resolves to `{ created, enqueued }`:
   * `created` false when the campaign already exists (nothing changes); `enqueued` false when
   * the queue refused the chunks, which the sweep then enqueues.
   */
  async create({ id, request, sendOptions, message, chunks, sweepMs, quota = null, maxCost = null, deliveryCheckMs = null }) {
    if (this.#campaign() !== null) return { created: false };
    const now = Date.now();
    const recipients = chunks.reduce((n, chunk) => n + chunk.numbers.length, 0);
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        'INSERT INTO campaign (id, created_at, request, message, recipients, chunk_count, sweep_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
        id,
        new Date(now).toISOString(),
        JSON.stringify({ request, sendOptions, quota, maxCost, deliveryCheckMs }),
        message,
        recipients,
        chunks.length,
        sweepMs,
      );
      chunks.forEach((chunk, index) => {
        this.sql.exec(
          'INSERT INTO chunks (idx, state, numbers, messages, recipients, enqueued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          index,
          'pending',
          JSON.stringify(chunk.numbers),
          chunk.messages === null ? null : JSON.stringify(chunk.messages),
          chunk.numbers.length,
          now,
          now,
        );
      });
    });
    await this.ctx.storage.setAlarm(now + sweepMs);
    try {
      await this.#enqueue(chunks.map((_, index) => index));
    } catch {
      // Recorded all the same: the sweep enqueues what is left (the caller must not create the
      // campaign a second time).
      return { created: true, enqueued: false };
    }
    return { created: true, enqueued: true };
  }

  /** Enqueues chunk `indexes`: to be sent, or (`kind` `delivery`) to have their statuses asked. */
  async #enqueue(indexes, kind = null) {
    const id = this.#campaign().id;
    for (let start = 0; start < indexes.length; start += SEND_BATCH) {
      const batch = indexes.slice(start, start + SEND_BATCH);
      await this.env.CAMPAIGN_CHUNKS.sendBatch(batch.map((chunk) => ({ body: kind === null ? { campaign: id, chunk } : { campaign: id, chunk, kind } })));
    }
  }

  /**
   * What a consumer holding the queue message of chunk `index` must do:
   * `{ action: "done" }` (already settled, or the campaign is stopped),
   * `{ action: "wait", waitSeconds }` (another consumer holds it, or its answer is settling),
   * `{ action: "send", ...work }` (never begun: leased to this consumer for `leaseMs`),
   * `{ action: "check", stopped, ...work }` (it may have left: ask SMS Partner by tag first).
   * `work` is `{ tag, request, sendOptions, quota, rows: [{ phoneNumber, message }] }`: the batch's
   * options, the validation options (commercial, lang), the reservation of its SMS and the
   * chunk's messages. A chunk stopped here comes with `released: { quota, sms }` to give back.
   */
  begin(index, leaseMs) {
    const campaign = this.#campaign();
    const row = this.#chunk(index);
    if (campaign === null || row === null) return { action: 'done', missing: true };
    if (FINAL.has(row.state)) return { action: 'done' };
    const now = Date.now();
    const { maxCost = null } = parse(campaign.request, {});
    // The spending ceiling: no chunk begins once SMS Partner has billed it (chunks already in
    // flight when it is crossed are settled as usual).
    if (row.state === 'pending' && campaign.stopped_at === null && maxCost !== null && this.#spent() >= maxCost) {
      this.#markStopped('max_cost');
      campaign.stopped_at = new Date(now).toISOString();
    }
    const stopped = campaign.stopped_at !== null;
    if (row.state === 'pending' && stopped) {
      this.sql.exec(
        'UPDATE chunks SET state = ?, updated_at = ?, history = ? WHERE idx = ?',
        'stopped',
        now,
        this.#event(row, { event: 'stopped' }),
        index,
      );
      return { action: 'done', released: { quota: parse(campaign.request, {}).quota ?? null, sms: this.#sms(campaign, row) } };
    }
    if (row.state !== 'pending' && row.lease_until > now) {
      return { action: 'wait', waitSeconds: Math.max(1, Math.ceil((row.lease_until - now) / 1000)) };
    }
    const action = row.state === 'pending' ? 'send' : 'check';
    const attempt = row.attempts + 1;
    this.sql.exec(
      'UPDATE chunks SET state = ?, attempts = ?, lease_until = ?, updated_at = ?, history = ? WHERE idx = ?',
      'sending',
      attempt,
      now + leaseMs,
      now,
      this.#event(row, { event: action, attempt }),
      index,
    );
    return {
      action,
      stopped,
      attempt,
      tag: chunkTag(campaign.id, index),
      ...parse(campaign.request, {}),
      rows: this.#rows(campaign, row),
    };
  }

  /**
   * Settles what a consumer learnt of chunk `index`, which it holds (`sending`). `outcome`:
   * `{ state: "sent", resolvedBy, messageId, nbSms, cost, currency, accepted, refused, skippedStop }`,
   * `{ state: "failed", error, skippedStop }`, `{ state: "skipped", skippedStop }`,
   * `{ state: "stopped" }`, `{ state: "unknown", error, settleMs }` (may have left: looked up by
   * tag after `settleMs`) or `{ state: "pending", error }` (refused before it was sent: sent again).
   */
  async finish(index, outcome) {
    const row = this.#chunk(index);
    if (row === null || FINAL.has(row.state)) return { changed: false };
    const now = Date.now();
    const { state } = outcome;
    const error = outcome.error === undefined ? row.last_error : JSON.stringify(outcome.error);
    const lease = state === 'unknown' ? now + (outcome.settleMs ?? 0) : 0;
    const event = { event: state, ...(outcome.resolvedBy ? { resolvedBy: outcome.resolvedBy } : {}) };
    if (outcome.error) event.error = outcome.error;
    this.sql.exec(
      `UPDATE chunks SET state = ?, lease_until = ?, updated_at = ?, last_error = ?, history = ?,
         message_id = ?, nb_sms = ?, cost = ?, currency = ?, accepted = ?, refused = ?, skipped_stop = ?, resolved_by = ?
       WHERE idx = ?`,
      state,
      lease,
      now,
      error,
      this.#event(row, event),
      outcome.messageId === undefined || outcome.messageId === null ? row.message_id : String(outcome.messageId),
      outcome.nbSms ?? row.nb_sms,
      outcome.cost ?? row.cost,
      outcome.currency ?? row.currency,
      outcome.accepted ?? row.accepted,
      outcome.refused === undefined ? row.refused : JSON.stringify(outcome.refused),
      outcome.skippedStop === undefined ? row.skipped_stop : JSON.stringify(outcome.skippedStop),
      outcome.resolvedBy ?? row.resolved_by,
      index,
    );
    if (state === 'sent' && outcome.messageId !== undefined && outcome.messageId !== null) this.#applyEarlyReports(String(outcome.messageId));
    await this.#armDeliveryCheck(now);
    return { changed: true };
  }

  /**
   * Once every chunk is settled, brings the alarm forward to the first delivery check due
   * (the sweep's own period may be longer than the check's).
   */
  async #armDeliveryCheck(now) {
    const open = this.sql.exec(`SELECT count(*) AS n FROM chunks WHERE state NOT IN ('sent', 'failed', 'skipped', 'stopped')`).one().n;
    if (open > 0) return;
    const { due, next } = this.#dueDeliveryChecks(this.#campaign(), now);
    const at = due.length > 0 ? now : next;
    if (at === null) return;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || at < current) await this.ctx.storage.setAlarm(at);
  }

  /**
   * Stops the campaign: chunks not begun are not sent; those begun are settled as usual. The
   * progress, with `released: { quota, sms }`: the SMS of the chunks it stopped, to give back.
   */
  stop() {
    const campaign = this.#campaign();
    if (campaign === null) return null;
    let sms = 0;
    if (campaign.stopped_at === null) {
      this.ctx.storage.transactionSync(() => {
        for (const row of this.sql.exec("SELECT * FROM chunks WHERE state = 'pending'").toArray()) sms += this.#sms(campaign, row);
        this.#markStopped('request');
        this.sql.exec("UPDATE chunks SET state = 'stopped', updated_at = ? WHERE state = 'pending'", Date.now());
      });
    }
    return { ...this.progress(), released: { quota: parse(campaign.request, {}).quota ?? null, sms } };
  }

  /**
   * The rows of a chunk: `[{ phoneNumber, message }]`. A templated row (`{ fields }`) is rendered
   * from the campaign's message by the package, as it was checked when the campaign was made.
   */
  #rows(campaign, row) {
    const numbers = parse(row.numbers, []);
    const messages = parse(row.messages, null);
    const { sendOptions } = parse(campaign.request, {});
    const messageOf = (kept) =>
      isRow(kept) ? renderTemplate(campaign.message ?? '', kept.fields, { lang: sendOptions?.lang }).message : kept;
    return numbers.map((phoneNumber, i) => ({ phoneNumber, message: messages === null ? campaign.message : messageOf(messages[i]) }));
  }

  /** The SMS a chunk was counted for. */
  #sms(campaign, row) {
    return smsOfRows(this.#rows(campaign, row), parse(campaign.request, {}).request);
  }

  /**
   * Records delivery reports read by the package (`parseDeliveryReport`'s `report`, or a final
   * status of `bulkStatus` or `statusByTag` in the same shape with the `chunk` it was asked
   * for), each for the chunk whose send it names (its `messageId`, or its `chunk`). Resolves
   * to `{ recorded, reason? }` for one report, `{ recorded: n }` for a list; `reason`
   * `unknown_message` when no chunk of this campaign was sent with that id or to that number,
   * `already_final` when a pending report comes after a final one (kept as it was).
   */
  recordDelivery(report) {
    const chunks = new Map(); // message id or chunk → { idx, numbers } of the sent chunk, read once per call
    const chunkOf = (report) => {
      const byIndex = Number.isInteger(report.chunk);
      const key = byIndex ? `#${report.chunk}` : String(report.messageId);
      if (!chunks.has(key)) {
        const row = byIndex
          ? this.sql.exec("SELECT idx, numbers FROM chunks WHERE idx = ? AND state = 'sent'", report.chunk).toArray()[0]
          : this.sql.exec('SELECT idx, numbers FROM chunks WHERE message_id = ?', key).toArray()[0];
        chunks.set(key, row === undefined ? null : { idx: row.idx, numbers: new Set(parse(row.numbers, [])) });
      }
      return chunks.get(key);
    };
    if (Array.isArray(report)) {
      let recorded = 0;
      this.ctx.storage.transactionSync(() => {
        for (const one of report) if (this.#record(one, chunkOf).recorded) recorded += 1;
      });
      return { recorded };
    }
    return this.#record(report, chunkOf);
  }

  #record(report, chunkOf) {
    const row = chunkOf(report);
    if (row === null && !Number.isInteger(report.chunk) && typeof report.phoneNumber === 'string' && this.#inFlight()) {
      // A chunk may be answered but not yet recorded: the report waits for it.
      this.sql.exec(
        'INSERT OR REPLACE INTO early_reports (message_id, phone_number, report) VALUES (?, ?, ?)',
        String(report.messageId),
        report.phoneNumber,
        JSON.stringify(report),
      );
      return { recorded: false, reason: 'held_until_sent' };
    }
    if (row === null || !row.numbers.has(report.phoneNumber)) return { recorded: false, reason: 'unknown_message' };
    const before = this.sql.exec('SELECT final FROM deliveries WHERE chunk = ? AND phone_number = ?', row.idx, report.phoneNumber).toArray()[0];
    if (before !== undefined && before.final === 1 && !report.final) return { recorded: false, reason: 'already_final' };
    this.sql.exec(
      `INSERT INTO deliveries (chunk, phone_number, status, grp, final, at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (chunk, phone_number) DO UPDATE SET status = excluded.status, grp = excluded.grp,
           final = excluded.final, at = excluded.at, updated_at = excluded.updated_at`,
      row.idx,
      report.phoneNumber,
      report.status,
      report.group ?? null,
      report.final ? 1 : 0,
      report.at ?? null,
      Date.now(),
    );
    return { recorded: true };
  }

  /**
   * What the delivery reports say of the recipients SMS Partner accepted: `{ delivered, failed,
   * pending, failedBy }`, `failedBy` counting the failures by SMS Partner's group (`undeliverable`,
   * `expired`, `rejected`) or status (`ko`, `notDelivered` without a group).
   */
  #deliveries(accepted) {
    let delivered = 0;
    let failed = 0;
    const failedBy = {};
    for (const row of this.sql.exec('SELECT status, grp, count(*) AS n FROM deliveries WHERE final = 1 GROUP BY status, grp').toArray()) {
      if (row.status === 'delivered') delivered += row.n;
      else {
        failed += row.n;
        const reason = row.grp ?? row.status;
        failedBy[reason] = (failedBy[reason] ?? 0) + row.n;
      }
    }
    return { delivered, failed, pending: Math.max(0, accepted - delivered - failed), failedBy };
  }

  /**
   * The sent chunks (or chunk `only`) with recipients still without a final report:
   * `[{ idx, missing }]`.
   */
  #awaitingReports(only = null) {
    const out = [];
    const rows = this.sql
      .exec(
        `SELECT idx, numbers, refused, skipped_stop FROM chunks
           WHERE state = 'sent' AND (? IS NULL OR idx = ?) ORDER BY idx`,
        only,
        only,
      )
      .toArray();
    for (const row of rows) {
      const finals = new Set(this.sql.exec('SELECT phone_number FROM deliveries WHERE chunk = ? AND final = 1', row.idx).toArray().map((r) => r.phone_number));
      const left = new Set([...parse(row.refused, []).map((item) => item.phoneNumber), ...parse(row.skipped_stop, [])]);
      const missing = parse(row.numbers, []).filter((n) => !left.has(n) && !finals.has(n)).length;
      if (missing > 0) out.push({ idx: row.idx, missing });
    }
    return out;
  }

  /**
   * What a consumer asks before looking up chunk `index`'s statuses: `{ messageId, tag }` when
   * the chunk still lacks final reports (`messageId` null for a chunk found by its tag after a
   * lost answer: its statuses are then asked by tag), else null. Marks the check as made.
   */
  deliveryCheck(index) {
    const campaign = this.#campaign();
    const row = this.#chunk(index);
    if (campaign === null || row === null || row.state !== 'sent') return null;
    if (this.#awaitingReports(index).length === 0) return null;
    this.sql.exec('INSERT INTO delivery_checks (idx, checked_at) VALUES (?, ?) ON CONFLICT (idx) DO UPDATE SET checked_at = excluded.checked_at', index, Date.now());
    return { messageId: row.message_id, tag: chunkTag(campaign.id, index) };
  }

  /**
   * The chunks whose statuses are due to be asked (sent at least `deliveryCheckMs` ago, or
   * asked that long ago, and still missing final reports), within the check horizon.
   */
  #dueDeliveryChecks(campaign, now) {
    const { deliveryCheckMs = null } = parse(campaign.request, {});
    if (deliveryCheckMs === null || now - Date.parse(campaign.created_at) > DELIVERY_CHECK_HORIZON_MS) return { due: [], next: null };
    const checked = new Map(this.sql.exec('SELECT idx, checked_at FROM delivery_checks').toArray().map((r) => [r.idx, r.checked_at]));
    const due = [];
    let next = null;
    for (const { idx } of this.#awaitingReports()) {
      const since = checked.get(idx) ?? this.#chunk(idx).updated_at;
      const at = since + deliveryCheckMs;
      if (at <= now) due.push(idx);
      else next = next === null ? at : Math.min(next, at);
    }
    return { due, next };
  }

  /** The numbers SMS Partner accepted in the campaign's sent chunks, in the campaign's order. */
  sentNumbers() {
    const out = [];
    for (const row of this.sql.exec("SELECT numbers, refused, skipped_stop FROM chunks WHERE state = 'sent' ORDER BY idx").toArray()) {
      const left = new Set([...parse(row.refused, []).map((item) => item.phoneNumber), ...parse(row.skipped_stop, [])]);
      for (const number of parse(row.numbers, [])) if (!left.has(number)) out.push(number);
    }
    return out;
  }

  /**
   * Every recipient's outcome, in the campaign's order (null when there is no such campaign):
   * `[{ phoneNumber, chunk, tag, state, messageId, delivery, group, at, reason }]`. `state`:
   * `sent`, `refused` (SMS Partner refused the number in a sent chunk), `stop_list`, `failed`,
   * `stopped`, `pending` or `unknown` (its answer was lost, looked up later); `delivery` the last
   * delivery report's status (`delivered`, `notDelivered`, `waiting`, `ko`), null without one;
   * `reason` SMS Partner's code of a refusal or failure, or the stop's reason.
   */
  recipientsReport() {
    const campaign = this.#campaign();
    if (campaign === null) return null;
    const stopReason = this.#fact('stop_reason') ?? 'request';
    const deliveries = new Map();
    for (const row of this.sql.exec('SELECT chunk, phone_number, status, grp, at FROM deliveries').toArray()) {
      deliveries.set(`${row.chunk}|${row.phone_number}`, row);
    }
    const out = [];
    for (const row of this.sql.exec('SELECT idx, state, numbers, message_id, refused, skipped_stop, last_error FROM chunks ORDER BY idx').toArray()) {
      const refused = new Map(parse(row.refused, []).map((item) => [item.phoneNumber, item.code]));
      const skipped = new Set(parse(row.skipped_stop, []));
      const error = parse(row.last_error, null);
      for (const phoneNumber of parse(row.numbers, [])) {
        let state = row.state === 'sending' ? 'unknown' : row.state;
        let reason = null;
        if (skipped.has(phoneNumber) || row.state === 'skipped') state = 'stop_list';
        else if (row.state === 'sent' && refused.has(phoneNumber)) {
          state = 'refused';
          reason = refused.get(phoneNumber) ?? null;
        } else if (row.state === 'failed') reason = error?.code ?? error?.kind ?? null;
        else if (row.state === 'stopped') reason = stopReason;
        const delivery = state === 'sent' ? (deliveries.get(`${row.idx}|${phoneNumber}`) ?? null) : null;
        out.push({
          phoneNumber,
          chunk: row.idx,
          tag: chunkTag(campaign.id, row.idx),
          state,
          messageId: row.message_id,
          delivery: delivery?.status ?? null,
          group: delivery?.grp ?? null,
          at: delivery?.at ?? null,
          reason,
        });
      }
    }
    return out;
  }

  /** The campaign's progress (null when there is no such campaign); `withChunks` adds each chunk. */
  progress(withChunks = false) {
    const campaign = this.#campaign();
    if (campaign === null) return null;
    const rows = this.sql
      .exec(
        `SELECT idx, state, recipients, attempts, message_id, nb_sms, cost, currency, accepted, refused,
           skipped_stop, resolved_by, last_error, history FROM chunks ORDER BY idx`,
      )
      .toArray();
    const chunks = { total: rows.length, sent: 0, failed: 0, unknown: 0, pending: 0, skipped: 0, stopped: 0 };
    let nbSms = 0;
    let cost = 0;
    let currency = null;
    let accepted = 0;
    let skippedStop = 0;
    for (const row of rows) {
      const bucket = row.state === 'sending' ? 'unknown' : row.state;
      chunks[bucket] += 1;
      nbSms += row.nb_sms;
      cost += row.cost;
      currency ??= row.currency;
      accepted += row.accepted;
      skippedStop += parse(row.skipped_stop, []).length;
    }
    const settled = chunks.sent + chunks.failed + chunks.skipped + chunks.stopped;
    let state;
    if (campaign.stopped_at !== null) state = 'stopped';
    else if (settled === chunks.total) state = 'done';
    else if (rows.every((row) => row.state === 'pending' && row.attempts === 0)) state = 'queued';
    else state = 'sending';
    const answer = {
      id: campaign.id,
      state,
      // Every chunk in a state it never leaves: nothing of the campaign will change any more.
      settled: settled === chunks.total,
      createdAt: campaign.created_at,
      stoppedAt: campaign.stopped_at,
      // `request` (POST …/stop) or `max_cost` (the spending ceiling reached); null while it runs.
      stopReason: campaign.stopped_at === null ? null : (this.#fact('stop_reason') ?? 'request'),
      maxCost: parse(campaign.request, {}).maxCost ?? null,
      recipients: campaign.recipients,
      chunks,
      accepted,
      skippedStop,
      nbSms,
      cost: Math.round(cost * 1000) / 1000,
      currency,
      delivery: this.#deliveries(accepted),
    };
    if (withChunks) {
      answer.list = rows.map((row) => ({
        index: row.idx,
        tag: chunkTag(campaign.id, row.idx),
        state: row.state,
        recipients: row.recipients,
        attempts: row.attempts,
        messageId: row.message_id,
        nbSms: row.nb_sms,
        cost: row.cost,
        accepted: row.accepted,
        refused: parse(row.refused, []),
        skippedStop: parse(row.skipped_stop, []),
        resolvedBy: row.resolved_by,
        lastError: parse(row.last_error, null),
        history: parse(row.history, []),
      }));
    }
    return answer;
  }

  /**
   * The sweep: enqueues again every chunk whose queue message may be lost (pending and enqueued
   * longer than a sweep ago, or held past its lease), then comes back while chunks are open.
   */
  async alarm() {
    const campaign = this.#campaign();
    if (campaign === null) return;
    const now = Date.now();
    const stale = this.sql
      .exec(
        `SELECT idx FROM chunks WHERE (state = 'pending' AND enqueued_at <= ?)
           OR (state IN ('sending', 'unknown') AND lease_until <= ?) ORDER BY idx`,
        now - campaign.sweep_ms,
        now,
      )
      .toArray()
      .map((row) => row.idx);
    if (stale.length > 0) {
      for (const index of stale) this.sql.exec('UPDATE chunks SET enqueued_at = ? WHERE idx = ?', now, index);
      await this.#enqueue(stale);
    }
    // Sent chunks whose delivery reports have not all come: their statuses asked by a consumer.
    const { due, next } = this.#dueDeliveryChecks(campaign, now);
    if (due.length > 0) await this.#enqueue(due, 'delivery');
    const open = this.sql
      .exec(`SELECT count(*) AS n FROM chunks WHERE state NOT IN ('sent', 'failed', 'skipped', 'stopped')`)
      .one().n;
    if (open > 0) await this.ctx.storage.setAlarm(now + campaign.sweep_ms);
    else if (due.length > 0 || next !== null) {
      const { deliveryCheckMs } = parse(campaign.request, {});
      await this.ctx.storage.setAlarm(due.length > 0 ? now + deliveryCheckMs : next);
    }
  }
}
