//! The methods of `str` (`upper`, `split`, `find`, `join`, `translate`, the `is*` predicates...) and
//! the argument helpers they share with `bytes_methods`, with CPython 3.11's argument errors.
//!
//! The algorithms are the `crate::text::strops` kernels; this file only binds Python arguments to
//! them. Unbound calls (`str.upper(x)`) check their receiver like CPython's method descriptors.

use crate::access::Mode;
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::text::strops;
use crate::value::Value;

/// A str method that also accepts strs with lone surrogates, through
/// `str_type::via_placeholders` (the method itself sees placeholder code points instead).
macro_rules! wide_ok {
    ($py:literal, $f:ident) => {{
        fn w<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            if super::str_type::has_wide_str(args) {
                super::str_type::via_placeholders(vm, args, kw, $py, $f::<M>)
            } else {
                $f(vm, args, kw)
            }
        }
        w::<M>
    }};
}

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.str;
    vm.def_method(t, "upper", wide_ok!("upper", str_upper))?;
    vm.def_method(t, "lower", wide_ok!("lower", str_lower))?;
    vm.def_method(t, "casefold", wide_ok!("casefold", str_casefold))?;
    vm.def_method(t, "swapcase", wide_ok!("swapcase", str_swapcase))?;
    vm.def_method(t, "title", wide_ok!("title", str_title))?;
    vm.def_method(t, "capitalize", wide_ok!("capitalize", str_capitalize))?;
    vm.def_method(t, "isalpha", wide_ok!("isalpha", str_isalpha))?;
    vm.def_method(t, "isdigit", wide_ok!("isdigit", str_isdigit))?;
    vm.def_method(t, "isdecimal", wide_ok!("isdecimal", str_isdecimal))?;
    vm.def_method(t, "isnumeric", wide_ok!("isnumeric", str_isnumeric))?;
    vm.def_method(t, "isalnum", wide_ok!("isalnum", str_isalnum))?;
    vm.def_method(t, "isspace", wide_ok!("isspace", str_isspace))?;
    vm.def_method(t, "isprintable", wide_ok!("isprintable", str_isprintable))?;
    vm.def_method(t, "isascii", wide_ok!("isascii", str_isascii))?;
    vm.def_method(
        t,
        "isidentifier",
        wide_ok!("isidentifier", str_isidentifier),
    )?;
    vm.def_method(t, "isupper", wide_ok!("isupper", str_isupper))?;
    vm.def_method(t, "islower", wide_ok!("islower", str_islower))?;
    vm.def_method(t, "istitle", wide_ok!("istitle", str_istitle))?;
    vm.def_method(t, "find", wide_ok!("find", str_find))?;
    vm.def_method(t, "rfind", wide_ok!("rfind", str_rfind))?;
    vm.def_method(t, "index", wide_ok!("index", str_index))?;
    vm.def_method(t, "rindex", wide_ok!("rindex", str_rindex))?;
    vm.def_method(t, "count", wide_ok!("count", str_count))?;
    vm.def_method(t, "startswith", wide_ok!("startswith", str_startswith))?;
    vm.def_method(t, "endswith", wide_ok!("endswith", str_endswith))?;
    vm.def_method(t, "join", str_join)?;
    vm.def_method(t, "split", wide_ok!("split", str_split))?;
    vm.def_method(t, "rsplit", wide_ok!("rsplit", str_rsplit))?;
    vm.def_method(t, "splitlines", wide_ok!("splitlines", str_splitlines))?;
    vm.def_method(t, "strip", wide_ok!("strip", str_strip))?;
    vm.def_method(t, "lstrip", wide_ok!("lstrip", str_lstrip))?;
    vm.def_method(t, "rstrip", wide_ok!("rstrip", str_rstrip))?;
    vm.def_method(t, "replace", wide_ok!("replace", str_replace))?;
    vm.def_method(t, "center", wide_ok!("center", str_center))?;
    vm.def_method(t, "ljust", wide_ok!("ljust", str_ljust))?;
    vm.def_method(t, "rjust", wide_ok!("rjust", str_rjust))?;
    vm.def_method(t, "zfill", wide_ok!("zfill", str_zfill))?;
    vm.def_method(t, "expandtabs", wide_ok!("expandtabs", str_expandtabs))?;
    vm.def_method(t, "partition", wide_ok!("partition", str_partition))?;
    vm.def_method(t, "rpartition", wide_ok!("rpartition", str_rpartition))?;
    vm.def_method(
        t,
        "removeprefix",
        wide_ok!("removeprefix", str_removeprefix),
    )?;
    vm.def_method(
        t,
        "removesuffix",
        wide_ok!("removesuffix", str_removesuffix),
    )?;
    vm.def_method(t, "encode", str_encode)?;
    vm.def_method(t, "translate", str_translate)?;
    vm.def_static(t, "maketrans", str_maketrans)?;
    Ok(())
}

