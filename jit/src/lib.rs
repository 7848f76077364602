//! weft-jit: the Cranelift JIT.
//!
//! Empty: no issue asks for it yet. The VM will expose a hook the root package wires in; nothing here
//! pretends to compile code.
