# Checks getattr/setattr/hasattr/delattr/vars/dir-free introspection on instances, classes and modules, with defaults and errors.
class Config:
    version = 1
    def __init__(self):
        self.name = "app"
        self.debug = False
c = Config()
print(getattr(c, "name"), getattr(c, "version"), getattr(c, "missing", "fallback"), getattr(Config, "version"))
setattr(c, "debug", True)
setattr(c, "new_attr", [1, 2])
print(vars(c))
print(hasattr(c, "name"), hasattr(c, "version"), hasattr(c, "nope"), hasattr(Config, "name"), hasattr(c, "__init__"))
delattr(c, "new_attr")
print(vars(c), hasattr(c, "new_attr"))
try:
    delattr(c, "version")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
setattr(Config, "version", 2)
print(c.version, Config.version, getattr(c, "version"))
for field in ("name", "debug", "version"):
    print(field, "=", getattr(c, field))
print(sorted(k for k in vars(Config) if not k.startswith("_")))
print(getattr("abc", "upper")(), getattr([], "__len__")(), getattr(5, "real"), getattr(int, "__name__"))
class Lazy:
    def __getattr__(self, name):
        if name == "boom":
            raise ValueError("not AttributeError")
        raise AttributeError(name)
try:
    hasattr(Lazy(), "boom")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", e)
print(hasattr(Lazy(), "other"), getattr(Lazy(), "other", "default-from-getattr"))
def f():
    pass
setattr(f, "tag", "function attribute")
print(f.tag, vars(f))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(c, 5, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(c)
except TypeError as e:
    print(type(e).__name__, e)
ops = {"add": lambda a, b: a + b}
class Calc:
    def add(self, a, b):
        return a + b
    def mul(self, a, b):
        return a * b
calc = Calc()
for op in ("add", "mul", "div"):
    method = getattr(calc, op, None)
    print(op, method(6, 7) if method else "unsupported")
