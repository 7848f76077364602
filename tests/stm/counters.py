"""`counter += 1` on shared state inside `with atomic:` by 8 threads: the totals must be exact.

Usage: counters.py [INCREMENTS_PER_THREAD]. Four counters, each incremented by a read-modify-write
that is not atomic without the block: a global int, a list element, an attribute of a shared object,
and a dict value. Prints each total next to the expected one.
"""
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

THREADS = 8
n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000

counter = 0
cell = [0, 0, 0]


class Box:
    def __init__(self):
        self.value = 0


box = Box()
table = {"hits": 0}


def bump_global():
    global counter
    for _ in range(n):
        with atomic:
            counter += 1


def bump_list():
    for _ in range(n):
        with atomic:
            cell[1] += 1


def bump_attr():
    for _ in range(n):
        with atomic:
            box.value += 1


def bump_dict():
    for _ in range(n):
        with atomic:
            table["hits"] += 1


def mixed(tid):
    # All four in one thread, so the counters also conflict with each other's transactions.
    global counter
    for i in range(n):
        with atomic:
            counter += 1
            cell[1] += 1
        with atomic:
            box.value += 1
            table["hits"] += 1


def run(target, args_of):
    threads = [threading.Thread(target=target, args=args_of(t)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(1 for t in threads if t.is_alive())


alive = 0
alive += run(bump_global, lambda t: ())
alive += run(bump_list, lambda t: ())
alive += run(bump_attr, lambda t: ())
alive += run(bump_dict, lambda t: ())
expected = THREADS * n
print("global:", counter, "expected:", expected)
print("list:", cell[1], "expected:", expected, "neighbours:", cell[0], cell[2])
print("attr:", box.value, "expected:", expected)
print("dict:", table["hits"], "expected:", expected)
alive += run(mixed, lambda t: (t,))
print("mixed global:", counter, "expected:", 2 * expected)
print("mixed list:", cell[1], "expected:", 2 * expected)
print("mixed attr:", box.value, "expected:", 2 * expected)
print("mixed dict:", table["hits"], "expected:", 2 * expected)
print("alive:", alive)
