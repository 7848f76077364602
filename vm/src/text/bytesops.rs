//! Python `bytes`/`bytearray` methods on `&[u8]`, with ASCII semantics
//! (CPython's `Py_ISSPACE` whitespace is ` \t\n\r\x0b\x0c`; only ASCII
//! letters are cased). Indices are byte indices; `start`/`end` go through
//! `strops::adjust_indices`. Substring search is Boyer-Moore-Horspool.

pub use super::bytesmisc::{bytes_mul, fromhex, hex, maketrans, translate};
use super::strops::adjust_indices;
use super::TextError;

/// CPython's `Py_ISSPACE`: space, \t, \n, \x0b, \x0c, \r.
#[inline]
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// First index of `needle` in `hay` (0 for an empty needle).
pub fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (n, m) = (hay.len(), needle.len());
    if m == 0 {
        return Some(0);
    }
    if m > n {
        return None;
    }
    if m == 1 {
        return hay.iter().position(|&b| b == needle[0]);
    }
    let mut skip = [m; 256];
    for (i, &b) in needle[..m - 1].iter().enumerate() {
        skip[b as usize] = m - 1 - i;
    }
    let last = needle[m - 1];
    let mut i = 0;
    while i + m <= n {
        let b = hay[i + m - 1];
        if b == last && hay[i..i + m - 1] == needle[..m - 1] {
            return Some(i);
        }
        i += skip[b as usize];
    }
    None
}

/// Last index of `needle` in `hay` (`hay.len()` for an empty needle).
pub fn memrfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (n, m) = (hay.len(), needle.len());
    if m == 0 {
        return Some(n);
    }
    if m > n {
        return None;
    }
    if m == 1 {
        return hay.iter().rposition(|&b| b == needle[0]);
    }
    let mut skip = [m; 256];
    for (i, &b) in needle[1..].iter().enumerate().rev() {
        skip[b as usize] = i + 1;
    }
    let first = needle[0];
    let mut i = n - m;
    loop {
        let b = hay[i];
        if b == first && hay[i + 1..i + m] == needle[1..] {
            return Some(i);
        }
        if i < skip[b as usize] {
            return None;
        }
        i -= skip[b as usize];
    }
}

/// The `[start:end]` window if at least `min_len` bytes wide.
fn window(
    n: usize,
    start: Option<i64>,
    end: Option<i64>,
    min_len: usize,
) -> Option<(usize, usize)> {
    let (st, en) = adjust_indices(start, end, n);
    if en < st || en - st < min_len {
        None
    } else {
        Some((st, en))
    }
}

/// `bytes.find` (an int argument is a one-byte `sub`).
pub fn find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    window(b.len(), start, end, sub.len())
        .and_then(|(s, e)| memfind(&b[s..e], sub).map(|i| (s + i) as i64))
        .unwrap_or(-1)
}

/// `bytes.rfind`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> i64 {
    window(b.len(), start, end, sub.len())
        .and_then(|(s, e)| memrfind(&b[s..e], sub).map(|i| (s + i) as i64))
        .unwrap_or(-1)
}

