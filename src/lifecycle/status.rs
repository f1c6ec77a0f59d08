//! Delivery status: one SMS (`message-status`), many (`multi-status`), one send (`bulk-status`)
//! and one tag (`bulk-status-by-tag`), all read into the same [`DeliveryStatus`].

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::error::SmsPartnerError;
use crate::issue::{Issue, IssueCode};
use crate::wire::{HttpRequest, Json};

use super::{JsonHost, answer, get, malformed, object, post, read};

/// `GET /v1/message-status`: one SMS of a send.
pub const MESSAGE_STATUS_PATH: &str = "/v1/message-status";
/// `POST /v1/multi-status`: several SMS, each by its send and number.
pub const MULTI_STATUS_PATH: &str = "/v1/multi-status";
/// `GET /v1/bulk-status`: every number of one send.
pub const BULK_STATUS_PATH: &str = "/v1/bulk-status";
/// `GET /v1/bulk-status-by-tag`: every SMS sent with a tag.
pub const STATUS_BY_TAG_PATH: &str = "/v1/bulk-status-by-tag";

/// Pairs in one `multi-status` call (its page: "500 maximum").
pub const MULTI_STATUS_LIMIT: usize = 500;

/// Where an SMS stands (`status` in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// `Delivered`: the handset has it.
    Delivered,
    /// `Not delivered`: the operator gave up.
    NotDelivered,
    /// `Waiting`: in transit, no report yet (reports can take up to 48 h).
    Waiting,
    /// `ko`: never sent, something failed at SMS Partner (its error page: contact support).
    Ko,
    /// The pair is unknown to SMS Partner (`multi-status` item with code 4).
    NotFound,
    /// A word SMS Partner does not document; `statusText` holds it.
    Unknown,
}

impl Status {
    /// Reads SMS Partner's word, in any case (`Delivered`, `not delivered`, `KO`…).
    pub fn from_word(word: &str) -> Status {
        let word = word.trim();
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        if is("delivered") {
            Status::Delivered
        } else if is("not delivered") || is("not_delivered") || is("notdelivered") {
            Status::NotDelivered
        } else if is("waiting") {
            Status::Waiting
        } else if is("ko") {
            Status::Ko
        } else {
            Status::Unknown
        }
    }
}

/// The status of one SMS to one number (`DeliveryStatus` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryStatus {
    /// The send's id (a number; `null` where the answer does not say, as by tag).
    pub message_id: Json,
    /// The number in E.164 (as given when it does not read as a number).
    pub phone_number: Option<String>,
    /// Where the SMS stands.
    pub status: Status,
    /// SMS Partner's own word for it (`"Delivered"`, `"Numéro introuvable"`…).
    pub status_text: Option<String>,
    /// Whether the number has answered STOP; `null` when the answer does not say.
    pub stop_sms: Option<bool>,
    /// When the status was last set, ISO 8601 in UTC, or `null`.
    pub at: Option<String>,
    /// What the SMS cost, where the answer gives it.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub cost: Option<f64>,
    /// The currency of `cost`.
    pub currency: Option<String>,
}

/// One SMS asked about: its send's id (already checked) and its number in E.164.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusQuery {
    /// The send's message id.
    pub message_id: String,
    /// The number, E.164.
    pub phone_number: String,
}

/// The codes of the status calls: 4 is "message not found" (one page says "number").
fn status_reason(code: i64) -> Option<&'static str> {
    match code {
        4 => Some("message_not_found"),
        3 => Some("message_id_required"),
        2 => Some("phone_number_required"),
        _ => None,
    }
}

/// `GET /v1/message-status?apiKey&messageId&phoneNumber`.
pub fn message_status_request(
    base_url: &str,
    api_key: &ApiKey,
    query: &StatusQuery,
) -> HttpRequest {
    get(
        base_url,
        MESSAGE_STATUS_PATH,
        api_key,
        &[
            ("messageId", &query.message_id),
            ("phoneNumber", &query.phone_number),
        ],
    )
}

