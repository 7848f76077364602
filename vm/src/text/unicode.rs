//! Python's per-character Unicode predicates and full case mappings, pinned to
//! Unicode 14.0 (the `unicodedata` version of CPython 3.11).
//!
//! General categories come from `unicode-general-category` (Unicode 16.0)
//! with code points assigned after 14.0 treated as unassigned (see
//! `tables::NEW_SINCE_14`); simple/full upper and lower mappings and the
//! Uppercase/Lowercase properties come from Rust's std (Unicode 17.0) with
//! the same exclusion. Titlecase, case folding and the Digit/Numeric numeric
//! types, which neither provides, come from tables generated from python3.
//! Every predicate was checked against python3 for all 0x110000 code points.

use super::tables::{
    DIGIT_EXTRA, FOLD_DELTA, FOLD_MULTI, NEW_SINCE_14, NUMERIC_EXTRA, TITLE_DELTA, TITLE_MULTI,
};
pub use unicode_general_category::GeneralCategory;
use unicode_general_category::{get_general_category, GeneralCategory as G};

fn in_ranges(table: &[(u32, u32)], cp: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// True if `c` was assigned in Unicode 16.0 but not yet in 14.0.
#[inline]
fn is_newer(c: char) -> bool {
    (c as u32) >= 0x0870 && in_ranges(NEW_SINCE_14, c as u32)
}

/// True if `c` is unassigned in Unicode 14.0 (so std's Unicode 17.0 case
/// data must not apply to it).
#[inline]
fn is_unassigned14(c: char) -> bool {
    category(c) == G::Unassigned
}

/// The Unicode 14.0 general category of `c` (as `unicodedata.category`).
pub fn category(c: char) -> GeneralCategory {
    if is_newer(c) {
        return G::Unassigned;
    }
    if c == '\u{1171E}' {
        // AHOM CONSONANT SIGN MEDIAL RA: Mn in 14.0, Mc since 15.0.
        return G::NonspacingMark;
    }
    get_general_category(c)
}

/// The two-letter abbreviation of a category ("Lu", "Cn", ...).
pub fn category_abbr(g: GeneralCategory) -> &'static str {
    match g {
        G::UppercaseLetter => "Lu",
        G::LowercaseLetter => "Ll",
        G::TitlecaseLetter => "Lt",
        G::ModifierLetter => "Lm",
        G::OtherLetter => "Lo",
        G::NonspacingMark => "Mn",
        G::SpacingMark => "Mc",
        G::EnclosingMark => "Me",
        G::DecimalNumber => "Nd",
        G::LetterNumber => "Nl",
        G::OtherNumber => "No",
        G::ConnectorPunctuation => "Pc",
        G::DashPunctuation => "Pd",
        G::OpenPunctuation => "Ps",
        G::ClosePunctuation => "Pe",
        G::InitialPunctuation => "Pi",
        G::FinalPunctuation => "Pf",
        G::OtherPunctuation => "Po",
        G::MathSymbol => "Sm",
        G::CurrencySymbol => "Sc",
        G::ModifierSymbol => "Sk",
        G::OtherSymbol => "So",
        G::SpaceSeparator => "Zs",
        G::LineSeparator => "Zl",
        G::ParagraphSeparator => "Zp",
        G::Control => "Cc",
        G::Format => "Cf",
        G::Surrogate => "Cs",
        G::PrivateUse => "Co",
        _ => "Cn",
    }
}

/// `str.isprintable` for one character: everything except categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than U+0020.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

/// `str.isspace` for one character (also the whitespace of `str.split()` and
/// `str.strip()`): bidi class WS/B/S or category Zs.
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0D
            | 0x1C..=0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// True for the characters `str.splitlines` breaks on.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c as u32,
        0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// `str.isalpha` for one character: categories Lu, Ll, Lt, Lm, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
    )
}

/// `str.isdecimal` for one character (Numeric_Type=Decimal, i.e. category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    category(c) == G::DecimalNumber
}

/// The decimal digit value of `c` if it is a Unicode decimal (Nd) digit.
/// Nd characters come in contiguous runs of ten starting at a zero.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if !is_decimal(c) {
        return None;
    }
    // Every maximal run of Nd code points is a sequence of whole 0..9 sets
    // (checked against python3), so the value is the offset modulo ten.
    let mut zero = c as u32;
    while let Some(p) = char::from_u32(zero.wrapping_sub(1)) {
        if !is_decimal(p) {
            break;
        }
        zero -= 1;
    }
    Some((c as u32 - zero) % 10)
}

/// `str.isdigit` for one character (Numeric_Type Decimal or Digit).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    is_decimal(c) || in_ranges(DIGIT_EXTRA, c as u32)
}

/// `str.isnumeric` for one character (any Numeric_Type).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    matches!(
        category(c),
        G::DecimalNumber | G::LetterNumber | G::OtherNumber
    ) || in_ranges(NUMERIC_EXTRA, c as u32)
}

/// `str.isalnum` for one character: alpha, decimal, digit or numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

