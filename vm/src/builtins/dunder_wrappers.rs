//! Named dunders of builtin types that the interpreter implements natively by layout (`range(3).__len__()`,
//! `list.__repr__(x)`, `float.__format__(x, "")`, `d.keys().__le__(s)`): thin wrappers over the VM's
//! protocols (`len`, `getitem`, `native_repr`, `native_compare`, ...), registered only where a type's dict
//! does not already define the name, so existing natives keep precedence.
//!
//! Layout fields reached by name (`int.real`, `range.start`, `slice.step`) also get `getset_descriptor`s
//! in their type dicts ([`register_layout_getsets`], run after the prelude defines that class), so that
//! `dir()` lists them and `int.real` is a descriptor as in CPython.
//!
//! Each wrapper checks its receiver like CPython's slot wrappers (`descriptor '__len__' requires a 'range'
//! object but received a 'int'`). The owning type is a const generic index into [`owner`].

use crate::access::Mode;
use crate::builtins::int_type::check_wrapper_args;
use crate::bytecode::CmpOp;
use crate::interp::{NativeFn, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

const RANGE: usize = 0;
const LIST: usize = 1;
const TUPLE: usize = 2;
const DICT: usize = 3;
const SET: usize = 4;
const FROZENSET: usize = 5;
const SLICE: usize = 6;
const TYPE: usize = 7;
const DICT_KEYS: usize = 8;
const DICT_VALUES: usize = 9;
const DICT_ITEMS: usize = 10;
const FLOAT: usize = 11;
const COMPLEX: usize = 12;

/// The builtin type a wrapper instantiated with index `t` belongs to.
fn owner<M: Mode>(vm: &Vm<M>, t: usize) -> Value {
    let ty = &vm.types;
    match t {
        RANGE => ty.range,
        LIST => ty.list,
        TUPLE => ty.tuple,
        DICT => ty.dict,
        SET => ty.set,
        FROZENSET => ty.frozenset,
        SLICE => ty.slice,
        TYPE => ty.type_,
        DICT_KEYS => ty.dict_keys,
        DICT_VALUES => ty.dict_values,
        DICT_ITEMS => ty.dict_items,
        FLOAT => ty.float,
        _ => ty.complex,
    }
}

/// Checks the argument count and the receiver of wrapper `name` of type index `T`.
fn recv<M: Mode, const T: usize>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
    n: usize,
) -> PyResult<Value> {
    if args.is_empty() {
        let tn = vm.type_name(owner(vm, T)).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{tn}' object needs an argument"
        )));
    }
    let o = owner(vm, T);
    if !vm.is_instance(args[0], o) {
        let tn = vm.type_name(o).to_string();
        let got = vm.tname(args[0]).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{tn}' object but received a '{got}'"
        )));
    }
    check_wrapper_args(vm, args, kwnames, n)?;
    Ok(args[0])
}

fn w_len<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__len__", a, k, 0)?;
    let n = vm.len(s)?;
    vm.new_int(n as i64)
}

fn w_getitem<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__getitem__", a, k, 1)?;
    vm.getitem(s, a[1])
}

fn w_contains<M: Mode, const T: usize>(
    vm: &mut Vm<M>,
    a: &[Value],
    k: &[Value],
) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__contains__", a, k, 1)?;
    Ok(Value::bool(vm.contains(s, a[1])?))
}

fn w_iter<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__iter__", a, k, 0)?;
    vm.get_iter(s)
}

fn w_reversed<M: Mode, const T: usize>(
    vm: &mut Vm<M>,
    a: &[Value],
    k: &[Value],
) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__reversed__", a, k, 0)?;
    let r = vm.types.reversed;
    vm.call(r, &[s], &[])
}

fn w_repr<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__repr__", a, k, 0)?;
    let r = vm.native_repr(s)?;
    vm.new_string(r)
}

fn w_hash<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__hash__", a, k, 0)?;
    let h = vm.hash(s)?;
    vm.new_int(h)
}

fn w_bool<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__bool__", a, k, 0)?;
    Ok(Value::bool(vm.truthy(s)?))
}

fn w_format<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    let s = recv::<M, T>(vm, "__format__", a, k, 1)?;
    let Some(spec) = cast::<StrObj>(a[1]) else {
        let tn = vm.tname(a[1]).to_string();
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    };
    let spec = spec.s.to_string();
    let r = vm.native_format(s, &spec)?;
    vm.new_string(r)
}

fn cmp<M: Mode, const T: usize>(
    vm: &mut Vm<M>,
    a: &[Value],
    k: &[Value],
    op: CmpOp,
) -> PyResult<Value> {
    let s = recv::<M, T>(vm, op.dunder(), a, k, 1)?;
    vm.native_compare(s, a[1], op)
}

fn w_eq<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp::<M, T>(vm, a, k, CmpOp::Eq)
}
fn w_ne<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp::<M, T>(vm, a, k, CmpOp::Ne)
}
fn w_lt<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp::<M, T>(vm, a, k, CmpOp::Lt)
}
fn w_le<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp::<M, T>(vm, a, k, CmpOp::Le)
}
fn w_gt<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp::<M, T>(vm, a, k, CmpOp::Gt)
}
fn w_ge<M: Mode, const T: usize>(vm: &mut Vm<M>, a: &[Value], k: &[Value]) -> PyResult<Value> {
    cmp::<M, T>(vm, a, k, CmpOp::Ge)
}

