// The Campaign tab's merge fields: the message rendered for each row and its SMS counted by the
// package, the rows it cannot make, that need Unicode or pass SMS Partner's SMS limit named.

import init, { analyzeMessage, normalizeMessage, renderTemplate, smsPartnerLimits } from '/pkg/compose.js';
import { escapeHtml } from './message-view.js';

/** How long a slice of rendering runs before the page is given the hand back. */
const SLICE_MS = 25;

const esc = (value) => escapeHtml(String(value ?? ''));

/** Whether the tab's message is a template: it names a field. */
export const isTemplate = (message) => message.includes('{');

/** The value a row gives a template's field, as the package finds it (null when empty or unknown). */
const valueOf = (values, name, lang) => renderTemplate(`{${name}}`, values, { lang }).message;

/**
 * The campaign's rows made from `template`, a slice of about 25 ms at a time: resolves to
 * `{ alone, messages, sms, shortest, longest, more, total, unmade, unicode, tooLong }` (`messages`
 * parallel to `rows`, null where a row cannot be made; `shortest`/`longest` `{ line, sms,
 * message }`; `unmade` `[{ line, reasons }]` with the package's sentences; `unicode` `[{ line,
 * unicodeSms, own, values: [{ column, value, chars, smart }] }]`, the fields whose values hold
 * characters GSM lacks, `smart` the value's faithful GSM form (normalizeMessage) or null;
 * `tooLong` `[{ line, sms }]`), or null when `signal` gives it up. A row with its own message
 * keeps it (`own`).
 */
export async function renderRows(template, rows, { lang, signal }) {
  await init();
  const limit = smsPartnerLimits().maxSmsPerMessage;
  const summary = {
    alone: analyzeMessage(template).smsCount,
    messages: [],
    shortest: null,
    longest: null,
    more: 0,
    total: 0,
    unmade: [],
    unicode: [],
    tooLong: [],
  };
  const culprits = new Map(); // value → its characters GSM lacks and its faithful GSM form
  const culprit = (value) => {
    let found = culprits.get(value);
    if (found === undefined) {
      const chars = [...new Set(analyzeMessage(value).unsupported.map((u) => u.char))];
      let smart = null;
      if (chars.length > 0) {
        const normalized = normalizeMessage(value).message;
        if (analyzeMessage(normalized).unsupported.length === 0) smart = normalized;
      }
      found = { chars, smart };
      culprits.set(value, found);
    }
    return found;
  };
  let sliceStart = Date.now();
  for (const row of rows) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) return null;
      sliceStart = Date.now();
    }
    let message = row.message;
    let fields = [];
    if (message === null) {
      const rendered = renderTemplate(template, row.values, { lang });
      if (rendered.message === null) {
        summary.unmade.push({ line: row.line, reasons: rendered.issues.map((issue) => issue.message) });
        summary.messages.push(null);
        continue;
      }
      ({ message, fields } = rendered);
    }
    summary.messages.push(message);
    const analysis = analyzeMessage(message);
    const made = { line: row.line, sms: analysis.smsCount, characters: analysis.characters, message };
    summary.total += made.sms;
    if (made.sms > summary.alone) summary.more += 1;
    const longer = (a, b) => a.sms > b.sms || (a.sms === b.sms && a.characters > b.characters);
    if (summary.shortest === null || longer(summary.shortest, made)) summary.shortest = made;
    if (summary.longest === null || longer(made, summary.longest)) summary.longest = made;
    if (made.sms > limit) summary.tooLong.push({ line: row.line, sms: made.sms });
    if (analysis.unsupported.length > 0) {
      const values = fields
        .map((field) => ({ column: field.name, value: valueOf(row.values, field.name, lang) }))
        .filter((found) => found.value !== null)
        .map((found) => ({ ...found, ...culprit(found.value) }))
        .filter((found) => found.chars.length > 0);
      summary.unicode.push({ line: row.line, unicodeSms: analyzeMessage(message, { isUnicode: true }).smsCount, values, own: row.message !== null });
    }
  }
  return summary;
}

/** The summary's HTML: counts, the longest row, the rows not made, needing Unicode, too long. */
export function summaryHtml(summary, text) {
  const row = (line) => esc(text('row', { line }));
  const list = (title, items, describe, testid) =>
    items.length === 0 ? '' : `<h3>${esc(title)}</h3><ul class="campaign-list" data-testid="${testid}">${items.map((item) => `<li>${describe(item)}</li>`).join('')}</ul>`;
  const made = summary.messages.filter((m) => m !== null).length;
  return [
    `<p data-testid="campaign-template-counts">${esc(text('template.counts', { ...summary, made }))}</p>`,
    summary.longest
      ? `<p>${esc(text('template.longest', { line: summary.longest.line }))}</p><blockquote class="campaign-longest" data-testid="campaign-longest">${esc(summary.longest.message)}</blockquote>`
      : '',
    list(text('template.unmade'), summary.unmade, (r) => `${row(r.line)}: ${esc(r.reasons.join(' · '))}`, 'campaign-unmade'),
    list(text('template.unicode'), summary.unicode, (r) => {
      const values = r.values.map((v) => {
        const said = esc(text('template.value', { column: v.column, value: v.value, chars: v.chars.join(' ') }));
        const offer = v.smart === null
          ? esc(text('template.noSmart'))
          : `<button type="button" class="secondary" data-smart-value="${esc(v.value)}" data-smart="${esc(v.smart)}">${esc(text('template.smart', { smart: v.smart }))}</button>`;
        return `${said} ${offer}`;
      });
      const source = r.own ? esc(text('template.own')) : values.join(' ');
      return `${row(r.line)}: ${esc(text('template.unicodeSms', { n: r.unicodeSms }))} ${source}`;
    }, 'campaign-unicode'),
    list(text('template.tooLong', { limit: smsPartnerLimits().maxSmsPerMessage }), summary.tooLong, (r) => `${row(r.line)}: ${esc(text('template.sms', { n: r.sms }))}`, 'campaign-too-long'),
  ].join('');
}
