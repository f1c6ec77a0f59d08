//! Smart encoding: `normalizeMessage` gives what GSM 03.38 and SMS Partner's list leave out, but
//! has a faithful GSM form, that form (the typographic symbols' forms are in `symbols`).
//!
//! What it changes (API.md §1b): typographic spaces and tab → space; invisible and format
//! characters (zero-width, bidirectional marks, soft hyphen, the variation selectors U+FE00–
//! U+FE0F) → removed; dashes and minus → `-`; `…` → `...`; low, reversed and prime quotes and
//! single guillemets → `'` or `"`; ligatures → their letters; letters whose accent GSM lacks →
//! the base letter (Unicode's canonical decomposition, plus `ı ł đ ħ ŧ ſ ŀ ð` by hand). It
//! never touches what GSM carries or what SMS Partner already replaces (a test checks each
//! row), and nothing in Unicode mode.
//!
//! Two guards keep it honest: a change that would make a `:br:` or `:euro:` tag appear is not
//! made, and the expansions (`…` → `...`, `ﬁ` → `fi`, `Œ` → `OE`) are made only as far as they
//! cost no SMS more than the input: every other change costs at most the one septet of the
//! unsupported character it replaces.

use serde::Serialize;

use crate::gsm::replaced_cost;
use crate::message::{self, EURO_TAG, LINE_BREAK_TAG, MessageOptions};
use crate::symbols;

/// One change `normalize` made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// UTF-16 offset of the character in the input.
    pub index: u32,
    /// The character as written.
    pub char: char,
    /// What it became; `""` when removed.
    pub replacement: &'static str,
}

/// The answer of `normalizeMessage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Normalized {
    /// The message with the changes made.
    pub message: String,
    /// The changes, in input order.
    pub changes: Vec<Change>,
}

/// The faithful GSM form of a character neither GSM 03.38 nor SMS Partner's list covers, or
/// `None` when there is none (or the character needs no change).
pub fn gsm_form(c: char) -> Option<&'static str> {
    if let Some(symbol) = symbols::symbol(c) {
        return Some(symbol.gsm_form);
    }
    let code = u16::try_from(u32::from(c)).ok()?;
    let at = LETTERS.binary_search_by_key(&code, |row| row.0).ok()?;
    let base = usize::from(LETTERS.get(at)?.1).checked_sub(usize::from(b'A'))?;
    ASCII_LETTERS.get(base..=base)
}

/// Every character `normalize` knows, with its GSM form and its name where it has one.
pub fn table() -> impl Iterator<Item = (char, &'static str, Option<&'static str>)> {
    let symbols = symbols::all().map(|(c, symbol)| (c, symbol.gsm_form, Some(symbol.name)));
    let letters = LETTERS
        .iter()
        .filter_map(|row| char::from_u32(row.0.into()).and_then(|c| Some((c, gsm_form(c)?, None))));
    symbols.chain(letters)
}

/// A change found in the input: where, what, and its place in the output.
struct Candidate {
    change: Change,
    /// Byte range of the character in the input.
    start: usize,
    end: usize,
    /// Whether it is made.
    made: bool,
}

/// Replaces, in GSM mode, each character that has a faithful GSM form by it (see the module).
/// Never panics; `options.unicode` on: nothing changes.
pub fn normalize(message: &str, options: &MessageOptions) -> Normalized {
    if options.unicode {
        return Normalized {
            message: message.to_owned(),
            changes: Vec::new(),
        };
    }
    let mut candidates = Vec::new();
    let mut utf16 = 0u32;
    for (start, c) in message.char_indices() {
        if let Some(replacement) = gsm_form(c) {
            candidates.push(Candidate {
                change: Change {
                    index: utf16,
                    char: c,
                    replacement,
                },
                start,
                end: start + c.len_utf8(),
                made: true,
            });
        }
        utf16 = utf16.saturating_add(u32::try_from(c.len_utf16()).unwrap_or(2));
    }
    if candidates.is_empty() {
        return Normalized {
            message: message.to_owned(),
            changes: Vec::new(),
        };
    }
    // A change next to a tag's letters must not make a tag that is not there: each round
    // undoes the changes inside a new tag, and stops when none is left (at most one round a
    // candidate).
    for _ in 0..candidates.len() {
        let (output, spans) = assemble(message, &candidates);
        let undone = new_tags(message, &output, &spans, &mut candidates);
        if !undone {
            break;
        }
    }
    // Expansions only while they cost no SMS more than the input: the count only grows with
    // each one made (a longer text never fits in fewer parts), so the most that fit is found
    // by halving.
    let budget = message::analyze(message, options).sms_count;
    let expansions: Vec<usize> = (0..candidates.len())
        .filter(|&i| {
            candidates
                .get(i)
                .is_some_and(|c| c.made && replaced_cost(c.change.replacement) > 1)
        })
        .collect();
    let fits = |candidates: &mut [Candidate], kept: usize| {
        for (n, &i) in expansions.iter().enumerate() {
            if let Some(c) = candidates.get_mut(i) {
                c.made = n < kept;
            }
        }
        message::analyze(&assemble(message, candidates).0, options).sms_count <= budget
    };
    if !expansions.is_empty() && !fits(&mut candidates, expansions.len()) {
        let (mut low, mut high) = (0, expansions.len());
        // `low` expansions fit, `high` do not.
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if fits(&mut candidates, mid) {
                low = mid;
            } else {
                high = mid;
            }
        }
        fits(&mut candidates, low);
    }
    let (message, _) = assemble(message, &candidates);
    Normalized {
        message,
        changes: candidates
            .iter()
            .filter(|c| c.made)
            .map(|c| c.change)
            .collect(),
    }
}

