# Checks bool as an int subclass: arithmetic, indexing, sums, comparisons, repr/str, and bool() conversions.
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~False)
print(True == 1, False == 0, True == 1.0, isinstance(True, int), isinstance(1, bool))
print(sum([True, True, False, True]), sum(x > 2 for x in range(6)))
print(["no", "yes"][True], ["no", "yes"][False], "abc"[True:])
print(repr(True), str(False), f"{True}", f"{True:d}", f"{False!r}", "%s %d" % (True, True))
print(type(True + 1).__name__, type(True & True).__name__, type(True + 0.5).__name__)
print(True > False, max(True, 0), min(False, -1), sorted([True, False, 2, -1]))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool("0"), bool([]), bool([[]]))
print(bool(None), bool(()), bool({}), bool(set()), bool(range(0)), bool(range(1)), bool(0j), bool(b""))
print(bool(), bool(float("nan")), int(True), float(True), complex(False))
d = {True: "a", 1: "b", 1.0: "c"}
print(d, len(d))
print(True << 3, 1 << True, True ** 10, divmod(True, 2), abs(-True))
print(True.real, True.imag, True.numerator, True.denominator)
print(bool.__mro__ == (bool, int, object), bool.__bases__)
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
count = 0
for flag in [True, False, True]:
    count += flag
print(count)
print(hex(True), bin(False), oct(True), True.bit_length())
print([i for i, b in enumerate([False, True, True, False]) if b])
print(any([]), all([]), any([0, False, None]), all([1, True, "x"]))
