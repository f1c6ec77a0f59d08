//! Replays the fuzz corpus and seeds (`fuzz/corpus/<target>/`, `fuzz/seeds/<target>/`) through
//! the fuzz targets' checks.
//!
//! The checks are the fuzz crate's own (`fuzz/src/lib.rs`, included here), so stable Rust and
//! `cargo test` run exactly what `cargo +nightly fuzz run <target>` runs, on the inputs kept in
//! the repository: the corpus the fuzzer minimized, and the hand-written seeds it started from.
//! The regression tests below are the inputs that once failed, named after the bug they found.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::fs;
use std::path::{Path, PathBuf};

use smspartner_wasm::ApiKey;
use smspartner_wasm::decode_send_response;

/// The files of `fuzz/<kind>/<target>/`, sorted.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "nothing in {}", dir.display());
    files
}

/// Runs every corpus file and seed of `target`; reports all the failing files at once.
fn replay(target: &str) {
    let corpus = inputs("corpus", target);
    assert!(
        corpus.len() <= 200,
        "{target}: keep the committed corpus short"
    );
    let files = [corpus, inputs("seeds", target)].concat();
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
fn every_target_has_a_corpus_and_seeds() {
    for target in checks::TARGETS {
        assert!(!inputs("corpus", target).is_empty());
        assert!(!inputs("seeds", target).is_empty());
    }
}

/// The seeds named `valid-…` are requests SMS Partner accepts, so that the fixed-point check
/// of the `validate` target (a normalized request validates again to itself) always runs.
#[test]
fn valid_seeds_are_valid() {
    for file in inputs("seeds", "validate") {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let valid = checks::validate_report(&fs::read(&file).unwrap());
        assert_eq!(valid, Some(name.starts_with("valid-")), "{name}");
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