/// The output with the changes that are made, and for each candidate the byte range it
/// covers in the output (empty for a removed character).
fn assemble(message: &str, candidates: &[Candidate]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(message.len());
    let mut spans = Vec::with_capacity(candidates.len());
    let mut from = 0;
    for c in candidates {
        out.push_str(message.get(from..c.start).unwrap_or_default());
        let at = out.len();
        out.push_str(if c.made {
            c.change.replacement
        } else {
            message.get(c.start..c.end).unwrap_or_default()
        });
        spans.push((at, out.len()));
        from = c.end;
    }
    out.push_str(message.get(from..).unwrap_or_default());
    (out, spans)
}

/// Byte ranges of the tags of a text, read from the left as SMS Partner reads them.
fn tags(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text.get(at..).and_then(|rest| rest.find(':')) {
        let start = at + offset;
        let rest = text.get(start..).unwrap_or_default();
        let len = [LINE_BREAK_TAG, EURO_TAG]
            .iter()
            .find(|tag| rest.starts_with(**tag))
            .map_or(0, |tag| tag.len());
        if len > 0 {
            found.push((start, start + len));
            at = start + len;
        } else {
            at = start + 1;
        }
    }
    found
}

/// Undoes the made changes that touch a tag of the output that the input does not have (the
/// output has more tags, or other ones); returns whether any was undone.
fn new_tags(
    input: &str,
    output: &str,
    spans: &[(usize, usize)],
    candidates: &mut [Candidate],
) -> bool {
    let before = tags(input);
    let after = tags(output);
    let same = before.len() == after.len()
        && before
            .iter()
            .zip(&after)
            .all(|(a, b)| input.get(a.0..a.1) == output.get(b.0..b.1));
    if same {
        return false;
    }
    let mut undone = false;
    for (candidate, &(start, end)) in candidates.iter_mut().zip(spans) {
        // A change touches a tag when its output lies inside it or, removed, between two of
        // its characters.
        let touches = after
            .iter()
            .any(|&(s, e)| (start < e && end > s) || (start == end && start > s && start < e));
        if candidate.made && touches {
            candidate.made = false;
            undone = true;
        }
    }
    undone
}

/// The ASCII letters a row of [`LETTERS`] points to (`A` to `z`), as one text.
const ASCII_LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz";

