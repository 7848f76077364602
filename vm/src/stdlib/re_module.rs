//! The `re` module over the `fancy-regex` crate.
//!
//! Patterns are translated from Python syntax by [`super::re_parse`]; compiled regexes live in a
//! bounded process-wide registry (deduplicated by pattern, flags and str/bytes) and a `Pattern` object
//! holds its registry id (a Pattern whose entry was evicted recompiles on its next use). `re.Pattern`, `re.Match`, `re.error` and `re.RegexFlag`, the dunders (`__repr__`,
//! `__getitem__`, `__eq__`, ...) and the module-level functions are a short Python layer
//! ([`PRELUDE`]) executed in the module namespace; the matching methods (`match`, `search`, `sub`,
//! `split`, `group`, `span`, ...) are natives defined on those classes. Positions seen by Python are
//! character indices; the regex engine works on UTF-8 byte offsets, converted at the boundary.
//!
//! Iteration (`findall`, `finditer`, `sub`, `split`) follows CPython 3.7+: after an empty match the
//! next match may not be empty at the same position.

use super::re_parse::{self, TemplatePart};
use crate::access::Mode;
use crate::interp::{PyErr, PyResult, Vm};
use crate::object::*;
use crate::value::Value;
use fancy_regex::{BytesMode, Regex, RegexBuilder, RegexInput};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

/// The Python half of the module (classes, dunders, module-level functions).
const PRELUDE: &str = r#"
class RegexFlag(int):
    __module__ = 're'
    def __repr__(self):
        v = int(self)
        if not v:
            return 're.NOFLAG'
        names = []
        for n, b in _ENUM_ORDER:
            if v & b:
                names.append('re.' + n)
                v &= ~b
        if v:
            names.append(hex(v))
        return '|'.join(names)
    __str__ = __repr__
    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented
    __ror__ = __or__
    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented
    __rand__ = __and__
    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented
    __rxor__ = __xor__
    def __invert__(self):
        return RegexFlag(~int(self) & 511)
    @property
    def value(self):
        return int(self)
    @property
    def name(self):
        for n, b in _FLAGS:
            if int(self) == b:
                return n
        return None

_ENUM_ORDER = [('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
               ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1), ('DEBUG', 128)]
_FLAGS = [('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8), ('DOTALL', 16),
          ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128), ('ASCII', 256)]
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)
NOFLAG = RegexFlag(0)

class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)

class Pattern:
    __slots__ = ('pattern', 'flags', 'groups', 'groupindex', '_id')
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")
    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        s = repr(self.pattern)[:200]
        if not flags:
            return 're.compile(%s)' % s
        names = []
        for n, b in _FLAGS:
            if flags & b:
                names.append('re.' + n)
                flags &= ~b
        if flags:
            names.append(hex(flags))
        return 're.compile(%s, %s)' % (s, '|'.join(names))
    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern))
    def __hash__(self):
        return hash((self.pattern, self.flags))
    def __class_getitem__(cls, item):
        return cls
    def __copy__(self):
        return self
    def __deepcopy__(self, memo):
        return self

class Match:
    __slots__ = ('string', 're', 'pos', 'endpos', 'lastindex', 'lastgroup', '_spans', '_bspans')
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")
    def __repr__(self):
        return '<re.Match object; span=%r, match=%.50r>' % (self.span(), self.group())
    def __getitem__(self, g):
        return self.group(g)
    def __class_getitem__(cls, item):
        return cls
    @property
    def regs(self):
        s = self._spans
        return tuple([(s[i], s[i + 1]) for i in range(0, len(s), 2)])
    def __copy__(self):
        return self
    def __deepcopy__(self, memo):
        return self

Pattern._Match = Match
Pattern._error = error
Pattern.__qualname__ = 'Pattern'
Match.__qualname__ = 'Match'
_cache = {}
_MAXCACHE = 512

def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = _rcompile(Pattern, pattern, flags)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[type(pattern), pattern, flags] = p
    return p

def compile(pattern, flags=0):
    return _compile(pattern, flags)

def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)

def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)

def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)

def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)

def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)

def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)

def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)

def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)

def purge():
    _cache.clear()

def template(pattern, flags=0):
    return _compile(pattern, flags | T)

_special_chars = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}

def escape(pattern):
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    else:
        pattern = str(pattern, 'latin1')
        return pattern.translate(_special_chars).encode('latin1')

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'compile',
           'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S', 'X',
           'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE',
           'NOFLAG', 'RegexFlag']
"#;

// Slots of Pattern and Match instances (order of `__slots__` above).
const P_PATTERN: usize = 0;
const P_FLAGS: usize = 1;
const P_GROUPS: usize = 2;
const P_GROUPINDEX: usize = 3;
const P_ID: usize = 4;
const M_STRING: usize = 0;
const M_RE: usize = 1;
const M_POS: usize = 2;
const M_ENDPOS: usize = 3;
const M_LASTINDEX: usize = 4;
const M_LASTGROUP: usize = 5;
const M_SPANS: usize = 6;
const M_BSPANS: usize = 7;

/// A compiled pattern in the registry.
struct Compiled {
    re: Regex,
    /// The translated pattern and builder options, for the lazily built variants.
    src: String,
    icase: bool,
    dotall: bool,
    bytes: bool,
    /// The same regex refusing empty matches (for CPython's "must advance" rule).
    nonempty: OnceLock<Option<Regex>>,
    /// `(?:pattern)\z` for fullmatch.
    full: OnceLock<Option<Regex>>,
    ngroups: usize,
    /// Final flags (with inline global flags and UNICODE for str patterns).
    flags: i64,
    names: Vec<(String, usize)>,
    /// Parent group of each group (index 0 unused), for `lastindex`.
    parents: Vec<usize>,
    /// Registry key (bytes?, pattern, flags as given).
    key: (bool, String, i64),
}

