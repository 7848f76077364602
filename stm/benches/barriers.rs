//! Criterion micro-benchmarks of the STM barriers and transaction boundaries (`weft_stm::tx`), next to
//! the plain relaxed loads/stores that GIL mode's access layer (`weft_vm::access`, mode `Gil`) pays for
//! the same words, so the cost of `--stm` per access can be quoted as a ratio.
//!
//! Run: `cargo bench -p weft-stm --bench barriers -- --quick` (under a minute; drop `--quick` for
//! criterion's full sampling, a few minutes). Numbers and ratios: benches/README.md.
//!
//! # How the timing works
//! Every benchmark reports the time of **one operation** (one read, one write, one commit...), not of a
//! whole transaction. Most of them use [`per_op`]: a *round* begins `K` transactions over disjoint sets
//! of words, does the untimed set-up of each (earlier writes, becoming inevitable...), times only the
//! phase being measured across all `K` transactions with one pair of `Instant::now` calls (so the timer's
//! own cost is spread over `K × n` operations), then finishes them untimed. `K` transactions are alive at
//! once because they touch disjoint words (distinct orecs: all words are one contiguous array, far smaller
//! than the orec table), so none conflicts with another.
//!
//! The barriers are called across the crate boundary without LTO, as the VM will call them; the
//! transaction logs start empty in each transaction (`Tx::begin` allocates nothing), so growing them is
//! part of the measured per-operation cost, amortised over `n`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use weft_stm::{Stm, Tx};

/// Orec table size: the 2^20 entries docs/stm.md plans for the VM.
const OREC_BITS: u32 = 20;
/// Transactions per round (see the module docs).
const K: usize = 32;

/// `n` contiguous zeroed words for each of `k` transactions.
fn words(k: usize, n: usize) -> Vec<AtomicU64> {
    (0..k * n).map(|_| AtomicU64::new(0)).collect()
}

/// Runs rounds of `ops_per_round` timed operations until at least `iters` operations ran; returns the
/// timed total scaled to exactly `iters` operations (what `iter_custom` must return).
fn per_op(iters: u64, ops_per_round: u64, mut round: impl FnMut() -> Duration) -> Duration {
    let rounds = iters.div_ceil(ops_per_round).max(1);
    let mut total = Duration::ZERO;
    for _ in 0..rounds {
        total += round();
    }
    total.mul_f64(iters as f64 / (rounds * ops_per_round) as f64)
}

/// One round over `k` transactions, transaction `j` owning `words[j*n..(j+1)*n]`: `setup` each
/// (untimed), `timed` each (timed together), `finish` each (untimed; a finished or dropped transaction
/// needs nothing more).
fn round<'a>(
    stm: &'a Stm,
    words: &'a [AtomicU64],
    k: usize,
    n: usize,
    setup: impl Fn(&mut Tx<'a>, &'a [AtomicU64]),
    timed: impl Fn(&mut Tx<'a>, &'a [AtomicU64]),
    finish: impl Fn(&mut Tx<'a>),
) -> Duration {
    let mut txs: Vec<Tx<'a>> = (0..k).map(|_| Tx::begin(stm)).collect();
    for (tx, set) in txs.iter_mut().zip(words.chunks(n)) {
        setup(tx, set);
    }
    let t0 = Instant::now();
    for (tx, set) in txs.iter_mut().zip(words.chunks(n)) {
        timed(tx, set);
    }
    let d = t0.elapsed();
    for tx in &mut txs {
        finish(tx);
    }
    d
}

fn commit(tx: &mut Tx<'_>) {
    tx.commit().unwrap();
}

fn nothing(_: &mut Tx<'_>) {}

fn no_setup(_: &mut Tx<'_>, _: &[AtomicU64]) {}

/// Reads every word of `set` once, transactionally.
fn read_all<'a>(tx: &mut Tx<'a>, set: &'a [AtomicU64]) {
    let mut sum = 0u64;
    for w in set {
        sum = sum.wrapping_add(tx.read(w).unwrap());
    }
    black_box(sum);
}

/// Writes every word of `set` once, transactionally.
fn write_all<'a>(tx: &mut Tx<'a>, set: &'a [AtomicU64]) {
    for (i, w) in set.iter().enumerate() {
        tx.write(w, i as u64).unwrap();
    }
}

