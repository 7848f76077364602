# Checks list repetition (list * n) and aliasing pitfalls, identity vs equality, copying strategies and in-place vs rebinding ops.
row = [0] * 4
print(row, [1, 2] * 3, [] * 10, [None] * 0, [7] * -1, 2 * ["x"])
bad_grid = [[0] * 3] * 3
bad_grid[0][0] = 1
print(bad_grid, bad_grid[0] is bad_grid[1])
good_grid = [[0] * 3 for _ in range(3)]
good_grid[0][0] = 1
print(good_grid, good_grid[0] is good_grid[1])
a = [1, 2, 3]
b = a
b += [4]
print(a, b, a is b)
b = b + [5]
print(a, b, a is b)
c = a
c *= 2
print(a, c is a)
d = a[:]
e = list(a)
f = a.copy()
g = [*a]
d.append("d")
print(a == e == f == g, d is a, e is a, len(d), len(a))
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
orig = [1]
ret = mutate(orig)
print(orig, ret)
objs = [[]] * 2
objs[0].append("same")
print(objs)
strs = ["ab"] * 3
strs[0] += "c"
print(strs)
matrix = [[i] * i for i in range(4)]
print(matrix)
x = [1, 2]
y = [x, x]
x.append(3)
print(y, y[0] is y[1])
print([1, 2] * True, [0] * False, ([1] * 3).count(1))
try:
    [1] * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * (2 ** 70)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
