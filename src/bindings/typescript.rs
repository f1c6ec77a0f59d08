//! The TypeScript types of every answer and argument, written into the package's `.d.ts`: each
//! build declares what its wasm exports (the message functions; with `compose`, the rest of the
//! compose entry; with `client`, `redactApiKey`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const MESSAGE_TYPES: &'static str = r#"
/** A flag: `true`/`false` or `1`/`0`. */
export type Flag = boolean | 0 | 1;

/** Options of `analyzeMessage` and `splitMessage`. */
export interface MessageOptions {
  /** Unicode (UCS-2) sending: 70 characters for one SMS, 67 per part. */
  isUnicode?: Flag;
  /** Append the STOP mention (premium range only). */
  isStopSms?: Flag;
  /** 1 premium (default), 2 low cost. */
  gamme?: 1 | 2 | "1" | "2";
}

/** A character SMS Partner replaces in GSM mode. */
export interface Replacement {
  /** UTF-16 offset in the input. */
  index: number;
  /** The character as typed. */
  char: string;
  /** What is sent instead; `""` when the character is removed. */
  replacement: string;
}

/** A character that cannot travel in GSM mode (the message needs `isUnicode`). */
export interface UnsupportedCharacter {
  /** UTF-16 offset in the input. */
  index: number;
  /** The character (a whole code point). */
  char: string;
  /** Its code point, `"U+00A0"`. */
  codePoint: string;
  /** Its Unicode name (`"NO-BREAK SPACE"`) where the package knows it, else `null`. */
  name: string | null;
}

/** One change of `normalizeMessage`. */
export interface NormalizeChange {
  /** UTF-16 offset in the input. */
  index: number;
  /** The character as typed. */
  char: string;
  /** What it became; `""` when removed. */
  replacement: string;
}

/** The answer of `normalizeMessage`. */
export interface NormalizedMessage {
  /** The message with the changes made. */
  message: string;
  changes: NormalizeChange[];
}

/** The length of a message as SMS Partner bills it. */
export interface MessageAnalysis {
  encoding: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 code units (UCS-2), after replacements, STOP mention included. */
  characters: number;
  /** SMS billed per recipient; 0 for an empty message. */
  smsCount: number;
  /** Capacity of one SMS at this count: 160, 153, 70 or 67. */
  perSms: number;
  /** Characters left before one more SMS is billed. */
  remaining: number;
  /** The first 2,000 characters SMS Partner replaces (see `truncated`). */
  replacements: Replacement[];
  /** The first 2,000 characters that need `isUnicode` (see `truncated`). */
  unsupported: UnsupportedCharacter[];
  /**
   * `true` when `replacements` or `unsupported` stops at 2,000 items although the message holds
   * more; the counts and the preview are whole either way.
   */
  truncated: boolean;
  /** The text appended for `isStopSms` in the premium range, or `null`. */
  stopMention: string | null;
  /** What the recipient will read. */
  preview: string;
}

/** Where what the recipient reads differs from what is written, in one SMS. */
export interface PartEdit {
  /** UTF-16 offset in the input. */
  index: number;
  /** UTF-16 length of what is written (4 for `:br:`, 2 for an emoji). */
  length: number;
  kind: "replaced" | "unsupported" | "lineBreak" | "euro";
  /** What the recipient reads instead (`""` for a removed character). */
  shown: string;
}

/** One SMS of a message (`splitMessageParts`). */
export interface MessagePart {
  /** UTF-16 offset of the part in the input. */
  index: number;
  /** The input this SMS carries (`""` when only the STOP mention fills it). */
  text: string;
  /** What the recipient reads in this SMS, STOP mention (or its share) included. */
  preview: string;
  edits: PartEdit[];
}

/**
 * Length, encoding, SMS count, replacements and preview of a message, as SMS Partner bills it.
 * Never throws: a value that is not a string is read as an empty message.
 */
export function analyzeMessage(message: string, options?: MessageOptions): MessageAnalysis;

/**
 * The message cut where SMS Partner cuts it, one string per SMS billed; `parts.join('')` gives
 * the message back. Never throws.
 */
export function splitMessage(message: string, options?: MessageOptions): string[];

/**
 * Smart encoding: in GSM mode, typographic spaces, invisible characters, dashes, `…`, low and
 * prime quotes and letters whose accent GSM lacks get their faithful GSM form. Never changes what
 * GSM carries or SMS Partner replaces, nothing with `isUnicode`, and never adds an SMS. Never throws.
 */
