//! Running top-level code and the import system.
//!
//! `import a.b.c` imports `a`, then `a.b`, then `a.b.c`, each found in `sys.modules`, among the builtin
//! modules shipped in the binary (`stdlib`: Rust-implemented, then frozen Python), or as `<dir>/<name>.py` or
//! `<dir>/<name>/__init__.py` for each `dir` of `sys.path` (a package's submodules are searched in its
//! `__path__`). A module is put in `sys.modules` before its code runs (so circular imports see the partly
//! initialised module) and removed again if its code raises.

use crate::access::Mode;
use crate::compile::CompileError;
use crate::interp::frame::{Boundary, FrameInfo};
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

impl<M: Mode> Vm<M> {
    /// Runs a module or class-body style code object with the given globals and locals mapping.
    pub fn run_code(&mut self, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
        self.check_native_stack()?;
        let c = &obj::<CodeObj>(code).code;
        let nlp = c.nlocalsplus();
        let mut init = vec![Value::NULL; nlp];
        for (i, slot) in init
            .iter_mut()
            .enumerate()
            .skip(c.nlocals())
            .take(c.cellvars.len())
        {
            let _ = i;
            *slot = self.new_cell(Value::NULL)?;
        }
        let builtins = match self.dict_get_name(globals, "__builtins__") {
            Some(b) if is::<DictObj>(b) => b,
            Some(b) if is::<ModuleObj>(b) => obj::<ModuleObj>(b).dict,
            _ => self.rt.builtins,
        };
        let info = FrameInfo {
            code,
            ip: 0,
            base: self.stack.len() as u32,
            func: Value::NULL,
            globals,
            builtins,
            locals,
            gen: Value::NULL,
            boundary: Boundary::Native,
        };
        self.push_frame(info, &init)?;
        self.run_nested()
    }

    /// A SyntaxError (or IndentationError/TabError) object for a compile error.
    pub fn syntax_error(&mut self, e: &CompileError, filename: &str) -> PyErr {
        use crate::compile::ErrorKind;
        let cls = match e.kind {
            ErrorKind::SyntaxError => self.exc.syntax_error,
            ErrorKind::IndentationError => self.exc.indentation_error,
            ErrorKind::TabError => self.exc.tab_error,
        };
        let r = (|| {
            let msg = self.new_str(&e.msg)?;
            self.temp_roots.push(msg);
            let exc = self.new_exception(cls, &[msg]);
            self.temp_roots.pop();
            let exc = exc?;
            self.temp_roots.push(exc);
            let fname = self.new_str(filename)?;
            let d = self
                .instance_dict(exc, true)?
                .expect("exceptions have a dict");
            self.dict_set_str(d, "msg", msg)?;
            self.dict_set_str(d, "filename", fname)?;
            self.dict_set_str(d, "lineno", Value::small_int(e.line as i64))?;
            self.dict_set_str(d, "offset", Value::small_int(e.col as i64))?;
            self.dict_set_str(d, "end_lineno", Value::small_int(e.end_line as i64))?;
            self.dict_set_str(d, "end_offset", Value::small_int(e.end_col as i64))?;
            let text = match &e.text {
                Some(t) => self.new_str(t)?,
                None => Value::NONE,
            };
            self.dict_set_str(d, "text", text)?;
            self.temp_roots.pop();
            Ok(exc)
        })();
        match r {
            Ok(exc) => PyErr::Exc(exc),
            Err(e) => e,
        }
    }

