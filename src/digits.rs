//! ASCII digits read and written: the text of dates, times and their parts.

/// The value of two ASCII digits.
pub(crate) fn two_digits(tens: u8, units: u8) -> Option<u8> {
    Some(digit(tens)? * 10 + digit(units)?)
}

/// The value of one ASCII digit.
pub(crate) fn digit(byte: u8) -> Option<u8> {
    byte.is_ascii_digit().then(|| byte - b'0')
}

/// The value of up to nine ASCII digits (fits in `u32`).
pub(crate) fn digits_value(bytes: &[u8]) -> Option<u32> {
    if bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |value, &byte| {
        Some(value * 10 + u32::from(digit(byte)?))
    })
}

/// Appends `value` in decimal with leading zeros up to `width` digits.
pub(crate) fn push_padded(out: &mut String, value: u64, width: usize) {
    let text = value.to_string();
    for _ in text.len()..width {
        out.push('0');
    }
    out.push_str(&text);
}

/// Appends a two-digit number (`05`).
pub(crate) fn push_two_digits(out: &mut String, value: u8) {
    push_padded(out, u64::from(value), 2);
}

/// Appends a year as ISO 8601 and JavaScript write it: four digits for 0–9999, otherwise a sign
/// and at least six digits (`+010000`, `-000001`).
pub(crate) fn push_iso_year(out: &mut String, year: i64) {
    if (0..=9999).contains(&year) {
        push_padded(out, year.unsigned_abs(), 4);
    } else {
        out.push(if year < 0 { '-' } else { '+' });
        push_padded(out, year.unsigned_abs(), 6);
    }
}
