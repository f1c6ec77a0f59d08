//! Phone numbers as people type them: checked, written in E.164 and deduplicated.
//!
//! Sources: SMS Partner's "Envoi unitaire" page (numbers separated by commas; French numbers
//! in national form `0600000000` or international form `+33600000000`, others in
//! international form `+496xxxxxxxx`), ITU-T E.164 (at most 15 digits, country code first,
//! first digit 1–9) and the ITU list of assigned country calling codes, and the French
//! numbering plan of ARCEP (10 national digits starting with the trunk prefix 0), and Google's
//! libphonenumber metadata for the plans of the regions in [`crate::numbering_plan`].

use serde::Serialize;

use crate::lang::{Lang, Text};
use crate::numbering_plan::{self, Lookup, NumberType};

/// Most digits in an E.164 number, country code included (ITU-T E.164, section 6).
pub const MAX_E164_DIGITS: usize = 15;

/// Fewest digits, country code included, that this module accepts as a plausible number of a
/// country whose plan is not tabled (for the others, the plan decides). Undocumented by SMS
/// Partner: E.164 sets no minimum; we chose 8 because no mobile number that can receive an SMS
/// is shorter, and shorter strings are almost always typing mistakes. A few territories with
/// short fixed numbers (Niue, Tokelau: 7 digits in all) are refused.
pub const MIN_E164_DIGITS: usize = 8;

/// The overseas country codes a French national number (`0` and 9 digits) can reach: La
/// Réunion and Mayotte, Guadeloupe, Saint-Barthélemy and Saint-Martin, Guyane, Martinique,
/// Saint-Pierre-et-Miquelon (ARCEP plan: they are dialled from France with the same 10 digits).
const OVERSEAS_CODES: [u16; 5] = [262, 590, 594, 596, 508];
/// Digits of a French national number after its 0 (ARCEP plan: 10 digits minus the 0).
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
    /// What the numbering plans say of each entry of `numbers`, in the same order.
    pub details: Vec<NumberDetails>,
}

/// The region and the type of a valid number (one entry of `details` in JavaScript).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NumberDetails {
    /// The number in E.164.
    pub number: String,
    /// ISO 3166-1 alpha-2 code of its region (`"FR"`, `"GP"`…); `None` for a country code
    /// outside the tables shared by several regions or serving none (`+7`, `+800`).
    pub region: Option<&'static str>,
    /// The kind of line; [`NumberType::Unknown`] when its plan is not tabled.
    #[serde(rename = "type")]
    pub number_type: NumberType,
    /// Whether an SMS can reach the number: `false` for the types that cannot receive one
    /// ([`NumberType::cannot_receive_sms`]: fixed lines, premium rate, toll free…), the numbers
    /// that `validateSendRequest` warns about with `phone_number_not_mobile`.
    pub can_receive_sms: bool,
}

impl NumberDetails {
    /// The details of the valid number `e164`.
    fn new(e164: &E164, region: Option<&'static str>, number_type: NumberType) -> NumberDetails {
        NumberDetails {
            number: e164.to_string(),
            region,
            number_type,
            can_receive_sms: !number_type.cannot_receive_sms(),
        }
    }
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

impl InvalidNumber {
    /// The entry that stands for `count` entries of a list that were not read (past the first
    /// `read`): said out loud, never dropped in silence. Its code is `entries_not_read`.
    pub fn not_read(count: u32, read: u32, lang: Lang) -> InvalidNumber {
        InvalidNumber {
            input: format!("<{count} entries not read>"),
            code: ENTRIES_NOT_READ,
            reason: crate::issue::fill(lang.text(Text::EntriesNotRead), &[&count, &read]),
        }
    }
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
    /// The plan of the country calling code (tabled in [`crate::numbering_plan`]) has no such
    /// number: a digit too many or too few, or a range that is not allocated.
    NotInNumberingPlan(u16),
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
            InvalidReason::NotInNumberingPlan(_) => "not_in_numbering_plan",
        }
    }

    /// The reason as a sentence for a person, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        let (key, detail) = match self {
            InvalidReason::Empty => (Text::NoNumber, None),
            InvalidReason::InvalidCharacter(found) => {
                (Text::InvalidCharacter, Some(show_char(found, lang)))
            }
            InvalidReason::TooShort => (Text::TooShort, Some(MIN_E164_DIGITS.to_string())),
            InvalidReason::TooLong => (Text::TooLong, Some(MAX_E164_DIGITS.to_string())),
            InvalidReason::UnknownCountryCode => (Text::UnknownCountryCode, None),
            InvalidReason::NationalFormatNotFrench => (Text::NationalFormatNotFrench, None),
            InvalidReason::NotInNumberingPlan(code) => {
                (Text::NotInNumberingPlan, Some(code.to_string()))
            }
        };
        let text = lang.text(key);
        match detail {
            Some(detail) => text.replacen("{}", &detail, 1),
            None => text.to_string(),
        }
    }
}