/// Baseline: what GIL mode pays per access to a mutable word. `weft_vm::access` (mode `Gil`) does a
/// relaxed load/store of the slot and nothing else, so every STM figure below is quoted as a multiple
/// of these. Same loop shape as `read/distinct` and `write/first` (sum of the loaded values, `black_box`
/// once per round), over the same `K × 256` words.
fn plain(c: &mut Criterion) {
    let n = 256;
    let ws = words(K, n);
    let ops = (K * n) as u64;
    let mut g = c.benchmark_group("plain");
    g.bench_function("load_relaxed", |b| {
        b.iter_custom(|iters| {
            per_op(iters, ops, || {
                let ws = black_box(&ws[..]);
                let t0 = Instant::now();
                let mut sum = 0u64;
                for w in ws {
                    sum = sum.wrapping_add(w.load(Ordering::Relaxed));
                }
                let d = t0.elapsed();
                black_box(sum);
                d
            })
        })
    });
    g.bench_function("store_relaxed", |b| {
        b.iter_custom(|iters| {
            per_op(iters, ops, || {
                let ws = black_box(&ws[..]);
                let t0 = Instant::now();
                for (i, w) in ws.iter().enumerate() {
                    w.store(i as u64, Ordering::Relaxed);
                }
                t0.elapsed()
            })
        })
    });
    g.finish();
}

/// The read barrier (`Tx::read`): every `LOAD_ATTR`, subscript and global lookup under `--stm` goes
/// through it, so it is the single most frequent STM operation and the main term of the STM-vs-GIL
/// slowdown of single-threaded code.
/// * `distinct/n`: a transaction reads `n` distinct words once each (orec load, value load, orec
///   re-check, read-log push). Time per read.
/// * `same_word/n`: a transaction re-reads one word `n` times (the loop a VM runs on a hot attribute).
///   The protocol logs every read again (no dedup), so this differs from `distinct` only by cache
///   locality; a large gap would mean the orec/word lines, not the logic, dominate.
/// * `inevitable/n`: the inevitable transaction reads `n` distinct words: no read log (nothing can
///   invalidate its reads), so this is the floor of the read barrier and what a long-running inevitable
///   transaction (I/O, a fallback after aborts) pays. One transaction per round (only one can be
///   inevitable).
fn read(c: &mut Criterion) {
    let stm = Stm::new(OREC_BITS);
    let mut g = c.benchmark_group("read");
    for n in [16usize, 256] {
        let ws = words(K, n);
        let ops = (K * n) as u64;
        g.bench_with_input(BenchmarkId::new("distinct", n), &n, |b, &n| {
            b.iter_custom(|iters| {
                per_op(iters, ops, || {
                    round(&stm, &ws, K, n, no_setup, read_all, commit)
                })
            })
        });
        g.bench_with_input(BenchmarkId::new("same_word", n), &n, |b, &n| {
            b.iter_custom(|iters| {
                per_op(iters, ops, || {
                    round(
                        &stm,
                        &ws,
                        K,
                        n,
                        no_setup,
                        |tx, set| {
                            let mut sum = 0u64;
                            for _ in 0..n {
                                sum = sum.wrapping_add(tx.read(&set[0]).unwrap());
                            }
                            black_box(sum);
                        },
                        commit,
                    )
                })
            })
        });
    }
    let n = 256;
    let ws = words(1, n);
    g.bench_with_input(BenchmarkId::new("inevitable", n), &n, |b, &n| {
        b.iter_custom(|iters| {
            per_op(iters, n as u64, || {
                round(
                    &stm,
                    &ws,
                    1,
                    n,
                    |tx, _| tx.become_inevitable().unwrap(),
                    read_all,
                    commit,
                )
            })
        })
    });
    g.finish();
}

/// The write barrier (`Tx::write`): every `STORE_ATTR`, item store and list append under `--stm`.
/// * `first/n`: a transaction writes `n` distinct words once each: per write, a CAS locking the orec,
///   an entry in the lock log and in the undo log, the store. The transaction's first write also
///   registers its kill flag (an `Arc` plus a mutex-protected map insert), amortised over `n`:
///   `first/1` is the cost of a transaction's very first write.
/// * `repeat/n`: `n` more writes to a word the transaction already locked (orec load says "mine",
///   undo-log push, store) — the common case of a loop updating one attribute.
fn write(c: &mut Criterion) {
    let stm = Stm::new(OREC_BITS);
    let mut g = c.benchmark_group("write");
    for n in [1usize, 16, 256] {
        let ws = words(K, n);
        let ops = (K * n) as u64;
        g.bench_with_input(BenchmarkId::new("first", n), &n, |b, &n| {
            b.iter_custom(|iters| {
                per_op(iters, ops, || {
                    round(&stm, &ws, K, n, no_setup, write_all, commit)
                })
            })
        });
    }
    for n in [16usize, 256] {
        let ws = words(K, 1);
        let ops = (K * n) as u64;
        g.bench_with_input(BenchmarkId::new("repeat", n), &n, |b, &n| {
            b.iter_custom(|iters| {
                per_op(iters, ops, || {
                    round(
                        &stm,
                        &ws,
                        K,
                        1,
                        |tx, set| tx.write(&set[0], 0).unwrap(),
                        |tx, set| {
                            for i in 0..n {
                                tx.write(&set[0], i as u64).unwrap();
                            }
                        },
                        commit,
                    )
                })
            })
        });
    }
    g.finish();
}

