// The demo stack: the page server, the edge worker in workerd behind the Cloudflare Access
// stand-in, and the SMS Partner stand-in, all on 127.0.0.1. `startStack()` is used by scripts/demo
// (through run.mjs) and by the tests.

import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandin } from '../standin/server.mjs';
import { REPO_ROOT, startWorker } from './worker-runtime.mjs';
import { startAccess } from './access.mjs';

const HOST = '127.0.0.1';
/** The only Host names the page server and the worker answer for (a rebound DNS name is refused). */
const LOCAL_HOSTS = Object.freeze([HOST, 'localhost']);
/** How long a request to the page server may take to arrive, headers and body. */
const REQUEST_DEADLINE_MS = 10_000;
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../www/', import.meta.url));
export const PKG_DIR = join(REPO_ROOT, 'pkg');
export const LIVE_BASE_URL = 'https://api.smspartner.fr';
/** The key the worker and the stand-in share when no real key is used. */
export const STANDIN_KEY = 'demo-key';
/** The user the Access stand-in signs the page's calls for. */
export const DEMO_USER = Object.freeze({ email: 'marie.dupont@example.org' });

/** Content types of what www/ and pkg/ hold; anything else is served as bytes. */
const MIME = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
});

/**
 * Starts the stack. Options:
 * - `apiKey`: the SMS Partner key given to the worker as its secret. With the stand-in it
 *   defaults to a made-up key the stand-in accepts; without it, it is required.
 * - `standin` (true): run the local stand-in; false talks to `baseUrl` (SMS Partner itself).
 * - `baseUrl` (https://api.smspartner.fr): the API address when `standin` is false.
 * - `sandbox` (false with the stand-in, true without): FORCE_SANDBOX of the worker.
 * - `ports`: `{ page, worker, standin, access }`, each 0 (any free port) by default.
 * - `allowedOrigins`: the worker's ALLOWED_ORIGINS (default: the page's origin, as 127.0.0.1
 *   and as localhost).
 * - `sendTimeoutMs`: the worker's SEND_TIMEOUT_MS (default: the client's).
 * - `webRoot` (www/): what the page server serves at `/`, without its `worker/` folder.
 * - `user` ({ email: DEMO_USER.email }): the claims the Access stand-in signs the page's calls with.
 * - `workerBindings`: settings of the worker that replace the stack's (DAILY_SMS_LIMIT,
 *   ALLOWED_COUNTRIES…; a value of null removes one).
 * - `log(line)`: every log line of the servers (default: stdout).
 * Resolves to `{ pageUrl, workerUrl, standinUrl, standin, access, replyToken, close() }`:
 * `workerUrl` the worker itself with nothing in front (what anyone who finds its address
 * reaches), `access` `{ url, token(claims), rotate(), aud }` the Access stand-in (`url` the
 * address the page calls, forwarding as the signed-in user; `token` an assertion signed with
 * its current key), `standin` the SMS Partner stand-in's handle (tools/standin/README.md) or null.
 */
