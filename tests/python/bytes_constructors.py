# Checks bytes()/bytearray() construction from ints, iterables, str+encoding and __bytes__, bytearray mutators, bytes methods on both kinds and their errors.
print(bytes(), bytes(3), bytes([65, 66]), bytes(range(3)), bytes(b"ab"), bytes(bytearray(b"x")), bytes("é", "utf-8"))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray("ab", "ascii"), bytearray(b"q"), bytes(source=b"kw"))

class HasBytes:
    def __bytes__(self):
        return b"custom"

class Three:
    def __index__(self):
        return 3

print(bytes(HasBytes()), bytes(Three()), bytearray(Three()), bytes(iter([104, 105])))
for f in [lambda: bytes(-1), lambda: bytes("a"), lambda: bytes(1, "ascii"), lambda: bytes([256]), lambda: bytes(["a"]),
          lambda: bytes(1.5), lambda: bytes(None), lambda: bytes(x=1), lambda: bytearray([256]), lambda: bytearray(1.5),
          lambda: bytes("é", "ascii"), lambda: bytes("a", errors="strict")]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(1, 90)
ba.insert(-100, 65)
ba.insert(100, 122)
ba.remove(90)
print(ba, len(ba), ba[0], ba[-1], ba[1:3])
ba.reverse()
c = ba.copy()
c[0] = 33
del ba[0]
del ba[::2]
print(ba, c)
ba.__setitem__(0, 66)
ba.__delitem__(-1)
ba.__iadd__(b"++")
print(ba, ba.__imul__(2), ba.__len__(), 98 in ba, b"+" in ba)
ba.clear()
print(ba, ba.__alloc__() >= 0)
for f in [lambda: bytearray().pop(), lambda: bytearray(b"a").pop(5), lambda: bytearray().append(256),
          lambda: bytearray().append("a"), lambda: bytearray().extend(5), lambda: bytearray(b"a").remove(9),
          lambda: bytearray(b"abc").__delitem__(7), lambda: bytearray(b"ab").__iadd__("x")]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)

for b in [b"  Hello World  ", bytearray(b"  Hello World  ")]:
    print(b.strip(), b.lstrip(), b.rstrip(b" d"), b.split(), b.split(b"o", 1), b.rsplit(None, 1), b.upper(), b.title())
    print(b.find(b"o"), b.rfind(111), b.count(b"l"), b.index(b"W"), b.startswith((b"x", b"  H")), b.endswith(b"  "))
    print(b.replace(b"l", b"L", 2), b.center(19, b"*"), b.ljust(16, b"."), b.zfill(17), b.partition(b"o"), b.rpartition(b"o"))
    print(b.strip().hex(":", 2), b.strip().decode(), b.isspace(), b.strip().isalpha(), b.removeprefix(b"  "), b"-".join([b"a", bytearray(b"b")]))
print(bytes.fromhex("de ad BE EF"), bytearray.fromhex("41 42"), bytes.maketrans(b"ab", b"xy")[97:99], b"abc".translate(None, b"b"))
print(b"a" == bytearray(b"a"), bytearray(b"a") == b"a", b"a".__lt__(bytearray(b"b")), b"a".__eq__("a"), bytes.__add__(b"a", bytearray(b"b")))
print(bytearray(b"x").__add__(b"y"), b"ab".__mul__(2), bytearray(b"%d-%s").__mod__((5, b"z")), b"%b|%c|%c|%r" % (b"x", 65, b"B", "s"))
print(list(b"ab".__iter__()), b"a".__getitem__(0), bytearray(b"xy").__repr__(), b"q".__hash__() == hash(b"q"), bytearray.__hash__)
for f in [lambda: b"a".find("a"), lambda: b"a".split("a"), lambda: b"a".join(["a"]), lambda: b"a".startswith("a"),
          lambda: b"a".center(5, "a"), lambda: b"\xff".decode(), lambda: bytes.fromhex("6"), lambda: bytes.fromhex(b"61"),
          lambda: b"x".translate(b""), lambda: bytes.maketrans(b"a", b"bc"), lambda: b"a".__add__("a"), lambda: b"abc".index(b"z"),
          lambda: b"%b" % "s", lambda: b"%c" % 300]:
    try:
        print(f())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
