//! The method family shared by `bytes` and `bytearray` (find/count/split/strip/replace/partition,
//! padding, case mapping, the `is*` predicates, `decode`, `hex`, `fromhex`, `maketrans`,
//! `translate`), over the `crate::text::bytesops` kernels.
//!
//! Every method is registered on both types; a method returning bytes returns the receiver's kind
//! (a bytearray method returns bytearrays). Argument errors follow CPython 3.11's wording.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::text::bytesops;
use crate::value::Value;

use super::str_methods::{bind_kw, check_counts, slice_arg, ssize_arg};

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    for t in [vm.types.bytes, vm.types.bytearray] {
        vm.def_method(t, "upper", b_upper)?;
        vm.def_method(t, "lower", b_lower)?;
        vm.def_method(t, "swapcase", b_swapcase)?;
        vm.def_method(t, "title", b_title)?;
        vm.def_method(t, "capitalize", b_capitalize)?;
        vm.def_method(t, "isalpha", b_isalpha)?;
        vm.def_method(t, "isdigit", b_isdigit)?;
        vm.def_method(t, "isalnum", b_isalnum)?;
        vm.def_method(t, "isspace", b_isspace)?;
        vm.def_method(t, "isascii", b_isascii)?;
        vm.def_method(t, "isupper", b_isupper)?;
        vm.def_method(t, "islower", b_islower)?;
        vm.def_method(t, "istitle", b_istitle)?;
        vm.def_method(t, "find", b_find)?;
        vm.def_method(t, "rfind", b_rfind)?;
        vm.def_method(t, "index", b_index)?;
        vm.def_method(t, "rindex", b_rindex)?;
        vm.def_method(t, "count", b_count)?;
        vm.def_method(t, "startswith", b_startswith)?;
        vm.def_method(t, "endswith", b_endswith)?;
        vm.def_method(t, "join", b_join)?;
        vm.def_method(t, "split", b_split)?;
        vm.def_method(t, "rsplit", b_rsplit)?;
        vm.def_method(t, "splitlines", b_splitlines)?;
        vm.def_method(t, "strip", b_strip)?;
        vm.def_method(t, "lstrip", b_lstrip)?;
        vm.def_method(t, "rstrip", b_rstrip)?;
        vm.def_method(t, "replace", b_replace)?;
        vm.def_method(t, "center", b_center)?;
        vm.def_method(t, "ljust", b_ljust)?;
        vm.def_method(t, "rjust", b_rjust)?;
        vm.def_method(t, "zfill", b_zfill)?;
        vm.def_method(t, "expandtabs", b_expandtabs)?;
        vm.def_method(t, "partition", b_partition)?;
        vm.def_method(t, "rpartition", b_rpartition)?;
        vm.def_method(t, "removeprefix", b_removeprefix)?;
        vm.def_method(t, "removesuffix", b_removesuffix)?;
        vm.def_method(t, "decode", b_decode)?;
        vm.def_method(t, "hex", b_hex)?;
        vm.def_method(t, "translate", b_translate)?;
        vm.def_classmethod(t, "fromhex", b_fromhex)?;
        vm.def_static(t, "maketrans", b_maketrans)?;
    }
    Ok(())
}

/// Is `v` a bytes or bytearray (or subclass) instance?
pub(crate) fn is_bytes_like(v: Value) -> bool {
    is::<BytesObj>(v) || is::<ByteArrayObj>(v)
}

/// The receiver's bytes and whether it is a bytearray.
fn recv<M: Mode>(vm: &mut Vm<M>, args: &[Value], name: &str) -> PyResult<(Vec<u8>, bool)> {
    let tyname = match args.first() {
        Some(v) if is::<ByteArrayObj>(*v) => "bytearray",
        _ => "bytes",
    };
    let v = super::str_methods::check_recv(vm, args, tyname, name, is_bytes_like)?;
    Ok((vm.bytes_data(v), is::<ByteArrayObj>(v)))
}

