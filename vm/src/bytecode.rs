//! Weft bytecode: the one opcode table, instructions, and code objects.
//!
//! The `opcodes!` table generates the `Op` enum, each opcode's stack effect (a function of its argument;
//! the compiler sums them to compute `Code::max_stack`, and debug builds check it), and the names the
//! disassembler prints. An instruction is a decoded `(Op, u32 argument)` pair.
//!
//! Jump arguments are absolute instruction indices. Exceptions use a per-code exception table of
//! `ExcEntry` (instruction range -> handler, value-stack depth), searched innermost-first, so `try` costs
//! nothing on the normal path.

use crate::value::Value;

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident => $effect:expr ),* $(,)?) => {
        /// The opcode set. Each variant's doc says what it does; the stack effect is in the table.
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Op { $( $(#[$doc])* $name ),* }

        impl Op {
            /// All opcodes, indexed by their byte.
            pub const ALL: &'static [Op] = &[ $( Op::$name ),* ];

            /// The disassembler's name.
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name) ),* }
            }

            /// Net change of the value-stack depth when the instruction falls through (for jumps, the
            /// effect on the jump path is given by [`Op::jump_effect`]).
            #[allow(clippy::redundant_closure_call)]
            pub fn stack_effect(self, arg: u32) -> i32 {
                // The bound gives every effect closure an `i32` parameter (`|a| -a` needs it).
                fn eff(f: impl Fn(i32) -> i32, a: i32) -> i32 {
                    f(a)
                }
                let a = arg as i32;
                match self { $( Op::$name => eff($effect, a) ),* }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    Nop => |_a| 0,
    /// Pops the top of stack.
    PopTop => |_a| -1,
    /// Pushes a copy of the item `arg` deep (1 = top).
    Copy => |_a| 1,
    /// Swaps the top with the item `arg` deep (2 = second).
    Swap => |_a| 0,
    /// Pushes `consts[arg]`.
    LoadConst => |_a| 1,
    /// Pushes fast local `arg`; UnboundLocalError if unbound.
    LoadFast => |_a| 1,
    /// Pops into fast local `arg`.
    StoreFast => |_a| -1,
    /// Unbinds fast local `arg`.
    DeleteFast => |_a| 0,
    /// Pushes the contents of cell/free variable `arg` (index into cellvars ++ freevars).
    LoadDeref => |_a| 1,
    /// Pops into cell/free variable `arg`.
    StoreDeref => |_a| -1,
    /// Empties cell/free variable `arg`.
    DeleteDeref => |_a| 0,
    /// Pushes the cell object `arg` itself (to build closures).
    LoadClosure => |_a| 1,
    /// Class bodies: the variable `(cellvars ++ freevars)[arg]` from the class namespace, else from its cell.
    LoadClassDeref => |_a| 1,
    /// Pushes name `names[arg]` from locals, then globals, then builtins.
    LoadName => |_a| 1,
    /// Pops into `names[arg]` in the locals mapping.
    StoreName => |_a| -1,
    /// Deletes `names[arg]` from the locals mapping.
    DeleteName => |_a| 0,
    /// Pushes global `names[arg]` (globals, then builtins).
    LoadGlobal => |_a| 1,
    /// Pops into global `names[arg]`.
    StoreGlobal => |_a| -1,
    /// Deletes global `names[arg]`.
    DeleteGlobal => |_a| 0,
    /// Replaces TOS with `getattr(TOS, names[arg])`.
    LoadAttr => |_a| 0,
    /// `TOS.names[arg] = TOS1`; pops both.
    StoreAttr => |_a| -2,
    /// `del TOS.names[arg]`; pops.
    DeleteAttr => |_a| -1,
    /// Replaces TOS (an object) with two items: (function, object) if `names[arg]` is a plain method found
    /// on the type, else (NULL, the attribute). `Call` then treats both layouts alike.
    LoadMethod => |_a| 1,
    /// `TOS1[TOS]`.
    BinarySubscr => |_a| -1,
    /// `TOS1[TOS] = TOS2`.
    StoreSubscr => |_a| -3,
    /// `del TOS1[TOS]`.
    DeleteSubscr => |_a| -2,
    /// `TOS1 op TOS` for the binary operator `arg` (see `BinOp`; +100 = in-place form).
    BinaryOp => |_a| -1,
    /// Unary operator `arg` on TOS (see `UnaryOp`).
    UnaryOp => |_a| 0,
    /// Rich comparison `arg` (see `CmpOp`).
    CompareOp => |_a| -1,
    /// `TOS1 is TOS` (`is not` when arg = 1).
    IsOp => |_a| -1,
    /// `TOS1 in TOS` (`not in` when arg = 1).
    ContainsOp => |_a| -1,
    /// Jumps to `arg`.
    Jump => |_a| 0,
    /// Pops; jumps to `arg` if falsy.
    PopJumpIfFalse => |_a| -1,
    /// Pops; jumps to `arg` if truthy.
    PopJumpIfTrue => |_a| -1,
    /// Jumps to `arg` keeping TOS if falsy, else pops.
    JumpIfFalseOrPop => |_a| -1,
    /// Jumps to `arg` keeping TOS if truthy, else pops.
    JumpIfTrueOrPop => |_a| -1,
    /// Pops; jumps to `arg` if None.
    PopJumpIfNone => |_a| -1,
    /// Pops; jumps to `arg` if not None.
    PopJumpIfNotNone => |_a| -1,
    /// Replaces TOS with `iter(TOS)`.
    GetIter => |_a| 0,
    /// Pushes `next(TOS)`; when exhausted pops the iterator and jumps to `arg`.
    ForIter => |_a| 1,
    /// Builds a tuple from the top `arg` items.
    BuildTuple => |a| 1 - a,
    BuildList => |a| 1 - a,
    BuildSet => |a| 1 - a,
    /// Builds a dict from `arg` key/value pairs.
    BuildMap => |a| 1 - 2 * a,
    /// Builds a dict from `arg` values and a tuple of keys on top.
    BuildConstKeyMap => |a| -a,
    /// Concatenates the top `arg` strings.
    BuildString => |a| 1 - a,
    /// Builds a slice from 2 or 3 items.
    BuildSlice => |a| 1 - a,
    /// Appends TOS to the list `arg` deep (after popping TOS).
    ListAppend => |_a| -1,
    SetAdd => |_a| -1,
    /// Adds TOS1: TOS to the dict `arg` deep.
    MapAdd => |_a| -2,
    /// Extends the list `arg` deep with the iterable TOS.
    ListExtend => |_a| -1,
    SetUpdate => |_a| -1,
    /// Updates the dict `arg` deep with the mapping TOS.
    DictUpdate => |_a| -1,
    /// Like DictUpdate but raises on duplicate keys (for `**kwargs`); the callable is `arg` + 2 deep.
    DictMerge => |_a| -1,
    /// Replaces the list TOS with a tuple.
    ListToTuple => |_a| 0,
    /// Unpacks TOS into `arg` items (first item on top).
    UnpackSequence => |a| a - 1,
    /// Unpacks with a starred target: low byte = before, high = after.
    UnpackEx => |a| (a & 0xff) + (a >> 8),
    /// Stack: [X, Y, arg1..argN] with N = `arg`. If X is NULL, calls Y(arg1..argN); otherwise calls
    /// X(Y, arg1..argN) (X a method, Y its self, as pushed by LoadMethod). Pushes the result.
    Call => |a| -a - 1,
    /// Like Call, with a tuple of keyword names on top naming the last len(kwnames) of the N arguments.
    CallKw => |a| -a - 2,
    /// `f(*args, **kwargs)`: stack [NULL, callable, args tuple, kwargs dict if arg & 1]; pushes the result.
    CallEx => |a| -2 - (a & 1),
    /// Builds a function: TOS = code; below it (in order pushed) per flag bits of arg: 8 closure tuple,
    /// 4 annotations, 2 kwdefaults dict, 1 defaults tuple.
    MakeFunction => |a| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)),
    /// Returns TOS to the caller.
    ReturnValue => |_a| -1,
    /// Yields TOS; the value sent in replaces it on resume.
    YieldValue => |_a| 0,
    /// Delegating `yield from`: TOS is the value to send, TOS1 the sub-iterator. On completion replaces
    /// both with the return value and continues; otherwise yields the sub-iterator's value and re-executes.
    YieldFrom => |_a| -1,
    /// `iter()` for `yield from` (keeps generators as they are).
    GetYieldFromIter => |_a| 0,
    /// Generator prologue marker (no-op after the first resume).
    GenStart => |_a| 0,
    /// raise (arg 0: re-raise current, 1: raise TOS, 2: raise TOS1 from TOS).
    Raise => |a| -a,
    /// Re-raises the exception TOS (end of a finally/except cleanup); pops it.
    Reraise => |_a| -1,
    /// Exception handler entry: TOS = exception; pushes the previously handled exception below it and
    /// makes TOS the handled one.
    PushExcInfo => |_a| 1,
    /// Leaves an except block: pops the saved previous exception and restores it as the handled one.
    PopExcept => |_a| -1,
    /// Pushes `isinstance(TOS1, TOS)`-style match for `except TOS` (pops the type).
    CheckExcMatch => |_a| 0,
    /// Pushes the builtin `__build_class__`.
    LoadBuildClass => |_a| 1,
    /// Sets `__annotations__ = {}` in the locals mapping if absent.
    SetupAnnotations => |_a| 0,
    /// Imports `names[arg]`: TOS = fromlist, TOS1 = level; pushes the module.
    ImportName => |_a| -1,
    /// Pushes attribute `names[arg]` of the module TOS (ImportError if missing).
    ImportFrom => |_a| 1,
    /// `from TOS import *`; pops.
    ImportStar => |_a| -1,
    /// Formats TOS for an f-string: arg & 3 = conversion (0 none, 1 str, 2 repr, 3 ascii); arg & 4 = a
    /// format spec is on top.
    FormatValue => |a| -((a >> 2) & 1),
    /// Context manager entry: TOS = manager; pushes bound `__exit__` and the `__enter__` result.
    BeforeWith => |_a| 1,
    /// In a `with` handler: calls `__exit__` (3 deep below the exception) with the exception; pushes the result.
    WithExceptStart => |_a| 1,
    /// Pushes AssertionError.
    LoadAssertionError => |_a| 1,
    /// Pushes len(TOS).
    GetLen => |_a| 1,
    /// Pushes whether TOS is a sequence for `match`.
    MatchSequence => |_a| 1,
    /// Pushes whether TOS is a mapping for `match`.
    MatchMapping => |_a| 1,
    /// TOS = tuple of keys, TOS1 = subject: pushes a tuple of values or None.
    MatchKeys => |_a| 1,
    /// TOS = keyword names tuple, TOS1 = class, TOS2 = subject; `arg` positional sub-patterns: replaces
    /// the three with a tuple of attributes or None.
    MatchClass => |_a| -2,
    /// TOS = tuple of keys, TOS1 = mapping: replaces TOS with a dict copy of TOS1 without those keys.
    CopyDictWithoutKeys => |_a| 0,
    /// Pushes NULL (the "no self" marker below a callable).
    PushNull => |_a| 1,
    /// `except* T` matching (CPython's CHECK_EG_MATCH): TOS = the type or tuple of types, TOS1 = the
    /// exception being handled (an exception group, a bare exception, or None once an earlier clause
    /// matched everything). Checks TOS like `except` does (TypeError if not exception classes) and
    /// raises TypeError "catching ExceptionGroup with except* is not allowed. Use except instead." if
    /// it names an ExceptionGroup subclass. A bare exception matching TOS is wrapped as
    /// `ExceptionGroup("", [exc])` (match) with rest None; a group is split with `TOS1.split(TOS)`.
    /// On a match: replaces the two with (rest or None, match) and makes `match` the handled exception
    /// (`sys.exc_info()`). No match (or TOS1 None): replaces TOS with None, TOS1 stays.
    CheckEgMatch => |_a| 0,
    /// End of `try ... except*` (CPython's PREP_RERAISE_STAR): TOS = list of the exceptions raised in
    /// the except* bodies plus, last, the unmatched rest (None entries are ignored), TOS1 = the
    /// original exception. Pops both and pushes what must propagate (None if nothing): the raised
    /// exceptions and the re-raised parts of the original combined like `_PyExc_PrepReraiseStar`
    /// (re-raised parts keep the original group's structure via `split`; new exceptions are grouped
    /// with them in `ExceptionGroup("", [...])`; a single re-raised original is returned as is).
    PrepReraiseStar => |_a| -1,
    /// Superinstruction over `LoadFast a; LoadFast b` (arg `a | b << 16`), placed by the assembler on
    /// the first of the two after its depth analysis; the second stays in place (a jump may target it)
    /// and is skipped. Pushes both locals. The table effect is the first instruction's.
    LoadFastLoadFast => |_a| 1,
    /// Superinstruction over `LoadFast a; LoadConst c` (arg `a | c << 16`), as `LoadFastLoadFast`.
    LoadFastLoadConst => |_a| 1,
    /// Superinstruction over `StoreFast a; LoadFast b` (arg `a | b << 16`), as `LoadFastLoadFast`.
    StoreFastLoadFast => |_a| -1,
    /// Superinstruction over `ForIter target; UnpackSequence 2` (`for a, b in it`; arg: the target).
    /// For an iterator that builds pairs (`enumerate`, `dict.items()`, `zip` of two) it pushes the two
    /// items without the tuple and skips the `UnpackSequence`; for any other it is `ForIter`, and the
    /// `UnpackSequence` that follows runs.
    ForIterUnpack2 => |_a| 1,
}

