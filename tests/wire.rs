//! The wire format: the body SMS Partner receives and the reading of each of its answers.

use serde_json::{Value, json};
use smspartner_wasm::ApiKey;
use smspartner_wasm::ErrorKind;
use smspartner_wasm::InputValue;
use smspartner_wasm::RawRequest;
use smspartner_wasm::{FieldKind, SEND_FIELDS, WIRE_FIELDS, kind_of};
use smspartner_wasm::{
    WireRequest, camel_case, decode_send_response, field_of_element_id, normalize_base_url,
    send_request,
};

const KEY: &str = "k3y-SECRET-0123456789";

fn key() -> ApiKey {
    ApiKey::new(KEY).unwrap()
}

#[test]
fn body_has_the_wire_names_the_key_first_and_no_defaults() {
    let request = WireRequest {
        phone_numbers: "+33612345678,+33700000000".into(),
        message: "Il a dit \"bonjour\"\n\\ ok".into(),
        sender: Some("Boutique".into()),
        is_stop_sms: Some(1),
        ..WireRequest::default()
    };
    let http = send_request("https://api.smspartner.fr", &key(), &request);
    assert_eq!(http.method, "POST");
    assert_eq!(http.url, "https://api.smspartner.fr/v1/send");
    assert!(http.headers.contains(&("Content-Type", "application/json")));
    assert!(http.body.starts_with(&format!("{{\"apiKey\":\"{KEY}\",")));
    assert!(
        http.body
            .contains(r#""message":"Il a dit \"bonjour\"\n\\ ok""#),
        "{}",
        http.body
    );
    let body: Value = serde_json::from_str(&http.body).unwrap();
    assert_eq!(
        body,
        json!({
            "apiKey": KEY,
            "phoneNumbers": "+33612345678,+33700000000",
            "message": "Il a dit \"bonjour\"\n\\ ok",
            "sender": "Boutique",
            "isStopSms": 1
        })
    );
}

#[test]
fn every_optional_field_has_its_wire_name_and_type() {
    let request = full_request();
    let text = send_request("http://127.0.0.1:9", &key(), &request).body;
    let body: Value = serde_json::from_str(&text).unwrap();
    let mut names: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_by_key(|name| text.find(&format!("\"{name}\":")).unwrap());
    assert_eq!(
        names,
        [
            "apiKey",
            "phoneNumbers",
            "message",
            "gamme",
            "sender",
            "tag",
            "scheduledDeliveryDate",
            "time",
            "minute",
            "urlResponse",
            "urlDlr",
            "isStopSms",
            "isUnicode",
            "sandbox"
        ]
    );
    assert_eq!(body["time"], json!(9));
    assert_eq!(body["gamme"], json!(2));
}

#[test]
fn debug_of_the_request_hides_the_body() {
    let http = send_request("https://api.smspartner.fr", &key(), &WireRequest::default());
    let shown = format!("{http:?}");
    assert!(!shown.contains(KEY), "{shown}");
    assert!(shown.contains("key redacted"));
}

#[test]
fn base_urls() {
    assert_eq!(
        normalize_base_url("https://api.smspartner.fr/").unwrap(),
        "https://api.smspartner.fr"
    );
    assert_eq!(
        normalize_base_url("http://127.0.0.1:8787").unwrap(),
        "http://127.0.0.1:8787"
    );
    for bad in [
        "",
        "api.smspartner.fr",
        "ftp://x",
        "https://",
        "https://a b",
        "https://x?y=1",
    ] {
        assert!(normalize_base_url(bad).is_err(), "{bad}");
    }
}

#[test]
fn documented_success() {
    let body =
        r#"{"success":true,"code":200,"message_id":307,"nb_sms":1,"cost":0.038,"currency":"EUR"}"#;
    let result = decode_send_response(200, body, &key()).unwrap();
    assert_eq!(
        serde_json::to_value(&result).unwrap(),
        json!({"success": true, "code": 200, "messageId": 307, "nbSms": 1.0, "cost": 0.038, "currency": "EUR"})
    );
}

#[test]
fn unknown_success_fields_come_back_in_camel_case() {
    let body = r#"{"success":true,"code":200,"message_id":1,"nb_sms":2,"cost":0.076,"currency":"EUR","scheduled_at":"x"}"#;
    let value = serde_json::to_value(decode_send_response(200, body, &key()).unwrap()).unwrap();
    assert_eq!(value["scheduledAt"], json!("x"));
    assert_eq!(value["cost"], json!(0.076));
}

#[test]
fn documented_constraint_errors_map_to_fields() {
    let body = json!({"success": false, "code": 9, "errors": [
        {"elementId": "children[message].data", "message": "The message is required"},
        {"elementId": "children[phoneNumbers].data", "message": "This phone number is not valid (922264)"},
        {"elementId": "children[sender].data", "message": "The sender cannot be longer than 11 characters"},
        {"elementId": "children[scheduledDeliveryDate].data", "message": "The date (21/11/2014 at :) is earlier than the current date."},
        {"elementId": "children[minute].data", "message": "The minute is required"},
        {"elementId": "children[time].data", "message": "The time is required"}
    ]})
    .to_string();
    let error = decode_send_response(400, &body, &key()).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Api);
    assert_eq!(error.code, Some(9));
    assert_eq!(error.status, Some(400));
    let fields: Vec<&str> = error.errors.iter().map(|e| e.field.as_ref()).collect();
    assert_eq!(
        fields,
        [
            "message",
            "phoneNumbers",
            "sender",
            "scheduledDeliveryDate",
            "minute",
            "time"
        ]
    );
    assert_eq!(
        error.errors[1].message,
        "This phone number is not valid (922264)"
    );
}

