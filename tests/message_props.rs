//! Properties of `analyze` and `split` on arbitrary input: no panic, consistent counts.

use proptest::prelude::*;
use smspartner_wasm::{CharClass, classify};
use smspartner_wasm::{Encoding, Gamme, MessageOptions, STOP_MENTION, analyze, split, split_parts};

fn options() -> impl Strategy<Value = MessageOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(unicode, stop_sms, low_cost)| {
        MessageOptions {
            unicode,
            stop_sms,
            gamme: if low_cost {
                Gamme::LowCost
            } else {
                Gamme::Premium
            },
        }
    })
}

/// Text built from the pieces that matter at a boundary.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "€", "[", "^", "œ", ":br:", ":", "b", "r", "😀", "\r\n", "Ж", "\u{0C}", "ä", "’", "é",
        "\u{FFFD}", "§", "è", "Δ", "ñ", "文", "\u{EFFF}", "»", "~",
    ]);
    prop::collection::vec(pieces, 0..700).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..3000).prop_map(|v| v.into_iter().collect()),
        tricky(),
    ]
}

fn without_stop(options: &MessageOptions) -> MessageOptions {
    MessageOptions {
        stop_sms: false,
        ..*options
    }
}

/// The billed cost of each atom, one by one: the rules as the documentation states them, for
/// the walk (which counts plain runs in bulk) to match.
fn atom_costs(message: &str, options: &MessageOptions) -> Vec<u32> {
    let mut costs = Vec::new();
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        let (cost, width) = if rest.starts_with(":br:") {
            (2, 4)
        } else if rest.starts_with(":euro:") {
            (if options.unicode { 1 } else { 2 }, 6)
        } else if options.unicode {
            (c.len_utf16() as u32, c.len_utf8())
        } else {
            (classify(c).septets().unwrap_or(1), c.len_utf8())
        };
        costs.push(cost);
        rest = &rest[width..];
    }
    if options.stop_sms && options.gamme == Gamme::Premium && !message.is_empty() {
        costs.extend(
            STOP_MENTION
                .chars()
                .map(|c| classify(c).septets().unwrap_or(1)),
        );
    }
    costs
}

