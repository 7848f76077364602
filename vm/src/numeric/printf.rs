//! printf-style `%` formatting support: parsing a format string into pieces
//! (CPython's `unicode_format_arg_parse`) and the layout of converted
//! ints, floats and strings (`_PyUnicode_FormatLong`, `formatfloat`,
//! `unicode_format_arg_output`).  The caller (VM) fetches arguments, resolves
//! `*` counts and mapping keys and converts objects (`%s`, `%r`, `%a`, `%c`).

use super::float_repr::{double_to_string, DtoaFlags};
use super::NumError;
use num_bigint::BigInt;
use num_traits::Signed;

/// A width or precision: absent, `*` (taken from the arguments) or a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Count {
    /// Not given.
    None,
    /// `*`: the caller takes it from the arguments.  A negative `*` width
    /// means left-justify: the caller sets `minus` and passes the absolute
    /// value; a negative `*` precision counts as 0.
    Star,
    /// An explicit number.
    N(usize),
}

/// One conversion specification `%[(key)][flags][width][.precision][hlL]conv`.
#[derive(Debug, Clone, PartialEq)]
pub struct PrintfSpec {
    /// Mapping key of `%(key)s`.
    pub key: Option<String>,
    /// `-`: left-justify.
    pub minus: bool,
    /// `+`: always show the sign of numbers.
    pub plus: bool,
    /// `' '`: a blank before non-negative numbers.
    pub space: bool,
    /// `0`: pad numbers with zeros.
    pub zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum width.
    pub width: Count,
    /// Precision.
    pub precision: Count,
    /// Conversion character, one of `d i u o x X e E f F g G c s r a`.
    pub conv: char,
}

/// A piece of a parsed format string.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Literal text (`%%` already turned into `%`).
    Literal(String),
    /// A conversion.
    Spec(PrintfSpec),
}

fn verr(msg: &str) -> NumError {
    NumError::Value(msg.into())
}

/// Parse a printf-style format string.  Errors are reported eagerly, in
/// order of appearance: "incomplete format", "incomplete format key",
/// "width too big", "precision too big" and "unsupported format character".
pub fn parse_printf(fmt: &str) -> Result<Vec<Piece>, NumError> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'%') {
            lit.push('%');
            i += 1;
            continue;
        }
        let mut spec = PrintfSpec {
            key: None,
            minus: false,
            plus: false,
            space: false,
            zero: false,
            alternate: false,
            width: Count::None,
            precision: Count::None,
            conv: '\0',
        };
        if chars.get(i) == Some(&'(') {
            let start = i + 1;
            let mut depth = 1;
            i += 1;
            while depth > 0 && i < chars.len() {
                match chars[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(verr("incomplete format key"));
            }
            spec.key = Some(chars[start..i - 1].iter().collect());
        }
        let incomplete = || verr("incomplete format");
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => spec.minus = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let number = |i: &mut usize, limit: usize, msg: &str| -> Result<usize, NumError> {
            let mut n: usize = 0;
            while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
                if n > (limit - d as usize) / 10 {
                    return Err(verr(msg));
                }
                n = n * 10 + d as usize;
                *i += 1;
            }
            Ok(n)
        };
        match chars.get(i) {
            Some('*') => {
                spec.width = Count::Star;
                i += 1;
            }
            Some(c) if c.is_ascii_digit() => {
                spec.width = Count::N(number(&mut i, isize::MAX as usize, "width too big")?)
            }
            _ => {}
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            spec.precision = match chars.get(i) {
                Some('*') => {
                    i += 1;
                    Count::Star
                }
                _ => Count::N(number(&mut i, i32::MAX as usize, "precision too big")?),
            };
        }
        if matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let conv = *chars.get(i).ok_or_else(incomplete)?;
        if !"diuoxXeEfFgGcsra".contains(conv) {
            let shown = if (31..=126).contains(&(conv as u32)) {
                conv
            } else {
                '?'
            };
            return Err(NumError::Value(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown, conv as u32, i
            )));
        }
        spec.conv = conv;
        i += 1;
        if !lit.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(Piece::Spec(spec));
    }
    if !lit.is_empty() {
        pieces.push(Piece::Literal(lit));
    }
    Ok(pieces)
}

/// CPython's `unicode_format_arg_output`: sign, `0x`/`0o` prefix, padding
/// and (for `s r a`) truncation of an already converted argument.
fn output(
    s: &str,
    spec: &PrintfSpec,
    width: Option<usize>,
    precision: Option<usize>,
    numeric: bool,
) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len();
    let mut width = width.unwrap_or(0);
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    if width <= len && precision.is_none_or(|p| p >= len) && !(spec.plus || spec.space) {
        return s.to_string();
    }
    if matches!(spec.conv, 's' | 'r' | 'a') {
        if let Some(p) = precision {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = numeric;
    let mut signchar = ' ';
    if sign {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                signchar = c;
                len -= 1;
                pindex = 1;
            }
            _ if spec.plus => signchar = '+',
            _ if spec.space => signchar = ' ',
            _ => sign = false,
        }
    }
    width = width.max(len);
    let mut out = String::with_capacity(width + 1);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefix = numeric && spec.alternate && matches!(spec.conv, 'x' | 'X' | 'o') && len >= 2;
    if prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.minus {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}