// ----- argument helpers (shared with bytes_methods) ------------------------------------------------

/// The receiver of a method of builtin type `ty` (named `tyname`), checked like a method descriptor:
/// "unbound method str.upper() needs an argument", "descriptor 'upper' for 'str' objects doesn't
/// apply to a 'int' object".
pub(crate) fn check_recv<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    tyname: &str,
    name: &str,
    ok: fn(Value) -> bool,
) -> PyResult<Value> {
    match args.first() {
        None => Err(vm.type_error(format!(
            "unbound method {tyname}.{name}() needs an argument"
        ))),
        Some(v) if ok(*v) => Ok(*v),
        Some(v) => {
            let tn = vm.tname(*v).to_string();
            Err(vm.type_error(format!(
                "descriptor '{name}' for '{tyname}' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// The receiver's text for a str method. These methods work on Rust strs, so a receiver or a
/// (top-level) str argument with lone surrogates is NotImplementedError rather than a wrong result.
fn recv<'a, M: Mode>(vm: &mut Vm<M>, args: &[Value], name: &str) -> PyResult<&'a str> {
    let v = check_recv(vm, args, "str", name, is::<StrObj>)?;
    if super::str_type::has_wide_str(args) {
        return Err(vm.surrogates_unsupported(&format!("str.{name}()")));
    }
    Ok(vm.str_of(v))
}

/// The text of a str nested in a method argument (a tuple item, a table value): NotImplementedError
/// for one with lone surrogates.
fn nested_str<'a, M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<&'a str> {
    if super::str_type::has_wide_str(&[v]) {
        return Err(vm.surrogates_unsupported(&format!("str.{name}()")));
    }
    Ok(vm.str_of(v))
}

/// Argument-count check of CPython's old-style methods: "find() takes at least 1 argument (0
/// given)", "find() takes at most 3 arguments (4 given)", "find() takes no keyword arguments".
/// Counts exclude the receiver `args[0]`.
pub(crate) fn check_counts<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(())
}

/// Binds a method's arguments (receiver excluded) to `params` with Argument Clinic's messages;
/// `Value::NULL` where not given.
pub(crate) fn bind_kw<M: Mode>(
    vm: &mut Vm<M>,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Value>> {
    let args = &args[1.min(args.len())..];
    let npos = args.len() - kwnames.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if npos + kwnames.len() > params.len() {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {} argument{} ({} given)",
            params.len(),
            plural(params.len()),
            npos + kwnames.len()
        )));
    }
    let mut out = vec![Value::NULL; params.len()];
    out[..npos].copy_from_slice(&args[..npos]);
    for (i, kn) in kwnames.iter().enumerate() {
        let k = vm.str_of(*kn);
        match params.iter().position(|p| *p == k) {
            Some(p) if out[p].is_null() => out[p] = args[npos + i],
            Some(p) => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    p + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(required) {
        if out[i].is_null() {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{p}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

/// A `start`/`end` argument (`_PyEval_SliceIndex`): None -> absent; ints clamp.
pub(crate) fn slice_arg<M: Mode>(vm: &mut Vm<M>, v: Option<&Value>) -> PyResult<Option<i64>> {
    let v = match v {
        None => return Ok(None),
        Some(v) if v.is_null() || *v == Value::NONE => return Ok(None),
        Some(v) => *v,
    };
    match vm.as_num(v) {
        Some(Num::Int(i)) => Ok(Some(i)),
        Some(Num::Big(b)) => Ok(Some(if num_traits::Signed::is_negative(b) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        Some(Num::Float(_)) | Some(Num::Complex(..)) => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
        None => {
            if vm.has_index(v) {
                Ok(Some(vm.index_value(v)?))
            } else {
                Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    }
}

/// An index-sized int argument (`Py_ssize_t`): OverflowError past 64 bits.
pub(crate) fn ssize_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<i64> {
    if let Some(Num::Big(_)) = vm.as_num(v) {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_value(v)
}

/// "must be str, not int" for a str argument.
fn str_arg<'a, M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<&'a str> {
    if is::<StrObj>(v) {
        nested_str(vm, v, "method")
    } else {
        let tn = vm.tname(v).to_string();
        Err(vm.type_error(format!("must be str, not {tn}")))
    }
}

/// A list of new strs.
fn str_list<M: Mode>(vm: &mut Vm<M>, parts: &[&str]) -> PyResult<Value> {
    let l = vm.new_list(&[])?;
    vm.temp_roots.push(l);
    let r = (|| {
        for p in parts {
            let s = vm.new_str(p)?;
            vm.list_append(l, s)?;
        }
        Ok(l)
    })();
    vm.temp_roots.pop();
    r
}

/// A 3-tuple of new strs.
fn str_triple<M: Mode>(vm: &mut Vm<M>, p: (&str, &str, &str)) -> PyResult<Value> {
    let a = vm.new_str(p.0)?;
    vm.temp_roots.push(a);
    let b = vm.new_str(p.1)?;
    vm.temp_roots.push(b);
    let c = vm.new_str(p.2);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    let c = c?;
    vm.new_tuple(&[a, b, c])
}

// ----- no-argument methods -------------------------------------------------------------------------

macro_rules! str_map {
    ($fname:ident, $py:literal, $f:path) => {
        fn $fname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let s = recv(vm, args, $py)?;
            vm.check_method_args(concat!("str.", $py), args, kw, 0, 0)?;
            let r = $f(s);
            vm.new_string(r)
        }
    };
}

macro_rules! str_pred {
    ($fname:ident, $py:literal, $f:path) => {
        fn $fname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let s = recv(vm, args, $py)?;
            vm.check_method_args(concat!("str.", $py), args, kw, 0, 0)?;
            Ok(Value::bool($f(s)))
        }
    };
}

str_map!(str_upper, "upper", strops::upper);
str_map!(str_lower, "lower", strops::lower);
str_map!(str_casefold, "casefold", strops::casefold);
str_map!(str_swapcase, "swapcase", strops::swapcase);
str_map!(str_title, "title", strops::title);
str_map!(str_capitalize, "capitalize", strops::capitalize);
str_pred!(str_isalpha, "isalpha", strops::isalpha);
str_pred!(str_isdigit, "isdigit", strops::isdigit);
str_pred!(str_isdecimal, "isdecimal", strops::isdecimal);
str_pred!(str_isnumeric, "isnumeric", strops::isnumeric);
str_pred!(str_isalnum, "isalnum", strops::isalnum);
str_pred!(str_isspace, "isspace", strops::isspace);
str_pred!(str_isprintable, "isprintable", strops::isprintable);
str_pred!(str_isascii, "isascii", strops::isascii);
str_pred!(str_isidentifier, "isidentifier", strops::isidentifier);
str_pred!(str_isupper, "isupper", strops::isupper);
str_pred!(str_islower, "islower", strops::islower);
str_pred!(str_istitle, "istitle", strops::istitle);

// ----- searching -----------------------------------------------------------------------------------

/// `(sub, start, end)` of find/rfind/index/rindex/count.
fn find_args<'a, M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<(&'a str, &'a str, Option<i64>, Option<i64>)> {
    let s = recv(vm, args, name)?;
    check_counts(vm, name, args, kw, 1, 3)?;
    let sub = str_arg(vm, args[1])?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    Ok((s, sub, start, end))
}

fn str_find<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, "find", args, kw)?;
    vm.new_int(strops::find(s, sub, a, b))
}

fn str_rfind<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, "rfind", args, kw)?;
    vm.new_int(strops::rfind(s, sub, a, b))
}

fn str_index<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, "index", args, kw)?;
    let r = strops::index(s, sub, a, b).map_err(|e| vm.text_error(e))?;
    vm.new_int(r)
}

fn str_rindex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, "rindex", args, kw)?;
    let r = strops::rindex(s, sub, a, b).map_err(|e| vm.text_error(e))?;
    vm.new_int(r)
}

fn str_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, "count", args, kw)?;
    vm.new_int(strops::count(s, sub, a, b) as i64)
}

