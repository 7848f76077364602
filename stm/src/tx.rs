//! The transaction protocol: word-based, encounter-time write locks, in-place writes with an undo log,
//! reads validated against a global version clock with snapshot extension (the TinySTM/TL2 family,
//! design.md §5), plus one inevitable transaction at a time.
//!
//! # Metadata
//! * The **clock** counts in steps of 2. Even: no inevitable transaction. Odd: one runs (it made the clock
//!   odd when it took the token, and makes it even again, one tick later, when it commits).
//! * **Orecs** (ownership records): a table of words; data word number `x = addr >> 3` maps to
//!   `orecs[(x ^ (x >> bits) * K) & mask]`: neighbouring words get neighbouring orecs (so different
//!   list items or dict entries never share one), and the high bits are mixed in so that words a
//!   multiple of the table's span apart (8 MiB for 2^20 orecs: the same offset in two heap blocks mapped
//!   that far apart, say around a thread stack) do not share orecs systematically.
//!   Even = unlocked, the value is the version (a clock value) of the last commit or abort that released
//!   it; odd = locked, `LOCKED | (owner_id << 1) | 1`. The top bit [`LOCKED`] makes every locked word
//!   greater than every snapshot, so the read fast path's one comparison `orec <= start` says both
//!   "unlocked" and "not newer than the snapshot" (an inevitable transaction's snapshot is
//!   [`INEVITABLE_START`], above every version and below every locked word).
//!
//! # Protocol
//! * `read(w)`: orec `v1`; if locked by another transaction → conflict (an inevitable reader instead asks
//!   the owner to abort and waits); value; orec again `v2`; `v1 != v2` → retry. If `v1` is newer than the
//!   snapshot `start`, *extend*: read the clock, validate the read set, move `start` forward (or abort).
//!   Then log `(orec, v1)`.
//! * `write(w, x)`: lock the orec by CAS at the first write (extend first if it is newer than `start`), log
//!   the old value in the undo log, store in place.
//! * `commit`: read-only → done (every read was consistent with `start`). Else tick the clock by CAS from
//!   an even value (an odd clock = an inevitable transaction runs: abort), validate the read set unless no
//!   one committed since `start`, release every lock with the new version.
//! * `abort` (rollback): restore the undo log in reverse, tick the clock, release the locks with the new
//!   version (a fresh version, so a reader that straddled the rollback sees the orec change: no ABA).
//! * `become_inevitable`: CAS the clock from even `c` to `c + 1` (waiting while another holds it), then
//!   validate the read set. While it runs no other transaction can commit, so its reads stay valid without
//!   logging; it never aborts: on a lock held by another it sets that owner's kill flag and waits.
//!
//! # Guarantees
//! * Serializability: a committed transaction's reads were all valid at its commit timestamp and its
//!   writes were locked from first write to commit.
//! * Opacity: every value a running transaction sees is consistent with its current snapshot (each read
//!   is validated when it happens), so a doomed transaction never computes on a torn state.
//! * Progress: [`Stm::atomically`] makes a transaction that aborted [`INEVITABLE_AFTER`] times inevitable;
//!   the inevitable one cannot abort, so it finishes.

use crate::sync::{spin, Arc, AtomicBool, AtomicU64, Mutex, Ordering};
use std::collections::HashMap;

pub mod freeze;

/// Why a transaction aborted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Abort {
    /// A word it read was locked by another transaction.
    ReadLocked,
    /// A word it wanted to write was locked by another transaction.
    WriteLocked,
    /// A word it read was changed by a commit after it read it.
    Validation,
    /// It tried to commit while an inevitable transaction ran.
    InevitableRunning,
    /// The inevitable transaction needed a word it had locked.
    Killed,
    /// The VM gave up the attempt for its own reasons (a stop-the-world collection while it held locks).
    Yield,
    /// It read frozen objects without logging, and another transaction has since written a frozen
    /// object (the frozen generation moved: see the `freeze` module).
    Unfrozen,
}

/// After this many aborts in a row, [`Stm::atomically`] runs the transaction inevitable.
pub const INEVITABLE_AFTER: u32 = 8;

/// Counters (relaxed; for `--stm-stats`).
#[derive(Default, Debug)]
pub struct Stats {
    pub commits: AtomicU64,
    pub aborts: AtomicU64,
    pub inevitable: AtomicU64,
    /// Objects frozen (see the `freeze` module).
    pub freezes: AtomicU64,
    /// Writes to frozen objects (each moved the frozen generation).
    pub unfreezes: AtomicU64,
}

