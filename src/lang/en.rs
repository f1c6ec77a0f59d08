//! Every sentence in English, one entry a key, the same keys as the other table (`fr`).

use std::borrow::Cow;

use super::{IssueText, Text};
use crate::calendar::{Holiday, Weekday};
use crate::limits::{
    MAX_GSM_SEPTETS, MAX_HOUR, MAX_MINUTE, MAX_PHONE_NUMBERS, MAX_SMS_PER_MESSAGE, MAX_TAG_LEN,
    MAX_UCS2_UNITS, MAX_URL_LEN, MINUTE_STEP, SENDER_LEN,
};
use crate::numbering_plan::NumberType;

/// A sentence without limits written in.
const fn plain(s: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(s)
}

/// The days of the week.
pub(super) const fn weekday(key: Weekday) -> &'static str {
    match key {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The national public holidays.
pub(super) const fn holiday(key: Holiday) -> &'static str {
    match key {
        Holiday::NewYearsDay => "New Year's Day",
        Holiday::EasterMonday => "Easter Monday",
        Holiday::LabourDay => "Labour Day",
        Holiday::VictoryInEuropeDay => "Victory in Europe Day",
        Holiday::AscensionDay => "Ascension Day",
        Holiday::WhitMonday => "Whit Monday",
        Holiday::BastilleDay => "Bastille Day",
        Holiday::AssumptionDay => "Assumption Day",
        Holiday::AllSaintsDay => "All Saints' Day",
        Holiday::ArmisticeDay => "Armistice Day",
        Holiday::ChristmasDay => "Christmas Day",
    }
}

/// The types of phone number, in words.
pub(super) const fn number_type(key: NumberType) -> &'static str {
    match key {
        NumberType::Mobile => "mobile",
        NumberType::FixedLine => "fixed line",
        NumberType::FixedLineOrMobile => "fixed line or mobile",
        NumberType::TollFree => "toll-free number",
        NumberType::PremiumRate => "premium-rate number",
        NumberType::SharedCost => "shared-cost number",
        NumberType::Voip => "VoIP number",
        NumberType::PersonalNumber => "personal number",
        NumberType::Pager => "pager",
        NumberType::Uan => "company access number",
        NumberType::Voicemail => "voicemail access",
        NumberType::Unknown => "unknown type",
    }
}

/// The sentences and phrases other than the issue codes'.
pub(super) const fn text(key: Text) -> &'static str {
    use Text::*;
    match key {
        January => "January",
        February => "February",
        March => "March",
        April => "April",
        May => "May",
        June => "June",
        July => "July",
        August => "August",
        September => "September",
        October => "October",
        November => "November",
        December => "December",
        NoNumber => "The entry holds no phone number.",
        InvalidCharacter => {
            "The character {} cannot appear in a phone number: use digits, a + at the start and \
             separators (spaces, dots, dashes, slashes, parentheses)."
        }
        TooShort => {
            "The number is too short: with its country code, a phone number has at least {} digits."
        }
        TooLong => {
            "The number is too long: with its country code, a phone number has at most {} digits."
        }
        UnknownCountryCode => {
            "The number does not start with a country calling code after + or 00 (France is +33)."
        }
        NationalFormatNotFrench => {
            "A number without + or 00 must be a French number of 10 digits starting with 0 \
             (06 12 34 56 78); write other numbers in international form (+49 …)."
        }
        NotInNumberingPlan => {
            "No such number in the numbering plan of +{}: check its digits (one too many or too \
             few, or a range that is not in use)."
        }
        Quoted => "“{}”",
        EntriesNotRead => "{} more entries were not read: at most {} are read at once",
        KeyEmpty => "is empty",
        KeyTooLong => "is too long: no API key has more than 256 bytes",
        KeyBadCharacters => "holds spaces or control characters",
        KeyNotText => "is not valid text (a lone surrogate, or U+FFFD)",
        QuietNight => "commercial SMS leave only between 08:00 and 20:00, Paris time",
        QuietSunday => "commercial SMS do not leave on Sundays",
        QuietHoliday => "commercial SMS do not leave on public holidays ({})",
        Instant => "on {} {} {} {} at {}:{} (Paris time)",
        MoreOfThisKind => "{} more issues of this kind ({}) are not listed",
        NoRegions => "none",
        AndMore => " and {} more",
        NoSingleRegion => {
            "001 (international networks, non-geographic numbers and country codes shared by \
             several regions: list \"001\" to allow them)"
        }
        MoreOutsideDestinations => "{} more phone numbers are outside the allowed destinations",
        AString => "a string",
        StringOrStrings => "a comma-separated string or an array of strings",
        MoreInvalidNumbers => "{} more phone numbers are not valid",
        DateOrIso => "a Date or an ISO 8601 string",
        TrueOrFalse => "true or false",
        EnOrFr => "\"en\" or \"fr\"",
        RegionCodes => "an array of region codes, two letters each (\"FR\", \"GP\"…) or \"001\"",
        RegionsUnreadable => {
            "options.allowedRegions must be an array of region codes, two letters each (\"FR\", \
             \"GP\"…) or \"001\": no number is allowed until it is"
        }
        NoColumns => "none",
        RefusedBySmsPartner => "SMS Partner refused the request",
    }
}

