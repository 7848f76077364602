# Checks hash() agrees with == across int/float/bool/complex (big ints, negative, fractions of 2) and in dict/set keys.
import sys
for v in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**62, -2**61, 2**100, -2**100, 1.5, -1.5, 0.1, 1e100, -0.0, 2.0**70, True, False, 1j, 1+2j, -3.5j, "", "a", b"", (), (1,), ((1, 2), 3), frozenset(), frozenset({1, 2})]:
    print(repr(v), hash(v) == hash(v))
print(hash(2**61 - 1), hash(2**61), hash(-2**61), hash(2**100), hash(-2**100), hash(10**30))
print(hash(1.5), hash(-1.5), hash(0.1), hash(1e100), hash(2.0**70), hash(1j), hash(1+2j), hash(-3.5j))
print(hash(()), hash((1,)), hash(((1, 2), 3)), hash(frozenset()), hash(frozenset({1, 2})))
for a, b in [(1, 1.0), (2**70, 2.0**70), (0.5, 0.5), (-1, -1.0), (True, 1.0), (1+0j, 1), (complex(2.5, 0), 2.5)]:
    print(a == b, hash(a) == hash(b))
d = {}
d[1] = "int"; d[1.0] = "float"; d[True] = "bool"; d[1+0j] = "complex"
print(d)
s = {2**70, 2.0**70, 0, 0.0, -0.0, False}
print(len(s))
