//! Command-line parsing of `weft bench` (no argument-parsing crate: a handful of options).

use std::path::PathBuf;

pub const USAGE: &str = "usage: weft bench [PROGRAMS...] [--threads 1,2,4] [--modes gil,stm]
                  [--compare python3,pypy3] [--repeat N] [--warmup K] [--out DIR] [--quick]
                  [--suite DIR] [--timeout SECS]
       weft bench compare OLD.json NEW.json [--threshold PCT]
       weft bench report RESULTS.json [--out DIR]
Runs the threaded suite of benches/python (all of it when no PROGRAMS are given) under Weft in
each mode and under each --compare interpreter found on PATH, and writes results.md, results.json
and SVG plots to --out (default bench-results/). --quick: small sizes, threads 1,2, repeat 3,
warmup 1 (unless given explicitly). `compare` lists the points that got slower or changed
status; `report` re-renders results.md and the plots of a saved run.";

/// A parsed `weft bench` run.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub programs: Vec<String>,
    pub threads: Vec<u32>,
    pub modes: Vec<String>,
    pub compare: Vec<String>,
    pub repeat: u32,
    pub warmup: u32,
    pub out: PathBuf,
    pub quick: bool,
    pub suite: Option<PathBuf>,
    pub timeout_s: u64,
}

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn number<T: std::str::FromStr>(opt: &str, v: &str) -> Result<T, String> {
    v.parse()
        .map_err(|_| format!("{opt}: '{v}' is not a valid number"))
}

/// Parses the arguments after `bench`.
pub fn parse(args: &[String]) -> Result<Config, String> {
    let mut programs = Vec::new();
    let (mut threads, mut repeat, mut warmup) = (None, None, None);
    let mut modes = vec!["gil".to_string(), "stm".to_string()];
    let mut compare = vec!["python3".to_string(), "pypy3".to_string()];
    let mut out = PathBuf::from("bench-results");
    let mut quick = false;
    let mut suite = None;
    let mut timeout = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k, Some(v.to_string())),
            _ => (a, None),
        };
        let takes_value = matches!(
            key,
            "--threads"
                | "--modes"
                | "--compare"
                | "--repeat"
                | "--warmup"
                | "--out"
                | "--suite"
                | "--timeout"
        );
        let value = if takes_value {
            match inline {
                Some(v) => v,
                None => {
                    i += 1;
                    args.get(i).cloned().ok_or(format!("{key} needs a value"))?
                }
            }
        } else {
            String::new()
        };
        match key {
            "--threads" => {
                let mut t = Vec::new();
                for s in list(&value) {
                    let n: u32 = number("--threads", &s)?;
                    if n == 0 {
                        return Err("--threads: counts must be >= 1".into());
                    }
                    t.push(n);
                }
                t.sort_unstable();
                t.dedup();
                threads = Some(t);
            }
            "--modes" => {
                modes = list(&value);
                if let Some(m) = modes.iter().find(|m| *m != "gil" && *m != "stm") {
                    return Err(format!("--modes: unknown mode '{m}' (gil, stm)"));
                }
            }
            "--compare" => compare = list(&value).into_iter().filter(|c| c != "none").collect(),
            "--repeat" => repeat = Some(number::<u32>("--repeat", &value)?.max(1)),
            "--warmup" => warmup = Some(number("--warmup", &value)?),
            "--out" => out = PathBuf::from(value),
            "--suite" => suite = Some(PathBuf::from(value)),
            "--timeout" => timeout = Some(number("--timeout", &value)?),
            "--quick" => quick = true,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            p => programs.push(p.to_string()),
        }
        i += 1;
    }
    let mut threads = threads.unwrap_or(if quick { vec![1, 2] } else { vec![1, 2, 4] });
    if !threads.contains(&1) {
        threads.insert(0, 1); // scaling is relative to the 1-thread point
    }
    Ok(Config {
        programs,
        threads,
        modes,
        compare,
        repeat: repeat.unwrap_or(if quick { 3 } else { 5 }),
        warmup: warmup.unwrap_or(1),
        out,
        quick,
        suite,
        timeout_s: timeout.unwrap_or(if quick { 120 } else { 900 }),
    })
}
