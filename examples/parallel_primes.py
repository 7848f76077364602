"""Counts primes below a limit with several threads, then reports the result and how each thread did.

Usage: weft [--stm] examples/parallel_primes.py [THREADS] [LIMIT]

Each thread takes chunks of the range from a shared queue (so threads that run faster take more
chunks), counts the primes in each chunk by trial division, and adds its count to a shared total under a
lock. The answer does not depend on the number of threads or on how they were scheduled; the per-thread
chunk counts and times show how the work was shared. Under the GIL the threads take turns; under --stm
(issue 4) they run in parallel.
"""
import sys
import threading
import queue
import time

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
LIMIT = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
CHUNK = 5_000


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


chunks = queue.Queue()
for lo in range(0, LIMIT, CHUNK):
    chunks.put((lo, min(lo + CHUNK, LIMIT)))

total = 0
total_lock = threading.Lock()
stats = {}


def worker(name):
    global total
    started = time.perf_counter()
    done = 0
    found = 0
    while True:
        try:
            lo, hi = chunks.get_nowait()
        except queue.Empty:
            break
        n = sum(1 for k in range(lo, hi) if is_prime(k))
        found += n
        done += 1
    with total_lock:
        total += found
    stats[name] = (done, found, time.perf_counter() - started)


t0 = time.perf_counter()
threads = [threading.Thread(target=worker, args=("worker-%d" % i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - t0

print("primes below %d: %d" % (LIMIT, total))
print("%d threads, %.3f s wall time" % (THREADS, elapsed))
for name in sorted(stats):
    done, found, secs = stats[name]
    print("  %-9s %3d chunks %6d primes %7.3f s" % (name, done, found, secs))
