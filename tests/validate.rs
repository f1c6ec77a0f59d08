//! Validation: one case per error and warning code, the normalized request, and the report.

use serde_json::{Value, json};
use smspartner_wasm::Lang;
use smspartner_wasm::RawRequest;
use smspartner_wasm::parse_iso8601;
use smspartner_wasm::{ValidateOptions, ValidationReport, not_an_object, validate};

/// Monday 30 November 2026, 10:00 UTC (11:00 in Paris).
const NOW: &str = "2026-11-30T10:00:00Z";

fn options() -> ValidateOptions {
    ValidateOptions::at(parse_iso8601(NOW).unwrap())
}

fn check_with(request: Value, options: &ValidateOptions) -> ValidationReport {
    validate(&RawRequest::from_json(&request).unwrap(), options)
}

fn check(request: Value) -> ValidationReport {
    check_with(request, &options())
}

/// A valid request with `overrides` merged in (`null` removes a field).
fn base(overrides: Value) -> Value {
    let mut request = json!({"apiKey": "key", "phoneNumbers": "0612345678", "message": "Bonjour"});
    for (name, value) in overrides.as_object().unwrap() {
        if value.is_null() {
            request.as_object_mut().unwrap().remove(name);
        } else {
            request[name] = value.clone();
        }
    }
    request
}

fn codes(issues: &[smspartner_wasm::Issue]) -> Vec<(String, String)> {
    issues
        .iter()
        .map(|i| (i.field.to_string(), i.code.to_string()))
        .collect()
}

fn assert_error(overrides: Value, field: &str, code: &str) {
    let report = check(base(overrides.clone()));
    assert!(!report.valid, "{overrides} should be invalid");
    assert!(report.request.is_none());
    assert_eq!(
        codes(&report.errors),
        [(field.to_owned(), code.to_owned())],
        "{overrides}"
    );
}

fn assert_warning(overrides: Value, options: &ValidateOptions, field: &str, code: &str) {
    let report = check_with(base(overrides.clone()), options);
    assert!(report.valid, "{overrides}: {:?}", report.errors);
    assert!(
        codes(&report.warnings).contains(&(field.to_owned(), code.to_owned())),
        "{overrides}: {:?}",
        report.warnings
    );
}

#[test]
fn a_minimal_request_is_valid_and_normalized() {
    let report = check(base(
        json!({"phoneNumbers": ["06 12 34 56 78", "+33 7 56 00 00 01"]}),
    ));
    assert!(report.valid, "{:?}", report.errors);
    assert!(report.errors.is_empty() && report.warnings.is_empty());
    assert_eq!(
        serde_json::to_value(&report.request).unwrap(),
        json!({"phoneNumbers": "+33612345678,+33756000001", "message": "Bonjour"})
    );
    assert_eq!((report.recipients, report.total_sms), (2, 2));
    assert_eq!(report.delivery_time, "2026-11-30T10:00:00.000Z");
}

