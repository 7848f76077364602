//! The functions of the `builtins` module (`print`, `len`, `isinstance`, `min`, `sorted`, ...).
//!
//! Each follows CPython 3.11's argument rules and error messages. Output goes through `Vm::write_stdout`
//! (buffered; flushed at exit, on `flush=True`, and before reading input) or, for another `file=`, that
//! object's `write` method. `exec`/`eval`/`compile` compile strings with the given globals/locals;
//! `compile(..., "single")` prints the value of a lone expression when run.

use crate::access::{Mode, TxCtx};
use crate::bytecode::CmpOp;
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use std::io::Write;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let b = vm.rt.builtins;
    vm.def_fn(b, "print", print)?;
    vm.def_fn(b, "len", len)?;
    vm.def_fn(b, "repr", repr)?;
    vm.def_fn(b, "ascii", ascii)?;
    vm.def_fn(b, "format", format)?;
    vm.def_fn(b, "isinstance", isinstance)?;
    vm.def_fn(b, "issubclass", issubclass)?;
    vm.def_fn(b, "hasattr", hasattr)?;
    vm.def_fn(b, "getattr", getattr)?;
    vm.def_fn(b, "setattr", setattr)?;
    vm.def_fn(b, "delattr", delattr)?;
    vm.def_fn(b, "callable", callable)?;
    vm.def_fn(b, "id", id)?;
    vm.def_fn(b, "hash", hash)?;
    vm.def_fn(b, "iter", iter)?;
    vm.def_fn(b, "next", next)?;
    vm.def_fn(b, "abs", abs)?;
    vm.def_fn(b, "min", min)?;
    vm.def_fn(b, "max", max)?;
    vm.def_fn(b, "sum", sum)?;
    vm.def_fn(b, "sorted", sorted)?;
    vm.def_fn(b, "all", all)?;
    vm.def_fn(b, "any", any)?;
    vm.def_fn(b, "chr", chr)?;
    vm.def_fn(b, "ord", ord)?;
    vm.def_fn(b, "hex", hex)?;
    vm.def_fn(b, "oct", oct)?;
    vm.def_fn(b, "bin", bin)?;
    vm.def_fn(b, "divmod", divmod)?;
    vm.def_fn(b, "pow", pow)?;
    vm.def_fn(b, "round", round)?;
    vm.def_fn(b, "globals", globals)?;
    vm.def_fn(b, "locals", locals)?;
    vm.def_fn(b, "vars", vars)?;
    vm.def_fn(b, "dir", dir)?;
    vm.def_fn(b, "exec", exec)?;
    vm.def_fn(b, "compile", compile)?;
    vm.def_fn(b, "eval", eval)?;
    vm.def_fn(b, "__import__", import)?;
    vm.def_fn(b, "input", input)?;
    Ok(())
}

impl<M: Mode> Vm<M> {
    /// Appends to the process-wide stdout buffer (`interp::threads`); flushes when it grows large.
    pub fn write_stdout(&mut self, s: &str) {
        if M::STM && self.cx.active() && !self.cx.is_inevitable() {
            // Published when the transaction commits (nothing of an aborted attempt is visible).
            self.txs.out.extend_from_slice(s.as_bytes());
            return;
        }
        self.write_stdout_bytes(s.as_bytes());
    }

    /// Appends to the process-wide stdout buffer now (a committed or inevitable transaction's output).
    pub fn write_stdout_bytes(&mut self, b: &[u8]) {
        if crate::interp::threads::stdout_append(b) >= 1 << 16 {
            self.flush_stdout();
        }
    }

    /// Writes the stdout buffer to the process's stdout.
    pub fn flush_stdout(&mut self) {
        crate::interp::threads::stdout_flush();
    }

    /// Writes to stderr, unbuffered (stdout is flushed first so the two interleave like CPython's).
    pub fn write_stderr(&mut self, s: &str) {
        self.stm_irrevocable();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(s.as_bytes());
        let _ = err.flush();
    }

    /// Writes `s` to a file object: the native stdout/stderr, or anything with a `write` method.
    pub fn write_to(&mut self, file: Value, s: &str) -> PyResult<()> {
        match self.native_stream(file) {
            Some(1) => {
                self.write_stdout(s);
                Ok(())
            }
            Some(2) => {
                self.write_stderr(s);
                Ok(())
            }
            _ => {
                let sv = self.new_str(s)?;
                self.call_method(file, "write", &[sv])?;
                Ok(())
            }
        }
    }

