//! Spending statistics (`cost-resume`): the period read with its codes, the request as SMS
//! Partner's samples write it, the answer's strings read as numbers, the 5-a-minute window.

use serde_json::json;
use smspartner_wasm::{
    ApiKey, InputValue, IssueCode, Json, Lang, STATISTICS_CALLS_PER_WINDOW, StatisticsPeriod,
    decode_statistics, read_period, statistics_call_allowed, statistics_request,
};

const KEY: &str = "sk-statistics-0123456789";

fn text(s: &str) -> InputValue {
    InputValue::Text(s.into())
}

fn codes(interval: InputValue, from: InputValue, to: InputValue) -> Vec<(String, IssueCode)> {
    read_period(&interval, &from, &to, Lang::Fr)
        .unwrap_err()
        .into_iter()
        .map(|issue| (issue.field.to_string(), issue.code))
        .collect()
}

#[test]
fn the_period_and_its_refusals() {
    use InputValue::Absent;
    assert_eq!(
        read_period(&Absent, &Absent, &Absent, Lang::En),
        Ok(StatisticsPeriod::LastMonth)
    );
    assert_eq!(
        read_period(&text("last_twelve_months"), &Absent, &Absent, Lang::En),
        Ok(StatisticsPeriod::LastTwelveMonths)
    );
    let custom = read_period(
        &text("custom"),
        &text("2026-01-31"),
        &text("28-02-2026"),
        Lang::En,
    )
    .unwrap();
    let url = statistics_request("https://api.example", &ApiKey::new(KEY).unwrap(), custom).url;
    assert!(url.ends_with("/v1/statistics/cost-resume?apiKey=sk-statistics-0123456789&interval=custom&from=31-01-2026&to=28-02-2026"), "{url}");
    assert_eq!(
        codes(text("hier"), Absent, Absent),
        [("interval".into(), IssueCode::IntervalInvalid)]
    );
    assert_eq!(
        codes(text("last_month"), text("2026-01-01"), Absent),
        [("interval".into(), IssueCode::IntervalInvalid)]
    );
    assert_eq!(
        codes(text("custom"), Absent, text("2026-01-01")),
        [("from".into(), IssueCode::DateRangeRequired)]
    );
    assert_eq!(
        codes(text("custom"), text("2026-02-29"), text("01/03/2026")),
        [
            ("from".into(), IssueCode::DateInvalid),
            ("to".into(), IssueCode::DateInvalid)
        ]
    );
    assert_eq!(
        codes(text("custom"), text("2026-03-02"), text("2026-03-01")),
        [("from".into(), IssueCode::DateRangeReversed)]
    );
    let issue =
        read_period(&text("custom"), &text("x"), &text("2026-01-01"), Lang::Fr).unwrap_err();
    assert_eq!(
        issue[0].message,
        "from doit être un jour, AAAA-MM-JJ ou JJ-MM-AAAA"
    );
}

#[test]
fn the_answer_strings_read_as_numbers() {
    let key = ApiKey::new(KEY).unwrap();
    let body = json!({ "success": true, "datas": [
        { "month": "october", "year": "2021", "m": "10", "date": 1633039200, "type": "month", "cost": "49.174", "nb_send": "1210" }
    ]});
    let months = decode_statistics(200, Some(Json::from(&body)), &key).unwrap();
    let month = serde_json::to_value(&months[0]).unwrap();
    assert_eq!(
        month,
        json!({ "year": 2021, "month": 10, "monthName": "october", "date": "2021-09-30T22:00:00.000Z", "cost": 49.174, "nbSend": 1210, "kind": "month" })
    );
    assert!(
        decode_statistics(
            200,
            Some(Json::from(&json!({ "success": true, "datas": 3 }))),
            &key
        )
        .is_err()
    );
    assert_eq!(
        decode_statistics(200, Some(Json::from(&json!({ "success": true }))), &key).unwrap(),
        []
    );
}

#[test]
fn five_calls_a_minute() {
    let calls: Vec<f64> = (0..STATISTICS_CALLS_PER_WINDOW)
        .map(|i| 1000.0 * i as f64)
        .collect();
    assert_eq!(statistics_call_allowed(&calls[..4], 5000.0), Ok(()));
    assert_eq!(statistics_call_allowed(&calls, 5000.0), Err(55_000.0));
    assert_eq!(statistics_call_allowed(&calls, 60_000.0), Ok(()));
}
