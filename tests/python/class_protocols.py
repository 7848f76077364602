# Checks __call__, __iter__/__next__, __len__, __bool__, __contains__ and how builtins use them.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
    def __len__(self):
        return self.start
    def __contains__(self, x):
        print("  __contains__", x)
        return 0 < x <= self.start

class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

c = Countdown(5)
print(list(c), list(c), len(c), sum(c), max(c), sorted(c))
print(3 in c, 9 in c)
it = iter(c)
print(next(it), next(it), list(it), next(it, "exhausted"))
for i, v in enumerate(Countdown(3)):
    print("loop", i, v)
a, b, cc = Countdown(3)
print(a, b, cc)
print(dict(zip(Countdown(3), "abc")))

class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        return sum(c * x ** i for i, c in enumerate(self.coeffs))
p = Polynomial(1, 0, 2)
print(p(0), p(3), list(map(p, range(4))), callable(p), callable(Polynomial))

class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__ called")
        return self.v
print(bool(Truthy(True)), not Truthy(False))
if Truthy(True):
    print("in if")
print(Truthy(False) or "fallback")

class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenOnly(0)), bool(LenOnly(3)), "yes" if LenOnly(0) else "no")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class FloatLen:
    def __len__(self):
        return 2.5
try:
    len(FloatLen())
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
not_callable = 5
try:
    not_callable()
except TypeError as e:
    print(type(e).__name__, e)

class NoContains:
    def __iter__(self):
        yield from [1, 2, 3]
print(2 in NoContains(), 7 in NoContains())
class IterNotIterator:
    def __iter__(self):
        return 42
try:
    iter(IterNotIterator())
except TypeError as e:
    print(type(e).__name__, e)
