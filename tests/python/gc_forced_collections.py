# gc.collect() forces a full collection in every mode: values held only by a suspended generator, a
# closure cell, a dict being iterated, an exception being handled, a bound method or a thread's locals
# survive it, and garbage dropped between collections never reappears.
import gc
import threading


def gen(n):
    data = [str(i) * 3 for i in range(n)]
    for d in data:
        yield d
        gc.collect()


def make_counter():
    state = {"count": 0, "log": []}

    def bump(tag):
        state["count"] += 1
        state["log"].append(tag + "!" * state["count"])
        return state["count"]

    return bump


out = []
for s in gen(5):
    out.append(s)
    junk = [[j] * 50 for j in range(200)]
    del junk
print(out)

bump = make_counter()
for t in "abc":
    gc.collect()
    bump(t)
print(bump("z"), bump.__closure__[0].cell_contents["log"])

d = {("k", i): [i, str(i)] for i in range(30)}
total = 0
for k, v in d.items():
    if k[1] % 7 == 0:
        gc.collect()
    total += v[0] + len(v[1])
print(total, len(d))

try:
    try:
        raise ValueError("inner " + "x" * 10)
    except ValueError as e:
        gc.collect()
        raise KeyError("outer") from e
except KeyError as e:
    gc.collect()
    print(repr(e), repr(e.__cause__), e.__cause__.__traceback__ is not None)


class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt

    def total(self):
        t, n = 0, self
        while n is not None:
            t += n.v
            n = n.nxt
        return t


head = None
for i in range(1000):
    head = Node(i, head)
    if i % 250 == 0:
        gc.collect()
m = head.total
head = None
gc.collect()
print(m())

# Cycles dropped and collected, then the space reused.
for r in range(3):
    ring = [Node(i) for i in range(500)]
    for i, n in enumerate(ring):
        n.nxt = ring[(i + 1) % 500]
    s = ring[0].nxt.nxt.v
    del ring
    gc.collect()
    fresh = [Node(-i) for i in range(500)]
    print(r, s, sum(n.v for n in fresh))

# Threads collecting while others allocate and mutate shared state.
lock = threading.Lock()
shared = {}


def worker(t):
    mine = []
    for i in range(300):
        mine.append((t, i, [t] * (i % 7)))
        if i % 50 == 0:
            gc.collect()
        with lock:
            shared[(t, i % 10)] = shared.get((t, i % 10), 0) + len(mine[-1][2])
    return mine


results = [None] * 4


def run(t):
    results[t] = worker(t)


ts = [threading.Thread(target=run, args=(t,)) for t in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
gc.collect()
print([len(r) for r in results], sum(shared.values()), sorted(shared.items())[:3])
print([sum(len(x[2]) for x in r) for r in results])
