//! `weft bench`: the research benchmark harness (issue 5). Runs the threaded suite of
//! `benches/python/` under Weft (GIL and `--stm` modes) and other interpreters, and writes a
//! Markdown table, a JSON result file (schema in benches/README.md) and SVG plots.
//!
//! Layout: `cli` (options), `suite` (programs and sizes), `interp` (finding interpreters, `--stm`
//! detection), `measure` (one process: time, RSS, checksum, stm stats), `checksum`, `stats`,
//! `engine` (the whole matrix, progress bar), `results` (JSON model), `report` (Markdown),
//! `plot` (SVG), `compare` (two result files).

pub mod checksum;
pub mod cli;
pub mod compare;
pub mod engine;
pub mod interp;
pub mod measure;
pub mod plot;
pub mod report;
pub mod results;
pub mod stats;
pub mod suite;
#[cfg(test)]
mod tests;

use std::process::ExitCode;

/// Entry point for `weft bench ARGS…` (`args` excludes `bench`).
pub fn main(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{}", cli::USAGE);
        return ExitCode::SUCCESS;
    }
    if args.first().map(String::as_str) == Some("compare") {
        return compare_main(&args[1..]);
    }
    if args.first().map(String::as_str) == Some("report") {
        return report_main(&args[1..]);
    }
    let cfg = match cli::parse(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("weft bench: {e}\n{}", cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let results = match engine::run(&cfg) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("weft bench: {e}");
            return ExitCode::from(1);
        }
    };
    match write_all(&cfg.out, &results) {
        Ok(files) => {
            // stdout gets the header and the summary; every point is in results.md
            let md = report::markdown(&results);
            let summary = md.split("\n## All points").next().unwrap_or(&md);
            println!("{}", summary.trim_end());
            eprintln!("weft bench: wrote {}", files.join(", "));
            let bad = results
                .points
                .iter()
                .any(|p| matches!(p.status, results::Status::Wrong | results::Status::Failed));
            ExitCode::from(if bad { 1 } else { 0 })
        }
        Err(e) => {
            eprintln!("weft bench: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes results.md, results.json and the SVG plots into `dir`; returns the paths written.
pub fn write_all(dir: &std::path::Path, r: &results::Results) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    let mut put = |name: &str, text: String| -> Result<(), String> {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
        files.push(p.display().to_string());
        Ok(())
    };
    put("results.md", report::markdown(r))?;
    put("results.json", r.to_json())?;
    type PlotFn = fn(&results::Results, &std::path::Path) -> Result<(), String>;
    let plots: [(&str, PlotFn); 3] = [
        ("scaling.svg", plot::scaling),
        ("stm_overhead.svg", plot::stm_overhead),
        ("vs_cpython.svg", plot::vs_cpython),
    ];
    for (name, f) in plots {
        let p = dir.join(name);
        f(r, &p)?;
        files.push(p.display().to_string());
    }
    Ok(files)
}

fn compare_main(args: &[String]) -> ExitCode {
    let mut files = Vec::new();
    let mut threshold = 0.10;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--threshold" {
            i += 1;
            match args
                .get(i)
                .and_then(|v| v.trim_end_matches('%').parse::<f64>().ok())
            {
                Some(t) => threshold = t / 100.0,
                None => {
                    eprintln!("weft bench compare: --threshold needs a percentage");
                    return ExitCode::from(2);
                }
            }
        } else {
            files.push(args[i].clone());
        }
        i += 1;
    }
    if files.len() != 2 {
        eprintln!("usage: weft bench compare OLD.json NEW.json [--threshold PCT]");
        return ExitCode::from(2);
    }
    let (old, new) = match (
        results::Results::load(&files[0]),
        results::Results::load(&files[1]),
    ) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("weft bench compare: {e}");
            return ExitCode::from(2);
        }
    };
    let (text, bad) = compare::report(&old, &new, threshold);
    print!("{text}");
    ExitCode::from(if bad { 1 } else { 0 })
}

/// `weft bench report RESULTS.json [--out DIR]`: re-renders the Markdown and the plots of a saved
/// run (default: next to the JSON file), e.g. after the plotting code changed.
fn report_main(args: &[String]) -> ExitCode {
    let (file, out) = match args {
        [f] => (f, None),
        [f, o, d] if o == "--out" => (f, Some(std::path::PathBuf::from(d))),
        _ => {
            eprintln!("usage: weft bench report RESULTS.json [--out DIR]");
            return ExitCode::from(2);
        }
    };
    let r = match results::Results::load(file) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("weft bench report: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = out.unwrap_or_else(|| {
        std::path::Path::new(file)
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_default()
    });
    match write_all(&dir, &r) {
        Ok(files) => {
            eprintln!("weft bench: wrote {}", files.join(", "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("weft bench report: {e}");
            ExitCode::from(1)
        }
    }
}
