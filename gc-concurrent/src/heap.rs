//! The global heap: block table, block pools, large-object space, kind table, trigger and statistics.
//!
//! # Structure
//! One [`Heap`] per process (or per test). Everything mutable that several threads may reach lives behind
//! one mutex (`HeapInner`): the block table (block base -> [`BlockMeta`]), the per-class pools of blocks
//! with free cells, the list of empty blocks, and the large-object map. Mutators take that lock only in
//! their allocation slow path (once per block of cells, or per large object), never on the fast path. A
//! collection holds it from start to end, which is also what makes the mutators' slow paths wait.
//!
//! The trigger and the statistics are atomics outside the lock, so [`Heap::should_collect`] (polled by
//! the VM at every safepoint) is one relaxed load and [`Heap::stats`] never blocks.
//!
//! # Allocation accounting
//! A mutator accounts a block's free cells (count x cell size) when it takes the block, a large object
//! when it allocates it, and external (Rust-heap) bytes when the VM reports them
//! ([`crate::Mutator::account_external`]); it flushes its local count into `allocated_since` at most every
//! [`FLUSH_BYTES`] and in every slow path. When `allocated_since` reaches `threshold` the flusher sets
//! `trigger`, which `should_collect` reads. After a collection `threshold = max(min_heap, live *
//! growth_percent / 100)`. The trigger is therefore accurate to a block per size class per mutator, which
//! is what lets the fast path do no accounting at all.
//!
//! # Orderings
//! `allocated_since`, `threshold` and `trigger` are `Relaxed`: the trigger is a hint that makes the VM
//! reach a collection soon; `collect` resets all three while holding the heap lock, and a flush racing with
//! that reset can at worst move a few KiB of accounting into the next cycle. Their partners are the loads
//! in `should_collect` and `note_allocated`. Statistics are `Relaxed` snapshots (written under the lock or
//! by the only collector, read by anyone), with no partner: they order nothing.

use crate::block::{
    allocation_size, map_chunk, BlockMeta, BlockState, BLOCK_SIZE, NUM_CLASSES, OBJECT_ALIGN,
};
use crate::collect::{sweep_block, Finalizers, SweepCounts};
use crate::header::{initial_meta, Header};
use crate::sync::{lock, AtomicBool, AtomicU64, AtomicUsize, Mutex, Ordering};
use crate::trace::{KindInfo, KindTable};
use crate::AllocError;
use std::alloc::Layout;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::time::Duration;

/// Default smallest allocation budget between two collections. 8 MiB: every collection re-marks the
/// runtime's own data (about 0.5 MB of modules, classes and code), so a smaller budget makes an
/// allocation-heavy program spend its time there (fannkuch with 4 MiB: 10% slower with one thread, 6%
/// with two).
pub const MIN_HEAP: usize = 8 << 20;
/// Default growth: after a collection, allocate `live * GROWTH_PERCENT / 100` bytes (but at least
/// [`MIN_HEAP`]) before the next one; so the heap peaks at about twice the live data.
pub const GROWTH_PERCENT: usize = 100;
/// A mutator flushes its allocation count to the heap at least this often.
pub const FLUSH_BYTES: usize = 64 << 10;
/// At most this many bytes of empty blocks are kept for reuse after a sweep; the rest are unmapped.
pub const MAX_EMPTY_RESERVE: usize = 64 << 20;

/// Tuning knobs of a heap.
#[derive(Clone, Copy, Debug)]
pub struct HeapConfig {
    /// Smallest allocation budget between collections, in bytes.
    pub min_heap: usize,
    /// Budget after a collection as a percentage of the live bytes (100 = as much again as is live).
    pub growth_percent: usize,
}

impl Default for HeapConfig {
    fn default() -> Self {
        HeapConfig {
            min_heap: MIN_HEAP,
            growth_percent: GROWTH_PERCENT,
        }
    }
}

/// A snapshot of the heap's statistics ([`Heap::stats`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct HeapStats {
    /// Bytes of live objects after the last collection (cell sizes and large-object sizes); after a
    /// lazy one, the estimate its budget was computed from (objects marked times the average size).
    pub live_bytes: usize,
    /// Bytes accounted since the last collection (block-granular for small objects, see module docs).
    pub allocated_since: usize,
    /// Allocation budget of the current cycle: `should_collect()` turns true when `allocated_since`
    /// reaches it.
    pub threshold: usize,
    /// Bytes of small-object blocks currently mapped (live, free and reserved cells).
    pub block_bytes: usize,
    /// Bytes of large objects currently allocated.
    pub large_bytes: usize,
    /// Collections so far.
    pub collections: u64,
    /// Sum of all collection pauses.
    pub total_pause: Duration,
    /// Longest collection pause.
    pub max_pause: Duration,
}

