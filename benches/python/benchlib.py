"""Shared helpers of the `weft bench` suite (not a benchmark itself).

Every program of benches/python/ is run as `prog.py THREADS SIZE` and prints one line
`checksum: ...` that must not depend on THREADS. Python 3.9 syntax at most, no `time` or `random`
(the harness times from outside; `Lcg` gives deterministic pseudo-random data), so the same file
runs on Weft, CPython 3.11 and PyPy3.
"""
import sys
import threading

try:  # pypy-stm: a block that runs as one transaction
    from pypystm import atomic  # type: ignore
except ImportError:  # elsewhere: one global lock gives the same (serialised) semantics
    atomic = threading.Lock()


def args(default_size):
    """(threads, size) from argv: `prog.py [THREADS [SIZE]]`."""
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    size = int(sys.argv[2]) if len(sys.argv) > 2 else default_size
    if threads < 1:
        raise SystemExit("threads must be >= 1")
    return threads, size


def chunks(n, parts):
    """Split range(n) into `parts` contiguous (start, stop) ranges of nearly equal length."""
    out = []
    for p in range(parts):
        out.append((n * p // parts, n * (p + 1) // parts))
    return out


def run_threads(threads, target, argsets):
    """Run target(*a) for each a in argsets, one thread each; returns the results in order."""
    results = [None] * len(argsets)

    def body(i, a):
        results[i] = target(*a)

    ts = [threading.Thread(target=body, args=(i, a)) for i, a in enumerate(argsets)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return results


def parallel_ranges(threads, n, target):
    """Split range(n) into one contiguous chunk per thread; results of target(start, stop) in order."""
    return run_threads(threads, target, chunks(n, threads))


class Lcg:
    """A tiny deterministic 31-bit linear congruential generator."""

    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return self.next() % n

    def unit(self):
        return self.next() / 2147483648.0


def hash_int(i):
    """A deterministic integer mix of i (independent of any thread or call order)."""
    x = (i * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF
    x ^= x >> 16
    x = (x * 0x45D9F3B) & 0xFFFFFFFF
    x ^= x >> 16
    return x


def report(value):
    print("checksum:", value)


def per_thread(threads, size, target):
    """Weak scaling (the micro-patterns): every thread runs target(size) (total work THREADS*SIZE,
    reported by the harness as T1*N/TN); all threads must return the same value, which is returned."""
    results = run_threads(threads, target, [(size,)] * threads)
    for r in results:
        if r != results[0]:
            raise SystemExit("threads disagree: %r" % (results,))
    return results[0]
