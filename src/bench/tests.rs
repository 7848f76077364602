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
    let mut r = Results {
        schema: SCHEMA_NAME.into(),
        schema_version: SCHEMA_VERSION,
        schema_minor: SCHEMA_MINOR,
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
        stm_vs_gil: vec![],
        elapsed_s: 1.0,
    };
    r.fill_derived();
    r
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

/// The exact `--stm-stats` report of this Weft.
const STM_REPORT: &str = "\
stm: commits: 239 aborts: 0 inevitable: 73 time lost: 0.0 ms waits: 600.2 ms inevitable time: 346.4 ms threads: 3
stm: aborts by cause: read-locked 0, write-locked 0, validation 0, inevitable 0, killed 0, yield 0
stm: thread 1: commits 10 aborts 0 inevitable 10 lost 0.0 ms waits 594.4 ms inevitable time 9.6 ms
";

#[test]
fn stm_stats_exact_format() {
    let s = measure::parse_stm_report(STM_REPORT).unwrap();
    assert_eq!(s.commits, 239);
    assert_eq!(s.aborts, 0);
    assert_eq!(s.inevitable, Some(73));
    assert_eq!(s.time_lost_ms, 0.0);
    assert_eq!(s.waits_ms, Some(600.2));
    assert_eq!(s.inevitable_ms, Some(346.4));
    assert_eq!(s.threads, Some(3));
    let causes = s.aborts_by_cause.clone().unwrap();
    let names: Vec<&str> = causes.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "read-locked",
            "write-locked",
            "validation",
            "inevitable",
            "killed",
            "yield"
        ]
    );
    assert!(causes.iter().all(|(_, n)| *n == 0));
    // the public entry point prefers the exact parser (the per-thread line must not win)
    assert_eq!(measure::parse_stm_stats(STM_REPORT), Some(s));
    // with the program's own stderr and the RSS line around it, non-zero counts and causes
    let text = "Traceback? no\nstm: commits: 5120 aborts: 17 inevitable: 2 time lost: 12.5 ms \
                waits: 0.0 ms inevitable time: 1.0 ms threads: 2\n\
                stm: aborts by cause: read-locked 3, write-locked 4, validation 9, inevitable 0, \
                killed 1, yield 0\nstm: thread 1: commits 2560 aborts 9 inevitable 1 lost 6.0 ms \
                waits 0.0 ms inevitable time 0.5 ms\n";
    let s = measure::parse_stm_stats(text).unwrap();
    assert_eq!((s.commits, s.aborts, s.time_lost_ms), (5120, 17, 12.5));
    let c = s.aborts_by_cause.unwrap();
    assert_eq!(c[2], ("validation".to_string(), 9));
    assert_eq!(c.iter().map(|(_, n)| n).sum::<u64>(), 17);
    // only the summary line: still parsed, no causes
    let s = measure::parse_stm_report(STM_REPORT.lines().next().unwrap()).unwrap();
    assert_eq!(s.aborts_by_cause, None);
    // a thread line alone is not the summary
    assert!(measure::parse_stm_report(STM_REPORT.lines().nth(2).unwrap()).is_none());
    assert!(measure::parse_stm_report("stm: commits: x aborts: 0").is_none());
}

#[test]
fn stm_stats_sum_over_runs() {
    let a = measure::parse_stm_report(STM_REPORT).unwrap();
    let mut acc = StmStats::default();
    acc.add(&a);
    acc.add(&a);
    assert_eq!(acc.commits, 478);
    assert_eq!(acc.inevitable, Some(146));
    assert_eq!(acc.waits_ms, Some(1200.4));
    assert_eq!(acc.threads, Some(3));
    assert_eq!(acc.aborts_by_cause.as_ref().unwrap().len(), 6);
    // the loose format lacks the detailed fields: they stay null
    let mut acc = StmStats::default();
    acc.add(&measure::parse_stm_stats("commits=7 aborts=0 lost=2ms").unwrap());
    assert_eq!(
        (acc.commits, acc.inevitable, acc.aborts_by_cause),
        (7, None, None)
    );
}

#[test]
fn stm_detection_from_help_and_stderr() {
    use super::interp::{help_says_stm_missing, stm_real};
    let new_help = "  --stm      run threads in parallel as software transactions (no GIL)\n  \
                    --stm-stats  like --stm, and print transaction statistics on stderr at exit\n";
    let old_help =
        "  --stm      software transactional memory (not available yet: runs with the GIL)\n";
    assert!(!help_says_stm_missing(new_help));
    assert!(help_says_stm_missing(old_help));
    assert!(stm_real(new_help, true, ""));
    assert!(!stm_real(old_help, true, ""));
    assert!(!stm_real(
        new_help,
        true,
        "weft: --stm is not implemented yet; running with the GIL\n"
    ));
    assert!(!stm_real(new_help, false, ""));
}

