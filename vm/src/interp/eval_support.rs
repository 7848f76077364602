//! Support for the dispatch loop (`eval.rs`): float and index helpers of its fast paths, subscripts
//! and slices without a slice object, the `LoadGlobal` inline cache, error constructors for unbound
//! names, safepoints and GC polls, `raise`, and the mapping protocol of class bodies (`LoadName` and
//! friends). Split out of `eval.rs` to keep the loop itself readable; nothing here has invariants of
//! its own beyond those documented there.

use crate::access::Mode;
use crate::bytecode::{BinOp, InlineCache};
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

/// `a op b` on two floats when IEEE arithmetic gives Python's result directly (no error case).
#[inline(always)]
pub(super) fn float_op(a: f64, b: f64, op: BinOp) -> Option<Value> {
    match op {
        BinOp::Add => Some(Value::float(a + b)),
        BinOp::Sub => Some(Value::float(a - b)),
        BinOp::Mul => Some(Value::float(a * b)),
        BinOp::TrueDiv if b != 0.0 => Some(Value::float(a / b)),
        // A positive finite base never needs a complex result or an error unless the result overflows.
        BinOp::Pow if a > 0.0 && a.is_finite() && b.is_finite() => {
            let r = a.powf(b);
            r.is_finite().then(|| Value::float(r))
        }
        _ => None,
    }
}

/// A float, or a small int as f64 (exact: small ints have at most 50 bits); None for anything else.
/// Two small ints are handled before this is consulted.
#[inline(always)]
pub(super) fn num_f64(v: Value) -> Option<f64> {
    if v.is_float() {
        Some(v.as_float())
    } else if v.is_small_int() {
        Some(v.as_small_int() as f64)
    } else {
        None
    }
}

/// `k` (a small int) as an index into a sequence of length `n`, negative indices from the end.
#[inline(always)]
pub(super) fn seq_small_index(k: Value, n: usize) -> Option<usize> {
    let i = k.as_small_int();
    let i = if i < 0 { i + n as i64 } else { i };
    (0 <= i && (i as usize) < n).then_some(i as usize)
}

impl<M: Mode> Vm<M> {
    /// `o[k]` for an exact list or tuple and an in-range small int, or an exact dict and a str key that
    /// is present; None means "take the general path" (which also raises the errors).
    #[inline(always)]
    pub(super) fn subscr_fast(&mut self, o: Value, k: Value) -> Option<Value> {
        if !o.is_ptr() {
            return None;
        }
        if k.is_small_int() {
            if is::<ListObj>(o) && self.type_of(o) == self.types.list {
                let i = seq_small_index(k, self.list_len(o))?;
                return Some(self.list_get(o, i));
            }
            if let Some(t) = cast::<TupleObj>(o) {
                if self.type_of(o) == self.types.tuple {
                    let i = seq_small_index(k, t.len)?;
                    return Some(t.as_slice()[i]);
                }
            }
        } else if self.is_exact_dict_str_key(o, k) {
            return self.dict_get_str(o, k);
        }
        None
    }

    /// `d` is an exact dict and `k` an exact str (lookups never run Python code).
    #[inline(always)]
    pub(super) fn is_exact_dict_str_key(&self, d: Value, k: Value) -> bool {
        is::<StrObj>(k)
            && is::<DictObj>(d)
            && self.type_of(k) == self.types.str
            && self.type_of(d) == self.types.dict
    }

    /// `o[a:b]` for an exact str whose characters are all ASCII, or an exact list, with small-int or
    /// None bounds; Ok(None) means "take the general path".
    pub(super) fn slice2_fast(&mut self, o: Value, a: Value, b: Value) -> PyResult<Option<Value>> {
        let bound = |v: Value, n: usize, dflt: usize| -> Option<usize> {
            if v == Value::NONE {
                return Some(dflt);
            }
            if !v.is_small_int() {
                return None;
            }
            let i = v.as_small_int();
            let i = if i < 0 { (i + n as i64).max(0) } else { i };
            Some((i as usize).min(n))
        };
        if let Some(so) = cast::<StrObj>(o) {
            if so.char_len != so.s.len() || self.type_of(o) != self.types.str {
                return Ok(None);
            }
            let n = so.s.len();
            let (Some(i), Some(j)) = (bound(a, n, 0), bound(b, n, n)) else {
                return Ok(None);
            };
            if i == 0 && j == n {
                return Ok(Some(o));
            }
            let j = j.max(i);
            return self.new_str(&so.s[i..j]).map(Some);
        }
        if is::<ListObj>(o) && self.type_of(o) == self.types.list {
            let n = self.list_len(o);
            let (Some(i), Some(j)) = (bound(a, n, 0), bound(b, n, n)) else {
                return Ok(None);
            };
            let j = j.max(i);
            let items: Vec<Value> = (i..j).map(|k| self.list_get(o, k)).collect();
            return self.new_list(&items).map(Some);
        }
        Ok(None)
    }

