//! weft-vm: Weft's Python 3.11 front end, compiler, interpreter, object model and builtins.
//!
//! Compiled today (see ARCHITECTURE.md for the design of each):
//! * [`value`] — the NaN-boxed `Value` word;
//! * [`access`] — the access layer through which all mutable object state is read and written;
//! * [`bytecode`] — the one opcode table, instructions and code objects;
//! * [`compile`] — parser front end, symbol table, AST-to-bytecode compiler and disassembler;
//! * [`numeric`] — Python's numeric semantics (float repr, parsing, hashing, division, format specs);
//! * [`text`] — Python's str/bytes semantics (methods, repr, codecs, Unicode predicates).
//!
//! Work in progress, in the tree but not yet part of the module tree (they do not compile until the
//! builtins and the GC glue land): `object/` (heap layouts), `interp/` (the dispatch loop, calls,
//! attributes, operators, iteration, generators), `builtins/` (type objects and builtin functions).

pub mod access;
pub mod bytecode;
pub mod compile;
pub mod numeric;
pub mod text;
pub mod value;
