# Checks __init_subclass__ with keyword arguments, __set_name__ ordering, and __class__ / type(self) usage.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.registry[key] = cls
        print("registered", key, "->", cls.__name__)

class Csv(Plugin, name="csv"):
    pass
class Json(Plugin):
    pass
class Pretty(Json, name="pretty-json"):
    pass
print(sorted(Plugin.registry))
print(Plugin.registry["pretty-json"].__mro__[1].__name__)

try:
    class Bad(Plugin, unknown_kw=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Field:
    def __set_name__(self, owner, name):
        print(f"set_name {name} on {owner.__name__}")
        self.name = name

class Form:
    def __init_subclass__(cls):
        fields = [k for k, v in vars(cls).items() if isinstance(v, Field)]
        print("init_subclass sees fields", fields)
        cls.fields = fields

class Login(Form):
    user = Field()
    password = Field()
print(Login.fields)

class Base:
    def kind(self):
        return __class__.__name__, type(self).__name__, self.__class__.__name__
class Derived(Base):
    def kind2(self):
        return __class__.__name__
d = Derived()
print(d.kind(), d.kind2())

# __class__ assignment between compatible classes
class Cat:
    def speak(self):
        return "meow"
class Lion(Cat):
    def speak(self):
        return "roar"
pet = Cat()
print(pet.speak())
pet.__class__ = Lion
print(pet.speak(), type(pet).__name__, isinstance(pet, Lion))
try:
    pet.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)

class Counter:
    count = 0
    def __init__(self):
        type(self).count += 1
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.count, SubCounter.count)
print(Base.__subclasses__() == [Derived], [c.__name__ for c in Json.__subclasses__()])
