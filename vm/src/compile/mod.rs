//! Bytecode compiler (in progress).
pub mod symtable;
