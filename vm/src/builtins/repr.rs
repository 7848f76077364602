//! The `repr`/`str`/`ascii`/`format` protocol.
//!
//! `repr(v)`: a user `__repr__` (found on the type, not inherited from a builtin) is called; otherwise the
//! native repr of the value's layout is used (`native_repr`), which recurses into containers with a guard
//! (`repr_stack`) so that a list containing itself prints `[...]`. `str(v)` is `__str__` when a user class
//! defines one, the str itself for strs, and `repr` otherwise (like `object.__str__`). All of these may
//! run Python code. Text-kernel errors become Python exceptions here (`text_error`); Unicode codec
//! errors carry CPython's five arguments (encoding, object, start, end, reason), from which their `str()`
//! is formatted.

use crate::access::Mode;
use crate::interp::ops::Num;
use crate::interp::{PyErr, PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::text::TextError;
use crate::value::Value;
use num_bigint::BigInt;

/// CPython's default limit on int <-> str conversion (`sys.set_int_max_str_digits`).
pub const INT_MAX_STR_DIGITS: usize = 4300;

impl<M: Mode> Vm<M> {
    /// Converts a text-kernel error into the Python exception it names.
    pub fn text_error(&mut self, e: TextError) -> PyErr {
        match self.unicode_error_args(&e) {
            Ok(Some((cls, args))) => {
                let base = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&args);
                let r = self.new_exception(cls, &args);
                self.temp_roots.truncate(base);
                return match r {
                    Ok(x) => PyErr::Exc(x),
                    Err(err) => err,
                };
            }
            Ok(None) => {}
            Err(err) => return err,
        }
        let msg = e.message();
        match e.kind() {
            "TypeError" => self.type_error(msg),
            "IndexError" => self.index_error(msg),
            "OverflowError" => self.overflow_error(msg),
            "MemoryError" => self.memory_error(),
            "UnicodeDecodeError" => {
                let c = self.exc.unicode_decode_error;
                self.error(c, msg)
            }
            "UnicodeEncodeError" => {
                let c = self.exc.unicode_encode_error;
                self.error(c, msg)
            }
            "LookupError" => {
                let c = self.exc.lookup_error;
                self.error(c, msg)
            }
            _ => self.value_error(msg),
        }
    }

    /// The class and `(encoding, object, start, end, reason)` arguments of a Unicode codec error.
    fn unicode_error_args(&mut self, e: &TextError) -> PyResult<Option<(Value, Vec<Value>)>> {
        let (cls, encoding, object, start, end, reason) = match e {
            TextError::UnicodeDecode {
                encoding,
                start,
                end,
                reason,
                object,
            } => {
                let o = self.new_bytes(object)?;
                (
                    self.exc.unicode_decode_error,
                    encoding,
                    o,
                    start,
                    end,
                    reason,
                )
            }
            TextError::UnicodeEncode {
                encoding,
                start,
                end,
                reason,
                object,
            } => {
                let o = self.new_text(object.clone())?;
                (
                    self.exc.unicode_encode_error,
                    encoding,
                    o,
                    start,
                    end,
                    reason,
                )
            }
            _ => return Ok(None),
        };
        self.temp_roots.push(object);
        let r = (|| {
            let enc = self.new_str(encoding)?;
            self.temp_roots.push(enc);
            let rs = self.new_str(reason);
            self.temp_roots.pop();
            let rs = rs?;
            let st = self.new_int(*start as i64)?;
            let en = self.new_int(*end as i64)?;
            Ok(Some((cls, vec![enc, object, st, en, rs])))
        })();
        self.temp_roots.pop();
        r
    }

    /// `str()` of a UnicodeDecodeError/UnicodeEncodeError built from its five arguments.
    fn unicode_error_str(&mut self, v: Value, items: &[Value]) -> Option<String> {
        if items.len() != 5 {
            return None;
        }
        let enc = cast::<StrObj>(items[0])?.s.to_string();
        let reason = cast::<StrObj>(items[4])?.s.to_string();
        let start = usize::try_from(self.index_value(items[2]).ok()?).ok()?;
        let end = usize::try_from(self.index_value(items[3]).ok()?).ok()?;
        let e = if self.is_instance(v, self.exc.unicode_decode_error) {
            let object = cast::<BytesObj>(items[1])?.b.to_vec();
            TextError::UnicodeDecode {
                encoding: enc,
                start,
                end,
                reason,
                object,
            }
        } else if self.is_instance(v, self.exc.unicode_encode_error) {
            let object = cast::<StrObj>(items[1])?.text();
            TextError::UnicodeEncode {
                encoding: enc,
                start,
                end,
                reason,
                object,
            }
        } else {
            return None;
        };
        Some(e.message())
    }

    /// Finds a user-defined (non-native) implementation of dunder `name` on `v`'s type.
    fn user_dunder(&mut self, v: Value, name: Value) -> Option<Value> {
        let t = self.type_of(v);
        if obj::<TypeObj>(t).builtin {
            return None;
        }
        match self.type_lookup(t, name) {
            Some(f) if !is::<NativeObj>(f) => Some(f),
            _ => None,
        }
    }

    /// `repr(v)` as a str object.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        let n = self.rt.names.__repr__;
        if let Some(f) = self.user_dunder(v, n) {
            let r = self.call_method_value(f, v, &[])?;
            if !is::<StrObj>(r) {
                return Err(self.type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.tname(r)
                )));
            }
            return Ok(r);
        }
        if is::<StrObj>(v) && self.type_of(v) == self.types.str {
            let s = self.str_repr_string(v);
            return self.new_string(s);
        }
        let s = self.native_repr(v)?;
        self.new_string(s)
    }

    /// `repr()` of the str `v` (lone surrogates escaped like CPython's `'\udcff'`).
    pub fn str_repr_string(&self, v: Value) -> String {
        let so = obj::<StrObj>(v);
        match so.wide() {
            Some(w) => crate::text::repr::code_points_repr(w, false),
            None => crate::text::repr::str_repr(&so.s),
        }
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(self.str_of(r).to_string())
    }

    /// `str(v)` as a str object.
    pub fn str(&mut self, v: Value) -> PyResult<Value> {
        if is::<StrObj>(v) && self.type_of(v) == self.types.str {
            return Ok(v);
        }
        let n = self.rt.names.__str__;
        if let Some(f) = self.user_dunder(v, n) {
            let r = self.call_method_value(f, v, &[])?;
            if !is::<StrObj>(r) {
                return Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.tname(r)
                )));
            }
            return Ok(r);
        }
        if let Some(s) = cast::<StrObj>(v) {
            if let Some(w) = s.wide() {
                let c = self.types.str;
                return self.new_wide_of(c, w.to_vec());
            }
            let s = s.s.to_string();
            return self.new_string(s);
        }
        if is::<ExceptionObj>(v) {
            let s = self.exception_str(v)?;
            return self.new_string(s);
        }
        if v.is_float() {
            return self.new_string(numeric::float_repr::float_repr(v.as_float()));
        }
        self.repr(v)
    }

    /// `str(v)` as a Rust string.
    /// A str with lone surrogates is CPython's UnicodeEncodeError ("surrogates not allowed"), as when
    /// printing it.
    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(self.str_exact(r)?.to_string())
    }

    /// `ascii(v)`.
    pub fn ascii(&mut self, v: Value) -> PyResult<Value> {
        let r = self.repr(v)?;
        let s = self.str_of(r);
        if s.is_ascii() {
            return Ok(r);
        }
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            let n = c as u32;
            if n < 128 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        self.new_string(out)
    }

    /// `str(exc)`: the single argument's str, the args tuple's repr, or "".
    pub fn exception_str(&mut self, v: Value) -> PyResult<String> {
        let e = obj::<ExceptionObj>(v);
        let args = self.load(&e.args);
        let Some(t) = cast::<TupleObj>(args) else {
            return Ok(String::new());
        };
        let items = t.as_slice();
        // KeyError shows the repr of its key.
        let ke = self.exc.key_error;
        if items.len() == 2 && self.is_instance(v, self.exc.os_error) {
            let (errno, strerror) = (items[0], items[1]);
            let en = self.str_string(errno)?;
            let se = self.str_string(strerror)?;
            let d = self.load(&e.dict);
            let f1 = if d.is_null() {
                None
            } else {
                self.dict_get_name(d, "filename")
            };
            let f2 = if d.is_null() {
                None
            } else {
                self.dict_get_name(d, "filename2")
            };
            return match (f1, f2) {
                (Some(f), Some(g)) if f != Value::NONE && g != Value::NONE => {
                    let f = self.repr_string(f)?;
                    let g = self.repr_string(g)?;
                    Ok(format!("[Errno {en}] {se}: {f} -> {g}"))
                }
                (Some(f), _) if f != Value::NONE => {
                    let f = self.repr_string(f)?;
                    Ok(format!("[Errno {en}] {se}: {f}"))
                }
                _ => Ok(format!("[Errno {en}] {se}")),
            };
        }
        if items.len() == 5 {
            let items = items.to_vec();
            if let Some(m) = self.unicode_error_str(v, &items) {
                return Ok(m);
            }
        }
        match items.len() {
            0 => Ok(String::new()),
            1 if self.is_instance(v, ke) => self.repr_string(items[0]),
            1 => self.str_string(items[0]),
            _ => self.repr_string(args),
        }
    }

    /// A decimal string of an int, with CPython's 4300-digit limit.
    pub fn int_to_decimal(&mut self, b: &BigInt) -> PyResult<String> {
        if b.bits() > 14_000 {
            // Cheap pre-check: more than ~4214 digits possible; count exactly.
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if digits > INT_MAX_STR_DIGITS {
                return Err(self.value_error(format!(
                    "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            return Ok(s);
        }
        Ok(b.to_string())
    }

    /// The builtin repr of a value by layout (no user `__repr__` lookup at the top level).
    pub fn native_repr(&mut self, v: Value) -> PyResult<String> {
        if v.is_small_int() {
            return Ok(v.as_small_int().to_string());
        }
        if let Some(x) = self.float_value(v) {
            return Ok(numeric::float_repr::float_repr(x));
        }
        if !v.is_ptr() {
            return Ok(match v {
                Value::NONE => "None",
                Value::TRUE => "True",
                Value::FALSE => "False",
                Value::ELLIPSIS => "Ellipsis",
                Value::NOT_IMPLEMENTED => "NotImplemented",
                _ => "<NULL>",
            }
            .to_string());
        }
        let kind = crate::interp::attr::ops_kind(v);
        match kind {
            Some(Kind::Str) => Ok(self.str_repr_string(v)),
            Some(Kind::BigInt) => {
                let b = obj::<BigIntObj>(v).v.clone();
                self.int_to_decimal(&b)
            }
            Some(Kind::Complex) => {
                let c = obj::<ComplexObj>(v);
                Ok(numeric::float_repr::complex_repr(c.re, c.im))
            }
            Some(Kind::Bytes) => Ok(crate::text::repr::bytes_repr(&obj::<BytesObj>(v).b, "b")),
            Some(Kind::ByteArray) => {
                let b = obj::<ByteArrayObj>(v).b.lock().unwrap().clone();
                let tn = self.tname(v).to_string();
                Ok(crate::text::repr::bytearray_repr_named(&b, &tn))
            }
            Some(Kind::Tuple)
            | Some(Kind::List)
            | Some(Kind::Dict)
            | Some(Kind::Set)
            | Some(Kind::FrozenSet)
            | Some(Kind::DictView) => self.container_repr(v, kind.unwrap()),
            Some(Kind::Type) => {
                let m = self.dict_get_name(obj::<TypeObj>(v).dict, "__module__");
                let qn = self.load(&obj::<TypeObj>(v).qualname);
                let qn = if is::<StrObj>(qn) {
                    self.str_of(qn).to_string()
                } else {
                    self.type_name(v).to_string()
                };
                match m {
                    Some(m) if is::<StrObj>(m) && self.str_of(m) != "builtins" => {
                        Ok(format!("<class '{}.{}'>", self.str_of(m), qn))
                    }
                    _ => Ok(format!("<class '{qn}'>")),
                }
            }
            Some(Kind::Function) => {
                let f = obj::<FunctionObj>(v);
                let qn = self.load(&f.qualname);
                Ok(format!(
                    "<function {} at {:#x}>",
                    self.str_of(qn),
                    v.as_header_ptr() as usize
                ))
            }
            Some(Kind::Native) => {
                let n = obj::<NativeObj>(v);
                if n.bound.is_null() || is::<ModuleObj>(n.bound) {
                    Ok(format!("<built-in function {}>", n.name))
                } else {
                    let tn = self.tname(n.bound).to_string();
                    Ok(format!(
                        "<built-in method {} of {} object at {:#x}>",
                        n.name,
                        tn,
                        n.bound.as_header_ptr() as usize
                    ))
                }
            }
            Some(Kind::BoundMethod) => {
                let b = obj::<BoundMethodObj>(v);
                let (func, this) = (b.func, b.this);
                let qn = match cast::<FunctionObj>(func) {
                    Some(f) => {
                        let q = self.load(&f.qualname);
                        self.str_of(q).to_string()
                    }
                    None => "?".to_string(),
                };
                let r = self.repr_string(this)?;
                Ok(format!("<bound method {qn} of {r}>"))
            }
            Some(Kind::Module) => {
                let d = obj::<ModuleObj>(v).dict;
                let name = self.dict_get_name(d, "__name__");
                let name = match name {
                    Some(n) if is::<StrObj>(n) => self.str_of(n).to_string(),
                    _ => "?".to_string(),
                };
                match self.dict_get_name(d, "__file__") {
                    Some(f) if is::<StrObj>(f) => {
                        Ok(format!("<module '{}' from '{}'>", name, self.str_of(f)))
                    }
                    _ => Ok(format!("<module '{name}' (built-in)>")),
                }
            }
            Some(Kind::Range) => {
                let r = obj::<RangeObj>(v);
                let (a, b, c) = (r.start, r.stop, r.step);
                let sa = self.repr_string(a)?;
                let sb = self.repr_string(b)?;
                if c == Value::small_int(1) {
                    Ok(format!("range({sa}, {sb})"))
                } else {
                    let sc = self.repr_string(c)?;
                    Ok(format!("range({sa}, {sb}, {sc})"))
                }
            }
            Some(Kind::Slice) => {
                let s = obj::<SliceObj>(v);
                let (a, b, c) = (s.start, s.stop, s.step);
                let sa = self.repr_string(a)?;
                let sb = self.repr_string(b)?;
                let sc = self.repr_string(c)?;
                Ok(format!("slice({sa}, {sb}, {sc})"))
            }
            Some(Kind::Exception) => {
                let args = self.load(&obj::<ExceptionObj>(v).args);
                let tn = self.tname(v).to_string();
                let items = cast::<TupleObj>(args)
                    .map(|t| t.as_slice().to_vec())
                    .unwrap_or_default();
                if items.len() == 1 {
                    let r = self.repr_string(items[0])?;
                    Ok(format!("{tn}({r})"))
                } else {
                    let r = self.repr_string(args)?;
                    Ok(format!("{tn}{r}"))
                }
            }
            Some(Kind::Generator) => {
                let g = obj::<GeneratorObj>(v);
                let q = g.qualname;
                Ok(format!(
                    "<generator object {} at {:#x}>",
                    self.str_of(q),
                    v.as_header_ptr() as usize
                ))
            }
            Some(Kind::Cell) => Ok(format!("<cell at {:#x}>", v.as_header_ptr() as usize)),
            Some(Kind::Code) => {
                let c = &obj::<CodeObj>(v).code;
                Ok(format!(
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    self.str_of(c.name),
                    v.as_header_ptr() as usize,
                    self.str_of(c.filename),
                    c.firstlineno
                ))
            }
            _ => Ok(self.default_repr(v)),
        }
    }

    /// `object.__repr__`: `<module.Class object at 0x...>`.
    pub fn default_repr(&mut self, v: Value) -> String {
        let t = self.type_of(v);
        let m = self.dict_get_name(obj::<TypeObj>(t).dict, "__module__");
        let qn = self.load(&obj::<TypeObj>(t).qualname);
        let qn = if is::<StrObj>(qn) {
            self.str_of(qn).to_string()
        } else {
            self.type_name(t).to_string()
        };
        let addr = if v.is_ptr() {
            v.as_header_ptr() as usize
        } else {
            v.bits() as usize
        };
        match m {
            Some(m) if is::<StrObj>(m) && self.str_of(m) != "builtins" => {
                format!("<{}.{} object at {:#x}>", self.str_of(m), qn, addr)
            }
            _ => format!("<{qn} object at {addr:#x}>"),
        }
    }

    fn container_repr(&mut self, v: Value, kind: Kind) -> PyResult<String> {
        let t = self.type_of(v);
        let builtin_type = obj::<TypeObj>(t).builtin;
        let tn = self.type_name(t).to_string();
        if self.repr_stack.contains(&v) {
            return Ok(match kind {
                Kind::List => "[...]",
                Kind::Dict => "{...}",
                Kind::Tuple => "(...)",
                _ => "...",
            }
            .to_string());
        }
        if self.repr_stack.len() > 2000 || self.check_native_stack().is_err() {
            return Err(self.recursion_error_while("getting the repr of an object"));
        }
        self.repr_stack.push(v);
        let r = self.container_repr_inner(v, kind, &tn, builtin_type);
        self.repr_stack.pop();
        r
    }

    fn container_repr_inner(
        &mut self,
        v: Value,
        kind: Kind,
        tn: &str,
        builtin_type: bool,
    ) -> PyResult<String> {
        let mut out = String::new();
        match kind {
            Kind::Tuple => {
                let items = obj::<TupleObj>(v).as_slice();
                out.push('(');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_string(*x)?);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Kind::List => {
                out.push('[');
                let mut i = 0;
                while i < self.list_len(v) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let x = self.list_get(v, i);
                    out.push_str(&self.repr_string(x)?);
                    i += 1;
                }
                out.push(']');
                if !builtin_type {
                    return Ok(out);
                }
            }
            Kind::Dict => {
                out.push('{');
                let mut pos = 0;
                let mut first = true;
                while let Some((p, k, x)) = self.dict_next(v, pos) {
                    pos = p;
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    self.temp_roots.push(x);
                    let kr = self.repr_string(k);
                    self.temp_roots.pop();
                    out.push_str(&kr?);
                    out.push_str(": ");
                    out.push_str(&self.repr_string(x)?);
                }
                out.push('}');
            }
            Kind::Set | Kind::FrozenSet => {
                let members = self.set_members(v);
                if members.is_empty() {
                    return Ok(format!("{tn}()"));
                }
                let mut inner = String::new();
                for (i, x) in members.iter().enumerate() {
                    if i > 0 {
                        inner.push_str(", ");
                    }
                    inner.push_str(&self.repr_string(*x)?);
                }
                if kind == Kind::Set && tn == "set" {
                    return Ok(format!("{{{inner}}}"));
                }
                return Ok(format!("{tn}({{{inner}}})"));
            }
            Kind::DictView => {
                let dv = obj::<DictViewObj>(v);
                let (d, which) = (dv.dict, dv.which);
                let mut parts = Vec::new();
                let mut pos = 0;
                while let Some((p, k, x)) = self.dict_next(d, pos) {
                    pos = p;
                    let s = match which {
                        0 => self.repr_string(k)?,
                        1 => self.repr_string(x)?,
                        _ => format!("({}, {})", self.repr_string(k)?, self.repr_string(x)?),
                    };
                    parts.push(s);
                }
                return Ok(format!("{tn}([{}])", parts.join(", ")));
            }
            _ => unreachable!("container_repr on a non-container"),
        }
        Ok(out)
    }

    /// RecursionError "maximum recursion depth exceeded while ...".
    pub fn recursion_error_while(&mut self, what: &str) -> PyErr {
        let c = self.exc.recursion_error;
        self.error(c, format!("maximum recursion depth exceeded while {what}"))
    }

    /// `format(v, spec)`: `__format__` of user classes, the format mini-language for builtins.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let n = self.rt.names.__format__;
        if let Some(f) = self.user_dunder(v, n) {
            let r = self.call_method_value(f, v, &[spec])?;
            if !is::<StrObj>(r) {
                return Err(self.type_error(format!(
                    "__format__ must return a str, not {}",
                    self.tname(r)
                )));
            }
            return Ok(r);
        }
        if cast::<StrObj>(v).is_some_and(|s| s.wide.is_some()) {
            return crate::builtins::str_type::format_wide(self, v, spec);
        }
        let spec_s = self.str_exact(spec)?.to_string();
        let s = self.native_format(v, &spec_s)?;
        self.new_string(s)
    }

    /// The builtin `__format__` of ints, floats, complexes, strs and `object`.
    pub fn native_format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let tn = self.tname(v).to_string();
        let r = match self.as_num(v) {
            Some(Num::Int(i)) if v != Value::TRUE && v != Value::FALSE || !spec.is_empty() => {
                let ps = numeric::format_spec::parse_format_spec(spec, &tn)
                    .map_err(|e| self.num_error(e))?;
                numeric::format_spec::format_int(&BigInt::from(i), &ps, &tn)
            }
            Some(Num::Big(b)) => {
                let ps = numeric::format_spec::parse_format_spec(spec, &tn)
                    .map_err(|e| self.num_error(e))?;
                numeric::format_spec::format_int(b, &ps, &tn)
            }
            Some(Num::Float(x)) => {
                let ps = numeric::format_spec::parse_format_spec(spec, &tn)
                    .map_err(|e| self.num_error(e))?;
                numeric::format_spec::format_float(x, &ps, &tn)
            }
            Some(Num::Complex(re, im)) => {
                let ps = numeric::format_spec::parse_format_spec(spec, &tn)
                    .map_err(|e| self.num_error(e))?;
                numeric::format_spec::format_complex(re, im, &ps)
            }
            _ => {
                if is::<StrObj>(v) {
                    let text = self.str_exact(v)?;
                    let ps = numeric::format_spec::parse_format_spec(spec, &tn)
                        .map_err(|e| self.num_error(e))?;
                    numeric::format_spec::format_str(text, &ps)
                } else {
                    if !spec.is_empty() {
                        return Err(self.type_error(format!(
                            "unsupported format string passed to {tn}.__format__"
                        )));
                    }
                    return self.str_string(v);
                }
            }
        };
        r.map_err(|e| self.num_error(e))
    }
}
