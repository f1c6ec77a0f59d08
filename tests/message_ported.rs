//! Cases of two public test suites, re-expressed for SMS Partner's rules.
//!
//! - Twilio's message-segment-calculator (`TwilioDevEd/message-segment-calculator`,
//!   `tests/index.test.js`, `tests/segments.test.js`, `tests/methods.test.js`).
//! - split-sms (`Codesleuth/split-sms`, `test/testdata/gsm.test.json`,
//!   `test/testdata/unicode.test.json`, `test/acceptance.test.js`).
//!
//! Two differences run through them. Twilio picks UCS-2 on its own as soon as one character
//! is not GSM; SMS Partner sends GSM-7 unless `isUnicode` is set, so those cases run here with
//! `unicode: true`, and where the GSM-mode answer is instructive it is checked too. And SMS
//! Partner's replacement list rewrites most of the GSM extension table (`[ ] { }` to one
//! septet, `^ ~ | \` removed), so escape-character cases differ except for `€`.

use proptest::prelude::*;
use smspartner_wasm::{MessageOptions, analyze, split};

const GSM: MessageOptions = MessageOptions {
    unicode: false,
    stop_sms: false,
    gamme: smspartner_wasm::Gamme::Premium,
};
const UCS: MessageOptions = MessageOptions {
    unicode: true,
    stop_sms: false,
    gamme: smspartner_wasm::Gamme::Premium,
};

/// `n` digits `1234567890…` as in both suites.
fn digits(n: usize) -> String {
    "1234567890".chars().cycle().take(n).collect()
}

/// Digits starting at `2`, as the suites write them after a leading special character.
fn digits_from_2(n: usize) -> String {
    "2345678901".chars().cycle().take(n).collect()
}

fn sms(message: &str, options: &MessageOptions) -> u32 {
    let analysis = analyze(message, options);
    let parts = split(message, options);
    assert_eq!(parts.concat(), message);
    assert_eq!(u32::try_from(parts.len()).unwrap(), analysis.sms_count);
    analysis.sms_count
}

fn units(message: &str, options: &MessageOptions) -> u32 {
    analyze(message, options).characters
}

// --- Twilio, tests/index.test.js, "Basic tests" ---

#[test]
fn twilio_gsm7_one_two_three_segments() {
    assert_eq!(
        (units(&digits(160), &GSM), sms(&digits(160), &GSM)),
        (160, 1)
    );
    assert_eq!(
        (units(&digits(161), &GSM), sms(&digits(161), &GSM)),
        (161, 2)
    );
    assert_eq!(
        (units(&digits(307), &GSM), sms(&digits(307), &GSM)),
        (307, 3)
    );
}

#[test]
fn twilio_ucs2_one_two_three_segments() {
    // Twilio detects UCS-2 from the emoji; here `isUnicode` says so.
    let one = "😜".to_owned() + &digits_from_2(68);
    let two = "😜".to_owned() + &digits_from_2(69);
    let three = "😜".to_owned() + &digits_from_2(133);
    assert_eq!((units(&one, &UCS), sms(&one, &UCS)), (70, 1));
    assert_eq!((units(&two, &UCS), sms(&two, &UCS)), (71, 2));
    assert_eq!((units(&three, &UCS), sms(&three, &UCS)), (135, 3));
    // Without `isUnicode` the emoji cannot travel: one unsupported septet, GSM counts.
    let analysis = analyze(&two, &GSM);
    assert_eq!((analysis.characters, analysis.sms_count), (70, 1));
    assert_eq!(analysis.unsupported.len(), 1);
}

#[test]
fn twilio_flags_at_the_ucs2_boundary() {
    // A regional-indicator flag is two surrogate pairs, four code units.
    let italy_one = "🇮🇹".to_owned() + &digits_from_2(66);
    let italy_two = "🇮🇹".to_owned() + &digits_from_2(67);
    assert_eq!((units(&italy_one, &UCS), sms(&italy_one, &UCS)), (70, 1));
    assert_eq!((units(&italy_two, &UCS), sms(&italy_two, &UCS)), (71, 2));
    // The rainbow flag: white flag (2 units), variation selector, zero-width joiner, rainbow
    // (2 units): six code units.
    let rainbow_one = "🏳️‍🌈".to_owned() + &digits_from_2(64);
    let rainbow_two = "🏳️‍🌈".to_owned() + &digits_from_2(65);
    assert_eq!(
        (units(&rainbow_one, &UCS), sms(&rainbow_one, &UCS)),
        (70, 1)
    );
    assert_eq!(
        (units(&rainbow_two, &UCS), sms(&rainbow_two, &UCS)),
        (71, 2)
    );
}

// --- Twilio, tests/segments.test.js: the last segment holds one character ---

#[test]
fn twilio_last_segment_holds_one_character() {
    let gsm = digits(307);
    let parts = split(&gsm, &GSM);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts.last(), Some(&"7"));

    let ucs = "😜".to_owned() + &digits_from_2(133);
    let parts = split(&ucs, &UCS);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts.last(), Some(&"4"));
}

