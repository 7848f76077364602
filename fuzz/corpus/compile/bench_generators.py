# Generator / comprehension pipeline: yield, generator expressions, next, all.
def naturals(start):
    n = start
    while True:
        yield n
        n += 1


def take(n, it):
    for _ in range(n):
        yield next(it)


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    return all(n % d for d in range(3, int(n ** 0.5) + 1, 2))


def primes():
    return (n for n in naturals(2) if is_prime(n))


ps = list(take(12000, primes()))
gaps = [ps[i + 1] - ps[i] for i in range(len(ps) - 1)]
twin = sum(1 for g in gaps if g == 2)
squares = {p % 100: p * p for p in ps}
evens = [x for x in (y * 3 for y in range(200000)) if x % 2 == 0]
print(ps[-1], max(gaps), twin, len(squares), sum(evens) % 1000003)
