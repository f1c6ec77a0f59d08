// The Campaign tab's reading of a spreadsheet, in Node (papaparse runs here as in the page):
// encodings, separators, the header, line numbers, Excel's mangled numbers, the 0 given back by
// the package, a large file read in slices.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { decodeBytes, readRows, zeroOffers } from '../../www/campaign-file.js';
import { FRENCH_EXPORT, FRENCH_EXPORT_LINES, largeExport, utf8WithBom, windows1252 } from './excel-files.mjs';
import { loadPackage } from './browser.mjs';

const read = (text, options = {}) => readRows(text, { papa: Papa, ...options });

describe('decoding a file', () => {
  it('reads UTF-8 behind its BOM, the BOM left out', () => {
    const decoded = decodeBytes(utf8WithBom(FRENCH_EXPORT));
    assert.deepEqual({ ...decoded, text: undefined }, { ok: true, text: undefined, encoding: 'utf-8', guessed: false });
    assert.equal(decoded.text, FRENCH_EXPORT);
  });

  it('reads Windows-1252 when the bytes are not UTF-8, é, € and ’ as they were written', () => {
    const bytes = windows1252(FRENCH_EXPORT);
    assert.deepEqual([...bytes.subarray(bytes.indexOf(0x80) - 1, bytes.indexOf(0x80) + 1)], [0x20, 0x80]);
    const decoded = decodeBytes(bytes);
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(decoded.guessed, true);
    assert.equal(decoded.text, FRENCH_EXPORT);
    assert.equal(decodeBytes(bytes, 'windows-1252').guessed, false);
  });

  it('reads every byte Windows-1252 gives a character to as browsers do', () => {
    const decoded = decodeBytes(Uint8Array.from([0x80, 0x85, 0x8c, 0x92, 0x93, 0x94, 0x96, 0x99, 0x9f, 0xe9]), 'windows-1252');
    assert.equal(decoded.text, '€…Œ’“”–™Ÿé');
  });

  it('refuses what is not UTF-8 when UTF-8 is asked for, and bytes that are text in neither', () => {
    assert.deepEqual(decodeBytes(windows1252('Hélène'), 'utf-8'), { ok: false, code: 'not_utf8' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0x41, 0x81, 0x42])), { ok: false, code: 'not_text', offset: 1 });
  });

  it('says when Windows-1252 was asked for a file that is UTF-8 too', () => {
    assert.equal(decodeBytes(utf8WithBom('numero\r\n0612345601'), 'windows-1252').alsoUtf8, true);
    assert.equal(decodeBytes(Buffer.from('numero\r\n0612345601'), 'windows-1252').alsoUtf8, false);
  });
});

