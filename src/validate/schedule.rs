//! The schedule (`scheduledDeliveryDate`, `time`, `minute`) and the rules of commercial sends.

use crate::calendar::Date;
use crate::input::InputValue;
use crate::issue::IssueCode;
use crate::lang::{Lang, Text};
use crate::limits::{MAX_HOUR, MAX_MINUTE, MINUTE_STEP};
use crate::paris_time;
use crate::quiet_hours;
use crate::send_fields::RawRequest;

use crate::options::whole_number;

use super::fields::text;
use super::{Findings, ValidateOptions};

/// A valid schedule: the wire values and the instant they mean.
pub(crate) struct Schedule {
    pub(crate) date: String,
    pub(crate) hour: u8,
    pub(crate) minute: u8,
    pub(crate) at_ms: i64,
}

/// Reads the schedule; `None` when there is none or it is invalid (then an error is recorded).
pub(crate) fn schedule(raw: &RawRequest, now_ms: i64, f: &mut Findings) -> Option<Schedule> {
    let date_text = text(&raw.scheduled_delivery_date, "scheduledDeliveryDate", f);
    let Some(date_text) = date_text else {
        if raw.scheduled_delivery_date.is_unset() && !(raw.time.is_unset() && raw.minute.is_unset())
        {
            f.add(IssueCode::ScheduleDateMissing, &[]);
        }
        return None;
    };
    let date = Date::parse_dmy(date_text);
    if date.is_none() {
        f.add(IssueCode::ScheduleDateInvalid, &[&date_text]);
    }
    let hour = part(&raw.time, Part::HOUR, f);
    let minute = part(&raw.minute, Part::MINUTE, f);
    let (date, hour, minute) = (date?, hour?, minute?);
    let at_ms = paris_time::from_local(date, hour, minute)?;
    if at_ms <= now_ms {
        f.add(
            IssueCode::ScheduleInPast,
            &[&date_text, &format_args!("{hour:02}:{minute:02}")],
        );
        return None;
    }
    Some(Schedule {
        date: date_text.to_owned(),
        hour,
        minute,
        at_ms,
    })
}

/// One part of the schedule's time: its range and its two codes.
struct Part {
    max: u8,
    step: u8,
    required: IssueCode,
    invalid: IssueCode,
}

impl Part {
    const HOUR: Part = Part {
        max: MAX_HOUR,
        step: 1,
        required: IssueCode::TimeRequired,
        invalid: IssueCode::TimeInvalid,
    };
    const MINUTE: Part = Part {
        max: MAX_MINUTE,
        step: MINUTE_STEP,
        required: IssueCode::MinuteRequired,
        invalid: IssueCode::MinuteInvalid,
    };
}

/// Reads `time` (0–23) or `minute` (0–55 by fives): required once a date is given.
fn part(value: &InputValue, part: Part, f: &mut Findings) -> Option<u8> {
    if value.is_unset() {
        f.add(part.required, &[]);
        return None;
    }
    match whole_number(value) {
        Some(n) if (0..=i64::from(part.max)).contains(&n) && n % i64::from(part.step) == 0 => {
            u8::try_from(n).ok()
        }
        _ => {
            f.add(part.invalid, &[]);
            None
        }
    }
}

/// Applies the quiet hours of commercial sends; returns the delivery instant.
pub(crate) fn commercial_delay(send_at: i64, options: &ValidateOptions, f: &mut Findings) -> i64 {
    if !options.commercial {
        return send_at;
    }
    match quiet_hours::delay(send_at) {
        Some(delay) => {
            let lang = f.lang;
            f.add(
                IssueCode::QuietHoursDelay,
                &[
                    &delay.reason.describe(lang),
                    &describe_instant(delay.until_ms, lang),
                ],
            );
            delay.until_ms
        }
        None => send_at,
    }
}

/// "on Monday 30 November 2026 at 08:00 (Paris time)", in English or French.
pub fn describe_instant(ms: i64, lang: Lang) -> String {
    let local = paris_time::to_local(ms);
    let weekday = local.date.weekday().name(lang);
    let month = Text::MONTHS
        .get(usize::from(local.date.month()).saturating_sub(1))
        .map_or("", |&month| lang.text(month));
    let (d, y, h, m) = (
        local.date.day(),
        local.date.year(),
        local.hour,
        local.minute,
    );
    crate::issue::fill(
        lang.text(Text::Instant),
        &[
            &weekday,
            &d,
            &month,
            &y,
            &format_args!("{h:02}"),
            &format_args!("{m:02}"),
        ],
    )
}
