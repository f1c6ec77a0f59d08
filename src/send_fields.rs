//! The parameters of `POST /v1/send`, listed once: the request as read, as normalized, as sent.
//!
//! [`send_fields!`] below is the one table of the send request's fields (Rust name, wire name,
//! kind, in the order of SMS Partner's page). From it come [`RawRequest`] (one loosely typed
//! value a field, what `validateSendRequest` and the client read), [`WireRequest`] (the
//! normalized request, without the key) and [`SEND_FIELDS`]; the body is [`WireRequest`]
//! written by serde behind the key ([`crate::wire::SendBody`]).

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::input::InputValue;

/// What a field of the send request is, and so how it goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// The API key: read and checked, never in the normalized request (the client adds its
    /// own key when it sends).
    Key,
    /// A string that is always sent.
    Required,
    /// A string, left out when not given.
    Text,
    /// A small whole number, left out when not given (or when it is the default).
    Number,
    /// A flag: sent as `1` when on, left out when off.
    Flag,
    /// Read and checked, never sent (`_format`: the answers are always JSON).
    Local,
}

impl FieldKind {
    /// Whether the field can appear in the normalized request and the body.
    pub const fn is_sent(self) -> bool {
        !matches!(self, FieldKind::Key | FieldKind::Local)
    }
}

/// One field of the send request: its wire name and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendField {
    /// SMS Partner's name for it (`"phoneNumbers"`).
    pub wire: &'static str,
    /// What it is.
    pub kind: FieldKind,
}

/// The Rust type of a sent field's value in [`WireRequest`].
macro_rules! wire_type {
    (Required) => { String };
    (Text) => { Option<String> };
    (Number) => { Option<u8> };
    (Flag) => { Option<u8> };
}

/// Builds [`WireRequest`] and the serialization of [`SendBody`] from the table, leaving out
/// the fields that are not sent.
macro_rules! wire_request {
    ([$($done:tt)*] [$($sent:ident $name:literal)*]) => {
        /// A normalized send request, as it goes on the wire (without the key, added at send
        /// time), in the order of SMS Partner's page.
        ///
        /// Defaults are omitted: no `gamme` for premium, no flag that is off, no `_format` (JSON).
        #[derive(Debug, Clone, PartialEq, Default, Serialize)]
        pub struct WireRequest { $($done)* }

        /// The key, then the request's fields that are given, in the table's order.
        impl Serialize for SendBody<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut body = serializer.serialize_struct("SendBody", 1 + [$($name),*].len())?;
                body.serialize_field("apiKey", self.api_key)?;
                $(
                    if self.request.$sent.is_given() {
                        body.serialize_field($name, &self.request.$sent)?;
                    }
                )*
                body.end()
            }
        }
    };
    ([$($done:tt)*] [$($sent:tt)*] [$($doc:tt)*] $rust:ident $wire:literal Key $($rest:tt)*) => {
        wire_request!([$($done)*] [$($sent)*] $($rest)*);
    };
    ([$($done:tt)*] [$($sent:tt)*] [$($doc:tt)*] $rust:ident $wire:literal Local $($rest:tt)*) => {
        wire_request!([$($done)*] [$($sent)*] $($rest)*);
    };
    ([$($done:tt)*] [$($sent:tt)*] [$($doc:tt)*] $rust:ident $wire:literal Required $($rest:tt)*) => {
        wire_request!(
            [$($done)* $($doc)* #[serde(rename = $wire)] pub $rust: String,]
            [$($sent)* $rust $wire]
            $($rest)*
        );
    };
    ([$($done:tt)*] [$($sent:tt)*] [$($doc:tt)*] $rust:ident $wire:literal $kind:ident $($rest:tt)*) => {
        wire_request!([
            $($done)* $($doc)*
            #[serde(rename = $wire, skip_serializing_if = "Option::is_none")]
            pub $rust: wire_type!($kind),
        ] [$($sent)* $rust $wire] $($rest)*);
    };
}

/// Whether a value of [`WireRequest`] goes into the body.
trait Given {
    fn is_given(&self) -> bool;
}

impl Given for String {
    fn is_given(&self) -> bool {
        true
    }
}

impl<T> Given for Option<T> {
    fn is_given(&self) -> bool {
        self.is_some()
    }
}

/// The body of `POST /v1/send`: the key, then the request's fields, in the order of SMS
/// Partner's page. Written by serde: serde_json natively, `JSON.stringify` of the
/// serde-wasm-bindgen object in wasm (no JSON library is linked into the wasm).
pub struct SendBody<'a> {
    /// The key, first.
    pub api_key: &'a str,
    /// The normalized request's fields.
    pub request: &'a WireRequest,
}

