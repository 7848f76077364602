//! The `json` module: a Rust encoder and decoder with CPython 3.11's output and error messages, plus a
//! short Python layer ([`PRELUDE`]) for the public API (`dumps`, `dump`, `loads`, `load`,
//! `JSONEncoder`, `JSONDecoder`, `JSONDecodeError`), executed in the module namespace.
//!
//! Encoding (`_encode`): str/int/float/bool/None/list/tuple/dict (and subclasses), `indent`,
//! `separators`, `sort_keys`, `skipkeys`, `ensure_ascii` (`\uXXXX` with surrogate pairs), `allow_nan`,
//! `default`, circular-reference detection. Decoding (`_decode`): the full JSON grammar plus
//! `NaN`/`Infinity`/`-Infinity`, with `object_hook`, `object_pairs_hook`, `parse_float`, `parse_int`,
//! `parse_constant` and `strict`; errors are `JSONDecodeError(msg, doc, pos)` with char positions.

use crate::access::Mode;
use crate::interp::{PyErr, PyResult, Vm};
use crate::numeric;
use crate::object::*;
use crate::value::Value;
use num_bigint::BigInt;
use std::collections::HashSet;

const PRELUDE: &str = r#"
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno
    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)

JSONDecodeError.__module__ = 'json.decoder'

class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default
    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')
    def encode(self, o):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _encode(o, self.skipkeys, self.ensure_ascii, self.check_circular, self.allow_nan,
                       self.sort_keys, indent, self.item_separator, self.key_separator, self.default)
    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

JSONEncoder.__module__ = 'json.encoder'

def _default(o):
    raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None and not kw:
        if separators is not None:
            item_separator, key_separator = separators
        elif indent is not None:
            item_separator, key_separator = ',', ': '
        else:
            item_separator, key_separator = ', ', ': '
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _encode(obj, skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys, indent,
                       item_separator, key_separator, _default if default is None else default)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)

def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))

class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
    def decode(self, s, _w=None):
        return _decode(s, 0, self.object_hook, self.object_pairs_hook, self.parse_float,
                       self.parse_int, self.parse_constant, self.strict, True, JSONDecodeError)
    def raw_decode(self, s, idx=0):
        return _decode(s, idx, self.object_hook, self.object_pairs_hook, self.parse_float,
                       self.parse_int, self.parse_constant, self.strict, False, JSONDecodeError)

JSONDecoder.__module__ = 'json.decoder'

