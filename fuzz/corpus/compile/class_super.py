# Checks super(): cooperative multiple inheritance, explicit two-argument form, super in classmethods and __init__ chains.
class Base:
    def __init__(self, **kw):
        print("Base.__init__ leftover", kw)
    def hello(self):
        return ["Base"]

class A(Base):
    def __init__(self, a=None, **kw):
        print("A.__init__ a =", a)
        super().__init__(**kw)
    def hello(self):
        return ["A"] + super().hello()

class B(Base):
    def __init__(self, b=None, **kw):
        print("B.__init__ b =", b)
        super().__init__(**kw)
    def hello(self):
        return ["B"] + super().hello()

class C(A, B):
    def __init__(self, c=None, **kw):
        print("C.__init__ c =", c)
        super().__init__(**kw)
    def hello(self):
        return ["C"] + super().hello()

obj = C(a=1, b=2, c=3, extra=4)
print(obj.hello())
print(super(A, obj).hello())
print(super(C, obj).hello())
print(super(B, obj).hello())

class Shape:
    @classmethod
    def create(cls):
        return f"Shape.create for {cls.__name__}"
    def area(self):
        return 0
class Square(Shape):
    def __init__(self, s):
        self.s = s
    @classmethod
    def create(cls):
        return "Square wrapper: " + super().create()
    def area(self):
        return self.s ** 2 + super().area()
print(Square.create())
print(Square(4).area())

# super works for attribute lookup of data too
class Config:
    setting = "base setting"
class Sub(Config):
    setting = "sub setting"
    def both(self):
        return self.setting, super().setting
print(Sub().both())

# super in a subclass of a builtin
class LoudList(list):
    def append(self, item):
        print("appending", item)
        super().append(item)
ll = LoudList([1])
ll.append(2)
print(ll, len(ll))

class LoudDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = LoudDict()
d["x"] = 5
print(d)

try:
    super(int, "s")
except TypeError as e:
    print(type(e).__name__, e)

# super inside a nested function needs explicit arguments
class N(Base):
    def method(self):
        def inner():
            return super(N, self).hello()
        return inner()
print(N().method())
print(N.__mro__[1].__name__)
