//! `bytes` and `bytearray`: construction, subscripting, membership, `%` formatting and the methods
//! (over `crate::text::bytesops`).
//!
//! A bytearray's buffer is a `Mutex<Vec<u8>>` guarded for the STM through the object's `version` slot
//! (see `object::layouts::ByteArrayObj`); every mutation bumps `version` through the access layer.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let _ = vm;
    Ok(())
}

impl<M: Mode> Vm<M> {
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
        let what = if is::<BytesObj>(o) {
            "index"
        } else {
            "bytearray index"
        };
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
        let ba = obj::<ByteArrayObj>(o);
        ba.b.lock().unwrap()[i] = x as u8;
        let ver = self.load_raw(&ba.version);
        self.store_raw(&ba.version, ver + 1);
        Ok(())
    }

    /// `fmt % args` for bytes: formats through the str implementation over latin-1 text.
    pub fn bytes_percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let data = self.bytes_data(fmt);
        let text: String = data.iter().map(|b| *b as char).collect();
        let f = self.new_string(text)?;
        self.temp_roots.push(f);
        let r = self.str_percent_format(f, args);
        self.temp_roots.pop();
        let r = r?;
        let s = self.str_of(r);
        let mut out = Vec::with_capacity(s.len());
        for c in s.chars() {
            if (c as u32) > 255 {
                return Err(self.type_error("%b requires a bytes-like object"));
            }
            out.push(c as u32 as u8);
        }
        self.new_bytes(&out)
    }
}