/// The sentence of each issue code, with the limits written in; each `{}` is a detail.
pub(super) fn issue(key: IssueText) -> Cow<'static, str> {
    use IssueText::*;
    let (min_sender, max_sender) = (SENDER_LEN.start(), SENDER_LEN.end());
    match key {
        RequestNotObject => plain("the request must be an object of SMS Partner parameters ({})"),
        ApiKeyRequired => plain("the API key is required"),
        ApiKeyInvalid => plain("the API key {}"),
        ApiKeyConflict => plain("the request carries an apiKey other than the client's: leave it out"),
        PhoneNumbersRequired => plain("at least one phone number is required"),
        PhoneNumberInvalid => plain("\"{}\" is not a valid phone number: {}"),
        TooManyPhoneNumbers => format!("{{}} phone numbers given: SMS Partner takes at most {MAX_PHONE_NUMBERS} per request").into(),
        DestinationNotAllowed => plain("{} is in region {}, outside the allowed destinations ({})"),
        MessageRequired => plain("the message is required"),
        MessageTooLong => format!("the message would take {{}} SMS; SMS Partner joins at most {MAX_SMS_PER_MESSAGE} into one message ({MAX_GSM_SEPTETS} characters, {MAX_UCS2_UNITS} in Unicode mode)").into(),
        LowCostTooLong => plain("the message would take {} SMS; a low-cost message is a single SMS (160 characters, 70 in Unicode mode): shorten it or use the premium range"),
        MergeFieldUnknown => plain("the merge field {{}} is not a column: the columns are {}"),
        MergeFieldEmpty => plain("the merge field {{}} is empty in this row"),
        MergeFieldUnclosed => plain("the { at character {} opens a merge field that is never closed: close it with } or write {{ for a brace"),
        GammeInvalid => plain("gamme must be 1 (premium) or 2 (low cost)"),
        SenderTooShort => format!("the sender must have at least {min_sender} characters ({{}} given)").into(),
        SenderTooLong => format!("the sender cannot be longer than {max_sender} characters ({{}} given)").into(),
        SenderInvalidCharacters => plain("the sender may hold only unaccented letters and digits"),
        TagTooLong => format!("the tag cannot be longer than {MAX_TAG_LEN} characters ({{}} given)").into(),
        TagInvalidCharacters => plain("the tag cannot contain spaces"),
        TagNotLowercase => plain("SMS Partner takes lowercase tags only: write \"{}\""),
        ScheduleDateInvalid => plain("\"{}\" is not a date in the form dd/MM/yyyy"),
        ScheduleInPast => plain("{} at {} (Paris time) is not in the future"),
        TimeRequired => plain("time is required with scheduledDeliveryDate"),
        TimeInvalid => format!("time must be a whole hour from 0 to {MAX_HOUR}").into(),
        MinuteRequired => plain("minute is required with scheduledDeliveryDate"),
        MinuteInvalid => format!("minute must be a multiple of {MINUTE_STEP} from 0 to {MAX_MINUTE}").into(),
        UrlInvalid => format!("{{}} must be an http:// or https:// address (at most {MAX_URL_LEN} characters)").into(),
        FlagInvalid => plain("{} must be 1 or 0 (or true or false)"),
        FormatUnsupported => plain("this library reads JSON answers only: leave _format out or set it to json"),
        FormatInvalid => plain("_format must be json or xml"),
        InvalidType => plain("{} must be {}, not {}"),
        OptionInvalid => plain("options.{} must be {}"),
        RejectedBySmsPartner => plain("{}"),
        DuplicatePhoneNumbers => plain("given more than once, sent once: {}"),
        PhoneNumberNotMobile => plain("these numbers cannot receive an SMS: {}"),
        CharactersReplaced => plain("SMS Partner will replace {} (see the preview)"),
        CharactersUnsupported => plain("{} cannot be sent without Unicode mode (isUnicode): they would arrive as ?"),
        UnicodeNeedsActivation => plain("Unicode sending must be enabled on your account by SMS Partner"),
        SenderNumeric => plain("a sender made only of digits is replaced by some networks; add a letter"),
        StopSmsNotApplicable => plain("isStopSms does not apply to the low-cost range: write NoPub=STOP in the message"),
        StopMentionMissing => plain("a commercial SMS must carry the STOP mention: set isStopSms to 1"),
        NopubMentionMissing => plain("a commercial low-cost SMS must end with NoPub=STOP, written by you"),
        QuietHoursDelay => plain("{}: this one will leave {}"),
        ScheduleDateMissing => plain("time and minute are ignored without scheduledDeliveryDate: the SMS leaves now"),
        UnknownField => plain("SMS Partner does not know this parameter; it will not be sent"),
        MessagesRequired => plain("messages is required: [{ phoneNumber, message }], at least one"),
        TooManyMessages => plain("{} messages given; at most {} are sent at once"),
        MessageIdRequired => plain("{} is required: SMS Partner's message id"),
        MessageIdInvalid => plain("{} must be SMS Partner's message id, a whole number or its digits"),
        TagRequired => plain("the tag is required"),
        StopIdRequired => plain("the id of the STOP list entry is required"),
        StopIdInvalid => plain("the id must be that of a STOP list entry, a whole number"),
        QueriesRequired => plain("give at least one { messageId, phoneNumber }"),
        TooManyQueries => plain("{} queries given; at most {} are asked at once"),
        IntervalInvalid => plain("interval must be last_month, last_twelve_months or custom (from and to only with custom)"),
        DateRangeRequired => plain("the custom interval needs from and to, its first and last days"),
        DateInvalid => plain("{} must be a day, YYYY-MM-DD or DD-MM-YYYY"),
        DateRangeReversed => plain("from is after to: the first day comes before the last"),
    }
}

