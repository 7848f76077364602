//! Attribute access: MRO lookup, the descriptor protocol, `getattr`/`setattr`/`delattr`, and the
//! method-call fast path (`LoadMethod`, which avoids allocating a bound method).
//!
//! Lookup order for `obj.name` (CPython's `PyObject_GenericGetAttr`): a data descriptor on the type (has
//! `__set__`/`__delete__`: property, user descriptors) wins; then the instance `__dict__`; then a non-data
//! descriptor or plain class attribute (functions bind to the instance); then `__getattr__`. All of these
//! may run Python code.
//!
//! Inline caches for the LoadAttr/LoadMethod/StoreAttr instructions (`load_attr_cached` and friends)
//! remember, per receiver type and class-namespace epoch (`TYPE_EPOCH`), where the attribute was found;
//! see the comment above `AC_SLOW`. A miss refills from a per-thread memo of plans (`AttrMemo`, see the
//! comment above `MEMO_BITS`) and is then served from the fresh plan like a hit.

use crate::access::{Mode, Slot, TxCtx};
use crate::bytecode::InlineCache;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use std::sync::atomic::Ordering;

// Attribute inline caches (LoadAttr, LoadMethod, StoreAttr; one `InlineCache` per instruction, used as
// two entries of four words at offsets 0 and 4). Words of an entry: +0 = the receiver's type, +1 =
// `TYPE_EPOCH` when filled (0: empty), +2 = kind | instance-dict entry hint << 8, +3 = the class
// attribute found (a descriptor or plain value) or NULL. An entry is used only when the receiver's type
// and the epoch both match: any write to a class namespace the caches depend on (flagged
// `TYPE_DICT_FLAG` when the entry is planned) bumps the epoch, and `__class__` assignment changes the
// type the entry is keyed on. Instance state is always read through the access layer; a hint is
// validated by the key found at that entry. A miss moves entry 0 to entry 1 and refills entry 0.

/// Valid but not cacheable: take the general path.
const AC_SLOW: u64 = 1;
/// Not found on the class: the attribute is in the instance dict (hint = its entry number).
const AC_INST_DICT: u64 = 2;
/// A plain Python function (or method descriptor, for LoadMethod) on the class, unless the instance
/// dict shadows it.
const AC_METHOD: u64 = 3;
/// A plain (non-descriptor) class attribute, unless the instance dict shadows it.
const AC_CLASS_VALUE: u64 = 4;
/// StoreAttr: a plain store into the instance dict (hint = the entry number last written).
const AC_STORE_DICT: u64 = 5;
/// LoadAttr/StoreAttr: a `__slots__` slot of the instance (hint = the slot number).
const AC_SLOT: u64 = 6;
/// LoadAttr on an exact module object: an entry keyed by the *module* (not its type) and by its
/// namespace's version instead of `TYPE_EPOCH` (module namespaces take a never-reused version at every
/// write, `MODULE_DICT_FLAG`), holding the value itself. See [`Vm::module_attr_cached`].
const AC_MODULE_VALUE: u64 = 7;

/// `(kind word, entry offset, class attribute)` of the entry of `c` valid for a receiver of type `t`;
/// kind 0 when none.
///
/// Under `--stm` (`stm`) threads fill caches concurrently, so an entry is a seqlock: its epoch word is
/// `FILLING` while a writer fills it (`cache_fill_stm`), and a reader re-checks it after reading the
/// entry. A thread running exclusive passes `stm == false` (`Vm::seqlock_caches`): no fill can be under
/// way then, and `FILLING` never equals an epoch.
#[inline(always)]
fn cache_hit(c: &InlineCache, t: Value, stm: bool) -> (u64, usize, Value) {
    cache_hit_at(c, t, TYPE_EPOCH.load(Ordering::Relaxed), stm)
}

/// [`cache_hit`] for the entry keyed by `t` and valid at `epoch` (`TYPE_EPOCH` for type-keyed entries, a
/// module namespace's version for `AC_MODULE_VALUE`).
#[inline(always)]
fn cache_hit_at(c: &InlineCache, t: Value, epoch: u64, stm: bool) -> (u64, usize, Value) {
    if stm {
        for at in [0, 4] {
            let e = c.get_acquire(at + 1);
            if e == epoch && c.get(at) == t.bits() {
                let (k, d) = (c.get(at + 2), c.get(at + 3));
                std::sync::atomic::fence(Ordering::Acquire);
                if c.get(at + 1) == e && c.get(at) == t.bits() {
                    return (k, at, Value::from_bits(d));
                }
            }
        }
        return (0, 0, Value::NULL);
    }
    if c.get(0) == t.bits() && c.get(1) == epoch {
        (c.get(2), 0, Value::from_bits(c.get(3)))
    } else if c.get(4) == t.bits() && c.get(5) == epoch {
        (c.get(6), 4, Value::from_bits(c.get(7)))
    } else {
        (0, 0, Value::NULL)
    }
}

/// The epoch word of an entry being filled under `--stm` (never a real epoch).
const FILLING: u64 = u64::MAX;

/// `--stm`: fills an entry unless another thread is filling it (the epoch word, taken by CAS, is the
/// seqlock's sequence: [`FILLING`] while the entry is written). Entry 1 when entry 0 holds a current
/// entry and entry 1 does not (a call site seeing two types keeps both), else entry 0.
/// Returns the entry's offset, or [`NO_ENTRY`] when another thread was filling it.
fn cache_fill_stm(c: &InlineCache, t: Value, epoch: u64, kind: u64, d: Value) -> usize {
    let at = if c.get(1) == epoch && c.get(5) != epoch {
        4
    } else {
        0
    };
    let cur = c.get(at + 1);
    if cur == FILLING || !c.claim(at + 1, cur, FILLING) {
        return NO_ENTRY;
    }
    c.set(at, t.bits());
    c.set(at + 2, kind);
    c.set(at + 3, d.bits());
    c.set_release(at + 1, epoch);
    at
}

/// "No entry" for the offset of an entry (a `--stm` fill that lost the race): its hint is not refreshed.
const NO_ENTRY: usize = usize::MAX;

