//! Marking: the kind table and the [`Tracer`].
//!
//! # Algorithm
//! Marking is a depth-first traversal with an explicit mark stack (a `Vec`, so there is no recursion and
//! no overflow case). [`Tracer::mark`] sets the mark bit of an object with an atomic `fetch_or` (after a
//! plain load that skips the read-modify-write for objects already marked) and pushes the object if this
//! call was the one that set the bit; [`Tracer::drain`](Tracer) pops objects and calls their kind's
//! [`KindInfo::trace`], which calls `mark` on every reference. Each object is therefore traced exactly once
//! per collection, and a cycle terminates.
//!
//! Roots come from the VM's callback in [`crate::Heap::collect`]: precise roots through `mark`, and native
//! stack ranges through [`Tracer::scan_conservative`], which resolves candidate words with the heap's
//! block table and large-object map (the same lookup as [`crate::Heap::find_object`]). An object found
//! conservatively is marked and traced precisely, like any other (it cannot move: the heap is non-moving).
//!
//! Static headers ([`crate::Header::new_static`]) are marked and traced too and remembered in a side list
//! so that `collect` can clear their mark bits at the end (sweeping never visits them).
//!
//! # Orderings
//! The mark `fetch_or` is `Relaxed`: in this version one thread marks while mutators are stopped, and the
//! stop handshake (the heap mutex in `heap.rs` plus the VM's safepoints) orders every mutator write before
//! marking. When marking becomes parallel, `Relaxed` is still enough for the bit itself (the winner of the
//! `fetch_or` is the only tracer of the object; the object's contents were published before the handshake);
//! a concurrent marker needs the STM's undo log as its snapshot barrier, see the essay in `lib.rs`.

use crate::header::{Header, MARK_BIT, STATIC_BIT};
use crate::heap::HeapInner;
use crate::sync::Ordering;

/// What the GC needs to know about one object kind. The VM registers one per kind (1..=255) before
/// allocating objects of it ([`crate::Heap::register_kind`]).
#[derive(Clone, Copy)]
pub struct KindInfo {
    /// Name for diagnostics.
    pub name: &'static str,
    /// Calls `t.mark(...)` for every heap reference the object holds (including its class word if the VM
    /// wants it traced: the VM does that itself). Called only during a collection, on a live object of
    /// this kind whose payload is either fully initialised or still zero-filled. Must not allocate, must
    /// not call any `Heap` method, must not panic.
    pub trace: unsafe fn(obj: *const Header, t: &mut Tracer<'_>),
    /// Releases Rust-owned resources of a dead object (e.g. `drop_in_place` of the VM struct); `None` =
    /// nothing to drop. Called during the sweep with the heap lock held: must not touch other heap objects
    /// (they may already be freed), must not allocate from the GC heap, must not panic. After
    /// [`crate::Heap::collect_lazy`] it runs on whichever mutator thread sweeps the block, inside that
    /// thread's allocation, while other threads run.
    pub finalize: Option<unsafe fn(obj: *mut Header)>,
}

impl std::fmt::Debug for KindInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KindInfo")
            .field("name", &self.name)
            .field("finalize", &self.finalize.is_some())
            .finish()
    }
}

/// A conservative-scan decoder: called with each word, reports candidate addresses to the callback.
pub type DecodeFn = dyn Fn(u64, &mut dyn FnMut(usize));

/// The kind table: index = kind byte.
pub(crate) type KindTable = [Option<KindInfo>; 256];

/// The marking context lent to the VM's root callback and to trace functions during
/// [`crate::Heap::collect`]. Cannot be created outside the crate.
pub struct Tracer<'h> {
    heap: &'h HeapInner,
    kinds: &'h KindTable,
    stack: Vec<*const Header>,
    /// Static headers marked in this collection (their marks are cleared by `collect`).
    pub(crate) statics: Vec<*const Header>,
    /// Objects marked in this collection (heap and static).
    pub(crate) marked: usize,
}

