//! Exact SMS length, request validation and sending for the SMS Partner HTTP API.
//!
//! The crate is a pure Rust core (message length, GSM 03.38 tables, phone numbers,
//! validation, Paris time and quiet hours, the wire format), tested natively, plus a
//! WebAssembly layer (`bindings`, `transport`) that alone meets JavaScript.
//!
//! Its public surface is the list of `pub use` below, grouped by job: every item has one path,
//! at the crate's root (a few renamed there, where the module's short name would be unclear:
//! `render_template`, `plan_bulk`, `normalize_phone_number`…). The modules are private.
#![deny(missing_docs)]

mod api_code;
mod api_key;
mod calendar;
mod callback_url;
mod digits;
mod error;
mod gsm;
mod input;
mod issue;
mod json;
mod lang;
mod lifecycle;
mod limits;
mod message;
mod normalize;
mod numbering_plan;
mod options;
mod paris_time;
mod phone;
mod quiet_hours;
mod radix;
mod send_fields;
mod symbols;
mod template;
mod validate;
mod wire;

/// The exports to JavaScript (`#[wasm_bindgen]`): what the package's entries are made of.
#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(all(target_arch = "wasm32", feature = "client"))]
mod transport;

// Message length, as SMS Partner bills it: encodings, SMS counts, splitting, smart encoding.
pub use gsm::{
    BASIC_ASCII, CharClass, SENT_AS, basic_two_bytes, classify, replaced_cost, sent_as_id,
};
pub use message::{
    Counts, EURO_TAG, Edit, EditKind, Encoding, Gamme, LINE_BREAK_TAG, MAX_LISTED, MessageAnalysis,
    MessageOptions, Part, PartEdit, Replacement, STOP_MENTION, Unsupported, analyze, analyze_into,
    split, split_parts, wire_text,
};
pub use normalize::{Change, Normalized, gsm_form, normalize, table as normalize_table};
pub use options::{
    MessageOptionsReading, flag_value, gamme_value, read_message_options, whole_number,
};
pub use symbols::{Symbol, all as all_symbols, character_name, code_point, symbol};
pub use template::{Field as TemplateField, Rendered, Template, render as render_template};
// Phone numbers and their numbering plans.
pub use numbering_plan::{
    FRENCH_REGIONS, Lookup, METADATA_VERSION, NumberType, has_zero_trunk_prefix, lookup,
    single_region, trunk_prefix,
};
pub use phone::{
    DESTINATION_NOT_ALLOWED, ENTRIES_NOT_READ, InvalidNumber, InvalidReason, MAX_E164_DIGITS,
    MIN_E164_DIGITS, NumberDetails, OPTION_INVALID, PhoneNumberReport, details as number_details,
    normalize as normalize_phone_number, normalize_reported, parse_phone_numbers,
    parse_phone_numbers_refusing, split_list,
};
// The send request: its fields, its validation, its issues and SMS Partner's limits.
pub use api_key::{ApiKey, ApiKeyProblem, REDACTED};
pub use callback_url::is_callback_url;
pub use input::InputValue;
pub use issue::{Issue, IssueCode, Severity, fill as fill_sentence};
pub use lang::{IssueText, Lang, Text};
pub use limits::{
    LIMITS, Limits, MAX_GSM_SEPTETS, MAX_HOUR, MAX_LOW_COST_SMS, MAX_MINUTE, MAX_PHONE_NUMBERS,
    MAX_SMS_PER_MESSAGE, MAX_TAG_LEN, MAX_UCS2_UNITS, MAX_URL_LEN, MINUTE_STEP, SENDER_LEN,
};
pub use send_fields::{
    FieldKind, RawRequest, SEND_FIELDS, SendBody, SendField, WIRE_FIELDS, WireRequest, kind_of,
};
pub use validate::{
    MAX_REPEATED, NO_SINGLE_REGION, NOPUB_MENTION, NowOption, RawValidateOptions, RegionSet,
    ValidateOptions, ValidationReport, check_tag, destination_refusal, for_client, lang_value,
    not_an_object, read_allowed_regions, read_validate_options, validate,
};
// Paris time, French public holidays and the quiet hours of marketing SMS.
pub use calendar::{
    Date, FIRST_GREGORIAN_YEAR, Holiday, LAST_SUPPORTED_YEAR, Weekday, days_in_month,
    easter_sunday, french_public_holiday, french_public_holidays, is_french_public_holiday,
    is_leap_year,
};
pub use paris_time::{
    CEST_OFFSET_MINUTES, CET_OFFSET_MINUTES, LocalDateTime, MAX_JS_TIME_MS, MS_PER_DAY,
    MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, format_iso8601, format_iso8601_paris, from_local,
    is_summer_time, parse_iso8601, summer_time_period, to_local, utc_offset_minutes,
};
pub use quiet_hours::{
    CLOSING_HOUR, Delay, OPENING_HOUR, QuietReason, delay as quiet_delay, effective_send_time,
    is_open, quiet_reason,
};
// The wire: requests, SMS Partner's answers, its codes and the errors.
pub use api_code::{API_CODES, ApiCode, ApiCodeClass, CodeInfo, describe as describe_code};
pub use error::{ErrorKind, SmsPartnerError};
pub use json::{Json, JsonMembers, number as json_number, optional_number as json_optional_number};
pub use wire::{
    DEFAULT_BASE_URL, HttpRequest, SEND_PATH, SendResult, camel_case, control_code_message,
    decode_send_json, decode_send_json_in, field_of_element_id, normalize_base_url,
    send_request_with,
};
/// The send request as an HTTP request and its answer decoded, for native callers (the wasm
/// sends through its own client).
#[cfg(not(target_arch = "wasm32"))]
pub use wire::{decode_send_response, send_request};
// The rest of an SMS's life: bulk sends, statuses, cancels, credits, the STOP list, replies.
pub use lifecycle::account::{
    CREDITS_PATH, Credits, STOP_ADD_PATH, STOP_DELETE_PATH, STOP_LIST_PATH, StopAdded, StopEntry,
    StopRemoved, add_to_stop_list_request, credits_request, decode_credits, decode_stop_added,
    decode_stop_list, decode_stop_removed, remove_from_stop_list_request, stop_list_request,
};
pub use lifecycle::bulk::{
    BULK_SEND_PATH, BulkAnswer, BulkItemResult, BulkPlan, BulkResult, BulkRun, CHUNK_SIZE,
    ChunkResult, ChunkState, MAX_MESSAGES, RawBulk, RawMessage, RawMessages, bulk_request,
    decode_bulk, plan as plan_bulk,
};
pub use lifecycle::cancel::{
    CANCEL_DEADLINE_MS, CANCEL_PATH, Cancelled, cancel_request, check_deadline, decode_cancel,
    last_cancel_ms,
};
pub use lifecycle::dlr::{DeliveryEvent, DeliveryGroup, DeliveryReport, parse_delivery_report};
pub use lifecycle::reply::{
    Reply, ReplyEvent, ReplyKind, ReplyPart, form_fields, json_fields, parse_reply,
};
pub use lifecycle::statistics::{
    STATISTICS_CALLS_PER_WINDOW, STATISTICS_PATH, STATISTICS_WINDOW_MS, StatisticsMonth,
    StatisticsPeriod, decode_statistics, read_period, statistics_call_allowed, statistics_request,
};
pub use lifecycle::status::{
    BULK_STATUS_PATH, DeliveryStatus, MAX_TAG_PAGES, MESSAGE_STATUS_PATH, MULTI_STATUS_LIMIT,
    MULTI_STATUS_PATH, STATUS_BY_TAG_PATH, Status, StatusQuery, TagPage, bulk_status_request,
    decode_message_status, decode_multi_status, decode_status_list, decode_tag_page,
    message_status_request, multi_status_request, next_tag_page, status_by_tag_page_request,
    status_by_tag_request, tag as status_tag, tag_page_is_new,
};
pub use lifecycle::{
    JsonHost, invalid as invalid_field, message_id as read_message_id,
    phone_number as read_phone_number,
};

/// The wasm's allocator: talc, faster than the default dlmalloc and about 2.4 KB smaller once
/// gzipped (measured by `scripts/build` on each entry).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
