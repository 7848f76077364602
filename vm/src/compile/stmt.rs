//! Statement code generation (module bodies, assignments, control flow, `try`/`with` with the
//! frame-block unwinding of `return`/`break`/`continue`, imports, functions and classes), following
//! CPython 3.11's `Python/compile.c`.

use ruff_python_ast::{self as ast, ExceptHandler, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::symtable::ScopeKind;
use super::unit::{CResult, Compiler, Ctx, FBlock};
use super::Const;
use crate::bytecode::{BinOp, Op};

/// The docstring of a body: its first statement if that is a plain string literal expression.
pub(super) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().to_owned()),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's `find_ann`: whether a body has an annotated assignment (not looking into nested scopes).
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers
                    .iter()
                    .any(|ExceptHandler::ExceptHandler(h)| find_ann(&h.body))
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

pub(super) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl<'a> Compiler<'a> {
    // ------------------------------------------------------------------ module

    pub fn compile_module_body(&mut self, body: &'a [Stmt]) -> CResult {
        self.check_future(body)?;
        if find_ann(body) {
            self.op(Op::SetupAnnotations);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            self.set_line(&body[0]);
            self.load_const(Const::Str(doc.clone()));
            self.cur.u.emit_name(Op::StoreName, "__doc__");
            self.cur.u.docstring = Some(doc);
            rest = &body[1..];
        }
        self.body(rest)?;
        self.load_const(Const::None);
        self.op(Op::ReturnValue);
        Ok(())
    }

    /// Records the `from __future__` statements at the top of the module and checks their features.
    fn check_future(&mut self, body: &[Stmt]) -> CResult {
        let skip = usize::from(docstring(body).is_some());
        for s in &body[skip..] {
            let Stmt::ImportFrom(imp) = s else { break };
            if imp.module.as_ref().map(|m| m.as_str()) != Some("__future__") || imp.level != 0 {
                break;
            }
            for alias in &imp.names {
                match alias.name.as_str() {
                    "braces" => return self.error("not a chance", imp.range),
                    "annotations" => self.future_annotations = true,
                    f if FUTURE_FEATURES.contains(&f) => {}
                    f => {
                        return self.error(format!("future feature {f} is not defined"), imp.range)
                    }
                }
            }
            self.future_ok.push(imp.range);
        }
        Ok(())
    }

    pub fn body(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// Emits `return None` unless the code cannot fall off its end.
    pub fn implicit_return(&mut self) {
        let ends = self
            .cur
            .u
            .last_op()
            .is_some_and(|op| !super::unit::falls_through(op));
        if !ends || self.cur.u.label_at_end() {
            self.load_const(Const::None);
            self.op(Op::ReturnValue);
        }
    }

    // ------------------------------------------------------------------ statements

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_line(s);
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::TypeAlias(t) => self.error("invalid syntax", t.range),
            Stmt::Assign(a) => {
                if let Some(n) = swap_assignment(a) {
                    // `a, b = b, a`: the values straight onto the stack, reversed by one `Swap`, which is
                    // what building the tuple and unpacking it would leave there, without allocating
                    // the tuple (CPython's compiler does the same for 2 and 3 elements). The targets
                    // are then stored left to right, as after `UnpackSequence`.
                    let Expr::Tuple(v) = &*a.value else {
                        unreachable!("swap_assignment checked the value")
                    };
                    for e in &v.elts {
                        self.expr(e)?;
                    }
                    self.emit(Op::Swap, n);
                    let (Expr::Tuple(ast::ExprTuple { elts, .. })
                    | Expr::List(ast::ExprList { elts, .. })) = &a.targets[0]
                    else {
                        unreachable!("swap_assignment checked the target")
                    };
                    for e in elts {
                        self.store_target(e)?;
                    }
                    return Ok(());
                }
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(&i.test, &i.body, &i.elif_else_clauses),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(exc) = &r.exc {
                    self.expr(exc)?;
                    n = 1;
                    if let Some(cause) = &r.cause {
                        self.expr(cause)?;
                        n = 2;
                    }
                }
                self.set_line(s);
                self.emit(Op::Raise, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t)
                } else if t.is_star {
                    self.try_star(t)
                } else {
                    self.try_except(t)
                }
            }
            Stmt::Assert(a) => {
                let end = self.label();
                self.jump_if(&a.test, end, true)?;
                self.set_line(s);
                if let Some(msg) = &a.msg {
                    self.op(Op::PushNull);
                    self.op(Op::LoadAssertionError);
                    self.expr(msg)?;
                    self.set_line(s);
                    self.emit(Op::Call, 1);
                } else {
                    self.op(Op::LoadAssertionError);
                }
                self.emit(Op::Raise, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if let Expr::Starred(st) = &*e.value {
                    return self.error("can't use starred expression here", st.range);
                }
                if super::expr::constant_of(&e.value).is_some() {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.op(Op::PopTop);
                Ok(())
            }
            Stmt::Break(b) => self.break_continue(b.range, true),
            Stmt::Continue(c) => self.break_continue(c.range, false),
            Stmt::IpyEscapeCommand(c) => self.error("invalid syntax", c.range),
        }
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        let scope = &self.st.scopes[self.cur.scope];
        if !scope.kind.is_function_like() {
            return self.error("'return' outside function", r.range);
        }
        if r.value.is_some() && scope.is_coroutine && scope.is_generator {
            return self.error("'return' with value in async generator", r.range);
        }
        let konst = r.value.as_deref().and_then(super::expr::constant_of);
        let preserve_tos = r.value.is_some() && konst.is_none();
        if preserve_tos {
            self.expr(r.value.as_deref().unwrap_or_else(|| unreachable!()))?;
        }
        let saved = self.cur.u.active_regions();
        self.unwind_fblock_stack(preserve_tos, false, r.range)?;
        self.set_line(r);
        if !preserve_tos {
            self.load_const(konst.unwrap_or(Const::None));
        }
        self.op(Op::ReturnValue);
        self.cur.u.set_active_regions(saved);
        Ok(())
    }

    fn break_continue(&mut self, range: TextRange, is_break: bool) -> CResult {
        let saved = self.cur.u.active_regions();
        let lp = self.unwind_fblock_stack(false, true, range)?;
        let Some(lp) = lp else {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return self.error(msg, range);
        };
        let (head, exit) = match lp {
            FBlock::WhileLoop { head, exit } | FBlock::ForLoop { head, exit } => (head, exit),
            _ => unreachable!(),
        };
        self.cur.u.line = self.line_of(range.start());
        if is_break {
            self.unwind_fblock(lp, false, range)?;
            self.jump(Op::Jump, exit);
        } else {
            self.jump(Op::Jump, head);
        }
        self.cur.u.set_active_regions(saved);
        Ok(())
    }

    /// Emits the exits of the frame blocks down to the innermost loop (if `want_loop`) or all of
    /// them, innermost first; returns the loop found. The block stack is unchanged afterwards.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock<'a>>> {
        let saved = self.cur.fblocks.clone();
        let mut found = None;
        let mut result = Ok(());
        while let Some(&top) = self.cur.fblocks.last() {
            if want_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                found = Some(top);
                break;
            }
            self.cur.fblocks.pop();
            result = self.unwind_fblock(top, preserve_tos, range);
            if result.is_err() {
                break;
            }
        }
        self.cur.fblocks = saved;
        result.map(|()| found)
    }

    /// CPython's `compiler_unwind_fblock`.
    fn unwind_fblock(&mut self, fb: FBlock<'a>, preserve_tos: bool, range: TextRange) -> CResult {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ExceptionGroupHandler => {
                return self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    range,
                );
            }
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.op(Op::PopTop);
            }
            FBlock::TryExcept { region } => self.cur.u.deactivate(region),
            FBlock::FinallyTry { region, body } => {
                self.cur.u.deactivate(region);
                if preserve_tos {
                    self.cur.fblocks.push(FBlock::PopValue);
                }
                let line = self.cur.u.line;
                self.body(body)?;
                self.cur.u.line = line;
                if preserve_tos {
                    self.cur.fblocks.pop();
                }
            }
            FBlock::FinallyEnd { region } => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.op(Op::PopTop);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.cur.u.deactivate(region);
                self.op(Op::PopExcept);
            }
            FBlock::With { region, line } => {
                self.cur.u.deactivate(region);
                let saved = std::mem::replace(&mut self.cur.u.line, line);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                self.op(Op::PopTop);
                self.cur.u.line = saved;
            }
            FBlock::HandlerCleanup {
                inner,
                cleanup,
                name,
            } => {
                if let Some(inner) = inner {
                    self.cur.u.deactivate(inner);
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.cur.u.deactivate(cleanup);
                self.op(Op::PopExcept);
                if let Some(name) = name {
                    self.load_const(Const::None);
                    self.name_op(name, Ctx::Store, TextRange::default())?;
                    self.name_op(name, Ctx::Del, TextRange::default())?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.op(Op::PopTop);
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Op::Call, 2);
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.label();
        let cleanup = self.label();
        let end = self.label();
        self.iter_operand(&f.iter)?;
        self.set_line(f);
        self.op(Op::GetIter);
        self.bind(start);
        self.jump(Op::ForIter, cleanup);
        self.cur.fblocks.push(FBlock::ForLoop {
            head: start,
            exit: end,
        });
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.cur.fblocks.pop();
        self.set_line(f);
        self.jump(Op::Jump, start);
        self.bind(cleanup);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let head = self.label();
        let anchor = self.label();
        let exit = self.label();
        let body = self.label();
        self.bind(head);
        self.jump_if(&w.test, anchor, false)?;
        self.bind(body);
        self.cur.fblocks.push(FBlock::WhileLoop { head, exit });
        self.body(&w.body)?;
        self.cur.fblocks.pop();
        // Like CPython, the test is repeated at the bottom: one jump per iteration.
        self.set_line(w);
        self.jump_if(&w.test, body, true)?;
        self.bind(anchor);
        self.body(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn if_stmt(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        clauses: &'a [ast::ElifElseClause],
    ) -> CResult {
        let end = self.label();
        let next = if clauses.is_empty() {
            end
        } else {
            self.label()
        };
        self.jump_if(test, next, false)?;
        self.body(body)?;
        if let Some((first, rest)) = clauses.split_first() {
            self.jump(Op::Jump, end);
            self.bind(next);
            self.set_line(first);
            match &first.test {
                Some(t) => self.if_stmt(t, &first.body, rest)?,
                None => self.body(&first.body)?,
            }
        }
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> CResult {
        let item = &w.items[pos];
        let exit = self.label();
        let fin = self.label();
        let cleanup = self.label();
        let suppress = self.label();
        let line = self.line_of(w.start());
        self.expr(&item.context_expr)?;
        self.cur.u.line = line;
        self.op(Op::BeforeWith);
        let region = self.cur.u.push_region(fin, -1);
        self.cur.fblocks.push(FBlock::With { region, line });
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.op(Op::PopTop),
        }
        if pos + 1 < w.items.len() {
            self.with_stmt(w, pos + 1)?;
        } else {
            self.body(&w.body)?;
        }
        self.cur.fblocks.pop();
        self.cur.u.deactivate(region);
        self.cur.u.line = line;
        self.call_exit_with_nones();
        self.op(Op::PopTop);
        self.jump(Op::Jump, exit);
        self.bind(fin);
        self.op(Op::PushExcInfo);
        let cl = self.cur.u.push_region(cleanup, -1);
        self.op(Op::WithExceptStart);
        self.jump(Op::PopJumpIfTrue, suppress);
        self.op(Op::Reraise);
        self.cur.u.deactivate(cl);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.op(Op::PopTop);
        self.op(Op::PopExcept);
        self.op(Op::PopTop);
        self.bind(exit);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Op::Swap, 2);
        self.op(Op::PopExcept);
        self.op(Op::Reraise);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let fexc = self.label();
        let exit = self.label();
        let cleanup = self.label();
        let region = self.cur.u.push_region(fexc, 0);
        self.cur.fblocks.push(FBlock::FinallyTry {
            region,
            body: &t.finalbody,
        });
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else if t.is_star {
            self.try_star(t)?;
        } else {
            self.try_except(t)?;
        }
        self.cur.fblocks.pop();
        self.cur.u.deactivate(region);
        self.body(&t.finalbody)?;
        self.jump(Op::Jump, exit);
        self.bind(fexc);
        self.op(Op::PushExcInfo);
        let cl = self.cur.u.push_region(cleanup, -1);
        self.cur.fblocks.push(FBlock::FinallyEnd { region: cl });
        self.body(&t.finalbody)?;
        self.cur.fblocks.pop();
        self.op(Op::Reraise);
        self.cur.u.deactivate(cl);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let except = self.label();
        let end = self.label();
        let cleanup = self.label();
        let region = self.cur.u.push_region(except, 0);
        self.cur.fblocks.push(FBlock::TryExcept { region });
        self.body(&t.body)?;
        self.cur.fblocks.pop();
        self.cur.u.deactivate(region);
        self.body(&t.orelse)?;
        self.jump(Op::Jump, end);
        self.bind(except);
        self.op(Op::PushExcInfo);
        let cl = self.cur.u.push_region(cleanup, -1);
        self.cur.fblocks.push(FBlock::ExceptionHandler);
        let n = t.handlers.len();
        for (i, ExceptHandler::ExceptHandler(h)) in t.handlers.iter().enumerate() {
            self.set_line(h);
            if h.type_.is_none() && i + 1 < n {
                return self.error("default 'except:' must be last", h.range);
            }
            let next = self.label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_line(h);
                self.op(Op::CheckExcMatch);
                self.jump(Op::PopJumpIfFalse, next);
            }
            if let Some(name) = &h.name {
                self.name_op(name.as_str(), Ctx::Store, name.range)?;
                let cleanup_end = self.label();
                let inner = self.cur.u.push_region(cleanup_end, 0);
                self.cur.fblocks.push(FBlock::HandlerCleanup {
                    inner: Some(inner),
                    cleanup: cl,
                    name: Some(name.as_str()),
                });
                self.body(&h.body)?;
                self.cur.fblocks.pop();
                self.cur.u.deactivate(inner);
                self.cur.u.deactivate(cl);
                self.op(Op::PopExcept);
                self.load_const(Const::None);
                self.name_op(name.as_str(), Ctx::Store, name.range)?;
                self.name_op(name.as_str(), Ctx::Del, name.range)?;
                self.jump(Op::Jump, end);
                self.cur.u.reactivate(cl);
                self.bind(cleanup_end);
                self.load_const(Const::None);
                self.name_op(name.as_str(), Ctx::Store, name.range)?;
                self.name_op(name.as_str(), Ctx::Del, name.range)?;
                self.op(Op::Reraise);
            } else {
                self.op(Op::PopTop);
                self.cur.fblocks.push(FBlock::HandlerCleanup {
                    inner: None,
                    cleanup: cl,
                    name: None,
                });
                self.body(&h.body)?;
                self.cur.fblocks.pop();
                self.cur.u.deactivate(cl);
                self.op(Op::PopExcept);
                self.jump(Op::Jump, end);
                self.cur.u.reactivate(cl);
            }
            self.bind(next);
        }
        self.cur.fblocks.pop();
        self.op(Op::Reraise);
        self.cur.u.deactivate(cl);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T as e: ...` (CPython's `compiler_try_star_except`). The handlers run with
    /// [prev_exc, orig, raised_list, rest] on the stack; each clause matches against the rest left
    /// by the previous ones, and what must propagate is computed by `PrepReraiseStar`.
    fn try_star(&mut self, t: &'a ast::StmtTry) -> CResult {
        let except = self.label();
        let orelse = self.label();
        let end = self.label();
        let cleanup = self.label();
        let reraise_star = self.label();
        let reraise = self.label();
        let region = self.cur.u.push_region(except, 0);
        self.cur.fblocks.push(FBlock::TryExcept { region });
        self.body(&t.body)?;
        self.cur.fblocks.pop();
        self.cur.u.deactivate(region);
        self.jump(Op::Jump, orelse);
        self.bind(except);
        self.op(Op::PushExcInfo);
        let cl = self.cur.u.push_region(cleanup, -1);
        self.cur.fblocks.push(FBlock::ExceptionGroupHandler);
        let n = t.handlers.len();
        for (i, ExceptHandler::ExceptHandler(h)) in t.handlers.iter().enumerate() {
            self.set_line(h);
            let except_with_error = self.label();
            let no_match = self.label();
            if i == 0 {
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            let Some(ty) = &h.type_ else {
                return self.error("expected one or more exception types", h.range);
            };
            self.expr(ty)?;
            self.set_line(h);
            self.op(Op::CheckEgMatch);
            self.emit(Op::Copy, 1);
            self.jump(Op::PopJumpIfNone, no_match);
            match &h.name {
                Some(name) => self.name_op(name.as_str(), Ctx::Store, name.range)?,
                None => self.op(Op::PopTop),
            }
            let cleanup_end = self.label();
            let inner = self.cur.u.push_region(cleanup_end, 0);
            self.cur.fblocks.push(FBlock::HandlerCleanup {
                inner: Some(inner),
                cleanup: cl,
                name: h.name.as_ref().map(|n| n.as_str()),
            });
            self.body(&h.body)?;
            self.cur.fblocks.pop();
            self.cur.u.deactivate(inner);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.name_op(name.as_str(), Ctx::Store, name.range)?;
                self.name_op(name.as_str(), Ctx::Del, name.range)?;
            }
            self.jump(Op::Jump, except_with_error);
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Const::None);
                self.name_op(name.as_str(), Ctx::Store, name.range)?;
                self.name_op(name.as_str(), Ctx::Del, name.range)?;
            }
            // The exception raised by the body joins the list (2 deep once it is popped).
            self.emit(Op::ListAppend, 2);
            self.jump(Op::Jump, except_with_error);
            self.bind(no_match);
            self.op(Op::PopTop);
            self.bind(except_with_error);
            if i == n - 1 {
                self.emit(Op::ListAppend, 1);
                self.jump(Op::Jump, reraise_star);
            }
        }
        self.cur.fblocks.pop();
        self.bind(reraise_star);
        self.op(Op::PrepReraiseStar);
        self.emit(Op::Copy, 1);
        self.jump(Op::PopJumpIfNotNone, reraise);
        self.op(Op::PopTop);
        self.cur.u.deactivate(cl);
        self.op(Op::PopExcept);
        self.jump(Op::Jump, end);
        self.bind(reraise);
        self.emit(Op::Swap, 2);
        self.op(Op::PopExcept);
        self.op(Op::Reraise);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.body(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn import(&mut self, imp: &'a ast::StmtImport) -> CResult {
        for alias in &imp.names {
            let name = alias.name.as_str();
            self.load_const(Const::Int(0.into()));
            self.load_const(Const::None);
            self.cur.u.emit_name(Op::ImportName, name);
            if let Some(asname) = &alias.asname {
                for comp in name.split('.').skip(1) {
                    self.cur.u.emit_name(Op::ImportFrom, comp);
                    self.emit(Op::Swap, 2);
                    self.op(Op::PopTop);
                }
                self.name_op(asname.as_str(), Ctx::Store, imp.range)?;
            } else {
                let first = name.split('.').next().unwrap_or(name);
                self.name_op(first, Ctx::Store, imp.range)?;
            }
        }
        Ok(())
    }

    fn import_from(&mut self, imp: &'a ast::StmtImportFrom) -> CResult {
        let module = imp.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && imp.level == 0 && !self.future_ok.contains(&imp.range) {
            return self.error(
                "from __future__ imports must occur at the beginning of the file",
                imp.range,
            );
        }
        self.load_const(Const::Int(imp.level.into()));
        let names = imp
            .names
            .iter()
            .map(|a| Const::Str(a.name.to_string()))
            .collect();
        self.load_const(Const::Tuple(names));
        self.cur.u.emit_name(Op::ImportName, module);
        if imp.names.len() == 1 && imp.names[0].name.as_str() == "*" {
            self.op(Op::ImportStar);
            return Ok(());
        }
        for alias in &imp.names {
            self.cur.u.emit_name(Op::ImportFrom, alias.name.as_str());
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(store.as_str(), Ctx::Store, imp.range)?;
        }
        self.op(Op::PopTop);
        Ok(())
    }

    // ------------------------------------------------------------------ assignment

    /// Stores TOS into an assignment target.
    pub fn store_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Store, n.range),
            Expr::Attribute(a) => {
                if a.attr.as_str() == "__debug__" {
                    return self.error("cannot assign to __debug__", a.range);
                }
                self.expr(&a.value)?;
                self.set_line(&a.attr);
                let name = self.mangle(a.attr.as_str());
                self.cur.u.emit_name(Op::StoreAttr, &name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_line(s);
                self.op(Op::StoreSubscr);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_targets(elts, t.range())
            }
            Expr::Starred(s) => self.error(
                "starred assignment target must be in a list or tuple",
                s.range,
            ),
            other => self.error(
                format!("cannot assign to {}", super::expr_name(other)),
                other.range(),
            ),
        }
    }

    fn unpack_targets(&mut self, elts: &'a [Expr], range: TextRange) -> CResult {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if star.is_some() {
                    return self.error("multiple starred expressions in assignment", range);
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return self.error("too many expressions in star-unpacking assignment", range);
                }
                self.emit(Op::UnpackEx, i as u32 | ((after as u32) << 8));
            }
            None => self.emit(Op::UnpackSequence, elts.len() as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        self.set_line(t);
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Del, n.range),
            Expr::Attribute(a) => {
                if a.attr.as_str() == "__debug__" {
                    return self.error("cannot delete __debug__", a.range);
                }
                self.expr(&a.value)?;
                self.set_line(&a.attr);
                let name = self.mangle(a.attr.as_str());
                self.cur.u.emit_name(Op::DeleteAttr, &name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_line(s);
                self.op(Op::DeleteSubscr);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            other => self.error(
                format!("cannot delete {}", super::expr_name(other)),
                other.range(),
            ),
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop(a.op) as u32 + BinOp::INPLACE;
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), Ctx::Load, n.range)?;
                self.expr(&a.value)?;
                self.set_line(a);
                self.emit(Op::BinaryOp, op);
                self.name_op(n.id.as_str(), Ctx::Store, n.range)
            }
            Expr::Attribute(at) => {
                let name = self.mangle(at.attr.as_str());
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                self.set_line(&at.attr);
                self.cur.u.emit_name(Op::LoadAttr, &name);
                self.expr(&a.value)?;
                self.set_line(a);
                self.emit(Op::BinaryOp, op);
                self.set_line(&at.attr);
                self.emit(Op::Swap, 2);
                self.cur.u.emit_name(Op::StoreAttr, &name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_line(s);
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.op(Op::BinarySubscr);
                self.expr(&a.value)?;
                self.set_line(a);
                self.emit(Op::BinaryOp, op);
                self.set_line(s);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.op(Op::StoreSubscr);
                Ok(())
            }
            other => self.error(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    super::expr_name(other)
                ),
                other.range(),
            ),
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        let module_or_class = matches!(self.scope_kind(), ScopeKind::Module | ScopeKind::Class);
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return self.error("cannot assign to __debug__", n.range);
                }
                if a.simple && module_or_class {
                    self.annotation(&a.annotation)?;
                    self.set_line(a);
                    self.cur.u.emit_name(Op::LoadName, "__annotations__");
                    let mangled = self.mangle(n.id.as_str());
                    self.load_const(Const::Str(mangled));
                    self.op(Op::StoreSubscr);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.op(Op::PopTop);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.op(Op::PopTop);
                    self.expr(&s.slice)?;
                    self.op(Op::PopTop);
                }
            }
            other => {
                return self.error("illegal target for annotation", other.range());
            }
        }
        if !a.simple && !self.future_annotations && module_or_class {
            self.expr(&a.annotation)?;
            self.op(Op::PopTop);
        }
        Ok(())
    }

    /// Pushes an annotation's value (a string under `from __future__ import annotations`).
    pub fn annotation(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = self.src.text(e.range()).to_owned();
            self.load_const(Const::Str(text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    // ------------------------------------------------------------------ functions and classes

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.set_line(d);
            self.op(Op::PushNull);
            self.expr(&d.expression)?;
        }
        self.check_debug_params(&f.parameters, f.range)?;
        let firstlineno = self.line_of(f.start());
        self.set_line(&f.name);
        let mut fflags = self.defaults(&f.parameters)?;
        if self.annotations(&f.parameters, f.returns.as_deref())? {
            fflags |= 4;
        }
        self.enter_scope(f.range, f.name.as_str(), firstlineno)?;
        self.cur.is_async = f.is_async;
        let doc = docstring(&f.body);
        let start = usize::from(doc.is_some());
        self.cur.u.docstring = doc;
        self.body(&f.body[start..])?;
        self.implicit_return();
        let code = self.exit_scope();
        self.set_line(&f.name);
        self.make_closure(code, fflags, f.range)?;
        self.apply_decorators(&f.decorator_list);
        self.name_op(f.name.as_str(), Ctx::Store, f.name.range)
    }

    /// CPython's `compiler_check_debug_args`: no parameter may be named `__debug__`.
    fn check_debug_params(&self, p: &ast::Parameters, range: TextRange) -> CResult {
        let named_debug = |a: &ast::Parameter| a.name.as_str() == "__debug__";
        let plain = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .chain(&p.kwonlyargs)
            .any(|a| named_debug(&a.parameter));
        if plain
            || p.vararg.as_deref().is_some_and(named_debug)
            || p.kwarg.as_deref().is_some_and(named_debug)
        {
            return self.error("cannot assign to __debug__", range);
        }
        Ok(())
    }

    /// Calls the decorators pushed before the definition, innermost first.
    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.set_line(d);
            self.emit(Op::Call, 1);
        }
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns the MakeFunction flags.
    pub fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut fflags = 0;
        let defs: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defs.is_empty() {
            let consts: Option<Vec<Const>> =
                defs.iter().map(|e| super::expr::constant_of(e)).collect();
            match consts {
                Some(c) => self.load_const(Const::Tuple(c)),
                None => {
                    for d in &defs {
                        self.expr(d)?;
                    }
                    self.emit(Op::BuildTuple, defs.len() as u32);
                }
            }
            fflags |= 1;
        }
        let mut n = 0;
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                let name = self.mangle(a.parameter.name.as_str());
                self.load_const(Const::Str(name));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Op::BuildMap, n);
            fflags |= 2;
        }
        Ok(fflags)
    }

    /// Pushes the annotations dict if any parameter or the return is annotated.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut items: Vec<(&'a str, &'a Expr)> = Vec::new();
        let mut add = |a: &'a ast::Parameter| {
            if let Some(ann) = &a.annotation {
                items.push((a.name.as_str(), ann));
            }
        };
        p.args.iter().for_each(|a| add(&a.parameter));
        p.posonlyargs.iter().for_each(|a| add(&a.parameter));
        if let Some(v) = &p.vararg {
            add(v);
        }
        p.kwonlyargs.iter().for_each(|a| add(&a.parameter));
        if let Some(k) = &p.kwarg {
            add(k);
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(false);
        }
        let n = items.len() as u32;
        for (name, ann) in items {
            let name = self.mangle(name);
            self.load_const(Const::Str(name));
            match ann {
                Expr::Starred(s) if !self.future_annotations => {
                    self.expr(&s.value)?;
                    self.emit(Op::UnpackSequence, 1);
                }
                _ => self.annotation(ann)?,
            }
        }
        self.emit(Op::BuildMap, n);
        Ok(true)
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.set_line(d);
            self.op(Op::PushNull);
            self.expr(&d.expression)?;
        }
        let firstlineno = self.line_of(c.start());
        self.enter_scope(c.range, c.name.as_str(), firstlineno)?;
        self.set_line(&c.name);
        self.cur.u.emit_name(Op::LoadName, "__name__");
        self.cur.u.emit_name(Op::StoreName, "__module__");
        let qualname = self.cur.u.qualname.clone();
        self.load_const(Const::Str(qualname));
        self.cur.u.emit_name(Op::StoreName, "__qualname__");
        if find_ann(&c.body) {
            self.op(Op::SetupAnnotations);
        }
        let mut body = &c.body[..];
        if let Some(doc) = docstring(body) {
            self.set_line(&body[0]);
            self.load_const(Const::Str(doc.clone()));
            self.cur.u.emit_name(Op::StoreName, "__doc__");
            self.cur.u.docstring = Some(doc);
            body = &body[1..];
        }
        self.body(body)?;
        if let Some(i) = self.cur.u.cellvars.iter().position(|c| c == "__class__") {
            self.emit(Op::LoadClosure, i as u32);
            self.emit(Op::Copy, 1);
            self.cur.u.emit_name(Op::StoreName, "__classcell__");
        } else {
            self.load_const(Const::None);
        }
        self.op(Op::ReturnValue);
        let code = self.exit_scope();
        self.set_line(&c.name);
        self.op(Op::PushNull);
        self.op(Op::LoadBuildClass);
        self.make_closure(code, 0, c.range)?;
        self.load_const(Const::Str(c.name.to_string()));
        let (bases, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, bases, keywords, c.range)?;
        self.apply_decorators(&c.decorator_list);
        self.name_op(c.name.as_str(), Ctx::Store, c.name.range)
    }

    /// A lambda expression (the function object is left on the stack).
    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let mut fflags = 0;
        if let Some(p) = &l.parameters {
            self.check_debug_params(p, l.range)?;
            fflags = self.defaults(p)?;
        }
        let line = self.line_of(l.start());
        let idx = self.enter_scope(l.range, "<lambda>", line)?;
        self.expr(&l.body)?;
        if self.st.scopes[idx].is_generator {
            self.op(Op::PopTop);
            self.load_const(Const::None);
        }
        self.op(Op::ReturnValue);
        let code = self.exit_scope();
        self.set_line(l);
        self.make_closure(code, fflags, l.range)
    }
}

/// For `t1, t2 = v1, v2` (or three of each; the targets a tuple or list display, the value a tuple
/// display, no starred item on either side, one target list): the number of items, which a `Swap`
/// reverses on the stack in place of building and unpacking a tuple.
fn swap_assignment(a: &ast::StmtAssign) -> Option<u32> {
    let [t] = a.targets.as_slice() else {
        return None;
    };
    let targets = match t {
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => elts,
        _ => return None,
    };
    let Expr::Tuple(v) = &*a.value else {
        return None;
    };
    let n = targets.len();
    let starred = |e: &Expr| matches!(e, Expr::Starred(_));
    ((2..=3).contains(&n)
        && v.elts.len() == n
        && !targets.iter().any(starred)
        && !v.elts.iter().any(starred))
    .then_some(n as u32)
}