/// What one collection did ([`Heap::collect`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct CollectStats {
    /// Objects marked (live heap objects plus static headers reached).
    pub marked: usize,
    /// Live objects after the sweep (heap only).
    pub live_objects: usize,
    /// Bytes of live objects after the sweep.
    pub live_bytes: usize,
    /// Objects freed.
    pub freed_objects: usize,
    /// Bytes freed (cell sizes and large-object sizes).
    pub freed_bytes: usize,
    /// Finalizers run.
    pub finalized: usize,
    /// Empty blocks returned to the OS.
    pub blocks_released: usize,
    /// Block bytes mapped after the collection.
    pub block_bytes: usize,
    /// Large-object bytes after the collection.
    pub large_bytes: usize,
    /// Time spent marking (roots included).
    pub mark_time: Duration,
    /// Whole pause.
    pub pause: Duration,
}

/// Hashes a block base (a multiple of `BLOCK_SIZE`) with one multiplication; the table only ever sees
/// such keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct BlockHasher(u64);

impl Hasher for BlockHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> BLOCK_SIZE.trailing_zeros()).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A large object: allocated individually from the Rust allocator with this size and [`OBJECT_ALIGN`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct LargeObject {
    pub size: usize,
}

impl LargeObject {
    pub fn layout(&self) -> Layout {
        // Cannot fail: the same size and alignment were accepted when the object was allocated.
        Layout::from_size_align(self.size, OBJECT_ALIGN).expect("large-object layout")
    }
}

/// The lock-protected part of the heap.
pub(crate) struct HeapInner {
    pub blocks: HashMap<usize, BlockMeta, BuildHasherDefault<BlockHasher>>,
    /// Per class: unowned blocks with free cells (state `Pool`); `pop` takes the next one.
    pub pool: [Vec<usize>; NUM_CLASSES],
    /// Unowned blocks with every cell free (state `Empty`).
    pub empty: Vec<usize>,
    /// Unowned blocks never used since they were mapped (state `Fresh`).
    pub fresh: Vec<usize>,
    /// Per class: blocks a lazy collection left unswept (state `Unswept`).
    pub unswept: [Vec<usize>; NUM_CLASSES],
    /// The finalizers the sweeps run (copied from the kind table at each collection).
    pub finalizers: Finalizers,
    /// Live and freed counts of the current lazy cycle so far (owned blocks and large objects swept in
    /// the pause, plus the lazy sweeps since).
    pub lazy_counts: SweepCounts,
    /// Large objects by start address.
    pub large: BTreeMap<usize, LargeObject>,
    /// Bounds of all block addresses ever mapped (a quick reject for conservative lookups).
    pub block_lo: usize,
    pub block_hi: usize,
    /// Bounds of all large objects ever allocated.
    pub large_lo: usize,
    pub large_hi: usize,
}

/// A block handed to a mutator: it builds its free list from the cells whose kind is 0, unless the
/// lazy sweep that found the block built it (`list`: head and length).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Grant {
    pub base: usize,
    pub cell_size: usize,
    pub ncells: usize,
    pub list: Option<(*mut Header, usize)>,
}

impl HeapInner {
    const fn new() -> HeapInner {
        HeapInner {
            blocks: HashMap::with_hasher(BuildHasherDefault::new()),
            pool: [const { Vec::new() }; NUM_CLASSES],
            empty: Vec::new(),
            fresh: Vec::new(),
            unswept: [const { Vec::new() }; NUM_CLASSES],
            finalizers: [None; 256],
            lazy_counts: SweepCounts::ZERO,
            large: BTreeMap::new(),
            block_lo: usize::MAX,
            block_hi: 0,
            large_lo: usize::MAX,
            large_hi: 0,
        }
    }

