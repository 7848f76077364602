//! Attributes of builtin objects that are fields of their layout rather than entries of a type dict:
//! `f.__name__`, `m.__self__`, `cls.__mro__`, `e.args`, `z.real`, `s.start`, `c.cell_contents`, ...
//!
//! Reached from `generic_getattr` after the instance dict and the type's MRO found nothing. Never runs
//! Python code.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

/// `v.name` for layout fields; None when `v` has no such attribute.
pub fn builtin_getattr<M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<Option<Value>> {
    if !v.is_ptr() {
        return number_attr(vm, v, name);
    }
    let kind = crate::interp::attr::ops_kind(v);
    let r = match kind {
        Some(Kind::Function) => {
            let f = obj::<FunctionObj>(v);
            match name {
                "__name__" => vm.load(&f.name),
                "__qualname__" => vm.load(&f.qualname),
                "__doc__" => vm.load(&f.doc),
                "__module__" => vm.load(&f.module),
                "__code__" => f.code,
                "__globals__" => f.globals,
                "__defaults__" => none_if_null(vm.load(&f.defaults)),
                "__kwdefaults__" => none_if_null(vm.load(&f.kwdefaults)),
                "__closure__" => none_if_null(f.closure),
                "__annotations__" => {
                    let a = vm.load(&f.annotations);
                    if a.is_null() || a == Value::NONE {
                        let d = vm.new_dict()?;
                        vm.store(&obj::<FunctionObj>(v).annotations, d);
                        d
                    } else {
                        a
                    }
                }
                "__builtins__" => vm.rt.builtins,
                _ => return Ok(None),
            }
        }
        Some(Kind::BoundMethod) => {
            let b = obj::<BoundMethodObj>(v);
            let (func, this) = (b.func, b.this);
            match name {
                "__self__" => this,
                "__func__" => func,
                _ => {
                    let n = vm.intern(name);
                    return vm.getattr_opt(func, n);
                }
            }
        }
        Some(Kind::Native) => {
            let n = obj::<NativeObj>(v);
            match name {
                "__name__" => vm.intern(n.name),
                "__qualname__" => {
                    if n.owner.is_null() {
                        vm.intern(n.name)
                    } else {
                        let q = format!("{}.{}", vm.type_name(n.owner), n.name);
                        vm.new_string(q)?
                    }
                }
                "__self__" => {
                    if n.bound.is_null() {
                        vm.rt.builtins_module
                    } else {
                        n.bound
                    }
                }
                "__doc__" => Value::NONE,
                "__module__" => {
                    if n.owner.is_null() {
                        vm.intern("builtins")
                    } else {
                        Value::NONE
                    }
                }
                "__objclass__" if !n.owner.is_null() => n.owner,
                _ => return Ok(None),
            }
        }
        Some(Kind::Type) => {
            let t = obj::<TypeObj>(v);
            match name {
                "__name__" => vm.new_str(&t.name)?,
                "__qualname__" => vm.load(&t.qualname),
                "__mro__" => vm.load(&t.mro),
                "__bases__" => vm.load(&t.bases),
                "__base__" => {
                    let b = vm.load(&t.bases);
                    obj::<TupleObj>(b)
                        .as_slice()
                        .first()
                        .copied()
                        .unwrap_or(Value::NONE)
                }
                "__dict__" => t.dict,
                "__doc__" => Value::NONE,
                _ => return Ok(None),
            }
        }
        Some(Kind::Exception) => {
            let e = obj::<ExceptionObj>(v);
            match name {
                "args" => vm.load(&e.args),
                "__traceback__" => none_if_null(vm.load(&e.traceback)),
                "__cause__" => none_if_null(vm.load(&e.cause)),
                "__context__" => none_if_null(vm.load(&e.context)),
                "__suppress_context__" => vm.load(&e.suppress_context),
                _ => return exception_class_attr(vm, v, name),
            }
        }
        Some(Kind::Complex) => {
            let c = obj::<ComplexObj>(v);
            match name {
                "real" => Value::float(c.re),
                "imag" => Value::float(c.im),
                _ => return Ok(None),
            }
        }
        Some(Kind::BigInt) => return number_attr(vm, v, name),
        Some(Kind::Slice) => {
            let s = obj::<SliceObj>(v);
            match name {
                "start" => s.start,
                "stop" => s.stop,
                "step" => s.step,
                _ => return Ok(None),
            }
        }
        Some(Kind::Range) => {
            let r = obj::<RangeObj>(v);
            match name {
                "start" => r.start,
                "stop" => r.stop,
                "step" => r.step,
                _ => return Ok(None),
            }
        }
        Some(Kind::Cell) => match name {
            "cell_contents" => {
                let x = vm.load(&obj::<CellObj>(v).value);
                if x.is_null() {
                    return Err(vm.value_error("Cell is empty"));
                }
                x
            }
            _ => return Ok(None),
        },
        Some(Kind::Property) => {
            let p = obj::<PropertyObj>(v);
            match name {
                "fget" => p.fget,
                "fset" => p.fset,
                "fdel" => p.fdel,
                "__doc__" => p.doc,
                "__isabstractmethod__" => Value::FALSE,
                _ => return Ok(None),
            }
        }
        Some(Kind::ClassMethod) => match name {
            "__func__" | "__wrapped__" => obj::<ClassMethodObj>(v).func,
            _ => {
                let f = obj::<ClassMethodObj>(v).func;
                let n = vm.intern(name);
                return vm.getattr_opt(f, n);
            }
        },
        Some(Kind::StaticMethod) => match name {
            "__func__" | "__wrapped__" => obj::<StaticMethodObj>(v).func,
            _ => {
                let f = obj::<StaticMethodObj>(v).func;
                let n = vm.intern(name);
                return vm.getattr_opt(f, n);
            }
        },
        Some(Kind::Generator) => {
            let g = obj::<GeneratorObj>(v);
            match name {
                "__name__" => g.name,
                "__qualname__" => g.qualname,
                "gi_running" => Value::bool(vm.load_raw(&g.state) == 2),
                "gi_suspended" => Value::bool(vm.load_raw(&g.state) == 1),
                _ => return Ok(None),
            }
        }
        Some(Kind::Code) => {
            let c = &obj::<CodeObj>(v).code;
            match name {
                "co_name" => c.name,
                "co_qualname" => c.qualname,
                "co_filename" => c.filename,
                "co_firstlineno" => Value::small_int(c.firstlineno as i64),
                "co_argcount" => Value::small_int(c.argcount as i64),
                "co_posonlyargcount" => Value::small_int(c.posonlyargcount as i64),
                "co_kwonlyargcount" => Value::small_int(c.kwonlyargcount as i64),
                "co_flags" => Value::small_int(c.flags as i64),
                "co_nlocals" => Value::small_int(c.nlocals() as i64),
                "co_varnames" => {
                    let v = c.varnames.clone();
                    vm.new_tuple(&v)?
                }
                "co_cellvars" => {
                    let v = c.cellvars.clone();
                    vm.new_tuple(&v)?
                }
                "co_freevars" => {
                    let v = c.freevars.clone();
                    vm.new_tuple(&v)?
                }
                "co_names" => {
                    let v = c.names.clone();
                    vm.new_tuple(&v)?
                }
                "co_consts" => {
                    let v = c.consts.clone();
                    vm.new_tuple(&v)?
                }
                _ => return Ok(None),
            }
        }
        Some(Kind::Super) => {
            let s = obj::<SuperObj>(v);
            match name {
                "__thisclass__" => s.this_class,
                "__self__" => s.obj,
                "__self_class__" => s.obj_type,
                _ => return Ok(None),
            }
        }
        Some(Kind::Traceback) => {
            let t = obj::<TracebackObj>(v);
            match name {
                "tb_lineno" => Value::small_int(t.lineno as i64),
                "tb_next" => none_if_null(vm.load(&t.next)),
                _ => return Ok(None),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// Attributes that particular exception classes derive from their args (`StopIteration.value`,
/// `SystemExit.code`, `OSError.errno`, ...), when not set explicitly in the instance dict.
fn exception_class_attr<M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<Option<Value>> {
    let args = vm.load(&obj::<ExceptionObj>(v).args);
    let items: Vec<Value> = cast::<TupleObj>(args)
        .map(|t| t.as_slice().to_vec())
        .unwrap_or_default();
    let first = items.first().copied().unwrap_or(Value::NONE);
    let x = vm.exc;
    let r = match name {
        "value" if vm.is_instance(v, x.stop_iteration) => first,
        "code" if vm.is_instance(v, x.system_exit) => match items.len() {
            0 => Value::NONE,
            1 => first,
            _ => args,
        },
        "errno" | "strerror" | "filename" | "filename2" if vm.is_instance(v, x.os_error) => {
            if items.len() >= 2 {
                match name {
                    "errno" => items[0],
                    "strerror" => items[1],
                    "filename" => items.get(2).copied().unwrap_or(Value::NONE),
                    _ => items.get(4).copied().unwrap_or(Value::NONE),
                }
            } else {
                Value::NONE
            }
        }
        "name" | "path" | "name_from" if vm.is_instance(v, x.import_error) => Value::NONE,
        "encoding" | "object" | "start" | "end" | "reason"
            if vm.is_instance(v, x.unicode_decode_error)
                || vm.is_instance(v, x.unicode_encode_error) =>
        {
            if items.len() != 5 {
                return Ok(None);
            }
            match name {
                "encoding" => items[0],
                "object" => items[1],
                "start" => items[2],
                "end" => items[3],
                _ => items[4],
            }
        }
        "msg" if vm.is_instance(v, x.syntax_error) => first,
        "filename"
        | "lineno"
        | "offset"
        | "text"
        | "end_lineno"
        | "end_offset"
        | "print_file_and_line"
            if vm.is_instance(v, x.syntax_error) =>
        {
            Value::NONE
        }
        "name" | "obj"
            if vm.is_instance(v, x.attribute_error) || vm.is_instance(v, x.name_error) =>
        {
            Value::NONE
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `v.name = x` for writable layout fields (`e.args`, `e.__cause__`, `f.__name__`, `f.__defaults__`, ...).
/// Returns false when `name` is not such a field of `v`.
pub fn builtin_setattr<M: Mode>(vm: &mut Vm<M>, v: Value, name: Value, x: Value) -> PyResult<bool> {
    let n = vm.str_of(name);
    if let Some(e) = cast::<ExceptionObj>(v) {
        match n {
            "args" => {
                let items = vm.collect_iterable(x)?;
                let t = vm.new_tuple(&items)?;
                vm.store(&e.args, t);
            }
            "__traceback__" => vm.store(&e.traceback, x),
            "__cause__" => {
                if x != Value::NONE && !is::<ExceptionObj>(x) {
                    return Err(
                        vm.type_error("exception cause must be None or derive from BaseException")
                    );
                }
                vm.store(&e.cause, x);
                vm.store(&e.suppress_context, Value::TRUE);
            }
            "__context__" => {
                if x != Value::NONE && !is::<ExceptionObj>(x) {
                    return Err(vm.type_error(
                        "exception context must be None or derive from BaseException",
                    ));
                }
                vm.store(&e.context, x)
            }
            "__suppress_context__" => {
                let b = vm.truthy(x)?;
                vm.store(&e.suppress_context, Value::bool(b))
            }
            _ => return Ok(false),
        }
        return Ok(true);
    }
    if let Some(f) = cast::<FunctionObj>(v) {
        let str_only = |vm: &mut Vm<M>, what: &str| -> PyResult<()> {
            if is::<StrObj>(x) {
                Ok(())
            } else {
                Err(vm.type_error(format!("{what} must be set to a string object")))
            }
        };
        match n {
            "__name__" => {
                str_only(vm, "__name__")?;
                vm.store(&f.name, x)
            }
            "__qualname__" => {
                str_only(vm, "__qualname__")?;
                vm.store(&f.qualname, x)
            }
            "__doc__" => vm.store(&f.doc, x),
            "__module__" => vm.store(&f.module, x),
            "__defaults__" => {
                if x != Value::NONE && !is::<TupleObj>(x) {
                    return Err(vm.type_error("__defaults__ must be set to a tuple object"));
                }
                vm.store(&f.defaults, if x == Value::NONE { Value::NULL } else { x })
            }
            "__kwdefaults__" => {
                if x != Value::NONE && !is::<DictObj>(x) {
                    return Err(vm.type_error("__kwdefaults__ must be set to a dict object"));
                }
                vm.store(
                    &f.kwdefaults,
                    if x == Value::NONE { Value::NULL } else { x },
                )
            }
            "__annotations__" => vm.store(&f.annotations, x),
            _ => return Ok(false),
        }
        return Ok(true);
    }
    if let Some(ty) = cast::<TypeObj>(v) {
        if ty.builtin {
            let (n, tn) = (n.to_string(), ty.name.to_string());
            return Err(vm.type_error(format!(
                "cannot set '{n}' attribute of immutable type '{tn}'"
            )));
        }
        return Ok(false);
    }
    // Instances of builtin types other than functions, modules and exceptions have no attribute dict.
    let t = vm.type_of(v);
    if obj::<TypeObj>(t).builtin && !is::<ModuleObj>(v) {
        let n = n.to_string();
        let tn = vm.tname(v).to_string();
        let msg = if vm.type_lookup(t, name).is_some() {
            format!("'{tn}' object attribute '{n}' is read-only")
        } else {
            format!("'{tn}' object has no attribute '{n}'")
        };
        return Err(vm.attribute_error(msg));
    }
    Ok(false)
}

fn none_if_null(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

/// `real`, `imag`, `numerator`, `denominator` of ints, bools and floats.
fn number_attr<M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<Option<Value>> {
    if v.is_float() {
        return Ok(match name {
            "real" => Some(v),
            "imag" => Some(Value::float(0.0)),
            _ => None,
        });
    }
    if vm.is_int(v) {
        let as_int = |vm: &mut Vm<M>| -> PyResult<Value> {
            if v == Value::TRUE {
                Ok(Value::small_int(1))
            } else if v == Value::FALSE {
                Ok(Value::small_int(0))
            } else {
                Ok(v)
            }
            .and_then(|x| {
                if x.is_ptr() {
                    vm.new_bigint(obj::<BigIntObj>(x).v.clone())
                } else {
                    Ok(x)
                }
            })
        };
        return Ok(match name {
            "real" | "numerator" => Some(as_int(vm)?),
            "imag" => Some(Value::small_int(0)),
            "denominator" => Some(Value::small_int(1)),
            _ => None,
        });
    }
    Ok(None)
}