describe('reading rows', () => {
  let sms;
  before(async () => {
    sms = await loadPackage();
  });

  it('reads an Excel export: `;`, the header, a quoted line break, true line numbers, blank rows skipped', async () => {
    for (const bytes of [utf8WithBom(FRENCH_EXPORT), windows1252(FRENCH_EXPORT)]) {
      const result = await read(decodeBytes(bytes).text);
      assert.equal(result.delimiter, ';');
      assert.deepEqual(result.header, ['numero', 'prenom', 'code']);
      assert.equal(result.phoneColumn, 0);
      assert.deepEqual(result.rows.map((row) => row.line), FRENCH_EXPORT_LINES);
      assert.deepEqual(result.rows[0], { line: 2, phoneNumber: '06 12 34 56 01', message: null, values: { numero: '06 12 34 56 01', prenom: 'Hélène', code: '-20 €' } });
      assert.equal(result.rows[1].values.prenom, 'Jean "Jojo"\nPierre');
      assert.equal(result.rows[2].values.prenom, 'Zoé D’Artagnan');
      assert.deepEqual(result.refused, [{ line: 6, code: 'scientific', input: '6,12E+08' }]);
      assert.deepEqual(result.lostZero, [{ line: 7, digits: '612345603' }, { line: 9, digits: '112345604' }]);
    }
  });

  it('offers the 0 back only where the package reads a mobile number', async () => {
    const { lostZero } = await read(FRENCH_EXPORT);
    assert.deepEqual(zeroOffers(lostZero, sms.parsePhoneNumbers), [{ line: 7, digits: '612345603', number: '+33612345603', region: 'FR' }]);
    // Many rows, repeated ones among them: each asked once, each row answered.
    const many = Array.from({ length: 1200 }, (_, i) => ({ line: i + 2, digits: i % 2 ? `6123${String(i % 300).padStart(5, '0')}` : '112345604' }));
    const offers = zeroOffers(many, sms.parsePhoneNumbers);
    assert.equal(offers.length, 600);
    assert.ok(offers.every((offer) => offer.number === `+33${offer.digits}` && offer.line % 2 === 1));
  });

  it('finds the phone column by its name, in any case and with or without accents', async () => {
    for (const name of ['Téléphone', 'TELEPHONE', 'numéro', 'Mobile', 'Phone Number', 'tel']) {
      const result = await read(`Nom,${name},Message\r\nAnne,06 12 34 56 01,"Bonjour, Anne"\r\n`);
      assert.equal(result.delimiter, ',', name);
      assert.equal(result.phoneColumn, 1, name);
      assert.deepEqual(result.rows.map(({ phoneNumber, message }) => ({ phoneNumber, message })), [{ phoneNumber: '06 12 34 56 01', message: 'Bonjour, Anne' }], name);
    }
  });

  it('takes the first column without a name for it, and rows without a header as numbers then a message', async () => {
    assert.equal((await read('Client;Prénom\r\n0612345601;Anne\r\n')).phoneColumn, 0);
    assert.deepEqual(await read('0612345601;"Il a dit ""oui"", merci"\n\n0612345602\n'), {
      delimiter: ';',
      header: null,
      phoneColumn: 0,
      rows: [
        { line: 1, phoneNumber: '0612345601', message: 'Il a dit "oui", merci', values: {} },
        { line: 3, phoneNumber: '0612345602', message: null, values: {} },
      ],
      refused: [],
      lostZero: [],
    });
    assert.equal((await read('numero\tprenom\n0612345601\tAnne\n')).delimiter, '\t');
  });

  it('refuses out loud a broken quote, a row without a number and a row longer than the header', async () => {
    const result = await read('numero;prenom\n0612345601;x"y\n;Anne\n0612345602;Bob;de trop\n0612345603;"Eve\n0612345604;Zoé\n');
    assert.deepEqual(result.rows.map((row) => row.line), [2]);
    assert.deepEqual(result.refused, [
      { line: 3, code: 'no_number', input: '' },
      { line: 4, code: 'extra_fields', input: '0612345602' },
      { line: 5, code: 'quotes', input: '0612345603' },
    ]);
  });

  it('refuses each of Excel’s scientific forms', async () => {
    const { refused, rows } = await read('numero\n6,12E+08\n6.12345678E+08\n6E8\n0612345678\n');
    assert.deepEqual(refused.map((r) => [r.line, r.code]), [[2, 'scientific'], [3, 'scientific'], [4, 'scientific']]);
    assert.deepEqual(rows.map((row) => row.line), [5]);
  });

  it('reads 100,000 rows in slices, giving the hand back in between, the progress rising to 1', async () => {
    const text = decodeBytes(largeExport(100_000)).text;
    const progress = [];
    let timers = 0;
    const tick = setInterval(() => { timers += 1; }, 0);
    const result = await read(text, { onProgress: (f) => progress.push(f) });
    clearInterval(tick);
    assert.equal(result.rows.length, 100_000);
    assert.equal(result.rows.at(-1).line, 100_001);
    assert.equal(result.rows.at(-1).values.code, '€99');
    assert.ok(timers > 0, 'the reading never gave the hand back');
    assert.ok(progress.length > 1, `progress told ${progress.length} time(s)`);
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
    assert.equal(progress.at(-1), 1);
  });

  it('stops a reading that is given up', async () => {
    const controller = new AbortController();
    const reading = read(decodeBytes(largeExport(50_000)).text, { signal: controller.signal, onProgress: () => controller.abort() });
    assert.equal(await reading, null);
  });
});
