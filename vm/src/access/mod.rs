//! The access layer: the ONE place where mutable object state is read and written.
//!
//! Mutable state reachable by other threads (list items and length, dict and set tables, instance
//! attributes, class dicts, module globals, cells, iterator positions) lives in [`Slot`]s — atomic 64-bit
//! words holding a [`Value`] (or a raw count). Code outside this module never touches a slot's atomic
//! directly; it calls [`Mode::load`] / [`Mode::store`] (or the `Vm` helpers that forward to them).
//!
//! `Mode` is a type parameter of the whole interpreter (`Vm<M>`), chosen once at startup:
//! * [`Gil`]: threads never run Python code concurrently, so a load is a relaxed atomic load and a store a
//!   relaxed atomic store — a plain `mov` on x86-64 and aarch64. No barrier, no branch, nothing to measure.
//!   (Relaxed is enough: the GIL hand-off, a mutex, orders everything a thread did before releasing it with
//!   everything the next holder does.)
//! * [`Stm`] (`stm.rs`): the read barrier (orec check, read log) and the write barrier (encounter-time
//!   lock of the slot's orec, undo log) of `weft_stm`, through the thread's [`StmCtx`]. Slot granularity
//!   is what makes writes to different list indices or dict entries conflict-free. While the thread
//!   runs *exclusive* (the only thread running Python code, see [`TxCtx::set_exclusive`]) the barriers
//!   are plain loads and stores behind one predictable branch.
//!
//! Every access takes the thread's context (`Vm::cx`, `M::Ctx`): nothing for the GIL, the running
//! transaction for the STM.
//!
//! Contract of every access: it may not allocate, reach a safepoint or run Python code. Under the STM a
//! load or a store may find a conflict: it then aborts the transaction by unwinding (never a Python
//! exception; docs/stm.md §3), so callers must not hold process-wide Rust state half-updated across an
//! access.

use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};

/// One atomic word of mutable object state.
#[repr(transparent)]
#[derive(Default)]
pub struct Slot(AtomicU64);

impl Slot {
    /// A slot initialised before the owning object is published (no barrier needed).
    pub const fn new(v: Value) -> Slot {
        Slot(AtomicU64::new(v.bits()))
    }

    /// A slot holding a raw integer (lengths, counters, indices) rather than a `Value`.
    pub const fn raw(n: u64) -> Slot {
        Slot(AtomicU64::new(n))
    }

    /// Read for the GC's tracer, which runs while every mutator is stopped (no barrier by design: the
    /// collector is not a transaction).
    #[inline(always)]
    pub fn gc_read(&self) -> Value {
        Value::from_bits(self.0.load(Ordering::Relaxed))
    }

    /// Initialising write of a slot in an object that no other thread can see yet (the object was just
    /// allocated by this thread and not stored anywhere shared).
    #[inline(always)]
    pub fn init(&self, v: Value) {
        self.0.store(v.bits(), Ordering::Relaxed)
    }