/// Refreshes the instance-dict entry hint of entry `at` (kind word `k`, kind `AC_INST_DICT` or
/// `AC_STORE_DICT`) to entry number `e`.
///
/// Under `--stm` other threads fill and refresh the same entry concurrently, so the kind word is replaced
/// by CAS from the exact word `k` this thread read (or filled). That is sound because (1) the kind byte
/// never changes: the new word has the kind byte of `k`, and a CAS from `k` succeeds only while the word
/// still holds `k`; (2) the hint bits are only a hint: every use checks that the dict entry it names holds
/// exactly the key (`dict_hint_get`/`dict_hint_set`), so a hint written into an entry that a racing fill
/// re-keyed to another type (with the same kind word `k`) at worst costs that type a `dict_find_str`;
/// (3) a CAS landing while a filler holds the entry (epoch word `FILLING`) is either overwritten by the
/// filler's own store of the kind word or fails against it, and readers ignore the entry meanwhile (the
/// seqlock); (4) the class-attribute word of these kinds is NULL and is not touched.
#[inline]
fn cache_refresh_hint<M: Mode>(c: &InlineCache, at: usize, k: u64, e: usize) {
    if at == NO_ENTRY {
        return;
    }
    let new = (k & 0xff) | (e as u64) << 8;
    if new == k {
        return;
    }
    if M::STM {
        c.claim(at + 2, k, new);
    } else {
        c.set(at + 2, new);
    }
}

/// Fills an entry of `c` (GIL: entry 0; `--stm`: see [`cache_fill_stm`]) and returns its offset.
#[inline]
fn cache_fill_any<M: Mode>(c: &InlineCache, t: Value, epoch: u64, kind: u64, d: Value) -> usize {
    if M::STM {
        cache_fill_stm(c, t, epoch, kind, d)
    } else {
        cache_fill(c, t, epoch, kind, d);
        0
    }
}

// The plan memo (`AttrMemo`, one per `Vm`: per thread, never shared): a second-level cache of
// `attr_cache_plan` results keyed by (receiver type, interned name, `CacheOp`), direct-mapped like
// CPython's type attribute cache. A polymorphic site whose two inline entries thrash then refills from the
// memo instead of re-walking the MRO. An entry holds the epoch the plan was made at and is valid only
// while `TYPE_EPOCH` still equals it, the same rule as the inline entries (and the same argument: a fast
// plan records the epoch read after the MRO namespaces were flagged, so any later change to them bumps
// the epoch; a slow plan is always correct). Nothing else about the receiver enters a plan: its layout
// kind (type/super/module/instance) and `InstanceObj::nslots` (= the type's `slot_names.len()`,
// `alloc_instance`) are fixed by its type (`__class__` assignment requires equal layouts and slot names),
// and `has_getattr` only changes with a write to the type's own namespace (`type_modified`), which is in
// its MRO, and bumps the epoch again after it changed (a plan reads the epoch first). The class
// attribute word is not a GC root: while the entry is valid the class namespace holds it, and a type
// that dies bumps the epoch (`Drop for TypeObj`, gc.rs), so a new type allocated at the same address
// never matches an entry of the dead one.

/// Entries of the plan memo (a power of two).
const MEMO_BITS: u32 = 9;

/// Words of a memo entry: the type, the name, `epoch << 2 | op` (epoch 0 is never current: empty), the
/// kind word, the class attribute.
type MemoEntry = [u64; 5];

/// The per-thread plan memo (see the comment above `MEMO_BITS`). Allocated (zeroed) at the thread's
/// first plan: threads that never plan pay nothing.
#[derive(Default)]
pub struct AttrMemo {
    e: Vec<MemoEntry>,
    /// Misses at megamorphic sites so far (`--stm`: see [`AttrMemo::evict_now`]).
    evictions: u32,
}

/// `--stm`: a megamorphic site's miss evicts one of its inline entries once in this many misses.
const EVICT_EVERY: u32 = 32;

impl AttrMemo {
    pub fn new() -> Self {
        AttrMemo::default()
    }

    /// Whether this miss at a site whose two entries are both current may evict one (one in
    /// [`EVICT_EVERY`]: a site whose types change for good still adapts, a thrashing one is written
    /// rarely).
    #[inline]
    fn evict_now(&mut self) -> bool {
        self.evictions = self.evictions.wrapping_add(1);
        self.evictions.is_multiple_of(EVICT_EVERY)
    }

    /// Entry `i`, allocating the table first if needed.
    #[inline]
    fn entry(&mut self, i: usize) -> &mut MemoEntry {
        if self.e.is_empty() {
            self.e = vec![[0; 5]; 1 << MEMO_BITS];
        }
        &mut self.e[i]
    }

    /// The (kind word, class attribute) memoized for (`t`, `name`, `op`) if still valid at `epoch`.
    #[inline]
    fn get(&mut self, t: Value, name: Value, op: CacheOp, epoch: u64) -> Option<(u64, Value)> {
        let (t, n) = (t.bits(), name.bits());
        let m = *self.entry(memo_index(t, n, op));
        (m[0] == t && m[1] == n && m[2] == (epoch << 2 | op as u64))
            .then_some((m[3], Value::from_bits(m[4])))
    }

    /// Memoizes (`kind`, `d`) for (`t`, `name`, `op`), valid while `TYPE_EPOCH` equals `epoch`.
    #[inline]
    fn put(&mut self, t: Value, name: Value, op: CacheOp, epoch: u64, kind: u64, d: Value) {
        let (t, n) = (t.bits(), name.bits());
        *self.entry(memo_index(t, n, op)) = [t, n, epoch << 2 | op as u64, kind, d.bits()];
    }
}

#[inline(always)]
fn memo_index(ty: u64, name: u64, op: CacheOp) -> usize {
    let h = (ty ^ name.rotate_left(23) ^ op as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - MEMO_BITS)) as usize
}

/// Refills entry 0 (the previous entry 0 moves to entry 1).
fn cache_fill(c: &InlineCache, t: Value, epoch: u64, kind: u64, d: Value) {
    c.set(5, 0);
    c.set(4, c.get(0));
    c.set(6, c.get(2));
    c.set(7, c.get(3));
    c.set(5, c.get(1));
    c.set(1, 0);
    c.set(0, t.bits());
    c.set(2, kind);
    c.set(3, d.bits());
    c.set(1, epoch);
}

impl<M: Mode> Vm<M> {
    /// The MRO tuple of a type.
    pub fn mro_of<'a>(&self, ty: Value) -> &'a [Value] {
        let m = self.load(&obj::<TypeObj>(ty).mro);
        obj::<TupleObj>(m).as_slice()
    }

