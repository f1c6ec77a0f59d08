//! Dates, weekdays, parsing, Easter and the French public holidays.

use proptest::prelude::*;
use smspartner_wasm::Lang;
use smspartner_wasm::{
    Date, Holiday, Weekday, days_in_month, easter_sunday, french_public_holiday,
    french_public_holidays, is_french_public_holiday, is_leap_year,
};

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

#[test]
fn new_validates_months_days_and_leap_years() {
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2000, 2, 29).is_some());
    assert!(Date::new(1900, 2, 29).is_none());
    assert!(Date::new(2026, 2, 29).is_none());
    assert!(Date::new(2026, 4, 31).is_none());
    assert!(Date::new(2026, 12, 31).is_some());
    assert!(Date::new(2026, 0, 1).is_none());
    assert!(Date::new(2026, 13, 1).is_none());
    assert!(Date::new(2026, 1, 0).is_none());
    assert!(Date::new(2026, 1, 32).is_none());
    assert!(Date::new(i32::MIN, 1, 1).is_some());
    assert!(Date::new(i32::MAX, 12, 31).is_some());
    let d = date(2026, 11, 29);
    assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 29));
}

#[test]
fn leap_years_and_month_lengths() {
    assert!(is_leap_year(2024));
    assert!(is_leap_year(2000));
    assert!(is_leap_year(1600));
    assert!(!is_leap_year(1900));
    assert!(!is_leap_year(2100));
    assert!(!is_leap_year(2026));
    assert!(is_leap_year(0));
    assert!(is_leap_year(-4));
    assert_eq!(days_in_month(2024, 2), Some(29));
    assert_eq!(days_in_month(2026, 2), Some(28));
    assert_eq!(days_in_month(2026, 9), Some(30));
    assert_eq!(days_in_month(2026, 13), None);
}

#[test]
fn days_since_epoch_known_values() {
    // Reference values from Python's datetime.date arithmetic.
    let cases = [
        (date(1970, 1, 1), 0),
        (date(1969, 12, 31), -1),
        (date(2000, 1, 1), 10_957),
        (date(2000, 3, 1), 11_017),
        (date(2026, 11, 29), 20_786),
        (date(1583, 1, 1), -141_349),
        (date(9999, 12, 31), 2_932_896),
    ];
    for (d, days) in cases {
        assert_eq!(d.days_since_epoch(), days, "{d}");
        assert_eq!(Date::from_days_since_epoch(days), Some(d));
    }
    assert_eq!(Date::UNIX_EPOCH.days_since_epoch(), 0);
}

#[test]
fn day_numbers_outside_the_range_are_refused_or_clamped() {
    assert_eq!(Date::from_days_since_epoch(i64::MAX), None);
    assert_eq!(Date::from_days_since_epoch(i64::MIN), None);
    assert_eq!(Date::from_days_since_epoch_clamped(i64::MAX), Date::MAX);
    assert_eq!(Date::from_days_since_epoch_clamped(i64::MIN), Date::MIN);
    assert_eq!(Date::MAX.next_day(), None);
    assert_eq!(Date::MIN.add_days(-1), None);
    assert_eq!(Date::MAX.add_days(i64::MAX), None);
    assert_eq!(Date::MIN.add_days(i64::MIN), None);
}

#[test]
fn weekdays() {
    assert_eq!(date(1970, 1, 1).weekday(), Weekday::Thursday);
    assert_eq!(date(2026, 1, 1).weekday(), Weekday::Thursday);
    assert_eq!(date(2026, 3, 29).weekday(), Weekday::Sunday);
    assert_eq!(date(2026, 10, 25).weekday(), Weekday::Sunday);
    assert_eq!(date(2026, 11, 30).weekday(), Weekday::Monday);
    assert_eq!(date(2000, 2, 29).weekday(), Weekday::Tuesday);
    assert_eq!(date(1969, 12, 31).weekday(), Weekday::Wednesday);
    assert_eq!(date(1583, 1, 1).weekday(), Weekday::Saturday);
    assert_eq!(Weekday::Monday.iso_number(), 1);
    assert_eq!(Weekday::Sunday.iso_number(), 7);
    assert_eq!(Weekday::Sunday.name(Lang::En), "Sunday");
    assert_eq!(Weekday::Sunday.name(Lang::Fr), "dimanche");
}

