//! The one table of issue codes (`IssueCode`) against what is written from it: the TypeScript
//! union `IssueCode` and the list of docs/api.md. `UPDATE=1 cargo test --test issue_codes` rewrites both.

use std::collections::HashSet;

use smspartner_wasm::Encoding;
use smspartner_wasm::InvalidReason;
use smspartner_wasm::Lang;
use smspartner_wasm::{IssueCode, Severity};
use smspartner_wasm::{MAX_GSM_SEPTETS, MAX_SMS_PER_MESSAGE, MAX_UCS2_UNITS};

const TYPESCRIPT: &str = "src/bindings/typescript.rs";
const README: &str = "docs/api.md";

/// The TypeScript union, one member a line.
fn typescript_union() -> String {
    let mut out = String::new();
    for code in IssueCode::ALL {
        out.push_str(&format!("  | \"{code}\"\n"));
    }
    out.pop();
    out.push_str(";\n");
    out
}

/// The table of docs/api.md: code, fields, error or warning, the English sentence.
fn readme_table() -> String {
    let mut out = String::from("| code | field | kind | sentence |\n| --- | --- | --- | --- |\n");
    for code in IssueCode::ALL {
        let fields = if code.fields().is_empty() {
            "any".to_owned()
        } else {
            code.fields()
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let sentence = code.templates().0.replace("{}", "…").replace('|', "\\|");
        out.push_str(&format!(
            "| `{code}` | {fields} | {severity} | {sentence} |\n"
        ));
    }
    out
}

/// The text between the start marker's line and the end marker in `path`; with `UPDATE=1`,
/// replaced by `generated` first.
fn generated_block(path: &str, start: &str, end: &str, generated: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{path}: no {start}"));
    let body = from + text[from..].find('\n').unwrap() + 1;
    let to = body
        + text[body..]
            .find(end)
            .unwrap_or_else(|| panic!("{path}: no {end}"));
    if std::env::var_os("UPDATE").is_some() {
        let updated = format!("{}{generated}{}", &text[..body], &text[to..]);
        std::fs::write(path, updated).unwrap();
        return generated.to_owned();
    }
    text[body..to].to_owned()
}

#[test]
fn the_typescript_union_is_the_table() {
    let union = typescript_union();
    let written = generated_block(
        TYPESCRIPT,
        "// issue-codes:start",
        "// issue-codes:end",
        &format!("/** Every validation code and warning. */\nexport type IssueCode =\n{union}"),
    );
    assert_eq!(
        written,
        format!("/** Every validation code and warning. */\nexport type IssueCode =\n{union}"),
        "run UPDATE=1 cargo test --test issue_codes"
    );
}

#[test]
fn the_readme_list_is_the_table() {
    let table = readme_table();
    let written = generated_block(
        README,
        "<!-- issue-codes:start",
        "<!-- issue-codes:end -->",
        &table,
    );
    assert_eq!(written, table, "run UPDATE=1 cargo test --test issue_codes");
}

#[test]
fn codes_are_distinct_snake_case_and_found_by_name() {
    let mut seen = HashSet::new();
    for code in IssueCode::ALL {
        let name = code.as_str();
        assert!(seen.insert(name), "{name} twice");
        assert!(
            name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{name}"
        );
        assert_eq!(IssueCode::from_name(name), Some(*code));
        assert_eq!(serde_json::to_value(code).unwrap(), name);
    }
    assert_eq!(IssueCode::from_name("message_too_lng"), None);
}

#[test]
fn every_code_has_both_sentences_with_the_same_details() {
    for code in IssueCode::ALL {
        let (en, fr) = code.templates();
        assert!(!en.is_empty() && !fr.is_empty(), "{code}");
        assert_eq!(en.matches("{}").count(), fr.matches("{}").count(), "{code}");
        if *code != IssueCode::RejectedBySmsPartner {
            assert_ne!(en, fr, "{code}");
        }
    }
}

#[test]
fn sentences_fill_their_details_once_and_write_the_limits() {
    assert_eq!(
        IssueCode::MessageTooLong.sentence(Lang::En, &[&11]),
        format!(
            "the message would take 11 SMS; SMS Partner joins at most {MAX_SMS_PER_MESSAGE} into one message ({MAX_GSM_SEPTETS} characters, {MAX_UCS2_UNITS} in Unicode mode)"
        )
    );
    assert_eq!(
        IssueCode::ScheduleDateInvalid.sentence(Lang::Fr, &[&"{}{}"]),
        "« {}{} » n'est pas une date au format jj/MM/aaaa"
    );
    assert_eq!(
        IssueCode::SenderTooShort.sentence(Lang::Fr, &[&2]),
        "l'émetteur doit avoir au moins 3 caractères (2 donnés)"
    );
}

#[test]
fn the_limits_are_ten_parts() {
    assert_eq!(
        MAX_GSM_SEPTETS,
        MAX_SMS_PER_MESSAGE * Encoding::Gsm7.part_capacity()
    );
    assert_eq!(
        MAX_UCS2_UNITS,
        MAX_SMS_PER_MESSAGE * Encoding::Ucs2.part_capacity()
    );
}

/// Every phone reason; a new variant fails to compile here until the union below has it.
fn phone_reasons() -> [InvalidReason; 7] {
    let check = |reason: InvalidReason| match reason {
        InvalidReason::Empty
        | InvalidReason::InvalidCharacter(_)
        | InvalidReason::TooShort
        | InvalidReason::TooLong
        | InvalidReason::UnknownCountryCode
        | InvalidReason::NationalFormatNotFrench
        | InvalidReason::NotInNumberingPlan(_) => reason,
    };
    [
        check(InvalidReason::Empty),
        InvalidReason::InvalidCharacter('x'),
        InvalidReason::TooShort,
        InvalidReason::TooLong,
        InvalidReason::UnknownCountryCode,
        InvalidReason::NationalFormatNotFrench,
        InvalidReason::NotInNumberingPlan(33),
    ]
}

#[test]
fn the_typescript_phone_codes_are_the_reasons() {
    let text = std::fs::read_to_string(TYPESCRIPT).unwrap();
    let from = text.find("export type PhoneNumberCode =").unwrap();
    let to = from + text[from..].find(';').unwrap();
    let members: Vec<&str> = text[from..to].split('"').skip(1).step_by(2).collect();
    let mut codes: Vec<&str> = phone_reasons().iter().map(|r| r.code()).collect();
    // The entries that are not a reason of their own: a refused destination, unreadable
    // options, the entries past those read.
    codes.extend([
        smspartner_wasm::DESTINATION_NOT_ALLOWED,
        smspartner_wasm::OPTION_INVALID,
        smspartner_wasm::ENTRIES_NOT_READ,
    ]);
    assert_eq!(members, codes);
}
