//! Running the whole matrix: for each program a reference run (Weft, GIL, 1 thread) gives the
//! expected checksum; then every (interpreter, mode, threads) point gets its warm-up runs and its
//! timed runs, each checked against the reference, with a live progress bar on stderr.

use super::checksum::{self, Verdict};
use super::cli::Config;
use super::interp;
use super::measure::{self, Launcher, Outcome};
use super::results::*;
use super::stats;
use super::suite::{self, Program};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::time::{Duration, Instant};

struct Target {
    info: Interpreter,
    launcher: Option<Launcher>,
    stm_stats_flag: bool,
}

fn gnu_time() -> Option<String> {
    let p = interp::which("/usr/bin/time").or_else(|| interp::which("time"))?;
    let ok = std::process::Command::new(&p)
        .args(["-f", "%M", "-o", "/dev/null", "true"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    ok.then(|| p.display().to_string())
}

fn targets(cfg: &Config) -> Result<Vec<Target>, String> {
    let weft_path = match std::env::var_os("WEFT_BENCH_WEFT") {
        Some(p) => PathBuf::from(p),
        None => std::env::current_exe().map_err(|e| format!("cannot find the weft binary: {e}"))?,
    };
    let (info, stm_stats_flag) = interp::weft(&weft_path);
    let mut out = vec![Target {
        launcher: Some(Launcher {
            exe: weft_path.display().to_string(),
            pre_args: vec![],
            is_weft: true,
            gnu_time: None,
        }),
        info,
        stm_stats_flag,
    }];
    let time = gnu_time();
    for name in &cfg.compare {
        if name == "weft" || out.iter().any(|t| &t.info.name == name) {
            continue;
        }
        let mut info = interp::foreign(name);
        if info.available && time.is_none() {
            info.note = Some("GNU time not installed: peak RSS not measured".into());
        }
        // -S: no `site` import. The suite needs no site-packages, and a site directory full of
        // .pth files (pyenv, distro Pythons) adds start-up time that is not the VM's speed.
        let launcher = info.available.then(|| Launcher {
            exe: info.path.clone().unwrap_or_default(),
            pre_args: vec!["-S".into()],
            is_weft: false,
            gnu_time: time.clone(),
        });
        out.push(Target {
            info,
            launcher,
            stm_stats_flag: false,
        });
    }
    Ok(out)
}

/// The (interpreter index, mode) pairs to measure.
fn series(cfg: &Config, targets: &[Target]) -> Vec<(usize, String)> {
    let mut s = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        if t.launcher.is_none() {
            continue;
        }
        if t.info.name == "weft" {
            for m in &cfg.modes {
                s.push((i, m.clone()));
            }
        } else {
            s.push((i, "gil".to_string()));
        }
    }
    s
}

fn one(l: &Launcher, p: &Program, threads: u32, timeout: Duration) -> Outcome {
    measure::run(l, &p.path, threads, p.size, timeout)
}

/// Runs everything `cfg` asks for and returns the results (not yet written anywhere).
pub fn run(cfg: &Config) -> Result<Results, String> {
    let started = Instant::now();
    let load_at_start = load_avg();
    let dir = match &cfg.suite {
        Some(d) => d.clone(),
        None => suite::find_dir().ok_or("cannot find benches/python (use --suite DIR)")?,
    };
    let programs = suite::resolve(&dir, &cfg.programs, cfg.quick)?;
    let targets = targets(cfg)?;
    for t in &targets {
        if let Some(n) = &t.info.note {
            eprintln!("weft bench: {}: {n}", t.info.name);
        }
    }
    let series = series(cfg, &targets);
    let timeout = Duration::from_secs(cfg.timeout_s);
    let per_point = (cfg.warmup + cfg.repeat) as u64;
    let measured = series
        .iter()
        .filter(|(i, m)| m == "gil" || targets[*i].info.stm_available)
        .count() as u64;
    let micro = programs
        .iter()
        .filter(|p| p.micro && p.size.is_some())
        .count() as u64;
    let total = programs.len() as u64 * (1 + measured * cfg.threads.len() as u64 * per_point)
        + micro * measured * cfg.threads.len() as u64 * cfg.repeat as u64;
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:32}] {pos}/{len} runs  {msg}")
            .expect("template")
            .progress_chars("=> "),
    );
    let mut infos = Vec::new();
    let mut points = Vec::new();
    for p in &programs {
        bar.set_message(format!("{} reference", p.name));
        let weft = targets[0].launcher.as_ref().expect("weft launcher");
        let r = one(weft, p, 1, timeout);
        bar.inc(1);
        let reference = if r.success {
            checksum::extract(&r.stdout)
        } else {
            None
        };
        if reference.is_none() {
            bar.println(format!(
                "weft bench: {}: the reference run (weft, 1 thread) failed: {}",
                p.name,
                r.last_error()
            ));
        }
        infos.push(ProgramInfo {
            name: p.name.clone(),
            kind: if p.micro { "micro" } else { "macro" }.into(),
            size: p.size.unwrap_or(0),
            reference_checksum: reference.clone(),
        });
        for (ti, mode) in &series {
            let t = &targets[*ti];
            for &n in &cfg.threads {
                if mode == "stm" && !t.info.stm_available {
                    points.push(unavailable(p, &t.info.name, n));
                    continue;
                }
                bar.set_message(format!("{} {} {mode} {n}t", p.name, t.info.name));
                let mut l = t.launcher.clone().expect("launcher");
                if mode == "stm" {
                    l.pre_args.push("--stm".into());
                    if t.stm_stats_flag {
                        l.pre_args.push("--stm-stats".into());
                    }
                }
                points.push(point(
                    cfg,
                    &l,
                    p,
                    &t.info.name,
                    mode,
                    n,
                    reference.as_deref(),
                    &bar,
                    timeout,
                ));
            }
        }
    }
    bar.finish_and_clear();
    fill_scaling(&mut points, &infos);
    let mut results = Results {
        schema: SCHEMA_NAME.into(),
        schema_version: SCHEMA_VERSION,
        schema_minor: SCHEMA_MINOR,
        created_unix: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
            .saturating_sub(started.elapsed().as_secs()),
        host: Host {
            cpus: std::thread::available_parallelism()
                .map(|n| n.get() as u32)
                .unwrap_or(1),
            os: std::env::consts::OS.into(),
            load_avg: load_at_start,
        },
        config: RunConfig {
            threads: cfg.threads.clone(),
            modes: cfg.modes.clone(),
            compare: cfg.compare.clone(),
            repeat: cfg.repeat,
            warmup: cfg.warmup,
            quick: cfg.quick,
        },
        interpreters: targets.into_iter().map(|t| t.info).collect(),
        programs: infos,
        points,
        stm_vs_gil: Vec::new(),
        elapsed_s: started.elapsed().as_secs_f64(),
    };
    results.fill_derived();
    Ok(results)
}

