# Checks class-body scoping: class attributes not visible in methods or nested comprehensions, name resolution order, and class body execution.
x = "global x"
class A:
    x = "class x"
    y = x + " (read in class body)"
    def method(self):
        return x
    def method_via_self(self):
        return self.x
    print("executing class body, x =", x)
print(A.y, "|", A().method(), "|", A().method_via_self())

class B:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    try:
        offset = 10
        shifted = [v + offset for v in values]
    except NameError as e:
        shifted = "NameError: " + str(e)
print(B.doubled, B.shifted)

def factory():
    local = "function local"
    class Inner:
        attr = local
        def get(self):
            return local
    return Inner
I = factory()
print(I.attr, I().get())

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.count_seen = self.count
Counter(); Counter()
c = Counter()
print(Counter.count, c.count_seen)

class Shadow:
    len = "class attribute named len"
    size = len
    def method(self):
        return len("builtin len still works in methods")
print(Shadow.size, Shadow().method())

class Order:
    a = 1
    b = a + 1
    a = 10
    c = a + b
print(Order.a, Order.b, Order.c)

def func_in_class_scope():
    class Local:
        y = 5
        z = y * 2
    return Local.z
print(func_in_class_scope())

class Nested:
    class Config:
        level = 3
    level = Config.level + 1
print(Nested.level, Nested.Config.level)
class WithDel:
    temp = 1
    del temp
print(hasattr(WithDel, "temp"))
