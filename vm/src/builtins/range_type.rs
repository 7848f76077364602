//! `range`: construction, length, indexing, slicing, membership, equality and iteration.
//!
//! A range stores start/stop/step/len as int values (small or big). Iteration of ranges whose values fit
//! in small ints uses the `IterKind::Range` fast path; larger ranges iterate through `IterKind::Seq`.

use crate::access::Mode;
use crate::interp::ops::Num;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.range;
    vm.def_static(t, "__new__", range_new)?;
    vm.def_method(t, "count", range_count)?;
    vm.def_method(t, "index", range_index)?;
    Ok(())
}

impl<M: Mode> Vm<M> {
    fn range_arg(&mut self, v: Value) -> PyResult<BigInt> {
        if v.is_float() || !self.is_int(v) && !self.has_index(v) {
            let tn = self.tname(v).to_string();
            return Err(
                self.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
            );
        }
        if let Some(b) = self.as_bigint(v) {
            return Ok(b);
        }
        let i = self.index_value(v)?;
        Ok(BigInt::from(i))
    }

    /// A range object from big-int bounds.
    pub fn new_range(&mut self, start: BigInt, stop: BigInt, step: BigInt) -> PyResult<Value> {
        let len = range_len(&start, &stop, &step);
        let vals = [start, stop, step, len];
        let mut vs = [Value::NULL; 4];
        for (i, b) in vals.into_iter().enumerate() {
            vs[i] = self.new_bigint(b)?;
            self.temp_roots.push(vs[i]);
        }
        self.temp_roots.truncate(self.temp_roots.len() - 4);
        let cls = self.types.range;
        self.alloc(
            cls,
            RangeObj {
                header: Self::hdr(),
                start: vs[0],
                stop: vs[1],
                step: vs[2],
                len: vs[3],
            },
        )
    }

    fn range_parts(&self, r: Value) -> (BigInt, BigInt, BigInt, BigInt) {
        let ro = obj::<RangeObj>(r);
        (
            self.as_bigint(ro.start).unwrap(),
            self.as_bigint(ro.stop).unwrap(),
            self.as_bigint(ro.step).unwrap(),
            self.as_bigint(ro.len).unwrap(),
        )
    }

    /// `iter(range)`.
    pub fn range_iter(&mut self, r: Value) -> PyResult<Value> {
        let ro = obj::<RangeObj>(r);
        let (start, step, len) = (ro.start, ro.step, ro.len);
        if start.is_small_int() && step.is_small_int() && len.is_small_int() {
            let last = start.as_small_int() as i128
                + step.as_small_int() as i128 * len.as_small_int() as i128;
            if Value::try_small_int(last as i64).is_some() && i64::try_from(last).is_ok() {
                let c = self.types.range_iterator;
                let it = self.new_iter(
                    c,
                    IterKind::Range,
                    step,
                    Value::NULL,
                    0,
                    len.as_small_int() as u64,
                )?;
                self.store(&obj::<IterObj>(it).s1, start);
                return Ok(it);
            }
        }
        let c = self.types.range_iterator;
        self.new_iter(c, IterKind::Seq, r, Value::NULL, 0, 0)
    }