#[test]
fn add_days_crosses_months_years_and_leap_days() {
    assert_eq!(date(2026, 12, 31).add_days(1), Some(date(2027, 1, 1)));
    assert_eq!(date(2024, 2, 28).add_days(1), Some(date(2024, 2, 29)));
    assert_eq!(date(2026, 2, 28).add_days(1), Some(date(2026, 3, 1)));
    assert_eq!(date(2026, 3, 1).add_days(-1), Some(date(2026, 2, 28)));
    assert_eq!(date(2026, 4, 5).add_days(39), Some(date(2026, 5, 14)));
    assert_eq!(date(2026, 1, 1).add_days(365), Some(date(2027, 1, 1)));
    assert_eq!(date(2024, 1, 1).add_days(366), Some(date(2025, 1, 1)));
}

#[test]
fn parse_dmy_is_strict() {
    assert_eq!(Date::parse_dmy("29/11/2026"), Some(date(2026, 11, 29)));
    assert_eq!(Date::parse_dmy("05/03/2026"), Some(date(2026, 3, 5)));
    assert_eq!(Date::parse_dmy("29/02/2028"), Some(date(2028, 2, 29)));
    for bad in [
        "5/3/2026",
        "05/3/2026",
        "5/03/2026",
        "05/03/26",
        "05/03/02026",
        "29/02/2027",
        "31/04/2026",
        "00/01/2026",
        "01/00/2026",
        "01/13/2026",
        " 05/03/2026",
        "05/03/2026 ",
        "05-03-2026",
        "2026-03-05",
        "05/03/2O26",
        "",
        "+5/03/2026",
        "０５/03/2026",
    ] {
        assert_eq!(Date::parse_dmy(bad), None, "{bad:?}");
    }
}

#[test]
fn parse_iso_dates() {
    assert_eq!(Date::parse_iso("2026-11-29"), Some(date(2026, 11, 29)));
    assert_eq!(Date::parse_iso("0000-01-01"), Some(date(0, 1, 1)));
    assert_eq!(Date::parse_iso("+010000-01-01"), Some(date(10_000, 1, 1)));
    assert_eq!(Date::parse_iso("-000001-12-31"), Some(date(-1, 12, 31)));
    assert_eq!(Date::parse_iso("+002026-11-29"), Some(date(2026, 11, 29)));
    for bad in [
        "2026-11-29T00:00",
        "2026-11-31",
        "2026-1-29",
        "26-11-29",
        "-000000-01-01",
        "2026/11/29",
        "20261129",
        "2026-11-29 ",
        "",
    ] {
        assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
    }
}

#[test]
fn formatting() {
    assert_eq!(date(2026, 3, 5).to_string(), "2026-03-05");
    assert_eq!(date(10_000, 1, 1).to_string(), "+010000-01-01");
    assert_eq!(date(-1, 12, 31).to_string(), "-000001-12-31");
    assert_eq!(date(33, 1, 2).to_string(), "0033-01-02");
    assert_eq!(date(2026, 3, 5).format_dmy(), "05/03/2026");
    assert_eq!(date(933, 3, 5).format_dmy(), "05/03/0933");
    assert_eq!(date(12_345, 3, 5).format_dmy(), "05/03/12345");
    assert_eq!(date(-5, 3, 5).format_dmy(), "05/03/-0005");
}

