//! The benchmark suite: the programs of `benches/python/`, their kind (fixed total work or
//! weak-scaling micro-pattern) and their SIZE argument in full and `--quick` runs.
//!
//! A program given on the command line is a suite name (`mandelbrot`) or a path to a `.py` file; a
//! file outside the table runs with its own default size (no SIZE argument) as a macro program.

use std::path::{Path, PathBuf};

/// One entry of the suite table.
pub struct Entry {
    pub name: &'static str,
    /// Weak scaling: every thread does SIZE work (reported as T1·N/TN).
    pub micro: bool,
    pub size: u64,
    pub quick_size: u64,
}

const fn e(name: &'static str, micro: bool, size: u64, quick_size: u64) -> Entry {
    Entry {
        name,
        micro,
        size,
        quick_size,
    }
}

/// Sizes: full ≈ 1–3 s per run on an idle machine; quick ≈ 0.1–0.4 s per Weft run on 2 loaded
/// cores (the whole `--quick --compare python3,pypy3` run stays well under 10 minutes).
pub const SUITE: &[Entry] = &[
    e("raytrace", false, 96, 28),
    e("mandelbrot", false, 300, 90),
    e("richards", false, 40, 4),
    e("nbody", false, 40, 4),
    e("spectral_norm", false, 160, 56),
    e("fannkuch", false, 8, 7),
    e("btree", false, 40000, 3000),
    e("skiplist", false, 30000, 2500),
    e("kmeans", false, 20000, 2000),
    e("txqueue", false, 4000, 600),
    e("shared_read", false, 300000, 40000),
    e("contended", false, 200000, 20000),
    e("micro_calls", true, 2400000, 480000),
    e("micro_methods", true, 1000000, 160000),
    e("micro_objects", true, 800000, 120000),
    e("micro_dicts", true, 2000000, 400000),
    e("micro_closures", true, 1000000, 160000),
    e("micro_threadlocal", true, 300000, 60000),
];

/// A program to measure.
#[derive(Debug, Clone)]
pub struct Program {
    pub name: String,
    pub path: PathBuf,
    pub micro: bool,
    /// SIZE argument; `None` lets the program use its default.
    pub size: Option<u64>,
}

/// Finds the suite directory: `benches/python` under the current directory, else next to the
/// repository that holds the running binary (`target/release/weft` → `../../benches/python`).
pub fn find_dir() -> Option<PathBuf> {
    let here = PathBuf::from("benches/python");
    if here.join("benchlib.py").is_file() {
        return Some(here);
    }
    let exe = std::env::current_exe().ok()?;
    for anc in exe.ancestors().skip(1) {
        let d = anc.join("benches/python");
        if d.join("benchlib.py").is_file() {
            return Some(d);
        }
    }
    None
}

/// Resolves the requested programs (all of the suite when `names` is empty).
pub fn resolve(dir: &Path, names: &[String], quick: bool) -> Result<Vec<Program>, String> {
    let from_entry = |en: &Entry| Program {
        name: en.name.to_string(),
        path: dir.join(format!("{}.py", en.name)),
        micro: en.micro,
        size: Some(if quick { en.quick_size } else { en.size }),
    };
    if names.is_empty() {
        return Ok(SUITE.iter().map(from_entry).collect());
    }
    let mut out = Vec::new();
    for n in names {
        let stem = n.trim_end_matches(".py").replace('-', "_");
        if let Some(en) = SUITE.iter().find(|en| en.name == stem) {
            out.push(from_entry(en));
        } else if Path::new(n).is_file() {
            let name = Path::new(n)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| n.clone());
            out.push(Program {
                name,
                path: PathBuf::from(n),
                micro: false,
                size: None,
            });
        } else {
            let known: Vec<&str> = SUITE.iter().map(|e| e.name).collect();
            return Err(format!(
                "unknown program '{n}' (suite: {}; or a path to a .py file)",
                known.join(", ")
            ));
        }
    }
    Ok(out)
}
