//! Per-thread allocation: [`Mutator`].
//!
//! # Fast path
//! For each size class the mutator caches at most one block it owns and a private singly linked free list
//! of that block's free cells (link in the cell's second word, the header's `class`; the cell's kind byte
//! stays 0 until it is handed out). [`Mutator::alloc`] pops the head of the class's list, zero-fills the
//! payload and writes the header: no lock, no read-modify-write, no accounting. It is `#[inline]`; for a
//! constant size the class lookup folds away.
//!
//! # Slow path
//! When the list is empty, [`Mutator::alloc_slowpath`] hands the exhausted block back to the heap and gets
//! another block of the class (pool, a block left unswept by a lazy collection and swept now, empty
//! reserve, or fresh mapping; `Heap::exchange_block`), builds the free list by scanning the block for cells
//! of kind 0 (lazy free-list construction: lists are built only here, by the block's new owner; a block
//! swept on the way comes with its list already built), and accounts the free cells it found towards the
//! collection trigger.
//! Objects over [`crate::MAX_SMALL_SIZE`] go to the large-object space, one lock acquisition each.
//!
//! # Ownership
//! A block is owned by at most one mutator; while owned nobody else allocates from it or builds a list
//! for it, and a collection may free dead cells in it (kind := 0) but never touches the owner's list, so
//! the list stays valid across collections with no per-allocation check (see the free-list invariant in
//! `lib.rs`). Dropping a mutator (or [`Mutator::release_blocks`]) returns its blocks to the heap.
//!
//! # Orderings
//! The header words of a new object are written with `Relaxed` stores: the object is private to this
//! thread until the VM publishes a reference to it, and that publication (an STM commit, or a safepoint
//! handshake before a collection) is the partner edge. Free-list links are `Relaxed` loads/stores of the
//! `class` word of cells only this mutator can reach.

use crate::block::{size_class_index, MAX_SMALL_SIZE, NUM_CLASSES};
use crate::header::{initial_meta, Header, HEADER_SIZE};
use crate::heap::{Grant, Heap, FLUSH_BYTES};
use crate::sync::Ordering;
use crate::AllocError;
use std::marker::PhantomData;
use std::ptr;

/// Per-thread allocation context (`Send`, not `Sync`). See the module docs.
pub struct Mutator {
    heap: &'static Heap,
    /// Per class: head of the private free list (null = empty).
    free: [*mut Header; NUM_CLASSES],
    /// Per class: base of the owned block (0 = none).
    blocks: [usize; NUM_CLASSES],
    /// Bytes accounted locally, not yet added to the heap's trigger count.
    pending: usize,
    _not_sync: PhantomData<std::cell::Cell<()>>,
}

// SAFETY: the raw pointers are free cells of blocks this mutator owns; they are reachable only through the
// mutator, so moving it to another thread moves the exclusive access along. (It is not Sync: two threads
// must not pop the same lists, which the `Cell` marker enforces.)
unsafe impl Send for Mutator {}

impl Mutator {
    /// A new allocation context on `heap`, owning no blocks yet. Does not allocate from the GC heap.
    pub fn new(heap: &'static Heap) -> Mutator {
        Mutator {
            heap,
            free: [ptr::null_mut(); NUM_CLASSES],
            blocks: [0; NUM_CLASSES],
            pending: 0,
            _not_sync: PhantomData,
        }
    }