#[test]
fn easter_sundays_match_the_published_tables() {
    let table = [
        (1583, 4, 10),
        (1818, 3, 22), // earliest possible date
        (1943, 4, 25), // latest possible date
        (1954, 4, 18),
        (2000, 4, 23),
        (2008, 3, 23),
        (2011, 4, 24),
        (2019, 4, 21),
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
        (2038, 4, 25),
        (2285, 3, 22),
    ];
    for (year, month, day) in table {
        assert_eq!(easter_sunday(year), Some(date(year, month, day)), "{year}");
    }
}

#[test]
fn easter_is_always_a_sunday_between_22_march_and_25_april() {
    for year in 1583..=9999 {
        let easter = easter_sunday(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sunday, "{year}");
        assert!(
            easter >= date(year, 3, 22) && easter <= date(year, 4, 25),
            "{year}"
        );
    }
}

#[test]
fn easter_outside_the_supported_years_is_none() {
    assert_eq!(easter_sunday(1582), None);
    assert_eq!(easter_sunday(10_000), None);
    assert_eq!(easter_sunday(i32::MIN), None);
    assert_eq!(easter_sunday(i32::MAX), None);
}

#[test]
fn movable_holidays_2024_to_2030() {
    // (year, Easter Monday, Ascension, Whit Monday) as (month, day).
    let table = [
        (2024, (4, 1), (5, 9), (5, 20)),
        (2025, (4, 21), (5, 29), (6, 9)),
        (2026, (4, 6), (5, 14), (5, 25)),
        (2027, (3, 29), (5, 6), (5, 17)),
        (2028, (4, 17), (5, 25), (6, 5)),
        (2029, (4, 2), (5, 10), (5, 21)),
        (2030, (4, 22), (5, 30), (6, 10)),
    ];
    for (year, monday, ascension, whit) in table {
        let check = |(month, day): (u8, u8), holiday: Holiday, weekday: Weekday| {
            let d = date(year, month, day);
            assert_eq!(french_public_holiday(d), Some(holiday), "{d}");
            assert_eq!(d.weekday(), weekday, "{d}");
            assert_eq!(holiday.date_in(year), Some(d));
        };
        check(monday, Holiday::EasterMonday, Weekday::Monday);
        check(ascension, Holiday::AscensionDay, Weekday::Thursday);
        check(whit, Holiday::WhitMonday, Weekday::Monday);
        // Easter Sunday itself and Good Friday are not national holidays.
        let easter = easter_sunday(year).unwrap();
        assert_eq!(french_public_holiday(easter), None);
        assert_eq!(french_public_holiday(easter.add_days(-2).unwrap()), None);
    }
}

#[test]
fn fixed_holidays_every_year() {
    let fixed = [
        ((1, 1), Holiday::NewYearsDay),
        ((5, 1), Holiday::LabourDay),
        ((5, 8), Holiday::VictoryInEuropeDay),
        ((7, 14), Holiday::BastilleDay),
        ((8, 15), Holiday::AssumptionDay),
        ((11, 1), Holiday::AllSaintsDay),
        ((11, 11), Holiday::ArmisticeDay),
        ((12, 25), Holiday::ChristmasDay),
    ];
    for year in [1583, 1900, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 9999] {
        for ((month, day), holiday) in fixed {
            let d = date(year, month, day);
            assert_eq!(french_public_holiday(d), Some(holiday), "{d}");
            assert!(is_french_public_holiday(d));
        }
        // Alsace-Moselle's local holidays are not national ones.
        assert!(!is_french_public_holiday(date(year, 12, 26)));
        assert!(!is_french_public_holiday(date(year, 12, 24)));
        assert!(!is_french_public_holiday(date(year, 12, 31)));
    }
}

#[test]
fn eleven_holidays_per_year() {
    for year in 2024..=2030 {
        let list = french_public_holidays(year).unwrap();
        assert_eq!(list.len(), 11);
        assert!(list.windows(2).all(|pair| pair[0].0 <= pair[1].0));
        let mut count = 0;
        let mut day = date(year, 1, 1);
        while day.year() == year {
            if is_french_public_holiday(day) {
                count += 1;
            }
            day = day.next_day().unwrap();
        }
        assert_eq!(count, 11, "{year}");
    }
    assert_eq!(french_public_holidays(1582), None);
    assert_eq!(french_public_holidays(10_000), None);
}

