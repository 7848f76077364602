# Checks float() parsing from strings: whitespace, signs, exponents, underscores, inf/nan spellings, overflow to inf, fromhex/hex.
for s in ["1", "1.5", " -2.25 ", "+3.", ".5", "-.5", "1e3", "1E-3", "1.5e+10", "1_000.000_1", "  \n42\t",
          "inf", "-inf", "+inf", "Infinity", "-INFINITY", "iNf", "nan", "-nan", "NaN", "1e500", "-1e500", "1e-500",
          "0.000000000000000000000000000001", "123456789012345678901234567890", "0e0", "-0", "00001.5",
          "4.9406564584124654e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623159e308"]:
    print(repr(s), "->", repr(float(s)))
for bad in ["", "abc", "1.2.3", "1e", "e1", "1_", "_1", "1__0", "--1", "in f", "0x10", "1,5", "nan1", "infinity1"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(float(b"2.5"), float(bytearray(b" -1e2 ")))
print(float("١٫٥".replace("٫", ".")), float("１.５"))
print((0.5).hex(), (1.0).hex(), (-0.1).hex(), (3.0).hex(), (0.0).hex(), float("inf").hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x.8"), float.fromhex("ff"), float.fromhex(" 0x1.999999999999ap-4 "))
print(float.fromhex((0.1).hex()) == 0.1, float.fromhex("inf"), float.fromhex("-nan"))
try:
    float.fromhex("0x1.g")
except ValueError as e:
    print(type(e).__name__, e)
print(float(), float(7), float(-0), float(True), float(10 ** 300) == 1e300)