/// The shared state of one STM instance (the VM uses one per process).
pub struct Stm {
    clock: AtomicU64,
    orecs: Box<[AtomicU64]>,
    mask: usize,
    bits: u32,
    next_id: AtomicU64,
    /// Kill flags of running transactions that hold locks, by id (looked up only on the slow path).
    kills: Mutex<HashMap<u64, Arc<AtomicBool>>>,
    pub stats: Stats,
    /// The frozen generation: moved by every write to a frozen object (`freeze` module).
    frozen_gen: AtomicU64,
    /// Test hook for the loom model's planted bug: skip read-set validation.
    #[cfg(loom)]
    skip_validation: bool,
    /// Test hook for the freeze model's planted bug: writers ignore the frozen header.
    #[cfg(loom)]
    skip_unfreeze: bool,
}

/// The top bit of a locked orec (see "Metadata" in the module documentation).
const LOCKED: u64 = 1 << 63;

/// The snapshot of an inevitable transaction: every unlocked orec is "not newer" (no other transaction
/// commits while it runs, so nothing it reads can change under it).
const INEVITABLE_START: u64 = LOCKED - 2;

/// `n` orecs at version 0. Outside loom the table comes zeroed from the allocator (fresh pages of the
/// OS, touched only where used), not written word by word: 2^22 orecs are 32 MiB.
#[cfg(not(loom))]
fn zeroed_orecs(n: usize) -> Box<[AtomicU64]> {
    let layout = std::alloc::Layout::array::<AtomicU64>(n).expect("orec table size");
    assert!(layout.size() > 0, "empty orec table");
    // SAFETY: the layout has a non-zero size (asserted). `AtomicU64` has the size, alignment and bit
    // validity of `u64`, so zeroed memory is `n` valid atomics at 0; the pointer comes from the global
    // allocator with exactly this layout, which is what `Box<[AtomicU64]>` frees it with.
    unsafe {
        let p = std::alloc::alloc_zeroed(layout) as *mut AtomicU64;
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n))
    }
}

#[cfg(loom)]
fn zeroed_orecs(n: usize) -> Box<[AtomicU64]> {
    (0..n).map(|_| AtomicU64::new(0)).collect()
}

#[inline]
fn is_locked(o: u64) -> bool {
    o & 1 == 1
}

#[inline]
fn owner(o: u64) -> u64 {
    (o & !LOCKED) >> 1
}

/// The orec value of a word locked by transaction `id`.
#[inline]
fn lock_word(id: u64) -> u64 {
    LOCKED | (id << 1) | 1
}

impl Stm {
    /// An STM with `1 << orec_bits` ownership records.
    pub fn new(orec_bits: u32) -> Stm {
        let n = 1usize << orec_bits;
        Stm {
            clock: AtomicU64::new(0),
            orecs: zeroed_orecs(n),
            mask: n - 1,
            bits: orec_bits,
            next_id: AtomicU64::new(1),
            kills: Mutex::new(HashMap::new()),
            stats: Stats::default(),
            frozen_gen: AtomicU64::new(0),
            #[cfg(loom)]
            skip_validation: false,
            #[cfg(loom)]
            skip_unfreeze: false,
        }
    }

    /// An STM whose validation is deliberately broken (the planted bug of the loom model).
    #[cfg(loom)]
    pub fn new_without_validation(orec_bits: u32) -> Stm {
        Stm {
            skip_validation: true,
            ..Stm::new(orec_bits)
        }
    }

    /// An STM whose writers ignore frozen headers (the planted bug of the freeze model).
    #[cfg(loom)]
    pub fn new_without_unfreeze(orec_bits: u32) -> Stm {
        Stm {
            skip_unfreeze: true,
            ..Stm::new(orec_bits)
        }
    }

    /// Index of the ownership record covering word `w` (for conflict reports).
    #[inline]
    pub fn orec_index(&self, w: &AtomicU64) -> usize {
        let x = (w as *const AtomicU64 as usize) >> 3;
        (x ^ (x >> self.bits).wrapping_mul(0x9E37_79B9)) & self.mask
    }

    /// One step of a wait loop. (An inevitable transaction waits here for a lock owner to abort; the
    /// owner is running, because the VM never parks a transaction that holds locks, so it sees its kill
    /// flag at its next access.)
    fn wait(&self) {
        spin();
    }

    /// Whether an inevitable transaction runs now (the clock is odd); a commit would fail.
    pub fn inevitable_running(&self) -> bool {
        self.clock.load(Ordering::Acquire) & 1 == 1
    }

    /// The clock rounded down to a version (even).
    fn now(&self) -> u64 {
        self.clock.load(Ordering::Acquire) & !1
    }

    /// A fresh version for releasing locks after an abort.
    fn tick_for_abort(&self) -> u64 {
        (self.clock.fetch_add(2, Ordering::AcqRel) + 2) & !1
    }

