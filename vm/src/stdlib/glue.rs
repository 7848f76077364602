//! Shared helpers of the Rust-implemented stdlib modules: running a module's Python-written glue (class
//! definitions over the module's Rust natives) in its namespace, argument conversions, and OSError
//! construction from `std::io::Error` with CPython's message and subclass.
//!
//! Glue source is a `const &str` in the module's own file, compiled at import time with the filename
//! `<native NAME>`. Classes defined there get `__module__` set to the module's name.

use crate::access::Mode;
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

/// Runs the Python `source` in the namespace of module `m` (whose name is `name`).
pub fn run_glue<M: Mode>(vm: &mut Vm<M>, m: Value, name: &str, source: &str) -> PyResult<()> {
    let d = obj::<ModuleObj>(m).dict;
    let bm = vm.rt.builtins_module;
    vm.dict_set_str(d, "__builtins__", bm)?;
    let code = vm.compile_source(source, &format!("<native {name}>"))?;
    vm.temp_roots.push(code);
    vm.temp_roots.push(m);
    let r = vm.run_code(code, d, d);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r.map(|_| ())
}

/// The builtin object called `name` (an exception class, usually).
pub fn builtin<M: Mode>(vm: &mut Vm<M>, name: &str) -> Value {
    let b = vm.rt.builtins;
    vm.dict_get_name(b, name).unwrap_or(vm.exc.os_error)
}

/// The text CPython uses for an errno (strerror), for the common codes; else Rust's text.
pub fn strerror(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(1) => "Operation not permitted".into(),
        Some(2) => "No such file or directory".into(),
        Some(9) => "Bad file descriptor".into(),
        Some(13) => "Permission denied".into(),
        Some(17) => "File exists".into(),
        Some(20) => "Not a directory".into(),
        Some(21) => "Is a directory".into(),
        Some(22) => "Invalid argument".into(),
        Some(39) => "Directory not empty".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// An OSError (the subclass CPython picks for the errno) for `e`, with `filename` when given:
/// `[Errno 2] No such file or directory: 'x'`; `errno`, `strerror` and `filename` are set.
pub fn os_error<M: Mode>(vm: &mut Vm<M>, e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    let cls_name = match code {
        2 => "FileNotFoundError",
        17 => "FileExistsError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        1 | 13 => "PermissionError",
        _ => "OSError",
    };
    let cls = builtin(vm, cls_name);
    let text = strerror(e);
    let msg = match filename {
        Some(f) => {
            let fr = crate::text::repr::str_repr(f);
            format!("[Errno {code}] {text}: {fr}")
        }
        None => format!("[Errno {code}] {text}"),
    };
    let err = vm.error(cls, msg);
    let ev = vm.exc_value(&err);
    let r = (|| -> PyResult<()> {
        if let Some(d) = vm.instance_dict(ev, true)? {
            let n = vm.new_int(code as i64)?;
            vm.dict_set_str(d, "errno", n)?;
            let t = vm.new_string(text)?;
            vm.dict_set_str(d, "strerror", t)?;
            let f = match filename {
                Some(f) => vm.new_str(f)?,
                None => Value::NONE,
            };
            vm.dict_set_str(d, "filename", f)?;
        }
        Ok(())
    })();
    match r {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// A path argument: str, bytes, or an object with `__fspath__`.
pub fn path_arg<M: Mode>(vm: &mut Vm<M>, v: Value, fname: &str) -> PyResult<String> {
    if is::<StrObj>(v) {
        return Ok(vm.str_of(v).to_string());
    }
    if is::<BytesObj>(v) {
        return Ok(String::from_utf8_lossy(&obj::<BytesObj>(v).b).into_owned());
    }
    let t = vm.type_of(v);
    let n = vm.rt.names.__fspath__;
    if let Some(f) = vm.type_lookup(t, n) {
        let r = vm.call_method_value(f, v, &[])?;
        if is::<StrObj>(r) {
            return Ok(vm.str_of(r).to_string());
        }
    }
    let tn = vm.tname(v).to_string();
    Err(vm.type_error(format!(
        "{fname}: path should be string, bytes or os.PathLike, not {tn}"
    )))
}
