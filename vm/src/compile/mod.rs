//! The bytecode compiler: Python source -> a tree of [`CodeUnit`]s (one per scope).
//!
//! Pipeline: `ruff_python_parser` (target 3.11; its errors are mapped to CPython's messages),
//! [`symtable`] (scope resolution), then code generation (`stmt.rs`, `expr.rs`, `pattern.rs`) into
//! the per-code-object emitter (`unit.rs`), which resolves jumps, computes `max_stack` by flow
//! analysis, drops unreachable code and builds the line and exception tables.
//!
//! The compiler is pure Rust: constants are [`Const`] values and nested code objects are
//! `Const::Code`; the VM turns a `CodeUnit` tree into runtime `Code` objects.

pub mod symtable;

mod expr;
mod literals;
mod pattern;
mod stmt;
mod unit;

use std::fmt::Write as _;

use num_bigint::BigInt;
use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Mod, ModModule, PythonVersion, Stmt};
use ruff_python_parser::{
    InterpolatedStringErrorType as FErr, LexicalErrorType as LexErr, Mode, ParseError,
    ParseErrorType as PErr, ParseOptions, UnsupportedSyntaxError,
    UnsupportedSyntaxErrorKind as Uns,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::bytecode::{BinOp, CmpOp, Op};

/// A compile-time constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// (real, imag)
    Complex(f64, f64),
    Str(String),
    /// A str literal with lone surrogates (`"\udcff"`), as code points (see `text::wide`).
    WStr(Vec<u32>),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Const>),
    /// A frozenset constant (set displays of more than two constants, `x in {consts}`, `for x in {consts}`).
    FrozenSet(Vec<Const>),
    Code(Box<CodeUnit>),
}

/// One compiled code object (module, class body, function, lambda or comprehension).
#[derive(Debug, Clone, PartialEq)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `bytecode::flags` bits.
    pub flags: u32,
    pub instrs: Vec<crate::bytecode::Instr>,
    /// (first instruction index, line), increasing, one entry per line change.
    pub lines: Vec<(u32, u32)>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cellvar, the index of the parameter whose value moves into the cell.
    pub cell2arg: Vec<Option<u32>>,
    /// Disjoint ranges (each instruction is in at most one entry).
    pub exc_table: Vec<crate::bytecode::ExcEntry>,
    pub max_stack: u32,
    pub docstring: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A compile error, located like CPython's `SyntaxError` (1-based line and column; `end_*` point
/// just past the offending text).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub line: u32,
    /// 1-based, in characters.
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// The offending source line, with its newline (like `SyntaxError.text`).
    pub text: Option<String>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (line {})", self.kind.name(), self.msg, self.line)
    }
}

impl std::error::Error for CompileError {}

/// Source text with a line index (for locations).
pub(crate) struct SourceInfo<'a> {
    src: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> SourceInfo<'a> {
    fn new(src: &'a str) -> SourceInfo<'a> {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceInfo { src, line_starts }
    }

    /// 1-based line of a byte offset.
    fn line_of(&self, pos: TextSize) -> u32 {
        let p = u32::from(pos);
        match self.line_starts.binary_search(&p) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn line_start(&self, line: u32) -> usize {
        self.line_starts[(line as usize - 1).min(self.line_starts.len() - 1)] as usize
    }

    /// 1-based character column of a byte offset.
    fn col_of(&self, pos: TextSize) -> u32 {
        let p = (u32::from(pos) as usize).min(self.src.len());
        let start = self.line_start(self.line_of(pos)).min(p);
        self.src
            .get(start..p)
            .map_or(p - start, |s| s.chars().count()) as u32
            + 1
    }

    fn line_text(&self, line: u32) -> Option<String> {
        let start = self.line_start(line);
        if start > self.src.len() || (start == self.src.len() && line as usize > 1) {
            return None;
        }
        let end = self.src[start..]
            .find('\n')
            .map_or(self.src.len(), |i| start + i + 1);
        Some(self.src[start..end].to_owned())
    }

    fn text(&self, range: TextRange) -> &'a str {
        self.src
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("")
    }

    fn error(&self, kind: ErrorKind, msg: String, range: TextRange) -> CompileError {
        let line = self.line_of(range.start());
        CompileError {
            kind,
            msg,
            line,
            col: self.col_of(range.start()),
            end_line: self.line_of(range.end()),
            end_col: self.col_of(range.end()),
            text: self.line_text(line),
        }
    }

    fn syntax_error(&self, msg: String, range: TextRange) -> CompileError {
        self.error(ErrorKind::SyntaxError, msg, range)
    }
}

fn parse_options(mode: Mode) -> ParseOptions {
    ParseOptions::from(mode).with_target_version(PythonVersion::PY311)
}

/// Compiles a module (mode "exec").
pub fn compile_module(source: &str, filename: &str) -> Result<CodeUnit, CompileError> {
    let _ = filename;
    let _lit = literals::SourceGuard::set(source);
    let src = SourceInfo::new(source);
    let parsed = ruff_python_parser::parse_unchecked(source, parse_options(Mode::Module));
    check_parse(
        &src,
        parsed.syntax(),
        parsed.tokens(),
        parsed.errors(),
        parsed.unsupported_syntax_errors(),
    )?;
    let Mod::Module(module) = parsed.syntax() else {
        return Err(src.syntax_error("invalid syntax".into(), TextRange::default()));
    };
    let st = symtable::build(module).map_err(|e| src.syntax_error(e.message, e.range))?;
    let mut c = unit::Compiler::new(&st, &src);
    c.compile_module_body(&module.body)?;
    Ok(c.cur.u.finish())
}

