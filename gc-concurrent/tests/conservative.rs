//! Conservative roots: the native stack, explicit word ranges, interior pointers, and what
//! `find_object` rejects.

mod common;
use common::*;
use std::hint::black_box;
use weft_gc::stack::{register_thread_stack_base, with_stack_range};
use weft_gc::{Header, Mutator, BLOCK_SIZE};

/// The VM's decoder reports every word as a raw address; this one does the same.
fn decode_raw(w: u64, f: &mut dyn FnMut(usize)) {
    f(w as usize)
}

/// Allocates objects referenced only from locals of this frame, then collects while this frame is live.
#[inline(never)]
fn inner(heap: &'static weft_gc::Heap, m: &mut Mutator) -> (u64, u64, u64) {
    let a = alloc_node(m, 1, 111); // referenced by a local, exact pointer
    let d = alloc_node(m, 0, 444); // referenced only from `a`
                                   // SAFETY: live nodes.
    unsafe { set_slot(a, 0, d) };
    let c = alloc_node(m, 0, 333);
    let c_interior = black_box(c as usize + 40); // only an interior pointer to `c` stays live
    let a_local = black_box(a);
    m.park();
    // SAFETY: the only mutator is parked; the roots are found by scanning this thread's stack, which
    // holds `a_local` and `c_interior`; everything the test uses afterwards is reachable from those.
    let s = unsafe {
        heap.collect(&mut |t| {
            with_stack_range(|lo, hi| {
                assert!(lo < hi);
                // [lo, hi) is the live part of this thread's stack (covered by the enclosing SAFETY).
                t.scan_conservative(lo, hi, &decode_raw)
            })
        })
    };
    assert!(s.live_objects >= 3, "{s:?}");
    let a_back = black_box(a_local);
    let c_back = (black_box(c_interior) - 40) as *const Header;
    // SAFETY: both survived (asserted through their ids below).
    unsafe { (id(a_back), id(slot(a_back, 0)), id(c_back)) }
}

#[test]
fn stack_scan_finds_locals_and_interior_pointers() {
    let base = 0u64;
    // Registered in this (outer) frame, which holds no heap references itself.
    register_thread_stack_base(black_box(&base) as *const u64 as usize + 8);
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    take_finalized();
    let ids = inner(heap, &mut m);
    assert_eq!(ids, (111, 444, 333));
    let fin = take_finalized();
    assert!(
        !fin.contains(&111) && !fin.contains(&444) && !fin.contains(&333),
        "{fin:?}"
    );
}

/// Deterministic: roots only from an explicit word buffer (not the stack).
#[test]
fn scan_of_a_word_range() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    take_finalized();
    let a = alloc_node(&mut m, 0, 1);
    let b = alloc_node(&mut m, 0, 2); // not in the buffer: dies
    let c = alloc_node(&mut m, 1, 3); // interior pointer
    let d = alloc_node(&mut m, 0, 4); // reachable from c only
    let big = alloc_node(&mut m, 600, 5); // large object, interior pointer
    let freed = alloc_node(&mut m, 0, 6);
    // SAFETY: live nodes.
    unsafe { set_slot(c, 0, d) };
    // Free `freed` first.
    collect(heap, &mut m, &[a, b, c, big]);
    assert_eq!(take_finalized(), vec![6]);
    let words: Vec<u64> = vec![
        a as u64,
        c as u64 + 17,
        big as u64 + 4000,
        freed as u64, // a free cell: must not be resurrected
        0,
        u64::MAX,
        0x1234,
        &MARKER as *const u8 as u64,
    ];
    let lo = words.as_ptr() as usize;
    let hi = lo + words.len() * 8;
    m.park();
    // SAFETY: the only mutator is parked; `words` is readable for the call; objects used afterwards are
    // found through it.
    let s = unsafe { heap.collect(&mut |t| t.scan_conservative(lo, hi, &decode_raw)) };
    assert_eq!(s.live_objects, 4, "{s:?}");
    let mut fin = take_finalized();
    fin.sort_unstable();
    assert_eq!(fin, vec![2]);
    assert_eq!(kind_of(freed), 0, "free cell was resurrected");
    // SAFETY: survivors.
    unsafe {
        assert_eq!((id(a), id(c), id(slot(c, 0)), id(big)), (1, 3, 4, 5));
    }
}

static MARKER: u8 = 0;

#[test]
fn find_object_rejects_what_is_not_an_object() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let live = alloc_node(&mut m, 2, 1); // 64-byte class
    let dead = alloc_node(&mut m, 2, 2);
    let odd = alloc_node(&mut m, 1, 3); // 48-byte class: its block has 16 bytes of slack
    let big = alloc_node(&mut m, 1000, 4);
    collect(heap, &mut m, &[live, odd, big]);
    let local = 0u64;
    let big_size = weft_gc::allocation_size(node_size(1000)).unwrap();
    let ok = |a: usize| heap.find_object(a);
    assert_eq!(ok(live as usize), Some(live as *const Header));
    assert_eq!(ok(live as usize + 63), Some(live as *const Header));
    assert_eq!(ok(dead as usize), None, "freed cell");
    assert_eq!(ok(dead as usize + 8), None, "inside a freed cell");
    assert_eq!(ok(0), None);
    assert_eq!(ok(8), None);
    assert_eq!(ok(usize::MAX), None);
    assert_eq!(ok(&local as *const u64 as usize), None, "stack address");
    assert_eq!(ok(&MARKER as *const u8 as usize), None, "static address");
    let slack = (odd as usize & !(BLOCK_SIZE - 1)) + BLOCK_SIZE - 8;
    assert_eq!(ok(slack), None, "block slack");
    assert_eq!(ok(big as usize + big_size - 1), Some(big as *const Header));
    assert_eq!(ok(big as usize + big_size), None, "one past a large object");
}
