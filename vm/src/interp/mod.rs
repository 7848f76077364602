//! The interpreter: the per-thread `Vm`, allocation helpers, and the submodules that execute bytecode.
//!
//! `Vm<M>` is one Python thread's state: its frame stack and value stack, its allocation context, and a
//! handle on the process-wide runtime (types, modules, interned strings). `M` is the access-layer mode
//! (`access::Gil` today); the whole interpreter is monomorphised for it.
//!
//! What may happen where (the first question a reader of a VM has):
//! * allocation (`alloc*`, `new_*`) never collects and never runs Python code;
//! * `call*`, attribute access, operators, `repr`/`str`/`hash`/`==` may run Python code, and so may reach a
//!   safepoint, where the GC may run;
//! * the GC runs only at safepoints of the dispatch loop (`eval.rs`), never inside a native function
//!   except through a nested loop.

pub mod attr;
pub mod call;
pub mod containers;
pub mod eval;
pub mod eval_support;
pub mod exc;
pub mod frame;
pub mod func;
pub mod gc;
pub mod import;
pub mod iter;
pub mod ops;
pub mod runtime;
pub mod stm_sched;
pub mod threads;
pub mod transaction;

use crate::access::{Mode, Slot, TxCtx};
use crate::object::*;
use crate::value::Value;
use frame::FrameInfo;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
pub use runtime::{ExcTypes, Runtime, Types};
use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use weft_gc::{Header, Heap, Mutator};
use weft_stm::freeze;

/// Header `stm` word of an object no transaction claims (another thread conflicted on it, or it is of a
/// kind or size `Vm::stm_claim_affine` does not claim).
pub const STM_SHARED: u64 = u64::MAX;
/// The thread-slot bits of an owner word (see `Vm::owns`).
pub const STM_THREAD_MASK: u64 = 0xffff;
/// Largest number of slots `Vm::stm_claim_affine` claims in one object.
const CLAIM_MAX_SLOTS: usize = 128;

/// A raised Python exception, or (from issue 4 on) a transaction abort that no `except` can catch.
#[derive(Debug, Clone, Copy)]
pub enum PyErr {
    /// A Python exception object (an instance of BaseException).
    Exc(Value),
}

/// Result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

/// A native function: `(vm, args, kwnames)`; the last `kwnames.len()` of `args` are keyword values.
pub type NativeFn<M> = fn(&mut Vm<M>, &[Value], &[Value]) -> PyResult<Value>;

/// One entry of the native function table.
pub struct NativeEntry<M: Mode> {
    pub name: &'static str,
    pub f: NativeFn<M>,
}

impl<M: Mode> Clone for NativeEntry<M> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M: Mode> Copy for NativeEntry<M> {}

/// One Python thread's interpreter state.
pub struct Vm<M: Mode> {
    /// The access layer's per-thread context (the running transaction under `--stm`).
    pub cx: M::Ctx,
    /// Where this thread's transactions begin and end, and what an abort restores (`--stm` only).
    pub txs: stm_sched::TxState,
    pub heap: &'static Heap,
    pub mutator: Mutator,
    /// Values of all active frames (locals, cells, operand stacks), bottom frame first.
    pub stack: Vec<Value>,
    pub frames: Vec<FrameInfo>,
    /// Extra precise roots pushed by native code (stack discipline).
    pub temp_roots: Vec<Value>,
    pub types: Types,
    pub exc: ExcTypes,
    pub rt: Runtime,
    /// This thread's copy of the native table (a prefix of `shared.natives`, refreshed on a miss).
    pub natives: Vec<NativeEntry<M>>,
    /// What all threads share: the native table (global ids) and the interned strings.
    pub shared: std::sync::Arc<threads::Shared<M>>,
    /// The exception currently being handled (`sys.exc_info()`), or NULL.
    pub exc_info: Value,
    /// This thread's cache of interned strings (a subset of `shared.interned`, which is the GC root).
    pub interned: HashMap<Box<str>, Value>,
    pub recursion_limit: usize,
    /// Nesting depth of interpreter loops entered from native code.
    pub native_depth: usize,
    /// Nesting depth of `pypystm.atomic` blocks (0 = none). While it is non-zero the thread is never
    /// switched out (GIL) and its transaction never ends at a switch point (STM).
    pub atomic_depth: usize,
    /// `threading.get_ident()` of this thread (the main thread is 1).
    pub ident: u64,
    /// Set by `Reraise`/bare `raise`: the unwinder must not add a traceback entry for this frame.
    pub reraising: bool,
    /// Containers whose repr is being computed (for `[...]` on self-reference); also GC roots.
    pub repr_stack: Vec<Value>,
    /// This thread's memo of attribute-cache plans (`interp/attr.rs`).
    pub attr_memo: attr::AttrMemo,
    pub(crate) _mode: std::marker::PhantomData<M>,
}