    /// The total order used by `sorted`, `min` and `max`: `a < b`.
    pub fn less_than(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is_small_int() && b.is_small_int() {
            return Ok(a.as_small_int() < b.as_small_int());
        }
        if let Some(o) = self.quick_order(a, b) {
            return Ok(o == std::cmp::Ordering::Less);
        }
        if is::<TupleObj>(a)
            && is::<TupleObj>(b)
            && self.type_of(a) == self.types.tuple
            && self.type_of(b) == self.types.tuple
        {
            let r = self.tuple_compare(a, b, CmpOp::Lt)?;
            return self.truthy(r);
        }
        let r = self.compare(a, b, CmpOp::Lt)?;
        self.truthy(r)
    }
}

fn print<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let (mut sep, mut end, mut file, mut flush) =
        (Value::NONE, Value::NONE, Value::NONE, Value::FALSE);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match vm.str_of(*k) {
            "sep" => sep = *v,
            "end" => end = *v,
            "file" => file = *v,
            "flush" => flush = *v,
            other => {
                let o = other.to_string();
                return Err(
                    vm.type_error(format!("'{o}' is an invalid keyword argument for print()"))
                );
            }
        }
    }
    let sep_s = if sep == Value::NONE {
        " ".to_string()
    } else if is::<StrObj>(sep) {
        vm.str_exact(sep)?.to_string()
    } else {
        let tn = vm.tname(sep).to_string();
        return Err(vm.type_error(format!("sep must be None or a string, not {tn}")));
    };
    let end_s = if end == Value::NONE {
        "\n".to_string()
    } else if is::<StrObj>(end) {
        vm.str_exact(end)?.to_string()
    } else {
        let tn = vm.tname(end).to_string();
        return Err(vm.type_error(format!("end must be None or a string, not {tn}")));
    };
    if file == Value::NONE {
        file = vm.sys_stdout();
    }
    let direct = vm.native_stream(file);
    let mut out = String::new();
    for (i, a) in args[..npos].iter().enumerate() {
        if i > 0 {
            if direct.is_none() {
                vm.write_to(file, &sep_s)?;
            } else {
                out.push_str(&sep_s);
            }
        }
        let s = vm.str(*a)?;
        if direct.is_none() {
            vm.call_method(file, "write", &[s])?;
        } else {
            // The native streams are UTF-8 (strict): a str with lone surrogates is CPython's
            // UnicodeEncodeError, after what was printed before it.
            match vm.str_exact(s) {
                Ok(t) => out.push_str(t),
                Err(e) => {
                    vm.write_to(file, &out)?;
                    return Err(e);
                }
            }
        }
    }
    if direct.is_none() {
        vm.write_to(file, &end_s)?;
    } else {
        out.push_str(&end_s);
        vm.write_to(file, &out)?;
    }
    if vm.truthy(flush)? {
        if direct == Some(1) {
            vm.flush_stdout();
        } else if direct.is_none() {
            vm.call_method(file, "flush", &[])?;
        }
    }
    Ok(Value::NONE)
}

fn len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("len", args, kwnames, 1, 1)?;
    let n = vm.len(args[0])?;
    vm.new_int(n as i64)
}

fn repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("repr", args, kwnames, 1, 1)?;
    vm.repr(args[0])
}

fn ascii<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("ascii", args, kwnames, 1, 1)?;
    vm.ascii(args[0])
}

fn format<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("format", args, kwnames, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => {
            vm.expect_str(*s, "format() argument 2")?;
            *s
        }
        None => vm.intern(""),
    };
    vm.format(args[0], spec)
}

