//! The lifecycle methods of `SmsPartnerClient` (bulk send, status, cancel, credits, the STOP
//! list) and `parseReplyWebhook`: arguments read here, everything else done by the core.

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::json::Json;
use crate::lang::Lang;
use crate::lifecycle::bulk::{self, BulkRun, ChunkResult, RawBulk, RawMessage, RawMessages};
use crate::lifecycle::statistics;
use crate::lifecycle::status::{self, MULTI_STATUS_LIMIT, StatusQuery};
use crate::lifecycle::{JsonHost, account, cancel, dlr, invalid, message_id, phone_number, reply};
use crate::transport;
use crate::wire::HttpRequest;

use super::{SmsPartnerClient, convert, js_error, json_text, to_js, validate_options};

// A callback of the caller's is called in JavaScript, its exceptions (and its promise's
// rejection) caught there: nothing it does can unwind through wasm or stop a bulk send.
// `replyFields` reads a webhook body without throwing: form text (a string) for the core, an
// array of `[name, value]` pairs, or a number saying why not (1 JSON text that does not parse,
// 2 unreadable, 3 no body, 4 JSON that is not an object). The built-ins it uses are those of
// when the module loaded: a page that replaces them later does not change what it reads.
#[wasm_bindgen(inline_js = r#"
const { entries } = Object;
const { isArray, from } = Array;
const { parse } = JSON;
const { apply } = Reflect;
const { trim, startsWith } = String.prototype;
const SearchParams = typeof URLSearchParams === "undefined" ? null : URLSearchParams;
const Form = typeof FormData === "undefined" ? null : FormData;
const searchEntries = SearchParams?.prototype.entries;
const formEntries = Form?.prototype.entries;
export function callSafely(callback, argument) {
  try {
    const answer = callback(argument);
    if (answer !== null && typeof answer === "object" && typeof answer.then === "function") answer.then(undefined, () => {});
  } catch {}
}
export function isFunction(value) { return typeof value === "function"; }
export function replyFields(body) {
  try {
    let value = body;
    if (typeof value === "string") {
      const text = apply(trim, value, []);
      if (!apply(startsWith, text, ["{"])) return value;
      try { value = parse(text); } catch { return 1; }
      if (value === null || typeof value !== "object" || isArray(value)) return 4;
    }
    if (value === null || typeof value !== "object") return 3;
    if (SearchParams !== null && value instanceof SearchParams) return from(apply(searchEntries, value, []));
    if (Form !== null && value instanceof Form) return from(apply(formEntries, value, []));
    if (isArray(value)) return 4;
    return entries(value);
  } catch {
    return 2;
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = callSafely)]
    fn call_safely(callback: &JsValue, argument: &JsValue);
    #[wasm_bindgen(js_name = isFunction)]
    fn is_function(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = replyFields)]
    fn reply_fields(body: &JsValue) -> JsValue;
}

/// JSON made by serde-wasm-bindgen and `JSON.stringify`: no JSON library in the wasm.
const HOST: JsonHost = JsonHost {
    tree: |request| {
        let value = request
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .ok()?;
        Some(convert::json(&value))
    },
    text: |json| json_text(json),
};

/// What a call needs once its arguments are read: the key, the address, the timeout.
#[derive(Clone)]
struct Caller {
    api_key: ApiKey,
    base_url: String,
    timeout_ms: f64,
}

impl Caller {
    /// Executes `http` once and parses its body with `JSON.parse` (no retry, ever).
    async fn exchange(&self, http: &HttpRequest) -> Result<(u16, Option<Json>), SmsPartnerError> {
        let answer = transport::execute(http, Some(self.timeout_ms)).await?;
        let body = js_sys::JSON::parse(&answer.body)
            .ok()
            .map(|value| convert::json(&value));
        Ok((answer.status, body))
    }
}

/// A promise of `work`'s answer, its error an `SmsPartnerError`. Every call of the client goes
/// through this one function with its future boxed: `future_to_promise` (the task, its waker
/// and the promise's callbacks) is in the wasm once, not once per kind of call.
pub(super) fn promise(
    work: Pin<Box<dyn Future<Output = Result<JsValue, SmsPartnerError>>>>,
) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(Box::pin(async move {
        work.await.map_err(|e| js_error::sms_partner_error(&e))
    }))
}

