//! The `#[repr(C)]` layout of every heap object kind and its trace function.
//!
//! Conventions: immutable fields are plain Rust fields (written before publication); mutable state is a
//! [`Slot`] accessed through `crate::access`. Variable-size layouts (`TupleObj`, `ValueArray`) end with a
//! zero-length array and are allocated with room for `len` elements after the fixed part.
//!
//! The immutable layouts `StrObj`, `BytesObj`, `BigIntObj`, `ComplexObj` and `TupleObj` have no dict
//! field: an instance of a user subclass (with a `__dict__`) is allocated one word longer and carries its
//! instance `__dict__` in that trailing [`Slot`] (see [`DICT_TAIL_FLAG`], [`dict_tail`]).

use super::{trace_slot, trace_value, Kind, PyObj};
use crate::access::Slot;
use crate::bytecode::Code;
use crate::value::Value;
use num_bigint::BigInt;
use std::sync::atomic::{AtomicI64, AtomicU64};
use weft_gc::{Header, Tracer};

macro_rules! pyobj {
    ($t:ty, $kind:expr, |$s:ident, $tr:ident| $body:block) => {
        // SAFETY: $t is repr(C) with the header first, reports all its references in `trace`, and its
        // kind is unique (see the Kind enum).
        unsafe impl PyObj for $t {
            const KIND: Kind = $kind;
            #[allow(unused_variables)]
            fn trace(&self, $tr: &mut Tracer) {
                let $s = self;
                $body
            }
        }
    };
}

/// An instance of a user class (or of `object`): attributes in an instance dict, plus `__slots__` values.
#[repr(C)]
pub struct InstanceObj {
    pub header: Header,
    /// Instance `__dict__` (a DictObj) or NULL when the class has `__slots__` without `__dict__`.
    pub dict: Slot,
    /// Number of `__slots__` entries that follow.
    pub nslots: usize,
    pub slots: [Slot; 0],
}

impl InstanceObj {
    pub fn slot(&self, i: usize) -> &Slot {
        assert!(i < self.nslots);
        // SAFETY: the object was allocated with room for `nslots` slots after the fixed part (Vm::alloc_instance).
        unsafe { &*self.slots.as_ptr().add(i) }
    }
}

pyobj!(InstanceObj, Kind::Instance, |s, t| {
    trace_slot(t, &s.dict);
    for i in 0..s.nslots {
        trace_slot(t, s.slot(i));
    }
});

/// A type object (builtin or user class).
#[repr(C)]
pub struct TypeObj {
    pub header: Header,
    pub name: Box<str>,
    pub qualname: Slot,
    /// The class namespace (a DictObj). Its contents are mutable; the pointer is not.
    pub dict: Value,
    pub bases: Slot,
    pub mro: Slot,
    /// Layout of instances.
    pub layout: Kind,
    /// True for types implemented in Rust.
    pub builtin: bool,
    /// May be subclassed.
    pub base_ok: bool,
    /// Names of `__slots__` (instances have these slots in this order); empty when none.
    pub slot_names: Vec<Value>,
    /// Instances have a `__dict__`.
    pub has_dict: bool,
    /// Cached: the type (or a base) defines `__getattribute__` other than object's / `__getattr__`.
    pub has_getattr: Slot,
}

pyobj!(TypeObj, Kind::Type, |s, t| {
    trace_slot(t, &s.qualname);
    trace_value(t, s.dict);
    trace_slot(t, &s.bases);
    trace_slot(t, &s.mro);
    for v in &s.slot_names {
        trace_value(t, *v);
    }
});

/// An immutable str.
///
/// A str whose text has lone surrogates (which a Rust `str` cannot hold) keeps its code points in
/// `wide` and, in `s`, the same text with each lone surrogate replaced by U+FFFD (valid UTF-8, the same
/// number of chars, never ASCII-only, and equal for equal texts, so the hash of `s` stays consistent
/// with equality). Every other str has `wide == None` and `s` is its text. Code that needs the exact
/// text checks `wide` (see `text::wide`, ARCHITECTURE.md).
#[repr(C)]
pub struct StrObj {
    pub header: Header,
    /// Cached hash (0 = not computed yet; a computed 0 is stored as 1). Racy writes store the same value.
    pub hash: AtomicI64,
    /// Length in code points.
    pub char_len: usize,
    pub s: Box<str>,
    /// The code points, only when the text has a lone surrogate (boxed: one word in the layout).
    pub wide: Option<Box<Vec<u32>>>,
}

