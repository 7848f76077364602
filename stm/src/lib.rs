//! weft-stm: the software transactional memory behind `weft --stm` (issue 4).
//!
//! * [`tx`] — the transaction protocol over 64-bit words: word-based, encounter-time write locks,
//!   in-place writes with an undo log, a global version clock with snapshot extension, commit-time
//!   validation, rollback, one inevitable transaction at a time (its design and guarantees are in the
//!   module docs and docs/stm.md).
//! * [`freeze`] — frozen objects: read-mostly objects read with no orec check and no read-log entry,
//!   whose writers move a global generation that aborts the transactions that read frozen data.
//!
//! The crate knows nothing about Python: the VM's access layer (`weft_vm::access`, mode `Stm`) will call
//! [`Tx::read`]/[`Tx::write`] on the words of mutable object state, and the scheduler will decide where
//! transactions begin and end. Not wired into the VM yet; GIL mode never calls into this crate.

pub mod sync;
pub mod tx;

pub use tx::{freeze, Abort, Stm, Tx, INEVITABLE_AFTER};
