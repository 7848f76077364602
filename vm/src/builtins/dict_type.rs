//! `dict`: constructor and methods (keys, values, items, get, setdefault, pop, popitem, update, copy,
//! clear, fromkeys) and the dict views (set operations and rich comparisons of keys/items views).
//!
//! The hash table itself is `dict_table.rs`; lookups may run Python `__eq__`/`__hash__`.

use crate::access::Mode;
use crate::bytecode::CmpOp;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.dict;
    vm.def_static(t, "__new__", dict_new)?;
    vm.def_method(t, "__init__", dict_init)?;
    vm.def_method(t, "keys", dict_keys)?;
    vm.def_method(t, "values", dict_values)?;
    vm.def_method(t, "items", dict_items)?;
    vm.def_method(t, "get", dict_get)?;
    let methods: &[(&'static str, Native<M>)] = &[
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__len__", dict_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__contains__", dict_contains),
        ("__iter__", dict_iter),
        ("__reversed__", dict_reversed),
        ("__or__", dict_or),
        ("__ror__", dict_ror),
        ("__ior__", dict_ior),
        ("__eq__", dict_eq),
        ("__ne__", dict_ne),
    ];
    for (n, f) in methods {
        vm.def_method(t, n, *f)?;
    }
    vm.def_classmethod(t, "fromkeys", dict_fromkeys)?;
    let d = obj::<TypeObj>(t).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE)?;
    let views: &[(&'static str, Native<M>)] = &[
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__contains__", view_contains),
        ("__reversed__", view_reversed),
    ];
    let setops: &[(&'static str, Native<M>)] = &[
        ("__and__", view_and),
        ("__or__", view_or),
        ("__sub__", view_sub),
        ("__xor__", view_xor),
        ("__rand__", view_rand),
        ("__ror__", view_ror),
        ("__rsub__", view_rsub),
        ("__rxor__", view_rxor),
        ("isdisjoint", view_isdisjoint),
    ];
    for t in [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ] {
        for (n, f) in views {
            vm.def_method(t, n, *f)?;
        }
        if t != vm.types.dict_values {
            for (n, f) in setops {
                vm.def_method(t, n, *f)?;
            }
        }
    }
    Ok(())
}

type Native<M> = fn(&mut Vm<M>, &[Value], &[Value]) -> PyResult<Value>;

fn dict_setdefault<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("setdefault", args, kwnames, 1, 2)?;
    let d = args.get(2).copied().unwrap_or(Value::NONE);
    if let Some(v) = vm.dict_get(args[0], args[1])? {
        return Ok(v);
    }
    vm.dict_set(args[0], args[1], d)?;
    Ok(d)
}

fn dict_pop<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("pop", args, kwnames, 1, 2)?;
    match vm.dict_del(args[0], args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(*d),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn dict_popitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("popitem", args, kwnames, 0, 0)?;
    let d = args[0];
    let Some((k, v)) = vm.dict_items_vec(d).last().copied() else {
        let ke = vm.exc.key_error;
        return Err(vm.error(ke, "popitem(): dictionary is empty"));
    };
    let t = vm.new_tuple(&[k, v])?;
    vm.dict_del(d, k)?;
    Ok(t)
}

fn dict_update<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len() - 1;
    if npos > 1 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {npos}")));
    }
    let d = args[0];
    if npos == 1 {
        vm.dict_update_from(d, args[1])?;
    }
    for (k, v) in kwnames.iter().zip(&args[1 + npos..]) {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(Value::NONE)
}

fn dict_copy<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("copy", args, kwnames, 0, 0)?;
    vm.dict_copy(args[0])
}

fn dict_clear<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("clear", args, kwnames, 0, 0)?;
    vm.dict_clear(args[0]);
    Ok(Value::NONE)
}

fn dict_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__len__", args, kwnames, 0, 0)?;
    Ok(Value::small_int(vm.dict_len(args[0]) as i64))
}

