//! `int` and `bool`: constructors, `int`'s methods (`bit_length`, `to_bytes`, `from_bytes`, ...) and its
//! dunders reached by name (`int.__add__(1, 2)`, `super().__add__` in int subclasses); the `int(v)` and
//! `float(v)` conversions; and the helpers all numeric types' named dunders share (`num_dunders!`).
//!
//! Arithmetic itself lives in `interp::ops` (the operator protocol); the named dunders call its native
//! paths (`native_binop`, `native_compare`) on the plain values. `float` and `complex` methods are in
//! `float_type.rs`.

use crate::access::Mode;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.int;
    vm.def_static(t, "__new__", int_new)?;
    register_int_methods(vm)?;
    let t = vm.types.bool;
    vm.def_static(t, "__new__", bool_new)?;
    register_bool_methods(vm)?;
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
            if s.wide.is_some() {
                // A lone surrogate is never part of a number.
                let r = self.str_repr_string(v);
                return Err(
                    self.value_error(format!("invalid literal for int() with base 10: {r}"))
                );
            }
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
            if s.wide.is_some() {
                let r = self.str_repr_string(v);
                return Err(self.value_error(format!("could not convert string to float: {r}")));
            }
            let text = s.s.to_string();
            return numeric::parse::parse_float(&text).map_err(|_| {
                let r = crate::text::repr::str_repr(&text);
                self.value_error(format!("could not convert string to float: {r}"))
            });
        }
        if is::<BytesObj>(v) || is::<ByteArrayObj>(v) {
            let data = self.bytes_data(v);
            let text = std::str::from_utf8(&data).ok().map(str::to_string);
            return match text.and_then(|t| numeric::parse::parse_float(&t).ok()) {
                Some(x) => Ok(x),
                None => {
                    let r = self.repr_string(v)?;
                    Err(self.value_error(format!("could not convert string to float: {r}")))
                }
            };
        }
        let t = self.type_of(v);
        for name in ["__float__", "__index__"] {
            let n = self.intern(name);
            if let Some(f) = self.type_lookup(t, n) {
                let r = self.call_method_value(f, v, &[])?;
                if name == "__float__" && self.float_value(r).is_none() {
                    let cn = self.tname(v).to_string();
                    let tn = self.tname(r).to_string();
                    return Err(
                        self.type_error(format!("{cn}.__float__ returned non-float (type {tn})"))
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
            if s.wide.is_some() {
                let r = vm.str_repr_string(a[0]);
                return Err(
                    vm.value_error(format!("invalid literal for int() with base {base}: {r}"))
                );
            }
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
    vm.alloc_with_dict(
        cls,
        BigIntObj {
            header: Vm::<M>::hdr(),
            v: b,
        },
        0,
    )
}

fn bool_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("bool", &args[1..], kwnames, 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::bool(vm.truthy(*v)?)),
        None => Ok(Value::FALSE),
    }
}

/// Source of distinct NaN payloads: each `float("nan")` is a new object in CPython (`x is y` and
/// `x in [y]` are false for two of them), so each gets its own NaN bit pattern here.
static NAN_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn float_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("float", &args[1..], kwnames, 0, 1)?;
    let x = match args.get(1) {
        Some(v) => vm.to_float(*v)?,
        None => 0.0,
    };
    let cls = args[0];
    let v = if x.is_nan() && args.get(1).is_some_and(|a| is::<StrObj>(*a)) {
        let n = NAN_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // 48 payload bits keep even a negative NaN below the pointer tag (see `value.rs`).
        let sign = x.to_bits() & (1 << 63);
        Value::from_bits(sign | 0x7FF8_0000_0000_0000 | (n & 0x0000_FFFF_FFFF_FFFF))
    } else {
        Value::float(x)
    };
    if cls == vm.types.float {
        return Ok(v);
    }
    if !is::<TypeObj>(cls) || !vm.is_subtype(cls, vm.types.float) {
        let tn = if is::<TypeObj>(cls) {
            vm.type_name(cls).to_string()
        } else {
            vm.tname(cls).to_string()
        };
        return Err(vm.type_error(format!(
            "float.__new__({tn}): {tn} is not a subtype of float"
        )));
    }
    vm.new_float_subclass_instance(cls, v)
}

/// Name of the hidden first slot that holds the value of an instance of a `float` subclass (not an
/// identifier, so attribute syntax cannot reach it).
pub const FLOAT_VALUE_SLOT: &str = "float value";

