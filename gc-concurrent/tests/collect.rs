//! Collection: reachability through a graph, finalization, cell reuse, static headers, large objects.

mod common;
use common::*;
use std::collections::HashSet;
use weft_gc::{Header, Mutator};

/// A graph with a reachable part (a tree plus a cycle, with shared children) and an unreachable part (a
/// chain, a cycle, and an object pointing INTO the reachable part).
#[test]
fn graph_reachable_survive_unreachable_finalized_and_reused() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let n = 20_000u64;
    let nodes: Vec<*mut Header> = (0..n).map(|i| alloc_node(&mut m, 3, i)).collect();
    // Reachable: node 0 is the root; i -> 2i+1, 2i+2 for i < n/4 (a binary tree over [0, n/2)),
    // plus a back edge from each even node to node 0 (cycles), plus a shared child 7.
    let reach = n / 2;
    for i in 0..reach {
        // SAFETY: all nodes are live (no collection yet) and have 3 slots.
        unsafe {
            for (s, c) in [2 * i + 1, 2 * i + 2].into_iter().enumerate() {
                if c < reach {
                    set_slot(nodes[i as usize], s, nodes[c as usize]);
                }
            }
            set_slot(
                nodes[i as usize],
                2,
                if i % 2 == 0 { nodes[0] } else { nodes[7] },
            );
        }
    }
    // Unreachable: [reach, n) each points to the next (chain), the last to `reach` (cycle), and into
    // the reachable part.
    for i in reach..n {
        let next = if i + 1 < n { i + 1 } else { reach };
        // SAFETY: live nodes with 3 slots.
        unsafe {
            set_slot(nodes[i as usize], 0, nodes[next as usize]);
            set_slot(nodes[i as usize], 1, nodes[(i % reach) as usize]);
        }
    }
    let dead_addrs: HashSet<usize> = nodes[reach as usize..]
        .iter()
        .map(|&p| p as usize)
        .collect();
    take_finalized();

    let s = collect(heap, &mut m, &[nodes[0]]);
    assert_eq!(s.live_objects as u64, reach);
    assert_eq!(s.freed_objects as u64, n - reach);
    assert_eq!(s.finalized as u64, n - reach);
    let mut fin = take_finalized();
    fin.sort_unstable();
    assert_eq!(fin, (reach..n).collect::<Vec<_>>());
    for i in 0..reach {
        let p = nodes[i as usize];
        // SAFETY: reachable from the root, so live.
        unsafe {
            assert_eq!(id(p), i);
            assert!(!(*p).is_marked());
            for (s, c) in [2 * i + 1, 2 * i + 2].into_iter().enumerate() {
                if c < reach {
                    assert_eq!(slot(p, s), nodes[c as usize]);
                }
            }
        }
        assert!(heap.find_object(p as usize).is_some());
    }
    for &d in &dead_addrs {
        assert_eq!(heap.find_object(d), None, "dead cell still looks allocated");
        assert_eq!(heap.find_object(d + 30), None);
    }

    // Reuse: the same number of new nodes fits in the blocks already mapped, in the dead cells.
    let before = heap.stats().block_bytes;
    let fresh: Vec<*mut Header> = (0..n - reach)
        .map(|i| alloc_node(&mut m, 3, 1_000_000 + i))
        .collect();
    let reused = fresh
        .iter()
        .filter(|&&p| dead_addrs.contains(&(p as usize)))
        .count();
    assert!(
        reused as u64 >= (n - reach) * 9 / 10,
        "only {reused} cells reused"
    );
    assert_eq!(
        heap.stats().block_bytes,
        before,
        "new blocks mapped instead of reusing cells"
    );
    // Old survivors are untouched by the new allocations.
    for i in 0..reach {
        // SAFETY: still live.
        assert_eq!(unsafe { id(nodes[i as usize]) }, i);
    }

    // A second collection with everything dropped frees all of it.
    let s = collect(heap, &mut m, &[]);
    assert_eq!(s.live_objects, 0);
    assert_eq!(s.freed_objects as u64, n);
    assert_eq!(take_finalized().len() as u64, n);
    assert_eq!(heap.stats().live_bytes, 0);
}

#[test]
fn finalizers_release_rust_resources() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    DROPPED.with(|d| d.set(0));
    let keep: Vec<*const Header> = (0..1000)
        .map(|i| {
            let p = alloc_boxed(&mut m, &format!("kept {i}"));
            alloc_boxed(&mut m, &format!("garbage {i}"));
            p as *const Header
        })
        .collect();
    let s = collect(heap, &mut m, &keep);
    assert_eq!(s.finalized, 1000);
    assert_eq!(DROPPED.with(|d| d.get()), 1000);
    for (i, &p) in keep.iter().enumerate() {
        // SAFETY: rooted BOXED objects.
        assert_eq!(unsafe { boxed_str(p) }, format!("kept {i}"));
    }
}

