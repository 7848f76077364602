//! The simpler `str` methods: strip family, padding (`center`, `ljust`,
//! `rjust`, `zfill`), `expandtabs`, prefix/suffix removal, repetition and
//! the whole-string character predicates. Re-exported by `strops`.

use super::strops::char_len;
use super::unicode::{self, is_space};
use super::TextError;

fn strip_set(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    }
}

/// `str.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(strip_set(chars))
}

/// `str.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(strip_set(chars))
}

/// `str.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(strip_set(chars))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn margin(s: &str, width: i64) -> Option<usize> {
    let n = char_len(s);
    if width <= n as i64 {
        None
    } else {
        Some(width as usize - n)
    }
}

/// `str.center(width, fill)` (CPython puts the odd extra char on the left
/// when `width` is odd: `'ab'.center(5, '*') == '**ab*'`).
pub fn center(s: &str, width: i64, fill: char) -> String {
    match margin(s, width) {
        None => s.to_string(),
        Some(m) => {
            let left = m / 2 + (m & width as usize & 1);
            pad(s, left, m - left, fill)
        }
    }
}

/// `str.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    match margin(s, width) {
        None => s.to_string(),
        Some(m) => pad(s, 0, m, fill),
    }
}

/// `str.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    match margin(s, width) {
        None => s.to_string(),
        Some(m) => pad(s, m, 0, fill),
    }
}

/// `str.zfill(width)`: pads with '0' after a leading '+'/'-'.
pub fn zfill(s: &str, width: i64) -> String {
    match margin(s, width) {
        None => s.to_string(),
        Some(m) => {
            let (sign, body) = match s.as_bytes().first() {
                Some(b'+') | Some(b'-') => s.split_at(1),
                _ => ("", s),
            };
            let mut out = String::with_capacity(s.len() + m);
            out.push_str(sign);
            out.extend(std::iter::repeat_n('0', m));
            out.push_str(body);
            out
        }
    }
}

/// `str.expandtabs(tabsize)`; columns reset at \n and \r; a tabsize <= 0
/// deletes tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col: usize = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let ts = tabsize as usize;
                    let incr = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', incr));
                    col += incr;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// `str.removeprefix`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `str.removesuffix`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

/// Largest result `str_mul` will try to build, in bytes; beyond it
/// (but below the `isize::MAX` code-point overflow) CPython would fail to
/// allocate and raise `MemoryError`.
pub const MAX_REPEAT_BYTES: u64 = 1 << 40;

/// `s * n`. CPython raises `OverflowError("repeated string is too long")`
/// when `len(s) * n` (in code points) exceeds `sys.maxsize`, and
/// `MemoryError` when the allocation fails (`'ab' * 10**18`): we report
/// `TextError::Memory` for results over [`MAX_REPEAT_BYTES`].
pub fn str_mul(s: &str, n: i64) -> Result<String, TextError> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    let chars = char_len(s) as u128;
    if chars * n as u128 > isize::MAX as u128 {
        return Err(TextError::Overflow("repeated string is too long".into()));
    }
    if s.len() as u128 * n as u128 > MAX_REPEAT_BYTES as u128 {
        return Err(TextError::Memory);
    }
    Ok(s.repeat(n as usize))
}

/// `str.join` over already-extracted strings.
pub fn join(sep: &str, parts: &[&str]) -> String {
    parts.join(sep)
}

fn all_nonempty(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `str.isalpha` (False for '').
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, unicode::is_alpha)
}

/// `str.isdigit` (False for '').
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, unicode::is_digit)
}

/// `str.isdecimal` (False for '').
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, unicode::is_decimal)
}

/// `str.isnumeric` (False for '').
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, unicode::is_numeric)
}

/// `str.isalnum` (False for '').
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, unicode::is_alnum)
}

/// `str.isspace` (False for '').
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `str.isprintable` (True for '').
pub fn isprintable(s: &str) -> bool {
    s.chars().all(unicode::is_printable)
}

/// `str.isascii` (True for '').
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `str.isidentifier` (no keyword check, no NFKC normalization).
pub fn isidentifier(s: &str) -> bool {
    unicode::is_identifier(s)
}

#[cfg(test)]
#[allow(clippy::type_complexity)] // literal test tables
mod tests {
    use super::*;

