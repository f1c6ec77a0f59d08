//! The reading of each lifecycle answer, with every inconsistency between SMS Partner's pages,
//! and of the reply webhook.

use serde_json::{Value, json};
use smspartner_wasm::ApiKey;
use smspartner_wasm::ErrorKind;
use smspartner_wasm::Json;
use smspartner_wasm::decode_bulk;
use smspartner_wasm::decode_cancel;
use smspartner_wasm::{Status, decode_message_status, decode_multi_status, decode_status_list};
use smspartner_wasm::{decode_credits, decode_stop_added, decode_stop_list, decode_stop_removed};
use smspartner_wasm::{form_fields, json_fields, parse_reply};

const KEY: &str = "k3y-SECRET-0123456789";

fn key() -> ApiKey {
    ApiKey::new(KEY).unwrap()
}

fn parsed(value: Value) -> Option<Json> {
    Some(Json::from(&value))
}

fn js<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn message_status_reads_statut_a_national_number_and_paris_time() {
    let answer = json!({"success": true, "code": 200, "number": "0611111111", "messageId": "48213",
        "stopSms": false, "date": "2025-03-14 10:42:07", "statut": "Delivered", "cost": 0.045,
        "countryCode": "FR", "currency": "EUR"});
    let status = decode_message_status(200, parsed(answer), &key()).unwrap();
    assert_eq!(
        js(&status),
        json!({ "messageId": 48213, "phoneNumber": "+33611111111", "status": "delivered",
            "statusText": "Delivered", "stopSms": false, "at": "2025-03-14T09:42:07.000Z",
            "cost": 0.045, "currency": "EUR" })
    );
    // Summer time: Paris is UTC+2.
    let answer = json!({"success": true, "code": 200, "number": "0611111111", "messageId": 7,
        "stopSms": true, "date": "2025-07-14 10:42:07", "statut": "waiting"});
    let status = decode_message_status(200, parsed(answer), &key()).unwrap();
    assert_eq!(status.at.as_deref(), Some("2025-07-14T08:42:07.000Z"));
    assert_eq!(
        (status.status, status.stop_sms),
        (Status::Waiting, Some(true))
    );
    assert_eq!((status.cost, status.currency), (None, None));
}

#[test]
fn message_status_errors_carry_their_reason() {
    let error = decode_message_status(
        200,
        parsed(json!({"success": false, "code": 4, "message": "Message introuvable"})),
        &key(),
    )
    .unwrap_err();
    assert_eq!(
        (error.kind, error.code, error.reason),
        (ErrorKind::Api, Some(4), Some("message_not_found"))
    );
    assert_eq!(error.message, "Message introuvable");
    let error = decode_message_status(
        401,
        parsed(json!({"success": false, "code": 10, "message": format!("bad key {KEY}")})),
        &key(),
    )
    .unwrap_err();
    assert_eq!(error.reason, Some("api_key_invalid"));
    assert!(!error.message.contains(KEY));
    let error = decode_message_status(200, parsed(json!({"success": true, "code": 200})), &key())
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Http);
    assert_eq!(
        decode_message_status(502, None, &key()).unwrap_err().kind,
        ErrorKind::Http
    );
}

#[test]
fn multi_status_reads_epoch_strings_string_flags_and_a_not_found_pair() {
    let answer = json!({"success": true, "code": 200, "StatutResponse_List": [
        {"success": true, "code": 200, "phoneNumber": "+33611111111", "messageId": 48213,
         "status": "Delivered", "date": "1741945327", "stopSms": "0", "isSpam": "0"},
        {"success": true, "code": 200, "phoneNumber": "+33633333333", "messageId": 48213,
         "status": "NOT DELIVERED", "date": 1741945390, "stopSms": "1"},
        {"success": false, "code": 4, "phoneNumber": "+33622222222", "messageId": 1000,
         "status": "Numéro introuvable"}]});
    let statuses = decode_multi_status(200, parsed(answer), &key()).unwrap();
    assert_eq!(
        js(&statuses),
        json!([
            { "messageId": 48213, "phoneNumber": "+33611111111", "status": "delivered",
              "statusText": "Delivered", "stopSms": false, "at": "2025-03-14T09:42:07.000Z",
              "cost": null, "currency": null },
            { "messageId": 48213, "phoneNumber": "+33633333333", "status": "notDelivered",
              "statusText": "NOT DELIVERED", "stopSms": true, "at": "2025-03-14T09:43:10.000Z",
              "cost": null, "currency": null },
            { "messageId": 1000, "phoneNumber": "+33622222222", "status": "notFound",
              "statusText": "Numéro introuvable", "stopSms": null, "at": null,
              "cost": null, "currency": null }])
    );
}

