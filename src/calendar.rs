//! Calendar dates (proleptic Gregorian), weekdays, Easter and the French public holidays.
//!
//! Day numbers count days since 1970-01-01 (the Unix epoch), like JavaScript's `Date` divided by
//! 86 400 000. The conversions follow Howard Hinnant's "chrono-compatible low-level date
//! algorithms" (`days_from_civil`, `civil_from_days`), written here in 64-bit arithmetic so
//! that no input can overflow.
//!
//! Range: a [`Date`] holds any year an `i32` can (astronomical numbering: year 0 is 1 BC),
//! always with the Gregorian leap-year rule. Easter and the public holidays are computed for
//! [`FIRST_GREGORIAN_YEAR`]`..=`[`LAST_SUPPORTED_YEAR`] (1583..=9999) only: outside it
//! [`easter_sunday`] is `None` and no day is a holiday.
//!
//! The names of the days and the holidays are in the language tables ([`crate::lang`]).

use core::fmt;

use crate::digits::{digits_value, push_iso_year, push_padded, push_two_digits, two_digits};

/// First full year of the Gregorian calendar (adopted in October 1582), the first year for
/// which [`easter_sunday`] and the public holidays are computed.
pub const FIRST_GREGORIAN_YEAR: i32 = 1583;

/// Last year for which [`easter_sunday`] and the public holidays are computed (the last year
/// with four digits, which is also what SMS Partner's `dd/MM/yyyy` can carry).
pub const LAST_SUPPORTED_YEAR: i32 = 9999;

/// Day number of 0000-03-01 counted from 1970-01-01 (Hinnant's shift to a March-based year).
const EPOCH_SHIFT_DAYS: i64 = 719_468;
/// Days in a 400-year Gregorian cycle.
const DAYS_PER_ERA: i64 = 146_097;

/// Day number of [`Date::MIN`].
const MIN_DAY_NUMBER: i64 = days_from_civil(i32::MIN as i64, 1, 1);
/// Day number of [`Date::MAX`].
const MAX_DAY_NUMBER: i64 = days_from_civil(i32::MAX as i64, 12, 31);

/// A calendar date in the proleptic Gregorian calendar; always a real date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived ordering is chronological.
    year: i32,
    month: u8,
    day: u8,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

/// A national public holiday of metropolitan France (Code du travail, article L3133-1).
///
/// Alsace and Moselle also rest on Good Friday and on 26 December (article L3134-13): those
/// are local holidays, not national ones, and are not listed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holiday {
    /// 1 January, jour de l'an.
    NewYearsDay,
    /// Easter Monday, lundi de Pâques (Easter Sunday + 1).
    EasterMonday,
    /// 1 May, fête du Travail.
    LabourDay,
    /// 8 May, victoire de 1945.
    VictoryInEuropeDay,
    /// Ascension Thursday (Easter Sunday + 39).
    AscensionDay,
    /// Whit Monday, lundi de Pentecôte (Easter Sunday + 50). It is also the default
    /// "journée de solidarité", but it stays a public holiday in law.
    WhitMonday,
    /// 14 July, fête nationale.
    BastilleDay,
    /// 15 August, Assomption.
    AssumptionDay,
    /// 1 November, Toussaint.
    AllSaintsDay,
    /// 11 November, armistice de 1918.
    ArmisticeDay,
    /// 25 December, Noël.
    ChristmasDay,
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub const fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Number of days in `month` (1–12) of `year`; `None` for a month outside 1–12.
pub const fn days_in_month(year: i32, month: u8) -> Option<u8> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// Days since 1970-01-01 of a civil date (Hinnant's `days_from_civil`). Valid for any year an
/// `i32` holds, computed in `i64`: the result stays far below `i64` limits.
const fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let month = month as i64;
    let day = day as i64;
    // The computation runs on years starting on 1 March, so that the leap day is last.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400; // [0, 399]
    let shifted_month = if month > 2 { month - 3 } else { month + 9 }; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1; // [0, 365]
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT_DAYS
}

/// Civil date of a day number (Hinnant's `civil_from_days`): `(year, month, day)`.
/// The caller keeps `days` within `MIN_DAY_NUMBER..=MAX_DAY_NUMBER` so that nothing overflows.
const fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let shifted = days + EPOCH_SHIFT_DAYS;
    let era = shifted.div_euclid(DAYS_PER_ERA);
    let day_of_era = shifted - era * DAYS_PER_ERA; // [0, 146096]
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March = 0
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1; // [1, 31]
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    }; // [1, 12]
    let year = year_of_era + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month as u8, day as u8)
}