    /// The allocated object containing `addr`, if any (see [`Heap::find_object`]).
    pub fn lookup(&self, addr: usize) -> Option<*const Header> {
        if addr >= self.block_lo && addr < self.block_hi {
            let base = addr & !(BLOCK_SIZE - 1);
            if let Some(b) = self.blocks.get(&base) {
                let cs = b.cell_size as usize;
                let i = (addr - base) / cs;
                if i >= b.ncells as usize {
                    return None;
                }
                let cell = (base + i * cs) as *const Header;
                // SAFETY: `cell` lies inside a block that is in the table, hence mapped; cells are
                // 16-aligned and at least 32 bytes, so the header words are in bounds. Headers are only
                // accessed atomically (or while this lock holder excludes all writers).
                let (kind, marked) = unsafe { ((*cell).kind(), (*cell).is_marked()) };
                // In an unswept block only the marked objects are alive.
                let alive = kind != 0 && (marked || b.state != BlockState::Unswept);
                return alive.then_some(cell);
            }
            // Not a block: may still be a large object that happens to lie between blocks.
        }
        if addr >= self.large_lo && addr < self.large_hi {
            if let Some((&start, obj)) = self.large.range(..=addr).next_back() {
                if addr < start + obj.size {
                    return Some(start as *const Header);
                }
            }
        }
        None
    }

    /// Lazily sweeps one unswept block (not linking its free cells) and files it as `Empty`, `Pool` or
    /// `Full`, adding its counts to `c`.
    ///
    /// # Safety
    /// `base` must be an `Unswept` block just taken off its list; `concurrent` as for
    /// [`sweep_block`].
    unsafe fn sweep_and_file(&mut self, base: usize, concurrent: bool, c: &mut SweepCounts) {
        let b = self
            .blocks
            .get_mut(&base)
            .expect("unswept block not in table");
        debug_assert_eq!(b.state, BlockState::Unswept);
        // SAFETY: an unswept block holds the marks of the last complete marking and nobody owns it
        // (caller's contract).
        let r = unsafe { sweep_block(base, b, &self.finalizers, concurrent, false, c) };
        b.free_cells = r.free;
        if r.free == b.ncells {
            b.state = BlockState::Empty;
            self.empty.push(base);
        } else if r.free >= b.min_pool_free() {
            b.state = BlockState::Pool;
            self.pool[b.class as usize].push(base);
        } else {
            b.state = BlockState::Full;
        }
    }

    /// Sweeps every block a lazy collection left unswept; returns what it found.
    ///
    /// # Safety
    /// Every mutator must be stopped (a collection), or `concurrent` set.
    pub(crate) unsafe fn finish_sweep(&mut self, concurrent: bool) -> SweepCounts {
        let mut c = SweepCounts::default();
        for class in 0..NUM_CLASSES {
            while let Some(base) = self.unswept[class].pop() {
                // SAFETY: taken off the unswept list; forwarded contract.
                unsafe { self.sweep_and_file(base, concurrent, &mut c) };
            }
        }
        c
    }

    /// A pool block of `class`, else an empty block (reformatted if its class differs), as `Owned`.
    fn take_pool_or_empty(&mut self, class: usize) -> Option<Grant> {
        if let Some(base) = self.pool[class].pop() {
            let b = self.blocks.get_mut(&base).expect("pool block not in table");
            debug_assert_eq!((b.state, b.class as usize), (BlockState::Pool, class));
            b.state = BlockState::Owned;
            b.freed_while_owned = 0;
            return Some(grant(base, b));
        }
        let base = self.empty.pop()?;
        let b = self
            .blocks
            .get_mut(&base)
            .expect("empty block not in table");
        debug_assert_eq!(b.state, BlockState::Empty);
        if b.class as usize != class {
            *b = BlockMeta::new(class, BlockState::Owned);
            // Format under the lock, so that no lookup ever sees the new cell boundaries over stale
            // bytes of the old ones.
            // SAFETY: the block is mapped, every old cell was free (state Empty), and nobody else owns
            // it; we write the meta word of each new cell.
            unsafe { format_block(base, b) };
        } else {
            b.state = BlockState::Owned;
            b.freed_while_owned = 0;
        }
        Some(grant(base, b))
    }

    /// Sweeps unswept blocks of `class` until one has enough free cells to be worth owning, and grants
    /// it with the free list the sweep built; the others are filed as `Full`.
    ///
    /// # Safety
    /// Mutators may be running (the sweep is `concurrent`), but none owns an unswept block.
    unsafe fn take_unswept(&mut self, class: usize) -> Option<Grant> {
        let HeapInner {
            blocks,
            unswept,
            finalizers,
            lazy_counts,
            ..
        } = self;
        while let Some(base) = unswept[class].pop() {
            let b = blocks.get_mut(&base).expect("unswept block not in table");
            debug_assert_eq!((b.state, b.class as usize), (BlockState::Unswept, class));
            // SAFETY: an unswept block holds the marks of the last complete marking and nobody owns it
            // or any of its cells (caller's contract); running threads may use its live objects, hence
            // `concurrent`.
            let r = unsafe { sweep_block(base, b, finalizers, true, true, lazy_counts) };
            if r.free >= b.min_pool_free() {
                b.state = BlockState::Owned;
                b.freed_while_owned = 0;
                let mut g = grant(base, b);
                g.list = Some((r.head, r.free as usize));
                return Some(g);
            }
            // Too few free cells to be worth owning (its links are never used).
            b.state = BlockState::Full;
            b.free_cells = r.free;
        }
        None
    }

