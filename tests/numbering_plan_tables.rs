//! The committed numbering-plan tables are what tools/phonemeta generates from the pinned metadata.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../tools/phonemeta/generate.rs"]
mod generate;

const TABLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/numbering_plan/data.rs");

#[test]
fn committed_tables_are_regenerated_byte_for_byte() {
    let generated = generate::generate();
    if std::env::var_os("PHONEMETA_WRITE").is_some() {
        std::fs::write(TABLES, &generated).expect("write the tables");
    }
    let committed = std::fs::read_to_string(TABLES).unwrap_or_default();
    assert!(
        committed == generated,
        "src/numbering_plan/data.rs is not what tools/phonemeta generates: run tools/phonemeta/regenerate"
    );
}
