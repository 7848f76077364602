//! The lazy sweep (`Heap::collect_lazy`): dead objects are finalized when a mutator takes their block
//! (or at the next collection), never earlier than their death and never twice; survivors keep their
//! contents and flags and lose their marks; a conservative lookup already rejects the dead; threads
//! sweeping blocks whose live objects other threads are using lose none of their flag updates.

mod common;
use common::*;
use std::collections::HashSet;
use std::sync::{Arc, Barrier, Mutex};
use weft_gc::{Header, Mutator, BLOCK_SIZE};

#[test]
fn dead_cells_are_finalized_when_reused_and_survivors_are_intact() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let n = 20_000u64;
    let nodes: Vec<*mut Header> = (0..n).map(|i| alloc_node(&mut m, 1, i)).collect();
    // Even ids survive: a chain through them, rooted at node 0.
    for i in (0..n - 2).step_by(2) {
        // SAFETY: live nodes with one slot.
        unsafe { set_slot(nodes[i as usize], 0, nodes[i as usize + 2]) };
    }
    take_finalized();
    let s = collect_lazy(heap, &mut m, &[nodes[0]]);
    assert_eq!(s.marked as u64, n / 2);
    // Only the mutator's owned block was swept in the pause.
    let in_pause = take_finalized();
    assert!(
        (in_pause.len() as u64) < n / 4,
        "{} finalized in the pause",
        in_pause.len()
    );
    for &id in &in_pause {
        assert_eq!(id % 2, 1, "a survivor was finalized");
    }
    for (i, &p) in nodes.iter().enumerate() {
        let found = heap.find_object(p as usize).is_some();
        assert_eq!(found, i % 2 == 0, "lookup of node {i}");
    }

    // New allocations sweep the unswept blocks and reuse their dead cells.
    let dead: HashSet<usize> = nodes
        .iter()
        .skip(1)
        .step_by(2)
        .map(|&p| p as usize)
        .collect();
    let fresh: Vec<*mut Header> = (0..n / 2).map(|i| alloc_node(&mut m, 1, n + i)).collect();
    let reused = fresh
        .iter()
        .filter(|&&p| dead.contains(&(p as usize)))
        .count();
    assert!(reused as u64 >= n / 2 * 9 / 10, "only {reused} reused");
    let mut fin = in_pause;
    fin.extend(take_finalized());
    // Every cell reused was finalized first; none twice; no survivor.
    let fin_set: HashSet<u64> = fin.iter().copied().collect();
    assert_eq!(fin_set.len(), fin.len(), "finalized twice");
    assert!(fin.iter().all(|id| id % 2 == 1));
    assert!(fin.len() >= reused);
    for i in (0..n).step_by(2) {
        let p = nodes[i as usize];
        // SAFETY: reachable from the root, so live.
        unsafe {
            assert_eq!(id(p), i);
            if i + 2 < n {
                assert_eq!(slot(p, 0), nodes[i as usize + 2]);
            }
        }
    }

    // An eager collection finishes the rest: every odd node finalized exactly once in all.
    let mut roots: Vec<*const Header> = vec![nodes[0]];
    roots.extend(fresh.iter().map(|&p| p as *const Header));
    let s = collect(heap, &mut m, &roots);
    fin.extend(take_finalized());
    let mut odd: Vec<u64> = fin.clone();
    odd.sort_unstable();
    assert_eq!(odd, (1..n).step_by(2).collect::<Vec<_>>());
    assert_eq!(s.live_objects as u64, n / 2 + n / 2);
    for i in (0..n).step_by(2) {
        // SAFETY: still reachable.
        assert!(!unsafe { (*nodes[i as usize]).is_marked() });
    }
}

#[test]
fn blocks_of_other_classes_are_swept_before_new_memory_is_mapped() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    // Fill several blocks with one class, let all of it die, then allocate another class.
    let small: Vec<*mut Header> = (0..20_000).map(|i| alloc_node(&mut m, 0, i)).collect();
    drop(small);
    collect_lazy(heap, &mut m, &[]);
    let mapped = heap.stats().block_bytes;
    let big = node_size(10);
    for i in 0..(mapped / 2 / big) as u64 {
        alloc_node(&mut m, 10, i);
    }
    assert_eq!(heap.stats().block_bytes, mapped, "mapped new memory");
}

/// Two mutator threads allocate (sweeping lazily) while a third keeps toggling flags on live objects
/// spread over the unswept blocks; the threads stop together for each collection.
#[test]
fn concurrent_lazy_sweeps_keep_flag_updates() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    // Survivors interleaved with garbage in the same blocks.
    let mut keep: Vec<usize> = Vec::new();
    for i in 0..40_000u64 {
        let p = alloc_node(&mut m, 0, i);
        if i % 8 == 0 {
            keep.push(p as usize);
        }
    }
    let blocks: HashSet<usize> = keep.iter().map(|&p| p & !(BLOCK_SIZE - 1)).collect();
    assert!(blocks.len() > 4);
    let keep = Arc::new(keep);
    let roots = |k: &[usize]| k.iter().map(|&p| p as *const Header).collect::<Vec<_>>();
    for round in 0..20u16 {
        collect_lazy(heap, &mut m, &roots(&keep));
        let start = Arc::new(Barrier::new(3));
        let produced = Arc::new(Mutex::new(Vec::new()));
        let mut hs = Vec::new();
        for t in 0..2u64 {
            let start = Arc::clone(&start);
            let produced = Arc::clone(&produced);
            hs.push(std::thread::spawn(move || {
                let mut m = Mutator::new(heap);
                start.wait();
                let mut mine = Vec::new();
                for i in 0..20_000u64 {
                    mine.push(alloc_node(&mut m, 0, (t << 40) | i) as usize);
                }
                produced.lock().unwrap().push(mine.len());
                // Dropping the mutator returns its blocks.
            }));
        }
        let k2 = Arc::clone(&keep);
        hs.push(std::thread::spawn(move || {
            start.wait();
            for rep in 0..4u16 {
                for &p in k2.iter() {
                    // SAFETY: survivors are live.
                    unsafe { (*(p as *const Header)).set_flags(round * 4 + rep + 1) };
                }
            }
        }));
        for h in hs {
            h.join().unwrap();
        }
        for &p in keep.iter() {
            // SAFETY: survivors are live.
            let h = unsafe { &*(p as *const Header) };
            assert_eq!(h.flags(), round * 4 + 4, "lost a flag update");
            assert_eq!(h.kind(), NODE);
        }
    }
    // A final eager collection: no survivor is left marked, all ids intact.
    collect(heap, &mut m, &roots(&keep));
    for (j, &p) in keep.iter().enumerate() {
        // SAFETY: survivors are live.
        unsafe {
            assert!(!(*(p as *const Header)).is_marked());
            assert_eq!(id(p as *mut Header), 8 * j as u64);
        }
    }
}