impl Date {
    /// The earliest representable date, 1 January of year `i32::MIN`.
    pub const MIN: Date = Date {
        year: i32::MIN,
        month: 1,
        day: 1,
    };

    /// The latest representable date, 31 December of year `i32::MAX`.
    pub const MAX: Date = Date {
        year: i32::MAX,
        month: 12,
        day: 31,
    };

    /// The Unix epoch, 1970-01-01.
    pub const UNIX_EPOCH: Date = Date {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// The date `year-month-day`, or `None` when it does not exist (month outside 1–12, day
    /// outside the month, 29 February of a common year).
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        match days_in_month(year, month) {
            Some(last) if day >= 1 && day <= last => Some(Date { year, month, day }),
            _ => None,
        }
    }

    /// The year (astronomical numbering: 0 is 1 BC).
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (January) to 12 (December).
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub const fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year as i64, self.month, self.day)
    }

    /// The date `days` days after 1970-01-01, or `None` outside [`Date::MIN`]..=[`Date::MAX`].
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        if !(MIN_DAY_NUMBER..=MAX_DAY_NUMBER).contains(&days) {
            return None;
        }
        let (year, month, day) = civil_from_days(days);
        Some(Date {
            year: i32::try_from(year).ok()?,
            month,
            day,
        })
    }

    /// Like [`Date::from_days_since_epoch`], but a day number outside the range gives the
    /// nearest end of it instead of `None`.
    pub fn from_days_since_epoch_clamped(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days.clamp(MIN_DAY_NUMBER, MAX_DAY_NUMBER));
        match i32::try_from(year) {
            Ok(year) => Date { year, month, day },
            // Unreachable after the clamp; kept total instead of panicking.
            Err(_) if year < 0 => Date::MIN,
            Err(_) => Date::MAX,
        }
    }

    /// The day of the week (1970-01-01 was a Thursday).
    pub const fn weekday(self) -> Weekday {
        // Day 0 is a Thursday: shifting by 3 makes Monday 0.
        match (self.days_since_epoch() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// The date `days` days later (earlier when negative), or `None` past [`Date::MIN`] or
    /// [`Date::MAX`].
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The next day, or `None` after [`Date::MAX`].
    pub fn next_day(self) -> Option<Date> {
        self.add_days(1)
    }

    /// Parses SMS Partner's `scheduledDeliveryDate` format `dd/MM/yyyy`, strictly: two-digit
    /// day, two-digit month, four-digit year, slashes, nothing around it (`05/03/2026`).
    /// `5/3/2026`, spaces and impossible dates (`31/04/2026`, `29/02/2027`) are `None`.
    pub fn parse_dmy(text: &str) -> Option<Date> {
        match *text.as_bytes() {
            [d1, d2, b'/', m1, m2, b'/', y1, y2, y3, y4] => {
                let day = two_digits(d1, d2)?;
                let month = two_digits(m1, m2)?;
                let year = digits_value(&[y1, y2, y3, y4])?;
                Date::new(i32::try_from(year).ok()?, month, day)
            }
            _ => None,
        }
    }

    /// Parses an ISO 8601 calendar date `YYYY-MM-DD`, or the extended-year form that
    /// JavaScript writes for years outside 0–9999 (`+010000-01-01`, `-000001-12-31`; `-000000`
    /// is refused, as in JavaScript). Nothing may surround it.
    pub fn parse_iso(text: &str) -> Option<Date> {
        match parse_iso_date_prefix(text.as_bytes()) {
            Some((date, [])) => Some(date),
            _ => None,
        }
    }

    /// Writes the date as SMS Partner's `dd/MM/yyyy` (`05/03/2026`). Years outside 0–9999 do
    /// not fit that format: they are written with as many digits as needed and a leading `-`
    /// when negative, which SMS Partner will refuse.
    pub fn format_dmy(self) -> String {
        let mut out = String::with_capacity(10);
        push_two_digits(&mut out, self.day);
        out.push('/');
        push_two_digits(&mut out, self.month);
        out.push('/');
        if self.year < 0 {
            out.push('-');
        }
        push_padded(&mut out, u64::from(self.year.unsigned_abs()), 4);
        out
    }
}

/// ISO 8601 `YYYY-MM-DD`, with JavaScript's six-digit signed year outside 0–9999.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(14);
        push_iso_year(&mut out, i64::from(self.year));
        out.push('-');
        push_two_digits(&mut out, self.month);
        out.push('-');
        push_two_digits(&mut out, self.day);
        f.write_str(&out)
    }
}

