# Checks bytes/bytearray literals and repr: escapes, quote choice, printable range, and constructors.
vals = [b"", b"abc", b"it's", b'say "x"', b"both ' \"", b"\x00\x01\x7f\x80\xff", b"\t\n\r", b"\\", b"\x1b[0m",
        bytes(3), bytes([0, 65, 255]), bytes(range(30, 40)), bytes("é", "utf-8"), bytes(b"copy"), b"A" * 5, rb"\d+\n"]
for v in vals:
    print(repr(v), len(v))
print(bytearray(b"abc"), bytearray(), bytearray(2), bytearray([1, 2]), bytearray("ü", "utf-8"), repr(bytearray(b"'")))
print(str(b"x"), f"{b'fmt'}", "%s %r" % (b"p", b"q"), [b"in list"], {b"k": b"v"})
print(type(b"").__name__, type(bytearray()).__name__, isinstance(b"", bytes), isinstance(bytearray(), bytes))
print(bytes(bytearray(b"conv")), bytearray(b"conv") == b"conv", b"conv" == bytearray(b"conv"), b"a" == "a")
print(bytes.fromhex("48 65 6c6c 6f"), bytearray.fromhex("ff00"), b"Hello".hex(), b"Hello".hex(":"), b"Hello".hex("-", 2), b"".hex())
print(bytes(x for x in range(65, 70)), bytes(map(ord, "xyz")), bytes([True, False]))
class HasBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(HasBytes()))
