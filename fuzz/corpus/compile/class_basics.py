# Checks class basics: instance vs class attributes, __dict__, shadowing, isinstance, type(), methods mutating state.
class Dog:
    species = "canis"
    count = 0
    tricks_shared = []

    def __init__(self, name):
        self.name = name
        self.tricks = []
        Dog.count += 1

    def add_trick(self, t):
        self.tricks.append(t)
        return self

    def describe(self):
        return f"{self.name} ({self.species}) knows {self.tricks}"

a = Dog("Rex")
b = Dog("Fido")
a.add_trick("sit").add_trick("roll")
print(a.describe())
print(b.describe())
print(Dog.count, a.count, b.count)
print(a.__dict__)
print(sorted(k for k in Dog.__dict__ if not k.startswith("__")))

# shadowing a class attribute on an instance
a.species = "wolf"
print(a.species, b.species, Dog.species)
del a.species
print(a.species)

# mutating a shared class-level list affects all instances
a.tricks_shared.append("shared!")
print(b.tricks_shared, Dog.tricks_shared)

# changing class attribute visible through instances
Dog.species = "canis lupus"
print(a.species, b.species)

print(type(a) is Dog, type(a).__name__, isinstance(a, Dog), isinstance(a, object))
print(Dog.__name__, Dog.__qualname__, Dog.__module__, Dog.__bases__)
print(type(Dog).__name__, type(type).__name__)

class Empty:
    pass
e = Empty()
e.x = 1
e.y = [2]
print(vars(e), e.__dict__ is vars(e))
e.__dict__["z"] = 3
print(e.z)
try:
    e.missing
except AttributeError as err:
    print(type(err).__name__, err)
try:
    Empty.missing
except AttributeError as err:
    print(type(err).__name__, err)

class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
p = Point(1, 2)
print(p, p.moved(3, -4), [Point(), Point(5)])
print(Point.moved(p, 1, 1))
try:
    Point(1, 2, 3)
except TypeError as err:
    print(type(err).__name__, err)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as err:
    print(type(err).__name__, err)
