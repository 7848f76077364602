//! Frozen objects: read-mostly objects whose words a transaction reads with no orec check and no
//! read-log entry.
//!
//! The protocol works on one object at a time, through a *header word* the caller owns (the VM's
//! `Header::stm`, which otherwise says which transaction owns the object) and the object's words. The
//! header holds a tag:
//! * [`FROZEN`]` | vmax << 16` — frozen: none of the object's words has been written since a version
//!   no newer than `vmax`, and a writer must make itself known before it writes one. A transaction
//!   whose snapshot is at least `vmax` reads the words directly ([`Tx::read_frozen`]): the value is
//!   the one its snapshot would show.
//! * [`SEEN`]` | strikes << 58 | clock << 16` — a transaction with snapshot `clock` read the object
//!   through the barrier; a later one (a newer snapshot) freezes it if no word changed since `clock`.
//!   Each failed attempt is a strike and spaces the next one further; after [`MAX_STRIKES`] the object
//!   is [`NOFREEZE`].
//! * [`NOFREEZE`] — written while frozen (or struck out): never frozen again.
//! * [`FREEZING`] — a freeze in progress.
//! * anything else (owner tags of the VM, all with a non-zero low 16 bits, 0, or all ones) — not yet
//!   seen by another thread.
//!
//! # Protocol
//! * Freeze ([`Tx::observe`]): CAS the header `SEEN → FREEZING`; lock every word's orec (with a lock
//!   word of its own, not the transaction's) provided it is unlocked at a version no newer than the
//!   `SEEN` clock; CAS `FREEZING → FROZEN | vmax` (the largest version seen); release every orec with
//!   the version it had. Any lock or newer version aborts the freeze (the header goes back).
//! * Write ([`Tx::write_in`], and [`Tx::unfreeze`] for callers that lock words themselves): lock the
//!   orec as usual, *then* read the header; if it is frozen, move the global *frozen generation*
//!   and set the header to `NOFREEZE`; then store. A writer that locked an orec after a freezer
//!   released it reads the header after the freezer's `FROZEN` CAS (the release/acquire pair on the
//!   orec orders them); one that locked it earlier made the freeze fail. So every write to a word of
//!   a frozen object moves the generation before the value changes. The header changes before the
//!   generation moves: a transaction whose generation snapshot includes the move (it began, or
//!   took the new generation, after it) then never finds the object frozen, since the writer's
//!   commit may still be ahead of its snapshot.
//! * Frozen read ([`Tx::read_frozen`]): the header is `FROZEN | vmax` with `vmax <=` the snapshot;
//!   load the word (acquire), then check that the header still holds that tag and the generation
//!   still has the value the transaction began with. A writer marks the header `NOFREEZE` before it
//!   stores (release), so a value it stored is only seen together with the changed header: a dirty
//!   value never passes. (Checking only the generation is not enough: a transaction that began
//!   after the move may still load the old tag.) The transaction notes that it read frozen data.
//! * Validation (extension, commit, becoming inevitable) fails with [`Abort::Unfrozen`] if the
//!   transaction read frozen data and the generation moved: the frozen reads were not logged, so any
//!   write to any frozen object counts as a conflict. A transaction that has read nothing frozen just
//!   takes the new generation. A writer that moves the generation itself from its own snapshot keeps
//!   its frozen reads (they came before its own write).
//!
//! Writes outside the orecs (an exclusive run) never race with a frozen read: no other transaction
//! runs then, and every later one sees the stored values anyway.

use super::{is_locked, lock_word, Abort, Tx};
use crate::sync::{AtomicU64, Ordering};

/// Tag of a frozen object: `FROZEN | vmax << 16` (the two top bits are `10`).
pub const FROZEN: u64 = 0b10 << 62;
/// Tag of an object seen once: `SEEN | strikes << 58 | clock << 16` (the two top bits are `01`).
pub const SEEN: u64 = 0b01 << 62;
/// Tag of an object never to be frozen again.
pub const NOFREEZE: u64 = 1 << 61;
/// Tag of an object being frozen.
pub const FREEZING: u64 = 1 << 60;
/// Failed freezes after which an object is `NOFREEZE`.
pub const MAX_STRIKES: u64 = 8;

const VERSION_MASK: u64 = (1 << 46) - 1;
const SEEN_CLOCK_MASK: u64 = (1 << 42) - 1;
const STRIKE_SHIFT: u32 = 58;
/// Set in the id of a freeze's lock word (distinct from every transaction's own lock word).
const FREEZER: u64 = 1 << 61;