/// Compiled patterns by id, bounded: the oldest entries are dropped past [`REGISTRY_CAP`] and a
/// Pattern whose id was dropped recompiles from its `pattern` and `flags` on next use.
struct Registry {
    by_id: HashMap<usize, Arc<Compiled>>,
    by_key: HashMap<(bool, String, i64), usize>,
    order: VecDeque<usize>,
    next: usize,
}

const REGISTRY_CAP: usize = 2048;

fn registry() -> &'static Mutex<Registry> {
    static R: OnceLock<Mutex<Registry>> = OnceLock::new();
    R.get_or_init(|| {
        Mutex::new(Registry {
            by_id: HashMap::new(),
            by_key: HashMap::new(),
            order: VecDeque::new(),
            next: 0,
        })
    })
}

fn lock_registry() -> std::sync::MutexGuard<'static, Registry> {
    registry().lock().unwrap_or_else(|e| e.into_inner())
}

/// The id of the compiled form of (pattern chars, flags), compiling it if needed.
fn compile_id(
    chars: &[char],
    flags: i64,
    bytes: bool,
) -> Result<(usize, Arc<Compiled>), re_parse::ReError> {
    let key = (bytes, chars.iter().collect::<String>(), flags);
    {
        let r = lock_registry();
        if let Some(&id) = r.by_key.get(&key) {
            if let Some(c) = r.by_id.get(&id) {
                return Ok((id, c.clone()));
            }
        }
    }
    let t = re_parse::translate(chars, flags, bytes)?;
    let icase = t.flags & re_parse::IGNORECASE != 0;
    let dotall = t.flags & re_parse::DOTALL != 0;
    let Some(re) = build(&t.pattern, icase, dotall, bytes, false) else {
        // The translator accepted something the engine rejects.
        let msg = match RegexBuilder::new(&t.pattern).build() {
            Err(e) => format!("{e}"),
            Ok(_) => "bad pattern".to_string(),
        };
        return Err(re_parse::ReError { msg, pos: None });
    };
    let mut parents = vec![0; t.groups + 1];
    for (g, p) in t.parents.iter().enumerate() {
        if g < parents.len() {
            parents[g] = *p;
        }
    }
    let c = Arc::new(Compiled {
        re,
        src: t.pattern,
        icase,
        dotall,
        bytes,
        nonempty: OnceLock::new(),
        full: OnceLock::new(),
        ngroups: t.groups,
        flags: t.flags,
        names: t.names,
        parents,
        key: key.clone(),
    });
    let mut r = lock_registry();
    let id = r.next;
    r.next += 1;
    r.by_id.insert(id, c.clone());
    r.by_key.insert(key, id);
    r.order.push_back(id);
    while r.order.len() > REGISTRY_CAP {
        if let Some(old) = r.order.pop_front() {
            if let Some(oc) = r.by_id.remove(&old) {
                if r.by_key.get(&oc.key) == Some(&old) {
                    r.by_key.remove(&oc.key);
                }
            }
        }
    }
    Ok((id, c))
}

fn build(src: &str, icase: bool, dotall: bool, bytes: bool, nonempty: bool) -> Option<Regex> {
    let mut b = RegexBuilder::new(src);
    b.case_insensitive(icase)
        .dot_matches_new_line(dotall)
        .backtrack_limit(50_000_000);
    if bytes {
        b.bytes_mode(BytesMode::Ascii);
    }
    if nonempty {
        b.find_not_empty(true);
    }
    b.build().ok()
}

impl Compiled {
    fn nonempty(&self) -> Option<&Regex> {
        self.nonempty
            .get_or_init(|| build(&self.src, self.icase, self.dotall, self.bytes, true))
            .as_ref()
    }
    fn full(&self) -> Option<&Regex> {
        self.full
            .get_or_init(|| {
                let s = format!("(?:{})\\z", self.src);
                build(&s, self.icase, self.dotall, self.bytes, false)
            })
            .as_ref()
    }
}

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("re")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "_rcompile", rcompile)?;
    let bm = vm.rt.builtins_module;
    vm.dict_set_str(d, "__builtins__", bm)?;
    let code = vm.compile_source(PRELUDE, "<frozen re>")?;
    vm.temp_roots.push(code);
    let r = vm.run_code(code, d, d);
    vm.temp_roots.pop();
    r?;
    let pc = vm
        .dict_get_name(d, "Pattern")
        .ok_or_else(|| vm.runtime_error("re: Pattern missing"))?;
    let mc = vm
        .dict_get_name(d, "Match")
        .ok_or_else(|| vm.runtime_error("re: Match missing"))?;
    vm.def_method(pc, "match", pattern_match)?;
    vm.def_method(pc, "search", pattern_search)?;
    vm.def_method(pc, "fullmatch", pattern_fullmatch)?;
    vm.def_method(pc, "findall", pattern_findall)?;
    vm.def_method(pc, "finditer", pattern_finditer)?;
    vm.def_method(pc, "sub", pattern_sub)?;
    vm.def_method(pc, "subn", pattern_subn)?;
    vm.def_method(pc, "split", pattern_split)?;
    vm.def_method(mc, "group", match_group)?;
    vm.def_method(mc, "groups", match_groups)?;
    vm.def_method(mc, "groupdict", match_groupdict)?;
    vm.def_method(mc, "start", match_start)?;
    vm.def_method(mc, "end", match_end)?;
    vm.def_method(mc, "span", match_span)?;
    vm.def_method(mc, "expand", match_expand)?;
    Ok(m)
}

