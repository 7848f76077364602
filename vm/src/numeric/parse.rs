//! Text to number: `float(str)`, `int(str, base)` and source-code integer
//! literals, with CPython's whitespace, underscore, prefix and Unicode-digit
//! rules and its exact error messages (which embed the `repr` of the input).

use super::float_repr::parse_inf_or_nan;
use super::NumError;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

/// Code points of the zero of every Unicode decimal-digit block (Nd, Unicode 14).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The decimal value of a Unicode decimal digit (`unicodedata.decimal`).
pub fn unicode_decimal(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if i == 0 {
        return None;
    }
    let d = cp - DECIMAL_ZEROS[i - 1];
    (d < 10).then_some(d)
}

/// Python's `str.isspace` (Unicode whitespace).
pub fn is_unicode_space(c: char) -> bool {
    matches!(c as u32,
        0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029
        | 0x202f | 0x205f | 0x3000)
}

/// Approximation of `not str.isprintable()` for one character (control,
/// separator other than space, format, private-use and a few unassigned).
fn is_unprintable(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x1f | 0x7f..=0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890 | 0x891
        | 0x8e2 | 0x1680 | 0x180e | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064
        | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff | 0xfeff | 0xfff0..=0xfffb | 0xfffe | 0xffff
        | 0x110bd | 0x110cd | 0x13430..=0x13438 | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a
        | 0xe0000..=0xe0fff | 0xf0000..=0x10ffff)
}

/// Python's `repr(s)` for a str (quote choice and escapes as CPython;
/// printability of exotic code points is approximated).
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_unprintable(c) => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{:02x}", cp));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{:04x}", cp));
                } else {
                    out.push_str(&format!("\\U{:08x}", cp));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode spaces
/// become `' '`, Unicode decimal digits their ASCII digit; anything else
/// non-ASCII ends the string with a `'?'` (which then fails to parse).
fn transform_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_unicode_space(c) {
            out.push(b' ');
        } else if let Some(d) = unicode_decimal(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn trim_c_space(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !is_c_space(*first) {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !is_c_space(*last) {
            break;
        }
        b = rest;
    }
    b
}

/// Does `b` match `digits [. digits?] | . digits` followed by an optional exponent?
fn is_decimal_float(b: &[u8]) -> bool {
    let mut i = 0;
    let count_digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let mut n = count_digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += count_digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if count_digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Remove underscores that sit between digits; `None` if any other underscore appears.
fn strip_underscores(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    (prev != b'_').then_some(out)
}

/// `float(s)` for a str argument.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let err = || {
        NumError::Value(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    };
    let ascii = transform_to_ascii(s);
    let body = trim_c_space(&ascii);
    if body.is_empty() {
        return Err(err());
    }
    let cleaned;
    let body = if body.contains(&b'_') {
        cleaned = strip_underscores(body).ok_or_else(err)?;
        &cleaned[..]
    } else {
        body
    };
    if let Some((v, n)) = parse_inf_or_nan(body) {
        return if n == body.len() { Ok(v) } else { Err(err()) };
    }
    if !is_decimal_float(body) {
        return Err(err());
    }
    std::str::from_utf8(body)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .ok_or_else(err)
}

/// Why an integer string was rejected.
enum IntError {
    /// Not a valid literal.
    Invalid,
    /// More digits than the `int_max_str_digits` limit allows.
    TooManyDigits(usize),
}

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

/// Parse digits of `base` with single underscores between digits (no
/// leading or trailing underscore), applying the digit limit (0 = none) to
/// bases that are not powers of two, as CPython does before checking for
/// trailing garbage.
fn parse_digits(b: &[u8], base: u32, max_digits: usize) -> Result<BigUint, IntError> {
    if b.first() == Some(&b'_') {
        return Err(IntError::Invalid);
    }
    let mut digits = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    let mut end = b.len();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            if prev == b'_' {
                return Err(IntError::Invalid);
            }
        } else if let Some(d) = (c as char).to_digit(36).filter(|d| *d < base) {
            digits.push(d as u8);
        } else {
            end = i;
            break;
        }
        prev = c;
    }
    if prev == b'_' {
        return Err(IntError::Invalid);
    }
    if !base.is_power_of_two() && max_digits > 0 && digits.len() > max_digits {
        return Err(IntError::TooManyDigits(digits.len()));
    }
    if end != b.len() || digits.is_empty() {
        return Err(IntError::Invalid);
    }
    BigUint::from_radix_be(&digits, base).ok_or(IntError::Invalid)
}

/// The prefix base of `0x`/`0o`/`0b` at the start of `b`, if any.
fn prefix_base(b: &[u8]) -> Option<u32> {
    if b.len() >= 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => return Some(16),
            b'o' | b'O' => return Some(8),
            b'b' | b'B' => return Some(2),
            _ => {}
        }
    }
    None
}

