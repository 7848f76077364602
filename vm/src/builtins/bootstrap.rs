//! Creating a VM: the heap, the builtin type objects, the exception hierarchy, the `builtins` and `sys`
//! modules, and the native-function table.
//!
//! Bootstrap order matters because every object's header names its class: the type objects for `type`,
//! `dict`, `str`, `tuple` and `value array` are created while their own classes do not exist yet, with a
//! NULL class word, and patched once they do (`fix_classes`). After `Vm::new` returns, every reachable
//! object has a valid class, every builtin type has its MRO, and every `ExcTypes` field is set.

use crate::access::{Mode, Slot};
use crate::interp::runtime::{ExcTypes, Names, Runtime, Types, EXCEPTION_HIERARCHY};
use crate::interp::{NativeEntry, NativeFn, PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use std::collections::HashMap;
use weft_gc::{Heap, Mutator};

/// (field of `Types`, `__name__`, layout, base field or "" for object, subclassable)
const BUILTIN_TYPES: &[(&str, &str, Kind, &str, bool)] = &[
    ("object", "object", Kind::Instance, "", true),
    ("type_", "type", Kind::Type, "object", true),
    ("int", "int", Kind::BigInt, "object", true),
    ("bool", "bool", Kind::BigInt, "int", false),
    ("float", "float", Kind::Instance, "object", true),
    ("complex", "complex", Kind::Complex, "object", true),
    ("str", "str", Kind::Str, "object", true),
    ("bytes", "bytes", Kind::Bytes, "object", true),
    ("bytearray", "bytearray", Kind::ByteArray, "object", true),
    ("tuple", "tuple", Kind::Tuple, "object", true),
    ("list", "list", Kind::List, "object", true),
    ("dict", "dict", Kind::Dict, "object", true),
    ("set", "set", Kind::Set, "object", true),
    ("frozenset", "frozenset", Kind::FrozenSet, "object", true),
    ("range", "range", Kind::Range, "object", false),
    ("slice", "slice", Kind::Slice, "object", false),
    ("function", "function", Kind::Function, "object", false),
    (
        "builtin_function",
        "builtin_function_or_method",
        Kind::Native,
        "object",
        false,
    ),
    ("method", "method", Kind::BoundMethod, "object", false),
    ("code", "code", Kind::Code, "object", false),
    ("cell", "cell", Kind::Cell, "object", false),
    ("module", "module", Kind::Module, "object", true),
    ("generator", "generator", Kind::Generator, "object", false),
    ("property", "property", Kind::Property, "object", true),
    (
        "classmethod",
        "classmethod",
        Kind::ClassMethod,
        "object",
        true,
    ),
    (
        "staticmethod",
        "staticmethod",
        Kind::StaticMethod,
        "object",
        true,
    ),
    ("super_", "super", Kind::Super, "object", true),
    ("none_type", "NoneType", Kind::Instance, "object", false),
    (
        "not_implemented_type",
        "NotImplementedType",
        Kind::Instance,
        "object",
        false,
    ),
    ("ellipsis_type", "ellipsis", Kind::Instance, "object", false),
    (
        "value_array",
        "value_array",
        Kind::ValueArray,
        "object",
        false,
    ),
    ("traceback", "traceback", Kind::Traceback, "object", false),
    ("dict_keys", "dict_keys", Kind::DictView, "object", false),
    (
        "dict_values",
        "dict_values",
        Kind::DictView,
        "object",
        false,
    ),
    ("dict_items", "dict_items", Kind::DictView, "object", false),
    (
        "list_iterator",
        "list_iterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "list_reverseiterator",
        "list_reverseiterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "tuple_iterator",
        "tuple_iterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "str_iterator",
        "str_ascii_iterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "bytes_iterator",
        "bytes_iterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "range_iterator",
        "range_iterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "dict_keyiterator",
        "dict_keyiterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "dict_valueiterator",
        "dict_valueiterator",
        Kind::Iter,
        "object",
        false,
    ),
    (
        "dict_itemiterator",
        "dict_itemiterator",
        Kind::Iter,
        "object",
        false,
    ),
    ("set_iterator", "set_iterator", Kind::Iter, "object", false),
    ("seq_iterator", "iterator", Kind::Iter, "object", false),
    ("reversed", "reversed", Kind::Iter, "object", false),
    ("enumerate", "enumerate", Kind::Iter, "object", false),
    ("zip", "zip", Kind::Iter, "object", false),
    ("map", "map", Kind::Iter, "object", false),
    ("filter", "filter", Kind::Iter, "object", false),
    (
        "callable_iterator",
        "callable_iterator",
        Kind::Iter,
        "object",
        false,
    ),
];

/// `ZeroDivisionError` -> `zero_division_error`, `OSError` -> `os_error` (the `ExcTypes` field names).
fn snake_case(name: &str) -> String {
    let c: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, ch) in c.iter().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            let prev_lower = c[i - 1].is_ascii_lowercase();
            let next_lower = c.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev_lower || (c[i - 1].is_ascii_uppercase() && next_lower) {
                out.push('_');
            }
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

impl<M: Mode> Vm<M> {
    /// A fully bootstrapped VM for the main thread (see the module documentation).
    pub fn new() -> Vm<M> {
        let heap = Heap::global();
        register_kinds(heap);
        let mut vm = Vm {
            cx: crate::access::TxCtx::new(),
            txs: crate::interp::stm_sched::TxState::new(),
            heap,
            mutator: Mutator::new(heap),
            stack: Vec::with_capacity(1 << 16),
            frames: Vec::new(),
            temp_roots: Vec::new(),
            types: Types::null(),
            exc: ExcTypes::null(),
            rt: Runtime {
                builtins: Value::NULL,
                builtins_module: Value::NULL,
                modules: Value::NULL,
                sys: Value::NULL,
                empty_tuple: None,
                path: Value::NULL,
                main_dict: Value::NULL,
                stdout: Value::NULL,
                stderr: Value::NULL,
                prelude: Value::NULL,
                names: Names::null(),
                chars: [Value::NULL; 256],
            },
            natives: Vec::new(),
            shared: crate::interp::threads::Shared::new(),
            exc_info: Value::NULL,
            interned: HashMap::new(),
            recursion_limit: 1000,
            native_depth: 0,
            atomic_depth: 0,
            ident: 1,
            reraising: false,
            repr_stack: Vec::new(),
            attr_memo: crate::interp::attr::AttrMemo::new(),
            _mode: std::marker::PhantomData,
        };
        vm.bootstrap_types()
            .expect("out of memory during bootstrap");
        for i in 0..256u32 {
            let mut buf = [0u8; 4];
            let c = char::from_u32(i).expect("Latin-1 code point");
            vm.rt.chars[i as usize] = vm.intern(c.encode_utf8(&mut buf));
        }
        vm
    }

    fn bootstrap_types(&mut self) -> PyResult<()> {
        // 1. Type objects with NULL class words; their dicts likewise.
        let mut made: Vec<Value> = Vec::new();
        let mut by_field: HashMap<&str, Value> = HashMap::new();
        for (field, name, layout, _base, base_ok) in BUILTIN_TYPES {
            let dict = self.new_dict()?;
            made.push(dict);
            let tt = self.types.type_;
            let t = self.alloc(
                tt,
                TypeObj {
                    header: Self::hdr(),
                    name: (*name).into(),
                    qualname: Slot::new(Value::NULL),
                    dict,
                    bases: Slot::new(Value::NULL),
                    mro: Slot::new(Value::NULL),
                    layout: *layout,
                    builtin: true,
                    base_ok: *base_ok,
                    slot_names: Vec::new(),
                    has_dict: false,
                    has_getattr: Slot::new(Value::FALSE),
                },
            )?;
            made.push(t);
            by_field.insert(field, t);
            *self.types.field_mut(field).expect("Types field") = t;
        }
        // 2. Patch class words now that type, dict exist.
        for v in &made {
            let cls = if is::<TypeObj>(*v) {
                self.types.type_
            } else {
                self.types.dict
            };
            header(*v).set_class(cls.bits());
        }
        // 3. Empty tuple, names, bases and MROs.
        let et = self.new_tuple_of(self.types.tuple, &[])?;
        self.rt.empty_tuple = Some(et);
        for (field, name, _, base, _) in BUILTIN_TYPES {
            let t = by_field[field];
            let qn = self.intern(name);
            self.store(&obj::<TypeObj>(t).qualname, qn);
            let (bases, mro) = if base.is_empty() {
                (self.new_tuple(&[])?, self.new_tuple(&[t])?)
            } else {
                let b = by_field[base];
                let mut m = vec![t];
                m.extend_from_slice(self.mro_of(b));
                (self.new_tuple(&[b])?, self.new_tuple(&m)?)
            };
            self.store(&obj::<TypeObj>(t).bases, bases);
            self.store(&obj::<TypeObj>(t).mro, mro);
        }
        self.rt.names = Names::from_fn(|_| Value::NULL);
        let names = Names::from_fn(|n| self.intern(n));
        self.rt.names = names;

        // 4. Modules: builtins and sys.
        self.rt.modules = self.new_dict()?;
        let bm = self.new_module("builtins")?;
        self.rt.builtins_module = bm;
        self.rt.builtins = obj::<ModuleObj>(bm).dict;
        for (field, name, _, _, _) in BUILTIN_TYPES {
            let t = by_field[field];
            let m = self.intern("builtins");
            self.dict_set_str(obj::<TypeObj>(t).dict, "__module__", m)?;
            if !name.contains("iterator") && *field != "value_array" {
                self.dict_set_str(self.rt.builtins, name, t)?;
            }
        }
        // 5. Exceptions.
        let mut exc_by_name: HashMap<&str, Value> = HashMap::new();
        for (name, parent) in EXCEPTION_HIERARCHY {
            let base = if parent.is_empty() {
                self.types.object
            } else {
                exc_by_name[parent]
            };
            let t = self.new_builtin_type(name, base, Kind::Exception, true, true)?;
            exc_by_name.insert(name, t);
            if let Some(f) = self.exc.field_mut(&snake_case(name)) {
                *f = t;
            }
            self.dict_set_str(self.rt.builtins, name, t)?;
        }
        for alias in ["IOError", "EnvironmentError"] {
            let os = self.exc.os_error;
            self.dict_set_str(self.rt.builtins, alias, os)?;
        }
        self.dict_set_str(self.rt.builtins, "None", Value::NONE)?;
        self.dict_set_str(self.rt.builtins, "Ellipsis", Value::ELLIPSIS)?;
        self.dict_set_str(self.rt.builtins, "NotImplemented", Value::NOT_IMPLEMENTED)?;
        self.dict_set_str(self.rt.builtins, "True", Value::TRUE)?;
        self.dict_set_str(self.rt.builtins, "False", Value::FALSE)?;
        self.dict_set_str(self.rt.builtins, "__debug__", Value::TRUE)?;
        let bn = self.intern("builtins");
        self.dict_set_str(self.rt.builtins, "__name__", bn)?;

        // 6. Methods and functions of every builtin.
        crate::builtins::register_all(self)?;
        self.run_prelude()
    }

    /// Runs `builtins/prelude.py` (builtins written in Python) and exports its public names.
    fn run_prelude(&mut self) -> PyResult<()> {
        let g = self.new_dict()?;
        self.rt.prelude = g;
        let n = self.intern("builtins");
        self.dict_set_str(g, "__name__", n)?;
        let b = self.rt.builtins_module;
        self.dict_set_str(g, "__builtins__", b)?;
        let code = self.compile_source(include_str!("prelude.py"), "<weft prelude>")?;
        self.temp_roots.push(code);
        let r = self.run_code(code, g, g);
        self.temp_roots.pop();
        r?;
        for (k, v) in self.dict_items_vec(g) {
            if is::<StrObj>(k) && !self.str_of(k).starts_with('_') {
                let b = self.rt.builtins;
                self.dict_set(b, k, v)?;
            }
        }
        crate::builtins::dunder_wrappers::register_layout_getsets(self)
    }

    /// A builtin (Rust-implemented) type deriving from `base`.
    pub fn new_builtin_type(
        &mut self,
        name: &str,
        base: Value,
        layout: Kind,
        base_ok: bool,
        has_dict: bool,
    ) -> PyResult<Value> {
        let dict = self.new_dict()?;
        self.temp_roots.push(dict);
        let qn = self.new_str(name);
        let qn = match qn {
            Ok(q) => q,
            Err(e) => {
                self.temp_roots.pop();
                return Err(e);
            }
        };
        self.temp_roots.push(qn);
        let r = (|| {
            let bases = self.new_tuple(&[base])?;
            self.temp_roots.push(bases);
            let tt = self.types.type_;
            let t = self.alloc(
                tt,
                TypeObj {
                    header: Self::hdr(),
                    name: name.into(),
                    qualname: Slot::new(qn),
                    dict,
                    bases: Slot::new(bases),
                    mro: Slot::new(Value::NULL),
                    layout,
                    builtin: true,
                    base_ok,
                    slot_names: Vec::new(),
                    has_dict,
                    has_getattr: Slot::new(Value::FALSE),
                },
            );
            self.temp_roots.pop();
            let t = t?;
            let mut m = vec![t];
            m.extend_from_slice(self.mro_of(base));
            let mro = self.new_tuple(&m)?;
            self.store(&obj::<TypeObj>(t).mro, mro);
            let bm = self.intern("builtins");
            self.dict_set_str(dict, "__module__", bm)?;
            Ok(t)
        })();
        self.temp_roots.truncate(self.temp_roots.len() - 2);
        r
    }

    /// A new module object named `name` with `__name__` set, registered in `sys.modules`.
    pub fn new_module(&mut self, name: &str) -> PyResult<Value> {
        let d = self.new_dict()?;
        header(d).insert_flags(MODULE_DICT_FLAG);
        self.temp_roots.push(d);
        let mc = self.types.module;
        let m = self.alloc(
            mc,
            ModuleObj {
                header: Self::hdr(),
                dict: d,
            },
        );
        self.temp_roots.pop();
        let m = m?;
        let n = self.new_str(name)?;
        self.dict_set_str(d, "__name__", n)?;
        self.dict_set_str(d, "__doc__", Value::NONE)?;
        let n = self.new_str(name)?;
        self.dict_set(self.rt.modules, n, m)?;
        Ok(m)
    }

    // ----- native registration -------------------------------------------------------------------------

    /// Adds `f` to the native table and returns its id.
    pub fn register_native(&mut self, name: &'static str, f: NativeFn<M>) -> u32 {
        let shared = self.shared.clone();
        let mut g = shared.natives.lock().unwrap_or_else(|e| e.into_inner());
        g.push(NativeEntry { name, f });
        let id = g.len() - 1;
        let have = self.natives.len();
        self.natives.extend_from_slice(&g[have..]);
        id as u32
    }

    /// A native function object. `owner` is the defining type (NULL for plain functions); `binds`: a
    /// method that binds its receiver as the first argument; `classmethod`: binds the class instead.
    pub fn new_native(
        &mut self,
        name: &'static str,
        f: NativeFn<M>,
        owner: Value,
        binds: bool,
        classmethod: bool,
    ) -> PyResult<Value> {
        let id = self.register_native(name, f);
        let cls = self.types.builtin_function;
        self.alloc(
            cls,
            NativeObj {
                header: Self::hdr(),
                name,
                id,
                bound: Value::NULL,
                owner,
                binds,
                classmethod,
            },
        )
    }

    /// Defines method `name` on builtin type `ty` (receives the instance as `args[0]`).
    pub fn def_method(&mut self, ty: Value, name: &'static str, f: NativeFn<M>) -> PyResult<()> {
        let n = self.new_native(name, f, ty, true, false)?;
        self.dict_set_str(obj::<TypeObj>(ty).dict, name, n)
    }

    /// Defines a class method (receives the class as `args[0]`), e.g. `dict.fromkeys`.
    pub fn def_classmethod(
        &mut self,
        ty: Value,
        name: &'static str,
        f: NativeFn<M>,
    ) -> PyResult<()> {
        let n = self.new_native(name, f, ty, true, true)?;
        self.dict_set_str(obj::<TypeObj>(ty).dict, name, n)
    }

    /// Defines a static method or `__new__` (receives exactly the call's arguments; `__new__` gets the
    /// class as `args[0]` from `call_type`).
    pub fn def_static(&mut self, ty: Value, name: &'static str, f: NativeFn<M>) -> PyResult<()> {
        let n = self.new_native(name, f, ty, false, false)?;
        self.dict_set_str(obj::<TypeObj>(ty).dict, name, n)
    }

    /// Defines function `name` in the namespace dict `ns` (a module's globals).
    pub fn def_fn(&mut self, ns: Value, name: &'static str, f: NativeFn<M>) -> PyResult<()> {
        let n = self.new_native(name, f, Value::NULL, false, false)?;
        self.dict_set_str(ns, name, n)
    }
}

impl<M: Mode> Default for Vm<M> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn exception_field_names() {
        assert_eq!(snake_case("ZeroDivisionError"), "zero_division_error");
        assert_eq!(snake_case("OSError"), "os_error");
        assert_eq!(snake_case("EOFError"), "eof_error");
        assert_eq!(snake_case("BaseException"), "base_exception");
    }
}
