//! `bytes` and `bytearray`: construction, subscripting, membership, `%` formatting, the dunders
//! reachable by name, the bytearray mutators (append, extend, pop, insert, remove, clear, reverse,
//! copy, `__setitem__`, `__delitem__`, `+=`, `*=`) and `bytes_binop` (`+`, `*` across both kinds).
//! The shared method family (find, split, strip...) is in `bytes_methods`.
//!
//! A bytearray's buffer is a `Mutex<Vec<u8>>` guarded for the STM through the object's `version` slot
//! (see `object::layouts::ByteArrayObj`); every mutation bumps `version` through the access layer.

use crate::access::Mode;
use crate::bytecode::CmpOp;
use crate::interp::{PyResult, Vm};
use crate::text::bytesops;

use super::bytes_methods::{byte_value, is_bytes_like, make};
use super::str_methods::{bind_kw, ssize_arg};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.bytes;
    vm.def_static(t, "__new__", bytes_new)?;
    vm.def_method(t, "__hash__", b_hash)?;
    vm.def_method(t, "__getnewargs__", b_getnewargs)?;
    let t = vm.types.bytearray;
    vm.def_static(t, "__new__", bytearray_new)?;
    vm.def_method(t, "__init__", bytearray_init)?;
    let d = obj::<TypeObj>(t).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE)?;
    vm.def_method(t, "append", ba_append)?;
    vm.def_method(t, "extend", ba_extend)?;
    vm.def_method(t, "pop", ba_pop)?;
    vm.def_method(t, "insert", ba_insert)?;
    vm.def_method(t, "remove", ba_remove)?;
    vm.def_method(t, "clear", ba_clear)?;
    vm.def_method(t, "reverse", ba_reverse)?;
    vm.def_method(t, "copy", ba_copy)?;
    vm.def_method(t, "__setitem__", ba_setitem)?;
    vm.def_method(t, "__delitem__", ba_delitem)?;
    vm.def_method(t, "__iadd__", ba_iadd)?;
    vm.def_method(t, "__imul__", ba_imul)?;
    vm.def_method(t, "__alloc__", ba_alloc)?;
    for t in [vm.types.bytes, vm.types.bytearray] {
        vm.def_method(t, "__len__", b_len)?;
        vm.def_method(t, "__contains__", b_contains)?;
        vm.def_method(t, "__getitem__", b_getitem)?;
        vm.def_method(t, "__add__", b_add)?;
        vm.def_method(t, "__mul__", b_mul)?;
        vm.def_method(t, "__rmul__", b_mul)?;
        vm.def_method(t, "__mod__", b_mod)?;
        vm.def_method(t, "__rmod__", b_rmod)?;
        vm.def_method(t, "__eq__", b_eq)?;
        vm.def_method(t, "__ne__", b_ne)?;
        vm.def_method(t, "__lt__", b_lt)?;
        vm.def_method(t, "__le__", b_le)?;
        vm.def_method(t, "__gt__", b_gt)?;
        vm.def_method(t, "__ge__", b_ge)?;
        vm.def_method(t, "__iter__", b_iter)?;
        vm.def_method(t, "__repr__", b_repr)?;
        vm.def_method(t, "__str__", b_repr)?;
    }
    super::bytes_methods::register(vm)?;
    Ok(())
}

// ----- construction --------------------------------------------------------------------------------