/// The English sentence of [`InvalidReason::message`].
impl core::fmt::Display for InvalidReason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InvalidReason {}

/// A character quoted for a sentence; invisible ones are named by their code point.
fn show_char(found: char, lang: Lang) -> String {
    if found.is_control() || found.is_whitespace() {
        format!("U+{:04X}", u32::from(found))
    } else {
        lang.text(Text::Quoted)
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
    parse_phone_numbers_refusing(entries, lang, |_| None)
}

/// The code of an entry that is a valid number `refuse` turned away (a destination not allowed).
pub const DESTINATION_NOT_ALLOWED: &str = "destination_not_allowed";
/// The code of the entry that says the options could not be read (no number is then allowed).
pub const OPTION_INVALID: &str = "option_invalid";
/// The code of the entry that counts the entries of a list past those read.
pub const ENTRIES_NOT_READ: &str = "entries_not_read";

/// [`parse_phone_numbers`], with each valid number for which `refuse` gives a sentence reported
/// among the invalid entries, in input order, with the code [`DESTINATION_NOT_ALLOWED`] and
/// that sentence as its reason.
pub fn parse_phone_numbers_refusing<'a, I, R>(
    entries: I,
    lang: Lang,
    refuse: R,
) -> PhoneNumberReport
where
    I: IntoIterator<Item = &'a str>,
    R: Fn(&NumberDetails) -> Option<String>,
{
    let mut report = PhoneNumberReport::default();
    let mut valid = Vec::new();
    for entry in entries {
        let entry = entry.trim();
        match normalize_e164(entry) {
            Ok(number) => match refuse(&NumberDetails::new(
                &number.e164,
                number.region,
                number.number_type,
            )) {
                None => valid.push(number),
                Some(reason) => report.invalid.push(InvalidNumber {
                    input: entry.to_string(),
                    code: DESTINATION_NOT_ALLOWED,
                    reason,
                }),
            },
            Err(reason) => report.invalid.push(InvalidNumber {
                input: entry.to_string(),
                code: reason.code(),
                reason: reason.message(lang),
            }),
        }
    }
    // Sorting the keys with their positions finds each number's first and second occurrence
    // (kept, reported as repeated) without a hash set.
    let mut keys: Vec<(u64, usize)> = valid
        .iter()
        .enumerate()
        .map(|(at, number)| (number.e164.key(), at))
        .collect();
    crate::radix::sort_by_key(&mut keys);
    let mut occurrence = vec![Occurrence::Later; valid.len()];
    let mut previous = None;
    let mut run = 0;
    for &(key, at) in &keys {
        run = if previous == Some(key) { run + 1 } else { 0 };
        previous = Some(key);
        if let Some(slot) = occurrence.get_mut(at) {
            *slot = match run {
                0 => Occurrence::First,
                1 => Occurrence::Second,
                _ => Occurrence::Later,
            };
        }
    }
    for (number, occurrence) in valid.into_iter().zip(occurrence) {
        let Number {
            e164,
            region,
            number_type,
        } = number;
        match occurrence {
            Occurrence::First => {
                report.numbers.push(e164.to_string());
                report
                    .details
                    .push(NumberDetails::new(&e164, region, number_type));
            }
            Occurrence::Second => report.duplicates.push(e164.to_string()),
            Occurrence::Later => {}
        }
    }
    report
}