    /// Compiles `source` as a module and returns its code object.
    pub fn compile_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        let unit = match crate::compile::compile_module(source, filename) {
            Ok(u) => u,
            Err(e) => return Err(self.syntax_error(&e, filename)),
        };
        let f = self.new_str(filename)?;
        self.temp_roots.push(f);
        let r = self.materialize(&unit, f);
        self.temp_roots.pop();
        r
    }

    /// `ImportName`.
    pub fn import_name(
        &mut self,
        name: Value,
        fromlist: Value,
        level: Value,
        globals: Value,
    ) -> PyResult<Value> {
        let name_s = self.str_of(name).to_string();
        let level = if level.is_small_int() {
            level.as_small_int()
        } else {
            0
        };
        let full = if level > 0 {
            self.resolve_relative(&name_s, level as usize, globals)?
        } else {
            if name_s.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name_s.clone()
        };
        let module = self.import_dotted(&full)?;
        let has_fromlist =
            fromlist != Value::NONE && cast::<TupleObj>(fromlist).is_some_and(|t| t.len > 0);
        if has_fromlist {
            // Submodules named in the fromlist are imported if they are not attributes yet.
            if is::<ModuleObj>(module)
                && self
                    .dict_get_name(obj::<ModuleObj>(module).dict, "__path__")
                    .is_some()
            {
                for item in obj::<TupleObj>(fromlist).as_slice().to_vec() {
                    let it = self.str_of(item).to_string();
                    if it == "*" {
                        continue;
                    }
                    if self
                        .dict_get_str(obj::<ModuleObj>(module).dict, item)
                        .is_none()
                    {
                        let sub = format!("{full}{}{it}", ".");
                        match self.import_dotted(&sub) {
                            Ok(_) => {}
                            Err(e) => {
                                let mnf = self.exc.module_not_found_error;
                                if !self.err_matches(&e, mnf) {
                                    return Err(e);
                                }
                            }
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level == 0 {
            let top = name_s.split('.').next().unwrap_or("").to_string();
            return self.sys_module(&top).ok_or_else(|| self.no_module(&top));
        }
        // `from . import x` has a fromlist; a bare relative `import .a` is a syntax error.
        Ok(module)
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: Value) -> PyResult<String> {
        let package = match self.dict_get_name(globals, "__package__") {
            Some(p) if is::<StrObj>(p) => self.str_of(p).to_string(),
            _ => {
                let n = self
                    .dict_get_name(globals, "__name__")
                    .filter(|v| is::<StrObj>(*v))
                    .map(|v| self.str_of(v).to_string())
                    .unwrap_or_default();
                let is_pkg = self.dict_get_name(globals, "__path__").is_some();
                if is_pkg {
                    n
                } else {
                    n.rsplit_once('.')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            let c = self.exc.import_error;
            return Err(self.error(c, "attempted relative import with no known parent package"));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level > parts.len() {
            let c = self.exc.import_error;
            return Err(self.error(c, "attempted relative import beyond top-level package"));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        })
    }

    fn sys_module(&mut self, name: &str) -> Option<Value> {
        let modules = self.rt.modules;
        self.dict_get_name(modules, name)
            .filter(|m| *m != Value::NONE)
    }

    fn no_module(&mut self, name: &str) -> PyErr {
        let c = self.exc.module_not_found_error;
        let e = self.error(c, format!("No module named '{name}'"));
        let ev = self.exc_value(&e);
        if let Ok(n) = self.new_str(name) {
            if let Ok(Some(d)) = self.instance_dict(ev, true) {
                let _ = self.dict_set_str(d, "name", n);
            }
        }
        e
    }

    /// Imports `a.b.c` (each prefix in turn) and returns the module `a.b.c`.
    pub fn import_dotted(&mut self, full: &str) -> PyResult<Value> {
        // Once threads exist, imports are serialised by one reentrant lock so no thread sees a module
        // another thread is still executing (CPython uses per-module locks; one lock is simpler and
        // deadlocks only where CPython's would too: a module body that waits for a thread importing).
        let held = crate::interp::threads::import_lock_acquire(self);
        // Released on every way out, an STM abort (an unwind) included: the abort rolls back what the
        // import did to the heap, and the lock is the one piece of state it cannot roll back.
        let _release = crate::interp::threads::ImportLockHeld(held.then_some(self.ident));
        self.import_dotted_unlocked(full)
    }

    fn import_dotted_unlocked(&mut self, full: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_module(full) {
            return Ok(m);
        }
        let mut parent: Option<Value> = None;
        let mut prefix = String::new();
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let m = match self.sys_module(&prefix) {
                Some(m) => m,
                None => {
                    let m = self.load_module(&prefix, part, parent)?;
                    if let Some(p) = parent {
                        if is::<ModuleObj>(p) {
                            self.dict_set_str(obj::<ModuleObj>(p).dict, part, m)?;
                        }
                    }
                    m
                }
            };
            parent = Some(m);
        }
        Ok(parent.expect("empty module name"))
    }

    /// Finds and executes module `full` (last component `part`, inside package `parent` if any).
    fn load_module(&mut self, full: &str, part: &str, parent: Option<Value>) -> PyResult<Value> {
        if parent.is_none() {
            if let Some(init) = crate::stdlib::native_module::<M>(full) {
                let m = init(self)?;
                let n = self.new_str(full)?;
                self.dict_set(self.rt.modules, n, m)?;
                return Ok(m);
            }
        }
        if let Some(f) = crate::stdlib::frozen::find(full) {
            let file = format!("<frozen {full}>");
            let pkg = if f.is_package { Some("") } else { None };
            return self.exec_module_source(full, f.source, &file, pkg);
        }
        // Search directories: the parent package's __path__, else sys.path.
        let dirs_list = match parent {
            Some(p) if is::<ModuleObj>(p) => {
                match self.dict_get_name(obj::<ModuleObj>(p).dict, "__path__") {
                    Some(pl) => pl,
                    None => {
                        let c = self.exc.module_not_found_error;
                        let pn = full.rsplit_once('.').map(|x| x.0).unwrap_or("");
                        return Err(self.error(
                            c,
                            format!("No module named '{full}'; '{pn}' is not a package"),
                        ));
                    }
                }
            }
            _ => self.rt.path,
        };
        let dirs: Vec<String> = self
            .collect_iterable(dirs_list)?
            .into_iter()
            .filter(|d| is::<StrObj>(*d))
            .map(|d| self.str_of(d).to_string())
            .collect();
        for dir in dirs {
            let base = if dir.is_empty() {
                ".".to_string()
            } else {
                dir.clone()
            };
            let pkg_init = format!("{base}/{part}/__init__.py");
            let file = format!("{base}/{part}.py");
            if std::path::Path::new(&pkg_init).is_file() {
                let pkg_dir = format!("{base}/{part}");
                return self.exec_module_file(full, &pkg_init, Some(&pkg_dir));
            }
            if std::path::Path::new(&file).is_file() {
                return self.exec_module_file(full, &file, None);
            }
        }
        Err(self.no_module(full))
    }

    /// Creates module `name` from `path`, registers it, and runs it.
    pub fn exec_module_file(
        &mut self,
        name: &str,
        path: &str,
        pkg_dir: Option<&str>,
    ) -> PyResult<Value> {
        let source = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let c = self.exc.os_error;
                return Err(self.error(
                    c,
                    format!(
                        "[Errno {}] {}: '{}'",
                        e.raw_os_error().unwrap_or(0),
                        e,
                        path
                    ),
                ));
            }
        };
        let source = match String::from_utf8(source) {
            Ok(s) => s,
            Err(_) => {
                let c = self.exc.syntax_error;
                return Err(self.error(
                    c,
                    format!("(unicode error) 'utf-8' codec can't decode source of {path}"),
                ));
            }
        };
        self.exec_module_source(name, &source, path, pkg_dir)
    }

    /// Creates module `name` whose source text is `source` (reported as file `path`), registers it in
    /// `sys.modules`, and runs it. A package gets `__path__ = [pkg_dir]` (`[]` when `pkg_dir` is empty:
    /// a frozen package, whose submodules are frozen too).
    pub fn exec_module_source(
        &mut self,
        name: &str,
        source: &str,
        path: &str,
        pkg_dir: Option<&str>,
    ) -> PyResult<Value> {
        let code = self.compile_source(source, path)?;
        self.temp_roots.push(code);
        let r = (|| {
            let m = self.new_module(name)?;
            let d = obj::<ModuleObj>(m).dict;
            let f = self.new_str(path)?;
            self.dict_set_str(d, "__file__", f)?;
            let bm = self.rt.builtins_module;
            self.dict_set_str(d, "__builtins__", bm)?;
            let package = match pkg_dir {
                Some(dir) => {
                    let pl = if dir.is_empty() {
                        self.new_list(&[])?
                    } else {
                        let pd = self.new_str(dir)?;
                        self.new_list(&[pd])?
                    };
                    self.dict_set_str(d, "__path__", pl)?;
                    name.to_string()
                }
                None => name
                    .rsplit_once('.')
                    .map(|x| x.0.to_string())
                    .unwrap_or_default(),
            };
            let p = self.new_str(&package)?;
            self.dict_set_str(d, "__package__", p)?;
            self.temp_roots.push(m);
            let r = self.run_code(code, d, d);
            self.temp_roots.pop();
            match r {
                Ok(_) => Ok(self.sys_module(name).unwrap_or(m)),
                Err(e) => {
                    let n = self.new_str(name)?;
                    let _ = self.dict_del(self.rt.modules, n);
                    Err(e)
                }
            }
        })();
        self.temp_roots.pop();
        r
    }

    /// `ImportFrom`: attribute `name` of module `m`, or the submodule `m.name`, or ImportError.
    pub fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let n = self.str_of(name).to_string();
        let (mname, file) = match cast::<ModuleObj>(m) {
            Some(mo) => {
                let d = mo.dict;
                let mn = self
                    .dict_get_name(d, "__name__")
                    .filter(|v| is::<StrObj>(*v));
                let f = self
                    .dict_get_name(d, "__file__")
                    .filter(|v| is::<StrObj>(*v));
                (
                    mn.map(|v| self.str_of(v).to_string())
                        .unwrap_or_else(|| "<unknown module name>".into()),
                    f.map(|v| self.str_of(v).to_string()),
                )
            }
            None => ("<unknown module name>".to_string(), None),
        };
        if let Some(sub) = self.sys_module(&format!("{mname}.{n}")) {
            return Ok(sub);
        }
        let c = self.exc.import_error;
        let msg = match file {
            Some(f) => format!("cannot import name '{n}' from '{mname}' ({f})"),
            None => format!("cannot import name '{n}' from '{mname}' (unknown location)"),
        };
        Err(self.error(c, msg))
    }

    /// `from m import *` into the locals mapping: `__all__` if defined, else the public names.
    pub fn import_star(&mut self, m: Value, locals: Value, globals: Value) -> PyResult<()> {
        let target = if locals.is_ptr() { locals } else { globals };
        let Some(mo) = cast::<ModuleObj>(m) else {
            return Err(self.type_error("from-import-* object has no __dict__ and no __all__"));
        };
        let d = mo.dict;
        let all = self.dict_get_name(d, "__all__");
        let names: Vec<Value> = match all {
            Some(a) => self.collect_iterable(a)?,
            None => self
                .dict_items_vec(d)
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| is::<StrObj>(*k) && !self.str_of(*k).starts_with('_'))
                .collect(),
        };
        for n in names {
            let v = self.getattr(m, n)?;
            self.mapping_set(target, n, v)?;
        }
        Ok(())
    }
}
