//! Phone numbers as people type them: accepted spellings, reasons, duplicates, lists.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use smspartner_wasm::Lang;
use smspartner_wasm::{
    InvalidNumber, InvalidReason, PhoneNumberReport, normalize_phone_number, parse_phone_numbers,
    split_list,
};

#[test]
fn accepted_spellings() {
    let table = [
        // French national form.
        ("0612345678", "+33612345678"),
        ("06 12 34 56 78", "+33612345678"),
        ("06.12.34.56.78", "+33612345678"),
        ("06-12-34-56-78", "+33612345678"),
        ("06/12/34/56/78", "+33612345678"),
        ("(06) 12 34 56 78", "+33612345678"),
        ("06\u{A0}12\u{A0}34\u{A0}56\u{A0}78", "+33612345678"),
        ("06\u{202F}12\u{202F}34\u{202F}56\u{202F}78", "+33612345678"),
        ("06\t12 34 56 78", "+33612345678"),
        ("06\u{2011}12\u{2011}34\u{2011}56\u{2011}78", "+33612345678"),
        ("  06 12 34 56 78  ", "+33612345678"),
        ("(0)6 12 34 56 78", "+33612345678"),
        // Invisible characters pasted from address books and web pages.
        ("\u{202A}+33 6 12 34 56 78\u{202C}", "+33612345678"),
        (
            "\u{FEFF}06\u{200B}12\u{200B}34\u{200B}56\u{200B}78",
            "+33612345678",
        ),
        ("\u{200E}06 12 34 56 78\u{200E}", "+33612345678"),
        ("0756781234", "+33756781234"),
        // A trunk 0 written after the country code is dropped where the plan has one.
        ("+33 06 12 34 56 78", "+33612345678"),
        ("+33 0 6 12 34 56 78", "+33612345678"),
        ("0033 06 12 34 56 78", "+33612345678"),
        ("+44 07911 123456", "+447911123456"),
        ("+1 1 415 555 2671", "+14155552671"),
        ("+66 02 533 2025", "+6625332025"),
        ("01 40 00 00 00", "+33140000000"),
        ("09 12 34 56 78", "+33912345678"),
        // French international form.
        ("+33612345678", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        ("+33(0)612345678", "+33612345678"),
        ("+33 ( 0 ) 6 12 34 56 78", "+33612345678"),
        ("(+33) 6 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("0033 6 12 34 56 78", "+33612345678"),
        ("00 33 (0)6 12 34 56 78", "+33612345678"),
        ("+33 1 40 00 00 00", "+33140000000"),
        // Overseas departments, national form: their own country codes.
        ("0692 12 34 56", "+262692123456"),
        ("0693 12 34 56", "+262693123456"),
        ("0262 12 34 56", "+262262123456"),
        ("0639 01 23 45", "+262639012345"),
        ("0269 60 12 34", "+262269601234"),
        ("0709 01 22 33", "+590709012233"),
        ("0709 11 22 33", "+596709112233"),
        ("0709 21 22 33", "+262709212233"),
        ("0709 31 22 33", "+594709312233"),
        ("0709 35 22 33", "+262709352233"),
        ("0708 41 22 33", "+508708412233"),
        ("0690 12 34 56", "+590690123456"),
        ("0590 12 34 56", "+590590123456"),
        ("0694 12 34 56", "+594694123456"),
        ("0594 12 34 56", "+594594123456"),
        ("0696 12 34 56", "+596696123456"),
        ("0697 12 34 56", "+596697123456"),
        ("0596 30 12 34", "+596596301234"),
        ("+262 692 12 34 56", "+262692123456"),
        // Other countries.
        ("+49 30 123456", "+4930123456"),
        ("+49 (0)30 123456", "+4930123456"),
        ("0049 170 1234567", "+491701234567"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("+44 7911 123456", "+447911123456"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("001 415 555 2671", "+14155552671"),
        ("+7 912 345-67-89", "+79123456789"),
        ("+352 621 123 456", "+352621123456"),
        ("+32 470 12 34 56", "+32470123456"),
        ("+41 79 123 45 67", "+41791234567"),
        ("+212 6 12 34 56 78", "+212612345678"),
        ("+225 07 12 34 56 78", "+2250712345678"),
        ("+500 51234", "+50051234"),
        ("+86 131 2345 6789", "+8613123456789"),
        ("+1 242 359 1234", "+12423591234"),
        ("+882 1234 5678 90", "+8821234567890"),
        ("+49 30 1234 5678 90", "+49301234567890"),
    ];
    for (input, expected) in table {
        assert_eq!(
            normalize_phone_number(input).as_deref(),
            Ok(expected),
            "{input:?}"
        );
    }
}

#[test]
fn each_reason_code() {
    let table = [
        ("", InvalidReason::Empty),
        ("   ", InvalidReason::Empty),
        ("-- . /", InvalidReason::Empty),
        ("()", InvalidReason::Empty),
        ("+", InvalidReason::Empty),
        ("06 12 34 56 7a", InvalidReason::InvalidCharacter('a')),
        ("O6 12 34 56 78", InvalidReason::InvalidCharacter('O')),
        ("06+12345678", InvalidReason::InvalidCharacter('+')),
        ("++33612345678", InvalidReason::InvalidCharacter('+')),
        ("06_12_34_56_78", InvalidReason::InvalidCharacter('_')),
        (
            "06 12 34 56 78 ext 12",
            InvalidReason::InvalidCharacter('e'),
        ),
        ("06\n12345678", InvalidReason::InvalidCharacter('\n')),
        ("０６12345678", InvalidReason::InvalidCharacter('０')),
        ("tel:+33612345678", InvalidReason::InvalidCharacter('t')),
        ("06 12 34 56 78 📞", InvalidReason::InvalidCharacter('📞')),
        ("00", InvalidReason::TooShort),
        ("+1", InvalidReason::NotInNumberingPlan(1)),
        ("+2", InvalidReason::TooShort),
        ("+7 123", InvalidReason::TooShort),
        ("+66 1234", InvalidReason::TooShort),
        ("+7 1234 5678 9012 345", InvalidReason::TooLong),
        ("+86 234 567 890 123 456", InvalidReason::TooLong),
        ("0086 1234 5678 9012 345", InvalidReason::TooLong),
        ("+49 123", InvalidReason::NotInNumberingPlan(49)),
        ("+44 1234", InvalidReason::NotInNumberingPlan(44)),
        (
            "06 12 34 56 78 06 12 34 56 78 06 12 34 56 78",
            InvalidReason::TooLong,
        ),
        ("+0612345678", InvalidReason::UnknownCountryCode),
        ("+0033612345678", InvalidReason::UnknownCountryCode),
        ("+999 123 456 789", InvalidReason::UnknownCountryCode),
        ("+28 1234 5678", InvalidReason::UnknownCountryCode),
        ("000 33 6 12 34 56 78", InvalidReason::UnknownCountryCode),
        ("612345678", InvalidReason::NationalFormatNotFrench),
        ("06123456789", InvalidReason::NationalFormatNotFrench),
        ("061234567", InvalidReason::NationalFormatNotFrench),
        ("4930123456", InvalidReason::NationalFormatNotFrench),
        ("1", InvalidReason::NationalFormatNotFrench),
        ("+33 6 12 34 56 7", InvalidReason::NotInNumberingPlan(33)),
        ("+33 6 12 34 56 789", InvalidReason::NotInNumberingPlan(33)),
        ("+33", InvalidReason::NotInNumberingPlan(33)),
        ("+33 0 6", InvalidReason::NotInNumberingPlan(33)),
        ("04 00 32 24 45", InvalidReason::NotInNumberingPlan(33)),
        ("07 00 56 59 36", InvalidReason::NotInNumberingPlan(33)),
        ("08 99 12 34 5", InvalidReason::NationalFormatNotFrench),
        ("+1 201 217 0", InvalidReason::NotInNumberingPlan(1)),
        ("+49 1234 5678 9012", InvalidReason::NotInNumberingPlan(49)),
        ("+33 690 12 34 56", InvalidReason::NotInNumberingPlan(33)),
    ];
    for (input, reason) in table {
        assert_eq!(normalize_phone_number(input), Err(reason), "{input:?}");
    }
}

#[test]
fn reason_codes_and_sentences() {
    let reasons = [
        (InvalidReason::Empty, "empty"),
        (InvalidReason::InvalidCharacter('x'), "invalid_characters"),
        (InvalidReason::TooShort, "too_short"),
        (InvalidReason::TooLong, "too_long"),
        (InvalidReason::UnknownCountryCode, "unknown_country_code"),
        (
            InvalidReason::NationalFormatNotFrench,
            "national_format_not_french",
        ),
        (
            InvalidReason::NotInNumberingPlan(33),
            "not_in_numbering_plan",
        ),
    ];
    for (reason, code) in reasons {
        assert_eq!(reason.code(), code);
        let en = reason.message(Lang::En);
        let fr = reason.message(Lang::Fr);
        assert!(en.ends_with('.') && fr.ends_with('.'), "{code}");
        assert_ne!(en, fr, "{code}");
        assert_eq!(reason.to_string(), en);
    }
    assert!(
        InvalidReason::InvalidCharacter('x')
            .message(Lang::En)
            .contains("“x”")
    );
    assert!(
        InvalidReason::InvalidCharacter('x')
            .message(Lang::Fr)
            .contains("« x »")
    );
    // Invisible characters are named by code point.
    assert!(
        InvalidReason::InvalidCharacter('\n')
            .message(Lang::En)
            .contains("U+000A")
    );
    assert!(
        InvalidReason::NotInNumberingPlan(262)
            .message(Lang::Fr)
            .contains("+262")
    );
}

#[test]
fn duplicates_under_different_spellings() {
    let report = parse_phone_numbers(
        [
            "06 12 34 56 78",
            "+33 6 98 76 54 32",
            "+33612345678",
            "bad",
            "0033 6 12 34 56 78",
            "06.98.76.54.32",
            "+33 (0)6 12 34 56 78",
        ],
        Lang::En,
    );
    assert_eq!(report.numbers, ["+33612345678", "+33698765432"]);
    assert_eq!(report.duplicates, ["+33612345678", "+33698765432"]);
    assert_eq!(report.invalid.len(), 1);
    assert_eq!(report.invalid[0].input, "bad");
    assert_eq!(report.invalid[0].code, "invalid_characters");
}

#[test]
fn duplicates_are_listed_in_order_of_first_repeat() {
    let report = parse_phone_numbers(
        ["0611111111", "0622222222", "0622222222", "0611111111"],
        Lang::En,
    );
    assert_eq!(report.numbers, ["+33611111111", "+33622222222"]);
    assert_eq!(report.duplicates, ["+33622222222", "+33611111111"]);
}

#[test]
fn invalid_entries_keep_their_input_and_language() {
    let report = parse_phone_numbers(["  612345678 ", ""], Lang::Fr);
    assert_eq!(
        report.invalid,
        [
            InvalidNumber {
                input: "612345678".to_string(),
                code: "national_format_not_french",
                reason: InvalidReason::NationalFormatNotFrench.message(Lang::Fr),
            },
            InvalidNumber {
                input: String::new(),
                code: "empty",
                reason: InvalidReason::Empty.message(Lang::Fr),
            },
        ]
    );
    assert!(report.numbers.is_empty() && report.duplicates.is_empty());
}

#[test]
fn split_list_separators() {
    let input = "0612345678, 0698765432;\n\r\n+33 6 11 11 11 11,,\n  \n06 22 22 22 22\r\n;";
    let entries: Vec<&str> = split_list(input).collect();
    assert_eq!(
        entries,
        [
            "0612345678",
            "0698765432",
            "+33 6 11 11 11 11",
            "06 22 22 22 22"
        ]
    );
    assert_eq!(split_list("").count(), 0);
    assert_eq!(split_list(" , ;\n").count(), 0);
    let report = parse_phone_numbers(split_list(input), Lang::En);
    assert_eq!(report.numbers.len(), 4);
    assert!(report.invalid.is_empty());
}

#[test]
fn report_serializes_in_camel_case() {
    let report = parse_phone_numbers(["0612345678", "0612345678", "x"], Lang::En);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "numbers": ["+33612345678"],
            "invalid": [{
                "input": "x",
                "code": "invalid_characters",
                "reason": InvalidReason::InvalidCharacter('x').message(Lang::En),
            }],
            "duplicates": ["+33612345678"],
            "details": [{ "number": "+33612345678", "region": "FR", "type": "mobile", "canReceiveSms": true }],
        })
    );
    let empty = serde_json::to_value(PhoneNumberReport::default()).unwrap();
    assert_eq!(
        empty,
        serde_json::json!({ "numbers": [], "invalid": [], "duplicates": [], "details": [] })
    );
}

#[test]
fn ten_thousand_entries_are_quick() {
    let mut text = String::new();
    for i in 0..10_000u32 {
        // Every tenth entry repeats an earlier number in another spelling.
        let n = if i % 10 == 9 { i - 9 } else { i };
        if i % 2 == 0 {
            text.push_str(&format!(
                "06 {:02} {:02} {:02} {:02},",
                n / 1_000_000 % 100,
                n / 10_000 % 100,
                n / 100 % 100,
                n % 100
            ));
        } else {
            text.push_str(&format!("+336{n:08}\n"));
        }
    }
    let start = Instant::now();
    let report = parse_phone_numbers(split_list(&text), Lang::En);
    let elapsed = start.elapsed();
    assert_eq!(report.numbers.len(), 9_000);
    assert_eq!(report.duplicates.len(), 1_000);
    assert!(report.invalid.is_empty());
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

proptest! {
    #[test]
    fn normalize_never_panics(text in any::<String>()) {
        if let Ok(number) = normalize_phone_number(&text) {
            prop_assert!(number.starts_with('+'));
            let digits = &number[1..];
            prop_assert!((6..=15).contains(&digits.len()));
            prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
            prop_assert!(!digits.starts_with('0'));
            prop_assert_eq!(normalize_phone_number(&number), Ok(number.clone()));
        }
    }

    #[test]
    fn normalize_never_panics_on_number_like_text(text in "[-+0-9 ().]{0,40}") {
        let _ = normalize_phone_number(&text);
    }

    #[test]
    fn parse_never_panics(entries in prop::collection::vec(any::<String>(), 0..20)) {
        let report = parse_phone_numbers(entries.iter().map(String::as_str), Lang::Fr);
        prop_assert_eq!(report.numbers.len() + report.invalid.len() + duplicate_entries(&entries),
            entries.len());
    }

    #[test]
    fn separators_do_not_change_the_number(
        digits in "[1-9][0-9]{8}",
        separators in prop::collection::vec(prop::sample::select(vec!["", " ", ".", "-", "/", "\u{A0}"]), 9),
    ) {
        let mut spaced = String::from("0");
        for (digit, separator) in digits.chars().zip(&separators) {
            spaced.push_str(separator);
            spaced.push(digit);
        }
        let plain = normalize_phone_number(&format!("0{digits}"));
        prop_assert_eq!(normalize_phone_number(&spaced), plain.clone());
        if plain.as_deref().is_ok_and(|n| n.starts_with("+33")) {
            prop_assert_eq!(normalize_phone_number(&format!("+33 {digits}")), plain.clone());
            prop_assert_eq!(normalize_phone_number(&format!("+33 (0){digits}")), plain);
        }
    }
}

/// Entries that are valid numbers already seen earlier in the list.
fn duplicate_entries(entries: &[String]) -> usize {
    let mut seen = std::collections::HashSet::new();
    entries
        .iter()
        .filter_map(|entry| normalize_phone_number(entry).ok())
        .filter(|number| !seen.insert(number.clone()))
        .count()
}

#[test]
fn length_sentences_state_the_e164_limits() {
    use smspartner_wasm::Lang;
    use smspartner_wasm::{InvalidReason, MAX_E164_DIGITS, MIN_E164_DIGITS};
    assert_eq!(
        InvalidReason::TooShort.message(Lang::En),
        format!(
            "The number is too short: with its country code, a phone number has at least {MIN_E164_DIGITS} digits."
        )
    );
    assert_eq!(
        InvalidReason::TooLong.message(Lang::Fr),
        format!(
            "Le numéro est trop long : avec l'indicatif du pays, un numéro de téléphone compte au plus {MAX_E164_DIGITS} chiffres."
        )
    );
    assert!(
        InvalidReason::TooLong
            .message(Lang::En)
            .contains(" 15 digits")
    );
}
