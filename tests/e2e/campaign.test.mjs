// The demo page's Campaign tab in headless Chromium, through the demo stack (the worker in
// workerd with its queue and Durable Objects, the stand-in): a CSV uploaded, invalid, repeated
// and STOP-listed rows shown, a sandbox send drawn chunk by chunk until every chunk is sent; an
// Excel export in Windows-1252 read as Excel wrote it, and 100,000 rows read with a progress bar.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { openPage, standinGet } from './browser.mjs';
import { FRENCH_EXPORT, largeExport, windows1252 } from './excel-files.mjs';

const CSV = [
  'number,message',
  '06 12 34 56 01,"Bonjour Anne, à demain"',
  '06 12 34 56 02',
  'pas un numéro',
  '+33 6 12 34 56 01',
  '06 12 34 56 03',
  '06 12 34 56 04',
  '06 12 34 56 05',
].join('\n');

describe('Campaign tab', { timeout: 120_000 }, () => {
  let session;
  let page;
  let stack;

  before(async () => {
    session = await openPage({ locale: 'en-US' });
    ({ page, stack } = session);
    // A STOP already received from one of the numbers.
    const stop = await fetch(`${stack.workerUrl}/webhooks/replies?token=${stack.replyToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ type: 'response', phone_number: '+33612345605', text: 'STOP', message_id: '1' }).toString(),
    });
    assert.equal(stop.status, 200);
  });

  after(async () => {
    await session?.close();
  });

  it('shows invalid, repeated and STOP-listed rows, then sends in sandbox chunk by chunk', async () => {
    await page.click('[data-testid=tab-campaign]');
    await page.locator('[data-testid=campaign][data-ready=true]').waitFor();
    assert.equal(await page.locator('#compose').isVisible(), false);
    await page.setInputFiles('[data-testid=campaign-file]', { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.locator('[data-testid=campaign-rows]', { hasText: '7 rows read' }).waitFor();
    await page.fill('[data-testid=campaign-message]', 'Les soldes commencent');
    await page.fill('[data-testid=campaign-chunk-size]', '1');

    const before = (await standinGet(stack, '/__standin/messages')).length;
    await page.click('[data-testid=campaign-check]');
    await page.locator('[data-testid=campaign-invalid]').waitFor();
    assert.match(await page.textContent('[data-testid=campaign-invalid]'), /row 4: pas un numéro/);
    assert.match(await page.textContent('[data-testid=campaign-duplicates]'), /row 5/);
    assert.match(await page.textContent('[data-testid=campaign-stop-rows]'), /row 8: \+33612345605/);
    assert.match(await page.textContent('[data-testid=campaign-summary]'), /^4 to send in 4 chunks/);
    assert.equal((await standinGet(stack, '/__standin/messages')).length, before, 'the check sent something');

    await page.click('[data-testid=campaign-send]');
    await page.locator('[data-testid=campaign-chunks][data-state=done]').waitFor({ timeout: 60_000 });
    const cells = await page.locator('[data-testid=campaign-chunks] span').evaluateAll((spans) => spans.map((s) => s.dataset.state));
    assert.deepEqual(cells, ['sent', 'sent', 'sent', 'sent']);
    const sends = (await standinGet(stack, '/__standin/messages')).slice(before);
    assert.equal(sends.length, 4);
    assert.ok(sends.every((m) => m.sandbox === true && m.kind === 'bulk'));
    assert.deepEqual(
      sends.flatMap((m) => m.body.SMSList).sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber)),
      [
        { phoneNumber: '+33612345601', message: 'Bonjour Anne, à demain' },
        { phoneNumber: '+33612345602', message: 'Les soldes commencent' },
        { phoneNumber: '+33612345603', message: 'Les soldes commencent' },
        { phoneNumber: '+33612345604', message: 'Les soldes commencent' },
      ],
    );
    // The delivery reports the stand-in posts to the worker arrive in the tab, and the report
    // downloads as the spreadsheet Excel opens in French.
    await page.locator('[data-testid=campaign-delivery]', { hasText: 'Delivery: 4 delivered · 0 failed · 0 awaiting a report' }).waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=campaign-report-csv]')]);
    assert.match(download.suggestedFilename(), /^campaign-[a-z0-9]{12}\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    assert.equal(lines[0], 'phone number;state;delivery;delivery group;reported at (UTC);reason;answered STOP;message id;tag');
    assert.deepEqual(lines.slice(1, -1).map((line) => line.split(';').slice(0, 3)).sort(), [
      ["'+33612345601", 'sent', 'delivered'],
      ["'+33612345602", 'sent', 'delivered'],
      ["'+33612345603", 'sent', 'delivered'],
      ["'+33612345604", 'sent', 'delivered'],
    ]);
    assert.deepEqual(session.pageErrors, []);
  });

  it('reads a `;` Windows-1252 export: rows counted, é and € right, the 0 offered back, scientific notation refused', async () => {
    const file = { name: 'export.csv', mimeType: 'text/csv', buffer: windows1252(FRENCH_EXPORT) };
    await page.setInputFiles('[data-testid=campaign-file]', file);
    await page.locator('[data-testid=campaign-rows]', { hasText: '5 rows read · 1 not read' }).waitFor();
    assert.equal(await page.textContent('[data-testid=campaign-file-note]'), 'export.csv is not UTF-8: read as Windows-1252.');
    const preview = await page.locator('[data-testid=campaign-preview] tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
    );
    assert.deepEqual(preview, [
      ['2', '06 12 34 56 01', 'Hélène', '-20 €'],
      ['3', '06 12 34 56 02', 'Jean "Jojo"\nPierre', 'B2'],
      ['7', '612345603', 'Zoé D’Artagnan', 'Cœur'],
    ]);
    assert.equal(await page.inputValue('[data-testid=campaign-csv]'), '', 'the rows are the file’s, not the textarea’s');
    assert.equal(
      await page.textContent('[data-testid=campaign-refused]'),
      'row 6: 6,12E+08 — Excel wrote this number in scientific notation and its digits are lost: format the column as Text in Excel and export it again.',
    );
    const lostZero = page.locator('[data-testid=campaign-lost-zero] li');
    assert.deepEqual(await lostZero.allTextContents(), [
      'row 7: 612345603 — with its 0, the mobile number +33612345603 (FR)',
      'row 9: 112345604 — with a 0 it is not a mobile number: left as it is',
    ]);
    await page.click('[data-testid=campaign-add-zero]');
    await page.locator('[data-testid=campaign-zero-added]', { hasText: '0 added back on 1 row.' }).waitFor();
    await page.fill('[data-testid=campaign-message]', 'Les soldes commencent');
    await page.fill('[data-testid=campaign-chunk-size]', '');
    await page.click('[data-testid=campaign-check]');
    // Line 7 with its 0 is sent; line 10's number sent STOP in the set-up.
    await page.locator('[data-testid=campaign-summary]', { hasText: /^3 to send in 1 chunk · 1 invalid · 1 on the STOP list/ }).waitFor();
    assert.match(await page.textContent('[data-testid=campaign-invalid]'), /^row 9: 112345604 — /);
    assert.equal(await page.textContent('[data-testid=campaign-stop-rows]'), 'row 10: +33612345605');
    // Forced as UTF-8, the file is refused whole rather than shown garbled.
    await page.selectOption('[data-testid=campaign-encoding]', 'utf-8');
    await page.locator('[data-testid=campaign-file-note]', { hasText: 'export.csv is not UTF-8: read it as Windows-1252' }).waitFor();
    assert.equal(await page.textContent('[data-testid=campaign-rows]'), '');
    assert.equal(await page.inputValue('[data-testid=campaign-csv]'), '');
    await page.selectOption('[data-testid=campaign-encoding]', 'windows-1252');
    await page.locator('[data-testid=campaign-file-note]', { hasText: 'export.csv read as Windows-1252.' }).waitFor();
    await page.locator('[data-testid=campaign-rows]', { hasText: '5 rows read · 1 not read' }).waitFor();
    await page.selectOption('[data-testid=campaign-encoding]', 'auto');
    assert.deepEqual(session.pageErrors, []);
  });

  it('reads 100,000 rows with a progress bar to its end, Check and Send waiting meanwhile', async (t) => {
    // Each value the bar takes, with whether Check and Send could be clicked then.
    await page.evaluate(() => {
      window.readingSeen = [];
      const bar = document.getElementById('campaign-read-progress');
      new MutationObserver(() => {
        window.readingSeen.push({
          value: bar.value,
          shown: !document.getElementById('campaign-reading').hidden,
          check: document.getElementById('campaign-check').disabled,
          send: document.getElementById('campaign-send').disabled,
        });
      }).observe(bar, { attributes: true, attributeFilter: ['value'] });
    });
    const buffer = largeExport(100_000);
    const started = Date.now();
    await page.setInputFiles('[data-testid=campaign-file]', { name: 'large.csv', mimeType: 'text/csv', buffer });
    await page.locator('[data-testid=campaign-rows]', { hasText: '100000 rows read' }).waitFor({ timeout: 60_000 });
    t.diagnostic(`100,000 rows (${buffer.length} bytes) read in ${Date.now() - started} ms`);
    const seen = await page.evaluate(() => window.readingSeen);
    const during = seen.filter((s) => s.value < 1);
    assert.ok(during.length > 2, `the bar moved ${during.length} time(s) before its end`);
    assert.ok(during.every((s) => s.shown && s.check && s.send), 'Check or Send could be clicked while reading');
    const values = seen.map((s) => s.value);
    assert.deepEqual(values, [...values].sort((a, b) => a - b), 'the bar went back');
    assert.equal(values.at(-1), 1);
    assert.equal(await page.locator('[data-testid=campaign-read-progress]').isVisible(), true);
    assert.equal(await page.textContent('#campaign-reading-text'), 'large.csv read.');
    assert.equal(await page.isDisabled('[data-testid=campaign-check]'), false);
    assert.equal(await page.isDisabled('[data-testid=campaign-send]'), false);
    assert.deepEqual(session.pageErrors, []);
  });

  it('renders a template per row: counts, the longest row, Unicode values with their GSM form, rows that cannot be made', async () => {
    const template = "Bonjour {prenom}, profitez de -20 % sur toute la boutique avec le code {code} jusqu'a dimanche soir. Rendez-vous en magasin ou sur le site ! Merci.";
    await page.fill('[data-testid=campaign-message]', '');
    await page.fill('[data-testid=campaign-csv]', [
      'numero;prenom;code',
      '06 12 34 56 11;Anne;A1',
      '06 12 34 56 12;Łukasz;B2',
      '06 12 34 56 13;;C3',
      '06 12 34 56 14;Marie-Christine-Alexandra de la Fontaine;D4',
      '06 12 34 56 15;🎉 Zoé;E5',
    ].join('\n'));
    await page.locator('[data-testid=campaign-rows]', { hasText: '5 rows read' }).waitFor();
    await page.fill('[data-testid=campaign-message]', template);
    const counts = page.locator('[data-testid=campaign-template-counts]');
    await counts.waitFor();
    assert.equal(
      await counts.textContent(),
      'Template alone: 1 SMS · shortest row: 1 SMS (line 2) · longest row: 2 SMS (line 5) · 1 row needs more SMS than the template alone · 5 SMS in all for 4 rows · no cost estimate: the page knows no price per SMS',
    );
    assert.match(await page.textContent('[data-testid=campaign-longest]'), /^Bonjour Marie-Christine-Alexandra de la Fontaine, profitez .* code D4 /);
    assert.equal(await page.textContent('[data-testid=campaign-unmade]'), 'row 4: the merge field {prenom} is empty in this row');
    const unicode = page.locator('[data-testid=campaign-unicode] li');
    assert.deepEqual(await unicode.allTextContents(), [
      'row 3: 3 SMS in Unicode; {prenom} is “Łukasz” (Ł) Write “Lukasz” instead (smart encoding)',
      'row 6: 3 SMS in Unicode; {prenom} is “🎉 Zoé” (🎉) — no GSM form keeps its meaning.',
    ]);
    await page.click('[data-testid=campaign-unicode] button[data-smart="Lukasz"]');
    await page.locator('[data-testid=campaign-unicode] li').first().filter({ hasText: 'row 6' }).waitFor();
    assert.equal(await unicode.count(), 1);

    const before = (await standinGet(stack, '/__standin/messages')).length;
    await page.click('[data-testid=campaign-send]');
    // The bar still shows the last campaign's end: wait for this one's chunks to be drawn, then done.
    await page.locator('[data-testid=campaign-summary]', { hasText: /^4 to send in 1 chunk/ }).waitFor();
    await page.locator('[data-testid=campaign-chunks][data-state=done] span').first().waitFor({ timeout: 60_000 });
    const sends = (await standinGet(stack, '/__standin/messages')).slice(before);
    const made = (prenom, code) => template.replace('{prenom}', prenom).replace('{code}', code);
    assert.deepEqual(
      sends.flatMap((m) => m.body.SMSList).sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber)),
      [
        { phoneNumber: '+33612345611', message: made('Anne', 'A1') },
        { phoneNumber: '+33612345612', message: made('Lukasz', 'B2') },
        { phoneNumber: '+33612345614', message: made('Marie-Christine-Alexandra de la Fontaine', 'D4') },
        { phoneNumber: '+33612345615', message: made('🎉 Zoé', 'E5') },
      ],
    );
    assert.deepEqual(session.pageErrors, []);
  });

  it('labels every control of the tab and speaks French with the page', async () => {
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('#campaign input, #campaign textarea, #campaign select, #campaign progress')].filter((c) => c.labels.length === 0).map((c) => c.id),
    );
    assert.deepEqual(unlabeled, []);
    await page.click('#lang-fr');
    await page.locator('[data-testid=campaign-send]', { hasText: 'Envoyer en sandbox' }).waitFor();
    await page.click('[data-testid=tab-compose]');
    assert.equal(await page.locator('#compose').isVisible(), true);
    await page.click('#lang-en');
  });
});
