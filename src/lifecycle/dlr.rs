//! The delivery-report webhook: what SMS Partner posts to `urlDlr` when an SMS's fate is known.
//!
//! SMS Partner documents `urlDlr` as "the URL to which delivery receipts are sent" and nothing
//! else: no method, no fields, no vocabulary (`reference/smspartner-lifecycle.md` §5). So the
//! reading is tolerant, as the reply webhook's is: form fields, a query string or JSON; the
//! message id as `messageId` or `message_id`; the number as `phoneNumber`, `phone_number`,
//! `msisdn` (`33…` without `+`) or `to`; the fate as any of the three vocabularies SMS Partner
//! uses elsewhere — the status words of its status calls (`Delivered`, `Not delivered`,
//! `Waiting`, `ko`, in `status` or `statut`), the operator codes of its error page (`DELIVRD`,
//! `UNDELIV`, `EXPIRED`, `REJECTD`, `PENDING`, `ACCEPTD`, `ENROUTE`, `UNKNOWN`, in `status`,
//! `stat` or `dlrStatus`) and the status groups of its HLR table (`statusGrpId` 1 pending, 2
//! undeliverable, 3 delivered, 4 expired, 5 rejected, with its `statusId`). Where a group and
//! a word disagree, the group wins: it is the more precise of the two.

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::json::Json;

use super::read;
use super::status::Status;

/// The fate of an SMS as the group of SMS Partner's status table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DeliveryGroup {
    /// `statusGrpId` 1, `PENDING`, `ACCEPTD`, `ENROUTE`: handed on, no final report yet.
    Pending,
    /// `statusGrpId` 2, `UNDELIV`: reached the operator, not delivered.
    Undeliverable,
    /// `statusGrpId` 3, `DELIVRD`: delivered.
    Delivered,
    /// `statusGrpId` 4, `EXPIRED`: its validity (48 h by default) ran out.
    Expired,
    /// `statusGrpId` 5, `REJECTD`: refused by the operator or the platform.
    Rejected,
}

impl DeliveryGroup {
    /// The group of a `statusGrpId`.
    fn from_id(id: u64) -> Option<DeliveryGroup> {
        Some(match id {
            1 => DeliveryGroup::Pending,
            2 => DeliveryGroup::Undeliverable,
            3 => DeliveryGroup::Delivered,
            4 => DeliveryGroup::Expired,
            5 => DeliveryGroup::Rejected,
            _ => return None,
        })
    }

    /// The group of an operator code (`DELIVRD`…), in any case.
    fn from_operator_code(code: &str) -> Option<DeliveryGroup> {
        let is = |c: &str| code.trim().eq_ignore_ascii_case(c);
        if is("DELIVRD") {
            Some(DeliveryGroup::Delivered)
        } else if is("UNDELIV") {
            Some(DeliveryGroup::Undeliverable)
        } else if is("EXPIRED") {
            Some(DeliveryGroup::Expired)
        } else if is("REJECTD") {
            Some(DeliveryGroup::Rejected)
        } else if is("PENDING") || is("ACCEPTD") || is("ENROUTE") {
            Some(DeliveryGroup::Pending)
        } else {
            None
        }
    }

    /// The status of the status calls that this group means.
    fn status(self) -> Status {
        match self {
            DeliveryGroup::Pending => Status::Waiting,
            DeliveryGroup::Delivered => Status::Delivered,
            DeliveryGroup::Undeliverable | DeliveryGroup::Expired | DeliveryGroup::Rejected => {
                Status::NotDelivered
            }
        }
    }
}

/// A delivery report read from the webhook (`DeliveryReport` in JavaScript).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryReport {
    /// The send's id, as the send answered it (a number, or a string when it is not one).
    pub message_id: Json,
    /// The number, E.164 (as given when it does not read as a number); `null` when absent.
    pub phone_number: Option<String>,
    /// Where the SMS stands, in the words of the status calls.
    pub status: Status,
    /// The group of SMS Partner's status table, when the report names one.
    pub group: Option<DeliveryGroup>,
    /// Whether the SMS has reached its end (delivered, or failed for good): a `waiting` report
    /// may be followed by another.
    pub r#final: bool,
    /// SMS Partner's own word or code, as sent (`"DELIVRD"`, `"Not delivered"`…).
    pub status_text: Option<String>,
    /// The `statusId` of SMS Partner's status table, when given.
    pub status_id: Option<u64>,
    /// The `errorId` SMS Partner gives for a failure, when given.
    pub error_id: Option<u64>,
    /// The send's tag, when the report carries it.
    pub tag: Option<String>,
    /// When the status was set, ISO 8601 in UTC, or `null` when the report does not say.
    pub at: Option<String>,
}