    /// Looks `name` (an interned str) up along `ty`'s MRO. Never runs Python code.
    ///
    /// Memoized in the thread's plan memo under `TYPE_EPOCH` (the same validity rule as the attribute
    /// plans: the MRO namespaces are flagged before the epoch is read, so any later write to one bumps
    /// it): constructing an instance looks up `__new__` and `__init__`, and special methods are looked
    /// up here, each a probe of every class in the MRO (under `--stm`, barrier reads of shared dicts).
    pub fn type_lookup(&mut self, ty: Value, name: Value) -> Option<Value> {
        let epoch = TYPE_EPOCH.load(Ordering::Relaxed);
        if let Some((found, v)) = self.attr_memo.get(ty, name, CacheOp::Lookup, epoch) {
            return (found != 0).then_some(v);
        }
        let e = self.flag_mro_namespaces(ty);
        let r = self.type_lookup_walk(ty, name);
        let v = r.unwrap_or(Value::NULL);
        self.attr_memo
            .put(ty, name, CacheOp::Lookup, e, r.is_some() as u64, v);
        r
    }

    /// Flags the namespaces of `ty`'s MRO as class namespaces (every later write to one bumps
    /// `TYPE_EPOCH`) and returns the epoch read after that: a plan or lookup made from here on is valid
    /// while the epoch still equals it.
    fn flag_mro_namespaces(&mut self, ty: Value) -> u64 {
        for b in self.mro_of(ty) {
            let d = obj::<TypeObj>(*b).dict;
            if header(d).flags() & TYPE_DICT_FLAG == 0 {
                header(d).insert_flags(TYPE_DICT_FLAG);
            }
        }
        TYPE_EPOCH.load(Ordering::Acquire)
    }

    /// [`Vm::type_lookup`] without the memo: probes each namespace of the MRO.
    fn type_lookup_walk(&mut self, ty: Value, name: Value) -> Option<Value> {
        let h = self.str_hash(name);
        for t in self.mro_of(ty) {
            let d = obj::<TypeObj>(*t).dict;
            if let Some(v) = self.dict_get_str_hashed(d, name, h) {
                return Some(v);
            }
        }
        None
    }

    /// `issubclass(a, b)` by MRO (no `__subclasscheck__`).
    pub fn is_subtype(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        if !is::<TypeObj>(a) {
            return false;
        }
        self.mro_of(a).contains(&b)
    }

    /// `isinstance(v, cls)` by MRO.
    pub fn is_instance(&self, v: Value, cls: Value) -> bool {
        let t = self.type_of(v);
        self.is_subtype(t, cls)
    }

    /// The instance `__dict__` of `v`, if its layout has one and it exists (or was created).
    #[inline]
    pub fn instance_dict(&mut self, v: Value, create: bool) -> PyResult<Option<Value>> {
        if let Some(i) = cast::<InstanceObj>(v) {
            let d = self.load_o(v, &i.dict);
            if !d.is_null() {
                return Ok(Some(d));
            }
        }
        self.instance_dict_slow(v, create)
    }

    /// [`Vm::instance_dict`] past its fast path (a plain instance whose dict exists).
    #[inline(never)]
    fn instance_dict_slow(&mut self, v: Value, create: bool) -> PyResult<Option<Value>> {
        if !v.is_ptr() {
            return Ok(None);
        }
        if let Some(i) = cast::<InstanceObj>(v) {
            let d = self.load_o(v, &i.dict);
            if !d.is_null() {
                return Ok(Some(d));
            }
            if !create || !obj::<TypeObj>(self.type_of(v)).has_dict {
                return Ok(None);
            }
            let nd = self.new_dict()?;
            self.store_o(v, &i.dict, nd);
            return Ok(Some(nd));
        }
        let Some(slot) = self.instance_dict_slot(v) else {
            return match ops_kind(v) {
                Some(Kind::Type) => Ok(Some(obj::<TypeObj>(v).dict)),
                Some(Kind::Module) => Ok(Some(obj::<ModuleObj>(v).dict)),
                _ => Ok(None),
            };
        };
        let d = self.load(slot);
        if !d.is_null() {
            return Ok(Some(d));
        }
        if !create {
            return Ok(None);
        }
        let nd = self.new_dict()?;
        self.store_o(v, slot, nd);
        Ok(Some(nd))
    }

    /// The slot holding `v`'s instance `__dict__` (possibly NULL: not created yet), if `v` may have one:
    /// instances of user classes with a `__dict__` (in the layout's `dict` field or, for the immutable
    /// layouts, the trailing slot of `DICT_TAIL_FLAG`), exceptions and functions. Not types and modules
    /// (their namespace is a plain field).
    pub fn instance_dict_slot<'a>(&self, v: Value) -> Option<&'a Slot> {
        if !v.is_ptr() {
            return None;
        }
        // Layouts whose builtin type has no `__dict__`: only a subclass that keeps one has it.
        let user_dict = |vm: &Self| {
            let t = obj::<TypeObj>(vm.type_of(v));
            !t.builtin && t.has_dict
        };
        match ops_kind(v)? {
            Kind::Instance => obj::<TypeObj>(self.type_of(v))
                .has_dict
                .then_some(&obj::<InstanceObj>(v).dict),
            Kind::Exception => Some(&obj::<ExceptionObj>(v).dict),
            Kind::Function => Some(&obj::<FunctionObj>(v).dict),
            Kind::List if user_dict(self) => Some(&obj::<ListObj>(v).dict),
            Kind::Dict if user_dict(self) => Some(&obj::<DictObj>(v).dict),
            Kind::Set if user_dict(self) => Some(&obj::<SetObj>(v).dict),
            Kind::FrozenSet if user_dict(self) => Some(&obj::<FrozenSetObj>(v).0.dict),
            Kind::ByteArray if user_dict(self) => Some(&obj::<ByteArrayObj>(v).dict),
            Kind::Str | Kind::Bytes | Kind::BigInt | Kind::Complex | Kind::Tuple => dict_tail(v),
            _ => None,
        }
    }

    fn is_data_descriptor(&mut self, d: Value) -> bool {
        if is::<PropertyObj>(d) {
            return true;
        }
        if !d.is_ptr() || is::<FunctionObj>(d) || is::<NativeObj>(d) || is::<StrObj>(d) {
            return false;
        }
        let t = self.type_of(d);
        if obj::<TypeObj>(t).builtin {
            return false;
        }
        let s = self.rt.names.__set__;
        let dl = self.rt.names.__delete__;
        self.type_lookup(t, s).is_some() || self.type_lookup(t, dl).is_some()
    }

