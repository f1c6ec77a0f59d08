// Sending the compose form through the edge worker: one send, or a bulk send in calls of at most
// 500, each confirmed first when it is billed or repeats what has just left, the answer read.

import { t, formatParisTime } from './i18n.js';
import { el } from './elements.js';
import { state } from './state.js';
import { checkRequest } from './form.js';
import { bulkBatches, bulkFits } from './bulk.js';
import { renderBulkOffer, renderSendButton } from './render-checks.js';
import { renderResult, renderBulk } from './render-result.js';
import { callWorker } from './worker-client.js';

/** How long a send may take before the page gives up waiting (the worker has its own timeout). */
const SEND_TIMEOUT_MS = 30_000;

/**
 * The page's sending, given the session (session.js), the tracker (after-send.js) and `update()`,
 * which recomputes the form: `send(event)` on the form's submit, `sendInBulk()` on the bulk offer.
 */
export function createSender({ session, tracker, update }) {
  /**
   * Sends the validated request through the worker: `{ request, options: { commercial, lang } }`,
   * the request being the normalized one from validateSendRequest (it never holds an API key).
   * A real send (sandbox off) is confirmed first; so is a request identical to one that has just
   * left or may have left.
   */
  async function send(event) {
    event.preventDefault();
    state.showAllErrors = true;
    const report = state.report;
    if (state.sending || !report?.valid || !state.config?.workerUrl) {
      update();
      return;
    }
    const request = report.request;
    const fingerprint = JSON.stringify([request, el.commercial.checked]);
    if (!(await confirmSend(report, fingerprint))) return;
    state.sending = true;
    state.serverIssues.clear();
    el.result.hidden = true;
    el.result.dataset.state = 'sending';
    renderSendButton();
    state.bulk = null;
    const outcome = await post('/api/send', {
      request,
      options: { commercial: el.commercial.checked, lang: state.lang },
    });
    state.sending = false;
    if (!outcome.ok) {
      // "api": SMS Partner's own verdict; otherwise the worker's checks before it.
      const source = outcome.error.kind === 'api' ? 'api' : 'server';
      for (const issue of outcome.error.errors ?? []) {
        const field = typeof issue.field === 'string' && issue.field !== '' ? issue.field : 'request';
        if (!state.serverIssues.has(field)) state.serverIssues.set(field, { source, issues: [] });
        state.serverIssues.get(field).issues.push(issue);
      }
    }
    if (outcome.ok || outcome.error.mayHaveBeenSent === true) {
      state.lastSent = { fingerprint, outcome, at: new Date() };
    }
    state.lastResult = outcome;
    renderResult(outcome);
    session.refresh();
    if (outcome.ok) {
      const scheduled = report.request.scheduledDeliveryDate !== undefined;
      tracker.track({
        messageId: outcome.result.messageId,
        numbers: report.request.phoneNumbers.split(','),
        scheduledAt: scheduled ? Date.parse(report.deliveryTime) : null,
      });
    }
    update();
  }

  /**
   * More than 500 recipients: a bulk send through the worker's `POST /api/bulk` (the client's
   * `sendBulk`), the rest of the request checked by the package with one of the numbers. The
   * numbers go in batches of at most 500 whose bodies fit the worker's limit, one after the other;
   * the first batch that is not wholly sent stops the rest (never a resend behind the person's back).
   */
  async function sendInBulk() {
    const { lang } = state;
    state.showAllErrors = true;
    if (state.sending || !bulkFits(state.report) || !state.config?.workerUrl) {
      update();
      return;
    }
    const numbers = state.numbers;
    const commercial = el.commercial.checked;
    const head = checkRequest(numbers.slice(0, 1), session.allowedRegions());
    if (!head.valid) {
      update();
      return;
    }
    const { phoneNumbers: _one, message, ...options } = head.request;
    const batches = bulkBatches(numbers, message);
    const fingerprint = JSON.stringify(['bulk', numbers, message, options, commercial]);
    const repeat = state.lastSent?.fingerprint === fingerprint;
    const proceed = await ask({
      title: t(lang, repeat ? 'confirm.againTitle' : options.sandbox === 1 ? 'confirm.bulkTitleSandbox' : 'confirm.bulkTitle'),
      text: t(lang, repeat ? 'confirm.againText' : 'confirm.bulkText', {
        n: numbers.length,
        sends: batches.length,
        total: state.report.totalSms,
        when: repeat ? formatParisTime(lang, state.lastSent.at) : '',
      }),
      ok: t(lang, repeat ? 'confirm.againOk' : 'confirm.bulkOk', { n: numbers.length }),
      kind: repeat ? 'again' : 'bulk',
    });
    if (!proceed) return;
    state.sending = true;
    state.serverIssues.clear();
    state.lastResult = null;
    const bulk = { total: numbers.length, sends: batches.length, done: 0, sent: 0, nbSms: 0, cost: 0, currency: null, sandbox: options.sandbox === 1, stop: null };
    state.bulk = bulk;
    renderSendButton();
    renderBulkOffer(state.report);
    renderBulk();
    for (const batch of batches) {
      const outcome = await post('/api/bulk', {
        request: { ...options, messages: batch.map((phoneNumber) => ({ phoneNumber, message })) },
        options: { commercial, lang },
      });
      if (!outcome.ok) {
        bulk.stop = { maybe: outcome.error.mayHaveBeenSent === true, error: outcome.error };
        break;
      }
      const r = outcome.result;
      for (const chunk of r.chunks ?? []) if (chunk.state === 'sent') bulk.sent += chunk.count;
      bulk.nbSms += Number(r.nbSms) || 0;
      bulk.cost += Number(r.cost) || 0;
      bulk.currency = r.currency ?? bulk.currency;
      bulk.done += 1;
      if (r.complete !== true) {
        const stopped = (r.chunks ?? []).find((chunk) => chunk.state !== 'sent');
        bulk.stop = { maybe: stopped?.state === 'unknown', error: stopped?.error ?? null };
        break;
      }
      renderBulk();
    }
    state.sending = false;
    if (bulk.sent > 0 || bulk.stop?.maybe) {
      state.lastSent = { fingerprint, outcome: { ok: bulk.stop === null }, at: new Date() };
    }
    renderBulk();
    session.refresh();
    update();
  }

  return { send, sendInBulk };
}

