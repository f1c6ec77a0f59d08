//! The local SMS Partner stand-in as the wasm tests reach it: its address, its key, and its
//! control calls (`scripts/test` starts it at `SMSPARTNER_STANDIN_URL` with the key `test-key`).
#![allow(dead_code)]

use js_sys::JSON;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Where the stand-in listens, as `scripts/test` compiled the tests.
pub const STANDIN: &str = match option_env!("SMSPARTNER_STANDIN_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:18787",
};
/// The key the stand-in accepts.
pub const KEY: &str = "test-key";

#[wasm_bindgen(inline_js = r#"
export async function control(url, method, body) {
  const init = { method, headers: { "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return (await fetch(url, init)).json();
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn control(url: &str, method: &str, body: JsValue) -> Result<JsValue, JsValue>;
}

/// A JavaScript value as JSON, through `JSON.stringify`.
pub fn as_json(value: &JsValue) -> Value {
    serde_json::from_str(&JSON::stringify(value).unwrap().as_string().unwrap()).unwrap()
}

/// One control call of the stand-in (`/__standin/…`), its answer as JSON.
pub async fn standin(method: &str, path: &str, body: Value) -> Value {
    let body = if body.is_null() {
        JsValue::UNDEFINED
    } else {
        JSON::parse(&body.to_string()).unwrap()
    };
    as_json(
        &control(&format!("{STANDIN}{path}"), method, body)
            .await
            .unwrap(),
    )
}

/// Empties the stand-in: messages, counts, faults, credits.
pub async fn reset() {
    standin("POST", "/__standin/reset", Value::Null).await;
}
