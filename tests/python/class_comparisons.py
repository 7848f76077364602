# Checks rich comparison dunders, reflection of comparisons, NotImplemented handling, default identity equality and sorting custom objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "Version(" + ".".join(map(str, self.parts)) + ")"
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts
    def __le__(self, o):
        return self == o or self < o
    __hash__ = None

vs = [Version(s) for s in ("1.10", "1.2", "1.2.1", "0.9", "1.2")]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.0"), Version("1.0") == "1.0")
print(Version("2.0") > Version("1.9"))   # reflected __lt__
print(Version("2.0") >= Version("2.0"))  # reflected __le__
try:
    Version("1.0") < 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(Version("1"))
except TypeError as e:
    print(type(e).__name__, e)

log = []
class Loud:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        log.append(f"Loud({self.n}).__eq__")
        return NotImplemented
    def __repr__(self):
        return f"Loud({self.n})"
a, b = Loud(1), Loud(2)
print(a == b, log)   # both NotImplemented -> identity comparison
log.clear()
print(a == a, log)
log.clear()
print(a != b, log)

class Plain:
    pass
p1, p2 = Plain(), Plain()
print(p1 == p2, p1 == p1, p1 != p2)
try:
    p1 < p2
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print(type(e).__name__, e)

# __eq__ returning non-bool values
class Weird:
    def __eq__(self, o):
        return "truthy string"
    def __lt__(self, o):
        return 0
print(Weird() == 1, Weird() < 1, 1 == Weird())
print([Weird()] == [1])  # list equality converts result to bool

# comparisons used by 'in' and list.index/count
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k.lower() == o.k.lower()
    def __hash__(self):
        return hash(self.k.lower())
keys = [Key("A"), Key("b")]
print(Key("a") in keys, keys.index(Key("B")), keys.count(Key("x")))
print(len({Key("Q"), Key("q"), Key("r")}))

class Subclass(Version):
    def __eq__(self, o):
        return "sub eq first"
print(Version("1") == Subclass("1"))