def detect_encoding(b):
    bstartswith = b.startswith
    if bstartswith((b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff')):
        return 'utf-32'
    if bstartswith((b'\xff\xfe', b'\xfe\xff')):
        return 'utf-16'
    if bstartswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'

def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        enc = detect_encoding(s)
        if enc == 'utf-8-sig':
            s = s[3:].decode('utf-8')
        else:
            s = s.decode(enc)
    if cls is None and not kw:
        return _decode(s, 0, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant,
                       True, True, JSONDecodeError)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)

def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
         object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

decoder.JSONDecodeError = JSONDecodeError
decoder.JSONDecoder = JSONDecoder
encoder.JSONEncoder = JSONEncoder
"#;

pub fn init<M: Mode>(vm: &mut Vm<M>) -> PyResult<Value> {
    let m = vm.new_module("json")?;
    let d = obj::<ModuleObj>(m).dict;
    vm.def_fn(d, "_encode", encode)?;
    vm.def_fn(d, "_decode", decode)?;
    let bm = vm.rt.builtins_module;
    vm.dict_set_str(d, "__builtins__", bm)?;
    // `json.decoder` and `json.encoder` exist as (flat) submodules naming the public classes.
    for sub in ["decoder", "encoder"] {
        let sm = vm.new_module(if sub == "decoder" {
            "json.decoder"
        } else {
            "json.encoder"
        })?;
        vm.dict_set_str(d, sub, sm)?;
    }
    let code = vm.compile_source(PRELUDE, "<frozen json>")?;
    vm.temp_roots.push(code);
    let r = vm.run_code(code, d, d);
    vm.temp_roots.pop();
    r?;
    Ok(m)
}

// ----- encoding -----------------------------------------------------------------------------------------

struct Enc {
    skipkeys: bool,
    ensure_ascii: bool,
    check_circular: bool,
    allow_nan: bool,
    sort_keys: bool,
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    default: Value,
    markers: HashSet<u64>,
    out: String,
    depth: usize,
}

/// Appends `s` as a JSON string literal.
fn encode_str(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// [`encode_str`] with `ensure_ascii` of a str with lone surrogates (written as `\udXXX`, like
/// CPython).
fn encode_wide_ascii(out: &mut String, cps: &[u32]) {
    out.push('"');
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => {
                let mut one = String::new();
                encode_str(&mut one, c.encode_utf8(&mut [0; 4]), true);
                out.push_str(&one[1..one.len() - 1]);
            }
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out.push('"');
}

fn float_str<M: Mode>(vm: &mut Vm<M>, e: &Enc, x: f64) -> PyResult<String> {
    let s = if x.is_nan() {
        "NaN".to_string()
    } else if x == f64::INFINITY {
        "Infinity".to_string()
    } else if x == f64::NEG_INFINITY {
        "-Infinity".to_string()
    } else {
        return Ok(numeric::float_repr::float_repr(x));
    };
    if !e.allow_nan {
        return Err(vm.value_error("Out of range float values are not JSON compliant"));
    }
    Ok(s)
}

fn int_str<M: Mode>(vm: &mut Vm<M>, v: Value) -> PyResult<String> {
    if v.is_small_int() {
        return Ok(v.as_small_int().to_string());
    }
    match vm.as_bigint(v) {
        Some(b) => Ok(b.to_string()),
        None => vm.repr_string(v),
    }
}

fn encode<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("_encode", args, kwnames, 10, 10)?;
    let mut e = Enc {
        skipkeys: vm.truthy(args[1])?,
        ensure_ascii: vm.truthy(args[2])?,
        check_circular: vm.truthy(args[3])?,
        allow_nan: vm.truthy(args[4])?,
        sort_keys: vm.truthy(args[5])?,
        indent: if args[6].is_none() {
            None
        } else {
            Some(vm.str_string(args[6])?)
        },
        item_sep: vm.expect_str(args[7], "item_separator")?.to_string(),
        key_sep: vm.expect_str(args[8], "key_separator")?.to_string(),
        default: args[9],
        markers: HashSet::new(),
        out: String::new(),
        depth: 0,
    };
    let base = vm.temp_roots.len();
    let r = enc_value(vm, &mut e, args[0]);
    vm.temp_roots.truncate(base);
    r?;
    vm.new_string(e.out)
}

fn newline(e: &mut Enc) {
    if let Some(ind) = &e.indent {
        e.out.push('\n');
        for _ in 0..e.depth {
            e.out.push_str(ind);
        }
    }
}

fn mark<M: Mode>(vm: &mut Vm<M>, e: &mut Enc, v: Value) -> PyResult<()> {
    if e.check_circular && !e.markers.insert(v.bits()) {
        return Err(vm.value_error("Circular reference detected"));
    }
    Ok(())
}

fn unmark(e: &mut Enc, v: Value) {
    if e.check_circular {
        e.markers.remove(&v.bits());
    }
}

fn enc_value<M: Mode>(vm: &mut Vm<M>, e: &mut Enc, v: Value) -> PyResult<()> {
    if v.is_none() {
        e.out.push_str("null");
    } else if v == Value::TRUE {
        e.out.push_str("true");
    } else if v == Value::FALSE {
        e.out.push_str("false");
    } else if let Some(s) = cast::<StrObj>(v) {
        match s.wide() {
            None => encode_str(&mut e.out, &s.s, e.ensure_ascii),
            Some(w) if e.ensure_ascii => encode_wide_ascii(&mut e.out, w),
            Some(_) => return Err(vm.surrogates_unsupported("json with ensure_ascii=False")),
        }
    } else if v.is_small_int() || is::<BigIntObj>(v) {
        let s = int_str(vm, v)?;
        e.out.push_str(&s);
    } else if v.is_float() {
        let s = float_str(vm, e, v.as_float())?;
        e.out.push_str(&s);
    } else if is::<ListObj>(v) || is::<TupleObj>(v) {
        let items = if is::<ListObj>(v) {
            vm.list_snapshot(v)
        } else {
            obj::<TupleObj>(v).as_slice().to_vec()
        };
        if items.is_empty() {
            e.out.push_str("[]");
            return Ok(());
        }
        mark(vm, e, v)?;
        vm.temp_roots.extend_from_slice(&items);
        e.out.push('[');
        e.depth += 1;
        newline(e);
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                let sep = e.item_sep.clone();
                e.out.push_str(&sep);
                newline(e);
            }
            enc_nested(vm, e, *it)?;
        }
        e.depth -= 1;
        newline(e);
        e.out.push(']');
        unmark(e, v);
    } else if is::<DictObj>(v) {
        enc_dict(vm, e, v)?;
    } else {
        mark(vm, e, v)?;
        let d = e.default;
        let r = vm.call(d, &[v], &[])?;
        vm.temp_roots.push(r);
        enc_nested(vm, e, r)?;
        unmark(e, v);
    }
    Ok(())
}

