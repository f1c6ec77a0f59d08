//! Phone numbers as people type them: checked, written in E.164 and deduplicated.
//!
//! Sources: SMS Partner's "Envoi unitaire" page (numbers separated by commas; French numbers
//! in national form `0600000000` or international form `+33600000000`, others in
//! international form `+496xxxxxxxx`), ITU-T E.164 (at most 15 digits, country code first,
//! first digit 1–9) and the ITU list of assigned country calling codes, and the French
//! numbering plan of ARCEP (10 national digits starting with the trunk prefix 0).

use std::collections::HashSet;

use serde::Serialize;

use crate::lang::Lang;

/// Most digits in an E.164 number, country code included (ITU-T E.164, section 6).
pub const MAX_E164_DIGITS: usize = 15;

/// Fewest digits, country code included, that this module accepts as a plausible number.
/// Undocumented by SMS Partner: E.164 sets no minimum; we chose 8 because no mobile number
/// that can receive an SMS is shorter, and shorter strings are almost always typing mistakes.
/// A few territories with short fixed numbers (Niue, Tokelau: 7 digits in all) are refused.
pub const MIN_E164_DIGITS: usize = 8;

/// France's country calling code, as digits.
const FRANCE: &[u8] = &[3, 3];
/// Digits of a French number after the country code (ARCEP plan: 10 digits minus the 0).
const FRENCH_SIGNIFICANT_DIGITS: usize = 9;
/// Digits kept while scanning an entry; anything longer is too long whatever its prefix.
const SCAN_CAPACITY: usize = 24;

/// What [`parse_phone_numbers`] makes of a list of entries (`parsePhoneNumbers` in JavaScript).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumberReport {
    /// The valid numbers in E.164 (`+33612345678`), in input order, each once.
    pub numbers: Vec<String>,
    /// The entries that are not phone numbers, with the reason, in input order.
    pub invalid: Vec<InvalidNumber>,
    /// The E.164 numbers given more than once (under any spelling), each listed once, in the
    /// order of their first repetition.
    pub duplicates: Vec<String>,
}

/// An entry that is not a valid phone number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidNumber {
    /// The entry as given, without surrounding white space.
    pub input: String,
    /// A stable snake_case identifier of the reason ([`InvalidReason::code`]).
    pub code: &'static str,
    /// The reason as a sentence for a person, in the requested language.
    pub reason: String,
}

/// Why an entry is not a valid phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvalidReason {
    /// Nothing but white space and separators: no digit at all.
    Empty,
    /// A character that has no place in a phone number (the first one found). A `+` anywhere
    /// but at the start also counts as one.
    InvalidCharacter(char),
    /// Fewer than [`MIN_E164_DIGITS`] digits with the country code.
    TooShort,
    /// More than [`MAX_E164_DIGITS`] digits with the country code.
    TooLong,
    /// What follows `+` or `00` does not start with an assigned country calling code.
    UnknownCountryCode,
    /// No `+` or `00`, and not a French national number (10 digits starting with 0): other
    /// countries must be written in international form, and `612345678` lacks its 0.
    NationalFormatNotFrench,
    /// `+33` followed by the national 0 (`+33 06 12 34 56 78`): the 0 must be left out.
    FrenchTrunkZero,
    /// `+33` not followed by exactly 9 digits, the first one 1–9.
    FrenchNumberInvalid,
}

