//! `weft stm-report FILE [--top N] [--json]`: reads the conflict log that `weft --stm` writes when
//! `WEFT_STM_LOG=FILE` is set and ranks the conflicts by the time they lost.
//!
//! The log is JSON lines (format in docs/stm-log.md): one conflict event per line
//! (`thread`, `cause`, `lost_ns`, `here`, `other`, `other_thread`, `t_ns`), or a wait event
//! (`"event": "wait"`, `thread`, `lost_ns`, `here`, `what`). Unknown fields are ignored, lines with
//! an unknown `event` kind are skipped (counted), and a line that is not a valid event (bad JSON, a
//! missing or mistyped field, a line cut short by a crash) is counted as malformed and reported on
//! stderr; reading never panics on bad input. The file is read line by line (logs can be large).
//!
//! Layout: [`parse_line`] (one line to an [`Event`]), [`Summary`] (streaming aggregation),
//! [`Summary::rank`] (the ordered, `--top`-limited [`Report`]), [`render_text`] / `Report` as JSON
//! (serde), and [`main`] (options, reading, exit status).
//!
//! Orderings are deterministic: by lost time (descending), then count (descending), then the key
//! (locations compare by file, then line number numerically, so `x.py:9` precedes `x.py:10`).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::process::ExitCode;

pub const USAGE: &str = "usage: weft stm-report FILE [--top N] [--json]
Reads the conflict log written by `weft --stm` when WEFT_STM_LOG=FILE is set (FILE '-' reads stdin)
and ranks the conflicts by the time their aborted attempts lost: by (here, other, cause) pair, by
source line (a conflict counts for both its sides), then the waits by (here, what).
  --top N  rows per table (default 20; 0 for all)
  --json   print the ranking as JSON instead of tables";

/// Rows per table when `--top` is not given.
pub const DEFAULT_TOP: usize = 20;
/// Malformed lines described on stderr (the rest are only counted).
const MALFORMED_SHOWN: usize = 5;

/// An aborted transaction attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Thread whose transaction aborted.
    pub thread: u64,
    /// Why: "write-locked", "read-locked", "validation", "inevitable", "killed" (any string).
    pub cause: String,
    /// Wall time of the aborted attempt (its work thrown away).
    pub lost_ns: u64,
    /// file:line where the aborting thread detected the conflict.
    pub here: String,
    /// file:line of the other side's last write to the conflicting word, "?" when unknown.
    pub other: String,
    /// The other side's thread, 0 when unknown.
    pub other_thread: u64,
}

/// Time a thread spent waiting (for the inevitable token, for a lock owner...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wait {
    pub thread: u64,
    pub lost_ns: u64,
    pub here: String,
    /// What it waited for ("?" when the field is absent).
    pub what: String,
}

/// One meaningful log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Conflict(Conflict),
    Wait(Wait),
}

/// What a line of the log is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Empty or whitespace only: ignored, not counted.
    Blank,
    Event(Event),
    /// A well-formed object with an `event` kind this reader does not know (a newer writer).
    Skipped,
}

/// The fields of a line this reader knows, borrowed from the line when they hold no escapes.
/// Unknown fields are ignored; `null` counts as absent.
#[derive(Deserialize)]
struct RawLine<'a> {
    #[serde(borrow, default)]
    event: Option<Cow<'a, str>>,
    #[serde(default)]
    thread: Option<serde_json::Number>,
    #[serde(borrow, default)]
    cause: Option<Cow<'a, str>>,
    #[serde(default)]
    lost_ns: Option<serde_json::Number>,
    #[serde(borrow, default)]
    here: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    other: Option<Cow<'a, str>>,
    #[serde(default)]
    other_thread: Option<serde_json::Number>,
    #[serde(borrow, default)]
    what: Option<Cow<'a, str>>,
}

/// The string fields, with their JSON type checked by serde.
const TEXT_FIELDS: [&str; 5] = ["event", "cause", "here", "other", "what"];
const NUMBER_FIELDS: [&str; 3] = ["thread", "lost_ns", "other_thread"];

/// A required string field, or its default ("?" for `other` and `what`).
fn text_field(v: Option<Cow<'_, str>>, key: &str, default: Option<&str>) -> Result<String, String> {
    match (v, default) {
        (Some(s), _) => Ok(s.into_owned()),
        (None, Some(d)) => Ok(d.to_string()),
        (None, None) => Err(format!("missing field \"{key}\"")),
    }
}

/// A count of nanoseconds or a thread ident: a non-negative integer (a float is accepted and
/// rounded, for writers that divide).
fn number_field(
    v: Option<serde_json::Number>,
    key: &str,
    default: Option<u64>,
) -> Result<u64, String> {
    let Some(n) = v else {
        return default.ok_or_else(|| format!("missing field \"{key}\""));
    };
    if let Some(u) = n.as_u64() {
        return Ok(u);
    }
    match n.as_f64() {
        Some(f) if f.is_finite() && f >= 0.0 && f < u64::MAX as f64 => Ok(f.round() as u64),
        _ => Err(format!("field \"{key}\" is not a non-negative integer")),
    }
}

