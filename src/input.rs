//! Loosely typed input as it comes from JavaScript, before validation gives it a meaning.

#[cfg(not(target_arch = "wasm32"))]
use serde_json::Value;

/// One value read from a JavaScript object, whatever its type.
///
/// The bindings build these with one property read per field, so that a wrong type, a throwing
/// getter or an exotic object becomes a validation error on that field instead of an exception.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum InputValue {
    /// The property is missing or `undefined`.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (any `f64`, `NaN` and infinities included).
    Number(f64),
    /// A string (lone surrogates already replaced by U+FFFD).
    Text(String),
    /// An array, one level deep: nested arrays and objects are [`InputValue::Other`].
    List(Vec<InputValue>),
    /// Anything else, named by its JavaScript type (`"object"`, `"function"`, `"bigint"`…).
    Other(&'static str),
    /// Reading the property threw (a getter that throws, a revoked proxy).
    Unreadable,
    /// The last item of a [`InputValue::List`] cut at the most entries the bindings read: this
    /// many more entries were not read.
    Unread(u32),
}

impl InputValue {
    /// The JavaScript type name used in error sentences.
    pub fn type_name(&self) -> &'static str {
        match self {
            InputValue::Absent => "undefined",
            InputValue::Null => "null",
            InputValue::Bool(_) => "boolean",
            InputValue::Number(_) => "number",
            InputValue::Text(_) => "string",
            InputValue::List(_) => "array",
            InputValue::Other(name) => name,
            InputValue::Unreadable => "unreadable value",
            InputValue::Unread(_) => "entries not read",
        }
    }

    /// Whether the field counts as not given (`undefined`, `null`, or an empty string).
    pub fn is_unset(&self) -> bool {
        match self {
            InputValue::Absent | InputValue::Null => true,
            InputValue::Text(text) => text.is_empty(),
            _ => false,
        }
    }

    /// Converts parsed JSON (what the edge worker receives, and native tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(value: &Value) -> InputValue {
        match value {
            Value::Null => InputValue::Null,
            Value::Bool(b) => InputValue::Bool(*b),
            Value::Number(n) => n
                .as_f64()
                .map_or(InputValue::Other("number"), InputValue::Number),
            Value::String(s) => InputValue::Text(s.clone()),
            Value::Array(items) => {
                InputValue::List(items.iter().map(Self::element_from_json).collect())
            }
            Value::Object(_) => InputValue::Other("object"),
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn element_from_json(value: &Value) -> InputValue {
        match value {
            Value::Array(_) => InputValue::Other("array"),
            other => InputValue::from_json(other),
        }
    }
}
