//! `str.format` and `str.format_map`: the replacement-field grammar of CPython 3.11's
//! `Objects/stringlib/unicode_format.h` (`MarkupIterator`, `parse_field`, `field_name_split`,
//! `FieldNameIterator`), with its auto/manual numbering state and its exact error messages.
//!
//! A field `{name.attr[key]!conv:spec}` is resolved lazily (attribute and item lookups run Python
//! code), converted (`!r`/`!s`/`!a`), its spec expanded recursively (at most two levels), and
//! rendered with `vm.format`. Delimiters are ASCII, so the parser walks UTF-8 bytes.

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

pub fn register<M: Mode>(vm: &mut Vm<M>) -> PyResult<()> {
    let t = vm.types.str;
    vm.def_method(t, "format", str_format_any)?;
    vm.def_method(t, "format_map", str_format_map)?;
    Ok(())
}

/// Where replacement values come from.
struct Source {
    /// Positional arguments (None for format_map: "Format string contains positional fields").
    args: Option<Vec<Value>>,
    /// Keyword mapping (a dict for format, any mapping for format_map), or NULL.
    kwargs: Value,
}

#[derive(PartialEq, Clone, Copy)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

struct AutoState {
    state: AutoNumber,
    next: usize,
}

/// `str.format`, also with exact strs that have lone surrogates as the format string or as
/// arguments (through `str_type::via_placeholders`), unless a field converts (`!r`/`!a` would show
/// the placeholders) or a str subclass instance has them (its own `__format__`/`__str__` would see
/// placeholders): then NotImplementedError.
fn str_format_any<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !super::str_type::has_wide_str(args) {
        return str_format(vm, args, kw);
    }
    let fmt = args[0];
    let converts = cast::<StrObj>(fmt).is_none_or(|s| s.s.contains('!'));
    let subclass = args
        .iter()
        .any(|a| super::str_type::has_wide_str(&[*a]) && vm.type_of(*a) != vm.types.str);
    if converts || subclass {
        return Err(vm.surrogates_unsupported("str.format() with conversions or str subclasses"));
    }
    super::str_type::via_placeholders(vm, args, kw, "format", str_format::<M>)
}

fn str_format<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = super::str_methods::check_recv(vm, args, "str", "format", is::<StrObj>)?;
    let npos = args.len() - kw.len();
    let pos = args[1..npos].to_vec();
    let kwargs = if kw.is_empty() {
        Value::NULL
    } else {
        let d = vm.new_dict()?;
        vm.temp_roots.push(d);
        for (i, k) in kw.iter().enumerate() {
            if let Err(e) = vm.dict_set(d, *k, args[npos + i]) {
                vm.temp_roots.pop();
                return Err(e);
            }
        }
        vm.temp_roots.pop();
        d
    };
    let src = Source {
        args: Some(pos),
        kwargs,
    };
    run(vm, this, &src)
}

fn str_format_map<M: Mode>(vm: &mut Vm<M>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = super::str_methods::check_recv(vm, args, "str", "format_map", is::<StrObj>)?;
    vm.check_method_args("str.format_map", args, kw, 1, 1)?;
    let src = Source {
        args: None,
        kwargs: args[1],
    };
    run(vm, this, &src)
}

fn run<M: Mode>(vm: &mut Vm<M>, this: Value, src: &Source) -> PyResult<Value> {
    let mark = vm.temp_roots.len();
    if !src.kwargs.is_null() {
        vm.temp_roots.push(src.kwargs);
    }
    if super::str_type::has_wide_str(&[this]) {
        return Err(vm.surrogates_unsupported("str.format()"));
    }
    let fmt = vm.str_of(this);
    let mut auto = AutoState {
        state: AutoNumber::Init,
        next: 0,
    };
    let r = build_string(vm, fmt, src, 2, &mut auto);
    vm.temp_roots.truncate(mark);
    let s = r?;
    vm.new_string(s)
}

