//! `float` and `complex` methods reached by name: `is_integer`, `as_integer_ratio`, `hex`, `fromhex`,
//! `conjugate`, the rounding dunders, and the arithmetic/comparison dunders (`(1.5).__add__(2)`); and the
//! `complex(...)` constructor with CPython's string syntax ("1+2j", "(3-j)", "inf", "nanj").
//!
//! Arithmetic itself is `interp::ops`; the named dunders use the shared helpers of `int_type`.

use crate::access::Mode;
use crate::builtins::int_type::{check_wrapper_args, Accept};
use crate::bytecode::{BinOp, CmpOp};
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.float;
    register_float_dunders(vm, t)?;
    vm.def_method(t, "is_integer", float_is_integer)?;
    vm.def_method(t, "as_integer_ratio", float_as_integer_ratio)?;
    vm.def_method(t, "hex", float_hex)?;
    vm.def_classmethod(t, "fromhex", float_fromhex)?;
    vm.def_method(t, "conjugate", float_plain)?;
    vm.def_method(t, "__float__", float_plain)?;
    vm.def_method(t, "__pos__", float_plain)?;
    vm.def_method(t, "__neg__", float_neg)?;
    vm.def_method(t, "__abs__", float_abs)?;
    vm.def_method(t, "__bool__", float_bool)?;
    vm.def_method(t, "__int__", float_trunc)?;
    vm.def_method(t, "__trunc__", float_trunc)?;
    vm.def_method(t, "__floor__", float_floor)?;
    vm.def_method(t, "__ceil__", float_ceil)?;
    vm.def_method(t, "__round__", float_round)?;
    vm.def_method(t, "__hash__", float_hash)?;
    vm.def_method(t, "__repr__", float_repr)?;
    vm.def_method(t, "__getnewargs__", float_getnewargs)?;

    let c = vm.types.complex;
    vm.def_static(c, "__new__", complex_new)?;
    register_complex_dunders(vm, c)?;
    vm.def_method(c, "conjugate", complex_conjugate)?;
    vm.def_method(c, "__abs__", complex_abs)?;
    vm.def_method(c, "__neg__", complex_neg)?;
    vm.def_method(c, "__pos__", complex_pos)?;
    vm.def_method(c, "__bool__", complex_bool)?;
    vm.def_method(c, "__hash__", complex_hash)?;
    vm.def_method(c, "__complex__", complex_pos)?;
    vm.def_method(c, "__repr__", complex_repr)?;
    vm.def_method(c, "__getnewargs__", complex_getnewargs)?;
    Ok(())
}

crate::num_dunders!(
    Accept::Float,
    register_float_dunders,
    [
        (float_add, "__add__", BinOp::Add, false),
        (float_radd, "__radd__", BinOp::Add, true),
        (float_sub, "__sub__", BinOp::Sub, false),
        (float_rsub, "__rsub__", BinOp::Sub, true),
        (float_mul, "__mul__", BinOp::Mul, false),
        (float_rmul, "__rmul__", BinOp::Mul, true),
        (float_truediv, "__truediv__", BinOp::TrueDiv, false),
        (float_rtruediv, "__rtruediv__", BinOp::TrueDiv, true),
        (float_floordiv, "__floordiv__", BinOp::FloorDiv, false),
        (float_rfloordiv, "__rfloordiv__", BinOp::FloorDiv, true),
        (float_mod, "__mod__", BinOp::Mod, false),
        (float_rmod, "__rmod__", BinOp::Mod, true),
    ],
    [
        (float_eq, CmpOp::Eq),
        (float_ne, CmpOp::Ne),
        (float_lt, CmpOp::Lt),
        (float_le, CmpOp::Le),
        (float_gt, CmpOp::Gt),
        (float_ge, CmpOp::Ge),
    ],
    float_divmod,
    float_rdivmod,
    float_pow,
    float_rpow
);

crate::num_dunders!(
    Accept::Complex,
    register_complex_dunders,
    [
        (complex_add, "__add__", BinOp::Add, false),
        (complex_radd, "__radd__", BinOp::Add, true),
        (complex_sub, "__sub__", BinOp::Sub, false),
        (complex_rsub, "__rsub__", BinOp::Sub, true),
        (complex_mul, "__mul__", BinOp::Mul, false),
        (complex_rmul, "__rmul__", BinOp::Mul, true),
        (complex_truediv, "__truediv__", BinOp::TrueDiv, false),
        (complex_rtruediv, "__rtruediv__", BinOp::TrueDiv, true),
    ],
    [
        (complex_eq, CmpOp::Eq),
        (complex_ne, CmpOp::Ne),
        (complex_lt, CmpOp::Lt),
        (complex_le, CmpOp::Le),
        (complex_gt, CmpOp::Gt),
        (complex_ge, CmpOp::Ge),
    ],
    complex_divmod,
    complex_rdivmod,
    complex_pow,
    complex_rpow
);

