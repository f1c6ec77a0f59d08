// The queue consumer of campaign chunks: each message is one chunk, sent with one SMS Partner
// call under the ledger's lease, and never sent again once it may have left.
//
// A chunk found `sending` or `unknown` (a consumer killed mid-call, a lost answer, a queue
// message delivered twice) is looked up with `statusByTag` first: SMS Partner lists every SMS
// it took under the chunk's tag, so a trace means "sent" and only no trace allows a send.
// A message `{ campaign, chunk, kind: "delivery" }` asks the statuses of a sent chunk whose
// delivery reports did not all come (the ledger's check), and records the final ones.

import { ledgerOf } from './ledger.js';
import { stopListOf } from './stop-list.js';
import { withClient } from './smspartner.js';
import { releaseSms, smsOfRows } from './quota.js';
import { seconds } from './http.js';

/** A key-free line of the worker's log. */
const log = (line) => console.log(`worker ${line}`);

const DEFAULT_SETTLE_SECONDS = 30;
/** Delay before retrying a chunk SMS Partner refused for the moment (429) or a failed step. */
const BACKOFF_SECONDS = 30;


/** The plain, key-free fields of a client error, as the ledger keeps them. */
export function errorRecord(error) {
  return {
    kind: typeof error?.kind === 'string' ? error.kind : 'internal',
    status: Number.isInteger(error?.status) ? error.status : null,
    code: error?.code ?? null,
    reason: error?.reason ?? null,
    message: typeof error?.message === 'string' ? error.message : 'unexpected failure',
    mayHaveBeenSent: error?.mayHaveBeenSent !== false,
  };
}

/** Handles a batch of chunk messages side by side, with the worker's client. */
export async function consumeChunks(batch, env) {
  const settleMs = seconds(env.CAMPAIGN_SETTLE_SECONDS, DEFAULT_SETTLE_SECONDS) * 1000;
  try {
    await withClient(env, async (client) => {
      // The lease outlasts any call: the client's timeout, then the time to settle.
      const context = { env, client, settleMs, leaseMs: client.timeoutMs + settleMs };
      await Promise.all(batch.messages.map((message) => handle(message, context)));
    });
  } catch {
    // Only the settings can fail here (each message settles its own errors).
    log(`campaign batch of ${batch.messages.length} held: the worker's SMS Partner settings are not valid`);
    batch.retryAll({ delaySeconds: BACKOFF_SECONDS });
  }
}

async function handle(message, context) {
  const { campaign, chunk, kind } = message.body ?? {};
  if (typeof campaign !== 'string' || !Number.isInteger(chunk)) {
    log('campaign message dropped: not { campaign, chunk }');
    message.ack();
    return;
  }
  try {
    const ledger = ledgerOf(context.env, campaign);
    const outcome = kind === 'delivery' ? await checkDeliveries(ledger, chunk, context) : await settle(ledger, chunk, context);
    log(`campaign ${campaign} chunk ${chunk} ${outcome.note}`);
    if (outcome.retrySeconds === undefined) message.ack();
    else message.retry({ delaySeconds: outcome.retrySeconds });
  } catch (error) {
    log(`campaign ${campaign} chunk ${chunk} retried: ${error?.name ?? 'error'}`);
    message.retry({ delaySeconds: BACKOFF_SECONDS });
  }
}

/**
 * Asks SMS Partner the statuses of a sent chunk some of whose delivery reports never came
 * (`bulkStatus` of its message id, or `statusByTag` of its tag when it was found by tag) and
 * records the final ones as reports. A failed lookup is
 * left to the ledger's next check: nothing is sent here.
 */
async function checkDeliveries(ledger, index, context) {
  const check = await ledger.deliveryCheck(index);
  if (check === null) return { note: 'delivery reports complete or not due' };
  let statuses;
  try {
    statuses = check.messageId === null ? await context.client.statusByTag(check.tag) : await context.client.bulkStatus(check.messageId);
  } catch (error) {
    return { note: `status lookup failed (${errorRecord(error).kind}): asked again at the next check` };
  }
  const FINAL_STATUSES = ['delivered', 'notDelivered', 'ko'];
  const reports = statuses
    .filter((status) => FINAL_STATUSES.includes(status.status) && typeof status.phoneNumber === 'string')
    .map((status) => ({ chunk: index, phoneNumber: status.phoneNumber, status: status.status, group: null, final: true, at: status.at }));
  const { recorded } = reports.length === 0 ? { recorded: 0 } : await ledger.recordDelivery(reports);
  return { note: `statuses asked (${statuses.length}): ${recorded} outcomes recorded` };
}

