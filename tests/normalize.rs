//! `normalizeMessage` (smart encoding): its table, real French copy, its guards, and the
//! properties: never one SMS more, and nothing left unsupported of what it changes.

use proptest::prelude::*;
use smspartner_wasm::{CharClass, classify};
use smspartner_wasm::{MessageOptions, analyze};
use smspartner_wasm::{character_name, code_point};
use smspartner_wasm::{gsm_form, normalize, normalize_table};

fn gsm() -> MessageOptions {
    MessageOptions::default()
}

#[test]
fn the_table_touches_nothing_gsm_carries_or_smspartner_replaces() {
    let mut count = 0;
    let mut last = None;
    for (c, form, name) in normalize_table() {
        count += 1;
        assert_eq!(
            classify(c),
            CharClass::Unsupported,
            "{c:?} is not unsupported"
        );
        assert!(
            form.chars().all(|f| classify(f) == CharClass::Basic),
            "{c:?} → {form:?} is not basic GSM"
        );
        assert_eq!(gsm_form(c), Some(form));
        assert_eq!(character_name(c), name);
        if c.is_alphabetic() && name.is_none() {
            assert_eq!(form.chars().count(), 1, "{c:?}");
        } else {
            assert!(name.is_some_and(|n| !n.is_empty()), "{c:?} has no name");
        }
        // Each half of the table is sorted, for the binary search.
        if let (Some(prev), true) = (last, name.is_some()) {
            assert!(prev < c, "{prev:?} before {c:?}");
        }
        last = name.map(|_| c);
    }
    assert!(count > 500, "{count}");
    for c in [
        'é', 'è', 'à', 'ù', 'Ç', 'ä', 'ô', '’', '«', '€', 'a', ' ', '\n',
    ] {
        assert_eq!(gsm_form(c), None, "{c:?} is GSM or replaced by SMS Partner");
    }
    for (c, form) in [
        ('\u{00A0}', " "),
        ('\u{202F}', " "),
        ('\t', " "),
        ('\u{200B}', ""),
        ('\u{FEFF}', ""),
        ('\u{00AD}', ""),
        ('\u{FE0F}', ""),
        ('–', "-"),
        ('—', "-"),
        ('\u{2212}', "-"),
        ('…', "..."),
        ('„', "\""),
        ('‚', "'"),
        ('′', "'"),
        ('″', "\""),
        ('ú', "u"),
        ('ł', "l"),
        ('ő', "o"),
        ('š', "s"),
        ('ž', "z"),
        ('ć', "c"),
        ('ğ', "g"),
        ('ı', "i"),
        ('Ș', "S"),
        ('ﬁ', "fi"),
        ('Œ', "OE"),
    ] {
        assert_eq!(gsm_form(c), Some(form), "{c:?}");
    }
}

#[test]
fn unsupported_characters_carry_their_code_point_and_name() {
    let analysis = analyze("prix\u{00A0}: 5\u{202F}€ ú", &gsm());
    let shown: Vec<(String, Option<&str>)> = analysis
        .unsupported
        .iter()
        .map(|u| (u.code_point(), u.name()))
        .collect();
    assert_eq!(
        shown,
        [
            ("U+00A0".to_owned(), Some("NO-BREAK SPACE")),
            ("U+202F".to_owned(), Some("NARROW NO-BREAK SPACE")),
            ("U+00FA".to_owned(), None),
        ]
    );
    let json = serde_json::to_value(analysis.unsupported[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"index": 4, "char": "\u{00A0}", "codePoint": "U+00A0", "name": "NO-BREAK SPACE"})
    );
    assert_eq!(code_point('😀'), "U+1F600");
}

/// French copy as a word processor writes it: narrow no-break spaces before `! ? : ;`,
/// no-break spaces inside « guillemets » and before units, an ellipsis, an en dash.
const FRENCH: &str = "Bonjour\u{202F}! Votre commande n°\u{00A0}4521 est prête\u{202F}: \
«\u{00A0}livraison express\u{00A0}» – entre 9\u{00A0}h et 12\u{00A0}h\u{2026} \
Une question\u{202F}? Répondez OUI\u{202F}; à bientôt\u{202F}!";

