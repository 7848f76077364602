# Checks __repr__/__str__/__format__ dispatch: str() falls back to repr, containers use repr of elements, format specs.
class Both:
    def __repr__(self):
        return "Both<repr>"
    def __str__(self):
        return "Both<str>"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr<repr>"

class OnlyStr:
    def __str__(self):
        return "OnlyStr<str>"
    def __repr__(self):
        return "OnlyStr(explicit repr)"

b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b})
print(f"{b} {b!r} {b!s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
r = OnlyRepr()
print(r, str(r), [r])
print(OnlyStr(), [OnlyStr()])

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "":
            return f"${self.cents / 100:.2f}"
        if spec == "cents":
            return f"{self.cents}c"
        return format(self.cents / 100, spec)
    def __repr__(self):
        return f"Money({self.cents})"
m = Money(12345)
print(f"{m}", f"{m:cents}", f"{m:>12.1f}", format(m), "{:cents}".format(m))
print(str(m) == repr(m))

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)

class NoFormat:
    def __repr__(self):
        return "NF"
print(format(NoFormat()), f"{NoFormat()!s:>5}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)

# nested containers and recursive structures
class Node:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)
    def __repr__(self):
        return f"Node({self.v!r}, {self.kids!r})" if self.kids else f"Node({self.v!r})"
print(Node("root", [Node(1), Node("x", [Node(None)])]))
lst = [1, 2]
lst.append(lst)
print(lst)
d = {"self": None}
d["self"] = d
print(d)
class Sub(str):
    def __repr__(self):
        return "Sub(" + super().__repr__() + ")"
s = Sub("hi")
print(s, repr(s), [s], s + "!")
print(repr(Both), str(int), repr(None), str(None), repr(type(None)))
