//! The stop-the-world collection: mark from the VM's roots, sweep every block and the large-object space,
//! reclassify blocks, release memory, reset the trigger.
//!
//! # Sweep
//! Every block not in state `Empty` is swept cell by cell (one relaxed load of `meta` per cell):
//! * kind 0: free (also the cells on a mutator's free list: they are never touched);
//! * marked: live; the mark bit is cleared (the GC bits return to 0 between collections);
//! * unmarked, kind != 0: dead; its kind's finalizer runs, then `meta` is set to 0 (free).
//!
//! Owned blocks are swept too, but only their `freed_while_owned` count changes: the owner's free list is
//! never rebuilt behind its back (free-list invariant, `lib.rs`). Unowned blocks are then reclassified:
//! all cells free -> `Empty`; at least `min_pool_free` free -> `Pool` (sorted so that the fullest blocks
//! are handed out first, letting the emptiest ones drain and become reusable for any class); otherwise
//! `Full`. Empty blocks are kept as a reserve up to what the next cycle's budget can use (budget minus the
//! free bytes already in the pools, at most [`MAX_EMPTY_RESERVE`], plus a quarter or at least a chunk of
//! slack); the rest are unmapped. Keeping that
//! many costs no peak memory, since the next cycle will allocate its budget anyway, and it saves page
//! faults on a steady-state program; when the live data shrinks, the budget and so the reserve shrink.
//!
//! Large objects: unmarked ones are finalized and freed to the Rust allocator, marked ones unmarked.
//!
//! A panic anywhere in a collection (a VM trace or finalize function, or a GC bug) would leave mark bits
//! set and the block lists half rebuilt, which later collections would misread as liveness: the process
//! aborts instead.

use crate::block::{BlockState, BLOCK_SIZE, CHUNK_BLOCKS, NUM_CLASSES};
use crate::header::{Header, KIND_MASK, MARK_BIT};
use crate::heap::{CollectStats, Heap, HeapInner, MAX_EMPTY_RESERVE};
use crate::sync::{lock, Ordering};
use crate::trace::{KindTable, Tracer};
use std::time::Instant;

/// Aborts the process if dropped during a panic.
struct AbortOnUnwind;

impl Drop for AbortOnUnwind {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("weft-gc: panic during a collection; the heap is inconsistent, aborting");
            std::process::abort();
        }
    }
}

#[derive(Default)]
struct SweepCounts {
    live_objects: usize,
    live_bytes: usize,
    freed_objects: usize,
    freed_bytes: usize,
    finalized: usize,
}

