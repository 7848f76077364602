//! weft-gc: Weft's garbage-collected heap.
//!
//! A non-moving mark-sweep heap with size-class blocks, thread-local allocation, precise marking through
//! per-kind trace functions, and a hybrid root set (precise roots from the VM plus a conservative scan of
//! the native stack). This version marks stop-the-world on one thread and sweeps either in the pause or
//! lazily, in the mutators that take blocks afterwards; the data structures are laid out for the parallel
//! and concurrent collector that comes next (last section).
//!
//! # What each API may do
//! * [`Mutator::alloc`]: never collects, never reaches a safepoint; the fast path takes no lock and does
//!   no atomic read-modify-write; the slow path may take the heap lock and map memory. Fails only when the
//!   OS refuses memory.
//! * [`Heap::should_collect`], [`Heap::stats`]: one or a few relaxed loads; never block.
//! * [`Heap::collect`] / [`Heap::collect_lazy`] (`unsafe`): the VM calls one at a safepoint with every
//!   mutator stopped and parked. `collect` frees every dead object before it returns; `collect_lazy`
//!   leaves the unowned blocks to be swept (dead objects finalized and freed) by the mutators'
//!   allocation slow paths or by the next collection.
//! * [`Heap::find_object`], [`Heap::register_kind`]: take a lock; never call them from inside a collection.
//! * Trace and finalize functions ([`KindInfo`]) run inside a collection: no allocation, no `Heap` calls,
//!   no panics (a panic during a collection aborts the process).
//!
//! # Objects
//! Every object starts with a 24-byte [`Header`] (`meta`: kind byte, GC bits, 16 VM flag bits; `class`:
//! the VM's type word; `stm`: the STM's word). The kind byte selects a [`KindInfo`] in the heap's kind
//! table: how to trace the object and how to finalize it. Kind 0 means "free cell": a cell is an object
//! exactly when its kind byte is non-zero. Objects are 16-aligned.
//!
//! # Memory layout
//! * Small objects (<= [`MAX_SMALL_SIZE`] = 2 KiB) live in cells of 21 size classes (32..2048 bytes),
//!   packed in 64 KiB blocks aligned to their size. Per-block metadata lives in the heap's block table
//!   (block base -> class, state, counts), outside the blocks.
//! * Large objects are allocated one by one from the Rust allocator (16-aligned, zero-filled) and kept in
//!   a `BTreeMap` by address, which also answers interior-pointer lookups.
//! * A conservative lookup ([`Heap::find_object`]) masks the address to its block base, looks the block
//!   up, divides by the cell size, and accepts the cell if its kind is non-zero; otherwise it searches the
//!   large-object map. Quick range checks reject most non-pointers before any hashing.
//!
//! # Allocation and the free-list invariant
//! Each [`Mutator`] owns at most one block per size class and pops cells from a private free list of that
//! block (link in the cell's second word, the header's `class` field). This is safe across collections
//! *without* any per-allocation epoch check because of this invariant:
//!
//! 1. A block is owned by at most one mutator at a time (state `Owned`); while owned it is never handed to
//!    another mutator, never reformatted, never unmapped.
//! 2. A cell on a mutator's free list has kind 0, so the sweep skips it (it is never traced, finalized or
//!    counted live) and `find_object` rejects it.
//! 3. The sweep frees dead cells in owned blocks too (finalize, then kind := 0) but never rebuilds an owned
//!    block's free list: those cells are not on the list, the sweep only counts them
//!    (`freed_while_owned`).
//! 4. Free lists are built only by the mutator that takes a block from the heap (lazy free-list
//!    construction: scan the block for kind-0 cells). Pool blocks carry no list.
//! 5. A mutator whose list runs dry returns the block: to the pool if the sweeps freed enough cells in it
//!    while it was owned (they are found again by the next owner's scan), otherwise to the `Full` state.
//!    After each sweep, unowned blocks are reclassified from their cell counts: `Full`/`Pool` blocks with
//!    enough free cells go (back) to the pool, completely free ones to the empty list, which keeps a reserve
//!    for the next cycle and unmaps the rest (memory goes back to the OS when the live data shrinks).
//!    Memory is mapped a chunk of blocks at a time; the blocks of a chunk not yet handed out wait in the
//!    fresh list, used only when the empty list is exhausted (resident memory first).
//!
//! # Collection
//! Triggered by allocation volume: mutators account the free cells of each block they take (plus large
//! objects and external bytes the VM reports) and set a flag once the cycle's budget is used up; the VM
//! polls [`Heap::should_collect`] at safepoints. [`Heap::collect`] holds the heap lock throughout:
//! 1. **Roots**: the VM's callback marks precise roots and scans native stack ranges conservatively
//!    ([`Tracer::scan_conservative`], with [`stack::with_stack_range`] for the current thread).
//! 2. **Mark**: a mark stack; each object is marked with an atomic `fetch_or` on `meta` and traced once
//!    through its kind's trace function.
//! 3. **Sweep**: every non-empty block cell by cell, then the large objects; dead objects are finalized
//!    and freed, marks of survivors cleared (also on static headers reached). `collect_lazy` sweeps only
//!    the owned blocks and the large objects here and files the other blocks as `Unswept`; a mutator
//!    sweeps one when it needs a block of its class, building its free list in the same pass
//!    (`collect.rs`, "Lazy sweep").
//! 4. **Reset**: blocks reclassified, surplus empty and fresh blocks unmapped, budget set to
//!    `max(min_heap, live * growth%)` (8 MiB and 100% by default).
//!
//! Invariants between collections: no object outside an `Unswept` block has its mark bit set (in an
//! `Unswept` block, marked = survived the last collection, unmarked = dead); every cell of a block is either an
//! object (kind != 0) or free (kind 0); every block is in exactly one state and, if `Pool` or `Empty`,
//! in exactly one list; a freed object was unreachable, so no live object or root refers to a free cell.
//!
//! # What the concurrent collector must change
//! * **Marking in parallel**: the mark bit is already set with `fetch_or` (only the winner traces), so
//!   work-stealing mark stacks (rayon or crossbeam deques) can replace the single `Vec`.
//! * **Marking concurrently**: mutators keep running while the marker works, so (a) objects allocated
//!   during marking must be born marked ("allocate black": `Mutator::alloc` reads a per-mutator "marking"
//!   flag set at the handshake in `park`), (b) a snapshot-at-the-beginning barrier must keep every
//!   reference that existed at the start reachable: the STM's undo log records every overwritten
//!   reference, and feeding those logs to the marker is that barrier, and (c) the `meta` word gets
//!   concurrent writers (VM flags vs. mark bit) — `Header::set_flags` is already a CAS loop, but the sweep's
//!   plain `store` that clears the mark must become a `fetch_and` or, better, the mark sense must flip each
//!   cycle (or move to a side bitmap) so the sweep writes nothing to live objects. Header initialisation
//!   in `alloc` then needs a `Release` store of `meta` paired with an `Acquire` load in the conservative
//!   lookup, since a concurrent scan could see a half-built header.
//! * **Handshakes instead of stop-the-world**: `Mutator::park` becomes the point where a mutator reports
//!   its stack range and precise roots and acknowledges the phase change; only root scanning needs each
//!   thread stopped, briefly.
//! * **Sweeping concurrently**: the lazy sweep already runs in the mutators, under the heap lock; a
//!   sweep outside the lock needs the block table as a concurrent map (or a radix table of block bases)
//!   so lookups need no lock, and the mark sense flipped each cycle so that the next marking need not
//!   wait for the unswept blocks.
//! * **Aborted transactions**: objects allocated by an aborted transaction are simply garbage; nothing
//!   here changes, but the STM must not leave references to them in shared objects.

