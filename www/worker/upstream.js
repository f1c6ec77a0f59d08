// Turns an SmsPartnerError from `client.send` into the worker's HTTP status and error body.
//
// Pure (no wasm, no runtime globals) so that it can be tested on its own in Node.
//
// `mayHaveBeenSent` tells a front-end whether the message may have left although the send
// failed: the worker never resends, so a "try again" button must warn before a second send.

/** SMS Partner's error codes (documented on its "Envoi unitaire" page). */
const API_CODE = Object.freeze({
  keyRequired: 1,
  phoneRequired: 2,
  constraints: 9,
  wrongKey: 10,
  noCredits: 11,
});

/** The body a front-end gets when the worker's own settings are at fault; says nothing of the key. */
export const MISCONFIGURED = Object.freeze({
  kind: 'config',
  message: 'the server is misconfigured: SMS Partner refused its credentials; contact its administrator',
});

/**
 * `{ status, error, note }` for a rejected send. `error` is the JSON error object
 * `{ kind, message, status, code, errors, mayHaveBeenSent }`; `note` is a short key-free word
 * for the worker's log line.
 */
export function sendFailure(failure) {
  const kind = failure?.kind;
  const base = {
    kind,
    message: typeof failure?.message === 'string' ? failure.message : 'the send failed',
    status: Number.isInteger(failure?.status) ? failure.status : null,
    code: failure?.code ?? null,
    errors: Array.isArray(failure?.errors) ? failure.errors : [],
  };
  switch (kind) {
    case 'validation':
      // Checked by the worker before sending; kept for requests the client alone refuses.
      return answer(422, { ...base, status: null, code: null }, false, 'validation');
    case 'api':
      return apiFailure(base);
    case 'http':
      // A 429 is a refusal: nothing was sent and a later try is safe. Any other unexpected
      // answer (5xx, an HTML page, a 200 that is not SMS Partner's JSON) leaves the outcome open.
      if (base.status === 429) {
        const message = 'SMS Partner is limiting the request rate: try again later';
        return answer(503, { ...base, message }, false, 'http=429');
      }
      return answer(502, base, !isClientError(base.status), `http=${base.status ?? '-'}`);
    case 'network':
      return answer(502, base, true, 'network');
    case 'timeout':
      return answer(504, base, true, 'timeout');
    default:
      return {
        status: 500,
        error: { kind: 'internal', message: 'internal error', status: null, code: null, errors: [], mayHaveBeenSent: true },
        note: 'internal',
      };
  }
}

/** SMS Partner answered with an error code: nothing was sent. */
function apiFailure(base) {
  const note = `api=${base.code ?? '-'}`;
  switch (base.code) {
    case API_CODE.constraints:
    case API_CODE.phoneRequired:
      // The request itself was refused, field by field: the person can fix it.
      return answer(422, base, false, note);
    case API_CODE.keyRequired:
    case API_CODE.wrongKey:
      // The worker's secret is wrong or missing upstream: the operator's problem, not the
      // person's; neither SMS Partner's words nor its code are passed on.
      return answer(500, { ...MISCONFIGURED, status: null, code: null, errors: [] }, false, note);
    case API_CODE.noCredits:
      return answer(402, base, false, note);
    default:
      return answer(502, base, false, note);
  }
}

function isClientError(status) {
  return Number.isInteger(status) && status >= 400 && status < 500;
}

function answer(status, error, mayHaveBeenSent, note) {
  return { status, error: { ...error, mayHaveBeenSent }, note };
}