fn enc_nested<M: Mode>(vm: &mut Vm<M>, e: &mut Enc, v: Value) -> PyResult<()> {
    vm.check_native_stack()?;
    if e.depth > vm.recursion_limit {
        return Err(vm.recursion_error());
    }
    enc_value(vm, e, v)
}

fn enc_dict<M: Mode>(vm: &mut Vm<M>, e: &mut Enc, d: Value) -> PyResult<()> {
    let mut items = vm.dict_items_vec(d);
    if items.is_empty() {
        e.out.push_str("{}");
        return Ok(());
    }
    mark(vm, e, d)?;
    for (k, v) in &items {
        vm.temp_roots.push(*k);
        vm.temp_roots.push(*v);
    }
    if e.sort_keys {
        // Stable merge sort on the keys with Python's `<` (errors propagate).
        let mut err: Option<PyErr> = None;
        items = merge_sort(vm, items, &mut err);
        if let Some(x) = err {
            return Err(x);
        }
    }
    e.out.push('{');
    e.depth += 1;
    newline(e);
    let mut first = true;
    for (k, v) in items {
        let key = if let Some(s) = cast::<StrObj>(k) {
            if s.wide.is_some() {
                return Err(vm.surrogates_unsupported("a json object key"));
            }
            s.s.to_string()
        } else if k.is_float() {
            float_str(vm, e, k.as_float())?
        } else if k == Value::TRUE {
            "true".into()
        } else if k == Value::FALSE {
            "false".into()
        } else if k.is_none() {
            "null".into()
        } else if k.is_small_int() || is::<BigIntObj>(k) {
            int_str(vm, k)?
        } else if e.skipkeys {
            continue;
        } else {
            let tn = vm.tname(k).to_string();
            return Err(vm.type_error(format!(
                "keys must be str, int, float, bool or None, not {tn}"
            )));
        };
        if !first {
            let sep = e.item_sep.clone();
            e.out.push_str(&sep);
            newline(e);
        }
        first = false;
        encode_str(&mut e.out, &key, e.ensure_ascii);
        let ks = e.key_sep.clone();
        e.out.push_str(&ks);
        enc_nested(vm, e, v)?;
    }
    e.depth -= 1;
    newline(e);
    e.out.push('}');
    unmark(e, d);
    Ok(())
}

fn merge_sort<M: Mode>(
    vm: &mut Vm<M>,
    mut v: Vec<(Value, Value)>,
    err: &mut Option<PyErr>,
) -> Vec<(Value, Value)> {
    if v.len() <= 1 || err.is_some() {
        return v;
    }
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(vm, v, err);
    let right = merge_sort(vm, right, err);
    if err.is_some() {
        return left;
    }
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        match vm.less_than(right[j].0, left[i].0) {
            Ok(true) => {
                out.push(right[j]);
                j += 1;
            }
            Ok(false) => {
                out.push(left[i]);
                i += 1;
            }
            Err(x) => {
                *err = Some(x);
                return out;
            }
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    out
}

// ----- decoding -----------------------------------------------------------------------------------------

struct Dec<'a> {
    s: &'a str,
    /// Char index of each byte offset is computed on error only.
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    strict: bool,
    err_cls: Value,
    doc: Value,
    depth: usize,
}

