//! Callback URLs (`urlResponse`, `urlDlr`) checked as the WHATWG URL standard parses them.
//!
//! The standard's "basic URL parser" for the `http` and `https` schemes, as far as it decides
//! whether a URL parses: scheme, authority (credentials, host, port), then path, query and
//! fragment, which never fail. Hosts follow its host parser: a bracketed IPv6 address, an IPv4
//! address in any of the forms it reads (`0x7f.1`, `2130706433`), or a domain, percent-decoded
//! and checked for forbidden code points. The `url` crate is the reference (a differential test
//! runs it on generated URLs); it is not linked in because its Unicode tables would add about
//! 74 KB of gzipped wasm.
//!
//! Two departures, both refusals: white space and control characters anywhere (the standard
//! strips them silently, so SMS Partner would get another address than the one checked), and,
//! of the internationalized domains, only those made of letters and digits (`例え.jp`,
//! `münchen.de`) pass: the full mapping of UTS 46 (symbols, ignored and combining characters)
//! is not carried.

use crate::limits::MAX_URL_LEN;

/// Whether `url` is an `http` or `https` URL that the WHATWG URL parser reads, without white
/// space or control characters, of at most [`MAX_URL_LEN`] bytes.
pub fn is_callback_url(url: &str) -> bool {
    url.len() <= MAX_URL_LEN
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && parses(url)
}

/// Whether the WHATWG parser reads `url` (already free of white space) as http or https.
fn parses(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return false;
    }
    // Special authority slashes: any run of `/` and `\` is skipped.
    let rest = rest.trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    // The credentials end at the last `@`; what follows is the host and the port.
    let host_port = match authority.rfind('@') {
        Some(at) => authority.get(at + 1..).unwrap_or(""),
        None => authority,
    };
    let (host, port) = split_port(host_port);
    !host.is_empty() && port.is_none_or(valid_port) && valid_host(host)
}

/// Splits `host:port` at the first `:` outside brackets.
fn split_port(host_port: &str) -> (&str, Option<&str>) {
    let mut inside = false;
    for (i, b) in host_port.bytes().enumerate() {
        match b {
            b'[' => inside = true,
            b']' => inside = false,
            b':' if !inside => {
                return (
                    host_port.get(..i).unwrap_or(""),
                    Some(host_port.get(i + 1..).unwrap_or("")),
                );
            }
            _ => {}
        }
    }
    (host_port, None)
}

/// A port: empty, or ASCII digits up to 65535.
fn valid_port(port: &str) -> bool {
    port.bytes().all(|b| b.is_ascii_digit())
        && (port.is_empty()
            || port.trim_start_matches('0').len() <= 5
                && port.parse::<u32>().is_ok_and(|p| p <= 65535))
}

/// The host parser for a special scheme.
fn valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[') {
        return inner.strip_suffix(']').is_some_and(valid_ipv6);
    }
    let bytes = percent_decode(host);
    let Ok(domain) = String::from_utf8(bytes) else {
        return false;
    };
    let Some(ascii) = domain_to_ascii(&domain) else {
        return false;
    };
    if ascii.chars().any(forbidden_domain_code_point) {
        return false;
    }
    if ends_in_a_number(&ascii) {
        return valid_ipv4(&ascii);
    }
    true
}

/// Percent-decodes: `%` and two hexadecimal digits become a byte; any other `%` stays.
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let pair = bytes.get(i + 1..i + 3).and_then(|h| {
            let hex = std::str::from_utf8(h).ok()?;
            if hex.bytes().all(|d| d.is_ascii_hexdigit()) {
                u8::from_str_radix(hex, 16).ok()
            } else {
                None
            }
        });
        match (b, pair) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// UTS 46 "to ASCII" as far as this module carries it: ASCII is lowercased, `xn--` labels
/// must decode, and other labels may hold letters and digits of any script (the result is
/// only checked, so those labels are kept as they are). `None` for a failure.
fn domain_to_ascii(domain: &str) -> Option<String> {
    let mut out = String::with_capacity(domain.len());
    for (i, label) in domain.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        if label.is_ascii() {
            let lower = label.to_ascii_lowercase();
            if let Some(encoded) = lower.strip_prefix("xn--") {
                let decoded = punycode_decode(encoded)?;
                if decoded.is_ascii() || !decoded.chars().all(plain_label_char) {
                    return None;
                }
            }
            out.push_str(&lower);
        } else if label.chars().all(|c| c.is_ascii() || letter_or_digit(c))
            && !label
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
        {
            out.push_str(label);
        } else {
            return None;
        }
    }
    Some(out)
}

/// A letter or digit of a left-to-right script: right-to-left scripts are refused, as the
/// bidirectional rule of UTS 46 is not carried.
fn letter_or_digit(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(
            u32::from(c),
            0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
        )
}

