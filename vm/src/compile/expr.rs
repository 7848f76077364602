//! Expression code generation: constants, operators, conditions, calls, displays, f-strings and
//! comprehensions (CPython 3.11's `compiler_visit_expr1` and helpers). Displays of constants fold like
//! CPython's AST optimizer: a set display of more than two constants builds from a frozenset constant,
//! and the iterable of `for`/`in` becomes a constant tuple or frozenset (`iter_operand`), so iteration
//! order matches CPython.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Num, ToPrimitive};
use ruff_python_ast::{self as ast, Expr, FStringPart, InterpolatedStringElement, Number};
use ruff_text_size::{Ranged, TextRange};

use super::symtable::ScopeKind;
use super::unit::Label;
use super::unit::{CResult, Compiler, Ctx, STACK_USE_GUIDELINE};
use super::Const;
use crate::bytecode::{CmpOp, Op, UnOp};

/// The value of a Python int literal.
pub(super) fn int_value(i: &ast::Int) -> BigInt {
    let text: String = i.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::from_str_radix(digits, radix).unwrap_or_default()
}

/// The constant an expression folds to (literals, negated numbers, tuples of constants).
pub(super) fn constant_of(e: &Expr) -> Option<Const> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => Const::Int(int_value(i)),
            Number::Float(f) => Const::Float(*f),
            Number::Complex { real, imag } => Const::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => match super::literals::surrogate_literal(s) {
            Some(w) => Const::WStr(w),
            None => Const::Str(s.value.to_str().to_owned()),
        },
        Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => Const::Bool(b.value),
        Expr::NoneLiteral(_) => Const::None,
        Expr::EllipsisLiteral(_) => Const::Ellipsis,
        Expr::UnaryOp(u) => fold_unaryop(u.op, constant_of(&u.operand)?)?,
        Expr::BinOp(b) => fold_binop(b.op, constant_of(&b.left)?, constant_of(&b.right)?)?,
        Expr::Subscript(s) => fold_subscript(constant_of(&s.value)?, constant_of(&s.slice)?)?,
        Expr::Tuple(t) => Const::Tuple(t.elts.iter().map(constant_of).collect::<Option<_>>()?),
        _ => return None,
    })
}

/// CPython's limits for folded results (`Python/ast_opt.c`).
const MAX_INT_BITS: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;

fn fold_unaryop(op: ast::UnaryOp, c: Const) -> Option<Const> {
    let c = match c {
        Const::Bool(b) if op != ast::UnaryOp::Not => Const::Int(BigInt::from(u8::from(b))),
        c => c,
    };
    Some(match (op, c) {
        (ast::UnaryOp::Not, c) => Const::Bool(!truthy(&c)),
        (ast::UnaryOp::USub, Const::Int(i)) => Const::Int(-i),
        (ast::UnaryOp::USub, Const::Float(f)) => Const::Float(-f),
        (ast::UnaryOp::USub, Const::Complex(r, i)) => Const::Complex(-r, -i),
        (ast::UnaryOp::UAdd, c @ (Const::Int(_) | Const::Float(_) | Const::Complex(..))) => c,
        (ast::UnaryOp::Invert, Const::Int(i)) => Const::Int(-i - 1),
        _ => return None,
    })
}

/// An int that converts to f64 exactly.
fn exact_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    (f.abs() < 9007199254740992.0).then_some(f)
}

/// `float(i)` (num-bigint rounds correctly, like CPython); None where CPython raises OverflowError.
fn int_to_f64(i: &BigInt) -> Option<f64> {
    i.to_f64().filter(|f| f.is_finite())
}