impl Heap {
    /// Stop-the-world collection.
    ///
    /// `roots` is called once with a [`Tracer`]: the VM marks its precise roots (frames, globals,
    /// temporaries) with [`Tracer::mark`] and passes native stack ranges to
    /// [`Tracer::scan_conservative`]. Then everything reachable is marked through the kinds'
    /// [`crate::KindInfo::trace`]; then every unmarked allocated cell and large object is finalized and
    /// freed, empty blocks beyond the reserve go back to the OS, and the budget is reset to
    /// `max(min_heap, live_bytes * growth_percent / 100)`.
    ///
    /// Runs finalizers; does not allocate from the GC heap; blocks every other heap operation (allocation
    /// slow paths, `find_object`) until it returns. Inside `roots` and the trace/finalize functions no
    /// `Heap` or `Mutator` method may be called (the heap lock is held; use the `Tracer`'s methods). A
    /// panic during the collection aborts the process.
    ///
    /// # Safety
    /// * Every mutator of this heap is stopped at a safepoint for the whole call (none is inside
    ///   `Mutator::alloc` or uses a heap object) and has called [`crate::Mutator::park`].
    /// * The roots are complete: every object a mutator will use again is reachable from an object
    ///   marked in `roots` (or found by its conservative scans). Everything else is freed.
    /// * Every pointer given to [`Tracer::mark`] (by `roots` or a trace function) is null, the header of a
    ///   live object of this heap (not a free cell, not an interior pointer), or a static header.
    /// * Every registered trace function reports references only to objects satisfying the above, and
    ///   every finalizer only releases the dead object's own Rust resources.
    pub unsafe fn collect(&self, roots: &mut dyn FnMut(&mut Tracer<'_>)) -> CollectStats {
        let start = Instant::now();
        let kinds: KindTable = *lock(&self.kinds);
        let _abort = AbortOnUnwind;
        let mut inner = lock(&self.inner);

        // Mark.
        let (marked, statics) = {
            let mut t = Tracer::new(&inner, &kinds);
            roots(&mut t);
            t.drain();
            (t.marked, std::mem::take(&mut t.statics))
        };
        let mark_end = Instant::now();

        // Sweep.
        // SAFETY: marking is complete (so every unmarked object is garbage, by the caller's contract on the
        // roots) and all mutators are stopped (caller's contract); we hold the heap lock.
        let mut counts = unsafe { sweep_blocks(&mut inner, &kinds) };
        // SAFETY: as above, for the large-object space.
        unsafe { sweep_large(&mut inner, &kinds, &mut counts) };
        for s in statics {
            // SAFETY: `s` was accepted by `Tracer::mark` with the static bit set, so it is a static header
            // (caller's contract), which outlives the collection.
            unsafe { (*s).meta.fetch_and(!MARK_BIT, Ordering::Relaxed) };
        }

        // New budget, block lists, memory release.
        let cfg = self.config;
        let budget = (counts.live_bytes.saturating_mul(cfg.growth_percent) / 100).max(cfg.min_heap);
        let released = self.rebuild_lists(&mut inner, budget);
        let large_bytes: usize = inner.large.values().map(|o| o.size).sum();
        drop(inner);

        // Relaxed everywhere below: the trigger and statistics, see `heap.rs` (partners: should_collect,
        // note_allocated, stats).
        let r = Ordering::Relaxed;
        self.threshold.store(budget, r);
        self.allocated_since.store(0, r);
        self.trigger.store(false, r);
        self.live_bytes.store(counts.live_bytes, r);
        self.large_bytes.store(large_bytes, r);
        let pause = start.elapsed();
        let ns = pause.as_nanos().min(u64::MAX as u128) as u64;
        self.collections.fetch_add(1, r);
        self.total_pause_ns.fetch_add(ns, r);
        self.max_pause_ns.fetch_max(ns, r);
        CollectStats {
            marked,
            live_objects: counts.live_objects,
            live_bytes: counts.live_bytes,
            freed_objects: counts.freed_objects,
            freed_bytes: counts.freed_bytes,
            finalized: counts.finalized,
            blocks_released: released,
            block_bytes: self.block_bytes.load(r),
            large_bytes,
            mark_time: mark_end - start,
            pause,
        }
    }

    /// Reclassifies unowned blocks after a sweep and unmaps empty blocks beyond the reserve. Returns the
    /// number of blocks unmapped.
    fn rebuild_lists(&self, inner: &mut HeapInner, budget: usize) -> usize {
        let HeapInner {
            blocks,
            pool,
            empty,
            fresh,
            ..
        } = inner;
        let mut pools: [Vec<(u32, usize)>; NUM_CLASSES] = [const { Vec::new() }; NUM_CLASSES];
        let mut pool_free_bytes = 0usize;
        empty.clear();
        for (&base, b) in blocks.iter_mut() {
            match b.state {
                BlockState::Owned | BlockState::Fresh => {}
                BlockState::Empty => empty.push(base),
                BlockState::Pool | BlockState::Full => {
                    if b.free_cells == b.ncells {
                        b.state = BlockState::Empty;
                        empty.push(base);
                    } else if b.free_cells >= b.min_pool_free() {
                        b.state = BlockState::Pool;
                        pools[b.class as usize].push((b.free_cells, base));
                        pool_free_bytes += b.free_cells as usize * b.cell_size as usize;
                    } else {
                        b.state = BlockState::Full;
                    }
                }
            }
        }
        for (dst, mut src) in pool.iter_mut().zip(pools) {
            // `pop` takes from the end: most free cells first in the vector, fullest block last.
            src.sort_unstable_by(|a, b| b.cmp(a));
            dst.clear();
            dst.extend(src.into_iter().map(|(_, base)| base));
        }
        let need = budget
            .saturating_sub(pool_free_bytes)
            .min(MAX_EMPTY_RESERVE)
            / BLOCK_SIZE;
        // Slack above the estimate: the next cycle's block count varies a little (owned blocks, the
        // mix of classes), and unmapping a block one cycle only to map a chunk the next is the churn
        // this avoids.
        let reserve = need + (need / 4).max(CHUNK_BLOCKS);
        let mut released = 0;
        // Keep the lowest addresses (denser address space) and the resident blocks: release fresh
        // blocks first, then empty ones from the top.
        empty.sort_unstable();
        while empty.len() + fresh.len() > reserve {
            let base = fresh.pop().or_else(|| empty.pop()).expect("non-empty");
            blocks.remove(&base);
            // SAFETY: an Empty or Fresh block holds no live object and is owned by no mutator; it has just been
            // removed from the table, so no lookup or list can reach it again.
            unsafe { crate::block::unmap_block(base) };
            released += 1;
        }
        if released > 0 {
            // Relaxed: statistic (heap.rs module docs).
            self.block_bytes
                .fetch_sub(released * BLOCK_SIZE, Ordering::Relaxed);
        }
        released
    }
}

/// Sweeps every block that may hold objects (not `Empty` or `Fresh`).
///
/// # Safety
/// Marking must be complete, all mutators stopped, and `inner` the locked state of the heap whose objects
/// were marked; `kinds` must be its kind table.
unsafe fn sweep_blocks(inner: &mut HeapInner, kinds: &KindTable) -> SweepCounts {
    let mut c = SweepCounts::default();
    let mut finalizers: [Option<unsafe fn(*mut Header)>; 256] = [None; 256];
    for (f, k) in finalizers.iter_mut().zip(kinds.iter()) {
        *f = k.and_then(|k| k.finalize);
    }
    for (&base, b) in inner.blocks.iter_mut() {
        if matches!(b.state, BlockState::Empty | BlockState::Fresh) {
            continue;
        }
        let cs = b.cell_size as usize;
        let (mut live, mut free, mut freed) = (0u32, 0u32, 0u32);
        for i in 0..b.ncells as usize {
            let cell = (base + i * cs) as *mut Header;
            // SAFETY: `cell` is a cell of a mapped block in the table.
            let h = unsafe { &*cell };
            // Relaxed: mutators are stopped; the handshake orders their header writes before this.
            let meta = h.meta.load(Ordering::Relaxed);
            let kind = (meta & KIND_MASK) as usize;
            if kind == 0 {
                free += 1;
            } else if meta & MARK_BIT != 0 {
                h.meta.store(meta & !MARK_BIT, Ordering::Relaxed);
                live += 1;
            } else {
                if let Some(fin) = finalizers[kind] {
                    // SAFETY: the object is unmarked after a complete marking, so unreachable (caller's
                    // contract); it is finalized exactly once, as its kind byte is zeroed right after.
                    unsafe { fin(cell) };
                    c.finalized += 1;
                }
                h.meta.store(0, Ordering::Relaxed);
                freed += 1;
                free += 1;
            }
        }
        c.live_objects += live as usize;
        c.live_bytes += live as usize * cs;
        c.freed_objects += freed as usize;
        c.freed_bytes += freed as usize * cs;
        if b.state == BlockState::Owned {
            b.freed_while_owned += freed;
        } else {
            b.free_cells = free;
        }
    }
    c
}

/// Sweeps the large-object space.
///
/// # Safety
/// As for [`sweep_blocks`].
unsafe fn sweep_large(inner: &mut HeapInner, kinds: &KindTable, c: &mut SweepCounts) {
    inner.large.retain(|&addr, obj| {
        let h = addr as *mut Header;
        // SAFETY: `addr` is a live large allocation recorded in the map.
        let meta = unsafe { (*h).meta.load(Ordering::Relaxed) };
        if meta & MARK_BIT != 0 {
            // SAFETY: as above.
            unsafe { (*h).meta.store(meta & !MARK_BIT, Ordering::Relaxed) };
            c.live_objects += 1;
            c.live_bytes += obj.size;
            return true;
        }
        let kind = (meta & KIND_MASK) as usize;
        if let Some(fin) = kinds[kind].and_then(|k| k.finalize) {
            // SAFETY: unmarked after complete marking: unreachable (caller's contract); finalized once,
            // since it is freed and removed from the map right after.
            unsafe { fin(h) };
            c.finalized += 1;
        }
        // SAFETY: allocated by `alloc_large` with exactly this layout; removed from the map (return false),
        // so it is freed once.
        unsafe { std::alloc::dealloc(addr as *mut u8, obj.layout()) };
        c.freed_objects += 1;
        c.freed_bytes += obj.size;
        false
    });
}
