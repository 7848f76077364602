//! The format-spec mini-language of `format(x, spec)`, `str.format` and
//! f-strings: parsing (`parse_internal_render_format_spec`) and rendering of
//! ints, floats, strs and complexes exactly as CPython 3.11's
//! `Python/formatter_unicode.c`, with the "C" locale for type `n`.

use super::arith::bigint_to_f64;
use super::float_repr::{double_to_string, DtoaFlags};
use super::parse::unicode_decimal;
use super::NumError;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatSpec {
    /// Fill character (`'0'` when the `0` flag applies without an explicit fill).
    pub fill: char,
    /// Explicit alignment `<`, `>`, `^` or `=`; `None` means the type's default.
    pub align: Option<char>,
    /// `+`, `-` or `' '`.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero.
    pub z: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag was given (and no explicit fill): numbers align with `=`.
    pub zero: bool,
    /// Minimum field width in code points.
    pub width: Option<usize>,
    /// Thousands separator `,` or `_`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            z: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

fn verr(msg: impl Into<String>) -> NumError {
    NumError::Value(msg.into())
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// CPython's `get_integer`: decimal digits (Unicode digits count).
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, NumError> {
    let mut acc: i64 = 0;
    let mut any = false;
    while let Some(d) = chars.get(*pos).and_then(|c| unicode_decimal(*c)) {
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(verr("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        any = true;
        *pos += 1;
    }
    Ok(any.then_some(acc as usize))
}

/// Parse a format spec.  `type_name` is the Python type name of the value,
/// used only in the "Invalid format specifier" message.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, NumError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut f = FormatSpec::default();
    let mut pos = 0;
    let mut fill_specified = false;
    if end >= 2 && is_align(chars[1]) {
        f.fill = chars[0];
        f.align = Some(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.z = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && chars[pos] == '0' {
        f.fill = '0';
        f.zero = true;
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(verr("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err(verr("Cannot specify both ',' and '_'."));
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(verr("Format specifier missing precision"));
        }
    }
    if end - pos > 1 {
        return Err(verr(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        )));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    Ok(f)
}

/// The separator/type compatibility check of the spec parser, done with the
/// type's default presentation type (`'\0'` for float and complex).
fn check_grouping(spec: &FormatSpec, default_type: char) -> Result<(), NumError> {
    let Some(sep) = spec.grouping else {
        return Ok(());
    };
    let t = spec.ty.unwrap_or(default_type);
    match t {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(()),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(()),
        t if (t as u32) > 32 && (t as u32) < 128 => {
            Err(verr(format!("Cannot specify '{}' with '{}'.", sep, t)))
        }
        t => Err(verr(format!(
            "Cannot specify '{}' with '\\x{:x}'.",
            sep, t as u32
        ))),
    }
}

fn unknown_type(t: char, type_name: &str) -> NumError {
    if (t as u32) > 32 && (t as u32) < 128 {
        verr(format!(
            "Unknown format code '{}' for object of type '{}'",
            t, type_name
        ))
    } else {
        verr(format!(
            "Unknown format code '\\x{:x}' for object of type '{}'",
            t as u32, type_name
        ))
    }
}

/// Insert thousands separators into `digits`, left-padding with zeros up to
/// `min_width` (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &[char], min_width: i64, grouping: Option<(i64, char)>) -> String {
    let mut remaining = digits.len() as i64;
    let take = |out: &mut Vec<char>, zeros: i64, n: i64, remaining: i64| {
        // pieces are built right to left, reversed at the end
        for i in 0..n {
            out.push(digits[(remaining - 1 - i) as usize]);
        }
        for _ in 0..zeros {
            out.push('0');
        }
    };
    let mut out = Vec::new();
    let Some((size, sep)) = grouping else {
        let l = remaining.max(min_width).max(1);
        take(&mut out, (l - remaining).max(0), remaining, remaining);
        return out.iter().rev().collect();
    };
    let mut min_width = min_width;
    let mut use_sep = false;
    loop {
        let l = size.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        if use_sep {
            out.push(sep);
        }
        take(&mut out, n_zeros, n_chars, remaining);
        use_sep = true;
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.iter().rev().collect()
}

/// The pieces of a formatted number, as CPython's `calc_number_widths` sees them.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    digits: Vec<char>,
    decimal: bool,
    remainder: &'a str,
}

/// Lay out a number (`calc_number_widths` + `fill_number`).
fn layout(
    n: &Number,
    sign: Option<char>,
    fill: char,
    align: char,
    width: Option<usize>,
    grouping: Option<(i64, char)>,
) -> String {
    let sign_char = match (sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let width = width.map_or(-1, |w| w as i64);
    let non_digit = sign_char.is_some() as i64
        + n.prefix.chars().count() as i64
        + n.decimal as i64
        + n.remainder.chars().count() as i64;
    let min_width = if fill == '0' && align == '=' {
        width - non_digit
    } else {
        0
    };
    let grouped = if n.digits.is_empty() {
        String::new()
    } else {
        group_digits(&n.digits, min_width, grouping)
    };
    let padding = (width - non_digit - grouped.chars().count() as i64).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, lpad));
    out.extend(sign_char);
    out.push_str(n.prefix);
    out.extend(std::iter::repeat_n(fill, spad));
    out.push_str(&grouped);
    if n.decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

fn grouping_of(spec: &FormatSpec, four: bool) -> Option<(i64, char)> {
    if spec.ty == Some('n') {
        return None;
    }
    spec.grouping
        .map(|g| (if four && g == '_' { 4 } else { 3 }, g))
}

fn numeric_align(spec: &FormatSpec) -> char {
    spec.align.unwrap_or(if spec.zero { '=' } else { '>' })
}

/// `format(v, spec)` for an int (`type_name` is `"int"`, `"bool"`, ...).
/// An empty spec means `str(v)`, which the caller handles (it differs for bool).
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    check_grouping(spec, 'd')?;
    let ty = spec.ty.unwrap_or('d');
    let base = match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float(bigint_to_f64(v)?, spec, "float")
        }
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'd' | 'n' | 'c' => 10,
        t => return Err(unknown_type(t, type_name)),
    };
    if spec.precision.is_some() {
        return Err(verr("Precision not allowed in integer format specifier"));
    }
    if spec.z {
        return Err(verr(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let align = numeric_align(spec);
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(verr("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(verr(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v.to_i64().ok_or_else(|| {
            NumError::Overflow("Python int too large to convert to C long".into())
        })?;
        let c = u32::try_from(x)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| NumError::Overflow("%c arg not in range(0x110000)".into()))?;
        let rem = c.to_string();
        let n = Number {
            negative: false,
            prefix: "",
            digits: Vec::new(),
            decimal: false,
            remainder: &rem,
        };
        return Ok(layout(&n, None, spec.fill, align, spec.width, None));
    }
    let mut digits = v.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    let prefix = match (spec.alternate, ty) {
        (false, _) | (true, 'd' | 'n') => "",
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        _ => "0X",
    };
    let n = Number {
        negative: v.is_negative(),
        prefix,
        digits: digits.chars().collect(),
        decimal: false,
        remainder: "",
    };
    Ok(layout(
        &n,
        spec.sign,
        spec.fill,
        align,
        spec.width,
        grouping_of(spec, base != 10),
    ))
}

/// Split a formatted float (sign already removed) like `parse_number`.
fn split_number(s: &str) -> (Vec<char>, bool, &str) {
    let n = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    let decimal = s[n..].starts_with('.');
    let rest = if decimal { &s[n + 1..] } else { &s[n..] };
    (s[..n].chars().collect(), decimal, rest)
}

/// Shared preparation of float and complex parts: returns the
/// `PyOS_double_to_string` code, precision and flags.
fn float_mode(spec: &FormatSpec, repr_dot_0: bool) -> Result<(char, usize, DtoaFlags), NumError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(verr("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        ..DtoaFlags::default()
    };
    let mut code = spec.ty.unwrap_or('r');
    let mut default_precision = 6;
    if code == 'r' {
        flags.add_dot_0 = repr_dot_0;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    if code == '%' {
        code = 'f';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    Ok((code, precision, flags))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    check_grouping(spec, '\0')?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_type(t, type_name)),
    }
    let (code, precision, flags) = float_mode(spec, true)?;
    let pct = spec.ty == Some('%');
    let mut buf = double_to_string(if pct { x * 100.0 } else { x }, code, precision, flags);
    if pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, &buf[..]),
    };
    let (digits, decimal, remainder) = split_number(body);
    let n = Number {
        negative,
        prefix: "",
        digits,
        decimal,
        remainder,
    };
    Ok(layout(
        &n,
        spec.sign,
        spec.fill,
        numeric_align(spec),
        spec.width,
        grouping_of(spec, false),
    ))
}

/// Pad `nchars` of content to `width` with `fill` per `align` (`calc_padding`).
fn pad(content: &str, width: Option<usize>, align: char, fill: char) -> String {
    let n = content.chars().count();
    let total = width.map_or(n, |w| w.max(n));
    let lpad = match align {
        '>' => total - n,
        '^' => (total - n) / 2,
        _ => 0,
    };
    let rpad = total - n - lpad;
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(content);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, NumError> {
    check_grouping(spec, 's')?;
    if let Some(t) = spec.ty.filter(|t| *t != 's') {
        return Err(unknown_type(t, "str"));
    }
    match spec.sign {
        Some(' ') => return Err(verr("Space not allowed in string format specifier")),
        Some(_) => return Err(verr("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.z {
        return Err(verr(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(verr(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err(verr("'=' alignment not allowed in string format specifier"));
    }
    let truncated: String;
    let s = match spec.precision {
        Some(p) if s.chars().count() > p => {
            truncated = s.chars().take(p).collect();
            &truncated
        }
        _ => s,
    };
    Ok(pad(s, spec.width, align, spec.fill))
}

/// `format(complex(re, im), spec)`.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, NumError> {
    check_grouping(spec, '\0')?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_type(t, "complex")),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(verr("precision too big"));
    }
    if spec.fill == '0' {
        return Err(verr(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    let align = spec.align.unwrap_or('>');
    if align == '=' {
        return Err(verr(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (code, precision, flags) = float_mode(spec, false)?;
    let (mut skip_re, mut parens) = (false, false);
    if spec.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let grouping = grouping_of(spec, false);
    let part = |x: f64, sign: Option<char>| {
        let buf = double_to_string(x, code, precision, flags);
        let (negative, body) = match buf.strip_prefix('-') {
            Some(rest) => (true, rest.to_string()),
            None => (false, buf.clone()),
        };
        let (digits, decimal, remainder) = split_number(&body);
        let n = Number {
            negative,
            prefix: "",
            digits,
            decimal,
            remainder,
        };
        layout(&n, sign, ' ', '<', None, grouping)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, spec.sign));
    }
    body.push_str(&part(im, if skip_re { spec.sign } else { Some('+') }));
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad(&body, spec.width, align, spec.fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f64_of(hex: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(hex, 16).unwrap())
    }

    fn render(kind: &str, value: &str, spec: &str) -> String {
        let type_name = match kind {
            "i" => "int",
            "f" => "float",
            "s" => "str",
            _ => "complex",
        };
        let result = parse_format_spec(spec, type_name).and_then(|p| match kind {
            "i" => format_int(&value.parse().unwrap(), &p, type_name),
            "f" => format_float(f64_of(value), &p, type_name),
            "s" => format_str(value, &p),
            _ => {
                let (re, im) = value.split_once(',').unwrap();
                format_complex(f64_of(re), f64_of(im), &p)
            }
        });
        match result {
            Ok(s) => format!("OK:{}", s),
            Err(NumError::Value(m)) => format!("ValueError:{}", m),
            Err(NumError::Overflow(m)) => format!("OverflowError:{}", m),
            Err(e) => format!("{:?}", e),
        }
    }

    #[test]
    fn vectors_from_python() {
        // generated with python3: format(value, spec) or the exception raised
        let mut failures = Vec::new();
        for line in include_str!("testdata/format_vectors.txt").lines() {
            let parts: Vec<&str> = line.split('\t').collect();
            let got = render(parts[0], parts[1], parts[2]);
            if got != parts[3] {
                failures.push(format!(
                    "{} {:?} {:?}: got {:?} want {:?}",
                    parts[0], parts[1], parts[2], got, parts[3]
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn parse_fields() {
        let p = parse_format_spec("*^+z#012,.3f", "float").unwrap();
        assert_eq!(p.fill, '*');
        assert_eq!(p.align, Some('^'));
        assert_eq!(p.sign, Some('+'));
        assert!(p.z && p.alternate && !p.zero);
        assert_eq!(
            (p.width, p.grouping, p.precision, p.ty),
            (Some(12), Some(','), Some(3), Some('f'))
        );
        let p = parse_format_spec("010", "int").unwrap();
        assert!(p.zero);
        assert_eq!((p.fill, p.width), ('0', Some(10)));
        assert_eq!(parse_format_spec("", "int").unwrap(), FormatSpec::default());
    }

    #[test]
    fn grouping_helper() {
        let d: Vec<char> = "12345".chars().collect();
        assert_eq!(group_digits(&d, 10, Some((3, ','))), "00,012,345");
        assert_eq!(group_digits(&d, 9, Some((3, ','))), "0,012,345");
        assert_eq!(group_digits(&d, 0, Some((4, '_'))), "1_2345");
        assert_eq!(group_digits(&d, 7, None), "0012345");
    }
}
