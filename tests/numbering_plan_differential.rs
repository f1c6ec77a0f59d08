//! The numbering-plan tables against the `phonenumber` crate (libphonenumber's metadata, the
//! same release) on generated numbers of every tabled region, in national and international
//! forms: validity, E.164, region and type.
//!
//! The numbers are drawn with a seeded generator near each region's example numbers (same
//! first digits, then random ones, one digit more or less now and then) and at random, so that
//! about half are valid. The crate is the reference; where it answers otherwise, the answer
//! must be one of the known differences below, each re-checked against libphonenumber's own
//! rule (a second reading of the same metadata, in this file):
//!
//! - `prefix_match`: the crate's `Descriptor::is_match` accepts a number when a *prefix* of it
//!   matches the pattern (`find` starting at 0) and its length is listed; libphonenumber
//!   requires the whole number to match (`matcher.matches()`). We follow libphonenumber.
//! - `leading_zeros`: `PhoneNumber::number_type` and `country().id()` read the national number
//!   through its `u64` value, losing leading zeros (Italy and the Vatican `0…`, Ivory Coast
//!   `0…`), so the crate types such numbers `Unknown` though it calls them valid. We type the
//!   number as written.
//! - `e164_maximum`: a few plans list national numbers so long that the whole exceeds E.164's
//!   15 digits (German 14- and 15-digit fixed lines); we refuse them as too long.
//! - `nanp_territory`: of +1, only the United States and Canada are tabled; a number of
//!   another territory (Jamaica, Puerto Rico…) gets its region from its area code and the type
//!   `unknown`, whatever the crate says of its validity.
//! - `trunk_prefix`: with a trunk prefix written after the country code (`+33 0 6…`) the crate
//!   strips it twice or keeps it where libphonenumber's rule says otherwise; we strip it once,
//!   when the number without it is in the plan (and the crate then reads the rest with its
//!   prefix match, as above). The crate also strips, without checking, a
//!   national number that merely starts with the trunk digit (Lithuania's `8 01…` VoIP and
//!   `800…` toll-free numbers after +370): libphonenumber keeps those, and so do we.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/plan_examples.rs"]
mod plan_examples;

use std::collections::BTreeMap;

use phonenumber::metadata::{DATABASE, Descriptor};
use phonenumber::{Metadata, Mode, Type};
use smspartner_wasm::{Lookup, NumberType};

/// The country codes of the tables (as in tools/phonemeta/generate.rs).
const CODES: &[u16] = &[
    33, 262, 590, 594, 596, 508, 43, 32, 359, 385, 357, 420, 45, 372, 358, 49, 30, 36, 353, 39,
    371, 370, 352, 356, 31, 48, 351, 40, 421, 386, 34, 46, 44, 41, 47, 1, 212, 213, 216, 221, 225,
    237,
];

/// Base numbers drawn; each is tried in two to four forms.
const NUMBERS: usize = 100_000;

/// SplitMix64: a small seeded generator, the same numbers on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What one side says of an input: `None` invalid, else `(E.164, region, type)`.
type Verdict = Option<(String, Option<String>, String)>;

/// Our answer.
fn ours(input: &str) -> Verdict {
    let details = smspartner_wasm::number_details(input).ok()?;
    Some((
        details.number,
        details.region.map(str::to_string),
        details.number_type.name().to_string(),
    ))
}

