#!/usr/bin/env python3
"""The two `--stm` measurements quoted in benches/README.md ("`--stm` round 5").

Wall time (default): ROUNDS rounds, each running back to back
    weft P.py 1 N,  weft --stm P.py 1 N,  weft --stm P.py 2 N,  weft P.py 1 N
and taking each STM run's ratio against the mean of the round's two GIL runs. Prints the medians (and
the best round) of STM1/GIL1 and GIL1/STM2. Pairing runs within a round keeps the ratios meaningful on
a machine whose speed drifts over minutes, where minima of separate runs do not. On Linux it also reads
the hypervisor's steal time (/proc/stat) around each round and prints how much of the CPU was stolen
(median over rounds) and the medians over the quieter half of the rounds (least stolen): on a shared
virtual machine a stolen time slice stalls a 2-thread run more than a 1-thread one.

Instructions (--callgrind): one `valgrind --tool=callgrind` run each of `weft P.py 1 N`,
`weft --stm --stm-stats P.py 1 N` and `weft --stm-no-exclusive --stm-stats P.py 1 N`, printed as ratios
to the GIL run. Threaded `--stm` counts depend on timing under valgrind (an abort re-executes a
transaction; the worker may run restartable before it turns exclusive), so the lines from `--stm-stats`
that matter are printed too: compare only runs without aborts.

Paired old/new (--against OLD): ROUNDS rounds of the `--weft` binary and the OLD one, alternating
which goes first, in each of the --modes (gil1: `weft P.py 1 N`, stm1/stm2: `--stm` with 1/2
threads, nx1/nx2: `--stm-no-exclusive`); prints the median of the per-round time ratios OLD/NEW (above
1: the new binary is faster). On this machine only such paired figures show a change of a few percent.

Usage: python3 benches/stm_ratios.py [--weft PATH] [--rounds K] [--callgrind | --against OLD
       [--modes M,M]] [PROG[:N] ...]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WALL = [("mandelbrot", 400), ("spectral_norm", 400), ("nbody", 400), ("fannkuch", 9),
        ("raytrace", 120), ("richards", 100)]
SMALL = {"mandelbrot": 60, "spectral_norm": 80, "nbody": 8, "fannkuch": 7, "raytrace": 30,
         "richards": 4}


def prog_path(p):
    return os.path.join(HERE, "python", p + ".py")


def wall(weft, flags, p, threads, n):
    t0 = time.perf_counter()
    r = subprocess.run([weft] + flags + [prog_path(p), str(threads), str(n)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if r.returncode != 0:
        sys.exit(f"{p}: exit status {r.returncode} with {flags} {threads} threads")
    return time.perf_counter() - t0


def steal_ticks():
    """Clock ticks the hypervisor stole from this machine's CPUs so far (None if unknown)."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        return int(fields[8]) if fields[0] == "cpu" and len(fields) > 8 else None
    except OSError:
        return None


def instructions(weft, flags, p, n):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", weft]
                       + flags + [prog_path(p), "1", str(n)], capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or not m:
        sys.exit(f"{p}: valgrind run failed with {flags}:\n{r.stderr[-2000:]}")
    stats = [l for l in r.stderr.splitlines() if l.startswith("stm: commits") or "thread 2:" in l]
    return int(m.group(1)), stats


MODES = {"gil1": ([], 1), "stm1": (["--stm"], 1), "stm2": (["--stm"], 2),
         "nx1": (["--stm-no-exclusive"], 1), "nx2": (["--stm-no-exclusive"], 2)}


def paired(new, old, modes, rounds, p, n):
    for m in modes:
        flags, threads = MODES[m]
        ratios = []
        for r in range(rounds):
            order = [old, new] if r % 2 == 0 else [new, old]
            t = {w: wall(w, flags, p, threads, n) for w in order}
            ratios.append(t[old] / t[new])
        print(f"{p:14s} {n:4d}  {m:5s} old/new time {statistics.median(ratios):.3f} "
              f"(rounds {min(ratios):.2f}..{max(ratios):.2f})", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weft", default=os.path.join(HERE, "..", "target", "release", "weft"))
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--against", metavar="OLD", help="paired comparison with binary OLD")
    ap.add_argument("--modes", default="nx1,stm2", help="with --against: " + ",".join(MODES))
    ap.add_argument("progs", nargs="*", help="PROG or PROG:N (default: the six CPU-bound programs)")
    a = ap.parse_args()
    default = [(p, SMALL[p] if a.callgrind else n) for p, n in WALL]
    progs = [(s.split(":")[0], int(s.split(":")[1]) if ":" in s else dict(default)[s])
             for s in a.progs] or default
    for p, n in progs:
        if a.against:
            paired(a.weft, a.against, a.modes.split(","), a.rounds, p, n)
            continue
        if a.callgrind:
            g, _ = instructions(a.weft, [], p, n)
            s1, st1 = instructions(a.weft, ["--stm", "--stm-stats"], p, n)
            x1, stx = instructions(a.weft, ["--stm-no-exclusive", "--stm-stats"], p, n)
            print(f"{p:14s} {n:4d}  GIL {g:,}  STM1 {s1 / g:.3f}  per-thread {x1 / g:.3f}")
            for line in st1 + stx:
                print("    " + line)
            continue
        rounds = []  # (stolen fraction, STM1/GIL1, GIL1/STM2)
        tick = os.sysconf("SC_CLK_TCK") * (os.cpu_count() or 1)
        for _ in range(a.rounds):
            st0, t0 = steal_ticks(), time.perf_counter()
            g1 = wall(a.weft, [], p, 1, n)
            s1 = wall(a.weft, ["--stm"], p, 1, n)
            s2 = wall(a.weft, ["--stm"], p, 2, n)
            g2 = wall(a.weft, [], p, 1, n)
            st1, t1 = steal_ticks(), time.perf_counter()
            stolen = (st1 - st0) / (tick * (t1 - t0)) if st0 is not None and st1 is not None else 0.0
            base = (g1 + g2) / 2
            rounds.append((stolen, s1 / base, base / s2))
        med = statistics.median
        r1 = [r[1] for r in rounds]
        r2 = [r[2] for r in rounds]
        quiet = sorted(rounds)[:max(1, len(rounds) // 2)]
        print(f"{p:14s} {n:4d}  STM1/GIL1 {med(r1):.2f}  GIL1/STM2 {med(r2):.2f} "
              f"(best {max(r2):.2f})  stolen {100 * med([r[0] for r in rounds]):.0f}%  "
              f"quieter half: STM1/GIL1 {med([r[1] for r in quiet]):.2f} "
              f"GIL1/STM2 {med([r[2] for r in quiet]):.2f}", flush=True)


if __name__ == "__main__":
    main()
