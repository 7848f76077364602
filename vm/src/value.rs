//! The `Value` word: every Python value the interpreter handles is one NaN-boxed 64-bit word.
//!
//! Encoding (see ARCHITECTURE.md, decision 1):
//!
//! | bits                      | meaning                                                        |
//! |---------------------------|----------------------------------------------------------------|
//! | `< 0xFFF9 << 48`          | an `f64` (NaNs canonicalised to `0x7FF8_0000_0000_0000`)       |
//! | `0xFFF9 << 48 \| addr`    | pointer to a heap object (48-bit address)                      |
//! | `0xFFFA << 48 \| n`       | special constants (NULL, None, False, True, NotImplemented, …) |
//! | `>= 0xFFFC << 48`         | small int: signed 50-bit payload                               |
//!
//! Invariants: an int that fits in 50 bits is always stored small (every operation normalises), so two
//! equal ints are either both small or both big; `Value::NULL` never escapes to Python code (it marks
//! unbound locals and empty slots).

use weft_gc::Header;

/// One Python value (see the module documentation for the encoding).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(u64);

const PTR_TAG: u64 = 0xFFF9 << 48;
const SPECIAL_TAG: u64 = 0xFFFA << 48;
const INT_TAG: u64 = 0xFFFC << 48;
const ADDR_MASK: u64 = (1 << 48) - 1;
/// Number of payload bits of a small int.
pub const SMALL_INT_BITS: u32 = 50;
/// Largest small int.
pub const SMALL_INT_MAX: i64 = (1 << (SMALL_INT_BITS - 1)) - 1;
/// Smallest small int.
pub const SMALL_INT_MIN: i64 = -(1 << (SMALL_INT_BITS - 1));
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

impl Value {
    /// Marks an unbound local or an empty slot; never visible to Python code.
    pub const NULL: Value = Value(SPECIAL_TAG);
    pub const NONE: Value = Value(SPECIAL_TAG | 1);
    pub const FALSE: Value = Value(SPECIAL_TAG | 2);
    pub const TRUE: Value = Value(SPECIAL_TAG | 3);
    pub const NOT_IMPLEMENTED: Value = Value(SPECIAL_TAG | 4);
    pub const ELLIPSIS: Value = Value(SPECIAL_TAG | 5);

    /// The raw word (for the GC's conservative scan, hashing by identity, and the access layer).
    #[inline(always)]
    pub const fn bits(self) -> u64 {
        self.0
    }

    /// Rebuilds a value from a word produced by [`Value::bits`].
    #[inline(always)]
    pub const fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    #[inline(always)]
    pub fn float(x: f64) -> Value {
        if x.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(x.to_bits())
        }
    }

    #[inline(always)]
    pub fn is_float(self) -> bool {
        self.0 < PTR_TAG
    }

    #[inline(always)]
    pub fn as_float(self) -> f64 {
        f64::from_bits(self.0)
    }

    /// A small int value, if `i` fits in the small-int range.
    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value(INT_TAG | (i as u64 & ((1u64 << SMALL_INT_BITS) - 1))))
        } else {
            None
        }
    }

    /// A small int; the caller guarantees the range (used for lengths, indices and counts).
    #[inline(always)]
    pub fn small_int(i: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        Value(INT_TAG | (i as u64 & ((1u64 << SMALL_INT_BITS) - 1)))
    }

    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.0 >= INT_TAG
    }

    #[inline(always)]
    pub fn as_small_int(self) -> i64 {
        ((self.0 << (64 - SMALL_INT_BITS)) as i64) >> (64 - SMALL_INT_BITS)
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        (self.0 >> 48) == (PTR_TAG >> 48)
    }

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == Value::NULL.0
    }

    #[inline(always)]
    pub fn is_none(self) -> bool {
        self.0 == Value::NONE.0
    }

    #[inline(always)]
    pub fn is_special(self) -> bool {
        (self.0 >> 48) == (SPECIAL_TAG >> 48)
    }

    /// The heap object this value points to. Only meaningful when [`Value::is_ptr`].
    #[inline(always)]
    pub fn as_header_ptr(self) -> *const Header {
        (self.0 & ADDR_MASK) as usize as *const Header
    }

    /// A value pointing at a heap object.
    #[inline(always)]
    pub fn from_header_ptr(p: *const Header) -> Value {
        debug_assert!((p as u64) <= ADDR_MASK);
        Value(PTR_TAG | p as u64)
    }

    /// Decodes a word for the GC's conservative scan: a tagged pointer yields its address; any other
    /// word is offered as a raw address too (Rust locals may hold untagged object pointers).
    pub fn conservative_candidates(word: u64, out: &mut dyn FnMut(usize)) {
        if (word >> 48) == (PTR_TAG >> 48) {
            out((word & ADDR_MASK) as usize);
        } else if word != 0 && word <= ADDR_MASK {
            out(word as usize);
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_float() {
            write!(f, "Float({})", self.as_float())
        } else if self.is_small_int() {
            write!(f, "Int({})", self.as_small_int())
        } else if self.is_ptr() {
            write!(f, "Obj({:#x})", self.0 & ADDR_MASK)
        } else {
            match *self {
                Value::NULL => write!(f, "NULL"),
                Value::NONE => write!(f, "None"),
                Value::TRUE => write!(f, "True"),
                Value::FALSE => write!(f, "False"),
                Value::NOT_IMPLEMENTED => write!(f, "NotImplemented"),
                Value::ELLIPSIS => write!(f, "Ellipsis"),
                _ => write!(f, "Special({:#x})", self.0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [
            0,
            1,
            -1,
            42,
            -42,
            SMALL_INT_MAX,
            SMALL_INT_MIN,
            1 << 40,
            -(1 << 40),
        ] {
            let v = Value::try_small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_small_int(), i);
        }
        assert!(Value::try_small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::try_small_int(SMALL_INT_MIN - 1).is_none());
    }

    #[test]
    fn floats_round_trip() {
        for x in [
            0.0,
            -0.0,
            1.5,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            let v = Value::float(x);
            assert!(v.is_float());
            assert_eq!(v.as_float().to_bits(), x.to_bits());
        }
        let n = Value::float(-f64::NAN);
        assert!(n.is_float() && n.as_float().is_nan());
    }

    #[test]
    fn specials_are_distinct() {
        let all = [
            Value::NULL,
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::NOT_IMPLEMENTED,
            Value::ELLIPSIS,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(a.is_special() && !a.is_float() && !a.is_small_int() && !a.is_ptr());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn pointers_round_trip() {
        let p = 0x7f12_3456_7890usize as *const Header;
        let v = Value::from_header_ptr(p);
        assert!(v.is_ptr() && !v.is_float() && !v.is_small_int());
        assert_eq!(v.as_header_ptr(), p);
    }
}
