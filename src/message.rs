//! Message length as SMS Partner bills it: encoding, count, SMS parts, replacements, preview.
//!
//! Sources of the rules, repeated where each is applied:
//! - SMS Partner, "Envoi unitaire" (`reference/envoi-unitaire.md`): 160 characters per SMS, then
//!   one SMS per 153; 70 per SMS in Unicode mode; the `:br:` tag is a line break that counts two
//!   characters; `isStopSms` appends the STOP mention in the premium range only.
//! - SMS Partner, "Liste des caractères remplacés": applied by [`crate::gsm::classify`].
//! - GSM 03.38 / 3GPP TS 23.040: septets, the extension table's escape, and the concatenated
//!   SMS user data header that leaves 153 septets (67 UCS-2 code units) per part.
//!
//! The whole analysis is one pass over the input, shared by [`analyze`] and [`split`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::gsm::{self, CharClass};

/// The text SMS Partner appends for `isStopSms` in the premium range, separating space included.
///
/// SMS Partner's documentation says a STOP mention is appended but does not print it; `STOP au
/// 36180` is the usual French mention (36180 is the interoperable opt-out shortcode). Kept in
/// this one constant so that it can follow SMS Partner's actual text.
pub const STOP_MENTION: &str = " STOP au 36180";

/// SMS Partner's line break tag: four characters of text, one line break once sent, billed as
/// two characters ("le saut de ligne compte pour deux caractères"). Matched exactly as written.
pub const LINE_BREAK_TAG: &str = ":br:";

/// What the `:br:` tag costs, in septets or in UTF-16 code units alike (SMS Partner documents
/// one figure, two characters, without distinguishing the encodings).
const LINE_BREAK_COST: usize = 2;

/// SMS Partner's tag for `€` (its current pages: "€ symbol → :euro:"): six characters of text,
/// one `€` once sent, billed as the `€` it stands for. Matched exactly as written.
pub const EURO_TAG: &str = ":euro:";

/// What the `:euro:` tag costs in GSM-7: the two septets of `€` (escape + code).
const EURO_SEPTETS: usize = 2;

/// What the `:euro:` tag costs in Unicode mode: the one UTF-16 code unit of `€`.
const EURO_UNITS: usize = 1;

/// What an unsupported character shows as in the preview. Undocumented by SMS Partner: GSM
/// gateways usually substitute `?` for what the alphabet cannot carry, one septet each.
const UNSUPPORTED_SHOWN_AS: &str = "?";

/// Septets an unsupported character costs (see [`UNSUPPORTED_SHOWN_AS`]).
const UNSUPPORTED_SEPTETS: usize = 1;

/// SMS Partner's range (`gamme`): `1` premium, `2` low cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Gamme {
    /// Premium range, `gamme: 1`, SMS Partner's default.
    #[default]
    Premium,
    /// Low cost range ("ÉCO"), `gamme: 2`: `isStopSms` does not apply.
    LowCost,
}

impl Gamme {
    /// The wire value: `1` premium, `2` low cost.
    pub const fn code(self) -> u8 {
        match self {
            Gamme::Premium => 1,
            Gamme::LowCost => 2,
        }
    }

    /// The range for a wire value, `None` for anything but `1` and `2`.
    pub const fn from_code(code: u8) -> Option<Gamme> {
        match code {
            1 => Some(Gamme::Premium),
            2 => Some(Gamme::LowCost),
            _ => None,
        }
    }
}

impl Serialize for Gamme {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.code())
    }
}

impl<'de> Deserialize<'de> for Gamme {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u8::deserialize(deserializer)?;
        Gamme::from_code(code).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Unsigned(u64::from(code)),
                &"1 (premium) or 2 (low cost)",
            )
        })
    }
}

/// The options of a message that change its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MessageOptions {
    /// `isUnicode`: send as UCS-2, 70 code units per SMS, nothing replaced.
    pub unicode: bool,
    /// `isStopSms`: SMS Partner appends [`STOP_MENTION`] (premium range only).
    pub stop_sms: bool,
    /// `gamme`: the range, premium by default.
    pub gamme: Gamme,
}

impl MessageOptions {
    /// The bit of `isUnicode` in [`MessageOptions::from_bits`].
    pub const UNICODE_BIT: u32 = 1;
    /// The bit of `isStopSms`.
    pub const STOP_SMS_BIT: u32 = 2;
    /// The bit of the low-cost range.
    pub const LOW_COST_BIT: u32 = 4;

