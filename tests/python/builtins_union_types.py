# Checks X | Y on classes (types.UnionType): repr, __args__, flattening, dedup, equality, isinstance/issubclass, errors.
u = int | str
print(u, type(u).__name__, u.__args__, int | None, None | int, (int | str) | float, int | int)
print(u == (str | int), u == (int | float), hash(u) == hash(str | int), (int | str | int).__args__)
print(isinstance(3, u), isinstance("s", u), isinstance(3.5, u), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str), isinstance(3, (float, int | str)))
class A:
    pass
class B(A):
    pass
print(A | B, isinstance(B(), A | None), list | dict)
for bad in (lambda: int | 3, lambda: 3 | int, lambda: "a" | int):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
