//! The `struct` module: `pack`, `unpack`, `calcsize`, `iter_unpack`, `pack_into`, `unpack_from`, the
//! `Struct` class and `struct.error`, with CPython's formats and messages.
//!
//! Formats: an optional byte-order character (`@` native size and alignment, `=` native order with
//! standard sizes, `<`, `>`, `!`), then items `[count]code` with codes `x c b B ? h H i I l L q Q n N
//! e f d s p P` (`n`, `N`, `P` only in native mode); whitespace between items is ignored. The layout
//! is x86-64 Linux's for native mode (long = 8 bytes). Half floats (`e`) are converted by hand with
//! round-half-even, like `PyFloat_Pack2`.

use crate::access::Mode;
use crate::interp::ops::Num;
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

const GLUE: &str = r#"
class error(Exception):
    pass

class Struct:
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        elif not isinstance(format, str):
            raise TypeError('Struct() argument 1 must be a str or bytes object, not %s' % type(format).__name__)
        self.size = calcsize(format)
        self.format = format
    def pack(self, *args):
        return pack(self.format, *args)
    def pack_into(self, buffer, offset, *args):
        return pack_into(self.format, buffer, offset, *args)
    def unpack(self, buffer):
        return unpack(self.format, buffer)
    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)
    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
    def __repr__(self):
        return 'Struct(%r)' % self.format

def iter_unpack(format, buffer):
    size = calcsize(format)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    n = len(buffer)
    if n % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    return iter([unpack_from(format, buffer, i) for i in range(0, n, size)])
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("struct")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "pack", pack)?;
    vm.def_fn(d, "unpack", unpack)?;
    vm.def_fn(d, "unpack_from", unpack_from)?;
    vm.def_fn(d, "pack_into", pack_into)?;
    vm.def_fn(d, "calcsize", calcsize)?;
    vm.temp_roots.push(m);
    let r = crate::stdlib::glue::run_glue(vm, m, "struct", GLUE);
    vm.temp_roots.pop();
    r?;
    Ok(m)
}

fn struct_error<M: Mode>(vm: &mut Vm<M>, msg: impl AsRef<str>) -> PyErr {
    let modules = vm.rt.modules;
    let cls = vm
        .dict_get_name(modules, "struct")
        .filter(|m| is::<ModuleObj>(*m))
        .and_then(|m| vm.dict_get_name(obj::<ModuleObj>(m).dict, "error"))
        .unwrap_or(vm.exc.value_error);
    vm.error(cls, msg)
}

#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

struct Layout {
    native: bool,
    little: bool,
    items: Vec<Item>,
    size: usize,
}

fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse_format<M: Mode>(vm: &mut Vm<M>, fmt: &str) -> PyResult<Layout> {
    let b = fmt.as_bytes();
    let mut i = 0;
    let (native, little) = match b.first() {
        Some(b'@') => {
            i = 1;
            (true, cfg!(target_endian = "little"))
        }
        Some(b'=') => {
            i = 1;
            (false, cfg!(target_endian = "little"))
        }
        Some(b'<') => {
            i = 1;
            (false, true)
        }
        Some(b'>') | Some(b'!') => {
            i = 1;
            (false, false)
        }
        _ => (true, cfg!(target_endian = "little")),
    };
    let mut items = Vec::new();
    let mut off = 0usize;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<usize> = None;
        while i < b.len() && b[i].is_ascii_digit() {
            let d = (b[i] - b'0') as usize;
            count = Some(
                count
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|x| x.checked_add(d))
                    .ok_or_else(|| struct_error(vm, "total struct size too long"))?,
            );
            i += 1;
        }
        if i >= b.len() {
            return Err(struct_error(
                vm,
                "repeat count given without format specifier",
            ));
        }
        let code = b[i];
        i += 1;
        let Some(size) = item_size(code, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        if native && !matches!(code, b's' | b'p' | b'x' | b'c') && size > 1 {
            off = off.div_ceil(size) * size;
        }
        items.push(Item {
            code,
            count,
            size,
            offset: off,
        });
        off = off
            .checked_add(size.saturating_mul(count))
            .ok_or_else(|| struct_error(vm, "total struct size too long"))?;
    }
    Ok(Layout {
        native,
        little,
        items,
        size: off,
    })
}