fn starts_ends<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    check_counts(vm, name, args, kw, 1, 3)?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    let x = args[1];
    if let Some(t) = cast::<TupleObj>(x) {
        for it in t.as_slice() {
            if !is::<StrObj>(*it) {
                let tn = vm.tname(*it).to_string();
                return Err(
                    vm.type_error(format!("tuple for {name} must only contain str, not {tn}"))
                );
            }
            if f(s, nested_str(vm, *it, name)?, start, end) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    if !is::<StrObj>(x) {
        let tn = vm.tname(x).to_string();
        return Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {tn}"
        )));
    }
    Ok(Value::bool(f(s, vm.str_of(x), start, end)))
}

fn str_startswith<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, "startswith", args, kw, strops::startswith)
}

fn str_endswith<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, "endswith", args, kw, strops::endswith)
}

// ----- join / split / strip ------------------------------------------------------------------------

fn str_join<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let sepv = check_recv(vm, args, "str", "join", is::<StrObj>)?;
    let sep = vm.str_of(sepv);
    vm.check_method_args("str.join", args, kw, 1, 1)?;
    let it = args[1];
    let items = if let Some(t) = cast::<TupleObj>(it) {
        t.as_slice().to_vec()
    } else if is::<ListObj>(it) {
        vm.list_snapshot(it)
    } else {
        match vm.get_iter(it) {
            Ok(_) => vm.collect_iterable(it)?,
            Err(e) => {
                let te = vm.exc.type_error;
                if vm.err_matches(&e, te) {
                    return Err(vm.type_error("can only join an iterable"));
                }
                return Err(e);
            }
        }
    };
    let mut out = String::new();
    for (i, v) in items.iter().enumerate() {
        if !is::<StrObj>(*v) {
            let tn = vm.tname(*v).to_string();
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {tn} found"
            )));
        }
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(vm.str_of(*v));
    }
    if super::str_type::has_wide_str(&items) || super::str_type::has_wide_str(&[sepv]) {
        // Lone surrogates: join code points (`items` are all strs, checked above).
        let mut parts = Vec::with_capacity(2 * items.len());
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                parts.push(sepv);
            }
            parts.push(*v);
        }
        let l = vm.new_list(&parts)?;
        vm.temp_roots.push(l);
        let r = vm.str_concat(&parts);
        vm.temp_roots.pop();
        return r;
    }
    vm.new_string(out)
}

