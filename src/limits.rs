//! SMS Partner's documented limits of a send request, each with its source, in one place.
//!
//! Sources: the single-send page ("Envoi unitaire", `reference/envoi-unitaire.md`), the
//! current single-send page and the error-code table (`reference/smspartner-lifecycle.md`, §7
//! and §8).

use std::ops::RangeInclusive;

/// Recipients in one request (page: "La limite d'envoi sur une seule requête est de 500
/// numéros"; code 50).
pub const MAX_PHONE_NUMBERS: usize = 500;

/// SMS a concatenated message may take (code 52: "the number of concatenated SMS cannot exceed
/// 10").
pub const MAX_SMS_PER_MESSAGE: u32 = 10;

/// The longest GSM-7 message: 10 parts of 153 septets (fewer when a `€` or `:br:` would
/// straddle two parts).
pub const MAX_GSM_SEPTETS: u32 = MAX_SMS_PER_MESSAGE * 153;

/// The longest Unicode message: 10 parts of 67 UTF-16 code units.
pub const MAX_UCS2_UNITS: u32 = MAX_SMS_PER_MESSAGE * 67;

/// SMS a low-cost message may take (code 42: "a Low Cost SMS is limited to 160 characters"):
/// 160 septets, or 70 code units in Unicode.
pub const MAX_LOW_COST_SMS: u32 = 1;

/// Sender names: 3 to 11 characters (page: "entre 3 et 11 inclus").
pub const SENDER_LEN: RangeInclusive<usize> = 3..=11;

/// Tags: at most 20 characters, no spaces (page), lowercase only (current page).
pub const MAX_TAG_LEN: usize = 20;

/// Longest callback URL accepted, the common limit of browsers and servers (SMS Partner
/// documents none).
pub const MAX_URL_LEN: usize = 2048;

/// The hour of a scheduled send, `time`: 0 to 23 on a 24-hour clock (the page says "0-24").
pub const MAX_HOUR: u8 = 23;

/// The minute of a scheduled send, `minute`: a multiple of 5 (page, old and new: "0 à 55 par
/// pas de 5"; code 48 says 5–55, whose 0 is accepted when it comes back).
pub const MINUTE_STEP: u8 = 5;

/// The last minute of an hour that `minute` accepts.
pub const MAX_MINUTE: u8 = 55;

/// The limits a page or a worker applies itself (how many numbers one request takes, how long
/// a message may be), as `smsPartnerLimits()` gives them to JavaScript: the constants above,
/// never a copy of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// [`MAX_PHONE_NUMBERS`].
    pub max_phone_numbers: usize,
    /// [`MAX_SMS_PER_MESSAGE`].
    pub max_sms_per_message: u32,
    /// [`MAX_LOW_COST_SMS`].
    pub max_low_cost_sms: u32,
    /// The shortest sender name ([`SENDER_LEN`]).
    pub min_sender_length: usize,
    /// The longest sender name ([`SENDER_LEN`]).
    pub max_sender_length: usize,
    /// [`MAX_TAG_LEN`].
    pub max_tag_length: usize,
    /// [`MAX_URL_LEN`].
    pub max_url_length: usize,
    /// [`MINUTE_STEP`].
    pub minute_step: u8,
}

/// The limits of this module, as one value.
pub const LIMITS: Limits = Limits {
    max_phone_numbers: MAX_PHONE_NUMBERS,
    max_sms_per_message: MAX_SMS_PER_MESSAGE,
    max_low_cost_sms: MAX_LOW_COST_SMS,
    min_sender_length: *SENDER_LEN.start(),
    max_sender_length: *SENDER_LEN.end(),
    max_tag_length: MAX_TAG_LEN,
    max_url_length: MAX_URL_LEN,
    minute_step: MINUTE_STEP,
};
