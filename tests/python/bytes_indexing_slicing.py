# Checks that indexing bytes gives ints while slicing gives bytes, iteration yields ints, membership with ints and subsequences.
b = b"Hello, bytes!"
print(b[0], b[-1], type(b[0]).__name__, b[0:5], b[::-1], b[::3], b[-6:], b[100:], b[2:2])
print(list(b[:5]), [x for x in b"\x00\xff\x10"], sum(b"abc"), max(b"abc"), sorted(b"cab"))
print(72 in b, b"ell" in b, b"" in b, 0 in b, b"xyz" not in b)
try:
    300 in b
except ValueError as e:
    print(type(e).__name__, e)
try:
    "H" in b
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[20]
except IndexError as e:
    print(type(e).__name__, e)
ba = bytearray(b"abcdef")
print(ba[1], ba[1:3], type(ba[1:3]).__name__, ba[::-1], ba[-1])
print(b + b"!", b"ab" * 3, 2 * b"xy", b"a" < b"b", b"abc" < b"abd", b"" < b"\x00", b"\xff" > b"\xfe\xff")
print(b.count(b"l"), b.find(b"bytes"), b.index(b","), b.rfind(b"l"), b.find(108), b.count(108))
print(b.startswith(b"Hell"), b.endswith((b"!", b"?")), len(b), bool(b""), bool(b"\x00"))
it = iter(b"hi")
print(next(it), next(it), next(it, "end"))
print(b[0:1] == b"H", b[0] == ord("H"), b[0] == b"H")
print(list(enumerate(b"ab")), dict(zip(b"ab", b"xy")))
