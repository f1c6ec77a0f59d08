//! `SmsPartnerClient`: validates a request, then sends it once with the global `fetch`.

use wasm_bindgen::prelude::*;

use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::input::InputValue;
use crate::lang::Lang;
use crate::transport;
use crate::validate;
use crate::wire::{self, DEFAULT_BASE_URL};

use super::{convert, js_error, json_text, to_js, validate_options};

/// Timeout of a send when `timeoutMs` is not given.
const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;

/// A client of the SMS Partner API holding its key, address and timeout.
///
/// The key is never readable back, and never appears in an error or a result.
#[wasm_bindgen(skip_typescript)]
pub struct SmsPartnerClient {
    pub(super) api_key: ApiKey,
    pub(super) base_url: String,
    pub(super) timeout_ms: f64,
    /// When the statistics calls of the last minute were made (SMS Partner answers 5 a minute).
    pub(super) statistics_calls: std::cell::RefCell<Vec<f64>>,
}

fn config_error(message: &str) -> JsValue {
    js_error::sms_partner_error(&SmsPartnerError::new(ErrorKind::Validation, message))
}

#[wasm_bindgen]
impl SmsPartnerClient {
    /// `new SmsPartnerClient({ apiKey, baseUrl?, timeoutMs? })`.
    ///
    /// # Errors
    /// An `SmsPartnerError` of kind `validation` when an option is missing or wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<SmsPartnerClient, JsValue> {
        let api_key = match convert::option(&options, "apiKey") {
            InputValue::Text(key) => ApiKey::new(&key).map_err(|problem| {
                config_error(&format!("the API key {}", problem.sentence_end(Lang::En)))
            })?,
            _ => return Err(config_error("apiKey is required (a string)")),
        };
        let base_url = match convert::option(&options, "baseUrl") {
            InputValue::Absent | InputValue::Null => DEFAULT_BASE_URL.to_owned(),
            InputValue::Text(url) => {
                wire::normalize_base_url(&url).map_err(|m| config_error(&m))?
            }
            _ => return Err(config_error("baseUrl must be a string")),
        };
        let timeout_ms = match convert::option(&options, "timeoutMs") {
            InputValue::Absent | InputValue::Null => DEFAULT_TIMEOUT_MS,
            InputValue::Number(ms) if ms.is_finite() && ms > 0.0 && ms <= 2_147_483_647.0 => ms,
            _ => {
                return Err(config_error(
                    "timeoutMs must be a positive number of milliseconds",
                ));
            }
        };
        Ok(SmsPartnerClient {
            api_key,
            base_url,
            timeout_ms,
            statistics_calls: std::cell::RefCell::new(Vec::new()),
        })
    }

    /// The address requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// The timeout of a send, in milliseconds.
    #[wasm_bindgen(getter, js_name = timeoutMs)]
    pub fn timeout_ms(&self) -> f64 {
        self.timeout_ms
    }

    /// Validates `request` and, when valid, posts it once to `{baseUrl}/v1/send`.
    ///
    /// Resolves to a `SendResult`; rejects with an `SmsPartnerError`. Nothing is ever resent:
    /// after a `network` or `timeout` error the message may have been sent, and a resend is
    /// the caller's decision. `options` takes `lang` and `now` as `validateSendRequest` does.
    pub fn send(&self, request: JsValue, options: Option<JsValue>) -> js_sys::Promise {
        let options = options.unwrap_or_default();
        let read = validate_options(&options);
        let lang = read.0.lang;
        let prepared = self.prepare(&request, read);
        let (api_key, timeout_ms) = (self.api_key.clone(), self.timeout_ms);
        super::lifecycle::promise(Box::pin(async move {
            let http = prepared?;
            // The runtime's words for a failed fetch are kept; should they quote the key (a
            // baseUrl holding it), it is scrubbed.
            let answer = transport::execute(&http, Some(timeout_ms))
                .await
                .map_err(|mut e| {
                    e.message = api_key.scrub(&e.message);
                    e
                })?;
            let body = js_sys::JSON::parse(&answer.body)
                .ok()
                .map(|value| convert::json(&value));
            wire::decode_send_json_in(answer.status, body, &api_key, lang)
                .map(|result| to_js(&result))
        }))
    }
}

impl SmsPartnerClient {
    /// Validates the request and builds the HTTP request, or says why not.
    fn prepare(
        &self,
        request: &JsValue,
        (options, option_issues): (validate::ValidateOptions, Vec<crate::issue::Issue>),
    ) -> Result<wire::HttpRequest, SmsPartnerError> {
        let raw = convert::raw_request(request);
        let wire_request = validate::for_client(
            raw.as_ref().map_err(|t| *t),
            &options,
            option_issues,
            &self.api_key,
        )?;
        wire::send_request_with(&self.base_url, &self.api_key, &wire_request, |body| {
            json_text(body)
        })
        .ok_or_else(|| {
            SmsPartnerError::new(ErrorKind::Validation, "the request could not be written")
        })
    }
}

/// The error of a method called on a freed `SmsPartnerClient`, for the package's guard.
#[wasm_bindgen(js_name = __freedClientError, skip_typescript)]
pub fn freed_client_error() -> JsValue {
    config_error("this SmsPartnerClient was freed: create a new one")
}

#[wasm_bindgen(typescript_custom_section)]
const CLIENT_TYPES: &'static str = r#"
/** Options of `new SmsPartnerClient`. */
export interface SmsPartnerClientOptions {
  apiKey: string;
  /** Default `https://api.smspartner.fr`. */
  baseUrl?: string;
  /** Default 30000. */
  timeoutMs?: number;
}

/** SMS Partner's answer to a successful send, in camelCase. */
export interface SendResult {
  success: true;
  code: number;
  messageId: number | string;
  nbSms: number | null;
  cost: number | null;
  currency: string | null;
  [other: string]: unknown;
}

/** A client of the SMS Partner API. Its key is never readable back. */
export class SmsPartnerClient {
  free(): void;
  [Symbol.dispose](): void;
  /** @throws SmsPartnerError of kind `validation` when an option is missing or wrong. */
  constructor(options: SmsPartnerClientOptions);
  /** The address requests go to. */
  readonly baseUrl: string;
  /** The timeout of a send, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * Validates `request` and, when valid, posts it once to `{baseUrl}/v1/send`. Rejects with an
   * `SmsPartnerError`. Never resends: after `network` or `timeout` the SMS may have left.
   */
  send(request: SendRequest, options?: ValidateOptions): Promise<SendResult>;
}
"#;
