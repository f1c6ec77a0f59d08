//! Message length at the SMS boundaries, replacements, STOP mention, indices and preview.

use smspartner_wasm::{
    Encoding, Gamme, MessageAnalysis, MessageOptions, Replacement, STOP_MENTION, Unsupported,
    analyze, split,
};

const GSM: MessageOptions = MessageOptions {
    unicode: false,
    stop_sms: false,
    gamme: Gamme::Premium,
};
const UCS: MessageOptions = MessageOptions {
    unicode: true,
    stop_sms: false,
    gamme: Gamme::Premium,
};
const GSM_STOP: MessageOptions = MessageOptions {
    unicode: false,
    stop_sms: true,
    gamme: Gamme::Premium,
};
const UCS_STOP: MessageOptions = MessageOptions {
    unicode: true,
    stop_sms: true,
    gamme: Gamme::Premium,
};
const GSM_STOP_LOW_COST: MessageOptions = MessageOptions {
    unicode: false,
    stop_sms: true,
    gamme: Gamme::LowCost,
};

fn a(n: usize) -> String {
    "a".repeat(n)
}

/// One expected count: characters, smsCount, perSms, remaining.
struct Case {
    name: &'static str,
    message: String,
    options: MessageOptions,
    counts: [u32; 4],
    /// Expected split, when the case pins it.
    parts: Option<Vec<String>>,
}

fn case(name: &'static str, message: String, options: MessageOptions, counts: [u32; 4]) -> Case {
    Case {
        name,
        message,
        options,
        counts,
        parts: None,
    }
}

fn cut(name: &'static str, parts: &[&str], options: MessageOptions, counts: [u32; 4]) -> Case {
    Case {
        name,
        message: parts.concat(),
        options,
        counts,
        parts: Some(parts.iter().map(|p| (*p).to_owned()).collect()),
    }
}

fn counts(analysis: &MessageAnalysis) -> [u32; 4] {
    [
        analysis.characters,
        analysis.sms_count,
        analysis.per_sms,
        analysis.remaining,
    ]
}

fn run(cases: Vec<Case>) {
    for case in cases {
        let analysis = analyze(&case.message, &case.options);
        assert_eq!(counts(&analysis), case.counts, "{}", case.name);
        let parts = split(&case.message, &case.options);
        assert_eq!(parts.concat(), case.message, "{}: concat", case.name);
        assert_eq!(
            u32::try_from(parts.len()).unwrap(),
            analysis.sms_count,
            "{}: one part per SMS",
            case.name
        );
        if let Some(expected) = case.parts {
            assert_eq!(parts, expected, "{}: parts", case.name);
        }
    }
}

#[test]
fn gsm_length_boundaries() {
    run(vec![
        case("1", a(1), GSM, [1, 1, 160, 159]),
        case("160", a(160), GSM, [160, 1, 160, 0]),
        cut("161", &[&a(153), &a(8)], GSM, [161, 2, 153, 145]),
        cut("306", &[&a(153), &a(153)], GSM, [306, 2, 153, 0]),
        cut("307", &[&a(153), &a(153), "a"], GSM, [307, 3, 153, 152]),
        case("459", a(459), GSM, [459, 3, 153, 0]),
        cut(
            "460",
            &[&a(153), &a(153), &a(153), "a"],
            GSM,
            [460, 4, 153, 152],
        ),
    ]);
}

#[test]
fn ucs2_length_boundaries() {
    run(vec![
        case("70", a(70), UCS, [70, 1, 70, 0]),
        cut("71", &[&a(67), &a(4)], UCS, [71, 2, 67, 63]),
        cut("134", &[&a(67), &a(67)], UCS, [134, 2, 67, 0]),
        cut("135", &[&a(67), &a(67), "a"], UCS, [135, 3, 67, 66]),
        // In Unicode mode nothing is replaced: `€` and `[` are one code unit.
        case("euro is one unit", "€".repeat(70), UCS, [70, 1, 70, 0]),
        case("bracket is one unit", "[".repeat(71), UCS, [71, 2, 67, 63]),
    ]);
}

