//! `repr()` and `ascii()` of `str`, and `repr()` of `bytes`/`bytearray`,
//! byte-for-byte as CPython 3.11 prints them.

use super::unicode::is_printable;
use std::fmt::Write;

fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escaped(out: &mut String, c: char) {
    let cp = c as u32;
    // Writing to a String cannot fail.
    let _ = if cp <= 0xff {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xffff {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_repr_char(&mut out, c, quote, ascii_only);
    }
    out.push(quote);
    out
}

/// `repr()`/`ascii()` of a str given as code points that may include lone
/// surrogates (always escaped `\udXXX`, as CPython prints them).
pub fn code_points_repr(cps: &[u32], ascii_only: bool) -> String {
    let quote = pick_quote(cps.contains(&('\'' as u32)), cps.contains(&('"' as u32)));
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => push_repr_char(&mut out, c, quote, ascii_only),
            None => {
                let _ = write!(out, "\\u{cp:04x}");
            }
        }
    }
    out.push(quote);
    out
}

fn push_repr_char(out: &mut String, c: char, quote: char, ascii_only: bool) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        ' '..='~' => out.push(c),
        c if c.is_ascii() => push_escaped(out, c),
        c if !ascii_only && is_printable(c) => out.push(c),
        c => push_escaped(out, c),
    }
}

/// `repr(s)`: single quotes unless `s` has `'` but no `"`; escapes `\\`,
/// the quote, `\t \n \r`, `\xNN` for other controls and non-printables up to
/// U+00FF, `\uNNNN`/`\UNNNNNNNN` for other non-printables; printable
/// non-ASCII is kept.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)`: like [`str_repr`] with every non-ASCII char escaped.
pub fn str_ascii(s: &str) -> String {
    repr_impl(s, true)
}

/// `repr(bytes)` with the given prefix (normally `"b"`): `b'...'`, with
/// `\t \n \r`, `\\`, the quote escaped and `\xNN` outside 0x20..0x7e.
pub fn bytes_repr(b: &[u8], prefix: &str) -> String {
    bytes_repr_impl(b, prefix, false)
}

fn bytes_repr_impl(b: &[u8], prefix: &str, always_escape_single: bool) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + prefix.len() + 2);
    out.push_str(prefix);
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            x if x as char == quote || (always_escape_single && x == b'\'') => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            x => {
                let _ = write!(out, "\\x{x:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(bytearray)`: `bytearray(b'...')`. Unlike bytes, CPython's
/// bytearray repr escapes `'` even inside double quotes:
/// `bytearray(b"\'")`.
pub fn bytearray_repr(b: &[u8]) -> String {
    bytearray_repr_named(b, "bytearray")
}

/// `repr()` of a bytearray subclass instance: `Name(b'...')`.
pub fn bytearray_repr_named(b: &[u8], type_name: &str) -> String {
    format!("{type_name}({})", bytes_repr_impl(b, "b", true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_reprs() {
        // Expected values from python3: print(repr(s)), print(ascii(s)).
        let cases: &[(&str, &str, &str)] = &[
            ("", "''", "''"),
            ("abc", "'abc'", "'abc'"),
            ("it's", "\"it's\"", "\"it's\""),
            ("a\"b", "'a\"b'", "'a\"b'"),
            ("'\"", "'\\'\"'", "'\\'\"'"),
            (
                "\\\n\r\t\0\x1b\x7f",
                "'\\\\\\n\\r\\t\\x00\\x1b\\x7f'",
                "'\\\\\\n\\r\\t\\x00\\x1b\\x7f'",
            ),
            ("é€😀", "'é€😀'", "'\\xe9\\u20ac\\U0001f600'"),
            (
                "\u{85}\u{a0}\u{ad}",
                "'\\x85\\xa0\\xad'",
                "'\\x85\\xa0\\xad'",
            ),
            (
                "\u{2028}\u{200b}\u{e000}",
                "'\\u2028\\u200b\\ue000'",
                "'\\u2028\\u200b\\ue000'",
            ),
            (
                "\u{1fae8}\u{e0001}",
                "'\\U0001fae8\\U000e0001'",
                "'\\U0001fae8\\U000e0001'",
            ),
            (" \u{3000}", "' \\u3000'", "' \\u3000'"),
        ];
        for &(s, r, a) in cases {
            assert_eq!(str_repr(s), r, "{s:?}");
            assert_eq!(str_ascii(s), a, "{s:?}");
        }
    }

    #[test]
    fn bytes_reprs() {
        // python3: repr(b), repr(bytearray(b))
        assert_eq!(bytes_repr(b"", "b"), "b''");
        assert_eq!(bytes_repr(b"it's", "b"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\"", "b"), "b'\\'\"'");
        assert_eq!(
            bytes_repr(b"a\\\n\r\t\x00\x7f\x80\xff~", "b"),
            "b'a\\\\\\n\\r\\t\\x00\\x7f\\x80\\xff~'"
        );
        assert_eq!(bytearray_repr(b"x'"), "bytearray(b\"x\\'\")");
        assert_eq!(bytearray_repr(b"'\""), "bytearray(b'\\'\"')");
        assert_eq!(bytearray_repr(b"a\"b"), "bytearray(b'a\"b')");
        assert_eq!(bytearray_repr_named(b"a", "X"), "X(b'a')");
        assert_eq!(bytearray_repr(b""), "bytearray(b'')");
    }
}