    // Tables generated by running python3 on each case.
    #[rustfmt::skip]
    const STRIP: &[(&str, Option<&str>, &str, &str, &str)] = &[
        ("  \t h\u{e9}llo \u{85}\u{3000}", None, "h\u{e9}llo", "h\u{e9}llo \u{85}\u{3000}", "  \t h\u{e9}llo"),
        ("xxabcxyx", Some("xy"), "abc", "abcxyx", "xxabc"),
        ("", Some("x"), "", "", ""),
        ("\u{e9}\u{e9}a\u{e9}\u{e9}", Some("\u{e9}"), "a", "a\u{e9}\u{e9}", "\u{e9}\u{e9}a"),
        ("abc", Some(""), "abc", "abc", "abc"),
    ];
    #[rustfmt::skip]
    const PAD: &[(&str, i64, char, &str, &str, &str)] = &[
        ("ab", 5, '*', "**ab*", "ab***", "***ab"),
        ("ab", 6, '*', "**ab**", "ab****", "****ab"),
        ("abc", 6, '*', "*abc**", "abc***", "***abc"),
        ("abc", 5, 'é', "\u{e9}abc\u{e9}", "abc\u{e9}\u{e9}", "\u{e9}\u{e9}abc"),
        ("h\u{e9}llo", 3, ' ', "h\u{e9}llo", "h\u{e9}llo", "h\u{e9}llo"),
        ("", 4, '-', "----", "----", "----"),
        ("x", -1, ' ', "x", "x", "x"),
    ];
    #[rustfmt::skip]
    const ZFILL: &[(&str, i64, &str)] = &[
        ("-42", 6, "-00042"),
        ("+", 3, "+00"),
        ("", 3, "000"),
        ("42", 1, "42"),
        ("\u{e9}", 3, "00\u{e9}"),
        ("--1", 5, "-00-1"),
    ];
    #[rustfmt::skip]
    const TABS: &[(&str, i64, &str)] = &[
        ("a\tb\r\tc\n\td", 4, "a   b\r    c\n    d"),
        ("a\tb", 0, "ab"),
        ("a\tb", -3, "ab"),
        ("\u{e9}\tx\t", 8, "\u{e9}       x       "),
        ("12345678\t9", 8, "12345678        9"),
        ("\t", 1, " "),
    ];
    // isalpha isdigit isdecimal isnumeric isalnum isspace isprintable isascii isidentifier
    #[rustfmt::skip]
    const PRED: &[(&str, [bool; 9])] = &[
        ("", [false, false, false, false, false, false, true, true, false]),
        ("abc", [true, false, false, false, true, false, true, true, true]),
        ("aBc1", [false, false, false, false, true, false, true, true, true]),
        ("123", [false, true, true, true, true, false, true, true, false]),
        ("١٢٣", [false, true, true, true, true, false, true, false, false]),
        ("\u{b2}", [false, true, false, true, true, false, true, false, false]),
        ("\u{bd}", [false, false, false, true, true, false, true, false, false]),
        ("一二", [true, false, false, true, true, false, true, false, true]),
        ("  \t", [false, false, false, false, false, true, false, true, false]),
        ("\u{1c}", [false, false, false, false, false, true, false, true, false]),
        ("abc ", [false, false, false, false, false, false, true, true, false]),
        ("Ab", [true, false, false, false, true, false, true, true, true]),
        ("ǅ", [true, false, false, false, true, false, true, false, true]),
        ("_a1", [false, false, false, false, false, false, true, true, true]),
        ("1a", [false, false, false, false, true, false, true, true, false]),
        ("\u{e9}", [true, false, false, false, true, false, true, false, true]),
        ("\u{7f}", [false, false, false, false, false, false, false, true, false]),
        ("\u{a0}", [false, false, false, false, false, true, false, false, false]),
        ("😀", [false, false, false, false, false, false, true, false, false]),
        ("a\u{301}", [false, false, false, false, false, false, true, false, true]),
        ("Ⅻ", [false, false, false, true, true, false, true, false, true]),
    ];

    #[test]
    fn strip_and_pad() {
        for &(s, chars, both, left, right) in STRIP {
            assert_eq!(strip(s, chars), both, "{s:?} {chars:?}");
            assert_eq!(lstrip(s, chars), left, "{s:?} {chars:?}");
            assert_eq!(rstrip(s, chars), right, "{s:?} {chars:?}");
        }
        for &(s, w, f, c, l, r) in PAD {
            assert_eq!(center(s, w, f), c, "{s:?} {w}");
            assert_eq!(ljust(s, w, f), l, "{s:?} {w}");
            assert_eq!(rjust(s, w, f), r, "{s:?} {w}");
        }
        for &(s, w, want) in ZFILL {
            assert_eq!(zfill(s, w), want, "{s:?} {w}");
        }
        for &(s, w, want) in TABS {
            assert_eq!(expandtabs(s, w), want, "{s:?} {w}");
        }
        assert_eq!(removesuffix("abc", "bc"), "a");
        assert_eq!(removesuffix("abc", "x"), "abc");
        assert_eq!(join(", ", &["a", "b"]), "a, b");
    }

    #[test]
    fn predicates() {
        type F = fn(&str) -> bool;
        let fs: [F; 9] = [
            isalpha,
            isdigit,
            isdecimal,
            isnumeric,
            isalnum,
            isspace,
            isprintable,
            isascii,
            isidentifier,
        ];
        for &(s, want) in PRED {
            let got: Vec<bool> = fs.iter().map(|f| f(s)).collect();
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn repetition() {
        // python3: 'ab'*(2**62) -> OverflowError, 'ab'*(10**18) -> MemoryError
        assert_eq!(str_mul("ab", 3).unwrap(), "ababab");
        assert_eq!(str_mul("é", 2).unwrap(), "éé");
        assert_eq!(str_mul("ab", -1).unwrap(), "");
        assert_eq!(str_mul("", 1 << 62).unwrap(), "");
        assert_eq!(
            str_mul("ab", 1 << 62),
            Err(TextError::Overflow("repeated string is too long".into()))
        );
        assert_eq!(
            str_mul("ab", 1_000_000_000_000_000_000),
            Err(TextError::Memory)
        );
    }
}
