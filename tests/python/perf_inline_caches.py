# Inline caches (LoadGlobal / LoadAttr / LoadMethod / StoreAttr) must see every mutation.

# --- globals and builtins -------------------------------------------------------------
counter = 1


def read_counter():
    return counter


def use_len(x):
    return len(x)


out = []
for i in range(3):
    out.append(read_counter())
    counter += 10
print("global reassigned:", out)

print("builtin:", use_len("abc"))
len = lambda x: "shadowed"
print("builtin shadowed by a global later:", use_len("abc"))
del len
print("global deleted, builtin again:", use_len("abcd"))

g = globals()
g["late_name"] = 5


def read_late():
    return late_name


print("added via globals():", read_late())
g["late_name"] = 6
print("changed via globals():", read_late())
for k in range(20):
    g["filler%d" % k] = k  # forces the globals dict to resize
print("after resize:", read_late())


# --- class attributes and methods ----------------------------------------------------
class Base:
    kind = "base"

    def who(self):
        return "Base.who"


class Child(Base):
    pass


def read_kind(o):
    return o.kind


def call_who(o):
    return o.who()


def get_who(o):
    return o.who


c = Child()
res = []
for step in range(6):
    res.append((read_kind(c), call_who(c), get_who(c)()))
    if step == 0:
        Base.kind = "base2"
    elif step == 1:
        Child.kind = "child"
    elif step == 2:
        Base.who = lambda self: "new Base.who"
    elif step == 3:
        Child.who = lambda self: "Child.who"
    elif step == 4:
        del Child.who
        del Child.kind
print("class mutations:", res)

# Shadowing by the instance dict after the cache saw the class attribute.
c2 = Child()
print(read_kind(c2), call_who(c2))
c2.kind = "instance"
c2.who = lambda: "instance who"
print(read_kind(c2), call_who(c2), get_who(c2)())
del c2.who
print(call_who(c2))


# Instance attributes with different dict layouts at the same site.
class P:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 20
            self.a = 10


def read_b(o):
    return o.b


def write_a(o, v):
    o.a = v


ps = [P(True), P(False), P(True), P(False)]
print("layouts:", [read_b(p) for p in ps])
for n, p in enumerate(ps):
    write_a(p, n * 100)
print("stores:", [(p.a, p.b) for p in ps])
p0 = ps[0]
del p0.b
try:
    read_b(p0)
except AttributeError as e:
    print("AttributeError", e)
p0.b = "back"
print(read_b(p0))


# Descriptors added to the class after the cache was filled.
class D:
    def __init__(self):
        self.x = 1


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


d = D()
print(read_x(d), read_x(d))
D.x = property(lambda self: "property x", lambda self, v: print("setter got", v))
print(read_x(d))
write_x(d, 42)
print(read_x(d), d.__dict__["x"])


class NonData:
    def __get__(self, inst, owner):
        return "nondata"


D.y = NonData()


def read_y(o):
    return o.y


print(read_y(d))
d.y = "inst y"
print(read_y(d))


# __getattr__ / __getattribute__ added later.
class G:
    def __init__(self):
        self.present = "present"


def read_missing(o):
    try:
        return o.missing
    except AttributeError:
        return "AttributeError"


def read_present(o):
    return o.present


gi = G()
print(read_missing(gi), read_present(gi))
G.__getattr__ = lambda self, name: "getattr:" + name
print(read_missing(gi), read_present(gi))
G.__getattribute__ = lambda self, name: "getattribute:" + name
print(read_missing(gi), read_present(gi))
del G.__getattribute__
print(read_present(gi))


# __setattr__ added later.
class S:
    pass


def set_v(o):
    o.v = 1


s = S()
set_v(s)
S.__setattr__ = lambda self, name, value: print("__setattr__", name, value)
set_v(s)
print(s.v)


# A metaclass: attributes on the class object and methods on the metaclass.
class Meta(type):
    def describe(cls):
        return "Meta.describe " + cls.__name__


class WithMeta(metaclass=Meta):
    tag = "t1"


def read_tag(cls):
    return cls.tag


def describe(cls):
    return cls.describe()


print(read_tag(WithMeta), describe(WithMeta))
WithMeta.tag = "t2"
Meta.describe = lambda cls: "patched " + cls.__name__
print(read_tag(WithMeta), describe(WithMeta))


# Two classes alternating at one site.
class A1:
    def f(self):
        return "A1.f"


class A2:
    def f(self):
        return "A2.f"


def call_f(o):
    return o.f()


print([call_f(o) for o in (A1(), A2(), A1(), A2())])


# Many classes created in a loop, hitting the same sites.
def make(i):
    class K:
        val = i

        def m(self):
            return self.val * 2

    return K()


print([call_m.m() for call_m in [make(i) for i in range(5)]])
print(sum(make(i).m() for i in range(300)))

# Methods on builtins through the same site with different receiver types.
def app(x, v):
    x.append(v)
    return x


class MyList(list):
    pass


ml = MyList()
print(app([], 1), app(ml, 2), type(ml).__name__)
ml.append = lambda v: print("instance append", v)
app(ml, 3)
print(ml)

# Default arguments and keyword calls through the fast call path.
def dflt(a, b=2, c=3):
    return (a, b, c)


print(dflt(1), dflt(1, 5), dflt(1, 5, 6), dflt(1, c=9))
dflt.__defaults__ = (20, 30)
print(dflt(1))


# __init__ returning non-None and raising inside a loop-run __init__.
class Bad:
    def __init__(self, x):
        if x:
            raise ValueError("bad init")


for x in (0, 1):
    try:
        Bad(x)
        print("ok", x)
    except ValueError as e:
        print("ValueError", e)
