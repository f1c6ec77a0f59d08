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

/** A number that could not be read. */
export interface InvalidPhoneNumber {
  input: string;
  /** Stable snake_case identifier of the reason. */
  code: string;
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

/** One problem: the wire field, a stable code, a sentence. */
export interface Issue {
  field: string;
  code: string;
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
  code: number | null;
  errors: Issue[];
}
"#;