impl<M: Mode> Vm<M> {
    /// `isinstance(v, cls)` with tuples and `__instancecheck__`.
    pub fn isinstance(&mut self, v: Value, cls: Value) -> PyResult<bool> {
        if let Some(t) = cast::<TupleObj>(cls) {
            for c in t.as_slice().to_vec() {
                if self.isinstance(v, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !is::<TypeObj>(cls) {
            let n = self.rt.names.__instancecheck__;
            let ct = self.type_of(cls);
            if let Some(f) = self.type_lookup(ct, n) {
                if !is::<NativeObj>(f) {
                    let r = self.call_method_value(f, cls, &[v])?;
                    return self.truthy(r);
                }
            }
            return Err(
                self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
            );
        }
        if self.is_instance(v, cls) {
            return Ok(true);
        }
        let meta = self.type_of(cls);
        if meta != self.types.type_ {
            let n = self.rt.names.__instancecheck__;
            if let Some(f) = self.type_lookup(meta, n) {
                if !is::<NativeObj>(f) {
                    let r = self.call_method_value(f, cls, &[v])?;
                    return self.truthy(r);
                }
            }
        }
        Ok(false)
    }

    /// `issubclass(c, cls)` with tuples and `__subclasscheck__`.
    pub fn issubclass(&mut self, c: Value, cls: Value) -> PyResult<bool> {
        if !is::<TypeObj>(c) {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        if let Some(t) = cast::<TupleObj>(cls) {
            for x in t.as_slice().to_vec() {
                if self.issubclass(c, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !is::<TypeObj>(cls) {
            let n = self.rt.names.__subclasscheck__;
            let ct = self.type_of(cls);
            if let Some(f) = self.type_lookup(ct, n) {
                if !is::<NativeObj>(f) {
                    let r = self.call_method_value(f, cls, &[c])?;
                    return self.truthy(r);
                }
            }
            return Err(self
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
        if self.is_subtype(c, cls) {
            return Ok(true);
        }
        let meta = self.type_of(cls);
        if meta != self.types.type_ {
            let n = self.rt.names.__subclasscheck__;
            if let Some(f) = self.type_lookup(meta, n) {
                if !is::<NativeObj>(f) {
                    let r = self.call_method_value(f, cls, &[c])?;
                    return self.truthy(r);
                }
            }
        }
        Ok(false)
    }
}

fn isinstance<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("isinstance", args, kwnames, 2, 2)?;
    Ok(Value::bool(vm.isinstance(args[0], args[1])?))
}

fn issubclass<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("issubclass", args, kwnames, 2, 2)?;
    Ok(Value::bool(vm.issubclass(args[0], args[1])?))
}

fn attr_name<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Value> {
    if is::<StrObj>(v) {
        Ok(v)
    } else {
        let tn = vm.tname(v).to_string();
        Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
    }
}

fn hasattr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("hasattr", args, kwnames, 2, 2)?;
    let n = attr_name(vm, args[1])?;
    Ok(Value::bool(vm.getattr_opt(args[0], n)?.is_some()))
}

fn getattr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("getattr", args, kwnames, 2, 3)?;
    let n = attr_name(vm, args[1])?;
    if args.len() == 3 {
        return Ok(vm.getattr_opt(args[0], n)?.unwrap_or(args[2]));
    }
    vm.getattr(args[0], n)
}

fn setattr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("setattr", args, kwnames, 3, 3)?;
    let n = attr_name(vm, args[1])?;
    vm.setattr(args[0], n, args[2])?;
    Ok(Value::NONE)
}

fn delattr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("delattr", args, kwnames, 2, 2)?;
    let n = attr_name(vm, args[1])?;
    vm.delattr(args[0], n)?;
    Ok(Value::NONE)
}

impl<M: Mode> Vm<M> {
    /// `callable(v)`.
    pub fn is_callable(&mut self, v: Value) -> bool {
        if !v.is_ptr() {
            return false;
        }
        match crate::interp::attr::ops_kind(v) {
            Some(Kind::Function)
            | Some(Kind::Native)
            | Some(Kind::BoundMethod)
            | Some(Kind::Type) => true,
            _ => {
                let t = self.type_of(v);
                let n = self.rt.names.__call__;
                self.type_lookup(t, n).is_some()
            }
        }
    }
}

fn callable<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("callable", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.is_callable(args[0])))
}

fn id<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("id", args, kwnames, 1, 1)?;
    let v = args[0];
    let n = if v.is_ptr() {
        v.as_header_ptr() as i64
    } else {
        (v.bits() >> 3) as i64 & 0xffff_ffff_ffff
    };
    vm.new_int(n)
}

fn hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("hash", args, kwnames, 1, 1)?;
    let h = vm.hash(args[0])?;
    vm.new_int(h)
}

fn iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("iter", args, kwnames, 1, 2)?;
    if args.len() == 2 {
        if !vm.is_callable(args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let c = vm.types.callable_iterator;
        return vm.new_iter(c, IterKind::Callable, args[0], args[1], 0, 0);
    }
    vm.get_iter(args[0])
}

fn next<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("next", args, kwnames, 1, 2)?;
    let it = args[0];
    let t = vm.type_of(it);
    let nx = vm.rt.names.__next__;
    if !is::<IterObj>(it) && !is::<GeneratorObj>(it) && vm.type_lookup(t, nx).is_none() {
        let tn = vm.tname(it).to_string();
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    if is::<GeneratorObj>(it) {
        return match vm.gen_resume(it, Value::NONE, None)? {
            Ok(v) => Ok(v),
            Err(r) => match args.get(1) {
                Some(d) => Ok(*d),
                None => Err(vm.stop_iteration(r)),
            },
        };
    }
    if !is::<IterObj>(it) {
        // A user iterator: its StopIteration propagates as is (with its value).
        let f = vm.type_lookup(t, nx).unwrap();
        return match vm.call_method_value(f, it, &[]) {
            Ok(v) => Ok(v),
            Err(e) => {
                let si = vm.exc.stop_iteration;
                if args.len() == 2 && vm.err_matches(&e, si) {
                    Ok(args[1])
                } else {
                    Err(e)
                }
            }
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(*d),
            None => Err(vm.stop_iteration(Value::NONE)),
        },
    }
}

