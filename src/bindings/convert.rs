//! Reads JavaScript values into the core's loosely typed input, never throwing.

use js_sys::Array;
#[cfg(feature = "client")]
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::input::InputValue;
#[cfg(feature = "compose")]
use crate::paris_time;
#[cfg(feature = "compose")]
use crate::send_fields::{RawRequest, WIRE_FIELDS};
#[cfg(feature = "client")]
use crate::wire::Json;

/// Arrays longer than this are read up to here, and the rest is counted as
/// [`InputValue::Unread`]: far past any limit the validation applies, and as many recipients
/// as a campaign of the edge worker takes.
pub const MAX_ARRAY_READ: u32 = 100_000;

// Every read that may throw (a getter, a proxy trap, a revoked proxy) is caught here, in
// JavaScript: no exception crosses into wasm. (A `catch` import that returns a value leaks one
// externref table slot each time it throws, with wasm-bindgen 0.2.130.)
#[wasm_bindgen(inline_js = r#"
const UNREADABLE = Symbol("unreadable");
export function readProperty(target, key) { try { return Reflect.get(target, key); } catch { return UNREADABLE; } }
export function isUnreadable(value) { return value === UNREADABLE; }
export function arrayState(value) { try { return Array.isArray(value) ? 1 : 0; } catch { return 2; } }
export function ownKeys(value) { try { return Object.keys(value); } catch { return []; } }
const getTime = Date.prototype.getTime, apply = Reflect.apply, dateNow = Date.now, NativeDate = Date;
export function timeOf(value) { try { return apply(getTime, value, []); } catch { return undefined; } }
export function nowMs() { try { return apply(dateNow, NativeDate, []); } catch { return NaN; } }
export function dateAt(ms) { return new NativeDate(ms); }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = readProperty)]
    fn read_property(target: &JsValue, key: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = isUnreadable)]
    fn is_unreadable(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = arrayState)]
    fn array_state(value: &JsValue) -> u32;
    #[wasm_bindgen(js_name = ownKeys)]
    fn own_keys(value: &JsValue) -> Array;
    /// The time value of a real `Date` (its internal slot, whatever its `getTime` does), or
    /// `undefined` for anything else (a fake, a proxy, a revoked proxy).
    #[wasm_bindgen(js_name = timeOf)]
    fn time_of(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = nowMs)]
    fn now_ms() -> f64;
    /// `new Date(ms)` with the `Date` of the module's loading: a number never makes it throw.
    #[wasm_bindgen(js_name = dateAt)]
    fn date_at(ms: f64) -> js_sys::Date;
}

/// The current time in milliseconds, from the `Date.now` of the module's loading (a page that
/// replaces it later changes nothing); 0 should it ever fail.
#[cfg(feature = "compose")]
pub fn now() -> i64 {
    let ms = now_ms();
    if ms.is_finite() { ms as i64 } else { 0 }
}

/// A new `Date` (the one of the module's loading, whatever a page does to the global) at `ms`.
#[cfg(feature = "compose")]
pub fn date(ms: f64) -> js_sys::Date {
    date_at(ms)
}

/// Reads `target[key]` (an object's property or an array's index); `None` when the read throws.
pub fn read(target: &JsValue, key: &JsValue) -> Option<JsValue> {
    let value = read_property(target, key);
    (!is_unreadable(&value)).then_some(value)
}

