// Reading a campaign's spreadsheet as Excel writes it: bytes decoded (UTF-8, else Windows-1252),
// rows parsed by papaparse a slice at a time, the phone column found by its header, mangled numbers named.

/** The encodings a file may be read as; `auto` is UTF-8 when the bytes are UTF-8, else Windows-1252. */
export const ENCODINGS = ['auto', 'utf-8', 'windows-1252'];

/** The separators papaparse may guess among: Excel's French `;`, the comma, the tab. */
const DELIMITERS = [';', ',', '\t'];

/** Header names of the phone column and of a row's own message (lower case, without accents). */
const PHONE_NAMES = new Set(['numero', 'telephone', 'mobile', 'phone', 'number', 'tel', 'portable', 'phonenumber']);
const MESSAGE_NAMES = new Set(['message', 'texte', 'text', 'sms', 'msg', 'contenu']);

/** A number Excel wrote in scientific notation (`6,12E+08`, `6.12345678E+08`): its digits are lost. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** Nine digits: a French number whose leading 0 Excel stripped, perhaps. */
const NINE_DIGITS = /^\d{9}$/;

/** How long a slice of parsing runs before the page is given the hand back. */
const SLICE_MS = 25;
/** How many candidates one call of `parsePhoneNumbers` reads (it reads 100,000 at most). */
const PARSE_BATCH = 50_000;

/**
 * Windows-1252's bytes 0x80–0x9F as the WHATWG Encoding Standard maps them. Browsers' TextDecoder
 * does so already; Node 20's maps them as Latin-1 (nodejs/node#56542), which this table corrects.
 * The five bytes the standard leaves as C1 controls (0x81, 0x8D, 0x8F, 0x90, 0x9D) are not here.
 */
const WINDOWS_1252_HIGH = new Map(
  [
    [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020],
    [0x87, 0x2021], [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152],
    [0x8e, 0x017d], [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022],
    [0x96, 0x2013], [0x97, 0x2014], [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a],
    [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
  ].map(([byte, code]) => [String.fromCharCode(byte), String.fromCharCode(code)]),
);

/**
 * The text of a file's bytes read as `choice` (one of ENCODINGS), its BOM left out:
 * `{ ok: true, text, encoding, guessed, alsoUtf8 }` (`guessed` when `auto` fell back to
 * Windows-1252; `alsoUtf8` when Windows-1252 was asked for bytes that are UTF-8 too), or
 * `{ ok: false, code, offset? }`: `not_utf8` (UTF-8 was asked for and the bytes are not),
 * `not_text` (a byte that is text in neither encoding, at `offset`).
 */
export function decodeBytes(bytes, choice = 'auto') {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let utf8 = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    if (choice === 'utf-8') return { ok: false, code: 'not_utf8' };
  }
  if (utf8 !== null && choice !== 'windows-1252') return { ok: true, text: utf8, encoding: 'utf-8', guessed: false };
  const text = new TextDecoder('windows-1252').decode(view).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH.get(c) ?? c);
  const control = text.search(/[\u0080-\u009f]/);
  if (control !== -1) return { ok: false, code: 'not_text', offset: control };
  // Asked for, Windows-1252 may misread a UTF-8 file: `alsoUtf8` says the bytes read as UTF-8 too.
  const alsoUtf8 = utf8 !== null && view.some((byte) => byte > 0x7f);
  return { ok: true, text, encoding: 'windows-1252', guessed: choice === 'auto', alsoUtf8 };
}

/** A header cell as compared with the names above: trimmed, lower case, without accents or separators. */
const headerKey = (cell) =>
  cell.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s._-]+/g, '');

const LINE_BREAKS = /\r\n|\r|\n/g;
const lineBreaks = (value) => value.match(LINE_BREAKS)?.length ?? 0;
const blank = (fields) => fields.every((field) => field.trim() === '');

/** Which row is a header and which columns hold the number and a row's own message. */
function columnsOf(first) {
  const keys = first.map(headerKey);
  const phone = keys.findIndex((key) => PHONE_NAMES.has(key));
  if (phone === -1 && /\d/.test(first[0] ?? '')) return { header: null, phone: 0, message: null };
  const message = keys.findIndex((key) => MESSAGE_NAMES.has(key));
  return { header: first.map((cell) => cell.trim()), phone: Math.max(phone, 0), message: message === -1 ? null : message };
}

/**
 * The separator of `text`: papaparse's guess among DELIMITERS from the start of the text (blank
 * lines left out). Papaparse guesses only when rows have as many fields each; when it cannot
 * (numbers alone on some rows, with a message on others), the separator that papaparse itself
 * splits most rows by without a quote error, `;` first on a tie (Excel's French files).
 */
