//! weft-scheduler: who runs Python code when.
//!
//! * [`gil`] — GIL mode (`weft prog.py`): one fair global interpreter lock with a switch interval and a
//!   direct FIFO hand-off, so threads take turns and a blocked thread uses no CPU;
//! * transaction boundaries for `--stm` (issue 4) will live here too, behind the same "leave the
//!   interpreter, block, come back" points the GIL uses today.
//!
//! The crate knows nothing about Python objects: the VM (`weft-vm`, `interp::threads`) decides where the
//! blocking points are and publishes its roots before it leaves the interpreter.

pub mod gil;
mod sync;

pub use gil::Gil;
