//! `str.encode` / `bytes.decode` for the built-in codecs: utf-8, utf-8-sig,
//! ascii, latin-1, utf-16(-le/-be) and utf-32(-le/-be), with CPython's
//! encoding-name normalization and aliases, its error positions and reasons,
//! and the error handlers strict, ignore, replace, backslashreplace and
//! xmlcharrefreplace (encode only, as in CPython).
//!
//! The surrogate handlers work as in CPython: decoding with
//! `surrogateescape` turns each undecodable byte 0x80..0xff into U+DC80..
//! U+DCFF, `surrogatepass` decodes encoded surrogates (utf-8, utf-16,
//! utf-32); such results are [`Text::Wide`] (see `text::wide`), and
//! [`encode_text`] maps them back. Not supported: `namereplace` (needs the
//! Unicode name database). Like CPython, an unknown handler name is only
//! reported when an error actually occurs.

use super::wide::{is_surrogate, Text, TextBuilder};
use super::TextError;

/// Canonical codec name (as `codecs.lookup(name).name`) for an encoding
/// name, after CPython's normalization: lowercase, runs of characters other
/// than ASCII alphanumerics and '.' collapsed to one '_', outer ones dropped.
/// `None` means the caller raises `LookupError("unknown encoding: NAME")`.
pub fn normalize_encoding(name: &str) -> Option<&'static str> {
    let mut norm = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    let canon = match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => "utf-8",
        "utf_8_sig" => "utf-8-sig",
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => "ascii",
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819"
        | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => "iso8859-1",
        "utf_16" | "utf16" | "u16" => "utf-16",
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => "utf-16-le",
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => "utf-16-be",
        "utf_32" | "utf32" | "u32" => "utf-32",
        "utf_32_le" | "utf_32le" => "utf-32-le",
        "utf_32_be" | "utf_32be" => "utf-32-be",
        _ => return None,
    };
    Some(canon)
}

fn lookup(encoding: &str) -> Result<&'static str, TextError> {
    normalize_encoding(encoding)
        .ok_or_else(|| TextError::Lookup(format!("unknown encoding: {encoding}")))
}

fn unknown_handler(errors: &str) -> TextError {
    TextError::Lookup(format!("unknown error handler name '{errors}'"))
}

fn push_backslash(out: &mut Vec<u8>, c: char) {
    let cp = c as u32;
    let esc = if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.extend_from_slice(esc.as_bytes());
}

/// Encodes `s` to a one-byte charset whose code points are `0..limit`.
fn encode_charmap(s: &str, limit: u32, enc: &str, errors: &str) -> Result<Vec<u8>, TextError> {
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let reason = format!("ordinal not in range({limit})");
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] as u32 >= limit {
            i += 1;
        }
        let bad = &chars[start..i];
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(TextError::UnicodeEncode {
                    encoding: enc.to_string(),
                    start,
                    end: i,
                    reason,
                    object: Text::from(s),
                })
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', bad.len())),
            "backslashreplace" => bad.iter().for_each(|&c| push_backslash(&mut out, c)),
            "xmlcharrefreplace" => {
                for &c in bad {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            other => return Err(unknown_handler(other)),
        }
    }
    Ok(out)
}

/// `str.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, TextError> {
    let mut out = Vec::new();
    match lookup(encoding)? {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "utf-8-sig" => {
            out.extend_from_slice(b"\xef\xbb\xbf");
            out.extend_from_slice(s.as_bytes());
        }
        "ascii" => return encode_charmap(s, 128, "ascii", errors),
        "iso8859-1" => return encode_charmap(s, 256, "latin-1", errors),
        name @ ("utf-16" | "utf-16-le" | "utf-16-be") => {
            let big = name == "utf-16-be";
            if name == "utf-16" {
                out.extend_from_slice(b"\xff\xfe");
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
        }
        name => {
            let big = name == "utf-32-be";
            if name == "utf-32" {
                out.extend_from_slice(b"\xff\xfe\x00\x00");
            }
            for c in s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
        }
    }
    Ok(out)
}

/// `str.encode(encoding, errors)` of any str content; text with lone surrogates goes through
/// [`encode_wide`].
pub fn encode_text(t: &Text, encoding: &str, errors: &str) -> Result<Vec<u8>, TextError> {
    match t {
        Text::Utf8(s) => encode(s, encoding, errors),
        Text::Wide(cps) => encode_wide(cps, encoding, errors),
    }
}

