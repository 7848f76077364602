# transaction.TransactionQueue: 150 items adding more items, add_generator, exception propagation from run(), the same results for every nb_segments.
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
try:
    import transaction
except ImportError:  # CPython: a serial TransactionQueue with the same semantics
    import collections as _co
    import types as _types

    class TransactionError(Exception):
        pass

    class TransactionQueue:
        def __init__(self, nb_segments=0):
            self._q = _co.deque()
            self._n = 0

        def add(self, f, *args, **kwds):
            self._q.append((f, args, kwds))

        def add_generator(self, gen):
            def step():
                try:
                    next(gen)
                except StopIteration:
                    return
                self.add(step)
            self.add(step)

        def run(self, nb_segments=0):
            if pypystm.is_atomic():
                raise TransactionError('TransactionQueue.run() cannot be called in an atomic context')
            while self._q:
                f, a, k = self._q.popleft()
                self._n += 1
                with pypystm.atomic:
                    f(*a, **k)

        def number_of_transactions_executed(self):
            return self._n

    _default = TransactionQueue()
    transaction = _types.SimpleNamespace(
        TransactionQueue=TransactionQueue, TransactionError=TransactionError, add=_default.add,
        add_generator=_default.add_generator, run=_default.run, atomic=pypystm.atomic,
        is_atomic=pypystm.is_atomic, getsegmentlimit=pypystm.getsegmentlimit)

TransactionQueue = transaction.TransactionQueue


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def workload(nb):
    tq = TransactionQueue()
    results = {}
    stats = {'sum': 0, 'items': 0, 'max': 0}
    hist = [0] * 16

    def item(n, depth):
        s = collatz(n)
        results[n] = s            # shared dict, unsynchronised: items are atomic
        stats['sum'] += s
        stats['items'] += 1
        if s > stats['max']:
            stats['max'] = s
        hist[s % 16] += 1
        if depth < 2 and n % 3 == 0:
            tq.add(item, n * 7 + 1, depth + 1)
            tq.add(item, n * 11 + 2, depth=depth + 1)

    for i in range(1, 151):
        tq.add(item, i, 0)
    tq.run(nb)
    h = 0
    for k in sorted(results):
        h = (h * 31 + k * 7 + results[k]) % 1000000007
    return (len(results), stats['sum'], stats['items'], stats['max'], h, tuple(hist),
            tq.number_of_transactions_executed())


outs = []
for nb in [1, 2, 3, 4, 8, 0]:
    r = workload(nb)
    outs.append(r)
print('workload', outs[0])
print('same for every nb_segments', all(r == outs[0] for r in outs))


# --- add_generator: each step is one transaction, the steps of one generator run in order
def gens(nb):
    tq = TransactionQueue()
    logs = {}
    shared = {'steps': 0, 'extra': 0}

    def extra(g, i):
        shared['extra'] += g * i

    def gen(g):
        log = logs[g] = []
        for i in range(20):
            log.append(i)
            shared['steps'] += 1
            if i % 5 == 0:
                tq.add(extra, g, i)
            yield i

    for g in range(6):
        tq.add_generator(gen(g))
    tq.run(nb)
    ok = all(logs[g] == list(range(20)) for g in range(6))
    return ok, shared['steps'], shared['extra'], tq.number_of_transactions_executed()


outs = [gens(nb) for nb in [1, 2, 4, 8]]
print('generators', outs[0], all(r == outs[0] for r in outs))


# --- an exception stops the run and is re-raised; the items not run stay queued
def failing(nb):
    tq = TransactionQueue()
    done = set()
    armed = [True]

    def item(i):
        done.add(i)
        if i == 17 and armed[0]:
            armed[0] = False
            raise ValueError('item %d failed' % i)
        if i % 10 == 0:
            tq.add(child, i)

    def child(i):
        done.add(1000 + i)

    for i in range(50):
        tq.add(item, i)
    try:
        tq.run(nb)
        print('no exception?')
    except ValueError as e:
        err = '%s: %s' % (type(e).__name__, e)
    tq.run(nb)  # runs what was left
    return err, len(done), sorted(x for x in done if x >= 1000), tq.number_of_transactions_executed()


outs = [failing(nb) for nb in [1, 2, 4, 8]]
print('failing', outs[0])
print('failing same', all(r == outs[0] for r in outs))


# --- an exception in an item added while the queue runs
def deep(nb):
    tq = TransactionQueue()

    def item(i):
        if i == 3:
            tq.add(bad, i)

    def bad(i):
        raise KeyError(i)

    for i in range(10):
        tq.add(item, i)
    try:
        tq.run(nb)
    except KeyError as e:
        return 'KeyError %s' % e


print('deep', [deep(nb) for nb in [1, 2, 4]])

# --- misuse and trivial cases
tq = TransactionQueue()
tq.run()
print('empty run ok', tq.number_of_transactions_executed())
tq.add(print, 'printed', 'by', 'item', sep='-')
with pypystm.atomic:
    try:
        tq.run()
    except transaction.TransactionError as e:
        print('TransactionError', e)
tq.run(2)
print('executed', tq.number_of_transactions_executed())