/// The contents `bytes(source, encoding, errors)` / `bytearray(...)` build; `what` is the type's name
/// for the messages.
fn build_from<M: Mode>(
    vm: &mut Vm<M>,
    what: &str,
    a: &[Value],
    check_dunder_bytes: bool,
) -> PyResult<Vec<u8>> {
    let (src, enc, errors) = (a[0], a[1], a[2]);
    if src.is_null() {
        if !enc.is_null() || !errors.is_null() {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    }
    if !enc.is_null() {
        if !is::<StrObj>(src) {
            return Err(vm.type_error("encoding without a string argument"));
        }
        let (e, r) = super::str_methods::codec_args(vm, what, enc, errors)?;
        let t = obj::<StrObj>(src).text();
        return crate::text::codecs::encode_text(&t, &e, &r).map_err(|e| vm.text_error(e));
    }
    if !errors.is_null() {
        let msg = if is::<StrObj>(src) {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        };
        return Err(vm.type_error(msg));
    }
    if is_bytes_like(src) {
        return Ok(vm.bytes_data(src));
    }
    if check_dunder_bytes && src.is_ptr() {
        let n = vm.intern("__bytes__");
        let t = vm.type_of(src);
        if let Some(f) = vm.type_lookup(t, n) {
            let r = vm.call_method_value(f, src, &[])?;
            if !is::<BytesObj>(r) {
                let tn = vm.tname(r).to_string();
                return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
            }
            return Ok(vm.bytes_data(r));
        }
    }
    if is::<StrObj>(src) {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if !src.is_float() && (vm.is_int(src) || vm.has_index(src)) {
        let n = match vm.as_num(src) {
            Some(crate::interp::ops::Num::Big(b)) => {
                if num_traits::Signed::is_negative(b) {
                    -1
                } else {
                    return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
                }
            }
            _ => vm.index_value(src)?,
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n as u64 > crate::text::strops::MAX_REPEAT_BYTES {
            return Err(vm.memory_error());
        }
        return Ok(vec![0u8; n as usize]);
    }
    let items = if let Some(t) = cast::<TupleObj>(src) {
        t.as_slice().to_vec()
    } else if is::<ListObj>(src) {
        vm.list_snapshot(src)
    } else {
        match vm.get_iter(src) {
            Ok(_) => vm.collect_iterable(src)?,
            Err(e) => {
                let te = vm.exc.type_error;
                if vm.err_matches(&e, te) {
                    let tn = vm.tname(src).to_string();
                    return Err(vm.type_error(format!("cannot convert '{tn}' object to {what}")));
                }
                return Err(e);
            }
        }
    };
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let msg = if what == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    let r = (|| {
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            out.push(byte_value(vm, *it, msg)?);
        }
        Ok(out)
    })();
    vm.temp_roots.truncate(mark);
    r
}

/// `bytes(source=b'', encoding=..., errors=...)`.
fn bytes_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    let a = bind_kw(
        vm,
        "bytes",
        args,
        kwnames,
        &["source", "encoding", "errors"],
        0,
    )?;
    if cls == vm.types.bytes
        && a[1].is_null()
        && a[2].is_null()
        && is::<BytesObj>(a[0])
        && vm.type_of(a[0]) == vm.types.bytes
    {
        return Ok(a[0]);
    }
    let data = build_from(vm, "bytes", &a, true)?;
    if cls == vm.types.bytes {
        return vm.new_bytes(&data);
    }
    if !is::<TypeObj>(cls) || !vm.is_subtype(cls, vm.types.bytes) {
        let n = vm.tname(cls).to_string();
        return Err(vm.type_error(format!("bytes.__new__({n}): {n} is not a subtype of bytes")));
    }
    vm.mutator.account_external(data.len());
    vm.alloc_with_dict(
        cls,
        BytesObj {
            header: Vm::<M>::hdr(),
            hash: std::sync::atomic::AtomicI64::new(0),
            b: data.into_boxed_slice(),
        },
        0,
    )
}

/// `bytearray.__new__`: an empty bytearray of class `cls` (`__init__` fills it).
fn bytearray_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    if cls == vm.types.bytearray {
        return vm.new_bytearray(&[]);
    }
    vm.alloc(
        cls,
        ByteArrayObj {
            header: Vm::<M>::hdr(),
            dict: crate::access::Slot::new(Value::NULL),
            version: crate::access::Slot::raw(0),
            b: std::sync::Mutex::new(Vec::new()),
        },
    )
}

/// `bytearray.__init__(source=b'', encoding=..., errors=...)`: replaces the contents.
fn bytearray_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let this =
        super::str_methods::check_recv(vm, args, "bytearray", "__init__", is::<ByteArrayObj>)?;
    let a = bind_kw(
        vm,
        "bytearray",
        args,
        kwnames,
        &["source", "encoding", "errors"],
        0,
    )?;
    let data = build_from(vm, "bytearray", &a, false)?;
    vm.bytearray_replace(this, data);
    Ok(Value::NONE)
}

// ----- dunders -------------------------------------------------------------------------------------

/// The receiver of a bytes/bytearray dunder with exactly `nargs` arguments after it.
fn drecv<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    nargs: usize,
) -> PyResult<Value> {
    let tyname = match args.first() {
        Some(v) if is::<ByteArrayObj>(*v) => "bytearray",
        _ => "bytes",
    };
    let v = super::str_methods::check_recv(vm, args, tyname, name, is_bytes_like)?;
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len() - 1;
    if n != nargs {
        return Err(vm.type_error(format!(
            "expected {nargs} argument{}, got {n}",
            if nargs == 1 { "" } else { "s" }
        )));
    }
    Ok(v)
}

