# Checks enumerate/zip/map/filter/reversed/iter/next: laziness, start values, strict zip, sentinel iter, exhaustion behaviour.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate(range(3), start=-1)))
e = enumerate("xy")
print(next(e), next(e), next(e, "done"), type(e).__name__)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(3, 6), "xyz")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], "ab", strict=True)))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "ab")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x > 2, range(6))), list(filter(str.isdigit, "a1b2")))
calls = []
def tracked(x):
    calls.append(x)
    return x * 10
m = map(tracked, [1, 2, 3])
print(list(calls), next(m), list(calls), list(m), list(calls), list(m))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1,))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
it = iter([10, 20])
print(next(it), next(it), next(it, None), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
data = iter([1, 2, 3, 4, 5, 6])
print(list(zip(data, data)))
print(list(map(pow, [2, 3], [3, 2], [5, 5])), list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(enumerate([])).__name__, type(reversed).__name__)
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
