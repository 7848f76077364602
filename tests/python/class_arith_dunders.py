# Checks arithmetic dunders, reflected operands (__radd__ etc), in-place operators, NotImplemented fallback and error messages.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return V(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print("  __radd__ called with", repr(o))
        return self.__add__(o)
    def __sub__(self, o):
        return V(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        if isinstance(k, V):
            return sum(a * b for a, b in zip(self.c, k.c))
        return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __truediv__(self, k):
        return V(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return V(*(a // k for a in self.c))
    def __mod__(self, k):
        return V(*(a % k for a in self.c))
    def __pow__(self, k):
        return V(*(a ** k for a in self.c))
    def __rsub__(self, o):
        return V(*(o - a for a in self.c))
    def __matmul__(self, o):
        return ("matmul", self.c, o.c)
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __lshift__(self, n):
        return V(*(a << n for a in self.c))
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __rtruediv__(self, o):
        return V(*(o / a for a in self.c))

a = V(1, 2, 3)
b = V(10, 20, 30)
print(a + b, a + 1, b - a, a * 2, a * b)
print(1 + a)
print(3 * a, 10 - a, a / 2, b // 7, b % 7, a ** 2, -a, a << 2, a @ b)
print(a & b, a | b, a ^ b, 60 / V(1, 2, 3))
print(sum([a, b, V(100, 100, 100)]))
try:
    a + "str"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "str" @ a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)

class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __add__(self, o):
        return Acc(self.v + o)
    def __repr__(self):
        return f"Acc({self.v})"
x = Acc(1)
alias = x
x += 5
print(x, alias, x is alias)
x = x + 1
print(x, alias, x is alias)

# without __iadd__, += falls back to __add__ and rebinds
y = V(1)
y_alias = y
y += V(1)
print(y, y_alias, y is y_alias)

# subclass reflected method takes priority
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"
print(Base() + Derived())
print(Derived() + Base())

class OnlyR:
    def __rmul__(self, o):
        return f"rmul({o!r})"
    def __rpow__(self, o):
        return f"rpow({o!r})"
    def __rfloordiv__(self, o):
        return f"rfloordiv({o!r})"
    def __rmod__(self, o):
        return f"rmod({o!r})"
print([1] * OnlyR(), "s" * OnlyR(), 2 ** OnlyR(), 7 // OnlyR(), 5 % OnlyR())
try:
    OnlyR() * 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    OnlyR() ** 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    -OnlyR()
except TypeError as e:
    print(type(e).__name__, e)
