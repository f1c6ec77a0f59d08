// Who is calling: the Cloudflare Access assertion of every request checked with jose, or the
// worker's refusal (401, 503, or 500 when the worker is not set up to check it).
//
// Settings (vars):
//   ACCESS_TEAM_DOMAIN   the Access team domain, https://<team>.cloudflareaccess.com (the
//                        assertion's issuer; its keys are at /cdn-cgi/access/certs)
//   ACCESS_AUD           the Application Audience (AUD) tag of the Access application; several
//                        applications: comma-separated
//   ALLOW_UNAUTHENTICATED  "sandbox-only": without the two above, callers pass unidentified and
//                        every call goes out in sandbox mode (local trials only)
//   ACCESS_JWKS_CACHE_SECONDS  optional: how long the keys are kept before they are fetched
//                        again (default 300)
//   ACCESS_JWKS_COOLDOWN_SECONDS  optional: how soon an unknown key id may fetch them again
//                        (default 30)
//
// People and service tokens arrive the same way: Access puts its signed assertion in the
// `Cf-Access-Jwt-Assertion` header. A person's identity is its `email`, a service token's its
// `common_name` (the token's client id).

import { createRemoteJWKSet, errors, jwksCache, jwtVerify } from 'jose';
import { seconds } from './http.js';

/** The header Access puts its assertion in. */
export const ASSERTION_HEADER = 'cf-access-jwt-assertion';
/** Largest assertion read: Access's are 1–3 KB; anything bigger is refused unparsed. */
export const MAX_ASSERTION_BYTES = 16 * 1024;
/** Clock difference allowed on `exp`, `nbf` and `iat`, in seconds. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** The only signature Access uses. */
const ALGORITHMS = Object.freeze(['RS256']);
/** How long the keys may take to arrive. */
const JWKS_TIMEOUT_MS = 5000;
const DEFAULT_CACHE_SECONDS = 300;
const DEFAULT_COOLDOWN_SECONDS = 30;
/** Names accepted for a loopback team domain over plain HTTP (the demo's Access stand-in). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The value of ALLOW_UNAUTHENTICATED that lets unidentified callers through, sandboxed. */
export const SANDBOX_ONLY = 'sandbox-only';

/**
 * Why a caller is not let through: `status` and `code` are what the worker answers; `missing`
 * names the settings a `config` refusal lacks.
 */
export class AccessRefusal extends Error {
  constructor(status, code, message, missing = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.missing = missing;
  }
}

const required = () => new AccessRefusal(401, 'auth_required', 'sign in through Cloudflare Access: this request has no Access assertion');
const invalid = () => new AccessRefusal(401, 'auth_invalid', 'the Access assertion is not valid');
const unavailable = () =>
  new AccessRefusal(503, 'auth_unavailable', 'the Access keys cannot be fetched right now: nothing is let through, try again shortly');

/** The JWKS readers made, by certs address and cache settings: one per isolate and setting. */
const KEY_SETS = new Map();
const MAX_KEY_SETS = 4;

/**
 * How the worker is set up to check callers: `{ mode: "access", issuer, audience, keys }`,
 * `{ mode: "sandbox-only" }`; throws a 500 `config` AccessRefusal naming what is missing.
 */
export function accessSettings(env) {
  const team = text(env.ACCESS_TEAM_DOMAIN);
  const aud = text(env.ACCESS_AUD);
  if (team === '' || aud === '') {
    if (env.ALLOW_UNAUTHENTICATED === SANDBOX_ONLY) return { mode: SANDBOX_ONLY };
    const missing = [team === '' ? 'ACCESS_TEAM_DOMAIN' : null, aud === '' ? 'ACCESS_AUD' : null].filter(Boolean);
    throw new AccessRefusal(
      500,
      'config',
      `the worker checks every caller with Cloudflare Access and lacks ${missing.join(' and ')} (or ALLOW_UNAUTHENTICATED = "${SANDBOX_ONLY}" for a local trial)`,
      missing,
    );
  }
  const issuer = issuerOf(team);
  const audience = aud
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const set = keySet(issuer, env);
  return { mode: 'access', issuer, audience, ...set, cacheName: `${set.name} ${audience.join(',')}` };
}

/**
 * The caller of `request`: `{ identity, kind: "user" | "service" | "anonymous" }`. Throws an
 * AccessRefusal: 401 `auth_required` without an assertion, 401 `auth_invalid` for any assertion
 * that does not hold (which check failed is never said), 503 `auth_unavailable` when the keys
 * cannot be fetched.
 */
