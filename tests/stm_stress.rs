//! Stress tests of `weft --stm` (issue 4): real Python programs of `tests/stm/` run by the release
//! binary, many times, with their printed invariants checked here.
//!
//! * `bank_transfers_100_runs`: 8 threads, random transfers in `with atomic:` blocks, 100 runs: the
//!   total is conserved, no balance goes negative, in-transaction audits see the exact total; one run
//!   with `--stm-stats` must show commits (aborts are printed, informative only).
//! * `atomic_counters_exact`: `counter += 1` on a global, a list element, an attribute, a dict value.
//! * `random_ops_match_serial_gil_and_cpython`: per-thread seeded random operation lists whose final
//!   state does not depend on the interleaving; the threaded digest must equal the serial replay, and
//!   the output of `--stm`, GIL mode and CPython (a `threading.Lock` as `atomic`) must be identical.
//! * `sixteen_threads_cpu_and_shared_updates`, `two_hundred_short_lived_threads`,
//!   `lock_condition_queue_producer_consumer`, `raising_thread_others_finish`.
//! * `frozen_objects_unfreeze_without_torn_reads`: read-mostly objects get frozen by the readers and
//!   written now and then (in place and by replacement); no reader sees a torn state.
//!
//! Every process runs under a watchdog (killed after [`TIMEOUT`], the test fails with its output),
//! and at most [`PARALLEL`] processes run at a time across all tests of this file (a global
//! semaphore), so the file stays well under 90 s on a shared 2-core machine.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// A process still running after this long is killed and its test fails.
const TIMEOUT: Duration = Duration::from_secs(60);
/// Processes running at the same time, over all tests of this file.
const PARALLEL: usize = 2;

static RUNNING: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

/// One slot of the process semaphore, released on drop.
struct Permit;

impl Permit {
    fn take() -> Permit {
        let mut n = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        while *n >= PARALLEL {
            n = FREED.wait(n).unwrap_or_else(|e| e.into_inner());
        }
        *n += 1;
        Permit
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut n = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        *n -= 1;
        FREED.notify_one();
    }
}

/// The result of one process run.
struct Run {
    cmdline: String,
    code: Option<i32>,
    out: String,
    err: String,
    secs: f64,
}

impl Run {
    /// Panics with the whole output unless the process exited with status 0.
    fn ok(&self) -> &Self {
        assert_eq!(
            self.code,
            Some(0),
            "{} exited with {:?}\n--- stdout\n{}--- stderr\n{}",
            self.cmdline,
            self.code,
            self.out,
            self.err
        );
        assert!(
            !self.err.contains("panicked") && !self.err.contains("RUST_BACKTRACE"),
            "{}: Rust panic\n--- stderr\n{}",
            self.cmdline,
            self.err
        );
        self
    }

    /// The line of stdout that starts with `label` (panics with the output if there is none).
    fn line(&self, label: &str) -> &str {
        self.out
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| {
                panic!(
                    "{}: no line `{label}`\n--- stdout\n{}--- stderr\n{}",
                    self.cmdline, self.out, self.err
                )
            })
    }

    /// The integers of the stdout line that starts with `label`.
    fn nums(&self, label: &str) -> Vec<i64> {
        nums(&self.line(label)[label.len()..])
    }

    /// Asserts that the line `label A expected: B` has A == B == `want`.
    fn exact(&self, label: &str, want: i64) {
        let n = self.nums(label);
        assert!(
            n.len() >= 2 && n[0] == want && n[1] == want,
            "{}: `{}` should be {want}\n--- stdout\n{}--- stderr\n{}",
            self.cmdline,
            self.line(label),
            self.out,
            self.err
        );
    }

    /// Asserts that the stdout line `label` ends with `value`.
    fn says(&self, label: &str, value: &str) {
        let l = self.line(label);
        assert!(
            l[label.len()..].trim() == value,
            "{}: `{l}` should say `{value}`\n--- stdout\n{}--- stderr\n{}",
            self.cmdline,
            self.out,
            self.err
        );
    }

    /// Asserts that stderr holds nothing but `--stm-stats` lines.
    fn quiet(&self) {
        let noise: Vec<&str> = self
            .err
            .lines()
            .filter(|l| !l.starts_with("stm: "))
            .collect();
        assert!(
            noise.is_empty(),
            "{}: unexpected stderr\n{}",
            self.cmdline,
            self.err
        );
    }
}

/// The integers of `s` (runs of digits, with a leading `-`).
fn nums(s: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let neg = i > 0 && b[i - 1] == b'-';
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let v: i64 = s[start..i].parse().unwrap();
            out.push(if neg { -v } else { v });
        } else {
            i += 1;
        }
    }
    out
}