// ----- helpers ----------------------------------------------------------------------------------------

fn slot<M: Mode>(vm: &Vm<M>, v: Value, i: usize) -> Value {
    vm.load(obj::<InstanceObj>(v).slot(i))
}

fn set_slot<M: Mode>(vm: &Vm<M>, v: Value, i: usize, x: Value) {
    vm.store_o(v, obj::<InstanceObj>(v).slot(i), x)
}

fn class_attr<M: Mode>(vm: &mut Vm<M>, v: Value, name: &str) -> PyResult<Value> {
    let t = vm.type_of(v);
    let n = vm.intern(name);
    match vm.type_lookup(t, n) {
        Some(x) => Ok(x),
        None => Err(vm.runtime_error(format!("re: {name} missing"))),
    }
}

/// Raises `re.error(msg, pattern, pos)`.
fn re_error<M: Mode>(
    vm: &mut Vm<M>,
    pattern_cls: Value,
    e: re_parse::ReError,
    pattern: Value,
) -> PyErr {
    let n = vm.intern("_error");
    let Some(cls) = vm.type_lookup(pattern_cls, n) else {
        return vm.runtime_error("re: error class missing");
    };
    let msg = match vm.new_string(e.msg) {
        Ok(m) => m,
        Err(e) => return e,
    };
    let args = match e.pos {
        Some(p) => vec![msg, pattern, Value::small_int(p as i64)],
        None => vec![msg],
    };
    match vm.call(cls, &args, &[]) {
        Ok(x) => PyErr::Exc(x),
        Err(e) => e,
    }
}

/// The pattern as chars (bytes: one char per byte).
fn pattern_chars<M: Mode>(vm: &Vm<M>, p: Value) -> (Vec<char>, bool) {
    if let Some(b) = cast::<BytesObj>(p) {
        (b.b.iter().map(|&x| x as char).collect(), true)
    } else {
        (vm.str_of(p).chars().collect(), false)
    }
}

/// `_rcompile(Pattern, pattern, flags)`: a new Pattern object.
fn rcompile<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("_rcompile", args, kwnames, 3, 3)?;
    let (cls, pat, fl) = (args[0], args[1], args[2]);
    let flags = vm.index_value(fl)?;
    if !is::<StrObj>(pat) && !is::<BytesObj>(pat) {
        return Err(vm.type_error("first argument must be string or compiled pattern"));
    }
    if crate::builtins::str_type::has_wide_str(&[pat]) {
        return Err(vm.surrogates_unsupported("a regular expression"));
    }
    let (chars, bytes) = pattern_chars(vm, pat);
    let (id, c) = match compile_id(&chars, flags, bytes) {
        Ok(x) => x,
        Err(e) => return Err(re_error(vm, cls, e, pat)),
    };
    let final_flags = c.flags;
    let p = vm.alloc_instance(cls)?;
    vm.temp_roots.push(p);
    let r = (|| {
        set_slot(vm, p, P_PATTERN, pat);
        let f = vm.new_int(final_flags)?;
        set_slot(vm, p, P_FLAGS, f);
        set_slot(vm, p, P_GROUPS, Value::small_int(c.ngroups as i64));
        let gi = vm.new_dict()?;
        set_slot(vm, p, P_GROUPINDEX, gi);
        for (n, g) in &c.names {
            let k = vm.new_str(n)?;
            vm.dict_set(gi, k, Value::small_int(*g as i64))?;
        }
        set_slot(vm, p, P_ID, Value::small_int(id as i64));
        Ok(p)
    })();
    vm.temp_roots.pop();
    r
}

/// A subject string: its text and a byte<->char index map.
enum Hay<'a> {
    S(&'a str),
    B(&'a [u8]),
    /// A copy of a bytearray's contents.
    Owned(Vec<u8>),
}

impl Hay<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Hay::S(s) => s.as_bytes(),
            Hay::B(b) => b,
            Hay::Owned(v) => v,
        }
    }
}

struct Subject<'a> {
    hay: Hay<'a>,
    /// Byte offset of each char (plus the end), when the text is a non-ASCII str.
    offsets: Option<Vec<usize>>,
    /// Length in chars (= bytes for ASCII / bytes subjects).
    len: usize,
}

impl<'a> Subject<'a> {
    fn byte_of(&self, ci: usize) -> usize {
        match &self.offsets {
            None => ci,
            Some(o) => o[ci],
        }
    }
    fn char_of(&self, bi: usize) -> usize {
        match &self.offsets {
            None => bi,
            Some(o) => o.binary_search(&bi).unwrap_or_else(|x| x),
        }
    }
    fn blen(&self) -> usize {
        match &self.hay {
            Hay::S(s) => s.len(),
            _ => self.hay.bytes().len(),
        }
    }
    /// The byte offset just after the char starting at byte `b`.
    fn next_char(&self, b: usize) -> usize {
        match &self.hay {
            Hay::S(s) => s[b..].chars().next().map_or(b + 1, |c| b + c.len_utf8()),
            _ => b + 1,
        }
    }
}

