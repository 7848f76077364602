//! The builtin iterator types reached by name: the constructors `enumerate`, `zip`, `map`, `filter`,
//! `reversed` and `slice` (with `slice.indices`), and the iterator protocol methods (`__iter__`,
//! `__next__`, `__length_hint__`) of every builtin iterator type.
//!
//! Iteration itself is `Vm::iter_next` in `interp::iter`; these natives only build `IterObj`s and expose
//! the protocol by name so `iter(it) is it` and `it.__next__()` work.

use crate::access::Mode;
use crate::bytecode::CmpOp;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.enumerate;
    vm.def_static(t, "__new__", enumerate_new)?;
    let t = vm.types.zip;
    vm.def_static(t, "__new__", zip_new)?;
    let t = vm.types.map;
    vm.def_static(t, "__new__", map_new)?;
    let t = vm.types.filter;
    vm.def_static(t, "__new__", filter_new)?;
    let t = vm.types.reversed;
    vm.def_static(t, "__new__", reversed_new)?;
    let iter_types = [
        vm.types.list_iterator,
        vm.types.list_reverseiterator,
        vm.types.tuple_iterator,
        vm.types.str_iterator,
        vm.types.bytes_iterator,
        vm.types.range_iterator,
        vm.types.dict_keyiterator,
        vm.types.dict_valueiterator,
        vm.types.dict_itemiterator,
        vm.types.set_iterator,
        vm.types.seq_iterator,
        vm.types.reversed,
        vm.types.enumerate,
        vm.types.zip,
        vm.types.map,
        vm.types.filter,
        vm.types.callable_iterator,
    ];
    for t in iter_types {
        vm.def_method(t, "__iter__", iter_self)?;
        vm.def_method(t, "__next__", iter_dunder_next)?;
    }
    for t in [
        vm.types.list_iterator,
        vm.types.list_reverseiterator,
        vm.types.tuple_iterator,
        vm.types.str_iterator,
        vm.types.bytes_iterator,
        vm.types.range_iterator,
        vm.types.dict_keyiterator,
        vm.types.dict_valueiterator,
        vm.types.dict_itemiterator,
        vm.types.set_iterator,
        vm.types.reversed,
    ] {
        vm.def_method(t, "__length_hint__", iter_length_hint)?;
    }
    let s = vm.types.slice;
    vm.def_static(s, "__new__", slice_new)?;
    vm.def_method(s, "indices", slice_indices_method)?;
    vm.def_method(s, "__eq__", slice_eq)?;
    vm.def_method(s, "__ne__", slice_ne)?;
    vm.def_method(s, "__lt__", slice_lt)?;
    vm.def_method(s, "__le__", slice_le)?;
    vm.def_method(s, "__gt__", slice_gt)?;
    vm.def_method(s, "__ge__", slice_ge)?;
    let d = obj::<TypeObj>(s).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE)?;
    Ok(())
}

fn enumerate_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "enumerate",
        &args[1..],
        kwnames,
        &["iterable", "start"],
        0,
        2,
        1,
    )?;
    let start = if a[1].is_null() {
        Value::small_int(0)
    } else if vm.is_int(a[1]) {
        a[1]
    } else {
        let tn = vm.tname(a[1]).to_string();
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let it = vm.get_iter(a[0])?;
    let it_obj = vm.new_iter(args[0], IterKind::Enumerate, it, Value::NULL, 0, 0)?;
    vm.store(&obj::<IterObj>(it_obj).s1, start);
    Ok(it_obj)
}

fn zip_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let mut strict = false;
    for (i, k) in kwnames.iter().enumerate() {
        let name = vm.str_of(*k);
        if name != "strict" {
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for zip()")));
        }
        strict = vm.truthy(args[npos + i])?;
    }
    let mark = vm.temp_roots.len();
    let mut its = Vec::with_capacity(npos.saturating_sub(1));
    for a in &args[1..npos] {
        match vm.get_iter(*a) {
            Ok(it) => {
                its.push(it);
                vm.temp_roots.push(it);
            }
            Err(e) => {
                vm.temp_roots.truncate(mark);
                return Err(e);
            }
        }
    }
    let t = vm.new_tuple(&its);
    vm.temp_roots.truncate(mark);
    let t = t?;
    vm.new_iter(args[0], IterKind::Zip, t, Value::bool(strict), 0, 0)
}

