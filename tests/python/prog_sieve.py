# Larger program: prime sieves (Eratosthenes with bytearray, segmented), factorisation, Goldbach pairs, twin primes and prime gaps.
def sieve(n):
    if n < 2:
        return []
    is_prime = bytearray([1]) * (n + 1)
    is_prime[0] = is_prime[1] = 0
    i = 2
    while i * i <= n:
        if is_prime[i]:
            is_prime[i * i::i] = bytearray(len(range(i * i, n + 1, i)))
        i += 1
    return [k for k in range(n + 1) if is_prime[k]]

def segmented(lo, hi, base):
    marks = [True] * (hi - lo)
    for p in base:
        if p * p >= hi:
            break
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi, p):
            marks[m - lo] = False
    return [lo + i for i, ok in enumerate(marks) if ok and lo + i > 1]

primes = sieve(100000)
print(len(primes), primes[:15], primes[-3:], sum(primes) % 1000000007)
print(sieve(1), sieve(2), sieve(10), len(sieve(1000)))
base = sieve(1000)
print(segmented(999900, 1000000, base))
print(segmented(0, 30, base) == sieve(29))

def factorize(n):
    factors = {}
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            factors[p] = factors.get(p, 0) + 1
            n //= p
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors

for n in (2, 60, 97, 360, 1001, 65536, 999999, 600851475143, 2 ** 31 - 1, 10 ** 12 + 39):
    f = factorize(n)
    print(n, "=", " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items())))

prime_set = set(primes)
def goldbach(n):
    for p in primes:
        if n - p in prime_set:
            return p, n - p
print([goldbach(n) for n in range(4, 40, 2)])
twins = [(p, p + 2) for p in primes if p + 2 in prime_set]
print(len(twins), twins[:8], twins[-1])
gaps = {}
for a, b in zip(primes, primes[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:10])
max_gap = max(zip(primes, primes[1:]), key=lambda ab: ab[1] - ab[0])
print("largest gap below 100000:", max_gap, max_gap[1] - max_gap[0])
def phi(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result
print([phi(n) for n in range(1, 21)], sum(phi(n) for n in range(1, 101)))
