//! CPython's numeric hashes (`sys.hash_info`: modulus P = 2**61 - 1,
//! inf = 314159, imag = 1000003) and the xxHash-based tuple hash of 3.11,
//! so that `hash(n) == hash(float(n)) == hash(complex(n))` whenever equal.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// The hash modulus `2**61 - 1`.
pub const MODULUS: u64 = (1u64 << 61) - 1;
/// Number of bits of the modulus.
const BITS: u32 = 61;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314159;
/// Multiplier of the imaginary part in complex hashes.
pub const HASH_IMAG: u64 = 1000003;

fn finish(sign_negative: bool, x: u64) -> i64 {
    let h = if sign_negative { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` for an int that fits in an `i64`.
pub fn hash_i64(v: i64) -> i64 {
    finish(v < 0, v.unsigned_abs() % MODULUS)
}

/// `hash(v)` for an arbitrary int.
pub fn hash_bigint(v: &BigInt) -> i64 {
    if let Some(i) = v.to_i64() {
        return hash_i64(i);
    }
    let r = (v.magnitude() % MODULUS).to_u64().unwrap_or(0);
    finish(v.is_negative(), r)
}

/// `hash(x)` for a float; `None` for NaN (CPython hashes NaN by identity).
pub fn hash_f64(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    // m < 2**53 < P; multiplying by 2**e mod P is a rotation in 61 bits.
    let r = e.rem_euclid(BITS as i64) as u32;
    let h = if r == 0 {
        m
    } else {
        ((m << r) & MODULUS) | (m >> (BITS - r))
    };
    Some(finish(x < 0.0, h))
}

/// `hash(complex(re, im))`; `None` if either part is NaN.
pub fn hash_complex(re: f64, im: f64) -> Option<i64> {
    let hr = hash_f64(re)? as u64;
    let hi = hash_f64(im)? as u64;
    let combined = hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64;
    Some(if combined == -1 { -2 } else { combined })
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `hash(tuple)` given the hashes of its items (CPython 3.11 `tuplehash`).
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        // python3: hash(v)
        let cases: &[(&str, i64)] = &[
            ("0", 0),
            ("1", 1),
            ("-1", -2),
            ("-2", -2),
            ("2305843009213693951", 0),
            ("2305843009213693952", 1),
            ("2305843009213693953", 2),
            ("-2305843009213693952", -2),
            ("9223372036854775807", 3),
            ("-9223372036854775808", -4),
            ("18446744073709551616", 8),
            ("1000000000000000000000000000000", 465258685558744706),
            ("-1000000000000000000000000000000", -465258685558744706),
            ("1267650600228229401496703217721", 549755826233),
        ];
        for (s, h) in cases {
            let v: BigInt = s.parse().unwrap();
            assert_eq!(hash_bigint(&v), *h, "{}", s);
            if let Some(i) = v.to_i64() {
                assert_eq!(hash_i64(i), *h);
            }
        }
    }

    #[test]
    fn floats() {
        let cases: &[(f64, i64)] = &[
            (0.0, 0),
            (-0.0, 0),
            (1.5, 1152921504606846977),
            (-0.5, -1152921504606846976),
            (1e300, 1224995262755759164),
            (5e-324, 16777216),
            (0.1, 230584300921369408),
            (-2.5e-10, -699647011998930896),
            (1e16, 10000000000000000),
            (2.305843009213694e18, 1),
            (4.336808689942018e-19, 1),
            (1.7976931348623157e308, 2234066890152476671),
            (std::f64::consts::PI, 326490430436040707),
            (-1.0, -2),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
        ];
        for (x, h) in cases {
            assert_eq!(hash_f64(*x), Some(*h), "{}", x);
        }
        assert_eq!(hash_f64(f64::NAN), None);
        // hash(n) == hash(float(n))
        for i in [-5i64, 7, 1 << 53, -(1 << 60), 1 << 62, i64::MIN] {
            assert_eq!(hash_f64(i as f64), Some(hash_i64(i)));
        }
    }

    #[test]
    fn complexes() {
        let cases: &[(f64, f64, i64)] = &[
            (1.0, 2.0, 2000007),
            (-1.0, 0.0, -2),
            (0.0, 1.0, 1000003),
            (0.5, -1.5, -2305843009214693955),
            (1e300, 1e-300, -3889407508137364311),
            (f64::INFINITY, 1.0, 1314162),
            (-1.0, -1.0, -2000008),
        ];
        for (re, im, h) in cases {
            assert_eq!(hash_complex(*re, *im), Some(*h));
        }
        assert_eq!(hash_complex(1.0, f64::NAN), None);
    }

    #[test]
    fn tuples() {
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1, 2, 3]), 529344067295497451);
        assert_eq!(hash_tuple(&[1, hash_tuple(&[2, 3])]), 7267574591690527098);
        assert_eq!(hash_tuple(&[-2]), 8078679518589016365); // hash((-1,))
        assert_eq!(hash_tuple(&[1152921504606846977, 1]), 1767087712303363268);
        assert_eq!(hash_tuple(&[hash_tuple(&[])]), -5486347211504344842);
        // an item hash that makes the accumulator -1 (python3, via a custom __hash__)
        assert_eq!(hash_tuple(&[-8496733470247235670]), 1546275796);
    }
}
