//! The languages of the sentences meant for a person, each one table (`en`, `fr`) by key.
//!
//! Every sentence is looked up by a key that names it: the enum itself for the days, the
//! holidays and the number types (whose names are given here: `Weekday::name`, `Holiday::name`,
//! `NumberType::label`), [`IssueText`] for an issue code's sentence (named as the code), [`Text`]
//! for the other sentences and phrases, SMS Partner's own number for its codes. The modules
//! that write sentences use this one, so their other keys live here, not there (no circle).
//! A `{}` in a sentence is a detail of the case at hand, filled by `issue::fill`; a native test
//! checks that both tables have the same keys and the same `{}` in each.

use std::borrow::Cow;

use serde::Serialize;

use crate::calendar::{Holiday, Weekday};
use crate::numbering_plan::NumberType;

mod en;
mod fr;

/// Language of the human-readable sentences in reports (`lang` option in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Parses a language tag such as `"en"`, `"fr"` or `"fr-FR"`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Some(Lang::Fr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The sentence or phrase `key` in this language.
    pub const fn text(self, key: Text) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Fr => fr::text(key),
        }
    }

    /// The sentence of an issue code in this language, with the limits written in; each `{}`
    /// is a detail of the case at hand.
    pub fn issue(self, key: IssueText) -> Cow<'static, str> {
        match self {
            Lang::En => en::issue(key),
            Lang::Fr => fr::issue(key),
        }
    }

    /// The meaning of one of SMS Partner's codes in this language; empty for a code it does
    /// not document.
    pub const fn api_code(self, code: i64) -> &'static str {
        match self {
            Lang::En => en::api_code(code),
            Lang::Fr => fr::api_code(code),
        }
    }
}

impl Weekday {
    /// The name of the day in `lang` (French names in lower case, as French writes them).
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::weekday(self),
            Lang::Fr => fr::weekday(self),
        }
    }
}

impl Holiday {
    /// The usual name of the holiday in `lang`.
    pub const fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::holiday(self),
            Lang::Fr => fr::holiday(self),
        }
    }
}

impl NumberType {
    /// The type in words, in `lang` (`"fixed line"`, `"ligne fixe"`).
    pub const fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::number_type(self),
            Lang::Fr => fr::number_type(self),
        }
    }
}

/// Declares a key enum and its list `ALL`.
macro_rules! keys {
    ($(#[$doc:meta])* $name:ident { $( $(#[$vdoc:meta])* $variant:ident, )* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )*
        }

        impl $name {
            /// Every key.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
        }
    };
}

