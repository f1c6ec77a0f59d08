//! The error a send can end with: its kind, a sentence, and what SMS Partner said.

use std::fmt;

use serde::Serialize;

use crate::issue::Issue;

/// What went wrong, for a program to branch on (`kind` in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
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
    /// Per-field errors: the validation report's errors, or SMS Partner's `errors`.
    pub errors: Vec<Issue>,
    /// A stable snake_case name of what happened, where the call gives its codes a meaning of
    /// its own (a cancel's code 5 is `already_cancelled`), else `None`.
    pub reason: Option<&'static str>,
}

impl SmsPartnerError {
    /// An error of `kind` with a sentence and nothing else.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> SmsPartnerError {
        SmsPartnerError {
            kind,
            message: message.into(),
            status: None,
            code: None,
            errors: Vec::new(),
            reason: None,
        }
    }

    /// The same error with a `reason`.
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
