//! The object header shared by the GC, the STM and the VM.
//!
//! Every heap object starts with a [`Header`] of three 64-bit atomic words (24 bytes, `repr(C)`, 8-aligned;
//! the heap actually hands out 16-aligned cells, see [`crate::OBJECT_ALIGN`]):
//!
//! ```text
//! meta   bits  0..8   kind (u8). 0 = free cell: never a live object, never traced, never finalized.
//!        bits  8..16  GC bits: bit 8 = mark, bit 9 = static (object lives outside the GC heap).
//!        bits 16..32  VM flags: opaque to the GC, preserved by every GC operation.
//!        bits 32..64  reserved (0).
//! class  opaque to the GC (the VM stores its type pointer here and traces it itself).
//!        In a free cell the GC uses this word as the free-list link.
//! stm    reserved for the STM: 0 on allocation, never read or written by the GC.
//! ```
//!
//! # Invariants
//! * A cell whose kind byte is 0 is free. The GC writes kind 0 only when it frees a cell (sweep) or formats
//!   a block; the allocator writes a non-zero kind when it hands a cell out.
//! * The mark bit is set only during a collection (by [`crate::Tracer::mark`]) and is clear again when
//!   [`crate::Heap::collect`] returns, for every heap object and every static header it marked.
//! * GC operations on `meta` never change bits 16..64, so VM flags survive collections.
//!
//! # Orderings
//! All header accesses here are `Relaxed`. Between a mutator and the collector, the happens-before edge is
//! the stop-the-world handshake (the heap mutex taken by `Heap::collect`, see `heap.rs`, and the VM's
//! safepoint protocol). Between mutators, an object's publication is ordered by whatever publishes the
//! reference to it (the STM commit in weft-stm, or a thread hand-off in weft-scheduler), never by header
//! loads. A later concurrent marker must revisit this: see the essay in `lib.rs`.

use crate::sync::{AtomicU64, Ordering};

/// Mask of the kind byte in `meta`.
pub const KIND_MASK: u64 = 0xff;
/// Mask of the GC bits in `meta` (bits 8..16).
pub const GC_BITS_MASK: u64 = 0xff << 8;
/// Mark bit (set during a collection on every reached object).
pub const MARK_BIT: u64 = 1 << 8;
/// Static bit: the header belongs to an object outside the GC heap (see [`Header::new_static`]).
pub const STATIC_BIT: u64 = 1 << 9;
/// Shift of the 16 VM flag bits in `meta`.
pub const FLAGS_SHIFT: u32 = 16;
/// Mask of the VM flag bits in `meta`.
pub const FLAGS_MASK: u64 = 0xffff << FLAGS_SHIFT;
/// Size of [`Header`] in bytes; also the smallest object size.
pub const HEADER_SIZE: usize = 24;

/// The first 24 bytes of every heap object.
#[repr(C)]
#[derive(Debug)]
pub struct Header {
    /// Kind, GC bits and VM flags (see the module docs).
    pub meta: AtomicU64,
    /// Opaque to the GC (the VM's class pointer); the free-list link while the cell is free.
    pub class: AtomicU64,
    /// Reserved for the STM; 0 on allocation, never touched by the GC.
    pub stm: AtomicU64,
}

const _: () = assert!(std::mem::size_of::<Header>() == HEADER_SIZE);
const _: () = assert!(std::mem::align_of::<Header>() == 8);

/// The `meta` word of a freshly allocated object.
#[inline(always)]
pub(crate) const fn initial_meta(kind: u8, flags: u16) -> u64 {
    kind as u64 | (flags as u64) << FLAGS_SHIFT
}

impl Header {
    /// A header for an object that lives outside the GC heap (a `static`, or memory the VM manages
    /// itself) but is reachable from heap objects and must be traced through.
    ///
    /// The GC marks such an object like any other (so a cycle through it terminates), traces it, remembers
    /// it, and clears its mark bit at the end of the collection; it never frees or finalizes it, and
    /// [`crate::Heap::find_object`] never returns it. Panics (at compile time in a const context) if
    /// `kind == 0`. Does not allocate.
    pub const fn new_static(kind: u8, flags: u16, class: u64) -> Header {
        assert!(kind != 0, "kind 0 is reserved for free cells");
        Header {
            meta: AtomicU64::new(initial_meta(kind, flags) | STATIC_BIT),
            class: AtomicU64::new(class),
            stm: AtomicU64::new(0),
        }
    }

    /// The whole `meta` word.
    #[inline(always)]
    pub fn meta(&self) -> u64 {
        self.meta.load(Ordering::Relaxed)
    }

    /// The kind byte (0 only for a free cell).
    #[inline(always)]
    pub fn kind(&self) -> u8 {
        (self.meta.load(Ordering::Relaxed) & KIND_MASK) as u8
    }

    /// The 16 VM flag bits.
    #[inline(always)]
    pub fn flags(&self) -> u16 {
        ((self.meta.load(Ordering::Relaxed) & FLAGS_MASK) >> FLAGS_SHIFT) as u16
    }

    /// Replaces the 16 VM flag bits, preserving kind and GC bits (an atomic read-modify-write, so a
    /// concurrent marker setting the mark bit is never lost).
    #[inline]
    pub fn set_flags(&self, f: u16) {
        let new_flags = (f as u64) << FLAGS_SHIFT;
        let mut cur = self.meta.load(Ordering::Relaxed);
        loop {
            let new = (cur & !FLAGS_MASK) | new_flags;
            match self
                .meta
                .compare_exchange_weak(cur, new, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return,
                Err(actual) => cur = actual,
            }
        }
    }

    /// Sets the given VM flag bits (atomic OR), preserving everything else.
    #[inline]
    pub fn insert_flags(&self, f: u16) {
        self.meta
            .fetch_or((f as u64) << FLAGS_SHIFT, Ordering::Relaxed);
    }

    /// Clears the given VM flag bits (atomic AND), preserving everything else.
    #[inline]
    pub fn remove_flags(&self, f: u16) {
        self.meta
            .fetch_and(!((f as u64) << FLAGS_SHIFT), Ordering::Relaxed);
    }

    /// The 8 GC bits (bits 8..16 of `meta`, shifted down).
    #[inline(always)]
    pub fn gc_bits(&self) -> u8 {
        ((self.meta.load(Ordering::Relaxed) & GC_BITS_MASK) >> 8) as u8
    }

    /// Whether the mark bit is set (only meaningful during a collection; false for every object between
    /// collections).
    #[inline(always)]
    pub fn is_marked(&self) -> bool {
        self.meta.load(Ordering::Relaxed) & MARK_BIT != 0
    }

    /// Whether this header was made by [`Header::new_static`].
    #[inline(always)]
    pub fn is_static(&self) -> bool {
        self.meta.load(Ordering::Relaxed) & STATIC_BIT != 0
    }

    /// Whether this is a free cell (kind 0).
    #[inline(always)]
    pub fn is_free(&self) -> bool {
        self.kind() == 0
    }

    /// The class word.
    #[inline(always)]
    pub fn class(&self) -> u64 {
        self.class.load(Ordering::Relaxed)
    }

    /// Replaces the class word.
    #[inline(always)]
    pub fn set_class(&self, class: u64) {
        self.class.store(class, Ordering::Relaxed);
    }
}
