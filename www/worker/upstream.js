// Turns an SmsPartnerError from `client.send` into the worker's HTTP status and error body.
//
// Pure (no wasm, no runtime globals) so that it can be tested on its own in Node: what each SMS
// Partner code means comes from the package's `smsPartnerCode`, handed in by the caller.
//
// `mayHaveBeenSent` (the package decides it) tells a front-end whether the message may have left
// although the send failed: the worker never resends, so a "try again" button must warn before a
// second send.

/** The body a front-end gets when the worker's own settings are at fault; says nothing of the key. */
export const MISCONFIGURED = Object.freeze({
  kind: 'config',
  message: 'the server is misconfigured: SMS Partner refused its credentials or its account; contact its administrator',
});

/** The worker's status for each class of SMS Partner code (`smsPartnerCode(code).class`). */
const STATUS_OF_CLASS = Object.freeze({ request: 422, credits: 402, upstream: 502 });

/**
 * `{ status, error, note }` for a rejected send. `error` is the JSON error object
 * `{ kind, message, status, code, reason, field, errors, mayHaveBeenSent }`; `note` is a short
 * key-free word for the worker's log line. `describeCode` is the package's `smsPartnerCode`.
 */
export function sendFailure(failure, describeCode = () => null) {
  const kind = failure?.kind;
  const text = (value) => (typeof value === 'string' ? value : null);
  const base = {
    kind,
    message: text(failure?.message) ?? 'the send failed',
    status: Number.isInteger(failure?.status) ? failure.status : null,
    code: failure?.code ?? null,
    reason: text(failure?.reason),
    field: text(failure?.field),
    errors: Array.isArray(failure?.errors) ? failure.errors : [],
  };
  // Unknown or missing: the safe reading, the message may have left.
  const mayHaveBeenSent = failure?.mayHaveBeenSent !== false;
  switch (kind) {
    case 'validation':
      // Checked by the worker before sending; kept for requests the client alone refuses.
      return answer(422, { ...base, status: null, code: null }, mayHaveBeenSent, 'validation');
    case 'api':
      return apiFailure(base, mayHaveBeenSent, describeCode);
    case 'http':
      // A 429 is a refusal: nothing was sent and a later try is safe. Any other unexpected
      // answer (5xx, an HTML page, a 200 that is not SMS Partner's JSON) leaves the outcome open.
      if (base.status === 429) {
        const message = 'SMS Partner is limiting the request rate: try again later';
        return answer(503, { ...base, message }, mayHaveBeenSent, 'http=429');
      }
      return answer(502, base, mayHaveBeenSent, `http=${base.status ?? '-'}`);
    case 'network':
      return answer(502, base, mayHaveBeenSent, 'network');
    case 'timeout':
      return answer(504, base, mayHaveBeenSent, 'timeout');
    default:
      return {
        status: 500,
        error: {
          kind: 'internal', message: 'internal error', status: null, code: null, reason: null, field: null,
          errors: [], mayHaveBeenSent: true,
        },
        note: 'internal',
      };
  }
}

/** SMS Partner answered with an error code: the request's author, the account or SMS Partner is at fault. */
function apiFailure(base, mayHaveBeenSent, describeCode) {
  const note = `api=${base.code ?? '-'}`;
  let described = null;
  try {
    described = base.code === null ? null : describeCode(base.code);
  } catch {
    described = null;
  }
  const kindOfCode = described?.class ?? 'upstream';
  if (kindOfCode === 'account') {
    // The worker's key, account or address is refused upstream: the operator's problem, not the
    // person's; neither SMS Partner's words nor its code are passed on.
    const hidden = { ...MISCONFIGURED, status: null, code: null, reason: null, field: null, errors: [] };
    return answer(500, hidden, mayHaveBeenSent, note);
  }
  return answer(STATUS_OF_CLASS[kindOfCode] ?? 502, base, mayHaveBeenSent, note);
}

function answer(status, error, mayHaveBeenSent, note) {
  return { status, error: { ...error, mayHaveBeenSent }, note };
}
