//! Shared checks for compiled code units.
#![allow(dead_code)]

use weft_vm::bytecode::Op;
use weft_vm::compile::{CodeUnit, Const};

pub fn is_jump(op: Op) -> bool {
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

fn falls_through(op: Op) -> bool {
    !matches!(op, Op::Jump | Op::ReturnValue | Op::Raise | Op::Reraise)
}

fn jump_effect(op: Op) -> i32 {
    match op {
        Op::Jump | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => 0,
        _ => -1,
    }
}

/// Independent re-verification of one code unit (and, recursively, its nested code objects).
pub fn verify(u: &CodeUnit) -> Result<(), String> {
    let n = u.instrs.len();
    let ctx = |m: String| format!("{}: {m}", u.qualname);
    if n == 0 {
        return Err(ctx("empty code".into()));
    }
    if falls_through(u.instrs[n - 1].op) {
        return Err(ctx("falls off the end".into()));
    }
    for (i, ins) in u.instrs.iter().enumerate() {
        if is_jump(ins.op) && ins.arg as usize >= n {
            return Err(ctx(format!("jump at {i} out of range")));
        }
        let bad = match ins.op {
            Op::LoadConst => ins.arg as usize >= u.consts.len(),
            Op::LoadFast | Op::StoreFast | Op::DeleteFast => ins.arg as usize >= u.varnames.len(),
            Op::LoadDeref
            | Op::StoreDeref
            | Op::DeleteDeref
            | Op::LoadClosure
            | Op::LoadClassDeref => ins.arg as usize >= u.cellvars.len() + u.freevars.len(),
            Op::LoadName
            | Op::StoreName
            | Op::DeleteName
            | Op::LoadGlobal
            | Op::StoreGlobal
            | Op::DeleteGlobal
            | Op::LoadAttr
            | Op::StoreAttr
            | Op::DeleteAttr
            | Op::LoadMethod
            | Op::ImportName
            | Op::ImportFrom => ins.arg as usize >= u.names.len(),
            _ => false,
        };
        if bad {
            return Err(ctx(format!("argument out of range at {i}: {:?}", ins)));
        }
    }
    // Exception table: in range, disjoint, sorted.
    let mut last_end = 0;
    for e in &u.exc_table {
        if e.start >= e.end || e.end as usize > n || e.handler as usize >= n {
            return Err(ctx(format!("bad exception entry {e:?}")));
        }
        if e.start < last_end {
            return Err(ctx(format!("overlapping exception entry {e:?}")));
        }
        last_end = e.end;
    }
    // Lines increasing.
    for w in u.lines.windows(2) {
        if w[0].0 >= w[1].0 {
            return Err(ctx("line table not increasing".into()));
        }
    }
    if u.lines.first().map(|l| l.0) != Some(0) {
        return Err(ctx("line table does not start at 0".into()));
    }
    // Stack depths.
    let handler = |i: usize| {
        u.exc_table
            .iter()
            .find(|e| e.start as usize <= i && i < e.end as usize)
    };
    let mut depth = vec![-1i32; n];
    let mut work = vec![0usize];
    depth[0] = 0;
    let mut max = 0i32;
    let set = |depth: &mut Vec<i32>,
               work: &mut Vec<usize>,
               t: usize,
               d: i32,
               from: usize|
     -> Result<(), String> {
        if depth[t] < 0 {
            depth[t] = d;
            work.push(t);
        } else if depth[t] != d {
            return Err(format!(
                "{}: depth mismatch at {t} ({} vs {d} from {from})",
                u.qualname, depth[t]
            ));
        }
        Ok(())
    };
    while let Some(i) = work.pop() {
        let d = depth[i];
        let ins = u.instrs[i];
        let after = d + ins.op.stack_effect(ins.arg);
        if after < 0 {
            return Err(ctx(format!("stack underflow at {i}")));
        }
        max = max.max(d).max(after);
        if falls_through(ins.op) {
            if i + 1 >= n {
                return Err(ctx("falls off".into()));
            }
            set(&mut depth, &mut work, i + 1, after, i)?;
        }
        if is_jump(ins.op) {
            set(
                &mut depth,
                &mut work,
                ins.arg as usize,
                d + jump_effect(ins.op),
                i,
            )?;
        }
        if let Some(e) = handler(i) {
            if (e.depth as i32) > d {
                return Err(ctx(format!(
                    "handler depth {} above stack depth {d} at {i}",
                    e.depth
                )));
            }
            max = max.max(e.depth as i32 + 1);
            set(
                &mut depth,
                &mut work,
                e.handler as usize,
                e.depth as i32 + 1,
                i,
            )?;
        }
    }
    if let Some(i) = depth.iter().position(|&d| d < 0) {
        return Err(ctx(format!("unreachable instruction {i}")));
    }
    if max as u32 != u.max_stack {
        return Err(ctx(format!(
            "max_stack {} but recomputed {max}",
            u.max_stack
        )));
    }
    if u.cell2arg.len() != u.cellvars.len() {
        return Err(ctx("cell2arg length".into()));
    }
    for c in &u.consts {
        if let Const::Code(child) = c {
            verify(child)?;
        }
    }
    Ok(())
}

/// Runs CPython on `src` and returns (error type, msg, line) or None when it compiles.
pub fn cpython_error(src: &str) -> Option<(String, String, u32, u32)> {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import sys\nsrc=sys.stdin.read()\ntry:\n compile(src,'<s>','exec')\n print('OK')\nexcept SyntaxError as e:\n print(type(e).__name__)\n print(e.msg)\n print(e.lineno)\n print(e.offset)\n",
        )
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(src.as_bytes())?;
            c.wait_with_output()
        })
        .expect("python3");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut lines = text.lines();
    let first = lines.next()?.to_string();
    if first == "OK" {
        return None;
    }
    let msg = lines.next().unwrap_or("").to_string();
    let line = lines.next().unwrap_or("0").parse().unwrap_or(0);
    let col = lines.next().unwrap_or("0").parse().unwrap_or(0);
    Some((first, msg, line, col))
}
