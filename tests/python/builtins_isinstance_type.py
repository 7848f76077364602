# Checks type(), isinstance/issubclass with tuples and nested tuples, bool/int relation, and type names of builtin values.
values = [1, 1.5, 1j, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), None, True, range(1), slice(1), len, print, type, object(), ...]
for v in values:
    t = type(v)
    print(t.__name__, isinstance(v, t), isinstance(v, object), isinstance(v, (int, str)))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, (float, int))))
print(type(type), type(object), type(int), isinstance(int, type), isinstance(type, object), issubclass(type, object))
print(type(None).__name__, type(NotImplemented).__name__, type(Ellipsis).__name__, type(print).__name__, type(len).__name__)
class A: pass
class B(A): pass
b = B()
print(type(b) is B, type(b) is A, isinstance(b, A), isinstance(b, (int, A)), type(b) == B, type(b).__name__)
print(issubclass(B, A), issubclass(A, B), issubclass(B, (int, str)), issubclass(B, object), issubclass(A, A))
print(isinstance(b, ()), issubclass(B, ()))
T = type(3)
print(T("42") + 1, type("x")(5), type([])((1, 2)), type(b)().__class__.__name__)
print(type(1) == type(2), type(1) == type(1.0), type([]) is list, type({}) is dict, type(()) is tuple)
try:
    isinstance(1, int, float)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(B(), A)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None), int | str)