#[test]
fn extension_character_never_straddles_two_sms() {
    let euro = "€";
    run(vec![
        case("158 + € = 160", a(158) + euro, GSM, [160, 1, 160, 0]),
        cut(
            "159 + € = 161",
            &[&a(153), &(a(6) + euro)],
            GSM,
            [161, 2, 153, 145],
        ),
        // 152 + € = 154 fits one SMS on its own...
        case("152 + € alone", a(152) + euro, GSM, [154, 1, 160, 6]),
        // ...but in a long message the € would straddle septets 153 and 154: it opens part 2
        // and part 1 keeps a septet unused.
        cut(
            "152 + € on the part boundary",
            &[&a(152), &(euro.to_owned() + &a(10))],
            GSM,
            [164, 2, 153, 141],
        ),
        cut(
            "153 + € right after the boundary",
            &[&a(153), &(euro.to_owned() + &a(10))],
            GSM,
            [165, 2, 153, 141],
        ),
        // 305 + € = 307 septets: ceil(307 / 153) = 3 anyway, but the packing says why.
        cut(
            "305 + € at the second boundary",
            &[&a(153), &a(152), euro],
            GSM,
            [307, 3, 153, 151],
        ),
        // 459 septets: ceil(459 / 153) = 3, but each € opens a part and leaves a septet
        // unused in the one before, so the last `a` needs a fourth SMS.
        cut(
            "packing beats division",
            &[
                &a(152),
                &(euro.to_owned() + &a(151)),
                &(euro.to_owned() + &a(151)),
                "a",
            ],
            GSM,
            [459, 4, 153, 152],
        ),
        cut(
            "form feed is an extension character",
            &[&a(152), &("\u{0C}".to_owned() + &a(10))],
            GSM,
            [164, 2, 153, 141],
        ),
    ]);
}

#[test]
fn surrogate_pair_never_straddles_two_sms() {
    run(vec![
        case("68 + emoji = 70", a(68) + "😀", UCS, [70, 1, 70, 0]),
        cut(
            "69 + emoji = 71",
            &[&a(67), &(a(2) + "😀")],
            UCS,
            [71, 2, 67, 63],
        ),
        cut(
            "emoji across unit 67",
            &[&a(66), "😀bbbb"],
            UCS,
            [72, 2, 67, 61],
        ),
        cut(
            "emoji ending on unit 67",
            &[&(a(65) + "😀"), "bbbb"],
            UCS,
            [71, 2, 67, 63],
        ),
        cut(
            "only emoji",
            &[&"😀".repeat(33), &"😀".repeat(3)],
            UCS,
            [72, 2, 67, 61],
        ),
    ]);
}

#[test]
fn line_break_tag() {
    run(vec![
        case(":br: counts 2", "a:br:b".to_owned(), GSM, [4, 1, 160, 156]),
        case(
            ":br: counts 2 in Unicode",
            "a:br:b".to_owned(),
            UCS,
            [4, 1, 70, 66],
        ),
        case("158 + :br:", a(158) + ":br:", GSM, [160, 1, 160, 0]),
        cut(
            "159 + :br:",
            &[&a(153), &(a(6) + ":br:")],
            GSM,
            [161, 2, 153, 145],
        ),
        cut(
            ":br: on the part boundary",
            &[&a(152), &(":br:".to_owned() + &a(10))],
            GSM,
            [164, 2, 153, 141],
        ),
        cut(
            ":br: on the Unicode part boundary",
            &[&a(66), &(":br:".to_owned() + &a(10))],
            UCS,
            [78, 2, 67, 55],
        ),
        // Only the exact tag is one: these are plain characters.
        case(
            "not a tag",
            ":BR: :br :b r:".to_owned(),
            GSM,
            [14, 1, 160, 146],
        ),
        case(
            "tag after colon",
            "::br::".to_owned(),
            GSM,
            [4, 1, 160, 156],
        ),
    ]);
    let analysis = analyze("Bonjour,:br:à demain:br:", &GSM);
    assert_eq!(analysis.preview, "Bonjour,\nà demain\n");
    assert_eq!(analysis.characters, 8 + 2 + 8 + 2);
    assert!(analysis.replacements.is_empty());
    assert_eq!(analyze("x:br:y", &UCS).preview, "x\ny");
}

#[test]
fn replacements_are_counted_after_replacing() {
    run(vec![
        case("[ costs 1, not 2", "[".repeat(160), GSM, [160, 1, 160, 0]),
        case("{ } ] cost 1", "{}]".to_owned(), GSM, [3, 1, 160, 157]),
        case("^ costs 0", "a^b".to_owned(), GSM, [2, 1, 160, 158]),
        case(
            "removed characters",
            "^~|\\¨§".to_owned(),
            GSM,
            [0, 1, 160, 160],
        ),
        case("œ costs 2", "cœur".to_owned(), GSM, [5, 1, 160, 155]),
        case("159 + œ", a(159) + "œ", GSM, [161, 2, 153, 145]),
        cut(
            "œ on the part boundary",
            &[&a(152), &("œ".to_owned() + &a(10))],
            GSM,
            [164, 2, 153, 141],
        ),
        // A removed character costs nothing and stays in the part it follows.
        cut(
            "^ after a full part",
            &[&(a(153) + "^"), &a(10)],
            GSM,
            [163, 2, 153, 143],
        ),
        case("accents", "ÄÀÁÂÃäáâã".to_owned(), GSM, [9, 1, 160, 151]),
    ]);
    let analysis = analyze("[x]^œ", &GSM);
    assert_eq!(analysis.preview, "(x)oe");
    assert_eq!(analysis.characters, 5);
    assert_eq!(
        analysis.replacements,
        vec![
            Replacement {
                index: 0,
                char: '[',
                replacement: "(",
            },
            Replacement {
                index: 2,
                char: ']',
                replacement: ")",
            },
            Replacement {
                index: 3,
                char: '^',
                replacement: "",
            },
            Replacement {
                index: 4,
                char: 'œ',
                replacement: "oe",
            },
        ]
    );
    assert!(analysis.unsupported.is_empty());
}