fn load_avg() -> Option<String> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    Some(s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

fn unavailable(p: &Program, interp: &str, threads: u32) -> Point {
    Point {
        program: p.name.clone(),
        interpreter: interp.into(),
        mode: "stm".into(),
        threads,
        status: Status::Unavailable,
        note: Some("this weft's --stm runs with the GIL".into()),
        runs_s: vec![],
        time_s: None,
        peak_rss_kib: None,
        scaling: None,
        stm: None,
        startup_s: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn point(
    cfg: &Config,
    l: &Launcher,
    p: &Program,
    interp: &str,
    mode: &str,
    threads: u32,
    reference: Option<&str>,
    bar: &ProgressBar,
    timeout: Duration,
) -> Point {
    let mut pt = Point {
        program: p.name.clone(),
        interpreter: interp.into(),
        mode: mode.into(),
        threads,
        status: Status::Ok,
        note: None,
        runs_s: vec![],
        time_s: None,
        peak_rss_kib: None,
        scaling: None,
        stm: None,
        startup_s: None,
    };
    let runs = cfg.warmup + cfg.repeat;
    for k in 0..runs {
        let o = one(l, p, threads, timeout);
        bar.inc(1);
        let bad = if !o.success || o.timed_out {
            Some((Status::Failed, o.last_error()))
        } else {
            match reference.map(|r| checksum::verify(r, &o.stdout)) {
                None => checksum::extract(&o.stdout)
                    .is_none()
                    .then(|| (Status::Failed, "no checksum line".to_string())),
                Some(Verdict::Match) => None,
                Some(Verdict::Missing) => Some((Status::Failed, "no checksum line".into())),
                Some(Verdict::Mismatch { expected, got }) => Some((
                    Status::Wrong,
                    format!("wrong checksum: got '{got}', expected '{expected}'"),
                )),
            }
        };
        if let Some((status, note)) = bad {
            bar.println(format!(
                "weft bench: {} {interp} {mode} {threads}t: {note}",
                p.name
            ));
            pt.status = status;
            pt.note = Some(note);
            bar.inc((runs - k - 1) as u64);
            break;
        }
        if k >= cfg.warmup {
            pt.runs_s.push(o.wall_s);
            pt.peak_rss_kib = pt.peak_rss_kib.max(o.peak_rss_kib);
            if let Some(s) = &o.stm {
                pt.stm.get_or_insert_with(StmStats::default).add(s);
            }
        }
    }
    if reference.is_none() && pt.status == Status::Ok {
        pt.note = Some("not verified: the reference run failed".into());
    }
    pt.time_s = if pt.status == Status::Failed {
        None
    } else {
        stats::summarize(&pt.runs_s)
    };
    if pt.time_s.is_none() && pt.status == Status::Ok {
        pt.status = Status::Failed;
    }
    if p.micro && p.size.is_some() {
        pt.startup_s = startup(cfg, l, p, threads, bar, timeout, pt.status == Status::Ok);
    }
    pt
}

/// Micro-patterns: minimum wall time of `cfg.repeat` runs with SIZE 0 (interpreter start, imports,
/// thread start and join, no work), which `fill_scaling` subtracts. Skipped (the progress bar
/// still advances) when the point is not ok.
fn startup(
    cfg: &Config,
    l: &Launcher,
    p: &Program,
    threads: u32,
    bar: &ProgressBar,
    timeout: Duration,
    wanted: bool,
) -> Option<f64> {
    if !wanted {
        bar.inc(cfg.repeat as u64);
        return None;
    }
    let mut times = Vec::new();
    for _ in 0..cfg.repeat {
        let o = measure::run(l, &p.path, threads, Some(0), timeout);
        bar.inc(1);
        if o.success {
            times.push(o.wall_s);
        }
    }
    stats::summarize(&times).map(|s| s.min)
}

/// Sets each ok point's scaling relative to the ok 1-thread point of its series. Micro-patterns
/// (weak scaling) use start-up-corrected times, min(T) - `startup_s`, when both points have one:
/// otherwise a fixed start-up cost inflates T1·N/TN.
pub fn fill_scaling(points: &mut [Point], programs: &[ProgramInfo]) {
    let weak = |p: &Point| {
        programs
            .iter()
            .any(|i| i.name == p.program && i.kind == "micro")
    };
    let net = |p: &Point| -> Option<f64> {
        let t = p.time_s?;
        if !weak(p) {
            return Some(t.median);
        }
        // Load noise only ever adds time, so the difference of the minima is the robust
        // estimate; a difference under a quarter of the start-up time is noise, not a measure.
        match p.startup_s {
            Some(s) if t.min - s > 0.25 * s => Some(t.min - s),
            Some(_) => None,
            None => Some(t.median),
        }
    };
    let base: Vec<Option<f64>> = points
        .iter()
        .map(|p| {
            points
                .iter()
                .find(|q| {
                    q.program == p.program
                        && q.interpreter == p.interpreter
                        && q.mode == p.mode
                        && q.threads == 1
                        && q.status == Status::Ok
                })
                .and_then(net)
        })
        .collect();
    let nets: Vec<Option<f64>> = points.iter().map(net).collect();
    let weak: Vec<bool> = points.iter().map(weak).collect();
    for (((p, t1), tn), w) in points.iter_mut().zip(base).zip(nets).zip(weak) {
        p.scaling = match (p.status, t1, tn) {
            (Status::Ok, Some(t1), Some(tn)) => stats::scaling(t1, tn, p.threads, w),
            _ => None,
        };
    }
}