/// A character a decoded `xn--` label may hold as it is: ASCII, or a letter or digit that
/// UTS 46 does not map to another (no capitals).
fn plain_label_char(c: char) -> bool {
    c.is_ascii() || (letter_or_digit(c) && !c.is_uppercase())
}

/// The standard's forbidden domain code points (for an ASCII result).
fn forbidden_domain_code_point(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{1F}'
            | ' '
            | '#'
            | '%'
            | '/'
            | ':'
            | '<'
            | '>'
            | '?'
            | '@'
            | '['
            | '\\'
            | ']'
            | '^'
            | '|'
            | '\u{7F}'
    )
}

/// The standard's "ends in a number" check.
fn ends_in_a_number(domain: &str) -> bool {
    let mut parts: Vec<&str> = domain.split('.').collect();
    if parts.last() == Some(&"") {
        if parts.len() == 1 {
            return false;
        }
        parts.pop();
    }
    let last = parts.last().copied().unwrap_or("");
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) || ipv4_number(last).is_some()
}

/// The standard's IPv4 number parser: decimal, `0x` hexadecimal, or octal after a `0`.
fn ipv4_number(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) =
        if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            (hex, 16)
        } else if part.len() >= 2 && part.starts_with('0') {
            (part.get(1..).unwrap_or(""), 8)
        } else {
            (part, 10)
        };
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Saturated: anything past 2^32 fails later the same way.
    Some(
        digits
            .chars()
            .filter_map(|c| c.to_digit(radix))
            .fold(0u64, |n, d| {
                n.saturating_mul(u64::from(radix))
                    .saturating_add(u64::from(d))
            }),
    )
}

/// The standard's IPv4 parser, for a domain that ends in a number.
fn valid_ipv4(domain: &str) -> bool {
    let mut parts: Vec<&str> = domain.split('.').collect();
    if parts.last() == Some(&"") && parts.len() > 1 {
        parts.pop();
    }
    if parts.len() > 4 {
        return false;
    }
    let Some(numbers) = parts
        .iter()
        .map(|p| ipv4_number(p))
        .collect::<Option<Vec<u64>>>()
    else {
        return false;
    };
    let Some((last, first)) = numbers.split_last() else {
        return false;
    };
    let shift = 8 * (5 - u32::try_from(numbers.len()).unwrap_or(5));
    first.iter().all(|n| *n <= 255) && 1u64.checked_shl(shift).is_none_or(|limit| *last < limit)
}

/// The standard's IPv6 parser (the text between the brackets).
fn valid_ipv6(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = 0usize;
    let mut compress = false;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied();
    if at(0) == Some(':') {
        if at(1) != Some(':') {
            return false;
        }
        i = 2;
        pieces = 1;
        compress = true;
    }
    while let Some(c) = at(i) {
        if pieces == 8 {
            return false;
        }
        if c == ':' {
            if compress {
                return false;
            }
            i += 1;
            pieces += 1;
            compress = true;
            continue;
        }
        let mut length = 0;
        while length < 4 && at(i).is_some_and(|d| d.is_ascii_hexdigit()) {
            i += 1;
            length += 1;
        }
        match at(i) {
            Some('.') => {
                if length == 0 || pieces > 6 {
                    return false;
                }
                i -= length;
                return valid_ipv4_in_ipv6(chars.get(i..).unwrap_or_default())
                    && (pieces + 2 == 8 || compress);
            }
            Some(':') => {
                i += 1;
                if at(i).is_none() {
                    return false;
                }
            }
            Some(_) => return false,
            None => {}
        }
        pieces += 1;
    }
    pieces == 8 || compress
}

/// The dotted IPv4 part at the end of an IPv6 address: four decimal numbers 0–255 without
/// leading zeros.
fn valid_ipv4_in_ipv6(chars: &[char]) -> bool {
    let text: String = chars.iter().collect();
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_digit())
                && !(p.len() > 1 && p.starts_with('0'))
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// RFC 3492 Punycode decoding of the part after `xn--`; `None` when it is not valid.
fn punycode_decode(input: &str) -> Option<String> {
    const BASE: u32 = 36;
    let (basic, encoded) = match input.rfind('-') {
        Some(at) => (input.get(..at)?, input.get(at + 1..)?),
        None => ("", input),
    };
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (128u32, 0u32, 72u32);
    let mut digits = encoded.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let digit = match digits.next()? {
                b @ b'a'..=b'z' => u32::from(b - b'a'),
                b @ b'A'..=b'Z' => u32::from(b - b'A'),
                b @ b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return None,
            };
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                1
            } else if k >= bias + 26 {
                26
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let length = u32::try_from(output.len()).ok()? + 1;
        bias = adapt(i - old_i, length, old_i == 0);
        n = n.checked_add(i / length)?;
        i %= length;
        output.insert(usize::try_from(i).ok()?, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

/// RFC 3492's bias adaptation.
fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / 700 } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((36 - 1) * 26) / 2 {
        delta /= 36 - 1;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}