/// The tag of an object frozen at version `vmax`.
#[inline]
pub fn frozen_tag(vmax: u64) -> u64 {
    FROZEN | ((vmax & VERSION_MASK) << 16)
}

/// Whether tag `t` says frozen (at any version).
#[inline]
pub fn is_frozen(t: u64) -> bool {
    t >> 62 == 0b10
}

/// Whether tag `t` is one of this module's (frozen, seen, no-freeze or freezing), as opposed to the
/// caller's own tags.
#[inline]
pub fn is_freeze_tag(t: u64) -> bool {
    (t >> 62 == 0b10 || t >> 62 == 0b01 || t == NOFREEZE || t == FREEZING) && t & 0xffff == 0
}

/// Whether [`Tx::observe`] could do anything with tag `t` for a transaction whose
/// [`Tx::frozen_limit`] is `limit`: false for frozen, no-freeze and freezing objects, and for seen
/// ones whose next freeze attempt needs a newer snapshot. (A cheap test for the caller's fast path.)
#[inline]
pub fn worth_observing(t: u64, limit: u64) -> bool {
    if t >> 62 == 0b01 && t & 0xffff == 0 {
        let start = (limit >> 16).wrapping_sub(1);
        let s1 = (t >> 16) & SEEN_CLOCK_MASK;
        let strikes = (t >> STRIKE_SHIFT) & 0xf;
        return start & SEEN_CLOCK_MASK > s1 + gap(strikes);
    }
    !is_freeze_tag(t)
}

fn seen_tag(clock: u64, strikes: u64) -> u64 {
    SEEN | (strikes << STRIKE_SHIFT) | ((clock & SEEN_CLOCK_MASK) << 16)
}

/// How much newer than a `SEEN` clock a snapshot must be before the next freeze attempt.
fn gap(strikes: u64) -> u64 {
    if strikes == 0 {
        0
    } else {
        8 << (2 * strikes)
    }
}

/// How a freeze attempt ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Freeze {
    Done,
    /// A word's orec was locked, or the header changed: try again later.
    Busy,
    /// A word changed since the `SEEN` clock.
    Written,
}

impl<'a> Tx<'a> {
    /// Header tags `t` with `t.wrapping_sub(FROZEN) < frozen_limit()` are objects this transaction
    /// may read with [`Tx::read_frozen`]: frozen at a version no newer than its snapshot. (The limit
    /// follows the snapshot at the time of the call; a caller that keeps it sees fewer objects as
    /// readable after an extension, never more.)
    #[inline]
    pub fn frozen_limit(&self) -> u64 {
        if self.inevitable {
            1 << 62
        } else {
            ((self.start & VERSION_MASK) + 1) << 16
        }
    }

    /// The fast path of [`Tx::read_frozen`] (no call, so it can sit in a caller without a stack
    /// frame): `None` whenever that would not return a value at once.
    #[inline(always)]
    pub fn try_read_frozen(&mut self, hdr: &AtomicU64, t: u64, w: &AtomicU64) -> Option<u64> {
        let v = w.load(Ordering::Acquire);
        if hdr.load(Ordering::Relaxed) == t
            && self.stm.frozen_gen.load(Ordering::Relaxed) == self.frozen_snap
        {
            self.frozen_used = true;
            return Some(v);
        }
        None
    }

    /// Reads word `w` of an object whose header word `hdr` the caller found holding `t`, a frozen
    /// tag within [`Tx::frozen_limit`]. `Ok(None)`: the header changed, or a frozen object was
    /// written since the transaction began (the caller reads `w` through [`Tx::read`] instead);
    /// `Err`: the latter, and this transaction had read frozen data, so it must abort.
    pub fn read_frozen(
        &mut self,
        hdr: &AtomicU64,
        t: u64,
        w: &AtomicU64,
    ) -> Result<Option<u64>, Abort> {
        // A writer marks the header before it stores (release): a value it stored comes with the
        // changed header. The generation check catches a header changed and changed back.
        if let Some(v) = self.try_read_frozen(hdr, t, w) {
            return Ok(Some(v));
        }
        if self.stm.frozen_gen.load(Ordering::Acquire) == self.frozen_snap {
            return Ok(None);
        }
        self.frozen_moved().map(|()| None)
    }