#[test]
fn line_ends_and_form_feed() {
    run(vec![
        case("CRLF counts 2", "a\r\nb".to_owned(), GSM, [4, 1, 160, 156]),
        case("CRLF in Unicode", "a\r\nb".to_owned(), UCS, [4, 1, 70, 66]),
        case("LF counts 1", "a\nb".to_owned(), GSM, [3, 1, 160, 157]),
        case(
            "form feed counts 2",
            "a\u{0C}b".to_owned(),
            GSM,
            [4, 1, 160, 156],
        ),
    ]);
    let analysis = analyze("a\r\n\u{0C}b", &GSM);
    assert_eq!(analysis.preview, "a\r\n\u{0C}b");
    assert!(analysis.replacements.is_empty() && analysis.unsupported.is_empty());
}

#[test]
fn stop_mention() {
    assert_eq!(STOP_MENTION, " STOP au 36180");
    assert_eq!(STOP_MENTION.len(), 14);
    run(vec![
        case("146 + STOP = 160", a(146), GSM_STOP, [160, 1, 160, 0]),
        // 150 + 14 = 164: the mention tips the message into two SMS, the second holding
        // only the end of the mention, so the input's second part is empty.
        cut(
            "150 + STOP = 164",
            &[&a(150), ""],
            GSM_STOP,
            [164, 2, 153, 142],
        ),
        cut(
            "147 + STOP = 161",
            &[&a(147), ""],
            GSM_STOP,
            [161, 2, 153, 145],
        ),
        cut(
            "160 + STOP",
            &[&a(153), &a(7)],
            GSM_STOP,
            [174, 2, 153, 132],
        ),
        case("56 + STOP = 70 in Unicode", a(56), UCS_STOP, [70, 1, 70, 0]),
        cut(
            "57 + STOP = 71 in Unicode",
            &[&a(57), ""],
            UCS_STOP,
            [71, 2, 67, 63],
        ),
        case(
            "low cost ignores STOP",
            a(150),
            GSM_STOP_LOW_COST,
            [150, 1, 160, 10],
        ),
        case("no STOP asked", a(150), GSM, [150, 1, 160, 10]),
    ]);
    let premium = analyze("Promo", &GSM_STOP);
    assert_eq!(premium.stop_mention, Some(STOP_MENTION));
    assert_eq!(premium.preview, "Promo STOP au 36180");
    assert_eq!(premium.characters, 19);
    let low_cost = analyze("Promo", &GSM_STOP_LOW_COST);
    assert_eq!(low_cost.stop_mention, None);
    assert_eq!(low_cost.preview, "Promo");
    assert_eq!(analyze("Promo", &GSM).stop_mention, None);
    // The mention is never replaced and never listed.
    let with_replacement = analyze("[", &GSM_STOP);
    assert_eq!(with_replacement.preview, "( STOP au 36180");
    assert_eq!(with_replacement.replacements.len(), 1);
}

#[test]
fn empty_message() {
    for (options, capacity) in [(GSM, 160), (UCS, 70), (GSM_STOP, 160), (UCS_STOP, 70)] {
        let analysis = analyze("", &options);
        assert_eq!(counts(&analysis), [0, 0, capacity, capacity]);
        assert_eq!(analysis.preview, "");
        assert!(analysis.replacements.is_empty() && analysis.unsupported.is_empty());
        assert_eq!(
            analysis.stop_mention,
            options.stop_sms.then_some(STOP_MENTION)
        );
        assert!(split("", &options).is_empty());
    }
    assert_eq!(analyze("", &GSM_STOP_LOW_COST).stop_mention, None);
    assert_eq!(analyze("", &UCS).encoding, Encoding::Ucs2);
    assert_eq!(analyze("", &GSM).encoding, Encoding::Gsm7);
}

#[test]
fn message_emptied_by_removals_is_still_one_sms() {
    let analysis = analyze("^^^", &GSM);
    assert_eq!(counts(&analysis), [0, 1, 160, 160]);
    assert_eq!(analysis.preview, "");
    assert_eq!(split("^^^", &GSM), vec!["^^^"]);
}

