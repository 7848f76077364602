# random: seeded Mersenne Twister sequences match CPython (int/float/str/bytes seeds, all methods)
import random
for s in [0, 1, 42, 2**40 + 7, -5, 12345678901234567890, 2**200 + 3, 3.5, -0.25, "hello", "", b"abc", bytearray(b"xy"), True]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(1), random.getrandbits(5), random.getrandbits(32), random.getrandbits(33), random.getrandbits(70))
    print(' ', random.randrange(10), random.randrange(5, 500), random.randrange(0, 100, 7), random.randrange(100, 0, -3), random.randint(1, 1000), random.randint(-2**70, 2**70))
    l = list(range(10))
    random.shuffle(l)
    print(' ', l, random.choice('abcdef'), random.choice(range(1000)))
    print(' ', random.choices(range(100), k=3), random.choices('abc', weights=[1, 2, 3], k=4), random.choices('xyz', cum_weights=[1, 5, 6], k=3))
    print(' ', random.sample(range(100), 5), random.sample(range(10**6), 3), random.sample(['a', 'b', 'c'], 3), random.sample('abcdef', 2, counts=[1, 2, 3, 1, 1, 1]))
    print(' ', random.uniform(1, 5), random.gauss(0, 1), random.gauss(), random.normalvariate(2, 3), random.expovariate(1.5))
    print(' ', random.triangular(0, 10, 2), random.triangular(), random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(3, 2))
    print(' ', random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(2), random.weibullvariate(1, 2), random.randbytes(6))
# long runs: many draws cross the 624-word regeneration boundary
random.seed(2024)
print(sum(random.getrandbits(32) for _ in range(2000)), [random.random() for _ in range(3)])
# instances have independent state
r1 = random.Random(7)
r2 = random.Random(7)
print(r1.random() == r2.random(), r1.randrange(0, 100, 7), r1.randbytes(5))
r2.random()
print(r1.random() == r2.random())
st = r1.getstate()
a = [r1.random() for _ in range(5)]
r1.setstate(st)
print(a == [r1.random() for _ in range(5)], st[0], len(st[1]), st[2])
r1.seed(99)
r3 = random.Random()
r3.setstate(r1.getstate())
print(r1.random() == r3.random())
# subclasses
class Half(random.Random):
    def random(self):
        return 0.5
h = Half(3)
print(h.random(), h.choice([1, 2, 3]), h.randrange(100), h.uniform(0, 10), h.choices('abcd', k=2))
class Bits(random.Random):
    def getrandbits(self, k):
        return 0
print(Bits(1).randrange(10), Bits(1).choice('xyz'))
class Plain(random.Random):
    pass
p = Plain(5)
random.seed(5)
print(p.random() == random.random(), isinstance(p, random.Random))
# seed() without argument gives a working generator
random.seed()
x = random.random()
print(0.0 <= x < 1.0)
for bad in ['random.randrange(0)', 'random.randrange(5, 5)', 'random.randrange(1, 10, 0)', 'random.choice([])', 'random.getrandbits(-1)',
            'random.sample(range(3), 5)', 'random.sample({1, 2}, 1)', 'random.choices("ab", [1])', 'random.seed([1])',
            'random.choices("ab", weights=[1, 1], cum_weights=[1, 2])', 'random.choices("ab", weights=[0, 0])']:
    try:
        print(bad, eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
