//! Character classes of GSM 03.38 as SMS Partner applies them: basic, extension, replaced, unsupported.
//!
//! Two sources are combined here:
//! - the GSM 03.38 default alphabet (3GPP TS 23.038, section 6.2.1): a basic table of 128
//!   positions, one of which (0x1B) is the escape to the extension table, so 127 characters that
//!   cost one septet; and the extension table, whose characters cost two septets (escape + code);
//! - SMS Partner's "Liste des caractères remplacés" (`envoyer-des-sms/envois_smsp4.md`), which
//!   rewrites some characters before counting. That list takes precedence over GSM 03.38: a
//!   character it names is replaced even when GSM 03.38 could carry it (`Ä`, `ñ`, `§`, `[`…).
//!   `€` and the form feed are not in it and keep their two septets.
//!
//! The rules are `match` arms, plus an ASCII table computed from them at compile time: nothing
//! is built at start-up and nothing allocates.

/// How one character travels in a GSM-7 message sent through SMS Partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// In the GSM 03.38 basic table and not replaced: one septet.
    Basic,
    /// In the GSM 03.38 extension table and not replaced (`€`, form feed): two septets.
    Extension,
    /// Rewritten by SMS Partner before sending; the string is what is sent (`""` when the
    /// character is removed). Every character of it is in the basic table.
    Replaced(&'static str),
    /// Neither in GSM 03.38 nor in SMS Partner's list: it cannot travel without Unicode mode.
    Unsupported,
}

impl CharClass {
    /// Septets this character costs once sent, or `None` for [`CharClass::Unsupported`], whose
    /// fate SMS Partner does not document.
    #[inline]
    pub fn septets(self) -> Option<u32> {
        match self {
            CharClass::Basic => Some(1),
            CharClass::Extension => Some(2),
            CharClass::Replaced(sent) => Some(replaced_cost(sent)),
            CharClass::Unsupported => None,
        }
    }
}

/// Classifies one character for GSM mode: SMS Partner's replacement list first, then the GSM
/// 03.38 basic and extension tables.
#[inline(always)]
pub fn classify(c: char) -> CharClass {
    // ASCII, the common case, from a table computed at compile time by the same rules.
    match ASCII.get(c as usize) {
        Some(class) => *class,
        None => classify_by_rules(c),
    }
}

/// Classes of the 128 ASCII code points, built at compile time by [`classify_by_rules`].
const ASCII: [CharClass; 128] = {
    let mut table = [CharClass::Unsupported; 128];
    let mut code = 0;
    while code < 128 {
        table[code] = classify_by_rules(code as u8 as char);
        code += 1;
    }
    table
};

/// ASCII bytes of the GSM basic table, sent as written at one septet each: text made of them
/// can be counted in bulk.
pub const BASIC_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut code = 0;
    while code < 128 {
        table[code] = matches!(ASCII[code], CharClass::Basic);
        code += 1;
    }
    table
};

/// Basic characters of two bytes of UTF-8 (U+0080 to U+07FF: accented letters, Greek
/// capitals), a bit each, computed at compile time by [`classify_by_rules`]: word `lead & 0x1F`
/// (the code point's top five bits), bit `next & 0x3F`.
const BASIC_TWO_BYTES: [u64; 32] = {
    let mut table = [0u64; 32];
    let mut code = 0x80;
    while code < 0x800 {
        if let Some(c) = char::from_u32(code) {
            if matches!(classify_by_rules(c), CharClass::Basic) {
                table[(code >> 6) as usize] |= 1 << (code & 0x3F);
            }
        }
        code += 1;
    }
    table
};

/// Whether the two-byte UTF-8 sequence `lead`, `next` is a basic character, sent as written at
/// one septet (`é`, `Δ`); `false` for anything else.
#[inline(always)]
pub fn basic_two_bytes(lead: u8, next: u8) -> bool {
    BASIC_TWO_BYTES[usize::from(lead & 0x1F)] >> (next & 0x3F) & 1 != 0
}

/// The rules behind [`classify`]: the replacement list, then the basic and extension tables.
const fn classify_by_rules(c: char) -> CharClass {
    if let Some(sent) = replacement(c) {
        CharClass::Replaced(sent)
    } else if is_basic(c) {
        CharClass::Basic
    } else if is_extension(c) {
        CharClass::Extension
    } else {
        CharClass::Unsupported
    }
}