    /// `LoadGlobal` through its inline cache. Words: 0 = the globals dict, 1 = kind | entry hint << 8.
    /// Kinds 3 and 4 (the globals are a module namespace, `MODULE_DICT_FLAG`): the value itself is
    /// cached, in word 3, valid while the globals' `version` (word 2) is unchanged, and for kind 4
    /// (found in the builtins) also the builtins' version (word 4). Module-dict versions are never
    /// reused, so one read of the version word (a barrier under `--stm`) stands for the whole
    /// lookup. Kinds 1 and 2 (any other globals dict): the entry hint in the globals or (2) in the
    /// builtins, validated by the key stored there; for 2, word 2 is the globals' version (a global
    /// added or deleted since changes it). Under `--stm` word 5 is the entry's seqlock sequence (odd
    /// while a thread fills it), so an entry is never read half-written.
    #[inline(always)]
    pub(super) fn load_global_cached(
        &self,
        globals: Value,
        builtins: Value,
        name: Value,
        c: &InlineCache,
    ) -> Option<Value> {
        let seq = if M::STM { c.get_acquire(5) } else { 0 };
        if c.get(0) != globals.bits() || seq & 1 == 1 {
            return None;
        }
        let w1 = c.get(1);
        let (ver, val, bver) = (c.get(2), c.get(3), c.get(4));
        if M::STM {
            std::sync::atomic::fence(std::sync::atomic::Ordering::Acquire);
            if c.get(5) != seq || c.get(0) != globals.bits() {
                return None;
            }
        }
        let hint = (w1 >> 8) as usize;
        let gver = || self.load_raw(&obj::<DictObj>(globals).version);
        match w1 & 0xff {
            3 if gver() == ver => Some(Value::from_bits(val)),
            4 if gver() == ver && self.load_raw(&obj::<DictObj>(builtins).version) == bver => {
                Some(Value::from_bits(val))
            }
            1 => self.dict_hint_get(globals, name, hint),
            2 if gver() == ver => self.dict_hint_get(builtins, name, hint),
            _ => None,
        }
    }

    /// `LoadGlobal`'s full lookup (globals, then builtins), refilling the inline cache.
    pub(super) fn load_global_fill(
        &mut self,
        globals: Value,
        builtins: Value,
        name: Value,
        c: &InlineCache,
    ) -> Option<Value> {
        let module = |d: Value| header(d).flags() & MODULE_DICT_FLAG != 0;
        let ver = self.load_raw(&obj::<DictObj>(globals).version);
        if let Some((e, v)) = self.dict_find_str(globals, name) {
            let kind = if module(globals) { 3 } else { 1 };
            global_cache_fill::<M>(
                c,
                [globals.bits(), kind | (e as u64) << 8, ver, v.bits(), 0],
            );
            return Some(v);
        }
        let bver = self.load_raw(&obj::<DictObj>(builtins).version);
        let (e, v) = self.dict_find_str(builtins, name)?;
        let kind = if module(globals) && module(builtins) {
            4
        } else {
            2
        };
        global_cache_fill::<M>(
            c,
            [globals.bits(), kind | (e as u64) << 8, ver, v.bits(), bver],
        );
        Some(v)
    }

