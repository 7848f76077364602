//! Memory stays bounded: a program allocating millions of short-lived objects (tuples, lists, dicts,
//! strs, big ints) runs with a peak RSS under 64 MiB (issue 2). The peak is reported by `weft` itself
//! when `WEFT_PEAK_RSS` is set (Linux `VmHWM`).

use std::process::Command;

const PROGRAM: &str = r#"
total = 0
for i in range(2_000_000):
    t = (i, [i, i + 1], {"k": i}, "s" * (i % 50), 10 ** 30 + i)
    total += t[1][1] - t[2]["k"] + len(t[3]) + (t[4] - 10 ** 30 - i)
print(total)
"#;

#[test]
fn allocation_loop_peak_rss_under_64_mib() {
    if !std::path::Path::new("/proc/self/status").exists() {
        eprintln!("no /proc: peak RSS cannot be measured on this platform");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_weft"))
        .args(["-c", PROGRAM])
        .env("WEFT_PEAK_RSS", "1")
        .output()
        .expect("run weft");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "weft failed: {stderr}");
    // sum over i of (1 + i % 50) for 2,000,000 iterations
    let expected: u64 = (0..2_000_000u64).map(|i| 1 + i % 50).sum();
    assert_eq!(stdout.trim(), expected.to_string());
    let kib: u64 = stderr
        .lines()
        .find_map(|l| {
            l.strip_prefix("weft: peak RSS ")?
                .strip_suffix(" KiB")?
                .parse()
                .ok()
        })
        .expect("peak RSS line");
    eprintln!("peak RSS of the allocation loop: {kib} KiB");
    assert!(kib < 64 * 1024, "peak RSS {kib} KiB exceeds 64 MiB");
}