export async function startStack({
  apiKey,
  standin = true,
  baseUrl = LIVE_BASE_URL,
  sandbox = !standin,
  ports = {},
  allowedOrigins,
  sendTimeoutMs,
  webRoot = DEFAULT_WEB_ROOT,
  user = DEMO_USER,
  workerBindings = {},
  log = (line) => process.stdout.write(`${line}\n`),
} = {}) {
  if (!standin && (typeof apiKey !== 'string' || apiKey === '')) {
    throw new Error('an apiKey is needed to talk to SMS Partner without the stand-in');
  }
  if (!existsSync(join(PKG_DIR, 'smspartner_wasm_bg.wasm'))) {
    throw new Error(`the package is not built (${PKG_DIR} has no smspartner_wasm_bg.wasm): run scripts/build`);
  }
  const secret = apiKey ?? STANDIN_KEY;
  const opened = [];
  const closeAll = async () => {
    const errors = [];
    for (const handle of opened.reverse()) {
      try {
        await handle.close();
      } catch (error) {
        errors.push(error);
      }
    }
    opened.length = 0;
    if (errors.length > 0) throw errors[0];
  };

  try {
    const config = { workerUrl: null, mode: standin ? 'standin' : 'live', sandbox: Boolean(sandbox) };
    const page = await startPageServer({ port: ports.page ?? 0, webRoot, config, log });
    opened.push(page);

    let fakeApi = null;
    if (standin) {
      fakeApi = await startStandin({ port: ports.standin ?? 0, apiKeys: [secret], logger: log });
      opened.push(fakeApi);
    }

    const access = await startAccess({ port: ports.access ?? 0, user, log });
    opened.push(access);

    const origins = allowedOrigins ?? [page.url, page.url.replace(HOST, 'localhost')];
    const replyToken = randomBytes(24).toString('base64url');
    const bindings = {
      SMSPARTNER_API_KEY: secret,
      SMSPARTNER_BASE_URL: fakeApi ? fakeApi.url : baseUrl,
      ALLOWED_ORIGINS: origins.join(','),
      FORCE_SANDBOX: sandbox ? '1' : '0',
      ALLOWED_HOSTS: LOCAL_HOSTS.join(','),
      ACCESS_TEAM_DOMAIN: access.url,
      ACCESS_AUD: access.aud,
      REPLY_WEBHOOK_TOKEN: replyToken,
    };
    if (sendTimeoutMs !== undefined) bindings.SEND_TIMEOUT_MS = String(sendTimeoutMs);
    for (const [name, value] of Object.entries(workerBindings)) {
      if (value === null) delete bindings[name];
      else bindings[name] = String(value);
    }
    const worker = await startWorker({ bindings, port: ports.worker ?? 0, log });
    opened.push(worker);
    access.setTarget(worker.url);
    // The page calls the worker through Access, as a deployed page does.
    config.workerUrl = access.url;
    // The stand-in posts replies to the send's urlResponse: the worker's webhook with its token.
    if (fakeApi) config.replyUrl = `${worker.url}/webhooks/replies?token=${replyToken}`;

    let closing = null;
    return {
      pageUrl: `${page.url}/`,
      workerUrl: worker.url,
      standinUrl: fakeApi ? fakeApi.url : null,
      standin: fakeApi,
      access: { url: access.url, aud: access.aud, user: access.user, token: access.token, rotate: access.rotate, keyIds: access.keyIds },
      replyToken,
      close() {
        closing ??= closeAll();
        return closing;
      },
    };
  } catch (error) {
    await closeAll().catch(() => {});
    throw error;
  }
}

/**
 * The page server: `webRoot` at `/` (its `worker/` folder left out), the package at `/pkg/`,
 * papaparse's minified script at `/vendor/papaparse.min.js`, and `GET /config.json` → `{ workerUrl, mode, sandbox }`. GET and HEAD only.
 */
