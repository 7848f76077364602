# Checks center/ljust/rjust/zfill/expandtabs with fill characters, odd padding, short widths and unicode.
for w in (0, 3, 5, 6, 11, 12):
    print(repr("abc".center(w)), repr("abc".ljust(w)), repr("abc".rjust(w)), repr("abc".center(w, "*")))
print(repr("ab".center(5, "-")), repr("ab".center(6, "-")), repr("abc".center(6, "-")), repr("a".center(4, ".")))
print("x".ljust(5, "é") + "|", "日本".rjust(6, "・"), "😀".center(5, "~"))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "".zfill(3), "12345".zfill(3), "-".zfill(3), "3.14".zfill(7))
print(repr("a\tb\tc".expandtabs()), repr("a\tb\tc".expandtabs(4)), repr("abcd\te".expandtabs(4)), repr("\t".expandtabs(0)))
print(repr("12\t3456\t7\n1\t2".expandtabs(3)), repr("no tabs".expandtabs()))
table = [("apple", 1.5, 10), ("kiwi", 0.25, 200), ("watermelon", 3.0, 3)]
print("NAME".ljust(12) + "PRICE".rjust(8) + "QTY".rjust(6))
for name, price, qty in table:
    print(name.ljust(12) + f"{price:.2f}".rjust(8) + str(qty).rjust(6))
print("=" * 26)
print("TITLE".center(26, "="))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x".ljust("5")
except TypeError as e:
    print(type(e).__name__, e)
print(repr("abc".ljust(-5)), repr("abc".rjust(2)))