    fn request_kill(&self, id: u64) {
        let g = self.kills.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = g.get(&id) {
            k.store(true, Ordering::Release);
        }
    }

    /// Runs `f` as a transaction until it commits; after [`INEVITABLE_AFTER`] aborts it runs inevitable.
    /// `f` may run several times: it must have no effect outside the transaction's reads and writes.
    pub fn atomically<'a, R>(&'a self, mut f: impl FnMut(&mut Tx<'a>) -> Result<R, Abort>) -> R {
        let mut attempts = 0u32;
        loop {
            let mut tx = Tx::begin(self);
            if attempts >= INEVITABLE_AFTER {
                tx.become_inevitable_blocking();
            }
            let r = f(&mut tx).and_then(|r| tx.commit().map(|_| r));
            match r {
                Ok(r) => return r,
                Err(_) => {
                    tx.rollback();
                    attempts += 1;
                    for _ in 0..attempts.min(6) {
                        spin();
                    }
                }
            }
        }
    }
}

/// One running transaction (one attempt). Dropping it unfinished rolls it back.
pub struct Tx<'a> {
    stm: &'a Stm,
    /// `stm.orecs` and its index parameters, copied here (the read barrier's fast path then needs no
    /// load through `stm`).
    orecs: &'a [AtomicU64],
    mask: usize,
    bits: u32,
    id: u64,
    /// `lock_word(id)`.
    my_lock: u64,
    /// The snapshot: a clock value (even), or [`INEVITABLE_START`] once inevitable.
    start: u64,
    reads: Vec<(usize, u64)>,
    /// Locked orecs and the version each had before.
    locks: Vec<(usize, u64)>,
    undo: Vec<(&'a AtomicU64, u64)>,
    kill: Option<Arc<AtomicBool>>,
    inevitable: bool,
    finished: bool,
    /// Recently logged reads, direct-mapped by orec index: index + 1 (0: none). A read of an orec
    /// found here at a version not newer than the snapshot is not logged again (loops re-read the
    /// same words): it saw the logged version, because an orec that changed after a logged read has
    /// a version newer than every snapshot since the last validation of that read (see `validate`).
    recent: [usize; RECENT],
    /// Recently undo-logged words, direct-mapped by address (0: none): a word found here already has
    /// its old value in the undo log.
    recent_writes: [usize; RECENT],
    /// The orec and, if known, the other transaction of the last conflict (for conflict reports).
    conflict: Option<(usize, u64)>,
    /// The frozen generation when the transaction began (or last found it moved before any frozen
    /// read): frozen reads are valid while the generation has not moved.
    frozen_snap: u64,
    /// Whether the transaction has read a frozen object (without logging it).
    frozen_used: bool,
    /// Orecs a freeze in progress holds, with their versions (kept for its allocation).
    freeze_locks: Vec<(usize, u64)>,
}

/// Size of [`Tx::recent`].
const RECENT: usize = 64;

