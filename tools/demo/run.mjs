// Starts the demo stack in the foreground until Ctrl-C or SIGTERM (started by scripts/demo).
//
// Environment:
//   SMSPARTNER_API_KEY      a real key: the worker talks to https://api.smspartner.fr
//   SMSPARTNER_STANDIN=1    use the local stand-in even when a key is set
//   SMSPARTNER_SANDBOX=0    with a real key, let sends be delivered and billed (sandbox by default)
//   DEMO_PAGE_PORT (8080), DEMO_WORKER_PORT (8787), DEMO_STANDIN_PORT (8788), DEMO_ACCESS_PORT (8789)

import { startStack } from './stack.mjs';

/** A port from the environment, or the default. */
function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0 to 65535), not ${JSON.stringify(raw)}`);
  }
  return value;
}

async function main() {
  const key = process.env.SMSPARTNER_API_KEY ?? '';
  const live = key !== '' && process.env.SMSPARTNER_STANDIN !== '1';
  const sandbox = live && process.env.SMSPARTNER_SANDBOX !== '0';
  const stack = await startStack({
    apiKey: live ? key : undefined,
    standin: !live,
    sandbox,
    ports: {
      page: port('DEMO_PAGE_PORT', 8080),
      worker: port('DEMO_WORKER_PORT', 8787),
      standin: port('DEMO_STANDIN_PORT', 8788),
      access: port('DEMO_ACCESS_PORT', 8789),
    },
  });

  const upstream = !live
    ? `SMS Partner stand-in ${stack.standinUrl}`
    : sandbox
      ? 'SMS Partner itself, in sandbox mode: nothing is delivered'
      : 'SMS Partner itself: sends are delivered and billed';
  process.stdout.write(`Demo ready: open ${stack.pageUrl} (worker ${stack.workerUrl}, ${upstream})\n`);
  process.stdout.write(`Cloudflare Access stand-in: ${stack.access.url} (calls the worker as ${stack.access.user.email}: curl ${stack.access.url}/api/session)\n`);
  process.stdout.write('Press Ctrl-C to stop.\n');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the demo\n`);
    try {
      await stack.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`demo: ${error.message}\n`);
      process.exit(1);
    }
  };
  // Miniflare's own handlers kill workerd and exit at once; this process closes all three
  // servers in order instead (Miniflare's exit hook still stops workerd if anything goes wrong).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  const hint = error.code === 'EADDRINUSE' ? ' (a port is taken: set DEMO_PAGE_PORT, DEMO_WORKER_PORT, DEMO_STANDIN_PORT or DEMO_ACCESS_PORT)' : '';
  process.stderr.write(`demo: ${error.message}${hint}\n`);
  process.exit(1);
});
