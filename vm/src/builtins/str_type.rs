//! `str`: construction, subscripting, `%` formatting and the dunders reachable by name
//! (`str.__eq__`, `str.__len__`...); the named methods are in `str_methods`, `format` in `str_format`.
//!
//! Strings are immutable `StrObj`s holding UTF-8 with a cached code-point length; indices are code-point
//! indices (`text::strops` converts). Methods never run Python code except where the protocol says so
//! (`str(x)` calls `__str__`, `%s`/`%r` call `str`/`repr`, `join` iterates).

use crate::access::Mode;
use crate::bytecode::CmpOp;
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::numeric::printf::{self, Count, Piece};
use crate::object::*;
use crate::text::strops;
use crate::value::Value;
use num_bigint::BigInt;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.str;
    vm.def_static(t, "__new__", str_new)?;
    vm.def_method(t, "__len__", str_len)?;
    vm.def_method(t, "__contains__", str_contains)?;
    vm.def_method(t, "__getitem__", str_getitem_m)?;
    vm.def_method(t, "__add__", str_add)?;
    vm.def_method(t, "__mul__", str_mul)?;
    vm.def_method(t, "__rmul__", str_mul)?;
    vm.def_method(t, "__mod__", str_mod)?;
    vm.def_method(t, "__rmod__", str_rmod)?;
    vm.def_method(t, "__eq__", str_eq)?;
    vm.def_method(t, "__ne__", str_ne)?;
    vm.def_method(t, "__lt__", str_lt)?;
    vm.def_method(t, "__le__", str_le)?;
    vm.def_method(t, "__gt__", str_gt)?;
    vm.def_method(t, "__ge__", str_ge)?;
    vm.def_method(t, "__hash__", str_hash_m)?;
    vm.def_method(t, "__iter__", str_iter)?;
    vm.def_method(t, "__format__", str_format_m)?;
    vm.def_method(t, "__repr__", str_repr_m)?;
    vm.def_method(t, "__str__", str_str_m)?;
    vm.def_method(t, "__getnewargs__", str_getnewargs)?;
    vm.def_method(t, "__sizeof__", str_sizeof)?;
    super::str_methods::register(vm)?;
    super::str_format::register(vm)?;
    Ok(())
}

/// Does any of `vals` (strs) have lone surrogates (`StrObj::wide`)?
#[inline]
pub fn has_wide_str(vals: &[Value]) -> bool {
    vals.iter()
        .any(|v| cast::<StrObj>(*v).is_some_and(|s| s.wide.is_some()))
}

/// The code points of a str.
pub fn code_points(s: &StrObj) -> std::borrow::Cow<'_, [u32]> {
    match s.wide() {
        Some(w) => std::borrow::Cow::Borrowed(w),
        None => std::borrow::Cow::Owned(s.s.chars().map(|c| c as u32).collect()),
    }
}

/// `needle in hay` for two strs.
pub fn str_in(needle: Value, hay: Value) -> bool {
    let (h, n) = (obj::<StrObj>(hay), obj::<StrObj>(needle));
    if h.wide.is_none() && n.wide.is_none() {
        return h.s.contains(&*n.s);
    }
    contains_cps(&code_points(h), &code_points(n))
}

