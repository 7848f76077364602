"""A random mix of shared-state operations, each one `with atomic:` block, by several threads.

Usage: random_ops.py SEED [THREADS [OPS_PER_THREAD]]. Each thread's operation list is generated up
front from its own seeded random.Random. The operations are chosen so that, given atomicity, the
final state does not depend on how the threads interleave:
  * `inc k`: shared counter dict, d[k] += 1 (commutative);
  * `add k` / `remove k`: a shared multiset dict (count per key; the key is deleted when its count
    drops to 0); a thread only removes a key it added before, so counts never go negative, but keys
    are deleted and re-inserted by different threads all the time;
  * `put k v` / `del k`: a per-thread-keyed entry (tid, k) of one shared dict (last write wins
    within the thread);
  * `append x`: a shared list, sorted before the digest;
  * `tick`: a global int incremented;
  * `move a b`: a shared list of slots, slot[a] -= 1, slot[b] += 1 (commutative).
The program prints the digest of the threaded run and of a serial replay of the same operation
lists (thread 0's list, then thread 1's, ...), and `match: True` when they agree. Another
implementation (weft GIL mode, CPython) must print the same digest for the same arguments.
"""
import random
import sys
import threading

try:
    from pypystm import atomic
except ImportError:
    atomic = threading.Lock()

seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 8
OPS = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
SHARED_KEYS = 12
SLOTS = 10


def gen_ops(tid):
    rng = random.Random(seed * 7919 + tid)
    ops = []
    held = []  # keys this thread added to the multiset and has not removed yet
    for i in range(OPS):
        r = rng.random()
        if r < 0.2:
            ops.append(("inc", "k%d" % rng.randrange(SHARED_KEYS)))
        elif r < 0.35:
            k = "m%d" % rng.randrange(SHARED_KEYS)
            held.append(k)
            ops.append(("add", k))
        elif r < 0.5 and held:
            k = held.pop(rng.randrange(len(held)))
            ops.append(("remove", k))
        elif r < 0.65:
            ops.append(("put", rng.randrange(40), rng.randrange(1000)))
        elif r < 0.72:
            ops.append(("del", rng.randrange(40)))
        elif r < 0.85:
            ops.append(("append", tid * 100000 + i))
        elif r < 0.93:
            ops.append(("tick",))
        else:
            ops.append(("move", rng.randrange(SLOTS), rng.randrange(SLOTS)))
    return ops


class State:
    def __init__(self):
        self.counts = {}
        self.multiset = {}
        self.owned = {}
        self.items = []
        self.ticks = 0
        self.slots = [0] * SLOTS


def apply(st, tid, op):
    kind = op[0]
    if kind == "inc":
        st.counts[op[1]] = st.counts.get(op[1], 0) + 1
    elif kind == "add":
        st.multiset[op[1]] = st.multiset.get(op[1], 0) + 1
    elif kind == "remove":
        c = st.multiset[op[1]] - 1  # KeyError here means a lost add
        if c == 0:
            del st.multiset[op[1]]
        else:
            st.multiset[op[1]] = c
    elif kind == "put":
        st.owned[(tid, op[1])] = op[2]
    elif kind == "del":
        st.owned.pop((tid, op[1]), None)
    elif kind == "append":
        st.items.append(op[1])
    elif kind == "tick":
        st.ticks += 1
    else:
        st.slots[op[1]] -= 1
        st.slots[op[2]] += 1


def digest(st):
    parts = [
        sorted(st.counts.items()),
        sorted(st.multiset.items()),
        sorted(st.owned.items()),
        sorted(st.items),
        st.ticks,
        st.slots,
    ]
    text = repr(parts)
    h = 0
    for ch in text:
        h = (h * 1000003 + ord(ch)) % 2305843009213693951
    return "len=%d counts=%d multiset=%d owned=%d items=%d ticks=%d hash=%d" % (
        len(text), sum(st.counts.values()), sum(st.multiset.values()), len(st.owned),
        len(st.items), st.ticks, h)


all_ops = [gen_ops(t) for t in range(THREADS)]
shared = State()
errors = []


def worker(tid):
    try:
        for op in all_ops[tid]:
            with atomic:
                apply(shared, tid, op)
    except Exception as e:  # a lost update shows up as a KeyError in "remove"
        with atomic:
            errors.append("thread %d: %r" % (tid, e))


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

serial = State()
for t in range(THREADS):
    for op in all_ops[t]:
        apply(serial, t, op)

d_threads = digest(shared)
d_serial = digest(serial)
print("ops:", sum(len(o) for o in all_ops))
print("errors:", len(errors), errors[:3])
print("threaded:", d_threads)
print("serial:", d_serial)
print("match:", d_threads == d_serial)