keys! {
    /// A sentence or a phrase other than an issue code's, named by what it says.
    Text {
        /// January ([`Text::MONTHS`]).
        January,
        /// February.
        February,
        /// March.
        March,
        /// April.
        April,
        /// May.
        May,
        /// June.
        June,
        /// July.
        July,
        /// August.
        August,
        /// September.
        September,
        /// October.
        October,
        /// November.
        November,
        /// December.
        December,
        /// An entry with no digit (`InvalidReason`).
        NoNumber,
        /// A character that has no place in a number; `{}` the character, quoted.
        InvalidCharacter,
        /// Too few digits; `{}` the fewest.
        TooShort,
        /// Too many digits; `{}` the most.
        TooLong,
        /// No country calling code after `+` or `00`.
        UnknownCountryCode,
        /// A national number that is not French.
        NationalFormatNotFrench,
        /// Not in the numbering plan; `{}` the country calling code.
        NotInNumberingPlan,
        /// A character quoted in a sentence; `{}` the character.
        Quoted,
        /// Entries of a list past those read; `{}` how many, `{}` the most read.
        EntriesNotRead,
        /// The end of "the API key …" for an empty key (`ApiKeyProblem`).
        KeyEmpty,
        /// … for a key longer than any.
        KeyTooLong,
        /// … for a key with spaces or controls.
        KeyBadCharacters,
        /// … for a key that is not valid text.
        KeyNotText,
        /// Why a commercial SMS waits at night (`QuietReason`).
        QuietNight,
        /// … on a Sunday.
        QuietSunday,
        /// … on a public holiday; `{}` its name.
        QuietHoliday,
        /// An instant in Paris time: `{}` the weekday, day, month, year, hour and minute.
        Instant,
        /// More issues of one code than are listed; `{}` how many, `{}` the code.
        MoreOfThisKind,
        /// An empty list of allowed regions.
        NoRegions,
        /// The end of a cut list of regions; `{}` how many more.
        AndMore,
        /// What the region code `"001"` stands for.
        NoSingleRegion,
        /// More refused numbers than are listed; `{}` how many.
        MoreOutsideDestinations,
        /// The type a text field must have (`invalid_type`).
        AString,
        /// The type `phoneNumbers` must have.
        StringOrStrings,
        /// More invalid numbers than are listed; `{}` how many.
        MoreInvalidNumbers,
        /// What `options.now` must be (`option_invalid`).
        DateOrIso,
        /// What a flag option must be.
        TrueOrFalse,
        /// What `options.lang` must be.
        EnOrFr,
        /// What `options.allowedRegions` must be.
        RegionCodes,
        /// `parsePhoneNumbers` with an `allowedRegions` it cannot read.
        RegionsUnreadable,
        /// A template's row without columns (`merge_field_unknown`).
        NoColumns,
        /// A refusal of SMS Partner with a code it does not document.
        RefusedBySmsPartner,
    }
}

impl Text {
    /// The months, January first.
    pub const MONTHS: [Text; 12] = [
        Text::January,
        Text::February,
        Text::March,
        Text::April,
        Text::May,
        Text::June,
        Text::July,
        Text::August,
        Text::September,
        Text::October,
        Text::November,
        Text::December,
    ];
}

