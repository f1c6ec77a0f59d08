//! Spending statistics: `GET /v1/statistics/cost-resume`, SMS sent and their cost by month.
//!
//! Its page (`status-et-statistiques/statusp5.md`): `interval` is `last_month`,
//! `last_twelve_months` or `custom`, and `custom` needs `from` and `to`, which its samples
//! write `21-10-2022` (day-month-year); SMS Partner answers at most 5 calls a minute. Its
//! answer writes `year`, `m`, `cost` and `nb_send` as strings and `date` as epoch seconds; its
//! example is not closed and has no `code`. The French table lists `from` among the interval's
//! values with a phone number's description: the English page and the samples are followed.

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::calendar::Date;
use crate::error::SmsPartnerError;
use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::lang::Lang;
use crate::wire::{HttpRequest, Json};

use super::{answer, get, malformed, read};

/// `GET /v1/statistics/cost-resume`.
pub const STATISTICS_PATH: &str = "/v1/statistics/cost-resume";
/// Calls SMS Partner answers per [`STATISTICS_WINDOW_MS`] (its page: 5 a minute).
pub const STATISTICS_CALLS_PER_WINDOW: usize = 5;
/// The window of [`STATISTICS_CALLS_PER_WINDOW`], in milliseconds.
pub const STATISTICS_WINDOW_MS: f64 = 60_000.0;

/// The period asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatisticsPeriod {
    /// `last_month`.
    LastMonth,
    /// `last_twelve_months`.
    LastTwelveMonths,
    /// `custom`, from one day to another, both included.
    Custom {
        /// The first day.
        from: Date,
        /// The last day.
        to: Date,
    },
}

/// One month of the answer (`StatisticsMonth` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatisticsMonth {
    /// The year (SMS Partner writes it as a string).
    pub year: Option<u64>,
    /// The month, 1 to 12 (`m`).
    pub month: Option<u64>,
    /// The month's name as SMS Partner writes it (`"october"`).
    pub month_name: Option<String>,
    /// The month's first instant as SMS Partner gives it, ISO 8601 in UTC (`date`).
    pub date: Option<String>,
    /// What the month cost (a string in the answer).
    #[serde(serialize_with = "crate::json::optional_number")]
    pub cost: Option<f64>,
    /// SMS sent in the month (`nb_send`, a string in the answer).
    pub nb_send: Option<u64>,
    /// `type` as SMS Partner writes it (`"month"`).
    pub kind: Option<String>,
}

/// A day given as `YYYY-MM-DD` or as SMS Partner writes it, `DD-MM-YYYY`.
fn day(value: &InputValue) -> Option<Date> {
    let InputValue::Text(text) = value else {
        return None;
    };
    let text = text.trim();
    if text.contains('/') {
        return None;
    }
    Date::parse_iso(text).or_else(|| Date::parse_dmy(&text.replace('-', "/")))
}

/// Reads `{ interval, from, to }` (the last two for `custom` only).
///
/// # Errors
/// `interval_invalid`, `date_range_required`, `date_invalid` or `date_range_reversed`, in
/// `lang`.
pub fn read_period(
    interval: &InputValue,
    from: &InputValue,
    to: &InputValue,
    lang: Lang,
) -> Result<StatisticsPeriod, Vec<Issue>> {
    let dated = !from.is_unset() || !to.is_unset();
    let period = match interval {
        InputValue::Text(text) if text == "last_month" && !dated => StatisticsPeriod::LastMonth,
        InputValue::Text(text) if text == "last_twelve_months" && !dated => {
            StatisticsPeriod::LastTwelveMonths
        }
        InputValue::Text(text) if text == "custom" => {
            if from.is_unset() || to.is_unset() {
                return Err(vec![Issue::on(
                    "from",
                    IssueCode::DateRangeRequired,
                    lang,
                    &[],
                )]);
            }
            let mut issues = Vec::new();
            let mut read = |field: &'static str, value: &InputValue| {
                let date = day(value);
                if date.is_none() {
                    issues.push(Issue::on(field, IssueCode::DateInvalid, lang, &[&field]));
                }
                date
            };
            let (from_day, to_day) = (read("from", from), read("to", to));
            let (Some(from), Some(to)) = (from_day, to_day) else {
                return Err(issues);
            };
            if from > to {
                return Err(vec![Issue::of(IssueCode::DateRangeReversed, lang, &[])]);
            }
            StatisticsPeriod::Custom { from, to }
        }
        InputValue::Absent => StatisticsPeriod::LastMonth,
        _ => return Err(vec![Issue::of(IssueCode::IntervalInvalid, lang, &[])]),
    };
    Ok(period)
}

/// `GET /v1/statistics/cost-resume?apiKey&interval[&from&to]`.
pub fn statistics_request(
    base_url: &str,
    api_key: &ApiKey,
    period: StatisticsPeriod,
) -> HttpRequest {
    let dashed = |date: Date| date.format_dmy().replace('/', "-");
    match period {
        StatisticsPeriod::LastMonth => get(
            base_url,
            STATISTICS_PATH,
            api_key,
            &[("interval", "last_month")],
        ),
        StatisticsPeriod::LastTwelveMonths => get(
            base_url,
            STATISTICS_PATH,
            api_key,
            &[("interval", "last_twelve_months")],
        ),
        StatisticsPeriod::Custom { from, to } => get(
            base_url,
            STATISTICS_PATH,
            api_key,
            &[
                ("interval", "custom"),
                ("from", &dashed(from)),
                ("to", &dashed(to)),
            ],
        ),
    }
}

/// Whether one more statistics call fits SMS Partner's limit, given the instants (ms) of the
/// calls already made: none of `calls` older than the window counts.
pub fn statistics_call_allowed(calls: &[f64], now_ms: f64) -> Result<(), f64> {
    let recent: Vec<f64> = calls
        .iter()
        .copied()
        .filter(|at| now_ms - at < STATISTICS_WINDOW_MS)
        .collect();
    if recent.len() < STATISTICS_CALLS_PER_WINDOW {
        return Ok(());
    }
    let oldest = recent.iter().copied().fold(f64::INFINITY, f64::min);
    Err((oldest + STATISTICS_WINDOW_MS - now_ms).max(0.0))
}

/// Reads the answer: `datas`, one item per month.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` or `http`.
pub fn decode_statistics(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<Vec<StatisticsMonth>, SmsPartnerError> {
    let map = answer(status, body, api_key, |_| None)?;
    let items = match map.get("datas").or_else(|| map.get("data")) {
        Some(Json::Array(items)) => items.as_slice(),
        None | Some(Json::Null) => &[],
        _ => return Err(malformed(status, "datas is not a list")),
    };
    Ok(items
        .iter()
        .map(|item| StatisticsMonth {
            year: read::count(item.get("year")),
            month: read::count(item.get("m")),
            month_name: read::text(item.get("month"), api_key),
            date: item.get("date").and_then(read::instant),
            cost: item.get("cost").and_then(read::number),
            nb_send: read::count(item.get("nb_send")),
            kind: read::text(item.get("type"), api_key),
        })
        .collect())
}
