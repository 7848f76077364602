//! Python `str` methods on Rust `&str`, with code-point indices throughout.
//!
//! `start`/`end` arguments are `Option<i64>` and go through
//! [`adjust_indices`] (CPython's `ADJUST_INDICES`); slices go through
//! [`slice_indices`] (`PySlice_Unpack` + `PySlice_AdjustIndices`). ASCII
//! strings take byte-indexed fast paths; substring searches always run on
//! bytes (UTF-8 is self-synchronising, so a byte match is a char match).
//! Case mappings and the case predicates live in `strcase` and are
//! re-exported here.

use super::unicode::{is_linebreak, is_space};
use super::TextError;

pub use super::strcase::{
    capitalize, casefold, islower, istitle, isupper, lower, swapcase, title, upper,
};
pub use super::strmisc::{
    center, expandtabs, isalnum, isalpha, isascii, isdecimal, isdigit, isidentifier, isnumeric,
    isprintable, isspace, join, ljust, lstrip, removeprefix, removesuffix, rjust, rstrip, str_mul,
    strip, zfill, MAX_REPEAT_BYTES,
};

/// Number of code points in `s`.
#[inline]
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The code point at char index `i`, if any.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    if s.is_ascii() {
        s.as_bytes().get(i).map(|&b| b as char)
    } else {
        s.chars().nth(i)
    }
}

/// Byte offset of char index `char_idx` (`s.len()` if it is past the end).
#[inline]
pub fn byte_offset(s: &str, char_idx: usize) -> usize {
    if s.is_ascii() {
        return char_idx.min(s.len());
    }
    s.char_indices().nth(char_idx).map_or(s.len(), |(b, _)| b)
}

/// Byte offsets of char indices `start` and `end` (end raised to start),
/// clamped to the string, in one pass.
fn byte_range(s: &str, start: usize, end: usize) -> (usize, usize) {
    let end = end.max(start);
    if s.is_ascii() {
        let n = s.len();
        return (start.min(n), end.min(n));
    }
    let (mut sb, mut eb) = (s.len(), s.len());
    for (i, (b, _)) in s.char_indices().enumerate() {
        if i == start {
            sb = b;
        }
        if i == end {
            eb = b;
            break;
        }
    }
    (sb, eb)
}

/// The substring between char indices `start` and `end` (clamped; empty if
/// `start >= end`).
pub fn substring(s: &str, start: usize, end: usize) -> &str {
    if start >= end {
        return "";
    }
    let (a, b) = byte_range(s, start, end);
    &s[a..b]
}

/// CPython's `ADJUST_INDICES`: `None` means 0 / `len`; negative values wrap
/// once and clamp at 0; `end` clamps at `len`. `start` is NOT clamped to
/// `len` (callers compare it: `'abc'.find('', 5) == -1`), and `start > end`
/// is possible.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let n = len as i64;
    let mut e = end.unwrap_or(n);
    if e > n {
        e = n;
    } else if e < 0 {
        e = (e + n).max(0);
    }
    let mut st = start.unwrap_or(0);
    if st < 0 {
        st = (st + n).max(0);
    }
    (st as usize, e as usize)
}

/// `PySlice_Unpack` + `PySlice_AdjustIndices` for a sequence of length
/// `len`: returns `(start, stop, step, slicelength)`. The VM clamps huge
/// ints to `i64` first (as `_PyEval_SliceIndex` does). Shared by str,
/// bytes, list and tuple slicing.
pub fn slice_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    len: usize,
) -> Result<(i64, i64, i64, usize), TextError> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(TextError::Value("slice step cannot be zero".into()));
    }
    let step = step.max(-i64::MAX);
    let n = len as i64;
    let adjust = |v: Option<i64>, dflt: i64| -> i64 {
        let v = v.unwrap_or(dflt);
        if v < 0 {
            let v = v + n;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= n {
            if step < 0 {
                n - 1
            } else {
                n
            }
        } else {
            v
        }
    };
    let (d0, d1) = if step < 0 {
        (i64::MAX, i64::MIN)
    } else {
        (0, i64::MAX)
    };
    let start = adjust(start, d0);
    let stop = adjust(stop, d1);
    let slicelen = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, slicelen))
}