    /// Applies `descr.__get__(obj, owner)` for the descriptor kinds; plain values come back unchanged.
    pub fn descr_get(&mut self, d: Value, inst: Value, owner: Value) -> PyResult<Value> {
        if !d.is_ptr() {
            return Ok(d);
        }
        match ops_kind(d) {
            Some(Kind::Function) => {
                if inst.is_null() || inst == Value::NONE && owner.is_null() {
                    return Ok(d);
                }
                if inst.is_null() {
                    return Ok(d);
                }
                self.new_bound_method(d, inst)
            }
            Some(Kind::Native) => {
                let n = obj::<NativeObj>(d);
                if !n.bound.is_null() {
                    return Ok(d);
                }
                if n.classmethod {
                    let o = if owner.is_null() {
                        self.type_of(inst)
                    } else {
                        owner
                    };
                    return self.bind_native(d, o);
                }
                if inst.is_null() || !n.binds {
                    return Ok(d);
                }
                self.bind_native(d, inst)
            }
            Some(Kind::ClassMethod) => {
                let f = obj::<ClassMethodObj>(d).func;
                let o = if owner.is_null() {
                    self.type_of(inst)
                } else {
                    owner
                };
                self.new_bound_method(f, o)
            }
            Some(Kind::StaticMethod) => Ok(obj::<StaticMethodObj>(d).func),
            Some(Kind::Property) => {
                if inst.is_null() {
                    return Ok(d);
                }
                let g = obj::<PropertyObj>(d).fget;
                if g == Value::NONE || g.is_null() {
                    return Err(self.attribute_error("unreadable attribute"));
                }
                self.call(g, &[inst], &[])
            }
            _ => {
                let t = self.type_of(d);
                if obj::<TypeObj>(t).builtin {
                    return Ok(d);
                }
                let g = self.rt.names.__get__;
                match self.type_lookup(t, g) {
                    Some(f) => {
                        let i = if inst.is_null() { Value::NONE } else { inst };
                        let o = if owner.is_null() {
                            self.type_of(inst)
                        } else {
                            owner
                        };
                        self.call_method_value(f, d, &[i, o])
                    }
                    None => Ok(d),
                }
            }
        }
    }

    pub fn new_bound_method(&mut self, f: Value, this: Value) -> PyResult<Value> {
        let cls = self.types.method;
        self.alloc(
            cls,
            BoundMethodObj {
                header: Self::hdr(),
                func: f,
                this,
            },
        )
    }

    pub fn bind_native(&mut self, d: Value, this: Value) -> PyResult<Value> {
        let n = obj::<NativeObj>(d);
        let (name, id, owner) = (n.name, n.id, n.owner);
        let cls = self.types.builtin_function;
        self.alloc(
            cls,
            NativeObj {
                header: Self::hdr(),
                name,
                id,
                bound: this,
                owner,
                binds: true,
                classmethod: false,
            },
        )
    }

    /// `getattr(v, name)`; `name` must be a str. Raises AttributeError when missing.
    pub fn getattr(&mut self, v: Value, name: Value) -> PyResult<Value> {
        let t = self.type_of(v);
        if !is::<SuperObj>(v)
            && !obj::<TypeObj>(t).builtin
            && self.load(&obj::<TypeObj>(t).has_getattr) != Value::FALSE
        {
            return self.getattr_hooked(v, name);
        }
        match self.getattr_opt_plain(v, name)? {
            Some(r) => Ok(r),
            None => match self.module_getattr_hook(v) {
                Some(f) => self.call(f, &[name], &[]),
                None => Err(self.no_attribute(v, name)),
            },
        }
    }

    /// A module's own `__getattr__` (PEP 562: called when normal lookup on the module fails).
    fn module_getattr_hook(&mut self, v: Value) -> Option<Value> {
        let m = cast::<ModuleObj>(v)?;
        let gn = self.rt.names.__getattr__;
        self.dict_get_str(m.dict, gn)
    }

    /// `v.name` for a class with a user `__getattribute__`/`__getattr__`: an AttributeError from the
    /// lookup (a property's, say) falls back to `__getattr__`, whose own error propagates unchanged.
    fn getattr_hooked(&mut self, v: Value, name: Value) -> PyResult<Value> {
        let t = self.type_of(v);
        let ga = self.rt.names.__getattribute__;
        let r = match self.type_lookup(t, ga) {
            Some(f) if !is::<NativeObj>(f) => self.call_method_value(f, v, &[name]).map(Some),
            _ => self.generic_getattr(v, name),
        };
        let ae = self.exc.attribute_error;
        let err = match r {
            Ok(Some(x)) => return Ok(x),
            Ok(None) => None,
            Err(e) if self.err_matches(&e, ae) => Some(e),
            Err(e) => return Err(e),
        };
        let gn = self.rt.names.__getattr__;
        if let Some(f) = self.type_lookup(t, gn) {
            return self.call_method_value(f, v, &[name]);
        }
        Err(err.unwrap_or_else(|| self.no_attribute(v, name)))
    }

    /// AttributeError for `v.name`, in CPython's wording.
    pub fn no_attribute(&mut self, v: Value, name: Value) -> crate::interp::PyErr {
        let n = self.str_of(name).to_string();
        if let Some(m) = cast::<ModuleObj>(v) {
            let mn = self.dict_get_name(m.dict, "__name__");
            let mname = match mn {
                Some(x) if is::<StrObj>(x) => self.str_of(x).to_string(),
                _ => "?".to_string(),
            };
            return self.attribute_error(format!("module '{}' has no attribute '{}'", mname, n));
        }
        if is::<TypeObj>(v) {
            let tn = self.type_name(v).to_string();
            return self.attribute_error(format!("type object '{}' has no attribute '{}'", tn, n));
        }
        let tn = self.tname(v).to_string();
        self.attribute_error(format!("'{}' object has no attribute '{}'", tn, n))
    }

