# Checks single and multi-level inheritance: overriding, extending, abstract-style NotImplementedError, isinstance/issubclass with tuples.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        raise NotImplementedError(f"{type(self).__name__} must implement kind()")

class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "mammal"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (squeaky)"

class Bird(Animal):
    sound = "tweet"

for a in (Animal("generic"), Dog("Rex"), Puppy("Bit", 1), Bird("Tweety")):
    try:
        k = a.kind()
    except NotImplementedError as e:
        k = f"{type(e).__name__}: {e}"
    print(a.speak(), "|", k)

print(isinstance(Puppy("p", 1), Animal), isinstance(Dog("d"), Puppy))
print(issubclass(Puppy, Dog), issubclass(Puppy, (Bird, Animal)), issubclass(Bird, Dog))
print(issubclass(Dog, Dog), issubclass(Dog, object), issubclass(bool, int))
print(isinstance(True, (str, int)), isinstance(3, (str, (list, (int,)))))
try:
    isinstance(1, "int")
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(5, int)
except TypeError as e:
    print(type(e).__name__, e)

print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__base__.__name__, Dog.__bases__[0].__name__, object.__bases__)

# overriding class attribute in subclass doesn't affect parent
Dog.sound = "WOOF"
print(Puppy("x", 2).speak(), Bird("y").speak(), Animal("z").speak())

# method defined only in subclass invoked by base class method (template method)
class Report:
    def render(self):
        return f"<{self.header()}|{self.body()}>"
    def header(self):
        return "default header"
class Sales(Report):
    def body(self):
        return "sales numbers"
print(Sales().render())
try:
    Report().render()
except AttributeError as e:
    print(type(e).__name__, e)

# inheritance of dunder methods
class Base:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
class Derived(Base):
    pass
print(len(Derived()), list(Derived()), Derived()[2])
class ObjSub(object):
    pass
print(ObjSub.__bases__ == (object,), type(ObjSub()).__mro__[-1].__name__)
