//! Fuzz target `phone`: the checks of [`smspartner_wasm_fuzz::phone`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smspartner_wasm_fuzz::phone(data));
