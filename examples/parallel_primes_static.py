"""Counts the primes below N with THREADS threads, each over its own interleaved share of the numbers
(no locks while computing), then prints the total and how each thread did.

    weft --stm examples/parallel_primes_static.py [THREADS [N]]

Under `weft --stm` the threads run in parallel as transactions; under `weft` (GIL) they take turns.
The answer does not depend on the number of threads or on how they were scheduled.
"""
import sys
import threading
import time

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300000


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


results = [None] * THREADS


def worker(k):
    t0 = time.perf_counter()
    count = 0
    # Blocks of 1000 numbers dealt round-robin, so every thread gets a similar mix of sizes.
    for start in range(k * 1000, N, THREADS * 1000):
        for n in range(start, min(start + 1000, N)):
            if is_prime(n):
                count += 1
    results[k] = (count, time.perf_counter() - t0)


t0 = time.perf_counter()
ts = [threading.Thread(target=worker, args=(k,), name="worker-%d" % k) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
wall = time.perf_counter() - t0
print("primes below %d: %d" % (N, sum(r[0] for r in results)))
print("%d threads, %.3f s wall time" % (THREADS, wall))
for k, (count, secs) in enumerate(results):
    print("  worker-%d  %6d primes  %.3f s" % (k, count, secs))
