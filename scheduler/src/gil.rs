//! The global interpreter lock of GIL mode: fair, with a switch interval, and direct hand-off.
//!
//! # Protocol
//! * [`Gil::acquire`]: if the lock is free and nobody queues, take it. Otherwise append a waiter to the
//!   FIFO queue and sleep on the waiter's own condition variable (a blocked thread uses no CPU). Each time
//!   the wait times out after the switch interval, set the *drop request*: the holder gives the lock up at
//!   its next safepoint.
//! * [`Gil::release`]: clear the drop request; if a waiter queues, hand the lock to the first one directly
//!   (the lock stays held, ownership moves: no other thread can barge in between), else mark it free.
//! * [`Gil::yield_now`] (the holder, at a safepoint where [`Gil::drop_requested`] is true): release, then
//!   acquire again, queueing behind every thread that was already waiting. That is the switch.
//!
//! # Invariants
//! * At most one thread holds the lock (`held`); a waiter returns from `acquire` only once `granted` is
//!   set for it, which only `release` does, and only by the holder, while `held` stays true.
//! * FIFO: waiters are granted in arrival order, so no thread starves while others loop.
//! * The drop request is only a hint: it is read with a relaxed load at safepoints (cheap enough for the
//!   dispatch loop) and may be seen late; the holder then simply switches a little later.

use crate::sync::{lock, Arc, AtomicBool, AtomicU64, Condvar, Mutex, Ordering};
use std::collections::VecDeque;
use std::time::Duration;

/// One queued thread.
struct Waiter {
    /// Set (under the GIL's mutex) when `release` handed the lock to this waiter.
    granted: AtomicBool,
    cv: Condvar,
}

struct Inner {
    held: bool,
    queue: VecDeque<Arc<Waiter>>,
}

/// The global interpreter lock.
pub struct Gil {
    inner: Mutex<Inner>,
    drop_request: AtomicBool,
    /// The switch interval in microseconds.
    interval_us: AtomicU64,
    /// How many times the lock was handed to a waiting thread (statistics).
    switches: AtomicU64,
}

/// CPython's default switch interval: 5 ms.
pub const DEFAULT_INTERVAL_US: u64 = 5_000;

impl Default for Gil {
    fn default() -> Self {
        Gil::new()
    }
}

impl Gil {
    /// A free GIL with the default switch interval (a `const fn`, so the VM's GIL is a plain static).
    #[cfg(not(loom))]
    pub const fn new() -> Gil {
        Gil {
            inner: Mutex::new(Inner {
                held: false,
                queue: VecDeque::new(),
            }),
            drop_request: AtomicBool::new(false),
            interval_us: AtomicU64::new(DEFAULT_INTERVAL_US),
            switches: AtomicU64::new(0),
        }
    }

    /// A free GIL with the default switch interval (loom's primitives are not `const`).
    #[cfg(loom)]
    pub fn new() -> Gil {
        Gil {
            inner: Mutex::new(Inner {
                held: false,
                queue: VecDeque::new(),
            }),
            drop_request: AtomicBool::new(false),
            interval_us: AtomicU64::new(DEFAULT_INTERVAL_US),
            switches: AtomicU64::new(0),
        }
    }

    /// Blocks until the calling thread holds the GIL.
    pub fn acquire(&self) {
        let mut g = lock(&self.inner);
        if !g.held && g.queue.is_empty() {
            g.held = true;
            return;
        }
        let me = Arc::new(Waiter {
            granted: AtomicBool::new(false),
            cv: Condvar::new(),
        });
        g.queue.push_back(me.clone());
        loop {
            let interval = Duration::from_micros(self.interval_us.load(Ordering::Relaxed).max(1));
            let (g2, timeout) = me
                .cv
                .wait_timeout(g, interval)
                .unwrap_or_else(|e| e.into_inner());
            g = g2;
            if me.granted.load(Ordering::Relaxed) {
                return;
            }
            if timeout.timed_out() {
                self.drop_request.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Gives the GIL up (the caller must hold it): to the longest-waiting thread if any.
    pub fn release(&self) {
        let mut g = lock(&self.inner);
        debug_assert!(g.held, "GIL released by a thread that does not hold it");
        self.drop_request.store(false, Ordering::Relaxed);
        match g.queue.pop_front() {
            Some(w) => {
                w.granted.store(true, Ordering::Relaxed);
                self.switches.fetch_add(1, Ordering::Relaxed);
                w.cv.notify_one();
            }
            None => g.held = false,
        }
    }

    /// A deliberately broken `release` for the loom test that shows the model catches bugs: it hands the
    /// lock to the first waiter but also marks it free, so a newcomer can take it too (two holders).
    #[cfg(loom)]
    pub fn release_double_grant(&self) {
        let mut g = lock(&self.inner);
        if let Some(w) = g.queue.pop_front() {
            w.granted.store(true, Ordering::Relaxed);
            w.cv.notify_one();
        }
        g.held = false;
    }

    /// Whether a waiting thread asked the holder to switch (a relaxed hint; see the module docs).
    #[inline(always)]
    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// The holder lets every thread that is already waiting run first, then continues.
    pub fn yield_now(&self) {
        self.release();
        self.acquire();
    }

    /// Whether any thread waits for the GIL.
    pub fn has_waiters(&self) -> bool {
        !lock(&self.inner).queue.is_empty()
    }

    /// The switch interval (`sys.getswitchinterval`), in seconds.
    pub fn interval(&self) -> f64 {
        self.interval_us.load(Ordering::Relaxed) as f64 / 1e6
    }

    /// Sets the switch interval in seconds (`sys.setswitchinterval`; the caller checked it is > 0).
    pub fn set_interval(&self, secs: f64) {
        let us = (secs * 1e6).clamp(0.0, u64::MAX as f64 / 2.0) as u64;
        self.interval_us.store(us, Ordering::Relaxed);
    }

    /// How many times the GIL was handed from one thread to a waiting one.
    pub fn switches(&self) -> u64 {
        self.switches.load(Ordering::Relaxed)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn mutual_exclusion_and_progress() {
        let gil = Arc::new(Gil::new());
        let inside = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicU64::new(0));
        let hs: Vec<_> = (0..4)
            .map(|_| {
                let (gil, inside, total) = (gil.clone(), inside.clone(), total.clone());
                std::thread::spawn(move || {
                    for _ in 0..2000 {
                        gil.acquire();
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0);
                        total.fetch_add(1, Ordering::Relaxed);
                        inside.fetch_sub(1, Ordering::SeqCst);
                        if gil.drop_requested() {
                            gil.yield_now();
                        }
                        gil.release();
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(total.load(Ordering::Relaxed), 8000);
        assert!(!gil.has_waiters());
    }

    #[test]
    fn a_long_holder_is_asked_to_switch() {
        let gil = Arc::new(Gil::new());
        gil.set_interval(0.001);
        gil.acquire();
        let g2 = gil.clone();
        let h = std::thread::spawn(move || {
            g2.acquire();
            g2.release();
        });
        // The waiter times out and raises the drop request; the holder then yields to it.
        while !gil.drop_requested() {
            std::thread::sleep(Duration::from_millis(1));
        }
        gil.yield_now();
        gil.release();
        h.join().unwrap();
        assert!(gil.switches() >= 1);
    }
}