/// Binary operators (argument of `BinaryOp`; +INPLACE for augmented assignment).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
    /// Added to the BinaryOp argument for the in-place form.
    pub const INPLACE: u32 = 100;

    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }

    /// `__add__`, reflected `__radd__`, in-place `__iadd__`.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
}

/// Unary operators (argument of `UnaryOp`).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// Comparison operators (argument of `CompareOp`).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub const ALL: [CmpOp; 6] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The operator with swapped operands (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// One instruction: an opcode and its argument (8 bytes; decoded once, at compile time).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

/// Largest instruction argument.
pub const MAX_ARG: u32 = u32::MAX;

impl Instr {
    #[inline(always)]
    pub fn new(op: Op, arg: u32) -> Instr {
        Instr { op, arg }
    }
}

/// Exception table entry: an exception raised by an instruction in `start..end` jumps to `handler`, after
/// truncating the frame's operand stack to `depth` items and pushing the exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// Code flags.
pub mod flags {
    pub const GENERATOR: u32 = 1;
    pub const VARARGS: u32 = 2;
    pub const VARKEYWORDS: u32 = 4;
    /// Module or class body: names go through the locals mapping.
    pub const NAMES_MAPPING: u32 = 8;
    pub const NESTED: u32 = 16;
    pub const COROUTINE: u32 = 32;
}

