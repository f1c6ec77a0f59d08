// The page's bulk send rule: when more numbers than one send takes are offered as a bulk send,
// and how they are cut into the worker's calls.

import { smsPartnerLimits } from '/pkg/compose.js';

/**
 * Recipients one send takes (SMS Partner's limit, which the package checks as
 * too_many_phone_numbers, from the package): to cut a bulk send into the worker's calls, one
 * SMS Partner call each. Asked of the package once it is loaded.
 */
export const maxPerSend = () => smsPartnerLimits().maxPhoneNumbers;

/** Largest body sent to the worker for a bulk batch (its limit is 64 KiB), in UTF-16 units. */
const BULK_BODY_BUDGET = 56 * 1024;

/**
 * More numbers than one send takes, and nothing else wrong: the offer to send them as a
 * bulk send (in sends of at most `maxPerSend()`) instead of a dead end.
 */
export function bulkFits(report) {
  return report.errors.length > 0 && report.errors.every((e) => e.code === 'too_many_phone_numbers');
}

/** The numbers in batches of at most `maxPerSend()` whose JSON bodies stay under the worker's limit. */
export function bulkBatches(numbers, message) {
  const perMessage = JSON.stringify({ phoneNumber: '+000000000000000', message }).length + 1;
  const size = Math.max(1, Math.min(maxPerSend(), Math.floor(BULK_BODY_BUDGET / perMessage)));
  const batches = [];
  for (let i = 0; i < numbers.length; i += size) batches.push(numbers.slice(i, i + size));
  return batches;
}