export async function authenticate(request, settings) {
  const assertion = request.headers.get(ASSERTION_HEADER);
  if (settings.mode === SANDBOX_ONLY) {
    // Unidentified callers pass; an assertion that comes anyway is not read (nothing checks it).
    return { identity: 'anonymous', kind: 'anonymous' };
  }
  if (assertion === null || assertion.trim() === '') throw required();
  if (assertion.length > MAX_ASSERTION_BYTES) throw invalid();
  const remembered = `${settings.cacheName}\u0000${assertion}`;
  const known = VERIFIED.get(remembered);
  if (known !== undefined && Date.now() < known.until && settings.keysFresh() && settings.keysFetchedAt() === known.keysFetchedAt) {
    return { ...known.caller };
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion.trim(), settings.keys, {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    throw error instanceof KeysUnavailable ? unavailable() : invalid();
  }
  const caller = callerOf(payload);
  // Taken again until it expires, while jose still holds the same keys: once they are fetched
  // again (rotated, or kept past ACCESS_JWKS_CACHE_SECONDS) it is verified again.
  if (VERIFIED.size >= MAX_VERIFIED) VERIFIED.clear();
  VERIFIED.set(remembered, { caller, until: payload.exp * 1000, keysFetchedAt: settings.keysFetchedAt() });
  return { ...caller };
}

/**
 * Assertions already verified, by settings and text: a page sends the same assertion on every
 * call of its session, whose signature is then checked once per isolate, not once per request.
 */
const VERIFIED = new Map();
const MAX_VERIFIED = 256;

/** The caller an assertion names: a person's `email` (in lower case) or a service token's `common_name`. */
function callerOf(payload) {
  // An address is one person whatever its case: the day's count is theirs however it is written.
  if (typeof payload.email === 'string' && payload.email !== '') return { identity: payload.email.toLowerCase(), kind: 'user' };
  if (typeof payload.common_name === 'string' && payload.common_name !== '') {
    return { identity: payload.common_name, kind: 'service' };
  }
  throw invalid();
}

/** The keys could not be had (network, timeout, an answer that is not a key set). */
class KeysUnavailable extends Error {}

/**
 * Whether an error of jose's remote key set means the keys could not be had: the fetch failed
 * (not a jose error), timed out, or answered something other than a key set (jose's generic
 * error: not 200, not JSON). Its other errors are about the assertion (no key of its `kid`).
 */
function keysMissing(error) {
  return (
    !(error instanceof errors.JOSEError) ||
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.code === errors.JOSEError.code
  );
}

/**
 * jose's remote key set for `issuer`, wrapped so that a failure to fetch the keys is told apart
 * from an assertion whose key is not among them: `{ keys, name, keysFresh(), keysFetchedAt() }`
 * (`name` tells the settings apart; whether jose's keys are within their cache time, and when
 * they were fetched).
 */
function keySet(issuer, env) {
  const cacheMaxAge = seconds(env.ACCESS_JWKS_CACHE_SECONDS, DEFAULT_CACHE_SECONDS) * 1000;
  const cooldownDuration = seconds(env.ACCESS_JWKS_COOLDOWN_SECONDS, DEFAULT_COOLDOWN_SECONDS) * 1000;
  const name = `${issuer} ${cacheMaxAge} ${cooldownDuration}`;
  let set = KEY_SETS.get(name);
  if (set === undefined) {
    // jose writes the time of each fetch of the keys here (`uat`): assertions verified against
    // other keys are verified again.
    const fetched = {};
    const remote = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`), {
      timeoutDuration: JWKS_TIMEOUT_MS,
      cacheMaxAge,
      cooldownDuration,
      [jwksCache]: fetched,
    });
    const verify = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        throw keysMissing(error) ? new KeysUnavailable() : error;
      }
    };
    set = { keys: verify, name, keysFresh: () => remote.fresh, keysFetchedAt: () => fetched.uat };
    if (KEY_SETS.size >= MAX_KEY_SETS) KEY_SETS.clear();
    KEY_SETS.set(name, set);
  }
  return set;
}

/**
 * The issuer of a team domain: `https://<team>.cloudflareaccess.com` (the scheme may be left
 * out), or plain HTTP on a loopback address for the demo's stand-in.
 */
function issuerOf(team) {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(team) ? team : `https://${team}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    url = null;
  }
  const secure = url !== null && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
  if (!secure || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.username !== '') {
    throw new AccessRefusal(500, 'config', 'ACCESS_TEAM_DOMAIN must be the team domain alone: https://<team>.cloudflareaccess.com');
  }
  return url.origin;
}

const text = (value) => (typeof value === 'string' ? value.trim() : '');
