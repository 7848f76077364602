//! The `sys` module: argv, path, modules, the standard streams, exit, the recursion limit, version
//! information.
//!
//! `sys.stdout`/`sys.stderr` start as native stream objects (writes go to the VM's stdout buffer or
//! straight to fd 2); a program may replace them with any object that has `write`, and `print` follows.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let sys = vm.new_module("sys")?;
    vm.rt.sys = sys;
    let d = obj::<ModuleObj>(sys).dict;
    let modules = vm.rt.modules;
    vm.dict_set_str(d, "modules", modules)?;
    let path = vm.new_list(&[])?;
    vm.rt.path = path;
    vm.dict_set_str(d, "path", path)?;
    let argv = vm.new_list(&[])?;
    vm.dict_set_str(d, "argv", argv)?;
    let maxsize = vm.new_int(i64::MAX)?;
    vm.dict_set_str(d, "maxsize", maxsize)?;
    let bo = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    })?;
    vm.dict_set_str(d, "byteorder", bo)?;
    let plat = vm.new_str(std::env::consts::OS)?;
    vm.dict_set_str(d, "platform", plat)?;
    let ver = vm.new_str(concat!("3.11.0 (weft ", env!("CARGO_PKG_VERSION"), ")"))?;
    vm.dict_set_str(d, "version", ver)?;
    let vi = [3, 11, 0].map(Value::small_int);
    let rel = vm.new_str("final")?;
    let vi = vm.new_tuple(&[vi[0], vi[1], vi[2], rel, Value::small_int(0)])?;
    vm.dict_set_str(d, "version_info", vi)?;
    let hv = vm.new_int(0x030b00f0)?;
    vm.dict_set_str(d, "hexversion", hv)?;
    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let exe = vm.new_string(exe)?;
    vm.dict_set_str(d, "executable", exe)?;

    // sys.implementation: a module-like namespace with name and version.
    let imp = vm.new_module("sys.implementation")?;
    let k = vm.new_str("sys.implementation")?;
    vm.dict_del(modules, k)?;
    let id = obj::<ModuleObj>(imp).dict;
    let name = vm.new_str("weft")?;
    vm.dict_set_str(id, "name", name)?;
    vm.dict_set_str(id, "version", vi)?;
    let ct = vm.new_str("weft-311")?;
    vm.dict_set_str(id, "cache_tag", ct)?;
    vm.dict_set_str(d, "implementation", imp)?;

    // Standard streams.
    let stream_t = vm.new_builtin_type(
        "TextIOWrapper",
        vm.types.object,
        Kind::Instance,
        false,
        true,
    )?;
    vm.def_method(stream_t, "write", stream_write)?;
    vm.def_method(stream_t, "flush", stream_flush)?;
    vm.def_method(stream_t, "isatty", stream_isatty)?;
    let out = vm.alloc_instance(stream_t)?;
    let err = vm.alloc_instance(stream_t)?;
    vm.rt.stdout = out;
    vm.rt.stderr = err;
    vm.dict_set_str(d, "stdout", out)?;
    vm.dict_set_str(d, "stderr", err)?;
    vm.dict_set_str(d, "__stdout__", out)?;
    vm.dict_set_str(d, "__stderr__", err)?;

    vm.def_fn(d, "exit", sys_exit)?;
    vm.def_fn(d, "getrecursionlimit", getrecursionlimit)?;
    vm.def_fn(d, "setrecursionlimit", setrecursionlimit)?;
    vm.def_fn(d, "getswitchinterval", getswitchinterval)?;
    vm.def_fn(d, "setswitchinterval", setswitchinterval)?;
    vm.def_fn(d, "exc_info", exc_info)?;
    vm.def_fn(d, "exception", exception)?;
    vm.def_fn(d, "intern", intern)?;
    vm.def_fn(d, "getsizeof", getsizeof)?;
    vm.def_fn(d, "get_int_max_str_digits", get_int_max_str_digits)?;
    Ok(())
}

impl<M: Mode> Vm<M> {
    /// 1 for the native stdout object, 2 for the native stderr object, None otherwise.
    pub fn native_stream(&self, f: Value) -> Option<u8> {
        if f == self.rt.stdout {
            Some(1)
        } else if f == self.rt.stderr {
            Some(2)
        } else {
            None
        }
    }

    /// The current `sys.stdout`.
    pub fn sys_stdout(&mut self) -> Value {
        let d = obj::<ModuleObj>(self.rt.sys).dict;
        self.dict_get_name(d, "stdout").unwrap_or(self.rt.stdout)
    }