/// One call: a request, its decoder, the answer as JavaScript.
fn single(
    caller: Caller,
    prepared: Result<HttpRequest, SmsPartnerError>,
    decode: Decode,
) -> js_sys::Promise {
    // One future for every single call: the decoder is a plain function, not a type parameter.
    promise(Box::pin(async move {
        let http = prepared?;
        let (status, body) = caller.exchange(&http).await?;
        decode(status, body, &caller.api_key)
    }))
}

/// Reads an answer into the JavaScript value of a call.
type Decode = fn(u16, Option<Json>, &ApiKey) -> Result<JsValue, SmsPartnerError>;

/// A core decoder whose answer is written to JavaScript by serde.
macro_rules! decoder {
    ($decode:path) => {
        (|status, body, api_key| $decode(status, body, api_key).map(|answer| to_js(&answer)))
            as Decode
    };
}

/// A chunk as JavaScript, its error a real `SmsPartnerError`.
fn chunk_to_js(chunk: &ChunkResult) -> JsValue {
    let value = to_js(chunk);
    if let Some(error) = &chunk.error {
        let _ = js_sys::Reflect::set(&value, &"error".into(), &js_error::sms_partner_error(error));
    }
    value
}

/// Reads an array argument element by element (`None` when it is not an array).
fn elements(value: &JsValue) -> Result<Vec<Option<JsValue>>, RawMessages> {
    match convert::is_array(value) {
        Some(true) => {}
        Some(false) => return Err(RawMessages::NotAList(convert::scalar(value).type_name())),
        None => return Err(RawMessages::NotAList("unreadable value")),
    }
    let length = convert::read(value, &"length".into())
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0);
    if length > bulk::MAX_MESSAGES as f64 {
        return Err(RawMessages::TooMany(length as u64));
    }
    Ok((0..length as u32)
        .map(|i| convert::read(value, &JsValue::from(i)))
        .collect())
}

/// Whether a value is a plain object (not an array, not a primitive).
fn is_object(value: &JsValue) -> bool {
    convert::is_array(value) == Some(false)
        && matches!(convert::scalar(value), InputValue::Other("object"))
}

impl SmsPartnerClient {
    fn caller(&self) -> Caller {
        Caller {
            api_key: self.api_key.clone(),
            base_url: self.base_url.clone(),
            timeout_ms: self.timeout_ms,
        }
    }

    fn invalid(&self, errors: Vec<Issue>) -> SmsPartnerError {
        invalid(errors, &self.api_key)
    }

    /// Reads and checks `sendBulk`'s argument and options into a run and its callback.
    fn prepare_bulk(
        &self,
        input: &JsValue,
        options: &JsValue,
    ) -> Result<(BulkRun, Option<JsValue>), SmsPartnerError> {
        let (mut validate, mut errors) = validate_options(options);
        validate.require_api_key = false;
        let on_progress = match convert::read(options, &"onProgress".into()) {
            _ if !options.is_object() => None,
            Some(f) if is_function(&f) => Some(f),
            Some(f) if f.is_undefined() || f.is_null() => None,
            _ => {
                errors.push(Issue::with_message(
                    "options",
                    IssueCode::OptionInvalid,
                    "options.onProgress must be a function",
                ));
                None
            }
        };
        let mut raw_options = match convert::raw_request(input) {
            Ok(raw) => raw,
            Err(type_name) => {
                errors.push(Issue::with_message(
                    "request",
                    IssueCode::RequestNotObject,
                    format!("sendBulk takes {{ messages: [{{ phoneNumber, message }}], ...options }}, not {type_name}"),
                ));
                return Err(self.invalid(errors));
            }
        };
        raw_options.unknown_fields.retain(|name| name != "messages");
        if let InputValue::Text(key) = &raw_options.api_key {
            if key != self.api_key.expose() {
                errors.push(Issue::with_message(
                    "apiKey",
                    IssueCode::ApiKeyConflict,
                    "the request carries an apiKey other than the client's: leave it out",
                ));
            }
        }
        let messages = match convert::read(input, &"messages".into()) {
            None => RawMessages::NotAList("unreadable value"),
            Some(list) => match elements(&list) {
                Err(shape) => shape,
                Ok(items) => RawMessages::List(
                    items
                        .iter()
                        .map(|item| match item {
                            Some(item) if is_object(item) => RawMessage::Item {
                                phone_number: convert::property(item, "phoneNumber"),
                                message: convert::property(item, "message"),
                            },
                            Some(item) if convert::is_array(item) == Some(true) => {
                                RawMessage::NotAnObject("array")
                            }
                            Some(item) => {
                                RawMessage::NotAnObject(convert::scalar(item).type_name())
                            }
                            None => RawMessage::NotAnObject("unreadable value"),
                        })
                        .collect(),
                ),
            },
        };
        let raw = RawBulk {
            options: raw_options,
            messages,
        };
        match bulk::plan(&raw, &validate) {
            Ok(plan) if errors.is_empty() => Ok((BulkRun::new(plan), on_progress)),
            Ok(_) => Err(self.invalid(errors)),
            Err(found) => {
                errors.splice(0..0, found);
                Err(self.invalid(errors))
            }
        }
    }
}

