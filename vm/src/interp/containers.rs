//! Container protocols: lists, sets, subscripting (`[]`), `in`, `len`, unpacking, slices.
//!
//! List storage is a `ValueArray` replaced on growth (ARCHITECTURE.md, decision 4). The set table is
//! `builtins/set_table.rs`; the set algebra here (union, intersection, difference, symmetric difference,
//! subset tests, comparisons) follows CPython's `setobject.c` step for step, so the members of results
//! land in the same slots, and iterate in the same order, as in CPython.

use crate::access::Mode;
use crate::builtins::set_table::{is_anyset, set_obj};
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

impl<M: Mode> Vm<M> {
    // ----- lists ---------------------------------------------------------------------------------------

    #[inline]
    pub fn list_len(&self, l: Value) -> usize {
        self.load_raw_o(l, &obj::<ListObj>(l).len) as usize
    }

    /// Item `i` (caller checked bounds).
    #[inline]
    pub fn list_get(&self, l: Value, i: usize) -> Value {
        let items = self.load_o(l, &obj::<ListObj>(l).items);
        self.load_o(items, &obj::<ValueArray>(items).slots()[i])
    }

    #[inline]
    pub fn list_set(&self, l: Value, i: usize, v: Value) {
        let items = self.load_o(l, &obj::<ListObj>(l).items);
        self.store_o(items, &obj::<ValueArray>(items).slots()[i], v)
    }

    /// A copy of the items. The values stay reachable from the list only while it is unchanged.
    pub fn list_snapshot(&self, l: Value) -> Vec<Value> {
        let n = self.list_len(l);
        if n == 0 {
            return Vec::new();
        }
        let items = self.load_o(l, &obj::<ListObj>(l).items);
        obj::<ValueArray>(items).slots()[..n]
            .iter()
            .map(|s| self.load_o(items, s))
            .collect()
    }

    fn list_reserve(&mut self, l: Value, need: usize) -> PyResult<()> {
        let lo = obj::<ListObj>(l);
        let items = self.load_o(l, &lo.items);
        let cap = if items.is_null() {
            0
        } else {
            obj::<ValueArray>(items).cap
        };
        if need <= cap {
            return Ok(());
        }
        // CPython's over-allocation for small lists; long lists grow by half (a storage array is
        // replaced, not realloc'd in place, so each growth copies and leaves garbage for the collector).
        let new_cap = if need < 4096 {
            (need + (need >> 3) + 6).max(4)
        } else {
            need + (need >> 1)
        };
        let arr = self.new_value_array(new_cap)?;
        let n = self.list_len(l);
        if !items.is_null() {
            let old = obj::<ValueArray>(items).slots();
            let new = obj::<ValueArray>(arr).slots();
            for i in 0..n {
                new[i].init(self.load_o(items, &old[i]));
            }
        }
        self.store_o(l, &obj::<ListObj>(l).items, arr);
        Ok(())
    }