fn subject<'a, M: Mode>(vm: &mut Vm<M>, c: &Compiled, s: Value) -> PyResult<Subject<'a>> {
    if let Some(so) = cast::<StrObj>(s) {
        if c.bytes {
            return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
        }
        if so.wide.is_some() {
            return Err(vm.surrogates_unsupported("regular expression matching"));
        }
        let text: &'a str = vm.str_of(s);
        let offsets = if so.char_len == text.len() {
            None
        } else {
            let mut o: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            o.push(text.len());
            Some(o)
        };
        return Ok(Subject {
            hay: Hay::S(text),
            offsets,
            len: so.char_len,
        });
    }
    if let Some(b) = cast::<'a, BytesObj>(s) {
        if !c.bytes {
            return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
        }
        let bs: &'a [u8] = &b.b;
        return Ok(Subject {
            hay: Hay::B(bs),
            offsets: None,
            len: bs.len(),
        });
    }
    if is::<ByteArrayObj>(s) {
        if !c.bytes {
            return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
        }
        let v = vm.bytes_data(s);
        let len = v.len();
        return Ok(Subject {
            hay: Hay::Owned(v),
            offsets: None,
            len,
        });
    }
    let tn = vm.tname(s).to_string();
    Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")))
}

/// Spans (byte offsets) of all groups of one match.
type Spans = Vec<Option<(usize, usize)>>;

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Search,
    Match,
    Full,
    /// Anchored at pos, non-empty.
    NonEmpty,
}

fn exec<M: Mode>(
    vm: &mut Vm<M>,
    c: &Compiled,
    sub: &Subject,
    pos: usize,
    end: usize,
    op: Op,
) -> PyResult<Option<Spans>> {
    if pos > end {
        return Ok(None);
    }
    let re = match op {
        Op::Search | Op::Match => Some(&c.re),
        Op::Full => c.full(),
        Op::NonEmpty => c.nonempty(),
    };
    let Some(re) = re else {
        // The non-empty variant of a pattern that only matches the empty string cannot match.
        if op == Op::NonEmpty {
            return Ok(None);
        }
        return Err(vm.runtime_error("re: pattern variant failed to compile"));
    };
    let anchored = op != Op::Search;
    macro_rules! run {
        ($h:expr) => {{
            let input = RegexInput::new($h).from_pos(pos).anchored(anchored);
            match re.captures_input(input) {
                Ok(None) => Ok(None),
                Ok(Some(caps)) => {
                    let mut v = Vec::with_capacity(c.ngroups + 1);
                    for i in 0..=c.ngroups {
                        v.push(caps.get(i).map(|m| (m.start(), m.end())));
                    }
                    Ok(Some(v))
                }
                Err(e) => Err(vm.runtime_error(format!("regular expression failed: {e}"))),
            }
        }};
    }
    let r: PyResult<Option<Spans>> = match &sub.hay {
        Hay::S(s) => run!(&s[..end]),
        h => run!(&h.bytes()[..end]),
    };
    let r = r?;
    // Anchoring is honoured by the engine; double-check (a regex-automata fallback may not be).
    if let Some(v) = &r {
        if anchored && v[0].is_some_and(|(s, _)| s != pos) {
            return Ok(None);
        }
        if op == Op::NonEmpty && v[0].is_some_and(|(s, e)| s == e) {
            return Ok(None);
        }
    }
    Ok(r)
}

/// Iterates matches CPython-style from byte `pos` to `end`; `f` gets each match's spans and returns
/// false to stop.
fn each_match<M: Mode>(
    vm: &mut Vm<M>,
    c: &Compiled,
    sub: &Subject,
    pos: usize,
    end: usize,
    mut f: impl FnMut(&mut Vm<M>, Spans) -> PyResult<bool>,
) -> PyResult<()> {
    let mut p = pos;
    let mut must_advance = false;
    loop {
        if p > end {
            return Ok(());
        }
        let m = if must_advance {
            match exec(vm, c, sub, p, end, Op::NonEmpty)? {
                Some(m) => Some(m),
                None => {
                    if p >= end {
                        return Ok(());
                    }
                    let q = sub.next_char(p);
                    exec(vm, c, sub, q, end, Op::Search)?
                }
            }
        } else {
            exec(vm, c, sub, p, end, Op::Search)?
        };
        let Some(m) = m else {
            return Ok(());
        };
        let (s, e) = m[0].unwrap_or((p, p));
        must_advance = s == e;
        p = e;
        if !f(vm, m)? {
            return Ok(());
        }
    }
}

/// The Pattern receiver, its compiled regex, and (pos, endpos) as byte offsets after parsing
/// `string, pos=0, endpos=maxsize`.
fn pattern_of<M: Mode>(vm: &mut Vm<M>, p: Value, what: &str) -> PyResult<Arc<Compiled>> {
    let ok = is::<InstanceObj>(p) && obj::<InstanceObj>(p).nslots == 5 && {
        let id = slot(vm, p, P_ID);
        id.is_small_int()
    };
    if !ok {
        let tn = vm.tname(p).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{what}' for 're.Pattern' objects doesn't apply to a '{tn}' object"
        )));
    }
    let id = slot(vm, p, P_ID).as_small_int() as usize;
    if let Some(c) = lock_registry().by_id.get(&id) {
        return Ok(c.clone());
    }
    // Dropped from the registry: recompile from the pattern and its final flags.
    let pat = slot(vm, p, P_PATTERN);
    let fl = slot(vm, p, P_FLAGS);
    let flags = vm.index_value(fl)?;
    let (chars, bytes) = pattern_chars(vm, pat);
    match compile_id(&chars, flags, bytes) {
        Ok((nid, c)) => {
            set_slot(vm, p, P_ID, Value::small_int(nid as i64));
            Ok(c)
        }
        Err(e) => {
            let pc = vm.type_of(p);
            Err(re_error(vm, pc, e, pat))
        }
    }
}

