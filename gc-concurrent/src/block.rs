//! Size classes, blocks, and the OS memory underneath them.
//!
//! # Size classes
//! Small objects (up to [`MAX_SMALL_SIZE`] bytes) are rounded up to one of [`SIZE_CLASSES`]. Every class is
//! a multiple of 16, so every cell is 16-aligned (blocks are [`BLOCK_SIZE`]-aligned and cells are packed
//! from offset 0). The classes are dense at the small end (32 and 48 bytes hold the header plus one to
//! three words, the bulk of a Python heap) and about 25% apart above 128 bytes, which bounds internal
//! fragmentation. `size -> class` is one load from a 129-entry table indexed by `(size + 15) / 16`.
//!
//! # Blocks
//! A block is [`BLOCK_SIZE`] bytes aligned to its size, so `addr & !(BLOCK_SIZE - 1)` is the base of the
//! block holding `addr`. A block holds cells of one size class; its metadata ([`BlockMeta`]) lives outside
//! it, in the heap's block table (`heap.rs`), so the cells themselves are nothing but objects and free
//! cells, and a conservative pointer can be validated without touching the block unless the table says it
//! is one. The slack at the end of a block (`BLOCK_SIZE % cell_size` bytes) is never used.
//!
//! A block is in exactly one [`BlockState`] at a time; the heap lock protects the state (see the free-list
//! invariant in `lib.rs` for what each state means for the cells).
//!
//! # OS memory
//! On Linux (x86_64, aarch64, riscv64) blocks are mapped [`CHUNK_BLOCKS`] at a time with one `mmap`
//! (over-map by one block, trim the unaligned ends) and returned one by one with `munmap`, so released
//! blocks really leave the process. Mapping a chunk at a time matters with threads: every `mmap` and
//! `munmap` takes the process's address-space lock, which stalls the other threads' page faults, and
//! every `munmap` shoots down their TLBs. Elsewhere a chunk is one block from `std::alloc` with
//! `BLOCK_SIZE` alignment (returned to the system allocator, which may keep it). Either way new blocks
//! are zero-filled, so every cell of them reads as free (kind 0) in any size class.

/// Bytes per block.
pub const BLOCK_SIZE: usize = 64 * 1024;
/// Blocks mapped at once when the heap needs fresh memory (1 MiB).
pub const CHUNK_BLOCKS: usize = 16;
/// Largest small-object size; larger objects go to the large-object space.
pub const MAX_SMALL_SIZE: usize = 2048;
/// Alignment of every object the heap hands out (small cells and large objects).
pub const OBJECT_ALIGN: usize = 16;
/// The small-object size classes, in bytes.
pub const SIZE_CLASSES: [usize; NUM_CLASSES] = [
    32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 1024, 1280,
    1536, 2048,
];
/// Number of small-object size classes.
pub const NUM_CLASSES: usize = 21;

const GRANULE_SHIFT: u32 = 4;
const NUM_GRANULES: usize = (MAX_SMALL_SIZE >> GRANULE_SHIFT) + 1;

/// `CLASS_OF_GRANULES[(size + 15) >> 4]` is the index of the smallest class holding `size` bytes.
static CLASS_OF_GRANULES: [u8; NUM_GRANULES] = build_class_table();

const fn build_class_table() -> [u8; NUM_GRANULES] {
    let mut t = [0u8; NUM_GRANULES];
    let mut g = 0;
    let mut c = 0;
    while g < NUM_GRANULES {
        while SIZE_CLASSES[c] < g << GRANULE_SHIFT {
            c += 1;
        }
        t[g] = c as u8;
        g += 1;
    }
    t
}

const _: () = {
    let mut i = 0;
    while i < NUM_CLASSES {
        assert!(SIZE_CLASSES[i].is_multiple_of(OBJECT_ALIGN));
        assert!(SIZE_CLASSES[i] >= 32);
        assert!(i == 0 || SIZE_CLASSES[i] > SIZE_CLASSES[i - 1]);
        i += 1;
    }
    assert!(SIZE_CLASSES[NUM_CLASSES - 1] == MAX_SMALL_SIZE);
    assert!(BLOCK_SIZE.is_power_of_two());
};