    /// Options from bits, as the package's `index.js` passes them: [`Self::UNICODE_BIT`],
    /// [`Self::STOP_SMS_BIT`], [`Self::LOW_COST_BIT`].
    pub const fn from_bits(bits: u32) -> MessageOptions {
        MessageOptions {
            unicode: bits & Self::UNICODE_BIT != 0,
            stop_sms: bits & Self::STOP_SMS_BIT != 0,
            gamme: if bits & Self::LOW_COST_BIT != 0 {
                Gamme::LowCost
            } else {
                Gamme::Premium
            },
        }
    }

    /// Whether SMS Partner appends the STOP mention: `isStopSms` in the premium range only
    /// ("Gamme ÉCO : ce paramètre n'est pas applicable").
    pub const fn stop_applies(&self) -> bool {
        self.stop_sms && matches!(self.gamme, Gamme::Premium)
    }
}

/// The encoding a message travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Encoding {
    /// GSM 03.38 default alphabet, 7 bits per character (`isUnicode` off).
    #[serde(rename = "GSM-7")]
    Gsm7,
    /// UCS-2 / UTF-16, 16 bits per code unit (`isUnicode` on).
    #[serde(rename = "UCS-2")]
    Ucs2,
}

impl Encoding {
    /// The encoding SMS Partner uses for these options: UCS-2 only when asked for.
    pub const fn for_options(options: &MessageOptions) -> Encoding {
        if options.unicode {
            Encoding::Ucs2
        } else {
            Encoding::Gsm7
        }
    }

    /// Capacity of a message sent as a single SMS: 160 septets or 70 code units.
    pub const fn single_capacity(self) -> u32 {
        match self {
            Encoding::Gsm7 => 160,
            Encoding::Ucs2 => 70,
        }
    }

    /// Capacity of each part of a longer message, the concatenation header taking the rest:
    /// 153 septets or 67 code units.
    pub const fn part_capacity(self) -> u32 {
        match self {
            Encoding::Gsm7 => 153,
            Encoding::Ucs2 => 67,
        }
    }
}

/// A character SMS Partner replaces (GSM mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    /// UTF-16 code-unit offset of the character in the input.
    pub index: u32,
    /// The character as written.
    pub char: char,
    /// What is sent instead; `""` when the character is removed.
    pub replacement: &'static str,
}

/// A character that cannot travel in GSM mode.
///
/// Crosses into JavaScript as `{ index, char, codePoint, name }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported {
    /// UTF-16 code-unit offset of the character (of its first unit) in the input.
    pub index: u32,
    /// The character as written.
    pub char: char,
}

impl Unsupported {
    /// The code point as Unicode writes it (`"U+00A0"`).
    pub fn code_point(&self) -> String {
        crate::symbols::code_point(self.char)
    }

    /// The character's Unicode name where the package knows it (every character that
    /// `normalizeMessage` changes but the accented letters), else `None`.
    pub fn name(&self) -> Option<&'static str> {
        crate::symbols::character_name(self.char)
    }
}

impl Serialize for Unsupported {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Unsupported", 4)?;
        out.serialize_field("index", &self.index)?;
        out.serialize_field("char", &self.char)?;
        out.serialize_field("codePoint", &self.code_point())?;
        out.serialize_field("name", &self.name())?;
        out.end()
    }
}

/// The length of a message as SMS Partner bills it, and what the recipient will read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageAnalysis {
    /// `GSM-7`, or `UCS-2` when `isUnicode` is on.
    pub encoding: Encoding,
    /// Billed length: septets (GSM-7) or UTF-16 code units (UCS-2), after replacements,
    /// STOP mention included.
    pub characters: u32,
    /// SMS billed per recipient; 0 for an empty message.
    pub sms_count: u32,
    /// Capacity of one SMS at this count: 160 or 153 (GSM-7), 70 or 67 (UCS-2).
    pub per_sms: u32,
    /// Characters left in the last SMS before one more is billed.
    pub remaining: u32,
    /// Characters SMS Partner replaces, in input order (GSM-7 only).
    pub replacements: Vec<Replacement>,
    /// Characters that need Unicode mode, in input order (GSM-7 only).
    pub unsupported: Vec<Unsupported>,
    /// Whether `replacements` or `unsupported` stops at [`MAX_LISTED`] items although the
    /// message holds more (the counts and the preview are whole either way).
    pub truncated: bool,
    /// The STOP mention appended with these options, or `None`.
    pub stop_mention: Option<&'static str>,
    /// The text as received: replacements applied, `:br:` as a line break, STOP mention
    /// appended, unsupported characters as `?`.
    pub preview: String,
}

