"""PyPy-STM's `transaction` module, for Weft: run many small pieces of work ("transactions") on
several threads, with the result of some serial execution.

`TransactionQueue().add(f, *args, **kwds)` queues `f(*args, **kwds)`; `add_generator(gen)` queues a
generator iterator whose every step (up to the next `yield`) is one item; `run(nb_segments=0)` runs
every queued item, and the items they add, on `nb_segments` threads (0: `getsegmentlimit()`), each
item inside `with pypystm.atomic:`, and returns when nothing is left. The first exception an item
raises stops the run (items already running finish) and `run()` re-raises it; the items not run yet
stay queued.

How the work is spread (few shared writes, so that under `--stm` the workers rarely conflict): each
worker keeps its own stack of items; what an item adds goes onto the stack of the worker running it.
A worker with an empty stack takes a batch from the shared pool (under a lock, outside any atomic
block), or waits there; a worker that sees idle workers moves half of its stack to the shared pool.
The run ends when every worker is idle and the pool is empty. The calling thread is one of the
workers, so `run(1)` runs everything in the calling thread, in order.

Also: module-level `add`, `add_generator` and `run` (on a default queue), `TransactionError`,
`stmidset`, `stmiddict`, `threadlocalproperty`, and `atomic`, `is_atomic`, `hint_commit_soon`,
`getsegmentlimit`, `time`, `clock` from `pypystm`.
"""

import sys as _sys
import _thread
import threading as _threading

from pypystm import atomic, is_atomic, hint_commit_soon, getsegmentlimit, hashtable, time, clock

__all__ = ['TransactionQueue', 'TransactionError', 'add', 'add_generator', 'run', 'atomic',
           'is_atomic', 'hint_commit_soon', 'getsegmentlimit', 'stmidset', 'stmiddict',
           'threadlocalproperty', 'time', 'clock']

_get_ident = _thread.get_ident


class TransactionError(Exception):
    """Misuse of a TransactionQueue (run() inside an atomic block, or while it runs)."""


class _RunState:
    """The shared state of one `TransactionQueue.run()`."""

    __slots__ = ('n', 'cond', 'shared', 'idle', 'stop', 'error', 'workers', 'executed')

    def __init__(self, n, items):
        self.n = n
        self.cond = _threading.Condition(_threading.Lock())
        self.shared = items      # next item last (list.pop())
        self.idle = 0            # workers waiting for work
        self.stop = False        # set once: everything done, or an item raised
        self.error = None        # the first exception an item raised
        self.workers = {}        # thread ident -> the list `add` appends to in that worker
        self.executed = 0


def _worker(st):
    """One worker of a run: executes items until the run stops."""
    added = []
    st.workers[_get_ident()] = added
    local = []
    cond = st.cond
    n = st.n
    done = 0
    while True:
        if not local:
            with cond:
                while not st.shared and not st.stop:
                    st.idle += 1
                    if st.idle == n:
                        st.stop = True   # nobody has anything left
                        cond.notify_all()
                        break
                    cond.wait()
                    st.idle -= 1
                if st.stop:
                    break
                shared = st.shared
                take = len(shared) // (2 * n) or 1
                if take > 64:
                    take = 64
                local = shared[-take:]
                del shared[-take:]
        if st.stop:
            break
        f, args, kwds = local.pop()
        done += 1
        try:
            with atomic:
                f(*args, **kwds)
        except BaseException as e:
            if added:
                added.reverse()
                local.extend(added)
                del added[:]
            with cond:
                if st.error is None:
                    st.error = e
                st.stop = True
                cond.notify_all()
            break
        if added:
            added.reverse()
            local.extend(added)
            del added[:]
        if st.idle and len(local) > 1:
            half = len(local) // 2
            with cond:
                st.shared[:0] = local[:half]
                cond.notify_all()
            del local[:half]
    with cond:
        if local:
            st.shared.extend(local)   # not run: stays queued
        st.executed += done


