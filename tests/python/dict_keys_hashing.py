# Checks dict key semantics: hash(1)==hash(1.0)==hash(True) unification, tuple/str/float/None keys, first key kept, unhashable keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d), type(list(d)[0]).__name__)
d2 = {True: "t"}
d2[1] = "one"
print(d2)
d3 = {0: "zero", False: "false", 0.0: "fzero", -0.0: "negzero"}
print(d3)
print({1.5: "a", 3 / 2: "b"}, {2.0: "x"}.get(2), {2: "y"}[2.0])
mixed = {None: "none", (1, 2): "tuple", "s": "str", 3.5: "float", -1: "neg", (): "empty tuple", frozenset([1]): "fs", b"b": "bytes"}
for key in mixed:
    print(repr(key), "->", mixed[key])
print(mixed[(1, 2)], mixed[frozenset({1})], mixed[None], mixed[()])
print({10 ** 20: "big"}[10 ** 20], {float(2 ** 60): "f"}[2 ** 60])
nan = float("nan")
dn = {nan: 1}
print(dn[nan], float("nan") in dn)
for bad in ([1], {"a": 1}, {1, 2}, bytearray(b"x")):
    try:
        {bad: 1}
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {}[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    {}[(1, "x")]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}[None]
except KeyError as e:
    print(type(e).__name__, e)
print({1: "a"} == {1.0: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: "a"} != {1: "b"}, {} == {})
print({"a": [1]} == {"a": [1]}, {"a": 1} == {"a": 1, "b": 2})
try:
    {1: 2} < {1: 2}
except TypeError as e:
    print(type(e).__name__, e)
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __repr__(self):
        return f"K({self.v})"
dk = {K(1): "first"}
dk[K(1)] = "second"
dk[K(2)] = "third"
print(dk, dk[K(2)], K(3) in dk)
