//! The dispatch loop.
//!
//! `run_nested` executes frames until the frame that was on top when it was entered (pushed with
//! `Boundary::Native`) returns or yields. Python-to-Python calls push a `Boundary::Caller` frame and
//! continue in the same loop, so Python recursion never recurses on the Rust stack.
//!
//! Safepoints: the loop polls `Heap::should_collect()` at backward jumps, calls and returns; at a safepoint
//! every live value is in `Vm::stack`, a frame, a root, or a Rust local of a native caller further down the
//! native stack (scanned conservatively), so the collector may run there.
//!
//! Fast paths (each falls back to the general protocol when its guard fails): small-int and float
//! arithmetic/comparisons (a comparison followed by `PopJumpIf*` branches directly), exact list/tuple/dict
//! subscripts and item stores, `o[a:b]` on exact ASCII str and list without a slice object, tuple/list
//! unpacking, list/range/ASCII-str iteration, generators under `for` (their frame runs in this loop with
//! `Boundary::GenFor`: a yield pushes onto the caller's stack, a return ends its loop), the
//! superinstructions `LoadFastLoadFast`/`LoadFastLoadConst`/`StoreFastLoadFast`, `ForIterUnpack2` (`for a, b
//! in` an enumerate, `dict.items()` or two-way zip, without the pair tuple), and calls of Python functions that bind positional arguments in
//! place (`Vm::fast_bind`), including bound methods and `cls(...)` with a Python `__init__` (its frame is
//! pushed with `Boundary::Init`). `LoadGlobal`, `LoadAttr`, `LoadMethod` and `StoreAttr` go through
//! per-instruction inline caches (`Code::caches`; see `load_global_cached` here and `interp::attr`).
//!
//! Register fast paths: within a frame the operand stack's length, buffer and capacity live in locals
//! (`sp`, `sbuf`, `scap`); the hottest instructions (locals, constants, small-int/float arithmetic and
//! compare-and-branch, cached globals, read-only attribute/method inline-cache hits, list/tuple/dict
//! subscripts, list/range/str iteration, exact positional calls of Python functions and returns into a
//! caller of this loop, which switch the frame locals in place; under --stm only when `stm_poll_quiet` finds nothing pending) run on them without
//! touching `Vm::stack`'s header, with explicit capacity checks. Every other instruction, and every fast
//! path whose guard fails, first writes `sp` back (`sync!`: `Vm::stack` is then the truth) and takes
//! the general path of the same match arm, after which the registers are reloaded. Fast paths never allocate, run Python code or reach a
//! safepoint, so nothing observes the stack while the registers are ahead of it.
//!
//! Exceptions: an instruction that fails records the error; the loop looks up the innermost handler in the
//! frame's exception table, truncates the operand stack, pushes the exception and jumps; without a handler
//! the frame is popped (adding a traceback entry) and the caller's handlers are searched, until the
//! boundary frame, whose caller gets the error.

use crate::access::Mode;
use crate::bytecode::{BinOp, CmpOp, Op, UnOp};
use crate::interp::eval_support::{float_op, num_f64, seq_small_index};
use crate::interp::frame::{Boundary, FrameInfo};
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;

/// How a nested run ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

macro_rules! pop {
    ($vm:expr) => {
        $vm.stack.pop().expect("operand stack underflow")
    };
}

macro_rules! top {
    ($vm:expr) => {
        *$vm.stack.last().expect("operand stack underflow")
    };
}

impl<M: Mode> Vm<M> {
    /// Runs until the current top frame (a `Boundary::Native` frame) returns; generators' yields are an error here.
    pub fn run_nested(&mut self) -> PyResult<Value> {
        self.native_depth += 1;
        let r = self.run_loop();
        self.native_depth -= 1;
        match r {
            Ok(Exit::Return(v)) => Ok(v),
            Ok(Exit::Yield(v)) => Ok(v),
            Err(e) => Err(e),
        }
    }

    /// Runs until the boundary frame returns or yields.
    pub fn run_loop(&mut self) -> PyResult<Exit> {
        let boundary_depth = self.frames.len();
        if M::STM {
            return self.run_loop_stm(boundary_depth);
        }
        self.run_loop_in(boundary_depth)
    }

