# Checks that dir() of builtin types lists their public methods and layout attributes (real, start, ...).
for t in (int, float, str, bytes, list, tuple, dict, set, frozenset, range, complex, bytearray, object, type, slice):
    print(t.__name__, sorted(n for n in dir(t) if not n.startswith("_")))
print((5).real, (5).imag, True.numerator, (2.5).real, (1+2j).imag, range(1, 5, 2).step, slice(1, 2).start, (2**70).denominator)
print(int.real, type(float.__dict__["imag"]).__name__)
class I(int):
    pass
print(I(3).real, type(I(3).real).__name__, (-0.0).real)
print(range(3).__len__(), range(5).__getitem__(-1), range(3).__contains__(2), list(range(3).__reversed__()))
print(list.__repr__([1]), dict.__repr__({1: 2}), float.__format__(2.5, ".2f"), {1: 2}.keys().__le__({1, 3}))
