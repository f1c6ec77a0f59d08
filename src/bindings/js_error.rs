//! Turns the core's errors into JavaScript `Error` objects with fields a program can read.

#[cfg(feature = "client")]
use std::cell::RefCell;

#[cfg(feature = "client")]
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;

#[cfg(feature = "client")]
use crate::error::SmsPartnerError;

#[cfg(feature = "client")]
use super::to_js;

#[cfg(feature = "client")]
thread_local! {
    /// The package's `SmsPartnerError` class, handed over by its `index.js` at initialization.
    static ERROR_CLASS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Makes every `SmsPartnerError` an instance of `class` (the package's `index.js` calls this
/// once, right after instantiating the module). Internal: not part of the package's exports.
#[cfg(feature = "client")]
#[wasm_bindgen(js_name = __useErrorClass, skip_typescript)]
pub fn use_error_class(class: Function) {
    ERROR_CLASS.with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = Some(class);
        }
    });
}

/// Sets a property, ignoring the impossible failure on a fresh object.
#[cfg(feature = "client")]
fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(name), value);
}

/// An `SmsPartnerError` with `kind`, `status`, `code`, `reason`, `field`, `errors` and
/// `mayHaveBeenSent`: an instance of the package's class, or, when the module was initialized
/// without the package's `index.js`, an `Error` named `SmsPartnerError` with the same fields.
#[cfg(feature = "client")]
pub fn sms_partner_error(error: &SmsPartnerError) -> JsValue {
    let fields: JsValue = Object::new().into();
    set(&fields, "kind", &JsValue::from_str(error.kind.as_str()));
    set(
        &fields,
        "status",
        &error.status.map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &fields,
        "code",
        &error
            .code
            .map_or(JsValue::NULL, |c| JsValue::from(c as f64)),
    );
    let text = |t: Option<&str>| t.map_or(JsValue::NULL, JsValue::from_str);
    set(&fields, "reason", &text(error.reason));
    set(&fields, "field", &text(error.field));
    set(&fields, "errors", &to_js(&error.errors));
    set(
        &fields,
        "mayHaveBeenSent",
        &JsValue::from_bool(error.may_have_been_sent()),
    );
    let message = JsValue::from_str(&error.message);
    let class = ERROR_CLASS.with(|cell| cell.try_borrow().ok().and_then(|slot| slot.clone()));
    if let Some(class) = class {
        if let Ok(made) = Reflect::construct(&class, &Array::of2(&message, &fields)) {
            return made;
        }
    }
    let js = js_sys::Error::new(&error.message);
    js.set_name("SmsPartnerError");
    let value: JsValue = js.into();
    let (target, source): (&Object, &Object) = (value.unchecked_ref(), fields.unchecked_ref());
    Object::assign(target, source);
    value
}

/// A `TypeError` for a wrong argument of a function that is allowed to throw.
pub fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
