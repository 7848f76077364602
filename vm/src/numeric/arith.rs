//! Python semantics of numeric operations: float floor division, modulo and
//! power with CPython's special cases, correctly rounded int -> float
//! conversion and true division, `round`, `as_integer_ratio`, 3-argument
//! `pow`, floor division on ints, base strings and `int.to_bytes`/`from_bytes`.

use super::NumError;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn zero_div<T>(msg: &str) -> Result<T, NumError> {
    Err(NumError::ZeroDivision(msg.into()))
}

/// `2.0 ** e` for `-1074 <= e <= 1023`.
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// `a / b * 2**e2` correctly rounded (half-even) to a non-negative float;
/// `None` when the result overflows.  `b` must be non-zero.
pub(crate) fn ratio_to_f64(a: &BigUint, b: &BigUint, e2: i64) -> Option<f64> {
    if a.is_zero() {
        return Some(0.0);
    }
    let (la, lb) = (a.bits() as i64, b.bits() as i64);
    // a/b*2**e2 lies in [2**(la-lb-1+e2), 2**(la-lb+1+e2)).
    if la - lb + 1 + e2 < -1075 {
        return Some(0.0);
    }
    if la - lb - 1 + e2 >= 1024 {
        return None;
    }
    let k = 55 - (la - lb);
    let (q, r) = if k >= 0 {
        (a << (k as u64)).div_rem(b)
    } else {
        a.div_rem(&(b << ((-k) as u64)))
    };
    let base_exp = e2 - k;
    let msb = q.bits() as i64 - 1 + base_exp;
    let lsb = (msb - 52).max(-1074);
    let drop = (lsb - base_exp) as u64;
    let mut m = &q >> drop;
    let rem = &q - (&m << drop);
    let half = BigUint::one() << (drop - 1);
    if rem > half || (rem == half && (!r.is_zero() || m.is_odd())) {
        m += 1u32;
    }
    let result = m.to_u64()? as f64 * pow2(lsb);
    if result.is_infinite() {
        None
    } else {
        Some(result)
    }
}

/// `float(v)`: correctly rounded (half-even).
pub fn bigint_to_f64(v: &BigInt) -> Result<f64, NumError> {
    if let Some(i) = v.to_i64() {
        return Ok(i as f64);
    }
    match ratio_to_f64(v.magnitude(), &BigUint::one(), 0) {
        Some(f) => Ok(if v.is_negative() { -f } else { f }),
        None => Err(NumError::Overflow(
            "int too large to convert to float".into(),
        )),
    }
}

/// `a / b` for ints, correctly rounded like CPython's `long_true_divide`.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64, NumError> {
    if b.is_zero() {
        return zero_div("division by zero");
    }
    let negate = a.is_negative() != b.is_negative();
    match ratio_to_f64(a.magnitude(), b.magnitude(), 0) {
        Some(f) => Ok(if negate { -f } else { f }),
        None => Err(NumError::Overflow(
            "integer division result too large for a float".into(),
        )),
    }
}

/// Split a finite float into `(mantissa, exponent)` with `x == mantissa * 2**exponent`.
fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let m = BigInt::from(m);
    (if x.is_sign_negative() { -m } else { m }, e)
}

/// `int(x)`: truncation toward zero.
pub fn f64_to_bigint(x: f64) -> Result<BigInt, NumError> {
    if x.is_nan() {
        return Err(NumError::Value(
            "cannot convert float NaN to integer".into(),
        ));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow(
            "cannot convert float infinity to integer".into(),
        ));
    }
    let (m, e) = decompose(x);
    let mag = m.magnitude();
    let v = if e >= 0 {
        mag << (e as u64)
    } else {
        mag >> ((-e) as u64)
    };
    Ok(BigInt::from_biguint(
        if m.is_negative() {
            Sign::Minus
        } else {
            Sign::Plus
        },
        v,
    ))
}

