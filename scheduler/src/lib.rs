//! weft-scheduler: thread registry, GIL, transaction boundaries.
//!
//! Empty until issues 3 (threads under a GIL) and 4 (transaction boundaries under `--stm`). The
//! runtime core is single-threaded and needs nothing from it yet.
