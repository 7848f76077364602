//! Operators: arithmetic, comparison, truth, hashing, equality, and the `repr`/`str` protocol.
//!
//! Each operation first tries fast paths on the value word (small ints, floats, strs), then the native
//! implementation for builtin types (`native_binop`), then Python's dunder protocol (`__add__`,
//! reflected `__radd__` with the subclass-first rule, in-place `__iadd__`). Everything here may run Python
//! code (a user dunder) unless stated otherwise.

use crate::access::Mode;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::interp::{PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// A numeric operand seen through Python's numeric tower.
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

impl<M: Mode> Vm<M> {
    /// `v` as a number (bool counts as int), or None.
    pub fn as_num<'a>(&self, v: Value) -> Option<Num<'a>> {
        if v.is_small_int() {
            Some(Num::Int(v.as_small_int()))
        } else if v.is_float() {
            Some(Num::Float(v.as_float()))
        } else if v == Value::TRUE {
            Some(Num::Int(1))
        } else if v == Value::FALSE {
            Some(Num::Int(0))
        } else if let Some(b) = cast::<BigIntObj>(v) {
            Some(Num::Big(&b.v))
        } else if let Some(c) = cast::<ComplexObj>(v) {
            Some(Num::Complex(c.re, c.im))
        } else {
            self.float_subclass_value(v).map(Num::Float)
        }
    }

    /// The value of an instance of a user subclass of `float` (kept in its hidden first slot).
    #[inline]
    pub fn float_subclass_value(&self, v: Value) -> Option<f64> {
        let i = cast::<InstanceObj>(v)?;
        if i.nslots == 0 {
            return None;
        }
        let t = obj::<TypeObj>(self.type_of(v));
        let first = *t.slot_names.first()?;
        if cast::<StrObj>(first)?.s.as_ref() != crate::builtins::int_type::FLOAT_VALUE_SLOT {
            return None;
        }
        let x = self.load(i.slot(0));
        x.is_float().then(|| x.as_float())
    }

    /// `v` as an f64 when it is a float or an instance of a float subclass.
    #[inline]
    pub fn float_value(&self, v: Value) -> Option<f64> {
        if v.is_float() {
            Some(v.as_float())
        } else {
            self.float_subclass_value(v)
        }
    }

    /// `v` as a BigInt when it is an int or bool.
    pub fn as_bigint(&self, v: Value) -> Option<BigInt> {
        match self.as_num(v)? {
            Num::Int(i) => Some(BigInt::from(i)),
            Num::Big(b) => Some(b.clone()),
            _ => None,
        }
    }

    /// Is `v` an int (or bool)?
    pub fn is_int(&self, v: Value) -> bool {
        v.is_small_int() || v == Value::TRUE || v == Value::FALSE || is::<BigIntObj>(v)
    }

    // ----- truth ----------------------------------------------------------------------------------------

    /// `bool(v)`. May run `__bool__`/`__len__`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if v == Value::TRUE {
            return Ok(true);
        }
        if v == Value::FALSE || v == Value::NONE {
            return Ok(false);
        }
        if v.is_small_int() {
            return Ok(v.as_small_int() != 0);
        }
        if v.is_float() {
            return Ok(v.as_float() != 0.0);
        }
        if !v.is_ptr() {
            return Ok(true);
        }
        match Kind_of(v) {
            Some(Kind::Str) => return Ok(!obj::<StrObj>(v).s.is_empty()),
            Some(Kind::List) if self.type_of(v) == self.types.list => {
                return Ok(self.list_len(v) > 0)
            }
            Some(Kind::Tuple) if self.type_of(v) == self.types.tuple => {
                return Ok(obj::<TupleObj>(v).len > 0)
            }
            Some(Kind::Dict) if self.type_of(v) == self.types.dict => {
                return Ok(self.dict_len(v) > 0)
            }
            Some(Kind::BigInt) => return Ok(!obj::<BigIntObj>(v).v.is_zero()),
            Some(Kind::Range) => {
                let l = obj::<RangeObj>(v).len;
                return Ok(!(l.is_small_int() && l.as_small_int() == 0));
            }
            _ => {}
        }
        let t = self.type_of(v);
        let n = self.rt.names.__bool__;
        if let Some(f) = self.type_lookup(t, n) {
            let r = self.call_method_value(f, v, &[])?;
            if r == Value::TRUE || r == Value::FALSE {
                return Ok(r == Value::TRUE);
            }
            return Err(self.type_error(format!(
                "__bool__ should return bool, returned {}",
                self.tname(r)
            )));
        }
        let n = self.rt.names.__len__;
        if let Some(f) = self.type_lookup(t, n) {
            let r = self.call_method_value(f, v, &[])?;
            let n = self.index_value(r)?;
            if n < 0 {
                return Err(self.value_error("__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        Ok(true)
    }

    // ----- hashing --------------------------------------------------------------------------------------

    /// The cached hash of a str (never runs Python code).
    pub fn str_hash(&self, v: Value) -> i64 {
        let s = obj::<StrObj>(v);
        let h = s.hash.load(std::sync::atomic::Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let mut x = fx_hash(s.s.as_bytes());
        if x == 0 || x == -1 {
            x = 1;
        }
        // Relaxed: any thread computing the hash stores the same value.
        s.hash.store(x, std::sync::atomic::Ordering::Relaxed);
        x
    }

    /// `hash(v)`. May run `__hash__`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(numeric::hash::hash_i64(v.as_small_int()));
        }
        if v.is_float() {
            let x = v.as_float();
            return Ok(numeric::hash::hash_f64(x).unwrap_or((v.bits() >> 4) as i64));
        }
        if !v.is_ptr() {
            return Ok(match v {
                Value::TRUE => 1,
                Value::FALSE => 0,
                _ => ((v.bits() >> 4) & 0xfff_ffff) as i64,
            });
        }
        match Kind_of(v) {
            Some(Kind::Str) => return Ok(self.str_hash(v)),
            Some(Kind::BigInt) => return Ok(numeric::hash::hash_bigint(&obj::<BigIntObj>(v).v)),
            Some(Kind::Tuple) if self.type_of(v) == self.types.tuple => {
                let items = obj::<TupleObj>(v).as_slice();
                let mut hs = Vec::with_capacity(items.len());
                for it in items {
                    hs.push(self.hash(*it)?);
                }
                return Ok(numeric::hash::hash_tuple(&hs));
            }
            Some(Kind::Bytes) => {
                let mut x = fx_hash(&obj::<BytesObj>(v).b);
                if x == -1 {
                    x = -2;
                }
                return Ok(x);
            }
            Some(Kind::FrozenSet) if self.type_of(v) == self.types.frozenset => {
                return Ok(self.frozenset_hash(v));
            }
            Some(Kind::BoundMethod) => {
                // CPython's meth_hash: identity of __self__ xor hash of __func__.
                let b = obj::<BoundMethodObj>(v);
                let (this, func) = (b.this, b.func);
                let x = ((this.bits() & 0xffff_ffff_ffff) >> 4) as i64;
                let y = self.hash(func)?;
                let h = x ^ y;
                return Ok(if h == -1 { -2 } else { h });
            }
            Some(Kind::Range) => {
                // CPython's range_hash: hash((len, start, step)), with None for what does not matter.
                let r = obj::<RangeObj>(v);
                let (len, start, step) = (r.len, r.start, r.step);
                let one = Value::small_int(1);
                let parts = if len == Value::small_int(0) {
                    [len, Value::NONE, Value::NONE]
                } else if len == one {
                    [len, start, Value::NONE]
                } else {
                    [len, start, step]
                };
                let mut hs = [0i64; 3];
                for (h, p) in hs.iter_mut().zip(parts) {
                    *h = self.hash(p)?;
                }
                return Ok(numeric::hash::hash_tuple(&hs));
            }
            Some(Kind::Complex) => {
                let c = obj::<ComplexObj>(v);
                return Ok(
                    numeric::hash::hash_complex(c.re, c.im).unwrap_or((v.bits() >> 4) as i64)
                );
            }
            _ => {}
        }
        let t = self.type_of(v);
        let n = self.rt.names.__hash__;
        match self.type_lookup(t, n) {
            Some(f) if f == Value::NONE => {
                Err(self.type_error(format!("unhashable type: '{}'", self.tname(v))))
            }
            Some(f) if !is::<NativeObj>(f) => {
                let r = self.call_method_value(f, v, &[])?;
                if !self.is_int(r) {
                    return Err(self.type_error("__hash__ method should return an integer"));
                }
                let h = match self.as_num(r) {
                    Some(Num::Int(-1)) => -2,
                    Some(Num::Int(i)) => i,
                    // A result that fits a machine word is the hash itself (CPython's slot_tp_hash).
                    Some(Num::Big(b)) => match b.to_i64() {
                        Some(-1) => -2,
                        Some(i) => i,
                        None => numeric::hash::hash_bigint(b),
                    },
                    _ => 0,
                };
                Ok(h)
            }
            Some(f) if !self.is_native_of(f, self.types.object, "__hash__") => {
                let r = self.call_method_value(f, v, &[])?;
                match self.as_num(r) {
                    // A machine-sized result is the hash itself (CPython maps -1 to -2).
                    Some(Num::Int(i)) => Ok(if i == -1 { -2 } else { i }),
                    Some(Num::Big(b)) => Ok(match b.to_i64() {
                        Some(-1) => -2,
                        Some(i) => i,
                        None => numeric::hash::hash_bigint(b),
                    }),
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            // object.__hash__: identity.
            _ => Ok(((v.bits() & 0xffff_ffff_ffff) >> 4) as i64),
        }
    }

    // ----- equality and comparison ----------------------------------------------------------------------

    /// `a == b` as a bool. May run `__eq__`.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is_small_int() && b.is_small_int() {
            return Ok(a == b);
        }
        if a.is_float() && b.is_float() {
            return Ok(a.as_float() == b.as_float());
        }
        if let (Some(x), Some(y)) = (cast::<StrObj>(a), cast::<StrObj>(b)) {
            return Ok(x.same_text(y));
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// Rich comparison; returns the result object. May run Python dunders.
    pub fn compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if a.is_small_int() && b.is_small_int() {
            return Ok(Value::bool(cmp_ord(
                op,
                a.as_small_int().cmp(&b.as_small_int()),
            )));
        }
        if a.is_float() && b.is_float() {
            return Ok(Value::bool(cmp_f64(op, a.as_float(), b.as_float())));
        }
        // Builtin values compare natively; a user subclass may override the dunders.
        if obj::<TypeObj>(self.type_of(a)).builtin && obj::<TypeObj>(self.type_of(b)).builtin {
            let r = self.native_compare(a, b, op)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
        self.compare_slow(a, b, op)
    }

    fn compare_slow(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let swapped = op.swapped();
        let name_a = self.intern(op.dunder());
        let name_b = self.intern(swapped.dunder());
        let mut checked_reflected = false;
        if ta != tb && self.is_subtype(tb, ta) {
            if let Some(f) = self.type_lookup(tb, name_b) {
                checked_reflected = true;
                let r = self.call_method_value(f, b, &[a])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = self.type_lookup(ta, name_a) {
            let r = self.call_method_value(f, a, &[b])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
        if !checked_reflected {
            if let Some(f) = self.type_lookup(tb, name_b) {
                let r = self.call_method_value(f, b, &[a])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a == b)),
            CmpOp::Ne => Ok(Value::bool(a != b)),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.tname(a),
                self.tname(b)
            ))),
        }
    }

    /// Comparison of builtin values without user dunders; NOT_IMPLEMENTED when not applicable.
    pub fn native_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return Ok(num_compare(x, y, op)
                .map(Value::bool)
                .unwrap_or(Value::NOT_IMPLEMENTED));
        }
        if !(a.is_ptr() && b.is_ptr()) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let ka = kind_of(a);
        let kb = kind_of(b);
        if ka == Kind::DictView as u8 || kb == Kind::DictView as u8 {
            let r = self.dictview_compare(a, b, op)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
            return self.dictview_compare(b, a, op.swapped());
        }
        if ka != kb {
            if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                let set_like = |k: u8| k == Kind::Set as u8 || k == Kind::FrozenSet as u8;
                if set_like(ka) && set_like(kb) {
                    return self.set_compare(a, b, op);
                }
            }
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let builtin_pair =
            obj::<TypeObj>(self.type_of(a)).builtin && obj::<TypeObj>(self.type_of(b)).builtin;
        match Kind_of(a) {
            Some(Kind::Str) => Ok(Value::bool(cmp_ord(op, str_cmp(a, b)))),
            Some(Kind::Bytes) => Ok(Value::bool(cmp_ord(
                op,
                obj::<BytesObj>(a).b.cmp(&obj::<BytesObj>(b).b),
            ))),
            Some(Kind::Tuple) if builtin_pair => self.tuple_compare(a, b, op),
            Some(Kind::List) if builtin_pair => {
                let x = self.list_snapshot(a);
                let y = self.list_snapshot(b);
                self.temp_roots.extend_from_slice(&x);
                self.temp_roots.extend_from_slice(&y);
                let r = self.seq_compare(&x, &y, op);
                let n = self.temp_roots.len() - x.len() - y.len();
                self.temp_roots.truncate(n);
                r
            }
            Some(Kind::Dict) if builtin_pair && matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = self.dict_equal(a, b)?;
                Ok(Value::bool(if op == CmpOp::Eq { e } else { !e }))
            }
            Some(Kind::Set) | Some(Kind::FrozenSet) => self.set_compare(a, b, op),
            Some(Kind::ByteArray) => {
                let x = obj::<ByteArrayObj>(a).b.lock().unwrap().clone();
                let y = obj::<ByteArrayObj>(b).b.lock().unwrap().clone();
                Ok(Value::bool(cmp_ord(op, x.cmp(&y))))
            }
            Some(Kind::BoundMethod) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                // Equal when bound to the same object (identity) with equal functions.
                let (x, y) = (obj::<BoundMethodObj>(a), obj::<BoundMethodObj>(b));
                let (fx, fy) = (x.func, y.func);
                let e = x.this == y.this && (fx == fy || self.eq(fx, fy)?);
                Ok(Value::bool(if op == CmpOp::Eq { e } else { !e }))
            }
            Some(Kind::Range) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = self.range_equal(a, b)?;
                Ok(Value::bool(if op == CmpOp::Eq { e } else { !e }))
            }
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    /// Order of two small ints, two non-NaN floats or two exact strs, decided without running Python
    /// code; `None` for anything else (the caller falls back to the rich comparison).
    #[inline]
    pub fn quick_order(&self, a: Value, b: Value) -> Option<Ordering> {
        if a.is_small_int() && b.is_small_int() {
            return Some(a.as_small_int().cmp(&b.as_small_int()));
        }
        if a.is_float() && b.is_float() {
            return a.as_float().partial_cmp(&b.as_float());
        }
        if let (Some(x), Some(y)) = (cast::<StrObj>(a), cast::<StrObj>(b)) {
            let t = self.types.str;
            if self.type_of(a) == t && self.type_of(b) == t {
                if x.wide.is_some() || y.wide.is_some() {
                    return Some(str_cmp(a, b));
                }
                return Some(x.s.cmp(&y.s));
            }
        }
        None
    }

    /// Lexicographic comparison of two tuples in place: tuples are immutable and the caller's
    /// `a`/`b` keep them (and so their items) alive, so no copy is needed. Items of simple builtin
    /// types are ordered directly; others go through `eq`/`compare`.
    pub fn tuple_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let x = obj::<TupleObj>(a).as_slice();
        let y = obj::<TupleObj>(b).as_slice();
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
            return Ok(Value::bool(op == CmpOp::Ne));
        }
        for (p, q) in x.iter().zip(y.iter()) {
            let (p, q) = (*p, *q);
            if p == q {
                continue;
            }
            if let Some(o) = self.quick_order(p, q) {
                if o == Ordering::Equal {
                    continue;
                }
                return Ok(Value::bool(cmp_ord(op, o)));
            }
            if !self.eq(p, q)? {
                return match op {
                    CmpOp::Eq => Ok(Value::FALSE),
                    CmpOp::Ne => Ok(Value::TRUE),
                    _ => self.compare(p, q, op),
                };
            }
        }
        Ok(Value::bool(cmp_ord(op, x.len().cmp(&y.len()))))
    }

    /// Lexicographic comparison of two sequences (items must be rooted by the caller).
    pub fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<Value> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
            return Ok(Value::bool(op == CmpOp::Ne));
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if p == q {
                continue;
            }
            if !self.eq(*p, *q)? {
                return match op {
                    CmpOp::Eq => Ok(Value::FALSE),
                    CmpOp::Ne => Ok(Value::TRUE),
                    _ => self.compare(*p, *q, op),
                };
            }
        }
        Ok(Value::bool(cmp_ord(op, x.len().cmp(&y.len()))))
    }

    fn dict_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        let items = self.dict_items_vec(a);
        for (k, v) in items {
            match self.dict_get(b, k)? {
                None => return Ok(false),
                Some(w) => {
                    if v != w && !self.eq(v, w)? {
                        return Ok(false);
                    }
                }
            }
        }
        Ok(true)
    }

    // ----- arithmetic -----------------------------------------------------------------------------------

    /// `a op b` (or `a op= b` when `inplace`). May run Python dunders.
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        if a.is_small_int() && b.is_small_int() {
            if let Some(v) = small_int_op(a.as_small_int(), b.as_small_int(), op) {
                return Ok(v);
            }
        } else if a.is_float() && b.is_float() {
            let (x, y) = (a.as_float(), b.as_float());
            match op {
                BinOp::Add => return Ok(Value::float(x + y)),
                BinOp::Sub => return Ok(Value::float(x - y)),
                BinOp::Mul => return Ok(Value::float(x * y)),
                BinOp::TrueDiv if y != 0.0 => return Ok(Value::float(x / y)),
                _ => {}
            }
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let builtin_a = obj::<TypeObj>(ta).builtin;
        let builtin_b = obj::<TypeObj>(tb).builtin;
        if inplace && !builtin_a {
            let (_, _, iname) = op.dunders();
            let n = self.intern(iname);
            if let Some(f) = self.type_lookup(ta, n) {
                let r = self.call_method_value(f, a, &[b])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        // `seq * x`: the number protocol of `x` (its __rmul__) comes before sequence repetition.
        let mut tried_seq_reflected = false;
        if op == BinOp::Mul
            && builtin_a
            && !builtin_b
            && matches!(
                Kind_of(a),
                Some(Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray)
            )
        {
            let rn = self.intern("__rmul__");
            if let Some(f) = self.type_lookup(tb, rn) {
                tried_seq_reflected = true;
                let r = self.call_method_value(f, b, &[a])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        if builtin_a && builtin_b {
            let r = self.native_binop(a, b, op, inplace)?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
            return Err(self.binop_type_error(a, b, op));
        }
        let (name, rname, _) = op.dunders();
        let name = self.intern(name);
        let rname = self.intern(rname);
        let mut tried_reflected = false;
        if ta != tb && self.is_subtype(tb, ta) {
            if let Some(f) = self.type_lookup(tb, rname) {
                let overrides = self.type_lookup(ta, rname) != Some(f);
                if overrides {
                    tried_reflected = true;
                    let r = self.call_method_value(f, b, &[a])?;
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(f) = self.type_lookup(ta, name) {
            let r = self.call_method_value(f, a, &[b])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
        if !tried_reflected && !tried_seq_reflected && ta != tb {
            if let Some(f) = self.type_lookup(tb, rname) {
                let r = self.call_method_value(f, b, &[a])?;
                if r != Value::NOT_IMPLEMENTED {
                    return Ok(r);
                }
            }
        }
        Err(self.binop_type_error(a, b, op))
    }

    fn binop_type_error(&mut self, a: Value, b: Value, op: BinOp) -> crate::interp::PyErr {
        if op == BinOp::Add && is::<StrObj>(a) && !is::<StrObj>(b) {
            return self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.tname(b)
            ));
        }
        if op == BinOp::Add && is::<ListObj>(a) && !is::<ListObj>(b) {
            return self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                self.tname(b)
            ));
        }
        if op == BinOp::Add && is::<TupleObj>(a) && !is::<TupleObj>(b) {
            return self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                self.tname(b)
            ));
        }
        if op == BinOp::Mul
            && (is::<StrObj>(a) || is::<ListObj>(a) || is::<TupleObj>(a))
            && !self.is_int(b)
            && b.is_float()
        {
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.tname(b)
            ));
        }
        if op == BinOp::Mul
            && (is::<StrObj>(a) || is::<ListObj>(a) || is::<TupleObj>(a) || is::<BytesObj>(a))
            && !self.is_int(b)
        {
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.tname(b)
            ));
        }
        if op == BinOp::Mul
            && (is::<StrObj>(b) || is::<ListObj>(b) || is::<TupleObj>(b))
            && !self.is_int(a)
        {
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.tname(a)
            ));
        }
        if op == BinOp::Pow {
            return self.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.tname(a),
                self.tname(b)
            ));
        }
        let sym = op.symbol();
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            self.tname(a),
            self.tname(b)
        ))
    }

    /// Binary operators on builtin types. NOT_IMPLEMENTED when the operand types do not support `op`.
    pub fn native_binop(
        &mut self,
        a: Value,
        b: Value,
        op: BinOp,
        inplace: bool,
    ) -> PyResult<Value> {
        let is_bool = |v: Value| v == Value::TRUE || v == Value::FALSE;
        if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) && is_bool(a) && is_bool(b) {
            let (x, y) = (a == Value::TRUE, b == Value::TRUE);
            return Ok(Value::bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return self.num_binop(x, y, op);
        }
        if !a.is_ptr() && !b.is_ptr() {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let ka = if a.is_ptr() { Kind_of(a) } else { None };
        let kb = if b.is_ptr() { Kind_of(b) } else { None };
        match (ka, kb, op) {
            (Some(Kind::Str), Some(Kind::Str), BinOp::Add) => {
                if crate::builtins::str_type::has_wide_str(&[a, b]) {
                    return self.str_concat(&[a, b]);
                }
                let (x, y) = (self.str_of(a), self.str_of(b));
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                self.new_string(s)
            }
            (Some(Kind::Str), _, BinOp::Mul) if self.is_int(b) => {
                let n = self.repeat_count(b)?;
                self.str_repeat(a, n)
            }
            (_, Some(Kind::Str), BinOp::Mul) if self.is_int(a) => {
                let n = self.repeat_count(a)?;
                self.str_repeat(b, n)
            }
            (Some(Kind::Str), _, BinOp::Mod) => self.str_percent_format(a, b),
            (Some(Kind::Bytes), Some(Kind::Bytes), BinOp::Add) => {
                let mut v = obj::<BytesObj>(a).b.to_vec();
                v.extend_from_slice(&obj::<BytesObj>(b).b);
                self.new_bytes(&v)
            }
            (Some(Kind::Bytes), _, BinOp::Mul) if self.is_int(b) => {
                let n = self.repeat_count(b)?;
                let src = &obj::<BytesObj>(a).b;
                let total = src
                    .len()
                    .checked_mul(n)
                    .filter(|t| *t < (1 << 40))
                    .ok_or_else(|| self.memory_error())?;
                let mut v = Vec::with_capacity(total);
                for _ in 0..n {
                    v.extend_from_slice(src);
                }
                self.new_bytes(&v)
            }
            (Some(Kind::List), Some(Kind::List), BinOp::Add) => {
                if inplace {
                    let items = self.list_snapshot(b);
                    self.list_extend_values(a, &items)?;
                    return Ok(a);
                }
                let mut x = self.list_snapshot(a);
                x.extend(self.list_snapshot(b));
                self.new_list(&x)
            }
            (Some(Kind::List), _, BinOp::Add) if inplace => {
                self.list_extend(a, b)?;
                Ok(a)
            }
            (Some(Kind::List), _, BinOp::Mul) if self.is_int(b) => {
                let n = self.repeat_count(b)?;
                if inplace {
                    let x = self.list_snapshot(a);
                    let rep = self.repeat_values(&x, n)?;
                    self.list_set_all(a, &rep)?;
                    return Ok(a);
                }
                let x = self.list_snapshot(a);
                let rep = self.repeat_values(&x, n)?;
                self.new_list(&rep)
            }
            (_, Some(Kind::List), BinOp::Mul) if self.is_int(a) => {
                let n = self.repeat_count(a)?;
                let x = self.list_snapshot(b);
                let rep = self.repeat_values(&x, n)?;
                self.new_list(&rep)
            }
            (Some(Kind::Tuple), Some(Kind::Tuple), BinOp::Add) => {
                let mut x = obj::<TupleObj>(a).as_slice().to_vec();
                x.extend_from_slice(obj::<TupleObj>(b).as_slice());
                self.new_tuple(&x)
            }
            (Some(Kind::Tuple), _, BinOp::Mul) if self.is_int(b) => {
                let n = self.repeat_count(b)?;
                let x = obj::<TupleObj>(a).as_slice().to_vec();
                let rep = self.repeat_values(&x, n)?;
                self.new_tuple(&rep)
            }
            (_, Some(Kind::Tuple), BinOp::Mul) if self.is_int(a) => {
                let n = self.repeat_count(a)?;
                let x = obj::<TupleObj>(b).as_slice().to_vec();
                let rep = self.repeat_values(&x, n)?;
                self.new_tuple(&rep)
            }
            (Some(Kind::Set | Kind::FrozenSet), Some(Kind::Set | Kind::FrozenSet), _) => {
                self.set_binop(a, b, op, inplace)
            }
            (Some(Kind::Dict), _, BinOp::Or) if inplace => {
                self.dict_update_from(a, b)?;
                Ok(a)
            }
            (Some(Kind::Dict), Some(Kind::Dict), BinOp::Or) => {
                if inplace {
                    self.dict_update_from(a, b)?;
                    return Ok(a);
                }
                let n = self.dict_copy(a)?;
                self.dict_update_from(n, b)?;
                Ok(n)
            }
            (Some(Kind::DictView), _, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor)
            | (_, Some(Kind::DictView), BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) => {
                self.dictview_binop(a, b, op)
            }
            (Some(Kind::Type), _, BinOp::Or) | (_, Some(Kind::Type), BinOp::Or) if !inplace => {
                self.call_prelude("_weft_union", &[a, b])
            }
            (Some(Kind::Bytes), _, BinOp::Mod) => self.bytes_percent_format(a, b),
            (Some(Kind::Bytes | Kind::ByteArray), _, _)
            | (_, Some(Kind::Bytes | Kind::ByteArray), BinOp::Mul) => {
                self.bytes_binop(a, b, op, inplace)
            }
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    fn repeat_count(&mut self, n: Value) -> PyResult<usize> {
        match self.as_num(n) {
            Some(Num::Int(i)) => Ok(i.max(0) as usize),
            Some(Num::Big(b)) => {
                if b.is_negative() {
                    Ok(0)
                } else {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
            }
            _ => Ok(0),
        }
    }

    /// `items * n` as a Vec; MemoryError when absurdly large.
    pub fn repeat_values(&mut self, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
        let total = items
            .len()
            .checked_mul(n)
            .filter(|t| *t < (1 << 36))
            .ok_or_else(|| self.memory_error())?;
        let mut out = Vec::new();
        if out.try_reserve_exact(total).is_err() {
            return Err(self.memory_error());
        }
        for _ in 0..n {
            out.extend_from_slice(items);
        }
        Ok(out)
    }

    fn str_repeat(&mut self, s: Value, n: usize) -> PyResult<Value> {
        if obj::<StrObj>(s).wide.is_some() {
            return self.str_repeat_wide(s, n as i64);
        }
        let src = self.str_of(s);
        if n == 1 {
            return Ok(s);
        }
        let total = src
            .len()
            .checked_mul(n)
            .filter(|t| *t < (1 << 40))
            .ok_or_else(|| self.memory_error())?;
        let mut out = String::new();
        if out.try_reserve_exact(total).is_err() {
            return Err(self.memory_error());
        }
        for _ in 0..n {
            out.push_str(src);
        }
        self.new_string(out)
    }

    /// Arithmetic on numbers (int, bool, float, complex).
    pub fn num_binop(&mut self, x: Num, y: Num, op: BinOp) -> PyResult<Value> {
        // Ints that fit in i128 (small ints past their range, or heap ints of up to two limbs): i128
        // arithmetic when it cannot overflow, so only a result that does not fit a small int allocates.
        if let (Some(a), Some(b)) = (num_i128(&x), num_i128(&y)) {
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::FloorDiv if b != 0 && b != -1 => Some(Integer::div_floor(&a, &b)),
                BinOp::Mod if b != 0 && b != -1 => Some(a.mod_floor(&b)),
                BinOp::RShift if (0..128).contains(&b) => Some(a >> b),
                BinOp::And => Some(a & b),
                BinOp::Or => Some(a | b),
                BinOp::Xor => Some(a ^ b),
                _ => None,
            };
            if let Some(r) = r {
                return self.int_from_i128(r);
            }
        }
        match (x, y) {
            (Num::Complex(a, b), y) => {
                let (c, d) = num_to_complex(&y);
                self.complex_binop(a, b, c, d, op)
            }
            (x, Num::Complex(c, d)) => {
                let (a, b) = num_to_complex(&x);
                self.complex_binop(a, b, c, d, op)
            }
            (Num::Float(a), y) => {
                let b = self.num_to_f64(&y)?;
                self.float_binop(a, b, op)
            }
            (x, Num::Float(b)) => {
                let a = self.num_to_f64(&x)?;
                self.float_binop(a, b, op)
            }
            (Num::Int(a), Num::Int(b)) => {
                if let Some(v) = small_int_op(a, b, op) {
                    return Ok(v);
                }
                if let Some(r) = i128_op(a as i128, b as i128, op) {
                    return self.int_from_i128(r);
                }
                self.bigint_binop(&BigInt::from(a), &BigInt::from(b), op)
            }
            (x, y) => {
                // Heap ints that fit in 64 bits (e.g. LCG states): exact in i128, no digit vectors.
                let as_i64 = |n: &Num| match n {
                    Num::Int(i) => Some(*i),
                    Num::Big(b) => b.to_i64(),
                    _ => None,
                };
                if let (Some(a), Some(b)) = (as_i64(&x), as_i64(&y)) {
                    if let Some(r) = i128_op(a as i128, b as i128, op) {
                        return self.int_from_i128(r);
                    }
                }
                // Borrow heap ints instead of copying their digits.
                let (ta, tb);
                let a = match x {
                    Num::Big(b) => b,
                    _ => {
                        ta = num_to_bigint(&x);
                        &ta
                    }
                };
                let b = match y {
                    Num::Big(b) => b,
                    _ => {
                        tb = num_to_bigint(&y);
                        &tb
                    }
                };
                self.bigint_binop(a, b, op)
            }
        }
    }

    /// An int object (small when it fits) for `r`.
    pub fn int_from_i128(&mut self, r: i128) -> PyResult<Value> {
        if let Ok(i) = i64::try_from(r) {
            if let Some(v) = Value::try_small_int(i) {
                return Ok(v);
            }
        }
        self.new_bigint(BigInt::from(r))
    }

    fn num_to_f64(&mut self, n: &Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(*i as f64),
            Num::Big(b) => numeric::arith::bigint_to_f64(b).map_err(|e| self.num_error(e)),
            Num::Float(f) => Ok(*f),
            Num::Complex(r, _) => Ok(*r),
        }
    }

    fn float_binop(&mut self, a: f64, b: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                numeric::arith::float_floordiv(a, b).map_err(|e| self.num_error(e))?
            }
            BinOp::Mod => numeric::arith::float_mod(a, b).map_err(|e| self.num_error(e))?,
            BinOp::Pow => match numeric::arith::float_pow(a, b).map_err(|e| self.num_error(e))? {
                numeric::arith::FloatPow::Real(r) => r,
                numeric::arith::FloatPow::NeedsComplex => {
                    return self.complex_binop(a, 0.0, b, 0.0, BinOp::Pow)
                }
            },
            _ => return Ok(Value::NOT_IMPLEMENTED),
        };
        Ok(Value::float(r))
    }

    fn bigint_binop(&mut self, a: &BigInt, b: &BigInt, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                let f = numeric::arith::int_true_div(a, b).map_err(|e| self.num_error(e))?;
                return Ok(Value::float(f));
            }
            BinOp::FloorDiv => numeric::arith::int_floordiv(a, b).map_err(|e| self.num_error(e))?,
            BinOp::Mod => numeric::arith::int_mod(a, b).map_err(|e| self.num_error(e))?,
            BinOp::Pow => {
                if b.is_negative() {
                    let x = numeric::arith::bigint_to_f64(a).map_err(|e| self.num_error(e))?;
                    let y = numeric::arith::bigint_to_f64(b).map_err(|e| self.num_error(e))?;
                    return self.float_binop(x, y, BinOp::Pow);
                }
                let e = b.to_u64().ok_or_else(|| self.memory_error())?;
                if e == 0 {
                    BigInt::one()
                } else if a.is_zero() || a.is_one() {
                    a.clone()
                } else if *a == BigInt::from(-1) {
                    if e % 2 == 0 {
                        BigInt::one()
                    } else {
                        a.clone()
                    }
                } else {
                    let bits = a.bits().saturating_mul(e);
                    if bits > (1 << 36) {
                        return Err(self.memory_error());
                    }
                    num_traits::pow::Pow::pow(a, e)
                }
            }
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b
                    .to_u64()
                    .filter(|s| *s < (1 << 36))
                    .ok_or_else(|| self.overflow_error("too many digits in integer"))?;
                if a.is_zero() {
                    BigInt::zero()
                } else {
                    a << s
                }
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match b.to_u64() {
                    // Python's >> floors: so does num-bigint's `>>` on a negative BigInt.
                    Some(s) if s < (1 << 32) => a >> s,
                    _ => {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            BinOp::And => a & b,
            BinOp::Or => a | b,
            BinOp::Xor => a ^ b,
            BinOp::MatMul => return Ok(Value::NOT_IMPLEMENTED),
        };
        self.new_bigint(r)
    }

    fn complex_binop(&mut self, a: f64, b: f64, c: f64, d: f64, op: BinOp) -> PyResult<Value> {
        let (re, im) = match op {
            BinOp::Add => (a + c, b + d),
            BinOp::Sub => (a - c, b - d),
            BinOp::Mul => (a * c - b * d, a * d + b * c),
            BinOp::TrueDiv => {
                if c == 0.0 && d == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                complex_div(a, b, c, d)
            }
            BinOp::Pow => {
                if c == 0.0 && d == 0.0 {
                    (1.0, 0.0)
                } else if a == 0.0 && b == 0.0 {
                    if d != 0.0 || c < 0.0 {
                        return Err(self.zero_division("0.0 to a negative or complex power"));
                    }
                    (0.0, 0.0)
                } else if d == 0.0 && c == c.trunc() && c.abs() <= 100.0 {
                    // Integer exponent: repeated multiplication, like CPython's c_powi.
                    let n = c as i64;
                    let (mut rr, mut ri) = (1.0f64, 0.0f64);
                    let (mut br, mut bi) = (a, b);
                    let mut e = n.unsigned_abs();
                    while e > 0 {
                        if e & 1 == 1 {
                            let t = rr * br - ri * bi;
                            ri = rr * bi + ri * br;
                            rr = t;
                        }
                        let t = br * br - bi * bi;
                        bi *= 2.0 * br;
                        br = t;
                        e >>= 1;
                    }
                    if n < 0 {
                        complex_div(1.0, 0.0, rr, ri)
                    } else {
                        (rr, ri)
                    }
                } else {
                    let vabs = a.hypot(b);
                    let mut len = vabs.powf(c);
                    let at = b.atan2(a);
                    let mut phase = at * c;
                    if d != 0.0 {
                        len /= (at * d).exp();
                        phase += d * vabs.ln();
                    }
                    (len * phase.cos(), len * phase.sin())
                }
            }
            // No // or % for complex: NotImplemented, so the error names the operand types.
            _ => return Ok(Value::NOT_IMPLEMENTED),
        };
        self.new_complex(re, im)
    }

    /// Unary operators. May run Python dunders.
    pub fn unary_op(&mut self, v: Value, op: UnOp) -> PyResult<Value> {
        if op == UnOp::Not {
            return Ok(Value::bool(!self.truthy(v)?));
        }
        if let Some(n) = self.as_num(v) {
            return match (op, n) {
                (UnOp::Neg, Num::Int(i)) => self.new_int_i128(-(i as i128)),
                (UnOp::Neg, Num::Big(b)) => {
                    let r = -b;
                    self.new_bigint(r)
                }
                (UnOp::Neg, Num::Float(f)) => Ok(Value::float(-f)),
                (UnOp::Neg, Num::Complex(r, i)) => self.new_complex(-r, -i),
                (UnOp::Pos, Num::Int(i)) => Ok(Value::small_int(i)),
                (UnOp::Pos, Num::Big(_)) => Ok(v),
                (UnOp::Pos, Num::Float(f)) => Ok(Value::float(f)),
                (UnOp::Pos, Num::Complex(r, i)) => self.new_complex(r, i),
                (UnOp::Invert, Num::Int(i)) => Ok(Value::small_int(!i)),
                (UnOp::Invert, Num::Big(b)) => {
                    let r: BigInt = -(b + BigInt::one());
                    self.new_bigint(r)
                }
                (UnOp::Invert, _) => {
                    Err(self
                        .type_error(format!("bad operand type for unary ~: '{}'", self.tname(v))))
                }
                (UnOp::Not, _) => unreachable!("handled above"),
            };
        }
        let (name, sym) = match op {
            UnOp::Neg => ("__neg__", "-"),
            UnOp::Pos => ("__pos__", "+"),
            UnOp::Invert => ("__invert__", "~"),
            UnOp::Not => unreachable!("handled above"),
        };
        let t = self.type_of(v);
        let n = self.intern(name);
        if let Some(f) = self.type_lookup(t, n) {
            return self.call_method_value(f, v, &[]);
        }
        Err(self.type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            self.tname(v)
        )))
    }

    /// `operator.index(v)` as i64 (OverflowError when it does not fit).
    pub fn index_value(&mut self, v: Value) -> PyResult<i64> {
        match self.as_num(v) {
            Some(Num::Int(i)) => Ok(i),
            Some(Num::Big(b)) => b.to_i64().ok_or_else(|| self.index_error_overflow(v)),
            _ => {
                let t = self.type_of(v);
                let n = self.rt.names.__index__;
                if let Some(f) = self.type_lookup(t, n) {
                    let r = self.call_method_value(f, v, &[])?;
                    if self.is_int(r) {
                        return self.index_value(r);
                    }
                    return Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        self.tname(r)
                    )));
                }
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.tname(v)
                )))
            }
        }
    }

    fn index_error_overflow(&mut self, v: Value) -> crate::interp::PyErr {
        let _ = v;
        self.overflow_error("Python int too large to convert to C ssize_t")
    }
}

