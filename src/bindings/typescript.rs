//! The TypeScript types of every answer and argument, written into the package's `.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
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
  replacements: Replacement[];
  unsupported: UnsupportedCharacter[];
  /** The text appended for `isStopSms` in the premium range, or `null`. */
  stopMention: string | null;
  /** What the recipient will read. */
  preview: string;
}

/** Why a phone number could not be read. */
export type PhoneNumberCode =
  | "empty"
  | "invalid_characters"
  | "too_short"
  | "too_long"
  | "unknown_country_code"
  | "national_format_not_french"
  | "french_trunk_zero"
  | "french_number_invalid";

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
  | "message_required"
  | "message_too_long"
  | "low_cost_too_long"
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
  | "characters_replaced"
  | "characters_unsupported"
  | "unicode_needs_activation"
  | "sender_numeric"
  | "stop_sms_not_applicable"
  | "stop_mention_missing"
  | "nopub_mention_missing"
  | "quiet_hours_delay"
  | "schedule_date_missing"
  | "unknown_field";
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

/** Options of `new SmsPartnerClient`. */
export interface SmsPartnerClientOptions {
  apiKey: string;
  /** Default `https://api.smspartner.fr`. */
  baseUrl?: string;
  /** Default 30000. */
  timeoutMs?: number;
}

/** SMS Partner's answer to a successful send, in camelCase. */
export interface SendResult {
  success: true;
  code: number;
  messageId: number | string;
  nbSms: number | null;
  cost: number | null;
  currency: string | null;
  [other: string]: unknown;
}

/** What a send rejects with. */
export interface SmsPartnerError extends Error {
  name: "SmsPartnerError";
  kind: "validation" | "api" | "http" | "network" | "timeout";
  status: number | null;
  /** SMS Partner's code, or `null`. */
  code: number | null;
  /** The stable name of a documented SMS Partner code (`number_in_stop_list`, `too_many_sms`…), or `null`. */
  reason: string | null;
  /** The wire field SMS Partner's code is about (`sender`, `minute`, `phoneNumbers`…), or `null`. */
  field: string | null;
  errors: Issue[];
  /** Whether the message may have left despite the error: nothing is ever resent. */
  mayHaveBeenSent: boolean;
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
 * Length, encoding, SMS count, replacements and preview of a message, as SMS Partner bills it.
 * Never throws: a value that is not a string is read as an empty message.
 */
export function analyzeMessage(message: string, options?: MessageOptions): MessageAnalysis;

/**
 * The message cut where SMS Partner cuts it, one string per SMS billed; `parts.join('')` gives
 * the message back. Never throws.
 */
export function splitMessage(message: string, options?: MessageOptions): string[];

/** Normalizes phone numbers as typed by a person to E.164. Never throws. */
export function parsePhoneNumbers(input: string | string[], options?: { lang?: "en" | "fr" }): PhoneNumberReport;

/** Validates a send request as SMS Partner would. Never throws on any value. */
export function validateSendRequest(request: SendRequest, options?: ValidateOptions): ValidationReport;

/**
 * When SMS Partner will actually send a message submitted at `at`: with `commercial`, the next
 * opening of Monday–Saturday 08:00–20:00 Paris time outside public holidays; otherwise `at`.
 * @throws TypeError when `at` is not a valid Date, ISO 8601 string or number of milliseconds.
 */
export function effectiveSendTime(at: Date | string | number, options?: { commercial?: boolean }): Date;

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

/** A client of the SMS Partner API. Its key is never readable back. */
export class SmsPartnerClient {
  free(): void;
  [Symbol.dispose](): void;
  /** @throws SmsPartnerError of kind `validation` when an option is missing or wrong. */
  constructor(options: SmsPartnerClientOptions);
  /** The address requests go to. */
  readonly baseUrl: string;
  /** The timeout of a send, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * Validates `request` and, when valid, posts it once to `{baseUrl}/v1/send`. Rejects with an
   * `SmsPartnerError`. Never resends: after `network` or `timeout` the SMS may have left.
   */
  send(request: SendRequest, options?: ValidateOptions): Promise<SendResult>;
}
"#;
