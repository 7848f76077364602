//! Runs every program of the differential corpus (`tests/python/*.py`) under the `weft` binary and
//! compares with what CPython 3.11 gave: stdout byte for byte with `<name>.out`; with `<name>.err`, the
//! exit status and the last non-empty stderr line; without it, exit status 0 (see tests/python/README.md).
//!
//! `tests/python/KNOWN_FAILURES` lists programs Weft does not pass yet, one per line with a reason after
//! `#`. The list may only shrink: a listed program that passes fails this test until it is removed, so
//! the file always tells the truth. Programs run in parallel (one per core) with a timeout each, once in
//! GIL mode and once with `--stm`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("python")
}

fn programs() -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(corpus_dir()).expect("tests/python exists") {
        let name = e.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".py") {
            if !stem.starts_with('_') && stem != "regen" {
                out.push(stem.to_string());
            }
        }
    }
    out.sort();
    out
}

fn known_failures() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus_dir().join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((n, why)) => (n.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// Runs one program; Err(reason) if its behaviour differs from CPython's.
fn check(name: &str, extra_args: &[&str]) -> Result<(), String> {
    let dir = corpus_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_weft"))
        .args(extra_args)
        .arg(format!("{name}.py"))
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start weft: {e}"))?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_t.join().unwrap();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap()).into_owned();
    let expected = std::fs::read(dir.join(format!("{name}.out"))).map_err(|e| e.to_string())?;
    let Some(code) = status.code() else {
        return Err(format!(
            "killed by a signal ({status}); stderr: {}",
            tail(&stderr)
        ));
    };
    if stderr.contains("panicked at") || stderr.contains("internal error") {
        return Err(format!("Rust panic: {}", tail(&stderr)));
    }
    if stdout != expected {
        return Err(format!(
            "stdout differs at byte {}: got {:?}, want {:?}; stderr: {}",
            first_diff(&stdout, &expected),
            snippet(&stdout, first_diff(&stdout, &expected)),
            snippet(&expected, first_diff(&stdout, &expected)),
            tail(&stderr)
        ));
    }
    let err_file = dir.join(format!("{name}.err"));
    let (want_code, want_last) = match std::fs::read_to_string(&err_file) {
        Ok(t) => {
            let mut lines = t.lines();
            let c = lines
                .next()
                .and_then(|l| l.strip_prefix("exit: "))
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let l = lines
                .next()
                .and_then(|l| l.strip_prefix("last: "))
                .unwrap_or("")
                .to_string();
            (c, Some(l))
        }
        Err(_) => (0, None),
    };
    if code != want_code {
        return Err(format!(
            "exit status {code}, want {want_code}; stderr: {}",
            tail(&stderr)
        ));
    }
    if let Some(want) = want_last {
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if last != want {
            return Err(format!("last stderr line {last:?}, want {want:?}"));
        }
    }
    Ok(())
}

fn first_diff(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .zip(b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()))
}

fn snippet(b: &[u8], at: usize) -> String {
    let lo = at.saturating_sub(30);
    let hi = (at + 50).min(b.len());
    String::from_utf8_lossy(&b[lo.min(hi)..hi]).into_owned()
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(3)..].join(" | ")
}

fn run_corpus(extra_args: &[&'static str]) {
    let names = programs();
    let known = known_failures();
    let queue = Arc::new(Mutex::new(names.clone()));
    let results: Arc<Mutex<BTreeMap<String, Result<(), String>>>> =
        Arc::new(Mutex::new(BTreeMap::new()));
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .max(2);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let q = Arc::clone(&queue);
        let r = Arc::clone(&results);
        let args: Vec<&'static str> = extra_args.to_vec();
        handles.push(std::thread::spawn(move || loop {
            let Some(n) = q.lock().unwrap().pop() else {
                break;
            };
            let res = check(&n, &args);
            r.lock().unwrap().insert(n, res);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
    let results = results.lock().unwrap();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut passed = 0;
    for (n, r) in results.iter() {
        match (r, known.contains_key(n)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => fixed.push(n.clone()),
            (Err(e), false) => unexpected.push(format!("{n}: {e}")),
            (Err(_), true) => {}
        }
    }
    let stale: Vec<&String> = known.keys().filter(|k| !results.contains_key(*k)).collect();
    eprintln!(
        "python corpus {:?}: {passed} passed, {} known failures, {} unexpected failures, {} newly passing",
        extra_args,
        known.len(),
        unexpected.len(),
        fixed.len()
    );
    assert!(
        stale.is_empty(),
        "KNOWN_FAILURES names programs that do not exist: {stale:?}"
    );
    assert!(
        fixed.is_empty(),
        "these programs now pass: remove them from tests/python/KNOWN_FAILURES: {fixed:?}"
    );
    assert!(
        unexpected.is_empty(),
        "failures:\n{}",
        unexpected.join("\n")
    );
}

#[test]
fn corpus_under_gil() {
    run_corpus(&[]);
}

/// The same corpus under `--stm`: whatever a program prints there must be something it could print under
/// the GIL (design.md §3). A single-threaded program runs exclusive there (no barriers while it is the
/// only thread), so the corpus also runs with `--stm-no-exclusive`: every access a barrier.
#[test]
fn corpus_under_stm() {
    run_corpus(&["--stm"]);
}

#[test]
fn corpus_under_stm_with_barriers() {
    run_corpus(&["--stm-no-exclusive"]);
}