/// `Kind` of a value as an enum (None for non-pointers and unknown kinds).
#[allow(non_snake_case)]
#[inline]
pub fn Kind_of(v: Value) -> Option<Kind> {
    if !v.is_ptr() {
        return None;
    }
    let k = kind_of(v);
    Kind::ALL.get((k as usize).wrapping_sub(1)).copied()
}

fn num_to_complex(n: &Num) -> (f64, f64) {
    match n {
        Num::Int(i) => (*i as f64, 0.0),
        Num::Big(b) => (
            numeric::arith::bigint_to_f64(b).unwrap_or(f64::INFINITY),
            0.0,
        ),
        Num::Float(f) => (*f, 0.0),
        Num::Complex(r, i) => (*r, *i),
    }
}

fn num_to_bigint(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (*b).clone(),
        _ => BigInt::zero(),
    }
}

fn complex_div(a: f64, b: f64, c: f64, d: f64) -> (f64, f64) {
    // Smith's algorithm, as CPython's _Py_c_quot.
    if c.abs() >= d.abs() {
        let ratio = d / c;
        let denom = c + d * ratio;
        ((a + b * ratio) / denom, (b - a * ratio) / denom)
    } else {
        let ratio = c / d;
        let denom = c * ratio + d;
        ((a * ratio + b) / denom, (b * ratio - a) / denom)
    }
}

