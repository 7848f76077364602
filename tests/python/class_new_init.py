# Checks __new__ vs __init__: call order, __init__ skipped when __new__ returns another type, object caching, immutable subclass setup.
class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        return inst
    def __init__(self, *args):
        print("__init__", args)
        self.args = args
t = Traced(1, 2)
print(t.args)

class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(ReturnsOther(), type(ReturnsOther()).__name__)

class Interned:
    _cache = {}
    def __new__(cls, key):
        if key in cls._cache:
            return cls._cache[key]
        obj = super().__new__(cls)
        cls._cache[key] = obj
        return obj
    def __init__(self, key):
        self.inits = getattr(self, "inits", 0) + 1
        self.key = key
a = Interned("x")
b = Interned("x")
c = Interned("y")
print(a is b, a is c, a.inits, c.inits)

class Point3(tuple):
    def __new__(cls, x, y, z):
        return super().__new__(cls, (x, y, z))
    def __init__(self, x, y, z):
        self.norm1 = abs(x) + abs(y) + abs(z)
p = Point3(1, -2, 3)
print(p, p.norm1, p[1])

class NoArgsNew:
    def __init__(self, value):
        self.value = value
print(NoArgsNew(5).value)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object()
    object(1)
except TypeError as e:
    print(type(e).__name__, e)

class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)

class Subclass(Traced):
    def __init__(self, *args):
        print("Subclass.__init__ first")
        super().__init__(*args)
s = Subclass("a")
print(type(s).__name__, s.args)

class Factory:
    def __new__(cls, kind):
        if kind == "int":
            return int.__new__(IntThing, 7)
        return super().__new__(cls)
    def __init__(self, kind):
        self.kind = kind
class IntThing(int):
    pass
x = Factory("int")
y = Factory("obj")
print(type(x).__name__, x, type(y).__name__, y.kind)
