//! weft-scheduler: who runs Python code when.
//!
//! * [`gil`] — GIL mode (`weft prog.py`): one fair global interpreter lock with a switch interval and a
//!   direct FIFO hand-off, so threads take turns and a blocked thread uses no CPU;
//! * [`world`] — `--stm` mode (no GIL): the stop-the-world handshake between the threads running
//!   transactions and the collector (enter/leave around blocking points, stop/restart, freeze at exit),
//!   plus the attention word polled at switch points and the active-thread hint.
//!
//! The crate knows nothing about Python objects: the VM (`weft-vm`, `interp::threads`) decides where the
//! blocking points are and publishes its roots before it leaves the interpreter.

pub mod gil;
mod sync;
pub mod world;

pub use gil::Gil;
pub use world::World;