/// The Unicode Uppercase property (`str.isupper` for one character).
pub fn is_upper_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    c.is_uppercase() && !is_unassigned14(c)
}

/// The Unicode Lowercase property (`str.islower` for one character).
pub fn is_lower_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    // Lowercase property changes after 14.0 for characters 14.0 already had.
    match c as u32 {
        0x295 => true,
        0x10FC | 0xA7F2..=0xA7F4 | 0xAB69 => false,
        _ => c.is_lowercase() && !is_unassigned14(c),
    }
}

/// Titlecase letters (category Lt), as CPython's `_PyUnicode_IsTitlecase`.
pub fn is_title_char(c: char) -> bool {
    !c.is_ascii() && category(c) == G::TitlecaseLetter
}

/// The Unicode Cased property: Uppercase, Lowercase or Lt.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    is_upper_char(c) || is_lower_char(c) || is_title_char(c)
}

/// The Unicode Case_Ignorable property (used for the final-sigma rule):
/// categories Mn, Me, Cf, Lm, Sk plus Word_Break MidLetter/MidNumLet/Single_Quote.
pub fn is_case_ignorable(c: char) -> bool {
    match c as u32 {
        0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8 => return true,
        0x387 | 0x55F | 0x5F4 | 0x2018 | 0x2019 | 0x2024 | 0x2027 | 0xFE13 | 0xFE52 | 0xFE55
        | 0xFF07 | 0xFF0E | 0xFF1A => return true,
        _ => {}
    }
    if c.is_ascii() {
        return false;
    }
    matches!(
        category(c),
        G::NonspacingMark | G::EnclosingMark | G::Format | G::ModifierLetter | G::ModifierSymbol
    )
}

/// XID_Start (what `str.isidentifier` requires of the first character,
/// besides `_`).
pub fn is_identifier_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    match c as u32 {
        0x1885 | 0x1886 | 0x2118 | 0x212E => return true,
        0x37A
        | 0xE33
        | 0xEB3
        | 0x309B
        | 0x309C
        | 0xFC5E..=0xFC63
        | 0xFDFA
        | 0xFDFB
        | 0xFF9E
        | 0xFF9F
        | 0x2E2F => return false,
        0xFE70..=0xFE7E if (c as u32).is_multiple_of(2) => return false,
        _ => {}
    }
    matches!(
        category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::LetterNumber
    )
}

/// XID_Continue (what `str.isidentifier` requires of later characters).
pub fn is_identifier_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    match c as u32 {
        0xB7 | 0x387 | 0x1369..=0x1371 | 0x19DA | 0xE33 | 0xEB3 | 0xFF9E | 0xFF9F => return true,
        0x37A | 0x309B | 0x309C | 0xFC5E..=0xFC63 | 0xFDFA | 0xFDFB | 0x2E2F => return false,
        0xFE70..=0xFE7E if (c as u32).is_multiple_of(2) => return false,
        _ => {}
    }
    is_identifier_start(c)
        || matches!(
            category(c),
            G::NonspacingMark | G::SpacingMark | G::DecimalNumber | G::ConnectorPunctuation
        )
}

/// `str.isidentifier`: XID_Start or `_`, then XID_Continue; false if empty.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if is_identifier_start(c) => it.all(is_identifier_continue),
        _ => false,
    }
}

fn delta_lookup(table: &[(u32, u32, i32)], cp: u32) -> Option<char> {
    let i = table.partition_point(|&(_, hi, _)| hi < cp);
    match table.get(i) {
        Some(&(lo, _, d)) if lo <= cp => char::from_u32((cp as i64 + d as i64) as u32),
        _ => None,
    }
}

fn multi_lookup(table: &[(u32, [u32; 3])], cp: u32) -> Option<&[u32; 3]> {
    table
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .map(|i| &table[i].1)
}

fn push_multi(out: &mut String, m: &[u32; 3]) {
    for &x in m.iter().take_while(|&&x| x != 0) {
        out.extend(char::from_u32(x));
    }
}

/// Appends the full uppercase mapping of `c` (SpecialCasing included).
pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    let m = c.to_uppercase();
    if (m.len() == 1 && m.clone().next() == Some(c))
        || is_unassigned14(c)
        // Uppercase pairs added after 14.0 for characters 14.0 already had.
        || matches!(c as u32, 0x19B | 0x264 | 0xA7D3 | 0xA7D5)
    {
        out.push(c);
    } else {
        out.extend(m);
    }
}

/// Appends the full lowercase mapping of `c` (without the final-sigma rule,
/// which needs context: see `strops::lower`).
pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let m = c.to_lowercase();
    if (m.len() == 1 && m.clone().next() == Some(c)) || is_unassigned14(c) {
        out.push(c);
    } else {
        out.extend(m);
    }
}

/// Appends the full titlecase mapping of `c`.
pub fn push_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    let cp = c as u32;
    if let Some(t) = delta_lookup(TITLE_DELTA, cp) {
        out.push(t);
    } else if let Some(m) = multi_lookup(TITLE_MULTI, cp) {
        push_multi(out, m);
    } else {
        push_upper(c, out);
    }
}

