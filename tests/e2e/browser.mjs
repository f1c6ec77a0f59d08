// Shared set-up of the browser tests: the demo stack, headless Chromium with a fresh profile, and
// the wasm package loaded in Node as the oracle of what the page must show.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStack } from '../../tools/demo/stack.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Upper bound of any single wait in these tests. */
export const STEP_TIMEOUT_MS = 15_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The wasm package, initialized synchronously in Node. */
export async function loadPackage() {
  const sms = await import(new URL('../../pkg/smspartner_wasm.js', import.meta.url));
  sms.initSync({ module: readFileSync(join(ROOT, 'pkg', 'smspartner_wasm_bg.wasm')) });
  return sms;
}

/**
 * Headless Chromium with a fresh profile; `options` go to `launchPersistentContext` (viewport,
 * locale, timezoneId…). Resolves to `{ context, close() }`; `close` also removes the profile.
 */
export async function launchChromium(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'smspartner-e2e-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      ...options,
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      removeProfile();
    },
  };
}

/**
 * Starts the stack and a Chromium with a fresh profile, opens the page and waits until it is
 * ready. `options` go to `launchChromium`, `stackOptions` to `startStack`. The servers' log
 * lines are kept in `logs`, not printed.
 * Resolves to `{ stack, context, page, pageErrors, logs, close() }`.
 */
export async function openPage(options = {}, stackOptions = {}) {
  const logs = [];
  // E2E_WEB_ROOT serves another copy of the page (an older one, to see a test fail on it).
  const webRoot = process.env.E2E_WEB_ROOT ? { webRoot: process.env.E2E_WEB_ROOT } : {};
  const stack = await startStack({ log: (line) => logs.push(line), ...webRoot, ...stackOptions });
  let browser;
  try {
    browser = await launchChromium(options);
    const { context } = browser;
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(stack.pageUrl);
    await page.locator('#compose[data-ready="true"]').waitFor();
    return {
      stack,
      context,
      page,
      pageErrors,
      logs,
      async close() {
        await browser.close();
        await stack.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await stack.close();
    throw error;
  }
}

/**
 * Waits for the send's result to read "ok"; otherwise fails saying what the page shows instead
 * (the result's state and text, whether the confirmation is still open), not a bare timeout.
 */
export async function sentOk(page) {
  try {
    await page.locator('#result[data-state="ok"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    const shown = await page.evaluate(() => {
      const result = document.getElementById('result');
      const confirm = document.getElementById('confirm');
      return {
        state: result?.dataset.state ?? null,
        text: result?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? null,
        confirmOpen: confirm ? !confirm.hidden && confirm.open !== false : null,
      };
    }).catch(() => null);
    throw new Error(`no successful send shown: ${JSON.stringify(shown)} (${error.message.split('\n')[0]})`);
  }
}

/** JSON from one of the stand-in's control endpoints. */
export async function standinGet(stack, path) {
  const response = await fetch(`${stack.standinUrl}${path}`, { signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** POSTs JSON to one of the stand-in's control endpoints. */
export async function standinPost(stack, path, body) {
  const response = await fetch(`${stack.standinUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

/** The Europe/Paris calendar date of an instant as { iso: "yyyy-mm-dd", wire: "dd/MM/yyyy", weekday }. */
export function parisDate(instant) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    iso: `${parts.year}-${parts.month}-${parts.day}`,
    wire: `${parts.day}/${parts.month}/${parts.year}`,
    weekday: parts.weekday,
  };
}