impl<M: Mode> Vm<M> {
    // ----- mutable state through the access layer -------------------------------------------------

    #[inline(always)]
    pub fn load(&self, s: &Slot) -> Value {
        M::load(&self.cx, s)
    }
    #[inline(always)]
    pub fn store(&self, s: &Slot, v: Value) {
        if M::STM && stm_sched::log_on() {
            self.stm_note_write(s);
        }
        M::store(&self.cx, s, v)
    }
    #[inline(always)]
    pub fn load_raw(&self, s: &Slot) -> u64 {
        M::load_raw(&self.cx, s)
    }
    #[inline(always)]
    pub fn store_raw(&self, s: &Slot, n: u64) {
        if M::STM && stm_sched::log_on() {
            self.stm_note_write(s);
        }
        M::store_raw(&self.cx, s, n)
    }

    /// Under `--stm`: whether the running transaction owns object `o` (created it, or claimed it with
    /// barrier writes of all its slots: `stm_claim`): its slots are then read and written without
    /// barriers. The owner is in the header's `stm` word: `txs.cur_id`, the running attempt's id shifted
    /// left 16 bits with the thread's slot number in the low 16 bits. Always false in GIL mode.
    #[inline(always)]
    pub fn owns(&self, o: Value) -> bool {
        M::STM && o.is_ptr() && header(o).stm.load(Ordering::Relaxed) == self.txs.cur_id
    }

    /// [`Vm::owns`] of `o` known to be a heap object: the object a slot passed to `load_o`/`store_o`
    /// belongs to (the slot was found through it), so the accessors skip the pointer test.
    #[inline(always)]
    fn owns_obj(&self, o: Value) -> bool {
        debug_assert!(o.is_ptr(), "load_o/store_o of a slot of a non-object");
        M::STM && header(o).stm.load(Ordering::Relaxed) == self.txs.cur_id
    }

    /// Claims `o`, which the running transaction does not own, if an earlier transaction of this
    /// thread created or claimed it (the low 16 bits of its owner word are this thread's) and no other
    /// thread has conflicted on it since (`STM_SHARED`): data a thread keeps to itself across
    /// transactions is then read and written without barriers after one barrier write per slot. See
    /// [`Vm::stm_claim_affine`].
    #[inline(always)]
    fn claims(&self, o: Value) -> bool {
        if !o.is_ptr() {
            return false;
        }
        let w = header(o).stm.load(Ordering::Relaxed);
        (w ^ self.txs.cur_id) & STM_THREAD_MASK == 0
            && w != STM_SHARED
            && self.stm_restartable()
            && self.stm_claim_affine(o)
    }

