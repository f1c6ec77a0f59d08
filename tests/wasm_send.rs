//! `SmsPartnerClient.send` against the local SMS Partner stand-in, one test per kind of answer.
//!
//! Runs in Node, in a headless Chromium page and in a dedicated worker (no `window` anywhere).
//! `scripts/test` starts the stand-in at `SMSPARTNER_STANDIN_URL` with the key `test-key`.
//! Every test checks how many times the stand-in was called: never more than once per send.
#![cfg(target_arch = "wasm32")]

use js_sys::{JSON, Reflect};
use serde_json::{Value, json};
use smspartner_wasm::bindings::SmsPartnerClient;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[path = "common/standin.rs"]
mod common;
use common::{KEY, STANDIN, as_json, reset, standin};

#[wasm_bindgen(inline_js = r#"
export function settle(promise) {
  return promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
}
export function describe(error) {
  return JSON.stringify({ name: error.name, message: error.message, kind: error.kind, status: error.status,
    code: error.code, reason: error.reason, field: error.field, mayHaveBeenSent: error.mayHaveBeenSent,
    errors: error.errors, isError: error instanceof Error });
}
"#)]
extern "C" {
    fn settle(promise: &js_sys::Promise) -> js_sys::Promise;
    fn describe(error: &JsValue) -> String;
}

fn js(source: &str) -> JsValue {
    js_sys::eval(&format!("({source})")).unwrap()
}

async fn sends_received() -> u64 {
    standin("GET", "/__standin/requests", Value::Null).await["byPath"]["/v1/send"]
        .as_u64()
        .unwrap_or(0)
}

fn client(key: &str, base_url: &str, timeout_ms: u32) -> SmsPartnerClient {
    let options = js(&format!(
        "{{ apiKey: {key:?}, baseUrl: {base_url:?}, timeoutMs: {timeout_ms} }}"
    ));
    SmsPartnerClient::new(options)
        .map_err(|e| describe(&e))
        .unwrap()
}

fn request() -> JsValue {
    js(
        r#"{ phoneNumbers: "06 12 34 56 78, +33 7 56 00 00 01", message: "Bonjour [Zoé] ! Votre code : 1234", sender: "Boutique", sandbox: 1 }"#,
    )
}

/// Sends and returns `Ok(result)` or `Err(error as JSON)`.
async fn send(client: &SmsPartnerClient, request: JsValue) -> Result<Value, Value> {
    let outcome = JsFuture::from(settle(&client.send(request, None)))
        .await
        .unwrap();
    let ok = Reflect::get(&outcome, &"ok".into())
        .unwrap()
        .as_bool()
        .unwrap();
    if ok {
        Ok(as_json(&Reflect::get(&outcome, &"value".into()).unwrap()))
    } else {
        let error = Reflect::get(&outcome, &"error".into()).unwrap();
        let described: Value = serde_json::from_str(&describe(&error)).unwrap();
        assert!(
            !described.to_string().contains("LEAK-CANARY"),
            "{described}"
        );
        Err(described)
    }
}

#[wasm_bindgen_test]
async fn a_valid_send_lands_once_and_answers_in_camel_case() {
    reset().await;
    let result = send(&client(KEY, STANDIN, 5_000), request()).await.unwrap();
    assert_eq!(result["success"], true);
    assert_eq!(result["code"], 200);
    assert!(result["messageId"].is_number(), "{result}");
    assert_eq!(result["nbSms"], 2.0);
    assert_eq!(result["currency"], "EUR");
    let messages = standin("GET", "/__standin/messages", Value::Null).await;
    let received = &messages[0]["body"];
    assert_eq!(received["phoneNumbers"], "+33612345678,+33756000001");
    assert_eq!(received["message"], "Bonjour [Zoé] ! Votre code : 1234");
    assert_eq!(received["sandbox"], 1);
    assert_eq!(sends_received().await, 1);
}

