# Checks set operators (| & - ^ and comparisons) and printing of small-int sets, whose iteration order is deterministic.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, a < a, a <= a, {1, 2} < a, a > {1}, a >= a, a == {4, 3, 2, 1}, a != b)
print({3, 1, 2}, {10, 5, 0, 7}, set(range(10, 0, -1)), {0, 8, 16, 32}, set([5, 5, 5, 1]))
print({1, 2} | set(), set() & a, set() - a, a - set(), set(), set() == set(), {()} == {()})
c = a.copy()
c |= {9}
print(c)
c &= {1, 2, 9, 100}
print(c)
c -= {2}
print(c)
c ^= {1, 50}
print(c)
print(len(a), 3 in a, 7 in a, 7 not in a, sum(a), max(a), min(b), sorted(a ^ b, reverse=True))
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1} < [1]
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} == frozenset({1, 2}), {1, True, 1.0}, {0, False, 0.0, -0.0}, {1, 2} == {1.0, 2.0})
print(set("mississippi") == {"m", "i", "s", "p"}, sorted(set("mississippi")))
print({-1, -2, 3}, {100, 1, 10}, {7} | {3} | {5})
primes = {2, 3, 5, 7, 11, 13}
odds = set(range(1, 15, 2))
print(primes & odds, primes - odds, odds - primes, (primes | odds) - (primes & odds))