    pub fn list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        let n = self.list_len(l);
        self.list_reserve(l, n + 1)?;
        self.list_set(l, n, v);
        self.store_raw_o(l, &obj::<ListObj>(l).len, n as u64 + 1);
        Ok(())
    }

    pub fn list_extend_values(&mut self, l: Value, vals: &[Value]) -> PyResult<()> {
        let n = self.list_len(l);
        self.list_reserve(l, n + vals.len())?;
        for (i, v) in vals.iter().enumerate() {
            self.list_set(l, n + i, *v);
        }
        self.store_raw_o(l, &obj::<ListObj>(l).len, (n + vals.len()) as u64);
        Ok(())
    }

    /// `l.extend(iterable)`. May run Python code (the iterable's `__next__`).
    /// `[*it]` / `f(a, *it)` (the LIST_EXTEND instruction): like `list_extend`, but a non-iterable
    /// operand gets CPython's "Value after * must be an iterable" message.
    pub fn list_extend_unpack(&mut self, l: Value, it: Value) -> PyResult<()> {
        if is::<ListObj>(it) || is::<TupleObj>(it) {
            return self.list_extend(l, it);
        }
        let iter = match self.get_iter(it) {
            Ok(i) => i,
            Err(e) => {
                let te = self.exc.type_error;
                if self.err_matches(&e, te) {
                    let tn = self.tname(it).to_string();
                    return Err(
                        self.type_error(format!("Value after * must be an iterable, not {tn}"))
                    );
                }
                return Err(e);
            }
        };
        self.temp_roots.push(iter);
        let r = self.list_extend(l, iter);
        self.temp_roots.pop();
        r
    }

    /// The positional arguments of `f(*args)` as a tuple (CALL_FUNCTION_EX): a non-tuple iterable is
    /// collected; a non-iterable is "f() argument after * must be an iterable".
    pub fn star_args_tuple(&mut self, f: Value, args: Value) -> PyResult<Value> {
        if is::<TupleObj>(args) {
            return Ok(args);
        }
        let iter = match self.get_iter(args) {
            Ok(i) => i,
            Err(e) => {
                let te = self.exc.type_error;
                if self.err_matches(&e, te) {
                    let fname = self.func_display_name(f);
                    let tn = self.tname(args).to_string();
                    return Err(self.type_error(format!(
                        "{fname}() argument after * must be an iterable, not {tn}"
                    )));
                }
                return Err(e);
            }
        };
        self.temp_roots.push(iter);
        let r = self.collect_iterable(iter);
        self.temp_roots.pop();
        let items = r?;
        self.new_tuple(&items)
    }

    pub fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        if is::<ListObj>(it) {
            let v = self.list_snapshot(it);
            return self.list_extend_values(l, &v);
        }
        if let Some(t) = cast::<TupleObj>(it) {
            let v = t.as_slice().to_vec();
            return self.list_extend_values(l, &v);
        }
        let iter = self.get_iter(it)?;
        self.temp_roots.push(iter);
        let r = (|| {
            while let Some(v) = self.iter_next(iter)? {
                self.list_append(l, v)?;
            }
            Ok(())
        })();
        self.temp_roots.pop();
        r
    }

    /// Replaces all items.
    pub fn list_set_all(&mut self, l: Value, vals: &[Value]) -> PyResult<()> {
        let arr = if vals.is_empty() {
            Value::NULL
        } else {
            self.new_value_array(vals.len())?
        };
        if !vals.is_empty() {
            for (s, v) in obj::<ValueArray>(arr).slots().iter().zip(vals) {
                s.init(*v);
            }
        }
        let lo = obj::<ListObj>(l);
        self.store_o(l, &lo.items, arr);
        self.store_raw_o(l, &lo.len, vals.len() as u64);
        Ok(())
    }

    /// Collects any iterable into a Vec (values rooted in a temporary list while Python code runs).
    pub fn collect_iterable(&mut self, it: Value) -> PyResult<Vec<Value>> {
        if is::<ListObj>(it) && self.type_of(it) == self.types.list {
            return Ok(self.list_snapshot(it));
        }
        if let Some(t) = cast::<TupleObj>(it) {
            return Ok(t.as_slice().to_vec());
        }
        let tmp = self.new_list(&[])?;
        self.temp_roots.push(tmp);
        let r = self.list_extend(tmp, it);
        self.temp_roots.pop();
        r?;
        Ok(self.list_snapshot(tmp))
    }

    // ----- sets (the table is builtins/set_table.rs) ---------------------------------------------------

    /// The class of results of set operations on `s`: set or frozenset (subclasses give the base type).
    fn set_result_class(&self, s: Value) -> (Value, bool) {
        if is::<FrozenSetObj>(s) {
            (self.types.frozenset, true)
        } else {
            (self.types.set, false)
        }
    }

    /// `s.copy()` as CPython's `set_copy`: a new set/frozenset of the base type with the same members.
    pub fn set_copy(&mut self, s: Value) -> PyResult<Value> {
        let (cls, frozen) = self.set_result_class(s);
        self.make_new_set(cls, frozen, Some(s))
    }

    /// `s & other` (CPython's `set_intersection`): iterates the smaller set; `other` may be any iterable.
    pub fn set_intersection(&mut self, s: Value, other: Value) -> PyResult<Value> {
        if s == other {
            return self.set_copy(s);
        }
        let (cls, frozen) = self.set_result_class(s);
        let result = self.new_empty_set(cls, frozen)?;
        self.temp_roots.push(result);
        let r = self.set_intersection_into(result, s, other);
        self.temp_roots.pop();
        r.map(|_| result)
    }

    fn set_intersection_into(&mut self, result: Value, s: Value, other: Value) -> PyResult<()> {
        if is_anyset(other) {
            let (big, small) = if self.set_len(other) > self.set_len(s) {
                (other, s)
            } else {
                (s, other)
            };
            let entries = self.set_entries(small);
            let base = self.temp_roots.len();
            self.temp_roots.extend(entries.iter().map(|e| e.0));
            let r = (|| {
                for (k, h) in &entries {
                    if self.set_contains_hashed(big, *k, *h)? {
                        self.set_add_hashed(result, *k, *h)?;
                    }
                }
                Ok(())
            })();
            self.temp_roots.truncate(base);
            return r;
        }
        let it = self.get_iter(other)?;
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(k) = self.iter_next(it)? {
                let h = self.hash(k)?;
                if self.set_contains_hashed(s, k, h)? {
                    self.set_add_hashed(result, k, h)?;
                }
            }
            Ok(())
        })();
        self.temp_roots.pop();
        r
    }

    /// Replaces the contents of the mutable set `s` by those of `src` (CPython's `set_swap_bodies`).
    pub fn set_assign(&mut self, s: Value, src: Value) {
        let (a, b) = (set_obj(s), set_obj(src));
        let t = self.load(&b.table);
        self.store(&a.table, t);
        let fill = self.load_raw(&b.fill);
        self.store_raw(&a.fill, fill);
        let len = self.load_raw(&b.len);
        self.store_raw(&a.len, len);
        let v = self.load_raw(&a.version);
        self.store_raw(&a.version, v + 1);
    }

    /// `s -= other` (CPython's `set_difference_update_internal`).
    pub fn set_difference_update(&mut self, s: Value, other: Value) -> PyResult<()> {
        if s == other {
            self.set_clear(s);
            return Ok(());
        }
        if is_anyset(other) {
            let other = if (self.set_len(other) >> 3) > self.set_len(s) {
                self.set_intersection(s, other)?
            } else {
                other
            };
            self.temp_roots.push(other);
            let entries = self.set_entries(other);
            let r = (|| {
                for (k, h) in entries {
                    self.set_discard_hashed(s, k, h)?;
                }
                Ok(())
            })();
            self.temp_roots.pop();
            r?;
        } else {
            let it = self.get_iter(other)?;
            self.temp_roots.push(it);
            let r = (|| {
                while let Some(k) = self.iter_next(it)? {
                    self.set_discard_key(s, k)?;
                }
                Ok(())
            })();
            self.temp_roots.pop();
            r?;
        }
        let so = set_obj(s);
        let (fill, used) = (self.load_raw(&so.fill), self.load_raw(&so.len));
        let mask = self.set_len_mask(s) as u64;
        if fill - used <= mask / 4 {
            return Ok(());
        }
        let min = if used > 50000 { used * 2 } else { used * 4 };
        self.set_resize(s, min as usize)
    }

    fn set_len_mask(&self, s: Value) -> usize {
        let t = self.load(&set_obj(s).table);
        if t.is_null() {
            7
        } else {
            obj::<ValueArray>(t).cap / 3 - 1
        }
    }

    /// Discards `key`, looking a set key up as a frozenset (CPython's `set_discard_key` + retry).
    pub fn set_discard_key(&mut self, s: Value, key: Value) -> PyResult<bool> {
        match self.set_discard(s, key) {
            Err(e) if is::<SetObj>(key) && self.err_matches(&e, self.exc.type_error) => {
                let fc = self.types.frozenset;
                let tmp = self.make_new_set(fc, true, Some(key))?;
                self.set_discard(s, tmp)
            }
            r => r,
        }
    }

    /// `key in s`, looking a set key up as a frozenset (CPython's `set_contains`).
    pub fn set_contains_key(&mut self, s: Value, key: Value) -> PyResult<bool> {
        match self.set_contains(s, key) {
            Err(e) if is::<SetObj>(key) && self.err_matches(&e, self.exc.type_error) => {
                let fc = self.types.frozenset;
                let tmp = self.make_new_set(fc, true, Some(key))?;
                self.set_contains(s, tmp)
            }
            r => r,
        }
    }

    /// `s - other` (CPython's `set_difference`).
    pub fn set_difference(&mut self, s: Value, other: Value) -> PyResult<Value> {
        let other_size = if is_anyset(other) {
            self.set_len(other)
        } else if is::<DictObj>(other) && self.type_of(other) == self.types.dict {
            self.dict_len(other)
        } else {
            usize::MAX
        };
        if other_size == usize::MAX || (self.set_len(s) >> 2) > other_size {
            let r = self.set_copy(s)?;
            self.temp_roots.push(r);
            let x = self.set_difference_update(r, other);
            self.temp_roots.pop();
            return x.map(|_| r);
        }
        let (cls, frozen) = self.set_result_class(s);
        let result = self.new_empty_set(cls, frozen)?;
        self.temp_roots.push(result);
        let entries = self.set_entries(s);
        let base = self.temp_roots.len();
        self.temp_roots.extend(entries.iter().map(|e| e.0));
        let r = (|| {
            for (k, h) in &entries {
                let present = if is_anyset(other) {
                    self.set_contains_hashed(other, *k, *h)?
                } else {
                    self.dict_get_hashed(other, *k, *h)?.is_some()
                };
                if !present {
                    self.set_add_hashed(result, *k, *h)?;
                }
            }
            Ok(())
        })();
        self.temp_roots.truncate(base - 1);
        r.map(|_| result)
    }

    /// `s ^= other` (CPython's `set_symmetric_difference_update`).
    pub fn set_symmetric_difference_update(&mut self, s: Value, other: Value) -> PyResult<()> {
        if s == other {
            self.set_clear(s);
            return Ok(());
        }
        let entries: Vec<(Value, i64)> =
            if is::<DictObj>(other) && self.type_of(other) == self.types.dict {
                let mut v = Vec::new();
                for (k, _) in self.dict_items_vec(other) {
                    v.push((k, self.hash(k)?));
                }
                v
            } else if is_anyset(other) {
                self.set_entries(other)
            } else {
                let (cls, frozen) = self.set_result_class(s);
                let tmp = self.make_new_set(cls, frozen, Some(other))?;
                self.temp_roots.push(tmp);
                let e = self.set_entries(tmp);
                self.temp_roots.pop();
                e
            };
        let base = self.temp_roots.len();
        self.temp_roots.extend(entries.iter().map(|e| e.0));
        let r = (|| {
            for (k, h) in &entries {
                if !self.set_discard_hashed(s, *k, *h)? {
                    self.set_add_hashed(s, *k, *h)?;
                }
            }
            Ok(())
        })();
        self.temp_roots.truncate(base);
        r
    }

    /// `s ^ other` (CPython: a copy of `other` updated with `s`).
    pub fn set_symmetric_difference(&mut self, s: Value, other: Value) -> PyResult<Value> {
        let (cls, frozen) = self.set_result_class(s);
        let r = self.make_new_set(cls, frozen, Some(other))?;
        self.temp_roots.push(r);
        let x = self.set_symmetric_difference_update(r, s);
        self.temp_roots.pop();
        x.map(|_| r)
    }

    /// `s | other`: a copy of `s` updated with `other`.
    pub fn set_union(&mut self, s: Value, other: Value) -> PyResult<Value> {
        let r = self.set_copy(s)?;
        if s == other {
            return Ok(r);
        }
        self.temp_roots.push(r);
        let x = self.set_update(r, other);
        self.temp_roots.pop();
        x.map(|_| r)
    }

    /// `|`, `&`, `-`, `^` and their in-place forms when both operands are sets or frozensets.
    pub fn set_binop(
        &mut self,
        a: Value,
        b: Value,
        op: crate::bytecode::BinOp,
        inplace: bool,
    ) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        if !is_anyset(a) || !is_anyset(b) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        if inplace && is::<SetObj>(a) {
            match op {
                BinOp::Or => self.set_update(a, b)?,
                BinOp::And => {
                    let t = self.set_intersection(a, b)?;
                    self.set_assign(a, t);
                }
                BinOp::Sub => self.set_difference_update(a, b)?,
                BinOp::Xor => self.set_symmetric_difference_update(a, b)?,
                _ => return Ok(Value::NOT_IMPLEMENTED),
            }
            return Ok(a);
        }
        match op {
            BinOp::Or => self.set_union(a, b),
            BinOp::And => self.set_intersection(a, b),
            BinOp::Sub => self.set_difference(a, b),
            BinOp::Xor => self.set_symmetric_difference(a, b),
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    /// `s <= other` for any iterable `other` (CPython's `set_issubset`).
    pub fn set_issubset(&mut self, s: Value, other: Value) -> PyResult<bool> {
        if !is_anyset(other) {
            let c = self.types.set;
            let tmp = self.make_new_set(c, false, Some(other))?;
            self.temp_roots.push(tmp);
            let r = self.set_issubset(s, tmp);
            self.temp_roots.pop();
            return r;
        }
        if self.set_len(s) > self.set_len(other) {
            return Ok(false);
        }
        let entries = self.set_entries(s);
        let base = self.temp_roots.len();
        self.temp_roots.extend(entries.iter().map(|e| e.0));
        let r = (|| {
            for (k, h) in &entries {
                if !self.set_contains_hashed(other, *k, *h)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.temp_roots.truncate(base);
        r
    }

    /// `s >= other` for any iterable `other` (CPython's `set_issuperset`).
    pub fn set_issuperset(&mut self, s: Value, other: Value) -> PyResult<bool> {
        if is_anyset(other) {
            return self.set_issubset(other, s);
        }
        let it = self.get_iter(other)?;
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(k) = self.iter_next(it)? {
                if !self.set_contains_key(s, k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.temp_roots.pop();
        r
    }

    /// Set rich comparison (CPython's `set_richcompare`); NotImplemented unless `b` is a set.
    pub fn set_compare(
        &mut self,
        a: Value,
        b: Value,
        op: crate::bytecode::CmpOp,
    ) -> PyResult<Value> {
        use crate::bytecode::CmpOp;
        if !is_anyset(b) || !is_anyset(a) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let (la, lb) = (self.set_len(a), self.set_len(b));
        let r = match op {
            CmpOp::Eq => la == lb && self.set_issubset(a, b)?,
            CmpOp::Ne => !(la == lb && self.set_issubset(a, b)?),
            CmpOp::Le => self.set_issubset(a, b)?,
            CmpOp::Ge => self.set_issuperset(a, b)?,
            CmpOp::Lt => la < lb && self.set_issubset(a, b)?,
            CmpOp::Gt => la > lb && self.set_issuperset(a, b)?,
        };
        Ok(Value::bool(r))
    }

    // ----- dict helpers ---------------------------------------------------------------------------------

    pub fn dict_copy(&mut self, d: Value) -> PyResult<Value> {
        let n = self.new_dict()?;
        for (k, v) in self.dict_items_vec(d) {
            self.dict_set(n, k, v)?;
        }
        Ok(n)
    }

    /// `d.update(m)` for a dict or any mapping with `keys()`, or an iterable of pairs.
    pub fn dict_update_from(&mut self, d: Value, m: Value) -> PyResult<()> {
        if is::<DictObj>(m) {
            for (k, v) in self.dict_items_vec(m) {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let keys_name = self.intern("keys");
        if self.getattr_opt(m, keys_name)?.is_some() {
            let keys = self.call_method(m, "keys", &[])?;
            let ks = self.collect_iterable(keys)?;
            for k in ks {
                let v = self.getitem(m, k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let pairs = self.collect_iterable(m)?;
        for (i, p) in pairs.into_iter().enumerate() {
            let kv = match self.collect_iterable(p) {
                Ok(kv) => kv,
                Err(_) => {
                    return Err(self.type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    )))
                }
            };
            if kv.len() != 2 {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    i,
                    kv.len()
                )));
            }
            self.dict_set(d, kv[0], kv[1])?;
        }
        Ok(())
    }

    /// `f(**m)` merging: duplicate keys are an error.
    pub fn dict_merge_kwargs(&mut self, d: Value, m: Value, f: Value) -> PyResult<()> {
        let src = if is::<DictObj>(m) {
            m
        } else {
            let keys = self.intern("keys");
            let mt = self.type_of(m);
            if self.type_lookup(mt, keys).is_none() {
                let fname = self.func_display_name(f);
                let tn = self.tname(m).to_string();
                return Err(self.type_error(format!(
                    "{fname}() argument after ** must be a mapping, not {tn}"
                )));
            }
            let t = self.new_dict()?;
            self.dict_update_from(t, m)?;
            t
        };
        for (k, v) in self.dict_items_vec(src) {
            if !is::<StrObj>(k) {
                return Err(self.type_error("keywords must be strings"));
            }
            if self.dict_get(d, k)?.is_some() {
                let fname = self.func_display_name(f);
                let kn = self.str_of(k).to_string();
                return Err(self.type_error(format!(
                    "{fname}() got multiple values for keyword argument '{kn}'"
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// The name used in call error messages.
    /// CPython's `_PyObject_FunctionStr` without the parentheses: `module.qualname` unless the module is
    /// `builtins` or unknown.
    pub fn func_display_name(&mut self, f: Value) -> String {
        if let Some(func) = cast::<FunctionObj>(f) {
            let (q, m) = (self.load(&func.qualname), self.load(&func.module));
            let q = self.str_of(q).to_string();
            if let Some(ms) = cast::<StrObj>(m) {
                if &*ms.s != "builtins" {
                    return format!("{}.{q}", ms.s);
                }
            }
            return q;
        }
        if let Some(n) = cast::<NativeObj>(f) {
            if n.owner.is_null() {
                return n.name.to_string();
            }
            return format!("{}.{}", self.type_name(n.owner), n.name);
        }
        self.tname(f).to_string()
    }

    // ----- len / contains / subscripts ----------------------------------------------------------------

    /// `len(o)`. May run `__len__`.
    pub fn len(&mut self, o: Value) -> PyResult<usize> {
        if o.is_ptr() && self.fast_len_ok(o) {
            match crate::interp::attr::ops_kind(o) {
                Some(Kind::Str) => return Ok(obj::<StrObj>(o).char_len),
                Some(Kind::List) => return Ok(self.list_len(o)),
                Some(Kind::Tuple) => return Ok(obj::<TupleObj>(o).len),
                Some(Kind::Dict) => return Ok(self.dict_len(o)),
                Some(Kind::Set) | Some(Kind::FrozenSet) => return Ok(self.set_len(o)),
                Some(Kind::Bytes) => return Ok(obj::<BytesObj>(o).b.len()),
                Some(Kind::ByteArray) => return Ok(obj::<ByteArrayObj>(o).b.lock().unwrap().len()),
                Some(Kind::DictView) => return Ok(self.dict_len(obj::<DictViewObj>(o).dict)),
                Some(Kind::Range) => {
                    let l = obj::<RangeObj>(o).len;
                    return match self.as_num(l) {
                        Some(Num::Int(i)) => Ok(i as usize),
                        Some(Num::Big(b)) if num_traits::ToPrimitive::to_i64(b).is_some() => {
                            Ok(num_traits::ToPrimitive::to_i64(b).unwrap_or(0) as usize)
                        }
                        _ => {
                            Err(self.overflow_error("Python int too large to convert to C ssize_t"))
                        }
                    };
                }
                _ => {}
            }
        }
        let t = self.type_of(o);
        let n = self.rt.names.__len__;
        match self.type_lookup(t, n) {
            Some(f) => {
                let r = self.call_method_value(f, o, &[])?;
                if !self.is_int(r) {
                    return Err(self.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.tname(r)
                    )));
                }
                let n = self.index_value(r)?;
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => {
                Err(self.type_error(format!("object of type '{}' has no len()", self.tname(o))))
            }
        }
    }

    /// `item in container`. May run Python code.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if container.is_ptr() {
            let builtin = obj::<TypeObj>(self.type_of(container)).builtin;
            match crate::interp::attr::ops_kind(container) {
                Some(Kind::Str) if builtin || is::<StrObj>(item) => {
                    if !is::<StrObj>(item) {
                        return Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.tname(item)
                        )));
                    }
                    return Ok(crate::builtins::str_type::str_in(item, container));
                }
                Some(Kind::Dict) if builtin => {
                    return Ok(self.dict_get(container, item)?.is_some())
                }
                Some(Kind::Set) | Some(Kind::FrozenSet) if builtin => {
                    return self.set_contains_key(container, item)
                }
                Some(Kind::List) | Some(Kind::Tuple) if builtin => {
                    let items = if is::<ListObj>(container) {
                        self.list_snapshot(container)
                    } else {
                        obj::<TupleObj>(container).as_slice().to_vec()
                    };
                    for v in items {
                        if v == item || self.eq(v, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Some(Kind::DictView) => return self.dictview_contains(container, item),
                Some(Kind::Range) => return self.range_contains(container, item),
                Some(Kind::Bytes) => return self.bytes_contains(container, item),
                _ => {}
            }
        }
        let t = self.type_of(container);
        let n = self.rt.names.__contains__;
        if let Some(f) = self.type_lookup(t, n) {
            let r = self.call_method_value(f, container, &[item])?;
            return self.truthy(r);
        }
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.tname(container)
                )))
            }
        };
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(v) = self.iter_next(it)? {
                if v == item || self.eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.temp_roots.pop();
        r
    }

    /// May `len(o)` use the layout's length? Not for a subclass whose class defines `__len__` in Python.
    fn fast_len_ok(&mut self, o: Value) -> bool {
        let t = self.type_of(o);
        if obj::<TypeObj>(t).builtin {
            return true;
        }
        let n = self.rt.names.__len__;
        !matches!(self.type_lookup(t, n), Some(f) if !is::<NativeObj>(f))
    }

    /// Normalises an index for a sequence of length `len` (negative wrap); IndexError message uses `what`.
    pub fn seq_index(&mut self, idx: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match self.as_num(idx) {
            Some(Num::Int(i)) => i,
            Some(Num::Big(_)) => {
                return Err(self.index_error("cannot fit 'int' into an index-sized integer"));
            }
            _ => self
                .index_value(idx)
                .map_err(|_| self.index_type_error(what, idx))?,
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            if what.is_empty() {
                return Err(self.index_error("index out of range"));
            }
            return Err(self.index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    fn index_type_error(&mut self, what: &str, idx: Value) -> crate::interp::PyErr {
        let w = what.trim_end_matches(" assignment");
        self.type_error(format!(
            "{} indices must be integers or slices, not {}",
            w,
            self.tname(idx)
        ))
    }

    /// Resolves a slice object against a length: (start, stop, step, slicelength).
    pub fn slice_indices(&mut self, s: Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let so = obj::<SliceObj>(s);
        let conv = |vm: &mut Self, v: Value| -> PyResult<Option<i64>> {
            if v == Value::NONE {
                return Ok(None);
            }
            match vm.as_num(v) {
                Some(Num::Int(i)) => Ok(Some(i)),
                Some(Num::Big(b)) => Ok(Some(if num_traits::Signed::is_negative(b) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                _ => match vm.index_value(v) {
                    Ok(i) => Ok(Some(i)),
                    Err(_) => Err(vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        };
        let (a, b, c) = (so.start, so.stop, so.step);
        let start = conv(self, a)?;
        let stop = conv(self, b)?;
        let step = conv(self, c)?;
        crate::text::strops::slice_indices(start, stop, step, len).map_err(|e| self.text_error(e))
    }

    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        let c = self.types.slice;
        self.alloc(
            c,
            SliceObj {
                header: Self::hdr(),
                start,
                stop,
                step,
            },
        )
    }

    /// `o[k]`. May run `__getitem__`.
    pub fn getitem(&mut self, o: Value, k: Value) -> PyResult<Value> {
        if o.is_ptr() {
            let builtin = obj::<TypeObj>(self.type_of(o)).builtin;
            match crate::interp::attr::ops_kind(o) {
                Some(Kind::List) if builtin || !self.has_user_getitem(o) => {
                    return self.list_getitem(o, k);
                }
                Some(Kind::Tuple) if builtin || !self.has_user_getitem(o) => {
                    let items = obj::<TupleObj>(o).as_slice();
                    if is::<SliceObj>(k) {
                        let (start, _stop, step, n) = self.slice_indices(k, items.len())?;
                        if step == 1 && start == 0 && n == items.len() && builtin {
                            return Ok(o);
                        }
                        let out: Vec<Value> = (0..n)
                            .map(|i| items[(start + i as i64 * step) as usize])
                            .collect();
                        return self.new_tuple(&out);
                    }
                    let i = self.seq_index(k, items.len(), "tuple")?;
                    return Ok(items[i]);
                }
                Some(Kind::Dict) if builtin => {
                    return match self.dict_get(o, k)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(k)),
                    };
                }
                Some(Kind::Str) => return self.str_getitem(o, k),
                Some(Kind::Bytes) | Some(Kind::ByteArray) => return self.bytes_getitem(o, k),
                Some(Kind::Range) => return self.range_getitem(o, k),
                _ => {}
            }
        }
        let t = self.type_of(o);
        let n = self.rt.names.__getitem__;
        if let Some(f) = self.type_lookup(t, n) {
            // dict subclasses: `dict.__getitem__` itself calls `__missing__`.
            return self.call_method_value(f, o, &[k]);
        }
        if is::<TypeObj>(o) {
            let cg = self.rt.names.__class_getitem__;
            if let Some(f) = self.getattr_opt(o, cg)? {
                return self.call(f, &[k], &[]);
            }
            let tn = self.type_name(o).to_string();
            return Err(self.type_error(format!("type '{tn}' is not subscriptable")));
        }
        Err(self.type_error(format!("'{}' object is not subscriptable", self.tname(o))))
    }

    fn has_user_getitem(&mut self, o: Value) -> bool {
        let t = self.type_of(o);
        let n = self.rt.names.__getitem__;
        matches!(self.type_lookup(t, n), Some(f) if !is::<NativeObj>(f))
    }

    /// `o[k] = v`. May run `__setitem__`.
    pub fn setitem(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        if o.is_ptr() {
            let t = self.type_of(o);
            let builtin = obj::<TypeObj>(t).builtin;
            match crate::interp::attr::ops_kind(o) {
                Some(Kind::List) if builtin => return self.list_setitem(o, k, v),
                Some(Kind::Dict) if builtin => return self.dict_set(o, k, v),
                Some(Kind::ByteArray) if builtin => return self.bytearray_setitem(o, k, v),
                _ => {}
            }
            let n = self.rt.names.__setitem__;
            if let Some(f) = self.type_lookup(t, n) {
                self.call_method_value(f, o, &[k, v])?;
                return Ok(());
            }
        }
        Err(self.type_error(format!(
            "'{}' object does not support item assignment",
            self.tname(o)
        )))
    }

    /// `del o[k]`. May run `__delitem__`.
    pub fn delitem(&mut self, o: Value, k: Value) -> PyResult<()> {
        if o.is_ptr() {
            let t = self.type_of(o);
            let builtin = obj::<TypeObj>(t).builtin;
            match crate::interp::attr::ops_kind(o) {
                Some(Kind::List) if builtin => return self.list_delitem(o, k),
                Some(Kind::Dict) if builtin => {
                    return match self.dict_del(o, k)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(k)),
                    };
                }
                _ => {}
            }
            let n = self.rt.names.__delitem__;
            if let Some(f) = self.type_lookup(t, n) {
                self.call_method_value(f, o, &[k])?;
                return Ok(());
            }
        }
        Err(self.type_error(format!(
            "'{}' object doesn't support item deletion",
            self.tname(o)
        )))
    }

    /// `l[k]` for a list (no user `__getitem__` consulted).
    pub fn list_getitem(&mut self, o: Value, k: Value) -> PyResult<Value> {
        if is::<SliceObj>(k) {
            let items = self.list_snapshot(o);
            let (start, _stop, step, n) = self.slice_indices(k, items.len())?;
            let out: Vec<Value> = (0..n)
                .map(|i| items[(start + i as i64 * step) as usize])
                .collect();
            return self.new_list(&out);
        }
        let n = self.list_len(o);
        let i = self.seq_index(k, n, "list")?;
        Ok(self.list_get(o, i))
    }

    /// `l[k] = v` for a list.
    pub fn list_setitem(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        if is::<SliceObj>(k) {
            return self.list_set_slice(o, k, v);
        }
        let n = self.list_len(o);
        let i = self.seq_index(k, n, "list assignment")?;
        self.list_set(o, i, v);
        Ok(())
    }

    /// `del l[k]` for a list.
    pub fn list_delitem(&mut self, o: Value, k: Value) -> PyResult<()> {
        let mut items = self.list_snapshot(o);
        if is::<SliceObj>(k) {
            let (start, _stop, step, n) = self.slice_indices(k, items.len())?;
            let mut del: Vec<usize> = (0..n).map(|i| (start + i as i64 * step) as usize).collect();
            del.sort_unstable();
            for i in del.into_iter().rev() {
                items.remove(i);
            }
        } else {
            let i = self.seq_index(k, items.len(), "list assignment")?;
            items.remove(i);
        }
        self.list_set_all(o, &items)
    }

    fn list_set_slice(&mut self, l: Value, k: Value, v: Value) -> PyResult<()> {
        let step_one = {
            let st = obj::<SliceObj>(k).step;
            st == Value::NONE || st == Value::small_int(1)
        };
        let new = if v == l {
            self.list_snapshot(l)
        } else if is::<ListObj>(v) || is::<TupleObj>(v) || self.get_iter(v).is_ok() {
            self.collect_iterable(v)?
        } else if step_one {
            return Err(self.type_error("can only assign an iterable"));
        } else {
            return Err(self.type_error("must assign iterable to extended slice"));
        };
        let base = self.temp_roots.len();
        self.temp_roots.extend_from_slice(&new);
        let r = self.list_set_slice_values(l, k, new);
        self.temp_roots.truncate(base);
        r
    }

    fn list_set_slice_values(&mut self, l: Value, k: Value, new: Vec<Value>) -> PyResult<()> {
        let mut items = self.list_snapshot(l);
        let (start, stop, step, n) = self.slice_indices(k, items.len())?;
        if step == 1 {
            let s = start.max(0) as usize;
            let e = (stop.max(start)).max(0) as usize;
            items.splice(s..e.min(items.len()), new);
            return self.list_set_all(l, &items);
        }
        if new.len() != n {
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                n
            )));
        }
        for (i, x) in new.into_iter().enumerate() {
            items[(start + i as i64 * step) as usize] = x;
        }
        self.list_set_all(l, &items)
    }

    /// Unpacks `s` into exactly `n` values, or with a starred target: `n` before and `after` after.
    pub fn unpack(&mut self, s: Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = if is::<TupleObj>(s) || (is::<ListObj>(s) && self.type_of(s) == self.types.list)
        {
            self.collect_iterable(s)?
        } else {
            match self.get_iter(s) {
                Ok(_) => {}
                Err(_) => {
                    return Err(self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.tname(s)
                    )));
                }
            }
            self.collect_iterable(s)?
        };
        match after {
            None => {
                if items.len() != n {
                    if items.len() > n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {})", n))
                        );
                    }
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        items.len()
                    )));
                }
                Ok(items)
            }
            Some(a) => {
                if items.len() < n + a {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n + a,
                        items.len()
                    )));
                }
                let mid = self.new_list(&items[n..items.len() - a])?;
                let mut out = items[..n].to_vec();
                out.push(mid);
                out.extend_from_slice(&items[items.len() - a..]);
                Ok(out)
            }
        }
    }
}