/// `s[start:stop:step]` given the normalized output of [`slice_indices`];
/// `len` is the slicelength it returned.
pub fn slice_step(s: &str, start: i64, stop: i64, step: i64, len: usize) -> String {
    let _ = stop;
    if len == 0 {
        return String::new();
    }
    if s.is_ascii() {
        let b = s.as_bytes();
        let mut out = String::with_capacity(len);
        let mut i = start;
        for _ in 0..len {
            out.push(b[i as usize] as char);
            i += step;
        }
        return out;
    }
    if step == 1 {
        let st = start as usize;
        return substring(s, st, st + len).to_string();
    }
    if step > 0 {
        return s
            .chars()
            .skip(start as usize)
            .step_by(step as usize)
            .take(len)
            .collect();
    }
    let chars: Vec<char> = s.chars().take(start as usize + 1).collect();
    let mut out = String::with_capacity(len);
    let mut i = start;
    for _ in 0..len {
        out.push(chars[i as usize]);
        i += step;
    }
    out
}

/// Resolves Python `start`/`end` to a byte window of `s`, returning
/// `(byte_start, byte_end, char_start)`, or `None` if `end - start` is
/// smaller than `min_len` chars (no match possible).
fn window(
    s: &str,
    start: Option<i64>,
    end: Option<i64>,
    min_len: usize,
) -> Option<(usize, usize, usize)> {
    if start.is_none() && end.is_none() {
        // Cheap: only the byte lengths are needed to rule out a match.
        if s.len() < min_len {
            return None;
        }
        return Some((0, s.len(), 0));
    }
    let n = char_len(s);
    let (st, en) = adjust_indices(start, end, n);
    if en < st || en - st < min_len {
        return None;
    }
    let (a, b) = byte_range(s, st, en);
    Some((a, b, st))
}

fn chars_before(s: &str, byte: usize) -> usize {
    char_len(&s[..byte])
}

/// `str.find`: lowest char index of `sub` within `s[start:end]`, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let sublen = if sub.is_ascii() {
        sub.len()
    } else {
        char_len(sub)
    };
    match window(s, start, end, sublen) {
        None => -1,
        Some((a, b, cs)) => match s[a..b].find(sub) {
            Some(off) => (cs + chars_before(&s[a..], off)) as i64,
            None => -1,
        },
    }
}

/// `str.rfind`: highest char index of `sub` within `s[start:end]`, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let sublen = if sub.is_ascii() {
        sub.len()
    } else {
        char_len(sub)
    };
    match window(s, start, end, sublen) {
        None => -1,
        Some((a, b, cs)) => match s[a..b].rfind(sub) {
            Some(off) => (cs + chars_before(&s[a..], off)) as i64,
            None => -1,
        },
    }
}

/// `str.index`: like [`find`] but `ValueError("substring not found")`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, TextError> {
    match find(s, sub, start, end) {
        -1 => Err(TextError::Value("substring not found".into())),
        i => Ok(i),
    }
}

/// `str.rindex`: like [`rfind`] but `ValueError("substring not found")`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, TextError> {
    match rfind(s, sub, start, end) {
        -1 => Err(TextError::Value("substring not found".into())),
        i => Ok(i),
    }
}

/// `str.count`: non-overlapping occurrences of `sub` in `s[start:end]`
/// (`len + 1` for an empty `sub`).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    if sub.is_empty() {
        let n = char_len(s);
        let (st, en) = adjust_indices(start, end, n);
        return if en < st { 0 } else { en - st + 1 };
    }
    match window(s, start, end, char_len(sub)) {
        None => 0,
        Some((a, b, _)) => s[a..b].matches(sub).count(),
    }
}

