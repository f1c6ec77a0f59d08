// The daily SMS limits: a Durable Object counting each caller's SMS of the Paris day and the
// account's, reserved before a call to SMS Partner and given back when nothing was sent.
//
// Settings (vars): DAILY_SMS_LIMIT_PER_CALLER (default 2,000) and DAILY_SMS_LIMIT (the whole
// account, default 10,000): positive whole numbers of SMS. SMS are counted as the package counts
// them: each recipient × the SMS of its message. Sandbox sends (nothing delivered or billed) are
// not counted. One object serves the account: it runs one call at a time, so a reservation sees
// every reservation before it and no number of sends at once can go over a limit.

import { DurableObject } from 'cloudflare:workers';
import { analyzeMessage } from 'smspartner-wasm';
import { Refusal } from './http.js';

export const DEFAULT_DAILY_SMS_LIMIT_PER_CALLER = 2000;
export const DEFAULT_DAILY_SMS_LIMIT = 10_000;
/** The row holding the account's count (no identity is empty). */
const ACCOUNT = '';

const PARIS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Paris calendar day of instant `ms`, as `YYYY-MM-DD`. */
export function parisDay(ms) {
  return PARIS_DATE.format(new Date(ms));
}

/** Seconds from `ms` until the next Paris day begins (at least 1). */
export function secondsToNextParisDay(ms) {
  const today = parisDay(ms);
  // The next day begins between 21 and 25 hours after today's UTC midnight: search the hour, then the second.
  let low = ms;
  let high = ms + 26 * 3600_000;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (parisDay(middle) === today) low = middle;
    else high = middle;
  }
  return Math.max(1, Math.ceil((high - ms) / 1000));
}

/** The limits of the bindings: `{ caller, account }`; throws a message naming a bad setting. */
export function dailyLimits(env) {
  return {
    caller: limitOf(env.DAILY_SMS_LIMIT_PER_CALLER, DEFAULT_DAILY_SMS_LIMIT_PER_CALLER, 'DAILY_SMS_LIMIT_PER_CALLER'),
    account: limitOf(env.DAILY_SMS_LIMIT, DEFAULT_DAILY_SMS_LIMIT, 'DAILY_SMS_LIMIT'),
  };
}

function limitOf(value, fallback, name) {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new TypeError(`${name} must be a positive whole number of SMS`);
  return n;
}

/**
 * The SMS of `rows` (`[{ message }]`) sent with the request's `isUnicode`, `isStopSms` and
 * `gamme`, each message counted once by the package.
 */
export function smsOfRows(rows, request) {
  const options = { isUnicode: request?.isUnicode, isStopSms: request?.isStopSms, gamme: request?.gamme };
  const counts = new Map();
  let total = 0;
  for (const { message } of rows) {
    let count = counts.get(message);
    if (count === undefined) {
      count = typeof message === 'string' ? analyzeMessage(message, options).smsCount : 0;
      counts.set(message, count);
    }
    total += count;
  }
  return total;
}

/** The account's limits object. */
export function quotaOf(env) {
  return env.SEND_QUOTA.get(env.SEND_QUOTA.idFromName('account'));
}

