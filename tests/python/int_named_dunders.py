# Checks int/float/complex methods and dunders called by name, int subclasses using super() dunders, float parsing of bytes, and complex() construction.
print(int.__add__(1, 2), (5).__mul__(2), (5).__rsub__(2), int.__add__(1, 2.0), (7).__divmod__(2), (-7).__rdivmod__(2))
print((2).__pow__(10), (2).__pow__(10, 7), (3).__truediv__(2), (7).__floordiv__(-2), (7).__mod__(-2), (1).__lshift__(70), (6).__and__(3), (6).__or__(3), (6).__xor__(3))
print((5).__eq__(5), (5).__lt__(3), (5).__ge__(5), (5).__eq__(5.0), (5).__ne__("5"), (1).__neg__(), (-5).__abs__(), (5).__invert__(), (0).__bool__(), (5).__pos__())
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count(), (10 ** 30).bit_length())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True), (5).to_bytes(), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes([1, 2]), int.from_bytes(b"\x80", "big", signed=True))
print((7).as_integer_ratio(), (7).conjugate(), (7).__index__(), (7).__float__(), (7).__round__(), (1234).__round__(-2), (1250).__round__(-2), (7).__trunc__(), (7).__floor__(), (7).__ceil__())
print(True.__add__(1), True.as_integer_ratio(), True.conjugate(), repr(True.__int__()), (10 ** 20).__hash__() == hash(10 ** 20))
for bad in [lambda: (1).to_bytes(1, "middle"), lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: int.__add__("a", 1), lambda: (1).__add__(), lambda: (1).to_bytes(-1, "big")]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

class MyInt(int):
    def __add__(self, other):
        return MyInt(super().__add__(other))
    def __repr__(self):
        return f"MyInt({int(self)})"
a = MyInt(5)
print(a + 3, 3 + a, a * 2, a - 1, -a, abs(MyInt(-3)), a < 6, hash(a) == hash(5), int(a), float(a), type(int(a)).__name__)
print(MyInt.from_bytes(b"\x01", "big"), type(MyInt.from_bytes(b"\x01", "big")).__name__, a.bit_length(), a.to_bytes(1, "big"), a.__index__())

print((1.5).__add__(2), (1.5).__radd__(2), float.__mul__(2.0, 3.0), (1.5).__add__("x"), (7.5).__divmod__(2), (2.0).__pow__(3), (2.0).__rpow__(3), (1.5).__eq__(1.5), (1.5).__lt__(2))
print((2.5).is_integer(), (2.0).is_integer(), float("inf").is_integer(), (0.1).as_integer_ratio(), (-0.75).as_integer_ratio(), (2.5).hex(), (-0.0).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), (2.5).conjugate())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (2.7).__trunc__(), (-2.7).__floor__(), (-2.7).__ceil__(), (2.7).__int__(), (-0.0).__abs__(), (2.0).__bool__(), (1.5).__neg__(), (1.5).__float__())
print(float("nan"), float("-inf"), float(b"1.5"), float(" 2.5 "), float("1e3"), float("-0"), float(b" 7 "))
for bad in [lambda: float(b"x"), lambda: float("1.5x"), lambda: float.fromhex("zz"), lambda: float("inf").as_integer_ratio(), lambda: float("nan").__int__(), lambda: (1.5).__pow__(2, 3)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

print(complex(), complex(1), complex(1, 2), complex("1+2j"), complex("(3-j)"), complex("-1.5e3-2.5e-1j"), complex("j"), complex("-j"), complex("inf"), complex("nanj"), complex(real=3, imag=4), complex(imag=2))
print(complex(1j, 1j), complex(1, -0.0), complex(-0.0, 0j), complex(2.5), complex("  7  "), complex("1e-3j"), complex("1_0j"), complex(True))
for bad in ["1+", "abc", "1 + 2j", "", "j1", "1+2jj", "()", "1e+j"]:
    try:
        print(complex(bad))
    except ValueError as e:
        print(repr(bad), e)
for bad in [lambda: complex([]), lambda: complex(1, "2"), lambda: complex("1", 2), lambda: complex(1, [])]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
z = 3 + 4j
print(z.conjugate(), abs(z), z.__abs__(), z.__add__(1), z.__radd__(1), z.__mul__(2j), z.__eq__(3 + 4j), z.__lt__(1), (1j).__pow__(2), z.__neg__(), z.__bool__(), complex.__truediv__(z, 2), hasattr(z, "__floordiv__"))
class C:
    def __complex__(self):
        return 2 + 3j
class F:
    def __float__(self):
        return 1.25
print(complex(C()), complex(C(), 1), complex(F()), float(F()))
