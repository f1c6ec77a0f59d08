//! The commercial sending window: Monday–Saturday 08:00–20:00 Paris time, no Sundays or holidays.

use proptest::prelude::*;
use smspartner_wasm::Lang;
use smspartner_wasm::{Date, Holiday};
use smspartner_wasm::{
    Delay, QuietReason, effective_send_time, is_open, quiet_delay, quiet_reason,
};
use smspartner_wasm::{MAX_JS_TIME_MS, MS_PER_MINUTE, format_iso8601_paris, from_local};

/// The instant of a Paris wall-clock reading.
fn paris(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> i64 {
    from_local(Date::new(year, month, day).unwrap(), hour, minute).unwrap()
}

/// `effective_send_time` for a commercial message, written in Paris time for readable failures.
fn leaves_at(at: i64) -> String {
    format_iso8601_paris(effective_send_time(at, true))
}

#[test]
fn winter_weekday_edges() {
    // Tuesday 24 November 2026, CET.
    assert!(!is_open(paris(2026, 11, 24, 7, 59)));
    assert!(!is_open(paris(2026, 11, 24, 8, 0) - 1));
    assert!(is_open(paris(2026, 11, 24, 8, 0)));
    assert!(is_open(paris(2026, 11, 24, 19, 59)));
    assert!(is_open(paris(2026, 11, 24, 20, 0) - 1));
    assert!(!is_open(paris(2026, 11, 24, 20, 0)));
    assert_eq!(
        leaves_at(paris(2026, 11, 24, 7, 59)),
        "2026-11-24T08:00:00.000+01:00"
    );
    assert_eq!(
        leaves_at(paris(2026, 11, 24, 0, 0)),
        "2026-11-24T08:00:00.000+01:00"
    );
    let at = paris(2026, 11, 24, 8, 0);
    assert_eq!(effective_send_time(at, true), at);
    let at = paris(2026, 11, 24, 19, 59) + 59_999;
    assert_eq!(effective_send_time(at, true), at);
    assert_eq!(
        leaves_at(paris(2026, 11, 24, 20, 0)),
        "2026-11-25T08:00:00.000+01:00"
    );
    assert_eq!(
        leaves_at(paris(2026, 11, 24, 23, 59)),
        "2026-11-25T08:00:00.000+01:00"
    );
}

#[test]
fn summer_weekday_edges() {
    // Wednesday 8 July 2026, CEST.
    assert!(!is_open(paris(2026, 7, 8, 7, 59)));
    assert!(is_open(paris(2026, 7, 8, 8, 0)));
    assert!(is_open(paris(2026, 7, 8, 19, 59)));
    assert!(!is_open(paris(2026, 7, 8, 20, 0)));
    assert_eq!(
        leaves_at(paris(2026, 7, 8, 7, 59)),
        "2026-07-08T08:00:00.000+02:00"
    );
    assert_eq!(
        leaves_at(paris(2026, 7, 8, 20, 0)),
        "2026-07-09T08:00:00.000+02:00"
    );
    assert_eq!(
        effective_send_time(paris(2026, 7, 8, 20, 0), true),
        paris(2026, 7, 9, 8, 0)
    );
}

#[test]
fn saturday_is_open_in_the_day() {
    assert!(is_open(paris(2026, 11, 28, 8, 0)));
    assert!(is_open(paris(2026, 11, 28, 19, 59)));
}

#[test]
fn saturday_evening_waits_for_monday() {
    let at = paris(2026, 11, 28, 21, 0);
    assert_eq!(leaves_at(at), "2026-11-30T08:00:00.000+01:00");
    assert_eq!(
        quiet_delay(at),
        Some(Delay {
            until_ms: paris(2026, 11, 30, 8, 0),
            reason: QuietReason::Night
        })
    );
}

#[test]
fn sunday_waits_for_monday() {
    for hour in [0, 7, 8, 12, 19, 20, 23] {
        let at = paris(2026, 11, 29, hour, 0);
        assert_eq!(quiet_reason(at), Some(QuietReason::Sunday), "{hour}");
        assert_eq!(leaves_at(at), "2026-11-30T08:00:00.000+01:00", "{hour}");
    }
}

#[test]
fn saturday_before_easter_waits_for_tuesday() {
    // Easter 2026 is 5 April; Easter Monday 6 April is a holiday.
    let at = paris(2026, 4, 4, 21, 0);
    assert_eq!(leaves_at(at), "2026-04-07T08:00:00.000+02:00");
    let monday = paris(2026, 4, 6, 10, 0);
    assert_eq!(
        quiet_reason(monday),
        Some(QuietReason::Holiday(Holiday::EasterMonday))
    );
    assert_eq!(leaves_at(monday), "2026-04-07T08:00:00.000+02:00");
}

#[test]
fn saturday_before_whit_monday_waits_for_tuesday() {
    // Whit Monday 2026: 25 May.
    assert_eq!(
        leaves_at(paris(2026, 5, 23, 20, 0)),
        "2026-05-26T08:00:00.000+02:00"
    );
    // Whit Monday 2027: 17 May.
    assert_eq!(
        leaves_at(paris(2027, 5, 15, 22, 30)),
        "2027-05-18T08:00:00.000+02:00"
    );
}

#[test]
fn new_years_eve_waits_for_the_second_of_january() {
    // Thursday 31 December 2026 at 21:00: 1 January is a holiday, 2 January a Saturday.
    assert_eq!(
        leaves_at(paris(2026, 12, 31, 21, 0)),
        "2027-01-02T08:00:00.000+01:00"
    );
    // Friday 31 December 2027: 1 January 2028 is a Saturday holiday, then Sunday.
    assert_eq!(
        leaves_at(paris(2027, 12, 31, 21, 0)),
        "2028-01-03T08:00:00.000+01:00"
    );
    // 31 December in the day is open.
    assert!(is_open(paris(2026, 12, 31, 15, 0)));
}

#[test]
fn victory_day_on_a_weekday() {
    // Friday 8 May 2026.
    let at = paris(2026, 5, 8, 10, 0);
    assert_eq!(
        quiet_reason(at),
        Some(QuietReason::Holiday(Holiday::VictoryInEuropeDay))
    );
    assert_eq!(leaves_at(at), "2026-05-09T08:00:00.000+02:00");
    // Thursday 8 May 2025.
    assert_eq!(
        leaves_at(paris(2025, 5, 8, 9, 0)),
        "2025-05-09T08:00:00.000+02:00"
    );
    // The evening before waits over the holiday too.
    assert_eq!(
        leaves_at(paris(2025, 5, 7, 20, 30)),
        "2025-05-09T08:00:00.000+02:00"
    );
}

#[test]
fn other_holidays() {
    // Ascension, Thursday 14 May 2026.
    assert_eq!(
        leaves_at(paris(2026, 5, 14, 12, 0)),
        "2026-05-15T08:00:00.000+02:00"
    );
    // 14 July 2026 is a Tuesday.
    assert_eq!(
        leaves_at(paris(2026, 7, 14, 9, 0)),
        "2026-07-15T08:00:00.000+02:00"
    );
    // Christmas, Friday 25 December 2026; 26 December (a Saturday) is not a national holiday.
    assert_eq!(
        leaves_at(paris(2026, 12, 24, 20, 0)),
        "2026-12-26T08:00:00.000+01:00"
    );
    // Christmas 2027 is a Saturday, then Sunday: Monday 27.
    assert_eq!(
        leaves_at(paris(2027, 12, 24, 21, 0)),
        "2027-12-27T08:00:00.000+01:00"
    );
}

#[test]
fn a_holiday_on_a_sunday_is_reported_as_a_holiday() {
    // 1 November 2026 is a Sunday.
    let at = paris(2026, 11, 1, 12, 0);
    assert_eq!(
        quiet_reason(at),
        Some(QuietReason::Holiday(Holiday::AllSaintsDay))
    );
    assert_eq!(leaves_at(at), "2026-11-02T08:00:00.000+01:00");
}

#[test]
fn openings_across_summer_time_nights() {
    // Saturday 28 March 2026 21:00 CET → Monday 30 March 08:00 CEST.
    let at = paris(2026, 3, 28, 21, 0);
    assert_eq!(leaves_at(at), "2026-03-30T08:00:00.000+02:00");
    // Saturday 24 October 2026 21:00 CEST → Monday 26 October 08:00 CET.
    assert_eq!(
        leaves_at(paris(2026, 10, 24, 21, 0)),
        "2026-10-26T08:00:00.000+01:00"
    );
}

#[test]
fn non_commercial_messages_are_never_held() {
    for at in [
        paris(2026, 11, 29, 3, 0),
        paris(2026, 4, 6, 10, 0),
        paris(2026, 11, 24, 12, 0),
        i64::MIN,
        i64::MAX,
    ] {
        assert_eq!(effective_send_time(at, false), at);
    }
}

#[test]
fn open_instants_have_no_delay() {
    let at = paris(2026, 11, 24, 12, 0);
    assert_eq!(quiet_delay(at), None);
    assert_eq!(quiet_reason(at), None);
}

#[test]
fn reasons_read_in_both_languages() {
    assert_eq!(QuietReason::Night.code(), "night");
    assert_eq!(QuietReason::Sunday.code(), "sunday");
    assert_eq!(
        QuietReason::Holiday(Holiday::ChristmasDay).code(),
        "holiday"
    );
    assert_eq!(
        QuietReason::Holiday(Holiday::EasterMonday).describe(Lang::En),
        "commercial SMS do not leave on public holidays (Easter Monday)"
    );
    assert_eq!(
        QuietReason::Holiday(Holiday::EasterMonday).describe(Lang::Fr),
        "les SMS commerciaux ne partent pas les jours fériés (Lundi de Pâques)"
    );
    assert!(QuietReason::Night.describe(Lang::En).contains("08:00"));
    assert!(QuietReason::Night.describe(Lang::Fr).contains("8 h"));
    assert!(QuietReason::Sunday.describe(Lang::Fr).contains("dimanche"));
}

#[test]
fn ends_of_the_range_do_not_panic() {
    for at in [i64::MIN, i64::MIN + 1, i64::MAX - 1, i64::MAX, 0, -1] {
        let _ = is_open(at);
        let _ = quiet_delay(at);
        assert!(effective_send_time(at, true) >= at);
    }
}

proptest! {
    #[test]
    fn effective_time_is_never_earlier(at in any::<i64>()) {
        prop_assert!(effective_send_time(at, true) >= at);
        prop_assert_eq!(effective_send_time(at, false), at);
    }

    #[test]
    fn effective_time_is_the_first_open_instant(at in -MAX_JS_TIME_MS..=MAX_JS_TIME_MS) {
        let sent = effective_send_time(at, true);
        prop_assert!(sent >= at);
        prop_assert!(is_open(sent));
        if sent != at {
            prop_assert!(!is_open(at));
            // It opens exactly then: the millisecond before is closed, and it is 08:00 sharp.
            prop_assert!(!is_open(sent - 1));
            prop_assert_eq!(sent.rem_euclid(MS_PER_MINUTE), 0);
            // No closed stretch lasts more than three days and a half.
            prop_assert!(sent - at <= 84 * 60 * MS_PER_MINUTE);
        } else {
            prop_assert!(is_open(at));
            prop_assert_eq!(quiet_delay(at), None);
        }
    }

    #[test]
    fn delay_agrees_with_is_open(at in -4_000_000_000_000i64..=4_000_000_000_000) {
        match quiet_delay(at) {
            None => prop_assert!(is_open(at)),
            Some(d) => {
                prop_assert!(!is_open(at));
                prop_assert!(d.until_ms > at);
                prop_assert!(is_open(d.until_ms));
                prop_assert_eq!(Some(d.reason), quiet_reason(at));
            }
        }
    }
}
