// The stand-in's calls after the send: bulk send, delivery status, cancel, the STOP list, and the
// control calls that drive them (a clock, the delivery rule, a reply posted to `urlResponse`).
//
// Shapes follow SMS Partner's pages one by one, inconsistencies included (reference:
// smspartner-lifecycle.md): `statut` in message-status but `status` elsewhere, `stopSms` a boolean,
// `"0"`/`"1"` or `stopSMS`, ids as numbers or strings, dates as epoch strings or Paris time.

import { registerDeliveryReports } from './delivery-reports.mjs';
import { registerStatistics } from './statistics.mjs';
import { countMessage, flagOn } from './sms-count.mjs';
import { apiError, constraintErrors, isBlank, isValidPhoneNumber, parisParts, parisToInstant } from './validate.mjs';

/** Documented limit of one bulk send and of one multi-status call. */
const MAX_ITEMS = 500;

/** SMS Partner's rule: no cancel less than 5 minutes before the send. */
const CANCEL_DEADLINE_MS = 5 * 60 * 1000;

/** Statuses in one page of bulk-status-by-tag. */
export const STATUS_PAGE_SIZE = 500;

/** The delivery outcomes a test can choose (SMS Partner's words). */
const OUTCOMES = Object.freeze(['Delivered', 'Not delivered', 'Waiting', 'ko']);

/** Fresh state of this module: STOP list, delivery rule, clock offset, inbound id counter. */
export function initialLifecycleState() {
  return {
    stops: [],
    nextStopId: 1,
    delivery: { outcome: 'Delivered', afterMs: 0, numbers: {} },
    clockOffsetMs: 0,
    nextInboundId: 1,
    replies: [],
    deliveryReports: [],
    deliveryReportAttempts: {},
    statisticsCalls: {},
  };
}

/** `+33…` for a French national `0…` number, `+…` for `00…`, else as given (trimmed). */
export function international(number) {
  const n = String(number).trim();
  if (/^0[1-9]\d{8}$/.test(n)) return `+33${n.slice(1)}`;
  if (n.startsWith('00')) return `+${n.slice(2)}`;
  return n;
}

/** `0…` for a French `+33…` number (how message-status writes `number`), else as given. */
function national(number) {
  return number.startsWith('+33') ? `0${number.slice(3)}` : number;
}

/** `YYYY-MM-DD HH:MM:SS` in Paris time, as SMS Partner writes its dates. */
export function parisDateTime(date) {
  const p = parisParts(date);
  const two = (n) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** Epoch seconds as a string, as the status lists write `date`. */
const epochSeconds = (ms) => String(Math.floor(ms / 1000));

/** When a send leaves: its schedule (Paris time), or `at` when it has none. */
export function sendInstant(body, at) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(body.scheduledDeliveryDate ?? '');
  if (!m) return { sendAt: at.getTime(), scheduled: false };
  const instant = parisToInstant(Number(m[3]), Number(m[2]), Number(m[1]), Number(body.time), Number(body.minute));
  return { sendAt: instant.getTime(), scheduled: true };
}

/**
 * Registers the lifecycle routes. `ctx`: `{ state, isKnownKey, clock, price, euros, withFaults, nextMessageId }`.
 */
