// The segment view's strips checked in Node against the wasm package: one strip per SMS billed,
// the cells' costs adding up to the billed length, the header where SMS Partner puts one.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { segmentStrips, segmentsHtml, charLabel } from '../../www/segment-view.js';
import { loadPackage } from './browser.mjs';

const MESSAGES = [
  'Bonjour',
  'Prix : 15€ [promo] {code} ^~|\\ §¨ « guillemets » ’apostrophe‘ `accent`',
  'Æble œuvre Ça ÄÖÜ äöü Ññ ÀÁÂÃ ÈÊË Îï ÔÖ Ûû ÿ Ý µ ° ą',
  'Emoji 🙂🎉 et 👍🏽 puis ɐ Ж 中文',
  'Ligne 1:br:Ligne 2\nLigne 3:br::br:fin',
  'Prix :euro: 15 :euro::euro: et € aussi',
  'a'.repeat(160),
  'a'.repeat(161),
  `${'a'.repeat(152)}€€€`,
  `${'a'.repeat(151)}:br:${'b'.repeat(200)}`,
  `${'é'.repeat(66)}🙂🙂${'x'.repeat(70)}`,
  `${'Soldes [jusqu’à -50 %] ! 🎉 '.repeat(12)}`,
  'a'.repeat(150),
  '\ud83d lone surrogates \ude00 here',
  `Soldes\u00a0! Code\u202f: ÉTÉ\t❤\ufe0f`,
];

const OPTIONS = [{}, { isStopSms: true }, { isUnicode: true }, { isUnicode: true, isStopSms: true }, { gamme: 2 }];

describe('segment view', () => {
  let sms;

  before(async () => {
    sms = await loadPackage();
  });

  const stripsOf = (message, options) => {
    const analysis = sms.analyzeMessage(message, options);
    const parts = sms.splitMessageParts(message, options);
    const costOf = (text) => sms.analyzeMessage(text, { isUnicode: options.isUnicode, gamme: options.gamme }).characters;
    const single = sms.analyzeMessage('', { isUnicode: options.isUnicode }).perSms;
    const headerCost = parts.length > 1 ? single - analysis.perSms : 0;
    return { analysis, strips: segmentStrips(message, analysis, parts, { costOf, headerCost }) };
  };

  it('has one strip per SMS, whose cells cost what the package bills', () => {
    for (const message of MESSAGES) {
      for (const options of OPTIONS) {
        const label = `${JSON.stringify(message.slice(0, 30))} ${JSON.stringify(options)}`;
        const { analysis, strips } = stripsOf(message, options);
        assert.equal(strips.length, analysis.smsCount, label);
        const total = strips.reduce((sum, strip) => sum + strip.used, 0);
        assert.equal(total, analysis.characters, label);
        for (const strip of strips) {
          assert.ok(strip.used <= analysis.perSms, `${label}: ${strip.used} > ${analysis.perSms}`);
          const header = strip.cells.filter((cell) => cell.kind === 'header');
          assert.equal(header.length, strips.length > 1 ? 1 : 0, label);
          if (header.length) assert.equal(header[0].cost, analysis.encoding === 'UCS-2' ? 3 : 7, label);
        }
        const typed = strips
          .flatMap((strip) => strip.cells)
          .filter((cell) => cell.kind !== 'header' && cell.kind !== 'stop')
          .map((cell) => cell.char)
          .join('');
        assert.equal(typed, message, label);
        const stop = strips.flatMap((strip) => strip.cells).filter((cell) => cell.kind === 'stop');
        assert.equal(stop.map((cell) => cell.char).join(''), analysis.stopMention ?? '', label);
      }
    }
  });

  it('marks escapes, removed and replaced characters with their costs', () => {
    const { strips } = stripsOf('€^[œ\n:br::euro:🙂', {});
    const cells = strips[0].cells.map((cell) => [cell.kind, cell.cost]);
    assert.deepEqual(cells, [
      ['escape', 2],
      ['removed', 0],
      ['replaced', 1],
      ['replaced', 2],
      ['newline', 1],
      ['br', 2],
      ['euro', 2],
      ['unsupported', 1],
    ]);
    const { strips: unicode } = stripsOf('a🙂', { isUnicode: true });
    assert.deepEqual(unicode[0].cells.map((cell) => [cell.kind, cell.cost]), [['plain', 1], ['pair', 2]]);
  });

  it('names invisible characters by code point and escapes the HTML', () => {
    assert.equal(charLabel('\u00a0'), 'U+00A0');
    assert.equal(charLabel('\u00a0', 'NO-BREAK SPACE'), 'NO-BREAK SPACE, U+00A0');
    assert.equal(charLabel('é'), '“é”');
    const { strips } = stripsOf('<b>&"\'</b>', {});
    const html = segmentsHtml(strips, (key, vars) => `${key} ${vars.char ?? ''}`);
    assert.ok(!html.includes('<b>'), html);
    assert.match(html, /title="cell.plain “&lt;”"/);
  });
});