/// `str.__contains__`.
pub fn contains(s: &str, sub: &str) -> bool {
    s.contains(sub)
}

/// `str.replace(old, new, count)`; a negative `count` replaces all. An
/// empty `old` inserts `new` before every char and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if limit == 0 {
        return s.to_string();
    }
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1).min(limit));
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    if limit == usize::MAX {
        return s.replace(old, new);
    }
    s.replacen(old, new, limit)
}

fn maxcount(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// `str.split(sep, maxsplit)`; `sep=None` splits on runs of whitespace and
/// drops empty strings. `ValueError("empty separator")` for `sep=''`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut left = maxcount(maxsplit);
    match sep {
        Some("") => Err(TextError::Value("empty separator".into())),
        Some(sep) => {
            let mut out = Vec::new();
            let mut rest = s;
            while left > 0 {
                match rest.find(sep) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                        left -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest);
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_start_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
                left -= 1;
            }
            let rest = rest.trim_start_matches(is_space);
            if !rest.is_empty() {
                out.push(rest);
            }
            Ok(out)
        }
    }
}

/// `str.rsplit(sep, maxsplit)`: like [`split`] but splitting from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut left = maxcount(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(TextError::Value("empty separator".into())),
        Some(sep) => {
            let mut rest = s;
            while left > 0 {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                        left -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_end_matches(is_space);
                if rest.is_empty() {
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| is_space(c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                out.push(&rest[start..]);
                rest = &rest[..start];
                left -= 1;
            }
            let rest = rest.trim_end_matches(is_space);
            if !rest.is_empty() {
                out.push(rest);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `str.splitlines(keepends)`, breaking on \n \r \r\n \v \f \x1c \x1d \x1e
/// \x85 \u2028 \u2029.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut line_start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' && b.get(eol) == Some(&b'\n') {
            it.next();
            eol += 1;
        }
        out.push(&s[line_start..if keepends { eol } else { i }]);
        line_start = eol;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// CPython's `tailmatch` window: `Some((byte_start, byte_end))` of
/// `s[start:end]` if `sub` could fit in it.
fn tail_window(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let n = char_len(s);
    let (st, en) = adjust_indices(start, end, n);
    let sublen = char_len(sub);
    if en < st || en - st < sublen {
        return None;
    }
    Some(byte_range(s, st, en))
}

/// `str.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if start.is_none() && end.is_none() {
        return s.starts_with(prefix);
    }
    tail_window(s, prefix, start, end).is_some_and(|(a, b)| s[a..b].starts_with(prefix))
}

/// `str.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if start.is_none() && end.is_none() {
        return s.ends_with(suffix);
    }
    tail_window(s, suffix, start, end).is_some_and(|(a, b)| s[a..b].ends_with(suffix))
}

