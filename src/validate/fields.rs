//! The checks of each parameter of the send request, one function a field.

use std::collections::HashSet;

use crate::api_key::ApiKey;
use crate::input::{InputValue, RawRequest};
use crate::message::{Gamme, MessageAnalysis, MessageOptions};
use crate::phone;

use super::Findings;

/// SMS Partner's limit of recipients in one request (page: "La limite d'envoi sur une seule
/// requête est de 500 numéros").
pub const MAX_PHONE_NUMBERS: usize = 500;

/// Longest message accepted: 255 SMS, the most a concatenated message can have (GSM 03.40's
/// one-byte part counter). SMS Partner publishes no limit of its own.
const MAX_SMS_PARTS: u32 = 255;

/// At most this many invalid numbers are listed one by one; the rest are summed up.
const MAX_LISTED_INVALID: usize = 20;

/// Longest callback URL accepted, the common limit of browsers and servers.
const MAX_URL_LEN: usize = 2048;

/// Sender names: 3 to 11 characters (page: "entre 3 et 11 inclus").
const SENDER_LEN: std::ops::RangeInclusive<usize> = 3..=11;

/// Tags: at most 20 characters without spaces (page).
const MAX_TAG_LEN: usize = 20;

/// The flags and the range, read together because the message's length depends on them.
pub(crate) struct Flags {
    pub(crate) gamme: Gamme,
    pub(crate) stop_sms: bool,
    pub(crate) unicode: bool,
    pub(crate) sandbox: bool,
}

/// Records that `value` has the wrong JavaScript type for `field`.
fn wrong_type(f: &mut Findings, field: &'static str, value: &InputValue, en: &str, fr: &str) {
    let got = value.type_name();
    f.error(
        field,
        "invalid_type",
        format!("{field} must be {en}, not {got}"),
        format!("{field} doit être {fr}, pas {got}"),
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
            wrong_type(f, field, other, "a string", "une chaîne de caractères");
            None
        }
    }
}

/// A whole number given as a number or as a string of digits (`9`, `"09"`).
pub(crate) fn whole_number(value: &InputValue) -> Option<i64> {
    match value {
        InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
        InputValue::Text(text)
            if !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            text.parse().ok()
        }
        _ => None,
    }
}

pub(crate) fn api_key(value: &InputValue, f: &mut Findings) {
    let Some(key) = text(value, "apiKey", f) else {
        if value.is_unset() {
            f.error(
                "apiKey",
                "api_key_required",
                "the API key is required".into(),
                "la clé API est obligatoire".into(),
            );
        }
        return;
    };
    if let Err(problem) = ApiKey::new(key) {
        let (en, fr) = problem.sentence_end();
        f.error(
            "apiKey",
            "api_key_invalid",
            format!("the API key {en}"),
            format!("la clé API {fr}"),
        );
    }
}

/// Reads `phoneNumbers` and returns the distinct valid numbers in E.164.
pub(crate) fn phone_numbers(value: &InputValue, f: &mut Findings) -> Vec<String> {
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
                        let got = other.type_name();
                        f.error(
                            "phoneNumbers",
                            "invalid_type",
                            format!("phoneNumbers[{i}] must be a string, not {got}"),
                            format!(
                                "phoneNumbers[{i}] doit être une chaîne de caractères, pas {got}"
                            ),
                        );
                    }
                }
            }
        }
        unset if unset.is_unset() => {}
        other => wrong_type(
            f,
            "phoneNumbers",
            other,
            "a comma-separated string or an array of strings",
            "une chaîne séparée par des virgules ou un tableau de chaînes",
        ),
    }
    if entries.is_empty() {
        if value.is_unset() || matches!(value, InputValue::Text(_) | InputValue::List(_)) {
            f.error(
                "phoneNumbers",
                "phone_numbers_required",
                "at least one phone number is required".into(),
                "au moins un numéro de téléphone est obligatoire".into(),
            );
        }
        return Vec::new();
    }
    let report = phone::parse_phone_numbers(entries.iter().copied(), f.lang);
    for invalid in report.invalid.iter().take(MAX_LISTED_INVALID) {
        f.error(
            "phoneNumbers",
            "phone_number_invalid",
            format!(
                "\"{}\" is not a valid phone number: {}",
                invalid.input, invalid.reason
            ),
            format!(
                "« {} » n'est pas un numéro valide : {}",
                invalid.input, invalid.reason
            ),
        );
    }
    if let Some(more) = report
        .invalid
        .len()
        .checked_sub(MAX_LISTED_INVALID)
        .filter(|n| *n > 0)
    {
        f.error(
            "phoneNumbers",
            "phone_number_invalid",
            format!("{more} more phone numbers are not valid"),
            format!("{more} autres numéros ne sont pas valides"),
        );
    }
    if report.numbers.len() > MAX_PHONE_NUMBERS || unread > 0 {
        let n = if unread > 0 {
            items_given(value)
        } else {
            report.numbers.len()
        };
        f.error(
            "phoneNumbers",
            "too_many_phone_numbers",
            format!("{n} phone numbers given: SMS Partner takes at most {MAX_PHONE_NUMBERS} per request"),
            format!("{n} numéros donnés : SMS Partner en accepte au plus {MAX_PHONE_NUMBERS} par requête"),
        );
    }
    if !report.duplicates.is_empty() {
        let list = report.duplicates.join(", ");
        f.warning(
            "phoneNumbers",
            "duplicate_phone_numbers",
            format!("given more than once, sent once: {list}"),
            format!("donnés plusieurs fois, envoyés une fois : {list}"),
        );
    }
    report.numbers
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