impl Weekday {
    /// Monday = 1 … Sunday = 7 (ISO 8601).
    pub const fn iso_number(self) -> u8 {
        match self {
            Weekday::Monday => 1,
            Weekday::Tuesday => 2,
            Weekday::Wednesday => 3,
            Weekday::Thursday => 4,
            Weekday::Friday => 5,
            Weekday::Saturday => 6,
            Weekday::Sunday => 7,
        }
    }
}

impl Holiday {
    /// All eleven national holidays, in calendar order of their usual dates.
    pub const ALL: [Holiday; 11] = [
        Holiday::NewYearsDay,
        Holiday::EasterMonday,
        Holiday::LabourDay,
        Holiday::VictoryInEuropeDay,
        Holiday::AscensionDay,
        Holiday::WhitMonday,
        Holiday::BastilleDay,
        Holiday::AssumptionDay,
        Holiday::AllSaintsDay,
        Holiday::ArmisticeDay,
        Holiday::ChristmasDay,
    ];

    /// A stable snake_case identifier (`"easter_monday"`).
    pub const fn code(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "new_years_day",
            Holiday::EasterMonday => "easter_monday",
            Holiday::LabourDay => "labour_day",
            Holiday::VictoryInEuropeDay => "victory_in_europe_day",
            Holiday::AscensionDay => "ascension_day",
            Holiday::WhitMonday => "whit_monday",
            Holiday::BastilleDay => "bastille_day",
            Holiday::AssumptionDay => "assumption_day",
            Holiday::AllSaintsDay => "all_saints_day",
            Holiday::ArmisticeDay => "armistice_day",
            Holiday::ChristmasDay => "christmas_day",
        }
    }

    /// The date of this holiday in `year`, or `None` outside 1583..=9999.
    pub fn date_in(self, year: i32) -> Option<Date> {
        let fixed = |month, day| Date::new(year, month, day);
        match self {
            Holiday::NewYearsDay => fixed(1, 1).filter(|_| is_supported_year(year)),
            Holiday::EasterMonday => easter_sunday(year)?.add_days(1),
            Holiday::LabourDay => fixed(5, 1).filter(|_| is_supported_year(year)),
            Holiday::VictoryInEuropeDay => fixed(5, 8).filter(|_| is_supported_year(year)),
            Holiday::AscensionDay => easter_sunday(year)?.add_days(39),
            Holiday::WhitMonday => easter_sunday(year)?.add_days(50),
            Holiday::BastilleDay => fixed(7, 14).filter(|_| is_supported_year(year)),
            Holiday::AssumptionDay => fixed(8, 15).filter(|_| is_supported_year(year)),
            Holiday::AllSaintsDay => fixed(11, 1).filter(|_| is_supported_year(year)),
            Holiday::ArmisticeDay => fixed(11, 11).filter(|_| is_supported_year(year)),
            Holiday::ChristmasDay => fixed(12, 25).filter(|_| is_supported_year(year)),
        }
    }
}

/// Whether Easter and the holidays are computed for `year` (1583..=9999).
const fn is_supported_year(year: i32) -> bool {
    year >= FIRST_GREGORIAN_YEAR && year <= LAST_SUPPORTED_YEAR
}

/// Easter Sunday of `year` by the Gregorian computus (the "anonymous Gregorian algorithm"
/// published by Meeus, after Butcher), or `None` outside 1583..=9999.
pub fn easter_sunday(year: i32) -> Option<Date> {
    if !is_supported_year(year) {
        return None;
    }
    let golden = year % 19; // position in the 19-year Metonic cycle
    let century = year / 100;
    let year_of_century = year % 100;
    let leap_centuries = century / 4;
    let century_rest = century % 4;
    let moon_correction = (century + 8) / 25;
    let solar_correction = (century - moon_correction + 1) / 3;
    // Days from 21 March to the paschal full moon (the epact, adjusted).
    let full_moon = (19 * golden + century - leap_centuries - solar_correction + 15).rem_euclid(30);
    let leap_years = year_of_century / 4;
    let year_rest = year_of_century % 4;
    // Days from the full moon to the next Sunday.
    let to_sunday = (32 + 2 * century_rest + 2 * leap_years - full_moon - year_rest).rem_euclid(7);
    let exception = (golden + 11 * full_moon + 22 * to_sunday) / 451;
    let count = full_moon + to_sunday - 7 * exception + 114;
    let month = u8::try_from(count / 31).ok()?;
    let day = u8::try_from(count % 31 + 1).ok()?;
    Date::new(year, month, day)
}