export function normalizeMessage(message: string, options?: MessageOptions): NormalizedMessage;

/**
 * The SMS of a message, one per SMS billed, as `splitMessage` cuts them, each with what the
 * recipient reads of it; the previews joined are `analyzeMessage(...).preview`. Never throws.
 */
export function splitMessageParts(message: string, options?: MessageOptions): MessagePart[];
"#;

#[cfg(feature = "compose")]
#[wasm_bindgen(typescript_custom_section)]
const COMPOSE_TYPES: &'static str = r#"
/** Why a phone number could not be read. */
export type PhoneNumberCode =
  | "empty"
  | "invalid_characters"
  | "too_short"
  | "too_long"
  | "unknown_country_code"
  | "national_format_not_french"
  | "not_in_numbering_plan"
  /** A valid number of a region `options.allowedRegions` does not hold. */
  | "destination_not_allowed"
  /** `options.allowedRegions` could not be read: no number is allowed. */
  | "option_invalid"
  /** Entries of an array past the first 100,000, counted in one entry. */
  | "entries_not_read";

/** A number that could not be read. */
export interface InvalidPhoneNumber {
  input: string;
  /** Stable snake_case identifier of the reason. */
  code: PhoneNumberCode;
  /** The reason, for a person. */
  reason: string;
}

/** The answer of `parsePhoneNumbers`. */
export interface PhoneNumberReport {
  /** E.164 numbers, in input order, without duplicates. */
  numbers: string[];
  invalid: InvalidPhoneNumber[];
  /** E.164 numbers given more than once. */
  duplicates: string[];
  /** What the numbering plans say of each entry of `numbers`, in the same order. */
  details: PhoneNumberDetails[];
}

/** The kind of line a number reaches (libphonenumber's names); `"unknown"` outside the tabled plans. */
export type PhoneNumberType =
  | "mobile"
  | "fixedLine"
  | "fixedLineOrMobile"
  | "tollFree"
  | "premiumRate"
  | "sharedCost"
  | "voip"
  | "personalNumber"
  | "pager"
  | "uan"
  | "voicemail"
  | "unknown";

/** One valid number with its region and type. */
export interface PhoneNumberDetails {
  /** E.164. */
  number: string;
  /** ISO 3166-1 alpha-2 (`"FR"`, `"GP"`…); null for a shared or non-geographic code outside the tables. */
  region: string | null;
  type: PhoneNumberType;
  /** false for the types no SMS reaches (fixed lines, premium rate, toll free, shared cost, company access, voicemail): the numbers `validateSendRequest` warns about with `phone_number_not_mobile`. */
  canReceiveSms: boolean;
}

/** The parameters of `POST /v1/send`, with SMS Partner's wire names. */
export interface SendRequest {
  apiKey?: string;
  phoneNumbers: string | string[];
  message: string;
  gamme?: 1 | 2 | "1" | "2";
  sender?: string;
  tag?: string;
  /** `dd/MM/yyyy`, Europe/Paris. */
  scheduledDeliveryDate?: string;
  /** Hour 0–23, Europe/Paris. */
  time?: number | string;
  /** Minute 0–55 by fives. */
  minute?: number | string;
  urlResponse?: string;
  urlDlr?: string;
  isStopSms?: Flag | "0" | "1";
  isUnicode?: Flag | "0" | "1";
  sandbox?: Flag | "0" | "1";
  _format?: "json" | "JSON";
}

/** The normalized request SMS Partner receives (without the key). */
export interface WireRequest {
  phoneNumbers: string;
  message: string;
  gamme?: 2;
  sender?: string;
  tag?: string;
  scheduledDeliveryDate?: string;
  time?: number;
  minute?: number;
  urlResponse?: string;
  urlDlr?: string;
  isStopSms?: 1;
  isUnicode?: 1;
  sandbox?: 1;
}