async function startPageServer({ port, webRoot, config, log }) {
  const mounts = {
    web: { root: await realpathOrNull(webRoot), hidden: await realpathOrNull(join(webRoot, 'worker')) },
    pkg: { root: await realpathOrNull(PKG_DIR), hidden: null },
    vendor: await vendorFiles(),
  };
  const server = createServer({ requestTimeout: REQUEST_DEADLINE_MS, headersTimeout: REQUEST_DEADLINE_MS }, (req, res) => {
    serve(req, res, mounts, config).then(
      (status) => log(`page ${req.method} ${req.url.split('?')[0]} ${status}`),
      () => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
        log(`page ${req.method} ${req.url.split('?')[0]} 500`);
      },
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  const url = `http://${HOST}:${server.address().port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Answers one page request; resolves to the status sent. */
async function serve(req, res, mounts, config) {
  if (!LOCAL_HOSTS.includes(hostName(req.headers.host))) return plain(req, res, 421, 'misdirected request');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return plain(req, res, 405, 'method not allowed', { allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://page.invalid').pathname;
  } catch {
    return plain(req, res, 400, 'bad request');
  }
  if (pathname === '/config.json') {
    const body = JSON.stringify(config);
    return send(res, req.method, 200, { 'content-type': MIME['.json'] }, Buffer.from(body));
  }
  const segments = decodeSegments(pathname);
  if (segments === null) return plain(req, res, 404, 'not found');
  if (segments[0] === 'vendor') return serveVendor(req, res, mounts.vendor, segments);
  const mount = segments[0] === 'pkg' ? mounts.pkg : mounts.web;
  const inner = segments[0] === 'pkg' ? Object.assign(segments.slice(1), { folder: segments.folder }) : segments;
  const file = await findFile(mount, inner);
  if (file === null) return plain(req, res, 404, 'not found');
  const type = MIME[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  try {
    const body = await file.handle.readFile();
    return send(res, req.method, 200, { 'content-type': type }, body);
  } finally {
    await file.handle.close();
  }
}

/** The page's scripts from node_modules, each at `/vendor/<name>`: that file and no other of its package. */
const VENDOR_FILES = Object.freeze({ 'papaparse.min.js': 'node_modules/papaparse/papaparse.min.js' });

/** The real path of each vendor file (null when it is not installed). */
async function vendorFiles() {
  const files = new Map();
  for (const [name, path] of Object.entries(VENDOR_FILES)) files.set(name, await realpathOrNull(join(REPO_ROOT, path)));
  return files;
}

/** Answers `/vendor/<name>` with one of VENDOR_FILES, read-only; anything else under /vendor/ is 404. */
async function serveVendor(req, res, vendor, segments) {
  const path = segments.length === 2 && !segments.folder ? vendor.get(segments[1]) : null;
  if (!path) return plain(req, res, 404, 'not found');
  const body = await readFile(path);
  return send(res, req.method, 200, { 'content-type': MIME[extname(path).toLowerCase()] }, body);
}

/** The name of a Host header without its port (`[::1]:8080` → `[::1]`), lowercased. */
function hostName(host) {
  if (typeof host !== 'string') return '';
  return host.toLowerCase().replace(/:\d*$/, '');
}

/** The decoded path segments, or null for anything that could climb out or reach a dotfile. */
function decodeSegments(pathname) {
  const segments = [];
  const parts = pathname.split('/').slice(1);
  for (const [i, part] of parts.entries()) {
    let name;
    try {
      name = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (name === '' && i === parts.length - 1) {
      segments.folder = true; // a trailing slash: the folder's index, never a file
      break;
    }
    if (name === '' || name.startsWith('.') || /[\\/\0]/.test(name)) return null;
    segments.push(name);
  }
  return segments;
}

/** An open regular file of the mount at `segments` (a folder gives its index.html), or null. */
async function findFile(mount, segments) {
  if (mount.root === null) return null;
  const index = join(mount.root, ...segments, 'index.html');
  for (const candidate of segments.folder ? [index] : [join(mount.root, ...segments), index]) {
    const real = await realpathOrNull(candidate);
    if (real === null || !isInside(real, mount.root)) continue;
    if (mount.hidden !== null && (real === mount.hidden || isInside(real, mount.hidden))) return null;
    let handle;
    try {
      handle = await open(real, 'r');
      if ((await handle.stat()).isFile()) return { path: real, handle };
    } catch {
      // Unreadable: try the next candidate.
    }
    await handle?.close();
  }
  return null;
}

const isInside = (path, root) => path.startsWith(root.endsWith(sep) ? root : root + sep);

async function realpathOrNull(path) {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

function send(res, method, status, headers, body) {
  res.writeHead(status, {
    ...headers,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : body);
  return status;
}

function plain(req, res, status, text, headers = {}) {
  return send(res, req.method, status, { 'content-type': MIME['.txt'], ...headers }, Buffer.from(`${text}\n`));
}