    /// `load` of a slot of object `o` (no barrier if the transaction owns `o`).
    #[inline(always)]
    pub fn load_o(&self, o: Value, s: &Slot) -> Value {
        Value::from_bits(self.load_raw_o(o, s))
    }
    /// `store` to a slot of object `o` (no barrier if the transaction owns `o`).
    #[inline(always)]
    pub fn store_o(&self, o: Value, s: &Slot, v: Value) {
        self.store_raw_o(o, s, v.bits())
    }
    /// `load_raw` of a slot of object `o` (no barrier if the transaction owns `o`). `o` must be the
    /// heap object that holds `s` (true of every caller: the slot is a field of `o`).
    #[inline(always)]
    pub fn load_raw_o(&self, o: Value, s: &Slot) -> u64 {
        if !M::STM {
            return self.load_raw(s);
        }
        // Exclusive (no other thread runs Python): every access is plain, no owner check needed.
        if self.cx.exclusive() || self.owns_obj(o) {
            return s.owned_load();
        }
        self.load_raw_o_barrier(o, s)
    }

    /// The part of [`Vm::load_raw_o`] for an object the transaction does not own: claim it, or a
    /// barrier read. Out of line, so that the owned fast path inlines into its callers without the
    /// barrier's registers.
    ///
    /// First the frozen check: an object frozen at a version no newer than the snapshot
    /// (`weft_stm::freeze`) is read with no orec check and no read-log entry. After a barrier read
    /// of another thread's object, `stm_observe` moves it towards frozen.
    #[inline(never)]
    fn load_raw_o_barrier(&self, o: Value, s: &Slot) -> u64 {
        // The frozen fast path makes no call, so this part needs no stack frame; everything else
        // is a tail call.
        if !o.is_ptr() {
            return self.load_raw_o_barrier_slow(o, s, 0, false);
        }
        let t = header(o).stm.load(Ordering::Relaxed);
        let frozen = t.wrapping_sub(freeze::FROZEN) < self.cx.frozen_limit();
        if frozen {
            if let Some(n) = self.cx.try_read_frozen(&header(o).stm, t, s) {
                return n;
            }
        }
        self.load_raw_o_barrier_slow(o, s, t, frozen)
    }

    /// [`Vm::load_raw_o_barrier`] past the frozen fast path: `t` is the header tag it read, and
    /// `frozen` whether that was a frozen tag it could not use at once (the frozen generation
    /// moved, or the header changed).
    #[inline(never)]
    fn load_raw_o_barrier_slow(&self, o: Value, s: &Slot, t: u64, frozen: bool) -> u64 {
        if !o.is_ptr() {
            return match M::try_load_raw(&self.cx, s) {
                Ok(n) => n,
                Err(a) => self.stm_conflict_on(o, a),
            };
        }
        if frozen {
            match self.cx.read_frozen(&header(o).stm, t, s) {
                Ok(Some(n)) => return n,
                Ok(None) => {}
                Err(a) => self.cx.abort_now(a),
            }
        }
        if self.claims(o) {
            return s.owned_load();
        }
        let n = match M::try_load_raw(&self.cx, s) {
            Ok(n) => n,
            Err(a) => self.stm_conflict_on(o, a),
        };
        // Objects of other threads (or of none) that are not frozen yet nor excluded.
        if ((t ^ self.txs.cur_id) & STM_THREAD_MASK != 0 || t & STM_THREAD_MASK == 0)
            && freeze::worth_observing(t, self.cx.frozen_limit())
        {
            self.stm_observe(o, t);
        }
        n
    }

    /// The most words a freeze locks (larger storage arrays and instances are never frozen).
    const FREEZE_MAX_SLOTS: usize = 1 << 16;

    /// See [`Vm::load_raw_o_barrier`]: a freezable object goes one step towards frozen.
    #[cold]
    #[inline(never)]
    fn stm_observe(&self, o: Value, t: u64) {
        let k = kind_of(o);
        let ok = if k == Kind::List as u8 || k == Kind::Dict as u8 {
            true
        } else if k == Kind::ValueArray as u8 {
            obj::<ValueArray>(o).cap <= Self::FREEZE_MAX_SLOTS
        } else if k == Kind::Instance as u8 {
            obj::<InstanceObj>(o).nslots < Self::FREEZE_MAX_SLOTS
        } else {
            false
        };
        if ok {
            self.cx
                .observe(&header(o).stm, t, |f| Self::freeze_words(o, f));
        }
    }

