//! `weft bench compare OLD.json NEW.json [--threshold PCT]`: matches the points of two runs by
//! (program, interpreter, mode, threads) and lists regressions (median slower by more than the
//! threshold, default 10%), improvements, and status changes (e.g. ok → wrong). Points of a
//! program whose SIZE differs between the two runs are not compared.

use super::results::{Results, Status};
use std::fmt::Write;

/// One compared point.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// new/old median, when both are ok.
    pub ratio: Option<f64>,
    pub status: (Status, Status),
}

/// Points present in both runs with the same program SIZE, with their ratio.
pub fn changes(old: &Results, new: &Results) -> Vec<Change> {
    let size = |r: &Results, prog: &str| r.programs.iter().find(|p| p.name == prog).map(|p| p.size);
    let mut out = Vec::new();
    for n in &new.points {
        if size(old, &n.program) != size(new, &n.program) {
            continue; // a different SIZE is a different measurement
        }
        let Some(o) = old.point(&n.program, &n.interpreter, &n.mode, n.threads) else {
            continue;
        };
        let om = o
            .time_s
            .map(|t| t.median)
            .filter(|_| o.status == Status::Ok);
        let nm = n
            .time_s
            .map(|t| t.median)
            .filter(|_| n.status == Status::Ok);
        out.push(Change {
            key: format!("{} {} {} {}t", n.program, n.interpreter, n.mode, n.threads),
            old: om,
            new: nm,
            ratio: om.zip(nm).map(|(a, b)| b / a),
            status: (o.status, n.status),
        });
    }
    out
}

/// The text report; the bool says whether anything regressed.
pub fn report(old: &Results, new: &Results, threshold: f64) -> (String, bool) {
    let ch = changes(old, new);
    let mut s = String::new();
    let mut bad = false;
    let _ = writeln!(
        s,
        "| point | old s | new s | new/old | verdict |\n|---|---:|---:|---:|---|"
    );
    for c in &ch {
        let verdict = match (c.status, c.ratio) {
            ((a, b), _) if a != b => {
                bad |= a == Status::Ok;
                format!("status {a:?} → {b:?}").to_lowercase()
            }
            (_, Some(r)) if r > 1.0 + threshold => {
                bad = true;
                "REGRESSION".into()
            }
            (_, Some(r)) if r < 1.0 / (1.0 + threshold) => "faster".into(),
            _ => continue,
        };
        let f = |v: Option<f64>| v.map(|x| format!("{x:.3}")).unwrap_or("—".into());
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            c.key,
            f(c.old),
            f(c.new),
            c.ratio.map(|r| format!("{r:.2}")).unwrap_or("—".into()),
            verdict
        );
    }
    let _ = writeln!(
        s,
        "\n{} points compared, threshold {:.0}%: {}",
        ch.len(),
        threshold * 100.0,
        if bad {
            "regressions found"
        } else {
            "no regression"
        }
    );
    (s, bad)
}
