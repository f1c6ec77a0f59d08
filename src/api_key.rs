//! The SMS Partner API key: a secret that no `Debug`, `Display`, error or log can reveal.

use std::fmt;

/// Longest key accepted; SMS Partner keys are far shorter, this only bounds hostile input.
const MAX_LEN: usize = 256;

/// Text written wherever the key would otherwise appear.
pub const REDACTED: &str = "[redacted]";

/// An SMS Partner API key.
///
/// Its `Debug` and `Display` print `[redacted]`; the only way to read it is
/// [`ApiKey::expose`], used when the request body is written.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

/// Why a string cannot be an API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyProblem {
    /// The key is empty (or only white space).
    Empty,
    /// The key is longer than any real key.
    TooLong,
    /// The key holds white space or control characters, which no real key has.
    BadCharacters,
}

impl ApiKey {
    /// Checks and wraps a key.
    ///
    /// # Errors
    /// [`ApiKeyProblem`] when the text is empty, too long or holds white space or controls.
    pub fn new(key: &str) -> Result<ApiKey, ApiKeyProblem> {
        if key.trim().is_empty() {
            Err(ApiKeyProblem::Empty)
        } else if key.len() > MAX_LEN {
            Err(ApiKeyProblem::TooLong)
        } else if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
            Err(ApiKeyProblem::BadCharacters)
        } else {
            Ok(ApiKey(key.to_owned()))
        }
    }

    /// The key itself, for the request body only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Replaces every occurrence of the key in `text` by `[redacted]`.
    ///
    /// The result never holds the key: when the marker and the text around it spell the key
    /// again (a key such as `d]x` before an `x`), nothing of the text is kept, only the marker,
    /// or nothing at all for a key that is part of the marker itself.
    pub fn redact(&self, text: &str) -> String {
        if self.0.is_empty() {
            return text.to_owned();
        }
        let redacted = text.replace(&self.0, REDACTED);
        if !redacted.contains(&self.0) {
            redacted
        } else if REDACTED.contains(&self.0) {
            String::new()
        } else {
            REDACTED.to_owned()
        }
    }
}

/// Keys shorter than this are not looked for in sentences: no real key is that short, and
/// removing every `e` of a sentence for a key `e` would leave nothing readable.
const MIN_SCRUBBED_LEN: usize = 8;

impl ApiKey {
    /// A sentence for a person with the key taken out ([`ApiKey::redact`]), never empty.
    pub fn scrub(&self, sentence: &str) -> String {
        if self.0.len() < MIN_SCRUBBED_LEN {
            return sentence.to_owned();
        }
        let scrubbed = self.redact(sentence);
        if scrubbed.is_empty() {
            REDACTED.to_owned()
        } else {
            scrubbed
        }
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey({REDACTED})")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_printed() {
        let key = ApiKey::new("secret-123").unwrap();
        assert!(!format!("{key:?} {key}").contains("secret-123"));
        assert_eq!(key.expose(), "secret-123");
        assert_eq!(key.redact("bad key secret-123!"), "bad key [redacted]!");
    }

    #[test]
    fn rejects_what_no_key_looks_like() {
        assert_eq!(ApiKey::new(" "), Err(ApiKeyProblem::Empty));
        assert_eq!(ApiKey::new("a b"), Err(ApiKeyProblem::BadCharacters));
        assert_eq!(ApiKey::new(&"k".repeat(300)), Err(ApiKeyProblem::TooLong));
    }
}
