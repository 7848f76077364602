//! `list` and `tuple`: constructors and methods (append, extend, insert, pop, remove, index, count,
//! sort, reverse, copy, clear; tuple's index and count), and the dunders reachable by name
//! (`list.__getitem__`, `super().__setitem__`, `tuple.__add__`, comparisons...), which take the
//! list/tuple paths directly so that subclasses overriding them can call the base versions.
//!
//! List storage goes through `interp::containers` (the access layer); `sort` is a stable sort over a
//! snapshot (CPython's run detection and binary insertion for short runs, then merges) that may run
//! Python comparisons and key functions; the list is empty while it runs, and "list modified during
//! sort" is raised like CPython when Python code changed it meanwhile.

use crate::access::Mode;
use crate::bytecode::CmpOp;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

type Native<M> = fn(&mut Vm<M>, &[Value], &[Value]) -> PyResult<Value>;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.list;
    let list_methods: &[(&'static str, Native<M>)] = &[
        ("__init__", list_init),
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
        ("__len__", list_len),
        ("__getitem__", list_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__contains__", seq_contains),
        ("__iter__", list_iter),
        ("__reversed__", list_reversed),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
        ("__imul__", list_imul),
        ("__eq__", seq_eq),
        ("__ne__", seq_ne),
        ("__lt__", seq_lt),
        ("__le__", seq_le),
        ("__gt__", seq_gt),
        ("__ge__", seq_ge),
    ];
    vm.def_static(t, "__new__", list_new)?;
    for (n, f) in list_methods {
        vm.def_method(t, n, *f)?;
    }
    let d = obj::<TypeObj>(t).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE)?;
    let t = vm.types.tuple;
    let tuple_methods: &[(&'static str, Native<M>)] = &[
        ("index", tuple_index),
        ("count", tuple_count),
        ("__len__", tuple_len),
        ("__getitem__", tuple_getitem),
        ("__contains__", seq_contains),
        ("__iter__", tuple_iter),
        ("__add__", tuple_add),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
        ("__hash__", tuple_hash),
        ("__eq__", seq_eq),
        ("__ne__", seq_ne),
        ("__lt__", seq_lt),
        ("__le__", seq_le),
        ("__gt__", seq_gt),
        ("__ge__", seq_ge),
    ];
    vm.def_static(t, "__new__", tuple_new)?;
    for (n, f) in tuple_methods {
        vm.def_method(t, n, *f)?;
    }
    Ok(())
}

fn list_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_list_of(args[0], &[])
}

fn list_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    vm.check_args("list", &args[1..], kwnames, 0, 1)?;
    vm.list_set_all(args[0], &[])?;
    if let Some(it) = args.get(1) {
        vm.list_extend(args[0], *it)?;
    }
    Ok(Value::NONE)
}

fn list_append<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("append", args, kwnames, 1, 1)?;
    vm.list_append(args[0], args[1])?;
    Ok(Value::NONE)
}

fn list_extend<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("extend", args, kwnames, 1, 1)?;
    if args[0] == args[1] {
        let v = vm.list_snapshot(args[0]);
        vm.list_extend_values(args[0], &v)?;
    } else {
        vm.list_extend(args[0], args[1])?;
    }
    Ok(Value::NONE)
}