/// Index into [`SIZE_CLASSES`] of the class for a small object of `size` bytes (`size <= MAX_SMALL_SIZE`).
#[inline(always)]
pub fn size_class_index(size: usize) -> usize {
    debug_assert!(size <= MAX_SMALL_SIZE);
    CLASS_OF_GRANULES[(size + (1 << GRANULE_SHIFT) - 1) >> GRANULE_SHIFT] as usize
}

/// The number of bytes an object of `size` bytes really occupies: its size class for small objects, the
/// size rounded up to [`OBJECT_ALIGN`] for large ones (`None` on overflow).
pub fn allocation_size(size: usize) -> Option<usize> {
    let size = size.max(crate::HEADER_SIZE);
    if size <= MAX_SMALL_SIZE {
        Some(SIZE_CLASSES[size_class_index(size)])
    } else {
        size.checked_add(OBJECT_ALIGN - 1)
            .map(|s| s & !(OBJECT_ALIGN - 1))
    }
}

/// Where a block is in its life cycle (protected by the heap lock).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum BlockState {
    /// Cached by exactly one mutator, which allocates from its private free list of the block's cells.
    Owned,
    /// Unowned, has at least one free cell; listed in the heap's pool for its class.
    Pool,
    /// Unowned, no (or too few) free cells known; waits for a sweep.
    Full,
    /// Unowned, left unswept by a lazy collection: its survivors are still marked, its unmarked objects
    /// dead but not yet finalized; listed in the heap's unswept list of its class. Swept by the mutator
    /// that takes it, or by the next collection.
    Unswept,
    /// Unowned, every cell free; listed in the heap's empty list (may change class or be unmapped).
    Empty,
    /// Unowned and never used since it was mapped (the rest of a chunk): zero-filled, so every cell is
    /// free in any class; listed in the heap's fresh list. Handed out only when no empty block is left,
    /// so that memory already resident is reused before new pages are touched.
    Fresh,
}

/// Per-block metadata, kept in the heap's block table (never inside the block).
#[derive(Clone, Copy, Debug)]
pub(crate) struct BlockMeta {
    pub class: u8,
    pub cell_size: u32,
    pub ncells: u32,
    pub state: BlockState,
    /// Free cells counted by the last sweep (meaningful for unowned blocks).
    pub free_cells: u32,
    /// Cells the sweeps freed while the block was owned (not on the owner's free list).
    pub freed_while_owned: u32,
}

impl BlockMeta {
    pub fn new(class: usize, state: BlockState) -> BlockMeta {
        let cell_size = SIZE_CLASSES[class];
        let ncells = (BLOCK_SIZE / cell_size) as u32;
        BlockMeta {
            class: class as u8,
            cell_size: cell_size as u32,
            ncells,
            state,
            free_cells: ncells,
            freed_while_owned: 0,
        }
    }

    /// Fewest free cells for which a block is worth handing to a mutator (1/32 of the cells, at least 1):
    /// taking a block costs a lock and a scan of all its cells, so a block with only a handful of free
    /// cells waits in `Full` until more of its objects die. Wastes at most ~3% of a class's blocks.
    pub fn min_pool_free(&self) -> u32 {
        (self.ncells / 32).max(1)
    }
}

/// Maps zero-filled, `BLOCK_SIZE`-aligned, contiguous blocks: `(base, n)` with `1 <= n <=`
/// [`CHUNK_BLOCKS`]; `None` if the OS refuses. Each block is later unmapped on its own.
pub(crate) fn map_chunk() -> Option<(usize, usize)> {
    os::map_chunk()
}

/// Returns a block to the OS.
///
/// # Safety
/// `base` must be a block from [`map_chunk`], not have been unmapped yet, and nothing may use the block again.
pub(crate) unsafe fn unmap_block(base: usize) {
    // SAFETY: forwarded contract.
    unsafe { os::unmap_block(base) }
}

#[cfg(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "aarch64",
        target_arch = "riscv64"
    )
))]
mod os {
    use super::BLOCK_SIZE;
    use std::ffi::{c_int, c_void};

