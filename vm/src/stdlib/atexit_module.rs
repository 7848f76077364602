//! The `atexit` module: `register(func, *args, **kwargs)`, `unregister`, `_clear`, `_ncallbacks`,
//! `_run_exitfuncs`. The runner calls [`run_atexit`] once when the main module has finished (normally,
//! by an uncaught exception, or by `SystemExit`), before stdout is flushed: callbacks run last
//! registered first; an exception in one is reported on stderr ("Exception ignored in atexit
//! callback") and the others still run. It also flushes files left open (`io_module::flush_all`).

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

const GLUE: &str = r#"
_callbacks = []

def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func

def unregister(func):
    _callbacks[:] = [c for c in _callbacks if not (c[0] == func)]

def _clear():
    _callbacks.clear()

def _ncallbacks():
    return len(_callbacks)

def _call(entry):
    entry[0](*entry[1], **entry[2])

def _run_exitfuncs():
    while _callbacks:
        _call(_callbacks.pop())
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("atexit")?;
    crate::stdlib::glue::run_glue(vm, m, "atexit", GLUE)?;
    Ok(m)
}

/// Runs the registered exit callbacks (LIFO) and flushes open files. Called once by the runner after
/// the main module finished.
pub fn run_atexit<M: Mode>(vm: &mut Vm<M>) {
    let modules = vm.rt.modules;
    if let Some(m) = vm
        .dict_get_name(modules, "atexit")
        .filter(|m| is::<ModuleObj>(*m))
    {
        let d = obj::<ModuleObj>(m).dict;
        vm.temp_roots.push(m);
        while let (Some(cbs), Some(call)) = (
            vm.dict_get_name(d, "_callbacks"),
            vm.dict_get_name(d, "_call"),
        ) {
            if !is::<ListObj>(cbs) || vm.list_len(cbs) == 0 {
                break;
            }
            let Ok(entry) = vm.call_method(cbs, "pop", &[]) else {
                break;
            };
            vm.temp_roots.push(entry);
            if let Err(e) = vm.call(call, &[entry], &[]) {
                let exc = vm.exc_value(&e);
                let f = cast::<TupleObj>(entry)
                    .map(|t| t.as_slice()[0])
                    .unwrap_or(Value::NONE);
                let fr = vm.repr_string(f).unwrap_or_default();
                let text = vm.format_exception(exc);
                vm.flush_stdout();
                vm.write_stderr(&format!(
                    "Exception ignored in atexit callback: {fr}\n{text}"
                ));
            }
            vm.temp_roots.pop();
        }
        vm.temp_roots.pop();
    }
    crate::stdlib::io_module::flush_all();
}
