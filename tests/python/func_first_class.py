# Checks functions as first-class values: passing, returning, storing in containers, attributes, higher-order helpers.
def apply(fn, *args):
    return fn(*args)

def double(x):
    return x * 2

print(apply(double, 21), apply(len, "four"), apply(max, 3, 9, 2))
table = {"dbl": double, "neg": lambda x: -x, "str": str}
print([table[k](5) for k in ("dbl", "neg", "str")])

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
pipeline = compose(str, double, abs)
print(repr(pipeline(-8)))

def my_map(fn, seq):
    return [fn(x) for x in seq]
def my_reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(my_map(double, [1, 2, 3]))
print(my_reduce(lambda a, b: a * b, range(1, 11), 1))
print(my_reduce(lambda a, b: b + a, "abcd", ""))

def partial(fn, *bound, **bound_kw):
    def wrapper(*args, **kw):
        return fn(*bound, *args, **{**bound_kw, **kw})
    return wrapper
power = partial(pow, 2)
print(power(10), partial(int, base=16)("ff"))

print(double.__name__, type(double).__name__, callable(double), callable(5))
print(double == double, double is double, double != (lambda x: x))
funcs = [double, abs, str.upper]
print([f.__name__ for f in funcs])
print(sorted([3, -1, 2], key=abs), sorted(["b", "A", "c"], key=str.lower))

# bound and unbound methods
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, n):
        self.total += n
        return self
a = Acc()
adder = a.add
adder(5); adder(6)
print(a.total, adder.__self__ is a, adder.__func__ is Acc.add)
Acc.add(a, 100)
print(a.total)
print(list(map(str.strip, ["  x ", "y  "])))
print(list(map(pow, [2, 3], [5, 2])))

# function returning several functions that share state
def stack():
    items = []
    return items.append, items.pop, lambda: len(items)
push, pop, size = stack()
push(1); push(2); push(3)
print(pop(), size())