/// Reads `gamme`, `isStopSms`, `isUnicode` and `sandbox`.
pub(crate) fn flags(raw: &RawRequest, f: &mut Findings) -> Flags {
    let gamme = match &raw.gamme {
        unset if unset.is_unset() => Gamme::Premium,
        value => match whole_number(value) {
            Some(1) => Gamme::Premium,
            Some(2) => Gamme::LowCost,
            _ => {
                f.error(
                    "gamme",
                    "gamme_invalid",
                    "gamme must be 1 (premium) or 2 (low cost)".into(),
                    "gamme doit valoir 1 (premium) ou 2 (low cost)".into(),
                );
                Gamme::Premium
            }
        },
    };
    let stop_sms = flag(&raw.is_stop_sms, "isStopSms", f);
    if stop_sms && gamme == Gamme::LowCost {
        f.warning(
            "isStopSms",
            "stop_sms_not_applicable",
            "isStopSms does not apply to the low-cost range: write NoPub=STOP in the message"
                .into(),
            "isStopSms ne s'applique pas à la gamme low cost : écrivez NoPub=STOP dans le message"
                .into(),
        );
    }
    Flags {
        gamme,
        stop_sms,
        unicode: flag(&raw.is_unicode, "isUnicode", f),
        sandbox: flag(&raw.sandbox, "sandbox", f),
    }
}

/// A flag: `true`/`false`, `1`/`0` or `"1"`/`"0"`; unset is off.
/// Reads a flag option or parameter; `None` when it is neither a boolean nor 0 or 1.
pub fn flag_value(value: &InputValue) -> Option<bool> {
    match value {
        InputValue::Bool(b) => Some(*b),
        unset if unset.is_unset() => Some(false),
        other => match whole_number(other) {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
    }
}

fn flag(value: &InputValue, field: &'static str, f: &mut Findings) -> bool {
    flag_value(value).unwrap_or_else(|| {
        f.error(
            field,
            "flag_invalid",
            format!("{field} must be 1 or 0 (or true or false)"),
            format!("{field} doit valoir 1 ou 0 (ou true ou false)"),
        );
        false
    })
}

/// Reads `message`; an empty or missing one is an error.
pub(crate) fn message<'a>(value: &'a InputValue, f: &mut Findings) -> Option<&'a str> {
    let text = text(value, "message", f);
    if text.is_none() && value.is_unset() {
        f.error(
            "message",
            "message_required",
            "the message is required".into(),
            "le message est obligatoire".into(),
        );
    }
    text
}

/// What the length analysis says that the sender should know.
pub(crate) fn message_findings(
    analysis: &MessageAnalysis,
    options: &MessageOptions,
    f: &mut Findings,
) {
    if analysis.sms_count > MAX_SMS_PARTS {
        let n = analysis.sms_count;
        f.error(
            "message",
            "message_too_long",
            format!("the message would take {n} SMS; at most {MAX_SMS_PARTS} can be joined into one message"),
            format!("le message prendrait {n} SMS ; au plus {MAX_SMS_PARTS} peuvent former un seul message"),
        );
    }
    if !analysis.replacements.is_empty() {
        let shown = distinct_chars(analysis.replacements.iter().map(|r| r.char));
        f.warning(
            "message",
            "characters_replaced",
            format!("SMS Partner will replace {shown} (see the preview)"),
            format!("SMS Partner remplacera {shown} (voir l'aperçu)"),
        );
    }
    if !analysis.unsupported.is_empty() {
        let shown = distinct_chars(analysis.unsupported.iter().map(|u| u.char));
        f.warning(
            "message",
            "characters_unsupported",
            format!("{shown} cannot be sent without Unicode mode (isUnicode): they would arrive as ?"),
            format!("{shown} ne peuvent pas être envoyés sans le mode Unicode (isUnicode) : ils arriveraient en ?"),
        );
    }
    if options.unicode {
        f.warning(
            "isUnicode",
            "unicode_needs_activation",
            "Unicode sending must be enabled on your account by SMS Partner".into(),
            "l'envoi Unicode doit être activé sur votre compte par SMS Partner".into(),
        );
    }
}

