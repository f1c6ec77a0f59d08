//! The opt-out mentions a commercial SMS must carry: SMS Partner's STOP mention in the premium
//! range (`isStopSms`), `NoPub=STOP` written by the sender in the low-cost range.

use crate::issue::IssueCode;
use crate::message::{Gamme, MessageOptions};

use super::Findings;

/// What the sender writes in a low-cost commercial message (SMS Partner's page), matched
/// without regard to case.
pub const NOPUB_MENTION: &str = "NoPub=STOP";

/// Warns when a commercial message lacks the opt-out mention of its range.
pub(crate) fn opt_out(message: &MessageOptions, text: &str, f: &mut Findings) {
    match message.gamme {
        Gamme::Premium if !message.stop_sms => f.add(IssueCode::StopMentionMissing, &[]),
        Gamme::LowCost if !contains_ignoring_case(text, NOPUB_MENTION) => {
            f.add(IssueCode::NopubMentionMissing, &[]);
        }
        _ => {}
    }
}

/// Whether `text` holds `needle` (ASCII), whatever the case of either.
fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    text.to_ascii_lowercase()
        .contains(&needle.to_ascii_lowercase())
}