impl<'h> Tracer<'h> {
    pub(crate) fn new(heap: &'h HeapInner, kinds: &'h KindTable) -> Tracer<'h> {
        Tracer {
            heap,
            kinds,
            stack: Vec::with_capacity(1024),
            statics: Vec::new(),
            marked: 0,
        }
    }

    /// Marks the object at `obj` (null is ignored) and queues it for tracing if it was unmarked.
    ///
    /// `obj` must be null, the header of a live object of this heap, or a static header: this is part of
    /// the safety contract of [`crate::Heap::collect`], whose callbacks are the only code that can reach
    /// a `Tracer`. Does not allocate from the GC heap (the mark stack is a Rust `Vec`).
    // A safe fn with a raw-pointer argument on purpose: a `Tracer` exists only inside the `unsafe`
    // `Heap::collect`, whose contract covers every pointer passed here (and the VM's trace functions call
    // this in their innermost loops, where an `unsafe` block per reference would only be noise).
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    #[inline]
    pub fn mark(&mut self, obj: *const Header) {
        if obj.is_null() {
            return;
        }
        // SAFETY: `obj` is a live heap object or a static header (contract of `collect`, see above).
        let meta = unsafe { &(*obj).meta };
        // Relaxed: see the module docs (the partner edge is the stop-the-world handshake).
        if meta.load(Ordering::Relaxed) & MARK_BIT != 0 {
            return;
        }
        let old = meta.fetch_or(MARK_BIT, Ordering::Relaxed);
        if old & MARK_BIT == 0 {
            debug_assert!(old & 0xff != 0, "marked a free cell at {obj:p}");
            if old & STATIC_BIT != 0 {
                self.statics.push(obj);
            }
            self.marked += 1;
            self.stack.push(obj);
        }
    }

    /// If `addr` points into an allocated object ([`crate::Heap::find_object`]'s rule), marks it and
    /// returns true. Safe for any `addr`.
    #[inline]
    pub fn mark_conservative(&mut self, addr: usize) -> bool {
        match self.heap.lookup(addr) {
            Some(h) => {
                self.mark(h);
                true
            }
            None => false,
        }
    }

    /// [`crate::Heap::find_object`] for use inside a collection (where calling the `Heap` method would
    /// deadlock on the heap lock).
    #[inline]
    pub fn find_object(&self, addr: usize) -> Option<*const Header> {
        self.heap.lookup(addr)
    }

    /// Scans the memory range `[lo, hi)` conservatively, one aligned 8-byte word at a time: every word is
    /// passed to `decode`, which reports candidate addresses (the VM decodes its tagged `Value` words, and
    /// reports raw pointers too); each candidate that resolves to an allocated object is marked. `lo` is
    /// rounded up and `hi` down to 8 bytes. Does not allocate from the GC heap.
    ///
    /// # Safety
    /// `[lo, hi)` must be readable memory for the duration of the call (it may change concurrently, e.g. a
    /// stopped thread's stack: words are read with single loads that the compiler cannot elide or split).
    pub unsafe fn scan_conservative(&mut self, lo: usize, hi: usize, decode: &DecodeFn) {
        let mut p = (lo + 7) & !7;
        let end = hi & !7;
        while p < end {
            // SAFETY: `p` is 8-aligned and inside `[lo, hi)`, which the caller guarantees readable.
            let w = unsafe { crate::stack::load_word(p) };
            decode(w, &mut |a| {
                self.mark_conservative(a);
            });
            p += 8;
        }
    }

    /// Traces everything reachable from the objects marked so far.
    pub(crate) fn drain(&mut self) {
        while let Some(obj) = self.stack.pop() {
            // SAFETY: everything on the mark stack was accepted by `mark`, so it is a live heap object or a
            // static header (contract of `collect`).
            let kind = unsafe { (*obj).kind() };
            match &self.kinds[kind as usize] {
                // SAFETY: `obj` is a live object of this kind and we are inside a collection: exactly the
                // situation `KindInfo::trace` is written for.
                Some(info) => unsafe { (info.trace)(obj, self) },
                None => debug_assert!(false, "object {obj:p} of unregistered kind {kind}"),
            }
        }
    }
}