fn split_args<'a, M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<(&'a str, Option<&'a str>, i64)> {
    let s = recv(vm, args, name)?;
    let a = bind_kw(vm, name, args, kw, &["sep", "maxsplit"], 0)?;
    let sep = if a[0].is_null() || a[0] == Value::NONE {
        None
    } else if is::<StrObj>(a[0]) {
        Some(vm.str_of(a[0]))
    } else {
        let tn = vm.tname(a[0]).to_string();
        return Err(vm.type_error(format!("must be str or None, not {tn}")));
    };
    let maxsplit = if a[1].is_null() {
        -1
    } else {
        ssize_arg(vm, a[1])?
    };
    Ok((s, sep, maxsplit))
}

fn str_split<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sep, n) = split_args(vm, "split", args, kw)?;
    let parts = strops::split(s, sep, n).map_err(|e| vm.text_error(e))?;
    str_list(vm, &parts)
}

fn str_rsplit<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, sep, n) = split_args(vm, "rsplit", args, kw)?;
    let parts = strops::rsplit(s, sep, n).map_err(|e| vm.text_error(e))?;
    str_list(vm, &parts)
}

fn str_splitlines<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "splitlines")?;
    let a = bind_kw(vm, "splitlines", args, kw, &["keepends"], 0)?;
    let keep = if a[0].is_null() {
        false
    } else {
        ssize_arg(vm, a[0])? != 0
    };
    let parts = strops::splitlines(s, keep);
    str_list(vm, &parts)
}