/// Compiles a single expression (mode "eval"): the code returns its value.
pub fn compile_eval(source: &str, filename: &str) -> Result<CodeUnit, CompileError> {
    let _ = filename;
    let _lit = literals::SourceGuard::set(source);
    let src = SourceInfo::new(source);
    let parsed = ruff_python_parser::parse_unchecked(source, parse_options(Mode::Expression));
    check_parse(
        &src,
        parsed.syntax(),
        parsed.tokens(),
        parsed.errors(),
        parsed.unsupported_syntax_errors(),
    )?;
    let Mod::Expression(e) = parsed.into_syntax() else {
        return Err(src.syntax_error("invalid syntax".into(), TextRange::default()));
    };
    let range = e.body.range();
    // The symbol table works on modules: wrap the expression in an expression statement.
    let module = ModModule {
        node_index: Default::default(),
        range,
        body: vec![Stmt::Expr(ast::StmtExpr {
            node_index: Default::default(),
            range,
            value: e.body,
        })]
        .into(),
    };
    let st = symtable::build(&module).map_err(|e| src.syntax_error(e.message, e.range))?;
    let Stmt::Expr(body) = &module.body[0] else {
        unreachable!()
    };
    let mut c = unit::Compiler::new(&st, &src);
    c.set_line(&*body.value);
    c.expr(&body.value)?;
    c.op(Op::ReturnValue);
    Ok(c.cur.u.finish())
}

// ====================================================================== syntax errors

/// CPython's `_PyPegen_get_expr_name`: how an expression is named in error messages.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// Finds the expression with exactly `range` and the innermost assignment statement around it.
struct Finder<'a> {
    range: TextRange,
    found: Option<&'a Expr>,
    assign: Option<&'a ast::StmtAssign>,
    stmt_before: Option<&'a Stmt>,
    /// The outermost expression among those ending last before `range`.
    prev_expr: Option<&'a Expr>,
}

impl<'a> Visitor<'a> for Finder<'a> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if s.end() <= self.range.start() {
            self.stmt_before = Some(s);
        }
        if s.range().contains_range(self.range) {
            if let Stmt::Assign(a) = s {
                self.assign = Some(a);
            }
        }
        visitor::walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if self.found.is_none() && e.range() == self.range {
            self.found = Some(e);
        }
        if e.end() <= self.range.start() {
            let better = match self.prev_expr {
                None => true,
                Some(p) => e.end() > p.end() || (e.end() == p.end() && e.start() < p.start()),
            };
            if better {
                self.prev_expr = Some(e);
            }
        }
        visitor::walk_expr(self, e);
    }
}

/// Whether CPython's `invalid_named_expression` rule applies (adds "here. Maybe you meant '=='...").
fn maybe_equality_hint(target: &Expr, assign: &ast::StmtAssign, src: &SourceInfo) -> bool {
    if assign.targets.len() != 1 {
        return false;
    }
    let first = &assign.targets[0];
    let in_place = first.range() == target.range()
        || matches!(first, Expr::Tuple(t) if !t.parenthesized && t.elts.last().is_some_and(|l| l.range() == target.range()));
    if !in_place {
        return false;
    }
    let parenthesized = src.src[..target.start().to_usize()]
        .trim_end()
        .ends_with('(');
    match target {
        Expr::Compare(_)
        | Expr::BoolOp(_)
        | Expr::If(_)
        | Expr::Lambda(_)
        | Expr::Named(_)
        | Expr::Starred(_) => false,
        Expr::UnaryOp(u) => u.op != ast::UnaryOp::Not,
        Expr::Yield(_) | Expr::YieldFrom(_) => parenthesized,
        Expr::List(_)
        | Expr::Tuple(_)
        | Expr::Generator(_)
        | Expr::NoneLiteral(_)
        | Expr::BooleanLiteral(_) => false,
        _ => true,
    }
}

/// A tokenizer-level error found by [`scan`].
struct TokError {
    pos: usize,
    kind: ErrorKind,
    msg: String,
    col: Option<u32>,
}

impl TokError {
    /// Errors ruff does not report at all (so they apply even when the parse succeeded).
    fn always(&self) -> bool {
        self.kind == ErrorKind::TabError || self.msg.starts_with("too many")
    }
}

struct ScanResult {
    error: Option<TokError>,
    /// Brackets still open at the end of the source: (char, byte offset).
    open: Vec<(char, usize)>,
    /// Byte offsets where logical lines start.
    logical_starts: Vec<usize>,
}