/// `build_string`: expands every field of `fmt`.
fn build_string<M: Mode>(
    vm: &mut Vm<M>,
    fmt: &str,
    src: &Source,
    depth: i32,
    auto: &mut AutoState,
) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let end = b.len();
    let mut pos = 0usize;
    let mut out = String::new();
    while pos < end {
        // Literal text up to the first '{' or '}'.
        let start = pos;
        let mut c = 0u8;
        let mut markup_follows = false;
        while pos < end {
            c = b[pos];
            pos += 1;
            if c == b'{' || c == b'}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if markup_follows && c == b'}' && (at_end || b[pos] != b'}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if markup_follows && at_end && c == b'{' {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if markup_follows && !at_end {
            if b[pos] == c {
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        out.push_str(&fmt[start..start + len]);
        if !markup_follows {
            continue;
        }
        let field = parse_field(vm, fmt, &mut pos)?;
        render_field(vm, fmt, &field, src, depth, auto, &mut out)?;
    }
    Ok(out)
}

/// A parsed replacement field: byte ranges into the format string.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

/// `parse_field`: reads `name[!conv][:spec]}` starting at `*pos` (just after the '{').
fn parse_field<M: Mode>(vm: &mut Vm<M>, fmt: &str, pos: &mut usize) -> PyResult<Field> {
    let b = fmt.as_bytes();
    let end = b.len();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < end {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(vm.value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < end && b[*pos] != b']' {
                    *pos += 1;
                }
                continue;
            }
            b'}' | b':' | b'!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: (name_start, pos.saturating_sub(1).max(name_start)),
        conversion: None,
        spec: (*pos, *pos),
        spec_needs_expanding: false,
    };
    if c == b'!' || c == b':' {
        if c == b'!' {
            if *pos >= end {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            let ch = fmt[*pos..].chars().next().unwrap_or('\0');
            *pos += ch.len_utf8();
            field.conversion = Some(ch);
            if *pos < end {
                let c2 = b[*pos];
                *pos += 1;
                if c2 == b'}' {
                    field.spec = (*pos, *pos);
                    return Ok(field);
                }
                if c2 != b':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < end {
            let c = b[*pos];
            *pos += 1;
            match c {
                b'{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                b'}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    } else if c != b'}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// `get_integer`: the value of an all-decimal-digit name, None otherwise.
fn get_integer<M: Mode>(vm: &mut Vm<M>, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for ch in s.chars() {
        let d = match crate::text::unicode::decimal_value(ch) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d)) {
            Some(a) if a <= isize::MAX as usize => a,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

/// `get_field_object`: resolves `name.attr[key]...` to a value.
fn get_field_object<M: Mode>(
    vm: &mut Vm<M>,
    name: &str,
    src: &Source,
    auto: &mut AutoState,
) -> PyResult<Value> {
    let b = name.as_bytes();
    let first_end = b
        .iter()
        .position(|c| *c == b'.' || *c == b'[')
        .unwrap_or(b.len());
    let first = &name[..first_end];
    let mut idx = get_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if auto.state == AutoNumber::Init {
            auto.state = if empty {
                AutoNumber::Auto
            } else {
                AutoNumber::Manual
            };
        }
        if auto.state == AutoNumber::Manual && empty {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == AutoNumber::Auto && !empty {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            idx = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut obj = match idx {
        None => {
            let key = vm.new_str(first)?;
            if src.kwargs.is_null() {
                return Err(vm.key_error(key));
            }
            vm.temp_roots.push(key);
            let r = mapping_getitem(vm, src.kwargs, key);
            vm.temp_roots.pop();
            r?
        }
        Some(i) => match &src.args {
            None => {
                return Err(vm.value_error("Format string contains positional fields"));
            }
            Some(a) => match a.get(i) {
                Some(v) => *v,
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    )))
                }
            },
        },
    };
    // The rest: ".attr" and "[key]" parts, resolved one at a time.
    let mut pos = first_end;
    let end = b.len();
    let mark = vm.temp_roots.len();
    let r = (|| {
        while pos < end {
            let c = b[pos];
            pos += 1;
            let (is_attr, part) = match c {
                b'.' => {
                    let s = pos;
                    while pos < end && b[pos] != b'.' && b[pos] != b'[' {
                        pos += 1;
                    }
                    (true, &name[s..pos])
                }
                b'[' => {
                    let s = pos;
                    while pos < end && b[pos] != b']' {
                        pos += 1;
                    }
                    if pos >= end {
                        return Err(vm.value_error("Missing ']' in format string"));
                    }
                    let part = &name[s..pos];
                    pos += 1;
                    (false, part)
                }
                _ => {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    )
                }
            };
            if part.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            vm.temp_roots.push(obj);
            obj = if is_attr {
                let n = vm.intern(part);
                vm.getattr(obj, n)?
            } else {
                match get_integer(vm, part)? {
                    Some(i) => {
                        let k = vm.new_int(i as i64)?;
                        vm.getitem(obj, k)?
                    }
                    None => {
                        let k = vm.new_str(part)?;
                        vm.getitem(obj, k)?
                    }
                }
            };
        }
        Ok(obj)
    })();
    vm.temp_roots.truncate(mark);
    r
}

/// `mapping[key]`; dict subclasses without their own `__getitem__` use the dict lookup and
/// `__missing__`, like CPython's `dict.__getitem__`.
fn mapping_getitem<M: Mode>(vm: &mut Vm<M>, m: Value, key: Value) -> PyResult<Value> {
    if !is::<DictObj>(m) {
        return vm.getitem(m, key);
    }
    let t = vm.type_of(m);
    if t != vm.types.dict {
        let gi = vm.rt.names.__getitem__;
        if let Some(f) = vm.type_lookup(t, gi) {
            if !is::<NativeObj>(f) {
                return vm.call_method_value(f, m, &[key]);
            }
        }
    }
    if let Some(v) = vm.dict_get(m, key)? {
        return Ok(v);
    }
    if t != vm.types.dict {
        let mn = vm.rt.names.__missing__;
        if let Some(f) = vm.type_lookup(t, mn) {
            return vm.call_method_value(f, m, &[key]);
        }
    }
    Err(vm.key_error(key))
}

fn render_field<M: Mode>(
    vm: &mut Vm<M>,
    fmt: &str,
    field: &Field,
    src: &Source,
    depth: i32,
    auto: &mut AutoState,
    out: &mut String,
) -> PyResult<()> {
    let name = &fmt[field.name.0..field.name.1];
    let mut obj = get_field_object(vm, name, src, auto)?;
    let mark = vm.temp_roots.len();
    vm.temp_roots.push(obj);
    let r = (|| {
        if let Some(conv) = field.conversion {
            obj = match conv {
                'r' => vm.repr(obj)?,
                's' => vm.str(obj)?,
                'a' => vm.ascii(obj)?,
                c => {
                    let n = c as u32;
                    let msg = if n > 32 && n < 127 {
                        format!("Unknown conversion specifier {c}")
                    } else {
                        format!("Unknown conversion specifier \\x{n:x}")
                    };
                    return Err(vm.value_error(msg));
                }
            };
            vm.temp_roots.push(obj);
        }
        let spec_text = &fmt[field.spec.0..field.spec.1];
        let spec = if field.spec_needs_expanding {
            build_string(vm, spec_text, src, depth - 1, auto)?
        } else {
            spec_text.to_string()
        };
        if spec.is_empty() {
            if let Some(so) = cast::<StrObj>(obj) {
                if vm.type_of(obj) == vm.types.str && so.wide.is_none() {
                    out.push_str(&so.s);
                    return Ok(());
                }
            }
        }
        let sv = vm.new_string(spec)?;
        vm.temp_roots.push(sv);
        let r = vm.format(obj, sv)?;
        if super::str_type::has_wide_str(&[r]) {
            return Err(vm.surrogates_unsupported("str.format()"));
        }
        out.push_str(vm.str_of(r));
        Ok(())
    })();
    vm.temp_roots.truncate(mark);
    r
}
