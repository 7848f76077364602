//! `_stm`: the natives under PyPy-STM's Python API (the frozen `pypystm` and `transaction` modules).
//!
//! * `atomic` and `exclusive_atomic`: the classes of `pypystm.atomic` / `pypystm.exclusive_atomic`,
//!   context managers whose `__enter__`/`__exit__` are [`Vm::atomic_enter`] / [`Vm::atomic_exit`]
//!   (natives, so no Python frame runs between the `with` and the start of the block);
//! * `atomic_enter()`, `atomic_exit()`, `is_atomic()` (the nesting depth), `hint_commit_soon()`,
//!   `enabled()` (whether the VM runs with `--stm`);
//! * `count()`: a process-wide counter (1, 2, 3, ...), one atomic fetch-add, so it never conflicts;
//! * `getsegmentlimit()`: how many threads can run in parallel (the number of CPUs);
//! * `time()` / `clock()`: wall clock and a monotonic high-resolution clock, read without touching any
//!   Python object (so they never conflict either).
//!
//! Errors are `RuntimeError` (`_thread.error`, PyPy's `pypystm.error`) with PyPy's messages.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The counter behind `count()`.
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn atomic_enter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("atomic_enter", args, kw, 0, 0)?;
    vm.atomic_enter();
    Ok(Value::NONE)
}

/// Leaves one atomic block; RuntimeError when not inside one.
fn exit_block<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    if vm.atomic_exit() {
        Ok(Value::NONE)
    } else {
        Err(vm.runtime_error("atomic.__exit__(): more exits than enters"))
    }
}

fn atomic_exit<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("atomic_exit", args, kw, 0, 0)?;
    exit_block(vm)
}

/// `atomic.__enter__(self)`.
fn ctx_enter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__enter__", args, kw, 0, 0)?;
    vm.atomic_enter();
    Ok(Value::NONE)
}

/// `exclusive_atomic.__enter__(self)`: refuses to nest inside another atomic block.
fn ctx_enter_exclusive<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__enter__", args, kw, 0, 0)?;
    if vm.atomic_depth > 0 {
        return Err(
            vm.runtime_error("exclusive_atomic block can't be entered inside another atomic block")
        );
    }
    vm.atomic_enter();
    Ok(Value::NONE)
}

/// `__exit__(self, type, value, traceback)` of both classes (never swallows the exception).
fn ctx_exit<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__exit__", args, kw, 0, 3)?;
    exit_block(vm)
}

fn is_atomic<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("is_atomic", args, kw, 0, 0)?;
    let d = vm.atomic_depth as i64;
    vm.new_int(d)
}

fn hint_commit_soon<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("hint_commit_soon", args, kw, 0, 0)?;
    vm.hint_commit_soon();
    Ok(Value::NONE)
}

fn enabled<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("enabled", args, kw, 0, 0)?;
    Ok(Value::bool(vm.stm_enabled()))
}

fn count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("count", args, kw, 0, 0)?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed) + 1;
    vm.new_int_i128(n as i128)
}

fn getsegmentlimit<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("getsegmentlimit", args, kw, 0, 0)?;
    let n = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    vm.new_int(n as i64)
}

fn time<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("time", args, kw, 0, 0)?;
    let secs = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(e) => -e.duration().as_secs_f64(),
    };
    Ok(Value::float(secs))
}

fn clock<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("clock", args, kw, 0, 0)?;
    static START: OnceLock<Instant> = OnceLock::new();
    let start = *START.get_or_init(Instant::now);
    Ok(Value::float(start.elapsed().as_secs_f64() + 1.0))
}

/// A new class `_stm.<name>` whose `__enter__` is `enter` and `__exit__` leaves the block.
fn context_class<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    enter: crate::interp::NativeFn<M>,
) -> PyResult<Value> {
    let ns = vm.new_dict()?;
    vm.temp_roots.push(ns);
    let r = (|| {
        let m = vm.new_str("pypystm")?;
        vm.dict_set_str(ns, "__module__", m)?;
        let n = vm.new_str(name)?;
        let bases = vm.new_tuple(&[])?;
        let tt = vm.types.type_;
        let t = vm.new_class(tt, n, bases, ns, &[])?;
        vm.def_method(t, "__enter__", enter)?;
        vm.def_method(t, "__exit__", ctx_exit)?;
        Ok(t)
    })();
    vm.temp_roots.pop();
    r
}

/// Creates the `_stm` module.
pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("_stm")?;
    let d = obj::<ModuleObj>(m).dict;
    let a = context_class(vm, "atomic", ctx_enter)?;
    vm.dict_set_str(d, "atomic", a)?;
    let e = context_class(vm, "exclusive_atomic", ctx_enter_exclusive)?;
    vm.dict_set_str(d, "exclusive_atomic", e)?;
    vm.def_fn(d, "atomic_enter", atomic_enter)?;
    vm.def_fn(d, "atomic_exit", atomic_exit)?;
    vm.def_fn(d, "is_atomic", is_atomic)?;
    vm.def_fn(d, "hint_commit_soon", hint_commit_soon)?;
    vm.def_fn(d, "enabled", enabled)?;
    vm.def_fn(d, "count", count)?;
    vm.def_fn(d, "getsegmentlimit", getsegmentlimit)?;
    vm.def_fn(d, "time", time)?;
    vm.def_fn(d, "clock", clock)?;
    Ok(m)
}
