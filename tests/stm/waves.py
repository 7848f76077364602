"""200 short-lived threads, started in waves, each doing small shared updates.

Usage: waves.py [THREADS [WAVE]]. Each thread increments a counter under `with atomic:`, another
under a threading.Lock, appends its id to a shared list (atomic), records itself in a dict (under the
lock), and bumps a global from a tiny loop (atomic per step). Waves of WAVE threads are started;
the next wave starts while the previous one may still run, and all threads are joined at the end.
"""
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
WAVE = int(sys.argv[2]) if len(sys.argv) > 2 else 25
STEPS = 300

lock = threading.Lock()
atomic_count = 0
lock_count = 0
steps = 0
ids = []
seen = {}


def worker(tid):
    global atomic_count, lock_count, steps
    with atomic:
        atomic_count += 1
        ids.append(tid)
    with lock:
        lock_count += 1
        seen[tid] = threading.current_thread().name
    for _ in range(STEPS):
        with atomic:
            steps += 1


threads = []
for start in range(0, THREADS, WAVE):
    wave = [threading.Thread(target=worker, args=(t,), name="w%d" % t)
            for t in range(start, min(start + WAVE, THREADS))]
    for t in wave:
        t.start()
    threads.extend(wave)
    # join the wave before last: at most two waves alive at a time
    if len(threads) > WAVE:
        for t in threads[-2 * WAVE:-WAVE]:
            t.join()
for t in threads:
    t.join()

print("threads:", len(threads), "expected:", THREADS)
print("atomic:", atomic_count, "expected:", THREADS)
print("lock:", lock_count, "expected:", THREADS)
print("steps:", steps, "expected:", THREADS * STEPS)
print("ids ok:", sorted(ids) == list(range(THREADS)), "dups:", len(ids) - len(set(ids)))
print("names ok:", all(seen[t] == "w%d" % t for t in range(THREADS)) and len(seen) == THREADS)
print("alive:", sum(1 for t in threads if t.is_alive()), "active:", threading.active_count())
