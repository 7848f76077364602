# Checks function and class decorators: ordering, arguments, wrapping, stacking, returning non-functions.
trace = []

def record(fn):
    trace.append("decorating " + fn.__name__)
    def wrapper(*args, **kwargs):
        trace.append("calling " + fn.__name__)
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    return wrapper

@record
def add(a, b):
    return a + b

print(add(2, 3))
print(add.__name__)
print(trace)

def times(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@times(3)
def hello(name):
    return "hi " + name
print(hello("bob"))

def tag(label):
    def deco(fn):
        def wrapper():
            return "<" + label + ">" + fn() + "</" + label + ">"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "x"
print(text())

order = []
def mark(name):
    order.append("factory " + name)
    def deco(fn):
        order.append("apply " + name)
        return fn
    return deco

@mark("outer")
@mark("inner")
def f():
    pass
print(order)

registry = {}
def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls

@register
class Plugin:
    pass
print(sorted(registry), Plugin.registered)

def to_constant(fn):
    return fn()
@to_constant
def answer():
    return 42
print(answer, type(answer).__name__)

# decorator expressions (3.9+ relaxed grammar)
decos = [lambda f: (lambda: f() * 2)]
@decos[0]
def five():
    return 5
print(five())

class Counter:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)

@Counter
def square(x):
    return x * x
print(square(3), square(4), square.calls)

def memo(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