/// Core of `PyLong_FromString` on an already trimmed, sign-free body.
fn parse_int_body(b: &[u8], base: u32, max_digits: usize) -> Result<BigUint, IntError> {
    let mut base = base;
    let mut body = b;
    let mut error_if_nonzero = false;
    if base == 0 {
        match prefix_base(b) {
            Some(pb) => base = pb,
            None => {
                error_if_nonzero = b.first() == Some(&b'0');
                base = 10;
            }
        }
    }
    if prefix_base(b) == Some(base) {
        body = &b[2..];
        if body.first() == Some(&b'_') {
            body = &body[1..];
        }
    }
    let v = parse_digits(body, base, max_digits)?;
    if error_if_nonzero && !v.is_zero() {
        return Err(IntError::Invalid);
    }
    Ok(v)
}

/// `int(s, base)` for a str argument (`base` 0 or 2..=36), with CPython's
/// default limit of 4300 digits for non-power-of-two bases.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, NumError> {
    parse_int_with_limit(s, base, DEFAULT_INT_MAX_STR_DIGITS)
}

/// `int(s, base)` under `sys.set_int_max_str_digits(max_digits)` (0 = unlimited).
pub fn parse_int_with_limit(s: &str, base: u32, max_digits: usize) -> Result<BigInt, NumError> {
    if base == 1 || base > 36 {
        return Err(NumError::Value(
            "int() base must be >= 2 and <= 36, or 0".into(),
        ));
    }
    let ascii = transform_to_ascii(s);
    let mut body = trim_c_space(&ascii);
    let mut sign = Sign::Plus;
    if let Some(&c) = body.first() {
        if c == b'+' || c == b'-' {
            if c == b'-' {
                sign = Sign::Minus;
            }
            body = &body[1..];
        }
    }
    match parse_int_body(body, base, max_digits) {
        Ok(v) => Ok(BigInt::from_biguint(sign, v)),
        Err(IntError::TooManyDigits(n)) => Err(NumError::Value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            max_digits, n
        ))),
        Err(IntError::Invalid) => {
            let r: String = py_str_repr(s).chars().take(200).collect();
            Err(NumError::Value(format!(
                "invalid literal for int() with base {}: {}",
                base, r
            )))
        }
    }
}

