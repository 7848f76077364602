# Checks generator basics: lazy execution, next(), StopIteration, exhaustion, local state preservation and generator objects.
def simple():
    print("  started")
    yield 1
    print("  after first yield")
    yield 2
    print("  finishing")

g = simple()
print(type(g).__name__)
print("created, nothing ran yet")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))
print(next(g, "default after exhaustion"))
print(list(g))

def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(counter(5)), sum(counter(101)), list(counter(0)))
c = counter(3)
print(iter(c) is c, [x * 10 for x in c], list(c))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
print(take(5, fib()), take(0, fib()))

# independent generator instances
g1, g2 = counter(3), counter(3)
print(next(g1), next(g1), next(g2))

# generator with multiple yields in expressions and loops
def chars():
    for word in ["ab", "", "cde"]:
        for ch in word:
            yield ch.upper()
        yield "|"
print("".join(chars()))

def yield_none():
    yield
    yield None
print(list(yield_none()))

# generator objects carry the function's name
def stepper():
    yield 1
gen = stepper()
print(stepper.__name__, gen.__name__, gen.__qualname__, list(gen), list(gen))

# unpacking and membership consume generators
a, b, c = counter(3)
print(a, b, c)
gm = counter(10)
print(5 in gm, next(gm))
print(max(counter(7)), min(counter(7), default=None), sorted(counter(4), reverse=True))
print(dict(enumerate(x * x for x in counter(4))))
