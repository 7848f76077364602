//! `object`, `type` (class creation, C3 MRO, `__slots__`), `super`, `property`, `classmethod`,
//! `staticmethod`, and `__build_class__`.
//!
//! A user class is a `TypeObj` with `builtin == false`. Its instance layout is the most derived builtin
//! layout among its bases (`Instance` for plain classes; `Exception`, `List`, `Dict`, ... when it derives
//! from those); `__slots__` adds value slots to `Instance` layouts and removes the instance `__dict__`
//! unless `__dict__` is listed. A direct subclass of `float` gets a hidden first slot holding its value
//! (`int_type::FLOAT_VALUE_SLOT`).
//!
//! Class dicts get CPython's descriptors: a `member_descriptor` per declared slot and `__dict__` /
//! `__weakref__` getset descriptors where the class introduces them (the descriptor classes live in the
//! prelude). `cls.__dict__` is a read-only `mappingproxy`, `obj.__class__` is a data descriptor on
//! `object` (its assignment switches between layout-compatible user classes), `X | Y` on classes builds a
//! `types.UnionType` (prelude), and `type.__subclasses__` reads a registry kept in the prelude namespace.

use crate::access::{Mode, Slot};
use crate::bytecode::CmpOp;
use crate::interp::frame::{Boundary, FrameInfo};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let o = vm.types.object;
    vm.def_static(o, "__new__", object_new)?;
    vm.def_method(o, "__init__", object_init)?;
    vm.def_method(o, "__repr__", object_repr)?;
    vm.def_method(o, "__str__", object_str)?;
    vm.def_method(o, "__hash__", object_hash)?;
    vm.def_method(o, "__eq__", object_eq)?;
    vm.def_method(o, "__ne__", object_ne)?;
    vm.def_method(o, "__format__", object_format)?;
    vm.def_method(o, "__getattribute__", object_getattribute)?;
    vm.def_method(o, "__setattr__", object_setattr)?;
    vm.def_method(o, "__delattr__", object_delattr)?;
    vm.def_method(o, "__dir__", object_dir)?;
    vm.def_classmethod(o, "__init_subclass__", object_init_subclass)?;
    vm.def_method(o, "__reduce_ex__", object_reduce_ex)?;
    // `obj.__class__` (and its assignment between compatible user classes) is a data descriptor.
    let getter = vm.new_native("__class__", object_class_get, o, false, false)?;
    let setter = vm.new_native("__class__", object_class_set, o, false, false)?;
    let pc = vm.types.property;
    let prop = vm.alloc(
        pc,
        PropertyObj {
            header: Vm::<M>::hdr(),
            fget: getter,
            fset: setter,
            fdel: Value::NONE,
            doc: Value::NONE,
        },
    )?;
    vm.dict_set_str(obj::<TypeObj>(o).dict, "__class__", prop)?;
    let doc = vm.new_str("The base class of the class hierarchy.")?;
    vm.dict_set_str(obj::<TypeObj>(o).dict, "__doc__", doc)?;

    let m = vm.types.module;
    vm.def_static(m, "__new__", module_new)?;
    vm.def_method(m, "__init__", module_init)?;

    let t = vm.types.type_;
    vm.def_static(t, "__new__", type_new)?;
    vm.def_method(t, "__init__", type_init)?;
    vm.def_method(t, "mro", type_mro)?;
    vm.def_method(t, "__subclasses__", type_subclasses)?;
    vm.def_method(t, "__instancecheck__", type_instancecheck)?;
    vm.def_method(t, "__subclasscheck__", type_subclasscheck)?;
    vm.def_method(t, "__call__", type_call)?;
    vm.def_method(t, "__prepare__", type_prepare)?;
    vm.def_method(t, "__or__", type_or)?;
    vm.def_method(t, "__ror__", type_ror)?;
    // `cls.__dict__` is a read-only mappingproxy (a data descriptor on the metaclass).
    let getter = vm.new_native("__dict__", type_dict_get, t, false, false)?;
    let pc = vm.types.property;
    let prop = vm.alloc(
        pc,
        PropertyObj {
            header: Vm::<M>::hdr(),
            fget: getter,
            fset: Value::NONE,
            fdel: Value::NONE,
            doc: Value::NONE,
        },
    )?;
    vm.dict_set_str(obj::<TypeObj>(t).dict, "__dict__", prop)?;

    let s = vm.types.super_;
    vm.def_static(s, "__new__", super_new)?;

    let p = vm.types.property;
    vm.def_static(p, "__new__", property_new)?;
    vm.def_method(p, "getter", property_getter)?;
    vm.def_method(p, "setter", property_setter)?;
    vm.def_method(p, "deleter", property_deleter)?;
    vm.def_method(p, "__get__", property_get)?;
    vm.def_method(p, "__set__", property_set)?;
    vm.def_method(p, "__delete__", property_delete)?;

    let c = vm.types.classmethod;
    vm.def_static(c, "__new__", classmethod_new)?;
    vm.def_method(c, "__get__", classmethod_get)?;
    let c = vm.types.staticmethod;
    vm.def_static(c, "__new__", staticmethod_new)?;
    vm.def_method(c, "__get__", staticmethod_get)?;
    vm.def_method(c, "__call__", staticmethod_call)?;

    let f = vm.types.function;
    vm.def_method(f, "__get__", function_get)?;
    for t in [
        vm.types.none_type,
        vm.types.not_implemented_type,
        vm.types.ellipsis_type,
    ] {
        vm.def_static(t, "__new__", singleton_new)?;
    }

    let b = vm.rt.builtins;
    vm.def_fn(b, "__build_class__", build_class)?;
    Ok(())
}

// ----- object ------------------------------------------------------------------------------------------