/// Reads `{ messageId, phoneNumber }` (an element of `multiStatus`'s list when `at` is given).
fn status_query(value: &JsValue, at: Option<usize>) -> Result<StatusQuery, Vec<Issue>> {
    let prefix = at.map_or(String::new(), |i| format!("[{i}]."));
    if !is_object(value) {
        let field = at.map_or("query".to_owned(), |i| format!("[{i}]"));
        return Err(vec![Issue::with_message(
            field,
            IssueCode::InvalidType,
            "a status query is { messageId, phoneNumber }",
        )]);
    }
    let id = message_id(
        &convert::property(value, "messageId"),
        &format!("{prefix}messageId"),
    );
    let number = phone_number(
        &convert::property(value, "phoneNumber"),
        &format!("{prefix}phoneNumber"),
    );
    match (id, number) {
        (Ok(message_id), Ok(phone_number)) => Ok(StatusQuery {
            message_id,
            phone_number,
        }),
        (id, number) => Err(id.err().into_iter().chain(number.err()).collect()),
    }
}

#[wasm_bindgen]
impl SmsPartnerClient {
    /// Sends personalized messages: `{ messages: [{ phoneNumber, message }], ...options }`, the
    /// options those of a send for the whole batch. Every message is checked first; then chunks
    /// of at most 500 go one after the other to `/v1/bulk-send`, `options.onProgress` called
    /// after each. After a chunk whose outcome is unknown nothing more is sent. Resolves to
    /// `{ complete, chunks, nbSms, cost, currency }`; rejects only when nothing was sent.
    #[wasm_bindgen(js_name = sendBulk)]
    pub fn send_bulk(&self, input: JsValue, options: Option<JsValue>) -> js_sys::Promise {
        let options = options.unwrap_or_default();
        let prepared = self.prepare_bulk(&input, &options);
        let caller = self.caller();
        promise(Box::pin(async move {
            let (mut run, on_progress) = prepared?;
            let total = run.total();
            let mut done = 0;
            while let Some((index, http)) =
                run.next_request(&caller.base_url, &caller.api_key, HOST)
            {
                let exchanged = match http {
                    Ok(http) => caller.exchange(&http).await,
                    Err(error) => Err(error),
                };
                let outcome = match exchanged {
                    Ok((status, body)) => bulk::decode_bulk(status, body, &caller.api_key),
                    Err(error) => Err(error),
                };
                done += 1;
                let chunk = run.record(index, outcome).map(chunk_to_js);
                if let (Some(callback), Some(chunk)) = (&on_progress, chunk) {
                    let progress = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&progress, &"chunk".into(), &chunk);
                    let _ = js_sys::Reflect::set(
                        &progress,
                        &"done".into(),
                        &JsValue::from(done as u32),
                    );
                    let _ = js_sys::Reflect::set(
                        &progress,
                        &"total".into(),
                        &JsValue::from(total as u32),
                    );
                    call_safely(callback, &progress);
                }
            }
            let result = run.result();
            let value = to_js(&result);
            if let Some(chunks) = convert::read(&value, &"chunks".into()) {
                for chunk in result.chunks.iter().filter(|c| c.error.is_some()) {
                    let _ = js_sys::Reflect::set(
                        &chunks,
                        &JsValue::from(chunk.index as u32),
                        &chunk_to_js(chunk),
                    );
                }
            }
            Ok(value)
        }))
    }

    /// The delivery status of one SMS: `{ messageId, phoneNumber }` → `DeliveryStatus`.
    #[wasm_bindgen(js_name = messageStatus)]
    pub fn message_status(&self, query: JsValue) -> js_sys::Promise {
        let caller = self.caller();
        let prepared = status_query(&query, None)
            .map(|q| status::message_status_request(&caller.base_url, &caller.api_key, &q))
            .map_err(|e| self.invalid(e));
        single(caller, prepared, decoder!(status::decode_message_status))
    }

    /// The delivery statuses of many SMS, `[{ messageId, phoneNumber }]`, 500 a call, the calls
    /// one after the other (reads only: nothing is sent).
    #[wasm_bindgen(js_name = multiStatus)]
    pub fn multi_status(&self, queries: JsValue) -> js_sys::Promise {
        let caller = self.caller();
        let prepared = match elements(&queries) {
            Ok(items) if items.is_empty() => Err(vec![Issue::with_message(
                "queries",
                IssueCode::QueriesRequired,
                "give at least one { messageId, phoneNumber }",
            )]),
            Ok(items) => {
                let mut errors = Vec::new();
                let mut read = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let item = item.clone().unwrap_or(JsValue::UNDEFINED);
                    match status_query(&item, Some(i)) {
                        Ok(q) => read.push(q),
                        Err(found) => errors.extend(found),
                    }
                }
                if errors.is_empty() {
                    Ok(read)
                } else {
                    Err(errors)
                }
            }
            Err(RawMessages::TooMany(n)) => Err(vec![Issue::with_message(
                "queries",
                IssueCode::TooManyQueries,
                format!("{n} queries; at most {} at once", bulk::MAX_MESSAGES),
            )]),
            Err(_) => Err(vec![Issue::with_message(
                "queries",
                IssueCode::InvalidType,
                "multiStatus takes an array of { messageId, phoneNumber }",
            )]),
        }
        .map_err(|e| self.invalid(e));
        promise(Box::pin(async move {
            let queries = prepared?;
            let all = js_sys::Array::new();
            for part in queries.chunks(MULTI_STATUS_LIMIT) {
                let http =
                    status::multi_status_request(&caller.base_url, &caller.api_key, part, HOST)?;
                let (status, body) = caller.exchange(&http).await?;
                for item in status::decode_multi_status(status, body, &caller.api_key)? {
                    all.push(&to_js(&item));
                }
            }
            Ok(all.into())
        }))
    }

    /// The delivery status of every number of one send → `DeliveryStatus[]`.
    #[wasm_bindgen(js_name = bulkStatus)]
    pub fn bulk_status(&self, message_id_value: JsValue) -> js_sys::Promise {
        let caller = self.caller();
        let prepared = message_id(&convert::scalar_or_list(&message_id_value), "messageId")
            .map(|id| status::bulk_status_request(&caller.base_url, &caller.api_key, &id))
            .map_err(|e| self.invalid(vec![e]));
        single(caller, prepared, decoder!(status::decode_status_list))
    }

    /// The delivery status of every SMS sent with a tag → `DeliveryStatus[]`, every page of
    /// the answer read in turn (to its `total`, never past a page that repeats another); an
    /// error on any page rejects the whole call.
    #[wasm_bindgen(js_name = statusByTag)]
    pub fn status_by_tag(&self, tag: JsValue) -> js_sys::Promise {
        let caller = self.caller();
        let prepared = status::tag(&convert::scalar_or_list(&tag)).map_err(|e| self.invalid(e));
        promise(Box::pin(async move {
            let tag = prepared?;
            let mut statuses = Vec::new();
            let mut asked = 1;
            loop {
                let http = status::status_by_tag_page_request(
                    &caller.base_url,
                    &caller.api_key,
                    &tag,
                    asked,
                );
                let (code, body) = caller.exchange(&http).await?;
                let page = status::decode_tag_page(code, body, &caller.api_key)?;
                let new = status::tag_page_is_new(&page, asked);
                let next =
                    status::next_tag_page(&page, asked, statuses.len() + page.statuses.len());
                if new {
                    statuses.extend(page.statuses);
                }
                match next {
                    Some(page) if new => asked = page,
                    _ => break,
                }
            }
            Ok(to_js(&statuses))
        }))
    }

    /// Cancels a scheduled send. With `options.scheduledAt` (a `Date`, an ISO 8601 string or
    /// milliseconds), a cancel less than 5 minutes before it is refused without a call
    /// (`reason` `too_late`). Resolves to `{ cancelled: true }`.
    pub fn cancel(&self, message_id_value: JsValue, options: Option<JsValue>) -> js_sys::Promise {
        let options = options.unwrap_or_default();
        let caller = self.caller();
        let prepared = self.prepare_cancel(&message_id_value, &options);
        single(caller, prepared, decoder!(cancel::decode_cancel))
    }

    /// Spending by month (`GET /v1/statistics/cost-resume`): `{ interval, from?, to? }`,
    /// `interval` `last_month` (the default), `last_twelve_months` or `custom` with `from` and
    /// `to` (`YYYY-MM-DD` or `DD-MM-YYYY`) → `StatisticsMonth[]`. SMS Partner answers 5 calls a
    /// minute: a sixth is refused here, before any call, as SMS Partner would (`http` 429,
    /// `reason` `rate_limited`), and never retried.
    pub fn statistics(&self, query: Option<JsValue>) -> js_sys::Promise {
        let query = query.unwrap_or_default();
        let caller = self.caller();
        // A query that is not an object has no interval SMS Partner knows.
        let unreadable = !(query.is_undefined() || query.is_null() || query.is_object());
        let field = |name| match convert::option(&query, name) {
            _ if unreadable && name == "interval" => convert::scalar(&query),
            InputValue::Null => InputValue::Absent,
            value => value,
        };
        let prepared = statistics::read_period(&field("interval"), &field("from"), &field("to"), Lang::En)
            .map_err(|e| self.invalid(e))
            .and_then(|period| {
                let now = convert::now() as f64;
                let mut calls = self.statistics_calls.borrow_mut();
                calls.retain(|at| now - at < statistics::STATISTICS_WINDOW_MS);
                if let Err(wait_ms) = statistics::statistics_call_allowed(&calls, now) {
                    let mut error = SmsPartnerError::new(
                        ErrorKind::Http,
                        format!(
                            "SMS Partner answers {} statistics calls a minute: the next one in {} s; nothing was asked",
                            statistics::STATISTICS_CALLS_PER_WINDOW,
                            // Whole seconds: a float written by `format!` would bring
                            // core's float printing (9 KB) into the wasm.
                            (wait_ms / 1000.0).ceil() as u64
                        ),
                    );
                    error.status = Some(429);
                    error.reason = Some("rate_limited");
                    return Err(error);
                }
                calls.push(now);
                Ok(statistics::statistics_request(&caller.base_url, &caller.api_key, period))
            });
        single(caller, prepared, decoder!(statistics::decode_statistics))
    }

    /// The account's credits: `{ creditSms, creditSmsEco, creditHlr, toSend, balance, currency, user }`.
    pub fn credits(&self) -> js_sys::Promise {
        let caller = self.caller();
        let http = account::credits_request(&caller.base_url, &caller.api_key);
        single(caller, Ok(http), decoder!(account::decode_credits))
    }

    /// The STOP list: `[{ id, phoneNumber, createdAt }]`.
    #[wasm_bindgen(js_name = stopList)]
    pub fn stop_list(&self) -> js_sys::Promise {
        let caller = self.caller();
        let http = account::stop_list_request(&caller.base_url, &caller.api_key);
        single(caller, Ok(http), decoder!(account::decode_stop_list))
    }

    /// Puts a number on the STOP list → `{ id }`.
    #[wasm_bindgen(js_name = addToStopList)]
    pub fn add_to_stop_list(&self, number: JsValue) -> js_sys::Promise {
        let caller = self.caller();
        let prepared = phone_number(&convert::scalar_or_list(&number), "phoneNumber")
            .map_err(|e| self.invalid(vec![e]))
            .and_then(|n| {
                account::add_to_stop_list_request(&caller.base_url, &caller.api_key, &n, HOST)
            });
        single(caller, prepared, decoder!(account::decode_stop_added))
    }

    /// Takes an entry off the STOP list by its `id` → `{ removed: true }`.
    #[wasm_bindgen(js_name = removeFromStopList)]
    pub fn remove_from_stop_list(&self, id: JsValue) -> js_sys::Promise {
        let caller = self.caller();
        let prepared = message_id(&convert::scalar_or_list(&id), "id")
            .map(|id| {
                account::remove_from_stop_list_request(&caller.base_url, &caller.api_key, &id)
            })
            .map_err(|mut e| {
                e.code = if e.code == IssueCode::MessageIdRequired {
                    IssueCode::StopIdRequired
                } else {
                    IssueCode::StopIdInvalid
                };
                self.invalid(vec![e])
            });
        single(caller, prepared, decoder!(account::decode_stop_removed))
    }
}