#[test]
fn every_documented_control_code_is_an_api_error_whatever_the_status() {
    for (code, status, sentence) in [
        (1, 400, "the API key is required"),
        (2, 400, "the phone number is required"),
        (10, 401, "wrong API key"),
        (11, 402, "not enough credits"),
        (10, 200, "wrong API key"),
    ] {
        let body = json!({"success": false, "code": code}).to_string();
        let error = decode_send_response(status, &body, &key()).unwrap_err();
        assert_eq!(
            (error.kind, error.code, error.status),
            (ErrorKind::Api, Some(code), Some(status))
        );
        assert_eq!(error.message, sentence);
    }
}

#[test]
fn undocumented_answers_are_http_errors() {
    for (status, body) in [
        (500, ""),
        (502, "<html><body>Bad gateway</body></html>"),
        (200, r#"{"success":true,"code":200,"mess"#),
        (200, r#"{"hello":"world"}"#),
        (429, "Too Many Requests"),
        (200, "[1,2]"),
        (500, r#"{"success":true,"message_id":1}"#),
        (200, r#"{"success":true}"#),
        (400, r#"{"success":false}"#),
    ] {
        let error = decode_send_response(status, body, &key()).unwrap_err();
        assert_eq!(error.kind, ErrorKind::Http, "{status} {body}");
        assert_eq!(error.status, Some(status));
    }
}

#[test]
fn the_key_is_redacted_from_what_the_answer_echoes() {
    let body = json!({"success": false, "code": 10, "message": format!("unknown key {KEY}"),
        "errors": [{"elementId": "children[apiKey].data", "message": format!("key {KEY} is wrong")}]})
    .to_string();
    let error = decode_send_response(401, &body, &key()).unwrap_err();
    let everything = format!(
        "{error} {error:?} {}",
        serde_json::to_string(&error).unwrap()
    );
    assert!(!everything.contains(KEY), "{everything}");
    let ok = json!({"success": true, "code": 200, "message_id": 1, "echo": KEY}).to_string();
    let result = decode_send_response(200, &ok, &key()).unwrap();
    assert!(!serde_json::to_string(&result).unwrap().contains(KEY));
}

#[test]
fn names() {
    assert_eq!(camel_case("message_id"), "messageId");
    assert_eq!(camel_case("nb_sms"), "nbSms");
    assert_eq!(camel_case("_format"), "_format");
    assert_eq!(
        field_of_element_id("children[phoneNumbers].data"),
        "phoneNumbers"
    );
    assert_eq!(field_of_element_id("something"), "something");
}

// The one table of the send request's fields against everything made from it or written after
// it: the reader, the normalized request, the body and the TypeScript types.

/// A request with every sent field set.
fn full_request() -> WireRequest {
    WireRequest {
        phone_numbers: "+33612345678".into(),
        message: "x".into(),
        gamme: Some(2),
        sender: Some("ABC".into()),
        tag: Some("promo".into()),
        scheduled_delivery_date: Some("24/12/2030".into()),
        time: Some(9),
        minute: Some(35),
        url_response: Some("https://example.test/r".into()),
        url_dlr: Some("https://example.test/d".into()),
        is_stop_sms: Some(1),
        is_unicode: Some(1),
        sandbox: Some(1),
    }
}

fn sent_names() -> Vec<&'static str> {
    SEND_FIELDS
        .iter()
        .filter(|field| field.kind.is_sent())
        .map(|field| field.wire)
        .collect()
}

#[test]
fn every_wire_name_has_its_slot_and_nothing_else_does() {
    for (i, name) in WIRE_FIELDS.iter().enumerate() {
        let mut raw = RawRequest::default();
        raw.set(name, InputValue::Number(i as f64));
        assert!(raw.unknown_fields.is_empty(), "{name}");
        assert_eq!(
            raw.field_mut(name),
            Some(&mut InputValue::Number(i as f64)),
            "{name}"
        );
        assert_eq!(kind_of(name), Some(SEND_FIELDS[i].kind));
    }
    let mut raw = RawRequest::default();
    raw.set("phoneNumber", InputValue::Null);
    assert_eq!(raw.unknown_fields, ["phoneNumber"]);
    assert_eq!(kind_of("phoneNumber"), None);
    assert_eq!(raw.field_mut("phoneNumber"), None);
}

#[test]
fn the_normalized_request_has_exactly_the_sent_fields_in_the_table_order() {
    let value = serde_json::to_value(full_request()).unwrap();
    let names: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = sent_names();
    expected.sort_unstable();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected);
    assert_eq!(
        serde_json::to_value(WireRequest::default()).unwrap(),
        json!({"phoneNumbers": "", "message": ""})
    );
}

#[test]
fn the_body_is_the_key_then_the_sent_fields_in_the_table_order() {
    let key = ApiKey::new("k3y-0123456789").unwrap();
    let body = send_request("https://api.smspartner.fr", &key, &full_request()).body;
    let value: Value = serde_json::from_str(&body).unwrap();
    let mut names: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    names.sort_by_key(|name| body.find(&format!("\"{name}\":")).unwrap());
    let mut expected = vec!["apiKey"];
    expected.extend(sent_names());
    assert_eq!(names, expected);
}

/// The members of `export interface NAME { … }` in the package's declarations, with whether
/// each is optional.
fn interface_members(name: &str) -> Vec<(String, bool)> {
    let source = include_str!("../src/bindings/typescript.rs");
    let start = source
        .find(&format!("export interface {name} {{"))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let body = &source[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
    body.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("/**") && !line.starts_with('*'))
        .map(|line| {
            let name_end = line.find([':', '?']).unwrap();
            (
                line[..name_end].to_owned(),
                line[name_end..].starts_with('?'),
            )
        })
        .collect()
}

#[test]
fn the_typescript_send_request_is_the_table() {
    let expected: Vec<(String, bool)> = SEND_FIELDS
        .iter()
        .map(|field| (field.wire.to_owned(), field.kind != FieldKind::Required))
        .collect();
    assert_eq!(interface_members("SendRequest"), expected);
}

#[test]
fn the_typescript_wire_request_is_the_table() {
    let expected: Vec<(String, bool)> = SEND_FIELDS
        .iter()
        .filter(|field| field.kind.is_sent())
        .map(|field| (field.wire.to_owned(), field.kind != FieldKind::Required))
        .collect();
    assert_eq!(interface_members("WireRequest"), expected);
}

/// The body of `tests/fixtures/send-body.json`, written natively by serde_json; the package
/// writes it with `JSON.stringify` (`tests/node/body.test.mjs`): both must be these bytes.
#[test]
fn the_body_is_the_fixture_byte_for_byte() {
    use smspartner_wasm::{ValidateOptions, validate};
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/send-body.json")).expect("the fixture");
    let raw = RawRequest::from_json(&fixture["request"]).expect("an object");
    let options = ValidateOptions {
        require_api_key: false,
        ..ValidateOptions::at(1_764_547_200_000)
    };
    let report = validate(&raw, &options);
    assert!(report.valid, "{:?}", report.errors);
    let key = ApiKey::new(fixture["apiKey"].as_str().unwrap()).unwrap();
    let http = send_request("https://api.smspartner.fr", &key, &report.request.unwrap());
    assert_eq!(http.body, fixture["body"].as_str().unwrap());
}
