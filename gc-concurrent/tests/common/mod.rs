//! Test object kinds shared by the integration tests.
//!
//! * `NODE`: header, `nslots: u64`, `id: u64`, then `nslots` reference slots. Traced; its finalizer
//!   records the id in a thread-local list (collections run on the test's thread).
//! * `BOXED`: header, `*mut String` (a leaked `Box`); finalizer drops the box and counts it.
//! * `LEAF`: no references, no finalizer.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::sync::atomic::Ordering::Relaxed;
use weft_gc::{CollectStats, Header, Heap, HeapConfig, KindInfo, Mutator, Tracer};

pub const NODE: u8 = 1;
pub const BOXED: u8 = 2;
pub const LEAF: u8 = 3;

thread_local! {
    pub static FINALIZED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    pub static DROPPED: Cell<usize> = const { Cell::new(0) };
}

fn word(obj: *const Header, i: usize) -> *mut u64 {
    (obj as *mut u64).wrapping_add(3 + i)
}

/// # Safety
/// `obj` is a live NODE.
unsafe fn trace_node(obj: *const Header, t: &mut Tracer) {
    // SAFETY: NODE layout (caller's contract).
    unsafe {
        let n = *word(obj, 0) as usize;
        for i in 0..n {
            t.mark(*word(obj, 2 + i) as *const Header);
        }
    }
}

/// # Safety
/// `obj` is a dead NODE.
unsafe fn finalize_node(obj: *mut Header) {
    // SAFETY: NODE layout (caller's contract).
    let id = unsafe { *word(obj, 1) };
    FINALIZED.with(|f| f.borrow_mut().push(id));
}

unsafe fn trace_nothing(_: *const Header, _: &mut Tracer) {}

/// # Safety
/// `obj` is a dead BOXED.
unsafe fn finalize_boxed(obj: *mut Header) {
    // SAFETY: BOXED layout: word 0 of the payload is a leaked Box<String> or null.
    unsafe {
        let p = *word(obj, 0) as *mut String;
        if !p.is_null() {
            drop(Box::from_raw(p));
            DROPPED.with(|d| d.set(d.get() + 1));
        }
    }
}

pub fn register(h: &Heap) {
    h.register_kind(
        NODE,
        KindInfo {
            name: "node",
            trace: trace_node,
            finalize: Some(finalize_node),
        },
    );
    h.register_kind(
        BOXED,
        KindInfo {
            name: "boxed",
            trace: trace_nothing,
            finalize: Some(finalize_boxed),
        },
    );
    h.register_kind(
        LEAF,
        KindInfo {
            name: "leaf",
            trace: trace_nothing,
            finalize: None,
        },
    );
}

pub fn new_heap() -> &'static Heap {
    new_heap_with(HeapConfig::default())
}

pub fn new_heap_with(cfg: HeapConfig) -> &'static Heap {
    let h: &'static Heap = Box::leak(Box::new(Heap::with_config(cfg)));
    register(h);
    h
}

pub fn node_size(nslots: usize) -> usize {
    24 + 16 + 8 * nslots
}

pub fn alloc_node(m: &mut Mutator, nslots: usize, id: u64) -> *mut Header {
    alloc_node_sized(m, nslots, id, node_size(nslots))
}

pub fn alloc_node_sized(m: &mut Mutator, nslots: usize, id: u64, size: usize) -> *mut Header {
    assert!(size >= node_size(nslots));
    let p = m.alloc(size, NODE, 0, 0).expect("alloc");
    // SAFETY: fresh zeroed object of `size` bytes.
    unsafe {
        *word(p, 0) = nslots as u64;
        *word(p, 1) = id;
    }
    p
}

pub fn alloc_boxed(m: &mut Mutator, s: &str) -> *mut Header {
    let p = m.alloc(32, BOXED, 0, 0).expect("alloc");
    m.account_external(s.len());
    // SAFETY: fresh zeroed object of 32 bytes.
    unsafe { *word(p, 0) = Box::into_raw(Box::new(s.to_string())) as u64 };
    p
}

/// # Safety
/// `obj` is a live NODE with more than `i` slots.
pub unsafe fn set_slot(obj: *mut Header, i: usize, target: *const Header) {
    // SAFETY: caller's contract.
    unsafe {
        assert!(i < *word(obj, 0) as usize);
        *word(obj, 2 + i) = target as u64;
    }
}

/// # Safety
/// `obj` is a live NODE with more than `i` slots.
pub unsafe fn slot(obj: *const Header, i: usize) -> *mut Header {
    // SAFETY: caller's contract.
    unsafe { *word(obj, 2 + i) as *mut Header }
}

/// # Safety
/// `obj` is a live NODE.
pub unsafe fn id(obj: *const Header) -> u64 {
    // SAFETY: caller's contract.
    unsafe { *word(obj, 1) }
}

/// # Safety
/// `obj` is a live BOXED.
pub unsafe fn boxed_str(obj: *const Header) -> String {
    // SAFETY: caller's contract.
    unsafe { (*(*word(obj, 0) as *const String)).clone() }
}

pub fn kind_of(obj: *const Header) -> u8 {
    // SAFETY: tests call this on live objects only.
    unsafe { (*obj).meta.load(Relaxed) as u8 }
}

pub fn take_finalized() -> Vec<u64> {
    FINALIZED.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

/// Collects with `roots` as the only (precise) roots. The test's mutators are all on this thread and
/// parked.
pub fn collect(heap: &Heap, m: &mut Mutator, roots: &[*const Header]) -> CollectStats {
    collect_with(heap, m, roots, false)
}

/// Like [`collect`], with a lazy sweep (`Heap::collect_lazy`).
pub fn collect_lazy(heap: &Heap, m: &mut Mutator, roots: &[*const Header]) -> CollectStats {
    collect_with(heap, m, roots, true)
}

fn collect_with(heap: &Heap, m: &mut Mutator, roots: &[*const Header], lazy: bool) -> CollectStats {
    m.park();
    let mut mark = |t: &mut Tracer| {
        for &r in roots {
            t.mark(r);
        }
    };
    // SAFETY: single-threaded test: the only mutator is parked; `roots` are live objects of `heap` or
    // null, and every object the test touches afterwards is reachable from them. The test finalizers
    // only record ids in a thread-local list, so they may also run later, inside an allocation (lazy).
    unsafe {
        if lazy {
            heap.collect_lazy(&mut mark)
        } else {
            heap.collect(&mut mark)
        }
    }
}
