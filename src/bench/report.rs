//! The Markdown report: a header (host, configuration, interpreters and their notes), a summary
//! table (one row per program), the `--stm` against GIL table (`stm_vs_gil`, when stm points were
//! measured) and the table of every point.

use super::results::{Point, Results, Status, StmStats};
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
    let _ = writeln!(s, "\n\\* micro-pattern (weak scaling).");
    stm_vs_gil(&mut s, r);
    let _ = writeln!(s, "\n## All points\n");
    let _ = writeln!(
        s,
        "| program | interpreter | mode | threads | status | median s | min s | max s | start-up s | scaling | peak RSS MiB | stm per run: commits/aborts/lost ms | note |"
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
                .as_ref()
                .map(|t| stm_cell(t, p.runs_s.len()))
                .unwrap_or("—".into()),
            p.note.as_deref().unwrap_or("").replace('|', "\\|"),
        );
    }
    s
}

fn num(x: f64) -> String {
    if (x == x.trunc() && x.abs() < 1e15) || x.abs() >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// An stm cell: commits/aborts/lost ms per timed run (the JSON keeps the sums), then the
/// non-zero abort causes, e.g. `120/3/1.5 (validation 2, killed 1)`.
pub fn stm_cell(t: &StmStats, runs: usize) -> String {
    let n = runs.max(1) as f64;
    let mut c = format!(
        "{}/{}/{:.1}",
        num(t.commits as f64 / n),
        num(t.aborts as f64 / n),
        t.time_lost_ms / n
    );
    let causes: Vec<String> = t
        .aborts_by_cause
        .iter()
        .flatten()
        .filter(|(_, v)| *v > 0)
        .map(|(k, v)| format!("{k} {}", num(*v as f64 / n)))
        .collect();
    if !causes.is_empty() {
        let _ = write!(c, " ({})", causes.join(", "));
    }
    c
}

fn ratio(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.2}")).unwrap_or("—".into())
}

/// The `--stm` against GIL section (nothing when the run has no stm point).
fn stm_vs_gil(s: &mut String, r: &Results) {
    if r.stm_vs_gil.is_empty() {
        return;
    }
    let ns: Vec<u32> = r.stm_vs_gil[0].speedup.iter().map(|x| x.threads).collect();
    let _ = writeln!(
        s,
        "\n## weft --stm vs weft GIL\n\nMedian wall times of weft. **stm overhead** = stm T1 / \
         gil T1 (1 = free; same program, same work, one thread). **gil T1 / stm TN** = how much \
         faster N threads under --stm finish the same total work than one thread under the GIL \
         (> 1: faster; micro-patterns\\*, which do N× the work at N threads, give the throughput \
         ratio gil T1·N / stm TN). **aborts/commit** of the stm TN point (from --stm-stats).\n"
    );
    let mut head = "| program | gil T1 s | stm T1 s | stm overhead |".to_string();
    let mut rule = "|---|---:|---:|---:|".to_string();
    for n in &ns {
        let _ = write!(
            head,
            " stm T{n} s | gil T1 / stm T{n} | aborts/commit T{n} |"
        );
        rule.push_str("---:|---:|---:|");
    }
    let _ = writeln!(s, "{head}\n{rule}");
    for e in &r.stm_vs_gil {
        let stm_cell = |mode: &str, n: u32| match r.point(&e.program, "weft", mode, n) {
            Some(p) if p.status != Status::Ok => cell(Some(p)),
            _ => "—".into(),
        };
        let t =
            |v: Option<f64>, mode: &str, n: u32| v.map(secs).unwrap_or_else(|| stm_cell(mode, n));
        let _ = write!(
            s,
            "| {}{} | {} | {} | {} |",
            e.program,
            if e.kind == "micro" { "*" } else { "" },
            t(e.gil_t1_s, "gil", 1),
            t(e.stm_t1_s, "stm", 1),
            ratio(e.overhead)
        );
        for x in &e.speedup {
            let _ = write!(
                s,
                " {} | {} | {} |",
                t(x.stm_s, "stm", x.threads),
                ratio(x.gil1_over_stm),
                x.abort_rate
                    .map(|a| format!("{a:.3}"))
                    .unwrap_or("—".into())
            );
        }
        s.push('\n');
    }
    let geo = |v: Vec<f64>| {
        (!v.is_empty()).then(|| (v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp())
    };
    let macro_ = |e: &&super::results::StmVsGil| e.kind == "macro";
    let _ = write!(
        s,
        "| geometric mean (macro) | | | {} |",
        ratio(geo(r
            .stm_vs_gil
            .iter()
            .filter(macro_)
            .filter_map(|e| e.overhead)
            .collect()))
    );
    for (i, _) in ns.iter().enumerate() {
        let _ = write!(
            s,
            " | {} | |",
            ratio(geo(r
                .stm_vs_gil
                .iter()
                .filter(macro_)
                .filter_map(|e| e.speedup.get(i).and_then(|x| x.gil1_over_stm))
                .collect()))
        );
    }
    s.push('\n');
}
