//! The byte-level conversions of `bytes`/`bytearray`: `hex`, `fromhex`,
//! `maketrans`/`translate` and repetition. Re-exported by `bytesops`.

use super::bytesops::is_space;
use super::TextError;

/// `b * n`: `OverflowError("repeated bytes are too long")` past
/// `isize::MAX`, `TextError::Memory` past `strops::MAX_REPEAT_BYTES`.
pub fn bytes_mul(b: &[u8], n: i64) -> Result<Vec<u8>, TextError> {
    if n <= 0 || b.is_empty() {
        return Ok(Vec::new());
    }
    let total = b.len() as u128 * n as u128;
    if total > isize::MAX as u128 {
        return Err(TextError::Overflow("repeated bytes are too long".into()));
    }
    if total > super::strops::MAX_REPEAT_BYTES as u128 {
        return Err(TextError::Memory);
    }
    Ok(b.repeat(n as usize))
}

/// `bytes.hex(sep, bytes_per_sep)`; `sep` is the str or (latin-1 decoded)
/// bytes separator. Positive `bytes_per_sep` groups from the right,
/// negative from the left.
pub fn hex(b: &[u8], sep: Option<&str>, bytes_per_sep: i64) -> Result<String, TextError> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep = match sep {
        None => None,
        Some(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) if c.is_ascii() => Some(c),
                (Some(_), None) => return Err(TextError::Value("sep must be ASCII.".into())),
                _ => return Err(TextError::Value("sep must be length 1.".into())),
            }
        }
    };
    let group = bytes_per_sep.unsigned_abs() as usize;
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len();
    for (i, &x) in b.iter().enumerate() {
        if let (Some(c), true) = (sep, group > 0 && i > 0) {
            let boundary = if bytes_per_sep > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(c);
            }
        }
        out.push(DIGITS[(x >> 4) as usize] as char);
        out.push(DIGITS[(x & 15) as usize] as char);
    }
    Ok(out)
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs; errors name the first bad position as CPython does.
pub fn fromhex(s: &str) -> Result<Vec<u8>, TextError> {
    let err = |pos: usize| {
        TextError::Value(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    if !s.is_ascii() {
        return Err(err(s.chars().position(|c| !c.is_ascii()).unwrap_or(0)));
    }
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).and_then(|&x| (x as char).to_digit(16));
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        if is_space(b[i]) {
            i += 1;
            continue;
        }
        let hi = digit(i).ok_or_else(|| err(i))?;
        let lo = digit(i + 1).ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `bytes.maketrans(from, to)`: a 256-byte table.
pub fn maketrans(from: &[u8], to: &[u8]) -> Result<Vec<u8>, TextError> {
    if from.len() != to.len() {
        return Err(TextError::Value(
            "maketrans arguments must have same length".into(),
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(table)
}

/// `bytes.translate(table, delete)`; `table` must be 256 bytes or `None`.
pub fn translate(b: &[u8], table: Option<&[u8]>, delete: &[u8]) -> Result<Vec<u8>, TextError> {
    if table.is_some_and(|t| t.len() != 256) {
        return Err(TextError::Value(
            "translation table must be 256 characters long".into(),
        ));
    }
    Ok(b.iter()
        .filter(|x| !delete.contains(x))
        .map(|&x| table.map_or(x, |t| t[x as usize]))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_misc() {
        // python3: bytes.hex / bytes.fromhex
        assert_eq!(hex(b"\x01\xab\xff", None, 1).unwrap(), "01abff");
        assert_eq!(
            hex(b"\x01\x02\x03\x04\x05", Some(":"), 2).unwrap(),
            "01:0203:0405"
        );
        assert_eq!(
            hex(b"\x01\x02\x03\x04\x05", Some("-"), -2).unwrap(),
            "0102-0304-05"
        );
        assert_eq!(hex(b"\x01\x02\x03", Some(":"), 5).unwrap(), "010203");
        assert_eq!(hex(b"\x01\x02\x03", Some(" "), 0).unwrap(), "010203");
        assert_eq!(hex(b"", Some(":"), 1).unwrap(), "");
        fn v<T>(m: &str) -> Result<T, TextError> {
            Err(TextError::Value(m.into()))
        }
        assert_eq!(hex(b"a", Some(""), 1), v("sep must be length 1."));
        assert_eq!(hex(b"a", Some("::"), 1), v("sep must be length 1."));
        assert_eq!(hex(b"a", Some("é"), 1), v("sep must be ASCII."));
        assert_eq!(fromhex("  01  02 ").unwrap(), b"\x01\x02");
        assert_eq!(fromhex("01\x0b02").unwrap(), b"\x01\x02");
        assert_eq!(fromhex("FFab").unwrap(), b"\xff\xab");
        let pos = |p: usize| {
            v::<Vec<u8>>(&format!(
                "non-hexadecimal number found in fromhex() arg at position {p}"
            ))
        };
        for (s, p) in [
            ("0", 1),
            ("0 1", 1),
            ("zz", 0),
            ("é0", 0),
            ("0é", 1),
            (" 0 1", 2),
            ("01\u{a0}02", 2),
            ("0 ", 1),
        ] {
            assert_eq!(fromhex(s), pos(p), "{s:?}");
        }
        assert_eq!(bytes_mul(b"ab", 2).unwrap(), b"abab");
        assert_eq!(
            bytes_mul(b"ab", 1 << 62),
            Err(TextError::Overflow("repeated bytes are too long".into()))
        );
        let t = maketrans(b"ab", b"xy").unwrap();
        assert_eq!(translate(b"abc", Some(&t), b"c").unwrap(), b"xy");
        assert_eq!(translate(b"abc", None, b"b").unwrap(), b"ac");
        assert_eq!(
            translate(b"abc", Some(b"abc"), b""),
            v("translation table must be 256 characters long")
        );
        assert_eq!(
            maketrans(b"ab", b"c"),
            v("maketrans arguments must have same length")
        );
    }
}
