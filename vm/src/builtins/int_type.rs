//! `int`, `bool`, `float` and `complex`: constructors and methods.
//!
//! Arithmetic itself lives in `interp::ops` (the operator protocol); this file holds what is reached by
//! name: `int(x, base)`, `float(s)`, `x.bit_length()`, `f.is_integer()`, `int.from_bytes`, ...

use crate::access::Mode;
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.int;
    vm.def_static(t, "__new__", int_new)?;
    let t = vm.types.bool;
    vm.def_static(t, "__new__", bool_new)?;
    let t = vm.types.float;
    vm.def_static(t, "__new__", float_new)?;
    Ok(())
}

impl<M: Mode> Vm<M> {
    /// `int(v)` for one argument: ints, floats (truncated), strs/bytes (parsed), `__int__`/`__index__`/`__trunc__`.
    pub fn to_int(&mut self, v: Value) -> PyResult<Value> {
        match self.as_num(v) {
            Some(Num::Int(i)) => return self.new_int(i),
            Some(Num::Big(b)) => {
                let b = b.clone();
                return self.new_bigint(b);
            }
            Some(Num::Float(x)) => {
                let b = numeric::arith::f64_to_bigint(x).map_err(|e| self.num_error(e))?;
                return self.new_bigint(b);
            }
            _ => {}
        }
        if let Some(s) = cast::<StrObj>(v) {
            let text = s.s.to_string();
            return self.parse_int_str(&text, 10);
        }
        if is::<BytesObj>(v) || is::<ByteArrayObj>(v) {
            let text = String::from_utf8_lossy(&self.bytes_data(v)).into_owned();
            return self.parse_int_str(&text, 10);
        }
        let t = self.type_of(v);
        for name in ["__int__", "__index__", "__trunc__"] {
            let n = self.intern(name);
            if let Some(f) = self.type_lookup(t, n) {
                let r = self.call_method_value(f, v, &[])?;
                if !self.is_int(r) {
                    let tn = self.tname(r).to_string();
                    return Err(self.type_error(format!("{name} returned non-int (type {tn})")));
                }
                return self.to_int(r);
            }
        }
        let tn = self.tname(v).to_string();
        Err(self.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
        )))
    }

    /// Parses `text` as an int in `base` with CPython's error message.
    pub fn parse_int_str(&mut self, text: &str, base: u32) -> PyResult<Value> {
        match numeric::parse::parse_int(text, base) {
            Ok(b) => self.new_bigint(b),
            Err(numeric::NumError::Value(m)) if m.starts_with("Exceeds") => {
                Err(self.value_error(m))
            }
            Err(_) => {
                let r = crate::text::repr::str_repr(text);
                Err(self.value_error(format!("invalid literal for int() with base {base}: {r}")))
            }
        }
    }

    /// `float(v)`.
    pub fn to_float(&mut self, v: Value) -> PyResult<f64> {
        match self.as_num(v) {
            Some(Num::Int(i)) => return Ok(i as f64),
            Some(Num::Big(b)) => {
                return numeric::arith::bigint_to_f64(b).map_err(|e| self.num_error(e))
            }
            Some(Num::Float(x)) => return Ok(x),
            _ => {}
        }
        if let Some(s) = cast::<StrObj>(v) {
            let text = s.s.to_string();
            return numeric::parse::parse_float(&text).map_err(|_| {
                let r = crate::text::repr::str_repr(&text);
                self.value_error(format!("could not convert string to float: {r}"))
            });
        }
        let t = self.type_of(v);
        for name in ["__float__", "__index__"] {
            let n = self.intern(name);
            if let Some(f) = self.type_lookup(t, n) {
                let r = self.call_method_value(f, v, &[])?;
                if name == "__float__" && !r.is_float() {
                    let tn = self.tname(r).to_string();
                    return Err(
                        self.type_error(format!("__float__ returned non-float (type {tn})"))
                    );
                }
                return self.to_float(r);
            }
        }
        let tn = self.tname(v).to_string();
        Err(self.type_error(format!(
            "float() argument must be a string or a real number, not '{tn}'"
        )))
    }
}

fn int_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("int", &args[1..], kwnames, &["x", "base"], 1, 2, 0)?;
    let r = if a[0].is_null() {
        if !a[1].is_null() {
            return Err(vm.type_error("int() missing string argument"));
        }
        Value::small_int(0)
    } else if a[1].is_null() {
        vm.to_int(a[0])?
    } else {
        let base = vm.index_value(a[1])?;
        if base != 0 && !(2..=36).contains(&base) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = if let Some(s) = cast::<StrObj>(a[0]) {
            s.s.to_string()
        } else if is::<BytesObj>(a[0]) || is::<ByteArrayObj>(a[0]) {
            String::from_utf8_lossy(&vm.bytes_data(a[0])).into_owned()
        } else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        vm.parse_int_str(&text, base as u32)?
    };
    let cls = args[0];
    if cls == vm.types.int {
        return Ok(r);
    }
    let b = vm.as_bigint(r).unwrap_or_default();
    vm.alloc(
        cls,
        BigIntObj {
            header: Vm::<M>::hdr(),
            v: b,
        },
    )
}

fn bool_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("bool", &args[1..], kwnames, 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::bool(vm.truthy(*v)?)),
        None => Ok(Value::FALSE),
    }
}

fn float_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("float", &args[1..], kwnames, 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::float(vm.to_float(*v)?)),
        None => Ok(Value::float(0.0)),
    }
}