/// Is `needle` a contiguous part of `hay` (code points)?
fn contains_cps(hay: &[u32], needle: &[u32]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

impl<M: Mode> Vm<M> {
    /// The concatenation of the strs `parts` (any of them may have lone surrogates).
    pub fn str_concat(&mut self, parts: &[Value]) -> PyResult<Value> {
        let mut b = crate::text::wide::TextBuilder::default();
        for v in parts {
            let so = obj::<StrObj>(*v);
            match so.wide() {
                Some(w) => b.push_code_points(w),
                None => b.push_str(&so.s),
            }
        }
        self.new_text(b.finish())
    }

    /// `s * n` for a str with lone surrogates.
    pub fn str_repeat_wide(&mut self, s: Value, n: i64) -> PyResult<Value> {
        let w = code_points(obj::<StrObj>(s)).into_owned();
        let n = n.max(0) as usize;
        if w.len()
            .checked_mul(n)
            .is_none_or(|t| t > isize::MAX as usize / 4)
        {
            return Err(self.memory_error());
        }
        self.new_wide_of(self.types.str, w.repeat(n))
    }

    /// The exact text of the str `v` as a Rust string, or Python's UnicodeEncodeError ("surrogates not
    /// allowed", as CPython raises when such a str must become UTF-8) if it has lone surrogates.
    pub fn str_exact<'a>(&mut self, v: Value) -> PyResult<&'a str> {
        let so = obj::<StrObj>(v);
        match so.wide() {
            None => Ok(&so.s),
            Some(w) => {
                let e = crate::text::codecs::encode_wide(w, "utf-8", "strict")
                    .err()
                    .unwrap_or(crate::text::TextError::Value(
                        "surrogates not allowed".into(),
                    ));
                Err(self.text_error(e))
            }
        }
    }

    /// The error for an operation Weft does not implement on strs with lone surrogates.
    pub fn surrogates_unsupported(&mut self, what: &str) -> crate::interp::PyErr {
        let c = self.exc.not_implemented_error;
        self.error(
            c,
            format!("{what} of a str containing lone surrogates is not supported by Weft"),
        )
    }
}

/// Where [`via_placeholders`] maps the lone surrogates U+D800..U+DFFF: the first 2048 code points of
/// Supplementary Private Use Area-A.
const PLACEHOLDER_BASE: u32 = 0xf0000;

fn is_placeholder(cp: u32) -> bool {
    (PLACEHOLDER_BASE..PLACEHOLDER_BASE + 0x800).contains(&cp)
}

/// Runs the str method `f` (which works on Rust strs) on arguments some of which are strs with lone
/// surrogates: each surrogate becomes a private-use placeholder, `f` runs on the placeholder strs, and
/// placeholders in its result (a str, or a list/tuple of strs) become surrogates again. Exact for
/// methods that treat both as uncased, non-space, non-digit, non-printable single code points (case
/// mapping, predicates, searching, splitting, stripping, padding), provided no argument already
/// holds a placeholder code point; otherwise NotImplementedError.
pub(crate) fn via_placeholders<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kw: &[Value],
    name: &str,
    f: crate::interp::NativeFn<M>,
) -> PyResult<Value> {
    for &a in args {
        if cast::<StrObj>(a).is_some_and(|so| code_points(so).iter().any(|&c| is_placeholder(c))) {
            return Err(
                vm.surrogates_unsupported(&format!("str.{name}() (with private-use characters)"))
            );
        }
    }
    let base = vm.temp_roots.len();
    let r = (|| {
        let mut subst = Vec::with_capacity(args.len());
        for &a in args {
            let Some(w) = cast::<StrObj>(a).and_then(|so| so.wide()) else {
                subst.push(a);
                continue;
            };
            let s: String = w
                .iter()
                .map(|&c| {
                    let c = if crate::text::wide::is_surrogate(c) {
                        PLACEHOLDER_BASE + (c - 0xd800)
                    } else {
                        c
                    };
                    char::from_u32(c).unwrap_or('\u{fffd}')
                })
                .collect();
            let v = vm.new_string(s)?;
            vm.temp_roots.push(v);
            subst.push(v);
        }
        let r = f(vm, &subst, kw)?;
        vm.temp_roots.push(r);
        if is::<StrObj>(r) {
            return placeholders_back(vm, r);
        }
        if !is::<ListObj>(r) && !is::<TupleObj>(r) {
            return Ok(r);
        }
        let items = if is::<ListObj>(r) {
            vm.list_snapshot(r)
        } else {
            obj::<TupleObj>(r).as_slice().to_vec()
        };
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let b = placeholders_back(vm, it)?;
            vm.temp_roots.push(b);
            out.push(b);
        }
        if is::<ListObj>(r) {
            vm.new_list(&out)
        } else {
            vm.new_tuple(&out)
        }
    })();
    vm.temp_roots.truncate(base);
    r
}