function guessDelimiter(papa, text) {
  const start = text.slice(0, 65_536);
  const preview = (options) => papa.parse(start, { skipEmptyLines: 'greedy', preview: 100, ...options });
  const guess = preview({ delimitersToGuess: DELIMITERS });
  if (!guess.errors.some((error) => error.code === 'UndetectableDelimiter') && DELIMITERS.includes(guess.meta.delimiter)) {
    return guess.meta.delimiter;
  }
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const { data, errors } = preview({ delimiter });
    const score = data.filter((fields) => fields.length > 1).length - errors.length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The rows of a CSV text, parsed by papaparse (`papa`, globalThis.Papa by default) in slices of
 * about 25 ms, `onProgress(fraction)` after each. Resolves to `{ delimiter, header, phoneColumn,
 * rows, refused, lostZero }`:
 * - `header`: the column names when the first row names them (a phone column's name, or a first
 *   cell without a digit), else null; `phoneColumn` the index of the number's column (the first
 *   without a header or a name of it);
 * - `rows`: `[{ line, phoneNumber, message, values }]`, `line` where the row starts in the file
 *   (quoted line breaks counted), `message` the row's own (a `message`/`texte` column, or without
 *   a header what follows the number) or null, `values` the cells by header name;
 * - `refused`: `[{ line, code, input }]`, rows not read: `scientific` (Excel's `6,12E+08`: the
 *   digits are lost), `quotes` (a quote never closed or misplaced), `no_number` (values but no
 *   number), `extra_fields` (more values than the header has columns);
 * - `lostZero`: `[{ line, digits }]`, rows whose number is nine digits (a 0 Excel may have removed).
 * Resolves to null when `signal` aborts the reading.
 */
export function readRows(text, { papa = globalThis.Papa, onProgress = () => {}, signal } = {}) {
  const delimiter = guessDelimiter(papa, text);
  const result = { delimiter, header: null, phoneColumn: 0, rows: [], refused: [], lostZero: [] };
  let columns = null;
  let line = 1;
  let consumed = 0;
  let sliceStart = Date.now();

  const take = (fields, errors) => {
    const at = line;
    line += 1 + fields.reduce((n, field) => n + lineBreaks(field), 0);
    consumed += fields.reduce((n, field) => n + field.length + 1, 0);
    if (blank(fields) && errors.length === 0) return;
    if (columns === null) {
      columns = columnsOf(fields);
      result.header = columns.header;
      result.phoneColumn = columns.phone;
      if (columns.header !== null) return;
    }
    const input = (fields[columns.phone] ?? '').trim();
    const refuse = (code, shown = input) => result.refused.push({ line: at, code, input: shown });
    if (errors.length > 0) return refuse('quotes');
    if (SCIENTIFIC.test(input)) return refuse('scientific');
    // Unquoted in a comma-separated file, French Excel's `6,12E+08` is two fields.
    const rejoined = `${input},${(fields[columns.phone + 1] ?? '').trim()}`;
    if (delimiter === ',' && SCIENTIFIC.test(rejoined)) return refuse('scientific', rejoined);
    if (columns.header !== null && fields.slice(columns.header.length).some((field) => field.trim() !== '')) return refuse('extra_fields');
    if (input === '') return refuse('no_number');
    if (NINE_DIGITS.test(input)) result.lostZero.push({ line: at, digits: input });
    result.rows.push({ line: at, phoneNumber: input, ...rowContent(fields, columns, delimiter) });
  };

  return new Promise((resolve, reject) => {
    papa.parse(text, {
      delimiter,
      skipEmptyLines: false,
      step({ data, errors }, parser) {
        if (signal?.aborted) {
          parser.abort(); // papaparse then calls `complete`, which resolves to null
          return;
        }
        try {
          take(data, errors);
        } catch (error) {
          parser.abort();
          reject(error);
          return;
        }
        if (Date.now() - sliceStart < SLICE_MS) return;
        onProgress(Math.min(consumed / Math.max(text.length, 1), 1));
        parser.pause();
        setTimeout(() => {
          sliceStart = Date.now();
          parser.resume();
        }, 0);
      },
      complete() {
        if (signal?.aborted) return resolve(null);
        onProgress(1);
        resolve(result);
      },
      error: reject,
    });
  });
}

/** A row's own message and its values by column name. */
function rowContent(fields, columns, delimiter) {
  if (columns.header === null) {
    const message = fields.slice(1).join(delimiter).trim();
    return { message: message === '' ? null : message, values: {} };
  }
  const values = {};
  columns.header.forEach((name, i) => {
    if (name !== '' && !Object.hasOwn(values, name)) values[name] = fields[i] ?? '';
  });
  const message = columns.message === null ? '' : (fields[columns.message] ?? '').trim();
  return { message: message === '' ? null : message, values };
}

/**
 * Which nine-digit numbers of `lostZero` take their 0 back: `[{ line, digits, number, region }]`
 * for those that `parsePhoneNumbers` (the package's) reads, with the 0, as a mobile number; the
 * others are left as they are. Nine-digit rows are asked in batches, each distinct number once.
 */
export function zeroOffers(lostZero, parsePhoneNumbers) {
  const candidates = [...new Set(lostZero.map((row) => `0${row.digits}`))];
  const mobiles = new Map();
  for (let start = 0; start < candidates.length; start += PARSE_BATCH) {
    const batch = candidates.slice(start, start + PARSE_BATCH);
    const answer = parsePhoneNumbers(batch);
    const invalid = new Set(answer.invalid.map((entry) => entry.input));
    const valid = batch.filter((candidate) => !invalid.has(candidate));
    // `details` follows the valid entries in order; each must end with its own nine digits.
    valid.forEach((candidate, i) => {
      const detail = answer.details[i];
      if (detail?.type === 'mobile' && detail.number.endsWith(candidate.slice(1))) mobiles.set(candidate, detail);
    });
  }
  return lostZero.flatMap((row) => {
    const detail = mobiles.get(`0${row.digits}`);
    return detail ? [{ ...row, number: detail.number, region: detail.region }] : [];
  });
}
