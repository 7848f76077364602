//! Fuzz the Weft compiler front end: any UTF-8 input must compile to a
//! code unit or produce a `CompileError`, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        let _ = weft_vm::compile::compile_module(src, "<fuzz>");
        let _ = weft_vm::compile::compile_eval(src, "<fuzz>");
    }
});