impl SmsPartnerClient {
    fn prepare_cancel(
        &self,
        id: &JsValue,
        options: &JsValue,
    ) -> Result<HttpRequest, SmsPartnerError> {
        let id = message_id(&convert::scalar_or_list(id), "messageId")
            .map_err(|e| self.invalid(vec![e]))?;
        let read_instant = |name: &str| match convert::read(options, &name.into()) {
            _ if !options.is_object() => Ok(None),
            Some(value) if value.is_undefined() || value.is_null() => Ok(None),
            Some(value) => convert::instant(&value).map(Some).ok_or_else(|| {
                self.invalid(vec![Issue::with_message(
                    "options",
                    IssueCode::OptionInvalid,
                    format!("options.{name} must be a Date, an ISO 8601 string or milliseconds"),
                )])
            }),
            None => Err(self.invalid(vec![Issue::with_message(
                "options",
                IssueCode::OptionInvalid,
                format!("options.{name} cannot be read"),
            )])),
        };
        if let Some(scheduled_ms) = read_instant("scheduledAt")? {
            let now_ms = read_instant("now")?.unwrap_or(convert::now());
            cancel::check_deadline(scheduled_ms, now_ms)?;
        }
        Ok(cancel::cancel_request(&self.base_url, &self.api_key, &id))
    }
}

