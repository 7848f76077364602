//! The `BaseException` hierarchy's methods: construction (`args`), `__str__`, `__repr__`,
//! `with_traceback`, `add_note`, and the attributes of `StopIteration`, `OSError`, `SyntaxError`,
//! `ImportError`, `KeyError`, ...

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.exc.base_exception;
    vm.def_static(t, "__new__", exc_new)?;
    vm.def_method(t, "__init__", exc_init)?;
    vm.def_method(t, "__str__", exc_str)?;
    vm.def_method(t, "__repr__", exc_repr)?;
    vm.def_method(t, "with_traceback", exc_with_traceback)?;
    Ok(())
}

fn exc_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    let e = vm.alloc_instance(cls)?;
    let npos = args.len() - kwnames.len();
    let t = vm.new_tuple(&args[1..npos])?;
    vm.store(&obj::<ExceptionObj>(e).args, t);
    Ok(e)
}

fn exc_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        let n = vm.tname(args[0]).to_string();
        return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
    }
    let t = vm.new_tuple(&args[1..])?;
    vm.store(&obj::<ExceptionObj>(args[0]).args, t);
    Ok(Value::NONE)
}

fn exc_str<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__str__", args, kwnames, 0, 0)?;
    let s = vm.exception_str(args[0])?;
    vm.new_string(s)
}

fn exc_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__repr__", args, kwnames, 0, 0)?;
    let s = vm.native_repr(args[0])?;
    vm.new_string(s)
}

fn exc_with_traceback<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("with_traceback", args, kwnames, 1, 1)?;
    vm.store(&obj::<ExceptionObj>(args[0]).traceback, args[1]);
    Ok(args[0])
}