/// The receiver of a bytearray-only method.
fn ba_recv<M: Mode>(vm: &mut Vm<M>, args: &[Value], name: &str) -> PyResult<Value> {
    super::str_methods::check_recv(vm, args, "bytearray", name, is::<ByteArrayObj>)
}

fn b_len<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__len__", args, kw, 0)?;
    let n = if let Some(x) = cast::<BytesObj>(b) {
        x.b.len()
    } else {
        obj::<ByteArrayObj>(b).b.lock().unwrap().len()
    };
    vm.new_int(n as i64)
}

fn b_contains<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__contains__", args, kw, 1)?;
    Ok(Value::bool(vm.bytes_contains(b, args[1])?))
}

fn b_getitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__getitem__", args, kw, 1)?;
    vm.bytes_getitem(b, args[1])
}

fn b_add<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__add__", args, kw, 1)?;
    vm.bytes_concat(b, args[1], false)
}

fn b_mul<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__mul__", args, kw, 1)?;
    let n = ssize_arg(vm, args[1])?;
    let data = vm.bytes_data(b);
    let r = bytesops::bytes_mul(&data, n).map_err(|e| vm.text_error(e))?;
    make(vm, is::<ByteArrayObj>(b), &r)
}

fn b_mod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__mod__", args, kw, 1)?;
    vm.bytes_percent_format(b, args[1])
}

fn b_rmod<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    drecv(vm, "__rmod__", args, kw, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn b_cmp<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    args: &[Value],
    kw: &[Value],
    op: CmpOp,
) -> PyResult<Value> {
    let b = drecv(vm, name, args, kw, 1)?;
    // bytes compares only with bytes; bytearray with any bytes-like object.
    if !is_bytes_like(args[1]) || is::<BytesObj>(b) && !is::<BytesObj>(args[1]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let x = vm.bytes_data(b);
    let y = vm.bytes_data(args[1]);
    Ok(Value::bool(crate::interp::ops::cmp_ord(op, x.cmp(&y))))
}

fn b_eq<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    b_cmp(vm, "__eq__", args, kw, CmpOp::Eq)
}

fn b_ne<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    b_cmp(vm, "__ne__", args, kw, CmpOp::Ne)
}

fn b_lt<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    b_cmp(vm, "__lt__", args, kw, CmpOp::Lt)
}

fn b_le<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    b_cmp(vm, "__le__", args, kw, CmpOp::Le)
}

fn b_gt<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    b_cmp(vm, "__gt__", args, kw, CmpOp::Gt)
}

fn b_ge<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    b_cmp(vm, "__ge__", args, kw, CmpOp::Ge)
}

fn b_hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__hash__", args, kw, 0)?;
    if !is::<BytesObj>(b) {
        let tn = vm.tname(b).to_string();
        return Err(vm.type_error(format!("unhashable type: '{tn}'")));
    }
    let h = vm.hash(b)?;
    vm.new_int(h)
}

fn b_getnewargs<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__getnewargs__", args, kw, 0)?;
    let d = vm.bytes_data(b);
    let c = vm.new_bytes(&d)?;
    vm.new_tuple(&[c])
}

fn b_iter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__iter__", args, kw, 0)?;
    let c = vm.types.bytes_iterator;
    vm.new_iter(c, IterKind::Bytes, b, Value::NULL, 0, 0)
}

fn b_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = drecv(vm, "__repr__", args, kw, 0)?;
    let d = vm.bytes_data(b);
    let s = if is::<ByteArrayObj>(b) {
        let tn = vm.tname(b).to_string();
        crate::text::repr::bytearray_repr_named(&d, &tn)
    } else {
        crate::text::repr::bytes_repr(&d, "b")
    };
    vm.new_string(s)
}

// ----- bytearray mutators --------------------------------------------------------------------------

fn ba_append<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "append")?;
    vm.check_method_args("bytearray.append", args, kw, 1, 1)?;
    let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
    vm.bytearray_mutate(o, |b| b.push(x));
    Ok(Value::NONE)
}

