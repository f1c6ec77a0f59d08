//! Five ways for `analyzeMessage`'s answer to cross into JavaScript, for timing side by side.
//!
//! `analyzeOnly` is the baseline: the same analysis with only the SMS count handed back;
//! `stringIn` and `analyzeLoop` split it into the message coming in and the analysis itself.
//! `analyzeTypedOptions` is the shipped `analyzeMessage` with its options read through
//! wasm-bindgen getters (`options.isUnicode`) instead of `Reflect::get` with a key string.
//! `splitSerde` and `splitOffsets` are `splitMessage`'s parts as strings made in wasm, or as
//! UTF-16 offsets for JavaScript to slice the message with.
//!
//! Every export takes the message as `&str` and a Unicode flag, runs the library's core
//! `message::analyze`, and hands the answer over in its own way:
//! - `viaSerde`: serde-wasm-bindgen's `json_compatible()` object (what the library ships);
//! - `viaObject`: a plain object built field by field with `Reflect::set`, no serde;
//! - `viaJson`: a JSON string written by serde_json, for `JSON.parse` in JavaScript;
//! - `viaClass`: a wasm-bindgen class whose getters read the Rust value;
//! - `viaNumbers`: the numbers in a `u32` buffer read through a `Uint32Array` view, the
//!   preview as the only string returned; JavaScript builds the arrays when asked.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use smspartner_wasm::InputValue;
use smspartner_wasm::{Encoding, MessageAnalysis, MessageOptions};
use smspartner_wasm::read_message_options;
use wasm_bindgen::prelude::*;

fn analyze(message: &str, unicode: bool) -> MessageAnalysis {
    smspartner_wasm::analyze(
        message,
        &MessageOptions {
            unicode,
            ..MessageOptions::default()
        },
    )
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Gsm7 => "GSM-7",
        Encoding::Ucs2 => "UCS-2",
    }
}

/// Baseline: the message goes in and is analyzed, only the SMS count comes back.
#[wasm_bindgen(js_name = analyzeOnly)]
pub fn analyze_only(message: &str, unicode: bool) -> u32 {
    analyze(message, unicode).sms_count
}

/// The cost of the message coming in alone: its length in bytes.
#[wasm_bindgen(js_name = stringIn)]
pub fn string_in(message: &str) -> usize {
    message.len()
}

/// The analysis alone, `times` times over a message already in wasm memory.
#[wasm_bindgen(js_name = analyzeLoop)]
pub fn analyze_loop(message: &str, unicode: bool, times: u32) -> u32 {
    (0..times).fold(0, |n, _| {
        n.wrapping_add(
            core::hint::black_box(analyze(core::hint::black_box(message), unicode)).sms_count,
        )
    })
}

#[wasm_bindgen]
extern "C" {
    /// The options object of `analyzeMessage`, read property by property.
    type MessageOptionsBag;
    #[wasm_bindgen(method, getter, catch, js_name = isUnicode)]
    fn is_unicode(this: &MessageOptionsBag) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch, js_name = isStopSms)]
    fn is_stop_sms(this: &MessageOptionsBag) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, getter, catch)]
    fn gamme(this: &MessageOptionsBag) -> Result<JsValue, JsValue>;
}

/// A property value as the library's bindings read it (arrays aside).
fn input(value: Result<JsValue, JsValue>) -> InputValue {
    value.map_or(InputValue::Unreadable, |value| InputValue::from_js(&value))
}

