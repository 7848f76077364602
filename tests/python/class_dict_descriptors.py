# Checks which descriptors a class dict gets: __dict__/__weakref__ getsets, slot members, __doc__ last, mappingproxy.
class E(Exception): pass
print(list(E.__dict__))
class L(list): pass
print(list(L.__dict__))
class S:
    __slots__=('a','__dict__')
print(list(S.__dict__))
class W:
    __slots__=('__weakref__',)
print(list(W.__dict__))
class I(int): pass
print(list(I.__dict__))
class F(float): pass
print(list(F.__dict__))
class D:
    'doc'
    x = 1
print(list(D.__dict__))
class Sub(D): pass
print(list(Sub.__dict__))
d = D(); d.__dict__ = {"q": 1}; print(d.q, d.__dict__)
try: d.__dict__ = 5
except TypeError as e: print(e)
print(D.__dict__["__dict__"], type(D.__dict__["__weakref__"]).__name__, D.__dict__["__weakref__"].__get__(d))
for b in (set, frozenset, dict, str, bytes, bytearray, tuple, complex, type, list, object, Exception, ValueError):
    C = type('C', (b,), {})
    print(b.__name__, list(C.__dict__))
    D = type('D', (C,), {})
    print(list(D.__dict__))
class P:
    __slots__ = ("x", "y")
print(P.__dict__["x"], type(P.__dict__["y"]).__name__, P.x.__get__(None, P) is P.x)
p = P()
p.x = 5
print(P.__dict__["x"].__get__(p), sorted(vars(type("Q", (), {"a": 1}))))
try:
    P.__dict__["z"] = 1
except TypeError as e:
    print(type(e).__name__, e)
