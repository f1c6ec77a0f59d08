// Shared by the tests of the installed package: where things are, running commands, serving a
// built page, and the package itself as installed, in Node, as the oracle of every answer.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const TARBALL = join(ROOT, '.cache', 'package', 'smspartner-wasm.tgz');
/** The message every fixture analyzes (as in fixtures/shared/page.js). */
export const SAMPLE = 'Prix : 10€ {promo}';
/** The first words of the Error thrown before initialization. */
export const NOT_INITIALIZED = 'smspartner-wasm is not initialized: call `await init()`';

/** The installed package's Node entry (what `import "smspartner-wasm"` gives in Node). */
export async function installed() {
  return import(join(FIXTURES, 'node_modules', 'smspartner-wasm', 'index.node.js'));
}

/** The environment of a command: the root's tools first on PATH, no telemetry. */
export function env(extra = {}) {
  return {
    ...process.env,
    PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    NO_COLOR: '1',
    ...extra,
  };
}

/** Runs a command in `cwd` (at most two minutes); resolves to its stdout, or rejects with its output. */
export async function run(command, args, cwd, extra = {}) {
  try {
    const { stdout } = await promisify(execFile)(command, args, { cwd, env: env(extra), timeout: 120_000, maxBuffer: 1 << 24 });
    return stdout;
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** `npm …` in `cwd`. */
export const npm = (args, cwd, extra) => run('npm', args, cwd, extra);

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** Serves the files of `dir` on 127.0.0.1 (any free port); resolves to `{ url, close() }`. */
export function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        // Chromium keeps its connections open after its pages close.
        close: () => new Promise((done) => server.close(done).closeAllConnections()),
      });
    });
  });
}
