// The answer to a send, headed by what happened to the message (sent, not sent, may have been
// sent), and a bulk send's progress in the same place.

import { t, hasText, formatMoney } from './i18n.js';
import { el } from './elements.js';
import { state } from './state.js';

/** Error kinds the worker answers with, each with its own sentence. */
const ERROR_KINDS = ['validation', 'api', 'http', 'network', 'timeout', 'request', 'config', 'internal'];

/** What happened to the message, first: sent, not sent, or may have been sent. */
export function renderResult(outcome) {
  const { lang } = state;
  el.result.hidden = false;
  el.result.dataset.state = outcome.ok ? 'ok' : 'error';
  el.resultDetails.hidden = !outcome.ok;
  el.resultError.hidden = outcome.ok;
  if (outcome.ok) {
    const r = outcome.result;
    el.result.dataset.outcome = outcome.sandbox ? 'sandbox' : 'sent';
    el.resultTitle.textContent = t(lang, outcome.sandbox ? 'result.okSandbox' : 'result.ok');
    // In sandbox SMS Partner bills nothing: its figures are what a real send would cost.
    el.resultNbSmsLabel.textContent = t(lang, outcome.sandbox ? 'result.nbSmsSandbox' : 'result.nbSms');
    el.resultCostLabel.textContent = t(lang, outcome.sandbox ? 'result.costSandbox' : 'result.cost');
    el.resultMessageId.textContent = String(r.messageId ?? '—');
    el.resultNbSms.textContent = String(r.nbSms ?? '—');
    el.resultCost.textContent = formatMoney(lang, r.cost, r.currency);
    el.resultError.textContent = '';
    return;
  }
  const e = outcome.error;
  const kind = ERROR_KINDS.includes(e.kind) ? e.kind : 'internal';
  const maybe = e.mayHaveBeenSent === true;
  el.result.dataset.outcome = maybe ? 'maybe' : 'notSent';
  el.resultTitle.textContent = t(lang, maybe ? 'result.maybe' : 'result.failed');
  el.resultError.dataset.kind = kind;
  el.resultError.dataset.mayHaveBeenSent = String(maybe);
  // The worker's and SMS Partner's sentences are in English: shown as such in English only.
  const detail = typeof e.message === 'string' ? e.message : '';
  el.resultError.dataset.detail = detail;
  const details = [
    lang === 'en' ? detail : '',
    Number.isInteger(e.code) ? t(lang, 'result.code', { code: e.code }) : '',
    Number.isInteger(e.status) ? t(lang, 'result.status', { status: e.status }) : '',
  ].filter(Boolean);
  const refused = typeof e.code === 'string' ? `result.refused.${e.code}` : null; // the worker's own refusals
  const sentence =
    kind === 'http' && e.status === 429
      ? t(lang, 'result.rateLimited')
      : refused !== null && hasText(refused)
        ? t(lang, refused)
        : t(lang, `result.kind.${kind}`);
  el.resultError.textContent =
    sentence + (details.length ? ` (${details.join(' · ')})` : '') + (maybe ? ` ${t(lang, 'result.mayHaveBeenSent')}` : '');
}

/** The bulk send's state: under way, done, or stopped (and then whether the last batch may have left). */
export function renderBulk() {
  const { lang } = state;
  const bulk = state.bulk;
  if (!bulk) return;
  const finished = bulk.stop === null && bulk.done === bulk.sends;
  el.result.hidden = false;
  el.result.dataset.state = bulk.stop ? 'error' : 'ok';
  el.result.dataset.outcome = bulk.stop ? (bulk.stop.maybe ? 'maybe' : 'notSent') : finished ? 'sent' : 'sending';
  const vars = { sent: bulk.sent, total: bulk.total, done: bulk.done, sends: bulk.sends };
  let title;
  if (bulk.stop) title = t(lang, bulk.stop.maybe ? 'bulk.maybe' : 'bulk.stopped', vars);
  else if (finished) title = t(lang, bulk.sandbox ? 'bulk.doneSandbox' : 'bulk.done', vars);
  else title = t(lang, 'bulk.progress', vars);
  el.resultTitle.textContent = title;
  el.resultDetails.hidden = bulk.done === 0;
  el.resultNbSmsLabel.textContent = t(lang, bulk.sandbox ? 'result.nbSmsSandbox' : 'result.nbSms');
  el.resultCostLabel.textContent = t(lang, bulk.sandbox ? 'result.costSandbox' : 'result.cost');
  el.resultMessageId.textContent = '—';
  el.resultNbSms.textContent = String(bulk.nbSms);
  el.resultCost.textContent = formatMoney(lang, bulk.cost, bulk.currency);
  const error = bulk.stop?.error;
  el.resultError.hidden = !error;
  el.resultError.textContent = '';
  if (error) {
    const kind = ERROR_KINDS.includes(error.kind) ? error.kind : 'internal';
    el.resultError.dataset.kind = kind;
    el.resultError.textContent = t(lang, `result.kind.${kind}`);
  }
}