impl<M: Mode> Vm<M> {
    /// Allocates an uninitialised instance of class `cls` with the right layout.
    pub fn alloc_instance(&mut self, cls: Value) -> PyResult<Value> {
        let t = obj::<TypeObj>(cls);
        match t.layout {
            Kind::Instance => {
                let n = t.slot_names.len();
                let v = self.alloc_var(
                    cls,
                    InstanceObj {
                        header: Self::hdr(),
                        dict: Slot::new(Value::NULL),
                        nslots: n,
                        slots: [],
                    },
                    n * 8,
                )?;
                let inst = obj::<InstanceObj>(v);
                for i in 0..n {
                    inst.slot(i).init(Value::NULL);
                }
                Ok(v)
            }
            Kind::Exception => {
                let et = self.new_tuple(&[])?;
                self.alloc(
                    cls,
                    ExceptionObj {
                        header: Self::hdr(),
                        dict: Slot::new(Value::NULL),
                        args: Slot::new(et),
                        traceback: Slot::new(Value::NONE),
                        cause: Slot::new(Value::NONE),
                        context: Slot::new(Value::NONE),
                        suppress_context: Slot::new(Value::FALSE),
                    },
                )
            }
            Kind::List => self.new_list_of(cls, &[]),
            Kind::Dict => self.new_dict_of(cls),
            Kind::Set => self.new_set_of(cls, false, &[]),
            Kind::FrozenSet => self.new_set_of(cls, true, &[]),
            Kind::Tuple => self.new_tuple_of(cls, &[]),
            Kind::Module => {
                let d = self.new_dict()?;
                header(d).insert_flags(MODULE_DICT_FLAG);
                self.temp_roots.push(d);
                let m = self.alloc(
                    cls,
                    ModuleObj {
                        header: Self::hdr(),
                        dict: d,
                    },
                );
                self.temp_roots.pop();
                m
            }
            _ => {
                let n = self.type_name(cls).to_string();
                Err(self.type_error(format!(
                    "object.__new__({n}) is not safe, use {n}.__new__()"
                )))
            }
        }
    }

    /// Is `f` the native `name` defined by builtin type `owner`?
    pub fn is_native_of(&self, f: Value, owner: Value, name: &str) -> bool {
        cast::<NativeObj>(f).is_some_and(|n| n.owner == owner && n.name == name)
    }
}

fn object_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    if !is::<TypeObj>(cls) {
        let tn = vm.tname(cls).to_string();
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({tn})")));
    }
    if args.len() > 1 || !kwnames.is_empty() {
        // Excess arguments are an error unless __init__ is overridden (CPython's object_new rule).
        let init_name = vm.rt.names.__init__;
        let init = vm.type_lookup(cls, init_name);
        let obj_init = init.is_some_and(|f| vm.is_native_of(f, vm.types.object, "__init__"));
        if obj_init {
            let n = vm.type_name(cls).to_string();
            return Err(vm.type_error(format!("{n}() takes no arguments")));
        }
    }
    vm.alloc_instance(cls)
}

fn object_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        let t = vm.type_of(args[0]);
        let new_name = vm.rt.names.__new__;
        let new = vm.type_lookup(t, new_name);
        let obj_new = new.is_some_and(|f| vm.is_native_of(f, vm.types.object, "__new__"));
        let init_name = vm.rt.names.__init__;
        let init = vm.type_lookup(t, init_name);
        let obj_init = init.is_some_and(|f| vm.is_native_of(f, vm.types.object, "__init__"));
        if obj_new || !obj_init {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
    }
    Ok(Value::NONE)
}

fn object_repr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__repr__", args, kwnames, 0, 0)?;
    let s = if is::<InstanceObj>(args[0]) {
        vm.default_repr(args[0])
    } else {
        vm.native_repr(args[0])?
    };
    vm.new_string(s)
}

fn object_str<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__str__", args, kwnames, 0, 0)?;
    vm.repr(args[0])
}

fn object_hash<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__hash__", args, kwnames, 0, 0)?;
    let h = vm.hash(args[0])?;
    vm.new_int(h)
}

fn object_eq<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__eq__", args, kwnames, 1, 1)?;
    if args[0] == args[1] {
        return Ok(Value::TRUE);
    }
    if is::<InstanceObj>(args[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.native_compare(args[0], args[1], CmpOp::Eq)
}

fn object_ne<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__ne__", args, kwnames, 1, 1)?;
    let eq_name = vm.rt.names.__eq__;
    let t = vm.type_of(args[0]);
    let r = match vm.type_lookup(t, eq_name) {
        Some(f) => vm.call_method_value(f, args[0], &[args[1]])?,
        None => Value::NOT_IMPLEMENTED,
    };
    if r == Value::NOT_IMPLEMENTED {
        return Ok(r);
    }
    let b = vm.truthy(r)?;
    Ok(Value::bool(!b))
}

fn object_format<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__format__", args, kwnames, 1, 1)?;
    let spec = vm.expect_str(args[1], "format_spec")?.to_string();
    let s = vm.native_format(args[0], &spec)?;
    vm.new_string(s)
}

fn object_getattribute<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("__getattribute__", args, kwnames, 1, 1)?;
    let name = args[1];
    vm.expect_str(name, "attribute name")?;
    match vm.generic_getattr(args[0], name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(args[0], name)),
    }
}

fn object_setattr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__setattr__", args, kwnames, 2, 2)?;
    vm.expect_str(args[1], "attribute name")?;
    vm.generic_setattr(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn object_delattr<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__delattr__", args, kwnames, 1, 1)?;
    vm.expect_str(args[1], "attribute name")?;
    if let Some(d) = vm.instance_dict(args[0], false)? {
        if vm.dict_del(d, args[1])?.is_some() {
            return Ok(Value::NONE);
        }
    }
    Err(vm.no_attribute(args[0], args[1]))
}

fn object_dir<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__dir__", args, kwnames, 0, 0)?;
    let names = vm.dir_names(args[0])?;
    vm.new_list(&names)
}

