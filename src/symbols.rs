//! The typographic and invisible characters the package knows by name: spaces, format
//! characters, dashes, quotes, the ellipsis and ligatures, each with its faithful GSM form
//! (what smart encoding writes, `normalize`) and its Unicode name (what `analyzeMessage` tells
//! of a character that cannot travel, `message`), in one table.

/// What the package knows of one symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbol {
    /// Its faithful GSM form: `" "`, `"-"`, `"..."`, or `""` (removed).
    pub gsm_form: &'static str,
    /// Its Unicode name (Unicode 14), in capitals.
    pub name: &'static str,
}

/// The symbol `c`, when the table has it.
pub fn symbol(c: char) -> Option<Symbol> {
    let code = u32::from(c);
    let at = SYMBOLS.binary_search_by_key(&code, |row| row.0).ok()?;
    SYMBOLS.get(at).map(|row| Symbol {
        gsm_form: row.1,
        name: row.2,
    })
}

/// Every symbol of the table, by code point.
pub fn all() -> impl Iterator<Item = (char, Symbol)> {
    SYMBOLS.iter().filter_map(|row| {
        char::from_u32(row.0).map(|c| {
            (
                c,
                Symbol {
                    gsm_form: row.1,
                    name: row.2,
                },
            )
        })
    })
}

/// The Unicode name of a character of the table (not the accented letters, which show as
/// themselves), else `None`.
pub fn character_name(c: char) -> Option<&'static str> {
    symbol(c).map(|symbol| symbol.name)
}

/// `U+00A0`: a code point as Unicode writes it, at least four hexadecimal digits, upper case.
pub fn code_point(c: char) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let code = u32::from(c);
    let digits = (1..=6)
        .rev()
        .find(|&n| code >> (4 * (n - 1)) != 0)
        .unwrap_or(1)
        .max(4);
    let mut out = String::with_capacity(2 + digits);
    out.push_str("U+");
    for n in (0..digits).rev() {
        let nibble = (code >> (4 * n)) & 0xF;
        out.push(char::from(
            HEX.get(nibble as usize).copied().unwrap_or(b'0'),
        ));
    }
    out
}

