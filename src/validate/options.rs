//! The options of `validateSendRequest` and of a client's `send`, read and checked: a wrong one
//! is an `option_invalid` error in the caller's language, never an exception.

use crate::input::InputValue;
use crate::issue::{Issue, IssueCode};
use crate::lang::{Lang, Text};
use crate::options::flag_value;

use super::{ValidateOptions, destinations};

/// The `now` option, as the bindings found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NowOption {
    /// Not given (`undefined` or `null`): the clock's time.
    #[default]
    Absent,
    /// A valid instant, in milliseconds since the Unix epoch.
    At(i64),
    /// Given but not a valid `Date` or ISO 8601 string, or unreadable.
    Invalid,
}

/// The options as given, one loose value each (`now` already read as an instant).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawValidateOptions {
    /// `now`.
    pub now: NowOption,
    /// `commercial`.
    pub commercial: InputValue,
    /// `requireApiKey`.
    pub require_api_key: InputValue,
    /// `lang`.
    pub lang: InputValue,
    /// `allowedRegions`.
    pub allowed_regions: InputValue,
}

/// A `lang` option read leniently: `"en"`, `"fr"`, `"fr-FR"`…; anything else is `None`.
pub fn lang_value(value: &InputValue) -> Option<Lang> {
    match value {
        InputValue::Text(tag) => Lang::from_tag(tag),
        _ => None,
    }
}

/// Reads the options; `clock_ms` is the time when `now` is not given. Each wrong option is an
/// issue on `options` (in French when `lang` says so) and counts as its default.
pub fn read_validate_options(
    raw: &RawValidateOptions,
    clock_ms: i64,
) -> (ValidateOptions, Vec<Issue>) {
    let lang = match &raw.lang {
        InputValue::Absent | InputValue::Null => Some(Lang::En),
        other => lang_value(other),
    };
    let sentences = lang.unwrap_or_default();
    let mut issues = Vec::new();
    let mut bad = |name: &str, rule: Text| {
        let rule = sentences.text(rule);
        issues.push(Issue::of(
            IssueCode::OptionInvalid,
            sentences,
            &[&name, &rule],
        ));
    };
    let now_ms = match raw.now {
        NowOption::Absent => clock_ms,
        NowOption::At(ms) => ms,
        NowOption::Invalid => {
            bad("now", Text::DateOrIso);
            clock_ms
        }
    };
    let mut flag = |name: &str, value: &InputValue, default: bool| {
        let unset = matches!(value, InputValue::Absent | InputValue::Null);
        if unset {
            return default;
        }
        flag_value(value).unwrap_or_else(|| {
            bad(name, Text::TrueOrFalse);
            default
        })
    };
    let commercial = flag("commercial", &raw.commercial, false);
    let require_api_key = flag("requireApiKey", &raw.require_api_key, true);
    if lang.is_none() {
        bad("lang", Text::EnOrFr);
    }
    let allowed_regions = destinations::read(&raw.allowed_regions).unwrap_or_else(|_| {
        bad("allowedRegions", Text::RegionCodes);
        None
    });
    (
        ValidateOptions {
            now_ms,
            commercial,
            lang: sentences,
            require_api_key,
            allowed_regions,
        },
        issues,
    )
}
