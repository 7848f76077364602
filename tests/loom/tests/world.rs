//! Loom model of the `--stm` stop-the-world handshake (scheduler/src/world.rs): mutators enter, work,
//! park at a switch point when a collection is requested, and leave; a collector stops the world and
//! checks that no mutator runs meanwhile (an atomic "inside" count must be 0, and reading every
//! mutator's roots — a plain `UnsafeCell` each, written only while its owner runs — must not race, which
//! loom's cell tracking checks); a thread blocks at a blocking point outside the world; two would-be
//! collectors never collect at once; a frozen world refuses new collections. A lost wake-up shows up as a
//! deadlock, which loom reports. Exclusive runs: a thread that went exclusive runs with nobody else inside
//! (its roots cell written while another thread tries to enter must not race), ends its run when
//! asked at a switch point, and the waiting thread then gets in. Three planted bugs are caught: a
//! collector that waits only once (a mutator runs during the collection), a `leave` that forgets to
//! notify (the collector deadlocks), and an `enter` that ignores an exclusive run.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::sync::{Arc, Condvar, Mutex};
use loom::thread;
use weft_scheduler::world::PlantedBug;
use weft_scheduler::World;

/// One mutator's roots: written by its owner only while it runs, read by the collector only while the
/// world is stopped. Loom reports a causality violation if the two ever race.
struct Roots(UnsafeCell<usize>);

// SAFETY: every access goes through loom's `UnsafeCell::with`/`with_mut`, which checks at run time that
// no two accesses race (that is the property under test); the model shares the cell between threads only
// under the protocol being checked.
unsafe impl Sync for Roots {}

impl Roots {
    fn new() -> Roots {
        Roots(UnsafeCell::new(0))
    }
    fn read(&self) -> usize {
        // SAFETY: a plain read through loom's checked cell (races are reported, see the Sync impl).
        self.0.with(|p| unsafe { *p })
    }
}

/// What every thread of a model shares.
struct Shared {
    world: World,
    /// Mutators inside their work (running Python code).
    inside: AtomicUsize,
    roots: Vec<Roots>,
}

impl Shared {
    fn new(world: World, mutators: usize) -> Arc<Shared> {
        Arc::new(Shared {
            world,
            inside: AtomicUsize::new(0),
            roots: (0..mutators).map(|_| Roots::new()).collect(),
        })
    }

    /// Mutator `me` runs a bit of Python code (the caller has entered).
    fn work(&self, me: usize) {
        self.inside.fetch_add(1, Ordering::SeqCst);
        // SAFETY: a plain write through loom's checked cell (races are reported, see the Sync impl).
        self.roots[me].0.with_mut(|p| unsafe { *p += 1 });
        // Python code takes a while: let the others run (not counted as a preemption by loom).
        thread::yield_now();
        self.inside.fetch_sub(1, Ordering::SeqCst);
    }

    /// A switch point: parks while a collection is requested (as `stm_park` does).
    fn switch_point(&self) {
        if self.world.stw_requested() {
            self.world.leave();
            self.world.enter();
        }
    }

    /// The collector (the caller has entered): stops the world, checks nobody runs, reads every
    /// mutator's roots (if `read_roots`), restarts. If another thread collects, parks instead (as
    /// `stm_collect` does). Returns whether it collected.
    fn collect(&self, read_roots: bool) -> bool {
        if !self.world.try_stop_the_world() {
            self.world.leave();
            self.world.enter();
            return false;
        }
        assert_eq!(
            self.inside.load(Ordering::SeqCst),
            0,
            "a mutator runs during the collection"
        );
        if read_roots {
            for r in &self.roots {
                r.read();
            }
        }
        self.world.restart_the_world();
        true
    }
}

