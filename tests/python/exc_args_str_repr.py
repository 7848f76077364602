# Checks str()/repr()/args of exceptions with zero, one and many arguments, and special cases like KeyError quoting.
cases = [
    Exception(),
    Exception("one"),
    Exception("two", 2),
    Exception(None),
    Exception(""),
    Exception(42),
    Exception(("tuple",)),
    ValueError("bad value"),
    ValueError("a", "b", "c"),
    KeyError("k"),
    KeyError(3),
    KeyError(),
    KeyError("a", "b"),
    KeyError(""),
    IndexError("idx"),
    TypeError(),
    StopIteration(5),
    SystemExit(2),
    SystemExit("msg"),
    AssertionError("assert text"),
    UnicodeError("uni"),
    RuntimeError(["list", "arg"]),
    ZeroDivisionError("division by zero"),
]
for e in cases:
    print(type(e).__name__, "| str:", repr(str(e)), "| repr:", repr(e), "| args:", e.args)

e = ValueError("x")
e.args = ("replaced", 1)
print(str(e), repr(e))
e.args = ()
print(repr(str(e)))

print(StopIteration(7).value, StopIteration().value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code)

try:
    {}["missing key"]
except KeyError as err:
    print(str(err), err.args, repr(err))

try:
    b"\xe2\x82".decode("utf-8")
except UnicodeDecodeError as err:
    print(err.encoding, err.start, err.end, err.reason, err.object)

try:
    "aé".encode("ascii")
except UnicodeEncodeError as err:
    print(err.encoding, err.start, err.end, err.reason, repr(err.object))

class WithInit(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
w = WithInit("first", "second")
print(str(w), repr(w), w.args, w.b)

class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
ns = NoSuper("value")
print(str(ns), repr(ns), ns.args)

err = NameError("custom name error")
print(err, repr(err))
print(repr(OSError(2, "No such file")), str(OSError(2, "No such file")))
print(repr(Exception("quote's")), repr(Exception('dq"')))
print(BaseException("base").args, repr(GeneratorExit()))
print(isinstance(Exception().args, tuple), Exception().with_traceback(None) is not None)