// --- Twilio, "GSM-7 Escape Characters" ---

#[test]
fn twilio_escape_characters() {
    // Twilio: each of these costs 2 septets, so `c` + 158 digits is one segment and `c` + 159
    // digits two. SMS Partner replaces all but `€` first.
    let expected_long = [
        ('|', 159, 1),
        ('^', 159, 1),
        ('€', 161, 2),
        ('{', 160, 1),
        ('}', 160, 1),
        ('[', 160, 1),
        (']', 160, 1),
        ('~', 159, 1),
        ('\\', 159, 1),
    ];
    for (c, characters, count) in expected_long {
        let short = c.to_string() + &digits(158);
        assert_eq!(sms(&short, &GSM), 1, "{c} + 158");
        let long = c.to_string() + &digits(159);
        let analysis = analyze(&long, &GSM);
        assert_eq!(
            (analysis.characters, analysis.sms_count),
            (characters, count),
            "{c} + 159"
        );
        assert_eq!(sms(&long, &GSM), count);
    }
}

// --- Twilio, "One grapheme UCS-2 characters" ---

#[test]
fn twilio_one_grapheme_ucs2_characters() {
    // Twilio switches to UCS-2 for these; with `isUnicode`, 70 fit one SMS and 71 need two.
    for c in ['Á', 'Ú', 'ú', 'ç', 'í', 'Í', 'ó', 'Ó'] {
        assert_eq!(sms(&c.to_string().repeat(70), &UCS), 1, "{c} x 70");
        assert_eq!(sms(&c.to_string().repeat(71), &UCS), 2, "{c} x 71");
    }
    // In GSM mode SMS Partner replaces some and cannot carry the others; one septet each.
    let replaced = [('Á', "A"), ('Ú', "U"), ('ç', "Ç"), ('ó', "o")];
    for (c, sent) in replaced {
        let analysis = analyze(&c.to_string().repeat(71), &GSM);
        assert_eq!((analysis.characters, analysis.sms_count), (71, 1), "{c}");
        assert_eq!(analysis.replacements.len(), 71);
        assert_eq!(analysis.preview, sent.repeat(71));
    }
    for c in ['ú', 'í', 'Í', 'Ó'] {
        let analysis = analyze(&c.to_string().repeat(71), &GSM);
        assert_eq!((analysis.characters, analysis.sms_count), (71, 1), "{c}");
        assert_eq!(analysis.unsupported.len(), 71, "{c}");
    }
}

// --- Twilio, "Special tests" (issue about GSM extension characters in a UCS-2 message) ---

#[test]
fn twilio_extension_characters_in_a_ucs2_message() {
    let one = "😀".to_owned() + &"]".repeat(68);
    let two = "😀".to_owned() + &"]".repeat(69);
    assert_eq!(sms(&one, &UCS), 1);
    assert_eq!(sms(&two, &UCS), 2);
    // GSM mode: `]` is sent as `)`, one septet; the emoji is unsupported.
    assert_eq!(units(&two, &GSM), 70);
    assert_eq!(
        analyze(&two, &GSM).preview,
        "?".to_owned() + &")".repeat(69)
    );
}

// --- Twilio, "Line break styles tests" ---

#[test]
fn twilio_line_break_styles() {
    for options in [GSM, UCS] {
        assert_eq!(units("\rabcde\r\n123", &options), 11);
        assert_eq!(units("\nabcde\n\n123\n", &options), 12);
    }
}

#[test]
fn twilio_combining_accents() {
    // `é` followed by three combining acute accents: Twilio sees one character, four scalars.
    let accents = "e\u{0301}\u{0301}\u{0301}".replacen('e', "é", 1);
    assert_eq!(units(&accents, &UCS), 4);
    assert_eq!(sms(&(accents.clone() + &"a".repeat(66)), &UCS), 1);
    assert_eq!(sms(&(accents.clone() + &"a".repeat(67)), &UCS), 2);
    // GSM mode: `é` is basic, the combining marks are unsupported.
    let analysis = analyze(&accents, &GSM);
    assert_eq!(analysis.characters, 4);
    let indices: Vec<u32> = analysis.unsupported.iter().map(|u| u.index).collect();
    assert_eq!(indices, vec![1, 2, 3]);
}

// --- Twilio, tests/methods.test.js ---

#[test]
fn twilio_non_gsm_characters() {
    // Twilio lists `á` as non-GSM; SMS Partner sends it as `a`.
    let analysis = analyze("más", &GSM);
    assert!(analysis.unsupported.is_empty());
    let replaced: Vec<(u32, char, &str)> = analysis
        .replacements
        .iter()
        .map(|r| (r.index, r.char, r.replacement))
        .collect();
    assert_eq!(replaced, vec![(1, 'á', "a")]);
    assert_eq!(analysis.preview, "mas");
}

// --- split-sms, test/testdata/gsm.test.json ---

