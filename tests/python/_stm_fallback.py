"""Pure-Python stand-ins for PyPy-STM's `pypystm` and `transaction`, used only when the corpus programs
run on CPython (where those modules do not exist) to produce their expected output. Same semantics:
atomic blocks serialise on one RLock; TransactionQueue runs its items serially. Not a test program (the
corpus runner skips files starting with `_`)."""
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
