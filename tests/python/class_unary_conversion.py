# Checks unary and conversion dunders: __neg__/__pos__/__abs__/__invert__, __int__/__float__/__complex__/__index__/__round__, __bool__ via numbers.
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __neg__(self):
        return Num(-self.v)
    def __pos__(self):
        return Num(+self.v * 1)
    def __abs__(self):
        return Num(abs(self.v))
    def __invert__(self):
        return Num(~int(self.v))
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v, 1)
    def __round__(self, nd=None):
        return Num(round(self.v, nd)) if nd is not None else round(self.v)

n = Num(-3.75)
print(-n, +n, abs(n), ~n, int(n), float(n), complex(n))
print(round(n), round(n, 1), round(Num(2.5)))
try:
    [1, 2, 3][Num(1)]
except TypeError as e:
    print(type(e).__name__, e)

class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
lst = list("abcdef")
print(lst[Idx(2)], lst[Idx(-1)], lst[Idx(1):Idx(4)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)))
print(range(Idx(3)), "xy" * Idx(3), int(Idx(9)))
print(int(Num(9.99)), int("12"), float(Idx(3)), complex(Idx(4)))

class OnlyFloat:
    def __float__(self):
        return 2.5
print(float(OnlyFloat()))
try:
    int(OnlyFloat())
except TypeError as e:
    print(type(e).__name__, e)
class BadInt:
    def __int__(self):
        return "nope"
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs("str")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    -"s"
except TypeError as e:
    print(type(e).__name__, e)
print(-True, +False, ~True, abs(-0.0), abs(-7), abs(3 - 4j))
print(int(True), float(False), complex(True))
