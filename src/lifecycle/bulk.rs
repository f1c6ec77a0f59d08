//! Bulk send (`POST /v1/bulk-send`): every message checked first, then chunks of at most 500
//! sent one after the other, and after a chunk whose outcome is unknown, nothing more.
//!
//! [`BulkRun`] is the whole state machine, so that the bindings only execute its requests and
//! hand back the answers: a chunk is `sent`, `failed` (SMS Partner refused it: nothing left),
//! `unknown` (no answer, or one SMS Partner does not document: it may have left) or
//! `notAttempted`. Nothing is ever sent twice.

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::send_fields::RawRequest;
use crate::validate::{self, ValidateOptions};
use crate::wire::{HttpRequest, Json, WireRequest};

use super::{JsonHost, answer, malformed, object, post, read, send_codes};

/// The call's path. The English page and its Node sample say `/v1/send`; the French page and
/// every other sample `/v1/bulk-send`, the only one that takes an `SMSList`.
pub const BULK_SEND_PATH: &str = "/v1/bulk-send";

/// Messages in one call: SMS Partner's limit of numbers a request.
pub const CHUNK_SIZE: usize = crate::limits::MAX_PHONE_NUMBERS;

/// Most messages one `sendBulk` takes (200 calls); more are refused, not cut.
pub const MAX_MESSAGES: usize = 100_000;

/// One element of `messages` as read from JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub enum RawMessage {
    /// An object: its `phoneNumber` and `message`.
    Item {
        /// `phoneNumber`: one number.
        phone_number: InputValue,
        /// `message`.
        message: InputValue,
    },
    /// Anything else, by its JavaScript type name.
    NotAnObject(&'static str),
}

/// `messages` as read from JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub enum RawMessages {
    /// An array.
    List(Vec<RawMessage>),
    /// Not an array: its type name (`"undefined"` when missing).
    NotAList(&'static str),
    /// An array longer than [`MAX_MESSAGES`], left unread.
    TooMany(u64),
}

/// The argument of `sendBulk`: the options (a send request's fields but `phoneNumbers` and
/// `message`) and the messages.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBulk {
    /// The batch's options, with SMS Partner's wire names.
    pub options: RawRequest,
    /// The messages.
    pub messages: RawMessages,
}

/// A checked batch: the wire options and the messages, cut into chunks.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkPlan {
    /// The options every chunk carries (`phone_numbers` and `message` empty).
    pub options: WireRequest,
    /// `(phoneNumber in E.164, message)`, in the order given.
    pub messages: Vec<(String, String)>,
}

fn issue(field: String, code: IssueCode, message: impl Into<String>) -> Issue {
    Issue::with_message(field, code, message.into())
}

/// Checks every message and the options, each message as the single send of its text to its
/// number, so that the rules are the send's. Issues of a message carry its index
/// (`messages[3].phoneNumber`); those of the options come once, on their own field.
///
/// # Errors
/// Every issue found.
pub fn plan(raw: &RawBulk, options: &ValidateOptions) -> Result<BulkPlan, Vec<Issue>> {
    let mut errors = Vec::new();
    for (field, value) in [
        ("phoneNumbers", &raw.options.phone_numbers),
        ("message", &raw.options.message),
    ] {
        if !value.is_unset() {
            errors.push(issue(
                field.to_owned(),
                IssueCode::UnknownField,
                format!("{field} belongs in each element of messages: {{ phoneNumber, message }}"),
            ));
        }
    }
    let items = match &raw.messages {
        RawMessages::List(items) if items.is_empty() => {
            errors.push(issue(
                "messages".into(),
                IssueCode::MessagesRequired,
                "messages is empty",
            ));
            return Err(errors);
        }
        RawMessages::List(items) => items,
        RawMessages::NotAList("undefined" | "null") => {
            errors.push(issue(
                "messages".into(),
                IssueCode::MessagesRequired,
                "messages is required: [{ phoneNumber, message }]",
            ));
            return Err(errors);
        }
        RawMessages::NotAList(type_name) => {
            errors.push(issue(
                "messages".into(),
                IssueCode::InvalidType,
                format!("messages must be an array, not {type_name}"),
            ));
            return Err(errors);
        }
        RawMessages::TooMany(len) => {
            errors.push(issue(
                "messages".into(),
                IssueCode::TooManyMessages,
                format!("messages holds {len} elements; at most {MAX_MESSAGES} are sent at once"),
            ));
            return Err(errors);
        }
    };
    let first = first_item(items);
    let mut wire_options = None;
    let mut messages = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let (phone_number, message) = match item {
            RawMessage::Item {
                phone_number,
                message,
            } => (phone_number, message),
            RawMessage::NotAnObject(type_name) => {
                errors.push(issue(
                    format!("messages[{index}]"),
                    IssueCode::InvalidType,
                    format!("messages[{index}] must be an object {{ phoneNumber, message }}, not {type_name}"),
                ));
                continue;
            }
        };
        let mut request = raw.options.clone();
        request.phone_numbers = phone_number.clone();
        request.message = message.clone();
        let report = validate::validate(&request, options);
        for mut found in report.errors {
            let own = match &*found.field {
                "phoneNumbers" => Some("phoneNumber"),
                "message" => Some("message"),
                _ => None,
            };
            match own {
                Some(name) => {
                    found.field = format!("messages[{index}].{name}").into();
                    errors.push(found);
                }
                // The options' issues are the same for every message: listed once.
                None if index == first => errors.push(found),
                None => {}
            }
        }
        if report.recipients > 1 {
            errors.push(issue(
                format!("messages[{index}].phoneNumber"),
                IssueCode::TooManyPhoneNumbers,
                format!(
                    "messages[{index}].phoneNumber must hold one number; give each its own message"
                ),
            ));
        }
        if let Some(wire) = report.request {
            messages.push((wire.phone_numbers.clone(), wire.message.clone()));
            wire_options.get_or_insert(WireRequest {
                phone_numbers: String::new(),
                message: String::new(),
                ..wire
            });
        }
    }
    match wire_options {
        Some(options) if errors.is_empty() => Ok(BulkPlan { options, messages }),
        _ => Err(errors),
    }
}

