//! Iteration (`iter`, `next`) and generators (resume, yield, send, throw, close).
//!
//! Builtin iterators are `IterObj`s whose position lives in slots. A generator owns its suspended frame
//! (`SavedFrame`); resuming it copies the frame's values back onto the thread's stack and runs a nested
//! loop until the generator yields or returns (the `SavedFrame` is kept and refilled at the next yield,
//! so a yield/resume cycle does not allocate). `for x in gen` does not nest: `ForIter` pushes the
//! generator's frame into the running loop (`gen_push_for`, `Boundary::GenFor`). A `throw` into a generator paused in `yield from` is first
//! forwarded to the sub-iterator (closing it for `GeneratorExit`), as CPython does; the named methods
//! (`send`, `throw`, `close`) are in `builtins::gen_type`.

use crate::access::Mode;
use crate::bytecode::Op;
use crate::interp::eval::Exit;
use crate::interp::frame::{Boundary, FrameInfo, SavedFrame};
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

const GEN_CREATED: u64 = 0;
const GEN_SUSPENDED: u64 = 1;
const GEN_RUNNING: u64 = 2;
const GEN_FINISHED: u64 = 3;

/// What a `throw` forwarded to a `yield from` sub-iterator did.
enum Delegated {
    /// The sub-iterator yielded: the outer generator yields the same value.
    Yielded(Value),
    /// The sub-iterator finished: the `yield from` evaluates to this value.
    Returned(Value),
    /// The sub-iterator raised (or was closed): raise this in the outer generator.
    Raise(Value),
}

