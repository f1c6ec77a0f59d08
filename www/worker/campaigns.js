// The campaign routes of the example worker: a campaign checked and cut into chunks, its
// progress, its stop; and the STOP list fed by SMS Partner's reply webhook.
//
// Routes (the worker's common error body, CORS and log line apply):
//   POST /api/campaigns            body { request, recipients, options? }
//     202 { id, recipients, chunks, invalid, skippedStop, duplicates, warnings, sandbox };
//     with options.dryRun: 200, the same report without id, nothing recorded or sent
//   GET  /api/campaigns/:id        200 the progress (?chunks=1 adds every chunk, ?stops=1 the
//                                  recipients who answered STOP since), 404
//   options.maxCost                a spending ceiling: no chunk begins once SMS Partner billed it
//   POST /api/campaigns/:id/stop   200 the progress: chunks not begun are not sent
//   GET  /api/campaigns/:id/report.csv   every recipient's outcome (UTF-8 with BOM, `;`), ?lang=fr
// On POST /webhooks/replies (lifecycle.js, which checks its token), `recordReply` puts a STOP's
// number on the STOP list. With REPLY_WEBHOOK_TOKEN set, a campaign that names no urlDlr of its
// own has SMS Partner's delivery reports sent to this worker's /webhooks/dlr?campaign=<id>, where
// `recordDelivery` writes each recipient's outcome in the campaign's ledger; its progress then
// counts `delivery: { delivered, failed, pending, failedBy }`.
// A campaign's SMS (each recipient × the SMS of its message) are reserved against the caller's
// and the account's daily limits when it is created (429 limit_reached, nothing recorded); those
// of chunks that leave nothing at SMS Partner are given back as they settle (consumer.js).
// `request` is a SendRequest without phoneNumbers and tag (each chunk carries its own tag);
// `recipients` up to 100,000 numbers, { phoneNumber, message } pairs (a pair's message
// replaces request.message) or { phoneNumber, fields } rows, for which request.message is a
// template whose {column}s the package's renderTemplate fills from `fields` (checked for every
// row now, each chunk rendered again from its ledger when it is sent). Every number and message goes through the package's checks:
// invalid rows, repeated numbers and numbers on the STOP list are reported and left out.

import { parsePhoneNumbers, renderTemplate, smsPartnerLimits, validateSendRequest } from 'smspartner-wasm';
import { isPlainObject, json, readJson, refuse, seconds, validationRefusal } from './http.js';
import { allowedRegionsOf, applySandbox } from './smspartner.js';
import { releaseSms, reserveSms, smsOfRows } from './quota.js';
import { audit } from './audit.js';
import { ledgerOf } from './ledger.js';
import { stopListOf } from './stop-list.js';
import { recipientsCsv } from './report-csv.js';

/** Recipients of one chunk: SMS Partner's limit of one request, as the package checks it. */
export const CHUNK_SIZE = smsPartnerLimits().maxPhoneNumbers;
/** Recipients of one campaign. */
export const MAX_RECIPIENTS = 100_000;
/** Largest campaign body: 100,000 pairs with a message of a few SMS each. */
const MAX_CAMPAIGN_BYTES = 32 * 1024 * 1024;
/** Largest stored chunk: a Durable Object's SQLite row takes 2 MB; long personal messages cut chunks sooner. */
const MAX_CHUNK_BYTES = 1024 * 1024;
const DEFAULT_SWEEP_SECONDS = 300;
/** How long a sent chunk waits for its delivery reports before its statuses are asked. */
const DEFAULT_DELIVERY_CHECK_SECONDS = 3600;
const ID_PATTERN = /^[a-z0-9]{12}$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Options a campaign may give: those of a send, the chunk size, and a check without sending. */
const CAMPAIGN_OPTIONS = ['commercial', 'lang', 'chunkSize', 'dryRun', 'maxCost'];
/** Fields of a validation report that belong to a row rather than to the whole campaign. */
const ROW_FIELDS = new Set(['phoneNumbers', 'message']);