/// An index argument as i64 (`__index__` honoured; huge ints saturate).
fn index_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<i64> {
    if let Some(crate::interp::ops::Num::Big(b)) = vm.as_num(v) {
        return Ok(if num_traits::Signed::is_negative(b) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    }
    vm.index_value(v)
}

fn list_insert<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("insert", args, kwnames, 2, 2)?;
    let l = args[0];
    let n = vm.list_len(l) as i64;
    let mut i = index_arg(vm, args[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    let mut items = vm.list_snapshot(l);
    items.insert(i, args[2]);
    vm.list_set_all(l, &items)?;
    Ok(Value::NONE)
}

fn list_pop<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("pop", args, kwnames, 0, 1)?;
    let l = args[0];
    let n = vm.list_len(l) as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let mut i = match args.get(1) {
        Some(v) => index_arg(vm, *v)?,
        None => -1,
    };
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let i = i as usize;
    let v = vm.list_get(l, i);
    if i as i64 == n - 1 {
        vm.store_raw_o(l, &obj::<ListObj>(l).len, (n - 1) as u64);
        // Clear the vacated slot so the value is not kept alive.
        let items = vm.load_o(l, &obj::<ListObj>(l).items);
        vm.store_o(items, &obj::<ValueArray>(items).slots()[i], Value::NULL);
    } else {
        let mut items = vm.list_snapshot(l);
        items.remove(i);
        vm.list_set_all(l, &items)?;
    }
    Ok(v)
}

/// Finds the first item equal to `x` in `l[start:stop]` (re-reading the list after each comparison).
fn list_find<M: Mode>(
    vm: &mut Vm<M>,
    l: Value,
    x: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(vm.list_len(l)) {
        let v = vm.list_get(l, i);
        if v == x || vm.eq(v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("remove", args, kwnames, 1, 1)?;
    let l = args[0];
    match list_find(vm, l, args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut items = vm.list_snapshot(l);
            items.remove(i);
            vm.list_set_all(l, &items)?;
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// start/stop arguments of `index` clamped like a slice.
fn bounds<M: Mode>(vm: &mut Vm<M>, args: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| -> usize {
        if i < 0 {
            (i + n as i64).max(0) as usize
        } else {
            (i as usize).min(n)
        }
    };
    let start = match args.get(2) {
        Some(v) => clamp(slice_index(vm, *v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => clamp(slice_index(vm, *v)?),
        None => n,
    };
    Ok((start, stop))
}

fn slice_index<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<i64> {
    if !vm.is_int(v) {
        let t = vm.type_of(v);
        let n = vm.intern("__index__");
        if vm.type_lookup(t, n).is_none() {
            return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
        }
    }
    index_arg(vm, v)
}

fn list_index<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("index", args, kwnames, 1, 3)?;
    let l = args[0];
    let n = vm.list_len(l);
    let (start, stop) = bounds(vm, args, n)?;
    match list_find(vm, l, args[1], start, stop)? {
        Some(i) => Ok(Value::small_int(i as i64)),
        None => {
            let r = vm.repr_string(args[1])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("count", args, kwnames, 1, 1)?;
    let (l, x) = (args[0], args[1]);
    let mut c = 0;
    let mut i = 0;
    while i < vm.list_len(l) {
        let v = vm.list_get(l, i);
        if v == x || vm.eq(v, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::small_int(c))
}

fn list_reverse<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("reverse", args, kwnames, 0, 0)?;
    let mut items = vm.list_snapshot(args[0]);
    items.reverse();
    vm.list_set_all(args[0], &items)?;
    Ok(Value::NONE)
}

fn list_copy<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("copy", args, kwnames, 0, 0)?;
    let items = vm.list_snapshot(args[0]);
    vm.new_list(&items)
}

fn list_clear<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("clear", args, kwnames, 0, 0)?;
    vm.list_set_all(args[0], &[])?;
    Ok(Value::NONE)
}

fn list_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__len__", args, kwnames, 0, 0)?;
    Ok(Value::small_int(vm.list_len(args[0]) as i64))
}

fn list_getitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__getitem__", args, kwnames, 1, 1)?;
    vm.list_getitem(args[0], args[1])
}

fn list_setitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__setitem__", args, kwnames, 2, 2)?;
    vm.list_setitem(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn list_delitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__delitem__", args, kwnames, 1, 1)?;
    vm.list_delitem(args[0], args[1])?;
    Ok(Value::NONE)
}

fn seq_items<M: Mode>(vm: &Vm<M>, s: Value) -> Vec<Value> {
    if is::<ListObj>(s) {
        vm.list_snapshot(s)
    } else {
        obj::<TupleObj>(s).as_slice().to_vec()
    }
}

fn seq_contains<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__contains__", args, kwnames, 1, 1)?;
    let (s, x) = (args[0], args[1]);
    if is::<ListObj>(s) {
        return Ok(Value::bool(list_find(vm, s, x, 0, usize::MAX)?.is_some()));
    }
    for v in seq_items(vm, s) {
        if v == x || vm.eq(v, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn list_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    let c = vm.types.list_iterator;
    vm.new_iter(c, IterKind::List, args[0], Value::NULL, 0, 0)
}

fn list_reversed<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__reversed__", args, kwnames, 0, 0)?;
    let c = vm.types.list_reverseiterator;
    let n = vm.list_len(args[0]) as u64;
    vm.new_iter(c, IterKind::ListReversed, args[0], Value::NULL, n, 0)
}

fn list_add<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__add__", args, kwnames, 1, 1)?;
    if !is::<ListObj>(args[1]) {
        let tn = vm.tname(args[1]).to_string();
        return Err(vm.type_error(format!("can only concatenate list (not \"{tn}\") to list")));
    }
    let mut x = vm.list_snapshot(args[0]);
    x.extend(vm.list_snapshot(args[1]));
    vm.new_list(&x)
}

fn list_iadd<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iadd__", args, kwnames, 1, 1)?;
    list_extend(vm, args, kwnames)?;
    Ok(args[0])
}

fn repeat_arg<M: Mode>(vm: &mut Vm<M>, n: Value) -> PyResult<Option<usize>> {
    if !vm.is_int(n) {
        let t = vm.type_of(n);
        let name = vm.intern("__index__");
        if vm.type_lookup(t, name).is_none() {
            let tn = vm.tname(n).to_string();
            return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'")));
        }
    }
    let i = index_arg(vm, n)?;
    Ok(Some(i.max(0) as usize))
}

fn seq_mul<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__mul__", args, kwnames, 1, 1)?;
    let Some(n) = repeat_arg(vm, args[1])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let items = seq_items(vm, args[0]);
    let rep = vm.repeat_values(&items, n)?;
    if is::<ListObj>(args[0]) {
        vm.new_list(&rep)
    } else {
        vm.new_tuple(&rep)
    }
}

fn list_imul<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__imul__", args, kwnames, 1, 1)?;
    let Some(n) = repeat_arg(vm, args[1])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let items = vm.list_snapshot(args[0]);
    let rep = vm.repeat_values(&items, n)?;
    vm.list_set_all(args[0], &rep)?;
    Ok(args[0])
}