/// A new bytes or bytearray.
pub(crate) fn make<M: Mode>(vm: &mut Vm<M>, ba: bool, b: &[u8]) -> PyResult<Value> {
    if ba {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
pub(crate) fn buf_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Vec<u8>> {
    if is_bytes_like(v) {
        return Ok(vm.bytes_data(v));
    }
    let tn = vm.tname(v).to_string();
    Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
}

/// An optional bytes-like argument (None or absent -> None).
fn opt_buf<M: Mode>(vm: &mut Vm<M>, v: Option<&Value>) -> PyResult<Option<Vec<u8>>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_null() || *v == Value::NONE => Ok(None),
        Some(v) => Ok(Some(buf_arg(vm, *v)?)),
    }
}

/// A byte value argument in range(0, 256), with `msg` for out-of-range values.
pub(crate) fn byte_value<M: Mode>(vm: &mut Vm<M>, v: Value, msg: &str) -> PyResult<u8> {
    if v.is_float() || !vm.is_int(v) && !vm.has_index(v) {
        let tn = vm.tname(v).to_string();
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let i = match vm.as_num(v) {
        Some(crate::interp::ops::Num::Big(_)) => -1,
        _ => vm.index_value(v)?,
    };
    if !(0..256).contains(&i) {
        return Err(vm.value_error(msg));
    }
    Ok(i as u8)
}

fn bytes_list<M: Mode>(vm: &mut Vm<M>, ba: bool, parts: &[&[u8]]) -> PyResult<Value> {
    let l = vm.new_list(&[])?;
    vm.temp_roots.push(l);
    let r = (|| {
        for p in parts {
            let s = make(vm, ba, p)?;
            vm.list_append(l, s)?;
        }
        Ok(l)
    })();
    vm.temp_roots.pop();
    r
}

fn bytes_triple<M: Mode>(vm: &mut Vm<M>, ba: bool, p: bytesops::Parts) -> PyResult<Value> {
    let mark = vm.temp_roots.len();
    let r = (|| {
        let a = make(vm, ba, p.0)?;
        vm.temp_roots.push(a);
        let b = make(vm, ba, p.1)?;
        vm.temp_roots.push(b);
        let c = make(vm, ba, p.2)?;
        vm.new_tuple(&[a, b, c])
    })();
    vm.temp_roots.truncate(mark);
    r
}

// ----- no-argument methods -------------------------------------------------------------------------

macro_rules! b_map {
    ($fname:ident, $py:literal, $f:path) => {
        fn $fname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let (b, ba) = recv(vm, args, $py)?;
            let tn = if ba { "bytearray." } else { "bytes." };
            vm.check_method_args(&format!("{tn}{}", $py), args, kw, 0, 0)?;
            let r = $f(&b);
            make(vm, ba, &r)
        }
    };
}

macro_rules! b_pred {
    ($fname:ident, $py:literal, $f:path) => {
        fn $fname<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let (b, ba) = recv(vm, args, $py)?;
            let tn = if ba { "bytearray." } else { "bytes." };
            vm.check_method_args(&format!("{tn}{}", $py), args, kw, 0, 0)?;
            Ok(Value::bool($f(&b)))
        }
    };
}

b_map!(b_upper, "upper", bytesops::upper);
b_map!(b_lower, "lower", bytesops::lower);
b_map!(b_swapcase, "swapcase", bytesops::swapcase);
b_map!(b_title, "title", bytesops::title);
b_map!(b_capitalize, "capitalize", bytesops::capitalize);
b_pred!(b_isalpha, "isalpha", bytesops::isalpha);
b_pred!(b_isdigit, "isdigit", bytesops::isdigit);
b_pred!(b_isalnum, "isalnum", bytesops::isalnum);
b_pred!(b_isspace, "isspace", bytesops::isspace);
b_pred!(b_isascii, "isascii", bytesops::isascii);
b_pred!(b_isupper, "isupper", bytesops::isupper);
b_pred!(b_islower, "islower", bytesops::islower);
b_pred!(b_istitle, "istitle", bytesops::istitle);

// ----- searching -----------------------------------------------------------------------------------

type FindArgs = (Vec<u8>, Vec<u8>, Option<i64>, Option<i64>);