/// `format(s, spec)` of a str `s` with lone surrogates (padding and truncation count them as one
/// character each, as CPython does).
pub(crate) fn format_wide<M: Mode>(vm: &mut Vm<M>, s: Value, spec: Value) -> PyResult<Value> {
    fn plain<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
        let spec_s = vm.str_exact(args[1])?.to_string();
        let r = vm.native_format(args[0], &spec_s)?;
        vm.new_string(r)
    }
    via_placeholders(vm, &[s, spec], &[], "__format__", plain::<M>)
}

/// `v` with the placeholders of [`via_placeholders`] turned back into lone surrogates (non-strs and
/// strs without placeholders unchanged).
fn placeholders_back<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Value> {
    let Some(so) = cast::<StrObj>(v) else {
        return Ok(v);
    };
    if !so.s.chars().any(|c| is_placeholder(c as u32)) {
        return Ok(v);
    }
    let cps: Vec<u32> =
        so.s.chars()
            .map(|c| {
                let c = c as u32;
                if is_placeholder(c) {
                    c - PLACEHOLDER_BASE + 0xd800
                } else {
                    c
                }
            })
            .collect();
    let c = vm.types.str;
    vm.new_wide_of(c, cps)
}

/// The receiver of a str dunder, checked like a method descriptor; `nargs` arguments follow it.
fn dunder_recv<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
    nargs: usize,
) -> PyResult<Value> {
    let v = super::str_methods::check_recv(vm, args, "str", name, is::<StrObj>)?;
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len() - 1;
    if n != nargs {
        let msg = if nargs == 0 {
            format!("expected 0 arguments, got {n}")
        } else {
            format!(
                "expected {nargs} argument{}, got {n}",
                if nargs == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(v)
}

fn str_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__len__", args, kw, 0)?;
    vm.new_int(obj::<StrObj>(s).char_len as i64)
}

fn str_contains<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__contains__", args, kw, 1)?;
    let x = args[1];
    if !is::<StrObj>(x) {
        let tn = vm.tname(x).to_string();
        return Err(vm.type_error(format!(
            "'in <string>' requires string as left operand, not {tn}"
        )));
    }
    Ok(Value::bool(str_in(x, s)))
}

fn str_getitem_m<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__getitem__", args, kw, 1)?;
    vm.str_getitem(s, args[1])
}

fn str_add<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__add__", args, kw, 1)?;
    let x = args[1];
    if !is::<StrObj>(x) {
        let tn = vm.tname(x).to_string();
        return Err(vm.type_error(format!("can only concatenate str (not \"{tn}\") to str")));
    }
    if has_wide_str(&[s, x]) {
        return vm.str_concat(&[s, x]);
    }
    let mut out = String::with_capacity(vm.str_of(s).len() + vm.str_of(x).len());
    out.push_str(vm.str_of(s));
    out.push_str(vm.str_of(x));
    vm.new_string(out)
}

fn str_mul<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__mul__", args, kw, 1)?;
    let n = super::str_methods::ssize_arg(vm, args[1])?;
    if has_wide_str(&[s]) {
        return vm.str_repeat_wide(s, n);
    }
    let r = strops::str_mul(vm.str_of(s), n).map_err(|e| vm.text_error(e))?;
    vm.new_string(r)
}

fn str_mod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__mod__", args, kw, 1)?;
    vm.str_percent_format(s, args[1])
}

fn str_rmod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__rmod__", args, kw, 1)?;
    if !is::<StrObj>(args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.str_percent_format(args[1], s)
}

fn str_cmp<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    op: CmpOp,
) -> PyResult<Value> {
    let s = dunder_recv(vm, name, args, kw, 1)?;
    let x = args[1];
    if !is::<StrObj>(x) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::bool(crate::interp::ops::cmp_ord(
        op,
        crate::interp::ops::str_cmp(s, x),
    )))
}

fn str_eq<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_cmp(vm, "__eq__", args, kw, CmpOp::Eq)
}

fn str_ne<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_cmp(vm, "__ne__", args, kw, CmpOp::Ne)
}

fn str_lt<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_cmp(vm, "__lt__", args, kw, CmpOp::Lt)
}