/// A place where what the recipient reads differs from the input (GSM mode, or `:br:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    /// UTF-16 offset of the edited text in the input.
    pub index: u32,
    /// Its length in UTF-16 code units (4 for `:br:`, 2 for a surrogate pair).
    pub units: u32,
    /// Byte offset of the edited text in the input.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The character as written (`:` for `:br:`).
    pub char: char,
    /// What the recipient reads instead.
    pub shown: EditKind,
}

/// What an [`Edit`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    /// SMS Partner's replacement (`""` when the character is removed).
    Replaced(&'static str),
    /// A character GSM-7 cannot carry, shown as `?`.
    Unsupported,
    /// The `:br:` tag, shown as a line break.
    LineBreak,
    /// The `:euro:` tag, shown as `€`.
    Euro,
}

impl EditKind {
    /// The text the recipient reads in place of the edited input.
    pub const fn shown(self) -> &'static str {
        match self {
            EditKind::Replaced(sent) => sent,
            EditKind::Unsupported => UNSUPPORTED_SHOWN_AS,
            EditKind::LineBreak => "\n",
            EditKind::Euro => "€",
        }
    }
}

/// At most this many items are listed in each of [`MessageAnalysis::replacements`] and
/// [`MessageAnalysis::unsupported`], and at most this many [`Edit`]s are collected by
/// [`analyze_into`]: more than a compose box can show (a message SMS Partner accepts holds
/// fewer characters), and a bound on the answer to a giant hostile text.
pub const MAX_LISTED: usize = 2_000;

/// The figures of an analysis, without the lists and the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// `GSM-7` or `UCS-2`.
    pub encoding: Encoding,
    /// Billed length, STOP mention included.
    pub characters: u32,
    /// SMS billed per recipient.
    pub sms_count: u32,
    /// Capacity of one SMS at this count.
    pub per_sms: u32,
    /// Characters left before one more SMS is billed.
    pub remaining: u32,
    /// Whether the STOP mention is appended.
    pub stop_appended: bool,
    /// Whether the input holds U+FFFD, the replacement character.
    pub replacement_character: bool,
    /// Whether [`analyze_into`] stopped collecting edits at [`MAX_LISTED`].
    pub edits_cut: bool,
}

/// The one pass of [`analyze`]: the counts, and the edits pushed onto `edits` (cleared
/// first), in input order. `edits` can be reused from call to call, so that a keystroke
/// allocates nothing once it has grown.
///
/// At most [`MAX_LISTED`] edits are collected: at one more, the walk stops there, `edits_cut`
/// is set and the other counts are those of the text walked so far (ask [`analyze`] then).
pub fn analyze_into(message: &str, options: &MessageOptions, edits: &mut Vec<Edit>) -> Counts {
    edits.clear();
    let mut edits_cut = false;
    let mut counts = analyze_each(message, options, &mut |edit| {
        if edits.len() < MAX_LISTED {
            edits.push(edit);
            true
        } else {
            edits_cut = true;
            false
        }
    });
    counts.edits_cut = edits_cut;
    counts
}

/// The one pass over the input: the counts, and `on_edit` called for each edit in input order,
/// until it answers `false`.
fn analyze_each(
    message: &str,
    options: &MessageOptions,
    on_edit: &mut dyn FnMut(Edit) -> bool,
) -> Counts {
    let mut walk = Walk::new(message, options);
    for step in walk.by_ref() {
        let (Some(index), Some(shown)) = (step.index, edit_kind(step.atom.kind)) else {
            continue;
        };
        let char = match step.atom.kind {
            AtomKind::Replaced(c, _) | AtomKind::Unsupported(c) | AtomKind::Text(c) => c,
            AtomKind::LineBreak | AtomKind::Euro => ':',
        };
        let units = match step.atom.kind {
            AtomKind::LineBreak => LINE_BREAK_TAG.len(),
            AtomKind::Euro => EURO_TAG.len(),
            _ => char.len_utf16(),
        };
        let more = on_edit(Edit {
            index: to_u32(index),
            units: to_u32(units),
            start: step.start,
            end: step.end,
            char,
            shown,
        });
        if !more {
            break;
        }
    }
    let packer = walk.packer;
    let count = packer.count();
    Counts {
        encoding: packer.encoding,
        characters: to_u32(packer.total),
        sms_count: count.sms_count,
        per_sms: count.per_sms,
        remaining: count.remaining,
        stop_appended: walk.stop_applied,
        replacement_character: walk.replacement_character,
        edits_cut: false,
    }
}

