// Who is signed in (Cloudflare Access, through the worker's /api/session), what is left of
// their day's SMS and what the account spent last month (/api/statistics), shown in the header;
// the destinations the worker allows, for the page's own checks to say what the worker would
// refuse before anything is sent.

import { t } from './i18n.js';
import { callWorker } from './worker-client.js';

const CALL_TIMEOUT_MS = 10_000;
/** SMS Partner answers 5 statistics calls a minute: the page asks at most once a minute. */
const STATISTICS_EVERY_MS = 60_000;

/**
 * The page's session: `refresh()` asks the worker again (at start and after each send),
 * `render()` on a language switch, `allowedRegions()` the regions numbers may go to (undefined
 * until known), `forcedSandbox()` whether the worker sends everything in sandbox mode.
 * `onChange()` is called when what the worker allows has changed.
 */
export function createSession({ getLang, workerUrl, onChange = () => {} }) {
  const el = document.getElementById('session');
  /** `{ state: "unknown" | "signedIn" | "signedOut" | "unavailable", answer }`. */
  let current = { state: 'unknown', answer: null };
  /** Last month's `{ sms, cost }` (null until known), and when it was last asked. */
  let spending = null;
  let spendingAskedAt = -Infinity;

  async function refreshSpending(base) {
    if (current.state !== 'signedIn' || current.answer.caller.kind === 'anonymous') return;
    if (Date.now() - spendingAskedAt < STATISTICS_EVERY_MS) return;
    spendingAskedAt = Date.now();
    try {
      const { response, answer } = await callWorker(base, '/api/statistics', { body: { request: { interval: 'last_month' } }, timeoutMs: CALL_TIMEOUT_MS });
      if (!response.ok || !Array.isArray(answer?.statistics)) return;
      spending = answer.statistics.reduce((sum, m) => ({ sms: sum.sms + (m.nbSend ?? 0), cost: sum.cost + (m.cost ?? 0) }), { sms: 0, cost: 0 });
    } catch {
      // Left as it was: the header says nothing of a spending it could not read.
    }
  }

  async function refresh() {
    const base = workerUrl();
    if (!base) return;
    const before = JSON.stringify(current.answer?.allowedRegions ?? null) + String(current.answer?.sandbox);
    try {
      const { response, answer } = await callWorker(base, '/api/session', { timeoutMs: CALL_TIMEOUT_MS });
      if (response.ok && answer?.ok === true) current = { state: 'signedIn', answer };
      else if (response.status === 401) current = { state: 'signedOut', answer: null };
      else current = { state: 'unavailable', answer: null, code: answer?.error?.code ?? null };
    } catch {
      current = { state: 'unavailable', answer: null };
    }
    await refreshSpending(base);
    render();
    const after = JSON.stringify(current.answer?.allowedRegions ?? null) + String(current.answer?.sandbox);
    if (after !== before) onChange();
  }

  function render() {
    const lang = getLang();
    el.dataset.state = current.state;
    const { answer } = current;
    if (current.state !== 'signedIn') {
      el.textContent = current.state === 'unknown' ? '' : t(lang, `session.${current.state}`);
      delete el.dataset.left;
      return;
    }
    const who = answer.caller.kind === 'anonymous' ? t(lang, 'session.anonymous') : t(lang, `session.${answer.caller.kind}`, { identity: answer.caller.identity });
    const left = answer.left && answer.limits ? t(lang, 'session.left', { left: format(lang, answer.left.caller), limit: format(lang, answer.limits.caller) }) : '';
    const spent = spending === null ? '' : t(lang, 'session.lastMonth', { sms: format(lang, spending.sms), cost: new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(spending.cost) });
    el.textContent = [who, left, spent].filter((part) => part !== '').join(' · ');
    el.dataset.spent = spending === null ? '' : String(spending.sms);
    el.dataset.left = answer.left ? String(answer.left.caller) : '';
    el.title = answer.left ? t(lang, 'session.accountLeft', { left: format(lang, answer.left.account) }) : '';
  }

  return {
    refresh,
    render,
    allowedRegions: () => current.answer?.allowedRegions ?? undefined,
    forcedSandbox: () => current.answer?.sandbox === true,
  };
}

const format = (lang, n) => new Intl.NumberFormat(lang).format(n);