/// `analyzeMessage` with typed getters for the options: same answer, same rules.
#[wasm_bindgen(js_name = analyzeTypedOptions)]
pub fn analyze_typed_options(message: JsValue, options: JsValue) -> JsValue {
    let text = message.as_string().unwrap_or_default();
    let mut opts = MessageOptions::default();
    if options.is_object() {
        let bag: &MessageOptionsBag = options.unchecked_ref();
        opts = read_message_options(
            &input(bag.is_unicode()),
            &input(bag.is_stop_sms()),
            &input(bag.gamme()),
        )
        .options;
    }
    smspartner_wasm::analyze(&text, &opts)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// `splitMessage`'s parts as an array of strings built by serde-wasm-bindgen (as shipped).
#[wasm_bindgen(js_name = splitSerde)]
pub fn split_serde(message: &str, unicode: bool) -> JsValue {
    let options = MessageOptions {
        unicode,
        ..MessageOptions::default()
    };
    smspartner_wasm::split(message, &options)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// `splitMessage`'s parts as the UTF-16 offsets where each part after the first starts.
#[wasm_bindgen(js_name = splitOffsets)]
pub fn split_offsets(message: &str, unicode: bool) -> Vec<u32> {
    let options = MessageOptions {
        unicode,
        ..MessageOptions::default()
    };
    let parts = smspartner_wasm::split(message, &options);
    let mut at = 0u32;
    let mut offsets = Vec::with_capacity(parts.len());
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        at += part.encode_utf16().count() as u32;
        offsets.push(at);
    }
    offsets
}

/// (a) serde-wasm-bindgen with `json_compatible()`, as the library does today.
#[wasm_bindgen(js_name = viaSerde)]
pub fn via_serde(message: &str, unicode: bool) -> JsValue {
    analyze(message, unicode)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn replacements_array(analysis: &MessageAnalysis) -> Array {
    analysis
        .replacements
        .iter()
        .map(|r| {
            let o = Object::new();
            set(&o, "index", &JsValue::from(r.index));
            set(&o, "char", &JsValue::from(r.char.to_string()));
            set(&o, "replacement", &JsValue::from_str(r.replacement));
            JsValue::from(o)
        })
        .collect()
}

fn unsupported_array(analysis: &MessageAnalysis) -> Array {
    analysis
        .unsupported
        .iter()
        .map(|u| {
            let o = Object::new();
            set(&o, "index", &JsValue::from(u.index));
            set(&o, "char", &JsValue::from(u.char.to_string()));
            JsValue::from(o)
        })
        .collect()
}

/// (a') A plain object built with `Reflect::set`, without serde.
#[wasm_bindgen(js_name = viaObject)]
pub fn via_object(message: &str, unicode: bool) -> JsValue {
    let a = analyze(message, unicode);
    let o = Object::new();
    set(
        &o,
        "encoding",
        &JsValue::from_str(encoding_name(a.encoding)),
    );
    set(&o, "characters", &JsValue::from(a.characters));
    set(&o, "smsCount", &JsValue::from(a.sms_count));
    set(&o, "perSms", &JsValue::from(a.per_sms));
    set(&o, "remaining", &JsValue::from(a.remaining));
    set(&o, "replacements", &replacements_array(&a));
    set(&o, "unsupported", &unsupported_array(&a));
    set(
        &o,
        "stopMention",
        &a.stop_mention.map_or(JsValue::NULL, JsValue::from_str),
    );
    set(&o, "preview", &JsValue::from_str(&a.preview));
    o.into()
}

/// (b) A JSON string written in Rust, parsed by `JSON.parse` in JavaScript.
#[wasm_bindgen(js_name = viaJson)]
pub fn via_json(message: &str, unicode: bool) -> String {
    serde_json::to_string(&analyze(message, unicode)).unwrap_or_default()
}

/// (c) A wasm-bindgen class: each getter reads the Rust value; `free()` releases it.
#[wasm_bindgen]
pub struct AnalysisHandle {
    inner: MessageAnalysis,
}

#[wasm_bindgen]
impl AnalysisHandle {
    /// `"GSM-7"` or `"UCS-2"`.
    #[wasm_bindgen(getter)]
    pub fn encoding(&self) -> String {
        encoding_name(self.inner.encoding).to_owned()
    }
    /// Billed length.
    #[wasm_bindgen(getter)]
    pub fn characters(&self) -> u32 {
        self.inner.characters
    }
    /// SMS billed.
    #[wasm_bindgen(getter, js_name = smsCount)]
    pub fn sms_count(&self) -> u32 {
        self.inner.sms_count
    }
    /// Capacity of one SMS.
    #[wasm_bindgen(getter, js_name = perSms)]
    pub fn per_sms(&self) -> u32 {
        self.inner.per_sms
    }
    /// Characters left.
    #[wasm_bindgen(getter)]
    pub fn remaining(&self) -> u32 {
        self.inner.remaining
    }
    /// Replaced characters, built on each read.
    #[wasm_bindgen(getter)]
    pub fn replacements(&self) -> Array {
        replacements_array(&self.inner)
    }
    /// Unsupported characters, built on each read.
    #[wasm_bindgen(getter)]
    pub fn unsupported(&self) -> Array {
        unsupported_array(&self.inner)
    }
    /// The STOP mention or `null`.
    #[wasm_bindgen(getter, js_name = stopMention)]
    pub fn stop_mention(&self) -> JsValue {
        self.inner
            .stop_mention
            .map_or(JsValue::NULL, JsValue::from_str)
    }
    /// What the recipient reads.
    #[wasm_bindgen(getter)]
    pub fn preview(&self) -> String {
        self.inner.preview.clone()
    }
}

/// (c) The analysis kept in Rust behind a handle.
#[wasm_bindgen(js_name = viaClass)]
pub fn via_class(message: &str, unicode: bool) -> AnalysisHandle {
    AnalysisHandle {
        inner: analyze(message, unicode),
    }
}

thread_local! {
    static NUMBERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Up to two characters of a replacement as code points (SMS Partner's longest is `oe`).
fn replacement_units(text: &str) -> (u32, u32) {
    let mut chars = text.chars().map(u32::from);
    (chars.next().unwrap_or(0), chars.next().unwrap_or(0))
}

/// (d) The numbers into a reused buffer (see `numbersPtr`), the preview returned.
///
/// Layout: encoding (0 GSM-7, 1 UCS-2), characters, smsCount, perSms, remaining,
/// stop mention (0/1), replacement count, unsupported count, then per replacement
/// index, char, first and second code point of the replacement (0: none), then per
/// unsupported character index, char.
#[wasm_bindgen(js_name = viaNumbers)]
pub fn via_numbers(message: &str, unicode: bool) -> String {
    let a = analyze(message, unicode);
    NUMBERS.with_borrow_mut(|n| {
        n.clear();
        n.extend([
            u32::from(matches!(a.encoding, Encoding::Ucs2)),
            a.characters,
            a.sms_count,
            a.per_sms,
            a.remaining,
            u32::from(a.stop_mention.is_some()),
            a.replacements.len() as u32,
            a.unsupported.len() as u32,
        ]);
        for r in &a.replacements {
            let (first, second) = replacement_units(r.replacement);
            n.extend([r.index, u32::from(r.char), first, second]);
        }
        for u in &a.unsupported {
            n.extend([u.index, u32::from(u.char)]);
        }
    });
    a.preview
}

/// Address of the numbers buffer in the wasm memory.
#[wasm_bindgen(js_name = numbersPtr)]
pub fn numbers_ptr() -> usize {
    NUMBERS.with_borrow(|n| n.as_ptr() as usize)
}

/// Length of the numbers buffer, in `u32`s.
#[wasm_bindgen(js_name = numbersLen)]
pub fn numbers_len() -> usize {
    NUMBERS.with_borrow(Vec::len)
}
