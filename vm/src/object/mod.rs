//! The object model: the Rust layout of every heap object kind, typed access to them, and the kind table
//! the GC uses to trace and finalize them.
//!
//! Every layout is a `#[repr(C)]` struct whose first field is the GC [`Header`]; its kind byte says which
//! struct it is. Immutable fields are plain Rust fields, written only before the object is published;
//! mutable state is in [`Slot`]s, read and written through the access layer (`crate::access`). This module
//! is one of the few places with `unsafe`: turning a `Value` into a `&T` ([`obj`]) and initialising freshly
//! allocated memory ([`crate::Vm::alloc`]).
//!
//! Lifetime contract of [`obj`]: the returned reference is valid as long as the object is reachable. A
//! reference held in a Rust local (stack or register) keeps the object reachable, because the GC scans the
//! native stack conservatively and accepts interior pointers. A reference or `Value` held in a Rust heap
//! buffer across a call that can run Python code must be reachable some other way (ARCHITECTURE.md,
//! decision 5).

pub mod layouts;

pub use layouts::*;

use crate::access::Slot;
use crate::value::Value;
use weft_gc::{Header, KindInfo, Tracer};

/// Layout kinds (the header's kind byte). 0 is reserved by the GC for free cells.
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Instance = 1,
    Type,
    Str,
    Bytes,
    ByteArray,
    BigInt,
    Complex,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    Native,
    BoundMethod,
    Code,
    Cell,
    Module,
    Generator,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    Exception,
    ValueArray,
    Iter,
    DictView,
    Traceback,
    Opaque,
}

impl Kind {
    /// Every kind, for registering the kind table.
    pub const ALL: [Kind; 31] = [
        Kind::Instance,
        Kind::Type,
        Kind::Str,
        Kind::Bytes,
        Kind::ByteArray,
        Kind::BigInt,
        Kind::Complex,
        Kind::Tuple,
        Kind::List,
        Kind::Dict,
        Kind::Set,
        Kind::FrozenSet,
        Kind::Range,
        Kind::Slice,
        Kind::Function,
        Kind::Native,
        Kind::BoundMethod,
        Kind::Code,
        Kind::Cell,
        Kind::Module,
        Kind::Generator,
        Kind::Property,
        Kind::ClassMethod,
        Kind::StaticMethod,
        Kind::Super,
        Kind::Exception,
        Kind::ValueArray,
        Kind::Iter,
        Kind::DictView,
        Kind::Traceback,
        Kind::Opaque,
    ];
}

/// A Rust layout of a heap object kind.
///
/// # Safety
/// Implementors must be `#[repr(C)]` with a [`Header`] as their first field, must hold heap references
/// only in `Value`s or `Slot`s reported by [`PyObj::trace`], and `KIND` must be unique to the layout.
pub unsafe trait PyObj: Sized {
    const KIND: Kind;
    /// Reports every heap reference the object holds. Must not allocate.
    fn trace(&self, t: &mut Tracer);
    /// Whether the layout owns Rust-heap resources that must be dropped when the object dies.
    const NEEDS_DROP: bool = std::mem::needs_drop::<Self>();
}

/// The header of the heap object `v` points to. The caller guarantees `v.is_ptr()`.
#[inline(always)]
pub fn header<'a>(v: Value) -> &'a Header {
    debug_assert!(v.is_ptr());
    // SAFETY: `v` is a pointer value, so it was produced from a live heap object, whose first field is the
    // header; the object stays valid while `v` (or the returned reference) is reachable (module contract).
    unsafe { &*v.as_header_ptr() }
}

/// The layout kind of a pointer value.
#[inline(always)]
pub fn kind_of(v: Value) -> u8 {
    header(v).kind()
}

/// Is `v` a heap object of layout `T`?
#[inline(always)]
pub fn is<T: PyObj>(v: Value) -> bool {
    v.is_ptr() && kind_of(v) == T::KIND as u8
}

/// `v` as a `&T` if it is a heap object of layout `T`.
#[inline(always)]
pub fn cast<'a, T: PyObj>(v: Value) -> Option<&'a T> {
    if is::<T>(v) {
        Some(obj(v))
    } else {
        None
    }
}

