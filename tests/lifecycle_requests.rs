//! The requests of the lifecycle calls: URL, method, query or JSON body, and the key's place.

use serde_json::{Value, json};
use smspartner_wasm::ApiKey;
use smspartner_wasm::InputValue;
use smspartner_wasm::RawRequest;
use smspartner_wasm::ValidateOptions;
use smspartner_wasm::{
    BulkPlan, BulkRun, CHUNK_SIZE, ChunkState, RawBulk, RawMessage, RawMessages, bulk_request,
    decode_bulk, plan_bulk,
};
use smspartner_wasm::{CANCEL_DEADLINE_MS, cancel_request, check_deadline};
use smspartner_wasm::{ErrorKind, SmsPartnerError};
use smspartner_wasm::{Json, WireRequest};
use smspartner_wasm::{JsonHost, invalid_field, read_message_id, read_phone_number};
use smspartner_wasm::{
    StatusQuery, bulk_status_request, message_status_request, multi_status_request,
    status_by_tag_request, status_tag,
};
use smspartner_wasm::{
    add_to_stop_list_request, credits_request, remove_from_stop_list_request, stop_list_request,
};

const BASE: &str = "https://api.smspartner.fr";
const KEY: &str = "k3y/SECRET+0123&x=1";

fn key() -> ApiKey {
    ApiKey::new(KEY).unwrap()
}

