//! Loom model of the GIL hand-off (scheduler/src/gil.rs): mutual exclusion, FIFO hand-off without lost
//! wake-ups (a lost one shows up as a deadlock, which loom reports), and the yield at a drop request.
#![cfg(loom)]

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::sync::Arc;
use loom::thread;
use weft_scheduler::Gil;

/// Two threads take the GIL, check nobody else is inside, and give it back.
#[test]
fn gil_mutual_exclusion_and_handoff() {
    loom::model(|| {
        let gil = Arc::new(Gil::new());
        let inside = Arc::new(AtomicUsize::new(0));
        let ran = Arc::new(AtomicUsize::new(0));
        let hs: Vec<_> = (0..2)
            .map(|_| {
                let (gil, inside, ran) = (gil.clone(), inside.clone(), ran.clone());
                thread::spawn(move || {
                    gil.acquire();
                    assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two GIL holders");
                    ran.fetch_add(1, Ordering::SeqCst);
                    inside.fetch_sub(1, Ordering::SeqCst);
                    gil.release();
                })
            })
            .collect();
        gil.acquire();
        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two GIL holders");
        inside.fetch_sub(1, Ordering::SeqCst);
        gil.release();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(ran.load(Ordering::SeqCst), 2);
        assert!(!gil.has_waiters());
    });
}

/// The holder yields (release + acquire) while another thread waits: both finish, never together.
#[test]
fn gil_yield_lets_the_waiter_run() {
    loom::model(|| {
        let gil = Arc::new(Gil::new());
        let inside = Arc::new(AtomicUsize::new(0));
        gil.acquire();
        let (g2, in2) = (gil.clone(), inside.clone());
        let h = thread::spawn(move || {
            g2.acquire();
            assert_eq!(in2.fetch_add(1, Ordering::SeqCst), 0);
            in2.fetch_sub(1, Ordering::SeqCst);
            g2.release();
        });
        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0);
        inside.fetch_sub(1, Ordering::SeqCst);
        gil.yield_now();
        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0);
        inside.fetch_sub(1, Ordering::SeqCst);
        gil.release();
        h.join().unwrap();
    });
}

/// The planted bug: a release that grants the lock to the waiter *and* marks it free lets a newcomer in
/// beside the waiter; loom finds that interleaving and the mutual-exclusion assertion fails.
#[test]
#[should_panic(expected = "two GIL holders")]
fn planted_bug_double_grant_is_caught() {
    loom::model(|| {
        let gil = Arc::new(Gil::new());
        let inside = Arc::new(AtomicUsize::new(0));
        gil.acquire();
        let hs: Vec<_> = (0..2)
            .map(|_| {
                let (gil, inside) = (gil.clone(), inside.clone());
                thread::spawn(move || {
                    gil.acquire();
                    assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two GIL holders");
                    inside.fetch_sub(1, Ordering::SeqCst);
                    gil.release();
                })
            })
            .collect();
        gil.release_double_grant();
        for h in hs {
            h.join().unwrap();
        }
    });
}