/// `POST /v1/multi-status` with `SMSStatut_List` (the name of every sample; the parameter
/// table's `SMSStatus_List` is a slip), numbers in international form. At most
/// [`MULTI_STATUS_LIMIT`] pairs: the caller cuts longer lists.
///
/// # Errors
/// A `validation` error when the body could not be written.
pub fn multi_status_request(
    base_url: &str,
    api_key: &ApiKey,
    queries: &[StatusQuery],
    host: JsonHost,
) -> Result<HttpRequest, SmsPartnerError> {
    let items = queries
        .iter()
        .map(|q| {
            object(vec![
                ("phoneNumber", Json::String(q.phone_number.clone())),
                ("messageId", Json::String(q.message_id.clone())),
            ])
        })
        .collect();
    let body = object(vec![
        ("apiKey", Json::String(api_key.expose().to_owned())),
        ("SMSStatut_List", Json::Array(items)),
    ]);
    post(base_url, MULTI_STATUS_PATH, &body, host)
}

/// `GET /v1/bulk-status?apiKey&messageId`.
pub fn bulk_status_request(base_url: &str, api_key: &ApiKey, message_id: &str) -> HttpRequest {
    get(
        base_url,
        BULK_STATUS_PATH,
        api_key,
        &[("messageId", message_id)],
    )
}

/// `GET /v1/bulk-status-by-tag?apiKey&tag`.
pub fn status_by_tag_request(base_url: &str, api_key: &ApiKey, tag: &str) -> HttpRequest {
    get(base_url, STATUS_BY_TAG_PATH, api_key, &[("tag", tag)])
}

/// Pages of `bulk-status-by-tag` read at the most (SMS Partner keeps a send's statuses for a
/// limited time: far more than any tag holds).
pub const MAX_TAG_PAGES: u64 = 1_000;

/// Page `page` (from 1) of `bulk-status-by-tag`. Its answer carries `currentPage` and `total`
/// but SMS Partner documents no page parameter: the pages after the first are asked with
/// `page`, as its other paged lists are (`reference/smspartner-lifecycle.md` §2d); an answer
/// that ignores it gives the first page again, which [`next_tag_page`] sees.
pub fn status_by_tag_page_request(
    base_url: &str,
    api_key: &ApiKey,
    tag: &str,
    page: u64,
) -> HttpRequest {
    if page <= 1 {
        return status_by_tag_request(base_url, api_key, tag);
    }
    let page = page.to_string();
    get(
        base_url,
        STATUS_BY_TAG_PATH,
        api_key,
        &[("tag", tag), ("page", &page)],
    )
}

/// One page of `bulk-status-by-tag`: its statuses, its `currentPage` and the `total` of
/// statuses the tag has, where the answer gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct TagPage {
    /// The statuses of this page.
    pub statuses: Vec<DeliveryStatus>,
    /// `currentPage`, from 1.
    pub current_page: Option<u64>,
    /// `total`: the statuses of the tag, on every page.
    pub total: Option<u64>,
}

