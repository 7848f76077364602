//! Float and complex to text: a port of CPython's `PyOS_double_to_string`
//! (`repr`, `'%e'`, `'%f'`, `'%g'` and the `'r'` mode used by `format`),
//! complex `repr`, and `float.hex` / `float.fromhex`.
//!
//! Digits come from Rust's formatter, which is exact: `{:e}` yields the
//! shortest round-trip digits (dtoa mode 0), `{:.*e}` and `{:.*}` yield
//! correctly rounded (half-even) digits (dtoa modes 2 and 3).  The layout
//! rules are CPython's `format_float_short`.

use super::arith::ratio_to_f64;
use super::NumError;
use num_bigint::BigUint;

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DtoaFlags {
    /// Always add a sign (`+` for non-negative values).
    pub sign: bool,
    /// Add `.0` to integral values (`repr`).
    pub add_dot_0: bool,
    /// Alternate form (`#`): keep trailing zeros and the decimal point.
    pub alt: bool,
    /// Drop the sign of a negative zero result (`z`).
    pub no_neg_0: bool,
}

/// Digit generation mode of dtoa.
#[derive(Clone, Copy)]
enum Mode {
    /// Shortest round-trip digits.
    Shortest,
    /// `n` significant digits (n >= 1).
    Significant(usize),
    /// `n` digits after the decimal point.
    Fixed(usize),
}

/// Shortest round-trip digits of `x >= 0` in `{:e}` form, choosing among the
/// shortest candidates the one nearest to `x` with ties to even, as dtoa's
/// mode 0 does (Rust's shortest formatter may break a tie upwards).
fn shortest(x: f64) -> String {
    let s = format!("{:e}", x);
    let n = s
        .split_once('e')
        .map_or(0, |(m, _)| m.bytes().filter(u8::is_ascii_digit).count());
    if n < 2 {
        return s;
    }
    let nearest = format!("{:.*e}", n - 1, x);
    if nearest != s && nearest.parse::<f64>() == Ok(x) {
        nearest
    } else {
        s
    }
}

