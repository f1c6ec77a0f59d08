//! `allowedRegions`: every region of the numbering plans allowed when listed and refused when
//! not, the numbers of no single region (`"001"`), the French default list, the option's own
//! errors, the sentences, and the same check through `sendBulk` and a client's `send`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/plan_examples.rs"]
mod plan_examples;

use std::collections::BTreeMap;

use phonenumber::metadata::DATABASE;
use serde_json::{Value, json};
use smspartner_wasm::ApiKey;
use smspartner_wasm::FRENCH_REGIONS;
use smspartner_wasm::InputValue;
use smspartner_wasm::RawRequest;
use smspartner_wasm::{
    self, NO_SINGLE_REGION, RawValidateOptions, RegionSet, ValidateOptions, ValidationReport,
    read_validate_options,
};
use smspartner_wasm::{Issue, IssueCode};
use smspartner_wasm::{RawBulk, RawMessage, RawMessages, plan_bulk};

/// 24 November 2026, 10:00 UTC (nothing here is scheduled).
const NOW_MS: i64 = 1_795_514_400_000;

/// The options read as the bindings read them, `allowedRegions` and `lang` from JSON.
fn read(allowed: Value, lang: &str) -> (ValidateOptions, Vec<Issue>) {
    let raw = RawValidateOptions {
        allowed_regions: InputValue::from_json(&allowed),
        lang: InputValue::Text(lang.to_owned()),
        require_api_key: InputValue::Bool(false),
        ..RawValidateOptions::default()
    };
    read_validate_options(&raw, NOW_MS)
}

/// `validateSendRequest({ phoneNumbers, message }, { requireApiKey: false, allowedRegions })`.
fn check(numbers: Value, allowed: Value, lang: &str) -> ValidationReport {
    let (options, option_issues) = read(allowed, lang);
    let request = json!({"phoneNumbers": numbers, "message": "Bonjour"});
    smspartner_wasm::validate(&RawRequest::from_json(&request).unwrap(), &options)
        .with_option_issues(option_issues)
}

/// The issues of `destination_not_allowed`.
fn refused(report: &ValidationReport) -> Vec<&Issue> {
    report
        .errors
        .iter()
        .filter(|e| e.code == IssueCode::DestinationNotAllowed)
        .collect()
}

/// Numbers of regions none of whose metadata examples the plans put there (Saint-Martin's land
/// in Guadeloupe and Saint-Barthélemy, which share +590 with it).
const MORE_EXAMPLES: &[(&str, &str)] = &[("MF", "+590590000123")];

/// Regions of a tabled code that no number reaches: every number of Western Sahara's plan is
/// also Morocco's, listed first for +212 (as libphonenumber answers too).
const SHADOWED: &[(&str, &str)] = &[("EH", "MA")];

/// Every region the numbering plans give a number, with one valid number of it in E.164: the
/// regions of the tabled codes (libphonenumber's regions of each) and those of the single-region
/// codes outside the tables, the region being what `details` reports. The numbers are the
/// metadata's examples, written with enough digits for a code outside the tables (Tokelau's
/// have 4), else [`MORE_EXAMPLES`].
fn every_region() -> BTreeMap<&'static str, String> {
    let mut found = BTreeMap::new();
    for code in 1..1000u16 {
        let regions: Vec<String> = if smspartner_wasm::trunk_prefix(code).is_some() {
            DATABASE
                .region(&code)
                .expect("a tabled code is libphonenumber's")
                .iter()
                .map(|r| r.to_string())
                .collect()
        } else if let Some(region) = smspartner_wasm::single_region(code) {
            vec![region.to_owned()]
        } else {
            continue;
        };
        for region in regions {
            let meta = DATABASE.by_id(&region).expect("a region of libphonenumber");
            let candidates = plan_examples::examples(meta)
                .into_iter()
                .map(|national| {
                    let mut number = format!("+{code}{national}");
                    while number.len() <= smspartner_wasm::MIN_E164_DIGITS {
                        number.push('0');
                    }
                    number
                })
                .chain(
                    MORE_EXAMPLES
                        .iter()
                        .filter(|(r, _)| *r == region)
                        .map(|(_, n)| n.to_string()),
                );
            let in_region = |number: &String| {
                let details = smspartner_wasm::number_details(number).ok()?;
                (details.region == Some(region.as_str())).then_some(details)
            };
            if let Some(&(_, instead)) = SHADOWED.iter().find(|(r, _)| *r == region) {
                for number in candidates {
                    let details = smspartner_wasm::number_details(&number).unwrap();
                    assert_eq!(details.region, Some(instead), "{number}");
                }
                continue;
            }
            let number = candidates
                .filter_map(|number| in_region(&number))
                .next()
                .unwrap_or_else(|| panic!("no number of {region} (+{code}) in {region}"));
            found.insert(number.region.unwrap(), number.number);
        }
    }
    found
}