impl InvalidReason {
    /// A stable snake_case identifier for programs (`"too_short"`).
    pub const fn code(self) -> &'static str {
        match self {
            InvalidReason::Empty => "empty",
            InvalidReason::InvalidCharacter(_) => "invalid_characters",
            InvalidReason::TooShort => "too_short",
            InvalidReason::TooLong => "too_long",
            InvalidReason::UnknownCountryCode => "unknown_country_code",
            InvalidReason::NationalFormatNotFrench => "national_format_not_french",
            InvalidReason::FrenchTrunkZero => "french_trunk_zero",
            InvalidReason::FrenchNumberInvalid => "french_number_invalid",
        }
    }

    /// The reason as a sentence for a person, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        let text = match self {
            InvalidReason::Empty => lang.pick(
                "The entry holds no phone number.",
                "L'entrée ne contient aucun numéro de téléphone.",
            ),
            InvalidReason::InvalidCharacter(found) => {
                let template = lang.pick(
                    "The character {} cannot appear in a phone number: use digits, a + at the \
                     start and separators (spaces, dots, dashes, slashes, parentheses).",
                    "Le caractère {} ne peut pas figurer dans un numéro de téléphone : utilisez \
                     des chiffres, un + au début et des séparateurs (espaces, points, tirets, \
                     barres obliques, parenthèses).",
                );
                return template.replacen("{}", &show_char(found, lang), 1);
            }
            InvalidReason::TooShort => return digits_rule(lang, false),
            InvalidReason::TooLong => return digits_rule(lang, true),
            InvalidReason::UnknownCountryCode => lang.pick(
                "The number does not start with a country calling code after + or 00 (France \
                 is +33).",
                "Le numéro ne commence pas par un indicatif de pays après + ou 00 (la France \
                 est +33).",
            ),
            InvalidReason::NationalFormatNotFrench => lang.pick(
                "A number without + or 00 must be a French number of 10 digits starting with 0 \
                 (06 12 34 56 78); write other numbers in international form (+49 …).",
                "Un numéro sans + ni 00 doit être un numéro français de 10 chiffres commençant \
                 par 0 (06 12 34 56 78) ; écrivez les autres au format international (+49 …).",
            ),
            InvalidReason::FrenchTrunkZero => lang.pick(
                "After +33, leave out the 0 of the national number: +33 6 12 34 56 78, not \
                 +33 06 12 34 56 78.",
                "Après +33, retirez le 0 du numéro national : +33 6 12 34 56 78, et non \
                 +33 06 12 34 56 78.",
            ),
            InvalidReason::FrenchNumberInvalid => lang.pick(
                "A French number has 9 digits after +33, the first one not 0 \
                 (+33 6 12 34 56 78).",
                "Un numéro français compte 9 chiffres après +33, le premier n'étant pas 0 \
                 (+33 6 12 34 56 78).",
            ),
        };
        text.to_string()
    }
}

/// The English sentence of [`InvalidReason::message`].
impl core::fmt::Display for InvalidReason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InvalidReason {}

/// Why a number is too short or too long, with the E.164 limits.
fn digits_rule(lang: Lang, too_long: bool) -> String {
    let n = if too_long {
        MAX_E164_DIGITS
    } else {
        MIN_E164_DIGITS
    };
    let with_code = lang.pick(
        "with its country code, a phone number has",
        "avec l'indicatif du pays, un numéro de téléphone compte",
    );
    match (lang, too_long) {
        (Lang::En, false) => format!("The number is too short: {with_code} at least {n} digits."),
        (Lang::En, true) => format!("The number is too long: {with_code} at most {n} digits."),
        (Lang::Fr, false) => {
            format!("Le numéro est trop court : {with_code} au moins {n} chiffres.")
        }
        (Lang::Fr, true) => format!("Le numéro est trop long : {with_code} au plus {n} chiffres."),
    }
}

/// A character quoted for a sentence; invisible ones are named by their code point.
fn show_char(found: char, lang: Lang) -> String {
    if found.is_control() || found.is_whitespace() {
        format!("U+{:04X}", u32::from(found))
    } else {
        lang.pick("“{}”", "« {} »")
            .replacen("{}", found.encode_utf8(&mut [0; 4]), 1)
    }
}

/// Splits a list typed by a person into entries: separated by commas (SMS Partner's
/// separator), semicolons or line breaks (CR, LF: a pasted column). Each entry is trimmed;
/// empty ones (trailing separators, blank lines) are skipped.
pub fn split_list(input: &str) -> impl Iterator<Item = &str> {
    input
        .split([',', ';', '\n', '\r'])
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
}

