//! Turning compiler output into runtime objects (code objects, functions) and the interpreter helpers
//! behind `with` and `match`.
//!
//! `materialize` converts a [`CodeUnit`] tree into `CodeObj`s whose constants are heap values; it runs
//! before the code executes and allocates, but never runs Python code. The `match` helpers follow
//! CPython's rules: sequences are instances of list/tuple/range or classes registered as sequences
//! (never str/bytes/bytearray), mappings are dicts or classes with the mapping flag; class patterns use
//! `__match_args__` and the "self" rule for builtin types.

use crate::access::{Mode, Slot};
use crate::bytecode::Code;
use crate::compile::{CodeUnit, Const};
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

impl<M: Mode> Vm<M> {
    /// A heap value for a compile-time constant.
    fn const_value(&mut self, c: &Const, filename: Value) -> PyResult<Value> {
        Ok(match c {
            Const::None => Value::NONE,
            Const::Bool(b) => Value::bool(*b),
            Const::Int(i) => self.new_bigint(i.clone())?,
            Const::Float(f) => Value::float(*f),
            Const::Complex(re, im) => self.new_complex(*re, *im)?,
            Const::Str(s) => {
                if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    self.intern(s)
                } else {
                    self.new_str(s)?
                }
            }
            Const::WStr(w) => {
                let c = self.types.str;
                self.new_wide_of(c, w.clone())?
            }
            Const::Bytes(b) => self.new_bytes(b)?,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Tuple(items) => {
                let mark = self.temp_roots.len();
                let mut vals = Vec::with_capacity(items.len());
                for it in items {
                    let v = self.const_value(it, filename);
                    match v {
                        Ok(v) => {
                            self.temp_roots.push(v);
                            vals.push(v);
                        }
                        Err(e) => {
                            self.temp_roots.truncate(mark);
                            return Err(e);
                        }
                    }
                }
                let t = self.new_tuple(&vals);
                self.temp_roots.truncate(mark);
                t?
            }
            Const::FrozenSet(items) => {
                let t = self.const_value(&Const::Tuple(items.clone()), filename)?;
                self.temp_roots.push(t);
                let r = self.new_const_frozenset(obj::<TupleObj>(t).as_slice());
                self.temp_roots.pop();
                r?
            }
            Const::Code(u) => self.materialize(u, filename)?,
        })
    }

    /// Builds the runtime code object (and, recursively, its nested code objects) for `unit`.
    pub fn materialize(&mut self, unit: &CodeUnit, filename: Value) -> PyResult<Value> {
        let mark = self.temp_roots.len();
        let r = self.materialize_inner(unit, filename);
        self.temp_roots.truncate(mark);
        r
    }

    fn materialize_inner(&mut self, unit: &CodeUnit, filename: Value) -> PyResult<Value> {
        let mut consts = Vec::with_capacity(unit.consts.len());
        for c in &unit.consts {
            let v = self.const_value(c, filename)?;
            self.temp_roots.push(v);
            consts.push(v);
        }
        let names: Vec<Value> = unit.names.iter().map(|n| self.intern(n)).collect();
        let varnames: Vec<Value> = unit.varnames.iter().map(|n| self.intern(n)).collect();
        let cellvars: Vec<Value> = unit.cellvars.iter().map(|n| self.intern(n)).collect();
        let freevars: Vec<Value> = unit.freevars.iter().map(|n| self.intern(n)).collect();
        let name = self.intern(&unit.name);
        let qualname = self.new_str(&unit.qualname)?;
        self.temp_roots.push(qualname);
        let doc = match &unit.docstring {
            Some(d) => self.new_str(d)?,
            None => Value::NONE,
        };
        self.temp_roots.push(doc);
        let code = Code {
            name,
            qualname,
            filename,
            firstlineno: unit.firstlineno,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            instrs: unit.instrs.clone(),
            lines: unit.lines.clone(),
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg: unit.cell2arg.clone(),
            exc_table: unit.exc_table.clone(),
            max_stack: unit.max_stack,
            doc,
            caches: (0..unit.instrs.len())
                .map(|_| crate::bytecode::InlineCache::default())
                .collect(),
            caches_used: std::sync::atomic::AtomicBool::new(false),
        };
        let cls = self.types.code;
        self.alloc(
            cls,
            CodeObj {
                header: Self::hdr(),
                code,
            },
        )
    }

    /// `MakeFunction`: pops the code object and the parts named by `flags` (see the opcode table).
    pub fn make_function(&mut self, flags: u32, globals: Value) -> PyResult<Value> {
        let code = self.stack.pop().expect("MakeFunction without code");
        let closure = if flags & 8 != 0 {
            self.stack.pop().unwrap()
        } else {
            Value::NULL
        };
        let annotations = if flags & 4 != 0 {
            self.stack.pop().unwrap()
        } else {
            Value::NULL
        };
        let kwdefaults = if flags & 2 != 0 {
            self.stack.pop().unwrap()
        } else {
            Value::NULL
        };
        let defaults = if flags & 1 != 0 {
            self.stack.pop().unwrap()
        } else {
            Value::NULL
        };
        let c = &obj::<CodeObj>(code).code;
        let (name, qualname, doc) = (c.name, c.qualname, c.doc);
        let module = self
            .dict_get_name(globals, "__name__")
            .unwrap_or(Value::NONE);
        let cls = self.types.function;
        self.alloc(
            cls,
            FunctionObj {
                header: Self::hdr(),
                code,
                globals,
                name: Slot::new(name),
                qualname: Slot::new(qualname),
                defaults: Slot::new(defaults),
                kwdefaults: Slot::new(kwdefaults),
                closure,
                dict: Slot::new(Value::NULL),
                doc: Slot::new(doc),
                module: Slot::new(module),
                annotations: Slot::new(annotations),
            },
        )
    }

    /// `BeforeWith`: looks up `__enter__`/`__exit__` on the manager's type, calls `__enter__`, returns
    /// (bound `__exit__`, result of `__enter__`).
    pub fn with_enter(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let en = self.rt.names.__enter__;
        let ex = self.rt.names.__exit__;
        let Some(enter) = self.type_lookup(t, en) else {
            let tn = self.tname(mgr).to_string();
            return Err(self.type_error(format!(
                "'{tn}' object does not support the context manager protocol"
            )));
        };
        let Some(exit) = self.type_lookup(t, ex) else {
            let tn = self.tname(mgr).to_string();
            return Err(self.type_error(format!(
                "'{tn}' object does not support the context manager protocol (missed __exit__ method)"
            )));
        };
        let exit_bound = self.descr_get(exit, mgr, t)?;
        self.temp_roots.push(exit_bound);
        let r = self.call_method_value(enter, mgr, &[]);
        self.temp_roots.pop();
        Ok((exit_bound, r?))
    }

    // ----- match ------------------------------------------------------------------------------------------

    /// `MatchSequence`: list, tuple, range, deque-like (collections.abc.Sequence registered) — not str/bytes.
    pub fn is_match_sequence(&mut self, o: Value) -> bool {
        if !o.is_ptr() {
            return false;
        }
        match crate::interp::attr::ops_kind(o) {
            Some(Kind::List) | Some(Kind::Tuple) | Some(Kind::Range) => true,
            Some(Kind::Str) | Some(Kind::Bytes) | Some(Kind::ByteArray) | Some(Kind::Dict) => false,
            _ => self.type_flag(o, "__weft_sequence__"),
        }
    }

    /// `MatchMapping`: dicts (and subclasses) and classes flagged as mappings.
    pub fn is_match_mapping(&mut self, o: Value) -> bool {
        if is::<DictObj>(o) {
            return true;
        }
        o.is_ptr() && self.type_flag(o, "__weft_mapping__")
    }

    /// A marker attribute set on a class (or a base) by `collections.abc` registration.
    fn type_flag(&mut self, o: Value, flag: &str) -> bool {
        let t = self.type_of(o);
        let n = self.intern(flag);
        matches!(self.type_lookup(t, n), Some(v) if v == Value::TRUE)
    }

    /// `MatchKeys`: a tuple of the subject's values for `keys`, or None if one is missing.
    pub fn match_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let ks = obj::<TupleObj>(keys).as_slice().to_vec();
        let mut vals = Vec::with_capacity(ks.len());
        let mark = self.temp_roots.len();
        for (i, k) in ks.iter().enumerate() {
            if ks[..i].iter().any(|p| p == k) {
                let r = self.repr_string(*k)?;
                self.temp_roots.truncate(mark);
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            let v = if is::<DictObj>(subj) && self.type_of(subj) == self.types.dict {
                self.dict_get(subj, *k)?
            } else {
                let d = self.new_list(&[])?; // unique sentinel
                self.temp_roots.push(d);
                let r = self.call_method(subj, "get", &[*k, d]);
                let r = match r {
                    Ok(r) => r,
                    Err(e) => {
                        self.temp_roots.truncate(mark);
                        return Err(e);
                    }
                };
                if r == d {
                    None
                } else {
                    Some(r)
                }
            };
            match v {
                Some(v) => {
                    self.temp_roots.push(v);
                    vals.push(v);
                }
                None => {
                    self.temp_roots.truncate(mark);
                    return Ok(Value::NONE);
                }
            }
        }
        let t = self.new_tuple(&vals);
        self.temp_roots.truncate(mark);
        t
    }

    /// `MatchClass`: isinstance check, then `nargs` positional attributes via `__match_args__` and the
    /// keyword attributes `names`; a tuple of them or None.
    pub fn match_class(
        &mut self,
        subj: Value,
        cls: Value,
        nargs: usize,
        names: Value,
    ) -> PyResult<Value> {
        if !is::<TypeObj>(cls) {
            return Err(self.type_error("called match pattern must be a class"));
        }
        if !self.is_instance(subj, cls) {
            return Ok(Value::NONE);
        }
        let mut attrs: Vec<Value> = Vec::new();
        let mark = self.temp_roots.len();
        let result = (|| {
            if nargs > 0 {
                let ma = self.rt.names.__match_args__;
                let match_args = self.getattr_opt(cls, ma)?;
                match match_args {
                    Some(t) if is::<TupleObj>(t) => {
                        let items = obj::<TupleObj>(t).as_slice().to_vec();
                        if nargs > items.len() {
                            let cn = self.type_name(cls).to_string();
                            return Err(self.type_error(format!(
                                "{cn}() accepts {} positional sub-pattern{} ({nargs} given)",
                                items.len(),
                                if items.len() == 1 { "" } else { "s" }
                            )));
                        }
                        for n in &items[..nargs] {
                            if !is::<StrObj>(*n) {
                                return Err(self.type_error(format!(
                                    "__match_args__ elements must be strings (got {})",
                                    self.tname(*n)
                                )));
                            }
                            attrs.push(*n);
                        }
                    }
                    Some(t) => {
                        return Err(self.type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            self.type_name(cls),
                            self.tname(t)
                        )))
                    }
                    None => {
                        // Builtins matched by "self": bool, bytearray, bytes, dict, float, frozenset, int,
                        // list, set, str, tuple.
                        let selfish = [
                            self.types.bool,
                            self.types.bytearray,
                            self.types.bytes,
                            self.types.dict,
                            self.types.float,
                            self.types.frozenset,
                            self.types.int,
                            self.types.list,
                            self.types.set,
                            self.types.str,
                            self.types.tuple,
                        ];
                        if nargs == 1 && selfish.iter().any(|t| self.is_subtype(cls, *t)) {
                            attrs.push(Value::NULL);
                        } else {
                            let cn = self.type_name(cls).to_string();
                            return Err(self.type_error(format!(
                                "{cn}() accepts 0 positional sub-patterns ({nargs} given)"
                            )));
                        }
                    }
                }
            }
            let kw = obj::<TupleObj>(names).as_slice().to_vec();
            for k in kw {
                if attrs.contains(&k) {
                    let cn = self.type_name(cls).to_string();
                    let kn = self.str_of(k).to_string();
                    return Err(self.type_error(format!(
                        "{cn}() got multiple sub-patterns for attribute '{kn}'"
                    )));
                }
                attrs.push(k);
            }
            let mut vals = Vec::with_capacity(attrs.len());
            for a in &attrs {
                if a.is_null() {
                    vals.push(subj);
                    continue;
                }
                match self.getattr_opt(subj, *a)? {
                    Some(v) => {
                        self.temp_roots.push(v);
                        vals.push(v);
                    }
                    None => return Ok(Value::NONE),
                }
            }
            self.new_tuple(&vals)
        })();
        self.temp_roots.truncate(mark);
        result
    }

    /// `CopyDictWithoutKeys`: `{**subj}` minus `keys` (for `**rest` in mapping patterns).
    pub fn copy_dict_without_keys(&mut self, subj: Value, keys: Value) -> PyResult<Value> {
        let d = self.new_dict()?;
        self.temp_roots.push(d);
        let r = (|| {
            self.dict_update_from(d, subj)?;
            for k in obj::<TupleObj>(keys).as_slice().to_vec() {
                self.dict_del(d, k)?;
            }
            Ok(d)
        })();
        self.temp_roots.pop();
        r
    }
}
