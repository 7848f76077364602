//! The stop-the-world collection: mark from the VM's roots, sweep every block and the large-object space
//! (now, or lazily for unowned blocks), reclassify blocks, release memory, reset the trigger.
//!
//! # Sweep
//! Every block that may hold objects (not `Empty` or `Fresh`) is swept cell by cell (one relaxed load of
//! `meta` per cell):
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
//! # Lazy sweep
//! [`Heap::collect_lazy`] (what the VM's automatic collections use) sweeps only the owned blocks and the
//! large objects in the pause. Every other non-empty block becomes `Unswept`, listed per class, its
//! survivors still marked; the pause is then mostly marking. A mutator needing a block of class `c`
//! sweeps unswept blocks of `c` itself (`Heap::exchange_block`, under the heap lock) and builds its free
//! list in the same pass, so the sweep costs no extra pass over the memory, runs in parallel with the
//! other threads' Python code, and touches memory just before it is reused. Before mapping new memory a
//! mutator sweeps the unswept blocks of the other classes (they may be empty). The next collection first
//! finishes whatever is still unswept, so marking always starts with every mark bit clear. Live objects
//! of an unswept block may be used by running threads meanwhile: the lazy sweep clears their mark with a
//! `fetch_and` (a VM flag update on the same word may race with it) and writes nothing else to them;
//! dead ones are unreachable, so nobody else touches them.
//!
//! The budget of a lazy cycle cannot wait for the live byte count (the sweep has not run): it is
//! estimated as the objects marked times the average live object size of the last complete sweep.
//!
//! A panic anywhere in a collection (a VM trace or finalize function, or a GC bug) would leave mark bits
//! set and the block lists half rebuilt, which later collections would misread as liveness: the process
//! aborts instead.

use crate::block::{BlockMeta, BlockState, BLOCK_SIZE, CHUNK_BLOCKS, NUM_CLASSES};
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

/// Objects found live and freed by (part of) a sweep.
#[derive(Default, Clone, Copy)]
pub(crate) struct SweepCounts {
    pub live_objects: usize,
    pub live_bytes: usize,
    pub freed_objects: usize,
    pub freed_bytes: usize,
    pub finalized: usize,
}

impl std::ops::AddAssign for SweepCounts {
    fn add_assign(&mut self, o: SweepCounts) {
        self.live_objects += o.live_objects;
        self.live_bytes += o.live_bytes;
        self.freed_objects += o.freed_objects;
        self.freed_bytes += o.freed_bytes;
        self.finalized += o.finalized;
    }
}

impl SweepCounts {
    /// All zero (`Default`, usable in a `const` initialiser).
    pub const ZERO: SweepCounts = SweepCounts {
        live_objects: 0,
        live_bytes: 0,
        freed_objects: 0,
        freed_bytes: 0,
        finalized: 0,
    };
}

