//! Europe/Paris time: offsets, summer-time nights, local readings and ISO 8601.

use proptest::prelude::*;
use smspartner_wasm::Date;
use smspartner_wasm::{
    MAX_JS_TIME_MS, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, format_iso8601, format_iso8601_paris,
    from_local, is_summer_time, parse_iso8601, summer_time_period, to_local, utc_offset_minutes,
};

fn date(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

/// A UTC instant, built from the date's day number (checked against fixed values below).
fn utc(year: i32, month: u8, day: u8, hour: i64, minute: i64, ms: i64) -> i64 {
    date(year, month, day).days_since_epoch() * MS_PER_DAY
        + hour * MS_PER_HOUR
        + minute * MS_PER_MINUTE
        + ms
}

/// (hour, minute, second, millisecond, offset) of the Paris reading.
fn clock(ms: i64) -> (Date, u8, u8, u8, u16, i32) {
    let l = to_local(ms);
    (
        l.date,
        l.hour,
        l.minute,
        l.second,
        l.millisecond,
        l.utc_offset_minutes,
    )
}

#[test]
fn utc_helper_matches_fixed_instants() {
    // Values from Python's datetime with tzinfo=UTC.
    assert_eq!(utc(2026, 3, 29, 1, 0, 0), 1_774_746_000_000);
    assert_eq!(utc(2026, 10, 25, 1, 0, 0), 1_792_890_000_000);
    assert_eq!(utc(2026, 11, 29, 21, 5, 0), 1_795_986_300_000);
}

/// Summer-time transitions 1996–2037 (day of March, day of October), from the IANA tz
/// database's Europe/Paris zone.
const TRANSITIONS: [(i32, u8, u8); 42] = [
    (1996, 31, 27),
    (1997, 30, 26),
    (1998, 29, 25),
    (1999, 28, 31),
    (2000, 26, 29),
    (2001, 25, 28),
    (2002, 31, 27),
    (2003, 30, 26),
    (2004, 28, 31),
    (2005, 27, 30),
    (2006, 26, 29),
    (2007, 25, 28),
    (2008, 30, 26),
    (2009, 29, 25),
    (2010, 28, 31),
    (2011, 27, 30),
    (2012, 25, 28),
    (2013, 31, 27),
    (2014, 30, 26),
    (2015, 29, 25),
    (2016, 27, 30),
    (2017, 26, 29),
    (2018, 25, 28),
    (2019, 31, 27),
    (2020, 29, 25),
    (2021, 28, 31),
    (2022, 27, 30),
    (2023, 26, 29),
    (2024, 31, 27),
    (2025, 30, 26),
    (2026, 29, 25),
    (2027, 28, 31),
    (2028, 26, 29),
    (2029, 25, 28),
    (2030, 31, 27),
    (2031, 30, 26),
    (2032, 28, 31),
    (2033, 27, 30),
    (2034, 26, 29),
    (2035, 25, 28),
    (2036, 30, 26),
    (2037, 29, 25),
];

#[test]
fn transitions_match_the_tz_database() {
    for (year, march, october) in TRANSITIONS {
        let start = utc(year, 3, march, 1, 0, 0);
        let end = utc(year, 10, october, 1, 0, 0);
        assert_eq!(summer_time_period(year), Some((start, end)), "{year}");
        assert_eq!(utc_offset_minutes(start - 1), 60, "{year}");
        assert_eq!(utc_offset_minutes(start), 120, "{year}");
        assert_eq!(utc_offset_minutes(end - 1), 120, "{year}");
        assert_eq!(utc_offset_minutes(end), 60, "{year}");
        assert!(is_summer_time(utc(year, 7, 1, 12, 0, 0)));
        assert!(!is_summer_time(utc(year, 1, 1, 0, 0, 0)));
        assert!(!is_summer_time(utc(year, 12, 31, 23, 59, 59_999)));
    }
}

#[test]
fn spring_night_2026() {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    let change = utc(2026, 3, 29, 1, 0, 0);
    let d = date(2026, 3, 29);
    assert_eq!(clock(change - 1), (d, 1, 59, 59, 999, 60));
    assert_eq!(clock(change), (d, 3, 0, 0, 0, 120));
    assert_eq!(
        clock(utc(2026, 3, 29, 0, 59, 59_999)),
        (d, 1, 59, 59, 999, 60)
    );
    assert_eq!(
        clock(utc(2026, 3, 29, 1, 59, 59_999)),
        (d, 3, 59, 59, 999, 120)
    );
    assert_eq!(clock(utc(2026, 3, 28, 23, 0, 0)), (d, 0, 0, 0, 0, 60));
}

#[test]
fn autumn_night_2026() {
    // 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
    let change = utc(2026, 10, 25, 1, 0, 0);
    let d = date(2026, 10, 25);
    assert_eq!(clock(change - 1), (d, 2, 59, 59, 999, 120));
    assert_eq!(clock(change), (d, 2, 0, 0, 0, 60));
    assert_eq!(clock(utc(2026, 10, 25, 0, 0, 0)), (d, 2, 0, 0, 0, 120));
    assert_eq!(
        clock(utc(2026, 10, 25, 1, 59, 59_999)),
        (d, 2, 59, 59, 999, 60)
    );
    assert_eq!(clock(utc(2026, 10, 24, 22, 0, 0)), (d, 0, 0, 0, 0, 120));
}

#[test]
fn local_date_changes_at_local_midnight() {
    // Winter: midnight in Paris is 23:00 UTC the day before.
    assert_eq!(
        clock(utc(2026, 12, 31, 22, 59, 59_999)).0,
        date(2026, 12, 31)
    );
    assert_eq!(clock(utc(2026, 12, 31, 23, 0, 0)).0, date(2027, 1, 1));
    // Summer: 22:00 UTC.
    assert_eq!(clock(utc(2026, 7, 13, 22, 0, 0)).0, date(2026, 7, 14));
    assert_eq!(
        to_local(utc(2026, 7, 13, 22, 0, 0)).weekday(),
        date(2026, 7, 14).weekday()
    );
    // Before the epoch.
    assert_eq!(clock(-1), (date(1970, 1, 1), 0, 59, 59, 999, 60));
    assert_eq!(
        clock(-MS_PER_HOUR - 1),
        (date(1969, 12, 31), 23, 59, 59, 999, 60)
    );
}

#[test]
fn from_local_ordinary_times() {
    assert_eq!(
        from_local(date(2026, 11, 29), 22, 5),
        Some(utc(2026, 11, 29, 21, 5, 0))
    );
    assert_eq!(
        from_local(date(2026, 7, 14), 8, 0),
        Some(utc(2026, 7, 14, 6, 0, 0))
    );
    assert_eq!(
        from_local(date(2027, 1, 1), 0, 0),
        Some(utc(2026, 12, 31, 23, 0, 0))
    );
    assert_eq!(from_local(date(1970, 1, 1), 1, 0), Some(0));
}

#[test]
fn from_local_spring_gap_moves_forward() {
    let d = date(2026, 3, 29);
    assert_eq!(from_local(d, 1, 59), Some(utc(2026, 3, 29, 0, 59, 0)));
    // 02:00–02:59 does not exist: read at +01:00, i.e. one hour later in CEST.
    assert_eq!(from_local(d, 2, 0), Some(utc(2026, 3, 29, 1, 0, 0)));
    assert_eq!(from_local(d, 2, 30), Some(utc(2026, 3, 29, 1, 30, 0)));
    assert_eq!(clock(from_local(d, 2, 30).unwrap()), (d, 3, 30, 0, 0, 120));
    assert_eq!(from_local(d, 2, 59), Some(utc(2026, 3, 29, 1, 59, 0)));
    assert_eq!(from_local(d, 3, 0), Some(utc(2026, 3, 29, 1, 0, 0)));
    assert_eq!(from_local(d, 3, 30), Some(utc(2026, 3, 29, 1, 30, 0)));
}

#[test]
fn from_local_autumn_overlap_takes_the_first_occurrence() {
    let d = date(2026, 10, 25);
    assert_eq!(from_local(d, 1, 59), Some(utc(2026, 10, 24, 23, 59, 0)));
    assert_eq!(from_local(d, 2, 0), Some(utc(2026, 10, 25, 0, 0, 0)));
    assert_eq!(from_local(d, 2, 30), Some(utc(2026, 10, 25, 0, 30, 0)));
    assert_eq!(from_local(d, 2, 59), Some(utc(2026, 10, 25, 0, 59, 0)));
    assert_eq!(from_local(d, 3, 0), Some(utc(2026, 10, 25, 2, 0, 0)));
}

#[test]
fn from_local_dst_nights_of_other_years() {
    for (year, march, october) in TRANSITIONS {
        let spring = date(year, 3, march);
        let autumn = date(year, 10, october);
        assert_eq!(
            from_local(spring, 2, 30),
            Some(utc(year, 3, march, 1, 30, 0))
        );
        assert_eq!(from_local(spring, 8, 0), Some(utc(year, 3, march, 6, 0, 0)));
        assert_eq!(
            from_local(autumn, 2, 30),
            Some(utc(year, 10, october, 0, 30, 0))
        );
        assert_eq!(
            from_local(autumn, 8, 0),
            Some(utc(year, 10, october, 7, 0, 0))
        );
    }
}

#[test]
fn from_local_refuses_impossible_clock_readings() {
    let d = date(2026, 11, 29);
    assert_eq!(from_local(d, 24, 0), None);
    assert_eq!(from_local(d, 23, 60), None);
    assert_eq!(from_local(d, 255, 255), None);
    assert_eq!(from_local(Date::MAX, 23, 59), None);
    assert_eq!(from_local(Date::MIN, 0, 0), None);
}

#[test]
fn format_like_javascript() {
    assert_eq!(format_iso8601(0), "1970-01-01T00:00:00.000Z");
    assert_eq!(format_iso8601(-1), "1969-12-31T23:59:59.999Z");
    assert_eq!(
        format_iso8601(1_795_986_300_000),
        "2026-11-29T21:05:00.000Z"
    );
    assert_eq!(
        format_iso8601(1_795_986_300_007),
        "2026-11-29T21:05:00.007Z"
    );
    assert_eq!(
        format_iso8601(MAX_JS_TIME_MS),
        "+275760-09-13T00:00:00.000Z"
    );
    assert_eq!(
        format_iso8601(-MAX_JS_TIME_MS),
        "-271821-04-20T00:00:00.000Z"
    );
    assert_eq!(
        format_iso8601(253_402_300_800_000),
        "+010000-01-01T00:00:00.000Z"
    );
    assert_eq!(
        format_iso8601(253_402_300_799_999),
        "9999-12-31T23:59:59.999Z"
    );
    assert_eq!(
        format_iso8601(-62_167_219_200_000),
        "0000-01-01T00:00:00.000Z"
    );
    assert_eq!(
        format_iso8601(-62_167_219_200_001),
        "-000001-12-31T23:59:59.999Z"
    );
    // Beyond JavaScript's range: still the true date, with more digits.
    assert_eq!(format_iso8601(i64::MAX), "+292278994-08-17T07:12:55.807Z");
    assert_eq!(format_iso8601(i64::MIN), "-292275055-05-16T16:47:04.192Z");
}

#[test]
fn format_paris() {
    assert_eq!(
        format_iso8601_paris(1_795_986_300_000),
        "2026-11-29T22:05:00.000+01:00"
    );
    assert_eq!(
        format_iso8601_paris(utc(2026, 7, 14, 6, 0, 0)),
        "2026-07-14T08:00:00.000+02:00"
    );
    let _ = format_iso8601_paris(i64::MAX);
    let _ = format_iso8601_paris(i64::MIN);
}

#[test]
fn parse_accepted_forms() {
    let base = utc(2026, 11, 29, 21, 5, 0);
    let cases = [
        ("2026-11-29T21:05:00.000Z", base),
        ("2026-11-29T21:05:00Z", base),
        ("2026-11-29T21:05Z", base),
        ("2026-11-29t21:05:00z", base),
        ("2026-11-29 21:05:00Z", base),
        ("2026-11-29T21:05:00.123Z", base + 123),
        ("2026-11-29T21:05:00.5Z", base + 500),
        ("2026-11-29T21:05:00.12Z", base + 120),
        ("2026-11-29T21:05:00,250Z", base + 250),
        ("2026-11-29T21:05:00.123999999Z", base + 123),
        ("2026-11-29T22:05:00+01:00", base),
        ("2026-11-29T22:05:00.000+01:00", base),
        ("2026-11-29T22:05+0100", base),
        ("2026-11-29T22:05+01", base),
        ("2026-11-29T15:35:00-05:30", base),
        ("2026-11-29T21:05:00+00:00", base),
        ("2026-11-29T21:05:00-00:00", base),
        ("2026-11-30T00:05:00+03:00", base),
        ("2026-11-29", utc(2026, 11, 29, 0, 0, 0)),
        ("1970-01-01", 0),
        ("1970-01-01T00:00:00.000Z", 0),
        ("2026-11-29T24:00Z", utc(2026, 11, 30, 0, 0, 0)),
        ("2026-11-29T24:00:00.000Z", utc(2026, 11, 30, 0, 0, 0)),
        ("+275760-09-13T00:00:00.000Z", MAX_JS_TIME_MS),
        ("-271821-04-20T00:00:00.000Z", -MAX_JS_TIME_MS),
        ("+010000-01-01T00:00:00.000Z", 253_402_300_800_000),
        ("-000001-12-31T23:59:59.999Z", -62_167_219_200_001),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_iso8601(text), Some(expected), "{text}");
    }
}