/// `Array.isArray(value)`, `None` when it throws (a revoked proxy).
pub(crate) fn is_array(value: &JsValue) -> Option<bool> {
    match array_state(value) {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// Reads one property, a throwing getter giving [`InputValue::Unreadable`].
pub fn property(object: &JsValue, name: &str) -> InputValue {
    match read(object, &JsValue::from_str(name)) {
        Some(value) => scalar_or_list(&value),
        None => InputValue::Unreadable,
    }
}

impl InputValue {
    /// Reads a JavaScript value as every export of the package reads its arguments and
    /// properties, never throwing: arrays one level deep (at most [`MAX_ARRAY_READ`] items),
    /// a value whose reading throws (a proxy, a getter) as [`InputValue::Unreadable`]. For
    /// crates that write their own `#[wasm_bindgen]` exports over this core.
    pub fn from_js(value: &JsValue) -> InputValue {
        scalar_or_list(value)
    }
}

/// A value, with arrays read one level deep.
pub fn scalar_or_list(value: &JsValue) -> InputValue {
    match is_array(value) {
        Some(true) => {
            // An array's length is a whole number below 2^32 (a proxy's may be anything); a
            // length that cannot be read leaves nothing of the array to read.
            let Some(length) = read(value, &JsValue::from_str("length")) else {
                return InputValue::Unreadable;
            };
            let length = length
                .as_f64()
                .unwrap_or(0.0)
                .clamp(0.0, f64::from(u32::MAX)) as u32;
            let mut items: Vec<InputValue> = (0..length.min(MAX_ARRAY_READ))
                .map(|i| match read(value, &JsValue::from(i)) {
                    Some(item) => match is_array(&item) {
                        Some(false) => scalar(&item),
                        _ => InputValue::Other("array"),
                    },
                    None => InputValue::Unreadable,
                })
                .collect();
            if length > MAX_ARRAY_READ {
                items.push(InputValue::Unread(length - MAX_ARRAY_READ));
            }
            InputValue::List(items)
        }
        Some(false) => scalar(value),
        None => InputValue::Unreadable,
    }
}

/// A value that is not an array (arrays become [`InputValue::Other`]).
pub fn scalar(value: &JsValue) -> InputValue {
    if value.is_undefined() {
        InputValue::Absent
    } else if value.is_null() {
        InputValue::Null
    } else if let Some(b) = value.as_bool() {
        InputValue::Bool(b)
    } else if let Some(n) = value.as_f64() {
        InputValue::Number(n)
    } else if let Some(text) = value.as_string() {
        InputValue::Text(text)
    } else {
        InputValue::Other(type_name(value))
    }
}

/// The `typeof` of a value that is not a primitive we read.
fn type_name(value: &JsValue) -> &'static str {
    if value.is_function() {
        "function"
    } else if value.is_bigint() {
        "bigint"
    } else if value.is_symbol() {
        "symbol"
    } else if value.is_object() {
        "object"
    } else {
        "unknown"
    }
}

/// Reads a send request, one property at a time.
///
/// # Errors
/// The type name of `value` when it is not a plain object.
#[cfg(feature = "compose")]
pub fn raw_request(value: &JsValue) -> Result<RawRequest, &'static str> {
    match scalar_or_list(value) {
        InputValue::Other("object") => {}
        InputValue::Other(name) => return Err(name),
        other => return Err(other.type_name()),
    }
    let mut request = RawRequest::default();
    for name in WIRE_FIELDS {
        let field = property(value, name);
        if let Some(slot) = request.field_mut(name) {
            *slot = field;
        }
    }
    for key in own_keys(value).iter().filter_map(|k| k.as_string()) {
        if !WIRE_FIELDS.contains(&key.as_str()) {
            request.unknown_fields.push(key);
        }
    }
    Ok(request)
}

/// The own properties of an object as `(name, text)` pairs, in their order: a string as it is,
/// a finite number as JavaScript writes it, anything else (or a property that throws) empty.
/// Not an object: no pair.
#[cfg(feature = "compose")]
pub fn text_columns(value: &JsValue) -> Vec<(String, String)> {
    if !matches!(scalar_or_list(value), InputValue::Other("object")) {
        return Vec::new();
    }
    own_keys(value)
        .iter()
        .filter_map(|key| key.as_string())
        .take(MAX_ARRAY_READ as usize)
        .map(|name| {
            let text = match property(value, &name) {
                InputValue::Text(text) => text,
                InputValue::Number(n) if n.is_finite() => js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default(),
                _ => String::new(),
            };
            (name, text)
        })
        .collect()
}

/// An option of an options object (`undefined` when the options are not an object).
pub fn option(options: &JsValue, name: &str) -> InputValue {
    if options.is_object() {
        property(options, name)
    } else {
        InputValue::Absent
    }
}

/// An instant from a `Date`, an ISO 8601 string or milliseconds since the epoch, within the
/// range of a JavaScript `Date` (beyond it, `new Date(ms)` is an invalid date, and so would be
/// the answer).
#[cfg(feature = "compose")]
pub fn instant(value: &JsValue) -> Option<i64> {
    // NaN and the infinities fail the comparison too.
    let in_range = |ms: f64| (ms.abs() <= paris_time::MAX_JS_TIME_MS as f64).then_some(ms as i64);
    if value.is_object() {
        // Only a real `Date` has a time; its own `getTime` is never called (a subclass may
        // throw), and a fake or a proxy (revoked or not) is not a date.
        return time_of(value).as_f64().and_then(in_range);
    }
    if let Some(ms) = value.as_f64() {
        return in_range(ms);
    }
    paris_time::parse_iso8601(&value.as_string()?)
}

/// How deep [`json`] reads nested arrays and objects; below that, values are `null`.
#[cfg(feature = "client")]
const MAX_JSON_DEPTH: u32 = 32;

/// A value produced by `JSON.parse` as the core's [`Json`] (the client's answers).
#[cfg(feature = "client")]
pub fn json(value: &JsValue) -> Json {
    json_at(value, 0)
}

#[cfg(feature = "client")]
fn json_at(value: &JsValue, depth: u32) -> Json {
    if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if !value.is_object() || depth >= MAX_JSON_DEPTH {
        Json::Null
    } else if let Some(array) = value.dyn_ref::<Array>() {
        Json::Array(array.iter().map(|v| json_at(&v, depth + 1)).collect())
    } else {
        let members = js_sys::Object::entries(value.unchecked_ref());
        Json::Object(
            members
                .iter()
                .filter_map(|entry| {
                    let entry: Array = entry.dyn_into().ok()?;
                    Some((entry.get(0).as_string()?, json_at(&entry.get(1), depth + 1)))
                })
                .collect(),
        )
    }
}