    /// The heap this mutator allocates from.
    #[inline]
    pub fn heap(&self) -> &'static Heap {
        self.heap
    }

    /// Allocates an object of `size` bytes (values below 24 are treated as 24): the header's `meta` is
    /// `kind | flags << 16`, `class` is `class`, `stm` is 0, and the rest is zero-filled. Small sizes are
    /// rounded up to their size class; sizes over [`crate::MAX_SMALL_SIZE`] go to the large-object space.
    /// The result is 16-aligned and never null.
    ///
    /// Never collects and never reaches a safepoint (collections happen only where the VM calls
    /// [`Heap::collect`]); may take the heap lock in its slow path; counts the bytes towards
    /// [`Heap::should_collect`]. Fails only if the OS refuses memory. Panics if `kind == 0`; in debug
    /// builds also if `kind` was never registered.
    #[inline]
    pub fn alloc(
        &mut self,
        size: usize,
        kind: u8,
        flags: u16,
        class: u64,
    ) -> Result<*mut Header, AllocError> {
        assert!(kind != 0, "kind 0 is reserved for free cells");
        debug_assert!(self.heap.is_registered(kind), "kind {kind} not registered");
        if size <= MAX_SMALL_SIZE {
            let c = size_class_index(size);
            let cell = self.free[c];
            if !cell.is_null() {
                // SAFETY: `cell` heads our free list, so it is a free cell (kind 0) of a block we own, at
                // least SIZE_CLASSES[c] >= max(size, 24) bytes and 16-aligned, reachable by nobody else
                // (free-list invariant); its `class` word holds the next link.
                unsafe {
                    self.free[c] = (*cell).class.load(Ordering::Relaxed) as *mut Header;
                    init_object(cell, size, kind, flags, class);
                }
                return Ok(cell);
            }
        }
        self.alloc_slowpath(size, kind, flags, class)
    }

    /// The allocation slow path: large objects, and refilling an empty free list.
    #[cold]
    #[inline(never)]
    fn alloc_slowpath(
        &mut self,
        size: usize,
        kind: u8,
        flags: u16,
        class: u64,
    ) -> Result<*mut Header, AllocError> {
        if size > MAX_SMALL_SIZE {
            self.flush();
            return self.heap.alloc_large(size, kind, flags, class);
        }
        let c = size_class_index(size);
        debug_assert!(self.free[c].is_null());
        self.refill_slowpath(c)?;
        let cell = self.free[c];
        debug_assert!(!cell.is_null(), "a granted block has a free cell");
        // SAFETY: as in `alloc`: the head of the list just built from a block we own.
        unsafe {
            self.free[c] = (*cell).class.load(Ordering::Relaxed) as *mut Header;
            init_object(cell, size, kind, flags, class);
        }
        Ok(cell)
    }

    /// Exchanges the (exhausted) block of class `c` for one with free cells and builds its free list.
    #[cold]
    fn refill_slowpath(&mut self, c: usize) -> Result<(), AllocError> {
        let old = std::mem::replace(&mut self.blocks[c], 0);
        let g = self.heap.exchange_block(old, !self.free[c].is_null(), c)?;
        self.blocks[c] = g.base;
        let (head, n) = match g.list {
            // Linked by the lazy sweep that found the block.
            Some(list) => list,
            // SAFETY: the heap just made us the block's only owner (exchange_block), so we may link its
            // free cells.
            None => unsafe { build_free_list(&g) },
        };
        self.free[c] = head;
        self.pending += n * g.cell_size;
        self.flush();
        Ok(())
    }

    /// Adds `bytes` of Rust-heap memory owned by a heap object (e.g. a string's buffer) to the collection
    /// trigger, so that memory stays bounded when objects own large malloc'd buffers. Cheap (a local add;
    /// an atomic add every [`FLUSH_BYTES`]); never collects or blocks.
    #[inline]
    pub fn account_external(&mut self, bytes: usize) {
        self.pending = self.pending.saturating_add(bytes);
        if self.pending >= FLUSH_BYTES {
            self.flush();
        }
    }

    /// Called by the VM when this mutator's thread stops at a safepoint for a collection (the contract of
    /// [`Heap::collect`]). In this version it publishes the locally counted allocation bytes; the cached
    /// blocks and free lists stay owned (the sweep never rebuilds them). A later concurrent collector
    /// makes this the handshake point (see `lib.rs`). Cheap, never blocks, never collects; calling it at
    /// any other time is harmless.
    #[inline]
    pub fn park(&mut self) {
        self.flush();
    }

    /// Returns every cached block to the heap (their remaining free cells become available to other
    /// mutators and to the sweep's bookkeeping). For a thread going idle for long; done automatically on
    /// drop. Takes the heap lock; never collects.
    pub fn release_blocks(&mut self) {
        self.flush();
        for c in 0..NUM_CLASSES {
            let base = std::mem::replace(&mut self.blocks[c], 0);
            if base != 0 {
                let has_list = !self.free[c].is_null();
                self.free[c] = ptr::null_mut();
                self.heap.return_block(base, has_list);
            }
        }
    }

    #[inline]
    fn flush(&mut self) {
        let n = std::mem::take(&mut self.pending);
        self.heap.note_allocated(n);
    }
}

impl Drop for Mutator {
    fn drop(&mut self) {
        self.release_blocks();
    }
}

impl std::fmt::Debug for Mutator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mutator")
            .field(
                "owned_blocks",
                &self.blocks.iter().filter(|&&b| b != 0).count(),
            )
            .field("pending", &self.pending)
            .finish()
    }
}

/// Writes a fresh object's header and zero-fills its payload.
///
/// # Safety
/// `cell` must be a free cell of at least `max(size, 24)` bytes that only the caller can reach.
#[inline(always)]
unsafe fn init_object(cell: *mut Header, size: usize, kind: u8, flags: u16, class: u64) {
    // SAFETY: the cell has at least `max(size, HEADER_SIZE)` writable bytes (caller's contract), so the
    // payload range is in bounds; nobody else reads the cell yet.
    unsafe {
        ptr::write_bytes(
            (cell as *mut u8).add(HEADER_SIZE),
            0,
            size.saturating_sub(HEADER_SIZE),
        );
        (*cell).class.store(class, Ordering::Relaxed);
        (*cell).stm.store(0, Ordering::Relaxed);
        (*cell)
            .meta
            .store(initial_meta(kind, flags), Ordering::Relaxed);
    }
}

/// Links every free (kind 0) cell of the granted block, lowest address first. Returns the head and the
/// number of cells linked.
///
/// # Safety
/// The caller must own the block (state `Owned`, granted to it by the heap).
unsafe fn build_free_list(g: &Grant) -> (*mut Header, usize) {
    let mut head: *mut Header = ptr::null_mut();
    let mut n = 0;
    for i in (0..g.ncells).rev() {
        let cell = (g.base + i * g.cell_size) as *mut Header;
        // SAFETY: `cell` is a cell of a mapped block we own; kind-0 cells are free and unreachable, and
        // their `class` word is ours to use as the link.
        unsafe {
            if (*cell).meta.load(Ordering::Relaxed) & crate::header::KIND_MASK == 0 {
                (*cell).class.store(head as u64, Ordering::Relaxed);
                head = cell;
                n += 1;
            }
        }
    }
    (head, n)
}
