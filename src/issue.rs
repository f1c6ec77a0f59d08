//! One problem found in a request or reported by SMS Partner: a field, a stable code, a sentence.
//!
//! [`IssueCode`] is the one table of every validation code and warning: its name, the fields it
//! can be on and whether it refuses the request; its sentences are in the language tables
//! ([`crate::lang`]), under the key of the same name. The TypeScript union `IssueCode` and the
//! README's code list are checked against it.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::lang::{IssueText, Lang};

/// Whether an issue refuses the request or only tells what will happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// SMS Partner would refuse the request (`errors`).
    Error,
    /// The request is accepted but something changes (`warnings`).
    Warning,
}

/// Declares [`IssueCode`] and its table: name, fields (empty: any field), severity.
macro_rules! issue_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, [$($field:literal),*], $severity:ident; )*) => {
        /// Every code a validation error or warning can have (`IssueCode` in TypeScript).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum IssueCode {
            $( $(#[$doc])* $variant, )*
        }

        impl IssueCode {
            /// Every code, in the order of the README's list.
            pub const ALL: &'static [IssueCode] = &[$(IssueCode::$variant),*];

            /// The stable snake_case name a program branches on.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(IssueCode::$variant => $code,)*
                }
            }

            /// The wire fields this code can be on; empty when it can be on any field.
            pub const fn fields(self) -> &'static [&'static str] {
                match self {
                    $(IssueCode::$variant => &[$($field),*],)*
                }
            }

            /// Whether the code refuses the request.
            pub const fn severity(self) -> Severity {
                match self {
                    $(IssueCode::$variant => Severity::$severity,)*
                }
            }

            /// The key of the code's sentence in the language tables: the key of its name.
            const fn text_key(self) -> IssueText {
                match self {
                    $(IssueCode::$variant => IssueText::$variant,)*
                }
            }
        }
    };
}

