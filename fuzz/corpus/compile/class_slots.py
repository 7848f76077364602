# Checks __slots__: restricted attributes, no __dict__, error messages, inheritance with and without slots.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
print(p, p.x + p.y)
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
try:
    vars(p)
except TypeError as e:
    print(type(e).__name__, e)

class Partial:
    __slots__ = ("a", "b")
pp = Partial()
pp.a = 1
try:
    print(pp.b)
except AttributeError as e:
    print(type(e).__name__, e)
del pp.a
try:
    del pp.a
except AttributeError as e:
    print(type(e).__name__, e)

class Sub(Point):
    pass
s = Sub(3, 4)
s.extra = "allowed: subclass has __dict__"
print(s, s.extra, s.__dict__)

class SubSlots(Point):
    __slots__ = ("z",)
ss = SubSlots(1, 2)
ss.z = 3
print(ss, ss.z)
try:
    ss.w = 4
except AttributeError as e:
    print(type(e).__name__, e)

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

print(sorted(Point.__slots__), type(Point.__dict__["x"]).__name__)
class StrSlot:
    __slots__ = "only"
o = StrSlot()
o.only = "single string slot"
print(o.only)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)
