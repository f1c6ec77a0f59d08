//! SMS Partner's limits at their boundaries: 10 SMS (code 52), low cost one SMS (code 42),
//! lowercase tags, and the `:euro:` tag counted, previewed and written on the wire.

use proptest::prelude::*;
use serde_json::{Value, json};
use smspartner_wasm::RawRequest;
use smspartner_wasm::parse_iso8601;
use smspartner_wasm::{Gamme, MessageOptions, analyze, split, wire_text};
use smspartner_wasm::{ValidateOptions, ValidationReport, validate};

fn check(overrides: Value) -> ValidationReport {
    let mut request = json!({"apiKey": "key", "phoneNumbers": "0612345678", "message": "Bonjour"});
    for (name, value) in overrides.as_object().unwrap() {
        request[name] = value.clone();
    }
    let options = ValidateOptions::at(parse_iso8601("2026-11-30T10:00:00Z").unwrap());
    validate(&RawRequest::from_json(&request).unwrap(), &options)
}

fn error_codes(report: &ValidationReport) -> Vec<String> {
    report.errors.iter().map(|e| e.code.to_string()).collect()
}

fn a(n: usize) -> String {
    "a".repeat(n)
}

/// `(name, message, request fields, characters, SMS, error code or none)`.
type Case = (&'static str, String, Value, u32, u32, Option<&'static str>);

#[test]
fn boundary_table() {
    let unicode = json!({"isUnicode": 1});
    let low_cost = json!({"gamme": 2});
    let low_cost_unicode = json!({"gamme": 2, "isUnicode": 1});
    let none = json!({});
    let cases: Vec<Case> = vec![
        ("1,530 septets", a(1530), none.clone(), 1530, 10, None),
        (
            "1,531 septets",
            a(1531),
            none.clone(),
            1531,
            11,
            Some("message_too_long"),
        ),
        (
            "1,530 with a € at the end",
            a(1528) + "€",
            none.clone(),
            1530,
            10,
            None,
        ),
        (
            "1,531 with a € at the end",
            a(1529) + "€",
            none.clone(),
            1531,
            11,
            Some("message_too_long"),
        ),
        // The € cannot straddle two parts: the first holds 152 septets, and 1,530 need 11 SMS.
        (
            "1,530 with a € at a cut",
            a(152) + "€" + &a(1376),
            none.clone(),
            1530,
            11,
            Some("message_too_long"),
        ),
        (
            "1,530 with :br:",
            a(1528) + ":br:",
            none.clone(),
            1530,
            10,
            None,
        ),
        (
            "1,531 with :br:",
            a(1529) + ":br:",
            none.clone(),
            1531,
            11,
            Some("message_too_long"),
        ),
        (
            "1,530 septets with :euro:",
            a(1528) + ":euro:",
            none.clone(),
            1530,
            10,
            None,
        ),
        (
            "1,531 septets with :euro:",
            a(1529) + ":euro:",
            none.clone(),
            1531,
            11,
            Some("message_too_long"),
        ),
        ("670 units", "é".repeat(670), unicode.clone(), 670, 10, None),
        (
            "671 units",
            "é".repeat(671),
            unicode.clone(),
            671,
            11,
            Some("message_too_long"),
        ),
        (
            "670 units with :euro:",
            "é".repeat(669) + ":euro:",
            unicode.clone(),
            670,
            10,
            None,
        ),
        ("low cost 160", a(160), low_cost.clone(), 160, 1, None),
        (
            "low cost 161",
            a(161),
            low_cost.clone(),
            161,
            2,
            Some("low_cost_too_long"),
        ),
        (
            "low cost 159 and a €",
            a(158) + "€",
            low_cost.clone(),
            160,
            1,
            None,
        ),
        (
            "low cost 70 in Unicode",
            "é".repeat(70),
            low_cost_unicode.clone(),
            70,
            1,
            None,
        ),
        (
            "low cost 71 in Unicode",
            "é".repeat(71),
            low_cost_unicode.clone(),
            71,
            2,
            Some("low_cost_too_long"),
        ),
        // Over both limits, the stricter (code 42) alone.
        (
            "low cost 1,531",
            a(1531),
            low_cost.clone(),
            1531,
            11,
            Some("low_cost_too_long"),
        ),
        // No STOP mention in the low-cost range: 160 stays one SMS.
        (
            "low cost 160 with isStopSms",
            a(160),
            json!({"gamme": 2, "isStopSms": 1}),
            160,
            1,
            None,
        ),
        // The STOP mention counts against the 10 SMS.
        (
            "1,516 and the STOP mention",
            a(1516),
            json!({"isStopSms": 1}),
            1530,
            10,
            None,
        ),
        (
            "1,517 and the STOP mention",
            a(1517),
            json!({"isStopSms": 1}),
            1531,
            11,
            Some("message_too_long"),
        ),
    ];
    for (name, message, fields, characters, sms, code) in cases {
        let mut overrides = fields.clone();
        overrides["message"] = json!(message);
        let report = check(overrides);
        assert_eq!(
            (report.message.characters, report.message.sms_count),
            (characters, sms),
            "{name}"
        );
        let expected: Vec<String> = code.iter().map(|c| c.to_string()).collect();
        assert_eq!(error_codes(&report), expected, "{name}");
        assert_eq!(report.valid, code.is_none(), "{name}");
        if code.is_some() {
            let error = &report.errors[0];
            assert_eq!(error.field, "message", "{name}");
            assert!(
                error.message.contains(&format!("take {sms} SMS")),
                "{name}: {}",
                error.message
            );
        }
    }
}