#[test]
fn bulk_status_gives_the_send_id_to_each_item_and_reads_stop_sms_capitalized() {
    let answer = json!({"success": true, "code": 200, "message_id": "48213", "StatutResponse_List": [
        {"phoneNumber": "+33611111111", "status": "Delivered", "stopSMS": false, "date": "1741945327"},
        {"phoneNumber": "+33622222222", "status": "Waiting", "stopSMS": true, "date": "1741945301"},
        {"phoneNumber": "+33644444444", "status": "ko", "stopSMS": 0, "date": "1741945301"},
        {"phoneNumber": "+33655555555", "status": "Lost in space", "stopSMS": "true"}]});
    let statuses = decode_status_list(200, parsed(answer), &key()).unwrap();
    let seen: Vec<(Json, Status, Option<bool>)> = statuses
        .iter()
        .map(|s| (s.message_id.clone(), s.status, s.stop_sms))
        .collect();
    assert_eq!(
        seen,
        vec![
            (Json::Number(48213.0), Status::Delivered, Some(false)),
            (Json::Number(48213.0), Status::Waiting, Some(true)),
            (Json::Number(48213.0), Status::Ko, Some(false)),
            (Json::Number(48213.0), Status::Unknown, Some(true)),
        ]
    );
    assert_eq!(statuses[3].status_text.as_deref(), Some("Lost in space"));
    assert_eq!(statuses[3].at, None);
}

#[test]
fn status_by_tag_has_no_message_id_and_an_empty_list_is_no_error() {
    let answer = json!({"success": true, "code": 200, "currentPage": 1, "total": 2, "StatutResponse_List": [
        {"phoneNumber": "+33611111111", "status": "Delivered", "stopSMS": false, "date": "1741945327"},
        {"phoneNumber": "+33622222222", "status": "Not delivered", "stopSMS": false, "date": "1741945390"}]});
    let statuses = decode_status_list(200, parsed(answer), &key()).unwrap();
    assert_eq!(statuses[0].message_id, Json::Null);
    assert_eq!(statuses[1].status, Status::NotDelivered);
    let empty =
        decode_status_list(200, parsed(json!({"success": true, "code": 200})), &key()).unwrap();
    assert!(empty.is_empty());
    let odd = decode_status_list(
        200,
        parsed(json!({"success": true, "StatutResponse_List": "x"})),
        &key(),
    );
    assert_eq!(odd.unwrap_err().kind, ErrorKind::Http);
}

#[test]
fn status_words_in_any_case() {
    for (word, status) in [
        ("Delivered", Status::Delivered),
        ("delivered", Status::Delivered),
        ("DELIVERED ", Status::Delivered),
        ("Not delivered", Status::NotDelivered),
        ("not delivered", Status::NotDelivered),
        ("Waiting", Status::Waiting),
        ("WAITING", Status::Waiting),
        ("ko", Status::Ko),
        ("KO", Status::Ko),
        ("DELIVRD", Status::Unknown),
    ] {
        assert_eq!(Status::from_word(word), status, "{word}");
    }
}

#[test]
fn cancel_maps_the_cancel_pages_codes() {
    let ok = json!({"success": true, "code": 200, "message": "L'envoi du SMS a été annulé."});
    assert_eq!(
        js(&decode_cancel(200, parsed(ok), &key()).unwrap()),
        json!({ "cancelled": true })
    );
    for (code, reason) in [
        (5, "already_cancelled"),
        (6, "too_late"),
        (7, "already_sent"),
        (4, "message_not_found"),
        (3, "message_id_required"),
        (10, "api_key_invalid"),
    ] {
        let error = decode_cancel(
            400,
            parsed(json!({"success": false, "code": code, "message": "non"})),
            &key(),
        )
        .unwrap_err();
        assert_eq!(
            (error.kind, error.code, error.reason),
            (ErrorKind::Api, Some(code), Some(reason))
        );
    }
}

