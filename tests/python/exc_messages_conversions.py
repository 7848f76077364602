# Checks exact CPython messages for conversion, parsing, unpacking, string and unicode errors (one caught exception per output line).
def check(fn):
    try:
        r = fn()
        print("no error:", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: int("abc"))
check(lambda: int(""))
check(lambda: int("1.5"))
check(lambda: int("12", 2))
check(lambda: int("z", 36))
check(lambda: int("g", 16))
check(lambda: int("0x1g", 0))
check(lambda: int("1", 1))
check(lambda: int("1", 37))
check(lambda: int([1]))
check(lambda: int(None))
check(lambda: int(1.5, 10))
check(lambda: int("1__0"))
check(lambda: float("abc"))
check(lambda: float(""))
check(lambda: float("1.2.3"))
check(lambda: float([]))
check(lambda: complex("1+"))
check(lambda: complex("x"))
check(lambda: bool(1, 2))
check(lambda: chr(-1))
check(lambda: chr(0x110000))
check(lambda: chr("a"))
check(lambda: ord("ab"))
check(lambda: ord(""))
check(lambda: ord(5))
check(lambda: bytes("abc"))
check(lambda: bytes([256]))
check(lambda: bytes(-1))
check(lambda: bytes.fromhex("zz"))
check(lambda: "é".encode("ascii"))
check(lambda: b"\xc3".decode("utf-8"))
check(lambda: b"\xff\xfe".decode("ascii"))
check(lambda: "x".encode("no-such-codec"))
check(lambda: "abc".center(10, "ab"))
check(lambda: "{}{}".format(1))
check(lambda: "{0}{}".format(1, 2))
check(lambda: "{x}".format(y=1))
check(lambda: "{:d}".format("s"))
check(lambda: "{:d}".format(1.5))
check(lambda: format(1, "q"))
check(lambda: "{0.missing}".format(1))
check(lambda: "{0[5]}".format([1]))
check(lambda: "%z" % 1)
check(lambda: "%(key)s" % {"other": 1})
check(lambda: hex(1.5))
check(lambda: "a".replace(1, 2))
check(lambda: "abc".startswith(["a"]))
check(lambda: "" .join("abc", "d"))
check(lambda: "abc".split(""))

def unpack(fn):
    try:
        print("unpacked:", fn())
    except Exception as e:
        print(type(e).__name__, e)
def u1():
    a, b = [1, 2, 3]
def u2():
    a, b, c = "ab"
def u3():
    a, *b, c, d = (1, 2)
def u4():
    a, b = None
def u5():
    (a, b), c = [1, 2], 3
    return a, b, c
def u6():
    [a] = []
unpack(u1)
unpack(u2)
unpack(u3)
unpack(u4)
unpack(u5)
unpack(u6)