/// The fields of a webhook's body (form text, a query string, `URLSearchParams`, `FormData`, a
/// JSON string or an object), or why they cannot be read.
fn webhook_fields(body: &JsValue) -> Result<Vec<(String, String)>, String> {
    let fields = reply_fields(body);
    if let Some(text) = fields.as_string() {
        return Ok(reply::form_fields(&text));
    }
    if let Some(code) = fields.as_f64() {
        return Err(match code as u32 {
            1 => "the body looks like JSON but does not parse",
            2 => "the body could not be read",
            4 => "the JSON body is not an object of fields",
            _ => "the body must be form text, URLSearchParams, FormData, JSON or an object",
        }
        .to_owned());
    }
    let pairs: js_sys::Array = fields.unchecked_into();
    let members = pairs
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            let value = match convert::scalar(&pair.get(1)) {
                InputValue::Text(s) => Json::String(s),
                InputValue::Number(n) => Json::Number(n),
                InputValue::Bool(b) => Json::Bool(b),
                InputValue::Null | InputValue::Absent => Json::Null,
                _ => Json::Array(Vec::new()),
            };
            Some((pair.get(0).as_string()?, value))
        })
        .collect();
    reply::json_fields(&Json::Object(members))
        .ok_or_else(|| "a field of the body is not text, a number or a boolean".into())
}

