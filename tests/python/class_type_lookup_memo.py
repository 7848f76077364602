# Lookups of special methods and constructors through a class's MRO are memoized per thread; every
# change to a class namespace anywhere in the MRO must be seen at once.
class A:
    def __init__(self, x):
        self.x = x


class B(A):
    pass


for i in range(3):
    print(B(i).x)


def init2(self, x):
    self.x = x * 10


A.__init__ = init2
print(B(5).x)
B.__init__ = lambda self, x: setattr(self, "x", -x)
print(B(5).x)
del B.__init__
print(B(5).x)


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + o.v)

    def __repr__(self):
        return "V(%r)" % self.v


for _ in range(3):
    print(V(1) + V(2))
V.__add__ = lambda s, o: V(s.v * o.v)
print(V(3) + V(4))
del V.__add__
try:
    V(1) + V(2)
except TypeError as e:
    print("TypeError", e)


class N:
    def __new__(cls, *a):
        o = object.__new__(cls)
        o.tag = "new"
        return o

    def __init__(self, a):
        self.a = a


n = N(1)
print(n.tag, n.a)
N.__new__ = staticmethod(lambda cls, *a: 42)
print(N(1))


class P:
    pass


class Q(P):
    pass


print(hasattr(Q(), "m"))
P.m = lambda self: "m!"
print(Q().m())


class L:
    def __len__(self):
        return 3


print([len(L()) for _ in range(3)])
L.__len__ = lambda self: 7
print(len(L()))


class Meta(type):
    pass


class M(metaclass=Meta):
    def __init__(self):
        self.k = 1


print(M().k)
Meta.__call__ = lambda cls: "meta call"
print(M())
del Meta.__call__
print(M().k)
