//! The stop-the-world handshake of `--stm` (no GIL): which threads run Python code, and the collector
//! stopping them all.
//!
//! # Protocol
//! A thread is *running* between [`World::enter`] and [`World::leave`]; in between it may run Python code
//! and touch the heap. Outside (blocked at a blocking point, or paused for a collection) it is *parked*:
//! the VM publishes its roots before `leave` and takes them back after `enter`, and it neither touches the
//! heap nor its own roots meanwhile.
//! * [`World::enter`]: waits while a stop-the-world is under way, then counts the thread as running.
//! * [`World::leave`]: stops counting it, and wakes whoever waits for the count (a collector) or for the
//!   end of a collection.
//! * [`World::try_stop_the_world`] (a running thread, the would-be collector): if a stop-the-world is
//!   already under way (another collector, or [`World::freeze`]), returns false at once: the caller
//!   should park (`leave` + `enter`) instead, which waits until that one is over. Otherwise it sets the
//!   request (the flag under the mutex and [`ATTN_STW`] in the attention word), then waits until it is
//!   the only running thread. Running threads poll [`World::stw_requested`] (or [`World::attention`])
//!   at their switch points and park there.
//! * [`World::restart_the_world`]: clears the request and wakes the parked threads waiting in `enter`.
//! * [`World::freeze`]: sets the request for good at process exit (nobody restarts it): every other
//!   thread parks at its next switch point and never runs again, like the GIL the exiting main thread
//!   keeps in GIL mode.
//! * [`World::try_go_exclusive`] (a running thread): if it is the only running thread and nobody waits to
//!   enter, it becomes *exclusive*: until [`World::end_exclusive`] (or its `leave`) no other thread
//!   enters, so it may run Python code with no transactional barriers at all (`--stm` with one runnable
//!   thread costs what the GIL costs). A thread calling `enter` meanwhile counts itself as waiting, sets
//!   [`ATTN_EXCL`] and waits; the exclusive thread polls the attention word at its switch points and ends
//!   its exclusive run there. Each exclusive run increments [`World::exclusive_epoch`]: a thread that
//!   was parked with a live transaction checks it when it comes back, since writes made without barriers
//!   left no trace in the ownership records its validation relies on.
//!
//! # Invariants
//! * **What the collector may assume**: from a `true` return of `try_stop_the_world` until its
//!   `restart_the_world`, no other registered thread runs Python code: every thread that ever entered is
//!   parked (it did `leave`, and the mutex orders everything it did before that before the collector's
//!   wake-up), and a thread calling `enter` meanwhile waits until the restart. So the collector may read
//!   the published roots of every other thread and move/free heap objects without races.
//! * At most one stop-the-world is under way at a time (the flag is tested and set under the mutex).
//! * **What an exclusive thread may assume**: from a `true` return of `try_go_exclusive` until its
//!   `end_exclusive` or `leave`, no other thread runs Python code (same argument as for the collector:
//!   every other thread is parked, and `enter` waits while `excl` is set). It may itself stop the world
//!   (it is the only running thread, so that returns at once).
//! * The mutex-protected `stw` flag is the truth; [`ATTN_STW`] in the attention word mirrors it for
//!   cheap polling (set under the mutex when the flag is set, cleared under the mutex when it is
//!   cleared). The polls are relaxed loads: a thread may see the request late and parks a little later;
//!   the collector just waits for it.
//! * `leave` always notifies (after releasing the mutex), so a collector waiting for the count never
//!   misses the last thread leaving, and `restart_the_world` always notifies, so no thread stays in
//!   `enter` after the world restarts.
//! * [`ATTN_TOKEN`] and the active count are hints for the `--stm` scheduler with no part in the
//!   handshake: the token bit asks the holder of the inevitable token to end its transaction soon; the
//!   active count is the number of threads not blocked at a blocking point (threads paused only for a
//!   collection still count), so a thread alone can run inevitable.

use crate::sync::{lock, AtomicU64, AtomicUsize, Condvar, Mutex, Ordering};

