// The compose page after a send, in headless Chromium against the worker and the stand-in:
// the credits in the header, a status watched until delivered, a reply shown, a scheduled send
// cancelled, in English and in French.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, parisDate, standinGet, standinPost } from './browser.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('compose page after the send', () => {
  let session;
  let page;
  let stack;

  before(async () => {
    session = await openPage({ locale: 'en-GB' });
    ({ page, stack } = session);
  });
  after(async () => {
    await session?.close();
  });

  const creditSms = () => page.locator('#credits').getAttribute('data-credit-sms');

  it('shows the credits, watches the status reach delivered, and shows a reply', async () => {
    await page.waitForFunction(() => document.getElementById('credits').dataset.creditSms === '10000');
    // Delivered 2.5 s after the send: the page sees "waiting" first.
    await standinPost(stack, '/__standin/delivery', { outcome: 'Delivered', afterMs: 2500 });
    // Out of the sandbox (the stand-in bills, nothing leaves this machine): the credits go down.
    await page.setChecked('#sandbox', false);
    await page.fill('#recipients', '06 12 34 56 78');
    await page.fill('#message', 'Bonjour ! Venez-vous demain ?');
    await page.click('#send');
    await page.click('#confirm-ok'); // a real send is confirmed
    await page.locator('#result[data-state="ok"]').waitFor();
    const row = page.locator('#tracking-list li[data-number="+33612345678"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'waiting');
    await page.locator('#tracking-list li[data-status="delivered"]').waitFor();
    assert.match(await row.textContent(), /Delivered/);
    await page.waitForFunction(() => document.getElementById('credits').dataset.creditSms === '9999');

    const [sent] = await standinGet(stack, '/__standin/messages');
    assert.match(sent.body.urlResponse, /\/webhooks\/replies$/);
    const posted = await standinPost(stack, '/__standin/reply', { messageId: sent.messageId, phoneNumber: '0612345678', text: 'Oui, merci !', via: 'short' });
    assert.equal(posted.posted[0].status, 200);
    await page.locator('#replies-list li[data-kind="reply"]').waitFor();
    assert.match(await page.locator('#replies-list').textContent(), /\+33612345678.*Oui, merci !/);

    await page.click('[data-lang="fr"]');
    assert.match(await row.textContent(), /Remis/);
    await page.click('[data-lang="en"]');
  });

  it('cancels a scheduled send, the button on only while it is in time', async () => {
    const tomorrow = parisDate(new Date(Date.now() + DAY_MS));
    await page.fill('#message', 'Rappel : votre rendez-vous.');
    await page.fill('#schedule-date', tomorrow.wire);
    await page.selectOption('#schedule-hour', '10');
    await page.click('#send');
    await page.click('#confirm-ok');
    await page.locator('#cancel-send:not([hidden])').waitFor();
    await page.waitForFunction(() => {
      const list = document.querySelectorAll('#tracking-list li');
      return list.length === 1 && !document.getElementById('cancel-send').disabled;
    });
    assert.match(await page.locator('#tracking-note').textContent(), /Scheduled for/);
    await page.click('#cancel-send');
    await page.locator('#cancel-result[data-state="cancelled"]').waitFor();
    assert.equal(await page.locator('#cancel-send').isDisabled(), true);
    const messages = await standinGet(stack, '/__standin/messages');
    const scheduled = messages.at(-1);
    assert.equal(scheduled.scheduled, true);
    assert.equal(scheduled.cancelled, true);
    assert.equal(scheduled.body.scheduledDeliveryDate, tomorrow.wire);
    // The credits of the cancelled send come back.
    await page.waitForFunction(() => document.getElementById('credits').dataset.creditSms === '9999');
    assert.equal(await creditSms(), '9999');
    assert.deepEqual(session.pageErrors, []);
  });
});
