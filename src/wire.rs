//! The HTTP exchange with SMS Partner: the request to send and the reading of its answer.
//!
//! Everything here is plain data so that it is tested natively; the transport only executes
//! the [`HttpRequest`] and hands back the status and body text.

use std::fmt;

use serde::Serialize;

use crate::api_code::ApiCode;
use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::issue::{Issue, IssueCode};
pub(crate) use crate::json::{Json, JsonMembers};
use crate::lang::{Lang, Text};
pub(crate) use crate::send_fields::{SendBody, WireRequest};

/// SMS Partner's production address, used when no `baseUrl` is given.
pub const DEFAULT_BASE_URL: &str = "https://api.smspartner.fr";

/// The path of the send call. The French page shows `/v1/me` in its URL box, a slip: the
/// English page and every code sample post to `/v1/send` (`reference/smspartner-api.md`).
pub const SEND_PATH: &str = "/v1/send";

/// An HTTP request ready to execute. Its `Debug` never shows the body, which holds the key.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    /// `"POST"` or `"GET"`.
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Header names and values.
    pub headers: Vec<(&'static str, &'static str)>,
    /// The JSON body, empty for a `GET`.
    pub body: String,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &redacted_url(&self.url))
            .field("headers", &self.headers)
            .field(
                "body",
                &format_args!("<{} bytes, key redacted>", self.body.len()),
            )
            .finish()
    }
}

/// The URL with the value of its `apiKey` query parameter (GET calls carry the key there)
/// replaced by `[redacted]`.
fn redacted_url(url: &str) -> String {
    let Some((path, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some(("apiKey", _)) => format!("apiKey={}", crate::api_key::REDACTED),
            _ => pair.to_owned(),
        })
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

/// Checks a `baseUrl` and returns it without its trailing slashes.
///
/// # Errors
/// A sentence when the address is not an absolute `http` or `https` URL.
pub fn normalize_base_url(base_url: &str) -> Result<String, String> {
    let trimmed = base_url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| "baseUrl must start with http:// or https://".to_owned())?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || rest.contains(['?', '#']) || rest.chars().any(char::is_whitespace) {
        return Err("baseUrl must be an address such as https://api.smspartner.fr".to_owned());
    }
    Ok(trimmed.to_owned())
}

/// Builds `POST {base}/v1/send` with the JSON body: the key first, then the wire request.
///
/// `base_url` must come from [`normalize_base_url`]; `write_json` writes the body with serde
/// (`serde_json::to_string` natively).
///
/// # Errors
/// `None` when `write_json` could not write the body.
pub fn send_request_with(
    base_url: &str,
    api_key: &ApiKey,
    request: &WireRequest,
    write_json: impl FnOnce(&SendBody<'_>) -> Option<String>,
) -> Option<HttpRequest> {
    let body = write_json(&SendBody {
        api_key: api_key.expose(),
        request,
    })?;
    Some(HttpRequest {
        method: "POST",
        url: format!("{base_url}{SEND_PATH}"),
        headers: vec![
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
        ],
        body,
    })
}

/// [`send_request_with`] serde_json (native callers and tests).
///
/// # Panics
/// Never: serde_json cannot fail on a body of strings and small numbers.
#[cfg(not(target_arch = "wasm32"))]
pub fn send_request(base_url: &str, api_key: &ApiKey, request: &WireRequest) -> HttpRequest {
    send_request_with(base_url, api_key, request, |body| {
        serde_json::to_string(body).ok()
    })
    .unwrap_or_else(|| unreachable!("serde_json writes any SendBody"))
}

/// SMS Partner's answer to a successful send, keys in camelCase (`SendResult` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SendResult {
    /// Always `true`.
    pub success: bool,
    /// `200`.
    pub code: i64,
    /// The identifier SMS Partner gave the send.
    pub message_id: Json,
    /// SMS billed.
    pub nb_sms: Option<f64>,
    /// What the send cost, in `currency`.
    pub cost: Option<f64>,
    /// The currency of `cost`.
    pub currency: Option<String>,
    /// Any other field of the answer, its name turned to camelCase.
    #[serde(flatten)]
    pub extra: JsonMembers<Vec<(String, Json)>>,
}

/// Turns `message_id` into `messageId`.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Turns SMS Partner's `children[phoneNumbers].data` back into `phoneNumbers`.
pub fn field_of_element_id(element_id: &str) -> &str {
    element_id
        .strip_prefix("children[")
        .and_then(|rest| rest.split(']').next())
        .filter(|name| !name.is_empty())
        .unwrap_or(element_id)
}

/// The meaning of one of SMS Partner's control codes in `lang` ([`ApiCode`]).
pub fn control_code_message(code: i64, lang: Lang) -> &'static str {
    ApiCode::of(code).map_or_else(
        || lang.text(Text::RefusedBySmsPartner),
        |c| c.sentence(lang),
    )
}

/// SMS Partner's `code`: a number, or digits in a string (the loose `"992"`).
fn code_of(value: &Json) -> Option<i64> {
    value.as_i64().or_else(|| {
        value
            .as_str()
            .filter(|s| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
    })
}

/// [`decode_send_json`] on the body text, parsed by serde_json (native callers and tests; the
/// wasm build parses with `JSON.parse`). A body that is not JSON is `None` there.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_send_response(
    status: u16,
    body: &str,
    api_key: &ApiKey,
) -> Result<SendResult, SmsPartnerError> {
    let parsed = serde_json::from_str::<serde_json::Value>(body).ok();
    decode_send_json(status, parsed.as_ref().map(Json::from), api_key)
}