#[test]
fn the_report_has_the_contract_keys() {
    let value = serde_json::to_value(check(base(json!({})))).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = [
        "valid",
        "errors",
        "warnings",
        "request",
        "message",
        "recipients",
        "totalSms",
        "deliveryTime",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn every_field_normalized_with_flags_as_one_and_defaults_omitted() {
    let report = check(base(json!({
        "gamme": "2", "sender": "Shop42", "tag": "promo-2026", "scheduledDeliveryDate": "24/12/2026",
        "time": "9", "minute": 35, "urlResponse": "https://example.test/r", "urlDlr": "http://example.test/d",
        "isStopSms": 0, "isUnicode": true, "sandbox": "1", "_format": "JSON"
    })));
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(
        serde_json::to_value(&report.request).unwrap(),
        json!({"phoneNumbers": "+33612345678", "message": "Bonjour", "gamme": 2, "sender": "Shop42",
               "tag": "promo-2026", "scheduledDeliveryDate": "24/12/2026", "time": 9, "minute": 35,
               "urlResponse": "https://example.test/r", "urlDlr": "http://example.test/d", "isUnicode": 1, "sandbox": 1})
    );
    // 24 December 2026 09:35 in Paris (winter time, UTC+1).
    assert_eq!(report.delivery_time, "2026-12-24T08:35:00.000Z");
}

#[test]
fn one_case_per_error_code() {
    assert_error(json!({"apiKey": null}), "apiKey", "api_key_required");
    assert_error(json!({"apiKey": "a b"}), "apiKey", "api_key_invalid");
    assert_error(json!({"apiKey": 42}), "apiKey", "invalid_type");
    assert_error(
        json!({"phoneNumbers": null}),
        "phoneNumbers",
        "phone_numbers_required",
    );
    assert_error(
        json!({"phoneNumbers": " , "}),
        "phoneNumbers",
        "phone_numbers_required",
    );
    assert_error(
        json!({"phoneNumbers": "0612345678, 12"}),
        "phoneNumbers",
        "phone_number_invalid",
    );
    assert_error(
        json!({"phoneNumbers": true}),
        "phoneNumbers",
        "invalid_type",
    );
    assert_error(
        json!({"phoneNumbers": ["0612345678", 5]}),
        "phoneNumbers",
        "invalid_type",
    );
    let many: Vec<String> = (0..501).map(|i| format!("+336{i:08}")).collect();
    assert_error(
        json!({"phoneNumbers": many.join(",")}),
        "phoneNumbers",
        "too_many_phone_numbers",
    );
    assert_error(json!({"message": null}), "message", "message_required");
    assert_error(json!({"message": ""}), "message", "message_required");
    assert_error(json!({"message": 12}), "message", "invalid_type");
    assert_error(
        json!({"message": "a".repeat(153 * 255 + 1)}),
        "message",
        "message_too_long",
    );
    assert_error(json!({"gamme": 3}), "gamme", "gamme_invalid");
    assert_error(json!({"sender": "AB"}), "sender", "sender_too_short");
    assert_error(
        json!({"sender": "ABCDEFGHIJKL"}),
        "sender",
        "sender_too_long",
    );
    assert_error(
        json!({"sender": "Café"}),
        "sender",
        "sender_invalid_characters",
    );
    assert_error(
        json!({"sender": "My Shop"}),
        "sender",
        "sender_invalid_characters",
    );
    assert_error(json!({"tag": "a".repeat(21)}), "tag", "tag_too_long");
    assert_error(json!({"tag": "two words"}), "tag", "tag_invalid_characters");
    let schedule = |date: &str, time: Value, minute: Value| json!({"scheduledDeliveryDate": date, "time": time, "minute": minute});
    assert_error(
        schedule("31/02/2027", json!(9), json!(0)),
        "scheduledDeliveryDate",
        "schedule_date_invalid",
    );
    assert_error(
        schedule("2027-01-05", json!(9), json!(0)),
        "scheduledDeliveryDate",
        "schedule_date_invalid",
    );
    assert_error(
        schedule("30/11/2026", json!(10), json!(55)),
        "scheduledDeliveryDate",
        "schedule_in_past",
    );
    assert_error(
        schedule("05/01/2027", Value::Null, json!(0)),
        "time",
        "time_required",
    );
    assert_error(
        schedule("05/01/2027", json!(24), json!(0)),
        "time",
        "time_invalid",
    );
    assert_error(
        schedule("05/01/2027", json!(9.5), json!(0)),
        "time",
        "time_invalid",
    );
    assert_error(
        schedule("05/01/2027", json!(9), Value::Null),
        "minute",
        "minute_required",
    );
    assert_error(
        schedule("05/01/2027", json!(9), json!(7)),
        "minute",
        "minute_invalid",
    );
    assert_error(
        schedule("05/01/2027", json!(9), json!(60)),
        "minute",
        "minute_invalid",
    );
    assert_error(
        json!({"urlResponse": "www.example.com"}),
        "urlResponse",
        "url_invalid",
    );
    assert_error(
        json!({"urlDlr": "javascript:alert(1)"}),
        "urlDlr",
        "url_invalid",
    );
    assert_error(json!({"isStopSms": 2}), "isStopSms", "flag_invalid");
    assert_error(json!({"isUnicode": "yes"}), "isUnicode", "flag_invalid");
    assert_error(json!({"sandbox": []}), "sandbox", "flag_invalid");
    assert_error(json!({"_format": "xml"}), "_format", "format_unsupported");
    assert_error(json!({"_format": "yaml"}), "_format", "format_invalid");
}

#[test]
fn the_schedule_is_checked_to_the_minute_in_paris_time() {
    // 11:00 in Paris now: 11:05 today is in the future, 11:00 is not.
    let at = |time: u8, minute: u8| {
        check(base(
            json!({"scheduledDeliveryDate": "30/11/2026", "time": time, "minute": minute}),
        ))
    };
    assert!(at(11, 5).valid);
    assert!(!at(11, 0).valid);
    assert_eq!(at(11, 5).delivery_time, "2026-11-30T10:05:00.000Z");
}

#[test]
fn a_request_that_is_not_an_object() {
    let report = not_an_object("string", &options());
    assert_eq!(
        codes(&report.errors),
        [("request".to_owned(), "request_not_object".to_owned())]
    );
    assert_eq!(RawRequest::from_json(&json!([1])).unwrap_err(), "array");
    assert_eq!(RawRequest::from_json(&json!(null)).unwrap_err(), "null");
}

#[test]
fn one_case_per_warning_code() {
    let plain = options();
    let commercial = ValidateOptions {
        commercial: true,
        ..options()
    };
    assert_warning(
        json!({"phoneNumbers": "0612345678, +33612345678"}),
        &plain,
        "phoneNumbers",
        "duplicate_phone_numbers",
    );
    assert_warning(
        json!({"phoneNumbers": "0612345678, 01 40 00 00 00"}),
        &plain,
        "phoneNumbers",
        "phone_number_not_mobile",
    );
    assert_warning(
        json!({"message": "Zoë [ok]"}),
        &plain,
        "message",
        "characters_replaced",
    );
    assert_warning(
        json!({"message": "Bravo 🎉"}),
        &plain,
        "message",
        "characters_unsupported",
    );
    assert_warning(
        json!({"isUnicode": 1}),
        &plain,
        "isUnicode",
        "unicode_needs_activation",
    );
    assert_warning(
        json!({"sender": "36180"}),
        &plain,
        "sender",
        "sender_numeric",
    );
    assert_warning(
        json!({"gamme": 2, "isStopSms": 1}),
        &plain,
        "isStopSms",
        "stop_sms_not_applicable",
    );
    assert_warning(
        json!({"time": 9}),
        &plain,
        "scheduledDeliveryDate",
        "schedule_date_missing",
    );
    assert_warning(
        json!({"phoneNumber": "x"}),
        &plain,
        "phoneNumber",
        "unknown_field",
    );
    assert_warning(json!({}), &commercial, "isStopSms", "stop_mention_missing");
    assert_warning(
        json!({"gamme": 2}),
        &commercial,
        "message",
        "nopub_mention_missing",
    );
    let sunday = ValidateOptions {
        now_ms: parse_iso8601("2026-11-29T12:00:00Z").unwrap(),
        ..commercial
    };
    assert_warning(
        json!({"isStopSms": 1}),
        &sunday,
        "scheduledDeliveryDate",
        "quiet_hours_delay",
    );
}

#[test]
fn commercial_sends_wait_for_the_window() {
    // Saturday 4 April 2026, 21:00 in Paris (19:00 UTC): Sunday, then Easter Monday, so Tuesday 08:00.
    let options = ValidateOptions {
        now_ms: parse_iso8601("2026-04-04T19:00:00Z").unwrap(),
        commercial: true,
        lang: Lang::Fr,
        require_api_key: true,
        allowed_regions: None,
    };
    let report = check_with(base(json!({"isStopSms": 1})), &options);
    assert_eq!(report.delivery_time, "2026-04-07T06:00:00.000Z");
    let warning = report
        .warnings
        .iter()
        .find(|w| w.code == "quiet_hours_delay")
        .unwrap();
    assert!(
        warning.message.contains("mardi 7 avril 2026 à 08:00"),
        "{}",
        warning.message
    );
    // Not commercial: it leaves at once.
    let plain = check_with(
        base(json!({})),
        &ValidateOptions {
            commercial: false,
            ..options
        },
    );
    assert_eq!(plain.delivery_time, "2026-04-04T19:00:00.000Z");
    // A schedule inside the window is kept; one at night moves to the next opening.
    let scheduled = |time: u8| {
        check_with(
            base(json!({"isStopSms": 1, "scheduledDeliveryDate": "08/04/2026", "time": time, "minute": 0})),
            &options,
        )
        .delivery_time
    };
    assert_eq!(scheduled(9), "2026-04-08T07:00:00.000Z");
    assert_eq!(scheduled(22), "2026-04-09T06:00:00.000Z");
}

#[test]
fn numbers_that_cannot_receive_an_sms_are_named_with_their_type() {
    let report = check(base(json!({
        "phoneNumbers": "0612345678, 01 40 00 00 00, 0899 12 34 56, 0805 12 34 56, 0811 12 34 56, 09 12 34 56 78, +1 415 555 2671"
    })));
    assert!(report.valid, "{:?}", report.errors);
    let warning = report
        .warnings
        .iter()
        .find(|w| w.code == "phone_number_not_mobile")
        .expect("a warning");
    assert_eq!(
        warning.message,
        "these numbers cannot receive an SMS: +33140000000 (fixed line), +33899123456 \
         (premium-rate number), +33805123456 (toll-free number), +33811123456 (shared-cost number)"
    );
    // Mobiles, VoIP (09) and North America's mixed ranges are not named; all are sent.
    assert_eq!(report.recipients, 7);
    let french = check_with(
        base(json!({"phoneNumbers": "01 40 00 00 00"})),
        &ValidateOptions {
            lang: Lang::Fr,
            ..options()
        },
    );
    assert!(
        french.warnings.iter().any(|w| w.message
            == "ces numéros ne peuvent pas recevoir de SMS : +33140000000 (ligne fixe)"),
        "{:?}",
        french.warnings
    );
}

#[test]
fn details_say_which_numbers_the_not_mobile_warning_names() {
    let list = "0612345678, 01 40 00 00 00, 0899 12 34 56, 0805 12 34 56, 0811 12 34 56, \
                09 12 34 56 78, +1 415 555 2671, +7 912 345 67 89";
    let parsed = smspartner_wasm::parse_phone_numbers(smspartner_wasm::split_list(list), Lang::En);
    let unreachable: Vec<&str> = parsed
        .details
        .iter()
        .filter(|d| !d.can_receive_sms)
        .map(|d| d.number.as_str())
        .collect();
    assert_eq!(
        unreachable,
        [
            "+33140000000",
            "+33899123456",
            "+33805123456",
            "+33811123456"
        ]
    );
    let report = check(base(json!({ "phoneNumbers": list })));
    let warning = report
        .warnings
        .iter()
        .find(|w| w.code == "phone_number_not_mobile")
        .expect("a warning");
    for number in &parsed.numbers {
        assert_eq!(
            warning.message.contains(number.as_str()),
            unreachable.contains(&number.as_str()),
            "{number}"
        );
    }
}

#[test]
fn the_stop_mention_and_recipients_count_in_the_total() {
    let report = check(base(
        json!({"phoneNumbers": "0612345678,0756345678,0612345679", "message": "a".repeat(150), "isStopSms": 1}),
    ));
    assert_eq!(
        (report.message.characters, report.message.sms_count),
        (164, 2)
    );
    assert_eq!(report.total_sms, 6);
}

#[test]
fn sentences_in_french() {
    let options = ValidateOptions {
        lang: Lang::Fr,
        ..options()
    };
    let report = check_with(base(json!({"sender": "AB", "apiKey": null})), &options);
    let messages: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "la clé API est obligatoire",
            "l'émetteur doit avoir au moins 3 caractères (2 donnés)"
        ]
    );
}

#[test]
fn without_a_required_key_a_page_can_validate() {
    let options = ValidateOptions {
        require_api_key: false,
        ..options()
    };
    assert!(check_with(base(json!({"apiKey": null})), &options).valid);
}

#[test]
fn invalid_numbers_are_listed_then_summed_up() {
    let bad: Vec<String> = (0..25).map(|i| format!("12{i}")).collect();
    let report = check(base(json!({"phoneNumbers": bad.join(",")})));
    assert_eq!(report.errors.len(), 21);
    assert_eq!(
        report.errors[20].message,
        "5 more phone numbers are not valid"
    );
}

#[test]
fn a_key_pasted_into_another_field_is_never_quoted() {
    let key = "sk-LEAK-CANARY-42";
    let report = check(base(
        json!({"apiKey": key, "phoneNumbers": key, "scheduledDeliveryDate": key, "time": 9, "minute": 0}),
    ));
    assert!(!report.valid);
    let everything = serde_json::to_string(&report).unwrap();
    assert!(!everything.contains(key), "{everything}");
}