/// Commit (`Tx::commit`), timed alone; the reads/writes before it are untimed. The VM commits at
/// every transaction boundary (a quantum of bytecodes, a blocking call), so this fixes how short
/// transactions can be before the boundary dominates.
/// * `read_only/16`: after 16 reads: no clock tick and no validation (the reads were consistent with
///   the snapshot when made), just the bookkeeping.
/// * `writes/n`: after `n` first writes: tick the global clock by CAS, validate the (empty) read set,
///   release `n` orecs, unregister the kill flag.
fn commit_bench(c: &mut Criterion) {
    let stm = Stm::new(OREC_BITS);
    let mut g = c.benchmark_group("commit");
    let n = 16;
    let ws = words(K, n);
    g.bench_with_input(BenchmarkId::new("read_only", n), &n, |b, &n| {
        b.iter_custom(|iters| {
            per_op(iters, K as u64, || {
                round(&stm, &ws, K, n, read_all, |tx, _| commit(tx), nothing)
            })
        })
    });
    for n in [1usize, 16, 256] {
        let ws = words(K, n);
        g.bench_with_input(BenchmarkId::new("writes", n), &n, |b, &n| {
            b.iter_custom(|iters| {
                per_op(iters, K as u64, || {
                    round(&stm, &ws, K, n, write_all, |tx, _| commit(tx), nothing)
                })
            })
        });
    }
    g.finish();
}

/// Abort (`Tx::rollback`) after `n` first writes, timed alone: restore `n` words from the undo log,
/// tick the clock, release `n` orecs with the new version, unregister the kill flag. Every conflict
/// costs one of these plus the re-execution, so this bounds how cheap a retry can be.
fn abort(c: &mut Criterion) {
    let stm = Stm::new(OREC_BITS);
    let mut g = c.benchmark_group("abort");
    for n in [1usize, 16, 256] {
        let ws = words(K, n);
        g.bench_with_input(BenchmarkId::new("writes", n), &n, |b, &n| {
            b.iter_custom(|iters| {
                per_op(iters, K as u64, || {
                    round(&stm, &ws, K, n, write_all, |tx, _| tx.rollback(), nothing)
                })
            })
        });
    }
    g.finish();
}

/// Whole transactions, timed end to end with criterion's plain `iter`.
/// * `begin_commit_empty`: `Tx::begin` + `commit` with no access: the fixed cost of a transaction
///   boundary (id and clock reads, the commit counter).
/// * `begin_inevitable_commit_empty`: the same, becoming inevitable in between (two clock RMWs): what
///   the VM pays to run a piece of code that cannot be rolled back (I/O).
/// * `atomically_transfer`: `Stm::atomically` of a two-word transfer (2 reads, 2 writes, commit),
///   uncontended — the smallest realistic transaction; `plain_transfer` does the same with relaxed
///   loads/stores (GIL mode).
fn whole(c: &mut Criterion) {
    let stm = Stm::new(OREC_BITS);
    let acct = [AtomicU64::new(1_000_000), AtomicU64::new(0)];
    let mut g = c.benchmark_group("tx");
    g.bench_function("begin_commit_empty", |b| {
        b.iter(|| {
            let mut tx = Tx::begin(black_box(&stm));
            tx.commit().unwrap();
        })
    });
    g.bench_function("begin_inevitable_commit_empty", |b| {
        b.iter(|| {
            let mut tx = Tx::begin(black_box(&stm));
            tx.become_inevitable().unwrap();
            tx.commit().unwrap();
        })
    });
    g.bench_function("atomically_transfer", |b| {
        b.iter(|| {
            black_box(&stm).atomically(|tx| {
                let (from, to) = (&acct[0], &acct[1]);
                let a = tx.read(from)?;
                let b = tx.read(to)?;
                tx.write(from, a.wrapping_sub(1))?;
                tx.write(to, b.wrapping_add(1))?;
                Ok(())
            })
        })
    });
    g.bench_function("plain_transfer", |b| {
        b.iter(|| {
            let (from, to) = black_box((&acct[0], &acct[1]));
            let a = from.load(Ordering::Relaxed);
            let b = to.load(Ordering::Relaxed);
            from.store(a.wrapping_sub(1), Ordering::Relaxed);
            to.store(b.wrapping_add(1), Ordering::Relaxed);
        })
    });
    g.finish();
}

fn config() -> Criterion {
    // Shorter than criterion's defaults (3 s warm-up, 5 s measurement) so a full run stays at a few
    // minutes on a shared machine; `--warm-up-time`/`--measurement-time` on the command line override.
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = plain, read, write, commit_bench, abort, whole
}
criterion_main!(benches);