    fn note_block_range(&mut self, base: usize) {
        self.block_lo = self.block_lo.min(base);
        self.block_hi = self.block_hi.max(base + BLOCK_SIZE);
    }

    /// A mutator gives back its block `base`. `has_free_list` tells whether its private free list still
    /// had cells (only when a mutator is dropped or releases its caches).
    fn return_owned(&mut self, base: usize, has_free_list: bool) {
        let b = self
            .blocks
            .get_mut(&base)
            .expect("returned block not in table");
        debug_assert_eq!(b.state, BlockState::Owned);
        if has_free_list || b.freed_while_owned >= b.min_pool_free() {
            b.state = BlockState::Pool;
            b.free_cells = b.freed_while_owned.max(1);
            self.pool[b.class as usize].push(base);
        } else {
            b.state = BlockState::Full;
            b.free_cells = b.freed_while_owned;
        }
        b.freed_while_owned = 0;
    }
}

/// The garbage-collected heap. See the crate docs for the design.
pub struct Heap {
    pub(crate) inner: Mutex<HeapInner>,
    pub(crate) kinds: Mutex<KindTable>,
    registered: [AtomicU64; 4],
    pub(crate) config: HeapConfig,
    pub(crate) allocated_since: AtomicUsize,
    pub(crate) threshold: AtomicUsize,
    pub(crate) trigger: AtomicBool,
    /// Automatic collection enabled (Python's `gc.enable()`/`gc.disable()`); `should_collect` is false
    /// while disabled.
    auto_collect: AtomicBool,
    pub(crate) live_bytes: AtomicUsize,
    pub(crate) block_bytes: AtomicUsize,
    pub(crate) large_bytes: AtomicUsize,
    pub(crate) collections: AtomicU64,
    pub(crate) total_pause_ns: AtomicU64,
    pub(crate) max_pause_ns: AtomicU64,
}

