//! The checks behind the fuzz targets, shared with `tests/fuzz_replay.rs` (which includes this file).
//!
//! Each function takes the raw bytes of one input, runs it through the library's entry points
//! and panics when an invariant does not hold. Nothing here may panic on its own account: a
//! panic always means the library panicked or gave a wrong answer.
//!
//! Input layouts (kept simple so that seeds can be written by hand, see `fuzz/seeds/`):
//! - `message`: one byte of options (bit 0 `isUnicode`, bit 1 `isStopSms`, bit 2 low cost),
//!   then the message (UTF-8, invalid sequences read as U+FFFD);
//! - `phone`: one byte of mode (bit 0: the rest is an array, one entry a line, kept raw; else a
//!   typed list split by `split_list`; bit 1: French sentences), then the text;
//! - `validate`: eight bytes of `now_ms` (little-endian `i64`), one byte of options (bit 0
//!   commercial, bit 1 French, bit 2 key required, bit 3 `now_ms` folded into JavaScript's date
//!   range), then JSON for `RawRequest::from_json`;
//! - `wire`: two bytes of status (little-endian), one byte of key length, the key, then the
//!   body, in which every `KEY` is replaced by the key (so that the fuzzer can echo it);
//! - `iso8601`: the text for `parse_iso8601`; its first eight bytes are also read as an instant;
//! - `dmy`: the text for `Date::parse_dmy` (and `Date::parse_iso`).

use serde_json::Value;
use smspartner_wasm::{
    ApiKey, Date, Encoding, ErrorKind, FRENCH_REGIONS, Lang, MAX_JS_TIME_MS, MAX_PHONE_NUMBERS,
    MessageOptions, REDACTED, RawRequest, RegionSet, STOP_MENTION, ValidateOptions,
};

/// The key used by `wire` when the input's own key is not one `ApiKey::new` accepts.
pub const CANARY_KEY: &str = "sk-LEAK-CANARY-0123456789";

/// The names of the targets, which are also the corpus directories.
pub const TARGETS: [&str; 6] = ["message", "phone", "validate", "wire", "iso8601", "dmy"];