    /// The frozen generation moved: abort if frozen reads depend on the old one, else take the new one.
    #[cold]
    #[inline(never)]
    fn frozen_moved(&mut self) -> Result<(), Abort> {
        if self.frozen_used && !self.inevitable {
            self.conflict = None;
            return Err(Abort::Unfrozen);
        }
        self.frozen_snap = self.stm.frozen_gen.load(Ordering::Acquire);
        Ok(())
    }

    /// [`Tx::write`] of word `w` of the object whose header word is `hdr`: the frozen check
    /// ([`Tx::unfreeze`]) comes between locking the word and storing.
    pub fn write_in(&mut self, hdr: &AtomicU64, w: &'a AtomicU64, x: u64) -> Result<(), Abort> {
        self.lock_for_write(w)?;
        self.unfreeze(hdr);
        w.store(x, Ordering::Release);
        Ok(())
    }

    /// Called after this transaction locked words of the object whose header word is `hdr` and
    /// before it changes any: if the object is frozen, moves the frozen generation (every
    /// transaction that read frozen data then aborts at its next validation) and marks it
    /// `NOFREEZE`. Returns whether it was frozen.
    #[inline]
    pub fn unfreeze(&mut self, hdr: &AtomicU64) -> bool {
        #[cfg(loom)]
        if self.stm.skip_unfreeze {
            return false;
        }
        let t = hdr.load(Ordering::Acquire);
        if is_frozen(t) {
            self.unfreeze_slow(hdr);
            return true;
        }
        false
    }

    #[cold]
    #[inline(never)]
    fn unfreeze_slow(&mut self, hdr: &AtomicU64) {
        // The header first: a transaction whose generation snapshot includes this move must find
        // the object no longer frozen (the move releases the store).
        hdr.store(NOFREEZE, Ordering::Release);
        self.move_frozen_gen();
    }

    /// For a caller that replaced an object's header (with a release store or swap) after locking
    /// all its words and before changing them: if the old tag `prev` was frozen, moves the frozen
    /// generation as [`Tx::unfreeze`] does.
    pub fn unfreeze_replaced(&mut self, prev: u64) {
        #[cfg(loom)]
        if self.stm.skip_unfreeze {
            return;
        }
        if is_frozen(prev) {
            self.move_frozen_gen();
        }
    }

    fn move_frozen_gen(&mut self) {
        let prev = self.stm.frozen_gen.fetch_add(1, Ordering::AcqRel);
        if prev == self.frozen_snap {
            // Nobody else wrote a frozen object since this transaction's frozen reads: they stay
            // valid (they precede its own write).
            self.frozen_snap = prev + 1;
        }
        self.stm.stats.unfreezes.fetch_add(1, Ordering::Relaxed);
    }

    /// After this transaction read a word of an object through the barrier (its header word `hdr`
    /// held `t` before the read): moves the object one step towards frozen. An object not seen
    /// before is marked `SEEN` with the snapshot; a `SEEN` one is frozen by a later snapshot if
    /// none of its words changed since. `words(f)` must call `f` on every word of the object until
    /// `f` returns false, and return false if it stopped early. The caller decides which objects
    /// are worth it (never its own).
    pub fn observe(
        &mut self,
        hdr: &AtomicU64,
        t: u64,
        words: impl FnOnce(&mut dyn FnMut(&AtomicU64) -> bool) -> bool,
    ) -> Option<Freeze> {
        if self.inevitable || self.finished {
            return None;
        }
        let start = self.start;
        if t >> 62 == 0b01 && t & 0xffff == 0 {
            let s1 = (t >> 16) & SEEN_CLOCK_MASK;
            let strikes = (t >> STRIKE_SHIFT) & 0xf;
            if start & SEEN_CLOCK_MASK <= s1 + gap(strikes) {
                return None;
            }
            let r = self.try_freeze(hdr, t, s1, words);
            if r == Freeze::Written {
                let next = if strikes + 1 >= MAX_STRIKES {
                    NOFREEZE
                } else {
                    seen_tag(start, strikes + 1)
                };
                let _ = hdr.compare_exchange(t, next, Ordering::AcqRel, Ordering::Relaxed);
            }
            Some(r)
        } else if !is_freeze_tag(t) {
            let _ =
                hdr.compare_exchange(t, seen_tag(start, 0), Ordering::AcqRel, Ordering::Relaxed);
            None
        } else {
            None
        }
    }

