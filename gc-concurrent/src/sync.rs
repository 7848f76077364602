//! The one place the crate takes its synchronisation primitives from (house style: atomics through one
//! shim, as crossbeam's `primitive` module does).
//!
//! Today these are plain `std` types. When the concurrent collector is model-checked, this module is where
//! `cfg(loom)` swaps in loom's atomics and mutex (the crate stays dependency-free until then, so the swap
//! is not wired yet); every other module must import atomics and locks from here, never from `std`
//! directly, so that swap stays a one-file change.

pub use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
pub use std::sync::{Mutex, MutexGuard};

/// Locks `m`, ignoring poisoning.
///
/// A panic while the heap lock is held is a bug; [`crate::Heap::collect`] aborts the process on one (the
/// heap would be inconsistent), and the short critical sections of the allocation slow path cannot leave
/// the protected data half-updated in a way a later locker could observe, so recovering the guard is sound.
#[inline]
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
