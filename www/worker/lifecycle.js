// The worker's routes after the send: bulk send, delivery status, cancel, credits, and SMS
// Partner's reply webhook. The key stays in the worker, as for /api/send.
//
//   POST /api/bulk     { request: { messages: [{ phoneNumber, message }], ...options }, options? }
//                      200 { ok: true, result }: sendBulk's result, whole or partial (look at
//                      result.complete and each chunk's state); 422 when a message is invalid
//                      (nothing sent), 429 limit_reached as /api/send. options: commercial, lang.
//   POST /api/status   { request: { messageId, phoneNumber } }   one SMS
//                      { request: { messageId } }                every number of one send
//                      { request: { tag } }                      every SMS of a tag
//                      { request: { queries: [{ messageId, phoneNumber }] } }
//                      200 { ok: true, statuses: DeliveryStatus[] }
//   POST /api/cancel   { request: { messageId, scheduledAt? } }  200 { ok: true, result }
//                      409 too_late / already_cancelled / already_sent, 404 message_not_found
//   GET  /api/credits  200 { ok: true, credits }
//   POST /api/statistics { request: { interval?, from?, to? } }   200 { ok: true, statistics }:
//                      spending by month (client.statistics; SMS Partner answers 5 calls a
//                      minute per key: a sixth is 429 rate_limited, nothing asked)
//   POST /webhooks/replies?token=<REPLY_WEBHOOK_TOKEN>   SMS Partner's reply webhook (form
//                      fields or JSON, no Origin, no Access assertion: the token is its secret):
//                      200 { ok: true, kind } and the reply kept; 400 { ok: false } otherwise;
//                      404 without the secret set or with any other token (nothing read)
//   GET  /api/replies  200 { ok: true, replies }: the latest replies received (newest last)
//   POST /webhooks/dlr?token=<REPLY_WEBHOOK_TOKEN>&campaign=<id>   SMS Partner's delivery
//                      reports (urlDlr), read by parseDeliveryReport, with the reply webhook's
//                      token rule: 200 { ok: true, recorded, reason? } (a report for no campaign
//                      of this worker is answered 200 and not kept: nothing to retry); 400
//                      { ok: false } for a body that is not a report
//
// Failures have the shape of /api/send's, with `reason` (too_late, message_not_found…) added.

import { parseDeliveryReport, parseReplyWebhook, smsPartnerCode } from 'smspartner-wasm';
import { Refusal, isPlainObject, json } from './http.js';
import { allowedRegionsOf, applySandbox, withClient } from './smspartner.js';
import { releaseSms, reserveSms, smsOfRows } from './quota.js';
import { audit } from './audit.js';
import { sendFailure } from './upstream.js';
import { recordDelivery, recordReply } from './campaigns.js';

/** Replies kept for /api/replies. In memory, per isolate: a real deployment keeps them in KV or a Durable Object. */
const MAX_REPLIES = 100;
const replies = [];

/** HTTP status of a refusal whose reason says the request meets the send's state. */
const STATUS_OF_REASON = Object.freeze({
  message_not_found: 404,
  stop_id_not_found: 404,
  too_late: 409,
  rate_limited: 429,
  already_cancelled: 409,
  already_sent: 409,
  already_in_stop_list: 409,
});

/** Largest webhook body read, in bytes (a reply is a few hundred). */
const MAX_WEBHOOK_BYTES = 16 * 1024;

/**
 * Whether a webhook call carries REPLY_WEBHOOK_TOKEN in `?token=`: never without the secret
 * (the webhook routes then do not exist), compared in a time that tells nothing of where a
 * wrong token differs (both sides hashed, then compared with timingSafeEqual).
 */
export async function webhookAllowed(request, env) {
  const token = typeof env.REPLY_WEBHOOK_TOKEN === 'string' ? env.REPLY_WEBHOOK_TOKEN : '';
  if (token === '') return false;
  const given = new URL(request.url).searchParams.get('token') ?? '';
  const encoder = new TextEncoder();
  const [left, right] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(given)),
    crypto.subtle.digest('SHA-256', encoder.encode(token)),
  ]);
  return crypto.subtle.timingSafeEqual(left, right);
}

/** A rejection of the client as the worker's refusal (status, body, log note). */
function refusalOf(failure) {
  const { status, error, note } = sendFailure(failure, smsPartnerCode);
  const reason = typeof failure?.reason === 'string' ? failure.reason : null;
  const statusOfReason = reason !== null && Object.hasOwn(STATUS_OF_REASON, reason) ? STATUS_OF_REASON[reason] : null;
  const shown = { ...error, reason: error.kind === 'config' ? null : reason };
  return new Refusal(statusOfReason ?? status, shown, { note: reason ?? note });
}

/** Runs `call(client)` and answers 200 `{ ok: true, [name]: answer }`. */
const answer = (env, name, call) =>
  withClient(env, async (client) => {
    try {
      return json(200, { ok: true, [name]: await call(client) }, env.SMSPARTNER_API_KEY);
    } catch (failure) {
      throw refusalOf(failure);
    }
  });

const requestObject = (request, shape) => {
  if (!isPlainObject(request)) {
    throw new Refusal(400, { kind: 'request', code: 'body_invalid', message: `"request" must be an object: ${shape}` });
  }
  return request;
};