/// The wrappers of type index `T`, by name.
fn all<M: Mode, const T: usize>() -> Vec<(&'static str, NativeFn<M>)> {
    vec![
        ("__len__", w_len::<M, T>),
        ("__getitem__", w_getitem::<M, T>),
        ("__contains__", w_contains::<M, T>),
        ("__iter__", w_iter::<M, T>),
        ("__reversed__", w_reversed::<M, T>),
        ("__repr__", w_repr::<M, T>),
        ("__hash__", w_hash::<M, T>),
        ("__bool__", w_bool::<M, T>),
        ("__format__", w_format::<M, T>),
        ("__eq__", w_eq::<M, T>),
        ("__ne__", w_ne::<M, T>),
        ("__lt__", w_lt::<M, T>),
        ("__le__", w_le::<M, T>),
        ("__gt__", w_gt::<M, T>),
        ("__ge__", w_ge::<M, T>),
    ]
}

/// Defines the wrappers `names` of type index `T` that its dict lacks.
fn define<M: Mode, const T: usize>(vm: &mut Vm<M>, names: &[&str]) -> PyResult<()> {
    let t = owner(vm, T);
    let d = obj::<TypeObj>(t).dict;
    for (n, f) in all::<M, T>() {
        if names.contains(&n) && vm.dict_get_name(d, n).is_none() {
            vm.def_method(t, n, f)?;
        }
    }
    Ok(())
}

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    const CMP: [&str; 6] = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];
    let mut range = vec![
        "__len__",
        "__getitem__",
        "__contains__",
        "__iter__",
        "__reversed__",
        "__repr__",
        "__hash__",
        "__bool__",
    ];
    range.extend_from_slice(&CMP[..2]);
    define::<M, RANGE>(vm, &range)?;
    define::<M, LIST>(vm, &["__repr__"])?;
    define::<M, TUPLE>(vm, &["__repr__"])?;
    define::<M, DICT>(vm, &["__repr__"])?;
    define::<M, SET>(vm, &["__repr__"])?;
    define::<M, FROZENSET>(vm, &["__repr__"])?;
    define::<M, SLICE>(vm, &["__repr__"])?;
    define::<M, TYPE>(vm, &["__repr__"])?;
    let mut view = vec!["__repr__"];
    view.extend_from_slice(&CMP);
    define::<M, DICT_KEYS>(vm, &view)?;
    define::<M, DICT_ITEMS>(vm, &view)?;
    define::<M, DICT_VALUES>(vm, &["__repr__"])?;
    define::<M, FLOAT>(vm, &["__format__"])?;
    define::<M, COMPLEX>(vm, &["__format__"])?;
    Ok(())
}

/// Names of the layout fields exposed as getset descriptors (index = const generic of [`field_get`]).
const FIELDS: [&str; 7] = [
    "real",
    "imag",
    "numerator",
    "denominator",
    "start",
    "stop",
    "step",
];

fn field_get<M: Mode, const F: usize>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let name = FIELDS[F];
    vm.check_args(name, args, kwnames, 1, 1)?;
    match crate::builtins::attrs::builtin_getattr(vm, args[0], name)? {
        Some(v) => Ok(v),
        None => {
            let tn = vm.tname(args[0]).to_string();
            Err(vm.attribute_error(format!("'{tn}' object has no attribute '{name}'")))
        }
    }
}

/// Puts a `getset_descriptor` for each layout field into the dicts of int, float, complex, range and
/// slice. Called once, after the prelude has defined `getset_descriptor`.
pub fn register_layout_getsets<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let g = vm.rt.prelude;
    let Some(gs) = vm.dict_get_name(g, "_weft_getset_descriptor") else {
        return Ok(());
    };
    let getters: [NativeFn<M>; 7] = [
        field_get::<M, 0>,
        field_get::<M, 1>,
        field_get::<M, 2>,
        field_get::<M, 3>,
        field_get::<M, 4>,
        field_get::<M, 5>,
        field_get::<M, 6>,
    ];
    let t = &vm.types;
    let table: [(Value, &[usize]); 5] = [
        (t.int, &[0, 1, 2, 3]),
        (t.float, &[0, 1]),
        (t.complex, &[0, 1]),
        (t.range, &[4, 5, 6]),
        (t.slice, &[4, 5, 6]),
    ];
    for (ty, fields) in table {
        for &i in fields {
            let f = vm.new_native(FIELDS[i], getters[i], ty, false, false)?;
            vm.temp_roots.push(f);
            let n = vm.intern(FIELDS[i]);
            let info = vm.new_tuple(&[n, ty]);
            let d = info.and_then(|info| vm.call(gs, &[f, Value::NONE, Value::NONE, info], &[]));
            vm.temp_roots.pop();
            let d = d?;
            vm.dict_set(obj::<TypeObj>(ty).dict, n, d)?;
        }
    }
    Ok(())
}
