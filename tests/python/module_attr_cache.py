# Attribute loads on module objects are cached per site under the module namespace's version; every
# rebinding, deletion, class change or fallback must be seen at once.
import math
import sys
import types

m = types.ModuleType("m")
m.x = 1


def read(mod):
    return mod.x


print([read(m) for _ in range(3)])
m.x = 2
print(read(m))
setattr(m, "x", "three")
print(read(m))
m.__dict__["x"] = 4
print(read(m))
del m.x
try:
    read(m)
except AttributeError as e:
    print("AttributeError", e)


def fallback(name):
    return "fallback " + name


m.__getattr__ = fallback
print(read(m))
m.x = 5
print(read(m))

n = types.ModuleType("n")
n.x = "n's"
print([read(mod) for mod in (m, n, m, n)])


class Special(types.ModuleType):
    @property
    def x(self):
        return "property wins"


s = Special("s")
s.__dict__["x"] = "dict value"
print([read(mod) for mod in (m, s, m, s)], s.__name__)


def sq(v):
    return math.sqrt(v)


print([sq(v) for v in (4.0, 9.0, 16.0)])
saved = math.sqrt
math.sqrt = lambda v: -v
print(sq(4.0))
math.sqrt = saved
print(sq(4.0))


def name_of(mod):
    return mod.__name__


print(name_of(m), name_of(n), name_of(math))
print(type(m.__dict__).__name__, "x" in m.__dict__)
this = sys.modules[__name__]
GLOBAL = "g1"


def own():
    return this.GLOBAL


print(own())
GLOBAL = "g2"
print(own())
