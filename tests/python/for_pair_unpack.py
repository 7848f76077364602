# `for a, b in ...` over enumerate, dict.items() and zip of two (unpacked without building the pair
# tuple) and over everything else: values, order, exhaustion, errors raised inside the iteration,
# dicts changing size, generators as inner iterators, break/continue/else, nested loops, and targets
# that are not plain names.
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    print(k, v, end="; ")
print()
for i, ch in enumerate("xyz"):
    print(i, ch, end="; ")
print()
for i, ch in enumerate("xyz", 10):
    print(i, ch, end="; ")
print()
for x, y in zip([1, 2, 3], "ab"):
    print(x, y, end="; ")
print()
for x, y in zip([1, 2], [3, 4], strict=True):
    print(x, y, end="; ")
print()
try:
    for x, y in zip([1, 2, 3], [4], strict=True):
        print(x, y)
except ValueError as e:
    print("ValueError", e)
for x, y in [(1, 2), [3, 4], "ab"]:
    print(x, y, end="; ")
print()
for x, y in ((i, i * i) for i in range(3)):
    print(x, y, end="; ")
print()
try:
    for x, y in enumerate([1, 2], 1):
        pass
    for x, y in [(1, 2, 3)]:
        pass
except ValueError as e:
    print("ValueError", e)
try:
    for k, v in d.items():
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
del d["new"]


def gen():
    yield "p"
    yield "q"
    raise KeyError("inner")


try:
    for i, v in enumerate(gen()):
        print(i, v, end="; ")
except KeyError as e:
    print("KeyError", e)

# zip stops at the first exhausted iterator without consuming the second.
it1, it2 = iter([1, 2, 3]), iter([10, 20])
for a, b in zip(it2, it1):
    pass
print(list(it1), list(it2))

# break / continue / else, nested loops, non-name targets.
out = []
for i, (a, b) in enumerate(zip("abc", "def")):
    if i == 1:
        continue
    out.append(a + b)
else:
    out.append("else")
for i, v in enumerate(range(100)):
    if v == 3:
        break
else:
    out.append("not reached")
print(out, i, v)
box = {}
seq = [0, 0, 0]
for box["k"], seq[1] in zip("xy", (7, 8)):
    pass
print(box, seq)


class P:
    pass


p = P()
for p.a, p.b in enumerate("m"):
    pass
print(p.a, p.b)
grid = {}
for r, row in enumerate([[1, 2], [3, 4]]):
    for c, val in enumerate(row):
        grid[r, c] = val
print(sorted(grid.items()))
big = 2 ** 62
for n, _ in enumerate("ab", big + big - 1):
    print(n, end=" ")
print()
print(sum(k * v for k, v in enumerate(range(10))), [k for k, v in {1: 2, 3: 4}.items()])