impl<M: Mode> Vm<M> {
    /// An instance of the float subclass `cls` with value `v` (a float).
    pub fn new_float_subclass_instance(&mut self, cls: Value, v: Value) -> PyResult<Value> {
        let inst = self.alloc_instance(cls)?;
        match cast::<InstanceObj>(inst) {
            Some(i) if i.nslots > 0 => {
                self.store_o(inst, i.slot(0), v);
                Ok(inst)
            }
            _ => Err(self.type_error("float subclass instance without a value slot")),
        }
    }
}

// ----- number methods reached by name (shared by int, float and complex) ---------------------------------

/// Which operands a number type's binary dunders accept (others give NotImplemented).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    Int,
    Float,
    Complex,
}

impl<M: Mode> Vm<M> {
    /// Does `v` qualify as the operand of a dunder of the numeric type `acc` (int < float < complex)?
    pub fn num_accepts(&self, acc: Accept, v: Value) -> bool {
        match self.as_num(v) {
            Some(Num::Int(_)) | Some(Num::Big(_)) => true,
            Some(Num::Float(_)) => acc != Accept::Int,
            Some(Num::Complex(..)) => acc == Accept::Complex,
            None => false,
        }
    }

    /// The receiver check of a numeric dunder: `descriptor '__add__' requires a 'int' object but
    /// received a 'str'`.
    pub fn num_receiver(&mut self, acc: Accept, v: Value, name: &str) -> PyResult<()> {
        let ok = match acc {
            Accept::Int => self.is_int(v),
            Accept::Float => self.float_value(v).is_some(),
            Accept::Complex => is::<ComplexObj>(v),
        };
        if ok {
            return Ok(());
        }
        let tn = match acc {
            Accept::Int => "int",
            Accept::Float => "float",
            Accept::Complex => "complex",
        };
        let got = self.tname(v).to_string();
        Err(self.type_error(format!(
            "descriptor '{name}' requires a '{tn}' object but received a '{got}'"
        )))
    }
}

/// `expected N argument(s), got M` (the wording of slot wrappers).
pub fn check_wrapper_args<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    n: usize,
) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    let got = args.len().saturating_sub(1);
    if got != n {
        return Err(vm.type_error(format!(
            "expected {n} argument{}, got {got}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// A binary numeric dunder: `a.__op__(b)` (or reflected `b op a`), NotImplemented for foreign operands.
pub fn num_binop_method<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    acc: Accept,
    name: &str,
    op: BinOp,
    reflected: bool,
) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 1)?;
    vm.num_receiver(acc, args[0], name)?;
    if !vm.num_accepts(acc, args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if acc == Accept::Complex && matches!(op, BinOp::FloorDiv | BinOp::Mod) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (a, b) = if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    };
    vm.native_binop(a, b, op, false)
}

/// `__divmod__` / `__rdivmod__`.
pub fn num_divmod_method<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    acc: Accept,
    name: &str,
    reflected: bool,
) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 1)?;
    vm.num_receiver(acc, args[0], name)?;
    if !vm.num_accepts(acc, args[1]) || acc == Accept::Complex {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (a, b) = if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    };
    let q = vm.native_binop(a, b, BinOp::FloorDiv, false)?;
    let r = vm.native_binop(a, b, BinOp::Mod, false)?;
    vm.new_tuple(&[q, r])
}

/// `__pow__(b, mod=None)` / `__rpow__`.
pub fn num_pow_method<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    acc: Accept,
    name: &str,
    reflected: bool,
) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "expected 1 or 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    vm.num_receiver(acc, args[0], name)?;
    if !vm.num_accepts(acc, args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let (a, b) = if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    };
    match args.get(2) {
        Some(m) if *m != Value::NONE => {
            if !(vm.is_int(a) && vm.is_int(b) && vm.is_int(*m)) {
                if acc == Accept::Int && !vm.num_accepts(acc, *m) {
                    return Ok(Value::NOT_IMPLEMENTED);
                }
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            let (x, y, z) = (
                vm.as_bigint(a).unwrap_or_default(),
                vm.as_bigint(b).unwrap_or_default(),
                vm.as_bigint(*m).unwrap_or_default(),
            );
            let r = numeric::arith::int_pow_mod(&x, &y, &z).map_err(|e| vm.num_error(e))?;
            vm.new_bigint(r)
        }
        _ => vm.native_binop(a, b, BinOp::Pow, false),
    }
}

