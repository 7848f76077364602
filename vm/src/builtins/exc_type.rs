//! The `BaseException` hierarchy's methods: construction (`args`), `__str__`, `__repr__`,
//! `with_traceback`, `add_note`, and the attributes of `StopIteration`, `OSError`, `SyntaxError`,
//! `ImportError`, `KeyError`, ...; `OSError(errno, strerror, ...)` picks the subclass its errno names
//! (`FileNotFoundError` for 2) and moves filenames out of `args`.

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
    let o = vm.exc.os_error;
    vm.def_static(o, "__new__", os_new)?;
    vm.def_method(o, "__init__", os_init)?;
    Ok(())
}

/// CPython's errno -> OSError subclass table (Linux values).
const ERRNO_CLASSES: &[(i64, &str)] = &[
    (11, "BlockingIOError"),
    (114, "BlockingIOError"),
    (115, "BlockingIOError"),
    (10, "ChildProcessError"),
    (32, "BrokenPipeError"),
    (108, "BrokenPipeError"),
    (103, "ConnectionAbortedError"),
    (111, "ConnectionRefusedError"),
    (104, "ConnectionResetError"),
    (17, "FileExistsError"),
    (2, "FileNotFoundError"),
    (21, "IsADirectoryError"),
    (20, "NotADirectoryError"),
    (4, "InterruptedError"),
    (13, "PermissionError"),
    (1, "PermissionError"),
    (3, "ProcessLookupError"),
    (110, "TimeoutError"),
];

/// `OSError(errno, strerror, ...)` becomes the subclass its errno names (`FileNotFoundError` for 2).
fn os_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut cls = args[0];
    let npos = args.len() - kwnames.len();
    if cls == vm.exc.os_error && (3..=6).contains(&npos) {
        if let Some(n) = vm.as_bigint(args[1]).and_then(|b| i64::try_from(b).ok()) {
            if let Some((_, name)) = ERRNO_CLASSES.iter().find(|(e, _)| *e == n) {
                let b = vm.rt.builtins;
                if let Some(c) = vm.dict_get_name(b, name) {
                    cls = c;
                }
            }
        }
    }
    let e = vm.alloc_instance(cls)?;
    vm.temp_roots.push(e);
    let r = os_set_args(vm, e, &args[1..npos]);
    vm.temp_roots.pop();
    r.map(|_| e)
}

fn os_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        let n = vm.tname(args[0]).to_string();
        return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
    }
    os_set_args(vm, args[0], &args[1..])?;
    Ok(Value::NONE)
}

/// `args` of an OSError: with 3 to 5 arguments the filename(s) move out of `args` into the instance.
fn os_set_args<M: Mode>(vm: &mut Vm<M>, e: Value, items: &[Value]) -> PyResult<()> {
    let Some(eo) = cast::<ExceptionObj>(e) else {
        return Ok(());
    };
    let keep = if (3..=5).contains(&items.len()) {
        2
    } else {
        items.len()
    };
    let t = vm.new_tuple(&items[..keep])?;
    vm.store(&eo.args, t);
    if keep == 2 && items.len() > 2 {
        if let Some(d) = vm.instance_dict(e, true)? {
            vm.dict_set_str(d, "filename", items[2])?;
            let f2 = items.get(4).copied().unwrap_or(Value::NONE);
            vm.dict_set_str(d, "filename2", f2)?;
        }
    }
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
