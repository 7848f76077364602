# Checks dict comprehensions, the | and |= merge operators, ** unpacking merges, and nested dict structures.
squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({str(k): [v] * 2 for k, v in list(squares.items())[:3]})
print({c: ord(c) for c in "hello"})
print({(i, j): i * j for i in range(3) for j in range(i)})
print({k: v for k, v in zip("abc", range(10))})
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a
c |= b
print(a, c is a)
c |= [("w", 0)]
print(c)
print({**a, **b, "extra": True}, {**{}, **{}})
try:
    a | [("k", 1)]
except TypeError as e:
    print(type(e).__name__, e)
config = {"db": {"host": "localhost", "port": 5432}, "debug": False}
override = {"db": {"port": 6543}, "debug": True}
def deep_merge(x, y):
    out = dict(x)
    for k, v in y.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out
print(deep_merge(config, override))
print(config | override)
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
def count_leaves(t):
    return 1 if not t else sum(count_leaves(v) for v in t.values())
print(count_leaves(tree))
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1, "d": 3}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
matrix = {(r, c): r + c for r in range(3) for c in range(3)}
print(sum(matrix.values()), max(matrix, key=matrix.get), [matrix[i, i] for i in range(3)])
