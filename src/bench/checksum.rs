//! Checksum lines: every suite program prints `checksum: VALUE`; each run's value is compared with
//! the reference (the 1-thread GIL run of Weft for that program).

/// The value of the last `checksum:` line of `stdout`, trimmed; `None` if there is none.
pub fn extract(stdout: &str) -> Option<String> {
    stdout
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("checksum:"))
        .map(|v| v.trim().to_string())
}

/// Outcome of checking one run's output against the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Same checksum as the reference.
    Match,
    /// A checksum, but a different one: a wrong answer.
    Mismatch { expected: String, got: String },
    /// No `checksum:` line in the output.
    Missing,
}

/// Compares the checksum printed in `stdout` with `reference`.
pub fn verify(reference: &str, stdout: &str) -> Verdict {
    match extract(stdout) {
        None => Verdict::Missing,
        Some(got) if got == reference => Verdict::Match,
        Some(got) => Verdict::Mismatch {
            expected: reference.to_string(),
            got,
        },
    }
}