static GLOBAL: Heap = Heap::with_config(HeapConfig {
    min_heap: MIN_HEAP,
    growth_percent: GROWTH_PERCENT,
});

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// A new, empty heap with the default configuration. The VM uses [`Heap::global`]; separate heaps are
    /// for tests (a `Mutator` needs `&'static Heap`: leak it). Does not allocate.
    pub const fn new() -> Heap {
        Heap::with_config(HeapConfig {
            min_heap: MIN_HEAP,
            growth_percent: GROWTH_PERCENT,
        })
    }

    /// A new, empty heap with the given configuration. Does not allocate.
    pub const fn with_config(config: HeapConfig) -> Heap {
        Heap {
            inner: Mutex::new(HeapInner::new()),
            kinds: Mutex::new([None; 256]),
            registered: [const { AtomicU64::new(0) }; 4],
            config,
            allocated_since: AtomicUsize::new(0),
            threshold: AtomicUsize::new(config.min_heap),
            trigger: AtomicBool::new(false),
            auto_collect: AtomicBool::new(true),
            live_bytes: AtomicUsize::new(0),
            block_bytes: AtomicUsize::new(0),
            large_bytes: AtomicUsize::new(0),
            collections: AtomicU64::new(0),
            total_pause_ns: AtomicU64::new(0),
            max_pause_ns: AtomicU64::new(0),
        }
    }

    /// The process-wide heap.
    pub fn global() -> &'static Heap {
        &GLOBAL
    }

    /// Registers (or replaces) the trace/finalize functions of `kind`. Must happen before objects of the
    /// kind are allocated. Panics if `kind == 0` (reserved for free cells). Takes a lock; do not call it
    /// from inside a collection.
    pub fn register_kind(&self, kind: u8, info: KindInfo) {
        assert!(kind != 0, "kind 0 is reserved for free cells");
        lock(&self.kinds)[kind as usize] = Some(info);
        // Relaxed: only read by debug assertions (`is_registered`); the kind table itself is under a lock.
        self.registered[kind as usize / 64].fetch_or(1 << (kind % 64), Ordering::Relaxed);
    }

    /// Whether `kind` has been registered (cheap; used by debug assertions in the allocator).
    #[inline]
    pub fn is_registered(&self, kind: u8) -> bool {
        // Relaxed: see `register_kind`.
        self.registered[kind as usize / 64].load(Ordering::Relaxed) & (1 << (kind % 64)) != 0
    }

    /// Whether the bytes allocated since the last collection exceeded the budget. One relaxed load; the
    /// VM polls it at safepoints. Never allocates or blocks.
    #[inline]
    pub fn should_collect(&self) -> bool {
        // Relaxed: a hint; partner is the store in `note_allocated` (see module docs).
        self.trigger.load(Ordering::Relaxed) && self.auto_collect.load(Ordering::Relaxed)
    }

    /// Enables or disables automatic collection (`gc.enable()` / `gc.disable()`); explicit
    /// collections still run. Relaxed: a hint like the trigger.
    pub fn set_auto_collect(&self, on: bool) {
        self.auto_collect.store(on, Ordering::Relaxed);
    }

    /// Whether automatic collection is enabled (`gc.isenabled()`).
    pub fn auto_collect(&self) -> bool {
        self.auto_collect.load(Ordering::Relaxed)
    }

    /// A snapshot of the statistics (relaxed loads; never blocks).
    pub fn stats(&self) -> HeapStats {
        let r = Ordering::Relaxed; // statistics: no ordering partner (module docs)
        HeapStats {
            live_bytes: self.live_bytes.load(r),
            allocated_since: self.allocated_since.load(r),
            threshold: self.threshold.load(r),
            block_bytes: self.block_bytes.load(r),
            large_bytes: self.large_bytes.load(r),
            collections: self.collections.load(r),
            total_pause: Duration::from_nanos(self.total_pause_ns.load(r)),
            max_pause: Duration::from_nanos(self.max_pause_ns.load(r)),
        }
    }

    /// Conservative lookup: if `addr` points to the start of or into an allocated object, its header.
    /// For a small object "into" means anywhere in its cell (the object's size rounded up to its size
    /// class); for a large object, anywhere in its rounded size. Addresses in free cells, in block slack,
    /// outside the heap, and static headers give `None`. Takes the heap lock: inside a collection use
    /// [`crate::Tracer::find_object`] instead. Never allocates.
    pub fn find_object(&self, addr: usize) -> Option<*const Header> {
        lock(&self.inner).lookup(addr)
    }

    /// Adds `bytes` to the allocation count and sets the trigger when the budget is exhausted.
    #[inline]
    pub(crate) fn note_allocated(&self, bytes: usize) {
        if bytes == 0 {
            return;
        }
        // Relaxed: trigger accounting, see module docs (partner: `should_collect`, and `collect`'s reset).
        let total = self.allocated_since.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if total >= self.threshold.load(Ordering::Relaxed) {
            self.trigger.store(true, Ordering::Relaxed);
        }
    }

    /// Gives back the mutator's exhausted block `old` (0 = none) and hands it a block of class `class`
    /// with at least one free cell: from the pool, else an unswept block of the class (swept now, its
    /// free list built on the way), else an empty block (reformatted if its class differs), else one
    /// that sweeping the other classes' unswept blocks emptied, else a fresh one, else the first of a
    /// newly mapped chunk (the rest join the fresh list). Blocks, never collects; may run finalizers
    /// (the lazy sweep).
    pub(crate) fn exchange_block(
        &self,
        old: usize,
        old_has_free_list: bool,
        class: usize,
    ) -> Result<Grant, AllocError> {
        let mut inner = lock(&self.inner);
        if old != 0 {
            inner.return_owned(old, old_has_free_list);
        }
        if let Some(g) = inner.take_pool_or_empty(class) {
            return Ok(g);
        }
        // SAFETY: no mutator is stopped for us, hence `concurrent`; the unswept blocks are unowned.
        if let Some(g) = unsafe { inner.take_unswept(class) } {
            return Ok(g);
        }
        // Before touching new memory: the other classes' unswept blocks may be (partly) empty.
        if inner.unswept.iter().any(|u| !u.is_empty()) {
            // SAFETY: as above.
            let c = unsafe { inner.finish_sweep(true) };
            inner.lazy_counts += c;
            if let Some(g) = inner.take_pool_or_empty(class) {
                return Ok(g);
            }
        }
        if let Some(base) = inner.fresh.pop() {
            let b = inner
                .blocks
                .get_mut(&base)
                .expect("fresh block not in table");
            debug_assert_eq!(b.state, BlockState::Fresh);
            // Zero-filled: every cell reads as free in any class, no formatting needed.
            *b = BlockMeta::new(class, BlockState::Owned);
            return Ok(grant(base, b));
        }
        drop(inner);
        let (base, n) = map_chunk().ok_or(AllocError { size: BLOCK_SIZE })?;
        let b = BlockMeta::new(class, BlockState::Owned);
        let mut inner = lock(&self.inner);
        inner.blocks.insert(base, b);
        inner.note_block_range(base);
        // The rest of the chunk waits in the fresh list, lowest address last (handed out first).
        for i in (1..n).rev() {
            let spare = base + i * BLOCK_SIZE;
            inner
                .blocks
                .insert(spare, BlockMeta::new(class, BlockState::Fresh));
            inner.note_block_range(spare);
            inner.fresh.push(spare);
        }
        // Relaxed: statistic (module docs).
        self.block_bytes
            .fetch_add(n * BLOCK_SIZE, Ordering::Relaxed);
        Ok(grant(base, &b))
    }

    /// A mutator gives back its block `base` (when it is dropped or releases its caches).
    pub(crate) fn return_block(&self, base: usize, has_free_list: bool) {
        lock(&self.inner).return_owned(base, has_free_list);
    }

    /// Allocates a large object (`size > MAX_SMALL_SIZE`): individually from the Rust allocator,
    /// zero-filled, 16-aligned, recorded in the large-object map. Blocks on the heap lock; never collects.
    pub(crate) fn alloc_large(
        &self,
        size: usize,
        kind: u8,
        flags: u16,
        class: u64,
    ) -> Result<*mut Header, AllocError> {
        let err = AllocError { size };
        let rounded = allocation_size(size).ok_or(err)?;
        let layout = Layout::from_size_align(rounded, OBJECT_ALIGN).map_err(|_| err)?;
        // SAFETY: `layout` has a non-zero size (at least MAX_SMALL_SIZE + 1 rounded).
        let p = unsafe { std::alloc::alloc_zeroed(layout) };
        if p.is_null() {
            return Err(err);
        }
        let h = p as *mut Header;
        // SAFETY: a fresh, zero-filled, 16-aligned allocation of more than HEADER_SIZE bytes that nothing
        // else references yet.
        unsafe {
            (*h).class.store(class, Ordering::Relaxed);
            (*h).meta
                .store(initial_meta(kind, flags), Ordering::Relaxed);
        }
        let addr = p as usize;
        {
            let mut inner = lock(&self.inner);
            inner.large.insert(addr, LargeObject { size: rounded });
            inner.large_lo = inner.large_lo.min(addr);
            inner.large_hi = inner.large_hi.max(addr + rounded);
        }
        // Relaxed: statistic (module docs).
        self.large_bytes.fetch_add(rounded, Ordering::Relaxed);
        self.note_allocated(rounded);
        Ok(h)
    }
}