/** Options of `validateSendRequest`. */
export interface ValidateOptions {
  /** The current time (default: now). */
  now?: Date | string;
  /** Marketing message: the STOP mention and the quiet hours apply. */
  commercial?: boolean;
  /** Language of the sentences. */
  lang?: "en" | "fr";
  /** Whether a missing `apiKey` is an error (default true). */
  requireApiKey?: boolean;
  /**
   * The regions the numbers may be of, ISO 3166-1 alpha-2 as `parsePhoneNumbers` gives them in
   * `details` (`"FR"`, `"GP"`; lower case is read as upper case), and `"001"` for the numbers of
   * no single region (international networks such as +882, global services such as +800, country
   * codes shared by several regions such as +7). Each valid number of another region is a
   * `destination_not_allowed` error; `[]` allows none. Default: any destination.
   * `defaultAllowedRegions()` gives France and its overseas departments and collectivities.
   */
  allowedRegions?: readonly string[];
}

// issue-codes:start (written from IssueCode::ALL in src/issue.rs by `UPDATE=1 cargo test --test issue_codes`)
/** Every validation code and warning. */
export type IssueCode =
  | "request_not_object"
  | "api_key_required"
  | "api_key_invalid"
  | "api_key_conflict"
  | "phone_numbers_required"
  | "phone_number_invalid"
  | "too_many_phone_numbers"
  | "destination_not_allowed"
  | "message_required"
  | "message_too_long"
  | "low_cost_too_long"
  | "merge_field_unknown"
  | "merge_field_empty"
  | "merge_field_unclosed"
  | "gamme_invalid"
  | "sender_too_short"
  | "sender_too_long"
  | "sender_invalid_characters"
  | "tag_too_long"
  | "tag_invalid_characters"
  | "tag_not_lowercase"
  | "schedule_date_invalid"
  | "schedule_in_past"
  | "time_required"
  | "time_invalid"
  | "minute_required"
  | "minute_invalid"
  | "url_invalid"
  | "flag_invalid"
  | "format_unsupported"
  | "format_invalid"
  | "invalid_type"
  | "option_invalid"
  | "rejected_by_smspartner"
  | "duplicate_phone_numbers"
  | "phone_number_not_mobile"
  | "characters_replaced"
  | "characters_unsupported"
  | "unicode_needs_activation"
  | "sender_numeric"
  | "stop_sms_not_applicable"
  | "stop_mention_missing"
  | "nopub_mention_missing"
  | "quiet_hours_delay"
  | "schedule_date_missing"
  | "unknown_field"
  | "messages_required"
  | "too_many_messages"
  | "message_id_required"
  | "message_id_invalid"
  | "tag_required"
  | "stop_id_required"
  | "stop_id_invalid"
  | "queries_required"
  | "too_many_queries"
  | "interval_invalid"
  | "date_range_required"
  | "date_invalid"
  | "date_range_reversed";
// issue-codes:end

/** One problem: the wire field, a stable code, a sentence. */
export interface Issue {
  field: string;
  code: IssueCode;
  message: string;
}

/** The answer of `validateSendRequest`. */
export interface ValidationReport {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** The normalized wire request when valid, else `null`. */
  request: WireRequest | null;
  message: MessageAnalysis;
  recipients: number;
  totalSms: number;
  /** ISO 8601 instant when SMS Partner will actually send. */
  deliveryTime: string;
}

/** What one of SMS Partner's send codes means (`smsPartnerCode`). */
export interface SmsPartnerCode {
  code: number;
  reason: string;
  field: string | null;
  /** Who can act on it: the request's author, the account's operator, its credits, or SMS Partner. */
  class: "request" | "account" | "credits" | "upstream";
  /** Its meaning in `lang`. */
  message: string;
}

/** What one of SMS Partner's send codes means, or `null` for a code it does not document. Never throws. */
export function smsPartnerCode(code: number | string, options?: { lang?: "en" | "fr" }): SmsPartnerCode | null;

/**
 * A list of phone numbers typed by a person cut into entries, as `parsePhoneNumbers` cuts it:
 * at commas, semicolons and line breaks, trimmed, empty entries skipped. Never throws.
 */
export function splitPhoneList(input: string): string[];

/**
 * Normalizes phone numbers as typed by a person to E.164. Never throws. Of an array, the first
 * 100,000 entries are read; the rest are one `invalid` entry of code `entries_not_read`. With
 * `allowedRegions` (as `validateSendRequest` reads it), each valid number of another region is
 * an `invalid` entry of code `destination_not_allowed`, with `validateSendRequest`'s sentence;
 * an `allowedRegions` that cannot be read allows no number and adds an `option_invalid` entry.
 */
export function parsePhoneNumbers(
  input: string | string[],
  options?: { lang?: "en" | "fr"; allowedRegions?: readonly string[] },
): PhoneNumberReport;

