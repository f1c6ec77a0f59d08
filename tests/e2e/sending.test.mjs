// The compose page's sends without surprises, in headless Chromium: SMS Partner's limits before
// sending, what a sandbox send would cost, failures headed by what happened to the message, no
// send from Enter, a question before a real or a repeated send, and more than 500 numbers.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, openPage, standinGet, standinPost, sentOk } from './browser.mjs';

/** `n` distinct valid French mobile numbers, one a line. */
const mobiles = (n) => Array.from({ length: n }, (_, i) => `06 12 ${String(i).padStart(6, '0').replace(/(\d\d)(?=\d)/g, '$1 ')}`);

describe('sending from the compose page, sandbox off', () => {
  let sms;
  let session;
  let page;
  let stack;

  before(async () => {
    sms = await loadPackage();
    session = await openPage({ locale: 'en-GB' });
    ({ page, stack } = session);
  });

  after(async () => {
    await session?.close();
  });

  const sent = async () => (await standinGet(stack, '/__standin/messages')).length;

  it("refuses SMS Partner's limits before sending: 10 SMS, low cost one SMS", async () => {
    await page.fill('#recipients', '06 12 34 56 78');
    const long = 'Profitez de nos offres exceptionnelles sur toute la boutique. '.repeat(33).slice(0, 2000);
    await page.fill('#message', long);
    assert.ok(sms.analyzeMessage(long, {}).smsCount > 10);
    assert.equal(await page.getAttribute('#issues-message li.error', 'data-code'), 'message_too_long');
    assert.equal(await page.isDisabled('#send'), true);
    assert.doesNotMatch(await page.textContent('#send-hint'), /Ready/);

    const lowCost = 'a'.repeat(200);
    await page.fill('#message', lowCost);
    assert.equal(await page.locator('#issues-message li.error').count(), 0);
    await page.check('#gamme-lowcost');
    assert.equal(await page.getAttribute('#issues-message li.error', 'data-code'), 'low_cost_too_long');
    assert.equal(await page.isDisabled('#send'), true);
    await page.check('#gamme-premium');
    assert.equal(await page.isEnabled('#send'), true);
  });

  it('does not send when Enter is pressed in a one-line field', async () => {
    await page.uncheck('#sandbox');
    await page.fill('#message', 'Vente privée ce soir.');
    const before = await sent();
    const requests = (await standinGet(stack, '/__standin/requests')).total;
    for (const id of ['#sender', '#tag', '#schedule-date']) {
      await page.focus(id);
      await page.keyboard.press('Enter');
    }
    assert.equal(await page.isVisible('#confirm'), false);
    assert.equal(await page.isHidden('#result'), true);
    assert.equal(await sent(), before);
    assert.equal((await standinGet(stack, '/__standin/requests')).total, requests);
  });

  it('asks before a real send, and again before the same message twice', async () => {
    const before = await sent();
    await page.click('#send');
    assert.equal(await page.isVisible('#confirm'), true);
    assert.equal(await page.getAttribute('#confirm', 'data-kind'), 'real');
    assert.match(await page.textContent('#confirm-text'), /1 SMS to 1 recipient will leave and be billed/);
    // Focus starts on Cancel: Enter does not send.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'confirm-cancel');
    await page.keyboard.press('Enter');
    assert.equal(await page.isVisible('#confirm'), false);
    assert.equal(await sent(), before, 'cancelled: nothing sent');

    // Two submits in a row ask once and send once.
    await page.evaluate(() => {
      const form = document.getElementById('compose');
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.click('#confirm-ok');
    await sentOk(page);
    assert.equal(await page.isVisible('#confirm'), false);
    assert.equal(await sent(), before + 1);
    assert.equal(await page.textContent('#result-title'), 'Sent');
    assert.equal(await page.textContent('#result-nb-sms-label'), 'SMS billed');

    // A second click right after: the page asks whether to send the same message again.
    await page.click('#send');
    assert.equal(await page.getAttribute('#confirm', 'data-kind'), 'again');
    assert.match(await page.textContent('#confirm-text'), /just been sent to the same recipients/);
    await page.click('#confirm-cancel');
    assert.equal(await sent(), before + 1, 'not sent twice');

    // Changed, it is a new message: the usual question only.
    await page.fill('#message', 'Vente privée ce soir, 20 h.');
    await page.click('#send');
    assert.equal(await page.getAttribute('#confirm', 'data-kind'), 'real');
    await page.click('#confirm-cancel');
  });

  it("answers each question by its own button, even when the last one's close event comes late", async () => {
    // Cancel, then a new submit in the same task: the first question's close event is still
    // queued when the second opens. It must not answer the second.
    await page.fill('#message', 'Vente privée demain, 9 h.');
    const before = await sent();
    await page.click('#send');
    assert.equal(await page.getAttribute('#confirm', 'data-kind'), 'real');
    await page.evaluate(() => {
      document.getElementById('confirm-cancel').click();
      document.getElementById('compose').requestSubmit();
    });
    assert.equal(await page.isVisible('#confirm'), true);
    await page.click('#confirm-ok');
    // The result of the send before may still read "ok": wait for this send to reach the
    // stand-in (bounded), then for its result.
    for (let i = 0; i < 100 && (await sent()) === before; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await sentOk(page);
    assert.equal(await sent(), before + 1);
  });

  it('shows no empty message id, SMS and cost after a failure', async () => {
    await page.check('#sandbox');
    await standinPost(stack, '/__standin/fault', { kind: 'reject', times: 1 });
    await page.click('#send');
    await page.locator('#result[data-state="error"]').waitFor();
    assert.equal(await page.isVisible('#result-error'), true);
    assert.equal(await page.isVisible('#result-details'), false);
    assert.equal(await page.isVisible('#result-message-id'), false);
  });

  it('heads a failure by what happened to the message, in the page language', async () => {
    // A 429: refused, nothing sent, safe to try later.
    await standinPost(stack, '/__standin/fault', { kind: 'status429', times: 1 });
    await page.click('#send');
    await page.locator('#result[data-state="error"]').waitFor();
    assert.equal(await page.getAttribute('#result', 'data-outcome'), 'notSent');
    assert.equal(await page.textContent('#result-title'), 'Not sent');
    assert.match(await page.textContent('#result-error'), /limiting the request rate: nothing was sent/);
    // No empty "Message id / SMS billed / Cost" after a failure.
    assert.equal(await page.isVisible('#result-details'), false);

    // A broken answer: it may have left.
    await standinPost(stack, '/__standin/fault', { kind: 'brokenJson', times: 1 });
    await page.click('#send');
    await page.locator('#result[data-outcome="maybe"]').waitFor();
    assert.equal(await page.textContent('#result-title'), 'May have been sent: check before sending it again');
    assert.equal(await page.isVisible('#result-details'), false);
    const detail = await page.getAttribute('#result-error', 'data-detail');
    assert.ok(detail.length > 0, 'the worker said something');
    assert.ok((await page.textContent('#result-error')).includes(detail), 'in English, its words are shown');

    await page.click('#lang-fr');
    assert.equal(await page.textContent('#result-title'), 'Peut-être envoyé : vérifiez avant de le renvoyer');
    const french = await page.textContent('#result-error');
    assert.ok(!french.includes(detail), `no English detail in French: ${french}`);
    assert.match(french, /vérifiez avant de le renvoyer/);
    await page.click('#lang-en');
  });

  it('says what a sandbox send would have cost, not what was billed', async () => {
    await page.click('#send');
    await sentOk(page);
    const stored = (await standinGet(stack, '/__standin/messages')).at(-1);
    assert.equal(stored.sandbox, true);
    assert.match(await page.textContent('#result-title'), /nothing was sent or billed/);
    assert.equal(await page.textContent('#result-nb-sms-label'), 'SMS it would bill');
    assert.equal(await page.textContent('#result-cost-label'), 'It would cost');
    assert.equal(await page.textContent('#result-nb-sms'), String(stored.nbSms));
    await page.click('#lang-fr');
    assert.equal(await page.textContent('#result-nb-sms-label'), 'SMS qui seraient facturés');
    await page.click('#lang-en');
  });

  it('offers more than 500 numbers as a bulk send, after one click removes the invalid ones', async () => {
    const numbers = mobiles(600);
    const message = 'Vente privée ce soir.';
    await page.fill('#message', message);
    await page.fill('#recipients', [...numbers.slice(0, 300), '12345', '+33 1', ...numbers.slice(300)].join('\n'));
    assert.equal(await page.getAttribute('#recipients-count', 'data-count'), '600');
    assert.equal(await page.textContent('#remove-invalid'), 'Remove the 2 invalid numbers');
    assert.equal(await page.isVisible('#bulk-offer'), false, 'the invalid numbers come first');

    await page.click('#remove-invalid');
    const left = (await page.inputValue('#recipients')).split('\n');
    assert.equal(left.length, 600);
    assert.ok(!left.includes('12345') && !left.includes('+33 1'));
    assert.equal(await page.isVisible('#remove-invalid'), false);
    assert.equal(await page.getAttribute('#recipients-invalid-count', 'data-count'), '0');

    // Not a dead end: the offer says how, and the send hint points at it.
    assert.equal(await page.isVisible('#bulk-offer'), true);
    assert.match(await page.textContent('#bulk-text'), /^600 recipients: one send takes at most 500\. Send them in bulk instead: 2 sends/);
    assert.match(await page.textContent('#send-hint'), /in bulk/);
    assert.doesNotMatch(await page.textContent('#send-hint'), /red/);
    assert.equal(await page.textContent('#send-bulk'), 'Send to the 600 recipients in bulk, in sandbox');

    const before = await standinGet(stack, '/__standin/messages');
    await page.click('#send-bulk');
    assert.equal(await page.getAttribute('#confirm', 'data-kind'), 'bulk');
    assert.match(await page.textContent('#confirm-text'), /^600 recipients in 2 sends, 600 SMS in all\.$/);
    await page.click('#confirm-ok');
    await page.locator('#result[data-outcome="sent"]').waitFor();
    const after = await standinGet(stack, '/__standin/messages');
    const bulks = after.slice(before.length);
    assert.deepEqual(bulks.map((m) => m.kind), ['bulk', 'bulk'], 'one bulk call per 500');
    assert.ok(bulks.every((m) => m.sandbox === true));
    const sentTo = bulks.flatMap((m) => m.body.SMSList.map((item) => item.phoneNumber));
    assert.equal(sentTo.length, 600);
    assert.equal(new Set(sentTo).size, 600, 'each number once');
    assert.ok(bulks.every((m) => m.body.SMSList.every((item) => item.message === message)));
    assert.equal(
      await page.textContent('#result-title'),
      'Accepted in sandbox for 600 recipients in 2 sends: nothing was sent or billed. A real send would bill:',
    );
    assert.equal(await page.textContent('#result-nb-sms'), String(bulks.reduce((sum, m) => sum + m.nbSms, 0)));
    assert.equal(await page.textContent('#result-nb-sms-label'), 'SMS it would bill');
  });

  it('raised no error in the page', () => {
    assert.deepEqual(session.pageErrors.map(String), []);
  });
});
