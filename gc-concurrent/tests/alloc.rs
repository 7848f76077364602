//! Allocation: every size class, large objects, header contents, zero fill, no overlap, the trigger.

mod common;
use common::*;
use weft_gc::{allocation_size, Header, Mutator, MAX_SMALL_SIZE, MIN_HEAP, SIZE_CLASSES};

fn sizes() -> Vec<usize> {
    let mut v = vec![1, 24, 25, 31];
    for &c in SIZE_CLASSES.iter() {
        v.extend([c - 1, c, c + 1]);
    }
    v.retain(|&s| s <= MAX_SMALL_SIZE);
    v.extend([
        MAX_SMALL_SIZE + 1,
        3000,
        4096,
        65_536,
        100_000,
        1 << 20,
        3 << 20,
    ]);
    v.sort_unstable();
    v.dedup();
    v
}

#[test]
fn every_size_class_and_large() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let mut objs: Vec<(*mut Header, usize, u64)> = Vec::new();
    for (si, &size) in sizes().iter().enumerate() {
        let count = if size > 65_536 {
            4
        } else if size > MAX_SMALL_SIZE {
            64
        } else {
            3000
        };
        for j in 0..count {
            let flags = (si * 31 + j) as u16;
            let class = 0xC1A5_5000 + si as u64;
            let p = m.alloc(size, LEAF, flags, class).unwrap();
            assert_eq!(p as usize % 16, 0, "alignment of size {size}");
            // SAFETY: fresh object of `size` bytes.
            let h = unsafe { &*p };
            assert_eq!((h.kind(), h.flags(), h.class()), (LEAF, flags, class));
            assert_eq!(h.stm.load(std::sync::atomic::Ordering::Relaxed), 0);
            assert!(!h.is_marked() && !h.is_static());
            // SAFETY: the payload is `size - 24` bytes (if any) of the fresh object.
            let payload = unsafe {
                std::slice::from_raw_parts_mut((p as *mut u8).add(24), size.saturating_sub(24))
            };
            assert!(payload.iter().all(|&b| b == 0), "zero fill of size {size}");
            let tag = ((si as u64) << 32) | j as u64;
            for chunk in payload.chunks_exact_mut(8) {
                chunk.copy_from_slice(&tag.to_le_bytes());
            }
            assert_eq!(heap.find_object(p as usize), Some(p as *const Header));
            let last = p as usize + size.max(24) - 1;
            assert_eq!(
                heap.find_object(last),
                Some(p as *const Header),
                "interior of size {size}"
            );
            objs.push((p, size, tag));
        }
    }
    // No object overwrote another.
    for &(p, size, tag) in &objs {
        // SAFETY: still allocated (no collection happened).
        let payload = unsafe {
            std::slice::from_raw_parts((p as *const u8).add(24), size.saturating_sub(24))
        };
        for chunk in payload.chunks_exact(8) {
            assert_eq!(u64::from_le_bytes(chunk.try_into().unwrap()), tag);
        }
    }
    let st = heap.stats();
    let expected: usize = objs
        .iter()
        .map(|&(_, s, _)| allocation_size(s).unwrap())
        .sum();
    assert!(
        st.allocated_since >= expected,
        "{} < {expected}",
        st.allocated_since
    );
    assert!(st.large_bytes > 0 && st.block_bytes > 0);
}

#[test]
fn trigger_fires_and_resets() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    assert!(!heap.should_collect());
    let mut n = 0;
    while !heap.should_collect() {
        m.alloc(48, LEAF, 0, 0).unwrap();
        n += 1;
        assert!(n * 48 < 2 * MIN_HEAP, "trigger never fired");
    }
    assert!(
        n * 48 >= MIN_HEAP - 64 * 1024,
        "fired too early after {n} objects"
    );
    let s = collect(heap, &mut m, &[]);
    assert!(!heap.should_collect());
    assert_eq!(s.live_objects, 0);
    assert_eq!(heap.stats().threshold, MIN_HEAP);
    // External accounting alone also fires the trigger.
    m.account_external(MIN_HEAP);
    m.park();
    assert!(heap.should_collect());
}

