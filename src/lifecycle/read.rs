//! Readers that smooth SMS Partner's inconsistent answers: ids, flags, numbers, dates, numbers.

use crate::api_key::ApiKey;
use crate::json::Json;
use crate::paris_time::{self, MS_PER_SECOND};
use crate::phone;

/// The largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: u64 = 9_007_199_254_740_991;

/// An identifier, whether SMS Partner wrote it as a number or a string: a whole number, or a
/// string of digits without a leading zero that fits a JavaScript number, becomes a number;
/// any other non-empty string (an inbound id such as `0200000012345678`) stays a string.
pub(crate) fn id(value: &Json, api_key: &ApiKey) -> Option<Json> {
    match value {
        Json::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER as f64 => {
            Some(Json::Number(*n))
        }
        Json::String(text) => id_text(text, api_key),
        _ => None,
    }
}

/// [`id`] of a text.
pub(crate) fn id_text(text: &str, api_key: &ApiKey) -> Option<Json> {
    id_with(text, |t| api_key.redact(t))
}

/// [`id`] of a text, `redact` applied to what stays a string.
pub(crate) fn id_with(text: &str, redact: impl Fn(&str) -> String) -> Option<Json> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match whole(text) {
        Some(n) if !(text.starts_with('0') && text.len() > 1) => Some(Json::Number(n as f64)),
        _ => Some(Json::String(redact(text))),
    }
}

/// A string of ASCII digits as a safe integer.
pub(crate) fn whole(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 16 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = text.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    (n <= MAX_SAFE_INTEGER).then_some(n)
}

/// A whole number written as a number or as its digits (`"1210"`), as SMS Partner writes its
/// counts and pages.
pub(crate) fn count(value: Option<&Json>) -> Option<u64> {
    match value? {
        Json::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= MAX_SAFE_INTEGER as f64 => {
            Some(*n as u64)
        }
        Json::String(text) => whole(text.trim()),
        _ => None,
    }
}

/// A flag written `true`/`false`, `1`/`0`, `"1"`/`"0"` or `"true"`/`"false"`.
pub(crate) fn flag(value: &Json) -> Option<bool> {
    match value {
        Json::Bool(b) => Some(*b),
        Json::Number(n) if *n == 0.0 => Some(false),
        Json::Number(n) if *n == 1.0 => Some(true),
        Json::String(text) => match text.trim() {
            "0" => Some(false),
            "1" => Some(true),
            t if t.eq_ignore_ascii_case("false") => Some(false),
            t if t.eq_ignore_ascii_case("true") => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// A number written as a number or as decimal text (`"10225.119"`).
pub(crate) fn number(value: &Json) -> Option<f64> {
    match value {
        Json::Number(n) if n.is_finite() => Some(*n),
        Json::String(text) => decimal(text.trim()),
        _ => None,
    }
}

/// Decimal text (`-12.5`, `10225.119`) as a number, without the float parser of `core`: the
/// digits as an integer divided by a power of ten, both exact, so the quotient is the nearest
/// number for up to 15 significant digits.
pub(crate) fn decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || int.len() + frac.len() > 15 || (frac.is_empty() && digits.ends_with('.')) {
        return None;
    }
    let mantissa = whole(&format!("{int}{frac}"))?;
    let scale = (0..frac.len()).fold(1.0, |s, _| s * 10.0);
    let value = mantissa as f64 / scale;
    Some(if negative { -value } else { value })
}

/// A date as ISO 8601 in UTC: epoch seconds (a number or digits, as the status calls write
/// them), or `YYYY-MM-DD HH:MM:SS` in Paris time (SMS Partner does not name the zone; its
/// platform and its customers are in France), or an ISO 8601 date-time with its zone.
pub(crate) fn instant(value: &Json) -> Option<String> {
    let ms = match value {
        Json::Number(seconds) if seconds.fract() == 0.0 => {
            (*seconds as i64).checked_mul(MS_PER_SECOND)
        }
        Json::String(text) => {
            let text = text.trim();
            match whole(text) {
                Some(seconds) => i64::try_from(seconds)
                    .ok()
                    .and_then(|s| s.checked_mul(MS_PER_SECOND)),
                None => paris_time::parse_iso8601(text),
            }
        }
        _ => None,
    }?;
    (ms.abs() <= paris_time::MAX_JS_TIME_MS).then(|| paris_time::format_iso8601(ms))
}

/// A phone number in E.164 when it reads as one (`0611111111`, `+33611111111`, and, when
/// `bare_international`, `33611111111` as the long-number webhook writes it); otherwise the
/// text as given, redacted, so that nothing is lost.
pub(crate) fn phone_number(text: &str, bare_international: bool, api_key: &ApiKey) -> String {
    e164(text, bare_international).unwrap_or_else(|| api_key.redact(text.trim()))
}

/// The E.164 form of a number, when it reads as one.
pub(crate) fn e164(text: &str, bare_international: bool) -> Option<String> {
    let text = text.trim();
    if bare_international
        && !text.starts_with(['0', '+'])
        && text.bytes().all(|b| b.is_ascii_digit())
    {
        return phone::normalize_reported(&format!("+{text}")).ok();
    }
    phone::normalize_reported(text).ok()
}

/// A string member, redacted.
pub(crate) fn text(value: Option<&Json>, api_key: &ApiKey) -> Option<String> {
    value.and_then(Json::as_str).map(|t| api_key.redact(t))
}

/// The first member present among `names` (SMS Partner spells some keys two ways).
pub(crate) fn either<'a>(object: &'a Json, names: &[&str]) -> Option<&'a Json> {
    names.iter().find_map(|name| object.get(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact_to_the_nearest() {
        assert_eq!(decimal("10225.119"), Some(10225.119));
        assert_eq!(decimal("0.038"), Some(0.038));
        assert_eq!(decimal("-1.5"), Some(-1.5));
        assert_eq!(decimal("42"), Some(42.0));
        assert_eq!(decimal(""), None);
        assert_eq!(decimal("1."), None);
        assert_eq!(decimal(".5"), None);
        assert_eq!(decimal("1e3"), None);
        assert_eq!(decimal("1.2.3"), None);
        assert_eq!(decimal("1234567890123456"), None);
    }
}