#[test]
fn tags_are_lowercase() {
    for (tag, code) in [
        ("promo-noel", None),
        ("été2026", None),
        ("Promo", Some("tag_not_lowercase")),
        ("ÉTÉ", Some("tag_not_lowercase")),
        ("Été", Some("tag_not_lowercase")),
        ("a b", Some("tag_invalid_characters")),
        ("abcdefghijklmnopqrstu", Some("tag_too_long")),
    ] {
        let report = check(json!({"tag": tag}));
        let expected: Vec<String> = code.iter().map(|c| c.to_string()).collect();
        assert_eq!(error_codes(&report), expected, "{tag}");
    }
    let report = check(json!({"tag": "PromoNoel"}));
    assert!(
        report.errors[0].message.contains("\"promonoel\""),
        "{}",
        report.errors[0].message
    );
}

#[test]
fn the_euro_tag_counts_and_shows_as_the_euro_sign() {
    let gsm = MessageOptions::default();
    let tag = analyze("Prix : 5:euro:", &gsm);
    let sign = analyze("Prix : 5€", &gsm);
    assert_eq!((tag.characters, sign.characters), (10, 10));
    assert_eq!(tag.preview, "Prix : 5€");
    assert!(tag.replacements.is_empty() && tag.unsupported.is_empty());
    let unicode = MessageOptions {
        unicode: true,
        ..MessageOptions::default()
    };
    assert_eq!(analyze(":euro:", &unicode).characters, 1);
    assert_eq!(analyze(":euro:", &unicode).preview, "€");
    // Only the exact tag: `:Euro:`, `:euro` and `euro:` are text.
    assert_eq!(analyze(":Euro:", &gsm).characters, 6);
    assert_eq!(analyze(":euro", &gsm).characters, 5);
    // Never cut: 152 septets then the tag opens the second part.
    let text = a(152) + ":euro:" + &a(10);
    let parts = split(&text, &gsm);
    assert_eq!(parts, [a(152), ":euro:".to_owned() + &a(10)]);
}

#[test]
fn the_wire_writes_each_euro_of_a_gsm_message_as_the_tag() {
    let gsm = MessageOptions::default();
    assert_eq!(wire_text("5€ ou 10 €", &gsm), "5:euro: ou 10 :euro:");
    assert_eq!(wire_text("déjà :euro:", &gsm), "déjà :euro:");
    // Where the tag's colon would close `:br` or `:euro` into a tag, the € stays.
    assert_eq!(wire_text(":br€ :euro€", &gsm), ":br€ :euro€");
    let unicode = MessageOptions {
        unicode: true,
        gamme: Gamme::Premium,
        stop_sms: false,
    };
    assert_eq!(wire_text("5€", &unicode), "5€");
    let report = check(json!({"message": "Total : 12€"}));
    assert_eq!(report.request.unwrap().message, "Total : 12:euro:");
    let report = check(json!({"message": "Total : 12€", "isUnicode": 1}));
    assert_eq!(report.request.unwrap().message, "Total : 12€");
}

fn euro_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ":", "b", "r", "e", "u", "o", "€", "x", ":br:", ":euro:", ":br", ":euro", "é", "[",
    ]);
    prop::collection::vec(pieces, 0..400).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn the_wire_text_analyzes_as_the_input(text in euro_text(), stop in any::<bool>()) {
        let options = MessageOptions { stop_sms: stop, ..MessageOptions::default() };
        let wire = wire_text(&text, &options);
        let (a, b) = (analyze(&text, &options), analyze(&wire, &options));
        prop_assert_eq!(a.characters, b.characters);
        prop_assert_eq!(a.sms_count, b.sms_count);
        prop_assert_eq!(a.preview, b.preview);
        prop_assert_eq!(split(&text, &options).len(), split(&wire, &options).len());
    }
}