/// `x.as_integer_ratio()`.
pub fn float_as_integer_ratio(x: f64) -> Result<(BigInt, BigInt), NumError> {
    if x.is_nan() {
        return Err(NumError::Value(
            "cannot convert NaN to integer ratio".into(),
        ));
    }
    if x.is_infinite() {
        return Err(NumError::Overflow(
            "cannot convert Infinity to integer ratio".into(),
        ));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let (m, e) = decompose(x);
    if e >= 0 {
        return Ok((m << (e as u64), BigInt::one()));
    }
    let tz = (m.trailing_zeros().unwrap_or(0) as i64).min(-e);
    Ok((m >> (tz as u64), BigInt::one() << ((-e - tz) as u64)))
}

/// `round(x)`: nearest integer, ties to even.
pub fn float_round_to_int(x: f64) -> Result<BigInt, NumError> {
    f64_to_bigint(x.round_ties_even())
}

/// `round(num / den)` with ties to even, for non-negative operands.
fn div_round_half_even(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice = r << 1u32;
    if &twice > den || (&twice == den && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `round(x, ndigits)` exactly as CPython (the exact binary value is rounded
/// half-even at the decimal position, then converted back correctly rounded).
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, NumError> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x);
    let mag = m.magnitude();
    let ten = BigUint::from(10u32);
    let result = if ndigits >= 0 {
        if e >= 0 {
            return Ok(x);
        }
        let p = ten.pow(ndigits as u32);
        let y = div_round_half_even(&(mag * &p), &(BigUint::one() << ((-e) as u64)));
        ratio_to_f64(&y, &p, 0)
    } else {
        let p = ten.pow((-ndigits) as u32);
        let y = if e >= 0 {
            div_round_half_even(&(mag << (e as u64)), &p)
        } else {
            div_round_half_even(mag, &(&p << ((-e) as u64)))
        };
        ratio_to_f64(&(y * p), &BigUint::one(), 0)
    };
    match result {
        Some(f) => Ok(if x.is_sign_negative() { -f } else { f }),
        None => Err(NumError::Overflow(
            "rounded value too large to represent".into(),
        )),
    }
}

/// `(a // b, a % b)` for floats, exactly as CPython's `_float_div_mod`.
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return zero_div("float floor division by zero");
    }
    Ok(float_div_mod(a, b).0)
}

/// `a % b` for floats (result takes the sign of `b`).
pub fn float_mod(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return zero_div("float modulo");
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), NumError> {
    if b == 0.0 {
        return zero_div("float divmod()");
    }
    Ok(float_div_mod(a, b))
}

