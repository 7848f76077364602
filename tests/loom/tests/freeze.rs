//! Loom model of the frozen-object protocol (stm/src/tx/freeze.rs): an object of two accounts whose
//! header says frozen (or seen, so a reader freezes it on the way); a transfer writes both accounts
//! while a reader reads them the way the VM's barrier does (frozen path when the header allows it,
//! else a logged read plus `observe`). Every state a transaction observes is consistent, and what it
//! returns is serializable. The planted bug (writers ignore the frozen header) is caught: the reader
//! reads the old first account frozen and the new second one frozen.
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;
use weft_stm::freeze::{frozen_tag, FROZEN};
use weft_stm::sync::{AtomicU64, Ordering};
use weft_stm::{Abort, Stm, Tx};

struct Obj {
    hdr: AtomicU64,
    acc: [AtomicU64; 2],
}

/// The VM's barrier read of word `k` of `o`.
fn read_obj<'a>(tx: &mut Tx<'a>, o: &'a Obj, k: usize) -> Result<u64, Abort> {
    let t = o.hdr.load(Ordering::Acquire);
    if t.wrapping_sub(FROZEN) < tx.frozen_limit() {
        if let Some(v) = tx.read_frozen(&o.hdr, t, &o.acc[k])? {
            return Ok(v);
        }
    }
    let v = tx.read(&o.acc[k])?;
    tx.observe(&o.hdr, t, |f| o.acc.iter().all(f));
    Ok(v)
}

fn transfer_and_audit(stm: Stm, hdr: u64) {
    let stm = Arc::new(stm);
    let o = Arc::new(Obj {
        hdr: AtomicU64::new(hdr),
        acc: [AtomicU64::new(100), AtomicU64::new(100)],
    });
    let (s1, o1) = (stm.clone(), o.clone());
    let t = thread::spawn(move || {
        s1.atomically(|tx| {
            let a = tx.read(&o1.acc[0])?;
            let b = tx.read(&o1.acc[1])?;
            tx.write_in(&o1.hdr, &o1.acc[0], a - 10)?;
            tx.write_in(&o1.hdr, &o1.acc[1], b + 10)?;
            Ok(())
        });
    });
    let seen = stm.atomically(|tx| {
        let a = read_obj(tx, &o, 0)?;
        let b = read_obj(tx, &o, 1)?;
        assert_eq!(a + b, 200, "torn read: {a} + {b}");
        Ok((a, b))
    });
    t.join().unwrap();
    assert!(
        seen == (100, 100) || seen == (90, 110),
        "not serializable: {seen:?}"
    );
    assert_eq!(o.acc[0].load(Ordering::SeqCst), 90);
    assert_eq!(o.acc[1].load(Ordering::SeqCst), 110);
}

/// The object starts frozen.
#[test]
fn frozen_reads_stay_consistent_with_a_writer() {
    loom::model(|| transfer_and_audit(Stm::new(3), frozen_tag(0)));
}

/// The reader freezes the object itself (a seen tag from a snapshot older than every
/// transaction's: a commit before the threads start moves the clock) while the writer runs, and
/// reads the second account frozen.
#[test]
fn a_freeze_racing_a_writer_stays_consistent() {
    loom::model(|| {
        let stm = Arc::new(Stm::new(3));
        let o = Arc::new(Obj {
            // SEEN at clock 0, no strikes.
            hdr: AtomicU64::new(weft_stm::freeze::SEEN),
            acc: [AtomicU64::new(100), AtomicU64::new(100)],
        });
        let z = AtomicU64::new(0);
        stm.atomically(|tx| tx.write(&z, 1));
        let (s1, o1) = (stm.clone(), o.clone());
        let writer = thread::spawn(move || {
            s1.atomically(|tx| {
                let a = tx.read(&o1.acc[0])?;
                tx.write_in(&o1.hdr, &o1.acc[0], a - 10)?;
                let b = tx.read(&o1.acc[1])?;
                tx.write_in(&o1.hdr, &o1.acc[1], b + 10)
            });
        });
        let seen = stm.atomically(|tx| {
            let a = read_obj(tx, &o, 0)?;
            let b = read_obj(tx, &o, 1)?;
            assert_eq!(a + b, 200, "torn read: {a} + {b}");
            Ok((a, b))
        });
        writer.join().unwrap();
        assert!(
            seen == (100, 100) || seen == (90, 110),
            "not serializable: {seen:?}"
        );
        assert_eq!(o.acc[0].load(Ordering::SeqCst), 90);
    });
}

/// The planted bug: writers that ignore the frozen header let a frozen reader see a torn state.
#[test]
#[should_panic(expected = "torn read")]
fn planted_bug_writer_ignoring_the_frozen_header_is_caught() {
    loom::model(|| transfer_and_audit(Stm::new_without_unfreeze(3), frozen_tag(0)));
}