fn body(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn text(s: &str) -> InputValue {
    InputValue::Text(s.to_owned())
}

/// 2030-06-03 10:00 UTC, a Monday.
const NOW_MS: i64 = 1_906_538_400_000;

#[test]
fn get_calls_put_the_key_and_parameters_in_the_query_percent_encoded() {
    let query = StatusQuery {
        message_id: "48213".into(),
        phone_number: "+33611111111".into(),
    };
    let http = message_status_request(BASE, &key(), &query);
    assert_eq!(http.method, "GET");
    assert_eq!(
        http.url,
        "https://api.smspartner.fr/v1/message-status?apiKey=k3y%2FSECRET%2B0123%26x%3D1&messageId=48213&phoneNumber=%2B33611111111"
    );
    assert!(http.body.is_empty());
    assert_eq!(
        bulk_status_request(BASE, &key(), "48213").url,
        format!("{BASE}/v1/bulk-status?apiKey=k3y%2FSECRET%2B0123%26x%3D1&messageId=48213")
    );
    assert_eq!(
        status_by_tag_request(BASE, &key(), "promo-été").url,
        format!(
            "{BASE}/v1/bulk-status-by-tag?apiKey=k3y%2FSECRET%2B0123%26x%3D1&tag=promo-%C3%A9t%C3%A9"
        )
    );
    assert_eq!(
        cancel_request(BASE, &key(), "307").url,
        format!("{BASE}/v1/message-cancel?apiKey=k3y%2FSECRET%2B0123%26x%3D1&messageId=307")
    );
    assert_eq!(
        credits_request(BASE, &key()).url,
        format!("{BASE}/v1/me?apiKey=k3y%2FSECRET%2B0123%26x%3D1")
    );
    assert_eq!(
        stop_list_request(BASE, &key()).url,
        format!("{BASE}/v1/stop-sms/list?apiKey=k3y%2FSECRET%2B0123%26x%3D1")
    );
    assert_eq!(
        remove_from_stop_list_request(BASE, &key(), "19").url,
        format!("{BASE}/v1/stop-sms/delete?apiKey=k3y%2FSECRET%2B0123%26x%3D1&id=19")
    );
}

#[test]
fn the_debug_of_a_get_hides_the_key_in_the_query() {
    let http = credits_request(BASE, &key());
    let debug = format!("{http:?}");
    assert!(!debug.contains("SECRET"), "{debug}");
    assert!(debug.contains("/v1/me?apiKey=[redacted]"), "{debug}");
    let http = cancel_request(BASE, &key(), "307");
    let debug = format!("{http:?}");
    assert!(
        !debug.contains("SECRET") && debug.contains("messageId=307"),
        "{debug}"
    );
}

#[test]
fn post_calls_send_json_with_the_key_first() {
    let queries = [
        StatusQuery {
            message_id: "48213".into(),
            phone_number: "+33611111111".into(),
        },
        StatusQuery {
            message_id: "1000".into(),
            phone_number: "+33622222222".into(),
        },
    ];
    let http = multi_status_request(BASE, &key(), &queries, JsonHost::SERDE_JSON).unwrap();
    assert_eq!(http.method, "POST");
    assert_eq!(http.url, format!("{BASE}/v1/multi-status"));
    assert!(http.headers.contains(&("Content-Type", "application/json")));
    assert!(http.body.starts_with(r#"{"apiKey":"#));
    assert_eq!(
        body(&http.body),
        json!({ "apiKey": KEY, "SMSStatut_List": [
            { "phoneNumber": "+33611111111", "messageId": "48213" },
            { "phoneNumber": "+33622222222", "messageId": "1000" }] })
    );
    assert!(!format!("{http:?}").contains("SECRET"));
    let http =
        add_to_stop_list_request(BASE, &key(), "+33611111111", JsonHost::SERDE_JSON).unwrap();
    assert_eq!(
        (http.method, http.url.as_str()),
        ("POST", "https://api.smspartner.fr/v1/stop-sms/add")
    );
    assert_eq!(
        body(&http.body),
        json!({ "apiKey": KEY, "phoneNumber": "+33611111111" })
    );
}

#[test]
fn the_bulk_body_has_the_list_and_the_batch_options() {
    let options = WireRequest {
        sender: Some("Boutique".into()),
        tag: Some("soldes".into()),
        scheduled_delivery_date: Some("21/10/2030".into()),
        time: Some(9),
        minute: Some(0),
        is_stop_sms: Some(1),
        sandbox: Some(1),
        ..WireRequest::default()
    };
    let messages = vec![
        ("+33611111111".to_owned(), "Bonjour \"Zoé\"".to_owned()),
        ("+33622222222".to_owned(), "Bonjour Léo".to_owned()),
    ];
    let http = bulk_request(BASE, &key(), &options, &messages, JsonHost::SERDE_JSON).unwrap();
    assert_eq!(
        (http.method, http.url.as_str()),
        ("POST", "https://api.smspartner.fr/v1/bulk-send")
    );
    assert_eq!(
        body(&http.body),
        json!({ "apiKey": KEY,
            "SMSList": [
                { "phoneNumber": "+33611111111", "message": "Bonjour \"Zoé\"" },
                { "phoneNumber": "+33622222222", "message": "Bonjour Léo" }],
            "sender": "Boutique", "tag": "soldes", "scheduledDeliveryDate": "21/10/2030",
            "time": 9, "minute": 0, "isStopSms": 1, "sandbox": 1 })
    );
}

fn item(phone: &str, message: &str) -> RawMessage {
    RawMessage::Item {
        phone_number: text(phone),
        message: text(message),
    }
}

fn raw_bulk(messages: Vec<RawMessage>) -> RawBulk {
    let options = RawRequest {
        sender: text("Boutique"),
        sandbox: InputValue::Number(1.0),
        ..RawRequest::default()
    };
    RawBulk {
        options,
        messages: RawMessages::List(messages),
    }
}

fn fields(issues: &[smspartner_wasm::Issue]) -> Vec<(String, String)> {
    issues
        .iter()
        .map(|i| (i.field.to_string(), i.code.to_string()))
        .collect()
}

#[test]
fn bulk_validation_checks_every_message_and_names_its_index() {
    let options = ValidateOptions {
        require_api_key: false,
        ..ValidateOptions::at(NOW_MS)
    };
    let ok = plan_bulk(
        &raw_bulk(vec![
            item("06 11 11 11 11", "Bonjour"),
            item("+33 6 22 22 22 22", "Salut"),
        ]),
        &options,
    )
    .unwrap();
    assert_eq!(
        ok.messages,
        vec![
            ("+33611111111".into(), "Bonjour".into()),
            ("+33622222222".into(), "Salut".into())
        ]
    );
    assert_eq!(ok.options.sender.as_deref(), Some("Boutique"));
    assert_eq!(ok.options.sandbox, Some(1));
    assert!(ok.options.phone_numbers.is_empty() && ok.options.message.is_empty());

    let mut bad = raw_bulk(vec![
        item("06 11 11 11 11", "Bonjour"),
        item("12", "Salut"),
        item("0611111111, 0622222222", "Deux"),
        RawMessage::NotAnObject("string"),
        item("0633333333", ""),
    ]);
    bad.options.sender = text("AB");
    let errors = plan_bulk(&bad, &options).unwrap_err();
    assert_eq!(
        fields(&errors),
        vec![
            ("sender".into(), "sender_too_short".into()),
            (
                "messages[1].phoneNumber".into(),
                "phone_number_invalid".into()
            ),
            (
                "messages[2].phoneNumber".into(),
                "too_many_phone_numbers".into()
            ),
            ("messages[3]".into(), "invalid_type".into()),
            ("messages[4].message".into(), "message_required".into()),
        ],
        "{errors:?}"
    );
}

#[test]
fn bulk_validation_refuses_what_is_not_a_list_and_numbers_at_the_top() {
    let options = ValidateOptions {
        require_api_key: false,
        ..ValidateOptions::at(NOW_MS)
    };
    let mut raw = raw_bulk(vec![]);
    assert_eq!(
        fields(&plan_bulk(&raw, &options).unwrap_err()),
        vec![("messages".into(), "messages_required".into())]
    );
    raw.messages = RawMessages::NotAList("undefined");
    assert_eq!(
        fields(&plan_bulk(&raw, &options).unwrap_err()),
        vec![("messages".into(), "messages_required".into())]
    );
    raw.messages = RawMessages::NotAList("string");
    assert_eq!(
        fields(&plan_bulk(&raw, &options).unwrap_err()),
        vec![("messages".into(), "invalid_type".into())]
    );
    raw.messages = RawMessages::TooMany(100_001);
    assert_eq!(
        fields(&plan_bulk(&raw, &options).unwrap_err()),
        vec![("messages".into(), "too_many_messages".into())]
    );
    let mut raw = raw_bulk(vec![item("0611111111", "x")]);
    raw.options.phone_numbers = text("0611111111");
    assert_eq!(
        fields(&plan_bulk(&raw, &options).unwrap_err()),
        vec![("phoneNumbers".into(), "unknown_field".into())]
    );
}

fn next(run: &mut BulkRun) -> (usize, smspartner_wasm::HttpRequest) {
    let (index, http) = run
        .next_request(BASE, &key(), JsonHost::SERDE_JSON)
        .unwrap();
    (index, http.unwrap())
}

fn plan_of(n: usize) -> BulkPlan {
    BulkPlan {
        options: WireRequest {
            sandbox: Some(1),
            ..WireRequest::default()
        },
        messages: (0..n)
            .map(|i| (format!("+336{:08}", i), format!("m{i}")))
            .collect(),
    }
}

fn sent(n: u64) -> Result<smspartner_wasm::BulkAnswer, SmsPartnerError> {
    let answer = json!({ "success": true, "code": 200, "message_id": n, "currency": "EUR",
        "cost": 0.038, "nbSMS": 1, "SMSResponse_List": [] });
    decode_bulk(200, Some(Json::from(&answer)), &key())
}

#[test]
fn chunks_hold_at_most_500_and_go_one_after_the_other() {
    let mut run = BulkRun::new(plan_of(1201));
    assert_eq!(run.total(), 3);
    let (index, http) = next(&mut run);
    assert_eq!(index, 0);
    let list = &body(&http.body)["SMSList"];
    assert_eq!(list.as_array().unwrap().len(), CHUNK_SIZE);
    assert_eq!(list[0]["phoneNumber"], "+33600000000");
    run.record(0, sent(1));
    let (index, http) = next(&mut run);
    assert_eq!(index, 1);
    assert_eq!(body(&http.body)["SMSList"][0]["message"], "m500");
    run.record(1, sent(2));
    let (index, http) = next(&mut run);
    assert_eq!(index, 2);
    assert_eq!(body(&http.body)["SMSList"].as_array().unwrap().len(), 201);
    run.record(2, sent(3));
    assert!(
        run.next_request(BASE, &key(), JsonHost::SERDE_JSON)
            .is_none()
    );
    let result = run.result();
    assert!(result.complete);
    assert_eq!(result.nb_sms, 3.0);
    assert_eq!(result.cost, 0.114);
    assert_eq!(result.currency.as_deref(), Some("EUR"));
    let value = serde_json::to_value(&result).unwrap();
    assert_eq!(value["chunks"][2]["from"], 1000);
    assert_eq!(value["chunks"][2]["count"], 201);
    assert_eq!(value["chunks"][1]["state"], "sent");
    assert_eq!(value["chunks"][1]["messageId"], 2);
}

#[test]
fn after_an_unknown_chunk_nothing_more_is_sent_and_a_failed_one_does_not_stop() {
    let mut run = BulkRun::new(plan_of(2000));
    let (i, _) = next(&mut run);
    let refused = SmsPartnerError {
        code: Some(11),
        ..SmsPartnerError::new(ErrorKind::Api, "not enough credits")
    };
    assert_eq!(
        run.record(i, Err(refused)).unwrap().state,
        ChunkState::Failed
    );
    let (i, _) = next(&mut run);
    run.record(i, sent(7));
    let (i, _) = next(&mut run);
    assert_eq!(i, 2);
    let lost = SmsPartnerError::new(ErrorKind::Timeout, "no answer");
    assert_eq!(run.record(i, Err(lost)).unwrap().state, ChunkState::Unknown);
    assert!(
        run.next_request(BASE, &key(), JsonHost::SERDE_JSON)
            .is_none()
    );
    assert!(
        run.next_request(BASE, &key(), JsonHost::SERDE_JSON)
            .is_none()
    );
    let result = run.result();
    assert!(!result.complete);
    let states: Vec<ChunkState> = result.chunks.iter().map(|c| c.state).collect();
    assert_eq!(
        states,
        [
            ChunkState::Failed,
            ChunkState::Sent,
            ChunkState::Unknown,
            ChunkState::NotAttempted
        ]
    );
    assert_eq!(result.nb_sms, 1.0);
    let value = serde_json::to_value(&result).unwrap();
    assert_eq!(value["chunks"][3]["state"], "notAttempted");
    assert_eq!(value["chunks"][2]["error"]["kind"], "timeout");
    assert_eq!(value["chunks"][0]["error"]["code"], 11);
    // An answer SMS Partner does not document is unknown too: it may have been sent.
    let mut run = BulkRun::new(plan_of(600));
    let (i, _) = next(&mut run);
    let odd = decode_bulk(200, Some(Json::from(&json!({ "hello": "world" }))), &key());
    assert_eq!(run.record(i, odd).unwrap().state, ChunkState::Unknown);
    assert!(
        run.next_request(BASE, &key(), JsonHost::SERDE_JSON)
            .is_none()
    );
    // A 429 is a refusal: that chunk failed, nothing of it left, and the next one goes.
    let mut run = BulkRun::new(plan_of(600));
    let (i, _) = next(&mut run);
    let limited = json!({ "code": 429, "message": "Too Many Requests" });
    let limited = decode_bulk(429, Some(Json::from(&limited)), &key());
    assert_eq!(run.record(i, limited).unwrap().state, ChunkState::Failed);
    assert_eq!(next(&mut run).0, 1);
}

#[test]
fn message_ids_phone_numbers_and_tags_as_arguments() {
    assert_eq!(
        read_message_id(&InputValue::Number(307.0), "messageId").unwrap(),
        "307"
    );
    assert_eq!(
        read_message_id(&text(" 48213 "), "messageId").unwrap(),
        "48213"
    );
    for bad in [
        InputValue::Number(0.0),
        InputValue::Number(1.5),
        InputValue::Number(f64::NAN),
        text("1 2"),
        text("a&b"),
        InputValue::Bool(true),
    ] {
        assert_eq!(
            read_message_id(&bad, "messageId").unwrap_err().code,
            "message_id_invalid",
            "{bad:?}"
        );
    }
    assert_eq!(
        read_message_id(&InputValue::Absent, "messageId")
            .unwrap_err()
            .code,
        "message_id_required"
    );
    assert_eq!(
        read_phone_number(&text("06 11 11 11 11"), "phoneNumber").unwrap(),
        "+33611111111"
    );
    assert_eq!(
        read_phone_number(&text("12"), "phoneNumber")
            .unwrap_err()
            .code,
        "phone_number_invalid"
    );
    assert_eq!(
        read_phone_number(&InputValue::Null, "phoneNumber")
            .unwrap_err()
            .code,
        "phone_numbers_required"
    );
    assert_eq!(
        read_phone_number(&InputValue::Number(6.0), "phoneNumber")
            .unwrap_err()
            .code,
        "invalid_type"
    );
    assert_eq!(status_tag(&text("soldes-2030")).unwrap(), "soldes-2030");
    assert_eq!(
        status_tag(&InputValue::Absent).unwrap_err()[0].code,
        "tag_required"
    );
    assert_eq!(
        status_tag(&text("a b")).unwrap_err()[0].code,
        "tag_invalid_characters"
    );
    assert_eq!(
        status_tag(&text(&"t".repeat(21))).unwrap_err()[0].code,
        "tag_too_long"
    );
}

#[test]
fn argument_errors_never_quote_the_key() {
    let issue = read_phone_number(&text(KEY), "phoneNumber").unwrap_err();
    let error = invalid_field(vec![issue], &key());
    assert_eq!(error.kind, ErrorKind::Validation);
    let shown = format!(
        "{error} {error:?} {}",
        serde_json::to_string(&error).unwrap()
    );
    assert!(!shown.contains(KEY), "{shown}");
}

#[test]
fn cancel_is_refused_locally_inside_the_last_five_minutes() {
    let at = NOW_MS + CANCEL_DEADLINE_MS;
    assert!(
        check_deadline(at, NOW_MS).is_ok(),
        "exactly 5 minutes before is in time"
    );
    let error = check_deadline(at - 1, NOW_MS).unwrap_err();
    assert_eq!(
        (error.kind, error.reason),
        (ErrorKind::Validation, Some("too_late"))
    );
    assert_eq!(
        check_deadline(NOW_MS + 1, NOW_MS).unwrap_err().reason,
        Some("too_late")
    );
    assert_eq!(
        check_deadline(NOW_MS, NOW_MS).unwrap_err().reason,
        Some("already_sent")
    );
    assert_eq!(
        check_deadline(NOW_MS - 60_000, NOW_MS).unwrap_err().reason,
        Some("already_sent")
    );
    assert!(check_deadline(NOW_MS + 86_400_000, NOW_MS).is_ok());
    assert!(check_deadline(i64::MIN, i64::MAX).is_err());
}
