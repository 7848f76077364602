//! STM mode of the access layer: every load and store of a [`Slot`] is a transactional read or write of
//! the thread's running transaction (`weft_stm::Tx`), and a conflict aborts it by unwinding.
//!
//! # The context
//! [`StmCtx`] is one thread's transaction slot (`Vm::cx`). Accesses take `&StmCtx` (the interpreter
//! reads state through `&Vm`), so the transaction sits in an `UnsafeCell`: the context is owned by one
//! thread (`!Sync`), and no method keeps the inner `&mut Tx` across a call that could reach another
//! method of the same context (barriers call only into `weft_stm`, whose wait hook never touches a
//! transaction), so the mutable borrows never overlap.
//!
//! # Aborting
//! A barrier that finds a conflict records the cause and calls `std::panic::resume_unwind` with
//! [`StmAbort`] (no panic hook, no message). The interpreter loop where the transaction began catches
//! it, rolls back, restores the thread's frames and runs again (interp/stm_sched.rs). With no running
//! transaction (bootstrap, before the first `begin`) accesses are plain relaxed loads and stores: only
//! one thread exists then.
//!
//! # Exclusive runs
//! While the thread runs exclusive (`StmCtx::set_exclusive`: the world lets no other thread run Python
//! code, and its transaction is inevitable, so it never rolls back) a load or store is a plain atomic
//! access: nothing can conflict with it and nothing needs undoing. Those writes leave no trace in the
//! ownership records; that is sound because every transaction that runs later begins after the
//! exclusive run ended (the world's mutex orders them), and one that was parked with a live read set
//! during the run aborts when it comes back (interp/stm_sched.rs, `exclusive_epoch`).
//!
//! # Lifetimes
//! `weft_stm::Tx` keeps `&'static AtomicU64` references to written words in its undo log. Slots live in
//! GC heap objects, not for `'static`: the collector keeps them alive instead, because [`TxCtx::trace`]
//! reports every undo entry's slot address (conservatively, marking the object around it) and old value
//! while the transaction can still roll back.

use super::{Mode, Slot, TxCtx};
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;
use weft_stm::{Abort, Tx};

/// The process's STM instance: 2^22 ownership records (32 MiB of virtual memory, touched where used:
/// neighbouring heap words map to neighbouring orecs, so the pages touched follow the heap's). Fewer
/// orecs means more false conflicts between unrelated words sharing one.
pub static STM: LazyLock<weft_stm::Stm> = LazyLock::new(|| weft_stm::Stm::new(22));

/// The unwind payload of a transaction abort.
pub struct StmAbort;

/// STM mode: transactional loads and stores.
pub struct Stm;

/// One thread's transaction slot. See the module documentation.
pub struct StmCtx {
    /// Exclusive run: accesses bypass the transaction (module documentation).
    excl: Cell<bool>,
    tx: UnsafeCell<Option<Tx<'static>>>,
    /// The last finished transaction, whose log buffers the next `begin` reuses.
    spare: Cell<Option<Tx<'static>>>,
    abort: Cell<Option<Abort>>,
    /// `Tx::frozen_limit` of the running transaction (0: none), kept here for the barrier's check.
    frozen_limit: Cell<u64>,
}

impl StmCtx {
    /// The running transaction, if any.
    ///
    /// # Safety
    /// The caller must not call another method of this context while the returned reference lives (see
    /// the module documentation), and must not keep it past the current call.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    unsafe fn tx(&self) -> &mut Option<Tx<'static>> {
        // SAFETY: the context is !Sync (UnsafeCell) so only the owning thread gets here, and per this
        // function's contract no other borrow of the cell is alive.
        unsafe { &mut *self.tx.get() }
    }

    /// The running transaction, read-only (for the queries of `TxCtx`).
    #[inline(always)]
    fn tx_ref(&self) -> Option<&Tx<'static>> {
        // SAFETY: a mutable borrow of the cell exists only inside a call of `tx()` (its contract: never
        // kept past the call and no other method of the context called meanwhile), so none is alive
        // while this shared borrow, tied to `&self`, is used by the caller of a query method.
        unsafe { &*self.tx.get() }.as_ref()
    }
}

