# One attribute site (load, method call and store) seen by many classes: instance attributes at
# different dict positions, methods, class values, properties, slots, a class attribute reassigned in
# the middle of the loop, __class__ assignment, a subclass shadowing its base, and __getattr__.


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n

    def get(self):
        return ("Base.get", self.n)

    def describe(self):
        return self.kind


class A(Base):
    def __init__(self, n):
        self.pad0 = 0
        self.v = ("A.v", n)
        super().__init__(n)


class B(Base):
    v = "B.class_v"

    def get(self):
        return ("B.get", self.n)


class C(Base):
    def __init__(self, n):
        super().__init__(n)
        for k in range(n % 4):
            setattr(self, "pad%d" % k, k)
        self.v = ("C.v", n)

    @property
    def get(self):
        return lambda: ("C.get-prop", self.n)


class D(Base):
    @property
    def v(self):
        return ("D.prop", self.n)

    @v.setter
    def v(self, x):
        self.__dict__["_v"] = ("D.set", x)


class E(Base):
    __slots__ = ("v", "n")

    def __init__(self, n):
        self.n = n
        self.v = ("E.slot", n)

    def get(self):
        return ("E.get", self.n)


class F(A):
    v = "F.class_v-shadowed-by-instance"

    def get(self):
        return ("F.get", self.n, super().get())


class G(Base):
    def v(self):
        return ("G.v-method", self.n)

    def __getattr__(self, name):
        return ("G.__getattr__", name)


class H(B):
    kind = "H"

    def describe(self):
        return ("H.describe", Base.describe(self))


class Other:
    def __init__(self, n):
        self.v = ("Other.v", n)
        self.n = n

    def get(self):
        return ("Other.get", self.n)

    def describe(self):
        return "other"


def load_v(o):
    try:
        v = o.v
    except AttributeError as e:
        return ("AttributeError", str(e))
    if callable(v):
        v = v()
    return v


def call_get(o):
    return o.get()


def store_v(o, x):
    try:
        o.v = x
    except AttributeError as e:
        return ("AttributeError", str(e))
    return load_v(o)


def describe(o):
    return o.describe()


classes = [A, B, C, D, E, F, G, H, Other, Base]
objs = [cls(i) for i, cls in enumerate(classes * 3)]

for rnd in range(4):
    out = []
    for o in objs:
        out.append((type(o).__name__, load_v(o), call_get(o), describe(o)))
    if rnd == 1:
        # Class attributes reassigned in the middle of the loop.
        B.v = "B.class_v-reassigned"
        Base.kind = "base2"
        Base.get = lambda self: ("Base.get-new", self.n)
    if rnd == 2:
        # A subclass starts shadowing its base.
        H.get = lambda self: ("H.get", self.n)
        del B.get
    for line in out:
        print(rnd, line)

print("--- stores")
for o in objs[:10]:
    print(type(o).__name__, store_v(o, ("stored", type(o).__name__)))
for o in objs[:10]:
    print(type(o).__name__, load_v(o), getattr(o, "_v", None))

print("--- __class__ assignment")
a = A(100)
b = B(101)
for i in range(6):
    print(i, type(a).__name__, load_v(a), call_get(a), describe(a))
    if i == 1:
        a.__class__ = F
    if i == 3:
        a.__class__ = Base
    print(i, type(b).__name__, load_v(b), call_get(b), describe(b))
    if i == 2:
        b.__class__ = H

print("--- a hot loop over mixed receivers")
total = 0
ks = {}
for i in range(3000):
    o = objs[i % len(objs)]
    r = call_get(o)
    k = describe(o)
    ks[str(k)] = ks.get(str(k), 0) + 1
    total += len(r)
    if i == 1500:
        Base.describe = lambda self: "base-described"
print(total)
print(sorted(ks.items()))
