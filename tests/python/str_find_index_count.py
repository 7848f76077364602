# Checks find/rfind/index/rindex/count with start/end bounds, empty substrings, and startswith/endswith with tuples.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find(""), s.find("a", 1), s.find("a", 1, 3), s.find("a", -4))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind(""), s.rfind("a", 0, 5), s.rfind("abra", 1))
print(s.index("c"), s.rindex("a"), s.index("ra", 3), s.rindex("b", 0, 5))
print(s.count("a"), s.count("bra"), s.count(""), s.count("a", 5), s.count("a", 0, 4), s.count("aa"), "aaaa".count("aa"))
print("".find(""), "".count(""), "abc".find("", 10), "abc".find("", 3), "abc".rfind("", 1), "abc".count("", 1))
for fn, arg in (("index", "z"), ("rindex", "q")):
    try:
        getattr(s, fn)(arg)
    except ValueError as e:
        print(fn, type(e).__name__, e)
print(s.startswith("abra"), s.startswith("bra"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.startswith(""))
print(s.endswith("abra"), s.endswith("cad", 0, 7), s.endswith(("z", "ra")), s.endswith("a", 0, 1), "".endswith(""))
print(s.startswith("a", 100), s.endswith("", 100), "abc".startswith("abc", -3), "abc".endswith("ab", -5, -1))
print("a" in s, "cad" in s, "" in s, "dab" in s, "abc" not in s, "A" in s)
print("😀x😀".find("x"), "naïve".find("v"), "ÄÖÜäöü".count("ö"), "ÄÖÜäöü".upper().index("Ö"))
positions = []
start = 0
while True:
    i = s.find("a", start)
    if i < 0:
        break
    positions.append(i)
    start = i + 1
print(positions)
try:
    s.startswith(["a"])
except TypeError as e:
    print(type(e).__name__, e)
print("hello world".find("o", 5), "hello world".find("o", 5, 7), "hello".find("lo", -2), "hello".find("lo", -1))
