//! Every sentence in French, one entry a key, the same keys as the other table (`en`).

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
        Weekday::Monday => "lundi",
        Weekday::Tuesday => "mardi",
        Weekday::Wednesday => "mercredi",
        Weekday::Thursday => "jeudi",
        Weekday::Friday => "vendredi",
        Weekday::Saturday => "samedi",
        Weekday::Sunday => "dimanche",
    }
}

/// The national public holidays.
pub(super) const fn holiday(key: Holiday) -> &'static str {
    match key {
        Holiday::NewYearsDay => "Jour de l'an",
        Holiday::EasterMonday => "Lundi de Pâques",
        Holiday::LabourDay => "Fête du Travail",
        Holiday::VictoryInEuropeDay => "Victoire 1945",
        Holiday::AscensionDay => "Ascension",
        Holiday::WhitMonday => "Lundi de Pentecôte",
        Holiday::BastilleDay => "Fête nationale",
        Holiday::AssumptionDay => "Assomption",
        Holiday::AllSaintsDay => "Toussaint",
        Holiday::ArmisticeDay => "Armistice 1918",
        Holiday::ChristmasDay => "Noël",
    }
}

/// The types of phone number, in words.
pub(super) const fn number_type(key: NumberType) -> &'static str {
    match key {
        NumberType::Mobile => "mobile",
        NumberType::FixedLine => "ligne fixe",
        NumberType::FixedLineOrMobile => "fixe ou mobile",
        NumberType::TollFree => "numéro gratuit",
        NumberType::PremiumRate => "numéro surtaxé",
        NumberType::SharedCost => "numéro à coût partagé",
        NumberType::Voip => "numéro VoIP",
        NumberType::PersonalNumber => "numéro personnel",
        NumberType::Pager => "récepteur d'appel",
        NumberType::Uan => "numéro d'accès d'entreprise",
        NumberType::Voicemail => "accès messagerie vocale",
        NumberType::Unknown => "type inconnu",
    }
}

/// The sentences and phrases other than the issue codes'.
pub(super) const fn text(key: Text) -> &'static str {
    use Text::*;
    match key {
        January => "janvier",
        February => "février",
        March => "mars",
        April => "avril",
        May => "mai",
        June => "juin",
        July => "juillet",
        August => "août",
        September => "septembre",
        October => "octobre",
        November => "novembre",
        December => "décembre",
        NoNumber => "L'entrée ne contient aucun numéro de téléphone.",
        InvalidCharacter => {
            "Le caractère {} ne peut pas figurer dans un numéro de téléphone : utilisez des \
             chiffres, un + au début et des séparateurs (espaces, points, tirets, barres \
             obliques, parenthèses)."
        }
        TooShort => {
            "Le numéro est trop court : avec l'indicatif du pays, un numéro de téléphone compte au moins {} chiffres."
        }
        TooLong => {
            "Le numéro est trop long : avec l'indicatif du pays, un numéro de téléphone compte au plus {} chiffres."
        }
        UnknownCountryCode => {
            "Le numéro ne commence pas par un indicatif de pays après + ou 00 (la France est +33)."
        }
        NationalFormatNotFrench => {
            "Un numéro sans + ni 00 doit être un numéro français de 10 chiffres commençant par 0 \
             (06 12 34 56 78) ; écrivez les autres au format international (+49 …)."
        }
        NotInNumberingPlan => {
            "Ce numéro n'existe pas dans le plan de numérotation de l'indicatif +{} : vérifiez \
             ses chiffres (un de trop ou de moins, ou une tranche non attribuée)."
        }
        Quoted => "« {} »",
        EntriesNotRead => {
            "{} entrées de plus n'ont pas été lues : au plus {} sont lues en une fois"
        }
        KeyEmpty => "est vide",
        KeyTooLong => "est trop longue : aucune clé API ne dépasse 256 octets",
        KeyBadCharacters => "contient des espaces ou des caractères de contrôle",
        KeyNotText => "n'est pas un texte valide (une demi-paire de substitution, ou U+FFFD)",
        QuietNight => "les SMS commerciaux ne partent qu'entre 8 h et 20 h, heure de Paris",
        QuietSunday => "les SMS commerciaux ne partent pas le dimanche",
        QuietHoliday => "les SMS commerciaux ne partent pas les jours fériés ({})",
        Instant => "le {} {} {} {} à {}:{} (heure de Paris)",
        MoreOfThisKind => "{} autres problèmes de ce type ({}) ne sont pas listés",
        NoRegions => "aucune",
        AndMore => " et {} autres",
        NoSingleRegion => {
            "001 (réseaux internationaux, numéros non géographiques et indicatifs partagés par \
             plusieurs régions : ajoutez « 001 » pour les autoriser)"
        }
        MoreOutsideDestinations => "{} autres numéros sont hors des destinations autorisées",
        AString => "une chaîne de caractères",
        StringOrStrings => "une chaîne séparée par des virgules ou un tableau de chaînes",
        MoreInvalidNumbers => "{} autres numéros ne sont pas valides",
        DateOrIso => "une Date ou une chaîne ISO 8601",
        TrueOrFalse => "true ou false",
        EnOrFr => "\"en\" ou \"fr\"",
        RegionCodes => {
            "un tableau de codes de région de deux lettres chacun (« FR », « GP »…) ou « 001 »"
        }
        RegionsUnreadable => {
            "options.allowedRegions doit être un tableau de codes de région de deux lettres \
             chacun (« FR », « GP »…) ou « 001 » : aucun numéro n'est autorisé d'ici là"
        }
        NoColumns => "aucune",
        RefusedBySmsPartner => "SMS Partner a refusé la requête",
    }
}

