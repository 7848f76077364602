//! The per-code-object emitter (instruction buffer, labels and jump patching, constant and name
//! interning, the line table, exception-table regions, and the final assembly: stack-depth flow
//! analysis, dead-code removal, exception-table construction), and the compiler core that drives
//! it: the stack of code objects being compiled, frame blocks, and name resolution.

use std::collections::HashMap;

use num_bigint::BigInt;
use ruff_python_ast::Stmt;
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::symtable::{ScopeKind, SymScope, SymbolTable};
use super::{CodeUnit, CompileError, Const, SourceInfo};
use crate::bytecode::{flags, ExcEntry, Instr, Op};

/// A jump target, bound to an instruction index with [`Unit::bind`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Label(u32);

/// An exception-table region: instructions emitted while it is active jump to `handler` on an
/// exception, after truncating the operand stack to (depth at `marker`) + `delta` items.
#[derive(Clone, Copy, Debug)]
struct Region {
    handler: Label,
    marker: u32,
    delta: i32,
}

/// Index of a region (see [`Unit::push_region`]).
pub(crate) type RegionId = usize;

const NO_REGION: u32 = u32::MAX;

/// Whether `op` takes a jump target as its argument.
pub(crate) fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::ForIter
            | Op::ForIterUnpack2
    )
}

/// Stack effect on the jump edge of a jump instruction.
pub(crate) fn jump_effect(op: Op) -> i32 {
    match op {
        Op::Jump | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => 0,
        Op::ForIter | Op::ForIterUnpack2 => -1,
        _ => -1,
    }
}

/// Whether execution can continue with the next instruction.
/// Rewrites common instruction pairs into superinstructions (`Op::LoadFastLoadFast` and friends). The
/// second instruction of each pair is left in place (jumps may target it; the superinstruction skips
/// it), so indices, line and exception tables and inline caches are unchanged.
fn fuse_superinstructions(instrs: &mut [Instr]) {
    let mut i = 0;
    while i + 1 < instrs.len() {
        let (a, b) = (instrs[i], instrs[i + 1]);
        if a.op == Op::ForIter && b.op == Op::UnpackSequence && b.arg == 2 {
            // Keeps the jump target as it is (a generator's return reads it back, see `eval.rs`).
            instrs[i].op = Op::ForIterUnpack2;
            i += 2;
            continue;
        }
        let fused = match (a.op, b.op) {
            (Op::LoadFast, Op::LoadFast) => Some(Op::LoadFastLoadFast),
            (Op::LoadFast, Op::LoadConst) => Some(Op::LoadFastLoadConst),
            (Op::StoreFast, Op::LoadFast) => Some(Op::StoreFastLoadFast),
            _ => None,
        };
        match fused {
            Some(op) if a.arg < 0x1_0000 && b.arg < 0x1_0000 => {
                instrs[i] = Instr {
                    op,
                    arg: a.arg | (b.arg << 16),
                };
                i += 2;
            }
            _ => i += 1,
        }
    }
}

pub(crate) fn falls_through(op: Op) -> bool {
    !matches!(op, Op::Jump | Op::ReturnValue | Op::Raise | Op::Reraise)
}

/// Hashable identity of a constant (floats by bit pattern, so `0.0` and `-0.0` stay distinct).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::Bool(b) => ConstKey::Bool(*b),
        Const::Int(i) => ConstKey::Int(i.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?),
        Const::Code(_) | Const::FrozenSet(_) | Const::WStr(_) => return None,
    })
}

/// One code object under construction.
pub(crate) struct Unit {
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub docstring: Option<String>,
    /// Line given to the instructions emitted next.
    pub line: u32,
    instrs: Vec<Instr>,
    instr_lines: Vec<u32>,
    instr_region: Vec<u32>,
    labels: Vec<Option<u32>>,
    regions: Vec<Region>,
    active: Vec<RegionId>,
    consts: Vec<Const>,
    const_map: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_map: HashMap<String, u32>,
}