/// Checks every entry and returns the valid numbers in E.164 (in input order, without
/// duplicates), the invalid entries with their reasons in `lang`, and the numbers given more
/// than once. An empty entry is reported as [`InvalidReason::Empty`] (a string list goes
/// through [`split_list`] first, which drops them). Linear in the number of entries.
pub fn parse_phone_numbers<'a, I: IntoIterator<Item = &'a str>>(
    entries: I,
    lang: Lang,
) -> PhoneNumberReport {
    let mut report = PhoneNumberReport::default();
    let mut seen = HashSet::new();
    let mut repeated = HashSet::new();
    for entry in entries {
        let entry = entry.trim();
        match normalize_e164(entry) {
            Ok(number) => {
                let key = number.key();
                if seen.insert(key) {
                    report.numbers.push(number.to_string());
                } else if repeated.insert(key) {
                    report.duplicates.push(number.to_string());
                }
            }
            Err(reason) => report.invalid.push(InvalidNumber {
                input: entry.to_string(),
                code: reason.code(),
                reason: reason.message(lang),
            }),
        }
    }
    report
}

/// One entry to E.164 (`06 12 34 56 78` → `+33612345678`).
///
/// Accepted: digits with spaces (including no-break spaces U+00A0, U+202F, U+2007, U+2009),
/// tabs, dots, dashes (`-`, U+2010, U+2011, U+2013), slashes, parentheses and invisible
/// formatting characters (zero-width spaces, direction marks) between them; a
/// `+` or `00` international prefix; `(0)` right after the country code, the trunk prefix some
/// people write (`+33 (0)6 12 34 56 78`), is dropped. Without a prefix the number must be a
/// French national number, 10 digits starting with 0.
///
/// French national numbers of the overseas departments are written with their own country
/// codes, as E.164 requires (ARCEP numbering plan): 0262, 0263, 0269, 0639, 0692, 0693 → +262
/// (La Réunion, Mayotte); 0590, 0690, 0691 → +590 (Guadeloupe, Saint-Martin,
/// Saint-Barthélemy); 0594, 0694 → +594 (Guyane); 0596, 0696, 0697 → +596 (Martinique). All
/// other national numbers get +33.
///
/// # Errors
/// The [`InvalidReason`] of the first problem found.
pub fn normalize(entry: &str) -> Result<String, InvalidReason> {
    normalize_e164(entry.trim()).map(|number| number.to_string())
}

/// A valid E.164 number: up to 15 digits, the first one 1–9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct E164 {
    digits: [u8; MAX_E164_DIGITS],
    len: usize,
}

impl E164 {
    /// Joins a country code and a national significant number, checking the total length.
    fn from_parts(country_code: &[u8], national: &[u8]) -> Result<E164, InvalidReason> {
        let len = country_code.len() + national.len();
        if len > MAX_E164_DIGITS {
            return Err(InvalidReason::TooLong);
        }
        if len < MIN_E164_DIGITS {
            return Err(InvalidReason::TooShort);
        }
        let mut digits = [0; MAX_E164_DIGITS];
        for (slot, &digit) in digits
            .iter_mut()
            .zip(country_code.iter().chain(national.iter()))
        {
            *slot = digit;
        }
        Ok(E164 { digits, len })
    }

    /// The digits in use.
    fn digits(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or(&[])
    }

    /// The number as an integer: unique per number since the first digit is never 0, and
    /// 15 digits fit in a `u64`.
    fn key(&self) -> u64 {
        self.digits()
            .iter()
            .fold(0, |key, &digit| key * 10 + u64::from(digit))
    }
}

impl core::fmt::Display for E164 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Position 0 keeps its '+'; the digits overwrite the rest.
        let mut text = [b'+'; MAX_E164_DIGITS + 1];
        for (slot, &digit) in text.iter_mut().skip(1).zip(self.digits()) {
            *slot = b'0' + digit;
        }
        let used = text.get(..=self.len).unwrap_or(&[]);
        f.write_str(core::str::from_utf8(used).map_err(|_| core::fmt::Error)?)
    }
}

/// The digits of an entry and how it was written.
struct Scan {
    /// The first [`SCAN_CAPACITY`] digits.
    digits: [u8; SCAN_CAPACITY],
    /// Digits seen in all (may exceed the capacity).
    count: usize,
    /// The entry starts with `+`.
    plus: bool,
    /// Index (in `digits`) of a `0` written alone in parentheses, `(0)`.
    bracketed_zero_at: Option<usize>,
}