/// `str.partition(sep)`: `ValueError("empty separator")` for `sep=''`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(TextError::Value("empty separator".into()));
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `str.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(TextError::Value("empty separator".into()));
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

#[cfg(test)]
#[allow(clippy::type_complexity)] // literal test tables
mod tests {
    use super::*;

    // Tables generated by running python3 on each case.
    #[rustfmt::skip]
    const SEARCH: &[(&str, &str, Option<i64>, Option<i64>, i64, i64, usize, bool, bool)] = &[
        ("", "bc", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "", Some(3), Some(3), 3, 3, 1, true, true),
        ("", "😀b", Some(-3), None, -1, -1, 0, false, false),
        ("a😀b😀", "aa", None, Some(-2), -1, -1, 0, false, false),
        ("abcabc", "bc", Some(2), Some(5), -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(3), Some(3), -1, -1, 0, false, false),
        ("aaa", "😀b", Some(2), Some(5), -1, -1, 0, false, false),
        ("abcabc", "llo", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "llo", Some(3), Some(3), -1, -1, 0, false, false),
        ("a😀b😀", "a", Some(-100), Some(100), 0, 0, 1, true, false),
        ("abcabc", "bc", Some(0), Some(1), -1, -1, 0, false, false),
        ("aaa", "llo", Some(0), Some(1), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "\u{e9}", Some(0), Some(1), -1, -1, 0, false, false),
        ("abcabc", "a", Some(0), Some(1), 0, 0, 1, true, true),
        ("abcabc", "llo", Some(2), Some(5), -1, -1, 0, false, false),
        ("aaa", "a", Some(-3), None, 0, 2, 3, true, true),
        ("aaa", "", Some(2), Some(5), 2, 3, 2, true, true),
        ("abcabc", "\u{e9}", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "aa", None, Some(-2), -1, -1, 0, false, false),
        ("abcabc", "llo", Some(10), None, -1, -1, 0, false, false),
        ("a😀b😀", "", Some(-3), None, 1, 4, 4, true, true),
        ("aaa", "", Some(3), Some(3), 3, 3, 1, true, true),
        ("abcabc", "\u{e9}", None, None, -1, -1, 0, false, false),
        ("a😀b😀", "", Some(0), Some(1), 0, 1, 2, true, true),
        ("abcabc", "😀b", None, Some(-2), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "llo", Some(2), Some(5), 2, 2, 1, true, true),
        ("a😀b😀", "llo", Some(-3), None, -1, -1, 0, false, false),
        ("a😀b😀", "llo", Some(1), None, -1, -1, 0, false, false),
        ("abcabc", "\u{e9}", Some(1), None, -1, -1, 0, false, false),
        ("a😀b😀", "a", Some(5), Some(2), -1, -1, 0, false, false),
        ("a😀b😀", "a", Some(0), Some(1), 0, 0, 1, true, true),
        ("", "😀b", None, Some(-2), -1, -1, 0, false, false),
        ("abcabc", "bc", Some(5), Some(2), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "llo", None, Some(-2), 2, 2, 1, false, false),
        ("abcabc", "bc", None, Some(-2), 1, 1, 1, false, false),
        ("a😀b😀", "", Some(5), Some(2), -1, -1, 0, false, false),
        ("abcabc", "😀b", Some(-100), Some(100), -1, -1, 0, false, false),
        ("", "", Some(-100), Some(100), 0, 0, 1, true, true),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "", None, Some(-2), 0, 15, 16, true, true),
        ("aaa", "😀b", Some(10), None, -1, -1, 0, false, false),
        ("abcabc", "😀b", None, None, -1, -1, 0, false, false),
        ("a😀b😀", "a", Some(-3), None, -1, -1, 0, false, false),
        ("", "a", Some(3), Some(3), -1, -1, 0, false, false),
        ("a😀b😀", "", Some(10), None, -1, -1, 0, false, false),
        ("a😀b😀", "😀b", Some(0), Some(1), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "bc", Some(-3), None, -1, -1, 0, false, false),
        ("abcabc", "aa", Some(-3), None, -1, -1, 0, false, false),
        ("a😀b😀", "a", Some(3), Some(3), -1, -1, 0, false, false),
        ("a😀b😀", "llo", Some(3), Some(3), -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "bc", Some(10), None, -1, -1, 0, false, false),
        ("", "aa", None, None, -1, -1, 0, false, false),
        ("abcabc", "llo", Some(0), Some(1), -1, -1, 0, false, false),
        ("a😀b😀", "", None, None, 0, 4, 5, true, true),
        ("abcabc", "\u{e9}", Some(-3), None, -1, -1, 0, false, false),
        ("a😀b😀", "", Some(-100), Some(100), 0, 4, 5, true, true),
        ("a😀b😀", "\u{e9}", Some(10), None, -1, -1, 0, false, false),
        ("h\u{e9}llo w\u{f6}rld h\u{e9}llo", "\u{e9}", Some(5), Some(2), -1, -1, 0, false, false),
        ("aaa", "llo", Some(2), Some(5), -1, -1, 0, false, false),
        ("a😀b😀", "😀b", Some(-100), Some(100), 1, 1, 1, false, false),
        ("aaa", "😀b", Some(-3), None, -1, -1, 0, false, false),
        ("abc", "", Some(5), None, -1, -1, 0, false, false),
        ("abc", "", Some(3), None, 3, 3, 1, true, true),
        ("abc", "", Some(4), None, -1, -1, 0, false, false),
    ];
    #[rustfmt::skip]
    const SPLIT: &[(&str, Option<&str>, i64, &[&str], &[&str])] = &[
        (" a  b c ", None, -1, &["a", "b", "c"], &["a", "b", "c"]),
        (" a  b c ", None, 0, &["a  b c "], &[" a  b c"]),
        (" a  b c ", None, 1, &["a", "b c "], &[" a  b", "c"]),
        (" a  b c ", None, 2, &["a", "b", "c "], &[" a", "b", "c"]),
        ("a,b,,c,", Some(","), -1, &["a", "b", "", "c", ""], &["a", "b", "", "c", ""]),
        ("a,b,,c,", Some(","), 0, &["a,b,,c,"], &["a,b,,c,"]),
        ("a,b,,c,", Some(","), 1, &["a", "b,,c,"], &["a,b,,c", ""]),
        ("a,b,,c,", Some(","), 2, &["a", "b", ",c,"], &["a,b,", "c", ""]),
        ("", None, -1, &[], &[]),
        ("", None, 0, &[], &[]),
        ("", None, 1, &[], &[]),
        ("", None, 2, &[], &[]),
        ("", Some(","), -1, &[""], &[""]),
        ("", Some(","), 0, &[""], &[""]),
        ("", Some(","), 1, &[""], &[""]),
        ("", Some(","), 2, &[""], &[""]),
        ("  ", None, -1, &[], &[]),
        ("  ", None, 0, &[], &[]),
        ("  ", None, 1, &[], &[]),
        ("  ", None, 2, &[], &[]),
        ("a\u{3000}b\u{1c}c\u{85}d\u{a0}e", None, -1, &["a", "b", "c", "d", "e"], &["a", "b", "c", "d", "e"]),
        ("a\u{3000}b\u{1c}c\u{85}d\u{a0}e", None, 0, &["a\u{3000}b\u{1c}c\u{85}d\u{a0}e"], &["a\u{3000}b\u{1c}c\u{85}d\u{a0}e"]),
        ("a\u{3000}b\u{1c}c\u{85}d\u{a0}e", None, 1, &["a", "b\u{1c}c\u{85}d\u{a0}e"], &["a\u{3000}b\u{1c}c\u{85}d", "e"]),
        ("a\u{3000}b\u{1c}c\u{85}d\u{a0}e", None, 2, &["a", "b", "c\u{85}d\u{a0}e"], &["a\u{3000}b\u{1c}c", "d", "e"]),
        ("x😀y😀z", Some("😀"), -1, &["x", "y", "z"], &["x", "y", "z"]),
        ("x😀y😀z", Some("😀"), 0, &["x😀y😀z"], &["x😀y😀z"]),
        ("x😀y😀z", Some("😀"), 1, &["x", "y😀z"], &["x😀y", "z"]),
        ("x😀y😀z", Some("😀"), 2, &["x", "y", "z"], &["x", "y", "z"]),
        ("aaa", Some("aa"), -1, &["", "a"], &["a", ""]),
        ("aaa", Some("aa"), 0, &["aaa"], &["aaa"]),
        ("aaa", Some("aa"), 1, &["", "a"], &["a", ""]),
        ("aaa", Some("aa"), 2, &["", "a"], &["a", ""]),
        ("a b c d", None, -1, &["a", "b", "c", "d"], &["a", "b", "c", "d"]),
        ("a b c d", None, 0, &["a b c d"], &["a b c d"]),
        ("a b c d", None, 1, &["a", "b c d"], &["a b c", "d"]),
        ("a b c d", None, 2, &["a", "b", "c d"], &["a b", "c", "d"]),
    ];
    #[rustfmt::skip]
    const LINES: &[(&str, &[&str], &[&str])] = &[
        ("a\nb\r\nc\rd\u{b}e\u{c}f\u{1c}g\u{1d}h\u{1e}i\u{85}j\u{2028}k\u{2029}l", &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"], &["a\n", "b\r\n", "c\r", "d\u{b}", "e\u{c}", "f\u{1c}", "g\u{1d}", "h\u{1e}", "i\u{85}", "j\u{2028}", "k\u{2029}", "l"]),
        ("\n\n", &["", ""], &["\n", "\n"]),
        ("x\r", &["x"], &["x\r"]),
        ("", &[], &[]),
        ("abc", &["abc"], &["abc"]),
        ("a\r\n", &["a"], &["a\r\n"]),
    ];
    #[rustfmt::skip]
    const REPLACE: &[(&str, &str, &str, i64, &str)] = &[
        ("abcabc", "bc", "X", -1, "aXaX"),
        ("abcabc", "bc", "X", 1, "aXabc"),
        ("abc", "", "-", -1, "-a-b-c-"),
        ("abc", "", "-", 2, "-a-bc"),
        ("abc", "", "-", 0, "abc"),
        ("", "", "x", -1, "x"),
        ("", "", "x", 0, ""),
        ("h\u{e9}\u{e9}", "\u{e9}", "e", -1, "hee"),
        ("aaaa", "aa", "b", -1, "bb"),
        ("abc", "z", "y", -1, "abc"),
    ];
    #[rustfmt::skip]
    const PART: &[(&str, &str, (&str, &str, &str), (&str, &str, &str))] = &[
        ("a=b=c", "=", ("a", "=", "b=c"), ("a=b", "=", "c")),
        ("abc", "=", ("abc", "", ""), ("", "", "abc")),
        ("h\u{e9}\u{e9}=\u{e9}", "\u{e9}", ("h", "\u{e9}", "\u{e9}=\u{e9}"), ("h\u{e9}\u{e9}=", "\u{e9}", "")),
        ("", "x", ("", "", ""), ("", "", "")),
    ];
    #[rustfmt::skip]
    const SLICES: &[(&str, Option<i64>, Option<i64>, Option<i64>, &str)] = &[
        ("hello", None, None, None, "hello"),
        ("hello", Some(1), None, None, "ello"),
        ("hello", None, None, Some(-1), "olleh"),
        ("hello", None, None, Some(2), "hlo"),
        ("hello", Some(-2), None, None, "lo"),
        ("hello", Some(10), Some(-10), Some(-1), "olleh"),
        ("hello", Some(1), Some(8), Some(3), "eo"),
        ("hello", Some(-1), Some(-8), Some(-2), "olh"),
        ("hello", Some(3), Some(1), None, ""),
        ("hello", Some(-100), Some(100), Some(4), "ho"),
        ("hello", None, None, Some(-3), "oe"),
        ("hello", Some(2), Some(2), Some(1), ""),
        ("h\u{e9}llo w\u{f6}rld", None, None, None, "h\u{e9}llo w\u{f6}rld"),
        ("h\u{e9}llo w\u{f6}rld", Some(1), None, None, "\u{e9}llo w\u{f6}rld"),
        ("h\u{e9}llo w\u{f6}rld", None, None, Some(-1), "dlr\u{f6}w oll\u{e9}h"),
        ("h\u{e9}llo w\u{f6}rld", None, None, Some(2), "hlowrd"),
        ("h\u{e9}llo w\u{f6}rld", Some(-2), None, None, "ld"),
        ("h\u{e9}llo w\u{f6}rld", Some(10), Some(-10), Some(-1), "dlr\u{f6}w oll"),
        ("h\u{e9}llo w\u{f6}rld", Some(1), Some(8), Some(3), "\u{e9}o\u{f6}"),
        ("h\u{e9}llo w\u{f6}rld", Some(-1), Some(-8), Some(-2), "drwo"),
        ("h\u{e9}llo w\u{f6}rld", Some(3), Some(1), None, ""),
        ("h\u{e9}llo w\u{f6}rld", Some(-100), Some(100), Some(4), "hor"),
        ("h\u{e9}llo w\u{f6}rld", None, None, Some(-3), "d\u{f6}o\u{e9}"),
        ("h\u{e9}llo w\u{f6}rld", Some(2), Some(2), Some(1), ""),
        ("", None, None, None, ""),
        ("", Some(1), None, None, ""),
        ("", None, None, Some(-1), ""),
        ("", None, None, Some(2), ""),
        ("", Some(-2), None, None, ""),
        ("", Some(10), Some(-10), Some(-1), ""),
        ("", Some(1), Some(8), Some(3), ""),
        ("", Some(-1), Some(-8), Some(-2), ""),
        ("", Some(3), Some(1), None, ""),
        ("", Some(-100), Some(100), Some(4), ""),
        ("", None, None, Some(-3), ""),
        ("", Some(2), Some(2), Some(1), ""),
    ];
    #[rustfmt::skip]
    const INDICES: &[(Option<i64>, Option<i64>, Option<i64>, usize, (i64, i64, i64, usize))] = &[
        (None, None, None, 0, (0, 0, 1, 0)),
        (Some(1), None, None, 0, (0, 0, 1, 0)),
        (None, None, Some(-1), 0, (-1, -1, -1, 0)),
        (None, None, Some(2), 0, (0, 0, 2, 0)),
        (Some(-2), None, None, 0, (0, 0, 1, 0)),
        (Some(10), Some(-10), Some(-1), 0, (-1, -1, -1, 0)),
        (Some(1), Some(8), Some(3), 0, (0, 0, 3, 0)),
        (Some(-1), Some(-8), Some(-2), 0, (-1, -1, -2, 0)),
        (Some(3), Some(1), None, 0, (0, 0, 1, 0)),
        (Some(-100), Some(100), Some(4), 0, (0, 0, 4, 0)),
        (None, None, Some(-3), 0, (-1, -1, -3, 0)),
        (Some(2), Some(2), Some(1), 0, (0, 0, 1, 0)),
        (None, None, Some(-9223372036854775807), 0, (-1, -1, -9223372036854775807, 0)),
        (Some(-9223372036854775807), Some(9223372036854775807), None, 0, (0, 0, 1, 0)),
        (None, None, None, 5, (0, 5, 1, 5)),
        (Some(1), None, None, 5, (1, 5, 1, 4)),
        (None, None, Some(-1), 5, (4, -1, -1, 5)),
        (None, None, Some(2), 5, (0, 5, 2, 3)),
        (Some(-2), None, None, 5, (3, 5, 1, 2)),
        (Some(10), Some(-10), Some(-1), 5, (4, -1, -1, 5)),
        (Some(1), Some(8), Some(3), 5, (1, 5, 3, 2)),
        (Some(-1), Some(-8), Some(-2), 5, (4, -1, -2, 3)),
        (Some(3), Some(1), None, 5, (3, 1, 1, 0)),
        (Some(-100), Some(100), Some(4), 5, (0, 5, 4, 2)),
        (None, None, Some(-3), 5, (4, -1, -3, 2)),
        (Some(2), Some(2), Some(1), 5, (2, 2, 1, 0)),
        (None, None, Some(-9223372036854775807), 5, (4, -1, -9223372036854775807, 1)),
        (Some(-9223372036854775807), Some(9223372036854775807), None, 5, (0, 5, 1, 5)),
    ];

    #[test]
    fn search() {
        for &(s, sub, st, en, f, rf, c, sw, ew) in SEARCH {
            let ctx = format!("{s:?} {sub:?} {st:?} {en:?}");
            assert_eq!(find(s, sub, st, en), f, "find {ctx}");
            assert_eq!(rfind(s, sub, st, en), rf, "rfind {ctx}");
            assert_eq!(count(s, sub, st, en), c, "count {ctx}");
            assert_eq!(startswith(s, sub, st, en), sw, "startswith {ctx}");
            assert_eq!(endswith(s, sub, st, en), ew, "endswith {ctx}");
        }
        assert_eq!(index("abc", "c", None, None), Ok(2));
        assert_eq!(
            rindex("abc", "d", None, None),
            Err(TextError::Value("substring not found".into()))
        );
    }

    #[test]
    fn splitting() {
        for &(s, sep, m, sp, rsp) in SPLIT {
            assert_eq!(split(s, sep, m).unwrap(), sp, "split {s:?} {sep:?} {m}");
            assert_eq!(rsplit(s, sep, m).unwrap(), rsp, "rsplit {s:?} {sep:?} {m}");
        }
        let empty = Err(TextError::Value("empty separator".into()));
        assert_eq!(split("a", Some(""), -1), empty);
        assert_eq!(rsplit("a", Some(""), -1), empty);
        for &(s, plain, keep) in LINES {
            assert_eq!(splitlines(s, false), plain, "{s:?}");
            assert_eq!(splitlines(s, true), keep, "{s:?}");
        }
        for &(s, sep, p, rp) in PART {
            assert_eq!(partition(s, sep).unwrap(), p);
            assert_eq!(rpartition(s, sep).unwrap(), rp);
        }
        assert!(partition("a", "").is_err() && rpartition("a", "").is_err());
    }

    #[test]
    fn replacing() {
        for &(s, old, new, n, want) in REPLACE {
            assert_eq!(replace(s, old, new, n), want, "{s:?} {old:?} {new:?} {n}");
        }
    }

    #[test]
    fn slicing() {
        for &(st, sp, step, n, want) in INDICES {
            assert_eq!(
                slice_indices(st, sp, step, n).unwrap(),
                want,
                "{st:?} {sp:?} {step:?} {n}"
            );
        }
        assert_eq!(
            slice_indices(None, None, Some(0), 3),
            Err(TextError::Value("slice step cannot be zero".into()))
        );
        for &(s, st, sp, step, want) in SLICES {
            let (a, b, c, n) = slice_indices(st, sp, step, char_len(s)).unwrap();
            assert_eq!(
                slice_step(s, a, b, c, n),
                want,
                "{s:?} {st:?} {sp:?} {step:?}"
            );
        }
    }

    #[test]
    fn indexing() {
        let s = "héllo😀!";
        assert_eq!(char_len(s), 7);
        assert_eq!(char_at(s, 1), Some('é'));
        assert_eq!(char_at(s, 5), Some('😀'));
        assert_eq!(char_at(s, 7), None);
        assert_eq!(byte_offset(s, 2), 3);
        assert_eq!(byte_offset(s, 6), 10);
        assert_eq!(byte_offset(s, 99), s.len());
        assert_eq!(substring(s, 1, 6), "éllo😀");
        assert_eq!(substring(s, 4, 2), "");
        assert_eq!(substring("abc", 1, 99), "bc");
        assert_eq!(adjust_indices(Some(5), None, 3), (5, 3));
        assert_eq!(adjust_indices(Some(-10), Some(-1), 3), (0, 2));
        assert_eq!(adjust_indices(None, Some(-10), 3), (0, 0));
        assert_eq!(removeprefix("abc", "ab"), "c");
    }
}
