// The stand-in's spending statistics (GET /v1/statistics/cost-resume): the sends it billed,
// by Paris month, in the shapes of SMS Partner's page (year, m, cost and nb_send as strings,
// date as epoch seconds), and its limit of 5 calls a minute per key (then 429).
import { apiError, isBlank, parisParts, parisToInstant } from './validate.mjs';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Calls answered per key and minute (the page's limit). */
const CALLS_PER_MINUTE = 5;

/** `YYYY-MM-DD`'s or `DD-MM-YYYY`'s day as `{ year, month, day }`, or null. */
function dayOf(text) {
  const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(String(text ?? '').trim());
  if (dmy === null) return null;
  const [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/** Registers the route. `ctx`: `{ state, clock, keyError(apiKey), keyHash(apiKey) }`. */
export function registerStatistics(app, { state, clock, keyError, keyHash }) {
  app.get('/v1/statistics/cost-resume', async (req, reply) => {
    const { apiKey, interval, from, to } = req.query;
    const refused = keyError(apiKey);
    if (refused) return reply.code(refused.status).send(refused.body);
    const now = clock().getTime();
    const hash = keyHash(apiKey);
    const recent = (state.statisticsCalls[hash] ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= CALLS_PER_MINUTE) return reply.code(429).send({ success: false, code: 429, message: 'Too Many Requests' });
    state.statisticsCalls[hash] = [...recent, now];

    const today = parisParts(new Date(now));
    let start;
    let end;
    if (interval === 'last_month') {
      start = today.month === 1 ? { year: today.year - 1, month: 12, day: 1 } : { year: today.year, month: today.month - 1, day: 1 };
      end = { year: today.year, month: today.month, day: 1, exclusive: true };
    } else if (interval === 'last_twelve_months') {
      start = today.month === 12 ? { year: today.year, month: 1, day: 1 } : { year: today.year - 1, month: today.month + 1, day: 1 };
      end = { year: today.year, month: today.month, day: today.day, inclusive: true };
    } else if (interval === 'custom') {
      if (isBlank(from) || isBlank(to)) return reply.code(400).send({ success: false, code: 400, message: 'from and to are required with custom' });
      start = dayOf(from);
      end = dayOf(to);
      if (start === null || end === null) return reply.code(400).send({ success: false, code: 400, message: 'from and to must be dd-mm-yyyy' });
      end = { ...end, inclusive: true };
    } else {
      const { status, body } = apiError(400, 'The interval parameter is invalid');
      return reply.code(status).send(body);
    }
    const from_ = parisToInstant(start.year, start.month, start.day, 0, 0).getTime();
    const until = end.exclusive
      ? parisToInstant(end.year, end.month, end.day, 0, 0).getTime()
      : parisToInstant(end.year, end.month, end.day, 0, 0).getTime() + 24 * 3600 * 1000;
    const months = new Map();
    for (const message of state.messages) {
      if (message.apiKeyHash !== hash || message.sandbox || message.sendAt < from_ || message.sendAt >= until) continue;
      const p = parisParts(new Date(message.sendAt));
      const key = `${p.year}-${p.month}`;
      const month = months.get(key) ?? { year: p.year, month: p.month, cost: 0, nbSend: 0 };
      month.cost += message.cost;
      month.nbSend += message.nbSms;
      months.set(key, month);
    }
    const datas = [...months.values()]
      .sort((a, b) => a.year - b.year || a.month - b.month)
      .map((m) => ({
        month: MONTHS[m.month - 1],
        year: String(m.year),
        m: String(m.month),
        date: Math.floor(parisToInstant(m.year, m.month, 1, 0, 0).getTime() / 1000),
        type: 'month',
        cost: m.cost.toFixed(3),
        nb_send: String(m.nbSend),
      }));
    return { success: true, datas };
  });
}