/// A rich-comparison dunder.
pub fn num_cmp_method<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    acc: Accept,
    op: CmpOp,
) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 1)?;
    vm.num_receiver(acc, args[0], op.dunder())?;
    if !vm.num_accepts(acc, args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if acc == Accept::Complex && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.native_compare(args[0], args[1], op)
}

/// Defines the binary and comparison dunders of a numeric type as natives named `$prefix_*`.
#[macro_export]
macro_rules! num_dunders {
    ($acc:expr, $reg:ident, [$(($fname:ident, $name:literal, $op:expr, $refl:expr)),* $(,)?],
     [$(($cname:ident, $cop:expr)),* $(,)?], $divmod:ident, $rdivmod:ident, $pow:ident, $rpow:ident) => {
        $(
            fn $fname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                $crate::builtins::int_type::num_binop_method(vm, args, kwnames, $acc, $name, $op, $refl)
            }
        )*
        $(
            fn $cname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                $crate::builtins::int_type::num_cmp_method(vm, args, kwnames, $acc, $cop)
            }
        )*
        fn $divmod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            $crate::builtins::int_type::num_divmod_method(vm, args, kwnames, $acc, "__divmod__", false)
        }
        fn $rdivmod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            $crate::builtins::int_type::num_divmod_method(vm, args, kwnames, $acc, "__rdivmod__", true)
        }
        fn $pow<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            $crate::builtins::int_type::num_pow_method(vm, args, kwnames, $acc, "__pow__", false)
        }
        fn $rpow<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            $crate::builtins::int_type::num_pow_method(vm, args, kwnames, $acc, "__rpow__", true)
        }
        fn $reg<M: Mode>(vm: &mut Vm<M>, t: Value) -> PyResult<()> {
            $( vm.def_method(t, $name, $fname)?; )*
            $( vm.def_method(t, $cop.dunder(), $cname)?; )*
            vm.def_method(t, "__divmod__", $divmod)?;
            vm.def_method(t, "__rdivmod__", $rdivmod)?;
            vm.def_method(t, "__pow__", $pow)?;
            vm.def_method(t, "__rpow__", $rpow)?;
            Ok(())
        }
    };
}

num_dunders!(
    Accept::Int,
    register_int_dunders,
    [
        (int_add, "__add__", BinOp::Add, false),
        (int_radd, "__radd__", BinOp::Add, true),
        (int_sub, "__sub__", BinOp::Sub, false),
        (int_rsub, "__rsub__", BinOp::Sub, true),
        (int_mul, "__mul__", BinOp::Mul, false),
        (int_rmul, "__rmul__", BinOp::Mul, true),
        (int_truediv, "__truediv__", BinOp::TrueDiv, false),
        (int_rtruediv, "__rtruediv__", BinOp::TrueDiv, true),
        (int_floordiv, "__floordiv__", BinOp::FloorDiv, false),
        (int_rfloordiv, "__rfloordiv__", BinOp::FloorDiv, true),
        (int_mod, "__mod__", BinOp::Mod, false),
        (int_rmod, "__rmod__", BinOp::Mod, true),
        (int_lshift, "__lshift__", BinOp::LShift, false),
        (int_rlshift, "__rlshift__", BinOp::LShift, true),
        (int_rshift, "__rshift__", BinOp::RShift, false),
        (int_rrshift, "__rrshift__", BinOp::RShift, true),
        (int_and, "__and__", BinOp::And, false),
        (int_rand, "__rand__", BinOp::And, true),
        (int_or, "__or__", BinOp::Or, false),
        (int_ror, "__ror__", BinOp::Or, true),
        (int_xor, "__xor__", BinOp::Xor, false),
        (int_rxor, "__rxor__", BinOp::Xor, true),
    ],
    [
        (int_eq, CmpOp::Eq),
        (int_ne, CmpOp::Ne),
        (int_lt, CmpOp::Lt),
        (int_le, CmpOp::Le),
        (int_gt, CmpOp::Gt),
        (int_ge, CmpOp::Ge),
    ],
    int_divmod,
    int_rdivmod,
    int_pow,
    int_rpow
);

/// The receiver of an int method as a BigInt (TypeError for non-ints).
fn int_self<M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<BigInt> {
    vm.num_receiver(Accept::Int, v, name)?;
    Ok(vm.as_bigint(v).unwrap_or_default())
}

