// The audit line of every send, bulk send and campaign: who asked, how many recipients and SMS,
// what SMS Partner answered (cost, message id); never the message text, never a number, and
// never the key (a value of SMS Partner's that spells it is hidden).

import { redacting, redactText } from './redact.js';

/** Characters kept of a field: identities and ids are short, nothing else is written. */
const MAX_FIELD = 120;

/**
 * Logs `audit <what> caller=<identity> kind=<kind> name=value…` for the worker of `env`.
 * `fields` holds counts, codes and ids only: `{ recipients, sms, sandbox, outcome, cost,
 * currency, messageId, code, campaign }`.
 */
export function audit(env, what, caller, fields) {
  const key = env.SMSPARTNER_API_KEY;
  const parts = [`audit ${what}`];
  for (const [name, value] of Object.entries({ caller: caller?.identity, kind: caller?.kind, ...fields })) {
    if (value === undefined || value === null) continue;
    const word = clean(value);
    parts.push(`${name}=${redacting(key) && redactText(word, key) !== word ? '[hidden]' : word}`);
  }
  console.log(`worker ${parts.join(' ')}`);
}

/** A value as one word of the line: no spaces, no line breaks, at most MAX_FIELD characters. */
function clean(value) {
  return String(value).replace(/[\s\u0000-\u001f\u007f]+/g, '_').slice(0, MAX_FIELD);
}