#[test]
fn credits_read_the_balance_as_a_number() {
    let answer = json!({"success": true, "code": 200,
        "user": {"username": "ops@example.fr", "firstname": "Jeanne", "lastname": "Martin"},
        "credits": {"creditSms": 269082, "creditSmsECO": 444570, "creditHlr": 2045023, "toSend": 0,
                    "balance": "10225.119", "currency": "EUR"}});
    let credits = decode_credits(200, parsed(answer), &key()).unwrap();
    assert_eq!(
        js(&credits),
        json!({ "creditSms": 269082, "creditSmsEco": 444570, "creditHlr": 2045023, "toSend": 0,
            "balance": 10225.119, "currency": "EUR",
            "user": { "username": "ops@example.fr", "firstname": "Jeanne", "lastname": "Martin" } })
    );
    let numeric =
        json!({"success": true, "code": 200, "credits": {"balance": 12.5, "creditSms": "40"}});
    let credits = decode_credits(200, parsed(numeric), &key()).unwrap();
    assert_eq!(
        (credits.balance, credits.credit_sms, credits.user),
        (Some(12.5), Some(40.0), Json::Null)
    );
    let missing = decode_credits(200, parsed(json!({"success": true, "code": 200})), &key());
    assert_eq!(missing.unwrap_err().kind, ErrorKind::Http);
}

#[test]
fn stop_list_add_and_delete() {
    let list = json!({"success": true, "code": 200, "nbData": 2, "data": [
        {"id": 19, "phoneNumber": "+33611111111", "createdAt": "2025-03-14 10:19:45"},
        {"id": "20", "phoneNumber": "0622222222", "createdAt": "2025-08-01 00:00:00"}]});
    assert_eq!(
        js(&decode_stop_list(200, parsed(list), &key()).unwrap()),
        json!([
            { "id": 19, "phoneNumber": "+33611111111", "createdAt": "2025-03-14T09:19:45.000Z" },
            { "id": 20, "phoneNumber": "+33622222222", "createdAt": "2025-07-31T22:00:00.000Z" }])
    );
    let added = decode_stop_added(
        200,
        parsed(json!({"success": true, "code": 200, "stopId": 300})),
        &key(),
    )
    .unwrap();
    assert_eq!(js(&added), json!({ "id": 300 }));
    let duplicate = decode_stop_added(
        200,
        parsed(json!({"success": false, "code": 3, "message": "déjà"})),
        &key(),
    )
    .unwrap_err();
    assert_eq!(duplicate.reason, Some("already_in_stop_list"));
    let removed =
        decode_stop_removed(200, parsed(json!({"success": true, "code": 200})), &key()).unwrap();
    assert_eq!(js(&removed), json!({ "removed": true }));
    let missing =
        decode_stop_removed(200, parsed(json!({"success": false, "code": 4})), &key()).unwrap_err();
    assert_eq!(missing.reason, Some("stop_id_not_found"));
}