    /// Calls `f` on every mutable word of `o` (a list, dict, storage array or instance) until it
    /// returns false; returns false if it stopped early. Must cover every word a transaction can
    /// write (a word left out could be written in place under a frozen reader).
    fn freeze_words(o: Value, each: &mut dyn FnMut(&Slot) -> bool) -> bool {
        let k = kind_of(o);
        if k == Kind::List as u8 {
            obj::<ListObj>(o).mutable_words().into_iter().all(each)
        } else if k == Kind::Dict as u8 {
            obj::<DictObj>(o).mutable_words().into_iter().all(each)
        } else if k == Kind::ValueArray as u8 {
            obj::<ValueArray>(o).slots().iter().all(each)
        } else {
            let i = obj::<InstanceObj>(o);
            each(&i.dict) && (0..i.nslots).all(|n| each(i.slot(n)))
        }
    }
    /// `store_raw` to a slot of object `o` (no barrier if the transaction owns `o`); `o` as for
    /// [`Vm::load_raw_o`].
    #[inline(always)]
    pub fn store_raw_o(&self, o: Value, s: &Slot, n: u64) {
        if !M::STM {
            return self.store_raw(s, n);
        }
        if self.cx.exclusive() || self.owns_obj(o) {
            return s.owned_store(n);
        }
        self.store_raw_o_barrier(o, s, n)
    }

    /// The part of [`Vm::store_raw_o`] for an object the transaction does not own (see
    /// [`Vm::load_raw_o_barrier`]).
    #[inline(never)]
    fn store_raw_o_barrier(&self, o: Value, s: &Slot, n: u64) {
        if self.claims(o) {
            return s.owned_store(n);
        }
        if stm_sched::log_on() {
            let frozen = o.is_ptr() && freeze::is_frozen(header(o).stm.load(Ordering::Relaxed));
            self.stm_note_write_in(s, frozen);
        }
        let r = if o.is_ptr() {
            self.cx.write_in(&header(o).stm, s, n)
        } else {
            M::try_store_raw(&self.cx, s, n)
        };
        if let Err(a) = r {
            self.stm_conflict_on(o, a)
        }
    }

    /// A barrier on a slot of `o` found a conflict: `o` is shared with another thread, so no
    /// transaction claims it from now on (`claims`); then the transaction aborts.
    #[cold]
    #[inline(never)]
    fn stm_conflict_on(&self, o: Value, a: crate::access::Abort) -> ! {
        // (A freeze tag already keeps the object from being claimed; `NOFREEZE` must stay.)
        if o.is_ptr() && !freeze::is_freeze_tag(header(o).stm.load(Ordering::Relaxed)) {
            header(o).stm.store(STM_SHARED, Ordering::Relaxed);
        }
        self.cx.abort_now(a)
    }

    /// Under `--stm`: makes the running transaction own object `o` whose mutable slots are `slots`
    /// (write-locks each with a barrier write of its current value, then marks the header), so later
    /// accesses in this transaction skip the barriers. For small objects stepped in loops (iterators).
    /// A conflict marks `o` shared (see `stm_conflict_on`).
    #[inline]
    pub fn stm_claim(&self, o: Value, slots: &[&Slot]) {
        if !M::STM || self.owns(o) {
            return;
        }
        self.stm_claim_slots(o, slots)
    }

    /// [`Vm::stm_claim`] past the owner check (out of line: the interpreter loop inlines the check).
    #[inline(never)]
    fn stm_claim_slots(&self, o: Value, slots: &[&Slot]) {
        self.stm_claim_iter(o, slots.iter().copied())
    }

