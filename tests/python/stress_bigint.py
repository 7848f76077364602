# Stress: big integer arithmetic - factorial(2000) digit sum, 2**10000 % 1000007, big powers, division, string conversion and the 4300-digit str limit.
import math

def to_decimal(n):
    # str() refuses ints above 4300 digits in 3.11, so convert in chunks of 1000 digits via divmod
    chunks = []
    while n >= 10 ** 1000:
        n, low = divmod(n, 10 ** 1000)
        chunks.append(str(low).zfill(1000))
    chunks.append(str(n))
    return "".join(reversed(chunks))

f2000 = math.factorial(2000)
s = to_decimal(f2000)
print("digits of 2000!:", len(s), "digit sum:", sum(map(int, s)), "trailing zeros:", len(s) - len(s.rstrip("0")))
prod = 1
for i in range(2, 2001):
    prod *= i
print("loop factorial matches:", prod == f2000)
print("2**10000 % 1000007 =", 2 ** 10000 % 1000007, "pow:", pow(2, 10000, 1000007))
big = 3 ** 5000
print("3**5000 digits:", len(str(big)), "first:", str(big)[:20], "last:", str(big)[-20:])
print("big // 7**1000 digits:", len(str(big // 7 ** 1000)), "remainder mod 1e9+7:", (big % 7 ** 1000) % (10 ** 9 + 7))
print("round trip:", int(str(big)) == big, int(hex(big), 16) == big, int(bin(big)[2:], 2) == big)
a = 10 ** 1000 + 12345
b = 10 ** 999 - 6789
q, r = divmod(a * b + 17, b)
print("divmod check:", q == a, r, (a * b + 17) == q * b + r)
print("negative floor:", (-a) // b == -(a // b) - 1, (-a) % b == b - a % b)
fib_a, fib_b = 0, 1
for _ in range(5000):
    fib_a, fib_b = fib_b, fib_a + fib_b
print("fib(5000) digits:", len(str(fib_a)), "mod 10**9:", fib_a % 10 ** 9)
x = 2 ** 4423 - 1
print("bit length of M4423:", x.bit_length(), "popcount:", bin(x).count("1"), "mod 2**64:", x % 2 ** 64 == 2 ** 64 - 1)
print("gcd of big numbers:", math.gcd(f2000, 2 ** 3000) == 2 ** sum(2000 // 2 ** k for k in range(1, 12)))
acc = 1
for k in range(1, 300):
    acc = acc * (2 ** k + 1) % (10 ** 50 + 151)
print("modular product:", acc)
print("shift round trip:", (big << 12345) >> 12345 == big, (-big) >> 3 == -((big + 7) // 8))
try:
    str(f2000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("7" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print("4300 digits is still fine:", len(str(10 ** 4299)), int("9" * 4300) % 1000)
print("chunked conversion agrees:", to_decimal(3 ** 5000) == str(3 ** 5000), to_decimal(0), to_decimal(10 ** 1000) == "1" + "0" * 1000, to_decimal(10 ** 2500 - 1) == "9" * 2500)
