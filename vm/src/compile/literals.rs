//! Str literals with lone surrogates. The parser (ruff) replaces a surrogate escape such as `"\udcff"`
//! with U+FFFD in a literal's value, since a Rust string cannot hold it; for such a literal the compiler
//! decodes the literal's source text again here, to code points ([`super::Const::WStr`]). The source of
//! the module being compiled is reachable through a thread-local set by [`SourceGuard`] for the duration
//! of one compilation (`compile_module`/`compile_eval`), since constant folding has no compiler context.

use ruff_python_ast::str_prefix::StringLiteralPrefix;
use ruff_python_ast::{ExprStringLiteral, StringLiteralValue};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static SOURCE: RefCell<Option<Rc<str>>> = const { RefCell::new(None) };
}

/// Makes `source` the text literals are re-read from until dropped (restoring the previous one, so
/// nested compilations work).
pub(super) struct SourceGuard(Option<Rc<str>>);

impl SourceGuard {
    pub(super) fn set(source: &str) -> SourceGuard {
        let prev = SOURCE.with(|s| s.replace(Some(Rc::from(source))));
        SourceGuard(prev)
    }
}

impl Drop for SourceGuard {
    fn drop(&mut self) {
        let prev = self.0.take();
        SOURCE.with(|s| *s.borrow_mut() = prev);
    }
}

/// The code points of a str literal whose value has U+FFFD where its source may have a surrogate
/// escape: Some only when a lone surrogate really occurs.
pub(super) fn surrogate_literal(e: &ExprStringLiteral) -> Option<Vec<u32>> {
    if !e.value.to_str().contains('\u{fffd}') {
        return None;
    }
    let src = SOURCE.with(|s| s.borrow().clone())?;
    let mut out = Vec::new();
    let mut wide = false;
    for part in parts(&e.value) {
        let r = part.content_range();
        let text = src.get(usize::from(r.start())..usize::from(r.end()))?;
        let raw = matches!(part.flags.prefix(), StringLiteralPrefix::Raw { .. });
        if raw || !(text.contains("\\u") || text.contains("\\U")) || text.contains("\\N{") {
            // No surrogate escape here (or a named escape, which only the parser decodes).
            out.extend(part.value.chars().map(|c| c as u32));
            continue;
        }
        let n = out.len();
        decode_escapes(text, &mut out)?;
        wide |= out[n..].iter().any(|&c| crate::text::wide::is_surrogate(c));
    }
    wide.then_some(out)
}

fn parts(v: &StringLiteralValue) -> &[ruff_python_ast::StringLiteral] {
    v.as_slice()
}

/// Decodes Python's backslash escapes of a (non-raw) str literal's source text into code points.
fn decode_escapes(text: &str, out: &mut Vec<u32>) -> Option<()> {
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            // Source newlines are normalised to '\n'.
            if it.peek() == Some(&'\n') {
                it.next();
            }
            out.push('\n' as u32);
            continue;
        }
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        let Some(e) = it.next() else {
            out.push('\\' as u32);
            break;
        };
        let hex = |it: &mut std::iter::Peekable<std::str::Chars>, n: usize| -> Option<u32> {
            let mut v = 0u32;
            for _ in 0..n {
                v = v * 16 + it.next()?.to_digit(16)?;
            }
            Some(v)
        };
        match e {
            '\n' => {}
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
            }
            '\\' | '\'' | '"' => out.push(e as u32),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    match it.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                out.push(v);
            }
            'x' => out.push(hex(&mut it, 2)?),
            'u' => out.push(hex(&mut it, 4)?),
            'U' => {
                let v = hex(&mut it, 8)?;
                if v > 0x10ffff {
                    return None;
                }
                out.push(v);
            }
            other => {
                out.push('\\' as u32);
                out.push(other as u32);
            }
        }
    }
    Some(())
}