/// Reads the answer to a send, whatever its status.
///
/// SMS Partner does not document the status of its error answers, so the body decides:
/// `success: true` is a result, `success: false` with a numeric `code` is an `api` error, and
/// anything else is an `http` error. Every text taken from the answer is redacted of the key.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_send_json(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<SendResult, SmsPartnerError> {
    decode_send_json_in(status, body, api_key, Lang::En)
}

/// [`decode_send_json`] with the sentence of a code SMS Partner gave without a message in
/// `lang`.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_send_json_in(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
    lang: Lang,
) -> Result<SendResult, SmsPartnerError> {
    let map = answer_object(status, body, api_key, lang)?;
    decode_success(map, api_key)
        .ok_or_else(|| unexpected_answer(status, "a success without a message id"))
}

/// An `http` error: an answer SMS Partner does not document.
pub(crate) fn unexpected_answer(status: u16, what: &str) -> SmsPartnerError {
    SmsPartnerError::new(
        ErrorKind::Http,
        format!("unexpected answer from SMS Partner: {what}"),
    )
    .with_status(status)
}

/// SMS Partner's common envelope, whatever the call: `success: true` with a 2xx status is the
/// answer object, `success: false` with a numeric `code` an `api` error (its sentence in
/// `lang` when SMS Partner gave none), anything else `http`.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`, its texts redacted of the key.
pub(crate) fn answer_object(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
    lang: Lang,
) -> Result<Json, SmsPartnerError> {
    let parsed = body.ok_or_else(|| unexpected_answer(status, "not JSON"))?;
    let Json::Object(_) = parsed else {
        return Err(unexpected_answer(status, "not a JSON object"));
    };
    match parsed.get("success") {
        Some(Json::Bool(true)) if (200..300).contains(&status) => Ok(parsed),
        Some(Json::Bool(false)) => match parsed.get("code").and_then(code_of) {
            Some(code) => Err(api_error(status, code, &parsed, api_key, lang)),
            None => Err(unexpected_answer(status, "a failure without a code")),
        },
        _ => Err(unexpected_answer(status, &format!("status {status}"))),
    }
}

fn decode_success(map: Json, api_key: &ApiKey) -> Option<SendResult> {
    let mut result = SendResult {
        success: true,
        code: 200,
        message_id: Json::Null,
        nb_sms: None,
        cost: None,
        currency: None,
        extra: JsonMembers(Vec::new()),
    };
    let Json::Object(members) = map else {
        return None;
    };
    for (name, value) in members {
        match name.as_str() {
            "success" => {}
            "code" => result.code = value.as_i64().unwrap_or(200),
            "message_id" => result.message_id = redact_value(value, api_key),
            "nb_sms" => result.nb_sms = value.as_f64(),
            "cost" => result.cost = value.as_f64(),
            "currency" => result.currency = value.as_str().map(|c| api_key.redact(c)),
            _ => {
                // Redacted after the renaming, which could spell the key (`sk_-…` → `sk-…`).
                result.extra.0.push((
                    api_key.redact(&camel_case(&name)),
                    redact_value(value, api_key),
                ));
            }
        }
    }
    (!result.message_id.is_null()).then_some(result)
}

fn api_error(status: u16, code: i64, map: &Json, api_key: &ApiKey, lang: Lang) -> SmsPartnerError {
    // The French pages call the list `error`, the English ones `errors`.
    let errors = match map.get("errors").or_else(|| map.get("error")) {
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(|item| api_issue(item, api_key))
            .collect(),
        _ => Vec::new(),
    };
    let message = map.get("message").and_then(Json::as_str).map_or_else(
        || control_code_message(code, lang).to_owned(),
        |m| api_key.redact(m),
    );
    SmsPartnerError {
        kind: ErrorKind::Api,
        message,
        status: Some(status),
        code: Some(code),
        reason: ApiCode::of(code).map(|c| c.reason),
        field: ApiCode::of(code).and_then(|c| c.field),
        errors,
    }
}

fn api_issue(item: &Json, api_key: &ApiKey) -> Option<Issue> {
    let message = item.get("message")?.as_str()?;
    let field = item
        .get("elementId")
        .and_then(Json::as_str)
        .map_or("request", field_of_element_id);
    Some(Issue::with_message(
        api_key.redact(field),
        IssueCode::RejectedBySmsPartner,
        api_key.redact(message),
    ))
}

/// The value with every string in it (keys included) redacted of the key.
pub(crate) fn redact_value(value: Json, api_key: &ApiKey) -> Json {
    match value {
        Json::String(text) => Json::String(api_key.redact(&text)),
        Json::Array(items) => Json::Array(
            items
                .into_iter()
                .map(|v| redact_value(v, api_key))
                .collect(),
        ),
        Json::Object(map) => Json::Object(
            map.into_iter()
                .map(|(k, v)| (api_key.redact(&k), redact_value(v, api_key)))
                .collect(),
        ),
        other => other,
    }
}