impl<M: Mode> Vm<M> {
    /// `iter(o)`. May run `__iter__`.
    pub fn get_iter(&mut self, o: Value) -> PyResult<Value> {
        if o.is_ptr() {
            let t = self.type_of(o);
            if obj::<TypeObj>(t).builtin {
                match crate::interp::attr::ops_kind(o) {
                    Some(Kind::List) => {
                        let c = self.types.list_iterator;
                        return self.new_iter(c, IterKind::List, o, Value::NULL, 0, 0);
                    }
                    Some(Kind::Tuple) => {
                        let c = self.types.tuple_iterator;
                        return self.new_iter(c, IterKind::Tuple, o, Value::NULL, 0, 0);
                    }
                    Some(Kind::Str) => {
                        let c = self.types.str_iterator;
                        // Lone surrogates: by index through `str_getitem` (IterKind::Str walks `s`).
                        let k = if obj::<StrObj>(o).wide.is_some() {
                            IterKind::Seq
                        } else {
                            IterKind::Str
                        };
                        return self.new_iter(c, k, o, Value::NULL, 0, 0);
                    }
                    Some(Kind::Bytes) | Some(Kind::ByteArray) => {
                        let c = self.types.bytes_iterator;
                        return self.new_iter(c, IterKind::Bytes, o, Value::NULL, 0, 0);
                    }
                    Some(Kind::Dict) => {
                        let c = self.types.dict_keyiterator;
                        let n = self.dict_len(o) as u64;
                        return self.new_iter(c, IterKind::DictKeys, o, Value::NULL, 0, n);
                    }
                    Some(Kind::DictView) => {
                        let v = obj::<DictViewObj>(o);
                        let (d, which) = (v.dict, v.which);
                        let n = self.dict_len(d) as u64;
                        let (c, k) = match which {
                            0 => (self.types.dict_keyiterator, IterKind::DictKeys),
                            1 => (self.types.dict_valueiterator, IterKind::DictValues),
                            _ => (self.types.dict_itemiterator, IterKind::DictItems),
                        };
                        return self.new_iter(c, k, d, Value::NULL, 0, n);
                    }
                    Some(Kind::Set) | Some(Kind::FrozenSet) => {
                        let c = self.types.set_iterator;
                        let n = self.set_len(o) as u64;
                        return self.new_iter(c, IterKind::Set, o, Value::NULL, 0, n);
                    }
                    Some(Kind::Range) => return self.range_iter(o),
                    Some(Kind::Iter) | Some(Kind::Generator) => return Ok(o),
                    _ => {}
                }
            }
        }
        let t = self.type_of(o);
        let n = self.rt.names.__iter__;
        if let Some(f) = self.type_lookup(t, n) {
            if f != Value::NONE {
                let it = self.call_method_value(f, o, &[])?;
                let nx = self.rt.names.__next__;
                let it_t = self.type_of(it);
                if self.type_lookup(it_t, nx).is_none()
                    && !is::<IterObj>(it)
                    && !is::<GeneratorObj>(it)
                {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        self.tname(it)
                    )));
                }
                return Ok(it);
            }
        }
        let gi = self.rt.names.__getitem__;
        if self.type_lookup(t, gi).is_some() {
            let c = self.types.seq_iterator;
            return self.new_iter(c, IterKind::Seq, o, Value::NULL, 0, 0);
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.tname(o))))
    }

    /// The next `(key, value)` of a dict iterator (any of the three kinds), None when exhausted;
    /// RuntimeError if the dict changed size.
    fn dict_iter_next(&mut self, i: &IterObj) -> PyResult<Option<(Value, Value)>> {
        let d = i.a;
        if self.dict_len(d) as u64 != self.load_raw(&i.s2) {
            self.store_raw(&i.s2, u64::MAX);
            return Err(self.runtime_error("dictionary changed size during iteration"));
        }
        let pos = self.load_raw(&i.s1) as usize;
        Ok(self.dict_next(d, pos).map(|(p, k, v)| {
            self.store_raw(&i.s1, p as u64);
            (k, v)
        }))
    }

    /// The next `(count, item)` of an enumerate iterator, None when exhausted. May run Python code.
    fn enumerate_next(&mut self, i: &IterObj) -> PyResult<Option<(Value, Value)>> {
        match self.iter_next(i.a)? {
            Some(v) => {
                let n = self.load(&i.s1);
                let next =
                    self.binary_op(n, Value::small_int(1), crate::bytecode::BinOp::Add, false)?;
                self.store(&i.s1, next);
                Ok(Some((n, v)))
            }
            None => Ok(None),
        }
    }

    /// Whether `it` is an iterator whose items are pairs it builds itself: `enumerate`, `dict.items()`,
    /// a non-strict `zip` of two (what [`Vm::iter_next_pair`] takes). Never runs code.
    pub fn is_pair_iter(it: Value) -> bool {
        cast::<IterObj>(it).is_some_and(|i| match i.ikind {
            IterKind::Enumerate | IterKind::DictItems => true,
            IterKind::Zip => obj::<TupleObj>(i.a).as_slice().len() == 2 && i.b != Value::TRUE,
            _ => false,
        })
    }

    /// For `for a, b in it` (`Op::ForIterUnpack2`), `it` an [`Vm::is_pair_iter`] iterator: its next
    /// pair without the tuple, None when exhausted, with the same calls, checks and errors as
    /// [`Vm::iter_next`]. May run Python code. Out of line: the dispatch loop's code size matters.
    #[inline(never)]
    pub fn iter_next_pair(&mut self, it: Value) -> PyResult<Option<(Value, Value)>> {
        debug_assert!(Self::is_pair_iter(it));
        let i = obj::<IterObj>(it);
        match i.ikind {
            IterKind::Enumerate => self.enumerate_next(i),
            IterKind::DictItems => self.dict_iter_next(i),
            _ => {
                // A zip of two; its tuple of iterators is immutable and kept alive by `i`.
                let its: &[Value] = obj::<TupleObj>(i.a).as_slice();
                let Some(a) = self.iter_next(its[0])? else {
                    return Ok(None);
                };
                self.temp_roots.push(a);
                let b = self.iter_next(its[1]);
                self.temp_roots.pop();
                Ok(b?.map(|b| (a, b)))
            }
        }
    }

    /// `next(it)`: Some(value), or None when exhausted. May run Python code.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        if let Some(i) = cast::<IterObj>(it) {
            return self.builtin_iter_next(i);
        }
        if is::<GeneratorObj>(it) {
            return match self.gen_resume(it, Value::NONE, None)? {
                Ok(v) => Ok(Some(v)),
                Err(_) => Ok(None),
            };
        }
        let t = self.type_of(it);
        let n = self.rt.names.__next__;
        match self.type_lookup(t, n) {
            Some(f) => match self.call_method_value(f, it, &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    let si = self.exc.stop_iteration;
                    if self.err_matches(&e, si) {
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            },
            None => Err(self.type_error(format!("'{}' object is not an iterator", self.tname(it)))),
        }
    }

    fn builtin_iter_next(&mut self, i: &IterObj) -> PyResult<Option<Value>> {
        match i.ikind {
            IterKind::List => {
                let idx = self.load_raw(&i.s1) as usize;
                if idx < self.list_len(i.a) {
                    self.store_raw(&i.s1, idx as u64 + 1);
                    Ok(Some(self.list_get(i.a, idx)))
                } else {
                    self.store_raw(&i.s1, u64::MAX >> 1);
                    Ok(None)
                }
            }
            IterKind::Tuple => {
                let idx = self.load_raw(&i.s1) as usize;
                let t = obj::<TupleObj>(i.a).as_slice();
                if idx < t.len() {
                    self.store_raw(&i.s1, idx as u64 + 1);
                    Ok(Some(t[idx]))
                } else {
                    Ok(None)
                }
            }
            IterKind::Str => {
                let off = self.load_raw(&i.s1) as usize;
                let s = self.str_of(i.a);
                match s[off..].chars().next() {
                    Some(c) => {
                        self.store_raw(&i.s1, (off + c.len_utf8()) as u64);
                        let mut buf = [0u8; 4];
                        let cs = c.encode_utf8(&mut buf);
                        Ok(Some(self.char_str(cs)?))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Bytes => {
                let idx = self.load_raw(&i.s1) as usize;
                let b = if let Some(b) = cast::<BytesObj>(i.a) {
                    b.b.get(idx).copied()
                } else {
                    obj::<ByteArrayObj>(i.a).b.lock().unwrap().get(idx).copied()
                };
                match b {
                    Some(x) => {
                        self.store_raw(&i.s1, idx as u64 + 1);
                        Ok(Some(Value::small_int(x as i64)))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Range => {
                let remaining = self.load_raw(&i.s2);
                if remaining == 0 {
                    return Ok(None);
                }
                let cur = self.load(&i.s1);
                self.store_raw(&i.s2, remaining - 1);
                let step = i.a.as_small_int();
                let next = cur.as_small_int() + step;
                if let Some(n) = Value::try_small_int(next) {
                    self.store(&i.s1, n);
                }
                Ok(Some(cur))
            }
            IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems => {
                match self.dict_iter_next(i)? {
                    Some((k, v)) => match i.ikind {
                        IterKind::DictKeys => Ok(Some(k)),
                        IterKind::DictValues => Ok(Some(v)),
                        _ => Ok(Some(self.new_tuple(&[k, v])?)),
                    },
                    None => Ok(None),
                }
            }
            IterKind::Set => {
                if self.set_len(i.a) as u64 != self.load_raw(&i.s2) {
                    self.store_raw(&i.s2, u64::MAX);
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                let pos = self.load_raw(&i.s1) as usize;
                match self.set_next(i.a, pos) {
                    Some((p, k)) => {
                        self.store_raw(&i.s1, p as u64);
                        Ok(Some(k))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Seq => {
                let idx = self.load_raw(&i.s1);
                if idx == u64::MAX {
                    return Ok(None);
                }
                let k = Value::small_int(idx as i64);
                match self.getitem(i.a, k) {
                    Ok(v) => {
                        self.store_raw(&i.s1, idx + 1);
                        Ok(Some(v))
                    }
                    Err(e) => {
                        let ie = self.exc.index_error;
                        let si = self.exc.stop_iteration;
                        if self.err_matches(&e, ie) || self.err_matches(&e, si) {
                            self.store_raw(&i.s1, u64::MAX);
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
            IterKind::Reversed | IterKind::ListReversed => {
                let idx = self.load_raw(&i.s1);
                if idx == 0 {
                    return Ok(None);
                }
                self.store_raw(&i.s1, idx - 1);
                if i.ikind == IterKind::ListReversed {
                    let n = idx as usize - 1;
                    if n < self.list_len(i.a) {
                        return Ok(Some(self.list_get(i.a, n)));
                    }
                    self.store_raw(&i.s1, 0);
                    return Ok(None);
                }
                let k = Value::small_int(idx as i64 - 1);
                self.getitem(i.a, k).map(Some)
            }
            IterKind::Enumerate => match self.enumerate_next(i)? {
                Some((n, v)) => Ok(Some(self.new_tuple(&[n, v])?)),
                None => Ok(None),
            },
            IterKind::Zip => {
                // The tuple of iterators is immutable and kept alive by `i`: no copy.
                let its: &[Value] = obj::<TupleObj>(i.a).as_slice();
                if its.is_empty() {
                    return Ok(None);
                }
                let strict = i.b == Value::TRUE;
                let mut small = [Value::NULL; 8];
                let mut big: Vec<Value> = Vec::new();
                let mark = self.temp_roots.len();
                for (k, it) in its.iter().enumerate() {
                    let r = self.iter_next(*it);
                    match r {
                        Ok(Some(v)) => {
                            if k < 8 {
                                small[k] = v;
                            } else {
                                big.push(v);
                            }
                            self.temp_roots.push(v);
                        }
                        Ok(None) => {
                            self.temp_roots.truncate(mark);
                            if strict {
                                return self.zip_strict_error(its, k);
                            }
                            return Ok(None);
                        }
                        Err(e) => {
                            self.temp_roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                let r = if its.len() <= 8 {
                    self.new_tuple(&small[..its.len()])
                } else {
                    let mut out = small.to_vec();
                    out.extend_from_slice(&big);
                    self.new_tuple(&out)
                };
                self.temp_roots.truncate(mark);
                Ok(Some(r?))
            }
            IterKind::Map => {
                let its: &[Value] = obj::<TupleObj>(i.b).as_slice();
                let mut args = Vec::new();
                let mut small = [Value::NULL; 8];
                let mark = self.temp_roots.len();
                for (k, it) in its.iter().enumerate() {
                    let r = self.iter_next(*it);
                    if r.is_err() {
                        self.temp_roots.truncate(mark);
                    }
                    match r? {
                        Some(v) => {
                            if k < 8 {
                                small[k] = v;
                            } else {
                                args.push(v);
                            }
                            self.temp_roots.push(v);
                        }
                        None => {
                            self.temp_roots.truncate(mark);
                            return Ok(None);
                        }
                    }
                }
                let r = if its.len() <= 8 {
                    self.call(i.a, &small[..its.len()], &[])
                } else {
                    let mut all = small.to_vec();
                    all.extend_from_slice(&args);
                    self.call(i.a, &all, &[])
                };
                self.temp_roots.truncate(mark);
                r.map(Some)
            }
            IterKind::Filter => loop {
                let Some(v) = self.iter_next(i.b)? else {
                    return Ok(None);
                };
                let keep = if i.a == Value::NONE {
                    self.truthy(v)?
                } else {
                    self.temp_roots.push(v);
                    let r = self.call(i.a, &[v], &[]);
                    self.temp_roots.pop();
                    let r = r?;
                    self.truthy(r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            IterKind::Callable => {
                if self.load_raw(&i.s1) == 1 {
                    return Ok(None);
                }
                let v = match self.call(i.a, &[], &[]) {
                    Ok(v) => v,
                    Err(e) => {
                        // StopIteration from the callable ends the iteration (CPython's calliter).
                        let si = self.exc.stop_iteration;
                        if self.err_matches(&e, si) {
                            self.store_raw(&i.s1, 1);
                            return Ok(None);
                        }
                        return Err(e);
                    }
                };
                if self.eq(i.b, v)? {
                    self.store_raw(&i.s1, 1);
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }

    /// `zip(strict=True)`: iterator `k` was exhausted; raise unless all the others are too.
    fn zip_strict_error(&mut self, its: &[Value], k: usize) -> PyResult<Option<Value>> {
        let plural = |k: usize| {
            if k == 1 {
                "argument 1".to_string()
            } else {
                format!("arguments 1-{k}")
            }
        };
        if k > 0 {
            return Err(self.value_error(format!(
                "zip() argument {} is shorter than {}",
                k + 1,
                plural(k)
            )));
        }
        for (j, it) in its.iter().enumerate().skip(1) {
            if self.iter_next(*it)?.is_some() {
                return Err(self.value_error(format!(
                    "zip() argument {} is longer than {}",
                    j + 1,
                    plural(j)
                )));
            }
        }
        Ok(None)
    }

    /// A one-character str (Latin-1 ones are interned, from the `rt.chars` table).
    pub fn char_str(&mut self, s: &str) -> PyResult<Value> {
        let b = s.as_bytes();
        let cp = match b.len() {
            1 => b[0] as usize,
            2 if b[0] < 0xc4 => (((b[0] & 0x1f) as usize) << 6) | (b[1] & 0x3f) as usize,
            _ => usize::MAX,
        };
        if cp < 256 {
            let v = self.rt.chars[cp];
            if !v.is_null() {
                return Ok(v);
            }
        }
        if s.len() == 1 {
            return Ok(self.intern(s));
        }
        self.new_str(s)
    }

    // ----- generators ---------------------------------------------------------------------------------

    /// Resumes generator `g`, sending `sent` (or throwing `throw`). Ok(Ok(v)): it yielded v;
    /// Ok(Err(r)): it returned r (StopIteration). Raises what the generator raises.
    pub fn gen_resume(
        &mut self,
        g: Value,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<Result<Value, Value>> {
        let go = obj::<GeneratorObj>(g);
        let state = self.load_raw(&go.state);
        if state == GEN_RUNNING {
            return Err(self.value_error("generator already executing"));
        }
        if state == GEN_FINISHED {
            if let Some(e) = throw {
                return Err(PyErr::Exc(e));
            }
            return Ok(Err(Value::NONE));
        }
        if state == GEN_CREATED && sent != Value::NONE && throw.is_none() {
            return Err(self.type_error("can't send non-None value to a just-started generator"));
        }
        let mut throw = throw;
        if let (Some(e), GEN_SUSPENDED) = (throw, state) {
            if let Some(sub) = self.gen_delegate(g) {
                match self.gen_throw_delegated(g, sub, e)? {
                    Delegated::Yielded(v) => return Ok(Ok(v)),
                    Delegated::Returned(r) => return self.gen_resume(g, r, None),
                    Delegated::Raise(e2) => throw = Some(e2),
                }
            }
        }
        self.check_native_stack()?;
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        // Copy the saved window onto the stack; the SavedFrame (and its Vec's capacity) stays in the
        // generator for the next suspension, so a yield/resume cycle allocates nothing.
        self.stm_gen_touch(g);
        let (info, exc_info) = {
            let mut guard = go.frame.lock().unwrap_or_else(|e| e.into_inner());
            let Some(sf) = guard.as_mut() else {
                return Ok(Err(Value::NONE));
            };
            let mut info = sf.info;
            let exc_info = sf.exc_info;
            info.base = self.stack.len() as u32;
            info.gen = g;
            info.boundary = Boundary::Native;
            let code = &obj::<CodeObj>(info.code).code;
            self.stack
                .reserve(sf.values.len() + code.max_stack as usize + 1);
            self.stack.extend_from_slice(&sf.values);
            sf.values.clear();
            sf.exc_info = Value::NULL;
            (info, exc_info)
        };
        self.frames.push(info);
        self.store_raw(&go.state, GEN_RUNNING);
        let outer_exc = self.exc_info;
        if !exc_info.is_null() {
            self.exc_info = exc_info;
        }
        if state != GEN_CREATED && throw.is_none() {
            self.stack.push(sent);
        }
        self.native_depth += 1;
        let r = if let Some(e) = throw {
            self.run_with_pending(e)
        } else {
            self.run_loop()
        };
        self.native_depth -= 1;
        self.exc_info = outer_exc;
        match r {
            Ok(Exit::Yield(v)) => Ok(Ok(v)),
            Ok(Exit::Return(v)) => Ok(Err(v)),
            Err(e) => {
                let si = self.exc.stop_iteration;
                if self.err_matches(&e, si) {
                    let c = self.exc.runtime_error;
                    let r = self.error(c, "generator raised StopIteration");
                    let (rv, ev) = (self.exc_value(&r), self.exc_value(&e));
                    let ro = obj::<ExceptionObj>(rv);
                    self.store(&ro.cause, ev);
                    self.store(&ro.context, ev);
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// The sub-iterator of the `yield from` that suspended generator `g` is paused in, if any.
    fn gen_delegate(&mut self, g: Value) -> Option<Value> {
        let go = obj::<GeneratorObj>(g);
        let guard = go.frame.lock().unwrap_or_else(|e| e.into_inner());
        let sf = guard.as_ref()?;
        let code = &obj::<CodeObj>(sf.info.code).code;
        let ins = code.instrs.get(sf.info.ip as usize)?;
        if ins.op == Op::YieldFrom {
            sf.values.last().copied()
        } else {
            None
        }
    }

    /// Moves the suspended generator `g` past its `yield from` (the sub-iterator finished or raised):
    /// pops the sub-iterator from its saved stack and steps over the instruction.
    fn gen_leave_yield_from(&mut self, g: Value) {
        self.stm_gen_touch(g);
        let go = obj::<GeneratorObj>(g);
        let mut guard = go.frame.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(sf) = guard.as_mut() {
            sf.values.pop();
            sf.info.ip += 1;
        }
    }

    /// `throw(e)` into a generator paused in `yield from sub`: CPython's delegation rules (close the
    /// sub-iterator on GeneratorExit, else forward to its `throw`).
    fn gen_throw_delegated(&mut self, g: Value, sub: Value, e: Value) -> PyResult<Delegated> {
        let go = obj::<GeneratorObj>(g);
        let ge = self.exc.generator_exit;
        let is_exit = {
            let t = self.type_of(e);
            self.is_subtype(t, ge)
        };
        self.store_raw(&go.state, GEN_RUNNING);
        let r: PyResult<Result<Value, Value>> = if is_exit {
            let closed = if is::<GeneratorObj>(sub) {
                self.gen_close_value(sub)
            } else {
                let n = self.rt.names.close;
                match self.getattr_opt(sub, n) {
                    Ok(Some(f)) => self.call(f, &[], &[]).map(|_| ()),
                    Ok(None) => Ok(()),
                    Err(err) => Err(err),
                }
            };
            match closed {
                Ok(()) => Err(PyErr::Exc(e)),
                Err(err) => Err(err),
            }
        } else if is::<GeneratorObj>(sub) {
            self.gen_resume(sub, Value::NONE, Some(e))
        } else {
            let n = self.rt.names.throw;
            match self.getattr_opt(sub, n) {
                Ok(Some(f)) => {
                    let r = self.call(f, &[e], &[]);
                    self.split_stop_iteration(r)
                }
                Ok(None) => Err(PyErr::Exc(e)),
                Err(err) => Err(err),
            }
        };
        self.store_raw(&go.state, GEN_SUSPENDED);
        match r {
            Ok(Ok(y)) => Ok(Delegated::Yielded(y)),
            Ok(Err(v)) => {
                self.gen_leave_yield_from(g);
                Ok(Delegated::Returned(v))
            }
            Err(err) => {
                self.gen_leave_yield_from(g);
                let ev = self.exc_value(&err);
                Ok(Delegated::Raise(ev))
            }
        }
    }

    /// Runs the top frame as if instruction `ip - 1` had raised `e`.
    fn run_with_pending(&mut self, e: Value) -> PyResult<Exit> {
        // Emulate a raise at the current ip: search handlers via the normal unwinding path.
        let fi = *self.frames.last().unwrap();
        let code = &obj::<CodeObj>(fi.code).code;
        let ip = fi.ip.saturating_sub(1) as usize;
        self.add_traceback(e, fi.code, code.line_of(ip));
        if let Some(h) = code.handler_for(ip) {
            self.stack
                .truncate(fi.base as usize + code.nlocalsplus() + h.depth as usize);
            self.stack.push(e);
            self.frames.last_mut().unwrap().ip = h.handler;
            return self.run_loop();
        }
        self.stack.truncate(fi.base as usize);
        self.frames.pop();
        self.finish_generator(fi.gen);
        Err(PyErr::Exc(e))
    }

    /// Resumes generator `g` for `next()` as a frame of the running loop (`Boundary::GenFor`), on top
    /// of the current frame. False (nothing done) when it cannot run that way: not created or
    /// suspended, or at the recursion limit; the caller then uses the general path.
    pub fn gen_push_for(&mut self, g: Value) -> bool {
        let go = obj::<GeneratorObj>(g);
        let state = self.load_raw(&go.state);
        if (state != GEN_CREATED && state != GEN_SUSPENDED)
            || self.frames.len() >= self.recursion_limit
        {
            return false;
        }
        self.stm_gen_touch(g);
        let info = {
            let mut guard = go.frame.lock().unwrap_or_else(|e| e.into_inner());
            let Some(sf) = guard.as_mut() else {
                return false;
            };
            let mut info = sf.info;
            info.base = self.stack.len() as u32;
            info.gen = g;
            info.boundary = Boundary::GenFor;
            let code = &obj::<CodeObj>(info.code).code;
            self.stack
                .reserve(sf.values.len() + code.max_stack as usize + 2);
            self.stack.extend_from_slice(&sf.values);
            sf.values.clear();
            // Swap: the generator's handled exception becomes current, the caller's is kept here.
            let gen_exc = sf.exc_info;
            sf.exc_info = self.exc_info;
            if !gen_exc.is_null() {
                self.exc_info = gen_exc;
            }
            info
        };
        if state != GEN_CREATED {
            self.stack.push(Value::NONE);
        }
        self.frames.push(info);
        self.store_raw(&go.state, GEN_RUNNING);
        true
    }

    /// The caller's handled exception kept by a `Boundary::GenFor` generator frame (see `gen_push_for`).
    pub fn gen_for_outer_exc(&mut self, g: Value) -> Value {
        let go = obj::<GeneratorObj>(g);
        let guard = go.frame.lock().unwrap_or_else(|e| e.into_inner());
        guard.as_ref().map_or(Value::NULL, |sf| sf.exc_info)
    }

    /// A `StopIteration` raised inside a generator becomes `RuntimeError` (PEP 479).
    pub fn gen_convert_stop_iteration(&mut self, e: PyErr) -> PyErr {
        let si = self.exc.stop_iteration;
        if self.err_matches(&e, si) {
            let c = self.exc.runtime_error;
            let r = self.error(c, "generator raised StopIteration");
            let (rv, ev) = (self.exc_value(&r), self.exc_value(&e));
            let ro = obj::<ExceptionObj>(rv);
            self.store(&ro.cause, ev);
            self.store(&ro.context, ev);
            return r;
        }
        e
    }

    /// Saves the top (generator) frame into its generator object and pops it. `fi` may be a stale copy
    /// (its ip not updated): the live top frame's bookkeeping is what is saved.
    /// Returns the `SavedFrame::exc_info` it replaced (for a `Boundary::GenFor` frame: the caller's
    /// handled exception, what [`Vm::gen_for_outer_exc`] reads), NULL when there was no saved frame.
    pub fn suspend_generator(&mut self, fi: FrameInfo) -> Value {
        let fi = self.frames.last().copied().unwrap_or(fi);
        let base = fi.base as usize;
        let g = fi.gen;
        self.stm_gen_touch(g);
        let go = obj::<GeneratorObj>(g);
        let prev = {
            // Reuse the generator's SavedFrame (kept while it runs) and its Vec's capacity.
            let mut guard = go.frame.lock().unwrap_or_else(|e| e.into_inner());
            match guard.as_mut() {
                Some(sf) => {
                    sf.info = fi;
                    sf.values.clear();
                    sf.values.extend_from_slice(&self.stack[base..]);
                    std::mem::replace(&mut sf.exc_info, self.exc_info)
                }
                None => {
                    *guard = Some(Box::new(SavedFrame {
                        info: fi,
                        values: self.stack[base..].to_vec(),
                        exc_info: self.exc_info,
                    }));
                    Value::NULL
                }
            }
        };
        self.stack.truncate(base);
        self.frames.pop();
        self.store_raw(&go.state, GEN_SUSPENDED);
        prev
    }

    /// Marks a generator finished (its frame returned or raised).
    pub fn finish_generator(&mut self, g: Value) {
        self.stm_gen_touch(g);
        let go = obj::<GeneratorObj>(g);
        self.store_raw(&go.state, GEN_FINISHED);
        *go.frame.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// `yield from` step: sends `v` to sub-iterator `sub`. Ok(Ok(y)): it yielded y; Ok(Err(r)): it
    /// finished with return value r.
    pub fn gen_send_to(&mut self, sub: Value, v: Value) -> PyResult<Result<Value, Value>> {
        if is::<GeneratorObj>(sub) {
            return self.gen_resume(sub, v, None);
        }
        if v == Value::NONE && is::<IterObj>(sub) {
            return match self.iter_next(sub)? {
                Some(y) => Ok(Ok(y)),
                None => Ok(Err(Value::NONE)),
            };
        }
        let r = if v == Value::NONE {
            let t = self.type_of(sub);
            let n = self.rt.names.__next__;
            match self.type_lookup(t, n) {
                Some(f) => self.call_method_value(f, sub, &[]),
                None => {
                    return Err(
                        self.type_error(format!("'{}' object is not an iterator", self.tname(sub)))
                    )
                }
            }
        } else {
            self.call_method(sub, "send", &[v])
        };
        self.split_stop_iteration(r)
    }

    /// The result of a delegated `send`/`throw`/`__next__`: `Ok(Ok(v))` for a yielded value,
    /// `Ok(Err(v))` when it raised StopIteration (with value `v`), `Err` for any other exception.
    fn split_stop_iteration(&mut self, r: PyResult<Value>) -> PyResult<Result<Value, Value>> {
        match r {
            Ok(y) => Ok(Ok(y)),
            Err(e) => {
                let si = self.exc.stop_iteration;
                if self.err_matches(&e, si) {
                    let ev = self.exc_value(&e);
                    let args = self.load(&obj::<ExceptionObj>(ev).args);
                    let a = obj::<TupleObj>(args).as_slice();
                    Ok(Err(a.first().copied().unwrap_or(Value::NONE)))
                } else {
                    Err(e)
                }
            }
        }
    }
}
