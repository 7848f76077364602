//! The `array` module (in progress).

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::value::Value;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    vm.new_module("array")
}