/**
 * Asks before a real send (it is billed) and before sending again what has just left or may
 * have left. Sandbox sends that repeat nothing go without a question. Resolves to true to send.
 */
function confirmSend(report, fingerprint) {
  const { lang } = state;
  const real = report.request.sandbox !== 1;
  const repeat = real && state.lastSent?.fingerprint === fingerprint;
  if (!real) return Promise.resolve(true);
  const n = t(lang, 'send.readyRecipients', { n: report.recipients });
  if (repeat) {
    const maybe = !state.lastSent.outcome.ok;
    return ask({
      title: t(lang, maybe ? 'confirm.maybeTitle' : 'confirm.againTitle'),
      text: t(lang, maybe ? 'confirm.maybeText' : 'confirm.againText', {
        total: report.totalSms,
        n,
        when: formatParisTime(lang, state.lastSent.at),
      }),
      ok: t(lang, 'confirm.againOk'),
      kind: 'again',
    });
  }
  return ask({
    title: t(lang, 'confirm.realTitle'),
    text: t(lang, 'confirm.realText', { total: report.totalSms, n }),
    ok: t(lang, 'confirm.realOk', { total: report.totalSms }),
    kind: 'real',
  });
}

/** The answer of the question the dialog shows, until it is given: `resolve(answered ok)`. */
let pending = null;

/** Gives the pending question its answer, the button that closed the dialog. */
function answer() {
  const resolve = pending;
  pending = null;
  resolve?.(el.confirm.returnValue === 'ok');
}

/**
 * A modal question with Cancel (focused first) and one button to go on; resolves to the answer.
 * The dialog's `close` event comes as a task of its own, which may run after the next question
 * has opened: a question is answered by its own closing (or when the next one opens, by the
 * button that closed it), never by a late event of the one before.
 */
function ask({ title, text, ok, kind }) {
  // A second click while the question is open asks nothing more and sends nothing.
  if (el.confirm.open) return Promise.resolve(false);
  answer(); // the previous question, closed, its event not yet come
  return new Promise((resolve) => {
    el.confirmTitle.textContent = title;
    el.confirmText.textContent = text;
    el.confirmOk.textContent = ok;
    el.confirm.dataset.kind = kind;
    el.confirm.returnValue = '';
    pending = resolve;
    el.confirm.showModal();
  });
}

// One listener for every question: a close that comes while a question is open is a late one.
el.confirm.addEventListener('close', () => {
  if (!el.confirm.open) answer();
});

/** One POST to the worker, read into `{ ok: true, result, sandbox }` or `{ ok: false, error }`. */
async function post(path, body) {
  let response;
  let answer;
  try {
    ({ response, answer } = await callWorker(state.config.workerUrl, path, { body, timeoutMs: SEND_TIMEOUT_MS }));
  } catch (err) {
    // No answer: unreachable, or no answer in time (then the message may have left).
    const timeout = err?.name === 'TimeoutError';
    return {
      ok: false,
      error: { kind: timeout ? 'timeout' : 'network', message: '', status: null, code: null, errors: [], mayHaveBeenSent: timeout },
    };
  }
  // An answer that is not JSON (null here) is an unexpected one, below.
  if (response.ok && answer?.ok === true && answer.result) {
    return { ok: true, result: answer.result, sandbox: answer.sandbox === true || body?.request?.sandbox === 1 };
  }
  if (answer?.ok === false && answer.error && typeof answer.error === 'object') {
    return { ok: false, status: response.status, error: { errors: [], ...answer.error } };
  }
  return {
    ok: false,
    status: response.status,
    error: { kind: 'http', message: '', status: response.status, code: null, errors: [], mayHaveBeenSent: true },
  };
}
