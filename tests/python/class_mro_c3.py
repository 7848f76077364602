# Checks C3 method resolution order for diamonds and complex hierarchies, and the error for inconsistent MROs.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

print(names(Z))
print(names(K1), names(K2), names(K3))

class Base:
    def who(self):
        return "Base"
class Left(Base):
    def who(self):
        return "Left"
class Right(Base):
    def who(self):
        return "Right"
class Bottom(Left, Right):
    pass
class Bottom2(Right, Left):
    pass
print(names(Bottom), Bottom().who())
print(names(Bottom2), Bottom2().who())
print(Bottom.mro() == list(Bottom.__mro__))

try:
    class Bad(Base, Left):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Conflict(XY, YX):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Dup(X, X):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# attribute lookup follows mro
class P1:
    attr = "P1"
class P2:
    attr = "P2"
    only2 = "only in P2"
class Child(P1, P2):
    pass
print(Child.attr, Child.only2)
print(names(Child))
print(issubclass(Child, P2), issubclass(P2, Child), isinstance(Child(), (int, P2)))
print(names(bool), names(int))
print([c.__name__ for c in Bottom.__bases__])
