//! `float` and `complex` methods reached by name.
use crate::access::Mode;
use crate::interp::{PyResult, Vm};
pub fn register<M: Mode>(_vm: &mut Vm<M>) -> PyResult<()> {
    Ok(())
}