    fn stm_claim_iter<'s>(&self, o: Value, slots: impl Iterator<Item = &'s Slot>) {
        if !M::STM || self.owns(o) {
            return;
        }
        for s in slots {
            if let Err(a) = M::try_claim_raw(&self.cx, s) {
                self.stm_conflict_on(o, a)
            }
        }
        // With every word locked nobody can freeze `o` now, and a freeze that finished before
        // released the words to us: this load sees its tag. The header changes before the frozen
        // generation moves (weft_stm::freeze).
        let prev = header(o).stm.load(Ordering::Acquire);
        header(o).stm.store(self.txs.cur_id, Ordering::Release);
        self.cx.unfreeze_replaced(prev);
    }

    /// Claims `o` (see `claims`) if the running transaction can be restarted (an inevitable or
    /// exclusive one gains little and must not hold more locks than it needs) and `o` is of a kind with
    /// few mutable slots: a list (its length, storage and dict words), a dict (its header words), a
    /// list's or dict's storage of at most `CLAIM_MAX_SLOTS` words, an instance (dict word and
    /// `__slots__`). Returns whether it did.
    #[cold]
    #[inline(never)]
    fn stm_claim_affine(&self, o: Value) -> bool {
        // (The caller checked `stm_restartable`: never inevitable, so never exclusive either.)
        if self.txs.cur_id == 0 {
            return false;
        }
        let k = kind_of(o);
        if k == Kind::List as u8 {
            self.stm_claim(o, &obj::<ListObj>(o).mutable_words());
        } else if k == Kind::Dict as u8 {
            self.stm_claim(o, &obj::<DictObj>(o).mutable_words());
        } else if k == Kind::ValueArray as u8 && obj::<ValueArray>(o).cap <= CLAIM_MAX_SLOTS {
            self.stm_claim_iter(o, obj::<ValueArray>(o).slots().iter());
        } else if k == Kind::Instance as u8 && obj::<InstanceObj>(o).nslots <= CLAIM_MAX_SLOTS {
            let i = obj::<InstanceObj>(o);
            self.stm_claim_iter(
                o,
                std::iter::once(&i.dict).chain((0..i.nslots).map(|n| i.slot(n))),
            );
        } else {
            // Never claimable (kind or size): say so once instead of asking at every access.
            header(o).stm.store(STM_SHARED, Ordering::Relaxed);
            return false;
        }
        true
    }

    // ----- allocation --------------------------------------------------------------------------------

    /// Allocates an object of layout `T` with `extra` bytes after the fixed part, initialised to `init`
    /// (whose header is overwritten with `class` and T's kind). Never collects. On failure of the OS
    /// allocator, a MemoryError.
    pub fn alloc_var<T: PyObj>(&mut self, class: Value, init: T, extra: usize) -> PyResult<Value> {
        let size = std::mem::size_of::<T>() + extra;
        let p = match self.mutator.alloc(size, T::KIND as u8, 0, class.bits()) {
            Ok(p) => p,
            Err(_) => return Err(self.memory_error()),
        };
        // SAFETY: `p` is a fresh, zero-filled allocation of at least size_of::<T>() bytes, suitably
        // aligned (8 bytes, T's alignment), that nothing else references yet; we move `init` in and then
        // restore the header fields the allocator set (kind, class).
        unsafe {
            std::ptr::write(p as *mut T, init);
            let h = &*(p as *const Header);
            h.meta.store(T::KIND as u64, Ordering::Relaxed);
            h.class.store(class.bits(), Ordering::Relaxed);
            // Under --stm the creating transaction owns the new object (see `owns`).
            h.stm
                .store(if M::STM { self.txs.cur_id } else { 0 }, Ordering::Relaxed);
        }
        Ok(Value::from_header_ptr(p))
    }

    /// Allocates an object of an immutable builtin layout (str, bytes, int, complex, tuple) whose class
    /// is `cls`, with `extra` bytes after the fixed part. An instance of a user subclass with a
    /// `__dict__` gets one more word, its trailing instance-dict slot (NULL until first used; see
    /// `DICT_TAIL_FLAG`); the builtin types themselves and `__slots__` subclasses do not.
    pub fn alloc_with_dict<T: PyObj>(
        &mut self,
        cls: Value,
        init: T,
        extra: usize,
    ) -> PyResult<Value> {
        let t = obj::<TypeObj>(cls);
        if t.builtin || !t.has_dict {
            return self.alloc_var(cls, init, extra);
        }
        let v = self.alloc_var(cls, init, extra + std::mem::size_of::<Slot>())?;
        let h = header(v);
        let size = std::mem::size_of::<T>() + extra;
        // SAFETY: `v` was just allocated with one more Slot-sized word at offset `size`, 8-byte aligned
        // (repr(C) layout sizes and `extra` are multiples of 8); nothing else references it yet.
        let tail = unsafe { &*((h as *const Header as *const u8).add(size) as *const Slot) };
        tail.init(Value::NULL);
        h.insert_flags(DICT_TAIL_FLAG);
        debug_assert!(dict_tail(v).is_some_and(|s| std::ptr::eq(s, tail)));
        Ok(v)
    }

    /// Allocates a fixed-size object.
    #[inline]
    pub fn alloc<T: PyObj>(&mut self, class: Value, init: T) -> PyResult<Value> {
        self.alloc_var(class, init, 0)
    }

    /// A header for `init` structs (overwritten by `alloc`).
    #[inline(always)]
    pub fn hdr() -> Header {
        Header {
            meta: AtomicU64::new(0),
            class: AtomicU64::new(0),
            stm: AtomicU64::new(0),
        }
    }

    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        self.mutator.account_external(s.len());
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        let cls = self.types.str;
        self.alloc(
            cls,
            StrObj {
                header: Self::hdr(),
                hash: AtomicI64::new(0),
                char_len,
                s: s.into(),
                wide: None,
            },
        )
    }

    /// A str from text that may have lone surrogates.
    pub fn new_text(&mut self, t: crate::text::Text) -> PyResult<Value> {
        match t {
            crate::text::Text::Utf8(s) => self.new_string(s),
            crate::text::Text::Wide(cps) => {
                let cls = self.types.str;
                self.new_wide_of(cls, cps)
            }
        }
    }

    /// A str of class `cls` from code points (below 0x110000) that may include lone surrogates.
    pub fn new_wide_of(&mut self, cls: Value, cps: Vec<u32>) -> PyResult<Value> {
        if !cps.iter().any(|&c| crate::text::wide::is_surrogate(c)) {
            let s: String = cps.iter().filter_map(|&c| char::from_u32(c)).collect();
            if cls == self.types.str {
                return self.new_string(s);
            }
            let char_len = cps.len();
            return self.alloc_with_dict(
                cls,
                StrObj {
                    header: Self::hdr(),
                    hash: AtomicI64::new(0),
                    char_len,
                    s: s.into_boxed_str(),
                    wide: None,
                },
                0,
            );
        }
        let lossy = crate::text::wide::lossy(&cps);
        self.mutator.account_external(lossy.len() + cps.len() * 4);
        self.alloc_with_dict(
            cls,
            StrObj {
                header: Self::hdr(),
                hash: AtomicI64::new(0),
                char_len: cps.len(),
                s: lossy.into_boxed_str(),
                wide: Some(Box::new(cps)),
            },
            0,
        )
    }

    pub fn new_string(&mut self, s: String) -> PyResult<Value> {
        self.mutator.account_external(s.len());
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        let cls = self.types.str;
        self.alloc(
            cls,
            StrObj {
                header: Self::hdr(),
                hash: AtomicI64::new(0),
                char_len,
                s: s.into_boxed_str(),
                wide: None,
            },
        )
    }

    /// An object of class `class` whose state is the Rust value `data` (see `OpaqueObj`).
    pub fn new_opaque<T: std::any::Any + Send + Sync>(
        &mut self,
        class: Value,
        data: T,
    ) -> PyResult<Value> {
        self.mutator.account_external(std::mem::size_of::<T>());
        self.alloc(
            class,
            OpaqueObj {
                header: Self::hdr(),
                data: Box::new(data),
            },
        )
    }

    /// The Rust state of `v` if it is an opaque object holding a `T`.
    pub fn opaque<'a, T: std::any::Any>(&self, v: Value) -> Option<&'a T> {
        cast::<OpaqueObj>(v).and_then(|o| o.data.downcast_ref::<T>())
    }

    /// The interned str for `s` (identifiers, attribute names): equal names are the same object.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.interned.get(s) {
            return *v;
        }
        let shared = self.shared.clone();
        let mut g = shared.interned.lock().unwrap_or_else(|e| e.into_inner());
        let v = match g.get(s) {
            Some(v) => *v,
            None => {
                let v = self.new_str(s).expect("out of memory while interning");
                g.insert(s.into(), v);
                v
            }
        };
        drop(g);
        self.interned.insert(s.into(), v);
        v
    }

    pub fn new_bytes(&mut self, b: &[u8]) -> PyResult<Value> {
        self.mutator.account_external(b.len());
        let cls = self.types.bytes;
        self.alloc(
            cls,
            BytesObj {
                header: Self::hdr(),
                hash: AtomicI64::new(0),
                b: b.into(),
            },
        )
    }

    pub fn new_float(&self, x: f64) -> Value {
        Value::float(x)
    }

    /// An int from a BigInt, stored small when it fits.
    pub fn new_bigint(&mut self, v: BigInt) -> PyResult<Value> {
        if let Some(i) = v.to_i64() {
            if let Some(s) = Value::try_small_int(i) {
                return Ok(s);
            }
        }
        self.mutator.account_external(v.bits() as usize / 8);
        let cls = self.types.int;
        self.alloc(
            cls,
            BigIntObj {
                header: Self::hdr(),
                v,
            },
        )
    }

    /// An int from an i64.
    #[inline]
    pub fn new_int(&mut self, i: i64) -> PyResult<Value> {
        match Value::try_small_int(i) {
            Some(v) => Ok(v),
            None => self.new_bigint(BigInt::from(i)),
        }
    }

    pub fn new_int_i128(&mut self, i: i128) -> PyResult<Value> {
        if let Ok(x) = i64::try_from(i) {
            self.new_int(x)
        } else {
            self.new_bigint(BigInt::from(i))
        }
    }

    pub fn new_complex(&mut self, re: f64, im: f64) -> PyResult<Value> {
        let cls = self.types.complex;
        self.alloc(
            cls,
            ComplexObj {
                header: Self::hdr(),
                re,
                im,
            },
        )
    }

    pub fn new_tuple(&mut self, items: &[Value]) -> PyResult<Value> {
        if items.is_empty() {
            if let Some(e) = self.rt.empty_tuple {
                return Ok(e);
            }
        }
        let cls = self.types.tuple;
        self.new_tuple_of(cls, items)
    }

    /// A tuple whose class is `cls` (a tuple subclass or tuple).
    pub fn new_tuple_of(&mut self, cls: Value, items: &[Value]) -> PyResult<Value> {
        let extra = std::mem::size_of_val(items);
        let v = self.alloc_with_dict(
            cls,
            TupleObj {
                header: Self::hdr(),
                hash: AtomicU64::new(0),
                len: items.len(),
                items: [],
            },
            extra,
        )?;
        let t = obj::<TupleObj>(v);
        // SAFETY: the tuple was just allocated with room for `items.len()` values after the fixed part and
        // is not yet visible to anyone else; we initialise them before returning it.
        unsafe {
            std::ptr::copy_nonoverlapping(
                items.as_ptr(),
                t.items.as_ptr() as *mut Value,
                items.len(),
            );
        }
        Ok(v)
    }

    /// A fresh storage array of `cap` zero (raw 0) slots.
    pub fn new_value_array(&mut self, cap: usize) -> PyResult<Value> {
        let extra = match cap.checked_mul(8) {
            Some(e) if e < (1usize << 40) => e,
            _ => return Err(self.memory_error()),
        };
        let cls = self.types.value_array;
        self.alloc_var(
            cls,
            ValueArray {
                header: Self::hdr(),
                cap,
                data: [],
            },
            extra,
        )
    }

    /// A fresh array of `cap` raw words (hashes, indices): kept alive by the GC like any object
    /// reachable from a traced slot, but its words are never read as references.
    pub fn new_raw_array(&mut self, cap: usize) -> PyResult<Value> {
        let a = self.new_value_array(cap)?;
        header(a).insert_flags(RAW_ARRAY_FLAG);
        Ok(a)
    }

    pub fn new_list(&mut self, items: &[Value]) -> PyResult<Value> {
        let cls = self.types.list;
        self.new_list_of(cls, items)
    }

    pub fn new_list_of(&mut self, cls: Value, items: &[Value]) -> PyResult<Value> {
        let storage = if items.is_empty() {
            Value::NULL
        } else {
            self.new_value_array(items.len())?
        };
        if !items.is_empty() {
            let arr = obj::<ValueArray>(storage);
            for (s, v) in arr.slots().iter().zip(items) {
                s.init(*v);
            }
        }
        let dict = Slot::new(Value::NULL);
        self.alloc(
            cls,
            ListObj {
                header: Self::hdr(),
                dict,
                len: Slot::raw(items.len() as u64),
                items: Slot::new(storage),
            },
        )
    }

    pub fn new_dict(&mut self) -> PyResult<Value> {
        let cls = self.types.dict;
        self.new_dict_of(cls)
    }

    pub fn new_dict_of(&mut self, cls: Value) -> PyResult<Value> {
        self.alloc(
            cls,
            DictObj {
                header: Self::hdr(),
                dict: Slot::new(Value::NULL),
                len: Slot::raw(0),
                used: Slot::raw(0),
                indices: Slot::new(Value::NULL),
                entries: Slot::new(Value::NULL),
                version: Slot::raw(0),
                key_bloom: Slot::raw(0),
            },
        )
    }

    pub fn new_cell(&mut self, v: Value) -> PyResult<Value> {
        let cls = self.types.cell;
        self.alloc(
            cls,
            CellObj {
                header: Self::hdr(),
                value: Slot::new(v),
            },
        )
    }

    pub fn new_iter(
        &mut self,
        cls: Value,
        ikind: IterKind,
        a: Value,
        b: Value,
        s1: u64,
        s2: u64,
    ) -> PyResult<Value> {
        self.alloc(
            cls,
            IterObj {
                header: Self::hdr(),
                ikind,
                a,
                b,
                s1: Slot::raw(s1),
                s2: Slot::raw(s2),
            },
        )
    }

    // ----- accessors ----------------------------------------------------------------------------------

    /// The Rust str of a str object. The caller has checked `v` is a str (or a str subclass instance).
    /// For a str with lone surrogates this is its text with U+FFFD in their place: code that can meet
    /// such strs and needs the exact text checks `StrObj::wide` first (see `Vm::str_exact`).
    #[inline]
    pub fn str_of<'a>(&self, v: Value) -> &'a str {
        &obj::<StrObj>(v).s
    }

    /// The type object of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> Value {
        if v.is_ptr() {
            Value::from_bits(header(v).class.load(Ordering::Relaxed))
        } else if v.is_small_int() {
            self.types.int
        } else if v.is_float() {
            self.types.float
        } else {
            match v {
                Value::NONE => self.types.none_type,
                Value::TRUE | Value::FALSE => self.types.bool,
                Value::NOT_IMPLEMENTED => self.types.not_implemented_type,
                Value::ELLIPSIS => self.types.ellipsis_type,
                _ => self.types.none_type,
            }
        }
    }

    /// The `__name__` of a type object.
    pub fn type_name<'a>(&self, ty: Value) -> &'a str {
        &obj::<TypeObj>(ty).name
    }

    /// The type name of a value, for error messages ("'int' object is not iterable").
    pub fn tname<'a>(&self, v: Value) -> &'a str {
        let t = self.type_of(v);
        self.type_name(t)
    }

    /// Current Python frame depth.
    pub fn depth(&self) -> usize {
        self.frames.len()
    }
}