    /// `getattr(v, name, <missing>)`: None when the attribute does not exist (AttributeError swallowed).
    pub fn getattr_opt(&mut self, v: Value, name: Value) -> PyResult<Option<Value>> {
        let r = self.getattr_opt_plain(v, name)?;
        if r.is_some() {
            return Ok(r);
        }
        let Some(f) = self.module_getattr_hook(v) else {
            return Ok(None);
        };
        match self.call(f, &[name], &[]) {
            Ok(x) => Ok(Some(x)),
            Err(e) if self.err_matches(&e, self.exc.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// [`Vm::getattr_opt`] without a module's `__getattr__`.
    fn getattr_opt_plain(&mut self, v: Value, name: Value) -> PyResult<Option<Value>> {
        if is::<SuperObj>(v) {
            return self.super_getattr(v, name);
        }
        let t = self.type_of(v);
        if obj::<TypeObj>(t).builtin || self.load(&obj::<TypeObj>(t).has_getattr) == Value::FALSE {
            return self.generic_getattr(v, name);
        }
        // User __getattribute__ / __getattr__.
        let ga = self.rt.names.__getattribute__;
        let f = self.type_lookup(t, ga);
        let r = match f {
            Some(f) if !is::<NativeObj>(f) => match self.call_method_value(f, v, &[name]) {
                Ok(r) => Some(r),
                Err(e) => {
                    let ae = self.exc.attribute_error;
                    if self.err_matches(&e, ae) {
                        None
                    } else {
                        return Err(e);
                    }
                }
            },
            _ => match self.generic_getattr(v, name) {
                Ok(r) => r,
                Err(e) if self.err_matches(&e, self.exc.attribute_error) => None,
                Err(e) => return Err(e),
            },
        };
        if r.is_some() {
            return Ok(r);
        }
        let gn = self.rt.names.__getattr__;
        if let Some(f) = self.type_lookup(t, gn) {
            match self.call_method_value(f, v, &[name]) {
                Ok(r) => return Ok(Some(r)),
                Err(e) => {
                    let ae = self.exc.attribute_error;
                    if self.err_matches(&e, ae) {
                        return Ok(None);
                    }
                    return Err(e);
                }
            }
        }
        Ok(None)
    }

    /// `object.__getattribute__` (no `__getattr__` fallback); None when missing.
    pub fn generic_getattr(&mut self, v: Value, name: Value) -> PyResult<Option<Value>> {
        if is::<TypeObj>(v) {
            return self.type_getattr(v, name);
        }
        let t = self.type_of(v);
        let descr = self.type_lookup(t, name);
        if let Some(d) = descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, v, t).map(Some);
            }
        }
        if let Some(Kind::Instance) = ops_kind(v) {
            let inst = obj::<InstanceObj>(v);
            if inst.nslots > 0 {
                let ty = obj::<TypeObj>(t);
                if let Some(i) = ty.slot_names.iter().position(|s| *s == name) {
                    let x = self.load(inst.slot(i));
                    if x.is_null() {
                        let n = self.str_of(name).to_string();
                        return Err(self.attribute_error(format!(
                            "'{}' object has no attribute '{}'",
                            ty.name, n
                        )));
                    }
                    return Ok(Some(x));
                }
            }
        }
        if let Some(d) = self.instance_dict(v, false)? {
            if let Some(x) = self.dict_get_str(d, name) {
                return Ok(Some(x));
            }
        }
        if let Some(d) = descr {
            // Layout fields of builtin objects (`f.__doc__`, `e.args`) shadow inherited class attributes.
            if !is::<InstanceObj>(v) {
                if let Some(x) = self.special_getattr(v, name)? {
                    return Ok(Some(x));
                }
            }
            return self.descr_get(d, v, t).map(Some);
        }
        self.special_getattr(v, name)
    }

    /// Attributes of builtin objects that are not in a type dict (`f.__name__`, `e.args`, ...).
    fn special_getattr(&mut self, v: Value, name: Value) -> PyResult<Option<Value>> {
        let n = self.str_of(name);
        if n == "__class__" {
            return Ok(Some(self.type_of(v)));
        }
        if n == "__dict__" {
            return self.instance_dict(v, true);
        }
        crate::builtins::attrs::builtin_getattr(self, v, n)
    }

    fn type_getattr(&mut self, ty: Value, name: Value) -> PyResult<Option<Value>> {
        let meta = self.type_of(ty);
        let mdescr = self.type_lookup(meta, name);
        if let Some(d) = mdescr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, ty, meta).map(Some);
            }
        }
        if let Some(d) = self.type_lookup(ty, name) {
            return self.descr_get(d, Value::NULL, ty).map(Some);
        }
        if let Some(d) = mdescr {
            return self.descr_get(d, ty, meta).map(Some);
        }
        self.special_getattr(ty, name)
    }

    /// `setattr(v, name, x)`.
    pub fn setattr(&mut self, v: Value, name: Value, x: Value) -> PyResult<()> {
        let t = self.type_of(v);
        if !obj::<TypeObj>(t).builtin {
            let sa = self.rt.names.__setattr__;
            if let Some(f) = self.type_lookup(t, sa) {
                if !is::<NativeObj>(f) {
                    self.call_method_value(f, v, &[name, x])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(v, name, x)
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, v: Value, name: Value, x: Value) -> PyResult<()> {
        let t = self.type_of(v);
        if let Some(d) = self.type_lookup(t, name) {
            if let Some(p) = cast::<PropertyObj>(d) {
                let s = p.fset;
                if s == Value::NONE || s.is_null() {
                    let n = self.str_of(name).to_string();
                    return Err(self.attribute_error(format!(
                        "property '{}' of '{}' object has no setter",
                        n,
                        self.tname(v)
                    )));
                }
                self.call(s, &[v, x], &[])?;
                return Ok(());
            }
            if d.is_ptr() && !is::<FunctionObj>(d) && !is::<NativeObj>(d) {
                let dt = self.type_of(d);
                if !obj::<TypeObj>(dt).builtin {
                    let sn = self.rt.names.__set__;
                    if let Some(f) = self.type_lookup(dt, sn) {
                        self.call_method_value(f, d, &[v, x])?;
                        return Ok(());
                    }
                }
            }
        }
        if let Some(Kind::Instance) = ops_kind(v) {
            let inst = obj::<InstanceObj>(v);
            if inst.nslots > 0 {
                if let Some(i) = obj::<TypeObj>(t).slot_names.iter().position(|s| *s == name) {
                    self.store_o(v, inst.slot(i), x);
                    return Ok(());
                }
            }
        } else if crate::builtins::attrs::builtin_setattr(self, v, name, x)? {
            return Ok(());
        }
        if is::<TypeObj>(v) {
            let d = obj::<TypeObj>(v).dict;
            self.dict_set(d, name, x)?;
            self.type_modified(v, name);
            return Ok(());
        }
        match self.instance_dict(v, true)? {
            Some(d) => self.dict_set(d, name, x),
            None => {
                let n = self.str_of(name).to_string();
                {
                    Err(self.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        self.tname(v),
                        n
                    )))
                }
            }
        }
    }

    /// Keeps per-type caches right after `cls.name = value`. Setting `has_getattr` bumps `TYPE_EPOCH`
    /// once more, after the store: the namespace write bumped it before, so a plan that read the epoch
    /// between the two could have read `has_getattr` still false (under `--stm`, from another thread);
    /// plans read the epoch before `has_getattr`, so the second bump invalidates exactly those.
    pub fn type_modified(&mut self, ty: Value, name: Value) {
        let n = self.str_of(name);
        if n == "__getattr__" || n == "__getattribute__" {
            self.stm_irrevocable();
            self.store(&obj::<TypeObj>(ty).has_getattr, Value::TRUE);
            TYPE_EPOCH.fetch_add(1, Ordering::Release);
        }
    }

    /// `delattr(v, name)`.
    pub fn delattr(&mut self, v: Value, name: Value) -> PyResult<()> {
        let t = self.type_of(v);
        if !obj::<TypeObj>(t).builtin {
            let da = self.rt.names.__delattr__;
            if let Some(f) = self.type_lookup(t, da) {
                if !is::<NativeObj>(f) {
                    self.call_method_value(f, v, &[name])?;
                    return Ok(());
                }
            }
            if let Some(d) = self.type_lookup(t, name) {
                if let Some(p) = cast::<PropertyObj>(d) {
                    let f = p.fdel;
                    if f == Value::NONE || f.is_null() {
                        let n = self.str_of(name).to_string();
                        return Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            n,
                            self.tname(v)
                        )));
                    }
                    self.call(f, &[v], &[])?;
                    return Ok(());
                }
                if d.is_ptr() && !is::<FunctionObj>(d) {
                    let dt = self.type_of(d);
                    let dn = self.rt.names.__delete__;
                    if let Some(f) = self.type_lookup(dt, dn) {
                        self.call_method_value(f, d, &[v])?;
                        return Ok(());
                    }
                }
            }
        }
        if let Some(Kind::Instance) = ops_kind(v) {
            let inst = obj::<InstanceObj>(v);
            if inst.nslots > 0 {
                if let Some(i) = obj::<TypeObj>(t).slot_names.iter().position(|s| *s == name) {
                    if self.load(inst.slot(i)).is_null() {
                        let n = self.str_of(name).to_string();
                        return Err(self.attribute_error(n));
                    }
                    self.store_o(v, inst.slot(i), Value::NULL);
                    return Ok(());
                }
            }
        }
        if let Some(d) = self.instance_dict(v, false)? {
            if self.dict_del(d, name)?.is_some() {
                return Ok(());
            }
        }
        Err(self.no_attribute(v, name))
    }

    /// `LoadMethod`: (function, self) when `name` is a plain function/method descriptor on the type and
    /// not shadowed by the instance dict; otherwise (NULL, attribute).
    pub fn load_method(&mut self, v: Value, name: Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(v);
        let tobj = obj::<TypeObj>(t);
        if !is::<TypeObj>(v)
            && !is::<SuperObj>(v)
            && (tobj.builtin || self.load(&tobj.has_getattr) == Value::FALSE)
        {
            if let Some(d) = self.type_lookup(t, name) {
                let plain = is::<FunctionObj>(d)
                    || cast::<NativeObj>(d)
                        .is_some_and(|n| n.binds && !n.classmethod && n.bound.is_null());
                if plain {
                    let shadowed = match self.instance_dict(v, false)? {
                        Some(dd) => self.dict_has_str(dd, name),
                        None => false,
                    };
                    if !shadowed {
                        return Ok((d, v));
                    }
                }
            }
        }
        let a = self.getattr(v, name)?;
        Ok((Value::NULL, a))
    }
}

