# Checks sorted/min/max with key/default/reverse (and their errors), comparison order, and iter(callable, sentinel).
print(sorted([3, 1, 2], key=lambda x: -x), sorted("bca"), sorted([1, 2, 3], reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))
print(min([], default=5), max([], default=None), min([3, 1], key=lambda x: -x), max("ab", "cd", key=len))
print(max([1, 5, 5], key=lambda x: x), min(1, 1.0), max(1.0, 1), max([[1], [1, 2]]), min("b", "a", key=None))
for bad in (lambda: sorted([1, 2], lambda x: x), lambda: min([], key=len), lambda: max(), lambda: min(1),
            lambda: max(1, 2, foo=3), lambda: max([1, "a"]), lambda: min(["a", 1]), lambda: max(1, 2, default=0)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print("gt", self.v, o.v)
        return self.v > o.v
    def __repr__(self):
        return f"K({self.v})"
print(max(K(1), K(3), K(2)), min(K(1), K(3), K(2)))
print(list(iter([5, 4, 3, 2, 1].pop, 3)))
c = iter(lambda: 1, 1)
print(list(c), type(c).__name__)
n = iter([1, 2, 3]).__next__
it = iter(n, 99)
print(next(it), list(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
for bad in (lambda: iter(5, 1), lambda: iter(5)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