    /// The current `sys.stderr`.
    pub fn sys_stderr(&mut self) -> Value {
        let d = obj::<ModuleObj>(self.rt.sys).dict;
        self.dict_get_name(d, "stderr").unwrap_or(self.rt.stderr)
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: &[String]) -> PyResult<()> {
        let mut vals = Vec::new();
        for a in argv {
            let v = self.new_str(a)?;
            self.temp_roots.push(v);
            vals.push(v);
        }
        let l = self.new_list(&vals);
        self.temp_roots.truncate(self.temp_roots.len() - vals.len());
        let l = l?;
        let d = obj::<ModuleObj>(self.rt.sys).dict;
        self.dict_set_str(d, "argv", l)
    }
}

fn stream_write<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("write", args, kwnames, 1, 1)?;
    let s = args[1];
    if !is::<StrObj>(s) {
        let tn = vm.tname(s).to_string();
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    }
    let text = vm.str_exact(s)?;
    let n = obj::<StrObj>(s).char_len;
    match vm.native_stream(args[0]) {
        Some(2) => vm.write_stderr(text),
        _ => vm.write_stdout(text),
    }
    vm.new_int(n as i64)
}

fn stream_flush<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("flush", args, kwnames, 0, 0)?;
    if vm.native_stream(args[0]) == Some(1) {
        vm.flush_stdout();
    }
    Ok(Value::NONE)
}

fn stream_isatty<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("isatty", args, kwnames, 0, 0)?;
    Ok(Value::FALSE)
}

fn sys_exit<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("exit", args, kwnames, 0, 1)?;
    let c = vm.exc.system_exit;
    let e = vm.new_exception(c, args)?;
    Err(crate::interp::PyErr::Exc(e))
}

fn getrecursionlimit<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("getrecursionlimit", args, kwnames, 0, 0)?;
    vm.new_int(vm.recursion_limit as i64)
}

fn setrecursionlimit<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("setrecursionlimit", args, kwnames, 1, 1)?;
    if args[0].is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() as i64;
    if n <= depth {
        return Err(vm.recursion_error_while_setting(n, depth));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

/// `sys.getswitchinterval()`: the GIL's switch interval in seconds.
fn getswitchinterval<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("getswitchinterval", args, kwnames, 0, 0)?;
    Ok(Value::float(crate::interp::threads::GIL.interval()))
}

/// `sys.setswitchinterval(secs)`.
fn setswitchinterval<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("setswitchinterval", args, kwnames, 1, 1)?;
    let x = crate::builtins::math_module::arg_f64(vm, args[0])?;
    if x.is_nan() || x <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    crate::interp::threads::GIL.set_interval(x);
    Ok(Value::NONE)
}

impl<M: Mode> Vm<M> {
    fn recursion_error_while_setting(&mut self, n: i64, depth: i64) -> crate::interp::PyErr {
        let c = self.exc.recursion_error;
        self.error(
            c,
            format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
        )
    }
}

fn exc_info<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("exc_info", args, kwnames, 0, 0)?;
    let e = vm.exc_info;
    if e.is_null() {
        return vm.new_tuple(&[Value::NONE, Value::NONE, Value::NONE]);
    }
    let t = vm.type_of(e);
    let tb = match cast::<ExceptionObj>(e) {
        Some(x) => vm.load(&x.traceback),
        None => Value::NONE,
    };
    vm.new_tuple(&[t, e, tb])
}

fn exception<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("exception", args, kwnames, 0, 0)?;
    Ok(if vm.exc_info.is_null() {
        Value::NONE
    } else {
        vm.exc_info
    })
}

fn intern<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("intern", args, kwnames, 1, 1)?;
    if cast::<StrObj>(args[0]).is_some_and(|s| s.wide.is_some()) {
        // Not interned (the table holds Rust strs); still an equal str.
        return Ok(args[0]);
    }
    let s = vm.expect_str(args[0], "intern() argument")?.to_string();
    Ok(vm.intern(&s))
}

fn getsizeof<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("getsizeof", args, kwnames, 1, 2)?;
    // An approximation: the header plus one word per element for containers.
    let v = args[0];
    let n = if v.is_ptr() {
        let extra = match crate::interp::attr::ops_kind(v) {
            Some(Kind::List) => vm.list_len(v) * 8,
            Some(Kind::Tuple) => obj::<TupleObj>(v).len * 8,
            Some(Kind::Str) => obj::<StrObj>(v).s.len(),
            Some(Kind::Dict) => vm.dict_len(v) * 24,
            _ => 0,
        };
        56 + extra
    } else {
        24
    };
    vm.new_int(n as i64)
}

fn get_int_max_str_digits<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    vm.check_args("get_int_max_str_digits", args, kwnames, 0, 0)?;
    vm.new_int(crate::builtins::repr::INT_MAX_STR_DIGITS as i64)
}