/// `'%d' % v` and friends (`d i u o x X`): `#` adds `0o`/`0x`/`0X`,
/// precision is the minimum number of digits.
pub fn printf_int(
    v: &BigInt,
    spec: &PrintfSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let (base, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = v.magnitude().to_str_radix(base);
    let mut s = String::with_capacity(digits.len() + 4);
    if v.is_negative() {
        s.push('-');
    }
    if spec.alternate {
        s.push_str(prefix);
    }
    if let Some(p) = precision {
        s.extend(std::iter::repeat_n('0', p.saturating_sub(digits.len())));
    }
    s.push_str(&digits);
    if spec.conv == 'X' {
        s = s.to_uppercase();
    }
    output(&s, spec, width, precision, true)
}

/// `'%f' % x` and friends (`e E f F g G`), default precision 6.
pub fn printf_float(
    x: f64,
    spec: &PrintfSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let flags = DtoaFlags {
        alt: spec.alternate,
        ..DtoaFlags::default()
    };
    let s = double_to_string(x, spec.conv, precision.unwrap_or(6), flags);
    output(&s, spec, width, precision, true)
}

/// `'%s' % s` (also `r`, `a`, `c` after the caller's conversion): precision
/// truncates (`s r a` only), width pads, `-` left-justifies.
pub fn printf_str(
    s: &str,
    spec: &PrintfSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    output(s, spec, width, precision, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    fn spec_of(fmt: &str) -> PrintfSpec {
        match parse_printf(fmt).unwrap().as_slice() {
            [Piece::Spec(s)] => s.clone(),
            other => panic!("{:?}", other),
        }
    }

    fn count(c: Count) -> Option<usize> {
        match c {
            Count::N(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn vectors_from_python() {
        // generated with python3: fmt % value
        let mut failures = String::new();
        for line in include_str!("testdata/printf_format_vectors.txt").lines() {
            let parts: Vec<&str> = line.split('\t').collect();
            let (kind, value, fmt, want) = (parts[0], parts[1], parts[2], parts[3]);
            let spec = spec_of(fmt);
            let (w, p) = (count(spec.width), count(spec.precision));
            let got = match kind {
                "i" => printf_int(&value.parse().unwrap(), &spec, w, p),
                "f" => printf_float(
                    f64::from_bits(u64::from_str_radix(value, 16).unwrap()),
                    &spec,
                    w,
                    p,
                ),
                _ => printf_str(value, &spec, w, p),
            };
            if got != want {
                writeln!(
                    failures,
                    "{} {:?} {:?}: got {:?} want {:?}",
                    kind, value, fmt, got, want
                )
                .unwrap();
            }
        }
        assert!(failures.is_empty(), "{}", failures);
    }

    #[test]
    fn parsing() {
        let p = parse_printf("a%%b%(x(y))-+ #012.5ld|%*.*s%c").unwrap();
        assert_eq!(p[0], Piece::Literal("a%b".into()));
        let Piece::Spec(s) = &p[1] else { panic!() };
        assert_eq!(s.key.as_deref(), Some("x(y)"));
        assert!(s.minus && s.plus && s.space && s.alternate && s.zero);
        assert_eq!(
            (s.width, s.precision, s.conv),
            (Count::N(12), Count::N(5), 'd')
        );
        assert_eq!(p[2], Piece::Literal("|".into()));
        let Piece::Spec(s) = &p[3] else { panic!() };
        assert_eq!(
            (s.width, s.precision, s.conv),
            (Count::Star, Count::Star, 's')
        );
        assert_eq!(spec_of("%.f").precision, Count::N(0));
        assert_eq!(parse_printf("").unwrap(), vec![]);
        assert_eq!(
            parse_printf("100%%").unwrap(),
            vec![Piece::Literal("100%".into())]
        );
        let e = |f: &str| parse_printf(f).unwrap_err();
        assert_eq!(
            e("%y"),
            verr("unsupported format character 'y' (0x79) at index 1")
        );
        assert_eq!(
            e("%(a)y"),
            verr("unsupported format character 'y' (0x79) at index 4")
        );
        assert_eq!(
            e("éé%é"),
            verr("unsupported format character '?' (0xe9) at index 3")
        );
        assert_eq!(
            e("%5%"),
            verr("unsupported format character '%' (0x25) at index 2")
        );
        assert_eq!(
            e("%ll d"),
            verr("unsupported format character 'l' (0x6c) at index 2")
        );
        assert_eq!(e("abc%"), verr("incomplete format"));
        assert_eq!(e("%."), verr("incomplete format"));
        assert_eq!(e("%5."), verr("incomplete format"));
        assert_eq!(e("%(a"), verr("incomplete format key"));
        assert_eq!(e("%(a)s %(b"), verr("incomplete format key"));
        assert_eq!(e("%99999999999999999999d"), verr("width too big"));
        assert_eq!(e("%.99999999999d"), verr("precision too big"));
        assert_eq!(spec_of("%hd").conv, 'd');
    }

    #[test]
    fn star_and_specials() {
        let s = spec_of("%-*d");
        assert_eq!(printf_int(&BigInt::from(3), &s, Some(5), None), "3    ");
        let s = spec_of("%.*d");
        assert_eq!(printf_int(&BigInt::from(3), &s, None, Some(0)), "3");
        let s = spec_of("%c");
        assert_eq!(printf_str("A", &s, None, None), "A");
        let s = spec_of("%5.1c");
        assert_eq!(printf_str("A", &s, Some(5), Some(1)), "    A");
        let s = spec_of("%+s");
        assert_eq!(printf_str("ab", &s, None, None), "ab");
    }
}
