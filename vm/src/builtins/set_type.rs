//! `set` and `frozenset`: constructors and methods (add, discard, remove, pop, clear, copy, update,
//! union, intersection, difference, symmetric_difference and their in-place forms, issubset,
//! issuperset, isdisjoint), the dunders reachable by name (`set.__or__`, `__contains__`, `__len__`,
//! comparisons...) and `frozenset.__hash__`.
//!
//! The table is `set_table.rs`; the set algebra is in `interp/containers.rs` (CPython's algorithms, so
//! results iterate in CPython's order).

use crate::access::Mode;
use crate::builtins::set_table::is_anyset;
use crate::bytecode::{BinOp, CmpOp};
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

type Native<M> = fn(&mut Vm<M>, &[Value], &[Value]) -> PyResult<Value>;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let common: &[(&'static str, Native<M>)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__or__", set_or),
        ("__and__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("__ror__", set_ror),
        ("__rand__", set_rand),
        ("__rsub__", set_rsub),
        ("__rxor__", set_rxor),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
    ];
    let t = vm.types.set;
    vm.def_static(t, "__new__", set_new)?;
    vm.def_method(t, "__init__", set_init)?;
    vm.def_method(t, "add", set_add)?;
    vm.def_method(t, "discard", set_discard)?;
    vm.def_method(t, "remove", set_remove)?;
    vm.def_method(t, "pop", set_pop)?;
    vm.def_method(t, "clear", set_clear)?;
    vm.def_method(t, "update", set_update)?;
    vm.def_method(t, "intersection_update", set_intersection_update)?;
    vm.def_method(t, "difference_update", set_difference_update)?;
    vm.def_method(
        t,
        "symmetric_difference_update",
        set_symmetric_difference_update,
    )?;
    vm.def_method(t, "__ior__", set_ior)?;
    vm.def_method(t, "__iand__", set_iand)?;
    vm.def_method(t, "__isub__", set_isub)?;
    vm.def_method(t, "__ixor__", set_ixor)?;
    for (n, f) in common {
        vm.def_method(t, n, *f)?;
    }
    let d = obj::<TypeObj>(t).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE)?;
    let t = vm.types.frozenset;
    vm.def_static(t, "__new__", frozenset_new)?;
    vm.def_method(t, "__hash__", frozenset_hash)?;
    for (n, f) in common {
        vm.def_method(t, n, *f)?;
    }
    Ok(())
}

fn set_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_empty_set(args[0], false)
}

fn set_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    vm.check_args("set", &args[1..], kwnames, 0, 1)?;
    if vm.set_len(args[0]) > 0 || vm.load_raw(&obj::<SetObj>(args[0]).fill) > 0 {
        vm.set_clear(args[0]);
    }
    if let Some(it) = args.get(1) {
        vm.set_update(args[0], *it)?;
    }
    Ok(Value::NONE)
}

fn frozenset_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    if cls == vm.types.frozenset && !kwnames.is_empty() {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    vm.check_args("frozenset", &args[1..], kwnames, 0, 1)?;
    let it = args.get(1).copied();
    if let Some(x) = it {
        if cls == vm.types.frozenset && vm.type_of(x) == vm.types.frozenset {
            return Ok(x);
        }
    }
    vm.make_new_set(cls, true, it)
}

fn set_add<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("add", args, kwnames, 1, 1)?;
    vm.set_add(args[0], args[1])?;
    Ok(Value::NONE)
}

fn set_discard<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("discard", args, kwnames, 1, 1)?;
    vm.set_discard_key(args[0], args[1])?;
    Ok(Value::NONE)
}

fn set_remove<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("remove", args, kwnames, 1, 1)?;
    if !vm.set_discard_key(args[0], args[1])? {
        return Err(vm.key_error(args[1]));
    }
    Ok(Value::NONE)
}

fn set_pop<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("pop", args, kwnames, 0, 0)?;
    match vm.set_pop(args[0]) {
        Some(v) => Ok(v),
        None => {
            let k = vm.exc.key_error;
            Err(vm.error(k, "pop from an empty set"))
        }
    }
}

fn set_clear<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("clear", args, kwnames, 0, 0)?;
    vm.set_clear(args[0]);
    Ok(Value::NONE)
}

fn set_copy<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("copy", args, kwnames, 0, 0)?;
    if vm.type_of(args[0]) == vm.types.frozenset {
        return Ok(args[0]);
    }
    vm.set_copy(args[0])
}

fn no_kwargs<M: Mode>(vm: &mut Vm<M>, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("set.{name}() takes no keyword arguments")))
    }
}

fn set_update<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "update", kwnames)?;
    for o in &args[1..] {
        vm.set_update(args[0], *o)?;
    }
    Ok(Value::NONE)
}