/// `bytes.index`: `ValueError("subsection not found")` when absent.
pub fn index(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> Result<i64, TextError> {
    match find(b, sub, start, end) {
        -1 => Err(TextError::Value("subsection not found".into())),
        i => Ok(i),
    }
}

/// `bytes.rindex`.
pub fn rindex(
    b: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> Result<i64, TextError> {
    match rfind(b, sub, start, end) {
        -1 => Err(TextError::Value("subsection not found".into())),
        i => Ok(i),
    }
}

fn count_all(mut hay: &[u8], sub: &[u8], limit: usize) -> usize {
    let mut n = 0;
    while n < limit {
        match memfind(hay, sub) {
            Some(i) => {
                n += 1;
                hay = &hay[i + sub.len()..];
            }
            None => break,
        }
    }
    n
}

/// `bytes.count`: non-overlapping occurrences (`len + 1` for empty `sub`).
pub fn count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    match window(b.len(), start, end, sub.len()) {
        None => 0,
        Some((s, e)) if sub.is_empty() => e - s + 1,
        Some((s, e)) => count_all(&b[s..e], sub, usize::MAX),
    }
}

/// `bytes.replace(old, new, count)`; negative `count` replaces all.
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        let mut done = 0;
        for &x in b {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(x);
        }
        if done < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = b;
    let mut done = 0;
    while done < limit {
        match memfind(rest, old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new);
                rest = &rest[i + old.len()..];
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    out
}

fn maxcount(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

fn empty_sep() -> TextError {
    TextError::Value("empty separator".into())
}

/// `bytes.split(sep, maxsplit)`; `None` splits on ASCII whitespace runs.
pub fn split<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> Result<Vec<&'a [u8]>, TextError> {
    let mut left = maxcount(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_sep()),
        Some(sep) => {
            let mut rest = b;
            while left > 0 {
                let Some(i) = memfind(rest, sep) else { break };
                out.push(&rest[..i]);
                rest = &rest[i + sep.len()..];
                left -= 1;
            }
            out.push(rest);
        }
        None => {
            let mut i = 0;
            let n = b.len();
            while left > 0 {
                while i < n && is_space(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                let j = i;
                while i < n && !is_space(b[i]) {
                    i += 1;
                }
                out.push(&b[j..i]);
                left -= 1;
            }
            while i < n && is_space(b[i]) {
                i += 1;
            }
            if i < n {
                out.push(&b[i..]);
            }
        }
    }
    Ok(out)
}

/// `bytes.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> Result<Vec<&'a [u8]>, TextError> {
    let mut left = maxcount(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some([]) => return Err(empty_sep()),
        Some(sep) => {
            let mut rest = b;
            while left > 0 {
                let Some(i) = memrfind(rest, sep) else { break };
                out.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
                left -= 1;
            }
            out.push(rest);
        }
        None => {
            let mut i = b.len();
            while left > 0 {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                let j = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                out.push(&b[i..j]);
                left -= 1;
            }
            while i > 0 && is_space(b[i - 1]) {
                i -= 1;
            }
            if i > 0 {
                out.push(&b[..i]);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `bytes.splitlines(keepends)`: only \n, \r and \r\n break lines.
pub fn splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut eol = i + 1;
            if b[i] == b'\r' && b.get(eol) == Some(&b'\n') {
                eol += 1;
            }
            out.push(&b[start..if keepends { eol } else { i }]);
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    out
}

fn in_set(chars: Option<&[u8]>) -> impl Fn(&u8) -> bool + '_ {
    move |&x| match chars {
        None => is_space(x),
        Some(set) => set.contains(&x),
    }
}

/// `bytes.strip(chars)`; `None` strips ASCII whitespace.
pub fn strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    rstrip(lstrip(b, chars), chars)
}

/// `bytes.lstrip(chars)`.
pub fn lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let f = in_set(chars);
    let i = b.iter().position(|x| !f(x)).unwrap_or(b.len());
    &b[i..]
}

/// `bytes.rstrip(chars)`.
pub fn rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let f = in_set(chars);
    let i = b.iter().rposition(|x| !f(x)).map_or(0, |i| i + 1);
    &b[..i]
}

/// `bytes.startswith(prefix, start, end)` for one prefix.
pub fn startswith(b: &[u8], prefix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    window(b.len(), start, end, prefix.len()).is_some_and(|(s, e)| b[s..e].starts_with(prefix))
}

/// `bytes.endswith(suffix, start, end)` for one suffix.
pub fn endswith(b: &[u8], suffix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    window(b.len(), start, end, suffix.len()).is_some_and(|(s, e)| b[s..e].ends_with(suffix))
}

fn pad(b: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + left + right);
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(out.len() + right, fill);
    out
}