#[test]
fn every_region_of_the_plans_is_allowed_when_listed_and_refused_otherwise() {
    let regions = every_region();
    // The 76 regions of the tables but Western Sahara, and the 160 single-region codes.
    assert_eq!(regions.len(), 75 + 160);
    for (region, number) in &regions {
        let listed = check(json!(number), json!([region]), "en");
        assert!(
            listed.valid,
            "{number} with [{region}]: {:?}",
            listed.errors
        );
        let lower = check(json!(number), json!(["zz", region.to_lowercase()]), "en");
        assert!(lower.valid, "{number} with [{}]", region.to_lowercase());

        let others: Vec<&str> = regions.keys().copied().filter(|r| r != region).collect();
        let not_listed = check(json!(number), json!(others), "en");
        assert!(
            !not_listed.valid && not_listed.request.is_none(),
            "{number}"
        );
        let issues = refused(&not_listed);
        assert_eq!(issues.len(), 1, "{number}: {:?}", not_listed.errors);
        assert_eq!(issues[0].field, "phoneNumbers");
        assert!(
            issues[0]
                .message
                .starts_with(&format!("{number} is in region {region}, outside")),
            "{}",
            issues[0].message
        );
        assert_eq!(
            not_listed.errors.len(),
            1,
            "{number}: {:?}",
            not_listed.errors
        );
    }
}

#[test]
fn numbers_of_no_single_region_need_001() {
    let numbers = [
        "+882351234567",
        "+883510012345678",
        "+870773123456",
        "+979123456789",
        "+80012345678",
        "+79123456789",
        "+59997012345",
    ];
    let all: Vec<&str> = every_region().into_keys().collect();
    for number in numbers {
        assert_eq!(
            smspartner_wasm::number_details(number).unwrap().region,
            None,
            "{number}"
        );
        let default = check(json!(number), json!(FRENCH_REGIONS), "en");
        let issues = refused(&default);
        assert_eq!(issues.len(), 1, "{number}");
        assert_eq!(
            issues[0].message,
            format!(
                "{number} is in region 001 (international networks, non-geographic numbers and \
                 country codes shared by several regions: list \"001\" to allow them), outside \
                 the allowed destinations (BL, FR, GF, GP, MF, MQ, NC, PF, PM, RE, WF, YT)"
            )
        );
        assert!(check(json!(number), json!(["FR", "001"]), "en").valid);
        // Every region of the plans listed is not enough.
        assert_eq!(refused(&check(json!(number), json!(all), "en")).len(), 1);
    }
    // "001" allows those numbers only.
    let ci = check(json!("+2250701234567"), json!(["001"]), "en");
    assert_eq!(refused(&ci).len(), 1);
}

#[test]
fn the_default_list_allows_france_and_its_overseas_numbers_only() {
    let default = json!(FRENCH_REGIONS);
    for (number, region) in [
        ("06 12 34 56 78", "FR"),
        ("07 56 12 34 56", "FR"),
        ("+33 7 56 12 34 56", "FR"),
        ("0690 12 34 56", "GP"),
        ("0692 12 34 56", "RE"),
        ("0639 01 23 45", "YT"),
        ("+590 690 12 34 56", "GP"),
        ("+262 639 01 23 45", "YT"),
        ("+596 696 12 34 56", "MQ"),
        ("+687 75 12 34", "NC"),
    ] {
        let details = smspartner_wasm::number_details(number).unwrap();
        assert_eq!(
            (details.region, details.number_type.name()),
            (
                Some(region),
                if region == "NC" { "unknown" } else { "mobile" }
            ),
            "{number}"
        );
        let report = check(json!(number), default.clone(), "en");
        assert!(report.valid, "{number}: {:?}", report.errors);
    }
    let report = check(
        json!("+882351234567, 06 12 34 56 78, +2250701234567"),
        default,
        "en",
    );
    assert!(!report.valid);
    assert_eq!(report.recipients, 3);
    let messages: Vec<&str> = refused(&report).iter().map(|i| &*i.message).collect();
    assert_eq!(messages.len(), 2);
    assert!(messages[0].starts_with("+882351234567 is in region 001 ("));
    assert_eq!(
        messages[1],
        "+2250701234567 is in region CI, outside the allowed destinations (BL, FR, GF, GP, MF, \
         MQ, NC, PF, PM, RE, WF, YT)"
    );
}