/// Result of [`float_pow`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloatPow {
    /// A float result.
    Real(f64),
    /// Negative base to a non-integer power: the caller computes the complex power.
    NeedsComplex,
}

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `a ** b` for floats, with CPython's special cases.
pub fn float_pow(a: f64, b: f64) -> Result<FloatPow, NumError> {
    use FloatPow::Real;
    let (mut iv, iw) = (a, b);
    if iw == 0.0 {
        return Ok(Real(1.0));
    }
    if iv.is_nan() {
        return Ok(Real(iv));
    }
    if iw.is_nan() {
        return Ok(Real(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(Real(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Real(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return zero_div("0.0 cannot be raised to a negative power");
        }
        return Ok(Real(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(FloatPow::NeedsComplex);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Ok(Real(if negate { -1.0 } else { 1.0 }));
    }
    let ix = iv.powf(iw);
    if ix.is_infinite() {
        return Err(NumError::Overflow(
            "(34, 'Numerical result out of range')".into(),
        ));
    }
    Ok(Real(if negate { -ix } else { ix }))
}

/// Modular inverse of `a` modulo `m` (`m > 1`), if it exists.
fn modinv(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r.is_one() {
        Some(old_s.mod_floor(m))
    } else {
        None
    }
}

/// `pow(base, exp, m)` for ints (negative exponents use the modular inverse).
pub fn int_pow_mod(base: &BigInt, exp: &BigInt, m: &BigInt) -> Result<BigInt, NumError> {
    if m.is_zero() {
        return Err(NumError::Value("pow() 3rd argument cannot be 0".into()));
    }
    let negative_output = m.is_negative();
    let c = m.abs();
    if c.is_one() {
        return Ok(BigInt::zero());
    }
    let mut a = base.mod_floor(&c);
    let mut e = exp.clone();
    if e.is_negative() {
        e = -e;
        a = modinv(&a, &c).ok_or_else(|| {
            NumError::Value("base is not invertible for the given modulus".into())
        })?;
    }
    let z = BigInt::from(a.magnitude().modpow(e.magnitude(), c.magnitude()));
    Ok(if negative_output && !z.is_zero() {
        z - c
    } else {
        z
    })
}

fn int_zero_div<T>() -> Result<T, NumError> {
    zero_div("integer division or modulo by zero")
}

/// Floor division with remainder when the quotient is small: the divisor has more than two 64-bit
/// digits and the dividend at most 60 bits more. The quotient is estimated from the top 64 bits of
/// the divisor and the matching bits of the dividend (off by at most a few units), then corrected, in
/// O(n) instead of a general long division (num-bigint's Burnikel-Ziegler recursion costs far more
/// for a one-digit quotient, as in spigot algorithms). None when the shapes do not fit.
fn div_mod_floor_small_quotient(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    let (ua, ub) = (a.magnitude(), b.magnitude());
    let (abits, bbits) = (ua.bits(), ub.bits());
    if bbits <= 128 || abits < bbits || abits - bbits > 60 {
        return None;
    }
    let s = bbits - 64;
    let a_top = (ua >> s).to_u128()?;
    let b_top = (ub >> s).to_u64()?;
    let mut q = (a_top / b_top as u128) as u64;
    let mut prod = ub * q;
    while prod > *ua {
        q -= 1;
        prod -= ub;
    }
    let mut r = ua - &prod;
    while r >= *ub {
        q += 1;
        r -= ub;
    }
    // Truncated (q, r) of the magnitudes; floor semantics: the remainder takes the divisor's sign.
    let (qs, rs) = (BigInt::from(q), BigInt::from_biguint(Sign::Plus, r));
    let neg_b = b.is_negative();
    Some(if a.is_negative() == neg_b {
        (qs, if neg_b { -rs } else { rs })
    } else if rs.is_zero() {
        (-qs, rs)
    } else {
        let r2 = BigInt::from_biguint(Sign::Plus, ub.clone()) - rs;
        (-(qs + BigInt::one()), if neg_b { -r2 } else { r2 })
    })
}

/// `a // b` for ints.
pub fn int_floordiv(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return int_zero_div();
    }
    if let Some((q, _)) = div_mod_floor_small_quotient(a, b) {
        return Ok(q);
    }
    Ok(a.div_floor(b))
}

/// `a % b` for ints (CPython 3.11 says "integer modulo by zero").
pub fn int_mod(a: &BigInt, b: &BigInt) -> Result<BigInt, NumError> {
    if b.is_zero() {
        return zero_div("integer modulo by zero");
    }
    if let Some((_, r)) = div_mod_floor_small_quotient(a, b) {
        return Ok(r);
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)` for ints.
pub fn int_divmod(a: &BigInt, b: &BigInt) -> Result<(BigInt, BigInt), NumError> {
    if b.is_zero() {
        return int_zero_div();
    }
    if let Some(qr) = div_mod_floor_small_quotient(a, b) {
        return Ok(qr);
    }
    Ok(a.div_mod_floor(b))
}

/// `bin`/`oct`/`hex` (base 2, 8, 16; lowercase digits), or plain digits in
/// any base 2..=36 when `prefix` is false.
pub fn int_to_base_string(v: &BigInt, base: u32, prefix: bool) -> String {
    let mut s = String::new();
    if v.is_negative() {
        s.push('-');
    }
    if prefix {
        s.push_str(match base {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    s.push_str(&v.magnitude().to_str_radix(base));
    s
}

/// `v.to_bytes(length, byteorder, signed=signed)`.
pub fn int_to_bytes(
    v: &BigInt,
    length: usize,
    big_endian: bool,
    signed: bool,
) -> Result<Vec<u8>, NumError> {
    let too_big = || NumError::Overflow("int too big to convert".into());
    let mut bytes = if signed {
        if v.is_zero() {
            Vec::new()
        } else {
            v.to_signed_bytes_le()
        }
    } else {
        if v.is_negative() {
            return Err(NumError::Overflow(
                "can't convert negative int to unsigned".into(),
            ));
        }
        let mut b = v.magnitude().to_bytes_le();
        while b.last() == Some(&0) {
            b.pop();
        }
        b
    };
    if bytes.len() > length {
        return Err(too_big());
    }
    let pad = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, pad);
    if big_endian {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(b, byteorder, signed=signed)`.
pub fn int_from_bytes(b: &[u8], big_endian: bool, signed: bool) -> BigInt {
    match (signed, big_endian) {
        (true, true) => BigInt::from_signed_bytes_be(b),
        (true, false) => BigInt::from_signed_bytes_le(b),
        (false, true) => BigInt::from_bytes_be(Sign::Plus, b),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }
    fn pow10(n: u32) -> BigInt {
        BigInt::from(10u32).pow(n)
    }

    #[test]
    fn small_quotient_divmod_matches_floor_division() {
        // Pseudo-random magnitudes of 130..400 bits, quotients of 0..60 bits, all sign combinations,
        // plus exact multiples and off-by-one remainders.
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..400 {
            let nd = 3 + (next() % 4) as usize;
            let b = BigInt::from_biguint(
                Sign::Plus,
                BigUint::new((0..2 * nd).map(|_| next() as u32).collect()),
            );
            let qbits = next() % 60;
            let q = BigInt::from(next() >> (63 - qbits.min(62)));
            let extra = BigInt::from(next()) % &b;
            for a in [&b * &q + &extra, &b * &q, &b * &q - 1, &b * (&q + 1) - 1] {
                for (sa, sb) in [(1i32, 1i32), (-1, 1), (1, -1), (-1, -1)] {
                    let (a, b): (BigInt, BigInt) = (&a * BigInt::from(sa), &b * BigInt::from(sb));
                    let want = a.div_mod_floor(&b);
                    if let Some(got) = div_mod_floor_small_quotient(&a, &b) {
                        assert_eq!(got, want, "{a} divmod {b}");
                    }
                    assert_eq!(int_divmod(&a, &b).unwrap(), want);
                    assert_eq!(int_floordiv(&a, &b).unwrap(), want.0);
                    assert_eq!(int_mod(&a, &b).unwrap(), want.1);
                }
            }
        }
    }

    #[test]
    fn int_to_float() {
        assert_eq!(
            bigint_to_f64(&big("9007199254740993")),
            Ok(9007199254740992.0)
        );
        assert_eq!(
            bigint_to_f64(&big("9007199254740995")),
            Ok(9007199254740996.0)
        );
        assert_eq!(
            bigint_to_f64(&big("-18446744073709551617")),
            Ok(-18446744073709551616.0)
        );
        assert_eq!(
            bigint_to_f64(&(BigInt::from(1) << 1023u32)),
            Ok(8.98846567431158e307)
        );
        // 2**1024 - 2**970 rounds up to 2**1024: overflow
        let edge = (BigInt::from(1) << 1024u32) - (BigInt::from(1) << 970u32);
        assert!(matches!(bigint_to_f64(&edge), Err(NumError::Overflow(_))));
        let below = (BigInt::from(1) << 1024u32) - (BigInt::from(1) << 970u32) - 1;
        assert_eq!(bigint_to_f64(&below), Ok(f64::MAX));
        assert_eq!(
            bigint_to_f64(&pow10(400)),
            Err(NumError::Overflow(
                "int too large to convert to float".into()
            ))
        );
    }

    #[test]
    fn true_div() {
        assert_eq!(int_true_div(&pow10(400), &pow10(399)), Ok(10.0));
        assert_eq!(int_true_div(&big("1"), &big("3")), Ok(1.0 / 3.0));
        assert_eq!(
            int_true_div(&big("0"), &big("-5")).map(|f| f.is_sign_negative()),
            Ok(true)
        );
        assert_eq!(int_true_div(&big("-7"), &big("2")), Ok(-3.5));
        assert_eq!(int_true_div(&big("1"), &pow10(330)), Ok(1e-330));
        assert_eq!(int_true_div(&big("1"), &pow10(400)), Ok(0.0));
        assert_eq!(
            int_true_div(&big("1"), &big("0")),
            Err(NumError::ZeroDivision("division by zero".into()))
        );
        assert_eq!(
            int_true_div(&pow10(400), &big("1")),
            Err(NumError::Overflow(
                "integer division result too large for a float".into()
            ))
        );
        // python3: (10**400+1)/(3*10**390) == 3333333333.3333335
        assert_eq!(
            int_true_div(&(pow10(400) + 1), &(pow10(390) * 3)),
            Ok(3333333333.3333335)
        );
        // python3: 2**-1075 rounds to 0, 3*2**-1076 to 5e-324
        let b = BigInt::from(1) << 1076u32;
        assert_eq!(int_true_div(&big("2"), &b), Ok(0.0));
        assert_eq!(int_true_div(&big("3"), &b), Ok(5e-324));
    }

    #[test]
    fn float_to_int() {
        assert_eq!(f64_to_bigint(-2.9), Ok(big("-2")));
        assert_eq!(f64_to_bigint(1e20), Ok(big("100000000000000000000")));
        assert_eq!(f64_to_bigint(5e-324), Ok(big("0")));
        assert_eq!(
            f64_to_bigint(f64::INFINITY),
            Err(NumError::Overflow(
                "cannot convert float infinity to integer".into()
            ))
        );
        assert_eq!(
            f64_to_bigint(f64::NAN),
            Err(NumError::Value(
                "cannot convert float NaN to integer".into()
            ))
        );
        assert_eq!(float_as_integer_ratio(1.5), Ok((big("3"), big("2"))));
        assert_eq!(
            float_as_integer_ratio(-0.1),
            Ok((big("-3602879701896397"), big("36028797018963968")))
        );
        assert_eq!(
            float_as_integer_ratio(1e20),
            Ok((big("100000000000000000000"), big("1")))
        );
        assert_eq!(float_as_integer_ratio(0.0), Ok((big("0"), big("1"))));
        assert!(matches!(
            float_as_integer_ratio(f64::INFINITY),
            Err(NumError::Overflow(_))
        ));
        assert_eq!(float_round_to_int(0.5), Ok(big("0")));
        assert_eq!(float_round_to_int(1.5), Ok(big("2")));
        assert_eq!(float_round_to_int(-2.5), Ok(big("-2")));
        assert_eq!(float_round_to_int(2.5000001), Ok(big("3")));
    }

    #[test]
    fn rounding() {
        let cases: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67),
            (0.5, 0, 0.0),
            (1.5, 0, 2.0),
            (2.5, 0, 2.0),
            (-0.5, 0, -0.0),
            (123.456, -1, 120.0),
            (125.0, -1, 120.0),
            (135.0, -1, 140.0),
            (5e-324, 400, 5e-324),
            (5e-324, 323, 0.0),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (1e300, -299, 1e300),
            (123.456, -400, 0.0),
            (-123.456, -400, -0.0),
            (1.0000000000000002, 15, 1.0),
            (0.1 + 0.2, 16, 0.3),
            (1234.5678, 2, 1234.57),
            (-1234.5678, -2, -1200.0),
            (4.35, 1, 4.3),
            (4.45, 1, 4.5),
            (1e-320, 322, 1e-320),
            (1.5e-310, 310, 2e-310),
        ];
        for &(x, n, want) in cases {
            let got = float_round(x, n).unwrap();
            assert_eq!(
                (got, got.is_sign_negative()),
                (want, want.is_sign_negative()),
                "round({}, {})",
                x,
                n
            );
        }
        assert_eq!(
            float_round(1.7e308, -308),
            Err(NumError::Overflow(
                "rounded value too large to represent".into()
            ))
        );
        assert!(float_round(f64::NAN, 2).unwrap().is_nan());
        assert_eq!(float_round(f64::INFINITY, -2), Ok(f64::INFINITY));
    }

    #[test]
    fn float_division() {
        let fd = |a, b| float_floordiv(a, b).unwrap();
        let fm = |a, b| float_mod(a, b).unwrap();
        assert_eq!(fd(7.0, -2.0), -4.0);
        assert_eq!(fm(7.0, -2.0), -1.0);
        assert!(fm(-0.0, 5.0).is_sign_positive());
        assert!(fm(4.0, -2.0).is_sign_negative());
        assert!(fd(-0.0, 5.0).is_sign_negative());
        assert!(fd(0.5, -3.0) == -1.0);
        assert!(fd(1e-320, -1.0) == -1.0);
        assert_eq!(fm(-1e-100, 1.0), 1.0);
        assert_eq!(fm(1.0, f64::INFINITY), 1.0);
        assert_eq!(fm(-1.0, f64::INFINITY), f64::INFINITY);
        assert_eq!(float_divmod(-7.5, 2.0), Ok((-4.0, 0.5)));
        assert_eq!(float_divmod(1.0, 0.1), Ok((9.0, 0.09999999999999995)));
        assert_eq!(
            float_floordiv(1.0, 0.0),
            Err(NumError::ZeroDivision(
                "float floor division by zero".into()
            ))
        );
        assert_eq!(
            float_mod(1.0, 0.0),
            Err(NumError::ZeroDivision("float modulo".into()))
        );
        assert_eq!(
            float_divmod(1.0, -0.0),
            Err(NumError::ZeroDivision("float divmod()".into()))
        );
    }

    #[test]
    fn powers() {
        use FloatPow::*;
        assert_eq!(float_pow(-2.0, 0.5), Ok(NeedsComplex));
        assert_eq!(
            float_pow(0.0, -1.0),
            Err(NumError::ZeroDivision(
                "0.0 cannot be raised to a negative power".into()
            ))
        );
        assert_eq!(
            float_pow(10.0, 400.0),
            Err(NumError::Overflow(
                "(34, 'Numerical result out of range')".into()
            ))
        );
        assert_eq!(float_pow(-1.0, f64::INFINITY), Ok(Real(1.0)));
        assert_eq!(float_pow(f64::NAN, 0.0), Ok(Real(1.0)));
        assert_eq!(float_pow(1.0, f64::NAN), Ok(Real(1.0)));
        assert_eq!(float_pow(-2.0, 3.0), Ok(Real(-8.0)));
        assert_eq!(float_pow(-1.0, 1e300), Ok(Real(1.0)));
        assert_eq!(
            float_pow(f64::NEG_INFINITY, 3.0),
            Ok(Real(f64::NEG_INFINITY))
        );
        assert_eq!(
            float_pow(f64::NEG_INFINITY, -3.0)
                .map(|p| matches!(p, Real(x) if x == 0.0 && x.is_sign_negative())),
            Ok(true)
        );
        assert_eq!(
            float_pow(-0.0, 3.0).map(|p| matches!(p, Real(x) if x.is_sign_negative())),
            Ok(true)
        );
        assert_eq!(float_pow(0.5, f64::NEG_INFINITY), Ok(Real(f64::INFINITY)));
        assert_eq!(float_pow(1e-300, 2.0), Ok(Real(0.0)));
        assert_eq!(float_pow(2.0, 0.5), Ok(Real(std::f64::consts::SQRT_2)));
    }

    #[test]
    fn int_ops() {
        let b = |i: i64| BigInt::from(i);
        assert_eq!(
            int_pow_mod(&b(2), &b(-1), &b(4)),
            Err(NumError::Value(
                "base is not invertible for the given modulus".into()
            ))
        );
        assert_eq!(
            int_pow_mod(&b(2), &b(3), &b(0)),
            Err(NumError::Value("pow() 3rd argument cannot be 0".into()))
        );
        assert_eq!(int_pow_mod(&b(3), &b(-1), &b(-7)), Ok(b(-2)));
        assert_eq!(int_pow_mod(&b(3), &b(2), &b(-7)), Ok(b(-5)));
        assert_eq!(int_pow_mod(&b(2), &b(-1), &b(1)), Ok(b(0)));
        assert_eq!(int_pow_mod(&b(5), &b(0), &b(-1)), Ok(b(0)));
        assert_eq!(int_pow_mod(&b(-3), &b(3), &b(10)), Ok(b(3)));
        assert_eq!(int_pow_mod(&b(38), &b(-2), &b(97)), Ok(b(44)));
        assert_eq!(int_pow_mod(&b(7), &b(0), &b(5)), Ok(b(1)));
        assert_eq!(int_floordiv(&b(-7), &b(2)), Ok(b(-4)));
        assert_eq!(int_mod(&b(-7), &b(2)), Ok(b(1)));
        assert_eq!(int_mod(&b(7), &b(-2)), Ok(b(-1)));
        assert_eq!(int_divmod(&b(-7), &b(-2)), Ok((b(3), b(-1))));
        assert_eq!(
            int_floordiv(&b(1), &b(0)),
            Err(NumError::ZeroDivision(
                "integer division or modulo by zero".into()
            ))
        );
        assert_eq!(
            int_mod(&b(1), &b(0)),
            Err(NumError::ZeroDivision("integer modulo by zero".into()))
        );
        assert_eq!(
            int_divmod(&b(1), &b(0)),
            Err(NumError::ZeroDivision(
                "integer division or modulo by zero".into()
            ))
        );
        assert_eq!(int_to_base_string(&b(-31), 16, true), "-0x1f");
        assert_eq!(int_to_base_string(&b(0), 2, true), "0b0");
        assert_eq!(int_to_base_string(&b(8), 8, true), "0o10");
        assert_eq!(int_to_base_string(&b(-35), 36, false), "-z");
    }

    #[test]
    fn bytes() {
        let b = |i: i64| BigInt::from(i);
        assert_eq!(
            int_to_bytes(&b(256), 1, true, false),
            Err(NumError::Overflow("int too big to convert".into()))
        );
        assert_eq!(
            int_to_bytes(&b(-1), 1, true, false),
            Err(NumError::Overflow(
                "can't convert negative int to unsigned".into()
            ))
        );
        assert_eq!(
            int_to_bytes(&b(-129), 1, true, true),
            Err(NumError::Overflow("int too big to convert".into()))
        );
        assert_eq!(
            int_to_bytes(&b(128), 1, true, true),
            Err(NumError::Overflow("int too big to convert".into()))
        );
        assert_eq!(int_to_bytes(&b(-128), 1, true, true), Ok(vec![0x80]));
        assert_eq!(int_to_bytes(&b(0), 0, true, true), Ok(vec![]));
        assert_eq!(
            int_to_bytes(&b(-1), 0, true, true),
            Err(NumError::Overflow("int too big to convert".into()))
        );
        assert_eq!(int_to_bytes(&b(1024), 4, true, false), Ok(vec![0, 0, 4, 0]));
        assert_eq!(
            int_to_bytes(&b(1024), 4, false, false),
            Ok(vec![0, 4, 0, 0])
        );
        assert_eq!(
            int_to_bytes(&b(-2), 3, true, true),
            Ok(vec![0xff, 0xff, 0xfe])
        );
        assert_eq!(int_to_bytes(&b(255), 1, false, false), Ok(vec![0xff]));
        assert_eq!(int_from_bytes(&[0xff, 0xfe], true, true), b(-2));
        assert_eq!(int_from_bytes(&[0xff, 0xfe], false, false), b(0xfeff));
        assert_eq!(int_from_bytes(&[], true, true), b(0));
        assert_eq!(int_from_bytes(&[0x80], true, true), b(-128));
    }
}
