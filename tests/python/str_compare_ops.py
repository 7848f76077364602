# Checks string operators: comparison (lexicographic by code point), concatenation, repetition, membership, iteration, immutability.
pairs = [("a", "b"), ("abc", "abd"), ("abc", "ab"), ("", "a"), ("Z", "a"), ("apple", "Apple"), ("10", "9"), ("é", "f"), ("same", "same")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "" * 100, ("-" * 10))
print("a" "b" == "ab", "x" in "xyz", "xz" in "xyz", "" in "", "" in "abc")
print([c for c in "hey"], list(reversed("hey")), sorted("hello"), "".join(sorted("hello", reverse=True)))
print(max(["pear", "apple", "fig"]), min(["pear", "apple", "fig"]), sorted(["b", "B", "a", "A", "_", "1"]))
s = "abc"
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
t = s
s += "def"
print(s, t, s is t)
print(str(123), str(1.5), str([1, "a"]), str(None), str(), str("x"), str(b"bytes"), str(True))
print(len("hello"), len(""), len("\n\t"), "hello".__len__(), "abc".__contains__("b"))
print(hash("abc") == hash("ab" + "c"), "abc" == "ab" + "c")
print(("a" * 1000).count("a"), len("xy" * 500), ("ab" * 3).replace("ba", "|"))
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + None
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=lambda w: (w.lower(), w)))
print("abc".__add__("def"), "ab".__mul__(2), "b".__rmul__(3), "abc".__getitem__(slice(1, None)))