/// The receiver of an int method as a plain int value (subclass instances and bools converted).
fn int_plain<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 0)?;
    let b = int_self(vm, args[0], name)?;
    vm.new_bigint(b)
}

macro_rules! int_unary {
    ($fname:ident, $name:literal, |$vm:ident, $v:ident| $body:expr) => {
        fn $fname<M: Mode>($vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            check_wrapper_args($vm, args, kwnames, 0)?;
            $vm.num_receiver(Accept::Int, args[0], $name)?;
            let $v = args[0];
            $body
        }
    };
}

int_unary!(int_neg, "__neg__", |vm, v| vm.unary_op(v, UnOp::Neg));
int_unary!(int_pos, "__pos__", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    vm.new_bigint(b)
});
int_unary!(int_invert, "__invert__", |vm, v| vm
    .unary_op(v, UnOp::Invert));
int_unary!(int_abs, "__abs__", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    vm.new_bigint(b.abs())
});
int_unary!(int_bool, "__bool__", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    Ok(Value::bool(!b.is_zero()))
});
int_unary!(int_float, "__float__", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    let f = numeric::arith::bigint_to_f64(&b).map_err(|e| vm.num_error(e))?;
    Ok(Value::float(f))
});
int_unary!(int_hash, "__hash__", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    vm.new_int(numeric::hash::hash_bigint(&b))
});
int_unary!(int_bit_length, "bit_length", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    vm.new_int(b.bits() as i64)
});
int_unary!(int_bit_count, "bit_count", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    let n: u64 = b
        .magnitude()
        .iter_u64_digits()
        .map(|d| d.count_ones() as u64)
        .sum();
    vm.new_int(n as i64)
});
int_unary!(int_as_integer_ratio, "as_integer_ratio", |vm, v| {
    let b = vm.as_bigint(v).unwrap_or_default();
    let n = vm.new_bigint(b)?;
    vm.new_tuple(&[n, Value::small_int(1)])
});

fn int_to_plain<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_plain(vm, args, kwnames, "__int__")
}

fn int_round<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() || args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let b = int_self(vm, args[0], "__round__")?;
    let nd = args.get(1).copied().unwrap_or(Value::NONE);
    if nd == Value::NONE {
        return vm.new_bigint(b);
    }
    let n = vm.index_value(nd)?;
    if n >= 0 {
        return vm.new_bigint(b);
    }
    let p = num_traits::pow(BigInt::from(10), n.unsigned_abs().min(1 << 20) as usize);
    let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
        _ => q,
    };
    vm.new_bigint(q * p)
}

/// `byteorder` argument: "big" or "little".
fn byteorder_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<bool> {
    if v.is_null() {
        return Ok(true);
    }
    let s = vm.expect_str(v, "to_bytes() argument 'byteorder'")?;
    match s {
        "big" => Ok(true),
        "little" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "to_bytes",
        &args[1..],
        kwnames,
        &["length", "byteorder", "signed"],
        0,
        2,
        0,
    )?;
    let b = int_self(vm, args[0], "to_bytes")?;
    let length = if a[0].is_null() {
        1
    } else {
        vm.index_value(a[0])?
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let big = byteorder_arg(vm, a[1])?;
    let signed = !a[2].is_null() && vm.truthy(a[2])?;
    let bytes = numeric::arith::int_to_bytes(&b, length as usize, big, signed)
        .map_err(|e| vm.num_error(e))?;
    vm.new_bytes(&bytes)
}

fn int_from_bytes<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "from_bytes",
        &args[1..],
        kwnames,
        &["bytes", "byteorder", "signed"],
        0,
        2,
        1,
    )?;
    let data = if is::<BytesObj>(a[0]) || is::<ByteArrayObj>(a[0]) {
        vm.bytes_data(a[0])
    } else if is::<StrObj>(a[0]) {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    } else {
        let items = vm.collect_iterable(a[0])?;
        // `__index__` may run Python code: keep the items rooted meanwhile.
        let mark = vm.temp_roots.len();
        vm.temp_roots.extend_from_slice(&items);
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let n = match vm.index_value(it) {
                Ok(n) if (0..=255).contains(&n) => n,
                Ok(_) => {
                    vm.temp_roots.truncate(mark);
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                Err(e) => {
                    vm.temp_roots.truncate(mark);
                    return Err(e);
                }
            };
            out.push(n as u8);
        }
        vm.temp_roots.truncate(mark);
        out
    };
    let big = byteorder_arg(vm, a[1])?;
    let signed = !a[2].is_null() && vm.truthy(a[2])?;
    let r = numeric::arith::int_from_bytes(&data, big, signed);
    let v = vm.new_bigint(r)?;
    let cls = args[0];
    if cls == vm.types.int {
        return Ok(v);
    }
    vm.call(cls, &[v], &[])
}