#[test]
#[should_panic(expected = "kind 0")]
fn kind_zero_is_rejected() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let _ = m.alloc(32, 0, 0, 0);
}

#[test]
fn flags_survive_collection_and_header_helpers() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let p = m.alloc(40, LEAF, 0xBEEF, 7).unwrap();
    collect(heap, &mut m, &[p]);
    // SAFETY: p was rooted, so it is live.
    let h = unsafe { &*p };
    assert_eq!((h.kind(), h.flags(), h.class()), (LEAF, 0xBEEF, 7));
    assert!(!h.is_marked());
    h.set_flags(0x1234);
    h.insert_flags(0x8000);
    h.remove_flags(0x0004);
    assert_eq!(h.flags(), 0x9230);
    assert_eq!(h.kind(), LEAF);
    assert_eq!(h.gc_bits(), 0);
}

#[test]
fn mutators_on_several_threads() {
    let heap = new_heap();
    let handles: Vec<_> = (0..2)
        .map(|t| {
            std::thread::spawn(move || {
                let mut m = Mutator::new(heap);
                let mut v = Vec::new();
                for i in 0..50_000u64 {
                    v.push(alloc_node(&mut m, 1, t * 1_000_000 + i) as usize);
                }
                v
            })
        })
        .collect();
    let all: Vec<usize> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let mut sorted = all.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), all.len(), "two threads got the same cell");
    // Both mutators are gone (their blocks returned); collect with half of the objects rooted.
    let mut m = Mutator::new(heap);
    let roots: Vec<*const Header> = all.iter().step_by(2).map(|&a| a as *const Header).collect();
    let s = collect(heap, &mut m, &roots);
    assert_eq!(s.live_objects, roots.len());
    assert_eq!(take_finalized().len(), all.len() - roots.len());
    for (k, &r) in roots.iter().enumerate() {
        let i = 2 * k as u64;
        let expected = if i < 50_000 {
            i
        } else {
            1_000_000 + i - 50_000
        };
        // SAFETY: rooted, live.
        assert_eq!(unsafe { id(r) }, expected);
    }
}

#[test]
fn blocks_are_mapped_a_chunk_at_a_time_and_resident_ones_go_first() {
    use weft_gc::{BLOCK_SIZE, CHUNK_BLOCKS};
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let per_block = BLOCK_SIZE / allocation_size(node_size(0)).unwrap();
    let mut objs: Vec<*const Header> = Vec::new();
    // One block's worth of cells plus one: a second block is needed.
    for i in 0..per_block + 1 {
        objs.push(alloc_node(&mut m, 0, i as u64));
    }
    let mapped = heap.stats().block_bytes;
    assert!(mapped >= 2 * BLOCK_SIZE, "{mapped}");
    assert!(mapped <= CHUNK_BLOCKS * BLOCK_SIZE, "{mapped}");
    #[cfg(target_os = "linux")]
    assert_eq!(mapped, CHUNK_BLOCKS * BLOCK_SIZE, "one chunk mapped");
    // Filling the rest of that mapping maps nothing new.
    let more = (mapped / BLOCK_SIZE - 2) * per_block;
    for i in 0..more {
        objs.push(alloc_node(&mut m, 0, i as u64));
    }
    assert_eq!(heap.stats().block_bytes, mapped);
    // Everything dies; the next allocations reuse the swept blocks before any fresh memory.
    let s = collect(heap, &mut m, &[]);
    assert_eq!(s.live_objects, 0);
    let dead: std::collections::HashSet<usize> = objs
        .iter()
        .map(|&p| p as usize & !(BLOCK_SIZE - 1))
        .collect();
    for i in 0..per_block {
        let p = alloc_node(&mut m, 0, i as u64);
        assert!(dead.contains(&(p as usize & !(BLOCK_SIZE - 1))));
    }
}