impl<M: Mode> Vm<M> {
    /// Decides what an attribute cache may remember about `v.name` for receivers of `v`'s type:
    /// `(epoch, kind, class attribute)`. Flags the namespaces of the MRO first so that any later write
    /// to them bumps the epoch. Never runs Python code. Consults the per-thread memo first.
    #[inline]
    fn attr_cache_plan(&mut self, v: Value, name: Value, op: CacheOp) -> (u64, u64, Value) {
        let t = self.type_of(v);
        let epoch = TYPE_EPOCH.load(Ordering::Relaxed);
        if let Some((kind, d)) = self.attr_memo.get(t, name, op, epoch) {
            return (epoch, kind, d);
        }
        let (e, kind, d) = self.attr_cache_plan_walk(v, name, op);
        self.attr_memo.put(t, name, op, e, kind, d);
        (e, kind, d)
    }

    /// [`Vm::attr_cache_plan`] without the memo: walks the MRO.
    fn attr_cache_plan_walk(&mut self, v: Value, name: Value, op: CacheOp) -> (u64, u64, Value) {
        let slow = (TYPE_EPOCH.load(Ordering::Relaxed), AC_SLOW, Value::NULL);
        if is::<TypeObj>(v) || is::<SuperObj>(v) || is::<ModuleObj>(v) {
            return slow;
        }
        let t = self.type_of(v);
        let tobj = obj::<TypeObj>(t);
        // The epoch before anything the plan depends on is read (`has_getattr` included: see
        // `type_modified`), so a change made after any of those reads invalidates the plan.
        let epoch = self.flag_mro_namespaces(t);
        if !tobj.builtin && self.load(&tobj.has_getattr) != Value::FALSE {
            return (epoch, AC_SLOW, Value::NULL);
        }
        let plain_inst = cast::<InstanceObj>(v).is_some_and(|i| i.nslots == 0);
        // A `__slots__` slot, unless a data descriptor of the class (a property) takes the name.
        if op != CacheOp::Method && cast::<InstanceObj>(v).is_some_and(|i| i.nslots > 0) {
            if let Some(i) = tobj.slot_names.iter().position(|s| *s == name) {
                let overridden = self
                    .type_lookup(t, name)
                    .is_some_and(|d| self.is_data_descriptor(d));
                let sa = self.rt.names.__setattr__;
                let custom_set = op == CacheOp::Store
                    && self.type_lookup(t, sa).is_some_and(|f| !is::<NativeObj>(f));
                if !overridden && !custom_set {
                    return (epoch, AC_SLOT | (i as u64) << 8, Value::NULL);
                }
                return slow;
            }
        }
        if op == CacheOp::Store {
            if !plain_inst {
                return slow;
            }
            let sa = self.rt.names.__setattr__;
            if self.type_lookup(t, sa).is_some_and(|f| !is::<NativeObj>(f)) {
                return slow;
            }
            return match self.type_lookup(t, name) {
                None => (epoch, AC_STORE_DICT, Value::NULL),
                Some(d)
                    if is::<FunctionObj>(d)
                        || is::<NativeObj>(d)
                        || self.is_plain_class_value(d) =>
                {
                    (epoch, AC_STORE_DICT, Value::NULL)
                }
                Some(_) => slow,
            };
        }
        match self.type_lookup(t, name) {
            None if plain_inst => (epoch, AC_INST_DICT, Value::NULL),
            None => slow,
            Some(d) => {
                let method = is::<FunctionObj>(d)
                    || op == CacheOp::Method
                        && cast::<NativeObj>(d)
                            .is_some_and(|n| n.binds && !n.classmethod && n.bound.is_null());
                // LoadAttr on builtin layouts consults their fields first (`special_getattr`).
                if method && (op == CacheOp::Method || plain_inst) {
                    (epoch, AC_METHOD, d)
                } else if op == CacheOp::Attr && plain_inst && self.is_plain_class_value(d) {
                    (epoch, AC_CLASS_VALUE, d)
                } else {
                    slow
                }
            }
        }
    }