/// Reads the reply or STOP that SMS Partner posts to `urlResponse`: form text, a query string,
/// `URLSearchParams`, `FormData`, a JSON string or an object. Never throws: what is not a
/// reply is `{ kind: "invalid", reason }`.
#[wasm_bindgen(js_name = parseReplyWebhook, skip_typescript)]
pub fn parse_reply_webhook(body: JsValue) -> JsValue {
    let event = match webhook_fields(&body) {
        Ok(fields) => reply::parse_reply(&fields, None),
        Err(reason) => reply::ReplyEvent::Invalid(reason),
    };
    to_js(&event)
}

/// Reads the delivery report that SMS Partner posts to `urlDlr`, in any of the bodies
/// `parseReplyWebhook` reads. Never throws: what is not a report is `{ kind: "invalid",
/// reason }`, a report `{ kind: "report", report }`.
#[wasm_bindgen(js_name = parseDeliveryReport, skip_typescript)]
pub fn parse_delivery_report(body: JsValue) -> JsValue {
    let event = match webhook_fields(&body) {
        Ok(fields) => dlr::parse_delivery_report(&fields, None),
        Err(reason) => dlr::DeliveryEvent::Invalid(reason),
    };
    to_js(&event)
}

#[wasm_bindgen(typescript_custom_section)]
const LIFECYCLE_TYPES: &'static str = r#"
import type { SmsPartnerError } from "./index.js";