impl Scan {
    /// The digits kept (all of them unless the entry was longer than the capacity).
    fn digits(&self) -> &[u8] {
        self.digits
            .get(..self.count.min(SCAN_CAPACITY))
            .unwrap_or(&[])
    }
}

/// Separators people put between digits, and invisible formatting characters that copying a
/// number from a web page or an address book brings along (undocumented: ignored because a
/// person cannot see them, let alone remove them).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' // zero-width spaces and joiners, direction marks
            | '\u{202A}'..='\u{202E}' // directional embeddings (Windows address books)
            | '\u{2060}' // word joiner
            | '\u{AD}' // soft hyphen
            | '\u{FEFF}' // zero-width no-break space (byte order mark)
            |
        ' ' | '\t'
            | '\u{A0}'   // no-break space
            | '\u{2007}' // figure space
            | '\u{2009}' // thin space
            | '\u{202F}' // narrow no-break space (French typography)
            | '.'
            | '-'
            | '\u{2010}' // hyphen
            | '\u{2011}' // non-breaking hyphen
            | '\u{2013}' // en dash
            | '/'
    )
}

/// Reads the digits of an entry, refusing any character that is not a digit, a leading `+`, a
/// separator or a parenthesis.
fn scan(entry: &str) -> Result<Scan, InvalidReason> {
    let mut scan = Scan {
        digits: [0; SCAN_CAPACITY],
        count: 0,
        plus: false,
        bracketed_zero_at: None,
    };
    let mut open_at = None;
    for c in entry.chars() {
        match c {
            '0'..='9' => {
                if let Some(slot) = scan.digits.get_mut(scan.count) {
                    *slot = c as u8 - b'0';
                }
                scan.count += 1;
            }
            '+' if scan.count == 0 && !scan.plus => scan.plus = true,
            '(' => open_at = Some(scan.count),
            ')' => {
                if let Some(start) = open_at.take() {
                    let lone_zero = scan.count == start + 1 && scan.digits.get(start) == Some(&0);
                    if lone_zero {
                        scan.bracketed_zero_at = Some(start);
                    }
                }
            }
            c if is_separator(c) => {}
            other => return Err(InvalidReason::InvalidCharacter(other)),
        }
    }
    Ok(scan)
}

/// The checks of [`normalize`] on an already trimmed entry.
fn normalize_e164(entry: &str) -> Result<E164, InvalidReason> {
    let scan = scan(entry)?;
    if scan.count == 0 {
        return Err(InvalidReason::Empty);
    }
    if scan.count > SCAN_CAPACITY {
        return Err(InvalidReason::TooLong);
    }
    let digits = scan.digits();
    // Position of a "(0)" relative to the digits after the international prefix.
    let bracketed_zero_after = |prefix_len: usize| {
        scan.bracketed_zero_at
            .and_then(|at| at.checked_sub(prefix_len))
    };
    if scan.plus {
        international(digits, bracketed_zero_after(0))
    } else if let [0, 0, rest @ ..] = digits {
        international(rest, bracketed_zero_after(2))
    } else {
        french_national(digits)
    }
}

/// A number written without international prefix: only the French national form, 10 digits
/// starting with 0, is accepted (SMS Partner's "Envoi unitaire" page).
fn french_national(digits: &[u8]) -> Result<E164, InvalidReason> {
    match digits {
        // `national` cannot start with 0: "00" was taken as the international prefix before.
        [0, national @ ..] if national.len() == FRENCH_SIGNIFICANT_DIGITS => {
            let country_code = overseas_country_code(national).unwrap_or(FRANCE);
            E164::from_parts(country_code, national)
        }
        _ => Err(InvalidReason::NationalFormatNotFrench),
    }
}

