//! Native stack support: the range a conservative scan must cover, and how much stack is left.
//!
//! # Stack range
//! Each thread records its stack *base* once ([`register_thread_stack_base`]): the address of a local in
//! its outermost Rust frame that can hold heap references. [`with_stack_range`] first spills the
//! callee-saved registers into an array in its own frame (inline asm on x86_64 and aarch64), then reads
//! the stack pointer, and calls `f(lo, hi)` with `lo` = that stack pointer and `hi` = the base. Every
//! frame between the caller of the registering frame and `with_stack_range` lies in `[lo, hi)`, and so do
//! the values the compiler kept in callee-saved registers: either a frame saved them in its prologue (in
//! range) or they still hold them at the spill (in the array, in range). Caller-saved registers hold no
//! live values across the call. On other architectures the spill is skipped: the scan then misses a
//! reference that lives only in a callee-saved register (best effort; document it where used).
//!
//! Locals of the frame that registered the base may lie above the registered address, so register from a
//! frame that holds no heap references itself (a thread's entry closure that calls the interpreter).
//!
//! # Remaining stack
//! [`remaining_stack`] compares the current stack pointer with the thread's lowest usable stack address
//! (plus the guard size), obtained once per thread from `pthread_getattr_np` on Linux and cached in a
//! thread-local, or set explicitly with [`set_thread_stack_limit`]. The VM checks it before nesting an
//! interpreter loop and raises RecursionError instead of overflowing.
//!
//! # Reading words
//! [`load_word`] reads a stack word with an inline-asm load on x86_64 and aarch64 (the value of an asm
//! output is always initialised, so scanning padding or never-written slots is defined), and with a
//! volatile read elsewhere. No atomics are involved, so no orderings.

use std::cell::Cell;

#[derive(Clone, Copy)]
struct StackInfo {
    /// Registered base (0 = not registered).
    base: usize,
    /// Lowest usable address (0 = unknown).
    limit: usize,
    /// Highest address of the thread's stack as the OS reports it (0 = unknown).
    top: usize,
    /// Whether `limit`/`top` were queried (or set) already.
    queried: bool,
}

thread_local! {
    static STACK: Cell<StackInfo> = const {
        Cell::new(StackInfo { base: 0, limit: 0, top: 0, queried: false })
    };
}

/// Records the calling thread's stack base (the address of a local in the thread's outermost Rust frame
/// that can hold heap references). Call once per thread, early. Cheap; never allocates.
pub fn register_thread_stack_base(addr: usize) {
    STACK.with(|s| {
        let mut i = s.get();
        i.base = addr;
        s.set(i);
    });
}

/// The registered stack base of the calling thread, if any.
pub fn thread_stack_base() -> Option<usize> {
    let b = STACK.with(|s| s.get().base);
    (b != 0).then_some(b)
}

/// Sets the calling thread's lowest usable stack address explicitly (for platforms where
/// [`remaining_stack`] cannot query it, e.g. a thread created with a known stack size: `base - size`).
pub fn set_thread_stack_limit(limit: usize) {
    STACK.with(|s| {
        let mut i = s.get();
        i.limit = limit;
        i.queried = true;
        s.set(i);
    });
}

fn info() -> StackInfo {
    STACK.with(|s| {
        let mut i = s.get();
        if !i.queried {
            if let Some((lo, hi)) = os::query_stack() {
                i.limit = lo;
                i.top = hi;
            }
            i.queried = true;
            s.set(i);
        }
        i
    })
}

