// Section 3: time from an `input` event in the message box to the read-out update, in headless
// Chromium, with a 1,600-character message. Prints one JSON object on stdout.
//
// The page is the demo page (www/, served by tools/demo/stack.mjs) when the repository has it,
// otherwise the minimal page of bench/page. Timestamps are taken in the page: the input event's
// timeStamp, the first change of the read-out (a MutationObserver, so after the page's own
// handler has written it), the next animation frame, and a task after that frame.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TEXTS } from './texts.mjs';
import { openChromium } from './lib/chromium.mjs';
import { serveStatic } from './lib/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WARMUP = 10;
const KEYS = 60;
const text = TEXTS[2].text;

async function startPage() {
  if (existsSync(`${ROOT}tools/demo/stack.mjs`) && existsSync(`${ROOT}www/index.html`)) {
    const { startStack } = await import(`${ROOT}tools/demo/stack.mjs`);
    const stack = await startStack();
    const url = stack.pageUrl ?? stack.url ?? stack.www?.url;
    return { kind: 'demo page (www/)', url, close: () => stack.close() };
  }
  const server = await serveStatic(ROOT);
  return { kind: 'minimal page (bench/page: analyzeMessage + read-out, no worker)', url: `${server.url}/bench/page/`, close: server.close };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

const site = await startPage();
const browser = await openChromium();
try {
  const { page } = browser;
  await page.goto(site.url);
  await page.waitForFunction(() => (document.getElementById('readout-characters')?.textContent ?? '').trim() !== '');
  await page.fill('#message', text.slice(0, -1));
  await page.focus('#message');
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const log = (window.__keystrokes = []);
    let pending = null;
    window.addEventListener('input', (event) => {
      pending = { event: event.timeStamp, dispatch: performance.now() };
    }, { capture: true });
    new MutationObserver(() => {
      const p = pending;
      if (p === null) return;
      pending = null;
      p.readout = performance.now();
      requestAnimationFrame(() => {
        p.frame = performance.now();
        setTimeout(() => {
          p.painted = performance.now();
          log.push(p);
        }, 0);
      });
    }).observe(document.getElementById('readout'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // Alternately type the last character and delete it: the message stays at 1,599–1,600.
  const last = text.slice(-1);
  for (let i = 0; i < WARMUP + KEYS; i++) {
    await page.keyboard.press(i % 2 === 0 ? last : 'Backspace');
    await page.waitForFunction((n) => window.__keystrokes.length >= n, i + 1);
  }
  const log = (await page.evaluate(() => window.__keystrokes)).slice(WARMUP);
  const length = await page.evaluate(() => document.getElementById('message').value.length);
  // The analysis alone in the same page, for comparison.
  const analyzeNs = await page.evaluate(async (t) => {
    const { analyzeMessage } = await import('/pkg/smspartner_wasm.js');
    const times = [];
    for (let b = 0; b < 31; b++) {
      const start = performance.now();
      for (let i = 0; i < 50; i++) analyzeMessage(t, { isUnicode: true }).preview.length;
      times.push(((performance.now() - start) / 50) * 1e6);
    }
    times.sort((a, b) => a - b);
    return times[15];
  }, text);
  const version = browser.context.browser()?.version() ?? null;
  process.stdout.write(JSON.stringify({
    page: site.kind,
    keystrokes: log.length,
    messageLength: length,
    toReadout: median(log.map((p) => p.readout - p.event)),
    toReadoutMax: Math.max(...log.map((p) => p.readout - p.event)),
    toFrame: median(log.map((p) => p.frame - p.event)),
    toPainted: median(log.map((p) => p.painted - p.event)),
    analyzeNs,
    version,
  }));
} finally {
  await browser.close();
  await site.close();
}