/// `sample()` with stm points: 1 thread 2.5 s (gil 2.0 s), 2 threads 1.25 s.
fn sample_stm() -> Results {
    let mut r = sample();
    r.points
        .retain(|p| !(p.program == "mandelbrot" && p.mode == "stm"));
    let mut s1 = point("mandelbrot", "weft", "stm", 1, Status::Ok, Some(2.5));
    s1.stm = measure::parse_stm_report(STM_REPORT);
    let mut s2 = point("mandelbrot", "weft", "stm", 2, Status::Ok, Some(1.25));
    s2.stm = Some(StmStats {
        commits: 400,
        aborts: 10,
        time_lost_ms: 3.0,
        aborts_by_cause: Some(vec![("validation".into(), 10), ("killed".into(), 0)]),
        ..StmStats::default()
    });
    r.points.push(s1);
    r.points.push(s2);
    r.points.push(point(
        "micro_calls",
        "weft",
        "stm",
        1,
        Status::Ok,
        Some(2.0),
    ));
    r.points
        .push(point("micro_calls", "weft", "stm", 2, Status::Failed, None));
    engine::fill_scaling(&mut r.points, &r.programs);
    r.fill_derived();
    r
}

#[test]
fn stm_vs_gil_ratios() {
    let r = sample_stm();
    let m = &r.stm_vs_gil[0];
    assert_eq!(m.program, "mandelbrot");
    assert_eq!((m.gil_t1_s, m.stm_t1_s), (Some(2.0), Some(2.5)));
    assert_eq!(m.overhead, Some(1.25));
    assert_eq!(m.speedup.len(), 1);
    assert_eq!(m.speedup[0].threads, 2);
    assert_eq!(m.speedup[0].gil1_over_stm, Some(1.6));
    assert_eq!(m.speedup[0].abort_rate, Some(0.025));
    let c = &r.stm_vs_gil[1];
    assert_eq!(c.overhead, Some(2.0));
    assert_eq!(c.speedup[0].gil1_over_stm, None, "failed point: no ratio");
    // no stm point measured (only an unavailable one, from an old binary): no section
    let mut plain = sample();
    plain.fill_derived();
    assert!(plain.stm_vs_gil.is_empty());
    assert!(!report::markdown(&plain).contains("--stm vs"));
    // JSON round trip keeps the section and the detailed stats
    let back = Results::from_json(&r.to_json()).unwrap();
    assert_eq!(back, r);
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(v["schema_minor"], SCHEMA_MINOR);
    assert_eq!(v["stm_vs_gil"][0]["speedup"][0]["gil1_over_stm"], 1.6);
    assert_eq!(v["points"][6]["stm"]["inevitable"], 73);
}

#[test]
fn markdown_stm_section_and_cells() {
    let md = report::markdown(&sample_stm());
    assert!(md.contains("## weft --stm vs weft GIL"), "{md}");
    assert!(
        md.contains("| mandelbrot | 2.00 | 2.50 | 1.25 | 1.25 | 1.60 | 0.025 |"),
        "{md}"
    );
    assert!(
        md.contains("| micro_calls* | 1.00 | 2.00 | 2.00 | FAILED | — | — |"),
        "{md}"
    );
    assert!(
        md.contains("| geometric mean (macro) | | | 1.25 | | 1.60 | |"),
        "{md}"
    );
    // per-run stm cells (2 timed runs), with the non-zero abort causes
    assert!(md.contains("| 120/0/0.0 |"), "{md}");
    assert!(md.contains("| 200/5/1.5 (validation 5) |"), "{md}");
    // the section comes before the table of all points (stdout prints up to there)
    assert!(md.find("--stm vs").unwrap() < md.find("## All points").unwrap());
}

#[test]
fn minor_zero_files_still_load() {
    let mut v: serde_json::Value = serde_json::from_str(&sample_stm().to_json()).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("schema_minor");
    o.remove("stm_vs_gil");
    for p in v["points"].as_array_mut().unwrap() {
        if let Some(s) = p["stm"].as_object_mut() {
            for k in [
                "inevitable",
                "waits_ms",
                "inevitable_ms",
                "threads",
                "aborts_by_cause",
            ] {
                s.remove(k);
            }
        }
    }
    let r = Results::from_json(&v.to_string()).unwrap();
    assert_eq!(r.schema_minor, 0);
    assert_eq!(r.stm_vs_gil[0].overhead, Some(1.25), "re-derived on load");
}
