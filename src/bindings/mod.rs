//! The one place where JavaScript is met: exported functions, argument reading, answer writing.

mod client;
mod convert;
mod fast;
mod js_error;
mod typescript;

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::calendar::{self, Date};
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::lang::Lang;
use crate::message::{self, Gamme, MessageOptions};
use crate::phone;
use crate::quiet_hours;
use crate::validate::flag_value;
use crate::validate::{self, ValidateOptions};

pub use client::SmsPartnerClient;

/// Writes a Rust answer as a plain JavaScript object, exactly as `serde_json` would write it.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Writes a Rust value as JSON text with serde, as `serde_json` would: the serde-wasm-bindgen
/// object through `JSON.stringify` (no JSON library in the wasm). `None` when either fails.
pub(crate) fn json_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let object = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&object).ok()?.as_string()
}

/// Reads `isUnicode`, `isStopSms` and `gamme` from an options object; bad values are defaults.
fn message_options(options: &JsValue) -> MessageOptions {
    let flag = |name| flag_value(&convert::option(options, name)).unwrap_or(false);
    let gamme = match convert::option(options, "gamme") {
        InputValue::Number(2.0) => Gamme::LowCost,
        InputValue::Text(t) if t == "2" => Gamme::LowCost,
        _ => Gamme::Premium,
    };
    MessageOptions {
        unicode: flag("isUnicode"),
        stop_sms: flag("isStopSms"),
        gamme,
    }
}

/// The message as a string; anything else is read as an empty message.
fn message_text(message: &JsValue) -> String {
    message.as_string().unwrap_or_default()
}

fn lang_option(options: &JsValue) -> Option<Lang> {
    match convert::option(options, "lang") {
        InputValue::Text(tag) => Lang::from_tag(&tag),
        _ => None,
    }
}

/// Length, encoding, SMS count, replacements and preview of a message, as SMS Partner bills it.
/// Never throws: a value that is not a string is read as an empty message.
#[wasm_bindgen(js_name = analyzeMessage, skip_typescript)]
pub fn analyze_message(message: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    to_js(&message::analyze(
        &message_text(&message),
        &message_options(&options),
    ))
}

/// The message cut where SMS Partner cuts it, one string per SMS billed. Never throws.
#[wasm_bindgen(js_name = splitMessage, skip_typescript)]
pub fn split_message(message: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let text = message_text(&message);
    let parts = message::split(&text, &message_options(&options));
    match message.dyn_ref::<js_sys::JsString>() {
        // Lone surrogates crossed as U+FFFD, one UTF-16 code unit as well: cut the original
        // string at the same offsets, so that `parts.join('')` gives it back unchanged.
        Some(original)
            if text.contains(char::REPLACEMENT_CHARACTER) && !original.is_valid_utf16() =>
        {
            let mut from = 0u32;
            parts
                .iter()
                .map(|part| {
                    let units = u32::try_from(part.encode_utf16().count()).unwrap_or(u32::MAX);
                    let to = from.saturating_add(units);
                    let slice = original.slice(from, to);
                    from = to;
                    slice
                })
                .collect::<js_sys::Array>()
                .into()
        }
        _ => to_js(&parts),
    }
}

/// Normalizes phone numbers as typed by a person to E.164. Never throws.
#[wasm_bindgen(js_name = parsePhoneNumbers, skip_typescript)]
pub fn parse_phone_numbers(input: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let lang = lang_option(&options).unwrap_or_default();
    let entries: Vec<String> = match convert::scalar_or_list(&input) {
        InputValue::Text(text) => phone::split_list(&text).map(str::to_owned).collect(),
        InputValue::List(items) => items
            .into_iter()
            .map(|item| match item {
                InputValue::Text(text) => text,
                other => format!("<{}>", other.type_name()),
            })
            .collect(),
        _ => Vec::new(),
    };
    to_js(&phone::parse_phone_numbers(
        entries.iter().map(String::as_str),
        lang,
    ))
}

/// Validates a send request as SMS Partner would. Never throws.
#[wasm_bindgen(js_name = validateSendRequest, skip_typescript)]
pub fn validate_send_request(request: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let (options, option_issues) = validate_options(&options);
    let mut report = match convert::raw_request(&request) {
        Ok(raw) => validate::validate(&raw, &options),
        Err(type_name) => validate::not_an_object(type_name, &options),
    };
    if !option_issues.is_empty() {
        report.errors.extend(option_issues);
        report.valid = false;
        report.request = None;
    }
    to_js(&report)
}