fn map_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mark = vm.temp_roots.len();
    let mut its = Vec::with_capacity(args.len() - 2);
    for a in &args[2..] {
        match vm.get_iter(*a) {
            Ok(it) => {
                its.push(it);
                vm.temp_roots.push(it);
            }
            Err(e) => {
                vm.temp_roots.truncate(mark);
                return Err(e);
            }
        }
    }
    let t = vm.new_tuple(&its);
    vm.temp_roots.truncate(mark);
    let t = t?;
    vm.new_iter(args[0], IterKind::Map, args[1], t, 0, 0)
}

fn filter_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("filter", &args[1..], kwnames, 2, 2)?;
    let it = vm.get_iter(args[2])?;
    vm.new_iter(args[0], IterKind::Filter, args[1], it, 0, 0)
}

fn reversed_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "reversed expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    let seq = args[1];
    let t = vm.type_of(seq);
    let builtin = obj::<TypeObj>(t).builtin;
    let kind = if seq.is_ptr() {
        crate::interp::attr::ops_kind(seq)
    } else {
        None
    };
    match kind {
        Some(Kind::List) if builtin => {
            let n = vm.list_len(seq) as u64;
            let c = vm.types.list_reverseiterator;
            return vm.new_iter(c, IterKind::ListReversed, seq, Value::NULL, n, 0);
        }
        Some(Kind::Range) if builtin => {
            let ro = obj::<RangeObj>(seq);
            let start = vm.as_bigint(ro.start).unwrap_or_default();
            let step = vm.as_bigint(ro.step).unwrap_or_default();
            let len = vm.as_bigint(ro.len).unwrap_or_default();
            let last = &start + (&len - BigInt::from(1)) * &step;
            let stop = &start - &step;
            let r = vm.new_range(last, stop, -step)?;
            return vm.range_iter(r);
        }
        Some(Kind::Dict) | Some(Kind::DictView) if builtin => {
            let keys = vm.collect_iterable(seq)?;
            let l = vm.new_list(&keys)?;
            let n = keys.len() as u64;
            let c = vm.types.list_reverseiterator;
            return vm.new_iter(c, IterKind::ListReversed, l, Value::NULL, n, 0);
        }
        Some(Kind::Tuple) | Some(Kind::Str) | Some(Kind::Bytes) | Some(Kind::ByteArray)
            if builtin =>
        {
            let n = vm.len(seq)? as u64;
            return vm.new_iter(args[0], IterKind::Reversed, seq, Value::NULL, n, 0);
        }
        _ => {}
    }
    let n = vm.rt.names.__reversed__;
    match vm.type_lookup(t, n) {
        Some(f) if f == Value::NONE => {
            let tn = vm.tname(seq).to_string();
            return Err(vm.type_error(format!("'{tn}' object is not reversible")));
        }
        Some(f) => return vm.call_method_value(f, seq, &[]),
        None => {}
    }
    let gi = vm.rt.names.__getitem__;
    let ln = vm.rt.names.__len__;
    let is_mapping = matches!(
        kind,
        Some(Kind::Dict) | Some(Kind::Set) | Some(Kind::FrozenSet)
    );
    if is_mapping || vm.type_lookup(t, gi).is_none() || vm.type_lookup(t, ln).is_none() {
        let tn = vm.tname(seq).to_string();
        return Err(vm.type_error(format!("'{tn}' object is not reversible")));
    }
    let n = vm.len(seq)?;
    vm.new_iter(args[0], IterKind::Reversed, seq, Value::NULL, n as u64, 0)
}

fn iter_self<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    Ok(args[0])
}

fn iter_dunder_next<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__next__", args, kwnames, 0, 0)?;
    if !is::<IterObj>(args[0]) {
        let tn = vm.tname(args[0]).to_string();
        return Err(vm.type_error(format!(
            "descriptor '__next__' requires an iterator object but received a '{tn}'"
        )));
    }
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn iter_length_hint<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__length_hint__", args, kwnames, 0, 0)?;
    let Some(i) = cast::<IterObj>(args[0]) else {
        return Ok(Value::small_int(0));
    };
    let pos = vm.load_raw(&i.s1);
    let n: i64 = match i.ikind {
        IterKind::List => vm.list_len(i.a) as i64 - pos as i64,
        IterKind::Tuple => obj::<TupleObj>(i.a).len as i64 - pos as i64,
        IterKind::Str => vm.str_of(i.a)[(pos as usize).min(vm.str_of(i.a).len())..]
            .chars()
            .count() as i64,
        IterKind::Bytes => vm.bytes_data(i.a).len() as i64 - pos as i64,
        IterKind::Range => vm.load_raw(&i.s2) as i64,
        IterKind::Reversed | IterKind::ListReversed => pos as i64,
        IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems | IterKind::Set => {
            let total = if i.ikind == IterKind::Set {
                vm.set_len(i.a)
            } else {
                vm.dict_len(i.a)
            };
            let started = vm.load_raw(&i.s2);
            if started as usize != total {
                0
            } else {
                // Positions are table indices; count what remains by walking.
                let mut left = 0i64;
                let mut p = pos as usize;
                loop {
                    let next = if i.ikind == IterKind::Set {
                        vm.set_next(i.a, p).map(|(q, _)| q)
                    } else {
                        vm.dict_next(i.a, p).map(|(q, _, _)| q)
                    };
                    match next {
                        Some(q) => {
                            left += 1;
                            p = q;
                        }
                        None => break,
                    }
                }
                left
            }
        }
        _ => 0,
    };
    Ok(Value::small_int(n.max(0)))
}

