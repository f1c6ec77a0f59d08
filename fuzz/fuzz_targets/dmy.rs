//! Fuzz target `dmy`: the checks of [`smspartner_wasm_fuzz::dmy`] on every input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smspartner_wasm_fuzz::dmy(data));
