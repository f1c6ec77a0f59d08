//! Europe/Paris local time for instants in milliseconds since the Unix epoch, and ISO 8601.
//!
//! Instants are `i64` milliseconds since 1970-01-01T00:00:00Z, what JavaScript's
//! `Date.prototype.getTime()` gives. Every function here is total: no `i64` value and no string
//! makes one panic.
//!
//! # The time-zone rule
//! Europe/Paris is CET (UTC+01:00) in winter and CEST (UTC+02:00) in summer. Summer time runs
//! from the last Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC: the
//! rule of the European Union since 1996 (Directive 2000/84/EC, which restated it). That rule is
//! applied to every year, past and future. It is therefore wrong for France before 1996 (from
//! 1976 to 1995 summer time ended on the last Sunday of September; before 1976 there was none
//! after 1945) and would be wrong if the EU ever stopped changing the clocks. For scheduling
//! SMS, only the present and the near future matter.

use crate::calendar::{self, Date, Weekday};
use crate::digits;

/// Milliseconds in a second.
pub const MS_PER_SECOND: i64 = 1_000;
/// Milliseconds in a minute.
pub const MS_PER_MINUTE: i64 = 60 * MS_PER_SECOND;
/// Milliseconds in an hour.
pub const MS_PER_HOUR: i64 = 60 * MS_PER_MINUTE;
/// Milliseconds in a day (days of civil time: leap seconds do not exist in Unix time).
pub const MS_PER_DAY: i64 = 24 * MS_PER_HOUR;

/// The largest distance from the epoch that a JavaScript `Date` can hold (±100 000 000 days,
/// ECMAScript "Time Values and Time Range"). [`parse_iso8601`] refuses instants beyond it.
pub const MAX_JS_TIME_MS: i64 = 100_000_000 * MS_PER_DAY;

/// Offset of CET (winter time) from UTC, in minutes.
pub const CET_OFFSET_MINUTES: i32 = 60;
/// Offset of CEST (summer time) from UTC, in minutes.
pub const CEST_OFFSET_MINUTES: i32 = 120;

/// Summer time starts and ends at 01:00 UTC (EU rule).
const TRANSITION_MS_OF_DAY: i64 = MS_PER_HOUR;

/// A wall-clock reading in Paris.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    /// The calendar date in Paris.
    pub date: Date,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
    /// Millisecond, 0–999.
    pub millisecond: u16,
    /// Offset from UTC in force at that instant: 60 (CET) or 120 (CEST).
    pub utc_offset_minutes: i32,
}

impl LocalDateTime {
    /// The day of the week in Paris.
    pub fn weekday(&self) -> Weekday {
        self.date.weekday()
    }
}

/// Day number of the last Sunday of `month` in `year` (`month` being March or October).
fn last_sunday(year: i64, month: u8) -> i64 {
    // March and October both have 31 days.
    let last_day = days_from_year_month_day(year, month, 31);
    // Day 0 (1970-01-01) is a Thursday; (n + 4) mod 7 is 0 on Sundays.
    last_day - (last_day + 4).rem_euclid(7)
}

/// Day number of a date given with an `i64` year (the years of all `i64` instants fit an
/// `i32`; the clamp only keeps this function total).
fn days_from_year_month_day(year: i64, month: u8, day: u8) -> i64 {
    let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
    Date::new(year, month, day).map_or(0, Date::days_since_epoch)
}

/// Splits an instant into its UTC day number and the milliseconds into that day.
fn split_day(ms: i64) -> (i64, i64) {
    (ms.div_euclid(MS_PER_DAY), ms.rem_euclid(MS_PER_DAY))
}

/// Whether summer time (CEST) is in force in Paris at `ms`.
pub fn is_summer_time(ms: i64) -> bool {
    let (day, ms_of_day) = split_day(ms);
    let year = i64::from(Date::from_days_since_epoch_clamped(day).year());
    // Compare (day, time of day) pairs instead of absolute instants: no overflow near the
    // ends of the i64 range.
    let start = (last_sunday(year, 3), TRANSITION_MS_OF_DAY);
    let end = (last_sunday(year, 10), TRANSITION_MS_OF_DAY);
    (day, ms_of_day) >= start && (day, ms_of_day) < end
}