#[wasm_bindgen_test]
async fn an_invalid_request_makes_no_call() {
    reset().await;
    let error = send(
        &client(KEY, STANDIN, 5_000),
        js(r#"{ phoneNumbers: "12", message: "", sender: "AB" }"#),
    )
    .await
    .unwrap_err();
    assert_eq!(error["name"], "SmsPartnerError");
    assert_eq!(error["isError"], true);
    assert_eq!(error["kind"], "validation");
    let fields: Vec<&str> = error["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["phoneNumbers", "message", "sender"]);
    assert_eq!(sends_received().await, 0);
    let not_object = send(&client(KEY, STANDIN, 5_000), JsValue::NULL)
        .await
        .unwrap_err();
    assert_eq!(not_object["errors"][0]["field"], "request");
    let other_key = send(
        &client(KEY, STANDIN, 5_000),
        js(r#"{ apiKey: "sk-LEAK-CANARY-other", phoneNumbers: "0612345678", message: "x" }"#),
    )
    .await
    .unwrap_err();
    assert_eq!(other_key["errors"][0]["code"], "api_key_conflict");
    assert_eq!(sends_received().await, 0);
}

#[wasm_bindgen_test]
async fn smspartner_refusals_are_api_errors_with_their_code() {
    reset().await;
    let wrong_key = send(&client("sk-LEAK-CANARY-1234", STANDIN, 5_000), request())
        .await
        .unwrap_err();
    assert_eq!(
        (wrong_key["kind"].as_str(), wrong_key["code"].as_u64()),
        (Some("api"), Some(10))
    );
    assert_eq!(wrong_key["status"], 401);
    assert_eq!(sends_received().await, 1);
    standin("POST", "/__standin/credits", json!({"creditSms": 1})).await;
    let no_credit = send(
        &client(KEY, STANDIN, 5_000),
        js(r#"{ phoneNumbers: "0612345678,0612345679", message: "x" }"#),
    )
    .await
    .unwrap_err();
    assert_eq!(
        (no_credit["kind"].as_str(), no_credit["code"].as_u64()),
        (Some("api"), Some(11))
    );
    assert_eq!(sends_received().await, 2);
}

#[wasm_bindgen_test]
async fn undocumented_answers_are_http_errors_and_never_resent() {
    for (fault, status) in [
        ("status500", 500),
        ("html502", 502),
        ("brokenJson", 200),
        ("unexpected200", 200),
        ("status429", 429),
    ] {
        reset().await;
        standin("POST", "/__standin/fault", json!({"kind": fault})).await;
        let error = send(&client(KEY, STANDIN, 5_000), request())
            .await
            .unwrap_err();
        assert_eq!(error["kind"], "http", "{fault}: {error}");
        assert_eq!(error["status"], status, "{fault}");
        assert_eq!(sends_received().await, 1, "{fault}");
    }
}

#[wasm_bindgen_test]
async fn a_slow_answer_is_a_timeout_and_not_resent() {
    reset().await;
    standin(
        "POST",
        "/__standin/fault",
        json!({"kind": "slow", "delayMs": 3000}),
    )
    .await;
    let error = send(&client(KEY, STANDIN, 300), request())
        .await
        .unwrap_err();
    assert_eq!(error["kind"], "timeout", "{error}");
    assert_eq!(error["status"], Value::Null);
    assert_eq!(sends_received().await, 1);
}

#[wasm_bindgen_test]
async fn a_broken_connection_is_a_network_error_and_not_resent() {
    reset().await;
    standin("POST", "/__standin/fault", json!({"kind": "reset"})).await;
    let error = send(&client(KEY, STANDIN, 5_000), request())
        .await
        .unwrap_err();
    assert_eq!(error["kind"], "network", "{error}");
    assert_eq!(sends_received().await, 1);
    // Port 9 (discard) is closed on loopback: the connection is refused.
    let refused = send(&client(KEY, "http://127.0.0.1:9", 5_000), request())
        .await
        .unwrap_err();
    assert_eq!(refused["kind"], "network", "{refused}");
}

#[wasm_bindgen_test]
fn the_client_checks_its_options_and_hides_its_key() {
    for options in [
        "undefined",
        "{}",
        r#"{ apiKey: "" }"#,
        r#"{ apiKey: "sk-LEAK-CANARY-1234", baseUrl: "ftp://x" }"#,
        r#"{ apiKey: "sk-LEAK-CANARY-1234", timeoutMs: -1 }"#,
    ] {
        let error = SmsPartnerClient::new(js(options)).err().unwrap();
        let described = describe(&error);
        assert!(described.contains("\"kind\":\"validation\""), "{described}");
        assert!(!described.contains("LEAK-CANARY"), "{described}");
    }
    let client = client("sk-LEAK-CANARY-1234", "https://api.smspartner.fr/", 1000);
    assert_eq!(client.base_url(), "https://api.smspartner.fr");
    let shown = JSON::stringify(&JsValue::from(client))
        .unwrap()
        .as_string()
        .unwrap_or_default();
    assert!(!shown.contains("LEAK-CANARY"), "{shown}");
}

/// Every code of SMS Partner's send table, `(code, reason, field)`.
const DOCUMENTED_CODES: [(i64, &str, Option<&str>); 30] = [
    (1, "api_key_required", Some("apiKey")),
    (2, "phone_numbers_required", Some("phoneNumbers")),
    (4, "message_not_found", None),
    (9, "constraints_failed", None),
    (10, "api_key_invalid", Some("apiKey")),
    (11, "not_enough_credits", None),
    (13, "no_price_for_numbers", Some("phoneNumbers")),
    (14, "number_in_stop_list", Some("phoneNumbers")),
    (15, "number_already_listed", Some("phoneNumbers")),
    (20, "account_disabled", None),
    (22, "outside_marketing_hours", Some("time")),
    (
        23,
        "marketing_day_not_allowed",
        Some("scheduledDeliveryDate"),
    ),
    (30, "account_blocked", None),
    (40, "api_access_denied", None),
    (42, "low_cost_too_long", Some("message")),
    (43, "message_required", Some("message")),
    (44, "sender_invalid", Some("sender")),
    (45, "schedule_date_required", Some("scheduledDeliveryDate")),
    (46, "time_required", Some("time")),
    (47, "minute_invalid", Some("minute")),
    (48, "minute_out_of_range", Some("minute")),
    (49, "schedule_date_invalid", Some("scheduledDeliveryDate")),
    (50, "too_many_phone_numbers", Some("phoneNumbers")),
    (51, "low_cost_not_allowed", Some("gamme")),
    (52, "too_many_sms", Some("message")),
    (55, "no_phone_number", Some("phoneNumbers")),
    (90, "json_malformed", None),
    (96, "ip_not_allowed", None),
    (500, "queue_failed", None),
    (992, "sender_not_allowed", Some("sender")),
];

#[wasm_bindgen_test]
async fn every_documented_code_comes_back_typed_and_is_never_resent() {
    for (code, reason, field) in DOCUMENTED_CODES {
        reset().await;
        // Armed for several calls: a resend would be answered and counted.
        standin(
            "POST",
            "/__standin/fault",
            json!({"kind": "code", "code": code, "times": 5, "asString": code == 992}),
        )
        .await;
        let error = send(&client(KEY, STANDIN, 5_000), request())
            .await
            .unwrap_err();
        assert_eq!(error["kind"], "api", "{code}: {error}");
        assert_eq!(error["code"], code, "{code}");
        assert_eq!(error["reason"], reason, "{code}");
        assert_eq!(error["field"], json!(field), "{code}");
        assert_eq!(error["mayHaveBeenSent"], false, "{code}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(sends_received().await, 1, "{code}");
    }
}

#[wasm_bindgen_test]
async fn the_rules_the_standin_enforces_come_back_typed_or_are_caught_first() {
    reset().await;
    standin(
        "POST",
        "/v1/stop-sms/add",
        json!({"apiKey": KEY, "phoneNumber": "+33612345678"}),
    )
    .await;
    let stopped = send(&client(KEY, STANDIN, 5_000), request())
        .await
        .unwrap_err();
    assert_eq!(
        (&stopped["code"], &stopped["reason"], &stopped["field"]),
        (
            &json!(14),
            &json!("number_in_stop_list"),
            &json!("phoneNumbers")
        )
    );
    assert_eq!(sends_received().await, 1);
    // Too long, low cost of two SMS, a tag with capitals: refused before any call.
    reset().await;
    for (request, code) in [
        (
            format!(
                r#"{{ phoneNumbers: "0612345678", message: "{}" }}"#,
                "a".repeat(1531)
            ),
            "message_too_long",
        ),
        (
            format!(
                r#"{{ phoneNumbers: "0612345678", message: "{}", gamme: 2 }}"#,
                "a".repeat(161)
            ),
            "low_cost_too_long",
        ),
        (
            r#"{ phoneNumbers: "0612345678", message: "x", tag: "Promo" }"#.to_owned(),
            "tag_not_lowercase",
        ),
    ] {
        let error = send(&client(KEY, STANDIN, 5_000), js(&request))
            .await
            .unwrap_err();
        assert_eq!(error["kind"], "validation");
        assert_eq!(error["errors"][0]["code"], code);
        assert_eq!(error["mayHaveBeenSent"], false);
    }
    assert_eq!(sends_received().await, 0);
    // 10 SMS and a € written as :euro: on the wire.
    let sent = send(
        &client(KEY, STANDIN, 5_000),
        js(&format!(
            r#"{{ phoneNumbers: "0612345678", message: "{}€", sandbox: 1 }}"#,
            "a".repeat(1528)
        )),
    )
    .await
    .unwrap();
    assert_eq!(sent["nbSms"], 10.0);
    let messages = standin("GET", "/__standin/messages", Value::Null).await;
    assert!(
        messages[0]["body"]["message"]
            .as_str()
            .unwrap()
            .ends_with("a:euro:")
    );
}