/// `(characters, smsCount, remaining)` of the atoms packed one by one, greedily.
fn packed_one_by_one(costs: &[u32], encoding: Encoding) -> (u32, u32, u32) {
    let (single, part) = (encoding.single_capacity(), encoding.part_capacity());
    let (mut parts, mut used) = (0, 0);
    for &cost in costs {
        if parts == 0 {
            parts = 1;
        } else if used + cost > part {
            parts += 1;
            used = 0;
        }
        used += cost;
    }
    let total: u32 = costs.iter().sum();
    match (parts, total <= single) {
        (0, _) => (0, 0, single),
        (_, true) => (total, 1, single - total),
        _ => (total, parts, part - used),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn split_gives_the_input_back_one_part_per_sms(message in any_text(), options in options()) {
        let analysis = analyze(&message, &options);
        let parts = split(&message, &options);
        prop_assert_eq!(parts.concat(), message.as_str());
        prop_assert_eq!(u32::try_from(parts.len()).unwrap(), analysis.sms_count);
    }

    #[test]
    fn parts_are_the_split_and_their_previews_the_preview(message in any_text(), options in options()) {
        let analysis = analyze(&message, &options);
        let parts = split_parts(&message, &options);
        let texts: Vec<&str> = parts.iter().map(|p| p.text).collect();
        prop_assert_eq!(&texts, &split(&message, &options));
        let previews: String = parts.iter().map(|p| p.preview.as_str()).collect();
        prop_assert_eq!(previews, analysis.preview.clone());
        let mut at = 0u32;
        for part in &parts {
            prop_assert_eq!(part.index, at);
            at += u32::try_from(part.text.encode_utf16().count()).unwrap();
            for edit in &part.edits {
                prop_assert!(edit.index >= part.index && edit.index + edit.length <= at);
            }
        }
        let replaced: Vec<(u32, &str)> = parts.iter().flat_map(|p| &p.edits)
            .filter(|e| e.kind == "replaced").map(|e| (e.index, e.shown)).collect();
        let expected: Vec<(u32, &str)> = analysis.replacements.iter().map(|r| (r.index, r.replacement)).collect();
        prop_assert_eq!(replaced, expected);
        let bad: Vec<u32> = parts.iter().flat_map(|p| &p.edits)
            .filter(|e| e.kind == "unsupported").map(|e| e.index).collect();
        prop_assert_eq!(bad, analysis.unsupported.iter().map(|u| u.index).collect::<Vec<_>>());
    }

    #[test]
    fn counts_are_consistent(message in any_text(), options in options()) {
        let analysis = analyze(&message, &options);
        let encoding = Encoding::for_options(&options);
        let (single, part) = (encoding.single_capacity(), encoding.part_capacity());
        prop_assert_eq!(analysis.encoding, encoding);
        prop_assert!(analysis.remaining <= analysis.per_sms);
        if message.is_empty() {
            prop_assert_eq!((analysis.characters, analysis.sms_count), (0, 0));
        } else if analysis.characters <= single {
            prop_assert_eq!(analysis.sms_count, 1);
        } else {
            prop_assert!(analysis.sms_count >= analysis.characters.div_ceil(part));
            // Each SMS wastes at most one unit (an atom costs at most 2).
            prop_assert!(analysis.sms_count <= analysis.characters.div_ceil(part - 1));
        }
        let expected_per_sms = if analysis.sms_count <= 1 { single } else { part };
        prop_assert_eq!(analysis.per_sms, expected_per_sms);
        if analysis.sms_count == 1 {
            prop_assert_eq!(analysis.remaining, single - analysis.characters);
        }
    }

    #[test]
    fn counts_are_those_of_the_atoms_packed_one_by_one(message in tricky(), options in options()) {
        let analysis = analyze(&message, &options);
        let expected = packed_one_by_one(&atom_costs(&message, &options), analysis.encoding);
        prop_assert_eq!((analysis.characters, analysis.sms_count, analysis.remaining), expected);
    }

    #[test]
    fn each_part_fits_its_sms(message in tricky(), options in options()) {
        let analysis = analyze(&message, &options);
        let bare = without_stop(&options);
        let parts = split(&message, &options);
        let mut sum = 0;
        for part in &parts {
            let cost = analyze(part, &bare).characters;
            if analysis.sms_count > 1 {
                prop_assert!(cost <= Encoding::for_options(&options).part_capacity());
            }
            sum += cost;
        }
        let stop = if options.stop_sms && options.gamme == Gamme::Premium && !message.is_empty() {
            14
        } else {
            0
        };
        prop_assert_eq!(sum + stop, analysis.characters);
    }

    #[test]
    fn indices_point_at_their_characters(message in any_text(), unicode in any::<bool>()) {
        let options = MessageOptions { unicode, ..MessageOptions::default() };
        let analysis = analyze(&message, &options);
        let utf16: Vec<u16> = message.encode_utf16().collect();
        let char_at = |index: u32| {
            let from = usize::try_from(index).unwrap();
            char::decode_utf16(utf16[from..].iter().copied()).next().unwrap().unwrap()
        };
        let mut last = None;
        for r in &analysis.replacements {
            prop_assert_eq!(char_at(r.index), r.char);
            prop_assert!(last < Some(r.index));
            last = Some(r.index);
            prop_assert_eq!(classify(r.char), CharClass::Replaced(r.replacement));
        }
        let mut last = None;
        for u in &analysis.unsupported {
            prop_assert_eq!(char_at(u.index), u.char);
            prop_assert!(last < Some(u.index));
            last = Some(u.index);
            prop_assert_eq!(classify(u.char), CharClass::Unsupported);
        }
        if unicode {
            prop_assert!(analysis.replacements.is_empty() && analysis.unsupported.is_empty());
        }
    }

    #[test]
    fn preview_is_what_travels(message in any_text(), options in options()) {
        let analysis = analyze(&message, &options);
        let stop = options.stop_sms && options.gamme == Gamme::Premium && !message.is_empty();
        let body = if stop {
            analysis.preview.strip_suffix(STOP_MENTION)
        } else {
            Some(analysis.preview.as_str())
        };
        prop_assert!(body.is_some());
        // The capacity reserved up front is never exceeded.
        prop_assert!(analysis.preview.len() <= message.len() + STOP_MENTION.len());
        if options.unicode {
            let expected = message.replace(":br:", "\n");
            prop_assert_eq!(body, Some(expected.as_str()));
            // UTF-16 units, the tag counting 2 instead of its 4.
            let tags = u32::try_from(message.matches(":br:").count()).unwrap();
            let units = u32::try_from(message.encode_utf16().count()).unwrap();
            let stop_units = if stop { 14 } else { 0 };
            prop_assert_eq!(analysis.characters, units - 2 * tags + stop_units);
        } else {
            for c in analysis.preview.chars() {
                prop_assert!(
                    matches!(classify(c), CharClass::Basic | CharClass::Extension),
                    "{:?} in the preview", c
                );
            }
        }
    }
}

#[test]
fn long_inputs_do_not_panic() {
    let long_pieces = [
        "a".repeat(1 << 20),
        "😀".repeat(300_000),
        "€".repeat(400_000),
        ":br:".repeat(250_000),
        "^".repeat(1 << 20),
        "\u{FFFD}".repeat(300_000),
    ];
    for message in &long_pieces {
        for unicode in [false, true] {
            let options = MessageOptions {
                unicode,
                stop_sms: true,
                gamme: Gamme::Premium,
            };
            let analysis = analyze(message, &options);
            let parts = split(message, &options);
            assert_eq!(u32::try_from(parts.len()).unwrap(), analysis.sms_count);
            assert_eq!(parts.concat(), *message);
        }
    }
}

#[test]
fn the_stop_mention_is_cut_where_its_sms_starts() {
    let options = MessageOptions {
        stop_sms: true,
        ..MessageOptions::default()
    };
    let message = "a".repeat(150);
    let parts = split_parts(&message, &options);
    let previews: Vec<&str> = parts.iter().map(|p| p.preview.as_str()).collect();
    assert_eq!(
        previews,
        [format!("{message} ST"), "OP au 36180".to_owned()]
    );
    assert_eq!(parts[1].text, "");
    assert_eq!(parts[1].index, 150);
    let line = split_parts("a:br:b", &MessageOptions::default());
    assert_eq!(line.len(), 1);
    assert_eq!(line[0].preview, "a\nb");
    assert_eq!(line[0].edits[0].kind, "lineBreak");
    assert_eq!((line[0].edits[0].index, line[0].edits[0].length), (1, 4));
}

/// In both encodings, the walk counts `message` as packing its atoms one by one would.
fn counts_as_packed_one_by_one(message: &str) {
    for unicode in [false, true] {
        let options = MessageOptions {
            unicode,
            ..MessageOptions::default()
        };
        let analysis = analyze(message, &options);
        let expected = packed_one_by_one(&atom_costs(message, &options), analysis.encoding);
        assert_eq!(
            (analysis.characters, analysis.sms_count, analysis.remaining),
            expected,
            "{message:?}, unicode: {unicode}"
        );
    }
}

#[test]
fn every_ascii_byte_at_every_place_of_a_run_counts_as_its_atom() {
    // The walk takes plain ASCII eight bytes at a time in UCS-2: each byte at each place of
    // such a word, in both encodings, beside a two-unit atom that may not fit.
    for byte in 0..128u8 {
        for at in 0..24 {
            for tail in ["", "😀", "€", "é"] {
                let mut message: String = "a".repeat(80 - at);
                message.push(char::from(byte));
                message.push_str(&"b".repeat(at));
                message.push_str(tail);
                counts_as_packed_one_by_one(&message);
            }
        }
    }
}

#[test]
fn a_two_unit_atom_at_every_place_around_a_part_boundary_counts_as_packed() {
    // A surrogate pair (or `€` in GSM-7) at each place of the words around the first and the
    // second part boundaries, after ASCII or accented text.
    // The colon makes the walk stop and start a run again: the words start elsewhere.
    for (prefix, fill) in [
        ("", "a"),
        ("", "é"),
        ("", "文"),
        (":", "a"),
        ("a:", "a"),
        ("aa:", "a"),
        ("aaa:", "a"),
    ] {
        for before in 55..150 {
            for atom in ["😀", "€", "😀😀", "€é"] {
                let message = format!("{prefix}{}{atom}{}", fill.repeat(before), "b".repeat(20));
                counts_as_packed_one_by_one(&message);
            }
        }
    }
}
