# copy of collections types, collections.abc reachable as an attribute, namedtuple class repr
import collections, copy
print(collections.abc.Mapping)
from collections import namedtuple, deque, defaultdict, OrderedDict, Counter
P = namedtuple('P', 'x y')
p = P(1, [2])
print(copy.copy(p), copy.deepcopy(p), copy.deepcopy(p)[1] is p[1])
d = deque([1, [2]], maxlen=5)
print(copy.copy(d), copy.deepcopy(d), copy.deepcopy(d)[1] is d[1])
dd = defaultdict(list, a=[1])
print(copy.copy(dd), copy.deepcopy(dd), copy.deepcopy(dd)['a'] is dd['a'])
print(copy.deepcopy(OrderedDict(a=1)), copy.deepcopy(Counter('aab')), copy.copy(Counter('ab')))
print(isinstance(OrderedDict(), collections.abc.MutableMapping), isinstance(deque(), collections.abc.Sequence))
print(P)
import functools
print(functools.partial(max, 1))
from itertools import chain
print(type(chain()).__name__)