#[test]
fn parse_without_zone_reads_paris_time() {
    assert_eq!(
        parse_iso8601("2026-11-29T22:05"),
        Some(utc(2026, 11, 29, 21, 5, 0))
    );
    assert_eq!(
        parse_iso8601("2026-07-14T08:00:00"),
        Some(utc(2026, 7, 14, 6, 0, 0))
    );
    assert_eq!(
        parse_iso8601("2026-07-14T08:00:00.250"),
        Some(utc(2026, 7, 14, 6, 0, 250))
    );
    // The policy of from_local on the summer-time nights.
    assert_eq!(
        parse_iso8601("2026-03-29T02:30"),
        Some(utc(2026, 3, 29, 1, 30, 0))
    );
    assert_eq!(
        parse_iso8601("2026-10-25T02:30"),
        Some(utc(2026, 10, 25, 0, 30, 0))
    );
    // 24:00 is midnight at the end of the day, in Paris.
    assert_eq!(
        parse_iso8601("2026-11-29T24:00"),
        Some(utc(2026, 11, 29, 23, 0, 0))
    );
}

#[test]
fn parse_refuses_bad_strings() {
    for bad in [
        "",
        " ",
        "2026",
        "2026-11",
        "2026-11-29T",
        "2026-11-29T21",
        "2026-11-29T21:5",
        "2026-11-29T21:05:0Z",
        "2026-13-01",
        "2026-02-29",
        "2026-11-31T00:00Z",
        "2026-11-29T25:00Z",
        "2026-11-29T24:01Z",
        "2026-11-29T24:00:01Z",
        "2026-11-29T24:00:00.001Z",
        "2026-11-29T21:60Z",
        "2026-11-29T21:05:60Z",
        "2026-11-29T21:05:00.Z",
        "2026-11-29T21:05:00.1234567890Z",
        "2026-11-29T21:05:00.000ZZ",
        "2026-11-29T21:05:00.000Z ",
        " 2026-11-29T21:05:00.000Z",
        "2026-11-29T21:05+24:00",
        "2026-11-29T21:05+01:60",
        "2026-11-29T21:05+1",
        "2026-11-29T21:05+01:0",
        "2026-11-29T21:05UTC",
        "2026-11-29Z",
        "2026-11-29X21:05Z",
        "-000000-01-01T00:00:00.000Z",
        "+275760-09-13T00:00:00.001Z",
        "-271821-04-19T23:59:59.999Z",
        "+999999-12-31T23:59:59.999Z",
        "29/11/2026",
        "2026-11-29T21:05:00.000\u{0}",
        "２０２６-11-29",
        "1795986300000",
        "NaN",
    ] {
        assert_eq!(parse_iso8601(bad), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn format_then_parse_round_trips(ms in -MAX_JS_TIME_MS..=MAX_JS_TIME_MS) {
        let text = format_iso8601(ms);
        prop_assert_eq!(parse_iso8601(&text), Some(ms), "{}", text);
    }

    #[test]
    fn paris_format_then_parse_round_trips(ms in -4_000_000_000_000i64..=4_000_000_000_000) {
        prop_assert_eq!(parse_iso8601(&format_iso8601_paris(ms)), Some(ms));
    }

    #[test]
    fn nothing_panics_on_any_instant(ms in any::<i64>()) {
        let local = to_local(ms);
        prop_assert!(local.hour < 24 && local.minute < 60 && local.second < 60);
        prop_assert!(local.millisecond < 1000);
        prop_assert!(local.utc_offset_minutes == 60 || local.utc_offset_minutes == 120);
        let _ = format_iso8601(ms);
        let _ = format_iso8601_paris(ms);
        let _ = from_local(local.date, local.hour, local.minute);
    }

    #[test]
    fn parse_never_panics(text in any::<String>()) {
        if let Some(ms) = parse_iso8601(&text) {
            prop_assert!((-MAX_JS_TIME_MS..=MAX_JS_TIME_MS).contains(&ms));
        }
    }

    #[test]
    fn parse_never_panics_on_iso_like_text(text in "[-+0-9:.,TZ ]{0,32}") {
        let _ = parse_iso8601(&text);
    }

    #[test]
    fn local_reading_converts_back(ms in -4_000_000_000_000i64..=4_000_000_000_000) {
        let local = to_local(ms);
        let minute_start = ms - ms.rem_euclid(MS_PER_MINUTE);
        let back = from_local(local.date, local.hour, local.minute).unwrap();
        if back != minute_start {
            // Only the second 02:00–02:59 of an autumn night (in CET) reads back one hour
            // earlier, as the first occurrence.
            prop_assert_eq!(back, minute_start - MS_PER_HOUR);
            prop_assert_eq!(local.utc_offset_minutes, 60);
            prop_assert_eq!(local.hour, 2);
            prop_assert_eq!(local.date.month(), 10);
        }
    }

    #[test]
    fn offset_is_constant_outside_transitions(ms in -4_000_000_000_000i64..=4_000_000_000_000) {
        let local = to_local(ms);
        let wall = local.date.days_since_epoch() * MS_PER_DAY
            + i64::from(local.hour) * MS_PER_HOUR
            + i64::from(local.minute) * MS_PER_MINUTE
            + i64::from(local.second) * 1000
            + i64::from(local.millisecond);
        prop_assert_eq!(wall - ms, i64::from(local.utc_offset_minutes) * MS_PER_MINUTE);
    }
}