/// Parses one line (without its newline). `Err` is the reason the line is malformed.
pub fn parse_line(bytes: &[u8]) -> Result<Line, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8".to_string())?;
    let line = text.trim();
    if line.is_empty() {
        return Ok(Line::Blank);
    }
    let raw: RawLine = serde_json::from_str(line).map_err(|e| diagnose(line, e))?;
    match raw.event.as_deref().unwrap_or("conflict") {
        "conflict" => Ok(Line::Event(Event::Conflict(Conflict {
            thread: number_field(raw.thread, "thread", None)?,
            cause: text_field(raw.cause, "cause", None)?,
            lost_ns: number_field(raw.lost_ns, "lost_ns", None)?,
            here: text_field(raw.here, "here", None)?,
            other: text_field(raw.other, "other", Some("?"))?,
            other_thread: number_field(raw.other_thread, "other_thread", Some(0))?,
        }))),
        "wait" => Ok(Line::Event(Event::Wait(Wait {
            thread: number_field(raw.thread, "thread", None)?,
            lost_ns: number_field(raw.lost_ns, "lost_ns", None)?,
            here: text_field(raw.here, "here", None)?,
            what: text_field(raw.what, "what", Some("?"))?,
        }))),
        _ => Ok(Line::Skipped),
    }
}

/// Why a line that serde rejected is malformed, in the reader's words when it can tell.
fn diagnose(line: &str, err: serde_json::Error) -> String {
    let obj = match serde_json::from_str::<serde_json::Value>(line) {
        Err(e) => return format!("not JSON ({e})"),
        Ok(serde_json::Value::Object(obj)) => obj,
        Ok(_) => return "not a JSON object".to_string(),
    };
    let mistyped = |keys: &[&str], ok: fn(&serde_json::Value) -> bool| {
        keys.iter()
            .find(|k| obj.get(**k).is_some_and(|v| !v.is_null() && !ok(v)))
            .map(|k| k.to_string())
    };
    if let Some(k) = mistyped(&TEXT_FIELDS, serde_json::Value::is_string) {
        return format!("field \"{k}\" is not a string");
    }
    if let Some(k) = mistyped(&NUMBER_FIELDS, serde_json::Value::is_number) {
        return format!("field \"{k}\" is not a number");
    }
    format!("not a valid event ({err})")
}

/// Total time and number of events of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    lost_ns: u64,
    count: u64,
}

impl Tally {
    fn add(&mut self, ns: u64) {
        self.lost_ns = self.lost_ns.saturating_add(ns);
        self.count += 1;
    }
}

/// Per source line: conflicts it took part in, as `here` and as `other`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct LineTally {
    total: Tally,
    as_here: u64,
    as_other: u64,
}

/// Streaming aggregation of a log.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub conflicts: u64,
    pub waits: u64,
    pub lost_ns: u64,
    pub wait_ns: u64,
    /// Lines with an unknown `event` kind.
    pub skipped: u64,
    pub malformed: u64,
    /// The first few malformed lines: (1-based line number, reason).
    pub malformed_examples: Vec<(u64, String)>,
    pub threads: BTreeSet<u64>,
    /// Interned locations, causes and wait kinds: the maps below are keyed by index in `names`.
    names: Vec<String>,
    ids: HashMap<String, u32>,
    pairs: HashMap<(u32, u32, u32), Tally>,
    lines: HashMap<u32, LineTally>,
    wait_groups: HashMap<(u32, u32), Tally>,
    causes: HashMap<u32, Tally>,
}

impl Summary {
    /// Adds the parse result of line number `line_no` (1-based).
    pub fn add_line(&mut self, line_no: u64, parsed: Result<Line, String>) {
        match parsed {
            Ok(Line::Blank) => {}
            Ok(Line::Skipped) => self.skipped += 1,
            Ok(Line::Event(e)) => self.add(e),
            Err(reason) => {
                self.malformed += 1;
                if self.malformed_examples.len() < MALFORMED_SHOWN {
                    self.malformed_examples.push((line_no, reason));
                }
            }
        }
    }

    /// Adds one event.
    pub fn add(&mut self, e: Event) {
        match e {
            Event::Conflict(c) => {
                let lost = c.lost_ns;
                self.conflicts += 1;
                self.lost_ns = self.lost_ns.saturating_add(lost);
                self.threads.insert(c.thread);
                if c.other_thread != 0 {
                    self.threads.insert(c.other_thread);
                }
                let known_other = c.other != "?";
                let with_itself = c.other == c.here;
                let (here, other, cause) = (
                    self.intern(c.here),
                    self.intern(c.other),
                    self.intern(c.cause),
                );
                self.causes.entry(cause).or_default().add(lost);
                let line = self.lines.entry(here).or_default();
                line.total.add(lost);
                line.as_here += 1;
                if known_other {
                    let line = self.lines.entry(other).or_default();
                    if !with_itself {
                        line.total.add(lost); // a line conflicting with itself counts once
                    }
                    line.as_other += 1;
                }
                self.pairs
                    .entry((here, other, cause))
                    .or_default()
                    .add(lost);
            }
            Event::Wait(w) => {
                self.waits += 1;
                self.wait_ns = self.wait_ns.saturating_add(w.lost_ns);
                self.threads.insert(w.thread);
                let key = (self.intern(w.here), self.intern(w.what));
                self.wait_groups.entry(key).or_default().add(w.lost_ns);
            }
        }
    }