/// Which occurrence of its number an entry is, in input order.
#[derive(Clone, Copy)]
enum Occurrence {
    First,
    Second,
    Later,
}

/// One entry to E.164 (`06 12 34 56 78` → `+33612345678`).
///
/// Accepted: digits with spaces (including no-break spaces U+00A0, U+202F, U+2007, U+2009),
/// tabs, dots, dashes (`-`, U+2010, U+2011, U+2013), slashes, parentheses and invisible
/// formatting characters (zero-width spaces, direction marks) between them; a
/// `+` or `00` international prefix; `(0)` right after the country code, the trunk prefix some
/// people write (`+33 (0)6 12 34 56 78`), is dropped, and so is a trunk prefix written after
/// the country code where the plan has one (`+33 06 12 34 56 78`, `+1 1 415…`). Without a
/// prefix the number must be a French national number, 10 digits starting with 0.
///
/// For the country codes of [`crate::numbering_plan`] the number must exist in the plan.
/// French national numbers are read as dialled from France: the geographic and mobile ranges
/// of the overseas departments and collectivities go to them, written with their own country
/// codes as E.164 requires, and all others to France (0262, 0269, 0639, 0692, 0693 → +262 La Réunion and Mayotte; 0590, 0690, 0691 →
/// +590 Guadeloupe, Saint-Barthélemy, Saint-Martin; 0594, 0694 → +594 Guyane; 0596, 0696, 0697
/// → +596 Martinique; the 0709 mobile blocks to each of them; 0708 → +508 Saint-Pierre). Other
/// country codes are checked for length only.
///
/// # Errors
/// The [`InvalidReason`] of the first problem found.
pub fn normalize(entry: &str) -> Result<String, InvalidReason> {
    normalize_e164(entry.trim()).map(|number| number.e164.to_string())
}

/// A number as SMS Partner itself reports it (delivery statuses, replies, its long numbers such
/// as `+33700…`) in E.164: the spellings of [`normalize`], the length check only, no numbering
/// plan (SMS Partner's own numbers lie outside the published plans, and what it reports must
/// not be lost).
///
/// # Errors
/// The [`InvalidReason`] of the first problem found.
pub fn normalize_reported(entry: &str) -> Result<String, InvalidReason> {
    normalize_with(entry.trim(), Plans::Ignore).map(|number| number.e164.to_string())
}

/// Whether the numbering plans decide (numbers people type) or not (numbers SMS Partner reports).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plans {
    Check,
    Ignore,
}

/// The region and the type of a number, as [`parse_phone_numbers`] reports them in `details`.
///
/// # Errors
/// The [`InvalidReason`] of the first problem found, as for [`normalize`].
pub fn details(entry: &str) -> Result<NumberDetails, InvalidReason> {
    normalize_e164(entry.trim())
        .map(|number| NumberDetails::new(&number.e164, number.region, number.number_type))
}

/// A valid number with what its plan says of it.
struct Number {
    e164: E164,
    region: Option<&'static str>,
    number_type: NumberType,
}

/// A valid E.164 number: up to 15 digits, the first one 1–9.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct E164 {
    digits: [u8; MAX_E164_DIGITS],
    len: usize,
}