/// An int `Num` as i128 when it fits.
#[inline]
fn num_i128(n: &Num) -> Option<i128> {
    match n {
        Num::Int(i) => Some(*i as i128),
        Num::Big(b) => b.to_i128(),
        _ => None,
    }
}

/// Int arithmetic on operands within the i64 range, exact in i128 (products of two i64 fit); None
/// for the other operators and for division by zero (the general path raises).
#[inline]
fn i128_op(a: i128, b: i128, op: BinOp) -> Option<i128> {
    match op {
        BinOp::Add => Some(a + b),
        BinOp::Sub => Some(a - b),
        BinOp::Mul => Some(a * b),
        BinOp::FloorDiv if b != 0 => Some(Integer::div_floor(&a, &b)),
        BinOp::Mod if b != 0 => Some(a.mod_floor(&b)),
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
        BinOp::RShift if b >= 0 => Some(a >> b.min(127)),
        _ => None,
    }
}

/// Small-int arithmetic that stays exact; None when the result needs the general path.
#[inline(always)]
pub fn small_int_op(a: i64, b: i64, op: BinOp) -> Option<Value> {
    match op {
        BinOp::Add => Value::try_small_int(a + b),
        BinOp::Sub => Value::try_small_int(a - b),
        BinOp::Mul => a.checked_mul(b).and_then(Value::try_small_int),
        BinOp::FloorDiv if b != 0 => Value::try_small_int(Integer::div_floor(&a, &b)),
        BinOp::Mod if b != 0 => Some(Value::small_int(a.mod_floor(&b))),
        BinOp::And => Some(Value::small_int(a & b)),
        BinOp::Or => Some(Value::small_int(a | b)),
        BinOp::Xor => Some(Value::small_int(a ^ b)),
        BinOp::RShift if b >= 0 => Some(Value::small_int(if b >= 63 {
            if a < 0 {
                -1
            } else {
                0
            }
        } else {
            a >> b
        })),
        BinOp::LShift if (0..14).contains(&b) => Value::try_small_int(a << b),
        BinOp::TrueDiv if b != 0 && a.abs() < (1 << 53) && b.abs() < (1 << 53) => {
            Some(Value::float(a as f64 / b as f64))
        }
        _ => None,
    }
}

