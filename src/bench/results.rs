//! The JSON result file of `weft bench` (schema documented in benches/README.md, "weft bench"): the data model,
//! saving, loading and validation. `SCHEMA_VERSION` changes whenever a field changes meaning or
//! a required field is added; readers reject other versions.

use super::stats::Summary;
use serde::{Deserialize, Serialize};

/// Identifies a weft bench result file.
pub const SCHEMA_NAME: &str = "weft-bench";
/// Version of the layout below.
pub const SCHEMA_VERSION: u32 = 1;

/// One whole `weft bench` run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub schema: String,
    pub schema_version: u32,
    /// Seconds since the Unix epoch when the run started.
    pub created_unix: u64,
    pub host: Host,
    pub config: RunConfig,
    pub interpreters: Vec<Interpreter>,
    pub programs: Vec<ProgramInfo>,
    pub points: Vec<Point>,
    /// Wall time of the whole run, seconds.
    pub elapsed_s: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Host {
    pub cpus: u32,
    pub os: String,
    /// `/proc/loadavg` at the start (1, 5, 15 minutes), when readable.
    pub load_avg: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunConfig {
    pub threads: Vec<u32>,
    pub modes: Vec<String>,
    pub compare: Vec<String>,
    pub repeat: u32,
    pub warmup: u32,
    pub quick: bool,
}

/// An interpreter that was requested; `available == false` means it was skipped (see `note`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interpreter {
    pub name: String,
    pub path: Option<String>,
    pub version: Option<String>,
    pub available: bool,
    /// For Weft: whether `--stm` really runs transactions (false while it falls back to the GIL).
    pub stm_available: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramInfo {
    pub name: String,
    /// "macro" (fixed total work, scaling = T1/TN) or "micro" (weak scaling, T1·N/TN).
    pub kind: String,
    pub size: u64,
    /// Checksum of the 1-thread GIL run of Weft; `None` if that run failed.
    pub reference_checksum: Option<String>,
}

/// Status of one point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every run printed the reference checksum.
    Ok,
    /// Some run printed another checksum: reported, never plotted.
    Wrong,
    /// Some run exited non-zero, timed out or printed no checksum.
    Failed,
    /// The mode does not exist yet (Weft `--stm` before issue 4): no numbers.
    Unavailable,
}

/// STM statistics parsed from `--stm-stats` (summed over the timed runs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StmStats {
    pub commits: u64,
    pub aborts: u64,
    pub time_lost_ms: f64,
}

/// One (program, interpreter, mode, threads) measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub program: String,
    pub interpreter: String,
    /// "gil" or "stm" (other interpreters: always "gil", their normal mode).
    pub mode: String,
    pub threads: u32,
    pub status: Status,
    pub note: Option<String>,
    /// Wall time of each timed run, seconds (warm-up runs excluded).
    pub runs_s: Vec<f64>,
    pub time_s: Option<Summary>,
    /// Largest peak RSS over the timed runs, KiB; `None` when it could not be measured.
    pub peak_rss_kib: Option<u64>,
    /// Scaling vs the 1-thread point of the same interpreter and mode (see `ProgramInfo::kind`).
    pub scaling: Option<f64>,
    pub stm: Option<StmStats>,
    /// Micro-patterns only: minimum wall time of the same command with SIZE 0 (start-up, imports,
    /// thread start/join); `scaling` uses min(runs) minus this (null when that is not clearly
    /// above noise: under a quarter of the start-up time).
    pub startup_s: Option<f64>,
}

impl Results {
    /// The point for the given coordinates, if measured.
    pub fn point(&self, program: &str, interp: &str, mode: &str, threads: u32) -> Option<&Point> {
        self.points.iter().find(|p| {
            p.program == program
                && p.interpreter == interp
                && p.mode == mode
                && p.threads == threads
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("results serialise")
    }

    /// Parses and validates a result file's text.
    pub fn from_json(text: &str) -> Result<Results, String> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        match v.get("schema").and_then(|s| s.as_str()) {
            Some(SCHEMA_NAME) => {}
            _ => {
                return Err(format!(
                    "not a {SCHEMA_NAME} result file (no \"schema\" field)"
                ))
            }
        }
        match v.get("schema_version").and_then(|s| s.as_u64()) {
            Some(n) if n == SCHEMA_VERSION as u64 => {}
            Some(n) => {
                return Err(format!(
                    "schema_version {n} (this weft reads {SCHEMA_VERSION})"
                ))
            }
            None => return Err("missing schema_version".into()),
        }
        let r: Results = serde_json::from_value(v).map_err(|e| e.to_string())?;
        r.validate()?;
        Ok(r)
    }

    /// Consistency rules beyond the types: ok points have times, unavailable points none.
    pub fn validate(&self) -> Result<(), String> {
        for p in &self.points {
            let at = format!("{}/{}/{}/{}t", p.program, p.interpreter, p.mode, p.threads);
            match p.status {
                Status::Ok if p.time_s.is_none() || p.runs_s.is_empty() => {
                    return Err(format!("{at}: status ok without times"))
                }
                Status::Unavailable if !p.runs_s.is_empty() || p.time_s.is_some() => {
                    return Err(format!("{at}: unavailable point with times"))
                }
                _ => {}
            }
            if p.threads == 0 {
                return Err(format!("{at}: threads must be >= 1"));
            }
        }
        Ok(())
    }

    pub fn load(path: &str) -> Result<Results, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        Results::from_json(&text).map_err(|e| format!("{path}: {e}"))
    }
}
