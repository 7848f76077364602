//! The interpreter's side of garbage collection: enumerating the roots of a stopped thread and calling
//! the collector at a safepoint.
//!
//! Roots (ARCHITECTURE.md, decision 5): the thread's value stack (every frame's locals, cells and operands),
//! its frame records, `temp_roots`, the runtime tables (types, exception classes, builtins, `sys.modules`,
//! interned names), the exception being handled, and, conservatively, the native stack between the current
//! stack pointer and the registered stack base (Rust locals of native functions further down, including
//! references obtained with `object::obj`, which may point inside an object).
//!
//! In GIL mode only the GIL holder runs Python code and collects; every other thread is parked and has
//! published its `Vm` and native stack range (`interp::threads`), which are traced too. The interned
//! strings are traced from the shared table (each thread's cache is a subset of it).
//!
//! A type object that dies bumps `TYPE_EPOCH` (`Drop for TypeObj` below, run by its kind's finalizer in
//! the sweep): the attribute inline caches and the plan memo (`interp/attr.rs`) key entries on the raw
//! bits of the receiver's type and are not GC roots, so without it a new type allocated in the dead
//! one's cell would match the dead type's entries (and their class attributes, freed with it).

use crate::access::Mode;
use crate::interp::Vm;
use crate::object::{trace_value, TypeObj, TYPE_EPOCH};
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

/// Collects garbage now: marks with every thread stopped; with `eager` (`gc.collect()`) sweeps every
/// block before returning, otherwise the blocks are swept lazily, by the threads that allocate from them
/// (weft-gc's `collect_lazy`). Called only at a safepoint of the dispatch loop (see `eval.rs`).
pub fn collect<M: Mode>(vm: &mut Vm<M>, eager: bool) {
    vm.mutator.park();
    let heap = vm.heap;
    let vm_ref: &Vm<M> = vm;
    weft_gc::stack::with_stack_range(|lo, hi| {
        let mut roots = |t: &mut weft_gc::Tracer<'_>| {
            vm_ref.trace_thread_roots(t);
            vm_ref.types.trace(t);
            vm_ref.exc.trace(t);
            vm_ref.rt.trace(t);
            {
                let interned = vm_ref
                    .shared
                    .interned
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                for v in interned.values() {
                    trace_value(t, *v);
                }
            }
            // SAFETY: [lo, hi) is this thread's live stack (with_stack_range's contract), readable for the
            // duration of the scan since we are running on it below `lo`.
            unsafe { t.scan_conservative(lo, hi, &decode_word) };
            // SAFETY: this thread holds the GIL for the whole collection (see below).
            unsafe { crate::interp::threads::trace_parked(t, &decode_word) };
        };
        // SAFETY: this thread holds the GIL and is at a safepoint, so every other thread is parked
        // (interp/threads.rs invariants) and none runs Python code; this thread has parked its mutator;
        // the roots above are complete per ARCHITECTURE.md decision 5 (this thread's frames, runtime
        // tables, temp roots and conservatively scanned native stack, and the same for every parked
        // thread); every pointer passed to `mark` comes from a pointer `Value` (the header of a live
        // object) or from the tracer's own lookup.
        // the kinds' finalizers only drop the dead object's own Rust fields (thread-safe types: `Send`
        // layouts), so they may run lazily on any thread (`collect_lazy`).
        unsafe {
            if eager {
                heap.collect(&mut roots);
            } else {
                heap.collect_lazy(&mut roots);
            }
        }
    });
}

/// A dead type invalidates every attribute cache entry (see the module documentation). Types die rarely,
/// so the global bump costs little. Runs inside a collection (the finalizer of `Kind::Type`): one atomic
/// add, no allocation. (A `TypeObj` dropped outside the heap, such as one never allocated, bumps it too,
/// harmlessly.)
impl Drop for TypeObj {
    fn drop(&mut self) {
        TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}
