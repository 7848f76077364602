//! The Markdown report: a header (host, configuration, interpreters and their notes), a summary
//! table (one row per program) and the table of every point.

use super::results::{Point, Results, Status};
use std::fmt::Write;

fn secs(t: f64) -> String {
    if t >= 10.0 {
        format!("{t:.1}")
    } else if t >= 1.0 {
        format!("{t:.2}")
    } else {
        format!("{t:.3}")
    }
}

/// Short text for a point in a table cell: the median time or the status.
fn cell(p: Option<&Point>) -> String {
    match p {
        None => "—".into(),
        Some(p) => match (p.status, p.time_s) {
            (Status::Ok, Some(t)) => secs(t.median),
            (Status::Wrong, _) => "WRONG".into(),
            (Status::Failed, _) => "FAILED".into(),
            (Status::Unavailable, _) => "unavailable".into(),
            (Status::Ok, None) => "—".into(),
        },
    }
}

/// The (interpreter, mode) series present, in measurement order.
pub fn series(r: &Results) -> Vec<(String, String)> {
    let mut s: Vec<(String, String)> = Vec::new();
    for p in &r.points {
        let k = (p.interpreter.clone(), p.mode.clone());
        if !s.contains(&k) {
            s.push(k);
        }
    }
    s
}

pub fn label(interp: &str, mode: &str) -> String {
    if interp == "weft" {
        format!("weft {mode}")
    } else {
        interp.to_string()
    }
}

/// Renders the whole report.
pub fn markdown(r: &Results) -> String {
    let mut s = String::new();
    let c = &r.config;
    let _ = writeln!(s, "# weft bench results\n");
    let _ = writeln!(
        s,
        "{} CPUs, load average at start {}; threads {:?}, {} warm-up + {} timed runs per point{}; \
         whole run {:.0} s.\n",
        r.host.cpus,
        r.host.load_avg.as_deref().unwrap_or("?"),
        c.threads,
        c.warmup,
        c.repeat,
        if c.quick { ", --quick sizes" } else { "" },
        r.elapsed_s
    );
    for i in &r.interpreters {
        let _ = writeln!(
            s,
            "- **{}**: {}{}",
            i.name,
            if i.available {
                i.version.as_deref().unwrap_or("?")
            } else {
                "not available"
            },
            i.note
                .as_ref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default()
        );
    }
    let nmax = c.threads.iter().copied().max().unwrap_or(1);
    let series = series(r);
    let _ = writeln!(
        s,
        "\n## Summary\n\nMedian wall time in seconds at 1 thread, and scaling at {nmax} threads \
         (macro programs T1/T{nmax}; micro-patterns, which do {nmax}x the work, T1·{nmax}/T{nmax} on \
         start-up-corrected minimum times, — when the work is too small to separate from start-up; \
         ideal {nmax}). WRONG = checksum differs from the 1-thread GIL run of weft.\n"
    );
    let mut head = "| program |".to_string();
    let mut rule = "|---|".to_string();
    for (i, m) in &series {
        let l = label(i, m);
        let _ = write!(head, " {l} T1 | {l} ×{nmax} |");
        rule.push_str("---:|---:|");
    }
    let _ = writeln!(s, "{head}\n{rule}");
    for prog in &r.programs {
        let _ = write!(
            s,
            "| {}{} |",
            prog.name,
            if prog.kind == "micro" { "*" } else { "" }
        );
        for (i, m) in &series {
            let p1 = r.point(&prog.name, i, m, 1);
            let pn = r.point(&prog.name, i, m, nmax);
            let sc = match pn {
                Some(p) if p.status == Status::Ok => {
                    p.scaling.map(|x| format!("{x:.2}")).unwrap_or("—".into())
                }
                other => cell(other),
            };
            let _ = write!(s, " {} | {} |", cell(p1), sc);
        }
        s.push('\n');
    }
    let _ = writeln!(s, "\n\\* micro-pattern (weak scaling).\n\n## All points\n");
    let _ = writeln!(
        s,
        "| program | interpreter | mode | threads | status | median s | min s | max s | start-up s | scaling | peak RSS MiB | stm commits/aborts/lost ms | note |"
    );
    let _ = writeln!(
        s,
        "|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
    );
    for p in &r.points {
        let (med, min, max) = match (p.status, p.time_s) {
            (Status::Ok, Some(t)) => (secs(t.median), secs(t.min), secs(t.max)),
            _ => ("—".into(), "—".into(), "—".into()),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            p.program,
            p.interpreter,
            p.mode,
            p.threads,
            format!("{:?}", p.status).to_lowercase(),
            med,
            min,
            max,
            p.startup_s.map(secs).unwrap_or("—".into()),
            p.scaling.map(|x| format!("{x:.2}")).unwrap_or("—".into()),
            p.peak_rss_kib
                .map(|k| format!("{:.1}", k as f64 / 1024.0))
                .unwrap_or("n/a".into()),
            p.stm
                .map(|t| format!("{}/{}/{:.1}", t.commits, t.aborts, t.time_lost_ms))
                .unwrap_or("—".into()),
            p.note.as_deref().unwrap_or("").replace('|', "\\|"),
        );
    }
    s
}