impl StrObj {
    /// Same text as `o`? (The equality of strs: `s` decides unless a side has lone surrogates.)
    #[inline(always)]
    pub fn same_text(&self, o: &StrObj) -> bool {
        self.s == o.s && self.wide == o.wide
    }

    /// The text as code points when it has lone surrogates.
    #[inline(always)]
    pub fn wide(&self) -> Option<&[u32]> {
        self.wide.as_deref().map(|v| v.as_slice())
    }

    /// The text as a [`crate::text::Text`] (copied).
    pub fn text(&self) -> crate::text::Text {
        match self.wide() {
            Some(w) => crate::text::Text::Wide(w.to_vec()),
            None => crate::text::Text::Utf8(self.s.to_string()),
        }
    }
}

pyobj!(StrObj, Kind::Str, |s, t| {
    trace_dict_tail(t, &s.header);
});

#[repr(C)]
pub struct BytesObj {
    pub header: Header,
    pub hash: AtomicI64,
    pub b: Box<[u8]>,
}

pyobj!(BytesObj, Kind::Bytes, |s, t| {
    trace_dict_tail(t, &s.header);
});

/// A bytearray: its buffer is owned Rust memory guarded by the access layer through `version` (the
/// bytes themselves are not atomic words; issue 4 treats a bytearray write as a write of `version`).
#[repr(C)]
pub struct ByteArrayObj {
    pub header: Header,
    pub dict: Slot,
    pub version: Slot,
    pub b: std::sync::Mutex<Vec<u8>>,
}

pyobj!(ByteArrayObj, Kind::ByteArray, |s, t| {
    trace_slot(t, &s.dict);
});

#[repr(C)]
pub struct BigIntObj {
    pub header: Header,
    pub v: BigInt,
}

pyobj!(BigIntObj, Kind::BigInt, |s, t| {
    trace_dict_tail(t, &s.header);
});

#[repr(C)]
pub struct ComplexObj {
    pub header: Header,
    pub re: f64,
    pub im: f64,
}

pyobj!(ComplexObj, Kind::Complex, |s, t| {
    trace_dict_tail(t, &s.header);
});

/// An immutable tuple; `len` values follow the fixed part.
#[repr(C)]
pub struct TupleObj {
    pub header: Header,
    pub hash: AtomicU64,
    pub len: usize,
    pub items: [Value; 0],
}

impl TupleObj {
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: allocated with room for `len` values after the fixed part, all initialised before the
        // tuple was published (Vm::new_tuple).
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }
}

pyobj!(TupleObj, Kind::Tuple, |s, t| {
    for v in s.as_slice() {
        trace_value(t, *v);
    }
    trace_dict_tail(t, &s.header);
});

/// Header flag of a `StrObj`/`BytesObj`/`BigIntObj`/`ComplexObj`/`TupleObj` allocated with a trailing
/// instance-dict [`Slot`] after its last field (after the items of a tuple): an instance of a user
/// subclass whose class has a `__dict__` (`Vm::alloc_with_dict`). The slot holds a DictObj or NULL (not
/// created yet). Set before the object is published and never changed.
pub const DICT_TAIL_FLAG: u16 = 4;

/// The trailing instance-dict slot of `h`'s object, if it was allocated with one ([`DICT_TAIL_FLAG`]).
#[inline]
pub fn dict_tail_of(h: &Header) -> Option<&Slot> {
    if h.flags() & DICT_TAIL_FLAG == 0 {
        return None;
    }
    let base = h as *const Header as *const u8;
    let off = match h.kind() {
        k if k == Kind::Str as u8 => std::mem::size_of::<StrObj>(),
        k if k == Kind::Bytes as u8 => std::mem::size_of::<BytesObj>(),
        k if k == Kind::BigInt as u8 => std::mem::size_of::<BigIntObj>(),
        k if k == Kind::Complex as u8 => std::mem::size_of::<ComplexObj>(),
        k if k == Kind::Tuple as u8 => {
            // SAFETY: the kind byte says `h` heads a TupleObj.
            let len = unsafe { (*(base as *const TupleObj)).len };
            std::mem::size_of::<TupleObj>() + len * std::mem::size_of::<Value>()
        }
        _ => return None,
    };
    // SAFETY: an object of these kinds carrying DICT_TAIL_FLAG was allocated with one extra word at
    // `off` (Vm::alloc_with_dict), initialised to a Value before the flag was set; it lives as long as
    // the object, whose header `h` borrows.
    Some(unsafe { &*(base.add(off) as *const Slot) })
}