/// Letters whose accent GSM lacks and their base letter (Unicode's canonical decomposition,
/// Latin-1 to Latin Extended Additional), by code point (all below U+FFFF: two bytes).
#[rustfmt::skip]
const LETTERS: [(u16, u8); 458] = [
    (0xCC, b'I'), (0xCD, b'I'), (0xCF, b'I'), (0xD0, b'D'), (0xD2, b'O'), (0xD3, b'O'),
    (0xD5, b'O'), (0xED, b'i'), (0xF0, b'd'), (0xF5, b'o'), (0xFA, b'u'), (0xFD, b'y'),
    (0x100, b'A'), (0x101, b'a'), (0x102, b'A'), (0x103, b'a'), (0x104, b'A'), (0x106, b'C'),
    (0x107, b'c'), (0x108, b'C'), (0x109, b'c'), (0x10A, b'C'), (0x10B, b'c'), (0x10C, b'C'),
    (0x10D, b'c'), (0x10E, b'D'), (0x10F, b'd'), (0x110, b'D'), (0x111, b'd'), (0x112, b'E'),
    (0x113, b'e'), (0x114, b'E'), (0x115, b'e'), (0x116, b'E'), (0x117, b'e'), (0x118, b'E'),
    (0x119, b'e'), (0x11A, b'E'), (0x11B, b'e'), (0x11C, b'G'), (0x11D, b'g'), (0x11E, b'G'),
    (0x11F, b'g'), (0x120, b'G'), (0x121, b'g'), (0x122, b'G'), (0x123, b'g'), (0x124, b'H'),
    (0x125, b'h'), (0x126, b'H'), (0x127, b'h'), (0x128, b'I'), (0x129, b'i'), (0x12A, b'I'),
    (0x12B, b'i'), (0x12C, b'I'), (0x12D, b'i'), (0x12E, b'I'), (0x12F, b'i'), (0x130, b'I'),
    (0x131, b'i'), (0x134, b'J'), (0x135, b'j'), (0x136, b'K'), (0x137, b'k'), (0x139, b'L'),
    (0x13A, b'l'), (0x13B, b'L'), (0x13C, b'l'), (0x13D, b'L'), (0x13E, b'l'), (0x13F, b'L'),
    (0x140, b'l'), (0x141, b'L'), (0x142, b'l'), (0x143, b'N'), (0x144, b'n'), (0x145, b'N'),
    (0x146, b'n'), (0x147, b'N'), (0x148, b'n'), (0x14C, b'O'), (0x14D, b'o'), (0x14E, b'O'),
    (0x14F, b'o'), (0x150, b'O'), (0x151, b'o'), (0x154, b'R'), (0x155, b'r'), (0x156, b'R'),
    (0x157, b'r'), (0x158, b'R'), (0x159, b'r'), (0x15A, b'S'), (0x15B, b's'), (0x15C, b'S'),
    (0x15D, b's'), (0x15E, b'S'), (0x15F, b's'), (0x160, b'S'), (0x161, b's'), (0x162, b'T'),
    (0x163, b't'), (0x164, b'T'), (0x165, b't'), (0x166, b'T'), (0x167, b't'), (0x168, b'U'),
    (0x169, b'u'), (0x16A, b'U'), (0x16B, b'u'), (0x16C, b'U'), (0x16D, b'u'), (0x16E, b'U'),
    (0x16F, b'u'), (0x170, b'U'), (0x171, b'u'), (0x172, b'U'), (0x173, b'u'), (0x174, b'W'),
    (0x175, b'w'), (0x176, b'Y'), (0x177, b'y'), (0x178, b'Y'), (0x179, b'Z'), (0x17A, b'z'),
    (0x17B, b'Z'), (0x17C, b'z'), (0x17D, b'Z'), (0x17E, b'z'), (0x17F, b's'), (0x1A0, b'O'),
    (0x1A1, b'o'), (0x1AF, b'U'), (0x1B0, b'u'), (0x1CD, b'A'), (0x1CE, b'a'), (0x1CF, b'I'),
    (0x1D0, b'i'), (0x1D1, b'O'), (0x1D2, b'o'), (0x1D3, b'U'), (0x1D4, b'u'), (0x1D5, b'U'),
    (0x1D6, b'u'), (0x1D7, b'U'), (0x1D8, b'u'), (0x1D9, b'U'), (0x1DA, b'u'), (0x1DB, b'U'),
    (0x1DC, b'u'), (0x1DE, b'A'), (0x1DF, b'a'), (0x1E0, b'A'), (0x1E1, b'a'), (0x1E6, b'G'),
    (0x1E7, b'g'), (0x1E8, b'K'), (0x1E9, b'k'), (0x1EA, b'O'), (0x1EB, b'o'), (0x1EC, b'O'),
    (0x1ED, b'o'), (0x1F0, b'j'), (0x1F4, b'G'), (0x1F5, b'g'), (0x1F8, b'N'), (0x1F9, b'n'),
    (0x1FA, b'A'), (0x1FB, b'a'), (0x200, b'A'), (0x201, b'a'), (0x202, b'A'), (0x203, b'a'),
    (0x204, b'E'), (0x205, b'e'), (0x206, b'E'), (0x207, b'e'), (0x208, b'I'), (0x209, b'i'),
    (0x20A, b'I'), (0x20B, b'i'), (0x20C, b'O'), (0x20D, b'o'), (0x20E, b'O'), (0x20F, b'o'),
    (0x210, b'R'), (0x211, b'r'), (0x212, b'R'), (0x213, b'r'), (0x214, b'U'), (0x215, b'u'),
    (0x216, b'U'), (0x217, b'u'), (0x218, b'S'), (0x219, b's'), (0x21A, b'T'), (0x21B, b't'),
    (0x21E, b'H'), (0x21F, b'h'), (0x226, b'A'), (0x227, b'a'), (0x228, b'E'), (0x229, b'e'),
    (0x22A, b'O'), (0x22B, b'o'), (0x22C, b'O'), (0x22D, b'o'), (0x22E, b'O'), (0x22F, b'o'),
    (0x230, b'O'), (0x231, b'o'), (0x232, b'Y'), (0x233, b'y'), (0x1E00, b'A'), (0x1E01, b'a'),
    (0x1E02, b'B'), (0x1E03, b'b'), (0x1E04, b'B'), (0x1E05, b'b'), (0x1E06, b'B'), (0x1E07, b'b'),
    (0x1E08, b'C'), (0x1E09, b'c'), (0x1E0A, b'D'), (0x1E0B, b'd'), (0x1E0C, b'D'), (0x1E0D, b'd'),
    (0x1E0E, b'D'), (0x1E0F, b'd'), (0x1E10, b'D'), (0x1E11, b'd'), (0x1E12, b'D'), (0x1E13, b'd'),
    (0x1E14, b'E'), (0x1E15, b'e'), (0x1E16, b'E'), (0x1E17, b'e'), (0x1E18, b'E'), (0x1E19, b'e'),
    (0x1E1A, b'E'), (0x1E1B, b'e'), (0x1E1C, b'E'), (0x1E1D, b'e'), (0x1E1E, b'F'), (0x1E1F, b'f'),
    (0x1E20, b'G'), (0x1E21, b'g'), (0x1E22, b'H'), (0x1E23, b'h'), (0x1E24, b'H'), (0x1E25, b'h'),
    (0x1E26, b'H'), (0x1E27, b'h'), (0x1E28, b'H'), (0x1E29, b'h'), (0x1E2A, b'H'), (0x1E2B, b'h'),
    (0x1E2C, b'I'), (0x1E2D, b'i'), (0x1E2E, b'I'), (0x1E2F, b'i'), (0x1E30, b'K'), (0x1E31, b'k'),
    (0x1E32, b'K'), (0x1E33, b'k'), (0x1E34, b'K'), (0x1E35, b'k'), (0x1E36, b'L'), (0x1E37, b'l'),
    (0x1E38, b'L'), (0x1E39, b'l'), (0x1E3A, b'L'), (0x1E3B, b'l'), (0x1E3C, b'L'), (0x1E3D, b'l'),
    (0x1E3E, b'M'), (0x1E3F, b'm'), (0x1E40, b'M'), (0x1E41, b'm'), (0x1E42, b'M'), (0x1E43, b'm'),
    (0x1E44, b'N'), (0x1E45, b'n'), (0x1E46, b'N'), (0x1E47, b'n'), (0x1E48, b'N'), (0x1E49, b'n'),
    (0x1E4A, b'N'), (0x1E4B, b'n'), (0x1E4C, b'O'), (0x1E4D, b'o'), (0x1E4E, b'O'), (0x1E4F, b'o'),
    (0x1E50, b'O'), (0x1E51, b'o'), (0x1E52, b'O'), (0x1E53, b'o'), (0x1E54, b'P'), (0x1E55, b'p'),
    (0x1E56, b'P'), (0x1E57, b'p'), (0x1E58, b'R'), (0x1E59, b'r'), (0x1E5A, b'R'), (0x1E5B, b'r'),
    (0x1E5C, b'R'), (0x1E5D, b'r'), (0x1E5E, b'R'), (0x1E5F, b'r'), (0x1E60, b'S'), (0x1E61, b's'),
    (0x1E62, b'S'), (0x1E63, b's'), (0x1E64, b'S'), (0x1E65, b's'), (0x1E66, b'S'), (0x1E67, b's'),
    (0x1E68, b'S'), (0x1E69, b's'), (0x1E6A, b'T'), (0x1E6B, b't'), (0x1E6C, b'T'), (0x1E6D, b't'),
    (0x1E6E, b'T'), (0x1E6F, b't'), (0x1E70, b'T'), (0x1E71, b't'), (0x1E72, b'U'), (0x1E73, b'u'),
    (0x1E74, b'U'), (0x1E75, b'u'), (0x1E76, b'U'), (0x1E77, b'u'), (0x1E78, b'U'), (0x1E79, b'u'),
    (0x1E7A, b'U'), (0x1E7B, b'u'), (0x1E7C, b'V'), (0x1E7D, b'v'), (0x1E7E, b'V'), (0x1E7F, b'v'),
    (0x1E80, b'W'), (0x1E81, b'w'), (0x1E82, b'W'), (0x1E83, b'w'), (0x1E84, b'W'), (0x1E85, b'w'),
    (0x1E86, b'W'), (0x1E87, b'w'), (0x1E88, b'W'), (0x1E89, b'w'), (0x1E8A, b'X'), (0x1E8B, b'x'),
    (0x1E8C, b'X'), (0x1E8D, b'x'), (0x1E8E, b'Y'), (0x1E8F, b'y'), (0x1E90, b'Z'), (0x1E91, b'z'),
    (0x1E92, b'Z'), (0x1E93, b'z'), (0x1E94, b'Z'), (0x1E95, b'z'), (0x1E96, b'h'), (0x1E97, b't'),
    (0x1E98, b'w'), (0x1E99, b'y'), (0x1EA0, b'A'), (0x1EA1, b'a'), (0x1EA2, b'A'), (0x1EA3, b'a'),
    (0x1EA4, b'A'), (0x1EA5, b'a'), (0x1EA6, b'A'), (0x1EA7, b'a'), (0x1EA8, b'A'), (0x1EA9, b'a'),
    (0x1EAA, b'A'), (0x1EAB, b'a'), (0x1EAC, b'A'), (0x1EAD, b'a'), (0x1EAE, b'A'), (0x1EAF, b'a'),
    (0x1EB0, b'A'), (0x1EB1, b'a'), (0x1EB2, b'A'), (0x1EB3, b'a'), (0x1EB4, b'A'), (0x1EB5, b'a'),
    (0x1EB6, b'A'), (0x1EB7, b'a'), (0x1EB8, b'E'), (0x1EB9, b'e'), (0x1EBA, b'E'), (0x1EBB, b'e'),
    (0x1EBC, b'E'), (0x1EBD, b'e'), (0x1EBE, b'E'), (0x1EBF, b'e'), (0x1EC0, b'E'), (0x1EC1, b'e'),
    (0x1EC2, b'E'), (0x1EC3, b'e'), (0x1EC4, b'E'), (0x1EC5, b'e'), (0x1EC6, b'E'), (0x1EC7, b'e'),
    (0x1EC8, b'I'), (0x1EC9, b'i'), (0x1ECA, b'I'), (0x1ECB, b'i'), (0x1ECC, b'O'), (0x1ECD, b'o'),
    (0x1ECE, b'O'), (0x1ECF, b'o'), (0x1ED0, b'O'), (0x1ED1, b'o'), (0x1ED2, b'O'), (0x1ED3, b'o'),
    (0x1ED4, b'O'), (0x1ED5, b'o'), (0x1ED6, b'O'), (0x1ED7, b'o'), (0x1ED8, b'O'), (0x1ED9, b'o'),
    (0x1EDA, b'O'), (0x1EDB, b'o'), (0x1EDC, b'O'), (0x1EDD, b'o'), (0x1EDE, b'O'), (0x1EDF, b'o'),
    (0x1EE0, b'O'), (0x1EE1, b'o'), (0x1EE2, b'O'), (0x1EE3, b'o'), (0x1EE4, b'U'), (0x1EE5, b'u'),
    (0x1EE6, b'U'), (0x1EE7, b'u'), (0x1EE8, b'U'), (0x1EE9, b'u'), (0x1EEA, b'U'), (0x1EEB, b'u'),
    (0x1EEC, b'U'), (0x1EED, b'u'), (0x1EEE, b'U'), (0x1EEF, b'u'), (0x1EF0, b'U'), (0x1EF1, b'u'),
    (0x1EF2, b'Y'), (0x1EF3, b'y'), (0x1EF4, b'Y'), (0x1EF5, b'y'), (0x1EF6, b'Y'), (0x1EF7, b'y'),
    (0x1EF8, b'Y'), (0x1EF9, b'y'),
];
