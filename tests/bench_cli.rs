//! End-to-end check of `weft bench` on tiny throwaway programs (nothing is timed or compared
//! against a time): a wrong answer at 2 threads is reported as `wrong` (exit status 1), the
//! stm points are measured with their `--stm-stats` counters (or `unavailable` for a binary whose
//! `--stm` runs with the GIL), the `stm_vs_gil` section is there, every output file is written,
//! the JSON validates, and `weft bench compare` reads two result files.

use std::path::PathBuf;
use std::process::Command;

fn weft() -> Command {
    Command::new(env!("CARGO_BIN_EXE_weft"))
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("weft-bench-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn wrong_answers_are_reported_not_plotted() {
    let d = scratch("wrong");
    let good = d.join("good.py");
    let bad = d.join("bad.py");
    std::fs::write(&good, "import sys\nprint('checksum:', 42)\n").unwrap();
    // the answer depends on the thread count: wrong at 2 threads
    std::fs::write(
        &bad,
        "import sys\nprint('checksum:', 40 + int(sys.argv[1]))\n",
    )
    .unwrap();
    let out = d.join("out");
    let o = weft()
        .arg("bench")
        .args([good.to_str().unwrap(), bad.to_str().unwrap()])
        .args(["--threads", "1,2", "--repeat", "2", "--warmup", "0"])
        .args(["--compare", "none", "--modes", "gil,stm", "--suite"])
        .arg(&d)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a wrong point makes the run fail: {stderr}"
    );
    for f in [
        "results.md",
        "results.json",
        "scaling.svg",
        "stm_overhead.svg",
        "vs_cpython.svg",
    ] {
        assert!(out.join(f).is_file(), "{f} not written");
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("results.json")).unwrap()).unwrap();
    assert_eq!(json["schema"], "weft-bench");
    let status = |prog: &str, mode: &str, t: u64| {
        json["points"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["program"] == prog && p["mode"] == mode && p["threads"] == t)
            .map(|p| p["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status("good", "gil", 1), "ok");
    assert_eq!(status("good", "gil", 2), "ok");
    assert_eq!(status("bad", "gil", 1), "ok");
    assert_eq!(status("bad", "gil", 2), "wrong");
    if json["interpreters"][0]["stm_available"] == false {
        assert_eq!(
            status("good", "stm", 1),
            "unavailable",
            "--stm falls back to the GIL"
        );
    } else {
        assert_eq!(status("good", "stm", 1), "ok");
        assert_eq!(status("good", "stm", 2), "ok");
        assert_eq!(status("bad", "stm", 2), "wrong");
        let good2 = json["points"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["program"] == "good" && p["mode"] == "stm" && p["threads"] == 2)
            .unwrap();
        let stm = &good2["stm"];
        assert!(stm["commits"].as_u64().unwrap() > 0, "{good2}");
        assert!(
            stm["inevitable"].is_u64(),
            "detailed --stm-stats parsed: {good2}"
        );
        assert!(stm["aborts_by_cause"].is_array(), "{good2}");
        let sv = json["stm_vs_gil"].as_array().unwrap();
        let g = sv.iter().find(|e| e["program"] == "good").unwrap();
        assert!(g["overhead"].as_f64().unwrap() > 0.0, "{g}");
        assert_eq!(g["speedup"][0]["threads"], 2);
        assert!(
            g["speedup"][0]["gil1_over_stm"].as_f64().unwrap() > 0.0,
            "{g}"
        );
        let b = sv.iter().find(|e| e["program"] == "bad").unwrap();
        assert!(
            b["speedup"][0]["gil1_over_stm"].is_null(),
            "wrong point: {b}"
        );
    }
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["schema_minor"], 1);
    let md = std::fs::read_to_string(out.join("results.md")).unwrap();
    assert!(md.contains("WRONG"));
    if json["interpreters"][0]["stm_available"] == true {
        assert!(md.contains("## weft --stm vs weft GIL"), "{md}");
    }
    // compare reads both files back (same run twice: no regression)
    let json_path = out.join("results.json");
    let c = weft()
        .args(["bench", "compare"])
        .arg(&json_path)
        .arg(&json_path)
        .output()
        .unwrap();
    assert!(c.status.success(), "{}", String::from_utf8_lossy(&c.stderr));
    assert!(String::from_utf8_lossy(&c.stdout).contains("no regression"));
    let _ = std::fs::remove_dir_all(&d);
}