fn abs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("abs", args, kwnames, 1, 1)?;
    let v = args[0];
    match vm.as_num(v) {
        Some(Num::Int(i)) => vm.new_int_i128((i as i128).abs()),
        Some(Num::Big(b)) => {
            let r = num_traits::Signed::abs(b);
            vm.new_bigint(r)
        }
        Some(Num::Float(x)) => Ok(Value::float(x.abs())),
        Some(Num::Complex(re, im)) => {
            let r = re.hypot(im);
            if r.is_infinite() && re.is_finite() && im.is_finite() {
                return Err(vm.overflow_error("absolute value too large"));
            }
            Ok(Value::float(r))
        }
        None => {
            let n = vm.rt.names.__abs__;
            let t = vm.type_of(v);
            match vm.type_lookup(t, n) {
                Some(f) => vm.call_method_value(f, v, &[]),
                None => {
                    let tn = vm.tname(v).to_string();
                    Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
                }
            }
        }
    }
}

fn min_max<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    is_max: bool,
) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let npos = args.len() - kwnames.len();
    let (mut key, mut default) = (Value::NONE, Value::NULL);
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match vm.str_of(*k) {
            "key" => key = *v,
            "default" => default = *v,
            other => {
                let o = other.to_string();
                return Err(
                    vm.type_error(format!("'{o}' is an invalid keyword argument for {name}()"))
                );
            }
        }
    }
    if npos == 0 {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items: Vec<Value> = if npos == 1 {
        vm.collect_iterable(args[0])?
    } else {
        if !default.is_null() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        args[..npos].to_vec()
    };
    let holder = vm.new_list(&items)?;
    vm.temp_roots.push(holder);
    let r = (|| {
        if items.is_empty() {
            if !default.is_null() {
                return Ok(default);
            }
            return Err(vm.value_error(format!("{name}() arg is an empty sequence")));
        }
        let mut best = items[0];
        let mut best_key = if key == Value::NONE {
            best
        } else {
            vm.call(key, &[best], &[])?
        };
        vm.temp_roots.push(best_key);
        for &it in &items[1..] {
            let k = if key == Value::NONE {
                it
            } else {
                vm.call(key, &[it], &[])?
            };
            // CPython compares the new item against the best so far: `k > best` / `k < best`.
            let op = if is_max {
                crate::bytecode::CmpOp::Gt
            } else {
                crate::bytecode::CmpOp::Lt
            };
            let c = vm.compare(k, best_key, op)?;
            let better = vm.truthy(c)?;
            if better {
                best = it;
                best_key = k;
                vm.temp_roots.pop();
                vm.temp_roots.push(best_key);
            }
        }
        vm.temp_roots.pop();
        Ok(best)
    })();
    vm.temp_roots.pop();
    r
}

fn min<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, false)
}

fn max<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, true)
}

fn sum<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("sum", args, kwnames, &["iterable", "start"], 1, 2, 1)?;
    let mut acc = if a[1].is_null() {
        Value::small_int(0)
    } else {
        a[1]
    };
    if is::<StrObj>(acc) {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if is::<BytesObj>(acc) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(a[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        // Exact float summation like CPython's (Neumaier-free: CPython adds left to right in doubles).
        while let Some(v) = vm.iter_next(it)? {
            if acc.is_small_int() && v.is_small_int() {
                if let Some(s) = Value::try_small_int(acc.as_small_int() + v.as_small_int()) {
                    acc = s;
                    continue;
                }
            }
            if acc.is_float() && v.is_float() {
                acc = Value::float(acc.as_float() + v.as_float());
                continue;
            }
            vm.temp_roots.push(acc);
            let r = vm.binary_op(acc, v, crate::bytecode::BinOp::Add, false);
            vm.temp_roots.pop();
            acc = r?;
        }
        Ok(acc)
    })();
    vm.temp_roots.pop();
    r
}