    /// `--stm`: `run_loop_in` as one level of the loop nesting, where a transaction that began in this
    /// level is restarted after an abort (interp/stm_sched.rs).
    #[inline(never)]
    fn run_loop_stm(&mut self, boundary_depth: usize) -> PyResult<Exit> {
        self.txs.level += 1;
        let level = self.txs.level;
        loop {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let r = self.run_loop_in(boundary_depth);
                self.stm_leave_level(level);
                r
            }));
            match r {
                Ok(r) => {
                    self.txs.level = level - 1;
                    return r;
                }
                Err(payload) => {
                    self.txs.level = level;
                    if payload.is::<crate::access::stm::StmAbort>() && self.txs.is_root(level) {
                        self.stm_restart();
                        continue;
                    }
                    self.txs.level = level - 1;
                    std::panic::resume_unwind(payload);
                }
            }
        }
    }

    /// The loop proper: runs until the boundary frame (at `boundary_depth - 1`) returns or yields.
    fn run_loop_in(&mut self, boundary_depth: usize) -> PyResult<Exit> {
        loop {
            match self.execute(boundary_depth) {
                Ok(exit) => return Ok(exit),
                Err(mut err) => {
                    // Unwind: find a handler in this frame or its callers down to the boundary.
                    loop {
                        let fi = *self.frames.last().expect("no frame while unwinding");
                        let code = &obj::<CodeObj>(fi.code).code;
                        let ip = fi.ip.saturating_sub(1) as usize;
                        let exc = self.exc_value(&err);
                        if !self.reraising {
                            self.add_traceback(exc, fi.code, code.line_of(ip));
                            self.set_context(exc);
                        }
                        self.reraising = false;
                        if let Some(h) = code.handler_for(ip) {
                            let nlp = code.nlocalsplus();
                            self.stack
                                .truncate(fi.base as usize + nlp + h.depth as usize);
                            self.stack.push(exc);
                            self.frames.last_mut().unwrap().ip = h.handler;
                            break;
                        }
                        // No handler: pop the frame.
                        self.stack.truncate(fi.base as usize);
                        self.frames.pop();
                        if fi.gen.is_ptr() {
                            if fi.boundary == Boundary::GenFor {
                                // As gen_resume does: the caller's handled exception comes back and
                                // StopIteration becomes RuntimeError; the `for` frame below unwinds next.
                                let outer = self.gen_for_outer_exc(fi.gen);
                                self.finish_generator(fi.gen);
                                self.exc_info = outer;
                                err = self.gen_convert_stop_iteration(err);
                                continue;
                            }
                            self.finish_generator(fi.gen);
                        }
                        if self.frames.len() < boundary_depth || fi.boundary == Boundary::Native {
                            return Err(err);
                        }
                    }
                }
            }
        }
    }

    /// Executes instructions until the boundary frame exits (Ok) or an instruction raises (Err, with the
    /// current frame's ip just past the faulting instruction).
    // `sync!` marks the registers stale also before arms that leave the loop.
    #[allow(unused_assignments)]
    fn execute(&mut self, boundary_depth: usize) -> PyResult<Exit> {
        'frames: loop {
            // A switch point (a frame entered or returned to): under --stm, where transactions end.
            if M::STM {
                self.stm_poll();
            }
            // The current frame in locals; the fast call and return paths switch them in place.
            let mut fi = *self.frames.last().expect("no frame");
            let mut code = &obj::<CodeObj>(fi.code).code;
            let mut base = fi.base as usize;
            let mut ip = fi.ip as usize;
            // The instruction slice as a local (pointer, length): dispatch does not reload it through
            // `code` after every call.
            let mut instrs: &[crate::bytecode::Instr] = &code.instrs;
            macro_rules! save_ip {
                () => {
                    self.frames.last_mut().unwrap().ip = ip as u32
                };
            }
            macro_rules! tryv {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            save_ip!();
                            return Err(e);
                        }
                    }
                };
            }
            // The operand stack's length, buffer and capacity in registers for the fast paths below
            // (`Vm::stack` is the truth whenever `dirty`: every instruction that takes the general path
            // first writes `sp` back and marks the registers stale).
            let mut sp: usize = 0;
            let mut sbuf: *mut Value = std::ptr::null_mut();
            let mut scap: usize = 0;
            let mut dirty = true;
            loop {
                if dirty {
                    sp = self.stack.len();
                    sbuf = self.stack.as_mut_ptr();
                    scap = self.stack.capacity();
                    dirty = false;
                }
                let ins = instrs[ip];
                ip += 1;
                let arg = ins.arg;
                // `stack[i]` for `i < sp`.
                macro_rules! rd {
                    ($i:expr) => {{
                        let i: usize = $i;
                        debug_assert!(i < sp);
                        // SAFETY: every use checks `i < sp` first; `stack[..sp]` is initialised (the
                        // vector's length when the registers were loaded, plus the fast pushes since).
                        unsafe { *sbuf.add(i) }
                    }};
                }
                // `stack[i] = v` for `i < scap`.
                macro_rules! wr {
                    ($i:expr, $v:expr) => {{
                        let i: usize = $i;
                        let v: Value = $v;
                        debug_assert!(i < scap);
                        // SAFETY: every use checks `i < scap` first (within the allocation); Value is
                        // Copy, so overwriting needs no drop.
                        unsafe { sbuf.add(i).write(v) }
                    }};
                }
                // An arm with a fast path first tries it on the registers: it either completes the
                // instruction (`continue`) or leaves everything untouched. Fast paths never allocate,
                // run Python code or reach a safepoint. The general path starts with `sync!()`, which
                // writes `sp` back: `Vm::stack` is the truth again, and the registers are reloaded at
                // the next instruction.
                macro_rules! sync {
                    () => {
                        // SAFETY: `sp <= scap` (fast pushes check it) and `stack[..sp]` is initialised
                        // (see `rd`).
                        unsafe { self.stack.set_len(sp) };
                        dirty = true;
                    };
                }
                match ins.op {
                    Op::Nop | Op::GenStart => {
                        sync!();
                    }
                    Op::PopTop => {
                        if sp > 0 {
                            sp -= 1;
                            continue;
                        }
                        sync!();
                        self.stack.pop();
                    }
                    Op::Copy => {
                        let n = arg as usize;
                        if n >= 1 && sp >= n && sp < scap {
                            let v = rd!(sp - n);
                            wr!(sp, v);
                            sp += 1;
                            continue;
                        }
                        sync!();
                        let v = self.stack[self.stack.len() - arg as usize];
                        self.stack.push(v);
                    }
                    Op::Swap => {
                        let n = arg as usize;
                        if n >= 1 && sp >= n {
                            let (x, y) = (rd!(sp - 1), rd!(sp - n));
                            wr!(sp - 1, y);
                            wr!(sp - n, x);
                            continue;
                        }
                        sync!();
                        let n = self.stack.len();
                        self.stack.swap(n - 1, n - arg as usize);
                    }
                    Op::LoadConst => {
                        if sp < scap {
                            wr!(sp, code.consts[arg as usize]);
                            sp += 1;
                            continue;
                        }
                        sync!();
                        self.stack.push(code.consts[arg as usize]);
                    }
                    Op::LoadFast => {
                        let i = base + arg as usize;
                        if i < sp && sp < scap {
                            let v = rd!(i);
                            if !v.is_null() {
                                wr!(sp, v);
                                sp += 1;
                                continue;
                            }
                        }
                        sync!();
                        let v = self.stack[base + arg as usize];
                        if v.is_null() {
                            save_ip!();
                            return Err(self.unbound_local(code.varnames[arg as usize]));
                        }
                        self.stack.push(v);
                    }
                    Op::StoreFast => {
                        let i = base + arg as usize;
                        if sp > 0 && i < sp - 1 {
                            let v = rd!(sp - 1);
                            wr!(i, v);
                            sp -= 1;
                            continue;
                        }
                        sync!();
                        let v = pop!(self);
                        self.stack[base + arg as usize] = v;
                    }
                    // Superinstructions: the second instruction of the pair follows and is skipped; when
                    // a local is unbound, only the first part runs and the next instruction raises.
                    Op::LoadFastLoadFast => {
                        let (i, j) = (base + (arg & 0xffff) as usize, base + (arg >> 16) as usize);
                        if i < sp && j < sp && sp + 1 < scap {
                            let (a, b) = (rd!(i), rd!(j));
                            if !a.is_null() && !b.is_null() {
                                wr!(sp, a);
                                wr!(sp + 1, b);
                                sp += 2;
                                ip += 1;
                                continue;
                            }
                        }
                        sync!();
                        let (i, j) = ((arg & 0xffff) as usize, (arg >> 16) as usize);
                        let a = self.stack[base + i];
                        let b = self.stack[base + j];
                        if a.is_null() {
                            save_ip!();
                            return Err(self.unbound_local(code.varnames[i]));
                        }
                        if b.is_null() {
                            self.stack.push(a);
                            continue;
                        }
                        self.stack.extend_from_slice(&[a, b]);
                        ip += 1;
                    }
                    Op::LoadFastLoadConst => {
                        let i = base + (arg & 0xffff) as usize;
                        if i < sp && sp + 1 < scap {
                            let a = rd!(i);
                            if !a.is_null() {
                                wr!(sp, a);
                                wr!(sp + 1, code.consts[(arg >> 16) as usize]);
                                sp += 2;
                                ip += 1;
                                continue;
                            }
                        }
                        sync!();
                        let i = (arg & 0xffff) as usize;
                        let a = self.stack[base + i];
                        if a.is_null() {
                            save_ip!();
                            return Err(self.unbound_local(code.varnames[i]));
                        }
                        let c = code.consts[(arg >> 16) as usize];
                        self.stack.extend_from_slice(&[a, c]);
                        ip += 1;
                    }
                    Op::StoreFastLoadFast => {
                        let (i, j) = (base + (arg & 0xffff) as usize, base + (arg >> 16) as usize);
                        if sp > 0 && i < sp - 1 && j < sp - 1 {
                            let v = rd!(sp - 1);
                            wr!(i, v);
                            let b = rd!(j);
                            if !b.is_null() {
                                wr!(sp - 1, b);
                                ip += 1;
                            } else {
                                sp -= 1;
                            }
                            continue;
                        }
                        sync!();
                        let v = pop!(self);
                        self.stack[base + (arg & 0xffff) as usize] = v;
                        let b = self.stack[base + (arg >> 16) as usize];
                        if !b.is_null() {
                            self.stack.push(b);
                            ip += 1;
                        }
                    }
                    Op::DeleteFast => {
                        sync!();
                        if self.stack[base + arg as usize].is_null() {
                            save_ip!();
                            return Err(self.unbound_local(code.varnames[arg as usize]));
                        }
                        self.stack[base + arg as usize] = Value::NULL;
                    }
                    Op::LoadDeref => {
                        sync!();
                        let cell = self.stack[base + code.nlocals() + arg as usize];
                        let v = self.load(&obj::<CellObj>(cell).value);
                        if v.is_null() {
                            save_ip!();
                            return Err(self.unbound_deref(code, arg));
                        }
                        self.stack.push(v);
                    }
                    Op::StoreDeref => {
                        sync!();
                        let v = pop!(self);
                        let cell = self.stack[base + code.nlocals() + arg as usize];
                        self.store(&obj::<CellObj>(cell).value, v);
                    }
                    Op::DeleteDeref => {
                        sync!();
                        let cell = self.stack[base + code.nlocals() + arg as usize];
                        self.store(&obj::<CellObj>(cell).value, Value::NULL);
                    }
                    Op::LoadClosure => {
                        sync!();
                        let cell = self.stack[base + code.nlocals() + arg as usize];
                        self.stack.push(cell);
                    }
                    Op::LoadClassDeref => {
                        sync!();
                        let idx = arg as usize;
                        let name = if idx < code.cellvars.len() {
                            code.cellvars[idx]
                        } else {
                            code.freevars[idx - code.cellvars.len()]
                        };
                        let found = if fi.locals.is_ptr() {
                            tryv!(self.mapping_get(fi.locals, name))
                        } else {
                            None
                        };
                        match found {
                            Some(v) => self.stack.push(v),
                            None => {
                                let cell = self.stack[base + code.nlocals() + idx];
                                let v = self.load(&obj::<CellObj>(cell).value);
                                if v.is_null() {
                                    save_ip!();
                                    return Err(self.unbound_deref(code, arg));
                                }
                                self.stack.push(v);
                            }
                        }
                    }
                    Op::LoadName => {
                        sync!();
                        let name = code.names[arg as usize];
                        let mut v = if fi.locals.is_ptr() {
                            tryv!(self.mapping_get(fi.locals, name))
                        } else {
                            None
                        };
                        if v.is_none() {
                            v = self.dict_get_str(fi.globals, name);
                        }
                        if v.is_none() {
                            v = self.dict_get_str(fi.builtins, name);
                        }
                        match v {
                            Some(v) => self.stack.push(v),
                            None => {
                                save_ip!();
                                let n = self.str_of(name).to_string();
                                return Err(self.name_error(format!("name '{n}' is not defined")));
                            }
                        }
                    }
                    Op::StoreName => {
                        sync!();
                        let name = code.names[arg as usize];
                        let v = pop!(self);
                        tryv!(self.mapping_set(fi.locals, name, v));
                    }
                    Op::DeleteName => {
                        sync!();
                        let name = code.names[arg as usize];
                        let r = tryv!(self.mapping_del(fi.locals, name));
                        if !r {
                            save_ip!();
                            let n = self.str_of(name).to_string();
                            return Err(self.name_error(format!("name '{n}' is not defined")));
                        }
                    }
                    Op::LoadGlobal => {
                        if sp < scap {
                            let name = code.names[arg as usize];
                            let c = &code.caches[ip - 1];
                            if let Some(v) =
                                self.load_global_cached(fi.globals, fi.builtins, name, c)
                            {
                                wr!(sp, v);
                                sp += 1;
                                continue;
                            }
                        }
                        sync!();
                        let name = code.names[arg as usize];
                        let c = &code.caches[ip - 1];
                        if let Some(v) = self.load_global_cached(fi.globals, fi.builtins, name, c) {
                            self.stack.push(v);
                            continue;
                        }
                        code.note_cache_use();
                        let v = self.load_global_fill(fi.globals, fi.builtins, name, c);
                        match v {
                            Some(v) => self.stack.push(v),
                            None => {
                                save_ip!();
                                let n = self.str_of(name).to_string();
                                return Err(self.name_error(format!("name '{n}' is not defined")));
                            }
                        }
                    }
                    Op::StoreGlobal => {
                        sync!();
                        let name = code.names[arg as usize];
                        let v = pop!(self);
                        let h = self.str_hash(name);
                        tryv!(self.dict_set_hashed(fi.globals, name, h, v));
                    }
                    Op::DeleteGlobal => {
                        sync!();
                        let name = code.names[arg as usize];
                        if tryv!(self.dict_del(fi.globals, name)).is_none() {
                            save_ip!();
                            let n = self.str_of(name).to_string();
                            return Err(self.name_error(format!("name '{n}' is not defined")));
                        }
                    }
                    Op::LoadAttr => {
                        if sp >= 1 {
                            let c = &code.caches[ip - 1];
                            let o = rd!(sp - 1);
                            if let Some(v) = self.load_attr_hit(o, code.names[arg as usize], c) {
                                wr!(sp - 1, v);
                                continue;
                            }
                        }
                        sync!();
                        save_ip!();
                        let o = pop!(self);
                        let c = &code.caches[ip - 1];
                        code.note_cache_use();
                        let v = tryv!(self.load_attr_cached(o, code.names[arg as usize], c));
                        self.stack.push(v);
                    }
                    Op::StoreAttr => {
                        if sp >= 2 {
                            let c = &code.caches[ip - 1];
                            let (v, o) = (rd!(sp - 2), rd!(sp - 1));
                            if self.store_attr_hit(o, code.names[arg as usize], v, c) {
                                sp -= 2;
                                continue;
                            }
                        }
                        sync!();
                        save_ip!();
                        let o = pop!(self);
                        let v = pop!(self);
                        let c = &code.caches[ip - 1];
                        code.note_cache_use();
                        tryv!(self.store_attr_cached(o, code.names[arg as usize], v, c));
                    }
                    Op::DeleteAttr => {
                        sync!();
                        save_ip!();
                        let o = pop!(self);
                        tryv!(self.delattr(o, code.names[arg as usize]));
                    }
                    Op::LoadMethod => {
                        if sp >= 1 && sp < scap {
                            let c = &code.caches[ip - 1];
                            let o = rd!(sp - 1);
                            if let Some((m, x)) =
                                self.load_method_hit(o, code.names[arg as usize], c)
                            {
                                wr!(sp - 1, m);
                                wr!(sp, x);
                                sp += 1;
                                continue;
                            }
                        }
                        sync!();
                        save_ip!();
                        let o = pop!(self);
                        let c = &code.caches[ip - 1];
                        code.note_cache_use();
                        let (m, s) = tryv!(self.load_method_cached(o, code.names[arg as usize], c));
                        self.stack.push(m);
                        self.stack.push(s);
                    }
                    Op::BinarySubscr => {
                        if sp >= 2 {
                            let (o, k) = (rd!(sp - 2), rd!(sp - 1));
                            if let Some(v) = self.subscr_fast(o, k) {
                                wr!(sp - 2, v);
                                sp -= 1;
                                continue;
                            }
                        }
                        sync!();
                        let k = pop!(self);
                        let o = pop!(self);
                        if let Some(v) = self.subscr_fast(o, k) {
                            self.stack.push(v);
                            continue;
                        }
                        save_ip!();
                        let v = tryv!(self.getitem(o, k));
                        self.stack.push(v);
                    }
                    Op::StoreSubscr => {
                        if sp >= 3 {
                            let (v, o, k) = (rd!(sp - 3), rd!(sp - 2), rd!(sp - 1));
                            if k.is_small_int()
                                && is::<ListObj>(o)
                                && self.type_of(o) == self.types.list
                            {
                                let n = self.list_len(o);
                                if let Some(i) = seq_small_index(k, n) {
                                    self.list_set(o, i, v);
                                    sp -= 3;
                                    continue;
                                }
                            }
                        }
                        sync!();
                        let k = pop!(self);
                        let o = pop!(self);
                        let v = pop!(self);
                        if self.is_exact_dict_str_key(o, k) {
                            let h = self.str_hash(k);
                            tryv!(self.dict_set_hashed(o, k, h, v));
                            continue;
                        }
                        if k.is_small_int()
                            && is::<ListObj>(o)
                            && self.type_of(o) == self.types.list
                        {
                            let n = self.list_len(o);
                            if let Some(i) = seq_small_index(k, n) {
                                self.list_set(o, i, v);
                                continue;
                            }
                        }
                        save_ip!();
                        tryv!(self.setitem(o, k, v));
                    }
                    Op::DeleteSubscr => {
                        sync!();
                        save_ip!();
                        let k = pop!(self);
                        let o = pop!(self);
                        tryv!(self.delitem(o, k));
                    }
                    Op::BinaryOp => {
                        if sp >= 2 {
                            let (a, b) = (rd!(sp - 2), rd!(sp - 1));
                            let op = BinOp::ALL[(arg % BinOp::INPLACE) as usize];
                            let r = if a.is_small_int() && b.is_small_int() {
                                crate::interp::ops::small_int_op(
                                    a.as_small_int(),
                                    b.as_small_int(),
                                    op,
                                )
                            } else if let (Some(x), Some(y)) = (num_f64(a), num_f64(b)) {
                                float_op(x, y, op)
                            } else {
                                None
                            };
                            if let Some(v) = r {
                                wr!(sp - 2, v);
                                sp -= 1;
                                continue;
                            }
                        }
                        sync!();
                        let b = pop!(self);
                        let a = pop!(self);
                        let inplace = arg >= BinOp::INPLACE;
                        let op = BinOp::ALL[(arg % BinOp::INPLACE) as usize];
                        if a.is_small_int() && b.is_small_int() {
                            if let Some(v) = crate::interp::ops::small_int_op(
                                a.as_small_int(),
                                b.as_small_int(),
                                op,
                            ) {
                                self.stack.push(v);
                                continue;
                            }
                        } else if let (Some(x), Some(y)) = (num_f64(a), num_f64(b)) {
                            // Two floats, or a float and a small int (converted exactly, as Python does).
                            if let Some(v) = float_op(x, y, op) {
                                self.stack.push(v);
                                continue;
                            }
                        } else if op == BinOp::Add
                            && is::<StrObj>(a)
                            && is::<StrObj>(b)
                            && self.type_of(a) == self.types.str
                            && self.type_of(b) == self.types.str
                            && obj::<StrObj>(a).wide.is_none()
                            && obj::<StrObj>(b).wide.is_none()
                        {
                            // Exact str concatenation.
                            let (x, y) = (obj::<StrObj>(a), obj::<StrObj>(b));
                            let mut t = String::with_capacity(x.s.len() + y.s.len());
                            t.push_str(&x.s);
                            t.push_str(&y.s);
                            save_ip!();
                            let v = tryv!(self.new_string(t));
                            self.stack.push(v);
                            continue;
                        }
                        save_ip!();
                        let v = tryv!(self.binary_op(a, b, op, inplace));
                        self.stack.push(v);
                    }
                    Op::UnaryOp => {
                        sync!();
                        save_ip!();
                        let a = pop!(self);
                        let op = match arg {
                            0 => UnOp::Neg,
                            1 => UnOp::Pos,
                            2 => UnOp::Invert,
                            _ => UnOp::Not,
                        };
                        let v = tryv!(self.unary_op(a, op));
                        self.stack.push(v);
                    }
                    Op::CompareOp => {
                        if sp >= 2 {
                            let (a, b) = (rd!(sp - 2), rd!(sp - 1));
                            let op = CmpOp::ALL[arg as usize];
                            let fast = if a.is_small_int() && b.is_small_int() {
                                Some(crate::interp::ops::cmp_ord(
                                    op,
                                    a.as_small_int().cmp(&b.as_small_int()),
                                ))
                            } else if let (Some(x), Some(y)) = (num_f64(a), num_f64(b)) {
                                Some(crate::interp::ops::cmp_f64(op, x, y))
                            } else {
                                None
                            };
                            if let Some(r) = fast {
                                // Compare-and-branch: consume a following PopJumpIf* directly.
                                let next = instrs[ip];
                                match next.op {
                                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                                        sp -= 2;
                                        ip = if r == (next.op == Op::PopJumpIfTrue) {
                                            next.arg as usize
                                        } else {
                                            ip + 1
                                        };
                                    }
                                    _ => {
                                        wr!(sp - 2, Value::bool(r));
                                        sp -= 1;
                                    }
                                }
                                continue;
                            }
                        }
                        sync!();
                        let b = pop!(self);
                        let a = pop!(self);
                        let op = CmpOp::ALL[arg as usize];
                        let fast = if a.is_small_int() && b.is_small_int() {
                            Some(crate::interp::ops::cmp_ord(
                                op,
                                a.as_small_int().cmp(&b.as_small_int()),
                            ))
                        } else if let (Some(x), Some(y)) = (num_f64(a), num_f64(b)) {
                            // Small ints convert to f64 exactly, so the comparison is exact.
                            Some(crate::interp::ops::cmp_f64(op, x, y))
                        } else {
                            None
                        };
                        if let Some(r) = fast {
                            // Compare-and-branch: consume a following PopJumpIf* directly.
                            let next = instrs[ip];
                            match next.op {
                                Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                                    ip = if r == (next.op == Op::PopJumpIfTrue) {
                                        next.arg as usize
                                    } else {
                                        ip + 1
                                    };
                                }
                                _ => self.stack.push(Value::bool(r)),
                            }
                            continue;
                        }
                        save_ip!();
                        let v = tryv!(self.compare(a, b, op));
                        self.stack.push(v);
                    }
                    Op::IsOp => {
                        if sp >= 2 {
                            let (a, b) = (rd!(sp - 2), rd!(sp - 1));
                            wr!(sp - 2, Value::bool((a == b) != (arg == 1)));
                            sp -= 1;
                            continue;
                        }
                        sync!();
                        let b = pop!(self);
                        let a = pop!(self);
                        self.stack.push(Value::bool((a == b) != (arg == 1)));
                    }
                    Op::ContainsOp => {
                        if sp >= 2 {
                            let (a, b) = (rd!(sp - 2), rd!(sp - 1));
                            if self.is_exact_dict_str_key(b, a) {
                                let r = self.dict_get_str(b, a).is_some();
                                wr!(sp - 2, Value::bool(r != (arg == 1)));
                                sp -= 1;
                                continue;
                            }
                        }
                        sync!();
                        let b = pop!(self);
                        let a = pop!(self);
                        if self.is_exact_dict_str_key(b, a) {
                            let r = self.dict_get_str(b, a).is_some();
                            self.stack.push(Value::bool(r != (arg == 1)));
                            continue;
                        }
                        save_ip!();
                        let r = tryv!(self.contains(b, a));
                        self.stack.push(Value::bool(r != (arg == 1)));
                    }
                    Op::Jump => {
                        // A backward jump is a safepoint: only when nothing is pending (GIL mode).
                        if (arg as usize) >= ip
                            || (!M::STM && !self.poll_requested())
                            || (M::STM && self.stm_poll_quiet())
                        {
                            ip = arg as usize;
                            continue;
                        }
                        sync!();
                        if (arg as usize) < ip {
                            ip = arg as usize;
                            save_ip!();
                            self.safepoint_poll();
                        }
                        ip = arg as usize;
                    }
                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                        if sp >= 1 {
                            let v = rd!(sp - 1);
                            if v == Value::TRUE || v == Value::FALSE {
                                sp -= 1;
                                if (v == Value::TRUE) == (ins.op == Op::PopJumpIfTrue) {
                                    ip = arg as usize;
                                }
                                continue;
                            }
                        }
                        sync!();
                        let v = pop!(self);
                        let t = if v == Value::TRUE {
                            true
                        } else if v == Value::FALSE {
                            false
                        } else {
                            save_ip!();
                            tryv!(self.truthy(v))
                        };
                        if t == (ins.op == Op::PopJumpIfTrue) {
                            ip = arg as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                        sync!();
                        let v = top!(self);
                        save_ip!();
                        let t = tryv!(self.truthy(v));
                        if t == (ins.op == Op::JumpIfTrueOrPop) {
                            ip = arg as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::PopJumpIfNone => {
                        if sp >= 1 {
                            let v = rd!(sp - 1);
                            sp -= 1;
                            if (v == Value::NONE) == (ins.op == Op::PopJumpIfNone) {
                                ip = arg as usize;
                            }
                            continue;
                        }
                        sync!();
                        if pop!(self) == Value::NONE {
                            ip = arg as usize;
                        }
                    }
                    Op::PopJumpIfNotNone => {
                        if sp >= 1 {
                            let v = rd!(sp - 1);
                            sp -= 1;
                            if (v == Value::NONE) == (ins.op == Op::PopJumpIfNone) {
                                ip = arg as usize;
                            }
                            continue;
                        }
                        sync!();
                        if pop!(self) != Value::NONE {
                            ip = arg as usize;
                        }
                    }
                    Op::GetIter => {
                        sync!();
                        save_ip!();
                        let o = pop!(self);
                        let it = tryv!(self.get_iter(o));
                        self.stack.push(it);
                    }
                    Op::ForIter => {
                        if sp >= 1 && sp < scap {
                            let it = rd!(sp - 1);
                            if let Some(i) = cast::<IterObj>(it) {
                                // Under --stm the transaction claims the iterator: one barrier write
                                // per transaction, none per step.
                                self.stm_claim(it, &[&i.s1, &i.s2]);
                                match i.ikind {
                                    IterKind::List => {
                                        let idx = self.load_raw_o(it, &i.s1) as usize;
                                        if idx < self.list_len(i.a) {
                                            self.store_raw_o(it, &i.s1, idx as u64 + 1);
                                            wr!(sp, self.list_get(i.a, idx));
                                            sp += 1;
                                            continue;
                                        }
                                    }
                                    IterKind::Str => {
                                        // ASCII characters come from the one-char table.
                                        let off = self.load_raw_o(it, &i.s1) as usize;
                                        if let Some(&b) = self.str_of(i.a).as_bytes().get(off) {
                                            let c = self.rt.chars[b as usize & 0x7f];
                                            if b < 0x80 && !c.is_null() {
                                                self.store_raw_o(it, &i.s1, off as u64 + 1);
                                                wr!(sp, c);
                                                sp += 1;
                                                continue;
                                            }
                                        }
                                    }
                                    IterKind::Range => {
                                        let remaining = self.load_raw_o(it, &i.s2);
                                        if remaining != 0 {
                                            let cur = self.load_o(it, &i.s1);
                                            self.store_raw_o(it, &i.s2, remaining - 1);
                                            let next = cur.as_small_int() + i.a.as_small_int();
                                            if let Some(n) = Value::try_small_int(next) {
                                                self.store_o(it, &i.s1, n);
                                            }
                                            wr!(sp, cur);
                                            sp += 1;
                                            continue;
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        sync!();
                        let it = top!(self);
                        // List and range iterators inline (same steps as `Vm::iter_next`).
                        if let Some(i) = cast::<IterObj>(it) {
                            // Under --stm the transaction claims the iterator: one barrier write
                            // per transaction, none per step.
                            self.stm_claim(it, &[&i.s1, &i.s2]);
                            match i.ikind {
                                IterKind::List => {
                                    let idx = self.load_raw_o(it, &i.s1) as usize;
                                    if idx < self.list_len(i.a) {
                                        self.store_raw_o(it, &i.s1, idx as u64 + 1);
                                        let v = self.list_get(i.a, idx);
                                        self.stack.push(v);
                                        continue;
                                    }
                                }
                                IterKind::Str => {
                                    // ASCII characters come from the one-char table.
                                    let off = self.load_raw_o(it, &i.s1) as usize;
                                    if let Some(&b) = self.str_of(i.a).as_bytes().get(off) {
                                        if b < 0x80 {
                                            self.store_raw_o(it, &i.s1, off as u64 + 1);
                                            let c = self.rt.chars[b as usize];
                                            if !c.is_null() {
                                                self.stack.push(c);
                                                continue;
                                            }
                                            self.store_raw_o(it, &i.s1, off as u64);
                                        }
                                    }
                                }
                                IterKind::Range => {
                                    let remaining = self.load_raw_o(it, &i.s2);
                                    if remaining != 0 {
                                        let cur = self.load_o(it, &i.s1);
                                        self.store_raw_o(it, &i.s2, remaining - 1);
                                        let next = cur.as_small_int() + i.a.as_small_int();
                                        if let Some(n) = Value::try_small_int(next) {
                                            self.store_o(it, &i.s1, n);
                                        }
                                        self.stack.push(cur);
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        save_ip!();
                        // A generator runs as a frame of this loop (Boundary::GenFor).
                        if is::<GeneratorObj>(it) && self.gen_push_for(it) {
                            continue 'frames;
                        }
                        match tryv!(self.iter_next(it)) {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                ip = arg as usize;
                            }
                        }
                    }
                    Op::ForIterUnpack2 => {
                        // `for a, b in it`. The pair iterators push their two items; any other
                        // iterator takes `ForIter`'s generic steps (no inline cases here: a second copy
                        // of them in this loop slowed every plain `ForIter`), and the `UnpackSequence`
                        // after this runs.
                        sync!();
                        save_ip!();
                        let it = top!(self);
                        if Self::is_pair_iter(it) {
                            match tryv!(self.iter_next_pair(it)) {
                                Some((a, b)) => {
                                    // What `UnpackSequence 2` would leave: the first item on top.
                                    self.stack.push(b);
                                    self.stack.push(a);
                                    ip += 1;
                                }
                                None => {
                                    self.stack.pop();
                                    ip = arg as usize;
                                }
                            }
                            continue;
                        }
                        // A generator runs as a frame of this loop (Boundary::GenFor).
                        if is::<GeneratorObj>(it) && self.gen_push_for(it) {
                            continue 'frames;
                        }
                        match tryv!(self.iter_next(it)) {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                ip = arg as usize;
                            }
                        }
                    }
                    Op::BuildTuple => {
                        sync!();
                        let n = self.stack.len() - arg as usize;
                        let t = tryv!(self.new_tuple_from_stack(n));
                        self.stack.truncate(n);
                        self.stack.push(t);
                    }
                    Op::BuildList => {
                        sync!();
                        let n = self.stack.len() - arg as usize;
                        let items: Vec<Value> = self.stack[n..].to_vec();
                        let l = tryv!(self.new_list(&items));
                        self.stack.truncate(n);
                        self.stack.push(l);
                    }
                    Op::BuildSet => {
                        sync!();
                        save_ip!();
                        let n = self.stack.len() - arg as usize;
                        let items: Vec<Value> = self.stack[n..].to_vec();
                        let s = tryv!(self.new_set_from(&items));
                        self.stack.truncate(n);
                        self.stack.push(s);
                    }
                    Op::BuildMap => {
                        sync!();
                        save_ip!();
                        let n = self.stack.len() - 2 * arg as usize;
                        let d = tryv!(self.new_dict());
                        for i in 0..arg as usize {
                            let k = self.stack[n + 2 * i];
                            let v = self.stack[n + 2 * i + 1];
                            tryv!(self.dict_set(d, k, v));
                        }
                        self.stack.truncate(n);
                        self.stack.push(d);
                    }
                    Op::BuildConstKeyMap => {
                        sync!();
                        save_ip!();
                        let keys = pop!(self);
                        let n = self.stack.len() - arg as usize;
                        let d = tryv!(self.new_dict());
                        let ks = obj::<TupleObj>(keys).as_slice();
                        for (i, k) in ks.iter().enumerate() {
                            let v = self.stack[n + i];
                            tryv!(self.dict_set(d, *k, v));
                        }
                        self.stack.truncate(n);
                        self.stack.push(d);
                    }
                    Op::BuildString => {
                        sync!();
                        let n = self.stack.len() - arg as usize;
                        let r = if crate::builtins::str_type::has_wide_str(&self.stack[n..]) {
                            let parts = self.stack[n..].to_vec();
                            tryv!(self.str_concat(&parts))
                        } else {
                            let mut s = String::new();
                            for v in &self.stack[n..] {
                                s.push_str(self.str_of(*v));
                            }
                            tryv!(self.new_string(s))
                        };
                        self.stack.truncate(n);
                        self.stack.push(r);
                    }
                    Op::BuildSlice => {
                        sync!();
                        // `o[a:b]` (BuildSlice 2 + BinarySubscr) on an exact ASCII str or list: no slice
                        // object, and O(slice length).
                        if arg == 2 && instrs[ip].op == Op::BinarySubscr {
                            let n = self.stack.len();
                            let (o, a, b) =
                                (self.stack[n - 3], self.stack[n - 2], self.stack[n - 1]);
                            if let Some(r) = tryv!(self.slice2_fast(o, a, b)) {
                                self.stack.truncate(n - 3);
                                self.stack.push(r);
                                ip += 1;
                                continue;
                            }
                        }
                        let step = if arg == 3 { pop!(self) } else { Value::NONE };
                        let stop = pop!(self);
                        let start = pop!(self);
                        let s = tryv!(self.new_slice(start, stop, step));
                        self.stack.push(s);
                    }
                    Op::ListAppend => {
                        sync!();
                        let v = pop!(self);
                        let l = self.stack[self.stack.len() - arg as usize];
                        tryv!(self.list_append(l, v));
                    }
                    Op::SetAdd => {
                        sync!();
                        save_ip!();
                        let v = pop!(self);
                        let s = self.stack[self.stack.len() - arg as usize];
                        tryv!(self.set_add(s, v));
                    }
                    Op::MapAdd => {
                        sync!();
                        save_ip!();
                        let v = pop!(self);
                        let k = pop!(self);
                        let d = self.stack[self.stack.len() - arg as usize];
                        tryv!(self.dict_set(d, k, v));
                    }
                    Op::ListExtend => {
                        sync!();
                        save_ip!();
                        let it = pop!(self);
                        let l = self.stack[self.stack.len() - arg as usize];
                        tryv!(self.list_extend_unpack(l, it));
                    }
                    Op::SetUpdate => {
                        sync!();
                        save_ip!();
                        let it = pop!(self);
                        let s = self.stack[self.stack.len() - arg as usize];
                        tryv!(self.set_update(s, it));
                    }
                    Op::DictUpdate => {
                        sync!();
                        save_ip!();
                        let m = pop!(self);
                        let d = self.stack[self.stack.len() - arg as usize];
                        tryv!(self.dict_update_from(d, m));
                    }
                    Op::DictMerge => {
                        sync!();
                        save_ip!();
                        let m = pop!(self);
                        let d = self.stack[self.stack.len() - arg as usize];
                        let f = self.stack[self.stack.len() - arg as usize - 2];
                        tryv!(self.dict_merge_kwargs(d, m, f));
                    }
                    Op::ListToTuple => {
                        sync!();
                        let l = pop!(self);
                        let items = self.list_snapshot(l);
                        let t = tryv!(self.new_tuple(&items));
                        self.stack.push(t);
                    }
                    Op::UnpackSequence => {
                        let n = arg as usize;
                        if sp >= 1 && sp - 1 + n <= scap {
                            let s = rd!(sp - 1);
                            if let Some(t) = cast::<TupleObj>(s) {
                                if t.len == n && self.type_of(s) == self.types.tuple {
                                    let items = t.as_slice();
                                    for (k, v) in items.iter().rev().enumerate() {
                                        wr!(sp - 1 + k, *v);
                                    }
                                    sp = sp - 1 + n;
                                    continue;
                                }
                            } else if is::<ListObj>(s)
                                && self.type_of(s) == self.types.list
                                && self.list_len(s) == n
                            {
                                for k in 0..n {
                                    let v = self.list_get(s, n - 1 - k);
                                    wr!(sp - 1 + k, v);
                                }
                                sp = sp - 1 + n;
                                continue;
                            }
                        }
                        sync!();
                        let s = pop!(self);
                        if let Some(t) = cast::<TupleObj>(s) {
                            if t.len == arg as usize && self.type_of(s) == self.types.tuple {
                                self.stack.extend(t.as_slice().iter().rev());
                                continue;
                            }
                        } else if is::<ListObj>(s)
                            && self.type_of(s) == self.types.list
                            && self.list_len(s) == arg as usize
                        {
                            for i in (0..arg as usize).rev() {
                                let v = self.list_get(s, i);
                                self.stack.push(v);
                            }
                            continue;
                        }
                        save_ip!();
                        let items = tryv!(self.unpack(s, arg as usize, None));
                        for v in items.iter().rev() {
                            self.stack.push(*v);
                        }
                    }
                    Op::UnpackEx => {
                        sync!();
                        save_ip!();
                        let s = pop!(self);
                        let before = (arg & 0xff) as usize;
                        let after = (arg >> 8) as usize;
                        let items = tryv!(self.unpack(s, before, Some(after)));
                        for v in items.iter().rev() {
                            self.stack.push(*v);
                        }
                    }
                    Op::Call | Op::CallKw => {
                        // A positional call of a plain Python function binding its parameters exactly
                        // (what `fast_bind` + `push_fast_frame` do, on the registers).
                        let argc = arg as usize;
                        if ins.op == Op::Call && sp >= argc + 2 {
                            let x = rd!(sp - argc - 2);
                            let y = rd!(sp - argc - 1);
                            let (callable, first) = if x.is_null() {
                                (y, sp - argc)
                            } else {
                                (x, sp - argc - 1)
                            };
                            if let Some(func) = cast::<FunctionObj>(callable) {
                                let fc = &obj::<CodeObj>(func.code).code;
                                let nargs = sp - first;
                                let fbase = sp - argc - 2;
                                let nlocals = fc.nlocals();
                                let nfree = fc.freevars.len();
                                if fc.flags
                                    & (crate::bytecode::flags::VARARGS
                                        | crate::bytecode::flags::VARKEYWORDS
                                        | crate::bytecode::flags::GENERATOR)
                                    == 0
                                    && fc.argcount as usize == nargs
                                    && fc.kwonlyargcount == 0
                                    && fc.cellvars.is_empty()
                                    && cast::<TupleObj>(func.closure).map_or(0, |t| t.len) == nfree
                                    && fbase + nlocals + nfree + (fc.max_stack as usize) < scap
                                    && self.frames.len() < self.recursion_limit
                                    && !self.heap.should_collect()
                                    && (M::STM || !crate::interp::threads::GIL.drop_requested())
                                {
                                    for k in 0..nargs {
                                        wr!(fbase + k, rd!(first + k));
                                    }
                                    for k in nargs..nlocals {
                                        wr!(fbase + k, Value::NULL);
                                    }
                                    if let Some(cl) = cast::<TupleObj>(func.closure) {
                                        for (k, c) in cl.as_slice().iter().enumerate() {
                                            wr!(fbase + nlocals + k, *c);
                                        }
                                    }
                                    sp = fbase + nlocals + nfree;
                                    save_ip!();
                                    let nfi = FrameInfo {
                                        code: func.code,
                                        ip: 0,
                                        base: fbase as u32,
                                        func: callable,
                                        globals: func.globals,
                                        builtins: fi.builtins,
                                        locals: Value::NULL,
                                        gen: Value::NULL,
                                        boundary: Boundary::Caller,
                                    };
                                    self.frames.push(nfi);
                                    if M::STM && !self.stm_poll_quiet() {
                                        // Frame entry is a switch point, and something is pending.
                                        sync!();
                                        continue 'frames;
                                    }
                                    // Switch to the callee in place (the registers stay valid).
                                    (fi, code, base, ip) = (nfi, fc, fbase, 0);
                                    instrs = &fc.instrs;
                                    continue;
                                }
                            }
                        }
                        sync!();
                        let kwnames = if ins.op == Op::CallKw {
                            pop!(self)
                        } else {
                            Value::NULL
                        };
                        let nkw = if kwnames.is_null() {
                            0
                        } else {
                            obj::<TupleObj>(kwnames).len
                        };
                        let argc = arg as usize;
                        let sl = self.stack.len();
                        let x = self.stack[sl - argc - 2];
                        let y = self.stack[sl - argc - 1];
                        let (mut callable, mut first) = if x.is_null() {
                            (y, sl - argc)
                        } else {
                            (x, sl - argc - 1)
                        };
                        save_ip!();
                        self.gc_poll();
                        // A bound method: call its function with `self` in the NULL slot (no arg copy).
                        if x.is_null() {
                            if let Some(bm) = cast::<BoundMethodObj>(y) {
                                self.stack[sl - argc - 2] = bm.func;
                                self.stack[sl - argc - 1] = bm.this;
                                callable = bm.func;
                                first = sl - argc - 1;
                            }
                        }
                        let kwn: &[Value] = if nkw > 0 {
                            obj::<TupleObj>(kwnames).as_slice()
                        } else {
                            &[]
                        };
                        // Python function: push a frame in this loop.
                        if let Some(func) = cast::<FunctionObj>(callable) {
                            // Entering a Python function is a thread-switch point (like CPython's
                            // RESUME); native calls such as a lock's `__exit__` are not, so a thread is
                            // never switched out between `with lock:` and the release.
                            if !M::STM && crate::interp::threads::GIL.drop_requested() {
                                self.switch_threads();
                            }
                            let fcode = &obj::<CodeObj>(func.code).code;
                            if fcode.flags & crate::bytecode::flags::GENERATOR == 0 {
                                let base = sl - argc - 2;
                                if nkw == 0 && self.fast_bind(callable, first, base) {
                                    tryv!(self.push_fast_frame(
                                        callable,
                                        base,
                                        fi.builtins,
                                        Boundary::Caller
                                    ));
                                    continue 'frames;
                                }
                                let args: Vec<Value> = self.stack[first..].to_vec();
                                let locals = tryv!(self.bind_args(callable, &args, kwn));
                                self.stack.truncate(base);
                                let info = FrameInfo {
                                    code: func.code,
                                    ip: 0,
                                    base: self.stack.len() as u32,
                                    func: callable,
                                    globals: func.globals,
                                    builtins: fi.builtins,
                                    locals: Value::NULL,
                                    gen: Value::NULL,
                                    boundary: Boundary::Caller,
                                };
                                tryv!(self.push_frame(info, &locals));
                                continue 'frames;
                            }
                        }
                        // `C(args)` for a plain class whose `__init__` is a Python function: allocate with
                        // object.__new__ and run `__init__` in this loop (its frame returns the instance).
                        if nkw == 0 && is::<TypeObj>(callable) && !obj::<TypeObj>(callable).builtin
                        {
                            let base = sl - argc - 2;
                            if let Some(init) = tryv!(self.try_fast_init(callable, first, base)) {
                                tryv!(self.push_fast_frame(
                                    init,
                                    base + 1,
                                    fi.builtins,
                                    Boundary::Init
                                ));
                                continue 'frames;
                            }
                        }
                        let r = {
                            let n = sl - first;
                            if n <= 8 {
                                // The arguments stay on the operand stack (rooted) during the call.
                                let mut buf = [Value::NULL; 8];
                                buf[..n].copy_from_slice(&self.stack[first..]);
                                tryv!(self.call(callable, &buf[..n], kwn))
                            } else {
                                let args: Vec<Value> = self.stack[first..].to_vec();
                                tryv!(self.call(callable, &args, kwn))
                            }
                        };
                        self.stack.truncate(sl - argc - 2);
                        self.stack.push(r);
                    }
                    Op::CallEx => {
                        sync!();
                        save_ip!();
                        let kw = if arg & 1 == 1 {
                            pop!(self)
                        } else {
                            Value::NULL
                        };
                        let args = pop!(self);
                        let f = pop!(self);
                        self.stack.pop();
                        let args = tryv!(self.star_args_tuple(f, args));
                        let mut a: Vec<Value> = obj::<TupleObj>(args).as_slice().to_vec();
                        let mut names = Vec::new();
                        if kw.is_ptr() {
                            for (k, v) in self.dict_items_vec(kw) {
                                names.push(k);
                                a.push(v);
                            }
                        }
                        self.temp_roots.push(args);
                        self.temp_roots.push(kw);
                        let r = self.call(f, &a, &names);
                        self.temp_roots.truncate(self.temp_roots.len() - 2);
                        let r = tryv!(r);
                        self.stack.push(r);
                    }
                    Op::MakeFunction => {
                        sync!();
                        let f = tryv!(self.make_function(arg, fi.globals));
                        self.stack.push(f);
                    }
                    Op::ReturnValue => {
                        // Back into the calling frame of this loop.
                        if sp > base
                            && fi.boundary == Boundary::Caller
                            && fi.gen.is_null()
                            && self.frames.len() > boundary_depth
                            && !self.heap.should_collect()
                        {
                            let v = rd!(sp - 1);
                            wr!(base, v);
                            sp = base + 1;
                            self.frames.pop();
                            if M::STM && !self.stm_poll_quiet() {
                                // Returning to a frame is a switch point, and something is pending.
                                sync!();
                                continue 'frames;
                            }
                            // Switch back to the caller in place (the registers stay valid).
                            fi = *self.frames.last().expect("caller frame");
                            code = &obj::<CodeObj>(fi.code).code;
                            (base, ip) = (fi.base as usize, fi.ip as usize);
                            instrs = &code.instrs;
                            continue;
                        }
                        sync!();
                        let v = pop!(self);
                        save_ip!();
                        self.gc_poll();
                        self.stack.truncate(base);
                        self.frames.pop();
                        if fi.gen.is_ptr() {
                            if fi.boundary == Boundary::GenFor {
                                // Exhausted under `ForIter`: end the caller's loop (pop the generator,
                                // jump to the ForIter's target).
                                let outer = self.gen_for_outer_exc(fi.gen);
                                self.finish_generator(fi.gen);
                                self.exc_info = outer;
                                self.stack.pop();
                                let caller = self.frames.last_mut().expect("ForIter frame");
                                let ccode = &obj::<CodeObj>(caller.code).code;
                                caller.ip = ccode.instrs[caller.ip as usize - 1].arg;
                                continue 'frames;
                            }
                            self.finish_generator(fi.gen);
                        }
                        if fi.boundary == Boundary::Native || self.frames.len() < boundary_depth {
                            return Ok(Exit::Return(v));
                        }
                        if fi.boundary == Boundary::Init {
                            // The instance is already on the caller's stack, below the frame.
                            if v != Value::NONE {
                                let msg = format!(
                                    "__init__() should return None, not '{}'",
                                    self.tname(v)
                                );
                                return Err(self.type_error(msg));
                            }
                            continue 'frames;
                        }
                        self.stack.push(v);
                        continue 'frames;
                    }
                    Op::YieldValue => {
                        sync!();
                        let v = pop!(self);
                        save_ip!();
                        let cur = *self.frames.last().expect("generator frame");
                        if cur.boundary == Boundary::GenFor {
                            self.exc_info = self.suspend_generator(cur);
                            self.stack.push(v);
                            continue 'frames;
                        }
                        self.suspend_generator(cur);
                        return Ok(Exit::Yield(v));
                    }
                    Op::YieldFrom => {
                        sync!();
                        save_ip!();
                        let sent = pop!(self);
                        let sub = top!(self);
                        match tryv!(self.gen_send_to(sub, sent)) {
                            Ok(y) => {
                                // Re-execute YieldFrom on resume.
                                self.frames.last_mut().unwrap().ip = (ip - 1) as u32;
                                let fi2 = *self.frames.last().unwrap();
                                if fi2.boundary == Boundary::GenFor {
                                    self.exc_info = self.suspend_generator(fi2);
                                    self.stack.push(y);
                                    continue 'frames;
                                }
                                self.suspend_generator(fi2);
                                return Ok(Exit::Yield(y));
                            }
                            Err(r) => {
                                self.stack.pop();
                                self.stack.push(r);
                            }
                        }
                    }
                    Op::GetYieldFromIter => {
                        sync!();
                        save_ip!();
                        let o = pop!(self);
                        let it = if is::<GeneratorObj>(o) {
                            o
                        } else {
                            tryv!(self.get_iter(o))
                        };
                        self.stack.push(it);
                    }
                    Op::Raise => {
                        sync!();
                        save_ip!();
                        return Err(self.do_raise(arg));
                    }
                    Op::Reraise => {
                        sync!();
                        save_ip!();
                        let e = pop!(self);
                        self.reraising = true;
                        return Err(PyErr::Exc(e));
                    }
                    Op::PushExcInfo => {
                        sync!();
                        let e = pop!(self);
                        let prev = if self.exc_info.is_null() {
                            Value::NONE
                        } else {
                            self.exc_info
                        };
                        self.stack.push(prev);
                        self.stack.push(e);
                        self.exc_info = e;
                    }
                    Op::PopExcept => {
                        sync!();
                        let prev = pop!(self);
                        self.exc_info = if prev == Value::NONE {
                            Value::NULL
                        } else {
                            prev
                        };
                    }
                    Op::CheckExcMatch => {
                        sync!();
                        save_ip!();
                        let cls = pop!(self);
                        let e = top!(self);
                        let t = self.type_of(e);
                        tryv!(self.check_except_class(cls));
                        let m = self.exc_class_matches(t, cls);
                        self.stack.push(Value::bool(m));
                    }
                    Op::LoadBuildClass => {
                        sync!();
                        let v = self
                            .dict_get_name(fi.builtins, "__build_class__")
                            .unwrap_or(Value::NONE);
                        self.stack.push(v);
                    }
                    Op::SetupAnnotations => {
                        sync!();
                        let n = self.rt.names.__annotations__;
                        if tryv!(self.mapping_get(fi.locals, n)).is_none() {
                            let d = tryv!(self.new_dict());
                            tryv!(self.mapping_set(fi.locals, n, d));
                        }
                    }
                    Op::ImportName => {
                        sync!();
                        save_ip!();
                        let fromlist = pop!(self);
                        let level = pop!(self);
                        let m = tryv!(self.import_name(
                            code.names[arg as usize],
                            fromlist,
                            level,
                            fi.globals
                        ));
                        self.stack.push(m);
                    }
                    Op::ImportFrom => {
                        sync!();
                        save_ip!();
                        let m = top!(self);
                        let v = tryv!(self.import_from(m, code.names[arg as usize]));
                        self.stack.push(v);
                    }
                    Op::ImportStar => {
                        sync!();
                        save_ip!();
                        let m = pop!(self);
                        tryv!(self.import_star(m, fi.locals, fi.globals));
                    }
                    Op::FormatValue => {
                        sync!();
                        save_ip!();
                        let spec = if arg & 4 != 0 {
                            pop!(self)
                        } else {
                            Value::NULL
                        };
                        let v = pop!(self);
                        let v = match arg & 3 {
                            1 => tryv!(self.str(v)),
                            2 => tryv!(self.repr(v)),
                            3 => tryv!(self.ascii(v)),
                            _ => v,
                        };
                        let r = if spec.is_null() && is::<StrObj>(v) {
                            v
                        } else {
                            let spec = if spec.is_null() {
                                self.intern("")
                            } else {
                                spec
                            };
                            tryv!(self.format(v, spec))
                        };
                        self.stack.push(r);
                    }
                    Op::BeforeWith => {
                        sync!();
                        save_ip!();
                        let mgr = pop!(self);
                        let (exit, enter_result) = tryv!(self.with_enter(mgr));
                        self.stack.push(exit);
                        self.stack.push(enter_result);
                    }
                    Op::WithExceptStart => {
                        sync!();
                        save_ip!();
                        let e = top!(self);
                        let exit = self.stack[self.stack.len() - 3];
                        let t = self.type_of(e);
                        let tb = match cast::<ExceptionObj>(e) {
                            Some(x) => self.load(&x.traceback),
                            None => Value::NONE,
                        };
                        let r = tryv!(self.call(exit, &[t, e, tb], &[]));
                        self.stack.push(r);
                    }
                    Op::LoadAssertionError => {
                        sync!();
                        self.stack.push(self.exc.assertion_error);
                    }
                    Op::GetLen => {
                        sync!();
                        save_ip!();
                        let o = top!(self);
                        let n = tryv!(self.len(o));
                        self.stack.push(Value::small_int(n as i64));
                    }
                    Op::MatchSequence => {
                        sync!();
                        let o = top!(self);
                        let r = self.is_match_sequence(o);
                        self.stack.push(Value::bool(r));
                    }
                    Op::MatchMapping => {
                        sync!();
                        let o = top!(self);
                        let r = self.is_match_mapping(o);
                        self.stack.push(Value::bool(r));
                    }
                    Op::MatchKeys => {
                        sync!();
                        save_ip!();
                        let keys = top!(self);
                        let subj = self.stack[self.stack.len() - 2];
                        let r = tryv!(self.match_keys(subj, keys));
                        self.stack.push(r);
                    }
                    Op::MatchClass => {
                        sync!();
                        save_ip!();
                        let names = pop!(self);
                        let cls = pop!(self);
                        let subj = pop!(self);
                        let r = tryv!(self.match_class(subj, cls, arg as usize, names));
                        self.stack.push(r);
                    }
                    Op::CopyDictWithoutKeys => {
                        sync!();
                        save_ip!();
                        let keys = pop!(self);
                        let subj = top!(self);
                        let d = tryv!(self.copy_dict_without_keys(subj, keys));
                        self.stack.push(d);
                    }
                    Op::PushNull => {
                        sync!();
                        self.stack.push(Value::NULL);
                    }
                    Op::CheckEgMatch => {
                        sync!();
                        save_ip!();
                        let types = pop!(self);
                        let exc = top!(self);
                        tryv!(self.check_except_class(types));
                        let f = self.prelude_fn("_weft_eg_match");
                        let r = tryv!(self.call(f, &[exc, types], &[]));
                        match cast::<TupleObj>(r) {
                            Some(t) => {
                                let (rest, m) = (t.as_slice()[0], t.as_slice()[1]);
                                self.stack.pop();
                                self.stack.push(rest);
                                self.stack.push(m);
                                self.exc_info = m;
                            }
                            None => self.stack.push(Value::NONE),
                        }
                    }
                    Op::PrepReraiseStar => {
                        sync!();
                        save_ip!();
                        let excs = pop!(self);
                        let orig = pop!(self);
                        let f = self.prelude_fn("_weft_prep_reraise_star");
                        self.stack.push(orig);
                        self.stack.push(excs);
                        let r = self.call(f, &[orig, excs], &[]);
                        self.stack.truncate(self.stack.len() - 2);
                        let r = tryv!(r);
                        self.stack.push(r);
                    }
                }
            }
        }
    }
}