fn object_init_subclass<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    if !kwnames.is_empty() {
        let n = vm.type_name(args[0]).to_string();
        return Err(vm.type_error(format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

fn object_reduce_ex<M: Mode>(
    vm: &mut Vm<M>,
    _args: &[Value],
    _kwnames: &[Value],
) -> PyResult<Value> {
    Err(vm.type_error("cannot pickle object"))
}

impl<M: Mode> Vm<M> {
    /// `dir(v)`: sorted attribute names of the instance dict and the class MRO.
    pub fn dir_names(&mut self, v: Value) -> PyResult<Vec<Value>> {
        let mut names: Vec<Value> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |vm: &mut Self, d: Value| {
            for (k, _) in vm.dict_items_vec(d) {
                if is::<StrObj>(k) && seen.insert(vm.str_of(k).to_string()) {
                    names.push(k);
                }
            }
        };
        if let Some(d) = self.instance_dict(v, false)? {
            add(self, d);
        }
        let mro: Vec<Value> = if is::<TypeObj>(v) {
            self.mro_of(v).to_vec()
        } else {
            let t = self.type_of(v);
            self.mro_of(t).to_vec()
        };
        for t in mro {
            let d = obj::<TypeObj>(t).dict;
            add(self, d);
        }
        names.sort_by(|a, b| self.str_of(*a).cmp(self.str_of(*b)));
        Ok(names)
    }
}

// ----- type --------------------------------------------------------------------------------------------

/// C3 linearisation of `cls` with `bases`; None when no consistent order exists.
fn c3_merge(mut seqs: Vec<Vec<Value>>) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut cand = None;
        for s in &seqs {
            let c = s[0];
            if !seqs.iter().any(|o| o[1..].contains(&c)) {
                cand = Some(c);
                break;
            }
        }
        let c = cand?;
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

/// The heads left when C3 merging fails (CPython lists them in its error message).
fn c3_conflict(mut seqs: Vec<Vec<Value>>) -> Vec<Value> {
    loop {
        seqs.retain(|s| !s.is_empty());
        let cand = seqs
            .iter()
            .map(|s| s[0])
            .find(|c| !seqs.iter().any(|o| o[1..].contains(c)));
        match cand {
            Some(c) => {
                for s in seqs.iter_mut() {
                    if s[0] == c {
                        s.remove(0);
                    }
                }
            }
            None => {
                let mut heads: Vec<Value> = Vec::new();
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                return heads;
            }
        }
    }
}

impl<M: Mode> Vm<M> {
    /// Creates a class: `type(name, bases, ns)` with metaclass `meta`.
    pub fn new_class(
        &mut self,
        meta: Value,
        name: Value,
        bases: Value,
        ns: Value,
        kwnames_vals: &[(Value, Value)],
    ) -> PyResult<Value> {
        let name_s = self
            .expect_str(name, "type.__new__() argument 1")?
            .to_string();
        let Some(bt) = cast::<TupleObj>(bases) else {
            let tn = self.tname(bases).to_string();
            return Err(
                self.type_error(format!("type.__new__() argument 2 must be tuple, not {tn}"))
            );
        };
        if !is::<DictObj>(ns) {
            let tn = self.tname(ns).to_string();
            return Err(
                self.type_error(format!("type.__new__() argument 3 must be dict, not {tn}"))
            );
        }
        let mut base_list: Vec<Value> = bt.as_slice().to_vec();
        if base_list.is_empty() {
            base_list.push(self.types.object);
        }
        for (i, b) in base_list.iter().enumerate() {
            if base_list[..i].contains(b) {
                let bn = self.type_name(*b).to_string();
                return Err(self.type_error(format!("duplicate base class {bn}")));
            }
            if !is::<TypeObj>(*b) {
                return Err(self.type_error("bases must be types"));
            }
            if !obj::<TypeObj>(*b).base_ok {
                let bn = self.type_name(*b).to_string();
                return Err(self.type_error(format!("type '{bn}' is not an acceptable base type")));
            }
        }
        // MRO.
        let mut seqs: Vec<Vec<Value>> =
            base_list.iter().map(|b| self.mro_of(*b).to_vec()).collect();
        seqs.push(base_list.clone());
        let Some(rest) = c3_merge(seqs.clone()) else {
            let names: Vec<String> = c3_conflict(seqs)
                .iter()
                .map(|b| self.type_name(*b).to_string())
                .collect();
            return Err(self.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        // Layout: the most derived non-Instance layout; conflicts are errors.
        let mut layout = Kind::Instance;
        let mut base_slots: Vec<Value> = Vec::new();
        let mut base_has_dict = false;
        for b in &base_list {
            let bt = obj::<TypeObj>(*b);
            if bt.layout != Kind::Instance {
                if layout != Kind::Instance && layout != bt.layout {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                layout = bt.layout;
            }
            if !bt.slot_names.is_empty() {
                if !base_slots.is_empty() && base_slots != bt.slot_names {
                    return Err(self.type_error("multiple bases have instance lay-out conflict"));
                }
                base_slots = bt.slot_names.clone();
            }
            if bt.has_dict {
                base_has_dict = true;
            }
        }
        // A direct subclass of float keeps its value in a hidden first slot.
        if base_list.contains(&self.types.float) {
            if !base_slots.is_empty() || layout != Kind::Instance {
                return Err(self.type_error("multiple bases have instance lay-out conflict"));
            }
            base_slots.push(self.intern(crate::builtins::int_type::FLOAT_VALUE_SLOT));
        }
        // Copy the namespace.
        let dict = self.new_dict()?;
        self.temp_roots.push(dict);
        let result = self.new_class_inner(
            meta,
            &name_s,
            base_list,
            rest,
            layout,
            base_slots,
            base_has_dict,
            ns,
            dict,
            kwnames_vals,
        );
        self.temp_roots.pop();
        if result.is_ok() {
            // From now on every write to the namespace bumps `TYPE_EPOCH` and, under `--stm`, makes
            // the writer inevitable first. (Flagged only when a cache planned for the class, a write
            // by a transaction that later aborted could reach a cache filled in between.)
            header(dict).insert_flags(TYPE_DICT_FLAG);
        }
        result
    }

    #[allow(clippy::too_many_arguments)]
    fn new_class_inner(
        &mut self,
        meta: Value,
        name_s: &str,
        base_list: Vec<Value>,
        rest: Vec<Value>,
        layout: Kind,
        base_slots: Vec<Value>,
        base_has_dict: bool,
        ns: Value,
        dict: Value,
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        self.dict_update_from(dict, ns)?;
        let qualname = match self.dict_get_name(dict, "__qualname__") {
            Some(q) => {
                if !is::<StrObj>(q) {
                    let tn = self.tname(q).to_string();
                    return Err(
                        self.type_error(format!("type __qualname__ must be a str, not {tn}"))
                    );
                }
                let k = self.intern("__qualname__");
                self.dict_del(dict, k)?;
                q
            }
            None => self.new_str(name_s)?,
        };
        self.temp_roots.push(qualname);
        let classcell = self.dict_get_name(dict, "__classcell__");
        if classcell.is_some() {
            let k = self.intern("__classcell__");
            self.dict_del(dict, k)?;
        }
        // __slots__.
        let nbase_slots = base_slots.len();
        let mut slot_names = base_slots;
        let mut has_dict = true;
        // CPython adds `__weakref__` unless __slots__ leaves it out (see `class_getset_descriptors`).
        let mut wants_weakref = true;
        if let Some(sl) = self.dict_get_name(dict, "__slots__") {
            wants_weakref = false;
            let items = if is::<StrObj>(sl) {
                vec![sl]
            } else {
                self.collect_iterable(sl)?
            };
            has_dict = base_has_dict;
            for it in items {
                let Some(s) = cast::<StrObj>(it) else {
                    let tn = self.tname(it).to_string();
                    return Err(
                        self.type_error(format!("__slots__ items must be strings, not '{tn}'"))
                    );
                };
                let s = s.s.to_string();
                if s == "__dict__" {
                    has_dict = true;
                    continue;
                }
                if s == "__weakref__" {
                    wants_weakref = true;
                    continue;
                }
                let v = self.intern(&s);
                if self.dict_get_str(dict, v).is_some() {
                    return Err(self
                        .value_error(format!("'{s}' in __slots__ conflicts with class variable")));
                }
                slot_names.push(v);
            }
            if layout != Kind::Instance && !slot_names.is_empty() {
                return Err(self.type_error("nonempty __slots__ not supported for subtype"));
            }
        }
        // __new__ is implicitly a staticmethod; __init_subclass__ and __class_getitem__ classmethods.
        for (n, wrap_static) in [
            ("__new__", true),
            ("__init_subclass__", false),
            ("__class_getitem__", false),
        ] {
            if let Some(f) = self.dict_get_name(dict, n) {
                if is::<FunctionObj>(f) {
                    let w = if wrap_static {
                        let c = self.types.staticmethod;
                        self.alloc(
                            c,
                            StaticMethodObj {
                                header: Self::hdr(),
                                func: f,
                            },
                        )?
                    } else {
                        let c = self.types.classmethod;
                        self.alloc(
                            c,
                            ClassMethodObj {
                                header: Self::hdr(),
                                func: f,
                            },
                        )?
                    };
                    self.dict_set_str(dict, n, w)?;
                }
            }
        }
        if self.dict_get_name(dict, "__eq__").is_some()
            && self.dict_get_name(dict, "__hash__").is_none()
        {
            self.dict_set_str(dict, "__hash__", Value::NONE)?;
        }
        let doc_added = self.dict_get_name(dict, "__doc__").is_none();
        if doc_added {
            self.dict_set_str(dict, "__doc__", Value::NONE)?;
        }
        if self.dict_get_name(dict, "__module__").is_none() {
            // From the caller's globals (`type(name, bases, ns)` called from module code).
            let g = self.frames.last().map(|f| f.globals);
            let m = g.and_then(|g| self.dict_get_name(g, "__name__"));
            if let Some(m) = m {
                self.dict_set_str(dict, "__module__", m)?;
            }
        }
        let bases = self.new_tuple(&base_list)?;
        self.temp_roots.push(bases);
        let getattr_defined = {
            let ga = self.rt.names.__getattr__;
            let gab = self.rt.names.__getattribute__;
            self.dict_get_str(dict, ga).is_some()
                || self.dict_get_str(dict, gab).is_some()
                || base_list
                    .iter()
                    .any(|b| self.load(&obj::<TypeObj>(*b).has_getattr) == Value::TRUE)
        };
        let cls = self.alloc(
            meta,
            TypeObj {
                header: Self::hdr(),
                name: name_s.into(),
                qualname: Slot::new(qualname),
                dict,
                bases: Slot::new(bases),
                mro: Slot::new(Value::NULL),
                layout,
                builtin: false,
                base_ok: true,
                slot_names,
                has_dict,
                has_getattr: Slot::new(Value::bool(getattr_defined)),
            },
        );
        self.temp_roots.pop();
        self.temp_roots.pop();
        let cls = cls?;
        self.temp_roots.push(cls);
        let r = (|| {
            let mut m = vec![cls];
            m.extend(rest);
            let mro = self.new_tuple(&m)?;
            self.store(&obj::<TypeObj>(cls).mro, mro);
            self.register_subclass(cls, &base_list)?;
            // A `member_descriptor` in the class dict for each slot this class declares.
            let own_slots = obj::<TypeObj>(cls).slot_names[nbase_slots..].to_vec();
            let g = self.rt.prelude;
            if !own_slots.is_empty() && !g.is_null() {
                if let Some(md) = self.dict_get_name(g, "_weft_member_descriptor") {
                    for n in own_slots {
                        let d = self.call(md, &[n, cls], &[])?;
                        self.dict_set(dict, n, d)?;
                    }
                }
            }
            let add_dict = has_dict && !base_has_dict && layout != Kind::Type;
            let add_weak = wants_weakref && !self.weakrefable_base(&base_list);
            self.class_getset_descriptors(cls, dict, add_dict, add_weak)?;
            if doc_added {
                // CPython adds `__doc__` after the descriptors: keep it last.
                let k = self.intern("__doc__");
                self.dict_del(dict, k)?;
                self.dict_set(dict, k, Value::NONE)?;
            }
            if let Some(cell) = classcell {
                if let Some(c) = cast::<CellObj>(cell) {
                    self.store(&c.value, cls);
                }
            }
            // __set_name__ on attributes.
            for (k, v) in self.dict_items_vec(dict) {
                if !v.is_ptr() || is::<FunctionObj>(v) || is::<StrObj>(v) {
                    continue;
                }
                let vt = self.type_of(v);
                if obj::<TypeObj>(vt).builtin {
                    continue;
                }
                let sn = self.rt.names.__set_name__;
                if let Some(f) = self.type_lookup(vt, sn) {
                    self.call_method_value(f, v, &[cls, k])?;
                }
            }
            // Parent's __init_subclass__(**kw).
            let su = self.new_super(cls, cls)?;
            self.temp_roots.push(su);
            let isn = self.rt.names.__init_subclass__;
            let f = self.getattr(su, isn);
            self.temp_roots.pop();
            let f = f?;
            let names: Vec<Value> = kw.iter().map(|(k, _)| *k).collect();
            let vals: Vec<Value> = kw.iter().map(|(_, v)| *v).collect();
            self.call(f, &vals, &names)?;
            Ok(cls)
        })();
        self.temp_roots.pop();
        r
    }

    /// A `super(this_class, obj)` object.
    pub fn new_super(&mut self, this_class: Value, o: Value) -> PyResult<Value> {
        let obj_type = if is::<TypeObj>(o) && self.is_subtype(o, this_class) {
            o
        } else {
            self.type_of(o)
        };
        if !self.is_subtype(obj_type, this_class) {
            return Err(
                self.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        let c = self.types.super_;
        self.alloc(
            c,
            SuperObj {
                header: Self::hdr(),
                this_class,
                obj: o,
                obj_type,
            },
        )
    }

    /// Attribute lookup through a super object: the MRO of `obj_type` after `this_class`.
    pub fn super_getattr(&mut self, s: Value, name: Value) -> PyResult<Option<Value>> {
        let so = obj::<SuperObj>(s);
        let (this_class, o, obj_type) = (so.this_class, so.obj, so.obj_type);
        let n = self.str_of(name);
        if n != "__class__" {
            let mro = self.mro_of(obj_type).to_vec();
            if let Some(pos) = mro.iter().position(|t| *t == this_class) {
                for t in &mro[pos + 1..] {
                    let d = obj::<TypeObj>(*t).dict;
                    if let Some(v) = self.dict_get_str(d, name) {
                        let inst = if o == obj_type { Value::NULL } else { o };
                        return self.descr_get(v, inst, obj_type).map(Some);
                    }
                }
            }
        }
        self.generic_getattr(s, name)
    }
}

fn type_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    let meta = args[0];
    if npos == 2 && meta == vm.types.type_ {
        return Ok(vm.type_of(args[1]));
    }
    if npos != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let kw: Vec<(Value, Value)> = kwnames
        .iter()
        .zip(&args[npos..])
        .map(|(k, v)| (*k, *v))
        .collect();
    vm.new_class(meta, args[1], args[2], args[3], &kw)
}

fn type_init<M: Mode>(_vm: &mut Vm<M>, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn type_mro<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("mro", args, kwnames, 0, 0)?;
    let m = vm.mro_of(args[0]).to_vec();
    vm.new_list(&m)
}

fn type_subclasses<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__subclasses__", args, kwnames, 0, 0)?;
    let reg = vm.rt.prelude;
    let subs = vm
        .dict_get_name(reg, "_weft_subclasses")
        .map(|r| {
            let key = Value::small_int((args[0].bits() & 0xffff_ffff_ffff) as i64);
            vm.dict_get(r, key)
        })
        .transpose()?
        .flatten();
    match subs {
        Some(l) if is::<ListObj>(l) => {
            let items = vm.list_snapshot(l);
            vm.new_list(&items)
        }
        _ => vm.new_list(&[]),
    }
}

impl<M: Mode> Vm<M> {
    /// Records `cls` as a direct subclass of each of its bases (for `type.__subclasses__`; the registry is
    /// the prelude's `_weft_subclasses` dict, which keeps classes alive).
    fn register_subclass(&mut self, cls: Value, bases: &[Value]) -> PyResult<()> {
        let g = self.rt.prelude;
        if g.is_null() {
            return Ok(());
        }
        let Some(reg) = self.dict_get_name(g, "_weft_subclasses") else {
            return Ok(());
        };
        for b in bases {
            // Keyed by identity (a metaclass may make its classes unhashable); a base with subclasses
            // stays alive through their `__bases__`, so its address is never reused.
            let key = self.new_int((b.bits() & 0xffff_ffff_ffff) as i64)?;
            let l = match self.dict_get(reg, key)? {
                Some(l) => l,
                None => {
                    let l = self.new_list(&[])?;
                    self.dict_set(reg, key, l)?;
                    l
                }
            };
            self.list_append(l, cls)?;
        }
        Ok(())
    }
}

impl<M: Mode> Vm<M> {
    /// Do instances of some base already support weak references (so `__weakref__` is inherited)?
    /// Variable-size builtins (int, tuple, bytes) cannot add one either.
    fn weakrefable_base(&mut self, bases: &[Value]) -> bool {
        let wr = self.intern("__weakref__");
        bases.iter().any(|b| {
            if matches!(
                obj::<TypeObj>(*b).layout,
                Kind::BigInt | Kind::Tuple | Kind::Bytes
            ) {
                return true;
            }
            self.mro_of(*b).to_vec().iter().any(|m| {
                let t = obj::<TypeObj>(*m);
                (t.builtin && matches!(t.layout, Kind::Type | Kind::Set | Kind::FrozenSet))
                    || self.dict_get_str(t.dict, wr).is_some()
            })
        })
    }

    /// A native function made once and kept in the prelude namespace `g` under a key that is not an
    /// identifier (natives are registered in a table that only grows).
    fn cached_native(&mut self, g: Value, name: &'static str, f: NativeFn<M>) -> PyResult<Value> {
        let key = format!("_weft_native {name}");
        if let Some(v) = self.dict_get_name(g, &key) {
            return Ok(v);
        }
        let short = name.split(' ').next().unwrap_or(name);
        let short: &'static str = if short == "__dict__" {
            "__dict__"
        } else {
            "__weakref__"
        };
        let v = self.new_native(short, f, Value::NULL, false, false)?;
        let k = self.new_string(key)?;
        self.temp_roots.push(v);
        let r = self.dict_set(g, k, v);
        self.temp_roots.pop();
        r.map(|_| v)
    }

    /// The `__dict__` / `__weakref__` getset descriptors CPython puts in a class that introduces them.
    fn class_getset_descriptors(
        &mut self,
        cls: Value,
        dict: Value,
        add_dict: bool,
        add_weak: bool,
    ) -> PyResult<()> {
        let g = self.rt.prelude;
        if g.is_null() {
            return Ok(());
        }
        let Some(gs) = self.dict_get_name(g, "_weft_getset_descriptor") else {
            return Ok(());
        };
        let entries: [(&str, NativeFn<M>, bool); 2] = [
            ("__dict__", instance_dict_get, add_dict),
            ("__weakref__", instance_weakref_get, add_weak),
        ];
        for (name, getter, wanted) in entries {
            if !wanted {
                continue;
            }
            let f = self.cached_native(g, name, getter)?;
            self.temp_roots.push(f);
            let setter = if name == "__dict__" {
                self.cached_native(g, "__dict__ setter", instance_dict_set)
            } else {
                Ok(Value::NONE)
            };
            let n = self.intern(name);
            let info = setter.and_then(|s| {
                self.temp_roots.push(s);
                let info = self.new_tuple(&[n, cls]);
                self.temp_roots.pop();
                info.map(|i| (s, i))
            });
            let r = info.and_then(|(s, i)| self.call(gs, &[f, s, Value::NONE, i], &[]));
            self.temp_roots.pop();
            let d = r?;
            self.dict_set(dict, n, d)?;
        }
        Ok(())
    }
}

fn instance_dict_get<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("__dict__", args, kwnames, 1, 1)?;
    match vm.instance_dict(args[0], true)? {
        Some(d) => Ok(d),
        None => {
            let tn = vm.tname(args[0]).to_string();
            Err(vm.attribute_error(format!("'{tn}' object has no attribute '__dict__'")))
        }
    }
}

fn instance_dict_set<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("__dict__", args, kwnames, 2, 2)?;
    let (v, d) = (args[0], args[1]);
    if !is::<DictObj>(d) {
        let tn = vm.tname(d).to_string();
        return Err(vm.type_error(format!(
            "__dict__ must be set to a dictionary, not a '{tn}'"
        )));
    }
    let Some(slot) = vm.instance_dict_slot(v) else {
        let tn = vm.tname(v).to_string();
        return Err(vm.attribute_error(format!("'{tn}' object has no attribute '__dict__'")));
    };
    vm.store_o(v, slot, d);
    Ok(Value::NONE)
}

fn instance_weakref_get<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("__weakref__", args, kwnames, 1, 1)?;
    Ok(Value::NONE)
}

fn object_class_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("__class__", args, kwnames, 1, 1)?;
    Ok(vm.type_of(args[0]))
}

/// `ModuleType.__new__(cls, ...)`: a module object of class `cls` with an empty namespace
/// (`alloc_instance`); `__init__` names it.
fn module_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    let Some(&cls) = args.first() else {
        return Err(vm.type_error("module.__new__(): not enough arguments"));
    };
    if !is::<TypeObj>(cls) || !vm.is_subtype(cls, vm.types.module) {
        let tn = vm.tname(cls).to_string();
        return Err(vm.type_error(format!(
            "module.__new__({tn}): {tn} is not a subtype of module"
        )));
    }
    vm.alloc_instance(cls)
}

