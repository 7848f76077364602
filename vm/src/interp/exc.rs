//! Exceptions: building exception objects for errors the VM raises itself, matching `except` clauses,
//! traceback entries, and printing an uncaught exception in CPython's format.
//!
//! Nothing here runs Python code except `print_exception` (which calls `str()` on the exception, and so
//! may run a user `__str__`).

use crate::access::{Mode, Slot};
use crate::interp::{PyErr, PyResult, Vm};
use crate::numeric::NumError;
use crate::object::*;
use crate::value::Value;

impl<M: Mode> Vm<M> {
    /// A new exception instance of class `cls` with `args`.
    pub fn new_exception(&mut self, cls: Value, args: &[Value]) -> PyResult<Value> {
        let args = self.new_tuple(args)?;
        self.alloc(
            cls,
            ExceptionObj {
                header: Self::hdr(),
                dict: Slot::new(Value::NULL),
                args: Slot::new(args),
                traceback: Slot::new(Value::NONE),
                cause: Slot::new(Value::NONE),
                context: Slot::new(Value::NONE),
                suppress_context: Slot::new(Value::FALSE),
            },
        )
    }

    /// An exception of class `cls` with one str argument.
    pub fn error(&mut self, cls: Value, msg: impl AsRef<str>) -> PyErr {
        let m = match self.new_str(msg.as_ref()) {
            Ok(m) => m,
            Err(e) => return e,
        };
        match self.new_exception(cls, &[m]) {
            Ok(e) => PyErr::Exc(e),
            Err(e) => e,
        }
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.type_error;
        self.error(c, msg)
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.value_error;
        self.error(c, msg)
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.index_error;
        self.error(c, msg)
    }
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.attribute_error;
        self.error(c, msg)
    }
    pub fn name_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.name_error;
        self.error(c, msg)
    }
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.overflow_error;
        self.error(c, msg)
    }
    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.zero_division_error;
        self.error(c, msg)
    }
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        let c = self.exc.runtime_error;
        self.error(c, msg)
    }
    pub fn recursion_error(&mut self) -> PyErr {
        let c = self.exc.recursion_error;
        self.error(c, "maximum recursion depth exceeded")
    }
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let c = self.exc.stop_iteration;
        let args: &[Value] = if value == Value::NONE { &[] } else { &[value] };
        match self.new_exception(c, args) {
            Ok(e) => PyErr::Exc(e),
            Err(e) => e,
        }
    }
    /// A KeyError whose argument is the key itself (CPython prints its repr).
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.exc.key_error;
        match self.new_exception(c, &[key]) {
            Ok(e) => PyErr::Exc(e),
            Err(e) => e,
        }
    }

    /// MemoryError, built without allocating more than a few words (preallocated args).
    pub fn memory_error(&mut self) -> PyErr {
        let c = self.exc.memory_error;
        match self.new_exception(c, &[]) {
            Ok(e) => PyErr::Exc(e),
            Err(e) => e,
        }
    }

    /// Converts a numeric-kernel error into the Python exception it names.
    pub fn num_error(&mut self, e: NumError) -> PyErr {
        match e {
            NumError::Value(m) => self.value_error(m),
            NumError::Overflow(m) => self.overflow_error(m),
            NumError::ZeroDivision(m) => self.zero_division(m),
            NumError::Type(m) => self.type_error(m),
        }
    }

    /// The exception object of an error.
    pub fn exc_value(&self, e: &PyErr) -> Value {
        match e {
            PyErr::Exc(v) => *v,
        }
    }

    /// Does the error match exception class `cls` (or a tuple of classes)?
    pub fn err_matches(&mut self, e: &PyErr, cls: Value) -> bool {
        let v = self.exc_value(e);
        let t = self.type_of(v);
        self.exc_class_matches(t, cls)
    }

    /// `issubclass(t, cls)` for except clauses; `cls` may be a tuple.
    pub fn exc_class_matches(&mut self, t: Value, cls: Value) -> bool {
        if let Some(tup) = cast::<TupleObj>(cls) {
            return tup.as_slice().iter().any(|c| self.is_subtype(t, *c));
        }
        self.is_subtype(t, cls)
    }

    /// Implicit chaining: an exception raised while another is being handled gets it as `__context__`
    /// (unless it already has one), breaking any cycle this would create, like CPython.
    pub fn set_context(&mut self, exc: Value) {
        let handled = self.exc_info;
        if handled.is_null() || handled == exc || !is::<ExceptionObj>(exc) {
            return;
        }
        let e = obj::<ExceptionObj>(exc);
        let cur = self.load(&e.context);
        if !(cur.is_null() || cur == Value::NONE) {
            return;
        }
        // Break a cycle: if `exc` is already in handled's context chain, cut the chain before it.
        let mut o = handled;
        let mut steps = 0;
        while let Some(x) = cast::<ExceptionObj>(o) {
            let c = self.load(&x.context);
            if c == exc {
                self.store(&x.context, Value::NONE);
                break;
            }
            o = c;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        self.store(&e.context, handled);
    }

    /// Appends a traceback entry for (code, line) to the exception's traceback (outermost first).
    pub fn add_traceback(&mut self, exc: Value, code: Value, line: u32) {
        let Some(e) = cast::<ExceptionObj>(exc) else {
            return;
        };
        let old = self.load(&e.traceback);
        let cls = self.types.traceback;
        let next = if old == Value::NONE { Value::NULL } else { old };
        if let Ok(tb) = self.alloc(
            cls,
            TracebackObj {
                header: Self::hdr(),
                next: Slot::new(next),
                code,
                lineno: line,
            },
        ) {
            self.store(&obj::<ExceptionObj>(exc).traceback, tb);
        }
    }

    /// `str(exc)` for messages, never failing.
    pub fn exc_message(&mut self, exc: Value) -> String {
        match self.str_string(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// The last line CPython prints for an exception: `Type: message` or `Type`.
    pub fn exc_summary(&mut self, exc: Value) -> String {
        let t = self.type_of(exc);
        let mut name = self.type_name(t).to_string();
        if let Some(m) = self.dict_get_name(obj::<TypeObj>(t).dict, "__module__") {
            if is::<StrObj>(m) {
                let m = self.str_of(m);
                if m != "builtins" && m != "__main__" {
                    name = format!("{m}.{name}");
                }
            }
        }
        let msg = self.exc_message(exc);
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// Formats an exception with its traceback and chained causes, as CPython prints it.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_exception_chain(&mut self, exc: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(exc);
        if let Some(e) = cast::<ExceptionObj>(exc) {
            let cause = self.load(&e.cause);
            let context = self.load(&e.context);
            let suppress = self.load(&e.suppress_context) == Value::TRUE;
            if cause != Value::NONE && !cause.is_null() && !seen.contains(&cause) {
                self.format_exception_chain(cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !suppress
                && context != Value::NONE
                && !context.is_null()
                && !seen.contains(&context)
            {
                self.format_exception_chain(context, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
            let tb = self.load(&e.traceback);
            if tb != Value::NONE && !tb.is_null() {
                out.push_str("Traceback (most recent call last):\n");
                // Like CPython, a run of more than 3 identical entries is summarised.
                let mut cur = tb;
                let mut last: Option<(Value, u32)> = None;
                let mut repeats = 0usize;
                while let Some(t) = cast::<TracebackObj>(cur) {
                    let key = (t.code, t.lineno);
                    if last == Some(key) {
                        repeats += 1;
                    } else {
                        push_repeats(out, repeats);
                        last = Some(key);
                        repeats = 1;
                    }
                    if repeats <= 3 {
                        let code = &obj::<CodeObj>(t.code).code;
                        let file = self.str_of(code.filename).to_string();
                        let name = self.str_of(code.name).to_string();
                        out.push_str(&format!(
                            "  File \"{}\", line {}, in {}\n",
                            file, t.lineno, name
                        ));
                        if let Some(line) = source_line(&file, t.lineno) {
                            out.push_str(&format!("    {}\n", line.trim()));
                        }
                    }
                    cur = self.load(&t.next);
                }
                push_repeats(out, repeats);
            }
        }
        let se = self.exc.syntax_error;
        if self.is_instance(exc, se) {
            self.format_syntax_error_location(exc, out);
        }
        let s = self.exc_summary(exc);
        out.push_str(&s);
        out.push('\n');
    }

    /// The `File "x", line N` / source / caret lines CPython prints before a SyntaxError's summary.
    fn format_syntax_error_location(&mut self, exc: Value, out: &mut String) {
        let Ok(Some(d)) = self.instance_dict(exc, false) else {
            return;
        };
        let file = self
            .dict_get_name(d, "filename")
            .filter(|v| is::<StrObj>(*v));
        let line = self.dict_get_name(d, "lineno").filter(|v| v.is_small_int());
        let (Some(file), Some(line)) = (file, line) else {
            return;
        };
        out.push_str(&format!(
            "  File \"{}\", line {}\n",
            self.str_of(file),
            line.as_small_int()
        ));
        let text = self.dict_get_name(d, "text").filter(|v| is::<StrObj>(*v));
        if let Some(t) = text {
            let t = self.str_of(t).trim_end_matches(['\n', '\r']);
            let stripped = t.trim_start();
            let indent = t.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {stripped}\n"));
            let off = self.dict_get_name(d, "offset").filter(|v| v.is_small_int());
            let end = self
                .dict_get_name(d, "end_offset")
                .filter(|v| v.is_small_int());
            let end_line = self
                .dict_get_name(d, "end_lineno")
                .filter(|v| v.is_small_int());
            if let Some(off) = off {
                let col = (off.as_small_int() - 1).max(0) as usize;
                let col = col.saturating_sub(indent);
                let width = match (end, end_line) {
                    (Some(e), Some(el)) if el.as_small_int() == line.as_small_int() => {
                        (e.as_small_int() - off.as_small_int()).max(1) as usize
                    }
                    _ => 1,
                };
                out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
            }
        }
    }
}

/// CPython's "[Previous line repeated N more times]" after 3 identical traceback entries.
fn push_repeats(out: &mut String, repeats: usize) {
    if repeats > 3 {
        let n = repeats - 3;
        out.push_str(&format!(
            "  [Previous line repeated {} more time{}]\n",
            n,
            if n == 1 { "" } else { "s" }
        ));
    }
}

/// Line `lineno` of file `path`, if readable (like CPython's linecache).
pub fn source_line(path: &str, lineno: u32) -> Option<String> {
    if path.starts_with('<') {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let l = text.lines().nth(lineno.checked_sub(1)? as usize)?;
    if l.trim().is_empty() {
        None
    } else {
        Some(l.to_string())
    }
}
