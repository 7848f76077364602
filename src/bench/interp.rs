//! Finding the interpreters to measure: Weft itself (the running binary, or `WEFT_BENCH_WEFT`),
//! and the `--compare` ones looked up on PATH (skipped with a note when not installed), plus the
//! detection of whether this Weft's `--stm` really runs transactions (older binaries ran it with
//! the GIL and said so).

use super::results::Interpreter;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Looks `name` up on PATH (or takes it as a path if it contains a `/`).
pub fn which(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        let p = PathBuf::from(name);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn first_line(cmd: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// True when `stderr` of `weft --stm` says it fell back to the GIL (binaries from before `--stm`
/// was implemented print `weft: --stm is not implemented yet; running with the GIL`).
pub fn stm_fallback_note(stderr: &str) -> bool {
    let s = stderr.to_ascii_lowercase();
    s.contains("--stm") && (s.contains("with the gil") || s.contains("not implemented"))
}

/// True when the `--stm` line of `weft --help` says the mode does not exist yet.
pub fn help_says_stm_missing(help: &str) -> bool {
    help.lines()
        .filter(|l| l.trim_start().starts_with("--stm ") || l.trim() == "--stm")
        .any(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("not available")
                || l.contains("not implemented")
                || l.contains("with the gil")
        })
}

/// Whether `--stm` is real, from `weft --help` and the stderr of `weft --stm -c pass`: the help
/// must not call it unavailable and the run must succeed without the fall-back note.
pub fn stm_real(help: &str, run_ok: bool, run_stderr: &str) -> bool {
    !help_says_stm_missing(help) && run_ok && !stm_fallback_note(run_stderr)
}

/// Describes the Weft binary at `path`: version, whether `--stm` is real, whether it knows
/// `--stm-stats`.
pub fn weft(path: &Path) -> (Interpreter, bool) {
    let version = first_line(path, &["--version"]);
    let help = Command::new(path)
        .arg("--help")
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
        })
        .unwrap_or_default();
    let stm_real = match Command::new(path).args(["--stm", "-c", "pass"]).output() {
        Ok(o) => stm_real(
            &help,
            o.status.success(),
            &String::from_utf8_lossy(&o.stderr),
        ),
        Err(_) => false,
    };
    let note = (!stm_real).then(|| {
        "this weft's --stm runs with the GIL (not implemented in this binary): stm points are \
         unavailable"
            .to_string()
    });
    let i = Interpreter {
        name: "weft".into(),
        path: Some(path.display().to_string()),
        version,
        available: version_ok(path),
        stm_available: stm_real,
        note,
    };
    (i, help.contains("--stm-stats"))
}

fn version_ok(path: &Path) -> bool {
    Command::new(path)
        .args(["-c", "pass"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The interpreter's real executable (`sys.executable`), so that launcher scripts such as pyenv
/// shims, which add a large and noisy start-up cost, are not timed.
fn real_executable(p: &Path) -> Option<PathBuf> {
    let o = Command::new(p)
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&o.stdout).trim().to_string();
    let real = PathBuf::from(s);
    (o.status.success() && real.is_file()).then_some(real)
}

/// Describes a foreign interpreter, or records why it is skipped.
pub fn foreign(name: &str) -> Interpreter {
    match which(name) {
        Some(p) => {
            let p = real_executable(&p).unwrap_or(p);
            let version = first_line(&p, &["--version"]);
            let ok = Command::new(&p)
                .args(["-c", "import threading"])
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false);
            Interpreter {
                name: name.into(),
                path: Some(p.display().to_string()),
                version,
                available: ok,
                stm_available: false,
                note: (!ok).then(|| format!("{name} is installed but does not run")),
            }
        }
        None => Interpreter {
            name: name.into(),
            path: None,
            version: None,
            available: false,
            stm_available: false,
            note: Some(format!("{name} not found on PATH: skipped")),
        },
    }
}