/// Spills callee-saved registers onto the stack, then calls `f(lo, hi)` with the current thread's live
/// stack range `[lo, hi)`: `lo` is the current stack pointer (below the spilled registers), `hi` the
/// registered base (or, if none was registered, the top of the thread's stack as the OS reports it, or
/// `lo` if unknown: an empty range). Frames called by `f` are not in the range. Never allocates from the
/// GC heap (an unregistered thread's first call queries pthread, which may use malloc).
#[inline(never)]
pub fn with_stack_range<R>(f: impl FnOnce(usize, usize) -> R) -> R {
    let mut regs = [0usize; SPILL_WORDS];
    let lo = spill_registers(&mut regs);
    let hi = match thread_stack_base() {
        Some(b) => b,
        None => info().top,
    };
    let r = f(lo, hi.max(lo));
    // Keeps the spill array alive (and in this frame) until `f` has returned.
    std::hint::black_box(&mut regs);
    r
}

/// Bytes of stack left below the current frame before the thread's stack limit (`None` if the limit is
/// unknown on this platform and was not set). Cheap after the first call on a thread (the first call on
/// Linux queries pthread, which for the main thread reads /proc and may malloc). Never touches the GC heap.
#[inline(never)]
pub fn remaining_stack() -> Option<usize> {
    let here = std::hint::black_box(0u8);
    let sp = &here as *const u8 as usize;
    let limit = info().limit;
    (limit != 0).then(|| sp.saturating_sub(limit))
}

/// Reads the 8-byte word at `p` with one load the compiler cannot reason about.
///
/// # Safety
/// `p` must be 8-aligned and point to 8 readable bytes.
#[inline]
pub(crate) unsafe fn load_word(p: usize) -> u64 {
    #[cfg(target_arch = "x86_64")]
    {
        let v: u64;
        // SAFETY: `p` is 8-aligned and readable (caller's contract); the asm only loads from it.
        unsafe {
            std::arch::asm!(
                "mov {v}, qword ptr [{p}]",
                p = in(reg) p,
                v = lateout(reg) v,
                options(nostack, preserves_flags, readonly)
            );
        }
        v
    }
    #[cfg(target_arch = "aarch64")]
    {
        let v: u64;
        // SAFETY: `p` is 8-aligned and readable (caller's contract); the asm only loads from it.
        unsafe {
            std::arch::asm!(
                "ldr {v}, [{p}]",
                p = in(reg) p,
                v = lateout(reg) v,
                options(nostack, preserves_flags, readonly)
            );
        }
        v
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        // SAFETY: `p` is 8-aligned and readable (caller's contract). Best effort: a volatile read of stack
        // slots the compiler considers uninitialised.
        unsafe { std::ptr::read_volatile(p as *const u64) }
    }
}

#[cfg(target_arch = "x86_64")]
const SPILL_WORDS: usize = 8;
#[cfg(target_arch = "aarch64")]
const SPILL_WORDS: usize = 12;
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const SPILL_WORDS: usize = 1;

/// Stores the callee-saved general registers into `regs` and returns the stack pointer.
#[inline(always)]
fn spill_registers(regs: &mut [usize; SPILL_WORDS]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let sp: usize;
        // SAFETY: stores 8 registers into the 8-word array `regs` (valid for writes) and reads rsp; no
        // other memory or register is changed. rdi/rsi are callee-saved on Windows only; spilling them
        // elsewhere is harmless.
        unsafe {
            std::arch::asm!(
                "mov [{r}], rbx",
                "mov [{r} + 8], rbp",
                "mov [{r} + 16], r12",
                "mov [{r} + 24], r13",
                "mov [{r} + 32], r14",
                "mov [{r} + 40], r15",
                "mov [{r} + 48], rdi",
                "mov [{r} + 56], rsi",
                "mov {sp}, rsp",
                r = in(reg) regs.as_mut_ptr(),
                sp = lateout(reg) sp,
                options(nostack, preserves_flags)
            );
        }
        sp
    }
    #[cfg(target_arch = "aarch64")]
    {
        let sp: usize;
        // SAFETY: stores x19..x29 (11 registers) into the 12-word array `regs` (valid for writes) and
        // reads sp; no other memory or register is changed.
        unsafe {
            std::arch::asm!(
                "stp x19, x20, [{r}]",
                "stp x21, x22, [{r}, #16]",
                "stp x23, x24, [{r}, #32]",
                "stp x25, x26, [{r}, #48]",
                "stp x27, x28, [{r}, #64]",
                "str x29, [{r}, #80]",
                "mov {sp}, sp",
                r = in(reg) regs.as_mut_ptr(),
                sp = lateout(reg) sp,
                options(nostack, preserves_flags)
            );
        }
        sp
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        // Portable fallback (best effort): no spill; the array's address approximates the stack pointer.
        std::hint::black_box(regs.as_mut_ptr()) as usize
    }
}

