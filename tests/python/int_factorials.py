# Checks huge integer computations: factorials (loop and math.factorial), binomials, digit sums, gcd, and int<->str of big values.
import math

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(fact(20), fact(25))
f100 = fact(100)
print(f100)
print(len(str(f100)), sum(int(d) for d in str(f100)), str(f100).count("0"))
print(f100 == math.factorial(100), math.factorial(0), math.factorial(1))
f500 = math.factorial(500)
print(len(str(f500)), str(f500)[:30], f500 % (10 ** 9 + 7))
trailing = len(str(f500)) - len(str(f500).rstrip("0"))
print("trailing zeros of 500!", trailing)

def binom(n, k):
    return fact(n) // (fact(k) * fact(n - k))
print(binom(10, 3), binom(50, 25), binom(100, 50))
print([binom(6, k) for k in range(7)])
row = [1]
for _ in range(20):
    row = [a + b for a, b in zip([0] + row, row + [0])]
print(row[:6], sum(row) == 2 ** 20)

print(math.gcd(f100, 2 ** 200), math.gcd(12, 18), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(17, 31))
print(math.gcd(fact(30), fact(20)) == fact(20))
catalan = [binom(2 * n, n) // (n + 1) for n in range(15)]
print(catalan)
def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
f1000 = fib_pair(1000)
print(len(str(f1000)), str(f1000)[:15], f1000 % 1000000)
print(int(str(2 ** 256)[::-1]) % 97, fact(200) // fact(198) == 200 * 199)
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__, e)
