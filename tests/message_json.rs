//! The exact JSON shape of a message analysis, as JavaScript will see it.

use serde_json::json;
use smspartner_wasm::{Encoding, Gamme, MessageOptions, analyze};

#[test]
fn analysis_keys_are_camel_case() {
    let options = MessageOptions {
        unicode: false,
        stop_sms: true,
        gamme: Gamme::Premium,
    };
    let value = serde_json::to_value(analyze("😀 [ok]^", &options)).unwrap();
    assert_eq!(
        value,
        json!({
            "encoding": "GSM-7",
            "characters": 6 + 14,
            "smsCount": 1,
            "perSms": 160,
            "remaining": 140,
            "replacements": [
                { "index": 3, "char": "[", "replacement": "(" },
                { "index": 6, "char": "]", "replacement": ")" },
                { "index": 7, "char": "^", "replacement": "" }
            ],
            "unsupported": [ { "index": 0, "char": "😀", "codePoint": "U+1F600", "name": null } ],
            "truncated": false,
            "stopMention": " STOP au 36180",
            "preview": "? (ok) STOP au 36180"
        })
    );
}

#[test]
fn unicode_analysis_and_null_stop_mention() {
    let options = MessageOptions {
        unicode: true,
        stop_sms: true,
        gamme: Gamme::LowCost,
    };
    let value = serde_json::to_value(analyze("", &options)).unwrap();
    assert_eq!(
        value,
        json!({
            "encoding": "UCS-2",
            "characters": 0,
            "smsCount": 0,
            "perSms": 70,
            "remaining": 70,
            "replacements": [],
            "unsupported": [],
            "truncated": false,
            "stopMention": null,
            "preview": ""
        })
    );
}

#[test]
fn encoding_names() {
    assert_eq!(
        serde_json::to_value(Encoding::Gsm7).unwrap(),
        json!("GSM-7")
    );
    assert_eq!(
        serde_json::to_value(Encoding::Ucs2).unwrap(),
        json!("UCS-2")
    );
}

#[test]
fn gamme_travels_as_its_wire_number() {
    assert_eq!(Gamme::default(), Gamme::Premium);
    assert_eq!(serde_json::to_value(Gamme::Premium).unwrap(), json!(1));
    assert_eq!(serde_json::to_value(Gamme::LowCost).unwrap(), json!(2));
    assert_eq!(
        serde_json::from_value::<Gamme>(json!(1)).unwrap(),
        Gamme::Premium
    );
    assert_eq!(
        serde_json::from_value::<Gamme>(json!(2)).unwrap(),
        Gamme::LowCost
    );
    for wrong in [
        json!(0),
        json!(3),
        json!("1"),
        json!(-1),
        json!(1.5),
        json!(null),
    ] {
        assert!(
            serde_json::from_value::<Gamme>(wrong.clone()).is_err(),
            "{wrong}"
        );
    }
    assert_eq!(Gamme::from_code(2), Some(Gamme::LowCost));
    assert_eq!(Gamme::from_code(9), None);
    assert_eq!(Gamme::LowCost.code(), 2);
}

#[test]
fn default_options() {
    let options = MessageOptions::default();
    assert!(!options.unicode && !options.stop_sms);
    assert_eq!(options.gamme, Gamme::Premium);
    assert!(!options.stop_applies());
    assert!(
        MessageOptions {
            stop_sms: true,
            ..options
        }
        .stop_applies()
    );
}

#[test]
fn lists_stop_at_their_cap_and_say_so() {
    use smspartner_wasm::MAX_LISTED;
    let text = format!(
        "{}{}",
        "[".repeat(MAX_LISTED + 5),
        "😀".repeat(MAX_LISTED + 1)
    );
    let analysis = analyze(&text, &MessageOptions::default());
    assert!(analysis.truncated);
    assert_eq!(analysis.replacements.len(), MAX_LISTED);
    assert_eq!(analysis.unsupported.len(), MAX_LISTED);
    // The counts and the preview stay whole.
    assert_eq!(analysis.characters as usize, 2 * MAX_LISTED + 6);
    assert_eq!(
        analysis.preview,
        format!(
            "{}{}",
            "(".repeat(MAX_LISTED + 5),
            "?".repeat(MAX_LISTED + 1)
        )
    );
    let exact = analyze(&"[".repeat(MAX_LISTED), &MessageOptions::default());
    assert!(!exact.truncated);
    assert_eq!(exact.replacements.len(), MAX_LISTED);
}