class TransactionQueue:
    """A queue of pending transactions: `add()` items, then `run()` them (items may `add()` more)."""

    def __init__(self, nb_segments=0):
        self._queue = []         # items added while not running, in order
        self._state = None       # the _RunState while run() runs
        self._executed = 0
        self._nb_segments = nb_segments

    def add(self, f, *args, **kwds):
        """Queues the transaction `f(*args, **kwds)`."""
        item = (f, args, kwds)
        st = self._state
        if st is not None:
            w = st.workers.get(_get_ident())
            if w is not None:
                w.append(item)
                return
            with st.cond:
                if not st.stop:
                    st.shared.insert(0, item)
                    st.cond.notify()
                    return
        self._queue.append(item)

    def add_generator(self, generator_iterator):
        """Queues a generator iterator: each of its steps (up to the next `yield`) is one transaction,
        and the steps of one generator run in order."""
        self.add(_generator_step, self, generator_iterator)

    def run(self, nb_segments=0):
        """Runs every queued transaction, and those they add, until none is left, on `nb_segments`
        threads (0: the queue's default, else `getsegmentlimit()`). Re-raises the first exception a
        transaction raised (the transactions not run yet stay queued)."""
        if is_atomic():
            raise TransactionError("TransactionQueue.run() cannot be called in an atomic context")
        if self._state is not None:
            raise TransactionError("TransactionQueue.run() is already running")
        if not self._queue:
            return
        if nb_segments <= 0:
            nb_segments = self._nb_segments
            if nb_segments <= 0:
                nb_segments = getsegmentlimit()
        items = self._queue
        items.reverse()
        self._queue = []
        st = _RunState(nb_segments, items)
        self._state = st
        try:
            threads = []
            for i in range(nb_segments - 1):
                t = _threading.Thread(target=_worker, args=(st,), daemon=True)
                t.start()
                threads.append(t)
            _worker(st)
            for t in threads:
                t.join()
        finally:
            self._state = None
            left = st.shared
            left.reverse()
            self._queue[:0] = left
            self._executed += st.executed
        if st.error is not None:
            e = st.error
            st.error = None
            raise e

    def number_of_transactions_executed(self):
        """How many transactions the runs so far executed."""
        if self._state is not None:
            raise TransactionError("TransactionQueue.run() is currently running")
        return self._executed


def _generator_step(tq, gen):
    """One step of a generator queued by `add_generator`; queues the next step."""
    try:
        next(gen)
    except StopIteration:
        return
    tq.add(_generator_step, tq, gen)


_default_queue = TransactionQueue()


def add(f, *args, **kwds):
    """Queues `f(*args, **kwds)` on the module's default queue."""
    _default_queue.add(f, *args, **kwds)


def add_generator(generator_iterator):
    """Queues a generator iterator on the module's default queue."""
    _default_queue.add_generator(generator_iterator)


def run(nb_segments=0):
    """Runs the module's default queue."""
    _default_queue.run(nb_segments)


class stmidset:
    """A set of objects compared by identity."""

    def __init__(self):
        self._hashtable = hashtable()

    def add(self, key):
        self._hashtable[id(key)] = key

    def __contains__(self, key):
        return id(key) in self._hashtable

    def remove(self, key):
        del self._hashtable[id(key)]

    def discard(self, key):
        self._hashtable.pop(id(key), None)


class stmiddict:
    """A dict whose keys are compared by identity."""

    def __init__(self):
        self._hashtable = hashtable()

    def __getitem__(self, key):
        return self._hashtable[id(key)][1]

    def __setitem__(self, key, value):
        self._hashtable[id(key)] = (key, value)

    def __delitem__(self, key):
        del self._hashtable[id(key)]

    def __contains__(self, key):
        return id(key) in self._hashtable

    def get(self, key, default=None):
        try:
            return self._hashtable[id(key)][1]
        except KeyError:
            return default

    def setdefault(self, key, default=None):
        return self._hashtable.setdefault(id(key), (key, default))[1]


class threadlocalproperty:
    """A property whose value is per thread (and per instance): `x = threadlocalproperty(default)`."""

    def __init__(self, *default):
        self.tl_default = default
        self.tl_name = _sys.intern('_tlp_%d' % id(self))

    def tl_get(self, obj):
        try:
            return obj._threadlocalproperties
        except AttributeError:
            return obj.__dict__.setdefault('_threadlocalproperties', _threading.local())

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return getattr(self.tl_get(obj), self.tl_name, *self.tl_default)

    def __set__(self, obj, value):
        setattr(self.tl_get(obj), self.tl_name, value)

    def __delete__(self, obj):
        delattr(self.tl_get(obj), self.tl_name)
