//! Generator methods reached by name: `send`, `throw`, `close`, `__iter__`, `__next__`; and
//! `StopIteration.value`.
//!
//! Resumption itself is `Vm::gen_resume` in `interp::iter`; this file turns its results into
//! `StopIteration`s and implements `throw`'s argument forms and `close`'s `GeneratorExit` protocol.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.generator;
    vm.def_method(t, "send", gen_send)?;
    vm.def_method(t, "throw", gen_throw)?;
    vm.def_method(t, "close", gen_close)?;
    vm.def_method(t, "__iter__", gen_iter)?;
    vm.def_method(t, "__next__", gen_next)?;
    // StopIteration.value: the first argument (the generator's return value) or None.
    let getter = vm.new_native("value", stop_iteration_value, Value::NULL, false, false)?;
    let pc = vm.types.property;
    let p = vm.alloc(
        pc,
        PropertyObj {
            header: Vm::<M>::hdr(),
            fget: getter,
            fset: Value::NONE,
            fdel: Value::NONE,
            doc: Value::NONE,
        },
    )?;
    let si = vm.exc.stop_iteration;
    vm.dict_set_str(obj::<TypeObj>(si).dict, "value", p)?;
    Ok(())
}

impl<M: Mode> Vm<M> {
    /// The exception instance `gen.throw(typ, val)` raises (CPython's argument rules).
    pub fn make_throw_exception(&mut self, typ: Value, val: Value) -> PyResult<Value> {
        let base = self.exc.base_exception;
        let val = if val.is_null() { Value::NONE } else { val };
        if is::<TypeObj>(typ) && self.is_subtype(typ, base) {
            if val != Value::NONE && self.isinstance(val, typ)? {
                return Ok(val);
            }
            let args: Vec<Value> = if val == Value::NONE {
                vec![]
            } else if let Some(t) = cast::<TupleObj>(val) {
                t.as_slice().to_vec()
            } else {
                vec![val]
            };
            return self.call(typ, &args, &[]);
        }
        let tt = self.type_of(typ);
        if self.is_subtype(tt, base) {
            if val != Value::NONE {
                return Err(self.type_error("instance exception may not have a separate value"));
            }
            return Ok(typ);
        }
        let tn = self.tname(typ).to_string();
        Err(self.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {tn}"
        )))
    }

    /// `gen.throw(exc)` with an exception instance: the yielded value, or the raised error (a
    /// `StopIteration` when the generator returns).
    pub fn gen_throw_exc(&mut self, g: Value, exc: Value) -> PyResult<Value> {
        match self.gen_resume(g, Value::NONE, Some(exc))? {
            Ok(v) => Ok(v),
            Err(r) => Err(self.stop_iteration(r)),
        }
    }

    /// `gen.close()`.
    pub fn gen_close_value(&mut self, g: Value) -> PyResult<()> {
        let go = obj::<GeneratorObj>(g);
        let state = self.load_raw(&go.state);
        // Created or finished: nothing runs.
        if state == 0 || state == 3 {
            self.finish_generator(g);
            return Ok(());
        }
        let ge = self.exc.generator_exit;
        let exc = self.new_exception(ge, &[])?;
        match self.gen_resume(g, Value::NONE, Some(exc)) {
            Ok(Ok(_)) => Err(self.runtime_error("generator ignored GeneratorExit")),
            Ok(Err(_)) => Ok(()),
            Err(e) => {
                let si = self.exc.stop_iteration;
                if self.err_matches(&e, ge) || self.err_matches(&e, si) {
                    Ok(())
                } else {
                    Err(e)
                }
            }
        }
    }
}

fn expect_gen<M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<()> {
    if is::<GeneratorObj>(v) {
        return Ok(());
    }
    let tn = vm.tname(v).to_string();
    Err(vm.type_error(format!(
        "descriptor '{name}' for 'generator' objects doesn't apply to a '{tn}' object"
    )))
}

fn gen_send<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("send", args, kwnames, 1, 1)?;
    expect_gen(vm, args[0], "send")?;
    match vm.gen_resume(args[0], args[1], None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_throw<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("throw", args, kwnames, 1, 3)?;
    expect_gen(vm, args[0], "throw")?;
    let val = args.get(2).copied().unwrap_or(Value::NONE);
    if let Some(tb) = args.get(3) {
        if *tb != Value::NONE && !is::<TracebackObj>(*tb) {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let exc = vm.make_throw_exception(args[1], val)?;
    if let Some(tb) = args.get(3) {
        if is::<TracebackObj>(*tb) {
            if let Some(e) = cast::<ExceptionObj>(exc) {
                vm.store(&e.traceback, *tb);
            }
        }
    }
    vm.gen_throw_exc(args[0], exc)
}

fn gen_close<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("close", args, kwnames, 0, 0)?;
    expect_gen(vm, args[0], "close")?;
    vm.gen_close_value(args[0])?;
    Ok(Value::NONE)
}

fn gen_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__iter__", args, kwnames, 0, 0)?;
    Ok(args[0])
}

fn gen_next<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__next__", args, kwnames, 0, 0)?;
    expect_gen(vm, args[0], "__next__")?;
    match vm.gen_resume(args[0], Value::NONE, None)? {
        Ok(v) => Ok(v),
        Err(r) => Err(vm.stop_iteration(r)),
    }
}

fn stop_iteration_value<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("value", args, kwnames, 1, 1)?;
    let Some(e) = cast::<ExceptionObj>(args[0]) else {
        return Ok(Value::NONE);
    };
    let a = vm.load(&e.args);
    Ok(cast::<TupleObj>(a)
        .and_then(|t| t.as_slice().first().copied())
        .unwrap_or(Value::NONE))
}