/// A static header (outside the heap) in the middle of the graph: traced through in every collection,
/// its mark cleared each time, never freed.
#[test]
fn static_headers_are_traced_every_time() {
    #[repr(C)]
    struct StaticNode {
        h: Header,
        nslots: u64,
        id: u64,
        slot: std::sync::atomic::AtomicU64,
    }
    static ROOT: StaticNode = StaticNode {
        h: Header::new_static(NODE, 0, 0),
        nslots: 1,
        id: 4242,
        slot: std::sync::atomic::AtomicU64::new(0),
    };
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let child = alloc_node(&mut m, 1, 1);
    let grandchild = alloc_node(&mut m, 0, 2);
    // SAFETY: live nodes.
    unsafe { set_slot(child, 0, grandchild) };
    ROOT.slot
        .store(child as u64, std::sync::atomic::Ordering::Relaxed);
    take_finalized();
    for _ in 0..3 {
        let s = collect(heap, &mut m, &[&ROOT.h]);
        assert_eq!(s.live_objects, 2);
        assert_eq!(s.marked, 3);
        assert!(!ROOT.h.is_marked());
        assert!(take_finalized().is_empty());
    }
    assert_eq!(heap.find_object(&ROOT.h as *const Header as usize), None);
    ROOT.slot.store(0, std::sync::atomic::Ordering::Relaxed);
    let s = collect(heap, &mut m, &[&ROOT.h]);
    assert_eq!(s.live_objects, 0);
    let mut f = take_finalized();
    f.sort_unstable();
    assert_eq!(f, vec![1, 2]);
}

#[test]
fn large_objects_are_traced_collected_and_released() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    take_finalized();
    // Large nodes with 1000 slots (8 KiB), referencing small nodes; half of them reachable.
    let big: Vec<*mut Header> = (0..64).map(|i| alloc_node(&mut m, 1000, i)).collect();
    for (i, &b) in big.iter().enumerate() {
        let small = alloc_node(&mut m, 0, 10_000 + i as u64);
        // SAFETY: live nodes with 1000 slots.
        unsafe { set_slot(b, 999, small) };
    }
    let roots: Vec<*const Header> = big.iter().step_by(2).map(|&p| p as *const Header).collect();
    let large_before = heap.stats().large_bytes;
    assert!(large_before >= 64 * 8000);
    let interior = big[2] as usize + 5000;
    assert_eq!(heap.find_object(interior), Some(big[2] as *const Header));
    let s = collect(heap, &mut m, &roots);
    assert_eq!(s.live_objects, 64);
    assert_eq!(s.freed_objects, 64);
    assert_eq!(s.large_bytes, large_before / 2);
    assert_eq!(heap.stats().large_bytes, large_before / 2);
    let mut f = take_finalized();
    f.sort_unstable();
    let mut expect: Vec<u64> = (0..64).filter(|i| i % 2 == 1).collect();
    expect.extend((0..64).filter(|i| i % 2 == 1).map(|i| 10_000 + i));
    assert_eq!(f, expect);
    for (i, &r) in roots.iter().enumerate() {
        // SAFETY: rooted large node; its small child is reachable.
        unsafe {
            assert_eq!(id(r), 2 * i as u64);
            assert_eq!(id(slot(r, 999)), 10_000 + 2 * i as u64);
        }
    }
    assert_eq!(heap.find_object(big[1] as usize + 100), None);
    collect(heap, &mut m, &[]);
    assert_eq!(heap.stats().large_bytes, 0);
}

/// Dead objects in blocks the mutator still owns are finalized at once, and their cells come back once
/// the mutator moves on from the block.
#[test]
fn cells_freed_in_owned_blocks_come_back() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    take_finalized();
    // Fewer objects than one 64-byte-class block holds: all in the owned block.
    let objs: Vec<*mut Header> = (0..500).map(|i| alloc_node(&mut m, 2, i)).collect();
    let s = collect(heap, &mut m, &[]);
    assert_eq!(s.finalized, 500);
    let dead: HashSet<usize> = objs.iter().map(|&p| p as usize).collect();
    // Allocate as many as the block holds (1024 cells of 64 bytes): the 524 never-used cells on the free
    // list first, then, in the slow path, the same block again with its 500 dead cells; no new block.
    let blocks_before = heap.stats().block_bytes;
    let fresh: Vec<usize> = (0..1024)
        .map(|i| alloc_node(&mut m, 2, 1000 + i) as usize)
        .collect();
    let reused = fresh.iter().filter(|a| dead.contains(a)).count();
    assert_eq!(reused, 500);
    assert_eq!(heap.stats().block_bytes, blocks_before);
}
