//! The whole GSM 03.38 alphabet and SMS Partner's replacement list, checked against `classify`.

use smspartner_wasm::{CharClass, classify, replaced_cost};

/// GSM 03.38 basic table (3GPP TS 23.038, 6.2.1), one row per high nibble, 16 columns each.
/// Position 0x1B is the escape to the extension table, not a character: `None`.
const BASIC: [[Option<char>; 16]; 8] = {
    const fn row(s: [char; 16]) -> [Option<char>; 16] {
        let mut out = [None; 16];
        let mut i = 0;
        while i < 16 {
            out[i] = Some(s[i]);
            i += 1;
        }
        out
    }
    let mut row1 = row([
        'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{1B}', 'Æ', 'æ', 'ß', 'É',
    ]);
    row1[0x0B] = None;
    [
        row([
            '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
        ]),
        row1,
        row([
            ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
        ]),
        row([
            '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
        ]),
        row([
            '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
        ]),
        row([
            'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
        ]),
        row([
            '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
        ]),
        row([
            'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
        ]),
    ]
};

/// GSM 03.38 extension table: (code after the escape, character).
const EXTENSION: [(u8, char); 10] = [
    (0x0A, '\u{0C}'),
    (0x14, '^'),
    (0x28, '{'),
    (0x29, '}'),
    (0x2F, '\\'),
    (0x3C, '['),
    (0x3D, '~'),
    (0x3E, ']'),
    (0x40, '|'),
    (0x65, '€'),
];

/// SMS Partner's "Liste des caractères remplacés", as `reference/smspartner-api.md` reads it
/// (quote rows: typographic quotes become ASCII ones).
const REPLACED: &[(&str, &str)] = &[
    ("A", "ÄÀÁÂÃ"),
    ("a", "äáâã"),
    ("à", "ą"),
    ("E", "ÈÊË"),
    ("e", "ëê"),
    ("I", "Î"),
    ("i", "ïî"),
    ("O", "ÖÔ"),
    ("o", "ôöó"),
    ("U", "ÜÙÚÛ"),
    ("u", "ûüµ"),
    ("Y", "Ý"),
    ("y", "ÿ"),
    ("N", "Ñ"),
    ("n", "ñ"),
    ("Ç", "ç"),
    ("oe", "œ"),
    ("(", "[{"),
    (")", "]}"),
    (".", "°"),
    ("", "^~|\\¨§"),
    ("'", "\u{2019}\u{2018}`"),
    ("\"", "\u{201C}\u{201D}«»"),
];

fn expected_replacement(c: char) -> Option<&'static str> {
    REPLACED
        .iter()
        .find(|(_, from)| from.contains(c))
        .map(|(to, _)| *to)
}

fn basic_chars() -> impl Iterator<Item = char> {
    BASIC.iter().flatten().flatten().copied()
}

#[test]
fn basic_table_has_127_characters_and_the_escape() {
    assert_eq!(basic_chars().count(), 127);
    assert_eq!(BASIC[1][0x0B], None);
    let mut seen: Vec<char> = basic_chars().collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 127, "no character twice");
}

#[test]
fn every_basic_character_is_basic_unless_sms_partner_replaces_it() {
    for (high, row) in BASIC.iter().enumerate() {
        for (low, cell) in row.iter().enumerate() {
            let Some(c) = *cell else { continue };
            let expected = match expected_replacement(c) {
                Some(to) => CharClass::Replaced(to),
                None => CharClass::Basic,
            };
            assert_eq!(classify(c), expected, "GSM 0x{:02X} {c:?}", high * 16 + low);
        }
    }
}

#[test]
fn the_basic_characters_sms_partner_replaces() {
    let replaced: String = basic_chars()
        .filter(|c| expected_replacement(*c).is_some())
        .collect();
    assert_eq!(replaced, "ÄÖÑÜ§äöñü");
}

#[test]
fn extension_table_only_euro_and_form_feed_survive() {
    for (code, c) in EXTENSION {
        let expected = match expected_replacement(c) {
            Some(to) => CharClass::Replaced(to),
            None => CharClass::Extension,
        };
        assert_eq!(classify(c), expected, "extension 0x{code:02X} {c:?}");
    }
    assert_eq!(classify('€'), CharClass::Extension);
    assert_eq!(classify('\u{0C}'), CharClass::Extension);
    assert_eq!(CharClass::Extension.septets(), Some(2));
}

#[test]
fn replacement_list_row_by_row() {
    for (to, from) in REPLACED {
        for c in from.chars() {
            assert_eq!(classify(c), CharClass::Replaced(to), "{c:?}");
        }
    }
}

#[test]
fn every_replacement_is_made_of_basic_characters() {
    for (to, _) in REPLACED {
        for c in to.chars() {
            assert_eq!(classify(c), CharClass::Basic, "{c:?} in {to:?}");
        }
        assert_eq!(
            replaced_cost(to),
            u32::try_from(to.chars().count()).unwrap()
        );
    }
}

#[test]
fn replacement_costs() {
    assert_eq!(CharClass::Replaced("(").septets(), Some(1));
    assert_eq!(CharClass::Replaced("").septets(), Some(0));
    assert_eq!(CharClass::Replaced("oe").septets(), Some(2));
    assert_eq!(classify('œ').septets(), Some(2));
    assert_eq!(classify('[').septets(), Some(1));
    assert_eq!(classify('^').septets(), Some(0));
    assert_eq!(CharClass::Basic.septets(), Some(1));
    assert_eq!(CharClass::Unsupported.septets(), None);
    assert_eq!(replaced_cost("€"), 2);
}

#[test]
fn everything_else_is_unsupported() {
    let mut known: Vec<char> = basic_chars()
        .chain(EXTENSION.iter().map(|(_, c)| *c))
        .chain(REPLACED.iter().flat_map(|(_, from)| from.chars()))
        .collect();
    known.sort_unstable();
    known.dedup();
    // 127 basic + 10 extension + the replaced characters outside both tables.
    assert_eq!(known.len(), 127 + 10 + 37);
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        let in_tables = known.binary_search(&c).is_ok();
        assert_eq!(classify(c) != CharClass::Unsupported, in_tables, "{c:?}");
    }
}

#[test]
fn notable_unsupported_characters() {
    for c in [
        'ú', 'ł', 'í', 'Í', 'Ó', 'Ж', 'ж', '😀', '\u{FFFD}', '\t', '\u{1B}', '\0', '\u{7F}',
        '\u{0301}', '\u{00A0}', '…', '–',
    ] {
        assert_eq!(classify(c), CharClass::Unsupported, "{c:?}");
    }
}

#[test]
fn cedilla_lowercase_is_replaced_not_basic() {
    assert_eq!(classify('Ç'), CharClass::Basic);
    assert_eq!(classify('ç'), CharClass::Replaced("Ç"));
}

#[test]
fn every_replacement_text_is_in_the_table_sent_to_javascript() {
    use smspartner_wasm::{CharClass, SENT_AS, classify, sent_as_id};
    for code in 0..=0x10FFFF_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        if let CharClass::Replaced(sent) = classify(c) {
            let id = sent_as_id(sent) as usize;
            assert_eq!(SENT_AS.get(id), Some(&sent), "{c:?}");
        }
    }
}