/// Appends the full case folding of `c` (`str.casefold`).
pub fn push_fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let cp = c as u32;
    if let Some(t) = delta_lookup(FOLD_DELTA, cp) {
        out.push(t);
    } else if let Some(m) = multi_lookup(FOLD_MULTI, cp) {
        push_multi(out, m);
    } else {
        push_lower(c, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(f: fn(char, &mut String), c: char) -> String {
        let mut o = String::new();
        f(c, &mut o);
        o
    }

    #[test]
    fn spaces_and_printables() {
        for c in [
            '\t', '\n', '\x0b', '\x0c', '\r', '\x1c', '\x1f', ' ', '\u{85}', '\u{a0}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        for c in [
            '\u{1680}', '\u{2000}', '\u{200a}', '\u{2028}', '\u{202f}', '\u{3000}',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('\u{200b}') && !is_space('\u{180e}') && !is_space('x'));
        assert!(is_printable(' ') && is_printable('é') && is_printable('\u{1f600}'));
        assert!(!is_printable('\u{a0}') && !is_printable('\u{ad}') && !is_printable('\x7f'));
        assert!(!is_printable('\u{2028}') && !is_printable('\u{e000}'));
        // U+1FAE8 (Unicode 15) is unassigned for Python 3.11.
        assert!(!is_printable('\u{1fae8}'));
        assert_eq!(category_abbr(category('\u{1fae8}')), "Cn");
        assert_eq!(category_abbr(category('\u{1171e}')), "Mn");
    }

    #[test]
    fn numeric_kinds() {
        // python3: [(c, c.isdecimal(), c.isdigit(), c.isnumeric()) for c in '5٣²①½Ⅻ一〇']
        let cases = [
            ('5', true, true, true),
            ('٣', true, true, true),
            ('²', false, true, true),
            ('①', false, true, true),
            ('½', false, false, true),
            ('Ⅻ', false, false, true),
            ('一', false, false, true),
            ('〇', false, false, true),
            ('a', false, false, false),
        ];
        for (c, dec, dig, num) in cases {
            assert_eq!(
                (is_decimal(c), is_digit(c), is_numeric(c)),
                (dec, dig, num),
                "{c}"
            );
        }
        assert!(is_alpha('一') && is_alnum('½') && !is_alnum('_'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(decimal_value('x'), None);
    }

    #[test]
    fn case_predicates() {
        assert!(is_upper_char('A') && is_upper_char('Σ') && !is_upper_char('ǅ'));
        assert!(is_lower_char('ß') && is_lower_char('ª') && is_lower_char('ʰ'));
        assert!(is_title_char('ǅ') && !is_title_char('A'));
        assert!(is_cased('ǅ') && !is_cased('1'));
        assert!(is_case_ignorable('\'') && is_case_ignorable('\u{301}'));
        assert!(!is_case_ignorable('a') && !is_case_ignorable(' '));
        // Properties that changed after Unicode 14.0 keep their 14.0 value.
        assert!(is_lower_char('\u{295}') && !is_lower_char('\u{ab69}'));
        assert!(!is_cased('\u{a7f2}'));
        let mut o = String::new();
        push_upper('\u{19b}', &mut o);
        push_lower('\u{a7cb}', &mut o); // assigned in Unicode 15
        assert_eq!(o, "\u{19b}\u{a7cb}");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("_x1") && is_identifier("été") && is_identifier("℘"));
        assert!(!is_identifier("") && !is_identifier("1a") && !is_identifier("a-b"));
        assert!(is_identifier("a·") && !is_identifier("·"));
        assert!(!is_identifier("\u{2e2f}"));
        assert!(!is_identifier_continue('\u{309b}') && is_identifier_continue('\u{e33}'));
        assert!(!is_identifier_start('\u{e33}') && is_identifier_start('\u{2118}'));
    }

    #[test]
    fn case_mappings() {
        // python3: 'ß'.upper(), 'ß'.title(), 'ǆ'.title(), 'ﬁ'.casefold(), 'İ'.lower()
        assert_eq!(s(push_upper, 'ß'), "SS");
        assert_eq!(s(push_title, 'ß'), "Ss");
        assert_eq!(s(push_title, 'ǆ'), "ǅ");
        assert_eq!(s(push_upper, 'ǆ'), "Ǆ");
        assert_eq!(s(push_fold, 'ﬁ'), "fi");
        assert_eq!(s(push_fold, 'ς'), "σ");
        assert_eq!(s(push_fold, 'Ꭰ'), "Ꭰ");
        assert_eq!(s(push_fold, 'ꭰ'), "Ꭰ");
        assert_eq!(s(push_lower, 'İ'), "i\u{307}");
        assert_eq!(s(push_title, 'ᾳ'), "ᾼ");
        assert_eq!(s(push_upper, 'ᾳ'), "ΑΙ");
        assert_eq!(s(push_title, 'ა'), "ა");
    }
}