    /// UnboundLocalError for the local variable `name` (a str).
    pub(super) fn unbound_local(&mut self, name: Value) -> PyErr {
        let n = self.str_of(name).to_string();
        let c = self.exc.unbound_local_error;
        self.error(
            c,
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    }

    pub(super) fn unbound_deref(&mut self, code: &crate::bytecode::Code, arg: u32) -> PyErr {
        let idx = arg as usize;
        if idx < code.cellvars.len() {
            self.unbound_local(code.cellvars[idx])
        } else {
            let n = self
                .str_of(code.freevars[idx - code.cellvars.len()])
                .to_string();
            self.name_error(format!(
                "cannot access free variable '{n}' where it is not associated with a value in enclosing scope"
            ))
        }
    }

    /// A function defined by `builtins/prelude.py`.
    pub fn prelude_fn(&mut self, name: &str) -> Value {
        let g = self.rt.prelude;
        self.dict_get_name(g, name).expect("prelude function")
    }

    /// Whether the next safepoint has work: a collection is due or another thread waits for the GIL.
    #[inline(always)]
    pub fn poll_requested(&self) -> bool {
        self.heap.should_collect() || crate::interp::threads::GIL.drop_requested()
    }

    /// `gc.collect()`: a full collection now (every dead object freed before it returns), in both modes.
    pub fn collect_now(&mut self) {
        if M::STM {
            // Not necessarily a switch point (called from native code): collect inevitable.
            self.stm_irrevocable();
            self.stm_collect_with(true);
        } else {
            crate::interp::gc::collect(self, true);
        }
    }

    /// A safepoint in GIL mode: every live value is in a root (see the module documentation). Collects
    /// if due, then lets a waiting thread run if one asked for the GIL. (Under `--stm` the switch points
    /// play this part: `stm_poll`.)
    fn safepoint(&mut self) {
        debug_assert!(!M::STM);
        if self.heap.should_collect() {
            crate::interp::gc::collect(self, false);
        }
        self.switch_threads();
    }

    /// The eval loop's safepoint poll at backward jumps: collect if due, and switch threads if another
    /// thread waits for the GIL. Cheap when nothing is pending: two relaxed loads.
    #[inline(always)]
    pub(super) fn safepoint_poll(&mut self) {
        if M::STM {
            self.stm_poll();
            return;
        }
        if self.poll_requested() {
            self.safepoint();
        }
    }

    /// The poll at calls and returns: collect if due, but never switch threads there (thread switches
    /// happen at backward jumps and Python function entry, as in CPython, so a native call between
    /// acquiring and releasing a lock does not hand the GIL over while the lock is held).
    #[inline(always)]
    pub(super) fn gc_poll(&mut self) {
        // Under --stm collections start at switch points only.
        if !M::STM && self.heap.should_collect() {
            crate::interp::gc::collect(self, false);
        }
    }

    pub(super) fn check_except_class(&mut self, cls: Value) -> PyResult<()> {
        let ok = |vm: &Self, c: Value| is::<TypeObj>(c) && vm.is_subtype(c, vm.exc.base_exception);
        let valid = if let Some(t) = cast::<TupleObj>(cls) {
            t.as_slice().iter().all(|c| ok(self, *c))
        } else {
            ok(self, cls)
        };
        if valid {
            Ok(())
        } else {
            Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ))
        }
    }

    /// Implements `raise` (arg 0: re-raise, 1: raise X, 2: raise X from Y).
    pub(super) fn do_raise(&mut self, arg: u32) -> PyErr {
        if arg == 0 {
            if self.exc_info.is_null() {
                return self.runtime_error("No active exception to reraise");
            }
            self.reraising = true;
            return PyErr::Exc(self.exc_info);
        }
        let cause = if arg == 2 {
            self.stack.pop().unwrap()
        } else {
            Value::NULL
        };
        let x = self.stack.pop().unwrap();
        let exc = match self.make_exception(x) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if arg == 2 {
            let c = if cause == Value::NONE {
                Value::NONE
            } else if is::<ExceptionObj>(cause)
                || is::<TypeObj>(cause) && self.is_subtype(cause, self.exc.base_exception)
            {
                match self.make_exception(cause) {
                    Ok(c) => c,
                    Err(e) => return e,
                }
            } else {
                return self.type_error("exception causes must derive from BaseException");
            };
            let eo = obj::<ExceptionObj>(exc);
            self.store(&eo.cause, c);
            self.store(&eo.suppress_context, Value::TRUE);
        }
        PyErr::Exc(exc)
    }

    /// `raise X`: X may be an exception class (instantiated with no args) or instance.
    pub fn make_exception(&mut self, x: Value) -> PyResult<Value> {
        if is::<TypeObj>(x) && self.is_subtype(x, self.exc.base_exception) {
            return self.call(x, &[], &[]);
        }
        if is::<ExceptionObj>(x) {
            return Ok(x);
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// Builds a tuple from `stack[n..]`.
    pub(super) fn new_tuple_from_stack(&mut self, n: usize) -> PyResult<Value> {
        let items: Vec<Value> = self.stack[n..].to_vec();
        self.new_tuple(&items)
    }

    /// Locals-mapping get (module/class bodies): dict fast path, else `__getitem__`.
    pub fn mapping_get(&mut self, m: Value, name: Value) -> PyResult<Option<Value>> {
        if is::<DictObj>(m) {
            return Ok(self.dict_get_str(m, name));
        }
        match self.getitem(m, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let ke = self.exc.key_error;
                if self.err_matches(&e, ke) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    pub fn mapping_set(&mut self, m: Value, name: Value, v: Value) -> PyResult<()> {
        if is::<DictObj>(m) {
            let h = self.str_hash(name);
            return self.dict_set_hashed(m, name, h, v);
        }
        self.setitem(m, name, v)
    }

    pub(super) fn mapping_del(&mut self, m: Value, name: Value) -> PyResult<bool> {
        if is::<DictObj>(m) {
            return Ok(self.dict_del(m, name)?.is_some());
        }
        self.delitem(m, name)?;
        Ok(true)
    }
}

/// Writes words 0..5 of a `LoadGlobal` cache entry. Under `--stm` the entry is a seqlock (word 5: odd
/// while written; a thread that finds another filling skips its fill). A value cached by a transaction
/// that later aborts is harmless: it was read under a version of the transaction's own (never reused,
/// never committed) or a committed one.
fn global_cache_fill<M: Mode>(c: &InlineCache, w: [u64; 5]) {
    let s = c.get(5);
    if M::STM {
        if s & 1 == 1 || !c.claim(5, s, s + 1) {
            return;
        }
        // Orders the odd sequence before the entry's words (pairs with the reader's Acquire fence).
        std::sync::atomic::fence(std::sync::atomic::Ordering::Release);
    }
    for (i, x) in w.iter().enumerate() {
        c.set(i, *x);
    }
    if M::STM {
        c.set_release(5, s + 2);
    }
}