/**
 * The regions of metropolitan France and its overseas departments and collectivities that the
 * numbering plans know (`"FR"`, `"GP"`, `"MQ"`, `"GF"`, `"RE"`, `"YT"`, `"PM"`, `"BL"`, `"MF"`,
 * `"WF"`, `"PF"`, `"NC"`), for `ValidateOptions.allowedRegions`; never `"001"`. A new array each
 * call. Never throws.
 */
export function defaultAllowedRegions(): string[];

/** A merge field of a template: its name and the UTF-16 offset of its `{`. */
export interface MergeField {
  name: string;
  index: number;
}

/** A campaign's message made for one row (`renderTemplate`). */
export interface RenderedTemplate {
  /** The message for this row, or `null` when an issue stops it. */
  message: string | null;
  /** The template's fields, each once, in the order of their first use. */
  fields: MergeField[];
  /** `merge_field_unknown`, `merge_field_empty` and `merge_field_unclosed`, on `message`. */
  issues: Issue[];
}

/**
 * A campaign's message made for one row: each `{column}` of `template` replaced by the row's
 * value (the column of that exact header, else the same without regard to the case of ASCII letters; `{{` and `}}`
 * write a brace). `row`: column → value (strings, numbers). Never throws.
 */
export function renderTemplate(
  template: string,
  row: Readonly<Record<string, string | number>>,
  options?: { lang?: "en" | "fr" },
): RenderedTemplate;

/** SMS Partner's limits that a page or a worker applies itself, as the package checks them. */
export interface SmsPartnerLimits {
  /** Numbers in one request (500): the size of a bulk chunk and of a campaign's chunk. */
  maxPhoneNumbers: number;
  /** SMS one message may take (10). */
  maxSmsPerMessage: number;
  /** SMS a low-cost message may take (1). */
  maxLowCostSms: number;
  /** The sender's shortest and longest length (3 and 11). */
  minSenderLength: number;
  maxSenderLength: number;
  /** The longest tag (20). */
  maxTagLength: number;
  /** The longest callback URL (2048). */
  maxUrlLength: number;
  /** The step of a scheduled minute (5). */
  minuteStep: number;
}

/** SMS Partner's limits (a new object each call). Never throws. */
export function smsPartnerLimits(): SmsPartnerLimits;

/** Validates a send request as SMS Partner would. Never throws on any value. */
export function validateSendRequest(request: SendRequest, options?: ValidateOptions): ValidationReport;

/**
 * When SMS Partner will actually send a message submitted at `at`: with `commercial`, the next
 * opening of Monday–Saturday 08:00–20:00 Paris time outside public holidays; otherwise `at`.
 * @throws TypeError when `at` is not a valid Date, ISO 8601 string or number of milliseconds.
 */
export function effectiveSendTime(at: Date | string | number, options?: { commercial?: boolean }): Date;

/**
 * The last instant at which SMS Partner still takes a cancel of a send scheduled at
 * `scheduledAt`: 5 minutes before it (exactly then is still in time), as
 * `SmsPartnerClient.cancel` checks with `options.scheduledAt`.
 * @throws TypeError when `scheduledAt` is not a valid Date, ISO 8601 string or number of milliseconds.
 */
export function cancelDeadline(scheduledAt: Date | string | number): Date;

/**
 * Whether a calendar date (a Date's day in Paris, `"YYYY-MM-DD"` or `"dd/MM/yyyy"`) is one of
 * the 11 national French public holidays.
 * @throws TypeError when `date` cannot be read.
 */
export function isFrenchPublicHoliday(date: Date | string): boolean;

/**
 * The name of the French public holiday on that date, or `null`.
 * @throws TypeError when `date` cannot be read.
 */
export function frenchPublicHoliday(date: Date | string, options?: { lang?: "en" | "fr" }): string | null;
"#;

#[cfg(feature = "client")]
#[wasm_bindgen(typescript_custom_section)]
const REDACT_TYPES: &'static str = r#"
/**
 * `text` with the API key taken out: each occurrence replaced by `[redacted]`, and the whole
 * text blanked when the key (or half of it, or the key percent-encoded or `\uXXXX`-escaped) is
 * still there. The same string back when nothing is taken out. Never throws.
 */
export function redactApiKey(text: string, apiKey: string): string;
"#;
