//! SMS Partner's send codes: each documented one comes back typed (reason, field, sentence),
//! whatever the HTTP status, and `mayHaveBeenSent` says when a message may have left.

use std::collections::HashSet;

use serde_json::json;
use smspartner_wasm::ApiKey;
use smspartner_wasm::Lang;
use smspartner_wasm::decode_send_response;
use smspartner_wasm::{API_CODES, ApiCode, ApiCodeClass, describe_code};
use smspartner_wasm::{ErrorKind, SmsPartnerError};

/// The codes of SMS Partner's send table (`reference/smspartner-lifecycle.md` §7), code 9 of
/// the send pages and the loose 992.
const DOCUMENTED: [i64; 30] = [
    1, 2, 4, 9, 10, 11, 13, 14, 15, 20, 22, 23, 30, 40, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
    55, 90, 96, 500, 992,
];

fn key() -> ApiKey {
    ApiKey::new("k3y-SECRET-0123456789").unwrap()
}

#[test]
fn the_table_is_the_documented_codes_once_each() {
    let codes: Vec<i64> = API_CODES.iter().map(|c| c.code).collect();
    assert_eq!(codes, DOCUMENTED);
    let mut reasons = HashSet::new();
    for code in &API_CODES {
        assert!(reasons.insert(code.reason), "{} twice", code.reason);
        assert!(
            code.reason
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{}",
            code.reason
        );
        assert!(!code.en.is_empty() && !code.fr.is_empty() && code.en != code.fr);
    }
}

#[test]
fn the_fields_and_names_the_contract_fixes() {
    for (code, field) in [
        (44, Some("sender")),
        (45, Some("scheduledDeliveryDate")),
        (49, Some("scheduledDeliveryDate")),
        (46, Some("time")),
        (47, Some("minute")),
        (48, Some("minute")),
        (42, Some("message")),
        (43, Some("message")),
        (52, Some("message")),
        (2, Some("phoneNumbers")),
        (14, Some("phoneNumbers")),
        (50, Some("phoneNumbers")),
        (55, Some("phoneNumbers")),
        (51, Some("gamme")),
        (992, Some("sender")),
        (96, None),
        (11, None),
    ] {
        assert_eq!(ApiCode::of(code).unwrap().field, field, "{code}");
    }
    assert_eq!(ApiCode::of(14).unwrap().reason, "number_in_stop_list");
    assert_eq!(ApiCode::of(52).unwrap().reason, "too_many_sms");
    assert_eq!(ApiCode::of(96).unwrap().reason, "ip_not_allowed");
    for code in [20, 30, 40, 96, 1, 10] {
        assert_eq!(
            ApiCode::of(code).unwrap().class,
            ApiCodeClass::Account,
            "{code}"
        );
    }
    assert_eq!(ApiCode::of(11).unwrap().class, ApiCodeClass::Credits);
    assert_eq!(ApiCode::of(14).unwrap().class, ApiCodeClass::Request);
    assert_eq!(ApiCode::of(3), None);
}

#[test]
fn every_documented_code_decodes_typed_whatever_the_status() {
    for entry in &API_CODES {
        for status in [200, 400, 403, 500] {
            let body = json!({"success": false, "code": entry.code}).to_string();
            let error = decode_send_response(status, &body, &key()).unwrap_err();
            assert_eq!(error.kind, ErrorKind::Api, "{}", entry.code);
            assert_eq!(error.code, Some(entry.code));
            assert_eq!(error.status, Some(status));
            assert_eq!(error.reason, Some(entry.reason));
            assert_eq!(error.field, entry.field);
            assert_eq!(error.message, entry.en);
            assert!(!error.may_have_been_sent());
        }
        // SMS Partner's own words win over ours.
        let body = json!({"success": false, "code": entry.code, "message": "Refusé"}).to_string();
        let error = decode_send_response(400, &body, &key()).unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.reason),
            ("Refusé", Some(entry.reason))
        );
    }
}

#[test]
fn the_loose_992_is_read_as_a_number_or_a_string() {
    for code in [json!(992), json!("992")] {
        let body = json!({"success": false, "code": code}).to_string();
        let error = decode_send_response(400, &body, &key()).unwrap_err();
        assert_eq!(
            (error.code, error.reason, error.field),
            (Some(992), Some("sender_not_allowed"), Some("sender"))
        );
    }
    let body = json!({"success": false, "code": "99x"}).to_string();
    assert_eq!(
        decode_send_response(400, &body, &key()).unwrap_err().kind,
        ErrorKind::Http
    );
}

#[test]
fn an_undocumented_code_is_an_api_error_without_a_reason() {
    let body = json!({"success": false, "code": 777}).to_string();
    let error = decode_send_response(400, &body, &key()).unwrap_err();
    assert_eq!(
        (error.kind, error.code, error.reason, error.field),
        (ErrorKind::Api, Some(777), None, None)
    );
    assert_eq!(error.message, "SMS Partner refused the request");
}

#[test]
fn sentences_in_french_and_the_description() {
    let info = describe_code(14, Lang::Fr).unwrap();
    assert_eq!(
        (info.reason, info.field, info.class, info.message),
        (
            "number_in_stop_list",
            Some("phoneNumbers"),
            "request",
            "le numéro est dans la liste STOP"
        )
    );
    assert_eq!(describe_code(8, Lang::En), None);
}

#[test]
fn may_have_been_sent_only_without_a_refusal() {
    let error = |kind, status: Option<u16>| {
        let e = SmsPartnerError::new(kind, "x");
        match status {
            Some(s) => e.with_status(s),
            None => e,
        }
    };
    for (kind, status, may) in [
        (ErrorKind::Validation, None, false),
        (ErrorKind::Api, Some(400), false),
        (ErrorKind::Http, Some(429), false),
        (ErrorKind::Http, Some(404), false),
        (ErrorKind::Http, Some(500), true),
        (ErrorKind::Http, Some(200), true),
        (ErrorKind::Http, None, true),
        (ErrorKind::Network, None, true),
        (ErrorKind::Timeout, None, true),
    ] {
        assert_eq!(
            error(kind, status).may_have_been_sent(),
            may,
            "{kind:?} {status:?}"
        );
    }
}