#[test]
fn the_french_list_is_the_plans_french_regions() {
    let regions = every_region();
    for region in FRENCH_REGIONS {
        assert!(
            regions.contains_key(region),
            "{region} is not a region of the plans"
        );
    }
    assert!(!FRENCH_REGIONS.contains(&NO_SINGLE_REGION));
    // Every region of France's codes: the tabled ones and Wallis-et-Futuna, New Caledonia and
    // French Polynesia outside the tables.
    let mut french: Vec<String> = [33, 262, 590, 594, 596, 508]
        .iter()
        .flat_map(|code| DATABASE.region(code).unwrap())
        .map(|r| r.to_string())
        .chain(
            [681, 687, 689]
                .iter()
                .map(|&c| smspartner_wasm::single_region(c).unwrap().to_owned()),
        )
        .collect();
    french.sort();
    let mut listed: Vec<String> = FRENCH_REGIONS.iter().map(|r| r.to_string()).collect();
    listed.sort();
    assert_eq!(listed, french);
    // Written out where people read it: the declarations and the package's README.
    let quoted = FRENCH_REGIONS
        .iter()
        .map(|r| format!("`\"{r}\"`"))
        .collect::<Vec<_>>()
        .join(", ");
    let typescript = std::fs::read_to_string("src/bindings/typescript.rs").unwrap();
    assert!(
        typescript.replace("\n * ", " ").contains(&quoted),
        "src/bindings/typescript.rs: {quoted}"
    );
    let plain = FRENCH_REGIONS.join(", ");
    for readme in ["src/js/README.md", "docs/api.md"] {
        let text = std::fs::read_to_string(readme).unwrap();
        assert!(text.contains(&format!("({plain})")), "{readme}: {plain}");
    }
}

#[test]
fn wrong_options_are_option_invalid_never_a_check() {
    let wrong = [
        json!("FR"),
        json!(["FR", 33]),
        json!(["FRA"]),
        json!(["F"]),
        json!([""]),
        json!(["F1"]),
        json!(["01"]),
        json!([["FR"]]),
        json!(["FR", null]),
        json!({"0": "FR"}),
        json!(true),
        json!(33),
    ];
    for allowed in wrong {
        let report = check(json!("+2250701234567"), allowed.clone(), "en");
        assert!(!report.valid, "{allowed}");
        let issues: Vec<(&str, IssueCode)> =
            report.errors.iter().map(|e| (&*e.field, e.code)).collect();
        assert_eq!(issues, [("options", IssueCode::OptionInvalid)], "{allowed}");
        assert_eq!(
            report.errors[0].message,
            "options.allowedRegions must be an array of region codes, two letters each (\"FR\", \
             \"GP\"…) or \"001\"",
        );
        let french = check(json!("0612345678"), allowed.clone(), "fr");
        assert_eq!(
            french.errors[0].message,
            "options.allowedRegions doit être un tableau de codes de région de deux lettres \
             chacun (« FR », « GP »…) ou « 001 »",
        );
    }
    for unreadable in [
        InputValue::Unreadable,
        InputValue::List(vec![InputValue::Text("FR".into()), InputValue::Unread(3)]),
        InputValue::List(vec![InputValue::Unreadable]),
        InputValue::Other("function"),
    ] {
        let raw = RawValidateOptions {
            allowed_regions: unreadable.clone(),
            ..RawValidateOptions::default()
        };
        let (options, issues) = read_validate_options(&raw, NOW_MS);
        assert_eq!(options.allowed_regions, None, "{unreadable:?}");
        assert_eq!(issues.len(), 1, "{unreadable:?}");
        assert_eq!(issues[0].code, IssueCode::OptionInvalid);
    }
    // Not given (undefined) or null: no check, no issue.
    let (options, issues) = read_validate_options(&RawValidateOptions::default(), NOW_MS);
    assert_eq!((options.allowed_regions, issues.len()), (None, 0));
    let (options, issues) = read(Value::Null, "en");
    assert_eq!((options.allowed_regions, issues.len()), (None, 0));
    let report = check(json!("+2250701234567, +882351234567"), Value::Null, "en");
    assert!(report.valid, "no option, no check: {:?}", report.errors);
}