fn sorted<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    let items = vm.collect_iterable(args[0])?;
    let l = vm.new_list(&items)?;
    vm.temp_roots.push(l);
    let sort = vm.intern("sort");
    let r = (|| {
        let m = vm.getattr(l, sort)?;
        vm.call(m, &args[1..], kwnames)?;
        Ok(l)
    })();
    vm.temp_roots.pop();
    r
}

fn all<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("all", args, kwnames, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(v) = vm.iter_next(it)? {
            if !vm.truthy(v)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })();
    vm.temp_roots.pop();
    r
}

fn any<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("any", args, kwnames, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    let r = (|| {
        while let Some(v) = vm.iter_next(it)? {
            if vm.truthy(v)? {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::FALSE)
    })();
    vm.temp_roots.pop();
    r
}

fn chr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("chr", args, kwnames, 1, 1)?;
    if args[0].is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = match vm.index_value(args[0]) {
        Ok(i) => i,
        Err(e) => {
            let oe = vm.exc.overflow_error;
            if vm.err_matches(&e, oe) {
                return Err(vm.overflow_error("Python int too large to convert to C int"));
            }
            return Err(e);
        }
    };
    if !(0..=0x10FFFF).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            vm.char_str(c.encode_utf8(&mut buf))
        }
        // A lone surrogate: a str with code points (`StrObj::wide`).
        None => {
            let c = vm.types.str;
            vm.new_wide_of(c, vec![i as u32])
        }
    }
}

fn ord<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("ord", args, kwnames, 1, 1)?;
    let v = args[0];
    if let Some(s) = cast::<StrObj>(v) {
        if s.char_len != 1 {
            let n = s.char_len;
            return Err(vm.type_error(format!(
                "ord() expected a character, but string of length {n} found"
            )));
        }
        if let Some(w) = s.wide() {
            return Ok(Value::small_int(w[0] as i64));
        }
        return Ok(Value::small_int(s.s.chars().next().unwrap_or('\0') as i64));
    }
    if is::<BytesObj>(v) || is::<ByteArrayObj>(v) {
        let b = vm.bytes_data(v);
        if b.len() != 1 {
            let n = b.len();
            return Err(vm.type_error(format!(
                "ord() expected a character, but string of length {n} found"
            )));
        }
        return Ok(Value::small_int(b[0] as i64));
    }
    let tn = vm.tname(v).to_string();
    Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
}

fn int_base_str<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    base: u32,
) -> PyResult<Value> {
    vm.check_args(name, args, kwnames, 1, 1)?;
    let v = args[0];
    let b = match vm.as_bigint(v) {
        Some(b) if !v.is_float() => b,
        _ => {
            let n = vm.rt.names.__index__;
            let t = vm.type_of(v);
            match vm.type_lookup(t, n) {
                Some(f) => {
                    let r = vm.call_method_value(f, v, &[])?;
                    match vm.as_bigint(r) {
                        Some(b) => b,
                        None => return Err(vm.type_error("__index__ returned non-int")),
                    }
                }
                None => {
                    let tn = vm.tname(v).to_string();
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            }
        }
    };
    let s = numeric::arith::int_to_base_string(&b, base, true);
    vm.new_string(s)
}

fn hex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_base_str(vm, args, kwnames, "hex", 16)
}

fn oct<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_base_str(vm, args, kwnames, "oct", 8)
}

fn bin<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    int_base_str(vm, args, kwnames, "bin", 2)
}

fn divmod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("divmod", args, kwnames, 2, 2)?;
    vm.divmod(args[0], args[1])
}

/// An int `Num` as a BigInt, borrowed when it is already one.
fn big_cow<'a>(n: &Num<'a>) -> std::borrow::Cow<'a, BigInt> {
    match n {
        Num::Big(b) => std::borrow::Cow::Borrowed(*b),
        Num::Int(i) => std::borrow::Cow::Owned(BigInt::from(*i)),
        _ => std::borrow::Cow::Owned(BigInt::from(0)),
    }
}

