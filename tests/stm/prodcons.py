"""Producer-consumer with threading primitives (no atomic blocks): nothing lost, nothing duplicated.

Usage: prodcons.py [ITEMS_PER_PRODUCER]. Part 1: 4 producers put (producer, i) on a bounded
queue.Queue, 4 consumers get until they see a sentinel; each consumer keeps its items in its own list.
Part 2: the same through a hand-written bounded buffer (a list guarded by a threading.Condition,
wait/notify_all). Part 3: a Lock-protected counter with Lock.acquire(timeout) polling.
"""
import queue
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
PRODUCERS = 4
CONSUMERS = 4
STOP = None


def check(name, got_lists):
    got = [x for part in got_lists for x in part]
    want = [(p, i) for p in range(PRODUCERS) for i in range(N)]
    print("%s: received %d expected %d unique %d ok %s" % (
        name, len(got), len(want), len(set(got)), sorted(got) == want))
    # per producer, each consumer must see items in the order they were produced (FIFO)
    fifo = True
    for part in got_lists:
        last = {}
        for p, i in part:
            if last.get(p, -1) >= i:
                fifo = False
            last[p] = i
    print("%s: fifo per consumer %s, consumers used %d" % (
        name, fifo, sum(1 for part in got_lists if part)))


# Part 1: queue.Queue
q = queue.Queue(maxsize=16)
received = [[] for _ in range(CONSUMERS)]


def produce_q(p):
    for i in range(N):
        q.put((p, i))


def consume_q(c):
    mine = received[c]
    while True:
        item = q.get()
        if item is STOP:
            q.task_done()
            return
        mine.append(item)
        q.task_done()


producers = [threading.Thread(target=produce_q, args=(p,)) for p in range(PRODUCERS)]
consumers = [threading.Thread(target=consume_q, args=(c,)) for c in range(CONSUMERS)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(STOP)
q.join()
for t in consumers:
    t.join()
check("queue", received)
print("queue: empty", q.empty(), "unfinished", q.unfinished_tasks)


# Part 2: Condition-guarded bounded buffer
class Buffer:
    def __init__(self, cap):
        self.items = []
        self.cap = cap
        self.cond = threading.Condition()

    def put(self, x):
        with self.cond:
            while len(self.items) >= self.cap:
                self.cond.wait()
            self.items.append(x)
            self.cond.notify_all()

    def get(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            x = self.items.pop(0)
            self.cond.notify_all()
            return x


buf = Buffer(8)
received2 = [[] for _ in range(CONSUMERS)]


def produce_b(p):
    for i in range(N):
        buf.put((p, i))


def consume_b(c):
    mine = received2[c]
    while True:
        item = buf.get()
        if item is STOP:
            return
        mine.append(item)


producers = [threading.Thread(target=produce_b, args=(p,)) for p in range(PRODUCERS)]
consumers = [threading.Thread(target=consume_b, args=(c,)) for c in range(CONSUMERS)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    buf.put(STOP)
for t in consumers:
    t.join()
check("condition", received2)
print("condition: left", len(buf.items))

# Part 3: Lock with acquire(timeout=...) polling
lock = threading.Lock()
counter = [0]
timeouts = [0]


def bump():
    for _ in range(N):
        while not lock.acquire(timeout=0.5):
            timeouts[0] += 1
        try:
            counter[0] += 1
        finally:
            lock.release()


workers = [threading.Thread(target=bump) for _ in range(8)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print("lock: counter", counter[0], "expected", 8 * N)
print("alive:", threading.active_count() - 1)
