// Runs www/worker/worker.js in workerd (through Miniflare) on 127.0.0.1, as the edge would: its
// Durable Objects, queue and compatibility date read from www/worker/wrangler.toml by wrangler
// itself, so that what runs here is what `wrangler deploy` deploys.

import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { Log, LogLevel, Miniflare } from 'miniflare';

/** The repository root: the worker imports the package as ../../pkg/. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORKER_SCRIPT = fileURLToPath(new URL('../../www/worker/worker.js', import.meta.url));
export const WRANGLER_CONFIG = fileURLToPath(new URL('../../www/worker/wrangler.toml', import.meta.url));

let deployed = null;

/**
 * What wrangler.toml declares, as Miniflare options: `{ compatibilityDate, compatibilityFlags,
 * durableObjects, queueProducers, queueConsumers }`. Its [vars] are left out: each caller gives
 * the worker's env in `bindings`. Read once (loading wrangler takes a few seconds).
 */
export async function deployedOptions() {
  deployed ??= import('wrangler').then(({ unstable_getMiniflareWorkerOptions }) => {
    const { workerOptions: o } = unstable_getMiniflareWorkerOptions(WRANGLER_CONFIG);
    return Object.freeze({
      compatibilityDate: o.compatibilityDate,
      compatibilityFlags: o.compatibilityFlags,
      durableObjects: o.durableObjects,
      queueProducers: o.queueProducers,
      queueConsumers: o.queueConsumers,
    });
  });
  return deployed;
}

const HOST = '127.0.0.1';

/** Miniflare's own messages (start-up, warnings), one line each, to `log`. */
class LineLog extends Log {
  #sink;
  constructor(sink) {
    super(LogLevel.WARN);
    this.#sink = sink;
  }
  log(message) {
    for (const line of String(message).split('\n')) if (line.trim() !== '') this.#sink(`miniflare ${line}`);
  }
}

/** Forwards each line of a stream to `sink`. */
function forwardLines(stream, sink) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim() !== '') sink(line);
  });
}

/**
 * Starts the worker in workerd. `bindings`: the worker's env (SMSPARTNER_API_KEY,
 * SMSPARTNER_BASE_URL, ALLOWED_ORIGINS, FORCE_SANDBOX, SEND_TIMEOUT_MS, CAMPAIGN_SETTLE_SECONDS,
 * CAMPAIGN_SWEEP_SECONDS, REPLY_WEBHOOK_TOKEN), all strings. `port`: 0 for any free port.
 * `persist`: a directory keeping the Durable Objects' storage and alarms across restarts (else
 * they live in memory). `log(line)`: receives every line the worker and workerd print.
 * `miniflare`: more Miniflare options (the benchmark's `inspectorPort`, for a CPU profile).
 * Resolves to `{ url, port, close(), mf }`.
 */
export async function startWorker({
  bindings = {},
  port = 0,
  persist = false,
  log = (line) => process.stdout.write(`${line}\n`),
  miniflare = {},
} = {}) {
  const mf = new Miniflare({
    ...(await deployedOptions()),
    durableObjectsPersist: persist,
    modules: true,
    scriptPath: WORKER_SCRIPT,
    modulesRoot: REPO_ROOT,
    // .js files are ES modules here (the package and the worker), as wrangler reads them.
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    bindings,
    host: HOST,
    port,
    cf: false, // no fetch of Cloudflare's request metadata: nothing leaves 127.0.0.1
    log: new LineLog(log),
    logRequests: false,
    handleRuntimeStdio(stdout, stderr) {
      forwardLines(stdout, log);
      forwardLines(stderr, log);
    },
    ...miniflare,
  });
  const ready = await mf.ready;
  const url = ready.origin;
  let closed = null;
  return {
    url,
    mf,
    port: Number(ready.port),
    close() {
      closed ??= mf.dispose();
      return closed;
    },
  };
}
