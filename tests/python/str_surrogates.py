# Strs holding lone surrogates (U+D800..U+DFFF): literals, chr, the surrogateescape/surrogatepass
# codecs, and the core str operations on them; printing one is CPython's UnicodeEncodeError.
lit = "a\ud800b\udcff"
print(len(lit), repr(lit), ascii(lit), [hex(ord(c)) for c in lit])
print(repr("\ud83d\ude00"), len("\ud83d\ude00"), "\ud83d\ude00" == "\U0001f600")
print(repr("x" "\udc80" 'y'), repr("\\ud800"), repr(r"\ud800"), repr("\U0000dfff"))
c = chr(0xdcff)
print(repr(c), ord(c), c == "\udcff", c != "\udcfe", c == "\ufffd", "\ufffd" == c)
print(hash(c) == hash("\udcff"), {c: 1}["\udcff"], "\udcff" in {c}, len({c, "\udcff", "\ufffd"}))
print(chr(0xd800) < chr(0xdc00) < "\ue000", "\ud7ff" < chr(0xd800), sorted(["\ue000", c, "a", "\ud800"]))

# Decoding with surrogateescape / surrogatepass, and back.
raw = b"caf\xe9 \xff\x80 ok"
s = raw.decode("utf-8", "surrogateescape")
print(repr(s), len(s), s.encode("utf-8", "surrogateescape") == raw)
print(repr(raw.decode("ascii", "surrogateescape")), raw.decode("ascii", "surrogateescape").encode("ascii", "surrogateescape") == raw)
print(repr(str(raw, "utf-8", "surrogateescape")), repr(bytearray(raw).decode("utf-8", "surrogateescape")))
p = b"\xed\xa0\x80x\xed\xbf\xbf".decode("utf-8", "surrogatepass")
print(repr(p), len(p), p.encode("utf-8", "surrogatepass"))
print(repr(b"\x00\xd8a\x00".decode("utf-16-le", "surrogatepass")), "\ud800a".encode("utf-16-le", "surrogatepass"))
print(repr(b"\x00\xdc\x00\x00".decode("utf-32-le", "surrogatepass")), "\udc00".encode("utf-32-be", "surrogatepass"))
try:
    b"a\x41\xff".decode("ascii", "surrogateescape").encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end, repr(e.object), e.reason)
try:
    "ab\udc80\udc81c".encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    "\ud800".encode("utf-8", "surrogateescape")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\x41".decode("utf-16-le", "surrogatepass")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
for errors in ("ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
    print(errors, "x\udcff\ud800y".encode("utf-8", errors), "x\udcffé".encode("latin-1", errors))
print("\udce9".encode("latin-1", "surrogateescape"), "z\udcff".encode("ascii", "surrogateescape"))
try:
    "\udcff".encode("latin-1")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

# Indexing, slicing, iteration, concatenation, repetition, join, containment, f-strings.
t = "<" + s + ">" + c
print(repr(t), len(t), repr(t[5]), repr(t[-1]), repr(t[4:8]), repr(t[::-3]), repr(t[100:]))
print([repr(ch) for ch in "\ud800z\udfff"], list("q\udc80"), tuple(chr(0xdabc) + "!"))
print(repr(c * 3), repr(2 * ("-" + c)), repr(c * 0), repr("|".join([c, "a", "\ud800"])), repr(c.join("ab")))
print(c in t, "\udc80" in s, "\udc81" in s, "ok" in s, "\ud800b" in lit, "b\ud800" in lit)
print(repr(f"[{c}]{s!r}"), repr(f"{c}"), repr("%s" % "x"), repr(str(c)), str(c) == c)
x = "\ud800"
x += "tail"
print(repr(x), x.startswith("\ud800") if False else len(x))
print(repr(c.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")))

# A str subclass keeps the code points.
class S(str):
    pass

sc = S(c + "q")
print(type(sc).__name__, repr(sc), len(sc), sc == c + "q", repr(str(sc)))

# Printing a str with a lone surrogate fails like CPython's UTF-8 stdout (strict).
try:
    print("before", c)
except UnicodeEncodeError as e:
    print()
    print(type(e).__name__, e)
print("done")

# str methods on strs with lone surrogates (surrogates are uncased, not space, not printable).
w = "Ab\udcffcd \udc80x"
print(repr(w.upper()), repr(w.lower()), repr(w.swapcase()), repr(w.title()), repr(w.casefold()))
print(w.isalpha(), w.isprintable(), w.isascii(), w.isidentifier(), "\ud800".isspace(), w.islower())
print(w.find("\udcff"), w.rfind("\udc80x"), w.index("c"), w.count("\udc80"), w.find("\udcfe"))
print(w.split(), w.split("\udcff"), w.rsplit(" ", 1), w.partition("\udcff"), w.rpartition("\udc80"))
print(repr(w.replace("\udcff", "-")), repr(w.replace("b", "\ud800")), repr(w.strip("A\udc80x")))
print(repr(w.center(12, "*")), repr("ab".center(5, "\udcff")), repr(w.zfill(12)), repr(w.removeprefix("Ab\udcff")))
print(w.startswith("Ab\udcff"), w.endswith("\udc80x"), "x\udcff".startswith("x"), repr(("\udcff\n\udc80").splitlines()))
print(repr(format(c, ">3")), repr(f"{c:*^5}"), repr(format(c)), repr(f"{c}"), repr(format(c, ".0")))
print("done 2")

# str.format with surrogate text, int()/float() errors, json.
print(repr("<{}|{:>4}|{x}>".format(c, "\ud800", x="a\udc80")), repr("\udcff{}".format(12)))
for conv in (int, float):
    try:
        conv("1\udcff")
    except ValueError as e:
        print(type(e).__name__, ascii(str(e)))
import json
print(json.dumps({"k": ["\ud800", "é", c]}))
# Different lone surrogates are different dict keys and set members, and sort by code point.
ka, kb = "x\ud800y", "x\udcffy"
dd = {ka: 1, kb: 2}
print(len(dd), dd[ka], dd[kb], {ka: 1}.get(kb), "\ud800" in {"\udcff": 1}, len({ka, kb, ka}))
print([repr(s) for s in sorted([kb, ka, "x\ue000y", "x\ud7ffy"])])