/// Checks the digits that follow `+` or `00`: country code, then the national number.
fn international(rest: &[u8], bracketed_zero_at: Option<usize>) -> Result<E164, InvalidReason> {
    match rest.first() {
        None => return Err(InvalidReason::TooShort),
        Some(0) => return Err(InvalidReason::UnknownCountryCode),
        Some(_) => {}
    }
    // Country codes form a prefix code (none is the start of another), so at most one of the
    // first 1, 2 or 3 digits can match.
    let Some(code_len) = (1..=3).find(|&len| {
        rest.get(..len)
            .is_some_and(|prefix| is_assigned_country_code(digits_to_u16(prefix)))
    }) else {
        return Err(if rest.len() < 3 {
            InvalidReason::TooShort
        } else {
            InvalidReason::UnknownCountryCode
        });
    };
    let (country_code, mut national) = rest.split_at_checked(code_len).unwrap_or((rest, &[]));
    // "+33 (0)6 …": the trunk prefix written in parentheses right after the country code.
    if bracketed_zero_at == Some(code_len) {
        national = national.get(1..).unwrap_or(&[]);
    }
    if country_code == FRANCE {
        check_french_significant_number(national)?;
    }
    E164::from_parts(country_code, national)
}

/// The French rule after +33: exactly 9 digits, the first one 1–9 (ARCEP plan).
fn check_french_significant_number(national: &[u8]) -> Result<(), InvalidReason> {
    match national {
        [0, ..] if national.len() == FRENCH_SIGNIFICANT_DIGITS + 1 => {
            Err(InvalidReason::FrenchTrunkZero)
        }
        [1..=9, ..] if national.len() == FRENCH_SIGNIFICANT_DIGITS => Ok(()),
        _ => Err(InvalidReason::FrenchNumberInvalid),
    }
}

/// The country code of a French national number of an overseas department, from the first
/// three digits after the 0 (ARCEP numbering plan; the same blocks as libphonenumber's
/// metadata for RE, YT, GP, GF and MQ). `None` for metropolitan numbers.
fn overseas_country_code(national: &[u8]) -> Option<&'static [u8]> {
    match national.get(..3)? {
        [2, 6, 2 | 3 | 9] | [6, 3, 9] | [6, 9, 2 | 3] => Some(&[2, 6, 2]),
        [5, 9, 0] | [6, 9, 0 | 1] => Some(&[5, 9, 0]),
        [5, 9, 4] | [6, 9, 4] => Some(&[5, 9, 4]),
        [5, 9, 6] | [6, 9, 6 | 7] => Some(&[5, 9, 6]),
        _ => None,
    }
}

/// The value of up to three digits.
fn digits_to_u16(digits: &[u8]) -> u16 {
    digits
        .iter()
        .take(3)
        .fold(0, |value, &digit| value * 10 + u16::from(digit))
}

/// Whether `code` is a country calling code assigned by the ITU (list of ITU-T
/// Recommendation E.164 assigned country codes): geographic codes and the global services
/// (international freephone 800, shared cost 808, Inmarsat 870, UPT 878, satellite and
/// international networks 881–883, OCHA 888, premium rate 979). Spare and reserved codes are
/// refused.
const fn is_assigned_country_code(code: u16) -> bool {
    matches!(
        code,
        1 | 7
            | 20
            | 27
            | 30..=34
            | 36
            | 39
            | 40
            | 41
            | 43..=49
            | 51..=58
            | 60..=66
            | 81
            | 82
            | 84
            | 86
            | 90..=95
            | 98
            | 211..=213
            | 216
            | 218
            | 220..=258
            | 260..=269
            | 290
            | 291
            | 297..=299
            | 350..=359
            | 370..=383
            | 385..=387
            | 389
            | 420
            | 421
            | 423
            | 500..=509
            | 590..=599
            | 670
            | 672..=683
            | 685..=692
            | 800
            | 808
            | 850
            | 852
            | 853
            | 855
            | 856
            | 870
            | 878
            | 880..=883
            | 886
            | 888
            | 960..=968
            | 970..=977
            | 979
            | 992..=996
            | 998
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_a_prefix_code() {
        for code in 1..1000u16 {
            if !is_assigned_country_code(code) {
                continue;
            }
            let mut prefix = code / 10;
            while prefix > 0 {
                assert!(
                    !is_assigned_country_code(prefix),
                    "{prefix} is a prefix of {code}"
                );
                prefix /= 10;
            }
        }
    }
}