    fn intern(&mut self, s: String) -> u32 {
        if let Some(&id) = self.ids.get(&s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.clone());
        self.ids.insert(s, id);
        id
    }

    /// Reads a whole log, line by line. Only I/O errors are errors; bad lines are counted.
    pub fn read(input: impl Read) -> std::io::Result<Summary> {
        let mut reader = BufReader::new(input);
        let mut summary = Summary::default();
        let mut buf = Vec::new();
        let mut line_no = 0;
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                return Ok(summary);
            }
            line_no += 1;
            let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
            summary.add_line(line_no, parse_line(line));
        }
    }

    /// The ranked report, each table cut to `top` rows (0: no limit).
    pub fn rank(&self, top: usize) -> Report {
        let n = |id: u32| self.names[id as usize].as_str();
        let name = |id: u32| n(id).to_string();
        let limit = |n: usize| if top == 0 { n } else { n.min(top) };
        let share = |ns: u64, total: u64| {
            if total == 0 {
                0.0
            } else {
                ns as f64 * 100.0 / total as f64
            }
        };

        let mut pairs: Vec<_> = self.pairs.iter().collect();
        pairs.sort_by(|(ka, a), (kb, b)| {
            by_tally(a, b)
                .then_with(|| cmp_loc(n(ka.0), n(kb.0)))
                .then_with(|| cmp_loc(n(ka.1), n(kb.1)))
                .then_with(|| n(ka.2).cmp(n(kb.2)))
        });
        let pair_rows = pairs
            .iter()
            .take(limit(pairs.len()))
            .enumerate()
            .map(|(i, (&(here, other, cause), t))| PairRow {
                rank: i + 1,
                lost_ns: t.lost_ns,
                share: share(t.lost_ns, self.lost_ns),
                count: t.count,
                cause: name(cause),
                here: name(here),
                other: name(other),
            })
            .collect();

        let mut lines: Vec<_> = self.lines.iter().collect();
        lines.sort_by(|(ka, a), (kb, b)| {
            by_tally(&a.total, &b.total).then_with(|| cmp_loc(n(**ka), n(**kb)))
        });
        let line_rows = lines
            .iter()
            .take(limit(lines.len()))
            .enumerate()
            .map(|(i, &(&line, t))| LineRow {
                rank: i + 1,
                lost_ns: t.total.lost_ns,
                share: share(t.total.lost_ns, self.lost_ns),
                count: t.total.count,
                as_here: t.as_here,
                as_other: t.as_other,
                line: name(line),
            })
            .collect();

        let mut waits: Vec<_> = self.wait_groups.iter().collect();
        waits.sort_by(|(ka, a), (kb, b)| {
            by_tally(a, b)
                .then_with(|| cmp_loc(n(ka.0), n(kb.0)))
                .then_with(|| n(ka.1).cmp(n(kb.1)))
        });
        let wait_rows = waits
            .iter()
            .take(limit(waits.len()))
            .enumerate()
            .map(|(i, (&(here, what), t))| WaitRow {
                rank: i + 1,
                wait_ns: t.lost_ns,
                share: share(t.lost_ns, self.wait_ns),
                count: t.count,
                what: name(what),
                here: name(here),
            })
            .collect();

        let mut causes: Vec<_> = self.causes.iter().collect();
        causes.sort_by(|(ka, a), (kb, b)| by_tally(a, b).then_with(|| n(**ka).cmp(n(**kb))));
        let causes = causes
            .into_iter()
            .map(|(&cause, t)| CauseRow {
                cause: name(cause),
                lost_ns: t.lost_ns,
                share: share(t.lost_ns, self.lost_ns),
                count: t.count,
            })
            .collect();

        Report {
            schema: "weft-stm-report",
            version: 1,
            events: self.conflicts + self.waits,
            conflicts: self.conflicts,
            waits: self.waits,
            lost_ns: self.lost_ns,
            wait_ns: self.wait_ns,
            threads: self.threads.iter().copied().collect(),
            malformed: self.malformed,
            skipped: self.skipped,
            top,
            pair_total: self.pairs.len(),
            line_total: self.lines.len(),
            wait_total: self.wait_groups.len(),
            causes,
            pairs: pair_rows,
            lines: line_rows,
            wait_groups: wait_rows,
        }
    }
}

/// More time lost first, then more events.
fn by_tally(a: &Tally, b: &Tally) -> Ordering {
    b.lost_ns.cmp(&a.lost_ns).then(b.count.cmp(&a.count))
}