/// One instruction's inline cache: eight words (attribute caches use them as two 4-word entries, so a
/// site seeing two receiver types stays cached) written by the interpreter (`interp::attr`,
/// `interp::eval`) and validated on every use, so a stale entry only costs a slow lookup. Words holding
/// references are traced by the code object (see `CodeObj`'s trace); raw words must stay below the
/// NaN-box pointer tag (small counters and indices do).
///
/// A cache is one 64-byte cache line of its own: under `--stm` threads on other cores read the caches of
/// shared code, and a fill at one site must not invalidate the line a neighbouring site is read from.
#[derive(Default)]
#[repr(align(64))]
pub struct InlineCache {
    pub words: [std::sync::atomic::AtomicU64; 8],
}

impl InlineCache {
    #[inline(always)]
    pub fn get(&self, i: usize) -> u64 {
        self.words[i].load(std::sync::atomic::Ordering::Relaxed)
    }

    #[inline(always)]
    pub fn set(&self, i: usize, w: u64) {
        self.words[i].store(w, std::sync::atomic::Ordering::Relaxed)
    }

    /// Acquire load of word `i` (the sequence word of a seqlock-protected entry, `--stm`).
    #[inline(always)]
    pub fn get_acquire(&self, i: usize) -> u64 {
        self.words[i].load(std::sync::atomic::Ordering::Acquire)
    }