fn grant(base: usize, b: &BlockMeta) -> Grant {
    Grant {
        base,
        cell_size: b.cell_size as usize,
        ncells: b.ncells as usize,
        list: None,
    }
}

/// Writes kind 0 into the meta word of every cell of `b`'s (new) class.
///
/// # Safety
/// `base` must be a mapped block that no mutator owns and whose bytes no live object occupies.
unsafe fn format_block(base: usize, b: &BlockMeta) {
    for i in 0..b.ncells as usize {
        let cell = (base + i * b.cell_size as usize) as *const Header;
        // SAFETY: inside the mapped block, 8-aligned, not part of any live object (caller's contract).
        unsafe { (*cell).meta.store(0, Ordering::Relaxed) };
    }
}

impl Drop for Heap {
    /// Unmaps every block and frees every large object, without running finalizers (a heap is dropped
    /// only when no `Mutator` can exist: they hold `&'static Heap`).
    fn drop(&mut self) {
        let inner = self.inner.get_mut().unwrap_or_else(|e| e.into_inner());
        for (&base, _) in inner.blocks.iter() {
            // SAFETY: every block in the table was mapped by `map_chunk` and is unmapped once here; no
            // mutator can use it (none can outlive a non-static heap).
            unsafe { crate::block::unmap_block(base) };
        }
        inner.blocks.clear();
        for (&addr, obj) in inner.large.iter() {
            // SAFETY: allocated in `alloc_large` with this layout, freed once here.
            unsafe { std::alloc::dealloc(addr as *mut u8, obj.layout()) };
        }
        inner.large.clear();
    }
}
