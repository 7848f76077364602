# Checks generator expressions: laziness, single-use, scoping of the first iterable, use as function arguments, chaining.
squares = (x * x for x in range(6))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))

print(sum(x for x in range(10) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
print(sorted((c for c in "generator"), reverse=True))
print("-".join(str(i) for i in range(5)))
print(dict((k, len(k)) for k in ["one", "three"]))
print(set(x % 3 for x in range(10)))
print(tuple(x for x in ()))

# the first iterable is evaluated immediately, the rest lazily
def source(tag, n):
    print(f"  creating iterable {tag}")
    return range(n)
ge = ((a, b) for a in source("outer", 2) for b in source("inner", 2))
print("generator expression created")
print(list(ge))

try:
    bad = (x for x in 5)
except TypeError as e:
    print("evaluated eagerly:", type(e).__name__, e)

# conditions evaluated lazily
def check(x):
    print(f"  checking {x}")
    return x > 1
lazy = (x for x in [1, 2, 3] if check(x))
print("first:", next(lazy))

# chaining generator expressions
nums = range(1, 20)
evens = (n for n in nums if n % 2 == 0)
squared = (n * n for n in evens)
big = (n for n in squared if n > 50)
print(list(big))

# nested generator expressions
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(list(sum(row) for row in matrix), sum(x for row in matrix for x in row))
print(list(list(r[i] for r in matrix) for i in range(3)))

# closures in generator expressions see current values of free variables
factor = 2
scaled = (x * factor for x in range(3))
factor = 10
print(list(scaled))

# any/all short-circuit over generator expressions
seen = []
def track(x):
    seen.append(x)
    return x
print(any(track(x) > 2 for x in range(10)), seen)
seen.clear()
print(all(track(x) < 3 for x in range(10)), seen)
gen = (i for i in range(3))
print(3 in gen, list(gen))
print(sum(1 for _ in range(1000)), min((abs(x - 7), x) for x in [1, 5, 9, 12]))
