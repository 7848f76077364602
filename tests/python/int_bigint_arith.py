# Checks arbitrary-precision integer arithmetic: huge add/sub/mul/div, sign handling, comparisons and str round trips.
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a * -b)
print(a // 12345678901234567890, a % 12345678901234567890)
print(b // -a, b % -a)
print(-b // a, -b % a)
print((a * b) // b == a, (a * b) % b)
print(a > b, a < b, a == 2 ** 200, -a < -b)
print(10 ** 50 + 1 - 10 ** 50, (10 ** 50 + 1) * (10 ** 50 - 1) == 10 ** 100 - 1)
n = int("9" * 100)
print(n + 1 == 10 ** 100, len(str(n)), str(n * n)[:20], str(n * n)[-20:])
print(int(str(a * b)) == a * b)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1)
print((2 ** 64) * (2 ** 64) == 2 ** 128, 2 ** 128)
print(abs(-a) == a, -(-a) == a, +a == a)
print(sum(range(10 ** 6)) , sum(i * i for i in range(1000)))
print(12345678901234567890123456789 * 98765432109876543210987654321)
print(-7 * 10 ** 30 // 3, -7 * 10 ** 30 % 3)
print(divmod(10 ** 40, 7 ** 20))
print(divmod(-(10 ** 40), 7 ** 20))
x = 1
for i in range(1, 60):
    x = x * i + 1
print(x)
print(max(a, b), min(a, b) == a, sorted([b, a, 0, -a]) == [-a, 0, a, b])
print(a / 2 ** 190, b / b, (10 ** 30) / (10 ** 10))
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(hex(a), hex(-b)[:30])
mersenne = 2 ** 127 - 1
print(mersenne, mersenne % 1000000007)
