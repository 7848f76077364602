# Checks generator-based data pipelines: chained stages, windowing, grouping, infinite sources with manual limiting.
LOG = """INFO start server
WARN disk 80%
INFO request /home
ERROR timeout /api
INFO request /about
ERROR crash worker-3
WARN disk 91%
INFO stop server"""

def lines(text):
    for line in text.splitlines():
        yield line

def parse(ls):
    for line in ls:
        level, _, msg = line.partition(" ")
        yield {"level": level, "msg": msg}

def only(levels, records):
    for r in records:
        if r["level"] in levels:
            yield r

def numbered(records, start=1):
    n = start
    for r in records:
        yield n, r
        n += 1

for n, rec in numbered(only({"ERROR", "WARN"}, parse(lines(LOG)))):
    print(n, rec["level"], rec["msg"])

def window(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
print(list(window("ab", 3)))

def moving_average(it, size):
    for w in window(it, size):
        yield sum(w) / size
print(list(moving_average([2, 4, 6, 8, 10], 2)))

def group_consecutive(it):
    current = None
    group = []
    for x in it:
        if group and x != current:
            yield current, len(group)
            group = []
        current = x
        group.append(x)
    if group:
        yield current, len(group)
print(list(group_consecutive("aaabccdddda")))
print(list(group_consecutive([])))

def naturals():
    n = 1
    while True:
        yield n
        n += 1

def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x

def primes():
    found = []
    for n in naturals():
        if n < 2:
            continue
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(take_while(lambda p: p < 60, primes())))

def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched(range(10), 4)))

def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], range(100, 104))))

def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:12], sum(1 for _ in collatz(27)))