fn dict_getitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__getitem__", args, kwnames, 1, 1)?;
    let (d, k) = (args[0], args[1]);
    if let Some(v) = vm.dict_get(d, k)? {
        return Ok(v);
    }
    let t = vm.type_of(d);
    if t != vm.types.dict {
        let mn = vm.rt.names.__missing__;
        if let Some(m) = vm.type_lookup(t, mn) {
            return vm.call_method_value(m, d, &[k]);
        }
    }
    Err(vm.key_error(k))
}

fn dict_setitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__setitem__", args, kwnames, 2, 2)?;
    vm.dict_set(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn dict_delitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__delitem__", args, kwnames, 1, 1)?;
    match vm.dict_del(args[0], args[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(args[1])),
    }
}

fn dict_contains<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__contains__", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.dict_get(args[0], args[1])?.is_some()))
}

fn dict_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    let c = vm.types.dict_keyiterator;
    let n = vm.dict_len(args[0]) as u64;
    vm.new_iter(c, IterKind::DictKeys, args[0], Value::NULL, 0, n)
}

/// A reverse iterator over a snapshot (keys, values or items) of dict `d`.
fn reversed_of<M: Mode>(vm: &mut Vm<M>, d: Value, which: u8) -> PyResult<Value> {
    let mut out = Vec::new();
    for (k, v) in vm.dict_items_vec(d) {
        out.push(match which {
            0 => k,
            1 => v,
            _ => vm.new_tuple(&[k, v])?,
        });
        if which == 2 {
            let last = *out.last().unwrap_or(&Value::NONE);
            vm.temp_roots.push(last);
        }
    }
    let l = vm.new_list(&out);
    if which == 2 {
        let n = vm.temp_roots.len() - out.len();
        vm.temp_roots.truncate(n);
    }
    let l = l?;
    let c = vm.types.list_reverseiterator;
    let n = out.len() as u64;
    vm.new_iter(c, IterKind::ListReversed, l, Value::NULL, n, 0)
}

fn dict_reversed<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__reversed__", args, kwnames, 0, 0)?;
    reversed_of(vm, args[0], 0)
}

fn dict_or<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__or__", args, kwnames, 1, 1)?;
    if !is::<DictObj>(args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let n = vm.dict_copy(args[0])?;
    vm.dict_update_from(n, args[1])?;
    Ok(n)
}

fn dict_ror<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__ror__", args, kwnames, 1, 1)?;
    if !is::<DictObj>(args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let n = vm.dict_copy(args[1])?;
    vm.dict_update_from(n, args[0])?;
    Ok(n)
}

fn dict_ior<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__ior__", args, kwnames, 1, 1)?;
    vm.dict_update_from(args[0], args[1])?;
    Ok(args[0])
}

fn dict_equal<M: Mode>(vm: &mut Vm<M>, a: Value, b: Value) -> PyResult<bool> {
    if vm.dict_len(a) != vm.dict_len(b) {
        return Ok(false);
    }
    let items = vm.dict_items_vec(a);
    let base = vm.temp_roots.len();
    for (k, v) in &items {
        vm.temp_roots.push(*k);
        vm.temp_roots.push(*v);
    }
    let r = (|| {
        for (k, v) in &items {
            match vm.dict_get(b, *k)? {
                Some(w) if w == *v || vm.eq(*v, w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    })();
    vm.temp_roots.truncate(base);
    r
}

fn dict_eq<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__eq__", args, kwnames, 1, 1)?;
    if !is::<DictObj>(args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(dict_equal(vm, args[0], args[1])?))
}

fn dict_ne<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__ne__", args, kwnames, 1, 1)?;
    if !is::<DictObj>(args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(!dict_equal(vm, args[0], args[1])?))
}

fn dict_fromkeys<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("fromkeys", args, kwnames, 1, 2)?;
    let cls = args[0];
    let value = args.get(2).copied().unwrap_or(Value::NONE);
    let d = vm.call(cls, &[], &[])?;
    vm.temp_roots.push(d);
    let r = (|| {
        let keys = vm.collect_iterable(args[1])?;
        let exact = vm.type_of(d) == vm.types.dict;
        for k in keys {
            if exact {
                vm.dict_set(d, k, value)?;
            } else {
                vm.setitem(d, k, value)?;
            }
        }
        Ok(d)
    })();
    vm.temp_roots.pop();
    r
}

