//! The SMS Partner API key: a secret that no `Debug`, `Display`, error or log can reveal.

use std::fmt;

use crate::lang::{Lang, Text};

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
    /// The key holds U+FFFD, what a lone surrogate of a JavaScript string becomes: the text is
    /// not the key that was typed, and sending it would fail for a reason nobody could see.
    NotText,
}

impl ApiKeyProblem {
    /// The end of the sentence "the API key …" in `lang` ("la clé API …" in French).
    pub const fn sentence_end(self, lang: Lang) -> &'static str {
        lang.text(match self {
            ApiKeyProblem::Empty => Text::KeyEmpty,
            ApiKeyProblem::TooLong => Text::KeyTooLong,
            ApiKeyProblem::BadCharacters => Text::KeyBadCharacters,
            ApiKeyProblem::NotText => Text::KeyNotText,
        })
    }
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
        } else if key.contains(char::REPLACEMENT_CHARACTER) {
            Err(ApiKeyProblem::NotText)
        } else {
            Ok(ApiKey(key.to_owned()))
        }
    }

    /// A key for [`ApiKey::redact`] alone, taken as it is (the edge worker's secret, whatever
    /// it holds): never one to send with.
    pub fn for_redaction(key: &str) -> ApiKey {
        ApiKey(key.to_owned())
    }

    /// The key itself, for the request body only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Replaces every occurrence of the key in `text` by `[redacted]`.
    ///
    /// The result never holds the key, nor a form of it that a reader could turn back into it:
    /// when the text still holds the key after the replacement (the marker and the text around
    /// it spell it again, a key such as `d]x` before an `x`), when it holds the key
    /// percent-encoded (`%73k-…`) or `\uXXXX`-escaped, or half of it or more (a key split in two
    /// strings), nothing of the text is kept: only the marker, or nothing at all for a key that
    /// is part of the marker itself.
    pub fn redact(&self, text: &str) -> String {
        if self.0.is_empty() {
            return text.to_owned();
        }
        let redacted = text.replace(&self.0, REDACTED);
        if !self.still_there(&redacted) {
            redacted
        } else if REDACTED.contains(&self.0) {
            String::new()
        } else {
            REDACTED.to_owned()
        }
    }

    /// Whether `text` holds the key, a fragment of it ([`ApiKey::fragment_len`]), or either
    /// once percent-decoded or `\uXXXX`-unescaped (up to three rounds of each).
    fn still_there(&self, text: &str) -> bool {
        if text.contains(&self.0) || self.holds_fragment(text) {
            return true;
        }
        let mut decoded = text.to_owned();
        for _ in 0..3 {
            let next = unescape_u(&percent_decode(&decoded));
            if next == decoded {
                return false;
            }
            if next.contains(&self.0) || self.holds_fragment(&next) {
                return true;
            }
            decoded = next;
        }
        false
    }

    /// The shortest piece of the key looked for on its own: half of it (rounded down, so that
    /// both halves of a key split in two are found), for keys of at least twice
    /// [`MIN_FRAGMENT_LEN`] bytes (shorter pieces would match ordinary text); `None` below.
    fn fragment_len(&self) -> Option<usize> {
        let len = self.0.len();
        (len >= 2 * MIN_FRAGMENT_LEN).then_some(len / 2)
    }

    /// Whether `text` holds a piece of the key of [`ApiKey::fragment_len`] bytes.
    fn holds_fragment(&self, text: &str) -> bool {
        let Some(n) = self.fragment_len() else {
            return false;
        };
        let key = self.0.as_bytes();
        text.len() >= n
            && key
                .windows(n)
                .filter_map(|piece| std::str::from_utf8(piece).ok())
                .any(|piece| text.contains(piece))
    }
}

/// Pieces of the key shorter than this are not looked for (see [`ApiKey::fragment_len`]).
const MIN_FRAGMENT_LEN: usize = 8;

/// `%XX` sequences decoded (as UTF-8, lossily); anything else kept.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `\uXXXX` escapes (and `\u{X…}`) decoded, surrogate pairs joined; anything else kept.
fn unescape_u(text: &str) -> String {
    if !text.contains("\\u") {
        return text.to_owned();
    }
    let mut units: Vec<u16> = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\u") {
        units.extend(rest.get(..at).unwrap_or_default().encode_utf16());
        let after = rest.get(at + 2..).unwrap_or_default();
        let (code, used) = if let Some(braced) = after.strip_prefix('{') {
            let digits = braced.split('}').next().unwrap_or_default();
            let code = (digits.len() <= 6 && braced.len() > digits.len())
                .then(|| u32::from_str_radix(digits, 16).ok())
                .flatten();
            (code, digits.len() + 2)
        } else {
            let code = after.get(..4).and_then(|h| u32::from_str_radix(h, 16).ok());
            (code, 4)
        };
        match code.and_then(char::from_u32) {
            Some(c) => {
                let mut buf = [0u16; 2];
                units.extend_from_slice(c.encode_utf16(&mut buf));
                rest = after.get(used..).unwrap_or_default();
            }
            None if code.is_some_and(|c| c <= 0xFFFF) => {
                // A surrogate half: kept as a code unit, so that a pair is joined below.
                units.push(code.and_then(|c| u16::try_from(c).ok()).unwrap_or(0xFFFD));
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                units.extend("\\u".encode_utf16());
                rest = after;
            }
        }
    }
    units.extend(rest.encode_utf16());
    String::from_utf16_lossy(&units)
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
        assert_eq!(ApiKey::new("key\u{FFFD}x"), Err(ApiKeyProblem::NotText));
    }

    const KEY: &str = "sk-LEAK-CANARY-1234";

    #[test]
    fn encoded_forms_are_blanked() {
        let key = ApiKey::new(KEY).unwrap();
        for text in [
            "key %73%6B%2D%4C%45%41%4B-CANARY-1234 echoed",
            "key %2573k-LEAK-CANARY-1234 twice encoded",
            "key \\u0073k-LEAK-CANARY-1234 escaped",
            "key \\u{73}\\u006b-LEAK-CANARY-1234 escaped",
            "first half only: sk-LEAK-CA",
            "second half only: NARY-1234",
        ] {
            assert_eq!(key.redact(text), REDACTED, "{text}");
        }
        assert_eq!(key.redact("nothing here: sk-LEAK"), "nothing here: sk-LEAK");
        assert_eq!(key.redact("100% sure \\uZZZZ"), "100% sure \\uZZZZ");
    }

    #[test]
    fn short_keys_are_not_split() {
        let key = ApiKey::new("abcdefghij").unwrap();
        assert_eq!(key.redact("abcde and fghij"), "abcde and fghij");
        assert_eq!(key.redact("x abcdefghij y"), "x [redacted] y");
    }
}