fn clamp_pos<M: Mode>(vm: &mut Vm<M>, v: Value, len: usize, default: usize) -> PyResult<usize> {
    if v.is_null() {
        return Ok(default);
    }
    let i = vm.index_value(v)?;
    Ok(if i < 0 {
        0
    } else if i as u64 > len as u64 {
        len
    } else {
        i as usize
    })
}

struct Call<'a> {
    c: Arc<Compiled>,
    string: Value,
    sub: Subject<'a>,
    pos_c: usize,
    end_c: usize,
}

impl Call<'_> {
    fn pos_b(&self) -> usize {
        self.sub.byte_of(self.pos_c)
    }
    fn end_b(&self) -> usize {
        self.sub.byte_of(self.end_c)
    }
}

fn prepare<'a, M: Mode>(
    vm: &mut Vm<M>,
    p: Value,
    what: &str,
    string: Value,
    pos: Value,
    endpos: Value,
) -> PyResult<Call<'a>> {
    let c = pattern_of(vm, p, what)?;
    let sub = subject(vm, &c, string)?;
    let pos_c = clamp_pos(vm, pos, sub.len, 0)?;
    let end_c = clamp_pos(vm, endpos, sub.len, sub.len)?;
    Ok(Call {
        c,
        string,
        sub,
        pos_c,
        end_c,
    })
}

/// Builds a Match object.
fn new_match<M: Mode>(vm: &mut Vm<M>, p: Value, call: &Call, spans: &Spans) -> PyResult<Value> {
    let mc = class_attr(vm, p, "_Match")?;
    let m = vm.alloc_instance(mc)?;
    vm.temp_roots.push(m);
    let r = (|| {
        set_slot(vm, m, M_STRING, call.string);
        set_slot(vm, m, M_RE, p);
        set_slot(vm, m, M_POS, Value::small_int(call.pos_c as i64));
        set_slot(vm, m, M_ENDPOS, Value::small_int(call.end_c as i64));
        let mut cs = Vec::with_capacity(spans.len() * 2);
        let mut bs = Vec::with_capacity(spans.len() * 2);
        for sp in spans {
            match sp {
                Some((s, e)) => {
                    cs.push(Value::small_int(call.sub.char_of(*s) as i64));
                    cs.push(Value::small_int(call.sub.char_of(*e) as i64));
                    bs.push(Value::small_int(*s as i64));
                    bs.push(Value::small_int(*e as i64));
                }
                None => {
                    for v in [&mut cs, &mut bs] {
                        v.push(Value::small_int(-1));
                        v.push(Value::small_int(-1));
                    }
                }
            }
        }
        let ct = vm.new_tuple(&cs)?;
        set_slot(vm, m, M_SPANS, ct);
        let bt = if call.sub.offsets.is_none() {
            ct
        } else {
            vm.new_tuple(&bs)?
        };
        set_slot(vm, m, M_BSPANS, bt);
        // lastindex: the matched group that closed last (greatest end; an enclosing group wins ties).
        let mut last: Option<usize> = None;
        for g in 1..spans.len() {
            let Some((_, e)) = spans[g] else { continue };
            match last {
                None => last = Some(g),
                Some(l) => {
                    let le = spans[l].map_or(0, |x| x.1);
                    if e > le || (e == le && !is_ancestor(&call.c.parents, l, g)) {
                        last = Some(g);
                    }
                }
            }
        }
        match last {
            Some(l) => {
                set_slot(vm, m, M_LASTINDEX, Value::small_int(l as i64));
                let name = call
                    .c
                    .names
                    .iter()
                    .find(|(_, g)| *g == l)
                    .map(|x| x.0.clone());
                let lg = match name {
                    Some(n) => vm.new_string(n)?,
                    None => Value::NONE,
                };
                set_slot(vm, m, M_LASTGROUP, lg);
            }
            None => {
                set_slot(vm, m, M_LASTINDEX, Value::NONE);
                set_slot(vm, m, M_LASTGROUP, Value::NONE);
            }
        }
        Ok(m)
    })();
    vm.temp_roots.pop();
    r
}

/// `a` is an ancestor group of `g`.
fn is_ancestor(parents: &[usize], a: usize, g: usize) -> bool {
    let mut x = g;
    while x != 0 && x < parents.len() {
        x = parents[x];
        if x == a {
            return true;
        }
    }
    false
}

fn match_op<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    op: Op,
) -> PyResult<Value> {
    let a = vm.parse_args(
        name,
        &args[1..],
        kwnames,
        &["string", "pos", "endpos"],
        0,
        3,
        1,
    )?;
    let call = prepare(vm, args[0], name, a[0], a[1], a[2])?;
    if call.pos_c > call.end_c {
        return Ok(Value::NONE);
    }
    match exec(vm, &call.c, &call.sub, call.pos_b(), call.end_b(), op)? {
        Some(spans) => new_match(vm, args[0], &call, &spans),
        None => Ok(Value::NONE),
    }
}

