//! Symbol-table pass: resolves the scope of every name in a module before
//! bytecode compilation, following CPython 3.11's `Python/symtable.c`.
//!
//! The pass runs in two phases:
//!
//! 1. **Collection** (`symtable_visit.rs`): walk the AST once, create one
//!    scope per module / class / `def` / `lambda` / comprehension, and record
//!    per-name flags (bound, parameter, used, `global`, `nonlocal`, imported,
//!    annotated, comprehension iteration variable).
//! 2. **Analysis** (this file): resolve every name to a [`SymScope`] with
//!    CPython's `analyze_block` algorithm, then compute `cellvars`/`freevars`.
//!
//! Rules (all as in CPython 3.11):
//! * Binding forms: assignment/augmented-assignment/annotated-assignment
//!   targets (`x: int` alone binds `x`), `for`/`with`/`except ... as` targets,
//!   imports (`import a.b` binds `a`), `def`/`class` names, `del` targets,
//!   walrus targets, match captures, parameters.
//! * Defaults, keyword defaults, annotations, decorators, class bases and
//!   keywords, and the first iterable of a comprehension are evaluated in the
//!   *enclosing* scope.
//! * Free-variable resolution skips class scopes: names bound in a class body
//!   are invisible to functions nested in it. A use of `super` (or
//!   `__class__`) in a function nested in a class makes `__class__` a free
//!   variable of that function and a cell of the class.
//! * A name used in a nested function and bound in an enclosing function-like
//!   scope is `Cell` there and `Free` in the user and every scope in between.
//!   A function's name that is neither bound locally nor found in an enclosing
//!   function scope is `GlobalImplicit`.
//! * A walrus inside a comprehension binds in the nearest enclosing
//!   non-comprehension scope (PEP 572): `Local` in a function (and `Free` in
//!   the comprehension), `GlobalExplicit` at module level (like CPython),
//!   and an error in a class body.
//! * Module scope: bound or used names are reported `GlobalImplicit`, except
//!   names CPython marks `GLOBAL_EXPLICIT` there: names declared `global`
//!   anywhere in the module, and walrus targets of module-level
//!   comprehensions. Class bodies report bound names as `Local`.
//! * Private names (`__x` inside `class C`) are mangled (`_C__x`) exactly as
//!   CPython does; symbol names, varnames, cellvars and freevars are all
//!   mangled, so the compiler must mangle (see [`Scope::mangle`]) before
//!   looking a name up.
//! * `varnames` of function-like scopes list the parameters (posonly, normal,
//!   kwonly, `*args`, `**kwargs`; `.0` for comprehensions), then every other
//!   `Local`/`Cell` name in first-appearance order, where the traversal
//!   follows CPython's *compilation* order (an assignment's value before its
//!   targets, a `for` loop's iterable before its target, `try`'s `else` before
//!   its handlers, annotations inside functions not at all); locals that never
//!   appear in compiled code (a bare `x: int`) come last. Dropping the
//!   non-parameter cells gives CPython's `co_varnames` (except when CPython
//!   inlines a `finally` body at an earlier `return`/`break`/`continue`).
//! * `cellvars` are ordered like `co_cellvars` (cell parameters first, in
//!   parameter order, then the rest sorted); `freevars` are sorted.
//! * Errors are reported with CPython's exact 3.11 messages and locations. The
//!   compiler-phase errors `'yield' outside function`, `'await' outside
//!   function` and `'await' outside async function` are reported too, but
//!   only if the module has no genuine symbol-table error. Nesting deeper than
//!   3000 statements/expressions fails with CPython's "maximum recursion
//!   depth exceeded during compilation" (a `RecursionError` in CPython); the
//!   visitor needs ~70 bytes of stack per level in release builds, ~700 in
//!   debug builds.
//! * `from __future__ import annotations` is not special-cased: annotations
//!   are always resolved as if evaluated (CPython instead resolves them in a
//!   throw-away annotation scope, which only changes `co_cellvars` in rare
//!   cases and adds no names the compiler needs).
//! * PEP 695 type parameters and `type X = ...` (3.12) are rejected.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use ruff_python_ast::ModModule;
use ruff_text_size::{Ranged, TextRange};

#[path = "symtable_visit.rs"]
mod visit;

/// What kind of block a [`Scope`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function, lambda and comprehension scopes are all CPython `FunctionBlock`s.
    pub fn is_function_like(self) -> bool {
        matches!(self, Self::Function | Self::Lambda | Self::Comprehension)
    }
}

/// The resolved scope of one name within one [`Scope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

/// One block of the symbol table.
#[derive(Debug, Clone)]
pub struct Scope {
    pub kind: ScopeKind,
    /// `"<module>"`, the class/function name (unmangled), `"<lambda>"`,
    /// `"<listcomp>"`, `"<setcomp>"`, `"<dictcomp>"` or `"<genexpr>"`.
    pub name: String,
    /// Range of the AST node that creates the scope (the lookup key).
    pub range: TextRange,
    /// Every name used or bound in the scope (mangled), resolved.
    pub symbols: HashMap<String, SymScope>,
    /// Function-like scopes: parameters, then other `Local`/`Cell` names in
    /// first-appearance order (CPython compilation order; see the module
    /// docs). Empty for module and class scopes.
    pub varnames: Vec<String>,
    pub argcount: usize,
    pub posonlyargcount: usize,
    pub kwonlyargcount: usize,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// Names bound here that nested scopes capture (class: only `__class__`),
    /// ordered like CPython's `co_cellvars`: cell parameters first in
    /// parameter order, then the remaining cells sorted.
    pub cellvars: Vec<String>,
    /// Names captured from enclosing function scopes, sorted. For a class this
    /// also includes names that are bound in the class body *and* captured by
    /// a method from an enclosing function (CPython's `DEF_FREE_CLASS`).
    pub freevars: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// Indices into [`SymbolTable::scopes`] of directly nested scopes, in source order.
    pub children: Vec<usize>,
    /// The class name used for private-name mangling inside this scope
    /// (the innermost enclosing class, or the class itself), if any.
    pub private: Option<String>,
}

impl Scope {
    /// Mangles `name` the way CPython does inside this scope.
    pub fn mangle<'a>(&self, name: &'a str) -> Cow<'a, str> {
        mangle(self.private.as_deref(), name)
    }

    /// Resolved scope of the (unmangled) `name`, mangling it first.
    pub fn scope_of(&self, name: &str) -> Option<SymScope> {
        self.symbols.get(self.mangle(name).as_ref()).copied()
    }
}

