//! The keystroke path of `analyzeMessage`: the figures and the edits of an analysis written as
//! numbers into wasm memory, for the package's `index.js` to turn into the answer object.
//!
//! Building the object in JavaScript from a few numbers is several times cheaper than setting
//! its properties one by one from wasm, and the buffers are reused: once warm, a keystroke
//! allocates nothing here.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::gsm::{SENT_AS, sent_as_id};
use crate::message::{self, Edit, EditKind, Encoding, MessageOptions, STOP_MENTION};

use super::to_js;

/// Words before the edits: encoding, characters, smsCount, perSms, remaining, flags, edits.
const HEADER_WORDS: usize = 7;

/// Bits of the flags word of the answer.
const STOP_MENTION_APPLIES: u32 = 1;
const STOP_MENTION_APPENDED: u32 = 2;
const HAS_REPLACEMENT_CHARACTER: u32 = 4;

/// Edit kinds as numbers; a replacement is `FIRST_SENT_AS + its position in SENT_AS`.
const UNSUPPORTED: u32 = 0;
const LINE_BREAK: u32 = 1;
const EURO: u32 = 2;
const FIRST_SENT_AS: u32 = 3;

/// The buffers reused from call to call.
#[derive(Default)]
struct Buffers {
    edits: Vec<Edit>,
    words: Vec<u32>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Analyzes `message` and returns the address of the answer's words, valid until the next call.
///
/// `options`: bit 0 `isUnicode`, bit 1 `isStopSms`, bit 2 low-cost range. Layout: the
/// [`HEADER_WORDS`] figures, then four words an edit: UTF-16 index, UTF-16 length, code point,
/// kind ([`UNSUPPORTED`], [`LINE_BREAK`], [`EURO`] or [`FIRST_SENT_AS`] + position in
/// `SENT_AS`).
#[wasm_bindgen(js_name = __analyzePacked, skip_typescript)]
pub fn analyze_packed(message: &str, options: u32) -> *const u32 {
    let options = MessageOptions::from_bits(options);
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => {
            let Buffers { edits, words } = &mut *buffers;
            pack(message, &options, edits, words);
            words.as_ptr()
        }
        // Unreachable (nothing here calls back into JavaScript), but never a panic.
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
    words.clear();
    words.reserve(HEADER_WORDS + 4 * edits.len());
    words.extend([
        u32::from(counts.encoding == Encoding::Ucs2),
        counts.characters,
        counts.sms_count,
        counts.per_sms,
        counts.remaining,
        flags,
        u32::try_from(edits.len()).unwrap_or(u32::MAX),
    ]);
    for edit in edits.iter() {
        let kind = match edit.shown {
            EditKind::Unsupported => UNSUPPORTED,
            EditKind::LineBreak => LINE_BREAK,
            EditKind::Euro => EURO,
            EditKind::Replaced(sent) => FIRST_SENT_AS.saturating_add(sent_as_id(sent)),
        };
        words.extend([edit.index, edit.units, u32::from(edit.char), kind]);
    }
}

/// The constant texts the wrapper needs, read once.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Tables {
    sent_as: &'static [&'static str],
    stop_mention: &'static str,
    unsupported_shown_as: &'static str,
    line_break_shown_as: &'static str,
    euro_shown_as: &'static str,
    first_sent_as: u32,
}

/// `{ sentAs, stopMention, unsupportedShownAs, lineBreakShownAs, euroShownAs, firstSentAs }`
/// for the package's `index.js`.
#[wasm_bindgen(js_name = __analysisTables, skip_typescript)]
pub fn analysis_tables() -> JsValue {
    to_js(&Tables {
        sent_as: &SENT_AS,
        stop_mention: STOP_MENTION,
        unsupported_shown_as: EditKind::Unsupported.shown(),
        line_break_shown_as: EditKind::LineBreak.shown(),
        euro_shown_as: EditKind::Euro.shown(),
        first_sent_as: FIRST_SENT_AS,
    })
}