/// Two mutators and a collector (the main thread): the collector runs alone, and the handshake neither
/// loses a wake-up nor leaves anyone behind. `both_running`: the collector requests the collection only
/// once both mutators have entered (so it must wait for two threads to park); otherwise anywhere.
fn collector_and_two_mutators(world: World, read_roots: bool, both_running: bool) {
    let s = Shared::new(world, 2);
    let entered = Arc::new(AtomicUsize::new(0));
    let hs: Vec<_> = (0..2)
        .map(|i| {
            let (s, entered) = (s.clone(), entered.clone());
            thread::spawn(move || {
                s.world.inc_active();
                s.world.enter();
                entered.fetch_add(1, Ordering::SeqCst);
                s.work(i);
                s.switch_point();
                s.work(i);
                s.world.dec_active();
                s.world.leave();
            })
        })
        .collect();
    s.world.inc_active();
    s.world.enter();
    while both_running && entered.load(Ordering::SeqCst) < 2 {
        thread::yield_now();
    }
    assert!(s.collect(read_roots), "nobody else collects");
    s.world.dec_active();
    s.world.leave();
    for h in hs {
        h.join().unwrap();
    }
    assert_eq!(s.roots.iter().map(Roots::read).sum::<usize>(), 4);
    assert_eq!(s.world.running(), 0);
    assert_eq!(s.world.active(), 0);
    assert!(!s.world.pending());
}

#[test]
fn world_collector_runs_alone() {
    loom::model(|| collector_and_two_mutators(World::new(), true, false));
}

/// The same, with the collection requested while both mutators run (each must park first).
#[test]
fn world_collector_waits_for_two_running_mutators() {
    loom::model(|| collector_and_two_mutators(World::new(), true, true));
}

/// A thread blocks at a blocking point (waiting for an event another mutator sets) outside the world:
/// the collector does not wait for it, it does not count as active meanwhile, and it comes back in.
#[test]
fn world_blocked_thread_does_not_hold_up_the_collector() {
    loom::model(|| {
        let s = Shared::new(World::new(), 2);
        let event = Arc::new((Mutex::new(false), Condvar::new()));
        let (s1, e1) = (s.clone(), event.clone());
        let setter = thread::spawn(move || {
            s1.world.inc_active();
            s1.world.enter();
            s1.work(0);
            s1.switch_point();
            *e1.0.lock().unwrap() = true;
            e1.1.notify_all();
            s1.world.dec_active();
            s1.world.leave();
        });
        let (s2, e2) = (s.clone(), event.clone());
        let blocker = thread::spawn(move || {
            s2.world.inc_active();
            s2.world.enter();
            s2.work(1);
            // The blocking point (as `stm_park_as(true, ..)`).
            s2.world.dec_active();
            s2.world.leave();
            let mut set = e2.0.lock().unwrap();
            while !*set {
                set = e2.1.wait(set).unwrap();
            }
            drop(set);
            s2.world.inc_active();
            s2.world.enter();
            s2.work(1);
            s2.world.dec_active();
            s2.world.leave();
        });
        s.world.enter();
        assert!(s.collect(true));
        s.world.leave();
        setter.join().unwrap();
        blocker.join().unwrap();
        assert_eq!(s.roots[1].read(), 2);
        assert_eq!(s.world.running(), 0);
        assert_eq!(s.world.active(), 0);
    });
}

