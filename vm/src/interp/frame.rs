//! Frames: the per-call interpreter state (ARCHITECTURE.md, decision 3).
//!
//! A running frame is a [`FrameInfo`] on the thread's frame stack plus a window of the thread's value
//! stack (`Vm::stack`): `stack[base .. base + nlocalsplus]` holds the fast locals, then the cells and free
//! variables, and the frame's operand stack grows above it. A Python call that passes only positional
//! arguments reuses the arguments already pushed by the caller as the callee's first locals (no copy).
//! A suspended generator frame is a [`SavedFrame`]: the same `FrameInfo` plus a copy of its window, owned
//! by the generator object; resuming copies the window back onto the thread's stack.

use crate::object::trace_value;
use crate::value::Value;
use weft_gc::Tracer;

/// What to do when a frame finishes, decided by whoever pushed it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Boundary {
    /// Return into the caller frame below (a Python-to-Python call in the same loop).
    Caller,
    /// Return from the interpreter loop that pushed this frame (a call from native code).
    Native,
    /// An `__init__` frame run for `cls(...)` from the eval loop: the new instance sits on the caller's
    /// operand stack just below this frame; the frame's return value must be None and is discarded.
    Init,
    /// A generator frame resumed by `ForIter` in the loop of the frame below (no nested loop): a yield
    /// pushes the value onto that frame's stack, a return ends its `for` loop, an exception propagates
    /// into it. While it runs, the generator's `SavedFrame::exc_info` holds the caller's handled
    /// exception (restored when the frame leaves).
    GenFor,
}

/// The bookkeeping of one active frame (its values live in `Vm::stack`).
#[derive(Clone, Copy, Debug)]
pub struct FrameInfo {
    /// The CodeObj being executed.
    pub code: Value,
    /// Next instruction to execute (saved whenever control leaves the loop's locals).
    pub ip: u32,
    /// Index in `Vm::stack` of localsplus[0].
    pub base: u32,
    /// The function object (NULL for module and class bodies).
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping for module/class bodies (NULL for optimised function frames).
    pub locals: Value,
    /// The generator object running this frame, or NULL.
    pub gen: Value,
    pub boundary: Boundary,
}

impl FrameInfo {
    pub fn trace(&self, t: &mut Tracer) {
        trace_value(t, self.code);
        trace_value(t, self.func);
        trace_value(t, self.globals);
        trace_value(t, self.builtins);
        trace_value(t, self.locals);
        trace_value(t, self.gen);
    }
}

/// A suspended generator frame: its bookkeeping and a copy of its value window.
#[derive(Clone)]
pub struct SavedFrame {
    pub info: FrameInfo,
    pub values: Vec<Value>,
    /// The exception being handled when the generator yielded (restored on resume).
    pub exc_info: Value,
}

impl SavedFrame {
    pub fn trace(&self, t: &mut Tracer) {
        self.info.trace(t);
        for v in &self.values {
            trace_value(t, *v);
        }
        trace_value(t, self.exc_info);
    }
}
