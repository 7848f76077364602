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
//! * `Stm` (issue 4) will implement the read barrier (record the slot and the value/version seen) and the
//!   write barrier (lock the slot's stripe, append the old value to the undo log) here. Slot granularity is
//!   what makes writes to different list indices or dict entries conflict-free.
//!
//! Contract of every access: it may not allocate, reach a safepoint or run Python code. Under the STM a
//! load or a store may decide the transaction must abort; that is reported by the caller's next safepoint,
//! never as a Python exception.

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
}

/// How the interpreter reaches mutable state. See the module documentation.
pub trait Mode: 'static + Sized {
    /// Name shown by diagnostics ("gil" or "stm").
    const NAME: &'static str;
    /// True for the STM mode: threads run in parallel as transactions (`weft --stm`).
    const STM: bool = false;

    /// Reads a slot holding a `Value`.
    fn load(slot: &Slot) -> Value;
    /// Writes a slot holding a `Value`.
    fn store(slot: &Slot, v: Value);
    /// Reads a slot holding a raw integer.
    fn load_raw(slot: &Slot) -> u64;
    /// Writes a slot holding a raw integer.
    fn store_raw(slot: &Slot, n: u64);
}

/// GIL mode: plain relaxed loads and stores.
pub struct Gil;

impl Mode for Gil {
    const NAME: &'static str = "gil";

    #[inline(always)]
    fn load(slot: &Slot) -> Value {
        // Relaxed: the GIL hand-off (a mutex) orders accesses of different threads.
        Value::from_bits(slot.0.load(Ordering::Relaxed))
    }

    #[inline(always)]
    fn store(slot: &Slot, v: Value) {
        // Relaxed: see `load`.
        slot.0.store(v.bits(), Ordering::Relaxed)
    }

    #[inline(always)]
    fn load_raw(slot: &Slot) -> u64 {
        slot.0.load(Ordering::Relaxed)
    }

    #[inline(always)]
    fn store_raw(slot: &Slot, n: u64) {
        slot.0.store(n, Ordering::Relaxed)
    }
}
