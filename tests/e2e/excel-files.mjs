// Spreadsheets as Excel writes them, made here byte by byte: a French export (`;`, CRLF, a quoted
// cell with a line break and `""`, a blank line, numbers in scientific notation or stripped of
// their 0) in UTF-8 with a BOM and in Windows-1252, and a large file of n rows.

/** Windows-1252's bytes for the characters above Latin-1 that these files hold. */
const WINDOWS_1252 = new Map([['€', 0x80], ['’', 0x92], ['œ', 0x9c], ['…', 0x85]]);

/** `text` as Windows-1252 bytes: Latin-1 as it is, €, ’, œ and … by their own bytes; anything else throws. */
export function windows1252(text) {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0);
      if (WINDOWS_1252.has(char)) return WINDOWS_1252.get(char);
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      throw new Error(`${char} has no Windows-1252 byte here`);
    }),
  );
}

/** `text` as UTF-8 behind a BOM, as Excel's "CSV UTF-8" saves it. */
export const utf8WithBom = (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/**
 * A French Excel export: `numero;prenom;code`, CRLF, each quirk on a line of its own. The lines
 * each row starts on are in FRENCH_EXPORT_LINES.
 */
export const FRENCH_EXPORT = [
  'numero;prenom;code', //                         line 1
  '06 12 34 56 01;Hélène;-20 €', //                 line 2
  '06 12 34 56 02;"Jean ""Jojo""\nPierre";B2', //   lines 3–4 (a cell's line break is LF in Excel)
  '', //                                            line 5
  '6,12E+08;Marc;C3', //                            line 6: scientific notation
  '612345603;Zoé D’Artagnan;Cœur', //               line 7: a mobile without its 0
  ';;', //                                          line 8: an empty row of cells
  '112345604;Luc;E5', //                            line 9: a landline without its 0
  '0612345605;Ana;F6', //                           line 10
  '',
].join('\r\n');

/** Where each row of FRENCH_EXPORT that is read starts. */
export const FRENCH_EXPORT_LINES = [2, 3, 7, 9, 10];

/** An export of `n` rows `numero;prenom;code`, distinct mobile numbers, in Windows-1252. */
export function largeExport(n) {
  const lines = ['numero;prenom;code'];
  for (let i = 0; i < n; i += 1) lines.push(`06${String(i).padStart(8, '0')};Prénom ${i};€${i % 100}`);
  return windows1252(`${lines.join('\r\n')}\r\n`);
}