// ----- slice ---------------------------------------------------------------------------------------------

fn slice_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let a = &args[1..];
    match a.len() {
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        1 => vm.new_slice(Value::NONE, a[0], Value::NONE),
        2 => vm.new_slice(a[0], a[1], Value::NONE),
        3 => vm.new_slice(a[0], a[1], a[2]),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    }
}

/// A slice component as a BigInt for `indices()` (None stays None).
fn slice_part<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Option<BigInt>> {
    if v == Value::NONE {
        return Ok(None);
    }
    if let Some(b) = vm.as_bigint(v) {
        return Ok(Some(b));
    }
    let t = vm.type_of(v);
    let n = vm.rt.names.__index__;
    if let Some(f) = vm.type_lookup(t, n) {
        let r = vm.call_method_value(f, v, &[])?;
        if let Some(b) = vm.as_bigint(r) {
            return Ok(Some(b));
        }
    }
    Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
}

fn slice_indices_method<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("indices", args, kwnames, 1, 1)?;
    let s = obj::<SliceObj>(args[0]);
    let (start, stop, step) = (s.start, s.stop, s.step);
    let length = match vm.as_bigint(args[1]) {
        Some(b) => b,
        None => {
            let i = vm.index_value(args[1])?;
            BigInt::from(i)
        }
    };
    if length < BigInt::from(0) {
        return Err(vm.value_error("length should not be negative"));
    }
    let step = match slice_part(vm, step)? {
        None => BigInt::from(1),
        Some(s) => {
            if s == BigInt::from(0) {
                return Err(vm.value_error("slice step cannot be zero"));
            }
            s
        }
    };
    let neg = step < BigInt::from(0);
    let zero = BigInt::from(0);
    let (lower, upper) = if neg {
        (BigInt::from(-1), &length - 1)
    } else {
        (zero.clone(), length.clone())
    };
    let norm = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(x) => {
                if x < zero {
                    let y = x + &length;
                    if y < lower {
                        lower.clone()
                    } else {
                        y
                    }
                } else if x > upper {
                    upper.clone()
                } else {
                    x
                }
            }
        }
    };
    let start = slice_part(vm, start)?;
    let stop = slice_part(vm, stop)?;
    let start = norm(start, if neg { &upper } else { &lower });
    let stop = norm(stop, if neg { &lower } else { &upper });
    let a = vm.new_bigint(start)?;
    let b = vm.new_bigint(stop)?;
    let c = vm.new_bigint(step)?;
    vm.new_tuple(&[a, b, c])
}

fn slice_cmp<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    op: CmpOp,
) -> PyResult<Value> {
    vm.check_method_args(op.dunder(), args, kwnames, 1, 1)?;
    let (Some(x), Some(y)) = (cast::<SliceObj>(args[0]), cast::<SliceObj>(args[1])) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (xs, ys) = ([x.start, x.stop, x.step], [y.start, y.stop, y.step]);
    vm.seq_compare(&xs, &ys, op)
}

macro_rules! slice_cmp_fn {
    ($name:ident, $op:expr) => {
        fn $name<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            slice_cmp(vm, args, kwnames, $op)
        }
    };
}

slice_cmp_fn!(slice_eq, CmpOp::Eq);
slice_cmp_fn!(slice_ne, CmpOp::Ne);
slice_cmp_fn!(slice_lt, CmpOp::Lt);
slice_cmp_fn!(slice_le, CmpOp::Le);
slice_cmp_fn!(slice_gt, CmpOp::Gt);
slice_cmp_fn!(slice_ge, CmpOp::Ge);
