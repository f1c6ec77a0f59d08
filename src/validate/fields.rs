//! The checks of each parameter of the send request, one function a field.

use crate::api_key::ApiKey;
pub(crate) use crate::callback_url::is_callback_url;
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::lang::Text;
use crate::limits::{MAX_LOW_COST_SMS, MAX_SMS_PER_MESSAGE, MAX_TAG_LEN, SENDER_LEN};
use crate::message::{Gamme, MessageAnalysis, MessageOptions};
use crate::options::{flag_value, read_message_options};
use crate::phone;
use crate::send_fields::RawRequest;

use super::Findings;
use super::destinations::RegionSet;

pub(crate) use crate::limits::MAX_PHONE_NUMBERS;

/// At most this many numbers are listed one by one with the same problem (not valid, not an
/// allowed destination); the rest are summed up.
const MAX_LISTED_NUMBERS: usize = 20;

/// The flags and the range, read together because the message's length depends on them.
pub(crate) struct Flags {
    pub(crate) gamme: Gamme,
    pub(crate) stop_sms: bool,
    pub(crate) unicode: bool,
    pub(crate) sandbox: bool,
}

/// Records that `value` has the wrong JavaScript type for `field`.
fn wrong_type(f: &mut Findings, field: &'static str, value: &InputValue, expected: Text) {
    let expected = f.lang.text(expected);
    f.on(
        field,
        IssueCode::InvalidType,
        &[&field, &expected, &value.type_name()],
    );
}

/// A string field: `None` when unset; a wrong type is recorded.
pub(crate) fn text<'a>(
    value: &'a InputValue,
    field: &'static str,
    f: &mut Findings,
) -> Option<&'a str> {
    match value {
        InputValue::Text(text) if !text.is_empty() => Some(text),
        unset if unset.is_unset() => None,
        other => {
            wrong_type(f, field, other, Text::AString);
            None
        }
    }
}

pub(crate) fn api_key(value: &InputValue, f: &mut Findings) {
    let Some(key) = text(value, "apiKey", f) else {
        if value.is_unset() {
            f.add(IssueCode::ApiKeyRequired, &[]);
        }
        return;
    };
    if let Err(problem) = ApiKey::new(key) {
        let detail = problem.sentence_end(f.lang);
        f.add(IssueCode::ApiKeyInvalid, &[&detail]);
    }
}

/// Reads `phoneNumbers` and returns the distinct valid numbers in E.164; with `allowed`, each
/// valid number whose region it does not hold is an error.
pub(crate) fn phone_numbers(
    value: &InputValue,
    allowed: Option<&RegionSet>,
    f: &mut Findings,
) -> Vec<String> {
    let mut entries: Vec<&str> = Vec::new();
    // Entries past the most the bindings read: counted, so that the error gives the real size.
    let mut unread = 0usize;
    match value {
        InputValue::Text(text) => entries.extend(phone::split_list(text)),
        InputValue::List(items) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    InputValue::Text(text) => entries.push(text),
                    InputValue::Unread(count) => unread = *count as usize,
                    other => {
                        let expected = f.lang.text(Text::AString);
                        f.on(
                            "phoneNumbers",
                            IssueCode::InvalidType,
                            &[
                                &format_args!("phoneNumbers[{i}]"),
                                &expected,
                                &other.type_name(),
                            ],
                        );
                    }
                }
            }
        }
        unset if unset.is_unset() => {}
        other => wrong_type(f, "phoneNumbers", other, Text::StringOrStrings),
    }
    if entries.is_empty() {
        if value.is_unset() || matches!(value, InputValue::Text(_) | InputValue::List(_)) {
            f.add(IssueCode::PhoneNumbersRequired, &[]);
        }
        return Vec::new();
    }
    let report = phone::parse_phone_numbers(entries.iter().copied(), f.lang);
    let code = IssueCode::PhoneNumberInvalid;
    each_listed(
        f,
        code,
        &report.invalid,
        |f, invalid| f.add(code, &[&invalid.input, &invalid.reason]),
        Text::MoreInvalidNumbers,
    );
    if report.numbers.len() > MAX_PHONE_NUMBERS || unread > 0 {
        let n = if unread > 0 {
            items_given(value)
        } else {
            report.numbers.len()
        };
        f.add(IssueCode::TooManyPhoneNumbers, &[&n]);
    }
    if !report.duplicates.is_empty() {
        f.add(
            IssueCode::DuplicatePhoneNumbers,
            &[&report.duplicates.join(", ")],
        );
    }
    not_mobile(&report.details, f);
    if let Some(allowed) = allowed {
        super::destinations::check(&report.details, allowed, f);
    }
    report.numbers
}

