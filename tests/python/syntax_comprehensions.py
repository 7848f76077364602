# Checks list/dict/set comprehensions and generator expressions, nesting, conditions and ordering.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in "hello" if c != "l"])
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3])})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print(sorted({x % 4 for x in range(20)}))
print({x % 4 for x in range(20)})
print(sum(x for x in range(101)))
print(list(x for x in "abc"))
print(tuple(i * 2 for i in range(4)))
print([x if x % 2 else -x for x in range(6)])
print([i for row in [[1, 2], [3], [], [4, 5, 6]] for i in row])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for x in []])
print({x: [] for x in ""})
# unpacking in comprehension targets
pairs = [(1, "one"), (2, "two"), (3, "three")]
print([name for num, name in pairs if num != 2])
print([a + b + c for a, (b, c) in [(1, (2, 3)), (10, (20, 30))]])
# comprehension variables do not leak
x = "outer"
_ = [x for x in range(3)]
print(x)
# the first iterable is evaluated in the enclosing scope
items = [1, 2, 3]
print([items for items in items])
# generator expressions are lazy
def noisy(n):
    print("producing", n)
    return n
g = (noisy(i) for i in range(3))
print("created generator")
print(next(g))
print(list(g))
# nested generator expressions
print(sum(sum(j for j in range(i)) for i in range(5)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, 0]))
print(max((len(w), w) for w in "the quick brown fox jumps".split()))
