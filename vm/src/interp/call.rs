//! Calls: binding arguments to parameters, pushing frames, calling natives, constructing instances.
//!
//! A Python-to-Python call from the dispatch loop pushes a frame and continues in the same loop
//! (`eval.rs`); a call from native code (`Vm::call`) pushes a frame marked `Boundary::Native` and runs a
//! nested loop until that frame returns. Both bind arguments with `bind_args`, which implements CPython's
//! rules and error messages (missing/unexpected/duplicate arguments, keyword-only, positional-only,
//! `*args`, `**kwargs`, defaults). The common case (positional arguments only, no `*args`/`**kwargs`/
//! keyword-only parameters, no cells) is bound in place on the value stack by `fast_bind`.

use crate::access::{Mode, Slot};
use crate::bytecode::flags;
use crate::interp::frame::{Boundary, FrameInfo, SavedFrame};
use crate::interp::{NativeFn, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

impl<M: Mode> Vm<M> {
    /// Calls `f(*args)` with keyword names for the last `kwnames.len()` args. May run Python code.
    pub fn call(&mut self, f: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if let Some(func) = cast::<FunctionObj>(f) {
            let code = &obj::<CodeObj>(func.code).code;
            if code.flags & flags::GENERATOR != 0 {
                return self.make_generator(f, args, kwnames);
            }
            if kwnames.is_empty() && self.fast_bindable(f, args.len()) {
                // Bind in place on the value stack (no locals vector).
                self.check_native_stack()?;
                let base = self.stack.len();
                self.stack.extend_from_slice(args);
                let bound = self.fast_bind(f, base, base);
                debug_assert!(bound);
                let builtins = self.rt.builtins;
                if let Err(e) = self.push_fast_frame(f, base, builtins, Boundary::Native) {
                    self.stack.truncate(base);
                    return Err(e);
                }
                return self.run_nested();
            }
            let locals = self.bind_args(f, args, kwnames)?;
            return self.run_function_nested(f, locals);
        }
        match ops_kind(f) {
            Some(Kind::Native) => {
                let n = obj::<NativeObj>(f);
                let (id, bound) = (n.id, n.bound);
                if bound.is_null() {
                    self.call_native(id, args, kwnames)
                } else {
                    let a = ArgBuf::prepend(bound, args);
                    self.call_native(id, &a, kwnames)
                }
            }
            Some(Kind::BoundMethod) => {
                let b = obj::<BoundMethodObj>(f);
                let (func, this) = (b.func, b.this);
                let a = ArgBuf::prepend(this, args);
                self.call(func, &a, kwnames)
            }
            Some(Kind::Type) => self.call_type(f, args, kwnames),
            _ => {
                let t = self.type_of(f);
                let n = self.rt.names.__call__;
                match self.type_lookup(t, n) {
                    Some(c) => {
                        let a = ArgBuf::prepend(f, args);
                        self.call(c, &a, kwnames)
                    }
                    None => {
                        Err(self.type_error(format!("'{}' object is not callable", self.tname(f))))
                    }
                }
            }
        }
    }

    /// Calls a native by table index.
    #[inline]
    pub fn call_native(&mut self, id: u32, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let f = match self.natives.get(id as usize) {
            Some(e) => e.f,
            None => self.refresh_natives(id),
        };
        f(self, args, kwnames)
    }

    /// Copies the natives another thread registered since this thread last looked; returns entry `id`.
    #[cold]
    fn refresh_natives(&mut self, id: u32) -> NativeFn<M> {
        let g = self
            .shared
            .natives
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let have = self.natives.len();
        self.natives.extend_from_slice(&g[have..]);
        drop(g);
        self.natives[id as usize].f
    }

    /// Calls an attribute found on a type (unbound) with `this` as the receiver.
    pub fn call_method_value(&mut self, f: Value, this: Value, args: &[Value]) -> PyResult<Value> {
        if is::<FunctionObj>(f)
            || cast::<NativeObj>(f).is_some_and(|n| n.binds && !n.classmethod && n.bound.is_null())
        {
            let a = ArgBuf::prepend(this, args);
            return self.call(f, &a, &[]);
        }
        let owner = self.type_of(this);
        let bound = self.descr_get(f, this, owner)?;
        self.call(bound, args, &[])
    }

    /// Calls method `name` of `v` (looked up like `v.name(...)`).
    pub fn call_method(&mut self, v: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (m, this) = self.load_method(v, n)?;
        if m.is_null() {
            self.call(this, args, &[])
        } else {
            let a = ArgBuf::prepend(this, args);
            self.call(m, &a, &[])
        }
    }

    /// Runs a bound Python function frame in a nested loop and returns its result.
    pub fn run_function_nested(&mut self, f: Value, locals: Vec<Value>) -> PyResult<Value> {
        self.check_native_stack()?;
        let func = obj::<FunctionObj>(f);
        let info = FrameInfo {
            code: func.code,
            ip: 0,
            base: self.stack.len() as u32,
            func: f,
            globals: func.globals,
            builtins: self.rt.builtins,
            locals: Value::NULL,
            gen: Value::NULL,
            boundary: Boundary::Native,
        };
        self.push_frame(info, &locals)?;
        drop(locals);
        self.run_nested()
    }

    /// Pushes a frame whose localsplus values are `locals` (stack space for the operands is reserved).
    pub fn push_frame(&mut self, info: FrameInfo, locals: &[Value]) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let code = &obj::<CodeObj>(info.code).code;
        self.stack
            .reserve(locals.len() + code.max_stack as usize + 1);
        self.stack.extend_from_slice(locals);
        self.frames.push(info);
        Ok(())
    }

    /// Can a call of `f` with `nargs` positional arguments and no keywords be bound by
    /// [`Vm::fast_bind`]? (No `*args`/`**kwargs`/keyword-only parameters, no cells, not a generator,
    /// and every missing parameter has a default.)
    #[inline]
    pub fn fast_bindable(&self, f: Value, nargs: usize) -> bool {
        let func = obj::<FunctionObj>(f);
        let code = &obj::<CodeObj>(func.code).code;
        if code.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) != 0
            || code.kwonlyargcount != 0
            || !code.cellvars.is_empty()
        {
            return false;
        }
        let nfree = cast::<TupleObj>(func.closure).map_or(0, |t| t.len);
        if nfree != code.freevars.len() {
            return false;
        }
        let argcount = code.argcount as usize;
        if nargs == argcount {
            return true;
        }
        if nargs > argcount {
            return false;
        }
        let defaults = self.load(&func.defaults);
        cast::<TupleObj>(defaults).is_some_and(|t| nargs + t.len >= argcount)
    }

    /// Binds a plain positional call in place (no allocation): the arguments `stack[first..]` become the
    /// callee's first locals at `stack[base..]` (`base <= first`), missing trailing parameters take their
    /// defaults, other locals are NULL and the free variables come from the closure. Returns false, with
    /// the stack untouched, when the call needs the general [`Vm::bind_args`].
    #[inline]
    pub fn fast_bind(&mut self, f: Value, first: usize, base: usize) -> bool {
        let nargs = self.stack.len() - first;
        if !self.fast_bindable(f, nargs) {
            return false;
        }
        let func = obj::<FunctionObj>(f);
        let code = &obj::<CodeObj>(func.code).code;
        let argcount = code.argcount as usize;
        if first != base {
            // Few arguments: an element loop beats a memmove call.
            for k in 0..nargs {
                self.stack[base + k] = self.stack[first + k];
            }
            self.stack.truncate(base + nargs);
        }
        if nargs < argcount {
            let defaults = obj::<TupleObj>(self.load(&func.defaults)).as_slice();
            let d0 = defaults.len() - (argcount - nargs);
            self.stack.extend_from_slice(&defaults[d0..]);
        }
        let end = base + code.nlocals();
        if self.stack.len() < end {
            self.stack.reserve(end - self.stack.len());
            while self.stack.len() < end {
                self.stack.push(Value::NULL);
            }
        }
        if let Some(cl) = cast::<TupleObj>(func.closure) {
            self.stack.extend_from_slice(cl.as_slice());
        }
        true
    }

    /// Pushes the frame of Python function `f` whose localsplus were set up at `stack[base..]` by
    /// [`Vm::fast_bind`].
    #[inline]
    pub fn push_fast_frame(
        &mut self,
        f: Value,
        base: usize,
        builtins: Value,
        boundary: Boundary,
    ) -> PyResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let func = obj::<FunctionObj>(f);
        let code = &obj::<CodeObj>(func.code).code;
        self.stack.reserve(code.max_stack as usize + 1);
        self.frames.push(FrameInfo {
            code: func.code,
            ip: 0,
            base: base as u32,
            func: f,
            globals: func.globals,
            builtins,
            locals: Value::NULL,
            gen: Value::NULL,
            boundary,
        });
        Ok(())
    }

    /// `cls(args)` from the eval loop (stack: `[NULL, cls, args...]` at `base`, args at `first`) when
    /// `cls` is a class with the plain `type` metaclass, `object.__new__` and a Python `__init__` that
    /// [`Vm::fast_bind`] can bind: allocates the instance, leaves `[inst, inst, args...]` at `base` with
    /// the `__init__` locals bound from `base + 1`, and returns `__init__` (its frame is pushed with
    /// `Boundary::Init` by the caller). None (stack untouched) otherwise.
    pub fn try_fast_init(
        &mut self,
        cls: Value,
        first: usize,
        base: usize,
    ) -> PyResult<Option<Value>> {
        if first != base + 2 || self.type_of(cls) != self.types.type_ {
            return Ok(None);
        }
        let new_name = self.rt.names.__new__;
        let new_id = match self.type_lookup(cls, new_name).and_then(cast::<NativeObj>) {
            Some(n) if n.owner == self.types.object && n.name == "__new__" && n.bound.is_null() => {
                n.id
            }
            _ => return Ok(None),
        };
        let init_name = self.rt.names.__init__;
        let init = match self.type_lookup(cls, init_name) {
            Some(i) if is::<FunctionObj>(i) => i,
            _ => return Ok(None),
        };
        let nargs = self.stack.len() - first + 1;
        if !self.fast_bindable(init, nargs) {
            return Ok(None);
        }
        let inst = self.call_native(new_id, &[cls], &[])?;
        if self.type_of(inst) != cls {
            // Unexpected from object.__new__; keep the general path's semantics.
            return Ok(None);
        }
        self.stack[base] = inst;
        self.stack[base + 1] = inst;
        let ok = self.fast_bind(init, base + 1, base + 1);
        debug_assert!(ok);
        Ok(Some(init))
    }

    /// Raises RecursionError when the native stack is nearly exhausted (nested interpreter loops).
    pub fn check_native_stack(&mut self) -> PyResult<()> {
        if let Some(rem) = weft_gc::stack::remaining_stack() {
            if rem < 256 * 1024 {
                return Err(self.recursion_error());
            }
        }
        Ok(())
    }

    /// Builds the initial localsplus array (locals, then cells, then free variables) for calling the
    /// Python function `f` with `args` (the last `kwnames.len()` of them are keyword values).
    pub fn bind_args(
        &mut self,
        f: Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Vec<Value>> {
        let func = obj::<FunctionObj>(f);
        let code = &obj::<CodeObj>(func.code).code;
        let nlocals = code.nlocals();
        let mut locals = vec![Value::NULL; code.nlocalsplus()];
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let npos = args.len() - kwnames.len();

        // Fast path: exact positional call, no kw, no varargs.
        if kwnames.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
            locals[..npos].copy_from_slice(&args[..npos]);
        } else {
            let fname = self.str_of(self.load(&func.qualname)).to_string();
            let fname = short_name(&fname);
            let ncopy = npos.min(argcount);
            locals[..ncopy].copy_from_slice(&args[..ncopy]);
            let varargs_idx = argcount + kwonly;
            if has_varargs {
                let extra = if npos > argcount {
                    &args[argcount..npos]
                } else {
                    &[][..]
                };
                locals[varargs_idx] = self.new_tuple(extra)?;
            } else if npos > argcount {
                let defaults = self.load(&func.defaults);
                let ndef = cast::<TupleObj>(defaults).map(|t| t.len).unwrap_or(0);
                let given_kw = kwnames.len();
                let msg = if ndef > 0 {
                    format!(
                        "{}() takes from {} to {} positional arguments but {} {} given",
                        fname,
                        argcount - ndef,
                        argcount,
                        npos,
                        if npos == 1 { "was" } else { "were" }
                    )
                } else if given_kw > 0 {
                    format!(
                        "{}() takes {} positional argument{} but {} positional argument{} (and {} keyword-only argument{}) were given",
                        fname,
                        argcount,
                        if argcount == 1 { "" } else { "s" },
                        npos,
                        if npos == 1 { "" } else { "s" },
                        given_kw,
                        if given_kw == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "{}() takes {} positional argument{} but {} {} given",
                        fname,
                        argcount,
                        if argcount == 1 { "" } else { "s" },
                        npos,
                        if npos == 1 { "was" } else { "were" }
                    )
                };
                return Err(self.type_error(msg));
            }
            let kwdict = if has_varkw {
                let d = self.new_dict()?;
                let idx = varargs_idx + usize::from(has_varargs);
                locals[idx] = d;
                Some(d)
            } else {
                None
            };
            let mut posonly_passed_as_kw = Vec::new();
            for (i, kn) in kwnames.iter().enumerate() {
                let val = args[npos + i];
                let kname = self.str_of(*kn);
                let pos = code.varnames[..argcount + kwonly]
                    .iter()
                    .position(|v| *v == *kn || self.str_of(*v) == kname);
                match pos {
                    Some(p) if p >= posonly => {
                        if !locals[p].is_null() {
                            return Err(self.type_error(format!(
                                "{}() got multiple values for argument '{}'",
                                fname, kname
                            )));
                        }
                        locals[p] = val;
                    }
                    other => {
                        if let Some(d) = kwdict {
                            self.dict_set(d, *kn, val)?;
                        } else if other.is_some() {
                            posonly_passed_as_kw.push(kname.to_string());
                        } else {
                            return Err(self.type_error(format!(
                                "{}() got an unexpected keyword argument '{}'",
                                fname, kname
                            )));
                        }
                    }
                }
            }
            if !posonly_passed_as_kw.is_empty() {
                return Err(self.type_error(format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    fname,
                    posonly_passed_as_kw.join(", ")
                )));
            }
            // Defaults for missing positional parameters.
            let defaults = self.load(&func.defaults);
            if let Some(dt) = cast::<TupleObj>(defaults) {
                let d = dt.as_slice();
                let first_def = argcount - d.len();
                for (i, dv) in d.iter().enumerate() {
                    if locals[first_def + i].is_null() {
                        locals[first_def + i] = *dv;
                    }
                }
            }
            let missing: Vec<usize> = (0..argcount).filter(|i| locals[*i].is_null()).collect();
            if !missing.is_empty() {
                let names: Vec<String> = missing
                    .iter()
                    .map(|i| format!("'{}'", self.str_of(code.varnames[*i])))
                    .collect();
                return Err(self.type_error(format!(
                    "{}() missing {} required positional argument{}: {}",
                    fname,
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&names)
                )));
            }
            // Keyword-only defaults.
            if kwonly > 0 {
                let kwd = self.load(&func.kwdefaults);
                let mut missing = Vec::new();
                let kw_range = argcount..argcount + kwonly;
                for (slot, &n) in locals[kw_range.clone()]
                    .iter_mut()
                    .zip(&code.varnames[kw_range])
                {
                    if slot.is_null() {
                        let dv = if is::<DictObj>(kwd) {
                            self.dict_get_str(kwd, n)
                        } else {
                            None
                        };
                        match dv {
                            Some(v) => *slot = v,
                            None => missing.push(format!("'{}'", self.str_of(n))),
                        }
                    }
                }
                if !missing.is_empty() {
                    return Err(self.type_error(format!(
                        "{}() missing {} required keyword-only argument{}: {}",
                        fname,
                        missing.len(),
                        if missing.len() == 1 { "" } else { "s" },
                        join_names(&missing)
                    )));
                }
            }
        }
        // Cells (an argument captured by a closure moves into its cell) and free variables.
        let ncells = code.cellvars.len();
        for i in 0..ncells {
            let init = match code.cell2arg.get(i).copied().flatten() {
                Some(a) => {
                    let v = locals[a as usize];
                    locals[a as usize] = Value::NULL;
                    v
                }
                None => Value::NULL,
            };
            locals[nlocals + i] = self.new_cell(init)?;
        }
        if let Some(cl) = cast::<TupleObj>(func.closure) {
            for (i, c) in cl.as_slice().iter().enumerate() {
                locals[nlocals + ncells + i] = *c;
            }
        }
        Ok(locals)
    }

    /// Creates a generator object for calling generator function `f`.
    pub fn make_generator(
        &mut self,
        f: Value,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let locals = self.bind_args(f, args, kwnames)?;
        let func = obj::<FunctionObj>(f);
        let info = FrameInfo {
            code: func.code,
            ip: 0,
            base: 0,
            func: f,
            globals: func.globals,
            builtins: self.rt.builtins,
            locals: Value::NULL,
            gen: Value::NULL,
            boundary: Boundary::Native,
        };
        let name = self.load(&func.name);
        let qualname = self.load(&func.qualname);
        let saved = SavedFrame {
            info,
            values: locals,
            exc_info: Value::NULL,
        };
        let cls = self.types.generator;
        self.alloc(
            cls,
            GeneratorObj {
                header: Self::hdr(),
                frame: std::sync::Mutex::new(Some(Box::new(saved))),
                state: Slot::raw(0),
                name,
                qualname,
            },
        )
    }

    /// `cls(*args, **kw)` for a type object: `type(x)`, or `__new__` then `__init__`.
    pub fn call_type(&mut self, cls: Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if cls == self.types.type_ && args.len() == 1 && kwnames.is_empty() {
            return Ok(self.type_of(args[0]));
        }
        let meta = self.type_of(cls);
        if meta != self.types.type_ {
            // A metaclass may define __call__.
            let n = self.rt.names.__call__;
            if let Some(c) = self.type_lookup(meta, n) {
                if !is::<NativeObj>(c) {
                    let mut a = vec![cls];
                    a.extend_from_slice(args);
                    return self.call(c, &a, kwnames);
                }
            }
        }
        let new_name = self.rt.names.__new__;
        let new = self.type_lookup(cls, new_name);
        let mut a = ArgBuf::prepend(cls, args);
        let inst = match new {
            Some(nf) => {
                let nf = if let Some(sm) = cast::<StaticMethodObj>(nf) {
                    sm.func
                } else {
                    nf
                };
                self.call(nf, &a, kwnames)?
            }
            None => {
                return Err(
                    self.type_error(format!("cannot create '{}' instances", self.type_name(cls)))
                )
            }
        };
        if !self.is_instance(inst, cls) {
            return Ok(inst);
        }
        let init_name = self.rt.names.__init__;
        if let Some(init) = self.type_lookup(cls, init_name) {
            if let Some(n) = cast::<NativeObj>(init) {
                // object.__init__ and builtin inits accept what __new__ accepted.
                if n.name == "__init__" && n.owner == self.types.object {
                    return Ok(inst);
                }
            }
            a[0] = inst;
            let r = self.call(init, &a, kwnames)?;
            if r != Value::NONE {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.tname(r)
                )));
            }
        }
        Ok(inst)
    }
}

fn short_name(q: &str) -> &str {
    q
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

use crate::interp::attr::ops_kind;

/// `[first, args...]` for a call, on the Rust stack (conservatively scanned) when short, so the common
/// bound-method and dunder calls do not allocate.
pub(crate) enum ArgBuf {
    Small([Value; 8], usize),
    Big(Vec<Value>),
}

impl ArgBuf {
    #[inline]
    pub(crate) fn prepend(first: Value, args: &[Value]) -> ArgBuf {
        let n = args.len() + 1;
        if n <= 8 {
            let mut buf = [Value::NULL; 8];
            buf[0] = first;
            buf[1..n].copy_from_slice(args);
            ArgBuf::Small(buf, n)
        } else {
            let mut a = Vec::with_capacity(n);
            a.push(first);
            a.extend_from_slice(args);
            ArgBuf::Big(a)
        }
    }
}

impl std::ops::DerefMut for ArgBuf {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value] {
        match self {
            ArgBuf::Small(b, n) => &mut b[..*n],
            ArgBuf::Big(v) => v,
        }
    }
}

impl std::ops::Deref for ArgBuf {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        match self {
            ArgBuf::Small(b, n) => &b[..*n],
            ArgBuf::Big(v) => v,
        }
    }
}