/// The edit an atom of the input makes, if any.
fn edit_kind(kind: AtomKind) -> Option<EditKind> {
    match kind {
        AtomKind::Text(_) => None,
        AtomKind::LineBreak => Some(EditKind::LineBreak),
        AtomKind::Euro => Some(EditKind::Euro),
        AtomKind::Replaced(_, sent) => Some(EditKind::Replaced(sent)),
        AtomKind::Unsupported(_) => Some(EditKind::Unsupported),
    }
}

/// Analyzes a message: encoding, billed length, SMS count, replacements and preview.
///
/// Never panics, whatever the input; one pass over it, which writes the preview as it goes
/// (copying the input in runs, writing only what differs: a replacement, a line break, `?`)
/// and lists at most [`MAX_LISTED`] replacements and as many unsupported characters
/// (`truncated` says when there were more), so that the memory it takes stays proportional
/// to the input.
pub fn analyze(message: &str, options: &MessageOptions) -> MessageAnalysis {
    let mut replacements = Vec::new();
    let mut unsupported = Vec::new();
    let mut truncated = false;
    let mut preview = String::with_capacity(preview_capacity(message, options));
    // Start of the input not yet copied into the preview.
    let mut shown_up_to = 0;
    let counts = analyze_each(message, options, &mut |edit| {
        match edit.shown {
            EditKind::Replaced(sent) if replacements.len() < MAX_LISTED => {
                replacements.push(Replacement {
                    index: edit.index,
                    char: edit.char,
                    replacement: sent,
                });
            }
            EditKind::Unsupported if unsupported.len() < MAX_LISTED => {
                unsupported.push(Unsupported {
                    index: edit.index,
                    char: edit.char,
                });
            }
            EditKind::LineBreak | EditKind::Euro => {}
            EditKind::Replaced(_) | EditKind::Unsupported => truncated = true,
        }
        preview.push_str(message.get(shown_up_to..edit.start).unwrap_or_default());
        preview.push_str(edit.shown.shown());
        shown_up_to = edit.end;
        true
    });
    preview.push_str(message.get(shown_up_to..).unwrap_or_default());
    if counts.stop_appended {
        preview.push_str(STOP_MENTION);
    }
    MessageAnalysis {
        encoding: counts.encoding,
        characters: counts.characters,
        sms_count: counts.sms_count,
        per_sms: counts.per_sms,
        remaining: counts.remaining,
        replacements,
        unsupported,
        truncated,
        stop_mention: options.stop_applies().then_some(STOP_MENTION),
        preview,
    }
}

/// The message as it goes on the wire: in GSM-7, each `€` written as SMS Partner's tag
/// `:euro:` (its current pages ask for the tag; the single-send page never says that a raw `€`
/// travels). Unicode messages, which carry `€` as such, are left as written.
///
/// A `€` right after `:br` or `:euro` stays as it is: the tag's colon would close those into a
/// tag that is not in the message. The wire text analyzes exactly as the input does.
pub fn wire_text<'a>(message: &'a str, options: &MessageOptions) -> std::borrow::Cow<'a, str> {
    if options.unicode || !message.contains('€') {
        return std::borrow::Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len() + 8);
    for c in message.chars() {
        if c == '€' && !out.ends_with(":br") && !out.ends_with(":euro") {
            out.push_str(EURO_TAG);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Cuts the input where SMS Partner cuts it into SMS: one slice per SMS billed, in order.
///
/// The slices borrow the input and concatenate back to it exactly. Cuts fall on the billed
/// length (after replacements), never inside an atom (an extension character, a replaced
/// character, `:br:`, a surrogate pair). A part is `""` when only the STOP mention fills that
/// SMS. An empty input gives no part.
pub fn split<'a>(message: &'a str, options: &MessageOptions) -> Vec<&'a str> {
    let mut walk = Walk::new(message, options);
    let cuts: Vec<usize> = walk
        .by_ref()
        .filter(|step| step.opens_part)
        .map(|step| step.start)
        .collect();
    if walk.packer.count().sms_count <= 1 {
        return if message.is_empty() {
            Vec::new()
        } else {
            vec![message]
        };
    }
    let mut parts = Vec::with_capacity(cuts.len().saturating_add(1));
    let mut from = 0;
    for cut in cuts {
        parts.push(message.get(from..cut).unwrap_or_default());
        from = cut;
    }
    parts.push(message.get(from..).unwrap_or_default());
    parts
}

