# Checks metaclass basics: type() with three args, custom metaclass __new__/__init__/__call__, class keywords, __prepare__-free usage.
Dyn = type("Dyn", (object,), {"x": 1, "hello": lambda self: f"hello from {type(self).__name__}"})
d = Dyn()
print(Dyn.__name__, Dyn.x, d.hello(), type(Dyn).__name__)
Child = type("Child", (Dyn,), {})
print(Child().hello(), Child.__mro__[1].__name__, Child.x)
print(type(5) is int, type("s") is str, type(type) is type, type(object) is type)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print(f"Meta.__new__ {name} bases={[b.__name__ for b in bases]} kwargs={kwargs}")
        ns["created_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kwargs):
        print(f"Meta.__init__ {name}")
        super().__init__(name, bases, ns)
        cls.tag = kwargs.get("tag", "none")
    def __call__(cls, *args):
        print(f"Meta.__call__ {cls.__name__}{args}")
        return super().__call__(*args)

class Model(metaclass=Meta, tag="base"):
    def __init__(self, v):
        self.v = v

class User(Model, tag="user"):
    pass

u = User(7)
print(u.v, User.created_by, User.tag, Model.tag, type(User).__name__, isinstance(User, Meta))

class Singleton(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config initialised once")
print(Config() is Config(), Config() is Config())

class AutoRepr(type):
    def __new__(mcls, name, bases, ns):
        fields = [k for k, v in ns.items() if not k.startswith("_") and not callable(v)]
        def __repr__(self):
            return name + "(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
        ns["__repr__"] = __repr__
        return super().__new__(mcls, name, bases, ns)
class Settings(metaclass=AutoRepr):
    host = "localhost"
    port = 8080
    def method(self):
        pass
s = Settings()
s.port = 9
print(s)

class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class A(metaclass=Registry): pass
class B(A): pass
class C(B): pass
print(Registry.classes)
print(type.__name__, Meta.__mro__[1].__name__, Meta.__bases__)

# methods defined on the metaclass are visible on the class but not instances
class WithClassMethod(type):
    def describe(cls):
        return f"class {cls.__name__}"
class Thing(metaclass=WithClassMethod):
    pass
print(Thing.describe(), hasattr(Thing(), "describe"))
try:
    type("Bad", "not a tuple", {})
except TypeError as e:
    print(type(e).__name__, e)