#[cfg(target_os = "linux")]
mod os {
    use std::ffi::{c_int, c_void};
    use std::mem::MaybeUninit;

    /// Storage for a `pthread_attr_t` (56 bytes on x86_64 glibc/musl, 64 on aarch64): over-sized and
    /// 8-aligned, which is all the C side needs.
    #[repr(C, align(8))]
    struct PthreadAttr([u8; 128]);

    unsafe extern "C" {
        safe fn pthread_self() -> usize;
        fn pthread_getattr_np(thread: usize, attr: *mut PthreadAttr) -> c_int;
        fn pthread_attr_getstack(
            attr: *const PthreadAttr,
            stackaddr: *mut *mut c_void,
            stacksize: *mut usize,
        ) -> c_int;
        fn pthread_attr_getguardsize(attr: *const PthreadAttr, guardsize: *mut usize) -> c_int;
        fn pthread_attr_destroy(attr: *mut PthreadAttr) -> c_int;
    }

    /// `(lowest usable address, top)` of the calling thread's stack.
    pub fn query_stack() -> Option<(usize, usize)> {
        let mut attr = MaybeUninit::<PthreadAttr>::zeroed();
        // SAFETY: `attr` is writable storage large and aligned enough for a pthread_attr_t; on success it
        // is initialised by pthread_getattr_np, read by the getters, and destroyed exactly once.
        unsafe {
            if pthread_getattr_np(pthread_self(), attr.as_mut_ptr()) != 0 {
                return None;
            }
            let mut addr: *mut c_void = std::ptr::null_mut();
            let mut size = 0usize;
            let mut guard = 0usize;
            let ok = pthread_attr_getstack(attr.as_ptr(), &mut addr, &mut size) == 0;
            if pthread_attr_getguardsize(attr.as_ptr(), &mut guard) != 0 {
                guard = 0;
            }
            pthread_attr_destroy(attr.as_mut_ptr());
            (ok && !addr.is_null()).then(|| (addr as usize + guard, addr as usize + size))
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod os {
    /// Unknown on this platform: use `set_thread_stack_limit`.
    pub fn query_stack() -> Option<(usize, usize)> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_and_remaining() {
        let base = 0u64;
        register_thread_stack_base(std::hint::black_box(&base) as *const u64 as usize + 8);
        let (lo, hi) = with_stack_range(|lo, hi| (lo, hi));
        assert!(lo < hi && hi - lo < 1 << 20, "{lo:#x}..{hi:#x}");
        #[cfg(target_os = "linux")]
        {
            let r1 = remaining_stack().expect("linux knows the stack limit");
            fn deeper(n: usize) -> usize {
                let pad = std::hint::black_box([0u8; 256]);
                if n == 0 {
                    remaining_stack().unwrap() + pad[0] as usize
                } else {
                    deeper(n - 1) + pad[1] as usize
                }
            }
            let r2 = deeper(16);
            assert!(r2 + 16 * 256 <= r1, "{r2} vs {r1}");
            assert!(r1 > 64 * 1024);
        }
    }

    #[test]
    fn unregistered_thread_uses_os_top() {
        std::thread::spawn(|| {
            let (lo, hi) = with_stack_range(|lo, hi| (lo, hi));
            #[cfg(target_os = "linux")]
            assert!(lo < hi);
            assert!(lo <= hi);
        })
        .join()
        .unwrap();
    }
}
