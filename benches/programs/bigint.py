# Big-integer arithmetic: pi digits via a spigot, and digit sums of a factorial.
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


digits = pi_digits(2500)
head = ""
for d in digits[:50]:
    head += str(d)
print(head)
print(sum(digits))

f = 1
for i in range(2, 6001):
    f *= i
# str() of huge ints is capped at 4300 digits on CPython: convert in chunks.
chunks = []
base = 10 ** 1000
while f:
    f, low = divmod(f, base)
    chunks.append(low)
s = str(chunks[-1])
for c in chunks[-2::-1]:
    part = str(c)
    s += "0" * (1000 - len(part)) + part
print(len(s), sum(int(c) for c in s), s[:20])
