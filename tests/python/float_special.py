# Checks inf and nan arithmetic/comparison rules, signed zero behaviour, and containers holding nan.
import math
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / inf, 1 / inf, -1 / inf, inf + inf, inf * inf)
print(inf > 1e308, -inf < -1e308, inf == inf, -inf == -inf, inf == -inf, inf > nan, inf < nan)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 0, nan is nan)
print(nan + 1, nan * 0, nan - nan, max(1, nan), max(nan, 1), min(nan, 5), min(5, nan))
print(sorted([3.0, 1.0, 2.0]), math.isnan(sum([1.0, nan])))
lst = [nan]
print(nan in lst, lst.count(nan), lst.index(nan), [nan] == [nan], (nan,) == (nan,))
other_nan = float("nan")
print(other_nan in lst, [other_nan] == [nan])
d = {nan: "value"}
print(d[nan], other_nan in d, len({nan, nan, other_nan}))
print(0.0 == -0.0, str(-0.0), -0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1, -0.0 / 1, abs(-0.0))
print(1 / inf, -1 / inf, 0.0 * -5, -(0.0), -0.0 == 0, math.sqrt(-0.0), str(-0.0 * 0))
print(1e308 * 10, -1e308 * 10, 1e-320, 1e-320 / 1e10, 2.0 ** 1023 * 2)
print(math.isinf(inf), math.isinf(nan), math.isnan(nan), math.isnan(inf), math.isinf(1e308))
print(float("inf") == math.inf, -math.inf, type(math.inf).__name__)
print(int(1e308) > 10 ** 307)
try:
    round(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(-inf)
except OverflowError as e:
    print(type(e).__name__, e)
print(inf ** 0, nan ** 0, 1 ** nan, 1.0 ** inf, (-1.0) ** inf, 0.5 ** inf, 2.0 ** -inf, inf ** -1)
print(math.isnan(inf % 5.0), math.isnan(inf // 5.0), 5.0 // -inf, 5.0 % -inf)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0))
print(divmod(-0.0, 1.0), (-0.0).as_integer_ratio(), (-0.0).is_integer(), repr(-0.0 // 1))
