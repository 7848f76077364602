# Big-int //, %, divmod and >> where the quotient is small (a fast path) or large, all sign combinations.
base = 3 ** 200 + 12345
vals = [base * q + r for q in (0, 1, 2, 7, 2 ** 40 + 3, 2 ** 59 - 1) for r in (0, 1, base - 1, base // 3)]
vals += [2 ** 300, 2 ** 300 - 1, 10 ** 100 * (3 ** 210)]
for a in vals:
    for b in (base, base + 1, 3 ** 205, 2 ** 256, 2 ** 129 + 1):
        for sa in (1, -1):
            for sb in (1, -1):
                x, y = sa * a, sb * b
                q, r = divmod(x, y)
                assert q == x // y and r == x % y, (x, y)
                assert q * y + r == x and (r == 0 or (r > 0) == (y > 0)) and abs(r) < abs(y)
print(sum(divmod(a, base)[0] for a in vals) % 1000003, sum(a % base for a in vals) % 1000003)
print([(-a // base) % 1000 for a in vals[:8]], [(a % -base) % 997 for a in vals[:8]])
for s in (0, 1, 40, 63, 64, 65, 200, 1000):
    print(s, (vals[5] >> s) % 1000003, (-vals[5] >> s) % 1000003, (-(2 ** 300) >> s) % 1000003)
print(-1 >> 5, -(2 ** 70) >> 70, -(2 ** 70) - 1 >> 70, (2 ** 70 + 5) >> 3)
# The spigot pattern: one-digit quotients of numbers thousands of bits long.
q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
out = []
while len(out) < 300:
    if 4 * q + r - t < m * t:
        out.append(m)
        q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
    else:
        q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
print("".join(map(str, out[:60])), sum(out))