/// Orders `file:line` locations by file, then line number (numerically); anything else by text.
pub fn cmp_loc(a: &str, b: &str) -> Ordering {
    fn split(s: &str) -> (&str, Option<u64>) {
        match s.rsplit_once(':') {
            Some((file, line)) => match line.parse() {
                Ok(n) => (file, Some(n)),
                Err(_) => (s, None),
            },
            None => (s, None),
        }
    }
    let (fa, la) = split(a);
    let (fb, lb) = split(b);
    fa.cmp(fb).then(la.cmp(&lb)).then_with(|| a.cmp(b))
}

/// A conflict pair (here, other, cause).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairRow {
    pub rank: usize,
    pub lost_ns: u64,
    /// Percent of all the time lost in aborts.
    pub share: f64,
    pub count: u64,
    pub cause: String,
    pub here: String,
    pub other: String,
}

/// A source line, with every conflict it took part in (as either side).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineRow {
    pub rank: usize,
    pub lost_ns: u64,
    /// Percent of all the time lost in aborts (the shares of all lines add up to more than 100:
    /// a conflict counts for both its sides).
    pub share: f64,
    /// Conflicts the line took part in.
    pub count: u64,
    pub as_here: u64,
    pub as_other: u64,
    pub line: String,
}

/// A wait group (here, what).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaitRow {
    pub rank: usize,
    pub wait_ns: u64,
    /// Percent of all the time spent waiting.
    pub share: f64,
    pub count: u64,
    pub what: String,
    pub here: String,
}

/// Time lost per abort cause (all of them, most first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CauseRow {
    pub cause: String,
    pub lost_ns: u64,
    pub share: f64,
    pub count: u64,
}

/// The ranked report; serialized as is by `--json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub version: u32,
    pub events: u64,
    pub conflicts: u64,
    pub waits: u64,
    pub lost_ns: u64,
    pub wait_ns: u64,
    pub threads: Vec<u64>,
    pub malformed: u64,
    pub skipped: u64,
    /// The `--top` limit (0: none).
    pub top: usize,
    /// Rows before the `--top` cut.
    pub pair_total: usize,
    pub line_total: usize,
    pub wait_total: usize,
    pub causes: Vec<CauseRow>,
    pub pairs: Vec<PairRow>,
    pub lines: Vec<LineRow>,
    pub wait_groups: Vec<WaitRow>,
}

fn ms(ns: u64) -> String {
    format!("{:.3}", ns as f64 / 1e6)
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Left- or right-aligned columns separated by two spaces; the last column is not padded.
fn table(out: &mut String, header: &[&str], right: &[bool], rows: &[Vec<String>]) {
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in width.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let pad = width[i].saturating_sub(cell.chars().count());
            if right[i] {
                s.extend(std::iter::repeat_n(' ', pad));
                s.push_str(cell);
            } else {
                s.push_str(cell);
                if i + 1 < width.len() {
                    s.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        let _ = writeln!(out, "{}", s.trim_end());
    };
    line(out, &mut header.iter().copied());
    for row in rows {
        line(out, &mut row.iter().map(String::as_str));
    }
}

fn shown(top: usize, shown: usize, total: usize) -> String {
    if top != 0 && total > shown {
        format!("top {shown} of {total}")
    } else {
        format!("{total}")
    }
}

/// The text report (tables); `name` is the log's name for the header.
pub fn render_text(r: &Report, name: &str) -> String {
    let mut s = String::new();
    if r.events == 0 && r.malformed == 0 && r.skipped == 0 {
        return "no conflicts recorded\n".to_string();
    }
    let _ = write!(
        s,
        "{name}: {} ({}, {}), {} ms lost in aborts, {} ms waiting, {}, {}",
        plural(r.events, "event", "events"),
        plural(r.conflicts, "conflict", "conflicts"),
        plural(r.waits, "wait", "waits"),
        ms(r.lost_ns),
        ms(r.wait_ns),
        plural(r.threads.len() as u64, "thread", "threads"),
        plural(r.malformed, "malformed line", "malformed lines"),
    );
    if r.skipped > 0 {
        let _ = write!(
            s,
            ", {} of unknown kind skipped",
            plural(r.skipped, "line", "lines")
        );
    }
    s.push('\n');
    if r.conflicts == 0 {
        s.push_str("no conflicts recorded\n");
    } else {
        let causes: Vec<String> = r
            .causes
            .iter()
            .map(|c| format!("{} {:.1}% ({})", c.cause, c.share, c.count))
            .collect();
        let _ = writeln!(s, "causes: {}", causes.join(", "));
        let _ = writeln!(
            s,
            "\nconflicts by pair ({}):",
            shown(r.top, r.pairs.len(), r.pair_total)
        );
        let rows: Vec<Vec<String>> = r
            .pairs
            .iter()
            .map(|p| {
                vec![
                    p.rank.to_string(),
                    ms(p.lost_ns),
                    format!("{:.1}%", p.share),
                    p.count.to_string(),
                    p.cause.clone(),
                    p.here.clone(),
                    p.other.clone(),
                ]
            })
            .collect();
        table(
            &mut s,
            &[
                "rank", "lost ms", "share", "count", "cause", "here", "other",
            ],
            &[true, true, true, true, false, false, false],
            &rows,
        );
        let _ = writeln!(
            s,
            "\nhot lines ({}; a conflict counts for both its sides):",
            shown(r.top, r.lines.len(), r.line_total)
        );
        let rows: Vec<Vec<String>> = r
            .lines
            .iter()
            .map(|l| {
                vec![
                    l.rank.to_string(),
                    ms(l.lost_ns),
                    format!("{:.1}%", l.share),
                    l.count.to_string(),
                    l.as_here.to_string(),
                    l.as_other.to_string(),
                    l.line.clone(),
                ]
            })
            .collect();
        table(
            &mut s,
            &[
                "rank", "lost ms", "share", "count", "as here", "as other", "line",
            ],
            &[true, true, true, true, true, true, false],
            &rows,
        );
    }
    if r.waits > 0 {
        let _ = writeln!(
            s,
            "\nwaits ({}):",
            shown(r.top, r.wait_groups.len(), r.wait_total)
        );
        let rows: Vec<Vec<String>> = r
            .wait_groups
            .iter()
            .map(|w| {
                vec![
                    w.rank.to_string(),
                    ms(w.wait_ns),
                    format!("{:.1}%", w.share),
                    w.count.to_string(),
                    w.what.clone(),
                    w.here.clone(),
                ]
            })
            .collect();
        table(
            &mut s,
            &["rank", "wait ms", "share", "count", "what", "here"],
            &[true, true, true, true, false, false],
            &rows,
        );
    }
    s
}

/// Parsed options of `weft stm-report`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub file: String,
    pub top: usize,
    pub json: bool,
}

/// Parses the arguments after `stm-report`.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut top = DEFAULT_TOP;
    let mut json = false;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--json" => json = true,
            "--top" => {
                i += 1;
                let v = args.get(i).ok_or("--top needs a value")?;
                top = v
                    .parse()
                    .map_err(|_| format!("--top: '{v}' is not a valid number"))?;
            }
            _ if a.starts_with("--top=") => {
                let v = &a["--top=".len()..];
                top = v
                    .parse()
                    .map_err(|_| format!("--top: '{v}' is not a valid number"))?;
            }
            _ if a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}")),
            _ if file.is_some() => return Err(format!("unexpected argument '{a}'")),
            _ => file = Some(a.to_string()),
        }
        i += 1;
    }
    let file = file.ok_or("no log file given")?;
    Ok(Options { file, top, json })
}

