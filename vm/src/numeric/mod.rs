//! Numeric support for the VM: CPython-exact float/int/complex text conversion,
//! hashing, arithmetic corner cases and the two string-formatting mini-languages.
//!
//! This tree is self-contained (it depends only on `num-bigint`, `num-traits`
//! and `num-integer`); every function reports Python-level failures as a
//! [`NumError`] which the caller turns into the corresponding exception.

pub mod arith;
pub mod float_repr;
pub mod format_spec;
pub mod hash;
pub mod parse;
pub mod printf;

/// A Python-level error the caller turns into an exception of the named class with this message.
#[derive(Debug, Clone, PartialEq)]
pub enum NumError {
    /// `ValueError(msg)`
    Value(String),
    /// `OverflowError(msg)`
    Overflow(String),
    /// `ZeroDivisionError(msg)`
    ZeroDivision(String),
    /// `TypeError(msg)`
    Type(String),
}

impl NumError {
    /// The message carried by the error, whatever its class.
    pub fn message(&self) -> &str {
        match self {
            NumError::Value(m)
            | NumError::Overflow(m)
            | NumError::ZeroDivision(m)
            | NumError::Type(m) => m,
        }
    }
}