/// A stop-the-world collection is requested or running (or the world is frozen).
pub const ATTN_STW: u64 = 1;
/// A thread waits for the inevitable token: its holder should end its transaction soon.
pub const ATTN_TOKEN: u64 = 2;
/// A thread waits to enter while another runs exclusive: the exclusive thread should end its run soon.
pub const ATTN_EXCL: u64 = 4;
/// The active count dropped to one: the thread left running may end its transaction early to begin an
/// exclusive run (a hint; cleared by whoever sees it).
pub const ATTN_ALONE: u64 = 8;

/// What the mutex protects.
struct State {
    /// Threads between `enter` and `leave`.
    running: usize,
    /// A stop-the-world is requested or under way (or the world is frozen).
    stw: bool,
    /// The one running thread runs exclusive (see [`World::try_go_exclusive`]).
    excl: bool,
    /// Threads inside `enter`, waiting for a stop-the-world or an exclusive run to end.
    waiting: usize,
}

impl State {
    /// No thread running or waiting, no collection, no exclusive run.
    const EMPTY: State = State {
        running: 0,
        stw: false,
        excl: false,
        waiting: 0,
    };
}

/// A deliberately broken handshake for the loom tests that show the model catches bugs.
#[cfg(loom)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PlantedBug {
    /// `try_stop_the_world` waits for one change of the running count instead of until it is the only
    /// running thread: with two other threads running it proceeds as soon as one of them parks.
    CollectorWaitsOnce,
    /// `leave` forgets to notify: a collector waiting for the last thread to park sleeps forever.
    LeaveWithoutNotify,
    /// `enter` ignores an exclusive run: a thread enters while another runs without barriers.
    EnterIgnoresExclusive,
}

/// The `--stm` world: the running count and the stop-the-world flag under one mutex, the condition
/// variable for changes of either, the attention word polled at switch points, and the active-thread hint.
pub struct World {
    state: Mutex<State>,
    changed: Condvar,
    /// [`ATTN_STW`] | [`ATTN_TOKEN`], polled with relaxed loads.
    attention: AtomicU64,
    /// Threads not blocked at a blocking point (a hint; see the module invariants).
    active: AtomicUsize,
    /// Number of exclusive runs begun so far.
    excl_epoch: AtomicU64,
    #[cfg(loom)]
    planted: Option<PlantedBug>,
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

impl World {
    /// An empty world: no thread running, no collection (a `const fn`, so the VM's world is a static).
    #[cfg(not(loom))]
    pub const fn new() -> World {
        World {
            state: Mutex::new(State::EMPTY),
            changed: Condvar::new(),
            attention: AtomicU64::new(0),
            active: AtomicUsize::new(0),
            excl_epoch: AtomicU64::new(0),
        }
    }

    /// An empty world (loom's primitives are not `const`).
    #[cfg(loom)]
    pub fn new() -> World {
        World::build(None)
    }

    /// A world whose handshake has `bug` (loom tests only).
    #[cfg(loom)]
    pub fn with_planted_bug(bug: PlantedBug) -> World {
        World::build(Some(bug))
    }

    #[cfg(loom)]
    fn build(planted: Option<PlantedBug>) -> World {
        World {
            state: Mutex::new(State::EMPTY),
            changed: Condvar::new(),
            attention: AtomicU64::new(0),
            active: AtomicUsize::new(0),
            excl_epoch: AtomicU64::new(0),
            planted,
        }
    }

    #[cfg(loom)]
    fn planted(&self, bug: PlantedBug) -> bool {
        self.planted == Some(bug)
    }

    // ----- the handshake ---------------------------------------------------------------------------------

