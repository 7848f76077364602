//! Unit tests of the bench harness: statistics, checksum verification, the JSON schema
//! (round trip, required fields, version check), option parsing and report rendering. Nothing
//! here times anything or runs an interpreter.

use super::checksum::{self, Verdict};
use super::results::*;
use super::stats::{self, Summary};
use super::{cli, compare, engine, measure, report};

#[test]
fn median_min_max_odd_and_even() {
    let s = stats::summarize(&[3.0, 1.0, 2.0]).unwrap();
    assert_eq!(
        s,
        Summary {
            median: 2.0,
            min: 1.0,
            max: 3.0
        }
    );
    let s = stats::summarize(&[4.0, 1.0, 3.0, 2.0]).unwrap();
    assert_eq!(
        s,
        Summary {
            median: 2.5,
            min: 1.0,
            max: 4.0
        }
    );
    let s = stats::summarize(&[0.7]).unwrap();
    assert_eq!(
        s,
        Summary {
            median: 0.7,
            min: 0.7,
            max: 0.7
        }
    );
}

#[test]
fn summary_rejects_empty_and_nan() {
    assert_eq!(stats::summarize(&[]), None);
    assert_eq!(stats::summarize(&[1.0, f64::NAN]), None);
    assert_eq!(stats::summarize(&[f64::INFINITY]), None);
}

#[test]
fn scaling_fixed_and_weak() {
    assert_eq!(stats::scaling(4.0, 2.0, 2, false), Some(2.0));
    // weak scaling: 2 threads do twice the work in the same time -> 2.0
    assert_eq!(stats::scaling(1.0, 1.0, 2, true), Some(2.0));
    assert_eq!(stats::scaling(0.0, 1.0, 2, false), None);
}

#[test]
fn checksum_extract_and_verify() {
    assert_eq!(
        checksum::extract("x\nchecksum: 42 7\n"),
        Some("42 7".into())
    );
    assert_eq!(
        checksum::extract("checksum: 1\nchecksum:  2 \n"),
        Some("2".into())
    );
    assert_eq!(checksum::extract("no line\n"), None);
    assert_eq!(checksum::verify("42", "checksum: 42\n"), Verdict::Match);
    assert_eq!(checksum::verify("42", "hello\n"), Verdict::Missing);
    assert_eq!(
        checksum::verify("42", "checksum: 41\n"),
        Verdict::Mismatch {
            expected: "42".into(),
            got: "41".into()
        }
    );
}

fn point(
    prog: &str,
    interp: &str,
    mode: &str,
    threads: u32,
    status: Status,
    t: Option<f64>,
) -> Point {
    Point {
        program: prog.into(),
        interpreter: interp.into(),
        mode: mode.into(),
        threads,
        status,
        note: None,
        runs_s: t.map(|t| vec![t, t]).unwrap_or_default(),
        time_s: t.map(|t| Summary {
            median: t,
            min: t,
            max: t,
        }),
        peak_rss_kib: Some(10240),
        scaling: None,
        stm: None,
        startup_s: None,
    }
}

fn sample() -> Results {
    let mut points = vec![
        point("mandelbrot", "weft", "gil", 1, Status::Ok, Some(2.0)),
        point("mandelbrot", "weft", "gil", 2, Status::Ok, Some(1.0)),
        point("mandelbrot", "weft", "stm", 1, Status::Unavailable, None),
        point("mandelbrot", "python3", "gil", 1, Status::Ok, Some(4.0)),
        point("mandelbrot", "python3", "gil", 2, Status::Wrong, Some(4.0)),
        point("micro_calls", "weft", "gil", 1, Status::Ok, Some(1.0)),
        point("micro_calls", "weft", "gil", 2, Status::Ok, Some(1.0)),
    ];
    let programs = vec![
        ProgramInfo {
            name: "mandelbrot".into(),
            kind: "macro".into(),
            size: 60,
            reference_checksum: Some("1".into()),
        },
        ProgramInfo {
            name: "micro_calls".into(),
            kind: "micro".into(),
            size: 10,
            reference_checksum: Some("2".into()),
        },
    ];
    engine::fill_scaling(&mut points, &programs);
    Results {
        schema: SCHEMA_NAME.into(),
        schema_version: SCHEMA_VERSION,
        created_unix: 1,
        host: Host {
            cpus: 2,
            os: "linux".into(),
            load_avg: None,
        },
        config: RunConfig {
            threads: vec![1, 2],
            modes: vec!["gil".into(), "stm".into()],
            compare: vec!["python3".into()],
            repeat: 2,
            warmup: 0,
            quick: true,
        },
        interpreters: vec![Interpreter {
            name: "weft".into(),
            path: None,
            version: None,
            available: true,
            stm_available: false,
            note: None,
        }],
        programs,
        points,
        elapsed_s: 1.0,
    }
}

#[test]
fn fill_scaling_uses_one_thread_point_and_skips_wrong() {
    let r = sample();
    assert_eq!(
        r.point("mandelbrot", "weft", "gil", 2).unwrap().scaling,
        Some(2.0)
    );
    assert_eq!(
        r.point("micro_calls", "weft", "gil", 2).unwrap().scaling,
        Some(2.0)
    );
    assert_eq!(
        r.point("mandelbrot", "python3", "gil", 2).unwrap().scaling,
        None
    );
    assert_eq!(
        r.point("mandelbrot", "weft", "stm", 1).unwrap().scaling,
        None
    );
}