fn find_args<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<FindArgs> {
    let (b, _) = recv(vm, args, name)?;
    check_counts(vm, name, args, kw, 1, 3)?;
    let x = args[1];
    let sub = if is_bytes_like(x) {
        vm.bytes_data(x)
    } else if vm.is_int(x) || vm.has_index(x) {
        vec![byte_value(vm, x, "byte must be in range(0, 256)")?]
    } else {
        let tn = vm.tname(x).to_string();
        return Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{tn}'"
        )));
    };
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    Ok((b, sub, start, end))
}

fn b_find<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, sub, s, e) = find_args(vm, "find", args, kw)?;
    vm.new_int(bytesops::find(&b, &sub, s, e))
}

fn b_rfind<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, sub, s, e) = find_args(vm, "rfind", args, kw)?;
    vm.new_int(bytesops::rfind(&b, &sub, s, e))
}

fn b_index<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, sub, s, e) = find_args(vm, "index", args, kw)?;
    let r = bytesops::index(&b, &sub, s, e).map_err(|e| vm.text_error(e))?;
    vm.new_int(r)
}

fn b_rindex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, sub, s, e) = find_args(vm, "rindex", args, kw)?;
    let r = bytesops::rindex(&b, &sub, s, e).map_err(|e| vm.text_error(e))?;
    vm.new_int(r)
}

fn b_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, sub, s, e) = find_args(vm, "count", args, kw)?;
    vm.new_int(bytesops::count(&b, &sub, s, e) as i64)
}

/// A prefix/suffix test kernel (`bytesops::startswith`/`endswith`).
type AffixTest = fn(&[u8], &[u8], Option<i64>, Option<i64>) -> bool;

fn starts_ends<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: AffixTest,
) -> PyResult<Value> {
    let (b, _) = recv(vm, args, name)?;
    check_counts(vm, name, args, kw, 1, 3)?;
    let start = slice_arg(vm, args.get(2))?;
    let end = slice_arg(vm, args.get(3))?;
    let x = args[1];
    if let Some(t) = cast::<TupleObj>(x) {
        for it in t.as_slice() {
            let p = buf_arg(vm, *it)?;
            if f(&b, &p, start, end) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    if !is_bytes_like(x) {
        let tn = vm.tname(x).to_string();
        return Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {tn}"
        )));
    }
    let p = vm.bytes_data(x);
    Ok(Value::bool(f(&b, &p, start, end)))
}

fn b_startswith<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, "startswith", args, kw, bytesops::startswith)
}

fn b_endswith<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, "endswith", args, kw, bytesops::endswith)
}

// ----- join / split / strip / replace --------------------------------------------------------------

fn b_join<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sep, ba) = recv(vm, args, "join")?;
    let tn = if ba { "bytearray.join" } else { "bytes.join" };
    vm.check_method_args(tn, args, kw, 1, 1)?;
    let it = args[1];
    let items = match vm.get_iter(it) {
        Ok(_) => vm.collect_iterable(it)?,
        Err(e) => {
            let te = vm.exc.type_error;
            if vm.err_matches(&e, te) {
                return Err(vm.type_error("can only join an iterable"));
            }
            return Err(e);
        }
    };
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        if !is_bytes_like(*v) {
            let tn = vm.tname(*v).to_string();
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {tn} found"
            )));
        }
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(vm.bytes_data(*v));
    }
    make(vm, ba, &out)
}

type SplitArgs = (Vec<u8>, bool, Option<Vec<u8>>, i64);

fn split_args<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<SplitArgs> {
    let (b, ba) = recv(vm, args, name)?;
    let a = bind_kw(vm, name, args, kw, &["sep", "maxsplit"], 0)?;
    let sep = opt_buf(vm, Some(&a[0]))?;
    let n = if a[1].is_null() {
        -1
    } else {
        ssize_arg(vm, a[1])?
    };
    Ok((b, ba, sep, n))
}

fn b_split<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba, sep, n) = split_args(vm, "split", args, kw)?;
    let parts = bytesops::split(&b, sep.as_deref(), n).map_err(|e| vm.text_error(e))?;
    bytes_list(vm, ba, &parts)
}