/// Records the issue of each case (`record`), the first [`MAX_LISTED_NUMBERS`] one by one, and
/// the rest in one more issue of `code` on `phoneNumbers` saying how many (`more`, `{}` the
/// count).
pub(super) fn each_listed<T>(
    f: &mut Findings,
    code: IssueCode,
    cases: &[T],
    record: impl Fn(&mut Findings, &T),
    more: Text,
) {
    for case in cases.iter().take(MAX_LISTED_NUMBERS) {
        record(f, case);
    }
    if let Some(count) = cases
        .len()
        .checked_sub(MAX_LISTED_NUMBERS)
        .filter(|n| *n > 0)
    {
        let message = crate::issue::fill(f.lang.text(more), &[&count]);
        f.errors
            .push(Issue::with_message("phoneNumbers", code, message));
    }
}

/// How many entries a list holds, those not read included.
fn items_given(value: &InputValue) -> usize {
    match value {
        InputValue::List(items) => items.iter().fold(0usize, |n, item| match item {
            InputValue::Unread(count) => n.saturating_add(*count as usize),
            _ => n.saturating_add(1),
        }),
        _ => 0,
    }
}

/// Warns `phone_number_not_mobile` for the numbers whose plan says they cannot receive an SMS
/// (fixed lines, premium rate, toll free…): SMS Partner bills them and nothing arrives.
fn not_mobile(details: &[phone::NumberDetails], f: &mut Findings) {
    let listed = details
        .iter()
        .filter(|d| !d.can_receive_sms)
        .map(|d| format!("{} ({})", d.number, d.number_type.label(f.lang)))
        .collect::<Vec<_>>()
        .join(", ");
    if !listed.is_empty() {
        f.add(IssueCode::PhoneNumberNotMobile, &[&listed]);
    }
}

/// Reads `gamme`, `isStopSms`, `isUnicode` (as every export does) and `sandbox`.
pub(crate) fn flags(raw: &RawRequest, f: &mut Findings) -> Flags {
    let reading = read_message_options(&raw.is_unicode, &raw.is_stop_sms, &raw.gamme);
    for &field in &reading.invalid {
        if field == "gamme" {
            f.add(IssueCode::GammeInvalid, &[]);
        } else {
            flag_invalid(field, f);
        }
    }
    let MessageOptions {
        unicode,
        stop_sms,
        gamme,
    } = reading.options;
    if stop_sms && gamme == Gamme::LowCost {
        f.add(IssueCode::StopSmsNotApplicable, &[]);
    }
    let sandbox = flag_value(&raw.sandbox).unwrap_or_else(|| {
        flag_invalid("sandbox", f);
        false
    });
    Flags {
        gamme,
        stop_sms,
        unicode,
        sandbox,
    }
}

fn flag_invalid(field: &'static str, f: &mut Findings) {
    f.on(field, IssueCode::FlagInvalid, &[&field]);
}

/// Reads `message`; an empty or missing one is an error.
pub(crate) fn message<'a>(value: &'a InputValue, f: &mut Findings) -> Option<&'a str> {
    let text = text(value, "message", f);
    if text.is_none() && value.is_unset() {
        f.add(IssueCode::MessageRequired, &[]);
    }
    text
}