/// The bytes `bytearray.extend(it)` / `ba += it` append.
fn extend_data<M: Mode>(vm: &mut Vm<M>, it: Value) -> PyResult<Vec<u8>> {
    if is_bytes_like(it) {
        return Ok(vm.bytes_data(it));
    }
    if let Err(e) = vm.get_iter(it) {
        let te = vm.exc.type_error;
        if vm.err_matches(&e, te) {
            let tn = vm.tname(it).to_string();
            return Err(vm.type_error(format!("can't extend bytearray with {tn}")));
        }
        return Err(e);
    }
    let items = vm.collect_iterable(it)?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let r = (|| {
        let mut out = Vec::with_capacity(items.len());
        for x in &items {
            out.push(byte_value(vm, *x, "byte must be in range(0, 256)")?);
        }
        Ok(out)
    })();
    vm.temp_roots.truncate(mark);
    r
}

fn ba_extend<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "extend")?;
    vm.check_method_args("bytearray.extend", args, kw, 1, 1)?;
    let add = extend_data(vm, args[1])?;
    vm.bytearray_mutate(o, |b| b.extend_from_slice(&add));
    Ok(Value::NONE)
}

fn ba_pop<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "pop")?;
    vm.check_method_args("pop", args, kw, 0, 1)?;
    let len = obj::<ByteArrayObj>(o).b.lock().unwrap().len() as i64;
    let mut i = match args.get(1) {
        Some(v) => ssize_arg(vm, *v)?,
        None => -1,
    };
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    if i < 0 {
        i += len;
    }
    if i < 0 || i >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    let x = vm.bytearray_mutate(o, |b| b.remove(i as usize));
    Ok(Value::small_int(x as i64))
}

fn ba_insert<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "insert")?;
    vm.check_method_args("insert", args, kw, 2, 2)?;
    let i = ssize_arg(vm, args[1])?;
    let x = byte_value(vm, args[2], "byte must be in range(0, 256)")?;
    vm.bytearray_mutate(o, |b| {
        let n = b.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        b.insert(at as usize, x);
    });
    Ok(Value::NONE)
}

fn ba_remove<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "remove")?;
    vm.check_method_args("bytearray.remove", args, kw, 1, 1)?;
    let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
    let found = vm.bytearray_mutate(o, |b| match b.iter().position(|c| *c == x) {
        Some(p) => {
            b.remove(p);
            true
        }
        None => false,
    });
    if !found {
        return Err(vm.value_error("value not found in bytearray"));
    }
    Ok(Value::NONE)
}

fn ba_clear<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "clear")?;
    vm.check_method_args("bytearray.clear", args, kw, 0, 0)?;
    vm.bytearray_mutate(o, |b| b.clear());
    Ok(Value::NONE)
}

fn ba_reverse<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "reverse")?;
    vm.check_method_args("bytearray.reverse", args, kw, 0, 0)?;
    vm.bytearray_mutate(o, |b| b.reverse());
    Ok(Value::NONE)
}

fn ba_copy<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "copy")?;
    vm.check_method_args("bytearray.copy", args, kw, 0, 0)?;
    let d = vm.bytes_data(o);
    vm.new_bytearray(&d)
}

fn ba_setitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "__setitem__")?;
    vm.check_method_args("__setitem__", args, kw, 2, 2)?;
    vm.bytearray_setitem(o, args[1], args[2])?;
    Ok(Value::NONE)
}

fn ba_delitem<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "__delitem__")?;
    vm.check_method_args("__delitem__", args, kw, 1, 1)?;
    let k = args[1];
    let len = obj::<ByteArrayObj>(o).b.lock().unwrap().len();
    if is::<SliceObj>(k) {
        let (start, _stop, step, n) = vm.slice_indices(k, len)?;
        let mut del: Vec<usize> = (0..n).map(|i| (start + i as i64 * step) as usize).collect();
        del.sort_unstable();
        vm.bytearray_mutate(o, |b| {
            for i in del.into_iter().rev() {
                b.remove(i);
            }
        });
        return Ok(Value::NONE);
    }
    if !vm.is_int(k) && !vm.has_index(k) {
        let tn = vm.tname(k).to_string();
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {tn}"
        )));
    }
    let i = vm.seq_index(k, len, "bytearray")?;
    vm.bytearray_mutate(o, |b| {
        b.remove(i);
    });
    Ok(Value::NONE)
}

fn ba_iadd<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "__iadd__")?;
    vm.check_method_args("__iadd__", args, kw, 1, 1)?;
    vm.bytes_concat(o, args[1], true)
}

