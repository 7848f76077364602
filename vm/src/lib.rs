//! weft-vm: Weft's Python 3.11 front end, compiler, interpreter, object model and builtins.
//!
//! Modules (see ARCHITECTURE.md for the design of each):
//! * [`value`] — the NaN-boxed `Value` word;
//! * [`access`] — the access layer through which all mutable object state is read and written;
//! * [`object`] — the heap layout of every object kind and the GC kind table;
//! * [`bytecode`] — the one opcode table, instructions and code objects;
//! * [`compile`] — parser front end, symbol table, AST-to-bytecode compiler and disassembler;
//! * [`interp`] — the per-thread `Vm`: dispatch loop, calls, attributes, operators, iteration,
//!   generators, exceptions, imports, GC roots;
//! * [`builtins`] — bootstrap, the builtin types' methods, the `builtins` and `sys` modules;
//! * [`numeric`] — Python's numeric semantics (float repr, parsing, hashing, division, format specs);
//! * [`text`] — Python's str/bytes semantics (methods, repr, codecs, Unicode predicates);
//! * [`stdlib`] — standard-library modules shipped in the binary (Rust ones and frozen Python ones);
//! * [`runner`] — running a program like `python3 prog.py` (exit status, uncaught exceptions).

pub mod access;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod interp;
pub mod numeric;
pub mod object;
pub mod runner;
pub mod stdlib;
pub mod text;
pub mod value;