/** The route serving `path`: `{ methods, serve(request, env, url, caller) }`, or null. */
export function campaignRoute(path) {
  if (path === '/api/campaigns') return { methods: 'POST, OPTIONS', serve: createCampaign };
  const match = /^\/api\/campaigns\/([^/]+)(\/stop|\/report\.csv)?$/.exec(path);
  if (match === null) return null;
  const [, id, tail] = match;
  if (tail === '/stop') return { methods: 'POST, OPTIONS', serve: (req, env, url, caller) => stopCampaign(id, env, caller) };
  if (tail === '/report.csv') return { methods: 'GET, OPTIONS', serve: (req, env, url, caller) => campaignReport(id, env, url, caller) };
  return { methods: 'GET, OPTIONS', serve: (req, env, url) => campaignProgress(id, env, url) };
}

/** A new campaign id: 12 random lowercase letters and digits (its chunk tags stay under 20). */
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

/** Checks the body `{ request, recipients, options? }`; refuses what the worker will not take. */
function readCampaignBody(body) {
  const bad = (code, message) => refuse(400, code, message);
  if (!isPlainObject(body)) throw bad('body_invalid', 'the body must be a JSON object { "request", "recipients", "options" }');
  for (const name of Object.keys(body)) {
    if (!['request', 'recipients', 'options'].includes(name)) {
      throw bad('body_invalid', `unknown property "${name}" in the body: only "request", "recipients" and "options" are read`);
    }
  }
  const { request, recipients } = body;
  if (!isPlainObject(request)) throw bad('body_invalid', '"request" must be an object of SMS Partner parameters');
  if (Object.hasOwn(request, 'apiKey') || Object.hasOwn(body, 'apiKey')) {
    throw bad('api_key_not_accepted', 'leave apiKey out: the worker sends with its own key');
  }
  if (Object.hasOwn(request, 'phoneNumbers')) {
    throw bad('body_invalid', 'request.phoneNumbers is not read here: give the numbers in "recipients"');
  }
  if (Object.hasOwn(request, 'tag')) {
    throw bad('body_invalid', 'request.tag is not accepted: the worker tags each chunk with its own tag');
  }
  if (!Array.isArray(recipients) || recipients.length === 0) {
    throw bad('body_invalid', '"recipients" must be a non-empty array of numbers or { phoneNumber, message }');
  }
  if (recipients.length > MAX_RECIPIENTS) {
    throw bad('too_many_recipients', `${recipients.length} recipients given: a campaign takes at most ${MAX_RECIPIENTS}`);
  }
  const options = body.options ?? {};
  if (!isPlainObject(options)) throw bad('options_invalid', '"options" must be an object');
  for (const name of Object.keys(options)) {
    if (!CAMPAIGN_OPTIONS.includes(name)) {
      throw bad('option_not_accepted', `options.${name} is not accepted here (accepted: ${CAMPAIGN_OPTIONS.join(', ')})`);
    }
  }
  const { chunkSize = CHUNK_SIZE, dryRun = false, maxCost = null, ...sendOptions } = options;
  if (typeof dryRun !== 'boolean') throw bad('options_invalid', 'options.dryRun must be true or false');
  if (maxCost !== null && !(typeof maxCost === 'number' && Number.isFinite(maxCost) && maxCost > 0)) {
    throw bad('options_invalid', 'options.maxCost must be a positive number (in the account\'s currency)');
  }
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > CHUNK_SIZE) {
    throw bad('options_invalid', `options.chunkSize must be a whole number from 1 to ${CHUNK_SIZE}`);
  }
  return { request, recipients, chunkSize, dryRun, maxCost, sendOptions };
}

/**
 * One row's message from the campaign's template (the package's renderTemplate), or null when
 * the row's fields are not an object of texts and numbers.
 */
function renderRow(template, fields, lang) {
  if (!isPlainObject(fields) || typeof template !== 'string') return null;
  return renderTemplate(template, fields, { lang });
}