keys! {
    /// The key of an issue code's sentence, named as the code (`IssueCode`, which maps each
    /// of its codes to the key of the same name).
    IssueText {
        /// `request_not_object`.
        RequestNotObject,
        /// `api_key_required`.
        ApiKeyRequired,
        /// `api_key_invalid`.
        ApiKeyInvalid,
        /// `api_key_conflict`.
        ApiKeyConflict,
        /// `phone_numbers_required`.
        PhoneNumbersRequired,
        /// `phone_number_invalid`.
        PhoneNumberInvalid,
        /// `too_many_phone_numbers`.
        TooManyPhoneNumbers,
        /// `destination_not_allowed`.
        DestinationNotAllowed,
        /// `message_required`.
        MessageRequired,
        /// `message_too_long`.
        MessageTooLong,
        /// `low_cost_too_long`.
        LowCostTooLong,
        /// `merge_field_unknown`.
        MergeFieldUnknown,
        /// `merge_field_empty`.
        MergeFieldEmpty,
        /// `merge_field_unclosed`.
        MergeFieldUnclosed,
        /// `gamme_invalid`.
        GammeInvalid,
        /// `sender_too_short`.
        SenderTooShort,
        /// `sender_too_long`.
        SenderTooLong,
        /// `sender_invalid_characters`.
        SenderInvalidCharacters,
        /// `tag_too_long`.
        TagTooLong,
        /// `tag_invalid_characters`.
        TagInvalidCharacters,
        /// `tag_not_lowercase`.
        TagNotLowercase,
        /// `schedule_date_invalid`.
        ScheduleDateInvalid,
        /// `schedule_in_past`.
        ScheduleInPast,
        /// `time_required`.
        TimeRequired,
        /// `time_invalid`.
        TimeInvalid,
        /// `minute_required`.
        MinuteRequired,
        /// `minute_invalid`.
        MinuteInvalid,
        /// `url_invalid`.
        UrlInvalid,
        /// `flag_invalid`.
        FlagInvalid,
        /// `format_unsupported`.
        FormatUnsupported,
        /// `format_invalid`.
        FormatInvalid,
        /// `invalid_type`.
        InvalidType,
        /// `option_invalid`.
        OptionInvalid,
        /// `rejected_by_smspartner`.
        RejectedBySmsPartner,
        /// `duplicate_phone_numbers`.
        DuplicatePhoneNumbers,
        /// `phone_number_not_mobile`.
        PhoneNumberNotMobile,
        /// `characters_replaced`.
        CharactersReplaced,
        /// `characters_unsupported`.
        CharactersUnsupported,
        /// `unicode_needs_activation`.
        UnicodeNeedsActivation,
        /// `sender_numeric`.
        SenderNumeric,
        /// `stop_sms_not_applicable`.
        StopSmsNotApplicable,
        /// `stop_mention_missing`.
        StopMentionMissing,
        /// `nopub_mention_missing`.
        NopubMentionMissing,
        /// `quiet_hours_delay`.
        QuietHoursDelay,
        /// `schedule_date_missing`.
        ScheduleDateMissing,
        /// `unknown_field`.
        UnknownField,
        /// `messages_required`.
        MessagesRequired,
        /// `too_many_messages`.
        TooManyMessages,
        /// `message_id_required`.
        MessageIdRequired,
        /// `message_id_invalid`.
        MessageIdInvalid,
        /// `tag_required`.
        TagRequired,
        /// `stop_id_required`.
        StopIdRequired,
        /// `stop_id_invalid`.
        StopIdInvalid,
        /// `queries_required`.
        QueriesRequired,
        /// `too_many_queries`.
        TooManyQueries,
        /// `interval_invalid`.
        IntervalInvalid,
        /// `date_range_required`.
        DateRangeRequired,
        /// `date_invalid`.
        DateInvalid,
        /// `date_range_reversed`.
        DateRangeReversed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What must be the same in both languages: the `{}` details (in order, so their count),
    /// the other braces, the white space at either end, a final full stop; and neither empty.
    fn shape(s: &str) -> (usize, usize, usize, bool, bool, bool) {
        assert!(!s.is_empty());
        (
            s.matches("{}").count(),
            s.matches('{').count(),
            s.matches('}').count(),
            s.starts_with(char::is_whitespace),
            s.ends_with(char::is_whitespace),
            s.ends_with('.'),
        )
    }

    #[test]
    fn both_tables_have_the_same_keys_and_details() {
        for day in 0..7 {
            let key = crate::calendar::Date::from_days_since_epoch(day)
                .unwrap()
                .weekday();
            assert_eq!(shape(en::weekday(key)), shape(fr::weekday(key)), "{key:?}");
        }
        for key in Holiday::ALL {
            assert_eq!(shape(en::holiday(key)), shape(fr::holiday(key)), "{key:?}");
        }
        for key in NumberType::ALL {
            let (en, fr) = (en::number_type(key), fr::number_type(key));
            assert_eq!(shape(en), shape(fr), "{key:?}");
        }
        for &key in Text::ALL {
            let (en, fr) = (en::text(key), fr::text(key));
            assert_eq!(shape(en), shape(fr), "{key:?}: {en:?} / {fr:?}");
        }
        for &key in IssueText::ALL {
            let (en, fr) = (en::issue(key), fr::issue(key));
            assert_eq!(shape(&en), shape(&fr), "{key:?}: {en:?} / {fr:?}");
        }
        // SMS Partner's codes are numbers: every number up to far past the highest.
        for code in -1..=10_000 {
            let (en, fr) = (en::api_code(code), fr::api_code(code));
            assert_eq!(en.is_empty(), fr.is_empty(), "code {code}");
            if !en.is_empty() {
                assert_eq!(shape(en), shape(fr), "code {code}: {en:?} / {fr:?}");
            }
        }
    }
}
