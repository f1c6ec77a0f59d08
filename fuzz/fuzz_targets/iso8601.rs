//! Fuzz target `iso8601`: the checks of [`smspartner_wasm_fuzz::iso8601`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smspartner_wasm_fuzz::iso8601(data));