/// `ModuleType.__init__(self, name, doc=None)`: sets `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__` (CPython's `module___init___impl`).
fn module_init<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("module", &args[1..], kwnames, &["name", "doc"], 0, 2, 1)?;
    if !is::<StrObj>(a[0]) {
        let tn = vm.tname(a[0]).to_string();
        return Err(vm.type_error(format!(
            "module.__init__() argument 'name' must be str, not {tn}"
        )));
    }
    let Some(m) = cast::<ModuleObj>(args[0]) else {
        return Err(vm.type_error("module.__init__() needs a module"));
    };
    let d = m.dict;
    let doc = if a[1].is_null() { Value::NONE } else { a[1] };
    vm.dict_set_str(d, "__name__", a[0])?;
    vm.dict_set_str(d, "__doc__", doc)?;
    vm.dict_set_str(d, "__package__", Value::NONE)?;
    vm.dict_set_str(d, "__loader__", Value::NONE)?;
    vm.dict_set_str(d, "__spec__", Value::NONE)?;
    Ok(Value::NONE)
}

/// `obj.__class__ = C`: only between user classes with the same instance layout (CPython's
/// `object_set_class` / `compatible_for_assignment`).
fn object_class_set<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("__class__", args, kwnames, 2, 2)?;
    let (v, new) = (args[0], args[1]);
    let Some(nt) = cast::<TypeObj>(new) else {
        let tn = vm.tname(new).to_string();
        return Err(vm.type_error(format!(
            "__class__ must be set to a class, not '{tn}' object"
        )));
    };
    let old = vm.type_of(v);
    let ot = obj::<TypeObj>(old);
    let module_like = |vm: &Vm<M>, t: Value| vm.is_subtype(t, vm.types.module);
    if (ot.builtin || nt.builtin) && !(module_like(vm, old) && module_like(vm, new)) {
        return Err(vm.type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if ot.layout != nt.layout || ot.slot_names != nt.slot_names || ot.has_dict != nt.has_dict {
        let (a, b) = (nt.name.to_string(), ot.name.to_string());
        return Err(vm.type_error(format!(
            "__class__ assignment: '{a}' object layout differs from '{b}'"
        )));
    }
    header(v).set_class(new.bits());
    Ok(Value::NONE)
}

impl<M: Mode> Vm<M> {
    /// Calls `name` from the Python prelude (`builtins/prelude.py`).
    pub fn call_prelude(&mut self, name: &str, args: &[Value]) -> PyResult<Value> {
        let g = self.rt.prelude;
        let Some(f) = self.dict_get_name(g, name) else {
            return Err(self.type_error(format!("weft prelude has no {name}")));
        };
        self.call(f, args, &[])
    }

    /// A read-only `mappingproxy` view of the mapping `m`.
    pub fn new_mappingproxy(&mut self, m: Value) -> PyResult<Value> {
        self.call_prelude("_weft_mappingproxy", &[m])
    }
}

fn type_dict_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("__dict__", args, kwnames, 1, 1)?;
    let Some(t) = cast::<TypeObj>(args[0]) else {
        let tn = vm.tname(args[0]).to_string();
        return Err(vm.type_error(format!(
            "descriptor '__dict__' for 'type' objects doesn't apply to a '{tn}' object"
        )));
    };
    let d = t.dict;
    vm.new_mappingproxy(d)
}

