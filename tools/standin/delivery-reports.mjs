// The stand-in's delivery reports: for every recipient of every accepted send whose `urlDlr`
// is on this machine, one POST of form fields once its fate is final on the stand-in's clock
// (the delivery rule of `/__standin/delivery`), after each send, bulk send and clock change;
// a report refused or lost is posted again a second later, three attempts in all.

/**
 * What each final word of the status calls is in the three vocabularies a report carries
 * (SMS Partner documents no body for `urlDlr`: this one uses the words of its status calls,
 * the operator codes and the status groups of its error-code page).
 */
const REPORTED = Object.freeze({
  Delivered: { stat: 'DELIVRD', statusGrpId: '3', statusId: '5' },
  'Not delivered': { stat: 'UNDELIV', statusGrpId: '2', statusId: '9' },
  ko: { stat: 'REJECTD', statusGrpId: '5', statusId: '21' },
});

/** Attempts per report before the stand-in stops posting it, a second apart. */
const MAX_ATTEMPTS = 3;
const RETRY_MS = 1000;

/**
 * Registers `GET /__standin/delivery-reports` (what was posted) and `POST
 * /__standin/delivery-reports/flush`; returns `flush()`, which posts what is due.
 * `ctx`: `{ state, clock, deliveryOf(message, recipient), dateText(date) }` (`state.deliveryReports`
 * and `state.deliveryReportAttempts` hold what was posted and tried).
 */
export function registerDeliveryReports(app, { state, clock, deliveryOf, dateText }) {
  let running = null;
  let again = false;

  const target = (message) => {
    try {
      const url = new URL(message.body?.urlDlr ?? '');
      // Tests only ever talk to servers on this machine.
      return url.hostname === '127.0.0.1' || url.hostname === 'localhost' ? url : null;
    } catch {
      return null;
    }
  };

  /** The reports due now: `[{ url, key, fields }]`, from the sends that asked for them. */
  function due() {
    const list = [];
    const posted = new Set(state.deliveryReports.map((r) => r.key));
    for (const message of state.messages) {
      // Most sends name no urlDlr: passed over without parsing anything.
      if (typeof message.body?.urlDlr !== 'string' || message.cancelled) continue;
      const url = target(message);
      if (url === null) continue;
      for (const recipient of message.recipients ?? []) {
        const key = `${message.messageId}|${recipient.phoneNumber}`;
        if ((state.deliveryReportAttempts[key] ?? 0) >= MAX_ATTEMPTS) continue;
        if (posted.has(key)) continue;
        const { statut, at } = deliveryOf(message, recipient);
        const codes = REPORTED[statut];
        if (codes === undefined) continue;
        const fields = { messageId: String(message.messageId), phoneNumber: recipient.phoneNumber, status: statut, ...codes, date: dateText(new Date(at)) };
        if (typeof message.body?.tag === 'string' && message.body.tag !== '') fields.tag = message.body.tag;
        list.push({ url, key, fields });
      }
    }
    return list;
  }

  async function post({ url, key, fields }) {
    state.deliveryReportAttempts[key] = (state.deliveryReportAttempts[key] ?? 0) + 1;
    const status = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(5000),
    }).then(
      (r) => r.status,
      () => null,
    );
    if (status !== null && status >= 200 && status < 300) state.deliveryReports.push({ key, fields, status, postedAt: clock().toISOString() });
    else retryLater();
  }

  /** A report refused or lost is posted again a second later (MAX_ATTEMPTS in all). */
  let retry = null;
  function retryLater() {
    if (retry !== null) return;
    retry = setTimeout(() => {
      retry = null;
      flush().catch(() => {});
    }, RETRY_MS);
    retry.unref?.();
  }

  /** Posts every report due, one at a time; a flush asked for meanwhile runs once after it. */
  async function flush() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        for (const report of due()) await post(report);
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  app.addHook('onResponse', async (req) => {
    if (req.method !== 'POST') return;
    const route = req.routeOptions?.url;
    // A send asks for a flush only when it named a urlDlr; a clock or rule change always does.
    const sent = (route === '/v1/send' || route === '/v1/bulk-send') && typeof state.messages.at(-1)?.body?.urlDlr === 'string';
    if (sent || route === '/__standin/clock' || route === '/__standin/delivery') flush().catch(() => {});
  });
  app.addHook('onClose', async () => {
    clearTimeout(retry);
    retry = null;
  });
  app.get('/__standin/delivery-reports', async () => state.deliveryReports.map(({ fields, status, postedAt }) => ({ ...fields, answeredWith: status, postedAt })));
  app.post('/__standin/delivery-reports/flush', async () => {
    await flush();
    return { ok: true, posted: state.deliveryReports.length };
  });
  return flush;
}
