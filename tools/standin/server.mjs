// A local stand-in for the SMS Partner HTTP API (/v1/send, /v1/me, and in lifecycle.mjs bulk send,
// status, cancel and the STOP list), with switchable faults and a controllable clock.
//
// Library: `startStandin(options)` and `freePort()`. CLI:
//   node tools/standin/server.mjs [--port N] [--key K]... [--quiet]
// Behaviour follows SMS Partner's documentation ("Envoi unitaire", credits, replaced characters);
// where it is silent, the choice is written next to the code and in README.md.

import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { realpathSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { countMessage, flagOn } from './sms-count.mjs';
import { apiError, checkSend, splitNumbers } from './validate.mjs';
import { initialLifecycleState, international, pendingSms, registerLifecycle, sendInstant } from './lifecycle.mjs';

export { countMessage, STOP_MENTION } from './sms-count.mjs';

/** The only address the stand-in binds. */
const HOST = '127.0.0.1';

/** Prices in EUR per SMS (undocumented per account: 0.038 is the documented example answer). */
const DEFAULT_PRICES = Object.freeze({ premium: 0.038, lowCost: 0.026 });

const DEFAULT_CREDITS = Object.freeze({ creditSms: 10000, creditSmsECO: 10000, creditHlr: 0 });

/** Fault kinds. `slow`, `brokenJson` and `reset` process the send (store, bill) and then spoil the
 * answer; the others answer in place of SMS Partner and process nothing. `reject` answers code 9
 * with the fault's `errors` (default: the sender refused), as SMS Partner does for what only it
 * can check. */
const FAULT_KINDS = Object.freeze([
  'none',
  'status500',
  'html502',
  'unexpected200',
  'status429',
  'slow',
  'brokenJson',
  'reset',
  'reject',
  'code',
]);

const CORS = Object.freeze({
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
});

const PREFLIGHT = Object.freeze({
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
});

const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A short, non-reversible label of an API key (never the key itself). */
export function keyHash(key) {
  return createHash('sha256').update(String(key)).digest('hex').slice(0, 12);
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Adds a word to the request's log line. */
function addNote(req, text) {
  req.standinNote = req.standinNote ? `${req.standinNote} ${text}` : text;
}

/** Rounds euros to 3 decimals, as SMS Partner prints them. */
const euros = (value) => Math.round(value * 1000) / 1000;

/** Parses a JSON object body; null when it is not one. */
function parseObject(raw) {
  try {
    const value = JSON.parse(raw ?? '');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Fresh mutable state: credits, stored sends, request counts, armed fault. */
function initialState(credits, prices) {
  const start = { ...DEFAULT_CREDITS, ...credits };
  return {
    credits: {
      creditSms: start.creditSms,
      creditSmsECO: start.creditSmsECO,
      creditHlr: start.creditHlr,
      toSend: 0,
      balance: Number(start.balance ?? euros(start.creditSms * prices.premium)),
    },
    messages: [],
    requests: { total: 0, byPath: {}, preflights: {} },
    fault: { kind: 'none', times: 0 },
    nextMessageId: 1,
    ...initialLifecycleState(),
  };
}

/**
 * Starts the stand-in on 127.0.0.1.
 * Options: `port` (0 = any free port), `host` (must be 127.0.0.1), `apiKeys` (accepted keys),
 * `credits` (`{ creditSms, creditSmsECO, creditHlr, balance }`), `prices` (`{ premium, lowCost }`
 * in EUR), `logger` (false, true for stderr, or a function receiving each line), `now` (a function
 * returning the current Date, for the schedule checks).
 * Resolves to `{ url, port, close(), state }`; `state` is the live state object.
 */
export async function startStandin({
  port = 0,
  host = HOST,
  apiKeys = ['test-key'],
  credits = {},
  prices = DEFAULT_PRICES,
  logger = false,
  now = () => new Date(),
} = {}) {
  if (host !== HOST) throw new Error(`the stand-in only binds ${HOST}`);
  const keys = new Set(apiKeys);
  const isKnownKey = (key) => typeof key === 'string' && keys.has(key);
  const price = { ...DEFAULT_PRICES, ...prices };
  const state = initialState(credits, price);
  // The stand-in's own time: `now` moved by the clock control call (scheduled sends wait for it).
  const clock = () => new Date(now().getTime() + state.clockOffsetMs);
  const closing = new AbortController();
  const log =
    typeof logger === 'function' ? logger : logger ? (line) => process.stderr.write(`${line}\n`) : null;

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.decorateRequest('standinNote', null); // what the log line adds: fault kind, sandbox

  // Every body arrives as text whatever its Content-Type; /v1/send parses it itself so that a
  // body that is not JSON gets SMS Partner-shaped JSON back instead of Fastify's own error.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    const started = performance.now();
    if (req.method === 'OPTIONS') {
      state.requests.preflights[path] = (state.requests.preflights[path] ?? 0) + 1;
    } else if (!path.startsWith('/__standin/')) {
      state.requests.total += 1;
      state.requests.byPath[path] = (state.requests.byPath[path] ?? 0) + 1;
    }
    reply.headers(CORS);
    if (log) {
      // The query string is left out: /v1/me carries the API key there.
      reply.raw.once('close', () => {
        const ms = Math.round(performance.now() - started);
        const cut = reply.raw.writableFinished ? '' : ' cut';
        const note = req.standinNote ? ` ${req.standinNote}` : '';
        log(`standin ${req.method} ${path} ${reply.raw.statusCode}${cut} ${ms}ms${note}`);
      });
    }
  });

  app.options('/*', async (req, reply) => {
    reply.headers(PREFLIGHT);
    if (req.headers['access-control-request-private-network'] === 'true') {
      reply.header('access-control-allow-private-network', 'true');
    }
    return reply.code(204).send();
  });

  /** The real answer to a send: `{ status, body, sandbox }`; records and bills accepted sends. */
  function processSend(raw) {
    const body = parseObject(raw);
    if (body === null) {
      // Undocumented: SMS Partner only says that a broken body gives a 400.
      return { status: 400, body: { success: false, code: 400, message: 'Invalid JSON' } };
    }
    const smsCount = (request) => countMessage(request.message, request).smsCount;
    const isStopped = (number) => state.stops.some((s) => s.phoneNumber === international(number));
    const rejected = checkSend(body, { isKnownKey, now: clock(), smsCount, isStopped });
    if (rejected) return rejected;

    const lowCost = Number(body.gamme) === 2;
    const sandbox = flagOn(body.sandbox);
    const recipients = splitNumbers(body.phoneNumbers).length;
    // Undocumented: a message left empty by the replacements (e.g. only `^`) still leaves as one SMS.
    const perRecipient = Math.max(1, countMessage(body.message, body).smsCount);
    const nbSms = perRecipient * recipients;
    const cost = euros(nbSms * (lowCost ? price.lowCost : price.premium));
    const counter = lowCost ? 'creditSmsECO' : 'creditSms';
    if (!sandbox) {
      if (state.credits[counter] < nbSms) return apiError(11);
      state.credits[counter] -= nbSms;
      state.credits.balance = Math.max(0, euros(state.credits.balance - cost));
    }
    const messageId = state.nextMessageId++;
    const { apiKey, ...rest } = body;
    const received = clock();
    state.messages.push({
      messageId,
      kind: 'send',
      receivedAt: new Date().toISOString(),
      receivedAtMs: received.getTime(),
      apiKeyHash: keyHash(apiKey),
      sandbox,
      lowCost,
      nbSms,
      cost,
      ...sendInstant(body, received),
      recipients: splitNumbers(body.phoneNumbers).map((n) => ({
        phoneNumber: international(n),
        message: body.message,
        nbSms: perRecipient,
        cost: euros(perRecipient * (lowCost ? price.lowCost : price.premium)),
      })),
      body: rest,
    });
    return {
      status: 200,
      sandbox,
      body: { success: true, code: 200, message_id: messageId, nb_sms: nbSms, cost, currency: 'EUR' },
    };
  }

  /** Takes one use of the armed fault, if any. */
  function takeFault() {
    const { fault } = state;
    if (fault.kind === 'none' || fault.times <= 0) return null;
    fault.times -= 1;
    return { ...fault };
  }

  /** Writes headers and half of the body, then destroys the socket. */
  function resetMidBody(reply, answer) {
    reply.hijack();
    const text = JSON.stringify(answer.body);
    const raw = reply.raw;
    raw.writeHead(answer.status, {
      ...CORS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    raw.write(text.slice(0, Math.floor(text.length / 2)), () => raw.destroy());
  }

  /** Answers a send call (`/v1/send`, `/v1/bulk-send`) through the armed fault, if any. */
  async function withFaults(req, reply, process) {
    const fault = takeFault();
    if (fault) addNote(req, `fault=${fault.kind}`);
    switch (fault?.kind) {
      case 'status500':
        return fault.emptyBody
          ? reply.code(500).send()
          : reply.code(500).send({ code: 500, message: 'Internal Server Error' });
      case 'html502':
        return reply.code(502).type('text/html; charset=utf-8').send(HTML_502);
      case 'unexpected200':
        return reply.code(200).send({ hello: 'world' });
      case 'reject':
        // SMS Partner refusing what only it can check (a sender not allowed on the account…).
        return reply.code(400).send({
          success: false,
          code: 9,
          errors: fault.errors ?? [
            { elementId: 'children[sender].data', message: 'This sender is not allowed on your account' },
          ],
        });
      case 'code': {
        // Any of SMS Partner's codes, as it answers them; `asString` sends the code as a string
        // (the loose "992" may come back either way).
        const { status, body } = apiError(fault.code, fault.message);
        if (fault.asString) body.code = String(body.code);
        return reply.code(status).send(body);
      }
      case 'status429':
        return reply
          .code(429)
          .header('retry-after', String(fault.retryAfter ?? 30))
          .send({ code: 429, message: 'Too Many Requests' });
      default:
        break;
    }
    const answer = process();
    addNote(req, `code=${answer.body.code}${answer.sandbox ? ' sandbox' : ''}`);
    switch (fault?.kind) {
      case 'slow':
        try {
          await sleep(fault.delayMs ?? 5000, undefined, { signal: closing.signal });
        } catch {
          reply.hijack();
          reply.raw.destroy();
          return reply;
        }
        break;
      case 'brokenJson': {
        const text = JSON.stringify(answer.body);
        return reply
          .code(answer.status)
          .type('application/json; charset=utf-8')
          .send(text.slice(0, Math.floor(text.length / 2)));
      }
      case 'reset':
        resetMidBody(reply, answer);
        return reply;
      default:
        break;
    }
    return reply.code(answer.status).send(answer.body);
  }

  app.post('/v1/send', async (req, reply) => withFaults(req, reply, () => processSend(req.body)));

  registerLifecycle(app, {
    state,
    isKnownKey,
    clock,
    realNow: now,
    price,
    euros,
    keyHash,
    parseObject,
    withFaults,
  });

  app.get('/v1/me', async (req, reply) => {
    const { apiKey } = req.query;
    if (apiKey === undefined || apiKey === '') {
      const { status, body } = apiError(1, 'The API Key is required');
      return reply.code(status).send(body);
    }
    if (!isKnownKey(apiKey)) {
      const { status, body } = apiError(10, 'Wrong API key');
      return reply.code(status).send(body);
    }
    const { balance, ...counters } = state.credits;
    return {
      success: true,
      code: 200,
      user: { username: 'standin', firstname: 'Stand', lastname: 'In' },
      credits: { ...counters, toSend: pendingSms(state, clock()), balance: balance.toFixed(3), currency: 'EUR' },
    };
  });

  // Control endpoints for tests. Their own requests are not counted.
  app.get('/__standin/health', async () => ({ ok: true }));
  app.get('/__standin/messages', async () => state.messages);
  app.get('/__standin/requests', async () => state.requests);
  app.post('/__standin/reset', async () => {
    Object.assign(state, initialState(credits, price));
    return { ok: true };
  });
  app.post('/__standin/fault', async (req, reply) => {
    const spec = parseObject(req.body) ?? {};
    if (!FAULT_KINDS.includes(spec.kind)) {
      const message = `kind must be one of ${FAULT_KINDS.join(', ')}`;
      return reply.code(400).send({ ok: false, message });
    }
    const times = spec.kind === 'none' ? 0 : Number.isInteger(spec.times) ? spec.times : 1;
    state.fault = { ...spec, times };
    return { ok: true, fault: state.fault };
  });
  app.post('/__standin/credits', async (req) => {
    const spec = parseObject(req.body) ?? {};
    for (const field of ['creditSms', 'creditSmsECO', 'creditHlr', 'balance']) {
      if (typeof spec[field] === 'number') state.credits[field] = spec[field];
    }
    return state.credits;
  });

  await app.listen({ port, host: HOST });
  const bound = app.server.address().port;
  let closed = null;
  return {
    url: `http://${HOST}:${bound}`,
    port: bound,
    state,
    close() {
      closing.abort();
      closed ??= app.close();
      return closed;
    },
  };
}

/** Command line: node tools/standin/server.mjs [--port N] [--key K]... [--quiet] */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      key: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`standin: bad --port ${values.port}\n`);
    process.exit(2);
  }
  const standin = await startStandin({
    port,
    apiKeys: values.key ?? ['test-key'],
    logger: !values.quiet,
  });
  process.stdout.write(`standin listening on ${standin.url}\n`);
  const stop = async () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await standin.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** True when this file is the program node was started with. */
function invokedDirectly() {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main().catch((error) => {
    process.stderr.write(`standin: ${error.message}\n`);
    process.exit(1);
  });
}
