// Runs www/worker/worker.js in workerd (through Miniflare) on 127.0.0.1, as the edge would: its
// Durable Objects, queue, rate limit and compatibility date read from www/worker/wrangler.toml by
// wrangler itself, and its modules bundled as wrangler bundles them (esbuild, the workerd export
// conditions, the wasm left as its own module), so that what runs here is what `wrangler deploy`
// deploys.

import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { rmSync } from 'node:fs';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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
      ratelimits: o.ratelimits,
    });
  });
  return deployed;
}

/** wrangler.toml's [alias], each target made absolute (wrangler resolves them from the file's folder). */
async function aliases() {
  const { unstable_readConfig } = await import('wrangler');
  const { alias = {} } = unstable_readConfig({ config: WRANGLER_CONFIG });
  const folder = dirname(WRANGLER_CONFIG);
  return Object.fromEntries(Object.entries(alias).map(([name, target]) => [name, target.startsWith('.') ? resolve(folder, target) : target]));
}

let bundled = null;

/**
 * The worker bundled once per process into a temporary folder: `{ dir, script }`. Its npm
 * imports (jose) resolved with the export conditions wrangler uses for workerd; each `.wasm`
 * import kept as a module of its own beside the bundle, as wrangler uploads it.
 */
export async function bundledWorker() {
  bundled ??= (async () => {
    const { build } = await import('esbuild');
    const dir = await mkdtemp(join(tmpdir(), 'smspartner-worker-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const wasmFiles = new Map();
    await build({
      entryPoints: [WORKER_SCRIPT],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      alias: await aliases(),
      external: ['cloudflare:*'],
      logLevel: 'silent',
      plugins: [
        {
          name: 'wasm-modules',
          setup(esbuild) {
            esbuild.onResolve({ filter: /\.wasm$/ }, (args) => {
              const path = join(args.resolveDir, args.path);
              wasmFiles.set(basename(path), path);
              return { path: `./${basename(path)}`, external: true };
            });
          },
        },
      ],
    });
    for (const [name, path] of wasmFiles) await copyFile(path, join(dir, name));
    return { dir, script: join(dir, 'worker.js') };
  })();
  return bundled;
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
  const bundle = await bundledWorker();
  const mf = new Miniflare({
    ...(await deployedOptions()),
    durableObjectsPersist: persist,
    modules: true,
    scriptPath: bundle.script,
    modulesRoot: bundle.dir,
    // The bundle is an ES module, its wasm a compiled module, as wrangler uploads them.
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