    /// A plain read of the slot's word outside any transaction (`--stm`: it may be a value a running
    /// transaction wrote in place and will still roll back). Only a hint: a thread blocked outside its
    /// transactions uses it to decide whether to try again (transactionally).
    #[inline(always)]
    pub fn peek(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// Read of a slot of an object the running transaction *owns* (`Vm::owns`: it created the object,
    /// or holds the write locks of all its slots), so no other transaction can read or write the slot
    /// until it commits. Relaxed: the commit publishes it (Release on the orecs, Acquire in readers).
    #[inline(always)]
    pub fn owned_load(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    /// Write of a slot of an object the running transaction owns (see [`Slot::owned_load`]). No undo
    /// entry: a fresh object is garbage after an abort, and a claimed one had its old values logged by
    /// the barrier writes that claimed it.
    #[inline(always)]
    pub fn owned_store(&self, n: u64) {
        self.0.store(n, Ordering::Relaxed)
    }
}

/// How the interpreter reaches mutable state. See the module documentation.
pub trait Mode: 'static + Sized {
    /// Name shown by diagnostics ("gil" or "stm").
    const NAME: &'static str;
    /// True for the STM mode: threads run in parallel as transactions (`weft --stm`).
    const STM: bool = false;
    /// The per-thread transaction context every access goes through (`Vm::cx`).
    type Ctx: TxCtx;

    /// Reads a slot holding a `Value`.
    fn load(cx: &Self::Ctx, slot: &Slot) -> Value;
    /// Writes a slot holding a `Value`.
    fn store(cx: &Self::Ctx, slot: &Slot, v: Value);
    /// Reads a slot holding a raw integer.
    fn load_raw(cx: &Self::Ctx, slot: &Slot) -> u64;
    /// Writes a slot holding a raw integer.
    fn store_raw(cx: &Self::Ctx, slot: &Slot, n: u64);
    /// `load_raw` that returns a conflict instead of aborting (the caller aborts, after noting which
    /// object conflicted). Never fails in GIL mode.
    fn try_load_raw(cx: &Self::Ctx, slot: &Slot) -> Result<u64, Abort> {
        Ok(Self::load_raw(cx, slot))
    }
    /// `store_raw` that returns a conflict instead of aborting (see `try_load_raw`).
    fn try_store_raw(cx: &Self::Ctx, slot: &Slot, n: u64) -> Result<(), Abort> {
        Self::store_raw(cx, slot, n);
        Ok(())
    }
    /// Write-locks `slot` for the running transaction without changing it (a claim: later accesses
    /// bypass the barriers). Nothing to do in GIL mode.
    fn try_claim_raw(_cx: &Self::Ctx, _slot: &Slot) -> Result<(), Abort> {
        Ok(())
    }
}

pub use weft_stm::Abort;

/// The transaction operations the interpreter's scheduler uses (interp/stm_sched.rs). Only called when
/// `M::STM`; GIL mode's context has none of them (they are never reached).
pub trait TxCtx: 'static {
    /// A context with no transaction running.
    fn new() -> Self;
    /// Starts a transaction.
    fn begin(&self);
    /// Whether a transaction is running.
    fn active(&self) -> bool;
    /// Commits the running transaction. `Err`: it must be rolled back (`InevitableRunning`: another
    /// transaction is inevitable now; the caller waits for it to finish before committing).
    fn commit(&self) -> Result<(), Abort>;
    /// Whether another transaction is inevitable now (a commit would fail).
    fn inevitable_running(&self) -> bool;
    /// Rolls the running transaction back (every write undone, locks released).
    fn rollback(&self);
    /// Tries once to make the running transaction inevitable (it will never abort): `Ok(false)` if
    /// another holds the token (wait and try again). `Err`: it must be rolled back. `epoch_ok` is
    /// asked once the token is held: whether what the transaction read outside the orecs (the
    /// `TYPE_EPOCH`-validated caches and read-mostly dicts) is still current.
    fn try_become_inevitable(&self, epoch_ok: &dyn Fn() -> bool) -> Result<bool, Abort>;
    /// Whether the running transaction is inevitable.
    fn is_inevitable(&self) -> bool;
    /// Whether the inevitable transaction asked this one to abort.
    fn killed(&self) -> bool;
    /// Whether the running transaction holds write locks.
    fn has_locks(&self) -> bool;
    /// Records `cause` and unwinds to the interpreter loop where the transaction began (a barrier's
    /// way to abort: see docs/stm.md §3).
    fn abort_now(&self, cause: Abort) -> !;
    /// The cause recorded by the last `abort_now`, cleared.
    fn take_abort(&self) -> Option<Abort>;
    /// (orec index, other transaction id or 0) of the last conflict.
    fn conflict(&self) -> Option<(usize, u64)>;
    /// The running attempt's id (0 if none).
    fn tx_id(&self) -> u64;
    /// The orec index of a slot (conflict reports).
    fn orec_of(&self, slot: &Slot) -> usize;
    /// Reports the undo log to the collector: each written slot (conservatively: it lies inside a live
    /// object) and the old value it would get back.
    fn trace(&self, t: &mut weft_gc::Tracer<'_>);
    /// Turns *exclusive* access on or off: while on, loads and stores are plain (no barrier), which is
    /// sound only while the thread runs exclusive in the world (`weft_scheduler::World::try_go_exclusive`:
    /// no other thread runs Python code) inside an inevitable transaction.
    fn set_exclusive(&self, on: bool);
    /// Whether exclusive access is on.
    fn exclusive(&self) -> bool;

    // ----- frozen objects (weft_stm::freeze; docs/stm.md "Frozen objects") ----------------------
    /// Header tags `t` (an object's `Header::stm` word) with `t.wrapping_sub(FROZEN)` below this are
    /// frozen objects the running transaction may read with [`TxCtx::read_frozen`]; 0 without one.
    fn frozen_limit(&self) -> u64;
    /// Reads `slot` of an object whose header word `hdr` held `t` (within `frozen_limit`) with no
    /// barrier. `Ok(None)`: not possible after all, read it through the barrier.
    fn read_frozen(&self, hdr: &AtomicU64, t: u64, slot: &Slot) -> Result<Option<u64>, Abort>;
    /// The fast path of `read_frozen` (no call): `None` whenever that would not return a value at
    /// once.
    fn try_read_frozen(&self, hdr: &AtomicU64, t: u64, slot: &Slot) -> Option<u64>;
    /// After a barrier read of a word of an object of another thread (header word `hdr`, which held
    /// `t`): moves the object towards frozen. `words(f)` calls `f` on every mutable word of the
    /// object until it returns false (and then returns false).
    fn observe(
        &self,
        hdr: &AtomicU64,
        t: u64,
        words: impl FnOnce(&mut dyn FnMut(&Slot) -> bool) -> bool,
    );
    /// `try_store_raw` of `slot` of the object whose header word is `hdr`: a write to a frozen
    /// object unfreezes it first.
    fn write_in(&self, hdr: &AtomicU64, slot: &Slot, n: u64) -> Result<(), Abort>;
    /// The caller locked every word of an object and then replaced its header word, which held
    /// `prev`: if that was a frozen tag, the object is unfrozen (the frozen generation moves).
    fn unfreeze_replaced(&self, prev: u64);
}

/// GIL mode's context: nothing (GIL mode has no transactions).
pub struct NoTx;

impl TxCtx for NoTx {
    fn new() -> Self {
        NoTx
    }
    fn begin(&self) {}
    fn active(&self) -> bool {
        false
    }
    fn commit(&self) -> Result<(), Abort> {
        Ok(())
    }
    fn rollback(&self) {}
    fn try_become_inevitable(&self, _epoch_ok: &dyn Fn() -> bool) -> Result<bool, Abort> {
        Ok(true)
    }
    fn inevitable_running(&self) -> bool {
        false
    }
    fn is_inevitable(&self) -> bool {
        true
    }
    fn killed(&self) -> bool {
        false
    }
    fn has_locks(&self) -> bool {
        false
    }
    fn abort_now(&self, cause: Abort) -> ! {
        unreachable!("GIL mode has no transactions to abort ({cause:?})")
    }
    fn take_abort(&self) -> Option<Abort> {
        None
    }
    fn conflict(&self) -> Option<(usize, u64)> {
        None
    }
    fn tx_id(&self) -> u64 {
        0
    }
    fn orec_of(&self, _slot: &Slot) -> usize {
        0
    }
    fn trace(&self, _t: &mut weft_gc::Tracer<'_>) {}
    fn set_exclusive(&self, _on: bool) {}
    fn exclusive(&self) -> bool {
        false
    }
    fn frozen_limit(&self) -> u64 {
        0
    }
    fn read_frozen(&self, _hdr: &AtomicU64, _t: u64, _slot: &Slot) -> Result<Option<u64>, Abort> {
        Ok(None)
    }
    fn try_read_frozen(&self, _hdr: &AtomicU64, _t: u64, _slot: &Slot) -> Option<u64> {
        None
    }
    fn observe(
        &self,
        _hdr: &AtomicU64,
        _t: u64,
        _words: impl FnOnce(&mut dyn FnMut(&Slot) -> bool) -> bool,
    ) {
    }
    fn write_in(&self, _hdr: &AtomicU64, slot: &Slot, n: u64) -> Result<(), Abort> {
        slot.0.store(n, Ordering::Relaxed);
        Ok(())
    }
    fn unfreeze_replaced(&self, _prev: u64) {}
}

/// GIL mode: plain relaxed loads and stores.
pub struct Gil;

impl Mode for Gil {
    const NAME: &'static str = "gil";
    type Ctx = NoTx;

    #[inline(always)]
    fn load(_: &NoTx, slot: &Slot) -> Value {
        // Relaxed: the GIL hand-off (a mutex) orders accesses of different threads.
        Value::from_bits(slot.0.load(Ordering::Relaxed))
    }

    #[inline(always)]
    fn store(_: &NoTx, slot: &Slot, v: Value) {
        // Relaxed: see `load`.
        slot.0.store(v.bits(), Ordering::Relaxed)
    }

    #[inline(always)]
    fn load_raw(_: &NoTx, slot: &Slot) -> u64 {
        slot.0.load(Ordering::Relaxed)
    }

    #[inline(always)]
    fn store_raw(_: &NoTx, slot: &Slot, n: u64) {
        slot.0.store(n, Ordering::Relaxed)
    }
}

pub mod stm;
pub use stm::{Stm, StmCtx};
