//! Weft's text layer: Python `str`/`bytes` algorithms on Rust `str`/`[u8]`,
//! `repr`, codecs and Unicode character predicates. Self-contained: it knows
//! nothing of VM objects, and every index in its API is a code-point index
//! (Python semantics), never a byte offset. Errors are `TextError`s, which
//! the VM turns into the matching Python exception.

mod bytesmisc;
pub mod bytesops;
pub mod codecs;
pub mod repr;
mod strcase;
mod strmisc;
pub mod strops;
#[rustfmt::skip]
mod tables;
pub mod unicode;
pub mod wide;

pub use wide::Text;

/// An error a text operation raises; each variant names the Python exception.
#[derive(Debug, Clone, PartialEq)]
pub enum TextError {
    /// `ValueError(msg)`.
    Value(String),
    /// `TypeError(msg)`.
    Type(String),
    /// `UnicodeDecodeError(encoding, object, start, end, reason)`.
    UnicodeDecode {
        encoding: String,
        start: usize,
        end: usize,
        reason: String,
        object: Vec<u8>,
    },
    /// `UnicodeEncodeError(encoding, object, start, end, reason)`; `start`
    /// and `end` are code-point indices into `object`.
    UnicodeEncode {
        encoding: String,
        start: usize,
        end: usize,
        reason: String,
        object: Text,
    },
    /// `LookupError(msg)`.
    Lookup(String),
    /// `OverflowError(msg)`.
    Overflow(String),
    /// `MemoryError()` (no message), e.g. `'ab' * 10**18`.
    Memory,
}

impl TextError {
    /// The Python exception's class name.
    pub fn kind(&self) -> &'static str {
        match self {
            TextError::Value(_) => "ValueError",
            TextError::Type(_) => "TypeError",
            TextError::UnicodeDecode { .. } => "UnicodeDecodeError",
            TextError::UnicodeEncode { .. } => "UnicodeEncodeError",
            TextError::Lookup(_) => "LookupError",
            TextError::Overflow(_) => "OverflowError",
            TextError::Memory => "MemoryError",
        }
    }

    /// The exception's `str()`, exactly as CPython 3.11 formats it.
    pub fn message(&self) -> String {
        match self {
            TextError::Value(m)
            | TextError::Type(m)
            | TextError::Lookup(m)
            | TextError::Overflow(m) => m.clone(),
            TextError::Memory => String::new(),
            TextError::UnicodeDecode {
                encoding,
                start,
                end,
                reason,
                object,
            } => {
                if *start < object.len() && *end == *start + 1 {
                    format!(
                        "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                        object[*start]
                    )
                } else {
                    format!(
                        "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                        end.wrapping_sub(1)
                    )
                }
            }
            TextError::UnicodeEncode {
                encoding,
                start,
                end,
                reason,
                object,
            } => {
                let ch = object.char_at(*start);
                match ch {
                    Some(cp) if *end == *start + 1 => {
                        let esc = if cp <= 0xff {
                            format!("\\x{cp:02x}")
                        } else if cp <= 0xffff {
                            format!("\\u{cp:04x}")
                        } else {
                            format!("\\U{cp:08x}")
                        };
                        format!(
                            "'{encoding}' codec can't encode character '{esc}' in position {start}: {reason}"
                        )
                    }
                    _ => format!(
                        "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
                        end.wrapping_sub(1)
                    ),
                }
            }
        }
    }
}

impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind(), self.message())
    }
}

impl std::error::Error for TextError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        // python3: b'\xff'.decode('utf-8') etc.
        let e = TextError::UnicodeDecode {
            encoding: "utf-8".into(),
            start: 0,
            end: 1,
            reason: "invalid start byte".into(),
            object: vec![0xff],
        };
        assert_eq!(
            e.message(),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        let e = TextError::UnicodeDecode {
            encoding: "utf-8".into(),
            start: 0,
            end: 2,
            reason: "invalid continuation byte".into(),
            object: vec![0xf0, 0x90, 0x41],
        };
        assert_eq!(
            e.message(),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        let e = TextError::UnicodeEncode {
            encoding: "ascii".into(),
            start: 1,
            end: 2,
            reason: "ordinal not in range(128)".into(),
            object: "aé".into(),
        };
        assert_eq!(
            e.message(),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"
        );
        let e = TextError::UnicodeEncode {
            encoding: "latin-1".into(),
            start: 0,
            end: 2,
            reason: "ordinal not in range(256)".into(),
            object: "€😀".into(),
        };
        assert_eq!(
            e.message(),
            "'latin-1' codec can't encode characters in position 0-1: ordinal not in range(256)"
        );
        let e = TextError::UnicodeEncode {
            encoding: "ascii".into(),
            start: 0,
            end: 1,
            reason: "ordinal not in range(128)".into(),
            object: "😀".into(),
        };
        assert!(e.message().contains("'\\U0001f600'"));
        assert_eq!(TextError::Memory.kind(), "MemoryError");
        assert_eq!(TextError::Value("x".into()).to_string(), "ValueError: x");
    }
}