fn seq_cmp<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    op: CmpOp,
) -> PyResult<Value> {
    vm.check_method_args("comparison", args, kwnames, 1, 1)?;
    let (a, b) = (args[0], args[1]);
    let same = (is::<ListObj>(a) && is::<ListObj>(b)) || (is::<TupleObj>(a) && is::<TupleObj>(b));
    if !same {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let x = seq_items(vm, a);
    let y = seq_items(vm, b);
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&x);
    vm.temp_roots.extend_from_slice(&y);
    let r = vm.seq_compare(&x, &y, op);
    vm.temp_roots.truncate(base);
    r
}

fn seq_eq<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    seq_cmp(vm, a, k, CmpOp::Eq)
}
fn seq_ne<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    seq_cmp(vm, a, k, CmpOp::Ne)
}
fn seq_lt<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    seq_cmp(vm, a, k, CmpOp::Lt)
}
fn seq_le<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    seq_cmp(vm, a, k, CmpOp::Le)
}
fn seq_gt<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    seq_cmp(vm, a, k, CmpOp::Gt)
}
fn seq_ge<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    seq_cmp(vm, a, k, CmpOp::Ge)
}

// ----- sort ---------------------------------------------------------------------------------------

/// Sorts `v` (pairs of (key, item)) stably by key with Python `<`. On error `v` stays a permutation.
struct Sorter<'a, M: Mode> {
    vm: &'a mut Vm<M>,
}