fn pattern_match<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_op(vm, args, kw, "match", Op::Match)
}

fn pattern_search<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_op(vm, args, kw, "search", Op::Search)
}

fn pattern_fullmatch<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_op(vm, args, kw, "fullmatch", Op::Full)
}

/// A slice of the subject (byte offsets) as a new str/bytes.
fn slice_value<M: Mode>(vm: &mut Vm<M>, sub: &Subject, s: usize, e: usize) -> PyResult<Value> {
    match &sub.hay {
        Hay::S(t) => vm.new_str(&t[s..e]),
        h => vm.new_bytes(&h.bytes()[s..e]),
    }
}

fn group_value<M: Mode>(
    vm: &mut Vm<M>,
    sub: &Subject,
    sp: Option<(usize, usize)>,
    default: Value,
) -> PyResult<Value> {
    match sp {
        Some((s, e)) => slice_value(vm, sub, s, e),
        None => Ok(default),
    }
}

fn pattern_findall<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "findall",
        &args[1..],
        kwnames,
        &["string", "pos", "endpos"],
        0,
        3,
        1,
    )?;
    let call = prepare(vm, args[0], "findall", a[0], a[1], a[2])?;
    let out = vm.new_list(&[])?;
    if call.pos_c > call.end_c {
        return Ok(out);
    }
    let ng = call.c.ngroups;
    let empty = slice_value(vm, &call.sub, 0, 0)?;
    each_match(
        vm,
        &call.c,
        &call.sub,
        call.pos_b(),
        call.end_b(),
        |vm, m| {
            let item = if ng == 0 {
                group_value(vm, &call.sub, m[0], empty)?
            } else if ng == 1 {
                group_value(vm, &call.sub, m[1], empty)?
            } else {
                let t = vm.new_list(&[])?;
                vm.temp_roots.push(t);
                let r = (|| {
                    for sp in &m[1..] {
                        let g = group_value(vm, &call.sub, *sp, empty)?;
                        vm.list_append(t, g)?;
                    }
                    let items = vm.list_snapshot(t);
                    vm.new_tuple(&items)
                })();
                vm.temp_roots.pop();
                r?
            };
            vm.list_append(out, item)?;
            Ok(true)
        },
    )?;
    Ok(out)
}

fn pattern_finditer<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "finditer",
        &args[1..],
        kwnames,
        &["string", "pos", "endpos"],
        0,
        3,
        1,
    )?;
    let call = prepare(vm, args[0], "finditer", a[0], a[1], a[2])?;
    let out = vm.new_list(&[])?;
    vm.temp_roots.push(out);
    let r = (|| {
        if call.pos_c <= call.end_c {
            each_match(
                vm,
                &call.c,
                &call.sub,
                call.pos_b(),
                call.end_b(),
                |vm, m| {
                    let mo = new_match(vm, args[0], &call, &m)?;
                    vm.list_append(out, mo)?;
                    Ok(true)
                },
            )?;
        }
        vm.get_iter(out)
    })();
    vm.temp_roots.pop();
    r
}

fn pattern_split<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args(
        "split",
        &args[1..],
        kwnames,
        &["string", "maxsplit"],
        0,
        2,
        1,
    )?;
    let call = prepare(vm, args[0], "split", a[0], Value::NULL, Value::NULL)?;
    let maxsplit = if a[1].is_null() {
        0
    } else {
        vm.index_value(a[1])?
    };
    let out = vm.new_list(&[])?;
    vm.temp_roots.push(out);
    let r = (|| {
        let mut last = 0usize;
        let mut n = 0i64;
        if maxsplit >= 0 {
            each_match(vm, &call.c, &call.sub, 0, call.sub.blen(), |vm, m| {
                let (s, e) = m[0].unwrap_or((0, 0));
                let piece = slice_value(vm, &call.sub, last, s)?;
                vm.list_append(out, piece)?;
                for sp in &m[1..] {
                    let g = group_value(vm, &call.sub, *sp, Value::NONE)?;
                    vm.list_append(out, g)?;
                }
                last = e;
                n += 1;
                Ok(maxsplit == 0 || n < maxsplit)
            })?;
        }
        let tail = slice_value(vm, &call.sub, last, call.sub.blen())?;
        vm.list_append(out, tail)?;
        Ok(out)
    })();
    vm.temp_roots.pop();
    r
}

fn pattern_sub<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, _) = do_sub(vm, args, kwnames, "sub")?;
    Ok(s)
}

fn pattern_subn<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (s, n) = do_sub(vm, args, kwnames, "subn")?;
    vm.temp_roots.push(s);
    let r = vm.new_tuple(&[s, Value::small_int(n as i64)]);
    vm.temp_roots.pop();
    r
}

/// Output buffer of `sub`: chars for str subjects, bytes for bytes subjects.
enum Buf {
    S(String),
    B(Vec<u8>),
}

impl Buf {
    fn push_slice(&mut self, sub: &Subject, s: usize, e: usize) {
        match (self, &sub.hay) {
            (Buf::S(o), Hay::S(t)) => o.push_str(&t[s..e]),
            (Buf::B(o), h) => o.extend_from_slice(&h.bytes()[s..e]),
            _ => {}
        }
    }
    fn push_chars(&mut self, cs: &[char]) {
        match self {
            Buf::S(o) => o.extend(cs.iter()),
            Buf::B(o) => o.extend(cs.iter().map(|&c| c as u32 as u8)),
        }
    }
}