/// A source-code integer literal (`1_000`, `0x_ff`, `0o17`, `0b101`, `00`);
/// `None` if it is not a valid literal.
pub fn parse_int_literal(s: &str) -> Option<BigInt> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    parse_int_body(b, 0, 0)
        .ok()
        .map(|v| BigInt::from_biguint(Sign::Plus, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verr(m: &str) -> NumError {
        NumError::Value(m.into())
    }

    #[test]
    fn floats() {
        let ok: &[(&str, f64)] = &[
            ("1_0.5", 10.5),
            ("infinity", f64::INFINITY),
            ("-iNF", f64::NEG_INFINITY),
            (" 1e5_0 ", 1e50),
            (".5", 0.5),
            ("5.", 5.0),
            ("\u{661}.\u{665}", 1.5),
            ("\u{a0}1\u{2003}", 1.0),
            ("+1E-3", 1e-3),
            ("1e500", f64::INFINITY),
            ("-1e-500", -0.0),
            ("0.1", 0.1),
            ("\t\n7\x0b", 7.0),
            ("2.2250738585072011e-308", 2.225073858507201e-308),
            ("1_2_3", 123.0),
            ("1.2_3e1_2", 1.23e12),
            ("+Infinity", f64::INFINITY),
            ("\u{ff11}\u{ff12}", 12.0),
        ];
        for (s, v) in ok {
            let got = parse_float(s).unwrap();
            assert_eq!(
                (got, got.is_sign_negative()),
                (*v, v.is_sign_negative()),
                "{:?}",
                s
            );
        }
        assert!(parse_float("nan").unwrap().is_nan());
        assert!(parse_float("-NaN").unwrap().is_sign_negative());
        let bad: &[(&str, &str)] = &[
            ("1._5", "'1._5'"),
            ("a'b", "\"a'b\""),
            ("a\"b'c", "'a\"b\\'c'"),
            ("\n", "'\\n'"),
            (".", "'.'"),
            ("1e", "'1e'"),
            ("0x10", "'0x10'"),
            ("", "''"),
            ("_1", "'_1'"),
            ("1_", "'1_'"),
            ("1__0", "'1__0'"),
            ("infinit", "'infinit'"),
            ("nan(1)", "'nan(1)'"),
            ("1 2", "'1 2'"),
            ("\x1c1", "'\\x1c1'"),
            ("1\u{a0}x", "'1\\xa0x'"),
            ("é", "'é'"),
            ("in f", "'in f'"),
            ("1e+", "'1e+'"),
            ("-", "'-'"),
            ("\\", "'\\\\'"),
            ("i_nf", "'i_nf'"),
            ("1_e5", "'1_e5'"),
        ];
        for (s, r) in bad {
            assert_eq!(
                parse_float(s),
                Err(verr(&format!("could not convert string to float: {}", r))),
                "{:?}",
                s
            );
        }
    }

    #[test]
    fn ints() {
        let ok: &[(&str, u32, &str)] = &[
            ("0x1f", 16, "31"),
            ("0x_1f", 0, "31"),
            ("0o17", 0, "15"),
            ("0B101", 0, "5"),
            ("00", 0, "0"),
            ("0_0", 0, "0"),
            (" 1_0 ", 10, "10"),
            ("-z", 36, "-35"),
            ("\u{661}\u{662}", 10, "12"),
            ("\u{a0}1\u{2003}", 10, "1"),
            ("+7", 8, "7"),
            ("0b1", 16, "177"),
            ("-0", 0, "0"),
            (
                "123456789012345678901234567890",
                0,
                "123456789012345678901234567890",
            ),
            ("0o1_7", 8, "15"),
            ("Ff", 16, "255"),
            ("10", 2, "2"),
        ];
        for (s, base, v) in ok {
            assert_eq!(
                parse_int(s, *base),
                Ok(v.parse::<BigInt>().unwrap()),
                "{:?}",
                s
            );
        }
        let bad: &[(&str, u32, &str)] = &[
            ("010", 0, "'010'"),
            ("0_10", 0, "'0_10'"),
            ("0x", 16, "'0x'"),
            ("1__0", 10, "'1__0'"),
            ("_1", 10, "'_1'"),
            ("0b1", 11, "'0b1'"),
            ("+ 1", 10, "'+ 1'"),
            ("", 10, "''"),
            ("1_", 10, "'1_'"),
            ("0x__1", 16, "'0x__1'"),
            ("0x1", 10, "'0x1'"),
            ("2", 2, "'2'"),
            ("--1", 10, "'--1'"),
            ("\x1c5", 10, "'\\x1c5'"),
            ("1.0", 10, "'1.0'"),
            ("0o8", 0, "'0o8'"),
            ("0_", 0, "'0_'"),
        ];
        for (s, base, r) in bad {
            let m = format!("invalid literal for int() with base {}: {}", base, r);
            assert_eq!(parse_int(s, *base), Err(verr(&m)), "{:?}", s);
        }
        let m = "int() base must be >= 2 and <= 36, or 0";
        assert_eq!(parse_int("1", 37), Err(verr(m)));
        assert_eq!(parse_int("1", 1), Err(verr(m)));
        let long = "a".repeat(300);
        let e = parse_int(&long, 10).unwrap_err();
        assert_eq!(e.message().len(), 240);
        assert!(e.message().ends_with("aaaa"));
        let limit = |n: usize| {
            format!("Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit", n)
        };
        assert_eq!(parse_int(&"1".repeat(4301), 10), Err(verr(&limit(4301))));
        assert!(parse_int(&"1_".repeat(4300), 10)
            .unwrap_err()
            .message()
            .starts_with("invalid literal"));
        assert!(parse_int(&format!("{}__1", "1".repeat(5000)), 10)
            .unwrap_err()
            .message()
            .starts_with("invalid literal"));
        assert_eq!(
            parse_int(&format!("{}1", "1_".repeat(4300)), 10),
            Err(verr(&limit(4301)))
        );
        assert_eq!(
            parse_int(&format!(" -{}x", "1".repeat(5000)), 10),
            Err(verr(&limit(5000)))
        );
        assert_eq!(parse_int(&"1".repeat(5000), 36), Err(verr(&limit(5000))));
        assert_eq!(parse_int(&"1".repeat(4300), 10).unwrap().bits(), 14282);
        assert_eq!(parse_int(&"1".repeat(5000), 16).unwrap().bits(), 19997);
        assert_eq!(
            parse_int_with_limit(&"1".repeat(5000), 10, 0)
                .unwrap()
                .bits(),
            16607
        );
    }

    #[test]
    fn literals() {
        let p = |s: &str| parse_int_literal(s).map(|v| v.to_string());
        assert_eq!(p("0x_ff").as_deref(), Some("255"));
        assert_eq!(p("1_000").as_deref(), Some("1000"));
        assert_eq!(p("0o17").as_deref(), Some("15"));
        assert_eq!(p("0b101").as_deref(), Some("5"));
        assert_eq!(p("000").as_deref(), Some("0"));
        assert_eq!(p("0").as_deref(), Some("0"));
        assert_eq!(p("007"), None);
        assert_eq!(p("1__0"), None);
        assert_eq!(p("0x"), None);
        assert_eq!(p("-1"), None);
        assert_eq!(p(" 1"), None);
        assert_eq!(p("1_"), None);
    }

    #[test]
    fn reprs() {
        assert_eq!(py_str_repr("abc"), "'abc'");
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("\"'"), "'\"\\''");
        assert_eq!(
            py_str_repr("\x00\x7f\u{85}é\u{2028}€"),
            "'\\x00\\x7f\\x85é\\u2028€'"
        );
        assert_eq!(py_str_repr("\u{1f600}\u{e0001}"), "'\u{1f600}\\U000e0001'");
    }
}
