//! Fuzz target `message`: the checks of [`smspartner_wasm_fuzz::message`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smspartner_wasm_fuzz::message(data));
