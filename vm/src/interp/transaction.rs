//! Transactions as the Python program sees them: `pypystm.atomic` blocks and hints.
//!
//! An atomic block (`with pypystm.atomic:`) runs as one transaction under `--stm` and without any
//! thread switch under the GIL, so in both modes no other thread's effects interleave with it. Blocks
//! nest (a depth counter). A blocking operation inside an atomic block (a lock wait, `sleep`, a join)
//! still blocks: the block is split there, as in PyPy-STM.

use crate::access::Mode;
use crate::interp::Vm;

impl<M: Mode> Vm<M> {
    /// Enters an atomic block (nestable).
    pub fn atomic_enter(&mut self) {
        self.atomic_depth += 1;
    }

    /// Leaves an atomic block; false if none was active.
    pub fn atomic_exit(&mut self) -> bool {
        if self.atomic_depth == 0 {
            return false;
        }
        self.atomic_depth -= 1;
        true
    }

    /// Whether the thread runs threads in parallel as transactions (`--stm`).
    pub fn stm_enabled(&self) -> bool {
        M::STM
    }

    /// `pypystm.hint_commit_soon()`: ends the current transaction at the next switch point (a no-op
    /// under the GIL).
    pub fn hint_commit_soon(&mut self) {
        if M::STM {
            self.txs.budget = 1;
        }
    }
}
