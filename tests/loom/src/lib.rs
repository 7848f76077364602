//! Loom models of Weft's concurrency protocols. The models are in `tests/`; they compile only with
//! `RUSTFLAGS="--cfg loom"` (see `run.sh`), and to nothing in a normal `cargo test`.
