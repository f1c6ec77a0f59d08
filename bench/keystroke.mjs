// Section 3: time from an `input` event in the message box to the read-out update, in headless
// Chromium: a 1,600-character message in Unicode then GSM mode at full speed, then 150 and
// 1,600 characters in both modes with the CPU throttled 4× (DevTools' mid-tier mobile setting,
// CDP `Emulation.setCPUThrottlingRate`). Prints one JSON object on stdout.
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
const KEYS_IN_PAGE = KEYS;
const LONG = TEXTS.find((t) => t.name === '1,600 characters').text;
const SHORT = TEXTS.find((t) => t.name === '150 characters').text;
/** The runs: CPU throttling rate (1: none), the message, the modes. */
const PLAN = [
  { throttle: 1, text: LONG },
  { throttle: 4, text: SHORT },
  { throttle: 4, text: LONG },
];
const text = LONG;

async function startPage() {
  if (existsSync(`${ROOT}tools/demo/stack.mjs`) && existsSync(`${ROOT}www/index.html`)) {
    const { startStack } = await import(`${ROOT}tools/demo/stack.mjs`);
    const stack = await startStack({ log: () => {} });
    return { kind: 'demo page (www/, served by tools/demo/stack.mjs)', url: stack.pageUrl, close: () => stack.close() };
  }
  const server = await serveStatic(ROOT);
  return { kind: 'minimal page (bench/page: analyzeMessage + read-out, no worker)', url: `${server.url}/bench/page/`, close: server.close };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** Types KEYS keystrokes (after WARMUP) at the end of `message`; returns the page's log. */
async function keystrokes(page, message) {
  await page.evaluate(() => {
    window.__keystrokes = [];
    performance.clearMeasures('compose-update');
  });
  // Alternately type the last character and delete it: the message keeps its length, less one.
  const last = message.slice(-1);
  for (let i = 0; i < WARMUP + KEYS; i++) {
    await page.keyboard.press(i % 2 === 0 ? last : 'Backspace');
    await page.waitForFunction((n) => window.__keystrokes.length >= n, i + 1);
  }
  const log = (await page.evaluate(() => window.__keystrokes)).slice(WARMUP);
  // The demo page measures its own update() (User Timing 'compose-update').
  const updates = await page.evaluate(() => performance.getEntriesByName('compose-update').map((e) => e.duration));
  return { log, updates: updates.slice(-KEYS_IN_PAGE) };
}

/** Fills the message box, again until the read-out shows it (the page may still be loading). */
async function fillMessage(page, value) {
  const readout = () => page.evaluate(() => document.getElementById('readout-characters').textContent);
  const before = await readout();
  for (let tries = 0; tries < 50; tries++) {
    await page.fill('#message', value);
    await page.waitForTimeout(100);
    if ((await readout()) !== before) return;
  }
  throw new Error('the read-out never changed');
}

function summary(mode, throttle, messageLength, { log, updates }) {
  return {
    mode,
    throttle,
    messageLength,
    update: updates.length > 0 ? median(updates) : null,
    keystrokes: log.length,
    toReadout: median(log.map((p) => p.readout - p.event)),
    toReadoutMax: Math.max(...log.map((p) => p.readout - p.event)),
    toFrame: median(log.map((p) => p.frame - p.event)),
    toPainted: median(log.map((p) => p.painted - p.event)),
  };
}

const site = await startPage();
const browser = await openChromium();
try {
  const { page } = browser;
  await page.goto(site.url);
  await page.waitForLoadState('load');
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => {
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
          window.__keystrokes.push(p);
        }, 0);
      });
    }).observe(document.getElementById('readout'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const runs = [];
  for (const { throttle, text: message } of PLAN) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await fillMessage(page, message.slice(0, -1));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    for (const unicode of [true, false]) {
      await page.setChecked('#unicode', unicode);
      await page.focus('#message');
      await page.keyboard.press('Control+End');
      runs.push(summary(unicode ? 'Unicode' : 'GSM', throttle, message.length - 1, await keystrokes(page, message)));
    }
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const length = LONG.length - 1;
  // The package's calls of one demo-page update, alone in the same page, for comparison:
  // analyzeMessage, splitMessage and validateSendRequest on the same message.
  const wasm = await page.evaluate(async (t) => {
    const { analyzeMessage, splitMessage, validateSendRequest } = await import('/pkg/compose.js');
    // Batches of as many calls as take 2 ms at least: twenty times the page's timer
    // resolution (0.1 ms without cross-origin isolation).
    const time = (fn) => {
      let calls = 20;
      for (;;) {
        const start = performance.now();
        for (let i = 0; i < calls; i++) fn();
        if (performance.now() - start >= 2 || calls >= 1 << 20) break;
        calls *= 2;
      }
      const times = [];
      for (let b = 0; b < 31; b++) {
        const start = performance.now();
        for (let i = 0; i < calls; i++) fn();
        times.push(((performance.now() - start) / calls) * 1e6);
      }
      times.sort((a, b) => a - b);
      return { ns: times[15], calls };
    };
    const out = {};
    for (const isUnicode of [true, false]) {
      out[isUnicode ? 'Unicode' : 'GSM'] = {
        analyze: time(() => analyzeMessage(t, { isUnicode }).preview.length),
        update: time(() => {
          analyzeMessage(t, { isUnicode });
          splitMessage(t, { isUnicode });
          return validateSendRequest({ phoneNumbers: '06 12 34 56 78', message: t, isUnicode: isUnicode ? 1 : 0 }, { requireApiKey: false }).valid;
        }),
      };
    }
    return out;
  }, text);
  const version = browser.context.browser()?.version() ?? null;
  process.stdout.write(JSON.stringify({ page: site.kind, messageLength: length, runs, wasm, version }));
} finally {
  await browser.close();
  await site.close();
}
