//! Text with lone surrogates. A Python str may hold code points U+D800..U+DFFF that are not part of a
//! pair (`b"\xff".decode("utf-8", "surrogateescape")`, `chr(0xdc80)`, `"\ud800"`); a Rust `str` cannot.
//! Such text is handled here as a slice of code points (`u32`, each below 0x110000); text without lone
//! surrogates is always a plain UTF-8 `String` ([`Text::from_code_points`] normalises), so the two
//! representations never describe the same text.

/// Is `cp` a (lone) surrogate code point?
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xd800..0xe000).contains(&cp)
}

/// A str's content: UTF-8 when it has no lone surrogate, code points otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Utf8(String),
    /// Code points, at least one of them a surrogate.
    Wide(Vec<u32>),
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Utf8(s.to_string())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Utf8(s)
    }
}

impl Text {
    /// The text of `cps` (all below 0x110000), UTF-8 unless a surrogate occurs.
    pub fn from_code_points(cps: Vec<u32>) -> Text {
        if cps.iter().any(|&c| is_surrogate(c)) {
            Text::Wide(cps)
        } else {
            Text::Utf8(cps.iter().filter_map(|&c| char::from_u32(c)).collect())
        }
    }

    /// The code point at index `i`.
    pub fn char_at(&self, i: usize) -> Option<u32> {
        match self {
            Text::Utf8(s) => s.chars().nth(i).map(|c| c as u32),
            Text::Wide(v) => v.get(i).copied(),
        }
    }

    /// All code points.
    pub fn code_points(&self) -> Vec<u32> {
        match self {
            Text::Utf8(s) => s.chars().map(|c| c as u32).collect(),
            Text::Wide(v) => v.clone(),
        }
    }
}

/// `cps` as UTF-8 with every lone surrogate replaced by U+FFFD (one char for one code point).
pub fn lossy(cps: &[u32]) -> String {
    cps.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

/// Appends the code points of `s` to `out`.
pub fn push_str_code_points(out: &mut Vec<u32>, s: &str) {
    out.extend(s.chars().map(|c| c as u32));
}

/// Builds text that may turn wide: UTF-8 until the first lone surrogate is pushed.
#[derive(Default)]
pub struct TextBuilder {
    utf8: String,
    wide: Option<Vec<u32>>,
}

impl TextBuilder {
    pub fn with_capacity(n: usize) -> TextBuilder {
        TextBuilder {
            utf8: String::with_capacity(n),
            wide: None,
        }
    }

    pub fn push_str(&mut self, s: &str) {
        match &mut self.wide {
            None => self.utf8.push_str(s),
            Some(w) => push_str_code_points(w, s),
        }
    }

    pub fn push(&mut self, c: char) {
        match &mut self.wide {
            None => self.utf8.push(c),
            Some(w) => w.push(c as u32),
        }
    }

    /// Pushes any code point below 0x110000 (a surrogate switches to code points).
    pub fn push_cp(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            return self.push(c);
        }
        let w = self.wide.get_or_insert_with(|| {
            let mut w = Vec::with_capacity(self.utf8.len() + 1);
            push_str_code_points(&mut w, &self.utf8);
            w
        });
        w.push(cp);
    }

    pub fn push_code_points(&mut self, cps: &[u32]) {
        for &c in cps {
            self.push_cp(c);
        }
    }

    pub fn finish(self) -> Text {
        match self.wide {
            None => Text::Utf8(self.utf8),
            Some(w) => Text::Wide(w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_and_normalisation() {
        let mut b = TextBuilder::default();
        b.push_str("ab");
        b.push_cp(0xdcff);
        b.push('c');
        assert_eq!(b.finish(), Text::Wide(vec![0x61, 0x62, 0xdcff, 0x63]));
        assert_eq!(
            Text::from_code_points(vec![0x61, 0xe9]),
            Text::Utf8("aé".into())
        );
        assert_eq!(lossy(&[0x61, 0xd800]), "a\u{fffd}");
        assert_eq!(Text::Wide(vec![0x61, 0xd800]).char_at(1), Some(0xd800));
    }
}