/// Runs the checks of the target called `name` (one of [`TARGETS`]).
pub fn run(name: &str, data: &[u8]) {
    match name {
        "message" => message(data),
        "phone" => phone(data),
        "validate" => validate(data),
        "wire" => wire(data),
        "iso8601" => iso8601(data),
        "dmy" => dmy(data),
        other => panic!("no fuzz target named {other}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `message::analyze` and `message::split` agree with each other and with the input.
pub fn message(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let input = text(rest);
    let options = MessageOptions::from_bits(u32::from(flags));
    let analysis = smspartner_wasm::analyze(&input, &options);
    let parts = smspartner_wasm::split(&input, &options);

    assert_eq!(parts.concat(), input, "parts do not give the input back");
    assert_eq!(parts.len(), analysis.sms_count as usize, "one part per SMS");
    assert!(analysis.remaining <= analysis.per_sms, "remaining > perSms");
    assert_eq!(analysis.sms_count == 0, input.is_empty(), "0 SMS iff empty");
    let encoding = Encoding::for_options(&options);
    assert_eq!(analysis.encoding, encoding);
    let (single, part) = (encoding.single_capacity(), encoding.part_capacity());
    match analysis.sms_count {
        0 => assert_eq!(analysis.characters, 0),
        1 => {
            assert_eq!(analysis.per_sms, single);
            assert_eq!(analysis.characters + analysis.remaining, single);
        }
        n => {
            assert_eq!(analysis.per_sms, part);
            assert!(
                analysis.characters > single,
                "{n} SMS for a text that fits one"
            );
            assert!(u64::from(analysis.characters) <= u64::from(n) * u64::from(part));
        }
    }
    assert_eq!(analysis.stop_mention.is_some(), options.stop_applies());
    if options.stop_applies() && !input.is_empty() {
        assert!(analysis.preview.ends_with(STOP_MENTION));
    }
    if options.unicode {
        assert!(analysis.replacements.is_empty() && analysis.unsupported.is_empty());
    }
    // Every reported index is the UTF-16 offset of the character it names, in input order.
    let mut at = std::collections::HashMap::new();
    let mut offset = 0u32;
    for c in input.chars() {
        at.insert(offset, c);
        offset += c.len_utf16() as u32;
    }
    let indexed = analysis
        .replacements
        .iter()
        .map(|r| (r.index, r.char))
        .chain(analysis.unsupported.iter().map(|u| (u.index, u.char)));
    for (index, c) in indexed {
        assert_eq!(
            at.get(&index),
            Some(&c),
            "index {index} does not name {c:?}"
        );
    }
    for pair in analysis.replacements.windows(2) {
        assert!(pair[0].index < pair[1].index);
    }
    for pair in analysis.unsupported.windows(2) {
        assert!(pair[0].index < pair[1].index);
    }
    // Without the STOP mention, each part is billed on its own for what it holds: the parts'
    // lengths add up to the whole, and none of a multi-part message exceeds a part's capacity.
    if !options.stop_applies() && parts.len() > 1 {
        let mut sum = 0u64;
        for p in &parts {
            let alone = smspartner_wasm::analyze(p, &options).characters;
            assert!(alone <= part, "a part of {alone} > {part}: {p:?}");
            sum += u64::from(alone);
        }
        assert_eq!(
            sum,
            u64::from(analysis.characters),
            "parts' lengths do not add up"
        );
    }
}

fn is_e164(number: &str) -> bool {
    let Some(digits) = number.strip_prefix('+') else {
        return false;
    };
    (smspartner_wasm::MIN_E164_DIGITS..=smspartner_wasm::MAX_E164_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// `phone::split_list` and `phone::parse_phone_numbers`: E.164 out, each once, nothing lost.
pub fn phone(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let input = text(rest);
    let lang = if mode & 2 != 0 { Lang::Fr } else { Lang::En };
    let entries: Vec<&str> = if mode & 1 != 0 {
        input.split('\n').collect()
    } else {
        let entries: Vec<&str> = smspartner_wasm::split_list(&input).collect();
        for entry in &entries {
            assert!(!entry.is_empty() && entry.trim() == *entry);
            assert!(!entry.contains([',', ';', '\n', '\r']));
        }
        entries
    };
    let report = smspartner_wasm::parse_phone_numbers(entries.iter().copied(), lang);
    let valid = entries.len() - report.invalid.len();
    assert!(report.invalid.len() <= entries.len());
    assert!(report.numbers.len() <= valid);
    assert!(report.duplicates.len() <= valid - report.numbers.len());
    let mut seen = std::collections::HashSet::new();
    for number in &report.numbers {
        assert!(is_e164(number), "not E.164: {number}");
        assert!(seen.insert(number.as_str()), "given twice: {number}");
        assert_eq!(
            smspartner_wasm::normalize_phone_number(number).as_deref(),
            Ok(number.as_str())
        );
    }
    let mut repeated = std::collections::HashSet::new();
    for number in &report.duplicates {
        assert!(
            seen.contains(number.as_str()),
            "duplicate not among numbers"
        );
        assert!(repeated.insert(number.as_str()));
    }
    for invalid in &report.invalid {
        assert!(!invalid.code.is_empty() && !invalid.reason.is_empty());
        assert!(smspartner_wasm::normalize_phone_number(&invalid.input).is_err());
    }
}

/// `validate::validate` on any JSON and any `now_ms`: a coherent report, and a valid request's
/// normalized form validates again to itself.
pub fn validate(data: &[u8]) {
    let _ = validate_report(data);
}

/// The checks of [`validate`]; the report's `valid`, or `None` when the input holds no JSON.
pub fn validate_report(data: &[u8]) -> Option<bool> {
    let (now_bytes, rest) = data.split_first_chunk::<8>()?;
    let (&flags, json) = rest.split_first()?;
    let mut now_ms = i64::from_le_bytes(*now_bytes);
    if flags & 8 != 0 {
        now_ms %= MAX_JS_TIME_MS;
    }
    let options = ValidateOptions {
        now_ms,
        commercial: flags & 1 != 0,
        lang: if flags & 2 != 0 { Lang::Fr } else { Lang::En },
        require_api_key: flags & 4 != 0,
        allowed_regions: (flags & 16 != 0)
            .then(|| RegionSet::of(FRENCH_REGIONS.iter().copied()))
            .flatten(),
    };
    let value = serde_json::from_slice::<Value>(json).ok()?;
    let report = match RawRequest::from_json(&value) {
        Ok(raw) => smspartner_wasm::validate(&raw, &options),
        Err(type_name) => {
            let report = smspartner_wasm::not_an_object(type_name, &options);
            assert_eq!(report.errors.len(), 1);
            assert_eq!(report.errors[0].field, "request");
            report
        }
    };
    assert_eq!(report.valid, report.errors.is_empty());
    assert_eq!(report.request.is_some(), report.valid);
    assert_eq!(
        report.total_sms,
        report.recipients.saturating_mul(report.message.sms_count)
    );
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(!issue.code.as_str().is_empty() && !issue.message.is_empty());
    }
    assert!(report.delivery_time.ends_with('Z'));
    let json = serde_json::to_value(&report).expect("the report serializes");
    let Some(request) = report.request else {
        return Some(false);
    };
    let numbers: Vec<&str> = request.phone_numbers.split(',').collect();
    assert_eq!(numbers.len(), report.recipients as usize);
    assert!(numbers.len() <= MAX_PHONE_NUMBERS);
    assert!(numbers.iter().all(|n| is_e164(n)));
    assert!(!request.message.is_empty());
    // The normalized request, key added back, is valid and normalizes to itself.
    let mut again = serde_json::to_value(&request).expect("the wire request serializes");
    if let (Some(key), Value::Object(map)) = (value.get("apiKey"), &mut again) {
        map.insert("apiKey".to_owned(), key.clone());
    }
    let raw = RawRequest::from_json(&again).expect("an object");
    let second = smspartner_wasm::validate(&raw, &options);
    assert!(
        second.valid,
        "normalized request refused: {:?}",
        second.errors
    );
    assert_eq!(second.request.as_ref(), Some(&request), "not a fixed point");
    assert_eq!(
        json["message"],
        serde_json::to_value(&second.message).unwrap()
    );
    Some(true)
}

/// Whether `key` occurs in any string of `value`, object keys included.
fn holds(value: &Value, key: &str) -> bool {
    match value {
        Value::String(s) => s.contains(key),
        Value::Array(items) => items.iter().any(|v| holds(v, key)),
        Value::Object(map) => map.iter().any(|(k, v)| k.contains(key) || holds(v, key)),
        _ => false,
    }
}

/// `wire::decode_send_response` on any status and body: an `api` or `http` error or a result,
/// and the key nowhere in either.
pub fn wire(data: &[u8]) {
    let Some((status, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let Some((&key_len, rest)) = rest.split_first() else {
        return;
    };
    let (key_bytes, body) = rest.split_at(usize::from(key_len).min(rest.len()));
    let status = u16::from_le_bytes(*status);
    let key = ApiKey::new(&text(key_bytes)).unwrap_or_else(|_| ApiKey::new(CANARY_KEY).unwrap());
    let secret = key.expose();
    let body = text(body).replace("KEY", secret);
    let answer = smspartner_wasm::decode_send_response(status, &body, &key);
    // The oracle: a key longer than the redaction marker and than every word of the library's
    // own sentences cannot appear by chance; a shorter one (`red`, `a`) or one inside the code
    // `rejected_by_smspartner` can, and is not checked.
    let checked =
        secret.chars().count() > REDACTED.len() && !"rejected_by_smspartner".contains(secret);
    match answer {
        Ok(result) => {
            assert!(
                (200..300).contains(&status),
                "a success with status {status}"
            );
            assert!(result.success && !result.message_id.is_null());
            let json = serde_json::to_value(&result).expect("the result serializes");
            if checked {
                assert!(!holds(&json, secret), "key in the result: {json}");
            }
        }
        Err(error) => {
            assert!(matches!(error.kind, ErrorKind::Api | ErrorKind::Http));
            assert_eq!(error.status, Some(status));
            assert_eq!(error.code.is_some(), error.kind == ErrorKind::Api);
            if checked {
                let json = serde_json::to_value(&error).expect("the error serializes");
                assert!(!holds(&json, secret), "key in the error: {json}");
                assert!(
                    !error.to_string().contains(secret),
                    "key in the error's text"
                );
                // `Debug` adds quotes and backslash escapes: a lone `\` in a message is written
                // `\\`, which spells a key holding `\\` without the key being there.
                if !secret.contains(['\\', '"']) {
                    assert!(
                        !format!("{error:?}").contains(secret),
                        "key in the error's Debug"
                    );
                }
            }
        }
    }
}

/// `paris_time::parse_iso8601` in range and written back identically; the instant read from the
/// first eight bytes goes through Paris time, the quiet hours and back.
pub fn iso8601(data: &[u8]) {
    let input = text(data);
    if let Some(ms) = smspartner_wasm::parse_iso8601(&input) {
        assert!((-MAX_JS_TIME_MS..=MAX_JS_TIME_MS).contains(&ms));
        assert_eq!(
            smspartner_wasm::parse_iso8601(&smspartner_wasm::format_iso8601(ms)),
            Some(ms)
        );
    }
    let Some(bytes) = data.first_chunk::<8>() else {
        return;
    };
    let raw = i64::from_le_bytes(*bytes);
    // Any i64 must be total; a JavaScript instant must also round-trip.
    let local = smspartner_wasm::to_local(raw);
    assert!(local.hour < 24 && local.minute < 60 && local.second < 60);
    assert!(local.millisecond < 1000);
    assert_eq!(smspartner_wasm::effective_send_time(raw, false), raw);
    let opened = smspartner_wasm::effective_send_time(raw, true);
    assert!(opened >= raw);
    assert!(
        opened == i64::MAX || smspartner_wasm::is_open(opened),
        "closed at {opened}"
    );
    let _ = smspartner_wasm::format_iso8601(raw);
    let ms = raw % MAX_JS_TIME_MS;
    for written in [
        smspartner_wasm::format_iso8601(ms),
        smspartner_wasm::format_iso8601_paris(ms),
    ] {
        assert_eq!(
            smspartner_wasm::parse_iso8601(&written),
            Some(ms),
            "{written}"
        );
    }
}

/// `Date::parse_dmy` is strict: what it reads, `format_dmy` writes back identically.
pub fn dmy(data: &[u8]) {
    let input = text(data);
    if let Some(date) = Date::parse_dmy(&input) {
        assert_eq!(date.format_dmy(), input);
        assert_eq!(Date::new(date.year(), date.month(), date.day()), Some(date));
        assert_eq!(
            Date::from_days_since_epoch(date.days_since_epoch()),
            Some(date)
        );
        let _ = smspartner_wasm::french_public_holiday(date);
    }
    if let Some(date) = Date::parse_iso(&input) {
        assert_eq!(
            Date::from_days_since_epoch(date.days_since_epoch()),
            Some(date)
        );
    }
}