/// The result of the pass: all scopes, `scopes[0]` being the module.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<TextRange, usize>,
}

impl SymbolTable {
    /// The scope created by the AST node with this range. The module is
    /// `scopes[0]`; its range maps to it too, unless a top-level node spans
    /// exactly the same range (e.g. a file that is just `lambda: 0`), in which
    /// case that node's scope wins.
    pub fn lookup(&self, range: TextRange) -> Option<&Scope> {
        self.index_of(range).map(|i| &self.scopes[i])
    }

    /// Index into [`SymbolTable::scopes`] of the scope created by the node with this range.
    pub fn index_of(&self, range: TextRange) -> Option<usize> {
        self.by_range.get(&range).copied()
    }
}

/// A symbol-table error; becomes a `SyntaxError` at `range`.
#[derive(Debug, Clone)]
pub struct SymtableError {
    pub message: String,
    pub range: TextRange,
}

impl fmt::Display for SymtableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SymtableError {}

/// CPython's `_Py_Mangle`: `__x` inside class `_C` becomes `_C__x`; dunder
/// names, dotted names, and classes named only with underscores are untouched.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// Builds the symbol table of a parsed module.
pub fn build(module: &ModModule) -> Result<SymbolTable, SymtableError> {
    let mut b = Builder::new(module.range());
    b.visit_body(&module.body).map_err(|e| *e)?;
    let mut free = HashSet::new();
    b.analyze_block(0, None, &mut free, &HashSet::new())
        .map_err(|e| *e)?;
    if let Some(e) = b.deferred.take() {
        return Err(e);
    }
    Ok(b.finish())
}

// ---- per-name flags (CPython's DEF_* bits) ----
const DEF_GLOBAL: u32 = 1;
const DEF_LOCAL: u32 = 2;
const DEF_PARAM: u32 = 4;
const DEF_NONLOCAL: u32 = 8;
const USE: u32 = 16;
const DEF_FREE_CLASS: u32 = 64;
const DEF_IMPORT: u32 = 128;
const DEF_ANNOT: u32 = 256;
const DEF_COMP_ITER: u32 = 512;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Internal result type; the error is boxed to keep the recursive visitor's
/// stack frames small (deeply nested expressions recurse ~3000 levels).
type R<T = ()> = Result<T, Box<SymtableError>>;