/// Two threads both try to collect between their work: at most one collects at a time (the other parks
/// until it is done), and nobody runs during a collection.
#[test]
fn world_two_collectors_take_turns() {
    loom::model(|| {
        let s = Shared::new(World::new(), 2);
        let collecting = Arc::new(AtomicUsize::new(0));
        let hs: Vec<_> = (0..2)
            .map(|i| {
                let (s, collecting) = (s.clone(), collecting.clone());
                thread::spawn(move || {
                    s.world.enter();
                    s.work(i);
                    // Inline `collect` with a check that the two collections never overlap.
                    if s.world.try_stop_the_world() {
                        assert_eq!(
                            collecting.fetch_add(1, Ordering::SeqCst),
                            0,
                            "two collectors"
                        );
                        assert_eq!(s.inside.load(Ordering::SeqCst), 0);
                        s.roots[1 - i].read();
                        collecting.fetch_sub(1, Ordering::SeqCst);
                        s.world.restart_the_world();
                    } else {
                        s.world.leave();
                        s.world.enter();
                    }
                    s.work(i);
                    s.world.leave();
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(s.world.running(), 0);
        assert!(!s.world.stw_requested());
    });
}

/// Freezing at exit: the request is set for good, no collection starts after it, and a thread that was
/// running sees the request at its switch point and parks (here it just leaves: entering again would
/// block forever, which loom would report as a deadlock — in the VM the process exits).
#[test]
fn world_freeze_is_for_good() {
    loom::model(|| {
        let s = Shared::new(World::new(), 1);
        let entered = Arc::new(AtomicBool::new(false));
        let (s1, e1) = (s.clone(), entered.clone());
        let t = thread::spawn(move || {
            s1.world.enter();
            e1.store(true, Ordering::SeqCst);
            s1.work(0);
            if s1.world.stw_requested() {
                s1.world.leave();
                return;
            }
            s1.work(0);
            s1.world.leave();
        });
        s.world.enter();
        while !entered.load(Ordering::SeqCst) {
            thread::yield_now();
        }
        s.world.freeze();
        assert!(s.world.stw_requested());
        assert!(
            !s.world.try_stop_the_world(),
            "a collection in a frozen world"
        );
        t.join().unwrap();
        assert_eq!(s.world.running(), 1);
        assert!(s.world.stw_requested());
    });
}

/// Planted bug 1: the collector, requesting the collection while both mutators run, wakes at the first
/// change of the running count and proceeds while the second mutator still runs; loom finds the
/// interleaving and the "nobody runs" assertion fails. (The roots are not read here, so the assertion,
/// not loom's race report, is what fails.)
#[test]
#[should_panic(expected = "a mutator runs during the collection")]
fn planted_bug_collector_waits_once_is_caught() {
    loom::model(|| {
        collector_and_two_mutators(
            World::with_planted_bug(PlantedBug::CollectorWaitsOnce),
            false,
            true,
        )
    });
}

/// Planted bug 2: `leave` forgets to notify; the collector waiting for the last mutator to park sleeps
/// forever, and loom reports the deadlock.
#[test]
#[should_panic(expected = "deadlock")]
fn planted_bug_leave_without_notify_deadlocks() {
    loom::model(|| {
        collector_and_two_mutators(
            World::with_planted_bug(PlantedBug::LeaveWithoutNotify),
            true,
            false,
        )
    });
}

/// An exclusive run: thread A, alone, goes exclusive and works (writing its roots cell, as a thread
/// without barriers writes shared objects) while B tries to enter; B reads A's cell once inside. A
/// polls the attention word at its switch points and ends the run when B waits (or leaves after its
/// work), so B always gets in, never while A runs exclusive. (If B enters first, A cannot go exclusive
/// and writes nothing: its work would go through barriers, which this model leaves out.)
/// `stop_during_run`: A also stops the world during its run (it is the only running thread, so that
/// succeeds at once).
fn exclusive_run(world: World, stop_during_run: bool) {
    let s = Shared::new(world, 1);
    let writes = Arc::new(AtomicUsize::new(0));
    // A is counted as running before either thread starts (like a thread entered at a switch point).
    s.world.enter();
    let a = {
        let (s, writes) = (s.clone(), writes.clone());
        thread::spawn(move || {
            let mut excl = s.world.try_go_exclusive();
            for _ in 0..2 {
                if excl {
                    s.work(0);
                    writes.fetch_add(1, Ordering::SeqCst);
                    if stop_during_run {
                        assert!(
                            s.world.try_stop_the_world(),
                            "the exclusive thread collects alone"
                        );
                        s.world.restart_the_world();
                    }
                    if s.world.exclusive_wanted() {
                        s.world.end_exclusive();
                        excl = false;
                    }
                }
            }
            s.world.leave();
        })
    };
    let b = {
        let s = s.clone();
        thread::spawn(move || {
            s.world.enter();
            s.roots[0].read();
            s.world.leave();
        })
    };
    a.join().unwrap();
    b.join().unwrap();
    assert_eq!(s.roots[0].read(), writes.load(Ordering::SeqCst));
    assert_eq!(s.world.running(), 0);
    assert!(!s.world.pending());
}

#[test]
fn world_exclusive_run_keeps_others_out() {
    loom::model(|| exclusive_run(World::new(), false));
}

#[test]
fn world_exclusive_thread_may_stop_the_world() {
    loom::model(|| exclusive_run(World::new(), true));
}

/// Planted bug 3: `enter` ignores the exclusive run; B reads A's roots cell while A writes it without
/// synchronisation, and loom reports the race.
#[test]
#[should_panic]
fn planted_bug_enter_ignores_exclusive_is_caught() {
    loom::model(|| {
        exclusive_run(
            World::with_planted_bug(PlantedBug::EnterIgnoresExclusive),
            false,
        )
    });
}
