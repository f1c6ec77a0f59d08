// The example worker for the benchmarks, as it is deployed: behind the Access stand-in, every
// request carrying a signed assertion (its check is part of what is measured), the daily limits
// and the rate limit set high enough never to refuse a benchmark's requests.
import { startAccess } from '../../tools/demo/access.mjs';
import { startWorker } from '../../tools/demo/worker-runtime.mjs';

/** Large enough for any run: the limits are counted all the same. */
const NO_LIMIT = '1000000000';

/**
 * Starts the worker with `bindings` and its own Access stand-in. Resolves to `{ url, headers,
 * close() }`: `headers` holds an assertion for `bench@example.org`, valid for two hours.
 * `options` go to startWorker (`miniflare`, `log`).
 */
export async function startSignedWorker(bindings, options = {}) {
  const access = await startAccess({ user: { email: 'bench@example.org' } });
  const { miniflare = {}, ...rest } = options;
  const worker = await startWorker({
    port: 0,
    log: () => {},
    ...rest,
    bindings: {
      ACCESS_TEAM_DOMAIN: access.url,
      ACCESS_AUD: access.aud,
      DAILY_SMS_LIMIT_PER_CALLER: NO_LIMIT,
      DAILY_SMS_LIMIT: NO_LIMIT,
      ...bindings,
    },
    miniflare: { ratelimits: { CALLER_RATE_LIMIT: { simple: { limit: 1_000_000_000, period: 60 } } }, ...miniflare },
  });
  const now = Math.floor(Date.now() / 1000);
  const assertion = await access.token({ exp: now + 7200 });
  return {
    url: worker.url,
    mf: worker.mf,
    headers: { 'cf-access-jwt-assertion': assertion },
    async close() {
      await worker.close();
      await access.close();
    },
  };
}
