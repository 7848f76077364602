# Checks float methods and attributes: is_integer, as_integer_ratio, real/imag/conjugate, int conversion, and math helpers.
import math

for v in (0.0, 1.0, -2.0, 2.5, 1e300, 0.1, -0.75, 1e-300):
    print(repr(v), v.is_integer(), v.as_integer_ratio() if 1e-20 < abs(v) < 1e20 or v == 0 else "extreme")
print((1e300).as_integer_ratio()[1], len(str((1e300).as_integer_ratio()[0])))
print((0.1).as_integer_ratio())
print(float("inf").is_integer(), float("nan").is_integer())
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
x = 3.75
print(x.real, x.imag, x.conjugate(), int(x), int(-x), float(x) is x or float(x) == x)
print(math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2), math.floor(5), math.ceil(-0.0))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-1e20))
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e-300))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(math.pi, math.inf, -math.inf, math.isinf(math.inf), math.isnan(math.inf - math.inf))
print(math.isnan(float("nan")), math.isnan(1.0), math.isinf(-1e308 * 10), math.isinf(1e308))
print(round(math.pi, 5), math.pi * 2, math.floor(math.pi * 1000) / 1000)
print(int(1e15), int(1.9999999999999999), int(-0.9), int(2 ** 52 + 0.5))
print(abs(-2.5), abs(-0.0), abs(float("-inf")), max(1.5, 2), min(-0.0, 0.0), max(0.0, -0.0))
print(sum([0.1] * 3), sum([1e100, 1.0, -1e100]), 1e100 + 1.0 - 1e100)
print(divmod(7.5, 2), divmod(-7.5, 2), pow(2.0, 3), pow(2.0, -1), 2.0 ** 0.5)
print(math.gcd(12, 8), math.factorial(10) / 3)