/// The national public holiday of metropolitan France falling on `date`, if any.
///
/// The current list (Code du travail, article L3133-1) is applied to every year of
/// 1583..=9999; its history (14 July since 1880, 11 November since 1922, 8 May abolished from
/// 1959 to 1981…) is not modelled, and years outside that range have no holidays. When two
/// holidays fall on the same day (Ascension on 1 or 8 May, as on 1 May 2008), the fixed-date
/// one is returned.
pub fn french_public_holiday(date: Date) -> Option<Holiday> {
    if !is_supported_year(date.year) {
        return None;
    }
    let fixed = match (date.month, date.day) {
        (1, 1) => Some(Holiday::NewYearsDay),
        (5, 1) => Some(Holiday::LabourDay),
        (5, 8) => Some(Holiday::VictoryInEuropeDay),
        (7, 14) => Some(Holiday::BastilleDay),
        (8, 15) => Some(Holiday::AssumptionDay),
        (11, 1) => Some(Holiday::AllSaintsDay),
        (11, 11) => Some(Holiday::ArmisticeDay),
        (12, 25) => Some(Holiday::ChristmasDay),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // Easter-based holidays fall between 23 March and 14 June: skip the computus otherwise.
    if !(3..=6).contains(&date.month) {
        return None;
    }
    let easter = easter_sunday(date.year)?;
    match date.days_since_epoch() - easter.days_since_epoch() {
        1 => Some(Holiday::EasterMonday),
        39 => Some(Holiday::AscensionDay),
        50 => Some(Holiday::WhitMonday),
        _ => None,
    }
}

/// Whether `date` is a national public holiday of metropolitan France
/// (see [`french_public_holiday`]).
pub fn is_french_public_holiday(date: Date) -> bool {
    french_public_holiday(date).is_some()
}

/// The eleven national holidays of `year` with their dates, sorted by date (ties keep the
/// order of [`Holiday::ALL`]), or `None` outside 1583..=9999.
pub fn french_public_holidays(year: i32) -> Option<Vec<(Date, Holiday)>> {
    let mut list = Holiday::ALL
        .iter()
        .map(|&holiday| Some((holiday.date_in(year)?, holiday)))
        .collect::<Option<Vec<_>>>()?;
    list.sort_by_key(|&(date, _)| date);
    Some(list)
}

/// Parses `YYYY-MM-DD` (or `±YYYYYY-MM-DD`) at the start of `bytes`; returns the date and the
/// rest. Shared with the ISO 8601 instant parser in `paris_time`.
pub(crate) fn parse_iso_date_prefix(bytes: &[u8]) -> Option<(Date, &[u8])> {
    let (year, rest) = match *bytes {
        [sign @ (b'+' | b'-'), y1, y2, y3, y4, y5, y6, ref rest @ ..] => {
            let magnitude = digits_value(&[y1, y2, y3, y4, y5, y6])?;
            // JavaScript refuses "-000000" (year zero has exactly one spelling).
            if sign == b'-' && magnitude == 0 {
                return None;
            }
            let signed = if sign == b'-' {
                -i64::from(magnitude)
            } else {
                i64::from(magnitude)
            };
            (signed, rest)
        }
        [y1, y2, y3, y4, ref rest @ ..] => (i64::from(digits_value(&[y1, y2, y3, y4])?), rest),
        _ => return None,
    };
    match *rest {
        [b'-', m1, m2, b'-', d1, d2, ref rest @ ..] => {
            let date = Date::new(
                i32::try_from(year).ok()?,
                two_digits(m1, m2)?,
                two_digits(d1, d2)?,
            )?;
            Some((date, rest))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_number_limits_round_trip() {
        assert_eq!(Date::from_days_since_epoch(MIN_DAY_NUMBER), Some(Date::MIN));
        assert_eq!(Date::from_days_since_epoch(MAX_DAY_NUMBER), Some(Date::MAX));
        assert_eq!(Date::from_days_since_epoch(MIN_DAY_NUMBER - 1), None);
        assert_eq!(Date::from_days_since_epoch(MAX_DAY_NUMBER + 1), None);
        assert_eq!(Date::MIN.days_since_epoch(), MIN_DAY_NUMBER);
    }
}
