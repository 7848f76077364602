# Checks vars() on instances/classes/modules-free contexts, super() outside common patterns, object() attributes and type() introspection.
class Base:
    cls_attr = "base"
    def __init__(self):
        self.base_field = 1
    def who(self):
        return "Base"
class Child(Base):
    def __init__(self):
        super().__init__()
        self.child_field = 2
    def who(self):
        return "Child<" + super().who() + ">"
c = Child()
print(vars(c), c.who(), super(Child, c).who())
v = vars(c)
v["injected"] = 3
print(c.injected, sorted(vars(c)))
print("cls_attr" in vars(Base), "cls_attr" in vars(Child), type(vars(Base)).__name__)
try:
    vars(Base)["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(type(c).__mro__[1].__name__, type(c).__bases__[0].__name__, Child.__base__ is Base)
o = object()
print(type(o).__name__, o.__class__ is object, hasattr(o, "__dict__"), str(o)[:18] == "<object object at ")
print(isinstance(super(Child, c), super), super(Child, c).cls_attr)
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(type(WithMeta).__name__, type(type(WithMeta)).__name__, isinstance(WithMeta, type))
Dyn = type("Dyn", (Base,), {"extra": 42, "who": lambda self: "Dyn"})
d = Dyn()
print(d.who(), d.extra, d.base_field, type(d).__name__, Dyn.__mro__[1] is Base)
def local_names():
    a = 1
    b = "two"
    return sorted(locals())
print(local_names())
g = globals()
print("Base" in g, g["__name__"], type(g).__name__)
