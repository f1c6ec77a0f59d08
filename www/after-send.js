// After a send: each recipient's delivery status (polled with back-off), a Cancel button for a
// scheduled send (disabled once the package's cancelDeadline has passed), the account's credits
// in the header, and the replies received. Everything goes through the edge worker.

import { t, formatMoney, formatParisTime } from './i18n.js';
import { escapeHtml } from './message-view.js';
import { callWorker } from './worker-client.js';

/** Polling: the first wait, the growth of each next one, the longest, and the most polls. */
const FIRST_POLL_MS = 1000;
const POLL_GROWTH = 1.6;
const MAX_POLL_MS = 15_000;
const MAX_POLLS = 40;
const CALL_TIMEOUT_MS = 15_000;
/** Statuses that no longer change. */
const FINAL = new Set(['delivered', 'notDelivered', 'ko', 'notFound']);

const $ = (id) => document.getElementById(id);

/**
 * The tracker of the page: `track(send)` after each successful send, `refreshCredits()`,
 * `render()` on a language switch. `getLang()` gives the page's language; `workerUrl()` its worker;
 * `cancelDeadline` is the package's (the last instant SMS Partner takes a cancel).
 */
export function createTracker({ getLang, workerUrl, cancelDeadline }) {
  const el = {
    credits: $('credits'),
    tracking: $('tracking'),
    list: $('tracking-list'),
    note: $('tracking-note'),
    cancel: $('cancel-send'),
    cancelResult: $('cancel-result'),
    replies: $('replies-list'),
  };
  /**
   * The send followed: `{ messageId, numbers, scheduledAt (ms) | null, lastCancelAt (ms) | null,
   * statuses: Map, cancel, replies }`.
   */
  let current = null;
  let timer = null;
  let deadlineTimer = null;
  let credits = null;
  let polls = 0;

  async function call(path, body) {
    const base = workerUrl();
    if (!base) return { ok: false };
    try {
      const { answer } = await callWorker(base, path, { body, timeoutMs: CALL_TIMEOUT_MS });
      return answer && typeof answer === 'object' ? answer : { ok: false };
    } catch {
      return { ok: false };
    }
  }

  async function refreshCredits() {
    const answer = await call('/api/credits');
    if (answer.ok) credits = answer.credits;
    renderCredits();
  }

  function renderCredits() {
    const lang = getLang();
    if (!credits) {
      el.credits.textContent = '';
      return;
    }
    el.credits.textContent = t(lang, 'credits.value', {
      sms: new Intl.NumberFormat(lang).format(credits.creditSms ?? 0),
      balance: formatMoney(lang, credits.balance, credits.currency),
    });
    el.credits.dataset.creditSms = String(credits.creditSms ?? '');
  }

  /** Starts following a send: `{ messageId, numbers, scheduledAt }`. */
  function track({ messageId, numbers, scheduledAt }) {
    clearTimeout(timer);
    current = {
      messageId,
      numbers,
      scheduledAt: scheduledAt ?? null,
      lastCancelAt: scheduledAt == null ? null : cancelDeadline(scheduledAt).getTime(),
      statuses: new Map(numbers.map((n) => [n, { status: 'waiting', at: null }])),
      cancel: null,
      replies: [],
    };
    polls = 0;
    el.tracking.hidden = false;
    render();
    poll(FIRST_POLL_MS);
    scheduleDeadlineCheck();
    refreshCredits();
  }

  function poll(delay) {
    clearTimeout(timer);
    if (polls >= MAX_POLLS || current === null) return;
    timer = setTimeout(async () => {
      polls += 1;
      const followed = current;
      const [statuses, replies] = await Promise.all([
        call('/api/status', { request: { messageId: followed.messageId } }),
        call('/api/replies'),
      ]);
      if (followed !== current) return;
      if (statuses.ok) {
        for (const s of statuses.statuses) if (s.phoneNumber) followed.statuses.set(s.phoneNumber, s);
      }
      if (replies.ok) {
        followed.replies = replies.replies.filter((r) => r.messageId === followed.messageId || followed.numbers.includes(r.from));
      }
      render();
      const waiting = [...followed.statuses.values()].some((s) => !FINAL.has(s.status));
      // Replies can come after every status is final: the polling goes on, further apart.
      poll(Math.min(MAX_POLL_MS, delay * (waiting ? POLL_GROWTH : POLL_GROWTH * 2)));
    }, delay);
  }

  /** Whether a cancel may still be tried (until the package's deadline, included). */
  const canCancel = () =>
    current?.lastCancelAt != null && current.cancel?.ok !== true && Date.now() <= current.lastCancelAt;

  /** Re-renders when the deadline passes, so that the button greys out on time. */
  function scheduleDeadlineCheck() {
    clearTimeout(deadlineTimer);
    if (!canCancel()) return;
    const wait = current.lastCancelAt - Date.now() + 1;
    deadlineTimer = setTimeout(() => {
      render();
    }, Math.min(wait, 2 ** 31 - 1));
  }

  async function cancel() {
    if (!canCancel()) return;
    el.cancel.disabled = true;
    const answer = await call('/api/cancel', {
      request: { messageId: current.messageId, scheduledAt: new Date(current.scheduledAt).toISOString() },
    });
    current.cancel = answer.ok ? { ok: true } : { ok: false, reason: answer.error?.reason ?? null, message: answer.error?.message ?? '' };
    render();
    refreshCredits();
  }

  function render() {
    renderCredits();
    if (current === null) return;
    const lang = getLang();
    el.list.innerHTML = [...current.statuses.entries()]
      .map(([number, s]) => {
        const when = s.at ? ` · ${escapeHtml(formatParisTime(lang, new Date(s.at)))}` : '';
        return `<li data-number="${escapeHtml(number)}" data-status="${escapeHtml(s.status)}"><span class="number">${escapeHtml(number)}</span> <span class="status">${escapeHtml(t(lang, `status.${s.status}`))}</span>${when}</li>`;
      })
      .join('');
    const scheduled = current.scheduledAt !== null;
    el.note.textContent = scheduled && current.cancel?.ok !== true
      ? t(lang, 'tracking.scheduled', { when: formatParisTime(lang, new Date(current.scheduledAt)) })
      : '';
    el.cancel.hidden = !scheduled;
    el.cancel.disabled = !canCancel();
    el.cancel.textContent = t(lang, 'tracking.cancel');
    el.cancel.title = scheduled && !canCancel() && current.cancel?.ok !== true ? t(lang, 'tracking.cancelTooLate') : '';
    const c = current.cancel;
    el.cancelResult.dataset.state = c === null ? '' : c.ok ? 'cancelled' : 'refused';
    el.cancelResult.textContent = c === null
      ? ''
      : c.ok
        ? t(lang, 'tracking.cancelled')
        : t(lang, `tracking.refused.${['too_late', 'already_sent', 'already_cancelled', 'message_not_found'].includes(c.reason) ? c.reason : 'other'}`);
    el.replies.innerHTML = current.replies.length === 0
      ? `<li class="empty">${escapeHtml(t(lang, 'replies.none'))}</li>`
      : current.replies
          .map((r) => `<li data-kind="${escapeHtml(r.kind)}"><span class="number">${escapeHtml(r.from)}</span> ${r.kind === 'stop' ? `<strong>${escapeHtml(t(lang, 'replies.stop'))}</strong> ` : ''}${escapeHtml(r.text)}</li>`)
          .join('');
  }

  el.cancel.addEventListener('click', cancel);
  return { track, refreshCredits, render };
}
