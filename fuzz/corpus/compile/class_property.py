# Checks property getter/setter/deleter, read-only properties and their error messages, property inheritance and overriding.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)

print(type(Temperature.celsius).__name__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)

# property built with the function form
class Account:
    def __init__(self):
        self._balance = 0
    def _get(self):
        return self._balance
    def _set(self, v):
        self._balance = max(0, v)
    balance = property(_get, _set, None, "the balance")
acc = Account()
acc.balance = 50
print(acc.balance)
acc.balance = -10
print(acc.balance, Account.balance.__doc__)

# lazy computed property with caching in __dict__
class Lazy:
    computed = 0
    @property
    def value(self):
        if "_value" not in self.__dict__:
            Lazy.computed += 1
            self._value = sum(range(100))
        return self._value
lz = Lazy()
print(lz.value, lz.value, Lazy.computed)

# properties are inherited and can be overridden
class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @property
    def name(self):
        return "derived+" + super().name
print(Base().name, Derived().name)

# property takes priority over instance __dict__ (data descriptor)
class Shadow:
    @property
    def x(self):
        return "property x"
s = Shadow()
s.__dict__["x"] = "dict x"
print(s.x)

class Err:
    @property
    def broken(self):
        raise KeyError("inside property")
try:
    Err().broken
except KeyError as e:
    print(type(e).__name__, e)