fn ba_imul<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "__imul__")?;
    vm.check_method_args("__imul__", args, kw, 1, 1)?;
    let n = ssize_arg(vm, args[1])?;
    let d = vm.bytes_data(o);
    let r = bytesops::bytes_mul(&d, n).map_err(|e| vm.text_error(e))?;
    vm.bytearray_replace(o, r);
    Ok(o)
}

fn ba_alloc<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = ba_recv(vm, args, "__alloc__")?;
    vm.check_method_args("bytearray.__alloc__", args, kw, 0, 0)?;
    let b = obj::<ByteArrayObj>(o).b.lock().unwrap();
    let n = if b.is_empty() {
        0
    } else {
        b.capacity().max(b.len() + 1)
    };
    drop(b);
    vm.new_int(n as i64)
}

impl<M: Mode> Vm<M> {
    /// Runs `f` on a bytearray's buffer and records the write (bumps `version`).
    pub fn bytearray_mutate<R>(&mut self, o: Value, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        self.stm_bytearray_touch(o);
        let ba = obj::<ByteArrayObj>(o);
        let r = {
            let mut b = ba.b.lock().unwrap();
            f(&mut b)
        };
        let ver = self.load_raw(&ba.version);
        self.store_raw(&ba.version, ver + 1);
        r
    }

    /// Replaces a bytearray's contents.
    pub fn bytearray_replace(&mut self, o: Value, data: Vec<u8>) {
        self.mutator.account_external(data.len());
        self.bytearray_mutate(o, |b| *b = data);
    }

    /// `a + b` (or `a += b` for a bytearray `a` when `inplace`): both bytes-like; the result has
    /// `a`'s kind. TypeError "can't concat str to bytes" otherwise.
    pub fn bytes_concat(&mut self, a: Value, b: Value, inplace: bool) -> PyResult<Value> {
        if !is_bytes_like(b) {
            let (tb, ta) = (self.tname(b).to_string(), self.tname(a).to_string());
            return Err(self.type_error(format!("can't concat {tb} to {ta}")));
        }
        let add = self.bytes_data(b);
        if inplace && is::<ByteArrayObj>(a) {
            self.mutator.account_external(add.len());
            self.bytearray_mutate(a, |v| v.extend_from_slice(&add));
            return Ok(a);
        }
        let mut out = self.bytes_data(a);
        out.extend_from_slice(&add);
        make(self, is::<ByteArrayObj>(a), &out)
    }