/// The index of the first element that is an object (where the options' issues are taken).
fn first_item(items: &[RawMessage]) -> usize {
    items
        .iter()
        .position(|item| matches!(item, RawMessage::Item { .. }))
        .unwrap_or(0)
}

/// `POST /v1/bulk-send` of `messages` with the batch's options: the key, `SMSList`, then the
/// options as the send writes them (its `phoneNumbers` and `message` left out).
///
/// # Errors
/// A `validation` error when the body could not be written.
pub fn bulk_request(
    base_url: &str,
    api_key: &ApiKey,
    options: &WireRequest,
    messages: &[(String, String)],
    host: JsonHost,
) -> Result<HttpRequest, SmsPartnerError> {
    let unwritten =
        || SmsPartnerError::new(ErrorKind::Validation, "the request could not be written");
    let Some(Json::Object(option_members)) = (host.tree)(options) else {
        return Err(unwritten());
    };
    let items = messages
        .iter()
        .map(|(phone_number, message)| {
            object(vec![
                ("phoneNumber", Json::String(phone_number.clone())),
                ("message", Json::String(message.clone())),
            ])
        })
        .collect();
    let mut members = vec![
        (
            "apiKey".to_owned(),
            Json::String(api_key.expose().to_owned()),
        ),
        ("SMSList".to_owned(), Json::Array(items)),
    ];
    members.extend(
        option_members
            .into_iter()
            .filter(|(name, _)| name != "phoneNumbers" && name != "message"),
    );
    post(base_url, BULK_SEND_PATH, &Json::Object(members), host)
}

/// SMS Partner's answer for one number of a chunk.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkItemResult {
    /// The number, E.164.
    pub phone_number: Option<String>,
    /// Whether SMS Partner took it.
    pub success: bool,
    /// Its code (200 when taken).
    pub code: Option<i64>,
    /// SMS billed for it.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub nb_sms: Option<f64>,
    /// What it cost.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub cost: Option<f64>,
}

/// The answer to one chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkAnswer {
    /// The chunk's send id.
    pub message_id: Json,
    /// SMS billed (`nbSMS` at the top, `nbSms` in the items).
    pub nb_sms: Option<f64>,
    /// What it cost.
    pub cost: Option<f64>,
    /// The currency of `cost`.
    pub currency: Option<String>,
    /// One per number.
    pub results: Vec<BulkItemResult>,
}

/// Reads the answer to one chunk.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` (the chunk refused) or `http` (its fate unknown).
pub fn decode_bulk(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<BulkAnswer, SmsPartnerError> {
    let map = answer(status, body, api_key, send_codes)?;
    let message_id = read::either(&map, &["message_id", "messageId"])
        .and_then(|id| read::id(id, api_key))
        .ok_or_else(|| malformed(status, "a bulk send without a message id"))?;
    let items = match map.get("SMSResponse_List") {
        Some(Json::Array(items)) => items.as_slice(),
        None | Some(Json::Null) => &[],
        _ => return Err(malformed(status, "SMSResponse_List is not a list")),
    };
    let results = items
        .iter()
        .map(|item| BulkItemResult {
            phone_number: item
                .get("phoneNumber")
                .and_then(Json::as_str)
                .map(|n| read::phone_number(n, false, api_key)),
            success: item.get("success").and_then(read::flag).unwrap_or(false),
            code: item.get("code").and_then(read::number).map(|c| c as i64),
            nb_sms: read::either(item, &["nbSms", "nbSMS", "nb_sms"]).and_then(read::number),
            cost: item.get("cost").and_then(read::number),
        })
        .collect();
    Ok(BulkAnswer {
        message_id,
        nb_sms: read::either(&map, &["nbSMS", "nbSms", "nb_sms"]).and_then(read::number),
        cost: map.get("cost").and_then(read::number),
        currency: read::text(map.get("currency"), api_key),
        results,
    })
}

/// Where a chunk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ChunkState {
    /// SMS Partner took it (each number's own outcome is in `results`).
    Sent,
    /// SMS Partner refused it: none of its messages left.
    Failed,
    /// No answer, or one SMS Partner does not document: its messages may have left.
    Unknown,
    /// Not sent (after an unknown chunk, nothing more is).
    NotAttempted,
}

