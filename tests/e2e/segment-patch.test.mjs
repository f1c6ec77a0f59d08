// The segment view and the preview rewrite only what a keystroke changed: after every edit of a
// sequence (typing at the end, in the middle, deleting across SMS, a language and a mode
// switch, a picked cell), they are exactly what a page that was given the final text at once
// draws.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';

const LONG = 'Les soldes commencent demain : -30 % sur tout le magasin [hors promo] ! '.repeat(12);

describe('the segment view, edited keystroke by keystroke', () => {
  let session;
  let fresh;

  before(async () => {
    session = await openPage({ locale: 'en-GB' });
    fresh = await session.context.newPage();
    await fresh.goto(session.stack.pageUrl);
    await fresh.locator('#compose[data-ready="true"]').waitFor();
  });
  after(async () => {
    await session?.close();
  });

  /** What both pages draw: the strips, their titles, and the preview. */
  const drawn = (page) =>
    page.evaluate(() => ({
      strips: document.getElementById('segments-strips').innerHTML,
      preview: document.getElementById('preview-parts').innerHTML,
    }));

  /** The same text and mode given at once to the fresh page: both must draw the same. */
  async function same(label) {
    const { page } = session;
    const [message, unicode, lang] = await page.evaluate(() => [
      document.getElementById('message').value,
      document.getElementById('unicode').checked,
      document.documentElement.lang,
    ]);
    await fresh.click(`#lang-${lang}`);
    await fresh.setChecked('#unicode', unicode);
    await fresh.fill('#message', message);
    assert.deepEqual(await drawn(page), await drawn(fresh), label);
  }

  it('draws after each edit what a fresh page draws', async () => {
    const { page } = session;
    await page.fill('#message', LONG);
    await same('filled');
    await page.focus('#message');
    await page.keyboard.press('Control+End');
    for (const key of ['x', 'y', 'Backspace', '€', 'é']) {
      if (key.length === 1 && key > '~') await page.keyboard.insertText(key);
      else await page.keyboard.press(key);
      await same(`end, ${key}`);
    }
    // In the middle: every later cell moves.
    await page.evaluate(() => {
      const box = document.getElementById('message');
      box.setSelectionRange(40, 40);
    });
    await page.keyboard.type('ZZ');
    await same('middle');
    // A cell picked, then an edit: unpicked, as a full redraw leaves it.
    await page.click('#segments-strips .cell >> nth=3');
    assert.equal(await page.locator('#segments-strips .cell.picked').count(), 1);
    await page.focus('#message');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('!');
    assert.equal(await page.locator('#segments-strips .cell.picked').count(), 0);
    await same('after a pick');
    // Fewer SMS, then one, then none.
    await page.evaluate(() => document.getElementById('message').setSelectionRange(0, 400));
    await page.keyboard.press('Backspace');
    await same('400 characters deleted');
    await page.fill('#message', 'Bonjour');
    await same('one SMS');
    await page.fill('#message', '');
    await same('empty');
    await page.fill('#message', LONG);
    await page.setChecked('#unicode', true);
    await same('Unicode');
    await page.click('#lang-fr');
    await same('French');
  });
});
