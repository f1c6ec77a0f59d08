// The compose page's qualities apart from the send scenario: both languages complete, labels and
// live regions, keyboard use, a phone-sized screen, and the cost of the read-out per keystroke.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, textKeys } from '../../www/i18n.js';
import { openPage, standinGet, sentOk } from './browser.mjs';

describe('compose page on a desktop, in English', () => {
  let session;
  let page;

  before(async () => {
    session = await openPage({ locale: 'en-US' });
    ({ page } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('defaults to English for an English browser', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getAttribute('#lang-en', 'aria-pressed'), 'true');
  });

  it('has every text in both languages', async () => {
    const [en, ...others] = LANGS.map((lang) => textKeys(lang).sort());
    for (const keys of others) assert.deepEqual(keys, en);
    for (const lang of LANGS) {
      await page.click(`#lang-${lang}`);
      const missing = await page.evaluate(() =>
        [...document.querySelectorAll('[data-i18n]')]
          .filter((node) => node.textContent.trim() === '' || node.textContent === node.dataset.i18n)
          .map((node) => node.dataset.i18n),
      );
      assert.deepEqual(missing, [], `texts missing in ${lang}`);
    }
    await page.click('#lang-en');
  });

  it('labels every control and announces the read-out', async () => {
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((control) => control.labels.length === 0)
        .map((control) => control.id),
    );
    assert.deepEqual(unlabeled, []);
    const brokenReferences = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-describedby]')].flatMap((node) =>
        node
          .getAttribute('aria-describedby')
          .split(/\s+/)
          .filter((id) => !document.getElementById(id))
          .map((id) => `${node.id} → ${id}`),
      ),
    );
    assert.deepEqual(brokenReferences, []);
    assert.equal(await page.getAttribute('#readout', 'aria-live'), 'polite');
    assert.equal(await page.getAttribute('#result', 'aria-live'), 'polite');
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((node) => node.id));
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const before = await standinGet(session.stack, '/__standin/messages');
    await page.focus('#recipients');
    await page.keyboard.type('0612345678');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'message');
    await page.keyboard.type('Hello [team]');
    // Tab on to the STOP mention, tick it with the space bar.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement.id)) === 'stop') break;
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'stop');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#stop'), true);
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement.id)) === 'send') break;
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'send');
    await page.keyboard.press('Enter');
    await sentOk(page);
    const after = await standinGet(session.stack, '/__standin/messages');
    assert.equal(after.length, before.length + 1);
    assert.equal(after.at(-1).body.message, 'Hello [team]');
    assert.equal(await page.textContent('#result-message-id'), String(after.at(-1).messageId));
  });

  it('lays the highlight mirror exactly under the message box', async () => {
    await page.fill('#message', `Début [${'Une ligne assez longue pour passer à la suivante. '.repeat(12)}] fin ^`);
    const box = await page.evaluate(() => {
      const area = document.getElementById('message');
      const mirror = document.getElementById('message-mirror');
      area.scrollTop = 40;
      area.dispatchEvent(new Event('scroll'));
      const a = area.getBoundingClientRect();
      const m = mirror.getBoundingClientRect();
      return {
        same: [a.left === m.left, a.top === m.top, a.width === m.width, a.height === m.height],
        clientWidth: [area.clientWidth, mirror.clientWidth],
        scrollHeight: [area.scrollHeight, mirror.scrollHeight],
        scrollTop: [area.scrollTop, mirror.scrollTop],
      };
    });
    assert.deepEqual(box.same, [true, true, true, true]);
    assert.equal(box.clientWidth[0], box.clientWidth[1], 'same width for the text: same line breaks');
    assert.equal(box.scrollHeight[0], box.scrollHeight[1], 'same height of text');
    assert.ok(box.scrollTop[0] > 0);
    assert.equal(box.scrollTop[1], box.scrollTop[0], 'scrolls with the box');
  });

  it('updates the read-out once per keystroke (its time in the diagnostics; speed is measured by scripts/bench)', async (t) => {
    await page.fill('#message', '');
    await page.evaluate(() => performance.clearMeasures('compose-update'));
    const text = 'Les soldes [jusqu’à -50 %] commencent mercredi ! 🎉 '.repeat(4);
    await page.locator('#message').pressSequentially(text);
    const durations = await page.evaluate(() =>
      performance.getEntriesByName('compose-update').map((entry) => entry.duration),
    );
    // One update per input event (keystrokes, plus the `fill` above, cleared before).
    assert.equal(durations.length, [...text].length);
    durations.sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)];
    t.diagnostic(`update per keystroke: median ${median.toFixed(2)} ms, max ${durations.at(-1).toFixed(2)} ms`);
  });

  it('raised no error in the page', () => {
    assert.deepEqual(session.pageErrors.map(String), []);
  });
});

