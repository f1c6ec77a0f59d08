// A proxy between the worker and an in-process stand-in that injects faults into chosen bulk
// sends: the stand-in's own faults (armed for exactly that call), a port that refuses
// connections for a moment, an answer held back, or every bulk send held at a gate.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

const HOST = '127.0.0.1';
const BULK_PATH = '/v1/bulk-send';
/** How long the port stays closed for a `refused` fault. */
const REFUSED_MS = 400;
/** Longest wait for the stand-in to take an armed fault. */
const ARM_TIMEOUT_MS = 5000;

/** The tag of a bulk send body (null when it is not one). */
function tagOf(text) {
  try {
    return JSON.parse(text).tag ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts the proxy in front of `standin` (from startStandin, in this process).
 * `plan(tag, seen)` chooses what happens to a bulk send (`seen`: how many calls with this tag
 * came before): null to pass, a stand-in fault `{ kind, ...spec }`, `{ kind: "refused" }` (the
 * port closes, every open connection is cut, and it opens again), `{ kind: "hold" }` (forwarded,
 * answer never given: `held` lists them). `gate()` holds every bulk send until `open()`.
 * Bulk sends reach the stand-in one at a time, so that an armed fault is taken by its own call.
 */
export async function startFaultProxy(standin, plan = () => null) {
  const seenTags = new Map();
  const log = []; // { tag, fault, seen }
  const held = [];
  const sockets = new Set();
  let queue = Promise.resolve();
  let gate = null;
  let port = 0;

  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const path = req.url.split('?')[0];
    if (req.method !== 'POST' || path !== BULK_PATH) {
      await forward(req, body, res);
      return;
    }
    if (gate !== null) {
      gate.waiting += 1;
      await gate.promise;
    }
    const tag = tagOf(body.toString());
    const seen = seenTags.get(tag) ?? 0;
    seenTags.set(tag, seen + 1);
    const fault = plan(tag, seen);
    log.push({ tag, fault: fault?.kind ?? null, seen });
    // One bulk send at a time reaches the stand-in.
    const turn = queue.then(() => handleBulk(req, body, res, fault));
    queue = turn.catch(() => {});
    await turn;
  });

  async function handleBulk(req, body, res, fault) {
    if (req.socket.destroyed) return;
    if (fault?.kind === 'refused') {
      await refuseForAMoment();
      return;
    }
    if (fault && fault.kind !== 'hold') {
      standin.state.fault = { times: 1, ...fault };
      const answered = forward(req, body, res);
      const deadline = Date.now() + ARM_TIMEOUT_MS;
      while (standin.state.fault.times > 0 && Date.now() < deadline) await sleep(2);
      assert.equal(standin.state.fault.times, 0, 'the stand-in did not take the armed fault');
      answered.catch(() => {});
      return;
    }
    if (fault?.kind === 'hold') {
      const answer = await fetchUpstream(req, body);
      held.push({ req, res, answer });
      return;
    }
    await forward(req, body, res);
  }

  /** Closes the port, cuts every connection (this call's included), opens again. */
  async function refuseForAMoment() {
    await new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    await sleep(REFUSED_MS);
    await new Promise((resolve) => server.listen(port, HOST, resolve));
  }

  function fetchUpstream(req, body) {
    const headers = { ...req.headers };
    delete headers.host;
    delete headers['content-length'];
    delete headers.connection;
    return fetch(standin.url + req.url, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
  }

  /** Passes the call on and copies the answer back; a cut answer cuts this one too. */
  async function forward(req, body, res) {
    try {
      const answer = await fetchUpstream(req, body);
      const text = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    } catch {
      res.socket?.destroy();
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, HOST, resolve));
  port = server.address().port;

  return {
    url: `http://${HOST}:${port}`,
    log,
    held,
    /** Holds every bulk send until `open()`. */
    gate() {
      let release;
      const promise = new Promise((resolve) => {
        release = resolve;
      });
      gate = { promise, release, waiting: 0 };
    },
    /** How many bulk sends wait at the gate. */
    get waiting() {
      return gate?.waiting ?? 0;
    },
    open() {
      gate?.release();
      gate = null;
    },
    async close() {
      this.open();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