fn prog(name: &str) -> String {
    format!("{}/tests/stm/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// How to run a program.
#[derive(Clone, Copy, PartialEq, Debug)]
enum How {
    Stm,
    /// `--stm` with transactions of at most 4 switch points (`WEFT_STM_BUDGET_MAX`): many more
    /// commits, claims and validations per run.
    StmShort,
    StmStats,
    Gil,
    CPython,
}

/// A job: how, program file, arguments.
type Job = (How, &'static str, Vec<String>);

fn job(how: How, name: &'static str, args: &[&dyn ToString]) -> Job {
    (how, name, args.iter().map(|a| a.to_string()).collect())
}

/// Runs one program under the watchdog (takes a slot of the process semaphore).
fn run(how: How, name: &str, args: &[String]) -> Run {
    let mut cmd = match how {
        How::CPython => Command::new("python3"),
        _ => Command::new(env!("CARGO_BIN_EXE_weft")),
    };
    match how {
        How::Stm => {
            cmd.arg("--stm");
        }
        How::StmShort => {
            cmd.arg("--stm").env("WEFT_STM_BUDGET_MAX", "4");
        }
        How::StmStats => {
            cmd.arg("--stm-stats");
        }
        How::Gil | How::CPython => {}
    }
    cmd.arg(prog(name)).args(args);
    let cmdline = format!("{cmd:?}");
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let _permit = Permit::take();
    let t0 = Instant::now();
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("{cmdline}: cannot start: {e}"));
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = so.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if t0.elapsed() > TIMEOUT {
            timed_out = true;
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let secs = t0.elapsed().as_secs_f64();
    let out = String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned();
    let err = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    assert!(
        !timed_out,
        "{cmdline}: killed after {TIMEOUT:?} (hang?)\n--- stdout\n{out}--- stderr\n{err}"
    );
    Run {
        cmdline,
        code: status.code(),
        out,
        err,
        secs,
    }
}

/// Runs all jobs, at most [`PARALLEL`] at a time; results in job order.
fn run_many(jobs: &[Job]) -> Vec<Run> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Run>>> = Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..PARALLEL {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((how, name, args)) = jobs.get(i) else {
                    break;
                };
                let r = run(*how, name, args);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

/// Whether CPython 3 can be run (the comparisons with it are skipped, loudly, when it cannot).
fn have_cpython() -> bool {
    let ok = Command::new("python3")
        .arg("-c")
        .arg("import sys; assert sys.version_info >= (3, 9)")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        eprintln!("python3 not found: CPython comparisons skipped");
    }
    ok
}

/// Total and longest running time of `runs`, for the test log.
fn timing(what: &str, runs: &[Run]) {
    let total: f64 = runs.iter().map(|r| r.secs).sum();
    let max = runs.iter().map(|r| r.secs).fold(0.0, f64::max);
    println!(
        "{what}: {} runs, {total:.2} s process time, longest {max:.2} s",
        runs.len()
    );
}

/// `(commits, aborts)` from the `stm: commits: N aborts: M ...` line of `--stm-stats`.
fn stm_stats(r: &Run) -> (i64, i64) {
    let line = r
        .err
        .lines()
        .find(|l| l.starts_with("stm: commits:"))
        .unwrap_or_else(|| panic!("{}: no --stm-stats line\n{}", r.cmdline, r.err));
    let n = nums(line);
    (n[0], n[1])
}

const THREADS: i64 = 8;

fn check_bank(r: &Run, per_thread: i64) {
    r.ok().quiet();
    r.exact("total:", 16 * 1000);
    let min = r.nums("min:")[0];
    assert!(min >= 0, "{}: negative balance {min}\n{}", r.cmdline, r.out);
    r.exact("transfers:", THREADS * per_thread);
    let audits = r.nums("audits:");
    assert!(
        audits[0] > 0 && audits[1] == 0,
        "{}: audits saw a wrong total: {}",
        r.cmdline,
        r.line("audits:")
    );
    r.says("alive:", "0");
}

#[test]
fn bank_transfers_100_runs() {
    let per_thread = 1500;
    let mut jobs: Vec<Job> = (1..=100)
        .map(|seed| job(How::Stm, "bank.py", &[&seed, &per_thread]))
        .collect();
    jobs.push(job(How::StmStats, "bank.py", &[&0, &per_thread]));
    jobs.push(job(How::Gil, "bank.py", &[&0, &per_thread]));
    jobs.push(job(How::StmShort, "bank.py", &[&101, &per_thread]));
    jobs.push(job(How::StmShort, "bank.py", &[&102, &per_thread]));
    let runs = run_many(&jobs);
    timing("bank", &runs);
    let mut lowest = i64::MAX;
    for r in &runs {
        check_bank(r, per_thread);
        lowest = lowest.min(r.nums("min:")[0]);
    }
    let stats = &runs[100];
    let (commits, aborts) = stm_stats(stats);
    println!(
        "bank: 104 runs ok, lowest final balance {lowest}; --stm-stats run: {commits} commits, \
         {aborts} aborts; moved/refused {:?}",
        stats.nums("moved:")
    );
    assert!(commits > 0, "no transaction committed:\n{}", stats.err);
}

#[test]
fn atomic_counters_exact() {
    let n = 5000;
    let jobs = vec![
        job(How::Stm, "counters.py", &[&n]),
        job(How::Stm, "counters.py", &[&n]),
        job(How::StmStats, "counters.py", &[&n]),
        job(How::Gil, "counters.py", &[&n]),
    ];
    let runs = run_many(&jobs);
    timing("counters", &runs);
    let want = THREADS * n;
    for r in &runs {
        r.ok().quiet();
        for label in ["global:", "list:", "attr:", "dict:"] {
            r.exact(label, want);
        }
        for label in ["mixed global:", "mixed list:", "mixed attr:", "mixed dict:"] {
            r.exact(label, 2 * want);
        }
        assert_eq!(r.nums("list:")[2..], [0, 0], "{}", r.out);
        r.says("alive:", "0");
    }
    let (commits, aborts) = stm_stats(&runs[2]);
    println!("counters: {commits} commits, {aborts} aborts");
}

#[test]
fn random_ops_match_serial_gil_and_cpython() {
    let cpython = have_cpython();
    // (seed, threads, ops per thread)
    let cases: [(i64, i64, i64); 6] = [
        (1, 8, 1500),
        (2, 8, 3000),
        (3, 4, 3000),
        (4, 8, 2000),
        (5, 3, 4000),
        (6, 12, 1000),
    ];
    let mut jobs = Vec::new();
    for (seed, threads, ops) in cases {
        jobs.push(job(How::Stm, "random_ops.py", &[&seed, &threads, &ops]));
        jobs.push(job(How::Gil, "random_ops.py", &[&seed, &threads, &ops]));
        if cpython {
            jobs.push(job(How::CPython, "random_ops.py", &[&seed, &threads, &ops]));
        }
    }
    let runs = run_many(&jobs);
    timing("random_ops", &runs);
    let per = if cpython { 3 } else { 2 };
    for (case, group) in cases.iter().zip(runs.chunks(per)) {
        let (_, threads, ops) = *case;
        for r in group {
            r.ok().quiet();
            assert_eq!(r.nums("ops:"), [threads * ops], "{}", r.cmdline);
            assert_eq!(r.nums("errors:"), [0], "{}: {}", r.cmdline, r.out);
            r.says("match:", "True");
        }
        let stm = &group[0];
        for other in &group[1..] {
            assert_eq!(
                stm.out, other.out,
                "digest differs between\n{}\nand\n{}",
                stm.cmdline, other.cmdline
            );
        }
        println!("random_ops {case:?}: {}", stm.line("threaded:"));
    }
}

/// Runs `name args` under `--stm` `stm_runs` times, under GIL mode and CPython once each, checks
/// exit status 0 and quiet stderr (unless `stderr_ok`), and that every stdout is identical (the
/// programs print only interleaving-independent results).
fn same_everywhere(name: &'static str, args: &[&dyn ToString], stm_runs: usize) -> Vec<Run> {
    let mut jobs: Vec<Job> = (0..stm_runs).map(|_| job(How::Stm, name, args)).collect();
    jobs.push(job(How::StmStats, name, args));
    jobs.push(job(How::Gil, name, args));
    if have_cpython() {
        jobs.push(job(How::CPython, name, args));
    }
    let runs = run_many(&jobs);
    timing(name, &runs);
    for r in &runs {
        r.ok();
        assert_eq!(
            r.out, runs[0].out,
            "output differs between\n{}\nand\n{}",
            runs[0].cmdline, r.cmdline
        );
    }
    let (commits, aborts) = stm_stats(&runs[stm_runs]);
    println!("{name}: {commits} commits, {aborts} aborts");
    runs
}

#[test]
fn sixteen_threads_cpu_and_shared_updates() {
    let (threads, work) = (16, 80000);
    let runs = same_everywhere("cpu16.py", &[&threads, &work], 3);
    let r = &runs[0];
    r.quiet();
    r.exact("count:", 7837); // primes below 80000
    r.exact("sum:", 296_488_208);
    let h = r.nums("histogram:");
    assert_eq!(h[..7], h[7..], "{}", r.line("histogram:"));
    let d = r.line("digits:");
    let (got, want) = d.split_once("expected:").unwrap();
    assert_eq!(got["digits:".len()..].trim(), want.trim());
    r.says("per-thread ok:", "True");
    r.says("alive:", "0");
    for r in &runs {
        r.quiet();
    }
}

#[test]
fn two_hundred_short_lived_threads() {
    let runs = same_everywhere("waves.py", &[&200, &25], 3);
    let r = &runs[0];
    for r in &runs {
        r.quiet();
    }
    r.exact("threads:", 200);
    r.exact("atomic:", 200);
    r.exact("lock:", 200);
    r.exact("steps:", 200 * 300);
    r.says("ids ok:", "True dups: 0");
    r.says("names ok:", "True");
    r.says("alive:", "0 active: 1");
}

#[test]
fn lock_condition_queue_producer_consumer() {
    let n = 2000;
    let runs = same_everywhere("prodcons.py", &[&n], 2);
    let items = 4 * n;
    for r in &runs {
        r.quiet();
        for part in ["queue:", "condition:"] {
            let l = r
                .out
                .lines()
                .find(|l| l.starts_with(part) && l.contains("received"))
                .unwrap();
            let v = nums(l);
            assert_eq!(v[..3], [items, items, items], "{}: {l}", r.cmdline);
            assert!(l.ends_with("ok True"), "{}: {l}", r.cmdline);
            let fifo = format!("{part} fifo per consumer True");
            assert!(r.out.contains(&fifo), "{}: {}", r.cmdline, r.out);
        }
        r.says("queue: empty", "True unfinished 0");
        r.says("condition: left", "0");
        let c = r.nums("lock: counter");
        assert_eq!(c, [8 * n, 8 * n], "{}", r.line("lock: counter"));
        r.says("alive:", "0");
    }
}

#[test]
fn raising_thread_others_finish() {
    let steps = 3000;
    let runs = same_everywhere("raises.py", &[&steps], 2);
    for r in &runs {
        r.exact("counter:", 6 * steps + steps / 2 + 1);
        r.says("finished:", "[0, 1, 2, 4, 6, 7]");
        r.says("alive:", "0");
        r.line("main thread still runs");
        if r.cmdline.starts_with("\"python3\"") {
            // CPython writes the two tracebacks from their threads without a common lock: they may
            // interleave character by character. Only Weft's stderr is checked.
            continue;
        }
        for needle in [
            "Exception in thread",
            "Traceback (most recent call last):",
            "raise ValueError(\"boom from thread 3\")",
            "ValueError: boom from thread 3",
            "KeyError: 'missing key from thread 5'",
        ] {
            assert!(
                r.err.contains(needle),
                "{}: stderr lacks `{needle}`\n{}",
                r.cmdline,
                r.err
            );
        }
        assert_eq!(
            r.err.matches("Traceback").count(),
            2,
            "{}: one traceback per raising thread\n{}",
            r.cmdline,
            r.err
        );
    }
}

/// Thread-private objects (claimed by their thread's transactions, no barriers) later shared and
/// updated by every thread in atomic blocks: the claims give way (the object is marked shared after a
/// conflict) and no update is lost. 10 runs under `--stm`, one with statistics, GIL mode, CPython.
#[test]
fn private_then_shared_objects_exact() {
    let n = 2000;
    let mut jobs: Vec<Job> = (0..10)
        .map(|_| job(How::Stm, "affinity.py", &[&n]))
        .collect();
    jobs.push(job(How::StmStats, "affinity.py", &[&n]));
    jobs.push(job(How::Gil, "affinity.py", &[&n]));
    jobs.push(job(How::StmShort, "affinity.py", &[&n]));
    jobs.push(job(How::StmShort, "affinity.py", &[&n]));
    if have_cpython() {
        jobs.push(job(How::CPython, "affinity.py", &[&n]));
    }
    let runs = run_many(&jobs);
    timing("affinity", &runs);
    let want = runs[runs.len() - 1].ok().line("total:").to_string();
    for r in &runs {
        r.ok().quiet();
        r.says("match:", "True");
        assert_eq!(r.line("total:"), want, "{}", r.out);
    }
    let (commits, aborts) = stm_stats(&runs[10]);
    println!("affinity: {commits} commits, {aborts} aborts");
}

/// Read-mostly shared objects, frozen by the readers' transactions (weft_stm::freeze) and written
/// now and then by a writer in `with atomic:`: no reader ever sees a torn state. Under `--stm`
/// (6 runs, one of them with statistics, which must show freezes and unfreezes), GIL, CPython.
#[test]
fn frozen_objects_unfreeze_without_torn_reads() {
    let runs = same_everywhere("frozen.py", &[&40], 5);
    let r = &runs[0];
    r.says("torn:", "0");
    r.says("final:", "40 40 True");
    r.says("checked:", "True");
    for r in &runs {
        r.quiet();
    }
    let err = &runs[5].err;
    let stats = err
        .lines()
        .find(|l| l.starts_with("stm: frozen:"))
        .unwrap_or_else(|| panic!("no frozen statistics:\n{err}"));
    let n = nums(stats);
    assert!(n[0] > 0 && n[1] > 0, "no freeze or no unfreeze: {stats}");
}