/// The crate's type names in ours (`FixedLine` → `fixedLine`).
fn type_name(kind: Type) -> String {
    let debug = format!("{kind:?}");
    let mut chars = debug.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// The crate's answer for an input, parsed with `region` as the default region.
fn crate_verdict(input: &str, region: Option<&str>) -> Verdict {
    let region = region.map(|r| r.parse().expect("a region id"));
    let number = phonenumber::parse(region, input).ok()?;
    let kind = number.number_type(&DATABASE);
    // `is_valid` is `number_type != Unknown` on the same metadata, but reads the national
    // number with its leading zeros: asked only then (the crate is slow to ask).
    let valid = if number.national().zeros() == 0 {
        kind != Type::Unknown
    } else {
        number.is_valid()
    };
    if !valid {
        return None;
    }
    let e164 = number.format().mode(Mode::E164).to_string();
    let id = number.country().id().map(|id| id.as_ref().to_string());
    Some((e164, id, type_name(kind)))
}

/// The French national form as dialled from France, from the answers of each country code
/// it can reach: an overseas geographic or mobile number first, then France, then any other
/// overseas number.
fn as_dialled_from_france(answer: impl Fn(u16) -> Verdict) -> Verdict {
    let overseas: Vec<Verdict> = [262, 590, 594, 596, 508].into_iter().map(&answer).collect();
    let geographic = |v: &&Verdict| {
        v.as_ref().is_some_and(|(_, _, kind)| {
            matches!(kind.as_str(), "mobile" | "fixedLine" | "fixedLineOrMobile")
        })
    };
    overseas
        .iter()
        .find(geographic)
        .cloned()
        .flatten()
        .or_else(|| answer(33))
        .or_else(|| overseas.iter().flatten().next().cloned())
}

/// The crate's answer for a French national number, read with the main region of each code
/// as the default region.
fn crate_french_national(input: &str) -> Verdict {
    as_dialled_from_france(|code| {
        let region = match code {
            262 => "RE",
            590 => "GP",
            594 => "GF",
            596 => "MQ",
            508 => "PM",
            _ => "FR",
        };
        crate_verdict(input, Some(region))
    })
}

/// How a descriptor is matched: the crate's way or libphonenumber's.
#[derive(Clone, Copy, PartialEq)]
enum Matching {
    Prefix,
    Whole,
}

fn matches(descriptor: &Descriptor, national: &str, how: Matching) -> bool {
    let lengths = descriptor.possible_length();
    if !lengths.is_empty() && !lengths.contains(&(national.len() as u16)) {
        return false;
    }
    match how {
        Matching::Prefix => descriptor.is_match(national),
        Matching::Whole => {
            descriptor
                .national_number()
                .find(national)
                .is_some_and(|m| m.start() == 0 && m.end() == national.len())
                || whole_match(descriptor.national_number().as_str(), national)
        }
    }
}

/// A full match of a metadata pattern (leftmost-first `find` may stop at a shorter
/// alternative, so the pattern is anchored at both ends).
fn whole_match(pattern: &str, national: &str) -> bool {
    thread_local! {
        static CACHE: std::cell::RefCell<BTreeMap<String, regex::Regex>> = Default::default();
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let regex = cache.entry(pattern.to_string()).or_insert_with(|| {
            regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
                .ignore_whitespace(true)
                .build()
                .expect("a metadata pattern")
        });
        regex.is_match(national)
    })
}

/// libphonenumber's `getNumberType`, read from the crate's metadata.
fn number_type(meta: &Metadata, national: &str, how: Matching) -> Option<String> {
    let d = meta.descriptors();
    let hit =
        |descriptor: Option<&Descriptor>| descriptor.is_some_and(|x| matches(x, national, how));
    if !matches(d.general(), national, how) {
        return None;
    }
    for (descriptor, name) in [
        (d.premium_rate(), "premiumRate"),
        (d.toll_free(), "tollFree"),
        (d.shared_cost(), "sharedCost"),
        (d.voip(), "voip"),
        (d.personal_number(), "personalNumber"),
        (d.pager(), "pager"),
        (d.uan(), "uan"),
        (d.voicemail(), "voicemail"),
    ] {
        if hit(descriptor) {
            return Some(name.to_string());
        }
    }
    let same = d.fixed_line().map(|x| x.national_number().as_str())
        == d.mobile().map(|x| x.national_number().as_str());
    if hit(d.fixed_line()) {
        return Some(
            if same || hit(d.mobile()) {
                "fixedLineOrMobile"
            } else {
                "fixedLine"
            }
            .to_string(),
        );
    }
    hit(d.mobile()).then(|| "mobile".to_string())
}