fn format_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<String> {
    if is::<StrObj>(v) {
        return Ok(vm.str_of(v).to_string());
    }
    if is::<BytesObj>(v) {
        return Ok(String::from_utf8_lossy(&obj::<BytesObj>(v).b).into_owned());
    }
    let tn = vm.tname(v).to_string();
    Err(vm.type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {tn}"
    )))
}

/// Number of values an item consumes / produces.
fn nvalues(it: &Item) -> usize {
    match it.code {
        b'x' => 0,
        b's' | b'p' => 1,
        _ => it.count,
    }
}

fn int_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<BigInt> {
    if let Some(b) = vm.as_bigint(v) {
        return Ok(b);
    }
    if v.is_float() || is::<StrObj>(v) {
        return Err(struct_error(vm, "required argument is not an integer"));
    }
    let t = vm.type_of(v);
    let n = vm.rt.names.__index__;
    if vm.type_lookup(t, n).is_some() {
        return crate::builtins::math_module::arg_int(vm, v);
    }
    Err(struct_error(vm, "required argument is not an integer"))
}

fn range_error<M: Mode>(vm: &mut Vm<M>, code: u8, size: usize, unsigned: bool) -> PyErr {
    let c = code as char;
    let ul: u128 = (1u128 << (size * 8)) - 1;
    if unsigned {
        struct_error(vm, format!("'{c}' format requires 0 <= number <= {ul}"))
    } else {
        let l = (ul >> 1) as i128;
        struct_error(
            vm,
            format!("'{c}' format requires {} <= number <= {l}", -l - 1),
        )
    }
}

/// The integer to store for `v` in an item of code `code`, with CPython's per-code checks.
fn pack_int<M: Mode>(vm: &mut Vm<M>, it: &Item, v: Value) -> PyResult<u64> {
    let b = int_arg(vm, v)?;
    let unsigned = matches!(it.code, b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P');
    let oor = |vm: &mut Vm<M>| struct_error(vm, "argument out of range");
    // Conversion to the C type used first (long / unsigned long / long long ...).
    let small = matches!(it.code, b'b' | b'B' | b'h' | b'H');
    let wide: i128 = if unsigned && !small {
        match b.to_u64() {
            Some(x) => x as i128,
            None => return Err(oor(vm)),
        }
    } else {
        match b.to_i64() {
            Some(x) => x as i128,
            None => return Err(oor(vm)),
        }
    };
    let bits = it.size * 8;
    let (lo, hi): (i128, i128) = if unsigned {
        (0, (1i128 << bits) - 1)
    } else {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    };
    if wide < lo || wide > hi {
        return Err(match it.code {
            b'b' => struct_error(vm, "byte format requires -128 <= number <= 127"),
            b'B' => struct_error(vm, "ubyte format requires 0 <= number <= 255"),
            b'h' => struct_error(vm, "short format requires -32768 <= number <= 32767"),
            b'H' => struct_error(vm, "ushort format requires 0 <= number <= 65535"),
            _ if it.size == 8 => oor(vm),
            _ => range_error(vm, it.code, it.size, unsigned),
        });
    }
    Ok(wide as u64)
}

fn float_arg<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<f64> {
    match vm.as_num(v) {
        Some(Num::Float(x)) => Ok(x),
        Some(Num::Int(i)) => Ok(i as f64),
        Some(Num::Big(_)) => crate::builtins::math_module::arg_f64(vm, v),
        _ => {
            let t = vm.type_of(v);
            let n = vm.rt.names.__float__;
            let n2 = vm.rt.names.__index__;
            if !is::<StrObj>(v)
                && (vm.type_lookup(t, n).is_some() || vm.type_lookup(t, n2).is_some())
            {
                return crate::builtins::math_module::arg_f64(vm, v);
            }
            Err(struct_error(vm, "required argument is not a float"))
        }
    }
}

/// f64 -> IEEE half (round half to even), None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let e = a.log2().floor() as i32;
    // Correct possible off-by-one of log2 near powers of two.
    let e = if 2f64.powi(e) > a {
        e - 1
    } else if 2f64.powi(e + 1) <= a {
        e + 1
    } else {
        e
    };
    if e < -14 {
        // Subnormal: units of 2^-24.
        let m = (a * 2f64.powi(24)).round_ties_even();
        return Some(sign | m as u16);
    }
    let mut m = ((a / 2f64.powi(e) - 1.0) * 1024.0).round_ties_even() as u32;
    let mut e = e;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    if e == 0 {
        sign * m * 2f64.powi(-24)
    } else if e == 31 {
        if m == 0.0 {
            sign * f64::INFINITY
        } else {
            f64::NAN.copysign(sign)
        }
    } else {
        sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15)
    }
}