/// A decode failure: message and byte offset (converted to a char index when raised).
enum DErr {
    Msg(&'static str, usize),
    Py(PyErr),
}

impl From<PyErr> for DErr {
    fn from(e: PyErr) -> Self {
        DErr::Py(e)
    }
}

type DResult<T> = Result<T, DErr>;

fn decode<M: Mode>(vm: &mut Vm<M>, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    vm.check_args("_decode", args, kwnames, 10, 10)?;
    let doc = args[0];
    if !is::<StrObj>(doc) {
        let tn = vm.tname(doc).to_string();
        return Err(vm.type_error(format!(
            "the JSON object must be str, bytes or bytearray, not {tn}"
        )));
    }
    if crate::builtins::str_type::has_wide_str(&[doc]) {
        return Err(vm.surrogates_unsupported("json decoding"));
    }
    let s: &str = vm.str_of(doc);
    let idx = vm.index_value(args[1])?;
    let full = vm.truthy(args[8])?;
    let strict = vm.truthy(args[7])?;
    let opt = |v: Value| if v.is_none() { Value::NULL } else { v };
    let mut d = Dec {
        s,
        object_hook: opt(args[2]),
        pairs_hook: opt(args[3]),
        parse_float: opt(args[4]),
        parse_int: opt(args[5]),
        parse_constant: opt(args[6]),
        strict,
        err_cls: args[9],
        doc,
        depth: 0,
    };
    let r = (|| -> DResult<Value> {
        if full {
            let p = skip_ws(s, 0);
            let (v, end) = parse_value(vm, &mut d, p)?;
            vm.temp_roots.push(v);
            let end2 = skip_ws(s, end);
            vm.temp_roots.pop();
            if end2 != s.len() {
                return Err(DErr::Msg("Extra data", end2));
            }
            Ok(v)
        } else {
            let cl = obj::<StrObj>(doc).char_len as i64;
            if idx < 0 || idx > cl {
                return Err(DErr::Msg("Expecting value", s.len()));
            }
            let bi = byte_of_char(s, idx as usize);
            let (v, end) = parse_value(vm, &mut d, bi)?;
            vm.temp_roots.push(v);
            let ce = char_of_byte(s, end) as i64;
            let r = vm.new_tuple(&[v, Value::small_int(ce)]);
            vm.temp_roots.pop();
            Ok(r?)
        }
    })();
    match r {
        Ok(v) => Ok(v),
        Err(DErr::Py(e)) => Err(e),
        Err(DErr::Msg(m, pos)) => {
            if !full && m == "Expecting value" && pos == s.len() && idx < 0 {
                return Err(vm.value_error("idx cannot be negative"));
            }
            let cpos = char_of_byte(s, pos) as i64;
            let msg = vm.new_str(m)?;
            let cls = d.err_cls;
            match vm.call(cls, &[msg, doc, Value::small_int(cpos)], &[]) {
                Ok(x) => Err(PyErr::Exc(x)),
                Err(e) => Err(e),
            }
        }
    }
}

fn char_of_byte(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    if s.is_ascii() {
        return b;
    }
    s[..b].chars().count()
}

fn byte_of_char(s: &str, c: usize) -> usize {
    if s.is_ascii() {
        return c.min(s.len());
    }
    s.char_indices().nth(c).map_or(s.len(), |(i, _)| i)
}

fn skip_ws(s: &str, mut p: usize) -> usize {
    let b = s.as_bytes();
    while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\n' | b'\r') {
        p += 1;
    }
    p
}