fn str_le<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_cmp(vm, "__le__", args, kw, CmpOp::Le)
}

fn str_gt<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_cmp(vm, "__gt__", args, kw, CmpOp::Gt)
}

fn str_ge<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    str_cmp(vm, "__ge__", args, kw, CmpOp::Ge)
}

fn str_hash_m<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__hash__", args, kw, 0)?;
    let h = vm.str_hash(s);
    vm.new_int(h)
}

fn str_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__iter__", args, kw, 0)?;
    let c = vm.types.str_iterator;
    // Lone surrogates: by index through `str_getitem` (IterKind::Str walks the UTF-8 `s`).
    let k = if has_wide_str(&[s]) {
        IterKind::Seq
    } else {
        IterKind::Str
    };
    vm.new_iter(c, k, s, Value::NULL, 0, 0)
}

fn str_format_m<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = super::str_methods::check_recv(vm, args, "str", "__format__", is::<StrObj>)?;
    vm.check_method_args("__format__", args, kw, 1, 1)?;
    let spec = args[1];
    if !is::<StrObj>(spec) {
        let tn = vm.tname(spec).to_string();
        return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
    }
    if has_wide_str(&[s]) {
        return format_wide(vm, s, spec);
    }
    let spec_s = vm.str_exact(spec)?.to_string();
    let r = vm.native_format(s, &spec_s)?;
    vm.new_string(r)
}

fn str_repr_m<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__repr__", args, kw, 0)?;
    let r = vm.str_repr_string(s);
    vm.new_string(r)
}

fn str_str_m<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__str__", args, kw, 0)?;
    if vm.type_of(s) == vm.types.str {
        return Ok(s);
    }
    if let Some(w) = obj::<StrObj>(s).wide() {
        return vm.new_wide_of(vm.types.str, w.to_vec());
    }
    let t = vm.str_of(s);
    vm.new_str(t)
}

fn str_getnewargs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__getnewargs__", args, kw, 0)?;
    let c = match obj::<StrObj>(s).wide() {
        Some(w) => vm.new_wide_of(vm.types.str, w.to_vec())?,
        None => {
            let t = vm.str_of(s);
            vm.new_str(t)?
        }
    };
    vm.new_tuple(&[c])
}

fn str_sizeof<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = dunder_recv(vm, "__sizeof__", args, kw, 0)?;
    let so = obj::<StrObj>(s);
    // CPython's compact layouts: 40 bytes of header for ASCII, 56 otherwise, plus the code units.
    let max = code_points(so).iter().copied().max().unwrap_or(0);
    let n = so.char_len as i64;
    let size = if max < 128 {
        49 + n
    } else if max < 256 {
        73 + n
    } else if max < 65536 {
        74 + 2 * n
    } else {
        76 + 4 * n
    };
    vm.new_int(size)
}

/// `str(object='')`, `str(bytes, encoding, errors)`.
fn str_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    if !is::<TypeObj>(cls) || !vm.is_subtype(cls, vm.types.str) {
        let n = if is::<TypeObj>(cls) {
            vm.type_name(cls).to_string()
        } else {
            vm.tname(cls).to_string()
        };
        return Err(vm.type_error(format!("str.__new__({n}): {n} is not a subtype of str")));
    }
    let a = vm.parse_args(
        "str",
        &args[1..],
        kwnames,
        &["object", "encoding", "errors"],
        0,
        3,
        0,
    )?;
    let s = if a[0].is_null() {
        vm.intern("")
    } else if a[1].is_null() && a[2].is_null() {
        vm.str(a[0])?
    } else {
        let enc = if a[1].is_null() {
            "utf-8".to_string()
        } else {
            vm.expect_str(a[1], "str() argument 'encoding'")?
                .to_string()
        };
        let errors = if a[2].is_null() {
            "strict".to_string()
        } else {
            vm.expect_str(a[2], "str() argument 'errors'")?.to_string()
        };
        let bytes: Vec<u8> = if let Some(b) = cast::<BytesObj>(a[0]) {
            b.b.to_vec()
        } else if let Some(b) = cast::<ByteArrayObj>(a[0]) {
            b.b.lock().unwrap().clone()
        } else {
            let tn = vm.tname(a[0]).to_string();
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {tn} found"
            )));
        };
        let d = crate::text::codecs::decode_text(&bytes, &enc, &errors)
            .map_err(|e| vm.text_error(e))?;
        vm.new_text(d)?
    };
    if cls == vm.types.str {
        return Ok(s);
    }
    let so = obj::<StrObj>(s);
    if let Some(w) = so.wide() {
        return vm.new_wide_of(cls, w.to_vec());
    }
    let text = so.s.to_string();
    let char_len = so.char_len;
    vm.alloc_with_dict(
        cls,
        StrObj {
            header: Vm::<M>::hdr(),
            hash: std::sync::atomic::AtomicI64::new(0),
            char_len,
            s: text.into_boxed_str(),
            wide: None,
        },
        0,
    )
}

