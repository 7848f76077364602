"""One thread raises in the middle of its work (inside and outside an atomic block); the others finish.

Usage: raises.py [STEPS]. Thread 3 raises ValueError("boom from thread 3") after half its steps,
from inside a `with atomic:` block: the block's updates before the raise stay (an exception is not
an abort), the traceback goes to stderr through threading.excepthook, and the other threads go on.
Thread 5 raises KeyError outside any atomic block at its start.
"""
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

THREADS = 8
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
counter = [0]
finished = []


def worker(tid):
    if tid == 5:
        {}["missing key from thread 5"]
    for i in range(STEPS):
        with atomic:
            counter[0] += 1
            if tid == 3 and i == STEPS // 2:
                raise ValueError("boom from thread 3")
    with atomic:
        finished.append(tid)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

# thread 3 did STEPS // 2 + 1 increments (the raising block's own increment stays), thread 5 none
expected = (THREADS - 2) * STEPS + STEPS // 2 + 1
print("counter:", counter[0], "expected:", expected)
print("finished:", sorted(finished))
print("alive:", sum(1 for t in threads if t.is_alive()))
print("main thread still runs")