fn strip_common<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: for<'x> fn(&'x str, Option<&str>) -> &'x str,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    vm.check_method_args(name, args, kw, 0, 1)?;
    let chars = match args.get(1) {
        None => None,
        Some(v) if *v == Value::NONE => None,
        Some(v) if is::<StrObj>(*v) => Some(vm.str_of(*v)),
        Some(_) => return Err(vm.type_error(format!("{name} arg must be None or str"))),
    };
    let r = f(s, chars);
    if r.len() == s.len() && vm.type_of(args[0]) == vm.types.str {
        return Ok(args[0]);
    }
    vm.new_str(r)
}

fn str_strip<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(vm, "strip", args, kw, strops::strip)
}

fn str_lstrip<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(vm, "lstrip", args, kw, strops::lstrip)
}

fn str_rstrip<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(vm, "rstrip", args, kw, strops::rstrip)
}

fn str_replace<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "replace")?;
    vm.check_method_args("replace", args, kw, 2, 3)?;
    let mut strs = [""; 2];
    for i in 0..2 {
        let v = args[i + 1];
        if !is::<StrObj>(v) {
            let tn = vm.tname(v).to_string();
            return Err(vm.type_error(format!(
                "replace() argument {} must be str, not {tn}",
                i + 1
            )));
        }
        strs[i] = vm.str_of(v);
    }
    let count = match args.get(3) {
        Some(c) => ssize_arg(vm, *c)?,
        None => -1,
    };
    let r = strops::replace(s, strs[0], strs[1], count);
    vm.new_string(r)
}

// ----- padding -------------------------------------------------------------------------------------

fn pad_common<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(&str, i64, char) -> String,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    vm.check_method_args(name, args, kw, 1, 2)?;
    let width = ssize_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(v) => match cast::<StrObj>(*v) {
            Some(so) if so.char_len == 1 => so.s.chars().next().unwrap_or(' '),
            Some(_) => {
                return Err(vm.type_error("The fill character must be exactly one character long"))
            }
            None => {
                let tn = vm.tname(*v).to_string();
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {tn}"
                )));
            }
        },
    };
    let r = f(s, width, fill);
    vm.new_string(r)
}

fn str_center<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, "center", args, kw, strops::center)
}

fn str_ljust<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, "ljust", args, kw, strops::ljust)
}

fn str_rjust<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, "rjust", args, kw, strops::rjust)
}

fn str_zfill<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "zfill")?;
    vm.check_method_args("str.zfill", args, kw, 1, 1)?;
    let w = ssize_arg(vm, args[1])?;
    let r = strops::zfill(s, w);
    vm.new_string(r)
}

fn str_expandtabs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "expandtabs")?;
    let a = bind_kw(vm, "expandtabs", args, kw, &["tabsize"], 0)?;
    let n = if a[0].is_null() {
        8
    } else {
        ssize_arg(vm, a[0])?
    };
    let r = strops::expandtabs(s, n);
    vm.new_string(r)
}

// ----- partition / prefixes ------------------------------------------------------------------------

fn str_partition<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "partition")?;
    vm.check_method_args("str.partition", args, kw, 1, 1)?;
    let sep = str_arg(vm, args[1])?;
    let p = strops::partition(s, sep).map_err(|e| vm.text_error(e))?;
    str_triple(vm, p)
}

fn str_rpartition<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "rpartition")?;
    vm.check_method_args("str.rpartition", args, kw, 1, 1)?;
    let sep = str_arg(vm, args[1])?;
    let p = strops::rpartition(s, sep).map_err(|e| vm.text_error(e))?;
    str_triple(vm, p)
}

fn prefix_common<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: for<'x> fn(&'x str, &str) -> &'x str,
) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    vm.check_method_args(&format!("str.{name}"), args, kw, 1, 1)?;
    let p = args[1];
    if !is::<StrObj>(p) {
        let tn = vm.tname(p).to_string();
        return Err(vm.type_error(format!("{name}() argument must be str, not {tn}")));
    }
    let r = f(s, vm.str_of(p));
    vm.new_str(r)
}

fn str_removeprefix<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    prefix_common(vm, "removeprefix", args, kw, strops::removeprefix)
}