describe('compose page on a phone, in French, with a worker that forces the sandbox', () => {
  let session;
  let page;

  before(async () => {
    session = await openPage(
      { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      { sandbox: true },
    );
    ({ page } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('fits the screen width with long content', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.fill('#recipients', `06 12 34 56 78, ${'9'.repeat(60)}`);
    await page.fill('#message', `${'Très long message sans espace '.repeat(3)}${'x'.repeat(200)} :br: fin`);
    await page.fill('#sender', 'Expéditeur trop long');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    assert.ok(widths.page <= widths.viewport, `page ${widths.page}px wide in ${widths.viewport}px`);
    // The preview comes after the form on a narrow screen.
    const order = await page.evaluate(
      () => document.getElementById('compose').getBoundingClientRect().top <
        document.getElementById('preview-parts').getBoundingClientRect().top,
    );
    assert.equal(order, true);
    assert.match(await page.textContent('#issues-sender'), /émetteur/);
    assert.equal(await page.isDisabled('#send'), true);
  });

  it('shows :br: as a line break in the preview', async () => {
    await page.fill('#message', 'Ligne 1:br:Ligne 2');
    assert.equal(await page.textContent('#preview-parts .segment-text'), 'Ligne 1\nLigne 2');
    assert.equal(await page.getAttribute('#readout-characters', 'data-characters'), '16');
  });

  it('says in French what cannot travel without Unicode', async () => {
    await page.fill('#message', 'Bonne fête 🎉🎂');
    assert.equal(
      await page.textContent('#unsupported-text'),
      "“🎉”, “🎂” ne peuvent pas partir sans l'Unicode : ils arriveraient en « ? ».",
    );
    assert.equal(
      await page.textContent('#unicode-cost'),
      'Unicode : 1 SMS au lieu de 1 par destinataire (70 caractères par SMS, 67 dans un message long).',
    );
    assert.equal(await page.textContent('#enable-unicode'), "Activer l'Unicode");
  });

  it('schedules with the date, hour and minute, and clears the schedule', async () => {
    assert.equal(await page.isDisabled('#schedule-hour'), true, 'no hour without a date');
    assert.equal(await page.textContent('#delivery-time'), "Part dès l'envoi.");
    const hours = await page.locator('#schedule-hour option').allTextContents();
    const minutes = await page.locator('#schedule-minute option').allTextContents();
    assert.equal(hours.length, 24);
    assert.deepEqual(minutes, ['00', '05', '10', '15', '20', '25', '30', '35', '40', '45', '50', '55']);
    await page.fill('#schedule-date', '07/01/2099');
    assert.equal(await page.isEnabled('#schedule-hour'), true);
    await page.selectOption('#schedule-minute', '45');
    assert.match(await page.textContent('#delivery-time'), /^Partira le mercredi 7 janvier 2099 à 09:45/);
    await page.tap('#schedule-clear');
    assert.equal(await page.inputValue('#schedule-date'), '');
    assert.equal(await page.isDisabled('#schedule-minute'), true);
    assert.equal(await page.textContent('#delivery-time'), "Part dès l'envoi.");
  });

  it('keeps the sandbox on when the worker forces it, and sends there', async () => {
    assert.equal(await page.isChecked('#sandbox'), true);
    assert.equal(await page.isDisabled('#sandbox'), true);
    assert.equal(await page.isVisible('#sandbox-forced'), true);
    await page.fill('#recipients', '07 98 76 54 32');
    await page.fill('#sender', '');
    await page.fill('#message', 'Votre colis arrive demain.');
    assert.equal(await page.textContent('#send'), 'Envoyer en bac à sable');
    await page.tap('#send');
    await sentOk(page);
    assert.match(await page.textContent('#result-title'), /bac à sable/);
    const stored = (await standinGet(session.stack, '/__standin/messages')).at(-1);
    assert.equal(stored.sandbox, true);
    assert.equal(stored.body.phoneNumbers, '+33798765432');
    assert.equal(await page.textContent('#result-message-id'), String(stored.messageId));
  });

  it('raised no error in the page', () => {
    assert.deepEqual(session.pageErrors.map(String), []);
  });
});