/// libphonenumber's verdict for a national significant number under a code: the region by
/// `getRegionCodeForNumberFromRegionList`, then its type.
fn libphonenumber(code: u16, national: &str, how: Matching) -> Verdict {
    let regions = DATABASE.region(&code)?;
    let single = regions.len() == 1;
    for name in regions {
        let meta = DATABASE.by_id(name)?;
        let leads = meta
            .leading_digits()
            .is_some_and(|re| re.find(national).is_some_and(|m| m.start() == 0));
        let kind = number_type(meta, national, how);
        if single || leads {
            return kind.map(|kind| (format!("+{code}{national}"), Some(name.to_string()), kind));
        }
        if meta.leading_digits().is_none() && kind.is_some() {
            return kind.map(|kind| (format!("+{code}{national}"), Some(name.to_string()), kind));
        }
    }
    None
}

/// Whether the main region of `code` would read the start of `national` as a trunk prefix
/// (`nationalPrefix`, or `nationalPrefixForParsing` such as Lithuania's `[08]`).
fn starts_with_trunk_prefix(code: u16, national: &str) -> bool {
    let Some(meta) = DATABASE
        .by_code(&code)
        .and_then(|list| list.into_iter().next())
    else {
        return false;
    };
    meta.national_prefix()
        .is_some_and(|p| national.starts_with(p))
        || meta
            .national_prefix_for_parsing()
            .is_some_and(|re| re.find(national).is_some_and(|m| m.start() == 0))
}

/// Digits `0`–`9` as text.
fn digits_of(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}

/// A national significant number near the plan of a region of `code`.
fn draw(rng: &mut Rng, code: u16) -> String {
    let mut regions = DATABASE.region(&code).expect("a tabled code");
    if code == 1 {
        regions = vec!["US", "CA"];
    }
    let meta = DATABASE
        .by_id(regions[rng.below(regions.len())])
        .expect("a region");
    let examples = plan_examples::examples(meta);
    let example = if examples.is_empty() || rng.below(8) == 0 {
        digits_of(rng, 9)
    } else {
        examples[rng.below(examples.len())].to_string()
    };
    let keep = rng.below(example.len() + 1);
    let length = match rng.below(10) {
        0 => example.len() + 1,
        1 => example.len().saturating_sub(1).max(2),
        _ => example.len(),
    };
    let mut number: String = example.chars().take(keep.min(length)).collect();
    let more = length - number.len();
    number.push_str(&digits_of(rng, more));
    number
}

/// Inserts spaces and other separators people type.
fn spaced(rng: &mut Rng, digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && rng.below(3) == 0 {
            out.push([' ', '.', '-', '\u{A0}'][rng.below(4)]);
        }
        out.push(c);
    }
    out
}

/// The crate compiles its patterns lazily into an LRU cache of 100 regexes, fewer than the
/// tabled regions use: made large enough to hold them all (or every lookup recompiles).
fn hold_every_pattern() {
    if let Ok(mut cache) = DATABASE.cache().lock() {
        cache.set_capacity(20_000);
    }
}