/// Entry point for `weft stm-report ARGS…` (`args` excludes `stm-report`).
pub fn main(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("weft stm-report: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let summary = if opts.file == "-" {
        Summary::read(std::io::stdin().lock())
    } else {
        std::fs::File::open(&opts.file).and_then(Summary::read)
    };
    let summary = match summary {
        Ok(s) => s,
        Err(e) => {
            eprintln!("weft stm-report: cannot read '{}': {e}", opts.file);
            return ExitCode::from(1);
        }
    };
    for (line, reason) in &summary.malformed_examples {
        eprintln!(
            "weft stm-report: {}:{line}: malformed line: {reason}",
            opts.file
        );
    }
    let hidden = summary.malformed - summary.malformed_examples.len() as u64;
    if hidden > 0 {
        eprintln!(
            "weft stm-report: ... and {}",
            plural(hidden, "more malformed line", "more malformed lines")
        );
    }
    let report = summary.rank(opts.top);
    if opts.json {
        match serde_json::to_string_pretty(&report) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("weft stm-report: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", render_text(&report, &opts.file));
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(thread: u64, cause: &str, lost_ns: u64, here: &str, other: &str) -> String {
        format!(
            r#"{{"t_ns": 1, "thread": {thread}, "cause": "{cause}", "lost_ns": {lost_ns}, "here": "{here}", "other": "{other}", "other_thread": {}}}"#,
            thread + 1
        )
    }

    fn read(text: &str) -> Summary {
        Summary::read(text.as_bytes()).unwrap()
    }

    #[test]
    fn parses_a_conflict_and_ignores_unknown_fields() {
        let line = br#"{"t_ns": 123456, "thread": 2, "cause": "write-locked", "lost_ns": 52000, "here": "prog.py:12", "other": "prog.py:30", "other_thread": 3, "future": [1, {"x": 2}]}"#;
        assert_eq!(
            parse_line(line),
            Ok(Line::Event(Event::Conflict(Conflict {
                thread: 2,
                cause: "write-locked".into(),
                lost_ns: 52000,
                here: "prog.py:12".into(),
                other: "prog.py:30".into(),
                other_thread: 3,
            })))
        );
    }

    #[test]
    fn parses_a_wait_and_defaults() {
        let w = br#"{"t_ns": 5, "thread": 2, "event": "wait", "lost_ns": 1000, "here": "prog.py:40", "what": "inevitable"}"#;
        assert_eq!(
            parse_line(w),
            Ok(Line::Event(Event::Wait(Wait {
                thread: 2,
                lost_ns: 1000,
                here: "prog.py:40".into(),
                what: "inevitable".into(),
            })))
        );
        // other / other_thread / what / t_ns may be absent; any cause string is accepted
        let c = br#"{"thread": 1, "cause": "new-cause", "lost_ns": 7.4, "here": "a.py:1"}"#;
        let Ok(Line::Event(Event::Conflict(c))) = parse_line(c) else {
            panic!("not a conflict")
        };
        assert_eq!((c.other.as_str(), c.other_thread, c.lost_ns), ("?", 0, 7));
        let w = br#"{"thread": 1, "event": "wait", "lost_ns": 3, "here": "a.py:1"}"#;
        let Ok(Line::Event(Event::Wait(w))) = parse_line(w) else {
            panic!("not a wait")
        };
        assert_eq!(w.what, "?");
    }

    #[test]
    fn escapes_nulls_and_duplicates() {
        // escaped strings are decoded; null is absent (defaults apply, or missing if required)
        let c = br#"{"thread": 1, "cause": "v", "lost_ns": 2, "here": "d\u00e9j\u00e0.py:3", "other": null, "other_thread": null}"#;
        let Ok(Line::Event(Event::Conflict(c))) = parse_line(c) else {
            panic!("not a conflict")
        };
        assert_eq!(
            (c.here.as_str(), c.other.as_str(), c.other_thread),
            ("d\u{e9}j\u{e0}.py:3", "?", 0)
        );
        let e = parse_line(br#"{"thread": 1, "cause": null, "lost_ns": 2, "here": "a.py:1"}"#);
        assert_eq!(e, Err("missing field \"cause\"".to_string()));
        let e = parse_line(
            br#"{"thread": 1, "thread": 2, "cause": "v", "lost_ns": 2, "here": "a.py:1"}"#,
        );
        assert!(e.unwrap_err().starts_with("not a valid event"));
    }

    #[test]
    fn blank_unknown_and_malformed_lines() {
        assert_eq!(parse_line(b""), Ok(Line::Blank));
        assert_eq!(parse_line(b"  \r"), Ok(Line::Blank));
        assert_eq!(
            parse_line(br#"{"event": "commit", "thread": 1}"#),
            Ok(Line::Skipped)
        );
        for (bad, why) in [
            (
                &b"{\"thread\": 1, \"cause\": \"validation\", \"lost"[..],
                "not JSON",
            ),
            (b"[1, 2]", "not a JSON object"),
            (b"\xff\xfe{}", "not UTF-8"),
            (
                br#"{"thread": 1, "cause": "validation", "here": "a.py:1"}"#,
                "missing field \"lost_ns\"",
            ),
            (
                br#"{"thread": 1, "cause": "validation", "lost_ns": -5, "here": "a.py:1"}"#,
                "field \"lost_ns\" is not a non-negative integer",
            ),
            (
                br#"{"thread": "2", "cause": "validation", "lost_ns": 5, "here": "a.py:1"}"#,
                "field \"thread\" is not a number",
            ),
            (
                br#"{"thread": 2, "cause": 3, "lost_ns": 5, "here": "a.py:1"}"#,
                "field \"cause\" is not a string",
            ),
            (
                br#"{"thread": 2, "event": 1, "lost_ns": 5, "here": "a.py:1"}"#,
                "field \"event\" is not a string",
            ),
            (
                br#"{"thread": 2, "event": "wait", "lost_ns": 5}"#,
                "missing field \"here\"",
            ),
        ] {
            let err = parse_line(bad).unwrap_err();
            assert!(err.starts_with(why), "{err:?} should start with {why:?}");
        }
    }

    #[test]
    fn malformed_lines_are_counted_with_their_numbers() {
        let mut log = String::new();
        log.push_str(&conflict(1, "validation", 10, "a.py:1", "a.py:2"));
        log.push_str("\nnot json\n\n");
        log.push_str(&conflict(1, "validation", 10, "a.py:1", "a.py:2"));
        log.push('\n');
        for _ in 0..7 {
            log.push_str("{}\n");
        }
        log.push_str(r#"{"thread": 1, "cause": "x", "lost_"#); // cut short, no newline
        let s = read(&log);
        assert_eq!((s.conflicts, s.malformed), (2, 9));
        assert_eq!(s.malformed_examples.len(), MALFORMED_SHOWN);
        assert_eq!(s.malformed_examples[0].0, 2);
        assert_eq!(s.malformed_examples[1].0, 5);
        assert_eq!(s.rank(20).pairs[0].count, 2);
    }

    #[test]
    fn aggregates_pairs_lines_waits_and_threads() {
        let log = [
            conflict(1, "write-locked", 3_000, "p.py:12", "p.py:30"),
            conflict(2, "write-locked", 1_000, "p.py:12", "p.py:30"),
            conflict(3, "validation", 2_000, "p.py:12", "p.py:12"),
            conflict(1, "killed", 500, "p.py:7", "?"),
            r#"{"thread": 9, "event": "wait", "lost_ns": 100, "here": "p.py:40", "what": "inevitable"}"#.into(),
            r#"{"thread": 9, "event": "wait", "lost_ns": 300, "here": "p.py:40", "what": "inevitable"}"#.into(),
            r#"{"thread": 8, "event": "wait", "lost_ns": 50, "here": "p.py:41", "what": "lock"}"#.into(),
        ]
        .join("\n");
        let s = read(&log);
        assert_eq!(
            (s.conflicts, s.waits, s.lost_ns, s.wait_ns),
            (4, 3, 6_500, 450)
        );
        // thread and other_thread (thread + 1 here), wait threads
        assert_eq!(
            s.threads.iter().copied().collect::<Vec<_>>(),
            [1, 2, 3, 4, 8, 9]
        );
        let r = s.rank(20);
        assert_eq!(r.events, 7);
        let pairs: Vec<_> = r
            .pairs
            .iter()
            .map(|p| {
                (
                    p.rank,
                    p.lost_ns,
                    p.count,
                    p.cause.as_str(),
                    p.here.as_str(),
                    p.other.as_str(),
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                (1, 4_000, 2, "write-locked", "p.py:12", "p.py:30"),
                (2, 2_000, 1, "validation", "p.py:12", "p.py:12"),
                (3, 500, 1, "killed", "p.py:7", "?"),
            ]
        );
        assert!((r.pairs[0].share - 4_000.0 * 100.0 / 6_500.0).abs() < 1e-9);
        // lines: p.py:12 took part in three conflicts (once with itself: counted once),
        // p.py:30 in two, p.py:7 in one; "?" is not a line
        let lines: Vec<_> = r
            .lines
            .iter()
            .map(|l| (l.line.as_str(), l.lost_ns, l.count, l.as_here, l.as_other))
            .collect();
        assert_eq!(
            lines,
            [
                ("p.py:12", 6_000, 3, 3, 1),
                ("p.py:30", 4_000, 2, 0, 2),
                ("p.py:7", 500, 1, 1, 0),
            ]
        );
        let waits: Vec<_> = r
            .wait_groups
            .iter()
            .map(|w| (w.wait_ns, w.count, w.what.as_str(), w.here.as_str()))
            .collect();
        assert_eq!(
            waits,
            [
                (400, 2, "inevitable", "p.py:40"),
                (50, 1, "lock", "p.py:41")
            ]
        );
        let causes: Vec<_> = r
            .causes
            .iter()
            .map(|c| (c.cause.as_str(), c.lost_ns))
            .collect();
        assert_eq!(
            causes,
            [
                ("write-locked", 4_000),
                ("validation", 2_000),
                ("killed", 500)
            ]
        );
    }

    #[test]
    fn ties_are_ordered_deterministically() {
        // same lost time: more events first; then here (numeric line order), other, cause
        let log = [
            conflict(1, "validation", 100, "b.py:10", "a.py:1"),
            conflict(1, "validation", 100, "b.py:9", "a.py:1"),
            conflict(1, "read-locked", 100, "b.py:9", "a.py:1"),
            conflict(1, "read-locked", 100, "b.py:9", "a.py:0"),
            conflict(1, "killed", 50, "z.py:1", "?"),
            conflict(1, "killed", 50, "z.py:1", "?"),
            conflict(1, "killed", 100, "a.py:100", "?"),
        ];
        let expected = [
            ("z.py:1", "?", "killed"),
            ("a.py:100", "?", "killed"),
            ("b.py:9", "a.py:0", "read-locked"),
            ("b.py:9", "a.py:1", "read-locked"),
            ("b.py:9", "a.py:1", "validation"),
            ("b.py:10", "a.py:1", "validation"),
        ];
        // every input order gives the same ranking
        for rot in 0..log.len() {
            let mut l = log.to_vec();
            l.rotate_left(rot);
            l.reverse();
            let r = read(&l.join("\n")).rank(0);
            let got: Vec<_> = r
                .pairs
                .iter()
                .map(|p| (p.here.as_str(), p.other.as_str(), p.cause.as_str()))
                .collect();
            assert_eq!(got, expected);
            let ranks: Vec<_> = r.pairs.iter().map(|p| p.rank).collect();
            assert_eq!(ranks, [1, 2, 3, 4, 5, 6]);
        }
    }

    #[test]
    fn locations_compare_by_file_then_line_number() {
        let mut v = vec![
            "b.py:2",
            "a.py:10",
            "a.py:9",
            "?",
            "a.py",
            "a.py:x",
            "<stdin>:3",
        ];
        v.sort_by(|a, b| cmp_loc(a, b));
        assert_eq!(
            v,
            [
                "<stdin>:3",
                "?",
                "a.py",
                "a.py:9",
                "a.py:10",
                "a.py:x",
                "b.py:2"
            ]
        );
    }

    #[test]
    fn top_limits_every_table() {
        let log: Vec<String> = (1..=5)
            .map(|i| conflict(1, "validation", i * 10, &format!("a.py:{i}"), "?"))
            .chain((1..=4).map(|i| {
                format!(r#"{{"thread": 1, "event": "wait", "lost_ns": 5, "here": "w.py:{i}", "what": "x"}}"#)
            }))
            .collect();
        let s = read(&log.join("\n"));
        let r = s.rank(2);
        assert_eq!(
            (r.pairs.len(), r.lines.len(), r.wait_groups.len()),
            (2, 2, 2)
        );
        assert_eq!((r.pair_total, r.line_total, r.wait_total), (5, 5, 4));
        assert_eq!(r.pairs[0].here, "a.py:5");
        assert_eq!(r.wait_groups[1].here, "w.py:2");
        let all = s.rank(0);
        assert_eq!(
            (all.pairs.len(), all.lines.len(), all.wait_groups.len()),
            (5, 5, 4)
        );
        let text = render_text(&r, "log");
        assert!(text.contains("conflicts by pair (top 2 of 5):"), "{text}");
        assert!(text.contains("waits (top 2 of 4):"), "{text}");
        assert!(render_text(&all, "log").contains("conflicts by pair (5):"));
    }

    #[test]
    fn empty_logs_and_zero_times() {
        assert_eq!(
            render_text(&read("").rank(20), "log"),
            "no conflicts recorded\n"
        );
        assert_eq!(
            render_text(&read("\n\n").rank(20), "log"),
            "no conflicts recorded\n"
        );
        let text = render_text(&read("garbage\n").rank(20), "log");
        assert!(
            text.starts_with("log: 0 events (0 conflicts, 0 waits)"),
            "{text}"
        );
        assert!(
            text.contains("1 malformed line\nno conflicts recorded\n"),
            "{text}"
        );
        // waits only: no conflict tables, the wait table
        let w = r#"{"thread": 1, "event": "wait", "lost_ns": 0, "here": "w.py:1", "what": "x"}"#;
        let text = render_text(&read(w).rank(20), "log");
        assert!(
            text.contains("no conflicts recorded\n\nwaits (1):"),
            "{text}"
        );
        assert!(
            text.contains("0.0%"),
            "a zero total gives 0% shares: {text}"
        );
    }

    #[test]
    fn text_report_layout() {
        let log = [
            conflict(2, "write-locked", 52_000, "prog.py:12", "prog.py:30"),
            conflict(3, "validation", 1_500_000, "prog.py:9", "prog.py:30"),
            r#"{"thread": 2, "event": "wait", "lost_ns": 1000, "here": "prog.py:40", "what": "inevitable"}"#.into(),
        ]
        .join("\n");
        let text = render_text(&read(&log).rank(20), "x.log");
        let expected = "\
x.log: 3 events (2 conflicts, 1 wait), 1.552 ms lost in aborts, 0.001 ms waiting, 3 threads, 0 malformed lines
causes: validation 96.6% (1), write-locked 3.4% (1)

conflicts by pair (2):
rank  lost ms  share  count  cause         here        other
   1    1.500  96.6%      1  validation    prog.py:9   prog.py:30
   2    0.052   3.4%      1  write-locked  prog.py:12  prog.py:30

hot lines (3; a conflict counts for both its sides):
rank  lost ms   share  count  as here  as other  line
   1    1.552  100.0%      2        0         2  prog.py:30
   2    1.500   96.6%      1        1         0  prog.py:9
   3    0.052    3.4%      1        1         0  prog.py:12

waits (1):
rank  wait ms   share  count  what        here
   1    0.001  100.0%      1  inevitable  prog.py:40
";
        assert_eq!(text, expected);
    }

    #[test]
    fn options() {
        let a = |v: &[&str]| parse_args(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            a(&["log"]),
            Ok(Options {
                file: "log".into(),
                top: DEFAULT_TOP,
                json: false
            })
        );
        assert_eq!(
            a(&["--json", "--top", "3", "log"]),
            Ok(Options {
                file: "log".into(),
                top: 3,
                json: true
            })
        );
        assert_eq!(
            a(&["-", "--top=0"]).map(|o| (o.file, o.top)),
            Ok(("-".into(), 0))
        );
        assert!(a(&[]).unwrap_err().contains("no log file"));
        assert!(a(&["log", "--top"]).unwrap_err().contains("needs a value"));
        assert!(a(&["log", "--top", "x"])
            .unwrap_err()
            .contains("not a valid number"));
        assert!(a(&["log", "--frob"])
            .unwrap_err()
            .contains("unknown option"));
        assert!(a(&["log", "other"])
            .unwrap_err()
            .contains("unexpected argument"));
    }

    #[test]
    fn json_report_shape() {
        let log = conflict(2, "write-locked", 52_000, "prog.py:12", "prog.py:30");
        let r = read(&log).rank(20);
        let j: serde_json::Value = serde_json::to_value(&r).unwrap();
        assert_eq!(j["schema"], "weft-stm-report");
        assert_eq!(j["pairs"][0]["lost_ns"], 52_000);
        assert_eq!(j["pairs"][0]["here"], "prog.py:12");
        assert_eq!(j["lines"].as_array().unwrap().len(), 2);
        assert_eq!(j["threads"], serde_json::json!([2, 3]));
    }
}
