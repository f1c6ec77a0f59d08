// A local stand-in for Cloudflare Access in front of the worker: it holds an RSA key, serves its
// public half at /cdn-cgi/access/certs as Access does, and forwards every other request to the
// worker with a `Cf-Access-Jwt-Assertion` it signed for the signed-in user, as Access does for
// an application behind it. The key can be rotated. Signing uses jose, as the worker's check does.

import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

const HOST = '127.0.0.1';
/** How long an assertion lives (Access's default session is 24 hours; the stand-in signs one per request). */
const LIFETIME_SECONDS = 300;
/** Request headers never forwarded: hop-by-hop, and whatever assertion a caller tries to bring. */
const DROPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'cf-access-jwt-assertion', 'cf-access-authenticated-user-email', 'cookie']);
/** Answer headers never passed back. */
const DROPPED_ANSWER = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length']);

/** Largest body forwarded: the worker's own limit for a campaign. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** The request's body as one Buffer; rejects past MAX_BODY_BYTES. */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A new RS256 signing key with a random key id. */
async function newKey() {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(16).toString('hex');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}

/**
 * Starts the stand-in on 127.0.0.1. `target`: the worker's address; `aud`: the application's
 * audience tag (random by default); `user`: the signed-in demo user's claims (`{ email }`);
 * `port`: 0 for any. Resolves to `{ url, aud, token(claims), rotate({ keepOld }), keyIds(),
 * setTarget(url), close() }`: `url` is the team domain (the assertions' issuer) and the address
 * that forwards to the worker; `token({ email, exp, nbf, iat, aud, iss, kid, common_name, ... })`
 * signs an assertion with the current key (claims given replace the defaults, `null` removes
 * one); `rotate()` makes a new key and serves it alone (or beside the old with `keepOld`).
 */
export async function startAccess({ target = null, aud = randomBytes(32).toString('hex'), user = { email: 'demo@example.org' }, port = 0, log = () => {} } = {}) {
  let keys = [await newKey()];
  let forwardTo = target;
  let url = null;

  const token = async (claims = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const { kid = keys[0].kid, ...given } = claims;
    const payload = {
      aud: [aud],
      iss: url,
      sub: randomBytes(8).toString('hex'),
      iat: now,
      nbf: now,
      exp: now + LIFETIME_SECONDS,
      type: 'app',
      identity_nonce: randomBytes(8).toString('hex'),
      ...user,
      ...given,
    };
    for (const [name, value] of Object.entries(payload)) if (value === null) delete payload[name];
    const key = keys.find((entry) => entry.kid === kid) ?? keys[0];
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key.privateKey);
  };

  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('access stand-in: the worker did not answer\n');
      else res.destroy();
    });
  });

  async function serve(req, res) {
    const path = new URL(req.url, 'http://access.invalid').pathname;
    if (path === '/cdn-cgi/access/certs') {
      const body = JSON.stringify({ keys: keys.map((entry) => entry.jwk), public_cert: { kid: keys[0].kid }, public_certs: keys.map((entry) => ({ kid: entry.kid })) });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
      log(`access GET ${path} 200`);
      return;
    }
    if (forwardTo === null) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('access stand-in: no application behind it yet\n');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (!DROPPED.has(name) && value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    // OPTIONS pass as they are (Access lets CORS preflights through to the application).
    if (req.method !== 'OPTIONS') {
      headers.set('cf-access-jwt-assertion', await token());
      if (typeof user.email === 'string') headers.set('cf-access-authenticated-user-email', user.email);
    }
    // The body read whole first (the worker takes at most 32 MiB), then sent on with its length.
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = hasBody ? await readBody(req) : undefined;
    const answer = await fetch(forwardTo + req.url, { method: req.method, headers, body, redirect: 'manual' });
    const out = {};
    for (const [name, value] of answer.headers) if (!DROPPED_ANSWER.has(name)) out[name] = value;
    res.writeHead(answer.status, out);
    if (answer.body === null) res.end();
    else Readable.fromWeb(answer.body).pipe(res);
    log(`access ${req.method} ${path} ${answer.status}`);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  url = `http://${HOST}:${server.address().port}`;
  return {
    url,
    aud,
    token,
    user,
    async rotate({ keepOld = false } = {}) {
      const fresh = await newKey();
      keys = keepOld ? [fresh, ...keys] : [fresh];
      return fresh.kid;
    },
    keyIds: () => keys.map((entry) => entry.kid),
    setTarget(address) {
      forwardTo = address;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
