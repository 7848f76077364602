//! Stress: 2 million allocations of mixed sizes with a collection whenever `should_collect()` says so,
//! a bounded live set, and bounded memory (alone in its test binary so that peak RSS is its own).

mod common;
use common::*;
use std::time::Instant;
use weft_gc::{Header, Mutator};

fn peak_rss() -> Option<usize> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<usize>().ok()? * 1024)
}

#[test]
fn two_million_allocations_bounded_live_set() {
    const N: u64 = 2_000_000;
    const RING: usize = 1000;
    let heap = new_heap();
    let mut m = Mutator::new(heap);
    let mut ring: Vec<*mut Header> = vec![std::ptr::null_mut(); RING];
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let (mut max_live, mut max_blocks, mut finalized) = (0usize, 0usize, 0usize);
    take_finalized();
    let start = Instant::now();
    for i in 0..N {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let (nslots, size) = match rng % 100 {
            0 => (4, 4096 + (rng >> 8) as usize % 16_384),
            1..=10 => (4, node_size(4) + (rng >> 8) as usize % 400),
            11..=60 => (1, node_size(1)),
            _ => (0, node_size(0)),
        };
        let p = alloc_node_sized(&mut m, nslots, i, size);
        if nslots > 0 {
            // SAFETY: `p` and the ring members are live (rooted at every collection).
            unsafe { set_slot(p, 0, ring[(rng >> 24) as usize % RING]) };
        }
        let k = i as usize % RING;
        let old = ring[k];
        if !old.is_null() {
            // Evicted nodes drop their references, so the live set stays bounded (ring + one hop).
            // SAFETY: `old` is live (it was in the ring).
            unsafe {
                let n = *((old as *const u64).add(3)) as usize;
                for s in 0..n {
                    set_slot(old, s, std::ptr::null());
                }
            }
        }
        ring[k] = p;
        if heap.should_collect() {
            let roots: Vec<*const Header> = ring.iter().map(|&p| p as *const Header).collect();
            let s = collect(heap, &mut m, &roots);
            finalized += take_finalized().len();
            max_live = max_live.max(s.live_bytes);
            max_blocks = max_blocks.max(s.block_bytes);
            for (k, &r) in ring.iter().enumerate() {
                if !r.is_null() {
                    // SAFETY: rooted.
                    assert_eq!(unsafe { id(r) } as usize % RING, k, "ring object corrupted");
                }
            }
        }
    }
    let elapsed = start.elapsed();
    let st = heap.stats();
    let s = collect(heap, &mut m, &[]);
    finalized += take_finalized().len();
    println!(
        "stress: {N} allocs in {elapsed:?} ({:.1} ns/alloc incl. GC), {} collections, pause total {:?} \
         max {:?}, max live {} KiB, max block bytes {} KiB, peak RSS {:?} KiB",
        elapsed.as_nanos() as f64 / N as f64,
        st.collections,
        st.total_pause,
        st.max_pause,
        max_live >> 10,
        max_blocks >> 10,
        peak_rss().map(|b| b >> 10)
    );
    assert_eq!(finalized as u64, N, "every object finalized exactly once");
    assert_eq!(s.live_objects, 0);
    assert!(st.collections >= 10, "{st:?}");
    assert!(max_live < 4 << 20, "live set grew: {max_live}");
    assert!(max_blocks <= 16 << 20, "blocks grew: {max_blocks}");
    if let Some(rss) = peak_rss() {
        assert!(rss < 96 << 20, "peak RSS {rss}");
    }
}
