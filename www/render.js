// Recomputes everything the compose form shows, on every input: the recipients, the message, the
// package's report on the request and all that follows from it, each update timed for the page.

import { state } from './state.js';
import { recipientEntries, checkRequest } from './form.js';
import { renderRecipients } from './render-recipients.js';
import { renderMessage, renderPreviewSender } from './render-message.js';
import { renderTotal, renderBulkOffer, renderIssues, renderDelivery, renderSendButton } from './render-checks.js';

/** Timing entries kept before the oldest are dropped (one per update). */
const MAX_TIMINGS = 500;

/**
 * Recomputes everything the form shows, numbers checked against the destinations the worker
 * allows (`allowedRegions`, undefined until known). Writes to the DOM only, never reads layout.
 */
export function renderForm(allowedRegions) {
  if (!state.ready) return;
  performance.mark('compose-update-start');
  const entries = recipientEntries();
  renderRecipients(entries, allowedRegions);
  renderMessage();
  const report = checkRequest(entries, allowedRegions);
  state.report = report;
  renderTotal(report);
  renderBulkOffer(report);
  renderIssues(report);
  renderDelivery(report);
  renderPreviewSender();
  renderSendButton();
  performance.measure('compose-update', 'compose-update-start');
  performance.clearMarks('compose-update-start');
  if (++state.updates % MAX_TIMINGS === 0) performance.clearMeasures('compose-update');
}