export function registerLifecycle(app, ctx) {
  const { state, isKnownKey, clock, price, euros } = ctx;
  const send = (reply, { status, body }) => reply.code(status).send(body);

  /** Codes 1 and 10, shared by every call; null when the key is fine. */
  const keyError = (apiKey) => {
    if (isBlank(apiKey)) return apiError(1, 'The API Key is required');
    if (!isKnownKey(apiKey)) return apiError(10, 'Wrong API key');
    return null;
  };

  /**
   * A POST's JSON body and its key's refusal: `{ body }`, or `{ refusal }` (400 for a body that
   * is not JSON, codes 1 and 10 for the key).
   */
  const jsonWithKey = (req) => {
    let body;
    try {
      body = JSON.parse(req.body ?? '');
    } catch {
      return { refusal: { status: 400, body: { success: false, code: 400, message: 'Invalid JSON' } } };
    }
    const refusal = keyError(body?.apiKey);
    return refusal ? { refusal } : { body };
  };

  const isStopped = (number) => state.stops.some((s) => s.phoneNumber === international(number));

  /** Where one recipient's SMS stands now: its word and when it was set. */
  function deliveryOf(message, recipient) {
    const now = clock().getTime();
    if (message.cancelled) return { statut: 'Waiting', at: message.cancelledAt };
    if (now < message.sendAt) return { statut: 'Waiting', at: message.receivedAtMs };
    const rule = state.delivery;
    const outcome = rule.numbers[recipient.phoneNumber] ?? rule.outcome;
    if (now < message.sendAt + rule.afterMs) return { statut: 'Waiting', at: message.sendAt };
    return { statut: outcome, at: message.sendAt + rule.afterMs };
  }

  registerDeliveryReports(app, { state, clock, deliveryOf, dateText: parisDateTime });
  registerStatistics(app, { state, clock, keyError, keyHash: ctx.keyHash });

  const findMessage = (id) => state.messages.find((m) => String(m.messageId) === String(id).trim());

  /** The send a GET names by `messageId`, after its key: `{ message }`, or `{ refusal }` (1, 10, 3, 4). */
  const messageOfQuery = ({ apiKey, messageId }) => {
    const refusal = keyError(apiKey);
    if (refusal) return { refusal };
    if (isBlank(messageId)) return { refusal: apiError(3, 'The message ID is required') };
    const message = findMessage(messageId);
    return message ? { message } : { refusal: apiError(4, 'Message introuvable') };
  };

  /** The real answer to a bulk send: `{ status, body, sandbox }`; records and bills it. */
  function processBulk(raw) {
    let body;
    try {
      body = JSON.parse(raw ?? '');
    } catch {
      body = null;
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return { status: 400, body: { success: false, code: 400, message: 'Invalid JSON' } };
    }
    const refused = keyError(body.apiKey);
    if (refused) return refused;
    const list = body.SMSList;
    if (!Array.isArray(list) || list.length === 0) return apiError(2, 'The phone number is required');
    const { apiKey, SMSList, ...options } = body;
    const errors = [];
    const seen = new Set();
    const add = (error) => {
      const key = `${error.elementId}\u0000${error.message}`;
      if (!seen.has(key)) errors.push(error);
      seen.add(key);
    };
    if (list.length > MAX_ITEMS) {
      add({ elementId: 'children[SMSList].data', message: `You cannot send more than ${MAX_ITEMS} SMS in one request` });
    }
    for (const item of list) {
      if (item === null || typeof item !== 'object') {
        add({ elementId: 'children[SMSList].data', message: 'Each SMS must be an object with phoneNumber and message' });
        continue;
      }
      const single = { ...options, phoneNumbers: item.phoneNumber, message: item.message };
      if (typeof item.phoneNumber === 'string' && item.phoneNumber.includes(',')) {
        add({ elementId: 'children[phoneNumber].data', message: `This phone number is not valid (${item.phoneNumber})` });
      }
      for (const e of constraintErrors(single, clock())) {
        add({ ...e, elementId: e.elementId.replace('children[phoneNumbers]', 'children[phoneNumber]') });
      }
    }
    if (errors.length > 0) return { status: 400, body: { success: false, code: 9, errors } };

    const lowCost = Number(body.gamme) === 2;
    const sandbox = flagOn(body.sandbox);
    const each = price[lowCost ? 'lowCost' : 'premium'];
    const results = list.map((item) => {
      const phoneNumber = international(item.phoneNumber);
      if (isStopped(phoneNumber)) return { success: false, code: 14, nbSms: 0, cost: 0, phoneNumber };
      const nbSms = Math.max(1, countMessage(item.message, body).smsCount);
      return { success: true, code: 200, nbSms, cost: euros(nbSms * each), phoneNumber, message: item.message };
    });
    const nbSms = results.reduce((n, r) => n + r.nbSms, 0);
    const cost = euros(nbSms * each);
    const counter = lowCost ? 'creditSmsECO' : 'creditSms';
    if (!sandbox) {
      if (state.credits[counter] < nbSms) return apiError(11, 'Not enough credits');
      state.credits[counter] -= nbSms;
      state.credits.balance = Math.max(0, euros(state.credits.balance - cost));
    }
    const messageId = state.nextMessageId++;
    const received = clock();
    state.messages.push({
      messageId,
      kind: 'bulk',
      receivedAt: new Date().toISOString(),
      receivedAtMs: received.getTime(),
      apiKeyHash: ctx.keyHash(apiKey),
      sandbox,
      lowCost,
      nbSms,
      cost,
      ...sendInstant(options, received),
      recipients: results.filter((r) => r.success).map(({ phoneNumber, message, nbSms: n, cost: c }) => ({ phoneNumber, message, nbSms: n, cost: c })),
      body: { ...options, SMSList },
    });
    return {
      status: 200,
      sandbox,
      body: {
        success: true,
        code: 200,
        message_id: messageId,
        currency: 'EUR',
        cost,
        nbSMS: nbSms,
        SMSResponse_List: results.map(({ message, ...r }) => r),
      },
    };
  }

  app.post('/v1/bulk-send', async (req, reply) => ctx.withFaults(req, reply, () => processBulk(req.body)));

  app.get('/v1/message-status', async (req, reply) => {
    const { apiKey, messageId, phoneNumber } = req.query;
    const refused = keyError(apiKey);
    if (refused) return send(reply, refused);
    if (isBlank(phoneNumber)) return send(reply, apiError(2, 'The phone number is required'));
    if (isBlank(messageId)) return send(reply, apiError(3, 'The message ID is required'));
    const message = findMessage(messageId);
    const number = international(phoneNumber);
    const recipient = message?.recipients.find((r) => r.phoneNumber === number);
    if (!recipient) return send(reply, apiError(4, 'Message introuvable'));
    const { statut, at } = deliveryOf(message, recipient);
    return {
      success: true,
      code: 200,
      number: national(number),
      messageId: String(message.messageId),
      stopSms: isStopped(number),
      date: parisDateTime(new Date(at)),
      statut,
      cost: recipient.cost,
      countryCode: number.startsWith('+33') ? 'FR' : null,
      currency: 'EUR',
    };
  });

  app.post('/v1/multi-status', async (req, reply) => {
    const { body, refusal } = jsonWithKey(req);
    if (refusal) return send(reply, refusal);
    // Every sample says SMSStatut_List, the parameter table SMSStatus_List: both are read.
    const list = body.SMSStatut_List ?? body.SMSStatus_List;
    if (!Array.isArray(list) || list.length === 0) return send(reply, apiError(5, 'The list is empty'));
    if (list.length > MAX_ITEMS) return send(reply, apiError(50, `${MAX_ITEMS} numbers at most`));
    return {
      success: true,
      code: 200,
      StatutResponse_List: list.map((item) => {
        const number = international(item?.phoneNumber ?? '');
        const message = findMessage(item?.messageId ?? '');
        const recipient = message?.recipients.find((r) => r.phoneNumber === number);
        const messageId = Number(item?.messageId);
        if (!recipient) return { success: false, code: 4, phoneNumber: number, messageId, status: 'Numéro introuvable' };
        const { statut, at } = deliveryOf(message, recipient);
        return {
          success: true,
          code: 200,
          phoneNumber: number,
          messageId,
          status: statut,
          date: epochSeconds(at),
          stopSms: isStopped(number) ? '1' : '0',
          isSpam: '0',
        };
      }),
    };
  });

  /** The `StatutResponse_List` items of one send. */
  const statusItems = (message) =>
    message.recipients.map((recipient) => {
      const { statut, at } = deliveryOf(message, recipient);
      return { phoneNumber: recipient.phoneNumber, status: statut, stopSMS: isStopped(recipient.phoneNumber), date: epochSeconds(at) };
    });

  app.get('/v1/bulk-status', async (req, reply) => {
    const { message, refusal } = messageOfQuery(req.query);
    if (refusal) return send(reply, refusal);
    return { success: true, code: 200, message_id: String(message.messageId), StatutResponse_List: statusItems(message) };
  });

  app.get('/v1/bulk-status-by-tag', async (req, reply) => {
    const { apiKey, tag } = req.query;
    const refused = keyError(apiKey);
    if (refused) return send(reply, refused);
    if (isBlank(tag)) return send(reply, apiError(3, 'The tag is required'));
    // Undocumented: a tag nothing was sent with answers an empty list (not code 4).
    const items = state.messages.filter((m) => m.body.tag === tag).flatMap(statusItems);
    // Undocumented too: the answer has currentPage and total, so it is served in pages of
    // STATUS_PAGE_SIZE, asked with `page` (from 1); a page past the end is empty.
    const page = /^[1-9]\d{0,5}$/.test(String(req.query.page ?? '1')) ? Number(req.query.page ?? 1) : 1;
    const from = (page - 1) * STATUS_PAGE_SIZE;
    return { success: true, code: 200, currentPage: page, total: items.length, StatutResponse_List: items.slice(from, from + STATUS_PAGE_SIZE) };
  });

  app.get('/v1/message-cancel', async (req, reply) => {
    const { message, refusal } = messageOfQuery(req.query);
    if (refusal) return send(reply, refusal);
    if (message.cancelled) return send(reply, apiError(5, "L'envoi a déjà été annulé"));
    const now = clock().getTime();
    if (!message.scheduled || now >= message.sendAt) return send(reply, apiError(7, "Le SMS a déjà été envoyé"));
    if (message.sendAt - now < CANCEL_DEADLINE_MS) {
      return send(reply, apiError(6, "Impossible d'annuler moins de 5 minutes avant l'envoi"));
    }
    message.cancelled = true;
    message.cancelledAt = now;
    // Undocumented: the credits of a cancelled send are given back.
    if (!message.sandbox) {
      state.credits[message.lowCost ? 'creditSmsECO' : 'creditSms'] += message.nbSms;
      state.credits.balance = euros(state.credits.balance + message.cost);
    }
    return { success: true, code: 200, message: "L'envoi du SMS a été annulé." };
  });

  app.get('/v1/stop-sms/list', async (req, reply) => {
    const refused = keyError(req.query.apiKey);
    if (refused) return send(reply, refused);
    return {
      success: true,
      code: 200,
      nbData: state.stops.length,
      data: state.stops.map((s) => ({ id: s.id, phoneNumber: s.phoneNumber, createdAt: parisDateTime(new Date(s.createdAtMs)) })),
    };
  });

  /** Puts a number on the STOP list; `{ code, id }`. */
  function addStop(number) {
    const phoneNumber = international(number);
    const existing = state.stops.find((s) => s.phoneNumber === phoneNumber);
    if (existing) return { code: 3, id: existing.id };
    const entry = { id: state.nextStopId++, phoneNumber, createdAtMs: clock().getTime() };
    state.stops.push(entry);
    return { code: 200, id: entry.id };
  }

  app.post('/v1/stop-sms/add', async (req, reply) => {
    const { body, refusal } = jsonWithKey(req);
    if (refusal) return send(reply, refusal);
    // The parameter table says phoneNumber; two samples send phoneNumbers: both are read.
    const number = body.phoneNumber ?? body.phoneNumbers;
    if (isBlank(number)) return send(reply, apiError(2, 'The phone number is required'));
    if (typeof number !== 'string' || !isValidPhoneNumber(number.trim())) {
      return send(reply, apiError(9, `This phone number is not valid (${number})`));
    }
    const { code, id } = addStop(number);
    if (code === 3) return send(reply, apiError(3, 'Ce numéro est déjà dans la liste STOP'));
    return { success: true, code: 200, stopId: id };
  });

  app.get('/v1/stop-sms/delete', async (req, reply) => {
    const { apiKey, id } = req.query;
    const refused = keyError(apiKey);
    if (refused) return send(reply, refused);
    if (isBlank(id)) return send(reply, apiError(3, 'The id is required'));
    const at = state.stops.findIndex((s) => String(s.id) === String(id).trim());
    if (at < 0) return send(reply, apiError(4, 'Id introuvable'));
    state.stops.splice(at, 1);
    return { success: true, code: 200 };
  });

  // Control calls.
  app.post('/__standin/clock', async (req, reply) => {
    const spec = ctx.parseObject(req.body) ?? {};
    if (typeof spec.advanceMs === 'number') state.clockOffsetMs += spec.advanceMs;
    else if (typeof spec.now === 'string' && !Number.isNaN(Date.parse(spec.now))) {
      state.clockOffsetMs = Date.parse(spec.now) - ctx.realNow().getTime();
    } else if (spec.now === null) state.clockOffsetMs = 0;
    else return reply.code(400).send({ ok: false, message: 'give { advanceMs } or { now: ISO string | null }' });
    return { ok: true, now: clock().toISOString() };
  });

  app.post('/__standin/delivery', async (req, reply) => {
    const spec = ctx.parseObject(req.body) ?? {};
    const outcome = spec.outcome ?? state.delivery.outcome;
    const numbers = spec.numbers ?? {};
    const bad = [outcome, ...Object.values(numbers)].find((o) => !OUTCOMES.includes(o));
    if (bad !== undefined) return reply.code(400).send({ ok: false, message: `outcome must be one of ${OUTCOMES.join(', ')}` });
    state.delivery = {
      outcome,
      afterMs: Number.isFinite(spec.afterMs) ? spec.afterMs : 0,
      numbers: Object.fromEntries(Object.entries(numbers).map(([n, o]) => [international(n), o])),
    };
    return { ok: true, delivery: state.delivery };
  });

  /** The webhook calls SMS Partner would make for a reply: one per part for a long reply. */
  function replyCalls(message, spec) {
    const from = international(spec.phoneNumber);
    const text = String(spec.text ?? '');
    if (spec.via === 'short') {
      return [{ type: 'response', phone_number: from, text, message_id: String(message.messageId) }];
    }
    const pieces = [];
    const size = Number.isInteger(spec.partSize) && spec.partSize > 0 ? spec.partSize : 153;
    for (let i = 0; i < text.length || pieces.length === 0; i += size) pieces.push(text.slice(i, i + size));
    const ref = state.nextInboundId;
    const common = {
      msisdn: from.replace(/^\+/, ''),
      to: (spec.to ?? '+33700000000').replace(/^\+/, ''),
      type: 'text',
      keyword: text.split(/\s+/)[0].toUpperCase().replace(/[^A-Z0-9ÀÂÇÉÈÊËÎÏÔÛÙÜŸÆŒ]/g, ''),
      'message-timestamp': parisDateTime(clock()),
    };
    return pieces.map((piece, i) => {
      const id = `02000000${String(state.nextInboundId++).padStart(8, '0')}`;
      const call = { ...common, messageId: id, text: piece };
      if (pieces.length > 1) {
        Object.assign(call, { concat: 'true', 'concat-ref': String(ref), 'concat-total': String(pieces.length), 'concat-part': String(i + 1) });
      }
      return call;
    });
  }

  app.post('/__standin/reply', async (req, reply) => {
    const spec = ctx.parseObject(req.body) ?? {};
    const message = findMessage(spec.messageId ?? '');
    if (!message) return reply.code(404).send({ ok: false, message: 'no such send' });
    const target = spec.url ?? message.body.urlResponse;
    let url;
    try {
      url = new URL(target);
    } catch {
      return reply.code(400).send({ ok: false, message: 'the send has no urlResponse' });
    }
    // Tests only ever talk to servers on this machine.
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      return reply.code(400).send({ ok: false, message: 'the stand-in only posts replies to 127.0.0.1' });
    }
    const json = spec.encoding === 'json';
    const posted = [];
    for (const call of replyCalls(message, spec)) {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: json ? JSON.stringify(call) : new URLSearchParams(call).toString(),
        signal: AbortSignal.timeout(5000),
      }).then(
        (r) => r.status,
        () => null,
      );
      posted.push({ call, status: answer });
      state.replies.push(call);
    }
    // A STOP reply puts the number on the STOP list, as SMS Partner does.
    if (/^stop\b/i.test(String(spec.text ?? '').trim())) addStop(spec.phoneNumber);
    return { ok: true, posted };
  });
}

/** SMS still waiting to go out: held scheduled sends, not cancelled (`toSend` of /v1/me). */
export function pendingSms(state, now) {
  return state.messages
    .filter((m) => m.scheduled && !m.cancelled && !m.sandbox && m.sendAt > now.getTime())
    .reduce((n, m) => n + m.nbSms, 0);
}
