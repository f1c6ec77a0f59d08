//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through the fuzz targets' checks.
//!
//! The checks are the fuzz crate's own (`fuzz/src/lib.rs`, included here), so stable Rust and
//! `cargo test` run exactly what `cargo +nightly fuzz run <target>` runs, on the corpus kept in
//! the repository. The regression tests below are the inputs that once failed, named after the
//! bug they found.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::fs;
use std::path::Path;

use smspartner_wasm::api_key::ApiKey;
use smspartner_wasm::wire::decode_send_response;

/// Runs every corpus file of `target`; reports all the failing files at once.
fn replay(target: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    let failed: Vec<String> = files
        .iter()
        .filter(|file| {
            let data = fs::read(file).unwrap();
            std::panic::catch_unwind(|| checks::run(target, &data)).is_err()
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target}: failing inputs {failed:#?}");
}

#[test]
fn corpus_message() {
    replay("message");
}

#[test]
fn corpus_phone() {
    replay("phone");
}

#[test]
fn corpus_validate() {
    replay("validate");
}

#[test]
fn corpus_wire() {
    replay("wire");
}

#[test]
fn corpus_iso8601() {
    replay("iso8601");
}

#[test]
fn corpus_dmy() {
    replay("dmy");
}

#[test]
fn every_target_has_a_corpus() {
    for target in checks::TARGETS {
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fuzz/corpus")
                .join(target)
                .is_dir(),
            "{target}"
        );
    }
}

/// A `wire` input: status, key, body (with `KEY` standing for the key).
fn wire_input(status: u16, key: &str, body: &str) -> Vec<u8> {
    let mut data = status.to_le_bytes().to_vec();
    data.push(u8::try_from(key.len()).unwrap());
    data.extend_from_slice(key.as_bytes());
    data.extend_from_slice(body.as_bytes());
    data
}

const CANARY: &str = checks::CANARY_KEY;

fn result_json(status: u16, body: &str, key: &str) -> String {
    let key = ApiKey::new(key).unwrap();
    match decode_send_response(status, body, &key) {
        Ok(result) => serde_json::to_string(&result).unwrap(),
        Err(error) => serde_json::to_string(&error).unwrap(),
    }
}

/// A success whose `message_id` echoes the key handed it back unredacted.
#[test]
fn key_echoed_in_message_id_is_redacted() {
    let body = format!(r#"{{"success":true,"code":200,"message_id":"{CANARY}"}}"#);
    assert!(!result_json(200, &body, CANARY).contains(CANARY));
    checks::wire(&wire_input(
        200,
        CANARY,
        r#"{"success":true,"message_id":"KEY"}"#,
    ));
}

/// An unknown field of a success whose *name* is the key was copied as is.
#[test]
fn key_as_a_field_name_is_redacted() {
    let body = format!(r#"{{"success":true,"message_id":1,"{CANARY}":1}}"#);
    assert!(!result_json(200, &body, CANARY).contains(CANARY));
}

/// A field name that turns into the key once written in camelCase (`sk_-LEAK…` → `sk-LEAK…`).
#[test]
fn key_spelled_by_camel_case_is_redacted() {
    let name = CANARY.replacen('-', "_-", 1);
    let body = format!(r#"{{"success":true,"message_id":1,"{name}":1}}"#);
    assert!(!result_json(200, &body, CANARY).contains(CANARY));
}

/// The redaction marker `[redacted]` followed by the rest of the text spelled the key again
/// for a key that starts with the marker's tail (`d]xxxxxxxxxxx`).
#[test]
fn key_spelled_by_the_redaction_marker_is_redacted() {
    let key = "d]xxxxxxxxxxx";
    let redacted = ApiKey::new(key)
        .unwrap()
        .redact(&format!("{key}xxxxxxxxxxx"));
    assert!(!redacted.contains(key), "{redacted}");
    checks::wire(&wire_input(
        200,
        key,
        r#"{"success":false,"code":10,"message":"KEYxxxxxxxxxxx"}"#,
    ));
}