fn put(buf: &mut [u8], off: usize, size: usize, v: u64, little: bool) {
    let bytes = v.to_le_bytes();
    for k in 0..size {
        let byte = bytes[k];
        if little {
            buf[off + k] = byte;
        } else {
            buf[off + size - 1 - k] = byte;
        }
    }
}

fn get(buf: &[u8], off: usize, size: usize, little: bool) -> u64 {
    let mut v = 0u64;
    for k in 0..size {
        let byte = if little {
            buf[off + k]
        } else {
            buf[off + size - 1 - k]
        };
        v |= (byte as u64) << (8 * k);
    }
    v
}

fn pack_values<M: Mode>(
    vm: &mut Vm<M>,
    lay: &Layout,
    vals: &[Value],
    fname: &str,
    buf: &mut [u8],
    base: usize,
) -> PyResult<()> {
    let need: usize = lay.items.iter().map(nvalues).sum();
    if need != vals.len() {
        return Err(struct_error(
            vm,
            format!(
                "{fname} expected {need} items for packing (got {})",
                vals.len()
            ),
        ));
    }
    let mut vi = 0;
    for it in &lay.items {
        let off0 = base + it.offset;
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = vals[vi];
                vi += 1;
                if !is::<BytesObj>(v) && !is::<ByteArrayObj>(v) {
                    let c = it.code as char;
                    return Err(struct_error(
                        vm,
                        format!("argument for '{c}' must be a bytes object"),
                    ));
                }
                let data = vm.bytes_data(v);
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    buf[off0..off0 + n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    buf[off0] = n as u8;
                    buf[off0 + 1..off0 + 1 + n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..it.count {
                    let v = vals[vi];
                    vi += 1;
                    let off = off0 + k * it.size;
                    match it.code {
                        b'c' => {
                            let ok = (is::<BytesObj>(v) || is::<ByteArrayObj>(v))
                                && vm.bytes_data(v).len() == 1;
                            if !ok {
                                return Err(struct_error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ));
                            }
                            buf[off] = vm.bytes_data(v)[0];
                        }
                        b'?' => {
                            buf[off] = u8::from(vm.truthy(v)?);
                        }
                        b'e' => {
                            let x = float_arg(vm, v)?;
                            let Some(h) = to_half(x) else {
                                return Err(
                                    vm.overflow_error("float too large to pack with e format")
                                );
                            };
                            put(buf, off, 2, h as u64, lay.little);
                        }
                        b'f' => {
                            let x = float_arg(vm, v)?;
                            let y = x as f32;
                            if !lay.native && y.is_infinite() && x.is_finite() {
                                return Err(
                                    vm.overflow_error("float too large to pack with f format")
                                );
                            }
                            put(buf, off, 4, y.to_bits() as u64, lay.little);
                        }
                        b'd' => {
                            let x = float_arg(vm, v)?;
                            put(buf, off, 8, x.to_bits(), lay.little);
                        }
                        _ => {
                            let x = pack_int(vm, it, v)?;
                            put(buf, off, it.size, x, lay.little);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn unpack_values<M: Mode>(
    vm: &mut Vm<M>,
    lay: &Layout,
    buf: &[u8],
    base: usize,
) -> PyResult<Value> {
    let mut out = Vec::new();
    let start = vm.temp_roots.len();
    let r = (|| {
        for it in &lay.items {
            let off0 = base + it.offset;
            match it.code {
                b'x' => {}
                b's' => {
                    let v = vm.new_bytes(&buf[off0..off0 + it.count])?;
                    vm.temp_roots.push(v);
                    out.push(v);
                }
                b'p' => {
                    let v = if it.count == 0 {
                        vm.new_bytes(&[])?
                    } else {
                        let n = (buf[off0] as usize).min(it.count - 1);
                        vm.new_bytes(&buf[off0 + 1..off0 + 1 + n])?
                    };
                    vm.temp_roots.push(v);
                    out.push(v);
                }
                _ => {
                    for k in 0..it.count {
                        let off = off0 + k * it.size;
                        let raw = get(buf, off, it.size, lay.little);
                        let v = match it.code {
                            b'c' => vm.new_bytes(&buf[off..off + 1])?,
                            b'?' => Value::bool(raw != 0),
                            b'e' => Value::float(from_half(raw as u16)),
                            b'f' => Value::float(f32::from_bits(raw as u32) as f64),
                            b'd' => Value::float(f64::from_bits(raw)),
                            b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
                                vm.new_int_i128(raw as i128)?
                            }
                            _ => {
                                let bits = it.size * 8;
                                let x = if bits == 64 {
                                    raw as i64
                                } else {
                                    ((raw << (64 - bits)) as i64) >> (64 - bits)
                                };
                                vm.new_int(x)?
                            }
                        };
                        vm.temp_roots.push(v);
                        out.push(v);
                    }
                }
            }
        }
        vm.new_tuple(&out)
    })();
    vm.temp_roots.truncate(start);
    r
}

fn pack<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    }
    let fmt = format_arg(vm, args[0])?;
    let lay = parse_format(vm, &fmt)?;
    let mut buf = vec![0u8; lay.size];
    pack_values(vm, &lay, &args[1..], "pack", &mut buf, 0)?;
    vm.new_bytes(&buf)
}

fn pack_into<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("pack_into() takes no keyword arguments"));
    }
    if args.len() < 3 {
        return Err(vm.type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            args.len()
        )));
    }
    let fmt = format_arg(vm, args[0])?;
    let lay = parse_format(vm, &fmt)?;
    let target = args[1];
    if !is::<ByteArrayObj>(target) {
        let tn = vm.tname(target).to_string();
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {tn}"
        )));
    }
    let mut off = vm.index_value(args[2])?;
    let mut data = vm.bytes_data(target);
    let blen = data.len() as i64;
    if off < 0 {
        if off + blen < 0 {
            return Err(struct_error(
                vm,
                format!("offset {off} out of range for {blen}-byte buffer"),
            ));
        }
        off += blen;
    }
    if blen - off < lay.size as i64 {
        let need = lay.size as i64 + off;
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {need} bytes for packing {} bytes at offset {off} (actual buffer size is {blen})",
                lay.size
            ),
        ));
    }
    pack_values(vm, &lay, &args[3..], "pack_into", &mut data, off as usize)?;
    vm.bytearray_mutate(target, |b| {
        let n = b.len().min(data.len());
        b[..n].copy_from_slice(&data[..n]);
    });
    Ok(Value::NONE)
}

