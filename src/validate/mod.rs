//! Checks a send request as SMS Partner would and reports every problem at once.
//!
//! The report is data, never an exception: each problem is an [`Issue`] on its wire field,
//! with a stable code and a sentence in the caller's language.

mod fields;
mod schedule;

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::input::{InputValue, RawRequest};
use crate::issue::{Issue, IssueCode, Severity};
use crate::lang::Lang;
use crate::message::{self, MessageAnalysis, MessageOptions};
use crate::paris_time;
use crate::wire::WireRequest;

pub use fields::{MAX_PHONE_NUMBERS, flag_value, is_callback_url};

/// How to validate (`options` of `validateSendRequest`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidateOptions {
    /// The current instant, in milliseconds since the Unix epoch.
    pub now_ms: i64,
    /// The message is marketing: the STOP mention and the quiet hours apply.
    pub commercial: bool,
    /// The language of the sentences.
    pub lang: Lang,
    /// Whether a missing `apiKey` is an error (off when a client adds its own key). A key that
    /// is given is checked either way.
    pub require_api_key: bool,
}

impl ValidateOptions {
    /// Options for `now_ms`: not commercial, English, key required.
    pub fn at(now_ms: i64) -> ValidateOptions {
        ValidateOptions {
            now_ms,
            commercial: false,
            lang: Lang::En,
            require_api_key: true,
        }
    }
}

/// The answer of `validateSendRequest`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationReport {
    /// `true` when SMS Partner would accept the request.
    pub valid: bool,
    /// What SMS Partner would refuse.
    pub errors: Vec<Issue>,
    /// What will not be refused but changes what happens.
    pub warnings: Vec<Issue>,
    /// The normalized wire request (without the key) when valid.
    pub request: Option<WireRequest>,
    /// The length analysis of the message with the request's options.
    pub message: MessageAnalysis,
    /// Distinct valid recipients.
    pub recipients: u32,
    /// `recipients × smsCount`.
    pub total_sms: u32,
    /// When SMS Partner will actually send, ISO 8601 in UTC.
    pub delivery_time: String,
}

/// Collects issues while the fields are read.
pub(crate) struct Findings {
    pub(crate) lang: Lang,
    pub(crate) errors: Vec<Issue>,
    pub(crate) warnings: Vec<Issue>,
}

impl Findings {
    /// Records the issue `code` on `field`; an error or a warning as the code says.
    pub(crate) fn on(
        &mut self,
        field: impl Into<std::borrow::Cow<'static, str>>,
        code: IssueCode,
        details: &[&dyn std::fmt::Display],
    ) {
        let issue = Issue::on(field, code, self.lang, details);
        match code.severity() {
            Severity::Error => self.errors.push(issue),
            Severity::Warning => self.warnings.push(issue),
        }
    }

    /// Records the issue `code` on its own field.
    pub(crate) fn add(&mut self, code: IssueCode, details: &[&dyn std::fmt::Display]) {
        self.on(code.field().unwrap_or("request"), code, details);
    }
}

/// Validates a request read from JavaScript or JSON.
pub fn validate(raw: &RawRequest, options: &ValidateOptions) -> ValidationReport {
    let mut findings = Findings {
        lang: options.lang,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    for name in &raw.unknown_fields {
        findings.on(name.clone(), IssueCode::UnknownField, &[]);
    }
    // A key that is given is checked even when none is required (a client adds its own): a
    // number or an object there is a mistake to report, not a value to drop silently.
    if options.require_api_key || !raw.api_key.is_unset() {
        fields::api_key(&raw.api_key, &mut findings);
    }
    let numbers = fields::phone_numbers(&raw.phone_numbers, &mut findings);
    let flags = fields::flags(raw, &mut findings);
    let message_options = MessageOptions {
        unicode: flags.unicode,
        stop_sms: flags.stop_sms,
        gamme: flags.gamme,
    };
    let text = fields::message(&raw.message, &mut findings);
    let analysis = message::analyze(text.unwrap_or(""), &message_options);
    if text.is_some() {
        fields::message_findings(&analysis, &message_options, &mut findings);
    }
    let sender = fields::sender(&raw.sender, &mut findings);
    let tag = fields::tag(&raw.tag, &mut findings);
    let url_response = fields::url(&raw.url_response, "urlResponse", &mut findings);
    let url_dlr = fields::url(&raw.url_dlr, "urlDlr", &mut findings);
    fields::format(&raw.format, &mut findings);
    let when = schedule::schedule(raw, options.now_ms, &mut findings);
    let send_at = when.as_ref().map_or(options.now_ms, |s| s.at_ms);
    let delivery_ms = schedule::commercial_rules(
        send_at,
        options,
        &message_options,
        text.unwrap_or(""),
        &mut findings,
    );

    // A sentence may quote what it refuses: never the key, pasted into another field.
    if let InputValue::Text(key) = &raw.api_key {
        if let Ok(key) = ApiKey::new(key) {
            for issue in findings
                .errors
                .iter_mut()
                .chain(findings.warnings.iter_mut())
            {
                issue.message = key.scrub(&issue.message);
            }
        }
    }
    let recipients = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
    let valid = findings.errors.is_empty();
    let request = valid.then(|| WireRequest {
        phone_numbers: numbers.join(","),
        message: message::wire_text(text.unwrap_or(""), &message_options).into_owned(),
        gamme: (flags.gamme == message::Gamme::LowCost).then_some(2),
        sender,
        tag,
        scheduled_delivery_date: when.as_ref().map(|s| s.date.clone()),
        time: when.as_ref().map(|s| s.hour),
        minute: when.as_ref().map(|s| s.minute),
        url_response,
        url_dlr,
        is_stop_sms: flags.stop_sms.then_some(1),
        is_unicode: flags.unicode.then_some(1),
        sandbox: flags.sandbox.then_some(1),
    });
    ValidationReport {
        valid,
        errors: findings.errors,
        warnings: findings.warnings,
        request,
        total_sms: recipients.saturating_mul(analysis.sms_count),
        message: analysis,
        recipients,
        delivery_time: paris_time::format_iso8601(delivery_ms),
    }
}

/// The report for a request that is not an object at all (`null`, a string, an array…).
pub fn not_an_object(type_name: &str, options: &ValidateOptions) -> ValidationReport {
    ValidationReport {
        valid: false,
        errors: vec![Issue::of(
            IssueCode::RequestNotObject,
            options.lang,
            &[&type_name],
        )],
        warnings: Vec::new(),
        request: None,
        message: message::analyze("", &MessageOptions::default()),
        recipients: 0,
        total_sms: 0,
        delivery_time: paris_time::format_iso8601(options.now_ms),
    }
}
