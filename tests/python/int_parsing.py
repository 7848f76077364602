# Checks int() parsing: bases 2-36 and 0, prefixes, underscores, whitespace, signs, bytes input, and from floats/bools.
print(int("42"), int("-42"), int("+42"), int("  42  "), int("\t\n7\n"), int("0"), int("-0"), int("000123"))
print(int("1_000"), int("1_0_0"), int("0x_ff", 16), int("0b_101", 0))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0XfF", 0), int("-0xff", 0))
print(int("777", 8), int("0o777", 0), int("0o777", 8), int("101", 2), int("0b101", 2))
print(int("z", 36), int("ZZ", 36), int("hello", 36), int("10", 36), int("10", 2), int("10", 3))
print(int("0", 0), int("00", 0), int("0_0", 0))
print(int(b"123"), int(bytearray(b" -9 ")), int(b"ff", 16))
print(int(3.99), int(-3.99), int(1e20), int(-0.0), int(True), int(False))
print(int(2.5e15), int(1.7976931348623157e308) > 10 ** 307)
print(int("٣"), int("１２３"))  # unicode decimal digits are accepted
print(int(), int(0), int(10 ** 30))
print(int("123456789012345678901234567890") * 2)
print(int("-" + "9" * 50, 10) + 1)
for bad in ["", " ", "1 2", "1_", "_1", "1__2", "0x", "0b2", "12a", "+-1", "--1", "0o8", "١.٢"]:
    try:
        int(bad, 0) if bad.startswith("0") else int(bad)
        print("parsed", repr(bad))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("010", 0)
except ValueError as e:
    print(type(e).__name__, e)
print(int("010"), int("010", 8), int("0000", 0), int("0_0_0", 0))
try:
    int("9", 8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(" ", 2)
except ValueError as e:
    print(type(e).__name__, e)
print([int(c, 16) for c in "0123456789abcdef"])
print(int("1" * 64, 2) == 2 ** 64 - 1, int("7" * 30, 8) == 8 ** 30 - 1)