impl<M: Mode> Sorter<'_, M> {
    fn lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        self.vm.less_than(a, b)
    }

    /// CPython's `count_run`: length of the run at the start of `v`, and whether it is descending.
    fn count_run(&mut self, v: &[(Value, Value)]) -> PyResult<(usize, bool)> {
        if v.len() <= 1 {
            return Ok((v.len(), false));
        }
        let mut n = 2;
        if self.lt(v[1].0, v[0].0)? {
            while n < v.len() && self.lt(v[n].0, v[n - 1].0)? {
                n += 1;
            }
            Ok((n, true))
        } else {
            while n < v.len() && !self.lt(v[n].0, v[n - 1].0)? {
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// CPython's `binarysort`: `v[..start]` is sorted; inserts the rest one by one.
    fn binarysort(&mut self, v: &mut [(Value, Value)], start: usize) -> PyResult<()> {
        for s in start..v.len() {
            let pivot = v[s];
            let (mut l, mut r) = (0, s);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot.0, v[p].0)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            v[l..=s].rotate_right(1);
        }
        Ok(())
    }

    /// Merges the sorted `v[..mid]` and `v[mid..]`.
    fn merge(&mut self, v: &mut [(Value, Value)], mid: usize) -> PyResult<()> {
        let mut out = Vec::with_capacity(v.len());
        let (mut i, mut j) = (0, mid);
        while i < mid && j < v.len() {
            if self.lt(v[j].0, v[i].0)? {
                out.push(v[j]);
                j += 1;
            } else {
                out.push(v[i]);
                i += 1;
            }
        }
        out.extend_from_slice(&v[i..mid]);
        out.extend_from_slice(&v[j..]);
        v.copy_from_slice(&out);
        Ok(())
    }

    fn sort(&mut self, v: &mut [(Value, Value)]) -> PyResult<()> {
        let n = v.len();
        if n < 2 {
            return Ok(());
        }
        let mut minrun = n;
        let mut r = 0;
        while minrun >= 64 {
            r |= minrun & 1;
            minrun >>= 1;
        }
        minrun += r;
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut lo = 0;
        while lo < n {
            let (mut len, desc) = self.count_run(&v[lo..])?;
            if desc {
                v[lo..lo + len].reverse();
            }
            if len < minrun {
                let force = (n - lo).min(minrun);
                self.binarysort(&mut v[lo..lo + force], len)?;
                len = force;
            }
            runs.push((lo, len));
            lo += len;
        }
        while runs.len() > 1 {
            let mut next = Vec::new();
            for pair in runs.chunks(2) {
                if pair.len() == 2 {
                    let (a, la) = pair[0];
                    let (_, lb) = pair[1];
                    self.merge(&mut v[a..a + la + lb], la)?;
                    next.push((a, la + lb));
                } else {
                    next.push(pair[0]);
                }
            }
            runs = next;
        }
        Ok(())
    }
}

fn list_sort<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = vm.parse_args("sort", &args[1..], kwnames, &["key", "reverse"], 0, 0, 0)?;
    let l = args[0];
    let key = if p[0].is_null() { Value::NONE } else { p[0] };
    let reverse = if p[1].is_null() {
        false
    } else {
        vm.truthy(p[1])?
    };
    let items = vm.list_snapshot(l);
    // The list is empty while sorting (CPython): Python code that changes it is detected afterwards.
    vm.list_set_all(l, &[])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    let mut result: PyResult<()> = Ok(());
    for v in &items {
        if key == Value::NONE {
            pairs.push((*v, *v));
        } else {
            match vm.call(key, &[*v], &[]) {
                Ok(k) => {
                    vm.temp_roots.push(k);
                    pairs.push((k, *v));
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
    }
    let mut sorted: Vec<Value> = items.clone();
    if result.is_ok() {
        if reverse {
            pairs.reverse();
        }
        if !crate::builtins::sort_fast::try_sort_fast(vm, &mut pairs) {
            result = Sorter { vm: &mut *vm }.sort(&mut pairs);
        }
        if reverse {
            pairs.reverse();
        }
        sorted = pairs.iter().map(|p| p.1).collect();
    }
    let lo = obj::<ListObj>(l);
    let modified = vm.list_len(l) != 0 || !vm.load(&lo.items).is_null();
    let r = vm.list_set_all(l, &sorted);
    vm.temp_roots.truncate(base);
    r?;
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

// ----- tuple --------------------------------------------------------------------------------------

fn tuple_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() && args[0] == vm.types.tuple {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    vm.check_args("tuple", &args[1..], kwnames, 0, 1)?;
    let cls = args[0];
    let items = match args.get(1) {
        Some(it) => {
            if is::<TupleObj>(*it) && cls == vm.types.tuple && vm.type_of(*it) == cls {
                return Ok(*it);
            }
            vm.collect_iterable(*it)?
        }
        None => Vec::new(),
    };
    if cls == vm.types.tuple {
        vm.new_tuple(&items)
    } else {
        vm.new_tuple_of(cls, &items)
    }
}

fn tuple_index<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("index", args, kwnames, 1, 3)?;
    let items = obj::<TupleObj>(args[0]).as_slice();
    let (start, stop) = bounds(vm, args, items.len())?;
    for (i, v) in items.iter().enumerate().take(stop).skip(start) {
        if *v == args[1] || vm.eq(*v, args[1])? {
            return Ok(Value::small_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("count", args, kwnames, 1, 1)?;
    let mut c = 0;
    for v in obj::<TupleObj>(args[0]).as_slice() {
        if *v == args[1] || vm.eq(*v, args[1])? {
            c += 1;
        }
    }
    Ok(Value::small_int(c))
}

fn tuple_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__len__", args, kwnames, 0, 0)?;
    Ok(Value::small_int(obj::<TupleObj>(args[0]).len as i64))
}

fn tuple_getitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__getitem__", args, kwnames, 1, 1)?;
    let (o, k) = (args[0], args[1]);
    let items = obj::<TupleObj>(o).as_slice();
    if is::<SliceObj>(k) {
        let (start, _stop, step, n) = vm.slice_indices(k, items.len())?;
        let out: Vec<Value> = (0..n)
            .map(|i| items[(start + i as i64 * step) as usize])
            .collect();
        return vm.new_tuple(&out);
    }
    let i = vm.seq_index(k, items.len(), "tuple")?;
    Ok(items[i])
}

fn tuple_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    let c = vm.types.tuple_iterator;
    vm.new_iter(c, IterKind::Tuple, args[0], Value::NULL, 0, 0)
}

fn tuple_add<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__add__", args, kwnames, 1, 1)?;
    if !is::<TupleObj>(args[1]) {
        let tn = vm.tname(args[1]).to_string();
        return Err(vm.type_error(format!(
            "can only concatenate tuple (not \"{tn}\") to tuple"
        )));
    }
    let mut x = obj::<TupleObj>(args[0]).as_slice().to_vec();
    x.extend_from_slice(obj::<TupleObj>(args[1]).as_slice());
    vm.new_tuple(&x)
}

fn tuple_hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__hash__", args, kwnames, 0, 0)?;
    let mut hs = Vec::new();
    for v in obj::<TupleObj>(args[0]).as_slice() {
        hs.push(vm.hash(*v)?);
    }
    let h = crate::numeric::hash::hash_tuple(&hs);
    vm.new_int(h)
}