fn margin(b: &[u8], width: i64) -> Option<usize> {
    (width > b.len() as i64).then(|| width as usize - b.len())
}

/// `bytes.center(width, fill)`.
pub fn center(b: &[u8], width: i64, fill: u8) -> Vec<u8> {
    match margin(b, width) {
        None => b.to_vec(),
        Some(m) => {
            let left = m / 2 + (m & width as usize & 1);
            pad(b, left, m - left, fill)
        }
    }
}

/// `bytes.ljust(width, fill)`.
pub fn ljust(b: &[u8], width: i64, fill: u8) -> Vec<u8> {
    margin(b, width).map_or_else(|| b.to_vec(), |m| pad(b, 0, m, fill))
}

/// `bytes.rjust(width, fill)`.
pub fn rjust(b: &[u8], width: i64, fill: u8) -> Vec<u8> {
    margin(b, width).map_or_else(|| b.to_vec(), |m| pad(b, m, 0, fill))
}

/// `bytes.zfill(width)`.
pub fn zfill(b: &[u8], width: i64) -> Vec<u8> {
    match margin(b, width) {
        None => b.to_vec(),
        Some(m) => {
            let mut out = pad(b, m, 0, b'0');
            if matches!(b.first(), Some(b'+') | Some(b'-')) {
                out[0] = b[0];
                out[m] = b'0';
            }
            out
        }
    }
}

/// `bytes.expandtabs(tabsize)`.
pub fn expandtabs(b: &[u8], tabsize: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0usize;
    for &x in b {
        match x {
            b'\t' => {
                if tabsize > 0 {
                    let incr = tabsize as usize - col % tabsize as usize;
                    out.resize(out.len() + incr, b' ');
                    col += incr;
                }
            }
            b'\n' | b'\r' => {
                out.push(x);
                col = 0;
            }
            _ => {
                out.push(x);
                col += 1;
            }
        }
    }
    out
}

/// `bytes.upper`.
pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `bytes.lower`.
pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `bytes.swapcase`.
pub fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&x| if x.is_ascii_alphabetic() { x ^ 0x20 } else { x })
        .collect()
}

/// `bytes.title`: upper after a non-letter, lower after a letter.
pub fn title(b: &[u8]) -> Vec<u8> {
    let mut prev = false;
    b.iter()
        .map(|&x| {
            let y = if prev {
                x.to_ascii_lowercase()
            } else {
                x.to_ascii_uppercase()
            };
            prev = x.is_ascii_alphabetic();
            y
        })
        .collect()
}

/// `bytes.capitalize`.
pub fn capitalize(b: &[u8]) -> Vec<u8> {
    let mut out = b.to_ascii_lowercase();
    if let Some(f) = out.first_mut() {
        f.make_ascii_uppercase();
    }
    out
}

fn all_nonempty(b: &[u8], f: fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}

/// `bytes.isalpha`.
pub fn isalpha(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphabetic)
}

/// `bytes.isdigit`.
pub fn isdigit(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_digit)
}

/// `bytes.isalnum`.
pub fn isalnum(b: &[u8]) -> bool {
    all_nonempty(b, u8::is_ascii_alphanumeric)
}

/// `bytes.isspace` (includes \x0b).
pub fn isspace(b: &[u8]) -> bool {
    all_nonempty(b, |&x| is_space(x))
}

/// `bytes.isascii` (True for b'').
pub fn isascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `bytes.isupper`.
pub fn isupper(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
}

/// `bytes.islower`.
pub fn islower(b: &[u8]) -> bool {
    b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
}

/// `bytes.istitle`.
pub fn istitle(b: &[u8]) -> bool {
    let (mut cased, mut prev) = (false, false);
    for &x in b {
        if x.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if x.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

/// The three pieces `partition`/`rpartition` return.
pub type Parts<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// `bytes.partition(sep)`.
pub fn partition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, TextError> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match memfind(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (b, &b[b.len()..], &b[b.len()..]),
    })
}

