//! Checks the differential test corpus in `tests/python/` is complete and well-formed: every test
//! program has the stdout CPython 3.11 gave for it (`.out`), programs that exit with an error also record
//! the exit status and the last stderr line (`.err`), and no expectation file is orphaned.
//!
//! Running the programs under Weft and comparing outputs joins this file when the interpreter lands
//! (issue 2); until then this guards the corpus itself.

use std::collections::BTreeSet;
use std::path::Path;

fn corpus_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("python")
}

fn test_programs() -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(corpus_dir()).expect("tests/python exists") {
        let name = e.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".py") {
            if !stem.starts_with('_') && stem != "regen" {
                out.push(stem.to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_is_large_enough() {
    let n = test_programs().len();
    assert!(
        n >= 150,
        "tests/python holds only {n} test programs; issue 2 asks for at least 150"
    );
}

#[test]
fn every_program_has_expected_stdout() {
    let missing: Vec<String> = test_programs()
        .into_iter()
        .filter(|t| !corpus_dir().join(format!("{t}.out")).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "no .out (run python3 tests/python/regen.py): {missing:?}"
    );
}

#[test]
fn no_orphaned_expectations() {
    let programs: BTreeSet<String> = test_programs().into_iter().collect();
    let mut orphans = Vec::new();
    for e in std::fs::read_dir(corpus_dir()).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        for ext in [".out", ".err"] {
            if let Some(stem) = name.strip_suffix(ext) {
                if !programs.contains(stem) {
                    orphans.push(name.clone());
                }
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "expectation files without a program: {orphans:?}"
    );
}

#[test]
fn error_expectations_are_well_formed() {
    let mut bad = Vec::new();
    let mut err_tests = 0;
    for t in test_programs() {
        let p = corpus_dir().join(format!("{t}.err"));
        if !p.exists() {
            if t.starts_with("err_") {
                bad.push(format!("{t}: an err_ test without a .err file"));
            }
            continue;
        }
        err_tests += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let ok = lines.len() == 2
            && lines[0]
                .strip_prefix("exit: ")
                .is_some_and(|s| s.parse::<i32>().is_ok())
            && lines[1].starts_with("last: ");
        if !ok {
            bad.push(format!("{t}: malformed .err: {text:?}"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(err_tests >= 12, "only {err_tests} error tests");
}
