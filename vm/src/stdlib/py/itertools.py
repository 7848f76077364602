"""Iterator building blocks (Weft's own implementation of CPython's itertools module).

count and repeat are classes (they have CPython's reprs); chain, groupby and tee are classes for
their extra methods; the rest are generators behind functions that check their arguments (and call
iter() on their inputs) eagerly, so misuse fails at the call as in CPython.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']

_MAXSIZE = 9223372036854775807


def _is_number(x):
    return isinstance(x, (int, float, complex)) or hasattr(type(x), '__add__') and \
        hasattr(type(x), '__index__')


def _as_index(x):
    if isinstance(x, int):
        return int(x)
    try:
        idx = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__) from None
    return idx(x)


class count:
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(type(v), '__add__'):
                raise TypeError('a number is required')
            if isinstance(v, (str, bytes, list, tuple)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, step)

    def __reduce__(self):
        return (count, (self._n, self._step))


class repeat:
    """repeat(object [,times]) -> object for the specified number of times, or forever."""

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = None
        else:
            times = _as_index(times)
            self._left = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        left = self._left
        if left is None:
            return self._obj
        if left <= 0:
            raise StopIteration
        self._left = left - 1
        return self._obj

    def __length_hint__(self):
        if self._left is None:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        if self._left is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._left)


def cycle(iterable):
    """Return elements from the iterable until it is exhausted, then repeat the sequence forever."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for x in it:
            total = total + x
            yield total
    else:
        for x in it:
            total = func(total, x)
            yield total


class chain:
    """chain(*iterables) --> elements of each iterable in turn."""

    def __init__(self, *iterables):
        self._gen = _chain(iter(iterables))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)

    @classmethod
    def from_iterable(cls, iterable):
        """Alternate chain() constructor taking a single iterable argument that evaluates lazily."""
        self = cls.__new__(cls)
        self._gen = _chain(iter(iterable))
        return self

    def __class_getitem__(cls, item):
        return cls


def _chain(sources):
    for src in sources:
        yield from src


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true, then return every element."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate evaluates to true."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable):
    """Return those items of iterable for which function(item) is false."""
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    if function is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not function(x):
                yield x


def starmap(function, iterable):
    """Return an iterator whose values are function(*args) for each args tuple of iterable."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        if type(args) is not tuple:
            args = tuple(args)   # a non-iterable item raises "'X' object is not iterable", like CPython
        yield function(*args)


def pairwise(iterable):
    """Return successive overlapping pairs taken from the input iterable."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _MARKER
        self._current = None

    def __iter__(self):
        return self

    def __next__(self):
        self._current = None
        while True:
            if self._currkey is _MARKER:
                pass
            elif self._tgtkey is _MARKER:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._current = grouper
        return (self._currkey, grouper)

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key


class _grouper:
    __slots__ = ('_parent', '_tgtkey')

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._current is not self:
            raise StopIteration
        if parent._currvalue is _MARKER:
            parent._step()
        if not (self._tgtkey == parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _MARKER
        return value


_MARKER = object()


def islice(*args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]) --> islice object"""
    n = len(args)
    if n < 2:
        raise TypeError('islice expected at least 2 arguments, got %d' % n)
    if n > 4:
        raise TypeError('islice expected at most 4 arguments, got %d' % n)
    iterable = args[0]
    start, step = 0, 1
    smsg = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
    imsg = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
    if n == 2:
        stop = _islice_arg(args[1], smsg)
    else:
        stop = _islice_arg(args[2], smsg)
        start = _islice_arg(args[1], imsg)
        if start is None:
            start = 0
    if start < 0 or (stop is not None and stop < -1):
        raise ValueError(imsg)
    if n == 4 and args[3] is not None:
        try:
            step = _as_index(args[3])
        except TypeError:
            step = -1
        if step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _islice_arg(v, msg):
    if v is None:
        return None
    try:
        v = _as_index(v)
    except TypeError:
        raise ValueError(msg) from None
    if v == -1 or v > _MAXSIZE or v < -_MAXSIZE - 1:
        raise ValueError(msg)
    return v


def _islice(it, start, stop, step):
    cnt = 0
    nxt = start
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


class _TeeLink:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _TeeData:
    __slots__ = ('it',)

    def __init__(self, it):
        self.it = it


class _tee:
    """Iterator wrapped to make it copyable."""
    __slots__ = ('_data', '_link')

    def __init__(self, data, link):
        self._data = data
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        nxt = link.next
        if nxt is None:
            value = next(self._data.it)
            nxt = link.next
            if nxt is None:
                nxt = _TeeLink()
                nxt.value = value
                link.next = nxt
        self._link = nxt
        return nxt.value

    def __copy__(self):
        return _tee(self._data, self._link)


_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(_TeeData(it), _TeeLink())
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


def zip_longest(*args, fillvalue=None):
    """zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object"""
    return _zip_longest([iter(a) for a in args], fillvalue)


def _zip_longest(iterators, fillvalue):
    n = len(iterators)
    if not n:
        return
    active = n
    while True:
        values = []
        for i in range(n):
            it = iterators[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                values.append(fillvalue)
        yield tuple(values)


def product(*args, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    repeat = _as_index(repeat)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in args] * repeat
    return _product(pools)


def _product(pools):
    n = len(pools)
    for p in pools:
        if not p:
            return
    idx = [0] * n
    yield tuple([p[0] for p in pools])
    while True:
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[k][idx[k]] for k in range(n)])


def _check_r(r):
    if not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else _check_r(r)
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable."""
    pool = tuple(iterable)
    return _combinations(pool, _check_r(r))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements, allowing individual repeats."""
    pool = tuple(iterable)
    return _cwr(pool, _check_r(r))


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        v = indices[i] + 1
        indices[i:] = [v] * (r - i)
        yield tuple([pool[i] for i in indices])
