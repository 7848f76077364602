# functools: reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property, singledispatch
import functools
from functools import reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key, cached_property, singledispatch
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 7), reduce(max, [3, 9, 2]))
for f in [lambda: reduce(lambda a, b: a, []), lambda: reduce(len, 5), lambda: partial(5)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
p = partial(int, base=2)
print(p('101'), p, p.func, p.args, p.keywords)
q = partial(pow, 2)
print(q(10), q, partial(q, 5)(), partial(q, 3).args)
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
g = partial(f, 1, d=40)
print(g(2), g(2, 30, d=400), g.keywords)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache
def sq(x):
    print('computing', x)
    return x * x
print(sq(3), sq(3), sq(4), sq.cache_info(), sq.cache_parameters())
@lru_cache(maxsize=2)
def ident(x):
    print('miss', x)
    return x
for v in [1, 2, 1, 3, 2, 1]:
    ident(v)
print(ident.cache_info())
@lru_cache(maxsize=10, typed=True)
def typed(x):
    print('typed miss', repr(x))
    return x
typed(1); typed(1.0); typed(1)
print(typed.cache_info().hits, typed.cache_info().misses)
@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1); print(nocache.cache_info())
@cache
def square(x):
    return x * x
print(square(5), square(5), square.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError', e)
try:
    sq([1])
except TypeError as e:
    print('TypeError', e)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def documented(x):
    "Docstring here."
    return x + 1
print(documented(1), documented.__name__, documented.__doc__, documented.__wrapped__.__name__, sq.__name__, fib.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(3) >= V(2), V(2) >= V(3))
@total_ordering
class G:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __gt__(self, o):
        return self.v > o.v
print(G(1) < G(2), G(1) <= G(0), G(5) >= G(5))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(['b', 'A', 'c'], key=cmp_to_key(lambda a, b: cmp(a.lower(), b.lower())), reverse=True))
class Data:
    def __init__(self, n):
        self.n = n
    @cached_property
    def total(self):
        print('computing total')
        return sum(range(self.n))
d = Data(10)
print(d.total, d.total, 'total' in d.__dict__)
del d.total
print(d.total)
@singledispatch
def show(x):
    return 'object ' + repr(x)
@show.register
def _(x: int):
    return 'int %d' % x
@show.register(list)
def _(x):
    return 'list of %d' % len(x)
show.register(str, lambda x: 'str ' + x)
print(show(1), show(True), show([1, 2]), show('s'), show(2.5), show(None))
print(show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), '__name__') else '?')
