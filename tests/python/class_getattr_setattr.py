# Checks __getattr__ (fallback only), __getattribute__ (every access), __setattr__/__delattr__ hooks and their interaction.
class Fallback:
    existing = "real attribute"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return f"dynamic {name[4:]}"
        raise AttributeError(f"{type(self).__name__} has no {name!r}")

f = Fallback()
print(f.existing, f.dyn_color, getattr(f, "dyn_size"))
print(hasattr(f, "dyn_x"), hasattr(f, "nope"))
try:
    f.nope
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(f, "nope", "default used"))

log = []
class Everything:
    def __init__(self):
        self.value = 10
    def __getattribute__(self, name):
        log.append(name)
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def method(self):
        return self.value * 2
e = Everything()
print(e.value, e.secret, e.method())
print(log)

class Recorder:
    def __init__(self):
        object.__setattr__(self, "history", [])
    def __setattr__(self, name, value):
        self.history.append((name, value))
        object.__setattr__(self, name, value.upper() if isinstance(value, str) else value)
    def __delattr__(self, name):
        self.history.append(("del", name))
        object.__delattr__(self, name)
r = Recorder()
r.a = "hello"
r.b = 5
setattr(r, "c", "via setattr")
del r.b
print(r.a, r.c, hasattr(r, "b"))
print(r.history)

class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: instance is frozen")
fr = Frozen(3)
try:
    fr.x = 4
except AttributeError as e:
    print(type(e).__name__, e)
print(fr.x)

# __getattr__ is consulted when a property raises AttributeError
class PropFallback:
    @property
    def broken(self):
        raise AttributeError("inner failure")
    def __getattr__(self, name):
        return f"__getattr__({name})"
print(PropFallback().broken)

# proxy object delegating everything
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1), p.index(3))

# attribute names with getattr/setattr that are not identifiers
class Bag:
    pass
bag = Bag()
setattr(bag, "not an identifier", 1)
setattr(bag, "123", 2)
print(getattr(bag, "not an identifier"), getattr(bag, "123"), sorted(vars(bag)))
try:
    getattr(bag, 5)
except TypeError as e:
    print(type(e).__name__, e)
class Ordinary:
    pass
try:
    Ordinary().missing_attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(Ordinary(), "missing_attr")
except AttributeError as e:
    print(type(e).__name__, e)