fn parse_template_value<M: Mode>(
    vm: &mut Vm<M>,
    p: Value,
    c: &Compiled,
    t: Value,
) -> PyResult<Vec<TemplatePart>> {
    let chars: Vec<char> = if let Some(b) = cast::<BytesObj>(t) {
        b.b.iter().map(|&x| x as char).collect()
    } else {
        if crate::builtins::str_type::has_wide_str(&[t]) {
            return Err(vm.surrogates_unsupported("a regular expression template"));
        }
        vm.str_of(t).chars().collect()
    };
    let names = c.names.clone();
    let lookup = move |n: &str| names.iter().find(|(x, _)| x == n).map(|x| x.1);
    match re_parse::parse_template(&chars, c.ngroups, &lookup) {
        Ok(parts) => Ok(parts),
        Err(e) => {
            if e.pos.is_none() && e.msg.starts_with("unknown group name") {
                return Err(vm.index_error(e.msg));
            }
            let pc = vm.type_of(p);
            Err(re_error(vm, pc, e, t))
        }
    }
}

fn do_sub<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(Value, usize)> {
    let a = vm.parse_args(
        name,
        &args[1..],
        kwnames,
        &["repl", "string", "count"],
        0,
        3,
        2,
    )?;
    let p = args[0];
    let repl = a[0];
    let call = prepare(vm, p, name, a[1], Value::NULL, Value::NULL)?;
    let count = if a[2].is_null() {
        0
    } else {
        vm.index_value(a[2])?
    };
    let bytes = call.c.bytes;
    let template = if is::<StrObj>(repl) || is::<BytesObj>(repl) {
        if is::<StrObj>(repl) == bytes {
            let tn = vm.tname(repl).to_string();
            return Err(vm.type_error(if bytes {
                format!("expected a bytes-like object, {tn} found")
            } else {
                format!("expected str instance, {tn} found")
            }));
        }
        Some(parse_template_value(vm, p, &call.c, repl)?)
    } else {
        None
    };
    let mut out = if bytes {
        Buf::B(Vec::new())
    } else {
        Buf::S(String::new())
    };
    let mut last = 0usize;
    let mut n = 0usize;
    // Pieces CPython would have joined so far (for its join error message).
    let mut pieces = 0usize;
    if count >= 0 {
        each_match(vm, &call.c, &call.sub, 0, call.sub.blen(), |vm, m| {
            let (s, e) = m[0].unwrap_or((0, 0));
            out.push_slice(&call.sub, last, s);
            if last < s {
                pieces += 1;
            }
            match &template {
                Some(parts) => {
                    for part in parts {
                        match part {
                            TemplatePart::Lit(cs) => out.push_chars(cs),
                            TemplatePart::Group(g) => {
                                if let Some((gs, ge)) = m[*g] {
                                    out.push_slice(&call.sub, gs, ge);
                                }
                            }
                        }
                    }
                }
                None => {
                    let mo = new_match(vm, p, &call, &m)?;
                    let r = vm.call(repl, &[mo], &[])?;
                    match (&mut out, r) {
                        (_, r) if r.is_none() => {}
                        (Buf::S(o), r) if is::<StrObj>(r) => {
                            o.push_str(vm.str_exact(r)?);
                        }
                        (Buf::B(o), r) if is::<BytesObj>(r) => {
                            o.extend_from_slice(&obj::<BytesObj>(r).b)
                        }
                        (_, r) => {
                            let tn = vm.tname(r).to_string();
                            return Err(vm.type_error(if bytes {
                                format!("sequence item {pieces}: expected a bytes-like object, {tn} found")
                            } else {
                                format!("sequence item {pieces}: expected str instance, {tn} found")
                            }));
                        }
                    }
                    pieces += 1;
                }
            }
            last = e;
            n += 1;
            Ok(count == 0 || (n as i64) < count)
        })?;
    }
    out.push_slice(&call.sub, last, call.sub.blen());
    let v = match out {
        Buf::S(s) => vm.new_string(s)?,
        Buf::B(b) => vm.new_bytes(&b)?,
    };
    Ok((v, n))
}

// ----- Match methods ------------------------------------------------------------------------------------

fn match_recv<M: Mode>(vm: &mut Vm<M>, m: Value, what: &str) -> PyResult<Arc<Compiled>> {
    let ok = is::<InstanceObj>(m) && obj::<InstanceObj>(m).nslots == 8;
    if !ok {
        let tn = vm.tname(m).to_string();
        return Err(vm.type_error(format!(
            "descriptor '{what}' for 're.Match' objects doesn't apply to a '{tn}' object"
        )));
    }
    let p = slot(vm, m, M_RE);
    pattern_of(vm, p, what)
}

/// The group number for `g` (int or name), or IndexError "no such group".
fn group_index<M: Mode>(vm: &mut Vm<M>, c: &Compiled, g: Value) -> PyResult<usize> {
    if is::<StrObj>(g) {
        let s = vm.str_of(g);
        if let Some(&(_, n)) = c.names.iter().find(|(x, _)| x == s) {
            return Ok(n);
        }
        return Err(vm.index_error("no such group"));
    }
    if vm.is_int(g) && !g.is_float() {
        if let Ok(i) = vm.index_value(g) {
            if i >= 0 && (i as usize) <= c.ngroups {
                return Ok(i as usize);
            }
        }
    }
    Err(vm.index_error("no such group"))
}