fn str_removesuffix<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    prefix_common(vm, "removesuffix", args, kw, strops::removesuffix)
}

// ----- encode / translate --------------------------------------------------------------------------

/// The `encoding`/`errors` arguments of encode/decode/str()/bytes(), defaults applied.
pub(crate) fn codec_args<M: Mode>(
    vm: &mut Vm<M>,
    fname: &str,
    enc: Value,
    errors: Value,
) -> PyResult<(String, String)> {
    let mut out = [String::from("utf-8"), String::from("strict")];
    for (i, (v, pname)) in [(enc, "encoding"), (errors, "errors")].iter().enumerate() {
        if v.is_null() {
            continue;
        }
        if !is::<StrObj>(*v) {
            let tn = vm.tname(*v).to_string();
            return Err(vm.type_error(format!(
                "{fname}() argument '{pname}' must be str, not {tn}"
            )));
        }
        out[i] = vm.str_exact(*v)?.to_string();
    }
    let [e, r] = out;
    Ok((e, r))
}

fn str_encode<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let sv = check_recv(vm, args, "str", "encode", is::<StrObj>)?;
    let a = bind_kw(vm, "encode", args, kw, &["encoding", "errors"], 0)?;
    let (enc, errors) = codec_args(vm, "encode", a[0], a[1])?;
    let so = obj::<StrObj>(sv);
    let r = match so.wide() {
        Some(w) => crate::text::codecs::encode_wide(w, &enc, &errors),
        None => crate::text::codecs::encode(&so.s, &enc, &errors),
    };
    let b = r.map_err(|e| vm.text_error(e))?;
    vm.new_bytes(&b)
}

fn str_translate<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = recv(vm, args, "translate")?;
    vm.check_method_args("str.translate", args, kw, 1, 1)?;
    let table = args[1];
    let mut out = String::with_capacity(s.len());
    let lookup = vm.exc.lookup_error;
    for c in s.chars() {
        let k = Value::small_int(c as i64);
        let r = match vm.getitem(table, k) {
            Ok(r) => r,
            Err(e) => {
                if vm.err_matches(&e, lookup) {
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        if r == Value::NONE {
            continue;
        }
        if let Some(so) = cast::<StrObj>(r) {
            out.push_str(nested_str(vm, r, "translate")?);
            let _ = so;
        } else if vm.is_int(r) {
            let i = vm.index_value(r)?;
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    vm.new_string(out)
}

fn str_maketrans<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("maketrans", args, kw, 1, 3)?;
    let d = vm.new_dict()?;
    vm.temp_roots.push(d);
    let r = maketrans_fill(vm, args, d);
    vm.temp_roots.pop();
    r?;
    Ok(d)
}

fn maketrans_fill<M: Mode>(vm: &mut Vm<M>, args: &[Value], d: Value) -> PyResult<()> {
    if args.len() == 1 {
        let m = args[0];
        if !is::<DictObj>(m) {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        let mut pos = 0;
        while let Some((p, k, v)) = vm.dict_next(m, pos) {
            pos = p;
            let key = if let Some(so) = cast::<StrObj>(k) {
                if so.char_len != 1 {
                    return Err(
                        vm.value_error("string keys in translate table must be of length 1")
                    );
                }
                Value::small_int(
                    super::str_type::code_points(so)
                        .first()
                        .map_or(0, |&c| c as i64),
                )
            } else if vm.is_int(k) {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(());
    }
    let mut parts = [""; 3];
    for (i, v) in args.iter().enumerate() {
        if !is::<StrObj>(*v) {
            let tn = vm.tname(*v).to_string();
            return Err(vm.type_error(format!(
                "maketrans() argument {} must be str, not {tn}",
                i + 1
            )));
        }
        parts[i] = nested_str(vm, *v, "maketrans")?;
    }
    if strops::char_len(parts[0]) != strops::char_len(parts[1]) {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in parts[0].chars().zip(parts[1].chars()) {
        let k = Value::small_int(a as i64);
        let v = Value::small_int(b as i64);
        vm.dict_set(d, k, v)?;
    }
    for c in parts[2].chars() {
        let k = Value::small_int(c as i64);
        vm.dict_set(d, k, Value::NONE)?;
    }
    Ok(())
}