issue_codes! {
    /// The request is not an object (`null`, a string, an array…).
    RequestNotObject = "request_not_object", ["request"], Error;
    /// No `apiKey`.
    ApiKeyRequired = "api_key_required", ["apiKey"], Error;
    /// An `apiKey` that cannot be a key (empty, spaces, far too long).
    ApiKeyInvalid = "api_key_invalid", ["apiKey"], Error;
    /// The request carries a key other than the client's.
    ApiKeyConflict = "api_key_conflict", ["apiKey"], Error;
    /// No phone number.
    PhoneNumbersRequired = "phone_numbers_required", ["phoneNumbers"], Error;
    /// A phone number that cannot be read.
    PhoneNumberInvalid = "phone_number_invalid", ["phoneNumbers"], Error;
    /// More than [`MAX_PHONE_NUMBERS`](crate::limits::MAX_PHONE_NUMBERS) numbers (SMS Partner's
    /// code 50).
    TooManyPhoneNumbers = "too_many_phone_numbers", ["phoneNumbers"], Error;
    /// A valid number of a region that `allowedRegions` does not list.
    DestinationNotAllowed = "destination_not_allowed", ["phoneNumbers"], Error;
    /// No message (code 43).
    MessageRequired = "message_required", ["message"], Error;
    /// More than [`MAX_SMS_PER_MESSAGE`](crate::limits::MAX_SMS_PER_MESSAGE) SMS (code 52).
    MessageTooLong = "message_too_long", ["message"], Error;
    /// A low-cost message of more than one SMS (code 42).
    LowCostTooLong = "low_cost_too_long", ["message"], Error;
    /// A merge field of the message that is not a column of the row (`renderTemplate`).
    MergeFieldUnknown = "merge_field_unknown", ["message"], Error;
    /// A merge field whose column is empty in the row.
    MergeFieldEmpty = "merge_field_empty", ["message"], Error;
    /// A `{` that no `}` closes.
    MergeFieldUnclosed = "merge_field_unclosed", ["message"], Error;
    /// `gamme` neither 1 nor 2.
    GammeInvalid = "gamme_invalid", ["gamme"], Error;
    /// A sender shorter than 3 characters.
    SenderTooShort = "sender_too_short", ["sender"], Error;
    /// A sender longer than 11 characters.
    SenderTooLong = "sender_too_long", ["sender"], Error;
    /// A sender with something else than unaccented letters and digits.
    SenderInvalidCharacters = "sender_invalid_characters", ["sender"], Error;
    /// A tag longer than [`MAX_TAG_LEN`](crate::limits::MAX_TAG_LEN) characters.
    TagTooLong = "tag_too_long", ["tag"], Error;
    /// A tag with spaces.
    TagInvalidCharacters = "tag_invalid_characters", ["tag"], Error;
    /// A tag with capitals (SMS Partner's current page: "lowercase only").
    TagNotLowercase = "tag_not_lowercase", ["tag"], Error;
    /// A schedule date that is not `dd/MM/yyyy` (code 49).
    ScheduleDateInvalid = "schedule_date_invalid", ["scheduledDeliveryDate"], Error;
    /// A schedule that is not in the future.
    ScheduleInPast = "schedule_in_past", ["scheduledDeliveryDate"], Error;
    /// A schedule date without `time` (code 46).
    TimeRequired = "time_required", ["time"], Error;
    /// A `time` that is not an hour 0–23.
    TimeInvalid = "time_invalid", ["time"], Error;
    /// A schedule date without `minute`.
    MinuteRequired = "minute_required", ["minute"], Error;
    /// A `minute` that is not a multiple of 5 from 0 to 55 (codes 47, 48).
    MinuteInvalid = "minute_invalid", ["minute"], Error;
    /// A callback address that is not an http or https URL.
    UrlInvalid = "url_invalid", ["urlResponse", "urlDlr"], Error;
    /// A flag that is not 0, 1, `true` or `false`.
    FlagInvalid = "flag_invalid", ["isStopSms", "isUnicode", "sandbox"], Error;
    /// `_format: "xml"`: this package reads JSON answers only.
    FormatUnsupported = "format_unsupported", ["_format"], Error;
    /// A `_format` that is neither json nor xml.
    FormatInvalid = "format_invalid", ["_format"], Error;
    /// A field of the wrong JavaScript type.
    InvalidType = "invalid_type", [], Error;
    /// A wrong option of the call itself.
    OptionInvalid = "option_invalid", ["options"], Error;
    /// A per-field error of SMS Partner's answer, in its own words.
    RejectedBySmsPartner = "rejected_by_smspartner", [], Error;
    /// A number given more than once, sent once.
    DuplicatePhoneNumbers = "duplicate_phone_numbers", ["phoneNumbers"], Warning;
    /// Numbers whose numbering plan says they cannot receive an SMS (fixed line, premium rate…).
    PhoneNumberNotMobile = "phone_number_not_mobile", ["phoneNumbers"], Warning;
    /// Characters SMS Partner replaces.
    CharactersReplaced = "characters_replaced", ["message"], Warning;
    /// Characters GSM-7 cannot carry.
    CharactersUnsupported = "characters_unsupported", ["message"], Warning;
    /// Unicode sending must be enabled on the account.
    UnicodeNeedsActivation = "unicode_needs_activation", ["isUnicode"], Warning;
    /// A sender made of digits only.
    SenderNumeric = "sender_numeric", ["sender"], Warning;
    /// `isStopSms` in the low-cost range.
    StopSmsNotApplicable = "stop_sms_not_applicable", ["isStopSms"], Warning;
    /// A commercial premium message without the STOP mention.
    StopMentionMissing = "stop_mention_missing", ["isStopSms"], Warning;
    /// A commercial low-cost message without `NoPub=STOP`.
    NopubMentionMissing = "nopub_mention_missing", ["message"], Warning;
    /// A commercial message held by the quiet hours.
    QuietHoursDelay = "quiet_hours_delay", ["scheduledDeliveryDate"], Warning;
    /// `time` or `minute` without a schedule date.
    ScheduleDateMissing = "schedule_date_missing", ["scheduledDeliveryDate"], Warning;
    /// A parameter SMS Partner does not know.
    UnknownField = "unknown_field", [], Warning;
    /// `sendBulk` without messages.
    MessagesRequired = "messages_required", ["messages"], Error;
    /// `sendBulk` with more messages than it takes at once.
    TooManyMessages = "too_many_messages", ["messages"], Error;
    /// A status or cancel call without a message id.
    MessageIdRequired = "message_id_required", [], Error;
    /// A message id that is neither a whole number nor SMS Partner's letters and digits.
    MessageIdInvalid = "message_id_invalid", [], Error;
    /// `statusByTag` without a tag.
    TagRequired = "tag_required", ["tag"], Error;
    /// `removeFromStopList` without an entry id.
    StopIdRequired = "stop_id_required", ["id"], Error;
    /// An entry id of the STOP list that cannot be one.
    StopIdInvalid = "stop_id_invalid", ["id"], Error;
    /// `multiStatus` without a query.
    QueriesRequired = "queries_required", ["queries"], Error;
    /// `multiStatus` with more queries than it takes at once.
    TooManyQueries = "too_many_queries", ["queries"], Error;
    /// `statistics` with an interval SMS Partner does not have (or dates without `custom`).
    IntervalInvalid = "interval_invalid", ["interval"], Error;
    /// `statistics` with the `custom` interval but without both days.
    DateRangeRequired = "date_range_required", ["from", "to"], Error;
    /// A day of `statistics` that is not one.
    DateInvalid = "date_invalid", ["from", "to"], Error;
    /// `statistics` from a day after its last.
    DateRangeReversed = "date_range_reversed", ["from"], Error;
}