fn parse_value<M: Mode>(vm: &mut Vm<M>, d: &mut Dec, p: usize) -> DResult<(Value, usize)> {
    let b = d.s.as_bytes();
    let Some(&c) = b.get(p) else {
        return Err(DErr::Msg("Expecting value", p));
    };
    match c {
        b'"' => {
            let (s, end) = parse_string(d, p)?;
            Ok((vm.new_string(s)?, end))
        }
        b'{' => nested(vm, d, p, true),
        b'[' => nested(vm, d, p, false),
        b'n' if d.s[p..].starts_with("null") => Ok((Value::NONE, p + 4)),
        b't' if d.s[p..].starts_with("true") => Ok((Value::TRUE, p + 4)),
        b'f' if d.s[p..].starts_with("false") => Ok((Value::FALSE, p + 5)),
        b'N' if d.s[p..].starts_with("NaN") => Ok((constant(vm, d, "NaN", f64::NAN)?, p + 3)),
        b'I' if d.s[p..].starts_with("Infinity") => {
            Ok((constant(vm, d, "Infinity", f64::INFINITY)?, p + 8))
        }
        b'-' if d.s[p..].starts_with("-Infinity") => {
            Ok((constant(vm, d, "-Infinity", f64::NEG_INFINITY)?, p + 9))
        }
        b'-' | b'0'..=b'9' => parse_number(vm, d, p),
        _ => Err(DErr::Msg("Expecting value", p)),
    }
}

fn constant<M: Mode>(vm: &mut Vm<M>, d: &Dec, name: &str, x: f64) -> PyResult<Value> {
    if d.parse_constant.is_null() {
        return Ok(Value::float(x));
    }
    let s = vm.new_str(name)?;
    vm.call(d.parse_constant, &[s], &[])
}

fn parse_number<M: Mode>(vm: &mut Vm<M>, d: &Dec, p: usize) -> DResult<(Value, usize)> {
    let b = d.s.as_bytes();
    let mut i = p;
    if b[i] == b'-' {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - st
    };
    if i < b.len() && b[i] == b'0' {
        i += 1;
    } else if i < b.len() && (b'1'..=b'9').contains(&b[i]) {
        digits(&mut i);
    } else {
        return Err(DErr::Msg("Expecting value", p));
    }
    let mut is_float = false;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        digits(&mut i);
        is_float = true;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
            is_float = true;
        }
    }
    let text = &d.s[p..i];
    let v = if is_float {
        if d.parse_float.is_null() {
            let x: f64 = text.parse().unwrap_or(f64::NAN);
            Value::float(x)
        } else {
            let s = vm.new_str(text)?;
            vm.call(d.parse_float, &[s], &[])?
        }
    } else if d.parse_int.is_null() {
        match text.parse::<i64>() {
            Ok(n) => vm.new_int(n)?,
            Err(_) => {
                let n: BigInt = text.parse().unwrap_or_default();
                vm.new_bigint(n)?
            }
        }
    } else {
        let s = vm.new_str(text)?;
        vm.call(d.parse_int, &[s], &[])?
    };
    Ok((v, i))
}

/// Parses the string literal starting at the quote at `p`; returns its value and the end offset.
fn parse_string(d: &Dec, p: usize) -> DResult<(String, usize)> {
    let s = d.s;
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = p + 1;
    loop {
        // Copy a run of plain characters.
        let st = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' && (b[i] >= 0x20 || !d.strict) {
            i += 1;
        }
        out.push_str(&s[st..i]);
        let Some(&c) = b.get(i) else {
            return Err(DErr::Msg("Unterminated string starting at", p));
        };
        match c {
            b'"' => return Ok((out, i + 1)),
            b'\\' => {
                let Some(&e) = b.get(i + 1) else {
                    return Err(DErr::Msg("Unterminated string starting at", p));
                };
                match e {
                    b'"' => out.push('"'),
                    b'\\' => out.push('\\'),
                    b'/' => out.push('/'),
                    b'b' => out.push('\x08'),
                    b'f' => out.push('\x0c'),
                    b'n' => out.push('\n'),
                    b'r' => out.push('\r'),
                    b't' => out.push('\t'),
                    b'u' => {
                        let u = hex4(s, i + 2).ok_or(DErr::Msg("Invalid \\uXXXX escape", i + 1))?;
                        i += 6;
                        if (0xD800..0xDC00).contains(&u) && s[i..].starts_with("\\u") {
                            if let Some(l) = hex4(s, i + 2) {
                                if (0xDC00..0xE000).contains(&l) {
                                    let cp = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
                                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                                    i += 6;
                                    continue;
                                }
                            } else {
                                return Err(DErr::Msg("Invalid \\uXXXX escape", i + 1));
                            }
                        }
                        out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                        continue;
                    }
                    _ => return Err(DErr::Msg("Invalid \\escape", i)),
                }
                i += 2;
            }
            _ => return Err(DErr::Msg("Invalid control character at", i)),
        }
    }
}