/// Offset of Paris time from UTC at `ms`, in minutes: 60 in winter, 120 in summer.
pub fn utc_offset_minutes(ms: i64) -> i32 {
    if is_summer_time(ms) {
        CEST_OFFSET_MINUTES
    } else {
        CET_OFFSET_MINUTES
    }
}

/// The summer-time period of `year` as instants: `(start, end)`, summer time being in force
/// for `start <= ms < end`. `None` if the year's transitions do not fit in an `i64`.
pub fn summer_time_period(year: i32) -> Option<(i64, i64)> {
    let at = |day: i64| {
        day.checked_mul(MS_PER_DAY)?
            .checked_add(TRANSITION_MS_OF_DAY)
    };
    let year = i64::from(year);
    Some((at(last_sunday(year, 3))?, at(last_sunday(year, 10))?))
}

/// The wall-clock reading in Paris at the instant `ms`. Total over `i64` (the year of any
/// instant fits in [`Date`]).
pub fn to_local(ms: i64) -> LocalDateTime {
    let utc_offset_minutes = utc_offset_minutes(ms);
    let (mut day, mut ms_of_day) = split_day(ms);
    ms_of_day += i64::from(utc_offset_minutes) * MS_PER_MINUTE;
    if ms_of_day >= MS_PER_DAY {
        ms_of_day -= MS_PER_DAY;
        day += 1; // |day| <= 1.1e11: cannot overflow
    }
    let clock = split_ms_of_day(ms_of_day);
    LocalDateTime {
        date: Date::from_days_since_epoch_clamped(day),
        hour: clock.0,
        minute: clock.1,
        second: clock.2,
        millisecond: clock.3,
        utc_offset_minutes,
    }
}

/// Hours, minutes, seconds and milliseconds of a time of day in `0..MS_PER_DAY`.
fn split_ms_of_day(ms_of_day: i64) -> (u8, u8, u8, u16) {
    let ms_of_day = ms_of_day.clamp(0, MS_PER_DAY - 1);
    // Each quotient is bounded by the clamp, so the narrowing conversions cannot fail.
    let narrow = |value: i64| u8::try_from(value).unwrap_or(0);
    (
        narrow(ms_of_day / MS_PER_HOUR),
        narrow(ms_of_day / MS_PER_MINUTE % 60),
        narrow(ms_of_day / MS_PER_SECOND % 60),
        u16::try_from(ms_of_day % MS_PER_SECOND).unwrap_or(0),
    )
}

/// The instant at which Paris clocks show `hour:minute` (seconds 0) on `date`.
///
/// Daylight-saving edges, the policy:
/// - spring gap (02:00–02:59 on the last Sunday of March does not exist): the time is read
///   with the offset in force before the change, +01:00, so it lands one hour later in CEST
///   (02:30 gives 03:30 CEST, 01:30 UTC);
/// - autumn overlap (02:00–02:59 on the last Sunday of October happens twice): the first
///   occurrence, still in CEST, is taken (02:30 gives 00:30 UTC).
///
/// `None` when `hour > 23`, `minute > 59`, or the instant does not fit in an `i64` (years
/// beyond about ±292 million).
pub fn from_local(date: Date, hour: u8, minute: u8) -> Option<i64> {
    if hour > 23 || minute > 59 {
        return None;
    }
    let ms_of_day = i64::from(hour) * MS_PER_HOUR + i64::from(minute) * MS_PER_MINUTE;
    local_to_instant(date.days_since_epoch(), ms_of_day)
}