/// One SMS of a message: the input it carries and what the recipient reads of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Part<'a> {
    /// UTF-16 offset of the part in the input.
    pub index: u32,
    /// The input the part carries (as [`split`] cuts it; `""` when only the STOP mention fills
    /// this SMS).
    pub text: &'a str,
    /// What the recipient reads in this SMS: replacements applied, `:br:` as a line break,
    /// `?` for what GSM-7 cannot carry, the STOP mention (or the part of it this SMS holds).
    pub preview: String,
    /// Where what is read differs from what is written, in input order.
    pub edits: Vec<PartEdit>,
}

/// A place where what the recipient reads differs from the input, within one [`Part`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartEdit {
    /// UTF-16 offset of the edited text in the input.
    pub index: u32,
    /// Its length in UTF-16 code units (4 for `:br:`, 2 for a surrogate pair).
    pub length: u32,
    /// `"replaced"`, `"unsupported"`, `"lineBreak"` or `"euro"` (the `:euro:` tag).
    pub kind: &'static str,
    /// What the recipient reads instead (`""` for a removed character).
    pub shown: &'static str,
}

impl EditKind {
    /// The name of the kind in a [`PartEdit`].
    pub const fn name(self) -> &'static str {
        match self {
            EditKind::Replaced(_) => "replaced",
            EditKind::Unsupported => "unsupported",
            EditKind::LineBreak => "lineBreak",
            EditKind::Euro => "euro",
        }
    }
}

/// The SMS of a message, one [`Part`] per SMS billed, as [`split`] cuts them, each with what
/// the recipient reads of it: the parts' previews joined are [`MessageAnalysis::preview`], and
/// the STOP mention is cut where SMS Partner cuts it when it spills into one more SMS.
pub fn split_parts<'a>(message: &'a str, options: &MessageOptions) -> Vec<Part<'a>> {
    let mut walk = Walk::new(message, options);
    let mut parts: Vec<Part<'a>> = Vec::new();
    let mut current = Part {
        index: 0,
        text: "",
        preview: String::new(),
        edits: Vec::new(),
    };
    // Byte offsets: where the current part starts, and the input not yet copied.
    let (mut part_start, mut copied) = (0, 0);
    let mut utf16 = 0usize;
    let mut steps = Vec::new();
    for step in walk.by_ref() {
        steps.push(step);
    }
    let single = walk.packer.count().sms_count <= 1;
    for step in steps {
        let plain = message.get(copied..step.start).unwrap_or_default();
        utf16 += plain.encode_utf16().count();
        current.preview.push_str(plain);
        copied = step.start;
        if step.opens_part && !single {
            current.text = message.get(part_start..step.start).unwrap_or_default();
            let index = to_u32(utf16);
            parts.push(std::mem::replace(
                &mut current,
                Part {
                    index,
                    text: "",
                    preview: String::new(),
                    edits: Vec::new(),
                },
            ));
            part_start = step.start;
        }
        let Some(index) = step.index else {
            // A character of the STOP mention.
            if let AtomKind::Text(c) = step.atom.kind {
                current.preview.push(c);
            }
            continue;
        };
        let written = message.get(step.start..step.end).unwrap_or_default();
        let units = written.encode_utf16().count();
        utf16 = index + units;
        copied = step.end;
        match edit_kind(step.atom.kind) {
            Some(kind) => {
                current.preview.push_str(kind.shown());
                current.edits.push(PartEdit {
                    index: to_u32(index),
                    length: to_u32(units),
                    kind: kind.name(),
                    shown: kind.shown(),
                });
            }
            None => current.preview.push_str(written),
        }
    }
    if message.is_empty() {
        return parts;
    }
    let rest = message.get(copied..).unwrap_or_default();
    current.preview.push_str(rest);
    current.text = message.get(part_start..).unwrap_or_default();
    parts.push(current);
    parts
}

/// Upper bound of the preview's length in bytes: no replacement is longer than what it
/// replaces (`œ` and `oe` are both two bytes), `:br:` and `?` are shorter.
fn preview_capacity(message: &str, options: &MessageOptions) -> usize {
    let stop = if options.stop_applies() && !message.is_empty() {
        STOP_MENTION.len()
    } else {
        0
    };
    message.len().saturating_add(stop)
}

/// A count for the JavaScript side, which never sees more than `u32::MAX`.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One indivisible unit of billed text: it never straddles two SMS.
#[derive(Debug, Clone, Copy)]
struct Atom {
    /// Billed cost in septets or code units (0, 1 or 2).
    cost: usize,
    kind: AtomKind,
}