// ----- float ---------------------------------------------------------------------------------------------

/// The receiver of a float method (no arguments).
fn float_self<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<f64> {
    check_wrapper_args(vm, args, kwnames, 0)?;
    vm.num_receiver(Accept::Float, args[0], name)?;
    Ok(vm.float_value(args[0]).unwrap_or(0.0))
}

fn float_is_integer<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "is_integer")?;
    Ok(Value::bool(x.is_finite() && x == x.trunc()))
}

fn float_as_integer_ratio<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "as_integer_ratio")?;
    let (n, d) = numeric::arith::float_as_integer_ratio(x).map_err(|e| vm.num_error(e))?;
    let n = vm.new_bigint(n)?;
    let d = vm.new_bigint(d)?;
    vm.new_tuple(&[n, d])
}

fn float_hex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "hex")?;
    vm.new_string(numeric::float_repr::float_hex(x))
}

fn float_fromhex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("fromhex", args, kwnames, 1, 1)?;
    let s = vm.expect_str(args[1], "fromhex() argument")?.to_string();
    let x = numeric::float_repr::float_fromhex(&s).map_err(|e| vm.num_error(e))?;
    if args[0] == vm.types.float {
        return Ok(Value::float(x));
    }
    vm.call(args[0], &[Value::float(x)], &[])
}

fn float_plain<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__float__")?;
    Ok(Value::float(x))
}

fn float_neg<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__neg__")?;
    Ok(Value::float(-x))
}

fn float_abs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__abs__")?;
    Ok(Value::float(x.abs()))
}

fn float_bool<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__bool__")?;
    Ok(Value::bool(x != 0.0))
}

fn float_to_int<M: Mode>(vm: &mut Vm<M>, x: f64) -> PyResult<Value> {
    let b = numeric::arith::f64_to_bigint(x).map_err(|e| vm.num_error(e))?;
    vm.new_bigint(b)
}

fn float_trunc<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__trunc__")?;
    float_to_int(vm, x)
}

fn float_floor<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__floor__")?;
    float_to_int(vm, x.floor())
}

fn float_ceil<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__ceil__")?;
    float_to_int(vm, x.ceil())
}

fn float_round<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() || args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    vm.num_receiver(Accept::Float, args[0], "__round__")?;
    let x = vm.float_value(args[0]).unwrap_or(0.0);
    let nd = args.get(1).copied().unwrap_or(Value::NONE);
    if nd == Value::NONE {
        let r = numeric::arith::float_round_to_int(x).map_err(|e| vm.num_error(e))?;
        return vm.new_bigint(r);
    }
    let n = vm.index_value(nd)?;
    let r = numeric::arith::float_round(x, n).map_err(|e| vm.num_error(e))?;
    Ok(Value::float(r))
}

fn float_hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__hash__")?;
    let h = vm.hash(Value::float(x))?;
    vm.new_int(h)
}

fn float_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__repr__")?;
    vm.new_string(numeric::float_repr::float_repr(x))
}

fn float_getnewargs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let x = float_self(vm, args, kwnames, "__getnewargs__")?;
    vm.new_tuple(&[Value::float(x)])
}

// ----- complex -------------------------------------------------------------------------------------------

fn complex_self<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(f64, f64)> {
    check_wrapper_args(vm, args, kwnames, 0)?;
    vm.num_receiver(Accept::Complex, args[0], name)?;
    let c = obj::<ComplexObj>(args[0]);
    Ok((c.re, c.im))
}

fn complex_conjugate<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "conjugate")?;
    vm.new_complex(re, -im)
}

fn complex_abs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "__abs__")?;
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::float(r))
}

fn complex_neg<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "__neg__")?;
    vm.new_complex(-re, -im)
}

fn complex_pos<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "__pos__")?;
    vm.new_complex(re, im)
}

fn complex_bool<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "__bool__")?;
    Ok(Value::bool(re != 0.0 || im != 0.0))
}

