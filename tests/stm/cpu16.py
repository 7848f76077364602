"""16 threads (more than the cores) doing CPU work and folding results into shared state.

Usage: cpu16.py [THREADS [WORK]]. Thread t checks the numbers of its stride (t, t+THREADS, ...)
below WORK for primality by trial division (pure CPU, thread-local), and for every prime found
updates shared state inside `with atomic:` (a global count, a global sum, a per-residue histogram
list, a shared dict of last digits); it also stores its own result in a per-thread slot. The main
thread recomputes everything serially and prints both.
"""
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 16
WORK = int(sys.argv[2]) if len(sys.argv) > 2 else 80000


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


count = 0
total = 0
histogram = [0] * 7
digits = {}
per_thread = [None] * THREADS


def worker(tid):
    global count, total
    mine = 0
    for n in range(tid, WORK, THREADS):
        if is_prime(n):
            mine += 1
            with atomic:
                count += 1
                total += n
                histogram[n % 7] += 1
                digits[n % 10] = digits.get(n % 10, 0) + 1
    per_thread[tid] = mine


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

primes = [n for n in range(WORK) if is_prime(n)]
want_hist = [0] * 7
want_digits = {}
for p in primes:
    want_hist[p % 7] += 1
    want_digits[p % 10] = want_digits.get(p % 10, 0) + 1
want_per_thread = [sum(1 for p in primes if p % THREADS == t) for t in range(THREADS)]

print("count:", count, "expected:", len(primes))
print("sum:", total, "expected:", sum(primes))
print("histogram:", histogram, "expected:", want_hist)
print("digits:", sorted(digits.items()), "expected:", sorted(want_digits.items()))
print("per-thread ok:", per_thread == want_per_thread)
print("alive:", sum(1 for t in threads if t.is_alive()))