/// What an atom is sent as.
#[derive(Debug, Clone, Copy)]
enum AtomKind {
    /// Sent as written.
    Text(char),
    /// The `:br:` tag, sent as a line break.
    LineBreak,
    /// The `:euro:` tag, sent as `€`.
    Euro,
    /// Rewritten by SMS Partner (GSM mode).
    Replaced(char, &'static str),
    /// Not carried by GSM-7.
    Unsupported(char),
}

/// One atom as the walk meets it.
struct Step {
    atom: Atom,
    /// UTF-16 offset in the input; `None` for the appended STOP mention.
    index: Option<usize>,
    /// Byte offset where the atom starts in the input (the input's length for the STOP
    /// mention).
    start: usize,
    /// Byte offset where the atom ends in the input (the input's length for the STOP mention).
    end: usize,
    /// Whether this atom opens a new part of a multi-part message (never for the first atom).
    opens_part: bool,
}

/// The atom of one character (not the `:br:` tag) in the given encoding.
#[inline(always)]
fn char_atom(c: char, encoding: Encoding) -> Atom {
    match encoding {
        // UCS-2: every character travels, one or two UTF-16 code units (a surrogate pair is
        // one atom, never cut). SMS Partner documents no replacement in Unicode mode.
        Encoding::Ucs2 => Atom {
            cost: c.len_utf16(),
            kind: AtomKind::Text(c),
        },
        Encoding::Gsm7 => match gsm::classify(c) {
            CharClass::Basic => Atom {
                cost: 1,
                kind: AtomKind::Text(c),
            },
            // GSM 03.38: escape + code, two septets that stay in the same SMS.
            CharClass::Extension => Atom {
                cost: 2,
                kind: AtomKind::Text(c),
            },
            // SMS Partner replaces first, then counts: the replacement's septets.
            CharClass::Replaced(sent) => Atom {
                cost: gsm::replaced_cost(sent) as usize,
                kind: AtomKind::Replaced(c, sent),
            },
            CharClass::Unsupported => Atom {
                cost: UNSUPPORTED_SEPTETS,
                kind: AtomKind::Unsupported(c),
            },
        },
    }
}

/// The ASCII bytes of a plain run (see [`Walk::skip_plain_run`]), a bit for each encoding:
/// [`PLAIN_IN_GSM`] for the basic characters but `:`, [`PLAIN_IN_UCS2`] for all but `:`.
const PLAIN_ASCII: [u8; 128] = {
    let mut table = [PLAIN_IN_UCS2; 128];
    let mut code = 0;
    while code < 128 {
        if gsm::BASIC_ASCII[code] {
            table[code] |= PLAIN_IN_GSM;
        }
        code += 1;
    }
    table[b':' as usize] = 0;
    table
};
/// The UTF-16 units (the cost in UCS-2) of the characters that start in the eight bytes of
/// UTF-8 `word`: one for each byte but continuation bytes (`10xxxxxx`), one more for each start
/// of a four-byte sequence (`11110xxx`, a surrogate pair). `None` when a byte is `:` or 0xEF,
/// which the walk looks at one by one (the "has a zero byte" test on `word ^ 0x3A3A…`).
#[inline(always)]
const fn plain_units_in_ucs2(word: u64) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    const fn has_byte(word: u64, byte: u8) -> bool {
        let x = word ^ (ONES * byte as u64);
        x.wrapping_sub(ONES) & !x & HIGH != 0
    }
    if has_byte(word, b':') {
        return None;
    }
    if word & HIGH == 0 {
        // Eight ASCII characters, the common case.
        return Some(8);
    }
    if has_byte(word, 0xEF) {
        return None;
    }
    let continuations = word & !(word << 1) & HIGH;
    let four_byte_starts = word & (word << 1) & (word << 2) & (word << 3) & HIGH;
    Some(8 - continuations.count_ones() as usize + four_byte_starts.count_ones() as usize)
}

/// The bit of GSM-7 in [`PLAIN_ASCII`].
const PLAIN_IN_GSM: u8 = 1;
/// The bit of UCS-2 in [`PLAIN_ASCII`].
const PLAIN_IN_UCS2: u8 = 2;

/// The single pass behind [`analyze`] and [`split`]: the input then the STOP mention, atom by
/// atom, each packed into its SMS as it comes.
///
/// Offsets and counts are `usize`: a UTF-16 offset is at most the input's length in bytes, and
/// the billed total (kept saturating) at most twice that plus the STOP mention, no atom costing
/// more than 2; a `str` holds at most `isize::MAX` bytes.
struct Walk<'a> {
    /// Length of the input in bytes.
    len: usize,
    /// The input not yet walked.
    rest: core::str::Chars<'a>,
    /// UTF-16 offset of `rest` in the input.
    utf16: usize,
    /// The STOP mention still to walk, when it applies.
    stop: Option<core::str::Chars<'static>>,
    /// Whether the STOP mention is appended (it applies and the input is not empty).
    stop_applied: bool,
    /// Whether the input holds U+FFFD (what a lone surrogate becomes on its way from JS).
    replacement_character: bool,
    packer: Packer,
}

