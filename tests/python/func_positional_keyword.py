# Checks positional and keyword argument binding, defaults, and the error messages for bad calls.
def f(a, b, c=3, d=4):
    return (a, b, c, d)

print(f(1, 2))
print(f(1, 2, 30))
print(f(1, 2, d=40))
print(f(b=2, a=1))
print(f(1, c=5, b=9))
print(f(*[1, 2, 3, 4]))
print(f(**{"a": "x", "b": "y", "d": "z"}))

def attempt(fn, *args, **kwargs):
    try:
        print(fn(*args, **kwargs))
    except TypeError as e:
        print(type(e).__name__, e)

attempt(f, 1)
attempt(f)
attempt(f, 1, 2, 3, 4, 5)
attempt(f, 1, 2, z=3)
attempt(f, 1, 2, a=1)
attempt(f, 1, b=2, a=3)

def g():
    return "no params"
attempt(g, 1)
attempt(g, x=1)

def h(x):
    return x
attempt(h, 1, 2)
attempt(h)
def many(a, b, c):
    return a
attempt(many, 1)
attempt(many)

class K:
    def method(self, a):
        return a
attempt(K().method)
attempt(K().method, 1, 2)
attempt(K.method)

# mutable default argument is shared between calls
def append_to(x, target=[]):
    target.append(x)
    return target
print(append_to(1), append_to(2), append_to(3, []))

def safe_append(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(safe_append(1), safe_append(2))

# defaults are evaluated once at definition time
n = 10
def uses_default(v=n):
    return v
n = 20
print(uses_default())
print(f.__defaults__, h.__defaults__)
