"""Read-mostly shared objects that are written now and then: `--stm` freezes them (reads with no
barrier) and must unfreeze them at the first write without any reader seeing a torn state.

Usage: frozen.py [ROUNDS]. A shared state holds an instance (`lo`, `hi`), a list and a dict; in
every consistent state `hi == lo + 1000` and every list item and dict value equals `lo`. 4 readers
read them over and over, checking the invariant inside `with atomic:` (and reading without checking
outside it, so that the objects are read by many transactions and get frozen). One writer, every
so often, either updates the current objects in place (inside `with atomic:`) or publishes a fresh
set, once every reader has checked the current state a few times. Prints the number of torn states
seen (must be 0) and results that do not depend on timing.
"""
import sys
import threading
import time

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 40
READERS = 4
SIZE = 64


class Config:
    def __init__(self, v):
        self.lo = v
        self.hi = v + 1000


class Slotted:
    __slots__ = ("lo", "hi")

    def __init__(self, v):
        self.lo = v
        self.hi = v + 1000


class State:
    pass


def fresh(v):
    return Config(v), Slotted(v), [v] * SIZE, {"k%d" % i: v for i in range(SIZE)}


state = State()
state.cur = fresh(0)
done = [False]
torn = [0] * READERS
checks = [0] * READERS


def consistent(cur, i):
    cfg, sl, table, names = cur
    lo = cfg.lo
    return (
        cfg.hi == lo + 1000
        and sl.lo == lo
        and sl.hi == lo + 1000
        and table[i % SIZE] == lo
        and table[(i * 7 + 3) % SIZE] == lo
        and names["k%d" % (i % SIZE)] == lo
        and len(table) == SIZE
    )


def reader(r):
    i = r
    while not done[0]:
        for _ in range(50):
            # Unchecked reads in ordinary transactions: the objects get seen, then frozen.
            cfg, sl, table, names = state.cur
            _ = cfg.lo + sl.hi + table[i % SIZE] + names["k%d" % (i % SIZE)]
            i += 1
        with atomic:
            ok = consistent(state.cur, i)
        checks[r] += 1
        if not ok:
            torn[r] += 1


def writer():
    v = 0
    for rnd in range(ROUNDS):
        # Let every reader check the current objects a few times first (they get frozen).
        while min(checks) < 3 * (rnd + 1):
            time.sleep(0.0005)
        v += 1
        if rnd % 2 == 0:
            with atomic:
                cfg, sl, table, names = state.cur
                cfg.lo = v
                cfg.hi = v + 1000
                sl.lo = v
                sl.hi = v + 1000
                for k in range(SIZE):
                    table[k] = v
                for k in names:
                    names[k] = v
        else:
            new = fresh(v)
            state.cur = new
    done[0] = True
    return v


readers = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for t in readers:
    t.start()
final = writer()
for t in readers:
    t.join()
with atomic:
    ok = consistent(state.cur, 5)
print("torn:", sum(torn))
print("final:", final, state.cur[0].lo, ok)
print("checked:", all(c > 0 for c in checks))