    /// `r[k]`.
    pub fn range_getitem(&mut self, r: Value, k: Value) -> PyResult<Value> {
        let (start, _stop, step, len) = self.range_parts(r);
        if let Some(sl) = cast::<SliceObj>(k) {
            let (a, b, c) = (sl.start, sl.stop, sl.step);
            let (s, e, st) = self.big_slice_indices(a, b, c, &len)?;
            let nstart = &start + &step * &s;
            let nstep = &step * &st;
            let nstop = &start + &step * &e;
            return self.new_range(nstart, nstop, nstep);
        }
        if !self.is_int(k) && !self.has_index(k) {
            let tn = self.tname(k).to_string();
            return Err(self.type_error(format!(
                "range indices must be integers or slices, not {tn}"
            )));
        }
        let mut i = self.range_arg(k)?;
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return Err(self.index_error("range object index out of range"));
        }
        self.new_bigint(start + step * i)
    }

    /// `slice.indices` over an arbitrary-precision length (CPython's `_PySlice_GetLongIndices`).
    fn big_slice_indices(
        &mut self,
        a: Value,
        b: Value,
        c: Value,
        len: &BigInt,
    ) -> PyResult<(BigInt, BigInt, BigInt)> {
        let step = if c == Value::NONE {
            BigInt::from(1)
        } else {
            self.range_arg(c)?
        };
        if step.is_zero() {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let neg = step.is_negative();
        let (lower, upper) = if neg {
            (BigInt::from(-1), len - 1)
        } else {
            (BigInt::zero(), len.clone())
        };
        let clamp = |vm: &mut Self, v: Value, default: &BigInt| -> PyResult<BigInt> {
            if v == Value::NONE {
                return Ok(default.clone());
            }
            let mut x = vm.range_arg(v)?;
            if x.is_negative() {
                x += len;
                if x < lower {
                    x = lower.clone();
                }
            } else if x > upper {
                x = upper.clone();
            }
            Ok(x)
        };
        let s = clamp(self, a, if neg { &upper } else { &lower })?;
        let e = clamp(self, b, if neg { &lower } else { &upper })?;
        Ok((s, e, step))
    }

    /// `x in r` (ints by arithmetic, other values by equality scan).
    pub fn range_contains(&mut self, r: Value, x: Value) -> PyResult<bool> {
        if matches!(self.as_num(x), Some(Num::Int(_)) | Some(Num::Big(_))) && !x.is_float() {
            let v = self.as_bigint(x).unwrap();
            let (start, stop, step, _) = self.range_parts(r);
            let inside = if step.is_positive() {
                v >= start && v < stop
            } else {
                v <= start && v > stop
            };
            return Ok(inside && ((v - start).mod_floor(&step)).is_zero());
        }
        let it = self.range_iter(r)?;
        self.temp_roots.push(it);
        let res = (|| {
            while let Some(v) = self.iter_next(it)? {
                if self.eq(v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.temp_roots.pop();
        res
    }

    /// `r1 == r2`: equal as sequences.
    pub fn range_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if !is::<RangeObj>(b) {
            return Ok(false);
        }
        let (s1, _, st1, l1) = self.range_parts(a);
        let (s2, _, st2, l2) = self.range_parts(b);
        if l1 != l2 {
            return Ok(false);
        }
        if l1.is_zero() {
            return Ok(true);
        }
        if s1 != s2 {
            return Ok(false);
        }
        Ok(l1 == BigInt::from(1) || st1 == st2)
    }
}

/// The number of elements of range(start, stop, step).
fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1) / step + 1
    } else if step.is_negative() && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        BigInt::zero()
    }
}

fn range_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), vm.range_arg(a[0])?, BigInt::from(1)),
        2 => (vm.range_arg(a[0])?, vm.range_arg(a[1])?, BigInt::from(1)),
        3 => (
            vm.range_arg(a[0])?,
            vm.range_arg(a[1])?,
            vm.range_arg(a[2])?,
        ),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    vm.new_range(start, stop, step)
}

fn range_count<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("count", args, kwnames, 1, 1)?;
    Ok(Value::small_int(i64::from(
        vm.range_contains(args[0], args[1])?,
    )))
}

fn range_index<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("index", args, kwnames, 1, 1)?;
    if !vm.range_contains(args[0], args[1])? {
        let r = vm.repr_string(args[1])?;
        return Err(vm.value_error(format!("{r} is not in range")));
    }
    let (start, _, step, _) = vm.range_parts(args[0]);
    let v = vm.as_bigint(args[1]).unwrap_or_default();
    vm.new_bigint((v - start) / step)
}
