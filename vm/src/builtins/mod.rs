//! The builtin types' methods, the `builtins` module's functions, and the modules implemented in Rust.
//!
//! Every file registers its natives in a `register` function called by [`register_all`] at bootstrap;
//! a native is a `fn(&mut Vm<M>, args, kwnames)` (see `interp::NativeFn`). Methods receive their
//! receiver as `args[0]`.

pub mod args;
pub mod attrs;
pub mod bootstrap;
pub mod bytes_methods;
pub mod bytes_type;
pub mod dict_table;
pub mod dict_type;
pub mod dunder_wrappers;
pub mod exc_type;
pub mod float_type;
pub mod functions;
pub mod gen_type;
pub mod int_type;
pub mod iter_types;
pub mod list_type;
pub mod math_module;
pub mod object_type;
pub mod range_type;
pub mod repr;
pub mod set_table;
pub mod set_type;
pub mod sort_fast;
pub mod str_format;
pub mod str_methods;
pub mod str_type;
pub mod sys_module;

use crate::access::Mode;
use crate::interp::{PyResult, Vm};

/// Registers every builtin's natives (called once by `Vm::new`).
pub fn register_all<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    object_type::register(vm)?;
    functions::register(vm)?;
    int_type::register(vm)?;
    float_type::register(vm)?;
    iter_types::register(vm)?;
    gen_type::register(vm)?;
    str_type::register(vm)?;
    bytes_type::register(vm)?;
    list_type::register(vm)?;
    dict_type::register(vm)?;
    set_type::register(vm)?;
    range_type::register(vm)?;
    exc_type::register(vm)?;
    sys_module::register(vm)?;
    dunder_wrappers::register(vm)?;
    crate::stdlib::io_module::register_builtins(vm)?;
    Ok(())
}