fn complex_hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    complex_self(vm, args, kwnames, "__hash__")?;
    let h = vm.hash(args[0])?;
    vm.new_int(h)
}

fn complex_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "__repr__")?;
    vm.new_string(numeric::float_repr::complex_repr(re, im))
}

fn complex_getnewargs<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let (re, im) = complex_self(vm, args, kwnames, "__getnewargs__")?;
    vm.new_tuple(&[Value::float(re), Value::float(im)])
}

/// Parses CPython's complex literal syntax: "1", "2j", "1+2j", "-1.5e3-j", "(1+2j)", "inf", "nanj".
pub fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim_matches(|c: char| c.is_whitespace());
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?;
        t = t.trim_matches(|c: char| c.is_whitespace());
    }
    if t.is_empty() || t.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    let num = |p: &str| -> Option<f64> {
        if p.is_empty() || p.starts_with(['+', '-']) && p[1..].starts_with(['+', '-']) {
            return None;
        }
        numeric::parse::parse_float(p).ok()
    };
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((num(t)?, 0.0));
    };
    // Split at the last sign that is not at the start and not part of an exponent.
    let b = body.as_bytes();
    let mut split = None;
    for i in (1..b.len()).rev() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let imag = |p: &str| -> Option<f64> {
        match p {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => num(p),
        }
    };
    match split {
        Some(i) => Some((num(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

/// A `complex()` argument as (re, im, was complex): numbers, complex, `__complex__`, `__float__`,
/// `__index__`.
fn complex_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Option<(f64, f64, bool)>> {
    match vm.as_num(v) {
        Some(Num::Complex(re, im)) => return Ok(Some((re, im, true))),
        Some(Num::Float(x)) => return Ok(Some((x, 0.0, false))),
        Some(Num::Int(i)) => return Ok(Some((i as f64, 0.0, false))),
        Some(Num::Big(b)) => {
            let x = numeric::arith::bigint_to_f64(b).map_err(|e| vm.num_error(e))?;
            return Ok(Some((x, 0.0, false)));
        }
        None => {}
    }
    let t = vm.type_of(v);
    let n = vm.rt.names.__complex__;
    if let Some(f) = vm.type_lookup(t, n) {
        let r = vm.call_method_value(f, v, &[])?;
        if let Some(c) = cast::<ComplexObj>(r) {
            return Ok(Some((c.re, c.im, true)));
        }
        let rn = vm.tname(r).to_string();
        return Err(vm.type_error(format!("__complex__ returned non-complex (type {rn})")));
    }
    for name in ["__float__", "__index__"] {
        let n = vm.intern(name);
        if vm.type_lookup(t, n).is_some() {
            let x = vm.to_float(v)?;
            return Ok(Some((x, 0.0, false)));
        }
    }
    Ok(None)
}

fn complex_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("complex", &args[1..], kwnames, &["real", "imag"], 0, 2, 0)?;
    let (r, i) = (a[0], a[1]);
    let r = if r.is_null() && !i.is_null() {
        Value::small_int(0)
    } else {
        r
    };
    let (re, im) = if r.is_null() {
        (0.0, 0.0)
    } else if is::<StrObj>(r) {
        if !i.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = vm.str_of(r).to_string();
        match parse_complex(&s) {
            Some(c) => c,
            None => return Err(vm.value_error("complex() arg is a malformed string")),
        }
    } else {
        if !i.is_null() && is::<StrObj>(i) {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
        let Some((ar, ai, a_complex)) = complex_arg(vm, r)? else {
            let tn = vm.tname(r).to_string();
            return Err(vm.type_error(format!(
                "complex() first argument must be a string or a number, not '{tn}'"
            )));
        };
        if i.is_null() {
            (ar, ai)
        } else {
            let Some((br, bi, b_complex)) = complex_arg(vm, i)? else {
                let tn = vm.tname(i).to_string();
                return Err(vm.type_error(format!(
                    "complex() second argument must be a number, not '{tn}'"
                )));
            };
            // (ar + ai j) + (br + bi j) j, adding only the parts that came from complex arguments
            // (so signed zeros survive as in CPython).
            let re = if b_complex { ar - bi } else { ar };
            let im = if a_complex { br + ai } else { br };
            (re, im)
        }
    };
    let cls = args[0];
    if cls == vm.types.complex {
        return vm.new_complex(re, im);
    }
    vm.alloc_with_dict(
        cls,
        ComplexObj {
            header: Vm::<M>::hdr(),
            re,
            im,
        },
        0,
    )
}
