# Checks tuple comparison, hashing/equality of tuples as dict/set keys, unhashable contents and element-wise comparison rules.
pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1, 2), (1, 2, 0)), ((), ()), ((2,), (1, 5, 5)), ((1, 2.0), (1.0, 2))]
for a, b in pairs:
    print(a, b, a == b, a < b, a <= b, a > b)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2.0)) == hash((1.0, 2)), hash(()) == hash(()), hash((1,)) != hash(1))
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * c
print(grid[(2, 2)], grid[1, 2], (0, 0) in grid, (3, 3) in grid, len(grid))
s = {(1, 2), (2, 1), (1, 2), (1.0, 2.0)}
print(len(s), (2, 1) in s, sorted(s))
try:
    {([1], 2): "x"}
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, {2: 3}))
except TypeError as e:
    print(type(e).__name__, e)
nan = float("nan")
t = (nan,)
print(t == t, (nan,) == (nan,), [nan] == [nan], t[0] == t[0])
print((1, "a") == (1, "a"), (1, "a") != (1, "b"))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, "a") < (2, 1), (None, 1) == (None, 1))
try:
    (None, 1) < (None, 2)
except TypeError as e:
    print(type(e).__name__, e)
memo = {}
def fib(n):
    key = ("fib", n)
    if key in memo:
        return memo[key]
    v = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[key] = v
    return v
print(fib(90), len(memo), ("fib", 90) in memo)
people = [("smith", "john", 40), ("doe", "jane", 31), ("smith", "anna", 22), ("doe", "adam", 31)]
print(sorted(people))
print(sorted(people, key=lambda p: (p[2], p[0])))
print(max(people, key=lambda p: p[2]), min(people))
