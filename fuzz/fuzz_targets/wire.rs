//! Fuzz target `wire`: the checks of [`smspartner_wasm_fuzz::wire`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smspartner_wasm_fuzz::wire(data));
