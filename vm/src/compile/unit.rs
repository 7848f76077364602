//! The per-code-object emitter: instruction buffer, labels and jump patching, constant and name
//! interning, the line table, exception-table regions, and the final assembly (stack-depth flow
//! analysis, dead-code removal, exception-table construction).

use std::collections::HashMap;

use num_bigint::BigInt;

use super::{CodeUnit, Const};
use crate::bytecode::{ExcEntry, Instr, Op};

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
    )
}

/// Stack effect on the jump edge of a jump instruction.
pub(crate) fn jump_effect(op: Op) -> i32 {
    match op {
        Op::Jump | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => 0,
        Op::ForIter => -1,
        _ => -1,
    }
}

/// Whether execution can continue with the next instruction.
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
        Const::Code(_) => return None,
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
        self.instr_region.push(self.active.last().map_or(NO_REGION, |&r| r as u32));
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
        self.labels.iter().any(|l| *l == Some(end))
    }

    pub fn len(&self) -> usize {
        self.instrs.len()
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
        self.freevars.iter().position(|v| v == name).map(|i| (i + self.cellvars.len()) as u32)
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

    /// Ends the innermost active region (CPython's POP_BLOCK).
    pub fn pop_region(&mut self) -> RegionId {
        self.active.pop().expect("no active exception region")
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
        let mut set = |depth: &mut Vec<i32>, work: &mut Vec<usize>, i: usize, d: i32| {
            if i >= n {
                debug_assert!(false, "jump past the end of {qualname}");
                return;
            }
            if depth[i] < 0 {
                depth[i] = d;
                work.push(i);
            } else {
                debug_assert_eq!(depth[i], d, "inconsistent stack depth at {i} in {qualname}");
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
                debug_assert!(after >= 0, "stack underflow at {i} ({:?}) in {qualname}", ins.op);
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
                        debug_assert!(rd <= d, "handler depth above the stack at {i} in {qualname}");
                        if !seeded[r] {
                            seeded[r] = true;
                            max_depth = max_depth.max(rd + 1);
                            set(&mut depth, &mut work, resolve(regions[r].handler) as usize, rd + 1);
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
                        set(&mut depth, &mut work, resolve(regions[r as usize].handler) as usize, rd + 1);
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
                    Some(e) if e.end == at && e.handler == handler && e.depth == d => e.end = at + 1,
                    _ => exc_table.push(ExcEntry {
                        start: at,
                        end: at + 1,
                        handler,
                        depth: d,
                    }),
                }
            }
        }
        let nparams = argcount as usize
            + kwonlyargcount as usize
            + usize::from(flags & crate::bytecode::flags::VARARGS != 0)
            + usize::from(flags & crate::bytecode::flags::VARKEYWORDS != 0);
        let cell2arg = cellvars
            .iter()
            .map(|c| varnames.iter().take(nparams).position(|v| v == c).map(|i| i as u32))
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
