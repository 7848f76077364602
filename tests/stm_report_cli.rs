//! End-to-end check of `weft stm-report` on a synthetic conflict log (the format `weft --stm` writes
//! with `WEFT_STM_LOG=FILE`, docs/stm-log.md): the tables, `--top`, `--json`, stdin, malformed
//! lines reported on stderr without failing, an empty log, and exit status 1 for a missing file.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn weft() -> Command {
    Command::new(env!("CARGO_BIN_EXE_weft"))
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "weft-stm-report-test-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Two threads fighting over a counter (line 12 against line 30), a validation abort, a wait for
/// the inevitable token, one line of an unknown kind, one garbage line and one cut short.
const LOG: &str = r#"{"t_ns": 1000, "thread": 2, "cause": "write-locked", "lost_ns": 52000, "here": "prog.py:12", "other": "prog.py:30", "other_thread": 3}
{"t_ns": 2000, "thread": 3, "cause": "write-locked", "lost_ns": 48000, "here": "prog.py:12", "other": "prog.py:30", "other_thread": 2}
{"t_ns": 2500, "thread": 3, "cause": "validation", "lost_ns": 2000000, "here": "prog.py:9", "other": "?", "other_thread": 0, "extra": {"ignored": true}}
this is not json
{"t_ns": 3000, "thread": 2, "event": "wait", "lost_ns": 1000, "here": "prog.py:40", "what": "inevitable"}

{"t_ns": 3500, "thread": 4, "event": "commit"}
{"t_ns": 4000, "thread": 2, "cause": "write-locked", "lost_ns": 1"#;

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = weft();
    cmd.arg("stm-report").args(args);
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn ranks_a_synthetic_log() {
    let d = scratch("text");
    let log = d.join("conflicts.log");
    std::fs::write(&log, LOG).unwrap();
    let o = run(&[log.to_str().unwrap()], None);
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "stdout: {out}\nstderr: {err}");
    let first = out.lines().next().unwrap();
    assert!(
        first.ends_with(
            ": 4 events (3 conflicts, 1 wait), 2.100 ms lost in aborts, 0.001 ms waiting, \
             2 threads, 2 malformed lines, 1 line of unknown kind skipped"
        ),
        "{out}"
    );
    assert!(out.contains("causes: validation 95.2% (1), write-locked 4.8% (2)"));
    // the biggest loss ranks first; the two write-locked aborts are one pair
    let pairs: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("conflicts by pair"))
        .skip(2)
        .take(2)
        .collect();
    let cols = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        cols(pairs[0]),
        ["1", "2.000", "95.2%", "1", "validation", "prog.py:9", "?"]
    );
    assert_eq!(
        cols(pairs[1]),
        [
            "2",
            "0.100",
            "4.8%",
            "2",
            "write-locked",
            "prog.py:12",
            "prog.py:30"
        ]
    );
    assert!(out.contains("\nhot lines (3; a conflict counts for both its sides):\n"));
    assert!(out.contains("\nwaits (1):\n"));
    let wait = out.lines().last().unwrap();
    assert_eq!(
        cols(wait),
        ["1", "0.001", "100.0%", "1", "inevitable", "prog.py:40"]
    );
    // malformed lines are named on stderr with their line numbers
    assert!(err.contains(":4: malformed line: not JSON"), "{err}");
    assert!(err.contains(":8: malformed line: not JSON"), "{err}");

    // --top 1 keeps one row per table
    let o = run(&["--top", "1", log.to_str().unwrap()], None);
    let out = text(&o.stdout);
    assert!(out.contains("conflicts by pair (top 1 of 2):"), "{out}");
    assert!(out.contains("hot lines (top 1 of 3;"), "{out}");
    assert!(!out.contains("prog.py:12  prog.py:30"), "{out}");
}

#[test]
fn json_output() {
    let d = scratch("json");
    let log = d.join("conflicts.log");
    std::fs::write(&log, LOG).unwrap();
    let o = run(&["--json", log.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["schema"], "weft-stm-report");
    assert_eq!(j["events"], 4);
    assert_eq!(j["malformed"], 2);
    assert_eq!(j["lost_ns"], 2_100_000);
    assert_eq!(j["threads"], serde_json::json!([2, 3]));
    assert_eq!(j["pairs"][1]["here"], "prog.py:12");
    assert_eq!(j["pairs"][1]["count"], 2);
    assert_eq!(j["lines"][0]["line"], "prog.py:9");
    assert_eq!(j["wait_groups"][0]["what"], "inevitable");
}

#[test]
fn reads_stdin() {
    let o = run(&["-"], Some(LOG));
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).starts_with("-: 4 events"));
}

#[test]
fn empty_log() {
    let d = scratch("empty");
    let log = d.join("empty.log");
    std::fs::write(&log, "").unwrap();
    let o = run(&[log.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "no conflicts recorded\n");
    assert_eq!(text(&o.stderr), "");
}

#[test]
fn missing_file_and_usage_errors() {
    let d = scratch("missing");
    let log = d.join("nope.log");
    let o = run(&[log.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("weft stm-report: cannot read '") && err.contains("nope.log"),
        "{err}"
    );
    assert_eq!(text(&o.stdout), "");
    // a directory is unreadable as a log too
    let o = run(&[d.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));

    let o = run(&[], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no log file given"));
    let o = run(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).starts_with("usage: weft stm-report FILE"));
    let o = weft().arg("--help").output().unwrap();
    assert!(text(&o.stdout).contains("\nstm-report   rank the conflicts"));
}
