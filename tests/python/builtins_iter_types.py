# Checks the builtin iterator types by name: enumerate/zip/map/filter/reversed constructors, strict zip, __iter__/__next__/__length_hint__, slice objects and indices().
e = enumerate(["a", "b"], start=10)
print(iter(e) is e, e.__next__(), next(e), next(e, "end"), type(e).__name__)
print(list(enumerate("xy", -2)), list(enumerate(range(3), 2 ** 70))[:1])
try:
    enumerate("ab", "1")
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    enumerate(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
z = zip("abc", [1, 2, 3], (True, False, None))
print(iter(z) is z, z.__next__(), list(z), list(zip()), list(zip("a")))
for args in ([[1, 2], [1]], [[1], [1, 2]], [[1, 2], [1, 2], [3]], [[1], [2], [3, 4]]):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as ex:
        print(type(ex).__name__, ex)
print(list(zip([1, 2], "ab", strict=True)), list(zip([], [], strict=True)))
try:
    zip([1], bogus=True)
except TypeError as ex:
    print(type(ex).__name__, ex)
m = map(lambda a, b: a + b, [1, 2, 3], [10, 20])
print(iter(m) is m, next(m), m.__next__(), next(m, "short"), type(m).__name__)
print(list(map(str, range(3))), list(map(divmod, [7, 9], [2, 4])))
for bad in ((), (abs,)):
    try:
        map(*bad)
    except TypeError as ex:
        print(type(ex).__name__, ex)
f = filter(lambda v: v % 2, range(7))
print(next(f), list(f), list(filter(None, (0, 1, "", "s", [], [0]))))
try:
    filter(None)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(b"ab")))
print(list(reversed({"x": 1, "y": 2})), list(reversed(range(10, 0, -4))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * i
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Seq())), list(reversed(Rev())), type(reversed(Seq())).__name__, type(reversed([])).__name__)
for bad in ({1, 2}, 5, {"a": 1}.items()):
    try:
        reversed(bad)
    except TypeError as ex:
        print(type(ex).__name__, ex)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())
it = iter([1, 2, 3])
print(it.__length_hint__(), it.__next__(), it.__length_hint__(), iter(it) is it)
it = iter(range(5))
print(next(it), it.__length_hint__(), it.__next__(), list(it))
it = iter("héllo")
print(it.__next__(), it.__next__(), list(it))
d = {"a": 1, "b": 2}
it = iter(d.items())
print(it.__next__(), next(it), next(it, None))
try:
    iter([]).__next__()
except StopIteration as ex:
    print("StopIteration", ex.args)
s = slice(1, 10, 3)
print(s, s.indices(5), slice(None).indices(4), slice(-3, None).indices(10), slice(None, None, -1).indices(5), slice(5, -20, -2).indices(8))
print(slice(2), slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 2, 1), slice(0, 1) < slice(0, 2), slice(3) >= slice(None, 3))
print(slice(10 ** 20, -10 ** 20, -1).indices(7), slice(0, 10, 10 ** 20).indices(3))
for bad in ((1, 0, 0), ):
    try:
        slice(*bad).indices(3)
    except ValueError as ex:
        print(type(ex).__name__, ex)
try:
    slice(1).indices(-1)
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    slice()
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    slice(1, 2, 3, 4)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    slice("a").indices(3)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    hash(slice(1))
except TypeError as ex:
    print(type(ex).__name__, ex)
print([1, 2, 3, 4, 5][slice(1, None, 2)], "abcdef"[slice(None, None, -2)])
