// A campaign's recipients as a CSV file Excel opens as columns in French as in English: UTF-8
// with a BOM, `;` between fields, CRLF between lines, every field that could be read as a
// formula prefixed with `'` (OWASP's rule: `=`, `+`, `-`, `@`, tab, CR), quotes where needed.

/** The columns, in English and French: the recipient's field each shows. */
const COLUMNS = Object.freeze([
  ['phoneNumber', 'phone number', 'numéro'],
  ['state', 'state', 'état'],
  ['delivery', 'delivery', 'remise'],
  ['group', 'delivery group', 'groupe de remise'],
  ['at', 'reported at (UTC)', 'signalé le (UTC)'],
  ['reason', 'reason', 'motif'],
  ['stopReceived', 'answered STOP', 'a répondu STOP'],
  ['messageId', 'message id', 'identifiant du message'],
  ['tag', 'tag', 'tag'],
]);

/** One field, safe for a spreadsheet: formula starters neutralized, then quoted if needed. */
function field(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of `recipients` (ledger.recipientsReport()), headers in `lang` (`en` or `fr`). */
export function recipientsCsv(recipients, lang) {
  const header = COLUMNS.map(([, en, fr]) => field(lang === 'fr' ? fr : en)).join(';');
  const lines = recipients.map((recipient) => COLUMNS.map(([name]) => field(recipient[name])).join(';'));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}
