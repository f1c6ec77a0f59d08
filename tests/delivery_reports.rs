//! The delivery-report webhook (`parseDeliveryReport`): each vocabulary SMS Partner uses read
//! into one status, the group winning over the word, and bodies that are not reports refused
//! with their reason.

use smspartner_wasm::{
    ApiKey, DeliveryEvent, DeliveryGroup, DeliveryReport, Json, form_fields, parse_delivery_report,
};

const KEY: &str = "sk-dlr-0123456789abcdef";

fn report(body: &str) -> DeliveryReport {
    match parse_delivery_report(&form_fields(body), None) {
        DeliveryEvent::Report(report) => report,
        DeliveryEvent::Invalid(reason) => panic!("{body}: {reason}"),
    }
}

fn invalid(body: &str) -> String {
    match parse_delivery_report(&form_fields(body), None) {
        DeliveryEvent::Invalid(reason) => reason,
        DeliveryEvent::Report(report) => panic!("{body}: read as {report:?}"),
    }
}

fn status_of(body: &str) -> (String, Option<DeliveryGroup>, bool) {
    let r = report(body);
    let status = serde_json::to_value(r.status).unwrap();
    (status.as_str().unwrap().to_owned(), r.group, r.r#final)
}

#[test]
fn the_three_vocabularies_read_into_one_status() {
    use DeliveryGroup::*;
    let cases: &[(&str, &str, Option<DeliveryGroup>, bool)] = &[
        ("status=Delivered", "delivered", None, true),
        ("statut=not%20delivered", "notDelivered", None, true),
        ("status=Waiting", "waiting", None, false),
        ("status=KO", "ko", None, true),
        ("stat=DELIVRD", "delivered", Some(Delivered), true),
        (
            "dlrStatus=undeliv",
            "notDelivered",
            Some(Undeliverable),
            true,
        ),
        ("status=EXPIRED", "notDelivered", Some(Expired), true),
        ("status=REJECTD", "notDelivered", Some(Rejected), true),
        ("status=ENROUTE", "waiting", Some(Pending), false),
        ("status=ACCEPTD", "waiting", Some(Pending), false),
        ("statusGrpId=1", "waiting", Some(Pending), false),
        ("statusGrpId=2", "notDelivered", Some(Undeliverable), true),
        (
            "statusGrpId=3&statusId=5",
            "delivered",
            Some(Delivered),
            true,
        ),
        ("statusGrpId=4", "notDelivered", Some(Expired), true),
        (
            "statusGrpId=5&statusId=52",
            "notDelivered",
            Some(Rejected),
            true,
        ),
        ("status=Lu", "unknown", None, false),
    ];
    for (fields, status, group, last) in cases {
        let body = format!("messageId=307&phoneNumber=%2B33611111111&{fields}");
        assert_eq!(
            status_of(&body),
            ((*status).to_owned(), *group, *last),
            "{body}"
        );
    }
}

#[test]
fn the_group_wins_over_the_word() {
    let r = report("messageId=307&status=Delivered&statusGrpId=5&statusId=10");
    assert_eq!(r.group, Some(DeliveryGroup::Rejected));
    assert_eq!(r.status_text.as_deref(), Some("Delivered"));
    assert_eq!(r.status_id, Some(10));
}

#[test]
fn numbers_ids_dates_and_tags() {
    let r = report(
        "message_id=48213&msisdn=33611111111&stat=DELIVRD&date=2025-03-14%2010%3A51%3A46&tag=soldes&errorId=0",
    );
    assert_eq!(r.message_id, Json::Number(48213.0));
    assert_eq!(r.phone_number.as_deref(), Some("+33611111111"));
    // Paris time in March is UTC+1.
    assert_eq!(r.at.as_deref(), Some("2025-03-14T09:51:46.000Z"));
    assert_eq!(r.tag.as_deref(), Some("soldes"));
    assert_eq!(r.error_id, Some(0));
    let national = report("messageId=0200000012345678&to=06%2012%2034%2056%2078&status=Delivered");
    assert_eq!(national.message_id, Json::String("0200000012345678".into()));
    assert_eq!(national.phone_number.as_deref(), Some("+33612345678"));
    let epoch = report("messageId=1&status=Delivered&date=1741945906");
    assert_eq!(epoch.at.as_deref(), Some("2025-03-14T09:51:46.000Z"));
    let kept = report("messageId=1&status=Delivered&phoneNumber=pas%20un%20num");
    assert_eq!(kept.phone_number.as_deref(), Some("pas un num"));
    assert_eq!(report("messageId=1&status=Delivered").phone_number, None);
}

#[test]
fn bodies_that_are_not_reports_say_why() {
    assert_eq!(invalid(""), "the body holds no fields");
    assert!(invalid("status=Delivered").contains("names no message"));
    assert!(invalid("messageId=%20&status=Delivered").contains("names no message"));
    assert!(invalid("messageId=1").contains("has no status"));
    assert!(invalid("messageId=1&statusGrpId=9").contains("statusGrpId 9"));
    assert!(invalid("messageId=1&statusGrpId=x").contains("statusGrpId must be a whole number"));
    assert!(invalid("messageId=1&status=Delivered&statusId=-1").contains("statusId"));
    assert!(invalid("messageId=1&status=Delivered&date=hier").contains("not a date"));
}

#[test]
fn a_key_in_the_body_is_taken_out() {
    let key = ApiKey::new(KEY).unwrap();
    let fields = form_fields(&format!(
        "messageId=x{KEY}&status={KEY}&tag={KEY}&date={KEY}"
    ));
    let text = format!("{:?}", parse_delivery_report(&fields, Some(&key)));
    assert!(!text.contains(KEY), "{text}");
    let fields = form_fields(&format!("messageId=1&status={KEY}&tag=t{KEY}"));
    let text = format!("{:?}", parse_delivery_report(&fields, Some(&key)));
    assert!(!text.contains(KEY), "{text}");
}
