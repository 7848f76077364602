//! The `gc` module: `collect` (a full collection now, swept before it returns, in both modes; returns 0,
//! as the collector does not count unreachable objects), `enable`/`disable`/`isenabled` (automatic collection at safepoints, a flag on
//! the heap: `Heap::set_auto_collect`), and the CPython-compatible no-op knobs `get_threshold`,
//! `set_threshold`, `get_count`, `freeze`, `unfreeze`, `get_freeze_count`, `is_tracked`.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

const GLUE: &str = r#"
_threshold = (700, 10, 10)
def get_threshold():
    return _threshold
def set_threshold(threshold0, threshold1=None, threshold2=None):
    global _threshold
    t = list(_threshold)
    t[0] = threshold0
    if threshold1 is not None: t[1] = threshold1
    if threshold2 is not None: t[2] = threshold2
    _threshold = tuple(t)
def get_count():
    return (0, 0, 0)
def freeze():
    pass
def unfreeze():
    pass
def get_freeze_count():
    return 0
def is_tracked(obj):
    return not isinstance(obj, (int, float, str, bytes, bool, type(None), complex))
garbage = []
callbacks = []
DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("gc")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "collect", collect)?;
    vm.def_fn(d, "enable", enable)?;
    vm.def_fn(d, "disable", disable)?;
    vm.def_fn(d, "isenabled", isenabled)?;
    crate::stdlib::glue::run_glue(vm, m, "gc", GLUE)?;
    Ok(m)
}

fn collect<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("collect", args, kw, &["generation"], 0, 1, 0)?;
    if !a[0].is_null() {
        let g = vm.index_value(a[0])?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    vm.collect_now();
    Ok(Value::small_int(0))
}

fn enable<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("enable", args, kw, 0, 0)?;
    vm.heap.set_auto_collect(true);
    Ok(Value::NONE)
}

fn disable<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("disable", args, kw, 0, 0)?;
    vm.heap.set_auto_collect(false);
    Ok(Value::NONE)
}

fn isenabled<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("isenabled", args, kw, 0, 0)?;
    Ok(Value::bool(vm.heap.auto_collect()))
}
