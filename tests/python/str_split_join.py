# Checks str.split/rsplit with and without separators and maxsplit, whitespace handling, and str.join.
print("a b  c\t\nd ".split())
print("  leading and trailing  ".split())
print("".split(), "   ".split(), "".split(","), "x".split(","))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1), "a,b,,c,".split(",", 2), "a,b,,c,".split(",", 0), "a,b,c".split(",", -1))
print("a,b,,c,".rsplit(",", 1), "a,b,,c,".rsplit(",", 2), "a b c d".rsplit(None, 2), "a b c d".rsplit(maxsplit=1))
print("one::two::three".split("::"), "::a::".split("::"), "aaa".split("a"), "aaaa".split("aa"))
print("  a  b  ".split(" "), "a\u3000b\u2003c".split(), "a\x1cb\x1dc\x1ed\x1fe".split())
print("k1=v1;k2=v2;k3".split(";"), [p.split("=") for p in "k1=v1;k2=v2".split(";")])
print("x y z".split(maxsplit=1), "x  y  z".split(" ", 1))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), "|".join("abc"), " ".join(("solo",)))
print("".join(str(i) for i in range(10)), "\n".join(["l1", "l2"]).split("\n"))
print(",".join(map(str, [1, 2.5, None, True])))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), words[::2], " ".join(reversed(words)))
print(" ".join(w.capitalize() for w in words))
csv = "name,age,city\nAnn,30,Oslo\nBob,25,Rome"
rows = [line.split(",") for line in csv.split("\n")]
print(rows)
print([dict(zip(rows[0], r)) for r in rows[1:]])
print("a.b.c".rsplit(".", 1)[0], "file.tar.gz".split(".", 1), "file.tar.gz".rsplit(".", 1))
try:
    "a b".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
