"""Thread-private data that later becomes shared: the `--stm` claims of affine objects must give way.

Usage: affinity.py [N]. 8 threads each build a list, an object with a `__dict__` and one with
`__slots__`, and update them privately for a while (under `--stm` a thread's transactions then claim
them: no barriers). Each thread publishes its three objects and then, inside `with atomic:`, adds to
random objects of all threads (its own included) while the owners keep updating theirs. Every update
is counted where it is made; the totals found in the objects must equal the counts.
"""
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

THREADS = 8
n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000


class Acc:
    def __init__(self):
        self.a = 0
        self.b = 0


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 0
        self.y = 0


published = [None] * THREADS
added = [0] * THREADS  # updates each thread made, all objects together (each written by its thread)


def worker(me):
    seed = me * 7919 + 1
    mine = [0, 0, 0, 0]
    acc = Acc()
    sl = Slotted()
    count = 0
    for k in range(n):
        mine[k % 4] += 1
        acc.a += 1
        sl.x += 1
        count += 3
    published[me] = (mine, acc, sl)
    for k in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        t = published[seed % THREADS]
        if t is None:
            t = published[me]
        lst, ac, s = t
        with atomic:
            lst[seed % 4] += 1
            ac.b += 1
            s.y += 1
        count += 3
        if k % 3 == 0:
            with atomic:
                mine[1] += 1
                acc.a += 1
                sl.x += 1
            count += 3
    added[me] = count


ts = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
found = 0
for lst, ac, s in published:
    found += sum(lst) + ac.a + ac.b + s.x + s.y
print("total:", found, "expected:", sum(added))
print("match:", found == sum(added))