/** One personalized message of a bulk send. */
export interface BulkMessage {
  /** One number, as typed or in E.164. */
  phoneNumber: string;
  message: string;
}

/** The argument of `sendBulk`: the messages and the options of a send for the whole batch. */
export interface BulkRequest extends Omit<SendRequest, "phoneNumbers" | "message"> {
  messages: BulkMessage[];
}

/** SMS Partner's answer for one number of a chunk. */
export interface BulkItemResult {
  phoneNumber: string | null;
  success: boolean;
  code: number | null;
  nbSms: number | null;
  cost: number | null;
}

/** One chunk of at most 500 messages. */
export interface BulkChunk {
  index: number;
  /** `sent`; `failed` (SMS Partner refused it, nothing left); `unknown` (it may have left); `notAttempted`. */
  state: "sent" | "failed" | "unknown" | "notAttempted";
  /** Index in `messages` of its first message. */
  from: number;
  count: number;
  messageId: number | string | null;
  nbSms: number | null;
  cost: number | null;
  results: BulkItemResult[];
  error: SmsPartnerError | null;
}

/** The answer of `sendBulk`. */
export interface BulkResult {
  /** Every chunk sent. */
  complete: boolean;
  chunks: BulkChunk[];
  nbSms: number;
  cost: number;
  currency: string | null;
}

/** What `onProgress` receives after each chunk. */
export interface BulkProgress {
  chunk: BulkChunk;
  /** Chunks done so far. */
  done: number;
  total: number;
}

/** Options of `sendBulk`. */
export interface BulkOptions extends ValidateOptions {
  /** Called after each chunk; what it throws is ignored. */
  onProgress?: (progress: BulkProgress) => unknown;
}

/** One SMS to ask about. */
export interface StatusQuery {
  messageId: number | string;
  phoneNumber: string;
}

/** The delivery status of one SMS to one number. */
export interface DeliveryStatus {
  messageId: number | string | null;
  /** E.164. */
  phoneNumber: string | null;
  /** `notFound`: SMS Partner knows no such pair; `unknown`: a word it does not document (see `statusText`). */
  status: "delivered" | "notDelivered" | "waiting" | "ko" | "notFound" | "unknown";
  /** SMS Partner's own word. */
  statusText: string | null;
  stopSms: boolean | null;
  /** ISO 8601, UTC. */
  at: string | null;
  cost: number | null;
  currency: string | null;
}

/** The account's credits. */
export interface Credits {
  creditSms: number | null;
  creditSmsEco: number | null;
  creditHlr: number | null;
  toSend: number | null;
  balance: number | null;
  currency: string | null;
  user: { username?: string; firstname?: string; lastname?: string; [other: string]: unknown } | null;
}

/** One entry of the STOP list. */
export interface StopEntry {
  id: number | string | null;
  /** E.164. */
  phoneNumber: string | null;
  /** ISO 8601, UTC. */
  createdAt: string | null;
}

/** A reply or a STOP posted to `urlResponse`. */
export interface ReplyWebhook {
  kind: "reply" | "stop";
  /** E.164. */
  from: string;
  /** The long number answered to (E.164), `null` for a short number. */
  to: string | null;
  text: string;
  messageId: number | string | null;
  /** ISO 8601, UTC. */
  receivedAt: string | null;
  /** One piece of a long reply. */
  part: { ref: number; index: number; total: number } | null;
}

/** A body that is not a reply webhook. */
export interface InvalidReplyWebhook {
  kind: "invalid";
  reason: string;
}

/**
 * Reads the reply or STOP that SMS Partner posts to `urlResponse` (form text, URLSearchParams,
 * FormData, a JSON string or an object, short or long number). Never throws.
 */
export function parseReplyWebhook(body: unknown): ReplyWebhook | InvalidReplyWebhook;

