//! Running one benchmark process and measuring it: wall time (spawn to exit, measured here), peak
//! RSS (Weft: `WEFT_PEAK_RSS=1`, which makes it print `weft: peak RSS N KiB` on stderr at exit;
//! other interpreters: GNU `/usr/bin/time -f %M` when installed, else not measured), the checksum
//! line, and the `--stm-stats` counters when present. A watchdog kills a run past its timeout.

use super::results::StmStats;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How to launch an interpreter.
#[derive(Debug, Clone)]
pub struct Launcher {
    pub exe: String,
    /// Options before the program path (`--stm`, `--stm-stats`).
    pub pre_args: Vec<String>,
    pub is_weft: bool,
    /// GNU time, used for peak RSS of non-Weft interpreters.
    pub gnu_time: Option<String>,
}

/// What one run produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub wall_s: f64,
    pub success: bool,
    pub timed_out: bool,
    pub stdout: String,
    pub stderr: String,
    pub peak_rss_kib: Option<u64>,
    pub stm: Option<StmStats>,
}

impl Outcome {
    /// The last non-empty stderr line (for failure notes).
    pub fn last_error(&self) -> String {
        if self.timed_out {
            return "timed out".into();
        }
        self.stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("exited with an error")
            .trim()
            .to_string()
    }
}

