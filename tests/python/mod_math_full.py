# math: every function of CPython 3.11's math module, special values and error messages
import math
inf, nan = math.inf, math.nan
print(sorted(n for n in dir(math) if not n.startswith('_')))
vals = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 10.0, -3.5, 1e300, -1e300, 1e-300, inf, -inf, nan, 7, -7, 2**70, True]
one = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh',
       'asinh', 'acosh', 'atanh', 'fabs', 'degrees', 'radians', 'gamma', 'lgamma', 'ceil', 'floor', 'trunc', 'isfinite', 'isinf', 'isnan',
       'modf', 'frexp', 'ulp', 'cbrt']
for name in one:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
two = ['atan2', 'pow', 'copysign', 'fmod', 'remainder', 'nextafter', 'ldexp', 'hypot', 'log', 'dist2']
vals2 = [0.0, -0.0, 1.0, -2.5, 3, inf, -inf, nan, 1e308]
for name in two:
    f = (lambda a, b: math.dist((a, 1), (b, -1))) if name == 'dist2' else getattr(math, name)
    out = []
    for a in vals2:
        for b in vals2:
            if name == 'ldexp':
                b = int(b) if b == b and abs(b) != inf and abs(b) < 2000 else 5
            try:
                out.append(repr(f(a, b)))
            except Exception as e:
                out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
print(math.gcd(), math.gcd(12), math.gcd(12, 18, 30), math.gcd(-4, 6), math.gcd(2**100, 2**60 * 3), math.gcd(0, 0))
print(math.lcm(), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2**70, 3))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10**40), math.isqrt(True), math.comb(10, 3), math.comb(5, 7), math.comb(100, 50))
print(math.perm(5), math.perm(5, 2), math.perm(5, 9), math.perm(30, 10))
print(math.factorial(20), math.factorial(0), math.factorial(30))
print(math.prod([1, 2, 3]), math.prod([]), math.prod([1.5, 2], start=2), math.prod(range(1, 10)), math.prod([2, 3.0]))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([inf, 1]), math.fsum(range(5)))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.hypot(), math.hypot(3, 4, 12), math.hypot(-inf, nan), math.hypot(1e308, 1e308))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan), math.isclose(1, 1.05, rel_tol=0.1))
print(math.frexp(0.0), math.frexp(1e-310), math.ulp(1.0), math.ulp(0.0), math.ulp(1e308), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0))
print(math.log(8, 2), math.log(100, 10), math.log(2**2000), math.log10(2**3000), math.log2(2**1100), math.log1p(1e-20))
class F:
    def __floor__(self): return 'fl'
    def __ceil__(self): return 'ce'
    def __trunc__(self): return 'tr'
class G:
    def __float__(self): return 2.25
class I:
    def __index__(self): return 12
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.sqrt(G()), math.gcd(I(), 8), math.factorial(I()))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2**70), type(math.floor(1e20)).__name__, math.floor(True))
errs = ['math.factorial(-1)', 'math.factorial(2.0)', 'math.isqrt(-1)', 'math.comb(-1, 2)', 'math.perm(3, -1)', 'math.gcd(1.5)', 'math.sqrt("x")',
        'math.fsum([inf, -inf])', 'math.fsum([1e308, 1e308])', 'math.dist((1,), (1, 2))', 'math.ldexp(1.0, 1.5)', 'math.ldexp(1.0, 10000)',
        'math.log(0)', 'math.log(-1)', 'math.log(10, 1)', 'math.pow(0, -1)', 'math.pow(-1, 0.5)', 'math.exp(1000)', 'math.trunc("x")',
        'math.floor("x")', 'math.isclose(1, 2, rel_tol=-1)', 'math.prod(["a", "b"])', 'math.comb(5)', 'math.fmod(1, 0)', 'math.remainder(1, 0)',
        'math.gamma(0)', 'math.gamma(-1)', 'math.lgamma(-2)', 'math.gamma(200)', 'math.atanh(1)', 'math.acosh(0)', 'math.factorial(10**20)',
        'math.cosh(1000)', 'math.log2(-2**3000)', 'math.sqrt(2**2000)', 'math.sqrt(-1)', 'math.nextafter(1)', 'math.hypot("a")', 'math.ceil(nan)', 'math.floor(inf)']
for e in errs:
    try:
        print(e, eval(e))
    except Exception as ex:
        print(e, type(ex).__name__, ex)
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