fn view_parts(v: Value) -> (Value, u8) {
    let dv = obj::<DictViewObj>(v);
    (dv.dict, dv.which)
}

fn view_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__len__", args, kwnames, 0, 0)?;
    Ok(Value::small_int(vm.dict_len(view_parts(args[0]).0) as i64))
}

fn view_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    vm.get_iter(args[0])
}

fn view_contains<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__contains__", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.dictview_contains(args[0], args[1])?))
}

fn view_reversed<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__reversed__", args, kwnames, 0, 0)?;
    let (d, which) = view_parts(args[0]);
    reversed_of(vm, d, which)
}

fn view_op<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    op: crate::bytecode::BinOp,
    reflected: bool,
) -> PyResult<Value> {
    vm.check_method_args("operator", args, kwnames, 1, 1)?;
    if reflected {
        vm.dictview_binop(args[1], args[0], op)
    } else {
        vm.dictview_binop(args[0], args[1], op)
    }
}

fn view_and<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::And, false)
}
fn view_or<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::Or, false)
}
fn view_sub<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::Sub, false)
}
fn view_xor<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::Xor, false)
}
fn view_rand<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::And, true)
}
fn view_ror<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::Or, true)
}
fn view_rsub<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::Sub, true)
}
fn view_rxor<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    view_op(vm, a, k, crate::bytecode::BinOp::Xor, true)
}

fn view_isdisjoint<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("isdisjoint", args, kwnames, 1, 1)?;
    let it = vm.get_iter(args[1])?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(x) = vm.iter_next(it)? {
            if vm.dictview_contains(args[0], x)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.temp_roots.pop();
    r
}

fn dict_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_dict_of(args[0])
}

fn dict_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len() - 1;
    if npos > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    let d = args[0];
    if npos == 1 {
        vm.dict_update_from(d, args[1])?;
    }
    for (k, v) in kwnames.iter().zip(&args[1 + npos..]) {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(Value::NONE)
}

fn view<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value], which: u8) -> PyResult<Value> {
    let name = ["keys", "values", "items"][which as usize];
    vm.check_method_args(name, args, kwnames, 0, 0)?;
    let cls = [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ][which as usize];
    vm.alloc(
        cls,
        DictViewObj {
            header: Vm::<M>::hdr(),
            dict: args[0],
            which,
        },
    )
}

fn dict_keys<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(vm, args, kwnames, 0)
}

fn dict_values<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(vm, args, kwnames, 1)
}

fn dict_items<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(vm, args, kwnames, 2)
}

fn dict_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("get", args, kwnames, 1, 2)?;
    let d = args.get(2).copied().unwrap_or(Value::NONE);
    Ok(vm.dict_get(args[0], args[1])?.unwrap_or(d))
}