fn int_format<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 1)?;
    let b = int_self(vm, args[0], "__format__")?;
    vm.expect_str(args[1], "format() argument 2")?;
    let v = if args[0] == Value::TRUE || args[0] == Value::FALSE {
        args[0]
    } else {
        vm.new_bigint(b)?
    };
    vm.format(v, args[1])
}

fn int_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 0)?;
    if args[0] == Value::TRUE || args[0] == Value::FALSE {
        return vm.new_str(if args[0] == Value::TRUE {
            "True"
        } else {
            "False"
        });
    }
    let b = int_self(vm, args[0], "__repr__")?;
    vm.new_string(b.to_string())
}

fn int_getnewargs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = int_plain(vm, args, kwnames, "__getnewargs__")?;
    vm.new_tuple(&[v])
}

fn register_int_methods<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.int;
    register_int_dunders(vm, t)?;
    vm.def_method(t, "__neg__", int_neg)?;
    vm.def_method(t, "__pos__", int_pos)?;
    vm.def_method(t, "__invert__", int_invert)?;
    vm.def_method(t, "__abs__", int_abs)?;
    vm.def_method(t, "__bool__", int_bool)?;
    vm.def_method(t, "__float__", int_float)?;
    vm.def_method(t, "__hash__", int_hash)?;
    vm.def_method(t, "__int__", int_to_plain)?;
    vm.def_method(t, "__index__", int_to_plain)?;
    vm.def_method(t, "__trunc__", int_to_plain)?;
    vm.def_method(t, "__floor__", int_to_plain)?;
    vm.def_method(t, "__ceil__", int_to_plain)?;
    vm.def_method(t, "conjugate", int_to_plain)?;
    vm.def_method(t, "__round__", int_round)?;
    vm.def_method(t, "__format__", int_format)?;
    vm.def_method(t, "__repr__", int_repr)?;
    vm.def_method(t, "__str__", int_repr)?;
    vm.def_method(t, "__getnewargs__", int_getnewargs)?;
    vm.def_method(t, "bit_length", int_bit_length)?;
    vm.def_method(t, "bit_count", int_bit_count)?;
    vm.def_method(t, "as_integer_ratio", int_as_integer_ratio)?;
    vm.def_method(t, "to_bytes", int_to_bytes)?;
    vm.def_classmethod(t, "from_bytes", int_from_bytes)?;
    Ok(())
}

/// `bool & bool` (and `|`, `^`) by name: a bool when both operands are bools, else int's operator.
fn bool_bitop<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    op: BinOp,
) -> PyResult<Value> {
    check_wrapper_args(vm, args, kwnames, 1)?;
    let is_bool = |v: Value| v == Value::TRUE || v == Value::FALSE;
    if is_bool(args[0]) && is_bool(args[1]) {
        let (a, b) = (args[0] == Value::TRUE, args[1] == Value::TRUE);
        return Ok(Value::bool(match op {
            BinOp::And => a & b,
            BinOp::Or => a | b,
            _ => a ^ b,
        }));
    }
    num_binop_method(vm, args, kwnames, Accept::Int, name, op, false)
}

macro_rules! bool_bitop_fn {
    ($fname:ident, $name:literal, $op:expr) => {
        fn $fname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
            bool_bitop(vm, args, kwnames, $name, $op)
        }
    };
}

bool_bitop_fn!(bool_and, "__and__", BinOp::And);
bool_bitop_fn!(bool_or, "__or__", BinOp::Or);
bool_bitop_fn!(bool_xor, "__xor__", BinOp::Xor);

fn register_bool_methods<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.bool;
    vm.def_method(t, "__and__", bool_and)?;
    vm.def_method(t, "__rand__", bool_and)?;
    vm.def_method(t, "__or__", bool_or)?;
    vm.def_method(t, "__ror__", bool_or)?;
    vm.def_method(t, "__xor__", bool_xor)?;
    vm.def_method(t, "__rxor__", bool_xor)?;
    Ok(())
}