/// Reads the options of `validateSendRequest`; wrong ones are reported, not thrown.
pub(crate) fn validate_options(options: &JsValue) -> (ValidateOptions, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut bad = |name: &'static str, rule: &str| {
        issues.push(Issue::of(
            IssueCode::OptionInvalid,
            Lang::En,
            &[&name, &rule],
        ));
    };
    let now_value = if options.is_object() {
        convert::read(options, &JsValue::from_str("now"))
    } else {
        Some(JsValue::UNDEFINED)
    };
    let now_ms = match now_value {
        Some(value) if value.is_undefined() || value.is_null() => js_sys::Date::now() as i64,
        // A getter that throws is a wrong option, as for the others, not an absent one.
        read => read
            .and_then(|value| convert::instant(&value))
            .unwrap_or_else(|| {
                bad("now", "a Date or an ISO 8601 string");
                js_sys::Date::now() as i64
            }),
    };
    let mut flag = |name: &'static str, default: bool| {
        flag_value(&convert::option(options, name)).unwrap_or_else(|| {
            bad(name, "true or false");
            default
        })
    };
    let commercial = flag("commercial", false);
    let require_api_key = match convert::option(options, "requireApiKey") {
        InputValue::Absent | InputValue::Null => true,
        value => flag_value(&value).unwrap_or_else(|| {
            bad("requireApiKey", "true or false");
            true
        }),
    };
    let lang = match convert::option(options, "lang") {
        InputValue::Absent | InputValue::Null => Lang::En,
        InputValue::Text(tag) => Lang::from_tag(&tag).unwrap_or_else(|| {
            bad("lang", "\"en\" or \"fr\"");
            Lang::En
        }),
        _ => {
            bad("lang", "\"en\" or \"fr\"");
            Lang::En
        }
    };
    (
        ValidateOptions {
            now_ms,
            commercial,
            lang,
            require_api_key,
        },
        issues,
    )
}

/// When SMS Partner will actually send a message submitted at `at`: the next opening of the
/// commercial window (Monday–Saturday 08:00–20:00 Paris time, holidays excepted) when
/// `commercial`, `at` otherwise.
///
/// # Errors
/// A `TypeError` when `at` is not a valid `Date`, ISO 8601 string or number of milliseconds.
#[wasm_bindgen(js_name = effectiveSendTime, skip_typescript)]
pub fn effective_send_time(at: JsValue, options: Option<JsValue>) -> Result<js_sys::Date, JsValue> {
    let options = options.unwrap_or_default();
    let at_ms = convert::instant(&at).ok_or_else(|| {
        js_error::type_error("effectiveSendTime: `at` must be a valid Date or ISO 8601 string")
    })?;
    let commercial = flag_value(&convert::option(&options, "commercial")).unwrap_or(false);
    let ms = quiet_hours::effective_send_time(at_ms, commercial);
    if ms > crate::paris_time::MAX_JS_TIME_MS {
        return Err(js_error::type_error(
            "effectiveSendTime: the next opening lies beyond the range of a Date",
        ));
    }
    Ok(js_sys::Date::new(&JsValue::from_f64(ms as f64)))
}

/// Reads a calendar date: a `Date` (its Paris calendar day), `"YYYY-MM-DD"` or `"dd/MM/yyyy"`.
fn calendar_date(value: &JsValue) -> Option<Date> {
    if let Some(text) = value.as_string() {
        return Date::parse_iso(&text).or_else(|| Date::parse_dmy(&text));
    }
    convert::instant(value).map(|ms| crate::paris_time::to_local(ms).date)
}

/// Whether a calendar date is a French public holiday (the 11 national holidays).
///
/// # Errors
/// A `TypeError` when `date` is not a `Date`, `"YYYY-MM-DD"` or `"dd/MM/yyyy"`.
#[wasm_bindgen(js_name = isFrenchPublicHoliday, skip_typescript)]
pub fn is_french_public_holiday(date: JsValue) -> Result<bool, JsValue> {
    let date = calendar_date(&date).ok_or_else(|| {
        js_error::type_error(
            "isFrenchPublicHoliday: `date` must be a Date, \"YYYY-MM-DD\" or \"dd/MM/yyyy\"",
        )
    })?;
    Ok(calendar::is_french_public_holiday(date))
}

/// The name of the French public holiday on that date, or `null`.
///
/// # Errors
/// A `TypeError` when `date` is not a `Date`, `"YYYY-MM-DD"` or `"dd/MM/yyyy"`.
#[wasm_bindgen(js_name = frenchPublicHoliday, skip_typescript)]
pub fn french_public_holiday(date: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or_default();
    let date = calendar_date(&date).ok_or_else(|| {
        js_error::type_error(
            "frenchPublicHoliday: `date` must be a Date, \"YYYY-MM-DD\" or \"dd/MM/yyyy\"",
        )
    })?;
    let lang = lang_option(&options).unwrap_or_default();
    Ok(calendar::french_public_holiday(date)
        .map_or(JsValue::NULL, |h| JsValue::from_str(h.name(lang))))
}

/// What one of SMS Partner's send codes means: `{ code, reason, field, class, message }` with
/// `message` in `lang`, or `null` for a code it does not document. Never throws.
#[wasm_bindgen(js_name = smsPartnerCode, skip_typescript)]
pub fn sms_partner_code(code: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let lang = lang_option(&options).unwrap_or_default();
    let code = match convert::scalar_or_list(&code) {
        InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => Some(n as i64),
        InputValue::Text(t)
            if !t.is_empty() && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) =>
        {
            t.parse().ok()
        }
        _ => None,
    };
    code.and_then(|c| crate::api_code::describe(c, lang))
        .map_or(JsValue::NULL, |info| to_js(&info))
}