    /// A class attribute that `descr_get` returns unchanged and that is not a data descriptor.
    fn is_plain_class_value(&self, d: Value) -> bool {
        if !d.is_ptr() {
            return true;
        }
        if matches!(
            ops_kind(d),
            Some(
                Kind::Function
                    | Kind::Native
                    | Kind::ClassMethod
                    | Kind::StaticMethod
                    | Kind::Property
            )
        ) {
            return false;
        }
        obj::<TypeObj>(self.type_of(d)).builtin
    }

    /// `name` in the instance dict of `v` (which would shadow a non-data class attribute)?
    #[inline]
    fn shadowed(&mut self, v: Value, name: Value) -> PyResult<bool> {
        Ok(match self.instance_dict(v, false)? {
            Some(d) => self.dict_has_str(d, name),
            None => false,
        })
    }

    /// The instance-dict value of an `AC_INST_DICT` entry (kind word `k` at offset `at`, refreshing the
    /// hint); None when absent. Out of line (the dispatch loop's code size matters).
    #[inline(never)]
    fn cached_inst_dict_get(
        &mut self,
        v: Value,
        name: Value,
        c: &InlineCache,
        k: u64,
        at: usize,
        op: CacheOp,
    ) -> Option<Value> {
        let i = cast::<InstanceObj>(v)?;
        let d = self.load_o(v, &i.dict);
        if d.is_null() {
            return None;
        }
        if let Some(x) = self.dict_hint_get(d, name, (k >> 8) as usize) {
            return Some(x);
        }
        let (e, x) = self.dict_find_str(d, name)?;
        cache_refresh_hint::<M>(c, at, k, e);
        self.memo_refresh_hint(v, name, op, k, e);
        Some(x)
    }

    /// Refreshes the instance-dict hint of `v`'s memo entry for (`name`, `op`) too (kind word `k`, new
    /// entry number `e`), so that the next refill of a thrashing inline entry starts from a good hint. The
    /// memo is this thread's own; the kind byte is unchanged and a hint is only a hint.
    fn memo_refresh_hint(&mut self, v: Value, name: Value, op: CacheOp, k: u64, e: usize) {
        if self.attr_memo.e.is_empty() {
            return;
        }
        let t = self.type_of(v).bits();
        let epoch = TYPE_EPOCH.load(Ordering::Relaxed);
        let m = &mut self.attr_memo.e[memo_index(t, name.bits(), op)];
        if m[0] == t
            && m[1] == name.bits()
            && m[2] == (epoch << 2 | op as u64)
            && m[3] & 0xff == k & 0xff
        {
            m[3] = (k & 0xff) | (e as u64) << 8;
        }
    }

    /// The inline-cache hits of `LoadAttr` that only read (an instance-dict value or a slot): never
    /// allocates, runs Python code or fills the cache. None: take [`Vm::load_attr_cached`].
    #[inline(always)]
    pub fn load_attr_hit(&mut self, v: Value, name: Value, c: &InlineCache) -> Option<Value> {
        if !v.is_ptr() {
            return None;
        }
        let t = self.type_of(v);
        let (k, _, _) = cache_hit(c, t, self.seqlock_caches());
        match k & 0xff {
            AC_INST_DICT => {
                let i = cast::<InstanceObj>(v)?;
                let d = self.load_o(v, &i.dict);
                if d.is_null() {
                    return None;
                }
                self.dict_hint_get(d, name, (k >> 8) as usize)
            }
            AC_SLOT => {
                let inst = obj::<InstanceObj>(v);
                let x = self.load_o(v, inst.slot((k >> 8) as usize));
                (!x.is_null()).then_some(x)
            }
            _ => None,
        }
    }

    /// The inline-cache hit of `LoadMethod` for a method on the class not shadowed by the instance
    /// dict: `(function, self)`. Never allocates or runs Python code. None: take
    /// [`Vm::load_method_cached`].
    #[inline(always)]
    pub fn load_method_hit(
        &mut self,
        v: Value,
        name: Value,
        c: &InlineCache,
    ) -> Option<(Value, Value)> {
        if !v.is_ptr() {
            return None;
        }
        let t = self.type_of(v);
        let (k, _, cd) = cache_hit(c, t, self.seqlock_caches());
        if k & 0xff != AC_METHOD {
            return None;
        }
        match self.instance_dict(v, false) {
            Ok(None) => Some((cd, v)),
            Ok(Some(d)) => (!self.dict_has_str(d, name)).then_some((cd, v)),
            Err(_) => None,
        }
    }

    /// The inline-cache hit of `StoreAttr` replacing an existing instance-dict value in place (or a
    /// slot): never allocates or runs Python code. False: take [`Vm::store_attr_cached`].
    #[inline(always)]
    pub fn store_attr_hit(&mut self, v: Value, name: Value, x: Value, c: &InlineCache) -> bool {
        if !v.is_ptr() {
            return false;
        }
        let t = self.type_of(v);
        let (k, _, _) = cache_hit(c, t, self.seqlock_caches());
        match k & 0xff {
            AC_SLOT => {
                let inst = obj::<InstanceObj>(v);
                self.store_o(v, inst.slot((k >> 8) as usize), x);
                true
            }
            AC_STORE_DICT => {
                let Some(i) = cast::<InstanceObj>(v) else {
                    return false;
                };
                let d = self.load_o(v, &i.dict);
                !d.is_null() && self.dict_hint_set(d, name, (k >> 8) as usize, x)
            }
            _ => false,
        }
    }

    /// `m.name` for an exact module `m` whose namespace holds `name` (and `ModuleType` has no data
    /// descriptor of that name, which would take precedence): the value, through the site's cache
    /// under the namespace's version: one read of the version word (one barrier under `--stm`) instead
    /// of the generic lookup. An entry is `(module, version, AC_MODULE_VALUE, value)` in the attribute
    /// entries' seqlock protocol; it never matches a type-keyed lookup (a module is not a type) nor the
    /// other way round. A value cached by an attempt that aborts sits under a version that attempt took
    /// (never reused) or a committed one, as in `LoadGlobal`'s cache. None: take the general path.
    fn module_attr_cached(&mut self, m: Value, name: Value, c: &InlineCache) -> Option<Value> {
        let d = obj::<ModuleObj>(m).dict;
        if !is::<DictObj>(d) || header(d).flags() & MODULE_DICT_FLAG == 0 {
            return None;
        }
        let ver = self.load_raw_o(d, &obj::<DictObj>(d).version);
        let (k, _, x) = cache_hit_at(c, m, ver, self.seqlock_caches());
        if k == AC_MODULE_VALUE {
            return Some(x);
        }
        let mt = self.types.module;
        if self
            .type_lookup(mt, name)
            .is_some_and(|a| self.is_data_descriptor(a))
        {
            return None;
        }
        let x = self.dict_get_str(d, name)?;
        cache_fill_any::<M>(c, m, ver, AC_MODULE_VALUE, x);
        Some(x)
    }