impl<'a> Walk<'a> {
    fn new(message: &'a str, options: &MessageOptions) -> Walk<'a> {
        // Nothing is appended to an empty message: there is nothing to send.
        let stop = (options.stop_applies() && !message.is_empty()).then(|| STOP_MENTION.chars());
        Walk {
            len: message.len(),
            rest: message.chars(),
            utf16: 0,
            stop_applied: stop.is_some(),
            replacement_character: false,
            stop,
            packer: Packer::new(Encoding::for_options(options)),
        }
    }

    /// Counts in bulk the run of plain text ahead, up to the end of the current part: characters
    /// sent as written that make no edit and open no part (not `:`, which may open a tag, nor
    /// U+FFFD, which is flagged), so the walk need not stop at each of them. The common case of
    /// a keystroke. In GSM-7: the basic characters of one or two bytes of UTF-8 (ASCII, the
    /// accented letters, Greek capitals) and `€`; in UCS-2: every character but those two.
    /// A two-unit atom (`€` in GSM-7, a surrogate pair) joins the run only when it fits.
    // One copy for the three walks (analysis, split, parts): the wasm stays small.
    #[inline(never)]
    fn skip_plain_run(&mut self) {
        let rest = self.rest.as_str();
        let bytes = rest.as_bytes();
        let room = self.packer.room();
        let gsm = self.packer.encoding == Encoding::Gsm7;
        let mask = if gsm { PLAIN_IN_GSM } else { PLAIN_IN_UCS2 };
        // Bytes walked, their billed cost and their UTF-16 length.
        let (mut at, mut cost, mut units) = (0, 0, 0);
        loop {
            // In UCS-2, eight bytes at a time (at most nine units: a surrogate pair may start at
            // the last byte; the room allowing) while none is `:` or 0xEF (which U+FFFD starts
            // with), then to the end of a character.
            while !gsm && cost + 9 <= room {
                match bytes
                    .get(at..at + 8)
                    .map(<[u8; 8]>::try_from)
                    .and_then(|eight| plain_units_in_ucs2(u64::from_le_bytes(eight.ok()?)))
                {
                    Some(n) => {
                        at += 8;
                        cost += n;
                        units += n;
                    }
                    None => break,
                }
            }
            while bytes.get(at).is_some_and(|b| b & 0xC0 == 0x80) {
                at += 1;
            }
            // ASCII, one byte, one unit and one septet each: the tight loop of the common case.
            let limit = bytes.len().min(at + (room - cost));
            let from = at;
            at += bytes
                .get(at..limit)
                .unwrap_or_default()
                .iter()
                .take_while(|b| {
                    PLAIN_ASCII
                        .get(usize::from(**b))
                        .is_some_and(|m| m & mask != 0)
                })
                .count();
            cost += at - from;
            units += at - from;
            let Some(&lead) = bytes.get(at) else { break };
            if lead < 0x80 || cost == room {
                break;
            }
            let next = bytes.get(at + 1).copied().unwrap_or(0);
            // Width in bytes, cost and UTF-16 length of the character at `at`.
            let (width, c, u) = if lead < 0xE0 {
                if gsm && !gsm::basic_two_bytes(lead, next) {
                    break;
                }
                (2, 1, 1)
            } else if lead < 0xF0 {
                let third = bytes.get(at + 2).copied().unwrap_or(0);
                match (gsm, [lead, next, third]) {
                    // `€`: escape + code in GSM-7.
                    (true, [0xE2, 0x82, 0xAC]) => (3, 2, 1),
                    (true, _) | (false, [0xEF, 0xBF, 0xBD]) => break,
                    (false, _) => (3, 1, 1),
                }
            } else if gsm {
                break;
            } else {
                (4, 2, 2)
            };
            if cost + c > room {
                break;
            }
            at += width;
            cost += c;
            units += u;
        }
        if at > 0 {
            self.packer.push_run(cost);
            self.utf16 += units;
            self.rest = rest.get(at..).unwrap_or_default().chars();
        }
    }

    /// The next atom of the input, `rest` moved past it, with its UTF-16 length.
    #[inline(always)]
    fn input_atom(&mut self) -> Option<(Atom, usize)> {
        let tail = self.rest.as_str();
        let c = self.rest.next()?;
        if c == ':' && tail.starts_with(LINE_BREAK_TAG) {
            // The three characters after the colon.
            self.rest.nth(2);
            let atom = Atom {
                cost: LINE_BREAK_COST,
                kind: AtomKind::LineBreak,
            };
            return Some((atom, LINE_BREAK_TAG.len()));
        }
        if c == ':' && tail.starts_with(EURO_TAG) {
            // The five characters after the colon.
            self.rest.nth(4);
            let cost = match self.packer.encoding {
                Encoding::Gsm7 => EURO_SEPTETS,
                Encoding::Ucs2 => EURO_UNITS,
            };
            let atom = Atom {
                cost,
                kind: AtomKind::Euro,
            };
            return Some((atom, EURO_TAG.len()));
        }
        self.replacement_character |= c == char::REPLACEMENT_CHARACTER;
        Some((char_atom(c, self.packer.encoding), c.len_utf16()))
    }
}

impl Iterator for Walk<'_> {
    type Item = Step;