/// A slot's word as the `'static` reference the STM's logs take (see "Lifetimes" above).
#[inline(always)]
fn word(slot: &Slot) -> &'static AtomicU64 {
    // SAFETY: the reference is only dereferenced by the transaction while it runs (reads: at once;
    // writes: in its undo log until commit or rollback), and during that time the slot's object stays
    // alive: it is reachable from the thread's roots, and the undo log itself is a root (TxCtx::trace
    // marks the object containing each logged slot). The heap never moves objects.
    unsafe { &*(&slot.0 as *const AtomicU64) }
}

impl Stm {
    #[inline(always)]
    fn try_read(cx: &StmCtx, slot: &Slot) -> Result<u64, Abort> {
        if cx.excl.get() {
            return Ok(slot.0.load(Ordering::Relaxed));
        }
        // SAFETY: the borrow ends within this function and `Tx::read` cannot reach `cx`.
        match unsafe { cx.tx() } {
            Some(tx) => tx.read(word(slot)),
            None => Ok(slot.0.load(Ordering::Acquire)),
        }
    }

    #[inline(always)]
    fn try_write(cx: &StmCtx, slot: &Slot, x: u64) -> Result<(), Abort> {
        if cx.excl.get() {
            slot.0.store(x, Ordering::Relaxed);
            return Ok(());
        }
        // SAFETY: as in `try_read`.
        match unsafe { cx.tx() } {
            Some(tx) => tx.write(word(slot), x),
            None => {
                slot.0.store(x, Ordering::Release);
                Ok(())
            }
        }
    }

    #[inline(always)]
    fn read(cx: &StmCtx, slot: &Slot) -> u64 {
        match Self::try_read(cx, slot) {
            Ok(v) => v,
            Err(a) => cx.abort_now(a),
        }
    }

    #[inline(always)]
    fn write(cx: &StmCtx, slot: &Slot, x: u64) {
        if let Err(a) = Self::try_write(cx, slot, x) {
            cx.abort_now(a)
        }
    }
}

impl Mode for Stm {
    const NAME: &'static str = "stm";
    const STM: bool = true;
    type Ctx = StmCtx;

    #[inline(always)]
    fn load(cx: &StmCtx, slot: &Slot) -> Value {
        Value::from_bits(Self::read(cx, slot))
    }

    #[inline(always)]
    fn store(cx: &StmCtx, slot: &Slot, v: Value) {
        Self::write(cx, slot, v.bits())
    }

    #[inline(always)]
    fn load_raw(cx: &StmCtx, slot: &Slot) -> u64 {
        Self::read(cx, slot)
    }

    #[inline(always)]
    fn store_raw(cx: &StmCtx, slot: &Slot, n: u64) {
        Self::write(cx, slot, n)
    }

    #[inline(always)]
    fn try_load_raw(cx: &StmCtx, slot: &Slot) -> Result<u64, Abort> {
        Self::try_read(cx, slot)
    }

    #[inline(always)]
    fn try_store_raw(cx: &StmCtx, slot: &Slot, n: u64) -> Result<(), Abort> {
        Self::try_write(cx, slot, n)
    }

    fn try_claim_raw(cx: &StmCtx, slot: &Slot) -> Result<(), Abort> {
        if cx.excl.get() {
            return Ok(());
        }
        // SAFETY: as in `try_read`.
        match unsafe { cx.tx() } {
            Some(tx) => tx.claim(word(slot)),
            None => Ok(()),
        }
    }
}

impl TxCtx for StmCtx {
    fn new() -> Self {
        StmCtx {
            excl: Cell::new(false),
            tx: UnsafeCell::new(None),
            spare: Cell::new(None),
            abort: Cell::new(None),
            frozen_limit: Cell::new(0),
        }
    }

    fn begin(&self) {
        let tx = match self.spare.take() {
            Some(mut tx) => {
                tx.restart();
                tx
            }
            None => Tx::begin(&STM),
        };
        // SAFETY: no other borrow of the cell is alive (module documentation).
        let slot = unsafe { self.tx() };
        debug_assert!(slot.is_none(), "begin inside a transaction");
        self.frozen_limit.set(tx.frozen_limit());
        *slot = Some(tx);
    }

    fn active(&self) -> bool {
        self.tx_ref().is_some()
    }

    fn commit(&self) -> Result<(), Abort> {
        // SAFETY: as in `begin`.
        let slot = unsafe { self.tx() };
        let Some(tx) = slot.as_mut() else {
            return Ok(());
        };
        tx.commit()?;
        self.spare.set(slot.take());
        self.frozen_limit.set(0);
        Ok(())
    }

