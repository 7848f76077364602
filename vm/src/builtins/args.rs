//! Argument checking for native functions, with CPython's error messages.
//!
//! Natives receive `(args, kwnames)`: the last `kwnames.len()` entries of `args` are keyword values. Most
//! builtins take positional arguments only ([`Vm::check_args`]); those with keywords bind with
//! [`Vm::parse_args`], which returns one value per parameter (`Value::NULL` when not given).

use crate::access::Mode;
use crate::interp::{PyResult, Vm};
use crate::object::*;
use crate::value::Value;

impl<M: Mode> Vm<M> {
    /// Checks a positional-only call: `min..=max` arguments, no keywords. `name` is the function's name
    /// as CPython prints it (e.g. "len" or "append").
    pub fn check_args(
        &mut self,
        name: &str,
        args: &[Value],
        kwnames: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        if !kwnames.is_empty() {
            return Err(self.type_error(format!("{name}() takes no keyword arguments")));
        }
        let n = args.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max && min == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else if min == max {
            format!("{name} expected {min} arguments, got {n}")
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        Err(self.type_error(msg))
    }

    /// Like [`Vm::check_args`] for a method whose receiver is `args[0]` (counts exclude the receiver).
    pub fn check_method_args(
        &mut self,
        name: &str,
        args: &[Value],
        kwnames: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let rest = &args[1.min(args.len())..];
        let n = rest.len();
        // METH_NOARGS / METH_O methods name their owner: `list.append() takes exactly one argument`.
        if kwnames.is_empty()
            && min == max
            && min <= 1
            && n != min
            && !args.is_empty()
            && !name.contains('.')
        {
            let owner = self
                .mro_of(self.type_of(args[0]))
                .iter()
                .copied()
                .find(|t| obj::<TypeObj>(*t).builtin);
            if let Some(o) = owner {
                let q = format!("{}.{name}", self.type_name(o));
                return self.check_args(&q, rest, kwnames, min, max);
            }
        }
        self.check_args(name, rest, kwnames, min, max)
    }

    /// Binds `args`/`kwnames` to `params`: the first `npos_only` are positional-only, parameters at index
    /// `>= kw_only_from` are keyword-only, the first `required` are required. Returns one value per
    /// parameter, `Value::NULL` where not given.
    #[allow(clippy::too_many_arguments)] // the parameter table of a builtin, spelled out at each call
    pub fn parse_args(
        &mut self,
        fname: &str,
        args: &[Value],
        kwnames: &[Value],
        params: &[&str],
        npos_only: usize,
        kw_only_from: usize,
        required: usize,
    ) -> PyResult<Vec<Value>> {
        let npos = args.len() - kwnames.len();
        let mut out = vec![Value::NULL; params.len()];
        let max_pos = kw_only_from.min(params.len());
        if npos > max_pos {
            let msg = if max_pos == 0 {
                format!("{fname}() takes no positional arguments")
            } else {
                format!(
                    "{fname}() takes at most {max_pos} argument{} ({npos} given)",
                    if max_pos == 1 { "" } else { "s" }
                )
            };
            return Err(self.type_error(msg));
        }
        out[..npos].copy_from_slice(&args[..npos]);
        for (i, kn) in kwnames.iter().enumerate() {
            let k = self.str_of(*kn);
            match params.iter().position(|p| *p == k) {
                Some(p) if p >= npos_only => {
                    if !out[p].is_null() {
                        return Err(self.type_error(format!(
                            "argument for {fname}() given by name ('{k}') and position ({})",
                            p + 1
                        )));
                    }
                    out[p] = args[npos + i];
                }
                _ => {
                    return Err(self.type_error(format!(
                        "'{k}' is an invalid keyword argument for {fname}()"
                    )));
                }
            }
        }
        for (i, p) in params.iter().enumerate().take(required) {
            if out[i].is_null() {
                let msg = format!("{fname}() missing required argument '{p}' (pos {})", i + 1);
                return Err(self.type_error(msg));
            }
        }
        Ok(out)
    }

    /// The str contents of `v`, or a TypeError "`what` must be str, not X".
    pub fn expect_str<'a>(&mut self, v: Value, what: &str) -> PyResult<&'a str> {
        if is::<StrObj>(v) {
            // A str with lone surrogates cannot become a Rust str: UnicodeEncodeError.
            self.str_exact(v)
        } else {
            Err(self.type_error(format!("{what} must be str, not {}", self.tname(v))))
        }
    }

    /// An int argument as i64 (`__index__` honoured), or TypeError in CPython's wording.
    pub fn expect_index(&mut self, v: Value) -> PyResult<i64> {
        self.index_value(v)
    }
}