impl<M: Mode> Vm<M> {
    /// `divmod(a, b)`.
    pub fn divmod(&mut self, a: Value, b: Value) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            if matches!(x, Num::Complex(..)) || matches!(y, Num::Complex(..)) {
                let (an, bn) = (self.tname(a).to_string(), self.tname(b).to_string());
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for divmod(): '{an}' and '{bn}'"
                )));
            }
            // Heap ints: one division for both results (borrowing the digits).
            if matches!(
                (&x, &y),
                (Num::Big(_), Num::Big(_) | Num::Int(_)) | (Num::Int(_), Num::Big(_))
            ) {
                let (bx, by) = (big_cow(&x), big_cow(&y));
                if !num_traits::Zero::is_zero(by.as_ref()) {
                    let (q, r) = num_integer::Integer::div_mod_floor(bx.as_ref(), by.as_ref());
                    let q = self.new_bigint(q)?;
                    self.temp_roots.push(q);
                    let r = self.new_bigint(r);
                    self.temp_roots.pop();
                    let r = r?;
                    return self.new_tuple(&[q, r]);
                }
            }
            if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
                let f = |n: Num| match n {
                    Num::Int(i) => Some(i as f64),
                    Num::Big(b) => numeric::arith::bigint_to_f64(b).ok(),
                    Num::Float(f) => Some(f),
                    Num::Complex(..) => None,
                };
                if let (Some(fa), Some(fb)) = (f(x), f(y)) {
                    let (q, r) =
                        numeric::arith::float_divmod(fa, fb).map_err(|e| self.num_error(e))?;
                    return self.new_tuple(&[Value::float(q), Value::float(r)]);
                }
            }
            let q = self.binary_op(a, b, BinOp::FloorDiv, false)?;
            self.temp_roots.push(q);
            let r = self.binary_op(a, b, BinOp::Mod, false);
            self.temp_roots.pop();
            let r = r?;
            return self.new_tuple(&[q, r]);
        }
        let dn = self.rt.names.__divmod__;
        let rdn = self.rt.names.__rdivmod__;
        let ta = self.type_of(a);
        if let Some(f) = self.type_lookup(ta, dn) {
            let r = self.call_method_value(f, a, &[b])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
        let tb = self.type_of(b);
        if let Some(f) = self.type_lookup(tb, rdn) {
            let r = self.call_method_value(f, b, &[a])?;
            if r != Value::NOT_IMPLEMENTED {
                return Ok(r);
            }
        }
        let (an, bn) = (self.tname(a).to_string(), self.tname(b).to_string());
        Err(self.type_error(format!(
            "unsupported operand type(s) for divmod(): '{an}' and '{bn}'"
        )))
    }
}

fn pow<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("pow", args, kwnames, &["base", "exp", "mod"], 0, 3, 2)?;
    if a[2].is_null() || a[2] == Value::NONE {
        return vm.binary_op(a[0], a[1], crate::bytecode::BinOp::Pow, false);
    }
    match (vm.as_num(a[0]), vm.as_num(a[1]), vm.as_num(a[2])) {
        (
            Some(Num::Int(_) | Num::Big(_)),
            Some(Num::Int(_) | Num::Big(_)),
            Some(Num::Int(_) | Num::Big(_)),
        ) => {
            let (b, e, m) = (
                vm.as_bigint(a[0]).unwrap(),
                vm.as_bigint(a[1]).unwrap(),
                vm.as_bigint(a[2]).unwrap(),
            );
            let r = numeric::arith::int_pow_mod(&b, &e, &m).map_err(|e| vm.num_error(e))?;
            vm.new_bigint(r)
        }
        (Some(_), Some(_), Some(_)) => {
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
        _ => {
            // Three-argument power only tries the base's __pow__ (never __rpow__).
            let t = vm.type_of(a[0]);
            if !obj::<TypeObj>(t).builtin {
                let n = vm.intern("__pow__");
                if let Some(f) = vm.type_lookup(t, n) {
                    let r = vm.call_method_value(f, a[0], &[a[1], a[2]])?;
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
            }
            let (x, y, z) = (
                vm.tname(a[0]).to_string(),
                vm.tname(a[1]).to_string(),
                vm.tname(a[2]).to_string(),
            );
            Err(vm.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{x}', '{y}', '{z}'"
            )))
        }
    }
}

fn round<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("round", args, kwnames, &["number", "ndigits"], 0, 2, 1)?;
    let (x, nd) = (a[0], a[1]);
    let nd = if nd == Value::NONE { Value::NULL } else { nd };
    match vm.as_num(x) {
        Some(Num::Float(f)) => {
            if nd.is_null() {
                let r = numeric::arith::float_round_to_int(f).map_err(|e| vm.num_error(e))?;
                return vm.new_bigint(r);
            }
            let n = vm.index_value(nd)?;
            let r = numeric::arith::float_round(f, n).map_err(|e| vm.num_error(e))?;
            Ok(Value::float(r))
        }
        Some(Num::Int(_)) | Some(Num::Big(_)) => {
            let b = vm.as_bigint(x).unwrap();
            if nd.is_null() {
                return vm.new_bigint(b);
            }
            let n = vm.index_value(nd)?;
            if n >= 0 {
                return vm.new_bigint(b);
            }
            // Round half to even at 10**(-n).
            let p = num_traits::pow(BigInt::from(10), (-n) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
            let twice: BigInt = &r * 2;
            let q = match twice.cmp(&p) {
                std::cmp::Ordering::Greater => q + 1,
                std::cmp::Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
                _ => q,
            };
            vm.new_bigint(q * p)
        }
        _ => {
            let n = vm.rt.names.__round__;
            let t = vm.type_of(x);
            match vm.type_lookup(t, n) {
                Some(f) => {
                    if nd.is_null() {
                        vm.call_method_value(f, x, &[])
                    } else {
                        vm.call_method_value(f, x, &[nd])
                    }
                }
                None => {
                    let tn = vm.tname(x).to_string();
                    Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
                }
            }
        }
    }
}

