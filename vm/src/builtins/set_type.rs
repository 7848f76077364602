//! `set` and `frozenset`: constructors and methods (add, discard, remove, pop, clear, copy, update,
//! union, intersection, difference, symmetric_difference and their in-place forms, issubset,
//! issuperset, isdisjoint).

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.set;
    vm.def_static(t, "__new__", set_new)?;
    vm.def_method(t, "__init__", set_init)?;
    vm.def_method(t, "add", set_add)?;
    let t = vm.types.frozenset;
    vm.def_static(t, "__new__", frozenset_new)?;
    Ok(())
}

fn set_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_set_of(args[0], false, &[])
}

fn set_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("set", &args[1..], kwnames, 0, 1)?;
    if let Some(it) = args.get(1) {
        vm.set_update(args[0], *it)?;
    }
    Ok(Value::NONE)
}

fn set_add<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("add", args, kwnames, 1, 1)?;
    vm.set_add(args[0], args[1])?;
    Ok(Value::NONE)
}

fn frozenset_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("frozenset", &args[1..], kwnames, 0, 1)?;
    let items = match args.get(1) {
        Some(it) => vm.collect_iterable(*it)?,
        None => Vec::new(),
    };
    vm.new_set_of(args[0], true, &items)
}
