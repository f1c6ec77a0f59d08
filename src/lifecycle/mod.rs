//! The rest of an SMS's life after the send: bulk send, delivery status, cancel, credits, the
//! STOP list, the reply webhook and the delivery reports — each call's request and the reading of its answer.
//!
//! Plain data, tested natively: the bindings read the arguments into [`InputValue`]s, the
//! transport executes the [`HttpRequest`]s built here, and the answers (parsed by the host's
//! JSON parser) come back through the decoders here. Where SMS Partner's pages disagree, the
//! choice is written next to the code (`reference/smspartner-lifecycle.md` §8).

pub(crate) mod account;
pub(crate) mod bulk;
pub(crate) mod cancel;
pub(crate) mod dlr;
pub(crate) mod read;
pub(crate) mod reply;
pub(crate) mod statistics;
pub(crate) mod status;

use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::lang::Lang;
use crate::phone;
use crate::wire::{self, HttpRequest, Json, WireRequest};

/// Longest message id accepted as an argument; SMS Partner's are a few digits.
const MAX_ID_LEN: usize = 64;

/// A `GET` of `{base}{path}` with the key and `params` in the query string, percent-encoded.
pub(crate) fn get(
    base_url: &str,
    path: &str,
    api_key: &ApiKey,
    params: &[(&str, &str)],
) -> HttpRequest {
    let mut url = format!("{base_url}{path}?apiKey={}", encode(api_key.expose()));
    for (name, value) in params {
        url.push('&');
        url.push_str(name);
        url.push('=');
        url.push_str(&encode(value));
    }
    HttpRequest {
        method: "GET",
        url,
        headers: vec![("Accept", "application/json")],
        body: String::new(),
    }
}

/// How JSON is made on this host: serde_json natively, serde-wasm-bindgen and `JSON.stringify`
/// in wasm (no JSON library is linked into the wasm).
#[derive(Clone, Copy)]
pub struct JsonHost {
    /// The normalized send request as a [`Json`] tree (what serde writes of it).
    pub tree: fn(&WireRequest) -> Option<Json>,
    /// A [`Json`] tree as JSON text.
    pub text: fn(&Json) -> Option<String>,
}

impl JsonHost {
    /// serde_json, for native callers and tests.
    #[cfg(not(target_arch = "wasm32"))]
    pub const SERDE_JSON: JsonHost = JsonHost {
        tree: |request| serde_json::to_value(request).ok().map(|v| Json::from(&v)),
        text: |json| serde_json::to_string(json).ok(),
    };
}

/// An object of `members`, in order.
pub(crate) fn object(members: Vec<(&str, Json)>) -> Json {
    Json::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

/// A `POST` of `{base}{path}` with a JSON body.
///
/// # Errors
/// A `validation` error when the host could not write the body (nothing is sent).
pub(crate) fn post(
    base_url: &str,
    path: &str,
    body: &Json,
    host: JsonHost,
) -> Result<HttpRequest, SmsPartnerError> {
    let body = (host.text)(body).ok_or_else(|| {
        SmsPartnerError::new(ErrorKind::Validation, "the request could not be written")
    })?;
    Ok(HttpRequest {
        method: "POST",
        url: format!("{base_url}{path}"),
        headers: vec![
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
        ],
        body,
    })
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// Codes that mean the same on every call: the key, the account, the credits, the IP. Their
/// reason and field come from the send's table ([`crate::api_code`]).
const SHARED_CODES: [i64; 8] = [1, 10, 11, 20, 30, 40, 96, 500];

/// The answer object of a call, or its `api`/`http` error. `reasons` gives the call's own
/// meaning of a code (a cancel's 5 is `already_cancelled`, a status call's 4
/// `message_not_found`); a code it does not name keeps the send table's reason only when it
/// means the same everywhere ([`SHARED_CODES`]), else none: the send's meanings of other codes
/// are not this call's.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub(crate) fn answer(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
    reasons: fn(i64) -> Option<&'static str>,
) -> Result<Json, SmsPartnerError> {
    wire::answer_object(status, body, api_key, Lang::En).map_err(|mut error| {
        if let Some(code) = error.code {
            if let Some(reason) = reasons(code) {
                error.reason = Some(reason);
                error.field = None;
            } else if !SHARED_CODES.contains(&code) {
                error.reason = None;
                error.field = None;
            }
        }
        error
    })
}

/// No code of its own: the send's table, for the bulk send (its page copies the send's codes).
pub(crate) fn send_codes(_code: i64) -> Option<&'static str> {
    None
}

/// A `validation` error listing `errors`, its sentence the first one's. The sentences may
/// quote what they refuse: the key, pasted into the wrong argument, is taken out.
pub fn invalid(mut errors: Vec<Issue>, api_key: &ApiKey) -> SmsPartnerError {
    for issue in &mut errors {
        issue.message = api_key.scrub(&issue.message);
    }
    let first = errors
        .first()
        .map_or(String::new(), |e| format!(": {} ({})", e.message, e.field));
    let mut error = SmsPartnerError::new(
        ErrorKind::Validation,
        format!("the arguments are not valid{first}"),
    );
    error.errors = errors;
    error
}

/// An `http` error for a success whose content is not what the call documents.
pub(crate) fn malformed(status: u16, what: &str) -> SmsPartnerError {
    wire::unexpected_answer(status, what)
}

/// Reads a message id argument: a positive whole number or a string of letters, digits, `-`
/// and `_` (ids come back from SMS Partner as both).
///
/// # Errors
/// An [`Issue`] on `field`: `message_id_required` or `message_id_invalid`.
pub fn message_id(value: &InputValue, field: &str) -> Result<String, Issue> {
    let bad = || {
        Issue::with_message(
            field.to_owned(),
            IssueCode::MessageIdInvalid,
            format!("{field} must be SMS Partner's message id, a whole number or its digits"),
        )
    };
    match value {
        unset if unset.is_unset() => Err(Issue::with_message(
            field.to_owned(),
            IssueCode::MessageIdRequired,
            format!("{field} is required"),
        )),
        InputValue::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= 9_007_199_254_740_991.0 => {
            Ok(format!("{}", *n as u64))
        }
        InputValue::Text(text) => {
            let text = text.trim();
            let fine = !text.is_empty()
                && text.len() <= MAX_ID_LEN
                && text
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if fine {
                Ok(text.to_owned())
            } else {
                Err(bad())
            }
        }
        _ => Err(bad()),
    }
}

/// Reads one phone number argument into E.164.
///
/// # Errors
/// An [`Issue`] on `field`: `phone_numbers_required` or `phone_number_invalid`.
pub fn phone_number(value: &InputValue, field: &str) -> Result<String, Issue> {
    match value {
        unset if unset.is_unset() => Err(Issue::with_message(
            field.to_owned(),
            IssueCode::PhoneNumbersRequired,
            format!("{field} is required"),
        )),
        InputValue::Text(text) => phone::normalize(text).map_err(|reason| {
            Issue::with_message(
                field.to_owned(),
                IssueCode::PhoneNumberInvalid,
                format!("{field}: {}", reason.message(crate::lang::Lang::En)),
            )
        }),
        other => Err(Issue::with_message(
            field.to_owned(),
            IssueCode::InvalidType,
            format!("{field} must be a string, not {}", other.type_name()),
        )),
    }
}
