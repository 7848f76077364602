//! AST traversal of the symbol-table pass (phase 1): creates scopes and
//! records per-name flags. Sub-expressions are visited in CPython's
//! *compilation* order so that first-appearance order of locals (and hence
//! `varnames`) matches `co_varnames` as closely as possible.

use ruff_python_ast::{
    self as ast, Comprehension, ExceptHandler, Expr, ExprContext, FStringPart,
    InterpolatedStringElement, InterpolatedStringElements, Parameters, Pattern, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use super::{
    error, Builder, CompKind, ScopeKind, DEF_ANNOT, DEF_COMP_ITER, DEF_GLOBAL, DEF_IMPORT,
    DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, R, USE,
};

/// Nesting limit for statements/expressions/patterns, like CPython's
/// "maximum recursion depth exceeded during compilation" (a RecursionError there).
const MAX_DEPTH: u32 = 3000;

const TYPE_PARAMS_MSG: &str = "type parameter lists are not supported in Python 3.11";
const TYPE_ALIAS_MSG: &str = "type alias statements are not supported in Python 3.11";

impl Builder {
    fn descend(&mut self, range: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return error("maximum recursion depth exceeded during compilation", range);
        }
        Ok(())
    }

    pub(super) fn visit_body(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs<'a>(&mut self, exprs: impl IntoIterator<Item = &'a Expr>) -> R {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_opt(&mut self, e: Option<&Expr>) -> R {
        e.map_or(Ok(()), |e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.descend(s.range())?;
        self.visit_stmt_inner(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.visit_function_def(f),
            Stmt::ClassDef(c) => self.visit_class_def(c),
            Stmt::Return(r) => self.visit_opt(r.value.as_deref()),
            Stmt::Delete(d) => self.visit_exprs(&d.targets),
            Stmt::TypeAlias(t) => error(TYPE_ALIAS_MSG, t.range),
            Stmt::Assign(a) => {
                self.visit_expr(&a.value)?;
                self.visit_exprs(&a.targets)
            }
            Stmt::AugAssign(a) => {
                // The target keeps its Store context: it is bound (DEF_LOCAL), as in CPython.
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)
            }
            Stmt::AnnAssign(a) => self.visit_ann_assign(a),
            Stmt::For(f) => {
                self.visit_expr(&f.iter)?;
                self.visit_expr(&f.target)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.visit_opt(clause.test.as_ref())?;
                    self.visit_body(&clause.body)?;
                }
                Ok(())
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    self.visit_opt(item.optional_vars.as_deref())?;
                }
                self.visit_body(&w.body)
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(case.guard.as_deref())?;
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            Stmt::Raise(r) => {
                self.visit_opt(r.exc.as_deref())?;
                self.visit_opt(r.cause.as_deref())
            }
            Stmt::Try(t) => {
                // CPython compiles `else` right after the body, before the handlers.
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for ExceptHandler::ExceptHandler(h) in &t.handlers {
                    self.visit_opt(h.type_.as_deref())?;
                    if let Some(name) = &h.name {
                        self.add_def(name.as_str(), DEF_LOCAL, name.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                self.visit_opt(a.msg.as_deref())
            }
            Stmt::Import(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::ImportFrom(i) => i.names.iter().try_for_each(|a| self.visit_alias(a)),
            Stmt::Global(g) => self.visit_global_nonlocal(&g.names, g.range, false),
            Stmt::Nonlocal(n) => self.visit_global_nonlocal(&n.names, n.range, true),
            Stmt::Expr(e) => self.visit_expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {
                Ok(())
            }
        }
    }

    fn visit_function_def(&mut self, f: &ast::StmtFunctionDef) -> R {
        if let Some(tp) = &f.type_params {
            return error(TYPE_PARAMS_MSG, tp.range);
        }
        self.visit_exprs(f.decorator_list.iter().map(|d| &d.expression))?;
        self.visit_defaults(&f.parameters)?;
        self.visit_annotations(&f.parameters)?;
        self.visit_opt(f.returns.as_deref())?;
        self.add_def(f.name.as_str(), DEF_LOCAL, f.name.range)?;
        self.enter(ScopeKind::Function, f.name.to_string(), f.range);
        if f.is_async {
            let cur = self.cur_mut();
            cur.is_coroutine = true;
            cur.is_async_def = true;
        }
        self.visit_params(&f.parameters)?;
        self.visit_body(&f.body)?;
        self.exit();
        Ok(())
    }

    fn visit_class_def(&mut self, c: &ast::StmtClassDef) -> R {
        if let Some(tp) = &c.type_params {
            return error(TYPE_PARAMS_MSG, tp.range);
        }
        self.visit_exprs(c.decorator_list.iter().map(|d| &d.expression))?;
        if let Some(args) = &c.arguments {
            self.visit_exprs(args.args.iter())?;
            self.visit_exprs(args.keywords.iter().map(|k| &k.value))?;
        }
        self.add_def(c.name.as_str(), DEF_LOCAL, c.name.range)?;
        self.enter(ScopeKind::Class, c.name.to_string(), c.range);
        self.visit_body(&c.body)?;
        self.exit();
        Ok(())
    }

    /// Defaults and keyword-only defaults, evaluated in the enclosing scope.
    fn visit_defaults(&mut self, p: &Parameters) -> R {
        self.visit_exprs(
            p.posonlyargs
                .iter()
                .chain(&p.args)
                .filter_map(|a| a.default.as_deref()),
        )?;
        self.visit_exprs(p.kwonlyargs.iter().filter_map(|a| a.default.as_deref()))
    }

    /// Parameter annotations, evaluated in the enclosing scope (in CPython's
    /// compilation order: normal, positional-only, `*args`, keyword-only, `**kwargs`).
    fn visit_annotations(&mut self, p: &Parameters) -> R {
        let plain = p.args.iter().chain(&p.posonlyargs).map(|a| &a.parameter);
        let vararg = p.vararg.as_deref();
        let kwonly = p.kwonlyargs.iter().map(|a| &a.parameter);
        let all = plain.chain(vararg).chain(kwonly).chain(p.kwarg.as_deref());
        self.visit_exprs(all.filter_map(|a| a.annotation.as_deref()))
    }

    /// Binds the parameters inside the new function scope.
    fn visit_params(&mut self, p: &Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(a.parameter.name.as_str(), DEF_PARAM, a.parameter.range)?;
        }
        // CPython's `arg` node for `*a: T` / `**a: T` excludes the stars.
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            let range = TextRange::new(a.name.range.start(), a.range.end());
            self.add_def(a.name.as_str(), DEF_PARAM, range)?;
        }
        let cur = self.cur_mut();
        cur.posonlyargcount = p.posonlyargs.len();
        cur.argcount = p.posonlyargs.len() + p.args.len();
        cur.kwonlyargcount = p.kwonlyargs.len();
        cur.has_varargs = p.vararg.is_some();
        cur.has_varkeywords = p.kwarg.is_some();
        Ok(())
    }

    /// Annotated assignment. In function scopes CPython never compiles the
    /// annotation (nor anything for a bare `x: int`), so those names are
    /// flagged as usual but do not count as appearances for `varnames` order.
    fn visit_ann_assign(&mut self, a: &ast::StmtAnnAssign) -> R {
        let quiet = self.raw[self.cur()].kind.is_function_like();
        let Expr::Name(target) = &*a.target else {
            self.visit_opt(a.value.as_deref())?;
            self.visit_expr(&a.target)?;
            return self.quietly(quiet, |b| b.visit_expr(&a.annotation));
        };
        let name = target.id.as_str();
        let cur = self.lookup(name);
        if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && a.simple {
            let kind = if cur & DEF_GLOBAL != 0 {
                "global"
            } else {
                "nonlocal"
            };
            return error(format!("annotated name '{name}' can't be {kind}"), a.range);
        }
        self.visit_opt(a.value.as_deref())?;
        if a.simple {
            self.quietly(quiet && a.value.is_none(), |b| {
                b.add_def(name, DEF_ANNOT | DEF_LOCAL, target.range)
            })?;
        }
        if a.value.is_some() {
            self.add_def(name, DEF_LOCAL, target.range)?;
        }
        self.quietly(quiet, |b| b.visit_expr(&a.annotation))
    }

    /// Runs `f` with appearance recording suppressed if `quiet`.
    fn quietly(&mut self, quiet: bool, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.quiet;
        self.quiet |= quiet;
        let result = f(self);
        self.quiet = saved;
        result
    }

    fn visit_alias(&mut self, a: &ast::Alias) -> R {
        let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
        if name == "*" {
            if self.raw[self.cur()].kind != ScopeKind::Module {
                return error("import * only allowed at module level", a.range);
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, DEF_IMPORT, a.range)
    }

    fn visit_global_nonlocal(
        &mut self,
        names: &[ast::Identifier],
        range: TextRange,
        nonlocal: bool,
    ) -> R {
        let kind = if nonlocal { "nonlocal" } else { "global" };
        for id in names {
            let name = id.as_str();
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{name}' is parameter and {kind}")
                } else if cur & USE != 0 {
                    format!("name '{name}' is used prior to {kind} declaration")
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{name}' can't be {kind}")
                } else {
                    format!("name '{name}' is assigned to before {kind} declaration")
                };
                return error(msg, range);
            }
            self.add_def(
                name,
                if nonlocal { DEF_NONLOCAL } else { DEF_GLOBAL },
                range,
            )?;
            let mangled = self.mangle_cur(name);
            self.record_directive(self.cur(), mangled, range);
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.descend(p.range())?;
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                s.patterns.iter().try_for_each(|p| self.visit_pattern(p))?
            }
            Pattern::MatchMapping(m) => {
                self.visit_exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(rest) = &m.rest {
                    self.add_def(rest.as_str(), DEF_LOCAL, rest.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                c.arguments
                    .patterns
                    .iter()
                    .try_for_each(|p| self.visit_pattern(p))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.visit_pattern(&k.pattern))?;
            }
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.add_def(name.as_str(), DEF_LOCAL, name.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.visit_pattern(p)?;
                }
                if let Some(name) = &a.name {
                    self.add_def(name.as_str(), DEF_LOCAL, name.range)?;
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.visit_pattern(p))?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.descend(e.range())?;
        self.visit_expr_inner(e)?;
        self.depth -= 1;
        Ok(())
    }

    /// Dispatch only: arms with several sub-visits live in helpers so that
    /// this recursive frame stays small (it recurses once per nesting level).
    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.visit_exprs(&b.values),
            Expr::Named(n) => self.visit_named(n),
            Expr::BinOp(b) => self.visit_pair(&b.left, Some(&b.right)),
            Expr::UnaryOp(u) => self.visit_expr(&u.operand),
            Expr::Lambda(l) => self.visit_lambda(l),
            Expr::If(i) => self.visit_if_exp(i),
            Expr::Dict(d) => self.visit_dict(d),
            Expr::Set(s) => self.visit_exprs(&s.elts),
            Expr::ListComp(c) => {
                self.visit_comprehension(c.range, CompKind::List, &c.generators, &c.elt, None)
            }
            Expr::SetComp(c) => {
                self.visit_comprehension(c.range, CompKind::Set, &c.generators, &c.elt, None)
            }
            Expr::Generator(c) => {
                self.visit_comprehension(c.range, CompKind::Gen, &c.generators, &c.elt, None)
            }
            Expr::DictComp(c) => self.visit_dict_comp(c),
            Expr::Await(a) => self.visit_await(a),
            Expr::Yield(y) => self.visit_yield(y.value.as_deref(), y.range),
            Expr::YieldFrom(y) => self.visit_yield(Some(&y.value), y.range),
            Expr::Compare(c) => self.visit_compare(c),
            Expr::Call(c) => self.visit_call(c),
            Expr::FString(f) => self.visit_fstring(f),
            Expr::TString(t) => self.visit_tstring(t),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => Ok(()),
            Expr::Attribute(a) => self.visit_expr(&a.value),
            Expr::Subscript(s) => self.visit_pair(&s.value, Some(&s.slice)),
            Expr::Starred(s) => self.visit_expr(&s.value),
            Expr::Name(n) => self.visit_name(n),
            Expr::List(l) => self.visit_exprs(&l.elts),
            Expr::Tuple(t) => self.visit_exprs(&t.elts),
            Expr::Slice(s) => self.visit_slice(s),
        }
    }

    fn visit_pair(&mut self, a: &Expr, b: Option<&Expr>) -> R {
        self.visit_expr(a)?;
        self.visit_opt(b)
    }

    fn visit_if_exp(&mut self, i: &ast::ExprIf) -> R {
        self.visit_expr(&i.test)?;
        self.visit_pair(&i.body, Some(&i.orelse))
    }

    fn visit_dict(&mut self, d: &ast::ExprDict) -> R {
        for item in &d.items {
            self.visit_opt(item.key.as_ref())?;
            self.visit_expr(&item.value)?;
        }
        Ok(())
    }

    fn visit_dict_comp(&mut self, c: &ast::ExprDictComp) -> R {
        match &c.key {
            Some(key) => self.visit_comprehension(
                c.range,
                CompKind::Dict,
                &c.generators,
                key,
                Some(&c.value),
            ),
            None => {
                self.visit_comprehension(c.range, CompKind::Dict, &c.generators, &c.value, None)
            }
        }
    }

    fn visit_await(&mut self, a: &ast::ExprAwait) -> R {
        self.visit_expr(&a.value)?;
        self.mark_await(a.range);
        Ok(())
    }

    fn visit_yield(&mut self, value: Option<&Expr>, range: TextRange) -> R {
        self.visit_opt(value)?;
        self.mark_yield(range)
    }

    fn visit_compare(&mut self, c: &ast::ExprCompare) -> R {
        self.visit_expr(&c.left)?;
        self.visit_exprs(c.comparators.iter())
    }

    fn visit_call(&mut self, c: &ast::ExprCall) -> R {
        self.visit_expr(&c.func)?;
        self.visit_exprs(c.arguments.args.iter())?;
        self.visit_exprs(c.arguments.keywords.iter().map(|k| &k.value))
    }

    fn visit_fstring(&mut self, f: &ast::ExprFString) -> R {
        for part in f.value.iter() {
            if let FStringPart::FString(fs) = part {
                self.visit_interpolations(&fs.elements)?;
            }
        }
        Ok(())
    }

    fn visit_tstring(&mut self, t: &ast::ExprTString) -> R {
        for ts in t.value.iter() {
            self.visit_interpolations(&ts.elements)?;
        }
        Ok(())
    }

    fn visit_slice(&mut self, s: &ast::ExprSlice) -> R {
        self.visit_opt(s.lower.as_deref())?;
        self.visit_pair_opt(s.upper.as_deref(), s.step.as_deref())
    }

    fn visit_pair_opt(&mut self, a: Option<&Expr>, b: Option<&Expr>) -> R {
        self.visit_opt(a)?;
        self.visit_opt(b)
    }

    fn visit_name(&mut self, n: &ast::ExprName) -> R {
        let load = matches!(n.ctx, ExprContext::Load | ExprContext::Invalid);
        self.add_def(n.id.as_str(), if load { USE } else { DEF_LOCAL }, n.range)?;
        // `super` counts as a use of `__class__` in function-like scopes.
        if load && n.id.as_str() == "super" && self.raw[self.cur()].kind.is_function_like() {
            self.add_def("__class__", USE, n.range)?;
        }
        Ok(())
    }

    fn visit_interpolations(&mut self, elements: &InterpolatedStringElements) -> R {
        for element in elements.iter() {
            if let InterpolatedStringElement::Interpolation(i) = element {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_interpolations(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn visit_lambda(&mut self, l: &ast::ExprLambda) -> R {
        if let Some(p) = &l.parameters {
            self.visit_defaults(p)?;
        }
        self.enter(ScopeKind::Lambda, "<lambda>".to_owned(), l.range);
        if let Some(p) = &l.parameters {
            self.visit_params(p)?;
        }
        self.visit_expr(&l.body)?;
        self.exit();
        Ok(())
    }

    fn mark_yield(&mut self, range: TextRange) -> R {
        let cur = self.cur_mut();
        cur.is_generator = true;
        let message = match cur.comp {
            Some(CompKind::List) => "'yield' inside list comprehension",
            Some(CompKind::Set) => "'yield' inside set comprehension",
            Some(CompKind::Dict) => "'yield' inside dict comprehension",
            Some(CompKind::Gen) => "'yield' inside generator expression",
            None => {
                if !cur.kind.is_function_like() {
                    self.defer("'yield' outside function", range);
                }
                return Ok(());
            }
        };
        error(message, range)
    }

    fn mark_await(&mut self, range: TextRange) {
        let cur = self.cur_mut();
        cur.is_coroutine = true;
        match cur.kind {
            ScopeKind::Module | ScopeKind::Class => self.defer("'await' outside function", range),
            ScopeKind::Function | ScopeKind::Lambda if !cur.is_async_def => {
                self.defer("'await' outside async function", range);
            }
            _ => {}
        }
    }

    fn visit_named(&mut self, n: &ast::ExprNamed) -> R {
        let cur = self.cur();
        if self.raw[cur].comp_iter_expr > 0 {
            return error(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            );
        }
        if self.raw[cur].comp.is_some() {
            if let Expr::Name(target) = &*n.target {
                self.extend_namedexpr_scope(target)?;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    /// PEP 572: a walrus in a comprehension binds in the nearest enclosing
    /// function or module scope (`symtable_extend_namedexpr_scope`).
    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> R {
        let name = target.id.as_str();
        let mangled = self.mangle_cur(name);
        let cur = self.cur();
        for i in (0..self.stack.len()).rev() {
            let idx = self.stack[i];
            let ste = &self.raw[idx];
            let existing = ste.flags.get(&mangled).copied().unwrap_or(0);
            if ste.comp.is_some() {
                if existing & DEF_COMP_ITER != 0 {
                    return error(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        target.range,
                    );
                }
                continue;
            }
            match ste.kind {
                ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
                    let flag = if existing & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.range)?;
                    self.record_directive(cur, mangled.clone(), target.range);
                    return self.add_def_in(idx, mangled, name, DEF_LOCAL, target.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    self.record_directive(cur, mangled.clone(), target.range);
                    return self.add_def_in(idx, mangled, name, DEF_GLOBAL, target.range);
                }
                ScopeKind::Class => {
                    return error(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    );
                }
            }
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the first iterable is evaluated in the
    /// enclosing scope, everything else in the comprehension's own scope,
    /// which receives the first iterator as its implicit parameter `.0`.
    fn visit_comprehension(
        &mut self,
        range: TextRange,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some((first, rest)) = generators.split_first() else {
            return Ok(());
        };
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&first.iter)?;
        self.cur_mut().comp_iter_expr -= 1;

        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let idx = self.enter(ScopeKind::Comprehension, name.to_owned(), range);
        self.raw[idx].comp = Some(kind);
        if first.is_async {
            self.raw[idx].is_coroutine = true;
        }
        self.add_def_in(idx, ".0".to_owned(), ".0", DEF_PARAM, range)?;
        self.raw[idx].argcount = 1;

        self.raw[idx].comp_iter_target = true;
        self.visit_expr(&first.target)?;
        self.raw[idx].comp_iter_target = false;
        self.visit_exprs(&first.ifs)?;
        for g in rest {
            self.raw[idx].comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.raw[idx].comp_iter_target = false;
            self.raw[idx].comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.raw[idx].comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.raw[idx].is_coroutine = true;
            }
        }
        self.visit_expr(elt)?;
        self.visit_opt(value)?;
        let is_generator = kind == CompKind::Gen;
        self.raw[idx].is_generator = is_generator;
        let is_async = self.raw[idx].is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur_mut().is_coroutine = true;
        }
        Ok(())
    }
}

/// Comparison against CPython 3.11: the expected strings below were produced
/// by `symtable.symtable()` (scopes) and `compile()` (code objects) in
/// CPython 3.11.7, normalised to one sorted line per scope/code object.
#[cfg(test)]
mod cpython_golden {
    use super::super::{build, ScopeKind, SymScope, SymbolTable};

    fn lineno(src: &str, offset: ruff_text_size::TextSize) -> usize {
        src[..usize::from(offset)].matches('\n').count() + 1
    }

    fn dump(src: &str) -> String {
        let parsed = ruff_python_parser::parse_module(src).expect("parse");
        let table: SymbolTable = build(parsed.syntax()).expect("symtable");
        let mut lines = Vec::new();
        for s in &table.scopes {
            let line = lineno(src, s.range.start());
            let (typ, sline, cline) = match s.kind {
                ScopeKind::Module => ("module", 0, 1),
                ScopeKind::Class => ("class", line, line),
                _ => ("function", line, line),
            };
            let mut sorted: Vec<_> = s.symbols.iter().collect();
            sorted.sort_by_key(|(n, _)| *n);
            let syms: Vec<String> = sorted
                .into_iter()
                .map(|(n, sc)| {
                    let code = match sc {
                        SymScope::Local => "L",
                        SymScope::GlobalExplicit => "GE",
                        SymScope::GlobalImplicit => "GI",
                        SymScope::Free => "F",
                        SymScope::Cell => "C",
                    };
                    format!("{n}={code}")
                })
                .collect();
            lines.push(format!("S {typ} {} {sline} {}", s.name, syms.join(" ")));
            // co_varnames holds the parameters plus non-cell locals.
            let nparams = s.argcount
                + s.kwonlyargcount
                + usize::from(s.has_varargs)
                + usize::from(s.has_varkeywords);
            let varnames: Vec<&str> = s
                .varnames
                .iter()
                .enumerate()
                .filter(|(i, n)| *i < nparams || !s.cellvars.contains(n))
                .map(|(_, n)| n.as_str())
                .collect();
            lines.push(format!(
                "C {} {cline} v={} c={} f={} a={},{},{} x={}{} g={}{}",
                s.name,
                varnames.join(","),
                s.cellvars.join(","),
                s.freevars.join(","),
                s.argcount,
                s.posonlyargcount,
                s.kwonlyargcount,
                u8::from(s.has_varargs),
                u8::from(s.has_varkeywords),
                u8::from(s.is_generator),
                u8::from(s.is_coroutine),
            ));
        }
        lines.sort();
        lines.join("\n")
    }

    #[test]
    fn matches_cpython() {
        let mut failures = Vec::new();
        for (name, src, expected) in GOLDEN {
            let got = dump(src);
            if got != *expected {
                failures.push(format!("--- {name}\nexpected:\n{expected}\ngot:\n{got}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    // @generated by /work/scratch/golden/gen.py from CPython 3.11.7
    const GOLDEN: &[(&str, &str, &str)] = &[
        (
            "closures",
            r#"
def outer(a):
    b = 1
    def middle():
        c = 2
        def inner():
            nonlocal c
            c += 1
            return a + b + c + d
        return inner
    d = 4
    return middle
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C inner 6 v= c= f=a,b,c,d a=0,0,0 x=00 g=00
C middle 4 v=inner c=c f=a,b,d a=0,0,0 x=00 g=00
C outer 2 v=a,middle c=a,b,d f= a=1,0,0 x=00 g=00
S function inner 6 a=F b=F c=F d=F
S function middle 4 a=F b=F c=C d=F inner=L
S function outer 2 a=C b=C d=C middle=L
S module <module> 0 outer=GI"#,
        ),
        (
            "classes",
            r#"
def f():
    x = 1
    y = 2
    class C(Base, metaclass=M):
        x = 2
        z = y
        def g(self):
            return x, super().g()
        def h(self):
            return __class__
        def k(self):
            def inner():
                return super()
            return inner
        class D:
            def m(self):
                return __class__
    return C
class Top:
    attr = 1
    def meth(self):
        return attr
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C C 5 v= c=__class__ f=x,y a=0,0,0 x=00 g=00
C D 16 v= c=__class__ f= a=0,0,0 x=00 g=00
C Top 20 v= c= f= a=0,0,0 x=00 g=00
C f 2 v=C c=x,y f= a=0,0,0 x=00 g=00
C g 8 v=self c= f=__class__,x a=1,0,0 x=00 g=00
C h 10 v=self c= f=__class__ a=1,0,0 x=00 g=00
C inner 13 v= c= f=__class__ a=0,0,0 x=00 g=00
C k 12 v=self,inner c= f=__class__ a=1,0,0 x=00 g=00
C m 17 v=self c= f=__class__ a=1,0,0 x=00 g=00
C meth 22 v=self c= f= a=1,0,0 x=00 g=00
S class C 5 D=L g=L h=L k=L x=L y=F z=L
S class D 16 m=L
S class Top 20 attr=L meth=L
S function f 2 Base=GI C=L M=GI x=C y=C
S function g 8 __class__=F self=L super=GI x=F
S function h 10 __class__=F self=L
S function inner 13 __class__=F super=GI
S function k 12 __class__=F inner=L self=L
S function m 17 __class__=F self=L
S function meth 22 attr=GI self=L
S module <module> 0 Top=GI f=GI"#,
        ),
        (
            "comprehensions",
            r#"
def f(data):
    total = 0
    out = [(last := v) for row in data for v in row if (seen := v) > total]
    nested = [[(w := i * j) for j in range(i)] for i in data]
    gen = (x + total for x in data)
    sc = {y for y in data}
    dc = {k: v for k, v in data}
    return last, seen, w, out, nested, gen, sc, dc
g = [(q := n) for n in range(3)]
h = [[(r := m) for m in z] for z in g]
"#,
            r#"C <dictcomp> 8 v=.0,k,v c= f= a=1,0,0 x=00 g=00
C <genexpr> 6 v=.0,x c= f=total a=1,0,0 x=00 g=10
C <listcomp> 10 v=.0,n c= f= a=1,0,0 x=00 g=00
C <listcomp> 11 v=.0,m c= f= a=1,0,0 x=00 g=00
C <listcomp> 11 v=.0,z c= f= a=1,0,0 x=00 g=00
C <listcomp> 4 v=.0,row,v c= f=last,seen,total a=1,0,0 x=00 g=00
C <listcomp> 5 v=.0 c=i f=w a=1,0,0 x=00 g=00
C <listcomp> 5 v=.0,j c= f=i,w a=1,0,0 x=00 g=00
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C <setcomp> 7 v=.0,y c= f= a=1,0,0 x=00 g=00
C f 2 v=data,out,nested,gen,sc,dc c=last,seen,total,w f= a=1,0,0 x=00 g=00
S function <dictcomp> 8 .0=L k=L v=L
S function <genexpr> 6 .0=L total=F x=L
S function <listcomp> 10 .0=L n=L q=GE
S function <listcomp> 11 .0=L m=L r=GE
S function <listcomp> 11 .0=L z=L
S function <listcomp> 4 .0=L last=F row=L seen=F total=F v=L
S function <listcomp> 5 .0=L i=C range=GI w=F
S function <listcomp> 5 .0=L i=F j=L w=F
S function <setcomp> 7 .0=L y=L
S function f 2 data=L dc=L gen=L last=C nested=L out=L sc=L seen=C total=C w=C
S module <module> 0 f=GI g=GI h=GI q=GE r=GE range=GI"#,
        ),
        (
            "lambdas",
            r#"
def make(n):
    fs = [lambda x, n=n: x + n for n in range(3)]
    k = lambda *a, **kw: (a, kw, n)
    j = lambda: lambda: n
    return fs, k, j
e = lambda p, /, q, *, r=1: p + q + r
"#,
            r#"C <lambda> 3 v=x,n c= f= a=2,0,0 x=00 g=00
C <lambda> 4 v=a,kw c= f=n a=0,0,0 x=11 g=00
C <lambda> 5 v= c= f=n a=0,0,0 x=00 g=00
C <lambda> 5 v= c= f=n a=0,0,0 x=00 g=00
C <lambda> 7 v=p,q,r c= f= a=2,1,1 x=00 g=00
C <listcomp> 3 v=.0,n c= f= a=1,0,0 x=00 g=00
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C make 2 v=n,fs,k,j c=n f= a=1,0,0 x=00 g=00
S function <lambda> 3 n=L x=L
S function <lambda> 4 a=L kw=L n=F
S function <lambda> 5 n=F
S function <lambda> 5 n=F
S function <lambda> 7 p=L q=L r=L
S function <listcomp> 3 .0=L n=L
S function make 2 fs=L j=L k=L n=C range=GI
S module <module> 0 e=GI make=GI"#,
        ),
        (
            "matching",
            r#"
def m(cmd):
    match cmd:
        case [a, *rest]:
            return a, rest
        case {"k": v, **kw}:
            return v, kw
        case Point(x=px, y=0) as pt:
            return px, pt
        case (1 | 2) as one:
            return one
        case str(s) if s:
            return s
        case _:
            return None
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C m 2 v=cmd,a,rest,v,kw,px,pt,one,s c= f= a=1,0,0 x=00 g=00
S function m 2 Point=GI a=L cmd=L kw=L one=L pt=L px=L rest=L s=L str=GI v=L
S module <module> 0 m=GI"#,
        ),
        (
            "statements",
            r#"
import os.path
def f(a, b=2, *args, c, d=4, **kw):
    import sys, collections.abc as cabc
    from json import dumps as d2, loads
    for i, (j, *k) in enumerate(args):
        pass
    with open(a) as fh, open(b) as (g1, g2):
        pass
    try:
        pass
    except ValueError as err:
        pass
    else:
        els = 1
    finally:
        fin = 2
    del kw
    x = y = z = 0
    x += 1
    aa: int = 3
    while (wal := 1):
        break
    return locals()
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C f 3 v=a,b,c,d,args,kw,sys,cabc,d2,loads,i,j,k,fh,g1,g2,els,err,fin,x,y,z,aa,wal c= f= a=2,0,2 x=11 g=00
S function f 3 ValueError=GI a=L aa=L args=L b=L c=L cabc=L d=L d2=L els=L enumerate=GI err=L fh=L fin=L g1=L g2=L i=L int=GI j=L k=L kw=L loads=L locals=GI open=GI sys=L wal=L x=L y=L z=L
S module <module> 0 f=GI os=GI"#,
        ),
        (
            "generators",
            r#"
def gen():
    yield 1
def gen2():
    x = yield from gen()
async def co():
    await thing()
async def agen():
    yield 1
    await x
async def acomp():
    return [i async for i in aiter()]
async def acomp2():
    return [await i for i in range(3)]
def lam():
    return lambda: (yield)
"#,
            r#"C <lambda> 16 v= c= f= a=0,0,0 x=00 g=10
C <listcomp> 12 v=.0,i c= f= a=1,0,0 x=00 g=01
C <listcomp> 14 v=.0,i c= f= a=1,0,0 x=00 g=01
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C acomp 11 v= c= f= a=0,0,0 x=00 g=01
C acomp2 13 v= c= f= a=0,0,0 x=00 g=01
C agen 8 v= c= f= a=0,0,0 x=00 g=11
C co 6 v= c= f= a=0,0,0 x=00 g=01
C gen 2 v= c= f= a=0,0,0 x=00 g=10
C gen2 4 v=x c= f= a=0,0,0 x=00 g=10
C lam 15 v= c= f= a=0,0,0 x=00 g=00
S function <lambda> 16 
S function <listcomp> 12 .0=L i=L
S function <listcomp> 14 .0=L i=L
S function acomp 11 aiter=GI
S function acomp2 13 range=GI
S function agen 8 x=GI
S function co 6 thing=GI
S function gen 2 
S function gen2 4 gen=GI x=L
S function lam 15 
S module <module> 0 acomp=GI acomp2=GI agen=GI co=GI gen=GI gen2=GI lam=GI"#,
        ),
        (
            "mangling",
            r#"
class A:
    __cls = 1
    def m(self, __p):
        __x = 1
        global __y
        def inner(__z):
            return __x, __p
        return inner
    class __B:
        __q = 1
        def n(self):
            return __q
    import __mod.sub
class _:
    __x = 1
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C A 2 v= c= f= a=0,0,0 x=00 g=00
C _ 15 v= c= f= a=0,0,0 x=00 g=00
C __B 10 v= c= f= a=0,0,0 x=00 g=00
C inner 7 v=_A__z c= f=_A__p,_A__x a=1,0,0 x=00 g=00
C m 4 v=self,_A__p,inner c=_A__p,_A__x f= a=2,0,0 x=00 g=00
C n 12 v=self c= f= a=1,0,0 x=00 g=00
S class A 2 _A__B=L _A__cls=L _A__mod=L m=L
S class _ 15 __x=L
S class __B 10 _B__q=L n=L
S function inner 7 _A__p=F _A__x=F _A__z=L
S function m 4 _A__p=C _A__x=C _A__y=GE inner=L self=L
S function n 12 _B__q=GI self=L
S module <module> 0 A=GI _=GI _A__y=GE"#,
        ),
        (
            "globals",
            r#"
x = 1
def f():
    global x
    x = 2
    def g():
        return x
    return g
def h():
    y = 1
    def i():
        global y
        y = 3
        def j():
            return y
        return j
    return i
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C f 3 v=g c= f= a=0,0,0 x=00 g=00
C g 6 v= c= f= a=0,0,0 x=00 g=00
C h 9 v=y,i c= f= a=0,0,0 x=00 g=00
C i 11 v=j c= f= a=0,0,0 x=00 g=00
C j 14 v= c= f= a=0,0,0 x=00 g=00
S function f 3 g=L x=GE
S function g 6 x=GI
S function h 9 i=L y=L
S function i 11 j=L y=GE
S function j 14 y=GI
S module <module> 0 f=GI h=GI x=GE y=GE"#,
        ),
        (
            "params",
            r#"
def f(a, b, /, c, d=1, *args, e, f=2, **kwargs):
    def inner():
        return a, c, args, kwargs
    local = 1
    return inner, local
def g(*, k):
    return lambda: k
def h(**kw):
    pass
"#,
            r#"C <lambda> 8 v= c= f=k a=0,0,0 x=00 g=00
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C f 2 v=a,b,c,d,e,f,args,kwargs,inner,local c=a,c,args,kwargs f= a=4,2,2 x=11 g=00
C g 7 v=k c=k f= a=0,0,1 x=00 g=00
C h 9 v=kw c= f= a=0,0,0 x=01 g=00
C inner 3 v= c= f=a,args,c,kwargs a=0,0,0 x=00 g=00
S function <lambda> 8 k=F
S function f 2 a=C args=C b=L c=C d=L e=L f=L inner=L kwargs=C local=L
S function g 7 k=C
S function h 9 kw=L
S function inner 3 a=F args=F c=F kwargs=F
S module <module> 0 f=GI g=GI h=GI"#,
        ),
        (
            "classfree",
            r#"
def outer():
    v = 1
    class K:
        v = 2
        global gg
        gg = 1
        def m(self):
            return v, gg
        w = [v for _ in range(2)]
    return K
"#,
            r#"C <listcomp> 10 v=.0,_ c= f=v a=1,0,0 x=00 g=00
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C K 4 v= c= f=v a=0,0,0 x=00 g=00
C m 8 v=self c= f=v a=1,0,0 x=00 g=00
C outer 2 v=K c=v f= a=0,0,0 x=00 g=00
S class K 4 gg=GE m=L range=GI v=L w=L
S function <listcomp> 10 .0=L _=L v=F
S function m 8 gg=GI self=L v=F
S function outer 2 K=L v=C
S module <module> 0 gg=GE outer=GI"#,
        ),
        (
            "classbody",
            r#"
class C:
    xs = [1, 2]
    ys = [x for x in xs]
    zs = [x + y for x in xs for y in xs]
    f = lambda self: xs
    def m(self):
        return [super().m() for _ in range(2)], (lambda: __class__)
    def n(self):
        class Inner:
            def q(self):
                return super()
        return Inner
"#,
            r#"C <lambda> 6 v=self c= f= a=1,0,0 x=00 g=00
C <lambda> 8 v= c= f=__class__ a=0,0,0 x=00 g=00
C <listcomp> 4 v=.0,x c= f= a=1,0,0 x=00 g=00
C <listcomp> 5 v=.0,x,y c= f= a=1,0,0 x=00 g=00
C <listcomp> 8 v=.0,_ c= f=__class__ a=1,0,0 x=00 g=00
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C C 2 v= c=__class__ f= a=0,0,0 x=00 g=00
C Inner 10 v= c=__class__ f= a=0,0,0 x=00 g=00
C m 7 v=self c= f=__class__ a=1,0,0 x=00 g=00
C n 9 v=self,Inner c= f= a=1,0,0 x=00 g=00
C q 11 v=self c= f=__class__ a=1,0,0 x=00 g=00
S class C 2 f=L m=L n=L xs=L ys=L zs=L
S class Inner 10 q=L
S function <lambda> 6 self=L xs=GI
S function <lambda> 8 __class__=F
S function <listcomp> 4 .0=L x=L
S function <listcomp> 5 .0=L x=L xs=GI y=L
S function <listcomp> 8 .0=L _=L __class__=F super=GI
S function m 7 __class__=F range=GI self=L
S function n 9 Inner=L self=L
S function q 11 __class__=F self=L super=GI
S module <module> 0 C=GI"#,
        ),
        (
            "fstrings",
            r#"
def f(width, prec):
    val = 3.14
    def g():
        return f"{val:{width}.{prec}f} {val!r:>{width}}"
    return g
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C f 2 v=width,prec,g c=width,prec,val f= a=2,0,0 x=00 g=00
C g 4 v= c= f=prec,val,width a=0,0,0 x=00 g=00
S function f 2 g=L prec=C val=C width=C
S function g 4 prec=F val=F width=F
S module <module> 0 f=GI"#,
        ),
        (
            "nonlocal_del",
            r#"
def counter():
    count = 0
    other = 1
    def inc():
        nonlocal count, other
        count += 1
        del other
        return count
    def peek():
        return count
    return inc, peek
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C counter 2 v=inc,peek c=count,other f= a=0,0,0 x=00 g=00
C inc 5 v= c= f=count,other a=0,0,0 x=00 g=00
C peek 10 v= c= f=count a=0,0,0 x=00 g=00
S function counter 2 count=C inc=L other=C peek=L
S function inc 5 count=F other=F
S function peek 10 count=F
S module <module> 0 counter=GI"#,
        ),
        (
            "walrus_deep",
            r#"
def f(xs):
    g = lambda: [[(y := a + b) for b in xs] for a in xs]
    return g, [(z := t) for t in (lambda: xs)()]
def h(xs):
    global gw
    return [(gw := x) for x in xs]
"#,
            r#"C <lambda> 3 v= c=y f=xs a=0,0,0 x=00 g=00
C <lambda> 4 v= c= f=xs a=0,0,0 x=00 g=00
C <listcomp> 3 v=.0 c=a f=xs,y a=1,0,0 x=00 g=00
C <listcomp> 3 v=.0,b c= f=a,y a=1,0,0 x=00 g=00
C <listcomp> 4 v=.0,t c= f=z a=1,0,0 x=00 g=00
C <listcomp> 7 v=.0,x c= f= a=1,0,0 x=00 g=00
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C f 2 v=xs,g c=xs,z f= a=1,0,0 x=00 g=00
C h 5 v=xs c= f= a=1,0,0 x=00 g=00
S function <lambda> 3 xs=F y=C
S function <lambda> 4 xs=F
S function <listcomp> 3 .0=L a=C xs=F y=F
S function <listcomp> 3 .0=L a=F b=L y=F
S function <listcomp> 4 .0=L t=L z=F
S function <listcomp> 7 .0=L gw=GE x=L
S function f 2 g=L xs=C z=C
S function h 5 gw=GE xs=L
S module <module> 0 f=GI gw=GE h=GI"#,
        ),
        (
            "async_stmts",
            r#"
async def f(lock, it):
    async with lock as l:
        async for item in it:
            yield item, l
    return
async def g():
    return (await x async for x in y)
"#,
            r#"C <genexpr> 8 v=.0,x c= f= a=1,0,0 x=00 g=11
C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C f 2 v=lock,it,l,item c= f= a=2,0,0 x=00 g=11
C g 7 v= c= f= a=0,0,0 x=00 g=01
S function <genexpr> 8 .0=L x=L
S function f 2 it=L item=L l=L lock=L
S function g 7 y=GI
S module <module> 0 f=GI g=GI"#,
        ),
        (
            "misc",
            r#"
from os import *
import a.b.c
import a.b.c as abc
def f(p):
    try:
        pass
    except* (ValueError, TypeError) as eg:
        pass
    assert p, (msg := "bad")
    raise ValueError(msg) from None
def shadow():
    super = 1
    return super
class S:
    def meth(self):
        return shadow, super
    def meth2(self, __class__):
        return __class__
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C S 15 v= c=__class__ f= a=0,0,0 x=00 g=00
C f 5 v=p,eg,msg c= f= a=1,0,0 x=00 g=00
C meth 16 v=self c= f=__class__ a=1,0,0 x=00 g=00
C meth2 18 v=self,__class__ c= f= a=2,0,0 x=00 g=00
C shadow 12 v=super c= f= a=0,0,0 x=00 g=00
S class S 15 meth=L meth2=L
S function f 5 TypeError=GI ValueError=GI eg=L msg=L p=L
S function meth 16 __class__=F self=L shadow=GI super=GI
S function meth2 18 __class__=L self=L
S function shadow 12 __class__=GI super=L
S module <module> 0 S=GI a=GI abc=GI f=GI shadow=GI"#,
        ),
        (
            "class_in_func",
            r#"
def f(x):
    class A:
        y = x
        class B:
            z = x
            def m(self):
                return x, y
        def n(self):
            return super(), B
    return A
"#,
            r#"C <module> 1 v= c= f= a=0,0,0 x=00 g=00
C A 3 v= c=__class__ f=x a=0,0,0 x=00 g=00
C B 5 v= c= f=x a=0,0,0 x=00 g=00
C f 2 v=x,A c=x f= a=1,0,0 x=00 g=00
C m 7 v=self c= f=x a=1,0,0 x=00 g=00
C n 9 v=self c= f=__class__ a=1,0,0 x=00 g=00
S class A 3 B=L n=L x=F y=L
S class B 5 m=L x=F z=L
S function f 2 A=L x=C
S function m 7 self=L x=F y=GI
S function n 9 B=GI __class__=F self=L super=GI
S module <module> 0 f=GI"#,
        ),
    ];
}