/// (char span, byte span) of group `g`.
fn group_spans<M: Mode>(vm: &Vm<M>, m: Value, g: usize) -> ((i64, i64), (i64, i64)) {
    let cs = slot(vm, m, M_SPANS);
    let bs = slot(vm, m, M_BSPANS);
    let ct = obj::<TupleObj>(cs);
    let bt = obj::<TupleObj>(bs);
    let get = |t: &TupleObj, i: usize| t.as_slice()[i].as_small_int();
    (
        (get(ct, 2 * g), get(ct, 2 * g + 1)),
        (get(bt, 2 * g), get(bt, 2 * g + 1)),
    )
}

fn group_of_match<M: Mode>(vm: &mut Vm<M>, m: Value, g: usize, default: Value) -> PyResult<Value> {
    let (_, (bs, be)) = group_spans(vm, m, g);
    if bs < 0 {
        return Ok(default);
    }
    let s = slot(vm, m, M_STRING);
    if let Some(b) = cast::<BytesObj>(s) {
        let piece = b.b[bs as usize..be as usize].to_vec();
        vm.new_bytes(&piece)
    } else if is::<ByteArrayObj>(s) {
        let data = vm.bytes_data(s);
        let piece = data.get(bs as usize..be as usize).unwrap_or(&[]).to_vec();
        vm.new_bytes(&piece)
    } else {
        let t = vm.str_of(s);
        vm.new_str(&t[bs as usize..be as usize])
    }
}

fn match_group<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("group() takes no keyword arguments"));
    }
    let m = args[0];
    let c = match_recv(vm, m, "group")?;
    if args.len() <= 2 {
        let g = if args.len() == 2 {
            group_index(vm, &c, args[1])?
        } else {
            0
        };
        return group_of_match(vm, m, g, Value::NONE);
    }
    let out = vm.new_list(&[])?;
    vm.temp_roots.push(out);
    let r = (|| {
        for &a in &args[1..] {
            let g = group_index(vm, &c, a)?;
            let v = group_of_match(vm, m, g, Value::NONE)?;
            vm.list_append(out, v)?;
        }
        let items = vm.list_snapshot(out);
        vm.new_tuple(&items)
    })();
    vm.temp_roots.pop();
    r
}

fn match_groups<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("groups", &args[1..], kwnames, &["default"], 0, 1, 0)?;
    let default = if a[0].is_null() { Value::NONE } else { a[0] };
    let m = args[0];
    let c = match_recv(vm, m, "groups")?;
    let out = vm.new_list(&[])?;
    vm.temp_roots.push(out);
    let r = (|| {
        for g in 1..=c.ngroups {
            let v = group_of_match(vm, m, g, default)?;
            vm.list_append(out, v)?;
        }
        let items = vm.list_snapshot(out);
        vm.new_tuple(&items)
    })();
    vm.temp_roots.pop();
    r
}

fn match_groupdict<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = vm.parse_args("groupdict", &args[1..], kwnames, &["default"], 0, 1, 0)?;
    let default = if a[0].is_null() { Value::NONE } else { a[0] };
    let m = args[0];
    let c = match_recv(vm, m, "groupdict")?;
    let d = vm.new_dict()?;
    vm.temp_roots.push(d);
    let r = (|| {
        for (n, g) in &c.names {
            let k = vm.new_str(n)?;
            vm.temp_roots.push(k);
            let v = group_of_match(vm, m, *g, default);
            let r = v.and_then(|v| vm.dict_set(d, k, v));
            vm.temp_roots.pop();
            r?;
        }
        Ok(d)
    })();
    vm.temp_roots.pop();
    r
}

fn span_arg<M: Mode>(
    vm: &mut Vm<M>,
    args: &[Value],
    kwnames: &[Value],
    what: &str,
) -> PyResult<(i64, i64)> {
    vm.check_method_args(what, args, kwnames, 0, 1)?;
    let m = args[0];
    let c = match_recv(vm, m, what)?;
    let g = if args.len() == 2 {
        group_index(vm, &c, args[1])?
    } else {
        0
    };
    Ok(group_spans(vm, m, g).0)
}

fn match_start<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, _) = span_arg(vm, args, kw, "start")?;
    Ok(Value::small_int(s))
}

fn match_end<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (_, e) = span_arg(vm, args, kw, "end")?;
    Ok(Value::small_int(e))
}

fn match_span<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, e) = span_arg(vm, args, kw, "span")?;
    vm.new_tuple(&[Value::small_int(s), Value::small_int(e)])
}

fn match_expand<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_method_args("expand", args, kwnames, 1, 1)?;
    let m = args[0];
    let c = match_recv(vm, m, "expand")?;
    let p = slot(vm, m, M_RE);
    let parts = parse_template_value(vm, p, &c, args[1])?;
    let s = slot(vm, m, M_STRING);
    let mut out = if c.bytes {
        Buf::B(Vec::new())
    } else {
        Buf::S(String::new())
    };
    let sub = subject(vm, &c, s)?;
    for part in &parts {
        match part {
            TemplatePart::Lit(cs) => out.push_chars(cs),
            TemplatePart::Group(g) => {
                let (_, (bs, be)) = group_spans(vm, m, *g);
                if bs >= 0 {
                    out.push_slice(&sub, bs as usize, be as usize);
                }
            }
        }
    }
    match out {
        Buf::S(s) => vm.new_string(s),
        Buf::B(b) if is::<ByteArrayObj>(s) => vm.new_bytearray(&b),
        Buf::B(b) => vm.new_bytes(&b),
    }
}
