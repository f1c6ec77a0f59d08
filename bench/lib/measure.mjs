// Timing of synchronous calls: batches timed with process.hrtime.bigint after a warm-up,
// reported as the median time per call over the batches.
//
// The calls compared with each other are measured together, one batch of each in turn, round
// after round: on a machine shared with other work, a burst of load then falls on all of them
// alike instead of on whichever was being measured at that moment.

/** Values returned by the measured functions end up here, so that no call is optimized away. */
export let sink = 0;

function batchSize(fn, warmupMs, batchMs) {
  const end = performance.now() + warmupMs;
  let calls = 0;
  while (performance.now() < end) {
    sink += fn();
    calls++;
  }
  return Math.max(1, Math.round((batchMs * calls) / warmupMs));
}

/**
 * Times each function of `fns` over `rounds` rounds (one batch of each per round, each batch
 * lasting about `batchMs`), after a warm-up of `warmupMs` each. Returns, per function, the
 * median, lowest and highest nanoseconds per call over its batches.
 */
export function measureTogether(fns, { rounds = 31, batchMs = 6, warmupMs = 120 } = {}) {
  const sizes = fns.map((fn) => batchSize(fn, warmupMs, batchMs));
  const times = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let f = 0; f < fns.length; f++) {
      const fn = fns[f];
      const size = sizes[f];
      const start = process.hrtime.bigint();
      for (let i = 0; i < size; i++) sink += fn();
      times[f].push(Number(process.hrtime.bigint() - start) / size);
    }
  }
  return times.map((t, f) => {
    t.sort((a, b) => a - b);
    const median = (t[(t.length - 1) >> 1] + t[t.length >> 1]) / 2;
    return { median, min: t[0], max: t[t.length - 1], batches: t.length, batchSize: sizes[f] };
  });
}

/** `1234.5` ns → `"1.23 µs"`, for tables. */
export function formatNs(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}