impl E164 {
    /// Joins a country code and a national significant number, checking the total length
    /// (only the E.164 maximum when `planned`, the numbering plan having checked the rest).
    fn from_parts(
        country_code: &[u8],
        national: &[u8],
        planned: bool,
    ) -> Result<E164, InvalidReason> {
        let len = country_code.len() + national.len();
        if len > MAX_E164_DIGITS {
            return Err(InvalidReason::TooLong);
        }
        if len < MIN_E164_DIGITS && !planned {
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
fn normalize_e164(entry: &str) -> Result<Number, InvalidReason> {
    normalize_with(entry, Plans::Check)
}

/// [`normalize_e164`], the plans checked or not.
fn normalize_with(entry: &str, plans: Plans) -> Result<Number, InvalidReason> {
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
        international(digits, bracketed_zero_after(0), plans)
    } else if let [0, 0, rest @ ..] = digits {
        international(rest, bracketed_zero_after(2), plans)
    } else {
        french_national(digits, plans)
    }
}

/// A number written without international prefix: only the French national form, 10 digits
/// starting with 0, is accepted (SMS Partner's "Envoi unitaire" page), read as dialled from
/// France (see [`normalize`]).
fn french_national(digits: &[u8], plans: Plans) -> Result<Number, InvalidReason> {
    // `national` cannot start with 0: "00" was taken as the international prefix before.
    let [0, national @ ..] = digits else {
        return Err(InvalidReason::NationalFormatNotFrench);
    };
    if national.len() != FRENCH_SIGNIFICANT_DIGITS {
        return Err(InvalidReason::NationalFormatNotFrench);
    }
    let overseas = || {
        OVERSEAS_CODES
            .iter()
            .filter_map(|&code| planned(code, national))
    };
    // The territories' geographic and mobile ranges first: libphonenumber's French plan also
    // lists `0269…` and `0596…`, blocks that ARCEP gives to Mayotte and Martinique. Then
    // France, whose non-geographic 08 and 09 ranges the overseas plans repeat.
    overseas()
        .find(|number| {
            matches!(
                number.number_type,
                NumberType::Mobile | NumberType::FixedLine | NumberType::FixedLineOrMobile
            )
        })
        .or_else(|| planned(33, national))
        .or_else(|| overseas().next())
        .or_else(|| match plans {
            Plans::Check => None,
            Plans::Ignore => Some(Number {
                e164: E164::from_parts(&[3, 3], national, false).ok()?,
                region: Some("FR"),
                number_type: NumberType::Unknown,
            }),
        })
        .ok_or(InvalidReason::NotInNumberingPlan(33))
}

/// The number `national` under the tabled `code`, when its plan has it.
fn planned(code: u16, national: &[u8]) -> Option<Number> {
    match numbering_plan::lookup(code, national) {
        Lookup::Valid {
            region,
            number_type,
        } => Some(Number {
            e164: E164::from_parts(&code_digits(code), national, true).ok()?,
            region: Some(region),
            number_type,
        }),
        Lookup::Invalid | Lookup::NotCovered => None,
    }
}

/// Checks the digits that follow `+` or `00`: country code, then the national number.
fn international(
    rest: &[u8],
    bracketed_zero_at: Option<usize>,
    plans: Plans,
) -> Result<Number, InvalidReason> {
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
    let code = digits_to_u16(country_code);
    if let Some(trunk) = numbering_plan::trunk_prefix(code).filter(|_| plans == Plans::Check) {
        // The number as written, else without a trunk prefix written after the code.
        let without_trunk = national.strip_prefix(trunk).filter(|_| !trunk.is_empty());
        return planned(code, national)
            .or_else(|| without_trunk.and_then(|rest| planned(code, rest)))
            .ok_or(InvalidReason::NotInNumberingPlan(code));
    }
    if let [0, rest @ ..] = national {
        if numbering_plan::has_zero_trunk_prefix(code) && !rest.is_empty() {
            national = rest;
        }
    }
    Ok(Number {
        e164: E164::from_parts(country_code, national, false)?,
        region: numbering_plan::single_region(code),
        number_type: NumberType::Unknown,
    })
}

/// The digits of a country calling code (1 to 3 of them).
fn code_digits(code: u16) -> Vec<u8> {
    code.to_string().bytes().map(|b| b - b'0').collect()
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
