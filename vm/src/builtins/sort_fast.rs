//! `list.sort`'s fast path for keys whose order needs no Python code: every key a small int, every key
//! a non-NaN float, every key an exact str, or every key an exact tuple whose items, position by
//! position, are all small ints, all non-NaN floats or all exact strs (CPython's `unsafe_*_compare`
//! pre-check, `Objects/listobject.c`).
//!
//! For such keys `<` is a total order that cannot raise or run Python code, so any stable sort gives
//! exactly CPython's result; the keys are checked once and then compared without type dispatch, by
//! Rust's stable `sort_by`. Anything else (mixed kinds, NaN, big ints, subclasses, user objects) returns
//! false and the caller runs the general timsort with rich comparisons.

use crate::access::Mode;
use crate::interp::Vm;
use crate::object::*;
use crate::value::Value;
use std::cmp::Ordering;

/// The one kind shared by a set of scalar keys.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prim {
    Int,
    Float,
    Str,
}

/// A key's scalar kind when it is one the fast path orders directly.
#[inline(always)]
fn prim_of<M: Mode>(vm: &Vm<M>, v: Value) -> Option<Prim> {
    if v.is_small_int() {
        Some(Prim::Int)
    } else if v.is_float() {
        (!v.as_float().is_nan()).then_some(Prim::Float)
    } else if is::<StrObj>(v) && vm.type_of(v) == vm.types.str && obj::<StrObj>(v).wide.is_none() {
        // (A str with lone surrogates keeps U+FFFD in `s`: its order comes from the general path.)
        Some(Prim::Str)
    } else {
        None
    }
}

/// Order of two values of the same checked scalar kind.
#[inline(always)]
fn prim_cmp(a: Value, b: Value) -> Ordering {
    if a.is_small_int() {
        a.as_small_int().cmp(&b.as_small_int())
    } else if a.is_float() {
        // Checked non-NaN: never None.
        a.as_float()
            .partial_cmp(&b.as_float())
            .unwrap_or(Ordering::Equal)
    } else {
        // UTF-8 byte order is code point order.
        bytes_cmp(obj::<StrObj>(a).s.as_bytes(), obj::<StrObj>(b).s.as_bytes())
    }
}

/// Byte-string order; short keys (the common case) without a `memcmp` call.
#[inline(always)]
fn bytes_cmp(x: &[u8], y: &[u8]) -> Ordering {
    if x.len().min(y.len()) > 16 {
        return x.cmp(y);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if p != q {
            return p.cmp(q);
        }
    }
    x.len().cmp(&y.len())
}

/// Lexicographic order of two tuples whose items were checked position by position.
#[inline(always)]
fn tuple_cmp(a: Value, b: Value) -> Ordering {
    let x = obj::<TupleObj>(a).as_slice();
    let y = obj::<TupleObj>(b).as_slice();
    for (p, q) in x.iter().zip(y.iter()) {
        if p == q {
            continue;
        }
        match prim_cmp(*p, *q) {
            Ordering::Equal => continue,
            o => return o,
        }
    }
    x.len().cmp(&y.len())
}

/// Sorts the (key, item) pairs stably by key when the keys qualify (see the module documentation);
/// false (pairs untouched) when they do not.
pub fn try_sort_fast<M: Mode>(vm: &Vm<M>, pairs: &mut [(Value, Value)]) -> bool {
    let Some(&(k0, _)) = pairs.first() else {
        return true;
    };
    if let Some(p) = prim_of(vm, k0) {
        if !pairs.iter().all(|(k, _)| prim_of(vm, *k) == Some(p)) {
            return false;
        }
        match p {
            Prim::Int => pairs.sort_by_key(|(k, _)| k.as_small_int()),
            _ => pairs.sort_by(|(a, _), (b, _)| prim_cmp(*a, *b)),
        }
        return true;
    }
    let tuple = vm.types.tuple;
    // Kind of each tuple position seen so far.
    let mut kinds: Vec<Prim> = Vec::new();
    for (k, _) in pairs.iter() {
        let Some(t) = cast::<TupleObj>(*k) else {
            return false;
        };
        if vm.type_of(*k) != tuple {
            return false;
        }
        for (j, v) in t.as_slice().iter().enumerate() {
            let Some(p) = prim_of(vm, *v) else {
                return false;
            };
            match kinds.get(j) {
                Some(q) if *q != p => return false,
                Some(_) => {}
                None => kinds.push(p),
            }
        }
    }
    pairs.sort_by(|(a, _), (b, _)| tuple_cmp(*a, *b));
    true
}
