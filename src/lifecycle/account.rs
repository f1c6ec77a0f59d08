//! The account: credits (`GET /v1/me`) and the STOP list (`/v1/stop-sms/list`, `add`, `delete`).

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::error::SmsPartnerError;
use crate::wire::{HttpRequest, Json, camel_case};

use super::{JsonHost, answer, get, malformed, object, post, read};

/// The credits call (the French send page's URL box shows it by mistake).
pub const CREDITS_PATH: &str = "/v1/me";
/// The STOP list.
pub const STOP_LIST_PATH: &str = "/v1/stop-sms/list";
/// Adds a number to the STOP list (JSON body).
pub const STOP_ADD_PATH: &str = "/v1/stop-sms/add";
/// Removes an entry of the STOP list by its id.
pub const STOP_DELETE_PATH: &str = "/v1/stop-sms/delete";

/// The answer of `credits()`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Credits {
    /// Premium SMS left.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub credit_sms: Option<f64>,
    /// Low-cost SMS left (`creditSmsECO` on the wire).
    #[serde(serialize_with = "crate::json::optional_number")]
    pub credit_sms_eco: Option<f64>,
    /// Number checks left.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub credit_hlr: Option<f64>,
    /// SMS waiting to go out.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub to_send: Option<f64>,
    /// The account's balance, a number (SMS Partner writes it as text).
    #[serde(serialize_with = "crate::json::optional_number")]
    pub balance: Option<f64>,
    /// The currency of `balance`.
    pub currency: Option<String>,
    /// The account holder: `{ username, firstname, lastname }` as SMS Partner gives it.
    pub user: Json,
}

/// One entry of the STOP list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StopEntry {
    /// The entry's id, for `removeFromStopList`.
    pub id: Json,
    /// The number, E.164.
    pub phone_number: Option<String>,
    /// When it was added, ISO 8601 in UTC.
    pub created_at: Option<String>,
}

/// The answer of `addToStopList`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StopAdded {
    /// The new entry's id.
    pub id: Json,
}

/// The answer of `removeFromStopList`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StopRemoved {
    /// Always `true`.
    pub removed: bool,
}

/// `GET /v1/me?apiKey`.
pub fn credits_request(base_url: &str, api_key: &ApiKey) -> HttpRequest {
    get(base_url, CREDITS_PATH, api_key, &[])
}

/// Reads the answer of `/v1/me`.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http` (also when `credits` is missing).
pub fn decode_credits(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<Credits, SmsPartnerError> {
    let map = answer(status, body, api_key, no_reason)?;
    let Some(credits @ Json::Object(_)) = map.get("credits") else {
        return Err(malformed(status, "an account answer without credits"));
    };
    let count = |names: &[&str]| read::either(credits, names).and_then(read::number);
    let user = match map.get("user") {
        Some(Json::Object(members)) => Json::Object(
            members
                .iter()
                .map(|(k, v)| {
                    let value = crate::wire::redact_value(v.clone(), api_key);
                    (api_key.redact(&camel_case(k)), value)
                })
                .collect(),
        ),
        _ => Json::Null,
    };
    Ok(Credits {
        credit_sms: count(&["creditSms"]),
        credit_sms_eco: count(&["creditSmsECO", "creditSmsEco"]),
        credit_hlr: count(&["creditHlr"]),
        to_send: count(&["toSend"]),
        balance: count(&["balance"]),
        currency: read::text(credits.get("currency"), api_key),
        user,
    })
}

/// The list and credits calls give no code a meaning of their own.
fn no_reason(_code: i64) -> Option<&'static str> {
    None
}

/// The codes of the STOP list calls. Code 3 of `add` reads "message ID required" on the old
/// pages and "number already in the STOP list" on the newer site, the plausible one; on
/// `delete` it is "id required".
fn add_reason(code: i64) -> Option<&'static str> {
    match code {
        2 => Some("phone_number_required"),
        3 => Some("already_in_stop_list"),
        9 => Some("phone_number_invalid"),
        _ => None,
    }
}

fn delete_reason(code: i64) -> Option<&'static str> {
    match code {
        2 | 3 => Some("stop_id_required"),
        4 => Some("stop_id_not_found"),
        _ => None,
    }
}

/// `GET /v1/stop-sms/list?apiKey`.
pub fn stop_list_request(base_url: &str, api_key: &ApiKey) -> HttpRequest {
    get(base_url, STOP_LIST_PATH, api_key, &[])
}

/// Reads the STOP list: `data`, each `createdAt` in Paris time turned to ISO 8601.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_stop_list(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<Vec<StopEntry>, SmsPartnerError> {
    let map = answer(status, body, api_key, no_reason)?;
    let items = match map.get("data") {
        Some(Json::Array(items)) => items.as_slice(),
        None | Some(Json::Null) => &[],
        _ => return Err(malformed(status, "a STOP list whose data is not a list")),
    };
    Ok(items
        .iter()
        .map(|item| StopEntry {
            id: item
                .get("id")
                .and_then(|id| read::id(id, api_key))
                .unwrap_or(Json::Null),
            phone_number: item
                .get("phoneNumber")
                .and_then(Json::as_str)
                .map(|n| read::phone_number(n, false, api_key)),
            created_at: item.get("createdAt").and_then(read::instant),
        })
        .collect())
}

/// `POST /v1/stop-sms/add` with `{ apiKey, phoneNumber }` (two samples send `phoneNumbers`;
/// the parameter table says `phoneNumber`).
///
/// # Errors
/// A `validation` error when the body could not be written.
pub fn add_to_stop_list_request(
    base_url: &str,
    api_key: &ApiKey,
    phone_number: &str,
    host: JsonHost,
) -> Result<HttpRequest, SmsPartnerError> {
    let body = object(vec![
        ("apiKey", Json::String(api_key.expose().to_owned())),
        ("phoneNumber", Json::String(phone_number.to_owned())),
    ]);
    post(base_url, STOP_ADD_PATH, &body, host)
}

/// Reads the answer of `add`: its `stopId`.
///
/// # Errors
/// [`SmsPartnerError`]: `api` with `reason` `already_in_stop_list` for code 3, or `http`.
pub fn decode_stop_added(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<StopAdded, SmsPartnerError> {
    let map = answer(status, body, api_key, add_reason)?;
    read::either(&map, &["stopId", "id"])
        .and_then(|id| read::id(id, api_key))
        .map(|id| StopAdded { id })
        .ok_or_else(|| malformed(status, "an added STOP entry without its id"))
}

/// `GET /v1/stop-sms/delete?apiKey&id`.
pub fn remove_from_stop_list_request(base_url: &str, api_key: &ApiKey, id: &str) -> HttpRequest {
    get(base_url, STOP_DELETE_PATH, api_key, &[("id", id)])
}

/// Reads the answer of `delete`.
///
/// # Errors
/// [`SmsPartnerError`]: `api` with `reason` `stop_id_not_found` for code 4, or `http`.
pub fn decode_stop_removed(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<StopRemoved, SmsPartnerError> {
    answer(status, body, api_key, delete_reason).map(|_| StopRemoved { removed: true })
}
