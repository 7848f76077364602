//! The standard-library modules Weft ships inside its binary.
//!
//! Two kinds, looked up by `interp::import` before `sys.path` (so a script cannot shadow them by accident):
//! * modules implemented in Rust: one file each in this directory, found through [`native_module`];
//!   each exports an `init` that creates the module object and fills its dict (its natives, plus, for
//!   class-heavy modules like `io` or `random`, a Python "glue" string run in the module's namespace
//!   with [`glue::run_glue`] that defines the classes over those natives);
//! * modules written in Python ("frozen"): the sources under `vm/src/stdlib/py/`, compiled into the binary
//!   with `include_str!` and listed in [`frozen::FROZEN`]; they run like a `.py` file found on `sys.path`,
//!   with `__file__` set to `<frozen NAME>`. A frozen package (`is_package`) gets an empty `__path__`, and
//!   its submodules are frozen entries with dotted names.
//!
//! Python is the right choice where the module is mostly glue over builtins (collections' pure-Python
//! parts, functools, contextlib); Rust where speed or OS access matters (time, random, re, _thread, _stm).

pub mod array_module;
pub mod atexit_module;
pub mod frozen;
pub mod gc_module;
pub mod glue;
pub mod io_module;
pub mod json_module;
pub mod os_module;
pub mod random_module;
pub mod re_module;
pub mod re_parse;
pub mod stm_module;
pub mod struct_module;
pub mod thread_module;
pub mod time_module;

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::value::Value;

/// Creates a module implemented in Rust.
pub type ModuleInit<M> = fn(&mut Vm<M>) -> PyResult<Value>;

/// The initialiser of the Rust-implemented module `name`, if there is one.
pub fn native_module<M: Mode>(name: &str) -> Option<ModuleInit<M>> {
    match name {
        "math" => Some(crate::builtins::math_module::init),
        "_thread" => Some(thread_module::init),
        "_stm" => Some(stm_module::init),
        "re" => Some(re_module::init),
        "json" => Some(json_module::init),
        "array" => Some(array_module::init),
        "atexit" => Some(atexit_module::init),
        "gc" => Some(gc_module::init),
        "io" => Some(io_module::init),
        "os" => Some(os_module::init),
        "random" => Some(random_module::init),
        "struct" => Some(struct_module::init),
        "time" => Some(time_module::init),
        _ => None,
    }
}
