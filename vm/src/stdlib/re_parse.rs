//! Translation of Python `re` pattern syntax into `fancy-regex` syntax, and parsing of `re.sub`
//! replacement templates. Pure Rust, no VM access.
//!
//! The translator walks the pattern once, reports CPython's `re.error` messages (with the position)
//! for common mistakes, counts capturing groups and their names, and rewrites what differs: `\Z` (end of
//! text), `$` (Python's matches before a final newline), octal and `\x`/`\u`/`\U` escapes, literal `{`,
//! `{,n}`, Python's `(?P=name)` / `(?(name)...)` spellings, character classes (nested `[`, `&`, `~`
//! are literal in Python), VERBOSE whitespace and comments, global inline flags, and `re.ASCII`
//! versions of `\d \w \s \b`, Python's Unicode `\w` (letters, numerics, `_`), repeated lookarounds.
//! It also tracks pattern widths to apply CPython's fixed-width look-behind rule. `re.IGNORECASE` and
//! `re.DOTALL` are passed to the builder; MULTILINE, VERBOSE and ASCII (global or scoped) are applied
//! here.

/// Flag bits, as in CPython's `re` module.
pub const TEMPLATE: i64 = 1;
pub const IGNORECASE: i64 = 2;
pub const LOCALE: i64 = 4;
pub const MULTILINE: i64 = 8;
pub const DOTALL: i64 = 16;
pub const UNICODE: i64 = 32;
pub const VERBOSE: i64 = 64;
pub const DEBUG: i64 = 128;
pub const ASCII: i64 = 256;

/// A pattern error: CPython's message (without " at position N") and the position in the pattern.
#[derive(Debug)]
pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

/// The result of translating a pattern.
pub struct Translated {
    pub pattern: String,
    /// Final flags (argument flags plus global inline flags, with UNICODE added for str patterns).
    pub flags: i64,
    pub groups: usize,
    /// Named groups and their numbers, in order of definition.
    pub names: Vec<(String, usize)>,
    /// The enclosing group of each group (index = group number; 0 = none).
    pub parents: Vec<usize>,
}

/// "Unbounded" width.
const INF: u64 = u64::MAX / 4;

/// Min/max width of the current alternative and of the finished ones of one group.
struct Width {
    cur: (u64, u64),
    best: Option<(u64, u64)>,
    kind: u8,
    /// Where the group starts in the translated output.
    out_start: usize,
}

struct Tr<'a> {
    p: &'a [char],
    i: usize,
    out: String,
    flags: i64,
    bytes: bool,
    groups: usize,
    names: Vec<(String, usize)>,
    parents: Vec<usize>,
    /// Group numbers currently open (None: not a capturing group).
    open: Vec<Option<usize>>,
    /// Pattern positions of the open groups' `(`.
    open_pos: Vec<usize>,
    /// Width bookkeeping (for CPython's fixed-width look-behind rule): one entry per open group plus
    /// the whole pattern.
    wstack: Vec<Width>,
    /// Width of the last atom (what a following quantifier repeats).
    last: (u64, u64),
    /// Width of each closed group.
    group_widths: Vec<(u64, u64)>,
    /// Kind of the group being opened: 0 plain, 1 lookahead, 2 lookbehind.
    group_kind: u8,
    /// Output position of the group being opened.
    group_out: usize,
    /// The last atom is a lookaround group starting at this output position.
    last_look: Option<usize>,
    /// Flags in force outside each open group (scoped inline flags change them inside).
    saved_flags: Vec<i64>,
    /// Position of the `(` of the group being parsed.
    group_start: usize,
    /// Start of the pattern's last atom in `out` is repeatable (false at start, after `(`, `|`).
    can_repeat: bool,
    /// The previous item was a quantifier.
    after_quant: bool,
}

fn push_lit(out: &mut String, c: char, bytes: bool) {
    if c.is_ascii_alphanumeric() || c == '_' {
        out.push(c);
    } else if "!\"%',/:;<=>@`_".contains(c) {
        // Punctuation with no meaning to the engine (escaping `<` would make it a word boundary).
        out.push(c);
    } else if bytes && (c as u32) >= 0x80 {
        out.push_str(&format!("\\x{:02X}", c as u32));
    } else if c.is_ascii() && !c.is_ascii_whitespace() && !c.is_ascii_control() {
        out.push('\\');
        out.push(c);
    } else if c.is_ascii() {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    } else {
        out.push(c);
    }
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || c.is_alphanumeric())
}