/// `X | Y` on classes: a `types.UnionType` (built by the prelude's `_weft_union`).
fn type_or<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__or__", args, kwnames, 1, 1)?;
    vm.call_prelude("_weft_union", &[args[0], args[1]])
}

fn type_ror<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__ror__", args, kwnames, 1, 1)?;
    vm.call_prelude("_weft_union", &[args[1], args[0]])
}

fn type_instancecheck<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("__instancecheck__", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.is_instance(args[1], args[0])))
}

fn type_subclasscheck<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_method_args("__subclasscheck__", args, kwnames, 1, 1)?;
    Ok(Value::bool(vm.is_subtype(args[1], args[0])))
}

fn type_call<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    // Bypass a metaclass __call__ (we are it): __new__ then __init__.
    let new_name = vm.rt.names.__new__;
    let new = vm.type_lookup(cls, new_name);
    let Some(nf) = new else {
        let n = vm.type_name(cls).to_string();
        return Err(vm.type_error(format!("cannot create '{n}' instances")));
    };
    let nf = cast::<StaticMethodObj>(nf).map(|s| s.func).unwrap_or(nf);
    let inst = vm.call(nf, args, kwnames)?;
    if !vm.is_instance(inst, cls) {
        return Ok(inst);
    }
    let init_name = vm.rt.names.__init__;
    if let Some(init) = vm.type_lookup(cls, init_name) {
        if !vm.is_native_of(init, vm.types.object, "__init__") {
            let mut a = args.to_vec();
            a[0] = inst;
            vm.temp_roots.push(inst);
            let r = vm.call(init, &a, kwnames);
            vm.temp_roots.pop();
            let r = r?;
            if r != Value::NONE {
                let tn = vm.tname(r).to_string();
                return Err(vm.type_error(format!("__init__() should return None, not '{tn}'")));
            }
        }
    }
    Ok(inst)
}