/// `bytes.rpartition(sep)`.
pub fn rpartition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, TextError> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match memrfind(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (&b[..0], &b[..0], b),
    })
}

/// `bytes.removeprefix`.
pub fn removeprefix<'a>(b: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    b.strip_prefix(prefix).unwrap_or(b)
}

/// `bytes.removesuffix`.
pub fn removesuffix<'a>(b: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    b.strip_suffix(suffix).unwrap_or(b)
}

#[cfg(test)]
#[allow(clippy::type_complexity)] // literal test tables
mod tests {
    use super::*;

    // Tables generated by running python3 on each case.
    #[rustfmt::skip]
    const SEARCH: &[(&[u8], &[u8], Option<i64>, Option<i64>, i64, i64, usize, bool, bool)] = &[
        (b"he\xffllo world hello", b"aa", Some(1), None, -1, -1, 0, false, false),
        (b"abababab", b"bc", None, Some(-2), -1, -1, 0, false, false),
        (b"aaa", b"abab", Some(-100), Some(100), -1, -1, 0, false, false),
        (b"abcabc", b"abab", Some(10), None, -1, -1, 0, false, false),
        (b"", b"llo", Some(0), Some(1), -1, -1, 0, false, false),
        (b"abababab", b"bc", Some(0), Some(1), -1, -1, 0, false, false),
        (b"aaa", b"\xff", Some(-3), None, -1, -1, 0, false, false),
        (b"abababab", b"llo", None, None, -1, -1, 0, false, false),
        (b"abababab", b"a", Some(3), Some(3), -1, -1, 0, false, false),
        (b"abcabc", b"\xff", None, Some(-2), -1, -1, 0, false, false),
        (b"abababab", b"\xff", None, None, -1, -1, 0, false, false),
        (b"abcabc", b"", Some(10), None, -1, -1, 0, false, false),
        (b"aaa", b"\xff", None, None, -1, -1, 0, false, false),
        (b"he\xffllo world hello", b"abab", Some(-3), None, -1, -1, 0, false, false),
        (b"abababab", b"", Some(-3), None, 5, 8, 4, true, true),
        (b"he\xffllo world hello", b"llo", Some(0), Some(1), -1, -1, 0, false, false),
        (b"he\xffllo world hello", b"bc", Some(-100), Some(100), -1, -1, 0, false, false),
        (b"aaa", b"abab", Some(10), None, -1, -1, 0, false, false),
        (b"abababab", b"", Some(1), None, 1, 8, 8, true, true),
        (b"aaa", b"\xff", None, Some(-2), -1, -1, 0, false, false),
        (b"", b"abab", None, Some(-2), -1, -1, 0, false, false),
        (b"abababab", b"llo", Some(3), Some(3), -1, -1, 0, false, false),
        (b"he\xffllo world hello", b"", Some(3), Some(3), 3, 3, 1, true, true),
        (b"he\xffllo world hello", b"llo", Some(-100), Some(100), 3, 15, 2, false, true),
        (b"abababab", b"llo", Some(5), Some(2), -1, -1, 0, false, false),
        (b"aaa", b"aa", Some(3), Some(3), -1, -1, 0, false, false),
        (b"", b"aa", Some(0), Some(1), -1, -1, 0, false, false),
        (b"abcabc", b"", Some(3), Some(3), 3, 3, 1, true, true),
        (b"abababab", b"abab", None, Some(-2), 0, 2, 1, true, true),
        (b"abcabc", b"\xff", Some(-3), None, -1, -1, 0, false, false),
        (b"he\xffllo world hello", b"a", Some(1), None, -1, -1, 0, false, false),
        (b"abababab", b"bc", Some(-3), None, -1, -1, 0, false, false),
        (b"abcabc", b"bc", Some(1), None, 1, 4, 2, true, true),
        (b"", b"a", Some(2), Some(5), -1, -1, 0, false, false),
        (b"abcabc", b"a", Some(5), Some(2), -1, -1, 0, false, false),
        (b"he\xffllo world hello", b"abab", Some(3), Some(3), -1, -1, 0, false, false),
        (b"abababab", b"bc", Some(2), Some(5), -1, -1, 0, false, false),
        (b"", b"aa", Some(-100), Some(100), -1, -1, 0, false, false),
        (b"aaa", b"", Some(-100), Some(100), 0, 3, 4, true, true),
        (b"", b"abab", Some(-3), None, -1, -1, 0, false, false),
        (b"abababab", b"a", Some(5), Some(2), -1, -1, 0, false, false),
        (b"aaa", b"a", Some(3), Some(3), -1, -1, 0, false, false),
        (b"abcabc", b"abab", Some(-100), Some(100), -1, -1, 0, false, false),
        (b"", b"llo", Some(3), Some(3), -1, -1, 0, false, false),
        (b"abcabc", b"llo", Some(0), Some(1), -1, -1, 0, false, false),
        (b"abcabc", b"a", Some(-100), Some(100), 0, 3, 2, true, false),
        (b"abcabc", b"abab", Some(0), Some(1), -1, -1, 0, false, false),
        (b"aaa", b"llo", None, Some(-2), -1, -1, 0, false, false),
        (b"he\xffllo world hello", b"llo", Some(1), None, 3, 15, 2, false, true),
        (b"abababab", b"abab", Some(2), Some(5), -1, -1, 0, false, false),
        (b"abc", b"", Some(5), None, -1, -1, 0, false, false),
        (b"abc", b"", Some(3), None, 3, 3, 1, true, true),
    ];
    #[rustfmt::skip]
    const SPLIT: &[(&[u8], Option<&[u8]>, i64, &[&[u8]], &[&[u8]])] = &[
        (b" a  b\x0bc\x0c ", None, -1, &[b"a", b"b", b"c"], &[b"a", b"b", b"c"]),
        (b" a  b\x0bc\x0c ", None, 0, &[b"a  b\x0bc\x0c "], &[b" a  b\x0bc"]),
        (b" a  b\x0bc\x0c ", None, 1, &[b"a", b"b\x0bc\x0c "], &[b" a  b", b"c"]),
        (b" a  b\x0bc\x0c ", None, 2, &[b"a", b"b", b"c\x0c "], &[b" a", b"b", b"c"]),
        (b"a,b,,c,", Some(b","), -1, &[b"a", b"b", b"", b"c", b""], &[b"a", b"b", b"", b"c", b""]),
        (b"a,b,,c,", Some(b","), 0, &[b"a,b,,c,"], &[b"a,b,,c,"]),
        (b"a,b,,c,", Some(b","), 1, &[b"a", b"b,,c,"], &[b"a,b,,c", b""]),
        (b"a,b,,c,", Some(b","), 2, &[b"a", b"b", b",c,"], &[b"a,b,", b"c", b""]),
        (b"", None, -1, &[], &[]),
        (b"", None, 0, &[], &[]),
        (b"", None, 1, &[], &[]),
        (b"", None, 2, &[], &[]),
        (b"", Some(b","), -1, &[b""], &[b""]),
        (b"", Some(b","), 0, &[b""], &[b""]),
        (b"", Some(b","), 1, &[b""], &[b""]),
        (b"", Some(b","), 2, &[b""], &[b""]),
        (b"a\x1cb\x85c", None, -1, &[b"a\x1cb\x85c"], &[b"a\x1cb\x85c"]),
        (b"a\x1cb\x85c", None, 0, &[b"a\x1cb\x85c"], &[b"a\x1cb\x85c"]),
        (b"a\x1cb\x85c", None, 1, &[b"a\x1cb\x85c"], &[b"a\x1cb\x85c"]),
        (b"a\x1cb\x85c", None, 2, &[b"a\x1cb\x85c"], &[b"a\x1cb\x85c"]),
        (b"aaa", Some(b"aa"), -1, &[b"", b"a"], &[b"a", b""]),
        (b"aaa", Some(b"aa"), 0, &[b"aaa"], &[b"aaa"]),
        (b"aaa", Some(b"aa"), 1, &[b"", b"a"], &[b"a", b""]),
        (b"aaa", Some(b"aa"), 2, &[b"", b"a"], &[b"a", b""]),
        (b"a::b::c", Some(b"::"), -1, &[b"a", b"b", b"c"], &[b"a", b"b", b"c"]),
        (b"a::b::c", Some(b"::"), 0, &[b"a::b::c"], &[b"a::b::c"]),
        (b"a::b::c", Some(b"::"), 1, &[b"a", b"b::c"], &[b"a::b", b"c"]),
        (b"a::b::c", Some(b"::"), 2, &[b"a", b"b", b"c"], &[b"a", b"b", b"c"]),
    ];
    #[rustfmt::skip]
    const REPLACE: &[(&[u8], &[u8], &[u8], i64, &[u8])] = &[
        (b"abcabc", b"bc", b"X", -1, b"aXaX"),
        (b"abcabc", b"bc", b"X", 1, b"aXabc"),
        (b"abc", b"", b"-", -1, b"-a-b-c-"),
        (b"abc", b"", b"-", 2, b"-a-bc"),
        (b"", b"", b"x", -1, b"x"),
        (b"aaaa", b"aa", b"b", -1, b"bb"),
        (b"abc", b"z", b"y", -1, b"abc"),
    ];
    // upper lower swapcase title capitalize
    #[rustfmt::skip]
    const CASE: &[(&[u8], [&[u8]; 5])] = &[
        (b"hello wORLD 3rd", [b"HELLO WORLD 3RD", b"hello world 3rd", b"HELLO World 3RD", b"Hello World 3Rd", b"Hello world 3rd"]),
        (b"ABC", [b"ABC", b"abc", b"abc", b"Abc", b"Abc"]),
        (b"aBc1", [b"ABC1", b"abc1", b"AbC1", b"Abc1", b"Abc1"]),
        (b"", [b"", b"", b"", b"", b""]),
        (b"Hello World", [b"HELLO WORLD", b"hello world", b"hELLO wORLD", b"Hello World", b"Hello world"]),
        (b"\xe9a", [b"\xe9A", b"\xe9a", b"\xe9A", b"\xe9A", b"\xe9a"]),
        (b"They'Re", [b"THEY'RE", b"they're", b"tHEY'rE", b"They'Re", b"They're"]),
        (b"123", [b"123", b"123", b"123", b"123", b"123"]),
        (b" \x0b\x09", [b" \x0b\x09", b" \x0b\x09", b" \x0b\x09", b" \x0b\x09", b" \x0b\x09"]),
        (b"ab1", [b"AB1", b"ab1", b"AB1", b"Ab1", b"Ab1"]),
    ];
    // isalpha isdigit isalnum isspace isascii isupper islower istitle
    #[rustfmt::skip]
    const PRED: &[(&[u8], [bool; 8])] = &[
        (b"hello wORLD 3rd", [false, false, false, false, true, false, false, false]),
        (b"ABC", [true, false, true, false, true, true, false, false]),
        (b"aBc1", [false, false, true, false, true, false, false, false]),
        (b"", [false, false, false, false, true, false, false, false]),
        (b"Hello World", [false, false, false, false, true, false, false, true]),
        (b"\xe9a", [false, false, false, false, false, false, true, false]),
        (b"They'Re", [false, false, false, false, true, false, false, true]),
        (b"123", [false, true, true, false, true, false, false, false]),
        (b" \x0b\x09", [false, false, false, true, true, false, false, false]),
        (b"ab1", [false, false, true, false, true, false, true, false]),
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
        assert_eq!(
            index(b"abc", b"d", None, None),
            Err(TextError::Value("subsection not found".into()))
        );
        assert_eq!(rindex(b"abcb", b"b", None, None), Ok(3));
        // Horspool against a naive scan.
        let hay = b"abracadabra abracadabra cadabra";
        for n in 1..8 {
            for st in 0..hay.len() - n {
                let needle = &hay[st..st + n];
                let naive = hay.windows(n).position(|w| w == needle);
                let rnaive = hay.windows(n).rposition(|w| w == needle);
                assert_eq!(memfind(hay, needle), naive);
                assert_eq!(memrfind(hay, needle), rnaive);
            }
        }
        assert_eq!(memfind(b"ab", b"abc"), None);
        assert_eq!(memrfind(b"ab", b"xb"), None);
    }