/// A light re-implementation of CPython 3.11's tokenizer checks that ruff does not report the same
/// way: indentation consistency (TabError), bracket matching, unterminated strings.
fn scan(src: &str) -> ScanResult {
    let b = src.as_bytes();
    let n = b.len();
    let mut res = ScanResult {
        error: None,
        open: Vec::new(),
        logical_starts: Vec::new(),
    };
    let mut stack: Vec<(u8, usize, usize)> = Vec::new();
    let mut indents = vec![0usize];
    let mut alt = vec![0usize];
    let mut i = 0;
    let mut line = 1usize;
    let mut line_start = true;
    let mut ident_start: Option<usize> = None;
    let fail = |res: &mut ScanResult, pos, kind, msg: String, col| {
        if res.error.is_none() {
            res.error = Some(TokError {
                pos,
                kind,
                msg,
                col,
            });
        }
    };
    while i < n {
        if line_start && stack.is_empty() {
            line_start = false;
            let (mut col, mut acol, mut j) = (0usize, 0usize, i);
            while j < n {
                match b[j] {
                    b' ' => {
                        col += 1;
                        acol += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        acol += 1;
                    }
                    0x0c => {
                        col = 0;
                        acol = 0;
                    }
                    _ => break,
                }
                j += 1;
            }
            let blank = j >= n
                || matches!(b[j], b'#' | b'\n' | b'\r')
                || (b[j] == b'\\' && j + 1 < n && b[j + 1] == b'\n');
            if !blank {
                let top = *indents.last().unwrap_or(&0);
                let atop = *alt.last().unwrap_or(&0);
                let tab = "inconsistent use of tabs and spaces in indentation".to_owned();
                if col == top {
                    if acol != atop {
                        fail(&mut res, i, ErrorKind::TabError, tab, Some(1));
                    }
                } else if col > top {
                    if indents.len() >= 100 {
                        let msg = "too many levels of indentation".to_owned();
                        fail(&mut res, i, ErrorKind::IndentationError, msg, None);
                    }
                    if acol <= atop {
                        fail(&mut res, i, ErrorKind::TabError, tab, Some(1));
                    }
                    indents.push(col);
                    alt.push(acol);
                } else {
                    while indents.len() > 1 && col < *indents.last().unwrap_or(&0) {
                        indents.pop();
                        alt.pop();
                    }
                    if col != *indents.last().unwrap_or(&0) {
                        let msg = "unindent does not match any outer indentation level".to_owned();
                        let width = src[i..j].chars().count() as u32;
                        fail(
                            &mut res,
                            i,
                            ErrorKind::IndentationError,
                            msg,
                            Some(width + 2),
                        );
                    } else if acol != *alt.last().unwrap_or(&0) {
                        fail(&mut res, i, ErrorKind::TabError, tab, Some(1));
                    }
                }
                res.logical_starts.push(j);
            }
            i = j;
            continue;
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < n && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\n' => {
                line += 1;
                i += 1;
                line_start = stack.is_empty();
                ident_start = None;
                continue;
            }
            b'\\' if i + 1 < n && b[i + 1] == b'\n' => {
                i += 2;
                line += 1;
                continue;
            }
            b'\\' if i + 2 < n && b[i + 1] == b'\r' && b[i + 2] == b'\n' => {
                i += 3;
                line += 1;
                continue;
            }
            b'\'' | b'"' => {
                let prefix_start = match ident_start {
                    Some(s)
                        if i - s <= 2 && src[s..i].chars().all(|ch| "rRbBfFuU".contains(ch)) =>
                    {
                        s
                    }
                    _ => i,
                };
                let triple = i + 2 < n && b[i + 1] == c && b[i + 2] == c;
                let start_line = line;
                let mut j = if triple { i + 3 } else { i + 1 };
                let mut closed = false;
                while j < n {
                    let d = b[j];
                    if d == b'\\' {
                        if j + 1 < n && b[j + 1] == b'\n' {
                            line += 1;
                        }
                        j += 2;
                        continue;
                    }
                    if d == b'\n' {
                        if !triple {
                            break;
                        }
                        line += 1;
                    }
                    if d == c && (!triple || (j + 2 < n && b[j + 1] == c && b[j + 2] == c)) {
                        j += if triple { 3 } else { 1 };
                        closed = true;
                        break;
                    }
                    j += 1;
                }
                if !closed {
                    let msg = if triple {
                        let last = src.trim_end_matches('\n').matches('\n').count() + 1;
                        format!(
                            "unterminated triple-quoted string literal (detected at line {last})"
                        )
                    } else {
                        format!("unterminated string literal (detected at line {start_line})")
                    };
                    fail(&mut res, prefix_start, ErrorKind::SyntaxError, msg, None);
                    j = j.min(n);
                }
                i = j;
                ident_start = None;
                continue;
            }
            b'(' | b'[' | b'{' => {
                if stack.len() >= 200 {
                    fail(
                        &mut res,
                        i,
                        ErrorKind::SyntaxError,
                        "too many nested parentheses".into(),
                        None,
                    );
                }
                stack.push((c, i, line));
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => fail(
                        &mut res,
                        i,
                        ErrorKind::SyntaxError,
                        format!("unmatched '{}'", c as char),
                        None,
                    ),
                    Some((o, _, oline)) if o != open => {
                        let mut msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, o as char
                        );
                        if oline != line {
                            let _ = write!(msg, " on line {oline}");
                        }
                        fail(&mut res, i, ErrorKind::SyntaxError, msg, None);
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            if ident_start.is_none() {
                ident_start = Some(i);
            }
        } else {
            ident_start = None;
        }
        i += 1;
    }
    res.open = stack.iter().map(|&(c, p, _)| (c as char, p)).collect();
    res
}