/// The sentence of each issue code, with the limits written in; each `{}` is a detail.
pub(super) fn issue(key: IssueText) -> Cow<'static, str> {
    use IssueText::*;
    let (min_sender, max_sender) = (SENDER_LEN.start(), SENDER_LEN.end());
    match key {
        RequestNotObject => plain("la requête doit être un objet de paramètres SMS Partner ({})"),
        ApiKeyRequired => plain("la clé API est obligatoire"),
        ApiKeyInvalid => plain("la clé API {}"),
        ApiKeyConflict => plain("la requête porte une apiKey autre que celle du client : retirez-la"),
        PhoneNumbersRequired => plain("au moins un numéro de téléphone est obligatoire"),
        PhoneNumberInvalid => plain("« {} » n'est pas un numéro valide : {}"),
        TooManyPhoneNumbers => format!("{{}} numéros donnés : SMS Partner en accepte au plus {MAX_PHONE_NUMBERS} par requête").into(),
        DestinationNotAllowed => plain("{} est dans la région {}, hors des destinations autorisées ({})"),
        MessageRequired => plain("le message est obligatoire"),
        MessageTooLong => format!("le message prendrait {{}} SMS ; SMS Partner en joint au plus {MAX_SMS_PER_MESSAGE} en un seul message ({MAX_GSM_SEPTETS} caractères, {MAX_UCS2_UNITS} en mode Unicode)").into(),
        LowCostTooLong => plain("le message prendrait {} SMS ; un message low cost tient en un seul SMS (160 caractères, 70 en mode Unicode) : raccourcissez-le ou passez en gamme premium"),
        MergeFieldUnknown => plain("le champ de fusion {{}} n'est pas une colonne : les colonnes sont {}"),
        MergeFieldEmpty => plain("le champ de fusion {{}} est vide dans cette ligne"),
        MergeFieldUnclosed => plain("le { au caractère {} ouvre un champ de fusion jamais fermé : fermez-le par } ou écrivez {{ pour une accolade"),
        GammeInvalid => plain("gamme doit valoir 1 (premium) ou 2 (low cost)"),
        SenderTooShort => format!("l'émetteur doit avoir au moins {min_sender} caractères ({{}} donnés)").into(),
        SenderTooLong => format!("l'émetteur ne peut pas dépasser {max_sender} caractères ({{}} donnés)").into(),
        SenderInvalidCharacters => plain("l'émetteur ne peut contenir que des lettres sans accent et des chiffres"),
        TagTooLong => format!("le tag ne peut pas dépasser {MAX_TAG_LEN} caractères ({{}} donnés)").into(),
        TagInvalidCharacters => plain("le tag ne peut pas contenir d'espace"),
        TagNotLowercase => plain("SMS Partner n'accepte que des tags en minuscules : écrivez « {} »"),
        ScheduleDateInvalid => plain("« {} » n'est pas une date au format jj/MM/aaaa"),
        ScheduleInPast => plain("le {} à {} (heure de Paris) n'est pas dans le futur"),
        TimeRequired => plain("time est obligatoire avec scheduledDeliveryDate"),
        TimeInvalid => format!("time doit être une heure entière de 0 à {MAX_HOUR}").into(),
        MinuteRequired => plain("minute est obligatoire avec scheduledDeliveryDate"),
        MinuteInvalid => format!("minute doit être un multiple de {MINUTE_STEP} de 0 à {MAX_MINUTE}").into(),
        UrlInvalid => format!("{{}} doit être une adresse http:// ou https:// (au plus {MAX_URL_LEN} caractères)").into(),
        FlagInvalid => plain("{} doit valoir 1 ou 0 (ou true ou false)"),
        FormatUnsupported => plain("cette bibliothèque ne lit que les réponses JSON : omettez _format ou mettez json"),
        FormatInvalid => plain("_format doit valoir json ou xml"),
        InvalidType => plain("{} doit être {}, pas {}"),
        OptionInvalid => plain("options.{} doit être {}"),
        RejectedBySmsPartner => plain("{}"),
        DuplicatePhoneNumbers => plain("donnés plusieurs fois, envoyés une fois : {}"),
        PhoneNumberNotMobile => plain("ces numéros ne peuvent pas recevoir de SMS : {}"),
        CharactersReplaced => plain("SMS Partner remplacera {} (voir l'aperçu)"),
        CharactersUnsupported => plain("{} ne peuvent pas être envoyés sans le mode Unicode (isUnicode) : ils arriveraient en ?"),
        UnicodeNeedsActivation => plain("l'envoi Unicode doit être activé sur votre compte par SMS Partner"),
        SenderNumeric => plain("un émetteur composé uniquement de chiffres est remplacé par certains opérateurs ; ajoutez une lettre"),
        StopSmsNotApplicable => plain("isStopSms ne s'applique pas à la gamme low cost : écrivez NoPub=STOP dans le message"),
        StopMentionMissing => plain("un SMS commercial doit porter la mention STOP : mettez isStopSms à 1"),
        NopubMentionMissing => plain("un SMS commercial low cost doit se terminer par NoPub=STOP, écrit par vous"),
        QuietHoursDelay => plain("{} : celui-ci partira {}"),
        ScheduleDateMissing => plain("time et minute sont ignorés sans scheduledDeliveryDate : le SMS part tout de suite"),
        UnknownField => plain("SMS Partner ne connaît pas ce paramètre ; il ne sera pas envoyé"),
        MessagesRequired => plain("messages est obligatoire : [{ phoneNumber, message }], au moins un"),
        TooManyMessages => plain("{} messages donnés ; au plus {} partent en une fois"),
        MessageIdRequired => plain("{} est obligatoire : l'identifiant de message de SMS Partner"),
        MessageIdInvalid => plain("{} doit être l'identifiant de message de SMS Partner, un nombre entier ou ses chiffres"),
        TagRequired => plain("le tag est obligatoire"),
        StopIdRequired => plain("l'identifiant de l'entrée de la liste STOP est obligatoire"),
        StopIdInvalid => plain("l'identifiant doit être celui d'une entrée de la liste STOP, un nombre entier"),
        QueriesRequired => plain("donnez au moins un { messageId, phoneNumber }"),
        TooManyQueries => plain("{} requêtes données ; au plus {} sont posées en une fois"),
        IntervalInvalid => plain("interval doit valoir last_month, last_twelve_months ou custom (from et to seulement avec custom)"),
        DateRangeRequired => plain("l'intervalle custom demande from et to, son premier et son dernier jour"),
        DateInvalid => plain("{} doit être un jour, AAAA-MM-JJ ou JJ-MM-AAAA"),
        DateRangeReversed => plain("from est après to : le premier jour vient avant le dernier"),
    }
}