    unsafe extern "C" {
        fn mmap(
            addr: *mut c_void,
            len: usize,
            prot: c_int,
            flags: c_int,
            fd: c_int,
            off: i64,
        ) -> *mut c_void;
        fn munmap(addr: *mut c_void, len: usize) -> c_int;
    }

    const PROT_READ: c_int = 1;
    const PROT_WRITE: c_int = 2;
    const MAP_PRIVATE: c_int = 2;
    /// Same value on every architecture this module is compiled for.
    const MAP_ANONYMOUS: c_int = 0x20;

    pub fn map_chunk() -> Option<(usize, usize)> {
        let n = super::CHUNK_BLOCKS;
        let len = (n + 1) * BLOCK_SIZE;
        // SAFETY: a fresh private anonymous mapping at an address the kernel chooses; it cannot alias any
        // existing Rust object.
        let p = unsafe {
            mmap(
                std::ptr::null_mut(),
                len,
                PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p as isize == -1 || p.is_null() {
            return None;
        }
        let start = p as usize;
        let base = (start + BLOCK_SIZE - 1) & !(BLOCK_SIZE - 1);
        let head = base - start;
        let tail = len - head - n * BLOCK_SIZE;
        // SAFETY: both ranges are page-aligned parts of the mapping made above that no one references
        // (mmap returns page-aligned memory and BLOCK_SIZE is a multiple of the page size).
        unsafe {
            if head > 0 {
                munmap(start as *mut c_void, head);
            }
            if tail > 0 {
                munmap((base + n * BLOCK_SIZE) as *mut c_void, tail);
            }
        }
        Some((base, n))
    }

    /// # Safety
    /// See [`super::unmap_block`].
    pub unsafe fn unmap_block(base: usize) {
        // SAFETY: `base..base + BLOCK_SIZE` is a live part of a mapping made by `map_chunk` that nobody uses again
        // (caller's contract).
        let r = unsafe { munmap(base as *mut c_void, BLOCK_SIZE) };
        debug_assert_eq!(r, 0, "munmap failed");
    }
}

#[cfg(not(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "aarch64",
        target_arch = "riscv64"
    )
)))]
mod os {
    use super::BLOCK_SIZE;
    use std::alloc::Layout;

    const LAYOUT: Layout = match Layout::from_size_align(BLOCK_SIZE, BLOCK_SIZE) {
        Ok(l) => l,
        Err(_) => panic!("bad block layout"),
    };

    pub fn map_chunk() -> Option<(usize, usize)> {
        // SAFETY: LAYOUT has non-zero size.
        let p = unsafe { std::alloc::alloc_zeroed(LAYOUT) };
        (!p.is_null()).then_some((p as usize, 1))
    }

    /// # Safety
    /// See [`super::unmap_block`].
    pub unsafe fn unmap_block(base: usize) {
        // SAFETY: `base` was allocated by `map_chunk` with LAYOUT and is not used again (caller's
        // contract).
        unsafe { std::alloc::dealloc(base as *mut u8, LAYOUT) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_is_tight() {
        for size in 1..=MAX_SMALL_SIZE {
            let c = size_class_index(size);
            assert!(SIZE_CLASSES[c] >= size, "size {size}");
            assert!(c == 0 || SIZE_CLASSES[c - 1] < size, "size {size}");
        }
        assert_eq!(allocation_size(24), Some(32));
        assert_eq!(allocation_size(2049), Some(2064));
        assert_eq!(allocation_size(usize::MAX), None);
    }

    #[test]
    fn blocks_are_aligned_and_zeroed() {
        let (b, n) = map_chunk().unwrap();
        assert!((1..=CHUNK_BLOCKS).contains(&n));
        assert_eq!(b % BLOCK_SIZE, 0);
        // SAFETY: a fresh readable chunk of n blocks.
        let s = unsafe { std::slice::from_raw_parts(b as *const u8, n * BLOCK_SIZE) };
        assert!(s.iter().all(|&x| x == 0));
        // Blocks of one chunk are unmapped one by one, in any order.
        for i in (0..n).rev() {
            // SAFETY: mapped above, unused afterwards, each block unmapped once.
            unsafe { unmap_block(b + i * BLOCK_SIZE) };
        }
    }
}
