//! weft-stm: the software transactional memory.
//!
//! Empty until issue 4 ("--stm"): the transaction descriptor, the read/write barriers, validation,
//! commit, abort and the inevitable token will live here. The VM's access layer (`weft_vm::access`) is
//! the only caller; in GIL mode it never calls into this crate.
