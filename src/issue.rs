//! One problem found in a request or reported by SMS Partner: a field, a stable code, a sentence.

use std::borrow::Cow;

use serde::Serialize;

/// A validation error or warning, or one per-field error of an SMS Partner answer.
///
/// Crosses into JavaScript as `{ field, code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The wire name of the field concerned (`"sender"`, `"phoneNumbers"`…), or `"request"`
    /// when the request as a whole is at fault.
    pub field: Cow<'static, str>,
    /// A stable snake_case identifier a program can branch on.
    pub code: Cow<'static, str>,
    /// A sentence for a person.
    pub message: String,
}

impl Issue {
    /// Builds an issue from its three parts.
    pub fn new(
        field: impl Into<Cow<'static, str>>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Issue {
        Issue {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}