/// `"abc"[1]`, `(1, 2)[-1]`, `b"ab"[0]` with an int index in range.
fn fold_subscript(value: Const, index: Const) -> Option<Const> {
    let i = match index {
        Const::Int(i) => i.to_i64()?,
        Const::Bool(b) => i64::from(b),
        _ => return None,
    };
    let at = |len: usize| {
        let k = if i < 0 { i + len as i64 } else { i };
        (0..len as i64).contains(&k).then_some(k as usize)
    };
    match value {
        Const::Str(s) => {
            let n = s.chars().count();
            s.chars().nth(at(n)?).map(|c| Const::Str(c.to_string()))
        }
        Const::Bytes(b) => Some(Const::Int(BigInt::from(b[at(b.len())?]))),
        Const::Tuple(t) => Some(t[at(t.len())?].clone()),
        _ => None,
    }
}

/// `x ** y` on floats like CPython's `float_pow` (a negative base needs an integral exponent and
/// is handled through its absolute value); None where CPython raises or special-cases.
fn float_pow(x: f64, y: f64) -> Option<f64> {
    if !(x.is_finite() && y.is_finite() && x != 0.0) {
        return None;
    }
    let negate = if x < 0.0 {
        if y != y.floor() {
            return None;
        }
        (y % 2.0).abs() == 1.0
    } else {
        false
    };
    let r = x.abs().powf(y);
    r.is_finite().then_some(if negate { -r } else { r })
}

