"""Where a fork-join phase loses time: start 2 threads, each doing the same CPU-bound loop, join them;
repeat. Prints, per phase, the milliseconds (from the phase's start) at which each thread was
started (`startedK`, seen by the main thread), began running (`runK`), finished (`endK`), and the join
returned. Ideal: both `run` near 0 and both `end` near the work of one thread. Programs like
spectral_norm run 40 such phases, so a late start or a slow hand-off is paid 40 times.

Usage: weft [--stm] benches/thread_phases.py [PHASES [N]]
"""
import sys
import threading
import time

T0 = time.perf_counter()


def now():
    return (time.perf_counter() - T0) * 1000


def phase(n):
    ev = {}

    def part(k):
        ev["run%d" % k] = now()
        s = 0.0
        for i in range(n):
            s += i * 0.5
        ev["end%d" % k] = now()

    ts = [threading.Thread(target=part, args=(k,)) for k in range(2)]
    b = now()
    for k, t in enumerate(ts):
        t.start()
        ev["started%d" % k] = now()
    for t in ts:
        t.join()
    ev["joined"] = now()
    return {k: v - b for k, v in ev.items()}


phases = int(sys.argv[1]) if len(sys.argv) > 1 else 8
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
for p in range(phases):
    e = phase(n)
    print(" ".join("%s=%.1f" % (k, v) for k, v in sorted(e.items(), key=lambda kv: kv[1])))