/// What the length analysis says that the sender should know.
pub(crate) fn message_findings(
    analysis: &MessageAnalysis,
    options: &MessageOptions,
    f: &mut Findings,
) {
    // Code 42 (low cost, one SMS) is the stricter of the two: a low-cost message over 10 SMS
    // gets it alone.
    if options.gamme == Gamme::LowCost && analysis.sms_count > MAX_LOW_COST_SMS {
        f.add(IssueCode::LowCostTooLong, &[&analysis.sms_count]);
    } else if analysis.sms_count > MAX_SMS_PER_MESSAGE {
        f.add(IssueCode::MessageTooLong, &[&analysis.sms_count]);
    }
    if !analysis.replacements.is_empty() {
        let shown = distinct_chars(analysis.replacements.iter().map(|r| r.char));
        f.add(IssueCode::CharactersReplaced, &[&shown]);
    }
    if !analysis.unsupported.is_empty() {
        let shown = distinct_chars(analysis.unsupported.iter().map(|u| u.char));
        f.add(IssueCode::CharactersUnsupported, &[&shown]);
    }
    if options.unicode {
        f.add(IssueCode::UnicodeNeedsActivation, &[]);
    }
}

/// The first few distinct characters of a list, quoted, for a sentence.
fn distinct_chars(chars: impl Iterator<Item = char>) -> String {
    // Each character with its first position, by sorting (no hash set), then in text order.
    let mut firsts: Vec<(u64, usize)> = chars
        .enumerate()
        .map(|(at, c)| (u64::from(u32::from(c)), at))
        .collect();
    crate::radix::sort_by_key(&mut firsts);
    firsts.dedup_by_key(|&mut (c, _)| c);
    let mut firsts: Vec<(u64, usize)> = firsts
        .into_iter()
        .map(|(c, at)| (at as u64, c as usize))
        .collect();
    crate::radix::sort_by_key(&mut firsts);
    let mut out = String::new();
    for c in firsts
        .iter()
        .take(8)
        .filter_map(|&(_, c)| u32::try_from(c).ok().and_then(char::from_u32))
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push('\u{201c}');
        out.push(c);
        out.push('\u{201d}');
    }
    let more = firsts.len().saturating_sub(8);
    if more > 0 {
        out.push_str(&format!(" (+{more})"));
    }
    out
}

pub(crate) fn sender(value: &InputValue, f: &mut Findings) -> Option<String> {
    let sender = text(value, "sender", f)?;
    let len = sender.chars().count();
    if !sender.chars().all(|c| c.is_ascii_alphanumeric()) {
        f.add(IssueCode::SenderInvalidCharacters, &[]);
    } else if len < *SENDER_LEN.start() {
        f.add(IssueCode::SenderTooShort, &[&len]);
    } else if len > *SENDER_LEN.end() {
        f.add(IssueCode::SenderTooLong, &[&len]);
    } else {
        if sender.bytes().all(|b| b.is_ascii_digit()) {
            f.add(IssueCode::SenderNumeric, &[]);
        }
        return Some(sender.to_owned());
    }
    None
}

pub(crate) fn tag(value: &InputValue, f: &mut Findings) -> Option<String> {
    let tag = text(value, "tag", f)?;
    let len = tag.chars().count();
    if tag.chars().any(char::is_whitespace) {
        f.add(IssueCode::TagInvalidCharacters, &[]);
    } else if len > MAX_TAG_LEN {
        f.add(IssueCode::TagTooLong, &[&len]);
    } else if tag.chars().any(char::is_uppercase) {
        // The suggestion lowers ASCII capitals only: Unicode's case tables would weigh more in
        // the wasm than the rare non-ASCII capital in a tag is worth.
        f.add(IssueCode::TagNotLowercase, &[&tag.to_ascii_lowercase()]);
    } else {
        return Some(tag.to_owned());
    }
    None
}

pub(crate) fn url(value: &InputValue, field: &'static str, f: &mut Findings) -> Option<String> {
    let url = text(value, field, f)?;
    if is_callback_url(url) {
        Some(url.to_owned())
    } else {
        f.on(field, IssueCode::UrlInvalid, &[&field]);
        None
    }
}

pub(crate) fn format(value: &InputValue, f: &mut Findings) {
    let Some(format) = text(value, "_format", f) else {
        return;
    };
    if format.eq_ignore_ascii_case("json") {
        return;
    }
    if format.eq_ignore_ascii_case("xml") {
        f.add(IssueCode::FormatUnsupported, &[]);
    } else {
        f.add(IssueCode::FormatInvalid, &[]);
    }
}
