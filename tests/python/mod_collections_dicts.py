# collections.defaultdict, OrderedDict and ChainMap
from collections import defaultdict, OrderedDict, ChainMap
d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d['a'], len(d), isinstance(d, dict))
print(d.get('zz'), 'zz' in d, d.default_factory)
n = defaultdict(int)
for ch in 'mississippi':
    n[ch] += 1
print(n, dict(n))
e = defaultdict(None, {1: 2}); print(e)
try:
    e[5]
except KeyError as ex:
    print('KeyError', ex)
print(defaultdict(lambda: 'x', a=1)['q'] if False else defaultdict(str, a=1))
c = n.copy(); c['z'] += 5; print(type(c).__name__, c['z'], n['z'] if 'z' in n else 'no z')
print(defaultdict(int, {'a': 1}) | {'b': 2})
try:
    defaultdict(1)
except TypeError as ex:
    print('TypeError', ex)
o = OrderedDict()
o['x'] = 1; o['y'] = 2; o['z'] = 3
print(o, list(o))
o.move_to_end('x'); print(list(o))
o.move_to_end('z', last=False); print(list(o))
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict(), OrderedDict([(1, 2)]), OrderedDict(a=1))
a = OrderedDict([(1, 1), (2, 2)]); b = OrderedDict([(2, 2), (1, 1)])
print(a == b, a == dict(b), dict(a) == b, a != b)
print(OrderedDict.fromkeys('abc', 0))
for f in [lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end(1)]:
    try:
        f()
    except KeyError as ex:
        print('KeyError', ex)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}, {'c': 4})
print(cm, cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), list(cm), 'c' in cm)
print(cm.get('q', 'dflt'), list(cm.keys()), list(cm.values()), list(cm.items()))
cm['b'] = 30; print(cm.maps[0])
ch = cm.new_child({'a': 0}); print(ch['a'], ch.parents['a'], len(ch.maps))
del cm['a']; print(cm)
for f in [lambda: cm.__delitem__('c'), lambda: ChainMap({}).popitem(), lambda: cm.pop('zz'),
          lambda: ChainMap()['x']]:
    try:
        f()
    except KeyError as ex:
        print('KeyError', ex)
print(ChainMap(), bool(ChainMap({})), bool(ChainMap({}, {1: 2})), dict(ChainMap({1: 'a'}, {1: 'b', 2: 'c'})))
