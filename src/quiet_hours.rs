//! The quiet hours of commercial SMS: when SMS Partner holds a marketing message back.
//!
//! Source, SMS Partner's "Envoi unitaire" page: "La plateforme n'envoie pas de SMS commerciaux
//! entre 20h et 8h en semaine et les dimanches et jours fériés (restriction légale). Si un
//! message SMS est envoyé, le message est en pause jusqu'au prochain jour ouvrable à 8h."
//!
//! Read as: a commercial SMS leaves Monday to Saturday from 08:00 (inclusive) to 20:00
//! (exclusive), Europe/Paris time, except on the national public holidays of
//! [`crate::calendar`]. Outside that window it waits for the next opening, 08:00 on the next
//! day that is neither a Sunday nor a holiday. Undocumented: the page does not say whether
//! "en semaine" includes Saturday; we read it as Monday to Saturday because the page names
//! Sundays (and only Sundays) as closed days apart from the holidays.
//! Non-commercial SMS are not held back.

use crate::calendar::{self, Date, Holiday, Weekday};
use crate::lang::{Lang, Text};
use crate::paris_time::{self, LocalDateTime};

/// Hour (Paris time) at which commercial sending opens, inclusive.
pub const OPENING_HOUR: u8 = 8;
/// Hour (Paris time) at which commercial sending closes, exclusive: 19:59:59.999 is open,
/// 20:00 is not.
pub const CLOSING_HOUR: u8 = 20;

/// Upper bound on the closed days skipped in a row. At most two closed days ever follow each
/// other (a Sunday and a holiday next to it; holidays are never adjacent to each other), so
/// this bound is never reached; it only guarantees that the search ends.
const MAX_CLOSED_DAYS_IN_A_ROW: usize = 7;

/// Why a commercial SMS cannot leave at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuietReason {
    /// Between 20:00 and 08:00 Paris time on a day that is otherwise open.
    Night,
    /// A Sunday (that is not also a public holiday).
    Sunday,
    /// A national public holiday (whatever the day of the week).
    Holiday(Holiday),
}

/// When a commercial SMS submitted at a closed instant will leave, and why it waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delay {
    /// The next opening: 08:00 Paris time on the next open day, as milliseconds since the epoch.
    pub until_ms: i64,
    /// Why the submission instant itself is closed.
    pub reason: QuietReason,
}

impl QuietReason {
    /// A stable snake_case identifier: `"night"`, `"sunday"` or `"holiday"`.
    pub const fn code(self) -> &'static str {
        match self {
            QuietReason::Night => "night",
            QuietReason::Sunday => "sunday",
            QuietReason::Holiday(_) => "holiday",
        }
    }

    /// A clause explaining the wait, in `lang`, to be put in a sentence: "it is outside
    /// 08:00–20:00", "it is a Sunday", "it is a public holiday (Easter Monday)".
    pub fn describe(self, lang: Lang) -> String {
        match self {
            QuietReason::Night => lang.text(Text::QuietNight).to_string(),
            QuietReason::Sunday => lang.text(Text::QuietSunday).to_string(),
            QuietReason::Holiday(holiday) => {
                lang.text(Text::QuietHoliday)
                    .replacen("{}", holiday.name(lang), 1)
            }
        }
    }
}

/// Why a whole day is closed: a holiday (checked first) or a Sunday; `None` for an open day.
fn closed_day(date: Date) -> Option<QuietReason> {
    if let Some(holiday) = calendar::french_public_holiday(date) {
        Some(QuietReason::Holiday(holiday))
    } else if date.weekday() == Weekday::Sunday {
        Some(QuietReason::Sunday)
    } else {
        None
    }
}

/// Why a commercial SMS cannot leave at `at_ms`, or `None` when it can.
pub fn quiet_reason(at_ms: i64) -> Option<QuietReason> {
    reason_at(&paris_time::to_local(at_ms))
}

/// Why a commercial SMS cannot leave at a Paris wall-clock reading, or `None` when it can.
fn reason_at(local: &LocalDateTime) -> Option<QuietReason> {
    match closed_day(local.date) {
        Some(reason) => Some(reason),
        None if (OPENING_HOUR..CLOSING_HOUR).contains(&local.hour) => None,
        None => Some(QuietReason::Night),
    }
}

/// Whether a commercial SMS can leave at `at_ms` (Monday–Saturday, 08:00–20:00 Paris time, not
/// a public holiday).
pub fn is_open(at_ms: i64) -> bool {
    quiet_reason(at_ms).is_none()
}

/// When and why a commercial SMS submitted at `at_ms` waits, or `None` when it leaves at once.
///
/// `until_ms` is 08:00 Paris time on the first open day: the same day when submitted before
/// 08:00 on an open day, otherwise a following day, skipping Sundays and holidays (Saturday
/// 21:00 before Easter waits until Tuesday 08:00, Easter Monday being a holiday). If that
/// instant does not fit in an `i64` (within a day of the end of the range), `until_ms` is
/// `i64::MAX`.
pub fn delay(at_ms: i64) -> Option<Delay> {
    let local = paris_time::to_local(at_ms);
    let reason = reason_at(&local)?;
    let early_on_open_day = reason == QuietReason::Night && local.hour < OPENING_HOUR;
    let first_candidate = if early_on_open_day {
        Some(local.date)
    } else {
        local.date.next_day()
    };
    let until_ms = first_candidate
        .and_then(first_open_day_from)
        .and_then(|day| paris_time::from_local(day, OPENING_HOUR, 0))
        .unwrap_or(i64::MAX);
    Some(Delay { until_ms, reason })
}

/// The first day from `date` on (inclusive) that is neither a Sunday nor a holiday.
fn first_open_day_from(date: Date) -> Option<Date> {
    let mut day = date;
    for _ in 0..MAX_CLOSED_DAYS_IN_A_ROW {
        if closed_day(day).is_none() {
            return Some(day);
        }
        day = day.next_day()?;
    }
    Some(day)
}

/// The instant at which SMS Partner actually sends a message submitted (or scheduled) at
/// `at_ms`: `at_ms` itself when the message is not commercial or the window is open,
/// otherwise the next opening ([`delay`]). Never earlier than `at_ms`.
pub fn effective_send_time(at_ms: i64, commercial: bool) -> i64 {
    if !commercial {
        return at_ms;
    }
    delay(at_ms).map_or(at_ms, |delay| delay.until_ms.max(at_ms))
}
