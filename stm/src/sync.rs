//! The one place the crate takes its synchronisation primitives from: `std` normally, loom's model
//! checker under `cfg(loom)` (tests/loom checks the commit/validate/abort protocol with it).

#[cfg(loom)]
pub use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(loom)]
pub(crate) use loom::sync::{Arc, Mutex};
#[cfg(loom)]
pub(crate) fn spin() {
    loom::thread::yield_now();
}

#[cfg(not(loom))]
pub use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
#[cfg(not(loom))]
pub(crate) use std::sync::{Arc, Mutex};
#[cfg(not(loom))]
pub(crate) fn spin() {
    std::thread::yield_now();
}