/// Septets of a replacement string, each of its characters costing what [`classify`] says
/// (all published replacements are basic characters, so this is their number of characters).
#[inline]
pub fn replaced_cost(sent: &str) -> u32 {
    sent.chars().fold(0u32, |total, c| {
        let septets = match classify(c) {
            CharClass::Extension => 2,
            _ => 1,
        };
        total.saturating_add(septets)
    })
}

/// SMS Partner's replacement list ("Liste des caractères remplacés"), row by row.
///
/// The two quote rows are garbled in the published table (its "sent as" column shows curly
/// quotes, which GSM 03.38 cannot carry, and lists `‘` as replaced by itself). We read them as
/// intended: typographic quotes become ASCII ones, `’ ‘` and the backtick the apostrophe `'`,
/// `“ ” « »` the double quote `"` (`”` is not listed, but the page prints the ASCII `"` as `”`).
/// The count is one septet under any reading; only the preview depends on this choice.
const fn replacement(c: char) -> Option<&'static str> {
    let sent = match c {
        'Ä' | 'À' | 'Á' | 'Â' | 'Ã' => "A",
        'ä' | 'á' | 'â' | 'ã' => "a",
        'ą' => "à",
        'È' | 'Ê' | 'Ë' => "E",
        'ë' | 'ê' => "e",
        'Î' => "I",
        'ï' | 'î' => "i",
        'Ö' | 'Ô' => "O",
        'ô' | 'ö' | 'ó' => "o",
        'Ü' | 'Ù' | 'Ú' | 'Û' => "U",
        'û' | 'ü' | 'µ' => "u",
        'Ý' => "Y",
        'ÿ' => "y",
        'Ñ' => "N",
        'ñ' => "n",
        'ç' => "Ç",
        'œ' => "oe",
        '[' | '{' => "(",
        ']' | '}' => ")",
        '°' => ".",
        '^' | '~' | '|' | '\\' | '¨' | '§' => "",
        '\u{2019}' | '\u{2018}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '«' | '»' => "\"",
        _ => return None,
    };
    Some(sent)
}

/// Every text SMS Partner sends in place of a replaced character, each once: JavaScript gets
/// this list once and replacements by their position in it (see [`sent_as_id`]).
pub const SENT_AS: [&str; 23] = [
    "A", "a", "à", "E", "e", "I", "i", "O", "o", "U", "u", "Y", "y", "N", "n", "Ç", "oe", "(", ")",
    ".", "", "'", "\"",
];

/// The position of a replacement text in [`SENT_AS`] (its length for a text not listed, which
/// a test rules out).
pub fn sent_as_id(sent: &str) -> u32 {
    // Length and first two bytes first, in one number: the texts are that short, and a string
    // comparison each is most of the work of an edit in wasm.
    let key = |s: &str| {
        let b = s.as_bytes();
        let byte = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
        (s.len() as u32) << 16 | byte(0) << 8 | byte(1)
    };
    let wanted = key(sent);
    let position = SENT_AS
        .iter()
        .position(|s| key(s) == wanted && *s == sent)
        .unwrap_or(SENT_AS.len());
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// The 127 characters of the GSM 03.38 basic table (position 0x1B is the escape).
const fn is_basic(c: char) -> bool {
    matches!(
        c,
        // ASCII part: LF (0x0A), CR (0x0D), 0x20..=0x3F as in ASCII except that `$` sits at
        // 0x02 and `¤` at 0x24 (both are present), `@` (0x00), `_` (0x11), letters.
        '\n' | '\r' | ' '..='?' | '@' | 'A'..='Z' | '_' | 'a'..='z'
        // Latin-1 and other Latin letters and signs.
        | '£' | '¥' | 'è' | 'é' | 'ù' | 'ì' | 'ò' | 'Ç' | 'Ø' | 'ø' | 'Å' | 'å'
        | 'Æ' | 'æ' | 'ß' | 'É' | '¤' | '¡' | 'Ä' | 'Ö' | 'Ñ' | 'Ü' | '§' | '¿'
        | 'ä' | 'ö' | 'ñ' | 'ü' | 'à'
        // Greek capitals (0x10, 0x12..=0x1A).
        | 'Δ' | 'Φ' | 'Γ' | 'Λ' | 'Ω' | 'Π' | 'Ψ' | 'Σ' | 'Θ' | 'Ξ'
    )
}

/// The GSM 03.38 extension table (escape 0x1B then one code): form feed, `^ { } \ [ ~ ] | €`.
const fn is_extension(c: char) -> bool {
    matches!(
        c,
        '\u{0C}' | '^' | '{' | '}' | '\\' | '[' | '~' | ']' | '|' | '€'
    )
}
