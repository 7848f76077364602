# Checks len/abs/min/max: multiple args vs iterable, key and default parameters, ties (first wins), errors, custom __abs__/__len__.
print(len([1, 2]), len("héllo"), len(b"\x00"), len({}), len(set()), len(range(5, 50, 5)), len((None,)), len({"a": 1, "b": 2}))
print(abs(-5), abs(5), abs(-0), abs(-2.5), abs(-10 ** 30), abs(True), abs(-3 + 4j), abs(-float("inf")))
print(max(3, 1, 2), max([3, 1, 2]), max("hello"), max((1, 2), (1, 3)), max([], default="empty"), max([5], default=0))
print(min(3, 1, 2), min([3, 1, 2]), min("hello"), min([[2], [1, 9]]), min((), default=None), min(iter([4, 2, 8])))
words = ["kiwi", "fig", "banana", "pear", "date"]
print(max(words, key=len), min(words, key=len), max(words), min(words, key=lambda w: w[-1]), max(*words, key=len))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]), max(0, -0.0), min(-0.0, 0))
pairs = [("a", 3), ("b", 5), ("c", 5), ("d", 1)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: -p[1]))
print(max(range(10), key=lambda x: (x % 3, -x)), min({5: "a", 2: "b"}), max({5: "a", 2: "b"}.values()))
for call in (lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 2, default=0), lambda: max([1, "a"]), lambda: abs("x"), lambda: len(42)):
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class Vec:
    def __init__(self, *c):
        self.c = c
    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5
    def __len__(self):
        return len(self.c)
v = Vec(3, 4)
print(abs(v), len(v), max([Vec(1), Vec(1, 2, 3), Vec()], key=len).c)
print(max("apple", "Apple", "APPLE"), min(["b", "a", "C"], key=str.lower), max([[], [0], [0, 0]], key=len))
