// The compose page's entry: loads the package and the configuration, then wires the form to its
// reading (form.js), its rendering (render*.js), its sending (send.js) and the language switch.

import init, * as sms from '/pkg/compose.js';
import { LANGS, t } from './i18n.js';
import { applyStaticTexts, rememberLang } from './language.js';
import { $, el } from './elements.js';
import { state } from './state.js';
import { SCHEDULE_FIELDS } from './form.js';
import { renderForm } from './render.js';
import { removeInvalidNumbers } from './render-recipients.js';
import { applySmartEncoding } from './render-message.js';
import { renderResult, renderBulk } from './render-result.js';
import { createSender } from './send.js';
import { loadConfig, renderMode, showPageError } from './config.js';
import {
  fillScheduleSelects, syncScheduleControls, dateEdited, openPicker, pickerChanged, clearSchedule,
} from './schedule-controls.js';
import { createTracker } from './after-send.js';
import { createSession } from './session.js';

/** The page's texts in its language, the header's mode among them. */
function applyTexts() {
  applyStaticTexts(state.lang);
  renderMode();
}

/** The page in `lang` from now on, remembered for the next visit, everything shown written again. */
function setLang(lang) {
  if (!LANGS.includes(lang) || lang === state.lang) return;
  state.lang = lang;
  rememberLang(lang);
  applyTexts();
  state.recipientsKey = null; // the reasons are written in the language
  update();
  if (state.lastResult) renderResult(state.lastResult);
  else if (state.bulk) renderBulk();
  tracker.render();
  session.render();
}

/** Recomputes everything the form shows (render.js), with the destinations the worker allows. */
function update() {
  renderForm(session.allowedRegions());
}

/** A change to a control: it is now "touched", and SMS Partner's old verdict on it is dropped. */
function onFieldChange(event) {
  const field = event.target.closest('[data-field]')?.dataset.field;
  if (field) {
    state.touched.add(field);
    state.serverIssues.delete(field);
    if (SCHEDULE_FIELDS.includes(field)) {
      for (const f of SCHEDULE_FIELDS) state.serverIssues.delete(f);
    }
  }
  if (event.target === el.date) dateEdited(event);
  update();
}

/** Enter in a one-line field does not send: only the send button does, and it asks first. */
function noImplicitSubmit(event) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement && !event.isComposing) {
    event.preventDefault();
  }
}

/** Every listener of the compose form and of the buttons around it. */
function wire() {
  el.form.addEventListener('input', onFieldChange);
  el.form.addEventListener('change', onFieldChange);
  el.form.addEventListener('submit', sender.send);
  el.form.addEventListener('keydown', noImplicitSubmit);
  el.picker.addEventListener('change', pickerChanged);
  el.picker.addEventListener('input', (event) => event.stopPropagation());
  el.pick.addEventListener('click', openPicker);
  el.removeInvalid.addEventListener('click', removeInvalidNumbers);
  el.applySmart.addEventListener('click', applySmartEncoding);
  // A tap on a cell says what a hover says, for touch screens.
  el.segmentsStrips.addEventListener('click', (event) => {
    const cell = event.target.closest('.cell');
    if (!cell) return;
    el.segmentsStrips.querySelector('.cell.picked')?.classList.remove('picked');
    cell.classList.add('picked');
    $('segments-detail').textContent = cell.title;
  });
  el.sendBulk.addEventListener('click', sender.sendInBulk);
  // On a phone the preview sits below the form: one tap there and back, the caret kept.
  $('to-preview').addEventListener('click', (event) => {
    event.preventDefault();
    $('preview-label').scrollIntoView({ block: 'start' });
  });
  $('back-to-message').addEventListener('click', (event) => {
    event.preventDefault();
    el.message.focus({ preventScroll: true });
    el.message.scrollIntoView({ block: 'center' });
  });
  el.message.addEventListener('scroll', () => {
    el.mirror.scrollTop = el.message.scrollTop;
  }, { passive: true });
  el.enableUnicode.addEventListener('click', () => {
    el.unicode.checked = true;
    el.unicode.dispatchEvent(new Event('change', { bubbles: true }));
    el.message.focus();
  });
  el.clearDate.addEventListener('click', clearSchedule);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLang(button.dataset.lang));
  }
}

/** Who is signed in, what is left of their day, where numbers may go (session.js). */
const session = createSession({
  getLang: () => state.lang,
  workerUrl: () => state.config?.workerUrl ?? null,
  onChange: () => {
    state.recipientsKey = null; // the destinations allowed decide which numbers are valid
    if (session.forcedSandbox()) forceSandbox();
    update();
  },
});

/** The worker adds sandbox: 1 to every send: the box says so and stays on. */
function forceSandbox() {
  el.sandbox.checked = true;
  el.sandbox.disabled = true;
  $('sandbox-forced').hidden = false;
}

/** Delivery, cancel, credits and replies after a send (after-send.js). */
const tracker = createTracker({
  getLang: () => state.lang,
  workerUrl: () => state.config?.workerUrl ?? null,
  cancelDeadline: sms.cancelDeadline,
});

/** The sending (send.js), with what it refreshes after a send. */
const sender = createSender({ session, tracker, update });

/** Texts and controls first, then the package and the configuration, then the session and a first update. */
async function start() {
  applyTexts();
  fillScheduleSelects();
  syncScheduleControls();
  wire();
  const [config] = await Promise.all([
    loadConfig(),
    init().catch((err) => {
      showPageError(t(state.lang, 'wasm.error', { detail: String(err?.message ?? err) }));
      throw err;
    }),
  ]);
  state.config = config;
  if (config.sandbox === true) forceSandbox(); // FORCE_SANDBOX
  renderMode();
  tracker.refreshCredits();
  await session.refresh();
  state.ready = true;
  update();
  el.form.dataset.ready = 'true';
}

start().catch(() => {
  el.form.dataset.ready = 'error';
});
