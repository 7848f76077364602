//! `dict`: constructor and methods (keys, values, items, get, setdefault, pop, popitem, update, copy,
//! clear, fromkeys) and the dict views.
//!
//! The hash table itself is `dict_table.rs`; lookups may run Python `__eq__`/`__hash__`.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.dict;
    vm.def_static(t, "__new__", dict_new)?;
    vm.def_method(t, "__init__", dict_init)?;
    vm.def_method(t, "keys", dict_keys)?;
    vm.def_method(t, "values", dict_values)?;
    vm.def_method(t, "items", dict_items)?;
    vm.def_method(t, "get", dict_get)?;
    Ok(())
}

fn dict_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_dict_of(args[0])
}

fn dict_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len() - 1;
    if npos > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    let d = args[0];
    if npos == 1 {
        vm.dict_update_from(d, args[1])?;
    }
    for (k, v) in kwnames.iter().zip(&args[1 + npos..]) {
        vm.dict_set(d, *k, *v)?;
    }
    Ok(Value::NONE)
}

fn view<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value], which: u8) -> PyResult<Value> {
    let name = ["keys", "values", "items"][which as usize];
    vm.check_method_args(name, args, kwnames, 0, 0)?;
    let cls = [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ][which as usize];
    vm.alloc(
        cls,
        DictViewObj {
            header: Vm::<M>::hdr(),
            dict: args[0],
            which,
        },
    )
}

fn dict_keys<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(vm, args, kwnames, 0)
}

fn dict_values<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(vm, args, kwnames, 1)
}

fn dict_items<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(vm, args, kwnames, 2)
}

fn dict_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("get", args, kwnames, 1, 2)?;
    let d = args.get(2).copied().unwrap_or(Value::NONE);
    Ok(vm.dict_get(args[0], args[1])?.unwrap_or(d))
}

impl<M: Mode> Vm<M> {
    /// `x in view`: keys look the key up; items look the key up and compare the value; values scan.
    pub fn dictview_contains(&mut self, view: Value, item: Value) -> PyResult<bool> {
        let (d, which) = {
            let v = obj::<DictViewObj>(view);
            (v.dict, v.which)
        };
        match which {
            0 => Ok(self.dict_get(d, item)?.is_some()),
            2 => {
                let Some(t) = cast::<TupleObj>(item) else {
                    return Ok(false);
                };
                if t.len != 2 {
                    return Ok(false);
                }
                let (k, v) = (t.as_slice()[0], t.as_slice()[1]);
                match self.dict_get(d, k)? {
                    Some(x) => Ok(x == v || self.eq(x, v)?),
                    None => Ok(false),
                }
            }
            _ => {
                let vals: Vec<Value> = self.dict_items_vec(d).into_iter().map(|p| p.1).collect();
                let base = self.temp_roots.len();
                self.temp_roots.extend_from_slice(&vals);
                let r = (|| {
                    for x in &vals {
                        if *x == item || self.eq(*x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                })();
                self.temp_roots.truncate(base);
                r
            }
        }
    }

    /// A new set from a view operand (CPython's `dictviews_to_set`).
    fn dictview_to_set(&mut self, x: Value) -> PyResult<Value> {
        let src = match cast::<DictViewObj>(x) {
            Some(v) if v.which == 0 && self.type_of(v.dict) == self.types.dict => v.dict,
            _ => x,
        };
        let c = self.types.set;
        self.make_new_set(c, false, Some(src))
    }

    /// `&`, `|`, `-`, `^` with a keys or items view operand (CPython's `dictviews_*`).
    pub fn dictview_binop(
        &mut self,
        a: Value,
        b: Value,
        op: crate::bytecode::BinOp,
    ) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        let setlike = |v: Value| matches!(cast::<DictViewObj>(v), Some(x) if x.which != 1);
        if !setlike(a) && !setlike(b) {
            return Ok(Value::NOT_IMPLEMENTED);
        }
        if op == BinOp::And {
            let (mut this, mut other) = if setlike(a) { (a, b) } else { (b, a) };
            let len_self = self.len(this)?;
            if is::<SetObj>(other) && self.type_of(other) == self.types.set {
                if len_self <= self.set_len(other) {
                    return self.set_intersection(other, this);
                }
            }
            if setlike(other) && self.len(other)? > len_self {
                std::mem::swap(&mut this, &mut other);
            }
            let c = self.types.set;
            let result = self.new_empty_set(c, false)?;
            self.temp_roots.push(result);
            let it = self.get_iter(other);
            let r = it.and_then(|it| {
                self.temp_roots.push(it);
                let r = (|| {
                    while let Some(k) = self.iter_next(it)? {
                        if self.dictview_contains(this, k)? {
                            self.set_add(result, k)?;
                        }
                    }
                    Ok(result)
                })();
                self.temp_roots.pop();
                r
            });
            self.temp_roots.pop();
            return r;
        }
        let r = self.dictview_to_set(a)?;
        self.temp_roots.push(r);
        let x = match op {
            BinOp::Or => self.set_update(r, b),
            BinOp::Sub => self.set_difference_update(r, b),
            _ => self.set_symmetric_difference_update(r, b),
        };
        self.temp_roots.pop();
        x.map(|_| r)
    }
}
