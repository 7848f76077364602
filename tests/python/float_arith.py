# Checks mixed int/float arithmetic and comparisons, exactness of int-float comparison with big ints, accumulation and conversions.
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 7 / 2, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print(type(1 + 2.0).__name__, type(2 * 3).__name__, type(6 / 3).__name__, type(6 // 3.0).__name__)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15, 0.5 + 0.25 == 0.75)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 < 2.0 ** 53 + 2)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"), 10 ** 400 == float("inf"))
print(1 == 1.0, 1 < 1.5, 2 > 1.99999, -1 < -0.5, 0 == -0.0, 9007199254740993 == 9007199254740992.0)
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), sorted([2, 1.5, 1, 0.5, True]))
total = 0.0
for i in range(1, 101):
    total += 1 / i
print(total)
print(sum(1 / (i * i) for i in range(1, 1001)))
print(1e16 + 1 - 1e16, 1e16 + 2 - 1e16, (1e16 + 1) - 1e16)
print(1.5 * 2 == 3, 3 * (1 / 3), 49 * (1 / 49), 0.1 * 3, 0.3 / 0.1, 0.3 // 0.1)
print(100 * 1.1, 1.1 + 2.2, 3.3 - 1.1, 1.23 * 100, 4.35 * 100, 0.57 * 100)
print(float(2 ** 1023) * 1.5, 2.0 ** -1074, 2.0 ** -1075, (2.0 ** -1074) / 2)
print(int(0.1 * 3 * 10), int(2.9999999999999996), int(2.99999999999999999))
print(12.5 * 8, 0.1 ** 2, 1e-3 * 1e3, 3.0 * 10 ** 20, 10 ** 20 * 3.0 == 3e20)
x = 1.0
for _ in range(60):
    x /= 2
print(x, x * 2 ** 60)
print(round(sum([0.1] * 10), 12), 7.0 // 0.7, 7.0 % 0.7)
print(5 / 3 * 3, 5 * 3 / 3, (1 + 1e-16) - 1, (1 + 2e-16) - 1)
print(abs(-3.5), -(-3.5), +(-3.5), pow(-2.0, 2), pow(-2.0, 3), (-0.5) ** 2)