impl Unit {
    pub fn new(name: &str, qualname: &str, firstlineno: u32) -> Unit {
        Unit {
            name: name.to_owned(),
            qualname: qualname.to_owned(),
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            docstring: None,
            line: firstlineno,
            instrs: Vec::new(),
            instr_lines: Vec::new(),
            instr_region: Vec::new(),
            labels: Vec::new(),
            regions: Vec::new(),
            active: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
        }
    }

    // ------------------------------------------------------------------ emission

    /// Appends an instruction (jumps must use [`Unit::jump`]).
    pub fn emit(&mut self, op: Op, arg: u32) {
        debug_assert!(!is_jump(op), "use Unit::jump for {op:?}");
        self.push(op, arg);
    }

    fn push(&mut self, op: Op, arg: u32) {
        self.instrs.push(Instr::new(op, arg));
        self.instr_lines.push(self.line);
        self.instr_region
            .push(self.active.last().map_or(NO_REGION, |&r| r as u32));
    }

    /// Appends a jump instruction to `target`.
    pub fn jump(&mut self, op: Op, target: Label) {
        debug_assert!(is_jump(op));
        self.push(op, target.0);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction.
    pub fn bind(&mut self, label: Label) {
        debug_assert!(self.labels[label.0 as usize].is_none(), "label bound twice");
        self.labels[label.0 as usize] = Some(self.instrs.len() as u32);
    }

    /// The opcode of the last emitted instruction.
    pub fn last_op(&self) -> Option<Op> {
        self.instrs.last().map(|i| i.op)
    }

    /// Whether a label is bound to the next instruction position (so it is reachable by a jump).
    pub fn label_at_end(&self) -> bool {
        let end = self.instrs.len() as u32;
        self.labels.contains(&Some(end))
    }

    // ------------------------------------------------------------------ tables

    pub fn add_const(&mut self, c: Const) -> u32 {
        if let Some(key) = const_key(&c) {
            if let Some(&i) = self.const_map.get(&key) {
                return i;
            }
            let i = self.consts.len() as u32;
            self.const_map.insert(key, i);
            self.consts.push(c);
            i
        } else {
            self.consts.push(c);
            self.consts.len() as u32 - 1
        }
    }

    pub fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_map.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.name_map.insert(name.to_owned(), i);
        i
    }

    /// Emits `op` with `names[name]`.
    pub fn emit_name(&mut self, op: Op, name: &str) {
        let i = self.add_name(name);
        self.emit(op, i);
    }

    /// Index of a fast local, adding it if the symbol table did not list it.
    pub fn varname(&mut self, name: &str) -> u32 {
        if let Some(i) = self.varnames.iter().position(|v| v == name) {
            return i as u32;
        }
        self.varnames.push(name.to_owned());
        self.varnames.len() as u32 - 1
    }