/**
 * Checks every row with the package: `{ rows: [{ index, phoneNumber, message }], invalid, duplicates,
 * campaignErrors, warnings, request }`. A message is validated once however many rows carry it;
 * an issue on a field other than the number and the message concerns the whole campaign.
 */
function checkRows(request, recipients, sendOptions, allowedRegions) {
  const numberOptions = { lang: sendOptions.lang, allowedRegions };
  const verdicts = new Map(); // message → report of the first row carrying it
  const rows = [];
  const invalid = [];
  const duplicates = [];
  const seen = new Set();
  let campaignErrors = null;
  let warnings = [];
  let normalized = null;
  recipients.forEach((entry, index) => {
    const pair = isPlainObject(entry);
    const input = pair ? entry.phoneNumber : entry;
    const fields = pair && entry.fields !== undefined ? entry.fields : null;
    let message = pair && entry.message !== undefined ? entry.message : request.message;
    if (typeof input !== 'string') {
      invalid.push({ index, input: null, field: 'phoneNumber', code: 'invalid_type', reason: 'a recipient is a number (string), { phoneNumber, message } or { phoneNumber, fields }' });
      return;
    }
    if (fields !== null) {
      const refuseRow = (code, reason) => invalid.push({ index, input, field: 'message', code, reason });
      if (entry.message !== undefined) return refuseRow('invalid_type', 'a recipient has either its own message or the fields of the template, not both');
      const rendered = renderRow(request.message, fields, sendOptions.lang);
      if (rendered === null) return refuseRow('invalid_type', 'fields must be an object of column → value, for a request.message that is a template');
      if (rendered.message === null) return refuseRow(rendered.issues[0]?.code ?? 'merge_field_unknown', rendered.issues[0]?.message ?? 'the template cannot be filled from this row');
      message = rendered.message;
    }
    const parsed = parsePhoneNumbers(input, numberOptions);
    if (parsed.invalid.length > 0 || parsed.numbers.length !== 1) {
      const first = parsed.invalid[0];
      invalid.push({
        index,
        input,
        field: 'phoneNumber',
        code: first?.code ?? (parsed.numbers.length > 1 ? 'too_many_phone_numbers' : 'phone_numbers_required'),
        reason: first?.reason ?? (parsed.numbers.length > 1 ? 'one number a recipient' : 'no number'),
      });
      return;
    }
    const [phoneNumber] = parsed.numbers;
    if (seen.has(phoneNumber)) {
      duplicates.push({ index, input, phoneNumber });
      return;
    }
    const key = typeof message === 'string' ? message : JSON.stringify(message ?? null);
    let report = verdicts.get(key);
    if (report === undefined) {
      report = validateSendRequest({ ...request, phoneNumbers: phoneNumber, message }, { ...sendOptions, allowedRegions, requireApiKey: false });
      verdicts.set(key, report);
      if (campaignErrors === null) {
        campaignErrors = report.errors.filter((issue) => !ROW_FIELDS.has(issue.field));
        warnings = report.warnings.filter((issue) => !ROW_FIELDS.has(issue.field) || issue.field === 'message');
      }
    }
    const rowErrors = report.errors.filter((issue) => issue.field === 'message');
    if (rowErrors.length > 0) {
      invalid.push({ index, input, field: 'message', code: rowErrors[0].code, reason: rowErrors[0].message });
      return;
    }
    if (report.valid) normalized ??= report.request;
    seen.add(phoneNumber);
    rows.push(fields === null ? { index, phoneNumber, message } : { index, phoneNumber, message, fields });
  });
  return { rows, invalid, duplicates, campaignErrors: campaignErrors ?? [], warnings, request: normalized };
}