fn buffer_data<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<Vec<u8>> {
    if is::<BytesObj>(v) || is::<ByteArrayObj>(v) {
        return Ok(vm.bytes_data(v));
    }
    let tn = vm.tname(v).to_string();
    Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
}

fn unpack<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("unpack", args, kw, 2, 2)?;
    let fmt = format_arg(vm, args[0])?;
    let lay = parse_format(vm, &fmt)?;
    let data = buffer_data(vm, args[1])?;
    if data.len() != lay.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", lay.size),
        ));
    }
    unpack_values(vm, &lay, &data, 0)
}

fn unpack_from<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "unpack_from",
        args,
        kw,
        &["format", "buffer", "offset"],
        1,
        3,
        2,
    )?;
    let fmt = format_arg(vm, a[0])?;
    let lay = parse_format(vm, &fmt)?;
    let data = buffer_data(vm, a[1])?;
    let blen = data.len() as i64;
    let mut off = if a[2].is_null() {
        0
    } else {
        vm.index_value(a[2])?
    };
    if off < 0 {
        if off + blen < 0 {
            return Err(struct_error(
                vm,
                format!("offset {off} out of range for {blen}-byte buffer"),
            ));
        }
        off += blen;
    }
    if blen - off < lay.size as i64 {
        let need = lay.size as i64 + off;
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {need} bytes for unpacking {} bytes at offset {off} (actual buffer size is {blen})",
                lay.size
            ),
        ));
    }
    unpack_values(vm, &lay, &data, off as usize)
}

fn calcsize<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    vm.check_args("calcsize", args, kw, 1, 1)?;
    let fmt = format_arg(vm, args[0])?;
    let lay = parse_format(vm, &fmt)?;
    vm.new_int(lay.size as i64)
}
