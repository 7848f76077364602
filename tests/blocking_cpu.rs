//! Threads blocked on a lock, a join, a condition or a sleep use no CPU while they wait (issue 3).
//!
//! Each program blocks for about a second with no runnable Python thread. The test samples the
//! process's CPU time (utime + stime from /proc/PID/stat) while it is blocked, twice, and checks that
//! almost none was used between the samples: a busy-waiting implementation would burn the whole interval.
//! This checks a functional property (no spinning), not speed, so the bound is generous.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// CPU ticks (1/100 s on Linux) used so far by `child`, or None if /proc is unavailable.
fn cpu_ticks(child: &Child) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: indices 11 and 12 after the name.
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn check_idle(name: &str, program: &str) {
    if !std::path::Path::new("/proc/self/stat").exists() {
        eprintln!("no /proc: CPU time cannot be sampled on this platform");
        return;
    }
    let child = Command::new(env!("CARGO_BIN_EXE_weft"))
        .args(["-c", program])
        .stdout(Stdio::piped())
        .spawn()
        .expect("run weft");
    std::thread::sleep(Duration::from_millis(300));
    let a = cpu_ticks(&child).expect("stat");
    std::thread::sleep(Duration::from_millis(800));
    let b = cpu_ticks(&child).expect("stat");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{name}: weft failed");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "done",
        "{name}"
    );
    // 800 ms of waiting; a spinning thread would use ~80 ticks. Allow 10 (noise, timer wakeups).
    assert!(
        b - a <= 10,
        "{name}: used {} ticks of CPU while blocked",
        b - a
    );
}

#[test]
fn blocked_on_lock_uses_no_cpu() {
    check_idle(
        "lock",
        r#"
import threading
l = threading.Lock()
l.acquire()
def w():
    print(l.acquire(timeout=1.5) is False and "done")
t = threading.Thread(target=w)
t.start()
t.join()
"#,
    );
}

#[test]
fn blocked_on_join_and_condition_use_no_cpu() {
    check_idle(
        "join+condition",
        r#"
import threading
c = threading.Condition()
def w():
    with c:
        c.wait(1.5)
t = threading.Thread(target=w)
t.start()
t.join()
print("done")
"#,
    );
}

#[test]
fn blocked_on_queue_and_event_use_no_cpu() {
    check_idle(
        "queue+event",
        r#"
import threading, queue
q = queue.Queue()
e = threading.Event()
def w():
    try:
        q.get(timeout=1.5)
    except queue.Empty:
        e.set()
threading.Thread(target=w).start()
e.wait()
print("done")
"#,
    );
}

#[test]
fn sleeping_threads_use_no_cpu() {
    check_idle(
        "sleep",
        r#"
import threading, time
ts = [threading.Thread(target=time.sleep, args=(1.5,)) for _ in range(4)]
for t in ts:
    t.start()
time.sleep(1.5)
for t in ts:
    t.join()
print("done")
"#,
    );
}
