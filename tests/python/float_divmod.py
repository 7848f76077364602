# Checks float floor division, modulo and divmod with negative operands, signed zeros, and infinities.
pairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1.0, 0.3), (-1.0, 0.3), (0.0, 3.0), (-0.0, 3.0),
         (0.0, -3.0), (5.0, 0.5), (1e20, 3.0), (3.0, 1e20), (-3.0, 1e20), (6, 1.5), (-1e-10, 1.0)]
for a, b in pairs:
    print(a, b, "|", a // b, a % b, divmod(a, b))
inf = float("inf")
print(5.0 % inf, -5.0 % inf, 5.0 // inf, -5.0 // inf, divmod(5.0, inf), divmod(-5.0, inf))
print(inf // 1.0, inf % 1.0, (-inf) / 2)
print(7 // 2.0, 7 % 2.5, -7 % 2.5, 7.0 // -2, 2 ** 0.5 // 0.1)
print(0.1 % 0.01, 1.1 // 0.1, 1.1 % 0.1, 10 % 0.1)
print(-0.0 % 5.0, 0.0 % -5.0, -0.0 // 1.0, 0.0 // -1.0)
print(abs(-7.5 % 2), (-7.5) % 2 + 2 * ((-7.5) // 2))
print(3.0 / 2, -3.0 / 2, 1.0 / 3.0, 1 / -0.5, -1.0 / inf)
print(10.0 // 3, 10.0 % 3, divmod(10.0, 3), divmod(-10.0, 3), divmod(10, -3.0))