/// Folds a binary operation on constants where CPython's AST optimizer does and the result is
/// the one the operation would compute at run time.
fn fold_binop(op: ast::Operator, l: Const, r: Const) -> Option<Const> {
    use ast::Operator as O;
    let as_int = |c: &Const| match c {
        Const::Int(i) => Some(i.clone()),
        Const::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    };
    if let (Const::Bool(a), Const::Bool(b)) = (&l, &r) {
        match op {
            O::BitAnd => return Some(Const::Bool(a & b)),
            O::BitOr => return Some(Const::Bool(a | b)),
            O::BitXor => return Some(Const::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(&l), as_int(&r)) {
        let zero = BigInt::from(0);
        return Some(Const::Int(match op {
            O::Add => a + b,
            O::Sub => a - b,
            O::Mult if a == zero || b == zero || a.bits() + b.bits() <= MAX_INT_BITS => a * b,
            O::FloorDiv if b != zero => a.div_floor(&b),
            O::Mod if b != zero => a.mod_floor(&b),
            O::Pow if b < zero => {
                if a == zero {
                    return None;
                }
                return float_pow(int_to_f64(&a)?, int_to_f64(&b)?).map(Const::Float);
            }
            O::Pow => {
                let e = b.to_u32()?;
                if a != zero && a.bits() * u64::from(e) > MAX_INT_BITS {
                    return None;
                }
                a.pow(e)
            }
            O::LShift => {
                let n = b.to_u32()?;
                if a != zero && a.bits() + u64::from(n) > MAX_INT_BITS {
                    return None;
                }
                a << n
            }
            O::RShift => a >> b.to_u32()?,
            O::BitAnd => a & b,
            O::BitOr => a | b,
            O::BitXor => a ^ b,
            O::Div => {
                let (x, y) = (exact_f64(&a)?, exact_f64(&b)?);
                if y == 0.0 {
                    return None;
                }
                return Some(Const::Float(x / y));
            }
            _ => return None,
        }));
    }
    let as_float = |c: &Const| match c {
        Const::Float(f) => Some(*f),
        c => int_to_f64(&as_int(c)?),
    };
    let is_complex = matches!(l, Const::Complex(..)) || matches!(r, Const::Complex(..));
    if !is_complex {
        if let (Some(a), Some(b)) = (as_float(&l), as_float(&r)) {
            return Some(Const::Float(match op {
                O::Add => a + b,
                O::Sub => a - b,
                O::Mult => a * b,
                O::Div if b != 0.0 => a / b,
                O::FloorDiv if b != 0.0 => crate::numeric::arith::float_divmod(a, b).ok()?.0,
                O::Mod if b != 0.0 => crate::numeric::arith::float_divmod(a, b).ok()?.1,
                O::Pow => float_pow(a, b)?,
                _ => return None,
            }));
        }
    }
    let as_complex = |c: &Const| match c {
        Const::Complex(re, im) => Some((*re, *im)),
        c => Some((as_float(c)?, 0.0)),
    };
    if is_complex {
        let ((a, b), (c, d)) = (as_complex(&l)?, as_complex(&r)?);
        return Some(match op {
            O::Add => Const::Complex(a + c, b + d),
            O::Sub => Const::Complex(a - c, b - d),
            O::Mult => Const::Complex(a * c - b * d, a * d + b * c),
            _ => return None,
        });
    }
    match (op, l, r) {
        (O::Add, Const::Str(a), Const::Str(b))
            if a.chars().count() + b.chars().count() <= MAX_STR_SIZE =>
        {
            Some(Const::Str(a + &b))
        }
        (O::Add, Const::Bytes(mut a), Const::Bytes(b)) if a.len() + b.len() <= MAX_STR_SIZE => {
            a.extend(b);
            Some(Const::Bytes(a))
        }
        (O::Mult, Const::Str(a), Const::Int(n)) | (O::Mult, Const::Int(n), Const::Str(a)) => {
            let n = if a.is_empty() { 0 } else { n.to_usize()? };
            (a.chars().count() * n <= MAX_STR_SIZE).then(|| Const::Str(a.repeat(n)))
        }
        (O::Mult, Const::Bytes(a), Const::Int(n)) | (O::Mult, Const::Int(n), Const::Bytes(a)) => {
            let n = if a.is_empty() { 0 } else { n.to_usize()? };
            (a.len() * n <= MAX_STR_SIZE).then(|| Const::Bytes(a.repeat(n)))
        }
        (O::Mult, Const::Tuple(a), Const::Int(n)) | (O::Mult, Const::Int(n), Const::Tuple(a)) => {
            let n = if a.is_empty() { 0 } else { n.to_usize()? };
            (a.len() * n <= MAX_COLLECTION_SIZE)
                .then(|| Const::Tuple((0..n).flat_map(|_| a.iter().cloned()).collect()))
        }
        (O::Add, Const::Tuple(mut a), Const::Tuple(b))
            if a.len() + b.len() <= MAX_COLLECTION_SIZE =>
        {
            a.extend(b);
            Some(Const::Tuple(a))
        }
        _ => None,
    }
}

/// Truthiness of a constant.
fn truthy(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => i.sign() != num_bigint::Sign::NoSign,
        Const::Float(f) => *f != 0.0,
        Const::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Const::WStr(_) => true,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Ellipsis | Const::Code(_) => true,
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Set,
    Tuple,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    List,
    Set,
    Dict,
    Gen,
}

/// A piece of an f-string: literal text or a replacement field.
enum Piece<'a> {
    Str(String),
    Field(&'a ast::InterpolatedElement),
}

fn push_str(pieces: &mut Vec<Piece<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Str(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Str(s.to_owned()));
    }
}

fn push_elements<'a>(pieces: &mut Vec<Piece<'a>>, elements: &'a ast::InterpolatedStringElements) {
    for el in elements.iter() {
        match el {
            InterpolatedStringElement::Literal(l) => push_str(pieces, &l.value),
            InterpolatedStringElement::Interpolation(i) => {
                if let Some(d) = &i.debug_text {
                    push_str(pieces, d.as_str());
                }
                pieces.push(Piece::Field(i));
            }
        }
    }
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.cur.u.line;
        self.set_line(e);
        let r = self.expr_inner(e);
        self.cur.u.line = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::BoolOp(b) => {
                let end = self.label();
                let op = match b.op {
                    ast::BoolOp::And => Op::JumpIfFalseOrPop,
                    ast::BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                let (last, rest) = b.values.split_last().expect("empty boolean operation");
                let mut decided = false;
                for v in rest {
                    // A constant operand either decides the result or is skipped.
                    if let Some(c) = constant_of(v) {
                        if truthy(&c) == (b.op == ast::BoolOp::Or) {
                            self.load_const(c);
                            decided = true;
                            break;
                        }
                        continue;
                    }
                    self.expr(v)?;
                    self.jump(op, end);
                }
                if !decided {
                    self.expr(last)?;
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Copy, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                if let Some(c) = constant_of(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BinaryOp, super::stmt::binop(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = constant_of(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                self.emit(Op::UnaryOp, op as u32);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.label();
                let next = self.label();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.jump(Op::Jump, end);
                self.bind(next);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Seq::Set)?,
            Expr::ListComp(c) => {
                self.comprehension(c.range, Comp::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range, Comp::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => {
                    self.comprehension(c.range, Comp::Dict, &c.generators, k, Some(&c.value))?
                }
                None => {
                    return self.error(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    )
                }
            },
            Expr::Generator(c) => {
                self.comprehension(c.range, Comp::Gen, &c.generators, &c.elt, None)?
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.op(Op::GetYieldFromIter);
                self.load_const(Const::None);
                self.op(Op::YieldFrom);
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.op(Op::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if self.st.scopes[self.cur.scope].is_coroutine {
                    return self.error("'yield from' inside async function", y.range);
                }
                self.expr(&y.value)?;
                self.op(Op::GetYieldFromIter);
                self.load_const(Const::None);
                self.op(Op::YieldFrom);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return self.error("invalid syntax", t.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = constant_of(e).unwrap_or(Const::None);
                self.load_const(c);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_line(&a.attr);
                let name = self.mangle(a.attr.as_str());
                self.cur.u.emit_name(Op::LoadAttr, &name);
            }
            Expr::Subscript(s) => {
                if let Some(c) = constant_of(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.op(Op::BinarySubscr);
            }
            Expr::Starred(s) => return self.error("can't use starred expression here", s.range),
            Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Load, n.range)?,
            Expr::List(l) => self.starunpack(&l.elts, 0, Seq::List)?,
            Expr::Tuple(t) => match constant_of(e) {
                Some(c) => self.load_const(c),
                None => self.starunpack(&t.elts, 0, Seq::Tuple)?,
            },
            Expr::Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Const::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.expr(step)?;
                    n = 3;
                }
                self.emit(Op::BuildSlice, n);
            }
            Expr::IpyEscapeCommand(c) => return self.error("invalid syntax", c.range),
        }
        Ok(())
    }

    /// Jumps to `target` if the truthiness of `e` equals `cond` (CPython's `compiler_jump_if`).
    pub fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        let saved = self.cur.u.line;
        self.set_line(e);
        let r = self.jump_if_inner(e, target, cond);
        self.cur.u.line = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        if let Some(c) = constant_of(e) {
            if truthy(&c) == cond {
                self.jump(Op::Jump, target);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, target, !cond)
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond { self.label() } else { target };
                let (last, rest) = b.values.split_last().expect("empty boolean operation");
                for v in rest {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, target, cond)?;
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.label();
                let next2 = self.label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.jump(Op::Jump, end);
                self.bind(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let n = c.ops.len() - 1;
                let cleanup = self.label();
                self.expr(&c.left)?;
                for i in 0..n {
                    self.expr(&c.comparators[i])?;
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Copy, 2);
                    self.compare_op(c.ops[i]);
                    self.jump(Op::PopJumpIfFalse, cleanup);
                }
                self.expr(&c.comparators[n])?;
                self.compare_op(c.ops[n]);
                self.jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    target,
                );
                let end = self.label();
                self.jump(Op::Jump, end);
                self.bind(cleanup);
                self.op(Op::PopTop);
                if !cond {
                    self.jump(Op::Jump, target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(
            if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            },
            target,
        );
        Ok(())
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Op::CompareOp, CmpOp::Eq as u32),
            C::NotEq => self.emit(Op::CompareOp, CmpOp::Ne as u32),
            C::Lt => self.emit(Op::CompareOp, CmpOp::Lt as u32),
            C::LtE => self.emit(Op::CompareOp, CmpOp::Le as u32),
            C::Gt => self.emit(Op::CompareOp, CmpOp::Gt as u32),
            C::GtE => self.emit(Op::CompareOp, CmpOp::Ge as u32),
            C::Is => self.emit(Op::IsOp, 0),
            C::IsNot => self.emit(Op::IsOp, 1),
            C::In => self.emit(Op::ContainsOp, 0),
            C::NotIn => self.emit(Op::ContainsOp, 1),
        }
    }

    /// An iterable operand as CPython's AST optimizer leaves it (`fold_iter`): a display of constants
    /// in `for x in ...`, a comprehension's `for`, or the last `in`/`not in` operand becomes a constant
    /// tuple (list display) or frozenset (set display).
    pub(super) fn iter_operand(&mut self, e: &'a Expr) -> CResult {
        let folded = match e {
            Expr::List(l) => l
                .elts
                .iter()
                .map(constant_of)
                .collect::<Option<Vec<_>>>()
                .map(Const::Tuple),
            Expr::Set(s) => s
                .elts
                .iter()
                .map(constant_of)
                .collect::<Option<Vec<_>>>()
                .map(Const::FrozenSet),
            _ => None,
        };
        match folded {
            Some(c) => {
                self.load_const(c);
                Ok(())
            }
            None => self.expr(e),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len() - 1;
        let last_in = matches!(c.ops[n], ast::CmpOp::In | ast::CmpOp::NotIn);
        if n == 0 {
            if last_in {
                self.iter_operand(&c.comparators[0])?;
            } else {
                self.expr(&c.comparators[0])?;
            }
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.label();
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.compare_op(c.ops[i]);
            self.jump(Op::JumpIfFalseOrPop, cleanup);
        }
        if last_in {
            self.iter_operand(&c.comparators[n])?;
        } else {
            self.expr(&c.comparators[n])?;
        }
        self.compare_op(c.ops[n]);
        let end = self.label();
        self.jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.op(Op::PopTop);
        self.bind(end);
        Ok(())
    }

    // ------------------------------------------------------------------ displays

    /// Builds a list, set or tuple from items that may be starred (CPython's `starunpack_helper`);
    /// `pushed` items already on the stack become its first elements.
    fn starunpack(&mut self, elts: &'a [Expr], pushed: u32, kind: Seq) -> CResult {
        let n = elts.len();
        let (build, add, extend) = match kind {
            Seq::List | Seq::Tuple => (Op::BuildList, Op::ListAppend, Op::ListExtend),
            Seq::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
        };
        if n > 2 {
            if let Some(consts) = elts.iter().map(constant_of).collect::<Option<Vec<_>>>() {
                if kind == Seq::Tuple && pushed == 0 {
                    self.load_const(Const::Tuple(consts));
                } else {
                    self.emit(build, pushed);
                    self.load_const(if kind == Seq::Set {
                        Const::FrozenSet(consts)
                    } else {
                        Const::Tuple(consts)
                    });
                    self.emit(extend, 1);
                    if kind == Seq::Tuple {
                        self.op(Op::ListToTuple);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            let op = if kind == Seq::Tuple {
                Op::BuildTuple
            } else {
                build
            };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if kind == Seq::Tuple {
            self.op(Op::ListToTuple);
        }
        Ok(())
    }

    /// `{k: v, **m}` (CPython's `compiler_dict`).
    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let items = &d.items;
        let n = items.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if items[i].key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i])?;
                    if have_dict {
                        self.emit(Op::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&items[i].value)?;
                self.emit(Op::DictUpdate, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&items[i - elements..=i])?;
                if have_dict {
                    self.emit(Op::DictUpdate, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[n - elements..])?;
            if have_dict {
                self.emit(Op::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> CResult {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Const>> = items
                .iter()
                .map(|i| i.key.as_ref().and_then(constant_of))
                .collect();
            if let Some(keys) = keys {
                for it in items {
                    self.expr(&it.value)?;
                }
                self.load_const(Const::Tuple(keys));
                self.emit(Op::BuildConstKeyMap, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.expr(k)?;
            }
            self.expr(&it.value)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ calls

    fn validate_keywords(&self, keywords: &'a [ast::Keyword], call: TextRange) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if name.as_str() == "__debug__" {
                return self.error("cannot assign to __debug__", call);
            }
            if let Some(dup) = keywords[i + 1..]
                .iter()
                .find(|k2| k2.arg.as_ref().is_some_and(|a| a.as_str() == name.as_str()))
            {
                return self.error(
                    format!("keyword argument repeated: {}", name.as_str()),
                    dup.range,
                );
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if let Expr::Attribute(attr) = &*c.func {
            let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_)))
                && kws.iter().all(|k| k.arg.is_some());
            let count = args.len() + kws.len() + usize::from(!kws.is_empty());
            if attr.ctx == ast::ExprContext::Load && simple && count < STACK_USE_GUIDELINE {
                self.validate_keywords(kws, c.range())?;
                self.expr(&attr.value)?;
                self.set_line(&attr.attr);
                let name = self.mangle(attr.attr.as_str());
                self.cur.u.emit_name(Op::LoadMethod, &name);
                for a in args.iter() {
                    self.expr(a)?;
                }
                return self.kw_args(kws, args.len() as u32);
            }
        }
        self.op(Op::PushNull);
        self.expr(&c.func)?;
        self.call_helper(0, args, kws, c.range())
    }

    /// Emits the arguments and the call for a callable (and `pushed` extra positional items)
    /// already on the stack (CPython's `compiler_call_helper`).
    pub fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
        range: TextRange,
    ) -> CResult {
        self.validate_keywords(kws, range)?;
        let star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if !star && pushed as usize + args.len() + kws.len() <= STACK_USE_GUIDELINE {
            for a in args {
                self.expr(a)?;
            }
            let n = pushed + args.len() as u32;
            self.kw_args(kws, n)?;
            return Ok(());
        }
        match args {
            // `f(*x)`: the call itself turns x into a tuple (and names f in its error).
            [Expr::Starred(s)] if pushed == 0 => self.expr(&s.value)?,
            _ => self.starunpack(args, pushed, Seq::Tuple)?,
        }
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Op::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[kws.len() - nseen..])?;
                if have_dict {
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.emit(Op::CallEx, u32::from(!kws.is_empty()));
        Ok(())
    }

    /// Pushes plain keyword arguments and emits the call with `npos` positional items.
    fn kw_args(&mut self, kws: &'a [ast::Keyword], npos: u32) -> CResult {
        if kws.is_empty() {
            self.emit(Op::Call, npos);
            return Ok(());
        }
        for k in kws {
            self.expr(&k.value)?;
        }
        let names = kws
            .iter()
            .map(|k| Const::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string())))
            .collect();
        self.load_const(Const::Tuple(names));
        self.emit(Op::CallKw, npos + kws.len() as u32);
        Ok(())
    }

    /// A dict of plain keyword arguments (CPython's `compiler_subkwargs`).
    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> CResult {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            let keys = kws
                .iter()
                .map(|k| Const::Str(k.arg.as_ref().map_or(String::new(), |a| a.to_string())))
                .collect();
            self.load_const(Const::Tuple(keys));
            self.emit(Op::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Op::BuildMap, 0);
        }
        for k in kws {
            self.load_const(Const::Str(
                k.arg.as_ref().map_or(String::new(), |a| a.to_string()),
            ));
            self.expr(&k.value)?;
            if big {
                self.emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ f-strings

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(s) => push_str(&mut pieces, &s.value),
                FStringPart::FString(fs) => push_elements(&mut pieces, &fs.elements),
            }
        }
        self.joined(pieces)
    }

    /// Concatenates f-string pieces (CPython's `compiler_joined_str`).
    fn joined(&mut self, pieces: Vec<Piece<'a>>) -> CResult {
        if pieces.is_empty() {
            self.load_const(Const::Str(String::new()));
            return Ok(());
        }
        if pieces.len() > STACK_USE_GUIDELINE {
            self.load_const(Const::Str(String::new()));
            self.cur.u.emit_name(Op::LoadMethod, "join");
            self.emit(Op::BuildList, 0);
            for p in pieces {
                self.piece(p)?;
                self.emit(Op::ListAppend, 1);
            }
            self.emit(Op::Call, 1);
            return Ok(());
        }
        let n = pieces.len();
        for p in pieces {
            self.piece(p)?;
        }
        if n != 1 {
            self.emit(Op::BuildString, n as u32);
        }
        Ok(())
    }

    fn piece(&mut self, p: Piece<'a>) -> CResult {
        match p {
            Piece::Str(s) => {
                self.load_const(Const::Str(s));
                Ok(())
            }
            Piece::Field(f) => self.formatted_value(f),
        }
    }

    fn formatted_value(&mut self, f: &'a ast::InterpolatedElement) -> CResult {
        self.expr(&f.expression)?;
        let mut arg = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if arg == 0 && f.debug_text.is_some() && f.format_spec.is_none() {
            arg = 2;
        }
        if let Some(spec) = &f.format_spec {
            let mut pieces = Vec::new();
            push_elements(&mut pieces, &spec.elements);
            self.joined(pieces)?;
            arg |= 4;
        }
        self.emit(Op::FormatValue, arg);
        Ok(())
    }

    // ------------------------------------------------------------------ comprehensions

    fn comprehension(
        &mut self,
        range: TextRange,
        kind: Comp,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> CResult {
        let name = match kind {
            Comp::List => "<listcomp>",
            Comp::Set => "<setcomp>",
            Comp::Dict => "<dictcomp>",
            Comp::Gen => "<genexpr>",
        };
        let line = self.line_of(range.start());
        let parent = &self.st.scopes[self.cur.scope];
        let is_async = self.st.lookup(range).is_some_and(|sc| sc.is_coroutine);
        let async_ok = parent.kind == ScopeKind::Comprehension || self.cur.is_async;
        if is_async && kind != Comp::Gen && !async_ok {
            return self.error(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            );
        }
        self.enter_scope(range, name, line)?;
        match kind {
            Comp::List => self.emit(Op::BuildList, 0),
            Comp::Set => self.emit(Op::BuildSet, 0),
            Comp::Dict => self.emit(Op::BuildMap, 0),
            Comp::Gen => {}
        }
        self.comp_generator(generators, 0, 0, elt, val, kind)?;
        if kind == Comp::Gen {
            self.load_const(Const::None);
        }
        self.op(Op::ReturnValue);
        let code = self.exit_scope();
        self.op(Op::PushNull);
        self.make_closure(code, 0, range)?;
        self.iter_operand(&generators[0].iter)?;
        self.op(Op::GetIter);
        self.emit(Op::Call, 1);
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        gi: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Comp,
    ) -> CResult {
        let g = &gens[gi];
        let start = self.label();
        let if_cleanup = self.label();
        let anchor = self.label();
        let mut has_loop = true;
        if gi == 0 {
            let i = self.cur.u.varname(".0");
            self.emit(Op::LoadFast, i);
        } else {
            let single = match &g.iter {
                Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                _ => None,
            };
            match single {
                Some(e) if !matches!(e, Expr::Starred(_)) => {
                    self.expr(e)?;
                    has_loop = false;
                }
                _ => {
                    self.iter_operand(&g.iter)?;
                    self.op(Op::GetIter);
                }
            }
        }
        if has_loop {
            depth += 1;
            self.bind(start);
            self.jump(Op::ForIter, anchor);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if gi + 1 < gens.len() {
            self.comp_generator(gens, gi + 1, depth, elt, val, kind)?;
        } else {
            match kind {
                Comp::Gen => {
                    self.expr(elt)?;
                    self.op(Op::YieldValue);
                    self.op(Op::PopTop);
                }
                Comp::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend, depth + 1);
                }
                Comp::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd, depth + 1);
                }
                Comp::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = val {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd, depth + 1);
                }
            }
        }
        self.bind(if_cleanup);
        if has_loop {
            self.jump(Op::Jump, start);
            self.bind(anchor);
        }
        Ok(())
    }
}
