//! The exports of the compose entry beyond the message: phone numbers, validation, schedule,
//! holidays and SMS Partner's codes (the cargo feature `compose`).

use wasm_bindgen::prelude::*;

use crate::calendar::{self, Date};
use crate::input::InputValue;
use crate::issue::Issue;
use crate::lang::{Lang, Text};
use crate::options::flag_value;
use crate::phone;
use crate::quiet_hours;
use crate::validate::{self, NowOption, RawValidateOptions, ValidateOptions};

use super::{convert, js_error, to_js};

fn lang_option(options: &JsValue) -> Option<Lang> {
    validate::lang_value(&convert::option(options, "lang"))
}

/// Splits a list of phone numbers typed by a person into entries, as `parsePhoneNumbers` and
/// `validateSendRequest` do: at commas, semicolons and line breaks, each entry trimmed, empty
/// ones skipped. Never throws: a value that is not a string gives no entry.
#[wasm_bindgen(js_name = splitPhoneList, skip_typescript)]
pub fn split_phone_list(input: JsValue) -> JsValue {
    let text = input.as_string().unwrap_or_default();
    to_js(&phone::split_list(&text).collect::<Vec<_>>())
}

/// Normalizes phone numbers as typed by a person to E.164. Never throws.
#[wasm_bindgen(js_name = parsePhoneNumbers, skip_typescript)]
pub fn parse_phone_numbers(input: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let lang = lang_option(&options).unwrap_or_default();
    let mut unread = 0;
    let entries: Vec<String> = match convert::scalar_or_list(&input) {
        InputValue::Text(text) => phone::split_list(&text).map(str::to_owned).collect(),
        InputValue::List(items) => items
            .into_iter()
            .filter_map(|item| match item {
                InputValue::Text(text) => Some(text),
                InputValue::Unread(count) => {
                    unread = count;
                    None
                }
                other => Some(format!("<{}>", other.type_name())),
            })
            .collect(),
        _ => Vec::new(),
    };
    // `allowedRegions` as validateSendRequest reads it; one that cannot be read allows nothing
    // (the caller asked for a restriction) and says so in an `option_invalid` entry.
    let (allowed, bad_option) =
        match validate::read_allowed_regions(&convert::option(&options, "allowedRegions")) {
            Ok(allowed) => (allowed, false),
            Err(_) => (Some(validate::RegionSet::default()), true),
        };
    let mut report =
        phone::parse_phone_numbers_refusing(entries.iter().map(String::as_str), lang, |details| {
            allowed
                .as_ref()
                .and_then(|set| validate::destination_refusal(details, set, lang))
        });
    if bad_option {
        report.invalid.push(phone::InvalidNumber {
            input: "<options.allowedRegions>".to_string(),
            code: phone::OPTION_INVALID,
            reason: lang.text(Text::RegionsUnreadable).to_string(),
        });
    }
    if unread > 0 {
        report.invalid.push(phone::InvalidNumber::not_read(
            unread,
            convert::MAX_ARRAY_READ,
            lang,
        ));
    }
    to_js(&report)
}

/// Validates a send request as SMS Partner would. Never throws.
#[wasm_bindgen(js_name = validateSendRequest, skip_typescript)]
pub fn validate_send_request(request: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let (options, option_issues) = validate_options(&options);
    let report = match convert::raw_request(&request) {
        Ok(raw) => validate::validate(&raw, &options),
        Err(type_name) => validate::not_an_object(type_name, &options),
    };
    to_js(&report.with_option_issues(option_issues))
}

/// Reads the options of `validateSendRequest` for the core to check; wrong ones are
/// reported, not thrown.
pub(crate) fn validate_options(options: &JsValue) -> (ValidateOptions, Vec<Issue>) {
    let now = if options.is_object() {
        convert::read(options, &JsValue::from_str("now"))
    } else {
        Some(JsValue::UNDEFINED)
    };
    let now = match now {
        Some(value) if value.is_undefined() || value.is_null() => NowOption::Absent,
        // A getter that throws is a wrong option, as for the others, not an absent one.
        read => read
            .and_then(|value| convert::instant(&value))
            .map_or(NowOption::Invalid, NowOption::At),
    };
    let raw = RawValidateOptions {
        now,
        commercial: convert::option(options, "commercial"),
        require_api_key: convert::option(options, "requireApiKey"),
        lang: convert::option(options, "lang"),
        allowed_regions: convert::option(options, "allowedRegions"),
    };
    validate::read_validate_options(&raw, convert::now())
}

/// The regions of metropolitan France and its overseas departments and collectivities that the
/// numbering plans know ([`crate::numbering_plan::FRENCH_REGIONS`]), for `validateSendRequest`'s
/// `allowedRegions`: a new array each call. Never throws.
#[wasm_bindgen(js_name = defaultAllowedRegions, skip_typescript)]
pub fn default_allowed_regions() -> JsValue {
    crate::numbering_plan::FRENCH_REGIONS
        .iter()
        .map(|region| JsValue::from_str(region))
        .collect::<js_sys::Array>()
        .into()
}

/// A campaign's message made for one row: each `{column}` of `template` replaced by the row's
/// value (`row`: an object of column → value; strings and numbers are read, anything else is
/// an empty value). `{ message, fields, issues }`, `message` null when an issue stops it.
/// Never throws: a template that is not a string is an empty one.
#[wasm_bindgen(js_name = renderTemplate, skip_typescript)]
pub fn render_template(template: JsValue, row: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let lang = lang_option(&options).unwrap_or_default();
    let template = template.as_string().unwrap_or_default();
    let columns = convert::text_columns(&row);
    to_js(&crate::template::render(&template, &columns, lang))
}

/// SMS Partner's limits that a page or a worker applies itself (`crate::limits::LIMITS`): how
/// many numbers one request takes, how many SMS a message, the sender's and the tag's lengths.
/// A new object each call. Never throws.
#[wasm_bindgen(js_name = smsPartnerLimits, skip_typescript)]
pub fn sms_partner_limits() -> JsValue {
    to_js(&crate::limits::LIMITS)
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
    Ok(convert::date(ms as f64))
}

/// The last instant at which SMS Partner still takes a cancel of a send scheduled at
/// `scheduledAt` (5 minutes before it; exactly then is still in time): what
/// `SmsPartnerClient.cancel` checks with `options.scheduledAt`, for a page's Cancel button.
///
/// # Errors
/// A `TypeError` when `scheduledAt` is not a valid `Date`, ISO 8601 string or number of
/// milliseconds.
#[wasm_bindgen(js_name = cancelDeadline, skip_typescript)]
pub fn cancel_deadline(scheduled_at: JsValue) -> Result<js_sys::Date, JsValue> {
    let scheduled_ms = convert::instant(&scheduled_at).ok_or_else(|| {
        js_error::type_error(
            "cancelDeadline: `scheduledAt` must be a valid Date, ISO 8601 string or milliseconds",
        )
    })?;
    let ms = crate::lifecycle::cancel::last_cancel_ms(scheduled_ms);
    if ms < -crate::paris_time::MAX_JS_TIME_MS {
        return Err(js_error::type_error(
            "cancelDeadline: the deadline lies before the range of a Date",
        ));
    }
    Ok(convert::date(ms as f64))
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