    /// Freezes the object (see the module documentation) if every word's orec is unlocked at a
    /// version no newer than `limit`. The header goes back to `t` if it fails.
    fn try_freeze(
        &mut self,
        hdr: &AtomicU64,
        t: u64,
        limit: u64,
        words: impl FnOnce(&mut dyn FnMut(&AtomicU64) -> bool) -> bool,
    ) -> Freeze {
        if hdr
            .compare_exchange(t, FREEZING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Freeze::Busy;
        }
        let stm = self.stm;
        let lock = lock_word(self.id | FREEZER);
        let mut held = std::mem::take(&mut self.freeze_locks);
        held.clear();
        let mut why = Freeze::Done;
        let mut vmax = 0;
        words(&mut |w| {
            let i = stm.orec_index(w);
            let o = &stm.orecs[i];
            let cur = o.load(Ordering::Acquire);
            if cur == lock {
                return true; // a word sharing an orec with an earlier one
            }
            if is_locked(cur) {
                why = Freeze::Busy;
                return false;
            }
            if cur > limit {
                why = Freeze::Written;
                return false;
            }
            if o.compare_exchange(cur, lock, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                why = Freeze::Busy;
                return false;
            }
            held.push((i, cur));
            vmax = vmax.max(cur);
            true
        });
        let next = if why == Freeze::Done {
            frozen_tag(vmax)
        } else {
            t
        };
        // Fails if a claim or a conflict report replaced the header meanwhile: then not frozen.
        let set = hdr
            .compare_exchange(FREEZING, next, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok();
        for &(i, v) in &held {
            stm.orecs[i].store(v, Ordering::Release);
        }
        self.freeze_locks = held;
        if why == Freeze::Done {
            if !set {
                return Freeze::Busy;
            }
            stm.stats.freezes.fetch_add(1, Ordering::Relaxed);
        }
        why
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::super::Stm;
    use super::*;

    fn read_obj<'a>(tx: &mut Tx<'a>, hdr: &AtomicU64, obj: &'a [AtomicU64], k: usize) -> u64 {
        let t = hdr.load(Ordering::Acquire);
        if t.wrapping_sub(FROZEN) < tx.frozen_limit() {
            if let Some(v) = tx.read_frozen(hdr, t, &obj[k]).unwrap() {
                return v;
            }
        }
        let v = tx.read(&obj[k]).unwrap();
        tx.observe(hdr, t, |f| obj.iter().all(f));
        v
    }

    /// Bump the clock with an unrelated commit.
    fn tick(stm: &Stm, z: &AtomicU64) {
        let mut tx = Tx::begin(stm);
        let v = tx.read(z).unwrap();
        tx.write(z, v + 1).unwrap();
        tx.commit().unwrap();
    }

    #[test]
    fn seen_then_frozen_then_read_without_logging() {
        let stm = Stm::new(10);
        let z = AtomicU64::new(0);
        let hdr = AtomicU64::new(0x1_0001); // an owner tag of the caller's
        let obj = [AtomicU64::new(3), AtomicU64::new(4)];
        tick(&stm, &z);
        let mut t1 = Tx::begin(&stm);
        assert_eq!(read_obj(&mut t1, &hdr, &obj, 0), 3);
        assert_eq!(hdr.load(Ordering::Relaxed) >> 62, 0b01, "seen");
        t1.commit().unwrap();
        // Same snapshot: no second strike yet.
        let mut t2 = Tx::begin(&stm);
        assert!(!worth_observing(
            hdr.load(Ordering::Relaxed),
            t2.frozen_limit()
        ));
        read_obj(&mut t2, &hdr, &obj, 0);
        assert_eq!(hdr.load(Ordering::Relaxed) >> 62, 0b01);
        t2.commit().unwrap();
        tick(&stm, &z);
        let mut t3 = Tx::begin(&stm);
        assert!(worth_observing(
            hdr.load(Ordering::Relaxed),
            t3.frozen_limit()
        ));
        read_obj(&mut t3, &hdr, &obj, 1);
        assert!(is_frozen(hdr.load(Ordering::Relaxed)), "frozen");
        assert_eq!(stm.stats.freezes.load(Ordering::Relaxed), 1);
        let logged = t3.read_log_len();
        assert_eq!(read_obj(&mut t3, &hdr, &obj, 0), 3);
        assert_eq!(read_obj(&mut t3, &hdr, &obj, 1), 4);
        assert_eq!(t3.read_log_len(), logged, "frozen reads are not logged");
        t3.commit().unwrap();
    }

    #[test]
    fn a_write_to_a_frozen_object_aborts_its_frozen_readers() {
        let stm = Stm::new(10);
        let hdr = AtomicU64::new(frozen_tag(0));
        let obj = [AtomicU64::new(100), AtomicU64::new(100)];
        let (hdr2, obj2) = (AtomicU64::new(frozen_tag(0)), [AtomicU64::new(1)]);
        let (hdr3, obj3) = (AtomicU64::new(frozen_tag(0)), [AtomicU64::new(1)]);
        let z = AtomicU64::new(0);
        let mut r = Tx::begin(&stm);
        assert_eq!(read_obj(&mut r, &hdr, &obj, 0), 100);
        let mut w = Tx::begin(&stm);
        w.write_in(&hdr, &obj[0], 90).unwrap();
        w.write_in(&hdr, &obj[1], 110).unwrap();
        assert_eq!(hdr.load(Ordering::Relaxed), NOFREEZE);
        // Had the reader loaded the tag before the write, the checks refuse the value.
        let stale = frozen_tag(0);
        assert_eq!(r.read_frozen(&hdr, stale, &obj[1]), Err(Abort::Unfrozen));
        w.commit().unwrap();
        assert_eq!(
            r.commit(),
            Ok(()),
            "read-only: serialized before the writer"
        );
        let mut r = Tx::begin(&stm);
        assert_eq!(read_obj(&mut r, &hdr, &obj, 0), 90, "no longer frozen");
        r.commit().unwrap();
        // A transaction with frozen reads and a write commits only if the generation stayed.
        let mut x = Tx::begin(&stm);
        assert_eq!(read_obj(&mut x, &hdr2, &obj2, 0), 1);
        let mut y = Tx::begin(&stm);
        y.write_in(&hdr3, &obj3[0], 2).unwrap();
        y.commit().unwrap();
        x.write(&z, 1).unwrap();
        assert_eq!(x.commit(), Err(Abort::Unfrozen));
        x.rollback();
    }

    /// A writer that read the object frozen keeps its own frozen reads when it is the only one to
    /// move the generation.
    #[test]
    fn own_unfreeze_keeps_own_frozen_reads() {
        let stm = Stm::new(10);
        let hdr = AtomicU64::new(frozen_tag(0));
        let obj = [AtomicU64::new(7)];
        let mut t = Tx::begin(&stm);
        assert_eq!(read_obj(&mut t, &hdr, &obj, 0), 7);
        t.write_in(&hdr, &obj[0], 8).unwrap();
        t.commit().unwrap();
        assert_eq!(obj[0].load(Ordering::Relaxed), 8);
    }

    #[test]
    fn written_since_seen_is_a_strike() {
        let stm = Stm::new(10);
        let z = AtomicU64::new(0);
        let hdr = AtomicU64::new(0);
        let obj = [AtomicU64::new(1)];
        tick(&stm, &z);
        let mut t = Tx::begin(&stm);
        read_obj(&mut t, &hdr, &obj, 0);
        t.commit().unwrap();
        let mut w = Tx::begin(&stm);
        w.write_in(&hdr, &obj[0], 2).unwrap();
        w.commit().unwrap();
        let mut t = Tx::begin(&stm);
        read_obj(&mut t, &hdr, &obj, 0);
        let h = hdr.load(Ordering::Relaxed);
        assert_eq!(h >> 62, 0b01);
        assert_eq!((h >> STRIKE_SHIFT) & 0xf, 1, "one strike");
        t.commit().unwrap();
        assert_eq!(stm.stats.freezes.load(Ordering::Relaxed), 0);
    }

    /// A freeze meets a word locked by a running writer: it fails and leaves no trace.
    #[test]
    fn a_locked_word_stops_a_freeze() {
        let stm = Stm::new(10);
        let z = AtomicU64::new(0);
        let hdr = AtomicU64::new(0);
        let obj = [AtomicU64::new(1), AtomicU64::new(2)];
        tick(&stm, &z);
        let mut t = Tx::begin(&stm);
        read_obj(&mut t, &hdr, &obj, 0);
        t.commit().unwrap();
        tick(&stm, &z);
        let mut w = Tx::begin(&stm);
        w.write_in(&hdr, &obj[1], 5).unwrap();
        let mut r = Tx::begin(&stm);
        let t0 = hdr.load(Ordering::Relaxed);
        assert_eq!(r.read(&obj[0]), Ok(1));
        assert_eq!(
            r.observe(&hdr, t0, |f| obj.iter().all(f)),
            Some(Freeze::Busy)
        );
        assert_eq!(hdr.load(Ordering::Relaxed), t0);
        w.rollback();
        r.commit().unwrap();
    }
}