/// Digits of `|x|` (finite) without trailing zeros, and the decimal point
/// position: value = 0.DIGITS * 10**decpt.  Zero is `("0", 1)`.
fn dtoa(x: f64, mode: Mode) -> (Vec<u8>, i64) {
    let x = x.abs();
    let (mut digits, decpt) = match mode {
        Mode::Shortest | Mode::Significant(_) => {
            let s = match mode {
                Mode::Significant(n) => format!("{:.*e}", n - 1, x),
                _ => shortest(x),
            };
            let (mant, exp) = s.split_once('e').expect("exponent");
            let exp: i64 = exp.parse().expect("exponent digits");
            let digits: Vec<u8> = mant.bytes().filter(|c| *c != b'.').collect();
            (digits, exp + 1)
        }
        Mode::Fixed(n) => {
            let s = format!("{:.*}", n, x);
            let int_len = s.find('.').unwrap_or(s.len()) as i64;
            let all: Vec<u8> = s.bytes().filter(|c| *c != b'.').collect();
            let lead = all.iter().take_while(|c| **c == b'0').count();
            (all[lead..].to_vec(), int_len - lead as i64)
        }
    };
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return (vec![b'0'], 1);
    }
    (digits, decpt)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r`; for `r` the precision is ignored.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (mode, precision) = match code {
        'e' => (Mode::Significant(precision + 1), precision + 1),
        'f' => (Mode::Fixed(precision), precision),
        'g' => {
            let p = precision.max(1);
            (Mode::Significant(p), p)
        }
        _ => (Mode::Shortest, 0),
    };
    let mut out = String::new();
    if x.is_nan() {
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let mut negative = x.is_sign_negative();
    if x.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let (digits, mut decpt) = dtoa(x, mode);
    let digits_len = digits.len() as i64;
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }
    let precision = precision as i64;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let digit_str = std::str::from_utf8(&digits).expect("ascii digits");
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digit_str[..decpt as usize]);
        out.push('.');
        out.push_str(&digit_str[decpt as usize..]);
    } else {
        out.push_str(digit_str);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// Exactly CPython's `repr(x)` for a float.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// `'%.*f' % (precision, x)`.
pub fn format_float_fixed(x: f64, precision: usize) -> String {
    double_to_string(x, 'f', precision, DtoaFlags::default())
}

/// `'%.*e' % (precision, x)` (`'%.*E'` when `upper`).
pub fn format_float_exp(x: f64, precision: usize, upper: bool) -> String {
    double_to_string(
        x,
        if upper { 'E' } else { 'e' },
        precision,
        DtoaFlags::default(),
    )
}

/// `'%.*g' % (precision, x)` (`'%.*G'` when `upper`, `'%#.*g'` when `alternate`).
pub fn format_float_general(x: f64, precision: usize, upper: bool, alternate: bool) -> String {
    let flags = DtoaFlags {
        alt: alternate,
        ..DtoaFlags::default()
    };
    double_to_string(x, if upper { 'G' } else { 'g' }, precision, flags)
}

/// CPython's `repr(complex(re, im))`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let plain = DtoaFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", double_to_string(im, 'r', 0, plain))
    } else {
        let signed = DtoaFlags {
            sign: true,
            ..plain
        };
        format!(
            "({}{}j)",
            double_to_string(re, 'r', 0, plain),
            double_to_string(im, 'r', 0, signed)
        )
    }
}

/// `float.hex(x)`.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!(
        "{}0x{}.{:013x}p{}{}",
        sign,
        lead,
        frac,
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Parse `inf`, `infinity` or `nan` (any case, optional sign) at the start of
/// `s`; returns the value and the number of bytes used.
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (neg, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[start..];
    let starts =
        |w: &str| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    let (v, n) = if starts("infinity") {
        (f64::INFINITY, 8)
    } else if starts("inf") {
        (f64::INFINITY, 3)
    } else if starts("nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if neg { -v } else { v }, start + n))
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> Result<f64, NumError> {
    let parse_error = || NumError::Value("invalid hexadecimal floating-point string".into());
    let overflow =
        || NumError::Overflow("hexadecimal value too large to represent as a float".into());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_c_space(b[i]) {
        i += 1;
    }
    let finish = |mut i: usize, v: f64| -> Result<f64, NumError> {
        while i < b.len() && is_c_space(b[i]) {
            i += 1;
        }
        if i != b.len() {
            return Err(parse_error());
        }
        Ok(v)
    };
    if let Some((v, n)) = parse_inf_or_nan(&b[i..]) {
        return finish(i + n, v);
    }
    let mut negate = false;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        negate = b[i] == b'-';
        i += 1;
    }
    if i + 1 < b.len() && b[i] == b'0' && (b[i + 1] == b'x' || b[i + 1] == b'X') {
        i += 2;
    }
    let hexval = |c: u8| (c as char).to_digit(16);
    let mut mant = BigUint::default();
    let mut ndigits = 0i64;
    let mut fdigits = 0i64;
    while i < b.len() && hexval(b[i]).is_some() {
        mant = mant * 16u32 + hexval(b[i]).unwrap_or(0);
        ndigits += 1;
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && hexval(b[i]).is_some() {
            mant = mant * 16u32 + hexval(b[i]).unwrap_or(0);
            ndigits += 1;
            fdigits += 1;
            i += 1;
        }
    }
    if ndigits == 0 {
        return Err(parse_error());
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            eneg = b[i] == b'-';
            i += 1;
        }
        if i >= b.len() || !b[i].is_ascii_digit() {
            return Err(parse_error());
        }
        while i < b.len() && b[i].is_ascii_digit() {
            // strtol saturates; anything this large is out of range anyway.
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if eneg {
            exp = -exp;
        }
    }
    // Validate the tail before deciding on overflow, as CPython only reports
    // overflow for otherwise well-formed strings.
    let mut j = i;
    while j < b.len() && is_c_space(b[j]) {
        j += 1;
    }
    if j != b.len() {
        return Err(parse_error());
    }
    let exp = exp.saturating_sub(4 * fdigits);
    let value = if mant.bits() == 0 {
        0.0
    } else {
        let top = (mant.bits() as i64).saturating_add(exp);
        if top < -1074 {
            0.0
        } else if top > 1024 {
            return Err(overflow());
        } else {
            ratio_to_f64(&mant, &BigUint::from(1u32), exp).ok_or_else(overflow)?
        }
    };
    finish(i, if negate { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    // (value bits, repr) produced by python3: repr(struct.unpack('<d', bits))
    const REPRS: &[(f64, &str)] = &[
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (100.0, "100.0"),
        (0.1, "0.1"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (1.5e-5, "1.5e-05"),
        (1e-5, "1e-05"),
        (0.0001, "0.0001"),
        (123456789012345.6, "123456789012345.6"),
        (1e22, "1e+22"),
        (1e23, "1e+23"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (2e16 + 8.0, "2.000000000000001e+16"),
        (9007199254740993.0, "9007199254740992.0"),
        (0.3, "0.3"),
        (2.0 / 3.0, "0.6666666666666666"),
        (-1.5, "-1.5"),
        (1234.5678, "1234.5678"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-f64::NAN, "nan"),
        (2.2250738585072014e-308, "2.2250738585072014e-308"),
        (9999999999999998.0, "9999999999999998.0"),
    ];

    #[test]
    fn repr_basic() {
        for (x, r) in REPRS {
            assert_eq!(float_repr(*x), *r, "{:?}", x);
        }
    }

    #[test]
    fn repr_random_vectors() {
        // generated with python3: random bit patterns, repr(x)
        for line in include_str!("testdata/repr_vectors.txt").lines() {
            let (bits, r) = line.split_once(' ').unwrap();
            let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            assert_eq!(float_repr(x), r, "bits {}", bits);
        }
    }

    #[test]
    fn printf_style() {
        assert_eq!(format_float_fixed(2.675, 2), "2.67");
        assert_eq!(format_float_fixed(0.25, 1), "0.2");
        assert_eq!(format_float_fixed(2.5, 0), "2");
        assert_eq!(format_float_fixed(-0.0, 2), "-0.00");
        assert_eq!(format_float_fixed(1e-300, 3), "0.000");
        assert_eq!(format_float_fixed(f64::INFINITY, 3), "inf");
        assert_eq!(format_float_fixed(1e22, 1), "10000000000000000000000.0");
        assert_eq!(format_float_exp(1e16, 6, false), "1.000000e+16");
        assert_eq!(format_float_exp(5e-324, 6, false), "4.940656e-324");
        assert_eq!(format_float_exp(15.0, 0, false), "2e+01");
        assert_eq!(format_float_exp(f64::NAN, 3, true), "NAN");
        assert_eq!(format_float_exp(-1234.5, 3, true), "-1.234E+03"); // '%.3E' % -1234.5
        assert_eq!(format_float_general(1e-5, 6, false, false), "1e-05");
        assert_eq!(format_float_general(1.0, 6, false, true), "1.00000");
        assert_eq!(format_float_general(123.0, 0, false, false), "1e+02");
        assert_eq!(format_float_general(100000.0, 6, false, false), "100000");
        assert_eq!(format_float_general(1000000.0, 6, false, false), "1e+06");
        assert_eq!(
            format_float_general(0.1, 20, false, false),
            "0.10000000000000000555"
        );
        assert_eq!(format_float_general(0.0001, 3, false, true), "0.000100");
        assert_eq!(format_float_general(1e-10, 6, true, true), "1.00000E-10");
        assert_eq!(format_float_general(0.0, 6, false, false), "0");
        assert_eq!(format_float_general(-0.0, 6, false, true), "-0.00000");
        let f = DtoaFlags {
            alt: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(1.0, 'f', 0, f), "1.");
        assert_eq!(double_to_string(1.0, 'e', 0, f), "1.e+00");
        let z = DtoaFlags {
            no_neg_0: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(-0.0001, 'f', 2, z), "0.00");
        assert_eq!(double_to_string(-0.01, 'e', 1, z), "-1.0e-02");
        let s = DtoaFlags {
            sign: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(0.0, 'e', 6, s), "+0.000000e+00");
        assert_eq!(double_to_string(f64::INFINITY, 'F', 6, s), "+INF");
    }

    #[test]
    fn printf_vectors() {
        // generated with python3: '%.{p}{c}' % x for random x
        for line in include_str!("testdata/printf_vectors.txt").lines() {
            let mut it = line.split(' ');
            let (bits, code, p, want) = (
                it.next().unwrap(),
                it.next().unwrap(),
                it.next().unwrap(),
                it.next().unwrap(),
            );
            let x = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
            let p: usize = p.parse().unwrap();
            let code = code.chars().next().unwrap();
            let alt = code == '#';
            let got = if alt {
                format_float_general(x, p, false, true)
            } else {
                double_to_string(x, code, p, DtoaFlags::default())
            };
            assert_eq!(got, want, "{} {} {}", bits, code, p);
        }
    }

    #[test]
    fn complex() {
        assert_eq!(complex_repr(0.0, -1.0), "-1j");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(1.5, -0.0), "(1.5-0j)");
        assert_eq!(complex_repr(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(complex_repr(1.0, -f64::NAN), "(1+nanj)");
        assert_eq!(complex_repr(1e16, 1e-5), "(1e+16+1e-05j)");
        assert_eq!(complex_repr(0.0, 0.0), "0j");
        assert_eq!(complex_repr(-0.0, 0.0), "(-0+0j)");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
    }

    #[test]
    fn hex() {
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(f64::INFINITY), "inf");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(-1e300), "-0x1.7e43c8800759cp+996");
        assert_eq!(float_fromhex("0x1p-1075"), Ok(0.0));
        assert_eq!(float_fromhex("0x3p-1076"), Ok(5e-324));
        assert_eq!(float_fromhex("0x1.8p0"), Ok(1.5));
        assert_eq!(float_fromhex("  -0X1.999999999999AP-4 "), Ok(-0.1));
        assert_eq!(float_fromhex("1"), Ok(1.0));
        assert_eq!(float_fromhex(".8"), Ok(0.5));
        assert_eq!(float_fromhex("0x.8p1"), Ok(1.0));
        assert_eq!(float_fromhex("-inf"), Ok(f64::NEG_INFINITY));
        assert_eq!(
            float_fromhex("0x1.fffffffffffff8p1023").unwrap_err(),
            NumError::Overflow("hexadecimal value too large to represent as a float".into())
        );
        assert_eq!(float_fromhex("0x1.fffffffffffff7p1023"), Ok(f64::MAX));
        assert_eq!(
            float_fromhex("0x1p1024").unwrap_err(),
            NumError::Overflow("hexadecimal value too large to represent as a float".into())
        );
        for bad in ["zz", "0x", "", "0x1p", "0x1p+", "1 2", "0x.p1", "."] {
            assert_eq!(
                float_fromhex(bad).unwrap_err(),
                NumError::Value("invalid hexadecimal floating-point string".into()),
                "{:?}",
                bad
            );
        }
        assert_eq!(float_fromhex("0x1p-99999999999999999999999"), Ok(0.0));
    }
}
