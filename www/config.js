// The page's configuration, read from /config.json (the worker's address, the mode, sandbox forced,
// the reply address), the mode it names shown in the header, and the page's error when it cannot start.

import { t } from './i18n.js';
import { el } from './elements.js';
import { state } from './state.js';

/**
 * The page's configuration: `{ workerUrl, mode, sandbox, replyUrl }`, the addresses null when not
 * given; without /config.json the page says so and has no worker.
 */
export async function loadConfig() {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const config = await response.json();
    return {
      workerUrl: typeof config.workerUrl === 'string' && config.workerUrl !== '' ? config.workerUrl : null,
      mode: config.mode,
      sandbox: config.sandbox,
      replyUrl: typeof config.replyUrl === 'string' && config.replyUrl !== '' ? config.replyUrl : null,
    };
  } catch {
    showPageError(t(state.lang, 'config.error'));
    return { workerUrl: null, mode: null, sandbox: undefined };
  }
}

/** The header's mode: the stand-in, SMS Partner itself, or not connected. */
export function renderMode() {
  const mode = state.config?.mode;
  const known = mode === 'standin' || mode === 'live';
  el.mode.dataset.mode = known ? mode : 'unknown';
  el.mode.textContent = t(state.lang, known ? `mode.${mode}` : 'mode.unknown');
  el.mode.title = known ? t(state.lang, `mode.${mode}.title`) : '';
}

/** The page's error above the form, for what stops the page from working. */
export function showPageError(text) {
  el.pageError.hidden = false;
  el.pageError.textContent = text;
}
