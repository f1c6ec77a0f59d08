//! Reading loose flags, whole numbers and the message options (`isUnicode`, `isStopSms`,
//! `gamme`): one reading for every export, the send request's fields and the options objects.

use crate::input::InputValue;
use crate::message::{Gamme, MessageOptions};

/// A whole number given as a number or as a string of digits (`9`, `"09"`).
pub fn whole_number(value: &InputValue) -> Option<i64> {
    match value {
        InputValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
        InputValue::Text(text)
            if !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            text.parse().ok()
        }
        _ => None,
    }
}

/// A flag: `true`/`false`, `1`/`0` or `"1"`/`"0"` (any spelling of the digits); unset is off.
/// `None` when it is neither a boolean nor 0 or 1.
pub fn flag_value(value: &InputValue) -> Option<bool> {
    match value {
        InputValue::Bool(b) => Some(*b),
        unset if unset.is_unset() => Some(false),
        other => match whole_number(other) {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
    }
}

/// The range: `1` premium, `2` low cost, as a number or digits (`"02"`); unset is premium.
/// `None` for anything else.
pub fn gamme_value(value: &InputValue) -> Option<Gamme> {
    if value.is_unset() {
        return Some(Gamme::Premium);
    }
    whole_number(value)
        .and_then(|code| u8::try_from(code).ok())
        .and_then(Gamme::from_code)
}

/// The message options read from their three values, and the wire names of those that could
/// not be read (each then counts as its default: off, premium).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MessageOptionsReading {
    /// The options.
    pub options: MessageOptions,
    /// `"gamme"`, `"isStopSms"`, `"isUnicode"`: the values that are not flags or ranges, in
    /// that order.
    pub invalid: Vec<&'static str>,
}

/// Reads `isUnicode`, `isStopSms` and `gamme`, as `analyzeMessage`, `splitMessage`,
/// `validateSendRequest` and the client all do.
pub fn read_message_options(
    is_unicode: &InputValue,
    is_stop_sms: &InputValue,
    gamme: &InputValue,
) -> MessageOptionsReading {
    let mut invalid = Vec::new();
    let gamme = gamme_value(gamme).unwrap_or_else(|| {
        invalid.push("gamme");
        Gamme::Premium
    });
    let mut flag = |value, name| {
        flag_value(value).unwrap_or_else(|| {
            invalid.push(name);
            false
        })
    };
    let stop_sms = flag(is_stop_sms, "isStopSms");
    let unicode = flag(is_unicode, "isUnicode");
    MessageOptionsReading {
        options: MessageOptions {
            unicode,
            stop_sms,
            gamme,
        },
        invalid,
    }
}