/// Spaces, invisible and format characters, dashes, quotes, the ellipsis and ligatures: code
/// point, GSM form, Unicode name (Unicode 14), by code point.
#[rustfmt::skip]
const SYMBOLS: [(u32, &str, &str); 85] = [
    (0x9, " ", "CHARACTER TABULATION"),
    (0xA0, " ", "NO-BREAK SPACE"),
    (0xAD, "", "SOFT HYPHEN"),
    (0xB4, "'", "ACUTE ACCENT"),
    (0x132, "IJ", "LATIN CAPITAL LIGATURE IJ"),
    (0x133, "ij", "LATIN SMALL LIGATURE IJ"),
    (0x152, "OE", "LATIN CAPITAL LIGATURE OE"),
    (0x2B9, "'", "MODIFIER LETTER PRIME"),
    (0x2BA, "\"", "MODIFIER LETTER DOUBLE PRIME"),
    (0x2BC, "'", "MODIFIER LETTER APOSTROPHE"),
    (0x34F, "", "COMBINING GRAPHEME JOINER"),
    (0x180E, "", "MONGOLIAN VOWEL SEPARATOR"),
    (0x2000, " ", "EN QUAD"),
    (0x2001, " ", "EM QUAD"),
    (0x2002, " ", "EN SPACE"),
    (0x2003, " ", "EM SPACE"),
    (0x2004, " ", "THREE-PER-EM SPACE"),
    (0x2005, " ", "FOUR-PER-EM SPACE"),
    (0x2006, " ", "SIX-PER-EM SPACE"),
    (0x2007, " ", "FIGURE SPACE"),
    (0x2008, " ", "PUNCTUATION SPACE"),
    (0x2009, " ", "THIN SPACE"),
    (0x200A, " ", "HAIR SPACE"),
    (0x200B, "", "ZERO WIDTH SPACE"),
    (0x200C, "", "ZERO WIDTH NON-JOINER"),
    (0x200D, "", "ZERO WIDTH JOINER"),
    (0x200E, "", "LEFT-TO-RIGHT MARK"),
    (0x200F, "", "RIGHT-TO-LEFT MARK"),
    (0x2010, "-", "HYPHEN"),
    (0x2011, "-", "NON-BREAKING HYPHEN"),
    (0x2012, "-", "FIGURE DASH"),
    (0x2013, "-", "EN DASH"),
    (0x2014, "-", "EM DASH"),
    (0x2015, "-", "HORIZONTAL BAR"),
    (0x201A, "'", "SINGLE LOW-9 QUOTATION MARK"),
    (0x201B, "'", "SINGLE HIGH-REVERSED-9 QUOTATION MARK"),
    (0x201E, "\"", "DOUBLE LOW-9 QUOTATION MARK"),
    (0x201F, "\"", "DOUBLE HIGH-REVERSED-9 QUOTATION MARK"),
    (0x2026, "...", "HORIZONTAL ELLIPSIS"),
    (0x202A, "", "LEFT-TO-RIGHT EMBEDDING"),
    (0x202B, "", "RIGHT-TO-LEFT EMBEDDING"),
    (0x202C, "", "POP DIRECTIONAL FORMATTING"),
    (0x202D, "", "LEFT-TO-RIGHT OVERRIDE"),
    (0x202E, "", "RIGHT-TO-LEFT OVERRIDE"),
    (0x202F, " ", "NARROW NO-BREAK SPACE"),
    (0x2032, "'", "PRIME"),
    (0x2033, "\"", "DOUBLE PRIME"),
    (0x2035, "'", "REVERSED PRIME"),
    (0x2036, "\"", "REVERSED DOUBLE PRIME"),
    (0x2039, "'", "SINGLE LEFT-POINTING ANGLE QUOTATION MARK"),
    (0x203A, "'", "SINGLE RIGHT-POINTING ANGLE QUOTATION MARK"),
    (0x205F, " ", "MEDIUM MATHEMATICAL SPACE"),
    (0x2060, "", "WORD JOINER"),
    (0x2061, "", "FUNCTION APPLICATION"),
    (0x2062, "", "INVISIBLE TIMES"),
    (0x2063, "", "INVISIBLE SEPARATOR"),
    (0x2064, "", "INVISIBLE PLUS"),
    (0x2066, "", "LEFT-TO-RIGHT ISOLATE"),
    (0x2067, "", "RIGHT-TO-LEFT ISOLATE"),
    (0x2068, "", "FIRST STRONG ISOLATE"),
    (0x2069, "", "POP DIRECTIONAL ISOLATE"),
    (0x2212, "-", "MINUS SIGN"),
    (0x3000, " ", "IDEOGRAPHIC SPACE"),
    (0xFB00, "ff", "LATIN SMALL LIGATURE FF"),
    (0xFB01, "fi", "LATIN SMALL LIGATURE FI"),
    (0xFB02, "fl", "LATIN SMALL LIGATURE FL"),
    (0xFB03, "ffi", "LATIN SMALL LIGATURE FFI"),
    (0xFB04, "ffl", "LATIN SMALL LIGATURE FFL"),
    (0xFE00, "", "VARIATION SELECTOR-1"),
    (0xFE01, "", "VARIATION SELECTOR-2"),
    (0xFE02, "", "VARIATION SELECTOR-3"),
    (0xFE03, "", "VARIATION SELECTOR-4"),
    (0xFE04, "", "VARIATION SELECTOR-5"),
    (0xFE05, "", "VARIATION SELECTOR-6"),
    (0xFE06, "", "VARIATION SELECTOR-7"),
    (0xFE07, "", "VARIATION SELECTOR-8"),
    (0xFE08, "", "VARIATION SELECTOR-9"),
    (0xFE09, "", "VARIATION SELECTOR-10"),
    (0xFE0A, "", "VARIATION SELECTOR-11"),
    (0xFE0B, "", "VARIATION SELECTOR-12"),
    (0xFE0C, "", "VARIATION SELECTOR-13"),
    (0xFE0D, "", "VARIATION SELECTOR-14"),
    (0xFE0E, "", "VARIATION SELECTOR-15"),
    (0xFE0F, "", "VARIATION SELECTOR-16"),
    (0xFEFF, "", "ZERO WIDTH NO-BREAK SPACE"),
];