fn type_prepare<M: Mode>(vm: &mut Vm<M>, _args: &[Value], _kwnames: &[Value]) -> PyResult<Value> {
    vm.new_dict()
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args[0];
    let name = args[1];
    if !is::<FunctionObj>(func) {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    let bases_v: Vec<Value> = args[2..npos].to_vec();
    let mut meta = Value::NULL;
    let mut kw: Vec<(Value, Value)> = Vec::new();
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        if vm.str_of(*k) == "metaclass" {
            meta = *v;
        } else {
            kw.push((*k, *v));
        }
    }
    let bases = vm.new_tuple(&bases_v)?;
    vm.temp_roots.push(bases);
    let r = build_class_inner(vm, func, name, bases, &bases_v, meta, &kw);
    vm.temp_roots.pop();
    r
}

fn build_class_inner<M: Mode>(
    vm: &mut Vm<M>,
    func: Value,
    name: Value,
    bases: Value,
    bases_v: &[Value],
    meta: Value,
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    // The most derived metaclass.
    let explicit = !meta.is_null();
    let mut meta = if explicit {
        meta
    } else if let Some(b) = bases_v.first() {
        vm.type_of(*b)
    } else {
        vm.types.type_
    };
    if is::<TypeObj>(meta) {
        for b in bases_v {
            let bm = vm.type_of(*b);
            if vm.is_subtype(meta, bm) {
                continue;
            }
            if vm.is_subtype(bm, meta) {
                meta = bm;
                continue;
            }
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let kwnames: Vec<Value> = kw.iter().map(|(k, _)| *k).collect();
    let kwvals: Vec<Value> = kw.iter().map(|(_, v)| *v).collect();
    // Namespace via __prepare__.
    let prep = vm.rt.names.__prepare__;
    let ns = match vm.getattr_opt(meta, prep)? {
        Some(p) => {
            let mut a = vec![name, bases];
            a.extend_from_slice(&kwvals);
            vm.call(p, &a, &kwnames)?
        }
        None => vm.new_dict()?,
    };
    vm.temp_roots.push(ns);
    let r = (|| {
        // Run the class body with `ns` as its locals.
        let locals = vm.bind_args(func, &[], &[])?;
        let f = obj::<FunctionObj>(func);
        let info = FrameInfo {
            code: f.code,
            ip: 0,
            base: vm.stack.len() as u32,
            func,
            globals: f.globals,
            builtins: vm
                .frames
                .last()
                .map(|fi| fi.builtins)
                .unwrap_or(vm.rt.builtins),
            locals: ns,
            gen: Value::NULL,
            boundary: Boundary::Native,
        };
        vm.check_native_stack()?;
        vm.push_frame(info, &locals)?;
        drop(locals);
        let cell = vm.run_nested()?;
        vm.temp_roots.push(cell);
        let mut a = vec![name, bases, ns];
        a.extend_from_slice(&kwvals);
        let cls = vm.call(meta, &a, &kwnames);
        vm.temp_roots.pop();
        let cls = cls?;
        if let Some(c) = cast::<CellObj>(cell) {
            let cur = vm.load(&c.value);
            if cur.is_null() {
                vm.store(&c.value, cls);
            }
        }
        Ok(cls)
    })();
    vm.temp_roots.pop();
    r
}

// ----- super -----------------------------------------------------------------------------------------

fn super_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    match args.len() {
        1 => {
            // Zero-argument form: __class__ cell and first argument of the calling frame.
            let Some(fi) = vm.frames.last().copied() else {
                return Err(vm.runtime_error("super(): no current frame"));
            };
            let code = &obj::<CodeObj>(fi.code).code;
            if code.argcount == 0 && code.flags & crate::bytecode::flags::VARARGS == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            let base = fi.base as usize;
            let mut first = vm.stack[base];
            if first.is_null() {
                // The first argument may live in a cell.
                if let Some(ci) = code.cell2arg.iter().position(|a| *a == Some(0)) {
                    let cell = vm.stack[base + code.nlocals() + ci];
                    first = vm.load(&obj::<CellObj>(cell).value);
                }
            }
            if first.is_null() {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            }
            let ncells = code.cellvars.len();
            let mut cls = Value::NULL;
            for (i, fv) in code.freevars.iter().enumerate() {
                if vm.str_of(*fv) == "__class__" {
                    let cell = vm.stack[base + code.nlocals() + ncells + i];
                    cls = vm.load(&obj::<CellObj>(cell).value);
                }
            }
            if cls.is_null() {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            }
            if !is::<TypeObj>(cls) {
                return Err(vm.runtime_error("super(): __class__ is not a type"));
            }
            vm.new_super(cls, first)
        }
        3 => {
            if !is::<TypeObj>(args[1]) {
                let tn = vm.tname(args[1]).to_string();
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
            }
            vm.new_super(args[1], args[2])
        }
        _ => Err(vm.type_error("super() takes 0 or 2 arguments")),
    }
}

// ----- property, classmethod, staticmethod -------------------------------------------------------------

fn property_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "property",
        &args[1..],
        kwnames,
        &["fget", "fset", "fdel", "doc"],
        0,
        4,
        0,
    )?;
    let v = |x: Value| if x.is_null() { Value::NONE } else { x };
    let mut doc = v(a[3]);
    if doc == Value::NONE && a[0].is_ptr() {
        if let Some(f) = cast::<FunctionObj>(a[0]) {
            doc = vm.load(&f.doc);
        }
    }
    vm.alloc(
        args[0],
        PropertyObj {
            header: Vm::<M>::hdr(),
            fget: v(a[0]),
            fset: v(a[1]),
            fdel: v(a[2]),
            doc,
        },
    )
}