fn hex4(s: &str, p: usize) -> Option<u32> {
    let h = s.get(p..p + 4)?;
    if !h.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(h, 16).ok()
}

fn nested<M: Mode>(vm: &mut Vm<M>, d: &mut Dec, p: usize, is_obj: bool) -> DResult<(Value, usize)> {
    vm.check_native_stack()?;
    d.depth += 1;
    if d.depth > vm.recursion_limit.max(100) + 100 {
        d.depth -= 1;
        return Err(DErr::Py(vm.recursion_error()));
    }
    let r = if is_obj {
        parse_object(vm, d, p)
    } else {
        parse_array(vm, d, p)
    };
    d.depth -= 1;
    r
}

fn parse_array<M: Mode>(vm: &mut Vm<M>, d: &mut Dec, p: usize) -> DResult<(Value, usize)> {
    let list = vm.new_list(&[])?;
    vm.temp_roots.push(list);
    let r = (|| {
        let b = d.s.as_bytes();
        let mut i = skip_ws(d.s, p + 1);
        if b.get(i) == Some(&b']') {
            return Ok((list, i + 1));
        }
        loop {
            let (v, e) = parse_value(vm, d, i)?;
            vm.list_append(list, v)?;
            i = skip_ws(d.s, e);
            match b.get(i) {
                Some(b']') => return Ok((list, i + 1)),
                Some(b',') => i = skip_ws(d.s, i + 1),
                _ => return Err(DErr::Msg("Expecting ',' delimiter", i)),
            }
        }
    })();
    vm.temp_roots.pop();
    r
}

fn parse_object<M: Mode>(vm: &mut Vm<M>, d: &mut Dec, p: usize) -> DResult<(Value, usize)> {
    // Pairs are collected in a list (rooted) for object_pairs_hook, else straight into a dict.
    let use_pairs = !d.pairs_hook.is_null();
    let acc = if use_pairs {
        vm.new_list(&[])?
    } else {
        vm.new_dict()?
    };
    vm.temp_roots.push(acc);
    let r = (|| {
        let b = d.s.as_bytes();
        let mut i = skip_ws(d.s, p + 1);
        if b.get(i) != Some(&b'}') {
            loop {
                if b.get(i) != Some(&b'"') {
                    return Err(DErr::Msg(
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (k, e) = parse_string(d, i)?;
                let key = vm.new_string(k)?;
                vm.temp_roots.push(key);
                let r = (|| {
                    i = skip_ws(d.s, e);
                    if b.get(i) != Some(&b':') {
                        return Err(DErr::Msg("Expecting ':' delimiter", i));
                    }
                    i = skip_ws(d.s, i + 1);
                    let (v, e) = parse_value(vm, d, i)?;
                    if use_pairs {
                        vm.temp_roots.push(v);
                        let t = vm.new_tuple(&[key, v]);
                        vm.temp_roots.pop();
                        let t = t?;
                        vm.list_append(acc, t)?;
                    } else {
                        vm.dict_set(acc, key, v)?;
                    }
                    Ok(e)
                })();
                vm.temp_roots.pop();
                i = skip_ws(d.s, r?);
                match b.get(i) {
                    Some(b'}') => break,
                    Some(b',') => {
                        i = skip_ws(d.s, i + 1);
                    }
                    _ => return Err(DErr::Msg("Expecting ',' delimiter", i)),
                }
            }
        }
        let end = i + 1;
        let v = if use_pairs {
            vm.call(d.pairs_hook, &[acc], &[])?
        } else if !d.object_hook.is_null() {
            vm.call(d.object_hook, &[acc], &[])?
        } else {
            acc
        };
        Ok((v, end))
    })();
    vm.temp_roots.pop();
    let _ = d.doc;
    r
}