/// The meaning of each documented code of SMS Partner's send call; empty for any other.
#[rustfmt::skip]
pub(super) const fn api_code(code: i64) -> &'static str {
    match code {
        1 => "the API key is required",
        2 => "the phone number is required",
        4 => "message not found",
        9 => "at least one constraint failed",
        10 => "wrong API key",
        11 => "not enough credits",
        13 => "the account has no price for these numbers",
        14 => "the number is on the STOP list",
        15 => "the number is already in the list",
        20 => "the account is disabled",
        22 => "a marketing SMS must be sent between 08:00 and 22:00",
        23 => "no marketing SMS on Sundays and public holidays",
        30 => "the account is blocked",
        40 => "API access denied",
        42 => "a low-cost SMS is limited to 160 characters",
        43 => "the message is required",
        44 => "the sender is not valid",
        45 => "the date is required",
        46 => "the hour is required",
        47 => "the minute is not valid",
        48 => "the minute must be between 5 and 55, in steps of 5",
        49 => "the date is not valid",
        50 => "at most 500 numbers per request",
        51 => "the low-cost range is not allowed on this account",
        52 => "a concatenated message cannot exceed 10 SMS",
        55 => "no number to send to",
        90 => "the JSON sent is malformed",
        96 => "this IP address is not allowed",
        500 => "SMS Partner failed to queue the SMS",
        992 => "the sender is not allowed on this account",
        _ => "",
    }
}
