//! The JavaScript face of the pure functions: exact shapes of every answer, and hostile input.
//!
//! Runs in Node, in a headless Chromium page and in a dedicated worker (see `scripts/test`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JSON, Object, Reflect};
use serde_json::{Value, json};
use smspartner_wasm::bindings::{
    analyze_message, effective_send_time, french_public_holiday, is_french_public_holiday,
    parse_phone_numbers, split_message, validate_send_request,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(inline_js = r#"
export function js(source) { return (0, eval)("(" + source + ")"); }
export function throwingGetter() {
  return { phoneNumbers: "0612345678", get message() { throw new Error("boom"); } };
}
export function revokedProxy() { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }
export function deep(n) { let o = {}; const root = o; for (let i = 0; i < n; i++) { o.message = {}; o = o.message; } return root; }
"#)]
extern "C" {
    fn js(source: &str) -> JsValue;
    #[wasm_bindgen(js_name = throwingGetter)]
    fn throwing_getter() -> JsValue;
    #[wasm_bindgen(js_name = revokedProxy)]
    fn revoked_proxy() -> JsValue;
    fn deep(n: u32) -> JsValue;
}

/// The JSON text of a JS value, read back as serde_json so that shapes compare exactly.
fn as_json(value: &JsValue) -> Value {
    let text = JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

fn keys(value: &JsValue) -> Vec<String> {
    Object::keys(value.unchecked_ref::<Object>())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect()
}

fn now() -> Option<JsValue> {
    Some(js(r#"{ now: "2026-11-30T10:00:00Z" }"#))
}

#[wasm_bindgen_test]
fn analysis_has_exactly_the_contract_fields() {
    let analysis = analyze_message("Café [ok] ^".into(), Some(js("{ isStopSms: 1 }")));
    assert_eq!(
        keys(&analysis),
        [
            "encoding",
            "characters",
            "smsCount",
            "perSms",
            "remaining",
            "replacements",
            "unsupported",
            "truncated",
            "stopMention",
            "preview"
        ]
    );
    let value = as_json(&analysis);
    assert_eq!(value["encoding"], "GSM-7");
    assert_eq!(
        value["replacements"][0],
        json!({"index": 5, "char": "[", "replacement": "("})
    );
    assert_eq!(
        value["replacements"][2],
        json!({"index": 10, "char": "^", "replacement": ""})
    );
    assert_eq!(value["stopMention"], " STOP au 36180");
    assert_eq!(value["preview"], "Café (ok)  STOP au 36180");
    // "Café (ok) " is 10 septets, the mention 14.
    assert_eq!(value["characters"], 24);
    assert_eq!(value["smsCount"], 1);
    assert_eq!(value["perSms"], 160);
    assert_eq!(value["remaining"], 136);
}

#[wasm_bindgen_test]
fn analysis_counts_emoji_in_utf16_and_reports_indices_in_utf16() {
    let gsm = as_json(&analyze_message("😀 é ú".into(), None));
    assert_eq!(
        gsm["unsupported"],
        json!([
            {"index": 0, "char": "😀", "codePoint": "U+1F600", "name": null},
            {"index": 5, "char": "ú", "codePoint": "U+00FA", "name": null}
        ])
    );
    let ucs2 = as_json(&analyze_message(
        "😀".repeat(35).into(),
        Some(js("{ isUnicode: true }")),
    ));
    assert_eq!(
        (
            ucs2["encoding"].as_str(),
            ucs2["characters"].as_u64(),
            ucs2["smsCount"].as_u64()
        ),
        (Some("UCS-2"), Some(70), Some(1))
    );
    let ucs2 = as_json(&analyze_message(
        "😀".repeat(36).into(),
        Some(js("{ isUnicode: 1 }")),
    ));
    assert_eq!(
        (ucs2["smsCount"].as_u64(), ucs2["perSms"].as_u64()),
        (Some(2), Some(67))
    );
}

#[wasm_bindgen_test]
fn analysis_never_throws() {
    for value in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(42),
        js("{}"),
        js("[1, 2]"),
        js("Symbol('x')"),
        js("10n"),
        js(r#""a\uD800b\uDFFFc""#),
        revoked_proxy(),
    ] {
        let analysis = analyze_message(value.clone(), Some(value));
        assert!(analysis.is_object());
    }
    let lone = as_json(&analyze_message(js(r#""a\uD800b""#), None));
    assert_eq!(
        lone["unsupported"],
        json!([{"index": 1, "char": "\u{FFFD}", "codePoint": "U+FFFD", "name": null}])
    );
}

#[wasm_bindgen_test]
fn a_megabyte_of_text_is_analyzed() {
    let text = "a".repeat(1 << 20);
    let value = as_json(&analyze_message(text.into(), None));
    assert_eq!(value["characters"], 1 << 20);
    assert_eq!(value["smsCount"], (1u64 << 20).div_ceil(153));
}

#[wasm_bindgen_test]
fn split_parts_join_back() {
    let text = format!("{}€{}", "a".repeat(152), "b".repeat(20));
    let parts: Array = split_message(text.clone().into(), None).unchecked_into();
    assert_eq!(parts.length(), 2);
    assert_eq!(parts.get(0).as_string().unwrap(), "a".repeat(152));
    assert_eq!(parts.join("").as_string().unwrap(), text);
}

#[wasm_bindgen_test]
fn phone_numbers_shape() {
    let report = parse_phone_numbers(
        js(r#""06 12 34 56 78, +33 6 12 34 56 78; 12, +49 151 23456789""#),
        None,
    );
    assert_eq!(
        keys(&report),
        ["numbers", "invalid", "duplicates", "details"]
    );
    let value = as_json(&report);
    assert_eq!(value["numbers"], json!(["+33612345678", "+4915123456789"]));
    assert_eq!(
        value["details"],
        json!([
            { "number": "+33612345678", "region": "FR", "type": "mobile", "canReceiveSms": true },
            { "number": "+4915123456789", "region": "DE", "type": "mobile", "canReceiveSms": true },
        ])
    );
    assert_eq!(value["duplicates"], json!(["+33612345678"]));
    assert_eq!(value["invalid"][0]["input"], "12");
    assert_eq!(
        keys(&Array::from(&Reflect::get(&report, &"invalid".into()).unwrap()).get(0)),
        ["input", "code", "reason"]
    );
    let from_array = as_json(&parse_phone_numbers(js(r#"["0612345678", 5]"#), None));
    assert_eq!(from_array["numbers"], json!(["+33612345678"]));
    assert_eq!(from_array["invalid"].as_array().unwrap().len(), 1);
    for hostile in [JsValue::NULL, js("{}"), js("42"), revoked_proxy()] {
        assert!(parse_phone_numbers(hostile, None).is_object());
    }
}

#[wasm_bindgen_test]
fn validation_report_shape_when_valid() {
    let report = validate_send_request(
        js(
            r#"{ apiKey: "k", phoneNumbers: ["06 12 34 56 78"], message: "Bonjour", sender: "Shop", sandbox: true }"#,
        ),
        now(),
    );
    assert_eq!(
        keys(&report),
        [
            "valid",
            "errors",
            "warnings",
            "request",
            "message",
            "recipients",
            "totalSms",
            "deliveryTime"
        ]
    );
    assert_eq!(
        as_json(&report)["request"],
        json!({"phoneNumbers": "+33612345678", "message": "Bonjour", "sender": "Shop", "sandbox": 1})
    );
    assert_eq!(as_json(&report)["deliveryTime"], "2026-11-30T10:00:00.000Z");
}

fn error_fields(report: &JsValue) -> Vec<(String, String)> {
    as_json(report)["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn wrong_types_are_errors_on_their_field() {
    let report = validate_send_request(
        js(
            r#"{ apiKey: 12, phoneNumbers: { a: 1 }, message: ["x"], sender: true, gamme: "premium", isUnicode: "yes", time: {} }"#,
        ),
        now(),
    );
    let fields = error_fields(&report);
    for (field, code) in [
        ("apiKey", "invalid_type"),
        ("phoneNumbers", "invalid_type"),
        ("message", "invalid_type"),
        ("sender", "invalid_type"),
        ("gamme", "gamme_invalid"),
        ("isUnicode", "flag_invalid"),
    ] {
        assert!(
            fields.contains(&(field.into(), code.into())),
            "{field} {code} in {fields:?}"
        );
    }
    assert_eq!(as_json(&report)["request"], Value::Null);
}

#[wasm_bindgen_test]
fn hostile_requests_never_throw_and_the_module_keeps_working() {
    for (request, field) in [
        (JsValue::UNDEFINED, "request"),
        (JsValue::NULL, "request"),
        (js("'text'"), "request"),
        (js("[1]"), "request"),
        (js("() => 1"), "request"),
        (revoked_proxy(), "request"),
        (throwing_getter(), "message"),
        (deep(10_000), "message"),
        (
            js(
                r#"JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1, "message": "x", "phoneNumbers": "0612345678"}')"#,
            ),
            "apiKey",
        ),
    ] {
        let report = validate_send_request(request, now());
        let fields = error_fields(&report);
        assert!(
            fields.iter().any(|(f, _)| f == field),
            "{field} in {fields:?}"
        );
    }
    assert!(js("({}).polluted").is_undefined());
    let ok = validate_send_request(
        js(r#"{ apiKey: "k", phoneNumbers: "0612345678", message: "x" }"#),
        now(),
    );
    assert_eq!(as_json(&ok)["valid"], true);
}

#[wasm_bindgen_test]
fn ten_thousand_numbers_are_one_precise_error() {
    let numbers: Vec<String> = (0..10_000).map(|i| format!("+336{:08}", i)).collect();
    let request = Object::new();
    Reflect::set(&request, &"apiKey".into(), &"k".into()).unwrap();
    Reflect::set(&request, &"message".into(), &"x".into()).unwrap();
    Reflect::set(&request, &"phoneNumbers".into(), &numbers.join(",").into()).unwrap();
    let report = validate_send_request(request.into(), now());
    assert_eq!(
        error_fields(&report),
        [(
            "phoneNumbers".to_owned(),
            "too_many_phone_numbers".to_owned()
        )]
    );
}

#[wasm_bindgen_test]
fn options_are_checked_not_thrown() {
    let report = validate_send_request(
        js(r#"{ apiKey: "k", phoneNumbers: "0612345678", message: "x" }"#),
        Some(js(
            r#"{ now: "yesterday", lang: "de", commercial: "maybe" }"#,
        )),
    );
    let fields = error_fields(&report);
    assert_eq!(
        fields
            .iter()
            .filter(|(f, c)| f == "options" && c == "option_invalid")
            .count(),
        3
    );
}

#[wasm_bindgen_test]
fn french_sentences() {
    let report = validate_send_request(
        js(r#"{ phoneNumbers: "0612345678", message: "x" }"#),
        Some(js(r#"{ lang: "fr" }"#)),
    );
    assert_eq!(
        as_json(&report)["errors"][0]["message"],
        "la clé API est obligatoire"
    );
}

#[wasm_bindgen_test]
fn quiet_hours_from_javascript() {
    // Sunday 29 November 2026, 21:05 UTC → Monday 30 November 08:00 Paris (07:00 UTC).
    let at = js(r#"new Date("2026-11-29T21:05:00Z")"#);
    let date = effective_send_time(at.clone(), Some(js("{ commercial: true }"))).unwrap();
    assert_eq!(
        date.to_iso_string().as_string().unwrap(),
        "2026-11-30T07:00:00.000Z"
    );
    let same = effective_send_time(at, None).unwrap();
    assert_eq!(
        same.to_iso_string().as_string().unwrap(),
        "2026-11-29T21:05:00.000Z"
    );
    assert!(effective_send_time("not a date".into(), None).is_err());
    assert!(is_french_public_holiday("2027-05-06".into()).unwrap());
    assert!(!is_french_public_holiday("06/05/2026".into()).unwrap());
    assert!(is_french_public_holiday(js(r#"new Date("2026-07-13T22:30:00Z")"#)).unwrap());
    assert!(is_french_public_holiday(JsValue::NULL).is_err());
    assert_eq!(
        french_public_holiday("2026-04-06".into(), Some(js(r#"{ lang: "fr" }"#))).unwrap(),
        "Lundi de Pâques"
    );
}
