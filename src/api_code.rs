//! SMS Partner's send codes, one table: each code's reason, field and class (its sentences are
//! in the language tables, [`crate::lang`], under its number).
//!
//! Source: SMS Partner's error-code table (`reference/smspartner-lifecycle.md`, §7), plus code 9
//! of the send pages and the loose line "992 Sender non autorisé" above the table (which may come
//! back as the number or the string `"992"`: both are read).

use serde::Serialize;

use crate::lang::Lang;

use ApiCodeClass::{Account, Credits, Request, Upstream};

/// Who can act on a refusal: decides, for instance, the edge worker's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiCodeClass {
    /// The request is at fault and the person who wrote it can fix it (422).
    Request,
    /// The account, its key or its settings are at fault: the operator's business (500).
    Account,
    /// The account lacks credits (402).
    Credits,
    /// SMS Partner failed, or received a body it could not read (502).
    Upstream,
}

/// One documented code of SMS Partner's send call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiCode {
    /// The number SMS Partner answers.
    pub code: i64,
    /// A stable snake_case name (`reason` in JavaScript).
    pub reason: &'static str,
    /// The wire field the code is about, when there is one.
    pub field: Option<&'static str>,
    /// Who can act on it.
    pub class: ApiCodeClass,
    /// The meaning, in English (from the English table).
    pub en: &'static str,
    /// The meaning, in French (from the French table).
    pub fr: &'static str,
}

impl ApiCode {
    /// The meaning in `lang`.
    pub const fn sentence(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }

    /// The entry of a code, `None` for a code SMS Partner does not document.
    pub fn of(code: i64) -> Option<&'static ApiCode> {
        API_CODES.iter().find(|c| c.code == code)
    }
}

/// Builds one row of [`API_CODES`], its sentences from the language tables.
const fn row(
    code: i64,
    reason: &'static str,
    field: Option<&'static str>,
    class: ApiCodeClass,
) -> ApiCode {
    ApiCode {
        code,
        reason,
        field,
        class,
        en: Lang::En.api_code(code),
        fr: Lang::Fr.api_code(code),
    }
}

/// Every documented code of the send call, in SMS Partner's order.
#[rustfmt::skip]
pub const API_CODES: [ApiCode; 30] = [
    row(1, "api_key_required", Some("apiKey"), Account),
    row(2, "phone_numbers_required", Some("phoneNumbers"), Request),
    row(4, "message_not_found", None, Upstream),
    row(9, "constraints_failed", None, Request),
    row(10, "api_key_invalid", Some("apiKey"), Account),
    row(11, "not_enough_credits", None, Credits),
    row(13, "no_price_for_numbers", Some("phoneNumbers"), Account),
    row(14, "number_in_stop_list", Some("phoneNumbers"), Request),
    row(15, "number_already_listed", Some("phoneNumbers"), Request),
    row(20, "account_disabled", None, Account),
    row(22, "outside_marketing_hours", Some("time"), Request),
    row(23, "marketing_day_not_allowed", Some("scheduledDeliveryDate"), Request),
    row(30, "account_blocked", None, Account),
    row(40, "api_access_denied", None, Account),
    row(42, "low_cost_too_long", Some("message"), Request),
    row(43, "message_required", Some("message"), Request),
    row(44, "sender_invalid", Some("sender"), Request),
    row(45, "schedule_date_required", Some("scheduledDeliveryDate"), Request),
    row(46, "time_required", Some("time"), Request),
    row(47, "minute_invalid", Some("minute"), Request),
    row(48, "minute_out_of_range", Some("minute"), Request),
    row(49, "schedule_date_invalid", Some("scheduledDeliveryDate"), Request),
    row(50, "too_many_phone_numbers", Some("phoneNumbers"), Request),
    row(51, "low_cost_not_allowed", Some("gamme"), Request),
    row(52, "too_many_sms", Some("message"), Request),
    row(55, "no_phone_number", Some("phoneNumbers"), Request),
    row(90, "json_malformed", None, Upstream),
    row(96, "ip_not_allowed", None, Account),
    row(500, "queue_failed", None, Upstream),
    row(992, "sender_not_allowed", Some("sender"), Request),
];

impl ApiCodeClass {
    /// The lowercase name JavaScript sees.
    pub const fn as_str(self) -> &'static str {
        match self {
            Request => "request",
            Account => "account",
            Credits => "credits",
            Upstream => "upstream",
        }
    }
}

/// A code as `smsPartnerCode` answers it: `{ code, reason, field, class, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The number.
    pub code: i64,
    /// Its stable name.
    pub reason: &'static str,
    /// The wire field it is about, or `None`.
    pub field: Option<&'static str>,
    /// `"request"`, `"account"`, `"credits"` or `"upstream"`.
    pub class: &'static str,
    /// Its meaning in the language asked for.
    pub message: &'static str,
}

/// What a documented code means, in `lang`; `None` for a code SMS Partner does not document.
pub fn describe(code: i64, lang: Lang) -> Option<CodeInfo> {
    ApiCode::of(code).map(|c| CodeInfo {
        code: c.code,
        reason: c.reason,
        field: c.field,
        class: c.class.as_str(),
        message: c.sentence(lang),
    })
}