#[test]
fn real_french_copy_before_and_after() {
    let before = analyze(FRENCH, &gsm());
    assert_eq!(before.unsupported.len(), 12);
    let normalized = normalize(FRENCH, &gsm());
    assert_eq!(
        normalized.message,
        "Bonjour ! Votre commande n° 4521 est prête : « livraison express » - entre 9 h et 12 h... \
Une question ? Répondez OUI ; à bientôt !"
    );
    let after = analyze(&normalized.message, &gsm());
    assert!(after.unsupported.is_empty(), "{:?}", after.unsupported);
    assert_eq!(normalized.changes.len(), 12);
    // Every character stays where it was: « » and ° are SMS Partner's to replace.
    assert_eq!(after.replacements.len(), before.replacements.len());
    assert_eq!(
        (before.characters, before.sms_count),
        (129, 1),
        "one septet each unsupported character, the ? it arrives as"
    );
    assert_eq!((after.characters, after.sms_count), (131, 1));
    // Long copy: the same text three times is 2 SMS before and after.
    let long = [FRENCH, FRENCH, FRENCH].join(" ");
    let (b, a) = (
        analyze(&long, &gsm()),
        analyze(&normalize(&long, &gsm()).message, &gsm()),
    );
    assert_eq!((b.sms_count, a.sms_count), (3, 3));
    // The index of a change is its UTF-16 offset in the input.
    let emoji = normalize("😀\u{00A0}x", &gsm());
    assert_eq!(emoji.changes[0].index, 2);
    assert_eq!(emoji.message, "😀 x");
}

#[test]
fn nothing_changes_in_unicode_mode() {
    let unicode = MessageOptions {
        unicode: true,
        ..gsm()
    };
    let normalized = normalize(FRENCH, &unicode);
    assert_eq!(normalized.message, FRENCH);
    assert!(normalized.changes.is_empty());
}

#[test]
fn no_tag_appears_that_the_input_does_not_have() {
    for text in [":b\u{200B}r:", ":bŕ:", ":e\u{00AD}uro:", ":br\u{2060}:"] {
        let normalized = normalize(text, &gsm());
        assert_eq!(normalized.message, text, "{text:?}");
        assert!(normalized.changes.is_empty());
    }
    // Away from a tag the same characters change.
    assert_eq!(normalize("b\u{200B}r ŕ", &gsm()).message, "br r");
}

#[test]
fn an_expansion_that_would_cost_one_more_sms_is_not_made() {
    // 158 septets and two ellipses: 160, one SMS; "......" would need a second.
    let text = format!("{}……", "a".repeat(158));
    let normalized = normalize(&text, &gsm());
    assert_eq!(normalized.message, text);
    // 155 and two: the first fits (158 + 1), the second does not (161).
    let text = format!("{}……", "a".repeat(155));
    let normalized = normalize(&text, &gsm());
    assert_eq!(normalized.message, format!("{}...…", "a".repeat(155)));
    assert_eq!(normalized.changes.len(), 1);
    assert!(analyze(&normalized.message, &gsm()).sms_count <= 1);
}

/// Text made of what matters: table characters, expansions, tag letters, GSM text.
fn copy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "é", "€", ":", "b", "r", "e", "u", "o", ":br:", ":euro:", "\u{00A0}", "\u{202F}",
        "\u{200B}", "\u{FE0F}", "–", "…", "„", "ú", "ł", "Œ", "ﬁ", "😀", "«", "ŕ", "\t",
    ]);
    prop::collection::vec(pieces, 0..500).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_one_sms_more_and_nothing_unsupported_it_changed(
        text in prop_oneof![copy(), any::<String>()],
        stop in any::<bool>(),
    ) {
        let options = MessageOptions { stop_sms: stop, ..gsm() };
        let normalized = normalize(&text, &options);
        let (before, after) = (analyze(&text, &options), analyze(&normalized.message, &options));
        prop_assert!(after.sms_count <= before.sms_count);
        // The output is the input with exactly the changes made.
        let mut rebuilt = String::new();
        let mut units = 0u32;
        let mut changes = normalized.changes.iter().peekable();
        for c in text.chars() {
            match changes.peek() {
                Some(change) if change.index == units => {
                    prop_assert_eq!(change.char, c);
                    prop_assert_eq!(gsm_form(c), Some(change.replacement));
                    rebuilt.push_str(change.replacement);
                    changes.next();
                }
                _ => rebuilt.push(c),
            }
            units += c.len_utf16() as u32;
        }
        prop_assert!(changes.next().is_none());
        prop_assert_eq!(&rebuilt, &normalized.message);
        // What it changed is no longer unsupported: the output's unsupported characters are
        // those of the input that it left (outside the table, or kept by a guard).
        let changed = normalized.changes.len();
        prop_assert_eq!(after.unsupported.len() + changed, before.unsupported.len());
        // Without tag letters and expansions, it changes every character of its table.
        if !text.contains([':', '…', 'Œ', 'ﬁ']) {
            prop_assert!(after.unsupported.iter().all(|u| gsm_form(u.char).is_none()));
        }
    }
}

#[test]
fn code_points_are_written_as_unicode_writes_them() {
    let samples = (0..0x110000u32).step_by(97).chain([
        0, 0xF, 0x10, 0xFF, 0x100, 0xFFF, 0x1000, 0xFFFF, 0x10000, 0xFFFFF, 0x100000, 0x10FFFF,
    ]);
    for code in samples {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        assert_eq!(code_point(c), format!("U+{code:04X}"), "{code:#x}");
    }
}
