//! Python's case conversions and case predicates on whole strings
//! (`upper`, `lower`, `casefold`, `swapcase`, `title`, `capitalize`,
//! `isupper`, `islower`, `istitle`), following CPython's `unicodeobject.c`
//! algorithms: full (multi-char) mappings and the context-dependent final
//! sigma rule of `lower_ucs4`. Re-exported by `strops`.

use super::unicode::{
    is_case_ignorable, is_cased, is_lower_char, is_title_char, is_upper_char, push_fold,
    push_lower, push_title, push_upper,
};

/// CPython's `handle_capital_sigma`: U+03A3 lowercases to final 'ς' when
/// preceded by a cased char (skipping case-ignorables) and not followed by
/// one.
fn final_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut fin = before.is_some_and(|&c| is_cased(c));
    if fin {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        fin = after.is_none_or(|&c| !is_cased(c));
    }
    if fin {
        'ς'
    } else {
        'σ'
    }
}

/// `lower_ucs4`: the lowercase of `chars[i]` in context.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    if chars[i] == 'Σ' {
        out.push(final_sigma(chars, i));
    } else {
        push_lower(chars[i], out);
    }
}

/// `str.upper` (full mappings: `'ß'.upper() == 'SS'`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(c, &mut out);
    }
    out
}

/// `str.lower`, with the final-sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    if !s.contains('Σ') {
        for c in s.chars() {
            push_lower(c, &mut out);
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        lower_at(&chars, i, &mut out);
    }
    out
}

/// `str.casefold` (full case folding, no final-sigma rule).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    out
}

/// `str.swapcase`: Uppercase chars are lowered (final sigma included),
/// Lowercase chars uppered, everything else (titlecase too) kept.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase() as char
                } else {
                    b.to_ascii_uppercase() as char
                }
            })
            .collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper_char(c) {
            lower_at(&chars, i, &mut out);
        } else if is_lower_char(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title`: titlecase after any non-cased char, lowercase after a
/// cased one (`"they're".title() == "They'Re"`).
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        let mut prev_cased = false;
        for b in s.bytes() {
            let c = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            out.push(c as char);
            prev_cased = b.is_ascii_alphabetic();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.capitalize`: first char titlecased (since 3.8), the rest lowered.
pub fn capitalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if let Some(f) = out.get_mut(..1) {
            f.make_ascii_uppercase();
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(chars[0], &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// `str.isupper`: at least one cased char and no Lowercase/titlecase char.
pub fn isupper(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        return b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase);
    }
    let mut cased = false;
    for c in s.chars() {
        if is_lower_char(c) || is_title_char(c) {
            return false;
        }
        cased = cased || is_upper_char(c);
    }
    cased
}

/// `str.islower`: at least one cased char and no Uppercase/titlecase char.
pub fn islower(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        return b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase);
    }
    let mut cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_title_char(c) {
            return false;
        }
        cased = cased || is_lower_char(c);
    }
    cased
}

/// `str.istitle`: uppercase/titlecase chars only after uncased ones,
/// lowercase only after cased ones, and at least one cased char.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_title_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        // Expected values from python3.
        assert_eq!(upper("straße ǆ ﬁ"), "STRASSE Ǆ FI");
        assert_eq!(lower("ΑΣ ΑΣ.Σ"), "ας ασ.ς");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(lower("AΣ'"), "aς'");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(casefold("Straße ΣΑΣ ﬁ"), "strasse σασ fi");
        assert_eq!(swapcase("aΣb"), "AσB");
        assert_eq!(swapcase("ΣΑΣ"), "σας");
        assert_eq!(swapcase("Hello ǅ ß"), "hELLO ǅ SS");
        assert_eq!(title("they're bill's"), "They'Re Bill'S");
        assert_eq!(title("ΑΣ"), "Ας");
        assert_eq!(title("ﬁx ǆa ß"), "Fix ǅa Ss");
        assert_eq!(title("hello wORLD 3rd"), "Hello World 3Rd");
        assert_eq!(capitalize("ǆa xǅ"), "ǅa xǆ");
        assert_eq!(capitalize("hELLO World"), "Hello world");
        assert_eq!(capitalize("ßA"), "Ssa");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn predicates() {
        // python3: [s.isupper(), s.islower(), s.istitle()] per string
        let cases = [
            ("", false, false, false),
            ("ABC", true, false, false),
            ("AbC", false, false, false),
            ("abc1", false, true, false),
            ("123", false, false, false),
            ("Hello World", false, false, true),
            ("Hello world", false, false, false),
            ("ǅungla", false, false, true),
            ("ǅ", false, false, true),
            ("ÉCOLE", true, false, false),
            ("ʰa", false, true, false),
            ("A1B", true, false, true),
            ("They'Re", false, false, true),
        ];
        for (s, u, l, t) in cases {
            assert_eq!((isupper(s), islower(s), istitle(s)), (u, l, t), "{s:?}");
        }
    }
}
