#!/usr/bin/env python3
"""Whole-program benchmark: run each benches/programs/*.py under CPython and
Weft, check the outputs match, and report median wall times and ratios.

Usage: python3 benches/run.py [--runs N] [--cpu] [--weft PATH] [--python PATH] [NAME ...]

--cpu reports user+system CPU time of each run instead of wall time: on a shared,
overloaded machine it is far less sensitive to waiting for a core.
"""
import argparse
import glob
import math
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_once(cmd, path, timeout, cpu=False):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        cmd + [os.path.basename(path)],
        cwd=os.path.dirname(path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )
    elapsed = time.perf_counter() - start
    if cpu:
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return elapsed, proc.returncode, proc.stdout, proc.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per interpreter (default 3)")
    ap.add_argument("--weft", default=os.path.join(ROOT, "target", "release", "weft"),
                    help="Weft binary (default: target/release/weft in the repo root)")
    ap.add_argument("--python", default="python3", help="reference interpreter (default python3)")
    ap.add_argument("--cpu", action="store_true",
                    help="measure user+system CPU time instead of wall time")
    ap.add_argument("--timeout", type=float, default=300.0, help="per-run timeout in seconds")
    ap.add_argument("names", nargs="*", help="only these programs (file stem, e.g. fib)")
    args = ap.parse_args()

    weft = os.path.abspath(args.weft)
    if not os.path.exists(weft):
        sys.exit(f"weft binary not found: {weft} (run `cargo build --release`)")
    programs = sorted(glob.glob(os.path.join(HERE, "programs", "*.py")))
    if args.names:
        programs = [p for p in programs if os.path.splitext(os.path.basename(p))[0] in args.names]
    if not programs:
        sys.exit("no programs selected")

    rows = []
    failures = []
    for path in programs:
        name = os.path.splitext(os.path.basename(path))[0]
        times = {"python3": [], "weft": []}
        outputs = {"python3": set(), "weft": set()}
        ok = True
        for _ in range(args.runs):
            for label, cmd in (("python3", [args.python]), ("weft", [weft])):
                try:
                    t, rc, out, err = run_once(cmd, path, args.timeout, args.cpu)
                except subprocess.TimeoutExpired:
                    failures.append(f"{name}: {label} timed out after {args.timeout}s")
                    ok = False
                    break
                if rc != 0:
                    tail = err.decode(errors="replace").strip().splitlines()[-3:]
                    failures.append(f"{name}: {label} exited {rc}: " + " | ".join(tail))
                    ok = False
                    break
                times[label].append(t)
                outputs[label].add(out)
            if not ok:
                break
        if ok and (len(outputs["python3"]) != 1 or outputs["python3"] != outputs["weft"]):
            failures.append(f"{name}: output differs between python3 and weft")
            ok = False
        if ok:
            py = statistics.median(times["python3"])
            wf = statistics.median(times["weft"])
            rows.append((name, py, wf, wf / py))
            print(f"  {name}: python3 {py:.2f}s  weft {wf:.2f}s", file=sys.stderr, flush=True)
        else:
            rows.append((name, None, None, None))
            print(f"  {name}: FAILED", file=sys.stderr, flush=True)

    print(f"{'program':<14} {'python3 s':>10} {'weft s':>10} {'weft/py3':>10}")
    for name, py, wf, ratio in rows:
        if ratio is None:
            print(f"{name:<14} {'-':>10} {'-':>10} {'FAIL':>10}")
        else:
            print(f"{name:<14} {py:>10.2f} {wf:>10.2f} {ratio:>10.2f}")
    ratios = [r[3] for r in rows if r[3] is not None]
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'geomean':<14} {'':>10} {'':>10} {geo:>10.2f}")
    print(f"(median of {args.runs} runs, {'CPU time' if args.cpu else 'wall clock'})")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