/// The trailing instance-dict slot of the heap object `v`, if it has one (see [`dict_tail_of`]).
#[inline]
pub fn dict_tail<'a>(v: Value) -> Option<&'a Slot> {
    dict_tail_of(super::header(v))
}

#[inline(always)]
fn trace_dict_tail(t: &mut Tracer, h: &Header) {
    if let Some(d) = dict_tail_of(h) {
        trace_slot(t, d);
    }
}

/// Storage of a list, dict or set: `cap` slots after the fixed part. Replaced, never grown in place.
#[repr(C)]
pub struct ValueArray {
    pub header: Header,
    pub cap: usize,
    pub data: [Slot; 0],
}

impl ValueArray {
    #[inline(always)]
    pub fn slots(&self) -> &[Slot] {
        // SAFETY: allocated with room for `cap` slots (zero-filled = raw 0, a non-pointer word).
        unsafe { std::slice::from_raw_parts(self.data.as_ptr(), self.cap) }
    }
}

/// Header flag of a ValueArray whose words are raw integers (hashes, indices), never references.
pub const RAW_ARRAY_FLAG: u16 = 1;

/// Header flag of a DictObj that is the namespace of a class whose lookups the inline caches have seen
/// (set lazily by `Vm::attr_cache_plan`). Every write to such a dict bumps [`TYPE_EPOCH`].
pub const TYPE_DICT_FLAG: u16 = 2;

/// Header flag of a DictObj that is a module namespace (set when the module is created): every write
/// to it, a value replaced in place included, gives its `version` word a value never used before
/// ([`next_module_dict_version`]), so `LoadGlobal` can cache a global's value and check it with one
/// read of that word.
pub const MODULE_DICT_FLAG: u16 = 8;

