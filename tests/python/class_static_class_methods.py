# Checks staticmethod and classmethod: calls via class/instance, alternate constructors, inheritance of cls.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    @classmethod
    def kind(cls):
        return cls.__name__

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"))
print(MyDate.from_string("1999-12-31"))
print(MyDate(1, 2, 3).from_string("2000-01-01"))
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])
print(Date(1, 1, 1).is_leap(2000))
print(Date.kind(), MyDate.kind(), MyDate(0, 0, 0).kind())

class Counter:
    instances = 0
    def __init__(self):
        type(self).increment()
    @classmethod
    def increment(cls):
        cls.instances += 1
class SubCounter(Counter):
    instances = 100
Counter(); Counter(); SubCounter()
print(Counter.instances, SubCounter.instances)

sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Raw:
    length = sm
    name = cm
print(Raw.length("abcd"), Raw().length([1]), Raw.name(), Raw().name())
print(isinstance(Date.__dict__["is_leap"], staticmethod), isinstance(Date.__dict__["kind"], classmethod))
print(Date.__dict__["is_leap"].__func__(2024))

class Registry:
    _items = []
    @classmethod
    def register(cls, item):
        cls._items.append(item)
        return cls
    @classmethod
    def items(cls):
        return list(cls._items)
Registry.register("a").register("b")
print(Registry.items())