impl<M: Mode> Vm<M> {
    /// `s[k]` for an int index or a slice.
    pub fn str_getitem(&mut self, s: Value, k: Value) -> PyResult<Value> {
        let so = obj::<StrObj>(s);
        let len = so.char_len;
        if let Some(w) = so.wide() {
            let cps: Vec<u32> = if is::<SliceObj>(k) {
                let (start, _stop, step, n) = self.slice_indices(k, len)?;
                (0..n)
                    .map(|i| w[(start + i as i64 * step) as usize])
                    .collect()
            } else {
                if !self.is_int(k) && !self.has_index(k) {
                    let tn = self.tname(k).to_string();
                    return Err(
                        self.type_error(format!("string indices must be integers, not '{tn}'"))
                    );
                }
                vec![w[self.seq_index(k, len, "string")?]]
            };
            return self.new_wide_of(self.types.str, cps);
        }
        if let Some(sl) = cast::<SliceObj>(k) {
            let _ = sl;
            let (start, _stop, step, n) = self.slice_indices(k, len)?;
            let text = &so.s;
            let out: String = if step == 1 {
                strops::substring(text, start as usize, start as usize + n).to_string()
            } else {
                let chars: Vec<char> = text.chars().collect();
                (0..n)
                    .map(|i| chars[(start + i as i64 * step) as usize])
                    .collect()
            };
            return self.new_string(out);
        }
        if !self.is_int(k) && !self.has_index(k) {
            let tn = self.tname(k).to_string();
            return Err(self.type_error(format!("string indices must be integers, not '{tn}'")));
        }
        let i = self.seq_index(k, len, "string")?;
        let c = strops::char_at(&so.s, i).unwrap_or('\0');
        let mut buf = [0u8; 4];
        self.char_str(c.encode_utf8(&mut buf))
    }

    /// Does `v`'s type define `__index__`?
    pub fn has_index(&mut self, v: Value) -> bool {
        if v.is_float() {
            return false;
        }
        let t = self.type_of(v);
        let n = self.rt.names.__index__;
        self.type_lookup(t, n).is_some()
    }

