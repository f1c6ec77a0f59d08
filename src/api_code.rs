//! SMS Partner's send codes, one table: each code's reason, field, class and sentences.
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
    /// The meaning, in English.
    pub en: &'static str,
    /// The meaning, in French.
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

/// Builds one row of [`API_CODES`].
const fn row(
    code: i64,
    reason: &'static str,
    field: Option<&'static str>,
    class: ApiCodeClass,
    en: &'static str,
    fr: &'static str,
) -> ApiCode {
    ApiCode {
        code,
        reason,
        field,
        class,
        en,
        fr,
    }
}

/// Every documented code of the send call, in SMS Partner's order.
#[rustfmt::skip]
pub const API_CODES: [ApiCode; 30] = [
    row(1, "api_key_required", Some("apiKey"), Account, "the API key is required", "la clé API est obligatoire"),
    row(2, "phone_numbers_required", Some("phoneNumbers"), Request, "the phone number is required", "le numéro de téléphone est obligatoire"),
    row(4, "message_not_found", None, Upstream, "message not found", "message introuvable"),
    row(9, "constraints_failed", None, Request, "at least one constraint failed", "au moins une contrainte n'est pas respectée"),
    row(10, "api_key_invalid", Some("apiKey"), Account, "wrong API key", "clé API incorrecte"),
    row(11, "not_enough_credits", None, Credits, "not enough credits", "crédits insuffisants"),
    row(13, "no_price_for_numbers", Some("phoneNumbers"), Account, "the account has no price for these numbers", "le compte n'a pas de tarif pour ces numéros"),
    row(14, "number_in_stop_list", Some("phoneNumbers"), Request, "the number is on the STOP list", "le numéro est dans la liste STOP"),
    row(15, "number_already_listed", Some("phoneNumbers"), Request, "the number is already in the list", "le numéro est déjà dans la liste"),
    row(20, "account_disabled", None, Account, "the account is disabled", "le compte est désactivé"),
    row(22, "outside_marketing_hours", Some("time"), Request, "a marketing SMS must be sent between 08:00 and 22:00", "un SMS marketing doit partir entre 8 h et 22 h"),
    row(23, "marketing_day_not_allowed", Some("scheduledDeliveryDate"), Request, "no marketing SMS on Sundays and public holidays", "pas de SMS marketing le dimanche ni les jours fériés"),
    row(30, "account_blocked", None, Account, "the account is blocked", "le compte est bloqué"),
    row(40, "api_access_denied", None, Account, "API access denied", "accès à l'API refusé"),
    row(42, "low_cost_too_long", Some("message"), Request, "a low-cost SMS is limited to 160 characters", "un SMS low cost est limité à 160 caractères"),
    row(43, "message_required", Some("message"), Request, "the message is required", "le message est obligatoire"),
    row(44, "sender_invalid", Some("sender"), Request, "the sender is not valid", "l'émetteur n'est pas valide"),
    row(45, "schedule_date_required", Some("scheduledDeliveryDate"), Request, "the date is required", "la date est obligatoire"),
    row(46, "time_required", Some("time"), Request, "the hour is required", "l'heure est obligatoire"),
    row(47, "minute_invalid", Some("minute"), Request, "the minute is not valid", "la minute n'est pas valide"),
    row(48, "minute_out_of_range", Some("minute"), Request, "the minute must be between 5 and 55, in steps of 5", "la minute doit être entre 5 et 55, par pas de 5"),
    row(49, "schedule_date_invalid", Some("scheduledDeliveryDate"), Request, "the date is not valid", "la date n'est pas valide"),
    row(50, "too_many_phone_numbers", Some("phoneNumbers"), Request, "at most 500 numbers per request", "500 numéros au plus par requête"),
    row(51, "low_cost_not_allowed", Some("gamme"), Request, "the low-cost range is not allowed on this account", "la gamme low cost n'est pas autorisée sur ce compte"),
    row(52, "too_many_sms", Some("message"), Request, "a concatenated message cannot exceed 10 SMS", "un message concaténé ne peut pas dépasser 10 SMS"),
    row(55, "no_phone_number", Some("phoneNumbers"), Request, "no number to send to", "aucun numéro à qui envoyer"),
    row(90, "json_malformed", None, Upstream, "the JSON sent is malformed", "le JSON envoyé est mal formé"),
    row(96, "ip_not_allowed", None, Account, "this IP address is not allowed", "cette adresse IP n'est pas autorisée"),
    row(500, "queue_failed", None, Upstream, "SMS Partner failed to queue the SMS", "SMS Partner n'a pas pu mettre le SMS en file"),
    row(992, "sender_not_allowed", Some("sender"), Request, "the sender is not allowed on this account", "l'émetteur n'est pas autorisé sur ce compte"),
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
