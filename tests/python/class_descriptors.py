# Checks the descriptor protocol: __get__/__set__/__delete__, data vs non-data precedence, __set_name__, access via class.
class Typed:
    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name
        print(f"__set_name__ {owner.__name__}.{name}")
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Typed {self.name} on {objtype.__name__}>"
        return getattr(obj, self.storage, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.storage, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.storage)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("Ann", 30)
print(p.name, p.age, sorted(p.__dict__.items()))
print(Person.name)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
del p.age
print(p.age)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from non-data descriptor"
class DataDesc:
    def __get__(self, obj, objtype=None):
        return "from data descriptor"
    def __set__(self, obj, value):
        print("DataDesc.__set__ intercepted", value)

class Host:
    nd = NonData()
    dd = DataDesc()

h = Host()
print(h.nd, h.dd)
h.__dict__["nd"] = "instance dict wins over non-data"
h.__dict__["dd"] = "instance dict loses to data"
print(h.nd)
print(h.dd)
h.dd = 5
h.nd = "assigned normally"
print(h.nd, h.__dict__["nd"])

# functions are non-data descriptors
def free(self):
    return "bound to " + type(self).__name__
print(free.__get__(h, Host)())
print(hasattr(free, "__get__"), hasattr(free, "__set__"))

class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
class UsesRO:
    const = ReadOnly()
u = UsesRO()
try:
    u.const = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(u.const)

# descriptor counting accesses
class Counted:
    def __init__(self):
        self.hits = 0
    def __get__(self, obj, objtype=None):
        self.hits += 1
        return self.hits
class UsesCounted:
    c = Counted()
uc = UsesCounted()
print(uc.c, uc.c, UsesCounted.c, UsesCounted.__dict__["c"].hits)