/** The rows in chunks of at most `chunkSize`, and of at most MAX_CHUNK_BYTES of numbers and messages. */
function cutChunks(rows, chunkSize, personal) {
  const chunks = [];
  let part = [];
  let bytes = 0;
  // A templated row keeps its fields, rendered again when its chunk is sent; another its message.
  const kept = (row) => (row.fields === undefined ? row.message : { fields: row.fields });
  const close = () => {
    if (part.length === 0) return;
    chunks.push({ numbers: part.map((row) => row.phoneNumber), messages: personal ? part.map(kept) : null });
    part = [];
    bytes = 0;
  };
  const encoder = new TextEncoder();
  for (const row of rows) {
    const size = row.phoneNumber.length + 8 + (personal ? encoder.encode(JSON.stringify(kept(row))).length : 0);
    if (part.length === chunkSize || bytes + size > MAX_CHUNK_BYTES) close();
    part.push(row);
    bytes += size;
  }
  close();
  return chunks;
}

/** POST /api/campaigns. */
async function createCampaign(req, env, url, caller) {
  if (req.method !== 'POST') throw refuse(405, 'method_not_allowed', `${url.pathname} only accepts POST`, { allow: 'POST, OPTIONS' });
  const body = await readJson(req, env, MAX_CAMPAIGN_BYTES);
  const { request: given, recipients, chunkSize, dryRun, maxCost, sendOptions } = readCampaignBody(body);
  const request = applySandbox(given, env);
  const checked = checkRows(request, recipients, sendOptions, allowedRegionsOf(env));
  if (checked.campaignErrors.length > 0) {
    throw validationRefusal(checked.campaignErrors, checked.warnings);
  }
  const stopped = new Set(await stopListOf(env).filter(checked.rows.map((row) => row.phoneNumber)));
  const skippedStop = [];
  const rows = [];
  for (const row of checked.rows) {
    if (stopped.has(row.phoneNumber)) skippedStop.push({ index: row.index, phoneNumber: row.phoneNumber, reason: 'stop_list' });
    else rows.push(row);
  }
  if (rows.length === 0 || checked.request === null) {
    throw validationRefusal(
      [{ field: 'recipients', code: 'no_recipient', message: 'no recipient is left to send to' }],
      checked.warnings,
      { invalid: checked.invalid, skippedStop, duplicates: checked.duplicates },
    );
  }
  const template = typeof request.message === 'string' ? request.message : null;
  const personal = rows.some((row) => row.message !== template || row.fields !== undefined);
  const chunks = cutChunks(rows, chunkSize, personal);
  // The batch's options as given (the package normalizes them again at each send), without
  // the message, which each row carries.
  const { message: _message, ...options } = request;
  const report = {
    recipients: rows.length,
    chunks: chunks.length,
    invalid: checked.invalid,
    skippedStop,
    duplicates: checked.duplicates,
    warnings: checked.warnings,
    sandbox: checked.request.sandbox === 1,
  };
  const sms = smsOfRows(rows, request);
  if (dryRun) return json(200, { ok: true, dryRun: true, ...report, sms }, env.SMSPARTNER_API_KEY);
  const reservation = await reserveSms(env, caller, sms, report.sandbox);
  const id = newId();
  const token = typeof env.REPLY_WEBHOOK_TOKEN === 'string' ? env.REPLY_WEBHOOK_TOKEN : '';
  if (options.urlDlr === undefined && token !== '') {
    const dlr = new URL('/webhooks/dlr', url.origin);
    dlr.search = new URLSearchParams({ token, campaign: id }).toString();
    options.urlDlr = dlr.toString();
  }
  const sweepMs = seconds(env.CAMPAIGN_SWEEP_SECONDS, DEFAULT_SWEEP_SECONDS) * 1000;
  const deliveryCheckMs = seconds(env.CAMPAIGN_DELIVERY_CHECK_SECONDS, DEFAULT_DELIVERY_CHECK_SECONDS) * 1000;
  try {
    await ledgerOf(env, id).create({ id, request: options, sendOptions, message: template, chunks, sweepMs, quota: reservation, maxCost, deliveryCheckMs });
  } catch (error) {
    // Recorded or not, nothing was sent yet; a ledger that took it sends it and counts it.
    if (!(await ledgerOf(env, id).progress().catch(() => null))) await releaseSms(env, reservation);
    throw error;
  }
  audit(env, 'campaign', caller, { campaign: id, recipients: rows.length, chunks: chunks.length, sms, sandbox: report.sandbox });
  return json(202, { ok: true, id, ...report, sms }, env.SMSPARTNER_API_KEY, { location: `/api/campaigns/${id}` });
}