#[test]
fn tables_agree_with_libphonenumber_metadata() {
    hold_every_pattern();
    let mut rng = Rng(0x5EED_0033_0612_3456);
    let mut compared = 0usize;
    let mut valid = 0usize;
    let mut exceptions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for _ in 0..NUMBERS {
        let code = CODES[rng.below(CODES.len())];
        let national = draw(&mut rng, code);
        let mut forms: Vec<(String, Option<&str>, bool)> = vec![(
            format!("+{code} {}", spaced(&mut rng, &national)),
            None,
            false,
        )];
        if rng.below(8) == 0 {
            // The international prefix 00 as dialled from France.
            forms.push((format!("00{code}{national}"), Some("FR"), false));
        }
        let trunk = smspartner_wasm::trunk_prefix(code).unwrap_or(&[]);
        if trunk == [0] && rng.below(8) == 0 && !national.starts_with('0') {
            forms.push((format!("+{code} 0{national}"), None, true));
        }
        if [33, 262, 590, 594, 596, 508].contains(&code)
            && national.len() == 9
            && !national.starts_with('0')
        {
            forms.push((
                format!("0{}", spaced(&mut rng, &national)),
                Some("national"),
                false,
            ));
        }
        for (input, national_form, trunk_written) in forms {
            compared += 1;
            let mine = ours(&input);
            let reference = match national_form {
                Some("national") => crate_french_national(&input),
                region => crate_verdict(&input, region),
            };
            let national_form = national_form.filter(|form| *form == "national");
            valid += usize::from(reference.is_some());
            if mine == reference {
                continue;
            }
            // libphonenumber's rule on the same metadata, for the national number meant, and
            // the crate's looser reading of the patterns.
            let read = |how| {
                if national_form.is_some() {
                    as_dialled_from_france(|c| libphonenumber(c, &national, how))
                } else {
                    libphonenumber(code, &national, how)
                }
            };
            let exact = read(Matching::Whole);
            let loose = read(Matching::Prefix);
            let long = exact.as_ref().is_some_and(|(e164, _, _)| e164.len() > 16);
            let territory = mine.as_ref().is_some_and(|(_, region, kind)| {
                code == 1 && kind == "unknown" && !matches!(region.as_deref(), Some("US" | "CA"))
            });
            let explained = if territory
                && reference
                    .as_ref()
                    .is_none_or(|(_, region, _)| *region == mine.as_ref().and_then(|m| m.1.clone()))
            {
                Some("nanp_territory")
            } else if long && mine.is_none() {
                Some("e164_maximum")
            } else if mine != exact {
                None
            } else if loose == reference && loose != exact {
                Some("prefix_match")
            } else if trunk_written || starts_with_trunk_prefix(code, &national) {
                Some("trunk_prefix")
            } else if national.starts_with('0') {
                Some("leading_zeros")
            } else {
                None
            };
            match explained {
                Some(class) => *exceptions.entry(class).or_default() += 1,
                None => failures.push(format!(
                    "{input:?}: ours {mine:?}, crate {reference:?}, libphonenumber {exact:?}"
                )),
            }
        }
    }
    eprintln!(
        "{compared} inputs compared ({valid} valid for the crate); known differences: {exceptions:?}"
    );
    assert!(compared >= NUMBERS, "{compared}");
    assert!(valid > compared / 4, "too few valid numbers drawn: {valid}");
    assert!(
        failures.is_empty(),
        "{} disagreements, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_region_of_the_tables_is_reached() {
    // Each region's own example numbers land in that region with the example's type.
    hold_every_pattern();
    let mut checked = 0;
    for &code in CODES {
        for name in DATABASE.region(&code).expect("a code") {
            let meta = DATABASE.by_id(name).expect("a region");
            let d = meta.descriptors();
            for descriptor in [d.fixed_line(), d.mobile(), d.toll_free(), d.premium_rate()]
                .into_iter()
                .flatten()
            {
                let Some(example) = descriptor.example() else {
                    continue;
                };
                let digits: Vec<u8> = example.bytes().map(|b| b - b'0').collect();
                let expected = libphonenumber(code, example, Matching::Whole);
                let found = match smspartner_wasm::lookup(code, &digits) {
                    Lookup::Valid {
                        region,
                        number_type,
                    } => Some((region, number_type)),
                    _ => None,
                };
                match (expected, found) {
                    (Some((_, Some(region), _)), Some((found, NumberType::Unknown)))
                        if code == 1 && !matches!(found, "US" | "CA") =>
                    {
                        assert_eq!(found, region, "{name} {example}");
                    }
                    (Some((_, Some(region), kind)), Some((found, number_type))) => {
                        assert_eq!(
                            (found, number_type.name()),
                            (region.as_str(), kind.as_str()),
                            "{name} {example}"
                        );
                    }
                    (None, None) => {}
                    (expected, found) => panic!("{name} {example}: {expected:?} vs {found:?}"),
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked}");
}
