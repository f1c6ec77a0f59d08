//! One problem found in a request or reported by SMS Partner: a field, a stable code, a sentence.
//!
//! [`IssueCode`] is the one table of every validation code and warning: its name, the fields it
//! can be on, whether it refuses the request, and its sentences in English and French. The
//! TypeScript union `IssueCode` and the README's code list are checked against it.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::lang::Lang;
use crate::limits::{
    MAX_GSM_SEPTETS, MAX_HOUR, MAX_MINUTE, MAX_PHONE_NUMBERS, MAX_SMS_PER_MESSAGE, MAX_TAG_LEN,
    MAX_UCS2_UNITS, MAX_URL_LEN, MINUTE_STEP, SENDER_LEN,
};

/// Whether an issue refuses the request or only tells what will happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// SMS Partner would refuse the request (`errors`).
    Error,
    /// The request is accepted but something changes (`warnings`).
    Warning,
}

/// Declares [`IssueCode`] and its table: name, fields (empty: any field), severity.
macro_rules! issue_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, [$($field:literal),*], $severity:ident; )*) => {
        /// Every code a validation error or warning can have (`IssueCode` in TypeScript).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum IssueCode {
            $( $(#[$doc])* $variant, )*
        }

        impl IssueCode {
            /// Every code, in the order of the README's list.
            pub const ALL: &'static [IssueCode] = &[$(IssueCode::$variant),*];

            /// The stable snake_case name a program branches on.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(IssueCode::$variant => $code,)*
                }
            }

            /// The wire fields this code can be on; empty when it can be on any field.
            pub const fn fields(self) -> &'static [&'static str] {
                match self {
                    $(IssueCode::$variant => &[$($field),*],)*
                }
            }

            /// Whether the code refuses the request.
            pub const fn severity(self) -> Severity {
                match self {
                    $(IssueCode::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

issue_codes! {
    /// The request is not an object (`null`, a string, an array…).
    RequestNotObject = "request_not_object", ["request"], Error;
    /// No `apiKey`.
    ApiKeyRequired = "api_key_required", ["apiKey"], Error;
    /// An `apiKey` that cannot be a key (empty, spaces, far too long).
    ApiKeyInvalid = "api_key_invalid", ["apiKey"], Error;
    /// The request carries a key other than the client's.
    ApiKeyConflict = "api_key_conflict", ["apiKey"], Error;
    /// No phone number.
    PhoneNumbersRequired = "phone_numbers_required", ["phoneNumbers"], Error;
    /// A phone number that cannot be read.
    PhoneNumberInvalid = "phone_number_invalid", ["phoneNumbers"], Error;
    /// More than [`MAX_PHONE_NUMBERS`] numbers (SMS Partner's code 50).
    TooManyPhoneNumbers = "too_many_phone_numbers", ["phoneNumbers"], Error;
    /// A valid number of a region that `allowedRegions` does not list.
    DestinationNotAllowed = "destination_not_allowed", ["phoneNumbers"], Error;
    /// No message (code 43).
    MessageRequired = "message_required", ["message"], Error;
    /// More than [`MAX_SMS_PER_MESSAGE`] SMS (code 52).
    MessageTooLong = "message_too_long", ["message"], Error;
    /// A low-cost message of more than one SMS (code 42).
    LowCostTooLong = "low_cost_too_long", ["message"], Error;
    /// A merge field of the message that is not a column of the row (`renderTemplate`).
    MergeFieldUnknown = "merge_field_unknown", ["message"], Error;
    /// A merge field whose column is empty in the row.
    MergeFieldEmpty = "merge_field_empty", ["message"], Error;
    /// A `{` that no `}` closes.
    MergeFieldUnclosed = "merge_field_unclosed", ["message"], Error;
    /// `gamme` neither 1 nor 2.
    GammeInvalid = "gamme_invalid", ["gamme"], Error;
    /// A sender shorter than 3 characters.
    SenderTooShort = "sender_too_short", ["sender"], Error;
    /// A sender longer than 11 characters.
    SenderTooLong = "sender_too_long", ["sender"], Error;
    /// A sender with something else than unaccented letters and digits.
    SenderInvalidCharacters = "sender_invalid_characters", ["sender"], Error;
    /// A tag longer than [`MAX_TAG_LEN`] characters.
    TagTooLong = "tag_too_long", ["tag"], Error;
    /// A tag with spaces.
    TagInvalidCharacters = "tag_invalid_characters", ["tag"], Error;
    /// A tag with capitals (SMS Partner's current page: "lowercase only").
    TagNotLowercase = "tag_not_lowercase", ["tag"], Error;
    /// A schedule date that is not `dd/MM/yyyy` (code 49).
    ScheduleDateInvalid = "schedule_date_invalid", ["scheduledDeliveryDate"], Error;
    /// A schedule that is not in the future.
    ScheduleInPast = "schedule_in_past", ["scheduledDeliveryDate"], Error;
    /// A schedule date without `time` (code 46).
    TimeRequired = "time_required", ["time"], Error;
    /// A `time` that is not an hour 0–23.
    TimeInvalid = "time_invalid", ["time"], Error;
    /// A schedule date without `minute`.
    MinuteRequired = "minute_required", ["minute"], Error;
    /// A `minute` that is not a multiple of 5 from 0 to 55 (codes 47, 48).
    MinuteInvalid = "minute_invalid", ["minute"], Error;
    /// A callback address that is not an http or https URL.
    UrlInvalid = "url_invalid", ["urlResponse", "urlDlr"], Error;
    /// A flag that is not 0, 1, `true` or `false`.
    FlagInvalid = "flag_invalid", ["isStopSms", "isUnicode", "sandbox"], Error;
    /// `_format: "xml"`: this package reads JSON answers only.
    FormatUnsupported = "format_unsupported", ["_format"], Error;
    /// A `_format` that is neither json nor xml.
    FormatInvalid = "format_invalid", ["_format"], Error;
    /// A field of the wrong JavaScript type.
    InvalidType = "invalid_type", [], Error;
    /// A wrong option of the call itself.
    OptionInvalid = "option_invalid", ["options"], Error;
    /// A per-field error of SMS Partner's answer, in its own words.
    RejectedBySmsPartner = "rejected_by_smspartner", [], Error;
    /// A number given more than once, sent once.
    DuplicatePhoneNumbers = "duplicate_phone_numbers", ["phoneNumbers"], Warning;
    /// Numbers whose numbering plan says they cannot receive an SMS (fixed line, premium rate…).
    PhoneNumberNotMobile = "phone_number_not_mobile", ["phoneNumbers"], Warning;
    /// Characters SMS Partner replaces.
    CharactersReplaced = "characters_replaced", ["message"], Warning;
    /// Characters GSM-7 cannot carry.
    CharactersUnsupported = "characters_unsupported", ["message"], Warning;
    /// Unicode sending must be enabled on the account.
    UnicodeNeedsActivation = "unicode_needs_activation", ["isUnicode"], Warning;
    /// A sender made of digits only.
    SenderNumeric = "sender_numeric", ["sender"], Warning;
    /// `isStopSms` in the low-cost range.
    StopSmsNotApplicable = "stop_sms_not_applicable", ["isStopSms"], Warning;
    /// A commercial premium message without the STOP mention.
    StopMentionMissing = "stop_mention_missing", ["isStopSms"], Warning;
    /// A commercial low-cost message without `NoPub=STOP`.
    NopubMentionMissing = "nopub_mention_missing", ["message"], Warning;
    /// A commercial message held by the quiet hours.
    QuietHoursDelay = "quiet_hours_delay", ["scheduledDeliveryDate"], Warning;
    /// `time` or `minute` without a schedule date.
    ScheduleDateMissing = "schedule_date_missing", ["scheduledDeliveryDate"], Warning;
    /// A parameter SMS Partner does not know.
    UnknownField = "unknown_field", [], Warning;
    /// `sendBulk` without messages.
    MessagesRequired = "messages_required", ["messages"], Error;
    /// `sendBulk` with more messages than it takes at once.
    TooManyMessages = "too_many_messages", ["messages"], Error;
    /// A status or cancel call without a message id.
    MessageIdRequired = "message_id_required", [], Error;
    /// A message id that is neither a whole number nor SMS Partner's letters and digits.
    MessageIdInvalid = "message_id_invalid", [], Error;
    /// `statusByTag` without a tag.
    TagRequired = "tag_required", ["tag"], Error;
    /// `removeFromStopList` without an entry id.
    StopIdRequired = "stop_id_required", ["id"], Error;
    /// An entry id of the STOP list that cannot be one.
    StopIdInvalid = "stop_id_invalid", ["id"], Error;
    /// `multiStatus` without a query.
    QueriesRequired = "queries_required", ["queries"], Error;
    /// `multiStatus` with more queries than it takes at once.
    TooManyQueries = "too_many_queries", ["queries"], Error;
}

/// A sentence without placeholders or limits.
fn text(s: &'static str) -> Cow<'static, str> {
    Cow::Borrowed(s)
}

impl IssueCode {
    /// The code of a name, `None` for a name that is not a code.
    pub fn from_name(name: &str) -> Option<IssueCode> {
        IssueCode::ALL.iter().copied().find(|c| c.as_str() == name)
    }

    /// The one field of a code that is always on the same field.
    pub fn field(self) -> Option<&'static str> {
        match self.fields() {
            [only] => Some(only),
            _ => None,
        }
    }

    /// The sentence in English and in French, with the limits written in; each `{}` is a
    /// detail of the case at hand, filled by [`IssueCode::sentence`].
    pub fn templates(self) -> (Cow<'static, str>, Cow<'static, str>) {
        use IssueCode::*;
        let (min_sender, max_sender) = (SENDER_LEN.start(), SENDER_LEN.end());
        match self {
            RequestNotObject => (
                text("the request must be an object of SMS Partner parameters ({})"),
                text("la requête doit être un objet de paramètres SMS Partner ({})"),
            ),
            ApiKeyRequired => (
                text("the API key is required"),
                text("la clé API est obligatoire"),
            ),
            ApiKeyInvalid => (text("the API key {}"), text("la clé API {}")),
            ApiKeyConflict => (
                text("the request carries an apiKey other than the client's: leave it out"),
                text("la requête porte une apiKey autre que celle du client : retirez-la"),
            ),
            PhoneNumbersRequired => (
                text("at least one phone number is required"),
                text("au moins un numéro de téléphone est obligatoire"),
            ),
            PhoneNumberInvalid => (
                text("\"{}\" is not a valid phone number: {}"),
                text("« {} » n'est pas un numéro valide : {}"),
            ),
            TooManyPhoneNumbers => (
                format!("{{}} phone numbers given: SMS Partner takes at most {MAX_PHONE_NUMBERS} per request").into(),
                format!("{{}} numéros donnés : SMS Partner en accepte au plus {MAX_PHONE_NUMBERS} par requête").into(),
            ),
            DestinationNotAllowed => (
                text("{} is in region {}, outside the allowed destinations ({})"),
                text("{} est dans la région {}, hors des destinations autorisées ({})"),
            ),
            MessageRequired => (
                text("the message is required"),
                text("le message est obligatoire"),
            ),
            MessageTooLong => (
                format!("the message would take {{}} SMS; SMS Partner joins at most {MAX_SMS_PER_MESSAGE} into one message ({MAX_GSM_SEPTETS} characters, {MAX_UCS2_UNITS} in Unicode mode)").into(),
                format!("le message prendrait {{}} SMS ; SMS Partner en joint au plus {MAX_SMS_PER_MESSAGE} en un seul message ({MAX_GSM_SEPTETS} caractères, {MAX_UCS2_UNITS} en mode Unicode)").into(),
            ),
            LowCostTooLong => (
                text("the message would take {} SMS; a low-cost message is a single SMS (160 characters, 70 in Unicode mode): shorten it or use the premium range"),
                text("le message prendrait {} SMS ; un message low cost tient en un seul SMS (160 caractères, 70 en mode Unicode) : raccourcissez-le ou passez en gamme premium"),
            ),
            MergeFieldUnknown => (
                text("the merge field {{}} is not a column: the columns are {}"),
                text("le champ de fusion {{}} n'est pas une colonne : les colonnes sont {}"),
            ),
            MergeFieldEmpty => (
                text("the merge field {{}} is empty in this row"),
                text("le champ de fusion {{}} est vide dans cette ligne"),
            ),
            MergeFieldUnclosed => (
                text("the { at character {} opens a merge field that is never closed: close it with } or write {{ for a brace"),
                text("le { au caractère {} ouvre un champ de fusion jamais fermé : fermez-le par } ou écrivez {{ pour une accolade"),
            ),
            GammeInvalid => (
                text("gamme must be 1 (premium) or 2 (low cost)"),
                text("gamme doit valoir 1 (premium) ou 2 (low cost)"),
            ),
            SenderTooShort => (
                format!("the sender must have at least {min_sender} characters ({{}} given)").into(),
                format!("l'émetteur doit avoir au moins {min_sender} caractères ({{}} donnés)").into(),
            ),
            SenderTooLong => (
                format!("the sender cannot be longer than {max_sender} characters ({{}} given)").into(),
                format!("l'émetteur ne peut pas dépasser {max_sender} caractères ({{}} donnés)").into(),
            ),
            SenderInvalidCharacters => (
                text("the sender may hold only unaccented letters and digits"),
                text("l'émetteur ne peut contenir que des lettres sans accent et des chiffres"),
            ),
            TagTooLong => (
                format!("the tag cannot be longer than {MAX_TAG_LEN} characters ({{}} given)").into(),
                format!("le tag ne peut pas dépasser {MAX_TAG_LEN} caractères ({{}} donnés)").into(),
            ),
            TagInvalidCharacters => (
                text("the tag cannot contain spaces"),
                text("le tag ne peut pas contenir d'espace"),
            ),
            TagNotLowercase => (
                text("SMS Partner takes lowercase tags only: write \"{}\""),
                text("SMS Partner n'accepte que des tags en minuscules : écrivez « {} »"),
            ),
            ScheduleDateInvalid => (
                text("\"{}\" is not a date in the form dd/MM/yyyy"),
                text("« {} » n'est pas une date au format jj/MM/aaaa"),
            ),
            ScheduleInPast => (
                text("{} at {} (Paris time) is not in the future"),
                text("le {} à {} (heure de Paris) n'est pas dans le futur"),
            ),
            TimeRequired => (
                text("time is required with scheduledDeliveryDate"),
                text("time est obligatoire avec scheduledDeliveryDate"),
            ),
            TimeInvalid => (
                format!("time must be a whole hour from 0 to {MAX_HOUR}").into(),
                format!("time doit être une heure entière de 0 à {MAX_HOUR}").into(),
            ),
            MinuteRequired => (
                text("minute is required with scheduledDeliveryDate"),
                text("minute est obligatoire avec scheduledDeliveryDate"),
            ),
            MinuteInvalid => (
                format!("minute must be a multiple of {MINUTE_STEP} from 0 to {MAX_MINUTE}").into(),
                format!("minute doit être un multiple de {MINUTE_STEP} de 0 à {MAX_MINUTE}").into(),
            ),
            UrlInvalid => (
                format!("{{}} must be an http:// or https:// address (at most {MAX_URL_LEN} characters)").into(),
                format!("{{}} doit être une adresse http:// ou https:// (au plus {MAX_URL_LEN} caractères)").into(),
            ),
            FlagInvalid => (
                text("{} must be 1 or 0 (or true or false)"),
                text("{} doit valoir 1 ou 0 (ou true ou false)"),
            ),
            FormatUnsupported => (
                text("this library reads JSON answers only: leave _format out or set it to json"),
                text("cette bibliothèque ne lit que les réponses JSON : omettez _format ou mettez json"),
            ),
            FormatInvalid => (
                text("_format must be json or xml"),
                text("_format doit valoir json ou xml"),
            ),
            InvalidType => (text("{} must be {}, not {}"), text("{} doit être {}, pas {}")),
            OptionInvalid => (text("options.{} must be {}"), text("options.{} doit être {}")),
            RejectedBySmsPartner => (text("{}"), text("{}")),
            DuplicatePhoneNumbers => (
                text("given more than once, sent once: {}"),
                text("donnés plusieurs fois, envoyés une fois : {}"),
            ),
            PhoneNumberNotMobile => (
                text("these numbers cannot receive an SMS: {}"),
                text("ces numéros ne peuvent pas recevoir de SMS : {}"),
            ),
            CharactersReplaced => (
                text("SMS Partner will replace {} (see the preview)"),
                text("SMS Partner remplacera {} (voir l'aperçu)"),
            ),
            CharactersUnsupported => (
                text("{} cannot be sent without Unicode mode (isUnicode): they would arrive as ?"),
                text("{} ne peuvent pas être envoyés sans le mode Unicode (isUnicode) : ils arriveraient en ?"),
            ),
            UnicodeNeedsActivation => (
                text("Unicode sending must be enabled on your account by SMS Partner"),
                text("l'envoi Unicode doit être activé sur votre compte par SMS Partner"),
            ),
            SenderNumeric => (
                text("a sender made only of digits is replaced by some networks; add a letter"),
                text("un émetteur composé uniquement de chiffres est remplacé par certains opérateurs ; ajoutez une lettre"),
            ),
            StopSmsNotApplicable => (
                text("isStopSms does not apply to the low-cost range: write NoPub=STOP in the message"),
                text("isStopSms ne s'applique pas à la gamme low cost : écrivez NoPub=STOP dans le message"),
            ),
            StopMentionMissing => (
                text("a commercial SMS must carry the STOP mention: set isStopSms to 1"),
                text("un SMS commercial doit porter la mention STOP : mettez isStopSms à 1"),
            ),
            NopubMentionMissing => (
                text("a commercial low-cost SMS must end with NoPub=STOP, written by you"),
                text("un SMS commercial low cost doit se terminer par NoPub=STOP, écrit par vous"),
            ),
            QuietHoursDelay => (
                text("{}: this one will leave {}"),
                text("{} : celui-ci partira {}"),
            ),
            ScheduleDateMissing => (
                text("time and minute are ignored without scheduledDeliveryDate: the SMS leaves now"),
                text("time et minute sont ignorés sans scheduledDeliveryDate : le SMS part tout de suite"),
            ),
            UnknownField => (
                text("SMS Partner does not know this parameter; it will not be sent"),
                text("SMS Partner ne connaît pas ce paramètre ; il ne sera pas envoyé"),
            ),
            MessagesRequired => (
                text("messages is required: [{ phoneNumber, message }], at least one"),
                text("messages est obligatoire : [{ phoneNumber, message }], au moins un"),
            ),
            TooManyMessages => (
                text("{} messages given; at most {} are sent at once"),
                text("{} messages donnés ; au plus {} partent en une fois"),
            ),
            MessageIdRequired => (
                text("{} is required: SMS Partner's message id"),
                text("{} est obligatoire : l'identifiant de message de SMS Partner"),
            ),
            MessageIdInvalid => (
                text("{} must be SMS Partner's message id, a whole number or its digits"),
                text("{} doit être l'identifiant de message de SMS Partner, un nombre entier ou ses chiffres"),
            ),
            TagRequired => (text("the tag is required"), text("le tag est obligatoire")),
            StopIdRequired => (
                text("the id of the STOP list entry is required"),
                text("l'identifiant de l'entrée de la liste STOP est obligatoire"),
            ),
            StopIdInvalid => (
                text("the id must be that of a STOP list entry, a whole number"),
                text("l'identifiant doit être celui d'une entrée de la liste STOP, un nombre entier"),
            ),
            QueriesRequired => (
                text("give at least one { messageId, phoneNumber }"),
                text("donnez au moins un { messageId, phoneNumber }"),
            ),
            TooManyQueries => (
                text("{} queries given; at most {} are asked at once"),
                text("{} requêtes données ; au plus {} sont posées en une fois"),
            ),
        }
    }

    /// The sentence in `lang`, each `{}` of the template replaced by the next detail, in one
    /// pass (a detail that holds `{}` is written as it is). Missing details leave `{}` out.
    pub fn sentence(self, lang: Lang, details: &[&dyn fmt::Display]) -> String {
        let (en, fr) = self.templates();
        fill(lang.pick(&en, &fr), details)
    }
}

/// `template` with each `{}` replaced by the next detail, in one pass (a detail that holds `{}`
/// is written as it is); missing details leave `{}` out.
pub fn fill(template: &str, details: &[&dyn fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut details = details.iter();
    let mut pieces = template.split("{}");
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    for piece in pieces {
        if let Some(detail) = details.next() {
            out.push_str(&detail.to_string());
        }
        out.push_str(piece);
    }
    out
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for IssueCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for IssueCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A validation error or warning, or one per-field error of an SMS Partner answer.
///
/// Crosses into JavaScript as `{ field, code, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The wire name of the field concerned (`"sender"`, `"phoneNumbers"`…), or `"request"`
    /// when the request as a whole is at fault.
    pub field: Cow<'static, str>,
    /// A stable snake_case identifier a program can branch on.
    pub code: IssueCode,
    /// A sentence for a person.
    pub message: String,
}

impl Issue {
    /// An issue on `field` with the code's sentence in `lang`, filled with `details`.
    pub fn on(
        field: impl Into<Cow<'static, str>>,
        code: IssueCode,
        lang: Lang,
        details: &[&dyn fmt::Display],
    ) -> Issue {
        Issue {
            field: field.into(),
            code,
            message: code.sentence(lang, details),
        }
    }

    /// An issue on the code's own field (`"request"` for a code that has none).
    pub fn of(code: IssueCode, lang: Lang, details: &[&dyn fmt::Display]) -> Issue {
        Issue::on(code.field().unwrap_or("request"), code, lang, details)
    }

    /// An issue with a sentence written for the case (a summary of several).
    pub fn with_message(
        field: impl Into<Cow<'static, str>>,
        code: IssueCode,
        message: impl Into<String>,
    ) -> Issue {
        Issue {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}