/// Turns ruff's parse errors (and version-related errors) into CPython's first `SyntaxError`.
fn check_parse(
    src: &SourceInfo,
    module: &Mod,
    tokens: &[Token],
    errors: &[ParseError],
    unsupported: &[UnsupportedSyntaxError],
) -> Result<(), CompileError> {
    let scan = scan(src.src);
    let first_parse = errors.iter().min_by_key(|e| e.location.start());
    let first_uns = unsupported
        .iter()
        .filter(|u| {
            !matches!(
                u.kind,
                Uns::ExceptStar | Uns::StarExpressionInIndex | Uns::StarAnnotation
            )
        })
        .min_by_key(|u| u.range.start());
    // Tokenizer errors come first when they are not after the parser's error.
    if let Some(te) = &scan.error {
        let before = |pos: TextSize| te.pos <= pos.to_usize();
        let applies = match (first_parse, first_uns) {
            (Some(p), _) => before(p.location.start()),
            (None, Some(u)) => te.always() || before(u.range.start()),
            (None, None) => te.always(),
        };
        if applies {
            let at = TextSize::new(te.pos as u32);
            let mut err = src.error(te.kind, te.msg.clone(), TextRange::new(at, at));
            if let Some(col) = te.col {
                err.col = col;
            }
            return Err(err);
        }
    }
    let parse_pos = first_parse.map(|p| p.location.start());
    if let Some(u) = first_uns {
        if parse_pos.is_none_or(|p| u.range.start() < p) {
            let mut range = u.range;
            if matches!(u.kind, Uns::TypeAliasStatement) {
                // CPython 3.11 fails at the alias name, after the soft keyword `type`.
                let text = src.text(u.range);
                let skip = text.len() - text.get(4..).unwrap_or("").trim_start().len();
                let at = u.range.start() + TextSize::new(skip as u32);
                range = TextRange::new(at, at);
            }
            return Err(src.syntax_error(unsupported_message(u, src), range));
        }
    }
    let Some(err) = first_parse else {
        return Ok(());
    };
    // An error with brackets left open at the end of the file: "'(' was never closed".
    if let Some(&(ch, pos)) = scan.open.last() {
        let bracket_line = src.line_of(TextSize::new(pos as u32));
        let at_eof = matches!(err.error, PErr::Lexical(LexErr::Eof))
            || err.location.start().to_usize() >= src.src.trim_end().len();
        if at_eof || src.line_of(err.location.start()) > bracket_line {
            let at = TextSize::new(pos as u32);
            return Err(
                src.syntax_error(format!("'{ch}' was never closed"), TextRange::new(at, at))
            );
        }
    }
    Err(map_parse_error(err, src, module, tokens, &scan))
}

fn unsupported_message(u: &UnsupportedSyntaxError, src: &SourceInfo) -> String {
    use ruff_python_parser::UnsupportedSyntaxErrorKind as K;
    match u.kind {
        K::UnpackingInComprehension(k) => {
            if format!("{k:?}") == "DictInDict" {
                "dict unpacking cannot be used in dict comprehension".into()
            } else {
                "iterable unpacking cannot be used in comprehension".into()
            }
        }
        K::UnparenthesizedExceptionTypes => "multiple exception types must be parenthesized".into(),
        K::TypeParameterList => {
            let before = src.src[..u.range.start().to_usize()].trim_end();
            let ident = before.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_');
            if ident.trim_end().ends_with("def") {
                "expected '('".into()
            } else {
                "invalid syntax".into()
            }
        }
        K::ParenthesizedKeywordArgumentName => {
            "expression cannot contain assignment, perhaps you meant \"==\"?".into()
        }
        K::Pep701FString(k) => match format!("{k:?}").as_str() {
            "Backslash" => "f-string expression part cannot include a backslash".into(),
            "Comment" => "f-string expression part cannot include '#'".into(),
            _ => "f-string: expecting '}'".into(),
        },
        _ => "invalid syntax".into(),
    }
}

fn fstring_message(e: &FErr) -> String {
    match e {
        FErr::UnclosedLbrace => "f-string: expecting '}'".into(),
        FErr::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        FErr::SingleRbrace => "f-string: single '}' is not allowed".into(),
        FErr::LambdaWithoutParentheses => "f-string: invalid syntax".into(),
        FErr::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        FErr::NewlineInFormatSpec => {
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings"
                .into()
        }
        FErr::UnterminatedString | FErr::UnterminatedTripleQuotedString => {
            "f-string: unterminated string".into()
        }
    }
}

