//! Exact SMS length, request validation and sending for the SMS Partner HTTP API.
//!
//! The crate is a pure Rust core (message length, GSM 03.38 tables, phone numbers,
//! validation, Paris time and quiet hours, the wire format), tested natively, plus a
//! WebAssembly layer (`bindings`, `transport`) that alone meets JavaScript.
#![deny(missing_docs)]

pub mod api_code;
pub mod api_key;
pub mod calendar;
pub mod callback_url;
mod digits;
pub mod error;
pub mod gsm;
pub mod input;
pub mod issue;
pub mod json;
pub mod lang;
pub mod lifecycle;
pub mod limits;
pub mod message;
pub mod normalize;
pub mod numbering_plan;
pub mod options;
pub mod paris_time;
pub mod phone;
pub mod quiet_hours;
mod radix;
pub mod send_fields;
pub mod symbols;
pub mod template;
pub mod validate;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(all(target_arch = "wasm32", feature = "client"))]
mod transport;

/// The wasm's allocator: talc, faster than the default dlmalloc and about 2.4 KB smaller once
/// gzipped (measured by `scripts/build` on each entry).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
