//! Turns the core's errors into JavaScript `Error` objects with fields a program can read.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::error::SmsPartnerError;

use super::to_js;

/// Sets a property, ignoring the impossible failure on a fresh `Error`.
fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(name), value);
}

/// An `Error` named `SmsPartnerError` with `kind`, `status`, `code`, `reason`, `field`,
/// `errors` and `mayHaveBeenSent`.
pub fn sms_partner_error(error: &SmsPartnerError) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    js.set_name("SmsPartnerError");
    let value: JsValue = js.into();
    set(&value, "kind", &JsValue::from_str(error.kind.as_str()));
    set(
        &value,
        "status",
        &error.status.map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &value,
        "code",
        &error
            .code
            .map_or(JsValue::NULL, |c| JsValue::from(c as f64)),
    );
    let text = |t: Option<&str>| t.map_or(JsValue::NULL, JsValue::from_str);
    set(&value, "reason", &text(error.reason));
    set(&value, "field", &text(error.field));
    set(&value, "errors", &to_js(&error.errors));
    set(
        &value,
        "mayHaveBeenSent",
        &JsValue::from_bool(error.may_have_been_sent()),
    );
    value
}

/// A `TypeError` for a wrong argument of a function that is allowed to throw.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
