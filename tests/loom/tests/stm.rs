//! Loom model of the STM commit/validate/abort protocol (stm/src/tx.rs): a transfer and a reader run
//! concurrently; every state a transaction observes is consistent (opacity) and the committed total is
//! conserved. The planted bug (validation skipped) is caught: the reader sees a torn state.
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;
use weft_stm::sync::{AtomicU64, Ordering};
use weft_stm::Stm;

fn transfer_and_audit(stm: Stm) {
    let stm = Arc::new(stm);
    let acc = Arc::new([AtomicU64::new(100), AtomicU64::new(100)]);
    let (s1, a1) = (stm.clone(), acc.clone());
    let t = thread::spawn(move || {
        s1.atomically(|tx| {
            let a = tx.read(&a1[0])?;
            let b = tx.read(&a1[1])?;
            tx.write(&a1[0], a - 10)?;
            tx.write(&a1[1], b + 10)?;
            Ok(())
        });
    });
    let seen = stm.atomically(|tx| {
        let a = tx.read(&acc[0])?;
        let b = tx.read(&acc[1])?;
        // Opacity: even a transaction that will abort never sees a torn state.
        assert_eq!(a + b, 200, "torn read: {a} + {b}");
        Ok((a, b))
    });
    t.join().unwrap();
    assert!(
        seen == (100, 100) || seen == (90, 110),
        "not serializable: {seen:?}"
    );
    let total = acc[0].load(Ordering::SeqCst) + acc[1].load(Ordering::SeqCst);
    assert_eq!(total, 200);
    assert_eq!(acc[0].load(Ordering::SeqCst), 90);
}

#[test]
fn stm_transfer_is_atomic_and_reads_are_consistent() {
    loom::model(|| transfer_and_audit(Stm::new(3)));
}

/// Two writers of the same words: both commit, one after the other (write-write conflicts abort and
/// retry), the final value counts both increments.
#[test]
fn stm_concurrent_increments_are_not_lost() {
    loom::model(|| {
        let stm = Arc::new(Stm::new(3));
        let w = Arc::new(AtomicU64::new(0));
        let hs: Vec<_> = (0..2)
            .map(|_| {
                let (s, w) = (stm.clone(), w.clone());
                thread::spawn(move || {
                    s.atomically(|tx| {
                        let v = tx.read(&w)?;
                        tx.write(&w, v + 1)
                    })
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        assert_eq!(w.load(Ordering::SeqCst), 2);
    });
}

/// The planted bug: with validation skipped, loom finds the interleaving where the reader reads the old
/// first account and the new second one.
#[test]
#[should_panic(expected = "torn read")]
fn planted_bug_skipped_validation_is_caught() {
    loom::model(|| transfer_and_audit(Stm::new_without_validation(3)));
}
