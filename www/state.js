// What the compose page holds between two updates: its language and configuration, what has been
// touched, the last report and answer, and the caches that let each input recompute only what changed.

import { initialLang } from './language.js';

/** The compose page's state, one object for the modules that read, render and send the form. */
export const state = {
  lang: initialLang(),
  config: null,
  ready: false,
  sending: false,
  /** Fields the person has changed: their errors show from then on (all of them after a send). */
  touched: new Set(),
  showAllErrors: false,
  /** Per-field errors of the last failed send, `field → { source, issues }`, until that field changes. */
  serverIssues: new Map(),
  /** The last validation report, read by the send button. */
  report: null,
  /** Cache keys, so that each input recomputes only what it changed. */
  recipientsKey: null,
  messageKey: null,
  /** The last answer shown, re-rendered on a language switch. */
  lastResult: null,
  /** The last request that left or may have left: `{ fingerprint, outcome }`, to warn before a repeat. */
  lastSent: null,
  /** The invalid entries of the recipients list, for the one-click removal. */
  invalidEntries: new Set(),
  /** The numbers the package says cannot receive an SMS, for the one-click removal. */
  notMobile: new Set(),
  /** The valid numbers, for a bulk send. */
  numbers: [],
  /** Smart encoding's answer for the current message, or null. */
  normalized: null,
  /** The bulk send under way or done last (see sendInBulk), or null. */
  bulk: null,
  /** Updates so far, to bound the timing entries. */
  updates: 0,
};
