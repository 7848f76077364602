//! The JSON result file of `weft bench` (schema documented in benches/README.md, "weft bench"): the data model,
//! saving, loading and validation, and the derived `stm_vs_gil` section. `SCHEMA_VERSION` (major)
//! changes whenever a field changes meaning or a required field is added, and readers reject other
//! majors; `SCHEMA_MINOR` grows when optional fields are added (readers of this major fill the
//! fields an older minor lacks with null / empty).

use super::stats::Summary;
use serde::{Deserialize, Serialize};

/// Identifies a weft bench result file.
pub const SCHEMA_NAME: &str = "weft-bench";
/// Major version of the layout below.
pub const SCHEMA_VERSION: u32 = 1;
/// Minor version: 1 added `schema_minor`, the detailed `StmStats` fields and `stm_vs_gil`.
pub const SCHEMA_MINOR: u32 = 1;

/// One whole `weft bench` run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub schema: String,
    pub schema_version: u32,
    /// Absent (0) in files written before minor 1.
    #[serde(default)]
    pub schema_minor: u32,
    /// Seconds since the Unix epoch when the run started.
    pub created_unix: u64,
    pub host: Host,
    pub config: RunConfig,
    pub interpreters: Vec<Interpreter>,
    pub programs: Vec<ProgramInfo>,
    pub points: Vec<Point>,
    /// Weft `--stm` against Weft with the GIL, one entry per program (derived from `points` by
    /// `fill_derived`; empty in minor-0 files until re-derived).
    #[serde(default)]
    pub stm_vs_gil: Vec<StmVsGil>,
    /// Wall time of the whole run, seconds.
    pub elapsed_s: f64,
}

/// STM overhead and speed-up of one program, from median wall times of `ok` points of Weft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StmVsGil {
    pub program: String,
    /// "macro" or "micro" (see `ProgramInfo::kind`).
    pub kind: String,
    pub gil_t1_s: Option<f64>,
    pub stm_t1_s: Option<f64>,
    /// `stm_t1_s / gil_t1_s`: the cost of running as transactions on one thread (1 = none).
    pub overhead: Option<f64>,
    /// One entry per thread count N > 1 of the run.
    pub speedup: Vec<StmSpeedup>,
}

/// `--stm` at N threads against the GIL at 1 thread, same total work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StmSpeedup {
    pub threads: u32,
    pub stm_s: Option<f64>,
    /// Macro programs (fixed total work): `gil_t1_s / stm_s` (> 1: the parallel transactional run
    /// beats the sequential GIL one). Micro-patterns do N times the work at N threads, so their
    /// entry is the throughput ratio `gil_t1_s * N / stm_s` (median times, start-up included).
    pub gil1_over_stm: Option<f64>,
    /// Aborts / commits of the stm N-thread point (summed over its timed runs), when reported.
    pub abort_rate: Option<f64>,
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

/// STM statistics parsed from `--stm-stats` (summed over the timed runs). The fields after
/// `time_lost_ms` (schema minor 1) are null when the binary's report does not give them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StmStats {
    pub commits: u64,
    pub aborts: u64,
    pub time_lost_ms: f64,
    /// Transactions that became inevitable (irrevocable operations, long waits).
    #[serde(default)]
    pub inevitable: Option<u64>,
    /// Time threads spent waiting (for the inevitable token, for a GC pause...), ms.
    #[serde(default)]
    pub waits_ms: Option<f64>,
    /// Time spent in inevitable transactions, ms.
    #[serde(default)]
    pub inevitable_ms: Option<f64>,
    /// Largest number of threads the run reported.
    #[serde(default)]
    pub threads: Option<u32>,
    /// Aborts per cause (`read-locked`, `write-locked`, `validation`, `inevitable`, `killed`,
    /// `yield`), in the binary's order.
    #[serde(default)]
    pub aborts_by_cause: Option<Vec<(String, u64)>>,
}

impl StmStats {
    /// Adds another run's counters (a field stays null only if it is null in both).
    pub fn add(&mut self, o: &StmStats) {
        fn opt<T: std::ops::Add<Output = T> + Copy>(a: Option<T>, b: Option<T>) -> Option<T> {
            match (a, b) {
                (Some(x), Some(y)) => Some(x + y),
                (x, None) => x,
                (None, y) => y,
            }
        }
        self.commits += o.commits;
        self.aborts += o.aborts;
        self.time_lost_ms += o.time_lost_ms;
        self.inevitable = opt(self.inevitable, o.inevitable);
        self.waits_ms = opt(self.waits_ms, o.waits_ms);
        self.inevitable_ms = opt(self.inevitable_ms, o.inevitable_ms);
        self.threads = self.threads.max(o.threads);
        if let Some(theirs) = &o.aborts_by_cause {
            let mine = self.aborts_by_cause.get_or_insert_with(Vec::new);
            for (k, v) in theirs {
                match mine.iter_mut().find(|(m, _)| m == k) {
                    Some((_, n)) => *n += v,
                    None => mine.push((k.clone(), *v)),
                }
            }
        }
    }
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

    /// Recomputes the derived sections (`stm_vs_gil`) from the points.
    pub fn fill_derived(&mut self) {
        self.stm_vs_gil = stm_vs_gil(self);
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
        let mut r: Results = serde_json::from_value(v).map_err(|e| e.to_string())?;
        if r.schema_minor < 1 {
            r.fill_derived();
        }
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

/// Median of an `ok` Weft point.
fn weft_median(r: &Results, program: &str, mode: &str, threads: u32) -> Option<f64> {
    r.point(program, "weft", mode, threads)
        .filter(|p| p.status == Status::Ok)
        .and_then(|p| p.time_s)
        .map(|t| t.median)
}

/// The `stm_vs_gil` section: for every program with a Weft GIL or stm point, the 1-thread
/// overhead of `--stm` and, for each thread count N > 1, `--stm` at N threads against the GIL at 1
/// thread (see `StmSpeedup`). Empty when the run measured no stm point (none, or all
/// `unavailable`).
pub fn stm_vs_gil(r: &Results) -> Vec<StmVsGil> {
    if !r
        .points
        .iter()
        .any(|p| p.interpreter == "weft" && p.mode == "stm" && p.status != Status::Unavailable)
    {
        return Vec::new();
    }
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 && a.is_finite() && b.is_finite() => Some(a / b),
        _ => None,
    };
    r.programs
        .iter()
        .map(|prog| {
            let micro = prog.kind == "micro";
            let gil1 = weft_median(r, &prog.name, "gil", 1);
            let stm1 = weft_median(r, &prog.name, "stm", 1);
            let speedup = r
                .config
                .threads
                .iter()
                .filter(|&&n| n > 1)
                .map(|&n| {
                    let stm_s = weft_median(r, &prog.name, "stm", n);
                    let work = if micro { n as f64 } else { 1.0 };
                    let abort_rate = r
                        .point(&prog.name, "weft", "stm", n)
                        .filter(|p| p.status == Status::Ok)
                        .and_then(|p| p.stm.as_ref())
                        .filter(|s| s.commits > 0)
                        .map(|s| s.aborts as f64 / s.commits as f64);
                    StmSpeedup {
                        threads: n,
                        stm_s,
                        gil1_over_stm: ratio(gil1.map(|g| g * work), stm_s),
                        abort_rate,
                    }
                })
                .collect();
            StmVsGil {
                program: prog.name.clone(),
                kind: prog.kind.clone(),
                gil_t1_s: gil1,
                stm_t1_s: stm1,
                overhead: ratio(stm1, gil1),
                speedup,
            }
        })
        .collect()
}
