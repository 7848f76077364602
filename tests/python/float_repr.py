# Checks float repr/str shortest round-trip output and the switch between fixed and exponent notation.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 0.0, -0.0, 100.0, 1e15, 1e16, 1e17,
        123456789012345678.0, 1e22, 1e-4, 1e-5, 0.0001234, 0.00001234, 1.5e+300, 1.5e-300,
        5e-324, 1.7976931348623157e308, 2.5, 3.14159, 1e100, 12345.6789, 9007199254740993.0,
        0.3, 1.1 * 1.1, 100.0 / 3, 4.35, 0.1 * 3, 1e16 + 1, 2 ** 0.5, 1e-7, 123e-10]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"), float("inf") * 0)
print(repr(float("nan")), str(-float("nan")))
print([0.1, -0.0, 1e16], (1.5,), {"k": 2.0})
print(1e16 == 10 ** 16, 1e16, 10.0 ** 16, float(10 ** 16))
print(0.1 + 0.7, 0.1 * 0.1, 1 - 0.9, 3 * 0.1 == 0.3, round(3 * 0.1, 10) == 0.3)
print(1.0 * 7, 7 / 2, 2 ** -10, 10 ** -10, 1 / 1024)
print(float(1), float(-5), float(2 ** 63), float(2 ** 64 + 1), float(10 ** 22), float(10 ** 23))
print(123456.0, 1234567.0, 1e6, 1e7, 0.5e-3, -2.5e-8)
print(f"{0.1}", f"{1e16}", f"{-0.0}", str(1e-5), "%s" % 1e-5, "%r" % 0.1)
print(sum([0.1] * 10), 0.1 * 10)
x = 0.0
for _ in range(10):
    x += 0.1
print(x, x == 1.0)
print(float.__repr__(2.0), (2.0).__str__())
