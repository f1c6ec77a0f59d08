// The demo page's Campaign tab in headless Chromium, through the demo stack (the worker in
// workerd with its queue and Durable Objects, the stand-in): a CSV uploaded, invalid, repeated
// and STOP-listed rows shown, a sandbox send drawn chunk by chunk until every chunk is sent.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCsv } from '../../www/campaign.js';
import { openPage, standinGet } from './browser.mjs';

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

  it('reads CSV rows: a header, quotes, a message per row', () => {
    assert.deepEqual(readCsv('number;message\r\n0612345601;"Il a dit ""oui"", merci"\n\n0612345602\n'), [
      { line: 2, phoneNumber: '0612345601', message: 'Il a dit "oui", merci' },
      { line: 4, phoneNumber: '0612345602', message: null },
    ]);
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
    assert.deepEqual(session.pageErrors, []);
  });

  it('labels every control of the tab and speaks French with the page', async () => {
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('#campaign input, #campaign textarea')].filter((c) => c.labels.length === 0).map((c) => c.id),
    );
    assert.deepEqual(unlabeled, []);
    await page.click('#lang-fr');
    await page.locator('[data-testid=campaign-send]', { hasText: 'Envoyer en sandbox' }).waitFor();
    await page.click('[data-testid=tab-compose]');
    assert.equal(await page.locator('#compose').isVisible(), true);
    await page.click('#lang-en');
  });
});
