# Checks remaining str methods: translate/maketrans, str() constructor variants, count/format_map, iteration helpers, string building.
table = str.maketrans("abc", "xyz")
print("aabbcc abc".translate(table), table)
print("hello world".translate(str.maketrans("", "", "lo")), "hello".translate({ord("h"): "J", ord("o"): None}))
print("abc".translate(str.maketrans({"a": "AA", "b": None, "c": 99})))
print("abc".translate({97: 98}), "a-b_c".translate(str.maketrans("-_", "  ")))
print("{x} and {y}".format_map({"x": 1, "y": 2}))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{name} is {unknown}".format_map(Default(name="Ann")))
print(str(), str(42), str(3.5), str([1, 2]), str("s"), str(b"b", "ascii"), str(int))
parts = []
for i in range(5):
    parts.append(f"[{i}]")
print("".join(parts), "+".join(parts[::-1]))
acc = ""
for ch in "abc":
    acc = ch + acc
print(acc)
print("x".join(["1", "2", "3"]).split("x"), "a,b".join("[]"))
print("Hello".ljust(8, ".") + "World".rjust(8, "."))
print(str.upper("x"), str.__name__, type("").__name__, isinstance("s", str))
print("%s" % "ab".center(6).replace(" ", "_"), "tEST".capitalize(), "ab cd".title().swapcase())
print(" ".join("abc"), "abc".join(" " * 3), len("abc".join(" " * 3)))
print("a\tb".expandtabs(2), "ab".zfill(4), "Mixed".casefold())
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print(type(e).__name__, e)
print(ord(min("hello")), chr(max(map(ord, "hello"))), "".join(map(chr, range(97, 103))))