#[test]
fn indices_are_utf16_offsets() {
    // 😀 is two UTF-16 units, é one, `:br:` four.
    let analysis = analyze("😀ä[x:br:é^Ж😀ñ", &GSM);
    assert_eq!(
        analysis.unsupported,
        vec![
            Unsupported {
                index: 0,
                char: '😀',
            },
            Unsupported {
                index: 11,
                char: 'Ж',
            },
            Unsupported {
                index: 12,
                char: '😀',
            },
        ]
    );
    assert_eq!(
        analysis
            .replacements
            .iter()
            .map(|r| (r.index, r.char, r.replacement))
            .collect::<Vec<_>>(),
        vec![(2, 'ä', "a"), (3, '[', "("), (10, '^', ""), (14, 'ñ', "n")]
    );
    assert_eq!(analysis.preview, "?a(x\né??n");
    // ? a ( x \n(2) é ? ? n
    assert_eq!(analysis.characters, 10);
    assert_eq!(analysis.encoding, Encoding::Gsm7);
}

#[test]
fn unicode_mode_replaces_nothing() {
    let message = "😀ä[x:br:é^Ж€œ";
    let analysis = analyze(message, &UCS);
    assert_eq!(analysis.encoding, Encoding::Ucs2);
    assert!(analysis.replacements.is_empty());
    assert!(analysis.unsupported.is_empty());
    assert_eq!(analysis.preview, "😀ä[x\né^Ж€œ");
    // 2 + 1 + 1 + 1 + 2 (:br:) + 1 + 1 + 1 + 1 + 1
    assert_eq!(analysis.characters, 12);
}

#[test]
fn unsupported_characters_count_one_septet_and_show_as_question_mark() {
    let analysis = analyze("Привет ł ú \u{FFFD}", &GSM);
    assert_eq!(analysis.preview, "?????? ? ? ?");
    assert_eq!(analysis.characters, 12);
    assert_eq!(analysis.unsupported.len(), 9);
    assert_eq!(
        analysis.unsupported.last(),
        Some(&Unsupported {
            index: 11,
            char: '\u{FFFD}',
        })
    );
    run(vec![
        case("160 emoji", "😀".repeat(160), GSM, [160, 1, 160, 0]),
        case("161 emoji", "😀".repeat(161), GSM, [161, 2, 153, 145]),
    ]);
}

#[test]
fn french_message_preview() {
    let message = "Ça coûte 5€ : [promo] « super » l’été, dès 9h à Noël !";
    let analysis = analyze(message, &GSM);
    assert_eq!(
        analysis.preview,
        "Ça coute 5€ : (promo) \" super \" l'été, dès 9h à Noel !"
    );
    let replaced: String = analysis.replacements.iter().map(|r| r.char).collect();
    assert_eq!(replaced, "û[]«»’ë");
    // `è` of « dès » is basic GSM; `€` costs 2.
    assert!(analysis.unsupported.is_empty());
    let preview_chars = u32::try_from(analysis.preview.chars().count()).unwrap();
    assert_eq!(analysis.characters, preview_chars + 1);
}

#[test]
fn per_sms_and_remaining_follow_the_count() {
    for n in 0..=500 {
        let analysis = analyze(&a(n), &GSM);
        let n = u32::try_from(n).unwrap();
        let expected = match n {
            0 => [0, 0, 160, 160],
            1..=160 => [n, 1, 160, 160 - n],
            _ => {
                let parts = n.div_ceil(153);
                [n, parts, 153, parts * 153 - n]
            }
        };
        assert_eq!(counts(&analysis), expected, "{n} a");
    }
    for n in 0..=300 {
        let analysis = analyze(&a(n), &UCS);
        let n = u32::try_from(n).unwrap();
        let expected = match n {
            0 => [0, 0, 70, 70],
            1..=70 => [n, 1, 70, 70 - n],
            _ => {
                let parts = n.div_ceil(67);
                [n, parts, 67, parts * 67 - n]
            }
        };
        assert_eq!(counts(&analysis), expected, "{n} a in Unicode");
    }
}

#[test]
fn a_megabyte() {
    let unit = "Ça coûte 5€ [promo] 😀 l’été:br:\r\n";
    let message = unit.repeat(1 << 20 >> 5);
    for options in [GSM, UCS, GSM_STOP] {
        let analysis = analyze(&message, &options);
        let parts = split(&message, &options);
        assert_eq!(parts.concat(), message);
        assert_eq!(u32::try_from(parts.len()).unwrap(), analysis.sms_count);
        assert!(analysis.sms_count > 1000);
    }
}