fn b_rsplit<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba, sep, n) = split_args(vm, "rsplit", args, kw)?;
    let parts = bytesops::rsplit(&b, sep.as_deref(), n).map_err(|e| vm.text_error(e))?;
    bytes_list(vm, ba, &parts)
}

fn b_splitlines<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "splitlines")?;
    let a = bind_kw(vm, "splitlines", args, kw, &["keepends"], 0)?;
    let keep = if a[0].is_null() {
        false
    } else {
        ssize_arg(vm, a[0])? != 0
    };
    let parts = bytesops::splitlines(&b, keep);
    bytes_list(vm, ba, &parts)
}

fn strip_common<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: for<'x> fn(&'x [u8], Option<&[u8]>) -> &'x [u8],
) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, name)?;
    vm.check_method_args(name, args, kw, 0, 1)?;
    let chars = opt_buf(vm, args.get(1))?;
    let r = f(&b, chars.as_deref());
    if !ba && r.len() == b.len() && vm.type_of(args[0]) == vm.types.bytes {
        return Ok(args[0]);
    }
    make(vm, ba, r)
}

fn b_strip<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(vm, "strip", args, kw, bytesops::strip)
}

fn b_lstrip<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(vm, "lstrip", args, kw, bytesops::lstrip)
}

fn b_rstrip<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(vm, "rstrip", args, kw, bytesops::rstrip)
}

fn b_replace<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "replace")?;
    vm.check_method_args("replace", args, kw, 2, 3)?;
    let old = buf_arg(vm, args[1])?;
    let new = buf_arg(vm, args[2])?;
    let count = match args.get(3) {
        Some(c) => ssize_arg(vm, *c)?,
        None => -1,
    };
    let r = bytesops::replace(&b, &old, &new, count);
    make(vm, ba, &r)
}

// ----- padding -------------------------------------------------------------------------------------

fn pad_common<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    f: fn(&[u8], i64, u8) -> Vec<u8>,
) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, name)?;
    vm.check_method_args(name, args, kw, 1, 2)?;
    let width = ssize_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => {
            let d = if is_bytes_like(*v) {
                vm.bytes_data(*v)
            } else {
                Vec::new()
            };
            if d.len() != 1 {
                let tn = vm.tname(*v).to_string();
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
            d[0]
        }
    };
    let r = f(&b, width, fill);
    make(vm, ba, &r)
}

fn b_center<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, "center", args, kw, bytesops::center)
}

fn b_ljust<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, "ljust", args, kw, bytesops::ljust)
}

fn b_rjust<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, "rjust", args, kw, bytesops::rjust)
}

fn b_zfill<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "zfill")?;
    let tn = if ba { "bytearray.zfill" } else { "bytes.zfill" };
    vm.check_method_args(tn, args, kw, 1, 1)?;
    let w = ssize_arg(vm, args[1])?;
    let r = bytesops::zfill(&b, w);
    make(vm, ba, &r)
}

fn b_expandtabs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "expandtabs")?;
    let a = bind_kw(vm, "expandtabs", args, kw, &["tabsize"], 0)?;
    let n = if a[0].is_null() {
        8
    } else {
        ssize_arg(vm, a[0])?
    };
    let r = bytesops::expandtabs(&b, n);
    make(vm, ba, &r)
}

// ----- partition / prefixes ------------------------------------------------------------------------

fn b_partition<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "partition")?;
    let tn = if ba { "bytearray" } else { "bytes" };
    vm.check_method_args(&format!("{tn}.partition"), args, kw, 1, 1)?;
    let sep = buf_arg(vm, args[1])?;
    let p = bytesops::partition(&b, &sep).map_err(|e| vm.text_error(e))?;
    bytes_triple(vm, ba, p)
}

fn b_rpartition<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "rpartition")?;
    let tn = if ba { "bytearray" } else { "bytes" };
    vm.check_method_args(&format!("{tn}.rpartition"), args, kw, 1, 1)?;
    let sep = buf_arg(vm, args[1])?;
    let p = bytesops::rpartition(&b, &sep).map_err(|e| vm.text_error(e))?;
    bytes_triple(vm, ba, p)
}

