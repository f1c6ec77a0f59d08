//! The schedule (`scheduledDeliveryDate`, `time`, `minute`) and the rules of commercial sends.

use crate::calendar::Date;
use crate::input::RawRequest;
use crate::lang::Lang;
use crate::message::{Gamme, MessageOptions};
use crate::paris_time;
use crate::quiet_hours;

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
            f.warning(
                "scheduledDeliveryDate",
                "schedule_date_missing",
                "time and minute are ignored without scheduledDeliveryDate: the SMS leaves now".into(),
                "time et minute sont ignorés sans scheduledDeliveryDate : le SMS part tout de suite".into(),
            );
        }
        return None;
    };
    let date = Date::parse_dmy(date_text);
    if date.is_none() {
        f.error(
            "scheduledDeliveryDate",
            "schedule_date_invalid",
            format!("\"{date_text}\" is not a date in the form dd/MM/yyyy"),
            format!("« {date_text} » n'est pas une date au format jj/MM/aaaa"),
        );
    }
    let hour = part(&raw.time, "time", 23, 1, f);
    let minute = part(&raw.minute, "minute", 55, 5, f);
    let (date, hour, minute) = (date?, hour?, minute?);
    let at_ms = paris_time::from_local(date, hour, minute)?;
    if at_ms <= now_ms {
        f.error(
            "scheduledDeliveryDate",
            "schedule_in_past",
            format!("{date_text} at {hour:02}:{minute:02} (Paris time) is not in the future"),
            format!(
                "le {date_text} à {hour:02}:{minute:02} (heure de Paris) n'est pas dans le futur"
            ),
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

/// Reads `time` (0–23) or `minute` (0–55 by fives): required once a date is given.
fn part(
    value: &crate::input::InputValue,
    field: &'static str,
    max: i64,
    step: i64,
    f: &mut Findings,
) -> Option<u8> {
    if value.is_unset() {
        f.error(
            field,
            if field == "time" {
                "time_required"
            } else {
                "minute_required"
            },
            format!("{field} is required with scheduledDeliveryDate"),
            format!("{field} est obligatoire avec scheduledDeliveryDate"),
        );
        return None;
    }
    match whole_number(value) {
        Some(n) if (0..=max).contains(&n) && n % step == 0 => u8::try_from(n).ok(),
        _ => {
            let rule_en = if step == 1 {
                format!("a whole hour from 0 to {max}")
            } else {
                format!("a multiple of {step} from 0 to {max}")
            };
            let rule_fr = if step == 1 {
                format!("une heure entière de 0 à {max}")
            } else {
                format!("un multiple de {step} de 0 à {max}")
            };
            f.error(
                field,
                if field == "time" {
                    "time_invalid"
                } else {
                    "minute_invalid"
                },
                format!("{field} must be {rule_en}"),
                format!("{field} doit être {rule_fr}"),
            );
            None
        }
    }
}

/// Applies the STOP mention and quiet-hour rules of commercial sends; returns the delivery instant.
pub(crate) fn commercial_rules(
    send_at: i64,
    options: &ValidateOptions,
    message: &MessageOptions,
    text: &str,
    f: &mut Findings,
) -> i64 {
    if !options.commercial {
        return send_at;
    }
    match message.gamme {
        Gamme::Premium if !message.stop_sms => f.warning(
            "isStopSms",
            "stop_mention_missing",
            "a commercial SMS must carry the STOP mention: set isStopSms to 1".into(),
            "un SMS commercial doit porter la mention STOP : mettez isStopSms à 1".into(),
        ),
        Gamme::LowCost if !text.to_ascii_lowercase().contains("nopub=stop") => f.warning(
            "message",
            "nopub_mention_missing",
            "a commercial low-cost SMS must end with NoPub=STOP, written by you".into(),
            "un SMS commercial low cost doit se terminer par NoPub=STOP, écrit par vous".into(),
        ),
        _ => {}
    }
    match quiet_hours::delay(send_at) {
        Some(delay) => {
            let en = format!(
                "{}: this one will leave {}",
                delay.reason.describe(Lang::En),
                describe_instant(delay.until_ms, Lang::En)
            );
            let fr = format!(
                "{} : celui-ci partira {}",
                delay.reason.describe(Lang::Fr),
                describe_instant(delay.until_ms, Lang::Fr)
            );
            f.warning("scheduledDeliveryDate", "quiet_hours_delay", en, fr);
            delay.until_ms
        }
        None => send_at,
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "on Monday 30 November 2026 at 08:00 (Paris time)", in English or French.
pub fn describe_instant(ms: i64, lang: Lang) -> String {
    let local = paris_time::to_local(ms);
    let weekday = local.date.weekday().name(lang);
    let months = match lang {
        Lang::En => MONTHS_EN,
        Lang::Fr => MONTHS_FR,
    };
    let month = months
        .get(usize::from(local.date.month()).saturating_sub(1))
        .copied()
        .unwrap_or("");
    let (d, y, h, m) = (
        local.date.day(),
        local.date.year(),
        local.hour,
        local.minute,
    );
    match lang {
        Lang::En => format!("on {weekday} {d} {month} {y} at {h:02}:{m:02} (Paris time)"),
        Lang::Fr => format!("le {weekday} {d} {month} {y} à {h:02}:{m:02} (heure de Paris)"),
    }
}
