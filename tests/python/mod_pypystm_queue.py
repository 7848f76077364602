# pypystm.queue: put/get, Empty without blocking and after a timeout, task_done/join, producers and consumers on 4+4 threads.
try:
    import pypystm
except ImportError:  # CPython: a small pure-Python pypystm with the same semantics
    import threading as _th
    import queue as _q
    import itertools as _it
    import time as _time
    import types as _types

    class _AtomicState:
        lock = _th.RLock()
        tl = _th.local()

    def _depth():
        return getattr(_AtomicState.tl, 'd', 0)

    class _Atomic:
        def __init__(self, exclusive):
            self.exclusive = exclusive

        def __enter__(self):
            if self.exclusive and _depth():
                raise RuntimeError("exclusive_atomic block can't be entered inside another atomic block")
            _AtomicState.lock.acquire()
            _AtomicState.tl.d = _depth() + 1

        def __exit__(self, *a):
            if not _depth():
                raise RuntimeError('atomic.__exit__(): more exits than enters')
            _AtomicState.tl.d -= 1
            _AtomicState.lock.release()

    class Empty(_q.Empty):
        pass

    class _Queue:
        def __init__(self):
            self.q = _q.Queue()

        def put(self, x):
            self.q.put(x)

        def get(self, block=True, timeout=None):
            try:
                return self.q.get(block, timeout)
            except _q.Empty:
                raise Empty from None

        def task_done(self):
            self.q.task_done()

        def join(self):
            self.q.join()

    class _ListMixin:
        def keys(self):
            return list(dict.keys(self))

        def values(self):
            return list(dict.values(self))

        def items(self):
            return list(dict.items(self))

    class _StmDict(_ListMixin, dict):
        pass

    class _Hashtable(_ListMixin, dict):
        def __setitem__(self, k, v):
            dict.__setitem__(self, k.__index__(), v)

    _counter = _it.count(1)
    _count_lock = _th.Lock()

    def _count():
        with _count_lock:
            return next(_counter)

    pypystm = _types.SimpleNamespace(
        atomic=_Atomic(False), exclusive_atomic=_Atomic(True), is_atomic=_depth,
        hint_commit_soon=lambda: None, getsegmentlimit=lambda: 1, count=_count,
        time=_time.time, clock=_time.perf_counter, local=_th.local, stmdict=_StmDict,
        stmset=set, hashtable=_Hashtable, queue=_Queue, Empty=Empty, error=RuntimeError)

import threading
import queue as stdqueue

q = pypystm.queue()
obj = []
q.put(obj)
print('same object', q.get() is obj)
try:
    q.get(block=False)
except pypystm.Empty as e:
    print('Empty (block=False)', type(e).__name__, repr(str(e)))
try:
    q.get(timeout=0.01)
except pypystm.Empty:
    print('Empty (timeout)')
try:
    q.get(False, 5)
except pypystm.Empty:
    print('Empty (block=False ignores timeout)')
try:
    q.get(True, -1)
except ValueError as e:
    print('ValueError', e)
print('Empty is an Exception', issubclass(pypystm.Empty, Exception),
      'and a queue.Empty', issubclass(pypystm.Empty, stdqueue.Empty))
q.put(obj)
print('get(block=False)', q.get(block=False) is obj)
q.put(obj)
print('get(timeout)', q.get(timeout=0.01) is obj)
for i in range(5):
    q.put(i)
print('fifo', [q.get() for i in range(5)])
for i in range(8):  # one per put
    q.task_done()
try:
    q.task_done()
except ValueError as e:
    print('ValueError', e)
q.join()
print('joined')

# --- a getter blocked with a timeout is woken by a put from another thread
q2 = pypystm.queue()
res = []


def waiter():
    res.append(q2.get(timeout=30))


t = threading.Thread(target=waiter)
t.start()
q2.put('wake')
t.join()
print('woken', res)

# --- 4 producers, 4 consumers, join
work = pypystm.queue()
results = pypystm.queue()
STOP = object()


def producer(p):
    for i in range(250):
        work.put(p * 1000 + i)


def consumer():
    total = 0
    n = 0
    while True:
        x = work.get()
        if x is STOP:
            work.task_done()
            break
        total += x * 2
        n += 1
        work.task_done()
    results.put((n, total))


consumers = [threading.Thread(target=consumer) for c in range(4)]
for c in consumers:
    c.start()
producers = [threading.Thread(target=producer, args=(p,)) for p in range(4)]
for p in producers:
    p.start()
for p in producers:
    p.join()
work.join()
print('all work done')
for c in consumers:
    work.put(STOP)
for c in consumers:
    c.join()
n = total = 0
for c in consumers:
    a, b = results.get(block=False)
    n += a
    total += b
print('consumed', n, total)
try:
    results.get(timeout=0.02)
except pypystm.Empty:
    print('results drained')
