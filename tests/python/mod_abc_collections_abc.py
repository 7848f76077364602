# abc and collections.abc: abstract methods, register, subclass hooks, mixin methods
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import Iterable, Iterator, Sized, Container, Hashable, Callable, Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet, Collection, Reversible, Generator
import collections.abc
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def name(self):
        pass
    def describe(self):
        return '%s with area %s' % (self.name(), self.area())
class Half(Shape):
    def area(self):
        return 1
class Sq(Half):
    def name(self):
        return 'square'
for cls in (Shape, Half, Sq):
    try:
        print(cls().describe())
    except TypeError as e:
        print('TypeError', e)
print(isinstance(Sq(), Shape), issubclass(Sq, Shape), issubclass(int, Shape))
Shape.register(int)
print(issubclass(int, Shape), isinstance(3, Shape), issubclass(bool, Shape), isinstance('x', Shape))
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance('', Sized), isinstance({}, Container), isinstance([], Hashable), isinstance((), Hashable), isinstance(len, Callable))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Sequence), isinstance((), MutableSequence), isinstance('', Sequence))
print(isinstance(set(), MutableSet), isinstance(frozenset(), Set), isinstance(frozenset(), MutableSet), isinstance(range(3), Sequence))
print(isinstance((x for x in []), Generator), isinstance([], Reversible), isinstance({}.keys(), Set), isinstance([], Collection))
class Has:
    def __iter__(self):
        return iter([1, 2])
    def __len__(self):
        return 2
print(isinstance(Has(), Iterable), isinstance(Has(), Sized), isinstance(Has(), Container), isinstance(Has(), Collection))
class Ro(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
r = Ro(a=1, b=2)
print(r['a'], r.get('z', 0), 'b' in r, list(r.keys()), list(r.values()), list(r.items()), r == {'a': 1, 'b': 2}, len(r))
print(r.keys() & {'a', 'q'}, isinstance(r, Mapping), isinstance(r, MutableMapping))
class Mm(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
m = Mm(); m.update({'x': 1}, y=2); m.setdefault('z', 3)
print(dict(m), m.pop('x'), m.popitem(), dict(m))
class Seq(Sequence):
    def __init__(self, *items):
        self._items = items
    def __getitem__(self, i):
        return self._items[i]
    def __len__(self):
        return len(self._items)
s = Seq(3, 1, 4, 1)
print(list(s), 1 in s, s.index(4), s.count(1), list(reversed(s)))
try:
    s.index(9)
except ValueError:
    print('ValueError')
try:
    Ro.__abstractmethods__ and Mapping()
except TypeError as e:
    print('TypeError', e)
class M(metaclass=ABCMeta):
    pass
print(type(M).__name__, collections.abc.Sized.__module__)
