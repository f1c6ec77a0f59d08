//! The lifecycle methods of `SmsPartnerClient` and `parseReplyWebhook` against the stand-in.
//!
//! Runs in Node, in a headless Chromium page and in a dedicated worker (see `scripts/test`),
//! against the stand-in at `SMSPARTNER_STANDIN_URL` with the key `test-key`. Every test checks
//! the calls the stand-in received: nothing is ever sent twice, nothing when invalid.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use serde_json::{Value, json};
use smspartner_wasm::bindings::{SmsPartnerClient, parse_reply_webhook};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

#[path = "common/standin.rs"]
mod common;
use common::{KEY, STANDIN, as_json, reset, standin};
const CANARY: &str = "sk-LEAK-CANARY-lifecycle";

#[wasm_bindgen(inline_js = r#"
export function outcome(promise) {
  const shown = (error) => JSON.stringify({ name: error.name, message: error.message, kind: error.kind,
    status: error.status, code: error.code, reason: error.reason, errors: error.errors, isError: error instanceof Error });
  return promise.then((value) => JSON.stringify({ ok: true, value }), (error) => JSON.stringify({ ok: false, error: JSON.parse(shown(error)) }));
}
export function js(source) { return (0, eval)("(" + source + ")"); }
export function recorder() {
  const seen = [];
  return { seen, onProgress: (progress) => { seen.push({ index: progress.chunk.index, state: progress.chunk.state,
    done: progress.done, total: progress.total, errorIsError: progress.chunk.error instanceof Error }); throw new Error("ignored"); } };
}
export function messages(n, from) {
  return Array.from({ length: n }, (_, i) => ({ phoneNumber: "+336" + String(from + i).padStart(8, "0"), message: "Bonjour n°" + i }));
}
export function revokedProxy() { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }
"#)]
extern "C" {
    fn outcome(promise: &js_sys::Promise) -> js_sys::Promise;
    fn js(source: &str) -> JsValue;
    fn recorder() -> JsValue;
    fn messages(n: u32, from: u32) -> JsValue;
    #[wasm_bindgen(js_name = revokedProxy)]
    fn revoked_proxy() -> JsValue;
}

async fn calls(path: &str) -> u64 {
    standin("GET", "/__standin/requests", Value::Null).await["byPath"][path]
        .as_u64()
        .unwrap_or(0)
}

fn client_with(key: &str) -> SmsPartnerClient {
    let options = js(&format!(
        "{{ apiKey: {key:?}, baseUrl: {STANDIN:?}, timeoutMs: 5000 }}"
    ));
    SmsPartnerClient::new(options).unwrap_or_else(|_| panic!("client"))
}

fn client() -> SmsPartnerClient {
    client_with(KEY)
}

/// Awaits a method's promise: `Ok(answer)` or `Err(error as JSON)`, never with the key in it.
async fn answer(promise: js_sys::Promise) -> Result<Value, Value> {
    let text = JsFuture::from(outcome(&promise))
        .await
        .unwrap()
        .as_string()
        .unwrap();
    assert!(
        !text.contains(CANARY) && !text.contains("LEAK-CANARY"),
        "{text}"
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    if value["ok"] == true {
        Ok(value["value"].clone())
    } else {
        let error = value["error"].clone();
        assert_eq!(
            (error["name"].as_str(), error["isError"].as_bool()),
            (Some("SmsPartnerError"), Some(true)),
            "{error}"
        );
        Err(error)
    }
}

#[wasm_bindgen_test]
async fn send_bulk_sends_one_chunk_and_reports_each_number() {
    reset().await;
    let progress = recorder();
    let options = js("{}");
    Reflect::set(
        &options,
        &"onProgress".into(),
        &Reflect::get(&progress, &"onProgress".into()).unwrap(),
    )
    .unwrap();
    let request = js(
        r#"{ messages: [{ phoneNumber: "06 11 11 11 11", message: "Bonjour Zoé" },
        { phoneNumber: "+33 6 22 22 22 22", message: "Bonjour Léo" }], sender: "Boutique", tag: "soldes" }"#,
    );
    let result = answer(client().send_bulk(request, Some(options)))
        .await
        .unwrap();
    assert_eq!(result["complete"], true);
    assert_eq!(
        (result["nbSms"].as_f64(), result["cost"].as_f64()),
        (Some(2.0), Some(0.076))
    );
    assert_eq!(result["currency"], "EUR");
    let chunk = &result["chunks"][0];
    assert_eq!(
        (
            chunk["state"].as_str(),
            chunk["from"].as_u64(),
            chunk["count"].as_u64()
        ),
        (Some("sent"), Some(0), Some(2))
    );
    assert_eq!(chunk["messageId"], 1);
    assert_eq!(chunk["error"], Value::Null);
    assert_eq!(
        chunk["results"],
        json!([
            { "phoneNumber": "+33611111111", "success": true, "code": 200, "nbSms": 1, "cost": 0.038 },
            { "phoneNumber": "+33622222222", "success": true, "code": 200, "nbSms": 1, "cost": 0.038 }])
    );
    assert_eq!(
        as_json(&Reflect::get(&progress, &"seen".into()).unwrap()),
        json!([{ "index": 0, "state": "sent", "done": 1, "total": 1, "errorIsError": false }])
    );
    let stored = standin("GET", "/__standin/messages", Value::Null).await;
    assert_eq!(stored[0]["kind"], "bulk");
    assert_eq!(stored[0]["recipients"][1]["message"], "Bonjour Léo");
    assert_eq!(stored[0]["body"]["sender"], "Boutique");
    assert_eq!(calls("/v1/bulk-send").await, 1);
}