    /// Counts the calling thread as running, waiting first while a stop-the-world or an exclusive run
    /// is under way (forever once the world is frozen).
    pub fn enter(&self) {
        let mut g = lock(&self.state);
        g.waiting += 1;
        #[cfg(loom)]
        if self.planted(PlantedBug::EnterIgnoresExclusive) && g.excl {
            g.excl = false;
        }
        while g.stw || g.excl {
            if g.excl {
                self.attention.fetch_or(ATTN_EXCL, Ordering::SeqCst);
            }
            g = self.changed.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        g.waiting -= 1;
        g.running += 1;
    }

    /// Stops counting the calling thread as running (it is parked until its next `enter`). An exclusive
    /// run of the caller ends here.
    pub fn leave(&self) {
        let mut g = lock(&self.state);
        debug_assert!(g.running > 0, "World::leave without enter");
        g.running -= 1;
        if g.excl {
            self.clear_excl(&mut g);
        }
        drop(g);
        #[cfg(loom)]
        if self.planted(PlantedBug::LeaveWithoutNotify) {
            return;
        }
        self.changed.notify_all();
    }

    /// The calling thread (running) becomes the collector: returns false at once if a stop-the-world is
    /// already under way (the caller should park instead); else requests one and waits until every other
    /// thread is parked, and returns true. The caller then must call [`World::restart_the_world`].
    pub fn try_stop_the_world(&self) -> bool {
        let mut g = lock(&self.state);
        if g.stw {
            return false;
        }
        g.stw = true;
        self.attention.fetch_or(ATTN_STW, Ordering::SeqCst);
        while g.running > 1 {
            g = self.changed.wait(g).unwrap_or_else(|e| e.into_inner());
            #[cfg(loom)]
            if self.planted(PlantedBug::CollectorWaitsOnce) {
                break;
            }
        }
        true
    }

    /// Ends the stop-the-world the caller started with a successful [`World::try_stop_the_world`]: the
    /// parked threads may enter again.
    pub fn restart_the_world(&self) {
        let mut g = lock(&self.state);
        debug_assert!(g.stw, "restart_the_world without a stop");
        g.stw = false;
        self.attention.fetch_and(!ATTN_STW, Ordering::SeqCst);
        drop(g);
        self.changed.notify_all();
    }

    /// Stops the world for good at process exit, without waiting: every other thread parks at its next
    /// switch point and never enters again; no collection starts after this.
    pub fn freeze(&self) {
        let mut g = lock(&self.state);
        g.stw = true;
        self.attention.fetch_or(ATTN_STW, Ordering::SeqCst);
    }

    // ----- exclusive runs -------------------------------------------------------------------------------

    /// The calling thread (running) becomes exclusive if it is the only running thread, no thread waits
    /// to enter and no stop-the-world is under way: until [`World::end_exclusive`] or its
    /// [`World::leave`] no other thread enters. Returns whether it did.
    pub fn try_go_exclusive(&self) -> bool {
        let mut g = lock(&self.state);
        if g.running != 1 || g.waiting != 0 || g.stw || g.excl {
            return false;
        }
        g.excl = true;
        self.excl_epoch.fetch_add(1, Ordering::SeqCst);
        true
    }

    /// Ends the caller's exclusive run: threads waiting to enter may.
    pub fn end_exclusive(&self) {
        let mut g = lock(&self.state);
        if !g.excl {
            return;
        }
        self.clear_excl(&mut g);
        drop(g);
        self.changed.notify_all();
    }

    fn clear_excl(&self, g: &mut State) {
        g.excl = false;
        self.attention.fetch_and(!ATTN_EXCL, Ordering::SeqCst);
    }

    /// Whether a thread waits to enter while the caller runs exclusive (one relaxed load).
    #[inline(always)]
    pub fn exclusive_wanted(&self) -> bool {
        self.attention.load(Ordering::Relaxed) & ATTN_EXCL != 0
    }

    /// Number of exclusive runs begun so far (a thread parked with a live transaction compares it
    /// before and after).
    pub fn exclusive_epoch(&self) -> u64 {
        self.excl_epoch.load(Ordering::SeqCst)
    }

    /// Number of running threads (for tests and assertions; takes the mutex).
    pub fn running(&self) -> usize {
        lock(&self.state).running
    }

    // ----- the attention word ------------------------------------------------------------------------------

    /// Whether anything needs the running threads' attention (one relaxed load).
    #[inline(always)]
    pub fn attention(&self) -> bool {
        self.attention.load(Ordering::Relaxed) != 0
    }

    /// Whether anything but the [`ATTN_ALONE`] hint is set (tests: nothing left pending).
    pub fn pending(&self) -> bool {
        self.attention.load(Ordering::Relaxed) & !ATTN_ALONE != 0
    }

    /// Whether a stop-the-world is requested (one relaxed load; may be seen late).
    #[inline(always)]
    pub fn stw_requested(&self) -> bool {
        self.attention.load(Ordering::Relaxed) & ATTN_STW != 0
    }

    /// Asks the holder of the inevitable token to end its transaction at its next switch point.
    pub fn want_token(&self) {
        if self.attention.load(Ordering::Relaxed) & ATTN_TOKEN == 0 {
            self.attention.fetch_or(ATTN_TOKEN, Ordering::Relaxed);
        }
    }

    /// Whether a thread waits for the inevitable token.
    pub fn token_wanted(&self) -> bool {
        self.attention.load(Ordering::Relaxed) & ATTN_TOKEN != 0
    }

    /// Called when the inevitable transaction ends: waiters set the flag again if they still wait.
    pub fn token_released(&self) {
        if self.attention.load(Ordering::Relaxed) & ATTN_TOKEN != 0 {
            self.attention.fetch_and(!ATTN_TOKEN, Ordering::Relaxed);
        }
    }

    // ----- the active-thread hint --------------------------------------------------------------------------

    /// Number of threads not blocked at a blocking point (a relaxed hint).
    pub fn active(&self) -> usize {
        self.active.load(Ordering::Relaxed)
    }

    /// One more active thread (a thread starts, or comes back from a blocking point).
    pub fn inc_active(&self) {
        self.active.fetch_add(1, Ordering::Relaxed);
    }

    /// One fewer active thread (a thread ends, or blocks at a blocking point). When one is left, sets
    /// [`ATTN_ALONE`].
    pub fn dec_active(&self) {
        if self.active.fetch_sub(1, Ordering::Relaxed) == 2 {
            self.attention.fetch_or(ATTN_ALONE, Ordering::Relaxed);
        }
    }

    /// Whether [`ATTN_ALONE`] is set; clears it (one relaxed load when it is not).
    pub fn take_alone_hint(&self) -> bool {
        self.attention.load(Ordering::Relaxed) & ATTN_ALONE != 0
            && self.attention.fetch_and(!ATTN_ALONE, Ordering::Relaxed) & ATTN_ALONE != 0
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    /// Mutators loop entering, working and parking at switch points; collectors stop the world now and
    /// then and check that no mutator is inside its work.
    #[test]
    fn collector_runs_alone() {
        let w = Arc::new(World::new());
        let inside = Arc::new(AtomicUsize::new(0));
        let collections = Arc::new(AtomicUsize::new(0));
        let hs: Vec<_> = (0..4)
            .map(|i| {
                let (w, inside, collections) = (w.clone(), inside.clone(), collections.clone());
                std::thread::spawn(move || {
                    w.enter();
                    for n in 0..3000 {
                        if i % 2 == 0 && n % 100 == 0 {
                            if w.try_stop_the_world() {
                                assert_eq!(inside.load(Ordering::SeqCst), 0);
                                collections.fetch_add(1, Ordering::Relaxed);
                                w.restart_the_world();
                            } else {
                                w.leave();
                                w.enter();
                            }
                        }
                        inside.fetch_add(1, Ordering::SeqCst);
                        inside.fetch_sub(1, Ordering::SeqCst);
                        if w.stw_requested() {
                            w.leave();
                            w.enter();
                        }
                    }
                    w.leave();
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert!(collections.load(Ordering::Relaxed) > 0);
        assert_eq!(w.running(), 0);
        assert!(!w.pending());
    }

    #[test]
    fn frozen_world_refuses_collections_and_entries() {
        let w = Arc::new(World::new());
        w.enter();
        w.freeze();
        assert!(w.stw_requested());
        assert!(!w.try_stop_the_world());
        let entered = Arc::new(AtomicBool::new(false));
        let (w2, e2) = (w.clone(), entered.clone());
        // A thread trying to enter a frozen world never gets in (it is left blocked; the test ends).
        std::thread::spawn(move || {
            w2.enter();
            e2.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(!entered.load(Ordering::SeqCst));
        assert_eq!(w.running(), 1);
    }

    #[test]
    fn token_bits_and_active_count() {
        let w = World::new();
        assert!(!w.attention());
        w.want_token();
        assert!(w.token_wanted() && w.attention() && !w.stw_requested());
        w.token_released();
        assert!(!w.token_wanted() && !w.attention());
        w.inc_active();
        w.inc_active();
        w.dec_active();
        assert_eq!(w.active(), 1);
        assert!(w.take_alone_hint() && !w.take_alone_hint() && !w.attention());
    }
}