fn globals<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("globals", args, kwnames, 0, 0)?;
    Ok(vm
        .frames
        .last()
        .map(|f| f.globals)
        .unwrap_or(vm.rt.main_dict))
}

impl<M: Mode> Vm<M> {
    /// `locals()` of the innermost Python frame: its locals mapping, or a fresh dict of its fast locals.
    pub fn frame_locals(&mut self) -> PyResult<Value> {
        let Some(fi) = self.frames.last().copied() else {
            return Ok(self.rt.main_dict);
        };
        if fi.locals.is_ptr() {
            return Ok(fi.locals);
        }
        let code = &obj::<CodeObj>(fi.code).code;
        let d = self.new_dict()?;
        let base = fi.base as usize;
        let names: Vec<Value> = code.varnames.clone();
        let cells: Vec<Value> = code
            .cellvars
            .iter()
            .chain(code.freevars.iter())
            .copied()
            .collect();
        let nl = code.nlocals();
        for (i, n) in names.iter().enumerate() {
            let v = self.stack[base + i];
            if !v.is_null() {
                self.dict_set(d, *n, v)?;
            }
        }
        for (i, n) in cells.iter().enumerate() {
            let c = self.stack[base + nl + i];
            if let Some(c) = cast::<CellObj>(c) {
                let v = self.load(&c.value);
                if !v.is_null() {
                    self.dict_set(d, *n, v)?;
                }
            }
        }
        Ok(d)
    }
}

fn locals<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("locals", args, kwnames, 0, 0)?;
    vm.frame_locals()
}

fn vars<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("vars", args, kwnames, 0, 1)?;
    if args.is_empty() {
        return vm.frame_locals();
    }
    if is::<TypeObj>(args[0]) {
        let d = obj::<TypeObj>(args[0]).dict;
        return vm.new_mappingproxy(d);
    }
    match vm.instance_dict(args[0], true)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("dir", args, kwnames, 0, 1)?;
    if args.is_empty() {
        let l = vm.frame_locals()?;
        let mut keys: Vec<Value> = vm.dict_items_vec(l).into_iter().map(|(k, _)| k).collect();
        keys.sort_by(|a, b| vm.str_of(*a).cmp(vm.str_of(*b)));
        return vm.new_list(&keys);
    }
    let t = vm.type_of(args[0]);
    let n = vm.rt.names.__dir__;
    if !obj::<TypeObj>(t).builtin {
        if let Some(f) = vm.type_lookup(t, n) {
            if !is::<NativeObj>(f) {
                let r = vm.call_method_value(f, args[0], &[])?;
                let mut items = vm.collect_iterable(r)?;
                items.sort_by(|a, b| vm.str_of(*a).cmp(vm.str_of(*b)));
                return vm.new_list(&items);
            }
        }
    }
    let names = vm.dir_names(args[0])?;
    vm.new_list(&names)
}