/** The routes: `{ [path]: { handle(envelope, env, caller), options?, method?, webhook? } }`. */
export function lifecycleRoutes() {
  /** The SMS of every chunk of a bulk result that left nothing at SMS Partner. */
  const unsentSms = (result, messages, request) =>
    result.chunks
      .filter((chunk) => chunk.state === 'failed' || chunk.state === 'notAttempted')
      .reduce((sum, chunk) => sum + smsOfRows(messages.slice(chunk.from, chunk.from + chunk.count), request), 0);

  async function handleBulk({ request, options }, env, caller) {
    const given = applySandbox(requestObject(request, '{ messages: [{ phoneNumber, message }], ...options }'), env);
    const messages = Array.isArray(given.messages) ? given.messages.filter(isPlainObject) : [];
    const sms = smsOfRows(messages, given);
    const sandbox = given.sandbox === 1 || given.sandbox === true;
    const reservation = await reserveSms(env, caller, sms, sandbox);
    return withClient(env, async (client) => {
      let result;
      try {
        result = await client.sendBulk(given, { ...options, allowedRegions: allowedRegionsOf(env) });
      } catch (failure) {
        // sendBulk rejects only when nothing was sent.
        await releaseSms(env, reservation);
        throw refusalOf(failure);
      }
      await releaseSms(env, reservation, unsentSms(result, messages, given));
      audit(env, 'bulk', caller, { recipients: messages.length, sms, sandbox, outcome: result.complete ? 'sent' : 'partial', cost: result.cost, currency: result.currency, messageIds: result.chunks.map((chunk) => chunk.messageId ?? '-').join(',') });
      return json(200, { ok: true, result }, env.SMSPARTNER_API_KEY);
    });
  }

  async function handleStatus({ request }, env) {
    const shape = '{ messageId, phoneNumber }, { messageId }, { tag } or { queries: [...] }';
    const given = requestObject(request, shape);
    const has = (name) => Object.hasOwn(given, name);
    if (has('queries')) return answer(env, 'statuses', (client) => client.multiStatus(given.queries));
    if (has('tag')) return answer(env, 'statuses', (client) => client.statusByTag(given.tag));
    if (has('messageId') && has('phoneNumber')) {
      return answer(env, 'statuses', async (client) => [await client.messageStatus(given)]);
    }
    if (has('messageId')) return answer(env, 'statuses', (client) => client.bulkStatus(given.messageId));
    throw new Refusal(400, { kind: 'request', code: 'body_invalid', message: `"request" must be ${shape}` });
  }

  async function handleCancel({ request }, env) {
    const given = requestObject(request, '{ messageId, scheduledAt? }');
    const options = given.scheduledAt === undefined ? undefined : { scheduledAt: given.scheduledAt };
    return answer(env, 'result', (client) => client.cancel(given.messageId, options));
  }

  async function handleCredits(_envelope, env) {
    return answer(env, 'credits', (client) => client.credits());
  }

  async function handleStatistics({ request }, env) {
    const given = request === undefined ? {} : requestObject(request, '{ interval?, from?, to? }');
    return answer(env, 'statistics', (client) => client.statistics(given));
  }

  /** A webhook's body as text whatever the Content-Type (a few hundred bytes; more is refused). */
  async function webhookText(request) {
    const text = await request.text();
    if (text.length > MAX_WEBHOOK_BYTES) {
      throw new Refusal(413, { kind: 'request', code: 'body_too_large', message: 'a webhook call is a few hundred bytes' });
    }
    return text;
  }

  /** SMS Partner's reply webhook, parsed by the package. */
  async function handleReplyWebhook(request, env) {
    const reply = parseReplyWebhook(await webhookText(request));
    if (reply.kind === 'invalid') {
      throw new Refusal(400, { kind: 'request', code: 'reply_invalid', message: reply.reason }, { note: 'reply=invalid' });
    }
    const added = await recordReply(reply, env);
    replies.push(reply);
    if (replies.length > MAX_REPLIES) replies.splice(0, replies.length - MAX_REPLIES);
    return json(200, { ...added, ok: true, kind: reply.kind }, env.SMSPARTNER_API_KEY);
  }

  /** SMS Partner's delivery reports, parsed by the package, kept in the campaign's ledger. */
  async function handleDeliveryWebhook(request, env) {
    const event = parseDeliveryReport(await webhookText(request));
    if (event.kind === 'invalid') {
      throw new Refusal(400, { kind: 'request', code: 'report_invalid', message: event.reason }, { note: 'dlr=invalid' });
    }
    const recorded = await recordDelivery(event.report, env, new URL(request.url).searchParams.get('campaign'));
    return json(200, { ok: true, ...recorded, status: event.report.status }, env.SMSPARTNER_API_KEY);
  }

  async function handleReplies(_envelope, env) {
    return json(200, { ok: true, replies }, env.SMSPARTNER_API_KEY);
  }

  return {
    '/api/bulk': { handle: handleBulk, options: ['commercial', 'lang'] },
    // `identified`: what reads or changes the account itself, never for an unidentified caller.
    '/api/status': { handle: handleStatus, options: [], identified: true },
    '/api/cancel': { handle: handleCancel, options: [], identified: true },
    '/api/credits': { handle: handleCredits, method: 'GET', identified: true },
    '/api/statistics': { handle: handleStatistics, options: [], identified: true },
    '/api/replies': { handle: handleReplies, method: 'GET', identified: true },
    '/webhooks/replies': { handle: handleReplyWebhook, webhook: true },
    '/webhooks/dlr': { handle: handleDeliveryWebhook, webhook: true },
  };
}
