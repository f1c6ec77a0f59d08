//! The keystroke path of `analyzeMessage`: the figures and the edits of an analysis written as
//! numbers into wasm memory, for the package's `index.js` to turn into the answer object.
//!
//! Building the object in JavaScript from a few numbers is several times cheaper than setting
//! its properties one by one from wasm, and the buffers are reused: the message comes in
//! through one of them too (written by `index.js`, no string argument), and once warm a
//! keystroke allocates nothing here.
//!
//! [`analyze_input`] takes the bits of [`MessageOptions::from_bits`] and answers the address
//! of words laid out so: the [`HEADER_WORDS`] figures, then [`EDIT_WORDS`] words an edit:
//! UTF-16 index, UTF-16 length, code point, kind ([`UNSUPPORTED`], [`LINE_BREAK`], [`EURO`] or
//! [`FIRST_SENT_AS`] + position in `SENT_AS`); every position and bit is handed to `index.js`
//! by [`analysis_tables`]. The words are valid until the next call.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::gsm::{SENT_AS, sent_as_id};
use crate::message::{self, Edit, EditKind, Encoding, MessageOptions, STOP_MENTION};

use super::to_js;

/// Positions of the figures in the words before the edits.
const ENCODING: usize = 0;
const CHARACTERS: usize = 1;
const SMS_COUNT: usize = 2;
const PER_SMS: usize = 3;
const REMAINING: usize = 4;
const FLAGS: usize = 5;
const EDIT_COUNT: usize = 6;
/// Words before the edits.
const HEADER_WORDS: usize = 7;

/// Positions of an edit's figures in its words.
const EDIT_INDEX: usize = 0;
const EDIT_UNITS: usize = 1;
const EDIT_CHAR: usize = 2;
const EDIT_KIND: usize = 3;
/// Words an edit.
const EDIT_WORDS: usize = 4;

/// Bits of the flags word of the answer.
const STOP_MENTION_APPLIES: u32 = 1;
const STOP_MENTION_APPENDED: u32 = 2;
const HAS_REPLACEMENT_CHARACTER: u32 = 4;
/// More edits than [`message::MAX_LISTED`]: the wrapper asks for the wasm-built answer, which
/// caps the lists and writes the whole preview itself.
const EDITS_CUT: u32 = 8;

/// Edit kinds as numbers; a replacement is `FIRST_SENT_AS + its position in SENT_AS`.
const UNSUPPORTED: u32 = 0;
const LINE_BREAK: u32 = 1;
const EURO: u32 = 2;
const FIRST_SENT_AS: u32 = 3;

/// The encoding word of UCS-2 (GSM-7 is 0).
const UCS2: u32 = 1;

/// Messages of at most this many UTF-16 code units take the keystroke path, through
/// [`analysis_input`]'s buffer (3 bytes of UTF-8 each at most: 12 KiB, made once): more than
/// twice the longest message SMS Partner accepts. Longer ones get the wasm-built answer.
const INPUT_UNITS: usize = 4096;
/// The size of [`analysis_input`]'s buffer that takes any message of [`INPUT_UNITS`].
const INPUT_BYTES: usize = 3 * INPUT_UNITS;

/// The buffers reused from call to call.
#[derive(Default)]
struct Buffers {
    /// The message as UTF-8, written there by `index.js` (see [`analyze_input`]).
    input: Vec<u8>,
    edits: Vec<Edit>,
    words: Vec<u32>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// The address of the input buffer of [`analyze_input`], grown to `bytes` bytes, the other
/// buffers to the edits of a message of `units` code units; null if busy.
#[wasm_bindgen(js_name = __analysisInput, skip_typescript)]
pub fn analysis_input(bytes: usize, units: usize) -> *mut u8 {
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => {
            if buffers.input.len() < bytes {
                buffers.input.resize(bytes, 0);
            }
            // An edit takes at least one code unit: `analyze_input` of a message of at most
            // `units` then never allocates (its stack probe is sized for that). `reserve`
            // counts from the length: cleared first, as each analysis does.
            let edits = units.min(message::MAX_LISTED);
            buffers.edits.clear();
            buffers.edits.reserve(edits);
            buffers.words.clear();
            buffers.words.reserve(HEADER_WORDS + EDIT_WORDS * edits);
            buffers.input.as_mut_ptr()
        }
        Err(_) => std::ptr::null_mut(),
    })
}

/// The address of the answer's words (module docs) for the first `len` bytes of the input
/// buffer, UTF-8 as `encodeInto` writes it, and the `options` bits; null if too short.
#[wasm_bindgen(js_name = __analyzeInput, skip_typescript)]
pub fn analyze_input(len: usize, options: u32) -> *const u32 {
    let options = MessageOptions::from_bits(options);
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => {
            let Buffers {
                input,
                edits,
                words,
            } = &mut *buffers;
            // SAFETY: `index.js` writes the message there with `TextEncoder.encodeInto`, which
            // writes whole UTF-8 sequences only (lone surrogates as U+FFFD), and passes the
            // bytes it wrote: the same trust wasm-bindgen's glue puts in JavaScript for every
            // `&str` argument, which it takes unchecked too. Checking the bytes again would
            // cost about a third of the analysis of a short message.
            match input
                .get(..len)
                .map(|bytes| unsafe { std::str::from_utf8_unchecked(bytes) })
            {
                Some(message) => {
                    pack(message, &options, edits, words);
                    words.as_ptr()
                }
                None => std::ptr::null(),
            }
        }
        Err(_) => std::ptr::null(),
    })
}

