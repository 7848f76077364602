//! Summary statistics of repeated wall-time measurements: median, minimum and maximum.
//!
//! The median of an even number of samples is the mean of the two middle ones. Non-finite samples
//! are rejected (a run that did not produce a time is a failed run, not a sample).

use serde::{Deserialize, Serialize};

/// Median, minimum and maximum of a set of samples (seconds).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// Summarises `samples`; `None` when there is no sample or one is NaN/infinite.
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    if samples.is_empty() || samples.iter().any(|s| !s.is_finite()) {
        return None;
    }
    let mut v = samples.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some(Summary {
        median,
        min: v[0],
        max: v[n - 1],
    })
}

/// Scaling of a point relative to its 1-thread point. Fixed-total-work programs: T1/TN.
/// Weak-scaling micro-patterns (every thread does SIZE work): T1·N/TN. Ideal is N for both.
pub fn scaling(t1: f64, tn: f64, threads: u32, weak: bool) -> Option<f64> {
    if !(t1 > 0.0 && tn > 0.0) {
        return None;
    }
    let work = if weak { threads as f64 } else { 1.0 };
    Some(t1 * work / tn)
}
