//! Cancelling a scheduled send (`GET /v1/message-cancel`), refused locally when it is too late.

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::error::{ErrorKind, SmsPartnerError};
use crate::paris_time::{self, MS_PER_MINUTE};
use crate::wire::{HttpRequest, Json};

use super::{answer, get};

/// The call's path.
pub const CANCEL_PATH: &str = "/v1/message-cancel";

/// SMS Partner's rule: no cancel less than 5 minutes before the scheduled time.
pub const CANCEL_DEADLINE_MS: i64 = 5 * MS_PER_MINUTE;

/// The answer of a cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cancelled {
    /// Always `true`.
    pub cancelled: bool,
}

/// The codes of the cancel page. Its table, not the error page's, which gives 5 and 6 other
/// meanings ("list empty", "bad format") copied from the status calls.
fn cancel_reason(code: i64) -> Option<&'static str> {
    match code {
        3 => Some("message_id_required"),
        4 => Some("message_not_found"),
        5 => Some("already_cancelled"),
        6 => Some("too_late"),
        7 => Some("already_sent"),
        _ => None,
    }
}

/// The last instant at which SMS Partner still takes a cancel of a send scheduled at
/// `scheduled_ms`: [`CANCEL_DEADLINE_MS`] before it (exactly then is still in time).
pub const fn last_cancel_ms(scheduled_ms: i64) -> i64 {
    scheduled_ms.saturating_sub(CANCEL_DEADLINE_MS)
}

/// Whether a send scheduled at `scheduled_ms` can still be cancelled at `now_ms`: until
/// [`last_cancel_ms`] included.
///
/// # Errors
/// A `validation` error, before any call, with `reason` `too_late` inside the last 5 minutes
/// and `already_sent` once the time has come (SMS Partner's codes 6 and 7).
pub fn check_deadline(scheduled_ms: i64, now_ms: i64) -> Result<(), SmsPartnerError> {
    if now_ms <= last_cancel_ms(scheduled_ms) {
        return Ok(());
    }
    let left = scheduled_ms.saturating_sub(now_ms);
    let when = paris_time::format_iso8601(scheduled_ms);
    let (reason, message) = if left > 0 {
        (
            "too_late",
            format!(
                "too late to cancel: SMS Partner refuses less than 5 minutes before the send ({when})"
            ),
        )
    } else {
        (
            "already_sent",
            format!("too late to cancel: the send time has come ({when}), the SMS has left"),
        )
    };
    Err(SmsPartnerError::new(ErrorKind::Validation, message).with_reason(reason))
}

/// `GET /v1/message-cancel?apiKey&messageId`.
pub fn cancel_request(base_url: &str, api_key: &ApiKey, message_id: &str) -> HttpRequest {
    get(base_url, CANCEL_PATH, api_key, &[("messageId", message_id)])
}

/// Reads the answer of a cancel.
///
/// # Errors
/// [`SmsPartnerError`] of kind `api` with `reason` `already_cancelled` (5), `too_late` (6),
/// `already_sent` (7) or `message_not_found` (4), or `http`.
pub fn decode_cancel(
    status: u16,
    body: Option<Json>,
    api_key: &ApiKey,
) -> Result<Cancelled, SmsPartnerError> {
    answer(status, body, api_key, cancel_reason).map(|_| Cancelled { cancelled: true })
}