/// The code-point order of two strs (UTF-8 byte order is code-point order).
pub fn str_cmp(a: Value, b: Value) -> Ordering {
    let (x, y) = (obj::<StrObj>(a), obj::<StrObj>(b));
    if x.wide.is_none() && y.wide.is_none() {
        return x.s.cmp(&y.s);
    }
    crate::builtins::str_type::code_points(x).cmp(&crate::builtins::str_type::code_points(y))
}

pub fn cmp_ord(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

pub fn cmp_f64(op: CmpOp, a: f64, b: f64) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// Exact comparison between numbers (int vs float compares exactly, as CPython). None: not comparable
/// with this operator (complex ordering).
fn num_compare(x: Num, y: Num, op: CmpOp) -> Option<bool> {
    match (&x, &y) {
        (Num::Int(a), Num::Int(b)) => Some(cmp_ord(op, a.cmp(b))),
        (Num::Float(a), Num::Float(b)) => Some(cmp_f64(op, *a, *b)),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (a, b) = num_to_complex(&x);
            let (c, d) = num_to_complex(&y);
            match op {
                CmpOp::Eq => Some(a == c && b == d),
                CmpOp::Ne => Some(!(a == c && b == d)),
                _ => None,
            }
        }
        (Num::Float(f), _) => Some(match float_cmp_int(*f, &num_to_bigint(&y)) {
            Some(o) => cmp_ord(op, o),
            None => op == CmpOp::Ne,
        }),
        (_, Num::Float(f)) => Some(match float_cmp_int(*f, &num_to_bigint(&x)) {
            Some(o) => cmp_ord(op, o.reverse()),
            None => op == CmpOp::Ne,
        }),
        (Num::Big(a), Num::Big(b)) => Some(cmp_ord(op, (*a).cmp(*b))),
        // A heap int is outside the small-int range, so its sign decides against an i64.
        (Num::Big(a), Num::Int(b)) => Some(cmp_ord(op, int_cmp_big_i64(a, *b))),
        (Num::Int(a), Num::Big(b)) => Some(cmp_ord(op, int_cmp_big_i64(b, *a).reverse())),
    }
}

/// Order of heap int `a` against `b` without allocating.
fn int_cmp_big_i64(a: &BigInt, b: i64) -> Ordering {
    match a.to_i64() {
        Some(x) => x.cmp(&b),
        None => {
            if a.is_negative() {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
    }
}

/// Exact ordering of a float against an int; None for NaN.
fn float_cmp_int(f: f64, i: &BigInt) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = f.floor();
    let fb = numeric::arith::f64_to_bigint(fl).ok()?;
    match fb.cmp(i) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// FxHash-style hash of bytes (strs and bytes; Python randomises these, so any good hash is faithful).
pub fn fx_hash(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &x in chunks.remainder() {
        h = (h.rotate_left(5) ^ x as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 32;
    h as i64
}
