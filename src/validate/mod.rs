//! Checks a send request as SMS Partner would and reports every problem at once.
//!
//! The report is data, never an exception: each problem is an [`Issue`] on its wire field,
//! with a stable code and a sentence in the caller's language.

mod destinations;
mod fields;
mod mentions;
mod options;
mod repeats;
mod schedule;

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode, Severity};
use crate::lang::Lang;
use crate::message::{self, MessageAnalysis, MessageOptions};
use crate::paris_time;
use crate::send_fields::RawRequest;
use crate::wire::WireRequest;

pub use destinations::{
    NO_SINGLE_REGION, RegionSet, read as read_allowed_regions, refusal as destination_refusal,
};
pub use mentions::NOPUB_MENTION;
pub use options::{NowOption, RawValidateOptions, lang_value, read_validate_options};
pub use repeats::MAX_REPEATED;

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
    /// The regions the numbers may be of (`allowedRegions`): each valid number of another
    /// region is a `destination_not_allowed` error. `None`: any destination.
    pub allowed_regions: Option<RegionSet>,
}

impl ValidateOptions {
    /// Options for `now_ms`: not commercial, English, key required, any destination.
    pub fn at(now_ms: i64) -> ValidateOptions {
        ValidateOptions {
            now_ms,
            commercial: false,
            lang: Lang::En,
            require_api_key: true,
            allowed_regions: None,
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
    let numbers = fields::phone_numbers(
        &raw.phone_numbers,
        options.allowed_regions.as_ref(),
        &mut findings,
    );
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
    if options.commercial {
        mentions::opt_out(&message_options, text.unwrap_or(""), &mut findings);
    }
    let delivery_ms = schedule::commercial_delay(send_at, options, &mut findings);

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
    repeats::cap(&mut findings.errors, options.lang);
    repeats::cap(&mut findings.warnings, options.lang);
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

impl ValidationReport {
    /// The report with the options' own issues added to its errors: not valid, no request.
    pub fn with_option_issues(mut self, issues: Vec<Issue>) -> ValidationReport {
        if !issues.is_empty() {
            self.errors.extend(issues);
            self.valid = false;
            self.request = None;
        }
        self
    }
}

/// What a client that holds its own key checks before it sends `raw` (or a value that is not
/// an object, named by its type): the request validated without requiring a key, a key in it
/// other than the client's refused (`api_key_conflict`), the options' issues, and no sentence
/// holding the client's key.
///
/// # Errors
/// An [`SmsPartnerError`] of kind `validation` listing every error.
pub fn for_client(
    raw: Result<&RawRequest, &str>,
    options: &ValidateOptions,
    option_issues: Vec<Issue>,
    client_key: &ApiKey,
) -> Result<WireRequest, SmsPartnerError> {
    let options = ValidateOptions {
        require_api_key: false,
        ..*options
    };
    let mut report = match raw {
        Ok(raw) => {
            let mut report = validate(raw, &options);
            if let InputValue::Text(key) = &raw.api_key {
                if key != client_key.expose() {
                    report.valid = false;
                    report.request = None;
                    report
                        .errors
                        .push(Issue::of(IssueCode::ApiKeyConflict, options.lang, &[]));
                }
            }
            report
        }
        Err(type_name) => not_an_object(type_name, &options),
    };
    report.errors.extend(option_issues);
    // Validation quotes what it refuses (a phone number, a date): the key pasted into the
    // wrong field must not come back in the error.
    for issue in &mut report.errors {
        issue.message = client_key.scrub(&issue.message);
    }
    match report.request {
        Some(request) if report.errors.is_empty() => Ok(request),
        _ => {
            let first = report
                .errors
                .first()
                .map_or(String::new(), |e| format!(": {} ({})", e.message, e.field));
            let mut error = SmsPartnerError::new(
                ErrorKind::Validation,
                format!("the request is not valid{first}"),
            );
            error.errors = report.errors;
            Err(error)
        }
    }
}

/// Checks a tag on its own, by the rules of the send's `tag` (the status-by-tag call looks a
/// send up by it). `Ok(None)` when the tag is not given.
///
/// # Errors
/// The tag's issues.
pub fn check_tag(value: &InputValue, lang: Lang) -> Result<Option<String>, Vec<Issue>> {
    let mut findings = Findings {
        lang,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let tag = fields::tag(value, &mut findings);
    if findings.errors.is_empty() {
        Ok(tag)
    } else {
        Err(findings.errors)
    }
}
