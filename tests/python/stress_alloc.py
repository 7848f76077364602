# Stress: creates ~3 million short-lived small objects (tuples, lists, instances, strings, dicts) and prints checksums.
class Particle:
    __slots__ = ("x", "y", "vx")
    def __init__(self, x, y, vx):
        self.x = x
        self.y = y
        self.vx = vx

class Plain:
    def __init__(self, v):
        self.v = v

checksum = 0
N = 300000
for i in range(N):
    t = (i, i + 1, i & 7)                      # tuple
    l = [t[0], t[2], i % 13]                   # list
    p = Particle(l[0], l[1], l[2])             # slotted instance
    q = Plain(p.vx)                            # dict-backed instance
    s = "k" + str(i % 1000)                    # string concat
    d = {"a": q.v, s: 1}                       # small dict
    pair = (s, d)                              # tuple holding others
    nested = [pair, [p.x & 255]]               # nested list
    checksum = (checksum * 31 + p.x + p.y + q.v + len(s) + len(d) + nested[1][0]) % 1000000007
print("objects created (approx):", N * 10)
print("checksum 1:", checksum)

# churn: build and discard medium containers repeatedly
total = 0
for round_no in range(200):
    batch = [(j, str(j)) for j in range(500)]
    lookup = {k: v for k, v in batch}
    total += len(lookup) + int(lookup[round_no % 500])
    del batch, lookup
print("checksum 2:", total)

# linked structure churn: build 1000-node chains and drop them
def chain(n):
    head = None
    for k in range(n):
        head = (k, head)
    return head
length_sum = 0
for _ in range(100):
    node = chain(1000)
    while node is not None:
        length_sum += 1
        node = node[1]
print("checksum 3:", length_sum)

# strings: many small joins and slices
acc = 0
for i in range(100000):
    word = "ab" * (i % 5) + chr(97 + i % 26)
    acc += len(word[::-1].upper())
print("checksum 4:", acc)