    /// `fmt % args` for str.
    pub fn str_percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        if has_wide_str(&[fmt]) {
            return Err(self.surrogates_unsupported("%-formatting"));
        }
        let f = self.str_of(fmt);
        let out = self.percent_format(f, args, false)?;
        self.new_string(out)
    }

    /// `fmt % args` for bytes/bytearray (the result has `fmt`'s kind): `%b`/`%s` take bytes-like
    /// objects (or `__bytes__`), `%r`/`%a` give `ascii()`, `%c` an int or a single byte.
    pub fn bytes_percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let data = self.bytes_data(fmt);
        let text: String = data.iter().map(|b| *b as char).collect();
        let out = self.percent_format(&bytes_b_to_s(&text), args, true)?;
        let b: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
        if is::<ByteArrayObj>(fmt) {
            self.new_bytearray(&b)
        } else {
            self.new_bytes(&b)
        }
    }

    /// `%` formatting of `f` (for bytes: latin-1 text, `%b` already rewritten to `%s`).
    fn percent_format(&mut self, f: &str, args: Value, bytes_mode: bool) -> PyResult<String> {
        let pieces = printf::parse_printf(f).map_err(|e| self.num_error(e))?;
        let is_mapping = !is::<TupleObj>(args)
            && !is::<StrObj>(args)
            && !is::<BytesObj>(args)
            && !is::<ByteArrayObj>(args)
            && args.is_ptr()
            && (is::<DictObj>(args) || {
                let t = self.type_of(args);
                let gi = self.rt.names.__getitem__;
                self.type_lookup(t, gi).is_some()
            });
        let items: Vec<Value> = match cast::<TupleObj>(args) {
            Some(t) => t.as_slice().to_vec(),
            None => vec![args],
        };
        let mut next = 0usize;
        let mut out = String::new();
        let mut used_mapping = false;
        for p in pieces {
            let spec = match p {
                Piece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                Piece::Spec(s) => s,
            };
            let mut take = |vm: &mut Self| -> PyResult<Value> {
                if next < items.len() {
                    next += 1;
                    Ok(items[next - 1])
                } else {
                    Err(vm.type_error("not enough arguments for format string"))
                }
            };
            let mut spec = spec;
            let width = match spec.width {
                Count::N(n) => Some(n),
                Count::Star => {
                    let w = take(self)?;
                    if !self.is_int(w) {
                        return Err(self.type_error("* wants int"));
                    }
                    let w = self.index_value(w)?;
                    if w < 0 {
                        spec.minus = true;
                    }
                    Some(w.unsigned_abs() as usize)
                }
                Count::None => None,
            };
            let precision = match spec.precision {
                Count::N(n) => Some(n),
                Count::Star => {
                    let w = take(self)?;
                    if !self.is_int(w) {
                        return Err(self.type_error("* wants int"));
                    }
                    Some(self.index_value(w)?.max(0) as usize)
                }
                Count::None => None,
            };
            let v = match &spec.key {
                Some(k) => {
                    if !is_mapping {
                        return Err(self.type_error("format requires a mapping"));
                    }
                    used_mapping = true;
                    let kv = if bytes_mode {
                        let b: Vec<u8> = k.chars().map(|c| c as u32 as u8).collect();
                        self.new_bytes(&b)?
                    } else {
                        self.new_str(k)?
                    };
                    self.temp_roots.push(kv);
                    let r = self.getitem(args, kv);
                    self.temp_roots.pop();
                    r?
                }
                None => take(self)?,
            };
            let piece = match spec.conv {
                's' if bytes_mode => {
                    let b = self.percent_bytes_arg(v)?;
                    let s: String = b.iter().map(|c| *c as char).collect();
                    printf::printf_str(&s, &spec, width, precision)
                }
                'r' | 'a' if bytes_mode => {
                    let sv = self.ascii(v)?;
                    let s = self.str_of(sv).to_string();
                    printf::printf_str(&s, &spec, width, precision)
                }
                'c' if bytes_mode => {
                    let b = match cast::<BytesObj>(v) {
                        Some(b) if b.b.len() == 1 => b.b[0],
                        _ if is::<ByteArrayObj>(v) && self.bytes_data(v).len() == 1 => {
                            self.bytes_data(v)[0]
                        }
                        _ if self.is_int(v) => match self.index_value(v) {
                            Ok(i) if (0..256).contains(&i) => i as u8,
                            _ => return Err(self.overflow_error("%c arg not in range(256)")),
                        },
                        _ => {
                            return Err(self.type_error(
                                "%c requires an integer in range(256) or a single byte",
                            ))
                        }
                    };
                    let s = (b as char).to_string();
                    printf::printf_str(&s, &spec, width, None)
                }
                's' | 'r' | 'a' => {
                    let sv = match spec.conv {
                        's' => self.str(v)?,
                        'r' => self.repr(v)?,
                        _ => self.ascii(v)?,
                    };
                    // `%s` of a str with lone surrogates: Weft formats Rust strs only.
                    if has_wide_str(&[sv]) {
                        return Err(self.surrogates_unsupported("%-formatting"));
                    }
                    let s = self.str_of(sv).to_string();
                    printf::printf_str(&s, &spec, width, precision)
                }
                'c' => {
                    let c = if let Some(s) = cast::<StrObj>(v) {
                        if s.char_len != 1 {
                            return Err(self.type_error("%c requires int or char"));
                        }
                        if s.wide.is_some() {
                            return Err(self.surrogates_unsupported("%-formatting"));
                        }
                        s.s.to_string()
                    } else if self.is_int(v) {
                        let i = self.index_value(v)?;
                        match u32::try_from(i).ok().and_then(char::from_u32) {
                            Some(c) => c.to_string(),
                            None if (0..0x110000).contains(&i) => {
                                return Err(self.surrogates_unsupported("%-formatting"))
                            }
                            None => {
                                return Err(self.overflow_error("%c arg not in range(0x110000)"))
                            }
                        }
                    } else {
                        return Err(self.type_error("%c requires int or char"));
                    };
                    printf::printf_str(&c, &spec, width, None)
                }
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                    let b = match self.as_num(v) {
                        Some(Num::Int(i)) => BigInt::from(i),
                        Some(Num::Big(b)) => b.clone(),
                        Some(Num::Float(x)) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                            crate::numeric::arith::f64_to_bigint(x.trunc())
                                .map_err(|e| self.num_error(e))?
                        }
                        _ => {
                            let tn = self.tname(v).to_string();
                            let msg = if matches!(spec.conv, 'd' | 'i' | 'u') {
                                format!(
                                    "%{} format: a real number is required, not {tn}",
                                    spec.conv
                                )
                            } else {
                                format!("%{} format: an integer is required, not {tn}", spec.conv)
                            };
                            return Err(self.type_error(msg));
                        }
                    };
                    printf::printf_int(&b, &spec, width, precision)
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let x = match self.as_num(v) {
                        Some(Num::Int(i)) => i as f64,
                        Some(Num::Big(b)) => crate::numeric::arith::bigint_to_f64(b)
                            .map_err(|e| self.num_error(e))?,
                        Some(Num::Float(x)) => x,
                        _ => {
                            let tn = self.tname(v).to_string();
                            return Err(self.type_error(format!("must be real number, not {tn}")));
                        }
                    };
                    printf::printf_float(x, &spec, width, precision)
                }
                c => return Err(self.value_error(format!("unsupported format character '{c}'"))),
            };
            out.push_str(&piece);
        }
        if next < items.len() && !used_mapping && !(is_mapping && items.len() == 1) {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(out)
    }

    /// The bytes a bytes `%s`/`%b` formats: a bytes-like object or `__bytes__()`.
    fn percent_bytes_arg(&mut self, v: Value) -> PyResult<Vec<u8>> {
        if is::<BytesObj>(v) || is::<ByteArrayObj>(v) {
            return Ok(self.bytes_data(v));
        }
        if v.is_ptr() {
            let n = self.intern("__bytes__");
            let t = self.type_of(v);
            if let Some(f) = self.type_lookup(t, n) {
                let r = self.call_method_value(f, v, &[])?;
                if !is::<BytesObj>(r) {
                    let tn = self.tname(r).to_string();
                    return Err(
                        self.type_error(format!("__bytes__ returned non-bytes (type {tn})"))
                    );
                }
                return Ok(self.bytes_data(r));
            }
        }
        let tn = self.tname(v).to_string();
        Err(self.type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
        )))
    }
}

/// Rewrites the `b` conversions of a printf-style format to `s` (bytes formatting treats them
/// alike), scanning specs the way `parse_printf` does; anything malformed is left for it to report.
fn bytes_b_to_s(f: &str) -> String {
    let mut chars: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'(') {
            let mut depth = 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
        }
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            i += 1;
        }
        while i < chars.len() && (chars[i] == '*' || chars[i].is_ascii_digit()) {
            i += 1;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            while i < chars.len() && (chars[i] == '*' || chars[i].is_ascii_digit()) {
                i += 1;
            }
        }
        if i < chars.len() && "hlL".contains(chars[i]) {
            i += 1;
        }
        if chars.get(i) == Some(&'b') {
            chars[i] = 's';
        }
        i += 1;
    }
    chars.into_iter().collect()
}