fn set_union<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "union", kwnames)?;
    let s = args[0];
    let r = vm.set_copy(s)?;
    vm.temp_roots.push(r);
    let x = (|| {
        for o in &args[1..] {
            if *o != s {
                vm.set_update(r, *o)?;
            }
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    x.map(|_| r)
}

fn intersection_multi<M: Mode>(vm: &mut Vm<M>, args: &[Value]) -> PyResult<Value> {
    if args.len() == 1 {
        return vm.set_copy(args[0]);
    }
    let mut result = args[0];
    let base = vm.temp_roots.len();
    let r = (|| {
        for o in &args[1..] {
            result = vm.set_intersection(result, *o)?;
            vm.temp_roots.push(result);
        }
        Ok(result)
    })();
    vm.temp_roots.truncate(base);
    r
}

fn set_intersection<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "intersection", kwnames)?;
    intersection_multi(vm, args)
}

fn set_intersection_update<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    no_kwargs(vm, "intersection_update", kwnames)?;
    let t = intersection_multi(vm, args)?;
    vm.set_assign(args[0], t);
    Ok(Value::NONE)
}

fn set_difference<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kwargs(vm, "difference", kwnames)?;
    if args.len() == 1 {
        return vm.set_copy(args[0]);
    }
    let r = vm.set_difference(args[0], args[1])?;
    vm.temp_roots.push(r);
    let x = (|| {
        for o in &args[2..] {
            vm.set_difference_update(r, *o)?;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    x.map(|_| r)
}

fn set_difference_update<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    no_kwargs(vm, "difference_update", kwnames)?;
    for o in &args[1..] {
        vm.set_difference_update(args[0], *o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("symmetric_difference", args, kwnames, 1, 1)?;
    vm.set_symmetric_difference(args[0], args[1])
}

fn set_symmetric_difference_update<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("symmetric_difference_update", args, kwnames, 1, 1)?;
    vm.set_symmetric_difference_update(args[0], args[1])?;
    Ok(Value::NONE)
}

fn set_issubset<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("issubset", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.set_issubset(args[0], args[1])?))
}

fn set_issuperset<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("issuperset", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.set_issuperset(args[0], args[1])?))
}

fn set_isdisjoint<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("isdisjoint", args, kwnames, 1, 1)?;
    let (s, other) = (args[0], args[1]);
    if s == other {
        return Ok(Value::bool(vm.set_len(s) == 0));
    }
    if is_anyset(other) {
        let (big, small) = if vm.set_len(other) > vm.set_len(s) {
            (other, s)
        } else {
            (s, other)
        };
        for (k, h) in vm.set_entries(small) {
            if vm.set_contains_hashed(big, k, h)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.get_iter(other)?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(k) = vm.iter_next(it)? {
            if vm.set_contains_key(s, k)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.temp_roots.pop();
    r
}

fn set_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__len__", args, kwnames, 0, 0)?;
    Ok(Value::small_int(vm.set_len(args[0]) as i64))
}

fn set_contains<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__contains__", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.set_contains_key(args[0], args[1])?))
}

fn set_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    let c = vm.types.set_iterator;
    let n = vm.set_len(args[0]) as u64;
    vm.new_iter(c, IterKind::Set, args[0], Value::NULL, 0, n)
}

fn binop<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    op: BinOp,
    reflected: bool,
    inplace: bool,
) -> PyResult<Value> {
    vm.check_method_args("operator", args, kwnames, 1, 1)?;
    let (a, b) = if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    };
    vm.set_binop(a, b, op, inplace)
}

fn set_or<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Or, false, false)
}
fn set_and<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::And, false, false)
}
fn set_sub<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Sub, false, false)
}
fn set_xor<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Xor, false, false)
}
fn set_ror<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Or, true, false)
}
fn set_rand<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::And, true, false)
}
fn set_rsub<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Sub, true, false)
}
fn set_rxor<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Xor, true, false)
}
fn set_ior<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Or, false, true)
}
fn set_iand<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::And, false, true)
}
fn set_isub<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Sub, false, true)
}
fn set_ixor<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    binop(vm, a, k, BinOp::Xor, false, true)
}

fn cmp<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value], op: CmpOp) -> PyResult<Value> {
    vm.check_method_args("comparison", args, kwnames, 1, 1)?;
    vm.set_compare(args[0], args[1], op)
}

fn set_eq<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, k, CmpOp::Eq)
}
fn set_ne<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, k, CmpOp::Ne)
}
fn set_lt<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, k, CmpOp::Lt)
}
fn set_le<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, k, CmpOp::Le)
}
fn set_gt<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, k, CmpOp::Gt)
}
fn set_ge<M: Mode>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, k, CmpOp::Ge)
}

fn frozenset_hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__hash__", args, kwnames, 0, 0)?;
    let h = vm.frozenset_hash(args[0]);
    vm.new_int(h)
}