#[test]
fn coinciding_holidays_return_the_fixed_one() {
    // 2008: Easter 23 March, Ascension 1 May.
    assert_eq!(Holiday::AscensionDay.date_in(2008), Some(date(2008, 5, 1)));
    assert_eq!(
        french_public_holiday(date(2008, 5, 1)),
        Some(Holiday::LabourDay)
    );
    // The list of 2008 still names all eleven, two of them on 1 May.
    let list = french_public_holidays(2008).unwrap();
    assert_eq!(list.len(), 11);
}

#[test]
fn no_holidays_outside_the_supported_years() {
    assert_eq!(french_public_holiday(date(1582, 12, 25)), None);
    assert_eq!(french_public_holiday(date(10_000, 1, 1)), None);
    assert_eq!(french_public_holiday(date(-44, 7, 14)), None);
    assert_eq!(Holiday::ChristmasDay.date_in(10_000), None);
}

#[test]
fn holiday_names_in_both_languages() {
    for holiday in Holiday::ALL {
        let en = holiday.name(Lang::En);
        let fr = holiday.name(Lang::Fr);
        assert!(!en.is_empty() && !fr.is_empty());
        assert!(!holiday.code().is_empty());
        assert!(
            holiday
                .code()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
        );
    }
    assert_eq!(Holiday::EasterMonday.name(Lang::En), "Easter Monday");
    assert_eq!(Holiday::EasterMonday.name(Lang::Fr), "Lundi de Pâques");
    assert_eq!(Holiday::WhitMonday.name(Lang::Fr), "Lundi de Pentecôte");
    assert_eq!(Holiday::BastilleDay.name(Lang::Fr), "Fête nationale");
}

proptest! {
    #[test]
    fn day_numbers_round_trip(days in -1_000_000_000_000i64..1_000_000_000_000i64) {
        if let Some(d) = Date::from_days_since_epoch(days) {
            prop_assert_eq!(d.days_since_epoch(), days);
            prop_assert_eq!(Date::new(d.year(), d.month(), d.day()), Some(d));
            prop_assert_eq!(d.add_days(1).map(|next| next.days_since_epoch()), Some(days + 1));
        }
    }

    #[test]
    fn day_functions_never_panic(days in any::<i64>(), offset in any::<i64>()) {
        let d = Date::from_days_since_epoch_clamped(days);
        let _ = d.add_days(offset);
        let _ = d.weekday();
        let _ = d.to_string();
        let _ = d.format_dmy();
        let _ = french_public_holiday(d);
    }

    #[test]
    fn new_never_panics(year in any::<i32>(), month in any::<u8>(), day in any::<u8>()) {
        if let Some(d) = Date::new(year, month, day) {
            prop_assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
            prop_assert_eq!(d.weekday().iso_number() as i64 - 1,
                (d.days_since_epoch() + 3).rem_euclid(7));
        }
    }

    #[test]
    fn date_formats_round_trip(days in -3_000_000i64..3_000_000) {
        let d = Date::from_days_since_epoch(days).unwrap();
        prop_assert_eq!(Date::parse_iso(&d.to_string()), Some(d));
        if (0..=9999).contains(&d.year()) {
            prop_assert_eq!(Date::parse_dmy(&d.format_dmy()), Some(d));
        }
    }

    #[test]
    fn parsers_never_panic(text in any::<String>()) {
        let _ = Date::parse_dmy(&text);
        let _ = Date::parse_iso(&text);
    }

    #[test]
    fn parsers_never_panic_on_date_like_text(text in "[-+0-9/]{0,14}") {
        let _ = Date::parse_dmy(&text);
        let _ = Date::parse_iso(&text);
    }
}