fn property_copy<M: Mode>(vm: &mut Vm<M>, p: Value, which: usize, f: Value) -> PyResult<Value> {
    let po = obj::<PropertyObj>(p);
    let (mut g, mut s, mut d, doc) = (po.fget, po.fset, po.fdel, po.doc);
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    let cls = vm.type_of(p);
    vm.alloc(
        cls,
        PropertyObj {
            header: Vm::<M>::hdr(),
            fget: g,
            fset: s,
            fdel: d,
            doc,
        },
    )
}

fn property_getter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("getter", args, kwnames, 1, 1)?;
    property_copy(vm, args[0], 0, args[1])
}

fn property_setter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("setter", args, kwnames, 1, 1)?;
    property_copy(vm, args[0], 1, args[1])
}

fn property_deleter<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("deleter", args, kwnames, 1, 1)?;
    property_copy(vm, args[0], 2, args[1])
}

fn property_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__get__", args, kwnames, 1, 2)?;
    let inst = if args[1] == Value::NONE {
        Value::NULL
    } else {
        args[1]
    };
    let owner = args.get(2).copied().unwrap_or(Value::NULL);
    vm.descr_get(args[0], inst, owner)
}

fn property_set<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__set__", args, kwnames, 2, 2)?;
    let s = obj::<PropertyObj>(args[0]).fset;
    if s == Value::NONE {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call(s, &[args[1], args[2]], &[])?;
    Ok(Value::NONE)
}