    #[test]
    fn splitting_and_replacing() {
        for &(s, sep, m, sp, rsp) in SPLIT {
            assert_eq!(split(s, sep, m).unwrap(), sp, "split {s:?} {sep:?} {m}");
            assert_eq!(rsplit(s, sep, m).unwrap(), rsp, "rsplit {s:?} {sep:?} {m}");
        }
        assert!(split(b"a", Some(b""), -1).is_err() && rsplit(b"a", Some(b""), -1).is_err());
        for &(s, old, new, n, want) in REPLACE {
            assert_eq!(replace(s, old, new, n), want, "{s:?} {old:?} {new:?} {n}");
        }
        let lines: Vec<&[u8]> = vec![b"a", b"b", b"c", b"d\x0be"];
        assert_eq!(splitlines(b"a\r\nb\rc\nd\x0be", false), lines);
        let lines: Vec<&[u8]> = vec![b"a\r\n", b"b\r"];
        assert_eq!(splitlines(b"a\r\nb\r", true), lines);
        let p: Parts = (b"a", b"=", b"b=c");
        assert_eq!(partition(b"a=b=c", b"=").unwrap(), p);
        let p: Parts = (b"a=b", b"=", b"c");
        assert_eq!(rpartition(b"a=b=c", b"=").unwrap(), p);
        let p: Parts = (b"abc", b"", b"");
        assert_eq!(partition(b"abc", b"x").unwrap(), p);
        let p: Parts = (b"", b"", b"abc");
        assert_eq!(rpartition(b"abc", b"x").unwrap(), p);
        assert!(partition(b"abc", b"").is_err());
    }