/// `v` as a `&T`; the caller has checked the kind (checked again in debug builds).
#[inline(always)]
pub fn obj<'a, T: PyObj>(v: Value) -> &'a T {
    debug_assert!(is::<T>(v), "expected {:?}", T::KIND);
    // SAFETY: the kind byte says the object has layout `T` (PyObj's contract: unique kind per repr(C)
    // layout starting with the header), and the object is live while reachable (module contract).
    unsafe { &*(v.as_header_ptr() as *const T) }
}

/// Traces a `Value` (ignores non-pointers).
#[inline(always)]
pub fn trace_value(t: &mut Tracer, v: Value) {
    if v.is_ptr() {
        t.mark(v.as_header_ptr());
    }
}

/// Traces a slot's current value.
#[inline(always)]
pub fn trace_slot(t: &mut Tracer, s: &Slot) {
    trace_value(t, s.gc_read());
}

/// # Safety
/// `h` must point to a live object of layout `T`.
unsafe fn trace_fn<T: PyObj>(h: *const Header, t: &mut Tracer) {
    // SAFETY: guaranteed by the caller (the GC calls this only for objects whose kind byte is T::KIND).
    let o = unsafe { &*(h as *const T) };
    trace_value(t, Value::from_bits(o_header_class(h)));
    o.trace(t);
}

fn o_header_class(h: *const Header) -> u64 {
    // SAFETY: `h` is a live header (callers are trace functions called by the GC on live objects).
    unsafe { (*h).class.load(std::sync::atomic::Ordering::Relaxed) }
}

/// # Safety
/// `h` must point to a dead object of layout `T` that is never used again.
unsafe fn finalize_fn<T: PyObj>(h: *mut Header) {
    // SAFETY: guaranteed by the caller: the object is unreachable and of layout `T`, so dropping its Rust
    // fields in place is the last use.
    unsafe { std::ptr::drop_in_place(h as *mut T) }
}

fn info<T: PyObj>(name: &'static str) -> KindInfo {
    KindInfo {
        name,
        trace: trace_fn::<T>,
        finalize: if T::NEEDS_DROP {
            Some(finalize_fn::<T>)
        } else {
            None
        },
    }
}

/// Registers every kind's trace and finalize functions with the GC. Called once at startup.
pub fn register_kinds(heap: &weft_gc::Heap) {
    for k in Kind::ALL {
        let i = match k {
            Kind::Instance => info::<InstanceObj>("instance"),
            Kind::Type => info::<TypeObj>("type"),
            Kind::Str => info::<StrObj>("str"),
            Kind::Bytes => info::<BytesObj>("bytes"),
            Kind::ByteArray => info::<ByteArrayObj>("bytearray"),
            Kind::BigInt => info::<BigIntObj>("int"),
            Kind::Complex => info::<ComplexObj>("complex"),
            Kind::Tuple => info::<TupleObj>("tuple"),
            Kind::List => info::<ListObj>("list"),
            Kind::Dict => info::<DictObj>("dict"),
            Kind::Set => info::<SetObj>("set"),
            Kind::FrozenSet => info::<FrozenSetObj>("frozenset"),
            Kind::Range => info::<RangeObj>("range"),
            Kind::Slice => info::<SliceObj>("slice"),
            Kind::Function => info::<FunctionObj>("function"),
            Kind::Native => info::<NativeObj>("builtin_function_or_method"),
            Kind::BoundMethod => info::<BoundMethodObj>("method"),
            Kind::Code => info::<CodeObj>("code"),
            Kind::Cell => info::<CellObj>("cell"),
            Kind::Module => info::<ModuleObj>("module"),
            Kind::Generator => info::<GeneratorObj>("generator"),
            Kind::Property => info::<PropertyObj>("property"),
            Kind::ClassMethod => info::<ClassMethodObj>("classmethod"),
            Kind::StaticMethod => info::<StaticMethodObj>("staticmethod"),
            Kind::Super => info::<SuperObj>("super"),
            Kind::Exception => info::<ExceptionObj>("exception"),
            Kind::ValueArray => info::<ValueArray>("value array"),
            Kind::Iter => info::<IterObj>("iterator"),
            Kind::DictView => info::<DictViewObj>("dict view"),
            Kind::Traceback => info::<TracebackObj>("traceback"),
            Kind::Opaque => info::<OpaqueObj>("opaque"),
        };
        heap.register_kind(k as u8, i);
    }
}