/// The meaning of each documented code of SMS Partner's send call; empty for any other.
#[rustfmt::skip]
pub(super) const fn api_code(code: i64) -> &'static str {
    match code {
        1 => "la clé API est obligatoire",
        2 => "le numéro de téléphone est obligatoire",
        4 => "message introuvable",
        9 => "au moins une contrainte n'est pas respectée",
        10 => "clé API incorrecte",
        11 => "crédits insuffisants",
        13 => "le compte n'a pas de tarif pour ces numéros",
        14 => "le numéro est dans la liste STOP",
        15 => "le numéro est déjà dans la liste",
        20 => "le compte est désactivé",
        22 => "un SMS marketing doit partir entre 8 h et 22 h",
        23 => "pas de SMS marketing le dimanche ni les jours fériés",
        30 => "le compte est bloqué",
        40 => "accès à l'API refusé",
        42 => "un SMS low cost est limité à 160 caractères",
        43 => "le message est obligatoire",
        44 => "l'émetteur n'est pas valide",
        45 => "la date est obligatoire",
        46 => "l'heure est obligatoire",
        47 => "la minute n'est pas valide",
        48 => "la minute doit être entre 5 et 55, par pas de 5",
        49 => "la date n'est pas valide",
        50 => "500 numéros au plus par requête",
        51 => "la gamme low cost n'est pas autorisée sur ce compte",
        52 => "un message concaténé ne peut pas dépasser 10 SMS",
        55 => "aucun numéro à qui envoyer",
        90 => "le JSON envoyé est mal formé",
        96 => "cette adresse IP n'est pas autorisée",
        500 => "SMS Partner n'a pas pu mettre le SMS en file",
        992 => "l'émetteur n'est pas autorisé sur ce compte",
        _ => "",
    }
}