    #[inline(always)]
    fn next(&mut self) -> Option<Step> {
        self.skip_plain_run();
        let start = self.len.saturating_sub(self.rest.as_str().len());
        if let Some((atom, units)) = self.input_atom() {
            let index = self.utf16;
            self.utf16 += units;
            return Some(Step {
                atom,
                index: Some(index),
                start,
                end: self.len.saturating_sub(self.rest.as_str().len()),
                opens_part: self.packer.push(atom.cost),
            });
        }
        let c = self.stop.as_mut()?.next()?;
        let atom = char_atom(c, self.packer.encoding);
        Some(Step {
            atom,
            index: None,
            start: self.len,
            end: self.len,
            opens_part: self.packer.push(atom.cost),
        })
    }
}

/// Greedy packing of atoms into the parts of a concatenated message.
///
/// Parts are filled up to [`Encoding::part_capacity`]; an atom that does not fit opens the
/// next part, so the count is the packing's, not `ceil(n / 153)` (GSM 03.38 keeps an escape
/// pair, and UTF-16 a surrogate pair, within one part). Zero-cost atoms (a removed `^`) stay in
/// the current part. When the total fits one SMS the packing is moot: one SMS.
#[derive(Debug, Clone, Copy)]
struct Packer {
    encoding: Encoding,
    capacity: usize,
    /// Billed length so far.
    total: usize,
    /// Parts opened so far at part capacity.
    parts: usize,
    /// Used in the last part.
    used: usize,
}

/// The SMS count of a packed message.
struct Count {
    sms_count: u32,
    per_sms: u32,
    remaining: u32,
}

impl Packer {
    const fn new(encoding: Encoding) -> Packer {
        Packer {
            encoding,
            capacity: encoding.part_capacity() as usize,
            total: 0,
            parts: 0,
            used: 0,
        }
    }

    /// Room left in the current part (a whole part before the first atom).
    #[inline(always)]
    fn room(&self) -> usize {
        self.capacity.saturating_sub(self.used)
    }

    /// Adds atoms of `cost` in all that fit in the current part ([`Packer::room`]), none of
    /// them of cost 0.
    #[inline(always)]
    fn push_run(&mut self, cost: usize) {
        self.total = self.total.saturating_add(cost);
        self.parts = self.parts.max(1);
        self.used += cost;
    }

    /// Adds one atom; returns whether it opens a new part after the first.
    #[inline(always)]
    fn push(&mut self, cost: usize) -> bool {
        self.total = self.total.saturating_add(cost);
        let opens_part = if self.parts == 0 {
            self.parts = 1;
            false
        } else if self.used + cost > self.capacity {
            self.parts += 1;
            self.used = 0;
            true
        } else {
            false
        };
        self.used += cost;
        opens_part
    }

    /// SMS billed: none for an empty input, one up to the single capacity, else the packed
    /// parts. A message whose characters are all removed (`^^^`) costs 0 but is not empty:
    /// undocumented by SMS Partner, we count the one SMS it would take if accepted, so that
    /// [`split`] can still give its text back.
    fn count(&self) -> Count {
        let single = self.encoding.single_capacity();
        let total = to_u32(self.total);
        if self.parts == 0 {
            Count {
                sms_count: 0,
                per_sms: single,
                remaining: single,
            }
        } else if total <= single {
            Count {
                sms_count: 1,
                per_sms: single,
                remaining: single - total,
            }
        } else {
            let capacity = self.encoding.part_capacity();
            Count {
                sms_count: to_u32(self.parts),
                per_sms: capacity,
                remaining: capacity.saturating_sub(to_u32(self.used)),
            }
        }
    }
}
