# Checks the math module: constants, float functions and their domain/range errors, exact integer functions, fsum, prod, hypot/dist, floor/ceil/trunc dispatch.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.5), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.factorial(20), math.gcd(12, 18), math.gcd(), math.lcm(4, 6), math.lcm(), math.isqrt(17), math.isqrt(10**40))
print(math.pow(2, 10), math.exp(1), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000), math.log(math.e))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, 2))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.degrees(math.pi), math.radians(180))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1))
print(math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.5), math.modf(-3.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2), math.comb(10, 3), math.perm(5, 2), math.perm(5), math.dist((0, 0), (3, 4)))
print(math.log(10**400), math.log2(2**2000), math.log10(10**500))
print(math.gamma(5.5), math.lgamma(10.5), math.gamma(0.5), math.remainder(7, 2), math.remainder(5, 2))
print(math.expm1(1e-10), math.log1p(1e-10), math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.floor(10**30), math.ceil(True), math.floor(-0.5), math.ceil(-0.5))
for f, a in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.factorial, (-1,)), (math.factorial, (1.5,)), (math.exp, (1000,)), (math.pow, (0, -1)), (math.pow, (-1, 0.5)), (math.pow, (10, 400)), (math.acos, (2,)), (math.sqrt, ("x",)), (math.floor, (math.inf,)), (math.floor, (math.nan,)), (math.isqrt, (-1,)), (math.comb, (-1, 2)), (math.ldexp, (1.0, 5000)), (math.fmod, (1, 0)), (math.sin, (math.inf,)), (math.log, (1, 1)), (math.dist, ((1,), (1, 2))), (math.gcd, (1.5,)), (math.isclose, (1, 2, -1))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
print(math.floor(3), type(math.floor(3.7)), math.ceil(3.2), math.trunc(3.9))
class F:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.sqrt(F()))
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(0.0, 0), math.pow(math.nan, 0), math.pow(1, math.nan))
print(math.hypot(), math.hypot(-5), math.hypot(math.inf, math.nan), math.fsum([math.inf, 1]), math.fsum([]))
print(math.sqrt(10**100), math.isqrt(0), math.comb(100, 50), math.perm(10, 0), math.factorial(0))
