# Checks __eq__/__hash__ interplay: unhashable after defining __eq__, custom hash in dicts and sets, hash of ints/floats/bools.
class NoHash:
    def __eq__(self, o):
        return True
print(NoHash.__hash__)
try:
    {NoHash(): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)

class Coord:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Coord) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"C({self.x},{self.y})"

d = {Coord(1, 2): "a"}
d[Coord(1, 2)] = "b"
d[Coord(2, 1)] = "c"
print(d, len(d))
print(Coord(1, 2) in d, Coord(5, 5) in d)
s = {Coord(0, 0), Coord(0, 0), Coord(0, 1)}
print(len(s), Coord(0, 1) in s)

# identity-based default hash
class Default:
    pass
o = Default()
print(hash(o) == hash(o), {o: 1}[o])

# hash(1) == hash(1.0) == hash(True)
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(-1), hash(-2), hash(1), hash(10**20) == hash(10**20), hash(2**61 - 1), hash(2**61))
print(hash(0.5), hash(1.5), hash(-1.0), hash(float("inf")))
print({1: "int", 1.0: "float", True: "bool"})
print({True: "bool", 1: "int"})
print(len({1, 1.0, True, 2, 2.0}))

# equal objects with always-same hash collide but stay distinct if not equal
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return isinstance(o, Collide) and self.v == o.v
    def __repr__(self):
        return f"Collide({self.v})"
cs = {}
for i in range(5):
    cs[Collide(i)] = i
cs[Collide(3)] = "updated"
print(cs)

# hash is only called once per insertion/lookup
calls = []
class Tracked:
    def __hash__(self):
        calls.append("hash")
        return 7
t = Tracked()
dd = {t: 1}
_ = dd[t]
print(calls)

# subclass inherits __hash__ unless it overrides __eq__
class P:
    def __hash__(self):
        return 99
class Q(P):
    pass
class R(P):
    def __eq__(self, o):
        return False
print(hash(Q()), R.__hash__)
print(hash((1, 2)) == hash((1, 2)), hash((1, (2.0, True))) == hash((1, (2, 1))))
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
