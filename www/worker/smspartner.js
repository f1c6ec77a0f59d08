// The worker's SMS Partner client: made from the key secret and the settings, once per isolate,
// and the sandbox the settings force.

import { defaultAllowedRegions, SmsPartnerClient } from 'smspartner-wasm';
import { Refusal, isPlainObject } from './http.js';
import { SANDBOX_ONLY } from './access.js';

/**
 * Whether every call goes out with sandbox: 1: FORCE_SANDBOX = "1", or a worker that lets
 * unidentified callers through (ALLOW_UNAUTHENTICATED = "sandbox-only"), whatever FORCE_SANDBOX says.
 */
export const forcedSandbox = (env) =>
  env.ALLOW_UNAUTHENTICATED === SANDBOX_ONLY || env.FORCE_SANDBOX === '1' || env.FORCE_SANDBOX === 1 || env.FORCE_SANDBOX === true;

/** The request with sandbox: 1 when the worker forces the sandbox. */
export function applySandbox(request, env) {
  return forcedSandbox(env) && isPlainObject(request) ? { ...request, sandbox: 1 } : request;
}

/** The key secret; a 500 `config` refusal without it. */
export function apiKeyOf(env) {
  const key = env.SMSPARTNER_API_KEY;
  if (typeof key !== 'string' || key === '') {
    throw new Refusal(500, { kind: 'config', message: 'the worker has no SMSPARTNER_API_KEY secret' });
  }
  return key;
}

/**
 * The isolate's client, made by the first call that needs one and again only when the key or
 * the settings change; the one it replaces is freed by the package's finalizer once unused.
 */
let cachedClient = null;

/** Runs `use(client)` with a client holding the worker's key and settings. */
export async function withClient(env, use) {
  const key = apiKeyOf(env);
  const { baseUrl, timeoutMs } = clientSettings(env);
  const cached = cachedClient;
  if (cached === null || cached.key !== key || cached.baseUrl !== baseUrl || cached.timeoutMs !== timeoutMs) {
    let client;
    try {
      client = new SmsPartnerClient({ apiKey: key, baseUrl, timeoutMs });
    } catch {
      throw new Refusal(500, { kind: 'config', message: "the worker's SMS Partner settings are not valid" }, { note: 'config=client' });
    }
    cachedClient = { key, baseUrl, timeoutMs, client };
  }
  return use(cachedClient.client);
}

/**
 * `{ baseUrl?, timeoutMs? }` from the bindings (the client's own defaults otherwise); a bad
 * SEND_TIMEOUT_MS is a configuration error.
 */
export function clientSettings(env) {
  const given = typeof env.SMSPARTNER_BASE_URL === 'string' ? env.SMSPARTNER_BASE_URL.trim() : '';
  const baseUrl = given === '' ? undefined : given;
  const raw = env.SEND_TIMEOUT_MS;
  if (raw === undefined || raw === null || raw === '') return { baseUrl };
  const timeoutMs = Number(raw);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Refusal(500, { kind: 'config', message: 'SEND_TIMEOUT_MS must be a positive whole number of milliseconds' }, { note: 'config=timeout' });
  }
  return { baseUrl, timeoutMs };
}

/** The regions numbers may be sent to: ALLOWED_COUNTRIES, or the package's default. */
export function allowedRegionsOf(env) {
  const given = typeof env.ALLOWED_COUNTRIES === 'string' ? env.ALLOWED_COUNTRIES : '';
  const regions = given
    .split(',')
    .map((entry) => entry.trim().toUpperCase())
    .filter((entry) => entry !== '');
  return regions.length > 0 ? regions : defaultAllowedRegions();
}
