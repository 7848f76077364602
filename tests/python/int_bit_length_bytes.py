# Checks int.bit_length, int.bit_count, to_bytes/from_bytes with byteorder/signed, and overflow errors.
for n in (0, 1, 2, 3, 255, 256, -1, -128, -129, 2 ** 64, 10 ** 100):
    print(n if n < 10 ** 20 else "big", n.bit_length(), n.bit_count())
print((1).to_bytes(2, "big"), (1).to_bytes(2, "little"), (0).to_bytes(0, "big"))
print((1024).to_bytes(4, "big"), (1024).to_bytes(4, byteorder="little"))
print((-1).to_bytes(2, "big", signed=True), (-256).to_bytes(2, "little", signed=True))
print((2 ** 64 - 1).to_bytes(8, "big"), (255).to_bytes(1, "big"))
print((65).to_bytes(), (0xDEADBEEF).to_bytes(4, "big").hex())
print(int.from_bytes(b"\x00\x01", "big"), int.from_bytes(b"\x00\x01", "little"))
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x80", "big", signed=True), int.from_bytes(b"", "big"), int.from_bytes(b"\x01"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x10\x00"), "little"))
big = 3 ** 100
raw = big.to_bytes((big.bit_length() + 7) // 8, "big")
print(len(raw), raw[:6], int.from_bytes(raw, "big") == big)
for v in range(-3, 4):
    b = v.to_bytes(1, "big", signed=True)
    print(v, b, int.from_bytes(b, "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (128).to_bytes(1, "big", signed=True)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print(type(e).__name__, e)
print((5).as_integer_ratio(), (-7).as_integer_ratio(), (6).numerator, (6).denominator, (6).real, (6).imag, (6).conjugate())
print(True.bit_length(), (2 ** 1000).bit_length(), (-(2 ** 1000)).bit_length())
