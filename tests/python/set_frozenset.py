# Checks frozenset: immutability, hashability (as dict keys and set members), operations returning frozenset, and equality with set.
f = frozenset([3, 1, 2, 3])
print(f, type(f).__name__, len(f), 2 in f, frozenset(), frozenset(range(4)))
print(f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1, 7}, f - {1}, f ^ {1, 5})
print(f == {1, 2, 3}, f <= {1, 2, 3, 4}, f.issubset(range(5)), f.union([4]), f.intersection([1]), f.copy() == f)
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
d = {frozenset({"a", "b"}): "ab", frozenset(): "empty"}
print(d[frozenset({"b", "a"})], d[frozenset()])
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(frozenset()) == hash(frozenset([])))
sets = {frozenset({1}), frozenset({1, 2}), frozenset({2, 1})}
print(len(sets), sorted(len(s) for s in sets))
print(sorted(sorted(s) for s in sets))
power = {frozenset()}
for x in [1, 2, 3]:
    power |= {s | {x} for s in power}
print(len(power), sorted(sorted(s) for s in power))
print(frozenset("hello") == frozenset("olleh"), sorted(frozenset("hello")))
g = f
g |= {100}
print(f, g, f is g)
print(frozenset({1, 2}) < frozenset({1, 2, 3}), frozenset({1}).isdisjoint({2}))
