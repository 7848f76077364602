# Checks floor division and modulo semantics with negative operands, divmod consistency, and int true division.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3), (1, 10), (-1, 10), (10, 1), (-10, -1)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(f"{a:>3} {b:>3} | // {a // b:>3} % {a % b:>3} | divmod {q, r} | check {q * b + r == a} | / {a / b}")

# remainder always has the sign of the divisor
print([x % 4 for x in range(-6, 7)])
print([x % -4 for x in range(-6, 7)])
print([x // 4 for x in range(-6, 7)])
print([x // -4 for x in range(-6, 7)])

# big values
big = 10 ** 30 + 7
print(big // 3, big % 3, -big // 3, -big % 3, big // -3, big % -3)
print(divmod(-big, 10 ** 15))
print(divmod(2 ** 100, -(2 ** 50 + 1)))

# true division of ints gives correctly rounded floats
print(1 / 3, 2 / 3, 10 / 4, -10 / 4, 10 ** 20 / 3, 1 / 7)
print(7 / 7, type(7 / 7).__name__, 0 / 5, -0 / 5)
print((10 ** 400) // (10 ** 399), (10 ** 400) / (10 ** 399))
print(123456789 * 987654321 // 987654321)
print(-1 // 2, -1 % 2, 1 // -2, 1 % -2)
print(True // 2, True % 2, 5 // True, 5 % True)
print(sum(x % 7 for x in range(-100, 100)), sum(x // 7 for x in range(-100, 100)))