/// Translates `pattern` (for a bytes pattern: one char per byte, U+0000..U+00FF).
pub fn translate(pattern: &[char], flags: i64, bytes: bool) -> Result<Translated, ReError> {
    let mut t = Tr {
        p: pattern,
        i: 0,
        out: String::new(),
        flags,
        bytes,
        groups: 0,
        names: Vec::new(),
        parents: vec![0],
        open: Vec::new(),
        open_pos: Vec::new(),
        group_start: 0,
        wstack: vec![Width {
            cur: (0, 0),
            best: None,
            kind: 0,
            out_start: 0,
        }],
        group_out: 0,
        last_look: None,
        last: (0, 0),
        group_widths: Vec::new(),
        group_kind: 0,
        saved_flags: Vec::new(),
        can_repeat: false,
        after_quant: false,
    };
    if bytes && flags & UNICODE != 0 {
        return Err(ReError {
            msg: "cannot use UNICODE flag with a bytes pattern".into(),
            pos: None,
        });
    }
    if !bytes && flags & LOCALE != 0 {
        return Err(ReError {
            msg: "cannot use LOCALE flag with a str pattern".into(),
            pos: None,
        });
    }
    if flags & ASCII != 0 && flags & UNICODE != 0 {
        return Err(ReError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    t.leading_flags()?;
    t.run()?;
    let mut flags = t.flags;
    if !bytes && flags & ASCII == 0 {
        flags |= UNICODE;
    }
    Ok(Translated {
        pattern: t.out,
        flags,
        groups: t.groups,
        names: t.names,
        parents: t.parents,
    })
}

impl Tr<'_> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }
    fn at(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }
    fn ascii(&self) -> bool {
        self.flags & ASCII != 0 || self.bytes
    }
    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    /// Global inline flags `(?aiLmsux)` (CPython 3.11 only allows them at the start).
    fn leading_flags(&mut self) -> Result<(), ReError> {
        loop {
            if self.verbose() {
                self.skip_verbose();
            }
            if !(self.peek() == Some('(') && self.at(1) == Some('?')) {
                return Ok(());
            }
            let mut j = self.i + 2;
            let mut f = 0;
            while let Some(&c) = self.p.get(j) {
                match flag_bit(c) {
                    Some(b) => f |= b,
                    None => break,
                }
                j += 1;
            }
            if j == self.i + 2 || self.p.get(j) != Some(&')') {
                return Ok(());
            }
            self.check_flag_combo(f, j)?;
            self.flags |= f;
            self.i = j + 1;
        }
    }

    fn check_flag_combo(&self, f: i64, pos: usize) -> Result<(), ReError> {
        if self.bytes && f & UNICODE != 0 {
            return err(
                "bad inline flags: cannot use 'u' flag with a bytes pattern",
                pos,
            );
        }
        if !self.bytes && f & LOCALE != 0 {
            return err(
                "bad inline flags: cannot use 'L' flag with a str pattern",
                pos,
            );
        }
        if f & ASCII != 0 && f & UNICODE != 0 {
            return err(
                "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                pos,
            );
        }
        Ok(())
    }

    fn skip_verbose(&mut self) {
        while let Some(c) = self.peek() {
            if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    /// Opens a group whose `(` is at `self.group_start`.
    fn push_open(&mut self, g: Option<usize>) {
        self.wstack.push(Width {
            cur: (0, 0),
            best: None,
            kind: self.group_kind,
            out_start: self.group_out,
        });
        self.group_kind = 0;
        self.open.push(g);
        self.open_pos.push(self.group_start);
        self.saved_flags.push(self.flags);
    }

    /// Replaces the width of the atom just added (1) by the width of group `g`.
    fn backref_width(&mut self, g: usize) {
        let w = self.group_widths.get(g).copied().unwrap_or((0, INF));
        if let Some(top) = self.wstack.last_mut() {
            top.cur = (
                (top.cur.0 - 1).saturating_add(w.0).min(INF),
                (top.cur.1 - 1).saturating_add(w.1).min(INF),
            );
        }
        self.last = w;
    }

    fn new_group(&mut self) {
        let parent = self.open.iter().rev().find_map(|g| *g).unwrap_or(0);
        self.groups += 1;
        self.parents.push(parent);
        self.push_open(Some(self.groups));
    }

    fn atom_done(&mut self) {
        self.last_look = None;
        self.can_repeat = true;
        self.after_quant = false;
        self.add_width((1, 1));
    }

    /// A zero-width assertion (`^ $ \A \Z \b \B`): CPython refuses to repeat these.
    fn atom_zero(&mut self) {
        self.last_look = None;
        self.can_repeat = false;
        self.after_quant = false;
        self.add_width((0, 0));
    }

    fn add_width(&mut self, w: (u64, u64)) {
        if let Some(top) = self.wstack.last_mut() {
            top.cur = (
                top.cur.0.saturating_add(w.0).min(INF),
                top.cur.1.saturating_add(w.1).min(INF),
            );
        }
        self.last = w;
    }

    /// Ends the current alternative of the innermost group.
    fn finish_alt(&mut self) {
        if let Some(top) = self.wstack.last_mut() {
            top.best = Some(match top.best {
                None => top.cur,
                Some(b) => (b.0.min(top.cur.0), b.1.max(top.cur.1)),
            });
            top.cur = (0, 0);
        }
    }

    fn run(&mut self) -> Result<(), ReError> {
        while self.i < self.p.len() {
            if self.verbose() {
                self.skip_verbose();
                if self.i >= self.p.len() {
                    break;
                }
            }
            let c = self.p[self.i];
            let start = self.i;
            self.i += 1;
            match c {
                '\\' => self.escape(start)?,
                '(' => self.group(start)?,
                ')' => {
                    let Some(g) = self.open.pop() else {
                        return err("unbalanced parenthesis", start);
                    };
                    self.finish_alt();
                    let (w, look_start) = self.wstack.pop().map_or(((0, 0, 0), 0), |w| {
                        let b = w.best.unwrap_or((0, 0));
                        ((b.0, b.1, w.kind), w.out_start)
                    });
                    if w.2 == 2 && w.0 != w.1 {
                        return Err(ReError {
                            msg: "look-behind requires fixed-width pattern".into(),
                            pos: None,
                        });
                    }
                    if let Some(g) = g {
                        if self.group_widths.len() <= g {
                            self.group_widths.resize(g + 1, (0, 0));
                        }
                        self.group_widths[g] = (w.0, w.1);
                    }
                    self.open_pos.pop();
                    if let Some(f) = self.saved_flags.pop() {
                        self.flags = f;
                    }
                    self.out.push(')');
                    self.atom_done();
                    self.last = if w.2 != 0 { (0, 0) } else { (w.0, w.1) };
                    if w.2 != 0 {
                        self.last_look = Some(look_start);
                    }
                    if let Some(top) = self.wstack.last_mut() {
                        top.cur = (top.cur.0 - 1 + self.last.0, top.cur.1 - 1 + self.last.1);
                        top.cur = (top.cur.0.min(INF), top.cur.1.min(INF));
                    }
                }
                '[' => {
                    self.class(start)?;
                    self.atom_done();
                }
                '|' => {
                    self.finish_alt();
                    self.out.push('|');
                    self.can_repeat = false;
                    self.after_quant = false;
                }
                '*' | '+' | '?' => self.quant(start, c.to_string())?,
                '{' => match self.brace() {
                    Some(q) => self.quant(start, q)?,
                    None => {
                        self.out.push_str("\\{");
                        self.atom_done();
                    }
                },
                '^' => {
                    if self.flags & MULTILINE != 0 {
                        self.out.push_str("(?m:^)");
                    } else {
                        self.out.push_str("\\A");
                    }
                    self.atom_zero();
                }
                '$' => {
                    if self.flags & MULTILINE != 0 {
                        self.out.push_str("(?m:$)");
                    } else {
                        self.out.push_str("(?=\\n?\\z)");
                    }
                    self.atom_zero();
                }
                '.' => {
                    self.out.push('.');
                    self.atom_done();
                }
                _ => {
                    push_lit(&mut self.out, c, self.bytes);
                    self.atom_done();
                }
            }
        }
        if let Some(&pos) = self.open_pos.last() {
            return err("missing ), unterminated subpattern", pos);
        }
        Ok(())
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` after `{` (at self.i); None when it is a literal brace.
    fn brace(&mut self) -> Option<String> {
        let mut j = self.i;
        let mut lo = String::new();
        while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
            lo.push(*c);
            j += 1;
        }
        let mut hi = None;
        if self.p.get(j) == Some(&',') {
            j += 1;
            let mut h = String::new();
            while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
                h.push(*c);
                j += 1;
            }
            hi = Some(h);
        }
        if self.p.get(j) != Some(&'}') {
            return None;
        }
        if lo.is_empty() && hi.is_none() {
            return None;
        }
        self.i = j + 1;
        let lo = if lo.is_empty() { "0".to_string() } else { lo };
        Some(match hi {
            None => format!("{{{lo}}}"),
            Some(h) => format!("{{{lo},{h}}}"),
        })
    }

    fn quant(&mut self, start: usize, q: String) -> Result<(), ReError> {
        if self.after_quant {
            // `a*?` (lazy) and `a*+` (possessive) are handled below; anything else repeats a repeat.
            return err("multiple repeat", start);
        }
        if !self.can_repeat {
            return err("nothing to repeat", start);
        }
        if q.starts_with('{') {
            let inner = &q[1..q.len() - 1];
            if let Some((a, b)) = inner.split_once(',') {
                if let (Ok(a), Ok(b)) = (a.parse::<u64>(), b.parse::<u64>()) {
                    if b < a {
                        return err("min repeat greater than max repeat", start + 1);
                    }
                }
            }
        }
        let (lo, hi) = match q.as_str() {
            "*" => (0, INF),
            "+" => (1, INF),
            "?" => (0, 1),
            _ => {
                let inner = &q[1..q.len() - 1];
                match inner.split_once(',') {
                    None => {
                        let n = inner.parse().unwrap_or(INF);
                        (n, n)
                    }
                    Some((a, b)) => (a.parse().unwrap_or(0), b.parse().unwrap_or(INF)),
                }
            }
        };
        let old = self.last;
        let new = (
            old.0.saturating_mul(lo).min(INF),
            if old.1 >= INF || hi >= INF {
                if old.1 == 0 {
                    0
                } else {
                    INF
                }
            } else {
                old.1.saturating_mul(hi).min(INF)
            },
        );
        if let Some(top) = self.wstack.last_mut() {
            top.cur = (
                (top.cur.0 - old.0.min(top.cur.0))
                    .saturating_add(new.0)
                    .min(INF),
                (top.cur.1 - old.1.min(top.cur.1))
                    .saturating_add(new.1)
                    .min(INF),
            );
        }
        self.last = new;
        if let Some(ls) = self.last_look.take() {
            // A repeated lookaround (the engine refuses it): at least once is the assertion itself,
            // possibly zero times is an optional assertion.
            if lo == 0 {
                self.out.insert_str(ls, "(?:");
                self.out.push_str("|)");
            }
            if matches!(self.peek(), Some('?') | Some('+')) {
                self.i += 1;
            }
            self.after_quant = true;
            return Ok(());
        }
        self.out.push_str(&q);
        if self.peek() == Some('?') {
            self.i += 1;
            self.out.push('?');
        } else if self.peek() == Some('+') {
            self.i += 1;
            self.out.push('+');
        }
        self.after_quant = true;
        Ok(())
    }

    fn read_name(&mut self, term: char, start: usize, what: &str) -> Result<String, ReError> {
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return err(format!("missing {term}, unterminated name"), start),
                Some(c) if c == term => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return err(format!("missing {what}"), start);
        }
        Ok(name)
    }

    fn group(&mut self, start: usize) -> Result<(), ReError> {
        self.group_out = self.out.len();
        self.group_start = start;
        self.group_kind = 0;
        if self.peek() != Some('?') {
            self.new_group();
            self.out.push('(');
            self.can_repeat = false;
            self.after_quant = false;
            return Ok(());
        }
        self.i += 1;
        let c = self.peek();
        match c {
            Some(':') | Some('>') => {
                self.i += 1;
                self.out
                    .push_str(if c == Some(':') { "(?:" } else { "(?>" });
                self.push_open(None);
            }
            Some('=') | Some('!') => {
                self.i += 1;
                self.group_kind = 1;
                self.out
                    .push_str(if c == Some('=') { "(?=" } else { "(?!" });
                self.push_open(None);
            }
            Some('<') => {
                self.i += 1;
                match self.peek() {
                    Some('=') | Some('!') => {
                        let d = self.peek().unwrap_or('=');
                        self.i += 1;
                        self.group_kind = 2;
                        self.out.push_str(if d == '=' { "(?<=" } else { "(?<!" });
                        self.push_open(None);
                    }
                    _ => {
                        let s: String = self.p[start + 1..(start + 4).min(self.p.len())]
                            .iter()
                            .collect();
                        return err(format!("unknown extension {s}"), start + 1);
                    }
                }
            }
            Some('#') => {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == ')' {
                        return Ok(());
                    }
                }
                return err("missing ), unterminated comment", start);
            }
            Some('P') => {
                self.i += 1;
                match self.peek() {
                    Some('<') => {
                        self.i += 1;
                        let npos = self.i;
                        let name = self.read_name('>', npos, "group name")?;
                        if !is_ident(&name) {
                            return err(format!("bad character in group name '{name}'"), npos);
                        }
                        if self.names.iter().any(|(n, _)| *n == name) {
                            return err(
                                format!(
                                    "redefinition of group name '{name}' as group {}; was group {}",
                                    self.groups + 1,
                                    self.names
                                        .iter()
                                        .find(|(n, _)| *n == name)
                                        .map(|x| x.1)
                                        .unwrap_or(0)
                                ),
                                npos,
                            );
                        }
                        self.new_group();
                        self.names.push((name.clone(), self.groups));
                        self.out.push_str(&format!("(?P<{name}>"));
                    }
                    Some('=') => {
                        self.i += 1;
                        let npos = self.i;
                        let name = self.read_name(')', npos, "group name")?;
                        if !is_ident(&name) {
                            return err(format!("bad character in group name '{name}'"), npos);
                        }
                        let Some(&(_, g)) = self.names.iter().find(|(n, _)| *n == name) else {
                            return err(format!("unknown group name '{name}'"), npos);
                        };
                        if self.open.contains(&Some(g)) {
                            return err("cannot refer to an open group", start);
                        }
                        self.out.push_str(&format!("(?:\\k<{name}>)"));
                        self.atom_done();
                        self.backref_width(g);
                        return Ok(());
                    }
                    _ => {
                        let s: String = self.p[start + 1..(start + 4).min(self.p.len())]
                            .iter()
                            .collect();
                        return err(format!("unknown extension {s}"), start + 1);
                    }
                }
            }
            Some('(') => {
                self.i += 1;
                let npos = self.i;
                let name = self.read_name(')', npos, "group name")?;
                if let Ok(n) = name.parse::<usize>() {
                    if n == 0 || n > 99 {
                        return err("bad group number", npos);
                    }
                    self.out.push_str(&format!("(?({n})"));
                } else {
                    if !is_ident(&name) {
                        return err(format!("bad character in group name '{name}'"), npos);
                    }
                    if !self.names.iter().any(|(n, _)| *n == name) {
                        return err(format!("unknown group name '{name}'"), npos);
                    }
                    self.out.push_str(&format!("(?(<{name}>)"));
                }
                self.push_open(None);
            }
            _ => {
                // Scoped inline flags `(?imsx-imsx:...)`.
                let mut on = 0;
                let mut off = 0;
                let mut neg = false;
                loop {
                    match self.peek() {
                        Some('-') if !neg => {
                            neg = true;
                            self.i += 1;
                        }
                        Some(c) if flag_bit(c).is_some() => {
                            let b = flag_bit(c).unwrap_or(0);
                            if neg {
                                off |= b;
                            } else {
                                on |= b;
                            }
                            self.i += 1;
                        }
                        Some(':') => {
                            self.i += 1;
                            break;
                        }
                        Some(')') => {
                            if on != 0 && !neg {
                                return err(
                                    "global flags not at the start of the expression",
                                    start,
                                );
                            }
                            return err("missing :", self.i);
                        }
                        None if on == 0 && !neg => return err("unexpected end of pattern", self.i),
                        None => return err("missing -, : or )", self.i),
                        Some(c) => {
                            let what = if neg {
                                "missing flag"
                            } else {
                                "unknown extension"
                            };
                            if !neg && on == 0 {
                                return err(format!("unknown extension ?{c}"), start + 1);
                            }
                            let _ = what;
                            return err("missing -, : or )", self.i);
                        }
                    }
                }
                self.check_flag_combo(on, start)?;
                // i and s are the engine's; m, x and a are applied by this translator.
                let mut s = String::from("(?");
                for (b, l) in [(IGNORECASE, 'i'), (DOTALL, 's')] {
                    if on & b != 0 {
                        s.push(l);
                    }
                }
                let mut offs = String::new();
                for (b, l) in [(IGNORECASE, 'i'), (DOTALL, 's')] {
                    if off & b != 0 {
                        offs.push(l);
                    }
                }
                if !offs.is_empty() {
                    s.push('-');
                    s.push_str(&offs);
                }
                s.push(':');
                self.out.push_str(&s);
                self.push_open(None);
                self.flags = (self.flags | on) & !off;
            }
        }
        self.can_repeat = false;
        self.after_quant = false;
        Ok(())
    }

    /// Reads up to `n` hex digits exactly; error "incomplete escape" otherwise.
    fn hex(&mut self, n: usize, start: usize, letter: char) -> Result<u32, ReError> {
        let mut v = 0u32;
        for k in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    self.i += 1;
                }
                None => {
                    let s: String = self.p[start..start + 2 + k].iter().collect();
                    let _ = letter;
                    return err(format!("incomplete escape {s}"), start);
                }
            }
        }
        Ok(v)
    }

    /// An escape inside or outside a class that denotes one character; None if not such an escape.
    fn char_escape(&mut self, c: char, start: usize) -> Result<Option<u32>, ReError> {
        Ok(Some(match c {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            'x' => self.hex(2, start, 'x')?,
            'u' if !self.bytes => self.hex(4, start, 'u')?,
            'U' if !self.bytes => {
                let v = self.hex(8, start, 'U')?;
                if char::from_u32(v).is_none() && v > 0x10FFFF {
                    let s: String = self.p[start..self.i].iter().collect();
                    return err(format!("bad escape {s}"), start);
                }
                v
            }
            '0' => {
                let mut v = 0;
                for _ in 0..2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                v
            }
            _ => return Ok(None),
        }))
    }

    fn push_code(&mut self, v: u32) {
        match char::from_u32(v) {
            Some(ch) => push_lit(&mut self.out, ch, self.bytes),
            None => self.out.push_str(&format!("\\x{{{v:X}}}")),
        }
    }

    fn escape(&mut self, start: usize) -> Result<(), ReError> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        if let Some(v) = self.char_escape(c, start)? {
            self.push_code(v);
            self.atom_done();
            return Ok(());
        }
        let ascii = self.ascii();
        match c {
            '1'..='9' => {
                // Octal escape (three octal digits) or a group reference.
                if c <= '7'
                    && self.peek().is_some_and(|d| ('0'..='7').contains(&d))
                    && self.at(1).is_some_and(|d| ('0'..='7').contains(&d))
                {
                    let s: String = self.p[self.i - 1..self.i + 2].iter().collect();
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    self.i += 2;
                    if v > 0o377 {
                        return err(
                            format!("octal escape value \\{s} outside of range 0-0o377"),
                            start,
                        );
                    }
                    self.push_code(v);
                    self.atom_done();
                    return Ok(());
                }
                let mut n = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d as usize;
                    self.i += 1;
                }
                if n > self.groups {
                    return err(format!("invalid group reference {n}"), start + 1);
                }
                if self.open.contains(&Some(n)) {
                    return err("cannot refer to an open group", start);
                }
                self.out.push_str(&format!("(?:\\{n})"));
                self.atom_done();
                self.backref_width(n);
                return Ok(());
            }
            'A' | 'Z' => {
                self.out.push_str(if c == 'A' { "\\A" } else { "\\z" });
                self.atom_zero();
                return Ok(());
            }
            'b' | 'B' => {
                if ascii && !self.bytes {
                    // The engine has no ASCII-only `\b` in Unicode mode: spell it with lookaround.
                    const W: &str = "[0-9A-Za-z_]";
                    self.out.push_str(&if c == 'b' {
                        format!("(?:(?<={W})(?!{W})|(?<!{W})(?={W}))")
                    } else {
                        format!("(?:(?<={W})(?={W})|(?<!{W})(?!{W}))")
                    });
                } else {
                    self.out.push('\\');
                    self.out.push(c);
                }
                self.atom_zero();
                return Ok(());
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                let (body, neg) = class_body(c, ascii);
                self.out
                    .push_str(&format!("[{}{body}]", if neg { "^" } else { "" }));
            }
            c if c.is_ascii_alphanumeric() => {
                return err(format!("bad escape \\{c}"), start);
            }
            c => push_lit(&mut self.out, c, self.bytes),
        }
        self.atom_done();
        Ok(())
    }

    fn class(&mut self, start: usize) -> Result<(), ReError> {
        let mut out = String::from("[");
        if self.peek() == Some('^') {
            self.i += 1;
            out.push('^');
        }
        let first = self.i;
        let mut items = 0;
        // The previous single char (for ranges): its code and output.
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            let cpos = self.i;
            self.i += 1;
            if c == ']' && cpos != first {
                break;
            }
            // One item: a single char (code) or a class escape (string).
            let lo = match self.class_item(c, cpos)? {
                ClassItem::Set(s) => {
                    out.push_str(&s);
                    items += 1;
                    continue;
                }
                ClassItem::Char(v) => v,
            };
            // A range?
            if self.peek() == Some('-') && self.at(1).is_some_and(|d| d != ']') {
                self.i += 1;
                let hpos = self.i;
                let Some(hc) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.i += 1;
                let hi = match self.class_item(hc, hpos)? {
                    ClassItem::Char(v) => v,
                    ClassItem::Set(_) => {
                        let s: String = self.p[cpos..self.i].iter().collect();
                        return err(format!("bad character range {s}"), cpos);
                    }
                };
                if hi < lo {
                    let s: String = self.p[cpos..self.i].iter().collect();
                    return err(format!("bad character range {s}"), cpos);
                }
                push_class_char(&mut out, lo, self.bytes);
                out.push('-');
                push_class_char(&mut out, hi, self.bytes);
            } else {
                push_class_char(&mut out, lo, self.bytes);
            }
            items += 1;
        }
        if items == 0 {
            // `[^]` can't happen (`]` first is literal); an empty class cannot be written in Python.
            out.push_str("\\x{0}&&\\x{1}");
        }
        out.push(']');
        self.out.push_str(&out);
        Ok(())
    }

    fn class_item(&mut self, c: char, pos: usize) -> Result<ClassItem, ReError> {
        if c != '\\' {
            return Ok(ClassItem::Char(c as u32));
        }
        let Some(e) = self.peek() else {
            return err("unterminated character set", pos);
        };
        self.i += 1;
        if let Some(v) = self.char_escape(e, pos)? {
            return Ok(ClassItem::Char(v));
        }
        let ascii = self.ascii();
        match e {
            'b' => Ok(ClassItem::Char(8)),
            '1'..='7' => {
                // Up to three octal digits.
                let st = self.i - 1;
                for _ in 0..2 {
                    if self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                        self.i += 1;
                    }
                }
                let s: String = self.p[st..self.i].iter().collect();
                let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                if v > 0o377 {
                    return err(
                        format!("octal escape value \\{s} outside of range 0-0o377"),
                        pos,
                    );
                }
                Ok(ClassItem::Char(v))
            }
            '1'..='9' => err(format!("bad escape \\{e}"), pos),
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                let (body, neg) = class_body(e, ascii);
                if neg {
                    Ok(ClassItem::Set(format!("[^{body}]")))
                } else {
                    Ok(ClassItem::Set(body))
                }
            }
            e if e.is_ascii_alphanumeric() => err(format!("bad escape \\{e}"), pos),
            e => Ok(ClassItem::Char(e as u32)),
        }
    }
}

enum ClassItem {
    Char(u32),
    Set(String),
}

fn push_class_char(out: &mut String, v: u32, bytes: bool) {
    match char::from_u32(v) {
        Some(c) if c.is_ascii_alphanumeric() => out.push(c),
        Some(c) if !c.is_ascii() && !bytes => out.push(c),
        _ if bytes => out.push_str(&format!("\\x{v:02X}")),
        _ => out.push_str(&format!("\\x{{{v:X}}}")),
    }
}

/// The inside of a character class for `\d \w \s` (uppercase: negated) and whether it is negated.
fn class_body(c: char, ascii: bool) -> (String, bool) {
    let neg = c.is_ascii_uppercase();
    let body = match (c.to_ascii_lowercase(), ascii) {
        ('d', true) => "0-9",
        ('w', true) => "0-9A-Za-z_",
        ('s', true) => "\\t\\n\\x0B\\x0C\\r ",
        ('d', false) => "\\d",
        // Python's \w: str.isalnum() characters and '_' (letters and all numerics, not marks).
        ('w', false) => "\\p{L}\\p{N}_",
        _ => "\\s\\x{1C}-\\x{1F}",
    };
    (body.to_string(), neg)
}

fn flag_bit(c: char) -> Option<i64> {
    Some(match c {
        'a' => ASCII,
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'u' => UNICODE,
        'x' => VERBOSE,
        _ => return None,
    })
}

/// One piece of a parsed replacement template.
#[derive(Debug)]
pub enum TemplatePart {
    Lit(Vec<char>),
    Group(usize),
}

/// Parses a `re.sub` replacement template (as chars; for bytes one char per byte). `group_of` maps a
/// group name to its number.
pub fn parse_template(
    t: &[char],
    ngroups: usize,
    group_of: &dyn Fn(&str) -> Option<usize>,
) -> Result<Vec<TemplatePart>, ReError> {
    let mut parts = Vec::new();
    let mut lit: Vec<char> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let c = t[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = t.get(i) else {
            return err("bad escape (end of pattern)", start);
        };
        i += 1;
        let group = |n: usize, parts: &mut Vec<TemplatePart>, lit: &mut Vec<char>| {
            if !lit.is_empty() {
                parts.push(TemplatePart::Lit(std::mem::take(lit)));
            }
            parts.push(TemplatePart::Group(n));
        };
        match e {
            'g' => {
                if t.get(i) != Some(&'<') {
                    return err("missing <", i);
                }
                i += 1;
                let npos = i;
                let mut name = String::new();
                loop {
                    match t.get(i) {
                        None => return err("missing >, unterminated name", npos),
                        Some('>') => {
                            i += 1;
                            break;
                        }
                        Some(&c) => {
                            name.push(c);
                            i += 1;
                        }
                    }
                }
                if name.is_empty() {
                    return err("missing group name", npos);
                }
                let n = if name.chars().all(|c| c.is_ascii_digit()) {
                    let n: usize = name.parse().unwrap_or(usize::MAX);
                    if n > ngroups {
                        return err(format!("invalid group reference {n}"), npos);
                    }
                    n
                } else {
                    if !is_ident(&name) {
                        return err(format!("bad character in group name '{name}'"), npos);
                    }
                    match group_of(&name) {
                        Some(n) => n,
                        None => {
                            return Err(ReError {
                                msg: format!("unknown group name '{name}'"),
                                pos: None,
                            })
                        }
                    }
                };
                group(n, &mut parts, &mut lit);
            }
            '0' => {
                let mut v = 0;
                for _ in 0..2 {
                    match t.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
            }
            '1'..='9' => {
                if e <= '7'
                    && t.get(i).is_some_and(|d| ('0'..='7').contains(d))
                    && t.get(i + 1).is_some_and(|d| ('0'..='7').contains(d))
                {
                    let s: String = t[i - 1..i + 2].iter().collect();
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    if v > 0o377 {
                        return err(
                            format!("octal escape value \\{s} outside of range 0-0o377"),
                            start,
                        );
                    }
                    i += 2;
                    lit.push(char::from_u32(v).unwrap_or('\0'));
                    continue;
                }
                let mut n = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = t.get(i).and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d as usize;
                    i += 1;
                }
                if n > ngroups {
                    return err(format!("invalid group reference {n}"), start + 1);
                }
                group(n, &mut parts, &mut lit);
            }
            'a' => lit.push('\x07'),
            'b' => lit.push('\x08'),
            'f' => lit.push('\x0c'),
            'n' => lit.push('\n'),
            'r' => lit.push('\r'),
            't' => lit.push('\t'),
            'v' => lit.push('\x0b'),
            '\\' => lit.push('\\'),
            e if e.is_ascii_alphanumeric() => {
                return err(format!("bad escape \\{e}"), start);
            }
            e => {
                lit.push('\\');
                lit.push(e);
            }
        }
    }
    if !lit.is_empty() {
        parts.push(TemplatePart::Lit(lit));
    }
    Ok(parts)
}