/// The first few distinct characters of a list, quoted, for a sentence.
fn distinct_chars(chars: impl Iterator<Item = char>) -> String {
    let mut seen = HashSet::new();
    let mut shown: Vec<String> = Vec::new();
    let mut more = 0usize;
    for c in chars {
        if seen.insert(c) {
            if shown.len() < 8 {
                shown.push(format!("\u{201c}{c}\u{201d}"));
            } else {
                more += 1;
            }
        }
    }
    let mut out = shown.join(" ");
    if more > 0 {
        out.push_str(&format!(" (+{more})"));
    }
    out
}

pub(crate) fn sender(value: &InputValue, f: &mut Findings) -> Option<String> {
    let sender = text(value, "sender", f)?;
    let len = sender.chars().count();
    if !sender.chars().all(|c| c.is_ascii_alphanumeric()) {
        f.error(
            "sender",
            "sender_invalid_characters",
            "the sender may hold only unaccented letters and digits".into(),
            "l'émetteur ne peut contenir que des lettres sans accent et des chiffres".into(),
        );
    } else if len < *SENDER_LEN.start() {
        f.error(
            "sender",
            "sender_too_short",
            format!("the sender must have at least 3 characters ({len} given)"),
            format!("l'émetteur doit avoir au moins 3 caractères ({len} donnés)"),
        );
    } else if len > *SENDER_LEN.end() {
        f.error(
            "sender",
            "sender_too_long",
            format!("the sender cannot be longer than 11 characters ({len} given)"),
            format!("l'émetteur ne peut pas dépasser 11 caractères ({len} donnés)"),
        );
    } else {
        if sender.bytes().all(|b| b.is_ascii_digit()) {
            f.warning(
                "sender",
                "sender_numeric",
                "a sender made only of digits is replaced by some networks; add a letter".into(),
                "un émetteur composé uniquement de chiffres est remplacé par certains opérateurs ; ajoutez une lettre".into(),
            );
        }
        return Some(sender.to_owned());
    }
    None
}

pub(crate) fn tag(value: &InputValue, f: &mut Findings) -> Option<String> {
    let tag = text(value, "tag", f)?;
    let len = tag.chars().count();
    if tag.chars().any(char::is_whitespace) {
        f.error(
            "tag",
            "tag_invalid_characters",
            "the tag cannot contain spaces".into(),
            "le tag ne peut pas contenir d'espace".into(),
        );
    } else if len > MAX_TAG_LEN {
        f.error(
            "tag",
            "tag_too_long",
            format!("the tag cannot be longer than 20 characters ({len} given)"),
            format!("le tag ne peut pas dépasser 20 caractères ({len} donnés)"),
        );
    } else {
        return Some(tag.to_owned());
    }
    None
}

/// Whether `url` is an absolute `http` or `https` address with a host.
pub fn is_callback_url(url: &str) -> bool {
    let lower = url
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        url.get(8..)
    } else if lower.starts_with("http://") {
        url.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else { return false };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    url.len() <= MAX_URL_LEN
        && !host.is_empty()
        && !host.starts_with(':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

pub(crate) fn url(value: &InputValue, field: &'static str, f: &mut Findings) -> Option<String> {
    let url = text(value, field, f)?;
    if is_callback_url(url) {
        Some(url.to_owned())
    } else {
        f.error(
            field,
            "url_invalid",
            format!("{field} must be an http:// or https:// address (at most {MAX_URL_LEN} characters)"),
            format!("{field} doit être une adresse http:// ou https:// (au plus {MAX_URL_LEN} caractères)"),
        );
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
        f.error(
            "_format",
            "format_unsupported",
            "this library reads JSON answers only: leave _format out or set it to json".into(),
            "cette bibliothèque ne lit que les réponses JSON : omettez _format ou mettez json"
                .into(),
        );
    } else {
        f.error(
            "_format",
            "format_invalid",
            "_format must be json or xml".into(),
            "_format doit valoir json ou xml".into(),
        );
    }
}