#[test]
fn an_empty_list_allows_nothing_and_lists_are_read_leniently() {
    let report = check(json!("0612345678"), json!([]), "en");
    assert_eq!(
        refused(&report)[0].message,
        "+33612345678 is in region FR, outside the allowed destinations (none)"
    );
    let report = check(json!("0612345678"), json!([]), "fr");
    assert_eq!(
        refused(&report)[0].message,
        "+33612345678 est dans la région FR, hors des destinations autorisées (aucune)"
    );
    // Lower case, repeats and order do not matter; the sentence lists them sorted, once.
    let set = RegionSet::of(["gp", "FR", "Fr", "001"]).unwrap();
    assert_eq!(set.codes().collect::<Vec<_>>(), ["FR", "GP", "001"]);
    assert!(set.allows(Some("FR")) && set.allows(Some("GP")) && set.allows(None));
    assert!(!set.allows(Some("RE")) && !set.allows(Some("fra")));
    assert_eq!(RegionSet::of(["FRA"]), None);
    // Every code the set can hold, in and out in the same order.
    let every: Vec<String> = ('A'..='Z')
        .flat_map(|a| ('A'..='Z').map(move |b| format!("{a}{b}")))
        .chain([NO_SINGLE_REGION.to_owned()])
        .collect();
    let set = RegionSet::of(every.iter().map(String::as_str)).unwrap();
    assert_eq!(set.codes().collect::<Vec<_>>(), every);
    let report = check(json!("+2250701234567"), json!(["gp", "FR", "Fr"]), "en");
    assert!(refused(&report)[0].message.ends_with("(FR, GP)"));
}

#[test]
fn french_sentences() {
    let report = check(
        json!("+2250701234567, +882351234567"),
        json!(FRENCH_REGIONS),
        "fr",
    );
    let messages: Vec<&str> = refused(&report).iter().map(|i| &*i.message).collect();
    assert_eq!(
        messages,
        [
            "+2250701234567 est dans la région CI, hors des destinations autorisées (BL, FR, GF, \
             GP, MF, MQ, NC, PF, PM, RE, WF, YT)",
            "+882351234567 est dans la région 001 (réseaux internationaux, numéros non \
             géographiques et indicatifs partagés par plusieurs régions : ajoutez « 001 » pour \
             les autoriser), hors des destinations autorisées (BL, FR, GF, GP, MF, MQ, NC, PF, \
             PM, RE, WF, YT)",
        ]
    );
}

#[test]
fn many_numbers_and_long_lists_are_summed_up() {
    // 25 numbers of Ivory Coast, one given twice: 20 listed, the other 5 counted.
    let mut numbers: Vec<String> = (0..25).map(|i| format!("+22507012345{i:02}")).collect();
    numbers.push(numbers[0].clone());
    let report = check(json!(numbers), json!(["FR"]), "en");
    let issues = refused(&report);
    assert_eq!(issues.len(), 21);
    assert!(
        issues[..20]
            .iter()
            .all(|i| i.message.contains(" is in region CI, "))
    );
    assert_eq!(
        issues[20].message,
        "5 more phone numbers are outside the allowed destinations"
    );
    assert_eq!(issues[20].field, "phoneNumbers");
    let french = check(json!(numbers), json!(["FR"]), "fr");
    assert_eq!(
        refused(&french)[20].message,
        "5 autres numéros sont hors des destinations autorisées"
    );
    // Of a long list of allowed regions, the first 15 are written.
    let many: Vec<String> = ('A'..='T').map(|c| format!("A{c}")).collect();
    let report = check(json!("0612345678"), json!(many), "en");
    assert!(
        refused(&report)[0]
            .message
            .ends_with("(AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO and 5 more)"),
        "{}",
        refused(&report)[0].message
    );
    let report = check(json!("0612345678"), json!(many), "fr");
    assert!(refused(&report)[0].message.ends_with("AO et 5 autres)"));
}

