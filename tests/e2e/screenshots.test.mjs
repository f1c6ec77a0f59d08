// The README's pictures of the compose page, desktop and 375 px: a French promotion with the
// segment view, the characters that cannot travel and smart encoding's offer. Written to docs/
// with UPDATE_SCREENSHOT=1, else to tests/e2e/screenshots/ (ignored by git).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage } from './browser.mjs';

const RECIPIENTS = '06 12 34 56 78\n07 98 76 54 32\n06 11 22 33 44';
const MESSAGE =
  'Soldes d’été\u00a0! -30\u00a0% sur tout le rayon [maillots] jusqu’à dimanche, code ÉTÉ24\u202f: 15€ offerts dès 60€ d’achat. ' +
  'Livraison gratuite partout en France. À très vite en boutique\u00a0!';

/** Saves a full-page picture of `page` as `name` and checks its size. */
async function save(page, name) {
  const dir = process.env.UPDATE_SCREENSHOT ? join(ROOT, 'docs') : join(ROOT, 'tests', 'e2e', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, process.env.UPDATE_SCREENSHOT ? `${name}.png` : `${name}.tmp.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#message').blur();
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  const { size } = statSync(path);
  assert.ok(size < 600 * 1024, `${name} is ${size} bytes`);
}

for (const { name, viewport, isMobile } of [
  { name: 'screenshot', viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: 'screenshot-mobile', viewport: { width: 375, height: 667 }, isMobile: true },
]) {
  describe(`the compose page pictured (${viewport.width} px)`, () => {
    let session;

    before(async () => {
      session = await openPage({ locale: 'fr-FR', viewport, isMobile, hasTouch: isMobile });
    });

    after(async () => {
      await session?.close();
    });

    it('shows the segment view and what cannot travel', async () => {
      const { page } = session;
      await page.fill('#recipients', RECIPIENTS);
      await page.fill('#message', MESSAGE);
      await page.fill('#sender', 'LeShop');
      await page.check('#commercial');
      await page.check('#stop');
      assert.ok((await page.locator('#segments-strips .strip').count()) >= 2);
      assert.equal(await page.isVisible('#unsupported'), true);
      if (typeof (await import('../../pkg/index.js')).normalizeMessage === 'function') {
        assert.equal(await page.isVisible('#smart'), true, 'smart encoding is offered');
      }
      await save(page, name);
    });
  });
}
