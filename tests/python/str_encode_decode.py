# Checks str.encode/bytes.decode with utf-8, ascii, latin-1, utf-16/32 and error handlers (strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape).
s = "Grüße €5 😀"
for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-8-sig"):
    b = s.encode(enc)
    print(enc, len(b), b[:12], b.decode(enc) == s)
print("abc".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "ÿ".encode("latin-1"), "\x80".encode("latin_1"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("latin-1", "replace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
bad = b"ok \xff\xfe bad \xc3"
print(bad.decode("utf-8", "ignore"), bad.decode("utf-8", "replace"), bad.decode("utf-8", "backslashreplace"))
print(repr(bad.decode("utf-8", "surrogateescape")), bad.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == bad)
print(bad.decode("latin-1"), len(bad.decode("latin-1")))
for b in (b"\xff", b"\xc3", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"a\x80b"):
    try:
        b.decode("utf-8")
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
print(b"\xef\xbb\xbfBOM".decode("utf-8-sig"), repr(b"\xef\xbb\xbfBOM".decode("utf-8")))
print("😀".encode("utf-16"), len("😀".encode("utf-16")), "A".encode("utf-32"))
print(bytes("héllo", "utf-8"), str(b"h\xc3\xa9llo", "utf-8"), str(b"abc", encoding="ascii"), str(b"x\xffy", "utf-8", "replace"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), "café".encode().hex(), bytes.fromhex("636166c3a9").decode())
print("UTF-8", "abc".encode("UTF8"), "abc".encode("utf_8"), "x".encode(encoding="utf-8", errors="strict"))
print(bytearray("é", "utf-8"), bytearray(b"\xc3\xa9").decode(), b"hi".decode())