/// The instant of a Paris wall-clock reading given as a day number and milliseconds into that
/// day (`ms_of_day` may reach `MS_PER_DAY`, for ISO 8601's `24:00`), with the policy of
/// [`from_local`].
fn local_to_instant(day: i64, ms_of_day: i64) -> Option<i64> {
    let wall = day.checked_mul(MS_PER_DAY)?.checked_add(ms_of_day)?;
    // Read as CEST first: if that instant is indeed in summer time, it is the answer (in the
    // autumn overlap this is the first occurrence). Otherwise read as CET, which is right in
    // winter and, in the spring gap, is the pre-transition reading the policy asks for.
    let as_summer = wall.checked_sub(i64::from(CEST_OFFSET_MINUTES) * MS_PER_MINUTE)?;
    if is_summer_time(as_summer) {
        return Some(as_summer);
    }
    wall.checked_sub(i64::from(CET_OFFSET_MINUTES) * MS_PER_MINUTE)
}

/// Parses an ISO 8601 date or date-time into an instant.
///
/// Accepted, as JavaScript's `Date.parse` accepts them:
/// - what `Date.prototype.toISOString()` writes: `2026-11-29T21:05:00.000Z`, including the
///   six-digit signed years (`+010000-01-01T00:00:00.000Z`);
/// - a date alone, `2026-11-29`, meaning midnight UTC (as in JavaScript);
/// - a date-time with `HH:mm`, `HH:mm:ss` or `HH:mm:ss.sss` (1 to 9 fraction digits, `.` or
///   `,`; digits beyond milliseconds are truncated), `T`, `t` or a space between date and time,
///   and a zone `Z`/`z`, `±HH:mm`, `±HHmm` or `±HH`;
/// - `24:00` (seconds and fraction zero) for the end of the day.
///
/// A date-time without a zone (`2026-11-29T21:05`, what an HTML `datetime-local` field gives)
/// is read as Europe/Paris time, with the policy of [`from_local`]; JavaScript would use the
/// machine's own time zone, which this library does not know.
///
/// `None` for anything else, for impossible dates and times, and for instants beyond
/// [`MAX_JS_TIME_MS`] (a JavaScript `Date` cannot hold them either).
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let (date, rest) = calendar::parse_iso_date_prefix(text.as_bytes())?;
    let day = date.days_since_epoch();
    let instant = match *rest {
        [] => day.checked_mul(MS_PER_DAY)?,
        [b'T' | b't' | b' ', ref rest @ ..] => {
            let (ms_of_day, zone) = parse_time(rest)?;
            match parse_zone(zone)? {
                Some(offset_ms) => day
                    .checked_mul(MS_PER_DAY)?
                    .checked_add(ms_of_day)?
                    .checked_sub(offset_ms)?,
                None => local_to_instant(day, ms_of_day)?,
            }
        }
        _ => return None,
    };
    (-MAX_JS_TIME_MS..=MAX_JS_TIME_MS)
        .contains(&instant)
        .then_some(instant)
}

/// Parses `HH:mm[:ss[.fraction]]` at the start of `bytes`; returns milliseconds into the day
/// and the rest (the zone).
fn parse_time(bytes: &[u8]) -> Option<(i64, &[u8])> {
    let (hour, minute, rest) = match *bytes {
        [h1, h2, b':', m1, m2, ref rest @ ..] => (
            digits::two_digits(h1, h2)?,
            digits::two_digits(m1, m2)?,
            rest,
        ),
        _ => return None,
    };
    let (second, rest) = match *rest {
        [b':', s1, s2, ref rest @ ..] => (digits::two_digits(s1, s2)?, rest),
        _ => (0, rest),
    };
    let (millisecond, rest) = match *rest {
        [b'.' | b',', ref rest @ ..] => parse_fraction(rest)?,
        _ => (0, rest),
    };
    // Leap seconds (:60) do not exist in Unix time; 24:00 only as the exact end of the day.
    let end_of_day = hour == 24 && minute == 0 && second == 0 && millisecond == 0;
    if !(hour <= 23 || end_of_day) || minute > 59 || second > 59 {
        return None;
    }
    let ms_of_day = i64::from(hour) * MS_PER_HOUR
        + i64::from(minute) * MS_PER_MINUTE
        + i64::from(second) * MS_PER_SECOND
        + millisecond;
    Some((ms_of_day, rest))
}

