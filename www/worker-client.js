// The page's calls to the edge worker: its address joined to a path, a GET or a JSON POST, a time
// limit per call, the answer read as JSON. Each caller keeps its own limit and reading of failures.

/** `path` on the worker whose address is `base` (trailing slashes of `base` dropped). */
export function workerUrl(base, path) {
  return `${String(base).replace(/\/+$/, '')}${path}`;
}

/**
 * One call to the worker at `base`: a GET without `body`, else a POST of `body` as JSON, given up
 * after `timeoutMs`. Resolves to `{ response, answer }`, `answer` the JSON read or null when the
 * answer is not JSON; rejects as `fetch` does when no answer came (`TimeoutError` once too late).
 */
export async function callWorker(base, path, { body, timeoutMs }) {
  const init = body === undefined
    ? { method: 'GET' }
    : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(workerUrl(base, path), { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const answer = await response.json().catch(() => null);
  return { response, answer };
}