    fn rollback(&self) {
        // SAFETY: as in `begin`.
        if let Some(mut tx) = unsafe { self.tx() }.take() {
            tx.rollback();
            self.spare.set(Some(tx));
        }
        self.frozen_limit.set(0);
    }

    fn try_become_inevitable(&self, epoch_ok: &dyn Fn() -> bool) -> Result<bool, Abort> {
        // SAFETY: as in `begin`.
        match unsafe { self.tx() } {
            Some(tx) => tx.try_become_inevitable_if(epoch_ok),
            None => Ok(true),
        }
    }

    fn inevitable_running(&self) -> bool {
        STM.inevitable_running()
    }

    fn is_inevitable(&self) -> bool {
        self.tx_ref().is_some_and(|t| t.is_inevitable())
    }

    fn killed(&self) -> bool {
        self.tx_ref().is_some_and(|t| t.killed())
    }

    fn has_locks(&self) -> bool {
        self.tx_ref().is_some_and(|t| t.has_locks())
    }

    fn abort_now(&self, cause: Abort) -> ! {
        self.abort.set(Some(cause));
        std::panic::resume_unwind(Box::new(StmAbort))
    }

    fn take_abort(&self) -> Option<Abort> {
        self.abort.take()
    }

    fn conflict(&self) -> Option<(usize, u64)> {
        self.tx_ref().and_then(|t| t.conflict())
    }

    fn tx_id(&self) -> u64 {
        self.tx_ref().map_or(0, |t| t.id())
    }

    fn orec_of(&self, slot: &Slot) -> usize {
        STM.orec_index(&slot.0)
    }

    fn set_exclusive(&self, on: bool) {
        debug_assert!(
            !on || self.is_inevitable(),
            "exclusive run outside an inevitable transaction"
        );
        self.excl.set(on);
    }

    #[inline(always)]
    fn exclusive(&self) -> bool {
        self.excl.get()
    }

    #[inline(always)]
    fn frozen_limit(&self) -> u64 {
        self.frozen_limit.get()
    }

    #[inline(always)]
    fn try_read_frozen(&self, hdr: &AtomicU64, t: u64, slot: &Slot) -> Option<u64> {
        // SAFETY: as in `begin`; `try_read_frozen` does not reach this context.
        match unsafe { self.tx() } {
            Some(tx) => tx.try_read_frozen(hdr, t, &slot.0),
            None => None,
        }
    }

    fn read_frozen(&self, hdr: &AtomicU64, t: u64, slot: &Slot) -> Result<Option<u64>, Abort> {
        // SAFETY: as in `begin`; `read_frozen` does not reach this context.
        match unsafe { self.tx() } {
            Some(tx) => tx.read_frozen(hdr, t, &slot.0),
            None => Ok(None),
        }
    }

    fn observe(
        &self,
        hdr: &AtomicU64,
        t: u64,
        words: impl FnOnce(&mut dyn FnMut(&Slot) -> bool) -> bool,
    ) {
        // SAFETY: as in `begin`. `words` is the caller's enumeration of an object's slots: it only
        // calls the function it is given, which works on the transaction's orecs, never this context.
        if let Some(tx) = unsafe { self.tx() } {
            tx.observe(hdr, t, |f| words(&mut |s: &Slot| f(&s.0)));
        }
    }

    fn write_in(&self, hdr: &AtomicU64, slot: &Slot, n: u64) -> Result<(), Abort> {
        if self.excl.get() {
            slot.0.store(n, Ordering::Relaxed);
            return Ok(());
        }
        // SAFETY: as in `begin`.
        match unsafe { self.tx() } {
            Some(tx) => tx.write_in(hdr, word(slot), n),
            None => {
                slot.0.store(n, Ordering::Release);
                Ok(())
            }
        }
    }

    fn unfreeze_replaced(&self, prev: u64) {
        // SAFETY: as in `begin`.
        if let Some(tx) = unsafe { self.tx() } {
            tx.unfreeze_replaced(prev);
        }
    }

    fn trace(&self, t: &mut weft_gc::Tracer<'_>) {
        // The collector runs on a stopped thread's context: its owner is parked (outside any `tx()`
        // call) for the whole collection.
        if let Some(tx) = self.tx_ref() {
            for (w, old) in tx.undo_entries() {
                t.mark_conservative(w as *const AtomicU64 as usize);
                crate::object::trace_value(t, Value::from_bits(old));
            }
        }
    }
}
