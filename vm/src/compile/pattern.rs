//! `match` statements (PEP 634), following CPython 3.11's `compiler_match` and `compiler_pattern*`.
//!
//! A pattern consumes its subject from the top of the stack. Captured values are kept on the stack
//! (below `on_top` items still needed by the enclosing pattern) and stored only once the whole
//! pattern matched; a failing check jumps to `fail_pop[n]`, which pops the `n` items above the
//! case's subject.

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::expr::constant_of;
use super::unit::Label;
use super::unit::{CResult, Compiler, Ctx};
use super::Const;
use crate::bytecode::{BinOp, CmpOp, Op};

struct PatternCtx {
    /// Names captured so far, in the order they must be stored (first = top of stack).
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: usize,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// A literal pattern value folded to a constant (including `-1` and `1+2j`).
fn pattern_const(e: &Expr) -> Option<Const> {
    if let Some(c) = constant_of(e) {
        return Some(c);
    }
    if let Expr::BinOp(b) = e {
        let l = constant_of(&b.left)?;
        let r = constant_of(&b.right)?;
        let real = match l {
            Const::Int(i) => i.to_string().parse::<f64>().ok()?,
            Const::Float(f) => f,
            _ => return None,
        };
        if let Const::Complex(0.0, im) = r {
            return match b.op {
                ast::Operator::Add => Some(Const::Complex(real, im)),
                ast::Operator::Sub => Some(Const::Complex(real, -im)),
                _ => None,
            };
        }
    }
    None
}

/// `repr()` of a constant key for error messages.
fn const_repr(c: &Const) -> String {
    super::const_repr(c)
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.label();
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        for (i, case) in m.cases[..cases - usize::from(has_default)]
            .iter()
            .enumerate()
        {
            self.set_line(&case.pattern);
            let not_last = i != cases - usize::from(has_default) - 1;
            if not_last {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.name_op(name, Ctx::Store, case.pattern.range())?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if not_last {
                self.op(Op::PopTop);
            }
            self.body(&case.body)?;
            self.jump(Op::Jump, end);
            self.set_line(&case.pattern);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_line(&last.pattern);
            if cases == 1 {
                self.op(Op::PopTop);
            } else {
                self.op(Op::Nop);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.body(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.op(Op::PopTop);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Op::Swap, count as u32);
            count -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternCtx,
        range: TextRange,
    ) -> CResult {
        let Some(name) = name else {
            self.op(Op::PopTop);
            return Ok(());
        };
        let name = name.as_str();
        if name == "__debug__" {
            return self.error("cannot assign to __debug__", range);
        }
        if pc.stores.iter().any(|s| s == name) {
            return self.error(
                format!("multiple assignments to name '{name}' in pattern"),
                range,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_owned());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let saved = self.cur.u.line;
        self.set_line(p);
        let r = match p {
            Pattern::MatchValue(v) => {
                match pattern_const(&v.value) {
                    Some(c) => self.load_const(c),
                    None => self.expr(&v.value)?,
                }
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Const::None,
                    ast::Singleton::True => Const::Bool(true),
                    ast::Singleton::False => Const::Bool(false),
                });
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc, s.range),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.cur.u.line = saved;
        r
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternCtx) -> CResult {
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                return match &a.name {
                    Some(n) => self.error(
                        format!(
                            "name capture '{}' makes remaining patterns unreachable",
                            n.as_str()
                        ),
                        a.range,
                    ),
                    None => self.error("wildcard makes remaining patterns unreachable", a.range),
                };
            }
            return self.store_capture(a.name.as_ref(), pc, a.range);
        };
        pc.on_top += 1;
        self.emit(Op::Copy, 1);
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.store_capture(a.name.as_ref(), pc, a.range)
    }

    fn pattern_sequence(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternCtx,
    ) -> CResult {
        let patterns = &s.patterns;
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return self.error("multiple starred names in sequence pattern", s.range);
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.op(Op::MatchSequence);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if star.is_none() {
            self.op(Op::GetLen);
            self.load_const(Const::Int(size.into()));
            self.emit(Op::CompareOp, CmpOp::Eq as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        } else if size > 1 {
            self.op(Op::GetLen);
            self.load_const(Const::Int((size - 1).into()));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.op(Op::PopTop);
        } else if star_wildcard {
            let star = star.unwrap_or(usize::MAX);
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Op::Copy, 1);
                if i < star {
                    self.load_const(Const::Int(i.into()));
                } else {
                    self.op(Op::GetLen);
                    self.load_const(Const::Int((size - i).into()));
                    self.emit(Op::BinaryOp, BinOp::Sub as u32);
                }
                self.op(Op::BinarySubscr);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.op(Op::PopTop);
        } else {
            match star {
                Some(i) => {
                    let after = size - i - 1;
                    if i >= 256 || after >= (1 << 24) {
                        return self.error(
                            "too many expressions in star-unpacking sequence pattern",
                            s.range,
                        );
                    }
                    self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
                }
                None => self.emit(Op::UnpackSequence, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> CResult {
        let size = m.keys.len();
        pc.on_top += 1;
        self.op(Op::MatchMapping);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.op(Op::PopTop);
            return Ok(());
        }
        if size > 0 {
            self.op(Op::GetLen);
            self.load_const(Const::Int(size.into()));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<Const> = Vec::new();
        let mut consts: Vec<Option<Const>> = Vec::new();
        for key in &m.keys {
            if let Some(c) = pattern_const(key) {
                if seen.contains(&c) {
                    return self.error(
                        format!("mapping pattern checks duplicate key ({})", const_repr(&c)),
                        m.range,
                    );
                }
                seen.push(c.clone());
                consts.push(Some(c));
            } else if matches!(key, Expr::Attribute(_)) {
                consts.push(None);
            } else {
                return self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    key.range(),
                );
            }
        }
        if consts.iter().all(Option::is_some) {
            self.load_const(Const::Tuple(consts.into_iter().flatten().collect()));
        } else {
            for (key, c) in m.keys.iter().zip(consts) {
                match c {
                    Some(c) => self.load_const(c),
                    None => self.expr(key)?,
                }
            }
            self.emit(Op::BuildTuple, size as u32);
        }
        self.op(Op::MatchKeys);
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfNone);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        match &m.rest {
            Some(rest) => {
                self.op(Op::CopyDictWithoutKeys);
                self.store_capture(Some(rest), pc, m.range)?;
            }
            None => self.op(Op::PopTop),
        }
        pc.on_top -= 1;
        self.op(Op::PopTop);
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult {
        let args = &c.arguments.patterns;
        let kws = &c.arguments.keywords;
        for (i, k) in kws.iter().enumerate() {
            if k.attr.as_str() == "__debug__" {
                return self.error("cannot assign to __debug__", k.range);
            }
            if let Some(dup) = kws[i + 1..]
                .iter()
                .find(|k2| k2.attr.as_str() == k.attr.as_str())
            {
                return self.error(
                    format!(
                        "attribute name repeated in class pattern: {}",
                        k.attr.as_str()
                    ),
                    dup.pattern.range(),
                );
            }
        }
        self.expr(&c.cls)?;
        let names = kws.iter().map(|k| Const::Str(k.attr.to_string())).collect();
        self.load_const(Const::Tuple(names));
        let nargs = args.len();
        let n = nargs + kws.len();
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfNone);
        self.emit(Op::UnpackSequence, n as u32);
        pc.on_top += n;
        pc.on_top -= 1;
        let all = args.iter().chain(kws.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.op(Op::PopTop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> CResult {
        let end = self.label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        let mut last_range = o.range;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_line(alt);
            last_range = alt.range();
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return self.error("alternative patterns bind different names", alt.range());
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return self
                                .error("alternative patterns bind different names", alt.range());
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.op(Op::PopTop);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    last_range,
                );
            }
            pc.stores.push(name);
        }
        self.op(Op::PopTop);
        Ok(())
    }
}
