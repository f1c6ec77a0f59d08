//! The destinations a request may send to (`allowedRegions`): the regions of the numbers, as
//! `parsePhoneNumbers` reports them in `details`, against the caller's list.

use crate::input::InputValue;
use crate::issue::IssueCode;
use crate::lang::{Lang, Text};
use crate::phone::NumberDetails;

use super::Findings;

/// libphonenumber's code for the numbers of no single region (international networks such as
/// +882 and +883, global services such as +800, +870 and +979, and the country codes shared by
/// several regions outside the tables such as +7): listed in `allowedRegions`, it allows them.
pub const NO_SINGLE_REGION: &str = "001";

/// Two-letter codes in all: `AA` to `ZZ`.
const LETTER_PAIRS: usize = 26 * 26;
/// The bit of [`NO_SINGLE_REGION`], after the letter pairs.
const NO_SINGLE_REGION_BIT: usize = LETTER_PAIRS;
/// At most this many allowed regions are written in a sentence; the rest are counted.
const MAX_SHOWN: usize = 15;

/// A set of destinations: two-letter region codes (ISO 3166-1 alpha-2, upper case) and
/// [`NO_SINGLE_REGION`], one bit each (small and `Copy`, as the options are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegionSet {
    bits: [u64; (LETTER_PAIRS + 1).div_ceil(64)],
}

impl RegionSet {
    /// The set of `codes`, two letters in either case or `"001"` each; `None` when one is not.
    pub fn of<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<RegionSet> {
        let mut set = RegionSet::default();
        for code in codes {
            set.insert(code)?;
        }
        Some(set)
    }

    /// Adds `code`; `None` when it is not two letters or `"001"`.
    fn insert(&mut self, code: &str) -> Option<()> {
        let bit = bit_of(code)?;
        let word = self.bits.get_mut(bit / 64)?;
        *word |= 1 << (bit % 64);
        Some(())
    }

    /// Whether a number of `region` (`None`: of no single region) may be sent to.
    pub fn allows(&self, region: Option<&str>) -> bool {
        bit_of(region.unwrap_or(NO_SINGLE_REGION)).is_some_and(|bit| self.has(bit))
    }

    /// Whether `bit` is set.
    fn has(&self, bit: usize) -> bool {
        self.bits
            .get(bit / 64)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    /// The codes of the set, letters in alphabetical order, then `"001"`.
    pub fn codes(&self) -> impl Iterator<Item = String> + '_ {
        self.bits().map(|bit| {
            let mut code = String::new();
            push_code(bit, &mut code);
            code
        })
    }

    /// The bits set, in order.
    fn bits(&self) -> impl Iterator<Item = usize> + '_ {
        (0..=NO_SINGLE_REGION_BIT).filter(|&bit| self.has(bit))
    }

    /// The codes for a sentence: the first [`MAX_SHOWN`], how many more, or "none".
    fn describe(&self, lang: Lang) -> String {
        let mut out = String::new();
        let mut count = 0;
        for bit in self.bits() {
            count += 1;
            if count <= MAX_SHOWN {
                if count > 1 {
                    out.push_str(", ");
                }
                push_code(bit, &mut out);
            }
        }
        match count {
            0 => out.push_str(lang.text(Text::NoRegions)),
            1..=MAX_SHOWN => {}
            _ => {
                let more = lang.text(Text::AndMore);
                out.push_str(&crate::issue::fill(more, &[&(count - MAX_SHOWN)]));
            }
        }
        out
    }
}

/// The bit of a code: two ASCII letters (either case) or `"001"`.
fn bit_of(code: &str) -> Option<usize> {
    if code == NO_SINGLE_REGION {
        return Some(NO_SINGLE_REGION_BIT);
    }
    match code.as_bytes() {
        &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            let letter = |c: u8| usize::from(c.to_ascii_uppercase() - b'A');
            Some(letter(a) * 26 + letter(b))
        }
        _ => None,
    }
}

/// Writes the code of a bit of [`RegionSet`].
fn push_code(bit: usize, out: &mut String) {
    if bit >= NO_SINGLE_REGION_BIT {
        out.push_str(NO_SINGLE_REGION);
        return;
    }
    // Both quotients are below 26.
    for n in [bit / 26, bit % 26] {
        out.push(char::from(b'A' + (n % 26) as u8));
    }
}

/// An `allowedRegions` that is not an array of region codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionsUnreadable;

impl core::fmt::Display for RegionsUnreadable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("allowedRegions is not an array of region codes")
    }
}

impl std::error::Error for RegionsUnreadable {}

/// Reads `allowedRegions`: `Ok(None)` when not given (no check), the set of an array of codes.
///
/// # Errors
/// [`RegionsUnreadable`] for anything else: a code that is not two letters or `"001"`, a value
/// that is not an array, an array too long to be read whole, an unreadable value.
pub fn read(value: &InputValue) -> Result<Option<RegionSet>, RegionsUnreadable> {
    match value {
        InputValue::Absent | InputValue::Null => Ok(None),
        InputValue::List(items) => {
            let mut set = RegionSet::default();
            for item in items {
                match item {
                    InputValue::Text(code) => set.insert(code).ok_or(RegionsUnreadable)?,
                    _ => return Err(RegionsUnreadable),
                }
            }
            Ok(Some(set))
        }
        _ => Err(RegionsUnreadable),
    }
}

/// The region part of a refusal's sentence: the code, or what `"001"` stands for.
fn region_text(region: Option<&str>, lang: Lang) -> &str {
    region.unwrap_or_else(|| lang.text(Text::NoSingleRegion))
}

/// Why `details` may not be sent to under `allowed`, in `lang` (the sentence of
/// `destination_not_allowed`), or `None` when it may: what `parsePhoneNumbers` reports as the
/// reason of a refused number, the same words as `validateSendRequest`'s issue.
pub fn refusal(details: &NumberDetails, allowed: &RegionSet, lang: Lang) -> Option<String> {
    if allowed.allows(details.region) {
        return None;
    }
    let list = allowed.describe(lang);
    let region = region_text(details.region, lang);
    let issue = crate::issue::Issue::of(
        IssueCode::DestinationNotAllowed,
        lang,
        &[&details.number, &region, &list],
    );
    Some(issue.message)
}

/// Records `destination_not_allowed` for each number whose region `allowed` does not hold.
pub(crate) fn check(details: &[NumberDetails], allowed: &RegionSet, f: &mut Findings) {
    let refused: Vec<&NumberDetails> = details
        .iter()
        .filter(|d| !allowed.allows(d.region))
        .collect();
    if refused.is_empty() {
        return;
    }
    let list = allowed.describe(f.lang);
    let lang = f.lang;
    let code = IssueCode::DestinationNotAllowed;
    super::fields::each_listed(
        f,
        code,
        &refused,
        |f, d| f.add(code, &[&d.number, &region_text(d.region, lang), &list]),
        Text::MoreOutsideDestinations,
    );
}