/// Source of module-dict versions: unique across all module dicts and all transactions, so a version
/// written by a transaction that later aborts is never seen again (a cache filled with it stays dead).
static MODULE_DICT_VERSIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A module-dict version never handed out before.
#[inline]
pub fn next_module_dict_version() -> u64 {
    MODULE_DICT_VERSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Global version of "what class namespaces contain": bumped by every write to a dict carrying
/// [`TYPE_DICT_FLAG`]. An attribute inline cache filled at epoch E is valid while the epoch is still E.
/// (Global rather than per type: classes rarely change after their caches warm up, and a global counter
/// needs no subclass lists.)
pub static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

pyobj!(ValueArray, Kind::ValueArray, |s, t| {
    if s.header.flags() & RAW_ARRAY_FLAG != 0 {
        return;
    }
    for sl in s.slots() {
        trace_slot(t, sl);
    }
});

#[repr(C)]
pub struct ListObj {
    pub header: Header,
    pub dict: Slot,
    /// Number of items (raw).
    pub len: Slot,
    /// The storage (a ValueArray with cap >= len), or NULL when empty and never grown.
    pub items: Slot,
}

impl ListObj {
    /// Every word a transaction may write (what a claim locks and a freeze checks).
    pub fn mutable_words(&self) -> [&Slot; 3] {
        [&self.dict, &self.len, &self.items]
    }
}

pyobj!(ListObj, Kind::List, |s, t| {
    trace_slot(t, &s.dict);
    trace_slot(t, &s.items);
});

/// An insertion-ordered dict (CPython's compact layout): `indices` maps hash buckets to entry numbers,
/// `entries` holds (hash, key, value) triples in insertion order; deleted entries have key NULL.
#[repr(C)]
pub struct DictObj {
    pub header: Header,
    pub dict: Slot,
    /// Live entries (raw).
    pub len: Slot,
    /// Entries used, including deleted ones (raw).
    pub used: Slot,
    /// ValueArray of bucket -> entry index + 1 (raw; 0 = empty, u64::MAX = deleted) or NULL.
    pub indices: Slot,
    /// ValueArray of 3 * capacity words, or NULL.
    pub entries: Slot,
    /// Bumped on every insertion/deletion that changes the key set (for iteration-change detection).
    pub version: Slot,
    /// A one-word summary of every key ever inserted (raw): one bit of each key's hash (`bloom_bit`), never
    /// cleared. A key whose bit is clear is absent, found with one read (`dict_has_str`: the attribute
    /// caches' check that an instance dict does not shadow a method).
    pub key_bloom: Slot,
}

impl DictObj {
    /// Every word a transaction may write (what a claim locks and a freeze checks).
    pub fn mutable_words(&self) -> [&Slot; 7] {
        [
            &self.dict,
            &self.len,
            &self.used,
            &self.indices,
            &self.entries,
            &self.version,
            &self.key_bloom,
        ]
    }
}

pyobj!(DictObj, Kind::Dict, |s, t| {
    trace_slot(t, &s.dict);
    trace_slot(t, &s.indices);
    trace_slot(t, &s.entries);
});

/// A set or frozenset table (CPython's layout: open addressing, order = slot order, so iteration order
/// of small ints matches CPython's). See `builtins/set_table.rs`.
#[repr(C)]
pub struct SetObj {
    pub header: Header,
    pub dict: Slot,
    /// Active members (raw).
    pub len: Slot,
    /// Slots used including dummies (raw).
    pub fill: Slot,
    /// ValueArray of 3 * (mask + 1) words: (key, hash high 32 bits, hash low 32 bits), the hash halves as
    /// small ints (so the traced table never holds a pointer-like raw word); key NULL = empty, DUMMY =
    /// deleted. NULL = the empty 8-slot table.
    pub table: Slot,
    pub version: Slot,
    /// Cached hash (frozenset only; raw; 0 = not computed).
    pub hash: Slot,
    /// Where `pop()` starts searching (raw).
    pub finger: Slot,
}

pyobj!(SetObj, Kind::Set, |s, t| {
    trace_slot(t, &s.dict);
    trace_slot(t, &s.table);
});

/// A frozenset has the set layout under its own kind (immutable after construction).
#[repr(C)]
pub struct FrozenSetObj(pub SetObj);

pyobj!(FrozenSetObj, Kind::FrozenSet, |s, t| {
    trace_slot(t, &s.0.dict);
    trace_slot(t, &s.0.table);
});

#[repr(C)]
pub struct RangeObj {
    pub header: Header,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
    pub len: Value,
}

pyobj!(RangeObj, Kind::Range, |s, t| {
    trace_value(t, s.start);
    trace_value(t, s.stop);
    trace_value(t, s.step);
    trace_value(t, s.len);
});

#[repr(C)]
pub struct SliceObj {
    pub header: Header,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pyobj!(SliceObj, Kind::Slice, |s, t| {
    trace_value(t, s.start);
    trace_value(t, s.stop);
    trace_value(t, s.step);
});

#[repr(C)]
pub struct FunctionObj {
    pub header: Header,
    pub code: Value,
    pub globals: Value,
    pub name: Slot,
    pub qualname: Slot,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Slot,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Slot,
    /// Tuple of cells, or NULL.
    pub closure: Value,
    pub dict: Slot,
    pub doc: Slot,
    pub module: Slot,
    pub annotations: Slot,
}

pyobj!(FunctionObj, Kind::Function, |s, t| {
    trace_value(t, s.code);
    trace_value(t, s.globals);
    trace_slot(t, &s.name);
    trace_slot(t, &s.qualname);
    trace_slot(t, &s.defaults);
    trace_slot(t, &s.kwdefaults);
    trace_value(t, s.closure);
    trace_slot(t, &s.dict);
    trace_slot(t, &s.doc);
    trace_slot(t, &s.module);
    trace_slot(t, &s.annotations);
});

/// A builtin function or method implemented in Rust. `id` indexes the VM's native table.
#[repr(C)]
pub struct NativeObj {
    pub header: Header,
    pub name: &'static str,
    pub id: u32,
    /// Bound receiver (`[].append`), or NULL for a function / an unbound method descriptor.
    pub bound: Value,
    /// The type that defines the method (for descriptors and error messages), or NULL for functions.
    pub owner: Value,
    /// Method descriptors: true when called as `type.method(obj, ...)` binds `obj`; false for static/class methods.
    pub binds: bool,
    /// Bind to the class rather than the instance (classmethod-like natives, e.g. dict.fromkeys).
    pub classmethod: bool,
}

pyobj!(NativeObj, Kind::Native, |s, t| {
    trace_value(t, s.bound);
    trace_value(t, s.owner);
});

#[repr(C)]
pub struct BoundMethodObj {
    pub header: Header,
    pub func: Value,
    pub this: Value,
}

pyobj!(BoundMethodObj, Kind::BoundMethod, |s, t| {
    trace_value(t, s.func);
    trace_value(t, s.this);
});

#[repr(C)]
pub struct CodeObj {
    pub header: Header,
    pub code: Code,
}

pyobj!(CodeObj, Kind::Code, |s, t| {
    // Inline caches keep the classes, globals dicts and descriptors they name alive, so a cached
    // address is never reused by a different object while the cache can still match it. Raw words
    // (epochs, indices) decode as floats and are skipped by `trace_value`. Caches of code whose slow
    // paths never ran are all zero (`Code::caches_used`).
    let caches: &[crate::bytecode::InlineCache] = if s
        .code
        .caches_used
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        &s.code.caches
    } else {
        &[]
    };
    for c in caches.iter() {
        for w in &c.words {
            trace_value(
                t,
                Value::from_bits(w.load(std::sync::atomic::Ordering::Relaxed)),
            );
        }
    }
    for v in &s.code.consts {
        trace_value(t, *v);
    }
    for v in &s.code.names {
        trace_value(t, *v);
    }
    trace_value(t, s.code.name);
    trace_value(t, s.code.qualname);
    trace_value(t, s.code.filename);
    trace_value(t, s.code.doc);
    for v in &s.code.varnames {
        trace_value(t, *v);
    }
    for v in &s.code.cellvars {
        trace_value(t, *v);
    }
    for v in &s.code.freevars {
        trace_value(t, *v);
    }
});

#[repr(C)]
pub struct CellObj {
    pub header: Header,
    pub value: Slot,
}

pyobj!(CellObj, Kind::Cell, |s, t| {
    trace_slot(t, &s.value);
});

#[repr(C)]
pub struct ModuleObj {
    pub header: Header,
    /// The module namespace (a DictObj).
    pub dict: Value,
}

pyobj!(ModuleObj, Kind::Module, |s, t| {
    trace_value(t, s.dict);
});

/// A generator: owns its suspended frame while not running.
#[repr(C)]
pub struct GeneratorObj {
    pub header: Header,
    /// The suspended frame (None once finished). While the generator runs it holds an emptied copy
    /// whose storage the next suspension reuses.
    pub frame: std::sync::Mutex<Option<Box<crate::interp::frame::SavedFrame>>>,
    /// 0 = created, 1 = suspended, 2 = running, 3 = finished (raw).
    pub state: Slot,
    pub name: Value,
    pub qualname: Value,
}

pyobj!(GeneratorObj, Kind::Generator, |s, t| {
    trace_value(t, s.name);
    trace_value(t, s.qualname);
    if let Ok(g) = s.frame.try_lock() {
        if let Some(f) = g.as_ref() {
            f.trace(t);
        }
    }
});

#[repr(C)]
pub struct PropertyObj {
    pub header: Header,
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

pyobj!(PropertyObj, Kind::Property, |s, t| {
    trace_value(t, s.fget);
    trace_value(t, s.fset);
    trace_value(t, s.fdel);
    trace_value(t, s.doc);
});

#[repr(C)]
pub struct ClassMethodObj {
    pub header: Header,
    pub func: Value,
}

pyobj!(ClassMethodObj, Kind::ClassMethod, |s, t| {
    trace_value(t, s.func);
});

#[repr(C)]
pub struct StaticMethodObj {
    pub header: Header,
    pub func: Value,
}

pyobj!(StaticMethodObj, Kind::StaticMethod, |s, t| {
    trace_value(t, s.func);
});

#[repr(C)]
pub struct SuperObj {
    pub header: Header,
    /// The class after which the MRO search starts.
    pub this_class: Value,
    /// The bound object (instance or, for classmethods, a class).
    pub obj: Value,
    /// type(obj) or obj itself when obj is a class.
    pub obj_type: Value,
}

pyobj!(SuperObj, Kind::Super, |s, t| {
    trace_value(t, s.this_class);
    trace_value(t, s.obj);
    trace_value(t, s.obj_type);
});

/// A BaseException instance (also the layout of user exception classes).
#[repr(C)]
pub struct ExceptionObj {
    pub header: Header,
    pub dict: Slot,
    pub args: Slot,
    pub traceback: Slot,
    pub cause: Slot,
    pub context: Slot,
    pub suppress_context: Slot,
}

pyobj!(ExceptionObj, Kind::Exception, |s, t| {
    trace_slot(t, &s.dict);
    trace_slot(t, &s.args);
    trace_slot(t, &s.traceback);
    trace_slot(t, &s.cause);
    trace_slot(t, &s.context);
    trace_slot(t, &s.suppress_context);
});

/// What an [`IterObj`] iterates.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IterKind {
    /// a = list, s1 = index
    List,
    /// a = tuple, s1 = index
    Tuple,
    /// a = str, s1 = byte offset
    Str,
    /// a = bytes/bytearray, s1 = index
    Bytes,
    /// s1 = next value, s2 = remaining count (raw), a = step (small int); big ranges use Seq
    Range,
    /// a = dict, s1 = entry index, s2 = dict len at start; b: 0 keys, 1 values, 2 items (small int)
    DictKeys,
    DictValues,
    DictItems,
    /// a = set, s1 = table index, s2 = set len at start
    Set,
    /// a = object with __getitem__, s1 = index
    Seq,
    /// a = sequence supporting len/getitem, s1 = next index (counting down)
    Reversed,
    /// a = inner iterator, s1 = count
    Enumerate,
    /// a = tuple of iterators
    Zip,
    /// a = function, b = tuple of iterators
    Map,
    /// a = function or None, b = iterator
    Filter,
    /// a = callable, b = sentinel
    Callable,
    /// a = list to reverse-iterate, s1 = index
    ListReversed,
}

/// A builtin iterator (see [`IterKind`] for what the fields mean per kind).
#[repr(C)]
pub struct IterObj {
    pub header: Header,
    pub ikind: IterKind,
    pub a: Value,
    pub b: Value,
    pub s1: Slot,
    pub s2: Slot,
}

pyobj!(IterObj, Kind::Iter, |s, t| {
    trace_value(t, s.a);
    trace_value(t, s.b);
    trace_slot(t, &s.s1);
    trace_slot(t, &s.s2);
});

/// `dict.keys()`, `.values()`, `.items()`.
#[repr(C)]
pub struct DictViewObj {
    pub header: Header,
    pub dict: Value,
    /// 0 keys, 1 values, 2 items
    pub which: u8,
}

pyobj!(DictViewObj, Kind::DictView, |s, t| {
    trace_value(t, s.dict);
});

/// One traceback entry (linked list, innermost last like CPython's tb_next chain).
#[repr(C)]
pub struct TracebackObj {
    pub header: Header,
    pub next: Slot,
    pub code: Value,
    pub lineno: u32,
}

pyobj!(TracebackObj, Kind::Traceback, |s, t| {
    trace_slot(t, &s.next);
    trace_value(t, s.code);
});

/// A builtin object whose state is a Rust value (a lock, a compiled pattern, a file handle...). The value
/// must hold no `Value`s (it is not traced): object references belong in a Python-visible wrapper. Its
/// methods reach the state with `Vm::opaque::<T>(v)`. Dropped when the object dies.
#[repr(C)]
pub struct OpaqueObj {
    pub header: Header,
    pub data: Box<dyn std::any::Any + Send + Sync>,
}

pyobj!(OpaqueObj, Kind::Opaque, |s, t| {});