/// The table: from it, [`SEND_FIELDS`], [`RawRequest`] and [`WireRequest`].
macro_rules! send_fields {
    ($( $(#[doc = $doc:literal])* $rust:ident: $wire:literal, $kind:ident; )*) => {
        /// Every parameter of `POST /v1/send`, in the order of SMS Partner's page.
        pub const SEND_FIELDS: [SendField; [$($wire),*].len()] =
            [$(SendField { wire: $wire, kind: FieldKind::$kind }),*];

        /// A send request as given, one [`InputValue`] per wire field (`SendRequest` in
        /// JavaScript).
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct RawRequest {
            $( $(#[doc = $doc])* pub $rust: InputValue, )*
            /// Property names that are not wire fields (a typo such as `phoneNumber`), in order.
            pub unknown_fields: Vec<String>,
        }

        impl RawRequest {
            /// The slot of a wire field, or `None` for a name SMS Partner does not know.
            pub fn field_mut(&mut self, wire_name: &str) -> Option<&mut InputValue> {
                Some(match wire_name {
                    $($wire => &mut self.$rust,)*
                    _ => return None,
                })
            }
        }

        wire_request!([] [] $( [$(#[doc = $doc])*] $rust $wire $kind )*);
    };
}

send_fields! {
    /// `apiKey`: the account's key.
    api_key: "apiKey", Key;
    /// `phoneNumbers`: given as a comma-separated string or an array of strings; sent as E.164
    /// numbers joined by commas.
    phone_numbers: "phoneNumbers", Required;
    /// `message`: the text as written by the sender (SMS Partner applies its replacements),
    /// each `€` of a GSM-7 message written as `:euro:` ([`crate::message::wire_text`]).
    message: "message", Required;
    /// `gamme`: 1 premium, 2 low cost; sent only for low cost.
    gamme: "gamme", Number;
    /// `sender`: the sender name, 3 to 11 letters and digits.
    sender: "sender", Text;
    /// `tag`: at most 20 characters without spaces.
    tag: "tag", Text;
    /// `scheduledDeliveryDate`: `dd/MM/yyyy`, Europe/Paris calendar.
    scheduled_delivery_date: "scheduledDeliveryDate", Text;
    /// `time`: the hour 0–23, with `scheduledDeliveryDate`.
    time: "time", Number;
    /// `minute`: 0–55 by steps of 5, with `scheduledDeliveryDate`.
    minute: "minute", Number;
    /// `urlResponse`: where SMS Partner posts replies.
    url_response: "urlResponse", Text;
    /// `urlDlr`: where SMS Partner posts delivery reports.
    url_dlr: "urlDlr", Text;
    /// `isStopSms`: SMS Partner appends the STOP mention (premium range).
    is_stop_sms: "isStopSms", Flag;
    /// `isUnicode`: Unicode (UCS-2) sending.
    is_unicode: "isUnicode", Flag;
    /// `sandbox`: nothing is sent or billed.
    sandbox: "sandbox", Flag;
    /// `_format`: the answers' format; only JSON is read.
    format: "_format", Local;
}

/// The wire names of [`SEND_FIELDS`], in the same order.
pub const WIRE_FIELDS: [&str; SEND_FIELDS.len()] = {
    let mut names = [""; SEND_FIELDS.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = SEND_FIELDS[i].wire;
        i += 1;
    }
    names
};

/// The kind of a wire field, `None` for a name SMS Partner does not know.
pub fn kind_of(wire_name: &str) -> Option<FieldKind> {
    SEND_FIELDS
        .iter()
        .find(|field| field.wire == wire_name)
        .map(|field| field.kind)
}

impl RawRequest {
    /// Sets a property by its name, recording names that are not wire fields.
    pub fn set(&mut self, name: &str, value: InputValue) {
        match self.field_mut(name) {
            Some(slot) => *slot = value,
            None => self.unknown_fields.push(name.to_owned()),
        }
    }

    /// Reads a request from parsed JSON.
    #[cfg(not(target_arch = "wasm32"))]
    ///
    /// # Errors
    /// The JavaScript type name of the value when it is not an object.
    pub fn from_json(value: &serde_json::Value) -> Result<RawRequest, &'static str> {
        let serde_json::Value::Object(map) = value else {
            return Err(match value {
                serde_json::Value::Array(_) => "array",
                other => InputValue::from_json(other).type_name(),
            });
        };
        let mut request = RawRequest::default();
        for (name, field) in map {
            request.set(name, InputValue::from_json(field));
        }
        Ok(request)
    }
}