impl<'a> Tx<'a> {
    /// Starts a transaction with a snapshot at the current clock.
    pub fn begin(stm: &'a Stm) -> Tx<'a> {
        let id = stm.next_id.fetch_add(1, Ordering::Relaxed);
        Tx {
            stm,
            orecs: &stm.orecs,
            mask: stm.mask,
            bits: stm.bits,
            id,
            my_lock: lock_word(id),
            start: stm.now(),
            reads: Vec::new(),
            locks: Vec::new(),
            undo: Vec::new(),
            kill: None,
            inevitable: false,
            finished: false,
            recent: [0; RECENT],
            recent_writes: [0; RECENT],
            conflict: None,
            frozen_snap: stm.frozen_gen.load(Ordering::Acquire),
            frozen_used: false,
            freeze_locks: Vec::new(),
        }
    }

    /// Starts a new transaction in a finished one (committed or rolled back), keeping the memory of its
    /// logs: a thread running one transaction after another allocates its logs once.
    pub fn restart(&mut self) {
        assert!(self.finished, "Tx::restart of a running transaction");
        debug_assert!(self.locks.is_empty() && self.undo.is_empty() && self.reads.is_empty());
        self.id = self.stm.next_id.fetch_add(1, Ordering::Relaxed);
        self.my_lock = lock_word(self.id);
        self.start = self.stm.now();
        self.locks.clear();
        self.undo.clear();
        self.reads.clear();
        self.kill = None;
        self.inevitable = false;
        self.finished = false;
        self.conflict = None;
        self.frozen_snap = self.stm.frozen_gen.load(Ordering::Acquire);
        self.frozen_used = false;
    }

    /// This attempt's identifier (unique per attempt).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The orec index and the owning transaction's id (0 if it was a validation failure) of the
    /// conflict that made the last operation fail.
    pub fn conflict(&self) -> Option<(usize, u64)> {
        self.conflict
    }

    /// Number of entries in the read log (a measure of the transaction's size).
    pub fn read_log_len(&self) -> usize {
        self.reads.len()
    }

    /// Every word written so far with the value it held before (for the collector: the old values must
    /// stay alive while a rollback may write them back, and so must the objects holding the words).
    pub fn undo_entries(&self) -> impl Iterator<Item = (&'a AtomicU64, u64)> + '_ {
        self.undo.iter().copied()
    }

    /// Whether this transaction holds write locks.
    pub fn has_locks(&self) -> bool {
        !self.locks.is_empty()
    }

    /// Whether this transaction is the inevitable one.
    pub fn is_inevitable(&self) -> bool {
        self.inevitable
    }

    /// Whether the inevitable transaction asked this one to abort (it holds a lock it needs).
    #[inline]
    pub fn killed(&self) -> bool {
        self.kill
            .as_ref()
            .is_some_and(|k| k.load(Ordering::Acquire))
    }

    /// Reads word `w` transactionally.
    ///
    /// Fast path (inlined): the orec is unlocked and not newer than the snapshot (or the transaction
    /// is inevitable), and unchanged around the load of the value; the read is logged unless the
    /// recent-read filter has it. Everything else (locks, extension, kill requests) is `read_slow`.
    #[inline]
    pub fn read(&mut self, w: &'a AtomicU64) -> Result<u64, Abort> {
        let i = self.index(w);
        // SAFETY: `index` masks with `mask`, and `orecs.len() == mask + 1` (`Stm::new`).
        let o = unsafe { self.orecs.get_unchecked(i) };
        let v1 = o.load(Ordering::Acquire);
        // Unlocked and not newer than the snapshot, in one comparison (`LOCKED`).
        if v1 <= self.start {
            let val = w.load(Ordering::Acquire);
            if o.load(Ordering::Acquire) == v1 {
                if self.recent[i % RECENT] == i + 1 {
                    return Ok(val);
                }
                // Out of line, so the fast path saves no registers.
                return Ok(self.log_read(i, v1, val));
            }
        } else if v1 == self.my_lock {
            // A word this transaction locked (it wrote it, or a neighbour on the same orec).
            return Ok(w.load(Ordering::Relaxed));
        }
        self.read_slow(w)
    }

    /// [`Stm::orec_index`] from this transaction's copy of the parameters.
    #[inline(always)]
    fn index(&self, w: &AtomicU64) -> usize {
        let x = (w as *const AtomicU64 as usize) >> 3;
        (x ^ (x >> self.bits).wrapping_mul(0x9E37_79B9)) & self.mask
    }

    /// Logs a read of orec `i` at version `v1` (and remembers it in the recent-read filter); returns
    /// `val` (a plain word, not a `Result`: the fast path's result then stays in registers). An
    /// inevitable transaction logs nothing (it is never validated).
    #[inline(never)]
    fn log_read(&mut self, i: usize, v1: u64, val: u64) -> u64 {
        self.recent[i % RECENT] = i + 1;
        if !self.inevitable {
            self.reads.push((i, v1));
        }
        val
    }

    #[cold]
    #[inline(never)]
    fn read_slow(&mut self, w: &'a AtomicU64) -> Result<u64, Abort> {
        let i = self.stm.orec_index(w);
        let o = &self.stm.orecs[i];
        loop {
            if self.killed() {
                return Err(Abort::Killed);
            }
            let v1 = o.load(Ordering::Acquire);
            if is_locked(v1) {
                if owner(v1) == self.id {
                    return Ok(w.load(Ordering::Acquire));
                }
                if self.inevitable {
                    self.stm.request_kill(owner(v1));
                    self.stm.wait();
                    continue;
                }
                self.conflict = Some((i, owner(v1)));
                return Err(Abort::ReadLocked);
            }
            let val = w.load(Ordering::Acquire);
            let v2 = o.load(Ordering::Acquire);
            if v1 != v2 {
                continue;
            }
            if self.inevitable {
                // No one else can commit while it runs: nothing it reads can be invalidated.
                return Ok(val);
            }
            if v1 > self.start {
                self.extend()?;
                // The orec may have changed while extending: read again under the new snapshot.
                if o.load(Ordering::Acquire) != v1 {
                    continue;
                }
            }
            let r = &mut self.recent[i % RECENT];
            if *r != i + 1 {
                *r = i + 1;
                self.reads.push((i, v1));
            }
            return Ok(val);
        }
    }

    /// Writes `x` to word `w` transactionally (in place; the old value goes to the undo log, except in
    /// an inevitable transaction, which never rolls back).
    ///
    /// Fast path (inlined): the orec is already locked by this transaction.
    #[inline]
    pub fn write(&mut self, w: &'a AtomicU64, x: u64) -> Result<(), Abort> {
        self.lock_for_write(w)?;
        w.store(x, Ordering::Release);
        Ok(())
    }

    /// The first half of [`Tx::write`]: locks `w`'s orec (if this transaction does not hold it yet)
    /// and logs `w`'s old value; the caller then stores. Fast path (inlined): the orec is already
    /// locked by this transaction.
    #[inline]
    fn lock_for_write(&mut self, w: &'a AtomicU64) -> Result<(), Abort> {
        let i = self.index(w);
        // SAFETY: as in `read`.
        let cur = unsafe { self.orecs.get_unchecked(i) }.load(Ordering::Acquire);
        if cur == self.my_lock && !self.killed() {
            if !self.inevitable {
                self.log_undo(w);
            }
            return Ok(());
        }
        self.lock_slow(w)
    }

    /// Write-locks word `w` without changing it, so that the caller may then read and write it directly
    /// (the VM's claims of whole objects). Fast path: the orec is unlocked at a version no newer than
    /// the snapshot, so the word holds its snapshot value and, once locked, keeps it for anyone else:
    /// no read is logged (validation counts a self-locked orec as unchanged), only the undo entry. Else
    /// a read and a write of the same value.
    pub fn claim(&mut self, w: &'a AtomicU64) -> Result<(), Abort> {
        let i = self.index(w);
        // SAFETY: as in `read`.
        let o = unsafe { self.orecs.get_unchecked(i) };
        let cur = o.load(Ordering::Acquire);
        if !self.inevitable
            && cur <= self.start
            && self.kill.is_some()
            && !self.killed()
            && o.compare_exchange(cur, self.my_lock, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        {
            self.locks.push((i, cur));
            self.undo.push((w, w.load(Ordering::Relaxed)));
            return Ok(());
        }
        let v = self.read(w)?;
        self.write(w, v)
    }

    /// Logs `w`'s value before this transaction's first write of it (the recent-write filter skips
    /// words already logged: a loop rewriting one word logs it once).
    #[inline(always)]
    fn log_undo(&mut self, w: &'a AtomicU64) {
        let a = w as *const AtomicU64 as usize;
        let r = &mut self.recent_writes[(a >> 3) % RECENT];
        if *r != a {
            *r = a;
            self.undo.push((w, w.load(Ordering::Relaxed)));
        }
    }

    #[cold]
    #[inline(never)]
    fn lock_slow(&mut self, w: &'a AtomicU64) -> Result<(), Abort> {
        let i = self.stm.orec_index(w);
        let o = &self.stm.orecs[i];
        loop {
            if self.killed() {
                return Err(Abort::Killed);
            }
            let cur = o.load(Ordering::Acquire);
            if is_locked(cur) {
                if owner(cur) == self.id {
                    break;
                }
                if self.inevitable {
                    self.stm.request_kill(owner(cur));
                    self.stm.wait();
                    continue;
                }
                self.conflict = Some((i, owner(cur)));
                return Err(Abort::WriteLocked);
            }
            if !self.inevitable && cur > self.start {
                self.extend()?;
                continue;
            }
            if self.kill.is_none() {
                self.register_kill_flag();
                continue;
            }
            if o.compare_exchange(cur, self.my_lock, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                self.locks.push((i, cur));
                break;
            }
        }
        if !self.inevitable {
            self.log_undo(w);
        }
        Ok(())
    }

    fn register_kill_flag(&mut self) {
        let k = Arc::new(AtomicBool::new(false));
        self.stm
            .kills
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(self.id, k.clone());
        self.kill = Some(k);
    }

    fn unregister_kill_flag(&mut self) {
        if self.kill.take().is_some() {
            self.stm
                .kills
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&self.id);
        }
    }

    /// Every read is still current (unchanged, or its orec locked by us since), and so is every
    /// frozen read (the frozen generation has not moved). On failure the stale orec is recorded as
    /// the conflict.
    fn validate(&mut self) -> Result<(), Abort> {
        if self.frozen_used && self.stm.frozen_gen.load(Ordering::Acquire) != self.frozen_snap {
            self.conflict = None;
            return Err(Abort::Unfrozen);
        }
        #[cfg(loom)]
        if self.stm.skip_validation {
            return Ok(());
        }
        // An orec this transaction locked is as good as unchanged: `lock_slow` locks an orec only at
        // a version no newer than the snapshot, and every read logged of it was valid at that
        // snapshot, so each such read saw exactly the version the lock replaced. (A commit between
        // the read and the lock would carry a version newer than the snapshot, and `lock_slow`
        // extends—revalidating every read—before locking such an orec.) No search of `locks`.
        let mine = self.my_lock;
        let bad = self.reads.iter().find(|&&(i, seen)| {
            let cur = self.stm.orecs[i].load(Ordering::Acquire);
            cur != seen && cur != mine
        });
        match bad {
            None => Ok(()),
            Some(&(i, _)) => {
                self.conflict = Some((i, 0));
                Err(Abort::Validation)
            }
        }
    }

    /// Moves the snapshot to the current clock if every read is still valid.
    fn extend(&mut self) -> Result<(), Abort> {
        let now = self.stm.now();
        self.validate()?;
        self.start = now;
        Ok(())
    }

    /// Commits. On `Err` the caller must [`Tx::rollback`] (or drop the transaction).
    pub fn commit(&mut self) -> Result<(), Abort> {
        if self.killed() {
            return Err(Abort::Killed);
        }
        let stm = self.stm;
        if self.locks.is_empty() {
            if self.inevitable {
                stm.clock.fetch_add(1, Ordering::AcqRel);
            }
            self.finish();
            stm.stats.commits.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        let ts = if self.inevitable {
            // Odd -> even: the token goes back with the commit timestamp.
            stm.clock.fetch_add(1, Ordering::AcqRel) + 1
        } else {
            loop {
                let c = stm.clock.load(Ordering::Acquire);
                if c & 1 == 1 {
                    return Err(Abort::InevitableRunning);
                }
                if stm
                    .clock
                    .compare_exchange(c, c + 2, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                {
                    break c + 2;
                }
            }
        };
        if !self.inevitable && ts != self.start + 2 {
            self.validate()?;
        }
        for &(i, _) in &self.locks {
            stm.orecs[i].store(ts, Ordering::Release);
        }
        self.locks.clear();
        self.undo.clear();
        self.finish();
        stm.stats.commits.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Undoes every write and releases the locks (with a fresh version). An inevitable transaction
    /// keeps no undo entries for the writes it made while inevitable (it never aborts): rolling one
    /// back only releases its locks.
    pub fn rollback(&mut self) {
        if self.finished {
            return;
        }
        for &(w, old) in self.undo.iter().rev() {
            w.store(old, Ordering::Release);
        }
        self.undo.clear();
        if !self.locks.is_empty() {
            let v = self.stm.tick_for_abort();
            for &(i, _) in &self.locks {
                self.stm.orecs[i].store(v, Ordering::Release);
            }
            self.locks.clear();
        }
        if self.inevitable {
            // Only reachable when an inevitable transaction gives up voluntarily.
            self.stm.clock.fetch_add(1, Ordering::AcqRel);
        }
        self.stm.stats.aborts.fetch_add(1, Ordering::Relaxed);
        self.finish();
    }

    fn finish(&mut self) {
        self.unregister_kill_flag();
        self.reads.clear();
        self.recent = [0; RECENT];
        self.recent_writes = [0; RECENT];
        self.inevitable = false;
        self.frozen_used = false;
        self.finished = true;
    }

    /// Makes this transaction the inevitable one, waiting while another holds the token. Fails (the
    /// caller must roll back) if its reads are no longer valid or it was asked to abort.
    pub fn become_inevitable(&mut self) -> Result<(), Abort> {
        if self.inevitable {
            return Ok(());
        }
        loop {
            if self.killed() {
                return Err(Abort::Killed);
            }
            let c = self.stm.clock.load(Ordering::Acquire);
            if c & 1 == 1 {
                self.stm.wait();
                continue;
            }
            if self
                .stm
                .clock
                .compare_exchange(c, c + 1, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
            {
                if let Err(e) = self.validate() {
                    // Hand the token back (one more tick: even again) and abort.
                    self.stm.clock.fetch_add(1, Ordering::AcqRel);
                    return Err(e);
                }
                self.inevitable = true;
                self.start = INEVITABLE_START;
                self.stm.stats.inevitable.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        }
    }

    /// One try of [`Tx::become_inevitable`] that does not wait: `Ok(false)` if another transaction holds
    /// the token now (the caller waits its own way and tries again).
    pub fn try_become_inevitable(&mut self) -> Result<bool, Abort> {
        self.try_become_inevitable_if(|| true)
    }

    /// [`Tx::try_become_inevitable`] that also requires `still_valid()` once the token is held: state
    /// the caller read outside the orecs (validated by its own version counters, which inevitable
    /// transactions change only while they hold the token) must be unchanged too, or it aborts.
    pub fn try_become_inevitable_if(
        &mut self,
        still_valid: impl FnOnce() -> bool,
    ) -> Result<bool, Abort> {
        if self.inevitable {
            return Ok(true);
        }
        if self.killed() {
            return Err(Abort::Killed);
        }
        let c = self.stm.clock.load(Ordering::Acquire);
        if c & 1 == 1 {
            return Ok(false);
        }
        if self
            .stm
            .clock
            .compare_exchange(c, c + 1, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return Ok(false);
        }
        if let Err(e) = self.validate() {
            self.stm.clock.fetch_add(1, Ordering::AcqRel);
            return Err(e);
        }
        if !still_valid() {
            self.stm.clock.fetch_add(1, Ordering::AcqRel);
            return Err(Abort::Validation);
        }
        self.inevitable = true;
        self.start = INEVITABLE_START;
        self.stm.stats.inevitable.fetch_add(1, Ordering::Relaxed);
        Ok(true)
    }

    /// `become_inevitable` at the start of a transaction (no reads yet: it cannot fail).
    pub fn become_inevitable_blocking(&mut self) {
        while self.become_inevitable().is_err() {
            spin();
        }
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.finished {
            self.rollback();
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn read_your_writes_and_commit() {
        let stm = Stm::new(10);
        let a = AtomicU64::new(5);
        let mut tx = Tx::begin(&stm);
        assert_eq!(tx.read(&a), Ok(5));
        tx.write(&a, 7).unwrap();
        assert_eq!(tx.read(&a), Ok(7));
        tx.commit().unwrap();
        assert_eq!(a.load(Ordering::Relaxed), 7);
    }

    #[test]
    fn rollback_restores_and_releases() {
        let stm = Stm::new(10);
        let a = AtomicU64::new(1);
        let b = AtomicU64::new(2);
        {
            let mut tx = Tx::begin(&stm);
            tx.write(&a, 10).unwrap();
            tx.write(&b, 20).unwrap();
            tx.write(&a, 11).unwrap();
            // dropped without commit
        }
        assert_eq!(a.load(Ordering::Relaxed), 1);
        assert_eq!(b.load(Ordering::Relaxed), 2);
        let mut tx = Tx::begin(&stm);
        tx.write(&a, 3).unwrap();
        tx.commit().unwrap();
        assert_eq!(a.load(Ordering::Relaxed), 3);
    }

    /// A claim locks a word without changing it; the owner's direct writes roll back with it; a claim
    /// of a word changed since the snapshot validates like a write.
    #[test]
    fn claim_locks_and_rolls_back() {
        let stm = Stm::new(10);
        let a = AtomicU64::new(7);
        let z = AtomicU64::new(0);
        let mut t1 = Tx::begin(&stm);
        t1.claim(&z).unwrap(); // the first lock registers the kill flag (general path)
        t1.claim(&a).unwrap(); // the fast path
        assert_eq!(t1.read(&a), Ok(7));
        let mut t2 = Tx::begin(&stm);
        assert_eq!(t2.read(&a), Err(Abort::ReadLocked));
        t2.rollback();
        a.store(9, Ordering::Relaxed); // the claimer's barrier-free write
        t1.rollback();
        assert_eq!(a.load(Ordering::Relaxed), 7);
        let mut t1 = Tx::begin(&stm);
        assert_eq!(t1.read(&a), Ok(7));
        let mut t2 = Tx::begin(&stm);
        t2.write(&a, 8).unwrap();
        t2.commit().unwrap();
        assert_eq!(t1.claim(&a), Err(Abort::Validation));
        t1.rollback();
        let mut t1 = Tx::begin(&stm);
        t1.claim(&a).unwrap();
        a.store(10, Ordering::Relaxed);
        t1.commit().unwrap();
        assert_eq!(a.load(Ordering::Relaxed), 10);
    }

    /// A read, then another transaction's commit of the same word, then a write of it: the write
    /// must not lock the orec over the stale read (validation treats self-locked orecs as valid).
    #[test]
    fn write_after_a_stale_read_aborts() {
        let stm = Stm::new(10);
        let a = AtomicU64::new(1);
        let b = AtomicU64::new(0);
        let mut t1 = Tx::begin(&stm);
        assert_eq!(t1.read(&a), Ok(1));
        let mut t2 = Tx::begin(&stm);
        t2.write(&a, 2).unwrap();
        t2.commit().unwrap();
        // Reading it again hits the recent-read filter's slot, but the version is newer: no fast path.
        assert_eq!(t1.read(&a), Err(Abort::Validation));
        t1.rollback();
        let mut t1 = Tx::begin(&stm);
        assert_eq!(t1.read(&a), Ok(2));
        t1.write(&b, 1).unwrap();
        let mut t2 = Tx::begin(&stm);
        t2.write(&a, 3).unwrap();
        t2.commit().unwrap();
        assert_eq!(t1.write(&a, 5), Err(Abort::Validation));
        t1.rollback();
        assert_eq!(
            (a.load(Ordering::Relaxed), b.load(Ordering::Relaxed)),
            (3, 0)
        );
    }

    /// Rewrites of one word, and of words sharing a slot of the recent-write filter, roll back to the
    /// values before the transaction; a transaction reads its own writes.
    #[test]
    fn repeated_writes_roll_back_through_the_filter() {
        let stm = Stm::new(10);
        let words: Vec<AtomicU64> = (0..3 * RECENT as u64).map(AtomicU64::new).collect();
        let (a, b, c) = (&words[0], &words[RECENT], &words[2 * RECENT]);
        {
            let mut tx = Tx::begin(&stm);
            for round in 0..3u64 {
                for (k, w) in [a, b, c].into_iter().enumerate() {
                    tx.write(w, 100 + round * 10 + k as u64).unwrap();
                    assert_eq!(tx.read(w), Ok(100 + round * 10 + k as u64));
                }
            }
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(w.load(Ordering::Relaxed), i as u64);
        }
    }

    #[test]
    fn write_write_conflict_and_stale_read_abort() {
        let stm = Stm::new(10);
        let a = AtomicU64::new(0);
        let b = AtomicU64::new(0);
        let mut t1 = Tx::begin(&stm);
        let mut t2 = Tx::begin(&stm);
        t1.write(&a, 1).unwrap();
        assert_eq!(t2.write(&a, 2), Err(Abort::WriteLocked));
        assert_eq!(t2.read(&a), Err(Abort::ReadLocked));
        t2.rollback();
        let mut t3 = Tx::begin(&stm);
        assert_eq!(t3.read(&b), Ok(0));
        t1.write(&b, 5).unwrap();
        t1.commit().unwrap();
        // t3 read b before t1 committed: writing a (now newer than t3's snapshot) fails to extend it.
        assert_eq!(t3.write(&a, 9), Err(Abort::Validation));
        t3.rollback();
        // A transaction that read a stale word and writes a fresh one fails at commit.
        let c = AtomicU64::new(0);
        let mut t4 = Tx::begin(&stm);
        assert_eq!(t4.read(&b), Ok(5));
        let mut t5 = Tx::begin(&stm);
        t5.write(&b, 6).unwrap();
        t5.commit().unwrap();
        t4.write(&c, 1).unwrap();
        assert_eq!(t4.commit(), Err(Abort::Validation));
        t4.rollback();
        assert_eq!(c.load(Ordering::Relaxed), 0);
        assert_eq!(a.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn commits_are_blocked_while_inevitable() {
        let stm = Stm::new(10);
        let a = AtomicU64::new(0);
        let b = AtomicU64::new(0);
        let mut inev = Tx::begin(&stm);
        inev.become_inevitable().unwrap();
        let mut other = Tx::begin(&stm);
        other.write(&b, 1).unwrap();
        assert_eq!(other.commit(), Err(Abort::InevitableRunning));
        other.rollback();
        inev.write(&a, 4).unwrap();
        inev.commit().unwrap();
        let mut t = Tx::begin(&stm);
        t.write(&b, 2).unwrap();
        t.commit().unwrap();
        assert_eq!(
            (a.load(Ordering::Relaxed), b.load(Ordering::Relaxed)),
            (4, 2)
        );
    }

    #[test]
    fn threads_transfer_conserves_total() {
        let stm = Arc::new(Stm::new(12));
        let accounts: Arc<Vec<AtomicU64>> =
            Arc::new((0..8).map(|_| AtomicU64::new(1000)).collect());
        let hs: Vec<_> = (0..4u64)
            .map(|t| {
                let (stm, acc) = (stm.clone(), accounts.clone());
                std::thread::spawn(move || {
                    let mut x = t + 1;
                    for _ in 0..5000 {
                        x = x
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        let (from, to) = ((x >> 33) as usize % 8, (x >> 45) as usize % 8);
                        let amt = (x >> 20) % 20;
                        stm.atomically(|tx| {
                            let f = tx.read(&acc[from])?;
                            if f >= amt && from != to {
                                let g = tx.read(&acc[to])?;
                                tx.write(&acc[from], f - amt)?;
                                tx.write(&acc[to], g + amt)?;
                            }
                            Ok(())
                        });
                    }
                })
            })
            .collect();
        for h in hs {
            h.join().unwrap();
        }
        let total: u64 = accounts.iter().map(|a| a.load(Ordering::Relaxed)).sum();
        assert_eq!(total, 8000);
        assert!(stm.stats.commits.load(Ordering::Relaxed) >= 20000);
    }
}