/// Runs `program THREADS [SIZE]` once.
pub fn run(
    l: &Launcher,
    program: &Path,
    threads: u32,
    size: Option<u64>,
    timeout: Duration,
) -> Outcome {
    let rss_file = std::env::temp_dir().join(format!("weft-bench-rss-{}", std::process::id()));
    let mut cmd = match (&l.gnu_time, l.is_weft) {
        (Some(t), false) => {
            let mut c = Command::new(t);
            c.arg("-q")
                .arg("-f")
                .arg("%M")
                .arg("-o")
                .arg(&rss_file)
                .arg(&l.exe);
            c
        }
        _ => Command::new(&l.exe),
    };
    cmd.args(&l.pre_args).arg(program).arg(threads.to_string());
    if let Some(s) = size {
        cmd.arg(s.to_string());
    }
    if l.is_weft {
        cmd.env("WEFT_PEAK_RSS", "1");
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                wall_s: 0.0,
                success: false,
                timed_out: false,
                stdout: String::new(),
                stderr: format!("cannot start {}: {e}", l.exe),
                peak_rss_kib: None,
                stm: None,
            }
        }
    };
    let done = Arc::new(AtomicBool::new(false));
    let fired = Arc::new(AtomicBool::new(false));
    let watchdog = {
        let (done, fired, pid) = (done.clone(), fired.clone(), child.id());
        std::thread::spawn(move || {
            let deadline = Instant::now() + timeout;
            while !done.load(Ordering::Acquire) {
                if Instant::now() >= deadline {
                    fired.store(true, Ordering::Release);
                    let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let out = child.wait_with_output();
    let wall_s = start.elapsed().as_secs_f64();
    done.store(true, Ordering::Release);
    let _ = watchdog.join();
    let (success, stdout, stderr) = match out {
        Ok(o) => (
            o.status.success(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        ),
        Err(e) => (false, String::new(), e.to_string()),
    };
    let (stderr, mut peak) = if l.is_weft {
        take_weft_rss(&stderr)
    } else {
        (stderr, None)
    };
    if l.gnu_time.is_some() && !l.is_weft {
        peak = std::fs::read_to_string(&rss_file)
            .ok()
            .and_then(|t| t.lines().rev().find_map(|x| x.trim().parse().ok()));
        let _ = std::fs::remove_file(&rss_file);
    }
    let stm = parse_stm_stats(&stderr);
    Outcome {
        wall_s,
        success,
        timed_out: fired.load(Ordering::Acquire),
        stdout,
        stderr,
        peak_rss_kib: peak,
        stm,
    }
}

/// Removes Weft's `weft: peak RSS N KiB` line from `stderr` and returns its value.
pub fn take_weft_rss(stderr: &str) -> (String, Option<u64>) {
    let mut kib = None;
    let mut rest = String::new();
    for line in stderr.lines() {
        let v = line
            .strip_prefix("weft: peak RSS ")
            .and_then(|r| r.strip_suffix(" KiB"))
            .and_then(|n| n.trim().parse().ok());
        match v {
            Some(n) => kib = Some(n),
            None => {
                rest.push_str(line);
                rest.push('\n');
            }
        }
    }
    (rest, kib)
}

fn num(tok: &str) -> Option<f64> {
    let t = tok.trim_matches(|c: char| !(c.is_ascii_digit() || c == '.'));
    t.parse().ok()
}

/// Parses the `--stm-stats` report: the exact format of this Weft (`parse_stm_report`), else
/// loosely (`parse_stm_loose`, for other report wordings).
pub fn parse_stm_stats(stderr: &str) -> Option<StmStats> {
    parse_stm_report(stderr).or_else(|| parse_stm_loose(stderr))
}

/// Splits `key: value [unit] key: value [unit]...` (keys may be several words) into
/// (key, value in ms if the unit is a time, else as is) pairs.
fn labelled(text: &str) -> Option<Vec<(String, f64)>> {
    let mut out = Vec::new();
    let mut key = Vec::new();
    let mut toks = text.split_whitespace().peekable();
    while let Some(t) = toks.next() {
        match t.strip_suffix(':') {
            Some(k) => {
                key.push(k);
                let v: f64 = toks.next()?.parse().ok()?;
                let v = match toks.peek() {
                    Some(&"ms") => {
                        toks.next();
                        v
                    }
                    Some(&"s") => {
                        toks.next();
                        v * 1000.0
                    }
                    _ => v,
                };
                out.push((key.join(" "), v));
                key.clear();
            }
            None => key.push(t),
        }
    }
    key.is_empty().then_some(out)
}

/// Parses Weft's `--stm-stats` report, the lines
///
/// ```text
/// stm: commits: 239 aborts: 0 inevitable: 73 time lost: 0.0 ms waits: 600.2 ms inevitable time: 346.4 ms threads: 3
/// stm: aborts by cause: read-locked 0, write-locked 0, validation 0, inevitable 0, killed 0, yield 0
/// ```
///
/// (the per-thread `stm: thread N: ...` lines are not used). `None` unless the first line is there
/// with at least `commits` and `aborts`; the last such report in `stderr` counts.
pub fn parse_stm_report(stderr: &str) -> Option<StmStats> {
    let line = stderr.lines().rev().find_map(|l| {
        l.trim()
            .strip_prefix("stm: ")
            .filter(|r| r.starts_with("commits:"))
    })?;
    let kv = labelled(line)?;
    let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| *v);
    let count = |k: &str| {
        get(k)
            .filter(|v| *v >= 0.0 && v.fract() == 0.0)
            .map(|v| v as u64)
    };
    let mut s = StmStats {
        commits: count("commits")?,
        aborts: count("aborts")?,
        time_lost_ms: get("time lost").unwrap_or(0.0),
        inevitable: count("inevitable"),
        waits_ms: get("waits"),
        inevitable_ms: get("inevitable time"),
        threads: count("threads").map(|n| n as u32),
        aborts_by_cause: None,
    };
    let causes = stderr
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("stm: aborts by cause:"));
    if let Some(c) = causes {
        let mut v = Vec::new();
        for part in c.split(',') {
            let (name, n) = part.trim().rsplit_once(' ')?;
            v.push((name.trim().to_string(), n.parse().ok()?));
        }
        s.aborts_by_cause = Some(v);
    }
    Some(s)
}

/// Parses a `--stm-stats` report loosely: the number attached to the words `commits`, `aborts`
/// and `lost`, written either `word: N` / `word=N` or `N word` (e.g. `commits: 120 aborts: 3 time
/// lost: 1.5 ms`, or `120 commits, 3 aborts, 0.25 s lost`); a time in seconds (`s` unit) is
/// converted to ms. `None` unless both commits and aborts appear.
pub fn parse_stm_loose(stderr: &str) -> Option<StmStats> {
    let toks: Vec<&str> = stderr.split_whitespace().collect();
    let is_unit = |t: &str| matches!(t.trim_matches(|c: char| !c.is_alphabetic()), "s" | "ms");
    let secs_unit = |j: usize| {
        let inline = toks[j].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
        let u = if inline.trim_matches(',').is_empty() {
            toks.get(j + 1).copied().unwrap_or("")
        } else {
            inline
        };
        u.trim_matches(|c: char| !c.is_alphabetic()) == "s"
    };
    let near = |key: &str| -> Option<(f64, bool)> {
        let i = toks.iter().position(|t| {
            t.to_ascii_lowercase()
                .trim_matches(|c: char| !c.is_alphabetic())
                .starts_with(key)
        })?;
        let tok = toks[i];
        if let Some((_, v)) = tok.split_once(['=', ':']) {
            if let Some(x) = num(v).filter(|_| v.chars().any(|c| c.is_ascii_digit())) {
                return Some((x, secs_unit(i)));
            }
        }
        let labelled = tok.ends_with(':') || tok.ends_with('=');
        let j = if labelled {
            i + 1
        } else if i >= 1 && num(toks[i - 1]).is_some() {
            i - 1
        } else if i >= 2 && is_unit(toks[i - 1]) && num(toks[i - 2]).is_some() {
            i - 2
        } else {
            i + 1
        };
        let v = num(toks.get(j)?)?;
        Some((v, secs_unit(j)))
    };
    let (commits, _) = near("commit")?;
    let (aborts, _) = near("abort")?;
    let lost = near("lost")
        .map(|(v, secs)| if secs { v * 1000.0 } else { v })
        .unwrap_or(0.0);
    Some(StmStats {
        commits: commits as u64,
        aborts: aborts as u64,
        time_lost_ms: lost,
        ..StmStats::default()
    })
}
