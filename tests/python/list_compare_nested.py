# Checks list comparison (lexicographic, length tie-break), equality of nested structures, and deep nested list manipulation.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] == [1, 2], [1, 2] != [2, 1])
print([[1, 2], [3]] == [[1, 2], [3]], [[1, [2, [3]]]] == [[1, [2, [3]]]], [[1, [2, [3]]]] == [[1, [2, [4]]]])
print([1, 2.0] == [1.0, 2], [True, 0] == [1, False], ["a"] < ["b"], [[]] < [[0]], [1, "a"] == [1, "a"])
print(max([[1, 2], [1, 3], [0, 9]]), min([[3], [1, 5], [1]]), sorted([[2], [1, 1], [1], []]))
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
print([1, "a"] < [2, 1])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([row[1] for row in grid], [grid[i][i] for i in range(3)], [grid[i][2 - i] for i in range(3)])
transposed = [list(col) for col in zip(*grid)]
print(transposed)
grid[1][1] = "center"
print(grid[1], grid)
tree = [1, [2, [3, [4, []]]]]
node = tree
depth = 0
while node:
    depth += 1
    node = node[1]
print("depth", depth)
deep = [[[]]]
deep[0][0].append(deep[0])
print(deep)
flat = [x for sub in [[1, 2], [], [3, [4]]] for x in sub]
print(flat)
a = [1, [2, 3]]
b = [1, [2, 3]]
print(a == b, a is b, a[1] is b[1])
c = a
c[1].append(4)
print(a, b, a == b)
print([1, 2, 3] == (1, 2, 3), [1] == [1.0], [float("nan")] == [float("nan")])
m1 = [[1, 2], [3, 4]]
m2 = [[5, 6], [7, 8]]
prod = [[sum(m1[i][k] * m2[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
print(prod)