    /// Release store of word `i` (publishes a seqlock-protected entry, `--stm`).
    #[inline(always)]
    pub fn set_release(&self, i: usize, w: u64) {
        self.words[i].store(w, std::sync::atomic::Ordering::Release)
    }

    /// Claims word `i` by swapping `old` for `new` (a seqlock writer, `--stm`); false if it changed.
    #[inline(always)]
    pub fn claim(&self, i: usize, old: u64, new: u64) -> bool {
        self.words[i]
            .compare_exchange(
                old,
                new,
                std::sync::atomic::Ordering::AcqRel,
                std::sync::atomic::Ordering::Relaxed,
            )
            .is_ok()
    }
}

/// A compiled code object (immutable once built, except its inline caches).
pub struct Code {
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub instrs: Vec<Instr>,
    /// (first instruction index, line) pairs in increasing instruction order.
    pub lines: Vec<(u32, u32)>,
    pub consts: Vec<Value>,
    /// Interned str names for the *Name/*Global/*Attr opcodes.
    pub names: Vec<Value>,
    pub varnames: Vec<Value>,
    pub cellvars: Vec<Value>,
    pub freevars: Vec<Value>,
    /// For each cellvar, the index of the argument it shadows, if any (the argument's value moves into the cell).
    pub cell2arg: Vec<Option<u32>>,
    pub exc_table: Vec<ExcEntry>,
    pub max_stack: u32,
    /// The docstring (a str) or None.
    pub doc: Value,
    /// One inline cache per instruction (used by LoadGlobal, LoadAttr, LoadMethod, StoreAttr).
    pub caches: Box<[InlineCache]>,
    /// Set (never cleared) before any cache of this code is first written: caches are written only by
    /// the opcodes' slow paths, which call [`Code::note_cache_use`] first; the hit paths only read. The
    /// collector traces the caches only when it is set: most code objects never run (97% of the caches
    /// of a typical run stay empty), and tracing 64 bytes per instruction of all of them was a third to a
    /// half of each marking.
    pub caches_used: std::sync::atomic::AtomicBool,
}

impl Code {
    /// Records that a cache of this code may be written from now on (see `caches_used`). One relaxed
    /// load when already recorded.
    #[inline(always)]
    pub fn note_cache_use(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        if !self.caches_used.load(Relaxed) {
            self.caches_used.store(true, Relaxed);
        }
    }
}

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Size of the frame's localsplus area (locals + cells + frees).
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// The source line of instruction `ip`.
    pub fn line_of(&self, ip: usize) -> u32 {
        let ip = ip as u32;
        match self.lines.binary_search_by(|(i, _)| i.cmp(&ip)) {
            Ok(k) => self.lines[k].1,
            Err(0) => self.firstlineno,
            Err(k) => self.lines[k - 1].1,
        }
    }

    /// The innermost exception handler covering instruction `ip`.
    pub fn handler_for(&self, ip: usize) -> Option<ExcEntry> {
        let ip = ip as u32;
        // Entries are emitted inner-first for nested ranges; the innermost is the smallest range.
        let mut best: Option<ExcEntry> = None;
        for e in &self.exc_table {
            if e.start <= ip && ip < e.end {
                match best {
                    Some(b) if (b.end - b.start) <= (e.end - e.start) => {}
                    _ => best = Some(*e),
                }
            }
        }
        best
    }
}