impl IssueCode {
    /// The code of a name, `None` for a name that is not a code.
    pub fn from_name(name: &str) -> Option<IssueCode> {
        IssueCode::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// The one field of a code that is always on the same field.
    pub fn field(self) -> Option<&'static str> {
        match self.fields() {
            [only] => Some(only),
            _ => None,
        }
    }

    /// The sentence in English and in French, with the limits written in; each `{}` is a
    /// detail of the case at hand, filled by [`IssueCode::sentence`].
    pub fn templates(self) -> (Cow<'static, str>, Cow<'static, str>) {
        (self.template(Lang::En), self.template(Lang::Fr))
    }

    /// The sentence in `lang` from its language's table, with the limits written in.
    pub fn template(self, lang: Lang) -> Cow<'static, str> {
        lang.issue(self.text_key())
    }

    /// The sentence in `lang`, each `{}` of the template replaced by the next detail, in one
    /// pass (a detail that holds `{}` is written as it is). Missing details leave `{}` out.
    pub fn sentence(self, lang: Lang, details: &[&dyn fmt::Display]) -> String {
        fill(&self.template(lang), details)
    }
}

/// `template` with each `{}` replaced by the next detail, in one pass (a detail that holds `{}`
/// is written as it is); missing details leave `{}` out.
pub fn fill(template: &str, details: &[&dyn fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut details = details.iter();
    let mut pieces = template.split("{}");
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    for piece in pieces {
        if let Some(detail) = details.next() {
            out.push_str(&detail.to_string());
        }
        out.push_str(piece);
    }
    out
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for IssueCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for IssueCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A validation error or warning, or one per-field error of an SMS Partner answer.
///
/// Crosses into JavaScript as `{ field, code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The wire name of the field concerned (`"sender"`, `"phoneNumbers"`…), or `"request"`
    /// when the request as a whole is at fault.
    pub field: Cow<'static, str>,
    /// A stable snake_case identifier a program can branch on.
    pub code: IssueCode,
    /// A sentence for a person.
    pub message: String,
}

impl Issue {
    /// An issue on `field` with the code's sentence in `lang`, filled with `details`.
    pub fn on(
        field: impl Into<Cow<'static, str>>,
        code: IssueCode,
        lang: Lang,
        details: &[&dyn fmt::Display],
    ) -> Issue {
        Issue {
            field: field.into(),
            code,
            message: code.sentence(lang, details),
        }
    }

    /// An issue on the code's own field (`"request"` for a code that has none).
    pub fn of(code: IssueCode, lang: Lang, details: &[&dyn fmt::Display]) -> Issue {
        Issue::on(code.field().unwrap_or("request"), code, lang, details)
    }

    /// An issue with a sentence written for the case (a summary of several).
    pub fn with_message(
        field: impl Into<Cow<'static, str>>,
        code: IssueCode,
        message: impl Into<String>,
    ) -> Issue {
        Issue {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_has_a_sentence_key_of_its_own() {
        let keys: std::collections::HashSet<IssueText> =
            IssueCode::ALL.iter().map(|c| c.text_key()).collect();
        assert_eq!(keys.len(), IssueCode::ALL.len());
        assert_eq!(IssueText::ALL.len(), IssueCode::ALL.len());
    }
}