/** Counts of SMS by Paris day and identity. */
export class SendQuota extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS counts (
      day TEXT NOT NULL,
      identity TEXT NOT NULL,
      sms INTEGER NOT NULL,
      PRIMARY KEY (day, identity)
    )`);
  }

  #used(day, identity) {
    return this.sql.exec('SELECT sms FROM counts WHERE day = ? AND identity = ?', day, identity).toArray()[0]?.sms ?? 0;
  }

  /** Adds `sms` (negative: gives back, never below 0) to the count of `identity` on `day`. */
  #add(day, identity, sms) {
    if (sms < 0) {
      this.sql.exec('UPDATE counts SET sms = max(0, sms + ?) WHERE day = ? AND identity = ?', sms, day, identity);
      return;
    }
    this.sql.exec(
      'INSERT INTO counts (day, identity, sms) VALUES (?, ?, ?) ON CONFLICT (day, identity) DO UPDATE SET sms = sms + excluded.sms',
      day,
      identity,
      sms,
    );
  }

  /** What is left of `identity`'s day and of the account's: `{ caller, account }`. */
  #left(day, identity, limits) {
    return {
      caller: Math.max(0, limits.caller - this.#used(day, identity)),
      account: Math.max(0, limits.account - this.#used(day, ACCOUNT)),
    };
  }

  /**
   * Reserves `sms` SMS of `day` for `identity` under `limits` (`{ caller, account }`):
   * `{ reserved: true, left }`, or `{ reserved: false, scope: "caller" | "account", left }`
   * (nothing counted) when either limit would be passed.
   */
  reserve({ day, identity, sms, limits }) {
    const before = this.#left(day, identity, limits);
    if (sms > before.caller) return { reserved: false, scope: 'caller', left: before };
    if (sms > before.account) return { reserved: false, scope: 'account', left: before };
    this.ctx.storage.transactionSync(() => {
      this.sql.exec('DELETE FROM counts WHERE day < ?', day);
      this.#add(day, identity, sms);
      this.#add(day, ACCOUNT, sms);
    });
    return { reserved: true, left: { caller: before.caller - sms, account: before.account - sms } };
  }

  /** Gives back `sms` SMS reserved on `day` for `identity` (SMS Partner sent none of them). */
  release({ day, identity, sms }) {
    if (!(sms > 0)) return;
    this.ctx.storage.transactionSync(() => {
      this.#add(day, identity, -sms);
      this.#add(day, ACCOUNT, -sms);
    });
  }

  /** `{ caller, account }`: what is left of the day for `identity` and for the account. */
  usage({ day, identity, limits }) {
    return this.#left(day, identity, limits);
  }
}

/**
 * Reserves the SMS of a send for `caller` before SMS Partner is called: the reservation
 * `{ day, identity, sms }` to give back with `releaseSms`, or null for a sandbox send or no SMS.
 * Throws a Refusal: 429 `limit_reached` (with Retry-After and what is left), 503
 * `limit_unavailable` when the count cannot be had (nothing is sent uncounted), 500 `config`.
 */
export async function reserveSms(env, caller, sms, sandbox, now = Date.now()) {
  if (sandbox || !(sms > 0)) return null;
  let limits;
  try {
    limits = dailyLimits(env);
  } catch (error) {
    throw new Refusal(500, { kind: 'config', message: error.message }, { note: 'config=limits' });
  }
  const day = parisDay(now);
  let answer;
  try {
    answer = await quotaOf(env).reserve({ day, identity: caller.identity, sms, limits });
  } catch {
    throw new Refusal(503, { kind: 'request', code: 'limit_unavailable', message: 'the daily SMS count cannot be checked right now: nothing was sent' });
  }
  if (!answer.reserved) {
    const retryAfter = secondsToNextParisDay(now);
    const whose = answer.scope === 'caller' ? 'your' : "the account's";
    throw new Refusal(
      429,
      { kind: 'request', code: 'limit_reached', message: `this needs ${sms} SMS and ${whose} daily limit leaves ${answer.left[answer.scope]}: nothing was sent`, mayHaveBeenSent: false },
      { headers: { 'retry-after': String(retryAfter) }, note: `limit=${answer.scope}`, extra: { limit: { scope: answer.scope, needed: sms, left: answer.left, limits, retryAfter } } },
    );
  }
  return { day, identity: caller.identity, sms };
}

/** Gives back `sms` SMS (all of the reservation by default); a failure only leaves them counted. */
export async function releaseSms(env, reservation, sms = reservation?.sms ?? 0) {
  if (reservation === null || reservation === undefined || !(sms > 0)) return;
  try {
    await quotaOf(env).release({ day: reservation.day, identity: reservation.identity, sms });
  } catch {
    // Counted but not sent: the safe side of the limit.
  }
}

/** `{ limits, left, day, resetsIn }` for `caller`: what the page shows. */
export async function usageOf(env, caller, now = Date.now()) {
  const limits = dailyLimits(env);
  const day = parisDay(now);
  const left = await quotaOf(env).usage({ day, identity: caller.identity, limits });
  return { day, limits, left, resetsIn: secondsToNextParisDay(now) };
}