impl<M: Mode> Vm<M> {
    /// `x in view`: keys look the key up; items look the key up and compare the value; values scan.
    pub fn dictview_contains(&mut self, view: Value, item: Value) -> PyResult<bool> {
        let (d, which) = {
            let v = obj::<DictViewObj>(view);
            (v.dict, v.which)
        };
        match which {
            0 => Ok(self.dict_get(d, item)?.is_some()),
            2 => {
                let Some(t) = cast::<TupleObj>(item) else {
                    return Ok(false);
                };
                if t.len != 2 {
                    return Ok(false);
                }
                let (k, v) = (t.as_slice()[0], t.as_slice()[1]);
                match self.dict_get(d, k)? {
                    Some(x) => Ok(x == v || self.eq(x, v)?),
                    None => Ok(false),
                }
            }
            _ => {
                let vals: Vec<Value> = self.dict_items_vec(d).into_iter().map(|p| p.1).collect();
                let base = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&vals);
                let r = (|| {
                    for x in &vals {
                        if *x == item || self.eq(*x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })();
                self.temp_roots.truncate(base);
                r
            }
        }
    }

    /// Rich comparison of a keys or items view with a set, frozenset or keys/items view (CPython's
    /// `dictview_richcompare`): by size, then containment. Values views and other operands: NotImplemented.
    pub fn dictview_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let setlike = |v: Value| match cast::<DictViewObj>(v) {
            Some(x) => x.which != 1,
            None => is::<SetObj>(v) || is::<FrozenSetObj>(v),
        };
        let is_view = |v: Value| matches!(cast::<DictViewObj>(v), Some(x) if x.which != 1);
        if !is_view(a) || !setlike(b) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        let la = self.len(a)?;
        let lb = self.len(b)?;
        let r = match op {
            CmpOp::Eq | CmpOp::Ne => {
                let e = la == lb && self.all_contained_in(a, b)?;
                if op == CmpOp::Eq {
                    e
                } else {
                    !e
                }
            }
            CmpOp::Lt => la < lb && self.all_contained_in(a, b)?,
            CmpOp::Le => la <= lb && self.all_contained_in(a, b)?,
            CmpOp::Gt => la > lb && self.all_contained_in(b, a)?,
            CmpOp::Ge => la >= lb && self.all_contained_in(b, a)?,
        };
        Ok(Value::bool(r))
    }

    /// Every item of `a` is in `b`.
    fn all_contained_in(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let it = self.get_iter(a)?;
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.iter_next(it)? {
                if !self.contains(b, x)? {
                    return Ok(false);
                }
            }
            Ok(true)
        })();
        self.temp_roots.pop();
        r
    }

    /// A new set from a view operand (CPython's `dictviews_to_set`).
    fn dictview_to_set(&mut self, x: Value) -> PyResult<Value> {
        let src = match cast::<DictViewObj>(x) {
            Some(v) if v.which == 0 && self.type_of(v.dict) == self.types.dict => v.dict,
            _ => x,
        };
        let c = self.types.set;
        self.make_new_set(c, false, Some(src))
    }

    /// `&`, `|`, `-`, `^` with a keys or items view operand (CPython's `dictviews_*`).
    pub fn dictview_binop(
        &mut self,
        a: Value,
        b: Value,
        op: crate::bytecode::BinOp,
    ) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        let setlike = |v: Value| matches!(cast::<DictViewObj>(v), Some(x) if x.which != 1);
        if !setlike(a) && !setlike(b) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        if op == BinOp::And {
            let (mut this, mut other) = if setlike(a) { (a, b) } else { (b, a) };
            let len_self = self.len(this)?;
            if is::<SetObj>(other)
                && self.type_of(other) == self.types.set
                && len_self <= self.set_len(other)
            {
                return self.set_intersection(other, this);
            }
            if setlike(other) && self.len(other)? > len_self {
                std::mem::swap(&mut this, &mut other);
            }
            let c = self.types.set;
            let result = self.new_empty_set(c, false)?;
            self.temp_roots.push(result);
            let it = self.get_iter(other);
            let r = it.and_then(|it| {
                self.temp_roots.push(it);
                let r = (|| {
                    while let Some(k) = self.iter_next(it)? {
                        if self.dictview_contains(this, k)? {
                            self.set_add(result, k)?;
                        }
                    }
                    Ok(result)
                })();
                self.temp_roots.pop();
                r
            });
            self.temp_roots.pop();
            return r;
        }
        let r = self.dictview_to_set(a)?;
        self.temp_roots.push(r);
        let x = match op {
            BinOp::Or => self.set_update(r, b),
            BinOp::Sub => self.set_difference_update(r, b),
            _ => self.set_symmetric_difference_update(r, b),
        };
        self.temp_roots.pop();
        x.map(|_| r)
    }
}