/// Reads one page of `bulk-status-by-tag` (`currentPage` and `total` as numbers or digits).
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_tag_page(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<TagPage, SmsPartnerError> {
    let (current_page, total) = match &body {
        Some(map) => (
            read::count(map.get("currentPage")),
            read::count(map.get("total")),
        ),
        None => (None, None),
    };
    Ok(TagPage {
        statuses: decode_status_list(status, body, api_key)?,
        current_page,
        total,
    })
}

/// The page to ask after `page`, the `asked`-th page read (from 1), when `read` statuses have
/// been kept so far: `None` at the end — every status of `total` read, an empty page, no
/// `currentPage` or `total`, a `currentPage` other than the one asked (an answer that ignores
/// the page parameter: its statuses are the first page's again and are not kept), or
/// [`MAX_TAG_PAGES`] read.
pub fn next_tag_page(page: &TagPage, asked: u64, read: usize) -> Option<u64> {
    let (current, total) = (page.current_page?, page.total?);
    let more = (read as u64) < total && !page.statuses.is_empty();
    (more && current == asked && asked < MAX_TAG_PAGES).then_some(asked + 1)
}

/// Whether a page's statuses belong to the list: the first page always, a later one only when
/// it is the page asked for (see [`next_tag_page`]).
pub fn tag_page_is_new(page: &TagPage, asked: u64) -> bool {
    asked == 1 || page.current_page == Some(asked)
}

/// Checks a tag argument by the send's rules; it is required here.
///
/// # Errors
/// The tag's issues (`tag_required` when it is not given).
pub fn tag(value: &crate::input::InputValue) -> Result<String, Vec<Issue>> {
    match crate::validate::check_tag(value, crate::lang::Lang::En)? {
        Some(tag) => Ok(tag),
        None => Err(vec![Issue::with_message(
            "tag",
            IssueCode::TagRequired,
            "tag is required",
        )]),
    }
}

/// One status object, whichever call wrote it: `statut` or `status`, `stopSms` or `stopSMS`
/// (a boolean, `0`/`1` or `"0"`/`"1"`), `number` (national) or `phoneNumber`, `date` as epoch
/// seconds or Paris time. `message_id` is the send's id when the item does not carry one.
fn delivery_status(item: &Json, message_id: &Json, api_key: &ApiKey) -> DeliveryStatus {
    let status_text = read::text(read::either(item, &["statut", "status"]), api_key);
    let not_found = item.get("code").and_then(Json::as_i64) == Some(4)
        || item.get("success") == Some(&Json::Bool(false));
    let status = if not_found {
        Status::NotFound
    } else {
        status_text
            .as_deref()
            .map_or(Status::Unknown, Status::from_word)
    };
    DeliveryStatus {
        message_id: read::either(item, &["messageId", "message_id"])
            .and_then(|id| read::id(id, api_key))
            .unwrap_or_else(|| message_id.clone()),
        phone_number: read::either(item, &["phoneNumber", "number"])
            .and_then(Json::as_str)
            .map(|n| read::phone_number(n, false, api_key)),
        status,
        status_text,
        stop_sms: read::either(item, &["stopSms", "stopSMS"]).and_then(read::flag),
        at: item.get("date").and_then(read::instant),
        cost: item.get("cost").and_then(read::number),
        currency: read::text(item.get("currency"), api_key),
    }
}

/// Reads the answer of `message-status`.
///
/// # Errors
/// [`SmsPartnerError`]: `api` with `reason` `message_not_found` for code 4, or `http`.
pub fn decode_message_status(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<DeliveryStatus, SmsPartnerError> {
    let map = answer(status, body, api_key, status_reason)?;
    if read::either(&map, &["statut", "status"]).is_none() {
        return Err(malformed(status, "a status answer without a status"));
    }
    Ok(delivery_status(&map, &Json::Null, api_key))
}

/// The `StatutResponse_List` of an answer.
fn status_list(map: &Json, status: u16) -> Result<&[Json], SmsPartnerError> {
    match map.get("StatutResponse_List") {
        Some(Json::Array(items)) => Ok(items),
        // An empty list may be left out or written null.
        None | Some(Json::Null) => Ok(&[]),
        _ => Err(malformed(status, "StatutResponse_List is not a list")),
    }
}

/// Reads the answer of `multi-status`: one status per pair, an unknown pair `notFound`.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_multi_status(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<Vec<DeliveryStatus>, SmsPartnerError> {
    let map = answer(status, body, api_key, status_reason)?;
    Ok(status_list(&map, status)?
        .iter()
        .map(|item| delivery_status(item, &Json::Null, api_key))
        .collect())
}

/// Reads the answer of `bulk-status` or `bulk-status-by-tag`; the send's `message_id` (a
/// string there) is given to each item.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_status_list(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<Vec<DeliveryStatus>, SmsPartnerError> {
    let map = answer(status, body, api_key, status_reason)?;
    let message_id = read::either(&map, &["message_id", "messageId"])
        .and_then(|id| read::id(id, api_key))
        .unwrap_or(Json::Null);
    Ok(status_list(&map, status)?
        .iter()
        .map(|item| delivery_status(item, &message_id, api_key))
        .collect())
}