    /// The binary operators on builtin bytes/bytearray operands (`+`, `*`, `%`, and the in-place
    /// forms on a bytearray); `NotImplemented` when they do not apply. Meant for
    /// `interp::ops::native_binop` (which today handles only bytes+bytes, bytes*int and bytes%).
    pub fn bytes_binop(
        &mut self,
        a: Value,
        b: Value,
        op: crate::bytecode::BinOp,
        inplace: bool,
    ) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        match op {
            // Like CPython's sq_concat: a non-bytes-like right operand is an error, not
            // NotImplemented (only builtin pairs reach here from `native_binop`).
            BinOp::Add if is_bytes_like(a) => self.bytes_concat(a, b, inplace),
            BinOp::Mul => {
                let (seq, n) = if is_bytes_like(a) && self.is_int(b) {
                    (a, b)
                } else if is_bytes_like(b) && self.is_int(a) && !inplace {
                    (b, a)
                } else {
                    return Ok(Value::NOT_IMPLEMENTED);
                };
                let n = match self.as_num(n) {
                    Some(crate::interp::ops::Num::Big(x)) => {
                        if num_traits::Signed::is_negative(x) {
                            0
                        } else {
                            return Err(
                                self.overflow_error("cannot fit 'int' into an index-sized integer")
                            );
                        }
                    }
                    _ => self.index_value(n)?,
                };
                let d = self.bytes_data(seq);
                let r = bytesops::bytes_mul(&d, n).map_err(|e| self.text_error(e))?;
                if inplace && is::<ByteArrayObj>(seq) {
                    self.bytearray_replace(seq, r);
                    return Ok(seq);
                }
                make(self, is::<ByteArrayObj>(seq), &r)
            }
            BinOp::Mod if is_bytes_like(a) => self.bytes_percent_format(a, b),
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    /// A copy of the bytes of a bytes or bytearray object.
    pub fn bytes_data(&self, v: Value) -> Vec<u8> {
        if let Some(b) = cast::<BytesObj>(v) {
            b.b.to_vec()
        } else {
            obj::<ByteArrayObj>(v).b.lock().unwrap().clone()
        }
    }

    /// `b[k]` for bytes and bytearray (int index -> int, slice -> same type).
    pub fn bytes_getitem(&mut self, o: Value, k: Value) -> PyResult<Value> {
        let data = self.bytes_data(o);
        if is::<SliceObj>(k) {
            let (start, _stop, step, n) = self.slice_indices(k, data.len())?;
            let out: Vec<u8> = (0..n)
                .map(|i| data[(start + i as i64 * step) as usize])
                .collect();
            return if is::<BytesObj>(o) {
                self.new_bytes(&out)
            } else {
                self.new_bytearray(&out)
            };
        }
        if !self.is_int(k) && !self.has_index(k) {
            let tn = self.tname(k).to_string();
            let what = if is::<BytesObj>(o) {
                "byte"
            } else {
                "bytearray"
            };
            return Err(self.type_error(format!(
                "{what} indices must be integers or slices, not {tn}"
            )));
        }
        let what = if is::<BytesObj>(o) { "" } else { "bytearray" };
        let i = self.seq_index(k, data.len(), what)?;
        Ok(Value::small_int(data[i] as i64))
    }

    /// A new bytearray.
    pub fn new_bytearray(&mut self, b: &[u8]) -> PyResult<Value> {
        self.mutator.account_external(b.len());
        let cls = self.types.bytearray;
        self.alloc(
            cls,
            ByteArrayObj {
                header: Self::hdr(),
                dict: crate::access::Slot::new(Value::NULL),
                version: crate::access::Slot::raw(0),
                b: std::sync::Mutex::new(b.to_vec()),
            },
        )
    }

    /// `x in b`: an int byte value or a bytes-like subsequence.
    pub fn bytes_contains(&mut self, o: Value, x: Value) -> PyResult<bool> {
        let data = self.bytes_data(o);
        if self.is_int(x) {
            let i = self.index_value(x)?;
            if !(0..256).contains(&i) {
                return Err(self.value_error("byte must be in range(0, 256)"));
            }
            return Ok(data.contains(&(i as u8)));
        }
        if is::<BytesObj>(x) || is::<ByteArrayObj>(x) {
            let needle = self.bytes_data(x);
            return Ok(
                needle.is_empty() || data.windows(needle.len()).any(|w| w == needle.as_slice())
            );
        }
        let tn = self.tname(x).to_string();
        Err(self.type_error(format!("a bytes-like object is required, not '{tn}'")))
    }

    /// `ba[k] = v` for a bytearray (int index; slices assign any bytes-like or iterable of ints).
    pub fn bytearray_setitem(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        let len = obj::<ByteArrayObj>(o).b.lock().unwrap().len();
        if is::<SliceObj>(k) {
            let new: Vec<u8> = if is::<BytesObj>(v) || is::<ByteArrayObj>(v) {
                self.bytes_data(v)
            } else {
                let items = self.collect_iterable(v)?;
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    let i = self.index_value(it)?;
                    if !(0..256).contains(&i) {
                        return Err(self.value_error("byte must be in range(0, 256)"));
                    }
                    out.push(i as u8);
                }
                out
            };
            let (start, stop, step, n) = self.slice_indices(k, len)?;
            self.stm_bytearray_touch(o);
            let ba = obj::<ByteArrayObj>(o);
            let mut b = ba.b.lock().unwrap();
            if step == 1 {
                let stop = (stop.max(start)) as usize;
                b.splice(start as usize..stop, new);
            } else {
                if new.len() != n {
                    drop(b);
                    return Err(self.value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {n}",
                        new.len()
                    )));
                }
                for (i, x) in new.into_iter().enumerate() {
                    b[(start + i as i64 * step) as usize] = x;
                }
            }
            drop(b);
            let ver = self.load_raw(&ba.version);
            self.store_raw(&ba.version, ver + 1);
            return Ok(());
        }
        let i = self.seq_index(k, len, "bytearray index")?;
        if !self.is_int(v) {
            let tn = self.tname(v).to_string();
            return Err(
                self.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
            );
        }
        let x = self.index_value(v)?;
        if !(0..256).contains(&x) {
            return Err(self.value_error("byte must be in range(0, 256)"));
        }
        self.stm_bytearray_touch(o);
        let ba = obj::<ByteArrayObj>(o);
        ba.b.lock().unwrap()[i] = x as u8;
        let ver = self.load_raw(&ba.version);
        self.store_raw(&ba.version, ver + 1);
        Ok(())
    }
}
