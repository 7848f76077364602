# Instances of subclasses of the immutable builtins (int, float, str, bytes, tuple, frozenset, complex)
# carry an instance __dict__ unless the subclass sets __slots__; value semantics are unchanged.
import gc


class MyInt(int):
    pass


class MyFloat(float):
    pass


class MyStr(str):
    def shout(self):
        return self.upper() + "!"


class MyBytes(bytes):
    pass


class MyTuple(tuple):
    pass


class MyFrozen(frozenset):
    pass


class MyComplex(complex):
    pass


values = [
    MyInt(7),
    MyInt(10**30),
    MyFloat(2.5),
    MyStr("héllo"),
    MyBytes(b"ab\x00"),
    MyTuple((1, "two", 3.0)),
    MyTuple(),
    MyFrozen({3}),
    MyComplex(1, -2),
]
for v in values:
    name = type(v).__name__
    print(name, "dict before:", v.__dict__, vars(v))
    v.tag = name.lower()
    v.count = len(name)
    print(name, repr(v), v.tag, v.count, sorted(vars(v).items()))
    print(name, "hasattr", hasattr(v, "tag"), hasattr(v, "nope"), getattr(v, "nope", "dflt"))
    del v.count
    print(name, "after del", v.__dict__)
    try:
        del v.count
    except AttributeError as e:
        print(name, "AttributeError", e)
    try:
        v.missing
    except AttributeError as e:
        print(name, "AttributeError", e)

# Equality, hashing and ordering are those of the base value, whatever the attributes.
a, b = MyInt(5), MyInt(5)
a.x = 1
print(a == 5, a == b, hash(a) == hash(5), a + 1, type(a + 1).__name__, a < 6)
s = MyStr("key")
s.note = "n"
d = {s: 1}
print(d["key"], "key" in d, s == "key", hash(s) == hash("key"), s.shout(), s + "x", s.note)
t = MyTuple((1, 2))
t.extra = [1]
print(t == (1, 2), hash(t) == hash((1, 2)), t[0], len(t), t + (3,), list(t), {t: 0}[(1, 2)])
fb = MyBytes(b"xy")
fb.z = 0
print(fb == b"xy", hash(fb) == hash(b"xy"), fb[0], fb.decode())
fr = MyFrozen([1, 2])
fr.z = 1
print(fr == frozenset([1, 2]), hash(fr) == hash(frozenset([1, 2])), 2 in fr)
f = MyFloat(1.5)
f.w = 2
print(f == 1.5, hash(f) == hash(1.5), f * 2, f.w)
c = MyComplex(3, 4)
c.k = "c"
print(abs(c), c == 3 + 4j, c.k)

# __dict__ assignment and update through vars().
t2 = MyTuple("ab")
vars(t2)["via_vars"] = True
print(t2.via_vars, t2)
t2.__dict__ = {"replaced": 1}
print(t2.__dict__, t2.replaced)
try:
    t2.__dict__ = 5
except TypeError as e:
    print("TypeError", e)


# The attributes survive a garbage collection (the dict is traced through the object).
keep = []
for i in range(200):
    x = MyTuple((i, i + 1))
    x.payload = [i] * 3
    y = MyStr("s%d" % i)
    y.payload = {"i": i}
    keep.append((x, y))
gc.collect()
junk = [[j] for j in range(5000)]
gc.collect()
print(sum(x.payload[0] + y.payload["i"] for x, y in keep), keep[-1][0], keep[-1][1])


# __init__ may set attributes on an instance built by the base __new__.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def __init__(self, x, y):
        self.norm = abs(x) + abs(y)

    def __repr__(self):
        return "Point(%r, %r; norm=%r)" % (self[0], self[1], self.norm)


p = Point(3, -4)
print(p, p.norm, p.__dict__, isinstance(p, tuple))


class Celsius(float):
    def __new__(cls, v, unit="C"):
        self = super().__new__(cls, v)
        self.unit = unit
        return self


print(Celsius(21.5).unit, Celsius(3, "K").unit, Celsius(3) + 1)


# __slots__ = () keeps the instances dict-less, like the base type.
class SlotStr(str):
    __slots__ = ()


class SlotTuple(tuple):
    __slots__ = ()


class SlotInt(int):
    __slots__ = ()


class SlotFloat(float):
    __slots__ = ()


class SlotFrozen(frozenset):
    __slots__ = ()


class SlotList(list):
    __slots__ = ()


for v in [SlotStr("s"), SlotTuple((1,)), SlotInt(3), SlotFloat(1.0), SlotFrozen(), SlotList()]:
    name = type(v).__name__
    try:
        v.attr = 1
        print(name, "set?!")
    except AttributeError as e:
        print(name, "AttributeError", e)
    try:
        print(v.__dict__)
    except AttributeError as e:
        print(name, "AttributeError", e)
    print(name, hasattr(v, "__dict__"), repr(v))


# A subclass of a __slots__ subclass gets its dict back.
class Again(SlotTuple):
    pass


g = Again((9,))
g.back = "yes"
print(g.back, g.__dict__, g)

# Exact builtins still refuse attributes.
for v in [5, "s", b"b", (1,), frozenset(), 1.5, 2j, 10**40]:
    try:
        v.attr = 1
    except AttributeError as e:
        print("AttributeError", e)
