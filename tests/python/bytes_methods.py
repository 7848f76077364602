# Checks bytes methods: split/join/strip/replace/upper/lower/partition/center/zfill/isX/decode/translate/count on bytes and bytearray.
b = b"  Hello World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"a b c".rsplit(None, 1), b"".split())
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), bytearray(b", ").join([b"x", b"y"]))
print(b"banana".replace(b"a", b"o"), b"banana".replace(b"a", b"", 2), b"key=val".partition(b"="), b"a.b.c".rpartition(b"."))
print(b"abc".center(9, b"*"), b"abc".ljust(5), b"abc".rjust(5, b"0"), b"42".zfill(5), b"-7".zfill(4))
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"abc".islower(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"hello".capitalize(), b"line1\nline2\r\n".splitlines(), b"line1\nline2\r\n".splitlines(True), b"a\tb".expandtabs(4))
print(b"hello".startswith(b"he"), b"hello".endswith(b"lo"), b"hello".find(b"l"), b"hello".rindex(b"l"), b"hello".count(b"l"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"abc".decode("ascii"), b"\xff".decode("utf-8", "replace"))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"hello".translate(None, b"l"), b"prefix-x".removeprefix(b"prefix-"))
ba = bytearray(b"mutable")
print(ba.upper(), type(ba.upper()).__name__, ba.replace(b"t", b"T"), ba.split(b"t"), ba.find(b"ab"), ba.decode())
print(b"%s is %d bytes, %x hex, %c char" % (b"data", 4, 255, 65), b"%5s|%-5s|" % (b"ab", b"cd"), b"%b" % b"x")
print(b"abc" + bytearray(b"def"), bytearray(b"abc") + b"def", type(b"abc" + bytearray(b"d")).__name__, type(bytearray(b"a") + b"b").__name__)
try:
    b"abc" + "def"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc".split("b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"%s" % "str"
except TypeError as e:
    print(type(e).__name__, e)
