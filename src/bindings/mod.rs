//! The one place where JavaScript is met: exported functions, argument reading, answer writing.
//!
//! Each entry of the package is a build of the crate: the message exports here and the
//! keystroke path (`fast`) are in all three; the cargo feature `compose` adds phone numbers,
//! validation and the schedule (`compose`), `client` the client and the webhooks; the build
//! without either is the `./length` entry.

#[cfg(feature = "client")]
mod client;
#[cfg(feature = "compose")]
mod compose;
mod convert;
mod fast;
#[cfg(feature = "compose")]
mod js_error;
#[cfg(feature = "client")]
mod lifecycle;
mod typescript;

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::message::{self, MessageOptions};
use crate::options;

#[cfg(feature = "client")]
pub use client::SmsPartnerClient;
#[cfg(feature = "client")]
pub(crate) use compose::validate_options;
#[cfg(feature = "compose")]
pub use compose::{
    cancel_deadline, default_allowed_regions, effective_send_time, french_public_holiday,
    is_french_public_holiday, parse_phone_numbers, sms_partner_code, split_phone_list,
    validate_send_request,
};
#[cfg(feature = "client")]
pub use lifecycle::{parse_delivery_report, parse_reply_webhook};

/// Writes a Rust answer as a plain JavaScript object, exactly as `serde_json` would write it.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Writes a Rust value as JSON text with serde, as `serde_json` would: the serde-wasm-bindgen
/// object through `JSON.stringify` (no JSON library in the wasm). `None` when either fails.
#[cfg(feature = "client")]
pub(crate) fn json_text<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let object = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&object).ok()?.as_string()
}

/// Reads `isUnicode`, `isStopSms` and `gamme` from an options object as the core does; bad
/// values are defaults.
fn message_options(options: &JsValue) -> MessageOptions {
    let option = |name| convert::option(options, name);
    options::read_message_options(&option("isUnicode"), &option("isStopSms"), &option("gamme"))
        .options
}

/// The message as a string; anything else is read as an empty message.
fn message_text(message: &JsValue) -> String {
    message.as_string().unwrap_or_default()
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
    match original_with_lone_surrogates(&message, &text) {
        Some(original) => parts
            .iter()
            .scan(0u32, |from, part| {
                let units = u32::try_from(part.encode_utf16().count()).unwrap_or(u32::MAX);
                let to = from.saturating_add(units);
                let slice = original.slice(*from, to);
                *from = to;
                Some(slice)
            })
            .collect::<js_sys::Array>()
            .into(),
        None => to_js(&parts),
    }
}

/// Smart encoding: the message with each character that GSM-7 lacks but has a faithful GSM
/// form replaced by it, and the changes (`{ message, changes }`). Never throws.
#[wasm_bindgen(js_name = normalizeMessage, skip_typescript)]
pub fn normalize_message(message: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let text = message_text(&message);
    let normalized = crate::normalize::normalize(&text, &message_options(&options));
    let answer = to_js(&normalized);
    // The text around the changes is taken from the original string, so that nothing else in
    // it changes.
    if let Some(original) = original_with_lone_surrogates(&message, &text) {
        let mut out = js_sys::JsString::from("");
        let mut from = 0u32;
        for change in &normalized.changes {
            out = out
                .concat(&original.slice(from, change.index))
                .concat(&JsValue::from_str(change.replacement));
            let units = u32::try_from(change.char.len_utf16()).unwrap_or(1);
            from = change.index.saturating_add(units);
        }
        out = out.concat(&original.slice(from, original.length()));
        let _ = js_sys::Reflect::set(&answer, &JsValue::from_str("message"), &out);
    }
    answer
}

/// The SMS of a message, one `{ index, text, preview, edits }` per SMS billed: the input each
/// carries and what the recipient reads of it. Never throws.
#[wasm_bindgen(js_name = splitMessageParts, skip_typescript)]
pub fn split_message_parts(message: JsValue, options: Option<JsValue>) -> JsValue {
    let options = options.unwrap_or_default();
    let text = message_text(&message);
    let parts = message::split_parts(&text, &message_options(&options));
    let answer = to_js(&parts);
    if let Some(original) = original_with_lone_surrogates(&message, &text) {
        for (i, part) in parts.iter().enumerate() {
            let units = u32::try_from(part.text.encode_utf16().count()).unwrap_or(u32::MAX);
            let slice = original.slice(part.index, part.index.saturating_add(units));
            if let Some(item) = u32::try_from(i)
                .ok()
                .and_then(|i| convert::read(&answer, &i.into()))
            {
                let _ = js_sys::Reflect::set(&item, &"text".into(), &slice);
            }
        }
    }
    answer
}

/// The original string when it holds lone surrogates (they crossed as U+FFFD, one UTF-16 code
/// unit as well): parts are then cut from it at the same offsets, so that they give it back
/// unchanged.
fn original_with_lone_surrogates(message: &JsValue, text: &str) -> Option<js_sys::JsString> {
    let original = message.dyn_ref::<js_sys::JsString>()?;
    (text.contains(char::REPLACEMENT_CHARACTER) && !original.is_valid_utf16())
        .then(|| original.clone())
}

/// `text` with the API key taken out by the core's rule ([`crate::api_key::ApiKey::redact`]):
/// every occurrence replaced by `[redacted]`, and the whole text blanked when the key (or half
/// of it, or the key percent-encoded or `\uXXXX`-escaped) is still there. `text` comes back
/// as it was (the same string) when nothing is taken out, or when it is not a string or
/// `apiKey` not a non-empty string. Never throws. With the client only: a page holds no key.
#[cfg(feature = "client")]
#[wasm_bindgen(js_name = redactApiKey, skip_typescript)]
pub fn redact_api_key(text: JsValue, api_key: JsValue) -> JsValue {
    let (Some(plain), Some(key)) = (text.as_string(), api_key.as_string()) else {
        return text;
    };
    if key.is_empty() {
        return text;
    }
    let redacted = crate::api_key::ApiKey::for_redaction(&key).redact(&plain);
    if redacted == plain {
        text
    } else {
        JsValue::from_str(&redacted)
    }
}
