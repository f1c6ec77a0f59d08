// The compose page after a send, in headless Chromium against the worker and the stand-in:
// the credits in the header, a status watched until delivered, a reply shown, a scheduled send
// cancelled, the Cancel button off inside the last 5 minutes, in English and in French.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, parisDate, standinGet, standinPost, sentOk } from './browser.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** The instant of `hour`:00 in Paris on the Paris day `iso` (YYYY-MM-DD), summer or winter. */
function parisInstant(iso, hour) {
  const hh = String(hour).padStart(2, '0');
  const parisHour = (ms) =>
    Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(ms));
  const found = ['+01:00', '+02:00'].map((offset) => Date.parse(`${iso}T${hh}:00:00${offset}`)).find((ms) => parisHour(ms) === hour);
  assert.ok(found !== undefined, `${iso} ${hour}:00 in Paris`);
  return found;
}

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
    await sentOk(page);
    const row = page.locator('#tracking-list li[data-number="+33612345678"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'waiting');
    await page.locator('#tracking-list li[data-status="delivered"]').waitFor();
    assert.match(await row.textContent(), /Delivered/);
    await page.waitForFunction(() => document.getElementById('credits').dataset.creditSms === '9999');

    const [sent] = await standinGet(stack, '/__standin/messages');
    assert.equal(sent.body.urlResponse, `${stack.workerUrl}/webhooks/replies?token=${stack.replyToken}`);
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

  it('turns Cancel off once the package\'s cancel deadline has passed, without a call', async () => {
    // A page of its own whose clock the test moves (Playwright's fake clock, running from now).
    const clocked = await session.context.newPage();
    const errors = [];
    clocked.on('pageerror', (error) => errors.push(error));
    try {
      await clocked.clock.install();
      await clocked.goto(stack.pageUrl);
      await clocked.locator('#compose[data-ready="true"]').waitFor();
      const tomorrow = parisDate(new Date(Date.now() + DAY_MS));
      await clocked.setChecked('#sandbox', false);
      await clocked.fill('#recipients', '06 12 34 56 78');
      await clocked.fill('#message', 'Rappel : votre rendez-vous.');
      await clocked.fill('#schedule-date', tomorrow.wire);
      await clocked.selectOption('#schedule-hour', '10');
      await clocked.click('#send');
      await clocked.click('#confirm-ok');
      await clocked.locator('#cancel-send:not([hidden])').waitFor();
      await clocked.waitForFunction(() => !document.getElementById('cancel-send').disabled);
      const sendAt = parisInstant(tomorrow.iso, 10);
      // Six minutes before the send: still in time.
      await clocked.clock.fastForward(sendAt - 6 * MINUTE_MS - (await clocked.evaluate(() => Date.now())));
      assert.equal(await clocked.locator('#cancel-send').isDisabled(), false);
      // Four minutes before: the deadline's timer has turned the button off, with the reason.
      await clocked.clock.fastForward(2 * MINUTE_MS);
      await clocked.waitForFunction(() => document.getElementById('cancel-send').disabled);
      assert.match(await clocked.locator('#cancel-send').getAttribute('title'), /less than 5 minutes/);
      await clocked.locator('#cancel-send').click({ force: true });
      const last = (await standinGet(stack, '/__standin/messages')).at(-1);
      assert.equal(last.scheduled, true);
      assert.ok(!last.cancelled, 'no cancel reached SMS Partner');
      assert.equal(await clocked.locator('#cancel-result').getAttribute('data-state'), '');
      assert.deepEqual(errors, []);
    } finally {
      await clocked.close();
    }
  });
});