    /// Whether inline caches must be read as seqlocks (`cache_hit`): under `--stm`, unless this thread
    /// runs exclusive (no other thread runs Python code, so none fills a cache meanwhile).
    #[inline(always)]
    fn seqlock_caches(&self) -> bool {
        M::STM && !self.cx.exclusive()
    }

    /// The entry of `c` for `v`'s type `t`: `(kind word, entry offset, class attribute)`. On a miss, plans
    /// (`attr_cache_plan`, memoized), fills an entry and returns the fresh plan, so the caller serves the
    /// access from it like a hit (the offset is [`NO_ENTRY`] when a `--stm` fill lost a race).
    #[inline(always)]
    fn cache_entry(
        &mut self,
        v: Value,
        t: Value,
        name: Value,
        c: &InlineCache,
        op: CacheOp,
    ) -> (u64, usize, Value) {
        let hit = cache_hit(c, t, self.seqlock_caches());
        if hit.0 != 0 {
            return hit;
        }
        self.cache_miss(v, t, name, c, op)
    }

    /// The miss path of [`Vm::cache_entry`] (out of line: it would bloat the dispatch loop).
    #[inline(never)]
    fn cache_miss(
        &mut self,
        v: Value,
        t: Value,
        name: Value,
        c: &InlineCache,
        op: CacheOp,
    ) -> (u64, usize, Value) {
        let (e, kind, d) = self.attr_cache_plan(v, name, op);
        if M::STM && c.get(1) == e && c.get(5) == e && !self.attr_memo.evict_now() {
            // Both entries are current for other types: a megamorphic site. Refilling it on every
            // miss would write the shared cache line each time, and every other thread reading this
            // site would then miss in its hardware cache (the line bounces between cores); the
            // fresh plan serves this access and only one miss in `EVICT_EVERY` evicts an entry.
            return (kind, NO_ENTRY, d);
        }
        let at = cache_fill_any::<M>(c, t, e, kind, d);
        (kind, at, d)
    }

    /// `LoadAttr` through its inline cache `c` (same result as [`Vm::getattr`]).
    #[inline]
    pub fn load_attr_cached(&mut self, v: Value, name: Value, c: &InlineCache) -> PyResult<Value> {
        if is::<ModuleObj>(v) && self.type_of(v) == self.types.module {
            if let Some(x) = self.module_attr_cached(v, name, c) {
                return Ok(x);
            }
        }
        if v.is_ptr() {
            let t = self.type_of(v);
            let (k, at, cd) = self.cache_entry(v, t, name, c, CacheOp::Attr);
            match k & 0xff {
                AC_INST_DICT => {
                    if let Some(x) = self.cached_inst_dict_get(v, name, c, k, at, CacheOp::Attr) {
                        return Ok(x);
                    }
                }
                AC_METHOD if !self.shadowed(v, name)? => {
                    return self.new_bound_method(cd, v);
                }
                AC_CLASS_VALUE if !self.shadowed(v, name)? => {
                    return Ok(cd);
                }
                AC_SLOT => {
                    let inst = obj::<InstanceObj>(v);
                    let x = self.load_o(v, inst.slot((k >> 8) as usize));
                    if !x.is_null() {
                        return Ok(x);
                    }
                }
                _ => {}
            }
        }
        self.getattr(v, name)
    }

    /// `LoadMethod` through its inline cache `c` (same result as [`Vm::load_method`]).
    #[inline]
    pub fn load_method_cached(
        &mut self,
        v: Value,
        name: Value,
        c: &InlineCache,
    ) -> PyResult<(Value, Value)> {
        if is::<ModuleObj>(v) && self.type_of(v) == self.types.module {
            // `math.sqrt(x)`: a module attribute is a plain value (never bound).
            if let Some(x) = self.module_attr_cached(v, name, c) {
                return Ok((Value::NULL, x));
            }
        }
        if v.is_ptr() {
            let t = self.type_of(v);
            let (k, at, cd) = self.cache_entry(v, t, name, c, CacheOp::Method);
            match k & 0xff {
                AC_INST_DICT => {
                    if let Some(x) = self.cached_inst_dict_get(v, name, c, k, at, CacheOp::Method) {
                        return Ok((Value::NULL, x));
                    }
                }
                AC_METHOD if !self.shadowed(v, name)? => {
                    return Ok((cd, v));
                }
                _ => {}
            }
        }
        self.load_method(v, name)
    }

    /// `StoreAttr` through its inline cache `c` (same effect as [`Vm::setattr`]).
    #[inline]
    pub fn store_attr_cached(
        &mut self,
        v: Value,
        name: Value,
        x: Value,
        c: &InlineCache,
    ) -> PyResult<()> {
        if v.is_ptr() {
            let t = self.type_of(v);
            let (k, at, _) = self.cache_entry(v, t, name, c, CacheOp::Store);
            match k & 0xff {
                AC_SLOT => {
                    let inst = obj::<InstanceObj>(v);
                    self.store_o(v, inst.slot((k >> 8) as usize), x);
                    return Ok(());
                }
                AC_STORE_DICT => {
                    if let Some(i) = cast::<InstanceObj>(v) {
                        let d = self.load_o(v, &i.dict);
                        if !d.is_null() {
                            if self.dict_hint_set(d, name, (k >> 8) as usize, x) {
                                return Ok(());
                            }
                            let h = self.str_hash(name);
                            let e = self.dict_set_entry(d, name, h, x)?;
                            cache_refresh_hint::<M>(c, at, k, e);
                            self.memo_refresh_hint(v, name, CacheOp::Store, k, e);
                            return Ok(());
                        }
                    }
                }
                _ => {}
            }
        }
        self.setattr(v, name, x)
    }
}

/// Which instruction an attribute cache serves (or, for the plan memo only, `Lookup`: a memoized
/// [`Vm::type_lookup`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CacheOp {
    Attr,
    Method,
    Store,
    Lookup,
}

/// The kind of a pointer value as an enum.
#[inline]
pub fn ops_kind(v: Value) -> Option<Kind> {
    crate::interp::ops::Kind_of(v)
}
