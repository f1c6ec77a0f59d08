// The compose form as a new user meets it, in headless Chromium: what the empty form asks for,
// a past schedule, the labels the page shows in every sentence, line breaks, characters that
// cannot travel, the segment view, and the date in dd/mm/yyyy in an American browser.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, openPage, parisDate, standinGet, sentOk } from './browser.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Wire names that must never reach a sentence of the page. */
const INTERNAL_NAMES = /isStopSms|isUnicode|scheduledDeliveryDate|phoneNumbers|urlDlr|urlResponse/;

describe('the compose form in an American browser', () => {
  let sms;
  let session;
  let page;
  let stack;

  before(async () => {
    sms = await loadPackage();
    session = await openPage({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    ({ page, stack } = session);
  });

  after(async () => {
    await session?.close();
  });

  const visibleText = () => page.evaluate(() => document.body.innerText);

  it('asks for what is missing when nothing is red', async () => {
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    const hint = await page.textContent('#send-hint');
    assert.doesNotMatch(hint, /red/);
    assert.equal(hint, 'To send, fill in: Recipients, Message.');
    await page.fill('#recipients', '06 12 34 56 78');
    assert.equal(await page.textContent('#send-hint'), 'To send, fill in: Message.');
    await page.fill('#recipients', '12');
    assert.equal(await page.getAttribute('#recipients', 'aria-invalid'), 'true');
    assert.equal(await page.textContent('#send-hint'), 'Fix the fields marked in red to send. To send, fill in: Message.');
    await page.fill('#recipients', '06 12 34 56 78');
  });

  it('does not count landlines and short foreign numbers as valid, and removes them in one click', async () => {
    // A Guadeloupe landline: the worker allows France and overseas only (ALLOWED_COUNTRIES).
    const typed = ['06 12 34 56 78', '01 40 00 00 00', '+49 151 2345', '+590 590 20 12 34'];
    await page.fill('#recipients', typed.join('\n'));
    const report = sms.parsePhoneNumbers(typed);
    assert.deepEqual(report.invalid.map((item) => item.input), ['+49 151 2345'], 'the short German number');
    assert.deepEqual(report.details.map((d) => d.type), ['mobile', 'fixedLine', 'fixedLine']);
    assert.equal(await page.textContent('#recipients-count'), '1 valid number');
    assert.equal(await page.textContent('#recipients-invalid-count'), '1 invalid number');
    assert.equal(await page.textContent('#recipients-unreachable-count'), '2 cannot receive an SMS');
    const warning = page.locator('#issues-phoneNumbers li.warning[data-code="phone_number_not_mobile"]');
    assert.match(await warning.textContent(), /\+33140000000 \(fixed line\), \+590590201234 \(fixed line\)/);
    assert.equal(
      await page.textContent('#remove-invalid'),
      'Remove the 1 invalid number and the 2 numbers that cannot receive an SMS',
    );
    await page.click('#remove-invalid');
    assert.equal(await page.inputValue('#recipients'), '06 12 34 56 78');
    assert.equal(await page.textContent('#recipients-count'), '1 valid number');
    assert.equal(await page.locator('#issues-phoneNumbers li').count(), 0);
    assert.equal(await page.isVisible('#remove-invalid'), false);
  });

  it('shows only the error of a past schedule', async () => {
    await page.fill('#message', 'Dernier jour des soldes !');
    await page.check('#commercial');
    await page.check('#stop');
    const yesterday = parisDate(new Date(Date.now() - DAY_MS));
    await page.fill('#schedule-date', yesterday.wire);
    await page.selectOption('#schedule-hour', '21');
    const issues = page.locator('#issues-scheduledDeliveryDate li');
    assert.equal(await issues.count(), 1);
    assert.equal(await issues.getAttribute('class'), 'error');
    assert.equal(await issues.getAttribute('data-code'), 'schedule_in_past');
    assert.equal(await page.textContent('#delivery-time'), '');
    assert.equal(await page.getAttribute('#delivery-time', 'data-delayed'), 'false');
    await page.click('#schedule-clear');
    await page.uncheck('#commercial');
    await page.uncheck('#stop');
  });

  it('names the fields by their labels, never by their wire names', async () => {
    await page.check('#commercial');
    const missing = page.locator('#issues-isStopSms li.warning');
    assert.equal(await missing.getAttribute('data-code'), 'stop_mention_missing');
    assert.match(await missing.textContent(), /tick “STOP mention”/);
    await page.check('#gamme-lowcost');
    await page.check('#stop');
    const notApplicable = page.locator('#issues-isStopSms li[data-code="stop_sms_not_applicable"]');
    assert.match(await notApplicable.textContent(), /“STOP mention” does not apply to the Low cost range/);
    assert.doesNotMatch(await visibleText(), INTERNAL_NAMES);
    await page.click('#lang-fr');
    assert.match(await notApplicable.textContent(), /« Mention STOP » ne s’applique pas/);
    assert.doesNotMatch(await visibleText(), INTERNAL_NAMES);
    await page.click('#lang-en');
    await page.uncheck('#stop');
    await page.check('#gamme-premium');
    await page.uncheck('#commercial');
  });

  it('counts a typed line break as the package does, says so, and sends it as typed', async () => {
    await page.fill('#message', '');
    await page.locator('#message').pressSequentially('Ligne 1');
    await page.keyboard.press('Enter');
    await page.locator('#message').pressSequentially('Ligne 2');
    const message = await page.inputValue('#message');
    assert.equal(message, 'Ligne 1\nLigne 2');
    assert.equal(
      await page.getAttribute('#readout-characters', 'data-characters'),
      String(sms.analyzeMessage(message, {}).characters),
    );
    assert.match(await page.textContent('#message-hint'), /Enter makes a line break: it is sent as such and counts 1 character/);
    const cell = page.locator('#segments-strips .cell[data-kind="newline"]');
    assert.equal(await cell.getAttribute('data-cost'), String(sms.analyzeMessage('\n', {}).characters));
    assert.equal(await page.textContent('#preview-parts .segment-text'), 'Ligne 1\nLigne 2');
    await page.click('#send');
    await sentOk(page);
    assert.equal((await standinGet(stack, '/__standin/messages')).at(-1).body.message, 'Ligne 1\nLigne 2');
  });

  it('names the characters that cannot travel and says what Unicode would cost', async () => {
    // No-break space before "!" and ":" as French typography wants; a tab; an emoji with U+FE0F.
    const message = `Soldes\u00a0! Code\u202f: ÉTÉ\t❤\ufe0f ${'x'.repeat(120)}`;
    await page.fill('#message', message);
    const analysis = sms.analyzeMessage(message, {});
    assert.equal(analysis.replacements.length, 0);
    // Nothing is replaced: no "SMS Partner replaces the marked characters".
    assert.equal(await page.isVisible('#sentas'), false);
    const items = await page.locator('#unsupported-list li').allTextContents();
    assert.ok(items.some((text) => text.includes('U+00A0')), items.join(' | '));
    assert.ok(items.some((text) => text.includes('U+202F')), items.join(' | '));
    assert.ok(items.some((text) => text.includes('U+0009')), items.join(' | '));
    assert.ok(items.some((text) => text.includes('U+FE0F')), items.join(' | '));
    assert.doesNotMatch(await page.textContent('#unsupported-text'), /“\s”/, 'no blank between quotes');
    const unicode = sms.analyzeMessage(message, { isUnicode: true }).smsCount;
    assert.ok(unicode > analysis.smsCount);
    assert.equal(
      await page.textContent('#unicode-cost'),
      `Unicode: ${unicode} SMS instead of ${analysis.smsCount} per recipient (70 characters per SMS, 67 in a long message).`,
    );
    // Named as the package names them, in the page language.
    assert.ok(items.some((text) => text.includes('no-break space, U+00A0')), items.join(' | '));
    assert.ok(items.some((text) => text.includes('variation selector-16, U+FE0F')), items.join(' | '));
    await page.click('#lang-fr');
    const french = await page.locator('#unsupported-list li').allTextContents();
    assert.ok(french.some((text) => text.includes('espace insécable, U+00A0')), french.join(' | '));
    assert.ok(french.some((text) => text.includes('espace fine insécable, U+202F')), french.join(' | '));
    await page.click('#lang-en');

    // Smart encoding offered with the count before and after, applied in one click.
    const normalized = sms.normalizeMessage(message, {});
    const after = sms.analyzeMessage(normalized.message, {});
    assert.equal(await page.isVisible('#smart'), true);
    assert.equal(
      await page.textContent('#smart-text'),
      `Smart encoding replaces ${normalized.changes.length} characters with the closest GSM form (no-break space → space, “…” → “...”): ` +
        `${analysis.smsCount} SMS before, ${after.smsCount} after; ${after.unsupported.length} still need Unicode.`,
    );
    await page.click('#apply-smart');
    assert.equal(await page.inputValue('#message'), normalized.message);
    assert.equal(await page.getAttribute('#readout-characters', 'data-characters'), String(after.characters));
    assert.deepEqual(await page.locator('#unsupported-list li').allTextContents(), ['❤ U+2764']);
    assert.equal(await page.isVisible('#smart'), false, 'nothing left to replace');
    // One undo brings the message back as typed.
    await page.keyboard.press('Control+z');
    assert.equal(await page.inputValue('#message'), message);
  });

  it('shows each SMS as a strip of cells with what each costs', async () => {
    const message = `Prix [promo] 15€ ^ ${'a'.repeat(150)}🙂 fin`;
    await page.fill('#message', message);
    const analysis = sms.analyzeMessage(message, {});
    assert.equal(analysis.smsCount, 2);
    const strips = page.locator('#segments-strips .strip');
    assert.equal(await strips.count(), 2);
    const shape = await page.evaluate(() =>
      [...document.querySelectorAll('#segments-strips .strip')].map((strip) => ({
        used: Number(strip.dataset.used),
        capacity: Number(strip.dataset.capacity),
        cells: [...strip.querySelectorAll('.cell')].map((cell) => ({
          kind: cell.dataset.kind,
          cost: Number(cell.dataset.cost),
          text: cell.querySelector('.ch').textContent,
          title: cell.title,
        })),
      })),
    );
    for (const strip of shape) {
      // The concatenation header first, its 7 septets counted apart from the 153 of the text.
      assert.deepEqual(strip.cells[0], {
        kind: 'header',
        cost: 7,
        text: 'UDH',
        title: strip.cells[0].title,
      });
      const body = strip.cells.slice(1).reduce((sum, cell) => sum + cell.cost, 0);
      assert.equal(body, strip.used);
      assert.equal(strip.capacity, 153);
      assert.ok(strip.used <= 153);
    }
    assert.equal(shape[0].used + shape[1].used, analysis.characters);
    const cells = shape.flatMap((strip) => strip.cells);
    const euro = cells.find((cell) => cell.kind === 'escape');
    assert.deepEqual([euro.cost, euro.text], [2, 'ESC€']);
    assert.match(euro.title, /extension table: an escape character and itself, 2 characters/);
    const caret = cells.find((cell) => cell.kind === 'removed');
    assert.deepEqual([caret.cost, caret.text], [0, '^']);
    assert.match(caret.title, /removed by SMS Partner: 0 characters/);
    const bracket = cells.find((cell) => cell.kind === 'replaced');
    assert.deepEqual([bracket.cost, bracket.text], [1, '[(']);
    assert.equal(cells.find((cell) => cell.kind === 'unsupported').text, '🙂?');
    assert.match(await strips.first().locator('.strip-title').textContent(), /^SMS 1 of 2 · \d+ \/ 153 characters$/);
    // A tap (or click) says what the hover says.
    await page.click('#segments-strips .cell[data-kind="escape"]');
    assert.equal(await page.textContent('#segments-detail'), euro.title);
  });

  it('writes the schedule date as dd/mm/yyyy whatever the browser locale', async () => {
    await page.fill('#message', 'Rappel : inventaire.');
    assert.equal(await page.getAttribute('#schedule-date', 'placeholder'), 'dd/mm/yyyy');
    await page.fill('#schedule-date', '');
    await page.locator('#schedule-date').pressSequentially('07012099');
    await page.selectOption('#schedule-hour', '9');
    assert.equal(await page.inputValue('#schedule-date'), '07/01/2099');
    await page.selectOption('#schedule-minute', '45');
    assert.match(await page.textContent('#delivery-time'), /^Leaves on Wednesday,? 7 January 2099 at 09:45/);

    // The browser's calendar writes back in the same format.
    await page.evaluate(() => {
      const picker = document.getElementById('schedule-picker');
      picker.value = '2099-02-03';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.equal(await page.inputValue('#schedule-date'), '03/02/2099');
    assert.match(await page.textContent('#delivery-time'), /Tuesday,? 3 February 2099/);
    await page.click('#send');
    await sentOk(page);
    assert.equal((await standinGet(stack, '/__standin/messages')).at(-1).body.scheduledDeliveryDate, '03/02/2099');

    // A date the package cannot read is its error, on the field.
    await page.fill('#schedule-date', '31/02/2099');
    assert.equal(await page.getAttribute('#issues-scheduledDeliveryDate li.error', 'data-code'), 'schedule_date_invalid');
    await page.click('#schedule-clear');
  });

  it('raised no error in the page', () => {
    assert.deepEqual(session.pageErrors.map(String), []);
  });
});

describe('the compose form on a 375 px phone', () => {
  let session;
  let page;

  before(async () => {
    session = await openPage({ locale: 'fr-FR', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    ({ page } = session);
  });

  after(async () => {
    await session?.close();
  });

  const inView = (selector) =>
    page.evaluate((sel) => {
      const box = document.querySelector(sel).getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
    }, selector);

  it('keeps the preview one tap away while typing', async () => {
    await page.fill('#recipients', '06 12 34 56 78');
    await page.tap('#message');
    await page.locator('#message').pressSequentially('Ventes privées ce week-end : -30 % !');
    assert.equal(await inView('#mobile-bar'), true, 'the bar stays on screen while typing');
    assert.match(await page.textContent('#mobile-count'), /^1 SMS · 36 \/ 160$/);
    assert.equal(await inView('#preview-parts'), false);
    await page.tap('#to-preview');
    assert.equal(await inView('#preview-parts'), true);
    assert.match(await page.textContent('#preview-parts'), /Ventes privées/);
    await page.tap('#back-to-message');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'message');
    assert.equal(await inView('#message'), true);
  });

  it('gives every control a touch target of at least 44 px', async () => {
    await page.fill('#schedule-date', '07/01/2099');
    const small = await page.evaluate(() => {
      const targets = [...document.querySelectorAll('button, a[href], select, textarea, input')].flatMap((node) => {
        if (node.closest('dialog') || node.id === 'schedule-picker') return [];
        // A checkbox or radio is reached through its label, which is as large as the target.
        const target = node.type === 'checkbox' || node.type === 'radio' ? node.labels[0] : node;
        const box = target.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return []; // not shown
        return box.width < 44 || box.height < 44 ? [`${node.id || node.name}: ${Math.round(box.width)}×${Math.round(box.height)}`] : [];
      });
      return targets;
    });
    assert.deepEqual(small, []);
    await page.tap('#schedule-clear');
  });

  it('fits 375 px with the segment view', async () => {
    await page.fill('#message', `${'Offre spéciale [membres] 15€ '.repeat(8)}`);
    assert.ok((await page.locator('#segments-strips .strip').count()) >= 2);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    assert.ok(widths.page <= widths.viewport, `page ${widths.page}px wide in ${widths.viewport}px`);
  });

  it('raised no error in the page', () => {
    assert.deepEqual(session.pageErrors.map(String), []);
  });
});