/// `str.encode` of code points that include lone surrogates (CPython's rules: UTF codecs reject
/// surrogates with "surrogates not allowed" unless `surrogatepass`; `surrogateescape` turns
/// U+DC80..U+DCFF back into the bytes 0x80..0xff for the byte-oriented codecs).
pub fn encode_wide(cps: &[u32], encoding: &str, errors: &str) -> Result<Vec<u8>, TextError> {
    let canon = lookup(encoding)?;
    let (enc, limit, unit) = match canon {
        "utf-8" | "utf-8-sig" => ("utf-8", 0x110000, 0),
        "ascii" => ("ascii", 0x80, 1),
        "iso8859-1" => ("latin-1", 0x100, 1),
        "utf-16" | "utf-16-le" | "utf-16-be" => (canon, 0x110000, 2),
        _ => (canon, 0x110000, 4),
    };
    let big = enc.ends_with("-be");
    let mut out = Vec::with_capacity(cps.len());
    match canon {
        "utf-8-sig" => out.extend_from_slice(b"\xef\xbb\xbf"),
        "utf-16" => out.extend_from_slice(b"\xff\xfe"),
        "utf-32" => out.extend_from_slice(b"\xff\xfe\x00\x00"),
        _ => {}
    }
    let push = |out: &mut Vec<u8>, cp: u32| match (unit, char::from_u32(cp)) {
        (0, Some(c)) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        // surrogatepass: the UTF-8 form of the surrogate itself.
        (0, None) => out.extend_from_slice(&[
            0xe0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]),
        (1, _) => out.push(cp as u8),
        (2, c) => {
            let mut buf = [0u16; 2];
            let units: &[u16] = match c {
                Some(c) => c.encode_utf16(&mut buf),
                None => {
                    buf[0] = cp as u16;
                    &buf[..1]
                }
            };
            for u in units {
                out.extend_from_slice(&if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
        }
        _ => out.extend_from_slice(&if big {
            cp.to_be_bytes()
        } else {
            cp.to_le_bytes()
        }),
    };
    let bad = |cp: u32| cp >= limit || is_surrogate(cp);
    let mut i = 0;
    while i < cps.len() {
        if !bad(cps[i]) {
            push(&mut out, cps[i]);
            i += 1;
            continue;
        }
        let start = i;
        // A run of unencodable code points of one sort: surrogates, or (byte codecs) other ones.
        let surr = is_surrogate(cps[i]);
        while i < cps.len() && bad(cps[i]) && (limit < 0x110000 || is_surrogate(cps[i]) == surr) {
            i += 1;
        }
        let run = &cps[start..i];
        let reason = if limit < 0x110000 {
            format!("ordinal not in range({limit})")
        } else {
            "surrogates not allowed".to_string()
        };
        let fail = || TextError::UnicodeEncode {
            encoding: enc.to_string(),
            start,
            end: i,
            reason: reason.clone(),
            object: Text::Wide(cps.to_vec()),
        };
        match errors {
            "strict" => return Err(fail()),
            "surrogateescape" => {
                if run.iter().any(|&c| !(0xdc80..=0xdcff).contains(&c)) || unit > 1 {
                    return Err(fail());
                }
                out.extend(run.iter().map(|&c| (c - 0xdc00) as u8));
            }
            "surrogatepass" => {
                if limit < 0x110000 || !surr {
                    return Err(fail());
                }
                run.iter().for_each(|&c| push(&mut out, c));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', run.len())),
            "backslashreplace" => {
                for &c in run {
                    let esc = if c <= 0xff {
                        format!("\\x{c:02x}")
                    } else if c <= 0xffff {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    esc.bytes().for_each(|b| push(&mut out, b as u32));
                }
            }
            "xmlcharrefreplace" => {
                for &c in run {
                    format!("&#{c};")
                        .bytes()
                        .for_each(|b| push(&mut out, b as u32));
                }
            }
            other => return Err(unknown_handler(other)),
        }
    }
    Ok(out)
}

/// Decoder state: output so far plus the error-handler policy.
struct Decoder<'a> {
    enc: &'static str,
    errors: &'a str,
    input: &'a [u8],
    out: TextBuilder,
}

impl Decoder<'_> {
    /// Applies the error handler to the bad bytes `input[start..end]`; returns where decoding resumes
    /// (`end`, or after an encoded surrogate that `surrogatepass` accepted).
    fn error(&mut self, start: usize, end: usize, reason: &str) -> Result<usize, TextError> {
        let strict = || TextError::UnicodeDecode {
            encoding: self.enc.to_string(),
            start,
            end,
            reason: reason.to_string(),
            object: self.input.to_vec(),
        };
        match self.errors {
            "strict" => Err(strict()),
            "surrogateescape" => {
                let bad = &self.input[start..end];
                if bad.iter().any(|&b| b < 0x80) {
                    return Err(strict());
                }
                for &b in bad {
                    self.out.push_cp(0xdc00 + b as u32);
                }
                Ok(end)
            }
            "surrogatepass" => match self.encoded_surrogate(start) {
                Some((cp, n)) => {
                    self.out.push_cp(cp);
                    Ok(start + n)
                }
                None => Err(strict()),
            },
            "ignore" => Ok(end),
            "replace" => {
                self.out.push('\u{fffd}');
                Ok(end)
            }
            "backslashreplace" => {
                for &b in &self.input[start..end] {
                    self.out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(end)
            }
            "xmlcharrefreplace" | "namereplace" => Err(TextError::Type(
                "don't know how to handle UnicodeDecodeError in error callback".into(),
            )),
            other => Err(unknown_handler(other)),
        }
    }

    /// The surrogate encoded at `input[pos..]` in the decoder's encoding and its length in bytes.
    fn encoded_surrogate(&self, pos: usize) -> Option<(u32, usize)> {
        let b = &self.input[pos..];
        let cp = match self.enc {
            "utf-8" => {
                let [x, y, z, ..] = *b else { return None };
                if x != 0xed || !(0xa0..=0xbf).contains(&y) || !(0x80..=0xbf).contains(&z) {
                    return None;
                }
                return Some((0xd000 | ((y as u32 & 0x3f) << 6) | (z as u32 & 0x3f), 3));
            }
            "utf-16-le" | "utf-16-be" => {
                let [x, y, ..] = *b else { return None };
                let u = if self.enc == "utf-16-be" {
                    u16::from_be_bytes([x, y])
                } else {
                    u16::from_le_bytes([x, y])
                };
                return is_surrogate(u as u32).then_some((u as u32, 2));
            }
            "utf-32-le" | "utf-32-be" => {
                let [a, b2, c, d, ..] = *b else { return None };
                if self.enc == "utf-32-be" {
                    u32::from_be_bytes([a, b2, c, d])
                } else {
                    u32::from_le_bytes([a, b2, c, d])
                }
            }
            _ => return None,
        };
        is_surrogate(cp).then_some((cp, 4))
    }

    fn utf8(&mut self, mut pos: usize) -> Result<(), TextError> {
        let b = self.input;
        loop {
            match std::str::from_utf8(&b[pos..]) {
                Ok(s) => {
                    self.out.push_str(s);
                    return Ok(());
                }
                Err(e) => {
                    let good = pos + e.valid_up_to();
                    self.out
                        .push_str(std::str::from_utf8(&b[pos..good]).unwrap_or_default());
                    let (end, reason) = match e.error_len() {
                        None => (b.len(), "unexpected end of data"),
                        Some(1) if matches!(b[good], 0x80..=0xc1 | 0xf5..=0xff) => {
                            (good + 1, "invalid start byte")
                        }
                        Some(n) => (good + n, "invalid continuation byte"),
                    };
                    pos = self.error(good, end, reason)?;
                }
            }
        }
    }

    fn ascii(&mut self) -> Result<(), TextError> {
        let b = self.input;
        let mut i = 0;
        while i < b.len() {
            let run = b[i..]
                .iter()
                .position(|&x| x >= 0x80)
                .unwrap_or(b.len() - i);
            self.out
                .push_str(std::str::from_utf8(&b[i..i + run]).unwrap_or_default());
            i += run;
            if i < b.len() {
                i = self.error(i, i + 1, "ordinal not in range(128)")?;
            }
        }
        Ok(())
    }

    fn utf16(&mut self, mut pos: usize, big: bool) -> Result<(), TextError> {
        let b = self.input;
        let n = b.len();
        let unit = |i: usize| {
            let pair = [b[i], b[i + 1]];
            if big {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        };
        while pos < n {
            if n - pos < 2 {
                pos = self.error(pos, n, "truncated data")?;
                continue;
            }
            let u = unit(pos);
            if !(0xd800..0xe000).contains(&u) {
                self.out.push_cp(u as u32);
                pos += 2;
            } else if u >= 0xdc00 {
                pos = self.error(pos, pos + 2, "illegal encoding")?;
            } else if n - pos < 4 {
                pos = self.error(pos, n, "unexpected end of data")?;
            } else {
                let u2 = unit(pos + 2);
                if (0xdc00..0xe000).contains(&u2) {
                    let cp = 0x10000 + (((u as u32) - 0xd800) << 10) + (u2 as u32 - 0xdc00);
                    self.out.push_cp(cp);
                    pos += 4;
                } else {
                    pos = self.error(pos, pos + 2, "illegal UTF-16 surrogate")?;
                }
            }
        }
        Ok(())
    }

    fn utf32(&mut self, mut pos: usize, big: bool) -> Result<(), TextError> {
        let b = self.input;
        let n = b.len();
        while pos < n {
            if n - pos < 4 {
                pos = self.error(pos, n, "truncated data")?;
                continue;
            }
            let quad = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
            let cp = if big {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            pos = match char::from_u32(cp) {
                Some(c) => {
                    self.out.push(c);
                    pos + 4
                }
                None if cp > 0x10ffff => {
                    self.error(pos, pos + 4, "code point not in range(0x110000)")?
                }
                None => self.error(
                    pos,
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                )?,
            };
        }
        Ok(())
    }
}

/// `bytes.decode(encoding, errors)` where the result must be a Rust string: a result with lone
/// surrogates (from `surrogateescape`/`surrogatepass`) is the strict error, as before the handlers
/// existed. Use [`decode_text`] for a Python str.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, TextError> {
    match decode_text(b, encoding, errors)? {
        Text::Utf8(s) => Ok(s),
        Text::Wide(_) => decode_text(b, encoding, "strict").map(|_| String::new()),
    }
}

/// `bytes.decode(encoding, errors)`.
pub fn decode_text(b: &[u8], encoding: &str, errors: &str) -> Result<Text, TextError> {
    let canon = lookup(encoding)?;
    let mut d = Decoder {
        enc: canon,
        errors,
        input: b,
        out: TextBuilder::default(),
    };
    match canon {
        "utf-8" => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(Text::Utf8(s.to_string()));
            }
            d.out = TextBuilder::with_capacity(b.len());
            d.utf8(0)?;
        }
        "utf-8-sig" => {
            // CPython decodes the data after the BOM as a fresh input, so
            // error positions are relative to it.
            let rest = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
            return decode_text(rest, "utf-8", errors);
        }
        "ascii" => {
            if b.is_ascii() {
                return Ok(Text::Utf8(
                    std::str::from_utf8(b).unwrap_or_default().to_string(),
                ));
            }
            d.ascii()?;
        }
        "iso8859-1" => return Ok(Text::Utf8(b.iter().map(|&x| x as char).collect())),
        "utf-16" | "utf-16-le" | "utf-16-be" => {
            let (mut big, mut pos) = (canon == "utf-16-be", 0);
            if canon == "utf-16" {
                if b.starts_with(b"\xff\xfe") {
                    pos = 2;
                } else if b.starts_with(b"\xfe\xff") {
                    (big, pos) = (true, 2);
                }
            }
            d.enc = if big { "utf-16-be" } else { "utf-16-le" };
            d.utf16(pos, big)?;
        }
        _ => {
            let (mut big, mut pos) = (canon == "utf-32-be", 0);
            if canon == "utf-32" {
                if b.starts_with(b"\xff\xfe\x00\x00") {
                    pos = 4;
                } else if b.starts_with(b"\x00\x00\xfe\xff") {
                    (big, pos) = (true, 4);
                }
            }
            d.enc = if big { "utf-32-be" } else { "utf-32-le" };
            d.utf32(pos, big)?;
        }
    }
    Ok(d.out.finish())
}

#[cfg(test)]
#[allow(clippy::type_complexity)] // literal test tables
mod tests {
    use super::*;

    fn parts(e: TextError) -> (String, usize, usize) {
        match &e {
            TextError::UnicodeDecode { start, end, .. }
            | TextError::UnicodeEncode { start, end, .. } => (e.message(), *start, *end),
            _ => (e.message(), 0, 0),
        }
    }

    // Tables generated by running python3 on each case.
    #[rustfmt::skip]
    const DECODE: &[(&[u8], &str, &str, Result<&str, (&str, usize, usize)>)] = &[
        (b"a\xff\xfeb", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", 1, 2))),
        (b"a\xff\xfeb", "utf-8", "ignore", Ok("ab")),
        (b"a\xff\xfeb", "utf-8", "replace", Ok("a��b")),
        (b"a\xff\xfeb", "utf-8", "backslashreplace", Ok("a\\xff\\xfeb")),
        (b"a\xff\xfeb", "utf-8", "xmlcharrefreplace", Err(("don't know how to handle UnicodeDecodeError in error callback", 0, 0))),
        (b"a\xff\xfeb", "utf-8", "bogus", Err(("unknown error handler name 'bogus'", 0, 0))),
        (b"a\xff\xfeb", "utf-8", "surrogateescape", Err(("'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", 1, 2))), // CPython: surrogates
        (b"\xf0\x90", "utf-8", "strict", Err(("'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", 0, 2))),
        (b"\xe0\x80", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte", 0, 1))),
        (b"\xf0\x90\x80A", "utf-8", "strict", Err(("'utf-8' codec can't decode bytes in position 0-2: invalid continuation byte", 0, 3))),
        (b"\xc0\xaf", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte", 0, 1))),
        (b"\xed\xa0\x80", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte", 0, 1))),
        (b"\xf4\x90\x80\x80", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte", 0, 1))),
        (b"\xe2\x82", "utf-8", "strict", Err(("'utf-8' codec can't decode bytes in position 0-1: unexpected end of data", 0, 2))),
        (b"ok\xc3\xa9", "utf-8", "strict", Ok("ok\u{e9}")),
        (b"\x80", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte", 0, 1))),
        (b"a\xf8", "utf-8", "strict", Err(("'utf-8' codec can't decode byte 0xf8 in position 1: invalid start byte", 1, 2))),
        (b"a\xf0\x90\x80b\xe0\x80\xed\xa0\x80\xf0\x90", "UTF8", "replace", Ok("a�b������")),
        (b"\xe2\x82a", "u8", "backslashreplace", Ok("\\xe2\\x82a")),
        (b"\xef\xbb\xbf\xff", "utf-8-sig", "strict", Err(("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", 0, 1))),
        (b"\xef\xbb\xbfa", "utf_8_sig", "strict", Ok("a")),
        (b"\xef\xbb\xbfa", "utf-8", "strict", Ok("\u{feff}a")),
        (b"a\xff\xfeb", "ascii", "strict", Err(("'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)", 1, 2))),
        (b"a\xff\xfeb", "ascii", "replace", Ok("a��b")),
        (b"a\xff\xfeb", "ascii", "ignore", Ok("ab")),
        (b"a\xff\xfeb", "ascii", "backslashreplace", Ok("a\\xff\\xfeb")),
        (b"a\xff\xfeb", "latin-1", "strict", Ok("a\u{ff}\u{fe}b")),
        (b"abc", "bogus", "strict", Err(("unknown encoding: bogus", 0, 0))),
        (b"abc", "ascii", "bogus", Ok("abc")),
        (b"\xff\xfea\x00=\xd8\x00\xde", "utf-16", "strict", Ok("a😀")),
        (b"\xfe\xff\x00a", "utf-16", "strict", Ok("a")),
        (b"a\x00", "utf-16", "strict", Ok("a")),
        (b"a", "utf-16", "strict", Err(("'utf-16-le' codec can't decode byte 0x61 in position 0: truncated data", 0, 1))),
        (b"\xfe\xff\x00", "utf-16", "strict", Err(("'utf-16-be' codec can't decode byte 0x00 in position 2: truncated data", 2, 3))),
        (b"\xff\xfea", "utf-16", "strict", Err(("'utf-16-le' codec can't decode byte 0x61 in position 2: truncated data", 2, 3))),
        (b"a\x00b", "utf-16-le", "strict", Err(("'utf-16-le' codec can't decode byte 0x62 in position 2: truncated data", 2, 3))),
        (b"a\x00b", "utf-16-le", "replace", Ok("a�")),
        (b"\x00\xd8a\x00", "utf-16-le", "strict", Err(("'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate", 0, 2))),
        (b"\x00\xd8a\x00", "utf-16-le", "replace", Ok("�a")),
        (b"\x00\xdca\x00", "utf-16-le", "strict", Err(("'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding", 0, 2))),
        (b"\x00\xdca\x00", "utf-16-le", "replace", Ok("�a")),
        (b"\x00\xd8", "utf-16-le", "strict", Err(("'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data", 0, 2))),
        (b"\x00\xd8", "utf-16-le", "replace", Ok("�")),
        (b"\x00\xd8\x00", "utf-16-le", "strict", Err(("'utf-16-le' codec can't decode bytes in position 0-2: unexpected end of data", 0, 3))),
        (b"\x00\xd8\x00", "utf-16-le", "replace", Ok("�")),
        (b"\xfe\xff", "utf-16-le", "strict", Ok("\u{fffe}")),
        (b"\xfe\xff", "utf-16-le", "replace", Ok("\u{fffe}")),
        (b"\x00\xd8\x00\xd8\x00\xdc", "utf-16-le", "strict", Err(("'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate", 0, 2))),
        (b"\x00\xd8\x00\xd8\x00\xdc", "utf-16-le", "replace", Ok("�𐀀")),
        (b"\x00a\xd8=\xde\x00", "utf-16-be", "strict", Ok("a😀")),
        (b"\xff\xfe\x00\x00a\x00\x00\x00", "utf-32", "strict", Ok("a")),
        (b"\x00\x00\xfe\xff\x00\x00\x00a", "utf-32", "strict", Ok("a")),
        (b"\x00\x00\xfe\xff\x00", "utf-32", "strict", Err(("'utf-32-be' codec can't decode byte 0x00 in position 4: truncated data", 4, 5))),
        (b"a", "utf-32", "strict", Err(("'utf-32-le' codec can't decode byte 0x61 in position 0: truncated data", 0, 1))),
        (b"\x00\x00\x11\x00", "utf-32-le", "strict", Err(("'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000)", 0, 4))),
        (b"\x00\x00\x11\x00", "utf-32-le", "replace", Ok("�")),
        (b"\x00\xd8\x00\x00", "utf-32-le", "strict", Err(("'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000)", 0, 4))),
        (b"\x00\xd8\x00\x00", "utf-32-le", "replace", Ok("�")),
        (b"a\x00\x00", "utf-32-le", "strict", Err(("'utf-32-le' codec can't decode bytes in position 0-2: truncated data", 0, 3))),
        (b"a\x00\x00", "utf-32-le", "replace", Ok("�")),
        (b"a\x00\x00\x00b", "utf-32-le", "strict", Err(("'utf-32-le' codec can't decode byte 0x62 in position 4: truncated data", 4, 5))),
        (b"a\x00\x00\x00b", "utf-32-le", "replace", Ok("a�")),
    ];
    #[rustfmt::skip]
    const ENCODE: &[(&str, &str, &str, Result<&[u8], (&str, usize, usize)>)] = &[
        ("a\u{e9}€b😀", "ascii", "strict", Err(("'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)", 1, 3))),
        ("a\u{e9}€b😀", "ascii", "ignore", Ok(b"ab" as &[u8])),
        ("a\u{e9}€b😀", "ascii", "replace", Ok(b"a??b?" as &[u8])),
        ("a\u{e9}€b😀", "ascii", "backslashreplace", Ok(b"a\x5cxe9\x5cu20acb\x5cU0001f600" as &[u8])),
        ("a\u{e9}€b😀", "ascii", "xmlcharrefreplace", Ok(b"a&#233;&#8364;b&#128512;" as &[u8])),
        ("a\u{e9}€b😀", "ascii", "bogus", Err(("unknown error handler name 'bogus'", 0, 0))),
        ("a\u{e9}€b😀", "ascii", "surrogateescape", Err(("'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)", 1, 3))),
        ("a\u{e9}€b😀", "latin-1", "strict", Err(("'latin-1' codec can't encode character '\\u20ac' in position 2: ordinal not in range(256)", 2, 3))),
        ("a\u{e9}€b😀", "latin-1", "ignore", Ok(b"a\xe9b" as &[u8])),
        ("a\u{e9}€b😀", "latin-1", "replace", Ok(b"a\xe9?b?" as &[u8])),
        ("a\u{e9}€b😀", "latin-1", "backslashreplace", Ok(b"a\xe9\x5cu20acb\x5cU0001f600" as &[u8])),
        ("a\u{e9}€b😀", "latin-1", "xmlcharrefreplace", Ok(b"a\xe9&#8364;b&#128512;" as &[u8])),
        ("a\u{e9}€b😀", "latin-1", "bogus", Err(("unknown error handler name 'bogus'", 0, 0))),
        ("a\u{e9}€b😀", "latin-1", "surrogateescape", Err(("'latin-1' codec can't encode character '\\u20ac' in position 2: ordinal not in range(256)", 2, 3))),
        ("ab", "ascii", "bogus", Ok(b"ab" as &[u8])),
        ("ab", "bogus", "strict", Err(("unknown encoding: bogus", 0, 0))),
        ("a\u{e9}€b😀", "utf-8", "strict", Ok(b"a\xc3\xa9\xe2\x82\xacb\xf0\x9f\x98\x80" as &[u8])),
        ("a😀", "utf-16", "strict", Ok(b"\xff\xfea\x00=\xd8\x00\xde" as &[u8])),
        ("a😀", "utf-16-be", "strict", Ok(b"\x00a\xd8=\xde\x00" as &[u8])),
        ("a😀", "UTF-16LE", "strict", Ok(b"a\x00=\xd8\x00\xde" as &[u8])),
        ("a😀", "utf-32", "strict", Ok(b"\xff\xfe\x00\x00a\x00\x00\x00\x00\xf6\x01\x00" as &[u8])),
        ("a😀", "utf-32-be", "strict", Ok(b"\x00\x00\x00a\x00\x01\xf6\x00" as &[u8])),
        ("a😀", "utf_32_le", "strict", Ok(b"a\x00\x00\x00\x00\xf6\x01\x00" as &[u8])),
        ("a", "utf-8-sig", "strict", Ok(b"\xef\xbb\xbfa" as &[u8])),
        ("\u{e9}€", "iso8859_1", "strict", Err(("'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)", 1, 2))),
        ("ab", "US-ASCII", "strict", Ok(b"ab" as &[u8])),
    ];

    #[test]
    fn decoding() {
        for &(b, enc, errors, want) in DECODE {
            let got = decode(b, enc, errors).map_err(parts);
            let want = want
                .map(str::to_string)
                .map_err(|(m, s, e)| (m.to_string(), s, e));
            assert_eq!(got, want, "{b:?} {enc} {errors}");
        }
    }

    #[test]
    fn encoding() {
        for &(s, enc, errors, want) in ENCODE {
            let got = encode(s, enc, errors).map_err(parts);
            let want = want
                .map(<[u8]>::to_vec)
                .map_err(|(m, s, e)| (m.to_string(), s, e));
            assert_eq!(got, want, "{s:?} {enc} {errors}");
        }
    }

    #[test]
    fn names() {
        // python3: codecs.lookup(name).name
        for (name, canon) in [
            ("utf8", "utf-8"),
            ("UTF-8", "utf-8"),
            (" utf-8 ", "utf-8"),
            ("utf--8", "utf-8"),
            ("cp65001", "utf-8"),
            ("latin-1", "iso8859-1"),
            ("L1", "iso8859-1"),
            ("ISO_8859-1", "iso8859-1"),
            ("ANSI_X3.4-1968", "ascii"),
            ("us-ascii", "ascii"),
            ("646", "ascii"),
            ("u16", "utf-16"),
            ("UTF-16BE", "utf-16-be"),
            ("utf_32le", "utf-32-le"),
        ] {
            assert_eq!(normalize_encoding(name), Some(canon), "{name}");
        }
        assert_eq!(normalize_encoding("utf8-sig"), None);
        assert_eq!(normalize_encoding("bogus"), None);
    }
}
