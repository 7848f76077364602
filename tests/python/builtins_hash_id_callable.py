# Checks hash consistency for numbers, callable(), identity with 'is', object() behaviour, and id() only compared via identity.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0) == hash(False), hash(2 ** 70) == hash(float(2 ** 70)))
print(hash(1.5) == hash(3 / 2), hash(-1) == hash(-2), hash(10 ** 30) == hash(10 ** 30))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset([1, 2])) == hash(frozenset([2.0, 1.0])))
a = object()
b = object()
print(a is a, a is b, a == b, a != b, id(a) == id(a), id(a) == id(b), hash(a) == hash(a))
x = [1, 2]
y = x
z = [1, 2]
print(x is y, x is z, id(x) == id(y), id(x) == id(z), x == z)
print(None is None, type(None)() is None, ... is Ellipsis, NotImplemented is NotImplemented)
print(callable(len), callable(print), callable(lambda: 0), callable(int), callable(object), callable("s"), callable(None), callable([].append))
class C:
    def __call__(self):
        return "called"
class D:
    pass
print(callable(C), callable(C()), callable(D()), C()())
print(type(object()).__name__, isinstance(a, object), object.__name__)
try:
    a.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()), hash(H()) == hash(H()))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
small = 5
print(small == 5, True is (1 == 1), (not 0) is True, (1 < 2) is True)