fn b_removeprefix<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "removeprefix")?;
    let tn = if ba { "bytearray" } else { "bytes" };
    vm.check_method_args(&format!("{tn}.removeprefix"), args, kw, 1, 1)?;
    let p = buf_arg(vm, args[1])?;
    let r = bytesops::removeprefix(&b, &p);
    make(vm, ba, r)
}

fn b_removesuffix<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "removesuffix")?;
    let tn = if ba { "bytearray" } else { "bytes" };
    vm.check_method_args(&format!("{tn}.removesuffix"), args, kw, 1, 1)?;
    let p = buf_arg(vm, args[1])?;
    let r = bytesops::removesuffix(&b, &p);
    make(vm, ba, r)
}

// ----- conversions ---------------------------------------------------------------------------------

fn b_decode<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, _) = recv(vm, args, "decode")?;
    let a = bind_kw(vm, "decode", args, kw, &["encoding", "errors"], 0)?;
    let (enc, errors) = super::str_methods::codec_args(vm, "decode", a[0], a[1])?;
    let s = crate::text::codecs::decode_text(&b, &enc, &errors).map_err(|e| vm.text_error(e))?;
    vm.new_text(s)
}

fn b_hex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, _) = recv(vm, args, "hex")?;
    let a = bind_kw(vm, "hex", args, kw, &["sep", "bytes_per_sep"], 0)?;
    let sep: Option<String> = if a[0].is_null() {
        None
    } else if let Some(so) = cast::<StrObj>(a[0]) {
        Some(so.s.to_string())
    } else if is_bytes_like(a[0]) {
        Some(vm.bytes_data(a[0]).iter().map(|c| *c as char).collect())
    } else {
        let tn = vm.tname(a[0]).to_string();
        return Err(vm.type_error(format!("object of type '{tn}' has no len()")));
    };
    let per = if a[1].is_null() {
        1
    } else {
        ssize_arg(vm, a[1])?
    };
    let r = bytesops::hex(&b, sep.as_deref(), per).map_err(|e| vm.text_error(e))?;
    vm.new_string(r)
}

fn b_fromhex<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    let tn = vm.type_name(cls).to_string();
    vm.check_method_args(&format!("{tn}.fromhex"), args, kw, 1, 1)?;
    let s = args[1];
    if !is::<StrObj>(s) {
        let an = vm.tname(s).to_string();
        return Err(vm.type_error(format!("fromhex() argument must be str, not {an}")));
    }
    let b = bytesops::fromhex(vm.str_of(s)).map_err(|e| vm.text_error(e))?;
    if cls == vm.types.bytes {
        return vm.new_bytes(&b);
    }
    if cls == vm.types.bytearray {
        return vm.new_bytearray(&b);
    }
    let v = if vm.is_subtype(cls, vm.types.bytearray) {
        vm.new_bytearray(&b)?
    } else {
        vm.new_bytes(&b)?
    };
    vm.temp_roots.push(v);
    let r = vm.call(cls, &[v], &[]);
    vm.temp_roots.pop();
    r
}

fn b_maketrans<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("maketrans", args, kw, 2, 2)?;
    let a = buf_arg(vm, args[0])?;
    let b = buf_arg(vm, args[1])?;
    let t = bytesops::maketrans(&a, &b).map_err(|e| vm.text_error(e))?;
    vm.new_bytes(&t)
}

fn b_translate<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = recv(vm, args, "translate")?;
    let rest = &args[1..];
    let npos = rest.len() - kw.len();
    if npos == 0 {
        return Err(vm.type_error("translate() missing required argument 'table' (pos 1)"));
    }
    let a = bind_kw(vm, "translate", args, kw, &["table", "delete"], 1)?;
    let table = opt_buf(vm, Some(&a[0]))?;
    let delete = opt_buf(vm, Some(&a[1]))?.unwrap_or_default();
    let r = bytesops::translate(&b, table.as_deref(), &delete).map_err(|e| vm.text_error(e))?;
    make(vm, ba, &r)
}