#[test]
fn invalid_numbers_are_not_destinations() {
    let report = check(json!("+2250701234567, 12, 0612345678"), json!(["FR"]), "en");
    let codes: Vec<IssueCode> = report.errors.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            IssueCode::PhoneNumberInvalid,
            IssueCode::DestinationNotAllowed
        ]
    );
}

#[test]
fn bulk_and_client_sends_check_the_same_regions() {
    let (options, issues) = read(json!(FRENCH_REGIONS), "en");
    assert!(issues.is_empty());
    let text = |s: &str| InputValue::Text(s.to_owned());
    let raw = RawBulk {
        options: RawRequest {
            sandbox: InputValue::Number(1.0),
            ..RawRequest::default()
        },
        messages: RawMessages::List(vec![
            RawMessage::Item {
                phone_number: text("0690 12 34 56"),
                message: text("Bonjour"),
            },
            RawMessage::Item {
                phone_number: text("+2250701234567"),
                message: text("Bonjour"),
            },
        ]),
    };
    let found = plan_bulk(&raw, &options).unwrap_err();
    let fields: Vec<(&str, IssueCode)> = found.iter().map(|e| (&*e.field, e.code)).collect();
    assert_eq!(
        fields,
        [("messages[1].phoneNumber", IssueCode::DestinationNotAllowed)]
    );

    let key = ApiKey::new("k3y-0123456789").unwrap();
    let request =
        RawRequest::from_json(&json!({"phoneNumbers": "+2250701234567", "message": "x"})).unwrap();
    let error = smspartner_wasm::for_client(Ok(&request), &options, Vec::new(), &key).unwrap_err();
    assert_eq!(error.errors.len(), 1);
    assert_eq!(error.errors[0].code, IssueCode::DestinationNotAllowed);
    assert!(error.message.contains("+2250701234567 is in region CI"));
    let french =
        RawRequest::from_json(&json!({"phoneNumbers": "0612345678", "message": "x"})).unwrap();
    assert!(smspartner_wasm::for_client(Ok(&french), &options, Vec::new(), &key).is_ok());
}

#[test]
fn parse_phone_numbers_refuses_the_same_numbers_with_the_same_sentence() {
    let regions = every_region();
    let french = RegionSet::of(FRENCH_REGIONS.iter().copied()).expect("the French list");
    for (region, number) in &regions {
        for (lang, tag) in [
            (smspartner_wasm::Lang::En, "en"),
            (smspartner_wasm::Lang::Fr, "fr"),
        ] {
            let report =
                smspartner_wasm::parse_phone_numbers_refusing([number.as_str()], lang, |details| {
                    smspartner_wasm::destination_refusal(details, &french, lang)
                });
            let validated = check(json!(number), json!(FRENCH_REGIONS), tag);
            if FRENCH_REGIONS.contains(region) {
                assert_eq!(report.numbers.len(), 1, "{number}: {:?}", report.invalid);
                assert!(validated.valid, "{number}");
                continue;
            }
            assert!(
                report.numbers.is_empty() && report.details.is_empty(),
                "{number}"
            );
            assert_eq!(report.invalid.len(), 1, "{number}");
            let entry = &report.invalid[0];
            assert_eq!(
                (entry.input.as_str(), entry.code),
                (number.as_str(), smspartner_wasm::DESTINATION_NOT_ALLOWED)
            );
            // One rule: the reason is validateSendRequest's sentence, word for word.
            assert_eq!(entry.reason, refused(&validated)[0].message, "{number}");
        }
    }
    // Invalid entries keep their own reason; refused ones keep their place in the input.
    let report = smspartner_wasm::parse_phone_numbers_refusing(
        ["+882351234567", "12", "06 12 34 56 78", "+2250701234567"],
        smspartner_wasm::Lang::En,
        |details| smspartner_wasm::destination_refusal(details, &french, smspartner_wasm::Lang::En),
    );
    let codes: Vec<&str> = report.invalid.iter().map(|entry| entry.code).collect();
    assert_eq!(
        codes,
        [
            "destination_not_allowed",
            "national_format_not_french",
            "destination_not_allowed"
        ]
    );
    assert_eq!(report.numbers, ["+33612345678"]);
    assert!(
        report.invalid[0]
            .reason
            .contains("001 (international networks")
    );
}
