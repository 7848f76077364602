//! `str`: construction, subscripting, `%` formatting and the methods (over `crate::text`).
//!
//! Strings are immutable `StrObj`s holding UTF-8 with a cached code-point length; indices are code-point
//! indices (`text::strops` converts). Methods never run Python code except where the protocol says so
//! (`str(x)` calls `__str__`, `%s`/`%r` call `str`/`repr`, `join` iterates).

use crate::access::Mode;
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
    Ok(())
}

/// `str(object='')`, `str(bytes, encoding, errors)`.
fn str_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
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
        let d = crate::text::codecs::decode(&bytes, &enc, &errors).map_err(|e| vm.text_error(e))?;
        vm.new_string(d)?
    };
    if cls == vm.types.str {
        return Ok(s);
    }
    let text = vm.str_of(s).to_string();
    let char_len = obj::<StrObj>(s).char_len;
    vm.alloc(
        cls,
        StrObj {
            header: Vm::<M>::hdr(),
            hash: std::sync::atomic::AtomicI64::new(0),
            char_len,
            s: text.into_boxed_str(),
        },
    )
}

impl<M: Mode> Vm<M> {
    /// `s[k]` for an int index or a slice.
    pub fn str_getitem(&mut self, s: Value, k: Value) -> PyResult<Value> {
        let so = obj::<StrObj>(s);
        let len = so.char_len;
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
        let f = self.str_of(fmt).to_string();
        let pieces = printf::parse_printf(&f).map_err(|e| self.num_error(e))?;
        let is_mapping = !is::<TupleObj>(args) && !is::<StrObj>(args) && args.is_ptr() && {
            let t = self.type_of(args);
            let gi = self.rt.names.__getitem__;
            self.type_lookup(t, gi).is_some()
        };
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
                    let kv = self.new_str(k)?;
                    self.getitem(args, kv)?
                }
                None => take(self)?,
            };
            let piece = match spec.conv {
                's' | 'r' | 'a' => {
                    let sv = match spec.conv {
                        's' => self.str(v)?,
                        'r' => self.repr(v)?,
                        _ => self.ascii(v)?,
                    };
                    let s = self.str_of(sv).to_string();
                    printf::printf_str(&s, &spec, width, precision)
                }
                'c' => {
                    let c = if let Some(s) = cast::<StrObj>(v) {
                        if s.char_len != 1 {
                            return Err(self.type_error("%c requires int or char"));
                        }
                        s.s.to_string()
                    } else if self.is_int(v) {
                        let i = self.index_value(v)?;
                        match u32::try_from(i).ok().and_then(char::from_u32) {
                            Some(c) => c.to_string(),
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
        self.new_string(out)
    }
}
