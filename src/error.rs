//! The error a send can end with: its kind, a sentence, and what SMS Partner said.

use std::fmt;

use serde::Serialize;

use crate::issue::Issue;

/// What went wrong, for a program to branch on (`kind` in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request was refused before any network call; `errors` lists why.
    Validation,
    /// SMS Partner answered and said no: `code` is its control code, `errors` its per-field errors.
    Api,
    /// An answer came back that is not one SMS Partner documents (status or body).
    Http,
    /// No answer: the connection failed or broke. The request may or may not have arrived.
    Network,
    /// No answer within `timeoutMs`. The request may or may not have arrived.
    Timeout,
}

impl ErrorKind {
    /// The lowercase name JavaScript sees.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::Api => "api",
            ErrorKind::Http => "http",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
        }
    }
}

/// The error of a send (`SmsPartnerError` in JavaScript).
///
/// It never holds the API key: messages that come from the network are redacted first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SmsPartnerError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// A short lowercase sentence.
    pub message: String,
    /// The HTTP status, when an answer came back.
    pub status: Option<u16>,
    /// SMS Partner's control code (1, 2, 9, 10, 11…), when it gave one.
    pub code: Option<i64>,
    /// The stable name of a documented `code` ([`crate::api_code::API_CODES`]), else `None`.
    pub reason: Option<&'static str>,
    /// The wire field a documented `code` is about, else `None`.
    pub field: Option<&'static str>,
    /// Per-field errors: the validation report's errors, or SMS Partner's `errors`.
    pub errors: Vec<Issue>,
}

impl SmsPartnerError {
    /// An error of `kind` with a sentence and nothing else.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> SmsPartnerError {
        SmsPartnerError {
            kind,
            message: message.into(),
            status: None,
            code: None,
            reason: None,
            field: None,
            errors: Vec::new(),
        }
    }

    /// Whether the message may have left although the send failed: never after a refusal
    /// (`validation`, `api`, an HTTP 4xx such as 429), always when no answer or an answer
    /// SMS Partner does not document came back. A resend is then the caller's decision.
    pub fn may_have_been_sent(&self) -> bool {
        match self.kind {
            ErrorKind::Validation | ErrorKind::Api => false,
            ErrorKind::Http => !self.status.is_some_and(|s| (400..500).contains(&s)),
            ErrorKind::Network | ErrorKind::Timeout => true,
        }
    }

    /// The same error with a `reason` of the call's own (a cancel's code 5 is
    /// `already_cancelled`).
    pub fn with_reason(mut self, reason: &'static str) -> SmsPartnerError {
        self.reason = Some(reason);
        self
    }

    /// The same error with an HTTP status.
    pub fn with_status(mut self, status: u16) -> SmsPartnerError {
        self.status = Some(status);
        self
    }
}

impl fmt::Display for SmsPartnerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error: {}", self.kind.as_str(), self.message)?;
        if let Some(status) = self.status {
            write!(f, " (status {status})")?;
        }
        Ok(())
    }
}

impl std::error::Error for SmsPartnerError {}