fn property_delete<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__delete__", args, kwnames, 1, 1)?;
    let d = obj::<PropertyObj>(args[0]).fdel;
    if d == Value::NONE {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    vm.call(d, &[args[1]], &[])?;
    Ok(Value::NONE)
}

fn classmethod_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("classmethod", &args[1..], kwnames, 1, 1)?;
    vm.alloc(
        args[0],
        ClassMethodObj {
            header: Vm::<M>::hdr(),
            func: args[1],
        },
    )
}

fn classmethod_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__get__", args, kwnames, 1, 2)?;
    let owner = match args.get(2) {
        Some(o) if *o != Value::NONE => *o,
        _ => vm.type_of(args[1]),
    };
    let f = obj::<ClassMethodObj>(args[0]).func;
    vm.new_bound_method(f, owner)
}

fn staticmethod_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("staticmethod", &args[1..], kwnames, 1, 1)?;
    vm.alloc(
        args[0],
        StaticMethodObj {
            header: Vm::<M>::hdr(),
            func: args[1],
        },
    )
}

fn staticmethod_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__get__", args, kwnames, 1, 2)?;
    Ok(obj::<StaticMethodObj>(args[0]).func)
}

fn staticmethod_call<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let f = obj::<StaticMethodObj>(args[0]).func;
    vm.call(f, &args[1..], kwnames)
}

/// `NoneType()`, `type(NotImplemented)()`, `type(...)()`: the singleton.
fn singleton_new<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cls = args[0];
    let name = vm.type_name(cls).to_string();
    vm.check_args(&name, &args[1..], kwnames, 0, 0)
        .map_err(|_| vm.type_error(format!("{name} takes no arguments")))?;
    Ok(if cls == vm.types.none_type {
        Value::NONE
    } else if cls == vm.types.not_implemented_type {
        Value::NOT_IMPLEMENTED
    } else {
        Value::ELLIPSIS
    })
}

fn function_get<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("__get__", args, kwnames, 1, 2)?;
    if args[1] == Value::NONE {
        return Ok(args[0]);
    }
    vm.new_bound_method(args[0], args[1])
}
