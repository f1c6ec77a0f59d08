// A load generator, run as its own process: POSTs one JSON body `count` times to `url` with
// `concurrency` requests in flight over keep-alive connections, stops after `maxSeconds`, and
// prints JSON: the latencies' percentiles, the statuses seen, the wall time and its own CPU time.
//
// Usage: node bench/lib/load.mjs <url> <count> <concurrency> <maxSeconds> <json body> [<json headers>]
import { Agent, request } from 'node:http';

const [url, countText, concurrencyText, maxSecondsText, bodyText, headersText = '{}'] = process.argv.slice(2);
const extraHeaders = JSON.parse(headersText);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const deadline = performance.now() + Number(maxSecondsText) * 1000;
const body = Buffer.from(bodyText);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);

const latencies = [];
const statuses = {};
let next = 0;
let failures = 0;

function post() {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...extraHeaders, 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function lane() {
  while (next < count && performance.now() < deadline) {
    next++;
    const start = performance.now();
    try {
      const status = await post();
      statuses[status] = (statuses[status] ?? 0) + 1;
      latencies.push(performance.now() - start);
    } catch {
      failures++;
    }
  }
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, lane));
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? null;
process.stdout.write(JSON.stringify({
  done: latencies.length,
  failures,
  statuses,
  wallMs,
  p50: at(0.5),
  p90: at(0.9),
  p99: at(0.99),
  max: latencies.at(-1) ?? null,
  clientCpuMs: (cpu.user + cpu.system) / 1000,
}));