/** The period of `statistics`. */
export interface StatisticsQuery {
  /** `last_month` when left out. */
  interval?: "last_month" | "last_twelve_months" | "custom";
  /** With `custom`: the first day, `YYYY-MM-DD` or `DD-MM-YYYY`. */
  from?: string;
  /** With `custom`: the last day. */
  to?: string;
}

/** One month of spending. */
export interface StatisticsMonth {
  year: number | null;
  /** 1 to 12. */
  month: number | null;
  /** As SMS Partner writes it (`"october"`). */
  monthName: string | null;
  /** The month's first instant as SMS Partner gives it, ISO 8601, UTC. */
  date: string | null;
  cost: number | null;
  /** SMS sent that month. */
  nbSend: number | null;
  /** `type` as SMS Partner writes it (`"month"`). */
  kind: string | null;
}

/** A delivery report posted to `urlDlr` (SMS Partner documents no body: read tolerantly). */
export interface DeliveryReport {
  messageId: number | string;
  /** E.164 (as given when it does not read as a number); `null` when the report has none. */
  phoneNumber: string | null;
  /** In the words of the status calls. */
  status: DeliveryStatus["status"];
  /** The group of SMS Partner's status table (`statusGrpId` 1–5 or an operator code). */
  group: "pending" | "undeliverable" | "delivered" | "expired" | "rejected" | null;
  /** Delivered, or failed for good: no later report changes it. */
  final: boolean;
  /** SMS Partner's word or code as sent (`"DELIVRD"`, `"Not delivered"`…). */
  statusText: string | null;
  statusId: number | null;
  errorId: number | null;
  tag: string | null;
  /** ISO 8601, UTC. */
  at: string | null;
}

/**
 * Reads the delivery report that SMS Partner posts to `urlDlr` (the bodies
 * `parseReplyWebhook` reads). Never throws.
 */
export function parseDeliveryReport(body: unknown): DeliveryReportWebhook | InvalidDeliveryReport;

/** A body read as a delivery report. */
export interface DeliveryReportWebhook {
  kind: "report";
  report: DeliveryReport;
}

/** A body that is not a delivery report. */
export interface InvalidDeliveryReport {
  kind: "invalid";
  reason: string;
}

export interface SmsPartnerClient {
  /**
   * Sends personalized messages in chunks of at most 500, one after the other, every message
   * checked first. After a chunk whose outcome is unknown nothing more is sent. Rejects only
   * when nothing was sent (validation).
   */
  sendBulk(request: BulkRequest, options?: BulkOptions): Promise<BulkResult>;
  /** `GET /v1/message-status`. */
  messageStatus(query: StatusQuery): Promise<DeliveryStatus>;
  /** `POST /v1/multi-status`, 500 a call. */
  multiStatus(queries: StatusQuery[]): Promise<DeliveryStatus[]>;
  /** `GET /v1/bulk-status`: every number of one send. */
  bulkStatus(messageId: number | string): Promise<DeliveryStatus[]>;
  /** `GET /v1/bulk-status-by-tag`. */
  statusByTag(tag: string): Promise<DeliveryStatus[]>;
  /**
   * Cancels a scheduled send; with `scheduledAt`, refused without a call less than 5 minutes
   * before it (`reason` `too_late`) or after it (`already_sent`). Other refusals: `already_cancelled`, `already_sent`,
   * `message_not_found`.
   */
  cancel(messageId: number | string, options?: { scheduledAt?: Date | string | number; now?: Date | string | number }): Promise<{ cancelled: true }>;
  /** `GET /v1/me`. */
  credits(): Promise<Credits>;
  /**
   * Spending by month. SMS Partner answers 5 calls a minute: a sixth rejects at once with an
   * `SmsPartnerError` of kind `http`, status 429, reason `rate_limited` (nothing asked).
   */
  statistics(query?: StatisticsQuery): Promise<StatisticsMonth[]>;
  /** `GET /v1/stop-sms/list`. */
  stopList(): Promise<StopEntry[]>;
  /** `POST /v1/stop-sms/add`. */
  addToStopList(phoneNumber: string): Promise<{ id: number | string }>;
  /** `GET /v1/stop-sms/delete`. */
  removeFromStopList(id: number | string): Promise<{ removed: true }>;
}
"#;