/// Compiles and runs `src` (str or code) for exec/eval in the caller's or the given namespaces.
fn exec_eval<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    is_eval: bool,
) -> PyResult<Value> {
    let name = if is_eval { "eval" } else { "exec" };
    let a = vm.parse_args(
        name,
        args,
        kwnames,
        &["source", "globals", "locals"],
        1,
        3,
        1,
    )?;
    let (src, mut g, mut l) = (a[0], a[1], a[2]);
    if g.is_null() || g == Value::NONE {
        g = vm
            .frames
            .last()
            .map(|f| f.globals)
            .unwrap_or(vm.rt.main_dict);
        if l.is_null() || l == Value::NONE {
            l = vm.frame_locals()?;
        }
    } else if !is::<DictObj>(g) {
        let tn = vm.tname(g).to_string();
        return Err(vm.type_error(format!("{name}() globals must be a dict, not {tn}")));
    }
    if l.is_null() || l == Value::NONE {
        l = g;
    }
    if vm.dict_get_name(g, "__builtins__").is_none() {
        let b = vm.rt.builtins_module;
        vm.dict_set_str(g, "__builtins__", b)?;
    }
    let code = if is::<CodeObj>(src) {
        src
    } else {
        let s = if let Some(b) = cast::<BytesObj>(src) {
            String::from_utf8_lossy(&b.b).into_owned()
        } else if is::<StrObj>(src) {
            vm.str_of(src).to_string()
        } else {
            return Err(vm.type_error(format!(
                "{name}() arg 1 must be a string, bytes or code object"
            )));
        };
        let unit = if is_eval {
            crate::compile::compile_eval(s.trim_start_matches([' ', '\t']), "<string>")
        } else {
            crate::compile::compile_module(&s, "<string>")
        };
        match unit {
            Ok(u) => {
                let f = vm.intern("<string>");
                vm.materialize(&u, f)?
            }
            Err(e) => return Err(vm.syntax_error(&e, "<string>")),
        }
    };
    vm.temp_roots.push(code);
    let r = vm.run_code(code, g, l);
    vm.temp_roots.pop();
    let r = r?;
    Ok(if is_eval { r } else { Value::NONE })
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)` for str/bytes sources.
/// Mode "single" compiles like "exec", except that a lone expression prints its repr when run (through
/// `print(repr(...))`, standing in for `sys.displayhook`).
fn compile<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "compile",
        args,
        kwnames,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        3,
        7,
        0,
    )?;
    let (src, fname, mode) = (a[0], a[1], a[2]);
    let s = if is::<BytesObj>(src) || is::<ByteArrayObj>(src) {
        String::from_utf8_lossy(&vm.bytes_data(src)).into_owned()
    } else if is::<StrObj>(src) {
        vm.str_of(src).to_string()
    } else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let filename = if is::<StrObj>(fname) {
        vm.str_of(fname).to_string()
    } else if is::<BytesObj>(fname) {
        String::from_utf8_lossy(&vm.bytes_data(fname)).into_owned()
    } else {
        let tn = vm.tname(fname).to_string();
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {tn}"
        )));
    };
    let mode_s = vm
        .expect_str(mode, "compile() argument 'mode'")?
        .to_string();
    if !a[3].is_null() {
        let flags = vm.index_value(a[3])?;
        if flags & 0x400 != 0 {
            return Err(vm.value_error("compile(): ast.PyCF_ONLY_AST is not supported by weft"));
        }
    }
    if s.contains('\0') {
        return Err(vm.error(
            vm.exc.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    let unit = match mode_s.as_str() {
        "exec" => crate::compile::compile_module(&s, &filename),
        "eval" => crate::compile::compile_eval(s.trim_start_matches([' ', '\t']), &filename),
        "single" => {
            let trimmed = s.trim();
            if crate::compile::compile_eval(trimmed, &filename).is_ok() {
                let wrapped = format!("__weft_v = ({trimmed})\nif __weft_v is not None: print(repr(__weft_v))\ndel __weft_v\n");
                crate::compile::compile_module(&wrapped, &filename)
            } else {
                crate::compile::compile_module(&s, &filename)
            }
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    match unit {
        Ok(u) => {
            let f = vm.new_str(&filename)?;
            vm.temp_roots.push(f);
            let r = vm.materialize(&u, f);
            vm.temp_roots.pop();
            r
        }
        Err(e) => Err(vm.syntax_error(&e, &filename)),
    }
}

fn exec<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exec_eval(vm, args, kwnames, false)
}

fn eval<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    exec_eval(vm, args, kwnames, true)
}

fn import<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "__import__",
        args,
        kwnames,
        &["name", "globals", "locals", "fromlist", "level"],
        0,
        5,
        1,
    )?;
    let name = a[0];
    vm.expect_str(name, "__import__() argument 1")?;
    let globals = if a[1].is_null() || a[1] == Value::NONE {
        vm.rt.main_dict
    } else {
        a[1]
    };
    let fromlist = if a[3].is_null() { Value::NONE } else { a[3] };
    let level = if a[4].is_null() {
        Value::small_int(0)
    } else {
        a[4]
    };
    vm.import_name(name, fromlist, level, globals)
}

fn input<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("input", args, kwnames, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str_string(*p)?;
        vm.write_stdout(&s);
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => {
            let c = vm.exc.eof_error;
            Err(vm.error(c, "EOF when reading a line"))
        }
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
            }
            vm.new_string(line)
        }
        Err(e) => {
            let c = vm.exc.os_error;
            Err(vm.error(c, e.to_string()))
        }
    }
}