/** The recipients of a campaign who answered STOP after it was made: a Set of numbers. */
async function stopsSince(env, ledger, createdAt) {
  return new Set(await stopListOf(env).filter(await ledger.sentNumbers(), createdAt));
}

/** GET /api/campaigns/:id; `?stops=1` adds `stopReceived` (the STOP list read for every recipient). */
async function campaignProgress(id, env, url) {
  const ledger = ID_PATTERN.test(id) ? ledgerOf(env, id) : null;
  const progress = ledger === null ? null : await ledger.progress(url.searchParams.get('chunks') === '1');
  if (progress === null) throw refuse(404, 'campaign_not_found', 'no campaign has this id');
  if (url.searchParams.get('stops') === '1') progress.stopReceived = (await stopsSince(env, ledger, progress.createdAt)).size;
  return json(200, { ok: true, ...progress }, env.SMSPARTNER_API_KEY);
}

/**
 * GET /api/campaigns/:id/report.csv: every recipient's outcome as a spreadsheet (report-csv.js),
 * headers in `?lang=` (en, fr). The numbers are personal data: never for an unidentified caller.
 */
async function campaignReport(id, env, url, caller) {
  if (caller.kind === 'anonymous') {
    throw refuse(403, 'identity_required', "unidentified callers may not read a campaign's recipients: it needs Cloudflare Access");
  }
  const ledger = ID_PATTERN.test(id) ? ledgerOf(env, id) : null;
  const recipients = ledger === null ? null : await ledger.recipientsReport();
  if (recipients === null) throw refuse(404, 'campaign_not_found', 'no campaign has this id');
  const stops = await stopsSince(env, ledger, (await ledger.progress()).createdAt);
  for (const recipient of recipients) recipient.stopReceived = recipient.state === 'sent' && stops.has(recipient.phoneNumber) ? 'STOP' : null;
  const lang = url.searchParams.get('lang') === 'fr' ? 'fr' : 'en';
  return new Response(recipientsCsv(recipients, lang), {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="campaign-${id}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

/** POST /api/campaigns/:id/stop. */
async function stopCampaign(id, env, caller) {
  const stopped = ID_PATTERN.test(id) ? await ledgerOf(env, id).stop() : null;
  if (stopped === null) throw refuse(404, 'campaign_not_found', 'no campaign has this id');
  const { released, ...progress } = stopped;
  await releaseSms(env, released?.quota, released?.sms);
  audit(env, 'campaign_stop', caller, { campaign: id, smsGivenBack: released?.sms ?? 0 });
  return json(200, { ok: true, ...progress }, env.SMSPARTNER_API_KEY);
}

/**
 * What the delivery-report webhook (its token already checked) records: the report in the
 * ledger of the campaign `campaignId` names. Resolves to `{ recorded, reason? }` (`reason`
 * `no_campaign` when the address names none, `unknown_message` when the campaign sent nothing
 * under that id to that number).
 */
export async function recordDelivery(report, env, campaignId) {
  if (typeof campaignId !== 'string' || !ID_PATTERN.test(campaignId)) return { recorded: false, reason: 'no_campaign' };
  return ledgerOf(env, campaignId).recordDelivery(report);
}

/**
 * What the reply webhook (its token already checked) adds for campaigns: a STOP's number put on
 * the STOP list with the reason. Resolves to `{ stopListed, added }`.
 */
export async function recordReply(reply, env) {
  if (reply.kind !== 'stop') return { stopListed: false, added: false };
  const { added } = await stopListOf(env).add({
    phoneNumber: reply.from,
    reason: 'stop_reply',
    text: reply.text ?? null,
    messageId: reply.messageId ?? null,
    receivedAt: reply.receivedAt ?? null,
  });
  return { stopListed: true, added };
}
