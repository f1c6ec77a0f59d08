// The compose page end to end in headless Chromium: typing with the live read-out, recipients,
// a commercial schedule on a Sunday, a sandbox send through the edge worker to the stand-in,
// and refusals shown where they belong.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countMessage } from '../../tools/standin/sms-count.mjs';
import { loadPackage, openPage, parisDate, standinGet, standinPost, sentOk } from './browser.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

// Typed one character at a time: accents GSM-7 carries (é, à), characters SMS Partner replaces
// ([ ] and later À), an emoji GSM-7 cannot carry; INTRO + FILLER bill exactly 160 characters,
// so that the space typed after them opens a second SMS.
const INTRO = 'Bonjour Zoé ! Votre RDV [kiné] est confirmé 🙂 ';
const FILLER =
  "Pensez à votre carte Vitale et à l'ordonnance. Annulation gratuite jusqu'à 24 heures avant le rendez-vous. Merci !";
const OUTRO = ' À lundi.';

const PASTED = '06 12 34 56 78\n+33 7 98 76 54 32, 0612345678, 12345';
const FIXED = '06 12 34 56 78\n+33 7 98 76 54 32, 0612345678, +262 692 12 34 56';
const FIXED_E164 = '+33612345678,+33798765432,+262692123456';

describe('compose page', () => {
  let sms;
  let session;
  let page;
  let stack;
  let message = '';
  let sunday;

  before(async () => {
    sms = await loadPackage();
    // Chromium in New York and in French: the page must count Paris time and follow the browser.
    session = await openPage({ locale: 'fr-FR', timezoneId: 'America/New_York' });
    ({ page, stack } = session);
  });

  after(async () => {
    await session?.close();
  });

  /** What the read-out and the highlights show right now. */
  const readOut = () =>
    page.evaluate(() => {
      const $ = (id) => document.getElementById(id);
      return {
        encoding: $('readout-encoding').textContent,
        characters: Number($('readout-characters').dataset.characters),
        charactersText: $('readout-characters').textContent,
        smsCount: Number($('readout-sms').textContent),
        remaining: Number($('readout-remaining').textContent),
        replaced: $('message-mirror').querySelectorAll('mark.rep').length,
        unsupported: $('message-mirror').querySelectorAll('mark.bad').length,
        cuts: $('message-mirror').querySelectorAll('.cut').length,
        parts: Number($('preview-parts').dataset.parts),
      };
    });

  /** Types one character and checks the read-out against the package computed in Node. */
  async function typeAndCheck(char) {
    await page.locator('#message').pressSequentially(char);
    message += char;
    const expected = sms.analyzeMessage(message, {});
    const shown = await readOut();
    const where = `after typing ${JSON.stringify(message.slice(-12))} (${message.length} code units)`;
    assert.equal(shown.characters, expected.characters, `characters ${where}`);
    assert.equal(shown.smsCount, expected.smsCount, `SMS count ${where}`);
    assert.equal(shown.remaining, expected.remaining, `remaining ${where}`);
    assert.equal(shown.encoding, expected.encoding, `encoding ${where}`);
    assert.equal(shown.replaced, expected.replacements.length, `highlighted replacements ${where}`);
    assert.equal(shown.unsupported, expected.unsupported.length, `highlighted unsupported ${where}`);
    assert.equal(shown.parts, expected.smsCount, `preview parts ${where}`);
    return { shown, expected };
  }

  it('opens in the browser language and switches language', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.textContent('h1'), 'Rédiger un SMS');
    assert.equal(await page.getAttribute('#mode', 'data-mode'), 'standin');
    assert.equal(await page.getAttribute('#lang-fr', 'aria-pressed'), 'true');
    await page.click('#lang-en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('h1'), 'Compose an SMS');
    assert.equal(await page.getAttribute('#lang-en', 'aria-pressed'), 'true');
    assert.equal(await page.isDisabled('#send'), true, 'nothing to send yet');
    assert.equal(await page.isChecked('#sandbox'), true, 'the sandbox starts on');
  });

  it('counts, highlights and previews the message on every keystroke', async () => {
    for (const char of INTRO) await typeAndCheck(char);

    // `[` and `]` are sent as `(` and `)`: highlighted in place and shown struck out under the box.
    const firstRep = page.locator('#message-mirror mark.rep').first();
    assert.equal(await firstRep.textContent(), '[');
    assert.equal(await firstRep.getAttribute('data-replacement'), '(');
    assert.equal(await firstRep.getAttribute('data-index'), String(INTRO.indexOf('[')));
    const sentAs = page.locator('#sentas-text .rep').first();
    assert.equal(await sentAs.locator('del').textContent(), '[');
    assert.equal(await sentAs.locator('ins').textContent(), '(');
    // The emoji cannot travel in GSM-7: flagged, with the way out.
    assert.equal(await page.isVisible('#unsupported'), true);
    assert.match(await page.textContent('#unsupported-text'), /🙂.*Unicode/);
    assert.equal(await page.isVisible('#enable-unicode'), true);

    // Plain text up to 160 characters, one keystroke at a time.
    assert.equal(sms.analyzeMessage(INTRO + FILLER, {}).characters, 160, 'test text bills 160');
    let shown;
    for (const char of FILLER) ({ shown } = await typeAndCheck(char));
    assert.equal(shown.characters, 160);
    assert.equal(shown.smsCount, 1);
    assert.equal(shown.remaining, 0);
    assert.equal(shown.charactersText, '160 / 160');
    assert.equal(shown.cuts, 0);

    ({ shown } = await typeAndCheck(OUTRO[0]));
    assert.equal(shown.characters, 161);
    assert.equal(shown.smsCount, 2);
    assert.equal(shown.charactersText, '161 / 306');
    assert.equal(shown.cuts, 1, 'the start of SMS 2 is marked in the box');
    const parts = sms.splitMessage(message, {});
    assert.equal(await page.getAttribute('#message-mirror .cut', 'data-part'), '2');
    assert.equal(await page.textContent('#message-mirror .cut'), parts[1]);

    // The phone preview: one segment per SMS, replacements applied, together the whole preview.
    const segments = await page.locator('#preview-parts .segment-text').allTextContents();
    assert.equal(segments.length, 2);
    assert.equal(segments.join(''), sms.analyzeMessage(message, {}).preview);
    assert.ok(segments[0].includes('(kiné)') && segments[0].includes('?'), segments[0]);
    assert.match(await page.textContent('#preview-parts'), /SMS 2 of 2/);

    // Back under the boundary and over it again.
    await page.locator('#message').press('Backspace');
    assert.equal((await readOut()).smsCount, 1);
    assert.equal((await readOut()).cuts, 0);
    message = message.slice(0, -1);
    for (const char of OUTRO) await typeAndCheck(char);
    assert.equal(await page.locator('#message-mirror mark.rep').last().getAttribute('data-replacement'), 'A');

    // The stand-in's independent counter agrees with the page.
    const oracle = countMessage(message, {});
    assert.equal((await readOut()).characters, oracle.characters);
    assert.equal((await readOut()).smsCount, oracle.smsCount);

    // Unicode on: UCS-2, 70/67 per SMS, nothing replaced; off again.
    await page.click('#enable-unicode');
    assert.equal(await page.isChecked('#unicode'), true);
    const unicode = sms.analyzeMessage(message, { isUnicode: true });
    const inUnicode = await readOut();
    assert.equal(inUnicode.encoding, 'UCS-2');
    assert.equal(inUnicode.characters, unicode.characters);
    assert.equal(inUnicode.smsCount, unicode.smsCount);
    assert.equal(inUnicode.replaced, 0);
    assert.equal(await page.isVisible('#unsupported'), false);
    assert.equal(
      await page.getAttribute('#issues-isUnicode li.warning', 'data-code'),
      'unicode_needs_activation',
    );
    await page.uncheck('#unicode');
    assert.equal((await readOut()).encoding, 'GSM-7');
  });

  it('lists each invalid number with its reason, flags duplicates, then takes the fix', async () => {
    await page.focus('#recipients');
    await page.keyboard.insertText(PASTED); // one input event, as a paste
    const report = sms.parsePhoneNumbers(PASTED.split(/[\n,]/), { lang: 'en' });
    assert.equal(await page.getAttribute('#recipients-count', 'data-count'), '2');
    assert.equal(await page.textContent('#recipients-count'), '2 valid numbers');
    assert.equal(await page.textContent('#recipients-invalid-count'), '1 invalid number');
    const invalid = page.locator('#recipients-invalid li');
    assert.equal(await invalid.count(), 1);
    assert.equal(await invalid.getAttribute('data-input'), '12345');
    assert.equal(await invalid.locator('.reason').textContent(), report.invalid[0].reason);
    assert.ok(report.invalid[0].reason.length > 10);
    assert.match(await page.textContent('#recipients-duplicates'), /\+33612345678/);
    assert.equal(await page.getAttribute('#recipients', 'aria-invalid'), 'true');
    assert.equal(await page.isDisabled('#send'), true);
    // Total SMS: distinct valid recipients × SMS per recipient.
    assert.equal(
      await page.getAttribute('#readout-total', 'data-total'),
      String(2 * sms.analyzeMessage(message, {}).smsCount),
    );

    await page.fill('#recipients', FIXED);
    assert.equal(await page.getAttribute('#recipients-count', 'data-count'), '3');
    assert.equal(await page.locator('#recipients-invalid li').count(), 0);
    assert.equal(await page.getAttribute('#recipients', 'aria-invalid'), 'false');
    assert.equal(await page.isEnabled('#send'), true);
    assert.equal(await page.getAttribute('#send-hint', 'data-valid'), 'true');
  });

  it('checks the sender next to its field', async () => {
    await page.fill('#sender', 'Dr');
    assert.equal(await page.getAttribute('#issues-sender li.error', 'data-code'), 'sender_too_short');
    assert.equal(await page.getAttribute('#sender', 'aria-invalid'), 'true');
    assert.equal(await page.isDisabled('#send'), true);
    await page.fill('#sender', 'DrLefevre');
    assert.equal(await page.locator('#issues-sender li').count(), 0);
    assert.equal(await page.textContent('#preview-sender'), 'DrLefevre');
    assert.equal(await page.isEnabled('#send'), true);
  });

  it('schedules a commercial message on a Sunday and says when it really leaves', async () => {
    // The first Sunday at least two days ahead whose Monday is a working day.
    for (let at = Date.now() + 2 * DAY_MS; ; at += DAY_MS) {
      const day = parisDate(new Date(at));
      const monday = parisDate(new Date(at + DAY_MS));
      if (day.weekday === 'Sun' && !sms.isFrenchPublicHoliday(monday.iso)) {
        sunday = { ...day, monday };
        break;
      }
    }
    await page.check('#commercial');
    assert.equal(
      await page.getAttribute('#issues-isStopSms li.warning', 'data-code'),
      'stop_mention_missing',
    );
    await page.check('#stop');
    assert.equal(await page.locator('#issues-isStopSms li').count(), 0);
    await page.fill('#schedule-date', sunday.wire);
    await page.selectOption('#schedule-hour', '10');
    await page.selectOption('#schedule-minute', '30');

    const expected = sms.validateSendRequest(
      { phoneNumbers: FIXED_E164, message, scheduledDeliveryDate: sunday.wire, time: 10, minute: 30, isStopSms: 1 },
      { requireApiKey: false, commercial: true },
    );
    assert.equal(await page.getAttribute('#delivery-time', 'data-delayed'), 'true');
    assert.equal(await page.getAttribute('#delivery-time', 'data-delivery-time'), expected.deliveryTime);
    const mondayDay = String(Number(sunday.monday.iso.slice(8)));
    const text = await page.textContent('#delivery-time');
    assert.match(text, /Monday/);
    assert.match(text, /08:00/);
    assert.ok(text.includes(` ${mondayDay} `), `${text} names the day ${mondayDay}`);
    assert.equal(
      await page.getAttribute('#issues-scheduledDeliveryDate li.warning', 'data-code'),
      'quiet_hours_delay',
    );
    assert.match(await page.textContent('#issues-scheduledDeliveryDate'), /Sunday/);

    await page.click('#lang-fr');
    const french = await page.textContent('#delivery-time');
    assert.match(french, /lundi/);
    assert.match(french, /08:00/);
    assert.match(await page.textContent('#issues-scheduledDeliveryDate'), /dimanche/);
    await page.click('#lang-en');
    assert.equal(await page.isEnabled('#send'), true);
  });

  it('sends in sandbox and shows the message id the stand-in assigned', async () => {
    const before = await standinGet(stack, '/__standin/messages');
    await page.click('#send');
    await sentOk(page);
    const after = await standinGet(stack, '/__standin/messages');
    assert.equal(after.length, before.length + 1, 'exactly one message sent');
    const stored = after.at(-1);
    assert.equal(await page.textContent('#result-message-id'), String(stored.messageId));
    assert.equal(await page.textContent('#result-nb-sms'), String(stored.nbSms));
    assert.match(await page.textContent('#result-cost'), /€/);
    assert.match(await page.textContent('#result-title'), /sandbox/i);

    assert.equal(stored.sandbox, true);
    const { body } = stored;
    assert.equal(body.apiKey, undefined);
    assert.equal(body.message, message);
    assert.equal(body.phoneNumbers, FIXED_E164);
    assert.equal(body.sender, 'DrLefevre');
    assert.equal(body.scheduledDeliveryDate, sunday.wire);
    assert.equal(Number(body.time), 10);
    assert.equal(Number(body.minute), 30);
    assert.equal(Number(body.isStopSms), 1);
    assert.equal(Number(body.sandbox), 1);
    const perRecipient = sms.analyzeMessage(message, { isStopSms: true }).smsCount;
    assert.equal(stored.nbSms, 3 * perRecipient);
  });

  it('shows a failed send without sending twice', async () => {
    const before = await standinGet(stack, '/__standin/messages');
    await standinPost(stack, '/__standin/fault', { kind: 'status500', times: 1 });
    await page.click('#send');
    await page.locator('#result[data-state="error"]').waitFor();
    assert.equal(await page.isVisible('#result-error'), true);
    assert.equal(await page.getAttribute('#result-error', 'data-kind'), 'http');
    const text = await page.textContent('#result-error');
    assert.match(text, /500/);
    // An unexpected answer leaves the outcome open: the page says so instead of sending again.
    assert.equal(await page.getAttribute('#result-error', 'data-may-have-been-sent'), 'true');
    assert.match(text, /check before sending it again/);
    assert.equal((await standinGet(stack, '/__standin/messages')).length, before.length);
    assert.equal(await page.isEnabled('#send'), true, 'the person may try again');
  });

  it("shows SMS Partner's per-field refusal next to the field it names", async () => {
    // SMS Partner refuses what only it can check: the stand-in's `reject` fault answers code 9
    // with these per-field errors, through the worker, as SMS Partner would.
    const errors = [
      { elementId: 'children[sender].data', message: 'This sender is not allowed on your account' },
      { elementId: 'children[urlDlr].data', message: 'This value is not a valid URL.' },
    ];
    const before = (await standinGet(stack, '/__standin/requests')).byPath['/v1/send'] ?? 0;
    await standinPost(stack, '/__standin/fault', { kind: 'reject', times: 1, errors });
    await page.click('#send');
    await page.locator('#result[data-state="error"]').waitFor();
    const after = (await standinGet(stack, '/__standin/requests')).byPath['/v1/send'] ?? 0;
    assert.equal(after - before, 1, 'SMS Partner was asked once');
    assert.equal(await page.getAttribute('#result-error', 'data-kind'), 'api');
    assert.match(await page.textContent('#result-error'), /code 9/);
    const sender = page.locator('#issues-sender li.server');
    assert.equal(await sender.getAttribute('data-source'), 'api');
    assert.equal(await sender.textContent(), 'SMS Partner: This sender is not allowed on your account');
    assert.equal(await page.getAttribute('#sender', 'aria-invalid'), 'true');
    // A field the form has no place for is listed above the send button, by name.
    assert.match(await page.textContent('#issues-request li.server'), /urlDlr: This value is not a valid URL\./);

    await page.fill('#sender', 'Cabinet');
    assert.equal(await page.locator('#issues-sender li').count(), 0);
    assert.equal(await page.getAttribute('#sender', 'aria-invalid'), 'false');
  });

  it("shows the worker's own refusal next to the field it names", async () => {
    // The computer's clock is three days late: the page takes yesterday noon for the future, the
    // worker (whose clock decides) does not.
    await session.context.clock.setFixedTime(new Date(Date.now() - 3 * DAY_MS));
    const late = await session.context.newPage();
    try {
      await late.goto(stack.pageUrl);
      await late.locator('#compose[data-ready="true"]').waitFor();
      const yesterday = parisDate(new Date(Date.now() - DAY_MS));
      await late.fill('#recipients', '06 12 34 56 78');
      await late.fill('#message', 'Rappel : votre rendez-vous.');
      await late.fill('#schedule-date', yesterday.wire);
      await late.selectOption('#schedule-hour', '12');
      assert.equal(await late.locator('#issues-scheduledDeliveryDate li').count(), 0);
      assert.equal(await late.isEnabled('#send'), true);
      // Sends only: the page also asks for the credits.
      const sends = async () => (await standinGet(stack, '/__standin/requests')).byPath['/v1/send'] ?? 0;
      const requestsBefore = await sends();

      await late.click('#send');
      await late.locator('#result[data-state="error"]').waitFor();
      assert.equal(await late.getAttribute('#result-error', 'data-kind'), 'validation');
      const issue = late.locator('#issues-scheduledDeliveryDate li.server');
      assert.equal(await issue.count(), 1);
      assert.equal(await issue.getAttribute('data-source'), 'server');
      assert.equal(await issue.getAttribute('data-code'), 'schedule_in_past');
      assert.ok((await issue.textContent()).includes(yesterday.wire));
      assert.equal(await late.getAttribute('#schedule-date', 'aria-invalid'), 'true');
      assert.equal(await sends(), requestsBefore, 'SMS Partner was not called');

      // Changing the schedule withdraws the refusal.
      await late.selectOption('#schedule-hour', '13');
      assert.equal(await late.locator('#issues-scheduledDeliveryDate li.server').count(), 0);
    } finally {
      await late.close();
    }
  });

  it('raised no error in the page', () => {
    assert.deepEqual(session.pageErrors.map(String), []);
  });
});
