//! `dict`: constructor and methods (keys, values, items, get, setdefault, pop, popitem, update, copy,
//! clear, fromkeys) and the dict views.
//!
//! The hash table itself is `dict_table.rs`; lookups may run Python `__eq__`/`__hash__`.

use crate::access::Mode;
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
    Ok(())
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