    #[test]
    fn shaping() {
        assert_eq!(strip(b"a\x0b \t", None), b"a");
        assert_eq!(strip(b"xxaxx", Some(b"x")), b"a");
        assert_eq!(lstrip(b"  a  ", None), b"a  ");
        assert_eq!(rstrip(b"  a  ", None), b"  a");
        assert_eq!(strip(b"   ", None), b"");
        assert_eq!(center(b"ab", 5, b'*'), b"**ab*");
        assert_eq!(ljust(b"ab", 4, b'*'), b"ab**");
        assert_eq!(rjust(b"ab", 1, b'*'), b"ab");
        assert_eq!(zfill(b"-42", 6), b"-00042");
        assert_eq!(expandtabs(b"a\tb\r\tc", 4), b"a   b\r    c");
        assert_eq!(removeprefix(b"abc", b"a"), b"bc");
        assert_eq!(removesuffix(b"abc", b"x"), b"abc");
        for &(s, [u, l, sw, t, c]) in CASE {
            assert_eq!(upper(s), u);
            assert_eq!(lower(s), l);
            assert_eq!(swapcase(s), sw);
            assert_eq!(title(s), t);
            assert_eq!(capitalize(s), c);
        }
        type F = fn(&[u8]) -> bool;
        let fs: [F; 8] = [
            isalpha, isdigit, isalnum, isspace, isascii, isupper, islower, istitle,
        ];
        for &(s, want) in PRED {
            let got: Vec<bool> = fs.iter().map(|f| f(s)).collect();
            assert_eq!(got, want, "{s:?}");
        }
    }
}