    /// Index of a cell or free variable in cellvars ++ freevars.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        if let Some(i) = self.cellvars.iter().position(|v| v == name) {
            return Some(i as u32);
        }
        self.freevars
            .iter()
            .position(|v| v == name)
            .map(|i| (i + self.cellvars.len()) as u32)
    }

    // ------------------------------------------------------------------ exception regions

    /// Starts a region protected by `handler`; the handler runs with the stack truncated to the
    /// depth at this point plus `delta`. The region becomes the innermost active one.
    pub fn push_region(&mut self, handler: Label, delta: i32) -> RegionId {
        self.regions.push(Region {
            handler,
            marker: self.instrs.len() as u32,
            delta,
        });
        let id = self.regions.len() - 1;
        self.active.push(id);
        id
    }

    /// Re-activates a region (after code emitted outside it, e.g. an inlined `finally`).
    pub fn reactivate(&mut self, id: RegionId) {
        self.active.push(id);
    }

    /// The active-region stack (saved and restored around unwinding code).
    pub fn active_regions(&self) -> Vec<RegionId> {
        self.active.clone()
    }

    pub fn set_active_regions(&mut self, active: Vec<RegionId>) {
        self.active = active;
    }

    /// Removes `id` from the active stack wherever it is (it must be active).
    pub fn deactivate(&mut self, id: RegionId) {
        if let Some(pos) = self.active.iter().rposition(|&r| r == id) {
            self.active.remove(pos);
        } else {
            debug_assert!(false, "region {id} is not active");
        }
    }

    // ------------------------------------------------------------------ assembly

    /// Resolves labels, computes stack depths, drops unreachable code and builds the tables.
    pub fn finish(self) -> CodeUnit {
        let Unit {
            name,
            qualname,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            varnames,
            cellvars,
            freevars,
            docstring,
            mut instrs,
            instr_lines,
            instr_region,
            labels,
            regions,
            consts,
            names,
            ..
        } = self;
        debug_assert!(
            instrs.last().is_some_and(|i| !falls_through(i.op)),
            "code of {qualname} falls off its end"
        );
        let n = instrs.len();
        // 1. Labels to instruction indices.
        let resolve = |l: Label| labels[l.0 as usize].expect("unbound label");
        for ins in instrs.iter_mut() {
            if is_jump(ins.op) {
                ins.arg = resolve(Label(ins.arg));
            }
        }
        // Jump threading: a jump to an unconditional `Jump` goes straight to its target.
        for i in 0..n {
            if !is_jump(instrs[i].op) {
                continue;
            }
            let mut target = instrs[i].arg as usize;
            for _ in 0..8 {
                match instrs.get(target) {
                    Some(t) if t.op == Op::Jump && t.arg as usize != target => {
                        target = t.arg as usize
                    }
                    _ => break,
                }
            }
            instrs[i].arg = target as u32;
        }
        // 2. Flow analysis: depth before each instruction, and each region's handler depth.
        let mut depth: Vec<i32> = vec![-1; n];
        let mut region_depth: Vec<Option<i32>> = vec![None; regions.len()];
        let mut region_markers: HashMap<u32, Vec<usize>> = HashMap::new();
        for (r, reg) in regions.iter().enumerate() {
            region_markers.entry(reg.marker).or_default().push(r);
        }
        let mut max_depth = 0i32;
        let mut work: Vec<usize> = Vec::new();
        let mut seeded: Vec<bool> = vec![false; regions.len()];
        let set = |depth: &mut Vec<i32>, work: &mut Vec<usize>, i: usize, d: i32| {
            if i >= n {
                debug_assert!(false, "jump past the end of {qualname}");
                return;
            }
            if depth[i] < 0 {
                depth[i] = d;
                work.push(i);
            } else if depth[i] != d && cfg!(debug_assertions) {
                for (k, ins) in instrs.iter().enumerate() {
                    eprintln!(
                        "{k:>4} {:<20} {:>4}  depth {}",
                        ins.op.name(),
                        ins.arg,
                        depth[k]
                    );
                }
                panic!(
                    "inconsistent stack depth at {i} in {qualname}: {} vs {d}",
                    depth[i]
                );
            }
        };
        if n > 0 {
            set(&mut depth, &mut work, 0, 0);
        }
        loop {
            while let Some(i) = work.pop() {
                let d = depth[i];
                if let Some(rs) = region_markers.get(&(i as u32)) {
                    for &r in rs {
                        if region_depth[r].is_none() {
                            region_depth[r] = Some(d + regions[r].delta);
                        }
                    }
                }
                let ins = instrs[i];
                let after = d + ins.op.stack_effect(ins.arg);
                debug_assert!(
                    after >= 0,
                    "stack underflow at {i} ({:?}) in {qualname}",
                    ins.op
                );
                max_depth = max_depth.max(d).max(after);
                if falls_through(ins.op) {
                    set(&mut depth, &mut work, i + 1, after);
                }
                if is_jump(ins.op) {
                    let jd = d + jump_effect(ins.op);
                    set(&mut depth, &mut work, ins.arg as usize, jd);
                }
                let r = instr_region[i];
                if r != NO_REGION {
                    let r = r as usize;
                    if let Some(rd) = region_depth[r] {
                        debug_assert!(
                            rd <= d,
                            "handler depth above the stack at {i} in {qualname}"
                        );
                        if !seeded[r] {
                            seeded[r] = true;
                            max_depth = max_depth.max(rd + 1);
                            set(
                                &mut depth,
                                &mut work,
                                resolve(regions[r].handler) as usize,
                                rd + 1,
                            );
                        }
                    }
                }
            }
            // Regions whose marker was reached after some of their instructions.
            let mut more = false;
            for i in 0..n {
                let r = instr_region[i];
                if r != NO_REGION && depth[i] >= 0 && !seeded[r as usize] {
                    if let Some(rd) = region_depth[r as usize] {
                        seeded[r as usize] = true;
                        max_depth = max_depth.max(rd + 1);
                        set(
                            &mut depth,
                            &mut work,
                            resolve(regions[r as usize].handler) as usize,
                            rd + 1,
                        );
                        more = true;
                    }
                }
            }
            if !more {
                break;
            }
        }
        // 3. Drop unreachable instructions.
        let mut new_index = vec![u32::MAX; n + 1];
        let mut k = 0u32;
        for i in 0..n {
            new_index[i] = k;
            if depth[i] >= 0 {
                k += 1;
            }
        }
        new_index[n] = k;
        let mut out = Vec::with_capacity(k as usize);
        let mut lines: Vec<(u32, u32)> = Vec::new();
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        for i in 0..n {
            if depth[i] < 0 {
                continue;
            }
            let mut ins = instrs[i];
            if is_jump(ins.op) {
                ins.arg = new_index[ins.arg as usize];
            }
            let at = out.len() as u32;
            out.push(ins);
            let line = instr_lines[i];
            if lines.last().is_none_or(|&(_, l)| l != line) {
                lines.push((at, line));
            }
            let r = instr_region[i];
            if r != NO_REGION {
                let r = r as usize;
                let handler = new_index[resolve(regions[r].handler) as usize];
                let d = region_depth[r].unwrap_or(0).max(0) as u32;
                match exc_table.last_mut() {
                    Some(e) if e.end == at && e.handler == handler && e.depth == d => {
                        e.end = at + 1
                    }
                    _ => exc_table.push(ExcEntry {
                        start: at,
                        end: at + 1,
                        handler,
                        depth: d,
                    }),
                }
            }
        }
        fuse_superinstructions(&mut out);
        let nparams = argcount as usize
            + kwonlyargcount as usize
            + usize::from(flags & crate::bytecode::flags::VARARGS != 0)
            + usize::from(flags & crate::bytecode::flags::VARKEYWORDS != 0);
        let cell2arg = cellvars
            .iter()
            .map(|c| {
                varnames
                    .iter()
                    .take(nparams)
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        CodeUnit {
            name,
            qualname,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            instrs: out,
            lines,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            exc_table,
            max_stack: max_depth as u32,
            docstring,
        }
    }
}

// ====================================================================== the compiler core

pub(super) type CResult<T = ()> = Result<T, CompileError>;

/// CPython's `STACK_USE_GUIDELINE`: above this many items, collections are built incrementally.
pub(super) const STACK_USE_GUIDELINE: usize = 30;

/// A frame block: what `return`/`break`/`continue` must undo when they leave it (CPython's fblock).
#[derive(Clone, Copy)]
pub(super) enum FBlock<'a> {
    WhileLoop {
        head: Label,
        exit: Label,
    },
    ForLoop {
        head: Label,
        exit: Label,
    },
    TryExcept {
        region: RegionId,
    },
    FinallyTry {
        region: RegionId,
        body: &'a [Stmt],
    },
    FinallyEnd {
        region: RegionId,
    },
    With {
        region: RegionId,
        line: u32,
    },
    HandlerCleanup {
        inner: Option<RegionId>,
        cleanup: RegionId,
        name: Option<&'a str>,
    },
    ExceptionHandler,
    ExceptionGroupHandler,
    PopValue,
}