fn pack(message: &str, options: &MessageOptions, edits: &mut Vec<Edit>, words: &mut Vec<u32>) {
    let counts = message::analyze_into(message, options, edits);
    let mut flags = 0;
    if options.stop_applies() {
        flags |= STOP_MENTION_APPLIES;
    }
    if counts.stop_appended {
        flags |= STOP_MENTION_APPENDED;
    }
    if counts.replacement_character {
        flags |= HAS_REPLACEMENT_CHARACTER;
    }
    if counts.edits_cut {
        flags |= EDITS_CUT;
        edits.clear();
    }
    let mut header = [0u32; HEADER_WORDS];
    header[ENCODING] = if counts.encoding == Encoding::Ucs2 {
        UCS2
    } else {
        0
    };
    header[CHARACTERS] = counts.characters;
    header[SMS_COUNT] = counts.sms_count;
    header[PER_SMS] = counts.per_sms;
    header[REMAINING] = counts.remaining;
    header[FLAGS] = flags;
    header[EDIT_COUNT] = u32::try_from(edits.len()).unwrap_or(u32::MAX);
    words.clear();
    words.reserve(HEADER_WORDS + EDIT_WORDS * edits.len());
    words.extend(header);
    for edit in edits.iter() {
        let mut packed = [0u32; EDIT_WORDS];
        packed[EDIT_INDEX] = edit.index;
        packed[EDIT_UNITS] = edit.units;
        packed[EDIT_CHAR] = u32::from(edit.char);
        packed[EDIT_KIND] = match edit.shown {
            EditKind::Unsupported => UNSUPPORTED,
            EditKind::LineBreak => LINE_BREAK,
            EditKind::Euro => EURO,
            EditKind::Replaced(sent) => FIRST_SENT_AS.saturating_add(sent_as_id(sent)),
        };
        words.extend(packed);
    }
}

/// Where `index.js` finds each figure and what each bit and kind means: the one statement of
/// the layout, read once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Layout {
    header_words: usize,
    encoding: usize,
    characters: usize,
    sms_count: usize,
    per_sms: usize,
    remaining: usize,
    flags: usize,
    edit_count: usize,
    edit_words: usize,
    edit_index: usize,
    edit_units: usize,
    edit_char: usize,
    edit_kind: usize,
    ucs2: u32,
    stop_mention_applies: u32,
    stop_mention_appended: u32,
    has_replacement_character: u32,
    edits_cut: u32,
    unsupported: u32,
    line_break: u32,
    euro: u32,
    first_sent_as: u32,
    unicode_bit: u32,
    stop_sms_bit: u32,
    low_cost_bit: u32,
    input_units: usize,
    input_bytes: usize,
}

const LAYOUT: Layout = Layout {
    header_words: HEADER_WORDS,
    encoding: ENCODING,
    characters: CHARACTERS,
    sms_count: SMS_COUNT,
    per_sms: PER_SMS,
    remaining: REMAINING,
    flags: FLAGS,
    edit_count: EDIT_COUNT,
    edit_words: EDIT_WORDS,
    edit_index: EDIT_INDEX,
    edit_units: EDIT_UNITS,
    edit_char: EDIT_CHAR,
    edit_kind: EDIT_KIND,
    ucs2: UCS2,
    stop_mention_applies: STOP_MENTION_APPLIES,
    stop_mention_appended: STOP_MENTION_APPENDED,
    has_replacement_character: HAS_REPLACEMENT_CHARACTER,
    edits_cut: EDITS_CUT,
    unsupported: UNSUPPORTED,
    line_break: LINE_BREAK,
    euro: EURO,
    first_sent_as: FIRST_SENT_AS,
    unicode_bit: MessageOptions::UNICODE_BIT,
    stop_sms_bit: MessageOptions::STOP_SMS_BIT,
    low_cost_bit: MessageOptions::LOW_COST_BIT,
    input_units: INPUT_UNITS,
    input_bytes: INPUT_BYTES,
};

/// The constant texts the wrapper needs, read once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tables {
    layout: &'static Layout,
    sent_as: &'static [&'static str],
    stop_mention: &'static str,
    unsupported_shown_as: &'static str,
    line_break_shown_as: &'static str,
    euro_shown_as: &'static str,
    /// `[codePoint, name]` of every character whose name the package knows.
    names: Vec<(u32, &'static str)>,
}

/// `{ layout, sentAs, stopMention, unsupportedShownAs, lineBreakShownAs, euroShownAs, names }`
/// for the package's `index.js`.
#[wasm_bindgen(js_name = __analysisTables, skip_typescript)]
pub fn analysis_tables() -> JsValue {
    to_js(&Tables {
        layout: &LAYOUT,
        sent_as: &SENT_AS,
        stop_mention: STOP_MENTION,
        unsupported_shown_as: EditKind::Unsupported.shown(),
        line_break_shown_as: EditKind::LineBreak.shown(),
        euro_shown_as: EditKind::Euro.shown(),
        names: crate::normalize::table()
            .filter_map(|(c, _, name)| Some((u32::from(c), name?)))
            .collect(),
    })
}
