// The page's message views (highlight mirror, "sent as" copy, preview per SMS) checked in Node
// against the wasm package on many messages and every option, faster than through a browser.

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, mirrorHtml, previewParts, sentAsHtml } from '../../www/message-view.js';
import { loadPackage } from './browser.mjs';

const MESSAGES = [
  '',
  'Bonjour',
  'Prix : 15€ [promo] {code} ^~|\\ §¨ « guillemets » ’apostrophe‘ `accent`',
  'Æble œuvre Ça ÄÖÜ äöü Ññ ÀÁÂÃ ÈÊË Îï ÔÖ Ûû ÿ Ý µ ° ą',
  'Emoji 🙂🎉 et 👍🏽 puis ɐ Ж 中文',
  'Ligne 1:br:Ligne 2:br::br:fin',
  'Prix : 10:euro: puis 5€ :euro',
  '<b>&amp;</b> "quotes" \'single\'',
  'a'.repeat(150),
  'a'.repeat(153),
  `${'a'.repeat(152)}€€€`,
  `${'a'.repeat(151)}:br:${'b'.repeat(200)}`,
  `${'é'.repeat(66)}🙂🙂${'x'.repeat(70)}`,
  `${'Soldes [jusqu’à -50 %] ! 🎉 '.repeat(12)}`,
  '\ud83d lone surrogates \ude00 here',
];

const OPTIONS = [
  {},
  { isStopSms: true },
  { isUnicode: true },
  { isUnicode: true, isStopSms: true },
  { gamme: 2, isStopSms: true },
];

/** The text of an HTML fragment made by message-view.js (tags dropped, entities read back). */
function textOf(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]);
}

describe('message views', () => {
  let sms;

  before(async () => {
    sms = await loadPackage();
  });

  const views = (message, options) => {
    const analysis = sms.analyzeMessage(message, options);
    const parts = sms.splitMessage(message, options);
    const pieces = sms.splitMessageParts(message, options);
    return { analysis, parts, pieces, preview: previewParts(pieces) };
  };

  it('cut the preview into one text per SMS billed that together are the preview', () => {
    for (const message of MESSAGES) {
      for (const options of OPTIONS) {
        const { analysis, parts, preview } = views(message, options);
        const label = `${JSON.stringify(message.slice(0, 30))} ${JSON.stringify(options)}`;
        assert.equal(parts.length, analysis.smsCount, label);
        assert.equal(preview.length, analysis.smsCount, label);
        assert.equal(preview.join(''), analysis.preview, label);
      }
    }
  });

  it('place the STOP mention where its SMS starts when it spills over', () => {
    const { parts, preview } = views('a'.repeat(150), { isStopSms: true });
    assert.deepEqual(parts.map((p) => p.length), [150, 0]);
    assert.deepEqual(preview, [`${'a'.repeat(150)} ST`, 'OP au 36180']);
  });

  it('keep the mirror text identical to the message, highlights and SMS parts marked', () => {
    for (const message of MESSAGES) {
      for (const options of OPTIONS) {
        const { analysis, parts, pieces } = views(message, options);
        const html = mirrorHtml(message, pieces);
        const label = `${JSON.stringify(message.slice(0, 30))} ${JSON.stringify(options)}`;
        assert.equal(textOf(html), `${message}\u200b`, label);
        assert.equal((html.match(/<mark class="rep"/g) ?? []).length, analysis.replacements.length, label);
        assert.equal((html.match(/<mark class="bad"/g) ?? []).length, analysis.unsupported.length, label);
        assert.equal((html.match(/<span class="part /g) ?? []).length, parts.length, label);
        assert.equal((html.match(/ cut"/g) ?? []).length, Math.max(parts.length - 1, 0), label);
      }
    }
  });

  it('show each replacement next to what is typed, escaped', () => {
    const message = '<b>[x]</b> ^ œ';
    const html = sentAsHtml(message, sms.splitMessageParts(message, {}), 'removed');
    assert.ok(!html.includes('<b>'), html);
    assert.match(html, /<del>\[<\/del><ins>\(<\/ins>/);
    assert.match(html, /<del>œ<\/del><ins>oe<\/ins>/);
    assert.match(html, /title="\^ → removed"><del>\^<\/del><\/span>/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