#[test]
fn bulk_answers_read_nb_sms_both_ways_and_ids_both_types() {
    let answer = json!({"success": true, "code": 200, "message_id": "48213", "currency": "EUR", "cost": 0.076, "nbSMS": 2,
        "SMSResponse_List": [
            {"success": true, "code": 200, "nbSms": 1, "cost": 0.038, "phoneNumber": "+33611111111"},
            {"success": false, "code": 14, "nbSms": 0, "cost": 0, "phoneNumber": "+33622222222"}]});
    let bulk = decode_bulk(200, parsed(answer), &key()).unwrap();
    assert_eq!(bulk.message_id, Json::Number(48213.0));
    assert_eq!(
        (bulk.nb_sms, bulk.cost, bulk.currency.as_deref()),
        (Some(2.0), Some(0.076), Some("EUR"))
    );
    assert_eq!(
        js(&bulk.results),
        json!([
            { "phoneNumber": "+33611111111", "success": true, "code": 200, "nbSms": 1, "cost": 0.038 },
            { "phoneNumber": "+33622222222", "success": false, "code": 14, "nbSms": 0, "cost": 0 }])
    );
    // The French page lists validation failures under `error`, the English one under `errors`.
    for list in ["error", "errors"] {
        let refused = json!({"success": false, "code": 9, list: [{"elementId": "children[minute].data", "message": "The minute is required"}]});
        let error = decode_bulk(400, parsed(refused), &key()).unwrap_err();
        assert_eq!((error.kind, error.code), (ErrorKind::Api, Some(9)));
        assert_eq!(error.errors[0].field, "minute");
    }
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_long_number_reply_from_form_fields() {
    let fields = form_fields(
        "msisdn=33611111111&to=33700000000&messageId=0200000012345678&text=Oui%20merci+bien&type=text&keyword=OUI&message-timestamp=2025-03-14%2010%3A51%3A46",
    );
    assert_eq!(
        js(&parse_reply(&fields, None)),
        json!({ "kind": "reply", "from": "+33611111111", "to": "+33700000000",
            "text": "Oui merci bien", "messageId": "0200000012345678",
            "receivedAt": "2025-03-14T09:51:46.000Z", "part": null })
    );
}

#[test]
fn a_short_number_reply_and_a_stop() {
    let fields =
        form_fields("?type=response&phone_number=%2B33611111111&text=Oui%20merci&message_id=48213");
    assert_eq!(
        js(&parse_reply(&fields, None)),
        json!({ "kind": "reply", "from": "+33611111111", "to": null, "text": "Oui merci",
            "messageId": 48213, "receivedAt": null, "part": null })
    );
    for text in ["STOP", "stop", " Stop.", "STOP merci"] {
        let fields = pairs(&[
            ("type", "response"),
            ("phone_number", "+33611111111"),
            ("text", text),
            ("message_id", "1"),
        ]);
        assert_eq!(js(&parse_reply(&fields, None))["kind"], "stop", "{text}");
    }
    let keyword = pairs(&[
        ("msisdn", "33611111111"),
        ("text", "stop!!"),
        ("keyword", "STOP"),
    ]);
    assert_eq!(js(&parse_reply(&keyword, None))["kind"], "stop");
    let not_stop = pairs(&[
        ("msisdn", "33611111111"),
        ("text", "Je ne veux pas stopper"),
    ]);
    assert_eq!(js(&parse_reply(&not_stop, None))["kind"], "reply");
}

#[test]
fn a_long_reply_in_parts() {
    let base = [
        ("msisdn", "33611111111"),
        ("to", "33700000000"),
        ("messageId", "0200000012345679"),
        ("type", "text"),
        ("message-timestamp", "2025-03-14 10:51:46"),
    ];
    let mut second = pairs(&base);
    second.extend(pairs(&[
        ("text", "la suite"),
        ("concat", "true"),
        ("concat-ref", "171"),
        ("concat-total", "2"),
        ("concat-part", "2"),
    ]));
    assert_eq!(
        js(&parse_reply(&second, None))["part"],
        json!({ "ref": 171, "index": 2, "total": 2 })
    );
    // A later piece that starts with "stop" is not an opt-out: the reply does not start there.
    let mut later = pairs(&base);
    later.extend(pairs(&[
        ("text", "stop"),
        ("concat", "true"),
        ("concat-ref", "171"),
        ("concat-total", "2"),
        ("concat-part", "2"),
    ]));
    assert_eq!(js(&parse_reply(&later, None))["kind"], "reply");
    let mut broken = pairs(&base);
    broken.extend(pairs(&[
        ("text", "x"),
        ("concat", "true"),
        ("concat-ref", "171"),
        ("concat-total", "2"),
        ("concat-part", "3"),
    ]));
    assert_eq!(js(&parse_reply(&broken, None))["kind"], "invalid");
    let mut missing = pairs(&base);
    missing.extend(pairs(&[
        ("text", "x"),
        ("concat", "true"),
        ("concat-total", "2"),
        ("concat-part", "1"),
    ]));
    let answer = js(&parse_reply(&missing, None));
    assert_eq!(answer["kind"], "invalid");
    assert!(
        answer["reason"].as_str().unwrap().contains("concat-ref"),
        "{answer}"
    );
}

#[test]
fn json_webhooks_and_what_is_not_a_reply() {
    let object = Json::from(
        &json!({"type": "response", "phone_number": "+33611111111", "text": "Oui", "message_id": 48213}),
    );
    let fields = json_fields(&object).unwrap();
    assert_eq!(js(&parse_reply(&fields, None))["messageId"], 48213);
    assert!(json_fields(&Json::from(&json!({"text": {"nested": 1}}))).is_none());
    assert!(json_fields(&Json::from(&json!(["x"]))).is_none());
    for (fields, fragment) in [
        (vec![], "no fields"),
        (pairs(&[("text", "Oui")]), "msisdn"),
        (pairs(&[("msisdn", "33611111111")]), "text"),
        (pairs(&[("msisdn", " "), ("text", "x")]), "empty"),
        (
            pairs(&[
                ("msisdn", "33611111111"),
                ("text", "x"),
                ("message-timestamp", "hier"),
            ]),
            "not a date",
        ),
    ] {
        let answer = js(&parse_reply(&fields, None));
        assert_eq!(answer["kind"], "invalid");
        assert!(
            answer["reason"].as_str().unwrap().contains(fragment),
            "{answer}"
        );
        assert_eq!(answer.as_object().unwrap().len(), 2);
    }
    // Form decoding: `+` is a space, broken escapes stay, bad UTF-8 becomes U+FFFD.
    assert_eq!(
        form_fields("a=1+2&b=%zz&c=%C3%A9&d=%FF&&e"),
        pairs(&[
            ("a", "1 2"),
            ("b", "%zz"),
            ("c", "é"),
            ("d", "\u{FFFD}"),
            ("e", "")
        ])
    );
}

#[test]
fn a_number_that_does_not_read_is_kept_as_given() {
    let fields = pairs(&[("msisdn", "SHORTCODE"), ("text", "x")]);
    assert_eq!(js(&parse_reply(&fields, None))["from"], "SHORTCODE");
    let list =
        json!({"success": true, "code": 200, "data": [{"id": 1, "phoneNumber": "not a number"}]});
    assert_eq!(
        decode_stop_list(200, parsed(list), &key()).unwrap()[0]
            .phone_number
            .as_deref(),
        Some("not a number")
    );
}

#[test]
fn tag_pages_are_read_to_their_total_and_never_past_a_repeated_page() {
    use smspartner_wasm::{MAX_TAG_PAGES, TagPage, next_tag_page, tag_page_is_new};
    let page = |current: Option<u64>, total: Option<u64>, n: usize| TagPage {
        statuses: vec![
            smspartner_wasm::DeliveryStatus {
                message_id: Json::Null,
                phone_number: None,
                status: smspartner_wasm::Status::Delivered,
                status_text: None,
                stop_sms: None,
                at: None,
                cost: None,
                currency: None,
            };
            n
        ],
        current_page: current,
        total,
    };
    assert_eq!(
        next_tag_page(&page(Some(1), Some(1200), 500), 1, 500),
        Some(2)
    );
    assert_eq!(
        next_tag_page(&page(Some(2), Some(1200), 500), 2, 1000),
        Some(3)
    );
    assert_eq!(
        next_tag_page(&page(Some(3), Some(1200), 200), 3, 1200),
        None
    );
    // No currentPage or total: one page. An empty page: the end.
    assert_eq!(next_tag_page(&page(None, Some(1200), 500), 1, 500), None);
    assert_eq!(next_tag_page(&page(Some(1), None, 500), 1, 500), None);
    assert_eq!(next_tag_page(&page(Some(2), Some(1200), 0), 2, 500), None);
    // A server that ignores the page parameter answers page 1 again: not kept, not followed.
    let repeated = page(Some(1), Some(1200), 500);
    assert!(!tag_page_is_new(&repeated, 2));
    assert_eq!(next_tag_page(&repeated, 2, 1000), None);
    assert!(tag_page_is_new(&page(None, None, 1), 1));
    assert_eq!(
        next_tag_page(
            &page(Some(MAX_TAG_PAGES), Some(u64::MAX), 1),
            MAX_TAG_PAGES,
            5
        ),
        None
    );
}