#[test]
fn micro_scaling_subtracts_startup() {
    let mut r = sample();
    // T1 = 1.5 s of which 0.5 s start-up; T2 = 2.5 s of which 0.5 s: 2 threads did 2x the work
    // in 2x the time, i.e. no scaling at all (without the correction: 1.2)
    let set = |p: &mut Point, t: f64| {
        p.time_s = Some(Summary {
            median: t,
            min: t,
            max: t,
        });
        p.startup_s = Some(0.5);
    };
    set(&mut r.points[5], 1.5);
    set(&mut r.points[6], 2.5);
    engine::fill_scaling(&mut r.points, &r.programs);
    assert_eq!(
        r.point("micro_calls", "weft", "gil", 2).unwrap().scaling,
        Some(1.0)
    );
    // work indistinguishable from start-up: no number
    set(&mut r.points[6], 0.55);
    engine::fill_scaling(&mut r.points, &r.programs);
    assert_eq!(
        r.point("micro_calls", "weft", "gil", 2).unwrap().scaling,
        None
    );
}

#[test]
fn json_round_trip() {
    let r = sample();
    let text = r.to_json();
    let back = Results::from_json(&text).unwrap();
    assert_eq!(back, r);
}

#[test]
fn json_has_required_fields() {
    let v: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
    for k in [
        "schema",
        "schema_version",
        "created_unix",
        "host",
        "config",
        "interpreters",
        "programs",
        "points",
        "elapsed_s",
    ] {
        assert!(v.get(k).is_some(), "missing top-level field {k}");
    }
    let p = &v["points"][0];
    for k in [
        "program",
        "interpreter",
        "mode",
        "threads",
        "status",
        "runs_s",
        "time_s",
        "peak_rss_kib",
        "scaling",
        "stm",
        "startup_s",
    ] {
        assert!(p.get(k).is_some(), "missing point field {k}");
    }
    assert_eq!(p["status"], "ok");
    assert_eq!(v["points"][2]["status"], "unavailable");
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
}

#[test]
fn json_rejects_wrong_schema_missing_fields_and_inconsistency() {
    let good: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
    let mut v = good.clone();
    v["schema_version"] = serde_json::json!(SCHEMA_VERSION + 1);
    assert!(Results::from_json(&v.to_string()).is_err());
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("schema");
    assert!(Results::from_json(&v.to_string()).is_err());
    let mut v = good.clone();
    v["points"][0].as_object_mut().unwrap().remove("threads");
    assert!(Results::from_json(&v.to_string()).is_err());
    let mut v = good;
    v["points"][2]["runs_s"] = serde_json::json!([1.0]);
    assert!(
        Results::from_json(&v.to_string()).is_err(),
        "unavailable points carry no times"
    );
}

#[test]
fn committed_example_validates() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/results/example/results.json"
    );
    if std::path::Path::new(path).exists() {
        let r = Results::load(path).unwrap();
        assert!(!r.points.is_empty());
    }
}

#[test]
fn markdown_marks_wrong_and_unavailable() {
    let md = report::markdown(&sample());
    assert!(md.contains("WRONG"));
    assert!(md.contains("unavailable"));
    assert!(md.contains("| mandelbrot |"));
}

#[test]
fn compare_flags_regression_and_status_change() {
    let old = sample();
    let mut new = sample();
    new.points[0].time_s = Some(Summary {
        median: 3.0,
        min: 3.0,
        max: 3.0,
    });
    let (text, bad) = compare::report(&old, &new, 0.10);
    assert!(bad);
    assert!(text.contains("REGRESSION"), "{text}");
    let (_, bad) = compare::report(&old, &old, 0.10);
    assert!(!bad);
}

#[test]
fn cli_defaults_and_quick() {
    let c = cli::parse(&["--quick".into(), "mandelbrot".into()]).unwrap();
    assert_eq!(c.threads, vec![1, 2]);
    assert_eq!(c.repeat, 3);
    assert_eq!(c.programs, vec!["mandelbrot".to_string()]);
    let c = cli::parse(&["--threads".into(), "4,2".into(), "--compare=none".into()]).unwrap();
    assert_eq!(c.threads, vec![1, 2, 4]);
    assert!(c.compare.is_empty());
    assert!(cli::parse(&["--modes".into(), "fast".into()]).is_err());
}

#[test]
fn weft_rss_line_and_stm_stats() {
    let (rest, kib) = measure::take_weft_rss("oops\nweft: peak RSS 1234 KiB\n");
    assert_eq!((rest.as_str(), kib), ("oops\n", Some(1234)));
    let s = measure::parse_stm_stats("stm: commits: 120 aborts: 3 time lost: 1.5 ms").unwrap();
    assert_eq!((s.commits, s.aborts, s.time_lost_ms), (120, 3, 1.5));
    let s = measure::parse_stm_stats("120 commits, 3 aborts, 0.25 s lost").unwrap();
    assert_eq!((s.commits, s.aborts, s.time_lost_ms), (120, 3, 250.0));
    let s = measure::parse_stm_stats("commits=7 aborts=0 lost=2ms").unwrap();
    assert_eq!((s.commits, s.aborts, s.time_lost_ms), (7, 0, 2.0));
    assert!(measure::parse_stm_stats("weft: --stm is not implemented yet").is_none());
    assert!(super::interp::stm_fallback_note(
        "weft: --stm is not implemented yet; running with the GIL"
    ));
}
