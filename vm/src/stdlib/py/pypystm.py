"""PyPy-STM's `pypystm` module, for Weft (the names and semantics of PyPy-STM's, ported to Python 3).

* `atomic`: `with atomic:` runs its body as one transaction under `--stm`, and without any thread
  switch under the GIL; blocks nest (`is_atomic()` is the depth). `exclusive_atomic` is the same but
  raises `error` (RuntimeError) when entered inside another atomic block.
* `count()`, `time()`, `clock()`, `getsegmentlimit()`, `hint_commit_soon()`: natives of `_stm`.
* `local`: thread-local data (`threading.local`).
* `stmdict`, `stmset`, `hashtable` (integer keys): containers with PyPy-STM's interface. Weft's dicts
  and sets already detect conflicts per key, so they are thin subclasses of dict and set; `keys()`,
  `values()` and `items()` return lists (snapshots, as in PyPy).
* `queue`: an unbounded queue (`put`, `get(block=True, timeout=None)` raising `Empty`, `task_done`,
  `join`).
"""

import _stm
import _thread
import queue as _queue
import threading as _threading

from _stm import count, time, clock, getsegmentlimit, hint_commit_soon, is_atomic

__all__ = ['atomic', 'exclusive_atomic', 'is_atomic', 'hint_commit_soon', 'getsegmentlimit', 'count',
           'time', 'clock', 'local', 'stmdict', 'stmset', 'hashtable', 'queue', 'Empty', 'error']

error = _thread.error

atomic = _stm.atomic()
exclusive_atomic = _stm.exclusive_atomic()

local = _threading.local


def _stm_enabled():
    """Whether this Weft runs with `--stm` (Weft extension)."""
    return _stm.enabled()


class stmdict(dict):
    """A dict whose keys()/values()/items() are lists (PyPy-STM's `pypystm.stmdict`)."""

    __slots__ = ()

    def keys(self):
        return list(dict.keys(self))

    def values(self):
        return list(dict.values(self))

    def items(self):
        return list(dict.items(self))

    def iterkeys(self):
        return iter(dict.keys(self))

    def itervalues(self):
        return iter(dict.values(self))

    def iteritems(self):
        return iter(dict.items(self))

    def popitem(self):
        try:
            return dict.popitem(self)
        except KeyError:
            raise KeyError('popitem(): stmdict is empty') from None

    def __repr__(self):
        return 'stmdict(%s)' % dict.__repr__(self)


class stmset(set):
    """A set (PyPy-STM's `pypystm.stmset`: add, remove, discard, in, len, iteration)."""

    __slots__ = ()

    def __repr__(self):
        return 'stmset(%s)' % (list(self),)


def _int_key(key):
    if type(key) is int:
        return key
    try:
        return key.__index__()
    except AttributeError:
        raise TypeError('hashtable keys must be integers, not %s' % type(key).__name__) from None


class hashtable(dict):
    """A mapping from integers to objects (PyPy-STM's `pypystm.hashtable`)."""

    __slots__ = ()

    def __setitem__(self, key, value):
        if type(key) is not int:
            key = _int_key(key)
        dict.__setitem__(self, key, value)

    def setdefault(self, key, default=None):
        if type(key) is not int:
            key = _int_key(key)
        return dict.setdefault(self, key, default)

    def keys(self):
        return list(dict.keys(self))

    def values(self):
        return list(dict.values(self))

    def items(self):
        return list(dict.items(self))

    def iterkeys(self):
        return iter(dict.keys(self))

    def itervalues(self):
        return iter(dict.values(self))

    def iteritems(self):
        return iter(dict.items(self))

    def __repr__(self):
        return 'hashtable(%s)' % dict.__repr__(self)


class Empty(_queue.Empty):
    """Raised by `queue.get()` when no item is available (also a `queue.Empty`)."""


Empty.__module__ = 'pypystm'


class queue:
    """An unbounded queue of objects (PyPy-STM's `pypystm.queue`)."""

    __slots__ = ('_items', '_cond', '_done', '_unfinished', '__weakref__')

    def __init__(self):
        lock = _threading.Lock()
        self._items = _queue._Fifo()
        self._cond = _threading.Condition(lock)  # signalled when an item is put
        self._done = _threading.Condition(lock)  # signalled when every item is done
        self._unfinished = 0

    def put(self, item):
        """Puts an item into the queue (no maximum size)."""
        with self._cond:
            self._items.append(item)
            self._unfinished += 1
            self._cond.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns an item. With `block` true and `timeout` None, waits as long as needed;
        with a timeout, waits at most that many seconds, then raises Empty; with `block` false, raises
        Empty at once if no item is there (the timeout is ignored)."""
        if not block:
            timeout = 0.0
        elif timeout is not None:
            timeout = float(timeout)
            if timeout < 0.0:
                raise ValueError("'timeout' must be a non-negative number")
        with self._cond:
            items = self._items
            if not len(items):
                if timeout is None:
                    while not len(items):
                        self._cond.wait()
                elif timeout > 0.0:
                    end = _thread._monotonic() + timeout
                    while not len(items):
                        remaining = end - _thread._monotonic()
                        if remaining <= 0.0:
                            raise Empty
                        self._cond.wait(remaining)
                else:
                    raise Empty
            return items.popleft()

    def task_done(self):
        """Marks one item got from the queue as processed (for `join`)."""
        with self._cond:
            n = self._unfinished - 1
            if n < 0:
                raise ValueError('task_done() called too many times')
            self._unfinished = n
            if n == 0:
                self._done.notify_all()

    def join(self):
        """Waits until every item put has been marked done by `task_done`."""
        with self._done:
            while self._unfinished:
                self._done.wait()
