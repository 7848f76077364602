# Checks sum (start values, floats, lists), any/all short-circuit and truthiness, and errors for sum on strings.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum((1j, 2)), sum([True, True, False]))
print(sum([1, 2], 10), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum(x * x for x in range(5)), sum([], start=5))
print(sum([1e100, 1.0, -1e100, 1.0]), sum([0.1, 0.2, 0.3]), sum([10 ** 20, 1.0]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b"a"], b"")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "x"])
except TypeError as e:
    print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None, 1]), all([1, "x", [0]]), all([1, 0]), any(iter([False, False])))
print(any("abc"), all(""), any([[]]), all([[]]), any({0: 1}), all({1: 0}), any(range(1)), all(range(1, 5)))
checked = []
def probe(v):
    checked.append(v)
    return v
print(any(probe(x) for x in [0, 0, 3, 0, 5]), checked)
checked.clear()
print(all(probe(x) for x in [1, 2, 0, 4]), checked)
nums = [4, 8, 15, 16, 23, 42]
print(any(n > 40 for n in nums), all(n > 3 for n in nums), any(n % 7 == 0 for n in nums), all(n % 2 == 0 for n in nums))
print(sum(1 for n in nums if n % 2), sum(n for n in nums if n > 10) / len(nums))
matrix = [[1, 2], [3, 4], [5, 6]]
print(sum(map(sum, matrix)), sum(sum(r) for r in matrix), [sum(col) for col in zip(*matrix)])
print(type(any([1])).__name__, any([1]) is True, all([]) is True)