/// The answer of `parseDeliveryReport`: a report, or why the body is not one.
#[derive(Debug, Clone, PartialEq)]
pub enum DeliveryEvent {
    /// A delivery report.
    Report(DeliveryReport),
    /// Not a delivery report: the reason, for a person.
    Invalid(String),
}

impl Serialize for DeliveryEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            DeliveryEvent::Report(report) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("kind", "report")?;
                map.serialize_entry("report", report)?;
                map.end()
            }
            DeliveryEvent::Invalid(reason) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("kind", "invalid")?;
                map.serialize_entry("reason", reason)?;
                map.end()
            }
        }
    }
}

/// Reads a delivery report from the webhook's fields (see the module's notes for the names
/// read). Never fails: a body that is not a report is [`DeliveryEvent::Invalid`] with the
/// reason. `api_key` only guards the texts when the caller has one.
pub fn parse_delivery_report(
    fields: &[(String, String)],
    api_key: Option<&ApiKey>,
) -> DeliveryEvent {
    match report(fields, api_key) {
        Ok(report) => DeliveryEvent::Report(report),
        Err(reason) => DeliveryEvent::Invalid(reason),
    }
}

fn report(fields: &[(String, String)], api_key: Option<&ApiKey>) -> Result<DeliveryReport, String> {
    let field = |names: &[&str]| {
        names.iter().find_map(|name| {
            fields
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim())
                .filter(|v| !v.is_empty())
        })
    };
    let redact = |text: &str| api_key.map_or_else(|| text.to_owned(), |key| key.redact(text));
    if fields.is_empty() {
        return Err("the body holds no fields".into());
    }
    let message_id = field(&["messageId", "message_id"])
        .and_then(|id| read::id_with(id, redact))
        .ok_or("the report names no message (messageId or message_id)")?;
    // A whole number under its camelCase name or its snake_case one; named by the first.
    let whole = |name: &str, alias: &str| -> Result<Option<u64>, String> {
        match field(&[name, alias]) {
            None => Ok(None),
            Some(text) => read::whole(text)
                .map(Some)
                .ok_or_else(|| format!("{name} must be a whole number")),
        }
    };
    let group_id = whole("statusGrpId", "status_grp_id")?;
    let group_from_id = match group_id {
        Some(id) => Some(
            DeliveryGroup::from_id(id)
                .ok_or_else(|| format!("statusGrpId {id} is not one of SMS Partner's (1 to 5)"))?,
        ),
        None => None,
    };
    let word = field(&["status", "statut", "stat", "dlrStatus"]);
    let group = group_from_id.or_else(|| word.and_then(DeliveryGroup::from_operator_code));
    let status = match (group, word) {
        (Some(group), _) => group.status(),
        (None, Some(word)) => Status::from_word(word),
        (None, None) => {
            return Err("the report has no status (status, statut, stat or statusGrpId)".into());
        }
    };
    let phone_number = match field(&["msisdn"]) {
        Some(msisdn) => Some(read::e164(msisdn, true).unwrap_or_else(|| redact(msisdn))),
        None => field(&["phoneNumber", "phone_number", "to"])
            .map(|text| read::e164(text, true).unwrap_or_else(|| redact(text))),
    };
    let at = match field(&[
        "date",
        "statusDate",
        "deliveredAt",
        "message-timestamp",
        "timestamp",
    ]) {
        Some(at) => Some(
            read::instant(&Json::String(at.to_owned()))
                .ok_or_else(|| format!("the report's date is not a date ({})", redact(at)))?,
        ),
        None => None,
    };
    Ok(DeliveryReport {
        message_id,
        phone_number,
        r#final: matches!(
            status,
            Status::Delivered | Status::NotDelivered | Status::Ko
        ),
        status,
        group,
        status_text: word.map(redact),
        status_id: whole("statusId", "status_id")?,
        error_id: whole("errorId", "error_id")?,
        tag: field(&["tag"]).map(redact),
        at,
    })
}
