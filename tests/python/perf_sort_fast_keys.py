# list.sort / sorted on keys of one simple kind (ints, floats, strs, tuples of them): order, stability, reverse, fallbacks.
import random

rng = random.Random(7)
ints = [rng.randrange(-50, 50) for _ in range(300)]
print(sorted(ints)[:20], sorted(ints, reverse=True)[:20])
# Stability with keys: equal keys keep their input order (also with reverse=True).
pairs = [(rng.randrange(5), i) for i in range(60)]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
# Floats, signed zeros keep input order; ints mixed with floats take the general path.
fl = [0.0, -0.0, 1.5, -2.25, 0.0, -0.0, 1e300, -1e-300]
print([str(x) for x in sorted(fl)], [str(x) for x in sorted(fl, reverse=True)])
print(sorted([3, 1.5, 2, -0.5, True, False]))
# NaN: not a total order, CPython's timsort result is reproduced by the general path.
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0, nan, 0.5]))
# Strings: code point order, including non-ASCII and prefixes.
words = ["b", "a", "ab", "", "é", "z", "aa", "\u4e2d", "A", "ab\x00", "abc" * 10, "abc" * 10 + "a", "abc" * 9]
print(sorted(words))
print(sorted(words, reverse=True))
# Tuples: positions of one kind each, different lengths, equal prefixes.
tups = [(rng.randrange(3), str(rng.randrange(4)), rng.random() < 0.5 and 1.5 or -1.0) for _ in range(40)]
tups += [(1,), (1, "0"), (), (2, "3", 1.5, 9)]
print(sorted(tups))
print(sorted(tups, reverse=True)[:10])
# Tuples mixing kinds in one position: sorted when earlier items decide, TypeError otherwise.
print(sorted([(2, "x"), (1, 5), (3, 2.5)]))
try:
    sorted([(1, "x"), (1, 5)])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
# Big ints, bools, subclasses: general path, same results.
big = [10**20, -(10**20), 5, 10**19, -3]
print(sorted(big))
class S(str):
    pass
print(sorted([S("b"), "a", S("c")]))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return "K(%d)" % self.v
print(sorted([K(1), K(3), K(2)]))
print(sorted([(1, K(1)), (1, K(2)), (0, K(5))]))
# Sorting a list in place with many duplicates.
lst = [rng.randrange(10) for _ in range(1000)]
lst.sort()
print(lst[::97], lst == sorted(lst))
print(sorted([]), sorted([1]), sorted(["x"]), sorted([()]))
