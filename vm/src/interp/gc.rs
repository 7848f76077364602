//! The interpreter's side of garbage collection: enumerating the roots of a stopped thread and calling
//! the collector at a safepoint.
//!
//! Roots (ARCHITECTURE.md, decision 5): the thread's value stack (every frame's locals, cells and operands),
//! its frame records, `temp_roots`, the runtime tables (types, exception classes, builtins, `sys.modules`,
//! interned names), the exception being handled, and, conservatively, the native stack between the current
//! stack pointer and the registered stack base (Rust locals of native functions further down, including
//! references obtained with `object::obj`, which may point inside an object).
//!
//! Today one thread runs Python code, so a safepoint of that thread is a stopped world. Issue 3 adds the
//! thread registry whose other members park at their own safepoints before the collection starts.

use crate::access::Mode;
use crate::interp::Vm;
use crate::object::trace_value;
use crate::value::Value;

/// Decodes one native-stack word into candidate object addresses: a tagged pointer `Value`, or a raw
/// address (a `&T` into an object, which may point inside it).
fn decode_word(w: u64, f: &mut dyn FnMut(usize)) {
    let v = Value::from_bits(w);
    if v.is_ptr() {
        f(v.as_header_ptr() as usize);
    } else if w != 0 {
        f(w as usize);
    }
}

/// Collects garbage now. Called only at a safepoint of the dispatch loop (see `eval.rs`).
pub fn collect<M: Mode>(vm: &mut Vm<M>) {
    vm.mutator.park();
    let heap = vm.heap;
    let vm_ref: &Vm<M> = vm;
    weft_gc::stack::with_stack_range(|lo, hi| {
        let mut roots = |t: &mut weft_gc::Tracer<'_>| {
            for v in &vm_ref.stack {
                trace_value(t, *v);
            }
            for f in &vm_ref.frames {
                f.trace(t);
            }
            for v in &vm_ref.temp_roots {
                trace_value(t, *v);
            }
            vm_ref.types.trace(t);
            vm_ref.exc.trace(t);
            vm_ref.rt.trace(t);
            for v in vm_ref.interned.values() {
                trace_value(t, *v);
            }
            trace_value(t, vm_ref.exc_info);
            for v in &vm_ref.repr_stack {
                trace_value(t, *v);
            }
            // SAFETY: [lo, hi) is this thread's live stack (with_stack_range's contract), readable for the
            // duration of the scan since we are running on it below `lo`.
            unsafe { t.scan_conservative(lo, hi, &decode_word) };
        };
        // SAFETY: this is the only thread running Python code and it is at a safepoint (module doc); it has
        // parked its mutator; the roots above are complete per ARCHITECTURE.md decision 5 (values in frames,
        // runtime tables, temp roots, and the conservatively scanned native stack); every pointer passed to
        // `mark` comes from a pointer `Value` (the header of a live object) or from the tracer's own lookup.
        unsafe {
            heap.collect(&mut roots);
        }
    });
}
