// The worker's routes after the send: bulk send, delivery status, cancel, credits, and SMS
// Partner's reply webhook. The key stays in the worker, as for /api/send.
//
//   POST /api/bulk     { request: { messages: [{ phoneNumber, message }], ...options }, options? }
//                      200 { ok: true, result }: sendBulk's result, whole or partial (look at
//                      result.complete and each chunk's state); 422 when a message is invalid
//                      (nothing sent). options: commercial, lang.
//   POST /api/status   { request: { messageId, phoneNumber } }   one SMS
//                      { request: { messageId } }                every number of one send
//                      { request: { tag } }                      every SMS of a tag
//                      { request: { queries: [{ messageId, phoneNumber }] } }
//                      200 { ok: true, statuses: DeliveryStatus[] }
//   POST /api/cancel   { request: { messageId, scheduledAt? } }  200 { ok: true, result }
//                      409 too_late / already_cancelled / already_sent, 404 message_not_found
//   GET  /api/credits  200 { ok: true, credits }
//   POST /webhooks/replies   SMS Partner's reply webhook (form fields or JSON, no Origin):
//                      200 { ok: true, kind } and the reply kept; 400 { ok: false } otherwise
//   GET  /api/replies  200 { ok: true, replies }: the latest replies received (newest last)
//
// Failures have the shape of /api/send's, with `reason` (too_late, message_not_found…) added.

import { parseReplyWebhook, smsPartnerCode } from '../../pkg/index.js';
import { sendFailure } from './upstream.js';

/** Replies kept for /api/replies. In memory, per isolate: a real deployment keeps them in KV or a Durable Object. */
const MAX_REPLIES = 100;
const replies = [];

/** HTTP status of a refusal whose reason says the request meets the send's state. */
const STATUS_OF_REASON = Object.freeze({
  message_not_found: 404,
  stop_id_not_found: 404,
  too_late: 409,
  already_cancelled: 409,
  already_sent: 409,
  already_in_stop_list: 409,
});

/** Largest webhook body read, in bytes (a reply is a few hundred). */
const MAX_WEBHOOK_BYTES = 16 * 1024;

/**
 * The routes, given the worker's helpers: `Refusal`, `json(status, value, key)`,
 * `withClient(env, (client) => …)`, `applySandbox(request, env)`, `isPlainObject`.
 */
export function lifecycleRoutes(helpers) {
  const { Refusal, json, withClient, applySandbox, isPlainObject } = helpers;

  /** A rejection of the client as the worker's refusal (status, body, log note). */
  const refusalOf = (failure) => {
    const { status, error, note } = sendFailure(failure, smsPartnerCode);
    const reason = typeof failure?.reason === 'string' ? failure.reason : null;
    const statusOfReason = reason !== null && Object.hasOwn(STATUS_OF_REASON, reason) ? STATUS_OF_REASON[reason] : null;
    const shown = { ...error, reason: error.kind === 'config' ? null : reason };
    return new Refusal(statusOfReason ?? status, shown, { note: reason ?? note });
  };

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

  async function handleBulk({ request, options }, env) {
    const given = requestObject(request, '{ messages: [{ phoneNumber, message }], ...options }');
    return answer(env, 'result', (client) => client.sendBulk(applySandbox(given, env), options));
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

  /** SMS Partner's webhook: its body read as text whatever the Content-Type, then parsed by the package. */
  async function handleReplyWebhook(request, env) {
    const text = await request.text();
    if (text.length > MAX_WEBHOOK_BYTES) {
      throw new Refusal(413, { kind: 'request', code: 'body_too_large', message: 'a reply webhook is a few hundred bytes' });
    }
    const reply = parseReplyWebhook(text);
    if (reply.kind === 'invalid') {
      throw new Refusal(400, { kind: 'request', code: 'reply_invalid', message: reply.reason }, { note: 'reply=invalid' });
    }
    replies.push(reply);
    if (replies.length > MAX_REPLIES) replies.splice(0, replies.length - MAX_REPLIES);
    return json(200, { ok: true, kind: reply.kind }, env.SMSPARTNER_API_KEY);
  }

  async function handleReplies(_envelope, env) {
    return json(200, { ok: true, replies }, env.SMSPARTNER_API_KEY);
  }

  return {
    '/api/bulk': { handle: handleBulk, options: ['commercial', 'lang'] },
    '/api/status': { handle: handleStatus, options: [] },
    '/api/cancel': { handle: handleCancel, options: [] },
    '/api/credits': { handle: handleCredits, method: 'GET' },
    '/api/replies': { handle: handleReplies, method: 'GET' },
    '/webhooks/replies': { handle: handleReplyWebhook, raw: true },
  };
}