fn map_parse_error(
    err: &ParseError,
    src: &SourceInfo,
    module: &Mod,
    tokens: &[Token],
    scan: &ScanResult,
) -> CompileError {
    let range = err.location;
    let text = src.text(range);
    let se = |msg: &str| src.syntax_error(msg.to_owned(), range);
    let find = || {
        let mut f = Finder {
            range,
            found: None,
            assign: None,
            stmt_before: None,
            prev_expr: None,
        };
        match module {
            Mod::Module(m) => f.visit_body(&m.body),
            Mod::Expression(e) => f.visit_expr(&e.body),
        }
        f
    };
    let target_name = || find().found.map_or("expression", expr_name);
    // Errors located at the start of the expression before the offending token (CPython's ranges).
    let from_prev = |msg: &str| {
        let start = find().prev_expr.map_or(range.start(), |e| e.start());
        src.syntax_error(
            msg.to_owned(),
            TextRange::new(start, range.end().max(start)),
        )
    };
    let in_fstring = {
        let mut depth = 0i32;
        for t in tokens {
            if t.start() >= range.start() {
                break;
            }
            match t.kind() {
                TokenKind::FStringStart => depth += 1,
                TokenKind::FStringEnd => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    };
    let before = src.src[..range.start().to_usize()].trim_end();
    let after_pos = |p: TextSize| {
        let rest = &src.src[p.to_usize()..];
        let skip = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        TextSize::new((p.to_usize() + skip) as u32)
    };
    // CPython 3.11 reports f-string errors just past the end of the f-string.
    let fstring_err = |msg: String| {
        let mut depth = 0i32;
        let mut end = None;
        for t in tokens {
            match t.kind() {
                TokenKind::FStringStart if t.start() <= range.start() || depth > 0 => depth += 1,
                TokenKind::FStringEnd if depth > 0 => {
                    depth -= 1;
                    if depth == 0 && t.end() >= range.start() {
                        end = Some(t.end());
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| {
            // Unterminated: the end of the line where the f-string starts.
            let fstart = tokens
                .iter()
                .rev()
                .find(|t| t.kind() == TokenKind::FStringStart && t.start() <= range.start())
                .map_or(range.start().to_usize(), |t| t.start().to_usize());
            TextSize::new(
                src.src[fstart..]
                    .find('\n')
                    .map_or(src.src.len(), |i| fstart + i) as u32,
            )
        });
        src.syntax_error(msg, TextRange::new(end, end))
    };
    if before.ends_with("except*")
        || (before.ends_with('*') && before[..before.len() - 1].trim_end().ends_with("except"))
    {
        return se("expected one or more exception types");
    }
    let fstring_context = in_fstring
        || matches!(
            err.error,
            PErr::FStringError(_) | PErr::Lexical(LexErr::FStringError(_))
        );
    if fstring_context {
        // CPython 3.11 rejects these inside replacement fields (PEP 701 allows them in 3.12).
        let fstart = tokens
            .iter()
            .rev()
            .find(|t| t.kind() == TokenKind::FStringStart && t.start() <= range.start())
            .map_or(0, |t| t.start().to_usize());
        let segment = src.src.get(fstart..range.end().to_usize()).unwrap_or("");
        // The text of the last replacement field, up to the first quote.
        let field = segment.rfind('{').map_or("", |b| &segment[b..]);
        let field = &field[..field.find(['\'', '"']).unwrap_or(field.len())];
        if matches!(err.error, PErr::Lexical(LexErr::LineContinuationError)) {
            return fstring_err("f-string expression part cannot include a backslash".into());
        }
        if matches!(err.error, PErr::Lexical(LexErr::UnclosedStringError)) && in_fstring {
            // A quote inside a replacement field ends the f-string in 3.11.
            return fstring_err("f-string: expecting '}'".into());
        }
        if field.contains('#') {
            return fstring_err("f-string expression part cannot include '#'".into());
        }
    }
    if in_fstring && !matches!(err.error, PErr::FStringError(_) | PErr::Lexical(_)) {
        return if text == "}" || text == "!" || (text == ":" && before.ends_with('{')) {
            fstring_err("f-string: empty expression not allowed".into())
        } else {
            fstring_err("f-string: expecting '}'".into())
        };
    }
    match &err.error {
        PErr::Lexical(lex) => match lex {
            LexErr::IndentationError => src.error(
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level".into(),
                range,
            ),
            LexErr::UnrecognizedToken { tok } => {
                let c = *tok;
                if !c.is_ascii() {
                    se(&format!("invalid character '{c}' (U+{:04X})", c as u32))
                } else if c.is_ascii_control() {
                    se(&format!("invalid non-printable character U+{:04X}", c as u32))
                } else {
                    se("invalid syntax")
                }
            }
            LexErr::LineContinuationError => src.syntax_error(
                "unexpected character after line continuation character".into(),
                TextRange::new(range.end(), range.end()),
            ),
            LexErr::Eof => se("unexpected EOF while parsing"),
            LexErr::InvalidByteLiteral => {
                let q = before.rfind(['\'', '"']).unwrap_or(before.len());
                let p = before[..q].trim_end_matches(|c: char| "bBrR".contains(c)).len();
                src.syntax_error(
                    "bytes can only contain ASCII literal characters".into(),
                    TextRange::new(TextSize::new(p as u32), range.end()),
                )
            }
            LexErr::UnclosedStringError => {
                let line = src.line_of(range.end());
                se(&format!("unterminated string literal (detected at line {line})"))
            }
            LexErr::FStringError(f) => fstring_err(fstring_message(f)),
            LexErr::OtherError(m) if m.as_ref() == "Invalid decimal integer literal" => se(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            ),
            LexErr::OtherError(m) if m.starts_with("ParseIntError") => {
                let kind = match text.get(..2).map(str::to_ascii_lowercase).as_deref() {
                    Some("0x") => "hexadecimal",
                    Some("0o") => "octal",
                    Some("0b") => "binary",
                    _ => "decimal",
                };
                let end = range.end() - TextSize::new(1);
                src.syntax_error(format!("invalid {kind} literal"), TextRange::new(end, end))
            }
            other => se(&other.to_string()),
        },
        PErr::FStringError(f) => fstring_err(fstring_message(f)),
        PErr::UnexpectedIndentation => {
            let mut e = src.error(ErrorKind::IndentationError, "unexpected indent".into(), range);
            e.col = src.col_of(range.end()) - 1;
            e
        }
        PErr::OtherError(m) if m.starts_with("Expected an indented block after ") => {
            let what = &m["Expected an indented block after ".len()..];
            let what = match what {
                "function definition" => "function definition".to_owned(),
                "`class` definition" => "class definition".to_owned(),
                w => {
                    let kw = w.split('`').nth(1).unwrap_or(w);
                    format!("'{kw}' statement")
                }
            };
            let pos = range.start().to_usize();
            let header = scan.logical_starts.iter().rev().find(|&&s| s < pos).copied().unwrap_or(0);
            let line = src.line_of(TextSize::new(header as u32));
            src.error(
                ErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {line}"),
                range,
            )
        }
        PErr::OtherError(m) if m == "Expected a parameter name" && src.src[range.end().to_usize()..].trim_start().starts_with('=') => {
            se("expression cannot contain assignment, perhaps you meant \"==\"?")
        }
        PErr::OtherError(m) if m.starts_with("Only single target") => {
            let mut s = m.clone();
            s.replace_range(..1, "o");
            se(&s)
        }
        PErr::OtherError(m) if m == "Trailing comma not allowed" => src.syntax_error(
            "trailing comma not allowed without surrounding parentheses".into(),
            TextRange::new(range.end(), range.end()),
        ),
        PErr::ExpectedToken {
            expected: TokenKind::Colon,
            found: TokenKind::Rbrace | TokenKind::Comma,
        } if bracket_kind_at(src.src, range.start().to_usize()) == Some('{') => {
            from_prev("':' expected after dictionary key")
        }
        PErr::ExpectedToken { expected: TokenKind::Colon, .. } => se("expected ':'"),
        PErr::ExpectedToken { expected: TokenKind::Else, .. } => from_prev("expected 'else' after 'if' expression"),
        PErr::ExpectedToken { found, .. } if found.as_augmented_assign_operator().is_some() => {
            let start = scan.logical_starts.iter().rev().find(|&&s| s < range.start().to_usize()).copied().unwrap_or(0);
            let start = TextSize::new(start as u32);
            src.syntax_error(
                "'tuple' is an illegal expression for augmented assignment".into(),
                TextRange::new(start, range.start()),
            )
        }
        PErr::ExpectedExpression
            if before.ends_with(':') && bracket_kind_at(src.src, range.start().to_usize()) == Some('{') =>
        {
            let colon = TextSize::new(before.len() as u32 - 1);
            src.syntax_error("expression expected after dictionary key and ':'".into(), TextRange::new(colon, range.end()))
        }
        PErr::SimpleStatementsOnSameLine | PErr::ExpectedToken { .. }
            if src.src[..range.start().to_usize()].ends_with(|c: char| c.is_ascii_digit() || c == '_')
                && src.src[range.start().to_usize()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                && !["and", "else", "for", "if", "in", "is", "not", "or"].contains(&text) =>
        {
            se("invalid decimal literal")
        }
        PErr::ExpectedToken {
            expected: TokenKind::Comma,
            found:
                TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringStart,
        } if bracket_kind_at(src.src, range.start().to_usize()).is_some() => {
            from_prev("invalid syntax. Perhaps you forgot a comma?")
        }
        PErr::SimpleStatementsOnSameLine => {
            let f = find();
            if let Some(Stmt::Expr(e)) = f.stmt_before {
                if let Expr::Name(n) = &*e.value {
                    if matches!(n.id.as_str(), "print" | "exec") && src.line_of(n.start()) == src.line_of(range.start()) {
                        let name = n.id.as_str();
                        let line_end = src.src[n.start().to_usize()..].find('\n').map_or(src.src.len(), |i| n.start().to_usize() + i);
                        return src.syntax_error(
                            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
                            TextRange::new(n.start(), TextSize::new(line_end as u32)),
                        );
                    }
                }
            }
            se("invalid syntax")
        }
        PErr::InvalidAssignmentTarget => {
            let f = find();
            match f.found {
                Some(e @ (Expr::Yield(_) | Expr::YieldFrom(_))) if !src.src[..e.start().to_usize()].trim_end().ends_with('(') => {
                    se("assignment to yield expression not possible")
                }
                Some(e) => {
                    let hint = f.assign.is_some_and(|a| maybe_equality_hint(e, a, src));
                    let suffix = if hint { " here. Maybe you meant '==' instead of '='?" } else { "" };
                    se(&format!("cannot assign to {}{suffix}", expr_name(e)))
                }
                None => se("invalid syntax"),
            }
        }
        PErr::InvalidAugmentedAssignmentTarget => {
            se(&format!("'{}' is an illegal expression for augmented assignment", target_name()))
        }
        PErr::InvalidDeleteTarget => se(&format!("cannot delete {}", target_name())),
        PErr::InvalidNamedAssignmentTarget => se(&format!("cannot use assignment expressions with {}", target_name())),
        PErr::InvalidAnnotatedAssignmentTarget => se("illegal target for annotation"),
        PErr::PositionalAfterKeywordArgument | PErr::PositionalAfterKeywordUnpacking => {
            let msg = if matches!(err.error, PErr::PositionalAfterKeywordArgument) {
                "positional argument follows keyword argument"
            } else {
                "positional argument follows keyword argument unpacking"
            };
            let at = after_pos(range.end());
            src.syntax_error(msg.into(), TextRange::new(at, at))
        }
        PErr::InvalidArgumentUnpackingOrder => se("iterable argument unpacking follows keyword argument unpacking"),
        PErr::UnparenthesizedGeneratorExpression => se("Generator expression must be parenthesized"),
        PErr::NonDefaultParamAfterDefaultParam => se("non-default argument follows default argument"),
        PErr::ParamAfterVarKeywordParam => se("arguments cannot follow var-keyword argument"),
        PErr::VarParameterWithDefault => {
            let before = src.src[..range.start().to_usize()].trim_end();
            let starts = before.rsplit([',', '(']).next().unwrap_or("").trim_start();
            if starts.starts_with("**") {
                se("var-keyword argument cannot have default value")
            } else {
                se("var-positional argument cannot have default value")
            }
        }
        PErr::ExpectedKeywordParam => {
            let star = before.trim_end_matches([',', ' ']).len().saturating_sub(1);
            let at = TextSize::new(star as u32);
            src.syntax_error("named arguments must follow bare *".into(), TextRange::new(at, range.end()))
        }
        PErr::IterableUnpackingInComprehension => se("iterable unpacking cannot be used in comprehension"),
        PErr::InvalidMatchPatternTarget => se("cannot use '_' as a target"),
        _ => se("invalid syntax"),
    }
}

/// The innermost bracket open just before byte offset `pos` (strings and comments skipped).
fn bracket_kind_at(src: &str, pos: usize) -> Option<char> {
    let end = pos.min(src.len());
    let mut prefix = src[..end].to_owned();
    prefix.push('\n');
    scan(&prefix).open.last().map(|&(c, _)| c)
}

// ====================================================================== disassembler

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let s = format!("{f:?}");
    if let Some((m, e)) = s.split_once('e') {
        let e: i32 = e.parse().unwrap_or(0);
        let m = m.strip_suffix(".0").unwrap_or(m);
        format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
    } else {
        s
    }
}

/// Python-like `repr()` of a constant.
pub fn const_repr(c: &Const) -> String {
    let mut out = String::new();
    match c {
        Const::None => out.push_str("None"),
        Const::Bool(true) => out.push_str("True"),
        Const::Bool(false) => out.push_str("False"),
        Const::Int(i) => out.push_str(&i.to_string()),
        Const::Float(f) => out.push_str(&float_repr(*f)),
        Const::Complex(r, i) => {
            let im = float_repr(*i);
            let im = im.strip_suffix(".0").unwrap_or(&im).to_owned();
            if *r == 0.0 && r.is_sign_positive() {
                let _ = write!(out, "{im}j");
            } else {
                let re = float_repr(*r);
                let re = re.strip_suffix(".0").unwrap_or(&re);
                let sign = if i.is_sign_negative() || i.is_nan() {
                    ""
                } else {
                    "+"
                };
                let _ = write!(out, "({re}{sign}{im}j)");
            }
        }
        Const::Str(s) => out.push_str(&crate::text::repr::str_repr(s)),
        Const::WStr(w) => out.push_str(&crate::text::repr::code_points_repr(w, false)),
        Const::Bytes(b) => {
            out.push('b');
            let s: String = b
                .iter()
                .map(|&x| {
                    if (0x20..0x7f).contains(&x) {
                        (x as char).to_string()
                    } else {
                        format!("\\x{x:02x}")
                    }
                })
                .collect();
            let _ = write!(out, "'{}'", s.replace('\'', "\\'"));
        }
        Const::Ellipsis => out.push_str("Ellipsis"),
        Const::FrozenSet(items) => {
            out.push_str("frozenset({");
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&const_repr(it));
            }
            out.push_str("})");
        }
        Const::Tuple(items) => {
            out.push('(');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&const_repr(it));
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Const::Code(code) => {
            let _ = write!(
                out,
                "<code object {}, line {}>",
                code.name, code.firstlineno
            );
        }
    }
    out
}

fn arg_repr(unit: &CodeUnit, op: Op, arg: u32) -> String {
    let name = |v: &[String], i: u32| {
        v.get(i as usize)
            .cloned()
            .unwrap_or_else(|| format!("<{i}>"))
    };
    let deref = |i: u32| {
        let i = i as usize;
        if i < unit.cellvars.len() {
            unit.cellvars[i].clone()
        } else {
            name(&unit.freevars, (i - unit.cellvars.len()) as u32)
        }
    };
    match op {
        Op::LoadConst => unit
            .consts
            .get(arg as usize)
            .map_or_else(String::new, const_repr),
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
        | Op::ImportFrom => name(&unit.names, arg),
        Op::LoadFast | Op::StoreFast | Op::DeleteFast => name(&unit.varnames, arg),
        Op::LoadFastLoadFast | Op::StoreFastLoadFast => format!(
            "{}, {}",
            name(&unit.varnames, arg & 0xffff),
            name(&unit.varnames, arg >> 16)
        ),
        Op::LoadFastLoadConst => format!(
            "{}, {}",
            name(&unit.varnames, arg & 0xffff),
            unit.consts
                .get((arg >> 16) as usize)
                .map_or_else(String::new, const_repr)
        ),
        Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure | Op::LoadClassDeref => {
            deref(arg)
        }
        op if unit::is_jump(op) => format!("to {arg}"),
        Op::BinaryOp => {
            let base = BinOp::ALL
                .get((arg % BinOp::INPLACE) as usize)
                .map_or("?", |b| b.symbol());
            let base = if base == "** or pow()" { "**" } else { base };
            if arg >= BinOp::INPLACE {
                format!("{base}=")
            } else {
                base.to_owned()
            }
        }
        Op::CompareOp => CmpOp::ALL
            .get(arg as usize)
            .map_or("?", |c| c.symbol())
            .to_owned(),
        Op::IsOp => if arg == 1 { "is not" } else { "is" }.to_owned(),
        Op::ContainsOp => if arg == 1 { "not in" } else { "in" }.to_owned(),
        Op::UnaryOp => ["-", "+", "~", "not"]
            .get(arg as usize)
            .copied()
            .unwrap_or("?")
            .to_owned(),
        Op::FormatValue => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            [conv, spec]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        }
        Op::MakeFunction => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            (0..4)
                .filter(|b| arg & (1 << b) != 0)
                .map(|b| names[b])
                .collect::<Vec<_>>()
                .join(", ")
        }
        _ => String::new(),
    }
}

/// Has the opcode a meaningful argument (printed in the listing)?
fn has_arg(op: Op) -> bool {
    !matches!(
        op,
        Op::Nop
            | Op::PopTop
            | Op::BinarySubscr
            | Op::StoreSubscr
            | Op::DeleteSubscr
            | Op::GetIter
            | Op::ListToTuple
            | Op::ReturnValue
            | Op::YieldValue
            | Op::YieldFrom
            | Op::GetYieldFromIter
            | Op::GenStart
            | Op::Reraise
            | Op::PushExcInfo
            | Op::PopExcept
            | Op::CheckExcMatch
            | Op::LoadBuildClass
            | Op::SetupAnnotations
            | Op::ImportStar
            | Op::BeforeWith
            | Op::WithExceptStart
            | Op::LoadAssertionError
            | Op::GetLen
            | Op::MatchSequence
            | Op::MatchMapping
            | Op::MatchKeys
            | Op::CopyDictWithoutKeys
            | Op::PushNull
            | Op::CheckEgMatch
            | Op::PrepReraiseStar
    )
}

/// A CPython-`dis`-like listing of a code object and, after it, of its nested code objects.
pub fn disassemble(unit: &CodeUnit) -> String {
    let mut out = String::new();
    disassemble_into(unit, &mut out, true);
    out
}

fn disassemble_into(unit: &CodeUnit, out: &mut String, top: bool) {
    if !top {
        let _ = writeln!(
            out,
            "\nDisassembly of <code object {} at line {}>:",
            unit.qualname, unit.firstlineno
        );
    }
    let _ = writeln!(
        out,
        "# args {} (posonly {}, kwonly {}), flags {:#x}, max_stack {}, locals {:?}, cells {:?}, frees {:?}",
        unit.argcount, unit.posonlyargcount, unit.kwonlyargcount, unit.flags, unit.max_stack, unit.varnames, unit.cellvars, unit.freevars
    );
    let targets: std::collections::HashSet<u32> = unit
        .instrs
        .iter()
        .filter(|i| unit::is_jump(i.op))
        .map(|i| i.arg)
        .chain(unit.exc_table.iter().map(|e| e.handler))
        .collect();
    let mut li = 0;
    for (i, ins) in unit.instrs.iter().enumerate() {
        let i = i as u32;
        let mut line_col = String::new();
        if li < unit.lines.len() && unit.lines[li].0 == i {
            if i > 0 {
                out.push('\n');
            }
            line_col = unit.lines[li].1.to_string();
            li += 1;
        }
        let marker = if targets.contains(&i) { ">>" } else { "" };
        let _ = write!(
            out,
            "{line_col:>4} {marker:>6} {i:>5} {:<22}",
            ins.op.name()
        );
        if has_arg(ins.op) {
            let _ = write!(out, " {:>5}", ins.arg);
            let r = arg_repr(unit, ins.op, ins.arg);
            if !r.is_empty() {
                let _ = write!(out, " ({r})");
            }
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    if !unit.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &unit.exc_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]",
                e.start,
                e.end - 1,
                e.handler,
                e.depth
            );
        }
    }
    for c in &unit.consts {
        if let Const::Code(code) = c {
            disassemble_into(code, out, false);
        }
    }
}
