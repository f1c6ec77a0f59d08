//! The reply webhook: what SMS Partner posts to `urlResponse` when someone answers an SMS.
//!
//! Its pages show the fields only (as PHP arrays), not the encoding: form fields, a query
//! string and JSON are all read. Two shapes exist. Long number (a rented number): `msisdn`
//! (`33…`, no `+`), `to`, `messageId`, `text`, `type=text`, `keyword`, `message-timestamp`
//! (Paris time), and for a reply longer than one SMS one call per part with `concat=true`,
//! `concat-ref`, `concat-total` and `concat-part` (from 1). Short number: `type=response`,
//! `phone_number` (`+33…`), `text`, `message_id` (the send answered). No STOP payload is
//! documented: a reply whose first word is `STOP` (or whose `keyword` is) is a STOP.

use serde::Serialize;

use crate::api_key::ApiKey;
use crate::json::Json;

use super::read;

/// What the webhook carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ReplyKind {
    /// An answer.
    Reply,
    /// An opt-out: the number asked to receive no more SMS.
    Stop,
}

/// One piece of a long reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReplyPart {
    /// Shared by every piece of one reply.
    pub r#ref: u64,
    /// This piece's position, from 1.
    pub index: u64,
    /// How many pieces the reply has.
    pub total: u64,
}

/// A reply read from the webhook.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    /// `reply` or `stop`.
    pub kind: ReplyKind,
    /// Who answered, E.164.
    pub from: String,
    /// The number answered to (a long number, E.164), or `null` for a short number.
    pub to: Option<String>,
    /// What they wrote (this piece only, for a long reply).
    pub text: String,
    /// The inbound id (long number) or the id of the send answered (short number).
    pub message_id: Json,
    /// When SMS Partner received it, ISO 8601 in UTC, or `null` when it does not say.
    pub received_at: Option<String>,
    /// The piece of a long reply, or `null`.
    pub part: Option<ReplyPart>,
}

/// The answer of `parseReplyWebhook`: a reply, or why the body is not one.
#[derive(Debug, Clone, PartialEq)]
pub enum ReplyEvent {
    /// A reply or a STOP.
    Reply(Reply),
    /// Not a reply webhook: the reason, for a person.
    Invalid(String),
}

impl Serialize for ReplyEvent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            ReplyEvent::Reply(reply) => reply.serialize(serializer),
            ReplyEvent::Invalid(reason) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("kind", "invalid")?;
                map.serialize_entry("reason", reason)?;
                map.end()
            }
        }
    }
}

/// Decodes `application/x-www-form-urlencoded` text (or a query string, with or without its
/// `?`) into its fields: `+` is a space, `%XX` a byte, the bytes read as UTF-8 (a broken
/// sequence becomes U+FFFD).
pub fn form_fields(text: &str) -> Vec<(String, String)> {
    let text = text.trim();
    let text = text.strip_prefix('?').unwrap_or(text);
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match byte {
            b'+' => out.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fields of a JSON object whose values are strings, numbers or booleans (as written by
/// a JSON webhook); `None` when it is not such an object.
pub fn json_fields(value: &Json) -> Option<Vec<(String, String)>> {
    let Json::Object(members) = value else {
        return None;
    };
    members
        .iter()
        .map(|(name, value)| {
            let text = match value {
                Json::String(s) => s.clone(),
                Json::Bool(b) => b.to_string(),
                Json::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => (*n as i64).to_string(),
                Json::Null => String::new(),
                _ => return None,
            };
            Some((name.clone(), text))
        })
        .collect()
}

/// Reads a reply from the webhook's fields. Never fails: a body that is not a reply is
/// [`ReplyEvent::Invalid`] with the reason. Nothing here holds a key; `api_key` only guards
/// the ids and texts when the caller has one.
pub fn parse_reply(fields: &[(String, String)], api_key: Option<&ApiKey>) -> ReplyEvent {
    match reply(fields, api_key) {
        Ok(reply) => ReplyEvent::Reply(reply),
        Err(reason) => ReplyEvent::Invalid(reason),
    }
}

fn reply(fields: &[(String, String)], api_key: Option<&ApiKey>) -> Result<Reply, String> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let redact = |text: &str| api_key.map_or_else(|| text.to_owned(), |key| key.redact(text));
    if fields.is_empty() {
        return Err("the body holds no fields".into());
    }
    let number = |text: &str| read::e164(text, true).unwrap_or_else(|| redact(text.trim()));
    let (from, to, id, received_at) = if let Some(msisdn) = field("msisdn") {
        (
            number(msisdn),
            field("to").map(number),
            field("messageId"),
            field("message-timestamp"),
        )
    } else if let Some(phone) = field("phone_number") {
        (number(phone), None, field("message_id"), None)
    } else {
        return Err("neither msisdn (long number) nor phone_number (short number) is given".into());
    };
    if from.is_empty() {
        return Err("the sender's number is empty".into());
    }
    let text = field("text").ok_or("the reply has no text field")?;
    let received_at = match received_at {
        Some(at) => Some(
            read::instant(&Json::String(at.to_owned()))
                .ok_or_else(|| format!("message-timestamp is not a date ({})", redact(at)))?,
        ),
        None => None,
    };
    let part = match field("concat") {
        Some(flag) if flag.eq_ignore_ascii_case("true") || flag == "1" => {
            Some(concat_part(&field)?)
        }
        _ => None,
    };
    let is_stop = |word: &str| {
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .eq_ignore_ascii_case("stop")
    };
    let first_word = text.split_whitespace().next().unwrap_or("");
    // A piece after the first does not start the reply: only the first one can say STOP.
    let first_piece = part.is_none_or(|p| p.index == 1);
    let kind = if first_piece && (is_stop(first_word) || field("keyword").is_some_and(is_stop)) {
        ReplyKind::Stop
    } else {
        ReplyKind::Reply
    };
    Ok(Reply {
        kind,
        from,
        to,
        text: redact(text),
        message_id: id
            .and_then(|id| read::id_with(id, redact))
            .unwrap_or(Json::Null),
        received_at,
        part,
    })
}

fn concat_part<'a>(field: &impl Fn(&str) -> Option<&'a str>) -> Result<ReplyPart, String> {
    let number = |name: &str| {
        field(name)
            .and_then(|v| read::whole(v.trim()))
            .ok_or_else(|| format!("{name} must be a whole number in a reply in parts"))
    };
    let part = ReplyPart {
        r#ref: number("concat-ref")?,
        index: number("concat-part")?,
        total: number("concat-total")?,
    };
    if part.index == 0 || part.index > part.total {
        return Err(format!(
            "concat-part {} is not between 1 and concat-total {}",
            part.index, part.total
        ));
    }
    Ok(part)
}
