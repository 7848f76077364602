# Set table order (CPython probing, dummies reused, pop finger), set algebra on sets/frozensets/iterables, frozenset hash, dict view set ops.
s = {0, 8}; s.remove(0); s.add(16); print(s)
s=set(range(5)); print(s.pop(), s.pop(), s); s.add(0); print(s)
print({5,3,1}, {9,1}, {8,0}, set([100, 3, 37, 64, 1000, -5]))
a = {1,2,3,4,5,6,7,8,9,10,11,12,33,65}
b = set(range(7, 40, 3))
print(a|b, a&b, a-b, a^b, b-a, b^a)
print(frozenset(a) | b, type(frozenset(a)|b))
print(hash(frozenset()), hash(frozenset({1,2,3})), hash(frozenset(['a'])) == hash(frozenset(['a'])))
print(hash(frozenset({1.5, (1,2), 10**20})))
print({1,2} <= {1,2,3}, {1,2} < {1,2}, {1,2,3} > {1}, {1} == frozenset({1}))
s = {1,2,3}; s &= {2,3,4}; print(s); s |= {9}; s -= {2}; s ^= {3, 7}; print(s)
print({1,2}.issubset([1,2,3]), {1,2}.issuperset(range(2)), {1}.isdisjoint([2]))
print({1,2}.union([3],(4,)), {1,2,3}.intersection([2,3],[3]), {1,2,3}.difference([1],[2]))
try: {1} | [2]
except TypeError as e: print(e)
try: {1} < [2]
except TypeError as e: print(e)
try: set().pop()
except KeyError as e: print(repr(e))
try: {1}.remove(5)
except KeyError as e: print(repr(e))
print(frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})})
s={frozenset({1})}; s.discard({1}); print(s)
class S(set): pass
x = S([1,2]); print(x, x | {3}, type(x|{3}), len(x), 2 in x)
d = {'a':1,'b':2,'c':3}
print(sorted(d.keys() & {'a','b'}), sorted(d.keys() - ['a']), d.items() & {('a',1)}, ('a',1) in d.items())
try: hash(set())
except TypeError as e: print(e)
s = set(range(100)); 
for i in range(0,100,3): s.discard(i)
print(s)
print(set('abc') == set('cba'))
