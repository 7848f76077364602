//! Memory goes back to the OS after a big allocation wave dies (alone in its test binary so that the
//! process's RSS belongs to this test).

mod common;
use common::*;
use weft_gc::{Header, Mutator, BLOCK_SIZE, CHUNK_BLOCKS, MIN_HEAP};

/// Resident set size of this process in bytes (Linux), from /proc/self/status.
pub fn rss(field: &str) -> Option<usize> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn memory_is_returned_after_a_wave() {
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    // 61 MiB (64 MB) of small objects and 24 MiB of large ones, all live through one collection.
    let mut roots: Vec<*const Header> = (0..1_000_000)
        .map(|_| m.alloc(64, LEAF, 0, 0).unwrap() as *const Header)
        .collect();
    roots.extend((0..24).map(|_| m.alloc(1 << 20, LEAF, 0, 0).unwrap() as *const Header));
    // Touch the large objects so that they are resident.
    for &r in &roots[1_000_000..] {
        // SAFETY: a fresh 1 MiB object.
        unsafe { std::ptr::write_bytes((r as *mut u8).add(24), 1, (1 << 20) - 24) };
    }
    let s = collect(heap, &mut m, &roots);
    assert_eq!(s.live_objects, roots.len());
    let peak = heap.stats();
    assert!(peak.block_bytes >= 64_000_000, "{peak:?}");
    assert_eq!(peak.large_bytes, 24 << 20);
    assert_eq!(peak.threshold, s.live_bytes);
    let rss_peak = rss("VmRSS:");
    drop(roots);

    let s = collect(heap, &mut m, &[]);
    let after = heap.stats();
    println!("wave: peak {peak:?}\n      after {after:?}\n      collect {s:?}");
    assert_eq!(after.live_bytes, 0);
    assert_eq!(after.large_bytes, 0);
    assert_eq!(after.threshold, MIN_HEAP);
    // Kept: the reserve for the next cycle's budget with its slack, plus the mutator's owned block.
    let slack = (MIN_HEAP / 4).max(CHUNK_BLOCKS * BLOCK_SIZE);
    assert!(
        after.block_bytes <= MIN_HEAP + slack + 2 * BLOCK_SIZE,
        "{after:?}"
    );
    // Everything above that reserve went back to the OS.
    let kept = (MIN_HEAP + slack) / BLOCK_SIZE + 2;
    assert!(
        s.blocks_released + kept >= peak.block_bytes / BLOCK_SIZE,
        "{s:?}"
    );
    if let (Some(p), Some(a)) = (rss_peak, rss("VmRSS:")) {
        println!("      rss {} MiB -> {} MiB", p >> 20, a >> 20);
        assert!(p - a >= 60 << 20, "RSS only fell from {p} to {a}");
    }
}