/// One chunk of the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChunkResult {
    /// Its position, from 0.
    pub index: usize,
    /// Where it stands.
    pub state: ChunkState,
    /// The index in `messages` of its first message.
    pub from: usize,
    /// How many messages it holds.
    pub count: usize,
    /// Its send id, when sent.
    pub message_id: Json,
    /// SMS billed, when sent.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub nb_sms: Option<f64>,
    /// What it cost, when sent.
    #[serde(serialize_with = "crate::json::optional_number")]
    pub cost: Option<f64>,
    /// One per number, when sent.
    pub results: Vec<BulkItemResult>,
    /// Why it failed or is unknown (`mayHaveBeenSent` tells which).
    pub error: Option<SmsPartnerError>,
}

/// The answer of `sendBulk`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkResult {
    /// Whether every chunk was sent.
    pub complete: bool,
    /// Every chunk, in order.
    pub chunks: Vec<ChunkResult>,
    /// SMS billed, over the chunks sent.
    #[serde(serialize_with = "crate::json::number")]
    pub nb_sms: f64,
    /// What they cost.
    #[serde(serialize_with = "crate::json::number")]
    pub cost: f64,
    /// The currency of `cost`.
    pub currency: Option<String>,
}

/// A bulk send under way: which chunk goes next, and what each one became.
#[derive(Debug, Clone)]
pub struct BulkRun {
    plan: BulkPlan,
    chunks: Vec<ChunkResult>,
    next: usize,
    stopped: bool,
    currency: Option<String>,
}

impl BulkRun {
    /// Cuts the plan into chunks of [`CHUNK_SIZE`], none attempted yet.
    pub fn new(plan: BulkPlan) -> BulkRun {
        let total = plan.messages.len();
        let chunks = (0..total.div_ceil(CHUNK_SIZE))
            .map(|index| {
                let from = index * CHUNK_SIZE;
                ChunkResult {
                    index,
                    state: ChunkState::NotAttempted,
                    from,
                    count: CHUNK_SIZE.min(total - from),
                    message_id: Json::Null,
                    nb_sms: None,
                    cost: None,
                    results: Vec::new(),
                    error: None,
                }
            })
            .collect();
        BulkRun {
            plan,
            chunks,
            next: 0,
            stopped: false,
            currency: None,
        }
    }

    /// How many chunks there are.
    pub fn total(&self) -> usize {
        self.chunks.len()
    }

    /// The next chunk to send and its request, or `None` when all are done or the run stopped
    /// after an unknown outcome. Each chunk is handed out once.
    pub fn next_request(
        &mut self,
        base_url: &str,
        api_key: &ApiKey,
        host: JsonHost,
    ) -> Option<(usize, Result<HttpRequest, SmsPartnerError>)> {
        if self.stopped {
            return None;
        }
        let chunk = self.chunks.get(self.next)?;
        let messages = self
            .plan
            .messages
            .get(chunk.from..chunk.from + chunk.count)?;
        let index = self.next;
        self.next += 1;
        Some((
            index,
            bulk_request(base_url, api_key, &self.plan.options, messages, host),
        ))
    }

    /// Records the outcome of chunk `index`; after one whose fate is unknown, the run stops.
    /// Returns the chunk as it now stands.
    pub fn record(
        &mut self,
        index: usize,
        outcome: Result<BulkAnswer, SmsPartnerError>,
    ) -> Option<&ChunkResult> {
        let chunk = self.chunks.get_mut(index)?;
        match outcome {
            Ok(answer) => {
                chunk.state = ChunkState::Sent;
                chunk.message_id = answer.message_id;
                chunk.nb_sms = answer.nb_sms;
                chunk.cost = answer.cost;
                chunk.results = answer.results;
                chunk.error = None;
                if self.currency.is_none() {
                    self.currency = answer.currency;
                }
            }
            Err(error) => {
                // The send's rule: no answer, or one SMS Partner does not document (a 5xx, a
                // page, a 200 that is not its JSON), may hide a send; a refusal (its code, a
                // 4xx such as 429) does not.
                let unknown = error.may_have_been_sent();
                chunk.state = if unknown {
                    ChunkState::Unknown
                } else {
                    ChunkState::Failed
                };
                chunk.error = Some(error);
                if unknown {
                    self.stopped = true;
                }
            }
        }
        self.chunks.get(index)
    }

    /// The result so far (chunks not yet sent are `notAttempted`).
    pub fn result(&self) -> BulkResult {
        let sent = || self.chunks.iter().filter(|c| c.state == ChunkState::Sent);
        BulkResult {
            complete: self.chunks.iter().all(|c| c.state == ChunkState::Sent),
            chunks: self.chunks.clone(),
            nb_sms: sent().filter_map(|c| c.nb_sms).sum(),
            // Summed to the micro-euro, so that 0.038 + 0.038 reads 0.076.
            cost: (sent().filter_map(|c| c.cost).sum::<f64>() * 1e6).round() / 1e6,
            currency: self.currency.clone(),
        }
    }
}
