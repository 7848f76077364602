# Checks subclasses of float and complex: construction, arithmetic results, methods, repr/str/format, hashing.
class F(float):
    def half(self):
        return self / 2
f = F(2.5)
print(f, repr(f), type(f).__name__, f.half(), f + 1, type(f + 1).__name__, f * f, -f, abs(F(-1.5)))
print(f == 2.5, f < 3, hash(f) == hash(2.5), {f: 1}[2.5], isinstance(f, float), float(f), int(f), round(f))
print(f"{f:.3f}", format(f, "e"), str(f), f.is_integer(), F("1.25"), F(), F(7).as_integer_ratio())
class Tagged(float):
    def __new__(cls, v, tag):
        obj = super().__new__(cls, v)
        obj.tag = tag
        return obj
    def __repr__(self):
        return f"Tagged({float.__repr__(self)}, {self.tag!r})"
t = Tagged(0.5, "half")
print(t, t.tag, t + t, [t], sorted([Tagged(2.0, "b"), Tagged(1.0, "a")]))
class C(complex):
    pass
c = C(1, 2)
print(c, type(c).__name__, c + 1, type(c + 1).__name__, c.real, c.imag, c.conjugate(), abs(C(3, 4)))
try:
    float.__new__(int, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
