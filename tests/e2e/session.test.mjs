// The compose page behind Cloudflare Access, in headless Chromium: who is signed in and what is
// left of their day, the destinations the worker allows refused before sending, the day's limit
// as the worker counts it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, sentOk } from './browser.mjs';
import { DEMO_USER } from '../../tools/demo/stack.mjs';

describe('the compose page behind Access', () => {
  let session;
  let page;

  before(async () => {
    session = await openPage({ locale: 'en-GB' }, { workerBindings: { DAILY_SMS_LIMIT_PER_CALLER: '3' } });
    ({ page } = session);
  });
  after(async () => {
    await session?.close();
  });

  it('shows who is signed in, what is left of the day and what the account spent last month', async () => {
    await page.locator('#session[data-state="signedIn"][data-spent="0"]').waitFor();
    assert.equal(await page.textContent('#session'), `Signed in as ${DEMO_USER.email} · 3 of 3 SMS left today · last month 0 SMS, €0.00`);
    await page.click('#lang-fr');
    // French writes a no-break space before the euro sign (which one depends on ICU's version).
    const french = await page.textContent('#session');
    assert.ok(french.startsWith(`Connecté·e : ${DEMO_USER.email} · reste 3 SMS sur 3 aujourd’hui · le mois dernier 0 SMS, `), french);
    assert.match(french, /, 0,00[\u00a0\u202f]€$/);
    await page.click('#lang-en');
  });

  it('refuses an international network and a country outside the allowed ones before sending', async () => {
    await page.fill('#message', 'Vente privée ce soir.');
    for (const [number, region] of [['+882351234567', '001'], ['+225 07 01 23 45 67', 'CI']]) {
      await page.fill('#recipients', number);
      await page.locator('#recipients-invalid li[data-code="destination_not_allowed"]').waitFor();
      assert.match(await page.textContent('#recipients-invalid li .reason'), new RegExp(region));
      assert.equal(await page.getAttribute('#issues-phoneNumbers li.error', 'data-code'), 'destination_not_allowed');
      assert.equal(await page.isDisabled('#send'), true);
    }
    await page.fill('#recipients', '0690 12 34 56');
    assert.equal(await page.locator('#issues-phoneNumbers li.error').count(), 0);
    assert.equal(await page.isEnabled('#send'), true);
  });

  it('counts a real send against the day, and says when the limit is reached', async () => {
    await page.uncheck('#sandbox');
    await page.fill('#recipients', '06 12 34 56 78, 06 12 34 56 79');
    await page.click('#send');
    await page.click('#confirm-ok');
    await sentOk(page);
    await page.locator('#session[data-left="1"]').waitFor();
    assert.match(await page.textContent('#session'), /1 of 3 SMS left today/);
    await page.fill('#message', 'Vente privée ce soir, 20 h.');
    await page.click('#send');
    await page.click('#confirm-ok');
    await page.locator('#result[data-state="error"]').waitFor();
    assert.equal(await page.getAttribute('#result', 'data-outcome'), 'notSent');
    assert.match(await page.textContent("#result-error"), /daily SMS limit is reached/);
  });
});
