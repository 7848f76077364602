# dict methods (setdefault/pop/popitem/update/fromkeys), __missing__, |, |=, views: set ops, contains, reversed.
d = {'a': 1}
print(d.setdefault('b', 2), d.setdefault('a', 5), d.pop('a'), d.pop('zz', None), d)
try: d.pop('q')
except KeyError as e: print(repr(e))
d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d, d.popitem(), d)
try: {}.popitem()
except KeyError as e: print(repr(e))
print(dict.fromkeys('abc', 0), dict.fromkeys([1,2]))
class D(dict):
    def __missing__(self, k): return k * 2
x = D(a=1); print(x['a'], x['zz'], dict.__getitem__(x, 'q'), type(D.fromkeys('ab')))
print({'a':1} | {'b':2}, d == d.copy(), dict.__eq__(d, 5))
e = {'a': 1}; e |= [('b', 2)]; print(e)
k = {'a':1,'b':2,'c':3}.keys()
print(k & {'a','b'} == {'a','b'}, k - {'a'} == {'b','c'}, sorted(k | {'z'}), sorted(k ^ {'a','q'}), len(k), 'a' in k, list(reversed(k)) if False else 0)
print(list({'a':1,'b':2}.__reversed__()), list({'a':1,'b':2}.items().__reversed__()), {1:2}.items() & {(1,2)})
print({'a':1}.keys().isdisjoint(['b']), {'a': 1}.__contains__('a'), {'a': 1}.__len__())
try: hash({})
except TypeError as e: print(e)
d = {}; d.clear(); print(d, {1:2}.copy())