/// The 160-character ruler of split-sms: `0--------<1--------<…15-------<`.
fn ruler(n: usize) -> String {
    let mut out = String::new();
    let mut tens = 0;
    while out.chars().count() < n {
        let label = tens.to_string();
        out.push_str(&label);
        out.push_str(&"-".repeat(9 - label.len()));
        out.push('<');
        tens += 1;
    }
    out.chars().take(n).collect()
}

#[test]
fn split_sms_gsm_parts() {
    let r160 = ruler(160);
    assert_eq!(split(&r160, &GSM), vec![r160.as_str()]);

    let r161 = ruler(160) + "1";
    assert_eq!(
        split(&r161, &GSM),
        vec![&r160[..153], &r161[153..]],
        "161: 153 + 8"
    );
    assert_eq!(split(&r161, &GSM)[1], "------<1");

    let half = ruler(153);
    let r306 = half.clone() + &half;
    assert_eq!(split(&r306, &GSM), vec![half.as_str(), half.as_str()]);

    let r307 = r306.clone() + "-";
    assert_eq!(split(&r307, &GSM), vec![half.as_str(), half.as_str(), "-"]);
}

#[test]
fn split_sms_extension_character_at_the_end_and_at_153() {
    // split-sms shows the escape in its parts; here parts are slices of the input.
    let ending = ruler(159) + "€";
    assert_eq!(
        split(&ending, &GSM),
        vec![&ruler(153)[..], "------€"],
        "160 characters ending with €"
    );
    assert_eq!(analyze(&ending, &GSM).characters, 161);

    let at_153 = ruler(152) + "€------<";
    assert_eq!(split(&at_153, &GSM), vec![&ruler(152)[..], "€------<"]);
    assert_eq!(analyze(&at_153, &GSM).characters, 161);
}

#[test]
fn split_sms_all_extension_characters() {
    // split-sms: 80 extension characters, 160 septets, one SMS. SMS Partner keeps only `€`
    // (2 septets) of each group of nine; `{ } [ ]` cost 1 and `| ^ ~ \` nothing.
    let message = "|^€{}[~]\\".repeat(9);
    let message = &message[..message.len() - 1];
    assert_eq!(message.chars().count(), 80);
    let analysis = analyze(message, &GSM);
    assert_eq!((analysis.characters, analysis.sms_count), (54, 1));
    assert_eq!(analysis.preview, "€()()".repeat(9));
    assert_eq!(split(message, &GSM), vec![message]);
}

// --- split-sms, test/testdata/unicode.test.json ---

#[test]
fn split_sms_unicode_parts() {
    let whale = "\u{1F433}";
    let snowman = "\u{2603}";
    let single = [
        (whale.to_owned(), 2),
        (whale.to_owned() + snowman + whale, 5),
        (snowman.repeat(70), 70),
        (whale.repeat(35), 70),
        ((snowman.to_owned() + whale).repeat(23) + snowman, 70),
    ];
    for (message, characters) in single {
        assert_eq!(units(&message, &UCS), characters);
        assert_eq!(split(&message, &UCS), vec![message.as_str()]);
    }
    let s71 = snowman.repeat(71);
    assert_eq!(
        split(&s71, &UCS),
        vec![snowman.repeat(67), snowman.repeat(4)]
    );
    let whale_at_67 = snowman.repeat(66) + whale + &snowman.repeat(3);
    assert_eq!(
        split(&whale_at_67, &UCS),
        vec![snowman.repeat(66), whale.to_owned() + &snowman.repeat(3)]
    );
}

// --- split-sms, test/acceptance.test.js: 160 random GSM characters are one SMS ---

/// The GSM basic alphabet in the order split-sms lists it (column by column).
const SPLIT_SMS_GSM: &str = "@Δ 0¡P¿p£_!1AQaq$Φ\"2BRbr¥Γ#3CScsèΛ¤4DTdtéΩ%5EUeuùΠ&6FVfvìΨ'7GWgwòΣ(8HXhxÇΘ)9IYiy\nΞ*:JZjzØ+;KÄkäøÆ,<LÖlö\ræ-=MÑmñÅß.>NÜnüåÉ/?O§oà";

proptest! {
    #[test]
    fn split_sms_random_gsm_160(picks in proptest::collection::vec(0..127usize, 160)) {
        let alphabet: Vec<char> = SPLIT_SMS_GSM.chars().collect();
        prop_assert_eq!(alphabet.len(), 127);
        let message: String = picks.iter().map(|i| alphabet[*i]).collect();
        let analysis = analyze(&message, &GSM);
        // split-sms: 160 septets, one part. SMS Partner removes `§`, a zero-septet change.
        let removed = u32::try_from(message.chars().filter(|c| *c == '§').count()).unwrap();
        prop_assert_eq!(analysis.characters, 160 - removed);
        prop_assert_eq!(analysis.sms_count, 1);
        prop_assert!(analysis.unsupported.is_empty());
        prop_assert_eq!(split(&message, &GSM), vec![message.as_str()]);
    }
}