/// Per-code-object compiler state.
pub(super) struct UnitState<'a> {
    pub u: Unit,
    pub scope: usize,
    pub fblocks: Vec<FBlock<'a>>,
    /// An `async def` body.
    pub is_async: bool,
}

/// Where a name lives for a load/store/delete.
enum NameOp {
    Fast(u32),
    Deref(u32),
    ClassDeref(u32),
    Global,
    Name,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ctx {
    Load,
    Store,
    Del,
}

pub(super) struct Compiler<'a> {
    pub st: &'a SymbolTable,
    pub src: &'a SourceInfo<'a>,
    pub cur: UnitState<'a>,
    stack: Vec<UnitState<'a>>,
    pub future_annotations: bool,
    /// Ranges of the `from __future__ import` statements allowed at the top of the module.
    pub future_ok: Vec<TextRange>,
}

impl<'a> Compiler<'a> {
    pub fn new(st: &'a SymbolTable, src: &'a SourceInfo<'a>) -> Compiler<'a> {
        let mut u = Unit::new("<module>", "<module>", 1);
        u.flags = flags::NAMES_MAPPING;
        Compiler {
            st,
            src,
            cur: UnitState {
                u,
                scope: 0,
                fblocks: Vec::new(),
                is_async: false,
            },
            stack: Vec::new(),
            future_annotations: false,
            future_ok: Vec::new(),
        }
    }

    // ------------------------------------------------------------------ helpers

    pub fn error<T>(&self, msg: impl Into<String>, range: TextRange) -> CResult<T> {
        Err(self.src.syntax_error(msg.into(), range))
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        self.cur.u.emit(op, arg);
    }

    pub fn op(&mut self, op: Op) {
        self.cur.u.emit(op, 0);
    }

    pub fn jump(&mut self, op: Op, l: Label) {
        self.cur.u.jump(op, l);
    }

    pub fn label(&mut self) -> Label {
        self.cur.u.new_label()
    }

    pub fn bind(&mut self, l: Label) {
        self.cur.u.bind(l);
    }

    pub fn load_const(&mut self, c: Const) {
        self.cur.u.load_const(c);
    }

    pub fn line_of(&self, pos: TextSize) -> u32 {
        self.src.line_of(pos)
    }

    /// Sets the line of the following instructions to the line where `node` starts.
    pub fn set_line(&mut self, node: &impl Ranged) {
        self.cur.u.line = self.src.line_of(node.start());
    }

    pub fn scope_kind(&self) -> ScopeKind {
        self.st.scopes[self.cur.scope].kind
    }

    pub fn mangle(&self, name: &str) -> String {
        self.st.scopes[self.cur.scope].mangle(name).into_owned()
    }

    // ------------------------------------------------------------------ scopes

    /// Starts compiling the code object of the symbol-table scope created by the node at `range`.
    pub fn enter_scope(
        &mut self,
        range: TextRange,
        name: &str,
        firstlineno: u32,
    ) -> CResult<usize> {
        let Some(idx) = self.st.index_of(range) else {
            return self.error(
                format!("internal compiler error: no scope for {name}"),
                range,
            );
        };
        let scope = &self.st.scopes[idx];
        let qualname = self.qualname(name, scope.kind);
        let mut u = Unit::new(name, &qualname, firstlineno);
        match scope.kind {
            ScopeKind::Class => u.flags = flags::NAMES_MAPPING,
            ScopeKind::Module => {}
            _ => {
                u.argcount = scope.argcount as u32;
                u.posonlyargcount = scope.posonlyargcount as u32;
                u.kwonlyargcount = scope.kwonlyargcount as u32;
                u.varnames.clone_from(&scope.varnames);
                if scope.has_varargs {
                    u.flags |= flags::VARARGS;
                }
                if scope.has_varkeywords {
                    u.flags |= flags::VARKEYWORDS;
                }
                if scope.is_generator {
                    u.flags |= flags::GENERATOR;
                }
                if scope.is_coroutine {
                    u.flags |= flags::COROUTINE;
                }
                if self.cur.scope != 0 {
                    u.flags |= flags::NESTED;
                }
            }
        }
        u.cellvars.clone_from(&scope.cellvars);
        u.freevars.clone_from(&scope.freevars);
        let parent = std::mem::replace(
            &mut self.cur,
            UnitState {
                u,
                scope: idx,
                fblocks: Vec::new(),
                is_async: false,
            },
        );
        self.stack.push(parent);
        if scope.kind.is_function_like() && (scope.is_generator || scope.is_coroutine) {
            self.op(Op::GenStart);
        }
        Ok(idx)
    }

    /// Finishes the current code object and returns to its parent.
    pub fn exit_scope(&mut self) -> CodeUnit {
        let parent = self.stack.pop().expect("exit_scope without enter_scope");
        let child = std::mem::replace(&mut self.cur, parent);
        child.u.finish()
    }

    /// CPython's `compiler_set_qualname` (called before entering the child scope).
    fn qualname(&self, name: &str, kind: ScopeKind) -> String {
        if self.stack.is_empty() && self.cur.scope == 0 {
            return name.to_owned();
        }
        let parent = &self.st.scopes[self.cur.scope];
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = parent.mangle(name);
            if parent.symbols.get(mangled.as_ref()) == Some(&SymScope::GlobalExplicit) {
                return name.to_owned();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{name}", self.cur.u.qualname)
        } else {
            format!("{}.{name}", self.cur.u.qualname)
        }
    }

    /// Emits the closure tuple (if the child has free variables) and `MakeFunction`.
    pub fn make_closure(&mut self, code: CodeUnit, mut fflags: u32, range: TextRange) -> CResult {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let Some(i) = self.cur.u.deref_index(name) else {
                    return self.error(
                        format!("internal compiler error: free variable '{name}' not found"),
                        range,
                    );
                };
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            fflags |= 8;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.emit(Op::MakeFunction, fflags);
        Ok(())
    }

    // ------------------------------------------------------------------ names

    fn name_location(&mut self, name: &str, ctx: Ctx) -> NameOp {
        let scope = &self.st.scopes[self.cur.scope];
        let mangled = scope.mangle(name);
        let func = scope.kind.is_function_like();
        let class = scope.kind == ScopeKind::Class;
        match scope.symbols.get(mangled.as_ref()).copied() {
            Some(SymScope::Free) | Some(SymScope::Cell) => match self.cur.u.deref_index(&mangled) {
                Some(i) if class && ctx == Ctx::Load => NameOp::ClassDeref(i),
                Some(i) => NameOp::Deref(i),
                None if func => NameOp::Global,
                None => NameOp::Name,
            },
            Some(SymScope::Local) if func => NameOp::Fast(self.cur.u.varname(&mangled)),
            Some(SymScope::GlobalExplicit) => NameOp::Global,
            Some(SymScope::GlobalImplicit) if func => NameOp::Global,
            None if func => NameOp::Global,
            _ => NameOp::Name,
        }
    }

    /// Load, store or delete a variable (CPython's `compiler_nameop`).
    pub fn name_op(&mut self, name: &str, ctx: Ctx, range: TextRange) -> CResult {
        if name == "__debug__" {
            match ctx {
                Ctx::Load => {
                    self.load_const(Const::Bool(true));
                    return Ok(());
                }
                Ctx::Store => return self.error("cannot assign to __debug__", range),
                Ctx::Del => return self.error("cannot delete __debug__", range),
            }
        }
        let mangled = self.mangle(name);
        match (self.name_location(name, ctx), ctx) {
            (NameOp::Fast(i), Ctx::Load) => self.emit(Op::LoadFast, i),
            (NameOp::Fast(i), Ctx::Store) => self.emit(Op::StoreFast, i),
            (NameOp::Fast(i), Ctx::Del) => self.emit(Op::DeleteFast, i),
            (NameOp::Deref(i), Ctx::Load) => self.emit(Op::LoadDeref, i),
            (NameOp::ClassDeref(i), _) => self.emit(Op::LoadClassDeref, i),
            (NameOp::Deref(i), Ctx::Store) => self.emit(Op::StoreDeref, i),
            (NameOp::Deref(i), Ctx::Del) => self.emit(Op::DeleteDeref, i),
            (NameOp::Global, Ctx::Load) => self.cur.u.emit_name(Op::LoadGlobal, &mangled),
            (NameOp::Global, Ctx::Store) => self.cur.u.emit_name(Op::StoreGlobal, &mangled),
            (NameOp::Global, Ctx::Del) => self.cur.u.emit_name(Op::DeleteGlobal, &mangled),
            (NameOp::Name, Ctx::Load) => self.cur.u.emit_name(Op::LoadName, &mangled),
            (NameOp::Name, Ctx::Store) => self.cur.u.emit_name(Op::StoreName, &mangled),
            (NameOp::Name, Ctx::Del) => self.cur.u.emit_name(Op::DeleteName, &mangled),
        }
        Ok(())
    }
}