/// Parses 1 to 9 fraction-of-second digits; returns whole milliseconds (truncated) and the rest.
fn parse_fraction(bytes: &[u8]) -> Option<(i64, &[u8])> {
    let count = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if !(1..=9).contains(&count) {
        return None;
    }
    let (fraction, rest) = bytes.split_at_checked(count)?;
    let mut millisecond = 0i64;
    for position in 0..3 {
        let value = fraction.get(position).copied().and_then(digits::digit);
        millisecond = millisecond * 10 + i64::from(value.unwrap_or(0));
    }
    Some((millisecond, rest))
}

/// Parses the zone designator: `Some(Some(offset_ms))` for `Z` or an offset, `Some(None)` when
/// there is none (Paris time), `None` when it is malformed.
fn parse_zone(bytes: &[u8]) -> Option<Option<i64>> {
    let (sign, hours, minutes) = match *bytes {
        [] => return Some(None),
        [b'Z' | b'z'] => return Some(Some(0)),
        [sign @ (b'+' | b'-'), h1, h2] => (sign, digits::two_digits(h1, h2)?, 0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [sign @ (b'+' | b'-'), h1, h2, m1, m2] => (
            sign,
            digits::two_digits(h1, h2)?,
            digits::two_digits(m1, m2)?,
        ),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    let magnitude = i64::from(hours) * MS_PER_HOUR + i64::from(minutes) * MS_PER_MINUTE;
    Some(Some(if sign == b'-' { -magnitude } else { magnitude }))
}

/// Writes an instant exactly as JavaScript's `Date.prototype.toISOString()` does:
/// `2026-11-29T21:05:00.000Z`, with a sign and six digits for years outside 0–9999
/// (`+010000-01-01T00:00:00.000Z`).
///
/// JavaScript throws a `RangeError` beyond [`MAX_JS_TIME_MS`]; this function instead goes on
/// writing the true date with as many year digits as needed (up to year 292 278 994), which no
/// ISO 8601 reader is obliged to accept.
pub fn format_iso8601(ms: i64) -> String {
    let (day, ms_of_day) = split_day(ms);
    format_parts(day, ms_of_day, "Z")
}

/// Writes an instant as Paris wall-clock time with its offset, in the same layout as
/// [`format_iso8601`]: `2026-11-29T22:05:00.000+01:00`.
pub fn format_iso8601_paris(ms: i64) -> String {
    let local = to_local(ms);
    let zone = if local.utc_offset_minutes == CEST_OFFSET_MINUTES {
        "+02:00"
    } else {
        "+01:00"
    };
    let ms_of_day = i64::from(local.hour) * MS_PER_HOUR
        + i64::from(local.minute) * MS_PER_MINUTE
        + i64::from(local.second) * MS_PER_SECOND
        + i64::from(local.millisecond);
    format_parts(local.date.days_since_epoch(), ms_of_day, zone)
}

/// `YYYY-MM-DDTHH:mm:ss.sss` followed by `zone`.
fn format_parts(day: i64, ms_of_day: i64, zone: &str) -> String {
    let date = Date::from_days_since_epoch_clamped(day);
    let (hour, minute, second, millisecond) = split_ms_of_day(ms_of_day);
    let mut out = String::with_capacity(32);
    digits::push_iso_year(&mut out, i64::from(date.year()));
    out.push('-');
    digits::push_two_digits(&mut out, date.month());
    out.push('-');
    digits::push_two_digits(&mut out, date.day());
    out.push('T');
    digits::push_two_digits(&mut out, hour);
    out.push(':');
    digits::push_two_digits(&mut out, minute);
    out.push(':');
    digits::push_two_digits(&mut out, second);
    out.push('.');
    digits::push_padded(&mut out, u64::from(millisecond), 3);
    out.push_str(zone);
    out
}