fn error<T>(message: impl Into<String>, range: TextRange) -> R<T> {
    Err(Box::new(SymtableError {
        message: message.into(),
        range,
    }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

/// A scope while it is being collected and analysed.
struct RawScope {
    kind: ScopeKind,
    name: String,
    range: TextRange,
    private: Option<String>,
    flags: HashMap<String, u32>,
    /// Names in insertion order (the keys of `flags`; CPython's dict order).
    order: Vec<String>,
    /// Names in the order the compiler first emits code for them (drives
    /// `varnames`); `appeared` is the same set.
    appearance: Vec<String>,
    appeared: HashSet<String>,
    params: Vec<String>,
    argcount: usize,
    posonlyargcount: usize,
    kwonlyargcount: usize,
    has_varargs: bool,
    has_varkeywords: bool,
    children: Vec<usize>,
    /// First `global`/`nonlocal` (or walrus) directive location per name.
    directives: HashMap<String, TextRange>,
    comp: Option<CompKind>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    is_generator: bool,
    is_coroutine: bool,
    is_async_def: bool,
    needs_class_closure: bool,
    resolved: HashMap<String, SymScope>,
}

/// Working sets of one `analyze_block` call (CPython's local sets there).
#[derive(Default)]
struct BlockSets {
    /// Names bound in enclosing function scopes (`None` for the module).
    bound: Option<HashSet<String>>,
    /// Names known to be global.
    global: HashSet<String>,
    local: HashSet<String>,
    scopes: HashMap<String, SymScope>,
    newbound: HashSet<String>,
    newglobal: HashSet<String>,
    newfree: HashSet<String>,
    allfree: HashSet<String>,
    child_free: HashSet<String>,
}

impl BlockSets {
    // Never inlined, so the (large) struct is not built in the caller's
    // recursive frame.
    #[inline(never)]
    fn boxed(bound: Option<&HashSet<String>>, global: &HashSet<String>) -> Box<Self> {
        Box::new(BlockSets {
            bound: bound.cloned(),
            global: global.clone(),
            ..BlockSets::default()
        })
    }
}

struct Builder {
    raw: Vec<RawScope>,
    stack: Vec<usize>,
    depth: u32,
    /// Set while visiting code CPython does not compile (annotations in
    /// function scopes): names still get flags but no appearance.
    quiet: bool,
    /// First compiler-phase error seen (reported only if nothing else fails).
    deferred: Option<SymtableError>,
}

impl Builder {
    fn new(module_range: TextRange) -> Self {
        let mut b = Builder {
            raw: Vec::new(),
            stack: Vec::new(),
            depth: 0,
            quiet: false,
            deferred: None,
        };
        b.enter(ScopeKind::Module, "<module>".to_owned(), module_range);
        b
    }

    fn cur(&self) -> usize {
        *self.stack.last().expect("scope stack is never empty")
    }

    fn cur_mut(&mut self) -> &mut RawScope {
        let i = self.cur();
        &mut self.raw[i]
    }

    // Never inlined: the `RawScope` temporary must not sit in the frames of
    // the recursive visitor.
    #[inline(never)]
    fn enter(&mut self, kind: ScopeKind, name: String, range: TextRange) -> usize {
        let parent = self.stack.last().copied();
        let (private, comp_iter_expr) = match parent {
            Some(p) => (self.raw[p].private.clone(), self.raw[p].comp_iter_expr),
            None => (None, 0),
        };
        let private = if kind == ScopeKind::Class {
            Some(name.clone())
        } else {
            private
        };
        let idx = self.raw.len();
        self.raw.push(RawScope {
            kind,
            name,
            range,
            private,
            flags: HashMap::new(),
            order: Vec::new(),
            appearance: Vec::new(),
            appeared: HashSet::new(),
            params: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkeywords: false,
            children: Vec::new(),
            directives: HashMap::new(),
            comp: None,
            comp_iter_target: false,
            comp_iter_expr,
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            needs_class_closure: false,
            resolved: HashMap::new(),
        });
        if let Some(p) = parent {
            self.raw[p].children.push(idx);
        }
        self.stack.push(idx);
        idx
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn mangle_cur(&self, name: &str) -> String {
        mangle(self.raw[self.cur()].private.as_deref(), name).into_owned()
    }

    /// Flags of the (unmangled) `name` in the current scope.
    fn lookup(&self, name: &str) -> u32 {
        let m = self.mangle_cur(name);
        self.raw[self.cur()].flags.get(&m).copied().unwrap_or(0)
    }

    /// `symtable_add_def`: adds `flag` to `name` (mangled) in the current scope.
    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let mangled = self.mangle_cur(name);
        self.add_def_in(self.cur(), mangled, name, flag, range)
    }

    /// `symtable_add_def_helper`: `mangled` is the key, `name` is for messages.
    fn add_def_in(
        &mut self,
        idx: usize,
        mangled: String,
        name: &str,
        flag: u32,
        range: TextRange,
    ) -> R {
        let ste = &mut self.raw[idx];
        if !self.quiet && !ste.appeared.contains(&mangled) {
            ste.appeared.insert(mangled.clone());
            ste.appearance.push(mangled.clone());
        }
        let mut val = match ste.flags.get(&mangled) {
            Some(&old) => {
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return error(
                        format!("duplicate argument '{name}' in function definition"),
                        range,
                    );
                }
                old | flag
            }
            None => {
                ste.order.push(mangled.clone());
                flag
            }
        };
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                );
            }
            val |= DEF_COMP_ITER;
        }
        ste.flags.insert(mangled.clone(), val);
        if flag & DEF_PARAM != 0 {
            ste.params.push(mangled);
        } else if flag & DEF_GLOBAL != 0 && idx != 0 {
            // CPython also records the declaration in the module's table.
            let module = &mut self.raw[0];
            match module.flags.get_mut(&mangled) {
                Some(v) => *v |= flag,
                None => {
                    module.order.push(mangled.clone());
                    module.flags.insert(mangled, flag);
                }
            }
        }
        Ok(())
    }

    fn record_directive(&mut self, idx: usize, mangled: String, range: TextRange) {
        self.raw[idx].directives.entry(mangled).or_insert(range);
    }

    fn defer(&mut self, message: &str, range: TextRange) {
        if self.deferred.is_none() {
            self.deferred = Some(SymtableError {
                message: message.to_owned(),
                range,
            });
        }
    }

    fn error_at_directive<T>(&self, idx: usize, name: &str, message: String) -> R<T> {
        let ste = &self.raw[idx];
        let range = ste.directives.get(name).copied().unwrap_or(ste.range);
        error(message, range)
    }

    // ---------------------------------------------------------------- analysis

    /// CPython's `analyze_block`. `bound` is `None` only for the module.
    /// The block's working sets live in one heap allocation to keep this
    /// recursive frame small.
    fn analyze_block(
        &mut self,
        idx: usize,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &HashSet<String>,
    ) -> R {
        let kind = self.raw[idx].kind;
        let is_class = kind == ScopeKind::Class;
        let is_func = kind.is_function_like();
        let mut boxed = BlockSets::boxed(bound, global);
        let st = &mut *boxed;

        // A class namespace is invisible to nested functions: pass down what
        // was visible before the class.
        if is_class {
            st.newglobal.clone_from(&st.global);
            if let Some(b) = &st.bound {
                st.newbound.clone_from(b);
            }
        }
        let order = std::mem::take(&mut self.raw[idx].order);
        for name in &order {
            let flags = self.raw[idx].flags[name];
            self.analyze_name(idx, name, flags, st, free)?;
        }
        self.raw[idx].order = order;

        if !is_class {
            if is_func {
                st.newbound.extend(st.local.iter().cloned());
            }
            if let Some(b) = &st.bound {
                st.newbound.extend(b.iter().cloned());
            }
            st.newglobal.extend(st.global.iter().cloned());
        } else {
            st.newbound.insert("__class__".to_owned());
        }

        for child in self.raw[idx].children.clone() {
            st.child_free.clone_from(&st.newfree);
            self.analyze_block(child, Some(&st.newbound), &mut st.child_free, &st.newglobal)?;
            st.allfree.extend(st.child_free.drain());
        }
        st.newfree.extend(st.allfree.drain());

        if is_func {
            // Locals captured by children become cells and stop propagating.
            for (name, scope) in st.scopes.iter_mut() {
                if *scope == SymScope::Local && st.newfree.remove(name) {
                    *scope = SymScope::Cell;
                }
            }
        } else if is_class && st.newfree.remove("__class__") {
            self.raw[idx].needs_class_closure = true;
        }
        self.update_symbols(idx, st, is_class);
        free.extend(st.newfree.drain());
        Ok(())
    }

    /// CPython's `analyze_name`.
    #[inline(never)]
    fn analyze_name(
        &self,
        idx: usize,
        name: &str,
        flags: u32,
        st: &mut BlockSets,
        free: &mut HashSet<String>,
    ) -> R {
        let scope = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return self.error_at_directive(
                    idx,
                    name,
                    format!("name '{name}' is nonlocal and global"),
                );
            }
            st.global.insert(name.to_owned());
            if let Some(b) = &mut st.bound {
                b.remove(name);
            }
            SymScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let Some(b) = &st.bound else {
                return self.error_at_directive(
                    idx,
                    name,
                    "nonlocal declaration not allowed at module level".into(),
                );
            };
            if !b.contains(name) {
                return self.error_at_directive(
                    idx,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                );
            }
            free.insert(name.to_owned());
            SymScope::Free
        } else if flags & DEF_BOUND != 0 {
            st.local.insert(name.to_owned());
            st.global.remove(name);
            SymScope::Local
        } else if st.bound.as_ref().is_some_and(|b| b.contains(name)) {
            free.insert(name.to_owned());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        st.scopes.insert(name.to_owned(), scope);
        Ok(())
    }

    /// CPython's `update_symbols`: store results and pass children's free
    /// variables through this scope.
    #[inline(never)]
    fn update_symbols(&mut self, idx: usize, st: &mut BlockSets, is_class: bool) {
        let ste = &mut self.raw[idx];
        ste.resolved = std::mem::take(&mut st.scopes);
        let mut names: Vec<&String> = st.newfree.iter().collect();
        names.sort();
        for name in names {
            if let Some(v) = ste.flags.get_mut(name) {
                if is_class && *v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    *v |= DEF_FREE_CLASS;
                }
                continue;
            }
            if st.bound.as_ref().is_some_and(|b| !b.contains(name)) {
                continue;
            }
            ste.flags.insert(name.clone(), 0);
            ste.order.push(name.clone());
            ste.resolved.insert(name.clone(), SymScope::Free);
        }
    }

    fn finish(self) -> SymbolTable {
        let mut scopes = Vec::with_capacity(self.raw.len());
        let mut by_range = HashMap::new();
        let starts: Vec<_> = self.raw.iter().map(|r| r.range.start()).collect();
        for (i, raw) in self.raw.into_iter().enumerate() {
            let is_module = raw.kind == ScopeKind::Module;
            let mut symbols = raw.resolved;
            if is_module {
                for s in symbols.values_mut() {
                    if *s == SymScope::Local {
                        *s = SymScope::GlobalImplicit;
                    }
                }
            }
            let mut varnames = Vec::new();
            let mut cellvars = Vec::new();
            if raw.kind.is_function_like() {
                // Parameters, then locals in appearance order, then locals
                // that never appear in compiled code (e.g. a bare `x: int`).
                varnames.clone_from(&raw.params);
                let silent = raw.order.iter().filter(|n| !raw.appeared.contains(*n));
                for name in raw.appearance.iter().chain(silent) {
                    if matches!(symbols.get(name), Some(SymScope::Local | SymScope::Cell))
                        && !raw.params.contains(name)
                    {
                        varnames.push(name.clone());
                    }
                }
                // Like CPython's co_cellvars: cell parameters in parameter
                // order, then the other cells sorted.
                let is_cell = |n: &String| symbols.get(n) == Some(&SymScope::Cell);
                cellvars = raw.params.iter().filter(|n| is_cell(n)).cloned().collect();
                let mut others: Vec<String> = symbols
                    .iter()
                    .filter(|(n, s)| **s == SymScope::Cell && !raw.params.contains(n))
                    .map(|(n, _)| n.clone())
                    .collect();
                others.sort();
                cellvars.extend(others);
            } else if raw.needs_class_closure {
                cellvars.push("__class__".to_owned());
            }
            let mut freevars: Vec<String> = symbols
                .iter()
                .filter(|(n, s)| {
                    **s == SymScope::Free
                        || raw.flags.get(*n).is_some_and(|f| f & DEF_FREE_CLASS != 0)
                })
                .map(|(n, _)| n.clone())
                .collect();
            freevars.sort();
            let mut children = raw.children;
            children.sort_by_key(|&c| starts[c]);
            if is_module {
                by_range.insert(raw.range, i);
            } else {
                let prev = by_range.insert(raw.range, i);
                debug_assert!(
                    prev.is_none_or(|p| p == 0),
                    "two scopes share the range {:?}",
                    raw.range
                );
            }
            scopes.push(Scope {
                kind: raw.kind,
                name: raw.name,
                range: raw.range,
                symbols,
                varnames,
                argcount: raw.argcount,
                posonlyargcount: raw.posonlyargcount,
                kwonlyargcount: raw.kwonlyargcount,
                has_varargs: raw.has_varargs,
                has_varkeywords: raw.has_varkeywords,
                cellvars,
                freevars,
                is_generator: raw.is_generator,
                is_coroutine: raw.is_coroutine,
                children,
                private: raw.private,
            });
        }
        SymbolTable { scopes, by_range }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
    use ruff_python_ast::{Expr, Stmt};

    fn table(src: &str) -> SymbolTable {
        let parsed = ruff_python_parser::parse_module(src).expect("parse error");
        match build(parsed.syntax()) {
            Ok(t) => t,
            Err(e) => panic!("unexpected symtable error: {} at {:?}", e.message, e.range),
        }
    }

    fn err(src: &str) -> SymtableError {
        let parsed = ruff_python_parser::parse_module(src).expect("parse error");
        build(parsed.syntax()).expect_err("expected a symtable error")
    }

    /// Error message and the source text its range covers.
    fn err_at(src: &str) -> (String, String) {
        let e = err(src);
        let text = src[usize::from(e.range.start())..usize::from(e.range.end())].to_owned();
        (e.message, text)
    }

    /// The first scope (pre-order) with this name.
    fn scope<'a>(t: &'a SymbolTable, name: &str) -> &'a Scope {
        t.scopes
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no scope {name}"))
    }

    fn sym(s: &Scope, name: &str) -> SymScope {
        *s.symbols
            .get(name)
            .unwrap_or_else(|| panic!("no symbol {name} in {}", s.name))
    }

    use SymScope::{Cell, Free, GlobalExplicit as GE, GlobalImplicit as GI, Local};

    #[test]
    fn module_names_are_global_implicit() {
        let t = table("import os\nx = 1\nprint(x, y)\ndef f(): pass\nclass C: pass\n");
        let m = &t.scopes[0];
        assert_eq!(m.kind, ScopeKind::Module);
        assert_eq!(m.name, "<module>");
        for n in ["os", "x", "print", "y", "f", "C"] {
            assert_eq!(sym(m, n), GI, "{n}");
        }
        assert!(m.varnames.is_empty() && m.cellvars.is_empty() && m.freevars.is_empty());
    }

    #[test]
    fn function_locals_and_globals() {
        let t = table("def f(a):\n    b = a\n    c: int\n    (d): int\n    return e, len(b)\n");
        let f = scope(&t, "f");
        assert_eq!(sym(f, "a"), Local);
        assert_eq!(sym(f, "b"), Local);
        assert_eq!(sym(f, "c"), Local, "`c: int` alone binds c");
        assert_eq!(sym(f, "int"), GI);
        assert!(
            !f.symbols.contains_key("d"),
            "a parenthesized annotated target is not bound"
        );
        assert_eq!(sym(f, "e"), GI);
        assert_eq!(sym(f, "len"), GI);
        assert_eq!(f.varnames, ["a", "b", "c"]);
    }

    #[test]
    fn closures_three_levels_deep() {
        let src = "def a():\n    x = 1\n    def b():\n        def c():\n            def d():\n                return x\n            return d\n        return c\n    return b\n";
        let t = table(src);
        assert_eq!(sym(scope(&t, "a"), "x"), Cell);
        assert_eq!(scope(&t, "a").cellvars, ["x"]);
        for n in ["b", "c", "d"] {
            assert_eq!(sym(scope(&t, n), "x"), Free, "{n}");
            assert_eq!(scope(&t, n).freevars, ["x"], "{n}");
            assert!(scope(&t, n).cellvars.is_empty());
        }
        assert_eq!(scope(&t, "a").varnames, ["x", "b"]);
    }

    #[test]
    fn class_scope_is_invisible_to_methods() {
        let t = table("class C:\n    x = 1\n    y = x\n    def m(self):\n        return x\n");
        let c = scope(&t, "C");
        assert_eq!(sym(c, "x"), Local);
        assert_eq!(sym(c, "m"), Local);
        assert_eq!(sym(scope(&t, "m"), "x"), GI);
        assert!(c.cellvars.is_empty() && c.freevars.is_empty() && c.varnames.is_empty());
    }

    #[test]
    fn super_creates_class_cell() {
        let t = table("class C(B):\n    def m(self):\n        return super().m()\n    def n(self):\n        return __class__\n    def o(self):\n        return 1\n");
        let c = scope(&t, "C");
        assert_eq!(c.cellvars, ["__class__"]);
        assert!(!c.symbols.contains_key("__class__"));
        for n in ["m", "n"] {
            let s = scope(&t, n);
            assert_eq!(sym(s, "__class__"), Free);
            assert_eq!(s.freevars, ["__class__"]);
        }
        assert_eq!(sym(scope(&t, "m"), "super"), GI);
        assert!(scope(&t, "o").freevars.is_empty());
    }

    #[test]
    fn super_without_class_is_global() {
        let t = table("def f():\n    return super()\n");
        let f = scope(&t, "f");
        assert_eq!(sym(f, "__class__"), GI);
        assert!(f.freevars.is_empty());
    }

    #[test]
    fn super_in_nested_lambda_and_comprehension_passes_through() {
        let t = table("class C:\n    def m(self):\n        f = lambda: super()\n        return [super() for _ in ()]\n");
        assert_eq!(scope(&t, "C").cellvars, ["__class__"]);
        assert_eq!(scope(&t, "m").freevars, ["__class__"]);
        assert_eq!(scope(&t, "<lambda>").freevars, ["__class__"]);
        assert_eq!(scope(&t, "<listcomp>").freevars, ["__class__"]);
    }

    #[test]
    fn class_bound_name_captured_from_function_is_class_freevar() {
        let src = "def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self):\n            return x\n    return C\n";
        let t = table(src);
        let c = scope(&t, "C");
        assert_eq!(sym(c, "x"), Local);
        assert_eq!(c.freevars, ["x"]);
        assert_eq!(sym(scope(&t, "f"), "x"), Cell);
        assert_eq!(sym(scope(&t, "g"), "x"), Free);
    }

    #[test]
    fn varnames_and_argument_counts() {
        let t = table(
            "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    z = 1\n    y = 2\n    return a\n",
        );
        let f = scope(&t, "f");
        assert_eq!(
            f.varnames,
            ["a", "b", "c", "d", "e", "args", "kw", "z", "y"]
        );
        assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (3, 2, 2));
        assert!(f.has_varargs && f.has_varkeywords);
        let t = table("def g(*, k): pass\nlambda *a: a\n");
        let g = scope(&t, "g");
        assert_eq!((g.argcount, g.kwonlyargcount, g.has_varargs), (0, 1, false));
        let l = scope(&t, "<lambda>");
        assert_eq!(
            (l.argcount, l.has_varargs, l.varnames.clone()),
            (0, true, vec!["a".to_owned()])
        );
    }

    #[test]
    fn varnames_follow_compilation_order() {
        let t = table("def f():\n    del q\n    for i in s:\n        pass\n    s = 1\n    x = y = z\n    with m as w: pass\n");
        assert_eq!(scope(&t, "f").varnames, ["q", "s", "i", "x", "y", "w"]);
        let t = table("def outer():\n    def f(a: A, /, b: B): pass\n    A = B = 1\n");
        assert_eq!(scope(&t, "outer").varnames, ["B", "A", "f"]);
        let t = table("def f():\n    try:\n        a = 1\n    except E as e:\n        b = 2\n    else:\n        c = 3\n");
        assert_eq!(scope(&t, "f").varnames, ["a", "c", "e", "b"]);
    }

    #[test]
    fn annotations_do_not_order_varnames_in_functions() {
        let t = table("def f():\n    b: T\n    a = 1\n    b = 2\n    T = 3\n    c: int\n");
        let f = scope(&t, "f");
        assert_eq!(f.varnames, ["a", "b", "T", "c"], "bare annotations go last");
        assert_eq!(sym(f, "c"), Local);
    }

    #[test]
    fn cellvars_list_parameters_first() {
        let t = table("def f(b, a):\n    z = 1\n    c = 2\n    return lambda: (a, b, c, z)\n");
        let f = scope(&t, "f");
        assert_eq!(f.cellvars, ["b", "a", "c", "z"]);
        assert_eq!(scope(&t, "<lambda>").freevars, ["a", "b", "c", "z"]);
    }

    #[test]
    fn defaults_annotations_decorators_use_enclosing_scope() {
        let src = "def outer():\n    dec = d = T = R = 0\n    @dec\n    def g(x: T = d, *, k=d) -> R:\n        return x\n    return lambda n=d: n\n";
        let t = table(src);
        let o = scope(&t, "outer");
        for n in ["dec", "d", "T", "R", "g"] {
            assert_eq!(sym(o, n), Local, "{n}");
        }
        assert!(o.cellvars.is_empty());
        let g = scope(&t, "g");
        assert_eq!(g.symbols.len(), 2, "{:?}", g.symbols);
        let l = scope(&t, "<lambda>");
        assert_eq!(sym(l, "n"), Local);
        assert!(!l.symbols.contains_key("d"));
    }

    #[test]
    fn lambda_captures_and_defaults() {
        let t = table("def make(n):\n    fs = [lambda x, n=n: x + n for n in range(3)]\n    return lambda: n\n");
        let m = scope(&t, "make");
        assert_eq!(sym(m, "n"), Cell);
        let comp = scope(&t, "<listcomp>");
        assert_eq!(sym(comp, "n"), Local, "n is the comprehension's own target");
        let lambdas: Vec<&Scope> = t
            .scopes
            .iter()
            .filter(|s| s.kind == ScopeKind::Lambda)
            .collect();
        assert_eq!(lambdas.len(), 2);
        assert_eq!(sym(lambdas[0], "n"), Local);
        assert_eq!(lambdas[0].varnames, ["x", "n"]);
        assert_eq!(sym(lambdas[1], "n"), Free);
    }

    #[test]
    fn class_bases_and_keywords_use_enclosing_scope() {
        let t = table(
            "def f():\n    B = M = 1\n    class C(B, metaclass=M):\n        pass\n    return C\n",
        );
        let f = scope(&t, "f");
        assert_eq!(
            (sym(f, "B"), sym(f, "M"), sym(f, "C")),
            (Local, Local, Local)
        );
        assert!(scope(&t, "C").symbols.is_empty());
    }

    #[test]
    fn comprehension_scopes() {
        let src = "def f(xs, ys):\n    a = [x for x in xs]\n    b = {x for x in xs}\n    c = {k: v for k, v in xs}\n    d = (x for x in xs for y in ys)\n";
        let t = table(src);
        let f = scope(&t, "f");
        assert_eq!(sym(f, "xs"), Local, "first iterable is evaluated in f");
        assert_eq!(
            sym(f, "ys"),
            Cell,
            "later iterables are evaluated in the comprehension"
        );
        let names: Vec<&str> = f
            .children
            .iter()
            .map(|&i| t.scopes[i].name.as_str())
            .collect();
        assert_eq!(
            names,
            ["<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"]
        );
        for &i in &f.children {
            let s = &t.scopes[i];
            assert_eq!(s.kind, ScopeKind::Comprehension);
            assert_eq!(s.varnames[0], ".0");
            assert_eq!(s.argcount, 1);
            assert_eq!(s.is_generator, s.name == "<genexpr>");
            assert!(!s.symbols.contains_key("xs"));
        }
        assert_eq!(scope(&t, "<dictcomp>").varnames, [".0", "k", "v"]);
        assert_eq!(sym(scope(&t, "<genexpr>"), "ys"), Free);
    }

    #[test]
    fn walrus_in_comprehension_binds_in_function() {
        let t = table("def f(xs):\n    ys = [(last := x) for x in xs]\n    return last\n");
        let f = scope(&t, "f");
        assert_eq!(sym(f, "last"), Cell);
        assert_eq!(f.cellvars, ["last"]);
        let c = scope(&t, "<listcomp>");
        assert_eq!(sym(c, "last"), Free);
        assert_eq!(c.freevars, ["last"]);
        assert!(!c.varnames.contains(&"last".to_owned()));
    }

    #[test]
    fn walrus_in_module_comprehension_is_global() {
        let t = table("[(y := 1) for _ in r]\n");
        assert_eq!(sym(&t.scopes[0], "y"), GE);
        assert_eq!(sym(scope(&t, "<listcomp>"), "y"), GE);
    }

    #[test]
    fn walrus_in_nested_comprehensions_passes_through() {
        let t = table("def f(xs):\n    return [[(w := a * b) for b in xs] for a in xs], w\n");
        assert_eq!(sym(scope(&t, "f"), "w"), Cell);
        let comps: Vec<&Scope> = t.scopes.iter().filter(|s| s.name == "<listcomp>").collect();
        assert_eq!(comps.len(), 2);
        assert_eq!(
            sym(comps[0], "w"),
            Free,
            "outer comprehension passes w through"
        );
        assert_eq!(sym(comps[1], "w"), Free);
        assert_eq!(sym(comps[1], "a"), Free);
        assert_eq!(sym(comps[0], "a"), Cell);
        assert_eq!(sym(comps[0], "xs"), Free);
    }

    #[test]
    fn walrus_outside_comprehension_is_plain_binding() {
        let t = table("def f():\n    if (n := 10) > 5:\n        return n\n");
        assert_eq!(sym(scope(&t, "f"), "n"), Local);
    }

    #[test]
    fn walrus_errors() {
        assert_eq!(
            err_at("[(x := 1) for x in r]\n"),
            (
                "assignment expression cannot rebind comprehension iteration variable 'x'".into(),
                "x".into()
            )
        );
        assert_eq!(
            err_at("class C:\n    [(y := 1) for _ in r]\n"),
            (
                "assignment expression within a comprehension cannot be used in a class body"
                    .into(),
                "y".into()
            )
        );
        assert_eq!(
            err_at("[x for x in (y := r)]\n"),
            (
                "assignment expression cannot be used in a comprehension iterable expression"
                    .into(),
                "y := r".into()
            )
        );
        assert_eq!(
            err("[x for x in (lambda: (y := 1))()]\n").message,
            "assignment expression cannot be used in a comprehension iterable expression"
        );
        assert_eq!(
            err_at("[i for i in range(5) if (j := 0) for j in range(5)]\n"),
            (
                "comprehension inner loop cannot rebind assignment expression target 'j'".into(),
                "j".into()
            )
        );
        assert_eq!(
            err("def f():\n    [[(x := 1) for y in r] for x in s]\n").message,
            "assignment expression cannot rebind comprehension iteration variable 'x'"
        );
    }

    #[test]
    fn global_declarations() {
        let t = table("def f():\n    global x\n    x = 1\n    def g():\n        return x\n");
        assert_eq!(sym(scope(&t, "f"), "x"), GE);
        assert_eq!(sym(scope(&t, "g"), "x"), GI);
        assert_eq!(
            sym(&t.scopes[0], "x"),
            GE,
            "CPython records the declaration at module level"
        );
        let t = table("def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            return x\n");
        assert_eq!(sym(scope(&t, "f"), "x"), Local);
        assert_eq!(sym(scope(&t, "h"), "x"), GI);
        let t = table("class C:\n    global z\n    z = 1\n");
        assert_eq!(sym(scope(&t, "C"), "z"), GE);
    }

    #[test]
    fn global_errors() {
        let cases = [
            (
                "def f(a):\n    global a\n",
                "name 'a' is parameter and global",
                "global a",
            ),
            (
                "def f():\n    print(x)\n    global x\n",
                "name 'x' is used prior to global declaration",
                "global x",
            ),
            (
                "def f():\n    x = 1\n    global x\n",
                "name 'x' is assigned to before global declaration",
                "global x",
            ),
            (
                "def f():\n    x += 1\n    global x\n",
                "name 'x' is assigned to before global declaration",
                "global x",
            ),
            (
                "x = 1\nglobal x\n",
                "name 'x' is assigned to before global declaration",
                "global x",
            ),
            (
                "def f():\n    x: int\n    global x\n",
                "annotated name 'x' can't be global",
                "global x",
            ),
            (
                "def f():\n    global x\n    x: int = 1\n",
                "annotated name 'x' can't be global",
                "x: int = 1",
            ),
        ];
        for (src, msg, text) in cases {
            assert_eq!(err_at(src), (msg.to_owned(), text.to_owned()), "{src}");
        }
        assert!(table("global x\nx: int = 1\n").scopes[0]
            .symbols
            .contains_key("x"));
        assert!(
            table("def f():\n    import os\n    global os\n")
                .scopes
                .len()
                == 2
        );
    }

    #[test]
    fn nonlocal_declarations_and_errors() {
        let t = table(
            "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    return g\n",
        );
        assert_eq!(sym(scope(&t, "f"), "x"), Cell);
        assert_eq!(sym(scope(&t, "g"), "x"), Free);
        assert!(!scope(&t, "g").varnames.contains(&"x".to_owned()));
        let cases = [
            (
                "nonlocal x\n",
                "nonlocal declaration not allowed at module level",
                "nonlocal x",
            ),
            (
                "def f():\n    nonlocal x\n",
                "no binding for nonlocal 'x' found",
                "nonlocal x",
            ),
            (
                "x = 1\ndef f():\n    nonlocal x\n",
                "no binding for nonlocal 'x' found",
                "nonlocal x",
            ),
            (
                "class C:\n    nonlocal x\n",
                "no binding for nonlocal 'x' found",
                "nonlocal x",
            ),
            (
                "def f():\n    class C:\n        x = 1\n        def g():\n            nonlocal x\n",
                "no binding for nonlocal 'x' found",
                "nonlocal x",
            ),
            (
                "def f(a):\n    def g(a):\n        nonlocal a\n",
                "name 'a' is parameter and nonlocal",
                "nonlocal a",
            ),
            (
                "def g():\n    x = 1\n    def f():\n        nonlocal x\n        global x\n",
                "name 'x' is nonlocal and global",
                "nonlocal x",
            ),
            (
                "def g():\n    x = 1\n    def f():\n        x = 2\n        nonlocal x\n",
                "name 'x' is assigned to before nonlocal declaration",
                "nonlocal x",
            ),
        ];
        for (src, msg, text) in cases {
            assert_eq!(err_at(src), (msg.to_owned(), text.to_owned()), "{src}");
        }
    }

    #[test]
    fn imports() {
        let t = table("def f():\n    import a.b.c\n    import d.e as g\n    from h import i, j as k\n    return a, g, i, k\nfrom os import *\n");
        let f = scope(&t, "f");
        assert_eq!(f.varnames, ["a", "g", "i", "k"]);
        assert!(!f.symbols.contains_key("d") && !f.symbols.contains_key("j"));
        assert_eq!(
            err_at("def f():\n    from m import *\n"),
            ("import * only allowed at module level".into(), "*".into())
        );
        assert_eq!(
            err("class C:\n    from m import *\n").message,
            "import * only allowed at module level"
        );
    }

    #[test]
    fn match_captures() {
        let src = "def m(p):\n    match p:\n        case [a, *rest]: pass\n        case {\"k\": v, **kw}: pass\n        case Point(1, x=px) as pt: pass\n        case (1 | 2) as one: pass\n        case str(s) if s: pass\n        case K.V: pass\n        case _: pass\n";
        let t = table(src);
        let m = scope(&t, "m");
        assert_eq!(
            m.varnames,
            ["p", "a", "rest", "v", "kw", "px", "pt", "one", "s"]
        );
        for n in ["Point", "str", "K"] {
            assert_eq!(sym(m, n), GI);
        }
        assert!(!m.symbols.contains_key("_"));
    }

    #[test]
    fn other_binding_forms() {
        let src = "def f():\n    try:\n        pass\n    except E as err:\n        pass\n    with open() as (fa, [fb, *fc]):\n        pass\n    for (i, j) in x:\n        pass\n    del gone\n    o.attr = 1\n    o[k] = 2\n    cnt += 1\n    def inner(): pass\n    class K: pass\n";
        let t = table(src);
        let f = scope(&t, "f");
        for n in [
            "err", "fa", "fb", "fc", "i", "j", "gone", "cnt", "inner", "K",
        ] {
            assert_eq!(sym(f, n), Local, "{n}");
        }
        for n in ["E", "open", "x", "o", "k"] {
            assert_eq!(sym(f, n), GI, "{n}");
        }
    }

    #[test]
    fn generator_and_coroutine_flags() {
        let src = "def g1(): yield\ndef g2(): x = yield from y\ndef n():\n    def inner(): yield\n    return (i for i in [])\nasync def c(): await z\nasync def ag(): yield 1\nasync def ac(): return [i async for i in y]\nl = lambda: (yield)\n";
        let t = table(src);
        let flags = |n: &str| (scope(&t, n).is_generator, scope(&t, n).is_coroutine);
        assert_eq!(flags("g1"), (true, false));
        assert_eq!(flags("g2"), (true, false));
        assert_eq!(flags("n"), (false, false));
        assert_eq!(flags("inner"), (true, false));
        assert_eq!(flags("<genexpr>"), (true, false));
        assert_eq!(flags("c"), (false, true));
        assert_eq!(flags("ag"), (true, true));
        assert_eq!(flags("ac"), (false, true));
        assert_eq!(flags("<listcomp>"), (false, true));
        assert_eq!(flags("<lambda>"), (true, false));
    }

    #[test]
    fn yield_in_comprehension_errors() {
        let cases = [
            (
                "def f():\n    [(yield) for x in y]\n",
                "'yield' inside list comprehension",
            ),
            (
                "def f():\n    {(yield) for x in y}\n",
                "'yield' inside set comprehension",
            ),
            (
                "def f():\n    {x: (yield) for x in y}\n",
                "'yield' inside dict comprehension",
            ),
            (
                "def f():\n    ((yield from z) for x in y)\n",
                "'yield' inside generator expression",
            ),
        ];
        for (src, msg) in cases {
            assert_eq!(err(src).message, msg, "{src}");
        }
        assert_eq!(err_at("((yield) for x in y)\n").1, "yield");
    }

    #[test]
    fn compiler_phase_errors_are_deferred() {
        assert_eq!(
            err_at("x = 1\nyield x\n"),
            ("'yield' outside function".into(), "yield x".into())
        );
        assert_eq!(
            err("class C:\n    yield 1\n").message,
            "'yield' outside function"
        );
        assert_eq!(err("await x\n").message, "'await' outside function");
        assert_eq!(
            err("def f():\n    await x\n").message,
            "'await' outside async function"
        );
        assert_eq!(
            err("lambda: await x\n").message,
            "'await' outside async function"
        );
        // A genuine symbol-table error wins, as in CPython.
        assert_eq!(
            err("yield 1\nnonlocal q\n").message,
            "nonlocal declaration not allowed at module level"
        );
        // Fine: awaits in async functions and async generator expressions.
        table("async def f():\n    await x\n    return [await y for y in z]\ndef g():\n    return (await y for y in z)\n");
    }

    #[test]
    fn duplicate_arguments() {
        assert_eq!(
            err_at("def f(a, b, *, a): pass\n"),
            (
                "duplicate argument 'a' in function definition".into(),
                "a".into()
            )
        );
        assert_eq!(
            err("lambda a, a: 1\n").message,
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            err_at("def f(a, *, b, **a: int): pass\n"),
            (
                "duplicate argument 'a' in function definition".into(),
                "a: int".into()
            )
        );
    }

    #[test]
    fn type_parameters_rejected() {
        let msg = "type parameter lists are not supported in Python 3.11";
        assert_eq!(err("def f[T](x: T): pass\n").message, msg);
        assert_eq!(err("class C[T]: pass\n").message, msg);
        assert_eq!(
            err("type X = int\n").message,
            "type alias statements are not supported in Python 3.11"
        );
    }

    #[test]
    fn name_mangling() {
        let src = "class A:\n    __a = 1\n    def m(self, __p):\n        __x = __p\n        global __g\n        return __x, __init__\nclass _:\n    __y = 1\n";
        let t = table(src);
        let a = scope(&t, "A");
        assert_eq!(sym(a, "_A__a"), Local);
        let m = scope(&t, "m");
        assert_eq!(m.private.as_deref(), Some("A"));
        assert_eq!(m.varnames, ["self", "_A__p", "_A__x"]);
        assert_eq!(m.scope_of("__x"), Some(Local));
        assert_eq!(m.scope_of("__g"), Some(GE));
        assert_eq!(sym(m, "__init__"), GI);
        assert_eq!(sym(&t.scopes[0], "_A__g"), GE);
        assert_eq!(sym(scope(&t, "_"), "__y"), Local);
        assert_eq!(mangle(Some("__Foo"), "__bar"), "_Foo__bar");
        assert_eq!(mangle(Some("Foo"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__bar"), "__bar");
    }

    #[test]
    fn fstrings_are_visited() {
        let t = table("def f(w):\n    v = 1\n    return lambda: f\"{v:{w}} {g!r}\"\n");
        assert_eq!(scope(&t, "f").cellvars, ["w", "v"]);
        assert_eq!(sym(scope(&t, "<lambda>"), "g"), GI);
    }

    #[test]
    fn children_in_source_order() {
        let t = table("def f():\n    @(lambda g: g)\n    def g(a=lambda: 1): pass\n    x = [y for y in (lambda: 2)()]\n    class C: pass\n");
        let f = scope(&t, "f");
        let starts: Vec<_> = f
            .children
            .iter()
            .map(|&i| t.scopes[i].range.start())
            .collect();
        let mut sorted = starts.clone();
        sorted.sort();
        assert_eq!(starts, sorted);
        assert_eq!(f.children.len(), 6);
        assert_eq!(t.scopes[0].children.len(), 1);
    }

    /// Collects the range and expected name of every scope-creating node.
    struct ScopeNodes(Vec<(TextRange, &'static str, String)>);

    impl<'a> Visitor<'a> for ScopeNodes {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::FunctionDef(f) => self.0.push((f.range, "def", f.name.to_string())),
                Stmt::ClassDef(c) => self.0.push((c.range, "class", c.name.to_string())),
                _ => {}
            }
            walk_stmt(self, stmt);
        }

        fn visit_expr(&mut self, expr: &'a Expr) {
            let name = match expr {
                Expr::Lambda(_) => "<lambda>",
                Expr::ListComp(_) => "<listcomp>",
                Expr::SetComp(_) => "<setcomp>",
                Expr::DictComp(_) => "<dictcomp>",
                Expr::Generator(_) => "<genexpr>",
                _ => "",
            };
            if !name.is_empty() {
                self.0.push((expr.range(), "expr", name.to_owned()));
            }
            walk_expr(self, expr);
        }
    }

    #[test]
    fn every_scope_node_has_a_unique_range() {
        let src = "f(x for x in y)\n[[[z for z in w] for w in v] for v in u]\nlambda: lambda: lambda: (a for a in b)\n{k: {j for j in k} for k in l}\nf(lambda: 1 for _ in y)\n@(lambda d: d)\ndef g(p=lambda: [q for q in ()]):\n    class K:\n        h = (lambda: {r: s for r, s in ()})\n    return ((t for t in u) for u in v)\n";
        let parsed = ruff_python_parser::parse_module(src).expect("parse");
        let t = build(parsed.syntax()).expect("symtable");
        let mut nodes = ScopeNodes(Vec::new());
        for s in &parsed.syntax().body {
            nodes.visit_stmt(s);
        }
        assert_eq!(nodes.0.len() + 1, t.scopes.len());
        let mut seen = HashSet::new();
        for (range, _, name) in &nodes.0 {
            assert!(seen.insert(*range), "duplicate range {range:?}");
            let s = t
                .lookup(*range)
                .unwrap_or_else(|| panic!("no scope for {name} at {range:?}"));
            assert_eq!(&s.name, name);
            assert_eq!(s.range, *range);
            assert_eq!(t.scopes[t.index_of(*range).unwrap()].range, *range);
        }
        assert_eq!(t.index_of(parsed.syntax().range), Some(0));
    }

    #[test]
    fn recursion_limit() {
        let run = |n: usize| {
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || {
                    let src = format!("1{}\n", "+1".repeat(n));
                    let parsed = ruff_python_parser::parse_module(&src).expect("parse");
                    build(parsed.syntax()).map(|_| ()).map_err(|e| e.message)
                })
                .expect("spawn")
                .join()
                .expect("join")
        };
        assert_eq!(run(2990), Ok(()));
        assert_eq!(
            run(3100),
            Err("maximum recursion depth exceeded during compilation".to_owned())
        );
    }
}
