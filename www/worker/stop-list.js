// The worker's STOP list: a Durable Object (one for the worker) holding every number that
// answered STOP, with the reason, so that later chunks and campaigns skip it.

import { DurableObject } from 'cloudflare:workers';

/** Bound parameters per statement: the SQLite of Durable Objects takes at most 100. */
const IN_BATCH = 100;

/** The one STOP list of the worker. */
export function stopListOf(env) {
  return env.STOP_LIST.get(env.STOP_LIST.idFromName('stop-list'));
}

export class StopList extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS stops (
      phone_number TEXT PRIMARY KEY,
      reason TEXT NOT NULL,
      text TEXT,
      message_id TEXT,
      received_at TEXT,
      added_at TEXT NOT NULL
    )`);
  }

  /**
   * Puts `{ phoneNumber, reason, text?, messageId?, receivedAt? }` on the list (E.164 number).
   * Resolves to `{ added }`: false when the number was already there (the first reason stays).
   */
  add({ phoneNumber, reason, text = null, messageId = null, receivedAt = null }) {
    const before = this.sql.exec('SELECT 1 FROM stops WHERE phone_number = ?', phoneNumber).toArray().length;
    this.sql.exec(
      'INSERT OR IGNORE INTO stops (phone_number, reason, text, message_id, received_at, added_at) VALUES (?, ?, ?, ?, ?, ?)',
      phoneNumber,
      reason,
      text,
      messageId === null ? null : String(messageId),
      receivedAt,
      new Date().toISOString(),
    );
    return { added: before === 0 };
  }

  /**
   * The numbers of `numbers` (E.164) that are on the list, in the order given; with `since`
   * (an ISO 8601 instant), only those put on it since then.
   */
  filter(numbers, since = null) {
    const found = new Set();
    const after = since === null ? '' : ' AND added_at >= ?';
    for (let start = 0; start < numbers.length; start += IN_BATCH - 1) {
      const batch = numbers.slice(start, start + IN_BATCH - 1);
      const marks = batch.map(() => '?').join(',');
      const params = since === null ? batch : [...batch, since];
      for (const row of this.sql.exec(`SELECT phone_number FROM stops WHERE phone_number IN (${marks})${after}`, ...params)) {
        found.add(row.phone_number);
      }
    }
    return numbers.filter((number) => found.has(number));
  }

  /** Every entry: `[{ phoneNumber, reason, text, messageId, receivedAt, addedAt }]`, oldest first. */
  list() {
    return this.sql
      .exec('SELECT * FROM stops ORDER BY added_at, phone_number')
      .toArray()
      .map((row) => ({
        phoneNumber: row.phone_number,
        reason: row.reason,
        text: row.text,
        messageId: row.message_id,
        receivedAt: row.received_at,
        addedAt: row.added_at,
      }));
  }
}