#[wasm_bindgen_test]
async fn send_bulk_checks_every_message_before_any_call() {
    reset().await;
    let request = js(
        r#"{ messages: [{ phoneNumber: "0611111111", message: "ok" }, { phoneNumber: "12", message: "x" }, "nope"] }"#,
    );
    let error = answer(client().send_bulk(request, None)).await.unwrap_err();
    assert_eq!(error["kind"], "validation");
    let fields: Vec<&str> = error["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["messages[1].phoneNumber", "messages[2]"]);
    for bad in [
        r#"{ messages: "0611111111" }"#,
        "{}",
        "null",
        r#"{ messages: [], sandbox: 1 }"#,
    ] {
        let error = answer(client().send_bulk(js(bad), None)).await.unwrap_err();
        assert_eq!(error["kind"], "validation", "{bad}");
    }
    let hostile = js("{}");
    Reflect::set(&hostile, &"messages".into(), &revoked_proxy()).unwrap();
    assert_eq!(
        answer(client().send_bulk(hostile, None)).await.unwrap_err()["kind"],
        "validation"
    );
    let not_a_function = js(r#"{ onProgress: 3 }"#);
    let error = answer(client().send_bulk(
        js(r#"{ messages: [{ phoneNumber: "0611111111", message: "x" }] }"#),
        Some(not_a_function),
    ))
    .await
    .unwrap_err();
    assert_eq!(error["errors"][0]["code"], "option_invalid");
    assert_eq!(calls("/v1/bulk-send").await, 0);
}

fn bulk_of(n: u32) -> JsValue {
    let request = js("{ sandbox: 1 }");
    Reflect::set(&request, &"messages".into(), &messages(n, 0)).unwrap();
    request
}

#[wasm_bindgen_test]
async fn send_bulk_stops_after_an_unknown_chunk_and_goes_on_after_a_refused_one() {
    reset().await;
    standin(
        "POST",
        "/__standin/fault",
        json!({ "kind": "unexpected200" }),
    )
    .await;
    let progress = recorder();
    let options = js("{}");
    Reflect::set(
        &options,
        &"onProgress".into(),
        &Reflect::get(&progress, &"onProgress".into()).unwrap(),
    )
    .unwrap();
    let result = answer(client().send_bulk(bulk_of(1001), Some(options)))
        .await
        .unwrap();
    let states: Vec<&str> = result["chunks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["unknown", "notAttempted", "notAttempted"]);
    assert_eq!(result["complete"], false);
    assert_eq!(result["chunks"][0]["error"]["kind"], "http");
    assert_eq!(calls("/v1/bulk-send").await, 1);
    assert_eq!(
        as_json(&Reflect::get(&progress, &"seen".into()).unwrap()),
        json!([{ "index": 0, "state": "unknown", "done": 1, "total": 3, "errorIsError": true }])
    );

    reset().await;
    standin("POST", "/__standin/fault", json!({ "kind": "reject" })).await;
    let result = answer(client().send_bulk(bulk_of(501), None))
        .await
        .unwrap();
    let chunks = result["chunks"].as_array().unwrap();
    assert_eq!(
        (chunks[0]["state"].as_str(), chunks[1]["state"].as_str()),
        (Some("failed"), Some("sent"))
    );
    assert_eq!(
        (
            chunks[0]["error"]["kind"].as_str(),
            chunks[0]["error"]["code"].as_u64()
        ),
        (Some("api"), Some(9))
    );
    assert_eq!(
        (chunks[1]["from"].as_u64(), chunks[1]["count"].as_u64()),
        (Some(500), Some(1))
    );
    assert_eq!(calls("/v1/bulk-send").await, 2);
    let stored = standin("GET", "/__standin/messages", Value::Null).await;
    assert_eq!(stored.as_array().unwrap().len(), 1);
    assert_eq!(stored[0]["recipients"][0]["phoneNumber"], "+33600000500");
}

#[wasm_bindgen_test]
async fn statuses_move_from_waiting_to_delivered_or_not() {
    reset().await;
    standin("POST", "/__standin/delivery", json!({ "outcome": "Delivered", "afterMs": 600000, "numbers": { "+33622222222": "Not delivered" } })).await;
    let request = js(
        r#"{ messages: [{ phoneNumber: "0611111111", message: "a" }, { phoneNumber: "0622222222", message: "b" }], tag: "rentree" }"#,
    );
    let sent = answer(client().send_bulk(request, None)).await.unwrap();
    let id = sent["chunks"][0]["messageId"].as_f64().unwrap();
    let query = js(&format!(
        r#"{{ messageId: {id}, phoneNumber: "06 11 11 11 11" }}"#
    ));
    let waiting = answer(client().message_status(query.clone()))
        .await
        .unwrap();
    assert_eq!(
        (waiting["status"].as_str(), waiting["phoneNumber"].as_str()),
        (Some("waiting"), Some("+33611111111"))
    );
    assert_eq!(waiting["messageId"], json!(id as u64));
    standin("POST", "/__standin/clock", json!({ "advanceMs": 600000 })).await;
    let delivered = answer(client().message_status(query)).await.unwrap();
    assert_eq!(
        (delivered["status"].as_str(), delivered["stopSms"].as_bool()),
        (Some("delivered"), Some(false))
    );
    assert!(
        delivered["at"].as_str().unwrap().ends_with('Z'),
        "{delivered}"
    );
    let all = answer(client().bulk_status(JsValue::from(id)))
        .await
        .unwrap();
    let seen: Vec<(&str, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["phoneNumber"].as_str().unwrap(),
                s["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("+33611111111", "delivered"),
            ("+33622222222", "notDelivered")
        ]
    );
    assert_eq!(all[0]["messageId"], json!(id as u64));
    let tagged = answer(client().status_by_tag("rentree".into()))
        .await
        .unwrap();
    assert_eq!(tagged.as_array().unwrap().len(), 2);
    let pairs = js(&format!(
        r#"[{{ messageId: "{id}", phoneNumber: "+33622222222" }}, {{ messageId: {id}, phoneNumber: "+33699999999" }}]"#
    ));
    let many = answer(client().multi_status(pairs)).await.unwrap();
    assert_eq!(
        (many[0]["status"].as_str(), many[1]["status"].as_str()),
        (Some("notDelivered"), Some("notFound"))
    );
    let missing = answer(client().bulk_status(JsValue::from(999)))
        .await
        .unwrap_err();
    assert_eq!(
        (missing["kind"].as_str(), missing["reason"].as_str()),
        (Some("api"), Some("message_not_found"))
    );
    let bad = answer(client().message_status(js(r#"{ messageId: "1 2", phoneNumber: "12" }"#)))
        .await
        .unwrap_err();
    let fields: Vec<&str> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["messageId", "phoneNumber"]);
    assert_eq!(
        answer(client().status_by_tag("A B".into()))
            .await
            .unwrap_err()["kind"],
        "validation"
    );
    assert_eq!(calls("/v1/message-status").await, 2);
}

#[wasm_bindgen_test]
async fn cancel_refuses_locally_inside_five_minutes_and_maps_each_refusal() {
    reset().await;
    standin(
        "POST",
        "/__standin/clock",
        json!({ "now": "2030-06-03T08:00:00Z" }),
    )
    .await;
    let scheduled = js(
        r#"{ phoneNumbers: "0611111111", message: "Plus tard", scheduledDeliveryDate: "03/06/2030", time: 10, minute: 30 }"#,
    );
    let sent = answer(client().send(scheduled, None)).await.unwrap();
    let id = JsValue::from(sent["messageId"].as_f64().unwrap());
    let late = js(r#"{ scheduledAt: "2030-06-03T08:30:00Z", now: "2030-06-03T08:25:00.001Z" }"#);
    let error = answer(client().cancel(id.clone(), Some(late)))
        .await
        .unwrap_err();
    assert_eq!(
        (error["kind"].as_str(), error["reason"].as_str()),
        (Some("validation"), Some("too_late"))
    );
    assert_eq!(calls("/v1/message-cancel").await, 0);
    let credits = answer(client().credits()).await.unwrap();
    assert_eq!(credits["toSend"], 1);
    let in_time =
        js(r#"{ scheduledAt: new Date("2030-06-03T08:30:00Z"), now: "2030-06-03T08:25:00Z" }"#);
    assert_eq!(
        answer(client().cancel(id.clone(), Some(in_time)))
            .await
            .unwrap(),
        json!({ "cancelled": true })
    );
    let again = answer(client().cancel(id, None)).await.unwrap_err();
    assert_eq!(
        (
            again["kind"].as_str(),
            again["code"].as_u64(),
            again["reason"].as_str()
        ),
        (Some("api"), Some(5), Some("already_cancelled"))
    );
    let now = answer(client().send(
        js(r#"{ phoneNumbers: "0611111111", message: "Tout de suite" }"#),
        None,
    ))
    .await
    .unwrap();
    let sent_already =
        answer(client().cancel(JsValue::from(now["messageId"].as_f64().unwrap()), None))
            .await
            .unwrap_err();
    assert_eq!(sent_already["reason"], "already_sent");
    let unknown = answer(client().cancel(JsValue::from(4242), None))
        .await
        .unwrap_err();
    assert_eq!(unknown["reason"], "message_not_found");
    let bad = answer(client().cancel(js(r#"{ id: 1 }"#), None))
        .await
        .unwrap_err();
    assert_eq!(bad["errors"][0]["code"], "message_id_invalid");
    let bad_option =
        answer(client().cancel(JsValue::from(1), Some(js(r#"{ scheduledAt: "soon" }"#))))
            .await
            .unwrap_err();
    assert_eq!(bad_option["errors"][0]["code"], "option_invalid");
    assert_eq!(calls("/v1/message-cancel").await, 4);
}

#[wasm_bindgen_test]
async fn credits_go_down_with_each_send_and_the_balance_is_a_number() {
    reset().await;
    let before = answer(client().credits()).await.unwrap();
    assert!(before["balance"].is_number(), "{before}");
    assert_eq!(before["currency"], "EUR");
    assert_eq!(before["user"]["username"], "standin");
    answer(client().send(
        js(r#"{ phoneNumbers: "0611111111, 0622222222", message: "x" }"#),
        None,
    ))
    .await
    .unwrap();
    let after = answer(client().credits()).await.unwrap();
    assert_eq!(
        before["creditSms"].as_f64().unwrap() - after["creditSms"].as_f64().unwrap(),
        2.0
    );
    assert!(after["balance"].as_f64().unwrap() < before["balance"].as_f64().unwrap());
    let refused = answer(client_with(CANARY).credits()).await.unwrap_err();
    assert_eq!(
        (refused["code"].as_u64(), refused["reason"].as_str()),
        (Some(10), Some("api_key_invalid"))
    );
}

#[wasm_bindgen_test]
async fn the_stop_list_adds_lists_and_removes() {
    reset().await;
    let added = answer(client().add_to_stop_list("06 11 11 11 11".into()))
        .await
        .unwrap();
    let id = added["id"].as_f64().unwrap();
    let duplicate = answer(client().add_to_stop_list("+33611111111".into()))
        .await
        .unwrap_err();
    assert_eq!(duplicate["reason"], "already_in_stop_list");
    let list = answer(client().stop_list()).await.unwrap();
    assert_eq!(list[0]["phoneNumber"], "+33611111111");
    assert_eq!(list[0]["id"], json!(id as u64));
    assert!(list[0]["createdAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        answer(client().remove_from_stop_list(JsValue::from(id)))
            .await
            .unwrap(),
        json!({ "removed": true })
    );
    let gone = answer(client().remove_from_stop_list(JsValue::from(id)))
        .await
        .unwrap_err();
    assert_eq!(gone["reason"], "stop_id_not_found");
    assert_eq!(answer(client().stop_list()).await.unwrap(), json!([]));
    let bad = answer(client().add_to_stop_list("12".into()))
        .await
        .unwrap_err();
    assert_eq!(
        (bad["kind"].as_str(), bad["errors"][0]["field"].as_str()),
        (Some("validation"), Some("phoneNumber"))
    );
    let pasted = answer(client_with(CANARY).add_to_stop_list(CANARY.into()))
        .await
        .unwrap_err();
    assert_eq!(pasted["kind"], "validation");
    assert_eq!(calls("/v1/stop-sms/add").await, 2);
}

#[wasm_bindgen_test]
fn parse_reply_webhook_reads_every_encoding_and_never_throws() {
    let form = "msisdn=33611111111&to=33700000000&messageId=0200000012345678&text=Oui%20merci&type=text&keyword=OUI&message-timestamp=2025-03-14%2010%3A51%3A46";
    let expected = json!({ "kind": "reply", "from": "+33611111111", "to": "+33700000000", "text": "Oui merci",
        "messageId": "0200000012345678", "receivedAt": "2025-03-14T09:51:46.000Z", "part": null });
    assert_eq!(as_json(&parse_reply_webhook(form.into())), expected);
    let params = js(&format!("new URLSearchParams({form:?})"));
    assert_eq!(as_json(&parse_reply_webhook(params)), expected);
    let short = js(
        r#"{ type: "response", phone_number: "+33611111111", text: "STOP", message_id: 48213 }"#,
    );
    let stop = as_json(&parse_reply_webhook(short));
    assert_eq!(
        (stop["kind"].as_str(), stop["messageId"].as_u64()),
        (Some("stop"), Some(48213))
    );
    let json_text = r#"{"msisdn":"33611111111","text":"suite","concat":"true","concat-ref":"7","concat-total":"2","concat-part":"2"}"#;
    assert_eq!(
        as_json(&parse_reply_webhook(json_text.into()))["part"],
        json!({ "ref": 7, "index": 2, "total": 2 })
    );
    for junk in [
        JsValue::NULL,
        JsValue::from(3),
        "{ not json".into(),
        "[1]".into(),
        revoked_proxy(),
        js("{ text: { deep: 1 }, msisdn: '33611111111' }"),
        js("[]"),
        "".into(),
    ] {
        let answer = as_json(&parse_reply_webhook(junk));
        assert_eq!(answer["kind"], "invalid", "{answer}");
        assert!(answer["reason"].is_string());
    }
}

#[wasm_bindgen_test]
async fn statistics_reads_months_as_numbers_and_checks_the_period_first() {
    reset().await;
    let client = client();
    answer(client.send(
        js(r#"{ phoneNumbers: "0611111111", message: "Bonjour" }"#),
        None,
    ))
    .await
    .unwrap();
    let months = answer(client.statistics(Some(js(r#"{ interval: "last_twelve_months" }"#))))
        .await
        .unwrap();
    let months = months.as_array().unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(months[0]["nbSend"], 1);
    assert!(months[0]["cost"].as_f64().unwrap() > 0.0);
    let error = answer(client.statistics(Some(js(
        r#"{ interval: "custom", from: "2026-12-31", to: "01-01-2026" }"#,
    ))))
    .await
    .unwrap_err();
    assert_eq!(error["kind"], "validation");
    assert_eq!(error["errors"][0]["code"], "date_range_reversed");
}