impl Heap {
    /// Stop-the-world collection, sweeping everything before it returns.
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
        // SAFETY: forwarded contract.
        unsafe { self.collect_with(roots, false) }
    }

    /// Stop-the-world marking with a lazy sweep (module docs): like [`Heap::collect`], but only the
    /// blocks owned by mutators and the large objects are swept in the pause; the other blocks are swept
    /// by the mutators that take them, finalizers included. The returned counts (`live_*`, `freed_*`,
    /// `finalized`) cover what this call swept: the blocks the last lazy cycle left unswept, the owned
    /// blocks and the large objects.
    ///
    /// # Safety
    /// As for [`Heap::collect`]; in addition every finalizer must tolerate running on any mutator's
    /// thread, inside an allocation, while other threads run.
    pub unsafe fn collect_lazy(&self, roots: &mut dyn FnMut(&mut Tracer<'_>)) -> CollectStats {
        // SAFETY: forwarded contract.
        unsafe { self.collect_with(roots, true) }
    }

    /// # Safety
    /// See [`Heap::collect`] and [`Heap::collect_lazy`].
    unsafe fn collect_with(
        &self,
        roots: &mut dyn FnMut(&mut Tracer<'_>),
        lazy: bool,
    ) -> CollectStats {
        let start = Instant::now();
        let kinds: KindTable = *lock(&self.kinds);
        let _abort = AbortOnUnwind;
        let mut inner = lock(&self.inner);
        inner.finalizers = finalizer_table(&kinds);

        // Finish the last lazy cycle, so that marking starts with every mark bit clear. Its live counts
        // (lazy sweeps included) give the average object size for this cycle's budget estimate.
        // SAFETY: all mutators are stopped (caller's contract) and we hold the heap lock; the unswept
        // blocks hold the marks of the last complete marking.
        let fin = unsafe { inner.finish_sweep(false) };
        let mut last = std::mem::take(&mut inner.lazy_counts);
        last += fin;

        // Mark.
        let (marked, statics) = {
            let mut t = Tracer::new(&inner, &kinds);
            roots(&mut t);
            t.drain();
            (t.marked, std::mem::take(&mut t.statics))
        };
        let mark_end = Instant::now();

        // Sweep.
        let mut counts = SweepCounts::default();
        // SAFETY: marking is complete (so every unmarked object is garbage, by the caller's contract on the
        // roots) and all mutators are stopped (caller's contract); we hold the heap lock.
        unsafe { sweep_blocks(&mut inner, lazy, &mut counts) };
        // SAFETY: as above, for the large-object space.
        unsafe { sweep_large(&mut inner, &mut counts) };
        for s in statics {
            // SAFETY: `s` was accepted by `Tracer::mark` with the static bit set, so it is a static header
            // (caller's contract), which outlives the collection.
            unsafe { (*s).meta.fetch_and(!MARK_BIT, Ordering::Relaxed) };
        }

        // New budget, block lists, memory release.
        let live_bytes = if lazy {
            let avg = if last.live_objects > 0 {
                last.live_bytes.div_ceil(last.live_objects)
            } else {
                crate::block::SIZE_CLASSES[1]
            };
            marked.saturating_mul(avg)
        } else {
            counts.live_bytes
        };
        let cfg = self.config;
        let budget = (live_bytes.saturating_mul(cfg.growth_percent) / 100).max(cfg.min_heap);
        let released = self.rebuild_lists(&mut inner, budget, live_bytes, lazy);
        if lazy {
            // This cycle's count so far; the lazy sweeps add to it.
            inner.lazy_counts = counts;
        }
        // Freed by this call: the finished sweep of the last cycle, then this one's.
        counts.freed_objects += fin.freed_objects;
        counts.freed_bytes += fin.freed_bytes;
        counts.finalized += fin.finalized;
        let large_bytes: usize = inner.large.values().map(|o| o.size).sum();
        drop(inner);

        // Relaxed everywhere below: the trigger and statistics, see `heap.rs` (partners: should_collect,
        // note_allocated, stats).
        let r = Ordering::Relaxed;
        self.threshold.store(budget, r);
        self.allocated_since.store(0, r);
        self.trigger.store(false, r);
        self.live_bytes.store(live_bytes, r);
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

    /// Reclassifies unowned blocks after a sweep (or, `lazy`, makes every unowned non-empty block
    /// `Unswept`) and unmaps empty blocks beyond the reserve. `live_bytes` is the (estimated) live data,
    /// used to guess the free space of unswept blocks. Returns the number of blocks unmapped.
    fn rebuild_lists(
        &self,
        inner: &mut HeapInner,
        budget: usize,
        live_bytes: usize,
        lazy: bool,
    ) -> usize {
        let HeapInner {
            blocks,
            pool,
            empty,
            fresh,
            unswept,
            ..
        } = inner;
        let mut pools: [Vec<(u32, usize)>; NUM_CLASSES] = [const { Vec::new() }; NUM_CLASSES];
        let mut pool_free_bytes = 0usize;
        empty.clear();
        for (&base, b) in blocks.iter_mut() {
            match b.state {
                BlockState::Owned | BlockState::Fresh => {}
                BlockState::Empty => empty.push(base),
                BlockState::Unswept => unreachable!("collect finishes the lazy sweep first"),
                BlockState::Pool | BlockState::Full if lazy => {
                    b.state = BlockState::Unswept;
                    unswept[b.class as usize].push(base);
                    pool_free_bytes += BLOCK_SIZE;
                }
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
        if lazy {
            // The unswept blocks hold the live data; the rest of them will be free.
            pool_free_bytes = pool_free_bytes.saturating_sub(live_bytes);
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
            // SAFETY: an Empty or Fresh block holds no live object and is owned by no mutator; it has
            // just been removed from the table, so no lookup or list can reach it again.
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

/// Every kind's finalizer, indexed by kind byte (what a sweep needs of the kind table).
pub(crate) type Finalizers = [Option<unsafe fn(*mut Header)>; 256];

fn finalizer_table(kinds: &KindTable) -> Finalizers {
    let mut f: Finalizers = [None; 256];
    for (f, k) in f.iter_mut().zip(kinds.iter()) {
        *f = k.and_then(|k| k.finalize);
    }
    f
}

/// What sweeping one block found.
pub(crate) struct BlockSweep {
    /// Free cells after the sweep (free before, plus freed).
    pub free: u32,
    /// Objects freed.
    pub freed: u32,
    /// With `link`: the free list of the block's free cells, lowest address first (null if none).
    pub head: *mut Header,
}

/// Sweeps one block: finalizes and frees its unmarked objects, clears the marks of the others, adds to
/// `c`. With `concurrent`, marks are cleared with an atomic `fetch_and` (running threads may update
/// flags in the same word); otherwise with a plain store. With `link`, also links every free cell into
/// a free list (link in the `class` word, as `Mutator` expects).
///
/// # Safety
/// `base` must be a mapped block of the table described by `b`, holding the marks of a complete marking
/// (every unmarked object in it unreachable); with `link`, no mutator may own it or hold cells of it;
/// without `concurrent`, every mutator must be stopped. `fins` must be the heap's finalizers.
pub(crate) unsafe fn sweep_block(
    base: usize,
    b: &BlockMeta,
    fins: &Finalizers,
    concurrent: bool,
    link: bool,
    c: &mut SweepCounts,
) -> BlockSweep {
    let cs = b.cell_size as usize;
    let (mut live, mut free, mut freed) = (0u32, 0u32, 0u32);
    let mut head: *mut Header = std::ptr::null_mut();
    for i in (0..b.ncells as usize).rev() {
        let cell = (base + i * cs) as *mut Header;
        // SAFETY: `cell` is a cell of a mapped block in the table.
        let h = unsafe { &*cell };
        // Relaxed: stopped mutators are ordered before us by the handshake; with running ones, the marks
        // and kinds of this block's objects were written in the last pause (ordered by the heap lock and
        // the restart), and flag updates by them touch only the flag bits.
        let meta = h.meta.load(Ordering::Relaxed);
        let kind = (meta & KIND_MASK) as usize;
        if kind == 0 {
            free += 1;
        } else if meta & MARK_BIT != 0 {
            if concurrent {
                h.meta.fetch_and(!MARK_BIT, Ordering::Relaxed);
            } else {
                h.meta.store(meta & !MARK_BIT, Ordering::Relaxed);
            }
            live += 1;
            continue;
        } else {
            if let Some(fin) = fins[kind] {
                // SAFETY: the object is unmarked after a complete marking, so unreachable (caller's
                // contract); it is finalized exactly once, as its kind byte is zeroed right after.
                unsafe { fin(cell) };
                c.finalized += 1;
            }
            h.meta.store(0, Ordering::Relaxed);
            freed += 1;
            free += 1;
        }
        if link {
            // A free cell of a block nobody owns or uses (caller's contract): its `class` word is the
            // link.
            h.class.store(head as u64, Ordering::Relaxed);
            head = cell;
        }
    }
    c.live_objects += live as usize;
    c.live_bytes += live as usize * cs;
    c.freed_objects += freed as usize;
    c.freed_bytes += freed as usize * cs;
    BlockSweep { free, freed, head }
}

/// Sweeps every block that may hold objects (`lazy`: only the owned ones, which their owners allocate
/// from with no sweep of their own).
///
/// # Safety
/// Marking must be complete, all mutators stopped, and `inner` the locked state of the heap whose objects
/// were marked, its finalizer table current.
unsafe fn sweep_blocks(inner: &mut HeapInner, lazy: bool, c: &mut SweepCounts) {
    let HeapInner {
        blocks, finalizers, ..
    } = inner;
    for (&base, b) in blocks.iter_mut() {
        let sweep = match b.state {
            BlockState::Empty | BlockState::Fresh => false,
            BlockState::Unswept => unreachable!("collect finishes the lazy sweep first"),
            BlockState::Owned => true,
            BlockState::Pool | BlockState::Full => !lazy,
        };
        if !sweep {
            continue;
        }
        // SAFETY: a block of the table, marks complete, mutators stopped (caller's contract).
        let r = unsafe { sweep_block(base, b, finalizers, false, false, c) };
        if b.state == BlockState::Owned {
            b.freed_while_owned += r.freed;
        } else {
            b.free_cells = r.free;
        }
    }
}

/// Sweeps the large-object space.
///
/// # Safety
/// As for [`sweep_blocks`].
unsafe fn sweep_large(inner: &mut HeapInner, c: &mut SweepCounts) {
    let HeapInner {
        large, finalizers, ..
    } = inner;
    large.retain(|&addr, obj| {
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
        if let Some(fin) = finalizers[kind] {
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