#![warn(missing_docs)]

pub mod block;
mod collect;
pub mod header;
pub mod heap;
pub mod mutator;
pub mod stack;
pub mod sync;
pub mod trace;

pub use block::{
    allocation_size, size_class_index, BLOCK_SIZE, CHUNK_BLOCKS, MAX_SMALL_SIZE, NUM_CLASSES,
    OBJECT_ALIGN, SIZE_CLASSES,
};
pub use header::{Header, FLAGS_MASK, FLAGS_SHIFT, HEADER_SIZE, KIND_MASK, MARK_BIT, STATIC_BIT};
pub use heap::{CollectStats, Heap, HeapConfig, HeapStats, GROWTH_PERCENT, MIN_HEAP};
pub use mutator::Mutator;
pub use trace::{DecodeFn, KindInfo, Tracer};

/// The crate's error: the OS (or the Rust allocator) refused memory for an allocation of `size` bytes
/// (for a small object, `size` may be the block size the heap tried to map).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllocError {
    /// Bytes requested.
    pub size: usize,
}

impl std::fmt::Display for AllocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "out of memory allocating {} bytes", self.size)
    }
}

impl std::error::Error for AllocError {}

/// The crate's `Result` alias.
pub type Result<T, E = AllocError> = std::result::Result<T, E>;
