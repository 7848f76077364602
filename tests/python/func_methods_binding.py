# Checks method binding: bound method identity/equality, functions stored on instances vs classes, staticmethod/classmethod calls.
class C:
    factor = 3
    def scale(self, x):
        return x * self.factor
    @staticmethod
    def helper(x):
        return x + 1
    @classmethod
    def build(cls, f):
        obj = cls()
        obj.factor = f
        return obj

c = C()
m1 = c.scale
m2 = c.scale
print(m1(5), m1 == m2, m1 is m2, m1.__self__ is c)
print(C.scale(c, 7), C.helper(1), c.helper(2), C.build(10).scale(2), c.build(4).scale(4))

# function assigned to instance is NOT bound
def plain(x):
    return ("plain", x)
c.plain = plain
print(c.plain(1))
# function assigned to class IS bound
C.bound_later = lambda self, y: ("bound", self.factor, y)
print(c.bound_later(9))

# callable object attribute
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, v):
        return v * self.k
C.mult = Multiplier(5)
print(c.mult(3))

# subclass overriding and calling base explicitly
class D(C):
    factor = 10
    def scale(self, x):
        return "D:" + str(C.scale(self, x))
d = D()
print(d.scale(2), D.build(1).scale(1), type(D.build(1)).__name__)

# methods taking *args
class Varargs:
    def m(self, *a, **k):
        return (type(self).__name__, a, k)
print(Varargs().m(1, 2, z=3))
try:
    Varargs.m()
except TypeError as e:
    print(type(e).__name__, e)

# getattr returns bound method
print(getattr(c, "scale")(11), getattr(C, "helper")(0))
bm = [1, 2, 3].append
lst = bm.__self__
bm(4)
print(lst)
print(str.upper("abc"), "abc".upper(), str.join("-", ["a", "b"]))