/** Takes chunk `index` one step further; `{ note, retrySeconds? }` says what happened. */
async function settle(ledger, index, context) {
  const step = await ledger.begin(index, context.leaseMs);
  switch (step.action) {
    case 'done':
      if (step.released) await releaseSms(context.env, step.released.quota, step.released.sms);
      return { note: step.missing ? 'unknown to its ledger' : 'already settled' };
    case 'wait':
      return { note: `held elsewhere, back in ${step.waitSeconds} s`, retrySeconds: step.waitSeconds };
    case 'check': {
      let trace;
      try {
        trace = await context.client.statusByTag(step.tag);
      } catch (error) {
        // Nothing is known: the chunk stays unknown, and is looked up again later.
        await ledger.finish(index, { state: 'unknown', error: errorRecord(error), settleMs: context.settleMs });
        return { note: `lookup by tag failed (${errorRecord(error).kind})`, retrySeconds: Math.ceil(context.settleMs / 1000) };
      }
      const found = trace.filter((status) => status.status !== 'notFound');
      if (found.length > 0) {
        await ledger.finish(index, { state: 'sent', resolvedBy: 'trace', ...fromTrace(found, step) });
        return { note: `found by tag (${found.length} SMS): not sent again` };
      }
      if (step.stopped) {
        await ledger.finish(index, { state: 'stopped' });
        await giveBack(context, step, step.rows);
        return { note: 'no trace, campaign stopped: not sent' };
      }
      return send(ledger, index, step, context, 'no trace by tag, sent');
    }
    default:
      return send(ledger, index, step, context, 'sent');
  }
}

/**
 * What a status list says of a chunk that reached SMS Partner. The list gives no SMS count:
 * `nbSms` is the package's count of the messages of the numbers listed.
 */
function fromTrace(trace, step) {
  const cost = trace.reduce((sum, status) => sum + (Number.isFinite(status.cost) ? status.cost : 0), 0);
  const listed = new Set(trace.map((status) => status.phoneNumber));
  const nbSms = smsOfRows(step.rows.filter((row) => listed.has(row.phoneNumber)), step.request);
  return {
    messageId: trace[0].messageId ?? null,
    accepted: trace.length,
    nbSms,
    cost,
    currency: trace.find((status) => typeof status.currency === 'string')?.currency ?? null,
  };
}

/** The one call of a leased chunk: the STOP list applied, then `sendBulk` of one chunk. */
async function send(ledger, index, step, context, note) {
  let stopped;
  try {
    stopped = new Set(await stopListOf(context.env).filter(step.rows.map((row) => row.phoneNumber)));
  } catch (error) {
    // Nothing was called: the chunk goes back to pending.
    await ledger.finish(index, { state: 'pending', error: errorRecord(error) });
    return { note: 'STOP list unavailable: not sent yet', retrySeconds: BACKOFF_SECONDS };
  }
  const skippedStop = step.rows.filter((row) => stopped.has(row.phoneNumber)).map((row) => row.phoneNumber);
  const messages = step.rows.filter((row) => !stopped.has(row.phoneNumber));
  if (messages.length === 0) {
    await ledger.finish(index, { state: 'skipped', skippedStop });
    await giveBack(context, step, step.rows);
    return { note: 'every number on the STOP list: nothing sent' };
  }
  const stoppedRows = step.rows.filter((row) => stopped.has(row.phoneNumber));
  let result;
  try {
    result = await context.client.sendBulk({ ...step.request, tag: step.tag, messages }, step.sendOptions);
  } catch (error) {
    // sendBulk rejects only when nothing was sent (its checks refused the chunk).
    await ledger.finish(index, { state: 'failed', error: errorRecord(error), skippedStop });
    await giveBack(context, step, step.rows);
    return { note: `refused before sending (${errorRecord(error).kind})` };
  }
  const [chunk] = result.chunks;
  if (result.chunks.length === 1 && chunk.state === 'sent') {
    const refused = chunk.results.filter((item) => !item.success).map((item) => ({ phoneNumber: item.phoneNumber, code: item.code }));
    await ledger.finish(index, {
      state: 'sent',
      resolvedBy: 'send',
      messageId: chunk.messageId,
      nbSms: chunk.nbSms ?? 0,
      cost: chunk.cost ?? 0,
      currency: result.currency ?? null,
      accepted: chunk.results.length - refused.length,
      refused,
      skippedStop,
    });
    const refusedNumbers = new Set(refused.map((item) => item.phoneNumber));
    await giveBack(context, step, [...stoppedRows, ...messages.filter((row) => refusedNumbers.has(row.phoneNumber))]);
    return { note: `${note} (${messages.length} numbers)` };
  }
  const error = errorRecord(chunk?.error);
  if (result.chunks.length === 1 && chunk.state === 'failed') {
    if (error.kind === 'http' && error.status === 429) {
      await ledger.finish(index, { state: 'pending', error, skippedStop });
      return { note: 'rate-limited by SMS Partner: sent later', retrySeconds: BACKOFF_SECONDS };
    }
    await ledger.finish(index, { state: 'failed', error, skippedStop });
    await giveBack(context, step, step.rows);
    return { note: `refused by SMS Partner (${error.code ?? error.kind})` };
  }
  // The answer is lost: it may have been sent. Looked up by tag once it has had time to land.
  await ledger.finish(index, { state: 'unknown', error, skippedStop, settleMs: context.settleMs });
  return { note: `outcome unknown (${error.kind}): looked up by tag later`, retrySeconds: Math.ceil(context.settleMs / 1000) };
}

/** Gives back the SMS of `rows`, which SMS Partner never sent, to the campaign's reservation. */
function giveBack(context, step, rows) {
  return rows.length === 0 ? undefined : releaseSms(context.env, step.quota, smsOfRows(rows, step.request));
}
